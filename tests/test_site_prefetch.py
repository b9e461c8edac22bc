"""The site's content files and their stamps, taken by a forked child while a run checks its few files
(``fmlint.site.prefetch``): the findings are those of a run that walks and stats in the site pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fmlint.cache import ResultCache
from fmlint.pools import default_jobs
from fmlint.runner import run
from fmlint.site import walk, walker
from fmlint.site.config import forget_sites, read_site
from fmlint.site.prefetch import Prefetch
from fmlint.site.walk import Walked
from fmlint.stamps import stamps_now
from tests.test_site_incremental import CHILD, _edit
from tests.test_site_rules import BUILT_LINKS, FAULTY_SITE, SITE_SETTINGS, page, placed, site_findings, write

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or os.uname().sysname != "Linux", reason="Linux forks")


def findings(root: Path, files: list[str], cache: ResultCache | None, jobs: int) -> list[str]:
    result = run([str(root / name) for name in files], lambda path: SITE_SETTINGS, jobs=jobs, cache=cache)
    return [f"{os.path.relpath(d.path, root)}:{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics]


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[Walked | None]:
    """What the site pass took from each child."""
    found: list[Walked | None] = []
    take = Prefetch.take

    def recorded(self: Prefetch, site: object) -> Walked | None:
        found.append(take(self, site))  # type: ignore[arg-type]
        return found[-1]

    monkeypatch.setattr(Prefetch, "take", recorded)
    yield found
    forget_sites()


def test_a_run_over_a_few_files_takes_the_site_from_the_child(tmp_path, taken):
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)  # (the whole site, kept)
    _edit(CHILD, 'title: "Child"', body='{{< ref "install#options" >}} [s](sibling.md#x)\n')(tmp_path)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)  # (kept)
    site = read_site(str(tmp_path))
    walked, files = taken[0], walk.content_files(site)
    assert walked is not None and walked.files == files and set(walked.stamps()) == set(files)
    assert walked.stamps() == walk.content_stamps(files, cache, {})
    assert len(taken) == 2


def test_the_build_ignores_come_back_from_the_child(tmp_path, taken):
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://flux.test/"\n',
            "content/docs/source/.gitignore": "gitrepositories.md\nhelmcharts.md\n",
            "content/docs/guides/p.md": page('title: "P"', body=BUILT_LINKS),
        },
    )
    (tmp_path / ".git").mkdir()
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    alone = placed(findings(tmp_path, ["content/docs/guides/p.md"], None, jobs=1))
    assert placed(findings(tmp_path, ["content/docs/guides/p.md"], cache, jobs=2)) == alone
    assert len(alone) == 5 and taken[0] is not None and taken[0].ignores is not None


def test_a_child_that_fails_leaves_the_walk_to_the_site_pass(tmp_path, monkeypatch, taken):
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    monkeypatch.setattr(walk, "walk_content", lambda *a: os._exit(3))  # (the child's: the site pass has its own)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert taken == [None]


def test_a_child_that_fails_after_the_walk_leaves_the_stamps_to_the_site_pass(tmp_path, monkeypatch, taken):
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    stamps = walk.content_stamps
    monkeypatch.setattr(walker, "stamps_now", lambda *a: os._exit(3))  # (the child's)
    _edit(CHILD, 'title: "Child"', body='{{< ref "install#none" >}}\n')(tmp_path)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert taken[0] is not None and taken[0].stamps() == stamps(taken[0].files, cache, {})


@pytest.mark.parametrize("grandchild_fails", [False, True])
def test_a_large_site_s_stamps_are_taken_by_two_processes(tmp_path, monkeypatch, taken, grandchild_fails):
    """The child forks a grandchild for the second half of the stamps (here every site is large); if it fails,
    the child takes that half too."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    monkeypatch.setattr(walker, "_SPLIT_STAMPS", 2)
    here, stamps, halves = os.getpid(), walk.content_stamps, tmp_path / "halves"

    def stamped(files: list[str], racy_ns: int) -> list[str | None]:
        with halves.open("a") as record:
            record.write(f"{os.getppid() == here} {len(files)}\n")
        if grandchild_fails and os.getppid() != here:
            os._exit(3)
        return stamps_now(files, racy_ns)

    monkeypatch.setattr(walker, "stamps_now", stamped)  # (the child's and the grandchild's)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    walked, files = taken[0], walk.content_files(read_site(str(tmp_path)))
    assert walked is not None and walked.stamps() == stamps(files, cache, {})
    first, second = len(files) // 2, len(files) - len(files) // 2
    expected = {f"True {first}", f"False {second}"} | ({f"True {second}"} if grandchild_fails else set())
    assert set(halves.read_text().splitlines()) == expected


@pytest.mark.parametrize("jobs, cache, files", [(1, True, 1), (2, False, 1), (2, True, 64)])
def test_no_child_with_one_job_without_the_cache_or_for_the_pool(tmp_path, monkeypatch, jobs, cache, files):
    """One job is one process; the stamps are the cache's; a run of the pool's size keeps both cores busy."""
    write(tmp_path, {"hugo.toml": "", **{f"content/p{n}.md": page(f'title: "P{n}"') for n in range(files)}})
    monkeypatch.setattr(Prefetch, "start", lambda *a: pytest.fail("a child was started"))
    paths = [str(path) for path in sorted((tmp_path / "content").glob("*.md"))]
    run(paths, lambda path: SITE_SETTINGS, jobs=jobs, cache=ResultCache(tmp_path / ".cache") if cache else None)
    forget_sites()


def test_a_child_whose_site_is_not_checked_is_ended(tmp_path):
    write(tmp_path, FAULTY_SITE)
    started = Prefetch.start([(str(tmp_path / CHILD), SITE_SETTINGS)], ResultCache(tmp_path / ".cache"), cores=2)
    assert started is not None and len(started._children) == 1
    (child,) = started._children.values()
    pid = child.forked.pid
    started.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # (reaped)
    forget_sites()


@pytest.mark.parametrize("jobs, children", [(2, 1), (3, 2)])
def test_one_child_for_each_other_core(tmp_path, taken, jobs, children):
    """Two sites in one run: a child for each while there is a core for it; the site pass walks the other."""
    for name in ("a", "b"):
        write(tmp_path / name, FAULTY_SITE)
    files = ["a/" + CHILD, "b/" + CHILD]
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert findings(tmp_path, files, cache, jobs) == findings(tmp_path, files, None, jobs=1)
    assert len(taken) == 2 and sum(walked is not None for walked in taken) == children


def test_a_file_of_the_run_changed_after_the_child_stamped_it(tmp_path, monkeypatch, taken):
    """The child stamps every file before the run reads its own; one edited in between (an editor saving
    during the hook) is judged by what the run read: the kept findings of its old text are not taken for
    its new one."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    before = walk.content_stamps(walk.content_files(read_site(str(tmp_path))), cache, {})
    _edit(CHILD, 'title: "Child"', body="[s](sibling.md#x)\n")(tmp_path)
    monkeypatch.setattr(walker, "stamps_now", lambda files, _: [before[path] for path in files])  # (the child saw)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert taken[0] is not None


def test_no_pipe_or_no_fork_leaves_the_walk_to_the_site_pass(tmp_path, monkeypatch, taken):
    """Out of file descriptors, memory or processes: no child, and the same findings."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)

    def refused(*args: object) -> None:
        raise OSError(24, "Too many open files")

    for refuse in ("pipe", "memfd_create", "fork"):
        with monkeypatch.context() as patch:
            patch.setattr(walker.os, refuse, refused)
            assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert taken == [None, None, None]


# the child the ``fmlint`` command forks before its imports (``fmlint.site.walker.start``)
needs_two_cores = pytest.mark.skipif(default_jobs() < 2, reason="the command's child is for a second core")


def started_child() -> int:
    """The pid of the child the command started (and not yet taken or ended)."""
    assert walker._started is not None
    return walker._started.child.pid


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_two_cores
def test_the_run_takes_the_child_the_command_started(tmp_path, monkeypatch, taken):
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache")
    site_findings(tmp_path, cache=cache)
    walker.start(["--cache-dir", str(tmp_path / ".cache"), "-q", str(tmp_path / CHILD)])
    pid = started_child()
    forked: list[object] = []
    monkeypatch.setattr(walker, "fork_walker", lambda *a: forked.append(a))  # (no second child)
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert taken[0] is not None and taken[0].files == walk.content_files(read_site(str(tmp_path)))
    assert taken[0].stamps() == walk.content_stamps(taken[0].files, cache, {})
    assert forked == [] and walker._started is None and reaped(pid)


@needs_two_cores
@pytest.mark.parametrize(
    "args",
    [
        ["--no-cache", CHILD],
        ["content"],  # a folder: maybe more files than a pre-commit run's
        [f"content/p{n}.md" for n in range(64)],  # the pool's
        ["hugo.toml"],  # no Markdown
        ["../other/outside.md"],  # in no site
        ["content/gone.md"],  # no such file
        ["--ignore", "SITE", CHILD],  # the site rules off
        ["--ignore=MD,S", CHILD],
        ["--ignore", "ALL", CHILD],
        ["--select", "MD,SC002", CHILD],  # other rules alone
        ["--select=DT", CHILD],
    ],
)
def test_the_command_starts_no_child_where_no_run_would_take_it(tmp_path, monkeypatch, args):
    write(tmp_path / "site", {**FAULTY_SITE, **{f"content/p{n}.md": page('title: "P"') for n in range(64)}})
    write(tmp_path / "other", {"outside.md": "# O\n"})
    monkeypatch.chdir(tmp_path / "site")
    walker.start(args)
    assert walker._started is None
    forget_sites()


@needs_two_cores
@pytest.mark.parametrize(
    "args",
    [
        ["--ignore", "SITE001", CHILD],
        ["--select", "SITE", CHILD],
        ["--select=MD,broken-reference", CHILD],
        ["--select", "MD", "--select", "SITE00", CHILD],
        ["--select", "MD", "--extend-select", "SITE003", CHILD],
        [CHILD],
    ],
)
def test_the_command_starts_a_child_where_the_site_rules_may_run(tmp_path, monkeypatch, args):
    write(tmp_path, FAULTY_SITE)
    monkeypatch.chdir(tmp_path)
    walker.start(args)
    assert walker._started is not None
    walker.discard()
    forget_sites()


@needs_two_cores
@pytest.mark.parametrize("jobs, cache", [(1, True), (2, False)])
def test_a_run_that_takes_no_child_ends_the_one_started(tmp_path, jobs, cache):
    """Before it checks its files: the core is the pool's, or its own."""
    write(tmp_path, FAULTY_SITE)
    walker.start([str(tmp_path / CHILD)])
    pid = started_child()
    assert findings(tmp_path, [CHILD], ResultCache(tmp_path / ".cache") if cache else None, jobs) == findings(
        tmp_path, [CHILD], None, jobs=1
    )
    assert walker._started is None and reaped(pid)
    forget_sites()


@needs_two_cores
def test_a_child_that_walked_the_site_configured_otherwise_is_not_taken(tmp_path, taken):
    """The site's configuration changed between the command's start and the run's reading of it (here its
    ``ignoreFiles``): the run's site is walked by a child of its own, and the first is ended."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    walker.start([str(tmp_path / CHILD)])
    pid = started_child()
    config = tmp_path / "hugo.toml"
    config.write_text('ignoreFiles = ["install\\\\.md$"]\n' + config.read_text())
    forget_sites()
    assert findings(tmp_path, [CHILD], cache, jobs=2) == findings(tmp_path, [CHILD], None, jobs=1)
    assert taken[0] is not None and str(tmp_path / "content/docs/install.md") not in taken[0].files
    assert walker._started is None and reaped(pid)

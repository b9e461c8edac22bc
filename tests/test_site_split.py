"""The reference check split between this process and a forked child (``fmlint.site.split``): the same
findings, in the same order, as one process finds; the files the child looked for kept with them; a failed
child's pages checked here."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from fmlint.cache import ResultCache
from fmlint.runner import run
from fmlint.site import partial, split
from fmlint.site.checks import broken_references
from fmlint.site.config import read_site
from fmlint.site.walk import content_files
from tests.test_site_rules import FAULTY_SITE, SITE_SETTINGS, index_of, page, site_findings, write

pytestmark = pytest.mark.skipif(
    multiprocessing.get_context().get_start_method() != "fork", reason="the check is split only where workers fork"
)

# every note links to the next (two anchors in three broken, the last note missing); each file page to a
# folder served from static/
LINKED = {
    f"content/notes/n{n}.md": page(
        f'title: "N{n}"', body=f"## Part {n}\n\n[next](/notes/n{n + 1}/#part-{n + (n % 3)})\n"
    )
    for n in range(12)
} | {f"content/files/f{n}.md": page(f'title: "F{n}"', body="[old](/legacy/)\n") for n in range(6)}
# a page of many references, each to a heading another page does not have (a shortcode and a link a line)
MANY = {
    "content/many.md": page(
        'title: "Many"',
        body="".join(f'{{{{< ref "/notes/n{n}#nowhere-{n}" >}}}} [n](notes/n{n}.md#gone-{n})\n' for n in range(12)),
    )
}


def _findings(root: Path, jobs: int, cache: ResultCache | None = None) -> list[str]:
    result = run(content_files(read_site(str(root))), lambda path: SITE_SETTINGS, jobs=jobs, cache=cache)
    return [
        f"{os.path.relpath(d.path, root)}:{d.line}:{d.column} {d.code} {d.message}"
        for d in result.diagnostics
        if d.code.startswith("SITE")
    ]


class _Counting:
    """The child's findings as decoded here, each time."""

    def __init__(self) -> None:
        self.received = 0
        self.found = 0  # the child's findings, last received

    def decode(self, data: bytes) -> object:
        self.received += 1
        decoded = _DECODER.decode(data)
        self.found = len(decoded[0])
        return decoded


_DECODER = split._DECODER


@pytest.fixture
def small_sites_split(monkeypatch) -> _Counting:
    """Every site split, however small; how many times the child's findings were received."""
    monkeypatch.setattr(split, "MIN_PAGES", 1)
    counting = _Counting()
    monkeypatch.setattr(split, "_DECODER", counting)
    return counting


def test_the_split_check_finds_what_one_process_finds_in_the_same_order(tmp_path, small_sites_split):
    write(tmp_path, {**FAULTY_SITE, **LINKED, **MANY, "static/legacy/index.html": "Moved.\n"})
    alone = _findings(tmp_path, jobs=1)
    assert small_sites_split.received == 0  # one job: no child
    split_up = _findings(tmp_path, jobs=2)
    assert small_sites_split.received == 1
    assert split_up == alone
    assert sum(" SITE004 " in line and line.startswith("content/notes/") for line in alone) == 7
    assert sum(" SITE003 " in line and line.startswith("content/notes/n11.md") for line in alone) == 1
    many = [line.split(" ", 1)[0] for line in alone if line.startswith("content/many.md")]
    link_column = len('{{< ref "/notes/n0#nowhere-0" >}} [n](') + 1
    assert many == [
        f"content/many.md:{n + 5}:{column}" for n in range(12) for column in (10, link_column + (n > 9) * 2)
    ]


def test_the_findings_of_both_shares_come_in_the_order_of_one_check(tmp_path, small_sites_split):
    """Page by page, each page's in its own order, whichever process checked the page."""
    write(tmp_path, {**FAULTY_SITE, **LINKED, **MANY, "static/legacy/index.html": "Moved.\n"})
    index = index_of(tmp_path)
    alone = [(f.page.file, f.code, f.message, f.at) for f in broken_references(index, lambda page: True)]
    with split.split_references(index, lambda page: True) as references:
        found = references().findings
    assert [(f.page.file, f.code, f.message, f.at) for f in found] == alone


def test_a_failed_child_leaves_its_pages_to_this_process(tmp_path, small_sites_split, monkeypatch):
    write(tmp_path, {**FAULTY_SITE, **LINKED, "static/legacy/index.html": "Moved.\n"})
    alone = _findings(tmp_path, jobs=1)
    monkeypatch.setattr(split, "_check_share", lambda *arguments: os._exit(3))  # dies without a word
    assert _findings(tmp_path, jobs=2) == alone
    assert small_sites_split.received == 0


def test_the_blocks_a_failed_child_took_are_checked_here(tmp_path, small_sites_split, monkeypatch):
    """A child that dies after taking every block of pages leaves them to this process: nothing is lost."""
    write(tmp_path, {**FAULTY_SITE, **LINKED, **MANY, "static/legacy/index.html": "Moved.\n"})
    alone = _findings(tmp_path, jobs=1)
    monkeypatch.setattr(split, "BLOCK", 1)

    def takes_all_then_dies(index, numbers, wanted, claims, sending, aside):
        assert len(list(claims.taken(True, []))) == 2 * claims.blocks
        os._exit(3)

    monkeypatch.setattr(split, "_check_share", takes_all_then_dies)
    assert _findings(tmp_path, jobs=2) == alone


def test_each_block_is_taken_once_from_either_end_of_its_queue(tmp_path, small_sites_split, monkeypatch):
    """This process takes the references without a fragment from the front, the child those with one from the
    back, and each then the other queue: the same findings, in the same order, each block checked once."""
    write(tmp_path, {**FAULTY_SITE, **LINKED, **MANY, "static/legacy/index.html": "Moved.\n"})
    index = index_of(tmp_path)
    alone = [(f.page.file, f.code, f.message, f.at) for f in broken_references(index, lambda page: True)]
    monkeypatch.setattr(split, "BLOCK", 1)
    here: list[tuple[bool, int]] = []
    made: list[split._Claims] = []
    taken, start = split._Claims.taken, split._Claims.__init__
    monkeypatch.setattr(split._Claims, "taken", lambda self, back, record: taken(self, back, here))
    monkeypatch.setattr(
        split._Claims, "__init__", lambda self, *arguments: (start(self, *arguments), made.append(self))[0]
    )
    with split.split_references(index, lambda page: True) as references:
        waited = 0.0
        while made[0].ends[3] == made[0].blocks and waited < 30:  # (until the child has taken a block)
            time.sleep(0.01)
            waited += 0.01
        found = references().findings
    assert [(f.page.file, f.code, f.message, f.at) for f in found] == alone
    plain = [block for fragments, block in here if not fragments]
    assert plain == list(range(len(plain)))  # (from the front, in order)
    assert len(here) < 2 * -(-len(index.pages) // split.BLOCK)  # (the child took some)
    assert small_sites_split.found > 0  # (and found some)


def test_a_process_left_alone_takes_both_queues_whole():
    claims = split._Claims(multiprocessing.get_context("fork"), 70)  # (3 blocks of 32)
    front: list[tuple[bool, int]] = []
    assert (
        list(claims.taken(False, front))
        == front
        == [(False, 0), (False, 1), (False, 2), (True, 0), (True, 1), (True, 2)]
    )
    claims = split._Claims(multiprocessing.get_context("fork"), 70)
    assert [next(claims.taken(True, [])), next(claims.taken(False, []))] == [(True, 2), (False, 0)]


def test_the_files_the_child_looked_for_are_kept_with_the_findings(tmp_path, small_sites_split):
    write(
        tmp_path, {**LINKED, "hugo.toml": 'baseURL = "https://example.org/"\n', "static/legacy/index.html": "Moved.\n"}
    )
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    first = _findings(tmp_path, jobs=2, cache=cache)  # (with the findings to keep)
    assert small_sites_split.received == 1 and not any("/legacy/" in line for line in first)
    shutil.rmtree(tmp_path / "static/legacy")  # a folder the child looked for is gone: the kept findings no longer hold
    again = _findings(tmp_path, jobs=2, cache=cache)
    assert sum(" SITE003 " in line and "/legacy/" in line for line in again) == 6


def _keys_kept(cache: ResultCache) -> int:
    """How many page keys the cache holds."""
    with sqlite3.connect(cache.database) as connection:
        return connection.execute("SELECT count(*) FROM page_keys").fetchone()[0]


def test_the_child_keeps_the_pages_keys_and_later_runs_over_a_few_files_agree(tmp_path, small_sites_split, monkeypatch):
    """A run over the whole site with the cache keeps its findings and its pages' keys; the keys are stored by
    the reference check's child, first (``aside``), while this process takes more of the references."""
    write(tmp_path, {**FAULTY_SITE, **LINKED, "static/legacy/index.html": "Moved.\n"})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    stored: list[object] = []  # the keys this process stored with the findings
    store_site = ResultCache.store_site
    monkeypatch.setattr(
        ResultCache, "store_site", lambda self, *arguments: stored.append(arguments[3:]) or store_site(self, *arguments)
    )
    assert _findings(tmp_path, jobs=2, cache=cache) == _findings(tmp_path, jobs=1)
    assert small_sites_split.received == 1 and _keys_kept(cache) > len(LINKED)
    assert stored == [(None,)]  # (stored by the child)
    edited = (tmp_path / "content/notes/n3.md").read_text().replace("## Part 3", "## Part three")
    (tmp_path / "content/notes/n3.md").write_text(edited)  # (n2 links to #part-3 now gone)
    few = ["content/notes/n2.md", "content/notes/n3.md"]
    assert _partial_findings(tmp_path, few, cache, monkeypatch) == site_findings(tmp_path, few)
    assert any(line.startswith("content/notes/n2.md") and " SITE004 " in line for line in site_findings(tmp_path, few))


def _partial_findings(root: Path, files: list[str], cache: ResultCache, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``site_findings`` of ``files`` with ``cache``, asserting that the part of the site they need was indexed
    by the keys kept (the partial path: not the whole site, nor the findings kept served as they are)."""
    calls: list[int] = []
    indexed = partial.partial_index
    with monkeypatch.context() as patched:
        patched.setattr(partial, "partial_index", lambda *arguments: calls.append(1) or indexed(*arguments))
        found = site_findings(root, files, cache)
    assert calls == [1]
    return found


def test_keys_the_child_could_not_store_are_stored_with_the_findings(tmp_path, small_sites_split, monkeypatch):
    """A child whose keys were not written (a busy database) leaves them to this process: they are stored with
    the findings, in one transaction, and a later run over a few files still takes them."""
    write(tmp_path, {**FAULTY_SITE, **LINKED, "static/legacy/index.html": "Moved.\n"})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    monkeypatch.setattr(ResultCache, "store_site_keys", lambda self, root, keys: False)
    assert _findings(tmp_path, jobs=2, cache=cache) == _findings(tmp_path, jobs=1)
    assert small_sites_split.received == 1 and _keys_kept(cache) > len(LINKED)
    edited = (tmp_path / "content/notes/n2.md").read_text().replace("#part-", "#section-")
    (tmp_path / "content/notes/n2.md").write_text(edited)  # (its facts changed: what it depends on is indexed)
    few = ["content/notes/n2.md"]
    assert _partial_findings(tmp_path, few, cache, monkeypatch) == site_findings(tmp_path, few)


def test_a_child_that_dies_after_storing_the_keys_leaves_the_findings_to_be_stored_here(
    tmp_path, small_sites_split, monkeypatch
):
    """The keys are written, the child dies without sending its findings: this process checks its references,
    stores the keys again with the findings, and a later run over a few files agrees with a run from scratch."""
    write(tmp_path, {**FAULTY_SITE, **LINKED, "static/legacy/index.html": "Moved.\n"})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    share = split._check_share

    def stores_then_dies(index, numbers, wanted, claims, sending, aside):
        assert aside is not None and aside() is True
        os._exit(3)

    monkeypatch.setattr(split, "_check_share", stores_then_dies)
    assert _findings(tmp_path, jobs=2, cache=cache) == _findings(tmp_path, jobs=1)
    assert small_sites_split.received == 0 and _keys_kept(cache) > len(LINKED)
    monkeypatch.setattr(split, "_check_share", share)
    edited = (tmp_path / "content/notes/n5.md").read_text().replace("#part-", "#section-")
    (tmp_path / "content/notes/n5.md").write_text(edited)
    few = ["content/notes/n5.md"]
    assert _partial_findings(tmp_path, few, cache, monkeypatch) == site_findings(tmp_path, few)

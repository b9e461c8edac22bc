"""The parallel runner and the per-file result cache give the same results as a plain run."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest

from fmlint.cache import CACHEDIR_TAG, ResultCache, settings_fingerprint
from fmlint.cli import main
from fmlint.config.settings import Settings
from fmlint.diagnostics import Severity
from fmlint.discover import discover
from fmlint.rules import RULES_BY_CODE
from fmlint.rules.local_images import site_root
from fmlint.runner import checker_groups, run
from fmlint.schema.loader import _compile, compile_schema, load_schema
from fmlint.suppressions import may_have_directives

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "content"
SAMPLES = {
    "bom-crlf.md": "\ufeff---\r\ntitle: x\r\ntoc: 1\r\n---\r\n![a](https://cdn.example.com/a.png)\r\n".encode(),
    "cjk.md": "---\ntitle: 价格\ncomments: 是\n---\n正文 ![图](https://cdn.example.com/图.png)\n".encode(),
    "toml.md": b'+++\ntitle = "x"\ntoc = 1\n+++\n[link](https://example.com/x)\n',
    "json.md": b'{\n  "title": "x",\n  "toc": 1\n}\nbody\n',
    "binary.md": b"\x00\x01\x02",
    "bad-utf8.md": b"---\ntitle: \xff\n---\n",
}


def corpus(folder: Path, copies: int = 1) -> list[str]:
    """The examples and the position-sensitive samples, ``copies`` times over."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = {path.name: path.read_bytes() for path in EXAMPLES.rglob("*.md")} | SAMPLES
    for copy in range(copies):
        for name, data in sources.items():
            (folder / f"{copy:03d}-{name}").write_bytes(data)
    return discover([str(folder)])


def settings(**changes: Any) -> Settings:
    return Settings(
        **{"schema": load_schema("hugo-article"), "collect_urls": frozenset({"images", "links"}), **changes}
    )


def lint_all(files: list[str], the_settings: Settings, **options: Any):
    return run(files, lambda path: the_settings, **options)


def test_cached_and_uncached_runs_agree(tmp_path):
    files = corpus(tmp_path)
    cache = ResultCache(tmp_path / "cache")
    plain = lint_all(files, settings(), jobs=1)
    cold = lint_all(files, settings(), jobs=1, cache=cache)
    warm = lint_all(files, settings(), jobs=1, cache=cache)
    assert plain.diagnostics and any(result.urls for result in plain.file_results)
    assert cold.cache_hits == 0
    assert warm.cache_hits == len(files)
    for other in (cold, warm):
        assert other.diagnostics == plain.diagnostics
        assert list(other.file_results) == list(plain.file_results)


def test_jobs_do_not_change_the_output(tmp_path, capsys):
    corpus(tmp_path / "site", copies=7)  # over the in-process threshold
    outputs = []
    for args in (["--jobs", "1", "--no-cache"], ["--jobs", "2", "--no-cache"], ["--jobs", "2"], ["--jobs", "2"]):
        assert main([*args, "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(tmp_path / "site")]) == 1
        outputs.append(capsys.readouterr().out)
    assert len(json.loads(outputs[0])) > 7
    assert outputs[1:] == outputs[:1] * 3


def test_pool_results_keep_file_order(tmp_path):
    files = corpus(tmp_path, copies=3)
    in_process = lint_all(files, settings(), jobs=1)
    pooled = lint_all(files, settings(), jobs=2, min_files_for_pool=0)
    assert [r.path for r in pooled.file_results] == files
    assert list(pooled.file_results) == list(in_process.file_results)


def test_a_changed_file_is_checked_again(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: x\n---\n")
    cache = ResultCache(tmp_path / "cache")
    assert lint_all([str(post)], settings(), cache=cache).diagnostics == []
    post.write_text("---\ntitle: x\ntoc: 1\n---\n")
    result = lint_all([str(post)], settings(), cache=cache)
    assert result.cache_hits == 0
    assert [d.code for d in result.diagnostics] == ["SC001"]


def test_a_changed_schema_or_option_misses(tmp_path):
    files = corpus(tmp_path)
    cache = ResultCache(tmp_path / "cache")
    lint_all(files, settings(), cache=cache)
    strict = compile_schema({"type": "object", "required": ["title", "author"]}, "strict", tmp_path / "s.json")
    changed = [
        Settings(schema=strict),
        settings(severities={"SC001": Severity.WARNING}),
        settings(enabled_codes=frozenset({"SC001"})),
        settings(rule_options={"schema": {"x": 1}}),
        settings(max_file_size=10),
        settings(collect_urls=frozenset({"images"})),
    ]
    for other in changed:
        result = lint_all(files, other, cache=cache)
        assert result.cache_hits == 0
        assert result.diagnostics == lint_all(files, other).diagnostics


def test_a_changed_referenced_schema_file_changes_the_digest(tmp_path):
    (tmp_path / "defs.json").write_text('{"type": "string"}')
    main_schema = {"type": "object", "properties": {"title": {"$ref": "defs.json"}}}
    before = compile_schema(main_schema, "s", tmp_path / "s.json")
    (tmp_path / "defs.json").write_text('{"type": "integer"}')
    after = compile_schema(main_schema, "s", tmp_path / "s.json")
    assert settings_fingerprint(Settings(schema=before)) != settings_fingerprint(Settings(schema=after))


def test_fingerprint_covers_fields_added_later():
    extended = msgspec.defstruct("Extended", [("spelling", str, "en")], bases=(Settings,), frozen=True)
    assert settings_fingerprint(extended(spelling="en")) != settings_fingerprint(extended(spelling="de"))
    assert settings_fingerprint(settings()) == settings_fingerprint(settings())


def test_settings_pickle_for_worker_processes(tmp_path):
    (tmp_path / "defs.json").write_text('{"type": "string", "format": "hugo-date"}')
    schema = compile_schema({"properties": {"date": {"$ref": "defs.json"}}}, "s", tmp_path / "s.json")
    original = Settings(schema=schema)
    copy = pickle.loads(pickle.dumps(original))
    assert settings_fingerprint(copy) == settings_fingerprint(original)
    post = tmp_path / "post.md"
    post.write_text('---\ndate: "2025-02-30 11:51:26"\n---\n')
    expected = lint_all([str(post)], original).diagnostics
    assert "SC001" in [d.code for d in expected]
    assert lint_all([str(post)], copy).diagnostics == expected
    used = pickle.loads(pickle.dumps(original))  # after a run: the options worked out on the way stay behind
    assert lint_all([str(post)], used).diagnostics == expected


def entries(cache_dir: Path) -> dict[str, bytes]:
    with sqlite3.connect(cache_dir / "files.sqlite3") as connection:
        return dict(connection.execute("SELECT key, value FROM results ORDER BY rowid"))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"\xff\xfe",
        msgspec.msgpack.encode({"diagnostics": 1}),
        msgspec.msgpack.encode(
            {"diagnostics": [["1", 1, "SC001", 1, 1, "r", "error", "m"]], "urls": []}
        ),  # a field short
        msgspec.msgpack.encode(  # another file's findings
            {
                "diagnostics": [["other.md", 1, 1, "SC001", 1, 2, "r", "error", "m"]],
                "filesystem": [],
                "probes": [],
                "urls": [],
                "suppressions": False,
            }
        ),
    ],
)
def test_a_corrupt_entry_is_a_miss(tmp_path, damage):
    files = corpus(tmp_path)
    cache = ResultCache(tmp_path / "cache")
    expected = lint_all(files, settings(), cache=cache).diagnostics
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite3") as connection:
        connection.execute("UPDATE results SET value = ?", (damage,))
    again = lint_all(files, settings(), cache=cache)
    assert again.cache_hits == 0
    assert again.diagnostics == expected
    assert lint_all(files, settings(), cache=cache).cache_hits == len(files)  # rewritten


@pytest.mark.parametrize("damage", [b"", b"garbage" * 1000, b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_corrupt_database_is_replaced(tmp_path, damage):
    files = corpus(tmp_path)
    expected = lint_all(files, settings()).diagnostics
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "files.sqlite3").write_bytes(damage)
    assert lint_all(files, settings(), cache=ResultCache(tmp_path / "cache")).diagnostics == expected
    warm = lint_all(files, settings(), cache=ResultCache(tmp_path / "cache"))
    assert warm.diagnostics == expected
    assert warm.cache_hits == len(files)


def test_the_cache_folder_is_tagged_and_ignored(tmp_path):
    lint_all(corpus(tmp_path), settings(), cache=ResultCache(tmp_path / "cache"))
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text() == CACHEDIR_TAG
    assert (tmp_path / "cache" / ".gitignore").read_text() == "*\n"
    assert not list((tmp_path / "cache").glob(".*.tmp"))


PAGES = ("page_count", "freelist_count", "page_size")


def stored_bytes(cache_dir: Path) -> int:
    """What the cache's database holds: its pages in use (not its free pages, nor its write-ahead log)."""
    with sqlite3.connect(cache_dir / "files.sqlite3") as connection:
        size, free, page = (connection.execute(f"PRAGMA {name}").fetchone()[0] for name in PAGES)
    return (size - free) * page


def test_oldest_entries_are_evicted_beyond_the_size_cap(tmp_path, monkeypatch):
    """Beyond the cap, the oldest-written entries go and their pages are given back: the files come under
    the cap, so the next runs have nothing to count."""
    lint_all(corpus(tmp_path / "site", copies=20), settings(), cache=ResultCache(tmp_path / "cache"))
    before = list(entries(tmp_path / "cache"))
    cap = stored_bytes(tmp_path / "cache") * 2 // 3
    removed = ResultCache(tmp_path / "cache", max_bytes=cap).evict()
    assert 0 < removed < len(before)
    assert list(entries(tmp_path / "cache")) == before[removed:]  # the oldest went, the others stay in order
    assert ResultCache(tmp_path / "cache")._stored_bytes() <= cap  # (about three quarters of it)
    (tmp_path / "one.md").write_text("---\ntitle: x\ntoc: 1\n---\n")  # a run that writes one more entry
    lint_all([str(tmp_path / "one.md")], settings(), cache=ResultCache(tmp_path / "cache", max_bytes=cap))
    assert len(entries(tmp_path / "cache")) == len(before) - removed + 1
    after = ResultCache(tmp_path / "cache", max_bytes=cap)
    monkeypatch.setattr(after, "_connect", lambda: pytest.fail("the entries were counted"))
    assert after.evict() == 0


def test_free_pages_and_the_log_are_given_back_before_any_entry_goes(tmp_path):
    """Files larger than the cap may hold less: pages freed by deleted rows, a write-ahead log as long as the
    longest transaction. Those go; the entries stay."""
    lint_all(corpus(tmp_path / "site", copies=20), settings(), cache=ResultCache(tmp_path / "cache"))
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite3") as connection:
        connection.execute("DELETE FROM results WHERE rowid % 2 = 0")  # (free pages, and a longer log)
    kept = entries(tmp_path / "cache")
    cap = stored_bytes(tmp_path / "cache") * 5 // 4
    assert ResultCache(tmp_path / "cache")._stored_bytes() > cap
    assert ResultCache(tmp_path / "cache", max_bytes=cap).evict() == 0
    assert entries(tmp_path / "cache") == kept and ResultCache(tmp_path / "cache")._stored_bytes() <= cap


def test_entries_are_counted_only_when_the_database_may_exceed_the_cap(tmp_path, monkeypatch):
    """Counting the entries reads every row (~50 ms at 30,000 entries, in every run that stores one: a
    pre-commit run's 3); the database's files, smaller than the cap, say there is nothing to evict."""
    lint_all(corpus(tmp_path), settings(), cache=ResultCache(tmp_path / "cache"))
    roomy = ResultCache(tmp_path / "cache")  # the default cap, 128 MiB: the files are a few pages
    monkeypatch.setattr(roomy, "_connect", lambda: pytest.fail("the entries were counted"))
    assert roomy.evict() == 0
    stored = len(entries(tmp_path / "cache"))
    assert stored > 0 and ResultCache(tmp_path / "cache", max_bytes=1).evict() == stored  # (every entry goes)
    assert entries(tmp_path / "cache") == {}


def test_an_unusable_cache_folder_does_not_stop_the_run(tmp_path):
    (tmp_path / "cache").write_text("a file, not a folder")
    files = corpus(tmp_path)
    result = lint_all(files, settings(), cache=ResultCache(tmp_path / "cache"))
    assert result.diagnostics == lint_all(files, settings()).diagnostics


def test_two_runs_sharing_a_cache_folder(tmp_path):
    corpus(tmp_path / "site", copies=10)
    command = [
        sys.executable,
        "-m",
        "fmlint",
        "--jobs",
        "1",
        "--cache-dir",
        str(tmp_path / "cache"),
        str(tmp_path / "site"),
    ]
    expected = subprocess.run([*command, "--no-cache"], check=False, capture_output=True, text=True).stdout
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [process.communicate()[0] for process in runs]
    assert outputs == [expected, expected]
    assert subprocess.run(command, check=False, capture_output=True, text=True).stdout == expected


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--jobs", "0", "."])
    assert exit_info.value.code == 2
    assert "--jobs: expected a number above 0, got '0'" in capsys.readouterr().err


def test_filesystem_dependent_rules_are_rechecked_on_hits(tmp_path):
    (tmp_path / "hugo.toml").write_text("")
    post = tmp_path / "content" / "post" / "index.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: x\ntoc: 1\n---\n\n![Chart](chart.png)\n")
    cache = ResultCache(tmp_path / "cache")
    first = lint_all([str(post)], settings(), cache=cache)
    assert [(d.line, d.column, d.code) for d in first.diagnostics] == [(3, 6, "SC001"), (6, 10, "IMG006")]
    (post.parent / "chart.png").write_bytes(b"")
    second = lint_all([str(post)], settings(), cache=cache)
    assert second.cache_hits == 1
    assert [(d.line, d.column, d.code) for d in second.diagnostics] == [(3, 6, "SC001")]


def test_suppression_comments_cover_cached_and_rechecked_findings(tmp_path):
    (tmp_path / "hugo.toml").write_text("")
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: x\ntoc: 1  # fmlint-disable-line SC001\n---\n\n"
        "![Chart](chart.png) <!-- fmlint-disable-line IMG006 -->\n\n## Fine <!-- fmlint-disable-line MD001 -->\n"
    )
    cache = ResultCache(tmp_path / "cache")
    expected = lint_all([str(post)], settings()).diagnostics
    assert [d.code for d in expected] == ["SUP001"]
    assert lint_all([str(post)], settings(), cache=cache).diagnostics == expected
    warm = lint_all([str(post)], settings(), cache=cache)
    assert warm.cache_hits == 1 and warm.diagnostics == expected


def test_clock_dependent_rules_are_rechecked_on_hits(tmp_path):
    post = tmp_path / "post.md"
    post.write_text('---\ntitle: x\ndate: "2999-01-01 00:00:00"\n---\n')
    with_future = settings(enabled_codes=frozenset(RULES_BY_CODE))
    assert "dates" in [checker.name for checker in checker_groups(with_future)[2]]
    assert "dates" in [checker.name for checker in checker_groups(settings())[0]]
    cache = ResultCache(tmp_path / "cache")
    expected = lint_all([str(post)], with_future).diagnostics
    assert "DT004" in [d.code for d in expected]
    lint_all([str(post)], with_future, cache=cache)
    warm = lint_all([str(post)], with_future, cache=cache)
    assert warm.cache_hits == 1 and warm.diagnostics == expected


def test_filesystem_findings_are_reused_while_their_probes_answer_the_same(tmp_path):
    (tmp_path / "hugo.toml").write_text("")
    (tmp_path / "static" / "images").mkdir(parents=True)
    post = tmp_path / "content" / "post.md"
    post.parent.mkdir()
    post.write_text('---\ntitle: x\nthumbnail: "/images/a.png"\n---\n')
    cache = ResultCache(tmp_path / "cache")

    def codes(result):
        return [(d.line, d.code) for d in result.diagnostics]

    assert codes(lint_all([str(post)], settings(), cache=cache)) == [(3, "IMG006")]
    again = lint_all([str(post)], settings(), cache=cache)
    assert again.cache_hits == 1 and codes(again) == [(3, "IMG006")]
    (tmp_path / "hugo.toml").unlink()  # no site root: absolute paths are not checked
    site_root.cache_clear()  # as in the next run's new process
    assert codes(lint_all([str(post)], settings(), cache=cache)) == []
    (tmp_path / "hugo.toml").write_text("")
    (tmp_path / "static" / "images" / "a.png").write_bytes(b"")
    site_root.cache_clear()
    assert codes(lint_all([str(post)], settings(), cache=cache)) == []


def test_a_probe_from_the_cache_never_calls_an_unregistered_function(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: x\n---\n![A](a.png)\n")
    cache = ResultCache(tmp_path / "cache")
    expected = lint_all([str(post)], settings(), cache=cache).diagnostics
    marker = tmp_path / "called"
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite3") as connection:
        [(value,)] = connection.execute("SELECT value FROM results")
        entry = msgspec.msgpack.decode(value)
        entry["probes"] = [["os:system", [f"touch {marker}"], 0], ["pathlib:Path.touch", [str(marker)], None]]
        connection.execute("UPDATE results SET value = ?", (msgspec.msgpack.encode(entry),))
    assert lint_all([str(post)], settings(), cache=cache).diagnostics == expected
    assert not marker.exists()


def test_an_inline_schema_file_is_probed(tmp_path):
    (tmp_path / "s.json").write_text('{"properties": {"toc": {"type": "boolean"}}}')
    post = tmp_path / "post.md"
    post.write_text("---\n$schema: ./s.json\ntitle: x\ntoc: 1\n---\n")
    inline = settings(allow_inline_schema=True)
    cache = ResultCache(tmp_path / "cache")
    assert [d.code for d in lint_all([str(post)], inline, cache=cache).diagnostics] == ["SC001"]
    (tmp_path / "s.json").write_text("{}")
    _compile.cache_clear()  # as in the next run's new process
    again = lint_all([str(post)], inline, cache=cache)
    assert again.cache_hits == 1 and again.diagnostics == []


def test_unchanged_files_are_served_from_their_stamp_without_being_read(tmp_path, monkeypatch):
    files = corpus(tmp_path / "site")
    cache = ResultCache(tmp_path / "cache", racy_ns=0)  # trust stamps of files written a moment ago
    expected = lint_all(files, settings(), cache=cache)

    def unreadable(path: str, *_: object) -> bytes:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr("fmlint.runner.read_bytes", unreadable)
    served = [
        name for name in files if not may_have_directives(Path(name).read_bytes().decode(errors="replace"))
    ]  # comments need the text
    warm = lint_all(served, settings(), cache=cache)
    assert warm.cache_hits == len(served)
    assert warm.diagnostics == [d for d in expected.diagnostics if d.path in served]


def test_other_linters_comments_do_not_keep_a_file_from_being_served_unread(tmp_path, monkeypatch):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: x\ntoc: 1\n---\n\n```js\n// eslint-disable-next-line no-console\n```\n")
    cache = ResultCache(tmp_path / "cache", racy_ns=0)
    expected = lint_all([str(post)], settings(), cache=cache)
    monkeypatch.setattr("fmlint.runner.read_bytes", lambda path, *_: pytest.fail(f"{path} was read"))
    warm = lint_all([str(post)], settings(), cache=cache)
    assert warm.cache_hits == 1 and warm.diagnostics == expected.diagnostics != []


def test_new_bytes_behind_a_restored_mtime_are_read_again(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: x\ntoc: 1\n---\n")
    before = post.stat()
    cache = ResultCache(tmp_path / "cache", racy_ns=0)
    assert [d.code for d in lint_all([str(post)], settings(), cache=cache).diagnostics] == ["SC001"]
    post.write_text("---\ntitle: x\ntoc: t\n---\n")  # same size
    os.utime(post, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or an archive tool would
    assert post.stat().st_mtime_ns == before.st_mtime_ns and post.stat().st_size == before.st_size
    result = lint_all([str(post)], settings(), cache=cache)
    assert result.cache_hits == 0
    assert [d.message for d in result.diagnostics] == [d.message for d in lint_all([str(post)], settings()).diagnostics]


def test_a_file_changed_within_the_racy_window_is_stamped_later(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: x\n---\n")

    def stamps() -> list[str | None]:
        with sqlite3.connect(tmp_path / "cache" / "files.sqlite3") as connection:
            return [stamp for (stamp,) in connection.execute("SELECT stamp FROM results")]

    lint_all([str(post)], settings(), cache=ResultCache(tmp_path / "cache"))  # just written: too recent to trust
    assert stamps() == [None]
    again = lint_all([str(post)], settings(), cache=ResultCache(tmp_path / "cache", racy_ns=0))
    assert again.cache_hits == 1  # found by its bytes, and stamped now
    status = post.stat()
    assert stamps() == [f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"]


def test_a_warm_run_never_imports_jsonschema(tmp_path):
    corpus(tmp_path / "site")
    script = (
        "import sys\n"
        "from fmlint.cli import main\n"
        "main(['--cache-dir', sys.argv[1], '--format', 'json', sys.argv[2]])\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('jsonschema', 'referencing')))\n"
    )
    command = [sys.executable, "-c", script, str(tmp_path / "cache"), str(tmp_path / "site")]
    cold = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    warm = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert "'jsonschema'" in cold.splitlines()[-1]  # the examples have schema errors to explain
    assert warm.splitlines()[-1] == "[]"
    assert warm.splitlines()[:-1] == cold.splitlines()[:-1]  # the same diagnostics


def test_site_facts_only_inside_a_site_and_a_new_site_config_is_seen(tmp_path, monkeypatch):
    """Outside any site no facts are extracted (nothing reads them); a site configuration added
    later changes the files' cache keys, so the next run extracts them and the site rules see the site."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\nslug: same\n---\nBody.\n")
    (tmp_path / "content" / "b.md").write_text("---\ntitle: B\nslug: same\n---\nBody.\n")
    files = discover(["content"])
    cache = ResultCache(str(tmp_path / ".cache"))
    outside = run(files, lambda path: Settings(), cache=cache)
    assert [result.facts for result in outside.file_results] == [None, None]
    assert not [d for d in outside.diagnostics if d.code.startswith("SITE")]

    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    site_root.cache_clear()  # a run is a new process: nothing remembered of where sites are
    inside = run(files, lambda path: Settings(), cache=ResultCache(str(tmp_path / ".cache")))
    assert all(result.facts is not None for result in inside.file_results)
    assert [(d.path, d.line, d.column, d.code) for d in inside.diagnostics if d.code == "SITE001"] == [
        ("content/a.md", 3, 7, "SITE001"),
        ("content/b.md", 3, 7, "SITE001"),
    ]


def test_the_cache_folder_comes_from_the_environment_unless_given(tmp_path, monkeypatch, capsys):
    """``$FMLINT_CACHE_DIR`` moves the cache (as ruff's ``RUFF_CACHE_DIR``); ``--cache-dir`` wins over it."""
    from fmlint.cache import DIR_VARIABLE
    from fmlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    monkeypatch.setenv(DIR_VARIABLE, str(tmp_path / "from-env"))
    main(["a.md"])
    main(["--cache-dir", "given", "a.md"])
    capsys.readouterr()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.md", "from-env", "given"]
    assert (tmp_path / "from-env" / "files.sqlite3").is_file() and (tmp_path / "given" / "files.sqlite3").is_file()

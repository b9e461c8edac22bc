"""Hostile and broken input, run through the command on a real folder.

Every case puts the bad file next to ``z-neighbour.md`` (a faulty article: its
SC001 at 3:6 proves the rest of the run still happened) and asserts the bad
file's diagnostics as (line, column, code), the neighbour's, and the exit code.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import PERMISSIVE, lint

from fmlint.cli import main
from fmlint.config.settings import Settings
from fmlint.discover import discover
from fmlint.document import Document
from fmlint.linter import lint_path, read_bytes
from fmlint.runner import run
from fmlint.schema.loader import load_schema

NEIGHBOUR = "z-neighbour.md"
NEIGHBOUR_TEXT = "---\ntitle: x\ntoc: 1\n---\n"
NEIGHBOUR_FOUND = [(3, 6, "SC001")]
Found = dict[str, list[tuple[int, int, str]]]


def lint_folder(folder: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, Found, list[dict]]:
    """Run ``fmlint --format json`` on ``folder``; diagnostics by file name."""
    (folder / NEIGHBOUR).write_text(NEIGHBOUR_TEXT)
    code = main(["--format", "json", *options, str(folder)])
    items = json.loads(capsys.readouterr().out)
    found: Found = {}
    for item in items:
        name = os.path.relpath(item["path"], folder)
        found.setdefault(name, []).append((item["line"], item["column"], item["code"]))
    return code, found, items


def check_folder(folder: Path, capsys, expected: Found, *options: str, exit_code: int = 1) -> list[dict]:
    code, found, items = lint_folder(folder, capsys, *options)
    assert found == {**expected, NEIGHBOUR: NEIGHBOUR_FOUND}
    assert code == exit_code
    return items


def message(items: list[dict], name: str) -> str:
    return next(item["message"] for item in items if item["path"].endswith(name))


def cost(path: Path) -> tuple[float, int]:
    """Seconds to lint ``path``, then the peak traced memory of a second run (tracing slows it)."""
    settings = Settings(schema=load_schema("hugo-article"))
    start = time.perf_counter()
    lint_path(str(path), settings)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    try:
        lint_path(str(path), settings)
        return elapsed, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def nested_yaml_block(depth: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(depth))


CASES = {
    "empty file": (b"", [(1, 1, "SC004")]),
    "only the opening delimiter": (b"---", [(1, 1, "FM001")]),
    "only the opening delimiter and a newline": (b"---\n", [(1, 1, "FM001")]),
    "unclosed front matter": (b"---\ntitle: x\n\nBody.\n", [(1, 1, "FM001")]),
    "unclosed TOML front matter": (b"+++\ntitle = 'x'\n\nBody.\n", [(1, 1, "FM001")]),
    "unclosed JSON front matter": (b'{\n  "title": "x"\n\nBody.\n', [(1, 1, "FM001")]),
    "binary file named .md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [(1, 1, "FL003")]),
    "UTF-16 with a byte-order mark": ("---\ntitle: x\n---\n".encode("utf-16"), [(1, 1, "FL003")]),
    "UTF-16 without a byte-order mark": ("---\ntitle: x\n---\n".encode("utf-16-le"), [(1, 1, "FL003")]),
    "Latin-1": ("---\ntitle: Café\n---\nDéjà vu.\n".encode("latin-1"), [(2, 11, "FL002")]),
    "invalid UTF-8 in the body": (b"---\ntitle: x\n---\nFine.\nna\xc3\xafve \xff here\n", [(5, 7, "FL002")]),
    "invalid UTF-8 after CJK and a BOM": (
        "\ufeff---\ntitle: 日本\n---\n日本語".encode() + b"\xe6\x97\n",
        [(4, 4, "FL002")],
    ),
    "a NUL byte near the start": (b"---\ntitle: x\x00\n---\n", [(1, 1, "FL003")]),
    "a control character after CJK in YAML": ("---\ntitle: 日本\x01\n---\n".encode(), [(2, 10, "FM002")]),
    "a NUL byte after the first 8 KiB": (b"---\ntitle: x\n---\n" + b"a" * 9000 + b"\nab\x00c\n", [(5, 3, "FL003")]),
    "YAML with a second document": (b"---\ntitle: x\n--- !second\nb: 1\n---\n", [(3, 1, "FM002")]),
    "YAML document end marker then more": (b"---\ntitle: x\n...\nb: 1\n---\n", [(4, 1, "FM002")]),
    "TOML duplicate tables": (b"+++\ntitle = 'x'\n[params]\na = 1\n[params]\nb = 2\n+++\n", [(5, 8, "FM003")]),
    "TOML duplicate array-table parent": (b"+++\ntitle = 'x'\n[a]\n[[a]]\n+++\n", [(4, 4, "FM003")]),
    "JSON trailing comma in an object": (b'{\n  "title": "x",\n}\n', [(3, 1, "FM002")]),
    "JSON trailing comma in an array": (b'{\n  "title": "x",\n  "tags": ["a",]\n}\n', [(3, 16, "FM002")]),
    "1,000-deep YAML flow lists": (
        b"---\ntitle: x\nparams: " + b"[" * 1000 + b"]" * 1000 + b"\n---\n",
        [(3, 1008, "FM002")],
    ),
    "1,000-deep YAML block maps": (("---\n" + nested_yaml_block(1000) + "---\n").encode(), [(1001, 2003, "FM002")]),
    "300-deep YAML block maps": (("---\n" + nested_yaml_block(300) + "---\n").encode(), [(103, 203, "FM004")]),
    "1,000-deep JSON lists": (b'{"title": "x", "params": ' + b"[" * 1000 + b"]" * 1000 + b"}\n", [(1, 126, "FM004")]),
    "1,000-deep JSON objects": (
        b'{"title": "x", "params": ' + b'{"a": ' * 1000 + b"1" + b"}" * 1001 + b"\n",
        [(1, 626, "FM004")],
    ),
    "1,000-deep TOML arrays": (
        b"+++\ntitle = 'x'\nparams = " + b"[" * 1000 + b"]" * 1000 + b"\n+++\n",
        [(3, 110, "FM004")],
    ),
    "1,000-deep TOML inline tables": (
        b"+++\nparams = " + b"{a = " * 1000 + b"1" + b"}" * 1000 + b"\n+++\n",
        [(2, 510, "FM004")],
    ),
    "1,000-part TOML dotted key": (
        b"+++\ntitle = 'x'\n" + b".".join([b"a"] * 1000) + b" = 1\n+++\n",
        [(3, 1, "FM004")],
    ),
    "1,000-part TOML table header": (
        b"+++\ntitle = 'x'\n[" + b".".join([b"a"] * 1000) + b"]\nb = 1\n+++\n",
        [(3, 2, "FM004")],
    ),
}


@pytest.mark.parametrize("data, expected", CASES.values(), ids=CASES.keys())
def test_bad_file_gives_a_located_diagnostic_and_the_run_goes_on(tmp_path, capsys, data, expected):
    (tmp_path / "bad.md").write_bytes(data)
    check_folder(tmp_path, capsys, {"bad.md": expected})


@pytest.mark.parametrize("kind", ["yaml", "toml", "json"])
def test_ten_thousand_line_front_matter(tmp_path, capsys, kind):
    keys = range(10_000)
    article = {
        "yaml": "---\ntitle: x\nparams:\n" + "".join(f"  k{i}: v{i}\n" for i in keys) + "weight: heavy\n---\n",
        "toml": "+++\ntitle = 'x'\nweight = 'heavy'\n[params]\n" + "".join(f"k{i} = 'v{i}'\n" for i in keys) + "+++\n",
        "json": '{"title": "x", "params": {\n'
        + "".join(f'"k{i}": "v{i}",\n' for i in keys)
        + '"z": 0},\n"weight": "heavy"}\n',
    }[kind]
    weight = {"yaml": (10_004, 9, "SC001"), "toml": (3, 10, "SC001"), "json": (10_003, 11, "SC001")}[kind]
    (tmp_path / "long.md").write_text(article)
    check_folder(tmp_path, capsys, {"long.md": [weight]})


BILLION_LAUGHS = (
    "---\n"
    + "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [
            f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]"
            for name, prev in zip("bcdefghi", "abcdefgh", strict=False)
        ]
    )
    + "\n---\n"
)
MERGE_KEY_BOMB = (
    "---\n"
    + "\n".join(
        ["a0: &a0 {x: 1, y: 2}"]
        + [f"a{n}: &a{n} {{<<: [*a{n - 1}], k{n}: {{<<: *a{n - 1}}}, j{n}: {{<<: *a{n - 1}}}}}" for n in range(1, 30)]
    )
    + "\n---\n"
)


@pytest.mark.parametrize(
    "bomb, expected",
    [(BILLION_LAUGHS, [(6, 1, "FM004")]), (MERGE_KEY_BOMB, [(9, 1, "FM004")])],
    ids=["billion laughs", "merge keys"],
)
def test_yaml_bombs_cost_little_time_and_memory(tmp_path, capsys, bomb, expected):
    (tmp_path / "bomb.md").write_text(bomb)
    items = check_folder(tmp_path, capsys, {"bomb.md": expected})
    elapsed, peak = cost(tmp_path / "bomb.md")
    assert elapsed < 1.0 and peak < 100 * 1024 * 1024, (elapsed, peak)
    assert "expand to more than 10000 nodes" in message(items, "bomb.md")


def test_harmless_anchors_and_aliases_still_validate(tmp_path, capsys):
    (tmp_path / "fine.md").write_text(
        "---\ntitle: &t Hello\nlinkTitle: *t\ntoc: &yes true\ncomments: *yes\n"
        "base: &p {description: d}\nparams:\n  <<: *p\n  list: [*t, *t]\n---\n"
    )
    (tmp_path / "wrong.md").write_text("---\ntitle: &t Hello\ntoc: &yes true\ncomments: *t\nweight:  *yes\n---\n")
    items = check_folder(
        tmp_path,
        capsys,
        {
            "fine.md": [(6, 1, "SC002")],  # `base` is not a Hugo key; nothing else is reported
            "wrong.md": [(4, 11, "SC001"), (5, 10, "SC001")],  # at the aliases, not at the anchors
        },
    )
    assert message(items, "wrong.md") == 'comments: expected a boolean, got the string "Hello"'


def test_python_tags_are_refused_and_never_constructed(tmp_path, capsys):
    marker = tmp_path / "constructed"
    (tmp_path / "tags.md").write_text(
        "---\n"
        "title: x\n"
        "params:\n"
        f"  a: !!python/object/apply:builtins.open ['{marker}', 'w']\n"
        f"  b: !!python/object/new:builtins.open ['{marker}', 'w']\n"
        "  c: !!python/name:os.system\n"
        "  d: !!python/object:builtins.object {a: 1}\n"
        "---\n"
    )
    items = check_folder(
        tmp_path, capsys, {"tags.md": [(4, 6, "FM005"), (5, 6, "FM005"), (6, 6, "FM005"), (7, 6, "FM005")]}
    )
    assert not marker.exists()
    assert "python/object/apply:builtins.open" in message(items, "tags.md")


def test_fifty_megabyte_file_is_not_read(tmp_path, capsys):
    with open(tmp_path / "huge.md", "wb") as handle:  # sparse: 50 MB without writing them
        handle.write(b"---\ntitle: x\n---\n")
        handle.truncate(50 * 1000 * 1000)
    tracemalloc.start()
    try:
        # (a cache of its own: the working folder's may be large, and opening it is not this test's subject)
        items = check_folder(tmp_path, capsys, {"huge.md": [(1, 1, "FL004")]}, "--cache-dir", str(tmp_path / "c"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024  # reading the file would take 50 MB (modules imported on first use count too)
    assert message(items, "huge.md") == "file is 47.7 MiB, over the 10.0 MiB limit; not read"


def test_only_pathological_nesting_skips_the_markdown_rules(tmp_path, capsys):
    # 150,000 nested lists in 300 kB: the parser makes four events per dash and its tree grows with them
    (tmp_path / "nested.md").write_text("---\ntitle: x\ncomments: 1\n---\n\n" + "- " * 150_000 + "x\n")
    # 40,000 in 80 kB: under the size that is scanned, parsed (and cheap enough)
    (tmp_path / "shallow.md").write_text("---\ntitle: x\n---\n" + "- " * 40_000 + "x\n")
    # a long ordinary body is checked to its end
    long_body = "- item, [link](https://a.example/) `code`\n" * 10_000 + "\n### Too deep\n"
    (tmp_path / "long.md").write_text("---\ntitle: x\n---\n" + long_body)
    items = check_folder(
        tmp_path,
        capsys,
        {"long.md": [(10005, 1, "MD001")], "nested.md": [(3, 11, "SC001"), (6, 1, "FL005")]},
    )
    for path in (tmp_path / "nested.md", tmp_path / "shallow.md"):
        elapsed, peak = cost(path)
        assert elapsed < 2.0 and peak < 100 * 1024 * 1024, (path.name, elapsed, peak)
    assert [item["message"] for item in items if item["code"] == "FL005"] == [
        "a line opens over 1,000 nested lists or block quotes; Markdown rules skipped"
    ]
    assert {item["severity"] for item in items if item["code"] == "FL005"} == {"warning"}


def test_size_limit_is_configurable(tmp_path, capsys):
    (tmp_path / "big.md").write_text("---\ntitle: x\n---\n" + "x" * 2000)
    (tmp_path / "small.md").write_text("---\ntitle: x\n---\n")
    check_folder(tmp_path, capsys, {"big.md": [(1, 1, "FL004")]}, "--max-file-size", "2000")


def test_symlink_loop_and_dangling_symlink_in_a_walked_folder(tmp_path, capsys):
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "gone.md").symlink_to("nowhere.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")  # a directory loop: not followed
    (tmp_path / "sub" / "post.md").write_text("---\ntitle: x\n---\n")
    items = check_folder(tmp_path, capsys, {"gone.md": [(1, 1, "FL001")], "loop.md": [(1, 1, "FL001")]})
    assert message(items, "gone.md") == "cannot read file: No such file or directory"
    assert message(items, "loop.md") == "cannot read file: Too many levels of symbolic links"
    assert discover([str(tmp_path)]) == [
        str(tmp_path / name) for name in ("gone.md", "loop.md", "sub/post.md", NEIGHBOUR)
    ]


def test_named_pipe_is_not_opened(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe.md")  # opening it would wait for a writer forever
    items = check_folder(tmp_path, capsys, {"pipe.md": [(1, 1, "FL001")]})
    assert message(items, "pipe.md") == "not a regular file (a pipe, socket or device); not read"


def test_directory_named_like_an_article(tmp_path, capsys):
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "inside.md").write_text("---\ntitle: x\n---\n")
    items = check_folder(tmp_path, capsys, {"x.md": [(1, 1, "FL001")]})
    assert message(items, "x.md") == "cannot read file: it is a directory"


@contextmanager
def unprivileged() -> Iterator[None]:
    """As root, act as ``nobody`` (file permissions then apply); otherwise stay as is."""
    if os.geteuid() != 0:
        yield
        return
    try:
        user = pwd.getpwnam("nobody")
        uid, gid = user.pw_uid, user.pw_gid
    except KeyError:
        uid = gid = 65534
    os.setegid(gid)
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_unreadable_file(capsys):
    # Root reads files whatever their mode, so as root the run acts as `nobody`, in a
    # folder that `nobody` may enter (pytest's tmp_path is private to its owner).
    folder = Path(tempfile.mkdtemp(prefix="fmlint-unreadable-"))
    try:
        folder.chmod(0o755)
        (folder / "secret.md").write_text("---\ntitle: x\n---\n")
        (folder / "secret.md").chmod(0)
        (folder / NEIGHBOUR).write_text(NEIGHBOUR_TEXT)
        settings = Settings(schema=load_schema("hugo-article"))
        with unprivileged():
            result = run(discover([str(folder)]), lambda path: settings)
        found = [(os.path.basename(d.path), d.line, d.column, d.code, d.message) for d in result.diagnostics]
        assert found == [
            ("secret.md", 1, 1, "FL001", "cannot read file: Permission denied"),
            (NEIGHBOUR, 3, 6, "SC001", "toc: expected a boolean, got the integer 1"),
        ]
    finally:
        shutil.rmtree(folder)


SCHEMA_CASES = {
    "invalid JSON": (
        '{"type": "object",\n  "properties": {,}}',
        "schema.json:2:18: schema is not valid JSON: Expecting property name",
    ),
    "invalid schema": (
        '{"properties": {"title": {"type": "strnig"}}}',
        "schema.json: invalid schema at #/properties/title/type: 'strnig' is not valid",
    ),
    "$ref to a missing file": (
        '{"properties": {"title": {"$ref": "common.json#/$defs/t"}}}',
        "schema.json: cannot resolve $ref 'common.json#/$defs/t' at #/properties/title/$ref: ",
    ),
    # jsonschema-rs accepts both (its regex dialect; refs are not resolved by a metaschema check), so jsonschema
    # checks them when the validator is first needed: the same exit and message, from inside the run
    "pattern only Rust's regex reads": (
        '{"properties": {"slug": {"type": "string", "pattern": "(?<year>\\\\d{4})"}}}',
        "schema.json: invalid schema at #/properties/slug/pattern: '(?<year>\\\\d{4})' is not a 'regex'",
    ),
    "local $ref to nothing": (
        '{"properties": {"title": {"$ref": "#/$defs/missing"}}}',
        "schema.json: cannot resolve $ref '#/$defs/missing' at #/properties/title/$ref: ",
    ),
    "remote $ref": (
        '{"properties": {"title": {"$ref": "https://example.com/s/base.json"}}}',
        (
            "schema.json: cannot resolve $ref 'https://example.com/s/base.json' at #/properties/title/$ref: "
            "remote schemas are not fetched; save a copy of https://example.com/s/base.json as "
        ),
    ),
}


@pytest.mark.parametrize("contents, expected", SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_broken_schema_exits_2_naming_the_file_and_place(tmp_path, capsys, contents, expected):
    schema = tmp_path / "schemas" / "schema.json"
    schema.parent.mkdir()
    schema.write_text(contents)
    (tmp_path / "post.md").write_text(NEIGHBOUR_TEXT)
    assert main(["--schema", str(schema), str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"fmlint: error: {schema.parent}{os.sep}{expected}")


def test_a_schema_defect_found_in_a_worker_process_ends_the_run_the_same_way(tmp_path, capsys):
    contents, expected = SCHEMA_CASES["pattern only Rust's regex reads"]
    (tmp_path / "schema.json").write_text(contents)
    for number in range(70):  # enough for the worker pool
        (tmp_path / f"post-{number}.md").write_text(NEIGHBOUR_TEXT)
    assert main(["--no-cache", "--jobs", "2", "--schema", str(tmp_path / "schema.json"), str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"fmlint: error: {tmp_path}{os.sep}{expected}\n"


def test_remote_ref_uses_a_local_copy_beside_the_schema(tmp_path, capsys):
    folder = tmp_path / "content"
    folder.mkdir()
    (tmp_path / "base.json").write_text('{"type": "string"}')
    schema = tmp_path / "schema.json"
    schema.write_text(
        '{"properties": {"title": {"$ref": "https://example.com/s/base.json"}, "toc": {"type": "boolean"}}}'
    )
    (folder / "bad.md").write_text("---\ntitle: 3\n---\n")
    check_folder(folder, capsys, {"bad.md": [(2, 8, "SC001")]}, "--schema", str(schema))


# Found by the property tests and the fuzzer (each fixed in the core).


@pytest.mark.parametrize(
    "source, expected",
    [
        ('+++\r\ntitle = "x"\r\ntitle = "y"\r\n+++\r\n', (3, 12, 3, 12, "FM003")),
        ('+++\ntitle = "x"\ntitle = "y"\n+++\n', (3, 12, 3, 12, "FM003")),
        ("---\r\ntitle: *\r\n---\r\n", (2, 9, 2, 9, "FM002")),
        ('{\r\n  "title": "abc\r\n"}\r\n', (2, 16, 2, 16, "FM002")),
        ("---\ntitle: a\x01b\n---\n", (2, 9, 2, 10, "FM002")),
    ],
    ids=["TOML CRLF", "TOML LF", "YAML CRLF", "JSON CRLF", "a character"],
)
def test_a_point_error_never_spans_a_line_break(source, expected):
    """An error at a line break is an empty span, so CRLF and LF files agree."""
    [d] = lint(source, schema=PERMISSIVE)
    assert (d.line, d.column, d.end_line, d.end_column, d.code) == expected


def test_yaml_control_character_after_multibyte_text_is_placed_by_characters():
    """libyaml reports reader errors as UTF-8 byte offsets; they are turned into characters."""
    [d] = lint("---\ntitle: x\nsummary: ünïcödé 日本語 \x19 end\n---\n", schema=PERMISSIVE)
    assert (d.line, d.column, d.code) == (3, 22, "FM002")
    assert d.message == "YAML error: unacceptable character #x0019: control characters are not allowed"


def test_a_file_that_grew_after_its_stat_is_read_whole_or_found_too_large(tmp_path):
    path = tmp_path / "growing.md"
    path.write_bytes(b"---\ntitle: x\n---\n" + b"y" * 5000 + b"\r\n")
    status = os.stat(path)
    data = path.read_bytes()
    small = os.stat_result((*status[:6], 10, *status[7:]))  # a stat taken when the file had 10 bytes
    assert read_bytes(str(path), 1_000_000, small) == data  # CRLF kept: read as bytes
    too_large = read_bytes(str(path), 100, small)
    assert isinstance(too_large, Document) and too_large.problems[0].code == "FL004"
    assert read_bytes(str(path), len(data), status) == data  # exactly at the limit

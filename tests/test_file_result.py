"""A file's result in its two forms (objects, JSON lines): the same findings, the same reports, the same exit
code, whichever form it is in; a damaged stored form is a located internal error."""

import io
import json
import pickle
import sqlite3
from pathlib import Path

import msgspec
import pytest

from fmlint.cache import _DECODER as stored_entry
from fmlint.cli import main
from fmlint.diagnostics import INTERNAL_ERROR, Diagnostic, Severity
from fmlint.file_result import FileResult
from fmlint.fix.model import DiagnosticFix, FixEdit
from fmlint.formatters import Batched, FormatOptions, formatter
from fmlint.runner import RunResult

FIX = DiagnosticFix("safe", "rename it", (FixEdit(2, 1, 2, 6, "title"),))
FOUND = [
    Diagnostic("b.md", 2, 1, "SC002", 2, 6, "unknown-key", Severity.ERROR, 'unknown key `titel` "quoted"\n', FIX),
    Diagnostic("b.md", 7, 3, "MKD003", 7, 40, "generic-alt-text", Severity.WARNING, "alt text `image` 图片 😀"),
]


def encoded_copy(result: FileResult) -> FileResult:
    """``result`` as it comes back from a worker process: its findings as JSON lines."""
    return pickle.loads(pickle.dumps(result))


def test_a_pickled_result_has_the_same_findings_and_marks():
    result = FileResult("b.md", FOUND)
    copy = encoded_copy(result)
    assert copy.marks() == result.marks() == {"SC002", "MKD003", "error", "warning"}
    assert copy.diagnostics == FOUND
    assert copy == result
    assert pickle.loads(pickle.dumps(FileResult("c.md", []))).marks() == frozenset()


def test_json_lines_are_one_compact_object_per_finding():
    lines = FileResult("b.md", FOUND).encoded().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(b'{"path":"b.md","line":2,"column":1,"code":"SC002"')
    assert b"\\n" in lines[0]  # the message's newline, escaped: never a raw one inside a line


@pytest.mark.parametrize("name", ["json", "json-lines", "concise", "sarif", "gitlab"])
def test_every_format_writes_the_same_from_either_form(name):
    other = [Diagnostic("a.md", 1, 1, "SC003", 1, 1, "missing-key", Severity.ERROR, "missing required key `title`")]
    # out of path order, and a file without findings between them
    objects = RunResult(["b.md", "a.md", "c.md"], [FileResult("b.md", FOUND), FileResult("a.md", other)])
    objects = RunResult(objects.files, [*objects.file_results, FileResult("c.md", [])])
    encoded = RunResult(objects.files, [encoded_copy(r) for r in objects.file_results])
    assert printed(name, encoded) == printed(name, objects)
    assert objects.diagnostics == encoded.diagnostics == [*other, *FOUND]


def printed(name: str, result: RunResult) -> str:
    binary = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    out = Batched(binary)
    formatter(name)(result, out, FormatOptions())
    out.flush()
    binary.seek(0)
    return binary.read()


def test_a_damaged_stored_form_is_an_internal_error_at_the_start_of_the_file():
    damaged = FileResult.from_encoded("b.md", b'{"path":"b.md","line":2,\n')
    [diagnostic] = damaged.diagnostics
    assert (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code) == ("b.md", 1, 1, INTERNAL_ERROR)
    assert diagnostic.severity == Severity.ERROR
    assert "--no-cache" in diagnostic.message


@pytest.mark.parametrize(
    ("text", "arguments", "code"),
    [
        ("---\ntitle: x\ntoc: 1\n---\n", [], 1),  # an error
        ("---\ntitle: x\n---\n\n![image](https://example.com/a.png)\n", [], 0),  # a warning only
        ("---\ntitle: x\n---\n\n![image](https://example.com/a.png)\n", ["--strict"], 1),
        ("---\ntitle: x\ntoc: 1\n---\n", ["--exit-zero"], 0),
    ],
)
def test_the_exit_code_is_the_same_when_served_from_the_cache(tmp_path: Path, capsys, text, arguments, code):
    (tmp_path / "a.md").write_text(text)
    command = [*arguments, "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(tmp_path)]
    first = main(command)
    first_report = capsys.readouterr().out
    assert (first, main(command), capsys.readouterr().out) == (code, code, first_report)


def test_a_result_is_pickled_in_the_form_it_holds():
    """Objects (pickle shares a message repeated across files) or JSON lines (bytes): one form at a time."""
    message = "alt text `image` does not describe the image; say what it shows"
    results = [FileResult(f"{n}.md", [Diagnostic(f"{n}.md", 1, 1, "MKD003", 1, 9, "generic-alt-text", Severity.WARNING, message)]) for n in "ab"]  # fmt: skip
    a, b = pickle.loads(pickle.dumps(results))
    assert a.diagnostics[0].message is b.diagnostics[0].message
    for result in results:
        result.hold_json_lines()
    sent = pickle.dumps(results)
    assert b'{"path":"a.md","line":1,"column":1,"code":"MKD003"' in sent  # the JSON lines themselves
    copies = pickle.loads(sent)
    assert [c.marks() for c in copies] == [{"MKD003", "warning"}] * 2
    assert copies == results


def test_a_result_held_as_json_lines_is_sent_without_decoding_them(monkeypatch):
    """A worker holds its results as JSON lines and sends them with their marks: worked out from the objects
    before they were dropped, not by decoding the lines again (~10 µs a file)."""
    result = FileResult("b.md", list(FOUND))
    result.hold_json_lines()
    monkeypatch.setattr("fmlint.file_result._DECODER", None)  # (any decoding fails)
    copy = pickle.loads(pickle.dumps(result))
    monkeypatch.undo()
    assert copy.marks() == {"SC002", "MKD003", "error", "warning"}
    assert copy.diagnostics == FOUND


def test_encoding_for_a_report_leaves_the_objects_alone():
    result = FileResult("b.md", list(FOUND))
    assert result.encoded(keep=False) == FileResult("b.md", list(FOUND)).encoded()
    assert b'{"path"' not in pickle.dumps(result)  # still pickled as objects
    assert pickle.loads(pickle.dumps(result)).diagnostics == FOUND


@pytest.mark.parametrize("report", ["json", "concise"])
def test_a_damaged_cache_entry_is_reported_in_its_file_and_the_others_are_served(tmp_path: Path, capsys, report):
    picture = "---\ntitle: x\n---\n\n![image](https://example.com/a.png)\n"  # MKD003, kept in the entry itself
    (tmp_path / "a.md").write_text(picture)
    (tmp_path / "b.md").write_text(picture)
    cache = tmp_path / "cache"
    command = ["--cache-dir", str(cache), "--format", report, str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    assert main(command) == 0
    capsys.readouterr()
    with sqlite3.connect(cache / "files.sqlite3") as database:  # cut a.md's stored JSON lines short
        for key, value in database.execute("SELECT key, value FROM results").fetchall():
            stored = stored_entry.decode(value)
            if b'a.md"' in stored.diagnostics:
                damaged = msgspec.structs.replace(stored, diagnostics=stored.diagnostics[:30])
                database.execute("UPDATE results SET value = ? WHERE key = ?", (msgspec.msgpack.encode(damaged), key))
    assert main(command) == 3  # an internal error: fmlint's own data, not the content
    out = capsys.readouterr().out
    found = json.loads(out) if report == "json" else out
    if report == "json":
        assert [(Path(d["path"]).name, d["code"], d["line"]) for d in found] == [
            ("a.md", "X001", 1),
            ("b.md", "MKD003", 5),
        ]
        assert "--no-cache" in found[0]["message"]
    else:
        assert f"{tmp_path / 'a.md'}:1:1: X001 its stored findings could not be read" in out
        assert f"{tmp_path / 'b.md'}:5:1: MKD003" in out


def test_the_json_report_writes_a_damaged_stored_form_as_its_internal_error():
    damaged = FileResult.from_encoded("a.md", b'{"path":"a.md","line":2,\n', marks=frozenset({"MKD003", "warning"}))
    report = json.loads(printed("json", RunResult(["a.md", "b.md"], [damaged, FileResult("b.md", FOUND)])))
    assert [(d["path"], d["code"]) for d in report] == [("a.md", INTERNAL_ERROR), ("b.md", "SC002"), ("b.md", "MKD003")]
    assert damaged.marks() == {INTERNAL_ERROR, "error"}  # the exit code sees it

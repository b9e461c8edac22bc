"""``fmlint --fix`` end to end: files written (or not), exit codes, --diff, stdin, output formats, cache, failures."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest
from support import write_file

from fmlint.cli import main

DATA = Path(__file__).resolve().parent / "data"
FIXABLE = '---\r\ntitle: "价格"\r\nlead: no  # keep me\r\n---\r\n\r\n#### 价格\r\n'  # FH001 (safe), MD001 (unsafe)
BUNDLED_SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "hugo-article.schema.json"
FIXED_SAFE = FIXABLE.replace("lead: no ", 'lead: "no" ')
FIXED_ALL = FIXED_SAFE.replace("#### 价格", "## 价格")


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_file(tmp_path, "a.md", FIXABLE.encode())
    write_file(tmp_path, "b.md", b"\xef\xbb\xbf" + FIXABLE.encode())
    write_file(tmp_path, "clean.md", '---\ntitle: "ok"\n---\n')
    return tmp_path


def run(capsys, *args):
    code = main(["--isolated", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_fix_applies_safe_fixes_only_and_reports_what_remains(site, capsys):
    code, out, err = run(capsys, "--fix", "--format", "concise", ".")
    assert code == 1  # MD001 remains (its fix is unsafe)
    assert (site / "a.md").read_bytes() == FIXED_SAFE.encode()
    assert (site / "b.md").read_bytes() == b"\xef\xbb\xbf" + FIXED_SAFE.encode()  # BOM and CRLF kept
    assert out.splitlines() == [
        "a.md:6:1: MD001 heading level 4 after the front-matter title skips a level; use `##`",
        "b.md:6:1: MD001 heading level 4 after the front-matter title skips a level; use `##`",
        "Found 2 errors (0 warnings) in 2 of 3 files.",
    ]
    assert err == "Fixed 2 problems in 2 files.\n"


def test_unsafe_fixes_leave_nothing_and_a_second_run_changes_nothing(site, capsys):
    assert run(capsys, "--fix", "--unsafe-fixes", ".")[0] == 0
    assert (site / "a.md").read_bytes() == FIXED_ALL.encode()
    before = {name: (site / name).stat().st_mtime_ns for name in ("a.md", "b.md", "clean.md")}
    code, _, err = run(capsys, "--fix", "--unsafe-fixes", ".")
    assert (code, err) == (0, "")
    assert before == {name: (site / name).stat().st_mtime_ns for name in ("a.md", "b.md", "clean.md")}


def test_show_fixes_lists_them_per_file(site, capsys):
    _, _, err = run(capsys, "--fix", "--unsafe-fixes", "--show-fixes", "a.md")
    assert err == (
        "Fixed 2 problems in 1 file:\n  a.md:\n    1 × FH001 (yaml11-boolean)\n    1 × MD001 (heading-increment)\n"
    )


def test_diff_writes_nothing_and_shows_exactly_the_edits(site, capsys):
    code, out, err = run(capsys, "--diff", "a.md")
    assert code == 1
    assert (site / "a.md").read_bytes() == FIXABLE.encode()
    assert out == (
        '--- a/a.md\n+++ b/a.md\n@@ -1,6 +1,6 @@\n ---\r\n title: "价格"\r\n'
        '-lead: no  # keep me\r\n+lead: "no"  # keep me\r\n ---\r\n \r\n #### 价格\r\n'
    )
    assert err == "Would fix 1 problem in 1 file.\n"
    assert run(capsys, "--diff", "clean.md")[:2] == (0, "")


def test_diff_marks_a_missing_final_newline(tmp_path, capsys):
    write_file(tmp_path, "a.md", '---\ntitle: "T"\n---\n```\ncode')
    code, out, _ = run(capsys, "--diff", "--unsafe-fixes", str(tmp_path / "a.md"))
    assert code == 1
    assert out.endswith("-code\n\\ No newline at end of file\n+code\n+```\n\\ No newline at end of file\n")


def test_stdin_fix_writes_the_fixed_document_to_standard_output(site, monkeypatch, capsysbinary):
    stdin = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + FIXABLE.encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code = main(["--isolated", "--fix", "--stdin-filename", "content/post.md", "--format", "concise"])
    captured = capsysbinary.readouterr()
    assert code == 1
    assert captured.out == b"\xef\xbb\xbf" + FIXED_SAFE.encode()
    assert b"content/post.md:6:1: MD001" in captured.err


def test_json_and_sarif_carry_the_fix(site, capsys):
    _, out, _ = run(capsys, "--format", "json", "a.md")
    fh001 = next(item for item in json.loads(out) if item["code"] == "FH001")
    assert (fh001["line"], fh001["column"], fh001["end_line"], fh001["end_column"]) == (3, 7, 3, 9)
    assert fh001["fix"] == {
        "applicability": "safe",
        "message": 'quote as "no"',
        "edits": [{"line": 3, "column": 7, "end_line": 3, "end_column": 9, "content": '"no"'}],
    }
    _, out, _ = run(capsys, "--format", "sarif", "a.md")
    log = json.loads(out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "MD001")
    assert result["fixes"] == [
        {
            "description": {"text": "make it a level-2 heading (unsafe)"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "a.md"},
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": 6, "startColumn": 1, "endLine": 6, "endColumn": 5},
                            "insertedContent": {"text": "##"},
                        }
                    ],
                }
            ],
        }
    ]


def test_the_cache_never_serves_a_result_for_the_file_before_fix(site, capsys):
    cache = ["--isolated", "--cache-dir", str(site / "cache"), "--format", "json"]
    assert main([*cache, "a.md"]) == 1
    assert {d["code"] for d in json.loads(capsys.readouterr().out)} == {"FH001", "MD001"}
    mtime = (site / "a.md").stat().st_mtime_ns
    assert main([*cache, "--fix", "a.md"]) == 1  # served from the cache, then fixed
    capsys.readouterr()
    os.utime(site / "a.md", ns=(mtime, mtime))  # even with the old modification time
    assert main([*cache, "a.md"]) == 1
    assert {d["code"] for d in json.loads(capsys.readouterr().out)} == {"MD001"}


def test_permissions_kept_and_a_symlinks_target_written(site, capsys):
    os.chmod(site / "a.md", 0o640)
    (site / "link.md").symlink_to(site / "a.md")
    assert run(capsys, "--fix", "link.md")[0] == 1
    assert (site / "link.md").is_symlink()
    assert (site / "a.md").read_bytes() == FIXED_SAFE.encode()
    assert stat.S_IMODE((site / "a.md").stat().st_mode) == 0o640
    assert [p.name for p in site.iterdir() if "fmlint-fix" in p.name] == []


def _not_written(out: str, name: str) -> dict:
    return next(d for d in json.loads(out) if d["code"] == "FL006" and d["path"].endswith(name))


def test_a_read_only_file_is_reported_and_left_intact(site, capsys):
    # refused by its mode bits, so even root (which CI runs as, and which may write anything) leaves it
    os.chmod(site / "a.md", 0o444)
    code, out, _ = run(capsys, "--fix", "--format", "json", ".")
    assert code == 1
    failure = _not_written(out, "a.md")
    assert failure["message"] == "fixes not written: the file is read-only; it is left as it was"
    assert (failure["line"], failure["column"]) == (1, 1)
    assert (site / "a.md").read_bytes() == FIXABLE.encode()
    assert {d["code"] for d in json.loads(out) if d["path"].endswith("a.md")} == {"FH001", "MD001", "FL006"}
    assert (site / "b.md").read_bytes() == b"\xef\xbb\xbf" + FIXED_SAFE.encode()


def test_a_file_changed_between_reading_and_writing_is_left_alone(site, capsys, monkeypatch):
    from fmlint.fix import command

    real = command.fix_document

    def edited_meanwhile(doc, *args, **kwargs):
        if doc.path.endswith("a.md"):
            Path(doc.path).write_text("---\ntitle: saved by an editor\n---\n")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(command, "fix_document", edited_meanwhile)
    code, out, _ = run(capsys, "--fix", "--format", "json", ".")
    assert code == 1
    assert _not_written(out, "a.md")["message"] == (
        "fixes not written: the file changed on disk since it was read; it is left as it was"
    )
    assert (site / "a.md").read_text() == "---\ntitle: saved by an editor\n---\n"
    assert (site / "b.md").read_bytes() == b"\xef\xbb\xbf" + FIXED_SAFE.encode()


def test_a_full_disk_leaves_the_original_and_no_temporary_file(site, capsys, monkeypatch):
    from fmlint.fix import writer

    def full(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").split("/")[-1].startswith(".a.md."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.write(fd, data)

    monkeypatch.setattr(writer, "_write_all", full)
    code, out, _ = run(capsys, "--fix", "--format", "json", ".")
    assert code == 1
    assert _not_written(out, "a.md")["message"] == (
        "fixes not written: cannot write: No space left on device; it is left as it was"
    )
    assert (site / "a.md").read_bytes() == FIXABLE.encode()
    assert (site / "b.md").read_bytes() == b"\xef\xbb\xbf" + FIXED_SAFE.encode()
    assert [p.name for p in site.iterdir() if "fmlint-fix" in p.name] == []


def test_configuration_selects_and_reclassifies_fixes(site, capsys):
    write_file(site, ".fmlint.toml", 'unfixable = ["FH001"]\nextend-safe-fixes = ["MD001"]\n')
    code = main(["--no-cache", "--fix", "a.md"])
    capsys.readouterr()
    assert code == 0  # FH001 is a warning, which remains; MD001 fixed without --unsafe-fixes
    assert (site / "a.md").read_bytes() == FIXABLE.replace("#### 价格", "## 价格").encode()
    write_file(site, ".fmlint.toml", 'fixable = ["MD"]\nextend-unsafe-fixes = ["FH"]\n')
    assert main(["--no-cache", "--fix", "--unsafe-fixes", "b.md"]) == 0
    assert (site / "b.md").read_bytes() == b"\xef\xbb\xbf" + FIXABLE.replace("#### 价格", "## 价格").encode()


def test_an_unknown_rule_in_a_fix_key_is_a_located_configuration_error(site, capsys):
    write_file(site, ".fmlint.toml", 'unfixable = ["FH001", "NOPE9"]\n')
    assert main(["--no-cache", "--fix", "a.md"]) == 2
    assert capsys.readouterr().err.endswith(
        ".fmlint.toml:1:23: `NOPE9` is not a rule code, code prefix or rule name (`fmlint rules` lists them)\n"
    )
    assert (site / "a.md").read_bytes() == FIXABLE.encode()


def test_rule_prints_its_fix_level(capsys):
    for code, level in (("FH001", "safe"), ("SC002", "unsafe"), ("DT001", "none")):
        assert main(["rule", code]) == 0
        assert f"\nFix: {level}\n" in capsys.readouterr().out


def test_fix_is_a_real_command(site):
    result = subprocess.run(
        [sys.executable, "-m", "fmlint", "--isolated", "--no-cache", "--fix", "--unsafe-fixes", "a.md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "All checks passed (1 file checked).\n",
        "Fixed 2 problems in 1 file.\n",
    )
    assert (site / "a.md").read_bytes() == FIXED_ALL.encode()


def test_many_files_are_fixed_in_a_pool(tmp_path, capsys):
    for number in range(70):
        write_file(tmp_path, f"p{number:02}.md", FIXABLE)
    code, out, err = run(capsys, "--fix", "--jobs", "2", "--format", "concise", str(tmp_path))
    assert code == 1
    assert err == "Fixed 70 problems in 70 files.\n"
    assert all(path.read_bytes() == FIXED_SAFE.encode() for path in tmp_path.glob("*.md"))
    assert out.count(": MD001 ") == 70


def test_stdin_fix_passes_an_excluded_file_through(site, monkeypatch, capsysbinary):
    write_file(site, ".fmlint.toml", 'force-exclude = true\nextend-exclude = ["drafts/"]\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FIXABLE.encode())))
    assert main(["--fix", "--stdin-filename", "drafts/post.md"]) == 0
    assert capsysbinary.readouterr().out == FIXABLE.encode()


def test_examples_fixed_leave_only_findings_without_a_fix(tmp_path, monkeypatch, capsys):
    examples = tmp_path / "examples"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples", examples)
    monkeypatch.chdir(examples)
    main(["--no-cache", "--fix", "--unsafe-fixes", "."])
    capsys.readouterr()
    after = {path: path.read_bytes() for path in examples.rglob("*.md")}
    assert main(["--no-cache", "--format", "json", "."]) == 1
    remaining = json.loads(capsys.readouterr().out)
    assert remaining
    assert [d for d in remaining if d["fix"] and d["fix"]["applicability"] != "display-only"] == []
    assert main(["--no-cache", "--diff", "--unsafe-fixes", "."]) == 0  # a second run would change nothing
    assert capsys.readouterr().out == ""
    assert after == {path: path.read_bytes() for path in examples.rglob("*.md")}


def test_a_file_in_a_read_only_folder_is_reported_and_left_intact(capsys):
    # the temporary file cannot be created beside it; as root (CI) the run acts as `nobody`, for whom
    # the folder's permissions apply (see test_bad_input.unprivileged)
    from test_bad_input import unprivileged

    folder = Path(tempfile.mkdtemp(prefix="fmlint-fix-"))
    try:
        folder.chmod(0o755)
        locked, open_ = folder / "locked", folder / "open"
        for sub, mode in ((locked, 0o555), (open_, 0o777)):
            sub.mkdir()
            write_file(sub, "a.md", FIXABLE).chmod(0o666)
            sub.chmod(mode)
        # `nobody` may not read the checkout (a clone under `mktemp -d` is 0700): the bundled schema is
        # copied where it can, and a `--diff` run as root first imports every module the fix path needs
        schema = folder / "article.schema.json"
        shutil.copyfile(BUNDLED_SCHEMA, schema)
        arguments = ["--isolated", "--no-cache", "--schema", str(schema), "--format", "json", str(folder)]
        assert main(["--diff", *arguments]) == 1
        capsys.readouterr()
        with unprivileged():
            code = main(["--fix", *arguments])
        out = capsys.readouterr().out
        assert code == 1
        failure = _not_written(out, "locked/a.md")
        assert failure["message"] == (
            "fixes not written: cannot create a file in its folder: Permission denied; it is left as it was"
        )
        assert (locked / "a.md").read_bytes() == FIXABLE.encode()
        assert (open_ / "a.md").read_bytes() == FIXED_SAFE.encode()
    finally:
        locked.chmod(0o755)
        shutil.rmtree(folder)

import json
import os
import subprocess
import sys
from pathlib import Path

from fmlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_concise_output_is_sorted_with_a_summary(tmp_path, capsys):
    write(tmp_path, "b.md", "---\ntitle: x\ntoc: 1\n---\n")
    write(tmp_path, "a.md", "---\ntitel: x\n---\n")
    write(tmp_path, "ok.md", "---\ntitle: fine\n---\n")
    assert main([str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{tmp_path / 'a.md'}:1:1: SC003 missing required key `title`",
        f"{tmp_path / 'a.md'}:2:1: SC002 unknown key `titel` (did you mean `title`?)",
        f"{tmp_path / 'b.md'}:3:6: SC001 toc: expected a boolean, got the integer 1",
        "Found 3 errors (0 warnings) in 2 of 3 files.",
    ]


def test_json_output_has_every_field(tmp_path, capsys):
    write(tmp_path, "a.md", "---\ntitle: x\ntoc: 1\n---\n")
    assert main(["--format", "json", str(tmp_path)]) == 1
    [item] = json.loads(capsys.readouterr().out)
    assert item == {
        "path": str(tmp_path / "a.md"),
        "line": 3,
        "column": 6,
        "end_line": 3,
        "end_column": 7,
        "code": "SC001",
        "rule": "schema-violation",
        "severity": "error",
        "message": "toc: expected a boolean, got the integer 1",
        "fix": None,
    }


def test_clean_files_exit_zero(tmp_path, capsys):
    write(tmp_path, "a.md", "---\ntitle: x\n---\n")
    assert main([str(tmp_path)]) == 0
    assert "All checks passed" in capsys.readouterr().out


def test_walk_skips_hidden_folders_and_other_extensions(tmp_path, capsys):
    write(tmp_path, ".git/x.md", "no front matter")
    write(tmp_path, "notes.txt", "no front matter")
    write(tmp_path, "deep/er/a.markdown", "no front matter")
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "a.markdown:1:1: SC004" in out and ".git" not in out and "notes.txt" not in out


def test_explicit_files_are_always_checked(tmp_path, capsys):
    path = write(tmp_path, "notes.txt", "no front matter")
    assert main([str(path)]) == 1
    assert "notes.txt:1:1: SC004" in capsys.readouterr().out


def test_bad_files_do_not_stop_the_run(tmp_path, capsys):
    write(tmp_path, "a-binary.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "b-latin1.md", "---\ntitle: café\n---\n".encode("latin-1"))
    write(tmp_path, "c-utf16.md", "---\ntitle: x\n---\n".encode("utf-16"))
    (tmp_path / "d-dir.md").mkdir()
    write(tmp_path, "e-good.md", "---\ntitle: x\ntoc: 1\n---\n")
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0].split(os.sep)[-1] + " " + line.split(": ")[1].split()[0] for line in out[:-1]] == [
        "a-binary.md:1:1 FL003",
        "b-latin1.md:2:11 FL002",
        "c-utf16.md:1:1 FL003",
        "d-dir.md:1:1 FL001",
        "e-good.md:3:6 SC001",
    ]


def test_file_size_limit(tmp_path, capsys):
    write(tmp_path, "big.md", "---\ntitle: x\n---\n" + "x" * 5000)
    assert main(["--max-file-size", "1000", str(tmp_path)]) == 1
    assert "big.md:1:1: FL004 file is 0.0 MiB, over the 0.0 MiB limit" in capsys.readouterr().out


def test_broken_schema_exits_2_naming_the_file(tmp_path, capsys):
    schema = write(tmp_path, "s.json", '{"type": "objekt"}')
    write(tmp_path, "a.md", "---\ntitle: x\n---\n")
    assert main(["--schema", str(schema), str(tmp_path)]) == 2
    assert f"{schema}: invalid schema at #/type" in capsys.readouterr().err


def test_missing_path_exits_2(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_rule_documentation_commands(capsys):
    assert main(["rule", "SC002"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# unknown-key (SC002)") and "## Why is this bad?" in out
    assert main(["rules"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "SC002   unknown-key " in listed[[line.split()[0] for line in listed].index("SC002")]
    # the columns line up, and the longest codes (SITE001) keep a space before their names
    assert len({line.index(" error ") if " error " in line else line.index(" warning ") for line in listed}) == 1
    assert any(line.startswith("SITE001 output-path-collision ") for line in listed)
    assert main(["rules", "--markdown"]) == 0
    assert "| SC002 | unknown-key |" in capsys.readouterr().out
    assert main(["rule", "NOPE1"]) == 2


def test_examples_show_real_findings(capsys):
    assert main([str(EXAMPLES)]) == 1
    out = capsys.readouterr().out
    assert "posts/" not in out  # the clean articles are clean
    codes = ("FM001", "FM002", "FM003", "SC001", "SC002", "SC003", "SC004", "DT001", "DT002", "DT003")
    for code in (*codes, "IMG001", "IMG002", "IMG004", "IMG006", "FH001", "FH002"):
        assert f": {code} " in out
    structure = {line.split()[1] for line in out.splitlines() if "markdown-structure.md:" in line}
    assert structure == {"MD001", "MD025", "MD036", "MD045", "MD042", "MKD001", "MKD003", "MKD004", "SUP001"}
    # the seed article: its three numbered section titles (two right after pictures) and generic alt text
    seed = [line.split()[:2] for line in out.splitlines() if line.startswith(str(EXAMPLES / "content" / "seed"))]
    assert [(where.split(":")[-3], code) for where, code in seed if code == "MD036"] == [
        ("32", "MD036"),
        ("38", "MD036"),
        ("46", "MD036"),
    ]
    assert {code for _, code in seed} == {"MD036", "MKD003"}  # warnings only: no error


def test_seed_article_has_warnings_but_no_error(capsys):
    assert main([str(EXAMPLES / "content" / "seed")]) == 0
    assert capsys.readouterr().out.endswith("Found 0 errors (7 warnings) in 1 of 1 file.\n")


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "fmlint", "--format", "json", str(EXAMPLES / "content" / "posts")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []

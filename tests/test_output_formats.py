"""Every output format, from a real run over a small folder."""

import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from support import write_file

from fmlint.cli import main
from fmlint.diagnostics import Diagnostic, Severity
from fmlint.formatters import choose, use_color
from fmlint.formatters.full import render

DATA = Path(__file__).resolve().parent / "data"
ARTICLE = '---\ntitle: "大模型, 价格"\ntoc: "yes"\n---\n'  # SC001 at 3:6-3:11, after CJK text
OTHER = "---\ntitel: x\n---\n"  # SC003 at 1:1, SC002 at 2:1


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    write_file(tmp_path, "a.md", ARTICLE)
    write_file(tmp_path, "b.md", OTHER)
    write_file(tmp_path, "c.md", "---\ntitle: fine\n---\n")
    return tmp_path


def output(capsys, *args):
    code = main(["--isolated", *args, "."])
    return code, capsys.readouterr().out


def test_concise(site, capsys):
    expected = (
        'a.md:3:6: SC001 toc: expected a boolean, got the string "yes"\n'
        "b.md:1:1: SC003 missing required key `title`\n"
        "b.md:2:1: SC002 unknown key `titel` (did you mean `title`?)\n"
        "Found 3 errors (0 warnings) in 2 of 3 files.\n"
    )
    assert output(capsys, "--format", "concise") == (1, expected)


def test_quiet_leaves_out_the_summary(site, capsys):
    _, out = output(capsys, "--format", "concise", "--quiet")
    assert out.splitlines()[-1].startswith("b.md:2:1: SC002")


def test_full_underlines_the_exact_span(site, capsys):
    _, out = output(capsys, "--format", "full", "--select", "SC001")
    assert out == (
        'a.md:3:6: SC001 toc: expected a boolean, got the string "yes"\n'
        "  |\n"
        '3 | toc: "yes"\n'
        "  |      ^^^^^ SC001\n"
        "  |\n"
        "Found 1 error (0 warnings) in 1 of 3 files.\n"
    )


def test_full_counts_wide_characters_and_colours_on_request():
    d = Diagnostic("p.md", 2, 8, "SC001", 2, 10, "schema-violation", Severity.WARNING, "m")
    lines = ["---", "title: 大模型 x"]
    plain = render(d, lines, color=False).splitlines()
    assert plain[3] == "  |        ^^^^ SC001"  # 大模 takes four columns after `title: `
    coloured = render(d, lines, color=True)
    assert "\033[33m^^^^ SC001\033[0m" in coloured and "\033[" not in plain[3]


def test_colour_only_on_a_terminal_and_never_with_no_color():
    assert use_color({}, isatty=True)
    assert not use_color({}, isatty=False)
    assert not use_color({"NO_COLOR": "1"}, isatty=True)


def test_auto_format_choice():
    assert choose("auto", {"GITHUB_ACTIONS": "true"}, isatty=True) == "github"
    assert choose("auto", {}, isatty=True) == "full"
    assert choose("auto", {}, isatty=False) == "concise"
    assert choose("json", {"GITHUB_ACTIONS": "true"}, isatty=True) == "json"


def test_json_and_json_lines_agree(site, capsys):
    _, array = output(capsys, "--format", "json")
    _, lines = output(capsys, "--format", "json-lines")
    assert json.loads(array) == [json.loads(line) for line in lines.splitlines()]
    first = json.loads(array)[0]
    assert (first["path"], first["line"], first["column"], first["end_column"]) == ("a.md", 3, 6, 11)


GITHUB_LINE = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    return text.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def test_github_annotations_parse_back(site, capsys):
    write_file(site, "d, e.md", "---\ntitle: x\nsidebar: 1\n---\n")
    _, out = output(capsys, "--format", "github")
    parsed = []
    for line in out.splitlines():
        match = GITHUB_LINE.match(line)
        assert match, line
        props = dict(item.split("=", 1) for item in match["props"].split(","))
        parsed.append({key: unescape(value) for key, value in props.items()} | {"message": unescape(match["message"])})
    _, as_json = output(capsys, "--format", "json")
    expected = [
        {
            "file": d["path"],
            "line": str(d["line"]),
            "col": str(d["column"]),
            "endLine": str(d["end_line"]),
            "endColumn": str(d["end_column"]),
            "title": d["code"],
            "message": d["message"],
        }
        for d in json.loads(as_json)
    ]
    assert parsed == expected and any(item["file"] == "d, e.md" for item in parsed)


def test_github_is_the_default_in_github_actions(site):
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "fmlint", "--isolated", "b.md"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=b.md,line=1,col=1,endLine=1,endColumn=4,title=SC003::missing required key"
    )


def test_sarif_is_valid_sarif_2_1_0(site, capsys):
    _, out = output(capsys, "--format", "sarif")
    log = json.loads(out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"SC001", "SC002", "FM001", "X001"} <= {rule["id"] for rule in rules}
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "SC001"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.md", "index": 0},
        "region": {"startLine": 3, "startColumn": 6, "endLine": 3, "endColumn": 11},
    }
    assert run["artifacts"] == [{"location": {"uri": "a.md"}}, {"location": {"uri": "b.md"}}]
    assert "## Why is this bad?" in rules[first["ruleIndex"]]["help"]["markdown"]


def test_junit_has_one_testcase_per_file(site, capsys):
    _, out = output(capsys, "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == "2"
    cases = {case.get("name"): case.find("failure") for case in suite.iter("testcase")}
    assert set(cases) == {"a.md", "b.md", "c.md"}
    assert cases["c.md"] is None
    assert cases["b.md"].text.splitlines() == [
        "1:1 SC003 [error] missing required key `title`",
        "2:1 SC002 [error] unknown key `titel` (did you mean `title`?)",
    ]


def test_statistics(site, capsys):
    assert output(capsys, "--statistics") == (
        1,
        "1\tSC001\tschema-violation\n1\tSC002\tunknown-key\n1\tSC003\tmissing-key\n",
    )


def test_stdin_filename(site, capsys, monkeypatch):
    write_file(site, ".fmlint.toml", 'ignore = ["SC003"]\n')
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(OTHER.encode())))
    assert main(["--stdin-filename", "content/new.md", "--format", "full"]) == 1
    assert capsys.readouterr().out == (
        "content/new.md:2:1: SC002 unknown key `titel` (did you mean `title`?)\n"
        "  |\n"
        "2 | titel: x\n"
        "  | ^^^^^ SC002\n"
        "  |\n"
        "Found 1 error (0 warnings) in 1 of 1 file.\n"
    )


def test_stdin_filename_takes_no_paths(site, capsys):
    assert main(["--stdin-filename", "x.md", "a.md"]) == 2
    assert "give no paths" in capsys.readouterr().err


class CountingStdout(io.StringIO):
    """A stdout that counts its writes (an unbuffered one makes each a system call)."""

    writes = 0

    def write(self, text):
        self.writes += 1
        return super().write(text)


@pytest.mark.parametrize("name", ["concise", "full", "json", "json-lines", "github", "sarif", "junit", "gitlab"])
def test_a_report_reaches_stdout_in_few_writes(tmp_path, monkeypatch, name):
    for index in range(300):
        write_file(tmp_path, f"p{index:03}.md", OTHER)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    stdout = CountingStdout()
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["--isolated", "--no-cache", "--format", name, "."]) == 1
    assert stdout.getvalue().count("titel") >= 300
    assert stdout.writes <= 1 + len(stdout.getvalue()) // (1 << 16)

"""A crash inside fmlint becomes X001 on that file; the run goes on and exits 3."""

from __future__ import annotations

import json

import pytest

import fmlint.frontmatter
import fmlint.linter
from fmlint.cli import main
from fmlint.frontmatter import yaml_loader
from fmlint.rules import Checker, Rule


def _explode(ctx, options):
    if ctx.doc.path.endswith("a-crash.md"):
        raise ZeroDivisionError("division by zero in a test rule")
    return iter(())


CRASHING = Checker(
    name="exploding-rule",
    rules=(Rule("X001", "internal-error", "only here to be enabled"),),
    options={},
    needs=frozenset(),
    check=_explode,
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a-crash.md").write_text("---\ntitle: x\ntoc: 1\n---\n")
    (tmp_path / "b-faulty.md").write_text("---\ntitle: x\ncomments: 1\n---\n")
    return tmp_path


def run_json(capsys, *args):
    code = main(["--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_a_crashing_rule_is_x001_and_the_run_goes_on(monkeypatch, folder, capsys):
    monkeypatch.setattr(fmlint.linter, "CHECKERS", (*fmlint.linter.CHECKERS, CRASHING))
    code, items = run_json(capsys, str(folder))
    assert code == 3
    assert [(i["path"].rsplit("/", 1)[-1], i["line"], i["column"], i["code"]) for i in items] == [
        ("a-crash.md", 1, 1, "X001"),
        ("a-crash.md", 3, 6, "SC001"),  # the other rules still ran on the same file
        ("b-faulty.md", 3, 11, "SC001"),  # and the other files were checked
    ]
    crash = items[0]
    assert crash["rule"] == "internal-error" and crash["severity"] == "error"
    assert crash["message"] == "rule `exploding-rule` crashed: ZeroDivisionError: division by zero in a test rule"


def test_traceback_only_with_verbose(monkeypatch, folder, capsys):
    monkeypatch.setattr(fmlint.linter, "CHECKERS", (*fmlint.linter.CHECKERS, CRASHING))
    code, items = run_json(capsys, "--verbose", str(folder))
    assert code == 3
    message = items[0]["message"]
    assert message.startswith(
        "rule `exploding-rule` crashed: ZeroDivisionError: division by zero in a test rule\nTraceback"
    )
    assert 'in _explode\n    raise ZeroDivisionError("division by zero in a test rule")' in message


def test_concise_output_names_the_rule(monkeypatch, folder, capsys):
    monkeypatch.setattr(fmlint.linter, "CHECKERS", (*fmlint.linter.CHECKERS, CRASHING))
    assert main([str(folder)]) == 3
    out = capsys.readouterr().out
    assert f"{folder / 'a-crash.md'}:1:1: X001 rule `exploding-rule` crashed: ZeroDivisionError" in out
    assert "Traceback" not in out


def test_a_crashing_front_matter_parser_is_x001_too(monkeypatch, folder, capsys):
    real = yaml_loader.load

    def load(doc):
        if doc.path.endswith("a-crash.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc)

    monkeypatch.setitem(fmlint.frontmatter._LOADERS, "yaml", load)
    code, items = run_json(capsys, str(folder))
    assert code == 3
    assert [(i["path"].rsplit("/", 1)[-1], i["line"], i["column"], i["code"], i["message"]) for i in items] == [
        (
            "a-crash.md",
            1,
            1,
            "X001",
            "the yaml front-matter parser crashed: RecursionError: maximum recursion depth exceeded",
        ),
        ("b-faulty.md", 3, 11, "SC001", "comments: expected a boolean, got the integer 1"),
    ]


def test_content_errors_alone_exit_1(folder, capsys):
    code, items = run_json(capsys, str(folder))
    assert code == 1 and {i["code"] for i in items} == {"SC001"}

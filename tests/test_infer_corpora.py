"""``fmlint schema infer`` on real sites (../shared/corpora): linting with the schema finds exactly what the report lists."""

from __future__ import annotations

import json

import pytest
from support import CORPORA

from fmlint.cli import main

pytestmark = pytest.mark.skipif(CORPORA is None, reason="../shared/corpora is not beside this checkout")


@pytest.mark.parametrize("corpus", ["hugo-docs", "rust-blog"])
def test_the_report_is_what_linting_with_the_schema_finds(corpus, tmp_path, capsys):
    assert CORPORA is not None
    content = str(CORPORA / corpus / "content")
    schema, report = tmp_path / "schema.json", tmp_path / "report.json"
    assert main(["schema", "infer", content, "-o", str(schema), "--report", str(report)]) == 0
    learned = json.loads(report.read_text())
    listed = {
        (f["path"], f["line"], f["column"], f["code"], f["message"]) for g in learned["groups"] for f in g["findings"]
    }
    main(["--isolated", "--no-cache", "--select", "SC", "--schema", str(schema), "--format", "json", content])
    headless = [entry["folder"] + "/" for entry in learned["headless"]["folders"]]
    linted = {
        (d["path"], d["line"], d["column"], d["code"], d["message"])
        for d in json.loads(capsys.readouterr().out)
        if not d["path"].startswith(tuple(headless))
    }
    assert listed == linted
    assert listed  # each site has some: the comparison compares something
    assert json.loads(schema.read_text())["properties"]["title"]["type"] == "string"

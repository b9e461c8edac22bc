"""The date, image and field-hygiene rules' docs: every section there, and their examples are true."""

import re

import pytest
from support import settings_with

from fmlint.linter import lint_path
from fmlint.rules import RULES_BY_CODE

CODES = sorted(code for code in RULES_BY_CODE if code.startswith(("DT", "IMG", "FH")))
EXAMPLES = re.compile(r"## Example\n.*?```markdown\n(?P<bad>.*?)```\nUse instead[^\n]*\n```markdown\n(?P<good>.*?)```", re.DOTALL)
# What some examples need besides the article: a Jekyll-style file name (DT003), a
# configured deny-list (IMG003); IMG006 needs the article on disk, in a site.
FILE_NAME = "2025-02-07-price-cuts.md"
OPTIONS = {"images": {"denied-hosts": ["i.imgur.com"]}}


@pytest.mark.parametrize("code", CODES)
def test_rule_doc_has_every_section(code):
    doc = RULES_BY_CODE[code].doc
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead"):
        assert heading in doc


@pytest.mark.parametrize("code", CODES)
def test_failing_example_fails_and_passing_example_passes(code, tmp_path):
    match = EXAMPLES.search(RULES_BY_CODE[code].doc)
    assert match, f"{code}: no failing/passing example pair"
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    settings = settings_with(enabled_codes=frozenset(RULES_BY_CODE), rule_options=OPTIONS)
    for example, expected in (("bad", True), ("good", False)):
        article = tmp_path / "content" / example / FILE_NAME
        article.parent.mkdir(parents=True)
        article.write_text(match.group(example), encoding="utf-8")
        codes = [d.code for d in lint_path(str(article), settings).diagnostics]
        assert (code in codes) == expected, f"{code} {example} example gave {codes}"

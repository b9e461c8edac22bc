"""Under the hugo preset, front-matter keys match the schema's properties whatever their case (as in Hugo)."""

from __future__ import annotations

import pytest
from support import check

SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "linkTitle": {"type": "string"}, "weight": {"type": "integer"}},
    "additionalProperties": False,
}
SC = {"enabled_codes": frozenset({"SC001", "SC002", "SC006"})}


@pytest.mark.parametrize(
    ("source", "problems"),
    [
        ("---\ntitle: 标题😀\nlinktitle: 短\nWEIGHT: 2\n---\n", []),
        ("---\ntitle: 标题😀\nLinkTitle: 5\n---\n", [(3, 12, "SC001")]),  # checked as linkTitle, at the value
        ('\ufeff+++\r\ntitle = "t"\r\nlinktitle = 5\r\n+++\r\n', [(3, 13, "SC001")]),
        ('{"title": "t", "Weight": "x"}\n', [(1, 26, "SC001")]),
        ("---\ntitle: t\nlinktitle: a\nLINKTITLE: b\n---\n", [(3, 1, "SC002"), (4, 1, "SC002")]),  # Hugo keeps one
    ],
    ids=["yaml-cjk", "yaml-type", "toml-bom-crlf", "json", "two-spellings"],
)
def test_hugo_reads_keys_in_any_case(source, problems):
    check(source, problems, schema=SCHEMA, preset="hugo", **SC)


def test_other_generators_keep_the_case():
    # Jekyll's keys are case-sensitive: `Title` is another key (a near miss of `title` under an open schema)
    open_schema = {**SCHEMA, "additionalProperties": True}
    check("---\nTitle: t\n---\n", [(2, 1, "SC006")], schema=open_schema, preset="jekyll", **SC)
    check("---\nlinktitle: t\n---\n", [(2, 1, "SC002")], schema=SCHEMA, preset="jekyll", **SC)

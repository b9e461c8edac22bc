"""SC006 near-miss-key: misspelt keys that an open schema lets through, at the key."""

from __future__ import annotations

import pytest
from support import check

from fmlint.schema.near_miss import closest

OPEN = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "tags": {"type": "array"},
        "last_modified_at": {"type": "string"},
        "cover": {"$ref": "#/$defs/cover"},
        "resources": {"type": "array", "items": {"type": "object", "properties": {"src": {}, "name": {}}}},
    },
    "$defs": {"cover": {"type": "object", "properties": {"image": {}, "caption": {}}}},
}
SC006 = {"enabled_codes": frozenset({"SC006"})}


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("---\ntitle: 标题😀\nlast_modifed_at: 2025-02-07\n---\n", 3, 1),
        ('\ufeff+++\r\ntitle = "标题"\r\n  last-modified-at = "2025"\r\n+++\r\n', 3, 3),
        ('{\n  "title": "标题",  "ttile2": 1, "lastModifiedAt": "x"\n}\n', 2, 32),
    ],
    ids=["yaml-cjk-emoji", "toml-bom-crlf", "json"],
)
def test_reported_at_the_key_in_each_format(source, line, column):
    check(source, [(line, column, "SC006")], schema=OPEN, **SC006)


def test_nested_through_ref_and_items():
    source = "---\ntitle: t\ncover:\n  imgae: a.png\nresources:\n  - src: a\n    nmae: b\n---\n"
    diagnostics = check(source, [(4, 3, "SC006"), (7, 5, "SC006")], schema=OPEN, **SC006)
    assert "`cover.imgae` looks like a misspelling of `image`" in diagnostics[0].message
    assert "`resources[0].nmae`" in diagnostics[1].message


def test_not_reported_when_the_defined_key_is_present_or_the_schema_is_closed():
    check("---\ntitle: t\ntag: x\ntags: [a]\n---\n", [], schema=OPEN, **SC006)  # both there: two keys
    closed = {**OPEN, "additionalProperties": False}
    check("---\ntitle: t\ntitel: x\n---\n", [], schema=closed, **SC006)  # SC002's finding, not this one


def test_found_under_a_closed_schema_only_where_an_open_object_is_reached_even_through_a_ref_loop():
    # a closed node whose own keys are not walked; the open `meta` is reached only through the loop `child`
    schema = {
        "$ref": "#/$defs/node",
        "$defs": {
            "node": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "child": {"$ref": "#/$defs/node"},
                    "meta": {"type": "object", "properties": {"author": {"type": "string"}}},
                },
            }
        },
    }
    source = "---\nchild:\n  child:\n    meta:\n      autor: x\n---\n"
    diagnostics = check(source, [(5, 7, "SC006")], schema=schema, **SC006)
    assert "`child.child.meta.autor` looks like a misspelling of `author`" in diagnostics[0].message


def test_not_reported_when_the_value_is_of_another_type():
    # hugo-docs' glossary marks entries with `alias: true`: a flag, not a misspelt list of aliases
    schema = {"properties": {"aliases": {"type": "array"}, "weight": {"type": "integer"}}}
    check("---\nalias: true\nweigth: 3\n---\n", [(3, 1, "SC006")], schema=schema, **SC006)


def test_a_block_scalar_before_the_key_keeps_its_line():
    source = "---\ntitle: |\n  一\n  二\ntagz: [a]\n---\n"
    check(source, [(5, 1, "SC006")], schema=OPEN, **SC006)


def test_closest_distance_depends_on_length():
    assert closest("tag", ["tags"]) == "tags"  # one edit
    assert closest("tg", ["tags"]) is None  # two edits on a short key
    assert closest("lastmdo", ["lastmod", "layout"]) == "lastmod"  # a swap is one edit
    assert closest("author", ["authors", "authorbox"]) == "authors"
    assert closest("summary", ["title"]) is None

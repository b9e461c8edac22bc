"""Each fixable rule: input bytes → exact output bytes (YAML, TOML, JSON; CRLF, BOM, comments, CJK)."""

from __future__ import annotations

from typing import Any

import pytest
from support import DEFAULT, settings_with

from fmlint.config.fix_policy import FixPolicy
from fmlint.config.settings import DEFAULT_ENABLED
from fmlint.document import read_document
from fmlint.fix.apply import FixOutcome, fix_document

ALL_FIXES = FixPolicy()


def fix(source: str | bytes, unsafe: bool = True, schema: Any = DEFAULT, **options: Any) -> tuple[bytes, FixOutcome]:
    data = source.encode("utf-8") if isinstance(source, str) else source
    settings = settings_with(schema, **options)
    wanted = lambda d: d.fix is not None and ALL_FIXES.applies(d.code, d.fix.applicability, unsafe)  # noqa: E731
    outcome = fix_document(read_document("post.md", data), settings, wanted)
    return outcome.encoded(data), outcome


def fixed(source: str | bytes, **kwargs: Any) -> str:
    return fix(source, **kwargs)[0].decode("utf-8")


def applied(source: str | bytes, **kwargs: Any) -> list[str]:
    return [d.code for d in fix(source, **kwargs)[1].applied]


# FH001: safe quoting, comment beside the value kept, CJK before it, CRLF and BOM kept
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('---\ntitle: "T"\nlead: no # keep\n---\n', '---\ntitle: "T"\nlead: "no" # keep\n---\n'),
        (
            '---\r\ntitle: "标题"\r\ntags: [价格, Yes]\r\n---\r\n',
            '---\r\ntitle: "标题"\r\ntags: [价格, "Yes"]\r\n---\r\n',
        ),
        (
            '\ufeff---\ntitle: "T"\nnested:\n  flag: off\n---\nBody',
            '\ufeff---\ntitle: "T"\nnested:\n  flag: "off"\n---\nBody',
        ),
    ],
)
def test_fh001_quotes_the_word(source, expected):
    assert fixed(source, unsafe=False) == expected


def test_fh001_is_unsafe_for_yaml11_generators():
    source = '---\ntitle: "T"\nlead: no\n---\n'
    assert fixed(source, unsafe=False, schema=None, preset="jekyll") == source
    assert fixed(source, unsafe=True, schema=None, preset="jekyll") == '---\ntitle: "T"\nlead: "no"\n---\n'


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: ' 价格 '  # c\n---\n", "---\ntitle: '价格'  # c\n---\n"),
        ('+++\r\ntitle = "价格 "\r\n+++\r\n', '+++\r\ntitle = "价格"\r\n+++\r\n'),
        ('{\n  "title": "\\t价格",\n  "tags": [" ai"]\n}\n', '{\n  "title": "价格",\n  "tags": ["ai"]\n}\n'),
    ],
)
def test_fh002_trims_in_every_format(source, expected):
    assert fixed(source) == expected
    assert fixed(source, unsafe=False) == source  # unsafe: not applied by default


def test_fh002_leaves_block_scalars():
    source = "---\ntitle: |\n   indented\n---\n"
    assert fixed(source, schema=None) == source


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "---\ntitle: T\n---\n\n## 价格 <!-- fmlint-disable-line MD001 -->\n\nText.\n",
            "---\ntitle: T\n---\n\n## 价格\n\nText.\n",
        ),
        (  # alone between blank lines: the line goes
            "---\ntitle: T\n---\n\n<!-- fmlint-disable-next-line MD045 -->\n\nText.",
            "---\ntitle: T\n---\n\n\nText.",
        ),
        ("---\ntitle: T  # fmlint-disable-line SC001\n---\n", "---\ntitle: T\n---\n"),
        ("+++\ntitle = 'T'  # fmlint-disable-line FH002\n+++\n", "+++\ntitle = 'T'\n+++\n"),
        (  # only the codes that suppress nothing are dropped
            "---\ntitle: T\n---\n\n#### 价格 <!-- fmlint-disable-line MD001,MD045 -->\n",
            "---\ntitle: T\n---\n\n#### 价格 <!-- fmlint-disable-line MD001 -->\n",
        ),
    ],
)
def test_sup001_removes_unused_suppressions(source, expected):
    assert fixed(source, unsafe=False) == expected


def test_sup001_between_two_non_blank_lines_is_unsafe():
    # the line stays, empty, so two paragraphs do not join; but between list items it would make one loose list
    source = "---\r\ntitle: T\r\n---\r\nOne.\r\n<!-- fmlint-disable MD045 -->\r\nTwo.\r\n"
    assert fixed(source, unsafe=False) == source
    assert fixed(source) == "---\r\ntitle: T\r\n---\r\nOne.\r\n\r\nTwo.\r\n"


def test_md034_autolinks_for_hugo_only_as_safe():
    enabled = DEFAULT_ENABLED | {"MD034"}
    source = "---\ntitle: T\n---\n\n价格 https://example.com/a。价格\r\n"
    expected = "---\ntitle: T\n---\n\n价格 <https://example.com/a>。价格\r\n"
    assert fixed(source, unsafe=False, enabled_codes=enabled) == expected
    # Hugo's linkify links only what follows white space or `*_~(`: after `：` an autolink would add a link
    unlinked = "---\ntitle: T\n---\n\n价格：https://example.com/a。\n"
    assert fixed(unlinked, unsafe=False, enabled_codes=enabled) == unlinked
    assert fixed(unlinked, enabled_codes=enabled) == "---\ntitle: T\n---\n\n价格：<https://example.com/a>。\n"
    assert fixed(source, unsafe=False, enabled_codes=enabled, preset="astro", schema=None) == source
    assert fixed(source, unsafe=True, enabled_codes=enabled, preset="docusaurus", schema=None) == source


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "---\ntitle: T\nimage: 'http://x.org/a.png' # c\n---\n",
            "---\ntitle: T\nimage: 'https://x.org/a.png' # c\n---\n",
        ),
        (
            '+++\ntitle = "T"\nimages = ["HTTP://x.org/a.png"]\n+++\n',
            '+++\ntitle = "T"\nimages = ["HTTPs://x.org/a.png"]\n+++\n',
        ),
        ('{"title": "T", "thumbnail": "http://x.org/a.png"}\n', '{"title": "T", "thumbnail": "https://x.org/a.png"}\n'),
        (
            "---\ntitle: T\n---\n价格 ![图](http://x.org/a.png)\r\n",
            "---\ntitle: T\n---\n价格 ![图](https://x.org/a.png)\r\n",
        ),
    ],
)
def test_img002_uses_https(source, expected):
    assert fixed(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitel: T # the title\n---\n", "---\ntitle: T # the title\n---\n"),
        ('+++\r\ntitel = "T"\r\n+++\r\n', '+++\r\ntitle = "T"\r\n+++\r\n'),
        ('{"titel": "价格"}\n', '{"title": "价格"}\n'),
    ],
)
def test_sc002_renames_to_the_single_suggestion(source, expected):
    assert fixed(source) == expected
    assert fixed(source, unsafe=False) == source


def test_sc002_no_rename_onto_an_existing_key_and_display_only_for_several():
    source = "---\ntitle: T\ntitel: U\n---\n"
    assert fixed(source) == source
    schema = {"type": "object", "properties": {"colour": {}, "color": {}}, "additionalProperties": False}
    several = "---\ncolor1: x\n---\n"
    _, outcome = fix(several, schema=schema)
    (diagnostic,) = outcome.diagnostics
    assert diagnostic.fix is not None and diagnostic.fix.applicability == "display-only"
    assert fixed(several, schema=schema) == several


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            '---\ntitle: "价格"\ncomments: "yes"  # c\nweight: "10"\nkeywords: news\nsidebar: rigth\n---\n',
            '---\ntitle: "价格"\ncomments: true  # c\nweight: 10\nkeywords: [news]\nsidebar: right\n---\n',
        ),
        (
            '+++\r\ntitle = "价格"\r\ncomments = "no"\r\nsidebar = \'Left\'\r\n+++\r\n',
            "+++\r\ntitle = \"价格\"\r\ncomments = false\r\nsidebar = 'left'\r\n+++\r\n",
        ),
        ('{"title": "价格", "weight": "-3", "lang": "a"}\n', '{"title": "价格", "weight": -3, "lang": ["a"]}\n'),
    ],
)
def test_sc001_writes_the_meant_value(source, expected):
    assert fixed(source) == expected


def test_sc001_has_no_fix_without_a_clear_meaning():
    source = '---\ntitle: "T"\nweight: "ten"\n---\n'
    _, outcome = fix(source)
    assert [(d.code, d.fix) for d in outcome.diagnostics] == [("SC001", None)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (  # MD036 at the level after the heading before it; CJK; CRLF
            "---\ntitle: 价格\n---\r\n\r\n## 一\r\n\r\n**二、模型价格再次下降**\r\n\r\n正文。\r\n",
            "---\ntitle: 价格\n---\r\n\r\n## 一\r\n\r\n### 二、模型价格再次下降\r\n\r\n正文。\r\n",
        ),
        ("---\ntitle: T\n---\n\n__Prices__\n\nText.\n", "---\ntitle: T\n---\n\n## Prices\n\nText.\n"),
        (  # MD001
            "---\ntitle: T\n---\n\n## A\n\n#### B ####\n",
            "---\ntitle: T\n---\n\n## A\n\n### B ####\n",
        ),
        (  # MD025: a `#` heading beside the title, ATX and setext
            "+++\ntitle = 'T'\n+++\n# 价格\n\nOther\n=====\n",
            "+++\ntitle = 'T'\n+++\n## 价格\n\nOther\n-----\n",
        ),
        (  # MKD001, no final newline: none added
            '{"title": "T"}\n\n```rust\nfn main() {}',
            '{"title": "T"}\n\n```rust\nfn main() {}\n```',
        ),
        ("---\ntitle: T\n---\n\n  ~~~~\r\ncode\r\n", "---\ntitle: T\n---\n\n  ~~~~\r\ncode\r\n  ~~~~\r\n"),
    ],
)
def test_markdown_fixes(source, expected):
    assert fixed(source) == expected


def test_fence_in_a_quote_is_not_closed():
    source = "---\ntitle: T\n---\n\n> ```\n> code\n"
    assert fixed(source) == source


def test_never_edits_a_file_whose_front_matter_does_not_parse():
    source = "---\ntitle: [T\nlead: no\n---\n\n#### Deep\n"
    assert fixed(source) == source
    dup = "---\ntitle: T\ntitle: U\nlead: no\n---\n"
    assert fixed(dup) == dup


def test_never_edits_invalid_utf8():
    data = b'---\ntitle: "T"\nlead: no\n---\n\xff\n'
    assert fix(data)[0] == data


def test_reverts_a_fix_that_would_change_other_data():
    # a rename onto a key that YAML reads as a different key is caught by reading the result back
    from fmlint.fix.apply import changed_paths

    assert changed_paths({"a": 1, "b": [1, 2]}, {"a": True, "b": [1, 3], "c": 0}) == [("c",), ("a",), ("b", 1)] or set(
        changed_paths({"a": 1, "b": [1, 2]}, {"a": True, "b": [1, 3], "c": 0})
    ) == {("c",), ("a",), ("b", 1)}


def test_fixes_are_idempotent():
    source = '---\ntitel: x\ncomments: "yes"\nlead: no\n---\n\n# 价格\n\n#### B\n\n**C**\n\n```\nx\n'
    once = fixed(source)
    assert fixed(once) == once


def test_fm003_shows_the_removal_and_never_applies_it():
    source = '---\ntitle: "价格"\ntags:\n  - x\ntags: # again\n  - y\ndate: 2025-01-01\n---\n'
    data, outcome = fix(source)
    assert data.decode() == source
    (duplicate,) = [d for d in outcome.diagnostics if d.code == "FM003"]
    assert duplicate.fix is not None and duplicate.fix.applicability == "display-only"
    assert [(e.line, e.column, e.end_line, e.end_column, e.content) for e in duplicate.fix.edits] == [(5, 1, 7, 1, "")]


def test_overlapping_fixes_wait_for_the_next_pass():
    _, outcome = fix('---\ntitle: "T"\ndraft: no\n---\n')
    assert outcome.doc.text == '---\ntitle: "T"\ndraft: false\n---\n'
    assert [d.code for d in outcome.applied] == ["FH001", "SC001"]  # quoted, then a boolean
    assert len(outcome.passes) == 2


def test_a_fix_that_breaks_the_front_matter_is_reverted(monkeypatch):
    from fmlint.rules import field_hygiene

    monkeypatch.setattr(field_hygiene, "value_text", lambda kind, value, written: '"no')
    source = '---\ntitle: "T"\nlead: no\n---\n\n#### Deep\n'
    data, outcome = fix(source)
    assert data.decode() == source.replace("#### Deep", "## Deep")  # the other fix is still made
    (reverted,) = outcome.reverted
    assert reverted.diagnostic.code == "FH001"
    assert reverted.reason.startswith("it would break the front matter: YAML syntax error")


def test_a_safe_fix_that_changes_the_data_is_reverted(monkeypatch):
    from fmlint.rules import field_hygiene

    monkeypatch.setattr(field_hygiene, "value_text", lambda kind, value, written: "false")
    source = '---\ntitle: "T"\nlead: no\n---\n'
    data, outcome = fix(source, unsafe=False)
    assert data.decode() == source
    assert [r.reason for r in outcome.reverted] == ["a safe fix would change `lead`"]


def test_a_fix_that_changes_data_elsewhere_is_reverted():
    # the anchored value is used again through an alias: changing it would change `alias` too
    schema = {"type": "object", "properties": {"comments": {"type": "boolean"}}}
    source = '---\ncomments: &v "yes"\nalias: *v\n---\n'
    data, outcome = fix(source, schema=schema)
    assert data.decode() == source
    assert [r.reason for r in outcome.reverted] == ["it would change `alias`, outside its edits"]


def test_an_anchor_or_tag_before_a_value_stays():
    source = "---\ntitle: &t ' padded '\nsummary: !!str ' x'\n---\n"
    assert fixed(source, schema=None) == "---\ntitle: &t 'padded'\nsummary: !!str 'x'\n---\n"


@pytest.mark.parametrize(
    ("source", "line", "column", "end_column"),
    [
        ('\ufeff---\r\ntitle: "价格"\r\ncomments: "yes"\r\n---\r\n', 3, 11, 16),
        ('---\ntitle: "价格"\nsummary: |\n  块\n  文本\ncomments: "yes"\n---\n', 6, 11, 16),
        ('\ufeff+++\r\ntitle = "价格 🎉"\r\ncomments = "yes"\r\n+++\r\n', 3, 12, 17),
        ('{\r\n  "title": "价格 🎉", "comments": "yes"\r\n}\r\n', 2, 32, 37),
    ],
)
def test_fix_edits_are_located_like_the_diagnostic(source, line, column, end_column):
    _, outcome = fix(source, unsafe=False)  # nothing applied: the diagnostics of the original
    (sc001,) = [d for d in outcome.diagnostics if d.code == "SC001"]
    assert (sc001.line, sc001.column, sc001.end_line, sc001.end_column) == (line, column, line, end_column)
    assert sc001.fix is not None
    (edit,) = sc001.fix.edits
    assert (edit.line, edit.column, edit.end_line, edit.end_column, edit.content) == (
        line,
        column,
        line,
        end_column,
        "true",
    )
    assert fixed(source).count("true") == 1


def test_sc002_no_rename_when_the_value_would_be_invalid_under_the_new_key():
    # hugo-docs writes `_comment: Do not remove front matter.`; `comments` is a boolean: not what was meant
    source = '---\ntitle: "T"\n_comment: Do not remove front matter.\n---\n'
    schema = {
        "type": "object",
        "properties": {"title": {"type": "string"}, "comments": {"type": "boolean"}},
        "additionalProperties": False,
    }
    _, outcome = fix(source, schema=schema)
    assert [(d.code, d.fix) for d in outcome.diagnostics] == [("SC002", None)]
    assert fixed("---\ntitle: T\ncoments: true\n---\n", schema=schema) == "---\ntitle: T\ncomments: true\n---\n"


def test_sc001_fix_only_with_a_value_the_schema_accepts():
    schema = {"type": "object", "properties": {"weight": {"type": "integer", "minimum": 0}}}
    source = '---\nweight: "-3"\n---\n'
    _, outcome = fix(source, schema=schema)
    assert [(d.code, d.fix) for d in outcome.diagnostics] == [("SC001", None)]
    any_of = {"type": "object", "properties": {"draft": {"anyOf": [{"type": "boolean"}, {"type": "null"}]}}}
    assert fixed('---\ndraft: "yes"\n---\n', schema=any_of) == "---\ndraft: true\n---\n"


def test_every_rule_says_how_it_fixes():
    from fmlint.fix.model import LEVELS
    from fmlint.rules import RULES_BY_CODE

    assert {rule.fix for rule in RULES_BY_CODE.values()} <= set(LEVELS)
    offered = {code: rule.fix for code, rule in RULES_BY_CODE.items() if rule.fix != "none"}
    assert offered == {
        "FH001": "safe",
        "SUP001": "safe",
        "MD034": "safe",
        "FM009": "safe",
        "FH002": "unsafe",
        "FH003": "unsafe",
        "IMG002": "unsafe",
        "SC001": "unsafe",
        "SC002": "unsafe",
        "MD001": "unsafe",
        "MD025": "unsafe",
        "MD036": "unsafe",
        "MKD001": "unsafe",
        "MKD002": "unsafe",
        "SITE002": "unsafe",
        "SITE003": "unsafe",
        "SITE004": "unsafe",
        "SITE007": "unsafe",
        "FM003": "display-only",
    }


def test_mkd002_removes_a_destinations_quotes_with_unsafe_fixes_alone():
    source = (
        '\ufeff---\r\ntitle: "标题"\r\n---\r\n中文 [a]("https://x.example/a") and [b](\u201cb.md\u201d) [c]("x)\r\n'
    )
    assert fixed(source, unsafe=False) == source
    assert (
        fixed(source) == '\ufeff---\r\ntitle: "标题"\r\n---\r\n中文 [a](https://x.example/a) and [b](b.md) [c]("x)\r\n'
    )

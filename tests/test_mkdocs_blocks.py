"""MkDocs' indented blocks (admonition, pymdownx's details and tabbed) are Markdown, not indented code:
MkDocs itself judges the links fmlint finds in them, and the masking keeps every offset."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import mkdocs_build
from test_site_rules import at, write

from fmlint.cli import main
from fmlint.document import read_document
from fmlint.markdown import parse_markdown
from fmlint.mdx import WORD_JOINER
from fmlint.mkdocs_blocks import ADMONITION, DETAILS, TABBED, masked_body
from fmlint.site.config import forget_sites

MARKERS = (ADMONITION, DETAILS, TABBED)
CONFIG = "site_name: t\nmarkdown_extensions:\n  - admonition\n  - pymdownx.details\n  - pymdownx.tabbed:\n      alternate_style: true\n"
BODY = (
    "# Home\n"  # 1
    "\n"
    '!!! note "Read this"\n'  # 3
    "    See [the guide](guide.md).\n"
    "\n"
    "    After a blank line: [gone](missing.md).\n"  # 6
    "\n"
    "??? tip\n"
    "    Collapsed.\n"
    "\n"
    "    [link](other.md#nope)\n"  # 11
    "\n"
    '=== "Tab one"\n'
    "\n"
    "    !!! warning\n"
    "        Nested.\n"
    "\n"
    "        [deep](deep.md)\n"  # 18
    "\n"
    "```\n"
    "!!! note\n"
    "\n"
    "    [in a fence](fenced.md)\n"
    "```\n"
    "\n"
    "    indented code [x](code.md)\n"
)


def _broken(capsys) -> list[tuple[int, int]]:
    forget_sites()
    main(["--no-cache", "--select", "SITE003", "--format", "json", "docs"])
    return [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)]


def test_links_in_indented_blocks_are_checked_as_mkdocs_checks_them(tmp_path, capsys, monkeypatch):
    pytest.importorskip("mkdocs", reason="MkDocs (the test extras) is not installed")
    write(tmp_path, {"mkdocs.yml": CONFIG, "docs/index.md": BODY, "docs/guide.md": "# Guide\n"})
    monkeypatch.chdir(tmp_path)
    lines = BODY.splitlines()
    expected = [
        (line, int(at(line, lines[line - 1], target).split(":")[1].split("-")[0]))
        for line, target in ((6, "missing.md"), (11, "other.md#nope"), (18, "deep.md"))
    ]
    assert _broken(capsys) == expected
    log = mkdocs_build(tmp_path)
    reported = sorted(re.findall(r"contains a link '([^']*)'", log))
    assert reported == ["deep.md", "missing.md", "other.md#nope"]  # (not the fenced one, not the code's)


def test_without_the_extensions_the_blocks_are_code_again(tmp_path, capsys, monkeypatch):
    """The markers count only where mkdocs.yml enables their extension, and the cache knows which: the same
    bytes give the other result when the configuration changes."""
    write(tmp_path, {"mkdocs.yml": CONFIG, "docs/index.md": BODY, "docs/guide.md": "# Guide\n"})
    monkeypatch.chdir(tmp_path)

    def cached() -> list[tuple[int, int]]:
        forget_sites()
        main(["--cache-dir", str(tmp_path / "cache"), "--select", "SITE003", "--format", "json", "docs"])
        return [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)]

    assert [line for line, _ in cached()] == [6, 11, 18]
    write(tmp_path, {"mkdocs.yml": "site_name: t\nmarkdown_extensions:\n  - admonition\n"})
    assert [line for line, _ in cached()] == [6]  # (the details and the tab are code; the note's blank line ends it)
    write(tmp_path, {"mkdocs.yml": "site_name: t\n"})
    assert cached() == []  # (a paragraph's lazy line is still a link: `See [the guide]` is fine either way)


def test_masking_keeps_offsets_and_leaves_code_alone():
    masked = masked_body(BODY, MARKERS)
    assert len(masked) == len(BODY)
    assert [i for i, c in enumerate(BODY) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]
    lines = masked.splitlines()
    assert lines[2] == "- " + WORD_JOINER * (len('!!! note "Read this"') - 2)
    assert lines[7] == "- " + WORD_JOINER * 5
    assert lines[14] == "    - " + WORD_JOINER * 9  # (nested: in the tab's block)
    assert lines[20] == "!!! note"  # (in a fence)
    changed = [n for n, (a, b) in enumerate(zip(BODY.splitlines(), lines, strict=True)) if a != b]
    assert changed == [2, 7, 12, 14]


@pytest.mark.parametrize(
    ("body", "changed"),
    [
        ("text\n\n    !!! note\n        x\n", []),  # indented code at the top: a marker there is code
        ("- item\n\n    !!! note\n        [a](b.md)\n", [2]),  # in a list item
        ("!!! note\r\n    [a](b.md)\r\n", [0]),  # CRLF: the CR stays
        ("!!!note\n    x\n", [0]),  # (Python-Markdown's pattern: the space is optional)
        ('=== "A"\n    x\n===+ "B"\n    y\n', [0, 2]),
        ("=== A\n    x\n", []),  # (a tab's title is quoted)
        ("~~~~\n!!! note\n~~~\n!!! tip\n~~~~\n", []),  # (a shorter run does not close the fence)
        ("\t!!! note\n\t\tx\n", []),  # (a tab is four columns: code at the top)
    ],
)
def test_which_lines_are_markers(body, changed):
    masked = masked_body(body, MARKERS)
    assert len(masked) == len(body)
    assert [n for n, (a, b) in enumerate(zip(body.split("\n"), masked.split("\n"), strict=True)) if a != b] == changed
    if "\r" in body:
        assert masked.split("\n")[0].endswith("\r")


LINES = st.sampled_from(
    [
        "!!! note",
        '!!! tip "Title"',
        "??? warning",
        '???+ note "Open"',
        '=== "Tab"',
        '===+ "B"',
        "```",
        "~~~~",
        "- item",
        "1. item",
        "text [a](b.md)",
        "## Heading",
        "",
        "\r",
        "!!!",
    ]
)


@given(st.lists(st.tuples(st.sampled_from(["", "  ", "    ", "        ", "\t"]), LINES), max_size=30))
def test_masking_changes_marker_lines_only_and_parses(lines):
    body = "\n".join(indent + line for indent, line in lines)
    masked = masked_body(body, MARKERS)
    assert len(masked) == len(body)
    for before, after in zip(body.split("\n"), masked.split("\n"), strict=True):
        if before != after:
            stripped = before.lstrip(" \t")
            assert stripped.startswith(MARKERS)
            assert after == before[: len(before) - len(stripped)] + "- " + WORD_JOINER * (
                len(stripped.rstrip("\r")) - 2
            ) + ("\r" if before.endswith("\r") else "")
    doc = read_document("docs/a.md", body.encode())
    doc.blocks = MARKERS
    view = parse_markdown(doc)
    assert all(0 <= link.url_span.start <= link.url_span.end <= len(body) for link in view.links)


ELEMENTS_BODY = (
    "# Home\n"
    "\n"
    '<figure markdown="span">\n'
    '  ![missing](img/missing.png){ width="500" }\n'  # 4
    "</figure>\n"
    "\n"
    '<div class="grid cards" markdown>\n'
    "## Inside heading\n"  # 8
    "[gone](missing.md) [ok](#inside-heading) [bad](#no-such-anchor)\n"  # 9
    "</div>\n"
    "\n"
    "<div>\n"
    "[raw](raw.md)\n"  # 13: an HTML block to both: not Markdown
    "</div>\n"
    "\n"
    '<div markdown="0">\n'
    "[raw too](raw.md)\n"  # 17: `markdown="0"` keeps it raw HTML
    "</div>\n"
    "\n"
    '<div class="tab" id="profile" markdown="1">\n'  # (the tab's ID: tomjoht's Jekyll theme's navtabs)
    "[tab](#profile) [typo](#profil)\n"  # 21
    "</div>\n"
)


def test_markdown_in_html_elements_is_read_as_md_in_html_reads_it(tmp_path, capsys, monkeypatch):
    """pydantic's docs: with md_in_html, `<div markdown>` holds Markdown from the very next line (a blank line
    had been needed: its link and heading were raw HTML to fmlint); MkDocs judges the same links."""
    pytest.importorskip("mkdocs", reason="MkDocs (the test extras) is not installed")
    config = "site_name: t\nmarkdown_extensions:\n  - attr_list\n  - md_in_html\nvalidation:\n  anchors: warn\n"
    write(tmp_path, {"mkdocs.yml": config, "docs/index.md": ELEMENTS_BODY})
    monkeypatch.chdir(tmp_path)
    forget_sites()
    main(["--no-cache", "--select", "SITE,IMG006", "--format", "json", "docs"])
    found = [(d["line"], d["column"], d["code"]) for d in json.loads(capsys.readouterr().out)]
    lines = ELEMENTS_BODY.splitlines()
    assert found == [
        (4, lines[3].index("img/") + 1, "IMG006"),
        (9, lines[8].index("missing.md") + 1, "SITE003"),
        (9, lines[8].index("#no-such") + 1, "SITE004"),
        (21, lines[20].index("#profil)") + 1, "SITE004"),
    ]
    log = mkdocs_build(tmp_path)
    assert sorted(re.findall(r"contains a link '([^']*)'", log)) == [
        "#no-such-anchor",
        "#profil",
        "img/missing.png",
        "missing.md",
    ]
    assert 'id="inside-heading"' in (tmp_path / "site/index.html").read_text(encoding="utf-8")

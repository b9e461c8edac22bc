"""MkDocs' blocks read the way Python-Markdown reads them, for the CommonMark parser.

Python-Markdown's ``admonition`` (``!!! note "Title"``), pymdownx's ``details``
(``??? note``, ``???+ note``) and ``tabbed`` (``=== "Tab"``) open a block whose
content is the following lines indented four spaces: Markdown again, with its
paragraphs, links, lists, fences and headings.  To CommonMark those lines are
indented code, whose links are never checked and whose fences are not fences.
:func:`masked_body` turns each marker line into a list item of the same length
(``- `` and word joiners: invisible, and no space that would make its content
code), so that the indented lines are the item's content, as they are the
block's to Python-Markdown; every character keeps its offset.

A marker is one at the indentation of the block it is in (a line indented four
spaces more is that block's code, a marker there is text), outside fenced code.
List items count as blocks too (Python-Markdown indents their content four spaces).

``md_in_html`` (marker :data:`MARKDOWN_IN_HTML`; kramdown's, Jekyll's, reads the
attribute alike): an HTML element with a ``markdown`` attribute alone on its line
(``<div class="grid cards" markdown>``, ``<div class="notice" markdown="1">``)
holds Markdown, right from the next line; to CommonMark the tag opens an HTML
block that runs to the next blank line.  The tag's line becomes an HTML comment
of the same length (a block that ends on its line; the tag's ``id`` is kept as
the element's), and its closing tag's line a blank one.  ``markdown="0"`` keeps
the content raw HTML to both (checked with Python-Markdown 3 and kramdown 2.4).
"""

from __future__ import annotations

from typing import NamedTuple

from fmlint.mdx import WORD_JOINER
from fmlint.positions import line_end, line_start
from fmlint.regex import lazy_pattern

ADMONITION, DETAILS, TABBED, MARKDOWN_IN_HTML = "!!!", "???", "===", "markdown"
_MARKERS = {
    ADMONITION: lazy_pattern(r"!!! ?[\w-]+(?: +[\w-]+)*(?: +\".*?\")? *\r?$"),
    DETAILS: lazy_pattern(r"\?\?\?\+? ?[\w-]+(?: +[\w-]+)*(?: +\".*?\")? *\r?$"),
    TABBED: lazy_pattern(r"===[!+]{0,2} +\"(.*?)\" *\r?$"),  # (the tab's label)
}
_LIST_ITEM = lazy_pattern(r"(?:[-*+]|\d{1,9}[.)])[ \t]")
# an element's opening tag with a `markdown` attribute (`markdown`, `markdown="1"`, "block" or "span"), alone
_MARKDOWN_ELEMENT = lazy_pattern(
    r"""<([A-Za-z][\w-]*)(?:\s[^<>]*)?\smarkdown(?:=(?:"([^"]*)"|'([^']*)'|(\w+)))?(?:\s[^<>]*)?>\s*"""
)
_FENCE = lazy_pattern(r"(`{3,}|~{3,})")


def masked_body(
    body: str, markers: tuple[str, ...], tabs: list[Tab] | None = None, elements: list[str] | None = None
) -> str:
    """``body`` with each marker line of ``markers`` (:data:`ADMONITION`, :data:`DETAILS`, :data:`TABBED`) as a
    list item of the same length (see the module docstring); each tab's marker added to ``tabs`` when given, and
    each opening tag of an element holding Markdown (masked: its ``id`` is still the element's) to ``elements``."""
    patterns = [_MARKERS[marker] for marker in markers if marker in _MARKERS]
    holding = MARKDOWN_IN_HTML in markers
    lines = body.split("\n")
    depth = 0  # the blocks (and list items) the previous line is in, each four spaces deeper
    fence = ""  # the opening run of the fence we are in
    opened: list[str] = []  # the names of the Markdown-holding HTML elements open
    at = 0  # where the line starts in ``body``
    for number, line in enumerate(lines):
        at, line_at = at + len(line) + 1, at
        stripped = line.lstrip(" \t")
        if not stripped.strip():
            continue  # (blank lines do not end a block; the next line's indentation says)
        indent = _columns(line[: len(line) - len(stripped)])
        if fence:
            if stripped.startswith(fence) and not stripped[len(fence) :].strip(fence[0] + " \t\r"):
                fence = ""
            continue
        depth = min(depth, indent // 4)
        if indent - 4 * depth >= 4:
            continue  # indented code of the block it is in
        if (opening := _FENCE.match(stripped)) is not None:
            fence = opening.group(1)
        elif (
            holding
            and (element := _MARKDOWN_ELEMENT.fullmatch(stripped)) is not None
            and len(stripped) >= 7
            and (element.group(2) or element.group(3) or element.group(4)) != "0"  # (`markdown="0"`: raw)
        ):
            start = len(line) - len(stripped)
            tag = stripped.rstrip()
            lines[number] = line[:start] + "<!--" + tag[4:-3].replace("-", " ") + "-->" + stripped[len(tag) :]
            opened.append(element.group(1).lower())
            if elements is not None:
                elements.append(tag)
        elif opened and stripped.rstrip().lower() == f"</{opened[-1]}>":
            lines[number] = line.replace(stripped.rstrip(), " " * len(stripped.rstrip()))
            opened.pop()
        elif (found := next((m for pattern in patterns if (m := pattern.match(stripped))), None)) is not None:
            marker = stripped.rstrip("\r")
            start = len(line) - len(stripped)
            lines[number] = line[:start] + "- " + WORD_JOINER * (len(marker) - 2) + stripped[len(marker) :]
            depth += 1
            if tabs is not None and marker.startswith(TABBED):
                tabs.append(Tab(line_at, indent, found.group(1)))
        elif _LIST_ITEM.match(stripped):
            depth += 1
    return "\n".join(lines)


class Tab(NamedTuple):
    """A pymdownx.tabbed marker line (``=== "Label"``) that opens a tab."""

    at: int  # where its line starts
    indent: int  # its indentation's width
    label: str  # as written between the quotes


def indentation(text: str, at: int) -> int:
    """The width of the indentation of the line holding ``at`` (tabs as Python-Markdown reads them)."""
    line = text[line_start(text, at) : line_end(text, at)]
    return _columns(line[: len(line) - len(line.lstrip(" \t"))])


def _columns(indentation: str) -> int:
    """The width of leading spaces and tabs (a tab to the next multiple of four, as Python-Markdown's)."""
    width = 0
    for character in indentation:
        width = width + 4 - width % 4 if character == "\t" else width + 1
    return width

"""The fast reader of usual-shaped YAML front matter gives what PyYAML gives, or steps aside.

Every comparison is against the YAML loader with the fast reader turned off:
the same data (types included), the same spans for every key and value in the
same order, the same problems.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import CORPORA, generated_articles, lint, located

from fmlint.document import Document, read_document
from fmlint.frontmatter import FrontMatter, plain_yaml, yaml_loader


def both(doc: Document) -> tuple[FrontMatter, FrontMatter, bool]:
    """The loader's result with PyYAML alone, with the fast reader, and whether the fast reader read it."""
    assert doc.front_matter is not None
    source = doc.source(doc.front_matter)
    fast_read = plain_yaml.read(source, doc.front_matter.start, yaml_loader._CONSTRUCT) is not None
    read = plain_yaml.read
    plain_yaml.read = lambda *args: None  # type: ignore[assignment]
    try:
        slow = yaml_loader.load(doc)
    finally:
        plain_yaml.read = read  # type: ignore[assignment]
    return slow, yaml_loader.load(doc), fast_read


def assert_same(doc: Document) -> bool:
    slow, fast, fast_read = both(doc)
    assert fast.data == slow.data
    assert [type(value) for value in (fast.data or {}).values()] == [
        type(value) for value in (slow.data or {}).values()
    ]
    assert list(fast.locations.items()) == list(slow.locations.items())
    assert fast.problems == slow.problems
    return fast_read


def document(front_matter: str) -> Document:
    closing = "---" if front_matter.endswith("\n") else "\n---"
    return read_document("post.md", f"---\n{front_matter}{closing}\nBody.\n".encode())


USUAL = """\
# imported from WordPress
title: "价格 #3: half price"
date: "2025-02-07 11:51:26"
summary: |
  First line: with a colon.
    indented # not a comment

  after a blank line
lead: 'single # quoted'
plain: Hello, [world] {x} a:b c#d   # a comment
categories:
  - tutorial
  - "新闻"
tags:
- cloud
  # between items

- 'b c'
translations: []
comments: true
draft: False
weight: 12
ratio: 0.5
big: 0x1F
duration: 1:30
nothing: ~
when: 2025-02-07
yes_no: yes
"""


def test_the_usual_shape_is_read_fast_and_as_pyyaml_reads_it():
    doc = document(USUAL)
    assert assert_same(doc)
    fm = yaml_loader.load(doc)
    assert fm.data["summary"] == "First line: with a colon.\n  indented # not a comment\n\nafter a blank line\n"
    assert fm.data["plain"] == "Hello, [world] {x} a:b c#d"
    assert fm.data["tags"] == ["cloud", "b c"]
    assert (fm.data["comments"], fm.data["draft"], fm.data["weight"], fm.data["big"], fm.data["duration"]) == (
        True,
        False,
        12,
        31,
        90,
    )
    assert (fm.data["nothing"], fm.data["when"], fm.data["yes_no"]) == (
        None,
        "2025-02-07",
        "yes",
    )  # dates as text, YAML 1.2 booleans


@pytest.mark.parametrize(
    "front_matter",
    [
        "menu:\n  main:\n    weight: 1\n",  # nesting
        "a: [1, 2]\n",  # a flow list with items
        'a: "tab\\there"\n',  # an escape
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!str 1\n",  # a tag
        "a: >\n  folded\n",  # a folded block
        "a: |+\n  kept\n\n",  # keep chomping
        "a: |2\n   indented\n",  # an indentation indicator
        "a: |\n\n  leading blank line\n",
        "a: |\n  x\n   \n  y\n",  # a line of spaces inside a block
        "a: hello\n  world\n",  # a plain scalar on two lines
        "a:\n",  # an empty value
        "a: 1\na: 2\n",  # a duplicate key
        "a:\n  - x\n    - y\n",  # a badly indented item
        "a:\n  - - x\n",  # a nested list
        "a:\n  - k: v\n",  # a list of mappings
        "a: 'it''s'\n",  # a quoted quote
        "a: -5\n",  # a plain scalar starting with an indicator
        "a: x\r\nb: y\r\n",  # CRLF
        "a:\tx\n",  # a tab
        "a: x\u2028y\n",  # a YAML line break
        "a: =\n",  # a value of a type the loader does not read (PyYAML's `value` tag)
        "a: b: c\n",  # a mapping value in a plain scalar
        "# only a comment\n",
        "key with spaces: 1\n",
        "a: \x07\n",  # a character libyaml refuses
        "title:|\n  # indented\n",  # no space after the colon: one plain scalar to YAML (hypothesis found it)
    ],
)
def test_unusual_front_matter_is_left_to_pyyaml(front_matter):
    doc = document(front_matter)
    assert not assert_same(doc)


def test_positions_of_fast_read_values_in_diagnostics():
    source = (
        "---\n"
        "title: true\n"  # SC001 at the value
        'date: "2025-02-30 10:00:00"\n'  # DT001 at the value
        "summary: |\n  ok\n"
        "tags:\n  - a\n  - true\n"  # SC001 at the item (a number is a term)
        "titel: typo\n"  # SC002 at the key
        "---\nBody.\n"
    )
    assert plain_yaml.read(source.split("---\n")[1], 4, yaml_loader._CONSTRUCT) is not None
    assert [p for p in located(lint(source)) if p[2] != "MD041"] == [
        (2, 8, "SC001"),
        (3, 7, "DT001"),
        (8, 5, "SC001"),
        (9, 1, "SC002"),
    ]


def test_generated_articles_are_read_fast_and_alike():
    articles = [read_document(f"{index}.md", text.encode()) for index, text in enumerate(generated_articles(200, 5))]
    read_fast = [assert_same(doc) for doc in articles if doc.kind == "yaml" and doc.front_matter is not None]
    assert sum(read_fast) > 0.9 * len(read_fast)


@pytest.mark.skipif(CORPORA is None, reason="../shared/corpora is not present")
def test_every_real_article_reads_alike():
    assert CORPORA is not None
    docs = [read_document(str(path), path.read_bytes()) for path in sorted((CORPORA / "hugo-docs").rglob("*.md"))]
    read_fast = [assert_same(doc) for doc in docs if doc.kind == "yaml" and doc.front_matter is not None]
    assert len(read_fast) > 500 and sum(read_fast) > 100


KEYS = st.sampled_from(["title", "date", "tags", "a", "b_c", "x-y", "Title", "null", "true", "_", "<<", "k k", "2"])
USUAL_SCALAR_TEXTS = [
    "x",
    "hello world",
    "a:b",
    "a#b",
    "x  # c",
    "'q'",
    "'q #'",
    '"d"',
    '"d # e"',
    "[]",
    "1",
    "0x1F",
    "1_000",
    "1:30",
    "1.5",
    ".5",
    "1e3",
    ".inf",
    ".nan",
    "true",
    "True",
    "false",
    "yes",
    "on",
    "~",
    "null",
    "2025-02-07",
    "2025-02-07 11:51:26",
    "2025-02-07T11:51:26Z",
    "2025-13-45",
    "价格",
    "a\u00a0b",
    "\U0001f600",
    "a, [b] {c}",
]
USUAL_SCALARS = st.sampled_from(USUAL_SCALAR_TEXTS)
USUAL_ITEMS = st.sampled_from(
    [scalar for scalar in USUAL_SCALAR_TEXTS if scalar != "[]"]
)  # a list item `[]` is a nested list
ODD_SCALARS = st.sampled_from(
    [
        "a: b",
        "a #b",
        "x:",
        ":x",
        "-x",
        "- x",
        "?x",
        "@x",
        "`x",
        "%x",
        "'it''s'",
        '"a\\"b"',
        '"',
        "'",
        "[ ]",
        "[a]",
        "{}",
        "{a: 1}",
        "-1",
        "+1",
        "0o17",
        "017",
        "0b11",
        "-.inf",
        "=",
        "<<",
        "&a x",
        "*a",
        "!!str x",
        "|",
        "|-",
        "|+",
        ">",
        "x\ty",
        "",
        " ",
    ]
)
SCALARS = st.one_of(USUAL_SCALARS, USUAL_SCALARS, USUAL_SCALARS, ODD_SCALARS)
BLOCK_LINES = st.lists(st.sampled_from(["text", "text", "  more", "", "   ", "# hash", "a: b", "- item"]), max_size=4)


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["scalar"] * 4 + ["list"] * 2 + ["block", "comment", "blank", "odd"]))
        key = draw(KEYS)
        if kind == "scalar":
            space = draw(st.sampled_from([" ", " ", "  ", ""]))
            lines.append(f"{key}:{space}{draw(SCALARS)}{draw(st.sampled_from(['', '', ' ', '  # c']))}")
        elif kind == "list":
            indent = draw(st.sampled_from(["", "  ", "    "]))
            lines.append(f"{key}:")
            lines += [f"{indent}- {draw(SCALARS)}" for _ in range(draw(st.integers(0, 3)))]
        elif kind == "block":
            indent = draw(st.sampled_from(["  ", "    "]))
            lines.append(f"{key}: {draw(st.sampled_from(['|', '|-']))}")
            lines += [f"{indent}{line}" if line.strip() else line for line in draw(BLOCK_LINES)]
        elif kind == "comment":
            lines.append(draw(st.sampled_from(["# c", "  # indented", "#"])))
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", "  "])))
        else:
            lines.append(draw(st.sampled_from(["  continued", "- stray", "...", "%YAML 1.1", "x: |\n\ty"])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters())
def test_generated_front_matter_reads_alike_or_is_left_to_pyyaml(front_matter):
    assert_same(document(front_matter))


@st.composite
def usual_front_matters(draw: st.DrawFn) -> str:
    """Only what the fast reader takes: unique plain keys, usual scalars, lists, text blocks, comments."""
    lines: list[str] = []
    keys = draw(
        st.lists(st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True), min_size=1, max_size=8, unique=True)
    )
    for key in keys:
        kind = draw(st.sampled_from(["scalar", "scalar", "list", "block"]))
        if kind == "scalar":
            lines.append(
                f"{key}:{draw(st.sampled_from([' ', '  ']))}{draw(USUAL_SCALARS)}{draw(st.sampled_from(['', ' ', '  # c']))}"
            )
        elif kind == "list":
            indent = draw(st.sampled_from(["", "  ", "    "]))
            lines.append(f"{key}:")
            lines += [
                f"{indent}-{draw(st.sampled_from([' ', '   ']))}{draw(USUAL_ITEMS)}"
                for _ in range(draw(st.integers(1, 3)))
            ]
        else:
            indent = draw(st.sampled_from(["  ", "    "]))
            lines.append(f"{key}: {draw(st.sampled_from(['|', '|-']))}")
            text = draw(st.lists(st.sampled_from(["text", "a: b # c", "  more", "- item", ""]), min_size=1, max_size=4))
            lines += [f"{indent}{line}" if line else line for line in ["first", *text]]
        lines += draw(st.lists(st.sampled_from(["", "# comment", "  # indented comment"]), max_size=1))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(usual_front_matters())
def test_generated_usual_front_matter_is_read_fast_and_alike(front_matter):
    assert assert_same(document(front_matter))


def test_printable_text_never_holds_an_unusual_character():
    """``str.isprintable`` clears a document before the regex search: sound only if it rejects every
    character the search finds (checked for every code point)."""
    characters = "".join(map(chr, range(0x110000)))
    printable = [c for c in characters if (c if c != "\n" else " ").isprintable()]
    unusual = re.compile(plain_yaml._UNUSUAL)
    assert unusual.search("".join(printable)) is None
    assert all(plain_yaml._unusual(c) == (unusual.search(c) is not None) for c in characters[:0x3000])

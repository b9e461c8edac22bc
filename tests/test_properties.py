"""Property tests: whatever a file contains, linting returns located diagnostics.

For arbitrary text, arbitrary bytes, and valid articles (YAML, TOML and JSON
front matter) mutated the way files really get broken — delimiters dropped or
doubled, lines swapped, quotes removed, tabs inserted, CRLF mixed with LF,
hundreds of nested openers, stray bytes — the pipeline returns normally, no rule crashes (no ``X001``),
and every diagnostic (and every collected URL) lies inside the file: its line
exists (line 1 for an empty file) and its column is at most that line's length
+ 1, where the length leaves out the line break (``\\r\\n`` or ``\\n``).
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import assert_inside

from fmlint.config.settings import Settings
from fmlint.document import read_document
from fmlint.file_result import FileResult
from fmlint.linter import lint_file
from fmlint.schema.loader import load_schema

# Every check, including the Markdown view behind URL collection.
SETTINGS = Settings(schema=load_schema("hugo-article"), collect_urls=frozenset({"images", "links"}))
# Explicit example counts keep the module at about half a minute on one shared core;
# the mutations get the most, as they reach the most code.
FAST = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BODY = (
    "## A heading\n"
    "\n"
    'Text with ![an image](/img/b.png "t") and [a link](https://example.com/a), 日本語 *too*.\n'
    "\n"
    '<img src="https://example.com/c.png" alt="c">\n'
    "\n"
    "![ref image][r] and [a ref link][r].\n"
    "\n"
    "- a list\n"
    "  - nested, with **bold**\n"
    "\n"
    "```python\n"
    "print('code')\n"
    "```\n"
    "\n"
    "| a | b |\n"
    "| - | - |\n"
    "| 1 | 2 |\n"
    "\n"
    "<!-- fmlint-disable-next-line MD045 -->\n"
    '<img src="https://example.com/d.png">\n'
    "\n"
    "[r]: https://example.com/r.png\n"
)
ARTICLES = {
    "yaml": (
        "---\n"
        'title: "Hello, wörld 日本"\n'
        "date: 2025-02-07T11:51:26+01:00\n"
        "draft: false\n"
        "tags: [news, 'ai']\n"
        "base: &b {toc: true}\n"
        "images: [https://example.com/i.png]\n"
        "params:\n"
        "  <<: *b\n"
        "  cover:\n"
        "    image: /img/a.png\n"
        '    alt: "A cover"\n'
        "  list:\n"
        "    - one\n"
        "    - two: 2\n"
        "summary: |\n"
        "  Several\n"
        "  lines.\n"
        "---\n" + BODY
    ),
    "toml": (
        "+++\n"
        'title = "Hello, wörld 日本"\n'
        "date = 2025-02-07T11:51:26+01:00\n"
        "draft = false\n"
        "tags = [\"news\", 'ai']\n"
        'summary = """\n'
        "Several\n"
        'lines."""\n'
        'images = ["https://example.com/i.png"]\n'
        "[params.cover]\n"
        'image = "/img/a.png"\n'
        'alt = "A cover"\n'
        "[[params.list]]\n"
        'name = "one"\n'
        "[[params.list]]\n"
        "name = 'two'\n"
        "+++\n" + BODY
    ),
    "json": (
        "{\n"
        '  "title": "Hello, wörld 日本",\n'
        '  "date": "2025-02-07T11:51:26+01:00",\n'
        '  "draft": false,\n'
        '  "tags": ["news", "ai"],\n'
        '  "images": ["https://example.com/i.png"],\n'
        '  "params": {"cover": {\n'
        '    "image": "/img/a.png",\n'
        '    "alt": "A \\"cover\\""\n'
        "  }}\n"
        "}\n" + BODY
    ),
}
DELIMITERS = ("---\n", "+++\n", "{\n", "}\n")

Lines = list[str]
Mutation = Callable[[st.DrawFn, Lines], Lines]
Choice = Callable[[st.DrawFn, Lines], int]


def any_line(draw: st.DrawFn, lines: Lines) -> int:
    return draw(st.integers(0, len(lines) - 1))


def a_delimiter(draw: st.DrawFn, lines: Lines) -> int:
    candidates = [i for i, line in enumerate(lines) if line in DELIMITERS] or range(len(lines))
    return draw(st.sampled_from(list(candidates)))


def dropping(choose: Choice) -> Mutation:
    def drop(draw: st.DrawFn, lines: Lines) -> Lines:
        i = choose(draw, lines)
        return lines[:i] + lines[i + 1 :]

    return drop


def doubling(choose: Choice) -> Mutation:
    def double(draw: st.DrawFn, lines: Lines) -> Lines:
        i = choose(draw, lines)
        return lines[: i + 1] + lines[i:]

    return double


def swap_lines(draw: st.DrawFn, lines: Lines) -> Lines:
    i, j = any_line(draw, lines), any_line(draw, lines)
    lines = list(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return lines


def remove_quotes(draw: st.DrawFn, lines: Lines) -> Lines:
    i = any_line(draw, lines)
    quote = draw(st.sampled_from(['"', "'"]))
    return [*lines[:i], lines[i].replace(quote, "", draw(st.sampled_from([1, -1]))), *lines[i + 1 :]]


def _insert(draw: st.DrawFn, lines: Lines, text: str) -> Lines:
    i = any_line(draw, lines)
    column = draw(st.integers(0, len(lines[i])))
    return [*lines[:i], lines[i][:column] + text + lines[i][column:], *lines[i + 1 :]]


def insert_tab(draw: st.DrawFn, lines: Lines) -> Lines:
    return _insert(draw, lines, "\t")


def insert_text(draw: st.DrawFn, lines: Lines) -> Lines:
    return _insert(
        draw,
        lines,
        draw(st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(list("[]{}:,=#*&!|>-\"'\\`<\r"))),
    )


def nest_deeply(draw: st.DrawFn, lines: Lines) -> Lines:
    """Openers by the hundred: parsers that recurse must stop at their depth limit."""
    opener = draw(st.sampled_from(["[", "{", "{a = ", '{"a": ', "{a: ", "- ", "a.", ">"]))
    return _insert(draw, lines, opener * draw(st.integers(50, 600)))


def crlf(draw: st.DrawFn, lines: Lines) -> Lines:
    i = any_line(draw, lines)
    return [*lines[:i], lines[i].replace("\n", "\r\n"), *lines[i + 1 :]]


def all_crlf(draw: st.DrawFn, lines: Lines) -> Lines:
    return [line.replace("\n", "\r\n") for line in lines]


def indent(draw: st.DrawFn, lines: Lines) -> Lines:
    i = any_line(draw, lines)
    return [*lines[:i], draw(st.sampled_from([" ", "  ", "\t"])) + lines[i], *lines[i + 1 :]]


def truncate(draw: st.DrawFn, lines: Lines) -> Lines:
    text = "".join(lines)
    return [text[: draw(st.integers(0, len(text)))]]


MUTATIONS: tuple[Mutation, ...] = (
    dropping(a_delimiter),
    doubling(a_delimiter),
    dropping(any_line),
    doubling(any_line),
    swap_lines,
    remove_quotes,
    insert_tab,
    insert_text,
    nest_deeply,
    crlf,
    all_crlf,
    indent,
    truncate,
)


@st.composite
def mutated_articles(draw: st.DrawFn) -> str:
    lines = ARTICLES[draw(st.sampled_from(sorted(ARTICLES)))].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if lines:
            lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return draw(st.sampled_from(["", "\ufeff"])) + "".join(lines)


@st.composite
def mutated_article_bytes(draw: st.DrawFn) -> bytes:
    """A mutated article with stray bytes (often invalid UTF-8) spliced in."""
    data = draw(mutated_articles()).encode("utf-8")
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]


def lint_bytes(data: bytes) -> FileResult:
    """Lint ``data`` and check the invariants of the module docstring."""
    doc = read_document("post.md", data)
    result = lint_file(doc, SETTINGS, verbose=True)
    assert_inside(doc, result)
    return result


def test_the_unmutated_articles_are_clean():
    for kind, article in ARTICLES.items():
        result = lint_bytes(article.encode())
        # `base` is the anchor holder in the YAML article: not a Hugo key
        assert [d.code for d in result.diagnostics] == (["SC002"] if kind == "yaml" else []), kind
        assert len(result.urls) == 6, kind  # 4 images (1 in the front matter), 2 links


@FAST
@given(st.text())
def test_arbitrary_text(text):
    lint_bytes(text.encode("utf-8"))


@FAST
@given(st.binary())
def test_arbitrary_bytes(data):
    lint_bytes(data)


@FAST
@given(st.sampled_from(["---\n", "+++\n", "{"]), st.text())
def test_arbitrary_text_after_an_opening_delimiter(opening, text):
    lint_bytes((opening + text).encode("utf-8"))


@THOROUGH
@given(mutated_articles())
def test_mutated_articles(text):
    lint_bytes(text.encode("utf-8"))


@FAST
@given(mutated_article_bytes())
def test_mutated_articles_with_stray_bytes(data):
    lint_bytes(data)

"""Read stage: bytes → decoded text → where the front matter and the body are.

A :class:`Document` never raises for bad content: undecodable or binary input
and a front matter that is never closed become :class:`Problem` records in
``doc.problems`` and the rest of the pipeline carries on with what is usable.
A body with a line that opens more than ``MAX_NESTING`` lists or block quotes
(``- - - - … x``) is not parsed as Markdown: every other body is, whatever its
length, since the Markdown view pulls the parser's events one at a time, but
such a line makes several events per byte and the parser's own tree grows with
them (10 MB of it: 9 s and 700 MB).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import msgspec

from fmlint.diagnostics import Problem
from fmlint.positions import LineIndex, Span
from fmlint.regex import lazy_pattern

FrontMatterKind = Literal["yaml", "toml", "json"]

_UTF8_BOM = b"\xef\xbb\xbf"
_DELIMITERS = "-+"  # the first character of YAML and TOML front matter (see _delimiter)
_TOML_BOUNDARY = lazy_pattern(r"^\+{3,}\s*$", re.MULTILINE)
_LEADING_SPACE = lazy_pattern(r"[ \t\r\n]*")
_BINARY_SNIFF = 8192
# Lists and block quotes opened on one line; real articles nest a handful.
MAX_NESTING = 1_000
# Bodies shorter than this are parsed whatever they hold (under 0.3 s, a few MB), so most files skip the scan.
_NESTING_SCAN_FROM = 100_000
_DEEP_NESTING = lazy_pattern(rf"^[ \t]*+(?:(?:>|(?:[-+*]|\d{{1,9}}[.)])[ \t])[ \t]*+){{{MAX_NESTING}}}", re.MULTILINE)


class Document(msgspec.Struct):
    """One file's text and the layout of its front matter and body.

    ``front_matter`` is the span of the raw front-matter source (between the
    delimiters, or the whole JSON object); ``opening`` the span of the opening
    delimiter (where file-level front-matter problems are reported);
    ``body_start`` the offset where Markdown begins.  A ``kind`` without a
    ``front_matter`` span means the front matter was opened but never closed.
    """

    path: str
    text: str
    lines: LineIndex
    kind: FrontMatterKind | None = None
    front_matter: Span | None = None
    opening: Span = Span(0, 0)
    body_start: int = 0
    problems: list[Problem] = msgspec.field(default_factory=list)
    readable: bool = True
    markdown: bool = True  # whether the body is parsed as Markdown (see the module docstring)
    mdx: bool = False  # an MDX file: its JSX, ESM and expressions are masked before parsing (fmlint.mdx)
    html: bool = False  # an HTML content file (a Hugo page): its body is HTML, written as it is
    blocks: tuple[str, ...] = ()  # MkDocs' indented-block markers, masked before parsing (fmlint.mkdocs_blocks)
    late: bool = False  # the front matter follows blank lines or spaces (see ``undo_split``)
    inline: bool = False  # the front matter starts on its opening delimiter's line (see ``_split``)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def source(self, span: Span) -> str:
        return self.text[span.start : span.end]


def read_document(path: str, data: bytes) -> Document:
    """Decode ``data`` and locate its front matter (see module docstring)."""
    text, problems, readable = _decode(data)
    doc = Document(
        path=path,
        text=text,
        lines=LineIndex(text),
        problems=problems,
        readable=readable,
        markdown=readable,
        mdx=path.lower().endswith(".mdx"),
        html=path.lower().endswith((".html", ".htm")),
    )
    if readable:
        _split(doc)
        _limit_nesting(doc)
    return doc


def decoded_text(data: bytes) -> str:
    """The text :func:`read_document` reads from ``data`` (only decoded: its offsets are the document's)."""
    return _decode(data)[0]


def _limit_nesting(doc: Document) -> None:
    if len(doc.text) - doc.body_start < _NESTING_SCAN_FROM:
        return
    deep = _DEEP_NESTING.search(doc.text, doc.body_start)
    if deep is not None:
        doc.markdown = False
        message = f"a line opens over {MAX_NESTING:,} nested lists or block quotes; Markdown rules skipped"
        doc.problems.append(Problem("FL005", message, Span(deep.start(), deep.start())))


def unreadable_document(path: str, problem_code: str, message: str) -> Document:
    """A placeholder for a file that could not be read at all."""
    doc = Document(path=path, text="", lines=LineIndex(""), readable=False, markdown=False)
    doc.problems.append(Problem(problem_code, message, Span(0, 0)))
    return doc


def _decode(data: bytes) -> tuple[str, list[Problem], bool]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", [Problem("FL003", "file is UTF-16 encoded; fmlint reads UTF-8 text", Span(0, 0))], False
    nul = data.find(b"\x00", 0, _BINARY_SNIFF)
    if nul >= 0:
        return (
            "",
            [Problem("FL003", f"binary file (NUL byte at offset {nul}); not a Markdown article", Span(0, 0))],
            False,
        )
    data = data.removeprefix(_UTF8_BOM)
    try:
        text = data.decode("utf-8")
        problems: list[Problem] = []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", "replace")
        bad = data[exc.start : exc.end].hex(" ")
        offset = len(data[: exc.start].decode("utf-8"))  # everything before the first bad byte is valid
        problems = [
            Problem(
                "FL002",
                f"invalid UTF-8 byte sequence ({bad}); the file must be saved as UTF-8",
                Span(offset, offset + 1),
            )
        ]
    if "\x00" in text:
        offset = text.index("\x00")
        problems.append(Problem("FL003", "NUL character in text", Span(offset, offset + 1)))
    return text, problems, True


@cache
def _delimiter(first: str) -> tuple[FrontMatterKind, re.Pattern[str]]:
    """The kind and delimiter line of front matter opening with ``first``: as python-frontmatter's
    handlers define them (imported on first use: it imports PyYAML; its TOML handler exists only
    when the third-party ``toml`` package is installed, so that one is spelt out with the same shape)."""
    if first == "+":
        return "toml", _TOML_BOUNDARY
    from frontmatter.default_handlers import YAMLHandler

    return "yaml", YAMLHandler.FM_BOUNDARY


def _split(doc: Document) -> None:
    """Where the front matter and the body are, as Hugo finds them: it skips spaces, tabs and line breaks
    before the front matter (so does Zola), and a front matter may start on the line of its opening ``---`` or
    ``+++``, right after it (buildpacks.io's ``+++ title="Buildpack API"``: Hugo's page lexer reads on from
    the delimiter's third character).  ``undo_split`` undoes either for the generators that read neither."""
    text = doc.text
    start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # (it matches the empty string)
    first = text[start : start + 1]
    if first == "{":
        _split_json(doc, start)
        doc.late = start > 0
        return
    if first not in _DELIMITERS:
        return
    kind, boundary = _delimiter(first)
    opening = _line_at(text, start)
    line = doc.source(opening)
    if not boundary.match(line):
        if not (len(line) > 3 and line.startswith(first * 3) and line[3] != first and line[3:].strip()):
            return
        opening, doc.inline = Span(start, start + 3), True  # Hugo's: `+++ title = "x"` (see below)
    doc.late = start > 0
    doc.kind = kind
    doc.opening = opening
    closing = boundary.search(text, _next_line(doc, opening))  # the pattern is anchored to whole lines
    if closing is None:
        doc.body_start = len(text)  # unclosed: kind without a front_matter span
        return
    doc.front_matter = Span(opening.end if doc.inline else _next_line(doc, opening), closing.start())
    doc.body_start = _next_line(doc, _line_at(text, closing.start()))


def undo_split(doc: Document) -> None:
    """Undo the split of a front matter for a generator that reads it as no front matter: Jekyll, Astro,
    Docusaurus and MkDocs read front matter on the first line only (``FM007`` says so), none but Hugo reads one on
    its opening delimiter's line (``FM008``: ``doc.inline`` is kept when the front matter was closed) or a leading
    JSON object."""
    doc.inline = doc.inline and doc.front_matter is not None
    doc.kind = doc.front_matter = None
    doc.opening = Span(0, 0)
    doc.body_start = 0
    doc.late = False


def skip_script_front_matter(doc: Document) -> bool:
    """Whether ``doc`` opens with a JavaScript front matter (Eleventy's ``---js``, gray-matter's language after the
    delimiter), which fmlint does not read: if so, it is left out of the body, as no front matter."""
    if not (doc.inline and doc.front_matter is not None):
        return False
    language = doc.source(_line_at(doc.text, doc.opening.start))[3:].strip().lower()
    if language not in ("js", "javascript"):
        return False
    body_start = doc.body_start
    undo_split(doc)
    doc.inline, doc.body_start = False, body_start
    return True


def split_headless(doc: Document) -> None:
    """Hexo's front matter without an opening delimiter (hexo-front-matter's ``rFrontMatterNew``, which Hexo 2's
    posts use): the text before the first line of three or more dashes, read so when it is a YAML mapping (as
    Hexo reads it; a body holding a thematic break is not one).  Called where no front matter opens the file."""
    closing = _HEADLESS_CLOSING.search(doc.text)
    if closing is None or not _KEY_LINE.match(doc.text) or not _yaml_mapping(doc.text[: closing.start()]):
        return
    doc.kind = "yaml"
    doc.opening = Span(0, 0)
    doc.front_matter = Span(0, closing.start())
    doc.body_start = _next_line(doc, _line_at(doc.text, closing.start()))


_HEADLESS_CLOSING = lazy_pattern(r"^-{3,}\r?$", re.MULTILINE)
_KEY_LINE = lazy_pattern(
    r"[\w\"'][^\n:]*:(?:[ \t]|\r?$)", re.MULTILINE
)  # (`$`: at the line's end; a first line `title: x`: not prose)


def _yaml_mapping(text: str) -> bool:
    """Whether ``text`` is a YAML mapping (its values not read: an impossible date is the rules' to report)."""
    import yaml

    try:
        return isinstance(yaml.load(text, Loader=yaml.BaseLoader), dict)
    except yaml.YAMLError:
        return False


def _split_json(doc: Document, start: int) -> None:
    """A leading JSON object: find its closing brace (string-aware)."""
    doc.kind = "json"
    doc.opening = Span(start, start + 1)
    end = _json_object_end(doc.text, start)
    if end is None:  # unclosed: kind without a front_matter span
        doc.body_start = len(doc.text)
        return
    doc.front_matter = Span(start, end)
    doc.body_start = _after_line(doc.text, end)


def _json_object_end(text: str, start: int) -> int | None:
    depth = 0
    in_string = escaped = False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _after_line(text: str, offset: int) -> int:
    """Offset just after the line break that ends the line containing ``offset``."""
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _line_at(text: str, start: int) -> Span:
    """The line starting at ``start``, without its line break (LF or CRLF)."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return Span(start, end - 1 if end > start and text[end - 1] == "\r" else end)


def _next_line(doc: Document, line: Span) -> int:
    """Offset of the line after ``line`` (or the end of the text)."""
    return min(line.end + (2 if doc.text.startswith("\r\n", line.end) else 1), len(doc.text))

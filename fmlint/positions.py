"""The one place where offsets become 1-based lines and columns.

Everything upstream works with :class:`Span` — absolute character offsets into
``Document.text`` (the decoded file with any BOM removed).  Loaders add their
base offset once when they build a span; rules only pass spans around.  Columns
count characters (code points), not bytes, so CJK text before a value does not
shift it; a CRLF ending is two characters at the end of its line and never
moves a column.  End positions are exclusive, as in SARIF.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, repeat
from operator import add

import msgspec


class Span(msgspec.Struct, frozen=True, gc=False):
    """A half-open range ``[start, end)`` of character offsets in a document."""

    start: int
    end: int

    def shifted(self, base: int) -> Span:
        """This span moved by ``base`` characters (from a slice into the whole text)."""
        return Span(self.start + base, self.end + base)


class Place:
    """Where a link or image is written: its whole ``span`` and its destination's ``url_span``.

    Found on first use: most links are never reported, and placing one (byte
    offsets to characters, the destination found in the source) costs more
    than the rest of extracting it.
    """

    __slots__ = ("_find", "_spans")

    def __init__(self, find: Callable[[], tuple[Span, Span]] | None = None, spans: tuple[Span, Span] | None = None):
        self._find = find
        self._spans = spans

    @property
    def span(self) -> Span:
        return self._located()[0]

    @property
    def url_span(self) -> Span:
        return self._located()[1]

    def _located(self) -> tuple[Span, Span]:
        if self._spans is None:
            assert self._find is not None
            self._spans, self._find = self._find(), None
        return self._spans

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and self._located() == other._located()

    def __hash__(self) -> int:
        return hash(self._located())

    def __repr__(self) -> str:
        return f"Place{self._located()!r}"


class Position(msgspec.Struct, frozen=True, gc=False):
    line: int
    column: int
    end_line: int
    end_column: int


class LineIndex:
    """Maps character offsets of one text to 1-based (line, column).

    A file needs a handful of positions, mostly in document order (its
    findings'), so the first :data:`COUNTED` are counted in C from the last one
    asked for (``str.count`` of the line breaks between them, ``str.rfind`` of
    the line's start) — no list of lines is built for a file with few findings
    or none.  Past that, or for line-number lookups, the table of line starts
    is built once (one ``split``) and searched.
    """

    __slots__ = ("_asked", "_at", "_length", "_line", "_starts", "_text")

    COUNTED = 32

    def __init__(self, text: str) -> None:
        self._text = text
        self._length = len(text)
        self._starts: list[int] | None = None
        self._at, self._line = 0, 1  # the last offset asked for, and its line
        self._asked = 0

    def _table(self) -> list[int]:
        if self._starts is None:
            # each line's length plus its "\n", summed up (all in C): the start of every line, and one past the end
            starts = list(accumulate(map(add, map(len, self._text.split("\n")), repeat(1)), initial=0))
            starts.pop()
            self._starts = starts
        return self._starts

    @property
    def text(self) -> str:
        return self._text

    @property
    def line_count(self) -> int:
        return len(self._table())

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._table()[line - 1]

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset`` (for messages such as "first defined on line 3")."""
        return self.point(offset)[0]

    def lines_of(self, span: Span) -> tuple[int, int]:
        """The first and last 1-based lines ``span`` covers (an empty span: its own line, twice)."""
        return self.line_of(span.start), self.line_of(max(span.start, span.end - 1))

    def offset_at(self, line: int, column: int) -> int:
        """The offset of 1-based ``line`` and ``column`` (positions parsers report as numbers)."""
        return self.line_start(line) + column - 1

    def offset_within(self, base: int, line: int, column: int) -> int:
        """The offset of 1-based ``line`` and ``column`` of a parser given the text from ``base`` on, which may
        start inside a line (Hugo's ``+++ title = "x"``): its first line's columns count from ``base``."""
        return base + column - 1 if line == 1 else self.offset_at(self.line_of(base) + line - 1, column)

    def point(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        if self._starts is None and self._asked < self.COUNTED:
            self._asked += 1
            text, at = self._text, self._at
            if offset >= at:
                line = self._line + text.count("\n", at, offset)
            else:
                line = self._line - text.count("\n", offset, at)
            self._at, self._line = offset, line
            return line, offset - text.rfind("\n", 0, offset)
        starts = self._table()
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def position(self, span: Span) -> Position:
        line, column = self.point(span.start)
        start = max(0, min(span.start, self._length))
        end = max(0, min(max(span.start, span.end), self._length))
        if self._text.find("\n", start, end) < 0:  # ends on its first line: no second search
            return Position(line, column, line, column + end - start)
        end_line, end_column = self.point(end)
        return Position(line, column, end_line, end_column)


class Dedented:
    """A block of lines (``block``, at ``start`` in the file) with the indentation of spaces they share cut off, as
    a text of its own (``text``), and its offsets mapped back to the file's.  ``tabbed``: a line's indentation
    holds a tab, whose columns this does not count (``text`` is the block as it is)."""

    def __init__(self, block: str, start: int) -> None:
        lines = block.splitlines(keepends=True)
        indents = [len(line) - len(line.lstrip(" ")) for line in lines]
        self.tabbed = any(line[indent : indent + 1] == "\t" for line, indent in zip(lines, indents, strict=True))
        written = [n for line, n in zip(lines, indents, strict=True) if line.strip()]  # (blank lines do not count)
        common = 0 if self.tabbed else min(written, default=0)
        cut = [min(common, indent) for indent in indents]
        self.text = "".join(line[n:] for line, n in zip(lines, cut, strict=True))
        self.dedented: list[int] = []  # where each line starts in ``text``
        self.original: list[int] = []  # and in the file, after what was cut
        at, dedented = start, 0
        for line, n in zip(lines, cut, strict=True):
            self.dedented.append(dedented)
            self.original.append(at + n)
            at += len(line)
            dedented += len(line) - n

    def offset(self, offset: int, end: bool = False) -> int:
        """The file's offset of a dedented one (an ``end``: of the character before it, plus one)."""
        line = max(0, bisect_right(self.dedented, offset - 1 if end else offset) - 1)
        return self.original[line] + offset - self.dedented[line]

    def span(self, span: Span) -> Span:
        return Span(self.offset(span.start), self.offset(span.end, end=True))

    def place(self, place: Place) -> Place:
        return Place(lambda: (self.span(place.span), self.span(place.url_span)))


def line_start(text: str, offset: int) -> int:
    """Where the line holding ``offset`` starts (lines end at ``\n``, as fmlint counts them)."""
    return text.rfind("\n", 0, offset) + 1


def line_end(text: str, offset: int) -> int:
    """Where the line holding ``offset`` ends: at its ``\n``, or at the end of ``text``."""
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def char_span(text: str, offset: int) -> Span:
    """The one character at ``offset`` — for errors that parsers report at a point.

    The span is empty at a line break or the end of ``text``: a one-character
    span there would end on the next line, or between the CR and LF of a CRLF.
    """
    return Span(offset, offset if offset >= len(text) or text[offset] in "\r\n" else offset + 1)

"""Where a value or a reference of the site facts is written: its offsets in its file's text as lines and
columns, for a finding (or a message naming it).

The facts keep offsets (``Item.start``/``end``, ``Reference.start``/``end``), not
lines and columns: locating every reference counted the lines of every body up
to its last link — about 70,000 instructions a 10 KB article, ~9 % of the site
rules' cold cost — and the front matter's values ~40,000 more, for the few a
finding is reported at.  A finding's file is read again, once, when its first
place is asked for, unless the run holds its text: the language server checks a
buffer that may differ from the file on disk (:func:`texts_held`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from fmlint.document import decoded_text
from fmlint.linter import read_bytes
from fmlint.positions import LineIndex, Span, line_end, line_start
from fmlint.regex import lazy_pattern
from fmlint.site.facts import At, Item, Reference

FILE_START = At(1, 1, 1, 1)  # (where a finding about the whole file is reported)
_HELD: ContextVar[Mapping[str, LineIndex] | None] = ContextVar("texts held", default=None)


@contextmanager
def texts_held(lines: Mapping[str, LineIndex]) -> Iterator[None]:
    """While inside, the values and references of the files ``lines`` names (by absolute path) are located in
    those texts, not in the files on disk."""
    token = _HELD.set(lines)
    try:
        yield
    finally:
        _HELD.reset(token)


class Places:
    """Each file's lines, read once (by absolute path); a file that cannot be read again gives its start."""

    def __init__(self) -> None:
        self._lines: dict[str, LineIndex | None] = {}

    def at(self, absolute: str, written: Item | Reference) -> At:
        lines = self._of(absolute)
        return FILE_START if lines is None else _at(lines, Span(written.start, written.end))

    def removal(self, absolute: str, item: Item, only: bool) -> At | None:
        """What to delete to remove ``item``, a list's item (``only``: its only string), with its separator: the
        comma after it (or, the last, before it) in brackets, its whole line where it stands alone on one (a
        YAML block list's ``- x``, unless it is the list's only item); none where anything else follows it on a
        block list's line (a comment)."""
        lines = self._of(absolute)
        span = None if lines is None else _removed(lines.text, item.start, item.end, only)
        return None if lines is None or span is None else _at(lines, span)

    def text(self, absolute: str, start: int, end: int) -> str:
        """The file's text from ``start`` to ``end`` ("" when it cannot be read again)."""
        lines = self._of(absolute)
        return lines.text[start:end] if lines is not None else ""

    def _of(self, absolute: str) -> LineIndex | None:
        lines = self._lines.get(absolute)
        if lines is None and absolute not in self._lines:
            held = _HELD.get()
            lines = self._lines[absolute] = (held.get(absolute) if held else None) or _read(absolute)
        return lines


def _at(lines: LineIndex, span: Span) -> At:
    place = lines.position(span)
    return At(place.line, place.column, place.end_line, place.end_column)


_BLOCK_ITEM = lazy_pattern(r"[ \t]*-[ \t]+")  # (what is before a YAML block list's item on its line)
_COMMA_AFTER = lazy_pattern(r"[ \t]*,[ \t]*")
_COMMA_BEFORE = lazy_pattern(r",\s*$")


def _removed(text: str, start: int, end: int, only: bool) -> Span | None:
    """The span :meth:`Places.removal` deletes for the item written at ``start``-``end`` of ``text``."""
    first, last = line_start(text, start), line_end(text, end)
    alone = not text[end:last].strip()  # (nothing after it on its line)
    if _BLOCK_ITEM.fullmatch(text, first, start):
        return Span(first, min(last + 1, len(text))) if alone and not only else None
    comma = _COMMA_AFTER.match(text, end)
    if comma is not None:
        if not text[first:start].strip() and not text[comma.end() : last].strip():
            return Span(first, min(last + 1, len(text)))  # (its line, in a list written over lines)
        return Span(start, comma.end())
    before = _COMMA_BEFORE.search(text, 0, start)
    return Span(before.start(), end) if before is not None else Span(start, end)


def _read(absolute: str) -> LineIndex | None:
    """The lines of the file's text, as the linter reads it (never a pipe that replaced it), only decoded
    (``read_document`` may import PyYAML); none when it cannot be read since its facts were taken."""
    data = read_bytes(absolute, sys.maxsize)
    return LineIndex(decoded_text(data)) if isinstance(data, bytes) else None

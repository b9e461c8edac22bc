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
from fmlint.positions import LineIndex, Span
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
        lines = self._lines.get(absolute)
        if lines is None and absolute not in self._lines:
            held = _HELD.get()
            lines = self._lines[absolute] = (held.get(absolute) if held else None) or _read(absolute)
        if lines is None:
            return FILE_START
        place = lines.position(Span(written.start, written.end))
        return At(place.line, place.column, place.end_line, place.end_column)


def _read(absolute: str) -> LineIndex | None:
    """The lines of the file's text, as the linter reads it (never a pipe that replaced it), only decoded
    (``read_document`` may import PyYAML); none when it cannot be read since its facts were taken."""
    data = read_bytes(absolute, sys.maxsize)
    return LineIndex(decoded_text(data)) if isinstance(data, bytes) else None

"""Open documents as the editor has them, and positions in the negotiated encoding.

LSP lines end only at ``\\n``, ``\\r\\n`` and ``\\r``; pygls's ``TextDocument.lines``
(``str.splitlines``) also breaks at U+2028, ``\\f``, ``\\x1c``–``\\x1e`` and ``\\x85``,
which shifts every later line, so fmlint keeps its own buffers.  A column
counts code units of the ``positionEncoding`` agreed at initialisation
(UTF-16 by default, UTF-8, UTF-32); fmlint's columns count characters and are
converted only here, at the edge.
"""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types

from fmlint.diagnostics import Diagnostic
from fmlint.document import Document, read_document
from fmlint.regex import lazy_pattern

_LINE_BREAK = lazy_pattern(r"\r\n|\r|\n")
_UTF8, _UTF16 = types.PositionEncodingKind.Utf8.value, types.PositionEncodingKind.Utf16.value
_BOM = "\ufeff"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == _UTF16:
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    if encoding == _UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)


def _characters(line: str, count: int, encoding: str) -> int:
    """How many characters of ``line`` the first ``count`` code units cover (clamped to the line)."""
    if line.isascii() or encoding not in (_UTF8, _UTF16):
        return min(count, len(line))
    used = 0
    for index, char in enumerate(line):
        used += units(char, encoding)
        if used > count:
            return index
    return len(line)


class TextBuffer:
    """One open document: its text, version and LSP line index."""

    def __init__(self, uri: str, path: str, text: str, version: int | None, encoding: str) -> None:
        self.uri = uri
        self.path = path
        self.version = version
        self.encoding = encoding
        self._set(text)

    def _set(self, text: str) -> None:
        self.text = text
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
        self._document: Document | None = None

    @property
    def document(self) -> Document:
        """The text read by fmlint exactly as a file with these bytes would be (made once per version)."""
        if self._document is None:
            self._document = read_document(self.path, self.text.encode("utf-8", "surrogatepass"))
        return self._document

    def snapshot(self) -> TextBuffer:
        """A copy that later changes do not touch (for a lint in the worker thread)."""
        copy = object.__new__(TextBuffer)
        copy.__dict__.update(self.__dict__)
        return copy

    def _line_text(self, line: int) -> str:
        """Line ``line`` (0-based) without its line break."""
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP position (past the end of a line: its end)."""
        if position.line >= len(self._starts):
            return len(self.text)
        line = self._line_text(position.line)
        return self._starts[position.line] + _characters(line, position.character, self.encoding)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        if offset > start and self.text[offset - 1] == "\r" and self.text.startswith("\n", offset):
            offset -= 1  # between CR and LF: the end of the line
        return types.Position(line, units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def line_start(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self._starts[bisect_right(self._starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        """The offset where the line holding ``offset`` ends (before its line break)."""
        line = bisect_right(self._starts, offset) - 1
        return self._starts[line] + len(self._line_text(line))

    def apply(self, change: types.TextDocumentContentChangeEvent) -> None:
        """Apply one full or incremental change from ``didChange``."""
        if isinstance(change, types.TextDocumentContentChangePartial):
            start, end = self.offset(change.range.start), self.offset(change.range.end)
            self._set(self.text[:start] + change.text + self.text[end:])
        else:
            self._set(change.text)

    # fmlint's side: offsets into Document.text, which has no BOM

    @property
    def _shift(self) -> int:
        return 1 if self.text.startswith(_BOM) else 0

    def from_fmlint(self, offset: int) -> int:
        """A buffer offset from an offset into fmlint's ``Document.text``."""
        return offset + self._shift

    def to_fmlint(self, offset: int) -> int:
        return max(0, offset - self._shift)

    def diagnostic_range(self, diagnostic: Diagnostic) -> types.Range:
        """Where fmlint's 1-based, character-counted, ``\\n``-split position is, in LSP terms."""
        lines = self.document.lines
        start = lines.offset_at(diagnostic.line, diagnostic.column)
        end = lines.offset_at(diagnostic.end_line, diagnostic.end_column)
        return self.range(self.from_fmlint(start), self.from_fmlint(end))

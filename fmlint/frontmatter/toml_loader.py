"""TOML front matter: ``tomllib`` for the data, a line scanner for positions.

``tomllib`` keeps no positions, so a light scanner walks the same source and
records, for every table header and ``key = value`` line, the span of the key
and of the value, and inside arrays and inline tables the span of each item
(a string's with its quotes) and of each entry's key and value, as the YAML
and JSON loaders do: a finding about ``tags[1]`` is at that item.  Native
TOML dates and times become ISO 8601 text so that JSON Schema sees strings, as
it does for YAML and JSON.  As in the YAML and JSON
loaders, nesting deeper than ``MAX_DEPTH`` is refused (brackets before
``tomllib``, which recurses, sees them; dotted keys and table headers after).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator
from typing import Any

from fmlint.document import Document
from fmlint.frontmatter.model import FrontMatter, JsonPath, Located
from fmlint.positions import Span, char_span, line_end
from fmlint.regex import lazy_pattern

MAX_DEPTH = 100

_ERROR_AT = lazy_pattern(r"\s*\(at line (\d+), column (\d+)\)$")
_KEY_PART = lazy_pattern(r'\s*(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|\'([^\']*)\')\s*')
_TABLE = lazy_pattern(r"\s*(\[\[?)")


def load(doc: Document) -> FrontMatter:
    fm = FrontMatter("toml", doc.opening)
    assert doc.front_matter is not None
    source, base = doc.source(doc.front_matter), doc.front_matter.start
    too_deep = _bracket_beyond_max_depth(source)
    if too_deep is not None:
        fm.problem("FM004", _TOO_DEEP, char_span(doc.text, base + too_deep))
        return fm
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _ERROR_AT.search(message)
        offset = base
        if where:
            message = message[: where.start()]
            offset = doc.lines.offset_within(base, int(where.group(1)), int(where.group(2)))
        code = "FM003" if message.startswith(("Cannot overwrite", "Cannot declare")) else "FM002"
        fm.problem(code, f"TOML syntax error: {message}", char_span(doc.text, offset))
        return fm
    _Scanner(source, base, fm).scan()
    try:
        fm.data = _plain(data, ())
    except _TooDeep as exc:  # dotted keys and table headers nest without brackets
        fm.problem("FM004", _TOO_DEEP, _written_at(fm, exc.path))
    return fm


_TOO_DEEP = f"front matter is nested more than {MAX_DEPTH} levels deep"


class _TooDeep(Exception):
    def __init__(self, path: JsonPath) -> None:
        super().__init__(path)
        self.path = path


def _bracket_beyond_max_depth(text: str) -> int | None:
    """Offset of the first ``[`` or ``{`` nested more than ``MAX_DEPTH`` deep."""
    depth = 0
    for pos, char in _outside_strings(text, 0):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return pos
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


def _written_at(fm: FrontMatter, path: JsonPath) -> Span:
    """Where ``path`` is written: its nearest located ancestor, or the first key below it."""
    span = fm.key_span(path)
    if span != fm.opening:
        return span
    below = (located.key or located.value for key, located in fm.locations.items() if key[: len(path)] == path)
    return next(below, span)


def _plain(value: Any, path: JsonPath) -> Any:
    if len(path) > MAX_DEPTH:
        raise _TooDeep(path)
    if isinstance(value, dict):
        return {key: _plain(item, (*path, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, (*path, index)) for index, item in enumerate(value)]
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


class _Scanner:
    """Records key and value spans; assumes ``tomllib`` accepted the source."""

    def __init__(self, source: str, base: int, fm: FrontMatter) -> None:
        self.text = source
        self.base = base
        self.fm = fm
        self.pos = 0
        self.table: JsonPath = ()
        self.array_tables: dict[JsonPath, int] = {}

    def span(self, start: int, end: int) -> Span:
        return Span(self.base + start, self.base + end)

    def scan(self) -> None:
        text = self.text
        while self.pos < len(text):
            end = line_end(text, self.pos)
            stripped = text[self.pos : end].lstrip()
            if not stripped or stripped.startswith("#"):
                self.pos = end + 1
            elif stripped.startswith("["):
                self.header(end)
            else:
                self.key_value(self.table)

    def keys(self) -> tuple[list[str], int, int]:
        """Parse a dotted key at ``pos``; return its parts and its span."""
        parts: list[str] = []
        start = None
        while True:
            match = _KEY_PART.match(self.text, self.pos)
            if match is None or match.end() == self.pos:
                break
            if start is None:
                start = match.start(match.lastindex or 0) - (0 if match.group(1) is not None else 1)  # (a quote)
            end = match.end(match.lastindex or 0) + (1 if match.group(1) is None else 0)
            raw = match.group(1) if match.group(1) is not None else match.group(match.lastindex or 0)
            parts.append(_unescape(raw) if match.group(2) is not None else raw)
            self.pos = match.end()
            if not self.text.startswith(".", self.pos):
                break
            self.pos += 1
        return parts, start if start is not None else self.pos, end if parts else self.pos

    def header(self, ends: int) -> None:
        """The table header on the line at ``pos``, which ``ends`` there."""
        opener = _TABLE.match(self.text, self.pos)
        assert opener is not None
        is_array = opener.group(1) == "[["
        self.pos = opener.end()
        parts, start, end = self.keys()
        path = self.resolve(parts, is_array)
        self.fm.locations[path] = Located(self.span(start, end), self.span(start, end))
        self.table = path
        self.pos = ends + 1

    def resolve(self, parts: list[str], is_array: bool) -> JsonPath:
        path: JsonPath = ()
        for index, part in enumerate(parts):
            path = (*path, part)
            if is_array and index == len(parts) - 1:
                count = self.array_tables.get(path, 0)
                self.array_tables[path] = count + 1
                path = (*path, count)
            elif path in self.array_tables:
                path = (*path, self.array_tables[path] - 1)
        return path

    def key_value(self, table: JsonPath) -> None:
        parts, start, end = self.keys()
        path = (*table, *parts)
        equals = self.text.find("=", self.pos)
        value_start = _WS.match(self.text, equals + 1).end()  # type: ignore[union-attr]
        value_end = self.value(path, value_start)
        self.fm.locations[path] = Located(self.span(value_start, value_end), self.span(start, end))
        self.pos = line_end(self.text, value_end) + 1

    def value(self, path: JsonPath, start: int) -> int:
        """The end of the value of ``path`` that starts at ``start``; the items of an array and the entries of an
        inline table in it are recorded."""
        text = self.text
        if text.startswith(("[", "{"), start):
            return self.items(path, start)
        if text.startswith(('"', "'"), start):
            return _string_end(text, start)
        end = _SCALAR_END.search(text, start)  # (a number, a boolean, a date: `1979-05-27 07:32:00Z` has a space)
        return len(text[: end.start() if end is not None else len(text)].rstrip())

    def items(self, path: JsonPath, start: int) -> int:
        """The end of the array or inline table at ``start``, its items (by number) or entries (by key) recorded:
        each value's span, and an entry's key's."""
        text = self.text
        closing = "]" if text[start] == "[" else "}"
        pos, number = start + 1, 0
        while True:
            pos = _BETWEEN_ITEMS.match(text, pos).end()  # type: ignore[union-attr]
            if pos >= len(text) or text[pos] == closing:
                return min(pos + 1, len(text))
            if closing == "]":
                item: JsonPath = (*path, number)
                end = self.value(item, pos)
                self.fm.locations[item] = Located(self.span(pos, end))
                number += 1
            else:
                self.pos = pos
                parts, key_start, key_end = self.keys()
                item = (*path, *parts)
                value_start = _WS.match(text, text.find("=", self.pos) + 1).end()  # type: ignore[union-attr]
                end = self.value(item, value_start)
                self.fm.locations[item] = Located(self.span(value_start, end), self.span(key_start, key_end))
            if end <= pos:  # (no progress: a source ``tomllib`` would not accept)
                return len(text)
            pos = _BETWEEN_ITEMS.match(text, end).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos += 1


_WS = lazy_pattern(r"[ \t]*")
_BETWEEN_ITEMS = lazy_pattern(r"(?:\s|#[^\n]*)*")  # spaces, line breaks and comments
_SCALAR_END = lazy_pattern(r"[,\]}#\n]")


def _outside_strings(text: str, start: int) -> Iterator[tuple[int, str]]:
    """Offsets and characters from ``start`` on, skipping strings; a comment is its ``#``."""
    pos = start
    while pos < len(text):
        char = text[pos]
        if char in "\"'":
            pos = _string_end(text, pos)
            continue
        yield pos, char
        pos = line_end(text, pos) if char == "#" else pos + 1


def _escaped(text: str, pos: int) -> bool:
    backslashes = len(text[:pos]) - len(text[:pos].rstrip("\\"))
    return backslashes % 2 == 1


def _string_end(text: str, pos: int) -> int:
    """End of the basic, literal or multi-line string that starts at ``pos``."""
    quote = text[pos]
    if text.startswith(quote * 3, pos):
        close = text.find(quote * 3, pos + 3)
        while quote == '"' and close > 0 and _escaped(text, close):
            close = text.find(quote * 3, close + 1)
        if close < 0:
            return len(text)
        end = close + 3
        while text.startswith(quote, end):  # up to two quotes may end the content
            end += 1
        return end
    end = pos + 1
    while end < len(text) and text[end] != quote:
        end += 2 if quote == '"' and text[end] == "\\" else 1
    return end + 1


def _unescape(raw: str) -> str:
    return tomllib.loads(f'k = "{raw}"')["k"]

"""TOML front matter: ``tomllib`` for the data, a line scanner for positions.

``tomllib`` keeps no positions, so a light scanner walks the same source and
records, for every table header and ``key = value`` line, the span of the key
and of the value (values inside inline tables and arrays resolve to their
enclosing key).  Native TOML dates and times become ISO 8601 text so that JSON
Schema sees strings, as it does for YAML and JSON.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

from fmlint.document import Document
from fmlint.frontmatter.model import FrontMatter, JsonPath, Located
from fmlint.positions import Span

_ERROR_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_KEY_PART = re.compile(r'\s*(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|\'([^\']*)\')\s*')
_TABLE = re.compile(r"\s*(\[\[?)")


def load(doc: Document) -> FrontMatter:
    fm = FrontMatter("toml", doc.opening)
    assert doc.front_matter is not None
    source, base = doc.source(doc.front_matter), doc.front_matter.start
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _ERROR_AT.search(message)
        offset = base
        if where:
            message = message[: where.start()]
            first_line, _ = doc.lines.point(base)
            offset = doc.lines.line_start(first_line + int(where.group(1)) - 1) + int(where.group(2)) - 1
        code = "FM003" if message.startswith(("Cannot overwrite", "Cannot declare")) else "FM002"
        fm.problem(code, f"TOML syntax error: {message}", Span(offset, offset + 1))
        return fm
    fm.data = _plain(data)
    _Scanner(source, base, fm).scan()
    return fm


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
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
            line_end = _line_end(text, self.pos)
            stripped = text[self.pos : line_end].lstrip()
            if not stripped or stripped.startswith("#"):
                self.pos = line_end + 1
            elif stripped.startswith("["):
                self.header(line_end)
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
                start = match.start(match.lastindex or 0)
            end = match.end(match.lastindex or 0) + (1 if match.group(1) is None else 0)
            raw = match.group(1) if match.group(1) is not None else match.group(match.lastindex or 0)
            parts.append(_unescape(raw) if match.group(2) is not None else raw)
            self.pos = match.end()
            if not self.text.startswith(".", self.pos):
                break
            self.pos += 1
        return parts, start if start is not None else self.pos, end if parts else self.pos

    def header(self, line_end: int) -> None:
        opener = _TABLE.match(self.text, self.pos)
        assert opener is not None
        is_array = opener.group(1) == "[["
        self.pos = opener.end()
        parts, start, end = self.keys()
        path = self.resolve(parts, is_array)
        self.fm.locations[path] = Located(self.span(start, end), self.span(start, end))
        self.table = path
        self.pos = line_end + 1

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
        value_end = self.value_end(value_start)
        self.fm.locations[path] = Located(self.span(value_start, value_end), self.span(start, end))
        self.pos = value_end
        self.pos = _line_end(self.text, self.pos) + 1

    def value_end(self, start: int) -> int:
        """End of the value starting at ``start`` (strings, arrays, inline tables)."""
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, start):
                close = text.find(quote, start + 3)
                while quote == '"""' and close > 0 and _escaped(text, close):
                    close = text.find(quote, close + 1)
                end = close + 3
                while text.startswith(quote[0], end):  # up to two quotes may end the content
                    end += 1
                return end
        depth = 0
        pos = start
        while pos < len(text):
            char = text[pos]
            if char in "\"'":
                pos = _string_end(text, pos)
                continue
            if char == "#":
                if depth == 0:
                    break
                pos = _line_end(text, pos)
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            elif char == "\n" and depth == 0:
                break
            pos += 1
            if depth == 0 and char in "]}":
                return pos
        return len(text[:pos].rstrip())


_WS = re.compile(r"[ \t]*")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _escaped(text: str, pos: int) -> bool:
    backslashes = len(text[:pos]) - len(text[:pos].rstrip("\\"))
    return backslashes % 2 == 1


def _string_end(text: str, pos: int) -> int:
    quote = text[pos]
    end = pos + 1
    while end < len(text) and text[end] != quote:
        end += 2 if quote == '"' and text[end] == "\\" else 1
    return end + 1


def _unescape(raw: str) -> str:
    return tomllib.loads(f'k = "{raw}"')["k"]

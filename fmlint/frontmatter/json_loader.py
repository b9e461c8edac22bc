"""JSON front matter (a leading ``{ … }`` object), parsed with positions.

The standard library's decoder keeps no positions and silently keeps the last
of duplicate keys, so this is a small recursive-descent parser over the
object; strings and numbers are decoded by the standard library's own
routines, so the values are exactly what ``json.loads`` gives.
"""

from __future__ import annotations

import json
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from fmlint.document import Document
from fmlint.frontmatter.model import FrontMatter, JsonPath, Located
from fmlint.positions import LineIndex, Span, char_span
from fmlint.regex import lazy_pattern

MAX_DEPTH = 100
_WHITESPACE = lazy_pattern(r"[ \t\n\r]*")
_NUMBER = lazy_pattern(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class _JsonError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


class _TooDeep(_JsonError):
    """Nesting beyond ``MAX_DEPTH``: FM004, as in the YAML and TOML loaders."""


def load(doc: Document) -> FrontMatter:
    fm = FrontMatter("json", doc.opening)
    assert doc.front_matter is not None
    parser = _Parser(doc.source(doc.front_matter), doc.front_matter.start, fm, doc.lines)
    try:
        fm.data = parser.value((), 0, None)
    except _JsonError as exc:
        offset = doc.front_matter.start + exc.offset
        code, message = ("FM004", str(exc)) if isinstance(exc, _TooDeep) else ("FM002", f"JSON syntax error: {exc}")
        fm.problem(code, message, char_span(doc.text, offset))
        fm.data = None
    return fm


class _Parser:
    def __init__(self, text: str, base: int, fm: FrontMatter, lines: LineIndex) -> None:
        self.lines = lines
        self.text = text
        self.base = base
        self.fm = fm
        self.pos = 0

    def skip(self) -> str:
        self.pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
        return self.text[self.pos : self.pos + 1]

    def span(self, start: int) -> Span:
        return Span(self.base + start, self.base + self.pos)

    def value(self, path: JsonPath, depth: int, key: Span | None) -> Any:
        char = self.skip()
        if depth > MAX_DEPTH:
            raise _TooDeep(self.pos, f"front matter is nested more than {MAX_DEPTH} levels deep")
        start = self.pos
        if char == "{":
            result: Any = self.object(path, depth)
        elif char == "[":
            result = self.array(path, depth)
        elif char == '"':
            result = self.string()
        else:
            result = self.scalar()
        self.fm.locations[path] = Located(self.span(start), key)
        return result

    def string(self) -> str:
        try:
            value, self.pos = scanstring(self.text, self.pos + 1)
        except json.JSONDecodeError as exc:
            raise _JsonError(exc.pos, exc.msg) from None
        return value

    def scalar(self) -> Any:
        for word, value in _LITERALS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        number = _NUMBER.match(self.text, self.pos)
        if number is None or number.end() == self.pos:
            found = self.text[self.pos : self.pos + 1] or "end of input"
            raise _JsonError(self.pos, f"expected a value, found `{found}`")
        self.pos = number.end()
        return json.loads(number.group())

    def object(self, path: JsonPath, depth: int) -> dict[str, Any]:
        self.pos += 1
        result: dict[str, Any] = {}
        if self.skip() == "}":
            self.pos += 1
            return result
        while True:
            if self.skip() != '"':
                raise _JsonError(self.pos, "expected a key in double quotes" + self._trailing_comma_hint())
            key_start = self.pos
            key = self.string()
            key_span = self.span(key_start)
            if self.skip() != ":":
                raise _JsonError(self.pos, f"expected `:` after the key `{key}`")
            self.pos += 1
            child = (*path, key)
            if key in result:
                self.fm.duplicate_key(child, key_span, self.lines)
                kept, self.fm.locations = self.fm.locations, {}
                self.value(child, depth + 1, key_span)  # parsed for syntax, then dropped
                self.fm.locations = kept
            else:
                result[key] = self.value(child, depth + 1, key_span)
            if not self._next_item("}", "expected `,` or `}` after a member"):
                return result

    def array(self, path: JsonPath, depth: int) -> list[Any]:
        self.pos += 1
        result: list[Any] = []
        if self.skip() == "]":
            self.pos += 1
            return result
        while True:
            if self.skip() == "]":
                raise _JsonError(self.pos, "trailing comma before `]`")
            result.append(self.value((*path, len(result)), depth + 1, None))
            if not self._next_item("]", "expected `,` or `]` after an item"):
                return result

    def _next_item(self, closer: str, message: str) -> bool:
        char = self.skip()
        self.pos += 1
        if char == ",":
            return True
        if char == closer:
            return False
        raise _JsonError(self.pos - 1, message)

    def _trailing_comma_hint(self) -> str:
        return " (trailing comma before `}`?)" if self.text.startswith("}", self.pos) else ""

"""Parsed front matter: plain data plus where every key and value came from."""

from __future__ import annotations

from typing import Any

import msgspec

from fmlint.diagnostics import Problem
from fmlint.fix.model import DISPLAY_ONLY, Edit, Fix
from fmlint.positions import LineIndex, Span

JsonPath = tuple[str | int, ...]


class Located(msgspec.Struct, frozen=True, gc=False):
    """Where one node sits: its value, and its key when it is a mapping entry."""

    value: Span
    key: Span | None = None


class FrontMatter(msgspec.Struct):
    """The loaders' result: JSON-compatible ``data`` and a position index.

    ``data`` is ``None`` when the source could not be parsed at all (the reason
    is in ``problems``).  Lookups fall back to the nearest located ancestor and
    finally to ``opening`` (the opening delimiter), so every path resolves.
    """

    kind: str
    opening: Span
    data: Any = None
    locations: dict[JsonPath, Located] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)

    def _nearest(self, path: JsonPath) -> Located | None:
        for end in range(len(path), 0, -1):
            located = self.locations.get(path[:end])
            if located is not None:
                return located
        return None

    def value_span(self, path: JsonPath) -> Span:
        located = self._nearest(path)
        return located.value if located else self.opening

    def key_span(self, path: JsonPath) -> Span:
        """The key of ``path`` (or its value when it has no key, e.g. a list item)."""
        located = self._nearest(path)
        if located is None:
            return self.opening
        return located.key or located.value

    def problem(self, code: str, message: str, span: Span) -> None:
        self.problems.append(Problem(code, message, span))

    def duplicate_key(self, path: JsonPath, span: Span, lines: LineIndex, value: Span | None = None) -> None:
        """Report the second occurrence of ``path`` at ``span`` (with its ``value``, the removal is shown)."""
        first = lines.line_of(self.key_span(path).start)
        message = f"duplicate key `{describe_path(path)}` (first defined on line {first})"
        fix = None if value is None else _removal_shown(span, value, lines, first)
        self.problems.append(Problem("FM003", message, span, fix=fix))


def _removal_shown(key: Span, value: Span, lines: LineIndex, first: int) -> Fix:
    """Display-only: the lines of the second occurrence removed (the front matter's closing line follows them)."""
    start = lines.line_start(lines.line_of(key.start))
    end = lines.line_start(lines.lines_of(value)[1] + 1)
    return Fix(DISPLAY_ONLY, f"remove this occurrence, keeping the one on line {first}", (Edit(start, end, ""),))


def describe_path(path: JsonPath) -> str:
    """``widgets[2].name`` style; ``(front matter)`` for the root."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(front matter)"

"""The fix records: what a rule proposes, and what a user sees.

A rule attaches a :class:`Fix` — edits ``(start, end, content)`` on the
document text in character offsets, the same offsets as its spans — to the
problem it yields.  The linter locates it as a :class:`DiagnosticFix` whose
edits have 1-based lines and columns, end-exclusive like the diagnostic (its
JSON shape is the one ``--format json`` prints).
"""

from __future__ import annotations

from typing import Literal

import msgspec

from fmlint.positions import Span

Applicability = Literal["safe", "unsafe", "display-only"]
SAFE: Applicability = "safe"
UNSAFE: Applicability = "unsafe"
DISPLAY_ONLY: Applicability = "display-only"
LEVELS: tuple[str, ...] = ("safe", "unsafe", "display-only", "none")  # a rule's ``Rule.fix``, best first


class Edit(msgspec.Struct, frozen=True, order=True, gc=False):
    """Replace the text in ``[start, end)`` by ``content`` (an insertion when empty, a deletion when ``content`` is)."""

    start: int
    end: int
    content: str

    @classmethod
    def replace(cls, span: Span, content: str) -> Edit:
        return cls(span.start, span.end, content)


class Fix(msgspec.Struct, frozen=True, gc=False):
    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]


class FixEdit(msgspec.Struct, frozen=True, order=True, gc=False):
    line: int
    column: int
    end_line: int
    end_column: int
    content: str


class DiagnosticFix(msgspec.Struct, frozen=True, order=True, gc=False):
    applicability: Applicability
    message: str
    edits: tuple[FixEdit, ...]

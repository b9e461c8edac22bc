"""The two records of the pipeline: what a rule finds, and what a user sees.

A rule yields :class:`Problem` — a code, a message and a :class:`Span`; the
linter turns each into a :class:`Diagnostic` with file, 1-based line and column,
the rule's readable name and its effective severity.
"""

from __future__ import annotations

import operator
from enum import Enum

import msgspec

from fmlint.fix.model import DiagnosticFix, Fix
from fmlint.positions import Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


class Problem(msgspec.Struct, frozen=True, gc=False):
    """A finding located by a span in the document (never by line/column)."""

    code: str
    message: str
    span: Span
    severity: Severity | None = None  # None: the rule's configured severity
    fix: Fix | None = None  # edits that would resolve it (``fmlint.fix``)


INTERNAL_ERROR = "X001"  # a rule (or a parser) crashed: see ``fmlint.rules.internal``

# the sort key of diagnostics: ``sorted(found, key=ORDER)`` orders as ``__lt__`` does, ~4x faster (a key per item)
ORDER = operator.attrgetter("path", "line", "column", "code", "end_line", "end_column", "rule", "severity", "message")


class Diagnostic(msgspec.Struct, frozen=True, order=True, gc=False):
    """A located finding, ordered by (path, line, column, code).

    A msgspec struct rather than a dataclass: built about 15x faster, compared in
    C, encoded as the JSON object of its fields (the ``json`` formats, the result
    cache: see ``fmlint.file_result``) and decoded from it in C, and never
    tracked by the garbage collector (it holds no containers).
    """

    path: str
    line: int
    column: int
    code: str
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    fix: DiagnosticFix | None = None

    def __lt__(self, other: Diagnostic) -> bool:  # type: ignore[misc]  # overrides msgspec's, on purpose
        """Ordered by the fields before ``fix``: msgspec compares the last field of equal structs with ``<``,
        which ``None`` does not support (sorting is what orders; the other comparisons stay msgspec's)."""
        return ORDER(self) < ORDER(other)

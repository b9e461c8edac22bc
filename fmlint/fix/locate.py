"""Fix edits between character offsets and 1-based lines and columns (both ways, exactly)."""

from __future__ import annotations

from fmlint.document import Document
from fmlint.fix.model import DiagnosticFix, Edit, Fix, FixEdit
from fmlint.positions import Span


def located_fix(doc: Document, fix: Fix) -> DiagnosticFix:
    """``fix`` with each edit located by line and column, as the diagnostic is."""
    positions = [(doc.lines.position(Span(edit.start, edit.end)), edit.content) for edit in fix.edits]
    edits = tuple(FixEdit(p.line, p.column, p.end_line, p.end_column, content) for p, content in positions)
    return DiagnosticFix(fix.applicability, fix.message, edits)


def offset_edits(doc: Document, fix: DiagnosticFix) -> tuple[Edit, ...]:
    """The edits of a located fix as offsets into ``doc.text`` again (the text it was located in)."""
    lines = doc.lines
    return tuple(
        Edit(lines.offset_at(e.line, e.column), lines.offset_at(e.end_line, e.end_column), e.content) for e in fix.edits
    )

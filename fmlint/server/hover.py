"""Hover: a front-matter key's schema, the rules of the findings under the cursor, a suppression's codes.

Reads the document as fmlint reads it (``TextBuffer.document``); offsets
become LSP positions only through the buffer.
"""

from __future__ import annotations

import re

from lsprotocol import types

from fmlint.config.settings import Settings
from fmlint.frontmatter import parse_front_matter
from fmlint.regex import lazy_pattern
from fmlint.rule_docs import render
from fmlint.rules import RULES_BY_CODE, find_rule
from fmlint.server.cursor import in_front_matter, key_at
from fmlint.server.diagnostics import Outcome
from fmlint.server.schema_docs import markdown
from fmlint.server.schema_nav import node_at, schema_root
from fmlint.server.text import TextBuffer

_DIRECTIVE = lazy_pattern(
    r"fmlint-(?:disable-next-line|disable-line|disable|enable)(?![\w-])(?P<codes>[^\n>#]*?)\s*(?:-->|$)", re.M
)


def hover(
    buffer: TextBuffer,
    settings: Settings | None,
    outcome: Outcome | None,
    position: types.Position,
    markup: types.MarkupKind = types.MarkupKind.Markdown,
) -> types.Hover | None:
    """The key's schema, the rules of the diagnostics here, and the codes of a suppression comment here."""
    cursor = buffer.offset(position)  # in the editor's text; fmlint's (no BOM) below
    offset = buffer.to_fmlint(cursor)
    sections: list[str] = []
    where: types.Range | None = None
    doc = buffer.document
    root = schema_root(settings)
    if root is not None and in_front_matter(doc, offset) and (front_matter := parse_front_matter(doc)):
        path = key_at(front_matter, offset)
        node = node_at(root, path) if path else None
        if path and node is not None:
            sections.append(markdown(str(path[-1]), node))
            key = front_matter.locations[path].key
            assert key is not None
            where = buffer.range(buffer.from_fmlint(key.start), buffer.from_fmlint(key.end))
    if outcome is not None and outcome.buffer.version == buffer.version:
        codes = {d.code for d in outcome.found if _covers(buffer.diagnostic_range(d), position)}
        sections += [render(RULES_BY_CODE[code]) for code in sorted(codes)]
    for directive in _DIRECTIVE.finditer(buffer.text, buffer.line_start(cursor), buffer.line_end(cursor)):
        if directive.start() <= cursor <= directive.end():
            sections.append(_directive_codes(directive.group("codes")))
    if not sections:
        return None
    return types.Hover(types.MarkupContent(markup, "\n\n---\n\n".join(sections)), where)


def _covers(span: types.Range, position: types.Position) -> bool:
    start, end = (span.start.line, span.start.character), (span.end.line, span.end.character)
    return start <= (position.line, position.character) <= end


def _directive_codes(text: str) -> str:
    tokens = [token for token in re.split(r"[\s,]+", text) if token]
    if not tokens:
        return "Every rule"
    lines = []
    for token in tokens:
        rule = find_rule(token)
        lines.append(f"- `{rule.code}` {rule.name}: {rule.summary}" if rule else f"- `{token}`: no such rule")
    return "\n".join(lines)

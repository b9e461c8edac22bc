"""Hover, completion and go-to-definition in front matter, from the file's schema.

All three read the document as fmlint reads it (``TextBuffer.document``) and
the schema its settings name; offsets are converted to LSP positions only
through the buffer.
"""

from __future__ import annotations

import re

from lsprotocol import types

from fmlint.config.settings import Settings
from fmlint.frontmatter import parse_front_matter
from fmlint.rule_docs import render
from fmlint.rules import RULES_BY_CODE, find_rule
from fmlint.server.cursor import in_front_matter, key_at, slot_at
from fmlint.server.diagnostics import Outcome
from fmlint.server.schema_docs import key_text, markdown, type_label, values, written
from fmlint.server.schema_nav import SchemaNode, key_location, node_at, properties, root_node
from fmlint.server.text import TextBuffer

_DIRECTIVE = re.compile(
    r"fmlint-(?:disable-next-line|disable-line|disable|enable)(?![\w-])(?P<codes>[^\n>#]*?)\s*(?:-->|$)", re.M
)


def _root(settings: Settings | None) -> SchemaNode | None:
    return root_node(settings.schema) if settings is not None and settings.schema is not None else None


def hover(
    buffer: TextBuffer,
    settings: Settings | None,
    outcome: Outcome | None,
    position: types.Position,
    markup: types.MarkupKind = types.MarkupKind.Markdown,
) -> types.Hover | None:
    """The key's schema, the rules of the diagnostics here, and the codes of a suppression comment here."""
    offset = buffer.to_fmlint(buffer.offset(position))
    sections: list[str] = []
    where: types.Range | None = None
    doc = buffer.document
    root = _root(settings)
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
    line_start = doc.text.rfind("\n", 0, offset) + 1
    for directive in _DIRECTIVE.finditer(doc.text, line_start, buffer.line_end(offset)):
        if directive.start() <= offset <= directive.end():
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


def completion(
    buffer: TextBuffer,
    settings: Settings | None,
    position: types.Position,
    markup: types.MarkupKind | None = types.MarkupKind.Markdown,
) -> list[types.CompletionItem]:
    """The keys the schema allows here that are not present yet, or the values of the key being written
    (documented in ``markup``; ``None``: a plain string, for a client that names no format)."""
    root = _root(settings)
    slot = slot_at(buffer.document, buffer.to_fmlint(buffer.offset(position)))
    if root is None or slot is None:
        return []
    replaced = buffer.range(buffer.from_fmlint(slot.typed.start), buffer.from_fmlint(slot.typed.end))
    if slot.key is not None:
        node = node_at(root, (*slot.parent, slot.key))
        if node is None:
            return []
        return [
            types.CompletionItem(
                label=written(value, slot.kind),
                kind=types.CompletionItemKind.Value,
                text_edit=types.TextEdit(replaced, written(value, slot.kind)),
            )
            for value in values(node)
        ]
    parent = node_at(root, slot.parent)
    if parent is None:
        return []
    items = []
    for name, node in properties(parent).items():
        if name in slot.present:
            continue
        insert = key_text(name, slot.kind)
        items.append(
            types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Property,
                detail=type_label(node) or None,
                documentation=types.MarkupContent(markup, markdown(name, node)) if markup else markdown(name, node),
                filter_text=insert.rstrip(": ="),
                text_edit=types.TextEdit(replaced, insert),
            )
        )
    return items


def definition(buffer: TextBuffer, settings: Settings | None, position: types.Position) -> types.Location | None:
    """Where the schema defines the front-matter key under the cursor."""
    root = _root(settings)
    doc = buffer.document
    offset = buffer.to_fmlint(buffer.offset(position))
    if root is None or not in_front_matter(doc, offset) or (front_matter := parse_front_matter(doc)) is None:
        return None
    path = key_at(front_matter, offset)
    node = node_at(root, path) if path else None
    found = key_location(node) if node is not None else None
    if node is None or found is None:
        return None
    text, span = found
    schema = TextBuffer(node.file.as_uri(), str(node.file), text, None, buffer.encoding)
    return types.Location(node.file.as_uri(), schema.range(span.start, span.end))

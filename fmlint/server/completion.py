"""Completion in front matter: the keys the schema allows where the cursor is, and the values of a key.

Works the same in YAML, TOML and JSON front matter (see ``fmlint.server.cursor``
for how the place is found while the front matter does not parse).
"""

from __future__ import annotations

from lsprotocol import types

from fmlint.config.settings import Settings
from fmlint.server.cursor import slot_at
from fmlint.server.schema_docs import key_text, markdown, type_label, values, written
from fmlint.server.schema_nav import node_at, properties, schema_root
from fmlint.server.text import TextBuffer


def completion(
    buffer: TextBuffer,
    settings: Settings | None,
    position: types.Position,
    markup: types.MarkupKind | None = types.MarkupKind.Markdown,
) -> list[types.CompletionItem]:
    """The keys the schema allows here that are not present yet, or the values of the key being written
    (documented in ``markup``; ``None``: a plain string, for a client that names no format)."""
    root = schema_root(settings)
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

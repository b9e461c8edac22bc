"""Go to definition: from a front-matter key to the place in the schema file that defines it."""

from __future__ import annotations

from lsprotocol import types

from fmlint.config.settings import Settings
from fmlint.frontmatter import parse_front_matter
from fmlint.server.cursor import in_front_matter, key_at
from fmlint.server.schema_nav import key_location, node_at, schema_root
from fmlint.server.text import TextBuffer


def definition(buffer: TextBuffer, settings: Settings | None, position: types.Position) -> types.Location | None:
    """Where the schema defines the front-matter key under the cursor."""
    root = schema_root(settings)
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

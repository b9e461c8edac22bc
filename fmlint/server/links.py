"""Go to definition from a link: the file of the page a reference of the site leads to (a ``ref``, a link to a
``.md`` file or to a page's URL), at the heading its ``#fragment`` names — as the site rules resolve it, over
the index a site pass of the document builds (the part of the site it depends on, from the workspace's cache)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lsprotocol import types

from fmlint.linter import context, read_path
from fmlint.rules.base import Context
from fmlint.server.configuration import Configuration
from fmlint.server.diagnostics import Outcome
from fmlint.server.text import TextBuffer


def link_location(
    outcome: Outcome, configuration: Configuration, position: types.Position, open_buffers: Mapping[str, TextBuffer]
) -> types.Location | None:
    """Where the reference under the cursor leads (``open_buffers``: the open documents by absolute path, whose
    text is read instead of the file's); ``None`` outside a reference, or for one that leads to no page."""
    from fmlint.site.sitepass import page_index
    from fmlint.site.targets import reference_at, target_of

    buffer, own = outcome.buffer, outcome.own
    if own is None or own.facts is None:
        return None
    reference = reference_at(own.facts, buffer.to_fmlint(buffer.offset(position)))
    found = page_index(own, configuration.settings_for, configuration.cache) if reference is not None else None
    if reference is None or found is None:
        return None

    read: dict[str, TextBuffer] = {}  # the files read for their headings, as buffers (to count the client's units)

    def parsed(path: str) -> Context | None:
        settings = configuration.settings_for(path)
        shown = open_buffers.get(path)
        document = shown.document if shown is not None else read_path(path, settings.max_file_size)
        if shown is None and document.readable:
            read[path] = TextBuffer(Path(path).as_uri(), path, document.text, None, buffer.encoding)
        return context(document, settings)[0] if document.readable else None

    target = target_of(*found, reference, parsed)
    if target is None:
        return None
    shown = open_buffers.get(target.path) or read.get(target.path)
    if shown is None or target.span is None:
        return types.Location(Path(target.path).as_uri(), types.Range(types.Position(0, 0), types.Position(0, 0)))
    start, end = shown.from_fmlint(target.span.start), shown.from_fmlint(target.span.end)
    return types.Location(shown.uri, shown.range(start, end))

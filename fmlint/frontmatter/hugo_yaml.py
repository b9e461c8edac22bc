"""Valid YAML that Hugo 0.152 and later cannot read.

Hugo 0.152 replaced its YAML library (go-yaml) with goccy/go-yaml, which
fails on an empty block scalar (``|`` or ``>``, nothing in it) that ends a list
item when a blank line follows it before the next item, at the next item's line
("value is not allowed in this context"), where the list is indented under its
key or, written at its key's column, its next item has more than one key.
PyYAML, go-yaml and fmlint read it.  3mdeb's website writes ``additional_info:
|`` and a blank line between its events (it pins Hugo 0.111); each case of
tests/test_hugo_yaml.py is run through Hugo 0.168.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from fmlint.frontmatter.model import FrontMatter, JsonPath
from fmlint.positions import LineIndex, Span
from fmlint.regex import lazy_pattern

GOCCY_YAML = (0, 152)  # the Hugo version that reads YAML with goccy/go-yaml
_EMPTY_BLOCK = lazy_pattern(r"([|>][1-9+-]{0,2})[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*\r?\n)+[ \t]*\Z")


class Unreadable(NamedTuple):
    indicator: Span  # the empty block scalar's `|` or `>` with its indicators
    stop: int  # the offset of the next item's dash, on the line Hugo's parser fails at
    empty: bool  # whether the scalar's value is the empty string (not `|+`'s line break)


def unreadable_block_scalars(fm: FrontMatter, lines: LineIndex) -> Iterator[Unreadable]:
    """Each empty block scalar of ``fm`` (YAML read from the text of ``lines``) that Hugo's parser fails on."""
    text = lines.text
    if not isinstance(fm.data, dict):  # (unreadable, or read no further: nested too deep, FM004)
        return
    for path, located in fm.locations.items():
        if not path or not isinstance(path[-1], int) or located.key is not None:
            continue
        following = fm.locations.get((*path[:-1], path[-1] + 1))
        holder = fm.locations.get(path[:-1])
        if following is None or holder is None or holder.key is None:
            continue  # (a last item, or a list in a list)
        item = _at(fm.data, path)
        last = (*path, next(reversed(item))) if isinstance(item, dict) and item else path
        value = fm.locations.get(last) if last != path else located
        block = _EMPTY_BLOCK.match(text, value.value.start, value.value.end) if value is not None else None
        if value is None or block is None:
            continue
        line_start = lines.line_start(lines.line_of(following.value.start))
        indent = text[line_start : following.value.start]  # (up to the next item's value: its dash in it)
        dash = line_start + len(indent) - len(indent.lstrip(" "))
        if text[dash] != "-":
            continue
        column = dash - line_start
        key_column = holder.key.start - lines.line_start(lines.line_of(holder.key.start))
        if column < key_column:
            continue
        if column == key_column:  # (written at its key's column: the parser fails only on a next item of 2 keys)
            following_item = _at(fm.data, (*path[:-1], path[-1] + 1))
            if not isinstance(following_item, dict) or len(following_item) < 2:
                continue
        yield Unreadable(Span(block.start(1), block.end(1)), dash, _at(fm.data, last) == "")


def _at(data: Any, path: JsonPath) -> Any:
    """The value at ``path`` (``None`` where the data holds none: a location of what was not read)."""
    for part in path:
        try:
            data = data[part]
        except (LookupError, TypeError):
            return None
    return data

"""Where the cursor is in the front matter: on which key, or in which object and typing what.

Offsets here are fmlint's (into ``Document.text``).  The key under the cursor
comes from the loaders' span index.  While a key is being typed the front
matter rarely parses, so the typed word is blanked out (spaces keep every
other offset) and the rest is parsed with the same loaders: the keys already
present come from that span index, and the object the cursor is in from the
indentation (YAML), the last table header (TOML) or the open braces (JSON).
"""

from __future__ import annotations

import json
import re

import msgspec

from fmlint.document import Document, read_document
from fmlint.frontmatter import FrontMatter, JsonPath, parse_front_matter
from fmlint.positions import Span, line_start
from fmlint.regex import lazy_pattern
from fmlint.server.schema_nav import value_at

# what is typed at the end of the text before the cursor, by front-matter kind
_KEY_TYPED = {
    "yaml": re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)(?P<typed>[\w.-]*)$"),  # the indent takes list dashes in
    "toml": re.compile(r"^[ \t]*(?P<typed>[\w-]*)$"),
    "json": re.compile(r"(?:^|[{,])\s*(?P<typed>\"?[\w.-]*)$"),
}
_VALUE_TYPED = {
    "yaml": re.compile(
        r"^(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[\w.-]+|\"[^\"]*\"|'[^']*')[ \t]*:[ \t]+(?P<typed>[^\s#,\[\]{}]*)$"
    ),
    "toml": re.compile(r"^[ \t]*(?P<key>[\w-]+|\"[^\"]*\")[ \t]*=[ \t]*(?P<typed>[^\s#,\[\]{}]*)$"),
    "json": re.compile(r"(?P<key>\"(?:[^\"\\]|\\.)*\")\s*:\s*(?P<typed>[^\s,\[\]{}]*)$"),
}
_TOML_HEADER = lazy_pattern(
    r"^[ \t]*\[(?P<array>\[?)[ \t]*(?P<name>[^\]\n]+?)[ \t]*\]\]?[ \t]*(?:#.*)?\r?$", re.MULTILINE
)
_TOML_KEY_PART = lazy_pattern(r"\"([^\"]*)\"|'([^']*)'|([^.\s\"']+)")
_JSON_TOKEN = lazy_pattern(r"\"(?:[^\"\\]|\\.)*\"|[{}\[\]:,]")


class Slot(msgspec.Struct, frozen=True):
    """A place where completion can offer something: a key of ``parent``, or the value of ``key`` in it."""

    kind: str  # yaml, toml or json
    parent: JsonPath
    key: str | None  # None: a key is being typed
    typed: Span  # what the completion replaces
    present: frozenset[str]  # keys ``parent`` already has


def key_at(front_matter: FrontMatter, offset: int) -> JsonPath | None:
    """The path of the (deepest) key whose text holds ``offset``."""
    best: JsonPath | None = None
    for path, located in front_matter.locations.items():
        key = located.key
        on_key = key is not None and key.start <= offset <= key.end and isinstance(path[-1], str)
        if on_key and (best is None or len(path) > len(best)):
            best = path
    return best


def in_front_matter(doc: Document, offset: int) -> bool:
    return doc.front_matter is not None and doc.front_matter.start <= offset <= doc.front_matter.end


def slot_at(doc: Document, offset: int) -> Slot | None:
    """What completion at ``offset`` would fill in, if the cursor is somewhere it can."""
    if doc.kind is None or not in_front_matter(doc, offset):
        return None
    kind = doc.kind
    text = doc.text
    before = text[line_start(text, offset) : offset]
    value = _VALUE_TYPED[kind].search(before)
    match = value or _KEY_TYPED[kind].search(before)
    if match is None:
        return None
    typed = Span(offset - len(match.group("typed")), offset)
    if kind == "json" and not value and text.startswith('"', offset) and match.group("typed").startswith('"'):
        typed = Span(typed.start, offset + 1)  # the closing quote an editor typed along
    rest = _parsed(doc, typed)
    parent = _parent(kind, doc, rest, typed.start, len(match.group("indent")) if kind == "yaml" else 0)
    if parent is None:
        return None
    present = frozenset(
        str(path[-1]) for path in rest.locations if len(path) == len(parent) + 1 and path[: len(parent)] == parent
    )
    key = _unquote(value.group("key")) if value else None
    return Slot(kind, parent, key, typed, present)


def _unquote(key: str) -> str:
    if key[:1] == '"':
        try:
            return str(json.loads(key))
        except ValueError:
            return key.strip('"')
    return key.strip("'")


def _parsed(doc: Document, blank: Span) -> FrontMatter:
    """The front matter with ``blank`` turned into spaces (every other offset unchanged)."""
    text = doc.text[: blank.start] + " " * (blank.end - blank.start) + doc.text[blank.end :]
    return parse_front_matter(read_document(doc.path, text.encode("utf-8", "surrogatepass"))) or FrontMatter(
        doc.kind or "", doc.opening
    )


def _parent(kind: str, doc: Document, rest: FrontMatter, offset: int, indent: int) -> JsonPath | None:
    if kind == "yaml":
        return _yaml_parent(doc.text, rest, offset, indent)
    if kind == "toml":
        return _toml_parent(doc, rest, offset)
    return _json_parent(doc, offset)


def _yaml_parent(text: str, rest: FrontMatter, offset: int, indent: int) -> JsonPath | None:
    """The nearest key above the cursor that is indented less than it (the root when none is), or the item
    of its list that the cursor is in."""
    start = line_start(text, offset)
    best: tuple[int, JsonPath] | None = None
    for path, located in rest.locations.items():
        key = located.key
        if key is None or key.start >= start:
            continue
        column = key.start - line_start(text, key.start)
        if column < indent and (best is None or key.start > best[0]):
            best = (key.start, path)
    if best is None:
        return ()
    path = best[1]
    value = value_at(rest.data, path)
    if isinstance(value, list):  # the item the cursor is in: the last one starting before it
        starts = {item: located.value.start for item, located in rest.locations.items() if item[:-1] == path != item}
        before = [item for item, start in starts.items() if start <= offset]
        if not before:
            return None
        path = max(before, key=starts.__getitem__)
        value = value_at(rest.data, path)
    return path if value is None or isinstance(value, dict) else None


def _toml_parent(doc: Document, rest: FrontMatter, offset: int) -> JsonPath | None:
    """The table of the last ``[header]`` above the cursor (an array table's last element)."""
    assert doc.front_matter is not None
    headers = list(_TOML_HEADER.finditer(doc.text, doc.front_matter.start, offset))
    if not headers:
        return ()
    header = headers[-1]
    path: JsonPath = tuple(next(p for p in part if p) for part in _TOML_KEY_PART.findall(header.group("name")))
    if header.group("array"):
        items = value_at(rest.data, path)
        return (*path, len(items) - 1) if isinstance(items, list) and items else None
    return path


def _json_parent(doc: Document, offset: int) -> JsonPath | None:
    """The path of the innermost open object before ``offset`` (``None`` inside an array)."""
    assert doc.front_matter is not None
    path: list[str | int] = []
    open_kinds: list[str] = []
    items: list[int] = []
    last_string: str | None = None
    key: str | None = None
    for token in _JSON_TOKEN.finditer(doc.text, doc.front_matter.start, offset):
        mark = token.group()
        if mark[0] == '"':
            last_string = _unquote(mark)
        elif mark == ":":
            key = last_string
        elif mark in "{[":
            if open_kinds:
                path.append(items[-1] if open_kinds[-1] == "[" else key or "")
            open_kinds.append(mark)
            items.append(0)
        elif mark in "}]":
            if not open_kinds:
                return None
            open_kinds.pop()
            items.pop()
            if open_kinds:
                path.pop()
        elif mark == "," and open_kinds and open_kinds[-1] == "[":
            items[-1] += 1
    return tuple(path) if open_kinds and open_kinds[-1] == "{" else None

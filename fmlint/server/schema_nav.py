"""Finding one front-matter key's part of the schema, and where that part is written.

:func:`node_at` walks a schema along a front-matter path (``properties``,
``items``, ``additionalProperties``, through ``$ref``s inside the schema or to
files beside it, and the branches of ``allOf``/``anyOf``/``oneOf``), keeping
the JSON path of every part in its file; :func:`key_location` finds that path
in the schema file with fmlint's own JSON front-matter loader, whose span index
gives the exact place of every key.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import msgspec

from fmlint.config.settings import Settings
from fmlint.document import read_document
from fmlint.frontmatter import JsonPath, Located, parse_front_matter
from fmlint.positions import Span

_MAX_REFS = 32
_BRANCHES = ("allOf", "anyOf", "oneOf")


class SchemaNode(msgspec.Struct, frozen=True):
    """A subschema, the file it is in and its JSON path there."""

    schema: dict[str, Any]
    file: Path
    pointer: JsonPath

    def child(self, *parts: str | int) -> SchemaNode | None:
        value = value_at(self.schema, parts)
        return SchemaNode(value, self.file, (*self.pointer, *parts)) if isinstance(value, dict) else None


def value_at(data: Any, path: JsonPath) -> Any:
    """The value at ``path`` inside JSON-like ``data`` (``None`` when there is none)."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def schema_root(settings: Settings | None) -> SchemaNode | None:
    """The whole schema of a file's settings (``None`` without one)."""
    schema = settings.schema if settings is not None else None
    return SchemaNode(schema.contents, schema.path, ()) if schema and isinstance(schema.contents, dict) else None


@lru_cache(maxsize=32)
def _load(file: Path, mtime: float) -> Any:
    try:
        return json.loads(file.read_bytes())
    except (OSError, ValueError):
        return None


def _file_contents(file: Path) -> Any:
    try:
        return _load(file, file.stat().st_mtime)
    except OSError:
        return None


def resolve(node: SchemaNode) -> SchemaNode:
    """Follow ``$ref`` (a JSON pointer, in the same file or a local one beside it) to what it names."""
    for _ in range(_MAX_REFS):
        ref = node.schema.get("$ref")
        if not isinstance(ref, str):
            return node
        target = _dereference(node, ref)
        if target is None:
            return node
        node = target
    return node


def _dereference(node: SchemaNode, ref: str) -> SchemaNode | None:
    parts = urlsplit(ref)
    if parts.scheme not in ("", "file"):
        return None  # remote: never fetched
    file = (node.file.parent / unquote(parts.path)).resolve() if parts.path else node.file
    contents = _file_contents(file)
    if not isinstance(contents, dict):
        return None
    path: list[str | int] = []
    value: Any = contents
    for raw in unquote(parts.fragment).split("/")[1:] if parts.fragment else []:
        part: str | int = _unescape(raw)
        if isinstance(value, list) and raw.isdigit():
            part = int(raw)
            value = value[part] if part < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
        path.append(part)
    return SchemaNode(contents, file, ()).child(*path)


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _alternatives(node: SchemaNode) -> list[SchemaNode]:
    """``node`` (resolved) and, recursively, the branches of its ``allOf``/``anyOf``/``oneOf``."""
    node = resolve(node)
    found = [node]
    for keyword in _BRANCHES:
        branches = node.schema.get(keyword)
        if isinstance(branches, list):
            for index in range(len(branches)):
                branch = node.child(keyword, index)
                if branch is not None:
                    found += _alternatives(branch)
    return found


def properties(node: SchemaNode) -> dict[str, SchemaNode]:
    """The keys an object at ``node`` may have, each with its subschema (first definition wins)."""
    found: dict[str, SchemaNode] = {}
    for alternative in _alternatives(node):
        names = alternative.schema.get("properties")
        if isinstance(names, dict):
            for name in names:
                child = alternative.child("properties", name)
                if child is not None:
                    found.setdefault(name, child)
    return found


def child(node: SchemaNode, part: str | int) -> SchemaNode | None:
    """The subschema of the key or item ``part`` of a value at ``node``."""
    if isinstance(part, str):
        if part in (named := properties(node)):
            return named[part]
        keyword = "additionalProperties"
    else:
        keyword = "items"
    for alternative in _alternatives(node):
        found = alternative.child(keyword)
        if found is not None:
            return found
    return None


def node_at(root: SchemaNode, path: JsonPath) -> SchemaNode | None:
    node: SchemaNode | None = root
    for part in path:
        if node is None:
            return None
        node = child(node, part)
    return node


def describe(node: SchemaNode) -> dict[str, Any]:
    """``title``, ``description``, ``type``, ``enum`` and ``const`` of a key's schema (its own words first)."""
    merged: dict[str, Any] = {}
    for alternative in [node, *_alternatives(node)]:
        for keyword in ("title", "description", "type", "enum", "const", "format"):
            if keyword in alternative.schema and keyword not in merged:
                merged[keyword] = alternative.schema[keyword]
    return merged


@lru_cache(maxsize=16)
def _indexed(file: Path, mtime: float) -> tuple[str, int, dict[JsonPath, Located]] | None:
    """The schema file's text, and the span of every key (its JSON read as JSON front matter)."""
    try:
        text = file.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:
        return None
    body = text.lstrip()
    front_matter = parse_front_matter(read_document(str(file), body.encode("utf-8")))
    if front_matter is None:
        return None
    return text, len(text) - len(body), front_matter.locations


def key_location(node: SchemaNode) -> tuple[str, Span] | None:
    """The text of ``node``'s file and the span of the key that holds ``node`` (the value's, for the root)."""
    try:
        indexed = _indexed(node.file, node.file.stat().st_mtime)
    except OSError:
        return None
    if indexed is None:
        return None
    text, lead, locations = indexed
    located = locations.get(node.pointer)
    if located is None:
        return None
    return text, (located.key or located.value).shifted(lead)

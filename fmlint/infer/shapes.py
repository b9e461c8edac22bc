"""Shapes shared by several keys become one ``$defs`` entry that each of them ``$ref``s.

A mapping learned at two or more places with the same structure (the same
properties, types, formats and required keys: annotations aside) is written
once, under the name of the first key that has it; each place keeps its own
``description``, ``examples`` and ``$comment``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

ANNOTATIONS = frozenset({"description", "examples", "$comment"})


def structure(node: Any) -> Any:
    """``node`` without annotations, at every depth (what two shapes must share)."""
    if isinstance(node, dict):
        return {key: structure(value) for key, value in node.items() if key not in ANNOTATIONS}
    if isinstance(node, list):
        return [structure(item) for item in node]
    return node


def _mapping_properties(node: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, its schema) for every property, at every depth, whose schema is a mapping with properties."""
    if not isinstance(node, dict):
        return
    for key, child in node.get("properties", {}).items():
        if isinstance(child, dict) and child.get("type") == "object" and len(child.get("properties", {})) >= 2:
            yield key, child
        yield from _mapping_properties(child)
    for branch in node.get("anyOf", []):
        yield from _mapping_properties(branch)
    yield from _mapping_properties(node.get("items"))


def share_shapes(schema: dict[str, Any]) -> None:
    """Move every mapping shape found at two or more places into ``schema["$defs"]`` (in place)."""
    places: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, node in _mapping_properties(schema):
        places.setdefault(json.dumps(structure(node), sort_keys=True), []).append((key, node))
    definitions = schema.setdefault("$defs", {})
    for found in places.values():
        if len(found) < 2:
            continue
        name = found[0][0]
        while name in definitions:
            name += "_"
        definitions[name] = structure(found[0][1])
        for _, node in found:
            kept = {key: value for key, value in node.items() if key in ANNOTATIONS}
            node.clear()
            node.update({"description": kept.pop("description", ""), "$ref": f"#/$defs/{name}", **kept})
    if not definitions:
        del schema["$defs"]

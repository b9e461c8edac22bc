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
    for found in places.values():
        if len(found) >= 2:
            _define(schema, found[0][0], [node for _, node in found])


def share_across(schemas: dict[str, dict[str, Any]]) -> None:
    """Each top-level property that several of ``schemas`` (by section) learned alike goes to their ``$defs``.

    Only shapes with more to them than a bare type (a format, a choice, a
    mapping): the definition says which sections share it, and each schema
    stays self-contained (one that loaded another file would not be
    pre-screened natively, which would slow every lint run).
    """
    alike: dict[tuple[str, str], list[str]] = {}
    for section, schema in schemas.items():
        for key, node in schema.get("properties", {}).items():
            shape = structure(node)
            if len(shape) > 1 and "$ref" not in shape:
                alike.setdefault((key, json.dumps(shape, sort_keys=True)), []).append(section)
    for (key, _), sections in alike.items():
        if len(sections) >= 2:
            for section in sections:
                node = schemas[section]["properties"][key]
                _define(schemas[section], key, [node], f"Learned alike in sections {', '.join(sections)}.")


def _define(schema: dict[str, Any], name: str, nodes: list[dict[str, Any]], comment: str | None = None) -> None:
    """Put the structure of ``nodes`` (all alike) in ``schema["$defs"]`` and make each ``$ref`` it, keeping its annotations."""
    definitions = schema.setdefault("$defs", {})
    while name in definitions:
        name += "_"
    definitions[name] = {**({"$comment": comment} if comment else {}), **structure(nodes[0])}
    for node in nodes:
        kept = {key: value for key, value in node.items() if key in ANNOTATIONS}
        node.clear()
        node.update({"description": kept.pop("description", ""), "$ref": f"#/$defs/{name}", **kept})

"""Keys an open schema lets through although they are a misspelling of a key it defines (SC006).

A schema that allows unknown keys (no ``additionalProperties: false``: the
Jekyll, Astro, Docusaurus and MkDocs presets' schemas, and what ``fmlint
schema infer`` writes without ``--closed``) accepts ``last_modifed_at`` as a
new key, and the generator silently ignores it.  A key that is not defined,
while a defined key one or two edits away (one for keys of four characters or
fewer; case, ``-`` and ``_`` do not count) is absent from the same mapping, is
almost certainly that key misspelt — unless its value is of a type the
defined key does not take (Hugo's documentation marks glossary entries with
`alias: true`, a flag of its own, not a misspelt list of `aliases`).

The walk follows ``properties``, ``items`` and ``allOf`` and local ``$ref``s;
``anyOf``/``oneOf`` branches are not guessed at.  It goes only where an open
object can be reached: a closed schema's keys are not walked at all (which
parts can reach one is worked out once per schema, see :class:`_Reach`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from fmlint.diagnostics import Problem
from fmlint.frontmatter import FrontMatter
from fmlint.frontmatter.model import JsonPath, describe_path
from fmlint.schema.json_types import json_type
from fmlint.schema.properties import undefined_keys
from fmlint.spelling import edit_distance

CODE = "SC006"
_MAX_REFS = 32  # a $ref chain longer than this is a loop


def near_miss_problems(root: Any, data: Any, fm: FrontMatter) -> Iterator[Problem]:
    """SC006, at the key, for every near-miss key of ``data`` under the schema ``root``."""
    for path, near in near_misses(root, data):
        message = f"unknown key `{describe_path(path)}` looks like a misspelling of `{near}`, which the schema defines"
        yield Problem(CODE, message, fm.key_span(path))


def near_misses(root: Any, data: Any) -> Iterator[tuple[JsonPath, str]]:
    """(path of the key, the defined key it misspells) for every near-miss key of ``data``."""
    reach = _Reach.of(root)
    if reach.opens(root):
        yield from _walk(reach, root, data, ())


def _walk(reach: _Reach, node: Any, value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    root = reach.root
    node = _resolved(root, node)
    if not isinstance(node, dict):
        return
    for branch in node.get("allOf", ()):
        if reach.opens(branch):
            yield from _walk(reach, branch, value, path)
    if isinstance(value, list) and isinstance(node.get("items"), dict) and reach.opens(node["items"]):
        for index, item in enumerate(value):
            yield from _walk(reach, node["items"], item, (*path, index))
    properties = node.get("properties")
    if not isinstance(value, dict) or not isinstance(properties, dict):
        return
    if node.get("additionalProperties") is not False and node.get("unevaluatedProperties") is not False:
        absent = [name for name in properties if name not in value]
        for key in undefined_keys(node, value):
            if not isinstance(key, str):
                continue
            near = closest(key, [name for name in absent if _type_fits(value[key], _resolved(root, properties[name]))])
            if near is not None:
                yield (*path, key), near
    for name, child in reach.open_properties(node):
        if name in value:
            yield from _walk(reach, child, value[name], (*path, name))


class _Reach:
    """Which nodes of one schema lead the walk to an open object with ``properties`` (worked out once each)."""

    _known: ClassVar[dict[int, _Reach]] = {}  # by id(root); each holds its root, so no id is reused while it is here

    def __init__(self, root: Any) -> None:
        self.root = root
        self._opens: dict[int, bool] = {}
        self._properties: dict[int, list[tuple[str, Any]]] = {}

    @classmethod
    def of(cls, root: Any) -> _Reach:
        reach = cls._known.get(id(root))
        if reach is None or reach.root is not root:
            if len(cls._known) >= 64:  # a long-lived process (the language server) reloading schemas
                cls._known.clear()
            reach = cls._known[id(root)] = cls(root)
        return reach

    def opens(self, node: Any) -> bool:
        """Whether the walk from ``node`` can reach an open object."""
        known = self._opens.get(id(node))
        if known is None:
            known = self._opens[id(node)] = self._search(node, set())
        return known

    def open_properties(self, node: dict[str, Any]) -> list[tuple[str, Any]]:
        """The (name, schema) of ``node``'s properties from which the walk can reach an open object."""
        found = self._properties.get(id(node))
        if found is None:
            properties = node.get("properties")
            found = [(n, c) for n, c in properties.items() if self.opens(c)] if isinstance(properties, dict) else []
            self._properties[id(node)] = found
        return found

    def _search(self, node: Any, seen: set[int]) -> bool:
        node = _resolved(self.root, node)
        if not isinstance(node, dict) or id(node) in seen:  # a $ref loop reaches nothing new
            return False
        seen.add(id(node))
        properties = node.get("properties")
        if isinstance(properties, dict):
            if node.get("additionalProperties") is not False and node.get("unevaluatedProperties") is not False:
                return True
            if any(self._search(child, seen) for child in properties.values()):
                return True
        items = node.get("items")
        children = [items] if isinstance(items, dict) else []
        return any(self._search(child, seen) for child in [*children, *node.get("allOf", ())])


def closest(key: str, names: list[str]) -> str | None:
    """The name ``key`` most likely misspells, or ``None`` (see the module docstring for the distance)."""
    allowed = 1 if len(key) <= 4 else 2
    folded = _folded(key)
    best: tuple[int, str] | None = None
    for name in names:
        distance = edit_distance(folded, _folded(name), allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, name)
    return None if best is None else best[1]


def _type_fits(value: Any, schema: Any) -> bool:
    """Whether ``value`` is of a JSON type ``schema`` names (true when it names none)."""
    expected = schema.get("type") if isinstance(schema, dict) else None
    if expected is None:
        return True
    names = {expected} if isinstance(expected, str) else set(expected)
    actual = json_type(value)
    return actual in names or (actual == "integer" and "number" in names)


def _folded(name: str) -> str:
    return name.lower().replace("-", "").replace("_", "")


def _resolved(root: Any, node: Any) -> Any:
    """``node`` with local ``$ref``s (``#/$defs/…``) followed; a remote one gives ``None``."""
    for _ in range(_MAX_REFS):
        reference = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(reference, str):
            return node
        if not reference.startswith("#"):
            return None
        node = root
        for escaped in filter(None, reference[1:].split("/")):
            part = escaped.replace("~1", "/").replace("~0", "~")
            node = node.get(part) if isinstance(node, dict) else None
    return None

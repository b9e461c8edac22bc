"""Statistics → a JSON Schema (draft 2020-12) meant to be read and edited by people.

The decisions, each a threshold of :class:`Thresholds` (the README explains
and measures them):

* **required** — a key present in ≥ 95 % of its mappings when there are ≥ 20,
  in all of them below that; keys with a leading ``_`` (Hugo's ``_build``) never,
  and those the preset's own schema requires (Hugo's ``title``) always;
* **types** — every type over 2 % of a path's values; a rarer type is an
  outlier (left out, so the schema reports it); two or more become ``anyOf``;
* **enums** — strings with ≥ 10 values, ≤ min(20, √n) distinct ones each seen
  twice, that are not titles, dates, URLs or prose, and whose random held-out
  20 % uses no value the other 80 % lacks;
* **taxonomies** — ``#/$defs/taxonomy``, a list of unique non-empty strings;
* **formats** — ``hugo-date`` (or RFC 3339 ``date``/``date-time`` outside Hugo),
  ``image-url``, ``uri`` when ≥ 95 % of the strings have the shape; a slug
  ``pattern`` for a ``slug`` key whose values all are slugs;
* **numbers** — type and sign, never the observed range;
* **objects** — recursed; ``additionalProperties: false`` only when closed;
  rare near-misses of common keys are forbidden (``{"not": {}}``) rather than learned;
  a shape found at two places is one ``$defs`` entry (``fmlint.infer.shapes``).
"""

from __future__ import annotations

import math
import random
import zlib
from typing import Any

import msgspec

from fmlint.infer.collect import ITEMS, PathStats, Site, describe
from fmlint.infer.shapes import share_shapes
from fmlint.infer.values import SLUG, Shape
from fmlint.spelling import likely_typos

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TAXONOMY = {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}
TAXONOMY_REF = "#/$defs/taxonomy"
# Keys whose values are never a fixed choice, whatever their statistics
_NOT_ENUM_WORDS = ("title", "name", "description", "summary", "date", "url", "link", "slug", "image", "id", "path")
_NOT_ENUM_SHAPES = Shape.HUGO_DATE | Shape.ABSOLUTE_URL | Shape.IMAGE | Shape.FREE_TEXT
_IMAGE_WORDS = ("image", "img", "thumbnail", "cover", "logo", "icon", "banner", "hero", "avatar", "photo", "picture")
_TYPE_ORDER = ("string", "integer", "number", "boolean", "array", "object", "null")


class Thresholds(msgspec.Struct, frozen=True):
    """The numbers behind every decision (options of ``fmlint schema infer``)."""

    required: float = 0.95
    required_min: int = 20  # below this many mappings a key must be in all of them
    outlier: float = 0.02
    typo_share: float = 0.01
    typo_distance: int = 2
    enum_min_values: int = 10
    enum_max_distinct: int = 20
    enum_holdout: float = 0.2
    format_share: float = 0.95
    closed: bool = False


class Conventions(msgspec.Struct, frozen=True):
    """What the generator says: its name (dates), taxonomies, image fields, and the keys its schema requires."""

    preset: str = "hugo"
    taxonomies: frozenset[str] = frozenset()
    image_fields: tuple[str, ...] = ()
    required: frozenset[str] = frozenset()  # top-level keys the preset's schema requires (always required)


class Notes(msgspec.Struct):
    """What was not learned because it looked like a mistake (for the report), or a close call."""

    # path of the rare key → common key; path → types left out; path → new values in the held-out part
    typos: dict[tuple[str | int, ...], str] = msgspec.field(default_factory=dict)
    outliers: dict[tuple[str | int, ...], tuple[str, ...]] = msgspec.field(default_factory=dict)
    not_enums: dict[tuple[str | int, ...], int] = msgspec.field(default_factory=dict)


def infer_schema(
    site: Site, thresholds: Thresholds, conventions: Conventions, title: str
) -> tuple[dict[str, Any], Notes]:
    """The schema of ``site`` and the notes on what it left out."""
    builder = _Builder(site, thresholds, conventions)
    root = builder.node(()) if () in site.paths else {"type": "object"}  # no file had front matter
    schema: dict[str, Any] = {"$schema": DRAFT, "title": title}
    schema["description"] = f"Inferred by `fmlint schema infer` from the front matter of {site.mappings} files."
    schema.update(root)
    if builder.uses_taxonomy:
        schema["$defs"] = {"taxonomy": dict(TAXONOMY)}
    share_shapes(schema)
    return schema, builder.notes


class _Builder:
    def __init__(self, site: Site, thresholds: Thresholds, conventions: Conventions) -> None:
        self.site, self.thresholds, self.conventions = site, thresholds, conventions
        self.notes = Notes()
        self.uses_taxonomy = False
        self.children: dict[tuple[str | int, ...], list[str]] = {}
        for path in site.paths:
            if path and isinstance(path[-1], str):
                self.children.setdefault(path[:-1], []).append(path[-1])

    def node(self, path: tuple[str | int, ...]) -> dict[str, Any]:
        """The schema of the values at ``path``, without annotations."""
        stats = self.site.paths[path]
        counts = dict(stats.types)
        if "integer" in counts and "number" in counts:
            counts["number"] += counts.pop("integer")
        limit = self.thresholds.outlier * stats.count
        kept = sorted((t for t, n in counts.items() if n > limit), key=lambda t: (-counts[t], _TYPE_ORDER.index(t)))
        left_out = tuple(sorted(t for t in counts if t not in kept))
        if left_out:
            self.notes.outliers[path] = left_out
        branches = [self._typed(path, stats, kind) for kind in kept]
        if len(branches) == 1:
            return branches[0]
        return {"anyOf": branches}

    def _typed(self, path: tuple[str | int, ...], stats: PathStats, kind: str) -> dict[str, Any]:
        if kind == "object":
            return self._object(path)
        if kind == "array":
            return self._array(path)
        if kind == "string":
            return self._string(path, stats)
        if kind in ("integer", "number"):
            return {"type": kind, **({"minimum": 0} if stats.negative == 0 else {})}
        return {"type": kind}

    def _object(self, path: tuple[str | int, ...]) -> dict[str, Any]:
        mappings = self.site.paths[path].types["object"]
        keys = self.children.get(path, [])
        counts = {key: self.site.paths[(*path, key)].count for key in keys}
        typos = likely_typos(counts, mappings, self.thresholds.typo_share, self.thresholds.typo_distance)
        learned = [key for key in keys if key not in typos]
        learned.sort(key=lambda key: (self.site.paths[(*path, key)].position / counts[key], -counts[key], key))
        properties = {key: self._property((*path, key), mappings) for key in learned}
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        for key in sorted(typos):
            self.notes.typos[(*path, key)] = typos[key]
            if not self.thresholds.closed:
                where = f"{counts[key]} of {mappings} {self._mappings_word(path)}"
                like = typos[key]
                why = (
                    f"spelled `{like}` everywhere else" if key.lower() == like.lower() else f"likely a typo of `{like}`"
                )
                properties[key] = {
                    "description": why,
                    "not": {},
                    "$comment": f"Forbidden: in {where} only, and close to `{typos[key]}`.",
                }
        required = [key for key in learned if self._required(path, key, counts[key], mappings)]
        if required:
            schema["required"] = required
        if self.thresholds.closed:
            schema["additionalProperties"] = False
        return schema

    def _required(self, path: tuple[str | int, ...], key: str, count: int, mappings: int) -> bool:
        if key.startswith("_"):
            return False
        if not path and key in self.conventions.required:
            return True
        if mappings < self.thresholds.required_min:
            return count == mappings
        return count >= self.thresholds.required * mappings

    def _property(self, path: tuple[str | int, ...], mappings: int) -> dict[str, Any]:
        stats = self.site.paths[path]
        share = 100 * stats.count / mappings
        annotated: dict[str, Any] = {
            "description": f"Present in {stats.count} of {mappings} {self._mappings_word(path[:-1])} ({share:.1f} %)"
        }
        annotated.update(self.node(path))
        examples = _examples(stats, self.notes.outliers.get(path, ()))
        if examples:
            annotated["examples"] = examples
        comments = self._comments(path, stats, mappings)
        if comments:
            annotated["$comment"] = " ".join(comments)
        return annotated

    def _mappings_word(self, parent: tuple[str | int, ...]) -> str:
        return "files" if not parent else f"`{describe(parent)}` mappings"

    def _comments(self, path: tuple[str | int, ...], stats: PathStats, mappings: int) -> list[str]:
        """The decisions on ``path`` that a person should review."""
        comments = []
        left_out = self.notes.outliers.get(path)
        if left_out:
            rare = sum(stats.types[t] for t in left_out)
            comments.append(f"Review: {rare} value(s) of type {'/'.join(left_out)} left out as likely mistakes.")
        new = self.notes.not_enums.get(path)
        if new:
            share = f"{100 * self.thresholds.enum_holdout:.0f} %"
            comments.append(f"Not a fixed choice: a random held-out {share} of the values had {new} the rest lacked.")
        key = str(path[-1])
        if len(path) == 1 and key in self.conventions.required:
            comments.append(f"Required: the {self.conventions.preset} preset requires it.")
        if key.startswith("_"):
            comments.append("Never required: a leading `_` marks a generator option, not content.")
        required_at = self.thresholds.required * mappings
        if mappings >= self.thresholds.required_min and 0.8 * mappings <= stats.count < required_at:
            comments.append(f"Review: not required, {mappings - stats.count} files lack it.")
        return comments

    def _array(self, path: tuple[str | int, ...]) -> dict[str, Any]:
        items = (*path, ITEMS)
        item_stats = self.site.paths.get(items)
        if self._is_taxonomy(path, item_stats):
            self.uses_taxonomy = True
            return {"$ref": TAXONOMY_REF}
        schema: dict[str, Any] = {"type": "array"}
        if item_stats is not None:
            schema["items"] = self.node(items)
        return schema

    def _is_taxonomy(self, path: tuple[str | int, ...], items: PathStats | None) -> bool:
        if str(path[-1]) not in self.conventions.taxonomies:
            return False
        return items is None or items.types["string"] > (1 - self.thresholds.outlier) * items.count

    def _string(self, path: tuple[str | int, ...], stats: PathStats) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"}
        enum = self._enum(path, stats)
        if enum is not None:
            schema["enum"] = enum
            return schema
        strings = stats.types["string"]
        enough = self.thresholds.format_share * strings

        def share(shape: Shape) -> bool:
            return stats.shapes[shape] >= enough

        formats = [(Shape.HUGO_DATE, "hugo-date")] if self.conventions.preset == "hugo" else []
        formats += [
            (Shape.RFC3339_DATE, "date"),
            (Shape.RFC3339_DATE_TIME, "date-time"),
            (Shape.HUGO_DATE, "hugo-date"),
        ]
        name = _key_name(path).lower()
        if any(word in name for word in _IMAGE_WORDS) or _dotted(path) in self.conventions.image_fields:
            formats.insert(0, (Shape.IMAGE, "image-url"))
        for shape, name_of_format in [*formats, (Shape.ABSOLUTE_URL, "uri")]:
            if share(shape):
                schema["format"] = name_of_format
                return schema
        if "slug" in name and stats.shapes[Shape.SLUG] == strings:
            schema["pattern"] = SLUG
        return schema

    def _enum(self, path: tuple[str | int, ...], stats: PathStats) -> list[Any] | None:
        """The fixed choice of values at ``path``, when the statistics support one (module docstring)."""
        strings = stats.types["string"]
        counted = {value: count for (kind, value), count in stats.values.items() if kind == "string"}
        limit = min(self.thresholds.enum_max_distinct, math.isqrt(strings))
        name = _key_name(path).lower()
        if (
            stats.overflow
            or strings < self.thresholds.enum_min_values
            or len(counted) > limit
            or min(counted.values(), default=0) < 2
            or any(word in name for word in _NOT_ENUM_WORDS)
            or any(stats.shapes[shape] for shape in Shape if shape & _NOT_ENUM_SHAPES)
            or (path and path[-1] == ITEMS and _key_name(path[:-1]) in self.conventions.taxonomies)
        ):
            return None
        seen = [value for value in sorted(counted) for _ in range(counted[value])]
        random.Random(zlib.crc32(describe(path).encode())).shuffle(seen)
        cut = round(len(seen) * (1 - self.thresholds.enum_holdout))
        new = set(seen[cut:]) - set(seen[:cut])
        if new:
            self.notes.not_enums[path] = len(new)
            return None
        return sorted(counted, key=lambda value: (-counted[value], value))


def _key_name(path: tuple[str | int, ...]) -> str:
    """The nearest key of ``path`` (``tags`` for ``tags[]``)."""
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "")


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path if isinstance(part, str))


def _examples(stats: PathStats, left_out: tuple[str, ...]) -> list[Any]:
    """Up to three most common scalar values (ties in value order), none of a type left out as a mistake.

    YAML's ``.nan`` and ``.inf`` are never examples: JSON has no such numbers.
    """
    values = [
        (key, count)
        for key, count in stats.values.items()
        if key[0] not in left_out and not (isinstance(key[1], float) and not math.isfinite(key[1]))  # not JSON
    ]
    ranked = sorted(values, key=lambda item: (-item[1], item[0][0], str(item[0][1])))
    return [value for (_, value), _ in ranked[:3]]

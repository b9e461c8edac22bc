"""One pass over a site's articles: statistics per JSON path, and each file's data.

Paths are generalised: every item of a list is ``ITEMS`` (``tags[]``), so
``tags[0]`` and ``tags[3]`` share one :class:`PathStats`.  For each path the
pass counts values and their types, the most common scalar values (up to
``VALUE_CAP`` distinct), the shapes of strings (dates, URLs, images, slugs,
prose), the sign of numbers and where each key sits in its mapping.  It
keeps each file's data too: the new schema is checked on it afterwards
(``fmlint.infer.findings``), which is how the values set aside as likely
mistakes are located.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import msgspec

from fmlint.document import Document
from fmlint.frontmatter import FrontMatter, parse_front_matter
from fmlint.infer.values import Shape, string_shapes
from fmlint.linter import read_path
from fmlint.schema.json_types import json_type

ITEMS = 0  # the generalised path element of a list item (keys are always text)
VALUE_CAP = 1000  # distinct scalar values counted per path; past it, no enum is learned
NO_FRONT_MATTER = "no front matter"
SCALARS = frozenset({"string", "integer", "number", "boolean"})


def describe(path: tuple[str | int, ...]) -> str:
    """``params.authors[]``: a generalised path for people."""
    text = ""
    for part in path:
        text += "[]" if part == ITEMS and isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(front matter)"


class PathStats(msgspec.Struct):
    """What was seen at one generalised path."""

    count: int = 0  # values seen here
    types: Counter[str] = msgspec.field(default_factory=Counter)
    values: Counter[Any] = msgspec.field(default_factory=Counter)  # scalar values (with their type, see `_value_key`)
    overflow: bool = False  # more than VALUE_CAP distinct values
    shapes: Counter[Shape] = msgspec.field(default_factory=Counter)  # strings of each shape
    negative: int = 0  # numbers below zero
    position: float = 0.0  # summed place in the parent mapping (0 first, 1 last)


class Site(msgspec.Struct):
    """The statistics of a set of articles, and each article's front-matter data."""

    files: list[str] = msgspec.field(default_factory=list)
    data: list[dict[str, Any] | None] = msgspec.field(default_factory=list)  # None: no front-matter mapping
    unreadable: dict[int, str] = msgspec.field(default_factory=dict)  # file index → why it was not learned from
    paths: dict[tuple[str | int, ...], PathStats] = msgspec.field(default_factory=dict)

    @property
    def mappings(self) -> int:
        """How many files have a front-matter mapping (the denominator of top-level presence)."""
        return self.stats(()).types["object"]

    def stats(self, path: tuple[str | int, ...]) -> PathStats:
        found = self.paths.get(path)
        if found is None:
            found = self.paths[path] = PathStats()
        return found

    def add(self, path: str, doc: Document) -> None:
        """Learn from one read document."""
        index = len(self.files)
        self.files.append(path)
        fm = parse_front_matter(doc) if doc.readable else None
        data = fm.data if fm is not None else None
        reason = _unusable(doc, fm)
        if reason:
            self.unreadable[index] = reason
        if isinstance(data, dict):
            self.data.append(data)
            self._visit(data, ())
        else:
            self.data.append(None)

    def subset(self, indices: Iterable[int]) -> Site:
        """The statistics of some of these files, learned again from their stored data."""
        part = Site()
        for index in indices:
            data = self.data[index]
            new = len(part.files)
            part.files.append(self.files[index])
            part.data.append(data)
            if index in self.unreadable:
                part.unreadable[new] = self.unreadable[index]
            if data is not None:
                part._visit(data, ())
        return part

    def _visit(self, value: Any, path: tuple[str | int, ...]) -> None:
        stats = self.stats(path)
        stats.count += 1
        kind = json_type(value)
        stats.types[kind] += 1
        if kind == "object":
            last = max(len(value) - 1, 1)
            for place, (key, item) in enumerate(value.items()):
                child = (*path, str(key))
                self._visit(item, child)
                self.paths[child].position += place / last
        elif kind == "array":
            for item in value:
                self._visit(item, (*path, ITEMS))
        elif kind in SCALARS:
            self._count_value(stats, kind, value)

    @staticmethod
    def _count_value(stats: PathStats, kind: str, value: Any) -> None:
        key = (kind, value)  # True and 1 are different values here
        if key in stats.values or len(stats.values) < VALUE_CAP:
            stats.values[key] += 1
        else:
            stats.overflow = True
        if kind == "string":
            shapes = string_shapes(value)
            for shape in Shape:
                if shape in shapes and shape:
                    stats.shapes[shape] += 1
        elif kind != "boolean" and value < 0:
            stats.negative += 1


def _unusable(doc: Document, fm: FrontMatter | None) -> str:
    """Why a document teaches nothing (the first problem found in it), or ``""``."""
    if not doc.readable:
        return doc.problems[0].message if doc.problems else "cannot be read"
    if doc.kind is None:
        return NO_FRONT_MATTER
    if fm is None or not isinstance(fm.data, dict):
        problems = [*(fm.problems if fm is not None else []), *doc.problems]
        return problems[0].message if problems else "the front matter is not key/value pairs"
    return ""


def collect(paths: Iterable[str], max_file_size: Callable[[str], int], advance: Callable[[], None]) -> Site:
    """Read every file in ``paths`` (in order) into one :class:`Site`."""
    site = Site()
    for path in paths:
        site.add(path, read_path(path, max_file_size(path)))
        advance()
    return site

"""Astro's collection entries by ID: ``reference()`` fields name one, and no two entries share one.

``reference("people")`` in a collection's Zod schema (marked by ``fmlint.schema.zod``'s
:data:`~fmlint.schema.zod.REFERENCE`) takes an entry's ID, or ``{collection, id}``.  An ID
no entry of that collection has fails the build of Astro 2.5 to 4 ("Reference to people
invalid"), and of Astro 5 when that collection was loaded first; otherwise, as Astro 6 and
later always do, pages get ``undefined`` where they read the entry (``getEntry``), which
most templates then fail on.  Two entries of one collection with one ID (``a.md`` and
``a/index.md``, ``Post.md`` and ``post.md``, a ``slug`` copied from another post) are one
entry to Astro, which warns ("Duplicate id") and keeps one of them.

An entry's ID (Astro's ``generateIdDefault`` and ``getContentEntryIdAndSlug``), for a
``glob()`` loader's file, Starlight's docs and a legacy content collection's entry: the
``slug`` its data gives (a Markdown file's front matter, a JSON or YAML file's object), else
its path from the collection's folder without its extension, each segment slugged as
github-slugger slugs, a last ``/index`` dropped; for a legacy data collection's file, its
path without its extension.  A collection whose entries the reader does not know (a
``file()`` loader's, a package's) is not judged.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from fmlint.diagnostics import Problem
from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.frontmatter.model import FrontMatter, JsonPath
from fmlint.positions import Span
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context
from fmlint.schema.loader import CompiledSchema
from fmlint.schema.zod import REFERENCE
from fmlint.site.anchors import GITHUB_SLUGGER, SLUGIFIERS
from fmlint.site.astro_collections import DATA_EXTENSIONS, Entries, entry_places
from fmlint.site.config import data_value, site_folder
from fmlint.site.declared import kept_until_forgotten
from fmlint.site.files import file_bytes

_SLUG = SLUGIFIERS[GITHUB_SLUGGER]
_LARGEST = 1 << 20  # (an entry's file read for its `slug`)
_LARGEST_DATA = 64 << 20  # (a ``file()`` loader's file)
_REFERENCING: dict[str, bool] = {}  # whether a schema (by its digest) has a ``reference()`` field


def reference_problems(
    ctx: Context, schema: CompiledSchema, data: Any, fm: FrontMatter, missing: Callable[[str, str, str], bool]
) -> Iterator[Problem]:
    """SC001 for each ID in ``data`` that a ``reference()`` field of ``schema`` (an Astro collection's) takes and that
    no entry of the referenced collection has (asked of ``missing``: ``fmlint.rules.schema``'s probe, replayed by
    the result cache)."""
    referencing = _REFERENCING.get(schema.digest)
    if referencing is None:
        referencing = _REFERENCING[schema.digest] = REFERENCE in json.dumps(schema.contents)
    if not referencing:
        return
    for path, entry, names in _references(schema.contents, data, ()):
        if any(not ctx.probe(missing, ctx.doc.path, name, entry) for name in names):
            continue
        named = " or ".join(f"`{name}`" for name in names)
        meant = _meant(entry, entry_ids(ctx.doc.path, names[0]) or frozenset())
        hint = f" (did you mean `{meant}`?)" if meant else ""
        message = (
            f"`{entry}` names no entry of the {named} collection{hint}: Astro 2.5–4 fail the build "
            f'("Reference to {names[0]} invalid"), later versions give pages `undefined` for it'
        )
        yield Problem("SC001", message, fm.value_span(path))


def twin_problems(
    ctx: Context, data: dict[str, Any], fm: FrontMatter, twins: Callable[[str], str]
) -> Iterator[Problem]:
    """SC007 for each collection holding the file where another entry has its ID (asked of ``twins``:
    ``fmlint.rules.schema``'s probe, replayed by the result cache)."""
    for name, entry, others in json.loads(ctx.probe(twins, ctx.doc.path)):
        if not others:
            continue
        named = ", ".join(f"`{other}`" for other in others)
        message = (
            f"this entry's ID `{entry}` in the `{name}` collection is also {named}'s: Astro keeps one of them "
            '("Duplicate id") and drops the other'
        )
        by_slug = data.get("slug") == entry
        yield Problem("SC007", message, fm.value_span(("slug",)) if by_slug else Span(0, 0))


def _meant(entry: str, ids: frozenset[str]) -> str | None:
    """The ID ``entry`` likely means: the one Astro makes of it as a path (``My Post`` is ``my-post``), else a
    close one."""
    slugged = entry_id(entry, "glob")
    if slugged != entry and slugged in ids:
        return slugged
    close = difflib.get_close_matches(entry, ids, n=1, cutoff=0.8)
    return close[0] if close else None


def _references(schema: Any, value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str, tuple[str, ...]]]:
    """(path, ID, the collections it may name) of each ID ``value`` holds where ``schema`` takes a reference: an
    ID, or ``{collection, id}``; in a union, the collections of its reference branches (none judged where another
    branch takes any text)."""
    if not isinstance(schema, dict):
        return
    named = schema.get(REFERENCE)
    if isinstance(named, str):
        entry = value if isinstance(value, str) else value.get("id") if isinstance(value, dict) else None
        if isinstance(entry, str) and (not isinstance(value, dict) or value.get("collection") == named):
            yield (path if isinstance(value, str) else (*path, "id")), entry, (named,)
        return
    branches = [*schema.get("anyOf", ()), *schema.get("oneOf", ())]
    if branches:
        found: dict[JsonPath, tuple[str, tuple[str, ...]]] = {}
        for branch in branches:
            for where, entry, names in _references(branch, value, path):
                kept = found.get(where, (entry, ()))[1]
                found[where] = (entry, (*kept, *(name for name in names if name not in kept)))
        if not any(_takes_text(branch) for branch in branches):
            yield from ((where, entry, names) for where, (entry, names) in found.items())
    properties = schema.get("properties")
    if isinstance(properties, dict) and isinstance(value, dict):
        for key, field in properties.items():
            if key in value:
                yield from _references(field, value[key], (*path, key))
    items = schema.get("items")
    if isinstance(items, dict) and isinstance(value, list):
        for number, item in enumerate(value):
            yield from _references(items, item, (*path, number))


def _takes_text(schema: Any) -> bool:
    """Whether a union's branch takes any text without naming an entry (``z.string()``)."""
    if not isinstance(schema, dict) or REFERENCE in schema:
        return False
    kind = schema.get("type")
    return schema == {} or kind == "string" or (isinstance(kind, list) and "string" in kind)


def entry_ids(path: str, collection: str) -> frozenset[str] | None:
    """The IDs of the entries of ``collection`` in the Astro project holding the file at ``path``; ``None`` when
    the project has no such collection whose entries the reader knows."""
    entries = next((place for place in _places(path) if place.name == collection), None)
    return _entries(entries).ids if entries is not None else None


def entry_twins(path: str) -> list[tuple[str, str, list[str]]]:
    """For each collection of the Astro project that holds the file at ``path`` (absolute): its name, the file's
    ID there and the other files (absolute) with that ID."""
    found = []
    for place in _places(path):  # (Starlight's docs: one URL each too, whose collisions SITE001 reports)
        read = _entries(place) if place.kind != "docs" and path.startswith(place.base) else None
        entry = read.by_file.get(path) if read is not None else None
        if read is not None and entry is not None:
            found.append((place.name, entry, [other for other in read.by_id[entry] if other != path]))
    return found


def _places(path: str) -> tuple[Entries, ...]:
    root = site_folder(os.path.dirname(os.path.abspath(path)))
    return entry_places(root) if root is not None else ()


class _Read(NamedTuple):
    """A collection's entries as read: their files by ID and IDs by file, and what says they still hold: the
    mtimes of its folders (an entry added, removed or renamed changes its folder's) and of the files that give
    their own ``slug``, looked at again when a second has passed since."""

    by_id: dict[str, list[str]]
    by_file: dict[str, str]
    ids: frozenset[str] | None  # (``None``: not known)
    stamps: tuple[tuple[str, int], ...]
    checked: float


_KEPT: dict[Entries, _Read] = {}
kept_until_forgotten(_KEPT.clear)
_RECHECK = 1.0  # seconds: a run reads each collection about once; a language server sees a new entry this late


def _entries(entries: Entries) -> _Read:
    kept = _KEPT.get(entries)
    now = time.monotonic()
    if kept is not None and now - kept.checked < _RECHECK:
        return kept
    if kept is not None and all(_mtime(name) == mtime for name, mtime in kept.stamps):
        kept = _KEPT[entries] = kept._replace(checked=now)  # (the next look a second from now)
        return kept
    if entries.kind == "file":  # (IDs unknown where the file cannot be read: not judged)
        ids = _file_ids(entries.base)
        items = {entry: [entries.base] for entry in ids or ()}
        read = _KEPT[entries] = _Read(items, {}, ids, ((entries.base, _mtime(entries.base)),), now)
        return read
    stamps: list[tuple[str, int]] = []
    by_file: dict[str, str] = {}
    for folder, folders, names in os.walk(entries.base):
        folders.sort()
        stamps.append((folder, _mtime(folder)))
        for name in sorted(names):
            full = os.path.join(folder, name)
            relative = full[len(entries.base) :].replace(os.sep, "/")
            if not entries.holds(relative):
                continue
            slug = _own_slug(full) if entries.kind != "data" else None
            if slug is not None:
                stamps.append((full, _mtime(full)))
            by_file[full] = slug if slug is not None else entry_id(relative, entries.kind)
    by_id: dict[str, list[str]] = {}
    for full, entry in by_file.items():
        by_id.setdefault(entry, []).append(full)
    read = _KEPT[entries] = _Read(by_id, by_file, frozenset(by_id), tuple(stamps), now)
    return read


def entry_id(relative: str, kind: str) -> str:
    """The ID Astro makes of the path ``relative`` (from its collection's folder) of an entry without a ``slug``."""
    stem = relative[: relative.rfind(".")] if "." in relative.rsplit("/", 1)[-1] else relative
    if kind == "data":
        return stem
    slugged = "/".join(_SLUG(segment) for segment in stem.split("/"))
    return slugged[: -len("/index")] if slugged.endswith("/index") else slugged


def _own_slug(path: str) -> str | None:
    """The ``slug`` an entry's data gives (Astro takes it for its ID), if any: a YAML front matter's top-level
    ``slug:`` line of a plain or simply quoted value read from its text, anything else parsed (every entry of a
    collection is read in each process that checks one: a 10k-file blog)."""
    data = file_bytes(path, _LARGEST)
    if data is None or b"slug" not in data:
        return None
    try:
        if path.lower().endswith(DATA_EXTENSIONS):
            value = data_value(path, data)
        else:
            doc = read_document(path, data)
            written = (
                _SLUG_LINE.search(doc.source(doc.front_matter)) if doc.kind == "yaml" and doc.front_matter else None
            )
            if written is not None:
                slug = next(group for group in written.groups() if group is not None)
                if slug not in _NOT_TEXT:
                    return slug or None
            front_matter = parse_front_matter(doc)
            value = front_matter.data if front_matter is not None else None
    except Exception:  # (an entry Astro cannot read fails its own check: its path stands in)
        return None
    slug = value.get("slug") if isinstance(value, dict) else None
    return slug if isinstance(slug, str) and slug else None


# a front matter's `slug:` line whose value needs no YAML to read: plain (no `#`, `:` or leading indicator) or
# quoted without escapes, the next line not indented (no continuation)
_SLUG_LINE = lazy_pattern(
    r"""^slug:[ \t]*(?:'([^'\r\n]*)'|"([^"\\\r\n]*)"|([^\s'"&*!|>%@`#\[\]{},?:-][^\r\n#:]*?))[ \t]*(?:\r?\n(?![ \t])|\Z)""",
    re.MULTILINE,
)
_NOT_TEXT = {"null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE"}  # (YAML's)


def _file_ids(path: str) -> frozenset[str] | None:
    """The IDs of the items of a ``file()`` loader's file: each item's ``id`` (else ``slug``) of a list, each key
    (but ``$schema``) of an object; ``None`` where it cannot be read (too large, or not parsed as Astro parses it)."""
    data = file_bytes(path, _LARGEST_DATA)
    try:
        value = data_value(path, data) if data is not None else None
    except ValueError:  # (a file Astro cannot read either fails on its own at build)
        return None
    if isinstance(value, dict):
        return frozenset(str(key) for key in value if key != "$schema")
    if isinstance(value, list):
        found = (item.get("id", item.get("slug")) for item in value if isinstance(item, dict))
        return frozenset(_as_text(entry) for entry in found if entry is not None and entry != "")
    return None


def _as_text(value: Any) -> str:
    """A value as JavaScript's ``toString`` writes it (``true``, ``3``)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1

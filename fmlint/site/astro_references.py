"""Astro's ``reference()`` fields: each names an entry of the collection it references.

``reference("people")`` in a collection's Zod schema (marked by ``fmlint.schema.zod``'s
:data:`~fmlint.schema.zod.REFERENCE`) takes an entry's ID, or ``{collection, id}``.  An ID
no entry of that collection has fails the build of Astro 2.5 to 4 ("Reference to people
invalid"), and of Astro 5 when that collection was loaded first; otherwise, as Astro 6 and
later always do, pages get ``undefined`` where they read the entry (``getEntry``), which
most templates then fail on.

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
from collections.abc import Callable, Iterator
from typing import Any

import yaml

from fmlint.diagnostics import Problem
from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.frontmatter.model import FrontMatter
from fmlint.rules.base import Context
from fmlint.schema.loader import CompiledSchema
from fmlint.schema.zod import REFERENCE
from fmlint.site.anchors import GITHUB_SLUGGER, SLUGIFIERS
from fmlint.site.astro_collections import DATA_EXTENSIONS, Entries, entry_places
from fmlint.site.config import site_folder

Path = tuple[str | int, ...]
_SLUG = SLUGIFIERS[GITHUB_SLUGGER]
_LARGEST = 1 << 20  # (an entry's file read for its `slug`)


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


def _meant(entry: str, ids: frozenset[str]) -> str | None:
    """The ID ``entry`` likely means: the one Astro makes of it as a path (``My Post`` is ``my-post``), else a
    close one."""
    slugged = entry_id(entry, "glob")
    if slugged != entry and slugged in ids:
        return slugged
    close = difflib.get_close_matches(entry, ids, n=1, cutoff=0.8)
    return close[0] if close else None


_REFERENCING: dict[str, bool] = {}  # whether a schema (by its digest) has a ``reference()`` field


def _references(schema: Any, value: Any, path: Path) -> Iterator[tuple[Path, str, tuple[str, ...]]]:
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
        found: dict[Path, tuple[str, tuple[str, ...]]] = {}
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
    root = site_folder(os.path.dirname(os.path.abspath(path)))
    places = entry_places(root) if root is not None else ()
    entries = next((place for place in places if place.name == collection), None)
    return _ids(entries) if entries is not None else None


# the IDs of each collection read, with what says they still hold: the mtimes of its folders (an entry added,
# removed or renamed changes its folder's) and of the files that give their own `slug`
_KEPT: dict[Entries, tuple[tuple[tuple[str, int], ...], frozenset[str]]] = {}


def _ids(entries: Entries) -> frozenset[str]:
    kept = _KEPT.get(entries)
    if kept is not None and all(_mtime(name) == mtime for name, mtime in kept[0]):
        return kept[1]
    stamps: list[tuple[str, int]] = []
    ids = set()
    for folder, _, names in os.walk(entries.base):
        stamps.append((folder, _mtime(folder)))
        for name in names:
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, entries.base).replace(os.sep, "/")
            if not entries.holds(relative):
                continue
            slug = _own_slug(full) if entries.kind == "glob" else None
            if slug is not None:
                stamps.append((full, _mtime(full)))
            ids.add(slug if slug is not None else entry_id(relative, entries.kind))
    found = frozenset(ids)
    _KEPT[entries] = (tuple(stamps), found)
    return found


def entry_id(relative: str, kind: str) -> str:
    """The ID Astro makes of the path ``relative`` (from its collection's folder) of an entry without a ``slug``."""
    stem = relative[: relative.rfind(".")] if "." in relative.rsplit("/", 1)[-1] else relative
    if kind == "data":
        return stem
    slugged = "/".join(_SLUG(segment) for segment in stem.split("/"))
    return slugged[: -len("/index")] if slugged.endswith("/index") else slugged


def _own_slug(path: str) -> str | None:
    """The ``slug`` an entry's data gives (Astro takes it for its ID), if any."""
    try:
        if os.path.getsize(path) > _LARGEST:
            return None
        with open(path, "rb") as file:
            data = file.read()
    except OSError:
        return None
    if b"slug" not in data:
        return None
    try:
        if path.lower().endswith(DATA_EXTENSIONS):
            text = data.decode("utf-8")
            value = json.loads(text) if path.lower().endswith(".json") else yaml.safe_load(text)
        else:
            front_matter = parse_front_matter(read_document(path, data))
            value = front_matter.data if front_matter is not None else None
    except Exception:  # (an entry Astro cannot read fails its own check: its path stands in)
        return None
    slug = value.get("slug") if isinstance(value, dict) else None
    return slug if isinstance(slug, str) and slug else None


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1

"""An Astro project's content collections: which files each holds and the JSON Schema of its Zod schema.

Astro checks each entry's front matter against its collection's schema and the
build fails on the first that does not match (``InvalidContentEntryDataError``).
The collections are those ``collections`` exports from ``src/content.config.*``
(Astro 5), else ``src/content/config.*`` (Astro 2–4), each a ``defineCollection``:
with ``loader: glob({pattern, base})`` its files are those ``pattern`` matches
under ``base`` (from the project's root); without a loader (a legacy collection)
the Markdown, MDX and Markdoc files of ``src/content/<name>/`` whose path has no
segment starting with ``_``; with Starlight's ``docsLoader()``, the docs
folder's but ``_`` files, its ``docsSchema({extend})`` the bundled ``starlight``
schema with what ``extend`` adds.  Another loader (a ``file()``, a package's) or
a schema the reader does not follow (one from a package) gives no collection
here: the preset's schema stays.  The schema is read by ``fmlint.schema.zod``;
``slug``, which Astro takes for the entry's ID before the schema sees the data,
is always allowed.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from fmlint.schema.loader import CompiledSchema, declared_schema, load_schema
from fmlint.schema.zod import Builtin, Module, json_schema
from fmlint.site.declared import (
    LEGACY_EXTENSIONS,
    Collection,
    config_module,
    glob_pattern,
    legacy_entry,
    reader,
    schema_of,
)
from fmlint.site.starlight import CONTENT_CONFIGS, DOCS


class _Glob(NamedTuple):
    options: Any


class _File(NamedTuple):
    """Astro's ``file(path, options)`` loader: a JSON, YAML or TOML file's items (its entries)."""

    arguments: list[Any]


class _DocsSchema(NamedTuple):
    """Starlight's ``docsSchema(options)``: its docs schema, with the keys of ``extend`` when given."""

    options: Any


_DOCS_LOADER = Builtin(lambda _: None)  # (Starlight's ``docsLoader()``: the docs folder)


def _starlight_docs(declared: _DocsSchema) -> dict[str, Any] | None:
    """Starlight's docs schema (the bundled one) with what ``docsSchema({extend: z.object({…})})`` adds; ``None``
    without an ``extend`` (the preset's schema is that) or with one the reader does not follow."""
    extend = declared.options.get("extend") if isinstance(declared.options, dict) else None
    added = json_schema(extend) if extend is not None else None
    if added is None:
        return None
    docs = copy.deepcopy(load_schema("starlight").contents)
    docs["properties"].update(added["properties"])
    docs["required"] = list(dict.fromkeys([*docs.get("required", ()), *added.get("required", ())]))
    return {key: value for key, value in docs.items() if key not in ("$schema", "$id", "title", "description")}


def collection_schema(root: str, path: str) -> CompiledSchema | None:
    """The schema of the collection of the Astro project at ``root`` holding the file at the absolute ``path``."""
    return schema_of(collections(root), path)


def _defined(root: str) -> tuple[Module | None, dict[str, Any]]:
    """The project's content configuration and the collections it exports, by name."""
    builtins = {
        "defineCollection": Builtin(_first),
        "glob": Builtin(lambda arguments: _Glob(_first(arguments))),
        "file": Builtin(_File),
        "docsLoader": Builtin(lambda _: _DOCS_LOADER),
        "docsSchema": Builtin(lambda arguments: _DocsSchema(_first(arguments))),
    }
    module = config_module(root, CONTENT_CONFIGS, builtins)
    defined = module.constant("collections") if module is not None else None
    if module is None or not isinstance(defined, dict):
        return None, {}
    return module, {name: collection for name, collection in defined.items() if isinstance(collection, dict)}


def _collections(root: str) -> tuple[Collection, ...]:
    module, defined = _defined(root)
    if module is None:
        return ()
    read = []
    for name, collection in defined.items():
        files = _files(root, name, collection)
        declared = collection.get("schema")
        schema = _starlight_docs(declared) if isinstance(declared, _DocsSchema) else json_schema(declared)
        if files is None or schema is None:
            continue
        schema["properties"].setdefault("slug", {"type": "string"})  # (the entry's ID: taken before the schema)
        where = f"The schema of the `{name}` collection in {os.path.relpath(module.path, root)}."
        compiled = declared_schema(schema, f"astro collection `{name}`", where, Path(module.path))
        read.append(Collection(name, *files, compiled))
    return tuple(read)


collections = reader(_collections)


class Entries(NamedTuple):
    """Where a collection's entries are and how Astro makes their IDs (``fmlint.site.astro_entries``): ``glob`` (a
    ``glob()`` loader's files, a legacy content collection's entries) and ``docs`` (Starlight's): a ``slug`` the
    data gives, else the path slugged; ``data`` (a legacy data collection's JSON and YAML files): the path;
    ``file`` (a ``file()`` loader's one file): each item's ``id`` or ``slug``, or each key of its object."""

    name: str
    base: str  # the absolute folder, with its separator (a ``file`` collection's: the file)
    pattern: re.Pattern[str] | None  # over the path from ``base``; ``None``: a legacy collection's
    kind: str

    def holds(self, relative: str) -> bool:
        """Whether the file at ``relative`` (from ``base``, ``/`` separators) is one of the entries."""
        if self.pattern is not None:
            return self.pattern.fullmatch(relative) is not None
        return legacy_entry(relative, DATA_EXTENSIONS if self.kind == "data" else LEGACY_EXTENSIONS)


DATA_EXTENSIONS = (".json", ".yaml", ".yml")  # a legacy data collection's entries
FILE_EXTENSIONS = (".json", ".yaml", ".yml", ".toml")  # what a ``file()`` loader parses itself


def _entry_places(root: str) -> tuple[Entries, ...]:
    found = []
    for name, collection in _defined(root)[1].items():
        loader = collection.get("loader")
        if "loader" not in collection and collection.get("type") == "data":
            found.append(Entries(name, os.path.join(root, "src", "content", name, ""), None, "data"))
        elif isinstance(loader, _File) and (path := _data_file(loader)) is not None:
            found.append(Entries(name, os.path.normpath(os.path.join(root, path)), None, "file"))
        elif (files := _files(root, name, collection)) is not None:
            found.append(Entries(name, *files, "docs" if loader is _DOCS_LOADER else "glob"))
    return tuple(found)


entry_places = reader(_entry_places)


def _data_file(loader: _File) -> str | None:
    """The file a ``file()`` loader reads, when Astro parses it (not a ``parser`` of the project's)."""
    path = _first(loader.arguments)
    options = loader.arguments[1] if len(loader.arguments) > 1 else {}
    if not isinstance(path, str) or not path.lower().endswith(FILE_EXTENSIONS):
        return None
    return path if isinstance(options, dict) and "parser" not in options else None


def _first(arguments: list[Any]) -> Any:
    return arguments[0] if arguments else None


def _files(root: str, name: str, collection: dict[str, Any]) -> tuple[str, re.Pattern[str] | None] | None:
    """Where a collection's files are (the folder its pattern is matched from, and the pattern), if known."""
    loader = collection.get("loader")
    if "loader" not in collection:
        if collection.get("type", "content") != "content":
            return None  # (`type: "data"`: JSON and YAML)
        return os.path.join(root, "src", "content", name, ""), None
    if loader is _DOCS_LOADER:  # (Starlight's: the docs folder's Markdown, MDX and Markdoc but `_` files)
        return os.path.join(root, DOCS, ""), glob_pattern(["**/[^_]*.{md,mdx,mdoc}"])
    if not isinstance(loader, _Glob) or not isinstance(loader.options, dict):
        return None
    base, pattern = loader.options.get("base", "."), loader.options.get("pattern")
    if isinstance(base, str) and base.startswith("file:"):
        return None
    patterns = [pattern] if isinstance(pattern, str) else pattern
    if not isinstance(base, str) or not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        return None
    compiled = glob_pattern(patterns)
    if compiled is None:
        return None
    return os.path.join(os.path.normpath(os.path.join(root, base)), ""), compiled

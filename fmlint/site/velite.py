"""A Velite project's collections: the files of each and the JSON Schema of its schema.

Velite (``velite.config.*``: ``defineConfig({root, collections})``, each a
``defineCollection({name, pattern, schema})``) reads the files its ``pattern``
globs (from ``root``, ``content`` by default) and checks their front matter with
its schema: Zod's (``s`` is Zod's namespace) and Velite's own — ``s.isodate()``
a date string ``Date.parse`` reads, ``s.slug()`` 3 to 200 letters, digits and
single dashes, ``s.unique()``, ``s.image()``, ``s.file()`` text, and
``s.markdown()``, ``s.mdx()``, ``s.metadata()``, ``s.excerpt()``, ``s.toc()``,
``s.raw()``, ``s.path()`` made of the document itself when the front matter
does not give them.  A file that fails is reported and left out.  The
configuration is read as ``fmlint.schema.zod`` reads TypeScript.
"""

from __future__ import annotations

import os
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeGuard

from fmlint.js_text import module_file
from fmlint.schema.loader import CompiledSchema, declared_schema
from fmlint.schema.zod import VELITE, Builtin, Module, json_schema
from fmlint.site.astro_collections import Collection, glob_pattern, resolve_import

CONFIG = "velite.config"


def velite_schema(root: str, path: str) -> CompiledSchema | None:
    """The schema of the Velite collection of the project at ``root`` holding the file at the absolute ``path``."""
    return next((found.schema for found in velite_collections(root) if found.holds(path)), None)


@cache
def velite_collections(root: str) -> tuple[Collection, ...]:
    """The collections of the Velite project at ``root`` whose files and schema are read (see the module)."""
    try:
        return _collections(root)
    except Exception:  # (a module this reader cannot follow, or a bug in it: no schema, never a crash)
        return ()


def _collections(root: str) -> tuple[Collection, ...]:
    found = module_file(os.path.join(root, CONFIG))
    if found is None:
        return ()
    try:
        text = Path(found).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    first = Builtin(lambda arguments: arguments[0] if arguments else None)
    known = {"s": VELITE, "defineConfig": first, "defineCollection": first}
    config = Module(text, known, found, partial(resolve_import, root)).default_export()
    if not isinstance(config, dict) or not isinstance(config.get("root", "content"), str):
        return ()
    base = os.path.join(os.path.normpath(os.path.join(root, config.get("root", "content"))), "")
    defined = config.get("collections")
    read = []
    for collection in defined.values() if isinstance(defined, dict) else ():
        if not isinstance(collection, dict):
            continue
        name, pattern = collection.get("name"), collection.get("pattern")
        patterns = [pattern] if isinstance(pattern, str) else pattern
        schema = json_schema(collection.get("schema"))
        if not isinstance(name, str) or not _strings(patterns) or schema is None:
            continue
        matched = glob_pattern(patterns)
        if matched is None:
            continue
        where = f"The schema of the `{name}` collection in {os.path.relpath(found, root)}."
        read.append(
            Collection(name, base, matched, declared_schema(schema, f"velite collection `{name}`", where, Path(found)))
        )
    return tuple(read)


def _strings(values: Any) -> TypeGuard[list[str]]:
    return isinstance(values, list) and bool(values) and all(isinstance(value, str) for value in values)

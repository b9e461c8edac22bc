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
from pathlib import Path
from typing import Any, TypeGuard

from fmlint.schema.loader import CompiledSchema, declared_schema
from fmlint.schema.zod import VELITE, Builtin, json_schema
from fmlint.site.declared import Collection, config_module, glob_pattern, reader, schema_of

CONFIG = "velite.config"


def velite_schema(root: str, path: str) -> CompiledSchema | None:
    """The schema of the Velite collection of the project at ``root`` holding the file at the absolute ``path``."""
    return schema_of(velite_collections(root), path)


def _collections(root: str) -> tuple[Collection, ...]:
    first = Builtin(lambda arguments: arguments[0] if arguments else None)
    module = config_module(root, [CONFIG], {"s": VELITE, "defineConfig": first, "defineCollection": first})
    config = module.default_export() if module is not None else None
    if module is None or not isinstance(config, dict) or not isinstance(config.get("root", "content"), str):
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
        matched = glob_pattern(patterns) if _strings(patterns) else None
        if not isinstance(name, str) or matched is None or schema is None:
            continue
        where = f"The schema of the `{name}` collection in {os.path.relpath(module.path, root)}."
        compiled = declared_schema(schema, f"velite collection `{name}`", where, Path(module.path))
        read.append(Collection(name, base, matched, compiled))
    return tuple(read)


velite_collections = reader(_collections)


def _strings(values: Any) -> TypeGuard[list[str]]:
    return isinstance(values, list) and bool(values) and all(isinstance(value, str) for value in values)

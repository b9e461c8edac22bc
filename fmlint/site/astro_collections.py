"""An Astro project's content collections: which files each holds and the JSON Schema of its Zod schema.

Astro checks each entry's front matter against its collection's schema and the
build fails on the first that does not match (``InvalidContentEntryDataError``).
The collections are those ``collections`` exports from ``src/content.config.*``
(Astro 5), else ``src/content/config.*`` (Astro 2–4), each a ``defineCollection``:
with ``loader: glob({pattern, base})`` its files are those ``pattern`` matches
under ``base`` (from the project's root); without a loader (a legacy collection)
the Markdown, MDX and Markdoc files of ``src/content/<name>/`` whose path has no
segment starting with ``_``.  Another loader (Starlight's ``docsLoader()``, a
``file()``, a package's) or a schema the reader does not follow
(``docsSchema()``, one imported) gives no collection here: the preset's schema
stays.  The schema is read by ``fmlint.schema.zod``; ``slug``, which Astro takes
for the entry's ID before the schema sees the data, is always allowed.
"""

from __future__ import annotations

import copy
import os
import re
from functools import cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from fmlint.js_text import aliased, module_file
from fmlint.schema.loader import CompiledSchema, declared_schema, load_schema
from fmlint.schema.zod import Builtin, Module, json_schema
from fmlint.site.globs import picomatch
from fmlint.site.starlight import DOCS

CONFIGS = ("content.config", os.path.join("content", "config"))  # under `src/`: Astro 5's, then Astro 2–4's
_LEGACY_EXTENSIONS = (".md", ".mdx", ".mdoc")


class Collection(NamedTuple):
    name: str
    base: str  # the absolute folder its pattern is matched from
    pattern: re.Pattern[str] | None  # over the path from ``base`` (``/`` separators); ``None``: a legacy collection
    schema: CompiledSchema

    def holds(self, path: str) -> bool:
        """Whether the file at the absolute ``path`` is one of the collection's entries."""
        if not path.startswith(self.base):
            return False
        relative = path[len(self.base) :].replace(os.sep, "/")
        if self.pattern is None:
            return relative.lower().endswith(_LEGACY_EXTENSIONS) and not any(
                part.startswith("_") for part in relative.split("/")
            )
        return self.pattern.fullmatch(relative) is not None


class _Glob(NamedTuple):
    options: Any


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
    return next((found.schema for found in collections(root) if found.holds(path)), None)


@cache
def collections(root: str) -> tuple[Collection, ...]:
    """The collections of the Astro project at ``root`` whose files and schema are read (see the module)."""
    try:
        return _collections(root)
    except Exception:  # (a module this reader cannot follow, or a bug in it: the preset's schema, never a crash)
        return ()


def _collections(root: str) -> tuple[Collection, ...]:
    for name in CONFIGS:
        found = module_file(os.path.join(root, "src", name))
        if found is not None:
            break
    else:
        return ()
    try:
        text = Path(found).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    builtins = {
        "defineCollection": Builtin(_first),
        "glob": Builtin(lambda arguments: _Glob(_first(arguments))),
        "docsLoader": Builtin(lambda _: _DOCS_LOADER),
        "docsSchema": Builtin(lambda arguments: _DocsSchema(_first(arguments))),
    }
    module = Module(text, builtins, found, partial(resolve_import, root))
    defined = module.constant("collections")
    if not isinstance(defined, dict):
        return ()
    read = []
    for name, collection in defined.items():
        if not isinstance(collection, dict):
            continue
        files = _files(root, name, collection)
        declared = collection.get("schema")
        schema = _starlight_docs(declared) if isinstance(declared, _DocsSchema) else json_schema(declared)
        if files is None or schema is None:
            continue
        schema["properties"].setdefault("slug", {"type": "string"})  # (the entry's ID: taken before the schema)
        where = f"The schema of the `{name}` collection in {os.path.relpath(found, root)}."
        read.append(Collection(name, *files, declared_schema(schema, f"astro collection `{name}`", where, Path(found))))
    return tuple(read)


def resolve_import(root: str, folder: str, specifier: str) -> str | None:
    """The module an import of ``specifier`` from ``folder`` loads: a relative one, or one through an alias of the
    project's ``tsconfig.json`` (``@/schemas/events``); ``None`` for a package's."""
    if specifier.startswith("."):
        return module_file(os.path.join(folder, specifier))
    return next((file for path in aliased(root, specifier) if (file := module_file(path)) is not None), None)


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


def glob_pattern(patterns: list[str]) -> re.Pattern[str] | None:
    """The paths a glob loader's patterns match (micromatch's, as picomatch reads them; ``!`` excluding), as one
    expression; ``None`` for an extglob (``+(a|b)``), which is not guessed."""
    if any(_EXTGLOB.search(pattern) for pattern in patterns):
        return None
    included = [picomatch(pattern.removeprefix("./")).pattern for pattern in patterns if not pattern.startswith("!")]
    excluded = [picomatch(pattern[1:].removeprefix("./")).pattern for pattern in patterns if pattern.startswith("!")]
    if not included:
        return None
    exclude = f"(?!(?:{'|'.join(excluded)})$)" if excluded else ""
    return re.compile(f"{exclude}(?:{'|'.join(included)})")


_EXTGLOB = re.compile(r"[@+!?*]\(")

"""What the readers of the schemas sites and applications declare in their code share.

Astro's content collections (``fmlint.site.astro_collections``), Contentlayer's
document types (``fmlint.site.contentlayer``) and Velite's collections
(``fmlint.site.velite``) are each a set of files — a micromatch glob from a
folder — and a schema: :class:`Collection`.  Their configurations are
TypeScript modules read without running them (``fmlint.schema.zod``), their
imports followed through relative paths and the project's ``tsconfig.json``
aliases.  A reader that cannot follow a configuration gives no collection (the
preset's schema stays), never a crash.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from fmlint.config.presets import SCRIPT_EXTENSIONS
from fmlint.js_text import aliased, module_file
from fmlint.schema.loader import CompiledSchema
from fmlint.schema.zod import Module
from fmlint.site.globs import picomatch

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

_LEGACY_EXTENSIONS = (".md", ".mdx", ".mdoc")
# the files that declare schemas (Astro 5's content configuration, Contentlayer's, Velite's): a language server reads
# them again when they change (Astro 2–4's ``src/content/config.*`` is too common a name to watch)
CONFIGURATION_FILES = tuple(
    f"{name}.{extension}"
    for name in ("content.config", "contentlayer.config", "velite.config")
    for extension in SCRIPT_EXTENSIONS
)


class Collection(NamedTuple):
    name: str
    base: str  # the absolute folder its pattern is matched from, with its separator
    pattern: re.Pattern[str] | None  # over the path from ``base`` (``/`` separators); ``None``: Astro's legacy one
    schema: CompiledSchema

    def holds(self, path: str) -> bool:
        """Whether the file at the absolute ``path`` is one of the collection's files (a legacy Astro collection's:
        its Markdown, MDX and Markdoc files whose path has no segment starting with ``_``)."""
        if not path.startswith(self.base):
            return False
        relative = path[len(self.base) :].replace(os.sep, "/")
        if self.pattern is None:
            return relative.lower().endswith(_LEGACY_EXTENSIONS) and not any(
                part.startswith("_") for part in relative.split("/")
            )
        return self.pattern.fullmatch(relative) is not None


Reader = Callable[[str], tuple[Collection, ...]]


def reader(read: Reader) -> _lru_cache_wrapper[tuple[Collection, ...]]:
    """``read`` (a project's root → its collections) once per root, and none where it fails."""

    @cache
    def collections(root: str) -> tuple[Collection, ...]:
        try:
            return read(root)
        except Exception:  # (a module the reader cannot follow, or a bug in it: the preset's schema, never a crash)
            return ()

    _READERS.append(collections)
    return collections


_READERS: list[_lru_cache_wrapper[tuple[Collection, ...]]] = []  # (those of the readers imported so far)


def forget_declared() -> None:
    """Forget every declared schema read so far (a language server, when a configuration changed)."""
    for collections in _READERS:
        collections.cache_clear()


def schema_of(collections: Sequence[Collection], path: str) -> CompiledSchema | None:
    """The schema of the first of ``collections`` holding the file at the absolute ``path``."""
    return next((found.schema for found in collections if found.holds(path)), None)


def config_module(root: str, names: Sequence[str], known: dict[str, Any]) -> Module | None:
    """The first module of ``names`` (paths from ``root`` without their extension) there is, to be read with the
    functions ``known`` stands for; ``None`` when there is none or it cannot be read."""
    found = next((path for name in names if (path := module_file(os.path.join(root, name))) is not None), None)
    if found is None:
        return None
    try:
        text = Path(found).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Module(text, known, found, partial(_resolve_import, root))


def _resolve_import(root: str, folder: str, specifier: str) -> str | None:
    """The module an import of ``specifier`` from ``folder`` loads: a relative one, or one through an alias of the
    project's ``tsconfig.json`` (``@/schemas/events``); ``None`` for a package's."""
    if specifier.startswith("."):
        return module_file(os.path.join(folder, specifier))
    return next((file for path in aliased(root, specifier) if (file := module_file(path)) is not None), None)


def glob_pattern(patterns: list[str]) -> re.Pattern[str] | None:
    """The paths micromatch globs match (as picomatch reads them; ``!`` excluding), as one expression; ``None`` for
    an extglob (``+(a|b)``), which is not guessed."""
    if any(_EXTGLOB.search(pattern) for pattern in patterns):
        return None
    included = [picomatch(pattern.removeprefix("./")).pattern for pattern in patterns if not pattern.startswith("!")]
    excluded = [picomatch(pattern[1:].removeprefix("./")).pattern for pattern in patterns if pattern.startswith("!")]
    if not included:
        return None
    exclude = f"(?!(?:{'|'.join(excluded)})$)" if excluded else ""
    return re.compile(f"{exclude}(?:{'|'.join(included)})")


_EXTGLOB = re.compile(r"[@+!?*]\(")

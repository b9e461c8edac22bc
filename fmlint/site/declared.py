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
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from fmlint.config.presets import SCRIPT_EXTENSIONS
from fmlint.js_text import aliased, module_file
from fmlint.regex import lazy_pattern
from fmlint.schema.loader import CompiledSchema
from fmlint.schema.zod import Module
from fmlint.site.globs import picomatch

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

LEGACY_EXTENSIONS = (".md", ".mdx", ".mdoc")  # a legacy Astro content collection's entries
# the files that declare schemas (Astro 5's content configuration, Contentlayer's, Velite's): a language server reads
# them again when they change
CONFIGURATION_FILES = tuple(
    f"{name}.{extension}"
    for name in ("content.config", "contentlayer.config", "velite.config")
    for extension in SCRIPT_EXTENSIONS
)
# Astro 2–4's content configuration, known by its path from the project's root (``config.ts`` alone is any project's)
CONFIGURATION_PATHS = tuple(f"src/content/config.{extension}" for extension in SCRIPT_EXTENSIONS)


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
            return legacy_entry(relative)
        return self.pattern.fullmatch(relative) is not None


def legacy_entry(relative: str, extensions: tuple[str, ...] = LEGACY_EXTENSIONS) -> bool:
    """Whether the file at ``relative`` (``/`` separators) from a legacy Astro collection's folder is one of its
    entries: of ``extensions``, no segment of its path starting with ``_``."""
    return relative.lower().endswith(extensions) and not any(part.startswith("_") for part in relative.split("/"))


_Read = TypeVar("_Read")


def reader(read: Callable[[str], tuple[_Read, ...]]) -> _lru_cache_wrapper[tuple[_Read, ...]]:
    """``read`` (a project's root → what its configuration declares: its collections) once per root, and
    nothing where it fails."""

    @cache
    def collections(root: str) -> tuple[_Read, ...]:
        try:
            return read(root)
        except Exception:  # (a module the reader cannot follow, or a bug in it: the preset's schema, never a crash)
            return ()

    _READERS.append(collections)
    return collections


_READERS: list[_lru_cache_wrapper[tuple[Any, ...]]] = []  # (those of the readers imported so far)
_KEPT: list[Callable[[], None]] = []  # what clears what else is kept of the collections (their entries)


def kept_until_forgotten(clear: Callable[[], None]) -> None:
    """Have :func:`forget_declared` call ``clear`` too."""
    _KEPT.append(clear)


def forget_declared() -> None:
    """Forget every declared schema read so far, and what is kept of the collections (a language server, when a
    configuration changed)."""
    for collections in _READERS:
        collections.cache_clear()
    for clear in _KEPT:
        clear()


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


_EXTGLOB = lazy_pattern(r"[@+!?*]\(")

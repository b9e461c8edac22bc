"""What the server is configured with: fmlint's own configuration files, and the client's settings.

Each file gets the settings ``fmlint`` on the command line would give it (the
nearest ``pyproject.toml`` or ``.fmlint.toml``, through the same
:class:`~fmlint.config.resolve.Resolver`).  A change to a configuration or
schema file (``workspace/didChangeWatchedFiles``) drops every resolved project
and loaded schema, so the next lint reads them afresh; so does a change to a
site's configuration file, which decides where a site's root is (the local
image rule, the site rules) and what the site's options are, or to a file that
declares schemas (an Astro project's content configuration).  The client's
settings come from ``workspace/configuration``, section ``fmlint``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

import msgspec

from fmlint.cache import ResultCache, default_dir
from fmlint.config.fix_policy import FixPolicy
from fmlint.config.loader import CONFIG_FILES as FMLINT_CONFIG_FILES
from fmlint.config.loader import ConfigError
from fmlint.config.presets import APP_MARKERS
from fmlint.config.resolve import Resolver
from fmlint.config.settings import Settings
from fmlint.rules.local_images import site_root
from fmlint.schema.loader import SchemaLoadError, forget_loaded
from fmlint.site.config import SITE_MARKERS, forget_sites
from fmlint.site.declared import CONFIGURATION_FILES as DECLARING_FILES
from fmlint.site.declared import CONFIGURATION_PATHS as DECLARING_PATHS

SECTION = "fmlint"
ON_TYPE, ON_SAVE = "onType", "onSave"
# fmlint's configurations, the sites', the applications' (``next.config.*``…: a preset of their own) and the
# files that declare schemas (an Astro site's content configuration, Contentlayer's, Velite's)
CONFIG_FILES = (
    *FMLINT_CONFIG_FILES,
    *SITE_MARKERS,
    *(name for markers in APP_MARKERS.values() for name in markers),
    *DECLARING_FILES,
)
# what the server asks the client to watch: the configuration files (Astro 2–4's content configuration by its path)
# and JSON files (schemas and their $refs)
WATCHED_GLOBS = (
    *(f"**/{name}" for name in CONFIG_FILES if not name.endswith(".json")),
    *(f"**/{path}" for path in DECLARING_PATHS),
    "**/*.json",
)


def configuration_changed(paths: Iterable[str]) -> bool:
    """Whether a change to the files at ``paths`` (absolute) may change a file's settings or schema."""
    paths = [path.replace(os.sep, "/") for path in paths]
    return any(
        os.path.basename(path) in CONFIG_FILES
        or path.endswith(".json")
        or path.endswith(tuple(f"/{declaring}" for declaring in DECLARING_PATHS))
        for path in paths
    )


class ClientSettings(msgspec.Struct, frozen=True):
    """``fmlint.run`` (``onType`` or ``onSave``), ``fmlint.debounceMs``, and ``fmlint.fixAll``
    (whether ``source.fixAll.fmlint`` is offered)."""

    run: str = ON_TYPE
    debounce_ms: int = 200
    fix_all: bool = True

    @classmethod
    def from_client(cls, value: Any) -> ClientSettings:
        """The settings a client sent; what is missing or of the wrong type keeps its default."""
        if not isinstance(value, dict):
            return cls()
        default = cls()
        run = value.get("run")
        debounce = value.get("debounceMs")
        fix_all = value.get("fixAll")
        return cls(
            run=run if run in (ON_TYPE, ON_SAVE) else default.run,
            debounce_ms=debounce
            if isinstance(debounce, int) and not isinstance(debounce, bool) and debounce >= 0
            else default.debounce_ms,
            fix_all=fix_all if isinstance(fix_all, bool) else default.fix_all,
        )


class Configuration:
    """fmlint's configuration for the workspace, reloaded on demand."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.client = ClientSettings()
        self.generation = 0  # bumped on every reload: results of an older generation are stale
        self._resolver = Resolver(cwd=root)

    def settings_for(self, path: str) -> Settings:
        """The file's settings; raises :class:`ConfigError` or :class:`SchemaLoadError` as ``fmlint`` would."""
        return self._resolver.settings_for(path)

    def policy_for(self, path: str) -> FixPolicy:
        """Which fixes ``--fix`` applies to the file (its configuration's ``fixable``, ``unfixable`` …)."""
        return self._resolver.project_for(path).fix_policy

    def excluded(self, path: str) -> bool:
        """Whether the file is left alone, as ``--stdin-filename`` leaves it (excluded with ``force-exclude``)."""
        project = self._resolver.project_for(path)
        return bool(project.force_exclude and project.is_excluded(path))

    @cached_property
    def cache(self) -> ResultCache | None:
        """The workspace's result cache (``.fmlint_cache``, or ``$FMLINT_CACHE_DIR``, as ``fmlint`` uses it
        there): the site checks read every other file's facts from it.  Used only from the lint thread (an
        SQLite connection is per thread)."""
        return None if self.root is None else ResultCache(self.root / default_dir())

    def reload(self) -> None:
        """Forget every configuration, schema and site root read so far."""
        forget_loaded()
        site_root.cache_clear()
        forget_sites()
        self._resolver = Resolver(cwd=self.root)
        self.generation += 1


def configuration_error(exc: Exception) -> str | None:
    """The message of a configuration or schema error (``None`` for anything else)."""
    return str(exc) if isinstance(exc, (ConfigError, SchemaLoadError)) else None

"""Configuration + command line → the :class:`Settings` of each file.

A :class:`Project` is one configuration file made usable: its preset, schemas
(loaded once), rule selection, severities, rule options, per-file ignores and
excludes.  :class:`Resolver` finds the project of each path (the nearest
configuration, or ``--config``, or none with ``--isolated``) and hands out
``Settings`` objects shared by every file with the same schema and ignores.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from fmlint.config.fix_policy import KEYS as FIX_KEYS
from fmlint.config.fix_policy import FixPolicy
from fmlint.config.loader import Config, ConfigError, defaults, find_config, load_config
from fmlint.config.presets import (
    COMMON_EXCLUDES,
    DEFAULT_PRESET,
    OWN_SCHEMA_PRESETS,
    PRESETS,
    Preset,
    application_root,
    detected_preset,
)
from fmlint.config.selection import Layer, UnknownSelector, by_specificity, codes, matches, select
from fmlint.config.settings import DEFAULT_ENABLED, DEFAULT_MAX_FILE_SIZE, Settings
from fmlint.diagnostics import Severity
from fmlint.folders import nearest
from fmlint.rules import CHECKERS, Checker
from fmlint.schema.loader import CompiledSchema, SchemaLoadError, load_schema

if TYPE_CHECKING:
    import pathspec


class Overrides(msgspec.Struct, frozen=True):
    """What the command line says (``None``: not given, the configuration decides)."""

    config: str | None = None
    isolated: bool = False
    schema: str | None = None
    preset: str | None = None
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    extend_exclude: Sequence[str] = ()
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None
    max_file_size: int | None = None
    check_urls: bool | None = None
    check_links: bool | None = None


def _spec(patterns: Sequence[str]) -> pathspec.PathSpec:
    import pathspec  # (~13 ms to import: a run over files named on the command line matches no excludes)

    return pathspec.PathSpec.from_lines("gitignore", patterns)


class Project:
    """One configuration, resolved; raises :class:`ConfigError` when it cannot be used.  ``detected``: the
    preset of the site the files are in, used when neither the command line nor the configuration names one."""

    def __init__(self, config: Config, overrides: Overrides, detected: str | None = None) -> None:
        self.config = config
        self.root = config.root
        options = config.options
        self.preset: Preset = PRESETS[overrides.preset or options.get("preset") or detected or DEFAULT_PRESET]
        self.default_schema = self._schema(("schema",), overrides.schema or options.get("schema") or self.preset.schema)
        self.associations: list[tuple[pathspec.PathSpec, CompiledSchema | None]] = []
        if overrides.schema is None:
            for index, entry in enumerate(options.get("schemas", ())):
                schema = self._schema(("schemas", index, "schema"), entry["schema"])
                self.associations.append((_spec(entry["files"]), schema))
            if options.get("schema") is None:  # (the configuration's own schema is for every other file)
                self.associations += [(_spec([glob]), load_schema(name)) for glob, name in self.preset.schemas]
        # an Astro project's content collections, a Next.js application's Contentlayer documents or Velite collections
        # are checked against their own schemas, unless a schema is named
        self.own_schemas = self.preset.name in OWN_SCHEMA_PRESETS and not (overrides.schema or options.get("schema"))
        self.enabled = self._selection(overrides)
        self.severities = {
            code: Severity(value)
            for code, value in self._selectors(
                ("severity",), lambda: by_specificity(options.get("severity", {}))
            ).items()
        }
        self.image_fields = tuple(options.get("image-fields", self.preset.image_fields))
        self.rule_options = self.preset.options_with(self.image_fields)
        for module, table in self._rule_options(options.get("rules", {})).items():
            self.rule_options.setdefault(module, {}).update(table)
        self.per_file_ignores = [
            (_spec([glob]), self._selectors(("per-file-ignores", glob), lambda s=selectors: codes(s)))
            for glob, selectors in options.get("per-file-ignores", {}).items()
        ]
        # (an `exclude` option replaces the preset's folders too)
        self.site_folders = frozenset(() if "exclude" in options else self.preset.site_folders)
        self._anchors: dict[str, str | None] = {}  # folder → the root of the site holding it
        excludes = [
            *options.get("exclude", COMMON_EXCLUDES),
            *options.get("extend-exclude", ()),
            *overrides.extend_exclude,
        ]
        self._excludes = excludes
        # Folder patterns only (`public/`), none negated: a file is excluded exactly when its folder is
        self.excludes_folders_only = all(p.endswith("/") and not p.startswith("!") for p in map(str.strip, excludes))
        self.force_exclude = _first(overrides.force_exclude, options.get("force-exclude"), False)
        self.respect_gitignore = _first(overrides.respect_gitignore, options.get("respect-gitignore"), True)
        self.extensions = tuple(ext.lower() for ext in options.get("extensions", self.preset.extensions))
        self.max_file_size = overrides.max_file_size or options.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
        self.allow_inline_schema = bool(options.get("allow-inline-schema", False))
        check_links = _first(overrides.check_links, options.get("check-links"), False)
        check_urls = check_links or _first(overrides.check_urls, options.get("check-urls"), False)
        self.collect_urls = frozenset({"images", "links"} if check_links else {"images"} if check_urls else ())
        self.fix_policy = FixPolicy.from_options({key: self._fix_selectors(key) for key in FIX_KEYS if key in options})
        self._settings: dict[tuple[int, frozenset[str]], Settings] = {}
        self._relative_folders: dict[str, str] = {}

    def _schema(self, key: tuple[str | int, ...], name: str | None) -> CompiledSchema | None:
        if name is None:
            return None
        try:
            return load_schema(name, self.root)
        except SchemaLoadError as exc:
            if self.config.path is None:
                raise
            raise self.config.error(key, str(exc)) from None

    def _selectors(self, key: tuple[str | int, ...], resolve: Any) -> Any:
        try:
            return resolve()
        except UnknownSelector as exc:
            raise self.config.error(key, str(exc)) from None

    def _fix_selectors(self, key: str) -> list[str]:
        """The selectors of a fix key, each checked (an unknown one is named with its index)."""
        for index, selector in enumerate(self.config.options[key]):
            self._selectors((key, index), lambda s=selector: matches(s))
        return list(self.config.options[key])

    def _selection(self, overrides: Overrides) -> frozenset[str]:
        options = self.config.options
        for key in ("select", "extend-select", "ignore"):
            for index, selector in enumerate(options.get(key, ())):
                self._selectors((key, index), lambda s=selector: matches(s))
        layers = [Layer(options.get("select"), options.get("extend-select", ()), options.get("ignore", ()))]
        command_line = Layer(overrides.select, overrides.extend_select, overrides.ignore)
        try:
            return select([*layers, command_line], DEFAULT_ENABLED)
        except UnknownSelector as exc:
            raise ConfigError(f"command line: {exc}") from None

    def _rule_options(self, tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
        """``[rules.<module or rule name>]`` tables, checked against each module's ``OPTIONS``."""
        resolved: dict[str, dict[str, Any]] = {}
        for name, table in tables.items():
            checker = _checker_named(name)
            if checker is None:
                known = ", ".join(f"`{c.name}`" for c in CHECKERS if c.options) or "none"
                message = f"no rule module or rule named `{name}` (modules with options: {known})"
                raise self.config.error(("rules", name), message)
            for option, value in table.items():
                if option not in checker.options:
                    known = ", ".join(f"`{o}`" for o in checker.options) or "none"
                    raise self.config.error(
                        ("rules", name, option), f"unknown option `{option}` of `{checker.name}` (its options: {known})"
                    )
                default = checker.options[option]
                if default is not None and not _same_kind(default, value):
                    raise self.config.error(
                        ("rules", name, option),
                        f"`{option}` of `{checker.name}` must be {_kind(default)}, like its default {default!r}",
                    )
            resolved.setdefault(checker.name, {}).update(table)
        return resolved

    def relative(self, path: str) -> str:
        """``path`` relative to the configuration's folder, with ``/`` separators.

        Called for every file (excludes, associations, ignores), so each
        folder's relative form is worked out once and the name appended.
        """
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            return self._relative(path)
        if folder not in self._relative_folders:
            self._relative_folders[folder] = self._relative(folder or ".")
        prefix = self._relative_folders[folder]
        return name if prefix == "." else f"{prefix}/{name}"

    def _relative(self, path: str) -> str:
        absolute = os.path.abspath(path)
        inside = self._root_prefix
        relative = absolute[len(inside) :] if absolute.startswith(inside) else os.path.relpath(absolute, self.root)
        return relative.replace(os.sep, "/")

    @cached_property
    def _root_prefix(self) -> str:
        return os.path.join(str(self.root), "")

    @cached_property
    def excludes(self) -> pathspec.PathSpec:
        return _spec(self._excludes)

    def is_excluded(self, path: str, is_dir: bool = False) -> bool:
        relative = self.relative(path)
        return self.excludes.match_file(relative + "/" if is_dir else relative) or self._in_site_folder(path, is_dir)

    def _in_site_folder(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` is in one of the preset's site folders: of the root of the site holding it (a Hugo
        site's ``layouts/``, not a content section named ``layouts``), else of the configuration's folder."""
        if not self.site_folders:
            return False
        from fmlint.site.config import site_folder

        absolute = os.path.abspath(path)
        parent = os.path.dirname(absolute)  # (a folder's own listing is not needed: a site's root is in no site folder)
        anchor = nearest(parent, lambda folder: folder if site_folder(folder) == folder else None, self._anchors)
        first = os.path.relpath(absolute if is_dir else parent, anchor or str(self.root)).split(os.sep, 1)[0]
        return first in self.site_folders

    def settings_for(self, path: str) -> Settings:
        if self.associations or self.per_file_ignores or self.own_schemas:
            relative = self.relative(path)
            associated = next(((s,) for spec, s in self.associations if spec.match_file(relative)), None)
            schema = associated[0] if associated is not None else self._own_schema(path)
            ignored = frozenset(
                code for spec, found in self.per_file_ignores if spec.match_file(relative) for code in found
            )
        else:  # the same settings for every file: no path to work out
            schema, ignored = self.default_schema, frozenset()
        key = (id(schema), ignored)
        if key not in self._settings:
            self._settings[key] = Settings(
                schema=schema,
                enabled_codes=self.enabled - ignored,
                severities=self.severities,
                rule_options=self.rule_options,
                max_file_size=self.max_file_size,
                collect_urls=self.collect_urls,
                preset=self.preset.name,
                image_fields=self.image_fields,
                allow_inline_schema=self.allow_inline_schema,
            )
        return self._settings[key]

    def _own_schema(self, path: str) -> CompiledSchema | None:
        """The schema the site or application holding ``path`` declares for it (an Astro collection's, a Contentlayer
        document type's, a Velite collection's), else the default."""
        if self.own_schemas:
            absolute = os.path.abspath(path)
            folder = os.path.dirname(absolute)
            if self.preset.name == "nextjs":
                from fmlint.site.contentlayer import document_schema
                from fmlint.site.velite import velite_schema

                root = application_root(folder)
                found = (document_schema(root, absolute) or velite_schema(root, absolute)) if root is not None else None
            else:
                from fmlint.site.astro_collections import collection_schema
                from fmlint.site.config import site_folder

                root = site_folder(folder)
                found = collection_schema(root, absolute) if root is not None else None
            if found is not None:
                return found
        return self.default_schema


def _first(*values: Any) -> Any:
    return next(value for value in values if value is not None)


def _checker_named(name: str) -> Checker | None:
    by_module = {checker.name: checker for checker in CHECKERS}
    if name in by_module:
        return by_module[name]
    owners = [checker for checker in CHECKERS for rule in checker.rules if name in (rule.name, rule.code)]
    return owners[0] if len(owners) == 1 else None


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def _kind(default: Any) -> str:
    for kind, name in ((bool, "a boolean"), ((int, float), "a number"), (str, "a string"), ((list, tuple), "a list")):
        if isinstance(default, kind):
            return name
    return "a mapping"


class Resolver:
    """The project of every path; one :class:`Project` per configuration file."""

    def __init__(self, overrides: Overrides = Overrides(), cwd: Path | None = None) -> None:
        self.overrides = overrides
        self.cwd = (cwd or Path.cwd()).resolve()
        self._projects: dict[tuple[Path | None, str | None], Project] = {}
        self._folders: dict[str, Project] = {}
        self._by_parent: dict[str, Project] = {}
        self._nearest: dict[str, Path | None] = {}  # folder → the nearest configuration file (``find_config``)

    @cached_property
    def _fixed(self) -> Config | None:
        """The one configuration for every path (``--config`` or ``--isolated``), if any."""
        if self.overrides.isolated:
            return defaults(self.cwd)
        if self.overrides.config is not None:
            return load_config(Path(self.overrides.config))
        return None

    def project_for(self, path: str) -> Project:
        """The project of a file or folder."""
        absolute = os.path.abspath(path)
        return self._project_of(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))

    def _project_of(self, folder: str) -> Project:
        if folder not in self._folders:
            config = self._fixed
            if config is None:
                found = find_config(folder, self._nearest)
                config = load_config(found) if found is not None else defaults(self.cwd)
            named = self.overrides.preset is not None or "preset" in config.options
            key = (config.path, None if named else detected_preset(folder))
            if key not in self._projects:
                self._projects[key] = Project(config, self.overrides, key[1])
            self._folders[folder] = self._projects[key]
        return self._folders[folder]

    def settings_for(self, path: str) -> Settings:
        """The settings of a file (one ``Settings`` object per distinct configuration)."""
        parent = os.path.dirname(path)  # as written: resolved once per folder
        project = self._by_parent.get(parent)
        if project is None:
            project = self._by_parent[parent] = self._project_of(os.path.dirname(os.path.abspath(path)))
        return project.settings_for(path)

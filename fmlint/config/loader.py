"""Configuration files: found, read, and checked against their own JSON Schema.

fmlint reads ``.fmlint.toml`` (keys at the top level) or the ``[tool.fmlint]``
table of ``pyproject.toml``; the nearest such file at or above a checked path
wins (``.fmlint.toml`` before ``pyproject.toml`` in the same folder).  The file
is read with fmlint's own TOML loader, so that every defect — a syntax error,
an unknown key, a value of the wrong type (``schemas/fmlint-config.schema.json``)
or a rule that does not exist — is a :class:`ConfigError` naming the file, the
line and column, and the key (exit code 2).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from fmlint.document import Document
from fmlint.folders import listed, nearest
from fmlint.frontmatter import FrontMatter, JsonPath, describe_path, toml_loader
from fmlint.positions import LineIndex, Span
from fmlint.schema.loader import load_schema
from fmlint.schema.prescreen import known_valid

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

CONFIG_FILES = (".fmlint.toml", "pyproject.toml")
CONFIG_SCHEMA = "fmlint-config"
_TOOL_TABLE: JsonPath = ("tool", "fmlint")


class ConfigError(Exception):
    """A configuration that cannot be used; the message says where and why."""


class Config(msgspec.Struct, frozen=True):
    """The validated options of one configuration file (or the defaults)."""

    path: Path | None  # None: no configuration file (defaults, or --isolated)
    root: Path  # the folder that globs and schema paths are relative to
    options: dict[str, Any] = msgspec.field(default_factory=dict)
    _source: FrontMatter | None = None
    _lines: LineIndex | None = None
    _prefix: JsonPath = ()

    def error(self, key: JsonPath, message: str) -> ConfigError:
        """A :class:`ConfigError` located at ``key`` (a path inside the options)."""
        return ConfigError(f"{self.where(key)}: {message}")

    def where(self, key: JsonPath) -> str:
        if self.path is None or self._source is None or self._lines is None:
            return "command line"
        line, column = self._lines.point(self._source.key_span((*self._prefix, *key)).start)
        return f"{self.path}:{line}:{column}"


def defaults(root: Path) -> Config:
    return Config(None, root)


def find_config(folder: str, known: dict[str, Path | None]) -> Path | None:
    """The nearest configuration file at or above the absolute ``folder`` (``known``: see
    ``fmlint.folders.nearest``).  Folders are plain strings: a walk asks this of every folder it enters."""
    return nearest(folder, config_in, known)


def config_in(folder: str) -> Path | None:
    """The configuration file in ``folder`` itself, if any."""
    names = listed(folder)  # (a walk's listing: no test for each name it lacks)
    for name in CONFIG_FILES if names is None else [name for name in CONFIG_FILES if name in names]:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and (name != "pyproject.toml" or _has_tool_table(Path(path))):
            return Path(path)
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether ``pyproject.toml`` has a ``[tool.fmlint]`` table (a broken file counts: it is reported)."""
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError:
        return False
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True
    tool = data.get("tool")
    return isinstance(tool, dict) and "fmlint" in tool


def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    path = path.resolve()
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8 text") from None
    lines = LineIndex(text)
    document = Document(str(path), text, lines, kind="toml", front_matter=Span(0, len(text)))
    source = toml_loader.load(document)
    for problem in source.problems:
        line, column = lines.point(problem.span.start)
        raise ConfigError(f"{path}:{line}:{column}: {problem.message}")
    prefix: JsonPath = _TOOL_TABLE if path.name == "pyproject.toml" else ()
    options: Any = source.data
    for part in prefix:
        options = options.get(part, {}) if isinstance(options, dict) else {}
    # jsonschema-rs may answer: the configuration schema's one pattern reads the same in Rust and Python
    if not known_valid(load_schema(CONFIG_SCHEMA), options, patterns_agree=True):
        from fmlint.schema.errors import schema_problems  # jsonschema: only for a configuration with errors

        for problem in schema_problems(_located_errors(options, prefix), source):
            line, column = lines.point(problem.span.start)
            raise ConfigError(f"{path}:{line}:{column}: {_config_message(problem.message, prefix)}")
    return Config(path, path.parent, options, source, lines, prefix)


def _config_message(message: str, prefix: JsonPath) -> str:
    """Name keys as the user writes them in this file (without ``tool.fmlint.``)."""
    if prefix:
        message = message.replace(describe_path(prefix) + ".", "")
    if message.startswith("unknown key"):
        where = f" in [{describe_path(prefix)}]" if prefix else ""
        message = "unknown configuration key" + message.removeprefix("unknown key") + where
    return message


def _located_errors(options: Any, prefix: JsonPath) -> Iterator[ValidationError]:
    """Errors of the shipped configuration schema, with paths from the file's root."""
    for error in load_schema(CONFIG_SCHEMA).validator.iter_errors(options):
        error.path.extendleft(reversed(prefix))
        yield error

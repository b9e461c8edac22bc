"""Nested tables of a parsed configuration file (TOML, YAML or JSON): what a site's configuration readers ask
of ``hugo.toml``, ``netlify.toml`` or ``package.json``."""

from __future__ import annotations

import json
import os
from typing import Any


def subtable(options: Any, *keys: str) -> dict[str, Any]:
    """The table ``options[keys[0]][keys[1]]…``; ``{}`` where a step is missing or not a table."""
    for key in keys:
        options = options.get(key) if isinstance(options, dict) else None
    return options if isinstance(options, dict) else {}


def package_dependencies(root: str) -> dict[str, Any]:
    """The ``dependencies`` and ``devDependencies`` of the ``package.json`` in the folder ``root`` (``{}`` when it
    is missing or unreadable)."""
    try:
        with open(os.path.join(root, "package.json"), encoding="utf-8") as handle:
            package = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return {**subtable(package, "devDependencies"), **subtable(package, "dependencies")}

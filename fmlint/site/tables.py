"""Nested tables of a parsed configuration file (TOML, YAML or JSON): what a site's configuration readers ask
of ``hugo.toml``, ``netlify.toml`` or ``package.json``."""

from __future__ import annotations

from typing import Any


def subtable(options: Any, *keys: str) -> dict[str, Any]:
    """The table ``options[keys[0]][keys[1]]…``; ``{}`` where a step is missing or not a table."""
    for key in keys:
        options = options.get(key) if isinstance(options, dict) else None
    return options if isinstance(options, dict) else {}

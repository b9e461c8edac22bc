"""What inference reads from a site's generator configuration: its taxonomies."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml

# Always taxonomies: Hugo's defaults and the usual others (never a fixed choice of terms)
DEFAULT_TAXONOMIES = frozenset({"tags", "categories", "series", "keywords"})
_CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml")


def site_taxonomies(start: str) -> frozenset[str]:
    """The default taxonomies plus those configured in the nearest Hugo configuration at or above ``start``."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        for name in _CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return DEFAULT_TAXONOMIES | _configured(path)
    return DEFAULT_TAXONOMIES


def _configured(path: Path) -> frozenset[str]:
    """The plural names of ``[taxonomies]`` (``tag = "tags"``); none when the file cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
        config: Any = tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError):
        return frozenset()
    table = config.get("taxonomies") if isinstance(config, dict) else None
    if not isinstance(table, dict):
        return frozenset()
    return frozenset(str(plural) for plural in table.values() if isinstance(plural, str))

"""The keys of a mapping that a schema object does not define."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any


def undefined_keys(node: Mapping[str, Any], value: Mapping[Any, Any]) -> list[Any]:
    """The keys of ``value``, in order, that the schema object ``node`` neither names in ``properties`` nor matches
    by a ``patternProperties`` pattern (a key that is no string matches none)."""
    properties = node.get("properties")
    names = properties if isinstance(properties, dict) else {}
    patterns = [pattern for pattern in node.get("patternProperties") or () if isinstance(pattern, str)]
    return [
        key
        for key in value
        if key not in names and not (isinstance(key, str) and any(re.search(pattern, key) for pattern in patterns))
    ]

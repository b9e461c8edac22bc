"""Front-matter keys read in the schema's spelling whatever their case, as Hugo reads them.

Hugo lower-cases every front-matter key: `linktitle`, `LinkTitle` and
`linkTitle` are one key (older Hugo documentation wrote `linktitle`).  Under a
preset whose generator does this, a top-level key that is not in the schema
but matches exactly one of its properties when case is ignored is validated
as that property: renamed in a copy of the data, its positions still those of
the key as written.  Two keys folding to the same property are left as they
are (the generator keeps one of them: the schema rule reports the other).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import msgspec

from fmlint.frontmatter import FrontMatter


def in_schema_spelling(schema: Any, data: dict[Any, Any], fm: FrontMatter) -> tuple[dict[Any, Any], FrontMatter]:
    """``data`` and ``fm`` with top-level keys renamed to the spelling of the schema's properties."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict) or all(key in properties for key in data):
        return data, fm
    spellings: dict[str, list[str]] = {}
    for name in properties:
        spellings.setdefault(name.lower(), []).append(name)
    folded = Counter(key.lower() for key in data if isinstance(key, str))
    renames: dict[str, str] = {}
    for key in data:
        if not isinstance(key, str) or key in properties or folded[key.lower()] > 1:
            continue
        names = spellings.get(key.lower(), [])
        if len(names) == 1:
            renames[key] = names[0]
    if not renames:
        return data, fm
    renamed = {renames.get(key, key): value for key, value in data.items()}
    locations = {
        ((renames[path[0]], *path[1:]) if path and path[0] in renames else path): located
        for path, located in fm.locations.items()
    }
    return renamed, msgspec.structs.replace(fm, data=renamed, locations=locations)

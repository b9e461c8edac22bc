"""A front-matter key's schema in words (hover) and its values in each syntax (completion)."""

from __future__ import annotations

import json
import re
from typing import Any

from fmlint.regex import lazy_pattern
from fmlint.server.schema_nav import SchemaNode, describe

_PLAIN_YAML = lazy_pattern(r"[A-Za-z_][\w .-]*")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def type_label(node: SchemaNode) -> str:
    kinds = describe(node).get("type")
    return " | ".join(kinds) if isinstance(kinds, list) else str(kinds or "")


def markdown(name: str, node: SchemaNode) -> str:
    """``title``/``description``/type/enum of a key, as Markdown."""
    facts = describe(node)
    kind = type_label(node)
    head = f"**`{name}`**" + (f" ({kind})" if kind else "") + (f" — {facts['title']}" if "title" in facts else "")
    parts = [head]
    if "description" in facts:
        parts.append(str(facts["description"]))
    if "enum" in facts and isinstance(facts["enum"], list):
        parts.append("One of: " + ", ".join(f"`{json.dumps(value, ensure_ascii=False)}`" for value in facts["enum"]))
    if "const" in facts:
        parts.append(f"Always `{json.dumps(facts['const'], ensure_ascii=False)}`")
    if "format" in facts:
        parts.append(f"Format: `{facts['format']}`")
    return "\n\n".join(parts)


def values(node: SchemaNode) -> list[Any]:
    """The values a key may take when the schema lists them: its enum or const, or ``true``/``false``."""
    facts = describe(node)
    if isinstance(facts.get("enum"), list):
        return list(facts["enum"])
    if "const" in facts:
        return [facts["const"]]
    kinds = facts.get("type")
    if kinds == "boolean" or (isinstance(kinds, list) and "boolean" in kinds):
        return [True, False]
    return []


def written(value: Any, kind: str) -> str:
    """``value`` as it is written in ``kind`` front matter."""
    if isinstance(value, str) and kind == "yaml" and _PLAIN_YAML.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON's scalars are also YAML's and TOML's


def key_text(name: str, kind: str) -> str:
    """What completing the key ``name`` inserts."""
    if kind == "json":
        return f"{json.dumps(name, ensure_ascii=False)}: "
    bare = re.fullmatch(r"[\w-]+", name) is not None
    if kind == "toml":
        return f"{name if bare else json.dumps(name, ensure_ascii=False)} = "
    return f"{name if bare else json.dumps(name, ensure_ascii=False)}: "

"""Replacement values and keys written for their front-matter format.

Each is checked by reading it back with fmlint's own loader for that format
(the one the linter uses), so a written value always means the intended value:
a YAML string that would read as a number, boolean, null or date is quoted; a
TOML or JSON string is escaped as its format requires.  The style of what was
written before is kept when it can be (a plain YAML scalar stays plain, a
single-quoted one single-quoted).
"""

from __future__ import annotations

import json
from typing import Any

from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.positions import Span
from fmlint.regex import lazy_pattern

_YAML_PLAIN = lazy_pattern(r"[^\W\d][\w .\-/]*(?<! )")  # no indicator, comma, bracket or colon
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off"}  # strings to fmlint and Hugo, booleans to YAML 1.1 tools
_TOML_BARE_KEY = lazy_pattern(r"[A-Za-z0-9_-]+")
_YAML_PROPERTIES = lazy_pattern(r"(?:[&!][^\s,\[\]{}]*[ \t]+)+")  # `&anchor !tag ` before a value
_PROBE_KEY = "v"
_WRAPPERS = {"yaml": "---\n{}\n---\n", "toml": "+++\n{}\n+++\n", "json": "{{{}}}\n"}
_BINDINGS = {"yaml": "{key}: {value}", "toml": "{key} = {value}", "json": "{key}: {value}"}


def written_value(kind: str, text: str, span: Span) -> Span:
    """The part of a value's ``span`` that a new value replaces: a YAML anchor or tag before it stays."""
    if kind != "yaml":
        return span
    properties = _YAML_PROPERTIES.match(text, span.start, span.end)
    return Span(properties.end() if properties else span.start, span.end)


def value_text(kind: str, value: Any, written: str = "") -> str | None:
    """``value`` as a front-matter value of ``kind``, in the style of ``written`` (the text it replaces);
    ``None`` when no spelling reads back as the value (then no fix is offered)."""
    for candidate in _value_candidates(kind, value, written):
        if _reads_back(kind, _json_string(_PROBE_KEY) if kind == "json" else _PROBE_KEY, candidate, value):
            return candidate
    return None


def key_text(kind: str, key: str, written: str = "") -> str | None:
    """``key`` as a mapping key of ``kind``, in the style of ``written`` (the key it replaces); ``None`` as above."""
    for candidate in _string_candidates(kind, key, written, key=True):
        if _reads_back(kind, candidate, "0", None, key):
            return candidate
    return None


def _value_candidates(kind: str, value: Any, written: str) -> list[str]:
    if isinstance(value, str):
        return _string_candidates(kind, value, written)
    if isinstance(value, list):
        items = [value_text(kind, item) for item in value]
        return [] if None in items else ["[" + ", ".join(map(str, items)) + "]"]
    return [json.dumps(value)]  # booleans and numbers are written alike in the three formats (inf is not: no fix)


def _string_candidates(kind: str, text: str, written: str, key: bool = False) -> list[str]:
    quoted = written.startswith(("'", '"'))
    control = any(ord(char) < 0x20 or char == "\x7f" for char in text)
    if kind == "json":
        return [_json_string(text)]
    if kind == "toml":
        bare = [text] if key and not quoted and _TOML_BARE_KEY.fullmatch(text) else []
        literal = [f"'{text}'"] if written.startswith("'") and "'" not in text and not control else []
        return [*bare, *literal, _toml_basic(text)]
    plain = [text] if not quoted and _YAML_PLAIN.fullmatch(text) and text.lower() not in _YAML11_WORDS else []
    single = [f"'{text.replace(chr(39), chr(39) * 2)}'"] if not control else []
    double = [_yaml_double(text)]
    return [*plain, *(double + single if written.startswith('"') else single + double)]


def _json_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _toml_basic(text: str) -> str:
    """A TOML basic string: JSON's escapes, plus DEL, which TOML also requires escaped."""
    return _json_string(text).replace("\x7f", "\\u007F")


def _yaml_double(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus the line separators YAML 1.1 readers break at."""
    return _json_string(text).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def _reads_back(kind: str, key: str, written: str, value: Any, wanted_key: str = _PROBE_KEY) -> bool:
    source = _WRAPPERS[kind].format(_BINDINGS[kind].format(key=key, value=written))
    fm = parse_front_matter(read_document("<value>", source.encode("utf-8")))
    if fm is None or fm.problems or not isinstance(fm.data, dict) or list(fm.data) != [wanted_key]:
        return False
    read = fm.data[wanted_key]
    return value is None or (read == value and type(read) is type(value))

"""A native pre-screen for schema validation.

jsonschema-rs tells whether a document is valid in about 13 µs where
jsonschema takes about 330 µs (the hugo-article schema, seed-shaped front
matter); schema validation was the largest cost of a cold run.  jsonschema
stays the validator that finds errors and their paths: the pre-screen is only
asked "is this document valid?", and anything but a confident "yes" runs
jsonschema as before.

It is used only where the two are known to agree (``tests/test_prescreen.py``
compares them on every schema and corpus we have, and on generated values):

* every ``format`` is checked by jsonschema's own format checker, called back
  from jsonschema-rs, so format results are the same by construction — or,
  where the schema names only fmlint's own formats (``fmlint.schema.formats``:
  the bundled Hugo schema's ``hugo-term``), by those functions, called as that
  checker calls them, so that jsonschema is not imported (nor its validator
  built, nor the schema checked: ~90 ms of a pre-commit run over a few files);
* a schema with regular expressions (``pattern``, ``patternProperties``) is not
  pre-screened: Rust's regex dialect is not Python's ``re``;
* nor one whose ``$ref``s load other files, nor one jsonschema-rs cannot build;
* nor a document holding values JSON cannot carry (non-text keys, NaN or
  infinity, integers beyond 64 bits) — YAML can produce all of these.

Without jsonschema-rs installed every document goes to jsonschema.  Even a
run of one file starts here: importing jsonschema-rs and building its
validator (about 20 ms) costs less than importing jsonschema and building its
validator (about 100 ms), which a valid document then never needs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from fmlint.schema.formats import CUSTOM_FORMATS, FormatCheck

if TYPE_CHECKING:
    from fmlint.schema.loader import CompiledSchema

_REGEX_KEYWORDS = frozenset({"pattern", "patternProperties"})
_REF_KEYWORDS = frozenset({"$ref", "$dynamicRef"})
_INT64 = 2**63
_validators: dict[tuple[str, bool], Callable[[Any], bool] | None] = {}


def known_valid(schema: CompiledSchema, data: Any, patterns_agree: bool = False) -> bool:
    """``True`` only when the native validator may answer and says ``data`` is valid.

    ``patterns_agree``: the schema's regular expressions are known to read the
    same in Rust and Python (fmlint's own configuration schema), so it is
    pre-screened despite them.
    """
    key = (schema.digest, patterns_agree)
    if key not in _validators:
        _validators[key] = _native(schema, patterns_agree)
    is_valid = _validators[key]
    if is_valid is None or not _plain(data):
        return False
    try:
        return bool(is_valid(data))
    except Exception:  # a value the binding cannot convert: let jsonschema decide
        return False


def _native(schema: CompiledSchema, patterns_agree: bool) -> Callable[[Any], bool] | None:
    pairs = list(_pairs(schema.contents))
    if not patterns_agree and any(key in _REGEX_KEYWORDS for key, _ in pairs):
        return None
    if any(key in _REF_KEYWORDS and not (isinstance(value, str) and value.startswith("#")) for key, value in pairs):
        return None
    try:
        import jsonschema_rs
    except ImportError:
        return None
    names = {value for key, value in pairs if key == "format" and isinstance(value, str)}
    if names <= CUSTOM_FORMATS.keys():  # fmlint's own formats: checked as jsonschema's checker calls them
        formats = {name: _custom(CUSTOM_FORMATS[name]) for name in names}
    else:  # jsonschema's checker (which holds fmlint's too)
        checker = schema.validator.format_checker
        formats = {name: _format(checker, name) for name in names}
    try:
        return jsonschema_rs.validator_for(schema.contents, formats=formats, validate_formats=True).is_valid
    except Exception:  # a schema or dialect jsonschema-rs does not take
        return None


def _format(checker: Any, name: str) -> Callable[[Any], bool]:
    return lambda value: checker.conforms(value, name)


def _custom(check: FormatCheck) -> Callable[[Any], bool]:
    """``check`` as jsonschema's format checker reads it (``loader._format_checker`` registers it to raise
    ``ValueError``): a false result or that error does not conform, any other error is raised."""

    def conforms(value: Any) -> bool:
        try:
            return bool(check(value))
        except ValueError:
            return False

    return conforms


def _pairs(node: Any) -> Iterator[tuple[str, Any]]:
    """Every key and value of every mapping in ``node``, however deep."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _pairs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _pairs(value)


def _plain(value: Any) -> bool:
    """Whether ``value`` is JSON data that converts exactly (see the module docstring).

    The loaders build exact built-in types, so types are compared, not tested
    with ``isinstance``; text, the usual value, is let through without a call.
    """
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is dict:
        return all(type(key) is str and (type(item) is str or _plain(item)) for key, item in value.items())
    if kind is list:
        return all(type(item) is str or _plain(item) for item in value)
    if kind is int:
        return -_INT64 <= value < _INT64
    if kind is float:
        return math.isfinite(value)
    return False

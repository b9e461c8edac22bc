"""jsonschema errors → located, human-worded problems.

Placement follows what a user needs to edit: the value for type / enum /
format / range errors, the offending *key* for ``additionalProperties``,
``unevaluatedProperties`` and ``propertyNames``, the mapping's key (or the
opening delimiter) for ``required``; for ``anyOf``/``oneOf`` the most relevant
sub-error is reported instead of "not valid under any of the given schemas".
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError, best_match, relevance

from fmlint.diagnostics import Problem
from fmlint.frontmatter import FrontMatter, JsonPath, describe_path
from fmlint.schema.properties import undefined_keys

VIOLATION, UNKNOWN_KEY, MISSING_KEY = "SC001", "SC002", "SC003"

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
}
_MAPPING_KEYWORDS = {"minProperties", "maxProperties", "dependentRequired", "dependencies"}


def schema_problems(
    errors: Iterator[ValidationError], fm: FrontMatter, text: str = "", validator: Any = None
) -> Iterator[Problem]:
    """The located problems; with ``text`` (the document's) and the ``validator`` they carry fixes."""
    for error in errors:
        for relevant in _most_relevant(error):
            yield from _located(relevant, fm, text, validator)


def _most_relevant(error: ValidationError) -> list[ValidationError]:
    """For ``anyOf``/``oneOf``: the errors of the branch the value was meant for.

    A branch that fails only because the value has another type was not meant
    for it; of the others, the branch with the fewest errors wins.  When every
    branch is of another type, the alternatives' types are reported together.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [subs for subs in branches.values() if not any(_is_type_mismatch(sub, error) for sub in subs)]
    if not meant:
        types = [sub.validator_value for subs in branches.values() for sub in subs if sub.validator == "type"]
        if len(types) == len(branches):
            merged = [name for value in types for name in ([value] if isinstance(value, str) else value)]
            return [_type_error(error, list(dict.fromkeys(merged)))]
        return [best_match(error.context, key=relevance) or error]
    chosen = min(meant, key=len)
    return [relevant for sub in chosen for relevant in _most_relevant(sub)]


def _is_type_mismatch(sub: ValidationError, parent: ValidationError) -> bool:
    return sub.validator == "type" and len(sub.absolute_path) == len(parent.absolute_path)


def _type_error(error: ValidationError, types: list[str]) -> ValidationError:
    return ValidationError(
        "type mismatch",
        validator="type",
        validator_value=types,
        instance=error.instance,
        path=error.absolute_path,
        schema={"type": types},  # what a fix's value is checked against
    )


def _located(error: ValidationError, fm: FrontMatter, text: str, validator: Any) -> Iterator[Problem]:
    from fmlint.rules.schema import rename_fix, value_fix  # the fixes live beside the rules

    path: JsonPath = tuple(error.absolute_path)
    keyword = error.validator
    where = describe_path(path)
    if keyword == "required":
        missing = _quoted_name(error)
        span = fm.key_span(path) if path else fm.opening
        yield Problem(MISSING_KEY, f"missing required key `{describe_path((*path, missing))}`", span)
    elif keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(error.instance, dict):
        known = list((error.schema.get("properties") if isinstance(error.schema, dict) else None) or {})
        for key in _unexpected_keys(error):
            candidates = suggestions(key, known)
            fix = rename_fix(fm, text, (*path, key), candidates, error, validator) if validator else None
            message = _unknown_key_message((*path, key), candidates[0] if candidates else None)
            yield Problem(UNKNOWN_KEY, message, fm.key_span((*path, key)), fix=fix)
    elif "propertyNames" in error.absolute_schema_path:
        key_path = (*path, error.instance)
        message = _value_message(error, f"key `{describe_path(key_path)}`")
        yield Problem(VIOLATION, message, fm.key_span(key_path))
    elif keyword == "not" and error.validator_value == {} and path and isinstance(path[-1], str):
        # `"key": {"not": {}}` forbids a key (an inferred schema's likely typos); its description says why
        reason = error.schema.get("description") if isinstance(error.schema, dict) else None
        message = f"unknown key `{where}`" + (f": {reason}" if reason else "")
        yield Problem(UNKNOWN_KEY, message, fm.key_span(path))
    elif keyword in _MAPPING_KEYWORDS:
        yield Problem(VIOLATION, f"{where}: {error.message}", fm.key_span(path) if path else fm.opening)
    else:
        fix = value_fix(fm, text, path, error, validator) if validator else None
        yield Problem(VIOLATION, _value_message(error, where), fm.value_span(path), fix=fix)


def _quoted_name(error: ValidationError) -> str:
    # jsonschema's message is "'title' is a required property"
    text = error.message
    return text[1 : text.index("'", 1)] if text.startswith("'") and "'" in text[1:] else text


def _unexpected_keys(error: ValidationError) -> list[str]:
    """The keys the error complains about, in document order."""
    instance = error.instance
    if error.validator == "additionalProperties" and isinstance(error.schema, dict):
        return undefined_keys(error.schema, instance)
    return [k for k in instance if repr(k) in error.message]


def suggestions(key: str, known: list[str]) -> list[str]:
    """The known keys ``key`` may be a typo of, closest first (a case-insensitive match alone when there is one)."""
    lowered = [name for name in known if name.lower() == key.lower()]
    return lowered or difflib.get_close_matches(key, known, n=3, cutoff=0.7)


def _unknown_key_message(path: JsonPath, hint: str | None) -> str:
    """The message of an unknown key; ``hint``: its first suggestion (the one its fix renames it to)."""
    suggestion = f" (did you mean `{hint}`?)" if hint else ""
    return f"unknown key `{describe_path(path)}`{suggestion}"


def describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {json.dumps(value)}"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"the string {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return "a mapping"


def _expected_types(expected: Any) -> str:
    names = [_TYPE_NAMES.get(name, name) for name in ([expected] if isinstance(expected, str) else expected)]
    return " or ".join(names)


def _short(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _value_message(error: ValidationError, where: str) -> str:
    keyword, expected, value = error.validator, error.validator_value, error.instance
    if keyword == "type":
        return f"{where}: expected {_expected_types(expected)}, got {describe_value(value)}"
    if keyword == "enum":
        options = ", ".join(_short(option) for option in expected)
        hint = ""
        if isinstance(value, str):
            close = difflib.get_close_matches(value, [o for o in expected if isinstance(o, str)], n=1)
            hint = f" (did you mean {_short(close[0])}?)" if close else ""
        return f"{where}: expected one of {options}, got {_short(value)}{hint}"
    if keyword == "const":
        return f"{where}: expected {_short(expected)}, got {_short(value)}"
    if keyword == "format":
        reason = f": {error.cause}" if error.cause else ""
        return f"{where}: {_short(value)} is not a valid {expected}{reason}"
    if keyword == "pattern":
        return f"{where}: {_short(value)} does not match the pattern `{expected}`"
    if keyword == "minLength" and expected == 1:
        return f"{where}: must not be empty"
    if keyword in ("minLength", "maxLength"):
        bound = "at least" if keyword == "minLength" else "at most"
        return f"{where}: must be {bound} {expected} characters long, got {len(value)}"
    if keyword in ("minItems", "maxItems"):
        bound = "at least" if keyword == "minItems" else "at most"
        return f"{where}: must have {bound} {expected} items, got {len(value)}"
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        relation = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[keyword]
        return f"{where}: must be {relation} {expected}, got {_short(value)}"
    if keyword == "uniqueItems":
        return f"{where}: items must be unique"
    return f"{where}: {error.message}"

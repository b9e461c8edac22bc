"""JavaScript and JSON-with-comments text read without evaluating it (``docusaurus.config.js``,
``astro.config.*``, ``tsconfig.json``): its tokens that matter here, the text with its comments blanked,
object literals' keys, spreads and string options, where a constant's object is and where one ends."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from fmlint.regex import lazy_pattern

# a comment, a string (quoted either way or a template), or a brace; a `//` or `/*` after a backslash is a regular
# expression's escaped slash and its end (`.replace(/^docs\//, '')`): no comment
TOKEN = lazy_pattern(
    r"""(?<!\\)//[^\n]*|(?<!\\)/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|[{}]""", re.DOTALL
)


# what a relative import names, in the order it is looked for: the file as named, with an extension, a folder's index
MODULE_ENDINGS = ("", ".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", "/index.ts", "/index.js")


def module_file(path: str) -> str | None:
    """The file a relative import of ``path`` (a path without its extension, or a folder) loads, if any."""
    return next((path + ending for ending in MODULE_ENDINGS if os.path.isfile(path + ending)), None)


def module_text(path: str) -> str:
    """The text of the module a relative import of ``path`` loads, comments blanked (not JSON's); "" when there is
    none or it cannot be read."""
    found = module_file(path)
    if found is None:
        return ""
    try:
        with open(found, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return ""
    return text if found.endswith(".json") else without_comments(text)


def without_comments(text: str) -> str:
    """``text`` with each comment turned into spaces (offsets kept); strings, even holding ``//``, kept."""
    return TOKEN.sub(_blank_comment, text)


def _blank_comment(token: re.Match[str]) -> str:
    value = token.group()
    return " " * len(value) if value.startswith(("//", "/*")) else value


# the tokens an object literal's keys are found among: a string, a bracket, a name or a number (helm-www's
# `versions: {3: {path: "v3"}}`), `,` or `:`
_PART = lazy_pattern(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|[{}\[\]()]|[A-Za-z_$][\w$]*|\d[\w.]*|[,:]"""
)


def object_keys(text: str, start: int) -> list[str]:
    """The keys (names or strings followed by ``:``) of the object literal opening at ``start`` (a ``{`` in
    ``text`` without comments), not those of the objects inside it."""
    return [name for kind, name, _ in _members(text, start) if kind == "key"]


def object_spreads(text: str, start: int) -> list[str]:
    """The names spread into the object literal opening at ``start`` (``{...redirects, …}``)."""
    return [name for kind, name, _ in _members(text, start) if kind == "spread"]


def top_level_value(text: str, start: int, key: str) -> int | None:
    """Where the value of ``key`` in the object literal opening at ``start`` begins (its first character
    after the ``:``), not that of a key of an object inside it; ``None`` when the object has no such key."""
    for kind, name, end in _members(text, start):
        if kind == "key" and name == key:
            found = _NOT_SPACE.search(text, end)
            return found.start() if found is not None else len(text)
    return None


def top_level_boolean(text: str, start: int, key: str) -> bool | None:
    """``key: true``/``key: false`` of the object literal opening at ``start``; ``None`` for any other value
    (an expression is not evaluated) or none."""
    at = top_level_value(text, start, key)
    found = _BOOLEAN.match(text, at) if at is not None else None
    return found.group() == "true" if found is not None else None


def top_level_strings(text: str, start: int, key: str) -> list[str] | None:
    """The strings of the array literal ``key: ['a', "b"]`` of the object literal opening at ``start``;
    ``None`` when the value is no such array (an expression, an array holding anything else) or is missing."""
    at = top_level_value(text, start, key)
    if at is None or not text.startswith("[", at):
        return None
    found = _STRING_ARRAY.match(text, at)
    return [string[1:-1] for string in _STRING.findall(found.group())] if found is not None else None


_NOT_SPACE = lazy_pattern(r"\S")
_BOOLEAN = lazy_pattern(r"(?:true|false)(?![\w$])")
_STRING = lazy_pattern(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_STRING_ARRAY = lazy_pattern(rf"\[\s*(?:(?:{_STRING.pattern})\s*,\s*)*(?:(?:{_STRING.pattern})\s*,?\s*)?\]")


def _members(text: str, start: int) -> Iterator[tuple[str, str, int]]:
    """("key", name, end of its ``:``) and ("spread", name, end of the name) of the object literal opening at
    ``start``, at its top level."""
    depth = 0
    candidate: str | None = None  # a name or string where a key may be
    expect_key = False
    for token in _PART.finditer(text, start):
        value = token.group()
        if value in "{[(":
            depth += 1
            expect_key = depth == 1
        elif value in "}])":
            depth -= 1
            if depth == 0:
                return
        elif depth != 1:
            continue
        elif value == ",":
            expect_key = True
        elif value == ":" and candidate is not None:
            yield "key", candidate, token.end()
            expect_key = False
        elif expect_key and text.endswith("...", 0, token.start()):
            yield "spread", value, token.end()
            expect_key = False
        elif expect_key:
            candidate = value[1:-1] if value[0] in "'\"`" else value
            expect_key = False
            continue
        candidate = None


def object_end(text: str, start: int) -> int | None:
    """Where the object literal opening at ``start`` ends (after its ``}``); ``None`` when it does not."""
    depth = 0
    for token in TOKEN.finditer(text, start):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth -= 1
            if depth == 0:
                return token.end()
    return None


def constant_object(text: str, name: str) -> int | None:
    """Where the object literal that the constant ``name`` is declared as opens (``const options: T = {``)."""
    found = re.search(rf"(?<![\w$.]){re.escape(name)}\s*(?::[^=;]*)?=\s*\{{", text)
    return found.end() - 1 if found is not None else None


def top_level_string(text: str, start: int, key: str) -> str | None:
    """The string ``key: '…'`` of the object literal opening at ``start`` (not of an object inside it)."""
    pattern = re.compile(rf"""(?<![\w$])(['"]?){re.escape(key)}\1\s*:\s*$""")  # (`path:`, `"path":`)
    depth = 0
    for token in TOKEN.finditer(text, start):
        value = token.group()
        if value == "{":
            depth += 1
        elif value == "}":
            depth -= 1
            if depth == 0:
                return None
        elif depth == 1 and value[0] in "'\"`" and pattern.search(text, max(0, token.start() - 40), token.start()):
            return value[1:-1]
    return None


_TRAILING_COMMA = lazy_pattern(r",(\s*[}\]])")


def load_json_with_comments(text: str) -> Any:
    """JSON with comments and trailing commas (``tsconfig.json``) loaded; ``ValueError`` when it is not JSON."""
    return json.loads(_TRAILING_COMMA.sub(r"\1", without_comments(text)))


@cache
def tsconfig_paths(root: str) -> dict[str, list[str]]:
    """``compilerOptions.paths`` of ``root/tsconfig.json`` (JSON with comments and trailing commas), relative
    to the root (through ``baseUrl``); empty when there is none."""
    try:
        with open(os.path.join(root, "tsconfig.json"), encoding="utf-8") as handle:
            text = handle.read()
        options = load_json_with_comments(text).get("compilerOptions")
    except (OSError, ValueError, AttributeError):
        return {}
    if not isinstance(options, dict) or not isinstance(options.get("paths"), dict):
        return {}
    base = str(options.get("baseUrl", "."))
    return {
        str(alias): [os.path.join(base, str(target)) for target in targets if isinstance(target, str)]
        for alias, targets in options["paths"].items()
        if isinstance(targets, list)
    }


def aliased(root: str, path: str) -> list[str]:
    """The paths an import alias of the project's ``tsconfig.json`` (``"~/*": ["./src/*"]``) makes of ``path``
    (``~/assets/hero.png``), from ``root``; none when no alias matches."""
    for alias, targets in tsconfig_paths(root).items():
        prefix = alias.removesuffix("*")
        if path.startswith(prefix) if alias.endswith("*") else path == alias:
            rest = path[len(prefix) :] if alias.endswith("*") else ""
            return [os.path.normpath(os.path.join(root, target.replace("*", rest, 1))) for target in targets]
    return []

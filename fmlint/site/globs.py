"""Hugo's glob slices (module mounts' ``files``, sites matrices, cascade targets): gobwas/glob patterns."""

from __future__ import annotations

import re
from functools import cache


def glob_slice_matches(patterns: list[str] | tuple[str, ...], name: str) -> bool:
    """Whether ``name`` matches Hugo's glob slice: no ``! pattern`` matches it, and one of the other patterns
    does (any name, when there are none)."""
    positive = False
    matched = False
    for pattern in patterns:
        if pattern.startswith("! "):
            if _glob(pattern[2:].strip()).fullmatch(name):
                return False
        else:
            positive = True
            matched = matched or _glob(pattern.strip()).fullmatch(name) is not None
    return matched or not positive


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A Go glob (gobwas/glob, ``/`` the separator) as a regular expression: ``**`` crosses folders, ``*``
    and ``?`` do not, ``{a,b}`` is either, ``[…]`` a class."""
    out = []
    depth = 0
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if pattern.startswith("**", at):
            out.append(".*")
            at += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            depth += 1
            out.append("(?:")
        elif char == "}" and depth:
            depth -= 1
            out.append(")")
        elif char == "," and depth:
            out.append("|")
        elif char == "[":
            end = pattern.find("]", at + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = pattern[at + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                at = end
        else:
            out.append(re.escape(char))
        at += 1
    try:
        return re.compile("".join(out) + ")" * depth)
    except re.error:  # a class such as `[]` or `[!]`: the pattern as written, matched literally
        return re.compile(re.escape(pattern))

"""Hugo's glob slices (module mounts' ``files``, sites matrices, cascade targets): gobwas/glob patterns; and
picomatch's globs (Docusaurus's ``exclude``; Jekyll's defaults' scopes, which Ruby's ``Dir.glob`` reads alike)."""

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


def mount_holds(files: tuple[str, ...], relative: str) -> bool:
    """Whether a content mount whose ``files`` glob slice is ``files`` holds the file at ``relative`` (a path
    in the mount's source, ``/``-separated): as Hugo's walk filters it (``hglob.FilenameFilter``), each folder
    on the way must pass the filter too (``! v2`` leaves out everything under ``v2/``)."""
    folders = relative.split("/")[:-1]
    return all(_passes(files, "/".join(folders[: depth + 1]), True) for depth in range(len(folders))) and _passes(
        files, relative, False
    )


@cache
def _passes(files: tuple[str, ...], relative: str, folder: bool) -> bool:
    """Hugo's filter of one name (lowercased, from ``/``): the first pattern that matches decides; a folder
    on the way to an included pattern is included; with no include pattern, what no exclusion matched passes."""
    name = "/" + relative.lower()
    has_include = False
    for pattern in files:
        excluded = pattern.startswith("! ")
        glob = "/" + (pattern[2:] if excluded else pattern).strip().lower().lstrip("/")
        if _glob(glob).fullmatch(name):
            return not excluded
        if not excluded:
            has_include = True
            if folder and any(_glob(up).fullmatch(name) for up in _parents(glob)):
                return True
    return not has_include


def _parents(glob: str) -> list[str]:
    """The folders leading to an include pattern (``/docs/**``: ``/`` and ``/docs``), as Hugo adds them."""
    parts = glob.rsplit("/", 1)[0].split("/")
    return ["/" + "/".join(part for part in parts[1 : depth + 1] if part) for depth in range(len(parts))]


@cache
def picomatch(pattern: str) -> re.Pattern[str]:
    """A glob as picomatch reads it (globby's, so Docusaurus's ``exclude``): as a Go glob, but ``**/`` is any
    number of folders, none too (``**/_*.md`` matches ``_x.md``)."""
    return re.compile(_glob(pattern).pattern.replace(".*/", "(?:.*/)?"))


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

"""File-based routes (Astro's and Docusaurus's ``src/pages``) as regular expressions over URL paths.

A route is matched against a URL path with its leading slash but not its
trailing one ("" for the root): ``[param]`` is one segment, ``[...rest]`` any
path (or none).
"""

from __future__ import annotations

import os
import re

from fmlint.site.files import read_text


def matches(patterns: tuple[str, ...], path: str) -> bool:
    """Whether a URL path (base removed) is one that ``patterns`` (from :func:`route_pattern`) match."""
    key = "/" + path.strip("/") if path.strip("/") else ""
    return any(re.fullmatch(pattern, key) for pattern in patterns)


def file_routes(pages: str, extensions: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Each page or endpoint file (of ``extensions``, its name not starting with ``_``) under the folder
    ``pages`` as a route, and whether the route has a literal segment (not only parameters)."""
    routes = []
    for folder, dirs, files in os.walk(pages):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            stem, extension = os.path.splitext(name)
            if name.startswith("_") or extension not in extensions:
                continue
            parts = os.path.relpath(os.path.join(folder, stem), pages).split(os.sep)
            if parts[-1] == "index":
                parts.pop()
            routes.append((route_pattern(parts), any(not part.startswith("[") for part in parts)))
    return routes


def route_pattern(parts: list[str]) -> str:
    """The regular expression of the route made of the path segments ``parts``."""
    pattern = ""
    for part in parts:
        if not part:
            continue
        if part.startswith("[...") and part.endswith("]"):
            pattern += "(?:/.*)?"
        else:
            pattern += "/" + re.sub(r"\\\[[^\]]*\\\]", "[^/]+", re.escape(part))
    return pattern


def redirect_sources(path: str) -> tuple[list[str], bytes]:
    """The sources of a ``_redirects`` file (Netlify, Cloudflare Pages: ``/from /to [status]`` lines, with
    ``:placeholder`` segments and a ``*`` splat) as routes, but for rules that answer 404 (a custom error
    page); and the file's bytes (what the findings depend on)."""
    data, text = read_text(path)
    return sources(text.splitlines()), data


def netlify_redirect_sources(path: str) -> tuple[list[str], bytes]:
    """:func:`redirect_sources` of a ``netlify.toml``'s ``[[redirects]]`` (``from``, ``status``), and its bytes."""
    import tomllib

    data, text = read_text(path)
    try:
        rules = tomllib.loads(text).get("redirects") if text else None
    except tomllib.TOMLDecodeError:
        return [], data
    lines = [
        f"{rule['from']} / {rule.get('status', 301)}"
        for rule in (rules if isinstance(rules, list) else [])
        if isinstance(rule, dict) and isinstance(rule.get("from"), str) and not rule.get("query")
    ]
    return sources(lines), data


COMPUTED = "\0"  # what a template writes where its value is not known (``fmlint.site.redirect_templates``)


def sources(lines: list[str]) -> list[str]:
    """The sources of ``_redirects`` lines as routes (a source holding :data:`COMPUTED`: every path below the
    literal folder before it), but for rules that answer 404 and rules for requests with a query only
    (``/vitess/*  go-get=1  /go-import/vitess.html  200``: a link without it is not redirected)."""
    found = []
    for line in lines:
        fields = line.split()
        source = fields[0] if fields else ""
        computed = COMPUTED in source
        if len(fields) < 2 or not (source.startswith("/") or computed) or (fields[2:3] and fields[2].startswith("404")):
            continue
        if "=" in fields[1] and not fields[1].startswith("/") and "://" not in fields[1]:
            continue  # (a query condition before the target)
        found.append(_source_pattern(source))
    return found


def _source_pattern(source: str) -> str:
    """The pattern of a ``_redirects`` source; where a template writes a value (:data:`COMPUTED`), any text,
    empty too: ``/{{ .File.Dir }}api`` is a path ending in ``api``, not every path."""
    chunks = source.rstrip("/").split(COMPUTED)
    pattern = ""
    for chunk in chunks[:-1]:
        folder = chunk.endswith("/")  # (`/docs/{{ x }}`: `/docs` itself too, when the value is empty)
        pattern += _literal(chunk[:-1] if folder else chunk) + ("(?:/.*)?" if folder else ".*")
    return pattern + _literal(chunks[-1])


def _literal(text: str) -> str:
    """Literal text of a ``_redirects`` source as a pattern: a final ``/*`` the folder and all below it, a ``*``
    splat the rest of the path from there (grpc.io's ``/grpc-*``), a ``/:name`` placeholder one segment."""
    parts = re.split(r"(/\*$|\*|(?<=/):\w+)", text)
    return "".join(_PIECES.get(part) or ("[^/]+" if part.startswith(":") else re.escape(part)) for part in parts)


_PIECES = {"/*": "(?:/.*)?", "*": ".*"}

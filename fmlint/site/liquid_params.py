"""The front-matter keys a Jekyll site's Liquid templates read, and which of them hold maps.

The Liquid of the site's ``_layouts/`` and ``_includes/`` is read for ``page.x`` and ``page["x"]``, and for the
fields of the variables that hold other pages: those of its loops (``{% for post in paginator.posts %}`` then
``post.thumbnail``) and those an include reads without giving them a value, which its callers' loops give
(al-folio's ``projects.liquid`` reads ``project.img`` for the loop of its projects page; Minimal Mistakes'
``archive-single.html`` ``post.header.teaser``).  A field read of such a value (``page.header.teaser``) makes the
key a map.  The folders a template prepends to a key's value (academicpages' ``{{ page.thumbnail | prepend:
"/images/" }}``, or to a variable given it: Minimal Mistakes' teaser, captured then prepended) are where the
value's image is.  A theme installed as a gem (``theme:``, ``remote_theme:``) is not in the site's folder and is
not read.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from fmlint.regex import lazy_pattern
from fmlint.site.files import file_text
from fmlint.site.templates import layout_files

_MARKUP = lazy_pattern(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}")  # (no brace inside: a scan from each `{{` ends at the next)
_BOUND = lazy_pattern(r"\{%-?\s*(for|assign|capture)\s+(\w+)")
# a variable's field: `page.redirect`, `page["redirect"]`, and a field of that: `page.header.teaser` (not a list's
# or a string's own properties: `page.tags.size`)
_READ = lazy_pattern(
    r"""(?<![\w.\]])([A-Za-z_]\w*)(?:\.([\w-]+)|\[\s*["']([\w-]+)["']\s*\])(\.(?!(?:size|first|last)\b)[\w-])?"""
)
_NOT_PAGES = frozenset({"forloop", "tablerowloop", "include", "site", "layout", "jekyll", "paginator"})


class LiquidReads(NamedTuple):
    """What :func:`liquid_params_read` finds."""

    keys: frozenset[str]  # the front-matter keys the templates read (lowercased)
    maps: frozenset[str]  # of them, those read as maps
    prefixes: dict[str, tuple[str, ...]]  # a key (dotted: ``header.teaser``) → the paths prepended to its value


def liquid_params_read(root: str) -> LiquidReads:
    """The front-matter keys (lowercased) the templates of the Jekyll site at ``root`` read, those read as maps,
    and the paths they prepend to keys' values."""
    includes = os.path.join(root, "_includes")
    templates = [
        (path.startswith(includes + os.sep), "".join(_MARKUP.findall(file_text(path))))
        for path in layout_files([os.path.join(root, "_layouts"), includes])
    ]
    pages = {"page"}
    for included, markup in templates:
        bound = _BOUND.findall(markup)
        pages |= {name for kind, name in bound if kind == "for"}
        if included:  # (what its caller gives it)
            pages |= {match.group(1) for match in _READ.finditer(markup)} - {name for _, name in bound}
    pages -= _NOT_PAGES
    found: set[str] = set()
    maps: set[str] = set()
    prefixes: dict[str, set[str]] = {}
    for _, markup in templates:
        for match in _READ.finditer(markup):
            if match.group(1) in pages:
                key = (match.group(2) or match.group(3)).lower()
                found.add(key)
                if match.group(4):
                    maps.add(key)
        held = {assigned or captured: key for assigned, captured, name, key in _HELD.findall(markup) if name in pages}
        for name, prefix in _PREPENDED.findall(markup):
            owner, _, field = name.partition(".")
            key = held.get(name) or (field if owner in pages else "")
            if key:
                prefixes.setdefault(key, set()).add(prefix.strip("/"))
    return LiquidReads(frozenset(found), frozenset(maps), {key: tuple(sorted(p)) for key, p in prefixes.items()})


# a value a path is prepended to: `page.thumbnail | prepend: "/images/"`, `teaser | prepend: '/images/'`
_PREPENDED = lazy_pattern(r"""([A-Za-z_][\w.-]*)\s*\|\s*prepend:\s*["']([^"'{}|]*)["']""")
# a variable given a page's value: `{% assign teaser = post.header.teaser %}`, `{% capture teaser %}{{
# post.header.teaser }}{% endcapture %}` (the key without the variable holding the page: `header.teaser`)
_HELD = lazy_pattern(r"\{%-?\s*(?:assign\s+(\w+)\s*=\s*|capture\s+(\w+)\s*-?%\}\s*\{\{-?\s*)([A-Za-z_]\w*)\.([\w.-]+)")

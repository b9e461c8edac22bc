"""The front-matter keys a Jekyll site's Liquid templates read, and which of them hold maps.

The Liquid of the site's ``_layouts/`` and ``_includes/`` is read for ``page.x`` and ``page["x"]``, and for the
fields of the variables that hold other pages: those of its loops (``{% for post in paginator.posts %}`` then
``post.thumbnail``) and those an include reads without giving them a value, which its callers' loops give
(al-folio's ``projects.liquid`` reads ``project.img`` for the loop of its projects page; Minimal Mistakes'
``archive-single.html`` ``post.header.teaser``).  A field read of such a value (``page.header.teaser``) makes the
key a map.  A theme installed as a gem (``theme:``, ``remote_theme:``) is not in the site's folder and is not
read.
"""

from __future__ import annotations

import os
import re

from fmlint.site.files import file_text
from fmlint.site.templates import layout_files

_MARKUP = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}")  # (no brace inside: a scan from each `{{` ends at the next)
_BOUND = re.compile(r"\{%-?\s*(for|assign|capture)\s+(\w+)")
# a variable's field: `page.redirect`, `page["redirect"]`, and a field of that: `page.header.teaser` (not a list's
# or a string's own properties: `page.tags.size`)
_READ = re.compile(
    r"""(?<![\w.\]])([A-Za-z_]\w*)(?:\.([\w-]+)|\[\s*["']([\w-]+)["']\s*\])(\.(?!(?:size|first|last)\b)[\w-])?"""
)
_NOT_PAGES = frozenset({"forloop", "tablerowloop", "include", "site", "layout", "jekyll", "paginator"})


def liquid_params_read(root: str) -> tuple[frozenset[str], frozenset[str]]:
    """The front-matter keys (lowercased) the templates of the Jekyll site at ``root`` read, and of them those
    read as maps."""
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
    for _, markup in templates:
        for match in _READ.finditer(markup):
            if match.group(1) in pages:
                key = (match.group(2) or match.group(3)).lower()
                found.add(key)
                if match.group(4):
                    maps.add(key)
    return frozenset(found), frozenset(maps)

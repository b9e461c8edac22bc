"""An Eleventy site: its root is the folder holding ``eleventy.config.*`` (or the older ``.eleventy.js``); its
pages are the templates of its input folder (``dir.input``, or ``setInputDirectory``; the root by default).

Eleventy writes a Markdown page's links as they are (a link to a ``.md`` file stays one) and its pages' URLs
come from their paths, ``permalink`` and the data cascade (directory data files, computed data): only the
relative links to files are judged, and no heading ID (markdown-it makes none unless the site adds a plugin with
a slugify of its own)."""

from __future__ import annotations

import os
import re

from fmlint.js_text import module_text

_INPUT = re.compile(
    r"""\bdir\s*:\s*\{[^}]*?\binput\s*:\s*(['"`])([^'"`]+)\1|\bsetInputDirectory\s*\(\s*(['"`])([^'"`]+)\3"""
)


def eleventy_input(root: str, marker: str) -> str:
    """The input folder (relative to ``root``) of the Eleventy configuration ``marker``."""
    found = _INPUT.search(module_text(os.path.join(root, marker)))
    folder = (found.group(2) or found.group(4)).strip().strip("/") if found is not None else ""
    return folder or "."

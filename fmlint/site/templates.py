"""Hugo's templates: its layout folders, and its shortcode templates, read for what a page's IDs depend on.

A ``{{< name >}}`` shortcode writes HTML that fmlint does not see; when its
template writes headings with ``id`` attributes (a generated list of CLI tools
with one ``<h2 id="{{ $tool }}">`` each), the IDs of the pages that call it are
not all known, and their fragments are not judged.  (The IDs of other elements,
such as tabs' ``<a id>`` and ``<div id>``, are generated names no link
targets.)  The template is the site's
``layouts/_shortcodes/NAME.html`` (``layouts/shortcodes/`` before Hugo 0.146),
or a theme's under ``themes/*/``; a language or output-format variant
(``NAME.en.html``) counts too.  A template fmlint cannot find (a theme module
not vendored) is taken to write none.
"""

from __future__ import annotations

import glob
import os
import re

_HEADING_ID = re.compile(r"<h[1-6]\b[^>]*\bid\s*=", re.IGNORECASE)  # `<h2 id="{{ . }}">`, over lines too
_FOLDERS = ("_shortcodes", "shortcodes")


def shortcode_templates(root: str, name: str) -> list[str]:
    """The template files of the shortcode ``name`` (``cli/tools-list``: in a subfolder) in the site at ``root``."""
    if not name or name.startswith(("/", ".")) or ".." in name.split("/"):
        return []
    found = []
    for layouts in layout_folders(root):
        for folder in _FOLDERS:
            base = os.path.join(layouts, folder, *name.split("/"))
            found += sorted(glob.glob(glob.escape(base) + ".*html"))
    return found


def layout_folders(root: str) -> list[str]:
    """The layout folders of the Hugo site at ``root``: its own, then its themes' (``themes/*/layouts``)."""
    return [
        os.path.join(root, "layouts"),
        *sorted(glob.glob(os.path.join(glob.escape(root), "themes", "*", "layouts"))),
    ]


def writes_ids(path: str) -> bool:
    """Whether the template at ``path`` writes a heading with an ``id`` attribute."""
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return _HEADING_ID.search(file.read()) is not None
    except OSError:
        return False

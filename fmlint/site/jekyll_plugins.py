"""The folders a Jekyll site's plugins write pages into: jekyll-archives', and its own plugins' (``_plugins/**/*.rb``).

jekyll-archives (a runtime dependency of the Chirpy theme's gem, which Jekyll loads with it) writes a page for
each category, tag, year, month or day its ``enabled`` list names, at its ``permalinks`` (``/category/:name/``,
``/tag/:name/``, ``/:year/`` … by default; Chirpy's sites: ``/categories/:name/``): the links below a permalink's
folder are not judged (Chirpy's ``/categories/rp4-farm/``; a permalink opening with a token, ``/:year/``, gives
no folder).  A site's own plugins are read off their Ruby source.

A generator that makes pages (a subclass of ``Page``, a ``PageWithoutAFile``, pages added with
``pages <<``) writes them where nothing of the content shows: artsy.github.io's ``/author/ash/``,
``/series/…/`` and ``/blog/categories/…/`` (36 links judged broken).  fmlint runs no Ruby: a folder is
taken from the forms such plugins use to name it — ``config['category_dir'] || 'categories'`` (the
configuration's value when it is set), ``File.join("series", name)``, ``dir = "series"``,
``PageWithoutAFile.new(site, site.source, "packages", …)`` — and the links below it are not judged.
"""

from __future__ import annotations

import os
from typing import Any

from fmlint.regex import lazy_pattern
from fmlint.site.files import file_text

_MAKES_PAGES = lazy_pattern(r"<\s*(?:Jekyll::)?Page\b|PageWithoutAFile|pages\s*<<")
_CONFIGURED = lazy_pattern(r"config\[\s*['\"](\w+)['\"]\s*\]\s*\|\|\s*['\"]([^'\"#]+)['\"]")
_WRITTEN = lazy_pattern(
    r"File\.join\(\s*['\"]([^'\"#]+)['\"]"
    r"|\b@?dir\s*=\s*['\"]([^'\"#]+)['\"]"
    r"|PageWithoutAFile\.new\([^,()]+,[^,()]+,\s*['\"]([^'\"#]+)['\"]"
)
_FOLDER = lazy_pattern(r"[\w.-]+(?:/[\w.-]+)*")


# jekyll-archives' types (as ``enabled`` names them) and their default permalinks
_ARCHIVES = {
    "categories": ("category", "/category/:name/"),
    "tags": ("tag", "/tag/:name/"),
    "year": ("year", "/:year/"),
    "month": ("month", "/:year/:month/"),
    "day": ("day", "/:year/:month/:day/"),
}


def plugin_folders(root: str, options: dict[str, Any]) -> list[str]:
    """The folders (``blog/categories``) that jekyll-archives and the page-making plugins in the site's
    ``_plugins`` write pages into; ``options``: the site's configuration."""
    found: dict[str, None] = dict.fromkeys(_archive_folders(options))
    for path in _ruby_files(os.path.join(root, "_plugins")):
        source = file_text(path)
        if not _MAKES_PAGES.search(source):
            continue
        for key, default in _CONFIGURED.findall(source):
            value = options.get(key)
            found[value if isinstance(value, str) and value.strip("/") else default] = None
        for match in _WRITTEN.finditer(source):
            found[next(group for group in match.groups() if group)] = None
    return [path for path in (each.strip("/") for each in found) if _page_folder(path)]


def _archive_folders(options: dict[str, Any]) -> list[str]:
    """The folders jekyll-archives writes the archives its configuration enables into (those whose permalink
    starts with a folder: not ``/:year/``)."""
    archives = options.get("jekyll-archives")
    if not isinstance(archives, dict):
        return []
    enabled = archives.get("enabled")
    kinds = list(_ARCHIVES) if enabled == "all" else [str(k) for k in enabled] if isinstance(enabled, list) else []
    permalinks = archives.get("permalinks")
    permalinks = permalinks if isinstance(permalinks, dict) else {}
    folders = []
    for kind in kinds:
        if kind in _ARCHIVES:
            key, default = _ARCHIVES[kind]
            folders.append(str(permalinks.get(key) or default).split(":", 1)[0].strip("/"))
    return [folder for folder in folders if folder]


def _ruby_files(folder: str) -> list[str]:
    """The ``.rb`` files Jekyll loads from ``folder``, its subfolders' too (``_plugins/**/*.rb``), by path."""
    return sorted(
        os.path.join(here, name) for here, _, names in os.walk(folder) for name in names if name.endswith(".rb")
    )


def _page_folder(path: str) -> bool:
    """Whether a path is one a plugin's pages may be below: a folder's (no ``_layouts``, no ``index.html``)."""
    last = path.rsplit("/", 1)[-1]
    return bool(_FOLDER.fullmatch(path)) and not path.startswith((".", "_")) and "." not in last

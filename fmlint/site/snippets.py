"""The pages of an MkDocs site that include a pymdownx.snippets file (``--8<-- "name"``).

A snippet's text is written into each page that includes it before the page's
Markdown is read, so a relative image or link in it is the including page's:
``docs/snippets/logs.md``'s ``system.svg`` is ``docs/serving/logging/system.svg``
for the page ``docs/serving/logging/logs.md`` that includes it.  Only a file of
which MkDocs builds no page (an ``exclude_docs`` or exclude plugin's), in one of
the extension's ``base_path`` folders, is taken for a snippet.
"""

from __future__ import annotations

import os

from fmlint.config.settings import DEFAULT_MAX_FILE_SIZE
from fmlint.site.config import SiteConfig
from fmlint.site.declared import kept_until_forgotten
from fmlint.site.facts import SNIPPET_LINE
from fmlint.site.files import file_bytes
from fmlint.site.walk import content_files


def including_pages(site: SiteConfig, article: str) -> list[str]:
    """The pages (absolute paths) that include the file at ``article`` (absolute) as a snippet; none when MkDocs
    builds a page of it or it lies in no snippets folder."""
    names = [
        os.path.relpath(article, base).replace(os.sep, "/")
        for base in site.mkdocs_snippets
        if article.startswith(os.path.join(base, ""))
    ]
    if not names or not site.unbuilt(article):
        return []
    return [page for name in names for page in _includers(site).get(name, ())]


def _includers(site: SiteConfig) -> dict[str, list[str]]:
    """Each snippet's name (from a ``base_path``) and the pages naming it, in the site's order (read once for each
    site configuration read)."""
    kept = _KEPT.get(site.root)
    if kept is not None and kept[0] is site:
        return kept[1]
    found: dict[str, list[str]] = {}
    for page in content_files(site):
        data = file_bytes(page, DEFAULT_MAX_FILE_SIZE)  # (a content file that is a pipe: not opened)
        if data is None or b"--8<--" not in data:
            continue
        for line in data.decode("utf-8", errors="replace").split("\n"):
            if "--8<--" in line and (include := SNIPPET_LINE.fullmatch(line)) is not None:
                name = os.path.normpath(include.group(2)).replace(os.sep, "/")
                found.setdefault(name, []).append(page)
    _KEPT[site.root] = (site, found)
    return found


_KEPT: dict[str, tuple[SiteConfig, dict[str, list[str]]]] = {}
kept_until_forgotten(_KEPT.clear)

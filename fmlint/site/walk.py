"""A site's content files, found by one walk of its content folders, and each one's stamp now.

The site pass (``fmlint.site.sitepass``) starts with the files and asks for the
stamps when it must know that no other file changed; a run over a few files has
both taken by a forked child while it checks its files (``fmlint.site.prefetch``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from fmlint.site.config import SiteConfig
from fmlint.site.generated import build_ignores
from fmlint.site.hugo_paths import url_key
from fmlint.site.jekyll import html_page_urls
from fmlint.stamps import stamps_now

if TYPE_CHECKING:
    from fmlint.cache import ResultCache
    from fmlint.site.generated import BuildIgnores

# output and dependencies in the site's root folder (Jekyll's content folder); below it, such names are sections
_NOT_CONTENT = frozenset({"node_modules", "_site", "vendor", "public", "build"})
_DEPENDENCIES = frozenset({"node_modules"})
_FEW = 256  # files whose stamps are taken at once when all of them are still to come


def content_files(site: SiteConfig) -> list[str]:
    """The absolute paths of the Markdown (and, where the generator renders it, MDX) files in the site's content
    folders (hidden ones skipped, as Hugo does, and those its ``ignoreFiles`` name)."""
    return walk_content(site).files


class Listing(NamedTuple):
    """What :func:`walk_content` finds."""

    files: list[str]
    adapters: tuple[str, ...]
    ignores: BuildIgnores | None


class Walked:
    """A site's :class:`Listing`, and each file's stamp taken when first asked for (:meth:`stamps`): by then a
    forked child (``fmlint.site.prefetch``) may have taken them while this process worked."""

    def __init__(self, listing: Listing, take: Callable[[], dict[str, str | None]]) -> None:
        self.listing = listing
        self.files, self.adapters, self.ignores = listing
        self._take = take
        self._stamps: dict[str, str | None] | None = None

    def stamps(self) -> dict[str, str | None]:
        """Every file's stamp (:func:`content_stamps`)."""
        if self._stamps is None:
            self._stamps = self._take()
        return self._stamps

    def stamps_of(self, paths: list[str], cache: ResultCache | None) -> dict[str, str | None]:
        """The stamps of ``paths``: those of a few files are taken now rather than waited for."""
        if self._stamps is None and len(paths) <= _FEW:
            return content_stamps(paths, cache, {})
        stamps = self.stamps()
        return {path: stamps.get(path) for path in paths}


def walk_content(site: SiteConfig) -> Listing:
    """One walk of the content folders: their Markdown files (as :func:`content_files`), the URL prefixes of
    the pages no file shows (of the folders holding a content adapter, ``_content.gotmpl``, of mounts whose
    source is missing, of a Jekyll site's HTML pages and of the folders its plugins write pages into), and the
    ``.gitignore`` rules that name content files a build step writes (``fmlint.site.generated``; the site's
    ``git_ignores``)."""
    found: list[str] = []
    adapters: list[str] = []
    ignores: list[str] = []
    extensions = site.content_extensions
    for content in site.content_dirs:
        if not os.path.exists(content.path):  # a mount of what is not there (a submodule not checked out)
            from fmlint.site.refs import content_key

            adapters.append(content_key("/" + content.target))
        elif content.path.lower().endswith(extensions) and os.path.isfile(content.path):
            found.append(content.path)  # a file mounted on its own
        for folder, dirs, files in os.walk(content.path):
            skipped = _NOT_CONTENT if folder == site.root else _DEPENDENCIES
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in skipped]
            prefix = folder + os.sep
            found += [
                prefix + f
                for f in files
                if f.lower().endswith(extensions)
                and not f.startswith(".")
                and (not content.files or content.holds(prefix + f))
                and not (site.ignore_files and site.ignored(prefix + f))
            ]
            if "_content.gotmpl" in files:
                adapters.append(url_key("/" + content.content_path(folder)))
            if ".gitignore" in files:
                ignores.append(prefix + ".gitignore")
            if site.generator == "jekyll":
                adapters += html_page_urls(site, folder, [f for f in files if not f.lower().endswith(extensions)])
    adapters += [url_key(f"/{folder}/") for folder in site.jekyll_plugin_folders]
    return Listing(
        sorted(set(found)), tuple(adapters), build_ignores([content.path for content in site.content_dirs], ignores)
    )


def content_stamps(files: list[str], cache: ResultCache | None, known: dict[str, str]) -> dict[str, str | None]:
    """Each file's cache stamp now (``None``: changed too recently to trust, or gone); those ``known``
    (the files of the run served by their stamp, which the runner has just taken) are not taken again."""
    if cache is None:
        return {}
    taken = iter(stamps_now([path for path in files if path not in known], cache.racy_ns))
    return {path: known[path] if path in known else next(taken) for path in files}

"""The site a file belongs to: its root (:func:`site_folder`), its configuration read once a run
(:func:`read_site`), and what a file's cache key and its Markdown's reading take from it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from fmlint.config.presets import READING_PRESETS, forget_folders_without_site
from fmlint.rules.local_images import holds_marker, site_root
from fmlint.site.config.hugo import hugo_site
from fmlint.site.config.markers import (
    DOCUSAURUS_MARKERS,
    GENERATOR_OF_MARKER,
    NAMED_MARKERS,
    OTHER_MARKERS,
    SITE_MARKERS,
    SOURCE_PROJECT_MARKERS,
    ZOLA_FILE,
    hugo_config_name,
    is_hexo,
    is_zola,
)
from fmlint.site.config.mkdocs import BLOCK_EXTENSIONS
from fmlint.site.config.model import SiteConfig
from fmlint.site.config.others import other_site
from fmlint.site.hexo import permalink_tokens
from fmlint.site.known_themes import without_hooks


def site_folder(folder: str) -> str | None:
    """The root of the site holding the absolute ``folder``: the nearest folder at or above it holding one of
    :data:`SITE_MARKERS`, unless its only marker is a ``config.*`` in the ``src/`` folder of an Astro or
    Docusaurus project, which is then the site (AstroWind's ``src/config.yaml``: rustdesk's Astro site had
    been read as a Hugo site at ``src/``, 1,825 false findings)."""
    root = site_root(folder, SITE_MARKERS)
    if root is None or holds_marker(root, NAMED_MARKERS):
        return root
    project = site_root(os.path.dirname(root), SOURCE_PROJECT_MARKERS)
    return project if project is not None and (root + os.sep).startswith(os.path.join(project, "src", "")) else root


def site_of(path: str) -> SiteConfig | None:
    """The site configuration of the file at ``path``, or ``None`` outside any site."""
    folder = os.path.dirname(os.path.abspath(path))
    root = site_folder(folder)
    if root is not None:
        return read_site(root)
    site = _beside(folder)
    return site if site is not None and site.content_dirs_of(os.path.abspath(path)) else None


def embedded_hook(path: str, kind: str) -> bool:
    """Whether Hugo's embedded render hook of ``kind`` (``link``, ``image``) renders the Markdown of the file at
    ``path``, for certain: a page of a site that uses it (not a file outside its content, as aegisite's
    ``old-source/``; not standard input's ``<stdin>``) whose themes and modules are all there to read, or known to
    have no hook of that kind (Docsy: ``known_themes.without_hooks``)."""
    if path.startswith("<"):
        return False
    site = _hooked_site(os.path.dirname(path))  # (a file's site is looked for once per folder, as named)
    if site is None or not (site.link_hook if kind == "link" else site.image_hook):
        return False
    return without_hooks(site.missing_themes, kind) and bool(site.content_dirs_of(os.path.abspath(path)))


@cache
def _hooked_site(folder: str) -> SiteConfig | None:
    """The site of the files of ``folder`` if it may render them with an embedded hook (``embedded_hook``)."""
    site = site_of(os.path.join(folder or os.curdir, "_"))
    return site if site is not None and (site.link_hook or site.image_hook) else None


# front-matter lists every site's checks may read (Jekyll's, Docusaurus's): the taxonomies and the lists that
# redirect templates read are the site's own
_READ_LISTS = frozenset(("redirect_from", "categories", "category", "authors", "pagination_next", "pagination_prev"))


def read_lists(site: SiteConfig) -> frozenset[str]:
    """The front-matter lists (lowercased keys) the site's checks read: those the site facts keep."""
    tokens = permalink_tokens(site.hexo) if site.hexo is not None else ()  # (`:abbrlink`: a value of each post)
    return _READ_LISTS.union(site.taxonomies, (name for name, _ in site.redirect_params), tokens)


def forget_sites() -> None:
    """Forget every site configuration read so far (a language server after a configuration changed)."""
    read_site.cache_clear()
    _beside.cache_clear()
    _folder_key.cache_clear()
    _hooked_site.cache_clear()
    forget_folders_without_site()
    from fmlint.site.declared import forget_declared
    from fmlint.site.facts import forget_site_reads

    forget_site_reads()
    forget_declared()


class Reading(NamedTuple):
    """How a site's generator reads its Markdown files where CommonMark would read them otherwise."""

    mdx: bool = False  # Docusaurus 3 reads a .md file as MDX unless its ``markdown.format`` says otherwise
    # MkDocs' extensions whose blocks hold Markdown, and Jekyll's elements with ``markdown="1"`` (``fmlint.mkdocs_blocks``)
    blocks: tuple[str, ...] = ()


_COMMONMARK = Reading()


def site_reading(path: str, preset: str) -> Reading:
    """How the site holding ``path`` reads its Markdown when ``preset`` is its generator's."""
    site = site_of(path) if preset in READING_PRESETS else None
    if site is None:
        return _COMMONMARK
    if preset == "docusaurus":  # (a README.md beside the content folders is GitHub's: CommonMark)
        mdx = site.docusaurus is not None and site.docusaurus.markdown_format == "mdx"
        return Reading(mdx=mdx and bool(site.content_dirs_of(os.path.abspath(path))))
    if preset == "jekyll":  # (kramdown reads an element's `markdown="1"` as md_in_html does)
        return Reading(blocks=(BLOCK_EXTENSIONS["md_in_html"],)) if site.generator == "jekyll" else _COMMONMARK
    return Reading(blocks=site.mkdocs_blocks)


def site_key(path: str, preset: str) -> str:
    """What the result cache's key of the file at ``path`` adds for the site holding it ("" for none): how the
    site reads its Markdown (:func:`site_reading`), its own hosts (its site facts keep links to them), the
    front-matter lists its checks read (the facts keep those), whether Hugo's embedded link and image hooks
    render its links and images (MKD002 and IMG001 report what they cannot write), whether goldmark's linkify
    makes links of its bare URLs (the facts keep those of its own hosts) and its generator (the facts read whether
    it is Jekyll's), so that a change of the site's configuration is a change of the file's result."""
    return _folder_key(os.path.dirname(path), preset)


@cache
def _folder_key(folder: str, preset: str) -> str:
    path = os.path.join(folder, "_")  # (any file of the folder: a site is found by its folder)
    reading = site_reading(path, preset)
    site = site_of(path)
    if reading == _COMMONMARK and site is None:
        return ""
    hosts, lists = (site.own_hosts, sorted(read_lists(site))) if site is not None else ((), [])
    hooks = (site.link_hook, site.image_hook) if site is not None else (False, False)  # (MKD002 and IMG001 read them)
    generator = site.generator if site is not None else ""  # (whether Liquid writes the pages: the facts read it)
    linkify = site is not None and site.linkify  # (whether a bare URL of the site is one of its links)
    return f"\0{reading.mdx}\0{','.join(reading.blocks)}\0{','.join(hosts)}\0{','.join(lists)}\0{hooks[0]:d}{hooks[1]:d}{linkify:d}\0{generator}"


@cache
def _beside(folder: str) -> SiteConfig | None:
    """A Docusaurus site in a sibling folder of a JavaScript project holding ``folder`` (Redux: ``website/``
    beside ``docs/``, with ``path: '../docs'``; typescript-eslint: ``packages/website/`` with ``'../../docs'``):
    the first project folder (``package.json``) above ``folder`` with a subfolder, or a subfolder of one,
    holding ``docusaurus.config.*``, whose content folders hold ``folder``; above it, in a project of another
    language, its ``website/`` folder alone."""
    parent = os.path.dirname(folder)
    if parent == folder:
        return None
    if os.path.isfile(os.path.join(parent, "package.json")):
        candidates: Iterable[str] = _subfolders(parent, 2)
    else:  # (another project's `website/`: buck2's, a Rust project's, with `path: '../docs'`)
        candidates = [os.path.join(parent, "website")]
    for candidate in candidates:
        if any(os.path.isfile(os.path.join(candidate, name)) for name in DOCUSAURUS_MARKERS):
            site = read_site(candidate)
            if any(content.holds_folder(folder) for content in site.content_dirs):
                return site
    return _beside(parent)


def _subfolders(folder: str, depth: int) -> Iterator[str]:
    """The folders under ``folder`` down to ``depth`` levels, by name, each before its own (hidden folders and
    ``node_modules`` left out)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:  # (a folder we may not list)
        return
    for entry in entries:
        if entry.is_dir() and not entry.name.startswith(".") and entry.name != "node_modules":
            yield entry.path
            if depth > 1:
                yield from _subfolders(entry.path, depth - 1)


@cache
def read_site(root: str) -> SiteConfig:
    if os.path.isfile(os.path.join(root, ZOLA_FILE)):  # (Zola reads it first: a site of Zola's themes, tabi's starters)
        return other_site(root, "zola", ZOLA_FILE)
    if (name := hugo_config_name(root)) is not None:
        return other_site(root, "zola", name) if is_zola(root, name) else hugo_site(root, name)
    if os.path.isdir(os.path.join(root, "config", "_default")):
        return hugo_site(root, None)
    marker = next((m for m in OTHER_MARKERS if os.path.isfile(os.path.join(root, m))), "")
    generator = GENERATOR_OF_MARKER.get(marker[:3], "unknown")
    return other_site(root, "hexo" if generator == "jekyll" and is_hexo(root) else generator, marker)

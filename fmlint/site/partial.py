"""The part of a Hugo (or Starlight, Docusaurus, Jekyll) site's index that a run over a few files needs.

A site rule reports in the files of the run only, and a finding in a page
depends on the pages that share something with it: those claiming the same
output path (or one differing only by case) or the same content path, using a
spelling of the same term, the same translation key or the same title in the
same folder; and, for its references, the pages with the content path, base
name, URL or alias they name (and the base name of the page a path to none was
likely written for), the files they link to, and for each page they
reach, that page's children (a section anchors them) and the files it includes;
on a Docusaurus site, the docs its ``pagination_next``/``pagination_prev`` name.

After a run over the whole site, every page's *keys* — one string per such
thing it has, its parts joined by the unit separator (SQLite's text functions
stop at a NUL) — are kept with the site's findings (``sites``, ``page_keys``, ``key_values``).  A
later run over a few files while every other file is as it was then (or a few
changed, indexed with their facts now and their kept keys left out) indexes
only the files of the run, the section files (their cascades decide whether
other pages are written) and the files sharing a key with what the run's pages
have or name, repeated until the pages reached add none.  Keys are kept whether
or not a page is written, so a section file changed in the run cannot hide a
page.  The files are added in the site's order and the implicit sections are
those of the whole site, so this index answers every question about the run's
pages as the whole site's index would.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from urllib.parse import unquote

from fmlint.site.checks import PAGINATION, alias_file, fold
from fmlint.site.config import SiteConfig
from fmlint.site.facts import Reference, SiteFacts
from fmlint.site.hugo_paths import basic_normalize, extensionless, link_path, under_base, url_key
from fmlint.site.index import (
    Page,
    SiteIndex,
    alias_url,
    base_name_key,
    called_keys,
    container,
    doc_key,
    folders_above,
    param_redirects,
    stem,
)
from fmlint.site.refs import (
    FOLDER_PAGES,
    content_key,
    docusaurus_sources,
    looked_up_term,
    lookup,
    moved_key,
    own_path,
    relative_url_targets,
    resolve,
    url_language,
)
from fmlint.site.term_pages import TermKeys, makes_term_pages, term_link, term_page_keys, written_term

# keys, the files of the run → what was kept under them for the other files: (key, file, 1, its place in the
# site's files) and, for the keys of terms, (key, term, how many uses, the place of the first)
Keyed = Callable[[set[str], set[str]], list[tuple[str, str, int, int]]]
# files → (name as a run names it, facts)
Loaded = Callable[[list[str]], dict[str, tuple[str, SiteFacts]]]


def resource_keys(page: Page) -> list[tuple[str, str | None]]:
    """The key of a bundle's resource (``SiteIndex.resources``): its base name, by which a shortcode may
    render it."""
    return [(_base_name(*base_name_key(page)), None)]


def _base_name(language: str, name: str) -> str:
    """The key of a base name (normalized) in a language: what a bare-name ``ref`` or a shortcode's argument
    finds a page or resource by."""
    return f"b\x1f{language}\x1f{name}"


def page_keys(config: SiteConfig, page: Page) -> list[tuple[str, str | None]]:
    """Every key of a page of a finished index of the whole site (see the module docstring), each with the
    term it stands for (each use of a spelling counts) or ``None``."""
    keys = [*_claims(config, page), *_content_keys(page), *_shared(config, page), f"u\x1f{url_key(page.url)}"]
    if page.file is not None:
        keys.append(_base_name(*base_name_key(page)))
    keys += [f"a\x1f{url_key(alias_url(config, page, alias.value))}" for alias in page.facts.aliases]
    if config.redirect_params and page.renders:
        keys += [f"a\x1f{url_key(url)}" for url in param_redirects(config, page)]
    if page.kind == "page":
        keys.append(_children(page.language, container(page).rstrip("/")))
    if config.generator == "jekyll":
        keys += _jekyll_keys(page)
    if config.docusaurus is not None and (doc := doc_key(config, page)) is not None:
        keys.append(_doc(*doc))
    valued: list[tuple[str, str | None]] = [(key, None) for key in keys]
    made = "1" if makes_term_pages(page) else "0"  # (a term page's key: whether the page makes it)
    return valued + _terms(config, page) + [(_TERM_PAGE + key, made) for key in term_page_keys(config, page)]


def _jekyll_keys(page: Page) -> list[str]:
    """A Jekyll page's other keys: its URL without ``.html`` (served so too), its ``redirect_from`` URLs, and
    a post's name (``{% post_url %}`` names it)."""
    keys = [f"a\x1f{url_key(item.value)}" for item in page.facts.lists.get("redirect_from", ())]
    if page.url.endswith(".html"):
        keys.append(f"u\x1f{url_key(page.url[: -len('.html')])}")
    elif extensionless(page.url):  # (Jekyll writes it to `<url>.html`)
        keys.append(f"u\x1f{url_key(page.url + '.html')}")
    if "_posts" in page.folder.split("/"):
        keys.append(f"p\x1f{page.name}")
    return keys


def partial_index(
    config: SiteConfig,
    run: list[tuple[str, str, SiteFacts]],
    files: list[str],
    implicit: Iterable[tuple[str, str]],
    generated: tuple[str, ...],
    keyed: Keyed,
    loaded: Loaded,
    changed: Iterable[tuple[str, str, SiteFacts]] = (),
) -> SiteIndex:
    """The index of the files of the ``run`` (name, absolute path, facts) and of the files of the site
    (``files``, in its order) that their findings depend on.  Files outside the run whose facts ``changed``
    since the keys were kept (name, absolute path, facts now: a pull) are indexed too, their kept keys left
    out: what the run's pages share with them is known from their facts now."""
    in_run = {absolute for _, absolute, _ in run}
    found = {absolute: (name, facts) for name, absolute, facts in changed}
    now = in_run | found.keys()  # the files whose kept keys are out of date
    # sections (``_index.md``: their cascades decide whether the pages below them are written) above the files
    # indexed in the content tree (a language's may be another folder's file, mounted), and leaf bundles (a
    # folder's ``index.md``: a file below one is its resource, no page) above them in their folders, among the
    # few files whose path holds ``index.`` (a search in C: most hold none)
    named_index = [(path, path[path.rfind(os.sep) + 1 :]) for path in files if "index." in path]
    sections: dict[str, list[str]] = {}  # content folder → the section files there
    bundles: dict[str, list[str]] = {}  # folder → its ``index`` files
    for path, name in named_index:
        if name.startswith("_index."):
            for _, content in config.content_dirs_of(path):
                sections.setdefault(posixpath.dirname(content.content_path(path)), []).append(path)
        elif name.startswith("index."):
            bundles.setdefault(os.path.dirname(path), []).append(path)
    chosen = set(found) - in_run
    asked: set[str] = set()
    rows: list[tuple[str, str, int, int]] = []
    while True:
        chosen |= {
            index for path in (*in_run, *chosen) for index in _index_files_above(config, path, sections, bundles)
        }
        chosen -= in_run
        found.update(loaded([path for path in files if path in chosen and path not in found]))
        index = SiteIndex(config)
        for name, absolute, facts in run:
            index.add(name, absolute, facts)
        for absolute in (path for path in files if path in found):  # (in the site's order, as a whole index)
            name, facts = found[absolute]
            index.add(name, absolute, facts)
        index.generated = generated
        index.finish(implicit)
        pages = [page for page in index.pages if page.absolute in in_run]
        keys, named = _needs(index, pages)
        if keys - asked:
            rows += keyed(keys - asked, now)
            asked |= keys
        more = {file for key, file, _, _ in rows if not key.startswith(_VALUED)} | named.intersection(files)
        if not more - in_run - chosen:
            terms = [row for row in rows if row[0].startswith(_TERM)]
            places = {path: number for number, path in enumerate(files) if path in now}
            fresh = [page for page in index.pages if page.absolute in now]
            index.term_uses = _term_uses(config, fresh, terms, places, len(files))
            _keep_term_pages(index, [row for row in rows if row[0].startswith(_TERM_PAGE)])
            return index
        chosen |= more - in_run


def _index_files_above(
    config: SiteConfig, path: str, sections: dict[str, list[str]], bundles: dict[str, list[str]]
) -> list[str]:
    """The section files in the content folders holding the file at ``path`` (``sections``: by content folder)
    and the ``index`` files of the leaf bundles whose folders hold it (``bundles``: by folder; see
    ``fmlint.site.index.in_leaf_bundle``)."""
    found = [index for folder in folders_above(path) for index in bundles.get(folder, ())] if bundles else []
    for _, content in config.content_dirs_of(path) if sections else ():
        folder = content.content_path(path)
        while folder:
            folder = posixpath.dirname(folder)
            found += sections.get(folder, ())
    return found


def _term_uses(
    config: SiteConfig,
    pages: list[Page],
    rows: list[tuple[str, str, int, int]],
    places: dict[str, int],
    last: int,
) -> dict[tuple[str, str], list[str]]:
    """The spellings of each taxonomy's terms used in each language over the whole site, as a whole index counts
    them: in the order of their first use in the site's files (on a tie the first is the majority) — the ``pages``
    whose facts are read now (at their files' ``places`` in the site; ``last`` for a file the walk does not list)
    and those kept of the other files (at the place of their first use)."""
    used: dict[tuple[str, str], list[tuple[int, list[str]]]] = {}
    for page in pages:
        for taxonomy in config.taxonomies:
            if terms := [term for _, term in _terms(config, page, taxonomy)]:
                used.setdefault((taxonomy, page.language), []).append((places.get(page.absolute, last), terms))
    for key, term, count, first in rows:
        _, taxonomy, language, _ = key.split("\x1f")
        used.setdefault((taxonomy, language), []).append((first, [term] * count))
    return {
        key: [term for _, terms in sorted(entries, key=lambda entry: entry[0]) for term in terms]
        for key, entries in used.items()
    }


def _keep_term_pages(index: SiteIndex, rows: list[tuple[str, str, int, int]]) -> None:
    """The term pages the files not indexed use, from their kept ``rows``, given to ``index``: the references
    resolved while its keys were asked for are resolved again."""
    kept = index.kept_term_pages
    for key, made, _, _ in rows:
        kept[key[len(_TERM_PAGE) :]] = made == "1" or kept.get(key[len(_TERM_PAGE) :], False)
    index.__dict__.pop("term_pages", None)
    index.resolutions.clear()


def _needs(index: SiteIndex, pages: list[Page]) -> tuple[set[str], set[str]]:
    """The keys of what the findings in ``pages`` depend on, and the files their links name."""
    config = index.config
    keys: set[str] = set()
    named: set[str] = set()
    reached: set[int] = set()
    for page in pages:
        keys.update(_claims(config, page))
        if config.judged_terms:  # (a page or alias written where Hugo writes a term's page: ``checks.collisions``)
            aliases = page.facts.aliases if config.aliases else ()
            outputs = [page.output, *(alias_file(alias_url(config, page, alias.value)) for alias in aliases)]
            keys.update(key for output in outputs for key in _term_page_keys(written_term(config, output)))
        keys.update(_content_keys(page))
        keys.update(_shared(config, page))
        keys.update(key for key, _ in _terms(config, page))
        if config.docusaurus is not None and (doc := doc_key(config, page)) is not None:  # (the docs it paginates to)
            keys.update(_doc(doc[0], item.value) for name in PAGINATION for item in page.facts.lists.get(name, ()))
        for reference in page.facts.references:
            _named(index, page, reference, keys, named)
            target = resolve(index, page, reference).page
            if target is not None:
                _reach(index, target, keys, reached)
    return keys, named


def _reach(index: SiteIndex, page: Page, keys: set[str], reached: set[int]) -> None:
    """The keys of what a page's anchors depend on: its children (of a section), the files it includes, the
    files its shortcodes render (by base name, in its language or the default one: pages or resources)."""
    if id(page) in reached:
        return
    reached.add(id(page))
    if page.kind != "page":
        keys.add(_children(page.language, page.folder))
    for name in index.included(page):
        keys.update(_lookup_keys(index.config, page, name, page.language))
        found = lookup(index, page, name, page.language)
        if isinstance(found, Page):
            _reach(index, found, keys, reached)
    for name, argument in page.facts.calls:
        if index.shortcodes.renders_files(name) is not None:
            keys.update(_base_name(*key) for key in called_keys(argument, page.language, index.config.default_language))
    for rendered in index.rendered_files(page):
        if rendered is not None:
            _reach(index, rendered, keys, reached)


def _named(index: SiteIndex, page: Page, reference: Reference, keys: set[str], named: set[str]) -> None:
    """The keys (and files) of every page a reference could name, as ``refs`` looks them up."""
    target = reference.target
    if reference.kind in ("ref", "relref"):
        path = target.partition("#")[0]
        if index.config.generator == "hugo" and path.strip():
            language = reference.language.lower() or page.language
            keys.update(_lookup_keys(index.config, page, path, language))
            keys.update(_term_page_keys(looked_up_term(index.config, page, path, language)))
        return
    if reference.kind == "post-url":
        keys.add(f"p\x1f{target.rsplit('/', 1)[-1]}")
        return
    if reference.kind == "jekyll-link":
        named.add(os.path.normpath(os.path.join(index.config.root, target.partition("#")[0])))
        return
    target = own_path(index.config, target) or target  # (a link to the site's own URL: from its root)
    path = link_path(target)
    if target.startswith("#") or target.startswith("//") or ":" in target.split("/", 1)[0]:
        return
    markdown = path.lower().endswith(index.config.page_extensions)
    if markdown and index.config.generator == "hugo":
        keys.update(_lookup_keys(index.config, page, unquote(path), page.language))  # (a render hook's GetPage)
    elif markdown and not path.startswith(("/", "@")):
        keys.update(_moved_keys(index.config, page.language, path))  # (a file of the name, if the link names none)
    if index.config.docusaurus is not None and markdown:
        named.update(docusaurus_sources(index, page, path))  # (a Markdown link names files to Docusaurus)
    elif target.startswith("/"):
        keys.update(_url_keys(index.config, target, page.language))
        keys.update(_term_page_keys(term_link(index.config, path)))
        keys.update(_moved_keys(index.config, url_language(index.config, path), path))
        if index.config.link_hook:  # (Hugo's embedded render hook finds the page in the page's language)
            keys.update(_lookup_keys(index.config, page, unquote(path), page.language))
            keys.update(_term_page_keys(looked_up_term(index.config, page, path.rstrip("/"), page.language)))
    elif page.file is not None:
        destination = os.path.normpath(os.path.join(page.absolute_folder, path))
        named.add(destination)
        named.update(os.path.join(destination, name) for name in FOLDER_PAGES)
        absolutes = relative_url_targets(index, page, target)  # (a link to a page's URL, relative to this one's)
        for absolute in absolutes:
            keys.update(_url_keys(index.config, absolute))
            keys.update(_term_page_keys(term_link(index.config, link_path(absolute))))
            keys.update(_moved_keys(index.config, url_language(index.config, link_path(absolute)), link_path(absolute)))
        if absolutes and index.config.generator == "hugo" and path.strip("/"):
            keys.update(_lookup_keys(index.config, page, path.rstrip("/"), page.language))
            keys.update(_term_page_keys(looked_up_term(index.config, page, path.rstrip("/"), page.language)))


def _term_page_keys(keys: TermKeys | None) -> list[str]:
    """The keys a link to a term page asks for (``fmlint.site.term_pages``)."""
    return [_TERM_PAGE + key for key in keys if key] if keys is not None else []


def _url_keys(config: SiteConfig, target: str, locale: str = "") -> list[str]:
    """The keys of the pages and aliases a root-relative link (of a page in ``locale``) may name."""
    if config.starlight is not None:
        found = config.starlight.page_paths(target)
        return [f"u\x1f{url_key(url)}" for url in (found[1] if found is not None else ())]
    if config.docusaurus is not None:  # (a page of the default locale links in each locale that shows it)
        locales = [locale] if locale in config.docusaurus.locales else ["", *config.docusaurus.locales]
        urls = dict.fromkeys(url for each in locales for url in config.docusaurus.page_urls(target, each))
        return [f"u\x1f{url_key(url)}" for url in urls]
    path = link_path(target)
    paths = [path]
    if config.base_path and config.generator in ("jekyll", "hugo"):  # (a link names the page under the base path)
        paths += [inside] if (inside := under_base(path, "/" + config.base_path)) is not None else []
    if config.followed_redirects:  # (where rules written to `_redirects` lead the link: ``refs._redirected``)
        from fmlint.site.redirect_templates import FOLLOWED, follow

        led = [path]
        for _ in range(FOLLOWED):
            led = [found for each in led for found in follow(config.followed_redirects, each)]
            paths += led
    return [f"{kind}\x1f{url_key(found)}" for found in paths for kind in "ua"]


def _lookup_keys(config: SiteConfig, page: Page, target: str, language: str) -> list[str]:
    """The keys of the pages :func:`~fmlint.site.refs.lookup` may find for ``target``."""
    target = target.strip().replace("\\", "/")
    keys = []
    if not target.startswith("/"):
        keys.append(_content(language, content_key(posixpath.join("/" + page.folder, target))))
    keys.append(_content(language, content_key("/" + target.lstrip("/"))))
    if "/" not in target.strip("/"):
        keys.append(_base_name(language, basic_normalize(stem(target.strip("/")))))
    return keys + _moved_keys(config, language, target)


def _moved_keys(config: SiteConfig, language: str, path: str) -> list[str]:
    """The key of the pages whose name a path to no page ends with: one of them is named (``refs._missing``)."""
    key = moved_key(config, language, path)
    return [_base_name(*key)] if key is not None else []


def _claims(config: SiteConfig, page: Page) -> list[str]:
    """The output paths a page and its aliases claim, lowercased (a collision may differ by case)."""
    keys = [f"o\x1f{page.output.lower()}"]
    if config.aliases:
        keys += [f"o\x1f{alias_file(alias_url(config, page, alias.value)).lower()}" for alias in page.facts.aliases]
    return keys


def _shared(config: SiteConfig, page: Page) -> list[str]:
    """Its title (with its language and folder) and translation key."""
    facts = page.facts
    keys = []
    if page.kind == "page" and facts.title is not None and facts.title.value.strip():
        keys.append(f"t\x1f{page.language}\x1f{container(page)}\x1f{facts.title.value.strip().casefold()}")
    if facts.translation_key is not None:
        keys.append(f"n\x1f{page.language}\x1f{facts.translation_key.value}")
    return keys


_TERM = "m\x1f"
_TERM_PAGE = "w\x1f"  # the keys of term pages (``fmlint.site.term_pages``), with whether a page Hugo builds uses one
_VALUED = (_TERM, _TERM_PAGE)  # the keys kept with values (how many uses, the first file), not with files


def _terms(config: SiteConfig, page: Page, *only: str) -> list[tuple[str, str]]:
    """Its taxonomy terms (of ``only`` these taxonomies, if given), each as (key, term): the key is folded, in
    the page's language (each has its own term pages). A term that folds to nothing ("", "!!") is no spelling of
    another: left out (a kept term is never ""); none of an expired page (``Page.lists_terms``)."""
    return [
        (f"{_TERM}{taxonomy}\x1f{page.language}\x1f{folded}", item.value)
        for taxonomy in ((only or config.taxonomies) if page.lists_terms else ())
        for item in page.facts.lists.get(taxonomy, ())
        if (folded := fold(item.value))
    ]


def _content_keys(page: Page) -> list[str]:
    """Its content-map key's (Hugo's pages have one; a Starlight page none)."""
    return [_content(page.language, page.key)] if page.key else []


def _content(language: str, key: str) -> str:
    return f"k\x1f{language}\x1f{key}"


def _children(language: str, folder: str) -> str:
    return f"c\x1f{language}\x1f{folder}"


def _doc(version: str, doc_id: str) -> str:
    """The key of a Docusaurus doc's ID in its docs version."""
    return f"d\x1f{version}\x1f{doc_id}"

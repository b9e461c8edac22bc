"""A Hugo site's pages: each content file's language, kind, content-map key and output URL.

Built from the files' :class:`~fmlint.site.facts.SiteFacts` and the site's
configuration, as Hugo would build them:

* the *key* is Hugo's content-map key (the path in the content folder without
  extension, ``index``/``_index`` meaning the folder, lowercased, spaces as
  hyphens): two files with one key are one page to Hugo, which keeps either;
* the *URL* is ``url`` when set (as written), else the ``[permalinks]``
  pattern of the page's section (tokens expanded and urlized), else the
  sanitised content path with ``slug`` in place of the file name, lowercased
  unless ``disablePathToLower``; with the language prefix of a language other
  than the default (not for ``url``), and ``.html`` with ``uglyURLs``;
* each alias's URL (the language prefix added to an absolute one; a relative
  one is relative to the page's folder URL).

Top-level folders without ``_index.md`` get the implicit section page Hugo makes, and each language
its home page (``/en/`` redirects to the default language's home at ``/``).
"""

from __future__ import annotations

import datetime
import os
import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property, partial
from typing import TYPE_CHECKING
from urllib.parse import unquote_plus

import msgspec

from fmlint.dates import DateError, parse_hugo_date
from fmlint.discover import MARKDOWN_EXTENSIONS
from fmlint.images import IMAGE_EXTENSIONS
from fmlint.mdx import MARKDOWN_PARTIALS
from fmlint.site.anchors import (
    REMARK,
    WRITTEN_DASHES,
    base_ids,
    custom_id,
    heading_ids,
    link_fragments,
    ordered_ids,
    predictable,
    reads_custom_ids,
    slugify_known,
    suffixes_own_way,
    tab_ids,
)
from fmlint.site.config import CONTENT_EXTENSIONS, SiteConfig
from fmlint.site.eleventy import Eleventy, data_decides, eleventy_output
from fmlint.site.facts import Anchor, At, Item, Reference, SiteFacts
from fmlint.site.filename_dates import DATED, name_dates
from fmlint.site.globs import glob_slice_matches
from fmlint.site.hugo_paths import (
    ONE_PAGE,
    basic_normalize,
    clean,
    extensionless,
    file_path,
    hugo_slug,
    joined_link,
    list_title,
    make_path,
    names_html,
    output_file,
    permalink_path,
    single_slashes,
    url_key,
    urlize,
)
from fmlint.site.hugo_version import SECTION_SLUGS
from fmlint.site.jekyll import jekyll_url, page_layout, theme_layout_writes_ids
from fmlint.site.known_themes import known_config_params
from fmlint.site.mkdocs_urls import page_url
from fmlint.site.params import looked_up, with_params
from fmlint.site.permalinks import TOKEN, expand, pattern_of, token_value
from fmlint.site.places import FILE_START, Places
from fmlint.site.publication import ahead, settled_day, withheld
from fmlint.site.rendering import NEVER, Cascade
from fmlint.site.templates import (
    Shortcodes,
    component_gives_ids,
    gives_ids,
    layout_id_question,
    liquid_layout_gives_id,
    liquid_layout_writes_ids,
)
from fmlint.site.term_pages import term_pages

if TYPE_CHECKING:  # (the modules of other generators are imported where a site has them)
    from fmlint.site.docusaurus import ContentPlugin
    from fmlint.site.hexo import Hexo
    from fmlint.site.mkdocs_urls import UrlPages
    from fmlint.site.refs import Resolved
    from fmlint.site.starlight import Starlight

# (language, folder) → its section's cascade entries; None → the configuration's
Cascading = Mapping[tuple[str, str] | None, Sequence[Cascade]]

_COMPONENTS = (".js", ".jsx", ".ts", ".tsx")  # the extensions of an imported component written without one
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Page(msgspec.Struct, eq=False):
    file: str | None  # the path as the run names it; None for an implicit section page
    facts: SiteFacts
    language: str
    kind: str  # "page", "section" or "home"
    folder: str  # the content-relative folder of the page ("" at the root): a bundle's own folder
    name: str  # the file name without extension and language ("index", "_index", "hello")
    absolute: str = ""  # the absolute path of the file ("" for an implicit section page)
    sections: str = ""  # the folder of its current section: top-level folders, and folders with ``_index.md``
    renders: bool = True  # a page is written (not headless, not ``render: never`` by itself or a cascade)
    unwritten: bool = False  # ``render: link``: Hugo gives it a URL (and a ``ref``) but writes no file of it
    # why it is not built for production though it renders: "draft", or Hugo's "expired" or "future"
    # (``fmlint.site.publication``); "" for a page built
    withheld: str = ""
    key: str = ""
    url: str = ""
    decided_by: Item | None = None  # the front-matter value that decides the URL (slug, url, a title), if any
    mount: int = 0  # the place of its content folder in the configuration: of two with one key, the first wins
    name_slug: str = ""  # the slug Hugo's ``:filename`` date handler takes from its name (``filename_dates``)
    within: str = ""  # the folder holding its file or bundle, with a trailing slash ("" at the root): ``container``
    # the file of its content key and language that Hugo keeps instead of it (one that names its language)
    kept_instead: Page | None = None

    def __post_init__(self) -> None:
        folder = posixpath.dirname(self.folder) if self.name == "index" else self.folder
        self.within = folder + "/" if folder else ""

    @property
    def bundle(self) -> bool:
        return self.name in ("index", "_index")

    @property
    def lists_terms(self) -> bool:
        """Whether its taxonomy terms are the site's: not an expired page's, which Hugo never lists again (a
        draft's and a page's still to come are, once published)."""
        return self.withheld != "expired"

    @property
    def base_name(self) -> str:
        """The name Hugo's base-name lookup knows the page by: the file name, or a bundle's folder name."""
        return posixpath.basename(self.folder) if self.bundle else self.name

    @property
    def absolute_folder(self) -> str:
        return self.absolute.rpartition(os.sep)[0]

    @property
    def output(self) -> str:
        return output_file(self.url)

    @property
    def ids(self) -> set[str]:
        """Its heading IDs, worked out on first use (a plain attribute: ``cached_property`` takes a lock)."""
        if self._ids is None:
            self._ids = heading_ids(self._anchor_fields, self._id_type, self._dashes)
            tab_type, combined = self._tab_ids
            if tab_type and self.facts.tabs:  # (MkDocs: pymdownx.tabbed's, after the headings')
                ordered = ordered_ids(self._anchor_fields, self._id_type, self._dashes)
                self._ids.update(tab_ids(ordered, self.facts.tabs, tab_type, combined))
            self._ids.update(
                custom_id(written[1:], self._id_type) if written.startswith("#") else written
                for written in self.facts.element_ids
                if not (written.startswith("#") and self._id_type.startswith(REMARK))  # (an attribute list: no syntax)
            )
        return self._ids

    def has_id(self, fragment: str) -> bool:
        """Whether ``fragment`` is one of :attr:`ids`, its headings read in order only until one's ID before a
        duplicate's suffix is ``fragment`` (each such is one of the IDs: see ``base_ids``), what was read kept
        for the next fragment; all of them worked out only when none is (a fragment with a suffix, an ID of
        an attribute list, a broken one); as the generator reads a link's fragment (``link_fragments``)."""
        return any(self._has_id(each) for each in link_fragments(fragment, self._id_type))

    def _has_id(self, fragment: str) -> bool:
        if self._ids is None and not suffixes_own_way(self._id_type):
            if self._bases is None:
                self._bases = (set(), base_ids(self._anchor_fields, self._id_type, self._dashes))
            read, unread = self._bases
            if fragment in read:
                return True
            for base, _ in unread:
                read.add(base)
                if base == fragment:
                    return True
        return fragment in self.ids

    def meant_id(self, fragment: str, ids: frozenset[str], close: Sequence[str]) -> str | None:
        """The one of ``ids`` (its IDs, with those of the files it shows) that ``fragment`` names in another
        spelling, ``close`` the IDs most like it (``fmlint.site.fixes``)."""
        from fmlint.site.fixes import meant_id

        if self._headings is None:
            kept = self._anchors
            ids_in_order = ordered_ids(self._anchor_fields, self._id_type, self._dashes)
            self._headings = {
                found: anchor.text
                for anchor, found in zip(kept, ids_in_order, strict=True)
                if anchor.heading and not anchor.custom and found
            }
        return meant_id(fragment, ids, close, self._headings, self._dashes)

    @property
    def ids_known(self) -> bool:
        """Whether :attr:`ids` are all its IDs (see ``anchors.predictable``): not for a page no file shows (a
        home page or section Hugo makes), whose IDs its layout writes."""
        return (
            self.file is not None
            and all(
                (anchor.custom and reads_custom_ids(self._id_type)) or predictable(anchor.text, self._id_type)
                for anchor in self._anchors
            )
            and not (self.facts.tabs and not slugify_known(self._tab_ids[0]))  # (tabs' IDs: their own slugify)
        )

    @property
    def _anchor_fields(self) -> Iterator[tuple[str, str, bool]]:
        return ((a.text, a.custom, a.heading) for a in self._anchors)

    @property
    def _anchors(self) -> list[Anchor]:
        """The anchors that have IDs: headings (definition terms too with ``autoDefinitionTermID``) that are
        written as headings (not in a shortcode's content its template writes unrendered)."""
        shown, terms = self._shown, self._terms
        return [
            anchor
            for anchor in self.facts.anchors
            if (anchor.heading or terms) and (not anchor.shortcode or shown is None or shown(anchor.shortcode))
        ]

    def anchor_of(self, fragment: str) -> int | None:
        """The number, in its facts' ``anchors``, of the anchor whose ID ``fragment`` is, if one's is."""
        kept = self._anchors
        numbers: list[int] = []
        for number, anchor in enumerate(self.facts.anchors):  # (an anchor equal to a kept one is kept too)
            if len(numbers) < len(kept) and anchor == kept[len(numbers)]:
                numbers.append(number)
        ids = ordered_ids(((a.text, a.custom, a.heading) for a in kept), self._id_type, self._dashes)
        return next((number for number, found in zip(numbers, ids, strict=True) if found == fragment), None)

    _id_type: str = "github"
    _terms: bool = False  # definition terms have IDs (Hugo's ``autoDefinitionTermID``)
    _dashes: tuple[str, str] = WRITTEN_DASHES  # a typographer's (Hugo's) dashes
    _tab_ids: tuple[str, bool] = ("", False)  # MkDocs: pymdownx.tabbed's (``SiteConfig.mkdocs_tab_ids``)
    # whether a heading in the content of a paired shortcode (by name) is written as one (Hugo: its template's say)
    _shown: Callable[[str], bool] | None = None
    _ids: set[str] | None = None
    _bases: tuple[set[str], Iterator[tuple[str, bool]]] | None = None  # ``has_id``'s: the IDs read, the rest
    _headings: dict[str, str] | None = None  # each heading's text by its ID (see meant_id)


class SiteIndex(msgspec.Struct, dict=True):
    config: SiteConfig
    pages: list[Page] = msgspec.field(default_factory=list)
    by_file: dict[str, Page] = msgspec.field(default_factory=dict)  # absolute path → page
    by_key: dict[tuple[str, str], list[Page]] = msgspec.field(default_factory=dict)  # (language, key)
    by_base_name: dict[tuple[str, str], list[Page]] = msgspec.field(default_factory=dict)
    by_url: dict[str, Page] = msgspec.field(default_factory=dict)  # ``refs.url_key`` of each page's URL
    twins: dict[str, list[Page]] = msgspec.field(default_factory=dict)  # the URL keys of several pages (``_at_url``)
    # ``url_key`` of every alias → the pages claiming it (a link there leads to the one Hugo keeps; none known:
    # Hugo's redirect from the default language's folder)
    alias_urls: dict[str, list[Page]] = msgspec.field(default_factory=dict)
    # (language, folder) → its pages
    children: dict[tuple[str, str], list[Page]] = msgspec.field(default_factory=dict)
    # URL keys of the folders whose pages no file shows: content adapters, mounts of what is missing; and, led by
    # ONE_PAGE, of single pages that no Markdown file shows (a Jekyll site's HTML pages)
    generated: tuple[str, ...] = ()
    probes: list[tuple[str, str, bool]] = msgspec.field(default_factory=list)  # files outside the index looked for
    _probed: dict[tuple[str, str], bool] = msgspec.field(default_factory=dict)  # the answers of ``probes``
    # (taxonomy, language) → its terms as used in the whole site, in its order (when the index holds a part of it)
    term_uses: dict[tuple[str, str], list[str]] | None = None
    # the keys of the term pages the files not indexed use (``fmlint.site.term_pages``; when the index holds a part
    # of the site), each with whether a page Hugo builds uses it
    kept_term_pages: dict[str, bool] = msgspec.field(default_factory=dict)
    resolutions: dict[tuple[object, ...], Resolved] = msgspec.field(default_factory=dict)  # ``refs.resolve``'s answers
    # Jekyll's posts by file name (``2021-01-02-x``), Hexo's by slug (``fmlint.site.hexo``); and Hexo's by title
    posts: dict[str, Page] = msgspec.field(default_factory=dict)
    post_titles: dict[str, Page] = msgspec.field(default_factory=dict)
    unknown_post_urls: bool = False  # a Hexo post's URL is not known (``_add_hexo``)
    # content files of leaf bundles: no pages, their Markdown
    resources: list[Page] = msgspec.field(default_factory=list)
    resources_by_base_name: dict[tuple[str, str], list[Page]] = msgspec.field(default_factory=dict)
    _doc_ids: dict[str, set[str]] | None = None  # a Docusaurus site's docs version → its docs' IDs
    _places: Places = msgspec.field(default_factory=Places)

    @cached_property
    def shortcodes(self) -> Shortcodes:
        """What a Hugo site's shortcode templates do."""
        # (probing as ``probe`` does, with no reference to the index: a cycle through it would leave the whole
        # index, ~25,000 objects at 2,000 pages, to a collection of the cyclic garbage collector)
        return Shortcodes(self.config.layout_dirs, partial(_probe, self._probed, self.probes))

    def terms(self, taxonomy: str, language: str) -> list[str]:
        """The terms of ``taxonomy`` as the pages in ``language`` use them, page after page (by the whole site when
        ``term_uses`` says): each language has its own term pages."""
        return (self._whole_term_uses if self.term_uses is None else self.term_uses).get((taxonomy, language), [])

    def param_value(self, page: Page, name: str) -> str | None:
        """What Hugo's ``param`` shortcode writes for ``name`` in ``page`` (``fmlint.site.params``): its own
        parameter, else its sections' cascades' (the closest first, a section's own included), else the
        configuration's; ``None`` when that is not known for certain."""
        if self.config.params is None:
            return None
        given, value = self._page_param(page, name)
        return value if given else self.config.params.value(page.language, name)

    def page_type(self, page: Page) -> str | None:
        """The ``type`` the page's front matter gives it, else the closest cascade that gives one (its sections',
        a section's own included, then the configuration's); "" for none (Hugo's: its first folder); ``None`` when
        a targeted cascade may give one, or the configuration's cascade is not read (a ``param`` shortcode of the
        site's own)."""
        if page.facts.page_type:
            return page.facts.page_type
        given, value = self._page_param(page, "type")
        if given:
            return value
        params = self.config.params  # (None: not read)
        if params is None or "type" in params.cascade_maybe:
            return None
        return params.cascade.get("type", "")

    def param_found(self, page: Page, name: str) -> bool | None:
        """Whether Hugo's ``param`` shortcode finds ``name`` (lowercased) in ``page`` with a true value (where
        :meth:`param_value` looks: ``fmlint.site.params``): if not, its template fails the build; ``None`` when
        not known (a ``param`` shortcode of the site's own, a targeted cascade, a theme or module missing)."""
        if self.config.params is None:
            return None
        if name in page.facts.params_given:
            return page.facts.params_given[name]
        for section in self._sections_of(page):
            if (found := looked_up(section.facts.cascade_given, name)) is not None:
                return found
            if name in section.facts.cascade_maybe:
                return None
        found = self.config.params.found(page.language, name)
        if found is not None or not self.config.params.complete:
            return found
        if not self.config.missing_themes:
            return False
        themes = known_config_params(self.config.missing_themes, self.config.missing_pins)
        return None if themes is None else name in themes  # (a theme's value taken for true: its versions differ)

    def _page_param(self, page: Page, name: str) -> tuple[bool, str | None]:
        """Whether the page's own parameter ``name`` (of those its facts keep) or its sections' cascades' (the
        closest first, a section's own included) give it a value, and the value (``None`` when not known for
        certain)."""
        if name in page.facts.params:
            return True, page.facts.params[name]
        for section in self._sections_of(page):
            if name in section.facts.cascade_params:
                return True, section.facts.cascade_params[name]
            if name in section.facts.cascade_maybe:
                return True, None
        return False, None

    def _sections_of(self, page: Page) -> Iterator[Page]:
        """The sections holding ``page`` that have files, the closest first (a section's own page first)."""
        for folder in _folders_up(page):
            section = self._sections.get((page.language, folder))
            if section is not None:
                yield section

    def with_params(self, page: Page, reference: Reference) -> Reference:
        """The reference with the values of Hugo's ``param`` shortcodes in its target written in, where each is
        known (:meth:`param_value`); else as it is (a templated target: not judged)."""
        target = with_params(reference.target, partial(self.param_value, page))
        return reference if target is None else msgspec.structs.replace(reference, target=target)

    @cached_property
    def _sections(self) -> dict[tuple[str, str], Page]:
        """The section and home pages with files, by (language, folder)."""
        return {(p.language, p.folder): p for p in self.pages if p.kind != "page" and p.file is not None}

    @cached_property
    def mkdocs_pages(self) -> UrlPages:
        """An MkDocs site's built pages by URL and by file (``fmlint.site.mkdocs_urls``)."""
        from fmlint.site.mkdocs_urls import url_pages

        return url_pages(self)

    @cached_property
    def _whole_term_uses(self) -> dict[tuple[str, str], list[str]]:
        """(taxonomy, language) → its terms as the pages use them, page after page: one pass over the pages."""
        uses: dict[tuple[str, str], list[str]] = {}
        for page in self.pages:
            for taxonomy in self.config.taxonomies if page.lists_terms else ():
                if items := page.facts.lists.get(taxonomy):
                    uses.setdefault((taxonomy, page.language), []).extend([item.value for item in items])
        return uses

    @cached_property
    def term_pages(self) -> dict[str, bool]:
        """The keys of the term pages of the site's pages (``fmlint.site.term_pages``), each with whether a page
        Hugo builds uses it."""
        return term_pages(self.config, self.pages, self.kept_term_pages)

    def unseen(self, key: str) -> bool:
        """Whether the URL or content key ``key`` is in a folder whose pages no file shows, or is the URL of a page
        no Markdown file shows (``generated``: one led by :data:`ONE_PAGE`)."""
        return any(
            key == prefix[1:]
            if prefix.startswith(ONE_PAGE)
            else key == prefix or key.startswith(prefix.rstrip("/") + "/")
            for prefix in self.generated
        )

    def place(self, page: Page, written: Item | Reference | None) -> At:
        """Where a value or reference of ``page`` is written (for a finding: ``fmlint.site.places``); the file's
        start for none (a path from the file's name)."""
        return self._places.at(page.absolute, written) if written is not None else FILE_START

    def written(self, page: Page, start: int, end: int) -> str:
        """The text of ``page``'s file from ``start`` to ``end`` (``Places.text``)."""
        return self._places.text(page.absolute, start, end)

    def removal(self, page: Page, item: Item, only: bool) -> At | None:
        """What to delete to remove ``item``, a list item of ``page`` (``only``: the list's only string), with its
        separator (``Places.removal``)."""
        return self._places.removal(page.absolute, item, only) if page.file is not None else None

    def probe(self, function: Callable[[str], bool], path: str) -> bool:
        """``os.path.isfile``, ``os.path.exists`` or a ``templates`` function of ``path``, recorded once: the
        findings depend on it."""
        return _probe(self._probed, self.probes, function, path)

    def doc_ids(self, version: str) -> set[str]:
        """The IDs of the docs of a Docusaurus docs ``version`` (:func:`doc_key`), of every page that is built."""
        if self._doc_ids is None:
            self._doc_ids = {}
            for page in self.pages:
                if page.renders and (key := doc_key(self.config, page)) is not None:
                    self._doc_ids.setdefault(key[0], set()).add(key[1])
        return self._doc_ids.get(version, set())

    def included(self, page: Page) -> list[str]:
        """The files the page includes (``SiteFacts.includes``), where a component an MDX page shows without
        importing it (named alone) is the file a Docusaurus site's ``MDXComponents`` imports it from (left out
        where none does: one of Docusaurus's own, or an Astro page's)."""
        includes = page.facts.includes
        if self.config.generator not in ("docusaurus", "astro") or all("/" in name for name in includes):
            return includes
        components = dict(self.config.docusaurus.components) if self.config.docusaurus is not None else {}
        return [name if "/" in name else components[name] for name in includes if "/" in name or name in components]

    def mdx_partial(self, page: Page, name: str) -> Page | None:
        """The file an MDX import of the page names (``./_p.mdx``; Docusaurus's ``@site/…`` from the site's
        folder), if the index holds it."""
        return self.by_file.get(self._imported(page, name))

    def _imported(self, page: Page, name: str) -> str:
        base = self.config.root if name.startswith("@site/") else page.absolute_folder
        return os.path.normpath(os.path.join(base, name.removeprefix("@site/")))

    def _component_gives_ids(self, page: Page, name: str) -> bool:
        """Whether the project's component that an MDX import of the page names (``@site/static/x.jsx``,
        ``../components/Card``: with or without its extension, or a folder's ``index``) gives an element an
        ``id`` (home-assistant's ``<ApiEndpoint>``, which makes it of its props)."""
        path = self._imported(page, name)
        candidates = [path] if os.path.splitext(path)[1] else []
        candidates += [path + extension for extension in _COMPONENTS]
        candidates += [os.path.join(path, "index" + extension) for extension in _COMPONENTS]
        return any(self.probe(component_gives_ids, candidate) for candidate in candidates)

    def _at_url(self, page: Page) -> None:
        """``page`` at its URL: the first page there is the one a link to it finds; the others written to it (a
        collision, SITE001: the generator keeps one of them) are its twins."""
        key = url_key(page.url)
        first = self.by_url.setdefault(key, page)
        if first is not page:
            self.twins.setdefault(key, [first]).append(page)

    def _also_at(self, url: str, page: Page) -> None:
        """``page`` found at ``url`` too (unless a page is there), and without its ``.html``: servers give
        ``/a/b.html`` for ``/a/b`` (Netlify, GitHub Pages)."""
        self.by_url.setdefault(url_key(url), page)
        if url.endswith(".html"):
            self.by_url.setdefault(url_key(url[: -len(".html")]), page)

    def same_url(self, page: Page) -> list[Page]:
        """The other pages written to ``page``'s URL, any of which the generator may keep (``_at_url``)."""
        return [twin for twin in self.twins.get(url_key(page.url), ()) if twin is not page] if self.twins else []

    def hides_markdown(self, page: Page) -> bool:
        """Whether the page shows Markdown it does not hold (``SiteFacts.hidden_markdown``), or calls a ``{{% %}}``
        shortcode without content whose templates may write some (all but those of a Hugo site whose templates
        write no Markdown: ``Shortcodes.writes_no_markdown``)."""
        names = page.facts.markdown_shortcodes
        if page.facts.hidden_markdown or (names and self.config.generator != "hugo"):
            return True
        return any(not self.shortcodes.writes_no_markdown(name) for name in names)

    def _include_writes_ids(self, page: Page, name: str) -> bool:
        """Whether the file a Jekyll page's include tag names (``./name``: ``include_relative``'s) may give
        elements IDs: a Markdown file's headings do; an HTML file, where it has an ``id=`` (strimzi.io's books of
        generated docs, each page's whole text; not a note's ``<p>``)."""
        if name.lower().endswith(MARKDOWN_EXTENSIONS):
            return True
        folder = page.absolute_folder if name.startswith("./") else os.path.join(self.config.root, "_includes")
        return self.probe(gives_ids, os.path.join(folder, *name.removeprefix("./").split("/")))

    def _layout_writes_ids(self, page: Page) -> bool:
        """Whether a Jekyll page's layout (its own or its front matter defaults') writes IDs of data: the site's
        own, or, where the site has none of that name, its theme's (Minimal Mistakes' ``categories``, loaded as a
        ``remote_theme``)."""
        layout = self._layout_name(page)
        path = self._layout_file(layout)
        if not path or self.probe(liquid_layout_writes_ids, path):
            return bool(path)
        return theme_layout_writes_ids(self.config.jekyll_theme, layout) and not self.probe(os.path.isfile, path)

    def layout_gives_id(self, page: Page, fragment: str) -> bool:
        """Whether a Jekyll or Hugo page's layout gives an element the ID ``fragment`` as written."""
        if self.config.generator == "hugo":
            page_type = page.facts.page_type or page.folder.split("/", 1)[0]
            return self.shortcodes.layout_gives_id(page.kind, page_type, page.facts.layout, fragment)
        jekyll = self.config.generator == "jekyll" and page.file is not None
        path = self._layout_file(self._layout_name(page)) if jekyll else ""
        return bool(path) and self.probe(
            liquid_layout_gives_id, layout_id_question(path, page.absolute_folder, fragment)
        )

    def _layout_name(self, page: Page) -> str:
        """The name of a Jekyll page's layout, its own or its front matter defaults' ("": none)."""
        relative = os.path.relpath(page.absolute, self.config.root).replace(os.sep, "/")
        return page_layout(self.config, relative, page.facts.layout)

    def _layout_file(self, layout: str) -> str:
        """The file of the Jekyll layout named ``layout`` in the site's ``_layouts/`` ("" for no layout)."""
        return os.path.join(self.config.root, "_layouts", *f"{layout}.html".split("/")) if layout else ""

    def ids_written(self, page: Page) -> bool:
        """Whether a shortcode the page calls or its own layout template writes IDs fmlint does not see (the
        template writes headings with ``id``s, or renders a file not found: ``fmlint.site.templates``), or a
        snippet it includes is a file fmlint has not read (MkDocs), or Jekyll's ``{% include %}`` writes a
        Markdown file into it, or an MDX partial it shows is not a content file (Docusaurus, Astro), or a page of
        ``src/pages`` is written at its URL (Starlight)."""
        if self.config.generator == "mkdocs":
            return any(self.snippet(name) == "" for name in page.facts.includes)
        if self.config.generator == "jekyll":  # (an included Markdown file's headings, an HTML file's IDs)
            return (
                any(self._include_writes_ids(page, name) for name in page.facts.liquid_includes)
                or any("{{" in found for found in page.ids)  # (`<h2 id="{{ section.name | slugify }}">`)
                or self._layout_writes_ids(page)
            )
        if self.config.generator in ("docusaurus", "astro"):  # (an MDX partial fmlint has not read)
            starlight = self.config.starlight
            if starlight is not None and starlight.shadows(page.url[len(starlight.base) :]):
                return True
            return any(
                self.mdx_partial(page, name) is None
                if name.lower().endswith(MARKDOWN_PARTIALS)
                else self._component_gives_ids(page, name)
                for name in self.included(page)
            )
        if self.config.generator != "hugo":
            return False
        writes = self.shortcodes.writes_ids
        return (
            any(writes(name) for name in page.facts.shortcodes)
            or None in self.rendered_files(page)
            or self.shortcodes.layout_writes_ids(
                page.kind, page.facts.page_type or page.folder.split("/", 1)[0], page.facts.layout
            )
            or self._content_switched(page)
        )

    def _content_switched(self, page: Page) -> bool:
        """Whether a layout template writes something else than the page's content for it, by a value its
        sections' ``cascade`` gives a page parameter (``templates.content_switches``; a value of the page's own
        front matter is not kept in its facts)."""
        if not any(section.facts.cascade_params for section in self._sections_of(page)):
            return False  # (the templates are not read)
        switches = self.shortcodes.layout_switches
        return any(self._page_param(page, key)[1] in values for key, values in switches.items())

    def rendered_files(self, page: Page) -> list[Page | None]:
        """The files whose Markdown the page's shortcodes render (``templates.renders_other_markdown``), each
        named by a call's first argument: a page or a bundle's resource, ``None`` for one not found or an HTML
        file (whose IDs fmlint does not read; its namesake page is another file: mitmproxy's generated API pages);
        each of its namesakes where the name leaves which one open (envoyproxy's ``boilerplate``, one bundle a
        docs version: a fragment in none of them is in none)."""
        if not page.facts.calls or self.config.generator != "hugo":
            return []
        found: list[Page | None] = []
        for name, argument in page.facts.calls:
            folders = self.shortcodes.renders_files(name)
            if folders is not None:
                html = argument.lower().endswith((".html", ".htm"))
                found += (None if html else self._files_named(argument, page.language, folders)) or [None]
        return found

    def _files_named(self, argument: str, language: str, folders: frozenset[str]) -> list[Page]:
        """The pages or resources of ``language`` (else of the default language) with the base name of
        ``argument``, or of those the one at the path ``argument`` writes out (falco.org's bundle
        ``supported-fields/`` holds ``supported-fields.md``, which its ``index.md`` renders), or those in a
        folder of ``folders``, when namesakes elsewhere have it."""
        candidates: list[Page] = []
        for key in called_keys(argument, language, self.config.default_language):
            candidates = [*self.by_base_name.get(key, ()), *self.resources_by_base_name.get(key, ())]
            if candidates:
                break
        if len(candidates) > 1 and "/" in (path := argument.strip("/")):
            tail = os.sep + path.replace("/", os.sep)
            candidates = [page for page in candidates if page.absolute.endswith(tail)] or candidates
        if len(candidates) > 1:
            candidates = [page for page in candidates if folders.intersection(page.folder.split("/"))]
        return candidates

    def snippet(self, name: str) -> Page | str | None:
        """The file a ``--8<--`` line names (pymdownx.snippets: the first of its folders holding it): its page,
        "" for a file outside the index (a Markdown file elsewhere, whose headings fmlint has not read), or
        ``None`` for none (pymdownx.snippets writes nothing) or an image."""
        for folder in self.config.mkdocs_snippets:
            path = os.path.normpath(os.path.join(folder, name))
            found = self.by_file.get(path)
            if found is not None:
                return found
            if self.probe(os.path.isfile, path):
                return None if name.lower().endswith(IMAGE_EXTENSIONS) else ""  # (an image holds no headings)
        return None

    def add(self, file: str, absolute: str, facts: SiteFacts) -> None:
        """The file's pages: one, or one per module mount holding it (a language's fallback pages)."""
        pages = _pages(self.config, file, absolute, facts)
        self.pages += pages
        if pages:
            self.by_file.setdefault(absolute, pages[0])

    def finish(self, implicit: Iterable[tuple[str, str]] | None = None) -> None:
        """Work out keys and URLs (sections first: pages may use their slugs), and add implicit sections
        (``implicit``, as (language, folder), when the index holds a part of the site: those of the whole).

        Of other generators, Jekyll's and Starlight's pages get URLs; the others' only their links and anchors
        are checked."""
        if self.config.generator != "hugo":
            starlight = self.config.starlight
            for page in self.pages:
                page._id_type, page._dashes = self.config.heading_ids, self.config.dashes
                page._tab_ids = self.config.mkdocs_tab_ids
                if self.config.generator == "jekyll":
                    page.url = _jekyll(self.config, page)
                    page.renders = bool(page.url)
                    page.decided_by = page.facts.permalink
                    self._add_jekyll(page)
                elif self.config.hexo is not None:
                    self._add_hexo(self.config.hexo, page)
                elif self.config.eleventy is not None:
                    self._add_eleventy(self.config.eleventy, page)
                elif self.config.generator == "mkdocs":
                    self._add_mkdocs(page)
                elif self.config.astro_routes:
                    self._add_astro_page(page)
                elif starlight is not None or self.config.docusaurus is not None:
                    page.url = _starlight(self.config, starlight, page) if starlight else _docusaurus(self.config, page)
                    if page.url and starlight is None and self.config.unbuilt(page.absolute):
                        page.url = ""  # (a locale's file translating none: no page, nor one to link to)
                    page.renders = bool(page.url) and not page.facts.draft
                    page.decided_by = page.facts.slug
                    if page.url:  # drafts too: a link to one is told so
                        self._at_url(page)
                if page.facts.draft and self.config.hexo is None and self._reads_drafts():  # (Hexo reads none)
                    page.withheld = "draft"
                elif page.facts.unpublished and self.config.generator == "jekyll" and not self.config.unpublished:
                    page.withheld = "unpublished"  # (Jekyll's `published: false`: not read, unless `unpublished`)
                elif (
                    self.config.generator == "jekyll"
                    and "_posts" in page.folder.split("/")
                    and self._future(page.facts.date or (page.name[:10] if DATED.match(page.name) else ""))
                ):
                    page.withheld = "future"  # (a post dated later than now: Jekyll builds it only with `future`)
                if page.file is not None:  # (a relative link to a moved file names it: ``refs._missing``)
                    self.by_base_name.setdefault(base_name_key(page), []).append(page)
            return
        self._drop_shadowed()
        self._drop_resources()
        sections = {(p.language, p.folder) for p in self.pages if p.kind != "page"}
        tops = (  # (the top folders of pages below them, and of sections: `docs/sub/_index.md` makes `/docs/`)
            {
                (p.language, p.folder.split("/", 1)[0])
                for p in self.pages
                if "/" in (container(p) if p.kind == "page" else p.folder)
            }
            if implicit is None
            else set(implicit)
        )
        for language, folder in sorted(tops - sections):
            kind = "section" if folder else "home"  # (a kept implicit home: its folder is "")
            section = Page(None, SiteFacts(), language, kind, folder, "_index")
            section.key = _key(section)
            self.pages.append(section)
        if self.config.home:  # Hugo makes each language's home page, ``_index.md`` or not
            homes = {p.language for p in self.pages if p.kind == "home"}
            for language in sorted(set(self.config.languages) - homes):
                home = Page(None, SiteFacts(), language, "home", "", "_index")
                home.key = _key(home)
                self.pages.append(home)
            if self.config.default_in_subdir:  # `/` redirects to `/en/` (in a site of one language too)
                self.alias_urls.setdefault("/", [])
            elif self.config.multilingual:  # `/en/` redirects to `/`
                self.alias_urls.setdefault(url_key(f"/{self.config.default_language}/"), [])
        known = sections | tops
        config = self.config
        id_type, terms, dashes = config.heading_ids, config.definition_ids, config.dashes
        shown = self.shortcodes.renders_content if self.pages else None  # (its templates read only for pages)
        cascading: dict[tuple[str, str] | None, Sequence[Cascade]] = {
            (p.language, p.folder): p.facts.cascades for p in self.pages if p.kind != "page" and p.facts.cascades
        }
        if config.cascades:
            cascading[None] = config.cascades  # (the configuration's: below the home page's own)
        settled = settled_day()
        by_folder = {(p.language, p.folder): p for p in self.pages if p.kind == "section"}
        slugs = (
            {key: slug for key, section in by_folder.items() if (slug := _folder_slug(section))}
            if (config.hugo_version or SECTION_SLUGS) >= SECTION_SLUGS
            else {}
        )
        for page in self.pages:
            page.sections = _current_section(page, known)
            render = _render(page, cascading)
            page.renders = (
                render != NEVER
                and not (config.disabled_kinds and hugo_kind(config, page) in config.disabled_kinds)
                and page.kept_instead is None
            )
            page.unwritten = render == "link"
            page.withheld = withheld(
                config, page.facts, self.probe, settled, bool(cascading) and _cascaded_draft(page, cascading)
            )
            page._id_type, page._terms, page._dashes, page._shown = id_type, terms, dashes, shown
            page.url, page.decided_by = _url(config, page, by_folder, slugs)
            keyed = self.by_key.setdefault((page.language, page.key), [])
            keyed.insert(0 if keyed and keyed[0].kept_instead is page else len(keyed), page)  # (Hugo's first)
            if page.renders:
                self._at_url(page)
                self._also_at(page.url, page)
            if page.kind == "page":
                self.children.setdefault((page.language, container(page).rstrip("/")), []).append(page)
            for alias in page.facts.aliases:  # with ``disableAliases`` too: such sites redirect them another way
                self.alias_urls.setdefault(url_key(alias_url(self.config, page, alias.value)), []).append(page)
            if self.config.redirect_params and page.renders:
                for redirect in param_redirects(self.config, page):
                    self.alias_urls.setdefault(url_key(redirect), []).append(page)
            if page.file is not None:
                self.by_base_name.setdefault(base_name_key(page), []).append(page)

    def _add_jekyll(self, page: Page) -> None:
        """A Jekyll page's URL (``/a.html`` is ``/a`` too, as GitHub Pages serves it), its ``redirect_from``
        URLs (jekyll-redirect-from), and a post's name (``{% post_url %}`` names it)."""
        if page.renders:
            self._at_url(page)
            self._also_at(page.url, page)
            if extensionless(page.url):  # (Jekyll writes `permalink: /labs/lab1` to `lab1.html`)
                self.by_url.setdefault(url_key(page.url + ".html"), page)
        for item in page.facts.lists.get("redirect_from", ()):
            self.alias_urls.setdefault(url_key(item.value), []).append(page)
        if "_posts" in page.folder.split("/"):
            self.posts.setdefault(page.name, page)

    def _add_mkdocs(self, page: Page) -> None:
        """An MkDocs page at its URL (``mkdocs_urls.page_url``): with ``use_directory_urls``, ``foo.md`` and
        ``foo/index.md`` are both written to ``foo/index.html``, and MkDocs keeps one without a word (a file it
        builds no page of claims none: a ``README.md`` beside an ``index.md``, which it leaves out and says so)."""
        if page.file is None or self.config.unbuilt(page.absolute):
            return
        page.url = page_url(page, self.config.mkdocs_directory_urls)
        self._at_url(page)

    def _add_astro_page(self, page: Page) -> None:
        """A Markdown page of an Astro site's ``src/pages`` at its route: ``about.md`` and ``about/index.md`` are
        both ``/about`` (Astro 5 warns "A static route cannot be defined more than once" and writes one of them
        to ``about/index.html``).  A file or folder named with ``_`` is no page, one under a ``[param]`` folder
        not judged; the content collections' entries are pages where the site's routes say (not judged)."""
        pages = os.path.join(self.config.root, "src", "pages")
        if page.file is None or not page.absolute.startswith(pages + os.sep):
            return
        parts = os.path.relpath(page.absolute, pages).split(os.sep)
        if any(part.startswith("_") or "[" in part for part in parts):
            return
        stem = parts[-1].rsplit(".", 1)[0]
        page.url = "/" + "".join(f"{part}/" for part in [*parts[:-1], *([] if stem == "index" else [stem])])
        self._at_url(page)

    def _reads_drafts(self) -> bool:
        """Whether the generator builds no page of ``draft: true`` (Eleventy only where its configuration says)."""
        return self.config.eleventy is None or self.config.eleventy.drafts

    def _add_eleventy(self, eleventy: Eleventy, page: Page) -> None:
        """An Eleventy page at the URL of the file it is written to, where its data does not decide the file
        (``fmlint.site.eleventy``); one whose ``permalink`` is ``false`` is not written."""
        permalink = page.facts.permalink
        source = self.config.content_dirs[0].path
        relative = os.path.relpath(page.absolute, source).replace(os.sep, "/")
        output = eleventy_output(eleventy, relative, page.facts.render, None if permalink is None else permalink.value)
        page.renders = page.facts.render != NEVER
        page.decided_by = permalink
        if output and not data_decides(eleventy, source, relative.rpartition("/")[0], self.probe):
            page.url = "/" + output.removesuffix("index.html")
            self._at_url(page)

    def _add_hexo(self, hexo: Hexo, page: Page) -> None:
        """A Hexo page or post at its URLs (``fmlint.site.hexo_urls``), a post by its slug and its title too
        (``{% post_link %}`` names it); a draft, or a post with ``published: false``, is withheld (Hexo writes no
        page of it).  A post whose URL is not known makes the site's links of its permalink's shape unjudged."""
        from fmlint.site.hexo import permalink_tokens
        from fmlint.site.hexo_urls import page_url, post_urls

        page.renders = not hexo.unbuilt(page.absolute)
        if not page.renders:
            return
        post = hexo.post(page.absolute)
        urls = [page_url(hexo.relative(page.absolute), page.facts)] if post is None else []
        page.decided_by = page.facts.permalink
        if post is not None and page.decided_by is None:  # (or the value of a token it names: `:abbrlink`)
            tokens = sorted(permalink_tokens(hexo).intersection(page.facts.lists))
            page.decided_by = next((page.facts.lists[token][0] for token in tokens if page.facts.lists[token]), None)
        if post is not None:
            slug, draft = post
            self.posts.setdefault(slug, page)
            if page.facts.title is not None:
                self.post_titles.setdefault(page.facts.title.value, page)
            if draft and not hexo.render_drafts:
                page.withheld = "draft"
            elif page.facts.unpublished:
                page.withheld = "unpublished"
            elif self._future(page.facts.date):
                page.withheld = "future"  # (`future: false`: Hexo publishes a post from its date)
            urls = post_urls(hexo, slug, page.facts)
            self.unknown_post_urls = self.unknown_post_urls or not urls
        if not urls:
            return
        page.url = urls[0]
        self._at_url(page)
        for url in urls:  # (the other: a build in UTC of a site with a `timezone`)
            self._also_at(url, page)

    def _future(self, moment: str) -> bool:
        """Whether a Jekyll or Hexo post dated ``moment`` is later than now where the site builds no such post
        (``future``); a day before yesterday is past without asking the clock (asked: the findings depend on it)."""
        return (
            not self.config.build_future and bool(moment) and moment[:10] >= settled_day() and self.probe(ahead, moment)
        )

    def _drop_resources(self) -> None:
        """Drop the content files below a leaf bundle's folder (one holding ``index.md``) but its ``index.md``:
        Hugo makes them the bundle's resources, which are no pages (istio.io's FAQ entries and glossary terms,
        which its layouts show in the bundle's page)."""
        leaves = {page.absolute_folder for page in self.pages if page.file is not None and page.name == "index"}
        if leaves:
            kept: list[Page] = []
            for page in self.pages:
                (self.resources if in_leaf_bundle(page.absolute, leaves) else kept).append(page)
            self._keep(kept)
            for resource in self.resources:
                self.resources_by_base_name.setdefault(base_name_key(resource), []).append(resource)

    def _keep(self, pages: list[Page]) -> None:
        """Keep only ``pages`` of the pages added (before :meth:`finish` files them by URL and key)."""
        if len(pages) < len(self.pages):
            self.pages = pages
            self.by_file = {}
            for page in pages:
                self.by_file.setdefault(page.absolute, page)

    def _drop_shadowed(self) -> None:
        """Work out each page's key, drop the pages of a mount that an earlier mount has a page for (a
        language's own page replaces the fallback page mounted from another language's folder), and mark the
        files of a key that Hugo replaces by another (``_replaced``)."""
        for page in self.pages:
            page.key = _key(page)
        if len(self.config.content_dirs) > 1:  # (one folder: pages with one key are one folder's files)
            first: dict[tuple[str, str], int] = {}
            for page in self.pages:
                claim = (page.language, page.key)
                first[claim] = min(first.get(claim, page.mount), page.mount)
            self._keep([page for page in self.pages if first[(page.language, page.key)] == page.mount])
        self._replaced()

    def _replaced(self) -> None:
        """Of the files with one content key in one language, the one Hugo keeps where one is named with the
        language and the others are not (`a.bg.md` over `a.md` in `bg`, the default: 200 of 200 builds of Hugo
        0.168 under load; bghiphop-archives' `_index.bg.md` beside `_index.md`); of others (`a.md` beside
        `a/_index.md`: the section in 28 of 30) the one it keeps is not told, as it is not fixed."""
        first: dict[tuple[str, str], Page] = {}
        shared: dict[tuple[str, str], list[Page]] = {}  # (the few keys of more than one file)
        for page in self.pages:
            if page.file is not None and (other := first.setdefault((page.language, page.key), page)) is not page:
                shared.setdefault((page.language, page.key), [other]).append(page)
        languages = self.config.languages
        for pages in shared.values():
            named = [page for page in pages if _named_language(page.absolute, languages)]
            if len(named) == 1:
                for page in pages:
                    page.kept_instead = named[0] if page is not named[0] else None


def _named_language(absolute: str, languages: tuple[str, ...]) -> bool:
    """Whether the file at ``absolute`` names one of ``languages`` before its extension (``a.bg.md``)."""
    stem = os.path.basename(absolute)
    stem = stem[: _extension_at(stem)]
    return stem.rpartition(".")[2].lower() in languages if "." in stem else False


def base_name_key(page: Page) -> tuple[str, str]:
    """A page's language and base name as Hugo's base-name lookup compares it (``refs.lookup``)."""
    return page.language, basic_normalize(page.base_name)


def called_keys(argument: str, language: str, default_language: str) -> tuple[tuple[str, str], ...]:
    """The base-name keys (:func:`base_name_key`) of the file a shortcode's ``argument`` names, in the calling
    page's language, then the default one."""
    name = basic_normalize(stem(posixpath.basename(argument)))
    return (language, name), (default_language, name)


def stem(path: str) -> str:
    """``path`` without its content file's extension (``a.md`` → ``a``; ``v1.2`` stays)."""
    at = _extension_at(path)
    return path[:at] if path[at:].lower() in CONTENT_EXTENSIONS else path


def _extension_at(path: str) -> int:
    """Where ``posixpath.splitext``'s extension of ``path`` starts (after the last dot of the last segment,
    unless only dots are before it; ``len(path)`` when there is none), found without its Python code: a
    site's files and references name paths by the ten thousand."""
    dot = path.rfind(".")
    return dot if dot > 0 and path[path.rfind("/") + 1 : dot].strip(".") else len(path)


def in_leaf_bundle(absolute: str, leaves: set[str]) -> bool:
    """Whether the content file at ``absolute`` is below one of the leaf bundles' folders ``leaves`` (a bundle's
    own ``index.md``/``_index.md`` is not: its folder's parent is where the search starts)."""
    folders = folders_above(absolute)
    if os.path.basename(absolute).split(".", 1)[0] in ("index", "_index"):
        next(folders, None)
    return any(folder in leaves for folder in folders)


def folders_above(absolute: str) -> Iterator[str]:
    """The folders holding the file at ``absolute`` (a normalised path), from its own to the root's: each cut
    from the path (a site's every file asks, in every run that indexes the whole site)."""
    end = absolute.rfind(os.sep)
    while end >= 0:
        yield absolute[:end] or os.sep
        end = absolute.rfind(os.sep, 0, end)


def _matches(patterns: tuple[str, ...], key: str) -> bool:
    return any(glob_slice_matches((pattern,), key) for pattern in patterns)


def alias_url(config: SiteConfig, page: Page, alias: str) -> str:
    """An alias's URL: absolute ones get the page's language prefix; relative ones are beside the page. With
    ``uglyURLs`` one not ending in `.html` or `.htm` gets `.html` (Hugo writes `/old/` to ``/old.html``)."""
    alias = alias.strip()
    if alias.startswith("/"):
        url = clean(config.language_prefix(page.language) + alias)
    else:
        url = clean(page.url.rstrip("/").rsplit("/", 1)[0] + "/" + alias)
    if _ugly(config, page) and not names_html(url.rstrip("/")):
        url = url.rstrip("/") + ".html"
    return url


def param_redirects(config: SiteConfig, page: Page) -> list[str]:
    """The URLs the page's parameters redirect from, where the site's ``_redirects`` template writes them
    (``SiteConfig.redirect_params``): a value starting with ``/`` as it is, another after the page's URL."""
    found = []
    for name, field_name in config.redirect_params:
        for item in page.facts.lists.get(f"{name}.{field_name}" if field_name else name, ()):
            value = item.value.strip()
            found.append(value if value.startswith("/") else page.url + value)
    return found


def container(page: Page) -> str:
    """The folder holding the page's file or bundle ("" at the content root), with a trailing slash."""
    return page.within


def _jekyll(config: SiteConfig, page: Page) -> str:
    if config.jekyll_excludes(page.absolute):
        return ""  # (in `exclude`: Jekyll does not read it, so writes no page of it)
    facts = page.facts
    # (Jekyll's `categories`, then its `category`: scala-lang.org's posts of `category: blog` are under `/blog/`)
    categories = [item.value for key in ("categories", "category") for item in facts.lists.get(key, ())]
    url = jekyll_url(
        page.folder,
        page.name,
        config.permalink_style,
        facts.permalink.value if facts.permalink is not None else "",
        facts.date,
        categories,
        facts.slug.value if facts.slug is not None else "",
        facts.front_matter,
        config.jekyll_collections,
        config.jekyll_collections_dir,
        config.jekyll_defaults,
        os.path.splitext(page.absolute)[1],
        config.jekyll_include,
    )
    language = _polyglot_language(config, page) if url and config.polyglot_languages else ""
    if language and language != config.polyglot_languages[0]:
        return f"/{language}{url}"  # (jekyll-polyglot writes a language's page under its prefix)
    return url or ""


def _polyglot_language(config: SiteConfig, page: Page) -> str:
    """A page's language on a jekyll-polyglot site: its ``lang``, else (``lang_from_path``) the first folder of
    its path named as a language; "" for none of the site's."""
    languages = config.polyglot_languages
    if page.facts.lang in languages:
        return page.facts.lang
    if config.polyglot_from_path:
        return next((part for part in page.folder.split("/") if part in languages), "")
    return ""


def _starlight(config: SiteConfig, starlight: Starlight, page: Page) -> str:
    """The URL of a page of Starlight's docs collection ("" for any other file)."""
    from fmlint.site.starlight import is_page, page_id, page_url

    docs_path = _docs_path(config, page)
    if docs_path is None or not is_page(docs_path):
        return ""
    return page_url(starlight, page_id(docs_path, page.facts.slug.value if page.facts.slug is not None else None))


def _docs_path(config: SiteConfig, page: Page) -> str | None:
    """The path of a page's file in Starlight's docs collection (``None`` outside it)."""
    from fmlint.site.starlight import docs_path

    return docs_path(config.root, page.absolute)


def starlight_locale(config: SiteConfig, page: Page) -> str:
    """The Starlight locale whose folder holds the page's file ("" for the root locale, or outside the docs)."""
    if config.starlight is None or (docs_path := _docs_path(config, page)) is None:
        return ""
    return config.starlight.locale_of(docs_path)


def _docusaurus(config: SiteConfig, page: Page) -> str:
    """The URL of a page of a Docusaurus content plugin ("" for any other file)."""
    found = _plugin_path(config, page)
    return _docusaurus_url(config, page, *found) if found is not None else ""


def _plugin_path(config: SiteConfig, page: Page) -> tuple[ContentPlugin, str] | None:
    """The Docusaurus content plugin of a page, and the page's path in its folder (``/``-separated)."""
    assert config.docusaurus is not None
    for plugin in config.docusaurus.plugins:
        folder = os.path.join(os.path.normpath(os.path.join(config.root, plugin.folder)), "")
        if page.absolute.startswith(folder):
            return plugin, page.absolute[len(folder) :].replace(os.sep, "/")
    return None


def docusaurus_plugin(config: SiteConfig, page: Page) -> ContentPlugin | None:
    """The Docusaurus content plugin of a page's file (``None`` for any other page)."""
    found = _file_plugin_path(config, page)
    return found[0] if found is not None else None


def doc_key(config: SiteConfig, page: Page) -> tuple[str, str] | None:
    """A Docusaurus doc's docs version (its translations' folder, which a locale's translated files share) and
    ID (what ``pagination_next`` names); ``None`` for any other page."""
    found = _file_plugin_path(config, page)
    if found is None or found[0].kind != "docs":
        return None
    from fmlint.site.docusaurus import doc_id

    plugin, path = found
    front_matter_id = page.facts.doc_id.value if page.facts.doc_id is not None else None
    return plugin.translations or plugin.folder, doc_id(plugin, path, front_matter_id)


def _file_plugin_path(config: SiteConfig, page: Page) -> tuple[ContentPlugin, str] | None:
    return _plugin_path(config, page) if config.docusaurus is not None and page.file is not None else None


def _docusaurus_url(config: SiteConfig, page: Page, plugin: ContentPlugin, path: str) -> str:
    from fmlint.site.docusaurus import page_url as docusaurus_url

    assert config.docusaurus is not None
    slug, doc_id = (item.value if item is not None else None for item in (page.facts.slug, page.facts.doc_id))
    return docusaurus_url(config.docusaurus, plugin, path, slug, doc_id)


def content_paths(config: SiteConfig, page: Page) -> list[str]:
    """The content folders a Docusaurus page's Markdown links are resolved in (``getContentPathList``): a
    locale's translations first, then the plugin's own folder (for a page as a locale shows it untranslated
    too: :func:`locale_fallbacks`)."""
    docusaurus = config.docusaurus
    found = _plugin_path(config, page) if docusaurus is not None else None
    if docusaurus is None or found is None:
        return [content.path for _, content in config.content_dirs_of(page.absolute)[-1:]]
    plugin = found[0]
    if plugin.locale:  # a translation: then the translated plugin's folder
        folders = [
            plugin.folder,
            *(p.folder for p in docusaurus.plugins if p.translations == plugin.translations and not p.locale),
        ]
    elif page.language in docusaurus.locales:  # (the page as a locale shows it untranslated)
        folders = [f"i18n/{page.language}/{plugin.translations}", plugin.folder]
    else:
        folders = [plugin.folder]
    return list(dict.fromkeys(os.path.normpath(os.path.join(config.root, folder)) for folder in folders))


def locale_fallbacks(index: SiteIndex, page: Page) -> list[Page]:
    """A Docusaurus page of the default locale as each other locale without a translation of it shows it (under
    the locale's prefix: links from the root get it too), the translation looked for in ``i18n/<locale>/``."""
    config = index.config
    docusaurus = config.docusaurus
    found = _plugin_path(config, page) if docusaurus is not None and docusaurus.locales and page.file else None
    if docusaurus is None or found is None or found[0].locale or not found[0].translations:
        return []
    plugin, path = found
    fallbacks = []
    for locale in docusaurus.locales:
        translated = os.path.join(config.root, "i18n", locale, *plugin.translations.split("/"), *path.split("/"))
        if not index.probe(os.path.isfile, translated):
            url = _docusaurus_url(config, page, msgspec.structs.replace(plugin, locale=locale), path)
            fallbacks.append(msgspec.structs.replace(page, language=locale, url=url))
    return fallbacks


def _probe(
    probed: dict[tuple[str, str], bool], probes: list[tuple[str, str, bool]], function: Callable[[str], bool], path: str
) -> bool:
    """``SiteIndex.probe`` of the index whose answers and record these are."""
    key = (function.__name__, path)
    answer = probed.get(key)
    if answer is None:
        answer = probed[key] = function(path)
        probes.append((*key, answer))
    return answer


def _render(page: Page, cascading: Cascading) -> str:
    """The page's ``build.render``: its own, else the cascades' ("" for neither)."""
    if page.facts.render or page.kind == "home" or not cascading:
        return page.facts.render
    return _cascaded(page, cascading, "render")


def _cascaded_draft(page: Page, cascading: Cascading) -> bool:
    """Whether the cascades reaching ``page`` make it a draft, where it sets no ``draft`` of its own."""
    return not page.facts.draft_set and _cascaded(page, cascading, "draft") == "true"


def _cascaded(page: Page, cascading: Cascading, field: str) -> str:
    """What the nearest cascade entry picking ``page`` that sets ``field`` (``render``, ``draft``) sets: its own
    section's entries first, in their order, then those above it ("" for none)."""
    for place in (*((page.language, folder) for folder in _folders_up(page)), None):
        for entry in cascading.get(place, ()):
            if (value := getattr(entry, field)) and entry.picks(page.key, page.kind):
                return value
    return ""


def _folders_up(page: Page) -> Iterator[str]:
    """The folder of ``page``'s section (a section's own: its cascade is its own too), then each above it to the
    content root's ``""``: where the sections whose cascades reach it are."""
    folder = page.folder if page.kind != "page" else container(page).rstrip("/")
    while True:
        yield folder
        if not folder:
            return
        folder = posixpath.dirname(folder)


def _current_section(page: Page, sections: set[tuple[str, str]]) -> str:
    folder = page.folder if page.kind != "page" else container(page).rstrip("/")
    while folder and (page.language, folder) not in sections and "/" in folder:
        folder = posixpath.dirname(folder)
    return folder


def _pages(config: SiteConfig, file: str, absolute: str, facts: SiteFacts) -> list[Page]:
    pages = []
    for mount, content in config.content_dirs_of(absolute):
        folder, _, filename = content.content_path(absolute).rpartition("/")
        at = _extension_at(filename)
        stem, extension = filename[:at], filename[at:]
        if extension.lower() not in CONTENT_EXTENSIONS and extension.lower() not in config.page_extensions:
            continue
        language = content.language or config.default_language
        name, _, suffix = stem.rpartition(".")
        if name and suffix.lower() in config.disabled_languages:
            continue  # (`about.zh.md` with `zh` disabled: no page)
        if name and suffix.lower() in config.languages:  # (in a language's own folder too: the name's wins)
            stem, language = name, suffix.lower()
        # (a leaf bundle at the content root, ``index.md``, is the home page to Hugo: the site's other files its
        # resources)
        kind = "home" if stem in ("_index", "index") and not folder else "section" if stem == "_index" else "page"
        dated, slug = facts, ""
        if kind == "page" and config.filename_dates:
            dated, slug = name_dates(config, facts, posixpath.basename(folder) if stem == "index" else stem)
        pages.append(Page(file, dated, language, kind, folder, stem, absolute, mount=mount, name_slug=slug))
    return pages


def renders(config: SiteConfig, absolute: str) -> bool:
    """Whether the site makes a page of the file at ``absolute`` that its configuration lets be rendered: the
    file is in a content folder, and under no ``cascade`` target with ``build.render: never`` (the
    ``_includes`` of opentelemetry.io: fragments that shortcodes include).  Asked through
    ``SiteConfig.renders``, which answers without this module where the configuration has no such target."""
    pages = _pages(config, absolute, absolute, SiteFacts())
    return any(not (config.headless and _matches(config.headless, _key(page))) for page in pages)


def _key(page: Page) -> str:
    path = page.folder if page.bundle else f"{page.folder}/{page.name}"
    return "/" + basic_normalize(path).strip("/")


def _url(
    config: SiteConfig, page: Page, by_folder: Mapping[tuple[str, str], Page], slugs: Mapping[tuple[str, str], str]
) -> tuple[str, Item | None]:
    """The page's URL, and the front-matter value deciding it (``by_folder``: the section pages by language and
    folder, for the tokens that name their slugs; ``slugs``: the sections' slugs that name them in URLs)."""
    facts = page.facts
    prefix = config.language_prefix(page.language)
    if page.kind == "home":  # (Hugo ignores a home page's `url`; with ``uglyURLs`` its link names its file)
        return prefix + ("/index.html" if _ugly(config, page) else "/"), None
    if facts.url is not None and facts.url.value:  # (as written: Hugo writes `/a b /` for `url: "/a b "`)
        url = facts.url.value
        if ":" in url:  # (Hugo expands a permalink's tokens in a `url` too: `/:year/:slug/`)
            url = unquote_plus(expand(url, partial(_token, config, page, by_folder=by_folder)))
        return _front_matter_url(url, prefix), facts.url
    pattern = _pattern(config, page)
    if pattern is not None:
        expanded = expand(pattern, partial(_token, config, page, by_folder=by_folder))
        expanded = permalink_path(expanded, config.lower, config.keep_accents)
        url = clean(prefix + "/" + expanded.lstrip("/"))
        if not url.endswith("/"):
            url += "/"  # (Hugo writes an expanded permalink to its folder's index.html: `/releases/about-1.0/`)
        return _uglified(config, page, url), _deciding(facts, pattern)
    lower, accents = config.lower, config.keep_accents
    if page.kind == "section":
        folder = _url_folder(config, page.language, page.folder, slugs)
        return _uglified(config, page, prefix + joined_link(folder)), facts.slug if slugs else None
    # (a slug of spaces is a slug: Hugo writes the page at its folder's URL)
    slug = (hugo_slug(facts.slug.value) if facts.slug is not None else "") or page.name_slug
    name = slug or page.base_name
    # with ``uglyURLs`` a page's name is sanitised with its `.html` (a slug's `x .html` is `x-.html`, `x/` `x.html`)
    html = page.kind == "page" and _ugly(config, page)
    folder = _url_folder(config, page.language, container(page), slugs).removesuffix("/")
    if html:
        if name == "/":  # (a slug `/` names no part of the path: its folder's name takes the `.html`)
            folder, name = "", folder
        name = name.removesuffix("/") + ".html"
    base = make_path(name, lower, accents) if slug else file_path(name, lower, accents)
    link = joined_link(folder, base)
    return prefix + (link.removesuffix("/") if html else _uglified(config, page, link)), facts.slug


def _front_matter_url(value: str, prefix: str) -> str:
    """The URL path Hugo 0.168 gives a page whose front matter's ``url`` is ``value``: from the root, or where it is
    relative from its language's ``prefix`` (unless it starts with it once cleaned); cleaned as Go's ``path.Clean``
    cleans where it holds ``..`` (its trailing slash too: `/x/../y.z/` is `/y.z`), its runs of slashes one; a slash
    added where it holds no dot (`/a/b` is `/a/b/`, written to its folder's ``index.html``; `/a/v1.2/b` is the
    file ``/a/v1.2/b``)."""
    url = value
    if ".." in url:
        url = clean("/" + url).rstrip("/") or "/"
    if value.startswith("/") or url.startswith(prefix):
        prefix = ""
    url = single_slashes(prefix + "/" + url.lstrip("/"))
    return url if url.endswith("/") or "." in url else url + "/"


def _section_slug(section: Page) -> str:
    """A section's slug as a ``:sectionslug`` token takes it: one of spaces is none."""
    slug = _folder_slug(section)
    return slug if slug.strip() else ""


def _folder_slug(section: Page) -> str:
    """The ``slug`` naming a section's folder in its pages' URLs (Hugo 0.167): one of spaces too."""
    slug = section.facts.slug
    return hugo_slug(slug.value) if slug is not None else ""


def _url_folder(config: SiteConfig, language: str, folder: str, slugs: Mapping[tuple[str, str], str]) -> str:
    """A content ``folder`` as its URL names it: each section's ``slug`` in place of its folder's name (Hugo
    0.167: ``docs/_index.md`` slugged `documentation` puts ``docs/guide/b.md`` at ``/documentation/guide/b/``)."""
    lower, accents = config.lower, config.keep_accents
    if not slugs:
        return file_path(folder, lower, accents)
    parts = folder.split("/")
    named = (
        make_path("/" + slug, lower, accents)[1:]  # (sanitised after a slash: `  x ` is `-x`, `  ` names nothing)
        if (slug := slugs.get((language, "/".join(parts[: depth + 1]))))
        else file_path(part, lower, accents)
        for depth, part in enumerate(parts)
    )
    return "/".join(part for part in named if part)


def _uglified(config: SiteConfig, page: Page, url: str) -> str:
    """With ``uglyURLs`` (for the whole site, or for the page's top-level section): a page's ``/a/b/`` is
    ``/a/b.html``, a section's ``/a/index.html``."""
    if not _ugly(config, page) or not url.endswith("/") or url == "/":
        return url
    return url + "index.html" if page.kind != "page" else url.rstrip("/") + ".html"


def _ugly(config: SiteConfig, page: Page) -> bool:
    """Whether ``uglyURLs`` holds for the page (for the whole site, or for its top-level section)."""
    return config.ugly or bool(config.ugly_sections and page.folder.split("/", 1)[0] in config.ugly_sections)


def _deciding(facts: SiteFacts, pattern: str) -> Item | None:
    """The front-matter value an expanded permalink takes from the page: its ``slug`` where a token names it,
    else its ``title`` for ``:title`` and for ``:slug`` (which falls back to it)."""
    tokens = {found.group() for found in TOKEN.finditer(pattern)}
    if facts.slug is not None and tokens & _SLUG_TOKENS:
        return facts.slug
    return facts.title if tokens & _TITLE_TOKENS else None


_SLUG_TOKENS = frozenset((":slug", ":slugorfilename", ":slugorcontentbasename"))
_TITLE_TOKENS = frozenset((":slug", ":title"))


def _pattern(config: SiteConfig, page: Page) -> str | None:
    rules = config.permalinks_of(page.language)
    if not rules:
        return None
    return pattern_of(rules, hugo_kind(config, page), _key(page), page.language)


def hugo_kind(config: SiteConfig, page: Page) -> str:
    """The page's kind as Hugo names it: a section's ``_index.md`` in a taxonomy's folder is the taxonomy's
    (``content/tags/_index.md``) or a term's (``content/tags/go/_index.md``)."""
    if page.kind == "section" and page.folder.split("/", 1)[0].lower() in config.taxonomy_folders:
        depth = page.folder.count("/")
        return "taxonomy" if depth == 0 else "term" if depth == 1 else page.kind
    return page.kind


def _token(config: SiteConfig, page: Page, token: str, by_folder: Mapping[tuple[str, str], Page]) -> str:
    facts = page.facts

    def urlized(text: str) -> str:
        return urlize(text, config.lower, config.keep_accents)

    if token in ("sectionslug", "sectionslugs"):  # (Hugo 0.149: the sections' slugs, else their titles)
        down = _sections_down(page, by_folder, token)
        return "/".join(urlized(_slug_else_title(section, config.plural_list_titles)) for section in down)

    title = urlized(facts.title.value.replace("/", "-")) if facts.title else ""  # (Hugo: `A/B` is `a-b`)
    slug = urlized(hugo_slug(facts.slug.value) if facts.slug and facts.slug.value else page.name_slug)
    based = urlized(page.base_name)  # (a section's content base name is its folder's name; it has no file name)
    filename = "" if page.name == "_index" else based
    sections = basic_normalize(page.sections)  # (Hugo's section tokens: its lowercased paths, whatever the config)
    date = _date(facts.date)
    values = {
        "year": str(date.year),
        "month": f"{date.month:02d}",
        "monthname": _MONTHS[date.month - 1],
        "day": f"{date.day:02d}",
        "weekday": str((date.weekday() + 1) % 7),
        "weekdayname": _DAYS[date.weekday()],
        "yearday": str(date.timetuple().tm_yday),
        "section": sections.split("/", 1)[0],
        "sections": sections,
        "title": title,
        "slug": slug or title,
        "slugorfilename": slug or filename,
        "filename": filename,
        "contentbasename": based,
        "slugorcontentbasename": slug or based,
    }
    return token_value(token, values, sections.split("/") if sections else [])


def _sections_down(page: Page, by_folder: Mapping[tuple[str, str], Page], token: str) -> list[Page]:
    """The sections of ``page``'s current section, from the top: the top one alone for ``sectionslug``."""
    folders = page.sections.split("/") if page.sections else []
    found = [by_folder.get((page.language, "/".join(folders[: depth + 1]))) for depth in range(len(folders))]
    down = [section for section in found if section is not None]
    return down[:1] if token == "sectionslug" else down


def _slug_else_title(section: Page, plural: bool) -> str:
    """A section's slug, else its title (a section without ``_index.md``: its folder's name, in the plural with
    ``plural``, as Hugo titles it; one whose ``_index.md`` has no title: none)."""
    if slug := _section_slug(section):
        return slug
    facts = section.facts
    if section.file is None:
        name = posixpath.basename(section.folder)
        return list_title(name) if plural else name
    return facts.title.value.replace("/", "-") if facts.title else ""


def _date(value: str) -> datetime.date:
    """The day of a front-matter date as written (its own zone's), for the permalink tokens: ISO, or another of
    the layouts Hugo reads (RFC 1123's ``Wed, 19 Aug 2020 16:31:46 +0000``, ``02 Jan 2006``: blogs moved from
    WordPress write them); Go's zero time's (year 1) for none."""
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parse_hugo_date(value).value.date()
    except DateError:
        return datetime.date(1, 1, 1)

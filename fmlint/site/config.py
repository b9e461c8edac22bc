"""The site a file belongs to: its root folder and the generator configuration the site rules read.

The root is the nearest folder above a file holding one of :data:`SITE_MARKERS` (see :func:`site_folder`)
(the local-image rule's markers, Hugo's configuration folder, plus Astro,
Docusaurus and MkDocs; a ``config.toml`` with Zola's ``base_url`` is Zola's;
Docusaurus's content folders are its content plugins' ``path`` options, read
from the text of ``docusaurus.config.js|ts``; an Astro site's Starlight options
are read from ``astro.config.*``, see ``fmlint.site.starlight``).  Of Hugo's configuration (``hugo.toml|yaml|json`` or
``config.*`` at the root, then ``config/_default/``) the rules read:
``contentDir`` and module mounts of ``content`` (their target folder, ``files``
glob slice, and languages: ``sites.matrix`` or the older ``lang``), the
``cascade`` path globs that render nothing, ``languages`` (and each one's
``contentDir``), ``defaultContentLanguage``(``InSubdir``), ``[permalinks]``,
``disablePathToLower``, ``removePathAccents``, ``uglyURLs``, ``taxonomies`` (and ``disableKinds``), ``ignoreFiles``,
``buildFuture``, ``buildExpired``,
``markup.goldmark.parser.autoHeadingIDType`` and ``autoDefinitionTermID``.
Keys are matched case-insensitively, as Hugo does.  A configuration that cannot
be read gives Hugo's defaults.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import html
import json
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

import msgspec

from fmlint.config.presets import (
    ELEVENTY_CONFIGS,
    MDX_EXTENSIONS,
    READING_PRESETS,
    VITEPRESS_CONFIGS,
    VUEPRESS_CONFIGS,
    forget_folders_without_site,
)
from fmlint.discover import MARKDOWN_EXTENSIONS, repository_root
from fmlint.folders import names_in
from fmlint.rules.local_images import holds_marker, site_root
from fmlint.site.anchors import REMARK_TRIMMED, WITH_CUSTOM_IDS, WRITTEN_DASHES
from fmlint.site.eleventy import Eleventy
from fmlint.site.files import file_text
from fmlint.site.globs import glob_slice_matches, mount_holds
from fmlint.site.hexo import HEXO_IDS, UNKNOWN_IDS, Hexo, permalink_tokens, read_hexo
from fmlint.site.hugo_modules import components, mounting_imports
from fmlint.site.hugo_version import BUILD_DEPRECATED, EMBEDDED_HOOKS, HTML_CONTENT_DENIED, pinned_version
from fmlint.site.multirepo import imported_folders
from fmlint.site.params import SiteParams, site_params
from fmlint.site.rendering import NEVER, build_render
from fmlint.site.routes import netlify_redirect_sources, redirect_sources
from fmlint.site.tables import package_dependencies, subtable
from fmlint.site.templates import (
    hooks_look_up_names,
    layout_folders,
    link_hooks,
    links_rewritten,
    pages_found_only,
    shortcode_templates,
)

if TYPE_CHECKING:  # (the other generators' readers are imported when such a site is read)
    from fmlint.site.docusaurus import Docusaurus
    from fmlint.site.generated import BuildIgnores
    from fmlint.site.jekyll import Default
    from fmlint.site.liquid_params import LiquidReads
    from fmlint.site.starlight import Starlight

HUGO_FILES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
OTHER_MARKERS = (
    "_config.yml",
    "_config.toml",
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
    "docusaurus.config.mts",
    "docusaurus.config.cjs",
    "docusaurus.config.cts",
    "zola.toml",  # Zola's (0.22 reads it before config.toml)
    "zensical.toml",  # Zensical (Material for MkDocs' successor): mkdocs.yml's options in its `[project]` table
    "properdocs.yml",  # ProperDocs, MkDocs' maintained fork, reads its own name first (then mkdocs.yml)
    "properdocs.yaml",
    "mkdocs.yml",
    "mkdocs.yaml",
    *VITEPRESS_CONFIGS,  # (the site is the folder holding `.vitepress/`)
    *VUEPRESS_CONFIGS,
    *ELEVENTY_CONFIGS,
    "book.toml",  # mdBook's
    ".gitbook.yaml",  # a GitBook space synced with the repository
)
# a site configured only in Hugo's configuration folder (many Docsy sites) has no file at its root
HUGO_FOLDER_FILES = tuple(f"config/_default/{name}" for name in HUGO_FILES)
SITE_MARKERS = (*HUGO_FILES, *HUGO_FOLDER_FILES, *OTHER_MARKERS)
# the markers no other tool's file shares (``config.*`` names many a project's own configuration)
_NAMED_MARKERS = tuple(name for name in SITE_MARKERS if not name.startswith("config."))
_SOURCE_PROJECTS = tuple(name for name in OTHER_MARKERS if name.startswith(("astro.", "docusaurus.")))
_DOCUSAURUS = tuple(name for name in OTHER_MARKERS if name.startswith("docusaurus."))
DEFAULT_TAXONOMIES = ("tags", "categories")


class ContentDir(msgspec.Struct, frozen=True):
    path: str  # absolute: a folder, or a file mounted on its own
    language: str | None  # None: the language comes from the file name, else the default
    target: str = ""  # where a module mount puts it under the content root (``docs`` for ``content/docs``)
    files: tuple[str, ...] = ()  # a mount's ``files`` glob slice, over paths relative to it
    mounted: bool = False  # a module mount: each one holding a file makes a page of it

    def holds(self, path: str) -> bool:
        """Whether the file at ``path`` is in it (and its ``files`` glob slice lets it in)."""
        if path == self.path:
            return True
        if not self.holds_folder(path):
            return False
        return not self.files or mount_holds(self.files, path[len(self.path) + 1 :].replace(os.sep, "/"))

    def holds_folder(self, folder: str) -> bool:
        return folder == self.path or folder.startswith(self.path + os.sep)

    def content_path(self, path: str) -> str:
        """Where the file or folder at ``path`` (in it) is in the content tree: ``docs/a.md``, no leading ``/``."""
        relative = "" if path == self.path else path[len(self.path) + 1 :].replace(os.sep, "/")
        return f"{self.target}/{relative}" if self.target and relative else self.target or relative

    def file_at(self, content_path: str) -> str | None:
        """The file (existing or not) that is at ``content_path`` through it; None outside its target."""
        if self.target and not (content_path + "/").startswith(self.target + "/"):
            return None
        rest = content_path[len(self.target) :].strip("/")
        return os.path.join(self.path, *rest.split("/")) if rest else self.path


class SiteConfig(msgspec.Struct, frozen=True, dict=True):
    root: str
    generator: str  # "hugo", or the other generator's name (only Hugo sites are indexed today)
    content_dirs: tuple[ContentDir, ...] = ()
    languages: tuple[str, ...] = ("en",)
    disabled_languages: tuple[str, ...] = ()  # Hugo's ``disableLanguages``: no site is built for them
    default_language: str = "en"
    default_in_subdir: bool = False
    home: bool = False  # Hugo makes each language's home page (unless ``disableKinds`` holds "home")
    permalinks: dict[str, dict[str, str]] = msgspec.field(default_factory=dict)  # kind → section → pattern
    lower: bool = True
    keep_accents: bool = True
    ugly: bool = False
    ugly_sections: tuple[str, ...] = ()  # ``[uglyURLs]`` as a map: the top-level sections it is true for
    aliases: bool = True  # false with ``disableAliases``: no alias is written
    # Hugo's ``buildFuture``, Jekyll's and Hexo's ``future``: pages whose publish date is to come are built
    build_future: bool = False
    unpublished: bool = False  # Jekyll's ``unpublished``: pages with ``published: false`` are built
    build_expired: bool = False  # Hugo's ``buildExpired``: pages whose expiry date is past are built
    # Hugo's ``[frontmatter]`` dates (``date``, ``publishdate``, ``expirydate``) whose handlers list ``:filename``,
    # and whether it comes first (``fmlint.site.filename_dates``)
    filename_dates: tuple[tuple[str, bool], ...] = ()
    # Hugo writes each alias as its embedded template's page, which refreshes to the page's URL without a link's
    # ``#fragment`` (no ``alias.html`` of the site's or a theme's, every layout folder there to read)
    refreshing_aliases: bool = False
    base_path: str = ""  # the path of ``baseURL`` (``/blog`` for ``https://example.org/blog/``)
    base_implied: bool = False  # Jekyll: ``base_path`` is the one GitHub Pages gives a project site (``github_pages``)
    own_hosts: tuple[str, ...] = ()  # the host of ``baseURL`` (Jekyll's ``url``): links to it are links in the site
    # the path of Jekyll's ``url`` (``/latest`` for PMD's ``https://docs.pmd-code.org/latest``): the site's own URLs
    # are below it, and a link to another path of the host is another site's (PMD's docs of older versions)
    own_prefix: str = ""
    # served at the root of a GitHub Pages user or organization host (Jekyll's and Hexo's ``url``, Hugo's ``baseURL``:
    # ``https://<owner>.github.io``):
    # GitHub serves the owner's other repositories' project sites at ``/<repository>/`` of it (``pages_user_site``)
    pages_projects: bool = False
    jekyll_plugin_folders: tuple[str, ...] = ()  # where the site's own plugins write pages (``jekyll_plugins``)
    # Hugo's embedded link render hook is used (a site on one host that configures its languages, without a hook
    # of its own, or ``useEmbedded: always``): a link's path is looked for as a page of the linking page's
    # language first
    link_hook: bool = False
    # links are written as they are, a link to a Markdown file too: Hugo's when no render hook finds pages
    # (``_links_as_written``), Astro's without remark or rehype plugins
    links_as_written: bool = False
    # Hugo: each link render hook (its embedded one too) writes a destination as written or as the page GetPage finds:
    # a bare word (`[x](setup)`) is a relative URL, or that page
    hooks_known: bool = False
    # Hugo: a link render hook may write, for a root-relative link to no page's URL, the page GetPage finds: links
    # are not written as they are, and each hook finds pages or writes as written, or the hooks are not there to
    # read (a theme or module missing: goreleaser.com's Hextra; no layouts); not where a hook may rewrite otherwise
    hooks_may_find_pages: bool = False
    # Hugo: each link render hook looks a path its page does not find up as ``site.GetPage`` does, a bare name too
    # (Relearn's from 7.4: ``fmlint.site.templates.hooks_look_up_names``)
    hooks_look_up_names: bool = False
    permalink_style: str = ""  # Jekyll's ``permalink`` (``date``, ``pretty``, … or a pattern)
    # Jekyll's collections that are written (``output: true``; ``posts`` always), with their ``permalink``
    # ("" for the default), in the folder ``collections_dir`` ("" for the site's)
    jekyll_collections: tuple[tuple[str, str], ...] = ()
    jekyll_collections_dir: str = ""
    jekyll_exclude: tuple[str, ...] = ()  # ``exclude`` less ``include``: paths and globs Jekyll does not read
    # ``include``: the paths and globs Jekyll reads though their names start with ``_`` (academicpages' and
    # al-folio's ``include: [_pages]``, their pages' folder)
    jekyll_include: tuple[str, ...] = ()
    jekyll_theme: str = ""  # the theme the site loads (a gem's ``theme``, a ``remote_theme``), by its name
    jekyll_defaults: tuple[Default, ...] = ()  # the front matter defaults' scopes and permalinks (``jekyll``)
    # jekyll-polyglot's ``languages`` (the ``default_lang`` first), when the site uses the plugin: it writes each
    # page under its language's prefix (``/de/…``) and every page in every language (the default's a fallback)
    polyglot_languages: tuple[str, ...] = ()
    polyglot_from_path: bool = False  # ``lang_from_path``: a page's language may be a folder of its path
    heading_ids: str = "github"
    definition_ids: bool = False
    dashes: tuple[str, str] = WRITTEN_DASHES  # what a typographer writes for ``--`` and ``---`` (Hugo's goldmark)
    taxonomies: tuple[str, ...] = DEFAULT_TAXONOMIES  # Hugo: those whose term pages are written
    taxonomy_lists: tuple[str, ...] = DEFAULT_TAXONOMIES  # Hugo: those whose page listing their terms is written
    static_dirs: tuple[ContentDir, ...] = ()  # folders mounted on ``static/`` and ``assets/`` (target: below them)
    headless: tuple[str, ...] = ()  # path globs the configuration's ``cascade`` gives ``build.render: never``
    starlight: Starlight | None = None  # an Astro site's Starlight options, when it uses Starlight
    # an Astro site without Starlight whose content collections are the blog starter's (``follows_blog_starter``):
    # the ``astro`` preset's schema describes them
    astro_blog_starter: bool = False
    astro_base: str = ""  # an Astro site's ``base`` (``/blog`` for ``base: "/blog"``): its ``public/`` is served there
    # the Markdown pages of an Astro site's ``src/pages`` (without Starlight) are at their routes' ``index.html`` (the
    # default ``build.format``, not ``file`` nor ``preserve``): two on one route are a collision
    astro_routes: bool = False
    docusaurus: Docusaurus | None = None  # a Docusaurus site's content plugins, base URL and locales
    hexo: Hexo | None = None  # a Hexo site's source folder and what makes its posts
    eleventy: Eleventy | None = None  # an Eleventy site's input folder and what decides its output files
    mkdocs_blocks: tuple[str, ...] = ()  # the markers of an MkDocs site's blocks (fmlint.mkdocs_blocks)
    mkdocs_exclude: tuple[str, ...] = ()  # ``exclude_docs``: gitignore-style patterns, from ``docs_dir``
    mkdocs_snippets: tuple[str, ...] = ()  # pymdownx.snippets' ``base_path`` folders (absolute), where enabled
    # the ``exclude`` plugin's (mkdocs-exclude) ``glob`` and ``regex`` patterns, as ``glob:…`` and ``regex:…``
    mkdocs_excluded_by_plugin: tuple[str, ...] = ()
    # a Python file of mkdocs.yml's ``hooks`` defines ``on_page_markdown``: it may write into each page's Markdown
    # (mkdocs-material's docs write `{ #+type:abstract }` for `<!-- md:option type:abstract -->`)
    mkdocs_markdown_hooks: bool = False
    # pymdownx.tabbed's tab IDs when it slugifies the labels: their ID type ("" for none), and whether each is
    # the heading's ID before it joined to the label's slug (``combine_header_slug``)
    mkdocs_tab_ids: tuple[str, bool] = ("", False)
    # ``use_directory_urls`` (MkDocs' default): each page is its folder's, ``a/b.md`` at ``/a/b/``
    mkdocs_directory_urls: bool = True
    # mkdocs-static-i18n's ``docs_structure: folder`` with ``fallback_to_default``: the folders of the languages
    # but the default (``ja``), and the default's ("" where its files are the docs folder's own): a page a
    # language's folder lacks is built from the default's file (``_i18n_folders``)
    mkdocs_i18n: tuple[tuple[str, ...], str] = ((), "")
    # the ``nav`` includes (mkdocs-monorepo-plugin's ``!include x/mkdocs.yml``) a configuration that is not there
    # (a build script writes it: iceberg's ``versioned-docs/``): its docs are mounted where fmlint cannot see
    mkdocs_unseen_includes: bool = False
    # the folders of the docs folder mkdocs-multirepo-plugin imports other repositories' docs into when it builds
    # (``fmlint.site.multirepo``): links into them are not judged
    mkdocs_imported: tuple[str, ...] = ()
    mkdocs_config: str = "mkdocs.yml"  # the configuration file's name (ProperDocs': properdocs.yml), for messages
    digest: str = ""
    # Hugo, Jekyll: the sources of the `_redirects` the site publishes and of netlify.toml's rules, as routes
    redirects: tuple[str, ...] = ()
    # Hugo: the rules a template writes to ``_redirects`` that lead a link on to a target to judge in its place,
    # and the page parameters whose values are sources (``fmlint.site.redirect_templates``)
    followed_redirects: tuple[tuple[str, str], ...] = ()
    redirect_params: tuple[tuple[str, str], ...] = ()
    # Hugo: HTML content files are pages (unless ``security.allowContent``, or its default where the site pins Hugo
    # 0.162 or later, says not)
    html_content: bool = False
    raw_html: bool = False  # Hugo: goldmark writes raw HTML (``markup.goldmark.renderer.unsafe``), comments too
    # Hugo's ``ignoreFiles``: regular expressions searched in a content file's absolute path; it is no content
    ignore_files: tuple[str, ...] = ()
    # URL paths of the site's host that other projects serve (the ``external-paths`` option of the site rules,
    # not the generator's configuration): links under them are not judged
    external_paths: tuple[str, ...] = ()
    # the ``.gitignore`` rules that name content files a build step writes (found by the walk of the content
    # folders: ``fmlint.site.generated``)
    git_ignores: BuildIgnores | None = None
    # Hugo: the layout folders, the site's then its themes' and modules' found (``fmlint.site.hugo_modules``),
    # and the themes and modules found nowhere
    layout_dirs: tuple[str, ...] = ()
    missing_themes: tuple[str, ...] = ()
    hugo_version: tuple[int, int] | None = None  # the (major, minor) Hugo version the site pins (``hugo_version``)
    # Hugo: what the configuration gives the ``param`` shortcode (``fmlint.site.params``); None when the site has
    # a ``param`` shortcode of its own
    params: SiteParams | None = None

    @property
    def page_anchors(self) -> tuple[str, ...]:
        """The IDs the generator's layout gives every page: Starlight's title is ``#_top``."""
        return ("_top",) if self.starlight is not None else ()

    @property
    def page_extensions(self) -> tuple[str, ...]:
        """The extensions of the Markdown content files: Markdown, and MDX on the sites that render it."""
        return MDX_EXTENSIONS if self.generator in ("astro", "docusaurus") else MARKDOWN_EXTENSIONS

    @property
    def content_extensions(self) -> tuple[str, ...]:
        """The extensions of the content files indexed: the pages', and HTML where Hugo allows it (a page
        written as it is, front matter and all)."""
        return (*self.page_extensions, ".html", ".htm") if self.html_content else self.page_extensions

    @property
    def multilingual(self) -> bool:
        """More than one language is configured (a disabled one counts: Hugo still writes the default language's
        pages under ``/en/`` with ``defaultContentLanguageInSubdir``)."""
        return len(self.languages) + len(self.disabled_languages) > 1

    def language_prefix(self, language: str) -> str:
        """``/fr`` for a language other than the default (and for it too with ``defaultContentLanguageInSubdir``)."""
        prefix = self._prefixes.get(language)
        if prefix is None:
            subdir = self.multilingual and (language != self.default_language or self.default_in_subdir)
            prefix = self._prefixes[language] = "/" + language if subdir else ""
        return prefix

    @cached_property
    def _prefixes(self) -> dict[str, str]:
        return {}  # not a field: worked out once per language

    def renders(self, absolute: str) -> bool:
        """Whether the site renders a page of the file at ``absolute``: a content folder holds it, no leaf
        bundle's folder above it makes it one of the bundle's resources, and no ``cascade`` target with
        ``build.render: never`` covers it (``fmlint.site.index.renders``)."""
        holding = self.content_dirs_of(absolute)
        if not holding or (self.generator == "hugo" and _in_leaf_bundle(absolute, holding[0][1].path)):
            return False
        if self.starlight is not None and not _starlight_page(self.root, absolute):
            return False  # (a `_` file of the docs folder: a partial MDX pages import)
        if not self.headless:
            return True
        from fmlint.site.index import renders  # (the index's modules: loaded for a site with headless paths)

        return renders(self, absolute)

    def jekyll_excludes(self, absolute: str) -> bool:
        """Whether Jekyll's ``exclude`` leaves out the file (or URL path, joined to the root) at ``absolute``: an
        entry names it, a folder holding it, or a glob matching it (``File.fnmatch``)."""
        if not self.jekyll_exclude:
            return False
        path = os.path.relpath(absolute, self.root).replace(os.sep, "/")
        return any(
            path == entry or path.startswith(entry + "/") or fnmatch.fnmatchcase(path, entry)
            for entry in (pattern.strip("/") for pattern in self.jekyll_exclude)
        )

    def unbuilt(self, absolute: str) -> str:
        """Why the generator builds no page of the content file at ``absolute`` ("" when it builds one):
        Jekyll's ``exclude``, MkDocs' ``exclude_docs`` (after its own ``.*`` and ``/templates/``) or a README
        beside an index, a Docusaurus locale's file that translates no file or a file a plugin's ``exclude``
        names."""
        if self.generator == "jekyll" and self.jekyll_excludes(absolute):
            return "is in _config.yml's exclude: Jekyll writes no page of it"
        if self.hexo is not None:
            return self.hexo.unbuilt(absolute)
        if self.docusaurus is not None and (original := self.docusaurus.untranslated(self.root, absolute)):
            return f"translates `{original}`, which is not there: Docusaurus builds no page of it"
        if self.docusaurus is not None and self.docusaurus.excluded(self.root, absolute):
            return "is in its content plugin's exclude: Docusaurus builds no page of it"
        if self.generator == "mkdocs" and self.content_dirs:
            path = os.path.relpath(absolute, self.content_dirs[0].path).replace(os.sep, "/")
            excluded = _gitignore(("/templates/", *self.mkdocs_exclude))
            if excluded.match_file(path):
                return f"is in {self.mkdocs_config}'s exclude_docs: MkDocs builds no page of it"
            if (index := _mkdocs_index_beside(absolute)) and not excluded.match_file(
                posixpath.join(posixpath.dirname(path), index)
            ):
                return f"conflicts with the `{index}` beside it: MkDocs builds no page of it"
            if any(_plugin_excludes(pattern, path) for pattern in self.mkdocs_excluded_by_plugin):
                return f"is excluded by {self.mkdocs_config}'s exclude plugin: MkDocs builds no page of it"
        return ""

    @cached_property
    def layout_params(self) -> frozenset[str]:
        """The page parameters a Hugo site's layouts read (``fmlint.site.layout_params.params_read``), those a
        known theme's read when it is missing (``fmlint.site.known_themes``), the site's taxonomies (Hugo reads
        their terms from the front matter: cortex's ``projects``), and the keys the Hugo version the site pins
        reads that Hugo 0.168 does not; the front-matter keys a Jekyll site's Liquid templates read
        (``fmlint.site.liquid_params``)."""
        from fmlint.site.known_themes import known_params

        if self.generator == "jekyll":
            return self._layout_reads[0]
        if self.generator != "hugo":
            return frozenset()
        # (`_build`, the key of build options before Hugo 0.123 aliased `build` to it and 0.145 deprecated it)
        legacy = {"_build"} if (self.hugo_version or BUILD_DEPRECATED) < BUILD_DEPRECATED else set()
        taxonomies = {*self.taxonomies, *self.taxonomy_lists}  # (either kind of their pages may be disabled)
        return self._layout_reads[0] | known_params(self.missing_themes) | taxonomies | legacy

    @cached_property
    def theme_sources(self) -> tuple[str, ...]:
        """The folders a Hexo site's theme (``_config.yml``'s ``theme``) adds to what its ``source/`` publishes:
        ``themes/<theme>/source/``, or the npm package's ``node_modules/hexo-theme-<theme>/source/`` (Butterfly's
        ``/img/``)."""
        theme = self.hexo.theme if self.hexo is not None else ""
        if not theme or "/" in theme:
            return ()
        return tuple(
            os.path.join(self.root, *parts, "source")
            for parts in (("themes", theme), ("node_modules", f"hexo-theme-{theme}"))
        )

    @cached_property
    def layout_maps(self) -> frozenset[str]:
        """The page parameters a Hugo site's layouts read as maps (``.Params.author.name``), and a known theme's
        when it is missing; the keys a Jekyll site's templates read a field of (``page.header.teaser``)."""
        from fmlint.site.known_themes import known_maps

        maps = self._layout_reads[1]
        return maps | known_maps(self.missing_themes) if self.generator == "hugo" else maps

    def image_prefixes(self, field: str) -> tuple[str, ...]:
        """The folders a Jekyll site's templates prepend to the value of the front-matter image ``field``
        (academicpages' ``{{ page.thumbnail | prepend: "/images/" }}``: ``images``)."""
        return self._liquid_reads.prefixes.get(field, ()) if self.generator == "jekyll" else ()

    @cached_property
    def _liquid_reads(self) -> LiquidReads:
        from fmlint.site.liquid_params import liquid_params_read

        return liquid_params_read(self.root)

    @cached_property
    def _layout_reads(self) -> tuple[frozenset[str], frozenset[str]]:
        if self.generator == "jekyll":
            return self._liquid_reads.keys, self._liquid_reads.maps
        from fmlint.site.layout_params import params_read

        return params_read(self.layout_dirs) if self.generator == "hugo" else (frozenset(), frozenset())

    def ignored(self, path: str) -> bool:
        """Whether Hugo's ``ignoreFiles`` leave out the content file at ``path`` (absolute): it reads no such file."""
        return any(pattern.search(path) for pattern in self._ignore_patterns)

    @cached_property
    def _ignore_patterns(self) -> list[re.Pattern[str]]:
        """``ignoreFiles`` compiled (Go's syntax is RE2's, which Python's module reads but for rare forms: one
        it cannot read is left out)."""
        patterns = []
        for text in self.ignore_files:
            try:
                patterns.append(re.compile(text))
            except re.error:
                continue
        return patterns

    def content_dirs_of(self, path: str) -> list[tuple[int, ContentDir]]:
        """The content folders that make a page of the file at ``path``, with their places in
        :attr:`content_dirs` (of two that make one page, Hugo takes the first): the deepest of the
        configured folders (``contentDir``), unless a deeper module mount holds it, and every mount; none for
        a file ``ignoreFiles`` leave out. Worked out once per folder unless a mount filters by name or mounts a
        single file."""
        if self.ignore_files and self.ignored(path):
            return []
        folder = path[: path.rfind(os.sep)]
        under = self._by_folder.get(folder)
        if under is None:  # the folders holding ``folder``, once per folder
            under = self._by_folder[folder] = [
                (number, content) for number, content in enumerate(self.content_dirs) if content.holds_folder(folder)
            ]
        if len(under) < 2 and self._folders_alone:
            return under  # (one folder, no mount of files: most sites)
        holding = [found for found in under if not found[1].files or found[1].holds(path)]
        holding += [found for found in self._files if found[1].path == path]
        if len(holding) < 2:
            return holding
        configured = [found for found in holding if not found[1].mounted]
        mounts = [found for found in holding if found[1].mounted]
        if not configured:
            return mounts
        deepest = max(configured, key=lambda found: len(found[1].path))
        if any(len(content.path) > len(deepest[1].path) for _, content in mounts):
            return mounts
        return sorted([deepest, *mounts])

    @cached_property
    def _by_folder(self) -> dict[str, list[tuple[int, ContentDir]]]:
        return {}

    @cached_property
    def _folders_alone(self) -> bool:
        """Whether every content folder holds its files by folder: no mount filters them by name or mounts one."""
        return not self._files and not any(content.files for content in self.content_dirs)

    @cached_property
    def _files(self) -> list[tuple[int, ContentDir]]:
        """The files mounted on their own."""
        return [(number, content) for number, content in enumerate(self.content_dirs) if os.path.isfile(content.path)]

    def url_places(self, url: str) -> list[str]:
        """The files that may be published at ``url`` (a ``/path``): in the folders mounted on ``static/`` and
        ``assets/``, and at that content path (a page bundle's resource; after a language prefix too)."""
        path = url.strip("/")
        language, _, rest = path.partition("/")
        found = [
            place
            for content_path in ((path, rest) if language in self.languages else (path,))
            for folder in (*self.static_dirs, *self.content_dirs)
            if (place := folder.file_at(content_path)) is not None
        ]
        if self.lower:  # (Hugo publishes a bundle's `Concepts/chart.png` at `/concepts/chart.png`)
            found += [
                written
                for content_path in ((path, rest) if language in self.languages else (path,))
                for folder in self.content_dirs
                if (written := any_case(folder.path, content_path)) is not None
            ]
        return list(dict.fromkeys(found))

    def same_place(self, path: str) -> list[str]:
        """The other files at the content path of ``path`` (absolute, in a content folder, existing or not):
        in the other languages' folders (a page bundle has the resources of its translations' bundles) and in
        the mounts of the same folder (a language's fallback pages)."""
        found = [
            source
            for _, content in self.content_dirs_of(path)
            for other in self.content_dirs
            if other is not content
            and (source := other.file_at(content.content_path(path))) is not None
            and other.holds(source)
        ]
        return list(dict.fromkeys(found))


# the files Hugo makes pages of
CONTENT_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mmark", ".html", ".htm", ".adoc", ".org", ".rst")


def _in_leaf_bundle(absolute: str, content: str) -> bool:
    """Whether a folder holding the file at ``absolute``, below the content folder ``content``, is a leaf
    bundle's (holds an ``index`` content file): Hugo makes the file one of the bundle's resources, no page
    (envoyproxy's ``boilerplates/``, included by a shortcode). The bundle's own ``index`` file is its page."""
    folder = os.path.dirname(absolute)
    if os.path.basename(absolute).split(".", 1)[0] in ("index", "_index"):
        folder = os.path.dirname(folder)  # (its own folder is the bundle's)
    while len(folder) > len(content) and folder.startswith(content):
        if any(
            name.split(".", 1)[0] == "index" and name.lower().endswith(CONTENT_EXTENSIONS) for name in names_in(folder)
        ):
            return True
        folder = os.path.dirname(folder)
    return False


def any_case(folder: str, path: str) -> str | None:
    """The file at ``path`` (``/``-separated, lower case) below ``folder`` whatever the case of its letters
    (asked only of an image not found as written); None when there is none or it is written in lower case."""
    current, exact = folder, True
    for part in path.split("/"):
        names = _names_by_lower(current)
        if part not in names:
            return None
        name = names[part]
        exact = exact and name == part
        current = os.path.join(current, name)
    return None if exact else current


def _names_by_lower(folder: str) -> dict[str, str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    return {name.lower(): name for name in reversed(names)}  # (of two spellings, the first in order)


def site_folder(folder: str) -> str | None:
    """The root of the site holding the absolute ``folder``: the nearest folder at or above it holding one of
    :data:`SITE_MARKERS`, unless its only marker is a ``config.*`` in the ``src/`` folder of an Astro or
    Docusaurus project, which is then the site (AstroWind's ``src/config.yaml``: rustdesk's Astro site had
    been read as a Hugo site at ``src/``, 1,825 false findings)."""
    root = site_root(folder, SITE_MARKERS)
    if root is None or holds_marker(root, _NAMED_MARKERS):
        return root
    project = site_root(os.path.dirname(root), _SOURCE_PROJECTS)
    return project if project is not None and (root + os.sep).startswith(os.path.join(project, "src", "")) else root


def _starlight_page(root: str, absolute: str) -> bool:
    """Whether a file of a Starlight site is a page: one of its docs folder's pages, or a file outside that folder."""
    from fmlint.site.starlight import docs_path, is_page

    path = docs_path(root, absolute)
    return path is None or is_page(path)


def site_of(path: str) -> SiteConfig | None:
    """The site configuration of the file at ``path``, or ``None`` outside any site."""
    folder = os.path.dirname(os.path.abspath(path))
    root = site_folder(folder)
    if root is not None:
        return read_site(root)
    site = _beside(folder)
    return site if site is not None and site.content_dirs_of(os.path.abspath(path)) else None


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
        return Reading(blocks=(_BLOCK_EXTENSIONS["md_in_html"],)) if site.generator == "jekyll" else _COMMONMARK
    return Reading(blocks=site.mkdocs_blocks)


def site_key(path: str, preset: str) -> str:
    """What the result cache's key of the file at ``path`` adds for the site holding it ("" for none): how the
    site reads its Markdown (:func:`site_reading`), its own hosts (its site facts keep links to them), the
    front-matter lists its checks read (the facts keep those), whether Hugo's embedded link hook renders its
    links (MKD002 reports what that hook writes as ``#ZgotmplZ``) and its generator (the facts read whether
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
    hook = site is not None and site.link_hook  # (MKD002 reads it)
    generator = site.generator if site is not None else ""  # (whether Liquid writes the pages: the facts read it)
    return f"\0{reading.mdx}\0{','.join(reading.blocks)}\0{','.join(hosts)}\0{','.join(lists)}\0{hook:d}\0{generator}"


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
        if any(os.path.isfile(os.path.join(candidate, name)) for name in _DOCUSAURUS):
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
    if os.path.isfile(os.path.join(root, _ZOLA)):  # (Zola reads it first: a site of Zola's themes, tabi's starters)
        return _other(root, "zola", _ZOLA)
    if (name := _config_name(root)) is not None:
        return _other(root, "zola", name) if _is_zola(root, name) else _hugo(root, name)
    if os.path.isdir(os.path.join(root, "config", "_default")):
        return _hugo(root, None)
    marker = next((m for m in OTHER_MARKERS if os.path.isfile(os.path.join(root, m))), "")
    generator = _GENERATOR_OF_MARKER.get(marker[:3], "unknown")
    return _other(root, "hexo" if generator == "jekyll" and _is_hexo(root) else generator, marker)


_ZOLA = "zola.toml"


def _is_hexo(root: str) -> bool:
    """Whether the project at ``root`` (with a ``_config.yml``) is a Hexo site: its ``package.json`` depends on
    ``hexo``, or it has Hexo's ``scaffolds/`` and ``source/`` folders (a blog whose ``node_modules`` are
    installed from elsewhere)."""
    return "hexo" in package_dependencies(root) or all(
        os.path.isdir(os.path.join(root, folder)) for folder in ("scaffolds", "source")
    )


# the generator of each of :data:`OTHER_MARKERS`, by its name's first three letters
_GENERATOR_OF_MARKER = {
    "_co": "jekyll",
    "ast": "astro",
    "doc": "docusaurus",
    "mkd": "mkdocs",
    "pro": "mkdocs",
    "zen": "mkdocs",
    "zol": "zola",
    ".vi": "vitepress",
    ".vu": "vuepress",
    "ele": "eleventy",
    ".el": "eleventy",
    "boo": "mdbook",
    ".gi": "gitbook",
}


def _netlify_redirects(root: str, published: list[str]) -> tuple[list[str], bytes]:
    """The sources of the redirect rules Netlify (or Cloudflare Pages) serves for the site at ``root``: those of
    the ``_redirects`` files the build publishes from the folders ``published``, and of its ``netlify.toml``;
    and the files' bytes (what the findings depend on)."""
    redirects: list[str] = []
    data = b""
    for found, read in [
        *(redirect_sources(os.path.join(folder, "_redirects")) for folder in published),
        netlify_redirect_sources(os.path.join(root, "netlify.toml")),
    ]:
        redirects += found
        data += read
    return redirects, data


def _config_name(root: str) -> str | None:
    """The name of the configuration file at ``root`` Hugo reads (``hugo.toml``, … ``config.json``), if any."""
    return next((name for name in HUGO_FILES if os.path.isfile(os.path.join(root, name))), None)


# Where the other generators keep Markdown, and how they make heading IDs (only links and anchors are
# checked on their sites): Jekyll's from its kramdown options (see `_kramdown_id_type`); Docusaurus and
# Astro use github-slugger; MkDocs uses Python-Markdown's `toc` slugify.
_OTHER_SITES = {
    "jekyll": ((".",), "github"),
    "docusaurus": (("docs", "blog", "src/pages"), "github-slugger"),
    "astro": (("src/content", "src/pages"), "remark"),
    "mkdocs": (("docs",), "python-markdown"),
    "zola": (("content",), "zola"),
    "vitepress": ((".",), "vitepress"),
    "vuepress": ((".",), "vuepress"),
    "eleventy": ((".",), UNKNOWN_IDS),
    "mdbook": (("src",), "mdbook"),
    "gitbook": ((".",), UNKNOWN_IDS),  # (GitBook's IDs are its own)
    "hexo": (("source",), UNKNOWN_IDS),
}


# the `slugify` functions of Python-Markdown's `toc` that fmlint knows, by their `!!python/name:` (pymdownx's
# `slugify(case=…)` factory is read from its `!!python/object/apply:` arguments)
_SLUGIFY_NAMES = {
    "markdown.extensions.toc.slugify": "",
    "markdown.extensions.toc.slugify_unicode": "unicode",
    "pymdownx.slugs.uslugify": "pymdownx,lower,NFC",
    "pymdownx.slugs.uslugify_cased": "pymdownx,none,NFC",
    "pymdownx.slugs.gfm": "pymdownx,lower-ascii,NFC",
}


def _toc_ids(extensions: Any) -> str:
    """The heading-ID type of an MkDocs site: ``python-markdown``, with its ``toc`` extension's ``separator``
    and ``slugify`` when set (``python-markdown:KIND:SEPARATOR``; KIND ``?`` for a slugify fmlint does not
    know, whose IDs are not judged)."""
    toc = _named_options(extensions).get("toc")
    return _slug_type(toc) if isinstance(toc, dict) else "python-markdown"


def _tab_ids(extensions: Any) -> tuple[str, bool]:
    """pymdownx.tabbed's ID type for its tabs when a ``slugify`` is set ("" otherwise: its IDs are numbered), as
    ``_toc_ids`` writes one, and its ``combine_header_slug``."""
    tabbed = _named_options(extensions).get("pymdownx.tabbed")
    if not isinstance(tabbed, dict) or tabbed.get("slugify") is None:
        return "", False
    return _slug_type(tabbed), tabbed.get("combine_header_slug") is True


def _slug_type(options: dict[str, Any]) -> str:
    """The ID type of Python-Markdown's ``toc`` options, or of another extension's alike (``slugify``,
    ``separator``)."""
    separator = options.get("separator") if isinstance(options.get("separator"), str) else "-"
    slugify, kind = options.get("slugify"), ""
    if isinstance(slugify, Tagged) and slugify.tag == "python/object/apply:pymdownx.slugs.slugify":
        arguments = slugify.value.get("kwds", {}) if isinstance(slugify.value, dict) else {}
        arguments = arguments if isinstance(arguments, dict) else {}
        encoded = arguments.get("percent_encode") is True
        kind = "?" if encoded else f"pymdownx,{arguments.get('case', 'none')},{arguments.get('normalize', 'NFC')}"
    elif isinstance(slugify, Tagged) and slugify.tag.startswith("python/name:"):
        kind = _SLUGIFY_NAMES.get(slugify.tag[len("python/name:") :], "?")
    elif slugify is not None:
        kind = "?"
    return "python-markdown" if (kind, separator) == ("", "-") else f"python-markdown:{kind}:{separator}"


def _named_options(value: Any) -> dict[str, Any]:
    """mkdocs.yml's ``markdown_extensions`` or ``plugins`` as names with their options (``None`` for none): a
    list of names and one-key maps, or one map of names to their options."""
    entries = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
    found: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, dict):
            found.update((str(name), options) for name, options in entry.items())
        elif isinstance(entry, str):
            found[entry] = None
    return found


def _nav_includes(nav: Any) -> Iterator[str]:
    """The configurations mkdocs.yml's ``nav`` includes with mkdocs-monorepo-plugin's ``!include path``."""
    if isinstance(nav, str):
        if nav.startswith("!include "):
            yield nav[len("!include ") :].strip()
    elif isinstance(nav, list):
        for entry in nav:
            yield from _nav_includes(entry)
    elif isinstance(nav, dict):
        for entry in nav.values():
            yield from _nav_includes(entry)


def _i18n_folders(root: str, docs_dir: str, plugins: Any) -> tuple[tuple[str, ...], str]:
    """mkdocs-static-i18n's language folders (``SiteConfig.mkdocs_i18n``), where it uses them and falls back to
    the default language (openai-agents-python's ``docs/ja/``, ``docs/ko/``, ``docs/zh/``, English in ``docs/``)."""
    options = _named_options(plugins).get("i18n")
    if not isinstance(options, dict) or options.get("docs_structure") != "folder":
        return (), ""
    if options.get("fallback_to_default") is False or not isinstance(options.get("languages"), list):
        return (), ""
    languages = [
        each for each in options["languages"] if isinstance(each, dict) and isinstance(each.get("locale"), str)
    ]
    default = next((each["locale"] for each in languages if each.get("default") is True), "")
    others = tuple(each["locale"] for each in languages if each["locale"] != default)
    at_root = not os.path.isdir(os.path.join(root, docs_dir, default))
    return (others, "" if at_root else default) if default and others else ((), "")


def _markdown_hooks(root: str, hooks: Any) -> bool:
    """Whether a Python file of mkdocs.yml's ``hooks`` (paths from the file's folder) defines
    ``on_page_markdown``."""
    paths = [os.path.join(root, hook) for hook in hooks if isinstance(hook, str)] if isinstance(hooks, list) else []
    # (a hook that cannot be read is none: MkDocs' build fails on it)
    return any(_ON_PAGE_MARKDOWN.search(file_text(path)) for path in paths)


_ON_PAGE_MARKDOWN = re.compile(r"^\s*def\s+on_page_markdown\b", re.MULTILINE)


def _exclude_plugin(plugins: Any) -> tuple[str, ...]:
    """The ``glob`` and ``regex`` patterns of the ``exclude`` plugin (mkdocs-exclude) in mkdocs.yml's ``plugins``."""
    options = _named_options(plugins).get("exclude")
    if not isinstance(options, dict):
        return ()
    return tuple(f"{kind}:{pattern}" for kind in ("glob", "regex") for pattern in _strings(options.get(kind)))


def _plugin_excludes(pattern: str, path: str) -> bool:
    """Whether mkdocs-exclude's ``glob:…`` (``fnmatchcase``) or ``regex:…`` (``re.match``) pattern leaves ``path``
    (from ``docs_dir``) out."""
    kind, _, written = pattern.partition(":")
    if kind == "glob":
        return fnmatch.fnmatchcase(path, written)
    try:
        return re.match(written, path) is not None
    except re.error:
        return False


# the extensions of the files MkDocs makes pages of (``mkdocs.utils.markdown_extensions``)
_MKDOCS_PAGES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
_MKDOCS_INDEXES = frozenset(("index", extension) for extension in _MKDOCS_PAGES)


def _mkdocs_index_beside(absolute: str) -> str:
    """The name of the ``index`` page beside the ``README`` page at ``absolute`` ("" if none, or not a README):
    both are the folder's page to MkDocs, which keeps the index and leaves the README out, with a warning
    ("Excluding 'README.md' from the site because it conflicts with 'index.md'"; cdk8s' ``docs/README.md``,
    written for GitHub)."""
    stem, extension = os.path.splitext(os.path.basename(absolute))
    if stem != "README" or extension not in _MKDOCS_PAGES:
        return ""
    return next((name for name in names_in(os.path.dirname(absolute)) if os.path.splitext(name) in _MKDOCS_INDEXES), "")


@cache
def _gitignore(lines: tuple[str, ...]) -> Any:
    """A ``pathspec`` matcher of gitignore-style ``lines``, as MkDocs matches ``exclude_docs``."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


# the extensions whose blocks hold Markdown CommonMark reads otherwise, and their markers (``fmlint.mkdocs_blocks``)
_BLOCK_EXTENSIONS = {"admonition": "!!!", "pymdownx.details": "???", "pymdownx.tabbed": "===", "md_in_html": "markdown"}


def _snippet_folders(root: str, extensions: Any) -> tuple[str, ...]:
    """The folders pymdownx.snippets looks for a ``--8<--`` file in (its ``base_path``, a folder or a list, from
    where MkDocs runs: the site's; ``.`` by default), when mkdocs.yml enables it."""
    named = _named_options(extensions)
    if "pymdownx.snippets" not in named:
        return ()
    options = named["pymdownx.snippets"]
    bases = _strings(options.get("base_path", ".")) if isinstance(options, dict) else ["."]
    return tuple(os.path.normpath(os.path.join(root, base)) for base in bases)


def _block_markers(extensions: Any) -> tuple[str, ...]:
    """The markers of the blocks of the extensions an MkDocs site enables (``fmlint.mkdocs_blocks``)."""
    names = _named_options(extensions)
    return tuple(marker for name, marker in _BLOCK_EXTENSIONS.items() if name in names)


def _kramdown_id_type(options: Any) -> str:
    """A Jekyll site's heading-ID type from its ``kramdown`` options: ``kramdown:PARSER:PREFIX`` (PARSER ``gfm``,
    Jekyll's default input, ``kramdown``, or ``none`` with ``auto_ids: false``; ``auto_id_prefix``)."""
    options = options if isinstance(options, dict) else {}
    parser = "kramdown" if str(options.get("input", "GFM")).lower() == "kramdown" else "gfm"
    if options.get("auto_ids") is False:
        parser = "none"
    return f"kramdown:{parser}:{options.get('auto_id_prefix') or ''}"


def _is_zola(root: str, name: str) -> bool:
    """Whether ``config.toml`` is Zola's (``base_url``; Hugo's key is ``baseURL``), such as the Rust blog's."""
    if name != "config.toml":
        return False
    options, _ = _load(os.path.join(root, name))
    return "base_url" in options and "baseurl" not in options


# an Astro configuration's ``build.format`` writing a page as a file (``about.html``): ``file`` or ``preserve``
_ASTRO_FILE_FORMAT = re.compile(r"""\bformat\s*:\s*(['"`])(?:file|preserve)\1""")


def _other(root: str, generator: str, marker: str) -> SiteConfig:
    folders, heading_ids = _OTHER_SITES.get(generator, ((), "github"))
    blocks: tuple[str, ...] = ()
    snippets: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    by_plugin: tuple[str, ...] = ()
    markdown_hooks = False
    tab_ids: tuple[str, bool] = ("", False)
    directory_urls = True
    i18n: tuple[tuple[str, ...], str] = ((), "")
    unseen_includes = False
    imported: tuple[str, ...] = ()
    if generator == "mkdocs":
        options = _mkdocs_options(os.path.join(root, marker))
        folders = (str(options.get("docs_dir") or "docs"),)
        heading_ids = _toc_ids(options.get("markdown_extensions"))
        blocks = _block_markers(options.get("markdown_extensions"))
        snippets = _snippet_folders(root, options.get("markdown_extensions"))
        excluded = options.get("exclude_docs")
        exclude = tuple(excluded.splitlines()) if isinstance(excluded, str) else ()
        by_plugin = _exclude_plugin(options.get("plugins"))
        markdown_hooks = _markdown_hooks(root, options.get("hooks"))
        tab_ids = _tab_ids(options.get("markdown_extensions"))
        directory_urls = options.get("use_directory_urls") is not False
        i18n = _i18n_folders(root, folders[0], options.get("plugins"))
        imported = imported_folders(_named_options(options.get("plugins")).get("multirepo"), options.get("nav"))
        unseen_includes = any(
            not os.path.isfile(os.path.join(root, path)) for path in _nav_includes(options.get("nav"))
        )
    if generator in ("vitepress", "vuepress"):
        from fmlint.site.vue_docs import read_vue_docs

        source, heading_ids = read_vue_docs(root, generator)
        folders = (source,)
    eleventy = None
    if generator == "eleventy":
        from fmlint.site.eleventy import read_eleventy

        eleventy = read_eleventy(root, marker)
        folders = (eleventy.input,)
    if generator == "mdbook":  # (`[book] src`)
        book = subtable(_load(os.path.join(root, marker))[0], "book").get("src")
        folders = (book.strip("/") or "src",) if isinstance(book, str) else folders
    if generator == "gitbook":  # (`.gitbook.yaml`'s `root`)
        pages = _load(os.path.join(root, marker))[0].get("root")
        folders = (pages.strip().strip("/") or ".",) if isinstance(pages, str) else folders
    hexo = None
    future = pages_projects = False
    if generator == "hexo":
        written, _ = _load_as_written(os.path.join(root, marker))  # (category_map's names keep their case)
        options = _lowered(written)
        future = options.get("future") is not False
        source, hexo, heading_ids = read_hexo(root, options, written, package_dependencies(root))
        folders = (source,)
        pages_projects = pages_user_site(options.get("url"))
    docusaurus = None
    if generator == "docusaurus":
        from fmlint.site.docusaurus import read_docusaurus

        folders, docusaurus = read_docusaurus(os.path.join(root, marker), folders)
    # each folder's language: a Docusaurus locale's for its translations (i18n/<locale>/…)
    languages = {plugin.folder: plugin.locale or None for plugin in docusaurus.plugins} if docusaurus else {}
    paths = [(os.path.normpath(os.path.join(root, folder)), languages.get(folder)) for folder in folders]
    # (a folder holding the site's own folder, `path: '..'`, would make the whole tree above it content)
    dirs = tuple(ContentDir(path, language) for path, language in paths if not root.startswith(os.path.join(path, "")))
    style = ""
    collections: tuple[tuple[str, str], ...] = ()
    collections_dir = base_path = own_prefix = ""
    base_implied = False
    own: tuple[str, ...] = ()
    jekyll_exclude: tuple[str, ...] = ()
    jekyll_include: tuple[str, ...] = ()
    jekyll_theme = ""
    jekyll_defaults: tuple[Default, ...] = ()
    plugin_pages: tuple[str, ...] = ()
    polyglot: tuple[str, ...] = ()
    from_path = False
    redirects: list[str] = []
    if generator == "jekyll":
        options = _jekyll_options(root, marker)
        style = str(options.get("permalink", "date"))
        from fmlint.site.jekyll import jekyll_collections, theme_name
        from fmlint.site.jekyll import jekyll_defaults as read_jekyll_defaults

        collections = jekyll_collections(options)
        included = _strings(options.get("include"))
        jekyll_include = tuple(entry.strip("/") for entry in included if entry.strip("/"))
        jekyll_theme = theme_name(options)
        jekyll_exclude = tuple(entry for entry in _strings(options.get("exclude")) if entry not in included)
        jekyll_defaults = read_jekyll_defaults(options)
        future = options.get("future") is True
        from fmlint.site.jekyll_plugins import plugin_folders

        plugin_pages = tuple(plugin_folders(root, options))
        # (Jekyll copies `_redirects` where `include` names it; Netlify serves its rules: strimzi.io's old URLs)
        redirects, _ = _netlify_redirects(root, [root] if "_redirects" in included else [])
        collections_dir = str(options.get("collections_dir") or "").strip("/")
        heading_ids = _kramdown_id_type(options.get("kramdown"))
        base_path = str(options.get("baseurl") or "").strip("/")
        from fmlint.site.github_pages import implied_baseurl, user_site

        repository = repository_root(root)
        if not base_path:
            base_path = implied_baseurl(root, options, repository)
            base_implied = bool(base_path)
        own = _own_hosts(options.get("url"))
        own_prefix = _url_path(options.get("url")) if own else ""
        pages_projects = pages_user_site(options.get("url")) or user_site(root, options, repository)
        if "jekyll-polyglot" in _strings(options.get("plugins")) + _strings(options.get("gems")):
            default = str(options.get("default_lang") or "en")
            polyglot = tuple(dict.fromkeys([default, *_strings(options.get("languages"))]))
            from_path = options.get("lang_from_path") is True
    starlight = None
    # (the typographic dashes of kramdown's GFM parser are no part of IDs; its own parser's IDs keep `--`)
    dashes = ("", "") if heading_ids.startswith("kramdown:gfm:") else WRITTEN_DASHES
    if heading_ids.startswith(HEXO_IDS) and heading_ids.endswith(":1"):  # (hexo-renderer-marked's smartypants)
        dashes = ("\u2013", "\u2014")
    as_written = False
    blog_starter = astro_routes = False
    base = ""
    if generator == "astro":
        from fmlint.site.starlight import (
            astro_base,
            astro_config,
            follows_blog_starter,
            markdown_options,
            read_starlight,
        )

        text = astro_config(root, marker)
        starlight = read_starlight(root, marker, text)
        blog_starter = starlight is None and follows_blog_starter(root)
        base = astro_base(text)
        markdown = markdown_options(root, text)
        dashes = ("\u2013", "\u2014") if markdown.smartypants else WRITTEN_DASHES
        heading_ids = REMARK_TRIMMED if markdown.trims_ids else heading_ids
        heading_ids += WITH_CUSTOM_IDS if markdown.custom_ids else ""
        # (Astro turns no link to a Markdown file into its page's URL; where a page is, Starlight says)
        as_written = starlight is not None and not markdown.plugins
        astro_routes = starlight is None and _ASTRO_FILE_FORMAT.search(text) is None
    return SiteConfig(
        root,
        generator,
        content_dirs=dirs,
        heading_ids=heading_ids,
        aliases=False,
        permalink_style=style,
        jekyll_collections=collections,
        jekyll_collections_dir=collections_dir,
        jekyll_exclude=jekyll_exclude,
        jekyll_include=jekyll_include,
        jekyll_theme=jekyll_theme,
        jekyll_defaults=jekyll_defaults,
        jekyll_plugin_folders=plugin_pages,
        unpublished=generator == "jekyll" and options.get("unpublished") is True,
        # (Jekyll builds a post dated later than now only with `future`; Hexo publishes one unless `future: false`)
        build_future=future,
        polyglot_languages=polyglot,
        polyglot_from_path=from_path,
        redirects=tuple(dict.fromkeys(redirects)),
        base_path=base_path,
        base_implied=base_implied,
        own_hosts=own,
        own_prefix=own_prefix,
        pages_projects=pages_projects,
        starlight=starlight,
        astro_blog_starter=blog_starter,
        astro_base=base,
        astro_routes=astro_routes,
        docusaurus=docusaurus,
        hexo=hexo,
        eleventy=eleventy,
        links_as_written=as_written,
        mkdocs_blocks=blocks,
        mkdocs_exclude=exclude,
        mkdocs_snippets=snippets,
        mkdocs_excluded_by_plugin=by_plugin,
        mkdocs_markdown_hooks=markdown_hooks,
        mkdocs_tab_ids=tab_ids,
        mkdocs_directory_urls=directory_urls,
        mkdocs_i18n=i18n,
        mkdocs_unseen_includes=unseen_includes,
        mkdocs_imported=imported,
        mkdocs_config=marker if generator == "mkdocs" else "mkdocs.yml",
        dashes=dashes,
    )


def _mkdocs_options(path: str, seen: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The options of the MkDocs configuration at ``path``, over those of the configuration its ``INHERIT`` names
    (from its folder; a chain of them too), merged as MkDocs merges them: tables key by key, any other value
    the child's (a list of ``markdown_extensions`` replaces the parent's)."""
    options, _ = _load(path)
    if path.endswith(".toml"):  # (zensical.toml)
        return _zensical(options.get("project"))
    parent = options.pop("inherit", None)
    if isinstance(parent, str) and parent.strip():
        found = os.path.normpath(os.path.join(os.path.dirname(path), parent.strip()))
        if found not in seen:
            options = _merged(options, _mkdocs_options(found, seen | {path}))
    return options


def _zensical(project: Any) -> dict[str, Any]:
    """The MkDocs options of ``zensical.toml``'s ``[project]`` table: its ``markdown_extensions`` tables named
    as mkdocs.yml names them (``[project.markdown_extensions.pymdownx.snippets]`` is ``pymdownx.snippets``)."""
    if not isinstance(project, dict):
        return {}
    extensions = project.get("markdown_extensions")
    if isinstance(extensions, dict):
        project = {**project, "markdown_extensions": dict(_extension_names(extensions, ""))}
    return project


def _extension_names(table: dict[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    """A TOML table of extensions as (dotted name, options): a namespace's table (``pymdownx``,
    ``zensical.extensions``) holds only tables of extensions, an extension's holds its options."""
    for name, options in table.items():
        namespace = isinstance(options, dict) and options and all(isinstance(each, dict) for each in options.values())
        if namespace and name in _EXTENSION_NAMESPACES:
            yield from _extension_names(options, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", options


_EXTENSION_NAMESPACES = frozenset(("pymdownx", "zensical", "extensions", "markdown", "material"))


def _load(path: str) -> tuple[dict[str, Any], bytes]:
    """The configuration file's options, their keys lowercased at every level, and its bytes."""
    loaded, data = _load_as_written(path)
    return _lowered(loaded), data


def _load_as_written(path: str) -> tuple[dict[str, Any], bytes]:
    """The configuration file's options as written (``{}`` unless a table), and its bytes."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        loaded = data_value(path, data)
    except (OSError, ValueError):  # mkdocs.yml's `!!python/name:` tags are errors too
        return {}, b""
    return (loaded if isinstance(loaded, dict) else {}), data


def data_value(path: str, data: bytes) -> Any:
    """The value of a TOML, JSON or YAML file (by the extension of ``path``) of bytes ``data``; ``ValueError``
    when it is none."""
    import tomllib  # here: a run outside any site never needs them (a warm run does not import them otherwise)

    lowered = path.lower()
    if lowered.endswith(".toml"):
        return tomllib.loads(data.decode("utf-8"))
    if lowered.endswith(".json"):
        return json.loads(data)
    return _yaml(data)


def _yaml(data: bytes) -> Any:
    import yaml  # (not for a TOML configuration: its import is most of reading one)

    try:
        return _untagged(yaml.load(data, Loader=_tolerant_loader()))
    except yaml.YAMLError as error:
        raise ValueError(error) from None


class Tagged(NamedTuple):
    """A YAML value under a tag a safe loader does not know: mkdocs.yml's ``!!python/name:module.function``
    (an emoji index, a ``slugify``), ``!!python/object/apply:…`` and ``!relative``."""

    tag: str  # without its ``!`` or ``tag:yaml.org,2002:`` prefix: ``python/name:pymdownx.slugs.uslugify``
    value: Any


@cache
def _tolerant_loader() -> Any:
    """libyaml's safe loader (when built with it) that reads unknown tags as :class:`Tagged` values instead of
    failing: one ``!!python/name:`` emoji setting had left a whole mkdocs.yml unread (its ``docs_dir`` too)."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def tagged(loader: Any, suffix: str, node: Any) -> Tagged:
        if isinstance(node, yaml.MappingNode):
            return Tagged(suffix, loader.construct_mapping(node, deep=True))
        if isinstance(node, yaml.SequenceNode):
            return Tagged(suffix, loader.construct_sequence(node, deep=True))
        return Tagged(suffix, loader.construct_scalar(node))

    Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/", lambda loader, suffix, node: tagged(loader, "python/" + suffix, node)
    )
    Loader.add_multi_constructor("!", tagged)
    return Loader


def _untagged(value: Any) -> Any:
    """MkDocs's ``!ENV NAME`` and ``!ENV [NAME, …, default]`` as it reads them: the first variable set, else
    the default (``None``)."""
    if isinstance(value, Tagged):
        if value.tag == "ENV":
            names = value.value if isinstance(value.value, list) else [value.value]
            if len(names) < 2:  # `!ENV NAME`: the variable or nothing (`!ENV []`: nothing)
                return os.environ.get(str(names[0])) if names else None
            found = next((os.environ[str(n)] for n in names[:-1] if str(n) in os.environ), None)
            return found if found is not None else names[-1]
        return value
    if isinstance(value, dict):
        return {key: _untagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_untagged(item) for item in value]
    return value


def _lowered(value: Any) -> Any:
    """Keys lowercased at every level (Hugo's configuration keys are case-insensitive)."""
    if isinstance(value, dict):
        return {str(k).lower(): _lowered(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lowered(item) for item in value]
    return value


def _hugo_options(root: str, name: str | None) -> tuple[dict[str, Any], bytes]:
    """The merged options: the root file, then ``config/_default/`` and its subfolders, read recursively as Hugo
    does (a ``<key>.toml`` file is the ``key`` table, its root key unwrapped when it is the file's only one;
    ``languages.<lang>.toml`` a language's), each merged into what is read already, table by table (falco.org:
    ``module/module.yaml``'s mounts beside ``hugo.toml``'s ``[module]`` imports)."""
    options: dict[str, Any] = {}
    seen = b""
    if name is not None:
        options, seen = _load(os.path.join(root, name))
    folder = os.path.join(root, "config", "_default")
    for path in _config_files(folder):
        loaded, data = _load(path)
        seen += data
        key, _, language = os.path.splitext(os.path.basename(path))[0].lower().partition(".")
        if list(loaded) == [key] and isinstance(loaded[key], dict):
            loaded = loaded[key]  # (`[params]` in `params.toml`: its root key written out)
        if key in ("hugo", "config"):
            options = _merged(options, loaded)
        elif key == "languages" and language:  # `languages.fr.toml`: the `[languages.fr]` table
            options = _merged(options, {"languages": {language: loaded}})
        elif not language:  # (`params.fr.toml`, `menus.fr.toml`: a language's, not read here)
            options = _merged(options, {key: loaded})
    return options, seen


def _config_files(folder: str) -> list[str]:
    """The configuration files in ``folder`` and its subfolders, in path order."""
    found = []
    for here, folders, files in os.walk(folder):
        folders.sort()
        found += [os.path.join(here, f) for f in sorted(files) if f.endswith((".toml", ".yaml", ".yml", ".json"))]
    return found


def _jekyll_options(root: str, marker: str) -> dict[str, Any]:
    """``_config.yml``'s options, or those of the files the site's build names, each over the ones before
    (``fmlint.site.jekyll.build_configs``)."""
    from fmlint.site.jekyll import build_configs

    options: dict[str, Any] = {}
    for name in build_configs(root) or [marker]:
        options = _merged(_load(os.path.join(root, name))[0], options)
    return options


def _merged(kept: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """``kept`` with the keys of ``more`` it lacks, tables merged key by key (what is read first wins)."""
    merged = dict(kept)
    for key, value in more.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = _merged(merged[key], value)
    return merged


def _embedded_link_hook(layouts: tuple[str, ...], options: dict[str, Any], languages: dict[str, Any]) -> bool:
    """Whether Hugo renders links with its embedded render hook (``markup.goldmark.renderHooks.link.useEmbedded``:
    ``auto`` for a site on one host whose project has no link hook of its own, that configures its languages
    — one is enough: Hugo 0.168 uses the hook for keda.sh's lone ``[languages.en]``, checked with a build — and
    does not duplicate shared page resources (``markup.goldmark.duplicateResourceFiles``); ``fallback`` without
    a hook of its own; ``always``).  Hugo has it from 0.123 (a site pinning an older one: ``hugo_version``)."""
    use = str(subtable(options, "markup", "goldmark", "renderhooks", "link").get("useembedded", "auto")).lower()
    if use in ("always", "never"):
        return use == "always"
    if link_hooks(layouts, every_type=False):  # (the project's own)
        return False
    if use == "fallback":
        return True
    single_host = not any(isinstance(table, dict) and table.get("baseurl") for table in languages.values())
    duplicated = subtable(options, "markup", "goldmark").get("duplicateresourcefiles") is True
    return bool(languages) and single_host and not duplicated


def _links_as_written(layouts: tuple[str, ...], missing: tuple[str, ...], embedded: bool) -> bool:
    """Whether Hugo writes each Markdown link's destination as it is written, for the browser to resolve from the
    page's URL (a relative ``x.md`` is then no page): Hugo's embedded render hook is not used, and no link render
    hook of the site's or its themes' rewrites destinations (``fmlint.site.templates.links_rewritten``).  Not
    known while a theme or module is missing, or where no layout folder is there (a checkout of the content
    alone, as the hugo-docs corpus): their hooks are not there to read."""
    return _layouts_read(layouts, missing) and not embedded and not links_rewritten(layouts)


def _hooks_known(layouts: tuple[str, ...], missing: tuple[str, ...]) -> bool:
    """Whether each link render hook of the site's or its themes' writes a destination as it is, or as the page
    ``GetPage`` finds (``fmlint.site.templates.pages_found_only``), as Hugo's embedded hook does: known as for
    :func:`_links_as_written` (hugo-docs' hook, not in the corpus, reads `[x](g)` as a glossary link)."""
    return _layouts_read(layouts, missing) and pages_found_only(layouts)


_ALIAS_TEMPLATES = (("alias.html",), ("_default", "alias.html"))  # (where Hugo looks for one)


def _layouts_read(layouts: tuple[str, ...], missing: tuple[str, ...]) -> bool:
    """Whether the site's layouts are there to read: a layout folder is, and no theme or module is missing."""
    return any(os.path.isdir(top) for top in layouts) and not missing


_PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def _own_hosts(url: Any) -> tuple[str, ...]:
    """The host of the site's own URL (``https://keda.sh/``), but a placeholder's (``example.org``: the host
    of documentation examples)."""
    try:
        host = urlsplit(str(url or "")).hostname or ""
    except ValueError:
        return ()
    return (host,) if host and not host.endswith(_PLACEHOLDER_HOSTS) else ()


def pages_user_site(url: Any) -> bool:
    """Whether the site's own URL is a GitHub Pages user or organization site's, ``https://<owner>.github.io``
    at the root, below which GitHub serves the owner's other repositories' project sites (``/<repository>/``)."""
    try:
        parts = urlsplit(str(url or ""))
    except ValueError:
        return False
    return (parts.hostname or "").endswith(".github.io") and not parts.path.strip("/")


def _url_path(url: Any) -> str:
    """The path of a URL without its closing slash (``/latest``; "" for none)."""
    try:
        return urlsplit(str(url or "")).path.rstrip("/")
    except ValueError:
        return ""


def _redirect_templates(layouts: tuple[str, ...], options: dict[str, Any]) -> list[str]:
    """The templates of the home page's output formats whose file is ``_redirects`` (keda.sh's ``REDIRECTS``:
    ``layouts/index.redirects`` writes the rules Netlify serves), in the site's layouts or a theme's; the home
    page's formats are ``outputs.home``'s, or a ``cascade``'s for ``kind: home``."""
    formats = subtable(options, "outputformats")
    home = {str(name).lower() for name in _strings(subtable(options, "outputs").get("home"))}
    cascade = options.get("cascade")
    for table in cascade if isinstance(cascade, list) else [cascade]:  # (`target: {kind: home}`: opentelemetry.io)
        target = (table.get("target") or table.get("_target")) if isinstance(table, dict) else None
        if isinstance(table, dict) and isinstance(target, dict) and str(target.get("kind", "")).lower() == "home":
            home.update(str(name).lower() for name in _strings(table.get("outputs")))
    names = [
        name
        for name, table in formats.items()
        if name in home and isinstance(table, dict) and table.get("basename") == "_redirects"
    ]
    found: list[str] = []
    for top in layouts:
        for name in names:
            for base in ("index", "home", os.path.join("_default", "index"), os.path.join("_default", "home")):
                stem = glob.escape(os.path.join(top, f"{base}.{name}"))
                found += [path for path in sorted({*glob.glob(stem), *glob.glob(stem + ".*")}) if os.path.isfile(path)]
    return found


def _hugo(root: str, name: str | None) -> SiteConfig:
    options, data = _hugo_options(root, name)
    languages_table = subtable(options, "languages")
    default_language = str(options.get("defaultcontentlanguage", "en")).lower()
    languages = tuple(sorted(languages_table, key=lambda k: (_weight(languages_table[k]), k))) or (default_language,)
    if default_language not in languages:
        languages = (default_language, *languages)
    disabled = tuple(  # (vitess.io: `disableLanguages = ["zh"]`; never the default language, which Hugo refuses)
        language
        for language in map(str.lower, _strings(options.get("disablelanguages")))
        if language != default_language
    )
    languages = tuple(language for language in languages if language not in disabled)
    content_dir = str(options.get("contentdir", "content"))
    mounts = subtable(options, "module").get("mounts", []) or []
    # content mounts replace the default ones (the content folder of each language), as Hugo's
    # `ApplyProjectConfigDefaults` does; a mount of the content folder itself brings its own filter
    dirs = [found for mount in mounts for found in _mounted(root, mount, languages)]
    if not dirs:
        for language in languages:
            table = languages_table.get(language)
            own = str(table.get("contentdir") or "") if isinstance(table, dict) else ""
            own_language = language if own and own != content_dir else None
            dirs.append(ContentDir(os.path.normpath(os.path.join(root, own or content_dir)), own_language))
    # (the content an import mounts comes after; one not found is a mount of what is not there, unseen, but at
    # the content's root: fluxcd.io's mount of docsy's `content`, which is not there, would hide every page)
    dirs += [
        found
        for mounts, folder, there in mounting_imports(root, options)
        for mount in mounts
        for found in _mounted(folder, mount, languages)
        if there or found.target
    ]
    dirs = [found for found in dirs if found.language not in disabled]
    themes = components(root, options, lambda folder: _hugo_options(folder, _config_name(folder))[0])
    layouts = layout_folders(root, themes.folders)
    static_dirs = (
        *_static_mounts(root, subtable(options, "module").get("mounts")),
        *_static_folders(root, options, themes.folders),
    )
    redirects, redirect_data = _netlify_redirects(
        root, [os.path.join(root, "static"), *(static.path for static in static_dirs if not static.target)]
    )
    followed: list[tuple[str, str]] = []
    redirect_params: list[tuple[str, str]] = []
    if templates := _redirect_templates(layouts, options):
        from fmlint.site.redirect_templates import template_redirects

        for template in templates:
            written = template_redirects(template, layouts, subtable(options, "params"), languages, default_language)
            redirects += written.sources
            followed += written.followed
            redirect_params += written.params
            redirect_data += written.data
    parser = subtable(options, "markup", "goldmark", "parser")
    version, version_data = pinned_version(root)
    # (`security.allowContent`'s default: from Hugo 0.162 it refuses HTML content, which an older Hugo takes)
    allowed_content = _DENYING if (version or (0, 0)) >= HTML_CONTENT_DENIED else ".*"
    link_hook = _embedded_link_hook(layouts, options, languages_table) and (version or EMBEDDED_HOOKS) >= EMBEDDED_HOOKS
    taxonomies_table = options.get("taxonomies")
    taxonomies = (
        tuple(str(v).lower() for v in taxonomies_table.values())
        if isinstance(taxonomies_table, dict)
        else DEFAULT_TAXONOMIES
    )
    disabled_kinds = [str(k).lower() for k in options.get("disablekinds", []) or []]
    taxonomy_lists = () if "taxonomy" in disabled_kinds else taxonomies
    if "term" in disabled_kinds:  # (`taxonomy` is the page listing a taxonomy's terms: theirs are still written)
        taxonomies = ()
    as_written = _links_as_written(layouts, themes.missing, link_hook)
    known = _hooks_known(layouts, themes.missing)
    return SiteConfig(
        root=root,
        generator="hugo",
        content_dirs=tuple(dict.fromkeys(dirs)),
        languages=languages,
        disabled_languages=disabled,
        default_language=default_language,
        default_in_subdir=bool(options.get("defaultcontentlanguageinsubdir", False)),
        home="home" not in disabled_kinds,
        permalinks=_permalinks(subtable(options, "permalinks")),
        lower=not options.get("disablepathtolower", False),
        keep_accents=not options.get("removepathaccents", False),
        ugly=options.get("uglyurls") is True,
        ugly_sections=tuple(str(k) for k, v in subtable(options, "uglyurls").items() if v is True),
        aliases=not options.get("disablealiases", False),
        build_future=options.get("buildfuture") is True,
        build_expired=options.get("buildexpired") is True,
        filename_dates=_filename_dates(subtable(options, "frontmatter")),
        refreshing_aliases=not options.get("disablealiases", False)
        and _layouts_read(layouts, themes.missing)
        and not any(os.path.isfile(os.path.join(top, *name)) for top in layouts for name in _ALIAS_TEMPLATES),
        base_path=urlsplit(str(options.get("baseurl", ""))).path.strip("/"),
        own_hosts=_own_hosts(options.get("baseurl")),
        pages_projects=pages_user_site(options.get("baseurl")),
        link_hook=link_hook,
        links_as_written=as_written,
        hooks_known=known,
        hooks_may_find_pages=not as_written and (known or not _layouts_read(layouts, themes.missing)),
        hooks_look_up_names=known and hooks_look_up_names(layouts),
        heading_ids=str(parser.get("autoheadingidtype", "github")).lower(),
        definition_ids=bool(parser.get("autodefinitiontermid", False)),
        dashes=_typographer_dashes(subtable(options, "markup", "goldmark", "extensions").get("typographer")),
        taxonomies=taxonomies,
        taxonomy_lists=taxonomy_lists,
        headless=_headless(options.get("cascade")),
        static_dirs=static_dirs,
        # (the components found: a theme checked out or installed is read on the next run)
        digest=hashlib.blake2b(data + redirect_data + version_data + _named(root, layouts), digest_size=12).hexdigest(),
        redirects=tuple(dict.fromkeys(redirects)),
        followed_redirects=tuple(dict.fromkeys(followed)),
        redirect_params=tuple(dict.fromkeys(redirect_params)),
        raw_html=subtable(options, "markup", "goldmark", "renderer").get("unsafe") is True,
        html_content=_allowed(subtable(options, "security").get("allowcontent", allowed_content), "text/html"),
        ignore_files=tuple(_strings(options.get("ignorefiles"))),
        layout_dirs=layouts,
        missing_themes=themes.missing,
        params=None if shortcode_templates(layouts, "param") else site_params(options, languages_table),
        hugo_version=version,
    )


def _named(root: str, folders: tuple[str, ...]) -> bytes:
    """``folders`` named from ``root``: the same in another checkout of the site (a CI job's)."""
    return "\0".join(os.path.relpath(folder, root) for folder in folders).encode()


_DENYING = "! ^text/html$"  # (``security.allowContent``'s default since Hugo 0.162, for HTML)


def _allowed(patterns: Any, media_type: str) -> bool:
    """Whether Hugo's allow list ``patterns`` (a regular expression or a list of them; ``! pattern`` denies what it
    matches; ``none``: nothing) accepts ``media_type``: for ``security.allowContent``.  Its default since Hugo
    0.162, ``! ^text/html$``, fails the build on an HTML content file, so a site holding one without setting it
    is built by an earlier Hugo, where every content format is a page (the default taken here), unless it pins a
    later one (``hugo_version``: then its HTML files are no pages, and its build fails)."""
    listed = [str(p).strip() for p in (patterns if isinstance(patterns, list) else [patterns]) if str(p).strip()]
    if not listed or "none" in listed:
        return False
    accepted = False
    for pattern in listed:
        denying = pattern.startswith("!")
        try:
            matches = re.search(pattern[1:].strip() if denying else pattern, media_type) is not None
        except re.error:
            return False
        if denying and matches:
            return False
        accepted = accepted or (matches != denying)
    return accepted


def _typographer_dashes(typographer: Any) -> tuple[str, str]:
    """What goldmark's typographer (on unless ``disable``, or ``typographer = false`` as vitess.io writes it)
    writes for ``--`` and ``---``: ``enDash`` and ``emDash`` (HTML, ``&ndash;`` and ``&mdash;`` by default), as
    text; an empty one leaves the dashes be."""
    if typographer is False:
        return WRITTEN_DASHES
    typographer = typographer if isinstance(typographer, dict) else {}
    if typographer.get("disable") is True:
        return WRITTEN_DASHES
    en, em = typographer.get("endash", "&ndash;"), typographer.get("emdash", "&mdash;")
    return (
        html.unescape(en) if isinstance(en, str) and en else WRITTEN_DASHES[0],
        html.unescape(em) if isinstance(em, str) and em else WRITTEN_DASHES[1],
    )


def _static_mounts(root: str, mounts: Any) -> list[ContentDir]:
    found = []
    for mount in mounts if isinstance(mounts, list) else []:
        target = str(mount.get("target", "")).strip("/") if isinstance(mount, dict) else ""
        component, _, under = target.partition("/")
        if component in ("static", "assets") and mount.get("source"):
            found.append(
                ContentDir(os.path.normpath(os.path.join(root, str(mount["source"]))), None, under, mounted=True)
            )
    return found


def _static_folders(root: str, options: dict[str, Any], themes: tuple[str, ...]) -> list[ContentDir]:
    """The folders of ``staticDir`` but ``static/``, and the ``static/`` and ``assets/`` folders of the site's
    themes and modules (``themes``: their folders), which Hugo lays under the site's own: buildpacks.io's images
    are its theme's."""
    folders = [os.path.join(root, name) for name in _strings(options.get("staticdir")) if name != "static"]
    folders += [os.path.join(theme, name) for theme in themes for name in ("static", "assets")]
    return [ContentDir(os.path.normpath(folder), None) for folder in folders if os.path.isdir(folder)]


def _headless(cascade: Any) -> tuple[str, ...]:
    """The ``target.path`` globs of the configuration's cascades that set ``build.render: never`` for pages
    picked by path alone (fragments meant for including, such as ``/**/_includes/**``)."""
    found = []
    for table in cascade if isinstance(cascade, list) else [cascade]:
        if not isinstance(table, dict):
            continue
        target = table.get("target") or table.get("_target")
        build = table.get("_build") or table.get("build")
        if isinstance(target, dict) and set(target) == {"path"} and build_render(build) == NEVER:
            found.append(str(target["path"]))
    return tuple(found)


def _mounted(root: str, mount: Any, languages: tuple[str, ...]) -> list[ContentDir]:
    """The content folders a module mount makes: one per language of its sites matrix (or its ``lang``);
    one taking the language from file names when it names none."""
    target = str(mount.get("target", "")).strip("/") if isinstance(mount, dict) else ""
    if not (target == "content" or target.startswith("content/")) or not mount.get("source"):
        return []
    source = os.path.normpath(os.path.join(root, str(mount["source"])))
    under = target[len("content") :].strip("/")
    files = [*_strings(mount.get("files")), *_strings(mount.get("includefiles"))]
    files += [f"! {pattern}" for pattern in _strings(mount.get("excludefiles"))]
    matrix = subtable(mount, "sites", "matrix").get("languages")
    mounted: list[str | None]
    if matrix is not None:
        mounted = [language for language in languages if glob_slice_matches(_strings(matrix), language)]
    else:
        mounted = [str(mount["lang"]).lower()] if mount.get("lang") else [None]
    return [ContentDir(source, language, under, tuple(files), mounted=True) for language in mounted]


def _filename_dates(handlers: dict[str, Any]) -> tuple[tuple[str, bool], ...]:
    """Of Hugo's ``[frontmatter]`` handlers, the dates that list ``:filename``, and whether it is listed first."""
    found = []
    for key in ("date", "publishdate", "expirydate"):
        listed = [name.lower() for name in _strings(handlers.get(key))]
        if ":filename" in listed:
            found.append((key, listed[0] == ":filename"))
    return tuple(found)


def _strings(value: Any) -> list[str]:
    """A setting that is a string or a list of them, as a list."""
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def _weight(table: Any) -> int:
    weight = table.get("weight", 0) if isinstance(table, dict) else 0
    return weight if isinstance(weight, int) else 0


def _permalinks(table: dict[str, Any]) -> dict[str, dict[str, str]]:
    """``{kind: {section: pattern}}`` from the legacy map forms (``posts = "…"``, ``[permalinks.page]``)."""
    found: dict[str, dict[str, str]] = {"page": {}, "section": {}, "term": {}, "taxonomy": {}}
    for key, value in table.items():
        if isinstance(value, str):
            found["page"][key.strip("/ ")] = value
        elif isinstance(value, dict) and key in found:
            for section, pattern in value.items():
                if isinstance(pattern, str):
                    found[key][section.strip("/ ")] = pattern
    return found

"""A site's configuration as the site rules read it (:class:`SiteConfig`), and what it says of the site's files."""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

import msgspec

from fmlint.config.presets import MDX_EXTENSIONS
from fmlint.discover import MARKDOWN_EXTENSIONS
from fmlint.folders import names_in
from fmlint.site.anchors import WRITTEN_DASHES
from fmlint.site.config.mkdocs import mkdocs_index_beside, plugin_excludes
from fmlint.site.eleventy import Eleventy
from fmlint.site.globs import mount_holds
from fmlint.site.hexo import Hexo
from fmlint.site.hugo_version import BUILD_DEPRECATED
from fmlint.site.params import SiteParams
from fmlint.site.permalinks import PermalinkRule, written_folders
from fmlint.site.rendering import NEVER, Cascade

if TYPE_CHECKING:  # (the other generators' readers are imported when such a site is read)
    from fmlint.site.docusaurus import Docusaurus
    from fmlint.site.generated import BuildIgnores
    from fmlint.site.jekyll import Default
    from fmlint.site.liquid_params import LiquidReads
    from fmlint.site.starlight import Starlight

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
    # Hugo's ``disableKinds`` of content pages (``page``, ``section``, and the ``taxonomy`` and ``term`` pages' files):
    # none of those written
    disabled_kinds: tuple[str, ...] = ()
    permalinks: tuple[PermalinkRule, ...] = ()  # Hugo's ``[permalinks]``, the first that matches a page its
    # a language's own ``[languages.x.permalinks]``, which replace the site's for its pages
    language_permalinks: dict[str, tuple[PermalinkRule, ...]] = msgspec.field(default_factory=dict)
    lower: bool = True
    keep_accents: bool = True
    ugly: bool = False
    plural_list_titles: bool = True  # Hugo's ``pluralizeListTitles``: a section without a file titled in the plural
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
    # Hugo's ``canonifyURLs`` or ``relativeURLs``: what its output writes of a root-relative link (``refs._below_base``)
    root_links: str = ""
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
    image_hook: bool = False  # its embedded image render hook is (as the link hook): Go's url.Parse reads each image
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
    linkify: bool = False  # whether a bare URL in running text is a link (Hugo's goldmark, by default)
    taxonomies: tuple[str, ...] = DEFAULT_TAXONOMIES  # Hugo: those whose term pages are written
    taxonomy_lists: tuple[str, ...] = DEFAULT_TAXONOMIES  # Hugo: those whose page listing their terms is written
    taxonomy_folders: tuple[str, ...] = ()  # Hugo: every taxonomy configured, whose folder holds its pages' files
    judged_terms: tuple[str, ...] = ()  # Hugo: the taxonomies whose every term page fmlint places (``term_pages``)
    judged_lists: tuple[str, ...] = ()  # Hugo: those whose page listing their terms fmlint places
    static_dirs: tuple[ContentDir, ...] = ()  # folders mounted on ``static/`` and ``assets/`` (target: below them)
    cascades: tuple[Cascade, ...] = ()  # the configuration's ``cascade`` entries of drafts and build options
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
    # language's folder lacks is built from the default's file (``i18n_folders``)
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
    # Hugo's ``enableInlineShortcodes`` (or ``security.enableInlineShortcodes``): a page's
    # ``{{< x.inline >}}…{{< /x.inline >}}`` defines a template it may use again; off (the default), Hugo writes
    # nothing for them
    inline_shortcodes: bool = False
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
    missing_pins: tuple[tuple[str, str], ...] = ()  # the version ``go.mod`` requires of each missing module it names
    # the imports not found whose mounts hold no layouts (content a build step writes): no templates are missed
    missing_content_modules: tuple[str, ...] = ()
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

    def permalinks_of(self, language: str) -> tuple[PermalinkRule, ...]:
        """The permalink rules of the pages of ``language``."""
        return self.language_permalinks.get(language, self.permalinks)

    @cached_property
    def every_permalink(self) -> tuple[PermalinkRule, ...]:
        """The permalink rules of every language."""
        return (*self.permalinks, *(rule for rules in self.language_permalinks.values() for rule in rules))

    @cached_property
    def term_page_memo(self) -> dict[tuple[str, str, str], str]:
        """The key of each term page (taxonomy, language, term) worked out (``fmlint.site.term_pages``)."""
        return {}

    @cached_property
    def taxonomy_url_folders(self) -> frozenset[str]:
        """The first folders a ``term`` or ``taxonomy`` permalink writes the pages Hugo makes for taxonomies to
        (blog.ethswarm.org's ``categories = "/c/:title"``), in any language."""
        rules = self.every_permalink
        return written_folders(rules, "term", self.taxonomies) | written_folders(rules, "taxonomy", self.taxonomy_lists)

    def language_prefix(self, language: str) -> str:
        """``/fr`` for a language other than the default, and for the default with ``defaultContentLanguageInSubdir``
        (in a site of one language too: Hugo's ``LanguagePrefix``)."""
        prefix = self._prefixes.get(language)
        if prefix is None:
            default = language == self.default_language
            subdir = self.default_in_subdir if default else self.multilingual
            prefix = self._prefixes[language] = "/" + language if subdir else ""
        return prefix

    @cached_property
    def headless(self) -> tuple[str, ...]:
        """The path globs the configuration's ``cascade`` entries give ``build.render: never`` (fragments meant
        for including, such as ``/**/_includes/**``): a file there is no page."""
        return tuple(entry.path for entry in self.cascades if entry.render == NEVER and entry.path and not entry.kind)

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
            if (index := mkdocs_index_beside(absolute)) and not excluded.match_file(
                posixpath.join(posixpath.dirname(path), index)
            ):
                return f"conflicts with the `{index}` beside it: MkDocs builds no page of it"
            if any(plugin_excludes(pattern, path) for pattern in self.mkdocs_excluded_by_plugin):
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
        :attr:`content_dirs` (of two that make one page, Hugo takes the first): every folder holding it, each
        a page in its language (``content/fds/a.md`` is ``fds``'s page and, through ``content``, the default
        language's: Hugo mounts each language's ``contentDir``), unless a module mount deeper than the
        configured folders holds it, then the mounts; none for a file ``ignoreFiles`` leave out. Worked out
        once per folder unless a mount filters by name or mounts a single file."""
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
        deepest = max(len(found[1].path) for found in configured)
        if any(len(content.path) > deepest for _, content in mounts):
            return mounts
        return sorted(holding)

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


def _starlight_page(root: str, absolute: str) -> bool:
    """Whether a file of a Starlight site is a page: one of its docs folder's pages, or a file outside that folder."""
    from fmlint.site.starlight import docs_path, is_page

    path = docs_path(root, absolute)
    return path is None or is_page(path)


@cache
def _gitignore(lines: tuple[str, ...]) -> Any:
    """A ``pathspec`` matcher of gitignore-style ``lines``, as MkDocs matches ``exclude_docs``."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)

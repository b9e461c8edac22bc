"""The configuration of the generators other than Hugo (Jekyll, Hexo, Astro, Docusaurus, MkDocs, Zola,
VitePress, VuePress, Eleventy, mdBook, GitBook): where their Markdown is, how they make heading IDs,
what they build."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from fmlint.discover import repository_root
from fmlint.regex import lazy_pattern
from fmlint.site.anchors import REMARK_TRIMMED, WITH_CUSTOM_IDS, WRITTEN_DASHES
from fmlint.site.config.loading import lowercased, merged_options, read_options, read_options_as_written, strings
from fmlint.site.config.mkdocs import (
    block_markers,
    defines_markdown_hook,
    exclude_plugin_patterns,
    i18n_folders,
    mkdocs_options,
    named_options,
    nav_includes,
    snippet_folders,
    tabbed_ids,
    toc_ids,
)
from fmlint.site.config.model import ContentDir, SiteConfig
from fmlint.site.config.served import netlify_redirects, own_hosts_of, pages_user_site, url_path
from fmlint.site.hexo import HEXO_IDS, UNKNOWN_IDS, read_hexo
from fmlint.site.multirepo import imported_folders
from fmlint.site.tables import package_dependencies, subtable

if TYPE_CHECKING:  # (the other generators' readers are imported when such a site is read)
    from fmlint.site.jekyll import Default

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


def _kramdown_id_type(options: Any) -> str:
    """A Jekyll site's heading-ID type from its ``kramdown`` options: ``kramdown:PARSER:PREFIX`` (PARSER ``gfm``,
    Jekyll's default input, ``kramdown``, or ``none`` with ``auto_ids: false``; ``auto_id_prefix``)."""
    options = options if isinstance(options, dict) else {}
    parser = "kramdown" if str(options.get("input", "GFM")).lower() == "kramdown" else "gfm"
    if options.get("auto_ids") is False:
        parser = "none"
    return f"kramdown:{parser}:{options.get('auto_id_prefix') or ''}"


# an Astro configuration's ``build.format`` writing a page as a file (``about.html``): ``file`` or ``preserve``
_ASTRO_FILE_FORMAT = lazy_pattern(r"""\bformat\s*:\s*(['"`])(?:file|preserve)\1""")


def other_site(root: str, generator: str, marker: str) -> SiteConfig:
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
        options = mkdocs_options(os.path.join(root, marker))
        folders = (str(options.get("docs_dir") or "docs"),)
        heading_ids = toc_ids(options.get("markdown_extensions"))
        blocks = block_markers(options.get("markdown_extensions"))
        snippets = snippet_folders(root, options.get("markdown_extensions"))
        excluded = options.get("exclude_docs")
        exclude = tuple(excluded.splitlines()) if isinstance(excluded, str) else ()
        by_plugin = exclude_plugin_patterns(options.get("plugins"))
        markdown_hooks = defines_markdown_hook(root, options.get("hooks"))
        tab_ids = tabbed_ids(options.get("markdown_extensions"))
        directory_urls = options.get("use_directory_urls") is not False
        i18n = i18n_folders(root, folders[0], options.get("plugins"))
        imported = imported_folders(named_options(options.get("plugins")).get("multirepo"), options.get("nav"))
        unseen_includes = any(not os.path.isfile(os.path.join(root, path)) for path in nav_includes(options.get("nav")))
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
        book = subtable(read_options(os.path.join(root, marker))[0], "book").get("src")
        folders = (book.strip("/") or "src",) if isinstance(book, str) else folders
    if generator == "gitbook":  # (`.gitbook.yaml`'s `root`)
        pages = read_options(os.path.join(root, marker))[0].get("root")
        folders = (pages.strip().strip("/") or ".",) if isinstance(pages, str) else folders
    hexo = None
    future = pages_projects = False
    if generator == "hexo":
        written, _ = read_options_as_written(os.path.join(root, marker))  # (category_map's names keep their case)
        options = lowercased(written)
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
        included = strings(options.get("include"))
        jekyll_include = tuple(entry.strip("/") for entry in included if entry.strip("/"))
        jekyll_theme = theme_name(options)
        jekyll_exclude = tuple(entry for entry in strings(options.get("exclude")) if entry not in included)
        jekyll_defaults = read_jekyll_defaults(options)
        future = options.get("future") is True
        from fmlint.site.jekyll_plugins import plugin_folders

        plugin_pages = tuple(plugin_folders(root, options))
        # (Jekyll copies `_redirects` where `include` names it; Netlify serves its rules: strimzi.io's old URLs)
        redirects, _ = netlify_redirects(root, [root] if "_redirects" in included else [])
        collections_dir = str(options.get("collections_dir") or "").strip("/")
        heading_ids = _kramdown_id_type(options.get("kramdown"))
        base_path = str(options.get("baseurl") or "").strip("/")
        from fmlint.site.github_pages import implied_baseurl, user_site

        repository = repository_root(root)
        if not base_path:
            base_path = implied_baseurl(root, options, repository)
            base_implied = bool(base_path)
        own = own_hosts_of(options.get("url"))
        own_prefix = url_path(options.get("url")) if own else ""
        pages_projects = pages_user_site(options.get("url")) or user_site(root, options, repository)
        if "jekyll-polyglot" in strings(options.get("plugins")) + strings(options.get("gems")):
            default = str(options.get("default_lang") or "en")
            polyglot = tuple(dict.fromkeys([default, *strings(options.get("languages"))]))
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


def _jekyll_options(root: str, marker: str) -> dict[str, Any]:
    """``_config.yml``'s options, or those of the files the site's build names, each over the ones before
    (``fmlint.site.jekyll.build_configs``)."""
    from fmlint.site.jekyll import build_configs

    options: dict[str, Any] = {}
    for name in build_configs(root) or [marker]:
        options = merged_options(read_options(os.path.join(root, name))[0], options)
    return options

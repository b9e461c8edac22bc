"""A Docusaurus site's content folders and pages' URLs, read from the text of its ``docusaurus.config.*``.

The configuration is JavaScript, so it is not evaluated: comments are blanked
(strings kept), and each content plugin's options object — the classic
preset's ``docs: {…}``, ``blog: {…}``, ``pages: {…}``, or a
``['@docusaurus/plugin-content-docs', {…}]`` instance (or a constant declared
as such an object) — gives its top-level
``path`` and ``routeBasePath``; the site its ``baseUrl`` and ``i18n`` locales.

URLs, as ``docusaurus build`` writes them (checked with Docusaurus 3): a doc's
is ``<baseUrl><routeBasePath>/<slug>``, the slug being its ``slug`` front
matter (from the route base when it starts with ``/``, else from the doc's
folder), or its folder and file name with number prefixes dropped
(``01-intro`` is ``intro``; ``2021-01-01-x`` and ``v1.2-x`` are no prefixes),
``id`` replacing the file name, and an index (``index``, ``README``, or the
folder's own name) being its folder; a blog post's is ``/<slug>``, or
``/YYYY/MM/DD/<name>`` from a dated file or folder name; a page's is its path.
Files whose names start with ``_`` and drafts are not built (a plugin's
``exclude`` globs, when set, say instead which files are not); case and spaces
are kept.  A doc's ID (``pagination_next`` names one) is its folder and its
``id`` or file name, number prefixes dropped.  A versioned docs plugin
(``versions.json``) serves its last version at its route base, the others
under ``/<version>`` (from ``versioned_docs/``)
and its own folder, the current version, under ``/next``; its options
``lastVersion``, ``onlyIncludeVersions``, ``includeCurrentVersion``,
``disableVersioning`` and ``versions.<name>.path`` change which are built and where.  Pages no
content file shows: a TypeDoc API plugin's (under its ``routeBasePath``), generated-index categories
(of the sidebars files and of ``_category_`` files), and the routes of JavaScript pages and of plugins
that ``addRoute``.
"""

from __future__ import annotations

import glob
import json
import os
import posixpath
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import msgspec

from fmlint.js_text import (
    constant_object,
    module_file,
    module_text,
    object_end,
    object_keys,
    top_level_boolean,
    top_level_string,
    top_level_strings,
    top_level_value,
    without_comments,
)
from fmlint.mdx import imported_modules
from fmlint.regex import lazy_pattern
from fmlint.site.files import read_text
from fmlint.site.globs import picomatch
from fmlint.site.hugo_paths import link_path, under_base
from fmlint.site.routes import file_routes, matches
from fmlint.site.tables import package_dependencies

# where Docusaurus's content plugins take their options: the classic preset's `docs: {`/`blog: {`/`pages: {`,
# or a plugin's `['@docusaurus/plugin-content-docs', {`
# (a key may be written as a string: pnpm.io's `"docs": {"path": "docs"}`)
_PLUGIN_OPTIONS = lazy_pattern(
    r"""(?<![\w$.])(?P<q>['"]?)(?P<key>docs|blog|pages)(?P=q)\s*:\s*(?P<options>\{|false\b)"""
    # (a plugin's name in full or in Docusaurus's shorthand: `'content-docs'`)
    r"""|['"](?:@docusaurus/plugin-)?content-(?P<plugin>docs|blog|pages)['"]\s*,\s*"""
    r"""(?P<plugin_options>\{|false\b|[A-Za-z_$][\w$]*)"""
)
_BASE_URL = lazy_pattern(
    r"""(?<![\w$.])(['"]?)baseUrl\1\s*:\s*(?:(['"`])(?P<value>[^'"`]*)\2|(?P<name>[A-Za-z_$][\w$]*)\s*[,}\n])"""
)
_LOCALES = lazy_pattern(r"""(?<![\w$.])(['"]?)locales\1\s*:\s*\[(?P<value>[^\]]*)\]""")
_DEFAULT_LOCALE = lazy_pattern(r"""(?<![\w$.])(['"]?)defaultLocale\1\s*:\s*(['"`])(?P<value>[^'"`]*)\2""")
_TRAILING_SLASH = lazy_pattern(r"""(?<![\w$.])(['"]?)trailingSlash\1\s*:\s*(?P<value>true|false)\b""")
_LOCALE_CONFIGS = lazy_pattern(r"""(?<![\w$.])(['"]?)localeConfigs\1\s*:\s*\{""")
_STRING = lazy_pattern(r"""(['"`])([^'"`]*)\1""")
_ROUTES = {"docs": "docs", "blog": "blog", "pages": ""}
_NUMBER_PREFIX = lazy_pattern(r"(\d+)\s*[-_.]+\s*([^-_.\s].*)")
_NOT_A_PREFIX = lazy_pattern(r"\d+[-_.]\d+")  # a date or a version (`2021-01-01-x`, `1.2-x`)
_BLOG_PAGES = ("page", "tags", "archive", "authors")
_JAVASCRIPT_PAGES = (".js", ".jsx", ".ts", ".tsx")
_DATED = lazy_pattern(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})[-/]?(.*)")


class ContentPlugin(msgspec.Struct, frozen=True):
    kind: str  # "docs", "blog" or "pages"
    folder: str  # as configured, from the site's folder (``../docs``)
    route: str  # its ``routeBasePath`` without slashes at its ends ("" at the site's root)
    number_prefixes: bool = True  # ``01-intro`` is ``intro`` (``numberPrefixParser: false`` keeps the prefix)
    # its folder in each locale's ``i18n/<locale>/`` (``docusaurus-plugin-content-docs/current``)
    translations: str = ""
    locale: str = ""  # a locale's translations of another plugin's files ("": the default locale's files)
    # a blog's authors map (the file read, from the site's folder: ``authorsMapPath`` in the locale's folder of
    # translations, else in the blog's; the blog's when there is none) and its keys; no keys: none could be loaded
    authors_map: str = ""
    authors: tuple[str, ...] = ()
    # its ``exclude`` globs (picomatch's, from its folder), which replace Docusaurus's default (``None``: files
    # and folders whose names start with ``_``); ionic-docs' ``exclude: ['README.md']``
    exclude: tuple[str, ...] | None = None

    def excludes(self, path: str) -> bool:
        """Whether the plugin's ``exclude`` globs name the file at ``path`` (``/``-separated, in its folder)."""
        return any(picomatch(glob).fullmatch(path) for glob in self.exclude or ())


class Docusaurus(msgspec.Struct, frozen=True):
    base: str = ""  # ``baseUrl`` without its trailing slash
    plugins: tuple[ContentPlugin, ...] = ()
    locales: tuple[str, ...] = ()  # those other than the default: each serves every page under its prefix
    routes: tuple[str, ...] = ()  # the JavaScript pages of the pages plugins' folders (``fmlint.site.routes``)
    # ``markdown.format``: "mdx" (Docusaurus 3's default: a .md file is MDX too), "detect" (.md is CommonMark), "md"
    markdown_format: str = "mdx"
    trailing_slash: bool | None = None  # ``trailingSlash``: whether a page's URL ends with ``/`` (``None``: unset)
    # the ``slug``s of the sidebars' generated-index categories (``link: {type: 'generated-index', slug: 'x'}``),
    # without slashes at their ends: pages each docs plugin makes at its route
    category_slugs: tuple[str, ...] = ()
    # a Redoc package is a dependency (``redocusaurus``, ``docusaurus-theme-redoc``, ``redoc``): its component
    # writes an OpenAPI reference in the browser, with IDs of its own (``#operation/updateProject``: ory's docs)
    redoc: bool = False
    # the routes of content plugins whose configured ``path`` is not there (a git submodule not checked out:
    # openfeature.dev's ``external-content/specification``; a folder a script fills), and of a plugin's versions
    # whose folder is a link to a folder not there: pages fmlint cannot see
    unseen: tuple[str, ...] = ()
    # the components a swizzled ``@theme/MDXComponents`` gives every page, of those it imports from the project's
    # files: (name, path from the site's folder as ``@site/…``) (cypress' ``<HeaderRequirements />``, a partial)
    components: tuple[tuple[str, str], ...] = ()
    # the `@name` strings of the configuration (``_PLACEHOLDER``): a link led by one is rewritten by the site's
    # own plugin (openziti's `[x](@openzitidocs/reference/…)`), not judged
    placeholders: tuple[str, ...] = ()

    def generated(self, path: str) -> bool:
        """Whether ``path`` (no base, no locale) is a page the plugins make, not a file: a blog's index, its
        archive, pages, tags and authors; the docs' tags and generated category indexes; the search page; a
        route of a JavaScript page; or a page under the route of a plugin whose folder is not there."""
        stripped = path.strip("/")
        if matches(self.routes, path) or stripped == "search":
            return True
        if any(stripped == route or stripped.startswith(route + "/") for route in self.unseen):
            return True
        for plugin in self.plugins:
            rest = stripped
            if plugin.route:
                if rest != plugin.route and not rest.startswith(plugin.route + "/"):
                    continue
                rest = rest[len(plugin.route) :].strip("/")
            first = rest.split("/", 1)[0]
            if plugin.kind == "blog" and (not rest or first in _BLOG_PAGES):
                return True
            if plugin.kind == "docs" and (first in ("tags", "category") or rest in self.category_slugs):
                return True
        return False

    def untranslated(self, root: str, absolute: str) -> str:
        """The file (from the site's folder ``root``) that a locale's file at ``absolute`` translates, when it is
        not there ("" otherwise): Docusaurus makes its pages of the default locale's files, and takes a
        locale's file only as the translation of one (checked with a build: no page of a locale's own file)."""
        for plugin in self.plugins:
            folder = os.path.join(root, plugin.folder, "")
            if plugin.locale and absolute.startswith(folder):
                source = self.plugin_in(plugin.translations, "")
                if source is None:
                    return ""
                original = posixpath.join(source.folder, absolute[len(folder) :].replace(os.sep, "/"))
                return "" if os.path.isfile(os.path.join(root, original)) else original
        return ""

    def excluded(self, root: str, absolute: str) -> bool:
        """Whether its content plugin's ``exclude`` globs leave the file at ``absolute`` out of its pages
        (openebs' docs leave ``stateful-applications/**`` out, orphans whose links are broken: ~950 false
        findings). A partial (``_``-named) an ``exclude`` also names stays content: pages show it."""
        if os.path.basename(absolute).startswith("_"):
            return False
        for plugin in self.plugins:
            folder = os.path.join(root, plugin.folder, "")
            if plugin.exclude and absolute.startswith(folder):
                return plugin.excludes(absolute[len(folder) :].replace(os.sep, "/"))
        return False

    def plugin_in(self, translations: str, locale: str) -> ContentPlugin | None:
        """The content plugin (a docs version) whose folder of translations is ``translations``, as ``locale``
        builds it ("": the default locale's files; a blog's authors map may be the locale's own), where the
        locale has a folder of its translations."""
        return next((p for p in self.plugins if p.locale == locale and p.translations == translations), None)

    def page_paths(self, link: str) -> str | None:
        """A root-relative link's path without the base and a locale's prefix (``None`` outside the base)."""
        path = under_base(link_path(link), self.base)
        if path is None:
            return None
        first, _, rest = path.strip("/").partition("/")
        return "/" + rest if first in self.locales else path

    def files_at(self, path: str) -> list[str]:
        """The files of the default locale's content plugins (from the site's folder) that would be the page at
        ``path`` (no base, no locale): the path under each plugin's route, as a Markdown file or a folder's
        index (number prefixes, slugs and IDs aside: a build step writes files at their URLs' paths)."""
        rest = path.strip("/")
        found = []
        for plugin in self.plugins:
            under = not plugin.route or rest == plugin.route or rest.startswith(plugin.route + "/")
            if plugin.locale or plugin.kind == "pages" or not under:
                continue
            name = posixpath.join(plugin.folder, rest[len(plugin.route) :].strip("/"))
            found += [base + extension for base in (name, name + "/index") for extension in (".md", ".mdx")]
        return found

    def page_urls(self, link: str, locale: str = "") -> list[str]:
        """The URLs of the pages a root-relative link (written in a page of ``locale``; "" for the default one)
        may name, in order: a locale's translated page (Docusaurus's links get the locale's prefix, as its
        ``baseUrl``), then the default locale's page, which each locale shows where it has no translation."""
        path = self.page_paths(link)
        if path is None:
            return []
        written = under_base(link_path(link), self.base) or path
        first = written.strip("/").split("/", 1)[0]
        translated = written if first in self.locales else f"/{locale}{path}" if locale in self.locales else None
        return [self.base + url for url in (translated, path) if url is not None]


# a configuration that hands over to a module of its own (buck2's `const { config } = require('./config_impl.ts')`)
_HANDED_OVER = lazy_pattern(r"""(?:\brequire\(\s*|\bfrom\s+)(["'])(\.\.?/[^"'\n]+)\1""")


# a plugin of the site's own (`['./plugins/blog-plugin', {…}]`), and the official content plugin its module loads
# to extend (apache/answer-website's `require("@docusaurus/plugin-content-blog")`; not a type alone it imports)
_LOCAL_PLUGIN = lazy_pattern(r"""(\[\s*)(["'])(\.\.?/[^"'\n]+)\2(\s*,)""")
_EXTENDED = lazy_pattern(
    r"""(?:\brequire\(\s*|\bimport\s+(?!type\b)[^;]*?\bfrom\s+)(["'])@docusaurus/plugin-content-(docs|blog|pages)\1"""
)


def _local_plugins(text: str, folder: str) -> str:
    """``text`` with each plugin of the site's own that extends a content plugin named as that plugin, so that its
    options (and its default folder and route) are read as the content plugin's."""

    def named(found: re.Match[str]) -> str:
        extended = _EXTENDED.search(module_text(os.path.normpath(os.path.join(folder, found.group(3)))))
        if extended is None:
            return found.group(0)
        return f"{found.group(1)}'@docusaurus/plugin-content-{extended.group(2)}'{found.group(4)}"

    return _LOCAL_PLUGIN.sub(named, text) if "./" in text else text


def _config_text(config: str, seen: frozenset[str] = frozenset()) -> str | None:
    """The configuration's text, comments blanked, or, where it sets no content plugin's options but takes its
    configuration from a relative module (not one ``seen`` already), that module's (``None``: the file cannot be
    read)."""
    try:
        with open(config, encoding="utf-8") as handle:
            text = without_comments(handle.read())
    except (OSError, UnicodeDecodeError):
        return None
    if _PLUGIN_OPTIONS.search(text) is None and (found := _HANDED_OVER.search(text)) is not None:
        module = module_file(os.path.normpath(os.path.join(os.path.dirname(config), found.group(2))))
        if module is not None and module != config and module not in seen:
            return _config_text(module, seen | {config})
    return _local_plugins(text, os.path.dirname(config))


def read_docusaurus(config: str, defaults: tuple[str, ...]) -> tuple[tuple[str, ...], Docusaurus]:
    """The content folders a ``docusaurus.config.js|ts`` sets (each content plugin's ``path`` option: Redux's
    docs are ``'../docs'``; a plugin without one keeps its default folder, ``false`` turns it off), and the
    options its URLs depend on. Without a readable configuration, ``defaults``."""
    text = _config_text(config)
    if text is None:
        return defaults, Docusaurus()
    named = dict(zip(("docs", "blog", "pages"), defaults, strict=True))
    root = os.path.dirname(config)
    # each plugin, its versions, and whether it is named as a plugin (`['@docusaurus/plugin-content-blog', {…}]`)
    plugins: list[tuple[ContentPlugin, _Versioning, bool]] = []
    unseen: list[str] = []
    mentioned: set[str] = set()
    off: set[str] = set()
    theme = _objects(text, _THEME_CONFIG)  # (its key's value, or a constant of that name)
    for match in _PLUGIN_OPTIONS.finditer(text):
        if _inside(match.start(), theme):
            continue  # (the theme's `docs: {sidebar: …}` is no plugin's options)
        kind, options = match.group("key", "options") if match.group("key") else match.group("plugin", "plugin_options")
        start = match.end() - 1 if options == "{" else constant_object(text, options) if options != "false" else -1
        if start is None:
            continue  # (options this reading cannot find: the plugin's default folder stays)
        mentioned.add(kind)
        if options == "false":
            off.add(kind)
        else:  # (each instance of a plugin has its folder)
            configured = top_level_string(text, start, "path")
            folder = configured or named[kind]
            route = top_level_string(text, start, "routeBasePath")
            parser = top_level_boolean(text, start, "numberPrefixParser")
            versioning = _versioning(text, start)
            route = (_ROUTES[kind] if route is None else route).strip("/")
            if configured and route and not os.path.isdir(os.path.join(root, configured)):
                unseen.append(route)  # (not at the site's root: every link would go unjudged)
            plugin = ContentPlugin(kind, folder, route, parser is not False, _translations(kind, versioning.plugin_id))
            if (exclude := top_level_strings(text, start, "exclude")) is not None:
                plugin = msgspec.structs.replace(plugin, exclude=tuple(exclude))
            if kind == "blog":
                plugin = msgspec.structs.replace(
                    plugin, authors_map=top_level_string(text, start, "authorsMapPath") or ""
                )
            plugins.append((plugin, versioning, not match.group("key")))
    defaults_kept = [
        ContentPlugin(kind, folder, _ROUTES[kind], translations=_translations(kind, "default"))
        for kind, folder in named.items()
        if kind not in mentioned
    ]
    plugins += [(plugin, _Versioning(), False) for plugin in defaults_kept]
    versioned = []
    off_folders = {named[kind] for kind in off}
    for plugin, versioning, instance in plugins:
        if plugin.folder in off_folders and not instance:  # (answer's own blog plugin is at `blog`)
            continue
        for expanded in _with_versions(root, plugin, versioning):
            folder = os.path.join(root, expanded.folder)
            # (a `docs: {…}` that is no plugin's, such as the theme's `docs: {sidebar: …}`, names a default folder
            # that is not there; a link to a folder that is not there is a git submodule not checked out:
            # opentofu.org's `docs` and `versioned_docs/version-v1.7` link into `opentofu-repo/<version>/`)
            if os.path.isdir(folder):
                versioned.append(expanded)
            elif os.path.islink(folder) and expanded.route:
                unseen.append(expanded.route)
    unseen += _plugin_routes(text)
    # (the site's `baseUrl`, not a locale's in `i18n.localeConfigs`: pnpm.io's `{en: {baseUrl: '/en/'}}`)
    locale_configs = _objects(text, _LOCALE_CONFIGS)
    base = next((found for found in _BASE_URL.finditer(text) if not _inside(found.start(), locale_configs)), None)
    default = _DEFAULT_LOCALE.search(text)
    locales = _LOCALES.search(text)
    others = [found.group(2) for found in _STRING.finditer(locales.group("value"))] if locales is not None else []
    others = [locale for locale in others if default is None or locale != default.group("value")]
    routes = (
        [
            route
            for plugin in versioned
            if plugin.kind == "pages"
            for route, _ in file_routes(os.path.join(root, plugin.folder), _JAVASCRIPT_PAGES)
        ]
        + _added_routes(root, text)
        + _redirect_sources(text)
    )
    default_locale = default.group("value") if default is not None else "en"
    versioned = [
        _with_authors(root, plugin, default_locale, plugin.folder) for plugin in versioned
    ] + [  # each locale's translations (i18n/<locale>/…), where it has a folder of them
        _with_authors(root, msgspec.structs.replace(plugin, folder=folder, locale=locale), locale, plugin.folder)
        for locale in others
        for plugin in versioned
        if os.path.isdir(os.path.join(root, folder := f"i18n/{locale}/{plugin.translations}"))
    ]
    site = Docusaurus(
        base=_base_url(text, base).rstrip("/") if base is not None else "",
        plugins=tuple(versioned),
        locales=tuple(others),
        routes=tuple(routes),
        markdown_format=_markdown_format(text),
        trailing_slash=None if (slash := _TRAILING_SLASH.search(text)) is None else slash.group("value") == "true",
        category_slugs=_category_slugs(root, [plugin.folder for plugin in versioned if plugin.kind == "docs"]),
        redoc=_depends_on_redoc(root),
        unseen=tuple(unseen),
        components=_global_components(root),
        placeholders=tuple(sorted(set(_PLACEHOLDER.findall(text)))),
    )
    return tuple(dict.fromkeys(plugin.folder for plugin in versioned)), site


# a string of the configuration that is one `@name` (not a module's `@scope/name`): a token its own remark
# plugin replaces in links (openziti's `{from: '@openzitidocs', to: docsBase}`)
_PLACEHOLDER = lazy_pattern(r"""["'`](@[\w-]+)["'`]""")


_MDX_COMPONENTS = tuple(
    os.path.join("src", "theme", *name)
    for extension in (".js", ".jsx", ".ts", ".tsx")
    for name in (("MDXComponents" + extension,), ("MDXComponents", "index" + extension))
)


def _global_components(root: str) -> tuple[tuple[str, str], ...]:
    """The components the site's swizzled ``MDXComponents`` module imports from its files and names again (in
    the map it exports): a page shows them without importing them."""
    for name in _MDX_COMPONENTS:
        try:
            with open(os.path.join(root, name), encoding="utf-8") as handle:
                text = without_comments(handle.read())
        except (OSError, UnicodeDecodeError):
            continue
        folder = os.path.dirname(name).replace(os.sep, "/")
        return tuple(
            (component, path if path.startswith("@site/") else "@site/" + posixpath.normpath(f"{folder}/{path}"))
            for component, path in imported_modules(text).items()
            if len(re.findall(rf"(?<![\w$]){re.escape(component)}(?![\w$])", text)) > 1
        )
    return ()


# a plugin's `actions.addRoute({path: '/plugins', …})`: the path, quoted, or a template's literal start (after
# the site's base URL, `${context.baseUrl}`, which ends with a slash)
_ADD_ROUTE = lazy_pattern(
    r"""\baddRoute\s*\(\s*\{[^{}]*?\bpath\s*:\s*"""
    r"""(?:(['"])([^'"\n]*)\1|`(\$\{\s*[\w$.]*\bbaseUrl\s*\})?([^`$\n]*)(\$\{)?)"""
)
_PLUGIN_FOLDERS = ("plugins", os.path.join("src", "plugins"))  # where sites keep their own plugins
_SCRIPTS = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx")


def _added_routes(root: str, config: str) -> list[str]:
    """The routes (:func:`fmlint.site.routes.route_pattern`'s form) that the site's own plugins add, in its
    configuration or in the scripts of its ``plugins/`` and ``src/plugins/`` folders: woodpecker-ci.org's
    ``addRoute({path: '/plugins'})`` and ``path: `/plugins/${plugin.slug}``` (any path below), babel's
    ``/repl/``, electron's ``/apps``, jhipster.tech's ``path: `${context.baseUrl}modules/marketplace/details/${x}```."""
    texts = [config]
    for folder in _PLUGIN_FOLDERS:
        for top, dirs, files in os.walk(os.path.join(root, folder)):
            dirs[:] = [name for name in dirs if name not in ("node_modules", "dist", "build") and name[0] != "."]
            for name in files:
                if name.endswith(_SCRIPTS) and not name.endswith(".d.ts"):
                    _, script = read_text(os.path.join(top, name))  # ("" when it cannot be read as UTF-8)
                    if "addRoute" in script:
                        texts.append(without_comments(script))
    routes = []
    for text in texts:
        for found in _ADD_ROUTE.finditer(text):
            path = (found.group(2) if found.group(1) else found.group(4)).strip()
            if found.group(3):  # (jhipster.tech's `${context.baseUrl}modules/marketplace/details/${name}`)
                path = "/" + path.lstrip("/")
            if not path.startswith("/"):
                continue  # (`${prefix}x`: a path this reading cannot place)
            if found.group(5):  # (a template: any path its literal start begins)
                routes.append(re.escape(path) + ".+")
            else:
                routes.append(re.escape("/" + path.strip("/")) if path.strip("/") else "")
    return routes


# a plugin that makes pages of its own (not of content files) under a route: TypeDoc's API reference
# (`['@apify/docusaurus-plugin-typedoc-api', options]`, at `routeBasePath`, "api" by default)
_ROUTE_PLUGIN = lazy_pattern(
    r"""['"](?:@[\w.-]+/)?docusaurus-plugin-typedoc-api['"]\s*(?:,\s*(?P<options>\{|[A-Za-z_$][\w$]*))?"""
)


# `['@docusaurus/plugin-client-redirects', {redirects: [{from: '/old', to: '/new'}]}]` (or its shorthand name)
_CLIENT_REDIRECTS = lazy_pattern(
    r"""['"](?:@docusaurus/plugin-)?client-redirects['"]\s*,\s*(?P<options>\{|[A-Za-z_$][\w$]*)"""
)
_FROM = lazy_pattern(r"""\bfrom\s*:\s*(?:(['"])([^'"\n]*)\1|\[([^\]]*)\])""")


def _redirect_sources(text: str) -> list[str]:
    """The routes (:func:`fmlint.site.routes.route_pattern`'s form) of the redirect pages that the client
    redirects plugin of the configuration ``text`` writes: each ``from`` of its options' ``redirects`` (from
    the site's base URL; openebs' `/introduction/usecases`). Those a ``createRedirects`` function makes are not
    known."""
    routes = []
    for found in _CLIENT_REDIRECTS.finditer(text):
        options = found.group("options")
        start = found.end() - 1 if options == "{" else constant_object(text, options)
        end = object_end(text, start) if start is not None else None
        for source in _FROM.finditer(text, start or 0, end or 0):
            paths = [source.group(2)] if source.group(1) else [s.group(2) for s in _STRING.finditer(source.group(3))]
            routes += [re.escape("/" + path.strip("/")) if path.strip("/") else "" for path in paths]
    return routes


def _plugin_routes(text: str) -> list[str]:
    """The routes of the plugins of the configuration ``text`` that make pages of their own (mikro-orm's API
    reference at ``/api``: 276 links to its pages)."""
    routes = []
    for found in _ROUTE_PLUGIN.finditer(text):
        options = found.group("options")
        start = found.end() - 1 if options == "{" else constant_object(text, options) if options else None
        route = top_level_string(text, start, "routeBasePath") if start is not None else None
        routes.append((route if route is not None else "api").strip("/"))
    return routes


def _category_slugs(root: str, docs: list[str]) -> tuple[str, ...]:
    """The slugs of the generated-index categories of the sidebars files in the site's folder (``sidebars*.js``,
    ``.ts``, ``.json``; ``versioned_sidebars/*.json``): ory's ``{type: "category", link: {type: "generated-index",
    slug: "polis/directory-sync/providers"}}`` makes ``/docs/polis/directory-sync/providers``; and of the
    ``_category_.json``/``.yml`` files of the ``docs`` folders, which autogenerated sidebars read (kairos'
    ``docs/examples/_category_.json``, ``slug: /examples``)."""
    slugs = [slug for folder in docs for slug in _category_file_slugs(os.path.join(root, folder))]
    for path in sorted(glob.glob(os.path.join(glob.escape(root), "sidebars*.*"))) + sorted(
        glob.glob(os.path.join(glob.escape(root), "versioned_sidebars", "*.json"))
    ):
        try:
            with open(path, encoding="utf-8") as handle:
                text = without_comments(handle.read())
        except (OSError, UnicodeDecodeError):
            continue
        for link in _CATEGORY_LINK.finditer(text):
            if "generated-index" in link.group(2) and (slug := _SLUG.search(link.group(2))) is not None:
                slugs.append(slug.group(2).strip("/"))
    return tuple(sorted(set(slugs)))


def _category_file_slugs(folder: str) -> Iterator[str]:
    """The slugs of the generated-index categories the ``_category_`` files under ``folder`` declare."""
    for where, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if name != "node_modules" and not name.startswith(".")]
        for name in files:
            if name in ("_category_.json", "_category_.yml", "_category_.yaml"):
                try:
                    with open(os.path.join(where, name), "rb") as handle:
                        loaded = _yaml_data(handle.read())
                except OSError:
                    continue
                link = loaded.get("link") if isinstance(loaded, dict) else None
                slug = link.get("slug") if isinstance(link, dict) and link.get("type") == "generated-index" else None
                if isinstance(slug, str) and slug.strip("/"):
                    yield slug.strip("/")


def _depends_on_redoc(root: str) -> bool:
    """Whether the ``package.json`` in the site's folder depends on a Redoc package."""
    return any(_REDOC_PACKAGE.search(name) for name in package_dependencies(root))


_REDOC_PACKAGE = lazy_pattern(r"(?:^|[/-])redoc(?:usaurus)?$")


_CATEGORY_LINK = lazy_pattern(r"""(?<![\w$.])(['"]?)link\1\s*:\s*\{([^{}]*)\}""")
_SLUG = lazy_pattern(r"""(?<![\w$.])['"]?slug['"]?\s*:\s*(['"`])([^'"`]*)\1""")


_MARKDOWN_OPTIONS = lazy_pattern(r"(?<![\w$.])markdown\s*:\s*\{")


def _markdown_format(text: str) -> str:
    """The site's ``markdown: {format: …}`` (``mdx`` when it sets none)."""
    found = _MARKDOWN_OPTIONS.search(text)
    value = top_level_string(text, found.end() - 1, "format") if found is not None else None
    return value if value in ("mdx", "md", "detect") else "mdx"


_THEME_CONFIG = lazy_pattern(r"(?<![\w$.])themeConfig\s*(?::[^={]*)?[:=]\s*\(?\s*\{")  # (Jest's is `({…})`)


def _objects(text: str, opening: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the object literals are that ``opening`` finds the ``{`` of (at the end of its match)."""
    spans = []
    for found in opening.finditer(text):
        end = object_end(text, found.end() - 1)
        if end is not None:
            spans.append((found.end() - 1, end))
    return spans


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < at < end for start, end in spans)


class _Versioning(NamedTuple):
    """A docs plugin's options that its versions depend on."""

    plugin_id: str = "default"  # ``id``
    last: str | None = None  # ``lastVersion``
    include_current: bool = True  # ``includeCurrentVersion``
    disabled: bool = False  # ``disableVersioning``
    only: tuple[str, ...] | None = None  # ``onlyIncludeVersions``
    paths: tuple[tuple[str, str], ...] = ()  # ``versions: {<name>: {path}}``
    # the ``path`` of ``versions: {[name]: {path}}`` where ``lastVersion: name`` (a constant: kairos' docs compute
    # the newest of versions.json), which is then taken for the default, versions.json's first (``_ITS_NAME``:
    # ``path: name``)
    last_path: str | None = None


def _versioning(text: str, start: int) -> _Versioning:
    """The versioning options of the plugin options' object literal opening at ``start`` (each as written
    literally; an expression keeps the option's default)."""
    only = top_level_strings(text, start, "onlyIncludeVersions")
    versions = top_level_value(text, start, "versions")
    if versions is not None and not text.startswith("{", versions):
        found = _NAME.match(text, versions)  # (a constant declared in the file)
        versions = constant_object(text, found.group()) if found is not None else None
    paths = []
    last_path = None
    if versions is not None:
        for name in object_keys(text, versions):
            options = top_level_value(text, versions, name)
            found_path = None
            if options is not None and text.startswith("{", options):
                found_path = top_level_string(text, options, "path")
            if found_path is not None:
                paths.append((name, found_path))
        last = top_level_value(text, start, "lastVersion")
        named = _NAME.match(text, last) if last is not None else None
        if named is not None and (computed := _computed_key(text, versions, named.group())) is not None:
            last_path = top_level_string(text, computed, "path")
            value = top_level_value(text, computed, "path")
            if last_path is None and value is not None and text.startswith(named.group(), value):
                last_path = _ITS_NAME  # (`path: latestVersion`: the version's name)
    return _Versioning(
        top_level_string(text, start, "id") or "default",
        top_level_string(text, start, "lastVersion"),
        top_level_boolean(text, start, "includeCurrentVersion") is not False,
        top_level_boolean(text, start, "disableVersioning") is True,
        tuple(only) if only is not None else None,
        tuple(paths),
        last_path,
    )


def _computed_key(text: str, start: int, name: str) -> int | None:
    """Where the object literal that the computed key ``[name]`` of the object opening at ``start`` holds
    opens (``{[latestVersion]: {path: …}}``); ``None`` without one."""
    end = object_end(text, start)
    found = re.compile(rf"\[\s*{re.escape(name)}\s*\]\s*:\s*\{{").search(text, start, end or len(text))
    return found.end() - 1 if found is not None else None


def _with_versions(root: str, plugin: ContentPlugin, versioning: _Versioning) -> list[ContentPlugin]:
    """A docs plugin as one plugin for each version it builds (``readVersionsMetadata``): the versions of
    ``versions.json`` (``<id>_versions.json`` for another instance) from ``versioned_docs/version-<name>``,
    and the current one from the plugin's own folder (unless ``includeCurrentVersion: false``), those of
    ``onlyIncludeVersions``.  Each is under its ``versions.<name>.path`` when set; else the last one (the
    newest, or ``lastVersion``) at the route base, the current one under ``/next``, another under
    ``/<name>``."""
    if plugin.kind != "docs":
        return [plugin]
    prefix = "" if versioning.plugin_id == "default" else f"{versioning.plugin_id}_"
    names = [] if versioning.disabled else _versions(os.path.join(root, f"{prefix}versions.json"))
    if versioning.include_current and _CURRENT not in names:
        names.insert(0, _CURRENT)
    if versioning.only is not None:
        names = [name for name in names if name in versioning.only]
    last = versioning.last or next((name for name in names if name != _CURRENT), _CURRENT)
    paths = dict(versioning.paths)
    if versioning.last_path is not None:
        paths[last] = last if versioning.last_path == _ITS_NAME else versioning.last_path

    def route(name: str) -> str:
        part = paths.get(name, "" if name == last else "next" if name == _CURRENT else name)
        return "/".join(step for step in (plugin.route, part.strip("/")) if step)

    def folder(name: str) -> str:
        return plugin.folder if name == _CURRENT else f"{prefix}versioned_docs/version-{name}"

    def translations(name: str) -> str:
        return f"{plugin.translations}/{'current' if name == _CURRENT else f'version-{name}'}"

    return [
        msgspec.structs.replace(plugin, folder=folder(name), route=route(name), translations=translations(name))
        for name in names
    ]


def _with_authors(root: str, plugin: ContentPlugin, locale: str, blog: str) -> ContentPlugin:
    """A blog plugin (any other as it is) with its authors map in ``locale`` and the map's keys, as
    ``getAuthorsMap`` loads them: ``authorsMapPath`` (the plugin's ``authors_map`` until then; ``authors.yml`` by
    default) in the locale's folder of translations (``i18n/<locale>/docusaurus-plugin-content-blog``) first,
    then in the blog's folder ``blog``; a YAML or JSON object keyed by author."""
    if plugin.kind != "blog":
        return plugin
    name = plugin.authors_map or "authors.yml"
    localized = f"i18n/{locale}/{plugin.translations}"
    for folder in dict.fromkeys((localized, blog)):
        path = posixpath.normpath(posixpath.join(folder, name))
        try:
            with open(os.path.join(root, *path.split("/")), "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        return msgspec.structs.replace(plugin, authors_map=path, authors=_map_keys(data))
    return msgspec.structs.replace(plugin, authors_map=posixpath.normpath(posixpath.join(blog, name)), authors=())


@lru_cache(maxsize=64)
def _map_keys(data: bytes) -> tuple[str, ...]:
    """The keys of an authors map (YAML, or JSON: JSON is YAML too), read once however many locales fall back
    to it (helm.sh's 3 KB map, read for each of its 12 locales, took ~0.14 s of every run with PyYAML's
    parser in Python; libyaml's, which PyYAML's wheels carry, is ~8 times as fast)."""
    loaded = _yaml_data(data)
    return tuple(str(key) for key in loaded) if isinstance(loaded, dict) else ()


def _yaml_data(data: bytes) -> object:
    """The data of a YAML (or JSON) file; ``None`` when it cannot be read."""
    import yaml

    try:
        return yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # (a safe loader)
    except (yaml.YAMLError, ValueError):
        return None


def _translations(kind: str, plugin_id: str) -> str:
    """A content plugin's folder of translations in ``i18n/<locale>/`` (a docs plugin's: of its versions)."""
    return f"docusaurus-plugin-content-{kind}" + ("" if plugin_id == "default" else f"-{plugin_id}")


_CURRENT = "current"
_ITS_NAME = "\0"  # a version's path that is its name
_NAME = lazy_pattern(r"[A-Za-z_$][\w$]*")


def _versions(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
    except (OSError, ValueError):
        return []
    return [version for version in found if isinstance(version, str)] if isinstance(found, list) else []


def _base_url(text: str, found: re.Match[str]) -> str:
    """The ``baseUrl`` written as a string, or as the name of a constant declared as one (vcluster's docs:
    ``const __webpack_public_path__ = "/docs/"``; 1,087 links under `/docs/` had been read from the root)."""
    if found.group("name") is None:
        return found.group("value")
    constant = re.search(
        rf"""(?<![\w$.])(?:const|let|var)\s+{re.escape(found.group("name"))}\s*=\s*(['"`])([^'"`$]*)\1""", text
    )
    return constant.group(2) if constant is not None else ""


def page_url(site: Docusaurus, plugin: ContentPlugin, path: str, slug: str | None, doc_id: str | None) -> str:
    """The URL of the file at ``path`` (``/``-separated, in the plugin's folder) with its ``slug`` and ``id``
    front-matter values; "" for a file that is no page (excluded: by default, its name starts with ``_``)."""
    folder, _, name = path.rpartition("/")
    stem = posixpath.splitext(name)[0]
    if plugin.exclude is not None:
        if plugin.excludes(path):
            return ""
    elif name.startswith("_") or any(part.startswith("_") for part in folder.split("/") if part):
        return ""
    if plugin.kind == "pages":
        route = folder if stem == "index" else posixpath.join(folder, stem)
    elif plugin.kind == "blog":
        route = _blog_route(folder, stem, slug)
    else:
        route = _doc_route(folder, stem, slug, doc_id, plugin.number_prefixes)
    parts = (site.base.strip("/"), plugin.locale, plugin.route, route.strip("/"))
    return "/" + "/".join(part for part in parts if part)


def doc_id(plugin: ContentPlugin, path: str, front_matter_id: str | None) -> str:
    """The ID of the doc at ``path`` (``/``-separated, in the plugin's folder), as ``pagination_next`` names it:
    its folder and its ``id`` or file name, number prefixes dropped (``01-guides/02-setup.md``: ``guides/setup``)."""
    folder, _, name = path.rpartition("/")
    unprefixed = _unprefixed if plugin.number_prefixes else str
    parts = [unprefixed(part) for part in folder.split("/") if part]
    return "/".join([*parts, front_matter_id or unprefixed(posixpath.splitext(name)[0])])


def _doc_route(folder: str, stem: str, slug: str | None, doc_id: str | None, prefixes: bool = True) -> str:
    unprefixed = _unprefixed if prefixes else str
    parts = [unprefixed(part) for part in folder.split("/") if part]
    if slug is not None and slug.strip():
        return slug if slug.startswith("/") else posixpath.join(*parts, slug) if parts else slug
    last = folder.rsplit("/", 1)[-1]
    if stem.lower() in ("index", "readme") or (last and stem == last):  # a category index, whatever its `id`
        return "/".join(parts)
    return "/".join([*parts, doc_id.rsplit("/", 1)[-1] if doc_id else unprefixed(stem)])


def _blog_route(folder: str, stem: str, slug: str | None) -> str:
    if slug is not None and slug.strip():
        return slug
    name = folder if stem == "index" else posixpath.join(folder, stem)
    dated = _DATED.fullmatch(name)
    if dated is None:
        return name
    year, month, day, rest = dated.groups()
    return f"{year}/{int(month):02d}/{int(day):02d}/{rest}"


def _unprefixed(name: str) -> str:
    """``01-intro`` without its number prefix (Docusaurus's default number prefix parser)."""
    if _NOT_A_PREFIX.match(name):
        return name
    found = _NUMBER_PREFIX.fullmatch(name)
    return found.group(2) if found is not None else name

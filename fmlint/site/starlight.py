"""A Starlight site's pages and URLs, as Astro builds them (the docs collection in ``src/content/docs``).

Each Markdown or MDX file there whose name does not start with ``_`` is a page
(Starlight's ``docsLoader`` globs ``**/[^_]*.{md,mdx,mdoc}``).  Its ID is the
``slug`` front-matter value when set, else its path without extension, each
segment slugified by github-slugger and a trailing ``/index`` dropped (Astro's
glob loader); the page is at ``<base>/<id>/``, the ``index`` at the root at
``<base>/``.  A page whose first segment is a locale (``locales`` in
``astro.config.*``) is in that locale; a locale that lacks a page of the
default locale gets a fallback page at its own URL, rendering the default's.
``draft: true`` pages are not built for production.

The configuration is JavaScript, read from its text (``fmlint.js_text``): the
Starlight integration (``@astrojs/starlight``), ``base``, ``trailingSlash``,
``defaultLocale``, ``locales`` (an object literal in the file, or one a
relative import names) and ``redirects``' sources (those of objects spread into
it too).  Links are also satisfied by ``public/`` files,
``public/_redirects`` sources and the routes of ``src/pages`` (``[param]`` is
any segment, ``[...rest]`` any path): what those pages make is not known here.
Under a locale's prefix (Starlight's URL space) only routes with a literal
segment count: a catch-all page (Astro's docs redirect ``/guides/x/`` to
``/en/guides/x/`` with one) would otherwise hide every broken link.
"""

from __future__ import annotations

import itertools
import json
import os
import posixpath
import re
from collections.abc import Callable
from typing import NamedTuple

import msgspec

from fmlint.js_text import (
    constant_object,
    module_text,
    object_keys,
    object_spreads,
    top_level_strings,
    without_comments,
)
from fmlint.regex import lazy_pattern
from fmlint.site.anchors import GITHUB_SLUGGER, SLUGIFIERS
from fmlint.site.hugo_paths import link_path, names_file, under_base, url_key
from fmlint.site.routes import file_routes, matches, netlify_redirect_sources, redirect_sources, route_pattern
from fmlint.site.tables import package_dependencies

DOCS = os.path.join("src", "content", "docs")
# an Astro project's content configuration (its collections), without its extension: Astro 5's, then Astro 2–4's
CONTENT_CONFIGS = (os.path.join("src", "content.config"), os.path.join("src", "content", "config"))
PAGE_EXTENSIONS = (".md", ".mdx", ".mdoc")
ROOT = "root"  # the locale served without a prefix
_INTEGRATION = lazy_pattern(r"""['"]@astrojs/starlight['"]""")
_BASE = lazy_pattern(r"""(?<![\w$.])base\s*:\s*(['"`])(/[^'"`]*)\1""")
# (``smartPunctuation`` and ``mdastPlugins``/``hastPlugins``: the Sätteri processor's options, Astro 6.4's default)
_SMARTYPANTS_OFF = lazy_pattern(r"(?<![\w$.])(?:smartypants|smartPunctuation)\s*:\s*false\b")
_PLUGINS = lazy_pattern(r"(?<![\w$.])(?:remark|rehype|mdast|hast)Plugins\b")
# a remark plugin that reads a heading's `{#id}` (ratatui.rs': remark-custom-heading-id), imported
_CUSTOM_HEADING_IDS = lazy_pattern(r"""["'](?:remark-custom-heading-id|remark-heading-id)["']""")
_TRAILING_SLASH = lazy_pattern(r"""(?<![\w$.])trailingSlash\s*:\s*(['"`])(\w+)\1""")
_DEFAULT_LOCALE = lazy_pattern(r"""(?<![\w$.])defaultLocale\s*:\s*(['"`])([^'"`]*)\1""")
# `locales: {…}`, `locales: name`, `locales = {…}`, or the shorthand `{ locales }` (the name `locales`)
_LOCALES = lazy_pattern(r"""(?<![\w$.])locales\s*(?:(?::|=)\s*(\{|[A-Za-z_$][\w$]*)|(?=[,}]))""")
_REDIRECTS = lazy_pattern(r"""(?<![\w$.])redirects\s*:\s*\{""")
_ROUTE_FILES = (".astro", ".md", ".mdx", ".html", ".js", ".ts")


class Starlight(msgspec.Struct, frozen=True):
    base: str = ""  # ``/docs`` for ``base: '/docs'``
    locales: tuple[str, ...] = ()  # the locales served under a prefix (``root`` is not one)
    default_locale: str = ""  # "" for the root locale
    redirects: tuple[str, ...] = ()  # the redirected paths, as regular expressions (see ``routed``)
    routes: tuple[str, ...] = ()  # the routes of ``src/pages`` with a literal segment, as regular expressions
    param_routes: tuple[str, ...] = ()  # those made of parameters only (``[lang]``, ``[...slug]``)
    trailing_slash: str = "ignore"  # Astro's ``trailingSlash``: with "always", a page's URL ends with ``/``
    # starlight-links-validator's ``exclude`` globs: (their literal part before a wildcard, lowercased, "" for a
    # path without one; a regular expression of the glob), paths the site's own link check leaves alone (see
    # ``unvalidated``)
    unvalidated_globs: tuple[tuple[str, str], ...] = ()

    def locale_of(self, page_id: str) -> str:
        """The locale of the page with the ID ``page_id`` ("" for the root locale)."""
        first = page_id.split("/", 1)[0]
        return first if first in self.locales else ""

    def page_paths(self, link: str) -> tuple[str, list[str]] | None:
        """A root-relative link's path without the base, and the URLs of the pages it may show: the page at
        that path, then (in a locale) the default locale's page its fallback page renders; ``None`` for a
        link outside the base or to a file."""
        path = under_base(link_path(link), self.base)
        if path is None:
            return None  # (a link to another app on the same host, or one written without the base)
        if names_file(path):
            return None  # a file, not a page
        urls = [self.base + path]
        first, _, rest = path.strip("/").partition("/")
        if first in self.locales and first != self.default_locale:
            urls.append(self.base + "/" + "/".join(part for part in (self.default_locale, rest) if part) + "/")
        return path, urls

    def unvalidated(self, path: str, docs_folder: Callable[[str], bool]) -> bool:
        """Whether starlight-links-validator's ``exclude`` leaves ``path`` (no base, no page's) unchecked: a path
        it names, or one its glob matches where the docs collection has no folder at the glob's literal part
        (``docs_folder``): the routes a plugin makes, biome's changelog (``/internals/changelog/**/*``) and
        lunaria's dashboard (``/i18n-dashboard/``); a glob over pages of the docs (biome's ``/linter/rules/**/*``)
        does not stop links to missing ones being reported."""
        key = "/" + path.strip("/") if path.strip("/") else ""
        return any(
            re.fullmatch(pattern, key) and not (literal and docs_folder(literal))
            for literal, pattern in self.unvalidated_globs
        )

    def redirected(self, path: str) -> bool:
        return matches(self.redirects, path)

    def shadows(self, path: str) -> bool:
        """Whether a page of ``src/pages`` with a literal segment is at ``path`` (no base): Astro prefers it to
        Starlight's catch-all route, so it, not the docs page of that URL, is written there (terragrunt's
        ``reference/cli/commands/[...slug].astro`` and its placeholder pages ``run.md``, ``list.md``)."""
        return matches(self.routes, path)

    def routed(self, path: str) -> bool:
        """Whether a page of ``src/pages`` may be at ``path`` (no base); under a locale's prefix, Starlight's
        URL space, only a route with a literal segment (``[lang]/install``), not a catch-all, is taken to."""
        if path.strip("/").split("/", 1)[0] in self.locales:
            return matches(self.routes, path)
        return matches(self.routes, path) or matches(self.param_routes, path)


def astro_config(root: str, marker: str) -> str:
    """The text of the Astro configuration ``marker`` at ``root``, without its comments ("" when unreadable)."""
    try:
        with open(os.path.join(root, marker), encoding="utf-8") as handle:
            return without_comments(handle.read())
    except (OSError, UnicodeDecodeError):
        return ""


def astro_base(text: str) -> str:
    """The ``base`` of the Astro configuration's ``text`` (``/docs`` for ``base: '/docs'``; "" for none)."""
    base = _BASE.search(text)
    return "/" + base.group(2).strip("/") if base is not None and base.group(2).strip("/") else ""


def read_starlight(root: str, marker: str, text: str) -> Starlight | None:
    """The Starlight options of the Astro site at ``root`` (``marker``: its ``astro.config.*``, whose ``text`` is
    read), or ``None`` when it does not use Starlight."""
    if _INTEGRATION.search(text) is None:
        return None
    locales = _locales(root, marker, text)
    default = _DEFAULT_LOCALE.search(text)
    default_locale = default.group(2) if default is not None else ""
    if default_locale == ROOT or not locales:
        default_locale = ""
    redirects = [
        *_config_redirects(root, marker, text),
        *redirect_sources(os.path.join(root, "public", "_redirects"))[0],
        *netlify_redirect_sources(os.path.join(root, "netlify.toml"))[0],
    ]
    routes = file_routes(os.path.join(root, "src", "pages"), _ROUTE_FILES)
    return Starlight(
        base=astro_base(text),
        locales=tuple(locale for locale in locales if locale != ROOT),
        default_locale=default_locale,
        redirects=tuple(redirects),
        routes=tuple(route for route, literal in routes if literal),
        param_routes=tuple(route for route, literal in routes if not literal),
        trailing_slash=trailing.group(2) if (trailing := _TRAILING_SLASH.search(text)) is not None else "ignore",
        unvalidated_globs=_unvalidated_globs(text),
    )


def _unvalidated_globs(text: str) -> tuple[tuple[str, str], ...]:
    """The root-relative globs of starlight-links-validator's ``exclude`` option (``starlightLinksValidator({
    exclude: ['/changelog/**/*'] })``), each as its literal part and a pattern ``routes.matches`` reads."""
    found = _LINKS_VALIDATOR.search(text)
    globs = top_level_strings(text, found.end() - 1, "exclude") if found is not None else None
    kept = []
    for glob in globs or ():
        if not glob.startswith("/") or glob.startswith("//"):
            continue
        parts = [part for part in glob.strip("/").split("/") if part]
        literal = list(itertools.takewhile(lambda part: "*" not in part, parts))
        pattern = "".join(
            "(?:/.*)?" if part == "**" else "/" + re.escape(part).replace(r"\*", "[^/]*") for part in parts
        )
        kept.append((url_key("/" + "/".join(literal)) if "*" in glob else "", pattern))
    return tuple(kept)


_LINKS_VALIDATOR = lazy_pattern(r"(?<![\w$.])starlightLinksValidator\s*\(\s*\{")


class MarkdownOptions(NamedTuple):
    # Astro's Markdown makes typographic dashes of ``--`` and ``---`` (``markdown.smartypants``, on unless the
    # configuration sets it false): heading IDs then lose them, as github-slugger drops dashes
    smartypants: bool = True
    # the configuration adds remark or rehype plugins (or Sätteri's mdast or hast ones: one may rewrite links);
    # without, a link to a Markdown file is written as it is
    plugins: bool = True
    # Astro before 6 takes a trailing ``-`` off each heading's slug, unless ``experimental.headingIdCompat`` is set
    # (the ``astro`` version of ``package.json``; without one, today's Astro, which keeps it)
    trims_ids: bool = False
    custom_ids: bool = False  # a remark plugin reads a heading's `{#id}` (``_CUSTOM_HEADING_IDS``)


def markdown_options(root: str, text: str) -> MarkdownOptions:
    """The Markdown options of the Astro configuration's ``text`` (of the site at ``root``) that IDs and links
    depend on (the defaults when it could not be read)."""
    if not text:
        return MarkdownOptions()
    trims = _astro_major(root) < 6 and _HEADING_ID_COMPAT.search(text) is None
    plugins = _PLUGINS.search(text) is not None
    custom = plugins and _CUSTOM_HEADING_IDS.search(text) is not None
    return MarkdownOptions(_SMARTYPANTS_OFF.search(text) is None, plugins, trims, custom)


def _astro_major(root: str) -> int:
    """The major version of Astro that ``package.json`` at ``root`` asks for (``"^5.7.0"``: 5), or a high number
    when it names none."""
    version = package_dependencies(root).get("astro")
    found = _MAJOR.match(version) if isinstance(version, str) else None
    return int(found.group(1)) if found is not None else 99


_HEADING_ID_COMPAT = lazy_pattern(r"(?<![\w$.])headingIdCompat\s*:\s*true\b")
_MAJOR = lazy_pattern(r"\s*[\^~>=v]*\s*(\d+)")


def page_id(docs_path: str, slug: str | None) -> str:
    """The page's ID: ``slug`` when set, else its path in ``src/content/docs`` (``/``-separated) slugified."""
    if slug is not None and slug.strip():
        return slug.strip().strip("/")
    stem = posixpath.splitext(docs_path)[0]
    slugify = SLUGIFIERS[GITHUB_SLUGGER]
    page = "/".join(slugify(segment) for segment in stem.split("/"))
    return page[: -len("/index")] if page.endswith("/index") else page


def page_url(starlight: Starlight, identifier: str) -> str:
    path = "" if identifier in ("", "index") else identifier
    return f"{starlight.base}/{path}/" if path else f"{starlight.base}/"


def docs_path(root: str, absolute: str) -> str | None:
    """The path (``/``-separated) of the file at ``absolute`` in the docs folder of the Astro site at ``root``;
    ``None`` outside it."""
    docs = os.path.join(root, DOCS, "")
    return absolute[len(docs) :].replace(os.sep, "/") if absolute.startswith(docs) else None


def is_page(docs_path: str) -> bool:
    """Whether the file at ``docs_path`` (in ``src/content/docs``) is a page of the docs collection."""
    name = docs_path.rsplit("/", 1)[-1]
    return not name.startswith("_") and name.lower().endswith(PAGE_EXTENSIONS)


def _locales(root: str, marker: str, text: str) -> list[str]:
    """The keys of ``locales``: an object literal here, or one a name refers to (see :func:`_named_keys`)."""
    for found in _LOCALES.finditer(text):
        if found.group(1) == "{":
            return object_keys(text, found.end() - 1)
        return _named_keys(os.path.join(root, os.path.dirname(marker)), text, found.group(1) or "locales")
    return []


def _config_redirects(root: str, marker: str, text: str) -> list[str]:
    """The sources of Astro's ``redirects`` (``'/old': '/new'``, ``'/blog/[...slug]': …``), those of the
    objects spread into it too (Biome's ``...redirects``, imported from a generated module)."""
    found = _REDIRECTS.search(text)
    if found is None:
        return []
    folder = os.path.join(root, os.path.dirname(marker))
    keys = object_keys(text, found.end() - 1)
    keys += [key for name in object_spreads(text, found.end() - 1) for key in _named_keys(folder, text, name)]
    # (a key without its leading slash is a path from the root too: tauri's `'about/intro': '/about/'`)
    return [route_pattern(key.strip("/").split("/")) for key in keys if key.strip() and ":" not in key.split("/")[0]]


def _named_keys(folder: str, text: str, name: str) -> list[str]:
    """The keys of the object literal that ``name`` is, in ``text`` (a module in ``folder``): a constant
    declared here, or one a relative import brings (``import { name } from './x'``, or the default export of
    ``import name from './x'``)."""
    here = constant_object(text, name)
    if here is not None:
        return object_keys(text, here)
    named = re.search(rf"""import\s*\{{[^}}]*\b{re.escape(name)}\b[^}}]*\}}\s*from\s*['"](\.[^'"]+)['"]""", text)
    default = re.search(rf"""import\s+{re.escape(name)}\s+from\s*['"](\.[^'"]+)['"]""", text)
    imported = named or default
    if imported is None:
        return []
    module = module_text(os.path.join(folder, imported.group(1)))
    if imported is default and imported.group(1).endswith(".json"):  # (tauri's `import locales from './locales.json'`)
        try:
            data = json.loads(module)
        except ValueError:
            return []
        return [str(key) for key in data] if isinstance(data, dict) else []
    if imported is default:
        export = re.search(r"export\s+default\s*\{", module)
        return object_keys(module, export.end() - 1) if export is not None else []
    return _named_keys(folder, module, name) if module else []


def follows_blog_starter(root: str) -> bool:
    """Whether the Astro project at ``root`` defines its collections as the blog starter does: its content
    configuration (Astro 5's ``src/content.config.*``, else the legacy ``src/content/config.*``) names the
    starter's ``pubDate``.  Another project's collections have schemas of their own (Effect's website: ``date``,
    ``excerpt``; the starter's schema required ``pubDate`` and ``description`` of all its 420 pages; AstroPaper's
    ``pubDatetime``: the starter's ``pubDate`` missing from every post)."""
    for name in CONTENT_CONFIGS:
        if text := module_text(os.path.join(root, name)):
            return _STARTER_KEY.search(text) is not None
    return False


_STARTER_KEY = lazy_pattern(r"\bpubDate\b")

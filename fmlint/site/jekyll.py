"""Jekyll's URLs, for the collision check on Jekyll sites (as ``jekyll doctor`` checks them).

From Jekyll's documentation on permalinks: a page's URL is ``/:path/:basename.html``
(``/:path/:basename/`` with ``permalink: pretty``; ``/:path/`` for ``index.md``);
a post in ``_posts`` (or ``<category>/_posts``) takes the site's permalink style —
``date`` (default) ``/:categories/:year/:month/:day/:title.html``, ``pretty``
the same ending in ``/``, ``ordinal`` ``/:categories/:year/:y_day/:title.html``,
``none`` ``/:categories/:title.html``, or a pattern of those placeholders; a
``permalink`` in the front matter wins.  ``:title`` is the file name after its
date (or the ``slug``); the date is the file name's unless the front matter has
one; the front matter defaults of ``_config.yml`` give a ``permalink`` the file's own does not.  A
document of a collection written (``output: true``) takes the
collection's ``permalink`` (``/:collection/:path:output_ext`` by default;
``:path`` is its path in the collection's folder, without extension); the
``posts`` collection's ``permalink`` is the posts' style.  Drafts (``_drafts``)
and other ``_`` folders are not built (unless ``include`` names them: academicpages'
and al-folio's ``_pages``), nor files whose names start with ``_``, ``.`` or ``#``;
a Markdown file without front matter is copied as it is.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
import re
from typing import TYPE_CHECKING, Any

from fmlint.regex import lazy_pattern
from fmlint.site.globs import picomatch
from fmlint.site.hugo_paths import ONE_PAGE, clean, url_key

if TYPE_CHECKING:
    from fmlint.site.config import SiteConfig

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_POST_NAME = lazy_pattern(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.+)$")  # (Jekyll's ``DATE_FILENAME_MATCHER``)
_PLACEHOLDER = lazy_pattern(
    r":(categories|collection|year|month|day|i_month|i_day|y_day|short_year|title|slug|output_ext|path|basename|name)"
)
_COLLECTION_PERMALINK = "/:collection/:path:output_ext"
_CONVERTED = (".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html", ".htm")  # (their output is HTML)
_OLD_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}  # (the names Jekyll still reads)
# a front matter default's scope path and type ("": any), and the permalink and layout it gives (None: none)
Default = tuple[str, str, str | None, str | None]
_PERMALINK_KEY, _LAYOUT_KEY = 2, 3


def jekyll_collections(options: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The collections of a ``_config.yml`` that Jekyll writes (``output: true``, and ``posts`` always), each
    with its ``permalink`` ("" when not set); a collection given in a list is not written."""
    found = options.get("collections")
    written = []
    if isinstance(found, dict):
        for name, value in found.items():
            settings = value if isinstance(value, dict) else {}
            if name == "posts" or settings.get("output") is True:
                written.append((str(name), str(settings.get("permalink") or "")))
    if all(name != "posts" for name, _ in written):
        written.append(("posts", ""))
    return tuple(written)


def jekyll_defaults(options: dict[str, Any]) -> tuple[Default, ...]:
    """The front matter defaults of a ``_config.yml`` (``defaults:``, each set's scope and the ``permalink`` and
    ``layout`` its values give, None for none), in order; none when no set gives either."""
    found = options.get("defaults")
    sets: list[Default] = []
    for entry in found if isinstance(found, list) else ():
        if not isinstance(entry, dict) or not isinstance(values := entry.get("values"), dict):
            continue  # (Jekyll warns of an invalid set and leaves it out)
        scope = entry.get("scope")
        scope = scope if isinstance(scope, dict) else {}
        path = scope.get("path")
        kind = str(scope.get("type") or "")
        permalink, layout = values.get("permalink"), values.get("layout")
        sets.append(
            (
                path.strip().strip("/") if isinstance(path, str) else "",
                _OLD_TYPES.get(kind, kind),
                permalink if isinstance(permalink, str) and permalink else None,
                layout if isinstance(layout, str) and layout else None,
            )
        )
    return tuple(sets) if any(permalink or layout for *_, permalink, layout in sets) else ()


def default_value(defaults: tuple[Default, ...], path: str, kind: str, key: int = _PERMALINK_KEY) -> str:
    """The ``permalink`` (or the value of the sets' field ``key``: ``_LAYOUT_KEY``) the front matter
    ``defaults`` give the file at ``path`` (relative to the site's root) of the type ``kind`` ("pages", "posts"
    or a collection's label), as Jekyll's ``FrontmatterDefaults`` merges the sets that apply: a set of a longer
    scope path, or of the same path with a type, takes precedence.  A document (a post, a collection's) merges
    every set (``all``: a set without precedence fills only what is still missing); a page asks for the key
    alone (``find``: sets without it are left out)."""
    value: str | None = None
    old: tuple[str, str] | None = None
    page = kind == "pages"
    for default in defaults:
        scope_path, scope_type, given = default[0], default[1], default[key]
        if (scope_type and scope_type != kind) or not _in_scope(path, scope_path) or (page and given is None):
            continue
        if old is None or _precedes(old, (scope_path, scope_type)):
            value = given if given is not None else value
            old = (scope_path, scope_type)
        elif value is None:
            value = given
    return value or ""


def _in_scope(path: str, scope: str) -> bool:
    """Whether a scope's ``path`` holds the file at ``path``: it is the file or one of its folders (Jekyll's
    ``path_is_subpath?``); a scope with ``*`` is a glob of them (``glob_scope``)."""
    if not scope:
        return True
    parts = path.split("/")
    ancestors = ["/".join(parts[:depth]) for depth in range(len(parts), 0, -1)]
    if "*" not in scope:
        return scope in ancestors
    pattern = picomatch(scope)  # (as Ruby's Dir.glob: `**/` is any number of folders, none too)
    return any(pattern.fullmatch(each) for each in ancestors)


def _precedes(old: tuple[str, str], new: tuple[str, str]) -> bool:
    """Jekyll's ``has_precedence?``: a longer scope path, or the same length with a type (unless the old one had
    one and the new has none)."""
    if len(new[0]) != len(old[0]):
        return len(new[0]) >= len(old[0])
    return bool(new[1]) or not old[1]


_SPECIAL = ("_", ".", "#")  # (the first characters of the names Jekyll's ``EntryFilter#special?`` skips)


def jekyll_url(
    folder: str,
    name: str,
    style: str,
    permalink: str,
    date: str,
    categories: list[str],
    slug: str,
    has_front_matter: bool,
    collections: tuple[tuple[str, str], ...] = (),
    collections_dir: str = "",
    defaults: tuple[Default, ...] = (),
    extension: str = ".md",
    included: tuple[str, ...] = (),
) -> str | None:
    """The URL of the content file ``folder/name.md`` (folder relative to the site root), or ``None``
    when Jekyll builds no page from it (``collections``: those written, with their permalinks, in the folder
    ``collections_dir``; ``defaults``: the front matter defaults, whose ``permalink`` applies where the file's
    front matter has none; ``extension``: the file's, which their scopes may name; ``included``: the
    configuration's ``include``)."""
    if name.startswith(_SPECIAL):  # (Jekyll's reader skips such a file, as it does such a folder)
        return None
    parts = folder.split("/") if folder else []
    if not has_front_matter:
        return None if skipped(parts, included) else f"/{folder + '/' if folder else ''}{name}.md"
    written = dict(collections)
    collection, inside = _collection_of(parts, collections_dir)
    kind = _kind(parts, collection, written)
    if defaults and not permalink:
        permalink = default_value(defaults, "/".join([*parts, name + extension]), kind)
    if collection in written and collection != "posts":
        path = "/".join([*inside[1:], name])
        # (a document of another kind than Markdown or HTML keeps its extension: no converter changes it)
        output = ".html" if extension.lower() in _CONVERTED else extension
        values = {"collection": collection, "path": path, "name": name, "basename": name, "output_ext": output}
        values |= {"title": _slugified(slug or name), "slug": _slugified(slug or name).lower()}
        return _expanded(permalink or written[collection] or _COLLECTION_PERMALINK, values)
    if "_posts" in parts:
        match = _POST_NAME.match(name)
        when = (_date(date) or _date(match.group(1))) if match else None
        if match is None or when is None:
            return None  # Jekyll skips a post without a date in its name, and stops at an impossible one
        title = _slugified(slug or match.group(2))
        prefix = [p for p in parts[: parts.index("_posts")] if p]
        cats = "/".join(dict.fromkeys(c.lower() for c in [*prefix, *categories] if c))  # Jekyll downcases them
        template = permalink or written.get("posts") or STYLES.get(style, style or STYLES["date"])
        values = {
            "categories": cats,
            "year": f"{when.year:04d}",
            "month": f"{when.month:02d}",
            "day": f"{when.day:02d}",
            "i_month": str(when.month),
            "i_day": str(when.day),
            "y_day": f"{when.timetuple().tm_yday:03d}",
            "short_year": f"{when.year % 100:02d}",
            "title": title,
            "slug": title.lower(),
            "output_ext": ".html",
        }
        return _expanded(template, values)
    if skipped(parts, included):
        return None
    path = "/".join(parts)
    values = {"path": path, "basename": name, "name": name, "output_ext": ".html"}
    if permalink:
        return _expanded(permalink, values)
    if name == "index":
        return clean(f"/{path}/") if path else "/"
    ending = "/" if style == "pretty" or (style not in STYLES and style.endswith("/")) else ":output_ext"
    return _expanded(f"/:path/:basename{ending}", values)


# the layouts of Jekyll themes a site loads from elsewhere (a gem's ``theme``, a ``remote_theme``) that write
# elements whose IDs are data, by the theme's name: Minimal Mistakes' archives (``categories`` and ``tags``:
# ``<section id="{{ category[0] | slugify | downcase }}">``, ``posts``: a section by year)
_THEME_ID_LAYOUTS = {"minimal-mistakes": frozenset({"categories", "tags", "posts"})}


def theme_name(options: dict[str, Any]) -> str:
    """The name of the theme a Jekyll configuration's ``options`` load (``remote_theme:
    mmistakes/minimal-mistakes@4.26.2`` and ``theme: minimal-mistakes-jekyll`` are ``minimal-mistakes``)."""
    remote, theme = options.get("remote_theme"), options.get("theme")
    name = remote if isinstance(remote, str) and remote.strip() else theme if isinstance(theme, str) else ""
    name = name.strip().rsplit("/", 1)[-1].split("@", 1)[0].lower()
    return name.removeprefix("jekyll-theme-").removesuffix("-jekyll")


def theme_layout_writes_ids(theme: str, layout: str) -> bool:
    """Whether the layout ``layout`` of the Jekyll theme ``theme`` (as :func:`theme_name` names it) writes elements
    whose IDs are data."""
    return layout in _THEME_ID_LAYOUTS.get(theme, ())


def skipped(parts: list[str], included: tuple[str, ...]) -> bool:
    """Whether Jekyll's reader skips the folder of ``parts`` (from the site's root): one of them is named ``_x``
    and no entry of ``include`` names it, its path (or a start of it) or a glob matching either, as
    ``EntryFilter#included?`` reads them."""
    for at, part in enumerate(parts):
        if part.startswith("_"):
            path = "/".join(parts[: at + 1])
            if not any(
                path.startswith(entry) or fnmatch.fnmatchcase(path, entry) or fnmatch.fnmatchcase(part, entry)
                for entry in included
            ):
                return True
    return False


def _kind(parts: list[str], collection: str, written: dict[str, str]) -> str:
    """The type a front matter default's scope names the file of (``parts``: its folders) by."""
    return "posts" if "_posts" in parts else collection if collection in written else "pages"


def page_layout(site: SiteConfig, relative: str, layout: str) -> str:
    """The layout of the page at ``relative`` (``/``-separated, from the site's root): its front matter's
    ``layout``, else the one the front matter defaults give it."""
    if layout or not site.jekyll_defaults:
        return layout
    parts = relative.split("/")[:-1]
    collection, _ = _collection_of(parts, site.jekyll_collections_dir)
    kind = _kind(parts, collection, dict(site.jekyll_collections))
    return default_value(site.jekyll_defaults, relative, kind, _LAYOUT_KEY)


def _slugified(text: str) -> str:
    """Jekyll's ``slugify`` in its ``pretty`` mode, case kept: other characters become hyphens."""
    return re.sub(r"[^\w._~!$&'()+,;=@]+", "-", text).strip("-")


def _expanded(template: str, values: dict[str, str]) -> str:
    url = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template)
    return clean(url if url.startswith("/") else "/" + url)


def _date(value: str) -> datetime.date | None:
    """The day of a front-matter ``date`` or a post's file name, read as Ruby's ``Time.parse`` reads its start:
    month and day may have one digit (tilt.build's ``2020-1-30-crash-course-kubernetes-nodes.md``, with
    ``date: 2020-1-31``, a string to YAML, had been no post), and a day past the month's end, up to 31, is carried
    into the next month as ``Time.local`` carries it (a blog's ``2025-02-31-e8.md`` is a post of 2025-03-03, at
    ``/2025-03-03-e8/``); another month or day stops the build."""
    match = _DAY.match(value)
    if match is None:
        return None
    year, month, day = map(int, match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return datetime.date(year, month, 1) + datetime.timedelta(days=day - 1)
    except (ValueError, OverflowError):
        return None


_DAY = lazy_pattern(r"\s*(\d{2,4})-(\d{1,2})-(\d{1,2})(?!\d)")


_PERMALINK = lazy_pattern(r"^permalink:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)


def _collection_of(parts: list[str], collections_dir: str) -> tuple[str, list[str]]:
    """The collection a folder's ``parts`` (from the site's root) are in ("" for none: not a ``_`` folder in
    ``collections_dir``), and the parts from the collection's folder on."""
    inside = parts[len(collections_dir.split("/")) :] if collections_dir else parts
    if collections_dir and parts[: len(collections_dir.split("/"))] != collections_dir.split("/"):
        inside = []  # (collections are only in that folder)
    return (inside[0][1:] if inside and inside[0].startswith("_") else ""), inside


def html_page_urls(site: SiteConfig, folder: str, names: list[str]) -> list[str]:
    """The URL keys of the pages fmlint does not index (files with front matter) among ``names`` (files not
    Markdown) in ``folder`` of a Jekyll site, each led by ``ONE_PAGE``: its ``permalink``, else the page's own
    URL (links to these are not judged).  Outside collections, HTML pages (a page of another kind is at its
    file's path); in a collection written, documents of every kind (choosealicense.com's ``_licenses/mit.txt``
    at ``/licenses/mit/``)."""
    relative = os.path.relpath(folder, site.root).replace(os.sep, "/").strip(".").strip("/")
    parts = relative.split("/") if relative else []
    if skipped(parts, site.jekyll_include):
        collection, _ = _collection_of(parts, site.jekyll_collections_dir)
        if collection not in dict(site.jekyll_collections) or collection == "posts":
            return []
    else:
        names = [name for name in names if name.lower().endswith((".html", ".htm"))]
    found = []
    for name in names:
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                head = handle.read(2048)
        except OSError:
            continue
        if not head.startswith("---"):
            continue
        permalink = _PERMALINK.search(head.split("\n---", 1)[0])
        stem, extension = os.path.splitext(name)
        own = permalink.group(1) if permalink else ""
        url = jekyll_url(
            relative,
            stem,
            site.permalink_style,
            own,
            "",
            [],
            "",
            True,
            site.jekyll_collections,
            site.jekyll_collections_dir,
            site.jekyll_defaults,
            extension,
            site.jekyll_include,
        )
        if url:
            found.append(ONE_PAGE + url_key(url))  # (that page alone: `/` is no folder of pages no file shows)
    return found


# `jekyll build --config _config.yml,_config_staging.yml` (or `b`, `--config=…`), its list quoted or not
_BUILD_CONFIGS = lazy_pattern(r"""\bjekyll\s+(?:build|b)\b[^;&|]*?\s--config(?:\s+|=)(["']?)([^\s"']+)\1""")


def build_configs(root: str) -> list[str]:
    """The configuration files, in order, that the site's Netlify build (``netlify.toml``: its production context's
    command, else its build command) gives ``jekyll build --config``; none when it names none (``_config.yml``
    alone). W3C's WAI site keeps a GitHub Pages preview's ``baseurl: /wai-website`` in ``_config.yml`` and builds
    with ``_config_staging.yml``'s ``baseurl: /`` after it."""
    import tomllib

    from fmlint.site.files import file_text

    try:
        netlify = tomllib.loads(file_text(os.path.join(root, "netlify.toml")))
    except tomllib.TOMLDecodeError:
        return []
    context, build = netlify.get("context"), netlify.get("build")
    production = context.get("production") if isinstance(context, dict) else None
    command = (production.get("command") if isinstance(production, dict) else None) or (
        build.get("command") if isinstance(build, dict) else None
    )
    found = _BUILD_CONFIGS.search(command) if isinstance(command, str) else None
    return [name for name in found.group(2).split(",") if name] if found else []

"""Jekyll's URLs, for the collision check on Jekyll sites (as ``jekyll doctor`` checks them).

From Jekyll's documentation on permalinks: a page's URL is ``/:path/:basename.html``
(``/:path/:basename/`` with ``permalink: pretty``; ``/:path/`` for ``index.md``);
a post in ``_posts`` (or ``<category>/_posts``) takes the site's permalink style —
``date`` (default) ``/:categories/:year/:month/:day/:title.html``, ``pretty``
the same ending in ``/``, ``ordinal`` ``/:categories/:year/:y_day/:title.html``,
``none`` ``/:categories/:title.html``, or a pattern of those placeholders; a
``permalink`` in the front matter wins.  ``:title`` is the file name after its
date (or the ``slug``); the date is the file name's unless the front matter has
one.  A document of a collection written (``output: true``) takes the
collection's ``permalink`` (``/:collection/:path:output_ext`` by default;
``:path`` is its path in the collection's folder, without extension); the
``posts`` collection's ``permalink`` is the posts' style.  Drafts (``_drafts``)
and other ``_`` folders are not built; a Markdown file without front matter is
copied as it is.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import TYPE_CHECKING, Any

from fmlint.site.hugo_paths import ONE_PAGE, clean, url_key

if TYPE_CHECKING:
    from fmlint.site.config import SiteConfig

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_PLACEHOLDER = re.compile(
    r":(categories|collection|year|month|day|i_month|i_day|y_day|short_year|title|slug|output_ext|path|basename|name)"
)
_COLLECTION_PERMALINK = "/:collection/:path:output_ext"


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
) -> str | None:
    """The URL of the content file ``folder/name.md`` (folder relative to the site root), or ``None``
    when Jekyll builds no page from it (``collections``: those written, with their permalinks, in the folder
    ``collections_dir``)."""
    parts = folder.split("/") if folder else []
    if not has_front_matter:
        return None if any(p.startswith("_") for p in parts) else f"/{folder + '/' if folder else ''}{name}.md"
    written = dict(collections)
    inside = parts[len(collections_dir.split("/")) :] if collections_dir else parts
    if collections_dir and parts[: len(collections_dir.split("/"))] != collections_dir.split("/"):
        inside = []  # (collections are only in that folder)
    collection = inside[0][1:] if inside and inside[0].startswith("_") else ""
    if collection in written and collection != "posts":
        path = "/".join([*inside[1:], name])
        values = {"collection": collection, "path": path, "name": name, "basename": name, "output_ext": ".html"}
        values |= {"title": _slugified(slug or name), "slug": _slugified(slug or name).lower()}
        return _expanded(permalink or written[collection] or _COLLECTION_PERMALINK, values)
    if "_posts" in parts:
        match = _POST_NAME.match(name)
        if match is None:
            return None  # Jekyll skips a post without a date in its name
        title = _slugified(slug or match.group(4))
        when = _date(date) or datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
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
    if any(p.startswith("_") for p in parts):
        return None
    path = "/".join(parts)
    values = {"path": path, "basename": name, "name": name, "output_ext": ".html"}
    if permalink:
        return _expanded(permalink, values)
    if name == "index":
        return clean(f"/{path}/") if path else "/"
    ending = "/" if style == "pretty" or (style not in STYLES and style.endswith("/")) else ":output_ext"
    return _expanded(f"/:path/:basename{ending}", values)


def _slugified(text: str) -> str:
    """Jekyll's ``slugify`` in its ``pretty`` mode, case kept: other characters become hyphens."""
    return re.sub(r"[^\w._~!$&'()+,;=@]+", "-", text).strip("-")


def _expanded(template: str, values: dict[str, str]) -> str:
    url = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template)
    return clean(url if url.startswith("/") else "/" + url)


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


_PERMALINK = re.compile(r"^permalink:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)


def html_page_urls(site: SiteConfig, folder: str, names: list[str]) -> list[str]:
    """The URL keys of the HTML pages (files with front matter) among ``names`` in ``folder`` of a Jekyll site,
    each led by ``ONE_PAGE``: its ``permalink``, else the page's own URL (fmlint indexes only Markdown: links to
    these are not judged)."""
    relative = os.path.relpath(folder, site.root).replace(os.sep, "/").strip(".").strip("/")
    if any(part.startswith("_") for part in relative.split("/") if part):
        return []
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
        stem = os.path.splitext(name)[0]
        url = jekyll_url(
            relative, stem, site.permalink_style, permalink.group(1) if permalink else "", "", [], "", True
        )
        if url:
            found.append(ONE_PAGE + url_key(url))  # (that page alone: `/` is no folder of pages no file shows)
    return found

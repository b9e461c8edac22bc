"""Jekyll's URLs, for the collision check on Jekyll sites (as ``jekyll doctor`` checks them).

From Jekyll's documentation on permalinks: a page's URL is ``/:path/:basename.html``
(``/:path/:basename/`` with ``permalink: pretty``; ``/:path/`` for ``index.md``);
a post in ``_posts`` (or ``<category>/_posts``) takes the site's permalink style —
``date`` (default) ``/:categories/:year/:month/:day/:title.html``, ``pretty``
the same ending in ``/``, ``ordinal`` ``/:categories/:year/:y_day/:title.html``,
``none`` ``/:categories/:title.html``, or a pattern of those placeholders; a
``permalink`` in the front matter wins.  ``:title`` is the file name after its
date (or the ``slug``); the date is the file name's unless the front matter has
one.  Drafts (``_drafts``) and other ``_`` folders are not built; a Markdown file
without front matter is copied as it is.
"""

from __future__ import annotations

import datetime
import re

from fmlint.site.hugo_paths import clean

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_PLACEHOLDER = re.compile(
    r":(categories|year|month|day|i_month|i_day|y_day|short_year|title|slug|output_ext|path|basename|name)"
)


def jekyll_url(
    folder: str,
    name: str,
    style: str,
    permalink: str,
    date: str,
    categories: list[str],
    slug: str,
    has_front_matter: bool,
) -> str | None:
    """The URL of the content file ``folder/name.md`` (folder relative to the site root), or ``None``
    when Jekyll builds no page from it."""
    parts = folder.split("/") if folder else []
    if not has_front_matter:
        return None if any(p.startswith("_") for p in parts) else f"/{folder + '/' if folder else ''}{name}.md"
    if "_posts" in parts:
        match = _POST_NAME.match(name)
        if match is None:
            return None  # Jekyll skips a post without a date in its name
        title = _slugified(slug or match.group(4))
        when = _date(date) or datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        prefix = [p for p in parts[: parts.index("_posts")] if p]
        cats = "/".join(dict.fromkeys(c.lower() for c in [*prefix, *categories] if c))  # Jekyll downcases them
        template = permalink or STYLES.get(style, style or STYLES["date"])
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

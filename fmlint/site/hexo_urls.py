"""A Hexo site's URLs, as ``hexo generate`` writes its posts and pages (checked against Hexo 8.1.2 builds).

A post's path is ``permalink`` (``:year/:month/:day/:title/`` by default) with
its tokens filled in: the date's (``:year``, ``:month``, ``:day``, ``:i_month``,
``:i_day``, ``:hour``, ``:minute``, ``:second``), ``:title`` (the slug: its
path under ``_posts/``), ``:name`` (the slug's last part), ``:post_title`` (the
title slugified, lowercased), ``:category`` (the post's categories, a
hierarchy, each slugified with ``filename_case`` after ``category_map``; the
``default_category`` when it has none) and any front-matter key's value
(``:abbrlink``; a key the post lacks is ``permalink_defaults``' or the text
``undefined``); or the front matter's own ``permalink``.  With
``post_asset_folder`` a path without a trailing ``/`` or ``.html`` gets a
``/``.  A page's path is its file's, ``.md`` made ``.html``, or its front
matter's ``permalink`` (``.html`` added without an extension, ``index.html``
after a ``/``).  A path ending in ``/`` is written to its ``index.html``; the
URLs are the paths under ``root`` (here without it, as Jekyll's ``baseurl``).

Dates: the value as written (an explicit offset converted to UTC first), which
is what a build on a machine in the site's ``timezone`` (or in UTC, without
one) writes; with a ``timezone``, a build on a machine in UTC reads that wall
clock in the time zone and writes the UTC date (Hexo's
``adjustDateForTimezone``), which may be the day before or after: both are
URLs of the post.  A post without a date (Hexo takes the file's creation time),
or whose permalink names what fmlint cannot know (``:id``, ``:hash``,
``:timestamp``, a front-matter value that is no string or number, a plugin's
``abbrlink`` still to be written), has no URL fmlint knows.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from functools import cache, partial
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fmlint.regex import lazy_pattern
from fmlint.site.facts import SiteFacts
from fmlint.site.hexo import Hexo
from fmlint.site.hexo_slug import slugize

_TOKEN = lazy_pattern(r":(\w+)")
_DATE_TOKENS = {"year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M", "second": "%S"}
_UNKNOWN = frozenset(("id", "hash", "timestamp"))


def post_urls(hexo: Hexo, slug: str, facts: SiteFacts) -> list[str]:
    """The post's URLs (the first the one a build in the site's time zone writes); none when not known."""
    if facts.permalink is not None:
        return ["/" + _with_slash(hexo, facts.permalink.value).lstrip("/")]
    tokens = set(_TOKEN.findall(hexo.permalink))
    if tokens & _UNKNOWN:
        return []
    moments = _moments(facts.date, hexo.timezone) if tokens & _TIMED else [datetime.datetime(1970, 1, 1)]
    values: dict[str, str] = {"title": slug, "name": posixpath.basename(slug)}
    if "post_title" in tokens:
        values["post_title"] = slugize(facts.title.value, 1) if facts.title is not None else "undefined"
    if "category" in tokens:
        category = _category(hexo, facts)
        if category is None:
            return []
        values["category"] = category
    for token in tokens - values.keys() - _TIMED:
        found = facts.lists.get(token.lower())
        if found:
            values[token] = found[0].value
        elif token in hexo.generated_tokens:
            return []  # (a plugin writes it at build time: hexo-abbrlink)
        else:
            values[token] = dict(hexo.permalink_defaults).get(token, "undefined")
    urls = []
    for moment in moments:
        filled = {**values, **{name: moment.strftime(code) for name, code in _DATE_TOKENS.items()}}
        filled["i_month"], filled["i_day"] = str(moment.month), str(moment.day)
        path = _TOKEN.sub(partial(_filled, filled), hexo.permalink)
        urls.append("/" + _with_slash(hexo, path).lstrip("/"))
    return list(dict.fromkeys(urls))


_TIMED = frozenset((*_DATE_TOKENS, "i_month", "i_day"))


def _filled(values: dict[str, str], token: re.Match[str]) -> str:
    return values.get(token.group(1), token.group())


def page_url(relative: str, facts: SiteFacts) -> str:
    """The URL of the page whose file is at ``relative`` (from the source folder)."""
    if facts.permalink is not None:
        path = facts.permalink.value.lstrip("/")
        if path.endswith("/"):
            path += "index.html"
        elif not posixpath.splitext(path)[1]:
            path += ".html"
    else:
        path = posixpath.splitext(relative)[0] + ".html"
    return "/" + path


def _with_slash(hexo: Hexo, path: str) -> str:
    if hexo.asset_folder and not path.endswith(("/", ".html")):
        return path + "/"
    return path


def _category(hexo: Hexo, facts: SiteFacts) -> str | None:
    """``:category``: the slugs of the post's categories as one hierarchy (the last's slug holds its parents');
    ``None`` where the front matter's categories are not a list of strings (several hierarchies)."""
    key = "categories" if "categories" in facts.lists else "category"  # (`category` where `categories` is not)
    names = [item.value for item in facts.lists.get(key, ())]
    if key in facts.lists and not names:
        return None
    if not names:
        return hexo.default_category
    mapped = dict(hexo.category_map)
    return "/".join(slugize(mapped.get(name, name), hexo.filename_case) for name in names)


def _moments(date: str, timezone: str) -> list[datetime.datetime]:
    """The date's wall clocks a build writes (see the module's docstring); none for a date not read."""
    try:
        moment = datetime.datetime.fromisoformat(date.strip()) if date else None
    except ValueError:
        return []
    if moment is None:
        return []
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    zone = _zone(timezone) if timezone else None
    if zone is None:
        return [moment]
    return [moment, moment.replace(tzinfo=zone).astimezone(datetime.UTC).replace(tzinfo=None)]


@cache
def _zone(name: str) -> datetime.tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def hexo_shaped(hexo: Hexo, path: str) -> bool:
    """Whether the URL ``path`` (from ``root``) has the shape of the site's permalink (a post's, each token any
    text), with or without its ``index.html``."""
    return _shape(hexo.permalink).fullmatch(path.lstrip("/").removesuffix("index.html")) is not None


@cache
def _shape(permalink: str) -> re.Pattern[str]:
    parts = _TOKEN.split(permalink)  # (literal, token, literal, …)
    pattern = "".join(re.escape(part) if number % 2 == 0 else ".+?" for number, part in enumerate(parts))
    return re.compile(pattern.removesuffix("/") + "/?")

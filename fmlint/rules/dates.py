"""Front-matter dates as Hugo reads them: parseable, possible, in a sensible order.

Date fields are matched case-insensitively (Hugo lowercases front-matter keys)
and grouped by the role Hugo gives them: the page date, the publish date, the
last-modified date and the expiry date.  Values are checked with
``fmlint.dates.parse_hugo_date`` (Hugo's layouts, see that module); native TOML
dates arrive as ISO 8601 text and YAML timestamps as text.  An empty string
is treated as "not set", as Hugo does.  A value the schema a site declares
refuses as a date (an Astro collection's ``z.date()``, a Contentlayer ``date``)
is that schema's finding (SC001), not DT001 too.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from typing import Any

import msgspec

from fmlint.config.presets import PRESETS
from fmlint.dates import DateError, HugoDate, parse_hugo_date
from fmlint.diagnostics import Problem, Severity
from fmlint.doc_examples import article, example
from fmlint.positions import Span
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule
from fmlint.schema.formats import CUSTOM_FORMATS

NEEDS = ("front_matter",)
# Compared with the current time: when enabled, the result cache re-runs this module on every hit.
CLOCK_DEPENDENT_CODES = ("DT004",)

OPTIONS = {
    "date-fields": ["date"],
    "publish-date-fields": ["publishDate", "pubdate", "published"],
    "lastmod-fields": ["lastmod", "modified"],
    "expiry-date-fields": ["expiryDate", "unpublishdate"],
}

_FIELD_OPTIONS = """## Options
- `date-fields` (default `["date"]`): the page's date.
- `publish-date-fields` (default `["publishDate", "pubdate", "published"]`): the
  publish date (Hugo falls back to the date when none is set).
- `lastmod-fields` (default `["lastmod", "modified"]`): the last-modified date.
- `expiry-date-fields` (default `["expiryDate", "unpublishdate"]`): the expiry date.

Names are matched case-insensitively; every listed field is checked. A dotted
name is a key of a map (`last_update.date`: Docusaurus's last-update date, in
the `docusaurus` preset's `lastmod-fields`).
"""

_IN_FILE = "Body (in a file named 2025-02-07-price-cuts.md)."

RULES = (
    Rule(
        "DT001",
        "invalid-date",
        "A date field is not a date Hugo can read, or does not exist on the calendar.",
        doc=f"""## What it does
Checks every date field against the layouts Hugo accepts (those of
`cast.ToTimeInDefaultLocationE`: `2006-01-02`, RFC 3339 with or without `T`,
fraction or offset, `2006-01-02 15:04:05` with ` -07:00`/` -0700`/`Z07:00`
zones, RFC 1123/822/850, ANSI C/Unix/Ruby dates, `02 Jan 2006`, native TOML
dates). Text that is not a date (`last thursday`) and dates that do not exist
(`2025-13-07`, `2025-02-30`, `25:61`) are reported at the value, saying which
part is out of range. So are values Hugo fails on although they look harmless:
a quoted date with a leading or trailing space (`" 2025-02-07"`), a boolean
(`date: true`), a number with a fraction, a list or a mapping (a whole number
is DT006's). Messages name the generator of the active preset. Under the other
presets surrounding spaces are allowed (Ruby's and JavaScript's date parsers
skip them) and values that are not text are left to the schema (MkDocs
Material's blog writes `date: {{created: …}}`); Eleventy's `Last Modified`,
`Created`, `git Last Modified` and `git Created` are its dates of the file.

Deviation from Hugo: year-less layouts that Go would accept (`3:04PM`,
`Jan _2 15:04:05`) are reported, as a front-matter date without a year is a
mistake. `tests/test_hugo_dates.py` compares these verdicts with Hugo's own
(`hugo list all`) over a battery of values.

## Why is this bad?
Hugo stops the build with "the date front matter field is not a parsable date",
or — in older versions — silently dates the page 0001-01-01, so it sorts last and
shows a nonsense date.

{example(article("date: 2025-02-30"), article("date: 2025-02-28"))}
{_FIELD_OPTIONS}""",
    ),
    Rule(
        "DT002",
        "date-order",
        "The last-modified date is before the page date, or the expiry date is not after it.",
        doc=f"""## What it does
Reports a `lastmod` earlier than the `date` or `publishDate`, and an `expiryDate`
that is not after the `publishDate` (or, without one, the `date`), at the later
field. When either side has no time of day, `lastmod` is compared by day.

## Why is this bad?
A page that expires before it is published is never shown; a last-modified date
before the publication date is a typo (often the wrong year) and shows readers a
misleading "updated" line and feeds a wrong `<lastmod>` to the sitemap.

{example(article("date: 2025-02-07", "lastmod: 2024-02-08"), article("date: 2025-02-07", "lastmod: 2025-02-08"))}
{_FIELD_OPTIONS}""",
    ),
    Rule(
        "DT003",
        "filename-date-mismatch",
        "A Jekyll-style file name's date differs from the front-matter date.",
        severity=Severity.WARNING,
        doc=f"""## What it does
For a file named like `2025-02-07-some-title.md`, reports a front-matter date
whose day differs from the one in the file name.

## Why is this bad?
Jekyll takes the post's URL and date from the file name unless the front matter
overrides it; when the two disagree, one of them is stale and permalinks, archive
pages and feeds disagree with what the article says.

{example(article("date: 2025-02-08", body=_IN_FILE), article("date: 2025-02-07", body=_IN_FILE))}
{_FIELD_OPTIONS}""",
    ),
    Rule(
        "DT004",
        "future-date",
        "The publish date is in the future (off by default).",
        severity=Severity.WARNING,
        enabled=False,
        doc=f"""## What it does
Reports a publish date (the first publish-date field, or the date when there is
none) later than now. Off by default: select `DT004` to turn it on. Dates without
an offset are taken as UTC.

## Why is this bad?
Hugo does not publish pages dated in the future unless it runs with
`--buildFuture`: the article silently stays off the site.

{example(article("date: 2999-02-07"), article("date: 2025-02-07"))}
{_FIELD_OPTIONS}""",
    ),
    Rule(
        "DT005",
        "missing-timezone",
        "A date with a time of day has no time-zone offset (off by default).",
        severity=Severity.WARNING,
        enabled=False,
        doc=f"""## What it does
Reports a date that has a time of day but no offset (`2025-02-07 11:51:26`,
a TOML local date-time). Date-only values are not reported. Off by default:
select `DT005` to turn it on.

## Why is this bad?
Hugo reads such a time in the site's `timeZone` setting (UTC when unset); moving
the site or changing that setting moves every article's publication time, which
can hide articles as "in the future" or reorder them.

{example(article('date: "2025-02-07 11:51:26"'), article('date: "2025-02-07 11:51:26+08:00"'))}
{_FIELD_OPTIONS}""",
    ),
    Rule(
        "DT006",
        "numeric-date",
        "A date field holds a whole number, which Hugo reads as seconds since 1970.",
        severity=Severity.WARNING,
        doc=f"""## What it does
Reports a date field whose value is an unquoted whole number (`date: 2025`,
TOML `date = 20250207`). Hugo accepts it as a Unix time: `2025` is
`1970-01-01T00:33:45Z`; the message says which moment. Under the other
presets numbers are left to the schema.

## Why is this bad?
Nobody means "33 minutes after midnight on 1 January 1970": the writer meant a
year or a date, and the page is sorted and shown with a date 55 years off,
with no error from the build.

{example(article("date: 2025"), article("date: 2025-02-07"))}
{_FIELD_OPTIONS}""",
    ),
)

_ROLES = (
    ("date", "date-fields"),
    ("publishDate", "publish-date-fields"),
    ("lastmod", "lastmod-fields"),
    ("expiryDate", "expiry-date-fields"),
)
_JEKYLL_NAME = lazy_pattern(r"(\d{4})-(\d{2})-(\d{2})-")


class _Dated(msgspec.Struct, frozen=True):
    key: str
    date: HugoDate
    span: Span

    @property
    def utc(self) -> dt.datetime:
        value = self.date.value
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def label(self) -> str:
        return f"{self.key} ({self.date.value.isoformat(' ')})"


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    fm = ctx.front_matter
    if fm is None or not isinstance(fm.data, dict):
        return
    generator = PRESETS[ctx.settings.preset].generator
    role_of = {name.lower(): role for role, option in _ROLES for name in options[option]}
    first: dict[str, _Dated] = {}  # the first valid field of each role
    dated: list[_Dated] = []
    for key, value, path in _fields(fm.data, role_of):
        role = role_of[key.lower()]
        if value is None or value == "" or (generator == "Eleventy" and value in _ELEVENTY_DATES):
            continue
        span = fm.value_span(path)
        if not isinstance(value, str):
            if generator == "Hugo":  # the others' own types (MkDocs's `date: {{created: …}}`) are the schema's
                yield _not_text(key, value, span)
            continue
        try:
            # Hugo fails on surrounding whitespace; the others' parsers (Ruby's, JavaScript's) skip it
            found = _Dated(key, parse_hugo_date(value if generator == "Hugo" else value.strip(), generator), span)
        except DateError as exc:
            if not _declared_date_refuses(ctx, key, value):  # (the schema's finding there: one of the two)
                yield Problem("DT001", f"{key}: {exc}", span)
            continue
        dated.append(found)
        first.setdefault(role, found)
    yield from _order(first)
    yield from _file_name(ctx.doc.path, first.get("date"))
    publish = first.get("publishDate") or first.get("date")
    if publish is not None and publish.utc > dt.datetime.now(dt.UTC):
        note = _FUTURE.get(generator)
        yield Problem("DT004", f"{publish.label()} is in the future" + (f": {note}" if note else ""), publish.span)
    if not ctx.settings.is_enabled("DT005"):  # off by default: most dates would be reported, then dropped
        return
    zone = _ZONE.get(generator, f"the time it names depends on the time zone {generator} builds in")
    for found in dated:
        if found.date.has_time and not found.date.has_offset:
            written = found.date.value.isoformat(" ")
            yield Problem("DT005", f"{found.key}: `{written}` has no time-zone offset; {zone}", found.span)


def _declared_date_refuses(ctx: Context, key: str, value: str) -> bool:
    """Whether the schema the site declares for the file (an Astro collection's, …) checks ``key`` as a date
    (``yaml-date``, ``js-date``) and refuses ``value``: SC001 reports it."""
    schema = ctx.settings.schema
    if schema is None or not schema.every_entry or not isinstance(schema.contents, dict):
        return False
    declared = schema.contents.get("properties", {}).get(key)
    formats = [branch.get("format") for branch in (declared or {}).get("anyOf", [declared or {}])]
    for name in formats:
        if name in _DECLARED_DATES:
            try:
                CUSTOM_FORMATS[name](value)
            except ValueError:
                return True
    return False


_DECLARED_DATES = ("yaml-date", "js-date")


def _fields(data: dict[Any, Any], names: Mapping[str, str]) -> Iterator[tuple[str, Any, tuple[str, ...]]]:
    """The front-matter values ``names`` (lowercased) name, with each one's key and path: a top-level key, or
    a dotted name's key of a map (``last_update.date``), keys matched in any case."""
    for key, value in data.items():
        if isinstance(key, str) and key.lower() in names:
            yield key, value, (key,)
    for name in names:
        if "." not in name:
            continue
        path: list[str] = []
        found: Any = data
        for part in name.split("."):
            key = (
                next((k for k in found if isinstance(k, str) and k.lower() == part), None)
                if isinstance(found, dict)
                else None
            )
            if key is None:
                break
            path.append(key)
            found = found[key]
        else:
            yield ".".join(path), found, tuple(path)


# the dates Eleventy takes from the file (its modification or creation time, or its git history's)
_ELEVENTY_DATES = frozenset(("Last Modified", "Created", "git Last Modified", "git Created"))
# What each generator does with a future date, and with a time of day without an offset
_FUTURE = {
    "Hugo": "Hugo does not publish the page before then (unless --buildFuture)",
    "Jekyll": "Jekyll does not publish the post before then (unless --future)",
}
_ZONE = {
    "Hugo": "Hugo reads it in the site's timeZone (UTC by default)",
    "Jekyll": "Jekyll reads it in the site's `timezone` (the build machine's by default)",
    "Hexo": "Hexo reads it in the site's `timezone` (the build machine's by default)",
}


def _not_text(key: str, value: Any, span: Span) -> Problem:
    """What Hugo does with a date field holding a number, boolean, list or mapping (``None`` is "not set")."""
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            moment = dt.datetime.fromtimestamp(value, dt.UTC).isoformat().replace("+00:00", "Z")
        except (OverflowError, OSError, ValueError):
            moment = "out of range"
        message = f"{key}: `{value}` is a number: Hugo reads it as {value} seconds after 1970 ({moment}), not a date"
        return Problem("DT006", message, span)
    if isinstance(value, (bool, float)):
        what = f"`{str(value).lower()}` is {'a boolean' if isinstance(value, bool) else 'a number'}"
    else:
        what = f"is {'a list' if isinstance(value, list) else 'a mapping'}"
    return Problem("DT001", f"{key}: {what}, not a date Hugo can read", span)


def _order(first: dict[str, _Dated]) -> Iterator[Problem]:
    lastmod, expiry = first.get("lastmod"), first.get("expiryDate")
    if lastmod is not None:
        for role in ("date", "publishDate"):
            earlier = first.get(role)
            if earlier is not None and _before(lastmod, earlier):
                yield Problem("DT002", f"{lastmod.label()} is earlier than {earlier.label()}", lastmod.span)
                break
    start = first.get("publishDate") or first.get("date")
    if expiry is not None and start is not None and expiry.utc <= start.utc:
        yield Problem(
            "DT002", f"{expiry.label()} is not after {start.label()}: the page is never published", expiry.span
        )


def _before(later: _Dated, earlier: _Dated) -> bool:
    """``later`` comes first; by day when either has no time of day."""
    if later.date.has_time and earlier.date.has_time:
        return later.utc < earlier.utc
    return later.date.value.date() < earlier.date.value.date()


def _file_name(path: str, date: _Dated | None) -> Iterator[Problem]:
    name = _JEKYLL_NAME.match(os.path.basename(path))
    if date is None or name is None:
        return
    try:
        named = dt.date(*(int(part) for part in name.groups()))
    except ValueError:  # the file name's "date" does not exist; nothing to compare
        return
    if date.date.value.date() != named:
        message = f"{date.key} {date.date.value.date()} differs from the date in the file name ({named})"
        yield Problem("DT003", message, date.span)

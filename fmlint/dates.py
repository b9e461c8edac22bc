"""Date and time strings as Hugo reads them.

Hugo passes front-matter dates through ``cast.ToTimeInDefaultLocationE``, which
tries a fixed list of Go layouts (spf13/cast ``timeFormats``): RFC 3339;
``2006-01-02T15:04:05`` and ``2006-01-02T15:04:05-0700``; ``2006-01-02 15:04:05``
with ``Z07:00``, ``Z0700``, `` -07:00`` or `` -0700`` (and Go's
``Time.String()`` form ``2006-01-02 15:04:05.999999999 -0700 MST``);
``2006-01-02``; RFC 1123/1123Z/822/822Z/850; ANSI C, Unix and Ruby dates;
``02 Jan 2006``.  As in Go, fractional seconds may follow the seconds in any
layout, and an hour may have one digit (``2017-05-17 4:51:55 -0400``).
:func:`parse_hugo_date` accepts the same layouts and, when a string
has a date's shape but impossible values, says which part is out of range
instead of just "invalid".

Deviations from cast: the year-less layouts (``3:04PM``, ``Jan _2 15:04:05``)
are rejected, because a front-matter date without a year is always a mistake.
Surrounding whitespace is rejected, as by Hugo (`` 2025-02-07`` fails its build).
The generator named in messages is a parameter: the other presets' generators
read these layouts too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import msgspec

from fmlint.regex import lazy_pattern

_ISO = lazy_pattern(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:(?P<separator>[T ])(?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})(?P<fraction>\.\d+)?"
    r"(?P<zone>.*))?"
)
# `2024-1-25`: a YAML 1.1 timestamp (PyYAML's, Ruby's Psych: month, day and hour may have one digit), which
# MkDocs' and Jekyll's readers take for a date (Jekyll's Time.parse too, and JavaScript's `new Date`, Hexo's);
# Hugo cannot read it
_UNPADDED = lazy_pattern(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt]|[ \t]+)(\d{1,2})(:\d{2}:\d{2}.*))?")
# the generators that read a date string with JavaScript's `new Date` (Hexo; applications' own code)
JAVASCRIPT_READERS = ("Hexo", "Next.js", "Gatsby", "Nuxt")
_UNPADDED_READERS = ("MkDocs", "Jekyll", *JAVASCRIPT_READERS)
# `2019/10/13 20:46:25`: JavaScript's `new Date`, which Hexo reads a date string with, takes slashes as dashes
_SLASHED = lazy_pattern(r"(\d{4})/(\d{1,2})/(\d{1,2})((?:[ \t]+\d{1,2}:\d{2}:\d{2})?)")
# `1992-02-25 13:22`: V8's `new Date` reads a time without seconds (Velite's documented `date`)
_NO_SECONDS = lazy_pattern(r"(\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2})(Z|[+-]\d{2}:?\d{2})?")
# `Nov 1, 2014`, `November 1, 2014 10:00`: V8's `new Date` reads a month by the first three letters of its English
# name (`Sept`), then the day and year, too
_MONTH_DAY_YEAR = lazy_pattern(r"([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
# `2017-05-17 4:51:55 -0400` (digital.gov's): Go's layout hour `15` reads one digit or two (its minutes and
# seconds, `04` and `05`, two), so Hugo reads a one-digit hour in every layout
_ONE_DIGIT_HOUR = lazy_pattern(r"(\d{4}-\d{2}-\d{2}[T ])(\d:\d{2}:\d{2}.*)")
# The zones each separator allows, with the numeric offset as group 1.
_ISO_ZONES = {
    "T": lazy_pattern(r"Z|([+-]\d{2}:?\d{2})"),
    " ": lazy_pattern(r"Z|([+-]\d{2}:?\d{2})| ([+-]\d{2}:?\d{2})| ([+-]\d{4}) [A-Z]{3,5}"),
}
_ZONE = r"(?:[A-Z]{2,5}|[+-]\d{4})"
# (pattern over the whole string, strptime format); the zone is checked by the pattern
# and dropped before strptime, which cannot read names such as "MST".
_TEXT_LAYOUTS = [
    (
        rf"[A-Z][a-z]{{2}}, \d{{2}} [A-Z][a-z]{{2}} \d{{4}} \d{{2}}:\d{{2}}:\d{{2}} {_ZONE}",
        "%a, %d %b %Y %H:%M:%S",
    ),  # RFC 1123
    (rf"\d{{2}} [A-Z][a-z]{{2}} \d{{2}} \d{{2}}:\d{{2}} {_ZONE}", "%d %b %y %H:%M"),  # RFC 822
    (
        rf"[A-Z][a-z]+, \d{{2}}-[A-Z][a-z]{{2}}-\d{{2}} \d{{2}}:\d{{2}}:\d{{2}} {_ZONE}",
        "%A, %d-%b-%y %H:%M:%S",
    ),  # RFC 850
    (r"[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}", "%a %b %d %H:%M:%S %Y"),  # ANSI C
    (
        rf"[A-Z][a-z]{{2}} [A-Z][a-z]{{2}} [ \d]\d \d{{2}}:\d{{2}}:\d{{2}} {_ZONE} \d{{4}}",
        "%a %b %d %H:%M:%S %Y",
    ),  # Unix, Ruby
    (r"\d{2} [A-Z][a-z]{2} \d{4}", "%d %b %Y"),
]
_TEXT_PATTERNS = [(lazy_pattern(pattern), layout) for pattern, layout in _TEXT_LAYOUTS]
_ZONE_TOKEN = lazy_pattern(rf"\s{_ZONE}(?=\s|$)")


class HugoDate(msgspec.Struct, frozen=True):
    value: dt.datetime
    has_time: bool
    has_offset: bool


class DateError(ValueError):
    """Not a date Hugo can read; the message says why."""


def parse_hugo_date(text: str, generator: str = "Hugo") -> HugoDate:
    """Parse ``text`` as Hugo would, or raise :class:`DateError` explaining why not (naming ``generator``)."""
    if text != text.strip():
        where = "starts" if text[:1].isspace() else "ends"
        raise DateError(f"`{text}` {where} with whitespace: {generator} cannot read it (remove it)")
    match = _ISO.fullmatch(text)
    if match:
        written_zone = match.group("zone")
        zone = _ISO_ZONES[match.group("separator")].fullmatch(written_zone) if written_zone else None
        if zone or not written_zone:
            return _from_iso(match, zone)
    for pattern, layout in _TEXT_PATTERNS:
        if pattern.fullmatch(text):
            has_zone = bool(_ZONE_TOKEN.search(text))
            try:
                value = dt.datetime.strptime(_ZONE_TOKEN.sub("", text), layout)
            except ValueError as exc:
                raise DateError(f"`{text}` has impossible values ({exc})") from None
            return HugoDate(value, layout != "%d %b %Y", has_zone)
    if generator == "Hugo" and (one_digit := _ONE_DIGIT_HOUR.fullmatch(text)) is not None:
        return parse_hugo_date(f"{one_digit.group(1)}0{one_digit.group(2)}", generator)
    if generator in JAVASCRIPT_READERS and (minutes := _NO_SECONDS.fullmatch(text)) is not None:
        return parse_hugo_date(f"{minutes.group(1)}:00{minutes.group(2) or ''}", generator)
    if generator in JAVASCRIPT_READERS and (slashed := _SLASHED.fullmatch(text)) is not None:
        return parse_hugo_date("{}-{}-{}{}".format(*slashed.groups()), generator)
    if (
        generator in JAVASCRIPT_READERS
        and (named := _MONTH_DAY_YEAR.fullmatch(text))
        and named.group(1)[:3].lower() in _MONTHS
    ):
        name, day, year, hour, minute, second = named.groups()
        time = f" {int(hour):02d}:{minute}:{second or '00'}" if hour else ""
        return parse_hugo_date(f"{year}-{_MONTHS[name[:3].lower()]:02d}-{int(day):02d}{time}", generator)
    if generator in _UNPADDED_READERS and (unpadded := _UNPADDED.fullmatch(text)) is not None:
        year, month, day, separator, hour, rest = unpadded.groups()
        time = f"{'T' if separator in ('T', 't') else ' '}{int(hour):02d}{rest}" if separator else ""
        padded = f"{year}-{int(month):02d}-{int(day):02d}{time}"
        if padded != text:
            return parse_hugo_date(padded, generator)
    if re.match(r"\d{4}-\d{1,2}-\d{1,2}", text):
        raise DateError(
            f"`{text}` is not a date layout {generator} accepts (use 2006-01-02 or 2006-01-02T15:04:05-07:00)"
        )
    raise DateError(f"`{text}` is not a date {generator} can read")


def _from_iso(match: re.Match[str], zone: re.Match[str] | None) -> HugoDate:
    year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
    if year == 0:  # Go reads year 0; Python's dates (and any sensible article) start at year 1
        raise DateError("year 0000 is out of range (0001-9999)")
    if not 1 <= month <= 12:
        raise DateError(f"month {month:02d} is out of range (01-12)")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise DateError(f"day {day:02d} is out of range for {calendar.month_name[month]} {year} (01-{last_day})")
    hour = int(match.group("hour") or 0)
    minute = int(match.group("minute") or 0)
    second = int(match.group("second") or 0)
    for name, value, top in (("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)):
        if value > top:
            raise DateError(f"{name} {value:02d} is out of range (00-{top})")
    offset = next((group for group in zone.groups() if group), "Z") if zone else None
    tz = None
    if offset:
        tz = dt.UTC if offset == "Z" else _offset(offset)
    fraction = match.group("fraction")
    micro = int((fraction[1:] + "000000")[:6]) if fraction else 0
    moment = dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    return HugoDate(moment, match.group("hour") is not None, tz is not None)


def _offset(text: str) -> dt.timezone:
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise DateError(f"time-zone offset {text} is out of range")
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if text[0] == "-" else delta)

"""JSON Schema ``format`` names that fmlint checks itself.

A schema can say ``{"type": "string", "format": "hugo-date"}`` (a date in a
layout Hugo reads) or ``"format": "image-url"`` (an http(s) URL or a path with
an image extension, or ``""`` for none) and get the same checks (and messages)
as fmlint's own date and image rules; ``"format": "hugo-term"`` is a taxonomy's
value written as a string, which Hugo takes as one term (no comma, then).
``yaml-date`` and ``js-date`` are Zod's ``z.date()`` and ``z.coerce.date()`` of
an Astro collection's front matter (``fmlint.schema.zod``); ``js-date`` is
Contentlayer's ``date`` too.  The
standard ``duration`` is checked here against RFC 3339's grammar (appendix A,
which JSON Schema cites) instead of through jsonschema's optional isoduration,
whose import (with arrow) cost about 45 ms of every start-up.  Each checker raises ``ValueError`` with a
human explanation, which becomes the diagnostic text.
"""

from __future__ import annotations

from collections.abc import Callable

from fmlint.dates import parse_hugo_date
from fmlint.images import extension_error
from fmlint.regex import lazy_pattern
from fmlint.urls import url_error

FormatCheck = Callable[[object], object]


def _hugo_date(value: object) -> bool:
    if isinstance(value, str):
        parse_hugo_date(value)
    return True


def _image_url(value: object) -> bool:
    if isinstance(value, str) and value:
        reason = url_error(value) or extension_error(value)
        if reason:
            raise ValueError(reason)
    return True


def _hugo_term(value: object) -> bool:
    if isinstance(value, str) and "," in value:
        raise ValueError("Hugo takes a string as one term, commas and all (write a list for several terms)")
    return True


_TIME = r"T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)"
_DURATION = lazy_pattern(rf"P(?:(?:\d+D|\d+M(?:\d+D)?|\d+Y(?:\d+M(?:\d+D)?)?)(?:{_TIME})?|{_TIME}|\d+W)")


def _duration(value: object) -> bool:
    if isinstance(value, str) and not _DURATION.fullmatch(value):
        raise ValueError("not an ISO 8601 duration such as P1Y2M, P3W or PT1H30M (RFC 3339, appendix A)")
    return True


# js-yaml's timestamps (YAML_DATE_REGEXP, YAML_TIMESTAMP_REGEXP): what Astro's front matter holds as a date
_YAML_TIMESTAMP = lazy_pattern(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
    r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)


def _yaml_date(value: object) -> bool:
    """Zod's ``z.date()`` of a front matter: a YAML timestamp (fmlint reads one as its text)."""
    if isinstance(value, str) and not _YAML_TIMESTAMP.fullmatch(value):
        raise ValueError("not a YAML date: z.date() takes 2025-02-07 or 2025-02-07 11:51:26, unquoted")
    return True


def _js_date(value: object) -> bool:
    """What JavaScript's ``new Date()`` reads (Zod's ``z.coerce.date()``, Contentlayer's ``date``): not a string
    without a digit."""
    if isinstance(value, str) and not any(char.isdigit() for char in value):
        raise ValueError("not a date JavaScript's `new Date` reads")
    return True


CUSTOM_FORMATS: dict[str, FormatCheck] = {
    "hugo-date": _hugo_date,
    "yaml-date": _yaml_date,
    "js-date": _js_date,
    "image-url": _image_url,
    "hugo-term": _hugo_term,
    "duration": _duration,
}

"""What a single front-matter value looks like: its JSON type and the shapes a string can have.

Each string is classified once (``string_shapes`` is cached): a site's
``layout`` or ``author`` repeats thousands of times, and its titles are
classified once each.
"""

from __future__ import annotations

from enum import IntFlag
from functools import lru_cache

from fmlint.dates import parse_hugo_date
from fmlint.images import IMAGE_EXTENSIONS, url_path
from fmlint.regex import lazy_pattern
from fmlint.urls import parse, url_error

_RFC3339_DATE = lazy_pattern(r"\d{4}-\d{2}-\d{2}")
_RFC3339_DATE_TIME = lazy_pattern(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = lazy_pattern(SLUG)
_FREE_TEXT_WORDS = 4  # a value of this many words or more is prose, not a choice


class Shape(IntFlag):
    """The shapes a string value has (several at once: ``2025-01-02`` is a Hugo date and an RFC 3339 date)."""

    NONE = 0
    HUGO_DATE = 1
    RFC3339_DATE = 2
    RFC3339_DATE_TIME = 4
    ABSOLUTE_URL = 8
    IMAGE = 16  # an http(s) URL or a path with an image extension
    SLUG = 32
    FREE_TEXT = 64  # several words, or long


@lru_cache(maxsize=65536)
def string_shapes(text: str) -> Shape:
    shapes = Shape.NONE
    if text[:1].isdigit() or text[:1].isupper():  # every Hugo layout starts with a digit or a capital
        try:
            parse_hugo_date(text)
            shapes |= Shape.HUGO_DATE
        except ValueError:
            pass
    if _RFC3339_DATE.fullmatch(text):
        shapes |= Shape.RFC3339_DATE
    elif _RFC3339_DATE_TIME.fullmatch(text):
        shapes |= Shape.RFC3339_DATE_TIME
    parts = parse(text) if "://" in text else None
    if parts is not None and parts.scheme and parts.hostname and " " not in text:
        shapes |= Shape.ABSOLUTE_URL
    if text and url_path(text).lower().endswith(IMAGE_EXTENSIONS) and not url_error(text):
        shapes |= Shape.IMAGE
    if _SLUG.fullmatch(text):
        shapes |= Shape.SLUG
    if len(text.split()) >= _FREE_TEXT_WORDS or len(text) > 60:
        shapes |= Shape.FREE_TEXT
    return shapes

"""Custom JSON Schema ``format`` names that fmlint understands.

A schema can say ``{"type": "string", "format": "hugo-date"}`` (a date in a
layout Hugo reads) or ``"format": "image-url"`` (an http(s) URL or a path with
an image extension, or ``""`` for none) and get the same checks (and messages)
as fmlint's own date and image rules.  Each checker raises
``ValueError`` with a human explanation, which becomes the diagnostic text.
"""

from __future__ import annotations

from collections.abc import Callable

from fmlint.dates import parse_hugo_date
from fmlint.images import extension_error
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


CUSTOM_FORMATS: dict[str, FormatCheck] = {
    "hugo-date": _hugo_date,
    "image-url": _image_url,
}

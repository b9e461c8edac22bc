"""Custom JSON Schema ``format`` names that fmlint understands.

A schema can say ``{"type": "string", "format": "hugo-date"}`` and get the same
checks (and messages) as fmlint's own rules.  Each checker raises
``ValueError`` with a human explanation, which becomes the diagnostic text.
"""

from __future__ import annotations

from collections.abc import Callable

from fmlint.dates import parse_hugo_date

FormatCheck = Callable[[object], object]


def _hugo_date(value: object) -> bool:
    if isinstance(value, str):
        parse_hugo_date(value)
    return True


CUSTOM_FORMATS: dict[str, FormatCheck] = {
    "hugo-date": _hugo_date,
}

"""URL syntax, shared by the image rules, the link rules and the online checks.

Offline only: whether a destination is a well-formed ``http(s)`` URL or a
local path, never whether it answers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

import msgspec

from fmlint.regex import lazy_pattern
from fmlint.spelling import edit_distance

REMOTE_SCHEMES = ("http", "https")
_CONTROL_OR_SPACE = lazy_pattern(r"[\x00-\x20\x7f]")
_SCHEME = lazy_pattern(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# The usual shape, ``scheme://host.name/path?query#fragment``: no port, user, brackets, spaces or controls
_PLAIN = lazy_pattern(r"([A-Za-z][A-Za-z0-9+.-]*)://([A-Za-z0-9.-]+)(/[^?#\x00-\x20\x7f]*)?(?:[?#][^\x00-\x20\x7f]*)?")


class UrlParts(msgspec.Struct, frozen=True, gc=False):
    """What the offline rules read of a URL (as ``urlsplit`` gives it)."""

    scheme: str  # lower-cased; "" for a path
    netloc: str
    hostname: str  # lower-cased; "" when there is none
    path: str
    plain: bool = False  # of the usual shape (see _PLAIN): a host, and no spaces or control characters


def split(url: str) -> SplitResult | None:
    """``urlsplit`` that returns ``None`` instead of raising (bad ports, brackets)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for an invalid port
    except ValueError:
        return None
    return parts


@lru_cache(maxsize=1024)
def parse(url: str) -> UrlParts | None:
    """``split`` for the rules: the same answer, cached (an image URL is read by several rules)
    and without ``urlsplit`` for URLs of the usual shape (about 6x faster)."""
    plain = _PLAIN.fullmatch(url)
    if plain is not None:
        return UrlParts(plain[1].lower(), plain[2], plain[2].lower(), plain[3] or "", plain=True)
    parts = split(url)
    return None if parts is None else UrlParts(parts.scheme, parts.netloc, parts.hostname or "", parts.path)


def is_remote(url: str) -> bool:
    parts = parse(url)
    return parts is not None and parts.scheme in REMOTE_SCHEMES


def is_local(url: str) -> bool:
    """A path (``chart.png``, ``/images/chart.png``): no scheme and not protocol-relative."""
    return _SCHEME.match(url) is None and not url.startswith("//")


# Schemes people mistype: a scheme one edit (or one swap) away from one of these, and not one of them, is a typo
_COMMON_SCHEMES = ("http", "https", "mailto")
_MISSING_COLON = lazy_pattern(r"(https?)//", re.IGNORECASE)


def scheme_of(url: str) -> str | None:
    """The lower-cased scheme ``url`` is written with, or ``None`` for a path."""
    scheme = _SCHEME.match(url)
    return None if scheme is None else scheme.group(1).lower()


def scheme_typo(url: str) -> str | None:
    """Why ``url`` looks like a mistyped common scheme (``htps://``, ``http//``, ``C:\\…``), or ``None``."""
    missing = _MISSING_COLON.match(url)
    if missing:
        return f"`{missing.group(1)}//` lacks its colon (write `{missing.group(1).lower()}://`)"
    scheme = _SCHEME.match(url)
    if scheme is None:
        return None
    name = scheme.group(1).lower()
    if len(name) == 1:
        return f"`{scheme.group()}` is a Windows drive, not a URL scheme (link a path of the site)"
    if name in _COMMON_SCHEMES:
        return None
    near = next((common for common in _COMMON_SCHEMES if edit_distance(name, common, 1) == 1), None)
    return None if near is None else f"unknown scheme `{scheme.group(1)}:` (did you mean `{near}:`?)"


def url_error(url: str, extra_schemes: tuple[str, ...] = ()) -> str | None:
    """Why ``url`` is not a valid http(s) URL or path, or ``None`` when it is.

    ``extra_schemes`` admits more schemes (``mailto``, ``tel`` for links).
    """
    parts = parse(url)
    if parts is not None and parts.plain and (parts.scheme in REMOTE_SCHEMES or parts.scheme in extra_schemes):
        return None  # most URLs end here
    bad = _CONTROL_OR_SPACE.search(url)
    if bad:
        what = "a space" if bad.group() == " " else f"the control character U+{ord(bad.group()):04X}"
        return f"URL contains {what} (encode it as %{ord(bad.group()):02X})"
    if parts is None:
        return "URL cannot be parsed (bad port or brackets)"
    scheme = _SCHEME.match(url)
    if scheme is None:
        return None if not url.startswith("//") or parts.netloc else "protocol-relative URL has no host"
    name = scheme.group(1).lower()
    if name in extra_schemes:
        return None
    if name not in REMOTE_SCHEMES:
        return f"unsupported scheme `{scheme.group(1)}:` (expected http or https)"
    if not parts.hostname:
        return "URL has no host"
    return None

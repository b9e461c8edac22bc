"""Go's ``net/url.Parse``, which Hugo's templates call as ``urls.Parse``: whether it rejects a URL, and why.

Hugo's embedded link and image render hooks parse every Markdown destination with it, and a destination it
rejects stops the build (``error calling Parse``). Go accepts almost anything a browser would resolve; it
rejects a control character, a relative path whose first segment holds a colon (``"https://…"`` in quotes,
``(https://…)`` in parentheses: no valid scheme, so the colon is in the path), a ``%`` not followed by two
hex digits, and an authority with a port that is not digits, a character a host name cannot hold, a bad
``[IPv6]`` literal or bad user information. The query is not read. Written from Go 1.26's source and checked
against Hugo 0.168 (``tests/test_go_urls.py``).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import unquote

from fmlint.regex import lazy_pattern

_CONTROL = lazy_pattern(r"[\x00-\x1f\x7f]")
_BAD_ESCAPE = lazy_pattern(r"%(?![0-9A-Fa-f]{2})")
_SCHEME_CHARS = lazy_pattern(r"[A-Za-z][A-Za-z0-9+.-]*")
_PORT = lazy_pattern(r"(?::[0-9]*)?")
# characters a host name may hold besides letters, digits and bytes above 0x7f (``shouldEscape`` in host mode)
_HOST_CHARS = frozenset("!$&'()*+,;=:[]<>\"-_.~%")
_USER_CHARS = frozenset("-._:~!$&'()*+,;=%@")


def go_parse_error(url: str) -> str | None:
    """The error Go's ``url.Parse`` gives for ``url`` (its own words), or ``None`` when it parses."""
    rest, _, fragment = url.partition("#")
    return _parse_error(rest) or _escape_error(fragment)


def build_failure(kind: str, error: str) -> str:
    """What a finding says of a destination Hugo's embedded ``kind`` render hook cannot parse (``error``)."""
    return f"Hugo's build fails on it: its embedded {kind} render hook, which this site uses, cannot parse it ({error})"


def _parse_error(url: str) -> str | None:
    if _CONTROL.search(url):
        return "net/url: invalid control character in URL"
    if url == "*":
        return None
    scheme = ""
    if url.startswith(":"):
        return "missing protocol scheme"
    written = _SCHEME_CHARS.match(url)
    if written is not None and url[written.end() : written.end() + 1] == ":":
        scheme, url = written.group(), url[written.end() + 1 :]
    url = url[:-1] if url.endswith("?") and url.count("?") == 1 else url.partition("?")[0]  # (the query: unread)
    if not url.startswith("/"):
        if scheme:
            return None  # an opaque URL (``mailto:…``): nothing more is read
        if ":" in url.partition("/")[0]:
            return "first path segment in URL cannot contain colon"
    if url.startswith("//") and (scheme or not url.startswith("///")):
        authority, slash, path = url[2:].partition("/")
        url = slash + path
        if (error := _authority_error(authority)) is not None:
            return error
    return _escape_error(url)


def _authority_error(authority: str) -> str | None:
    user, at, host = authority.rpartition("@")
    if (error := _host_error(host if at else authority)) is not None:
        return error
    if at and any(not (c.isascii() and c.isalnum()) and c not in _USER_CHARS for c in user):
        return "net/url: invalid userinfo"
    return _escape_error(user)


def _host_error(host: str) -> str | None:
    if host.startswith("["):
        end = host.rfind("]")
        if end < 0:
            return "missing ']' in host"
        if not _PORT.fullmatch(host[end + 1 :]):
            return f"invalid port {_quoted(host[end + 1 :])} after host"
        literal, marked, zone = host[1:end].partition("%25")
        if (error := _escape_error(literal, host=True) or _escape_error(host[end:], host=True)) is not None:
            return error
        if (error := _escape_error(zone)) is not None:
            return error
        address = f"{literal}%{unquote(zone)}" if marked else literal
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            try:
                ipaddress.IPv4Address(address)
            except ValueError:
                return f"invalid host: ParseAddr({_quoted(address)})"
            return "invalid IP-literal"
        return None
    colon = host.find(":")
    if colon >= 0 and not _PORT.fullmatch(host[colon:]):
        return f"invalid port {_quoted(host[colon:])} after host"
    if "[" in host:
        return "invalid IP-literal"
    return _escape_error(host, host=True)


def _escape_error(text: str, host: bool = False) -> str | None:
    """Why Go's ``unescape`` rejects ``text``: a ``%`` without two hex digits, and in a host an escape of a byte
    below 0x80 other than ``%25`` or a character a host cannot hold."""
    bad = _BAD_ESCAPE.search(text)
    if bad is not None:
        return f"invalid URL escape {_quoted(text[bad.start() : bad.start() + 3])}"
    if host:
        for place, c in enumerate(text):
            if c == "%" and text[place + 1] < "8" and text[place : place + 3] != "%25":
                return f"invalid URL escape {_quoted(text[place : place + 3])}"
            if c.isascii() and not c.isalnum() and c not in _HOST_CHARS:
                return f"invalid character {_quoted(c)} in host name"
    return None


def _quoted(text: str) -> str:
    """``text`` as Go's ``%q`` writes it (the control characters it would escape are rejected before)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

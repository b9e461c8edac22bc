"""The safety guard: which URLs and addresses the online checks may contact.

Only ``http``/``https`` URLs without credentials; and, unless private URLs are
allowed, only public addresses. IP literals are checked before each request
(the first one and every redirect); host names are checked by
:class:`GuardedResolver` after DNS resolution, on every connection, so a name
that resolves to ``127.0.0.1`` is refused just like the literal.
"""

from __future__ import annotations

import ipaddress
import socket

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from fmlint.urls import REMOTE_SCHEMES, split


class Refused(OSError):
    """A connection the guard does not allow; ``str()`` says why."""


def url_refusal(url: str, allow_private: bool) -> str | None:
    """Why ``url`` must not be requested, or ``None`` when it may be."""
    parts = split(url)
    if parts is None:
        return f"{url} is not a valid URL"
    if parts.scheme.lower() not in REMOTE_SCHEMES:
        return f"{url} is not an http or https URL"
    if not parts.hostname:
        return f"{url} has no host"
    if parts.username is not None or parts.password is not None:
        return f"{parts.hostname} URL carries credentials"
    if allow_private:
        return None
    try:
        return address_refusal(parts.hostname, parts.hostname)
    except ValueError:  # a host name, checked after resolution
        return None


def address_refusal(host: str, address: str) -> str | None:
    """Why the IP ``address`` (that ``host`` resolved to) is off limits; ValueError if not an IP."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    kind = _kind(ip)
    if kind is None:
        return None
    article = "an" if kind[0] in "aeiou" else "a"
    return f"{host} is {article} {kind} address" if host == address else f"{host} resolves to {kind} address {address}"


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    ):
        if flag:
            return kind
    return None


class GuardedResolver(AbstractResolver):
    """The default resolver, refusing host names with any non-public address."""

    def __init__(self) -> None:
        self._resolver = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._resolver.resolve(host, port, family)
        for result in results:
            refusal = address_refusal(host, result["host"])
            if refusal:
                raise Refused(refusal)
        return results

    async def close(self) -> None:
        await self._resolver.close()

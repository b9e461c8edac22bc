"""What a site's host serves besides its pages and calls its own: the hosts of its URL, and the sources of
the redirect rules Netlify (or Cloudflare Pages) serves for it."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from fmlint.site.routes import netlify_redirect_sources, redirect_sources


def netlify_redirects(root: str, published: list[str]) -> tuple[list[str], bytes]:
    """The sources of the redirect rules Netlify (or Cloudflare Pages) serves for the site at ``root``: those of
    the ``_redirects`` files the build publishes from the folders ``published``, and of its ``netlify.toml``;
    and the files' bytes (what the findings depend on)."""
    redirects: list[str] = []
    data = b""
    for found, read in [
        *(redirect_sources(os.path.join(folder, "_redirects")) for folder in published),
        netlify_redirect_sources(os.path.join(root, "netlify.toml")),
    ]:
        redirects += found
        data += read
    return redirects, data


_PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def own_hosts_of(url: Any) -> tuple[str, ...]:
    """The host of the site's own URL (``https://keda.sh/``), but a placeholder's (``example.org``: the host
    of documentation examples)."""
    try:
        host = urlsplit(str(url or "")).hostname or ""
    except ValueError:
        return ()
    return (host,) if host and not host.endswith(_PLACEHOLDER_HOSTS) else ()


def pages_user_site(url: Any) -> bool:
    """Whether the site's own URL is a GitHub Pages user or organization site's, ``https://<owner>.github.io``
    at the root, below which GitHub serves the owner's other repositories' project sites (``/<repository>/``)."""
    try:
        parts = urlsplit(str(url or ""))
    except ValueError:
        return False
    return (parts.hostname or "").endswith(".github.io") and not parts.path.strip("/")


def url_path(url: Any) -> str:
    """The path of a URL without its closing slash (``/latest``; "" for none)."""
    try:
        return urlsplit(str(url or "")).path.rstrip("/")
    except ValueError:
        return ""

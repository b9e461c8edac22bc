"""Remote URLs that do not work: reported by the online pass, not per file.

These rules have no per-file check: with `--check-urls` (images) or
`--check-links` (images and links) fmlint lints every file first, then asks each
distinct remote URL once (`fmlint.online`) and reports the failures at every
place the URL is written. Without those options they never fire. `--select` and
`--ignore` apply to them like to any rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.rules.base import Context, Rule

_HOW = """
Only with `--check-urls` (front-matter image fields and body images) or
`--check-links` (ordinary link destinations too); each distinct URL is asked
once per run (HEAD, then a streamed GET when HEAD is refused or unreliable) and
the answer is cached in `<cache-dir>/urls/` (24 h for a working URL, 1 h for a
failure; `--no-cache` bypasses the cache).
"""

_BROKEN = f"""
## What it does
Reports a remote image or link whose server answers with an error status:
`404 Not Found` and `410 Gone` at once, other 4xx/5xx after retrying (with
backoff, honouring `Retry-After`, on 429 and 5xx answers).
{_HOW}
## Why is this bad?
Readers get a broken image or a dead link; imported content often points at a
CDN that has since dropped the file.

## Example
`image: https://cdn.example.com/gone.png` in the front matter, when the CDN
answers 404:

```console
$ fmlint --check-urls content/
content/post.md:3:8: URL001 404 Not Found
```
"""

_UNREACHABLE = f"""
## What it does
Reports a remote URL that gives no usable answer: the request timed out
(`timed out after 10 s`), the host name does not resolve (`DNS lookup
failed`), the TLS certificate is invalid (`TLS certificate error`), the
connection is refused, or the redirects loop or go on for more than 5 hops.
{_HOW}
## Why is this bad?
A host that vanished or a certificate that expired breaks every page that uses
the URL.

## Example
`![Chart](https://old-host.example/chart.png)` when the host no longer exists:

```console
$ fmlint --check-urls content/
content/post.md:9:11: URL002 DNS lookup failed
```
"""

_NOT_IMAGE = f"""
## What it does
Reports an image URL whose server answers 2xx with a `Content-Type` that is not
`image/*` — typically an HTML error or login page served with status 200.
{_HOW}
## Why is this bad?
The browser cannot show an HTML page as an image: the reader sees a broken
image although the URL "works".

## Example
`cover: {{image: https://example.com/photo}}` when that address serves a page:

```console
$ fmlint --check-urls content/
content/post.md:4:10: URL003 serves text/html, not an image
```
"""

_MOVED = f"""
## What it does
Reports a remote URL that is permanently redirected (301 or 308), naming the
URL it finally leads to, so the content can be updated.
{_HOW}
## Why is this bad?
Every visit pays an extra round trip, and redirects left in place tend to
break when the old host is retired.

## Example
`![Logo](http://example.com/logo.png)` redirected to HTTPS:

```console
$ fmlint --check-urls content/
content/post.md:7:9: URL004 permanently redirected to https://example.com/logo.png
```
"""

_REFUSED = f"""
## What it does
Reports a remote URL that fmlint refused to contact, so it was not checked: it
resolves (or redirects) to a loopback, private, link-local, multicast or
otherwise non-public address, redirects to a scheme other than http/https, or
carries user credentials. `--allow-private-urls` lets fmlint check private
addresses (an intranet site); credentials are never sent.
{_HOW}
## Why is this bad?
A published page cannot load an image from an address only your network can
reach, and a linter run in CI must not be turned into a probe of that network.

## Example
`image: http://192.168.1.20/banner.png`:

```console
$ fmlint --check-urls content/
content/post.md:3:8: URL005 not checked: 192.168.1.20 is a private address
```
"""

RULES = (
    Rule("URL001", "broken-url", "A remote URL answers with an error status.", doc=_BROKEN),
    Rule("URL002", "unreachable-url", "A remote URL gives no usable answer.", doc=_UNREACHABLE),
    Rule("URL003", "not-an-image", "An image URL does not serve an image.", doc=_NOT_IMAGE),
    Rule("URL004", "permanent-redirect", "A remote URL is permanently redirected.", Severity.WARNING, doc=_MOVED),
    Rule("URL005", "url-not-checked", "The safety guard refused a remote URL.", Severity.WARNING, doc=_REFUSED),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Reported by the online pass (``fmlint.online``) after all files are linted."""
    return iter(())

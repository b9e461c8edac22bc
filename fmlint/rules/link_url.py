"""A link destination that is not a valid URL or path.

## What it does
Checks each link's destination: any scheme that is valid by RFC 3986 is
accepted (`vscode:extension/…`, `ftp:`, `mailto:`, `tel:`), but a scheme one
typing slip away from `http`, `https` or `mailto` (`ttps://`, `htps://`,
`hhtp://`, `mialto:`) is reported with the scheme it resembles, and so are
`http//…` without its colon and Windows paths (`C:\\Users\\…`). A destination
in quotes (`[x]("https://…")`, pasted from an HTML attribute) is reported too:
Markdown has no quoted destinations, so the quotes are part of a relative URL
(Goldmark writes `href="%22https://…%22"`); so is a URL in parentheses
or brackets (`[x]((https://…))`, `[x]:(https://…)`, `[x]([https://…])`),
which Markdown keeps in the destination as well; the fix (unsafe: the page then links elsewhere)
removes them. On a Hugo site that renders links with Hugo's
embedded link render hook (a site on one host that configures its languages,
one is enough, without a hook of its own or of a theme, every theme there to
read, and not pinning a Hugo older than
0.123 in `netlify.toml`, `package.json` or a GitHub workflow), a
URL of any other scheme than http, https and mailto (`ftp:`, `tel:`,
`vscode:`) is reported: the hook writes it as `#ZgotmplZ`. There, a
destination that Go's `url.Parse` rejects stops the build (`error calling
Parse`), and is reported as such: a URL in quotes, parentheses or brackets, a relative
path whose first segment holds a colon (`my_page:x`), a `%` not followed by
two hex digits (`/100%`, `#50%`), a port that is not digits. An `http`/`https`
URL needs a host, and spaces or control characters must be percent-encoded.
Schemes in `denied-schemes` are reported (by default `javascript:`,
`vbscript:` and `file:`, which Hugo's renderer, Goldmark, drops from links);
a non-empty `allowed-schemes` accepts only those schemes besides http and
https. Relative paths and fragments (`#usage`) are accepted, as are
destinations built by Hugo shortcodes (`{{% eturl x %}}`). Reported at the
destination, in the reference definition for reference links. Offline:
whether the URL answers is the online checks' job.

markdownlint has no equivalent (its MD042 only reports empty links).

## Why is this bad?
A typo in a scheme (`htps://`), a URL without a host (`https:/example.com`) or
a pasted path with spaces gives a link that does not work, and nothing in the
build says so.

## Example
```markdown
---
title: "Links to the price list"
---

Read the [announcement](htps://news.example.com/prices).
```

Use instead:
```markdown
---
title: "Links to the price list"
date: 2025-02-07
---

Read the [announcement](https://news.example.com/prices) or [write to us](mailto:news@example.com).
```

## Options
- `allowed-schemes` (default `[]`: every valid scheme): when not empty, the
  only schemes accepted besides http and https (e.g. `["mailto", "tel"]`).
- `denied-schemes` (default `["javascript", "vbscript", "file"]`): schemes
  always reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.fix.model import UNSAFE, Edit, Fix
from fmlint.go_urls import build_failure, go_parse_error
from fmlint.markdown import Link
from fmlint.rules.base import Context, Rule
from fmlint.urls import REMOTE_SCHEMES, parse, scheme_of, scheme_typo, url_error

NEEDS = ("markdown",)
OPTIONS = {"allowed-schemes": [], "denied-schemes": ["javascript", "vbscript", "file"]}
RULES = (Rule("MKD002", "link-url", "A link destination that is not a valid URL or path.", fix=UNSAFE),)
_HTTP = ("https://", "http://")
_TEMPLATE_SAFE = frozenset(("http", "https", "mailto"))  # the schemes Go's html/template writes in an href
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}  # an opening quote → its closing one
_WRAPPERS = {**_QUOTES, "(": ")", "[": "]"}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    allowed = {scheme.lower() for scheme in options["allowed-schemes"]}
    denied = {scheme.lower() for scheme in options["denied-schemes"]}
    view = ctx.markdown
    hooked = _hooked(ctx)
    for link in view.outside_shortcodes(view.links):
        url = link.url
        if link.link_type == "Email" or "{{" in url:
            continue
        fails = go_parse_error(url) if hooked else None
        if fails is None and (url.strip() in ("", "#") or url.startswith("#")):
            continue
        if fails is None and url.startswith(_HTTP) and (parts := parse(url)) is not None and parts.plain:
            continue  # most links: a plain http(s) URL, which every check below lets through
        fix = None
        wrapped = _wrapped(url)
        if wrapped is not None:
            reason: str | None = f"link destination in {wrapped}, which are part of the URL (a relative path): `{url}`"
            fix = _unwrapped(ctx, link, allowed, denied, wrapped)
        elif (error := _error(url, allowed, denied) or (_filtered(url) if hooked and not fails else None)) is not None:
            reason = f"link {error}: `{url}`"
        else:
            reason = None
        if fails is not None:
            failure = build_failure("link", fails)
            reason = f"{reason}; {failure}" if reason else f"link `{url}`: {failure}"
        if reason is not None:
            yield Problem("MKD002", reason, link.url_span, fix=fix)


def _hooked(ctx: Context) -> bool:
    """Whether Hugo's embedded link render hook renders the file's links (it parses each with Go's url.Parse), in a
    production build (not a draft's: Axway's `draft: true` release notes build)."""
    if not ctx.markdown.links or ctx.draft:
        return False
    from fmlint.site.config import embedded_hook

    return embedded_hook(ctx.doc.path, "link")


def _wrapped(url: str) -> str | None:
    """What ``url`` is wrapped in that Markdown reads as part of it: quotes, or parentheses or brackets around a
    URL with a scheme (``[x]((https://…))``, ``[x]: (https://…)``, opencue.io's ``[x]([https://…])``)."""
    if url[:1] in _QUOTES:
        return "quotes"
    if url[:1] in "([" and url.endswith(_WRAPPERS[url[0]]) and scheme_of(url[1:]) is not None:
        return "parentheses" if url[0] == "(" else "brackets"
    return None


def _filtered(url: str) -> str | None:
    """Why Hugo's embedded link render hook writes ``url`` (a valid URL of a scheme other than http, https and
    mailto) as ``#ZgotmplZ``: Go's html/template lets no other scheme into an ``href`` (the file's links are
    rendered by it: ``_hooked``)."""
    scheme = scheme_of(url)
    if scheme is None or scheme in _TEMPLATE_SAFE:
        return None
    return (
        f"scheme `{scheme}:` is written as `#ZgotmplZ`: Hugo's embedded link render hook, which this site uses "
        "(its languages configured, on one host, without a hook of its own), lets only http, https and mailto URLs "
        "through"
    )


def _unwrapped(ctx: Context, link: Link, allowed: set[str], denied: set[str], wrapped: str) -> Fix | None:
    """The destination without the ``wrapped`` it is in (``_wrapped``), when it is written as read,
    closed by the matching character, and valid without them (as this rule judges)."""
    url, span = link.url, link.url_span
    inner = url[1:-1]
    if len(url) < 3 or url[-1] != _WRAPPERS[url[0]] or ctx.doc.text[span.start : span.end] != url:
        return None
    if _error(inner, allowed, denied) is not None:
        return None
    return Fix(UNSAFE, f"write `{inner}` without its {wrapped}", (Edit.replace(span, inner),))


def _error(url: str, allowed: set[str], denied: set[str]) -> str | None:
    typo = scheme_typo(url)
    if typo is not None:
        return typo
    scheme = scheme_of(url)
    if scheme is None or scheme in REMOTE_SCHEMES:
        return url_error(url)
    if scheme in denied:
        return f"scheme `{scheme}:` is in `denied-schemes`"
    if allowed and scheme not in allowed:
        return f"scheme `{scheme}:` is not in `allowed-schemes`"
    return url_error(url, extra_schemes=(scheme,))

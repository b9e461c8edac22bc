"""A link destination that is not a valid URL or path.

## What it does
Checks each link's destination with the same URL checker as the image rules:
an `http`/`https` URL needs a host, other schemes are reported (except those
in `schemes`, by default `mailto:` and `tel:`), and spaces or control
characters must be percent-encoded. Relative paths and fragments (`#usage`)
are accepted, as are destinations built by Hugo shortcodes
(`{{% eturl x %}}`). Reported at the destination, in the reference definition
for reference links. Offline: whether the URL answers is the online checks'
job.

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
- `schemes` (default `["mailto", "tel"]`): schemes accepted besides http and https.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.rules.base import Context, Rule
from fmlint.urls import url_error

NEEDS = ("markdown",)
OPTIONS = {"schemes": ["mailto", "tel"]}
RULES = (Rule("MKD002", "link-url", "A link destination that is not a valid URL or path."),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    schemes = tuple(scheme.lower() for scheme in options["schemes"])
    view = ctx.markdown
    for link in view.outside_shortcodes(view.links):
        url = link.url
        if link.link_type == "Email" or url.strip() in ("", "#") or url.startswith("#") or "{{" in url:
            continue
        error = url_error(url, extra_schemes=schemes)
        if error is not None:
            yield Problem("MKD002", f"link {error}: `{url}`", link.url_span)

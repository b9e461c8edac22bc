"""A link with no text or no destination.

## What it does
Reports `[](url)` (nothing to click), and `[text]()`, `[text](<>)` and
`[text](#)` (nowhere to go), at the link. A link whose text is an image
(`[![logo](logo.png)](https://example.com)`) has content.

Compared with markdownlint's MD042 (`no-empty-links`): also reports links
without text, which markdownlint leaves to no rule.

## Why is this bad?
A link without text is invisible on the page (and announced as just "link" by
screen readers); a link without a destination goes nowhere — usually a URL that
was meant to be pasted later and never was.

## Example
```markdown
---
title: "Where to read the announcement"
---

Read the [announcement]() and [](https://news.example.com/prices).
```

Use instead:
```markdown
---
title: "Where to read the announcement"
date: 2025-02-07
---

Read the [announcement](https://news.example.com/prices).
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (Rule("MD042", "no-empty-links", "A link with no text, or with no destination (`()`, `(<>)`, `(#)`)."),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    view = ctx.markdown
    for link in view.outside_shortcodes(view.links):
        if link.url.strip() in ("", "#"):
            yield Problem("MD042", f"link has no destination (`{link.url or '()'}`)", link.span)
        elif not link.has_content:
            yield Problem("MD042", "link has no text to click", link.span)

"""A bare URL in running text (off by default).

## What it does
Reports, as a warning, an `http://` or `https://` URL written as plain text
instead of as a link, at the URL. URLs in links, autolinks (`<https://…>`),
code and Hugo shortcodes are not reported. Off by default: Hugo's Markdown
renderer turns bare URLs into links itself (goldmark's linkify), but other
renderers, feeds and Markdown previews do not.

URLs in the content of an inline HTML element closed in the same paragraph
(`<code>https://…</code>`, `<a href="…">https://…</a>`) are not bare.

Compared with markdownlint's MD034 (`no-bare-urls`): the same rule, with these
intended differences, each shown by a file of markdownlint's `test/` folder:
only `http://` and `https://` URLs in lower case (not e-mail addresses,
`bare-urls.md`, nor `hTtPs://`, `links.md`); a URL written as a reversed link
`(text)[https://…]` or as a bracketed `[https://…]` is reported (markdownlint
leaves the first to MD011, `reversed_link.md`); trailing sentence punctuation is
not taken as part of the URL.

## Why is this bad?
Depending on the renderer a bare URL is either not clickable or linked with
its trailing punctuation; a long URL in text also reads badly.

## Example
```markdown
---
title: "Details of the price cut"
---

Details: https://news.example.com/2025/02/07/prices.
```

Use instead:
```markdown
---
title: "Details of the price cut"
date: 2025-02-07
---

Details: <https://news.example.com/2025/02/07/prices>, or the [announcement](https://news.example.com/2025/02/07/prices).
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (Rule("MD034", "no-bare-urls", "A bare URL in running text.", severity=Severity.WARNING, enabled=False),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for bare in ctx.markdown.bare_urls:
        yield Problem("MD034", f"bare URL; write `<{bare.url}>` or a `[text]({bare.url})` link", bare.span)

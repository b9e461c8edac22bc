"""A bare URL in running text (off by default).

## What it does
Reports, as a warning, an `http://` or `https://` URL written as plain text
instead of as a link, at the URL. URLs in links, autolinks (`<https://…>`),
code and Hugo shortcodes are not reported. Off by default: Hugo's Markdown
renderer turns bare URLs into links itself (goldmark's linkify), but other
renderers, feeds and Markdown previews do not.

Compared with markdownlint's MD034 (`no-bare-urls`): only web URLs (not e-mail
addresses), and trailing sentence punctuation is not taken as part of the URL.

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

## Fix
Writes the URL as an autolink, `<https://…>`: safe with the Hugo preset (Hugo
already links bare URLs), unsafe with others (the URL becomes a link), shown
only with Docusaurus (MDX reads `<https://…>` as a tag).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.fix.model import DISPLAY_ONLY, SAFE, UNSAFE, Edit, Fix
from fmlint.markdown import BareUrl
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (
    Rule("MD034", "no-bare-urls", "A bare URL in running text.", severity=Severity.WARNING, enabled=False, fix=SAFE),
)
_MDX_PRESETS = {"docusaurus"}  # MDX reads `<https://…>` as a JSX tag
_LINKIFYING_PRESETS = {"hugo"}  # goldmark's linkify already links the bare URL: the autolink renders the same


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for bare in ctx.markdown.bare_urls:
        message = f"bare URL; write `<{bare.url}>` or a `[text]({bare.url})` link"
        yield Problem("MD034", message, bare.span, fix=autolink_fix(ctx, bare))


def autolink_fix(ctx: Context, bare: BareUrl) -> Fix:
    preset = ctx.settings.preset
    applicability = SAFE if preset in _LINKIFYING_PRESETS else DISPLAY_ONLY if preset in _MDX_PRESETS else UNSAFE
    written = ctx.doc.source(bare.span)
    return Fix(applicability, f"write it as the autolink <{written}>", (Edit.replace(bare.span, f"<{written}>"),))

"""A bare URL in running text (off by default).

## What it does
Reports, as a warning, an `http://` or `https://` URL written as plain text
instead of as a link, at the URL. URLs in links, autolinks (`<https://…>`),
code and Hugo shortcodes are not reported (but in a `{{% %}}` shortcode's content,
which Hugo renders as Markdown, inside a `{{< >}}` one too). Off by default: Hugo's Markdown
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

## Fix
Writes the URL as an autolink, `<https://…>`. Safe with the Hugo preset where
Hugo's linkify already links the URL (after a space, `*`, `_`, `~` or `(`): the
autolink then covers exactly what linkify links (up to the first non-ASCII
character, a trailing `;` included), so the page renders the same. Unsafe
otherwise and with other generators (the URL becomes a link); shown only with
Docusaurus (MDX reads `<https://…>` as a tag).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.fix.model import DISPLAY_ONLY, SAFE, UNSAFE, Edit, Fix
from fmlint.linkify import linkified
from fmlint.markdown import BareUrl
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (
    Rule("MD034", "no-bare-urls", "A bare URL in running text.", severity=Severity.WARNING, enabled=False, fix=SAFE),
)
_MDX_PRESETS = {"docusaurus"}  # MDX reads `<https://…>` as a JSX tag
_ENTITY = lazy_pattern(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
_MARKUP = "*_~`[]|<>\\!"
_LINKIFYING_PRESETS = {"hugo"}  # goldmark's linkify already links the bare URL: the autolink renders the same


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for bare in ctx.markdown.bare_urls:
        message = f"bare URL; write `<{bare.url}>` or a `[text]({bare.url})` link"
        yield Problem("MD034", message, bare.span, fix=autolink_fix(ctx, bare))


def autolink_fix(ctx: Context, bare: BareUrl) -> Fix | None:
    """The URL between `<` `>`.

    Where the generator links bare URLs itself (Hugo's goldmark linkify), the fix is safe when linkify links
    this one — after whitespace, `*`, `_`, `~` or `(`, not after `：` — and the autolink covers exactly what
    it links (ASCII URL characters, less trailing punctuation; a `;` or an unmatched `)` may be part of it);
    there is no fix when Markdown markup follows the URL (`https://x.org/a*b*`: where linkify stops then
    depends on the inline parse), nor when the URL is written with escapes or entities (`\\_`, `&amp;`),
    which an autolink would keep as they are written.
    """
    preset = ctx.settings.preset
    text = ctx.doc.text
    span = bare.span
    linked = linkified(text, span) if preset in _LINKIFYING_PRESETS else None
    if linked is not None:
        span = linked
        if span.end < bare.span.end or any(char in _MARKUP for char in text[bare.span.end : span.end]):
            return None
    written = text[span.start : span.end]
    if "\\" in written or _ENTITY.search(written) or not written:
        return None
    applicability = SAFE if linked is not None else DISPLAY_ONLY if preset in _MDX_PRESETS else UNSAFE
    return Fix(applicability, f"write it as the autolink <{written}>", (Edit.replace(span, f"<{written}>"),))

"""A link with no destination.

## What it does
Reports `[text]()`, `[text](<>)` and `[text](#)` (nowhere to go), and a
reference link whose definition is `#`, at the link. A link with no text is
`MKD004`.

Compared with markdownlint's MD042 (`no-empty-links`): the same rule; a link
with an empty destination and no text (`[]()`) is reported by both rules.

## Why is this bad?
A link without a destination goes nowhere — usually a URL that was meant to be
pasted later and never was.

## Example
```markdown
---
title: "Where to read the announcement"
---

Read the [announcement]().
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
from fmlint.doc_examples import article, example
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
_ATTRIBUTE_PRESETS = ("mkdocs-material", "jekyll")  # attribute lists give an empty link its ID
_ANCHOR = lazy_pattern(r"\{:?[ \t]*#[^\s{}]+[^{}\n]*\}")
RULES = (
    Rule("MD042", "no-empty-links", "A link with no destination (`()`, `(<>)`, `(#)`)."),
    Rule(
        "MKD004",
        "empty-link-text",
        "A link with nothing to click: no text, image or code between the brackets.",
        doc=f"""## What it does
Reports `[](https://example.com)` and `[ ](https://example.com)`, at the link:
the link has a destination but nothing to click. A link whose text is an image
(`[![logo](logo.png)](https://example.com)`) or code has content. An empty
destination is `MD042`. markdownlint has no such rule (its MD042 is about the
destination). With the `mkdocs-material` and `jekyll` presets, `[](){{#id}}` is an
anchor that links lead to (mkdocs-autorefs' idiom, a kramdown attribute list):
neither rule reports it.

## Why is this bad?
A link without text is invisible on the page, and screen readers announce it as
just "link".

{
            example(
                article(body="Read [](https://news.example.com/prices)."),
                article(body="Read [the announcement](https://news.example.com/prices)."),
            )
        }""",
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    view = ctx.markdown
    anchors = ctx.settings.preset in _ATTRIBUTE_PRESETS
    for link in view.outside_shortcodes(view.links):
        if anchors and not link.url.strip() and _ANCHOR.match(ctx.doc.text, link.span.end):
            continue  # `[](){#id}`: an anchor to link to (mkdocs-autorefs, kramdown), nothing to click
        if link.url.strip() in ("", "#"):
            yield Problem("MD042", f"link has no destination (`{link.url or '()'}`)", link.span)
        if not link.has_content:
            yield Problem("MKD004", "link has no text to click", link.span)

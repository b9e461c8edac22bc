"""A `{#id}` heading ID in an MDX file of an Astro site.

## What it does
Reports `{#custom-id}` at the end of a heading in an `.mdx` file, under the
`astro` and `starlight` presets, at the braces.

## Why is this bad?
In MDX, braces hold a JavaScript expression, and `#custom-id` is none: Astro's
MDX stops the build (`Could not parse expression with oxc`, as withastro/docs'
build did on one planted heading). Unlike Hugo, Docusaurus (its MDX 1
compatibility) or kramdown, Astro has no `{#id}` syntax at all: in a `.md`
file the braces are text, and part of the heading's ID.

## Example
```markdown
---
title: "Price cuts"
---

## Price cuts {#cuts}
```

Use instead:
```markdown
---
title: "Price cuts"
---

## Price cuts
```

(The heading's ID is then `price-cuts`: links to `#cuts` must change too.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.positions import Span
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (Rule("MKD005", "mdx-heading-id", "A `{#id}` heading ID in an Astro MDX file, which fails its build."),)
_PRESETS = ("astro", "astro-collections", "starlight")
_HEADING_ID = lazy_pattern(r"\{[ \t]*#[^{}\n]*\}[ \t]*#*[ \t]*$")  # at the heading's end (closing #s allowed)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    if ctx.settings.preset not in _PRESETS or not ctx.doc.mdx or "{" not in ctx.doc.body:
        return
    text = ctx.doc.text
    for heading in ctx.markdown.headings:
        line = text[heading.span.start : heading.span.end].split("\n", 1)[0].rstrip("\r")
        found = _HEADING_ID.search(line)
        if found is not None:
            braces = Span(heading.span.start + found.start(), heading.span.start + line.index("}", found.start()) + 1)
            written = text[braces.start : braces.end]
            message = (
                f"`{written}`: Astro's MDX reads braces as a JavaScript expression, and the build fails; "
                "Astro has no heading-ID syntax (remove it, and link to the heading's own ID)"
            )
            yield Problem("MKD005", message, braces)

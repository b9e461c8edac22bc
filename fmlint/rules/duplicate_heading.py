"""Two sibling headings with the same text.

## What it does
Reports, as a warning, a heading with the same text (ignoring case and spacing)
and level as an earlier heading under the same parent heading, at the later
one. Headings under different parents may repeat (`### Features` under each
`## 1.0` and `## 2.0` of a changelog).

Compared with markdownlint's MD024 (`no-duplicate-heading`): siblings only by
default (markdownlint's `siblings_only: true`), because articles repeat
sub-headings by design; set `siblings_only` to `false` to compare all headings.
With it, the findings on markdownlint's `test/` folder are markdownlint's, with
one intended difference: headings are compared as rendered, ignoring case,
entities and escapes decoded (`&#X000A9;` is `©`,
`headings-with-html-entities.md`; `#\\#` ends in `#`,
`md003-escaped-trailing-hash.md`), since the rendered text gives the anchor.
docfx tab headings (`# [Linux](#tab/linux)`) are tab labels, not compared.

## Why is this bad?
Hugo derives each heading's anchor from its text: the second gets `-1`
appended, so links to it and the table of contents are confusing, and two
sections with one title usually mean a copy-paste or a merge gone wrong.

## Example
```markdown
---
title: "Two kinds of prices"
---

## Prices

Input prices fell.

## Prices

Output prices fell too.
```

Use instead:
```markdown
---
title: "Two kinds of prices"
date: 2025-02-07
---

## Input prices

Input prices fell.

## Output prices

Output prices fell too.
```

## Options
- `siblings_only` (default `true`): compare only headings under the same
  parent; `false` reports any repeated heading text in the article.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from fmlint.diagnostics import Problem, Severity
from fmlint.rules.base import Context, Rule

if TYPE_CHECKING:  # the Markdown parser is imported when a body is first parsed
    from fmlint.markdown import Heading

NEEDS = ("markdown",)
OPTIONS = {"siblings_only": True}
RULES = (Rule("MD024", "no-duplicate-heading", "Two sibling headings with the same text.", severity=Severity.WARNING),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    from fmlint.markdown import is_docfx_tab  # the Markdown view's module loads on first use

    seen: dict[tuple[int, int, str], Heading] = {}
    parents: list[Heading] = []
    for heading in ctx.markdown.outline:
        if is_docfx_tab(ctx.doc, heading):
            continue
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        text = " ".join(heading.text.casefold().split())
        key = (id(parents[-1]) if parents else 0, heading.level, text) if options["siblings_only"] else (0, 0, text)
        parents.append(heading)
        first = seen.setdefault(key, heading)
        if text and first is not heading:
            line = ctx.doc.lines.line_of(first.span.start)
            yield Problem("MD024", f"duplicate heading `{heading.text}` (same as line {line})", heading.span)

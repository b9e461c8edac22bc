"""A second top-level (`#`) heading: the page already has its title.

## What it does
Reports every `#` heading in the body when the front matter has a `title`
(Hugo themes render that title as the page's `<h1>`), and otherwise every `#`
heading after the first, at the extra heading.

Compared with markdownlint's MD025 (`single-title`): the same idea and the same
use of the front-matter title (its `front_matter_title` parameter), but any
second `#` heading is reported, not only when the first line of the file is
the `#` heading.

## Why is this bad?
A page with two `<h1>` headings has two titles: the outline, the table of
contents and search engines cannot tell which one the page is about, and the
theme's title is repeated in the body.

## Example
```markdown
+++
title = "Input prices halve"
+++

# Model prices fall again

Input prices fell by 40%.
```

Use instead:
```markdown
+++
title = "Input prices halve"
date = 2025-02-07
+++

## What changed

Input prices fell by 40%.
```

## Options
- `front_matter_title` (default `"title"`): the front-matter key that is the
  page's title; `""` counts only the body's `#` headings.

## Fix
Unsafe (the outline changes): the heading is demoted to `##` (a setext `===`
underline becomes `---`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.fix.model import UNSAFE
from fmlint.rules.base import Context, Rule
from fmlint.rules.heading_increment import level_fix

NEEDS = ("front_matter", "markdown")
OPTIONS = {"front_matter_title": "title"}
RULES = (Rule("MD025", "single-title", "More than one `#` heading, or one beside a front-matter title.", fix=UNSAFE),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    key = options["front_matter_title"]
    titled = bool(key and ctx.front_matter_value(key))
    first = None
    for heading in ctx.markdown.outline:
        if heading.level != 1:
            continue
        if titled:
            yield Problem(
                "MD025",
                f"`#` heading beside the front-matter `{key}` (already the page's H1); use `##`",
                heading.span,
                fix=level_fix(ctx, heading, 2),
            )
        elif first is None:
            first = heading
        else:
            line = ctx.doc.lines.line_of(first.span.start)
            message = f"second `#` heading (the first is on line {line}); use `##`"
            yield Problem("MD025", message, heading.span, fix=level_fix(ctx, heading, 2))

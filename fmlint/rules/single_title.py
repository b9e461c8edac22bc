"""A second top-level (`#`) heading: the page already has its title.

## What it does
Reports every `#` heading in the body when the front matter has a `title`
(Hugo themes render that title as the page's `<h1>`; see `title_from_heading`
for generators that do not when the body starts with its own). Without one, when the
body starts with a `#` heading (only blank lines and HTML comments before it),
that heading is the page's title and every later `#` heading is reported, at
the extra heading. A body whose first heading is not at its top (a page of
several `#` sections under an intro paragraph or a `##`) is left alone.
Headings in block quotes and list items count (`> # Heading`); a docfx tab
heading (`# [Linux](#tab/linux)`) does not.

Compared with markdownlint's MD025 (`single-title`): the same rule, with its
`front_matter_title` parameter naming a key rather than a pattern. Intended
differences, each shown by a file of markdownlint's `test/` folder: fmlint
reads the title from the parsed front matter, so front matter that is not a
mapping of keys (`alternate="…"` in a YAML block,
`front-matter-alt-title-h1.md`) or not valid (a trailing comma in JSON,
`hugo-quickstart-example-json.md`) has no title; it has no `level` parameter
(`alternate_top_level_heading.md`).

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
- `title_hidden_by` (default `""`; `"hide_title"` in the docusaurus preset): a
  front-matter key that, when `true`, keeps the title from being shown.
- `title_from_heading` (default `false`; `true` in the docusaurus and
  mkdocs-material presets): the generator shows a `#` heading at the top of the
  body as the page's title instead of the front-matter one (Docusaurus adds the
  `title` only to a doc with no such heading; Material for MkDocs only to a page
  without an `<h1>`), so that heading is the title and only later `#` headings
  are reported.

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
from fmlint.rules.heading_increment import level_fix, shown_title, starts_body, top_headings

NEEDS = ("front_matter", "markdown")
OPTIONS = {"front_matter_title": "title", "title_hidden_by": "", "title_from_heading": False}
RULES = (Rule("MD025", "single-title", "More than one `#` heading, or one beside a front-matter title.", fix=UNSAFE),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    key = options["front_matter_title"]
    doc = ctx.doc
    tops = top_headings(ctx)
    if not tops:
        return
    if shown_title(ctx, options, tops):
        for heading in tops:
            message = f"`#` heading beside the front-matter `{key}` (already the page's H1); use `##`"
            yield Problem("MD025", message, heading.span, fix=level_fix(ctx, heading, 2))
        return
    first = tops[0]
    if not starts_body(ctx, tops):
        return  # the body does not start with its title
    line = doc.lines.line_of(first.span.start)
    for heading in tops[1:]:
        message = f"second `#` heading (the first is on line {line}); use `##`"
        yield Problem("MD025", message, heading.span, fix=level_fix(ctx, heading, 2))

"""A heading more than one level deeper than the heading before it.

## What it does
Reports a heading that skips a level (`##` followed by `####`), at the deeper
heading. When the front matter has a `title`, that title is the page's `<h1>`
(Hugo themes render it), so the body's first heading may be `##` but not `###`.

Compared with markdownlint's MD001 (`heading-increment`): the same check, with
the front-matter title counted as the level-1 heading (markdownlint's
`front_matter_title` parameter, here naming a key rather than a pattern).
Without a title the first heading may be at any level. Intended differences,
each shown by a file of markdownlint's `test/` folder where it occurs: fmlint
reads the title from the parsed front matter, so front matter that is not a
mapping of keys (`alternate = …` in a YAML block,
`heading_increment-alt_title_level3_bad.md`) has no title; headings in block
quotes, list items and footnotes are not part of the page's outline (none of
those files has one that skips a level).

## Why is this bad?
Headings are the page's outline: screen readers, the table of contents and
search engines read the levels. A skipped level leaves a hole in the outline
and usually means a heading was meant one level up.

## Example
```markdown
---
title: "Model prices fall again"
---

## Prices

#### Input tokens

Input prices fell by 40%.
```

Use instead:
```markdown
---
title: "Model prices fall again"
date: 2025-02-07
---

## Prices

### Input tokens

Input prices fell by 40%.
```

## Options
- `front_matter_title` (default `"title"`): the front-matter key that acts as the
  page's level-1 heading; `""` starts the outline at the body's first heading.
- `title_hidden_by` (default `""`; `"hide_title"` in the docusaurus preset): a
  front-matter key that, when `true`, keeps the title from being shown.
- `title_from_heading` (default `false`; `true` in the docusaurus and
  mkdocs-material presets): a `#` heading at the top of the body is shown as the
  title instead of the front-matter one (see MD025).

## Fix
Unsafe (the outline changes): the heading is given the level after the one
before it; the headings below it follow on the next pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.fix.model import UNSAFE, Fix
from fmlint.markdown import Heading, heading_level_edit, is_docfx_tab
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule

NEEDS = ("front_matter", "markdown")
OPTIONS = {"front_matter_title": "title", "title_hidden_by": "", "title_from_heading": False}
_COMMENT = lazy_pattern(r"<!--.*?-->", re.DOTALL)
_ESM = lazy_pattern(r"^(?:import|export)\s.*$", re.MULTILINE)
RULES = (Rule("MD001", "heading-increment", "A heading skips a level (`##` then `####`).", fix=UNSAFE),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    previous, after = (1, "the front-matter title") if shown_title(ctx, options) else (None, "")
    for heading in ctx.markdown.outline:
        if previous is not None and heading.level > previous + 1:
            message = f"heading level {heading.level} after {after} skips a level; use `{'#' * (previous + 1)}`"
            yield Problem("MD001", message, heading.span, fix=level_fix(ctx, heading, previous + 1))
        previous, after = heading.level, f"a level-{heading.level} heading"


def shown_title(ctx: Context, options: Mapping[str, Any], tops: list[Heading] | None = None) -> bool:
    """Whether the front matter's title is shown as the page's `<h1>` (MD001 and MD025): it is set, not hidden
    (``title_hidden_by``), and not replaced by a `#` heading at the top of the body (``title_from_heading``;
    ``tops``: the body's :func:`top_headings`, when the caller has them)."""
    key, hidden_by = options["front_matter_title"], options["title_hidden_by"]
    if not key or not ctx.front_matter_value(key) or (hidden_by and ctx.front_matter_value(hidden_by) is True):
        return False
    if not options["title_from_heading"]:
        return True
    return not starts_body(ctx, top_headings(ctx) if tops is None else tops, imports=True)


def top_headings(ctx: Context) -> list[Heading]:
    """The body's `#` headings (in quotes and lists too), but docfx tab headings (`# [Linux](#tab/linux)`)."""
    return [h for h in ctx.markdown.headings if h.level == 1 and not is_docfx_tab(ctx.doc, h)]


def starts_body(ctx: Context, tops: list[Heading], imports: bool = False) -> bool:
    """Whether the body starts with the first of its `#` headings ``tops`` (only blank lines and HTML comments
    before it, and with ``imports``, MDX's ``import``/``export`` lines, which Docusaurus skips to find a doc's
    title; a body opening with such lines is MDX, as Docusaurus reads ``.md`` files too)."""
    if not tops:
        return False
    before = _COMMENT.sub("", ctx.doc.text[ctx.doc.body_start : tops[0].span.start])
    return not (_ESM.sub("", before) if imports else before).strip()


def level_fix(ctx: Context, heading: Heading, level: int) -> Fix | None:
    """Rewrite ``heading`` at ``level`` (MD001 and MD025)."""
    edit = heading_level_edit(ctx.doc, heading, level)
    return None if edit is None else Fix(UNSAFE, f"make it a level-{level} heading", (edit,))

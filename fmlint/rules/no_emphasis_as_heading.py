"""A paragraph of only bold or italic text used as a section title.

## What it does
Reports, as a warning, a one-line paragraph at the top level of the body that
is a single bold or italic run of plain text and does not end with sentence
punctuation — a heading in disguise. CJK text is understood: the section
title `**一、模型价格再次下降**` is reported, while `**请注意：**` or
`**价格下降了。**` (ending with full-width `：` or `。`) are sentences.

Compared with markdownlint's MD036 (`no-emphasis-as-heading`): the same test,
but only for top-level paragraphs (bold text alone in a list item, quote or
table cell is not a section title), not for runs containing a link or an image
(`**[Download](…)**` is a call to action), nor for a caption right below an
image (`*Group picture, Berlin 2016*`); the default punctuation is
markdownlint's (ASCII and full-width) plus `…`.

## Why is this bad?
Bold text looks like a heading but is not one: it is missing from the table of
contents and the page outline, gets no anchor to link to, and screen readers
do not announce it as a section.

## Example
```markdown
---
title: "大模型价格战：一周回顾"
---

**一、模型价格再次下降**

多家厂商本周宣布降价。
```

Use instead:
```markdown
---
title: "大模型价格战：一周回顾"
date: 2025-02-07
---

## 一、模型价格再次下降

多家厂商本周宣布降价。
```

## Options
- `punctuation` (default `".,;:!?。，；：！？…"`): characters that end a sentence;
  a run ending with one of them is not reported.

## Fix
Unsafe (the page gets a heading): the line becomes a heading one level below
the heading before it (`##` when there is none), its emphasis marks removed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.fix.model import UNSAFE, Edit, Fix
from fmlint.markdown import EmphasisParagraph, level_before
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
OPTIONS = {"punctuation": ".,;:!?。，；：！？…"}
RULES = (
    Rule(
        "MD036",
        "no-emphasis-as-heading",
        "A paragraph of only bold or italic text used as a heading.",
        severity=Severity.WARNING,
        fix=UNSAFE,
    ),
)
_EMPHASIS_MARKS = "*_"


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    punctuation = options["punctuation"]
    for paragraph in ctx.markdown.emphasis_paragraphs:
        text = paragraph.text.strip()
        if paragraph.nested or paragraph.caption or not text or text[-1] in punctuation:
            continue
        message = f"emphasis used as a heading; write `## {text}` instead"
        yield Problem("MD036", message, paragraph.span, fix=heading_fix(ctx, paragraph))


def heading_fix(ctx: Context, paragraph: EmphasisParagraph) -> Fix | None:
    """The one-line run as an ATX heading, inner markup kept; ``None`` for a run over several lines."""
    written = ctx.doc.source(paragraph.span).rstrip()
    marks = min(
        len(written) - len(written.lstrip(_EMPHASIS_MARKS)), len(written) - len(written.rstrip(_EMPHASIS_MARKS))
    )
    inner = written[marks : len(written) - marks].strip()
    if not marks or not inner or "\n" in written:
        return None
    level = min((level_before(ctx.markdown, paragraph.span.start) or 1) + 1, 6)
    heading = f"{'#' * level} {inner}"
    return Fix(
        UNSAFE,
        f"make it the heading `{heading}`",
        (Edit(paragraph.span.start, paragraph.span.start + len(written), heading),),
    )

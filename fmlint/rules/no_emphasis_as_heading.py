"""A paragraph of only bold or italic text used as a section title.

## What it does
Reports, as a warning, a one-line paragraph at the top level of the body that
is a single bold or italic run of plain text and does not end with sentence
punctuation — a heading in disguise. CJK text is understood: the section
title `**一、模型价格再次下降**` is reported, while `**请注意：**` or
`**价格下降了。**` (ending with full-width `：` or `。`) are sentences.

A caption is not reported: a short line that describes an image, in the
image's own paragraph or immediately under it without a blank line (as Hugo's
`figure` shortcode and many themes render it), an italic line right under a
picture (`*Group picture, Berlin 2016*`), or a bold line alone after a picture
when no body text follows it (before the next picture, a heading or the end).
A bold line separated from the image by a blank line and followed by body text
is a section title, as in most illustrated news articles; and a numbered title
(`一、` … `十、`, `1.`, `第一章`, `Part 2:`) is a title wherever it stands.

Compared with markdownlint's MD036: the same test (a run with an HTML comment
inside is running text, one after a leading comment is a title), and the same
findings on every file of markdownlint's `test/` folder. Intended differences,
which none of those files exercises: bold text alone in a list item, quote or
table cell is not a section title; a run containing a link or an image
(`**[Download](…)**`) is a call to action; a caption as defined above is not
reported; the default punctuation is markdownlint's (ASCII and full-width)
plus `…`.

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

import re
from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.fix.model import UNSAFE, Edit, Fix
from fmlint.markdown import EmphasisParagraph, level_before
from fmlint.regex import lazy_pattern
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


# a numbered section title: 一、 … 十、, 1. or 1、, 第一章 / 第2节, Part 2 / Chapter IV / Section 3
_NUMBERED = lazy_pattern(
    r"[一二三四五六七八九十百零〇]+、|\d{1,3}(?:[.、)）](?!\d)|\s+、)|第[一二三四五六七八九十百千零〇\d]+[章节節部篇回卷]"
    r"|(?:part|chapter|section|step)\s+(?:\d+|[ivxlc]+)\b",
    re.IGNORECASE,
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    punctuation = options["punctuation"]
    for paragraph in ctx.markdown.emphasis_paragraphs:
        text = paragraph.text.strip()
        if paragraph.nested or not text or text[-1] in punctuation:
            continue
        if paragraph.caption and not _NUMBERED.match(text):
            continue
        fix = heading_fix(ctx, paragraph)
        heading = fix.edits[0].content if fix is not None else f"## {text}"  # (the message says what the fix does)
        yield Problem("MD036", f"emphasis used as a heading; write {_code(heading)} instead", paragraph.span, fix=fix)


def _code(text: str) -> str:
    """``text`` as inline code in a message: between double backticks when it holds one (`` `x` metrics ``)."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


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
        f"make it the heading {_code(heading)}",
        (Edit(paragraph.span.start, paragraph.span.start + len(written), heading),),
    )

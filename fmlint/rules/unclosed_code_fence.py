"""A code fence that is never closed.

## What it does
Reports a fenced code block (```` ``` ```` or `~~~`) with no closing fence, at
the opening fence. The closing fence must use the same character, at least as
many of them, and nothing else on its line.

markdownlint has no equivalent rule: CommonMark allows an unclosed fence, so
it is valid Markdown — it is almost never what the author meant.

## Why is this bad?
An unclosed fence silently turns everything after it — the rest of the
article, or of its list item or quote — into one code block: headings, links
and images stop rendering, and nothing in the build reports it.

## Example
````markdown
---
title: "Rust 1.88 released"
---

```rust
fn main() {}

## What's next

More in the release notes.
````

Use instead:
````markdown
---
title: "Rust 1.88 released"
date: 2025-02-07
---

```rust
fn main() {}
```

## What's next

More in the release notes.
````

## Fix
Unsafe (what followed the fence renders as Markdown again): a closing fence
is added at the end of the file, for a fence outside any quote or list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.fix.layout import line_ending
from fmlint.fix.model import UNSAFE, Edit, Fix
from fmlint.markdown import CodeFence
from fmlint.positions import line_start
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (
    Rule(
        "MKD001",
        "unclosed-code-fence",
        "A code fence that is never closed swallows the rest of the article.",
        fix=UNSAFE,
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for fence in ctx.markdown.code_fences:
        if not fence.closed:
            opening = ctx.doc.source(fence.opening).lstrip(" \t>")
            marker = opening[: len(opening) - len(opening.lstrip(opening[:1]))]
            message = f"code fence opened with {marker} is never closed; everything after it renders as code"
            yield Problem("MKD001", message, fence.opening, fix=closing_fix(ctx, fence, marker))


def closing_fix(ctx: Context, fence: CodeFence, marker: str) -> Fix | None:
    """Close a top-level fence at the end of the file, with its own marker and indentation."""
    text = ctx.doc.text
    indent = text[line_start(text, fence.opening.start) : fence.opening.start]
    if fence.span.end < len(text.rstrip()) or indent.strip() or len(indent) > 3:
        return None  # inside a quote or list item, or not the last block
    newline = line_ending(text, fence.opening.start)
    closing = f"{indent}{marker}"
    content = closing + newline if text.endswith("\n") else newline + closing  # a missing final newline stays missing
    return Fix(UNSAFE, f"close the fence with {marker} at the end of the file", (Edit(len(text), len(text), content),))

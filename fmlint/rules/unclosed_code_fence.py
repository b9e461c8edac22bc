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
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (Rule("MKD001", "unclosed-code-fence", "A code fence that is never closed swallows the rest of the article."),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for fence in ctx.markdown.code_fences:
        if not fence.closed:
            opening = ctx.doc.source(fence.opening).lstrip(" \t>")
            marker = opening[: len(opening) - len(opening.lstrip(opening[:1]))]
            message = f"code fence opened with {marker} is never closed; everything after it renders as code"
            yield Problem("MKD001", message, fence.opening)

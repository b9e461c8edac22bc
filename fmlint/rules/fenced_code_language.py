"""A fenced code block without a language (off by default).

## What it does
Reports, as a warning, a fenced code block whose opening fence has no info
string (```` ``` ```` instead of ```` ```rust ````), at the opening fence. Use
`text` for a block that is not code. Off by default: enable it for sites whose
theme highlights code.

Compared with markdownlint's MD040 (`fenced-code-language`): the same check,
with the same findings on markdownlint's `test/` folder, without its list of
allowed languages; it is off by default here.

## Why is this bad?
Without a language the block is not syntax-highlighted, and the theme cannot
label it or offer language-specific copy buttons.

## Example
````markdown
+++
title = "Rust 1.88 released"
+++

```
fn main() {}
```
````

Use instead:
````markdown
+++
title = "Rust 1.88 released"
date = 2025-02-07
+++

```rust
fn main() {}
```
````
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
RULES = (
    Rule(
        "MD040",
        "fenced-code-language",
        "A fenced code block without a language.",
        severity=Severity.WARNING,
        enabled=False,
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for fence in ctx.markdown.code_fences:
        if not fence.info:
            yield Problem("MD040", "code block has no language; add one after the fence (or `text`)", fence.opening)

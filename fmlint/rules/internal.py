"""A rule crashed on a file (a bug in fmlint, not in the content).

## What it does
When a rule raises an unexpected exception on one file, the linter reports
`X001 internal-error` naming the rule and the exception, then carries on with
the other rules and files. `--verbose` adds the full traceback. The run's exit
code is 3, so CI can tell a linter bug from content errors.

## Why is this bad?
It is a bug in fmlint: please report it with the file that triggers it.

## Example
No article can show it: it comes from a bug. The report looks like
```console
$ fmlint content/
content/post.md:1:1: X001 rule `dates` crashed: KeyError: 'date'
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.rules.base import Context, Rule

RULES = (Rule("X001", "internal-error", "A rule crashed on this file (a bug in fmlint)."),)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Reported by the linter itself when another check raises."""
    return iter(())

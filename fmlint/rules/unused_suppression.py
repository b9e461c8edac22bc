"""An inline suppression comment that suppresses nothing.

## What it does
Reports, as a warning, an `fmlint-disable…` comment that silenced no
diagnostic (for each of its codes that is enabled), an `fmlint-enable` without
a matching `fmlint-disable`, a directive naming an unknown rule, and a
misspelt directive (`<!-- fmlint-disabled -->`). The directives are:

- `<!-- fmlint-disable MD001,MD036 -->` … `<!-- fmlint-enable MD001,MD036 -->`
  (a bare `fmlint-enable` closes every open disable; without an enable the
  disable lasts to the end of the file);
- `<!-- fmlint-disable-next-line MD045 -->` for the line after the comment;
- `<!-- fmlint-disable-line MKD002 -->` for the comment's own line;
- in YAML or TOML front matter, a trailing `# fmlint-disable-line SC001`.

Codes are separated by commas or spaces and may be rule names; no code means
every rule. These diagnostics cannot themselves be suppressed by a comment
(disable `SUP001` in the configuration instead). Like ruff's unused `noqa`
(RUF100).

markdownlint's own comments (`<!-- markdownlint-disable MD025 -->`, `-enable`,
`-disable-line`, `-disable-next-line`, `-capture`, `-restore`,
`-disable-file`, and rules set to `false` by `-configure-file`) silence the
rules fmlint shares with markdownlint (its `MDxxx` codes, named by code or by
markdownlint name such as `no-bare-urls`; no code means all of them), so a
site's existing suppressions keep working. They are markdownlint's to keep:
they never give `SUP001`, and rules fmlint does not have are ignored.

The fix (safe) removes the comment — with its line when it stands alone
beside a blank line — or, when only some of its codes suppress nothing, drops
those codes. A comment line between two non-blank lines of the body leaves an
empty line, which may join or split the blocks around it: that fix is unsafe.

## Why is this bad?
A suppression outlives the problem it hid: when the content is fixed the
comment stays, and it will silently hide the next real problem on that line.

## Example
```markdown
{
  "title": "A stale suppression"
}

## Prices <!-- fmlint-disable-line MD001 -->

Input prices fell by 40%.
```

Use instead:
```markdown
{
  "title": "A stale suppression",
  "date": "2025-02-07"
}

## Prices

Input prices fell by 40%.
```

## Options
- `markdownlint` (default `true`): honour markdownlint's comments as above.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.document import Document
from fmlint.fix.layout import removal
from fmlint.fix.model import SAFE, UNSAFE, Edit, Fix
from fmlint.positions import Span
from fmlint.rules.base import Context, Rule

OPTIONS = {"markdownlint": True}
RULES = (
    Rule(
        "SUP001",
        "unused-suppression",
        "A suppression comment that suppresses nothing.",
        severity=Severity.WARNING,
        fix=SAFE,
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Reported by the linter when it applies the suppression comments (``fmlint.suppressions``)."""
    return iter(())


def removal_fix(doc: Document, span: Span) -> Fix:
    """Remove the comment at ``span`` (see ``fmlint.fix.layout.removal`` for the space around it); unsafe
    when the body's blocks around a comment line might join."""
    removed, may_join = removal(doc.text, span)
    applicability = UNSAFE if may_join and span.start >= doc.body_start else SAFE
    return Fix(applicability, "remove the unused suppression comment", (Edit.replace(removed, ""),))


def narrowing_fix(text: str, span: Span, directive: str, kept: list[str]) -> Fix:
    """Rewrite the comment at ``span`` with only the codes that suppress something."""
    codes = ",".join(kept)
    written = f"<!-- {directive} {codes} -->" if text.startswith("<!--", span.start) else f"# {directive} {codes}"
    return Fix(SAFE, f"keep only {codes} in the comment", (Edit.replace(span, written),))

"""Front matter checked against the file's JSON Schema.

The schema comes from ``--schema``, the configuration, or the bundled
``hugo-article`` default; see ``fmlint.schema`` for loading and
``fmlint.schema_errors`` for how each error is placed and worded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem
from fmlint.positions import Span
from fmlint.rules.base import Context, Rule
from fmlint.schema_errors import schema_problems

NEEDS = ("front_matter",)

RULES = (
    Rule(
        "SC001",
        "schema-violation",
        "A front-matter value does not match the schema.",
        doc="""## What it does
Validates the front matter against the JSON Schema that applies to the file and
reports each failing value at the value itself: wrong type, value not in the
`enum`, bad `format` (dates, URIs, e-mail addresses), pattern, length or range.
For `anyOf`/`oneOf` the most relevant branch's error is reported.

## Why is this bad?
Templates read these values: a `comments: "yes"` string where a boolean is
expected, or a date Hugo cannot parse, breaks pages or the whole build.

## Example
```markdown
---
title: "Hello"
comments: "yes"
---
```
gives `comments: expected a boolean, got the string "yes"`; write `comments: true`.
""",
    ),
    Rule(
        "SC002",
        "unknown-key",
        "A key the schema does not allow (often a typo).",
        doc="""## What it does
Reports keys rejected by `additionalProperties: false` or
`unevaluatedProperties: false`, at the key, suggesting the closest known key.

## Why is this bad?
A typoed key (`titel`, `catagories`) is silently ignored by the generator: the
page renders without its title or categories.

## Example
```markdown
---
titel: "Hello"
---
```
gives ``unknown key `titel` (did you mean `title`?)``.
""",
    ),
    Rule(
        "SC003",
        "missing-key",
        "A key the schema requires is missing.",
        doc="""## What it does
Reports a `required` key that is absent, at the mapping that should hold it (the
opening delimiter for top-level keys).

## Why is this bad?
Pages without a title or date sort wrongly, show empty headings or break list
templates.

## Example
```markdown
---
date: 2025-02-07
---
```
gives ``missing required key `title```.
""",
    ),
    Rule(
        "SC004",
        "missing-front-matter",
        "The file has no front matter, but its schema requires keys.",
        doc="""## What it does
Reports a file without front matter when the schema that applies to it has
`required` keys. Files under a permissive schema may have no front matter.

## Why is this bad?
An article without front matter has no title or date; Hugo renders it with
defaults that are rarely what the author wanted.

## Example
A file that starts with `# Hello` under the default `hugo-article` schema gives
`missing front matter (the schema requires title)`.
""",
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    schema = ctx.settings.schema
    if schema is None or not ctx.doc.readable:
        return
    fm = ctx.front_matter
    if fm is None:
        if ctx.doc.kind is None and schema.requires_properties:
            required = ", ".join(schema.contents["required"])
            yield Problem("SC004", f"missing front matter (the schema requires {required})", Span(0, 0))
        return
    if fm.data is None:
        return
    yield from schema_problems(schema.validator.iter_errors(fm.data), fm)

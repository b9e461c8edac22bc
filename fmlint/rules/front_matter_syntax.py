"""Front matter that a site generator would reject or misread.

The problems come from the parse stage (``fmlint.frontmatter``); this module
gives them their codes, names and documentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import msgspec

from fmlint.config.presets import PRESETS
from fmlint.diagnostics import Problem
from fmlint.fix.model import SAFE, Edit, Fix
from fmlint.frontmatter.hugo_yaml import GOCCY_YAML, unreadable_block_scalars
from fmlint.frontmatter.model import FrontMatter
from fmlint.positions import Span
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule

RULES = (
    Rule(
        "FM001",
        "unclosed-front-matter",
        "Front matter is opened but never closed.",
        doc="""## What it does
Reports an opening `---`, `+++` or `{` whose closing delimiter never comes, at
the opening line.

## Why is this bad?
The generator reads the whole article as front matter (or refuses the file):
the page is broken or empty.

## Example
```markdown
---
title: "Hello"

Body text…
```
Use instead:
```markdown
---
title: "Hello"
---

Body text…
```
""",
    ),
    Rule(
        "FM002",
        "front-matter-syntax",
        "The front matter is not valid YAML, TOML or JSON.",
        doc="""## What it does
Reports a YAML, TOML or JSON syntax error at the line and column where the
parser stopped, and values that cannot be read as their type.

## Why is this bad?
Hugo stops the build (or skips the page) on a front matter it cannot parse.

## Example
```markdown
---
title: "Hello"
tags: [news, ai
---
```
fails with `did not find expected ',' or ']'`. Use instead:
```markdown
---
title: "Hello"
tags: [news, ai]
---
```
""",
    ),
    Rule(
        "FM003",
        "duplicate-key",
        "A key appears twice in the same mapping.",
        fix="display-only",
        doc="""## What it does
Reports the *second* occurrence of a key in a YAML or JSON mapping, and a TOML
table or key declared twice. On a Hugo site, also a top-level key that differs
from an earlier one only in case (`Tags` and `tags`, `expiryDate` and
`expirydate`): Hugo reads keys without case and keeps one of the two values,
not the last one written.

## Why is this bad?
Hugo rejects duplicate keys, and so do the JavaScript generators' YAML parsers
(js-yaml: Hexo, Docusaurus, Astro): the site build fails. Jekyll (Ruby's YAML)
and MkDocs (PyYAML) silently keep the last one, so the first value is lost
unnoticed. The message says which, for the active preset's generator.

## Example
```markdown
---
title: "Draft title"
title: "Final title"
---
```
Use instead:
```markdown
---
title: "Final title"
---
```

## Fix
Display-only (which occurrence wins is the author's choice): in YAML, the
removal of the second occurrence with its value is shown, never applied.
""",
    ),
    Rule(
        "FM004",
        "expansion-limit",
        "YAML aliases expand too far, or the data is nested too deep.",
        doc="""## What it does
Stops reading a YAML front matter whose aliases (`*ref`) and merge keys (`<<`)
expand to more than 10,000 nodes, or whose nesting is more than 100 levels deep.

## Why is this bad?
Such a document is a "billion laughs" bomb: a few lines that expand to billions
of values and exhaust memory in any tool that reads them naïvely.

## Example
```markdown
---
title: "Hello"
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
---
```
Use instead: plain values, and aliases only for small repeated values.
```markdown
---
title: "Hello"
---
```
""",
    ),
    Rule(
        "FM005",
        "unsupported-tag",
        "A YAML tag other than the standard types is used.",
        doc="""## What it does
Reports explicit YAML tags such as `!!python/object` or custom `!tags`. The
value is read as plain data; the tag is never constructed.

## Why is this bad?
Tags that construct objects are a code-execution risk in some tools, and Hugo
does not understand them.

## Example
```markdown
---
title: !!python/object/apply:os.system ["echo hi"]
---
```
Use instead:
```markdown
---
title: "echo hi"
---
```
""",
    ),
    Rule(
        "FM006",
        "front-matter-not-mapping",
        "The front matter is a list or a single value, not key/value pairs.",
        doc="""## What it does
Reports a front matter whose top level is a list or a scalar.

## Why is this bad?
Generators expect keys such as `title` and `date`; anything else is ignored or
rejected.

## Example
```markdown
---
- title: Hello
---
```
Use instead:
```markdown
---
title: Hello
---
```
""",
    ),
    Rule(
        "FM007",
        "misplaced-front-matter",
        "A front-matter block does not start on the first line (generators but Hugo and Zola ignore it).",
        doc="""## What it does
Reports a `---` or `+++` block that would be front matter but is preceded by
blank lines, for a generator that reads front matter on the first line only:
every preset but `hugo` and `zola`. Hugo and Zola skip blank lines and spaces
before the front matter, and so does fmlint on their sites.

## Why is this bad?
Jekyll, Astro, Docusaurus and MkDocs recognise front matter only at the very
start of the file; otherwise the block is rendered as body text and the page
loses its title, date and so on.

## Example
```markdown

---
title: Hello
---
```
Use instead (no blank line before the opening `---`):
```markdown
---
title: Hello
---
```
""",
    ),
    Rule(
        "FM009",
        "hugo-unreadable-yaml",
        "Valid YAML that Hugo 0.152 and later cannot read (its YAML library, goccy/go-yaml, fails on it).",
        fix=SAFE,
        doc="""## What it does
Reports, on a Hugo site that does not pin a Hugo older than 0.152, an empty
block scalar (`|` or `>` with nothing in it) that ends a list item when a blank
line follows it before the next item, at its indicator: Hugo's YAML parser
fails at the next item (where the list is indented under its key, or, written at
its key's column, the next item has more than one key).

## Why is this bad?
Hugo 0.152 replaced its YAML library with goccy/go-yaml, which refuses this
valid YAML: the build stops with "value is not allowed in this context". Other
tools (and older Hugo) read it, so it goes unnoticed until Hugo is upgraded.

## Example
```markdown
---
events:
  - title: "FOSDEM"
    notes: |

  - title: "vPub"
---
```
Use instead:
```markdown
---
events:
  - title: "FOSDEM"
    notes: ""

  - title: "vPub"
---
```

## Fix
Safe: the empty block scalar is written `""`, the same empty string (not for
`|+`, whose value is a line break).
""",
    ),
    Rule(
        "FM008",
        "front-matter-on-delimiter-line",
        "A front matter starts on the line of its opening `---` or `+++` (generators but Hugo ignore it).",
        doc="""## What it does
Reports a `---` or `+++` followed on its own line by front-matter text, and
closed on a later line, for a generator that reads no front matter there: every
preset but `hugo`. Hugo's page lexer reads the front matter from the third
character of the delimiter on, and so does fmlint on Hugo sites.

## Why is this bad?
Jekyll, Zola, Astro, Docusaurus and MkDocs recognise front matter only when its
delimiter stands alone on the first line; otherwise the block is body text (or,
for Jekyll, the file is copied as it is) and the page loses its title, date and
so on.

## Example
```markdown
+++ title = "Buildpack API"
+++
```
Use instead:
```markdown
+++
title = "Buildpack API"
+++
```
""",
    ),
)

_BLANKS = lazy_pattern(r"[ \t\r\n]*")
_DELIMITER_LINE = lazy_pattern(r"\A(?:[ \t]*\r?\n)+((?:---|\+\+\+)[ \t]*)\r?$", re.MULTILINE)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    doc = ctx.doc
    if not doc.readable:
        return
    if doc.kind is None:
        misplaced = _DELIMITER_LINE.match(doc.text)
        if misplaced:
            span = Span(misplaced.start(1), misplaced.end(1))
            yield Problem("FM007", "front matter must start on the first line of the file", span)
        elif doc.inline:
            yield _on_delimiter_line(doc.text)
    elif doc.front_matter is None:
        opener = doc.source(doc.opening).strip()
        yield Problem("FM001", f"front matter opened with `{opener}` is never closed", doc.opening)
    if ctx.front_matter is not None and doc.kind == "yaml" and ctx.settings.preset == "hugo":
        yield from _unreadable_to_hugo(ctx, ctx.front_matter)
    if ctx.front_matter is not None and ctx.settings.preset == "hugo" and isinstance(ctx.front_matter.data, dict):
        yield from _one_key_to_hugo(ctx, ctx.front_matter)
    if ctx.front_matter is not None:
        for found in ctx.front_matter.problems:
            if found.code == "FM003" and found.message.startswith("duplicate key "):  # (YAML's, JSON's: not TOML's)
                yield msgspec.structs.replace(found, message=f"{found.message[:-1]}; {_duplicates(ctx)})")
            else:
                yield found


def _duplicates(ctx: Context) -> str:
    """What the active preset's generator does with a duplicate key."""
    preset = PRESETS.get(ctx.settings.preset)
    generator = preset.generator if preset is not None else "Hugo"
    return (
        f"{generator} keeps the last one" if ctx.settings.preset in _KEEPS_LAST else f"{generator} rejects duplicates"
    )


_KEEPS_LAST = ("jekyll", "mkdocs-material")  # (Ruby's YAML and PyYAML; Hugo and js-yaml fail on a duplicate)


def _one_key_to_hugo(ctx: Context, fm: FrontMatter) -> Iterator[Problem]:
    """FM003 for top-level keys that differ only in case (`expiryDate` and `expirydate`): Hugo reads keys
    without case and keeps one of the values, not by their order (checked with Hugo 0.168's builds)."""
    seen: dict[str, str] = {}
    for key in fm.data:
        if isinstance(key, str) and (first := seen.setdefault(key.lower(), key)) != key:
            line = ctx.doc.lines.line_of(fm.key_span((first,)).start)
            message = f"`{key}` and `{first}` (line {line}) are one key to Hugo, which keeps one of their values"
            yield Problem("FM003", message, fm.key_span((key,)))


def _unreadable_to_hugo(ctx: Context, fm: FrontMatter) -> Iterator[Problem]:
    """FM009 where the site's Hugo reads YAML with goccy/go-yaml (``fmlint.frontmatter.hugo_yaml``)."""
    if "|" not in ctx.doc.text and ">" not in ctx.doc.text:
        return
    found = list(unreadable_block_scalars(fm, ctx.doc.lines))
    if not found:
        return
    from fmlint.rules.schema import pinned_hugo

    pinned = ctx.probe(pinned_hugo, ctx.doc.path)
    if pinned and tuple(map(int, pinned.split("."))) < GOCCY_YAML:
        return
    for indicator, stop, empty in found:
        line = ctx.doc.lines.line_of(stop)
        message = (
            f"Hugo {pinned or '0.152 and later'} cannot read this YAML: an empty `{ctx.doc.source(indicator)}` ends a"
            f" list item before a blank line and the next item (line {line}), which its parser fails on"
        )
        fix = Fix(SAFE, 'write `""`', (Edit.replace(indicator, '""'),)) if empty else None
        yield Problem("FM009", message, indicator, fix=fix)


def _on_delimiter_line(text: str) -> Problem:
    """FM008 at the opening delimiter of a front matter that starts on its line."""
    start = _BLANKS.match(text).end()  # type: ignore[union-attr]  # (it matches the empty string)
    message = f"front matter must start on the line after `{text[start : start + 3]}`: only Hugo reads it there"
    return Problem("FM008", message, Span(start, start + 3))

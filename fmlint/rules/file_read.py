"""Problems met while reading a file, before any parsing.

These come from the read stage (``fmlint.document``): the file could not be
read, is not UTF-8, is binary, is larger than the size limit, or has a body
with too much Markdown markup to parse; and from the write stage of ``--fix``
(``fmlint.fix.writer``): the fixed file could not be written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.rules.base import Context, Rule

RULES = (
    Rule(
        "FL001",
        "unreadable-file",
        "The file cannot be read (permission denied, a directory, vanished).",
        doc="""## What it does
Reports a path that was given or found but could not be read: permission
denied, a directory whose name ends in `.md`, a file that vanished during the
run, or a dangling symbolic link.

## Why is this bad?
A file the linter cannot read is a file the site generator cannot read either,
or one that is silently left unchecked.

## Example
```console
$ chmod 000 content/post.md && fmlint content/post.md
content/post.md:1:1: FL001 cannot read file: Permission denied
```
""",
    ),
    Rule(
        "FL002",
        "invalid-encoding",
        "The file is not valid UTF-8.",
        doc="""## What it does
Reports the first byte sequence that is not UTF-8, at its line and column
(bad bytes count as one character each). The rest of the file is still checked.

## Why is this bad?
Hugo, Jekyll and most generators read content as UTF-8; Latin-1 or Windows-1252
files turn accented characters into garbage on the published page.

## Example
A file saved as Latin-1 (no text block can hold its bytes):
```console
$ printf -- '---\\ntitle: caf\\xe9\\n---\\n' > post.md && fmlint post.md
post.md:2:11: FL002 invalid UTF-8 byte sequence (e9); the file must be saved as UTF-8
```
Re-save it as UTF-8.
""",
    ),
    Rule(
        "FL003",
        "binary-file",
        "The file is binary or UTF-16, not UTF-8 Markdown.",
        doc="""## What it does
Reports a file that contains NUL bytes (an image or archive renamed to `.md`)
or starts with a UTF-16 byte-order mark. Such a file is not parsed further.

## Why is this bad?
Generators either fail on such a file or publish garbage.

## Example
```console
$ cp cover.png cover.md && fmlint cover.md
cover.md:1:1: FL003 binary file (NUL byte at offset 16); not a Markdown article
```
""",
    ),
    Rule(
        "FL004",
        "file-too-large",
        "The file is larger than the size limit and was not read.",
        doc="""## What it does
Reports a file larger than `max-file-size` (default 10 MiB) instead of reading it.

## Why is this bad?
A Markdown article of that size is almost always a generated or misplaced file,
and reading it would slow every run.

## Example
```console
$ fmlint dump.md
dump.md:1:1: FL004 file is 50.0 MiB, over the 10.0 MiB limit; not read
```

## Options
- `max-file-size` (top-level setting, default 10 MiB; `--max-file-size BYTES`).
""",
    ),
    Rule(
        "FL006",
        "fix-not-written",
        "`--fix` could not write the fixed file; it was left as it was.",
        doc="""## What it does
Reports a file whose fixes `fmlint --fix` could not write: the file is
read-only, it changed on disk between reading and writing (another editor or a
formatter saved it), or the disk is full. The file is left exactly as it was
and the other files are still fixed; its findings are those of the file on disk.

## Why is this bad?
The fixes you asked for were not made; running `--fix` again once the cause is
gone makes them.

## Example
```console
$ chmod a-w content/post.md && fmlint --fix content/post.md
content/post.md:1:1: FL006 fixes not written: the file is read-only; it is left as it was
```
""",
    ),
    Rule(
        "FL005",
        "markdown-too-complex",
        "A line nests over 1,000 lists or block quotes; Markdown rules were skipped.",
        severity=Severity.WARNING,
        doc="""## What it does
Reports a body with a line that opens more than 1,000 nested lists or block
quotes (`- - - - … x`, `>>>> … x`), at that line, and skips the Markdown rules
for that file; its front matter is still checked. Every other body is checked,
whatever its length (up to `--max-file-size`): real articles nest a handful of
levels.

## Why is this bad?
Such a body is generated or hostile: each mark opens a list, the parser makes
several events per byte, and a 10 MB file of them would take seconds and
hundreds of megabytes, while the file is under the size limit.

## Example
```console
$ fmlint generated.md
generated.md:5:1: FL005 a line opens over 1,000 nested lists or block quotes; Markdown rules skipped
```
""",
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    yield from ctx.doc.problems

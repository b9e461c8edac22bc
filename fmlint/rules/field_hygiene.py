"""Values that different tools read differently: YAML 1.1 booleans, stray whitespace.

Every string value in the front matter is visited, at any depth (lists and
nested mappings included), and reported at the value as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.doc_examples import article, example
from fmlint.frontmatter import FrontMatter, JsonPath, describe_path
from fmlint.rules.base import Context, Rule

NEEDS = ("front_matter",)

RULES = (
    Rule(
        "FH001",
        "yaml11-boolean",
        "An unquoted yes/no/on/off, which YAML 1.1 tools read as a boolean.",
        severity=Severity.WARNING,
        doc=f"""## What it does
Reports unquoted `yes`, `no`, `on` and `off` (in any case) as YAML front-matter
values.

## Why is this bad?
Hugo and Astro read YAML 1.2, where these words are strings: `comments: yes`
gives the string "yes", which a template's `if` treats as true — and `no` too.
YAML 1.1 tools (PyYAML, Jekyll's Ruby YAML) read them as booleans. The same
front matter means different things to the site and to the scripts around it.

{example(article("comments: no"), article("comments: false"), ' (or `"no"` when the text is meant)')}""",
    ),
    Rule(
        "FH002",
        "surrounding-whitespace",
        "A string value starts or ends with whitespace.",
        severity=Severity.WARNING,
        doc=f"""## What it does
Reports string values (in any front-matter format) with leading or trailing
spaces, tabs or line breaks inside the quotes. The final line break of a YAML
block scalar (`|`, `>`) or a TOML multi-line string is part of the syntax and is
not reported.

## Why is this bad?
The whitespace is kept: `tags: [" ai"]` creates a taxonomy term different from
`ai`, a title renders with a stray space, and a URL or slug with a trailing space
breaks links.

{example(article().replace('"Price cuts"', '"Price cuts "'), article())}""",
    ),
)

_YAML11_BOOLEANS = {"yes", "no", "on", "off"}
_MULTILINE_OPENERS = ("|", ">", '"""', "'''")


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    fm = ctx.front_matter
    if fm is None or fm.data is None:
        return
    for path, value in _strings(fm.data, ()):
        # the source is sliced only for the few values that may be reported
        if fm.kind == "yaml" and value.lower() in _YAML11_BOOLEANS and ctx.doc.source(fm.value_span(path)) == value:
            yield _yaml11_boolean(fm, path, value)
        elif value != value.strip() and _has_surrounding_whitespace(value, ctx.doc.source(fm.value_span(path))):
            message = f"{describe_path(path)}: {_quoted(value)} has leading or trailing whitespace"
            yield Problem("FH002", message, fm.value_span(path))


def _strings(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _yaml11_boolean(fm: FrontMatter, path: JsonPath, value: str) -> Problem:
    meaning = "true" if value.lower() in ("yes", "on") else "false"
    message = (
        f"{describe_path(path)}: unquoted `{value}` is the string {_quoted(value)} for Hugo and Astro (YAML 1.2) "
        f"but the boolean {meaning} for YAML 1.1 tools (PyYAML, Jekyll); write {meaning} or {_quoted(value)}"
    )
    return Problem("FH001", message, fm.value_span(path))


def _has_surrounding_whitespace(value: str, written: str) -> bool:
    if written.startswith(_MULTILINE_OPENERS):
        value = value.rstrip("\r\n")
    return value != value.strip()


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

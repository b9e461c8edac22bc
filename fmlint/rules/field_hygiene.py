"""Values that different tools read differently: YAML 1.1 booleans, stray whitespace.

Every string value in the front matter is visited, at any depth (lists and
nested mappings included), and reported at the value as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.doc_examples import article, example
from fmlint.fix.model import SAFE, UNSAFE, Edit, Fix
from fmlint.fix.values import value_text, written_value
from fmlint.frontmatter import FrontMatter, JsonPath, describe_path
from fmlint.rules.base import Context, Rule

NEEDS = ("front_matter",)

RULES = (
    Rule(
        "FH001",
        "yaml11-boolean",
        "An unquoted yes/no/on/off, which YAML 1.1 tools read as a boolean.",
        severity=Severity.WARNING,
        fix=SAFE,
        doc=f"""## What it does
Reports unquoted `yes`, `no`, `on` and `off` (in any case) as YAML front-matter
values.

## Why is this bad?
Hugo and Astro read YAML 1.2, where these words are strings: `comments: yes`
gives the string "yes", which a template's `if` treats as true — and `no` too.
YAML 1.1 tools (PyYAML, Jekyll's Ruby YAML) read them as booleans. The same
front matter means different things to the site and to the scripts around it.

{example(article("comments: no"), article("comments: false"), ' (or `"no"` when the text is meant)')}

The fix quotes the word (`"no"`): safe where the generator reads YAML 1.2
(the word is already the string), unsafe for Jekyll and MkDocs, which read it
as a boolean.""",
    ),
    Rule(
        "FH002",
        "surrounding-whitespace",
        "A string value starts or ends with whitespace.",
        severity=Severity.WARNING,
        fix=UNSAFE,
        doc=f"""## What it does
Reports string values (in any front-matter format) with leading or trailing
spaces, tabs or line breaks inside the quotes. The final line break of a YAML
block scalar (`|`, `>`) or a TOML multi-line string is part of the syntax and is
not reported.

## Why is this bad?
The whitespace is kept: `tags: [" ai"]` creates a taxonomy term different from
`ai`, a title renders with a stray space, and a URL or slug with a trailing space
breaks links.

{example(article().replace('"Price cuts"', '"Price cuts "'), article())}

The fix (unsafe: it changes the value) removes the whitespace; block scalars
are left to be edited by hand.""",
    ),
)

_YAML11_BOOLEANS = {"yes", "no", "on", "off"}
_MULTILINE_OPENERS = ("|", ">", '"""', "'''")
_YAML11_GENERATORS = {"jekyll", "mkdocs-material"}  # they read `no` as false


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    fm = ctx.front_matter
    if fm is None or fm.data is None:
        return
    for path, value in _strings(fm.data, ()):
        # the source is sliced only for the few values that may be reported
        if fm.kind == "yaml" and value.lower() in _YAML11_BOOLEANS and ctx.doc.source(fm.value_span(path)) == value:
            yield _yaml11_boolean(fm, path, value, ctx.settings.preset)
        elif value != value.strip() and _has_surrounding_whitespace(value, ctx.doc.source(fm.value_span(path))):
            message = f"{describe_path(path)}: {_quoted(value)} has leading or trailing whitespace"
            yield Problem("FH002", message, fm.value_span(path), fix=_trim_fix(ctx, fm, path, value))


def _strings(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _yaml11_boolean(fm: FrontMatter, path: JsonPath, value: str, preset: str) -> Problem:
    meaning = "true" if value.lower() in ("yes", "on") else "false"
    message = (
        f"{describe_path(path)}: unquoted `{value}` is the string {_quoted(value)} for Hugo and Astro (YAML 1.2) "
        f"but the boolean {meaning} for YAML 1.1 tools (PyYAML, Jekyll); write {meaning} or {_quoted(value)}"
    )
    return Problem("FH001", message, fm.value_span(path), fix=_quote_fix(fm, path, value, preset))


def _quote_fix(fm: FrontMatter, path: JsonPath, value: str, preset: str) -> Fix | None:
    """Quote the word: the same string where YAML 1.2 is read, a change of type for YAML 1.1 generators."""
    quoted = value_text("yaml", value, '"')
    if quoted is None:
        return None
    applicability = UNSAFE if preset in _YAML11_GENERATORS else SAFE
    return Fix(applicability, f"quote as {quoted}", (Edit.replace(fm.value_span(path), quoted),))


def _trim_fix(ctx: Context, fm: FrontMatter, path: JsonPath, value: str) -> Fix | None:
    span = written_value(fm.kind, ctx.doc.text, fm.value_span(path))
    written = ctx.doc.source(span)
    if written.startswith(_MULTILINE_OPENERS) or not value.strip():
        return None
    trimmed = value_text(fm.kind, value.strip(), written)
    if trimmed is None:
        return None
    return Fix(UNSAFE, f"remove the whitespace: {trimmed}", (Edit.replace(span, trimmed),))


def _has_surrounding_whitespace(value: str, written: str) -> bool:
    if written.startswith(_MULTILINE_OPENERS):
        value = value.rstrip("\r\n")
    return value != value.strip()


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

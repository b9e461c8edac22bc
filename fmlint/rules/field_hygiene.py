"""Values that different tools read differently: YAML 1.1 booleans, stray whitespace, numbers in text.

Every string value in the front matter is visited, at any depth (lists and
nested mappings included), and reported at the value as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
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
    Rule(
        "FH003",
        "number-loses-digits",
        "A number in a text field that the generator shows otherwise than written (`2.10` as `2.1`).",
        severity=Severity.WARNING,
        fix=UNSAFE,
        doc=f"""## What it does
Reports an unquoted number, in a top-level field the schema takes as text
(`title`, `linkTitle`, `description` …: a string, or a string or a number),
whose written form the generator does not show: Hugo (Go), Astro and
Docusaurus (JavaScript) print the number's value, so `2.10` shows `2.1`,
`1.0` shows `1` and `0x10` shows `16`. A number shown as written
(`linkTitle: 2.11`) is fine.

## Why is this bad?
Versioned documentation names its menus by version: `linkTitle: 2.10` is the
menu entry "2.1", beside "2.9" — a version that does not exist, sorted in the
wrong place.

{example(article("linkTitle: 2.10"), article('linkTitle: "2.10"'))}

The fix (unsafe: it changes what the page shows, to what was meant) quotes the
number as written.""",
    ),
)

_YAML11_BOOLEANS = {"yes", "no", "on", "off"}
_MULTILINE_OPENERS = ("|", ">", '"""', "'''")
_YAML11_GENERATORS = {"jekyll", "mkdocs-material"}  # they read `no` as false
# generators that show a number as its value's shortest digits (Go's Hugo, JavaScript's Astro and Docusaurus)
_NUMBER_PRINTERS = {"hugo", "astro", "astro-collections", "starlight", "docusaurus"}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    fm = ctx.front_matter
    if fm is None or fm.data is None:
        return
    if ctx.settings.preset in _NUMBER_PRINTERS and isinstance(fm.data, dict):
        yield from _numbers_losing_digits(ctx, fm)
    for path, value in _strings(fm.data, ()):
        # the source is sliced only for the few values that may be reported
        if fm.kind == "yaml" and value.lower() in _YAML11_BOOLEANS and ctx.doc.source(fm.value_span(path)) == value:
            yield _yaml11_boolean(fm, path, value, ctx.settings.preset)
        elif value != value.strip() and _has_surrounding_whitespace(value, ctx.doc.source(fm.value_span(path))):
            message = f"{describe_path(path)}: {_quoted(value)} has leading or trailing whitespace"
            yield Problem("FH002", message, fm.value_span(path), fix=_trim_fix(ctx, fm, path, value))


def _numbers_losing_digits(ctx: Context, fm: FrontMatter) -> Iterator[Problem]:
    """FH003: the top-level numbers of text fields whose written form differs from the one the generator shows."""
    schema = ctx.settings.schema
    if schema is None:
        return
    text_fields = _TEXT_FIELDS.get(schema.digest)
    if text_fields is None:
        properties = schema.contents.get("properties") if isinstance(schema.contents, dict) else None
        fields = properties.items() if isinstance(properties, dict) else ()
        text_fields = _TEXT_FIELDS[schema.digest] = frozenset(
            name.lower() for name, field in fields if _takes_text(field)
        )
    if not text_fields:
        return
    assert isinstance(fm.data, dict)
    for key, value in fm.data.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool) or str(key).lower() not in text_fields:
            continue
        span = fm.value_span((key,))
        written, shown = ctx.doc.source(span).strip(), _shown(value)
        if shown is not None and written != shown:
            message = f"{describe_path((key,))}: `{written}` is the number {shown}, shown as `{shown}`; quote it to show `{written}`"
            quoted = value_text(fm.kind, written, '"')
            fix = Fix(UNSAFE, f"quote as {quoted}", (Edit.replace(span, quoted),)) if quoted is not None else None
            yield Problem("FH003", message, span, fix=fix)


_TEXT_FIELDS: dict[str, frozenset[str]] = {}  # a schema's digest → its top-level fields that take text (lowercased)


def _takes_text(field: Any) -> bool:
    """Whether a property's schema takes a string (alone or beside other types)."""
    kind = field.get("type") if isinstance(field, dict) else None
    return kind == "string" or (isinstance(kind, list) and "string" in kind)


def _shown(value: float) -> str | None:
    """A number as Go's ``strconv.FormatFloat(v, 'f', -1, 64)`` and JavaScript's ``String`` print it (the same
    for the values front matter holds): the shortest digits that read back as it, no exponent, no ``.0``."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return None
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


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

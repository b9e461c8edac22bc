"""Front matter checked against the file's JSON Schema.

The schema comes from ``--schema``, the configuration, or the bundled
``hugo-article`` default; see ``fmlint.schema.loader`` for loading and
``fmlint.schema.errors`` for how each error is placed and worded.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fmlint.config.presets import COLLECTION_PRESETS, PRESETS
from fmlint.diagnostics import Problem, Severity
from fmlint.fix.model import DISPLAY_ONLY, UNSAFE, Edit, Fix
from fmlint.fix.values import key_text, value_text, written_value
from fmlint.frontmatter import FrontMatter, JsonPath
from fmlint.positions import Span
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule, probe_function
from fmlint.schema.key_case import in_schema_spelling
from fmlint.schema.loader import CompiledSchema, SchemaLoadError, load_schema
from fmlint.schema.near_miss import near_miss_problems
from fmlint.schema.prescreen import known_valid
from fmlint.schema.properties import undefined_keys

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

NEEDS = ("front_matter",)

RULES = (
    Rule(
        "SC001",
        "schema-violation",
        "A front-matter value does not match the schema.",
        fix=UNSAFE,
        doc="""## What it does
Validates the front matter against the JSON Schema that applies to the file and
reports each failing value at the value itself: wrong type, value not in the
`enum`, bad `format` (dates, URIs, e-mail addresses), pattern, length or range.
For `anyOf`/`oneOf` the most relevant branch's error is reported. Under the
hugo, hexo and jekyll presets' bundled schemas a key written without a value
(`description:`, YAML's null) is as good as absent, as those generators read
it (Liquid's `nil` is no value), unless the schema requires it (`title:` is
reported). Under an Astro collection's schema, a `reference("authors")` field
must name an entry of that collection by its ID (the path from the
collection's folder, slugged, or the entry's own `slug`; a data collection's
path as written; a `file()` loader's item's `id` or key); collections whose
entries fmlint does not know (a package's loader, a `parser` of the project's)
are not judged.

## Why is this bad?
Templates read these values: a `comments: "yes"` string where a boolean is
expected, or a date Hugo cannot parse, breaks pages or the whole build. A
reference to no entry fails Astro 2.5–4's build ("Reference to authors
invalid"); later versions hand the page `undefined` where it reads the entry.

## Example
```markdown
---
title: "Hello"
comments: "yes"
---
```
gives `comments: expected a boolean, got the string "yes"`. Use instead:
```markdown
---
title: "Hello"
comments: true
---
```

## Fix
Unsafe (the data changes): an `enum` value becomes its single close match, a
`"true"`/`"yes"` string a boolean, `"10"` a number, a single value a one-item
list where the schema wants one; with several close matches the fix is only
shown.
""",
    ),
    Rule(
        "SC002",
        "unknown-key",
        "A key the schema does not allow (often a typo).",
        fix=UNSAFE,
        doc="""## What it does
Reports keys rejected by `additionalProperties: false` or
`unevaluatedProperties: false`, at the key, suggesting the closest known key.
Under a preset's bundled schema, a Hugo site's top-level keys that its own or
its themes' layouts read (`.Params.status`, `.Param "x"`, `index .Params "x"`,
`isset .Params "x"`, `where`'s `"Params.x"`; not the site's `site.Params`; in
the asset templates beside them too, as a search index) are known: the site uses
them, and so are its own taxonomies (`[taxonomies] project = "projects"`: Hugo
reads a page's `projects` terms), the keys a page's own `{{< param "x" >}}`
shortcodes show, and `_build` where the site pins a Hugo older than 0.145
(`HUGO_VERSION` in `netlify.toml`, `hugo-extended` in `package.json`, a GitHub
workflow's `hugo-version`): those versions read it (before 0.123, alone), 0.145
deprecated it and current ones refuse it; on a site pinning a Hugo older than
0.123, `build` itself is reported (those read `_build` alone: the page is built).
Themes and modules are read where Hugo finds them (`_vendor/`,
`themesDir`, replacements, Hugo's module cache at the version `go.mod`
requires, the npm packages' `layouts` the site mounts on its own); when Docsy,
PaperMod, Ananke, Hugo Book, Hextra, Hugo Blox (Wowchemy, Academic), Blowfish,
Relearn, Learn, Doks (and its Thulite packages), Clarity, Toha, Mainroad,
Beautiful Hugo, Even, Stack, Congo, LoveIt, FixIt, DoIt, Geekdoc, Coder or
Terminal is not there (a submodule not checked out, as in CI by default, a
module not downloaded, an npm package not installed), the keys its releases'
layouts read are known all the same. A key the layouts read a field of
(`.Params.author.name`, Hextra's `sidebar.exclude`, DoIt's `$toc.enable` after
`$toc := $params.toc`), or of whose items (a
`range` over `authors` reading `.name`), holds maps of the site's shape, which
the bundled schema's type for it does not judge. A schema of your own decides
alone.

## Why is this bad?
A typoed key (`titel`, `catagories`) is silently ignored by the generator: the
page renders without its title or categories.

## Example
```markdown
---
titel: "Hello"
---
```
gives ``unknown key `titel` (did you mean `title`?)``. Use instead:
```markdown
---
title: "Hello"
---
```

## Fix
Unsafe (the data changes): the key is renamed to the single known key it is
close to, when that key is not there already; with several candidates the fix
is only shown.
""",
    ),
    Rule(
        "SC003",
        "missing-key",
        "A key the schema requires is missing.",
        doc="""## What it does
Reports a `required` key that is absent, at the mapping that should hold it (the
opening delimiter for top-level keys); not in a file of a site that renders no
page of it (see SC004) or that is a headless bundle (`headless: true`). Under a
preset's bundled schema, a Hugo site's home page (`_index` at its content root,
of any language) may leave its `title` out or empty (SC001): its theme shows the
site's title there (Hugo Blox's starters say so, Relearn's home page does it).

## Why is this bad?
Pages without a title or date sort wrongly, show empty headings or break list
templates.

## Example
```markdown
---
date: 2025-02-07
---
```
gives ``missing required key `title```. Use instead:
```markdown
---
title: "Hello"
date: 2025-02-07
---
```
""",
    ),
    Rule(
        "SC004",
        "missing-front-matter",
        "The file has no front matter, but its schema requires keys.",
        doc="""## What it does
Reports a file without front matter when the schema that applies to it has
`required` keys. Files under a permissive schema may have no front matter, and
so may the Markdown files of a site that are not pages it renders: those
outside its content folders (a `README.md` beside `hugo.toml`, notes under
`scripts/`: pre-commit passes them too), those its configuration's
`cascade` never renders (`build: {render: never}`: fragments that shortcodes
include), and those below a leaf bundle's folder (one holding `index.md`), which
Hugo makes the bundle's resources.

## Why is this bad?
An article without front matter has no title or date; Hugo renders it with
defaults that are rarely what the author wanted.

## Example
Under the default `hugo-article` schema, which requires a title:
```markdown
# Hello

An article without front matter.
```
gives `missing front matter (the schema requires title)`. Use instead:
```markdown
---
title: "Hello"
---

An article with front matter.
```
""",
    ),
    Rule(
        "SC005",
        "invalid-inline-schema",
        "The schema named by the front matter's `$schema` key cannot be used.",
        doc="""## What it does
With `allow-inline-schema = true`, a `$schema` key in the front matter names
the file's schema (a path relative to the file, or a bundled name such as
`jekyll`), taking precedence over the configuration; the key itself is then
not reported as unknown. This rule reports a `$schema` value that is not
text, names no file, or names a file that is not a valid JSON Schema.

## Why is this bad?
The file would silently go unchecked, or be checked against the wrong schema.

## Example
```markdown
---
$schema: ./no-such.schema.json
title: "Hello"
---
```
gives ``cannot use the inline schema: …/no-such.schema.json: cannot read schema``.
Use instead a schema that exists, e.g. a bundled one:
```markdown
---
$schema: hugo-article
title: "Hello"
---
```
""",
    ),
    Rule(
        "SC007",
        "duplicate-entry-id",
        "Two entries of an Astro collection have one ID: Astro keeps one of them.",
        doc="""## What it does
Under an Astro project's own collections, reports an entry whose ID another
entry of the same collection has, naming it. An entry's ID is its `slug`, else
its path from the collection's folder without the extension, each segment
slugged as github-slugger does and a last `/index` dropped (`Post.md`,
`post.md` and `post/index.md` are all `post`); a legacy data collection's
file's path as written. Reported at the `slug` that makes the ID, else at the
file's start.

## Why is this bad?
Astro keeps one entry of an ID and drops the other, with only a warning
("Duplicate id"): a post copied with its `slug` left as it was, or a file
renamed beside its old copy, silently disappears from the site.

## Example
```console
$ head -4 src/content/blog/first.md src/content/blog/second.md
==> src/content/blog/first.md <==
---
title: "First post"
---

==> src/content/blog/second.md <==
---
title: "Second post"
slug: first
---
$ fmlint src/content/blog/second.md
src/content/blog/second.md:3:7: SC007 this entry's ID `first` in the `blog` collection is also `src/content/blog/first.md`'s: Astro keeps one of them ("Duplicate id") and drops the other
```
Use instead a `slug` of its own, or none (`second` is the path's ID).
""",
    ),
    Rule(
        "SC006",
        "near-miss-key",
        "A key the schema lets through that misspells a key it defines.",
        severity=Severity.WARNING,
        doc="""## What it does
Where the schema allows unknown keys (no `additionalProperties: false`, as in
the Jekyll, Astro, Docusaurus and MkDocs presets and in `fmlint schema infer`'s
schemas without `--closed`), reports a key the schema does not define when a
key it does define, absent from the same mapping, is one or two edits away
(one for keys of four characters or fewer; case, `-` and `_` do not count).
Closed schemas report such keys as SC002 instead. Under the jekyll preset's
bundled schema, the keys the site's own templates (`_layouts/`, `_includes/`)
read are known: `page.redirect`, `page["x"]`, and the fields of their loops'
variables (`{% for post in paginator.posts %}` then `post.thumbnail`): al-folio's
`authors`, `images` and `redirect` are no misspellings of `author`, `image` and
`redirect_to`. A theme installed as a gem is not read.

## Why is this bad?
The generator ignores a key it does not know: `last_modifed_at` leaves the
page without its modification date, and nothing fails.

## Example
```markdown
---
$schema: jekyll
title: "Hello"
categries: [news]
---
```
gives ``unknown key `categries` looks like a misspelling of `categories`, which
the schema defines``. Use instead:
```markdown
---
$schema: jekyll
title: "Hello"
categories: [news]
---
```
""",
    ),
)

INLINE_SCHEMA_KEY = "$schema"
# An inline schema is another file: its findings are cached with a probe of that file's digest.
FILESYSTEM_DEPENDENT = True


@probe_function
def inline_schema_digest(reference: str, folder: str) -> str:
    """What the inline schema ``reference`` is now: its digest, or why it cannot be used."""
    try:
        return load_schema(reference, Path(folder)).digest
    except SchemaLoadError as exc:
        return f"error: {exc}"


def missing_front_matter(schema: CompiledSchema) -> Problem:
    """SC004 for a file without front matter whose schema requires keys (also ``fmlint schema infer``'s)."""
    required = ", ".join(schema.contents["required"])
    return Problem("SC004", f"missing front matter (the schema requires {required})", Span(0, 0))


@probe_function
def no_page(path: str) -> bool:
    """Whether a site holds the file at ``path`` but renders no page of it (``SiteConfig.renders``)."""
    from fmlint.site.config import site_of  # (the site's configuration: read for files without front matter)

    site = site_of(path)
    return site is not None and bool(site.content_dirs) and not site.renders(os.path.abspath(path))


@probe_function
def keys_layouts_read(path: str, keys: tuple[str, ...]) -> str:
    """Which of ``keys`` (top-level front-matter keys) the layouts of the Hugo site holding ``path`` read
    (``.Params.status``; a Jekyll site's templates: ``page.status``), comma-separated: the site uses them, though
    fmlint's schema does not list them."""
    return _read_by_layouts(path, keys, maps=False)


@probe_function
def keys_layouts_read_as_maps(path: str, keys: tuple[str, ...]) -> str:
    """Which of ``keys`` the layouts of the Hugo or Jekyll site holding ``path`` read as maps (goharbor.io's
    ``.Params.author.name``), comma-separated: the shape of their values is the site's, not the schema's."""
    return _read_by_layouts(path, keys, maps=True)


def _read_by_layouts(path: str, keys: tuple[str, ...], maps: bool) -> str:
    from fmlint.site.config import site_of

    site = site_of(path)
    read = frozenset() if site is None else site.layout_maps if maps else site.layout_params
    return ",".join(key for key in keys if key.lower() in read)


def param_shortcode_reads(body: str, keys: tuple[str, ...]) -> set[str]:
    """Which of ``keys`` the ``param`` shortcodes of a Hugo page's ``body`` read (grpc.io's `cmake-version`:
    the page's own parameter, shown in its text; `{{< param "cmake-version" >}}`, `{{% param x.y %}}`)."""
    if "param" not in body:
        return set()
    from fmlint.site.params import param_names

    named = {name.split(".")[0] for name in param_names(body)}
    return {key for key in keys if key.lower() in named}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    schema = ctx.settings.schema
    fm = ctx.front_matter
    data = fm.data if fm is not None else None
    if ctx.settings.allow_inline_schema and isinstance(data, dict) and INLINE_SCHEMA_KEY in data:
        assert fm is not None
        reference = data[INLINE_SCHEMA_KEY]
        span = fm.value_span((INLINE_SCHEMA_KEY,))
        if not isinstance(reference, str) or not reference:
            yield Problem("SC005", f"`{INLINE_SCHEMA_KEY}` must be a schema path or bundled name", span)
            return
        folder = str(Path(ctx.doc.path).parent)
        ctx.probe(inline_schema_digest, reference, folder)  # recorded: the result cache re-reads the schema
        try:
            schema = load_schema(reference, Path(folder))
            schema.validator  # noqa: B018 - checked now: a defect is this file's finding, not the run's end
        except SchemaLoadError as exc:
            yield Problem("SC005", f"cannot use the inline schema: {exc}", span)
            return
        data = {key: value for key, value in data.items() if key != INLINE_SCHEMA_KEY}
    if schema is None or not ctx.doc.readable:
        return
    if fm is None:
        if (
            ctx.doc.kind is None
            and schema.requires_properties
            and (schema.every_entry or not ctx.probe(no_page, ctx.doc.path))
        ):
            yield missing_front_matter(schema)
        return
    if data is None:
        return
    preset = PRESETS.get(ctx.settings.preset)
    if preset is not None and preset.case_insensitive_keys and isinstance(data, dict):
        data, fm = in_schema_spelling(schema.contents, data, fm)
    if (
        schema.bundled
        and isinstance(data, dict)
        and isinstance(schema.contents, dict)
        and (undefined := tuple(key for key in undefined_keys(schema.contents, data) if isinstance(key, str)))
    ):
        used = set(ctx.probe(keys_layouts_read, ctx.doc.path, undefined).split(","))  # (its layouts read them)
        if ctx.settings.preset == "hugo":
            used |= param_shortcode_reads(ctx.doc.text[ctx.doc.body_start :], undefined)
        data = {key: value for key, value in data.items() if key not in used}
    if ctx.settings.preset in _NULL_IS_ABSENT and schema.bundled and isinstance(data, dict) and None in data.values():
        data = _without_empty_values(schema.contents, data, lambda: _makes_no_page(ctx, data))
    if (
        ctx.settings.preset == "hugo"
        and schema.bundled
        and isinstance(data, dict)
        and data.get("title") in (None, "")
        and ctx.probe(hugo_home, ctx.doc.path)
    ):
        data = {**data, "title": "(the site's title)"}  # (a home page's own title left empty: the site's is shown)
    valid = known_valid(schema, data)
    if (
        not valid
        and isinstance(data, dict)
        and schema.bundled
        and (kept := _without_layout_maps(ctx, data)) is not data
    ):
        data, valid = kept, known_valid(schema, kept)
    if not valid:
        from fmlint.schema.errors import MISSING_KEY, schema_problems  # jsonschema: imported for the first invalid one

        problems = schema_problems(schema.validator.iter_errors(data), fm, ctx.doc.text, schema.validator)
        for problem in problems:  # (a file of which no page is made needs no page's keys)
            if problem.code != MISSING_KEY or schema.every_entry or not _makes_no_page(ctx, data):
                yield problem
    yield from near_miss_problems(schema.contents, data, fm)
    if schema.every_entry and ctx.settings.preset in COLLECTION_PRESETS and isinstance(data, dict):
        from fmlint.site.astro_entries import reference_problems, twin_problems

        yield from reference_problems(ctx, schema, data, fm, astro_reference_missing)
        yield from twin_problems(ctx, data, fm, astro_entry_twins)
    if ctx.settings.preset == "hugo" and schema.bundled and isinstance(data, dict) and "build" in data:
        yield from _build_before_hugo_123(ctx, fm)


@probe_function
def astro_reference_missing(path: str, collection: str, entry: str) -> bool:
    """Whether the Astro project holding the file at ``path`` has a collection ``collection`` whose entries are
    known (``fmlint.site.astro_entries``), none of which has the ID ``entry``."""
    from fmlint.site.astro_entries import entry_ids

    found = entry_ids(path, collection)
    return found is not None and entry not in found


@probe_function
def astro_entry_twins(path: str) -> str:
    """The other entries with the ID the file at ``path`` has in each collection of the Astro project holding it
    that holds it (``fmlint.site.astro_entries``), as JSON: [collection, ID, [paths from the working folder]]."""
    import json

    from fmlint.site.astro_entries import entry_twins

    twins = entry_twins(os.path.abspath(path))
    return json.dumps([[name, entry, [os.path.relpath(other) for other in others]] for name, entry, others in twins])


@probe_function
def hugo_home(path: str) -> bool:
    """Whether the file at ``path`` is a Hugo site's home page (``_index`` at its content root, of any language):
    its title may be left empty or out, for the site's (Hugo Blox's starters write ``title: ''`` with "Leave the
    homepage title empty to use the site title"; Relearn's and most themes' home pages show the site's)."""
    from fmlint.site.config import site_of

    site = site_of(path)
    if site is None or site.generator != "hugo" or os.path.basename(path).partition(".")[0] != "_index":
        return False
    absolute = os.path.abspath(path)
    holding = site.content_dirs_of(absolute)
    return bool(holding) and "/" not in holding[0][1].content_path(absolute)


@probe_function
def pinned_hugo(path: str) -> str:
    """The Hugo version (``major.minor``) the site holding ``path`` pins, "" for none (``fmlint.site.hugo_version``)."""
    from fmlint.site.config import site_of

    site = site_of(path)
    version = site.hugo_version if site is not None else None
    return f"{version[0]}.{version[1]}" if version is not None else ""


def _build_before_hugo_123(ctx: Context, fm: FrontMatter) -> Iterator[Problem]:
    """SC002 for ``build`` on a site pinning a Hugo older than 0.123: those read build options from ``_build``
    alone (``build`` is a page parameter there, and the page is built)."""
    from fmlint.site.hugo_version import BUILD_ALIASED

    pinned = ctx.probe(pinned_hugo, ctx.doc.path)
    located = fm.locations.get(("build",))
    if not pinned or tuple(map(int, pinned.split("."))) >= BUILD_ALIASED or located is None or located.key is None:
        return
    new = key_text(fm.kind, "_build", ctx.doc.text[located.key.start : located.key.end])
    fix = Fix(UNSAFE, "rename to `_build`", (Edit.replace(located.key, new),)) if new is not None else None
    message = f"unknown key `build` to Hugo {pinned}, which this site pins: it reads `_build` (did you mean `_build`?)"
    yield Problem("SC002", message, located.key, fix=fix)


# the presets whose generator reads a key written without a value as absent (Hexo's themes fall back to the site's
# `description`, as Hugo's do; Liquid reads Jekyll's as `nil`, no value: al-folio's pages ship `description:`; so do
# Eleventy's Liquid and Nunjucks: 11ty.dev's `description:`); Docusaurus's and Astro's validators refuse null
_NULL_IS_ABSENT = ("hugo", "hexo", "jekyll", "eleventy")


def _without_empty_values(contents: Any, data: dict[Any, Any], no_page: Callable[[], bool]) -> dict[Any, Any]:
    """``data`` without the keys the schema defines, and does not require, written without a value: Hugo reads
    an empty ``description:`` (null) as no description, its ``tags:`` as no terms (an archetype's keys left
    unfilled: 1,215 SC001 on 26 corpus sites). Required ones too where the file makes ``no_page``: missing, they
    are not reported there (a Wowchemy widget's ``title:`` in its headless home bundle)."""
    defined = contents.get("properties", {}) if isinstance(contents, dict) else {}
    required = set(contents.get("required", ())) if isinstance(contents, dict) else set()
    if any(data.get(key, 0) is None for key in required) and no_page():
        required = set()
    return {key: value for key, value in data.items() if value is not None or key not in defined or key in required}


def _makes_no_page(ctx: Context, data: Any) -> bool:
    """Whether the file of ``ctx`` makes no page: a headless bundle, or a file its site renders no page of."""
    from fmlint.site.rendering import headless, lowered_keys

    return (isinstance(data, dict) and headless(data, lowered_keys(data))) or ctx.probe(no_page, ctx.doc.path)


def _without_layout_maps(ctx: Context, data: dict[Any, Any]) -> dict[Any, Any]:
    """``data`` without the maps, and lists of maps, the site's layouts read fields of: a bundled schema's type
    for such a key (``author``: a name) is not the site's (``author: {name: …, company: …}``, ``authors: [{name:
    …}]``)."""
    maps = tuple(key for key, value in data.items() if isinstance(key, str) and _holds_a_map(value))
    read = set(ctx.probe(keys_layouts_read_as_maps, ctx.doc.path, maps).split(",")) if maps else set()
    return {key: value for key, value in data.items() if key not in read} if read - {""} else data


def _holds_a_map(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(item, dict) for item in value))


_TRUE_WORDS, _FALSE_WORDS = {"true", "yes", "on"}, {"false", "no", "off"}
_INTEGER = lazy_pattern(r"[+-]?\d+")


def rename_fix(
    fm: FrontMatter, text: str, path: JsonPath, candidates: list[str], error: ValidationError, validator: Any
) -> Fix | None:
    """SC002: rename the key to its suggestion; shown only when there are several; none when that key exists
    or its value would not be valid there (`_comment: text` is not a misspelt boolean `comments`)."""
    located = fm.locations.get(path)
    siblings = error.instance
    if not candidates or located is None or located.key is None or candidates[0] in siblings:
        return None
    renamed = {candidates[0] if key == path[-1] else key: value for key, value in siblings.items()}
    if any(invalid.path and invalid.path[0] == candidates[0] for invalid in validator.descend(renamed, error.schema)):
        return None
    written = text[located.key.start : located.key.end]
    target = candidates[0]
    others = "".join(f", `{name}`" for name in candidates[1:])
    applicability = UNSAFE if len(candidates) == 1 else DISPLAY_ONLY
    message = f"rename to `{target}`" + (f" (or one of {others[2:]})" if others else "")
    new = key_text(fm.kind, target, written)
    return None if new is None else Fix(applicability, message, (Edit.replace(located.key, new),))


def value_fix(fm: FrontMatter, text: str, path: JsonPath, error: ValidationError, validator: Any) -> Fix | None:
    """SC001: the value the author almost certainly meant, written in the value's style (only one the schema
    accepts there)."""
    located = fm.locations.get(path)
    meant = [
        value
        for value in _meant_values(error.validator, error.validator_value, error.instance)
        if next(validator.descend(value, error.schema), None) is None
    ]
    if located is None or not meant:
        return None
    span = written_value(fm.kind, text, located.value)
    new = value_text(fm.kind, meant[0], text[span.start : span.end])
    if new is None:
        return None
    applicability = UNSAFE if len(meant) == 1 else DISPLAY_ONLY
    return Fix(applicability, f"write {new}", (Edit.replace(span, new),))


def _meant_values(keyword: Any, expected: Any, value: Any) -> list[Any]:
    """The values ``value`` was probably meant to be: a close ``enum`` member, or the same value as the expected type."""
    if keyword == "enum" and isinstance(value, str):
        options = [option for option in expected if isinstance(option, str)]
        same = [option for option in options if option.lower() == value.strip().lower()]
        return same or difflib.get_close_matches(value, options, n=2)
    if keyword != "type":
        return []
    types = [expected] if isinstance(expected, str) else list(expected)
    word = value.strip().lower() if isinstance(value, str) else None
    if "boolean" in types and word in _TRUE_WORDS | _FALSE_WORDS:
        return [word in _TRUE_WORDS]
    if {"integer", "number"} & set(types) and word is not None and _INTEGER.fullmatch(word):
        return [int(word)]
    if "number" in types and word is not None:
        try:
            number = float(word)
        except ValueError:
            return []
        return [number] if math.isfinite(number) else []
    if "array" in types and not isinstance(value, (list, dict)) and value is not None:
        return [[value]]
    return []

"""The site rules over a :class:`~fmlint.site.index.SiteIndex`, reporting in the pages ``wanted`` says.

Each check yields :class:`Finding` s located in the page's file (line and column
from its facts); the other file of a pair is named in the message with its line.
"""

from __future__ import annotations

import difflib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

import msgspec

from fmlint.fix.model import DiagnosticFix
from fmlint.regex import lazy_pattern
from fmlint.site.anchors import FRAGMENT_DIRECTIVE, WRITTEN_DASHES, element_id, every_slug
from fmlint.site.facts import At, Item, Reference
from fmlint.site.fixes import (
    fragment_fix,
    fragment_removal_fix,
    path_fix,
    removal_fix,
    term_fix,
    unclosed_tag_fix,
    unescaped_fix,
)
from fmlint.site.hexo import tag_text
from fmlint.site.hugo_paths import basic_normalize, make_path, names_html, sanitize
from fmlint.site.index import (
    Page,
    SiteIndex,
    alias_url,
    container,
    doc_key,
    docusaurus_plugin,
    hugo_kind,
    locale_fallbacks,
    starlight_locale,
)
from fmlint.site.known_themes import known_shortcodes
from fmlint.site.places import FILE_START
from fmlint.site.publication import described
from fmlint.site.refs import HEXO_TAGS, JEKYLL_TAGS, LINKS, lookup, resolve, written_by_build
from fmlint.site.rendering import NEVER
from fmlint.site.shortcode_lexer import CLOSING, OPENING, SELF_CLOSED, Tag, slash_before_end
from fmlint.site.templates import lookup_path, runs_script, theme_shortcode
from fmlint.site.term_pages import taxonomy_page_at
from fmlint.site.term_urls import term_url

COLLISION, TERM_VARIANT, BROKEN_REFERENCE, BROKEN_ANCHOR, TRANSLATION_KEY, DUPLICATE_TITLE, EMPTY_TERM = (
    "SITE001",
    "SITE002",
    "SITE003",
    "SITE004",
    "SITE005",
    "SITE006",
    "SITE007",
)
BROKEN_SHORTCODE = "SITE008"
# fragments no heading makes, which Markdown extensions and templates write: footnotes (goldmark's `fn:1`,
# remark-gfm's `user-content-fn-1` and `footnote-label`), Hugo's table of contents, and the top of the page
# (`#top`, any case, by the HTML standard); a text fragment's directive is left out before (``element_id``)
_GENERATED_ANCHORS = lazy_pattern(
    r"^(fn:|fnref:|user-content-fn-|user-content-fnref-)|^footnote-label$|^TableOfContents$|^[Tt][Oo][Pp]$"
)

# the IDs Redoc writes in the browser, on a site whose templates load it (``Shortcodes.loads_redoc``)
_REDOC_ID = lazy_pattern(r"(?:tag|operation|section|schema)/")
# what a heading's ID may be made of, for Python-Markdown's ``toc`` and pymdownx.slugs: another ID is written by
# HTML, an attribute list or, on an MkDocs site whose hooks write Markdown (``mkdocs_markdown_hooks``), by them
_SLUG = lazy_pattern(r"[\w-]+")
_TABBED = lazy_pattern(r"__tabbed_(\d{1,4})_(\d{1,4})")  # pymdownx.tabbed's numbered tab IDs
Wanted = Callable[[Page], bool]


class Finding(msgspec.Struct, frozen=True):
    page: Page
    code: str
    message: str
    at: At
    fix: DiagnosticFix | None = None

    @property
    def kept(self) -> KeptFinding:
        """As a site pass keeps it (the page by its absolute path)."""
        return self.page.absolute, self.code, self.message, self.at, self.fix


KeptFinding = tuple[str, str, str, At, DiagnosticFix | None]


class _Problem(NamedTuple):
    """What is wrong with a reference: its code and message, and the heading ID its fragment meant, or the path
    of the page it meant (its fix), if one is known; or that its fragment names the page's title (its fix drops
    the fragment)."""

    code: str
    message: str
    meant: str = ""
    titled: bool = False


class _Claim(msgspec.Struct, frozen=True):
    page: Page
    item: Item | None  # the alias item, or the value deciding the page's URL (None: the file name)
    alias: bool

    def this(self, others: list[_Claim]) -> str:
        """The claim as its own finding names it (by its language, beside another language's page of its file)."""
        if self.alias:
            return "this alias"
        if any(other.page.file == self.page.file and not other.alias for other in others):
            return f"this page (language `{self.page.language}`)"
        return "this page"

    def at(self, index: SiteIndex) -> At:
        """Where its finding is reported: the key that decides the path, or the file's start."""
        return index.place(self.page, self.item)

    def describe(self, index: SiteIndex, claim: _Claim) -> str:
        """The claim as ``claim``'s finding names it."""
        if self.page.file is None:
            return f"the section page Hugo makes for the folder `{self.page.folder}/`"
        if self.page.file == claim.page.file and not self.alias and not claim.alias:
            # (a file in a language's content folder nested in another's is a page in both: blog.ethswarm.org)
            return f"the same file's page in the language `{self.page.language}`"
        what = "an alias of" if self.alias else "the page"
        return f"{what} {_named(index, self.page, self.item)}"


def alias_file(url: str) -> str:
    """The file Hugo writes an alias's redirect to: ``….html`` and ``….htm`` as they are (a closing slash
    dropped), anything else as a folder's ``index.html``."""
    path = url.strip("/")
    return path if names_html(path) else path + "/index.html" if path else "index.html"


def collisions(index: SiteIndex, wanted: Wanted) -> Iterator[Finding]:
    """Pages and aliases written to one output file; files that are one page to Hugo (one content key)."""
    if index.config.generator not in ("hugo", "jekyll", "docusaurus", "hexo", "eleventy", "mkdocs", "astro"):
        return  # (an Astro site's: Starlight's docs, or the Markdown pages of ``src/pages``)
    claims: dict[str, list[_Claim]] = {}
    for page in index.pages:
        # (a Hexo post whose URL is not known; Hugo's `render: link` writes neither the page nor its aliases)
        if not page.renders or page.withheld or not page.url or page.unwritten:
            continue
        claims.setdefault(page.output, []).append(_Claim(page, page.decided_by, False))
        for alias in page.facts.aliases if index.config.aliases else ():
            claims.setdefault(alias_file(alias_url(index.config, page, alias.value)), []).append(
                _Claim(page, alias, True)
            )
    generator = "MkDocs" if index.config.generator == "mkdocs" else index.config.generator.capitalize()
    # (Eleventy stops: "Output conflict: multiple input files are writing to …"; the others write one of them)
    outcome = "Eleventy fails the build" if generator == "Eleventy" else f"{generator} keeps one of them"
    for output, owners in claims.items():
        if len(owners) < 2:
            continue
        for claim in owners:
            if claim.page.file is None or not wanted(claim.page):
                continue
            rivals = [
                other
                for other in owners
                # (an alias on its own page's path: Hugo keeps the page, checked with a build; files of one
                # content key are reported as such below)
                if other.page is not claim.page
                and (claim.alias or other.alias or not claim.page.key or other.page.key != claim.page.key)
            ]
            if not rivals:
                continue
            this, others = claim.this(rivals), [other.describe(index, claim) for other in rivals]
            if len(others) == 1:
                message = f"{this} and {others[0]} are both written to `{output}`; {outcome}"
            else:  # (one finding a claim: vitess.io's 39 versions of one alias were 1,482 pairs)
                named = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
                message = f"{this} and {len(others)} others ({named}) are all written to `{output}`; {outcome}"
            yield Finding(claim.page, COLLISION, message, claim.at(index))
    if index.config.judged_terms or index.config.judged_lists:
        yield from _taxonomy_page_collisions(index, claims, wanted, outcome)
    yield from _case_collisions(index, claims, wanted)
    for (_, key), pages in index.by_key.items():
        if len(pages) < 2:
            continue  # (a key of one page: nearly all of them)
        files = [page for page in pages if page.file is not None]
        for page in files:
            if len(files) > 1 and wanted(page):
                named = ", ".join(f"`{other.file}`" for other in _by_file(files) if other is not page)
                message = f"this file and {named} are one page to Hugo (content path `{key}`); {_kept(page, files)}"
                yield Finding(page, COLLISION, message, FILE_START)


def _taxonomy_page_collisions(
    index: SiteIndex, claims: dict[str, list[_Claim]], wanted: Wanted, outcome: str
) -> Iterator[Finding]:
    """Pages and aliases written to the file of a page Hugo makes for a taxonomy (``term_pages``): a term's that a
    page it builds uses, or the list of a taxonomy's terms. Hugo 0.168 keeps one or the other from build to build,
    and says so only with ``--printPathWarnings``. (Where that page has a content file, ``tags/go/_index.md``, or
    is the section page of a taxonomy's folder, its claim is among the others'.)"""
    config = index.config
    taxonomies = config.taxonomy_folders
    # (the first folders of such pages' files: a taxonomy's, or a language's; 10,000 pages' are looked at)
    firsts = {
        *config.judged_terms,
        *config.judged_lists,
        *(config.language_prefix(each)[1:] for each in config.languages),
    }
    for output, owners in claims.items():
        if output.partition("/")[0] not in firsts:
            continue
        if any(claim.page.kind != "page" and claim.page.folder.split("/", 1)[0] in taxonomies for claim in owners):
            continue
        found = [claim for claim in owners if claim.page.file is not None and wanted(claim.page)]
        made = taxonomy_page_at(index, output) if found else None
        for claim in found if made is not None else ():
            message = f"{claim.this([])} and {made} are both written to `{output}`; {outcome}"
            yield Finding(claim.page, COLLISION, message, claim.at(index))


def _kept(page: Page, files: list[Page]) -> str:
    """Which of a content key's ``files`` Hugo keeps, said to ``page``'s (``SiteIndex._replaced``)."""
    if page.kept_instead is not None:
        return f"it keeps `{page.kept_instead.file}`, whose name gives its language: this one is never built"
    if any(other.kept_instead is page for other in files):
        return "it keeps this one, whose name gives its language"
    return "it keeps one of them"


def _case_collisions(index: SiteIndex, claims: dict[str, list[_Claim]], wanted: Wanted) -> Iterator[Finding]:
    """Output paths that differ only by case (``jekyll doctor``'s check): one file on macOS and Windows; but two
    aliases of one page, whose redirects are the same file (mastodon's docs give `Account.md` the aliases
    `/entities/source/` and `/entities/Source/`: 272 findings of nothing lost)."""
    by_lower: dict[str, list[str]] = {}
    for output in claims:
        by_lower.setdefault(output.lower(), []).append(output)
    for outputs in by_lower.values():
        if len(outputs) < 2:
            continue
        for output in outputs:
            for claim in claims[output]:
                if claim.page.file is None or not wanted(claim.page):
                    continue
                others = [
                    (other, name)
                    for name in outputs
                    if name != output
                    for other in claims[name]
                    if not (claim.alias and other.alias and other.page is claim.page)
                ]
                if not others:
                    continue
                named = ", ".join(f"{other.describe(index, claim)} (`{name}`)" for other, name in others)
                this = claim.this([other for other, _ in others])
                message = (
                    f"{this} is written to `{output}`, which differs only by case from {named}: "
                    "on a case-insensitive file system (macOS, Windows) one replaces the other"
                )
                yield Finding(claim.page, COLLISION, message, claim.at(index))


def terms(index: SiteIndex, wanted: Wanted) -> Iterator[Finding]:
    """Terms spelt differently that readers (or Hugo) take for one (see :func:`fold`), within a language, which
    has its own term pages; and terms without a letter or digit (:func:`_empty_term`)."""
    for taxonomy in index.config.taxonomies:
        uses: dict[str, list[tuple[Page, list[Item]]]] = {}  # language → its pages' terms to check
        for page in index.pages:
            if (items := page.facts.lists.get(taxonomy)) and wanted(page) and page.lists_terms:
                uses.setdefault(page.language, []).append((page, items))
        for language, used in uses.items():
            counts = Counter(index.terms(taxonomy, language))
            spellings: dict[str, list[str]] = {}  # folded → spellings, in order of first use
            for value in counts:
                if folded := fold(value):
                    spellings.setdefault(folded, []).append(value)
            # the most used spelling of each group; on a tie, one without surrounding spaces, then the first used
            majorities = {
                folded: max(group, key=lambda v: (counts[v], v == v.strip()))
                for folded, group in spellings.items()
                if len(group) > 1
            }
            meant: dict[str, str | None] = {}  # each spelling used → its majority (None: no letter or digit)
            for page, items in used:
                for item in items:
                    value = item.value
                    if value in meant:
                        majority = meant[value]
                    else:
                        folded = fold(value)
                        majority = meant[value] = majorities.get(folded, value) if folded else None
                    if majority == value:
                        continue
                    at = index.place(page, item)
                    if majority is None:
                        message = _empty_term(index, taxonomy, language, value)
                        removed = index.removal(page, item, len(items) == 1)
                        yield Finding(page, EMPTY_TERM, message, at, removal_fix(item, removed))
                        continue
                    message = (
                        f"{taxonomy} term `{value}` is a variant of `{majority}` ({_times(counts[majority])}): "
                        f"{_term_effect(index, taxonomy, language, value, majority)}"
                    )
                    yield Finding(page, TERM_VARIANT, message, at, term_fix(item, at, majority))


def _empty_term(index: SiteIndex, taxonomy: str, language: str, term: str) -> str:
    """What becomes of a term without a letter or digit: Hugo drops an empty one; the others' pages have no name
    to show (a space's is ``/tags/-/``), or are written over the taxonomy's own page (``?``'s is ``/tags/``)."""
    hugo = index.config.generator == "hugo"
    if not term:
        return f"{taxonomy} term is empty: {'Hugo drops it without a word' if hugo else 'it names no term'}"
    if not hugo:
        effect = "no reader can tell what it names"
    elif (url := term_url(index.config, taxonomy, language, term)) == (
        listing := index.config.language_prefix(language) + sanitize(f"/{taxonomy}/")
    ) and taxonomy in index.config.taxonomy_lists:
        effect = f"Hugo writes its page to `{listing}`, where the list of {taxonomy} goes: one overwrites the other"
    else:
        effect = f"Hugo makes a term page `{url}` with nothing to read in its title"
    return f"{taxonomy} term `{term}` has no letter or digit: {effect}"


def _times(count: int) -> str:
    return "used once" if count == 1 else f"used {count} times"


@lru_cache(maxsize=65536)
def fold(term: str) -> str:
    """Compatibility forms unified, case folded, everything but letters and digits dropped, but a ``+`` or ``#``
    after one: ``C``, ``C++`` and ``C#`` name three languages (``#golang`` and ``golang`` one)."""
    kept: list[str] = []
    for c in unicodedata.normalize("NFKC", term).casefold():
        if c.isalnum() or (c in _NAMING and kept):
            kept.append(c)
    return "".join(kept)


_NAMING = frozenset("+#")  # (signs that name: ``Notepad++``, ``F#``)


def _term_effect(index: SiteIndex, taxonomy: str, language: str, term: str, majority: str) -> str:
    if index.config.generator != "hugo":
        return "readers find the pages under two spellings"
    url, other = term_url(index.config, taxonomy, language, term), term_url(index.config, taxonomy, language, majority)
    if url != other:
        return f"Hugo makes a separate term page `{url}` for it"
    if basic_normalize(term) == basic_normalize(majority):
        return f"Hugo merges them into one term page (`{url}`) titled by either spelling"
    return f"both are written to `{url}`, so one term page overwrites the other"


def anchor_ids(index: SiteIndex, page: Page, seen: frozenset[int] = frozenset()) -> set[str]:
    """The page's heading IDs, with those of the content files its shortcodes include or render; a section page
    that calls a shortcode may also anchor each of its pages by base name or title (hugo-docs' glossary,
    ``{{% glossary %}}``, lists its terms)."""
    facts = page.facts
    lists = page.kind != "page" and bool(facts.shortcodes or facts.markdown_shortcodes or facts.calls)
    children = index.children.get((page.language, page.folder), []) if lists else []
    if not facts.includes and not children and not facts.calls:
        return page.ids
    ids = set(page.ids)
    for child in children:
        ids.update(_child_anchors(child))
    for shown in shown_pages(index, page):
        if id(shown) not in seen:
            ids |= anchor_ids(index, shown, seen | {id(page)})
    return ids


def _child_anchors(child: Page) -> tuple[str, ...]:
    """The IDs a section's list may anchor its page ``child`` by: its base name, its title's."""
    title = child.facts.title
    name = basic_normalize(child.base_name)
    return (name,) if title is None else (name, make_path(title.value))


def shown_pages(index: SiteIndex, page: Page) -> Iterator[Page]:
    """The pages of the index whose headings ``page`` shows: the content files its shortcodes include, then
    those they render."""
    for name in index.included(page):
        found = _included(index, page, name)
        if isinstance(found, Page):
            yield found
    yield from (rendered for rendered in index.rendered_files(page) if rendered is not None)


def _included(index: SiteIndex, page: Page, name: str) -> Page | list[Page] | str | None:
    """The file a page includes (a page when it is one of the index): an MkDocs snippet, an MDX partial
    (``./_p.mdx``, Docusaurus's ``@site/…``: from the page's folder or the site's), or a file a Hugo shortcode
    names."""
    if index.config.generator == "mkdocs":
        return index.snippet(name)
    if index.config.generator in ("docusaurus", "astro"):
        return index.mdx_partial(page, name)
    return lookup(index, page, name, page.language)


def broken_references(index: SiteIndex, wanted: Wanted) -> Iterator[Finding]:
    return (finding for _, finding in numbered_reference_findings(index, wanted))


def numbered_reference_findings(
    index: SiteIndex, wanted: Wanted, fragments: bool | None = None, pages: Iterable[Page] | None = None
) -> Iterator[tuple[int, Finding]]:
    """The reference check's findings (in ``pages``, all of the index's by default), each with its number in its
    page (the order one whole check finds a page's in); ``fragments`` True: of the references with a ``#`` alone
    (the only ones whose check may work out the heading IDs of the page they lead to), False: of the others and
    the page's other fields."""
    hugo = index.config.generator == "hugo"  # (only Hugo's shortcodes hold links: see ``Reference.shortcode``)
    for page in index.pages if pages is None else pages:
        if page.file is None or not wanted(page) or index.config.unbuilt(page.absolute):
            continue  # (a file the generator leaves out: a README for GitHub beside the docs)
        fallbacks: list[Page] | None = None
        references = page.facts.references
        for number, reference in enumerate(references):
            if fragments is not None and ("#" in reference.target) != fragments:
                continue
            if (
                reference.shortcode
                and hugo
                and index.shortcodes.shows_as_text(reference.shortcode, reference.kind == "html")
            ):
                continue
            if reference.in_comment and not index.config.raw_html:
                continue  # (Hugo runs a shortcode in a comment only where it writes the comment)
            written = index.with_params(page, reference) if hugo and "{{" in reference.target else reference
            problem = _reference_problem(index, page, written)
            if problem is None and written.shortcode and hugo and written.target.startswith("#"):
                problem = _home_fragment(index, page, written)
            if problem is None and written.kind in LINKS and written.target.startswith("/"):
                if fallbacks is None:
                    fallbacks = locale_fallbacks(index, page)
                problem = _in_locales(index, fallbacks, written)
            if problem is not None and written is not reference:  # (no fix: it would write over the shortcodes)
                values = f"`{reference.target}` is `{written.target}` (its `param` shortcodes' values)"
                problem = _Problem(problem.code, f"{values}: {problem.message}")
            if problem is not None:
                at = index.place(page, reference)
                if reference.written and problem.meant == reference.target:  # (the destination unescaped)
                    fix = unescaped_fix(reference.written, at, problem.meant)
                elif problem.titled:
                    fix = fragment_removal_fix(reference.target, at)
                else:
                    fix = _fix(problem.code)(reference.target, at, problem.meant) if problem.meant else None
                yield number, Finding(page, problem.code, problem.message, at, fix)
        if index.config.docusaurus is not None and not fragments:
            for finding in (*_pagination(index, page), *_authors(index, page)):
                yield len(references), finding


PAGINATION = ("pagination_next", "pagination_prev")


def _authors(index: SiteIndex, page: Page) -> Iterator[Finding]:
    """A Docusaurus blog post's ``authors`` keys (``- jane``, ``- key: jane``) must be keys of its blog's authors
    map: ``docusaurus build`` fails on one that is not, and on any key when there is no map (``authors.yml``, or
    ``authorsMapPath``).  Each locale builds with its own map where it has one (``i18n/<locale>/…``), for the
    posts it shows untranslated too."""
    plugin = docusaurus_plugin(index.config, page)
    docusaurus = index.config.docusaurus
    if plugin is None or plugin.kind != "blog" or docusaurus is None:
        return
    maps = [(plugin, "")]  # (the blog as built, the locale showing the post untranslated or "")
    if not plugin.locale:
        for fallback in locale_fallbacks(index, page):
            shown = docusaurus.plugin_in(plugin.translations, fallback.language)
            if shown is not None and shown.authors_map != plugin.authors_map:
                maps.append((shown, fallback.language))
    lists = page.facts.lists
    # (a map git ignores is one a build step writes: kvrocks' `authors.generated.yml`, of the GitHub avatars)
    maps = [
        (blog, locale)
        for blog, locale in maps
        if blog.authors
        or not (blog.authors_map and written_by_build(index, [os.path.join(index.config.root, blog.authors_map)]))
    ]
    for item in [*lists.get("authors", ()), *lists.get("authors.key", ())]:  # (`- jane`, `- key: jane`)
        failing = [(blog, locale) for blog, locale in maps if item.value not in blog.authors]
        if not failing:
            continue
        blog, locale = failing[0]
        where = f"`{blog.authors_map}`"
        if not blog.authors:
            problem = f"names an author by key, but the blog has no authors map ({where} is missing or empty)"
        else:
            close = difflib.get_close_matches(item.value, blog.authors, n=3, cutoff=0.6)
            hint = f" (did you mean {', '.join(f'`{key}`' for key in close)}?)" if close else ""
            problem = f"is no key of the blog's authors map {where}{hint}"
        if locale:
            locales = ", ".join(f"`{locale}`" for _, locale in failing)
            problem += f" (in the {locales} {'locales, which show' if len(failing) > 1 else 'locale, which shows'}"
            problem += " this post untranslated)"
        message = f"`{item.value}` {problem}: Docusaurus fails the build"
        yield Finding(page, BROKEN_REFERENCE, message, index.place(page, item))


def _pagination(index: SiteIndex, page: Page) -> Iterator[Finding]:
    """A Docusaurus doc's ``pagination_next``/``pagination_prev`` must name a doc of its version by ID (or be
    ``null``): ``docusaurus build`` fails on one that names none."""
    key = doc_key(index.config, page)
    if key is None:
        return
    for name in PAGINATION:
        for item in page.facts.lists.get(name, ()):
            if item.value not in index.doc_ids(key[0]):
                message = (
                    f"`{name}: {item.value}` names no doc ID of this docs version (Docusaurus fails the build: "
                    f'"the {name} front matter points to a non-existent ID")'
                )
                yield Finding(page, BROKEN_REFERENCE, message, index.place(page, item))


def _reference_problem(index: SiteIndex, page: Page, reference: Reference) -> _Problem | None:
    """What is wrong with a reference of ``page``, if anything."""
    resolved = resolve(index, page, reference)
    if not resolved.checked:
        return None
    if resolved.page is None:
        return _Problem(BROKEN_REFERENCE, resolved.problem, resolved.meant)
    fragment, target = resolved.fragment, resolved.page
    if FRAGMENT_DIRECTIVE in fragment:  # (~35,000 references a 10k site: the call only for a text fragment)
        fragment = element_id(fragment)
    if target.withheld and not page.withheld and _builds_without(index.config.generator, target.withheld):
        # (a link to the URL leads to a page built there, a placeholder until a post's day; a tag names the post)
        built = next((t for t in index.same_url(target) if not t.withheld), None) if reference.kind in LINKS else None
        if built is None:
            return _Problem(BROKEN_REFERENCE, _withheld_message(index, reference, target))
        target = built
    if target is page and not page.renders:
        return None  # a fragment written to be included: its own #links are the including page's
    if not target.renders and page.renders and target.kept_instead is None and _looked_up(index, reference):
        return _Problem(BROKEN_REFERENCE, _unrendered_message(index, reference, target))
    if (
        fragment
        and not target.has_id(fragment)  # (its own IDs, before those of the files it shows: most are there)
        and not _GENERATED_ANCHORS.search(fragment)
        and fragment not in index.config.page_anchors
    ):
        ids = anchor_ids(index, target)
        # (a page whose Markdown a shortcode or an extension writes has headings fmlint does not see)
        if (
            fragment not in ids
            and (resolved.also is None or fragment not in anchor_ids(index, resolved.also))
            # (a page written to the URL of another: the generator keeps one of them, SITE001 says so)
            and not any(fragment in anchor_ids(index, twin) for twin in index.same_url(target))
            and not index.hides_markdown(target)
            and target.ids_known
            and not index.ids_written(target)
            and not _written_unseen(index, fragment)
            and not _numbered_tab(index, target, fragment)
            and not _script_state(index, target, fragment)
            and not index.layout_gives_id(target, fragment)
        ):
            return _broken_anchor(page, target, fragment, ids, _named_child(index, target, fragment))
    return None


def _written_unseen(index: SiteIndex, fragment: str) -> bool:
    """Whether ``fragment`` has the form of an ID the site writes where fmlint does not look: Redoc's, in the
    browser, on a Hugo site whose templates load it or a Docusaurus site that depends on it; or, on an MkDocs
    site whose hooks write Markdown, one no heading's slug can be (an attribute list the hook writes)."""
    if index.config.generator == "hugo":
        return _REDOC_ID.match(fragment) is not None and index.shortcodes.loads_redoc
    if (docusaurus := index.config.docusaurus) is not None:
        return docusaurus.redoc and _REDOC_ID.match(fragment) is not None
    return index.config.mkdocs_markdown_hooks and not _SLUG.fullmatch(fragment)


def _numbered_tab(index: SiteIndex, target: Page, fragment: str) -> bool:
    """Whether ``fragment`` may be the ID pymdownx.tabbed numbers a tab of ``target`` with, on an MkDocs site that
    sets no ``slugify`` for its tabs: ``__tabbed_<set>_<tab>``, each counted from 1 in the page, at most as many as
    its tabs (percona's release notes link ``#__tabbed_1_2``)."""
    numbers = _TABBED.fullmatch(fragment)
    tabs = len(target.facts.tabs)
    return (
        numbers is not None
        and index.config.generator == "mkdocs"
        and not index.config.mkdocs_tab_ids[0]
        and 1 <= int(numbers.group(1)) <= tabs
        and 1 <= int(numbers.group(2)) <= tabs
    )


def _script_state(index: SiteIndex, target: Page, fragment: str) -> bool:
    """Whether ``fragment`` reads as state a script of the page reads rather than an element's ID: a hash route,
    led by ``/`` or ``!/`` (hbstack's ``/admin/#/collections/sites``, Decap CMS's, which its layout loads;
    skaffold's ``swagger/#/SkaffoldService/Execute``, Swagger UI's) or ``!`` alone (the empty hash-bang route
    of a placeholder link: astroship's ``[irure](#!)``), but not one holding a ``#`` of its own, a
    path written after a ``#`` (openebs' ``#/docs/next/uglocalpv-hostpath.html#backup-and-restore``); or it
    holds a ``:`` (``#example:example-demo``, ``#gist:https://…``: carvel.dev's ytt playground, 298 links) and
    the page's own file runs a script."""
    if (fragment.startswith(("/", "!/")) and "#" not in fragment) or fragment == "!":
        return True
    return ":" in fragment and target.file is not None and index.probe(runs_script, target.absolute)


def _fix(code: str) -> Callable[[str, At, str], DiagnosticFix | None]:
    return fragment_fix if code == BROKEN_ANCHOR else path_fix


def _home_fragment(index: SiteIndex, page: Page, reference: Reference) -> _Problem | None:
    """A ``[x](#fragment)`` link in a Hugo shortcode whose template renders it with ``markdownify``, on a site
    using the embedded link render hook: rendered outside the page, the hook writes it as the home page's."""
    if (
        not index.config.link_hook
        or reference.kind != "link"
        or not index.shortcodes.markdownifies(reference.shortcode)
    ):
        return None
    home = index.config.language_prefix(page.language) + "/"
    return _Problem(
        BROKEN_ANCHOR,
        (
            f"`{reference.target}` is in `{{{{< {reference.shortcode} >}}}}`, whose template renders it with "
            f"`markdownify`, outside this page: Hugo's link render hook writes it as `{home}{reference.target}`, "
            "a link to the home page (render the content with `.Page.RenderString`, or write the page's path)"
        ),
    )


def _in_locales(index: SiteIndex, fallbacks: list[Page], reference: Reference) -> _Problem | None:
    """What is wrong with a link from the root of a Docusaurus page in the locales that show it untranslated
    (``fallbacks``: the page as each shows it), where the link gets the locale's prefix: a translated page's
    heading may have another ID."""
    failing = [
        (page.language, problem) for page in fallbacks if (problem := _reference_problem(index, page, reference))
    ]
    if not failing:
        return None
    locales = ", ".join(f"`{locale}`" for locale, _ in failing)
    first = failing[0][1]
    which = "locales, which show" if len(failing) > 1 else "locale, which shows"
    return first._replace(message=f"{first.message} (in the {locales} {which} this page untranslated)")


def _builds_without(generator: str, why: str) -> bool:
    """Whether a page withheld for ``why`` is missing from the generator's build: all of Hugo's and Hexo's, of
    Jekyll's those with ``published: false`` and posts to come (not a ``draft: true``, which Jekyll does not read)."""
    return generator in ("hugo", "hexo") or (generator == "jekyll" and why in ("unpublished", "future"))


def _withheld_message(index: SiteIndex, reference: Reference, target: Page) -> str:
    """A reference to a page the generator does not build (Hugo's drafts, expired pages, pages to come; Hexo's
    drafts; Jekyll's and Hexo's ``published: false``) from a page it builds: it works only in a build with that
    page (on Hugo sites named in its language: a fallback page links to its language's own page, which no
    fallback replaces; a link to another language's URL, to that language's page)."""
    generator = index.config.generator
    if generator != "hugo":
        kind = reference.kind
        shown = tag_text(kind, reference.target) if kind in HEXO_TAGS else reference.target
        if target.withheld == "unpublished":
            builds = (
                "Jekyll builds it only with `unpublished: true`" if generator == "jekyll" else "Hexo writes no page"
            )
            fails = " (the tag fails the build)" if kind in JEKYLL_TAGS else ""
            return f"`{shown}` names `{target.file}`, whose front matter says `published: false`: {builds}{fails}"
        if target.withheld == "future":
            date = target.facts.date or target.name[:10]
            builds = (
                "Jekyll builds it only from then, or with `future: true`"
                if generator == "jekyll"
                else ("Hexo (`future: false`) publishes it only from then")
            )
            fails = " (the tag fails the build)" if kind in JEKYLL_TAGS else ""
            return f"`{shown}` names a post dated {date} (`{target.file}`): {builds}{fails}"
        return (
            f"`{shown}` names a draft (`{target.file}`), which Hexo publishes only with `render_drafts`: no page there"
        )
    fails = " (it fails with REF_NOT_FOUND)" if reference.kind in ("ref", "relref") else ""
    where = f" in language `{target.language}`" if index.config.multilingual else ""
    return f"`{reference.target}` names {described(target.withheld, target.facts, where, target.file)}{fails}"


def _looked_up(index: SiteIndex, reference: Reference) -> bool:
    """Whether Hugo writes the reference as the page it finds by its path: a ``ref``, or a Markdown link on a site
    rendering links with its embedded hook (whose ``GetPage`` finds a page Hugo does not write, and writes its
    empty URL: checked with Hugo 0.168)."""
    return reference.kind in ("ref", "relref") or (reference.kind == "link" and index.config.link_hook)


def _unrendered_message(index: SiteIndex, reference: Reference, target: Page) -> str:
    """A ``ref`` (or a link Hugo's embedded hook looks up) to a page Hugo finds but renders no page of: it writes
    an empty link (``href=""``, or the fragment alone)."""
    if target.facts.render == NEVER:
        why = "its front matter says `headless` or `build.render: never`"
    elif index.config.disabled_kinds and (kind := hugo_kind(index.config, target)) in index.config.disabled_kinds:
        why = f"`{kind}` is in `disableKinds`"
    else:
        why = "a `cascade` says `build.render: never`"
    named = f"`{target.file}`" if target.file else f"the section `{target.url}` (it has no `_index.md`)"
    fragment = reference.target.partition("#")[2]  # (Hugo keeps it: a link to this page's `#fragment`)
    link = f"the link is only `#{fragment}`" if fragment else "the link is empty"
    return f"`{reference.target}` names {named}, of which Hugo writes no page ({why}): {link}"


def _broken_anchor(page: Page, target: Page, fragment: str, ids: set[str], child: Page | None = None) -> _Problem:
    """A fragment that is no ID of its ``target``: the IDs like it named, and the one meant when one of them is
    the fragment spelt otherwise (its fix: ``fmlint.site.fixes``); first, the page of a section it names
    (``child``: envoyproxy's `../concepts/#gateway-api` for the page `concepts/gateway-api.md`)."""
    where = "this page" if target is page else f"`{target.file or target.url}`"  # (a section without a file)
    title = target.facts.title
    if title is not None and fragment in every_slug(title.value, WRITTEN_DASHES):
        # (karmada.io's API reference: `object-meta#objectmeta` for the page titled "ObjectMeta")
        hint = "the page's title, which its layout writes without an ID (Docusaurus's and docsy's `<h1>`)"
        message = f"`#{fragment}` is not a heading ID of {where}: it names {hint}; link the page itself"
        return _Problem(BROKEN_ANCHOR, message, titled=True)
    known = frozenset(ids)
    close = _close_ids(fragment, known)
    meant = target.meant_id(fragment, known, close)
    if meant is not None:
        close = [meant, *(other for other in close if other != meant)][:3]
    hints = [f"the page `{child.url}`"] if child is not None else []
    hints += [f"`#{c}`" for c in close]
    hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
    message = f"`#{fragment}` is not a heading ID of {where}{hint}"
    return _Problem(BROKEN_ANCHOR, message, meant or "")


def _named_child(index: SiteIndex, section: Page, fragment: str) -> Page | None:
    """The page of the section ``section`` that ``fragment`` names by base name or title, if any."""
    if section.kind == "page":
        return None
    children = index.children.get((section.language, section.folder), [])
    return next((child for child in children if fragment in _child_anchors(child)), None)


@lru_cache(maxsize=4096)
def _close_ids(fragment: str, ids: frozenset[str]) -> list[str]:
    """The IDs like ``fragment`` (difflib's matching is the slow part of a site's findings, and a site breaks
    the same anchor of the same page from many pages)."""
    return difflib.get_close_matches(fragment, sorted(ids), n=3)


def duplicate_translation_keys(index: SiteIndex, wanted: Wanted) -> Iterator[Finding]:
    if index.config.generator != "hugo":
        return
    by_key: dict[tuple[str, str], list[Page]] = {}
    for page in index.pages:
        if page.facts.translation_key is not None:
            by_key.setdefault((page.language, page.facts.translation_key.value), []).append(page)
    for (language, key), pages in by_key.items():
        for page in pages:
            if len(pages) > 1 and wanted(page):
                others = ", ".join(_named(index, o, o.facts.translation_key) for o in _by_file(pages) if o is not page)
                message = f"translationKey `{key}` is also used by {others} in language `{language}`"
                yield Finding(page, TRANSLATION_KEY, message, index.place(page, page.facts.translation_key))


def duplicate_titles(index: SiteIndex, wanted: Wanted) -> Iterator[Finding]:
    by_title: dict[tuple[str, int, str, str], list[Page]] = {}
    # (a Hugo site's content folders are one tree; another generator's are separate ones: docs versions)
    separate = index.config.generator != "hugo"
    for page in index.pages:
        title = page.facts.title
        if page.kind == "page" and page.url and title is not None and title.value.strip():  # (a page written)
            # (Starlight's locales are folders of one collection: `pt-br/index.mdx` and `pt-pt/index.mdx`)
            language = starlight_locale(index.config, page) if index.config.starlight is not None else page.language
            key = (language, page.mount if separate else 0, container(page), title.value.strip().casefold())
            by_title.setdefault(key, []).append(page)
    for (_, _, folder, _), pages in by_title.items():
        for page in pages:
            if len(pages) > 1 and wanted(page):
                others = ", ".join(
                    _named(index, other, other.facts.title) for other in _by_file(pages) if other is not page
                )
                section = f"`{folder}`" if folder else "the content root"
                message = f"title `{_value(page.facts.title)}` is also the title of {others} in {section}"
                yield Finding(page, DUPLICATE_TITLE, message, index.place(page, page.facts.title))


# Hugo's embedded shortcodes (of its releases since 0.120: a site may pin an older one) and whether each evaluates
# ``.Inner``; a site's own template of the name replaces one
_EMBEDDED_SHORTCODES = dict.fromkeys(("comment", "details", "highlight", "qr"), True) | dict.fromkeys(
    [
        "figure",
        "gist",
        "instagram",
        "instagram_simple",
        "param",
        "ref",
        "relref",
        "tweet",
        "twitter",
        "twitter_simple",
        "vimeo",
        "vimeo_simple",
        "x",
        "x_simple",
        "youtube",
    ],
    False,
)
_FAILS = "Hugo fails the build"


def broken_shortcodes(index: SiteIndex, wanted: Wanted) -> Iterator[Finding]:
    """The shortcodes of a Hugo site's content files that fail its build (every content file Hugo reads: drafts,
    headless pages and bundles' resources too): the first tag Hugo's lexer cannot read, and, where the site's
    templates are all here, tags of shortcodes without a template and tags closed (or not) against what their
    templates take."""
    config = index.config
    if config.generator != "hugo":
        return
    # the shortcodes of its missing themes, if each is a known one (None: its templates are not all known, or a
    # site none of whose layout folders is here has them elsewhere)
    known = known_shortcodes(config.missing_themes, config.missing_pins)
    if not config.missing_themes and not any(index.probe(os.path.exists, top) for top in index.shortcodes.layouts):
        known = None
    for page in [*index.pages, *index.resources]:
        facts = page.facts
        if page.file is not None and (facts.shortcode_tags or facts.shortcode_error) and wanted(page):
            read_whole = facts.shortcode_error is None
            found = _shortcode_problems(index, page, read_whole, known) if known is not None else []
            if facts.shortcode_error is not None:
                error = facts.shortcode_error
                found.append((f"{_FAILS}: it cannot read this shortcode: {error.value}", error, False))
            if page.renders and not page.withheld:  # (what Hugo fails on only as it renders the page)
                if facts.param_calls:
                    found += _params_not_found(index, page, known)
                if config.inline_shortcodes:
                    found += _inline_uses_undefined(facts.shortcode_tags)
            for message, item, self_closed in found:
                fix = None
                slash = Item("/", *slash_before_end(item.end))
                if self_closed and index.written(page, slash.start, slash.end) == "/":
                    fix = unclosed_tag_fix(item.value, index.place(page, slash))
                yield Finding(page, BROKEN_SHORTCODE, message, index.place(page, item), fix)


def _shortcode_problems(
    index: SiteIndex, page: Page, read_whole: bool, known: Mapping[str, bool | None]
) -> list[tuple[str, Item, bool]]:
    """The page's tags of shortcodes without a template that serves it, and those closed (or left open) against
    their templates (each with its message, and whether it is a self-closed tag of a shortcode that takes no
    content), paired as Hugo pairs them (``known``: the shortcodes of the site's missing themes,
    :func:`known_shortcodes`): a closing tag closes the innermost open shortcode whose template takes content,
    whatever its name.  After a tag whose template Hugo may or may not read as taking content, pairs are not
    judged; nor are tags left open where Hugo's lexer stopped before the end (``read_whole`` false: its error is
    the build's)."""
    found: list[tuple[str, Item, bool]] = []
    waiting: list[Item] = []  # the open tags whose templates take content
    paired = True  # (whether the pairs so far are Hugo's)
    for name, start, end, form in page.facts.shortcode_tags:
        at = Item(name, start, end)
        if name.endswith(_INLINE):  # (an inline shortcode, enabled or not: its tags pair with each other alone)
            continue
        if form == CLOSING:
            if waiting:
                waiting.pop()
            elif paired:
                message = f"a closing tag of `{name}`, but no shortcode that takes content is open: {_FAILS}"
                found.append((message, at, False))
            continue
        inner = _takes_content(index, name, known)
        if inner is None:
            if (missing := _no_template(index, page, name, known)) is not None:
                found.append((missing, at, False))
            paired = False
        elif form == SELF_CLOSED and not inner:  # (wherever it is: Hugo reads it so in or out of a pair)
            message = (
                f"shortcode `{name}` takes no content (its template does not use `.Inner`), "
                f"yet its tag is self-closed (`/>}}}}`): {_FAILS}"
            )
            found.append((message, at, True))
        elif form == OPENING and inner:
            waiting.append(at)
    if waiting and paired and read_whole:
        name = waiting[-1].value
        message = (
            f"shortcode `{name}` takes content (its template uses `.Inner`) but is never closed "
            f"(`{{{{< /{name} >}}}}`): {_FAILS}"
        )
        found.append((message, waiting[-1], False))
    return sorted(found, key=lambda each: each[1].start)


_INLINE = ".inline"


def _inline_uses_undefined(tags: list[Tag]) -> list[tuple[str, Item, bool]]:
    """The uses of inline shortcodes (a self-closed tag, or an opening tag Hugo's lexer read no closing tag of) that
    no earlier tag pair of the page defines, by its name as written (Hugo's names are case-sensitive here): with
    ``enableInlineShortcodes``, Hugo fails as it renders the page."""
    found: list[tuple[str, Item, bool]] = []
    defined: set[str] = set()
    for number, (name, start, end, form) in enumerate(tags):
        if not name.endswith(_INLINE) or form == CLOSING:
            continue
        after = tags[number + 1] if number + 1 < len(tags) else None  # (nothing else is read inside a definition)
        if form == OPENING and after is not None and after[3] == CLOSING:
            defined.add(name)
        elif name not in defined:
            message = (
                f"inline shortcode `{name}` is used before this page defines it "
                f"(`{{{{< {name} >}}}}…{{{{< /{name} >}}}}`): {_FAILS} "
                f'(no earlier definition of shortcode "{name}" found)'
            )
            found.append((message, Item(name, start, end), False))
    return found


def _params_not_found(
    index: SiteIndex, page: Page, known: Mapping[str, bool | None] | None
) -> list[tuple[str, Item, bool]]:
    """The calls of Hugo's embedded ``param`` shortcode (not a theme's: ``known``) in a page it renders for which
    the page, its sections' cascades and the site's parameters give no true value: its template stops the build."""
    if known is not None and "param" in known:
        return []
    return [
        (
            f"the `param` shortcode finds no value for `{call.value}` (none in the page's front matter, its "
            f"sections' `cascade` or the site's `params`; `false`, `0` and empty values count as none): {_FAILS} "
            f"(Param {json.dumps(call.value)} not found)",
            call,
            False,
        )
        for call in page.facts.param_calls
        if index.param_found(page, call.value) is False
    ]


def _no_template(index: SiteIndex, page: Page, name: str, known: Mapping[str, bool | None]) -> str | None:
    """Why Hugo finds no template of the shortcode ``name`` for the page (``None`` when it finds one, or that is
    not known): none anywhere, or only in a type's or section's folder that does not serve the page."""
    if index.shortcodes.template_found(name):
        path = _lookup_path(index, page)
        if path is None or index.shortcodes.template_applies(name, path) or _served(index, name, known):
            return None
        return (
            f"no template of shortcode `{name}` serves this page (its templates' path: `/{path}`): those in a type's "
            f'or section\'s `_shortcodes/` folder serve its pages alone: {_FAILS} ("no template found for shortcode")'
        )
    if _served(index, name, known):
        return None
    # (a near spelling of Hugo's own, or of its missing themes')
    meant = difflib.get_close_matches(name.lower(), [*_EMBEDDED_SHORTCODES, *known], n=1, cutoff=0.8)
    hint = f" (did you mean `{meant[0]}`?)" if meant else ""
    return f'no template for shortcode `{name}`{hint}: {_FAILS} ("template for shortcode not found")'


def _lookup_path(index: SiteIndex, page: Page) -> str | None:
    """The path Hugo looks the page's templates up by (:func:`lookup_path`); ``None`` when its type is not known."""
    page_type = index.page_type(page)
    return lookup_path(page.folder, page_type) if page_type is not None else None


def _served(index: SiteIndex, name: str, known: Mapping[str, bool | None]) -> bool:
    """Whether a template outside the site's layouts serves the shortcode: a missing theme's (``known``), one of a
    theme in ``themes/``, or Hugo's own."""
    return name.lower() in known or _elsewhere(index, name)


def _elsewhere(index: SiteIndex, name: str) -> bool:
    """Whether the shortcode is one of Hugo's embedded ones, or a template of a theme in the site's ``themes/`` that
    its configuration does not name (a build may, on its command line)."""
    if name.lower() in _EMBEDDED_SHORTCODES:
        return True
    return "/" not in name and index.probe(theme_shortcode, os.path.join(index.config.root, "themes", name))


def _takes_content(index: SiteIndex, name: str, known: Mapping[str, bool | None]) -> bool | None:
    """Whether the shortcode's template evaluates ``.Inner`` (the site's, else a missing theme's as ``known``, else
    Hugo's embedded one); ``None`` when it has none or its templates do not say alike."""
    if index.shortcodes.template_found(name):
        return index.shortcodes.inner(name)
    lowered = name.lower()
    return known[lowered] if lowered in known else _EMBEDDED_SHORTCODES.get(lowered)


def _by_file(pages: list[Page]) -> list[Page]:
    """``pages`` in the order of their files' names: a message names the others alike whether the index holds
    the whole site or the part a run over a few files needs (which adds that run's files first)."""
    return sorted(pages, key=lambda page: page.file or "")


def _named(index: SiteIndex, page: Page, item: Item | None) -> str:
    """A file and the line of its ``item`` (1 for none), as a message names it."""
    return f"`{page.file}:{index.place(page, item).line}`"


def _value(item: Item | None) -> str:
    return item.value if item is not None else ""


CHECKS = {
    COLLISION: collisions,
    TERM_VARIANT: terms,
    BROKEN_REFERENCE: broken_references,
    BROKEN_ANCHOR: broken_references,
    TRANSLATION_KEY: duplicate_translation_keys,
    DUPLICATE_TITLE: duplicate_titles,
    EMPTY_TERM: terms,
    BROKEN_SHORTCODE: broken_shortcodes,
}

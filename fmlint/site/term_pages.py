"""Which term pages a Hugo site has: a link or ``ref`` to a term page no page makes leads nowhere.

Hugo writes a taxonomy term's page (``/tags/ai/``) when a page it builds uses the term (each checked with Hugo
0.168): a page, a section or the home page, in the taxonomy's front-matter list or by a section's ``cascade``;
not a draft, a page still to come or expired, nor a page it renders nothing of (``headless``, ``build.render:
never``), though a ``build.list: never`` or ``render: link`` page makes them.  A link to such a page that no
page makes is a 404, and a ``ref`` to it fails the build (REF_NOT_FOUND).

fmlint judges the term pages of the taxonomies whose every term page it can place
(``SiteConfig.judged_terms``): at Hugo's default URLs (no ``term`` permalink, no ``uglyURLs``), with no
``cascade`` of the configuration giving terms, no taxonomies of a language's own, no content a module or an
adapter makes.  Each page's term pages are *keys* — a URL key (``hugo_paths.url_key``), or a taxonomy's folder
and :data:`ANY_TERM` where a section's cascade gives the taxonomy's terms — kept with the site's findings for
a run over a few files (``fmlint.site.partial``), each with whether a page Hugo builds uses it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote

from fmlint.regex import lazy_pattern
from fmlint.site.config import SiteConfig
from fmlint.site.hugo_paths import basic_normalize, remove_accents, url_key
from fmlint.site.term_urls import term_url

if TYPE_CHECKING:
    from fmlint.site.index import Page, SiteIndex

ANY_TERM = "\x1f*"  # after a taxonomy folder's key: any of its terms may have a page (a cascade gives them)
_PAGER = lazy_pattern(r"(^|/)page/\d+$")  # a term list's later pages (`go/page/2`): as many as its pages make
_PLAIN_REF = lazy_pattern(r"[\w-]+/[\w.-]+")  # a ``ref`` to a term fmlint tells: its path normalised


def term_page_keys(config: SiteConfig, page: Page) -> list[str]:
    """The keys of the term pages ``page`` uses (see the module docstring): of its judged taxonomies' terms, and
    each language's folder of a judged taxonomy its ``cascade`` names."""
    keys = []
    memo = config.term_page_memo
    for taxonomy in config.judged_terms:
        for item in page.facts.lists.get(taxonomy, ()):
            key = memo.get((taxonomy, page.language, item.value))
            if key is None:
                key = memo[taxonomy, page.language, item.value] = _term_key(config, taxonomy, page.language, item.value)
            keys.append(key)
    cascaded = {name.partition(".")[0] for name in (*page.facts.cascade_params, *page.facts.cascade_maybe)}
    for taxonomy in cascaded.intersection(config.judged_terms):
        keys += [_folder(config, language, taxonomy) + ANY_TERM for language in config.languages]
    return keys


def _term_key(config: SiteConfig, taxonomy: str, language: str, term: str) -> str:
    """The key of the term page of ``term`` (`?`'s is its taxonomy's, `x/y`'s below `/tags/x/`, where Hugo writes
    no page: no link asks for those)."""
    return url_key(unquote(term_url(config, taxonomy, language, term)))


def _folder(config: SiteConfig, language: str, taxonomy: str) -> str:
    return url_key(f"{config.language_prefix(language)}/{taxonomy}")


def makes_term_pages(page: Page) -> bool:
    """Whether Hugo writes the term pages of the terms ``page`` uses: it builds it and renders it."""
    return page.renders and not page.withheld


def term_pages(config: SiteConfig, pages: Iterable[Page], kept: Mapping[str, bool]) -> dict[str, bool]:
    """The keys of the term pages ``pages`` use, and those ``kept`` of other files, each with whether a page Hugo
    builds uses it."""
    found = dict(kept)
    for page in pages:
        made = makes_term_pages(page)
        for key in term_page_keys(config, page):
            found[key] = made or found.get(key, False)
    return found


class TermKeys(NamedTuple):
    """The keys a link to a term page asks for (:func:`term_link`)."""

    page: str  # the term page's
    any_term: str  # its taxonomy folder's :data:`ANY_TERM` key
    spelt: str  # the page's of the term as Hugo spells its URL (lowercased, spaces hyphens), if that differs
    language: str  # the language of the term page
    prefix: str  # its language's prefix (``/en``) where the path lacks it: the language's term pages are below it


def term_link(config: SiteConfig, path: str) -> TermKeys | None:
    """The keys of the term page a root-relative URL ``path`` names (a term's may hold slashes: `A/B testing` is
    `/tags/a/b-testing/`); ``None`` for a path that names no term page of a judged taxonomy, a page of a term's
    list (`/tags/go/page/2/`), or one with a ``%`` in its term, which fmlint does not tell."""
    from fmlint.site.refs import language_prefix_of

    unquoted = unquote(path)
    language, prefix, prefixed = language_prefix_of(config, unquoted)
    taxonomy, _, term = unquoted[len(prefix) if prefixed else 0 :].strip("/").partition("/")
    if taxonomy.lower() not in config.judged_terms or not term or "%" in term or _PAGER.search(term):
        return None
    folder = _folder(config, language, taxonomy.lower())
    key = url_key(unquoted)
    spelt = f"{folder}/{basic_normalize(term.strip())}"
    return TermKeys(key, folder + ANY_TERM, spelt if spelt != key else "", language, prefix if not prefixed else "")


def term_ref(config: SiteConfig, path: str, language: str) -> TermKeys | None:
    """:func:`term_link`'s keys for a ``ref``'s content ``path`` from the root (``/tags/Machine Learning``: Hugo's
    lookup lowercases it and makes its spaces hyphens) in ``language``; ``None`` for one of other characters than
    letters, digits, `_`, `-` and `.` (or of accented letters where ``removePathAccents`` is set)."""
    normalized = basic_normalize(posixpath.normpath("/" + path).strip("/"))
    if not _PLAIN_REF.fullmatch(normalized) or not (config.keep_accents or remove_accents(normalized) == normalized):
        return None
    return term_link(config, f"{config.language_prefix(language)}/{normalized}/")


def term_found(index: SiteIndex, keys: TermKeys | None) -> bool:
    """Whether the term page of ``keys`` is written, as Hugo's ``GetPage`` finds it: a page Hugo builds uses its
    term (or may: a cascade gives the taxonomy's terms)."""
    return keys is not None and (bool(index.term_pages.get(keys.page)) or keys.any_term in index.term_pages)


def missing_term_page(index: SiteIndex, keys: TermKeys | None) -> tuple[str, str] | None:
    """Why the term page of ``keys`` is not written (no page Hugo builds uses its term), and the URL of the page of
    the term spelt as Hugo writes its URL, where there is one ("" else); ``None`` when it is written (or may be:
    a cascade gives terms), or ``keys`` is ``None``."""
    if keys is None or index.generated or term_found(index, keys):
        return None
    made = index.term_pages.get(keys.page)
    taxonomy = keys.any_term[: -len(ANY_TERM)].rpartition("/")[2]
    below = f"language `{keys.language}`'s term pages are below `{keys.prefix}/`" if keys.prefix else ""
    if keys.spelt and index.term_pages.get(keys.spelt):
        why = below or "lowercased, spaces hyphens"
        return f"Hugo writes such a `{taxonomy}` term's page at `{keys.spelt}/` ({why})", keys.spelt
    pages = f"page in language `{keys.language}`" if index.config.multilingual else "page"
    if made is None:
        why = f"no {pages} uses such a `{taxonomy}` term"
    else:
        unbuilt = "(drafts, pages still to come or expired, `headless` or `build.render: never`)"
        why = f"only {pages}s Hugo does not build use the `{taxonomy}` term {unbuilt}"
    return why + (f"; {below}" if below else ""), ""


def written_term(config: SiteConfig, output: str) -> TermKeys | None:
    """The keys of the term page Hugo may write to the file ``output`` (a page's or an alias's, as
    ``checks.collisions`` has it: ``tags/go/index.html``); ``None`` where it writes none (a path without its
    language's prefix, a file name with capitals where Hugo lowercases its paths)."""
    if not output.endswith("index.html") or (config.lower and output != output.lower()):
        return None
    keys = term_link(config, "/" + output[: -len("index.html")])
    return keys if keys is not None and not keys.prefix else None


def taxonomy_page_at(index: SiteIndex, output: str) -> str | None:
    """The page Hugo makes for a taxonomy that it writes to ``output`` as well (see :func:`written_term`), described:
    a term's page a page it builds uses, or a language's list of a taxonomy's terms (written whether or not a page
    uses one); ``None`` for none."""
    config = index.config
    keys = written_term(config, output)
    if keys is not None:  # (one a page uses: whatever a cascade or a content adapter gives others)
        if index.term_pages.get(keys.page):
            taxonomy = keys.any_term[: -len(ANY_TERM)].rpartition("/")[2]
            return f"the page Hugo makes for a `{taxonomy}` term"
        return None
    path = "/" + output[: -len("index.html")] if output.endswith("index.html") else ""
    lists = config.judged_lists
    for language in config.languages if path and (not config.lower or path == path.lower()) else ():
        for taxonomy in lists:
            if url_key(path) == _folder(config, language, taxonomy):
                where = f" of language `{language}`" if config.multilingual else ""
                return f"the page Hugo makes listing the `{taxonomy}` terms{where}"
    return None

"""Where Hugo writes a taxonomy term's page: below its taxonomy's folder, or where a ``term`` permalink says."""

from __future__ import annotations

from fmlint.site.config import SiteConfig
from fmlint.site.hugo_paths import (
    basic_normalize,
    clean,
    permalink_path,
    remove_accents,
    sanitize,
    single_slashes,
    urlize,
)
from fmlint.site.permalinks import expand, pattern_of, token_value


def term_url(config: SiteConfig, taxonomy: str, language: str, term: str) -> str:
    """A term page's URL: its path sanitised before its closing slash — the term lowercased and each of its spaces
    a hyphen first (`a  b` is `/tags/a--b/`, `ai ` `/tags/ai-/`), but with ``disablePathToLower`` (`/tags/a-b/`,
    `/tags/ai/`, ` ai` `/tags/-ai/`) —, its accents removed where the configuration says, after the language's
    prefix; a ``#`` (which sanitising keeps) escaped, as the page's link has it (``/tags/c%23/``). With
    ``uglyURLs`` the page is its own file, sanitised with its `.html` (`/tags/ai.html`; `ai ` is `ai-.html`).
    A ``term`` permalink of the taxonomy writes it where its pattern says (:func:`_expanded`)."""
    ugly = config.ugly or taxonomy in config.ugly_sections
    rules = config.permalinks_of(language)
    logical = f"{taxonomy}/{basic_normalize(term)}"  # (the term page's path, as a permalink's `:sections` has it)
    if rules and (pattern := pattern_of(rules, "term", "/" + logical, language)) is not None:
        path = _expanded(config, pattern, taxonomy, logical, term)
        path = (path[:-1] or "/") + ".html" if ugly else path
    else:
        path = f"/{taxonomy}/{basic_normalize(term) if config.lower else term}"
        path = sanitize(path + ".html") if ugly else sanitize(path) + "/"
        path = path if config.keep_accents else remove_accents(path)
        path = single_slashes(path)  # (a term sanitising leaves nothing of: `?`'s page is the list's, `/tags/`)
    return config.language_prefix(language) + path.replace("#", "%23")


def _expanded(config: SiteConfig, pattern: str, taxonomy: str, logical: str, term: str) -> str:
    """A ``term`` permalink's path for ``term``, as Hugo 0.168 expands it: ``:title``, ``:slug`` and the content
    base name the term sanitised (`Hello World ` is `hello-world`); ``:filename`` nothing; ``:section`` the
    taxonomy, ``:sections`` the term page's path (`tags/hello-world-`). Its dates (the term's newest page's)
    are left as written."""
    named = urlize(term, config.lower, config.keep_accents)
    sections = logical.split("/")
    values = {"title": named, "slug": named, "contentbasename": named, "slugorcontentbasename": named}
    values |= {"filename": "", "slugorfilename": "", "section": taxonomy, "sections": logical}
    expanded = expand(pattern, lambda name: token_value(name, values, sections))
    path = clean("/" + permalink_path(expanded, config.lower, config.keep_accents).lstrip("/"))
    return path if path.endswith("/") else path + "/"

"""Hugo's ``[permalinks]``: which pattern writes a page's URL.

Hugo reads two forms (``resources/page/permalinks.go``): the map, ``posts =
"…"`` (for the pages below the section ``posts``, and the terms of a taxonomy
so named) and
``[permalinks.<kind>]`` tables (``page``, ``section``, ``term``,
``taxonomy``); and, since Hugo 0.161, a list of rules, ``[[permalinks]]`` with
a ``pattern`` and a ``target`` (glob patterns over the page's ``kind`` and
content ``path``, its languages in ``sites.matrix``), of which the first that
matches a page is its. The map's rules are kept as rules too, the deepest
section first (as Hugo 0.165 read the map; 0.168 takes its entries in Go's
map order, which changes from build to build, and 0.160 counted a top-level
section's key only). A language's own
``[languages.<lang>.permalinks]`` replace the site's for its pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import msgspec

from fmlint.regex import lazy_pattern
from fmlint.site.globs import glob_slice_matches
from fmlint.site.hugo_paths import go_lower

KINDS = ("page", "section", "term", "taxonomy")  # (those a permalink pattern may write: Hugo's)
TOKEN = lazy_pattern(r":\w+(\[.+?\])?")  # a pattern's token (``:slug``, ``:sections[1:]``)


class PermalinkRule(msgspec.Struct, frozen=True):
    pattern: str
    kind: str = ""  # a glob over the page's kind ("": any)
    path: str = ""  # a glob over the page's content path, lowercased, from ``/`` ("": any)
    languages: tuple[str, ...] = ()  # (none: every language)

    def matches(self, kind: str, path: str, language: str) -> bool:
        return (
            (not self.kind or glob_slice_matches((self.kind,), kind))
            and (not self.path or glob_slice_matches((self.path,), path))
            and (not self.languages or language in self.languages)
        )


def permalink_rules(value: Any) -> tuple[PermalinkRule, ...]:
    """The rules of a ``permalinks`` setting (its map, or its list of rules); none for anything else."""
    if isinstance(value, list):
        return tuple(rule for entry in value if (rule := _listed(entry)) is not None)
    if not isinstance(value, dict):
        return ()
    found: list[tuple[str, PermalinkRule]] = []
    for key, entry in value.items():
        if isinstance(entry, str):  # (``posts = "…"``: Hugo's map form, for pages and terms alike)
            section = go_lower(str(key).strip("/ "))  # (Hugo's configuration keys: Go's lowercase)
            found.append((section, PermalinkRule(entry, "{page,term}", _section_glob(section))))
        elif isinstance(entry, dict) and str(key).lower() in KINDS:
            for name, pattern in entry.items():
                if isinstance(pattern, str):
                    section = go_lower(str(name).strip("/ "))
                    found.append((section, PermalinkRule(pattern, str(key).lower(), _section_glob(section))))
    found.sort(key=lambda rule: -len(rule[0]))  # (the deepest section first)
    return tuple(rule for _, rule in found)


def _section_glob(section: str) -> str:
    """Hugo's ``sectionToPathGlob``: the section and everything below it (the root: its own pages)."""
    return f"/{{{section},{section}/**}}" if section else "/*"


def _listed(entry: Any) -> PermalinkRule | None:
    """A rule of the list form (``{pattern, target: {kind, path, sites: {matrix: {languages}}}}``)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
        return None
    target = entry.get("target")
    target = target if isinstance(target, dict) else {}
    environment = str(target.get("environment") or "")
    if environment and not glob_slice_matches((environment,), "production"):
        return None  # (a rule for another environment than `hugo`'s build)
    sites = target.get("sites")
    matrix = sites.get("matrix") if isinstance(sites, dict) else None
    languages = matrix.get("languages") if isinstance(matrix, dict) else target.get("lang")
    if isinstance(languages, str):
        languages = [languages]
    return PermalinkRule(
        entry["pattern"],
        str(target.get("kind") or "").lower(),
        str(target.get("path") or "").lower(),
        tuple(str(language).lower() for language in languages) if isinstance(languages, list) else (),
    )


def pattern_of(rules: Iterable[PermalinkRule], kind: str, path: str, language: str) -> str | None:
    """The pattern of the first of ``rules`` that matches a page of ``kind`` at the content ``path``."""
    return next((rule.pattern for rule in rules if rule.matches(kind, path, language)), None)


def written_folders(rules: Iterable[PermalinkRule], kind: str, taxonomies: Iterable[str]) -> frozenset[str]:
    """The first folders of the URLs the patterns of ``rules`` write the pages of ``kind`` (``term`` or
    ``taxonomy``) of ``taxonomies`` to, where a pattern names one (``/topic/:slug/``: ``topic``; ``/:slug/``:
    none). (A rule of the map form is for the terms of the taxonomy of its key alone: ``docs = "…"`` for no
    term where no taxonomy is named ``docs``.)"""
    paths = [f"/{taxonomy}/x" if kind == "term" else f"/{taxonomy}" for taxonomy in taxonomies]
    found = set()
    for rule in rules:
        first = rule.pattern.strip("/").split("/", 1)[0]
        if not first or ":" in first or (rule.kind and not glob_slice_matches((rule.kind,), kind)):
            continue
        if not rule.path or any(glob_slice_matches((rule.path,), path) for path in paths):
            found.add(first.lower())
    return frozenset(found)


def expand(pattern: str, value: Callable[[str], str]) -> str:
    """``pattern`` with each token replaced by what ``value`` gives for its name (``slug``, ``sections[1:]``)."""
    return TOKEN.sub(lambda found: value(found.group()[1:]), pattern)


def token_value(token: str, values: Mapping[str, str], sections: list[str]) -> str:
    """A token's value: a ``sections[…]`` slice of ``sections`` joined, else the value ``values`` give; an unknown
    token stays as written."""
    if token.startswith("sections["):
        return "/".join(_sliced(sections, token[len("sections") :]))
    return values.get(token, ":" + token)


def _sliced(parts: list[str], cut: str) -> list[str]:
    """The ``parts`` a ``:sections`` token's slice picks (``[1:]``, ``[last]``, ``[:2]``)."""
    inner = cut.strip()[1:-1].lower()

    def index(text: str, low: bool) -> int:
        if text == "":
            return 0 if low else len(parts)
        if text == "last":
            return len(parts) - 1
        number = max(0, int(text)) if text.lstrip("-").isdigit() else 0
        return min(number, len(parts)) if not low else number

    if ":" not in inner:
        position = index(inner, True)
        return [parts[position]] if 0 <= position < len(parts) else []
    low, high = inner.split(":", 1)
    return parts[index(low, True) : index(high, False)]

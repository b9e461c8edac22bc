"""The site rules' fixes, as edits at the lines and columns of the facts (the site pass reads no file).

**A broken ``#fragment``** (SITE004) is rewritten only when exactly one ID of
the target page answers to it, in the first of these ways that finds one:

1. letter case or percent-encoding alone (``#nodeLinker`` for ``nodelinker``:
   a browser matches IDs exactly);
2. the ID another generator, or another of Hugo's ``autoHeadingIDType``s,
   makes of the heading of one of the IDs most like it, or of a heading
   holding its first word (``#plugin-main-go``, blackfriday's, for
   ``pluginmaingo``; ``#dependances-des-charts``, github-ascii's, for
   ``dépendances-des-charts``; ``#migrate-from-sdk-v1-to-sdk-v2`` for Hugo's
   ``migrate-from`` of ``### **Migrate from 'SDK v1' to 'SDK v2'**``);
3. separators alone: ``_``, ``-`` and spaces, their runs and the ends
   (``#tablet_types`` for ``tablet-types``).

No near spelling (``#option`` for ``#options``) is guessed: the message names
those, a fix does not.

**A reference to no page** (SITE003) on a Hugo site is written as the path of the
only page of its language with the base name it was written for (a page moved
to another folder keeps its name): from the content root for a ``ref`` shortcode
and a root-relative link, relative to the linking file for a relative one, with
or without its extension as written, and a root-relative link to no page's URL
as the page's URL; its ``?query`` and ``#fragment`` kept. A link to a term page
no page makes whose term has a page when spelt as Hugo writes its URL
(``/tags/Machine%20Learning/``) is written as that page's URL
(``/tags/machine-learning/``). A link with a fragment to an alias that
Hugo writes as a page refreshing to its page (which drops the fragment) is written as that page's URL.

**A taxonomy term's variant** (SITE002) is written as the majority spelling:
a plain YAML scalar as :func:`fmlint.fix.values.value_text` writes it (plain
when it can be), a quoted one by its content alone (its quotes kept), and only
when the text there is the term as read (one line, no escapes).

**A term without a letter or digit** (SITE007) is removed with its separator (see
``Places.removal``).

**A self-closed tag of a shortcode whose template takes no content** (SITE008),
``{{< youtube id />}}``, is written without the ``/`` right before its ``>}}``:
safe, as the build failed on it and the tag means the same without it.

The other fixes are unsafe: the page then renders another link, or another term (or,
for an empty term that Hugo drops, the front matter's list changes: a safe fix
leaves the data as read).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from urllib.parse import unquote

from fmlint.fix.model import SAFE, UNSAFE, DiagnosticFix, FixEdit
from fmlint.fix.values import value_text
from fmlint.regex import lazy_pattern
from fmlint.site.anchors import element_id, every_slug
from fmlint.site.facts import At, Item

_SEPARATORS = lazy_pattern(r"[-_\s]+")
_UNWRITTEN = lazy_pattern(r"""[\s()<>"'`\\%#?]""")  # what a link destination or a shortcode's quoted path escapes
_ESCAPED = lazy_pattern(r"[\"'\\\x00-\x1f\x7f]")  # what a quoted scalar of some format would write otherwise


def meant_id(
    fragment: str,
    ids: frozenset[str],
    close: Sequence[str],
    headings: Mapping[str, str],
    dashes: tuple[str, str],
) -> str | None:
    """The one of ``ids`` that ``fragment`` (not one of them) names (see the module docstring), given the IDs
    most like it (``close``), the text of each of the page's headings by its ID (``headings``) and the dashes
    of the site's typographer."""
    folded, separated = _spellings(ids)
    found = folded.get(_folded(fragment), ())
    if len(found) == 1:
        return found[0]
    named = {known for known in _made_of(fragment, close, headings) if fragment in every_slug(headings[known], dashes)}
    if len(named) == 1:
        return named.pop()
    found = separated.get(_separated(fragment), ())
    return found[0] if len(found) == 1 else None


def _made_of(fragment: str, close: Sequence[str], headings: Mapping[str, str]) -> list[str]:
    """The IDs whose heading may be the one another generator made ``fragment`` of: those most like it, and
    those whose text holds its first word (Hugo's ID of ``### **Migrate from 'SDK v1' to 'SDK v2'**`` is
    ``#migrate-from``, the text up to the typographer's quote, far from ``#migrate-from-sdk-v1-to-sdk-v2``).
    Each generator's slugs of a heading take a while: only these headings' are made."""
    word = _folded(fragment).partition("-")[0]
    near = [known for known in close if known in headings]
    return near + [known for known, text in headings.items() if word and word in text.casefold() and known not in near]


def fragment_fix(target: str, at: At, meant: str) -> DiagnosticFix | None:
    """The fix that writes ``meant`` for the ID the fragment of a reference's ``target`` written at ``at`` names
    (a text fragment's directive kept); none when the place is not the target as written (over lines, or
    escaped: its length differs)."""
    fragment = _written_fragment(target, at)
    if fragment is None:
        return None
    start = at.end_column - len(fragment)
    edit = FixEdit(at.line, start, at.line, start + len(element_id(fragment)), meant)
    return DiagnosticFix(UNSAFE, f"Link to `#{meant}`", (edit,))


def fragment_removal_fix(target: str, at: At) -> DiagnosticFix | None:
    """The fix that drops the fragment of a reference's ``target`` written at ``at`` (the link then leads to the
    page's top); none when the place is not the target as written."""
    fragment = _written_fragment(target, at)
    if fragment is None:
        return None
    edit = FixEdit(at.line, at.end_column - len(fragment) - 1, at.line, at.end_column, "")
    return DiagnosticFix(UNSAFE, f"Link to the page, without `#{fragment}`", (edit,))


def path_fix(target: str, at: At, meant: str) -> DiagnosticFix | None:
    """The fix that writes the path ``meant`` for the path of a reference's ``target`` written at ``at`` (its
    fragment kept); none when the place is not the target as written, or when ``meant`` would need escapes or
    encoding there (a space, a parenthesis, an angle bracket, a quote)."""
    path = target.partition("#")[0].partition("?")[0]  # (a query kept too)
    if not _as_written(target, at) or _UNWRITTEN.search(meant):
        return None
    edit = FixEdit(at.line, at.column, at.line, at.column + len(path), meant)
    return DiagnosticFix(UNSAFE, f"Link to `{meant}`", (edit,))


def unescaped_fix(written: str, at: At, meant: str) -> DiagnosticFix | None:
    """The fix that writes the destination ``meant`` for one written with backslash escapes (``written``) at
    ``at``; none when the place is not it as written, or when ``meant`` would need escapes there."""
    if not _as_written(written, at) or _UNWRITTEN.search(meant.partition("#")[0].partition("?")[0]):
        return None
    edit = FixEdit(at.line, at.column, at.end_line, at.end_column, meant)
    return DiagnosticFix(UNSAFE, f"Link to `{meant}`", (edit,))


def _written_fragment(target: str, at: At) -> str | None:
    """The fragment of a reference's ``target`` (after its last ``#``) when the target is written as it is at
    ``at``, where a fix can edit it; else ``None``."""
    return target.rpartition("#")[2] if "#" in target and _as_written(target, at) else None


def _as_written(target: str, at: At) -> bool:
    """Whether a reference's ``target`` is written as it is at ``at`` (one line, no escapes: its length)."""
    return at.line == at.end_line and at.end_column - at.column == len(target)


def removal_fix(item: Item, removed: At | None) -> DiagnosticFix | None:
    """The fix that deletes a term's list item (``removed``: what to delete, ``Places.removal``)."""
    if removed is None:
        return None
    edit = FixEdit(removed.line, removed.column, removed.end_line, removed.end_column, "")
    return DiagnosticFix(UNSAFE, f"Remove the term `{item.value}`" if item.value else "Remove the empty term", (edit,))


def unclosed_tag_fix(name: str, slash: At) -> DiagnosticFix:
    """The fix that drops the ``/`` (at ``slash``) of a self-closed tag of a shortcode that takes no content."""
    return DiagnosticFix(
        SAFE,
        f"Write the `{name}` tag without its `/`",
        (FixEdit(slash.line, slash.column, slash.end_line, slash.end_column, ""),),
    )


def term_fix(item: Item, at: At, majority: str) -> DiagnosticFix | None:
    """The fix that writes the term ``majority`` for ``item``, a list item of the front matter written at ``at``
    (see the module docstring); none when its place is not the term as read."""
    value = item.value
    width = at.end_column - at.column if at.line == at.end_line else -1
    if width == len(value):  # a plain scalar (YAML's: TOML and JSON strings are quoted)
        written = value_text("yaml", majority, value)
        edit = FixEdit(at.line, at.column, at.line, at.end_column, written) if written is not None else None
    elif width == len(value) + 2 and not _ESCAPED.search(majority):  # quoted, without escapes: its content
        edit = FixEdit(at.line, at.column + 1, at.line, at.end_column - 1, majority)
    else:
        edit = None
    return DiagnosticFix(UNSAFE, f"Write `{majority}`", (edit,)) if edit is not None else None


@lru_cache(maxsize=256)
def _spellings(ids: frozenset[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """A page's IDs by their letters folded and by their words (a site breaks many anchors of one page)."""
    folded: dict[str, list[str]] = {}
    separated: dict[str, list[str]] = {}
    for known in ids:
        folded.setdefault(_folded(known), []).append(known)
        separated.setdefault(_separated(known), []).append(known)
    folded.pop("", None)
    separated.pop("", None)
    return folded, separated


def _folded(text: str) -> str:
    return unquote(text).casefold()


def _separated(text: str) -> str:
    return _SEPARATORS.sub("-", _folded(text)).strip("-")

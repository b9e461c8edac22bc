"""Heading IDs as the generator makes them, with duplicate suffixes and ``{#custom}`` IDs.

Other generators: github-slugger (Docusaurus, Astro) lowercases, drops
punctuation and symbols and turns each space into ``-``; Python-Markdown's
``toc`` (MkDocs) keeps ASCII word characters and joins words with ``-``, and
numbers repeats ``_1``, ``_2``; Zola's ``slug`` keeps ASCII letters and digits
and joins the rest into single ``-`` (``1.31.0`` is ``1-31-0``).

Hugo (goldmark): ``github`` (default) keeps letters, digits and ``_``
(lowercased), turns spaces and hyphens into ``-`` and drops everything else;
``github-ascii`` first removes accents and then drops non-ASCII characters;
``blackfriday`` joins runs of letters and digits with single hyphens.  An empty
result is ``heading``; a repeated ID gets ``-1``, ``-2``… (custom IDs count as
taken).  Ported from Hugo's ``markup/goldmark/autoid.go`` and blackfriday's
``SanitizedAnchorName``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from fmlint.site.hugo_paths import remove_accents

_NOT_IN_ID = re.compile(r"[^\w\- \t]+")  # goldmark keeps letters, digits, `_`, `-`, spaces and tabs
GITHUB, GITHUB_ASCII, BLACKFRIDAY = "github", "github-ascii", "blackfriday"
GITHUB_SLUGGER, PYTHON_MARKDOWN, ZOLA = "github-slugger", "python-markdown", "zola"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_IN_ASCII_SLUG = re.compile(r"[^a-z0-9_\- ]+")
# github-slugger keeps letters, marks, decimal and letter numbers, connector punctuation, `-` and spaces (and the
# circled and squared Latin letters, symbols that are alphabetic); it drops the rest, tabs too (its regex,
# generated from Unicode 13: checked against github-slugger 2.0.0 over every code point but those Unicode 14 added)
_SLUG_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
_SLUG_KEPT_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
_NOT_IN_TOC = re.compile(r"[^\w\s-]+")
_TOC_SEPARATORS = re.compile(r"[-\s]+")


def _github(text: str, ascii_only: bool = False) -> str:
    if ascii_only:
        text = remove_accents(text).encode("ascii", "ignore").decode()
    kept = _NOT_IN_ID.sub("", text)
    if not kept.isascii():  # `\w` has the other numbers too (`²`, `Ⅻ`): goldmark keeps decimal digits only
        kept = "".join(char for char in kept if unicodedata.category(char) not in ("No", "Nl"))
    return kept.replace(" ", "-").replace("\t", "-").lower()


def _github_slugger(text: str) -> str:
    if text.isascii():
        return _NOT_IN_ASCII_SLUG.sub("", text)
    return "".join(char for char in text if char in "- " or _slug_keeps(char))


def _slug_keeps(char: str) -> bool:
    if unicodedata.category(char) in _SLUG_KEPT_CATEGORIES:
        return True
    point = ord(char)
    return any(low <= point <= high for low, high in _SLUG_KEPT_SYMBOLS)


def _blackfriday(text: str) -> str:
    out: list[str] = []
    dash = False
    for char in text:
        if char.isalpha() or char.isnumeric():
            if dash and out:
                out.append("-")
            dash = False
            out.append(char.lower())
        else:
            dash = True
    return "".join(out)


def _toc(text: str) -> str:
    """Python-Markdown's ``toc`` ``slugify``: ASCII only, word characters, hyphens for spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _TOC_SEPARATORS.sub("-", _NOT_IN_TOC.sub("", text).strip().lower())


def predictable(text: str, id_type: str) -> bool:
    """Whether fmlint knows the ID the generator makes of a heading's ``text``: not for Zola's when the text
    has characters the ``slug`` crate transliterates by name (an emoji: 🦀 is ``crab``)."""
    return id_type != ZOLA or unicodedata.normalize("NFKD", text).isascii()


def _zola(text: str) -> str:
    """Zola's anchors (the ``slug`` crate): ASCII letters and digits lowercased, every other run one ``-``,
    none at the ends; other characters transliterated first (here: their ASCII decomposition)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


SLUGIFIERS: dict[str, Callable[[str], str]] = {
    GITHUB: _github,
    GITHUB_ASCII: lambda text: _github(text, True),
    BLACKFRIDAY: _blackfriday,
    GITHUB_SLUGGER: lambda text: _github_slugger(text.lower()).replace(" ", "-"),
    PYTHON_MARKDOWN: _toc,
    ZOLA: _zola,
}
# A repeated ID's suffix: ``-1``, ``-2`` (Python-Markdown: ``_1``, ``_2``)
_SUFFIX = {PYTHON_MARKDOWN: "_"}


def heading_ids(anchors: Iterable[tuple[str, str, bool]], id_type: str = GITHUB) -> set[str]:
    """The IDs of a page's anchors, given in document order as (text, custom ID or "", is a heading)."""
    taken: set[str] = set()
    for text, custom, heading in anchors:
        if custom:
            taken.add(custom)
            continue
        base = _slug(id_type, text) or ("heading" if heading else "id")
        found = base
        number = 0
        while found in taken:
            number += 1
            found = f"{base}{_SUFFIX.get(id_type, '-')}{number}"
        taken.add(found)
    return taken


@lru_cache(maxsize=65536)
def _slug(id_type: str, text: str) -> str:
    """A heading text's ID before any duplicate suffix (a site's headings repeat: "Examples", "See also")."""
    return SLUGIFIERS.get(id_type, _github)(text)

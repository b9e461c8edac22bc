"""Heading IDs as the generator makes them, with duplicate suffixes and ``{#custom}`` IDs.

Other generators: github-slugger (Docusaurus, Astro) lowercases, drops
punctuation and symbols and turns each space into ``-`` (Astro reads no
``{#id}``: it is text of the heading, and so of its ID); Python-Markdown's
``toc`` (MkDocs) keeps ASCII word characters and joins words with ``-``, and
numbers repeats ``_1``, ``_2``; Zola's ``slug`` keeps ASCII letters and digits
and joins the rest into single ``-`` (``1.31.0`` is ``1-31-0``); VitePress's
(``@mdit-vue/shared``) takes accents off, turns each run of spaces and ASCII
punctuation into one ``-`` and puts ``_`` before a leading digit; mdBook's keeps
letters, digits, ``_`` and ``-`` (lowercased) and makes each space a ``-``.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache, partial
from typing import Literal

from fmlint.goldmark_text import DROP_END, ID_CHARACTERS, goldmark_text, unmarked
from fmlint.markdown import EM_DASH, EN_DASH
from fmlint.regex import lazy_pattern
from fmlint.site.hexo import HEXO_IDS, UNKNOWN_IDS
from fmlint.site.hexo_slug import heading_id as hexo_heading_id
from fmlint.site.hugo_paths import go_lower, remove_accents

_NOT_IN_ID = lazy_pattern(r"[^\w\- \t]+")  # goldmark keeps letters, digits, `_`, `-`, spaces and tabs
GITHUB, GITHUB_ASCII, BLACKFRIDAY = "github", "github-ascii", "blackfriday"
GITHUB_SLUGGER, PYTHON_MARKDOWN, ZOLA, KRAMDOWN = "github-slugger", "python-markdown", "zola", "kramdown"
VITEPRESS = "vitepress"  # (a link's fragment is made an ID the same way)
VUEPRESS = "vuepress"  # (the same IDs; a link's fragment as written, but `_` before a leading digit)
MDBOOK = "mdbook"
REMARK = "remark"  # Astro's Markdown: github-slugger's IDs, and no `{#id}` syntax (its text is the heading's)
# Astro 5's (unless ``experimental.headingIdCompat``): one trailing ``-`` of a slug taken off (``## `<Picture />```:
# ``picture``); the suffix of a duplicate counts the slug before (rare: ``-`` and a duplicate)
REMARK_TRIMMED = "remark-trimmed"
# either of them with a remark plugin that reads `{#id}` (remark-custom-heading-id: ratatui.rs'): "remark+ids"
WITH_CUSTOM_IDS = "+ids"
_NOT_SLUG = lazy_pattern(r"[^a-z0-9]+")
_NOT_IN_ASCII_SLUG = lazy_pattern(r"[^a-z0-9_\- ]+")
# github-slugger keeps letters, marks, decimal and letter numbers, connector punctuation, `-` and spaces (and the
# circled and squared Latin letters, symbols that are alphabetic); it drops the rest, tabs too (its regex,
# generated from Unicode 13: checked against github-slugger 2.0.0 over every code point but those Unicode 14 added)
_SLUG_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
_SLUG_KEPT_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
_NOT_IN_TOC = lazy_pattern(r"[^\w\s-]+")
_ID_COUNT = lazy_pattern(r"^(.*)_([0-9]+)$")  # Python-Markdown's IDCOUNT_RE
_HTML_TAGS = lazy_pattern(r"</?[^>]*>")
_ASCII_UPPER = lazy_pattern(r"[A-Z]")
_NOT_IN_PYMDOWNX_SLUG = lazy_pattern(r"[^\w\- ]")
_FORMS: dict[str, Literal["NFC", "NFD", "NFKC", "NFKD"]] = {"NFC": "NFC", "NFD": "NFD", "NFKC": "NFKC", "NFKD": "NFKD"}
_TOC_SEPARATORS = lazy_pattern(r"[-\s]+")


FRAGMENT_DIRECTIVE = ":~:"  # a text fragment's delimiter: `#setup:~:text=pip` scrolls to `setup`, then the text


def element_id(fragment: str) -> str:
    """The ID a URL's ``fragment`` names: what precedes a text fragment's directive (the URL Fragment Text
    Directives specification; browsers strip it before they look for the element), all of it without one."""
    return fragment.partition(FRAGMENT_DIRECTIVE)[0]


def _github(text: str, ascii_only: bool = False) -> str:
    if text.isascii() and text.replace(" ", "").isalnum():  # (most headings: words and spaces; no search)
        return text.replace(" ", "-").lower()
    if ascii_only:
        text = remove_accents(text).encode("ascii", "ignore").decode()
    kept = _NOT_IN_ID.sub("", text)
    # `\w` has the other numbers too (`²`, `Ⅻ`): goldmark keeps decimal digits only (letters alone: none)
    if not kept.isascii() and not kept.replace(" ", "").replace("-", "").isalpha():
        kept = _OTHER_NUMBERS.sub("", kept)
        if _ASTRAL.search(kept):  # (a class of the basic plane's ranges alone is twice as fast)
            kept = _ASTRAL_OTHER_NUMBERS.sub("", kept)
    return go_lower(kept.replace(" ", "-").replace("\t", "-"))


def _github_slugger(text: str) -> str:
    if text.isascii():
        return _NOT_IN_ASCII_SLUG.sub("", text)
    return text.translate(_SLUGGER_KEEPS)


class _Deletions(dict[int, int | None]):
    """A ``str.translate`` table that deletes the characters ``keeps`` says no to, each looked up once (later
    lookups are the dictionary's own: a site's headings repeat their alphabets)."""

    def __init__(self, keeps: Callable[[str], bool]) -> None:
        super().__init__()
        self.keeps = keeps

    def __missing__(self, point: int) -> int | None:
        found = self[point] = point if self.keeps(chr(point)) else None
        return found


def _slugger_keeps(char: str) -> bool:
    if char in "- " or unicodedata.category(char) in _SLUG_KEPT_CATEGORIES:
        return True
    point = ord(char)
    return any(low <= point <= high for low, high in _SLUG_KEPT_SYMBOLS)


_SLUGGER_KEEPS = _Deletions(_slugger_keeps)
# Unicode's other and letter numbers (categories No and Nl, Unicode 14: `²`, `½`, `Ⅻ`), as ranges: a character class
# that one regular-expression pass removes (`unicodedata.category` for each character costs twice the slug)
_OTHER_NUMBER_RANGES = (
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0xBC, 0xBE),
    (0x9F4, 0x9F9),
    (0xB72, 0xB77),
    (0xBF0, 0xBF2),
    (0xC78, 0xC7E),
    (0xD58, 0xD5E),
    (0xD70, 0xD78),
    (0xF2A, 0xF33),
    (0x1369, 0x137C),
    (0x16EE, 0x16F0),
    (0x17F0, 0x17F9),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2150, 0x2182),
    (0x2185, 0x2189),
    (0x2460, 0x249B),
    (0x24EA, 0x24FF),
    (0x2776, 0x2793),
    (0x2CFD, 0x2CFD),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303A),
    (0x3192, 0x3195),
    (0x3220, 0x3229),
    (0x3248, 0x324F),
    (0x3251, 0x325F),
    (0x3280, 0x3289),
    (0x32B1, 0x32BF),
    (0xA6E6, 0xA6EF),
    (0xA830, 0xA835),
    (0x10107, 0x10133),
    (0x10140, 0x10178),
    (0x1018A, 0x1018B),
    (0x102E1, 0x102FB),
    (0x10320, 0x10323),
    (0x10341, 0x10341),
    (0x1034A, 0x1034A),
    (0x103D1, 0x103D5),
    (0x10858, 0x1085F),
    (0x10879, 0x1087F),
    (0x108A7, 0x108AF),
    (0x108FB, 0x108FF),
    (0x10916, 0x1091B),
    (0x109BC, 0x109BD),
    (0x109C0, 0x109CF),
    (0x109D2, 0x109FF),
    (0x10A40, 0x10A48),
    (0x10A7D, 0x10A7E),
    (0x10A9D, 0x10A9F),
    (0x10AEB, 0x10AEF),
    (0x10B58, 0x10B5F),
    (0x10B78, 0x10B7F),
    (0x10BA9, 0x10BAF),
    (0x10CFA, 0x10CFF),
    (0x10E60, 0x10E7E),
    (0x10F1D, 0x10F26),
    (0x10F51, 0x10F54),
    (0x10FC5, 0x10FCB),
    (0x11052, 0x11065),
    (0x111E1, 0x111F4),
    (0x1173A, 0x1173B),
    (0x118EA, 0x118F2),
    (0x11C5A, 0x11C6C),
    (0x11FC0, 0x11FD4),
    (0x12400, 0x1246E),
    (0x16B5B, 0x16B61),
    (0x16E80, 0x16E96),
    (0x1D2E0, 0x1D2F3),
    (0x1D360, 0x1D378),
    (0x1E8C7, 0x1E8CF),
    (0x1EC71, 0x1ECAB),
    (0x1ECAD, 0x1ECAF),
    (0x1ECB1, 0x1ECB4),
    (0x1ED01, 0x1ED2D),
    (0x1ED2F, 0x1ED3D),
    (0x1F100, 0x1F10C),
)
_ASTRAL = lazy_pattern("[\U00010000-\U0010ffff]")
_OTHER_NUMBERS, _ASTRAL_OTHER_NUMBERS = (
    lazy_pattern(
        "["
        + "".join(f"{chr(low)}-{chr(high)}" for low, high in _OTHER_NUMBER_RANGES if astral == (low > 0xFFFF))
        + "]+"
    )
    for astral in (False, True)
)


def _blackfriday(text: str) -> str:
    out: list[str] = []
    dash = False
    for char in text:
        if char.isalpha() or char.isnumeric():
            if dash and out:
                out.append("-")
            dash = False
            out.append(go_lower(char))
        else:
            dash = True
    return "".join(out)


def _toc(text: str, kind: str = "", separator: str = "-") -> str:
    """Python-Markdown's ``toc`` ``slugify`` (ASCII only, word characters, ``separator`` for runs of spaces and
    separators), its ``slugify_unicode`` (``kind`` ``unicode``: no ASCII folding), or pymdownx's
    ``slugify(case=…, normalize=…)`` (``kind`` ``pymdownx,CASE,FORM``)."""
    if kind.startswith("pymdownx,"):
        _, case, form = kind.split(",", 2)
        slug = _HTML_TAGS.sub("", unicodedata.normalize(_FORMS.get(form, "NFC"), text)).strip()
        if case in ("lower", "fold"):
            slug = slug.lower() if case == "lower" else slug.casefold()
        elif case == "lower-ascii":
            slug = _ASCII_UPPER.sub(lambda found: found.group().lower(), slug)
        return _NOT_IN_PYMDOWNX_SLUG.sub("", slug).replace(" ", separator)
    if kind != "unicode":
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    separators = _TOC_SEPARATORS if separator == "-" else re.compile(f"[{re.escape(separator)}\\s]+")
    return separators.sub(separator, _NOT_IN_TOC.sub("", text).strip().lower())


def _python_markdown_ids(anchors: list[tuple[str, str, bool]], id_type: str) -> list[str]:
    """Python-Markdown's ``toc``: the IDs already given (``{ #id }``) are taken first, then each heading's slug is
    made unique as its ``unique()`` does: ``_1`` appended, or an ``_N`` ending counted up (``step_1`` again is
    ``step_2``); an empty slug is ``_1``."""
    taken = {custom for _, custom, _ in anchors if custom}
    return [custom or _unique(_slug(id_type, text), taken) for text, custom, _ in anchors]


def _unique(found: str, taken: set[str]) -> str:
    """Python-Markdown's ``unique()``: ``found``, or with ``_1`` appended or its ``_N`` ending counted up, till it
    is not ``taken`` nor empty; added to ``taken``."""
    while found in taken or not found:
        counted = _ID_COUNT.match(found)
        found = f"{counted.group(1)}_{int(counted.group(2)) + 1}" if counted else f"{found}_1"
    taken.add(found)
    return found


def tab_ids(ordered: Sequence[str], tabs: Iterable[tuple[int, str]], tab_type: str, combined: bool) -> list[str]:
    """pymdownx.tabbed's IDs of a page's tabs, given as (the number in ``ordered``, the page's anchor IDs in
    order, of the heading they follow, or -1; the label), when a ``slugify`` is set (``tab_type``, an ID type as
    ``toc``'s): the label's slug, after the heading's ID and the separator where ``combine_header_slug`` is set
    (``combined``), made unique among the page's IDs (its treeprocessor runs after ``toc``'s)."""
    taken = set(ordered)
    separator = tab_type.rsplit(":", 1)[-1] if tab_type.startswith(PYTHON_MARKDOWN + ":") else "-"
    found = []
    for heading, label in tabs:
        slug = _slug(tab_type, label)
        if combined and heading >= 0 and ordered[heading]:
            slug = ordered[heading] + separator + slug
        found.append(_unique(slug, taken))
    return found


def _kramdown_ids(anchors: list[tuple[str, str, bool]], id_type: str) -> list[str]:
    """kramdown's (Jekyll's): ``kramdown:INPUT:PREFIX``, INPUT ``gfm`` (its GFM parser, Jekyll's default),
    ``kramdown`` or ``none`` (``auto_ids: false``).  A repeated ID gets ``-1``, ``-2``… counted for its own
    text (``{#custom}`` IDs count for nothing); an empty GFM ID is none, an empty kramdown one ``section``;
    ``auto_id_prefix`` goes before each."""
    _, parser, prefix = id_type.split(":", 2)
    uses: dict[str, int] = {}
    ordered = []
    for text, custom, _ in anchors:
        if custom or parser == "none":
            ordered.append(custom)
            continue
        base = _kramdown_basic(text) if parser == "kramdown" else _kramdown_gfm(text)
        uses[base] = uses.get(base, -1) + 1
        ordered.append(prefix + (f"{base}-{uses[base]}" if uses[base] else base))
    return ordered


_GUILLEMETS = lazy_pattern(r"<< ?| ?>>")  # kramdown's typographic « and » (a space next to them is theirs)
_BASIC_LEAD = lazy_pattern(r"^[^a-zA-Z]+")
_NOT_IN_BASIC = lazy_pattern(r"[^a-zA-Z0-9 -]")


@lru_cache(maxsize=65536)
def _kramdown_gfm(text: str) -> str:
    """kramdown-parser-gfm's ID: typographic symbols dropped (its dashes are marked in the text: the site's
    ``dashes`` are ""), ``\\p{Word}`` characters (github-slugger's), ``-`` and spaces kept, lowercased, each space
    or tab a ``-``."""
    return _github_slugger(_GUILLEMETS.sub("", text).replace("\t", " ").lower()).replace(" ", "-")


@lru_cache(maxsize=65536)
def _kramdown_basic(text: str) -> str:
    """kramdown's own parser's ID (``input: kramdown``), of the text as written: ASCII letters from the first one
    on, digits, ``-`` and spaces as ``-``, lowercased; ``section`` when empty."""
    return _NOT_IN_BASIC.sub("", _BASIC_LEAD.sub("", text)).replace(" ", "-").lower() or "section"


def slugify_known(id_type: str) -> bool:
    """Whether fmlint knows the ``slugify`` of an MkDocs ID type (``python-markdown:?:-``: one it does not)."""
    return not id_type.startswith(PYTHON_MARKDOWN + ":?:") and id_type != UNKNOWN_IDS


_TEMPLATED = (KRAMDOWN, HEXO_IDS)  # (Jekyll's Liquid, Hexo's Nunjucks: what a tag writes makes the ID)


def predictable(text: str, id_type: str) -> bool:
    """Whether fmlint knows the ID the generator makes of a heading's ``text``: not for Zola's when the text
    has characters the ``slug`` crate transliterates by name (an emoji: 🦀 is ``crab``), nor with an MkDocs
    ``slugify`` fmlint does not know, nor for a heading holding a Hugo shortcode or Jekyll's Liquid (the ID is
    made of what it writes: docsy.dev's ``### {{% _param FAS robot %}} Upgrading with AI?``)."""
    if not slugify_known(id_type):
        return False
    if "{" in text:
        marks = ("{{<", "{{%") if id_type in _GOLDMARK else ("{{", "{%") if id_type.startswith(_TEMPLATED) else ()
        if any(mark in text for mark in marks):
            return False
    return id_type != ZOLA or unicodedata.normalize("NFKD", text).isascii()


def _zola(text: str) -> str:
    """Zola's anchors (the ``slug`` crate): ASCII letters and digits lowercased, every other run one ``-``,
    none at the ends; other characters transliterated first (here: their ASCII decomposition)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


_VITEPRESS_SPECIAL = lazy_pattern(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'“”‘’<>,.?/]+""")
_CONTROL = lazy_pattern(r"[\x00-\x1f]")
_COMBINING = lazy_pattern(r"[\u0300-\u036f]")


def vitepress_slug(text: str) -> str:
    """VitePress's anchors (``@mdit-vue/shared``'s ``slugify``), which its links' fragments are made into too;
    composed again at the end (Hangul, which NFKD splits into its letters, stays as written)."""
    slug = _VITEPRESS_SPECIAL.sub("-", _CONTROL.sub("", _COMBINING.sub("", unicodedata.normalize("NFKD", text))))
    slug = _DASHES.sub("-", slug).strip("-")
    return unicodedata.normalize("NFC", "_" + slug if slug[:1].isdigit() and slug[:1].isascii() else slug).lower()


_DASHES = lazy_pattern(r"-{2,}")


def _mdbook(text: str) -> str:
    """mdBook's anchors (``id_from_content``): lowercased letters, digits, ``_`` and ``-`` kept, each space a
    ``-``; ``section`` when nothing is left."""
    kept = (ch if ch.isalnum() or ch in "_-" else "-" if ch.isspace() else "" for ch in text.strip().lower())
    return "".join(kept) or "section"


SLUGIFIERS: dict[str, Callable[[str], str]] = {
    GITHUB: _github,
    GITHUB_ASCII: lambda text: _github(text, True),
    BLACKFRIDAY: _blackfriday,
    GITHUB_SLUGGER: lambda text: _github_slugger(text.lower()).replace(" ", "-"),
    REMARK: lambda text: _github_slugger(text.lower()).replace(" ", "-"),
    REMARK_TRIMMED: lambda text: _github_slugger(text.lower()).replace(" ", "-").removesuffix("-"),
    PYTHON_MARKDOWN: _toc,
    ZOLA: _zola,
    VITEPRESS: vitepress_slug,
    VUEPRESS: vitepress_slug,
    MDBOOK: _mdbook,
}


def link_fragments(fragment: str, id_type: str) -> tuple[str, ...]:
    """The IDs a link's ``fragment`` may name on a page of ``id_type``: VitePress makes it an ID as it makes a
    heading's; VuePress puts ``_`` before a leading digit of a link's to another page (``#1-setup`` is
    ``#_1-setup``; one on the page itself keeps its own); the others leave it as written."""
    if id_type == VITEPRESS:
        return (vitepress_slug(fragment),)
    if id_type == VUEPRESS and fragment[:1].isdigit():
        return ("_" + fragment, fragment)
    return (fragment,)


WRITTEN_DASHES = ("--", "---")  # a typographer's dashes as written (no typographer)


def heading_ids(
    anchors: Iterable[tuple[str, str, bool]], id_type: str = GITHUB, dashes: tuple[str, str] = WRITTEN_DASHES
) -> set[str]:
    """The IDs of a page's anchors, given in document order as (text, custom ID or "", is a heading); the
    dashes a typographer makes of ``--`` and ``---`` (marked in the text) are ``dashes`` (Hugo's: ``–`` and
    ``—`` by default, which IDs drop; as written elsewhere)."""
    return {found for found in ordered_ids(anchors, id_type, dashes) if found}


def ordered_ids(
    anchors: Iterable[tuple[str, str, bool]], id_type: str = GITHUB, dashes: tuple[str, str] = WRITTEN_DASHES
) -> list[str]:
    """The ID of each of a page's anchors (see :func:`heading_ids`), in their order; "" for one without."""
    if suffixes_own_way(id_type):
        dashed = [
            (_dashed(text.strip(), dashes, id_type), custom_id(custom, id_type) if custom else "", heading)
            for text, custom, heading in anchors
        ]
        if id_type.startswith(PYTHON_MARKDOWN):
            return _python_markdown_ids(dashed, id_type)
        return _kramdown_ids(dashed, id_type)
    taken: set[str] = set()
    found: list[str] = []
    for base, custom in base_ids(anchors, id_type, dashes):
        each = base
        number = 0
        while each in taken and not custom:
            number += 1
            each = f"{base}-{number}"
        taken.add(each)
        found.append(each)
    return found


def base_ids(
    anchors: Iterable[tuple[str, str, bool]], id_type: str, dashes: tuple[str, str]
) -> Iterator[tuple[str, bool]]:
    """Each anchor's ID before a duplicate's suffix, in order, and whether it is a custom ID (which takes no
    suffix), for the ID types but Python-Markdown's and kramdown's (see ``heading_ids``).  Each is one of the
    page's IDs: the anchor's own, or, when an earlier anchor took it, that one's."""
    customs = reads_custom_ids(id_type)
    ends = id_type.startswith((REMARK, GITHUB_SLUGGER))  # (a code span's space at an end kept: ``Heading``)
    slugs = _slugs(id_type)
    goldmark = id_type in _GOLDMARK  # (Hugo's: a heading without text has no ID, `## <br>` too)
    for written, custom, heading in anchors:  # (a site's targets have ~5 each, ~1,500 in 2,000 pages: kept lean)
        if custom and customs:
            yield custom_id(custom, id_type), True
        else:
            text = written if ends else written.strip()
            if goldmark and heading and not text:
                yield "", True  # (no ID, and none taken: the next empty slug is `heading`)
                continue
            yield slugs[_dashed(text, dashes, id_type)] or ("heading" if heading else "id"), False


def reads_custom_ids(id_type: str) -> bool:
    """Whether a heading's ``{#id}`` gives its ID (all but Astro's Markdown, unless a plugin reads it)."""
    return not id_type.startswith(REMARK) or id_type.endswith(WITH_CUSTOM_IDS)


def suffixes_own_way(id_type: str) -> bool:
    """Whether the ID type numbers duplicates its own way (Python-Markdown, kramdown): ``base_ids`` is not
    for it."""
    return id_type.startswith((PYTHON_MARKDOWN, KRAMDOWN + ":"))


def custom_id(written: str, id_type: str) -> str:
    """The ID an attribute's ``#id`` (as written, up to a space or ``}``) gives: goldmark's keeps letters,
    digits and ``_-:.`` (docsy.dev's ``{#v0.14.2}``), kramdown's an XML name (opensource.guide's Arabic IDs keep
    their marks); Python-Markdown's ``attr_list`` and the others keep it whole."""
    kept = _GOLDMARK_ID if id_type in _GOLDMARK else _kramdown_id() if id_type.startswith(KRAMDOWN) else None
    found = kept.match(written) if kept is not None and written else None
    return found.group() if found is not None else written


_GOLDMARK = (GITHUB, GITHUB_ASCII, BLACKFRIDAY)
_GOLDMARK_ID = lazy_pattern(ID_CHARACTERS)
# kramdown's header IDs are XML names (its HEADER_ID: REXML's NAME_START_CHAR, then NAME_CHAR)
_XML_NAME_START = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f"
    "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)


@cache
def _kramdown_id() -> re.Pattern[str]:
    """(Compiled when first needed: ~4 ms, which a run on a site of another generator does not pay.)"""
    return re.compile(f"(?:[{_XML_NAME_START}][{_XML_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f\u2040]*)?")


@lru_cache(maxsize=4096)
def every_slug(text: str, dashes: tuple[str, str]) -> frozenset[str]:
    """The IDs each generator fmlint knows (and each of Hugo's ``autoHeadingIDType``s) makes of a heading's
    ``text``, its dashes as the site's typographer writes them and as written (before any duplicate's suffix;
    a site breaks the same anchor from many pages)."""
    slugs: tuple[Callable[[str], str], ...] = (*SLUGIFIERS.values(), _kramdown_gfm, _kramdown_basic)
    written = {_dashed(text, dashes), _dashed(text, WRITTEN_DASHES)}
    return frozenset(slug(each) for each in written for slug in slugs)


def _dashed(text: str, dashes: tuple[str, str], id_type: str = "") -> str:
    """A heading's marked text as the site reads it: the dashes its typographer writes, and for Hugo's ID types
    (goldmark's) what Hugo's heading text drops dropped (``fmlint.goldmark_text``; on with the typographer when
    the dashes are not as written)."""
    if DROP_END in text:
        text = goldmark_text(text, dashes != WRITTEN_DASHES) if id_type in _GOLDMARK else unmarked(text)
    if EN_DASH in text or EM_DASH in text:
        return text.replace(EN_DASH, dashes[0]).replace(EM_DASH, dashes[1])
    return text


_SLUGS_KEPT = 65536  # the slugs kept of each kind (a site's headings repeat: "Examples", "See also")


class _Slugs(dict[str, str]):
    """One ID type's slugs by heading text, each made once (up to ``_SLUGS_KEPT`` kept): a text seen before is
    the dictionary's own lookup."""

    def __init__(self, id_type: str) -> None:
        super().__init__()
        if id_type.startswith(PYTHON_MARKDOWN + ":"):
            _, kind, separator = id_type.split(":", 2)
            self.make: Callable[[str], str] = partial(_toc, kind=kind, separator=separator)
        elif id_type.startswith(HEXO_IDS + ":"):
            _, transform, smart = id_type.split(":")
            self.make = partial(hexo_heading_id, transform=int(transform), smart=smart == "1")
        else:
            self.make = SLUGIFIERS.get(id_type.removesuffix(WITH_CUSTOM_IDS), _github)

    def __missing__(self, text: str) -> str:
        found = self.make(text)
        if len(self) < _SLUGS_KEPT:
            self[text] = found
        return found


_SLUGS: dict[str, _Slugs] = {}  # by ID type


def _slugs(id_type: str) -> _Slugs:
    found = _SLUGS.get(id_type)
    if found is None:
        found = _SLUGS[id_type] = _Slugs(id_type)
    return found


def _slug(id_type: str, text: str) -> str:
    """A heading text's ID before any duplicate suffix."""
    return _slugs(id_type)[text]

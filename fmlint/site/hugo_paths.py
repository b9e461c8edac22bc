"""Hugo's path rules: ``Sanitize`` / ``MakePath`` / ``URLize``, and the output file of a URL.

Ported from Hugo's ``common/paths/path.go`` (``Sanitize``, ``isAllowedPathCharacter``)
and ``helpers/path.go`` (``MakePath``: sanitise, optionally remove accents;
``MakePathSanitized``: also lowercase unless ``disablePathToLower``), as Hugo 0.168
writes them (``hugo list all`` is the tests' oracle): since 0.93 a hyphen is kept as
written (``a--b.md`` is ``/a--b/``, ``trail-.md`` ``/trail-/``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from urllib.parse import unquote, unquote_plus

from fmlint.regex import lazy_pattern

_ALLOWED_PUNCTUATION = frozenset("./\\_#+~-@")
_HEX = frozenset("0123456789abcdefABCDEF")
_ASCII_ALLOWED = lazy_pattern(r"[A-Za-z0-9./\\_#+~@-]*")  # (``%`` is allowed before two hex digits only)


ONE_PAGE = "="  # leads the URL key of one page no Markdown file shows (``SiteIndex.generated``; keys start with `/`)


def _allowed(text: str, index: int, char: str) -> bool:
    if char == " ":
        return False
    if char.isalpha() or unicodedata.category(char) == "Nd" or char in _ALLOWED_PUNCTUATION:
        return True
    if unicodedata.category(char).startswith("M"):
        return True
    return char == "%" and text[index + 1 : index + 2] in _HEX and text[index + 2 : index + 3] in _HEX


@lru_cache(maxsize=65536)
def sanitize(text: str) -> str:
    """Hugo's ``paths.Sanitize``: the characters a path may not hold dropped, a run of whitespace after an
    allowed character one hyphen (none next to a hyphen, none at the end); hyphens kept as written."""
    if text.isascii() and _ASCII_ALLOWED.fullmatch(text):  # (most paths: nothing changes)
        return text
    target: list[str] = []
    hyphen_wanted = was_hyphen = False
    for index, char in enumerate(text):
        if _allowed(text, index, char):
            was_hyphen = char == "-"
            if hyphen_wanted and not was_hyphen:
                target.append("-")
            hyphen_wanted = False
            target.append(char)
        elif target and not was_hyphen and char.isspace():
            hyphen_wanted = True
    return "".join(target)


def go_lower(text: str) -> str:
    """Go's ``strings.ToLower`` (and ``unicode.ToLower`` of each character), which Hugo's paths and heading IDs are
    lowercased with: each character's own lowercase, where Python's ``lower`` follows Unicode's special casing
    (``İ`` is ``i`` and a combining dot, a word's last ``Σ`` is ``ς``; Go writes ``i`` and ``σ``)."""
    if text.isascii() or ("\u0130" not in text and "\u03a3" not in text):
        return text.lower()
    return "".join("i" if char == "\u0130" else char.lower() for char in text)


def remove_accents(text: str) -> str:
    """Hugo's ``text.RemoveAccents``: decompose, drop the combining marks, recompose."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def make_path(text: str, lower: bool = True, accents: bool = True) -> str:
    """Hugo's ``MakePathSanitized`` (``lower``: unless ``disablePathToLower``; ``accents``: unless
    ``removePathAccents``)."""
    path = sanitize(text)
    if not accents:
        path = remove_accents(path)
    return go_lower(path) if lower else path


def urlize(text: str, lower: bool = True, accents: bool = True) -> str:
    """Hugo's ``URLize`` of a permalink token's value: :func:`make_path`, then read as a URL, which drops a
    fragment left empty (`C#` is `c`; `d#x` stays)."""
    path = make_path(text, lower, accents)
    return path[:-1] if path.find("#") == len(path) - 1 else path


def file_path(text: str, lower: bool = True, accents: bool = True) -> str:
    """A page's URL path from its file's path (a folder, a name): each space a hyphen first, as Hugo's
    content-map keys have it (``a  b.md`` is ``/a--b/``), then :func:`make_path`."""
    return make_path(text.replace(" ", "-"), lower, accents)


def permalink_path(expanded: str, lower: bool = True, accents: bool = True) -> str:
    """An expanded ``[permalinks]`` pattern as Hugo writes it: query-unescaped (``+`` a space, ``%41`` an
    ``A``: ``/:slug/`` of ``c++`` is ``/c/``), then each segment through :func:`make_path`."""
    try:
        unescaped = unquote_plus(expanded, errors="strict")
    except UnicodeDecodeError:
        return expanded
    return "/".join(make_path(segment, lower, accents) for segment in unescaped.split("/"))


def hugo_slug(value: str) -> str:
    """A front-matter ``slug`` as Hugo keeps it: hyphens trimmed from both ends (``q-`` is ``q``)."""
    return value.strip("-")


def list_title(name: str) -> str:
    """The title Hugo gives a section without a content file (``pluralizeListTitles``: gobuffalo/flect's
    ``Pluralize`` of the name's last part): a few of flect's dictionary words and its commoner suffix rules (a
    word ending in ``s`` kept: ``docs``, ``news``; ``blog`` is ``blogs``, ``status`` ``statuses``, ``story``
    ``stories``, ``video`` ``videoes``); the rest of its dictionary (``cactus``, ``datum``…) is left out."""
    head, _, last = name.rpartition("-")
    if last in _PLURAL_WORDS:
        return f"{head}-{_PLURAL_WORDS[last]}" if head else _PLURAL_WORDS[last]
    for suffix, plural in _PLURAL_SUFFIXES:
        if last.endswith(suffix):
            return name[: len(name) - len(suffix)] + plural
    return name if name.endswith("s") or not name[-1:].isalpha() else name + "s"


_PLURAL_WORDS = {
    **{word: word for word in ("data", "equipment", "fish", "information", "media", "money", "people", "sheep")},
    **{"child": "children", "index": "indices", "person": "people", "photo": "photos", "mouse": "mice"},
}
_PLURAL_SUFFIXES = (  # (of flect's rules, the commoner: the first that ends the word)
    *(("us", "uses"), ("ss", "sses"), ("sis", "ses"), ("xis", "xes"), ("io", "ios"), ("to", "tos"), ("o", "oes")),
    *(("trix", "trices"), ("vertex", "vertices"), ("x", "xes"), ("ch", "ches"), ("sh", "shes"), ("z", "zzes")),
    *(("ay", "ays"), ("ey", "eys"), ("oy", "oys"), ("uy", "uys"), ("y", "ies")),
    *(("eaf", "eaves"), ("lf", "lves"), ("fe", "ves")),
)


def basic_normalize(text: str) -> str:
    """Hugo's content-map key normalisation (``NormalizePathStringBasic``): lowercase, spaces → hyphens."""
    return go_lower(text).replace(" ", "-")


def output_file(url: str) -> str:
    """The file a page's URL is written to: ``/a/b/`` and ``/a/b`` → ``a/b/index.html``; ``/a/b.html`` stays
    (``uglyURLs`` are in the URL already: ``fmlint.site.index._uglified``). A ``#`` is part of the path (a slug's
    ``#1 …`` is written to ``#1-…/index.html``, its permalink ``%231-…``)."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path + "/index.html" if extensionless(path) else path


def extensionless(path: str) -> bool:
    """Whether a URL path names no folder and its last segment has no extension (``/a/b``; not ``/a/b/`` nor
    ``/a/b.html``): Hugo writes it as a folder, and adds a slash to such a permalink; Jekyll writes such a
    permalink to ``/a/b.html``."""
    return bool(path) and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]


def joined_link(*elements: str) -> str:
    """The link Hugo's page path builder makes of a page's path ``elements`` (its folder, its name or slug) before
    its ``index.html``: ``""`` and ``"/"`` dropped, a slash put between two only where neither has one (a slug's
    `/abs/` after `docs` is `/docs/abs/`, `a//b` stays), a closing slash added."""
    link, closed = "", False
    for element in elements:
        if element in ("", "/"):
            continue
        link += element if closed or element.startswith("/") else "/" + element
        closed = element.endswith("/")
    return link if closed else link + "/"


def names_html(path: str) -> bool:
    """Whether a URL path's last segment ends in an HTML suffix (`.html`, `.htm`): Hugo writes an alias of one
    to that file, not to a folder."""
    return path.endswith((".html", ".htm"))


def single_slashes(path: str) -> str:
    """``path`` with each run of slashes one (as Hugo writes a URL's: `/x//y/` is `/x/y/`)."""
    return _SLASHES.sub("/", path) if "//" in path else path


_SLASHES = lazy_pattern("//+")


def clean(path: str) -> str:
    """``path.Clean`` for a URL path that starts with ``/``, keeping a trailing slash."""
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    trailing = "/" if path.endswith("/") and parts else ""
    return "/" + "/".join(parts) + trailing


def link_path(link: str) -> str:
    """A link's path: before its ``#fragment`` and ``?query``, percent-decoded."""
    return unquote(link.partition("#")[0].split("?", 1)[0])


def join_url(base: str, target: str) -> str:
    """The URL path (with the query and fragment of ``target``) that the relative reference ``target`` (no
    scheme, no host) leads to from the page at the URL path ``base``: ``urllib.parse.urljoin``'s resolution
    (RFC 3986's dot segments removed, as browsers do; empty segments of a relative path dropped; an empty
    query or fragment dropped) without its parsing of whole URLs, which takes ~3x as long (a site's relative
    links are resolved by the ten thousand).  A ``;`` is part of a path segment, as browsers read it."""
    target = target.lstrip(_URL_SPACE)
    if "\t" in target or "\n" in target or "\r" in target:
        target = target.replace("\t", "").replace("\n", "").replace("\r", "")
    target, _, fragment = target.partition("#")
    path, _, query = target.partition("?")
    rest = ("?" + query if query else "") + ("#" + fragment if fragment else "")
    if not path:
        return base + rest
    if path.startswith("/"):
        segments = path.split("/")
    else:
        segments = base.split("/")
        if segments[-1]:
            del segments[-1]
        segments += path.split("/")
        segments[1:-1] = [segment for segment in segments[1:-1] if segment]
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    joined = "/".join(resolved)
    return (joined if joined.startswith("/") else "/" + joined) + rest


_URL_SPACE = "".join(map(chr, range(0x21)))  # what ``urlsplit`` strips from a URL's start (WHATWG's C0 and space)


def names_file(path: str) -> bool:
    """Whether a URL path names a file (``/img/x.png``, ``/a.html``) rather than a folder-style page URL: its last
    segment has an extension that is not a number (``/blog/release-3.5/``, with its slash, and istio.io's
    ``/news/releases/1.4.x/announcing-1.4.7`` are pages' URLs)."""
    last = path.rsplit("/", 1)[-1]
    return "." in last and not last.rsplit(".", 1)[1].isdigit()


def under_base(path: str, base: str) -> str | None:
    """A URL path without the site's base path (``/docs`` of ``/docs/x/``: ``/x/``); ``None`` outside it."""
    if not base:
        return path
    if path != base and not path.startswith(base + "/"):
        return None
    return path[len(base) :] or "/"


def url_key(url: str) -> str:
    """A URL path compared as a server on a case-insensitive host would: lowercased, without ``index.html``
    and trailing slashes."""
    path = url.lower()
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path.rstrip("/") or "/"

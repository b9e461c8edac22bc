"""The Markdown body behind one small interface (so the parser can change).

The body is parsed with pyromark (pulldown-cmark, CommonMark), whose events
carry UTF-8 byte ranges into the body.  This module is the one place where
those ranges become :class:`Span` s of the whole document: byte offsets are
turned into character offsets and the body's start is added here, never in a
rule.  Rules read the extracted elements (``images``, ``links``, ``headings``,
``code_fences``, …).  The events are pulled one at a time and dropped (see
:class:`_Walk`): memory follows the nesting depth and the elements found, not
the length of the body, so a long file costs time in proportion and nothing
more.  pyromark was measured against
markdown-it-py and markdown-it-pyrs (``benchmarks/parsers.py``) and is the
fastest of the three that gives source positions.

Hugo shortcodes are not Markdown: ``view.shortcodes`` holds the spans of their
tags (``{{< … >}}``, ``{{% … %}}``) and of the inner content of paired
``{{< name >}}…{{< /name >}}`` shortcodes, which Hugo hands to the shortcode
unrendered, and of Jekyll's Liquid ``{% highlight %}``, ``{% raw %}`` and
``{% comment %}`` blocks (and Nunjucks' ``{% set x %}`` blocks).  Headings,
emphasis paragraphs and code fences found there are dropped from the view (and
the links and images of all but ``{% raw %}``, which Liquid writes as it is); where a code fence opened in a ``{{< >}}``
shortcode's content runs past it, the Markdown outside is parsed again with the
shortcode as Hugo's placeholder (``_parse_around``).  ``view.templated`` leaves out of these the
content of ``{{% name %}}…{{% /name %}}`` shortcodes inside paired ``{{< >}}``
ones, which Hugo renders as Markdown wherever they are (dapr's ``{{< tabs >}}``
holds ``{{% codetab %}}`` ones): the links, images and bare URLs there are
checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, partial
from itertools import pairwise
from typing import Any, Literal, TypeVar, cast

import msgspec

from fmlint.document import Document
from fmlint.fix.model import Edit
from fmlint.goldmark_text import DropMarks, unmarked
from fmlint.mkdocs_blocks import Tab
from fmlint.positions import Place, Span
from fmlint.regex import lazy_pattern


@cache
def _options() -> Any:
    """pyromark's parser options; pyromark (and ``fmlint.mdx``) are imported on the first parse: a run
    served from the result cache parses nothing, and its start-up is ~10 ms shorter."""
    import pyromark

    return pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH | pyromark.Options.ENABLE_FOOTNOTES


_IMG_TAG = lazy_pattern(r"<img\b[^>]*>", re.IGNORECASE)
_A_TAG = lazy_pattern(r"<a\s[^>]*>", re.IGNORECASE)
# (by its whole name: not Vue's `:src` binding, nor `data-src`)
_ATTRIBUTE = r"""(?<=[\s"'/]){name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
_SRC = lazy_pattern(_ATTRIBUTE.format(name="src"), re.IGNORECASE)
_HREF = lazy_pattern(_ATTRIBUTE.format(name="href"), re.IGNORECASE)
_ALT = lazy_pattern(_ATTRIBUTE.format(name="alt"), re.IGNORECASE)
_ARIA_HIDDEN = lazy_pattern(_ATTRIBUTE.format(name="aria-hidden"), re.IGNORECASE)

# "(" then an optional "<…>" destination or one without spaces (balanced parentheses allowed)
_INLINE_DESTINATION = lazy_pattern(r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")

_COMMENT = lazy_pattern(r"<!--(.*?)-->", re.DOTALL)
_LEADING_COMMENTS = lazy_pattern(r"(?:\s*<!--.*?-->)+[ \t]*(?=\S)")
_BARE_URL = lazy_pattern(r"https?://[\\A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_SHORTCODE = lazy_pattern(r"\{\{<.{0,4000}?>\}\}|\{\{%.{0,4000}?%\}\}", re.DOTALL)
# where a shortcode tag (``{{<``, ``{{%``), a Liquid tag (``{%``), a Liquid output of a string (``{{ '``) or an
# attribute list (``{ #id }``, ``{: .class #id }``: the site facts read their IDs) begins
_OPENING = lazy_pattern(r"""\{(?=\{[<%]|%|\{-?[ \t]*(?:["']|site\.baseurl)|:?[ \t]*(?:[#.]|name[ \t]*=))""")
_SHORTCODE_NAME = lazy_pattern(r"\{\{[<%]\s*(/?)\s*([^\s/%>]+)")
# (and Nunjucks' block `{% set x %}…{% endset %}`, whose text a template uses as it likes: 11ty.dev's code samples)
_LIQUID_BLOCK = lazy_pattern(
    r"\{%-?\s*(highlight|raw|comment)\b.*?\{%-?\s*end\1\s*-?%\}|\{%-?\s*set\s+[\w$]+\s*-?%\}.*?\{%-?\s*endset\s*-?%\}",
    re.DOTALL,
)
_CONTAINERS = frozenset({"BlockQuote", "Item", "FootnoteDefinition", "Table"})
_LEAF_BLOCKS = frozenset({"Heading", "Paragraph", "CodeBlock", "HtmlBlock"})
_STRONG_START = {"Start": "Strong"}
_EMPHASIS_STARTS = ({"Start": "Emphasis"}, _STRONG_START)
_EMPHASIS_ENDS = ({"End": "Emphasis"}, {"End": "Strong"})

ImageSource = Literal["markdown", "reference", "html"]
ByteRange = dict[str, int]  # pyromark's {"start": …, "end": …}: UTF-8 bytes of the body
RawEvent = tuple[Any, ByteRange]
_Element = TypeVar("_Element", "Image", "Link")


class _Placed:
    """A link or image: its ``span`` (the whole syntax) and ``url_span`` (the destination as
    written; in the reference definition for reference links) come from its ``place``."""

    __slots__ = ()
    place: Place

    @property
    def span(self) -> Span:
        return self.place.span

    @property
    def url_span(self) -> Span:
        return self.place.url_span


class Image(_Placed, msgspec.Struct, frozen=True):
    url: str
    alt: str | None  # None: an HTML <img> without an alt attribute
    source: ImageSource
    place: Place
    hidden: bool = False  # an HTML <img aria-hidden="true">: decorative, hidden from assistive technology


class Link(_Placed, msgspec.Struct, frozen=True):
    url: str
    text: str
    reference: bool  # not an inline ``[text](url)`` (a reference, or an autolink)
    link_type: str  # pulldown-cmark's: Inline, Reference, Collapsed, Shortcut, Autolink, Email, …
    has_content: bool  # text (not only spaces), code, an image or HTML between the brackets
    place: Place


class Heading(msgspec.Struct, frozen=True, gc=False):
    level: int  # 1 to 6
    text: str  # the plain text (inline markup removed)
    span: Span  # the whole heading (both lines of a setext heading)
    nested: bool = False  # inside a block quote, list item or footnote: not part of the article's outline
    # the text with the ``--`` and ``---`` outside code spans marked (EN_DASH, EM_DASH), as a typographer
    # (goldmark's, on by default in Hugo) replaces them, and what Hugo's heading text drops marked
    # (``fmlint.goldmark_text``); "" when there are neither
    typographic: str = ""
    # the text with its ends as they are when a code span leaves a space at one (`` ## `code ` ``: remark's text
    # keeps it, and github-slugger makes it a ``-``); "" otherwise
    unstripped: str = ""


EN_DASH, EM_DASH = "\ue000", "\ue001"  # (private-use characters: no heading holds them)


class EmphasisParagraph(msgspec.Struct, frozen=True, gc=False):
    """A one-line paragraph that is only one bold or italic run of plain text."""

    text: str
    span: Span
    nested: bool  # inside a block quote, list item, table or footnote
    # right after a paragraph of only images: italic, or bold with no body text after it (a figure caption)
    caption: bool = False


class CodeFence(msgspec.Struct, frozen=True, gc=False):
    info: str  # the info string after the opening fence ("" when none)
    span: Span  # the whole block, to the end of its container when unclosed
    opening: Span  # the opening fence line
    closed: bool


class HtmlComment(msgspec.Struct, frozen=True, gc=False):
    text: str  # between ``<!--`` and ``-->``
    span: Span


class BareUrl(msgspec.Struct, frozen=True, gc=False):
    """An ``http(s)://`` URL in running text that is not a link."""

    url: str
    span: Span


class MarkdownView(msgspec.Struct, dict=True):
    """The parsed body: the elements rules ask for."""

    doc: Document
    images: list[Image] = msgspec.field(default_factory=list)
    links: list[Link] = msgspec.field(default_factory=list)
    headings: list[Heading] = msgspec.field(default_factory=list)  # all, nested ones included (see ``outline``)
    shortcode_headings: list[Heading] = msgspec.field(default_factory=list)  # inside shortcodes (Hugo may render them)
    emphasis_paragraphs: list[EmphasisParagraph] = msgspec.field(default_factory=list)
    code_fences: list[CodeFence] = msgspec.field(default_factory=list)
    html_comments: list[HtmlComment] = msgspec.field(default_factory=list)
    html_ids: list[str] = msgspec.field(default_factory=list)  # ``id``/``name`` attributes of HTML tags: link targets
    # the ``href`` of each HTML ``<a>`` tag (and, in MDX, of each JSX tag: ``<LinkCard href="/x/">``) with its span
    html_links: list[tuple[str, Span]] = msgspec.field(default_factory=list)
    # a paragraph opens with what a Python-Markdown extension replaces with Markdown the file does not hold:
    # a ``::: module.name`` block (mkdocstrings, mkdocs-click), an ``{!file.md!}`` include
    writes_markdown: bool = False
    # a line of a paragraph opens with ``:`` (a definition list's ``: definition``, maybe): the site facts look
    # for definition terms only then
    colon_lines: bool = False
    snippet_starts: list[int] = msgspec.field(default_factory=list)  # where paragraphs of ``--8<--`` snippets begin
    tabs: list[Tab] = msgspec.field(default_factory=list)  # pymdownx.tabbed's tabs (``fmlint.mkdocs_blocks``)
    # MDX: the Markdown files imported as components and shown (``import P from './_p.mdx'`` and ``<P />``)
    mdx_partials: list[str] = msgspec.field(default_factory=list)
    # each indented code block (its span; whether inside a quote, list item or footnote): Markdown to MDX, which
    # has no indented code (``fmlint.mdx``)
    indented_code: list[tuple[Span, bool]] = msgspec.field(default_factory=list)
    shortcodes: list[Span] = msgspec.field(default_factory=list)
    # where Hugo renders no Markdown: ``shortcodes`` but the content of the ``{{% %}}`` shortcodes inside ``{{< >}}``
    # ones (the innermost paired shortcode decides)
    templated: list[Span] = msgspec.field(default_factory=list)
    # the content of each paired shortcode, in order of start, with the name of a ``{{< name >}}…{{< /name >}}``
    # one, whose content Hugo hands to the template unrendered (Markdown, HTML or text: the template's choice),
    # and "" for a ``{{% %}}`` one, whose content is Markdown
    shortcode_contents: list[tuple[Span, str]] = msgspec.field(default_factory=list)
    # where each ``{{<`` or ``{{%`` of the body begins (document offsets), from the one scan for shortcodes;
    # None when the view was not parsed from the document's own text (MDX masks it; too much markup)
    shortcode_openings: list[int] | None = None
    # where each ``{%`` and ``{{ '`` (Liquid, where Jekyll's links are written) begins, from the same scan
    liquid_openings: list[int] | None = None
    attribute_openings: list[int] | None = None  # where each attribute list's ``{`` is, from the same scan
    # byte ranges in the body of runs of running text, each from where "http" first appears (see ``bare_urls``)
    url_runs: list[tuple[int, int]] = msgspec.field(default_factory=list)
    offsets: _Offsets | None = None

    @cached_property
    def bare_urls(self) -> list[BareUrl]:
        """``http(s)://`` URLs in running text outside links, code and shortcodes (found on first use)."""
        if self.offsets is None:
            return []
        found = (url for start, end in self.url_runs for url in _urls_in_run(self.doc, self.offsets, start, end))
        return [url for url in found if not _holds(self.templated, url.span)]

    @property
    def outline(self) -> list[Heading]:
        """The article's own headings: those not inside a quote, list item or footnote."""
        return [heading for heading in self.headings if not heading.nested]

    def outside_shortcodes(self, elements: list[_Element]) -> Iterable[_Element]:
        """The links or images of ``elements`` that Hugo renders as Markdown: not inside a shortcode's tag or a
        ``{{< >}}`` shortcode's content, unless in a ``{{% %}}`` one's inside it (see ``templated``)."""
        return elements if not self.templated else [e for e in elements if not _holds(self.templated, e.span)]

    def in_shortcode(self, span: Span) -> bool:
        """Whether ``span`` starts inside a Hugo shortcode tag or a ``{{< >}}`` shortcode's content."""
        return _holds(self.shortcodes, span)


def _holds(spans: list[Span], span: Span) -> bool:
    """Whether ``span`` starts inside one of ``spans`` (sorted, apart)."""
    index = bisect_right(spans, span.start, key=lambda s: s.start) - 1
    return index >= 0 and spans[index].start <= span.start < spans[index].end


class _Offsets:
    """UTF-8 byte offsets in the body → character offsets in the document.

    Only the offsets of elements that are extracted are converted, on demand.
    A pure-ASCII body needs no table; otherwise each converted offset is kept
    as a checkpoint and a new one decodes (in C) only the bytes from the
    nearest checkpoint before it, so converting in reading order costs one
    pass over the body.  The parser's offsets are character boundaries.
    """

    def __init__(self, body: str, base: int) -> None:
        self.body, self.base = body, base
        self.data: bytes | None = None if body.isascii() else body.encode("utf-8")
        self.bytes = [0]  # checkpoints, sorted: byte offset → character offset
        self.chars = [0]

    def opens_with(self, byte_offset: int, ascii: str) -> bool:
        """Whether the body's UTF-8 bytes at ``byte_offset`` begin with the ASCII text ``ascii``."""
        if self.data is None:
            return self.body.startswith(ascii, byte_offset)
        return self.data.startswith(ascii.encode(), byte_offset)

    def char(self, byte_offset: int) -> int:
        if self.data is None:
            return self.base + byte_offset
        known_bytes, known_chars = self.bytes, self.chars
        if byte_offset > known_bytes[-1]:  # the usual case: past every checkpoint
            chars = known_chars[-1] + len(self.data[known_bytes[-1] : byte_offset].decode("utf-8", "ignore"))
            known_bytes.append(byte_offset)
            known_chars.append(chars)
            return self.base + chars
        index = bisect_right(known_bytes, byte_offset) - 1
        if known_bytes[index] == byte_offset:
            return self.base + known_chars[index]
        chars = known_chars[index] + len(self.data[known_bytes[index] : byte_offset].decode("utf-8", "ignore"))
        known_bytes.insert(index + 1, byte_offset)
        known_chars.insert(index + 1, chars)
        return self.base + chars

    def span(self, byte_range: ByteRange) -> Span:
        if self.data is None:
            return Span(self.base + byte_range["start"], self.base + byte_range["end"])
        return Span(self.char(byte_range["start"]), self.char(byte_range["end"]))

    def block_span(self, byte_range: ByteRange) -> Span:
        """A block's span, which ends after its line break: a lone CR ending it (a line break to CommonMark,
        not to fmlint, whose lines end at LF) is left out, or the span would end past its line's text."""
        span = self.span(byte_range)
        end = span.end - self.base
        if end > 0 and self.body[end - 1] == "\r" and self.body[end : end + 1] != "\n":
            return Span(span.start, span.end - 1)
        return span


def parse_markdown(doc: Document) -> MarkdownView:
    if doc.mdx:  # JSX, ESM and {expressions} become spaces first, offsets unchanged (fmlint.mdx)
        from fmlint import mdx

        return mdx.parse(doc, parse_markdown)
    if not doc.markdown:  # unreadable, or too much markup to parse (see fmlint.document)
        return MarkdownView(doc)
    if doc.html:
        return _html_view(doc)
    if doc.blocks and any(marker in doc.body for marker in doc.blocks):
        from fmlint.mkdocs_blocks import masked_body  # MkDocs' blocks as list items, offsets unchanged

        tabs: list[Tab] = []
        elements: list[str] = []
        body = masked_body(doc.body, doc.blocks, tabs, elements)
        view = parse_markdown(msgspec.structs.replace(doc, text=doc.text[: doc.body_start] + body, blocks=()))
        view.tabs = [tab._replace(at=doc.body_start + tab.at) for tab in tabs]
        view.html_ids += [found for tag in elements for found in _html_ids(tag)]  # (`<div id="x" markdown="1">`)
        return view
    body = doc.body
    offsets = _Offsets(body, doc.body_start)
    view = MarkdownView(doc, offsets=offsets)
    import pyromark

    events = cast("Iterable[RawEvent]", pyromark.events_with_range(body, options=_options()))
    _Walk(view, offsets, _Definitions(body)).run(events)
    tags, liquid, attributes = openings(body)
    view.shortcode_openings = [doc.body_start + at for at in tags]
    view.liquid_openings = [doc.body_start + at for at in liquid]
    view.attribute_openings = [doc.body_start + at for at in attributes]
    if tags or liquid:
        liquid = [at for at in liquid if body[at + 1] == "%"]  # (Liquid's tags, not its string outputs)
        view.shortcodes, view.templated = _shortcodes(body, doc.body_start, tags, liquid, view.shortcode_contents)
    if view.shortcodes:
        crossing = _crossing_shortcodes(view)
        _drop_shortcode_content(view)
        if crossing:
            _parse_around(view, crossing)
        _drop_unrendered(view, body, liquid)
    return view


def _drop_unrendered(view: MarkdownView, body: str, liquid: list[int]) -> None:
    """Drop the links and images of Liquid's ``{% comment %}`` and ``{% highlight %}`` blocks and of Nunjucks'
    ``{% set x %}`` ones (``liquid``: where the body's tags open): text no page shows as Markdown.  A ``{% raw %}``
    block's are kept: Liquid writes its text as it is, and the Markdown renders it."""
    base = view.doc.body_start
    dead = [
        Span(base + block.start(), base + block.end())
        for block in _matches(_LIQUID_BLOCK, body, liquid)
        if block.group(1) != "raw"
    ]
    if dead:  # (found in order, apart)
        view.links = [link for link in view.links if not _holds(dead, link.span)]
        view.images = [image for image in view.images if not _holds(dead, image.span)]
        view.html_links = [(url, span) for url, span in view.html_links if not _holds(dead, span)]


# what the view takes from a parse of the body with some shortcodes as placeholders (``_parse_around``): the
# elements of its Markdown, which Hugo renders outside shortcodes (those inside them are the first parse's)
_MARKDOWN_FIELDS = (
    "images",
    "links",
    "headings",
    "emphasis_paragraphs",
    "code_fences",
    "html_comments",
    "html_ids",
    "html_links",
    "writes_markdown",
    "colon_lines",
    "snippet_starts",
    "url_runs",
)


def _crossing_shortcodes(view: MarkdownView) -> list[Span]:
    """The shortcodes (as ``view.shortcodes`` merges them: tags and content) in whose ``{{< >}}`` content a code
    fence opens that the parse of the whole body closes after it (nginx's docs: a ```` ```sh ```` block in a
    ``{{<call-out>}}`` never closed there).  Hugo hands that content to the template and renders the page's
    Markdown with the shortcode as a placeholder: there the fence does not exist."""
    contents = [content for content, name in view.shortcode_contents if name]
    crossing = {
        shortcode
        for fence in view.code_fences
        if any(content.start <= fence.span.start < content.end < fence.span.end for content in contents)
        for shortcode in view.shortcodes
        if shortcode.start <= fence.span.start < shortcode.end
    }
    return sorted(crossing, key=lambda span: span.start)


def _parse_around(view: MarkdownView, shortcodes: list[Span]) -> None:
    """Take the view's Markdown elements from a parse of its body with ``shortcodes`` as one-line placeholders,
    as Hugo renders it.  Each character of a placeholder is one of the same UTF-8 length, so that the offsets
    of the rest, in characters and in bytes, are kept."""
    doc, parts, at = view.doc, [], 0
    for span in shortcodes:
        parts += [doc.text[at : span.start], "".join(map(_placeholder, doc.text[span.start : span.end]))]
        at = span.end
    parts.append(doc.text[at:])
    around = parse_markdown(msgspec.structs.replace(doc, text="".join(parts)))
    for field in _MARKDOWN_FIELDS:
        setattr(view, field, getattr(around, field))


def _placeholder(char: str) -> str:
    """A character of a placeholder standing for ``char``: as long in UTF-8, on the same line."""
    return _PLACEHOLDERS[len(char.encode("utf-8", "surrogatepass"))]


_PLACEHOLDERS = {1: "x", 2: "\u00e9", 3: "\u4e2d", 4: "\U0001f600"}


def _html_view(doc: Document) -> MarkdownView:
    """An HTML content file's body, which Hugo writes as it is: its tags' IDs and links, and its comments (no
    link inside one counts)."""
    body = Span(doc.body_start, len(doc.text))
    view = MarkdownView(doc, html_comments=_html_comments(doc, body), html_ids=_html_ids(doc.body))
    view.html_links = _html_links(doc, body)
    return view


def openings(text: str, start: int = 0) -> tuple[list[int], list[int], list[int]]:
    """Where, in ``text`` from ``start``, each shortcode tag (``{{<``, ``{{%``) begins, each Liquid tag, string
    output or ``site.baseurl`` (``{%``, ``{{ '``, ``{{ site.baseurl``), and each attribute list: one scan."""
    tags: list[int] = []
    liquid: list[int] = []
    attributes: list[int] = []
    for opening in _OPENING.finditer(text, start):
        at = opening.start()
        after = text[at + 1]
        if after == "{":
            (tags if text[at + 2] in "<%" else liquid).append(at)
        else:
            (liquid if after == "%" else attributes).append(at)
    return tags, liquid, attributes


_DOCFX_TAB = lazy_pattern(r"#{1,6}[ \t]+\[[^\]]*\]\(\s*#tab/[^)]*\)[ \t#]*")


def is_docfx_tab(doc: Document, heading: Heading) -> bool:
    """Whether ``heading`` is a docfx tab (``# [Linux](#tab/linux)``): a tab's label, not a section."""
    return "#tab/" in doc.source(heading.span) and _DOCFX_TAB.fullmatch(doc.source(heading.span).strip()) is not None


def _shortcodes(
    body: str, base: int, tags: list[int], liquid: list[int], contents: list[tuple[Span, str]]
) -> tuple[list[Span], list[Span]]:
    """Shortcode tags, paired ``{{< >}}`` shortcodes' content and Liquid code blocks, sorted and merged
    (``tags``: where each ``{{<`` and ``{{%`` of the body begins; ``liquid``: each ``{%``); each paired
    shortcode's content is added to ``contents`` (see ``MarkdownView.shortcode_contents``).  Second, the same
    but the ``{{% %}}`` contents inside ``{{< >}}`` ones (``MarkdownView.templated``)."""
    spans: list[Span] = []
    opened: list[tuple[str, re.Match[str]]] = []
    for tag in _matches(_SHORTCODE, body, tags):
        spans.append(Span(base + tag.start(), base + tag.end()))
        name = _SHORTCODE_NAME.match(tag.group())
        if name is None or tag.group().endswith(("/>}}", "/%}}")):
            continue
        if not name.group(1):
            opened.append((name.group(2), tag))
            continue
        for position in range(len(opened) - 1, -1, -1):
            if opened[position][0] == name.group(2):
                opening = opened[position][1]
                del opened[position:]
                content = Span(base + opening.end(), base + tag.start())
                contents.append((content, name.group(2) if opening.group().startswith("{{<") else ""))
                break
    contents.sort(key=lambda content: content[0].start)
    spans += [Span(base + block.start(), base + block.end()) for block in _matches(_LIQUID_BLOCK, body, liquid)]
    shortcodes = _merged(spans + [content for content, name in contents if name])
    if all(name for _, name in contents):  # (no {{% %}} content: most files with shortcodes)
        return shortcodes, shortcodes
    return shortcodes, _merged(spans + _templated(contents))


def _templated(contents: list[tuple[Span, str]]) -> list[Span]:
    """The parts of paired shortcodes' ``contents`` (sorted by start; pairs nest) that Hugo hands to a template
    unrendered: where the innermost pair holding them is a ``{{< >}}`` one (named)."""
    bounds = sorted({offset for span, _ in contents for offset in (span.start, span.end)})
    starts = [span.start for span, _ in contents]
    found: list[Span] = []
    for start, end in pairwise(bounds):
        for position in range(bisect_right(starts, start) - 1, -1, -1):
            span, name = contents[position]
            if start < span.end:
                if name:
                    found.append(Span(start, end))
                break
    return found


def _merged(spans: list[Span]) -> list[Span]:
    """``spans`` sorted, those that touch or overlap made one."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches can begin only at ``starts`` (sorted): each
    start is tried unless inside the match before, as the scan would find them, without scanning again."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def rendered_headings(view: MarkdownView) -> list[Heading]:
    """The headings Hugo renders outside shortcodes.  Hugo replaces each shortcode (a paired ``{{< >}}`` one
    with its content) by a one-line placeholder before it renders the Markdown, so a tab pane whose code
    fences start in column 1 does not end the list item it is written in: a ``### heading`` indented under
    the item after it is the item's heading to Hugo, an indented code block in the file's text.  The body
    is parsed again with its multi-line shortcodes so collapsed (offsets kept) only when such a line follows
    one; otherwise the view's headings are Hugo's."""
    if not view.shortcodes:
        return view.headings
    text = view.doc.text
    multiline = [s for s in view.shortcodes if text.startswith("{{", s.start) and text.find("\n", s.start, s.end) >= 0]
    if not any(_indented_heading_follows(text, span.end) for span in multiline):
        return view.headings
    parts, at = [], 0
    for span in multiline:  # (each character a placeholder's: one line, the offsets of the rest kept)
        parts += [text[at : span.start], "x" * (span.end - span.start)]
        at = span.end
    parts.append(text[at:])
    return parse_markdown(msgspec.structs.replace(view.doc, text="".join(parts), mdx=False)).headings


def _indented_heading_follows(text: str, at: int) -> bool:
    """Whether a heading-like line indented as a code block follows ``at`` (where a shortcode ends) before the
    next line that starts in column 1 (which ends any list item the shortcode is in)."""
    while (end := text.find("\n", at)) >= 0:
        at = end + 1
        line_end = text.find("\n", at)
        line = text[at : line_end if line_end >= 0 else len(text)]
        if line.strip():
            if line[0] not in " \t":
                return False
            if _INDENTED_HEADING.match(line):
                return True
    return False


_INDENTED_HEADING = lazy_pattern(r"(?: {4,}|\t)[ \t]*#{1,6}(?:[ \t\r]|$)")


def _drop_shortcode_content(view: MarkdownView) -> None:
    inside = view.in_shortcode
    view.shortcode_headings = [h for h in view.headings if inside(h.span)]
    view.headings = [h for h in view.headings if not inside(h.span)]
    view.emphasis_paragraphs = [p for p in view.emphasis_paragraphs if not inside(p.span)]
    view.code_fences = [f for f in view.code_fences if not inside(f.span)]


class _OpenLink(msgspec.Struct):
    """A link or image whose end event has not come yet."""

    kind: str  # "Link" or "Image"
    attrs: dict[str, Any]
    byte_range: ByteRange
    text: list[str] = msgspec.field(default_factory=list)
    has_content: bool = False


class _Paragraph:
    """Watches a paragraph's events while it may still be one emphasis run, or only images.

    ``see`` returns False once it can be neither, and the walk stops showing it
    events: most paragraphs open with text, which ends the watch at once.
    HTML comments, and the spaces around them, do not count (a trailing
    ``<!-- fmlint-disable-line … -->`` must not hide the run); a comment inside
    the run makes it running text, as in markdownlint.
    """

    __slots__ = ("bold", "depth", "emphasis", "image_depth", "images", "range", "start", "text")

    def __init__(self, start: int, byte_range: ByteRange | None) -> None:
        self.start = start  # the index of the Start event
        self.range = byte_range
        self.emphasis = _BEFORE
        self.bold = False  # the run is bold (strong), or has bold in it
        self.depth = 0
        self.text: list[str] = []
        self.images = True  # only images (and soft breaks or spaces between them) so far
        self.image_depth = 0

    def see(self, event: Any) -> bool:
        if self.emphasis is not _NO_RUN:
            self._see_emphasis(event)
        if self.images:
            self._see_images(event)
        return self.emphasis is not _NO_RUN or self.images

    def _see_emphasis(self, event: Any) -> None:
        state = self.emphasis
        if event in _EMPHASIS_STARTS:
            self.depth += 1
            self.emphasis = _IN_RUN if state is not _AFTER else _NO_RUN
            self.bold = self.bold or event == _STRONG_START
        elif event in _EMPHASIS_ENDS:
            self.depth -= 1
            if self.depth == 0:
                self.emphasis = _AFTER
        elif type(event) is dict and ("Text" in event or "Code" in event):
            text = event.get("Text") or event.get("Code") or ""
            if state is _IN_RUN:
                self.text.append(text)
            elif text.strip():
                self.emphasis = _NO_RUN
        elif state is _IN_RUN or not _is_comment(event):
            self.emphasis = _NO_RUN

    def _see_images(self, event: Any) -> None:
        tag = (event.get("Start") or event.get("End")) if type(event) is dict else None
        if tag is not None and _tag(tag) == "Image":
            self.image_depth += 1 if "Start" in event else -1
        elif self.image_depth == 0 and event != "SoftBreak" and not _is_blank(event):
            self.images = False

    @property
    def emphasis_text(self) -> str | None:
        """The run's text when the paragraph is one emphasis run, else None."""
        return "".join(self.text) if self.emphasis is _AFTER else None


# a _Paragraph's emphasis states: before the run, in it, after it, or not one run
_BEFORE, _IN_RUN, _AFTER, _NO_RUN = "before", "in", "after", "no"


class _Heading:
    """Collects a heading's plain text (inline markup removed), and where its code spans are when a dash run
    may need marking, and where Hugo's heading text drops some (:attr:`Heading.typographic`)."""

    __slots__ = ("code", "dashes", "level", "marks", "range", "text")

    def __init__(self, level: int, byte_range: ByteRange) -> None:
        self.level = level
        self.range = byte_range
        self.text: list[str] = []  # (with the marks of ``marks``)
        self.code: list[int] = []  # the parts of ``text`` that are code spans
        self.dashes = False  # a part outside code holds "--"
        self.marks = DropMarks()

    def see(self, event: Any) -> bool:
        if type(event) is dict:
            text = event.get("Text")
            if text:
                self.marks.text(text, self.text)
                self.dashes = self.dashes or "--" in text
            elif text := event.get("Code"):
                self.code.append(self.marks.element(text, self.text))
            elif "Start" in event or "End" in event:
                self.marks.event(event, self.text)
            elif "InlineHtml" in event or "FootnoteReference" in event or "InlineMath" in event:
                self.marks.element("", self.text)
        else:  # (a line break)
            self.marks.element("", self.text)
        return True

    def heading(self, span: Span, nested: bool) -> Heading:
        text = "".join(self.text)
        marked = self.marks.marked
        typographic = self.typographic() if self.dashes or marked else ""
        text = unmarked(text) if marked else text
        stripped = text.strip()
        spaced = stripped != text and any(
            self.text[part][:1].isspace() or self.text[part][-1:].isspace() for part in self.code
        )
        return Heading(self.level, stripped, span, nested, typographic, text if spaced else "")

    def typographic(self) -> str:
        """The text with each run of dashes outside code spans as a typographer reads it from the left: ``---``
        an em dash, then ``--`` an en dash (runs split over text events joined first)."""
        parts: list[str] = []
        run: list[str] = []
        for number, part in enumerate(self.text):
            if number in self.code:
                parts += [_dashes("".join(run)), part]
                run = []
            else:
                run.append(part)
        parts.append(_dashes("".join(run)))
        return "".join(parts).strip()


def _dashes(text: str) -> str:
    return text.replace("---", EM_DASH).replace("--", EN_DASH)


class _Walk:
    """One pass over pyromark's events, pulled one at a time: fills the element lists of a view.

    Nothing holds the events: what is kept while walking is bounded by the
    nesting depth (the open links and images, the open block) besides the
    extracted elements.  Byte ranges stay byte ranges until an element is
    extracted.  The loop runs for every event (about 300 in a 10 KB article),
    so the common events (text, paragraphs, list items) take the fewest steps:
    a paragraph is watched (:class:`_Paragraph`) only while it may be a lone
    emphasis run or a figure.
    """

    def __init__(self, view: MarkdownView, offsets: _Offsets, definitions: _Definitions) -> None:
        self.view = view
        self.offsets = offsets
        self.definitions = definitions
        self.figure_end = -2  # index of the End event of the last paragraph of only images
        self.pending: tuple[str, Span, bool] | None = None  # an emphasis paragraph right after a figure…
        self.pending_index = -2  # … and the index of the event after it (-1: a paragraph came next)

    def run(self, events: Iterable[RawEvent]) -> None:
        view, offsets = self.view, self.offsets
        links: list[_OpenLink] = []  # open links and images, innermost last
        # the open paragraph or heading while watched; _FIRST: a paragraph before its first inline
        watch: Any = None  # a _Paragraph, a _Heading, _FIRST or None
        paragraph: tuple[int, ByteRange] = (-1, {})  # the open paragraph's Start index and range
        block: ByteRange | None = None  # the open HTML block (leaf blocks do not nest)
        in_code = False  # in a code block
        containers = 0  # open block quotes, list items, footnotes, tables
        pending_at = -2  # self.pending_index, kept here
        runs = view.url_runs
        elements: list[tuple[str, int]] = []  # the open inline HTML elements: name, len(runs) at the tag
        # the current run of text from its first event with "http" in it (where a bare URL may start) to its last
        run_first: ByteRange | None = None
        run_last: ByteRange = {}
        index = -1
        for index, (event, byte_range) in enumerate(events):
            if type(event) is dict and "Text" in event:  # the most frequent event
                text = event["Text"]
                if links:
                    links[-1].text.append(text)
                    if not links[-1].has_content and text.strip():
                        links[-1].has_content = True
                elif run_first is not None:  # a run of text with a URL in it goes on
                    run_last = byte_range
                elif "http" in text and not in_code:  # a URL can only start in one text event
                    run_first = run_last = byte_range
                if watch is not None and (watch is _FIRST or not watch.see(event)):
                    if watch is _FIRST and text.startswith(_WRITERS) and not containers:  # (once a paragraph)
                        if text.startswith("--8"):  # (pymdownx.snippets: the site facts read the files named)
                            view.snippet_starts.append(self.offsets.span(byte_range).start)
                        elif text.startswith(_MARKDOWN_WRITERS):
                            view.writes_markdown = True
                        else:
                            view.colon_lines = True
                    watch = None  # most paragraphs open with text: neither one emphasis run nor a figure
                continue
            if run_first is not None:
                runs.append((run_first["start"], run_last["end"]))
                run_first = None
            if index == pending_at:
                self._after_pending(event)
                pending_at = self.pending_index
            if watch is _FIRST:
                watch = _Paragraph(*paragraph) if _opens_watch(event) else None
            if type(event) is not dict:  # SoftBreak, HardBreak, Rule
                if offsets.opens_with(byte_range["end"], ":"):  # (a break ends where the next line starts)
                    view.colon_lines = True
                if watch is not None and not watch.see(event):
                    watch = None
                continue
            tag = event.get("End")
            if tag is not None:
                kind = tag if type(tag) is str else next(iter(tag))
                role = _ROLES.get(kind)
                if role is _LEAF:
                    if kind == "Paragraph":
                        if type(watch) is _Paragraph or pending_at == -1:
                            self._end_paragraph(cast("_Paragraph | None", watch), index, containers > 0)
                            pending_at = self.pending_index
                    elif type(watch) is _Heading:
                        view.headings.append(watch.heading(offsets.block_span(watch.range), containers > 0))
                    elif block is not None:
                        self._end_html_block(offsets.block_span(block), containers > 0)
                    block = watch = None
                    in_code = False
                    elements.clear()
                    continue
                if watch is not None and not watch.see(event):
                    watch = None
                if role is _CONTAINER:
                    containers -= 1
                elif role is _LINK and links:
                    _end_link(view, offsets, links.pop(), self.definitions)
                continue
            if watch is not None and not watch.see(event):
                watch = None
            tag = event.get("Start")
            if tag is not None:
                attrs: Any
                kind, attrs = (tag, None) if type(tag) is str else next(iter(tag.items()))
                role = _ROLES.get(kind)
                if role is _LEAF:
                    if kind == "Paragraph":
                        watch, paragraph = _FIRST, (index, byte_range)
                    elif kind == "Heading":
                        watch = _Heading(int(attrs["level"][1:]), byte_range)
                    elif kind == "HtmlBlock":
                        block = byte_range
                    else:
                        in_code = True
                        if type(attrs) is dict and "Fenced" in attrs:
                            view.code_fences.append(_code_fence(view.doc, attrs["Fenced"], offsets.span(byte_range)))
                        else:
                            view.indented_code.append((offsets.span(byte_range), containers > 0))
                elif role is _CONTAINER:
                    containers += 1
                elif role is _LINK:
                    if links:
                        links[-1].has_content = True
                    links.append(_OpenLink(kind, cast("dict[str, Any]", attrs), byte_range))
                continue
            inline_html = event.get("InlineHtml")
            if links and (inline_html is not None or "Code" in event):
                links[-1].has_content = True
                links[-1].text.append(event.get("Code") or "")
            if inline_html is not None:
                span = offsets.span(byte_range)
                view.images.extend(_html_images(view.doc, span))
                view.html_comments.extend(_html_comments(view.doc, span))
                if "=" in inline_html:
                    view.html_ids += _html_ids(inline_html)
                    view.html_links += _html_links(view.doc, span)
                _inline_element(inline_html, elements, runs)
        if run_first is not None:
            runs.append((run_first["start"], run_last["end"]))
        if self.pending is not None:
            self._after_pending(None)

    def _end_paragraph(self, paragraph: _Paragraph | None, end: int, nested: bool) -> None:
        """Records a lone emphasis run or a figure (``paragraph`` is None when it is neither)."""
        if self.pending is not None and self.pending_index == -1:  # a caption when the next figure or title follows
            self._decide_caption(paragraph is not None and (paragraph.images or paragraph.emphasis_text is not None))
        if paragraph is None:
            return
        text = paragraph.emphasis_text
        if text is not None:
            assert paragraph.range is not None
            found = (text, self.offsets.block_span(paragraph.range), nested)
            if self.figure_end == paragraph.start - 1 and paragraph.bold:  # a caption unless body text follows
                self.pending, self.pending_index = found, end + 1  # decided by what comes next
            elif self.figure_end == paragraph.start - 1:  # an italic line under a picture: its caption
                self.view.emphasis_paragraphs.append(EmphasisParagraph(*found, caption=True))
            else:
                self.view.emphasis_paragraphs.append(EmphasisParagraph(*found))
        elif paragraph.images:
            self.figure_end = end

    def _after_pending(self, event: Any) -> None:
        """The event after an emphasis paragraph that follows a figure (``None``: the end of the body).

        It is the figure's caption unless body text comes next: not a heading,
        a rule, an HTML block or the end of its container, and when a paragraph
        follows, it is decided at that paragraph's end (see ``_end_paragraph``).
        """
        if event == _PARAGRAPH_START:
            self.pending_index = -1
        else:
            self._decide_caption(
                event is None or event == "Rule" or "End" in event or _tag(event["Start"]) in _NOT_BODY
            )

    def _decide_caption(self, caption: bool) -> None:
        assert self.pending is not None
        self.view.emphasis_paragraphs.append(EmphasisParagraph(*self.pending, caption=caption))
        self.pending, self.pending_index = None, -2

    def _end_html_block(self, span: Span, nested: bool) -> None:
        """Its images (a tag may span lines) and comments, and an emphasis run after leading comments."""
        view = self.view
        source = view.doc.source(span)
        view.images.extend(_html_images(view.doc, span))
        view.html_comments.extend(_html_comments(view.doc, span))
        if "=" in source:
            view.html_ids += _html_ids(source)
            view.html_links += _html_links(view.doc, span)
        leading = _LEADING_COMMENTS.match(source)
        if leading is not None:  # `<!-- c --> **Title**` is an HTML block to CommonMark; markdownlint sees the run
            run = _emphasis_only(source[leading.end() :])
            if run is not None:
                view.emphasis_paragraphs.append(EmphasisParagraph(run, span, nested))


# What a Start/End tag means to the walk (the others, e.g. List, Strong, Emphasis, are only passed on)
_LINK, _CONTAINER, _LEAF = "link", "container", "leaf"
_ROLES = {"Image": _LINK, "Link": _LINK} | dict.fromkeys(_CONTAINERS, _CONTAINER) | dict.fromkeys(_LEAF_BLOCKS, _LEAF)
_PARAGRAPH_START = {"Start": "Paragraph"}
_FIRST = object()  # a paragraph's watch before its first inline
# paragraphs that other files' Markdown replaces: pymdownx.snippets' `--8<--` (the parser may end a text at its
# `<`), mkdocstrings' `::: module`, mdx_include's and markdown-include's `{!file.md!}`; and those opening with `:`
# (see ``MarkdownView.colon_lines``)
_MARKDOWN_WRITERS = ("::: ", "{!")
_WRITERS = ("--8", *_MARKDOWN_WRITERS, ":")


_INLINE_TAG = lazy_pattern(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>")


def _inline_element(html: str, elements: list[tuple[str, int]], runs: list[tuple[int, int]]) -> None:
    """Follows inline HTML elements: text between ``<code>`` and ``</code>`` (any element closed in the
    paragraph) is the element's content, not running text, so its URLs are not bare (as in markdownlint)."""
    tag = _INLINE_TAG.match(html)
    if tag is None or html.endswith("/>"):
        return
    name = tag.group(2).lower()
    if not tag.group(1):
        elements.append((name, len(runs)))
        return
    for position in range(len(elements) - 1, -1, -1):
        if elements[position][0] == name:
            del runs[elements[position][1] :]
            del elements[position:]
            return


def _opens_watch(event: Any) -> bool:
    """Whether a paragraph's first inline may open one emphasis run or a figure (or is an HTML comment)."""
    if type(event) is not dict:
        return False
    start = event.get("Start")
    if start is None:
        return _is_comment(event)
    return start in ("Emphasis", "Strong") or (type(start) is dict and "Image" in start)


_NOT_BODY = frozenset({"Heading", "HtmlBlock"})


def _emphasis_only(text: str) -> str | None:
    """The text of ``text`` when it is one paragraph of one emphasis run, else None."""
    import pyromark

    events = pyromark.events(text, options=_options())
    if next(events, None) != _PARAGRAPH_START:
        return None
    paragraph = _Paragraph(0, None)
    for event in events:
        if event == {"End": "Paragraph"}:
            return paragraph.emphasis_text if next(events, None) is None else None
        paragraph.see(event)
    return None


def _tag(value: Any) -> str:
    return value if isinstance(value, str) else next(iter(value))


def _end_link(view: MarkdownView, offsets: _Offsets, link: _OpenLink, definitions: _Definitions) -> None:
    attrs = link.attrs
    reference = attrs["link_type"] != "Inline"
    # the partial must not hold the view: a view → image → place → view cycle would outlive the file
    place = Place(partial(_place, view.doc, offsets, link.byte_range, attrs, definitions))
    text = "".join(link.text)
    if link.kind == "Image":
        view.images.append(Image(attrs["dest_url"], text, "reference" if reference else "markdown", place))
    else:
        view.links.append(Link(attrs["dest_url"], text, reference, attrs["link_type"], link.has_content, place))


def _place(
    doc: Document, offsets: _Offsets, byte_range: ByteRange, attrs: dict[str, Any], definitions: _Definitions
) -> tuple[Span, Span]:
    span = offsets.span(byte_range)
    return span, _destination_span(doc, span, attrs, offsets, definitions)


class _Definitions:
    """The body's reference definitions (byte ranges by label), parsed on first use: only reference links need them."""

    __slots__ = ("_body", "_found")

    def __init__(self, body: str) -> None:
        self._body = body
        self._found: dict[str, Any] | None = None

    def get(self, label: str) -> ByteRange | None:
        if self._found is None:
            import pyromark

            self._found = {name: found["span"] for name, found in pyromark.reference_definitions(self._body).items()}
        return self._found.get(label.lower()) or self._found.get(label)


def _is_comment(event: Any) -> bool:
    return isinstance(event, dict) and str(event.get("InlineHtml", "")).startswith("<!--")


def _is_blank(event: Any) -> bool:
    return isinstance(event, dict) and "Text" in event and not event["Text"].strip()


def _code_fence(doc: Document, info: str, span: Span) -> CodeFence:
    source = doc.source(span)
    lines = source.splitlines()
    opener = lines[0].lstrip() if lines else ""
    fence = re.match(r"`{3,}|~{3,}", opener)
    length = len(fence.group()) if fence else 3
    char = opener[:1] or "`"
    closing = re.compile(rf"[ \t>]*{re.escape(char)}{{{length},}}[ \t]*")
    closed = len(lines) >= 2 and closing.fullmatch(lines[-1]) is not None
    first_line = len(lines[0].rstrip("\r")) if lines else 0
    return CodeFence(info.strip(), span, Span(span.start, span.start + first_line), closed)


_HTML_ID = lazy_pattern(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def _html_ids(html: str) -> list[str]:
    """The ``id`` (or an anchor's ``name``) of each tag in ``html``: what a ``#fragment`` may point at."""
    return [found for match in _HTML_ID.finditer(html) if (found := match.group(match.lastindex or 1))]


def _html_comments(doc: Document, span: Span) -> list[HtmlComment]:
    return [
        HtmlComment(match.group(1), Span(span.start + match.start(), span.start + match.end()))
        for match in _COMMENT.finditer(doc.source(span))
    ]


def _urls_in_run(doc: Document, offsets: _Offsets, start_byte: int, end_byte: int) -> Iterator[BareUrl]:
    start = offsets.char(start_byte)
    text = doc.text[start : offsets.char(end_byte)]
    for match in _BARE_URL.finditer(text):
        url = _trim_url(match.group())
        yield BareUrl(url, Span(start + match.start(), start + match.start() + len(url)))


def _trim_url(url: str) -> str:
    """Drop trailing sentence punctuation and an unbalanced closing parenthesis."""
    while url:
        if url[-1] in ".,;:!?'\"*_" or (url[-1] == ")" and url.count("(") < url.count(")")):
            url = url[:-1]
        else:
            break
    return url


def _destination_span(
    doc: Document, span: Span, attrs: dict[str, Any], offsets: _Offsets, definitions: _Definitions
) -> Span:
    """Where the destination is written: inside ``(…)`` or ``<…>`` (an autolink), or in the reference definition."""
    if attrs["link_type"] in ("Autolink", "Email"):
        return Span(span.start + 1, span.end - 1) if doc.source(span).startswith("<") else span
    if attrs["link_type"] != "Inline":
        byte_range = definitions.get(attrs["id"])
        if byte_range is None:
            return span
        definition = offsets.span(byte_range)
        text = doc.source(definition)
        match = re.match(r"\s*\[(?:[^\]\\]|\\.)*\]:\s*(<[^>]*>|\S+)", text)
        return _unbracketed(definition.start, match, 1) if match else definition
    text = doc.source(span)
    opener = _closing_bracket(text)
    if opener < 0:
        return span
    match = _INLINE_DESTINATION.match(text, opener)
    return _unbracketed(span.start, match, 1) if match else span


def _closing_bracket(text: str) -> int:
    """Index of the ``(`` right after the ``]`` that closes the link text, or -1."""
    close = text.find("]")
    if close > 0 and text.count("[", 0, close) == 1 and "\\" not in text[:close]:  # no nesting, no escapes
        return close + 1 if text.startswith("(", close + 1) else -1
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index + 1 if text.startswith("(", index + 1) else -1
        index += 1
    return -1


def _unbracketed(base: int, match: re.Match[str], group: int) -> Span:
    start, end = match.start(group), match.end(group)
    if match.group(group).startswith("<"):
        start, end = start + 1, end - 1
    return Span(base + start, base + end)


def _html_images(doc: Document, span: Span) -> list[Image]:
    images = []
    text = doc.source(span)
    for tag in _IMG_TAG.finditer(text):
        src = _attribute(_SRC, tag, span.start)
        if src is None:
            continue
        alt, hidden = _attribute(_ALT, tag, span.start), _attribute(_ARIA_HIDDEN, tag, span.start)
        tag_span = Span(span.start + tag.start(), span.start + tag.end())
        place = Place(spans=(tag_span, src[1]))
        hidden_value = "" if hidden is None else hidden[0]
        images.append(Image(src[0], None if alt is None else alt[0], "html", place, hidden_value.lower() == "true"))
    return images


def _attribute(pattern: re.Pattern[str], tag: re.Match[str], base: int) -> tuple[str, Span] | None:
    """The value of the attribute ``pattern`` (one of ``_ATTRIBUTE``'s) finds in the HTML ``tag``, found in a
    text starting at the offset ``base``, and the span of that value; ``None`` without the attribute."""
    found = pattern.search(tag.group())
    if found is None:
        return None
    group = found.lastgroup or "bare"
    start = base + tag.start() + found.start(group)
    return found.group(group), Span(start, start + len(found.group(group)))


def _html_links(doc: Document, span: Span) -> list[tuple[str, Span]]:
    """The ``href`` of each ``<a>`` tag in ``span`` but those in comments (grpc.io's ``<!-- <a href> -->``: no
    link), with the span of its value."""
    links = []
    text = doc.source(span)
    comments = [comment.span() for comment in _COMMENT.finditer(text)] if "<!--" in text else []
    for tag in _A_TAG.finditer(text):
        if any(start <= tag.start() < end for start, end in comments):
            continue
        href = _attribute(_HREF, tag, span.start)
        if href is not None:
            links.append(href)
    return links


def level_before(view: MarkdownView, offset: int) -> int | None:
    """The level of the last heading of the outline before ``offset`` (the context of a heading a fix writes there)."""
    levels = [heading.level for heading in view.outline if heading.span.end <= offset]
    return levels[-1] if levels else None


_ATX_MARKS = lazy_pattern(r"[ ]{0,3}(#{1,6})")
_SETEXT_LEVEL1 = lazy_pattern(r"[ ]{0,3}(=+)[ \t]*\r?$")


def heading_level_edit(doc: Document, heading: Heading, level: int) -> Edit | None:
    """The edit that makes ``heading`` a level-``level`` heading: its ``#`` marks rewritten, or a setext
    level-1 underline (``===``) turned into a level-2 one (``---``); ``None`` for what a setext heading cannot be."""
    source = doc.source(heading.span)
    atx = _ATX_MARKS.match(source)
    if atx is not None:
        return Edit(heading.span.start + atx.start(1), heading.span.start + atx.end(1), "#" * level)
    underline_start = source.rfind("\n", 0, len(source.rstrip("\r\n")))
    setext = _SETEXT_LEVEL1.match(source, underline_start + 1)
    if setext is None or level != 2:
        return None
    marks = setext.span(1)
    return Edit(heading.span.start + marks[0], heading.span.start + marks[1], "-" * (marks[1] - marks[0]))

"""The Markdown body behind one small interface (so the parser can change).

The body is parsed with pyromark (pulldown-cmark, CommonMark), whose events
carry UTF-8 byte ranges into the body.  This module is the one place where
those ranges become :class:`Span` s of the whole document: byte offsets are
turned into character offsets and the body's start is added here, never in a
rule.  Rules read the extracted elements (``images``, ``links``, ``headings``,
``code_fences``, …) or walk ``events``.  pyromark was measured against
markdown-it-py and markdown-it-pyrs (``benchmarks/parsers.py``) and is the
fastest of the three that gives source positions.

Hugo shortcodes are not Markdown: ``view.shortcodes`` holds the spans of their
tags (``{{< … >}}``, ``{{% … %}}``) and of the inner content of paired
``{{< name >}}…{{< /name >}}`` shortcodes, which Hugo hands to the shortcode
unrendered, and of Jekyll's Liquid ``{% highlight %}``, ``{% raw %}`` and
``{% comment %}`` blocks.  Headings, emphasis paragraphs, code fences and bare
URLs found there are dropped from the view.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, Literal, TypeVar, cast

import msgspec
import pyromark

from fmlint.document import Document
from fmlint.positions import Place, Span

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH | pyromark.Options.ENABLE_FOOTNOTES
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = r"""\b{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
_SRC = re.compile(_ATTRIBUTE.format(name="src"), re.IGNORECASE)
_ALT = re.compile(_ATTRIBUTE.format(name="alt"), re.IGNORECASE)

# "(" then an optional "<…>" destination or one without spaces (balanced parentheses allowed)
_INLINE_DESTINATION = re.compile(r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_URL_START = re.compile(rb"https?://")
_BARE_URL = re.compile(r"https?://[\\A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_SHORTCODE = re.compile(r"\{\{<.{0,4000}?>\}\}|\{\{%.{0,4000}?%\}\}", re.DOTALL)
_SHORTCODE_OPENER = re.compile(r"\{[{%]")
_SHORTCODE_NAME = re.compile(r"\{\{[<%]\s*(/?)\s*([^\s/%>]+)")
_LIQUID_BLOCK = re.compile(r"\{%-?\s*(highlight|raw|comment)\b.*?\{%-?\s*end\1\s*-?%\}", re.DOTALL)
_CONTAINERS = frozenset({"BlockQuote", "Item", "FootnoteDefinition", "Table"})
_LEAF_BLOCKS = frozenset({"Heading", "Paragraph", "CodeBlock", "HtmlBlock"})
_EMPHASIS_STARTS = ({"Start": "Emphasis"}, {"Start": "Strong"})
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


class Link(_Placed, msgspec.Struct, frozen=True):
    url: str
    text: str
    reference: bool  # not an inline ``[text](url)`` (a reference, or an autolink)
    link_type: str  # pulldown-cmark's: Inline, Reference, Collapsed, Shortcut, Autolink, Email, …
    has_content: bool  # text, code, an image or HTML between the brackets
    place: Place


class Heading(msgspec.Struct, frozen=True, gc=False):
    level: int  # 1 to 6
    text: str  # the plain text (inline markup removed)
    span: Span  # the whole heading (both lines of a setext heading)
    nested: bool = False  # inside a block quote, list item or footnote: not part of the article's outline


class EmphasisParagraph(msgspec.Struct, frozen=True, gc=False):
    """A one-line paragraph that is only one bold or italic run of plain text."""

    text: str
    span: Span
    nested: bool  # inside a block quote, list item, table or footnote
    caption: bool = False  # right after a paragraph of only images: a figure caption


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


@dataclass
class MarkdownView:
    """The parsed body: raw events plus the elements rules ask for."""

    doc: Document
    images: list[Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)  # all, nested ones included (see ``outline``)
    shortcode_headings: list[Heading] = field(default_factory=list)  # inside shortcodes (Hugo may render them)
    emphasis_paragraphs: list[EmphasisParagraph] = field(default_factory=list)
    code_fences: list[CodeFence] = field(default_factory=list)
    html_comments: list[HtmlComment] = field(default_factory=list)
    shortcodes: list[Span] = field(default_factory=list)
    # pyromark's events with their byte ranges in the body; ``events`` converts them on first use
    raw_events: list[RawEvent] = field(default_factory=list, repr=False)
    offsets: _Offsets | None = field(default=None, repr=False)

    @cached_property
    def events(self) -> list[tuple[Any, Span]]:
        """Every event with its document span (converted only when asked for: no rule walks them today)."""
        offsets = self.offsets
        return [] if offsets is None else [(event, offsets.span(byte_range)) for event, byte_range in self.raw_events]

    @cached_property
    def bare_urls(self) -> list[BareUrl]:
        """``http(s)://`` URLs in running text outside links, code and shortcodes (found on first use)."""
        if self.offsets is None:
            return []
        return [url for url in _bare_urls(self.doc, self.raw_events, self.offsets) if not self.in_shortcode(url.span)]

    @property
    def outline(self) -> list[Heading]:
        """The article's own headings: those not inside a quote, list item or footnote."""
        return [heading for heading in self.headings if not heading.nested]

    def outside_shortcodes(self, elements: list[_Element]) -> Iterable[_Element]:
        """The links or images of ``elements`` that are not inside a shortcode (placed only when there are some)."""
        return elements if not self.shortcodes else [e for e in elements if not self.in_shortcode(e.span)]

    def in_shortcode(self, span: Span) -> bool:
        """Whether ``span`` starts inside a Hugo shortcode tag or a ``{{< >}}`` shortcode's content."""
        index = bisect_right(self.shortcodes, span.start, key=lambda s: s.start) - 1
        return index >= 0 and self.shortcodes[index].start <= span.start < self.shortcodes[index].end


class _Offsets:
    """UTF-8 byte offsets in the body → character offsets in the document.

    Only the offsets of elements that are extracted are converted, on demand.
    A pure-ASCII body needs no table; otherwise each converted offset is kept
    as a checkpoint and a new one decodes (in C) only the bytes from the
    nearest checkpoint before it, so converting in reading order costs one
    pass over the body.  The parser's offsets are character boundaries.
    """

    def __init__(self, body: str, base: int) -> None:
        self.base = base
        self.data: bytes | None = None if body.isascii() else body.encode("utf-8")
        self.bytes = [0]  # checkpoints, sorted: byte offset → character offset
        self.chars = [0]

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


def parse_markdown(doc: Document) -> MarkdownView:
    if not doc.markdown:  # unreadable, or too much markup to parse (see fmlint.document)
        return MarkdownView(doc)
    body = doc.body
    offsets = _Offsets(body, doc.body_start)
    view = MarkdownView(
        doc,
        raw_events=cast("list[RawEvent]", list(pyromark.events_with_range(body, options=_OPTIONS))),
        offsets=offsets,
    )
    _collect(view, offsets, _Definitions(body))
    view.shortcodes = _shortcodes(body, doc.body_start) if _SHORTCODE_OPENER.search(body) else []
    if view.shortcodes:
        _drop_shortcode_content(view)
    return view


def _shortcodes(body: str, base: int) -> list[Span]:
    """Shortcode tags, paired ``{{< >}}`` shortcodes' content and Liquid code blocks, sorted and merged."""
    spans: list[Span] = []
    opened: list[tuple[str, re.Match[str]]] = []
    for tag in _SHORTCODE.finditer(body):
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
                if opening.group().startswith("{{<"):
                    spans.append(Span(base + opening.end(), base + tag.start()))
                break
    spans += [Span(base + block.start(), base + block.end()) for block in _LIQUID_BLOCK.finditer(body)]
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


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


def _collect(view: MarkdownView, offsets: _Offsets, definitions: _Definitions) -> None:
    """One pass over the events: fills the element lists of ``view`` (bare URLs are found on demand).

    Byte ranges stay byte ranges until an element is extracted.  The loop
    runs for every event (about 300 in a 10 KB article), so the common events
    (text, paragraphs, list items) take the fewest steps.
    """
    doc = view.doc
    events = view.raw_events
    links: list[_OpenLink] = []  # open links and images, innermost last
    blocks: list[tuple[str, int, ByteRange]] = []  # open leaf blocks: kind, index of the Start event, range
    containers = 0  # open block quotes, list items, footnotes, tables
    previous_paragraph = (-1, -1)  # the Start and End events of the last paragraph
    for index, (event, byte_range) in enumerate(events):
        if type(event) is not dict:  # SoftBreak, HardBreak, Rule
            continue
        if "Text" in event:  # the most frequent event
            if links and event["Text"]:
                links[-1].has_content = True
                links[-1].text.append(event["Text"])
            continue
        tag = event.get("Start")
        if tag is not None:
            kind, attrs = (tag, None) if type(tag) is str else next(iter(tag.items()))
            role = _ROLES.get(kind)
            if role is _LEAF:
                blocks.append((kind, index, byte_range))
                if type(attrs) is dict and "Fenced" in attrs:
                    view.code_fences.append(_code_fence(doc, attrs["Fenced"], offsets.span(byte_range)))
            elif role is _CONTAINER:
                containers += 1
            elif role is _LINK:
                if links:
                    links[-1].has_content = True
                links.append(_OpenLink(kind, cast("dict[str, Any]", attrs), byte_range))
            continue
        tag = event.get("End")
        if tag is not None:
            kind = tag if type(tag) is str else next(iter(tag))
            role = _ROLES.get(kind)
            if role is _LEAF and blocks and blocks[-1][0] == kind:
                block = blocks.pop()
                # most paragraphs open with text, a link or an image: only those opening with emphasis
                # (one emphasis run?) or HTML (a comment?) are examined
                first = events[block[1] + 1][0]
                if kind != "Paragraph" or (
                    type(first) is dict and (first in _EMPHASIS_STARTS or "InlineHtml" in first)
                ):
                    _end_block(view, offsets, block, index, containers > 0, previous_paragraph)
                if kind == "Paragraph":
                    previous_paragraph = (block[1], index)
            elif role is _CONTAINER:
                containers -= 1
            elif role is _LINK and links:
                _end_link(view, offsets, links.pop(), definitions)
            continue
        if links:
            text = event.get("Code")
            html = event.get("Html") or event.get("InlineHtml")
            if text is not None or html is not None:
                links[-1].has_content = True
                links[-1].text.append(text or "")
        if "Html" in event or "InlineHtml" in event:
            span = offsets.span(byte_range)
            view.images.extend(_html_images(doc, span))
            if "InlineHtml" in event:
                view.html_comments.extend(_html_comments(doc, span))


# What a Start/End tag means to the collector (the others, e.g. List, Strong, Emphasis, are only passed)
_LINK, _CONTAINER, _LEAF = "link", "container", "leaf"
_ROLES = {"Image": _LINK, "Link": _LINK} | dict.fromkeys(_CONTAINERS, _CONTAINER) | dict.fromkeys(_LEAF_BLOCKS, _LEAF)


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
            self._found = {name: found["span"] for name, found in pyromark.reference_definitions(self._body).items()}
        return self._found.get(label.lower()) or self._found.get(label)


def _end_block(
    view: MarkdownView,
    offsets: _Offsets,
    block: tuple[str, int, ByteRange],
    end: int,
    nested: bool,
    previous_paragraph: tuple[int, int],
) -> None:
    kind, start, byte_range = block
    events = view.raw_events
    if kind == "Heading":
        level = int(events[start][0]["Start"]["Heading"]["level"][1:])
        inner = events[start + 1 : end]
        text = "".join(event.get("Text") or event.get("Code") or "" for event, _ in inner if isinstance(event, dict))
        view.headings.append(Heading(level, text.strip(), offsets.span(byte_range), nested))
    elif kind == "Paragraph":
        emphasis = _emphasis_only(events[start + 1 : end])
        if emphasis is not None:
            span = offsets.span(byte_range)
            caption = previous_paragraph[1] == start - 1 and _only_images(events[previous_paragraph[0] + 1 : start - 1])
            view.emphasis_paragraphs.append(EmphasisParagraph(emphasis, span, nested, caption))
    elif kind == "HtmlBlock":
        view.html_comments.extend(_html_comments(view.doc, offsets.span(byte_range)))


def _only_images(paragraph: list[RawEvent]) -> bool:
    """Whether a paragraph's events are only images (a figure, which the next paragraph may caption)."""
    depth = 0
    for event, _ in paragraph:
        if isinstance(event, dict) and _tag(event.get("Start") or event.get("End") or "") == "Image":
            depth += 1 if "Start" in event else -1
        elif (
            depth == 0
            and event != "SoftBreak"
            and not (isinstance(event, dict) and str(event.get("Text", "x")).isspace())
        ):
            return False
    return True


def _emphasis_only(inner: list[RawEvent]) -> str | None:
    """The text of a paragraph that is one emphasis/strong run of plain text, else None.

    HTML comments and the spaces around them do not count (a trailing
    ``<!-- fmlint-disable-line … -->`` must not hide the run).
    """
    inner = [item for item in inner if not _is_comment(item[0])]
    while inner and _is_blank(inner[-1][0]):
        inner.pop()
    if not inner or inner[0][0] not in _EMPHASIS_STARTS:
        return None
    depth = 0
    text: list[str] = []
    for position, (event, _) in enumerate(inner):
        if event in _EMPHASIS_STARTS:
            depth += 1
        elif event in _EMPHASIS_ENDS:
            depth -= 1
            if depth == 0 and position != len(inner) - 1:
                return None
        elif isinstance(event, dict) and ("Text" in event or "Code" in event):
            text.append(event.get("Text") or event.get("Code") or "")
        else:  # a line break, link, image or HTML: not a plain one-line run
            return None
    return "".join(text)


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


def _html_comments(doc: Document, span: Span) -> list[HtmlComment]:
    return [
        HtmlComment(match.group(1), Span(span.start + match.start(), span.start + match.end()))
        for match in _COMMENT.finditer(doc.source(span))
    ]


def _bare_urls(doc: Document, events: list[RawEvent], offsets: _Offsets) -> Iterator[BareUrl]:
    """Bare URLs in each run of consecutive text events (escapes included) outside links and code blocks."""
    data = doc.body.encode() if offsets.data is None else offsets.data
    if _URL_START.search(data) is None:
        return
    depth = 0  # open links, images and code blocks
    run_start = run_end = -1  # bytes of the current run of text
    for event, byte_range in events:
        if type(event) is dict and "Text" in event and depth == 0:
            if run_start < 0:
                run_start = byte_range["start"]
            run_end = byte_range["end"]
            continue
        if run_start >= 0:
            yield from _urls_in_run(doc, offsets, data, run_start, run_end)
            run_start = -1
        tag = (event.get("Start") or event.get("End")) if type(event) is dict else None
        if tag is not None and _tag(tag) in ("Link", "Image", "CodeBlock"):
            depth += 1 if "Start" in event else -1
    if run_start >= 0:
        yield from _urls_in_run(doc, offsets, data, run_start, run_end)


def _urls_in_run(doc: Document, offsets: _Offsets, data: bytes, start_byte: int, end_byte: int) -> Iterator[BareUrl]:
    if _URL_START.search(data, start_byte, end_byte) is None:
        return
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
    """Where the destination is written: inside ``(…)``, or in the reference definition."""
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
        src = _SRC.search(tag.group())
        if src is None:
            continue
        group = src.lastgroup or "bare"
        start = span.start + tag.start() + src.start(group)
        alt = _ALT.search(tag.group())
        alt_text = None if alt is None else alt.group(alt.lastgroup or "bare")
        tag_span = Span(span.start + tag.start(), span.start + tag.end())
        place = Place(spans=(tag_span, Span(start, start + len(src.group(group)))))
        images.append(Image(src.group(group), alt_text, "html", place))
    return images

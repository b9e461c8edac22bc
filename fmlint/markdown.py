"""The Markdown body behind one small interface (so the parser can change).

The body is parsed with pyromark (pulldown-cmark, CommonMark), whose events
carry UTF-8 byte ranges into the body.  This module is the one place where
those ranges become :class:`Span` s of the whole document: byte offsets are
turned into character offsets and the body's start is added here, never in a
rule.  Rules read the extracted elements (``images``, ``links``, …) or walk
``events`` with ``span_of``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

import pyromark

from fmlint.document import Document
from fmlint.positions import Span

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH | pyromark.Options.ENABLE_FOOTNOTES
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = r"""\b{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
_SRC = re.compile(_ATTRIBUTE.format(name="src"), re.IGNORECASE)
_ALT = re.compile(_ATTRIBUTE.format(name="alt"), re.IGNORECASE)

# "(" then an optional "<…>" destination or one without spaces (balanced parentheses allowed)
_INLINE_DESTINATION = re.compile(r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")

ImageSource = Literal["markdown", "reference", "html"]


@dataclass(frozen=True, slots=True)
class Image:
    url: str
    alt: str | None  # None: an HTML <img> without an alt attribute
    span: Span  # the whole image syntax
    url_span: Span  # the destination as written (in a reference definition for reference images)
    source: ImageSource


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    span: Span
    url_span: Span
    reference: bool


@dataclass
class MarkdownView:
    """The parsed body: raw events plus the elements rules ask for."""

    doc: Document
    events: list[tuple[Any, Span]] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


class _Offsets:
    """UTF-8 byte offsets in the body → character offsets in the document."""

    def __init__(self, body: str, base: int) -> None:
        self.base = base
        self.ascii = body.isascii()
        if not self.ascii:
            self.byte_starts: list[int] = []
            position = 0
            for char in body:
                self.byte_starts.append(position)
                position += len(char.encode("utf-8"))

    def char(self, byte_offset: int) -> int:
        if self.ascii:
            return self.base + byte_offset
        return self.base + bisect_right(self.byte_starts, byte_offset - 1) if byte_offset else self.base

    def span(self, byte_range: dict[str, int]) -> Span:
        return Span(self.char(byte_range["start"]), self.char(byte_range["end"]))


def parse_markdown(doc: Document) -> MarkdownView:
    body = doc.body
    offsets = _Offsets(body, doc.body_start)
    view = MarkdownView(doc)
    view.events = [(event, offsets.span(byte_range)) for event, byte_range in pyromark.events_with_range(body, options=_OPTIONS)]
    definitions = {
        label: offsets.span(definition["span"]) for label, definition in pyromark.reference_definitions(body).items()
    }
    _collect(view, definitions)
    return view


def _collect(view: MarkdownView, definitions: dict[str, Span]) -> None:
    doc = view.doc
    stack: list[tuple[str, dict[str, Any], Span, list[str]]] = []
    for event, span in view.events:
        if isinstance(event, dict) and "Start" in event and isinstance(event["Start"], dict):
            kind = next(iter(event["Start"]))
            if kind in ("Image", "Link"):
                stack.append((kind, event["Start"][kind], span, []))
                continue
        if isinstance(event, dict) and "End" in event and event["End"] in ("Image", "Link") and stack:
            kind, attrs, start_span, text = stack.pop()
            reference = attrs["link_type"] != "Inline"
            url_span = _destination_span(doc, start_span, attrs, definitions)
            if kind == "Image":
                source: ImageSource = "reference" if reference else "markdown"
                view.images.append(Image(attrs["dest_url"], "".join(text), start_span, url_span, source))
            else:
                view.links.append(Link(attrs["dest_url"], "".join(text), start_span, url_span, reference))
            continue
        if isinstance(event, dict):
            text_value = event.get("Text") or event.get("Code")
            if text_value is not None and stack:
                stack[-1][3].append(text_value)
            html = event.get("Html") or event.get("InlineHtml")
            if html is not None:
                view.images.extend(_html_images(doc, span))


def _destination_span(doc: Document, span: Span, attrs: dict[str, Any], definitions: dict[str, Span]) -> Span:
    """Where the destination is written: inside ``(…)``, or in the reference definition."""
    if attrs["link_type"] != "Inline":
        definition = definitions.get(attrs["id"].lower()) or definitions.get(attrs["id"])
        if definition is None:
            return span
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
        images.append(Image(src.group(group), alt_text, tag_span, Span(start, start + len(src.group(group))), "html"))
    return images

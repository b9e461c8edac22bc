"""MDX bodies read the way MDX reads them, for the CommonMark parser.

In MDX, ESM ``import``/``export`` blocks, JSX tags (``<Tabs>``, ``</TabItem>``,
``<img src={x} />``) and ``{…}`` expressions are JavaScript, not Markdown, and
the children of a JSX element are Markdown again.  :func:`masked_body`
replaces that JavaScript by spaces, keeping every line break, so the body
keeps its length and every character its offset: the CommonMark parser then
sees the Markdown between the tags (a fence inside ``<TabItem>`` closes where
it closes; a tag line is a blank line, not the start of an HTML block that
swallows what follows) and every span it gives is a span of the real file.
Fenced code, inline code, link destinations and autolinks are left alone.
A ``{/* comment */}`` written with a space after ``/*`` becomes an HTML
comment of the same length, so ``{/* fmlint-disable-next-line MD001 */}``
suppresses like ``<!-- … -->``.

What the masked body loses is given back to the view (:func:`parse`): images
of JSX ``<img>`` and ``<Image>`` tags with a string ``src`` (``src={…}`` is
code, never a URL, and is not checked), the string ``href`` of JSX tags (links
for the site rules) and their string ``id``/``name`` (link targets), and
``<h1>``…``<h6>`` written on a line of their own, which are headings of the
rendered page.

MDX has no indented code: the children of a JSX element indented under its
tags are Markdown (``<Step>`` then ``    ## Install``: a heading).  The blocks
CommonMark reads as indented code are parsed again, dedented, and their
headings, links and images join the view at their places in the file (a
fenced block that CommonMark misreads because of the indentation is blanked,
see :func:`parse`).  A difference from MDX left: a tag on its own line always
ends a paragraph.  The scan is linear: each bracket's
match and each paragraph's end is looked for once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from typing import TYPE_CHECKING

import msgspec

from fmlint.positions import Dedented, Place, Span, line_end, line_start
from fmlint.regex import lazy_pattern

if TYPE_CHECKING:
    from fmlint.document import Document
    from fmlint.markdown import Heading, Image, MarkdownView

_FENCE = lazy_pattern(r"[ \t>]*(`{3,}|~{3,})")
_ESM = lazy_pattern(r"(?:import|export)(?=[\s{*])")
_TAG_NAME = lazy_pattern(r"[A-Za-z_$][\w$.:-]*")
_ATTRIBUTE_NAME = lazy_pattern(r"[A-Za-z_$:][\w$.:-]*")
_IMAGE_TAGS = ("img", "Image")
_MAX_PASSES = 3  # parses of one body: blanking misread fences seldom needs a second round
_HEADING_TAG = lazy_pattern(r"h([1-6])")
_CLOSERS = {"{": "}", "(": ")", "[": "]"}
_BACKTICKS = lazy_pattern(r"`+")
_SPACE = lazy_pattern(r"\s*")
_NOT_LINE_BREAK = lazy_pattern(r"[^\r\n]")
_SPECIAL = lazy_pattern(r"[\\`\]{<]")
# "](destination" of an inline link or image, and <scheme:…> / <a@b.example> autolinks: Markdown, not JSX
_DESTINATION = lazy_pattern(r"\]\(\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_AUTOLINK = lazy_pattern(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w.-]+)>")
_BLANK_LINE = lazy_pattern(r"\n[ \t]*\r?\n")
# a line that may open a fence or ESM, or a character that may start JSX, an expression or what skips them
_INTERESTING = lazy_pattern(r"^[ \t>]*(?:`{3,}|~{3,})|^(?:import|export)(?=[\s{*])|[\\`\]{<]", re.MULTILINE)
# what may come before a tag that leads its line: indentation, block quote markers, a list item's marker
_LEADING = lazy_pattern(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
WORD_JOINER = "\u2060"
_HEADING_OPENING = lazy_pattern(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?#{1,6}[ \t]")  # an ATX heading's line
_FENCE_LINE = lazy_pattern(r"^[ \t>]*(`{3,}|~{3,})[ \t]*\r?$", re.MULTILINE)  # a closing fence, if long enough


class JsxAttribute(msgspec.Struct, frozen=True):
    name: str
    value: str | None  # the string value, or the expression's source with its braces; None: no value
    span: Span  # of the value (inside the quotes), relative to the body
    expression: bool


class JsxTag(msgspec.Struct, frozen=True):
    name: str
    closing: bool  # </Name>
    span: Span  # relative to the body
    attributes: tuple[JsxAttribute, ...]


def parse(doc: Document, parse_markdown: Callable[[Document], MarkdownView]) -> MarkdownView:
    """The Markdown view of an MDX document: the masked body parsed, plus the images and headings of JSX tags.

    A fenced code block that CommonMark reads otherwise than MDX (indented
    four spaces more than its list item, so indented code to CommonMark; a
    closing fence indented further than CommonMark allows) is blanked whole
    and the body parsed again: it is code either way, and its closing fence no
    longer opens a fence that is never closed.
    """
    scan = masked_body(doc.body)
    body = scan.body
    for _ in range(_MAX_PASSES):
        view = parse_markdown(_with_body(doc, body))
        misread = _misread_fences(doc, scan.fences, view)
        if not misread:
            break
        for start, end in misread:
            body = body[:start] + blanked(body[start:end]) + body[end:]
    if view.indented_code:
        _read_indented(_with_body(doc, body), view, parse_markdown, _MAX_DEPTH)
    # (a heading's text without its JSX tags, their children's text kept: `### `x` <div>iOS</div>` is "x iOS", and
    # Docusaurus's ID `x-ios`, as mdast's text of it; a space before a tag stays, `## A <B />`: `a-`)
    view.headings = [
        msgspec.structs.replace(h, text=h.text.replace(WORD_JOINER, "")) if WORD_JOINER in h.text else h
        for h in view.headings
    ]
    view.images.extend(_images(scan.tags, doc.body_start))
    view.html_links = _links(scan.tags, doc.body_start)
    view.html_ids += _ids(scan.tags)
    view.images.sort(key=lambda image: image.span.start)
    view.mdx_partials = _partials(scan)
    view.headings.extend(_headings(scan, doc.body_start))
    view.headings.sort(key=lambda heading: heading.span.start)
    view.shortcode_openings = view.liquid_openings = view.attribute_openings = (
        None  # found in the masked body, not in the document's text
    )
    return view


def _read_indented(
    doc: Document, view: MarkdownView, parse_markdown: Callable[[Document], MarkdownView], depth: int
) -> None:
    """The headings, links and images of ``view``'s indented code blocks (of the masked ``doc``), which MDX reads
    as Markdown, added to it: each block is parsed again with its lines dedented (a block indented deeper inside
    it too, ``depth`` levels down), their spans mapped back to the file."""
    text = doc.text
    for block, nested in view.indented_code:
        start = line_start(text, block.start)
        place = Dedented(text[start : block.end], start)
        if place.tabbed:
            continue  # (tabs: columns this dedent does not count)
        # (the block alone, a document of its own: parsing it beside the body before it would cost each block the
        # whole body)
        block_doc = msgspec.structs.replace(doc, text=place.text, body_start=0)
        inner = parse_markdown(block_doc)
        if depth > 1 and inner.indented_code:
            _read_indented(block_doc, inner, parse_markdown, depth - 1)
        view.headings += [
            msgspec.structs.replace(h, span=place.span(h.span), nested=nested or h.nested) for h in inner.headings
        ]
        view.links += [msgspec.structs.replace(link, place=place.place(link.place)) for link in inner.links]
        view.images += [msgspec.structs.replace(image, place=place.place(image.place)) for image in inner.images]
    view.headings.sort(key=lambda heading: heading.span.start)
    view.links.sort(key=lambda link: link.span.start)
    view.images.sort(key=lambda image: image.span.start)


_MAX_DEPTH = 4  # JSX elements indented inside each other: ``<Steps>``, ``<Step>``, ``<Tabs>``, ``<TabItem>``


def _misread_fences(doc: Document, fences: list[tuple[Span, Span | None]], view: MarkdownView) -> list[tuple[int, int]]:
    """The body ranges of the closed MDX fences that the view does not have as the same fence."""
    lines = doc.lines
    parsed = {
        lines.line_of(fence.opening.start): lines.lines_of(fence.span)[1] for fence in view.code_fences if fence.closed
    }
    base = doc.body_start
    return [
        (opener.start, closer.end)
        for opener, closer in fences
        if closer is not None and parsed.get(lines.line_of(base + opener.start)) != lines.line_of(base + closer.start)
    ]


def _with_body(doc: Document, body: str) -> Document:
    return msgspec.structs.replace(doc, text=doc.text[: doc.body_start] + body, mdx=False)


class Scan(msgspec.Struct):
    body: str  # masked
    tags: list[JsxTag]
    fences: list[tuple[Span, Span | None]]  # fenced code as MDX reads it: the opening and closing lines (no break)
    esm: list[str] = msgspec.field(default_factory=list)  # the text of each ESM block


# a default import of a Markdown file: `import Prune from './_prune.mdx';`
_MARKDOWN_IMPORT = lazy_pattern(r"""\bimport\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"]+\.mdx?)\2""")
MARKDOWN_PARTIALS = (".md", ".mdx")  # the partials' extensions, as ``_MARKDOWN_IMPORT`` reads them
# a component the project holds, imported by default or by name: `import ApiEndpoint from '@site/static/x.jsx'`,
# `import {Card} from '../components/Card'` (not a package's: `@theme/Tabs`)
_COMPONENT_IMPORT = lazy_pattern(
    r"""\bimport\s+(?:([A-Za-z_$][\w$]*)|\{([^{}]*)\})\s+from\s+(['"])((?:\.{1,2}/|@site/)[^'"]+)\3"""
)


def _partials(scan: Scan) -> list[str]:
    """The Markdown files the ESM imports as components that a JSX tag shows (``<Prune />``): their headings are
    the page's (Docusaurus's and Astro's partials); the project's own components (JavaScript) that a tag
    shows, which may give elements IDs (home-assistant's ``<ApiEndpoint>``); and, by name alone, the components
    a tag shows that the ESM does not name (no path in it: Docusaurus's global ones, ``SiteIndex.included``)."""
    shown = {tag.name for tag in scan.tags if not tag.closing}
    found = [
        found.group(3) for block in scan.esm for found in _MARKDOWN_IMPORT.finditer(block) if found.group(1) in shown
    ]
    found += _component_imports(scan.esm, shown)
    named = {name for block in scan.esm for name in _IDENTIFIER.findall(block)}
    return found + sorted(name for name in shown - named if name[:1].isupper() and "." not in name)


def _component_imports(esm: list[str], shown: Container[str]) -> list[str]:
    """The paths of the project's own modules (not Markdown) that the ``esm`` blocks import as a name of
    ``shown``."""
    return [
        path
        for block in esm
        for names, path in _project_imports(block)
        if not path.lower().endswith(MARKDOWN_PARTIALS) and any(name in shown for name in names)
    ]


_IDENTIFIER = lazy_pattern(r"[A-Za-z_$][\w$]*")


def imported_modules(text: str) -> dict[str, str]:
    """Each name the JavaScript ``text`` imports from a Markdown file or from one of the project's own modules,
    and the path it imports it from."""
    found = {match.group(1): match.group(3) for match in _MARKDOWN_IMPORT.finditer(text)}
    for names, path in _project_imports(text):
        found.update(dict.fromkeys(names, path))
    return found


def _project_imports(text: str) -> Iterator[tuple[list[str], str]]:
    """Each import of one of the project's own modules in ``text``: the local names it binds, and its path."""
    for component in _COMPONENT_IMPORT.finditer(text):
        listed = component.group(2)
        yield [component.group(1)] if component.group(1) else _imported_names(listed), component.group(4)


def _imported_names(listed: str) -> list[str]:
    """The local names of ``{A, B as C}``: ``A``, ``C``."""
    return [part.split(" as ")[-1].strip() for part in listed.split(",") if part.strip()]


def masked_body(body: str) -> Scan:
    """``body`` with ESM, JSX tags and expressions blanked (same length, same line breaks); its tags and fences."""
    scanner = _Scanner(body)
    scanner.run()
    return Scan("".join(scanner.out), scanner.tags, scanner.fences, scanner.esm)


class _Scanner:
    def __init__(self, body: str) -> None:
        self.body = body
        self.out = list(body)
        self.tags: list[JsxTag] = []
        self.fences: list[tuple[Span, Span | None]] = []
        self.esm: list[str] = []
        self.brackets = _Brackets(body)
        self.paragraph = (0, -1)  # (start, end) of the last paragraph whose end was looked for

    def code_span_end(self, index: int) -> int:
        """After the inline code span opening at ``index``, or after its backticks when it is never closed."""
        body = self.body
        ticks = _BACKTICKS.match(body, index).group()  # type: ignore[union-attr]  # body[index] is "`"
        start, limit = self.paragraph
        if not start <= index < limit:  # each paragraph's end is looked for once
            paragraph_break = _BLANK_LINE.search(body, index)
            limit = len(body) if paragraph_break is None else paragraph_break.start()
            self.paragraph = (index, limit)
        closing = re.compile(rf"(?<!`){ticks}(?!`)").search(body, index + len(ticks), limit)
        return index + len(ticks) if closing is None else closing.end()

    def blank(self, start: int, end: int) -> None:
        self.out[start:end] = blanked(self.body[start:end])

    def run(self) -> None:
        """Visit the lines that may hold a fence, ESM or a special character; the others stay as they are."""
        body, length = self.body, len(self.body)
        index = 0
        while index < length:
            found = _INTERESTING.search(body, index)
            if found is None:
                return
            index = self.line(max(index, line_start(body, found.start())))

    def line(self, start: int) -> int:
        """Mask the line (or, mid-line, the rest of it) at ``start``; where scanning resumes."""
        body = self.body
        after = min(line_end(body, start) + 1, len(body))  # after the line break
        at_line_start = start == 0 or body[start - 1] == "\n"
        opener = _FENCE.match(body, start, after) if at_line_start else None
        if opener and not (opener.group(1)[0] == "`" and "`" in body[opener.end() : after]):
            return self.fenced(_line_span(start, body[start:after]), opener.group(1), after)
        if at_line_start and _ESM.match(body, start) and _after_blank_line(body, start):
            end = _paragraph_end(body, start)
            self.esm.append(body[start:end])
            self.blank(start, end)
            return end
        return self.inline(start, after)

    def fenced(self, opening: Span, fence: str, after: int) -> int:
        """Record the fenced code block opened by ``opening``; where scanning resumes, after its closing line."""
        for candidate in _FENCE_LINE.finditer(self.body, after):
            run = candidate.group(1)
            if run[0] == fence[0] and len(run) >= len(fence):
                self.fences.append((opening, _line_span(candidate.start(), candidate.group())))
                return candidate.end() + 1
        self.fences.append((opening, None))
        return len(self.body)

    def inline(self, index: int, line_end: int) -> int:
        """Mask the JSX and expressions starting on this line; where scanning resumes (a construct may end on a
        later line).  Escapes, code spans, link destinations and autolinks are skipped: they are Markdown."""
        body = self.body
        while True:
            special = _SPECIAL.search(body, index, line_end)
            if special is None:
                return line_end
            index = special.start()
            char = body[index]
            if char == "\\":
                index += 2
            elif char == "`":
                index = self.code_span_end(index)
            elif char == "]":
                destination = _DESTINATION.match(body, index)
                index = index + 1 if destination is None else destination.end()
            elif char == "{":
                end = self.brackets.end(index)
                if end is None:
                    return line_end
                self.expression(index, end)
                index = end
            elif autolink := _AUTOLINK.match(body, index):
                index = autolink.end()
            else:  # "<"
                tag = _tag(body, index, self.brackets)
                if tag is None:
                    index += 1
                    continue
                self.tags.append(tag)
                self.mask_tag(tag.span, line_end)
                index = tag.span.end
            if index >= line_end:
                return index

    def mask_tag(self, span: Span, line_end: int) -> None:
        """Blank a JSX tag; one that leads its line with Markdown after it (``- <Icon /> [Docs](/docs/)``) as
        word joiners (invisible, and no space): spaces there would indent the Markdown into a code block; one in
        an ATX heading too, whose text is then the text MDX gives it (``parse``)."""
        start, end = span.start, span.end
        first = line_start(self.body, start)
        if end <= line_end and (
            (_LEADING.fullmatch(self.body, first, start) and self.body[end:line_end].strip())
            or _HEADING_OPENING.match(self.body, first) is not None
        ):
            self.out[start:end] = WORD_JOINER * (end - start)
        else:
            self.blank(start, end)

    def expression(self, start: int, end: int) -> None:
        text = self.body[start:end]
        if text.startswith("{/* ") and text.endswith(" */}") and "-->" not in text and len(text) >= 8:
            self.out[start : start + 4] = "<!--"
            self.out[end - 4 : end] = " -->"  # the comment's own text stays, for suppression comments
            return
        self.blank(start, end)


def blanked(text: str) -> str:
    """``text`` as spaces, its line breaks kept."""
    return _NOT_LINE_BREAK.sub(" ", text) if "\n" in text or "\r" in text else " " * len(text)


def _line_span(start: int, line: str) -> Span:
    return Span(start, start + len(line.rstrip("\r\n")))


def _after_blank_line(body: str, start: int) -> bool:
    """Whether the line before the one at ``start`` is blank (or there is none)."""
    previous = line_start(body, max(start - 1, 0))
    return start == 0 or not body[previous : start - 1].strip()


def _paragraph_end(body: str, index: int) -> int:
    """The offset after the ESM block starting at ``index``: it runs to the next blank line."""
    blank = _BLANK_LINE.search(body, index)
    return len(body) if blank is None else blank.start() + 1


class _Brackets:
    """Where the brackets of one body close, each found once.

    A scan that fails also settles every bracket it passed: those it saw
    closed keep their closing place, those still open are never closed (a
    scan from any of them would go the same way), so a body of ``{`` lines
    costs one pass, not one per line.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.known: dict[int, int | None] = {}

    def end(self, index: int) -> int | None:
        """After the bracket closing the one at ``index``; JavaScript strings, template literals and comments
        are skipped.  ``None`` when it is never closed."""
        if index in self.known:
            return self.known[index]
        body, length = self.body, len(self.body)
        stack: list[tuple[str, int]] = []  # the closer each open bracket expects, and where it opened
        position = index
        while position < length:
            char = body[position]
            if char in _CLOSERS:
                stack.append((_CLOSERS[char], position))
            elif char in "}])":
                if not stack or stack[-1][0] != char:
                    break
                self.known[stack.pop()[1]] = position + 1
                if not stack:
                    return position + 1
            elif char in "\"'`":
                position = _string_end(body, position)
                continue
            elif body.startswith("/*", position):
                end = body.find("*/", position + 2)
                position = length if end < 0 else end + 2
                continue
            elif body.startswith("//", position) and (position == 0 or body[position - 1] != ":"):
                end = body.find("\n", position)
                position = length if end < 0 else end
                continue
            position += 1
        for _, start in stack:
            self.known[start] = None
        return None


def _string_end(body: str, index: int) -> int:
    quote = body[index]
    position = index + 1
    while position < len(body):
        char = body[position]
        if char == "\\":
            position += 2
            continue
        if char == quote:
            return position + 1
        if char == "\n" and quote != "`":
            return position
        position += 1
    return len(body)


def _tag(body: str, index: int, brackets: _Brackets) -> JsxTag | None:
    """The JSX tag at ``index`` (``<Name …>``, ``</Name>``, ``<>``, ``</>``, ``<Name … />``), or ``None``."""
    closing = body.startswith("/", index + 1)
    position = index + 2 if closing else index + 1
    name = _TAG_NAME.match(body, position)
    if name is not None:
        position = name.end()
    elif not body.startswith(">", position):
        return None
    attributes: list[JsxAttribute] = []
    while True:
        position = _SPACE.match(body, position).end()  # type: ignore[union-attr]  # matches ""
        if body.startswith(("/>", ">"), position):
            end = position + (2 if body[position] == "/" else 1)
            return JsxTag(name.group() if name else "", closing, Span(index, end), tuple(attributes))
        if body.startswith("{", position):  # {...spread}
            spread_end = brackets.end(position)
            if spread_end is None:
                return None
            position = spread_end
            continue
        attribute = _ATTRIBUTE_NAME.match(body, position)
        if attribute is None:
            return None
        position = _SPACE.match(body, attribute.end()).end()  # type: ignore[union-attr]
        if not body.startswith("=", position):
            attributes.append(JsxAttribute(attribute.group(), None, Span(position, position), False))
            continue
        position = _SPACE.match(body, position + 1).end()  # type: ignore[union-attr]
        quote = body[position : position + 1]
        if quote in ("'", '"'):
            close = body.find(quote, position + 1)
            if close < 0:
                return None
            attributes.append(
                JsxAttribute(attribute.group(), body[position + 1 : close], Span(position + 1, close), False)
            )
            position = close + 1
        elif quote == "{":
            expression_end = brackets.end(position)
            if expression_end is None:
                return None
            attributes.append(
                JsxAttribute(attribute.group(), body[position:expression_end], Span(position, expression_end), True)
            )
            position = expression_end
        else:
            return None


def _images(tags: list[JsxTag], base: int) -> list[Image]:
    from fmlint.markdown import Image

    images = []
    for tag in tags:
        if tag.name not in _IMAGE_TAGS:
            continue
        values = {attribute.name: attribute for attribute in tag.attributes}
        src, alt = values.get("src"), values.get("alt")
        if src is None or src.expression or src.value is None:
            continue  # src={…} is code: whatever it evaluates to is not written here
        place = Place(spans=(tag.span.shifted(base), src.span.shifted(base)))
        images.append(Image(src.value, None if alt is None else alt.value or "", "html", place))
    return images


def _links(tags: list[JsxTag], base: int) -> list[tuple[str, Span]]:
    """The string ``href`` of each JSX tag (``<a>``, ``<LinkCard>``, ``<LinkButton>``…) with the span of its value."""
    return [
        (attribute.value, attribute.span.shifted(base))
        for tag in tags
        for attribute in tag.attributes
        if attribute.name == "href" and not attribute.expression and attribute.value is not None
    ]


def _ids(tags: list[JsxTag]) -> list[str]:
    """The string ``id`` (and ``name``) of each JSX tag: ``<a id="old-anchor"></a>`` is a link target, as in
    HTML (Redux's style guide keeps its old anchors so)."""
    return [
        attribute.value
        for tag in tags
        for attribute in tag.attributes
        if attribute.name in ("id", "name") and not attribute.expression and attribute.value
    ]


def _headings(scan: Scan, base: int) -> list[Heading]:
    """``<h2>Text</h2>`` written as JSX on a line of its own: a heading of the rendered page."""
    from fmlint.markdown import Heading

    headings = []
    for position, opening in enumerate(scan.tags):
        level = _HEADING_TAG.fullmatch(opening.name)
        if level is None or opening.closing or not _starts_line(scan.body, opening.span.start):
            continue
        end = line_end(scan.body, opening.span.end)
        closing = next((tag for tag in scan.tags[position + 1 :] if tag.closing and tag.name == opening.name), None)
        if closing is None or closing.span.end > end or scan.body[closing.span.end : end].strip():
            continue
        text = " ".join(scan.body[opening.span.end : closing.span.start].split())
        headings.append(Heading(int(level.group(1)), text, Span(opening.span.start, closing.span.end).shifted(base)))
    return headings


def _starts_line(body: str, index: int) -> bool:
    return not body[line_start(body, index) : index].strip()

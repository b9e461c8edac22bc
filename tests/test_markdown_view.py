import pyromark
import pytest
from support import CORPORA, generated_articles

from fmlint.document import Document, read_document
from fmlint.markdown import _options, parse_markdown
from fmlint.positions import Span

SOURCE = (
    "---\ntitle: x\n---\n"
    '中文 ![alt *x*](https://a.example/x.png "t") ![r][ref] [l](<u v>)\r\n'
    "\r\n"
    '> <img alt="" src="q.png">\r\n'
    "\r\n"
    '[ref]: https://b.example/y.jpg "t"\r\n'
)


def points(doc, span):
    return doc.lines.point(span.start)


def test_images_and_links_carry_file_positions_of_their_destinations():
    doc = read_document("a.md", SOURCE.encode())
    view = parse_markdown(doc)
    found = [(image.source, image.url, image.alt, points(doc, image.url_span)) for image in view.images]
    assert found == [
        ("markdown", "https://a.example/x.png", "alt x", (4, 15)),
        ("reference", "https://b.example/y.jpg", "r", (8, 8)),  # at the reference definition
        ("html", "q.png", "", (6, 20)),
    ]
    [link] = view.links
    assert (link.url, link.text, points(doc, link.url_span), points(doc, link.span)) == ("u v", "l", (4, 59), (4, 54))


STRUCTURE = (
    '+++\r\ntitle = "x"\r\n+++\r\n'
    "## 中文 `code`\r\n"
    "\r\n"
    "**一、模型** <!-- note -->\r\n"
    "\r\n"
    "> ### 引用\r\n"
    "\r\n"
    "见 https://a.example/x. [l](https://b.example)\r\n"
    "\r\n"
    "{{< code-toggle >}}\r\n# not a heading\r\n{{< /code-toggle >}}\r\n"
    "\r\n"
    "~~~~ rust \r\nfn main() {}\r\n~~~\r\n"
)


def test_structure_elements_carry_file_positions():
    doc = read_document("a.md", STRUCTURE.encode())
    view = parse_markdown(doc)
    assert [(h.level, h.text, h.nested, points(doc, h.span)) for h in view.headings] == [
        (2, "中文 code", False, (4, 1)),
        (3, "引用", True, (8, 3)),
    ]
    assert [h.text for h in view.outline] == ["中文 code"]
    [emphasis] = view.emphasis_paragraphs
    assert (emphasis.text, emphasis.nested, emphasis.caption, points(doc, emphasis.span)) == (
        "一、模型",
        False,
        False,
        (6, 1),
    )
    assert [(c.text, points(doc, c.span)) for c in view.html_comments] == [(" note ", (6, 10))]
    assert [(u.url, points(doc, u.span)) for u in view.bare_urls] == [("https://a.example/x", (10, 3))]
    [fence] = view.code_fences
    assert (fence.info, fence.closed, points(doc, fence.opening), doc.source(fence.opening)) == (
        "rust",
        False,
        (16, 1),
        "~~~~ rust ",
    )
    [toggle] = view.shortcodes
    assert view.in_shortcode(Span(doc.lines.line_start(13), doc.lines.line_start(13)))
    assert not view.in_shortcode(Span(toggle.end, toggle.end))


def test_links_say_whether_they_have_content_and_their_type():
    doc = read_document("a.md", b"[![i](x.png)](y) [](z) <https://a.example> <me@example.com>\n")
    view = parse_markdown(doc)
    assert [(link.link_type, link.has_content, link.reference) for link in view.links] == [
        ("Inline", True, False),
        ("Inline", False, False),
        ("Autolink", True, True),
        ("Email", True, True),
    ]


# The view converts byte ranges lazily (only for extracted elements, checkpoint by
# checkpoint, while it pulls the events one at a time); these tests hold it to a
# plain conversion of every event: the prefix of the body up to each byte offset,
# decoded.
REFERENCES = (
    "---\ntitle: x\n---\n"
    "[早]: https://a.example/early.png\r\n"
    "\r\n"
    "中文 ![图][早] 见 https://c.example/页 和 [后][late]。\r\n"
    "\r\n"
    "- 列表 http://d.example/x)\r\n"
    "  **粗体** [链接](<https://e.example/a b>)\r\n"
    "\r\n"
    "[late]: https://b.example/late\r\n"
)


def byte_by_byte_spans(doc: Document) -> list[tuple[object, Span]]:
    data = doc.body.encode()

    def char(offset: int) -> int:
        return doc.body_start + len(data[:offset].decode())

    events = pyromark.events_with_range(doc.body, options=_options())
    return [(event, Span(char(byte_range["start"]), char(byte_range["end"]))) for event, byte_range in events]


def assert_view_matches_plain_conversion(doc: Document) -> None:
    view = parse_markdown(doc)
    expected = byte_by_byte_spans(doc)
    starts = {}
    for event, span in expected:
        if isinstance(event, dict) and isinstance(event.get("Start"), (str, dict)):
            tag = event["Start"]
            starts.setdefault(tag if isinstance(tag, str) else next(iter(tag)), []).append(span)
    assert [image.span for image in view.images if image.source != "html"] == starts.get("Image", [])
    assert [link.span for link in view.links] == starts.get("Link", [])
    assert [heading.span for heading in view.headings if not view.in_shortcode(heading.span)] == [
        span for span in starts.get("Heading", []) if not view.in_shortcode(span)
    ]
    assert {fence.span for fence in view.code_fences} <= set(starts.get("CodeBlock", []))
    assert {paragraph.span for paragraph in view.emphasis_paragraphs} <= set(starts.get("Paragraph", []))
    for element in [*view.links, *view.images]:
        assert doc.source(element.url_span).strip("<>") in (element.url, doc.source(element.url_span))
    for bare in view.bare_urls:
        assert doc.source(bare.span) == bare.url


def test_lazy_offsets_equal_a_plain_conversion_with_references_before_and_after_use():
    doc = read_document("a.md", b"\xef\xbb\xbf" + REFERENCES.encode())
    view = parse_markdown(doc)
    assert [(image.url, doc.source(image.url_span)) for image in view.images] == [
        ("https://a.example/early.png", "https://a.example/early.png")
    ]
    assert [(link.url, doc.source(link.url_span)) for link in view.links] == [
        ("https://b.example/late", "https://b.example/late"),
        ("https://e.example/a b", "https://e.example/a b"),
    ]
    assert [bare.url for bare in view.bare_urls] == ["https://c.example/", "http://d.example/x"]  # ASCII URLs only
    assert_view_matches_plain_conversion(doc)


def test_lazy_offsets_equal_a_plain_conversion_on_generated_articles():
    for index, text in enumerate(generated_articles(12)):
        assert_view_matches_plain_conversion(read_document(f"{index}.md", text.encode()))


@pytest.mark.skipif(CORPORA is None, reason="../shared/corpora is not present")
@pytest.mark.parametrize("site", ["hugo-docs", "rust-blog"])
def test_lazy_offsets_equal_a_plain_conversion_on_real_sites(site):
    assert CORPORA is not None
    paths = sorted((CORPORA / site / "content").rglob("*.md"))[::7]
    assert len(paths) > 50
    for path in paths:
        assert_view_matches_plain_conversion(read_document(str(path), path.read_bytes()))


def test_shortcode_openings_are_every_tag_start_and_the_view_scans_once():
    """The view finds shortcodes, Liquid blocks and attribute lists from one scan for openings; the site facts
    reuse its ``{{<``/``{{%`` and attribute-list starts.  A brace before a tag, a Liquid tag inside ``{{%``, a
    tag inside another's quotes, an attribute list after a brace: each opening is where a scan of the text finds
    it."""
    import re

    text = (
        '\ufeff---\r\ntitle: x { #no }\r\n---\r\n{{{< a >}} {{% b %}}\r\n{% raw %}{{< c >}}{% endraw %} {{ d }} {{< e "{{< f >}}" >}}'
        "\r\n**x**{ #y } {: .c #z } {{#if}} {#w}\r\n"
    )
    doc = read_document("a.md", text.encode("utf-8"))
    view = parse_markdown(doc)
    expected = [m.start() for m in re.finditer(r"\{\{[<%]", doc.text) if m.start() >= doc.body_start]
    assert view.shortcode_openings == expected
    attributes = [m.start() for m in re.finditer(r"\{:?[ \t]*[#.]", doc.text) if m.start() >= doc.body_start]
    assert view.attribute_openings == attributes
    assert [doc.text[at : at + 4] for at in attributes] == ["{ #y", "{: .", "{#if", "{#w}"]
    assert [doc.text[at : at + 5] for at in expected] == ["{{< a", "{{% b", "{{< c", "{{< e", "{{< f"]
    assert [doc.source(span) for span in view.shortcodes] == [
        "{{< a >}}",
        "{{% b %}}",
        "{% raw %}{{< c >}}{% endraw %}",
        '{{< e "{{< f >}}',  # a tag ends at the first ``>}}``
    ]


def test_an_mdx_view_leaves_the_shortcode_openings_to_the_text():
    doc = read_document("a.mdx", b"---\ntitle: x\n---\n\n<Tab label={'{{< ref \"x\" >}}'} />\n")
    view = parse_markdown(doc)
    assert view.shortcode_openings is view.liquid_openings is view.attribute_openings is None


@pytest.mark.parametrize(
    ("body", "marked"),
    [
        ("Term\n: Its definition.\n", True),  # after a soft break
        ("Term\r\n: Its definition.\r\n", True),
        ("Term  \n: After a hard break.\n", True),
        ("Term\\\n: After a backslash break.\n", True),
        ("Term\n\n: After a blank line.\n", True),  # a paragraph's first text
        ("## Heading\n: After a heading.\n", True),
        ("Café — 終わり\n: Non-ASCII text before it.\n", True),  # (a break's byte offset in the UTF-8 body)
        ("Café — 終わり\n  : Indented.\n", False),
        ("```\nkey\n: value\n```\n", False),  # code
        ("<div>\nx\n: y\n</div>\n", False),  # an HTML block
        ("Text: not at a line's start.\n", False),
        ("::: module.name\n", False),  # mkdocstrings' block (Markdown written there)
    ],
)
def test_colon_lines_are_the_lines_of_running_text_opening_with_a_colon(body, marked):
    """The site facts look for definition terms (``Term`` / ``: definition``) only where the view's walk saw a
    line of running text open with ``:`` (not in code, nor HTML), not with a scan of every file's text."""
    view = parse_markdown(read_document("a.md", f"---\ntitle: x\n---\n{body}".encode()))
    assert view.colon_lines is marked


def test_a_fence_left_open_in_a_shortcodes_content_ends_with_it():
    """Hugo renders a page's Markdown with each ``{{< >}}`` shortcode, content and all, as a placeholder: a code
    fence its content opens and never closes (nginx's docs: a ```` ```sh ```` block in a ``{{<call-out>}}``) is not
    the page's, which goes on after the shortcode — though the whole text's parse closes the fence at the next
    fence line, taking in what lies between.  A body of CRLFs, CJK and emoji: every position is the file's."""
    body = (
        '中文 🎉\r\n\r\n{{<call-out title="例" >}}\r\nRun 🎉:\r\n\r\n```sh\r\ndocker run\r\n{{</call-out>}}\r\n\r\n'
        '<span id="docker_plus_image"></span>\r\n## Creating an image 中文\r\n\r\nSee [x](#docker_plus_image) and '
        "![i](a.png).\r\n\r\n1. Run:\r\n\r\n    ```shell\r\n    docker ps\r\n    ```\r\n"
    )
    doc = read_document("a.md", ("\ufeff---\r\ntitle: x\r\n---\r\n" + body).encode("utf-8"))
    view = parse_markdown(doc)
    assert [(h.text, points(doc, h.span)) for h in view.headings] == [("Creating an image 中文", (14, 1))]
    assert view.html_ids == ["docker_plus_image"]
    assert [(link.url, points(doc, link.url_span)) for link in view.links] == [("#docker_plus_image", (16, 9))]
    assert [(image.url, points(doc, image.url_span)) for image in view.images] == [("a.png", (16, 38))]
    assert [(fence.info, points(doc, fence.opening)) for fence in view.code_fences] == [("shell", (20, 5))]
    assert [doc.source(span)[:12] for span in view.shortcodes] == ["{{<call-out "]  # (tags and content merged)

from fmlint.document import read_document
from fmlint.positions import Span
from fmlint.markdown import parse_markdown

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
    assert (emphasis.text, emphasis.nested, emphasis.caption, points(doc, emphasis.span)) == ("一、模型", False, False, (6, 1))
    assert [(c.text, points(doc, c.span)) for c in view.html_comments] == [(" note ", (6, 10))]
    assert [(u.url, points(doc, u.span)) for u in view.bare_urls] == [("https://a.example/x", (10, 3))]
    [fence] = view.code_fences
    assert (fence.info, fence.closed, points(doc, fence.opening), doc.source(fence.opening)) == ("rust", False, (16, 1), "~~~~ rust ")
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

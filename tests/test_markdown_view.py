from fmlint.document import read_document
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

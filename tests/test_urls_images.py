import posixpath

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fmlint.config.settings import Settings
from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.images import IMAGE_EXTENSIONS, extension_error, image_references, url_path
from fmlint.rules.base import Context
from fmlint.urls import parse, split, url_error


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("https://cdn.example.com/a.jpg", None),
        ("/images/a.png", None),
        ("a.png", None),
        ("https://", "URL has no host"),
        ("htps://x", "unsupported scheme `htps:` (expected http or https)"),
        ("https://exa mple.com/a.jpg", "URL contains a space (encode it as %20)"),
        ("http://x:99999/", "URL cannot be parsed (bad port or brackets)"),
    ],
)
def test_url_errors(url, error):
    assert url_error(url) == error


_URL_PIECES = st.sampled_from(
    [
        "http",
        "HTTPS",
        "mailto",
        "://",
        ":",
        "//",
        "/",
        "@",
        "?",
        "#",
        ".",
        "-",
        "_",
        "[",
        "]",
        ":80",
        ":x",
        " ",
        "\t",
        "é",
        "Host",
        "a",
        "png",
    ]
)


@given(st.lists(_URL_PIECES, max_size=12).map("".join))
@example("HTTPS://Cdn.Example.COM/A.png?x#y")
@example("https://user@host/a.png")
@example("https://[::1]:8080/a.png")
def test_the_cached_fast_parse_agrees_with_urlsplit(url):
    expected = split(url)
    parts = parse(url)
    if expected is None:
        assert parts is None
    else:
        assert parts is not None
        assert (parts.scheme, parts.netloc, parts.hostname, parts.path) == (
            expected.scheme,
            expected.netloc,
            expected.hostname or "",
            expected.path,
        )


def test_extra_schemes_for_links():
    assert url_error("mailto:someone@example.com", extra_schemes=("mailto", "tel")) is None


def test_image_references_from_front_matter_and_body():
    source = '---\nthumbnail: "a.png"\nimages:\n  - b.png\ncover:\n  image: c.png\n---\n中 ![x](d.png)\n'
    doc = read_document("a.md", source.encode())
    ctx = Context(doc, parse_front_matter(doc), Settings())
    found = [(ref.url, ref.origin, doc.lines.point(ref.span.start)) for ref in image_references(ctx)]
    assert found == [
        ("a.png", "front-matter", (2, 12)),
        ("b.png", "front-matter", (4, 5)),
        ("c.png", "front-matter", (6, 10)),
        ("d.png", "markdown", (8, 8)),
    ]


def test_remote_urls_are_collected_with_positions_only_when_asked():
    from msgspec.structs import replace

    from fmlint.linter import lint_file

    source = (
        '---\ntitle: x\nthumbnail: "https://cdn.example.com/t.png"\n---\n![a](/local.png) [l](https://example.org/)\n'
    )
    doc = read_document("a.md", source.encode())
    assert lint_file(doc, Settings()).urls == ()
    [image] = lint_file(doc, replace(Settings(), collect_urls=frozenset({"images"}))).urls
    assert (image.url, image.kind, image.line, image.column) == ("https://cdn.example.com/t.png", "image", 3, 12)
    urls = lint_file(doc, replace(Settings(), collect_urls=frozenset({"images", "links"}))).urls
    assert [(u.kind, u.line, u.column) for u in urls] == [("image", 3, 12), ("link", 5, 22)]


@given(st.text(alphabet="ab./%2E?#", max_size=16))
@example("https://cdn.example.com/.hidden")
@example("https://cdn.example.com/..png")
@example("https://cdn.example.com/a.b.HTML?x=1.png")
def test_image_extension_is_found_as_posixpath_finds_it(url):
    extension = posixpath.splitext(posixpath.basename(url_path(url)))[1]
    # (one of letters and digits only: `llms.txt-green` in a badge's path is none)
    expected_ok = not extension[1:].isalnum() or extension.lower() in IMAGE_EXTENSIONS
    assert (extension_error(url) is None) == expected_ok

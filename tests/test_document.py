import pytest
from support import check, lint, located

from fmlint.document import read_document, undo_split
from fmlint.positions import Span


def test_yaml_front_matter_and_body():
    doc = read_document("a.md", b"---\ntitle: x\n---\nbody\n")
    assert doc.kind == "yaml"
    assert doc.source(doc.front_matter) == "title: x\n"
    assert doc.body == "body\n"


def test_bom_is_removed_and_crlf_kept():
    doc = read_document("a.md", b"\xef\xbb\xbf+++\r\ntitle = 'x'\r\n+++\r\nbody")
    assert doc.kind == "toml"
    assert doc.text.startswith("+++")
    assert doc.source(doc.front_matter) == "title = 'x'\r\n"
    assert doc.body == "body"


def test_json_front_matter_ends_at_its_closing_brace():
    doc = read_document("a.md", b'{"title": "a } in a string",\n "n": [1, {"x": 2}]}\n\nbody')
    assert doc.kind == "json"
    assert doc.source(doc.front_matter).endswith("]}")
    assert doc.body == "\nbody"


def test_unclosed_front_matter_has_kind_but_no_span():
    doc = read_document("a.md", b"---\ntitle: x\nbody\n")
    assert doc.kind == "yaml" and doc.front_matter is None


def test_no_front_matter():
    doc = read_document("a.md", b"# Title\n\n---\n")
    assert doc.kind is None and doc.body_start == 0


def test_longer_delimiters_and_trailing_spaces_are_delimiters():
    doc = read_document("a.md", b"----  \ntitle: x\n---\n")
    assert doc.kind == "yaml" and doc.source(doc.front_matter) == "title: x\n"


def test_front_matter_after_blank_lines_is_read_as_hugo_reads_it():
    """Hugo's page lexer skips spaces, tabs and line breaks before the front matter (buildpacks.io: 66 pages
    open with a blank line); the split records that it did."""
    doc = read_document("a.md", b"\r\n \t\n+++\r\ntitle = 'x'\r\n+++\r\nbody")
    assert (doc.kind, doc.late, doc.opening) == ("toml", True, Span(5, 8))
    assert doc.source(doc.front_matter) == "title = 'x'\r\n" and doc.body == "body"
    doc = read_document("a.md", b'\n\n{"title": "x"}\nbody')
    assert (doc.kind, doc.late, doc.source(doc.front_matter), doc.body) == ("json", True, '{"title": "x"}', "body")
    assert not read_document("a.md", b"---\ntitle: x\n---\n").late


def test_front_matter_after_blank_lines_is_not_read_for_other_generators():
    doc = read_document("a.md", b"\n---\ntitle: x\n---\nbody\n")
    undo_split(doc)
    assert (doc.kind, doc.front_matter, doc.body_start, doc.late) == (None, None, 0, False)


@pytest.mark.parametrize("preset", ["hugo", "zola", "jekyll", "docusaurus", "mkdocs-material", "none"])
def test_late_front_matter_positions_by_preset(preset):
    """On Hugo and Zola the front matter is read where it is (a finding in it at its line); elsewhere it is no
    front matter, and FM007 says so at its opening delimiter."""
    source = "\n\n  \n---\ntitle: true\n---\n\nBody.\n"
    if preset in ("hugo", "zola"):
        check(source, [(5, 8, "SC001")], preset=preset)
    else:
        assert (4, 1, "FM007") in located(lint(source, preset=preset))
        assert not [d for d in lint(source, preset=preset) if d.code == "SC001"]


@pytest.mark.parametrize("preset", ["hugo", "none", "zola", "jekyll", "docusaurus", "mkdocs-material", "starlight"])
def test_a_leading_json_object_is_front_matter_to_hugo_alone(preset):
    """Hugo's page lexer reads a leading `{` as JSON front matter (0.168 fails the build of a page opening with
    `{{< x >}}`, as FM002 says, after the `{`); the other generators read YAML (or TOML) between delimiters, so a
    Jekyll include opening with Liquid's `{% if %}` (227 FM002 on Kong's developer site) or an MDX comment opens
    the body. A real object is linted as front matter without a preset."""
    for source in ("{% if include.title %}\n# {{ include.title }}\n{% endif %}\n", "{{< x >}}\n\nText.\n"):
        expected = [(1, 2, "FM002")] if preset in ("hugo", "none") else []
        assert [f for f in located(lint(source, preset=preset)) if f[2].startswith("FM")] == expected
    if preset == "none":
        check('{"title": "x", "date": "2025-02-30"}\nBody.\n', [(1, 24, "DT001")], preset=preset)


def test_front_matter_on_its_opening_line_is_read_as_hugo_reads_it():
    """Hugo's page lexer reads the front matter from the third character of its opening delimiter on
    (buildpacks.io's ``+++ title="Buildpack API"``; Hugo 0.168 builds such pages with their title and aliases)."""
    doc = read_document("a.md", b'\r\n+++ title = "x"\r\naliases = ["/old/"]\r\n+++\r\nbody')
    assert (doc.kind, doc.inline, doc.late, doc.opening) == ("toml", True, True, Span(2, 5))
    assert doc.source(doc.front_matter) == ' title = "x"\r\naliases = ["/old/"]\r\n' and doc.body == "body"
    doc = read_document("a.md", "---title: 标题\n---\n".encode())
    assert (doc.kind, doc.inline, doc.source(doc.front_matter)) == ("yaml", True, "title: 标题\n")
    for alone in (b"---\ntitle: x\n---\n", b"---- \ntitle: x\n---\n", b"----x\ntitle: x\n---\n"):
        assert not read_document("a.md", alone).inline
    undone = read_document("a.md", b"+++ title = 'x'\n+++\nbody")
    undo_split(undone)
    assert (undone.kind, undone.front_matter, undone.body_start, undone.inline) == (None, None, 0, True)
    unclosed = read_document("a.md", b"--- a note\nbody")
    assert (unclosed.kind, unclosed.front_matter) == ("yaml", None)  # (Hugo: "EOF looking for end YAML …")
    undo_split(unclosed)
    assert not unclosed.inline


@pytest.mark.parametrize("preset", ["hugo", "zola", "jekyll", "docusaurus", "mkdocs-material"])
def test_front_matter_on_its_opening_line_by_preset(preset):
    """On Hugo the front matter is read there, a finding in it at its line and column (after CJK); elsewhere it
    is no front matter, and FM008 says so at the delimiter."""
    source = "+++ title = '标题' ; date = 3\n+++\n\nBody.\n"
    if preset == "hugo":
        check(source, [(1, 18, "FM002")], preset=preset)  # (tomllib: at the `;`)
        check("+++ title = '标题'\ndraft = 'yes'\n+++\n", [(2, 9, "SC001")], preset=preset)
        # (YAML: the first key is indented, the next is not; Hugo 0.168 fails there too, at 2:1)
        check("--- title: 标题\ndraft: yes\n---\n", [(2, 1, "FM002")], preset=preset)
    else:
        assert (1, 1, "FM008") in located(lint(source, preset=preset))
        assert not [d for d in lint(source, preset=preset) if d.code.startswith("FM00") and d.code != "FM008"]

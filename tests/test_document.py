from fmlint.document import read_document


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

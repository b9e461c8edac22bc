from support import PERMISSIVE, check

from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter


def parse(source: str):
    return parse_front_matter(read_document("a.md", source.encode()))


def test_toml_type_error_is_at_the_value():
    check('+++\ntitle = "x"\ncomments = "yes"\n+++\n', [(3, 12, "SC001")])


def test_toml_positions_inside_tables_and_array_tables():
    source = '+++\ntitle = "x"\n[params]\n"quoted key".sub = 3\n[[resources]]\nsrc = 1\n+++\n'
    check(source, [(6, 7, "SC001")])
    fm = parse(source)
    assert fm.data["params"] == {"quoted key": {"sub": 3}}


def test_toml_native_dates_become_iso_text():
    assert parse("+++\ndate = 2025-02-07T11:51:26Z\nday = 2025-02-07\n+++\n").data == {
        "date": "2025-02-07T11:51:26+00:00",
        "day": "2025-02-07",
    }


def test_toml_multiline_values_do_not_shift_later_keys():
    source = '+++\ntitle = "x"\nsummary = """\nline one\nline two\n"""\ntags = [\n  "a",\n]\nweight = "w"\n+++\n'
    check(source, [(10, 10, "SC001")])


def test_toml_syntax_error_position():
    check('+++\ntitle = "x"\ncomments = \n+++\n', [(3, 12, "FM002")], schema=PERMISSIVE)


def test_toml_duplicate_key_and_table():
    check('+++\ntitle = "x"\ntitle = "y"\n+++\n', [(3, 12, "FM003")], schema=PERMISSIVE)
    check("+++\n[a]\nx = 1\n[a]\ny = 2\n+++\n", [(4, 3, "FM003")], schema=PERMISSIVE)


def test_json_type_error_is_at_the_value():
    check('{\n  "title": "x",\n  "comments": "yes"\n}\nbody\n', [(3, 15, "SC001")])


def test_json_duplicate_key():
    check('{"title": "x",\n "title": "y"}\n', [(2, 2, "FM003")])


def test_json_trailing_comma():
    diagnostics = check('{"title": "x",\n}\n', [(2, 1, "FM002")], schema=PERMISSIVE)
    assert "trailing comma" in diagnostics[0].message


def test_json_unclosed():
    check('{"title": "x",\n\nbody\n', [(1, 1, "FM001")])


def test_crlf_and_bom_do_not_shift_toml_or_json():
    check('\ufeff{\r\n  "title": true\r\n}\r\n'.encode(), [(2, 12, "SC001")])
    check("\ufeff+++\r\ntitle = true\r\n+++\r\n".encode(), [(2, 9, "SC001")])

import time

import pytest
from support import PERMISSIVE, check, lint

from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter


def parse(source: str):
    return parse_front_matter(read_document("a.md", source.encode()))


def test_timestamps_stay_text_as_in_hugo():
    fm = parse("---\ndate: 2025-02-07 11:51:26\nday: 2025-02-07\n---\n")
    assert fm.data == {"date": "2025-02-07 11:51:26", "day": "2025-02-07"}


def test_unquoted_timestamp_passes_a_string_schema():
    check("---\ndate: 2025-02-07 11:51:26\n---\n", [], schema={"properties": {"date": {"type": "string"}}})


def test_only_true_and_false_are_booleans():
    fm = parse("---\na: yes\nb: On\nc: true\nd: FALSE\n---\n")
    assert fm.data == {"a": "yes", "b": "On", "c": True, "d": False}


def test_numbers_and_nulls_are_read():
    fm = parse("---\na: 3\nb: 1.5\nc: ~\nd: null\n---\n")
    assert fm.data == {"a": 3, "b": 1.5, "c": None, "d": None}


def test_duplicate_key_is_reported_at_the_second_occurrence():
    diagnostics = check("---\ntitle: a\ndate: 2025-01-01\ntitle: b\n---\n", [(4, 1, "FM003")])
    assert "first defined on line 2" in diagnostics[0].message


def test_nested_duplicate_key():
    check("---\ntitle: a\nparams:\n  x: 1\n  x: 2\n---\n", [(5, 3, "FM003")])


def test_syntax_error_is_located_where_the_parser_stopped():
    diagnostics = check("---\ntitle: x\ntags: [a, b\ndate: 2025-01-01\n---\n", [(4, 5, "FM002")])
    assert "started on line 3" in diagnostics[0].message


def test_multiple_documents_are_a_syntax_error():
    check("---\ntitle: x\n--- !tag\nb: 1\n---\n", [(3, 1, "FM002")], schema=PERMISSIVE)


def test_python_tags_are_refused_and_never_constructed():
    diagnostics = check(
        "---\ntitle: !!python/object/apply:os.system ['false']\n---\n", [(2, 8, "FM005")], schema=PERMISSIVE
    )
    assert "python/object" in diagnostics[0].message


def test_billion_laughs_is_stopped_quickly():
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=False):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    source = "---\n" + "\n".join(rows) + "\n---\n"
    start = time.perf_counter()
    diagnostics = check(source, [(6, 1, "FM004")], schema=PERMISSIVE)
    assert time.perf_counter() - start < 1.0
    assert "billion laughs" in diagnostics[0].message


def test_merge_key_bomb_is_stopped():
    rows = ["a0: &a0 {x: 1, y: 2}"]
    for level in range(1, 30):
        rows.append(
            f"a{level}: &a{level} {{<<: [*a{level - 1}], k{level}: {{<<: *a{level - 1}}}, j{level}: {{<<: *a{level - 1}}}}}"
        )
    start = time.perf_counter()
    codes = {d.code for d in lint("---\n" + "\n".join(rows) + "\n---\n", schema=PERMISSIVE)}
    assert codes == {"FM004"}
    assert time.perf_counter() - start < 1.0


def test_harmless_aliases_and_merge_keys_still_validate():
    source = "---\nbase: &b {comments: true}\nparams:\n  <<: *b\n  toc: false\ntitle: x\n---\n"
    fm = parse(source)
    assert fm.data["params"] == {"toc": False, "comments": True}
    check(source, [(2, 1, "SC002")])  # `base` is not a Hugo key; the aliases themselves are fine


def test_deep_nesting_is_bounded():
    flow = "---\nx: " + "[" * 1000 + "]" * 1000 + "\n---\n"
    [diagnostic] = lint(flow, schema=PERMISSIVE)  # libyaml itself refuses it
    assert (diagnostic.code, diagnostic.line) == ("FM002", 2) and "nesting depth" in diagnostic.message
    block = "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(300)) + "---\n"
    check(block, [(103, 203, "FM004")], schema=PERMISSIVE)


def test_front_matter_must_be_a_mapping():
    check("---\n- a\n- b\n---\n", [(2, 1, "FM006")], schema=PERMISSIVE)


def test_empty_front_matter_is_an_empty_mapping():
    assert parse("---\n---\n").data == {}


def test_impossible_timestamp_is_a_diagnostic_not_a_crash():
    check("---\ntitle: x\ndate: 2025-02-30\n---\n", [(3, 7, "DT001")])


def test_a_byte_order_mark_opening_the_yaml_does_not_shift_positions():
    # found by hypothesis: libyaml does not count a leading BOM in its marks
    check("---\n\ufeff---\ntitle: x\r\nbase: 1\n---\n", [(4, 1, "SC002")])


@pytest.mark.parametrize(
    ("preset", "effect"),
    [
        ("hugo", "Hugo rejects duplicates"),
        ("jekyll", "Jekyll keeps the last one"),
        ("docusaurus", "Docusaurus rejects duplicates"),
    ],
)
def test_a_duplicate_keys_message_says_what_the_presets_generator_does(preset, effect):
    """A Minimal Mistakes blog's post gives `date` twice: Jekyll (Ruby's YAML) keeps the last one, where the message
    said Hugo rejects duplicates; js-yaml, which Docusaurus reads front matter with, fails on one."""
    (found,) = check(
        "---\ndate: 2019-09-14\ntitle: x\ndate: 2019-09-15\n---\n", [(4, 1, "FM003")], schema=None, preset=preset
    )
    assert found.message == f"duplicate key `date` (first defined on line 2; {effect})"


@pytest.mark.parametrize(
    ("source", "problems"),
    [
        # (YAML: `Tags` and `tags` are two keys to YAML, one to Hugo, which keeps one of the values)
        ("---\ntitle: x\nTags: [a]\ntags: [b]\n---\n", [(4, 1, "FM003")]),
        ("\ufeff---\r\n标题: 中文\r\nexpiryDate: 2001-01-01\r\nexpirydate: 2099-01-01\r\n---\r\n", [(4, 1, "FM003")]),
        ('+++\ntitle = "x"\nDraft = true\ndraft = false\n+++\n', [(4, 1, "FM003")]),  # (TOML)
        ('{\n  "title": "x",\n  "Slug": "a",  "slug": "b"\n}\n', [(3, 17, "FM003")]),  # (JSON)
        ("---\ntitle: x\nparams:\n  A: 1\n  a: 2\n---\n", []),  # (a top-level key's own keys: not judged)
    ],
)
def test_keys_that_differ_only_in_case_are_one_key_to_hugo(source, problems):
    found = check(source, problems, schema=None, preset="hugo")
    for problem in found:
        assert problem.message.endswith("are one key to Hugo, which keeps one of their values")
    assert check(source, [], schema=None, preset="jekyll") == []

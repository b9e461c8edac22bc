"""TOML front matter: every array item and inline-table entry is located, as in YAML and JSON.

The oracle is ``tomllib`` itself: for generated documents (strings of every quoting, numbers, booleans,
dates with a space, nested arrays and inline tables, arrays over lines with comments), the text at each
recorded span, read as a TOML value, is the value at its path.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import check, write_file

from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.frontmatter.model import JsonPath

KEYS = st.sampled_from(["a", "b-c", "d_1", '"e f"', '"g.h"', "'i'", "j.k"])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=8)


@st.composite
def strings(draw: st.DrawFn) -> str:
    text = draw(TEXT)
    style = draw(st.sampled_from(["basic", "literal", "multi", "multi-literal"]))
    if style == "literal" and "'" not in text:
        return f"'{text}'"
    if style == "multi-literal" and "'" not in text:
        return f"'''{text}'''"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"""{escaped}"""' if style == "multi" else f'"{escaped}"'


SCALARS = st.one_of(
    strings(),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["true", "false", "3.5", "-0.0", "1_000", "0x1F", "inf", "1e3"]),
    st.sampled_from(["1979-05-27", "1979-05-27T07:32:00Z", "1979-05-27 07:32:00+01:00", "07:32:00"]),
)


def arrays(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def array(draw: st.DrawFn) -> str:
        items = draw(st.lists(values, max_size=4))
        if draw(st.booleans()):  # over lines, with comments and a trailing comma
            lines = [f"  {item}, # note [x], {{y}}" for item in items]
            return "[\n" + "\n".join(lines) + "\n]"
        return "[" + ", ".join(items) + (", " if items and draw(st.booleans()) else "") + "]"

    return array()


def tables(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def table(draw: st.DrawFn) -> str:
        entries = draw(st.dictionaries(KEYS, values, max_size=3))
        return "{" + ", ".join(f"{key} = {value}" for key, value in entries.items()) + "}"

    return table()


VALUES = st.recursive(SCALARS, lambda inner: st.one_of(arrays(inner), tables(inner)), max_leaves=8)


def at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value.isoformat() if isinstance(value, (dt.datetime, dt.date, dt.time)) else value


@given(st.lists(st.tuples(KEYS, VALUES), min_size=1, max_size=4, unique_by=lambda pair: pair[0]), st.booleans())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_each_located_value_reads_back_as_the_value_at_its_path(entries: list[tuple[str, str]], crlf: bool) -> None:
    body = "".join(f"{key} = {value} # comment\n" for key, value in entries)
    source = '\ufeff+++\n日本 = "😀"\n' + body + "+++\n"
    if crlf:
        source = source.replace("\n", "\r\n")
    try:
        tomllib.loads(source[1:].split("+++", 2)[1])
    except tomllib.TOMLDecodeError:  # (a dotted key over a value of another key: not TOML)
        return
    doc = read_document("a.md", source.encode())
    fm = parse_front_matter(doc)
    assert fm is not None and fm.data is not None and not fm.problems
    for path, located in fm.locations.items():
        written = doc.text[located.value.start : located.value.end]
        assert plain(tomllib.loads(f"v = {written}")["v"]) == at(fm.data, path), (path, written)
    leaves = _paths(fm.data, ())
    assert leaves <= set(fm.locations), leaves - set(fm.locations)


def _paths(data: Any, path: JsonPath) -> set[JsonPath]:
    """Every path below the root of ``data``."""
    found: set[JsonPath] = {path} if path else set()
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found |= _paths(value, (*path, key))
    return found


def test_a_schema_error_in_an_array_is_at_its_item() -> None:
    source = '+++\ntitle = "x"\ntags = [\n  "ok", # fine\n  false,\n]\ncategories = ["a", true]\n+++\n'
    check(source, [(5, 3, "SC001"), (7, 20, "SC001")])


def test_after_a_bom_crlf_cjk_and_an_emoji() -> None:
    source = '\ufeff+++\r\ntitle = "日本 😀"\r\ntags = ["日本", "😀", true]\r\n+++\r\n'
    check(source.encode(), [(3, 20, "SC001")])


def test_inline_table_entries_are_located() -> None:
    doc = read_document("a.md", b'+++\nmenu = { main = { weight = "w", name = "x" } }\n+++\n')
    fm = parse_front_matter(doc)
    assert fm is not None
    weight = fm.locations[("menu", "main", "weight")]
    assert doc.text[weight.value.start : weight.value.end] == '"w"'
    assert weight.key is not None and doc.text[weight.key.start : weight.key.end] == "weight"


def test_site_rules_report_and_fix_toml_terms_at_their_items(tmp_path, monkeypatch, capsys) -> None:
    """SITE002 at the minority spelling's item (its fix writes the majority inside the quotes); SITE001 at the
    alias item; SITE007 at the empty term."""
    from fmlint.cli import main

    write_file(tmp_path, "hugo.toml", 'baseURL = "https://example.org/"\n')
    for number in (1, 2, 3):
        write_file(tmp_path, f"content/posts/p{number}.md", f'+++\ntitle = "P{number}"\ntags = ["AI", "ml"]\n+++\n')
    write_file(tmp_path, "content/posts/q.md", '+++\ntitle = "Q"\ntags = [\n  "ml", # x\n  \'ai\',\n  "",\n]\n+++\n')
    write_file(tmp_path, "content/posts/r.md", '+++\ntitle = "R"\naliases = ["/a/", "/posts/p1/"]\n+++\n')
    monkeypatch.chdir(tmp_path)
    assert main(["--no-cache", "--select", "SITE", "--format", "concise", "content"]) == 1
    found = [line.split(" ", 2)[:2] for line in capsys.readouterr().out.splitlines() if "SITE" in line]
    assert found == [
        ["content/posts/p1.md:1:1:", "SITE001"],
        ["content/posts/q.md:5:3:", "SITE002"],
        ["content/posts/q.md:6:3:", "SITE007"],
        ["content/posts/r.md:3:19:", "SITE001"],
    ]
    assert main(["--no-cache", "--select", "SITE002", "--fix", "--unsafe-fixes", "content"]) == 0
    assert (tmp_path / "content/posts/q.md").read_text() == (
        '+++\ntitle = "Q"\ntags = [\n  "ml", # x\n  \'AI\',\n  "",\n]\n+++\n'
    )

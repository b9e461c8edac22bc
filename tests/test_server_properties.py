"""Properties of the server's features on arbitrary front matter: never an exception, and a
suppression it offers silences exactly its finding (checked by applying it and linting again)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from fmlint.fix.apply import fix_document
from fmlint.frontmatter import parse_front_matter
from fmlint.server.actions import code_actions
from fmlint.server.completion import completion
from fmlint.server.configuration import Configuration
from fmlint.server.definition import definition
from fmlint.server.diagnostics import lint_buffer
from fmlint.server.hover import hover
from fmlint.server.quick_fixes import fix_all_action
from fmlint.server.text import TextBuffer

FRAGMENTS = [
    "---\n", "+++\n", "{", "}", "[", "]", '"', "'", "title: x\n", "titel: 1\n", "build:\n", "  list: ", "  ",
    "draft = ", "\r\n", "\r", "\u2028", "中文", "😀", ":", ",", "\n", "# fmlint-disable-line SC001",
    "<!-- fmlint-disable-line MD001 -->", "[build]\n", "# H\n", "### h\n", "- a\n", "sidebar: 1\n", "\\", "=",
    " ", "|\n  x\n",
]  # fmt: skip
YAML_LINES = [
    "title: x\n", "titel: 1\n", "sidebar: 1\n", "summary: |\n", "  text\n", "draft: yes\n", "tags: [中文😀, 1]\r\n",
    "build:\n", "  list: 3\n", "layout: yes\r\n", "lead: no\n", "x: 'a # b'\n", "date: 2025-13-01\n", "title: \"a\u2028b\"\n",
]  # fmt: skip
TOML_LINES = ['title = "x"\n', "titel = 1\n", "sidebar = 1\n", "[build]\n", "list = 3\n", 'tags = ["中文😀", 1]\n']
BODY_LINES = [
    "# H\n",
    "### h\n",
    "text\n",
    "```\n",
    "<!-- fmlint-disable-line MD001 -->\n",
    "![](x.png)\n",
    "\n",
    "- a\n",
]
documents = st.one_of(
    st.tuples(st.just("---\n"), st.lists(st.sampled_from(YAML_LINES), max_size=8), st.just("---\n"),
              st.lists(st.sampled_from(BODY_LINES), max_size=6)),
    st.tuples(st.just("+++\n"), st.lists(st.sampled_from(TOML_LINES), max_size=8), st.just("+++\n"),
              st.lists(st.sampled_from(BODY_LINES), max_size=6)),
    st.tuples(st.sampled_from(["---\n", "+++\n", "{", ""]), st.lists(st.sampled_from(FRAGMENTS), max_size=20),
              st.just(""), st.just([])),
)  # fmt: skip
Parts = tuple[str, list[str], str, list[str]]
ROOT = Path(__file__).resolve().parents[1] / "examples"


def buffer(parts: Parts, encoding: str = "utf-16") -> TextBuffer:
    text = parts[0] + "".join(parts[1]) + parts[2] + "".join(parts[3])
    return TextBuffer("file:///post.md", str(ROOT / "post.md"), text, 1, encoding)


@settings(max_examples=60, deadline=None)
@given(documents, st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_hover_completion_and_definition_never_raise(parts: Parts, encoding: str) -> None:
    buf = buffer(parts, encoding)
    found = Configuration(ROOT).settings_for(buf.path)
    for line in range(buf.text.count("\n") + 2):
        for character in range(0, 10, 3):
            position = types.Position(line, character)
            hover(buf, found, None, position)
            completion(buf, found, position)
            definition(buf, found, position)


LINK_LINES = [  # (references to pages of examples/, to none, to headings, and broken ones)
    '{{< ref "rust-release" >}}\n', "[a](rust-release.md#what-changed)\n", "[b](/posts/json-article/#x)\n", "[c](#h)\n",
    '{{< relref "/posts" >}}\n', "[d](gone.md)\n", "[e](../seed/)\n", '{{< ref "" >}}\n', "[f](<a b.md>)\n",
]  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*LINK_LINES, *BODY_LINES]), max_size=8), st.sampled_from(["utf-8", "utf-16"]))
def test_go_to_definition_from_a_link_never_raises(body: list[str], encoding: str) -> None:
    """At the start, the end and past each reference of a page of ``examples/`` (a Hugo site), and at its top."""
    from fmlint.server.links import link_location

    configuration = Configuration(ROOT)
    buf = TextBuffer(
        "file:///links.md", str(ROOT / "content/posts/links.md"), "---\ntitle: x\n---\n" + "".join(body), 1, encoding
    )
    outcome = lint_buffer(buf.snapshot(), configuration)
    assert outcome.own is not None and outcome.own.facts is not None
    offsets = {0, *(at for each in outcome.own.facts.references for at in (each.start, each.end, each.end + 1))}
    for offset in offsets:
        found = link_location(outcome, configuration, buf.position(buf.from_fmlint(offset)), {})
        assert found is None or found.uri.startswith("file://")


@settings(max_examples=60, deadline=None)
@given(documents)
def test_an_offered_suppression_silences_its_finding_and_keeps_the_data(parts: Parts) -> None:
    configuration = Configuration(ROOT)
    buf = buffer(parts)
    outcome = lint_buffer(buf.snapshot(), configuration)
    everything = types.Range(types.Position(0, 0), types.Position(buf.text.count("\n") + 1, 0))
    for action in code_actions(buf, outcome, everything, configuration.policy_for(buf.path)):
        if not action.title.startswith("Suppress") or action.edit is None or action.edit.changes is None:
            continue
        (edit,) = action.edit.changes[buf.uri]
        code = action.title.split()[1]
        (target,) = action.diagnostics or []
        start = buf.offset(edit.range.start)
        edited = TextBuffer(buf.uri, buf.path, buf.text[:start] + edit.new_text + buf.text[start:], 2, buf.encoding)
        after = lint_buffer(edited, configuration)
        assert not [d for d in after.diagnostics if d.code == code and d.range.start.line == target.range.start.line]
        before_data, after_data = parse_front_matter(buf.document), parse_front_matter(edited.document)
        assert (before_data and before_data.data) == (after_data and after_data.data)


@settings(max_examples=80, deadline=None)
@given(documents, st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_fix_all_edits_give_the_text_fmlint_fix_makes(parts: Parts, encoding: str) -> None:
    """The one edit of ``source.fixAll.fmlint``, applied to the buffer, is ``fix_document``'s text
    (even when the changed part begins or ends at a CRLF)."""
    configuration = Configuration(ROOT)
    buf = buffer(parts, encoding)
    found = configuration.settings_for(buf.path)
    policy = configuration.policy_for(buf.path)
    action = fix_all_action(buf, found, policy)
    wanted = fix_document(
        buf.document, found, lambda d: d.fix is not None and policy.applies(d.code, d.fix.applicability, False)
    ).doc.text
    if action is None:
        assert wanted == buf.document.text
        return
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[buf.uri]
    start, end = buf.offset(edit.range.start), buf.offset(edit.range.end)
    assert buf.text[:start] + edit.new_text + buf.text[end:] == wanted


@pytest.mark.parametrize("start", ["", "\ufeff"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_suppression_comment_is_hovered_exactly_where_it_is_written(start: str, newline: str) -> None:
    """Every column of the comment's line and of the lines around it: the codes show on the comment alone
    (after a byte-order mark, and with each kind of line break, as the editor counts lines)."""
    comment = "<!-- fmlint-disable-line MD001 -->"
    lines = ["---", "title: x", "---", "Text", f"Text {comment} x", "Text <!-- a --> y"]
    buf = TextBuffer("file:///post.md", str(ROOT / "post.md"), start + newline.join(lines) + newline, 1, "utf-16")
    shown = {
        (line, column)
        for line, text in enumerate(lines)
        for column in range(len(text) + 1)
        if (found := hover(buf, None, None, types.Position(line, column))) is not None
        and "MD001" in str(found.contents)
    }
    first = lines[4].index(comment)
    assert shown == {(4, column) for column in range(first + len("<!-- "), first + len(comment) + 1)}

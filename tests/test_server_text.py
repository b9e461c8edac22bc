"""The server's buffers: LSP lines and positions in each encoding (fmlint.server.text)."""

from __future__ import annotations

import pytest
from lsprotocol import types

from fmlint.diagnostics import Diagnostic, Severity
from fmlint.server.text import TextBuffer

P = types.Position


def buffer(text: str, encoding: str = "utf-16") -> TextBuffer:
    return TextBuffer("file:///post.md", "/post.md", text, 1, encoding)


@pytest.mark.parametrize(("encoding", "column"), [("utf-32", 3), ("utf-16", 4), ("utf-8", 10)])
def test_a_column_after_cjk_and_an_emoji_counts_the_encodings_units(encoding: str, column: int) -> None:
    text = "x\n中文😀!\n"
    buf = buffer(text, encoding)
    assert buf.position(text.index("!")) == P(1, column)
    assert buf.offset(P(1, column)) == text.index("!")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\f", "\x1c", "\x1d", "\x1e", "\v"])
def test_only_lf_crlf_and_cr_end_lines(separator: str) -> None:
    text = f"a{separator}b\nc"
    buf = buffer(text)
    assert buf.position(text.index("c")) == P(1, 0)
    assert buf.position(text.index("b")) == P(0, 2)


def test_cr_lf_and_crlf_each_end_one_line() -> None:
    text = "a\rb\r\nc\nd"
    buf = buffer(text)
    assert [buf.position(text.index(ch)) for ch in "abcd"] == [P(0, 0), P(1, 0), P(2, 0), P(3, 0)]
    assert buf.position(text.index("\n")) == P(1, 1)  # between CR and LF: the end of the line
    assert buf.offset(P(1, 99)) == text.index("\r\n")  # past the end of a line: its end, before the break
    assert buf.offset(P(9, 0)) == len(text)


def test_an_incremental_edit_below_a_line_separator_lands_on_its_line() -> None:
    buf = buffer('---\ntitle: "a\u2028b"\ndraft: 1\n---\n')
    buf.apply(types.TextDocumentContentChangePartial(range=types.Range(P(2, 0), P(2, 5)), text="drafts"))
    assert buf.text == '---\ntitle: "a\u2028b"\ndrafts: 1\n---\n'
    buf.apply(types.TextDocumentContentChangeWholeDocument(text="new"))
    assert buf.text == "new" and buf.position(3) == P(0, 3)


def test_an_incremental_edit_in_utf8_after_an_emoji() -> None:
    buf = buffer("😀ab\n", "utf-8")
    buf.apply(types.TextDocumentContentChangePartial(range=types.Range(P(0, 4), P(0, 5)), text="X"))
    assert buf.text == "😀Xb\n"


def test_fmlint_positions_skip_a_bom_and_count_a_lone_cr_as_a_break() -> None:
    text = "\ufeff---\ntitle: x\rtitel: 1\n---\n"
    buf = buffer(text)
    # fmlint's index splits only at \n: `titel` is on its line 2, at column 10
    found = Diagnostic("/post.md", 2, 10, "SC002", 2, 15, "unknown-key", Severity.ERROR, "unknown key")
    assert buf.diagnostic_range(found) == types.Range(P(2, 0), P(2, 5))
    assert buf.document.text.startswith("---")  # fmlint reads the bytes: its text has no BOM


def test_a_lone_surrogate_from_the_client_is_read_as_invalid_utf8_not_a_crash() -> None:
    buf = buffer("---\ntitle: \ud800\n---\n")
    assert [problem.code for problem in buf.document.problems] == ["FL002"]

"""Completion inside YAML lists of objects (``resources:`` items): the keys of the item the cursor is in."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from fmlint.server.completion import completion
from fmlint.server.configuration import Configuration
from fmlint.server.text import TextBuffer

ROOT = Path(__file__).resolve().parents[1] / "examples"
RESOURCE_KEYS = {"src", "name", "title", "params"}


def offered(text: str, newline: str = "\n") -> tuple[set[str], list[types.Range]]:
    """The labels offered at the ``|`` in ``text``, and the ranges they replace."""
    before, after = text.replace("\n", newline).split("|")
    line, character = before.count("\n"), len(before.rsplit("\n", 1)[-1])
    buffer = TextBuffer("file:///post.md", str(ROOT / "post.md"), before + after, 1, "utf-16")
    items = completion(buffer, Configuration(ROOT).settings_for(buffer.path), types.Position(line, character))
    ranges = [item.text_edit.range for item in items if isinstance(item.text_edit, types.TextEdit)]
    return {item.label for item in items}, ranges


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("---\ntitle: x\nresources:\n  - src: a.png\n    |\n---\n", RESOURCE_KEYS - {"src"}),
        ("---\ntitle: x\nresources:\n  - src: a.png\n  - |\n---\n", RESOURCE_KEYS),  # a new item
        ("---\ntitle: x\nresources:\n  - src: a.png\n  - name: b\n    ti|\n---\n", RESOURCE_KEYS - {"name"}),
        ("---\ntitle: x\nresources:\n- src: a.png\n  |\n---\n", RESOURCE_KEYS - {"src"}),  # items not indented
        ("---\ntitle: x\nresources:\n  - src: a.png\n|\n---\n", None),  # back at the top level
        ("---\ntitle: x\ntags:\n  - |\n---\n", set()),  # a list of strings has no keys
    ],
)
def test_the_keys_of_the_list_item_the_cursor_is_in(text: str, keys: set[str] | None, newline: str) -> None:
    labels, ranges = offered(text, newline)
    if keys is None:  # the top level's keys, with the ones written left out
        assert "resources" not in labels and "title" not in labels and "date" in labels
        return
    assert labels == keys
    line = text.split("|")[0].count("\n")
    typed = len(text.split("|")[0].rsplit("\n", 1)[-1].lstrip(" -")) if keys else 0
    assert all(r.start.line == r.end.line == line and r.end.character - r.start.character == typed for r in ranges)

"""The site facts keep offsets, located for a finding (``fmlint.site.places``): the same lines and columns
as the linter gives, after a BOM, with CRLF endings, CJK and emoji before the values; and whether a file may
hold suppression comments, which the site pass then reads again."""

from __future__ import annotations

import os
import random

import msgspec

from fmlint.linter import lint_path
from fmlint.positions import LineIndex, Span
from fmlint.site.facts import At, Item, Reference
from fmlint.site.places import FILE_START, Places, texts_held
from tests.test_site_rules import SITE_SETTINGS, placed, site_findings, write

TEXTS = [
    "",
    "one line",
    "a\nb\n",
    '---\r\ntitle: "标题 🎉"\r\ntags: ["标签", "ai"]\r\n---\r\n\r\n## 标题\r\n\r\n见 {{< ref "/x" >}}\r\n',
    "\n\n\n🎉🎉\n\r\n\r\nend",
]


def test_a_place_is_where_the_file_read_again_or_the_text_held_has_it(tmp_path):
    """The facts keep offsets; ``Places`` locates them in the file read again (after its BOM) as the linter
    locates a finding, or in the text a run holds for it (the language server's buffer); a file gone since, or
    replaced by a pipe, gives its start."""
    chosen = random.Random(16)
    for number, text in enumerate(TEXTS):
        path = tmp_path / f"{number}.md"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        places = Places()
        for _ in range(100):
            start = chosen.randrange(len(text) + 1)
            end = chosen.randrange(start, len(text) + 1)
            expected = LineIndex(text).position(Span(start, end))
            assert places.at(str(path), Item("x", start, end)) == At(*msgspec.structs.astuple(expected))
    held = LineIndex("a\nbc\n")
    with texts_held({str(tmp_path / "0.md"): held}):
        assert Places().at(str(tmp_path / "0.md"), Reference("link", "x", 2, 4)) == At(2, 1, 2, 3)
    assert Places().at(str(tmp_path / "0.md"), Reference("link", "x", 2, 4)) == At(1, 1, 1, 1)  # (empty text)
    assert Places().at(str(tmp_path / "gone.md"), Item("x", 3, 5)) == FILE_START
    os.mkfifo(tmp_path / "pipe.md")  # (a pipe that replaced the file is never opened: that would block)
    assert Places().at(str(tmp_path / "pipe.md"), Item("x", 3, 5)) == FILE_START


def test_site_findings_are_located_after_a_bom_with_crlf_cjk_and_emoji(tmp_path):
    other = "---\ntitle: {}\ntags: [AI]\n---\n\nBody.\n"
    write(tmp_path, {"hugo.toml": "", "content/a.md": other.format("A"), "content/b.md": other.format("B")})
    text = (
        "\ufeff---\r\n"
        'title: "标题 🎉"\r\n'
        'tags: ["标签 🎉", "ai"]\r\n'
        "---\r\n"
        "\r\n"
        "## 标题 🎉 {#head}\r\n"
        "\r\n"
        '见 {{< ref "/missing" >}} and {{< relref path="/nope.md" lang="en" >}}\r\n'
        "[x](#head) [y](#无)\r\n"
    )
    (tmp_path / "content/cjk.md").write_bytes(text.encode("utf-8"))
    found = [line for line in site_findings(tmp_path) if line.startswith("content/cjk.md")]
    assert placed(found) == [
        "content/cjk.md:3:16-3:20 SITE002",  # the list item `"ai"`, quotes included; 🎉 is one column
        "content/cjk.md:8:12-8:20 SITE003",  # the quoted path of a one-argument shortcode
        "content/cjk.md:8:47-8:55 SITE003",  # a `path=` argument, with a `lang=` after it
        "content/cjk.md:9:16-9:18 SITE004",  # `#无`; `#head` is the heading's custom ID
    ]


def test_the_facts_say_whether_suppression_comments_may_apply(tmp_path):
    """The site pass reads a file again for its comments only when its facts say so: the mark in an HTML
    comment of the body or in the front matter, not in running text or code."""
    cases = {
        "comment.md": ("---\ntitle: A\n---\n\n<!-- fmlint-disable-next-line SITE003 -->\n[x](y.md)\n", True),
        "front.md": ("---\ntitle: A # fmlint-disable-line SITE006\n---\n\nBody.\n", True),
        "text.md": ("---\ntitle: A\n---\n\nA word with lint- in it.\n\n```\n<!-- fmlint-disable -->\n```\n", False),
    }
    write(tmp_path, {"hugo.toml": "", **{f"content/{name}": text for name, (text, _) in cases.items()}})
    for name, (_, expected) in cases.items():
        facts = lint_path(str(tmp_path / "content" / name), SITE_SETTINGS).facts
        assert facts is not None and facts.suppressions is expected, name

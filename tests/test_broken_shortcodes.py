"""SITE008: Hugo shortcodes that fail the build, judged by Hugo's own build (0.168) where it is installed."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_site_rules import HUGO, hugo_log, needs_hugo, page, site_findings, write

from fmlint.cache import ResultCache
from fmlint.cli import main
from fmlint.markdown import openings
from fmlint.site import facts, shortcode_lexer
from fmlint.site.config import forget_sites
from fmlint.site.shortcode_lexer import CLOSING, OPENING, SELF_CLOSED, lex_shortcodes

TEMPLATES = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "layouts/_shortcodes/plain.html": "plain",
    "layouts/_shortcodes/wrap.html": "<b>{{ .Inner }}</b>",
    "layouts/_shortcodes/ns/deep.html": "deep",
    "layouts/_shortcodes/Mixed.en.html": "mixed",
    "layouts/_shortcodes/cmt.html": "c{{/* .Inner */}}",
}


def _lexed(text: str) -> tuple[list[tuple[str, int, int, int]], tuple[str, int, int] | None]:
    return lex_shortcodes(text, [m.start() for m in re.finditer(r"\{(?=\{[<%])", text)])


@pytest.mark.parametrize(
    ("text", "tags", "error"),
    [
        ('{{< plain a="b" >}}', [("plain", 0, 19, OPENING)], None),
        ("{{< wrap >}}x{{< /wrap >}}", [("wrap", 0, 12, OPENING), ("wrap", 13, 26, CLOSING)], None),
        ("{{% plain /%}}", [("plain", 0, 14, SELF_CLOSED)], None),
        ("{{</* nosuch */>}} {{% plain %}}", [("plain", 19, 32, OPENING)], None),
        ('{{< plain\n  a="b"\n  c="d" >}}', [("plain", 0, 29, OPENING)], None),
        ('{{< plain "a\\"b" `raw` >}}', [("plain", 0, 26, OPENING)], None),
        ("{{< ns/deep x-1 2.5 >}}", [("ns/deep", 0, 23, OPENING)], None),
        (
            '{{< plain a="b" c >}}',
            [],
            ("got positional parameter 'c'. Cannot mix named and positional parameters", 16, 17),
        ),
        (
            '{{< plain a = "b" c="d" >}}',
            [],
            ("got named parameter 'c'. Cannot mix named and positional parameters", 18, 19),
        ),
        (
            '{{< plain a="b" "c" >}}',
            [],
            ("got quoted positional parameter. Cannot mix named and positional parameters", 16, 17),
        ),
        (
            "{{< plain %}}",
            [],
            (
                "unrecognized character in shortcode action: U+0025 '%'. Note: Parameters with non-alphanumeric args must be quoted",
                10,
                11,
            ),
        ),
        ("{{< /plain >}}", [], ("got closing shortcode, but none is open", 4, 5)),
        (
            "{{< plain >}}{{< /wrap >}}",
            [("plain", 0, 13, OPENING)],
            ("closing tag for shortcode 'wrap' does not match start tag", 18, 22),
        ),
        ("{{< plain.x >}}", [], ("period in shortcode name only allowed for inline identifiers", 4, 10)),
        ("{{< >}}", [], ("shortcode has no name", 0, 7)),
        ("{{< wrap >}}x{{</>}}", [("wrap", 0, 12, OPENING), ("wrap", 13, 20, CLOSING)], None),  # (buildpacks.io)
        ("{{< plain a=b>}}\n", [], ("unclosed shortcode action", 17, 18)),
        (
            '{{< plain "open >}}\nx',
            [],
            ("unterminated quoted string in shortcode parameter-argument: 'open >}}'", 11, 20),
        ),
        ("{{</* plain >}}", [], ("comment must be closed", 0, 3)),
        ('{{% dir a="b" c= %}}x{{% /dir %}}', [("dir", 0, 33, SELF_CLOSED)], None),  # (`c`'s value runs to a space)
    ],
)
def test_the_lexer_reads_tags_and_errors_as_hugos(text, tags, error):
    assert _lexed(text) == (tags, error)


# (body, Hugo's error as the line:column fmlint reports, or None where Hugo builds); the body starts on line 5
CASES = [
    ("{{< plain >}} {{< plain a=1 >}}", None),
    ("{{< wrap >}}x{{< /wrap >}} {{< wrap />}}", None),
    ("{{< wrap >}}x{{</>}} {{< wrap >}}y{{< / >}}", None),
    ("{{< Plain >}} {{< mixed >}} {{< ns/deep >}}", None),  # (any case, a language variant, a subfolder)
    ('{{< details summary="a" >}}x{{< /details >}} {{< figure src="x.png" >}}', None),
    ("{{</* nosuch */>}}", None),
    ("{{< plain a.b >}}", None),
    ("{{< nosuch >}}", "5:1"),
    ("```\n{{< nosuch >}}\n```", "6:1"),  # (Hugo reads tags in code and comments too)
    ("<!-- {{< nosuch >}} -->", "5:6"),
    ("`{{< nosuch >}}`", "5:2"),
    ("{{< plain />}}", "5:1"),
    ('{{< figure src="x.png" />}}', "5:1"),
    ("{{< plain >}}x{{< /plain >}}", "5:15"),
    ("{{< cmt >}}x{{< /cmt >}}", "5:13"),  # (`.Inner` only in a comment of the template)
    ("{{< wrap >}}x", "5:1"),
    ("{{< wrap >}}{{< wrap >}}x{{< /wrap >}}", "5:1"),  # (the inner tag takes the closing one)
    ('{{< plain a="b" c >}}', "5:17"),
    ("{{< plain %}}", "5:11"),
    ("{{< /plain >}}", "5:5"),
    ("{{< plain >}}{{< /wrap >}}", "5:19"),
    ("{{< >}}", "5:1"),
    ("Shortcodes using the `{{% ` as the outer-most delimiter.", "5:27"),  # (Hugo's docs, 0.55's release notes)
    ('[More]({{< "actors.md#lifetime" >}})', "5:12"),  # (dapr's docs, March 2023)
    ("{{< plain .NET Java >}}", "5:11"),  # (dapr's docs, June 2024: tabs' names unquoted)
    ('{{< plain id="[x](https://youtu.be/x "https://youtu.be/x")" t="10" >}}', "5:39"),  # (linkerd.io, 2020)
    (
        "{{< wrap >}}\nNote.\n{{< /wrap >}\n\nText.",
        "7:11",
    ),  # (dapr's docs in 2021: the lexer's error, not the tag left open)
]


def _hugo_error(root: Path) -> str | None:
    """The line:column of the content file Hugo's build fails at, or None where it builds."""
    done = hugo_log(root)
    if done.returncode == 0:
        return None
    found = re.search(r"content/a\.md:(\d+:\d+)", done.stdout + done.stderr)
    assert found is not None, done.stdout + done.stderr
    return found.group(1)


@needs_hugo
@pytest.mark.parametrize(("body", "expected"), CASES)
def test_findings_are_where_hugos_build_fails(tmp_path, body, expected):
    write(tmp_path, {**TEMPLATES, "content/a.md": page('title: "A"', body=body + "\n")})
    found = [line for line in site_findings(tmp_path) if " SITE008 " in line]
    assert _hugo_error(tmp_path) == expected
    assert [line.split(":", 1)[1].split("-")[0] for line in found] == ([expected] if expected else [])


def test_every_unknown_shortcode_is_reported_with_its_range(tmp_path):
    body = "中文 {{< nosuch >}}\r\n\r\n{{< plain >}} {{< other a=1 >}}\r\n"
    write(tmp_path, {**TEMPLATES, "content/a.md": "\ufeff" + page('title: "A"', body=body).replace("\n", "\r\n")})
    assert site_findings(tmp_path) == [
        "content/a.md:5:4-5:18 SITE008 no template for shortcode `nosuch`: Hugo fails the build "
        '("template for shortcode not found")',
        "content/a.md:7:15-7:32 SITE008 no template for shortcode `other`: Hugo fails the build "
        '("template for shortcode not found")',
    ]


def test_an_unreadable_tag_is_reported_with_hugos_message_after_cjk(tmp_path):
    write(tmp_path, {**TEMPLATES, "content/a.md": page('title: "A"', body='文字 😀 {{% plain name="tip" 注意 %}}\n')})
    assert site_findings(tmp_path) == [
        "content/a.md:5:27-5:29 SITE008 Hugo fails the build: it cannot read this shortcode: "
        "got positional parameter '注意'. Cannot mix named and positional parameters"
    ]


def test_templates_are_not_judged_where_the_site_is_not_all_here(tmp_path):
    body = "{{< nosuch >}} {{< plain />}}\n"
    write(tmp_path, {"hugo.toml": 'theme = "gone"\n', "content/a.md": page('title: "A"', body=body)})
    assert site_findings(tmp_path) == []  # (its theme is missing)
    write(tmp_path, {"hugo.toml": ""})
    forget_sites()
    assert site_findings(tmp_path) == []  # (no layout folder at all: its templates are elsewhere)
    write(tmp_path, {"content/b.md": page('title: "B"', body='{{< x a="b" c >}}\n')})
    found = [line.split(" SITE008 ")[0] for line in site_findings(tmp_path)]
    assert found == ["content/b.md:5:13-5:14"]  # (what Hugo's lexer cannot read needs no template)
    write(tmp_path, {"layouts/_shortcodes/plain.html": "p"})
    found = [line.split(" SITE008 ")[0] for line in site_findings(tmp_path)]
    assert found == ["content/a.md:5:1-5:15", "content/a.md:5:16-5:30", "content/b.md:5:13-5:14"]  # (all here)


def test_a_closing_tag_is_not_judged_after_a_shortcode_whose_templates_disagree(tmp_path):
    write(
        tmp_path,
        {
            **TEMPLATES,
            "layouts/_shortcodes/both.html": "{{ .Inner }}",
            "layouts/_shortcodes/both.json": "{}",
            "layouts/_shortcodes/both.amp.html": "none",
            "content/a.md": page('title: "A"', body="{{< both >}} {{< /both >}} {{< nosuch >}}\n"),
        },
    )
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path)] == ["content/a.md:5:28-5:42"]


# (body, Hugo's error with inline shortcodes off and on, as in CASES): their tags pair with each other alone, and
# with ``enableInlineShortcodes`` a use needs an earlier definition in the page (names are case-sensitive)
INLINE_CASES = [
    ("{{< t.inline >}}x{{< /t.inline >}}\n\n{{< wrap >}}\nopen", "7:1", "7:1"),
    ("{{< wrap >}}a{{< t.inline >}}x{{< /t.inline >}}", "5:1", "5:1"),
    ("{{< t.inline >}}x{{< /t.inline >}} {{< plain />}}", "5:36", "5:36"),
    ("{{< wrap >}}{{< t.inline >}}x{{< /t.inline >}}{{< /wrap >}}", None, None),
    ("{{< t.inline />}} {{< wrap >}}x{{< /wrap >}}", None, "5:1"),
    ("{{< t.inline >}}x", None, "5:1"),  # (no closing tag: a use)
    ("{{< t.inline />}}\n{{< t.inline >}}x{{< /t.inline >}}", None, "5:1"),
    ("{{< T.inline >}}x{{< /T.inline >}}\n{{< t.inline />}}", None, "6:1"),
    ("```\n{{< t.inline />}}\n```", None, "6:1"),
    ("{{< t.inline >}}x{{< /t.inline >}}\n{{< t.inline />}}", None, None),
    ("{{< t.inline >}}x{{< /t.inline >}}\n{{< t.inline >}}y", None, None),
    ("{{% t.inline %}}x{{% /t.inline %}}\n{{< t.inline />}}", None, None),
]


@needs_hugo
@pytest.mark.parametrize("enabled", [False, True])
@pytest.mark.parametrize(("body", "off", "on"), INLINE_CASES)
def test_inline_shortcodes_are_judged_as_hugo_pairs_and_renders_them(tmp_path, body, off, on, enabled):
    config = TEMPLATES["hugo.toml"] + f"enableInlineShortcodes = {str(enabled).lower()}\n"
    write(tmp_path, {**TEMPLATES, "hugo.toml": config, "content/a.md": page('title: "A"', body=body + "\n")})
    expected = on if enabled else off
    found = [line for line in site_findings(tmp_path) if " SITE008 " in line]
    assert _hugo_error(tmp_path) == expected
    assert [line.split(":", 1)[1].split("-")[0] for line in found] == ([expected] if expected else [])


# what a page of random tags is made of (Hugo's embedded shortcodes, the site's, inline ones, refs, code and comments)
TAG_PIECES = [
    "{{< plain >}}",
    "{{< plain />}}",
    '{{< plain a="b" >}}',
    "{{% plain %}}",
    "{{< /plain >}}",
    "{{< wrap >}}",
    '{{< wrap "p" >}}',
    "{{< /wrap >}}",
    "{{< wrap />}}",
    "{{% wrap %}}",
    "{{% /wrap %}}",
    "{{< cmt >}}",
    "{{< /cmt >}}",
    "{{< nosuch >}}",
    "{{< t.inline >}}",
    "{{< /t.inline >}}",
    "{{< t.inline />}}",
    "{{< T.inline >}}",
    "{{< /T.inline >}}",
    '{{< param "title" >}}',
    '{{< param "nope" >}}',
    '{{< ref "b" >}}',
    '{{< ref "nosuch" >}}',
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    '{{< figure src="x.png" >}}',
    '{{< figure src="x.png" />}}',
    '{{< details summary="s" >}}',
    "{{< /details >}}",
    "{{</* plain */>}}",
    "x",
    "\n\n",
    "```\n",
    "<!-- ",
    " -->",
    "`",
]


@needs_hugo
@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(TAG_PIECES), min_size=1, max_size=8).map("".join), st.booleans())
@example('{{< highlight go >}}{{< wrap >}}{{< ref "b" >}}', False)  # (Hugo: the error at the tag around it)
def test_a_page_of_random_tags_fails_fmlints_check_where_it_fails_hugos_build(body, inline):
    """Hugo's build fails exactly where SITE008 or SITE003 reports something (the first error Hugo meets is one of
    them, but for a tag inside an open shortcode, which Hugo places at that shortcode: a random stop 79 ran 400
    pages so, and all agreed)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        config = TEMPLATES["hugo.toml"] + f"enableInlineShortcodes = {str(inline).lower()}\n"
        files = {"hugo.toml": config, "content/b.md": page('title: "B"'), "content/a.md": page('title: "A"', body=body)}
        write(root, {**TEMPLATES, **files})
        failing = [line for line in site_findings(root) if " SITE008 " in line or " SITE003 " in line]
        error = _hugo_error(root)
        assert (error is not None) == bool(failing), failing
        if error is not None and not any(line.startswith(f"content/a.md:{error}-") for line in failing):
            # (Hugo names the tag an error is in: a ref's at its start, a tag's inside an open shortcode at the
            # shortcode's; an error it meets as it renders may come after one it meets as it reads the tags)
            text = (root / "content/a.md").read_text()
            tags = [_line_column(text, m.start()) for m in re.finditer(r"\{\{[<%]", text)]
            found = [tuple(map(int, line.split(":", 1)[1].split("-")[0].split(":"))) for line in failing]
            at = tuple(map(int, error.split(":")))
            assert at in tags and any(place >= at for place in found), (error, failing)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


@pytest.mark.parametrize(
    "config",
    [
        {"hugo.toml": TEMPLATES["hugo.toml"] + "enableInlineShortcodes = true\n"},
        {
            "hugo.toml": TEMPLATES["hugo.toml"]
            + "enableInlineShortcodes = false\n[security]\nenableInlineShortcodes = true\n"
        },
        {"config/_default/security.yaml": "enableInlineShortcodes: true\n"},  # (Hugo: either key turns them on)
    ],
)
def test_an_inline_shortcode_used_undefined_is_reported_where_hugo_renders_the_page(tmp_path, config):
    body = "文字 😀 {{< t.inline />}}\r\n"
    write(
        tmp_path,
        {
            **TEMPLATES,
            **config,
            "content/a.md": "\ufeff" + page('title: "A"', body=body).replace("\n", "\r\n"),
            "content/draft.md": page('title: "D"\ndraft: true', body=body),  # (not built: nothing rendered)
        },
    )
    assert site_findings(tmp_path) == [
        "content/a.md:5:6-5:23 SITE008 inline shortcode `t.inline` is used before this page defines it "
        "(`{{< t.inline >}}…{{< /t.inline >}}`): Hugo fails the build "
        '(no earlier definition of shortcode "t.inline" found)'
    ]


@needs_hugo
def test_a_self_closed_tag_that_takes_no_content_is_fixed_safely_and_then_builds(tmp_path, monkeypatch, capsys):
    body = '中 {{< youtube id="abc" />}} {{% plain %}}{{< wrap />}}\r\n{{< plain a / >}}\r\n'
    write(tmp_path, {**TEMPLATES, "content/a.md": page('title: "A"', body=body)})
    monkeypatch.chdir(tmp_path)
    assert main(["--format", "json", "content"]) == 1
    fixes = [(d["line"], d["column"], d["fix"]) for d in json.loads(capsys.readouterr().out)]
    assert fixes == [
        (
            5,
            3,
            {
                "applicability": "safe",
                "message": "Write the `youtube` tag without its `/`",
                "edits": [{"line": 5, "column": 24, "end_line": 5, "end_column": 25, "content": ""}],
            },
        ),
        (6, 1, None),  # (a `/` apart from its `>}}`: no fix)
    ]
    assert main(["--fix", "content"]) == 1
    fixed = body.replace('"abc" />}}', '"abc" >}}')
    assert (tmp_path / "content/a.md").read_bytes().decode() == page('title: "A"', body=fixed)
    (tmp_path / "content/a.md").write_text(page('title: "A"', body=fixed.replace("{{< plain a / >}}", "")))
    assert _hugo_error(tmp_path) is None
    forget_sites()  # (read by the folder's relative name, `content/`, which the next test's site may have too)


LEXER_PIECES = [
    "{{<",
    "{{%",
    ">}}",
    "%}}",
    " ",
    "\n",
    "/",
    "x",
    "ref",
    "a=",
    '"v"',
    '"',
    "`r`",
    "\\",
    ".",
    "%",
    "/*",
    "*/",
    "-",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LEXER_PIECES), min_size=1, max_size=14).map("".join))
@example('{{< x a="b" >}}{{< /x >}}{{% y "c" d-1 /%}}')
@example('{{< ref "a" %}}')
def test_the_lexers_one_match_reads_tags_as_its_states_do(text):
    """``_SIMPLE`` (a simple tag in one match) reads what Hugo's states, ported, read."""
    found = _lexed(text)
    with patch.object(shortcode_lexer, "_SIMPLE", re.compile(r"(?!)")):  # (never matches)
        assert _lexed(text) == found


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*LEXER_PIECES, '{{< ref "a" >}}', '{{% relref "b#c" %}}']), max_size=10).map("".join))
def test_a_page_of_plain_refs_alone_is_not_lexed_as_none_would_be_kept(text):
    """The facts skip the lexer where every tag is a plain ref (``plain_refs``): it would keep no tag, no error."""
    tags = openings(text)[0]
    plain = facts._shortcode_facts(text, tags, [], [])[4]
    if plain == len(tags):
        assert facts._hugo_shortcodes(text, tags) == ([], None)


@needs_hugo
def test_a_template_of_a_type_or_section_folder_counts_as_found(tmp_path):
    """linkerd.io keeps most shortcodes in `layouts/docs/_shortcodes/` (Hugo 0.146's templates of the pages of the
    `docs` type): Hugo finds them by name, and renders them for those pages."""
    write(
        tmp_path,
        {
            **TEMPLATES,
            "layouts/docs/_shortcodes/note-of-docs.html": "<p>{{ .Inner }}</p>",
            "content/docs/a.md": page('title: "A"', body="{{< note-of-docs >}}x{{< /note-of-docs >}} {{< nosuch >}}\n"),
        },
    )
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path)] == ["content/docs/a.md:5:44-5:58"]
    (tmp_path / "content/docs/a.md").write_text(page('title: "A"', body="{{< note-of-docs >}}x{{< /note-of-docs >}}\n"))
    assert site_findings(tmp_path) == []
    assert _hugo_error(tmp_path) is None


@pytest.mark.parametrize(
    ("file", "front", "docs", "deep"),
    [
        ("content/docs/b.md", (), True, False),
        ("content/docs/deep/b.md", (), True, False),
        ("content/docs/_index.md", (), True, False),
        ("content/other/b.md", ("type: docs",), True, False),  # (a page of the type, wherever it is)
        ("content/docs/b.md", ("type: blog",), False, False),  # (its type, not its folder)
        ("content/blog/b.md", (), False, False),
        ("content/_index.md", (), False, False),
        ("content/_index.md", ("type: docs",), True, False),
        ("content/blog/deep/b.md", (), False, True),  # (`layouts/blog/deep/_shortcodes/`)
        ("content/other/deep/b.md", ("type: blog",), False, True),  # (its type, then its folders)
        ("content/blog/deep/b.md", ("type: other",), False, False),
        ("content/blog/other/b.md", ("type: blog",), False, False),
    ],
)
def test_a_template_of_a_type_or_section_folder_serves_its_pages_alone(tmp_path, file, front, docs, deep):
    """Hugo 0.146 renders a shortcode of `layouts/docs/_shortcodes/` for the pages of type `docs` (those below
    `docs/` unless they name another type), a shortcode of `layouts/blog/deep/_shortcodes/` for those of type `blog`
    in a folder `deep`; elsewhere it finds no template ("no template found for shortcode", as it renders the
    page)."""
    write(
        tmp_path,
        {
            **TEMPLATES,
            "layouts/docs/_shortcodes/docsonly.html": "d",
            "layouts/blog/deep/_shortcodes/deeponly.html": "d",
            file: page('title: "B"', *front, body="{{< docsonly >}} {{< deeponly >}}\n"),
        },
    )
    line = 5 + len(front)
    expected = [f"{file}:{line}:1-{line}:17"] if not docs else []
    expected += [f"{file}:{line}:18-{line}:34"] if not deep else []
    assert [found.split(" SITE008 ")[0] for found in site_findings(tmp_path)] == expected
    if HUGO is not None:
        for name, served in (("docsonly", docs), ("deeponly", deep)):
            write(tmp_path, {file: page('title: "B"', *front, body=f"{{{{< {name} >}}}}\n")})
            done = subprocess.run([HUGO, "-s", str(tmp_path), "-d", str(tmp_path / "public")], check=False)
            assert (done.returncode == 0) == served


def test_a_type_a_cascade_gives_chooses_the_templates_of_its_folder(tmp_path):
    """linkerd.io's `content/2.19/_index.md` cascades `type: docs` to its pages, which `layouts/docs/_shortcodes/`
    serves; a targeted cascade's type leaves the pages' templates unjudged."""
    write(
        tmp_path,
        {
            **TEMPLATES,
            "layouts/docs/_shortcodes/docsonly.html": "d",
            "content/2.19/_index.md": page('title: "Docs"', "cascade:", "  type: docs"),
            "content/2.19/tasks/b.md": page('title: "B"', body="{{< docsonly >}}\n"),
            "content/blog/_index.md": page(
                'title: "Blog"', "cascade:", "  - target:", "      path: /blog/x", "    type: docs"
            ),
            "content/blog/b.md": page('title: "B"', body="{{< docsonly >}}\n"),
            "content/other/b.md": page('title: "B"', body="{{< docsonly >}}\n"),
        },
    )
    assert [found.split(" SITE008 ")[0] for found in site_findings(tmp_path)] == ["content/other/b.md:5:1-5:17"]
    if HUGO is not None:  # (the cascaded type's page builds; the targeted cascade's misses `blog/b.md`: not judged)
        (tmp_path / "content/other/b.md").unlink()
        (tmp_path / "content/blog/b.md").unlink()
        assert _hugo_error(tmp_path) is None


def test_a_run_over_one_edited_file_of_a_kept_site_finds_its_shortcode_and_a_new_template_clears_it(tmp_path):
    """A pre-commit run: the site's findings kept by a whole run, one file edited, then the template it names
    added (the kept findings depend on the templates looked for)."""
    files = {f"content/p{n}.md": page(f'title: "P{n}"', body="{{< wrap >}}x{{< /wrap >}}\n") for n in range(5)}
    write(tmp_path, {**TEMPLATES, **files})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert site_findings(tmp_path, cache=cache) == []
    (tmp_path / "content/p2.md").write_text(page('title: "P2"', body="{{< card >}}\n"), encoding="utf-8")
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path, ["content/p2.md"], cache)] == [
        "content/p2.md:5:1-5:13"
    ]
    (tmp_path / "layouts/_shortcodes/card.html").write_text("card", encoding="utf-8")
    assert site_findings(tmp_path, ["content/p2.md"], cache) == []
    assert site_findings(tmp_path, cache=cache) == []


def test_a_shortcode_of_a_theme_the_configuration_does_not_name_is_not_judged(tmp_path):
    """A build may name its theme on the command line (`hugo --theme docs`): a theme's template in the site's
    `themes/` counts as found, named in the configuration or not."""
    write(
        tmp_path,
        {
            **TEMPLATES,
            "themes/docs/layouts/_shortcodes/alert.html": "<div>{{ .Inner }}</div>",
            "content/a.md": page('title: "A"', body="{{< alert >}}x{{< /alert >}} {{< nosuch >}}\n"),
        },
    )
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path)] == ["content/a.md:5:30-5:44"]


def test_a_misspelt_embedded_shortcode_is_named(tmp_path):
    write(tmp_path, {**TEMPLATES, "content/a.md": page('title: "A"', body="{{< youtub id=x >}} {{< zzz >}}\n")})
    assert [line.split(" SITE008 ")[1] for line in site_findings(tmp_path)] == [
        "no template for shortcode `youtub` (did you mean `youtube`?): Hugo fails the build "
        '("template for shortcode not found")',
        'no template for shortcode `zzz`: Hugo fails the build ("template for shortcode not found")',
    ]


DOCSY_BODY = (
    "{{< alert >}}x{{< /alert >}} {{< tabpane >}}{{< tab header=a >}}b{{< /tab >}}{{< /tabpane >}}\n\n"
    "{{< blocks/cover >}}c{{< /blocks/cover >}} {{< youtube id >}} {{< nosuch >}}\n\n"
    '中文 {{< tabpanel >}} {{< readfile file="x" />}}\n'
)


def test_a_known_theme_not_checked_out_is_judged_by_the_shortcodes_its_versions_had(tmp_path):
    """Docsy as a git submodule not checked out (an empty folder): its shortcodes are known by name and `.Inner`
    (`known_themes.json`), so a name none of its versions had, and a tag closed against its template, are
    reported where Hugo would stop."""
    (tmp_path / "themes/docsy").mkdir(parents=True)
    write(tmp_path, {"hugo.toml": 'theme = "docsy"\n', "content/a.md": page('title: "A"', body=DOCSY_BODY)})
    assert site_findings(tmp_path) == [
        "content/a.md:7:63-7:77 SITE008 no template for shortcode `nosuch`: Hugo fails the build "
        '("template for shortcode not found")',
        "content/a.md:9:4-9:20 SITE008 no template for shortcode `tabpanel` (did you mean `tabpane`?): Hugo fails "
        'the build ("template for shortcode not found")',
        "content/a.md:9:21-9:47 SITE008 shortcode `readfile` takes no content (its template does not use `.Inner`), "
        "yet its tag is self-closed (`/>}}`): Hugo fails the build",
    ]


@pytest.mark.parametrize(
    ("version", "judged"),
    [
        ("v0.12.0", True),  # (a release the data lists)
        ("v0.11.1-0.20250115083033-1b3ab6b2ad92", True),  # (a commit older than the newest read)
        ("v0.99.1-0.20991231000000-1b3ab6b2ad92", False),  # (a commit newer than the data)
        ("v0.99.0", False),  # (a release the data does not know)
    ],
)
def test_a_known_module_is_judged_only_at_a_version_its_data_covers(tmp_path, version, judged):
    config = '[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n'
    go_mod = f"module example.org/site\n\ngo 1.22\n\nrequire github.com/google/docsy {version} // indirect\n"
    body = "{{< alert >}}x{{< /alert >}} {{< nosuch >}}\n"
    write(tmp_path, {"hugo.toml": config, "go.mod": go_mod, "content/a.md": page('title: "A"', body=body)})
    found = [line.split(" SITE008 ")[0] for line in site_findings(tmp_path)]
    assert found == (["content/a.md:5:30-5:44"] if judged else [])


def test_a_site_with_an_unknown_theme_beside_a_known_one_is_not_judged(tmp_path):
    config = 'theme = ["docsy", "hugo-component"]\n'
    write(tmp_path, {"hugo.toml": config, "content/a.md": page('title: "A"', body="{{< component >}}\n")})
    assert site_findings(tmp_path) == []


def test_known_shortcodes_merge_themes_and_leave_what_they_disagree_on_open():
    from fmlint.site.known_themes import known_shortcodes

    assert known_shortcodes(("hugo-component",)) is None
    assert known_shortcodes(("docsy", "github.com/martignoni/hugo-notice")) is not None
    docsy = known_shortcodes(("docsy",))
    assert docsy is not None and docsy["alert"] is True and docsy["readfile"] is False
    both = known_shortcodes(("docsy", "hugo-book"))
    assert both is not None and both["tab"] is True and set(docsy) < set(both)
    disagreeing = [name for name in docsy if both[name] is None and docsy[name] is not None]
    book = known_shortcodes(("hugo-book",))
    assert book is not None
    assert all(book[name] is not None and book[name] != docsy[name] for name in disagreeing)


def test_a_known_theme_component_beside_a_known_theme_is_judged_with_it(tmp_path):
    """hugo-notice's `notice` beside Docsy's `alert`: both found, and a near spelling of it named."""
    config = 'theme = ["docsy", "hugo-notice"]\n'
    body = "{{< notice tip >}}x{{< /notice >}} {{< alert >}}y{{< /alert >}} {{< notise tip >}}\n"
    write(tmp_path, {"hugo.toml": config, "content/a.md": page('title: "A"', body=body)})
    assert site_findings(tmp_path) == [
        "content/a.md:5:65-5:83 SITE008 no template for shortcode `notise` (did you mean `notice`?): Hugo fails "
        'the build ("template for shortcode not found")'
    ]

"""The Markdown structure rules (MD001–MD034), yamllint style: source in, (line, column, code) out.

Each rule is checked after YAML, TOML and JSON front matter (the body's offset),
with CRLF line endings and with CJK text before the finding.
"""

import pytest
from support import PERMISSIVE, check, lint

from fmlint.config.presets import PRESETS
from fmlint.rules import RULES_BY_CODE

ALL_MD = frozenset(code for code in RULES_BY_CODE if code.startswith(("MD", "MKD")))

YAML = "---\ntitle: 标题\n---\n"
TOML = '+++\ntitle = "标题"\n+++\n'
JSON = '{\n  "title": "标题"\n}\n'
UNTITLED = "---\ndate: 2025-02-07\n---\n"


def md(source, problems, **settings):
    """Lint with every MD and MKD rule enabled (off-by-default ones too) and a permissive schema."""
    settings.setdefault("enabled_codes", ALL_MD)
    return check(source, problems, schema=PERMISSIVE, **settings)


@pytest.mark.parametrize("front", [YAML, TOML, JSON], ids=["yaml", "toml", "json"])
def test_heading_increment_after_each_front_matter_format(front):
    md(front + "\n## 一\n\n#### 二\n", [(7, 1, "MD001")])


def test_heading_increment_counts_the_front_matter_title_as_level_one():
    md(YAML + "### 一、模型价格\n", [(4, 1, "MD001")])
    md(UNTITLED + "### 一、模型价格\n\n#### 二\n", [])
    md(YAML + "### a\n", [], rule_options={"heading-increment": {"front_matter_title": ""}})


def test_heading_increment_back_up_is_fine_and_setext_counts():
    md(YAML + "## a\n\n### b\n\n## c\n\nd\n---\n\n#### e\n", [(13, 1, "MD001")])


def test_heading_increment_ignores_headings_in_quotes_and_list_items():
    md(YAML + "## a\n\n> #### quoted\n\n- #### in a list\n", [])


def test_single_title_with_a_front_matter_title():
    diagnostics = md(TOML + "# 标题\r\n\r\n## a\r\n\r\n# again\r\n", [(4, 1, "MD025"), (8, 1, "MD025")])
    assert "front-matter `title`" in diagnostics[0].message


def test_single_title_without_a_title_reports_the_second():
    diagnostics = md(UNTITLED + "# one\n\n## a\n\n# two\n", [(8, 1, "MD025")])
    assert "line 4" in diagnostics[0].message


def test_single_title_only_when_the_body_starts_with_its_title_as_markdownlint():
    # blank lines and HTML comments may come first; quoted and listed `#` headings count
    md(UNTITLED + "\r\n<!-- c -->\r\n# 一\r\n\r\n> # 二\r\n\r\n- > # 三\r\n", [(8, 3, "MD025"), (10, 5, "MD025")])
    # a body that opens with text or a `##` may have several `#` sections
    md(UNTITLED + "Intro.\n\n# one\n\n# two\n", [])
    md(UNTITLED + "## a\n\n# one\n\n# two\n", [])
    # a docfx tab heading is not a title
    md(UNTITLED + "# Title\n\n# [Linux](#tab/linux)\n", [])
    md(YAML + "> # 引用\n", [(4, 3, "MD025")])


def test_single_title_can_ignore_the_front_matter():
    md(YAML + "# one\n", [], rule_options={"single-title": {"front_matter_title": ""}})


def of(preset):
    """The rule options a preset sets (a configuration naming the preset applies them)."""
    return {"rule_options": PRESETS[preset].rule_options}


@pytest.mark.parametrize("preset", ["docusaurus", "mkdocs-material"])
def test_a_heading_atop_the_body_is_the_title_where_the_generator_shows_it_instead(preset):
    # Docusaurus adds `title` only to a doc with no top `#` heading, Material for MkDocs only without an <h1>
    md(YAML + "# 标题\r\n\r\n### a\r\n\r\n# again\r\n", [(6, 1, "MD001"), (8, 1, "MD025")], **of(preset))
    md(YAML + "Intro.\n\n# one\n", [(6, 1, "MD025")], **of(preset))  # not atop: the title is shown too
    md(YAML + "# one\n", [(4, 1, "MD025")])  # Hugo themes show the title


def test_docusaurus_skips_imports_to_the_title_and_hides_it_with_hide_title():
    imports = "import Tabs from '@theme/Tabs';\nexport const x = 1;\n\n# Title\n"
    md(YAML + imports, [], **of("docusaurus"))
    md(YAML + imports, [(7, 1, "MD025")])  # Hugo shows the title
    hidden = "---\ntitle: A\nhide_title: true\n---\n&nbsp;\n\n# `apply()`\n\n### b\n"
    md(hidden, [(9, 1, "MD001")], **of("docusaurus"))  # no title shown: `#` after text is the only H1
    md(hidden, [(7, 1, "MD025"), (9, 1, "MD001")])


def test_no_emphasis_as_heading_says_the_heading_its_fix_writes():
    """opentelemetry.io: under a level-4 heading, a bold title with code spans; the message had said
    `## http*and rpc metrics` (level 2, the code spans gone) while the fix writes level 5, markup kept."""
    source = YAML + "## A\n\n#### Ownership\n\n**`http*`and `rpc` metrics**\n\n**Plain words**\n"
    _, first, second = md(source, [(6, 1, "MD001"), (8, 1, "MD036"), (10, 1, "MD036")])
    assert first.message == "emphasis used as a heading; write `` ##### `http*`and `rpc` metrics `` instead"
    assert first.fix is not None and first.fix.message == "make it the heading `` ##### `http*`and `rpc` metrics ``"
    assert second.message == "emphasis used as a heading; write `##### Plain words` instead"


def test_no_emphasis_as_heading_cjk_and_ascii():
    source = (
        YAML + "**一、模型价格再次下降**\n\n**请注意：**\n\n**价格下降了。**\n\n*Another section*\n\n_A sentence!_\n"
    )
    diagnostics = md(source, [(4, 1, "MD036"), (10, 1, "MD036")])
    assert diagnostics[0].severity == "warning"
    assert "## 一、模型价格再次下降" in diagnostics[0].message


def test_no_emphasis_as_heading_needs_one_plain_run_at_top_level():
    source = (
        YAML
        + "**bold** and more\n\n**two\nlines**\n\n**[Download](https://example.com)**\n\n"
        + "- **in a list**\n\n  **loose item**\n\n> **quoted**\n\n| **cell** |\n| --- |\n"
    )
    md(source, [])


def test_no_emphasis_as_heading_skips_a_caption_under_an_image():
    md(YAML + "![Group photo](a.jpg)\n\n*RustFest Berlin, 2016*\n", [])
    md(YAML + "Text.\n\n*RustFest Berlin, 2016*\n", [(6, 1, "MD036")])
    # in the image's own paragraph, with no blank line: a caption (the paragraph has other content)
    md(YAML + "![股价](https://x.example/a.jpg)\n**一、DeepSeek引巨震，英伟达跌4万亿**\n\n正文。\n", [])
    # alone after a picture, before the next picture, a heading or the end: a caption
    gallery = "![a](a.jpg)\n\n*Berlin, 2016*\n\n![b](b.jpg)\n\n*Paris, 2017*\n\n## Next\n"
    md(YAML + gallery, [])


@pytest.mark.parametrize("front", [YAML, TOML, JSON, "\ufeff" + YAML], ids=["yaml", "toml", "json", "bom"])
def test_no_emphasis_as_heading_reports_the_seed_articles_titles_after_images(front):
    # the seed's structure: image, blank line, bold numbered title, blank line, paragraph (CRLF too)
    body = (
        "**一、DeepSeek引巨震，英伟达跌4万亿**\r\n\r\n正文。\r\n\r\n"
        "![股价](https://x.example/a.jpg)\r\n\r\n"
        "**二、AI入侵者，极致成本颠覆OpenAI**\r\n\r\n正文。\r\n\r\n"
        "![股价](https://x.example/b.jpg)\r\n\r\n![股价](https://x.example/c.jpg)\r\n\r\n"
        "**三、DeepSeek，遭西方恶势力攻击**\r\n\r\n- 正文\r\n"
    )
    first = front.count("\n") + 1
    diagnostics = md(front + body, [(first, 1, "MD036"), (first + 6, 1, "MD036"), (first + 14, 1, "MD036")])
    assert "## 二、AI入侵者，极致成本颠覆OpenAI" in diagnostics[1].message


def test_no_emphasis_as_heading_numbered_titles_are_titles_after_a_picture_too():
    md(YAML + "![a](a.jpg)\n\n**Part 2: the results**\n", [(6, 1, "MD036")])
    md(YAML + "![a](a.jpg)\n\n*第一章 开始*\n\n![b](b.jpg)\n", [(6, 1, "MD036")])
    md(YAML + "![a](a.jpg)\n\n**Plain title**\n\nBody text follows.\n", [(6, 1, "MD036")])
    # an italic line under a picture is its caption, body text after it or not (the Rust blog's style)
    md(YAML + "![a](a.jpg)\n\n*Rustaceans at RustFest Berlin, 2016*\n\nBody text follows.\n", [])


def test_no_emphasis_as_heading_with_html_comments_as_markdownlint():
    # a leading comment line is an HTML block to CommonMark; markdownlint still sees the title
    md(YAML + "<!-- c --> __Section 5__\n\ntext\n", [(4, 1, "MD036")])
    md(YAML + "*Section 4* <!-- c -->\n\ntext\n", [(4, 1, "MD036")])
    md(YAML + "*Section 6 <!-- c --> as running text*\n", [])


def test_no_emphasis_as_heading_punctuation_option():
    md(YAML + "**Note —**\n", [(4, 1, "MD036")])
    md(YAML + "**Note —**\n", [], rule_options={"no-emphasis-as-heading": {"punctuation": "—"}})


def test_image_alt_text_missing_and_generic():
    source = (
        JSON
        + "中文 ![](a.png) ![图片](b.png) ![ IMG_0042.jpg ](c.jpg) ![价格对比](d.png)\n"
        + '<img src="e.png"> <img src="f.png" alt=""> <img src="g.png" alt="Photo">\n'
    )
    diagnostics = md(
        source,
        [(4, 4, "MD045"), (4, 15, "MKD003"), (4, 28, "MKD003"), (5, 1, "MD045"), (5, 44, "MKD003")],
    )
    assert [d.severity for d in diagnostics] == ["error", "warning", "warning", "error", "warning"]


def test_image_alt_text_accepts_images_hidden_from_assistive_technology():
    source = (
        YAML
        + '<img src="a.png" aria-hidden="true"/> <img src="b.png" ARIA-HIDDEN=TRUE>\r\n\r\n'
        + '<img\r\n  src="c.png"\r\n  Aria-Hidden="True"\r\n/>\r\n\r\n'
        + '中文 <img\r\n  src="d.png"\r\n  aria-hidden="false"> <img src="e.png" aria-hidden>\r\n'
    )
    md(source, [(11, 4, "MD045"), (13, 24, "MD045")])


def test_image_alt_text_reference_images_and_options():
    md(YAML + "![][logo]\n\n[logo]: logo.png\n", [(4, 1, "MD045")])
    md(YAML + "![logo](a.png)\n", [(4, 1, "MKD003")], rule_options={"image-alt-text": {"generic": ["LOGO"]}})


def test_empty_link_forms():
    source = YAML + "[](https://a.example) [t]() [t](<>) [t](#) [t](#x) [![logo](l.png)](https://b.example) [`c`](x)\n"
    md(source, [(4, 1, "MKD004"), (4, 23, "MD042"), (4, 29, "MD042"), (4, 37, "MD042")])
    md(
        TOML + "中文 []() [ ](a) [t][ref]\r\n\r\n[ref]: #\r\n",
        [(4, 4, "MD042"), (4, 4, "MKD004"), (4, 9, "MKD004"), (4, 16, "MD042")],
    )


@pytest.mark.parametrize(
    ("preset", "found"), [("mkdocs-material", []), ("jekyll", []), ("hugo", [(5, 1, "MD042"), (5, 1, "MKD004")])]
)
def test_an_empty_link_with_an_id_is_an_anchor_where_attribute_lists_give_it_one(preset, found):
    """pydantic's docs: `[](){#pattern-constraint-note}` (mkdocs-autorefs' anchor idiom; a kramdown attribute
    list) is a place links lead to, with nothing to click by design (48 MKD004 there); not so on Hugo."""
    source = YAML + "Text.\n[](){#pattern-constraint-note}\n\n[x](){ .button }\n"
    md(source, [*found, (7, 1, "MD042")], preset=preset)


def test_link_url_located_at_the_destination():
    source = (
        TOML
        + "中文[a](htps://x.example) [b](https://) [c](<my file.pdf>) [d](mailto:a@b.example)\r\n"
        + "[e](tel:+123) [f](#frag) [g](../other/) [h][ref] <https://ok.example> <me@example.com>\r\n"
        + "\r\n"
        + "[ref]: javascript:alert(1)\r\n"
    )
    diagnostics = md(source, [(4, 7, "MKD002"), (4, 29, "MKD002"), (4, 44, "MKD002"), (7, 8, "MKD002")])
    assert diagnostics[0].message == "link unknown scheme `htps:` (did you mean `https:`?): `htps://x.example`"
    assert diagnostics[3].message == "link scheme `javascript:` is in `denied-schemes`: `javascript:alert(1)`"


def test_link_url_accepts_every_valid_scheme_and_catches_near_misses():
    """The Rust blog's real typos, and valid schemes from Astro's docs and elsewhere."""
    source = (
        YAML
        + "[VS Code](vscode:extension/astro-build.astro-vscode) [f](ftp://x.example/f) [m](magnet:?xt=urn:x)\n"
        + "日本語 [a](ttps://a.example) [b](htps://b.example)\r\n"
        + "😀 [c](http//c.example) [d](hhtp://d.example) [e](mialto:e@x.example) [w](C:\\Users\\me\\x.png)\n"
    )
    diagnostics = md(
        source,
        [
            (5, 9, "MKD002"),
            (5, 31, "MKD002"),
            (6, 7, "MKD002"),
            (6, 28, "MKD002"),
            (6, 50, "MKD002"),
            (6, 74, "MKD002"),
        ],
    )
    assert [d.message.split(": `")[0] for d in diagnostics] == [
        "link unknown scheme `ttps:` (did you mean `https:`?)",
        "link unknown scheme `htps:` (did you mean `https:`?)",
        "link `http//` lacks its colon (write `http://`)",
        "link unknown scheme `hhtp:` (did you mean `http:`?)",
        "link unknown scheme `mialto:` (did you mean `mailto:`?)",
        "link `C:` is a Windows drive, not a URL scheme (link a path of the site)",
    ]


def test_link_url_reports_a_destination_in_quotes():
    """vitess.io's `[How Shopify scaled …]("https://shopify.engineering/…")`: the quotes are part of the URL, a
    relative path (Goldmark writes `href="%22https://…%22"`; Hugo's embedded link hook fails the build on it)."""
    source = (
        TOML
        + "中文[a](\"https://x.example/a\") [b](\u201chttps://y.example\u201d) [c]('b.md')\r\n"
        + '😀 [d]("https://z.example) [e][r] [f](<"q">)\r\n\r\n[r]: "https://r.example"\r\n'
    )
    found = md(
        source,
        [(4, 7, "MKD002"), (4, 34, "MKD002"), (4, 59, "MKD002"), (5, 7, "MKD002"), (5, 39, "MKD002"), (7, 6, "MKD002")],
    )
    assert found[0].message == (
        'link destination in quotes, which are part of the URL (a relative path): `"https://x.example/a"`'
    )
    assert [d.fix.edits[0].content if d.fix else None for d in found] == [
        "https://x.example/a",
        "https://y.example",
        "b.md",
        None,  # (no closing quote)
        "q",  # (`<q>`)
        "https://r.example",
    ]


def test_link_url_of_an_autolink_located_inside_its_angle_brackets():
    md(YAML + "😀 <https:/x.example> 中文 <ttps://y.example>\r\n", [(4, 4, "MKD002"), (4, 26, "MKD002")])


def test_link_url_scheme_options_and_shortcode_destinations():
    source = YAML + "[a](ftp://x.example/f) [b](tel:+1) [c](https://x.example) [d](javascript:void(0))\n"
    strict = {"link-url": {"allowed-schemes": ["tel"], "denied-schemes": []}}
    diagnostic, _ = md(source, [(4, 5, "MKD002"), (4, 63, "MKD002")], rule_options=strict)
    assert diagnostic.message == "link scheme `ftp:` is not in `allowed-schemes`: `ftp://x.example/f`"
    md(source, [(4, 63, "MKD002")])
    md(
        source,
        [(4, 5, "MKD002"), (4, 63, "MKD002")],
        rule_options={"link-url": {"denied-schemes": ["FTP", "javascript"]}},
    )
    md(YAML + "[source code]\n\n[source code]: <{{% eturl instagram %}}>\n", [])


def test_unclosed_code_fence_at_the_opening_fence():
    only = {"enabled_codes": frozenset({"MKD001"})}
    md(YAML + "## a\r\n\r\n````python\r\nx\r\n```\r\n\r\n## b\r\n", [(6, 1, "MKD001")], **only)
    md(YAML + "~~~\nx\n~~~~\n\n```\n```\n", [], **only)
    md(YAML + "> ```\n> x\n\nafter\n", [(4, 3, "MKD001")], **only)
    md(YAML + "- item\n\n  ```sh\n  x\n  ```\n", [], **only)


def test_fenced_code_language_is_off_by_default():
    source = YAML + "```\nx\n```\n\n```rust\nfn main() {}\n```\n"
    md(source, [(4, 1, "MD040")])
    assert lint(source, schema=PERMISSIVE) == []


def test_duplicate_heading_skips_docfx_tab_labels():
    tabs = "## [Linux](#tab/linux)\n\nA\n\n## [Windows](#tab/windows)\n\nB\n\n---\n\n"
    md(YAML + "## Install\n\n" + tabs + "## Run\n\n" + tabs + "## Run\n", [(28, 1, "MD024")])


def test_duplicate_heading_siblings_only():
    source = YAML + "## 1.0\n\n### Features\n\n## 2.0\n\n### Features\n\n### features\n\n## 1.0\n"
    diagnostics = md(source, [(12, 1, "MD024"), (14, 1, "MD024")])
    assert diagnostics[0].message == "duplicate heading `features` (same as line 10)"
    everywhere = {"duplicate-heading": {"siblings_only": False}}
    md(source, [(10, 1, "MD024"), (12, 1, "MD024"), (14, 1, "MD024")], rule_options=everywhere)


def test_bare_url_in_text_only():
    source = (
        YAML
        + "见 https://a.example/x_(y). and https://b.example/p\\_q, `https://code.example`\n"
        + "<https://auto.example> [https://text.example](https://dest.example)\n\n"
        + '```text\nhttps://fenced.example\n```\n\n{{< figure src="https://shortcode.example/a.png" >}}\n'
    )
    diagnostics = md(source, [(4, 3, "MD034"), (4, 32, "MD034")])
    assert "`<https://a.example/x_(y)>`" in diagnostics[0].message
    assert "`<https://b.example/p\\_q>`" in diagnostics[1].message


def test_bare_url_not_in_the_content_of_inline_html_elements():
    source = (
        TOML
        + '中文 <code>https://a.example</code> <a href="https://b.example">https://b.example</a> https://c.example\r\n'
        + "<em> x <em>y</em> https://d.example </em> https://e.example <br> https://f.example\r\n\r\n"
        + "<kbd>never closed https://g.example\r\n\r\nhttps://h.example </kbd>\r\n"
    )
    md(source, [(4, 85, "MD034"), (5, 43, "MD034"), (5, 66, "MD034"), (7, 19, "MD034"), (9, 1, "MD034")])


def test_headings_and_fences_inside_paired_shortcodes_are_not_markdown():
    source = YAML + "{{< code-toggle file=hugo >}}\n# comment\n```\n{{< /code-toggle >}}\n\n## Real\n"
    md(source, [])


def test_links_images_and_urls_in_a_markdown_shortcode_inside_a_paired_one_are_markdown():
    # (dapr's `{{< tabs >}}` around `{{% codetab %}}`: Hugo renders the inner content; the innermost pair decides)
    source = YAML + (
        "{{< tabs 中文 >}}\r\n{{% codetab %}}\r\n中文 [a](hhttps://x.example/a) ![](https://x.example/i.png)"
        " https://x.example/bare\r\n{{< note >}}\r\n[b](hhttps://x.example/b) ![](https://x.example/n.png)\r\n"
        "{{< /note >}}\r\n{{% /codetab %}}\r\n[c](hhttps://x.example/c) https://x.example/tab\r\n{{< /tabs >}}\r\n"
        "[d](hhttps://x.example/d)\r\n"
    )
    md(source, [(6, 8, "MKD002"), (6, 30, "MD045"), (6, 59, "MD034"), (13, 5, "MKD002")])


def test_a_bom_does_not_shift_positions():
    md(("\ufeff" + YAML + "## a\n\n#### b\n").encode("utf-8"), [(6, 1, "MD001")])


def test_unclosed_code_fence_message_names_the_whole_fence():
    [diagnostic] = md(YAML + "````rust\nfn main() {}\n```\n", [(4, 1, "MKD001")])
    assert diagnostic.message == "code fence opened with ```` is never closed; everything after it renders as code"


def test_jekyll_liquid_code_blocks_are_not_markdown():
    source = (
        YAML
        + "{% highlight ruby %}\n# a Ruby comment\n{% endhighlight %}\n\n{% raw %}\n**Not a heading**\n{% endraw %}\n"
    )
    md(source, [])


@pytest.mark.parametrize(
    "ending, expected",
    [
        ("# 二\r", (6, 1, 6, 4, "MD025")),  # the fuzzer's case: the file ends in a lone CR
        ("二\r===\r", (6, 1, 6, 6, "MD025")),  # both lines of the setext heading are fmlint's line 6
        ("> # 二\r", (6, 3, 6, 6, "MD025")),
        ("**二、标题**\r", (6, 1, 6, 9, "MD036")),
        ("# 二\rmore\n", (6, 1, 6, 4, "MD025")),  # a lone CR inside fmlint's line 6: CommonMark's line break
        ("# 二\r\n", (6, 1, 7, 1, "MD025")),  # CRLF: the span ends on the next line, as after LF
    ],
)
def test_a_block_ended_by_a_lone_cr_ends_at_the_cr(ending, expected):
    """A lone CR ends a line for CommonMark, not for fmlint (lines end at LF): a heading or bold line ended
    by one is reported up to the CR, never past its line's text."""
    [diagnostic] = [d for d in md(YAML + "# 一\n\n" + ending, [(4, 1, "MD025"), expected[:2] + expected[4:]])[1:]]
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column, diagnostic.code) == expected

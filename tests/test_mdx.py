"""MDX read as MDX: JSX, ESM and expressions are not Markdown; their children are (fmlint/mdx.py)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import PERMISSIVE, assert_inside, lint, located, settings_with, write_file

from fmlint.cli import main
from fmlint.document import read_document
from fmlint.linter import lint_file
from fmlint.markdown import parse_markdown
from fmlint.mdx import masked_body

FM = "---\ntitle: x\n---\n"


def mdx(source: str, problems: list[tuple[int, int, str]], **options):
    diagnostics = lint(source, PERMISSIVE, path="page.mdx", **options)
    assert located(diagnostics) == problems, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics)
    return diagnostics


def test_masking_keeps_every_offset_and_line_break():
    body = 'import A from "a";\r\nexport const b = {\n  c: 1,\n}\n\n<Tabs 标签="中文">\n  text {x} `<Code>`\n</Tabs>\n'
    scan = masked_body(body)
    assert len(scan.body) == len(body)
    assert [i for i, c in enumerate(scan.body) if c in "\r\n"] == [i for i, c in enumerate(body) if c in "\r\n"]
    assert scan.body.split("\n")[6] == "  text     `<Code>`"  # inline code is left alone
    assert not scan.body[: body.index("<Tabs")].strip()  # the ESM block, to its blank line


def test_markdown_after_a_tag_that_leads_its_line_stays_markdown():
    """tauri-docs: `- <Icon name="x" /> [Docs](/docs/)`: blanked to spaces, the link would be indented into
    code; the tag becomes word joiners, and the link (and its offsets) stays."""
    body = '- <Icon name="x" /> [B](/b/)\n\n<Icon name="x" /> [D](/d/)\n\n<Aside>\n\n**Bold**\n\n</Aside>\n'
    scan = masked_body(body)
    assert scan.body.split("\n")[0] == "- " + "\u2060" * len('<Icon name="x" />') + " [B](/b/)"
    assert scan.body.split("\n")[4] == " " * len("<Aside>")  # (alone on its line: blank, a paragraph break)
    source = "---\ntitle: x\n---\n" + body
    view = parse_markdown(read_document("a.mdx", source.encode()))
    assert [(link.url, source[link.url_span.start : link.url_span.end]) for link in view.links] == [
        ("/b/", "/b/"),
        ("/d/", "/d/"),
    ]
    assert [(d.line, d.column, d.code) for d in lint(source, PERMISSIVE, path="a.mdx")] == [(10, 1, "MD036")]


def test_comment_in_a_fence_inside_jsx_is_not_a_heading():
    source = FM + (
        "<PackageManagerTabs>\n"
        '  <Fragment slot="npm">\n'
        "  ```shell\n"
        "  # create a new project\n"
        "  npm create astro@latest\n"
        "\n"
        "  # another comment\n"
        "  ```\n"
        "  </Fragment>\n"
        "</PackageManagerTabs>\n"
        "\n"
        "## Next\n"
    )
    mdx(source, [])
    lint_md = lint(source, PERMISSIVE, path="page.md")  # CommonMark: the HTML block ends at the blank line
    assert ("MD025" in {d.code for d in lint_md}) and ("MKD001" in {d.code for d in lint_md})


def test_fences_in_tab_items_close_and_a_real_unclosed_fence_is_located():
    closed = FM + '<Tabs>\n<TabItem label="npm">\n```sh\nnpm i\n```\n</TabItem>\n</Tabs>\n'
    mdx(closed, [])
    unclosed = FM + '<Tabs>\r\n  <TabItem label="中文">\r\n  ```sh\r\n  npm i\r\n  </TabItem>\r\n</Tabs>\r\n'
    mdx(unclosed, [(6, 3, "MKD001")])


def test_over_indented_fence_in_a_list_inside_jsx_is_code_not_an_unclosed_fence():
    source = FM + (
        "1. Create the file.\n\n"
        "    <StaticSsrTabs>\n"
        '      <Fragment slot="static">\n'
        "        ```jsonc\n"
        "        { # not a heading }\n"
        "        ```\n"
        "      </Fragment>\n"
        "    </StaticSsrTabs>\n\n"
        "2. Preview.\n\n"
        "    ```bash\n"
        "    npx astro build\n"
        "    ```\n"
    )
    mdx(source, [])


STEPS = (
    "<Steps>\n"
    "  <Step>\n"
    "    ## <StepNumber/> Install 中文\n"
    "\n"
    "    Run [the 🚀 installer](/install/) and ![a chart](chart.png).\n"
    "\n"
    "    <Tabs>\n"
    "      <TabItem>\n"
    "        #### Deep **one**\n"
    "      </TabItem>\n"
    "    </Tabs>\n"
    "  </Step>\n"
    "</Steps>\n"
)


def test_markdown_indented_under_jsx_tags_is_markdown_at_its_place():
    """cloudposse's docs: MDX has no indented code, so `<Step>`'s children indented four spaces are Markdown (a
    heading whose Docusaurus ID is `-install-中文`, linked as `#-install-中文`), and so are those indented deeper
    inside a nested element. Their headings, links and images are the view's, at their places in the file."""
    source = FM + STEPS
    doc = read_document("a.mdx", source.encode())
    view = parse_markdown(doc)

    def at(span):
        start, end = doc.lines.position(span), source[span.start : span.end]
        return start.line, start.column, end

    assert [(h.level, h.text, at(h.span)) for h in view.headings] == [
        (2, " Install 中文", (6, 5, "## <StepNumber/> Install 中文\n")),
        (4, "Deep one", (12, 9, "#### Deep **one**\n")),
    ]
    assert [(link.url, at(link.span), at(link.url_span)) for link in view.links] == [
        ("/install/", (8, 9, "[the 🚀 installer](/install/)"), (8, 27, "/install/")),
    ]
    assert [(image.url, at(image.url_span)) for image in view.images] == [("chart.png", (8, 53, "chart.png"))]
    mdx(source, [(12, 9, "MD001")])  # (an outline heading, after the level-2 one: it skips a level)


def test_expressions_in_jsx_attributes_are_code_not_urls():
    source = FM + (
        "<img src={cartItem.imageSrc} alt={cartItem.name} />\n\n"
        '中文 <img src=\'/no/such/chart.txt\' alt="图" /> and <Image src="chart.webp" />\n'
    )
    mdx(source, [(6, 14, "IMG004"), (6, 49, "MD045")])


def test_esm_and_expressions_are_not_markdown():
    source = FM + (
        "import Since from '~/components/Since.astro';\n"
        "export const meta = {\n"
        "  title: '# not a heading',\n"
        "}\n"
        "\n"
        "Text {props.url} and {'https://not.a.bare.url'} here.\n"
        "\n"
        "# Second title\n"
    )
    mdx(source, [(11, 1, "MD025")])


def test_jsx_headings_count_in_the_outline():
    source = FM + "## Commands\n\n<h3>Flags</h3>\n\n#### `--port`\n"
    mdx(source, [])
    mdx(FM + "## Commands\n\n<p>Flags</p>\n\n#### `--port`\n", [(8, 1, "MD001")])


def test_mdx_comment_suppresses_like_an_html_comment():
    source = FM + "## A\n\n{/* fmlint-disable-next-line MD001 */}\n#### B\n\n#### C {/* not a suppression */}\n"
    mdx(source, [])
    mdx(FM + "## A\n\n{/* a comment */}\n#### B\n", [(7, 1, "MD001")])


def test_autolinks_and_inline_code_stay_markdown():
    diagnostics = mdx(FM + "See <https://x.example/a> and `<Tabs>` or [bad](htps://y.example).\n", [(4, 49, "MKD002")])
    assert "htps" in diagnostics[0].message


@pytest.mark.parametrize(("preset", "checked"), [("astro", True), ("docusaurus", True), ("hugo", False)])
def test_walking_checks_mdx_under_astro_and_docusaurus_and_lists_it_otherwise(
    tmp_path, monkeypatch, capsys, preset, checked
):
    write_file(tmp_path, "docs/a.mdx", FM + "import X from 'x'\n\n## One\n\n#### Two\n")
    write_file(tmp_path, "docs/b.md", FM)
    monkeypatch.chdir(tmp_path)
    schema = str(write_file(tmp_path, "permissive.json", "{}"))
    main(["--isolated", "--no-cache", "--preset", preset, "--schema", schema, "--format", "concise", "-v", "docs"])
    out, err = capsys.readouterr()
    assert ("docs/a.mdx:8:1: MD001" in out) is checked
    assert ("fmlint: skipped docs/a.mdx" in err) is not checked
    main(["--isolated", "--no-cache", "--preset", preset, "--schema", schema, "--format", "concise", "docs"])
    assert "skipped" not in capsys.readouterr().err  # only with -v


def test_a_docusaurus_site_reads_its_content_as_mdx_and_its_readme_as_commonmark(tmp_path, monkeypatch, capsys):
    """bsky-docs: the README.md beside the site's folders is GitHub's page, which Docusaurus never compiles: its
    indented `# local dev server` is code, not a second `#` heading, while in a doc (MDX: no indented code) the
    same lines are Markdown."""
    body = FM + "# Title\n\n    # local dev server\n    npm start\n"
    write_file(tmp_path, "docusaurus.config.js", "export default {presets: [['classic', {docs: {path: 'docs'}}]]};\n")
    write_file(tmp_path, "README.md", body)
    write_file(tmp_path, "docs/a.md", body)
    monkeypatch.chdir(tmp_path)
    schema = str(write_file(tmp_path, "permissive.json", "{}"))
    main(["--isolated", "--no-cache", "--preset", "docusaurus", "--schema", schema, "--format", "concise", "."])
    out = capsys.readouterr().out
    assert [line.split(" ", 2)[:2] for line in out.splitlines() if "MD025" in line] == [["docs/a.md:6:5:", "MD025"]]


_PIECES = [
    "<Tabs>",
    "</Tabs>",
    "<img src={x} alt='a' />",
    "{a}",
    "{/* c */}",
    "```",
    "~~~",
    "`",
    "import x from 'y'",
    "\n",
    "\r\n",
    "\n\n",
    "  ",
    "    ",
    "# h",
    "**b**",
    "[l](u)",
    "<",
    "{",
    "}",
    "中文",
    "😀",
    "'",
    '"',
    "\\",
    "<h2>t</h2>",
    "- ",
    "> ",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_masking_never_moves_a_character_and_linting_stays_inside(pieces):
    body = "".join(pieces)
    scan = masked_body(body)
    assert len(scan.body) == len(body)
    assert [i for i, c in enumerate(scan.body) if c in "\r\n"] == [i for i, c in enumerate(body) if c in "\r\n"]
    doc = read_document("page.mdx", (FM + body).encode())
    assert_inside(doc, lint_file(doc, settings_with(PERMISSIVE)))


@pytest.mark.parametrize(
    "body", ["{\n" * 5000, "<a b={\n" * 5000, "` ``\n" * 5000, "{" * 20000, '<a b="\n' * 5000, "```\n" * 5001]
)
def test_hostile_mdx_bodies_are_linted_without_crashing(body):
    doc = read_document("page.mdx", (FM + body).encode())
    assert_inside(doc, lint_file(doc, settings_with(PERMISSIVE)))


def test_text_after_a_multi_line_tag_is_not_a_fence_opener():
    mdx(FM + '<Tabs\n  label="x">```\n\n# Title\n', [(7, 1, "MD025")])


def test_jsx_image_in_an_astro_site_is_looked_up_in_public(tmp_path, monkeypatch, capsys):
    write_file(tmp_path, "astro.config.mjs", "export default {}\n")
    write_file(tmp_path, "public/images/here.png", "")
    page = (
        FM
        + 'import X from "x"\n\n<Tabs>\n  中文 <img src="/images/here.png" alt="a" /> <img src="/images/gone.png" alt="b" />\n</Tabs>\n'
    )
    write_file(tmp_path, "src/content/docs/page.mdx", page)
    schema = str(write_file(tmp_path, "permissive.json", "{}"))
    monkeypatch.chdir(tmp_path)
    assert (
        main(["--isolated", "--no-cache", "--preset", "astro", "--schema", schema, "--format", "concise", "src"]) == 1
    )
    out = capsys.readouterr().out
    sep = os.sep
    assert out.splitlines()[0] == (
        f"src{sep}content{sep}docs{sep}page.mdx:7:55: IMG006 local image `/images/gone.png` not found"
        f" (looked for public{sep}images{sep}gone.png)"
    )


def test_jsx_ids_are_link_targets():
    """Redux's style guide keeps old anchors as `<a id="…"></a>`: in MDX (and in a Docusaurus `.md`, read as MDX)
    they are targets, as in HTML; an `id={expression}` is code."""
    source = '---\ntitle: x\n---\n<a id="ducks"></a>\n\n## Head\n\nText <span id="inline">x</span> <X id={y} />\n'
    assert parse_markdown(read_document("a.mdx", source.encode())).html_ids == ["ducks", "inline"]


def test_a_heading_id_in_an_astro_mdx_file_is_reported_at_its_braces():
    """withastro/docs: `## Judge custom heading {#judge-custom}` in an `.mdx` file stopped Astro's build (`Could not
    parse expression with oxc`). At the braces, after CJK, CRLF and a BOM; not in a `.md` file (text there), not
    under the Docusaurus preset (its MDX 1 compatibility reads it), not in running text or code."""
    from support import lint

    body = "## Price cuts {#cuts}\r\n\r\n### 价格 {#价格} ###\r\n\r\nText {#x}\r\n\r\n```\r\n## In code {#y}\r\n```\r\n"
    source = "\ufeff---\r\ntitle: A\r\n---\r\n\r\n" + body
    only = {"enabled_codes": frozenset({"MKD005"}), "schema": None}
    found = lint(source, path="a.mdx", preset="starlight", **only)
    assert [(d.line, d.column, d.end_column, d.code) for d in found] == [(5, 15, 22, "MKD005"), (7, 8, 13, "MKD005")]
    assert found[0].message.startswith("`{#cuts}`: Astro's MDX reads braces as a JavaScript expression")
    assert lint(source, path="a.md", preset="starlight", **only) == []
    assert lint(source, path="a.mdx", preset="docusaurus", **only) == []

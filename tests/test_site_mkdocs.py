"""MkDocs judges the heading IDs fmlint works out for MkDocs sites: Python-Markdown's ``toc`` (its ``slugify``
and ``separator``, the ``unique()`` suffixes, IDs written with ``{ #id }`` taken first) and pymdownx's
``slugify(case=…)``, set in ``mkdocs.yml`` with the ``!!python/…`` tags a safe YAML loader does not read."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support import mkdocs_build
from test_site_rules import at, index_of, placed, site_findings, write

from fmlint.cli import main
from fmlint.site.config import forget_sites, read_site

mkdocs = pytest.importorskip("mkdocs", reason="MkDocs (the test extras) is not installed")


HEADINGS = [
    "Step_1",
    "Step_1",  # (Python-Markdown counts an `_N` ending up: step_2)
    "中文",  # (no ASCII left: the slug is empty, and the ID `_1`)
    "Setup",  # (a later heading takes `setup` with `{ #setup }`: this one is `setup_1`)
    "Installation { #setup }",
    "Hello World",
    "Über uns",
    "C++ & Go",
    "a--b",
    "Twice",
    "Twice",
    "Version { #v0.14.2 }",  # (attr_list keeps an ID whole)
    "Path { #a/b }",
]
CONFIGS = {
    "default": "",
    "separator": "  - toc:\n      separator: _\n",
    "unicode": "  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n",
    "pymdownx": "  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower\n",
    "pymdownx-cased": "  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {}\n",
}


def _site(root: Path, toc: str) -> None:
    config = (
        "site_name: t\ndocs_dir: !ENV [FMLINT_NO_SUCH_VARIABLE, pages]\n"
        "markdown_extensions:\n  - attr_list\n"
        + toc
        + "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    body = "".join(f"## {text}\n\n" for text in HEADINGS)
    write(root, {"mkdocs.yml": config, "pages/index.md": body, "pages/other.md": "# Other\n\n[a](index.md#nope)\n"})


@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_heading_ids_match_an_mkdocs_build(tmp_path, config):
    _site(tmp_path, CONFIGS[config])
    (page,) = [p for p in index_of(tmp_path).pages if p.file is not None and p.file.endswith("index.md")]
    # (mkdocs.yml's emoji index needs mkdocs-material, which the build does not: MkDocs reads a copy without it)
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "build.yml").write_text(text[: text.index("  - pymdownx.emoji")], encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "build.yml", "-d", "site"], cwd=tmp_path, check=True
    )
    built = re.findall(r'<h2 id="([^"]*)"', (tmp_path / "site/index.html").read_text(encoding="utf-8"))
    assert len(built) == len(HEADINGS)
    assert page.ids == set(built)


def test_an_mkdocs_yml_with_python_tags_and_env_is_read(tmp_path):
    """One `!!python/name:` emoji setting had left mkdocs.yml unread: `docs_dir` (here from `!ENV`'s default)
    fell back to `docs/`, and the site's links went unchecked."""
    _site(tmp_path, "")
    assert placed(site_findings(tmp_path)) == ["pages/other.md:3:5-3:18 SITE004"]


def test_a_properdocs_yml_is_read_before_an_mkdocs_yml(tmp_path):
    """ProperDocs, MkDocs' maintained fork (argo-workflows' docs moved to it in 2026), reads `properdocs.yml`, and
    `mkdocs.yml` only where there is none (its 1.6.5 release notes)."""
    write(
        tmp_path,
        {
            "properdocs.yml": "site_name: t\ndocs_dir: pages\nexclude_docs: |\n  drafts/\n",
            "mkdocs.yml": "site_name: old\ndocs_dir: old\n",
            "pages/index.md": "# Index\n\n[a](other.md#nope) [b](other.md#other) [c](drafts/x.md)\n",
            "pages/other.md": "# Other\n",
            "pages/drafts/x.md": "# X\n",
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == ["pages/index.md:3:5-3:18 SITE004", "pages/index.md:3:44-3:55 SITE003"]
    assert "`drafts/x.md` is in properdocs.yml's exclude_docs: MkDocs builds no page of it" in found[1]


ZENSICAL = """[project]
site_name = "t"
docs_dir = "pages"
[project.markdown_extensions.toc]
separator = "_"
[project.markdown_extensions.pymdownx.snippets]
base_path = ["snips"]
"""


def test_a_zensical_toml_is_read_as_an_mkdocs_configuration(tmp_path):
    """mkdocstrings' docs (Zensical, Material for MkDocs' successor): `zensical.toml`'s `[project]` table holds
    mkdocs.yml's options, its extensions as dotted tables (`[project.markdown_extensions.pymdownx.snippets]`).
    Without reading it, no site check ran on the site."""
    links = "[a](other.md#two-words) [b](other.md#two_words) [c](gone.md)\n"
    write(
        tmp_path,
        {
            "zensical.toml": ZENSICAL,
            "pages/index.md": "# Index\n\n" + links,
            "pages/other.md": "# Other\n\n## Two words\n",
        },
    )
    site = read_site(str(tmp_path))
    assert (site.generator, site.mkdocs_config, site.mkdocs_snippets) == (
        "mkdocs",
        "zensical.toml",
        (str(tmp_path / "snips"),),
    )
    assert placed(site_findings(tmp_path)) == [
        f"pages/index.md:{at(3, links, 'other.md#two-words')} SITE004",
        f"pages/index.md:{at(3, links, 'gone.md')} SITE003",
    ]


def test_a_link_to_a_markdown_file_outside_the_docs_folder_is_broken(tmp_path):
    """MkDocs builds only `docs_dir`: `../README.md` is reported by `mkdocs build` and 404s (FastAPI's truth run)."""
    links = "[a](../README.md) [b](other.md)\n"
    write(
        tmp_path,
        {"mkdocs.yml": "site_name: t\n", "README.md": "# Readme\n", "docs/index.md": links, "docs/other.md": "# O\n"},
    )
    found = site_findings(tmp_path)
    assert placed(found) == ["docs/index.md:1:5-1:17 SITE003"]
    assert "is outside the docs folder: MkDocs builds no page of it" in found[0]
    log = mkdocs_build(tmp_path)
    assert "'../README.md'" in log and "not found among documentation files" in log


def test_links_to_files_mkdocs_excludes_are_broken(tmp_path):
    """`exclude_docs` (gitignore-style, from `docs_dir`) leaves files out of the build: a link to one 404s, and
    MkDocs says so; the links of an excluded file are not judged (MkDocs does not read them either)."""
    links = "[a](drafts/x.md) [b](y.tmp.md) [c](ok.md)\n"
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\nexclude_docs: |\n  drafts/\n  *.tmp.md\n",
            "docs/index.md": links,
            "docs/drafts/x.md": "# X\n\n[gone](nothere.md)\n",
            "docs/y.tmp.md": "# Y\n",
            "docs/ok.md": "# OK\n",
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"docs/index.md:{at(1, links, 'drafts/x.md')} SITE003",
        f"docs/index.md:{at(1, links, 'y.tmp.md')} SITE003",
    ]
    assert "`drafts/x.md` is in mkdocs.yml's exclude_docs: MkDocs builds no page of it" in found[0]
    log = mkdocs_build(tmp_path)
    assert sorted(re.findall(r"contains a link to '([^']*)' which is excluded", log)) == [
        "drafts/x.md",
        "y.tmp.md",
    ]
    assert not (tmp_path / "site/drafts").exists() and (tmp_path / "site/ok/index.html").is_file()


def test_a_readme_beside_an_index_is_no_page(tmp_path):
    """cdk8s' `docs/README.md`, written for GitHub beside `docs/index.md`: MkDocs keeps the index and leaves the
    README out (11 false findings of its GitHub anchors and `../ROADMAP.md` links); a link to it is broken. A
    README alone in its folder is the folder's page, and one beside an index `exclude_docs` names is kept."""
    links = "[a](README.md) [b](alone/README.md) [c](kept/README.md#kept)\n"
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\nexclude_docs: |\n  kept/index.md\n",
            "docs/index.md": "# Home\n",
            "docs/README.md": "# Readme\n\n[gone](../ROADMAP.md) [github](#-readme)\n",
            "docs/other.md": links,
            "docs/alone/README.md": "# Alone\n",
            "docs/kept/README.md": "# Kept\n",
            "docs/kept/index.md": "# Excluded\n",
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [f"docs/other.md:{at(1, links, 'README.md')} SITE003"]
    assert "`README.md` conflicts with the `index.md` beside it: MkDocs builds no page of it" in found[0]
    log = mkdocs_build(tmp_path)
    assert "Excluding 'README.md' from the site because it conflicts with 'index.md'." in log
    assert re.findall(r"contains a link '([^']*)', but the target is not found", log) == ["README.md"]
    assert (tmp_path / "site/alone/index.html").is_file() and "Kept" in (tmp_path / "site/kept/index.html").read_text()


SAME_PAGE_LINKS = "[a](./#deno-synopsis) [b](./#other) [c](./)\n"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_link_to_its_own_folder_is_the_page_itself_where_each_page_is_its_folders(tmp_path, directory_urls):
    """keptn's docs: `[Synopsis](./#deno-runtime-synopsis)` in `taskdefinition.md`. MkDocs writes a link to no
    Markdown file as it is, and the page is at `/reference/taskdefinition/`: `./` is the page itself (14 false
    SITE004 against the folder's `index.md`). With `use_directory_urls: false` it is the folder's index."""
    config = "site_name: t\n" + ("" if directory_urls else "use_directory_urls: false\n")
    task = "# Task\n\n## Deno synopsis\n\n" + SAME_PAGE_LINKS
    write(tmp_path, {"mkdocs.yml": config, "docs/ref/index.md": "# Ref\n\n## Other\n", "docs/ref/task.md": task})
    wrong = "./#other" if directory_urls else "./#deno-synopsis"
    assert placed(site_findings(tmp_path)) == [f"docs/ref/task.md:{at(5, SAME_PAGE_LINKS, wrong)} SITE004"]
    log = mkdocs_build(tmp_path)
    if directory_urls:
        assert "unrecognized relative link './#deno-synopsis', it was left as is. Did you mean '#deno-synopsis'?" in log


URL_LINKS = (
    "[a](../setup/#first-step) [b](../setup#nope) [c](../other/) [d](../plugin-page/) [e](../../other/#other) "
    "[f](../#home) [g](setup/)\n"
)
# (the broken links fmlint finds, read from `/guide/install/`; from `/guide/install.html` the links' folder is
# `/guide/` and pages are at `.html` URLs: of the links to no page, only those whose file's folder has the page
# they were written for are judged)
URL_FINDINGS = {
    True: [("../setup#nope", "SITE004"), ("../other/", "SITE003"), ("../#home", "SITE003"), ("setup/", "SITE003")],
    False: [("../other/", "SITE003"), ("setup/", "SITE003")],
}
# (the links to no page that fmlint leaves alone: their file's folder has no page either)
URL_UNJUDGED = {
    True: {"../plugin-page/"},
    False: {"../plugin-page/", "../setup/#first-step", "../setup#nope", "../../other/#other"},
}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_links_to_no_file_are_read_from_the_pages_url(tmp_path, directory_urls):
    """MkDocs writes a relative link to no Markdown file as it is, and the browser reads it from the page's URL:
    `guide/install.md` is at `/guide/install/`, so its `../setup/` is `guide/setup.md`'s page, and its
    `../other/` leads to `/guide/other/`, no page, though `other.md` is beside the folder (MkDocs' build: "Did
    you mean"). A link to neither is left alone (a page a plugin may write). The built site judges each link
    as the browser reads it: the judged ones fmlint finds broken are those the built HTML lacks."""
    config = "site_name: t\n" + ("" if directory_urls else "use_directory_urls: false\n")
    write(
        tmp_path,
        {
            "mkdocs.yml": config,
            "docs/index.md": "# Home\n",
            "docs/other.md": "# Other\n",
            "docs/guide/setup.md": "# Setup\n\n## First step\n",
            "docs/guide/install.md": "# Install\n\n" + URL_LINKS,
        },
    )
    found = site_findings(tmp_path)
    broken = URL_FINDINGS[directory_urls]
    assert placed(found) == [f"docs/guide/install.md:{place}" for _, place in sorted(_span(*each) for each in broken)]
    log = mkdocs_build(tmp_path)
    page = "/guide/install/" if directory_urls else "/guide/install.html"
    html = (tmp_path / "site" / page.strip("/") / ("index.html" if directory_urls else "")).read_text()
    hrefs = re.findall(r'<a href="([^"#h][^"]*)"', html.partition('role="main"')[2])
    assert hrefs == re.findall(r"\]\(([^)]*)\)", URL_LINKS)  # (written as they are)
    dead = {href for href in hrefs if not _served(tmp_path / "site", urljoin(page, href))}
    assert dead == {link for link, _ in broken} | URL_UNJUDGED[directory_urls]
    if directory_urls:
        assert "unrecognized relative link '../other/', it was left as is. Did you mean '../other.md'?" in log
        assert "did you mean `../other.md`" in next(line for line in found if "`../other/`" in line)


def test_the_fix_of_a_link_to_no_file_writes_the_markdown_file_mkdocs_turns_into_its_url(tmp_path, monkeypatch):
    """`--fix --unsafe-fixes` writes what MkDocs' build suggests: the Markdown file the link was written for,
    which MkDocs writes as its page's URL (`../../other/`), the fragment kept; the build then finds each."""
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\n",
            "docs/index.md": "# Home\n\n## Start\n",
            "docs/other.md": "# Other\n",
            "docs/guide/setup.md": "# Setup\n",
            "docs/guide/install.md": "# Install\n\n[c](../other/) [f](../#start) [g](setup/)\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["--isolated", "--no-cache", "--select", "SITE", "--fix", "--unsafe-fixes", "docs"]) == 0
    fixed = "[c](../other.md) [f](../index.md#start) [g](setup.md)\n"
    assert (tmp_path / "docs/guide/install.md").read_text() == "# Install\n\n" + fixed
    assert "install.md" not in mkdocs_build(tmp_path)
    html = (tmp_path / "site/guide/install/index.html").read_text()
    assert re.findall(r'<a href="(\.[^"]*)"', html.partition('role="main"')[2]) == [
        "../../other/",
        "../../#start",
        "../setup/",
    ]


def _span(link: str, code: str) -> tuple[int, str]:
    """Where the finding of a link of ``URL_LINKS`` starts, and its place: the link's destination."""
    start = URL_LINKS.index(f"]({link})") + 3
    return start, f"3:{start}-3:{start + len(link)} {code}"


def _served(site: Path, url: str) -> bool:
    """Whether the built ``site`` serves the URL (a folder's `index.html`), with its fragment's ID if any."""
    path, _, fragment = url.partition("#")
    file = site / path.strip("/")
    file = file / "index.html" if file.is_dir() else file
    return file.is_file() and (not fragment or f'id="{fragment}"' in file.read_text())


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  - search\n  - exclude:\n      glob:\n        - snippets/*\n      regex: '.*\\.tmp\\.md$'\n",
        "plugins:\n  search: {}\n  exclude:\n    glob: snippets/*\n    regex: ['.*\\.tmp\\.md$']\n",
    ],
)
def test_files_the_exclude_plugin_leaves_out_are_no_pages(tmp_path, plugins):
    """Knative's docs: the mkdocs-exclude plugin (`glob`: fnmatch from `docs_dir`, `regex`: re.match) leaves out
    `snippets/*`, files included in pages whose own links are written for the including page (4 false SITE003);
    `plugins` is a list, or one map of names to options."""
    links = "[a](snippets/s.md) [b](y.tmp.md) [c](ok.md)\n"
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\n" + plugins,
            "docs/index.md": links,
            "docs/snippets/s.md": "# S\n\n[gone](../nothere.md)\n",
            "docs/y.tmp.md": "# Y\n",
            "docs/ok.md": "# OK\n",
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"docs/index.md:{at(1, links, 'snippets/s.md')} SITE003",
        f"docs/index.md:{at(1, links, 'y.tmp.md')} SITE003",
    ]
    assert "is excluded by mkdocs.yml's exclude plugin: MkDocs builds no page of it" in found[0]


SNIPPET_LINKS = "[a](target.md#from-snippet) [b](target.md#nope) [c](outside.md#anything) [d](block.md#from-snippet)\n"


def test_anchors_of_pages_with_snippets_are_those_of_the_snippets_too(tmp_path):
    """Knative's docs: a `--8<-- "file.md"` snippet (pymdownx.snippets, from its `base_path`) brings its headings;
    a page holding one had not been judged at all (4 broken anchors missed). A snippet from outside the docs
    (not read) or another form (a block of names) leaves the page's anchors unjudged."""
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [docs/snippets, includes]\n"
            "validation:\n  anchors: warn\nnot_in_nav: |\n  snippets/\n",
            "docs/index.md": "# Home\n\n" + SNIPPET_LINKS,
            "docs/snippets/part.md": "## From snippet\n",
            "includes/other.md": "## Anything\n",
            "docs/target.md": '# Target\n\n--8<-- "part.md"\n',
            "docs/outside.md": '# Outside\n\n--8<-- "other.md"\n',
            "docs/block.md": "# Block\n\n--8<--\npart.md\n--8<--\n",
        },
    )
    assert placed(site_findings(tmp_path)) == [f"docs/index.md:{at(3, SNIPPET_LINKS, 'target.md#nope')} SITE004"]
    log = mkdocs_build(tmp_path)
    assert re.findall(r"contains a link '([^']*)', but the doc '[^']*' does not contain an anchor", log) == [
        "target.md#nope"
    ]


def test_a_page_with_a_heading_a_hook_writes_is_not_judged(tmp_path):
    """Material for MkDocs' docs write `#### <!-- md:setting config.tags -->`, a heading of an HTML comment
    alone, which its `shortcodes.py` hook replaces with the setting's name and ID (36 false SITE004 before):
    the page's IDs are not all in its Markdown. A comment beside a heading's text is only a comment."""
    links = "[a](hooked.md#config.tags) [b](plain.md#config.tags)\n"
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\n",
            "docs/index.md": "# Home\n\n" + links,
            "docs/hooked.md": "# Hooked\n\n#### <!-- md:setting config.tags -->\n",
            "docs/plain.md": "# Plain\n\n#### Tags <!-- md:setting config.tags -->\n",
        },
    )
    assert placed(site_findings(tmp_path)) == [f"docs/index.md:{at(3, links, 'plain.md#config.tags')} SITE004"]


MARKDOWN_HOOK = """import re


def on_page_markdown(markdown, **kwargs):
    def option(match):
        name = re.split(r"[.:]", match.group(1))[-1]
        return f"[`{name}`](#+{match.group(1)}){{ #+{match.group(1)} }}\\n\\n"

    return re.sub(r"<!-- md:option (\\S+) -->", option, markdown)
"""


@pytest.mark.parametrize("hooked", [True, False])
def test_an_id_no_heading_makes_is_left_alone_where_hooks_write_markdown(tmp_path, hooked):
    """mkdocs-material's docs: a hook's `on_page_markdown` turns `<!-- md:option type:abstract -->` into a link
    with the attribute list `{ #+type:abstract }`, which fmlint does not see.  On a site whose hooks rewrite the
    Markdown, a fragment no heading's slug can be (a `+`, a `:`) is left alone; one that could be is judged, and
    without the hook every one is."""
    line = "See [a](#+type:abstract), [b](other.md#+type:note) and [c](#nowhere)."
    hooks = "hooks:\n  - hooks/options.py\n" if hooked else ""
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\nmarkdown_extensions:\n  - attr_list\n" + hooks,
            "hooks/options.py": MARKDOWN_HOOK,
            "docs/index.md": f"# Home\n\n<!-- md:option type:abstract -->\n\n{line}\n",
            "docs/other.md": "# Other\n",
        },
    )
    fragments = ["#nowhere"] if hooked else ["#+type:abstract", "other.md#+type:note", "#nowhere"]
    assert placed(site_findings(tmp_path)) == [f"docs/index.md:{at(5, line, f)} SITE004" for f in fragments]
    if hooked:
        mkdocs_build(tmp_path)
        built = (tmp_path / "site/index.html").read_text(encoding="utf-8")
        assert "+type:abstract" in re.findall(r' id="([^"]*)"', built)


TABBED_PAGE = """# Home

## Anchor links

=== "Open me ..."

    One.

=== "... or even me"

    Two.

!!! note "Box"

    === "Inner `tab`"

        Three.

## Twice

=== "Twice"

    Four.

```md
=== "In code"
```

{line}
"""


def test_tab_ids_match_an_mkdocs_build(tmp_path, monkeypatch, capsys):
    """mkdocs-material's docs link `#anchor-links--or-even-me`: pymdownx.tabbed with a `slugify` gives each tab an
    ID, the label's slug joined to the ID of the heading before its tab set (`combine_header_slug`), made unique
    among the page's.  The IDs fmlint works out are those MkDocs writes; a fragment naming none is reported."""
    line = "See [a](#anchor-links--or-even-me), [b](#anchor-links-inner-tab) and [c](#nowhere)."
    config = (
        "site_name: t\nmarkdown_extensions:\n  - admonition\n  - pymdownx.superfences\n  - toc\n"
        "  - pymdownx.tabbed:\n      alternate_style: true\n      combine_header_slug: true\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower\n"
    )
    write(tmp_path, {"mkdocs.yml": config, "docs/index.md": TABBED_PAGE.format(line=line)})
    monkeypatch.chdir(tmp_path)
    assert main(["--no-cache", "--select", "SITE", "--format", "json", "docs"]) == 1  # (the site's preset: its blocks)
    found = [(d["line"], d["column"], d["message"]) for d in json.loads(capsys.readouterr().out)]
    number = TABBED_PAGE.format(line=line).splitlines().index(line) + 1
    assert found == [(number, line.index("#nowhere") + 1, "`#nowhere` is not a heading ID of this page")]
    mkdocs_build(tmp_path)
    page = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    built = set(re.findall(r'<input[^>]* id="([^"]*)"[^>]* name="__tabbed', page))
    assert built == {"anchor-links-open-me-", "anchor-links--or-even-me", "anchor-links-inner-tab", "twice-twice"}
    assert heading_and_tab_ids(tmp_path / "docs/index.md") == built | {"home", "anchor-links", "twice"}


def heading_and_tab_ids(path: Path) -> set[str]:
    """The IDs fmlint works out for the page of ``path`` (read with its site's preset, as a run reads it)."""
    from fmlint.config.resolve import Resolver
    from fmlint.linter import lint_path
    from fmlint.site.config import read_site
    from fmlint.site.index import SiteIndex

    result = lint_path(str(path), Resolver().settings_for(str(path)))
    index = SiteIndex(read_site(str(path.parent.parent)))
    assert result.facts is not None
    index.add(str(path), str(path), result.facts)
    index.finish()
    (page,) = [page for page in index.pages if page.file is not None]
    return page.ids


I18N_CONFIG = """site_name: t
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
        - locale: ja
          name: Japanese
"""


def test_a_languages_folder_falls_back_to_the_default_languages_pages(tmp_path):
    """openai-agents-python's docs: mkdocs-static-i18n with `docs_structure: folder` builds a page a language's
    folder lacks from the default language's file (`docs/ja/ref/testing.md` from `docs/ref/testing.md`), so
    `[a](ref/testing.md)` in `docs/ja/index.md` leads there (27 false SITE003); its fragments are that file's.
    MkDocs' build with the plugin writes the page and tells of the same broken link and anchor."""
    links = "[a](ref/testing.md#usage) [b](ref/nope.md) [c](ref/testing.md#nope)\n"
    write(
        tmp_path,
        {
            "mkdocs.yml": I18N_CONFIG,
            "docs/index.md": "# Home\n",
            "docs/ref/testing.md": "# Testing\n\n## Usage\n",
            "docs/ja/index.md": "# ホーム\n\n" + links,
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"docs/ja/index.md:{at(3, links, link)} {code}"
        for link, code in (("ref/nope.md", "SITE003"), ("ref/testing.md#nope", "SITE004"))
    ]
    warnings = mkdocs_build(tmp_path)
    assert (tmp_path / "site/ja/ref/testing/index.html").is_file()
    assert "'ja/index.md' contains a link 'ref/nope.md'" in warnings
    assert "does not contain an anchor '#nope'" in warnings and "'#usage'" not in warnings


def test_links_of_a_site_whose_nav_includes_a_configuration_not_there_to_no_file_are_not_judged(tmp_path):
    """iceberg.apache.org's nav includes `!include versioned-docs/latest/mkdocs.yml` (mkdocs-monorepo-plugin), which a
    build script writes: those docs are mounted where fmlint cannot see, so a link to no file (`docs/latest/hive.md`,
    28 false SITE003) or to one outside the docs folder is not judged. With the included configuration there, both
    are; a broken anchor into a page fmlint sees always is."""
    links = "[a](docs/latest/hive.md) [b](../outside.md) [c](other.md#nope)\n"
    nav = "nav:\n  - Home: index.md\n  - Docs: '!include versioned-docs/latest/mkdocs.yml'\n"
    files = {"docs/index.md": "# Home\n\n" + links, "docs/other.md": "# Other\n", "outside.md": "# Out\n"}
    write(tmp_path, {"mkdocs.yml": "site_name: t\n" + nav, **files})
    assert placed(site_findings(tmp_path)) == [f"docs/index.md:{at(3, links, 'other.md#nope')} SITE004"]
    write(tmp_path, {"versioned-docs/latest/mkdocs.yml": "site_name: docs/latest\n"})
    forget_sites()
    assert placed(site_findings(tmp_path)) == [
        f"docs/index.md:{at(3, links, link)} {code}"
        for link, code in (
            ("docs/latest/hive.md", "SITE003"),
            ("../outside.md", "SITE003"),
            ("other.md#nope", "SITE004"),
        )
    ]


def test_links_into_the_docs_mkdocs_multirepo_plugin_imports_are_not_judged(tmp_path):
    """kuadrant's docs link `kuadrant-operator/doc/overviews/tls.md`, which mkdocs-multirepo-plugin imports from
    the operator's repository when the site builds (8 false SITE003): links into the folders its `nav_repos`
    (`name`), `repos` (`section_path/section`) and nav `!import` sections (their path) import into are not judged;
    a link to no file elsewhere is."""
    config = (
        "site_name: t\nplugins:\n  - multirepo:\n      nav_repos:\n        - name: Kuadrant Operator\n"
        "          import_url: https://github.com/kuadrant/kuadrant-operator\n      repos:\n"
        "        - section: Backstage\n          section_path: python\n          import_url: https://x/b\n"
        "nav:\n  - Home: index.md\n  - Guides:\n    - API Reference: '!import https://github.com/x/api'\n"
    )
    links = (
        "[a](kuadrant-operator/doc/tls.md) [b](python/Backstage/index.md) [c](guides/api-reference/x.md) "
        "[d](backstage/index.md) [e](gone.md)\n"
    )
    write(tmp_path, {"mkdocs.yml": config, "docs/index.md": "# Home\n\n" + links})
    forget_sites()
    assert placed(site_findings(tmp_path)) == [
        f"docs/index.md:{at(3, links, 'backstage/index.md')} SITE003",
        f"docs/index.md:{at(3, links, 'gone.md')} SITE003",
    ]


def test_numbered_tab_ids_are_not_judged_as_headings(tmp_path, monkeypatch, capsys):
    """Without a `slugify`, pymdownx.tabbed numbers each tab's ID, `__tabbed_<set>_<tab>` (percona's release notes
    link `#__tabbed_1_2`: 4 false SITE004). A fragment of that form is a tab's where the page has as many tabs; one
    beyond them, and `#nowhere`, are reported. MkDocs' build writes the IDs."""
    line = "See [a](#__tabbed_1_2), [b](#__tabbed_3_1), [c](#__tabbed_5_1) and [d](#nowhere)."
    config = (
        "site_name: t\nmarkdown_extensions:\n  - admonition\n  - pymdownx.superfences\n  - toc\n"
        "  - pymdownx.tabbed:\n      alternate_style: true\n"
    )
    write(tmp_path, {"mkdocs.yml": config, "docs/index.md": TABBED_PAGE.format(line=line)})
    monkeypatch.chdir(tmp_path)
    assert main(["--no-cache", "--select", "SITE", "--format", "json", "docs"]) == 1
    found = [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)]
    number = TABBED_PAGE.format(line=line).splitlines().index(line) + 1
    assert found == [(number, line.index("#__tabbed_5_1") + 1), (number, line.index("#nowhere") + 1)]
    mkdocs_build(tmp_path)
    page = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    built = set(re.findall(r'<input[^>]* id="([^"]*)"[^>]* name="__tabbed', page))
    assert built == {"__tabbed_1_1", "__tabbed_1_2", "__tabbed_2_1", "__tabbed_3_1"}


def test_a_page_with_tabs_a_slugify_fmlint_does_not_know_names_is_not_judged(tmp_path, monkeypatch, capsys):
    """With a tabbed `slugify` fmlint cannot run (a project's own function), a page's tab IDs are unknown: its
    fragments are not judged; a page without tabs still is."""
    config = (
        "site_name: t\nmarkdown_extensions:\n  - pymdownx.superfences\n"
        "  - pymdownx.tabbed:\n      alternate_style: true\n      slugify: !!python/name:hooks.slugs.tab_slug\n"
    )
    tabbed = '# Tabs\n\n=== "One"\n\n    One.\n\n[a](#one-custom) [b](#nowhere)\n'
    write(tmp_path, {"mkdocs.yml": config, "docs/tabs.md": tabbed, "docs/plain.md": "# Plain\n\n[c](#nowhere)\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["--no-cache", "--select", "SITE", "--format", "concise", "docs"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[:-1] == ["docs/plain.md:3:5: SITE004 `#nowhere` is not a heading ID of this page"]


def test_a_configuration_inherited_with_inherit_is_read_as_mkdocs_merges_it(tmp_path):
    """`INHERIT: config/base.yml` (Textual's, and many multi-language sites'): the parent's `docs_dir` and
    `markdown_extensions` count unless the child sets its own (a list replaces the parent's); the IDs are those
    MkDocs' build of the site writes."""
    links = "[a](#step_one) [b](#step-one)\n"
    write(
        tmp_path,
        {
            "config/base.yml": "site_name: base\ndocs_dir: pages\nmarkdown_extensions:\n  - toc:\n      separator: _\n",
            "mkdocs.yml": "INHERIT: config/base.yml\nsite_name: t\n",
            "pages/index.md": "# Home\n\n## Step one\n\n" + links,
        },
    )
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=tmp_path, check=True)
    assert re.findall(r'<h2 id="([^"]*)"', (tmp_path / "site/index.html").read_text(encoding="utf-8")) == ["step_one"]
    assert placed(site_findings(tmp_path)) == [f"pages/index.md:{at(5, links, '#step-one')} SITE004"]
    write(tmp_path, {"mkdocs.yml": "INHERIT: config/base.yml\nsite_name: t\nmarkdown_extensions:\n  - toc\n"})
    forget_sites()
    assert placed(site_findings(tmp_path)) == [f"pages/index.md:{at(5, links, '#step_one')} SITE004"]


def test_two_pages_written_to_one_file(tmp_path):
    """With ``use_directory_urls`` (the default) ``guide.md`` and ``guide/index.md`` are both written to
    ``guide/index.html``: MkDocs keeps one and says nothing. Near misses: ``setup.md`` beside ``setup/other.md``,
    a README beside an index (MkDocs leaves it out, and says so), a file ``exclude_docs`` names; without directory
    URLs the two are ``guide.html`` and ``guide/index.html``."""
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\nexclude_docs: |\n  old.md\n",
            "docs/index.md": "# Home\n",
            "docs/README.md": "# Readme\n",
            "docs/guide.md": "\ufeff# Guide 🎉\r\n",
            "docs/guide/index.md": "# 指南\n",
            "docs/setup.md": "# Setup\n",
            "docs/setup/other.md": "# Other\n",
            "docs/old.md": "# Old\n",
            "docs/old/index.md": "# Old index\n",
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == ["docs/guide.md:1:1-1:1 SITE001", "docs/guide/index.md:1:1-1:1 SITE001"]
    assert found[0].endswith(
        f"this page and the page `{tmp_path / 'docs/guide/index.md'}:1` are both written to `guide/index.html`; "
        "MkDocs keeps one of them"
    )
    log = mkdocs_build(tmp_path)
    assert "guide" not in log  # (not a word of it)
    assert "指南" in (tmp_path / "site/guide/index.html").read_text(encoding="utf-8")  # (the other page is lost)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nuse_directory_urls: false\n")
    forget_sites()
    assert site_findings(tmp_path) == []


NAMED_LINKS = "- [`kind`](#kind-property){: name='kind-property'} (string) [`gone`](#gone-property)\n"


def test_a_link_named_by_its_attribute_list_is_an_anchor(tmp_path):
    """aiven-operator's generated reference: `[`kind`](#kind-property){: name='kind-property'}` gives the link the
    `name` a fragment leads to (an `a` element's name is an anchor: 1,822 false SITE004 over its pages)."""
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\nmarkdown_extensions:\n  - attr_list\n",
            "docs/index.md": "# Kinds\n\n" + NAMED_LINKS,
        },
    )
    assert placed(site_findings(tmp_path)) == [f"docs/index.md:{at(3, NAMED_LINKS, '#gone-property')} SITE004"]
    mkdocs_build(tmp_path)
    built = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="#[^"]*-property"[^>]*>', built) == [
        '<a href="#kind-property" name="kind-property">',
        '<a href="#gone-property">',
    ]

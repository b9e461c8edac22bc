"""Eleventy sites: the file each page is written to, as Eleventy 3 writes it (``TemplatePermalink``), and two
pages written to one file, on which its build fails (``checkForDuplicatePermalinks``: "Output conflict: multiple
input files are writing to …").

With ``FMLINT_ELEVENTY_MODULES`` naming a ``node_modules`` folder that holds ``@11ty/eleventy``, and ``node`` on
``PATH``, the test sites are built again here (``--dryrun``): the faulty one fails, and the files the other's
pages are written to are those fmlint works out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fmlint.cache import ResultCache
from fmlint.site.config import forget_sites, read_site
from fmlint.site.eleventy import Eleventy, data_decides, eleventy_output, read_eleventy
from fmlint.site.templates import Probe
from tests.test_site_rules import at, index_of, page, placed, site_findings, write

CONFIG = """export default function (eleventyConfig) {
  eleventyConfig.ignores.add("./drafts/**");
  eleventyConfig.addPreprocessor("drafts", "*", (data) => (data.draft ? false : undefined));
}
"""
PAGED = 'permalink: "/about-us/{{ pagination.pageNumber }}/"'  # (its pages: `about-us/0/index.html`, …)
FAULTS = {
    "about.md": page("title: About"),
    "about/index.md": page("title: About, again"),  # (both `about/index.html`)
    "blog/blog.md": page("title: Blog"),  # (a name that is its folder's: `blog/index.html`)
    "blog/index.md": page("title: Blog index"),
    "a.md": page("title: A", "permalink: /shared/"),
    "b.md": "\ufeff---\r\ntitle: 中文 🎉\r\npermalink: shared/index.html\r\n---\r\n",  # (a BOM, CRLF)
}
NEAR_MISSES = {
    "c.md": page("title: C", "permalink: false"),  # (no page)
    "c/index.md": page("title: C index"),
    "t.md": page("title: Tee", 'permalink: "/{{ title | slugify }}/"'),  # (a template: `tee/index.html`)
    "t/index.md": page("title: T index"),
    "u.md": page("title: U", "Permalink: /u2/"),  # (not Eleventy's key: `u/index.html`)
    "u2.md": page("title: U2"),
    "v.md": page("title: V", "eleventyComputed:", "  permalink: /v2/"),  # (computed: not judged)
    "w.md": page("title: W", "eleventyComputed:", '  title: "{{ title }}!"'),  # (`w/index.html`)
    "posts/posts.json": '{"permalink": "/p/{{ page.fileSlug }}/"}\n',  # (the folder's data decides)
    "posts/one.md": page("title: One"),
    "other.md": page("title: Other", "permalink: /posts/one/"),
    "d.md": page("title: D", "draft: true", "permalink: /about-us/"),  # (a draft the configuration leaves out)
    "drafts/x.md": page("title: X", "permalink: /about-us/"),  # (ignored by the configuration)
    "about-us.md": page("title: About us"),
    "_includes/about-us.md": page("title: Part"),  # (a layout's folder: no page)
    "_site/about-us.md": page("title: Built", "permalink: /about-us/"),  # (the output folder: no page)
    "list.md": page("title: List", "pagination:", "  data: collections.all", "  size: 2", PAGED),
    "blog/blogs.md": page("title: Blogs"),  # (`blog/blogs/index.html`)
    "feed.md": page("title: Feed", "permalink: /feed.xml"),
}


def eleventy_site(root: Path, files: dict[str, str], config: str = CONFIG) -> None:
    forget_sites()
    write(root, {"eleventy.config.js": config, **files})


def test_pages_written_to_one_file_fail_the_build(tmp_path):
    eleventy_site(tmp_path, {**FAULTS, **NEAR_MISSES})
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"a.md:{at(3, 'permalink: /shared/', '/shared/')} SITE001",
        "about.md:1:1-1:1 SITE001",
        "about/index.md:1:1-1:1 SITE001",
        f"b.md:{at(3, 'permalink: shared/index.html', 'shared/index.html')} SITE001",
        "blog/blog.md:1:1-1:1 SITE001",
        "blog/index.md:1:1-1:1 SITE001",
    ]
    assert found[0].endswith(
        f"SITE001 this page and the page `{tmp_path / 'b.md'}:3` are both written to `shared/index.html`; Eleventy "
        "fails the build"
    )
    assert f"the page `{tmp_path / 'about' / 'index.md'}:1` are both written to `about/index.html`" in found[1]


def test_the_files_pages_are_written_to(tmp_path):
    eleventy_site(tmp_path, NEAR_MISSES)
    outputs = {os.path.relpath(p.absolute, tmp_path): p.output for p in index_of(tmp_path).pages if p.url}
    assert outputs == {
        "c/index.md": "c/index.html",
        "t/index.md": "t/index.html",
        "u2.md": "u2/index.html",
        "w.md": "w/index.html",
        "other.md": "posts/one/index.html",
        "about-us.md": "about-us/index.html",
        "blog/blogs.md": "blog/blogs/index.html",
        "feed.md": "feed.xml",
        "d.md": "about-us/index.html",  # (a draft: left out of the check)
    }


@pytest.mark.parametrize(
    ("relative", "permalink", "output"),
    [
        ("index.md", None, "index.html"),
        ("a/index.md", None, "a/index.html"),
        ("a/a.md", None, "a/index.html"),
        ("a/b.md", None, "a/b/index.html"),
        ("a/b.en.md", None, "a/b.en/index.html"),  # (the last extension alone)
        ("a/B c.md", None, "a/B c/index.html"),  # (as the file is named)
        ("x.md", "/", "index.html"),
        ("x.md", "/y/", "y/index.html"),
        ("x.md", "y/z.html", "y/z.html"),
        ("x.md", "//y/./z/", "y/z/index.html"),
        ("x.md", "/y", ""),  # (no extension: Eleventy's own error, unless allowed)
    ],
)
def test_outputs_as_eleventy_writes_them(relative, permalink, output):
    assert eleventy_output(Eleventy("."), relative, "", permalink) == output


def test_what_decides_the_output_for_the_site(tmp_path):
    """A layout's front matter, a global data file or ``addGlobalData`` may give every page a permalink; a folder's
    or a template's data file its folder's pages; the includes, layouts, data and output folders, and the ignored
    ones, hold no page."""
    config = (
        "module.exports = function (eleventyConfig) {\n"
        '  eleventyConfig.ignores.add("src/old/**");\n'
        '  return {dir: {input: "src", includes: "parts", layouts: "layouts", data: "data", output: "dist"}};\n'
        "};\n"
    )
    write(
        tmp_path,
        {
            ".eleventy.js": config,
            "src/layouts/base.njk": "---\ntitle: Base\n---\n{{ content }}\n",
            "src/docs/docs.11tydata.js": "module.exports = {eleventyComputed: {permalink: (data) => false}};\n",
            "src/notes/notes.11tydata.js": "module.exports = {eleventyComputed: {title: 'x'}};\n",  # (no permalink)
            "src/notes/n.json": '{"tags": ["n"]}\n',
            "src/tpl/page.json": '{"permalink": "/p/"}\n',  # (the data of `page.md`)
            "src/tpl/page.md": page("title: Page"),
            "src/misc/search.json": '{"permalink": "/x/"}\n',  # (no template's: not Eleventy's data)
            "src/.eleventyignore": "# drafts\ndrafts/\n!drafts/keep.md\n",
        },
    )
    found = read_eleventy(str(tmp_path), ".eleventy.js")
    assert found == Eleventy("src", "parts", "layouts", "data", "../dist", ("old/**", "drafts"), False, False)
    source = str(tmp_path / "src")
    asked: list[tuple[str, str, bool]] = []

    def decides(folder: str) -> bool:
        return data_decides(read_eleventy(str(tmp_path), ".eleventy.js"), source, folder, recorded(asked))

    assert [decides(folder) for folder in ("docs", "docs/sub", "tpl", "notes", "misc", "")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert (
        "eleventy_folder_data",
        str(tmp_path / "src" / "docs"),
        True,
    ) in asked  # (recorded: kept findings ask again)
    assert [eleventy_output(found, path, "", None) for path in ("notes/b.md", "old/c.md", "drafts/d.md")] == [
        "notes/b/index.html",
        "",
        "",
    ]
    write(tmp_path, {"src/layouts/post.njk": "---\nlayout: base.njk\npermalink: /p/{{ page.fileSlug }}/\n---\n"})
    assert decides("notes")
    (tmp_path / "src/layouts/post.njk").unlink()
    write(tmp_path, {"src/data/eleventyComputed.js": "module.exports = {title: () => 'x'};\n"})
    assert not decides("notes")
    write(tmp_path, {"src/data/eleventyComputed.js": "module.exports = {permalink: () => false};\n"})
    assert decides("notes")
    (tmp_path / "src/data/eleventyComputed.js").unlink()
    (tmp_path / ".eleventy.js").write_text(
        config.replace("return", 'eleventyConfig.addGlobalData("permalink", () => false);\n  return')
    )
    assert decides("notes")


def recorded(asked: list[tuple[str, str, bool]]) -> Probe:
    """A probe as the index's: each question's answer, recorded."""

    def probe(function: Callable[[str], bool], path: str) -> bool:
        answer = function(path)
        asked.append((function.__name__, path, answer))
        return answer

    return probe


def test_a_draft_is_a_page_unless_the_configuration_reads_drafts(tmp_path):
    """Eleventy has no drafts of its own: a page with ``draft: true`` is written, unless the configuration leaves
    it out (the base blog's preprocessor)."""
    files = {"a.md": page("title: A", "draft: true"), "a/index.md": page("title: A, again")}
    eleventy_site(tmp_path, files, "export default function (eleventyConfig) {}\n")
    assert placed(site_findings(tmp_path)) == ["a.md:1:1-1:1 SITE001", "a/index.md:1:1-1:1 SITE001"]
    eleventy_site(tmp_path, files)
    assert site_findings(tmp_path) == []


def test_a_pipe_named_like_a_data_file_or_a_layout_is_never_opened(tmp_path):
    """Opening a named pipe would wait for a writer for ever: it names no ``permalink``."""
    write(tmp_path, {"eleventy.config.js": CONFIG, "posts/one.md": page("title: One")})
    (tmp_path / "_includes").mkdir()
    os.mkfifo(tmp_path / "posts" / "posts.json")
    os.mkfifo(tmp_path / "_includes" / "base.njk")
    found = read_eleventy(str(tmp_path), "eleventy.config.js")
    assert found == Eleventy(".", ignored=("drafts/**",), drafts=True)
    assert not data_decides(found, str(tmp_path), "posts", recorded([]))


def test_kept_findings_ask_the_data_files_again(tmp_path):
    """A run served from the kept site findings asks the recorded data files again: a data file that now gives the
    page its permalink takes the collision back."""
    eleventy_site(tmp_path, {"a.md": page("title: A"), "b.md": page("title: B", "permalink: /a/")})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert placed(site_findings(tmp_path, cache=cache)) == [
        "a.md:1:1-1:1 SITE001",
        f"b.md:{at(3, 'permalink: /a/', '/a/')} SITE001",
    ]
    write(tmp_path, {"a.11tydata.json": '{"permalink": "/elsewhere/"}\n'})
    assert site_findings(tmp_path, cache=cache) == []


def test_a_site_whose_layouts_give_permalinks_is_not_judged(tmp_path):
    eleventy_site(tmp_path, {**FAULTS, "_includes/post.njk": "---\npermalink: /{{ page.fileSlug }}/\n---\n"})
    assert read_site(str(tmp_path)).eleventy is not None
    assert site_findings(tmp_path) == []


NODE_MODULES = os.environ.get("FMLINT_ELEVENTY_MODULES", "")
ELEVENTY_BUILDS = bool(
    NODE_MODULES and shutil.which("node") and os.path.isdir(os.path.join(NODE_MODULES, "@11ty", "eleventy"))
)


def eleventy(root: Path) -> subprocess.CompletedProcess[str]:
    """``eleventy --to=json`` in the site at ``root``: each page's input path, output path and URL, nothing written."""
    if not (root / "node_modules").exists():
        (root / "node_modules").symlink_to(NODE_MODULES)
    command = [shutil.which("node") or "node", os.path.join(NODE_MODULES, "@11ty", "eleventy", "cmd.cjs"), "--to=json"]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.skipif(not ELEVENTY_BUILDS, reason="FMLINT_ELEVENTY_MODULES does not name Eleventy's node_modules")
def test_eleventy_fails_on_the_faults_and_writes_the_files_fmlint_works_out(tmp_path):
    eleventy_site(tmp_path / "faults", FAULTS)
    failed = eleventy(tmp_path / "faults")
    assert failed.returncode != 0 and "Output conflict: multiple input files are writing to" in failed.stderr
    eleventy_site(tmp_path / "near", NEAR_MISSES)
    built = eleventy(tmp_path / "near")
    assert built.returncode == 0, built.stderr
    written: dict[str, set[str]] = {}
    for found in json.loads(built.stdout):
        if found["outputPath"]:
            written.setdefault(os.path.normpath(found["inputPath"]), set()).add(
                os.path.relpath(found["outputPath"], "_site")
            )
    judged = {
        os.path.relpath(found.absolute, tmp_path / "near"): found.output
        for found in index_of(tmp_path / "near").pages
        if found.url and not found.withheld
    }
    assert judged == {path: outputs.pop() for path, outputs in written.items() if path in judged}
    assert set(judged) == set(written) - {"t.md", "u.md", "v.md", "list.md", "posts/one.md"}  # (their data decides)

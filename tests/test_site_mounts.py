"""Hugo sites laid out by module mounts (Hugo 0.153+: ``sites.matrix``, ``files``), as real Docsy sites are.

opentelemetry.io mounts each language's folder for that language, and the
English docs again for every other language as fallback pages; its
configuration lives in ``config/_default/`` only; submodule content is mounted
from folders a checkout may lack; fragments point at ``<a id>`` tags and at
headings that Markdown shortcodes write.  ``hugo list all`` judges the paths.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_site_rules import (
    HUGO,
    _quiet_env,
    at,
    hugo_permalinks,
    index_of,
    needs_hugo,
    page,
    placed,
    site_findings,
    write,
)

from fmlint.cache import ResultCache
from fmlint.site.config import forget_sites, read_site
from fmlint.site.globs import glob_slice_matches
from fmlint.site.walk import content_files


def mount(source: str, target: str, languages: list[str] | None = None, files: list[str] | None = None) -> str:
    """A ``[[module.mounts]]`` table of ``hugo.toml``."""
    table = f'[[module.mounts]]\nsource = "{source}"\ntarget = "{target}"\n'
    table += f"files = {json.dumps(files)}\n" if files else ""
    return table + (f"[module.mounts.sites.matrix]\nlanguages = {json.dumps(languages)}\n" if languages else "")


MOUNTS = "".join(
    [
        mount("content/en", "content", ["en"]),
        mount("content/fr", "content", ["fr"]),
        mount("content/en/docs", "content/docs", ["! en", "**"], files=["! specs/**"]),  # French fallback pages
        mount("extra", "content/more/stuff"),  # the language from file names
        mount("single/page.md", "content/community/mission.md", ["en"]),
        mount("submodule/spec", "content/docs/spec"),  # not checked out
    ]
)

MOUNTED_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n' + MOUNTS,
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/en/_index.md": page('title: "Home"'),
    "content/en/docs/_index.md": page('title: "Docs"'),
    "content/en/docs/a.md": page('title: "A"'),
    "content/en/docs/b.md": page(
        'title: "B"',
        body='## Setup\n\nSee [a](#setup) and {{< ref "/docs/gone" >}} and [spec](/docs/spec/overview/).\n',
    ),
    "content/en/docs/specs/s.md": page('title: "S"'),
    "content/fr/_index.md": page('title: "Accueil"'),
    "content/fr/docs/a.md": page('title: "A fr"', body="## Réglages\n"),
    "extra/x.md": page('title: "X"'),
    "extra/y.fr.md": page('title: "Y"'),
    "single/page.md": page('title: "Mission"'),
}


def test_glob_slices_as_hugo_reads_them():
    assert glob_slice_matches(["! en", "**"], "fr")
    assert not glob_slice_matches(["! en", "**"], "en")
    assert not glob_slice_matches(["! specs/**"], "specs/s.md")
    assert glob_slice_matches(["! specs/**"], "a.md")
    assert glob_slice_matches(["*.md"], "a.md") and not glob_slice_matches(["*.md"], "sub/a.md")
    assert glob_slice_matches(["**.md"], "sub/a.md")
    assert glob_slice_matches(["{,/**}/_includes{,/**}"], "/docs/_includes/intro")
    assert not glob_slice_matches(["{,/**}/_includes{,/**}"], "/docs/includes")
    assert glob_slice_matches(["v[12].*"], "v1.x") and not glob_slice_matches(["v[!12].*"], "v1.x")
    # what is no glob (a configuration typo) matches itself, and never raises
    assert glob_slice_matches(["a[]"], "a[]") and not glob_slice_matches(["[!]", "{x"], "b")


def _pages(root: Path) -> set[tuple[str, str]]:
    index = index_of(root)
    return {(str(Path(p.absolute).relative_to(root)), p.url) for p in index.pages if p.file is not None}


EXPECTED_PAGES = {
    ("content/en/_index.md", "/"),
    ("content/en/docs/_index.md", "/docs/"),
    ("content/en/docs/_index.md", "/fr/docs/"),  # a fallback page: the English file in French
    ("content/en/docs/a.md", "/docs/a/"),  # (French has its own a.md, mounted first)
    ("content/en/docs/b.md", "/docs/b/"),
    ("content/en/docs/b.md", "/fr/docs/b/"),
    ("content/en/docs/specs/s.md", "/docs/specs/s/"),  # the fallback mount's files glob leaves specs out
    ("content/fr/_index.md", "/fr/"),
    ("content/fr/docs/a.md", "/fr/docs/a/"),
    ("extra/x.md", "/more/stuff/x/"),  # no language: from the file name
    ("extra/y.fr.md", "/fr/more/stuff/y/"),
    ("single/page.md", "/community/mission/"),  # a file mounted on its own
}


def test_mounted_pages_and_their_paths(tmp_path):
    write(tmp_path, MOUNTED_SITE)
    assert _pages(tmp_path) == EXPECTED_PAGES


def hugo_pages(root: Path) -> set[tuple[str, str]]:
    """(file, URL path) of every page ``hugo list all`` prints: a row per language of a file."""
    done = subprocess.run(
        [HUGO, "list", "all"], cwd=root, capture_output=True, text=True, timeout=300, check=True, env=_quiet_env()
    )
    rows = csv.DictReader(io.StringIO(done.stdout[done.stdout.index("path,") :]))
    return {(row["path"], urlsplit(row["permalink"]).path) for row in rows}


@needs_hugo
def test_mounted_pages_match_hugo_list_all(tmp_path):
    write(tmp_path, MOUNTED_SITE)
    assert hugo_pages(tmp_path) == EXPECTED_PAGES


TOP_LINKS = "[a](/v2/a/) [b](/docs/a/) [old](/old/) [c](/v3/c/)\n"
# a mount of the content folder itself, with a filter: it replaces the default mount, and a pattern that
# matches a folder leaves out everything under it (Hugo's walk filters folders; patterns ignore case)
FILTERED_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    + mount("content", "content", files=["! v2", "! V3", "! old.md"])
    + mount("content/v2", "content/docs"),
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/_index.md": page('title: "Home"'),
    "content/top.md": page('title: "Top"', body=TOP_LINKS),
    "content/old.md": page('title: "Old"', 'url: "/top/"'),  # left out: no collision with top.md
    "content/v2/a.md": page('title: "A"'),
    "content/v2x/b.md": page('title: "B"'),  # (`v2` is not `v2x`)
    "content/v3/c.md": page('title: "C"'),
}
EXPECTED_FILTERED = {
    ("content/_index.md", "/"),
    ("content/top.md", "/top/"),
    ("content/v2/a.md", "/docs/a/"),
    ("content/v2x/b.md", "/v2x/b/"),
}


def test_a_mount_filter_leaves_out_folders_and_replaces_the_default_content_mount(tmp_path):
    write(tmp_path, FILTERED_SITE)
    assert _pages(tmp_path) == EXPECTED_FILTERED
    assert placed(site_findings(tmp_path)) == [
        f"content/top.md:{at(5, TOP_LINKS, '/v2/a/')} SITE003",
        f"content/top.md:{at(5, TOP_LINKS, '/old/')} SITE003",
        f"content/top.md:{at(5, TOP_LINKS, '/v3/c/')} SITE003",
    ]


@needs_hugo
def test_a_mount_filter_matches_hugo_list_all(tmp_path):
    write(tmp_path, FILTERED_SITE)
    assert hugo_pages(tmp_path) == EXPECTED_FILTERED


def test_a_fault_in_a_file_mounted_for_two_languages_is_reported_once(tmp_path):
    write(tmp_path, MOUNTED_SITE)
    found = site_findings(tmp_path)
    # the ref is broken in English and in French: one finding; `#setup` and the missing mount's page are fine
    assert [line.split(" ", 2)[:2] for line in found] == [["content/en/docs/b.md:7:30-7:40", "SITE003"]]


def test_a_run_over_a_few_files_reports_a_file_of_two_languages_as_the_whole_run(tmp_path):
    """A file mounted twice (French under docs/, and by its name under more/): its alias collides in both
    languages, at one place; the run over it and the run over the whole site keep the same language's."""
    config = 'baseURL = "https://example.org/"\n[languages.en]\n[languages.fr]\n'
    config += (
        mount("extra", "content/docs", ["fr"]) + mount("extra", "content/more") + mount("content", "content", ["**"])
    )
    write(
        tmp_path,
        {
            "hugo.toml": config,
            "extra/x.md": page('title: "X"', 'aliases: ["/q/"]'),
            "content/b.md": page('title: "B"', 'aliases: ["/q/"]'),
        },
    )
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    whole = [line for line in site_findings(tmp_path, cache=cache) if line.startswith("extra/x.md")]
    assert len(whole) == 1 and "`fr/q/index.html`" in whole[0]  # the first mount's page: the French one
    assert site_findings(tmp_path, ["extra/x.md"], cache=cache) == whole


def test_a_site_configured_in_the_configuration_folder_only(tmp_path):
    write(
        tmp_path,
        {
            "config/_default/hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/docs/a.md": page('title: "A"', body="[b](b.md)\n"),
        },
    )
    assert read_site(str(tmp_path)).generator == "hugo"
    assert [line.split(" ")[1] for line in site_findings(tmp_path)] == ["SITE003"]


SUBFOLDER_SITE = {  # (falco.org: 706 false SITE003 while its mounts were not read)
    "config/_default/config.toml": (
        'baseURL = "https://example.org/"\n[module]\n[module.hugoVersion]\nmin = "0.100.0"\n'
    ),
    "config/_default/module/module.yaml": "mounts:\n  - source: content/en\n    target: content\n",
    "config/_default/params.toml": "[params]\ncolor = 'red'\n",  # (its root key written out)
    "config/_default/taxonomies.toml": "[taxonomies]\nseries = 'series'\n",
    "layouts/single.html": "{{ .Content }}{{ site.Params.color }}",
    "content/en/a.md": page('title: "A"', body="[b](/b/) [c](/c/)\n"),
    "content/en/b.md": page('title: "B"'),
}


def test_the_configuration_folders_subfolders_are_read_and_merged_table_by_table(tmp_path):
    """Hugo reads `config/_default/` recursively and merges each file's table into what it has: the mounts of
    `module/module.yaml` beside `config.toml`'s own `[module]` table. A file's root key, written out as the
    file's only key, is unwrapped (Hugo 0.162)."""
    write(tmp_path, SUBFOLDER_SITE)
    options = read_site(str(tmp_path))
    assert [content.path for content in options.content_dirs] == [str(tmp_path / "content/en")]
    assert options.taxonomies == ("series",)
    assert placed(site_findings(tmp_path)) == [f"content/en/a.md:{at(5, '[b](/b/) [c](/c/)', '/c/')} SITE003"]
    if HUGO is not None:
        listed = subprocess.run(
            [HUGO, "list", "all"], cwd=tmp_path, capture_output=True, text=True, check=True, env=_quiet_env()
        ).stdout
        assert "content/en/b.md" in listed and "https://example.org/b/" in listed
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, env=_quiet_env())
        assert (tmp_path / "public/b/index.html").read_text(encoding="utf-8").endswith("red")


ANCHOR_SITE = {
    "hugo.toml": (
        'baseURL = "https://example.org/"\ndisableAliases = true\n'
        "[[cascade]]\n[cascade.build]\nrender = 'never'\n[cascade.target]\npath = '{,/**}/_includes{,/**}'\n"
    ),
    "content/docs/target.md": page(
        'title: "T"', 'aliases: ["/old/target/"]', body='Intro <a id="small-prs"></a>\n\n<div data-id="nope"></div>\n'
    ),
    "content/docs/generated.md": page('title: "G"', body="{{% exporters/intro %}}\n"),
    "content/docs/paired.md": page(
        'title: "P"', body="Version {{% latest-version %}}.\n\n{{% tab %}}\n## Inside\n{{% /tab %}}\n"
    ),  # (a shortcode inside a line writes no heading)
    # (fluxcd.io's home page: a `{{% %}}` shortcode closed by `{{< / >}}` is paired, its headings seen)
    "content/docs/mixed.md": page('title: "M"', body="{{% lead %}}\n## Lead\n{{< /lead >}}\n"),
    "content/docs/_includes/intro.md": page('title: "Include"', body="See [below](#otlp-dependencies).\n"),
    "content/docs/links.md": page(
        'title: "L"',
        body=(
            "[a](target.md#small-prs) [b](target.md#nope) [c](generated.md#made-by-the-shortcode)\n"
            "[d](paired.md#inside) [e](paired.md#outside) [f](/old/target/) [g](/docs/{{ $lang }}/)\n"
            "[h](mixed.md#lead) [i](mixed.md#other)\n"
        ),
    ),
}


def test_fragments_of_html_ids_shortcode_markdown_and_included_fragments(tmp_path):
    write(tmp_path, ANCHOR_SITE)
    found = site_findings(tmp_path)
    assert [line.split(" ", 2)[:2] for line in found] == [
        ["content/docs/links.md:5:30-5:44", "SITE004"],  # #nope: a data-id is no anchor
        ["content/docs/links.md:6:27-6:44", "SITE004"],  # #outside: a paired shortcode's headings are seen
        ["content/docs/links.md:7:24-7:38", "SITE004"],  # #other
    ]


@pytest.mark.parametrize("name", ["hugo.yaml", "config.toml"])
def test_the_configuration_folder_is_read_beside_a_root_file(tmp_path, name):
    write(tmp_path, {name: "", "config/_default/languages.toml": "[fr]\nweight = 2\n[en]\nweight = 1\n"})
    assert read_site(str(tmp_path)).languages == ("en", "fr")


LAYERED_SITE = {  # (3-yuma-3's `knowledge`: the root `config.toml` is the starter's, the site's in `config/`)
    "config.toml": 'baseURL = "https://example.org/"\nuglyURLs = true\n[permalinks]\nposts = "/r/:slug/"\n',
    "config/_default/config.toml": (
        'baseURL = "https://example.github.io/knowledge/"\nuglyURLs = false\n[permalinks]\nnotes = "/n/:slug/"\n'
    ),
    "config/production/hugo.toml": '[permalinks]\nnotes = "/notes/:slug/"\n',
    "config/development/hugo.toml": 'baseURL = "https://localhost/"\n[permalinks]\nnotes = "/dev/:slug/"\n',
    "content/posts/a.md": page('title: "A"'),
    "content/notes/b.md": page('title: "B"'),
}


def test_the_production_folder_over_the_default_folder_over_the_root_file(tmp_path, monkeypatch):
    """As Hugo's build reads them: `config/production/` (the build's environment) over `config/_default/` over the
    root file, tables merged key by key; `HUGO_ENVIRONMENT` names another environment."""
    write(tmp_path, LAYERED_SITE)
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    site = read_site(str(tmp_path))
    assert (site.base_path, site.ugly, site.own_hosts) == ("knowledge", False, ("example.github.io",))
    assert {page.name: page.url for page in index_of(tmp_path).pages if page.file} == {"a": "/r/a/", "b": "/notes/b/"}
    if HUGO is not None:
        assert hugo_permalinks(tmp_path) == {
            str(tmp_path / "content/posts/a.md"): "/knowledge/r/a/",
            str(tmp_path / "content/notes/b.md"): "/knowledge/notes/b/",
        }
    monkeypatch.setenv("HUGO_ENVIRONMENT", "development")
    forget_sites()
    assert {page.name: page.url for page in index_of(tmp_path).pages if page.file} == {"a": "/r/a/", "b": "/dev/b/"}


def test_sections_named_like_output_folders_are_content(tmp_path):
    """opentelemetry.io has ``content/en/site/build/``: only the site root's ``build/``, ``public/`` … are output."""
    write(
        tmp_path,
        {
            "_config.yml": "",
            "build/out.md": page('title: "Output"'),  # Jekyll's content folder is the root: its build/ is output
            "docs/build/guide.md": page('title: "Guide"'),
            "docs/node_modules/pkg/readme.md": page('title: "Dependency"'),
        },
    )
    assert content_files(read_site(str(tmp_path))) == [str(tmp_path / "docs/build/guide.md")]
    write(tmp_path / "hugo", {"hugo.toml": "", "content/site/build/_index.md": page('title: "Build"')})
    assert content_files(read_site(str(tmp_path / "hugo"))) == [str(tmp_path / "hugo/content/site/build/_index.md")]


SPLIT_CONFIG_SITE = {  # as letsencrypt.org keeps its configuration: one file per language, ugly URLs for posts
    "config/_default/hugo.toml": (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[uglyURLs]\npost = true\n'
        '[permalinks]\npost = "/:year/:month/:day/:slug/"\n[security]\nallowContent = [".*"]\n'  # (HTML pages)
    ),
    "config/_default/languages.en.toml": 'contentDir = "content/en"\nweight = 1\n',
    "config/_default/languages.fr.toml": 'contentDir = "content/fr"\nweight = 2\n[params]\nx = 1\n',
    "config/_default/menu.fr.toml": "[[main]]\nname = 'x'\n",
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/en/_index.md": page('title: "Home"'),
    "content/en/post/2024-01-02-hello.md": page('title: "Hello"', "date: 2024-01-02", 'slug: "hello"'),
    "content/en/docs/guide.md": page('title: "Guide"'),
    "content/en/repository.html": page('title: "Repository"'),
    "content/fr/docs/guide.md": page(
        'title: "Guide"',
        body="[a](/2024/01/02/hello) [b](/repository/) [c](/docs/guide/) [d](/fr/docs/guide/) [e](/docs/gone/)\n",
    ),
}
EXPECTED_SPLIT = {
    ("content/en/_index.md", "/"),
    ("content/en/post/2024-01-02-hello.md", "/2024/01/02/hello.html"),
    ("content/en/docs/guide.md", "/docs/guide/"),
    ("content/fr/docs/guide.md", "/fr/docs/guide/"),
    ("content/en/repository.html", "/repository/"),  # (a page in HTML: `allowContent` lets it be one)
}


def test_a_configuration_split_by_language_and_ugly_urls_for_one_section(tmp_path):
    write(tmp_path, SPLIT_CONFIG_SITE)
    assert read_site(str(tmp_path)).languages == ("en", "fr")
    assert _pages(tmp_path) == EXPECTED_SPLIT
    # an ugly URL without `.html` (servers give the file) and a page in HTML are found; only /docs/gone/ is not
    e = SPLIT_CONFIG_SITE["content/fr/docs/guide.md"].splitlines()[-1].index("/docs/gone/") + 1
    assert [line.split(" ", 2)[:2] for line in site_findings(tmp_path)] == [
        [f"content/fr/docs/guide.md:5:{e}-5:{e + 11}", "SITE003"]
    ]


@needs_hugo
def test_a_configuration_split_by_language_matches_hugo_list_all(tmp_path):
    write(tmp_path, SPLIT_CONFIG_SITE)
    assert hugo_pages(tmp_path) == EXPECTED_SPLIT

"""Root-relative links on a Hugo site below a ``baseURL`` path (a GitHub Pages project site: ``/docs/``).

Hugo writes `[x](/b/)` as it is (the browser leaves the project), rewrites it below the base with
``canonifyURLs``, or as a path to the site's root with ``relativeURLs`` (then `/docs/b/` is `/docs/docs/b/`);
its embedded link hook finds `/b/` as a page first. Until now fmlint judged no root-relative link of such a
site; each case here is judged by Hugo's build.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from test_site_rules import needs_hugo, page, site_findings, write

LINKS = [
    "/docs/b/",
    "/docs/nope/",
    "/b/",
    "../b/",
    "../nope/",
    "/docs/b/#bee",
    "https://example.org/docs/b/",
    "/b/#bee",
    "/docs/b/#wasp",
]
BODY = " ".join(f"[{number}]({link})" for number, link in enumerate(LINKS))
CONFIGS = {
    "as written": "",
    "canonifyURLs": "canonifyURLs = true\n",
    "relativeURLs": "relativeURLs = true\n",
    "embedded hook": "[languages.en]\nweight = 1\n",
}
# the links Hugo's build leaves broken, by configuration
BROKEN = {
    "as written": ["/docs/nope/", "/b/", "../nope/", "/b/#bee", "/docs/b/#wasp"],
    "canonifyURLs": ["/docs/nope/", "../nope/", "/docs/b/#wasp"],
    "relativeURLs": ["/docs/b/", "/docs/nope/", "../nope/", "/docs/b/#bee", "/docs/b/#wasp"],
    "embedded hook": ["/docs/nope/", "../nope/", "/docs/b/#wasp"],
}


def base_site(root: Path, config: str) -> None:
    write(
        root,
        {
            "hugo.toml": 'baseURL = "https://example.org/docs/"\n' + CONFIGS[config],
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Content }}",
            "content/a.md": page("title: A", body=BODY + "\n"),
            "content/b.md": page("title: B", body="## Bee\n"),
        },
    )


def reported(root: Path) -> list[str]:
    """The links of `a.md` a SITE003 or SITE004 names, by the column it reports."""
    columns = {BODY.index(f"]({link})") + 3: link for link in LINKS}
    found = [line for line in site_findings(root) if line.startswith("content/a.md:")]
    return [columns[int(line.split(":")[2].split("-")[0])] for line in found]


@pytest.mark.parametrize("config", CONFIGS)
def test_root_relative_links_below_a_base_path(tmp_path: Path, config: str) -> None:
    base_site(tmp_path, config)
    assert reported(tmp_path) == BROKEN[config]


def test_the_messages(tmp_path: Path) -> None:
    base_site(tmp_path, "as written")
    found = [line.split(" ", 2)[2] for line in site_findings(tmp_path)]
    assert found[:2] == [
        "`/docs/nope/` leads to the site's `/nope/` (below `/docs`), which is no page's URL (nor an alias, a taxonomy "
        "page or a file in static/)",
        "`/b/` misses the site's base path `/docs` (its baseURL's path) and leaves the site: write `/docs/b/`",
    ]


def test_a_run_over_the_linking_file_alone_indexes_the_pages_below_the_base(tmp_path: Path) -> None:
    """A pre-commit run over `a.md`, edited, indexes the part of the site its links name: `/docs/b/` names `b.md`."""
    from fmlint.cache import ResultCache

    base_site(tmp_path / "site", "as written")
    edited = tmp_path / "site/content/a.md"
    edited.write_text(page("title: A", body="[x](/docs/b/#bee) [y](/docs/b/#wasp)\n"))
    cache = ResultCache(tmp_path / "cache", racy_ns=0)
    whole = [line for line in site_findings(tmp_path / "site", cache=cache) if line.startswith("content/a.md:")]
    assert [line.split(" ")[:2] for line in whole] == [["content/a.md:5:23-5:36", "SITE004"]]
    edited.write_text(edited.read_text() + "\n## Edited\n")
    assert site_findings(tmp_path / "site", ["content/a.md"], cache=cache) == whole


def broken_in_build(out: Path, page_url: str) -> list[str]:
    """The hrefs of the built page at ``page_url`` (below ``/docs/``) that lead to no built file, or to one
    without the ``id`` of their fragment, in the order of ``LINKS``."""
    built = (out / page_url.removeprefix("/docs/") / "index.html").read_text()
    hrefs = re.findall(r'href="([^"]*)"', built)
    assert len(hrefs) == len(LINKS)
    broken = []
    for link, href in zip(LINKS, hrefs, strict=True):
        parts = urlsplit(urljoin(f"https://example.org{page_url}", href))
        target = out / parts.path.removeprefix("/docs/") / "index.html"
        inside = parts.path.startswith("/docs/") and target.is_file()
        if not inside or (parts.fragment and f'id="{parts.fragment}"' not in target.read_text()):
            broken.append(link)
    return broken


@needs_hugo
@pytest.mark.parametrize("config", CONFIGS)
def test_hugo_breaks_the_links_reported(tmp_path: Path, config: str) -> None:
    from test_site_rules import hugo_build

    base_site(tmp_path, config)
    out = hugo_build(tmp_path)
    assert broken_in_build(out, "/docs/a/") == BROKEN[config]

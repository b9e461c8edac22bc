"""A Hugo site's HTML content files are pages, written as they are: their URLs, their elements' IDs and their links.

istio.io's generated reference pages (``content/en/docs/reference/commands/istioctl/index.html``) and home pages
(``_index.html``) are such files; links into them were not judged before (30 broken ones on istio.io).  Not
where ``security.allowContent`` refuses them (Hugo 0.162 and later do by default, and fail the build on one).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from fmlint.cache import ResultCache
from fmlint.site.index import SiteIndex
from tests.test_site_rules import (
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

REF = """<h2 id="Foo">Foo</h2>
<p><a href="/nothing/">broken</a> <a href="/docs/#nope">broken anchor</a> <a href="/docs/#docs">fine</a></p>
<!-- <a href="/commented-out/">not a link</a> -->
<table><tr><td id="flag-x">x</td></tr></table>
"""
LINKS = "[a](/ref/#Foo) [b](/ref/#Bar) [c](/ref/#flag-x) [d](/generated/) [e](/#welcome) [f](/#nope)\n"
SITE = {
    # (Hugo 0.162 and later refuse an HTML content file unless `security.allowContent` lets it be one: the
    # oracle's Hugo is one)
    "hugo.toml": 'baseURL = "https://example.org/"\n[security]\nallowContent = [".*"]\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "layouts/home.html": "{{ .Content }}",
    "content/_index.html": page('title: "Home"', body='<h1 id="welcome">Welcome</h1>\n'),
    "content/ref/index.html": page('title: "Ref"', body=REF),
    "content/generated.htm": page('title: "Generated"', body="<p>Made by a tool.</p>\n"),
    "content/docs/index.md": page('title: "Docs"', body="## Docs\n\n" + LINKS),
}


def test_links_into_html_pages_are_judged_by_their_ids(tmp_path):
    write(tmp_path, SITE)
    assert placed(site_findings(tmp_path, ["content/docs/index.md"])) == [
        f"content/docs/index.md:{at(7, LINKS, '/ref/#Bar')} SITE004",
        f"content/docs/index.md:{at(7, LINKS, '/#nope')} SITE004",
    ]


def test_the_links_of_an_html_page_in_the_run_are_judged(tmp_path):
    """Not the one in a comment; an HTML page is checked when it is named (a folder's run takes its Markdown)."""
    write(tmp_path, SITE)
    assert placed(site_findings(tmp_path, ["content/ref/index.html"])) == [
        f"content/ref/index.html:{at(6, REF.splitlines()[1], '/nothing/')} SITE003",
        f"content/ref/index.html:{at(6, REF.splitlines()[1], '/docs/#nope')} SITE004",
    ]


def test_a_fragment_a_pages_script_reads_is_not_judged(tmp_path):
    """carvel.dev's ytt playground (`content/ytt/_index.html`, which loads `js/app.js`) reads its fragment:
    `#example:example-demo`, `#gist:https://gist.github.com/…` name an example, not an element (298 links).  A
    fragment with a `:` into a page running no script of its own is judged, as one without into the playground."""
    play = '<script src="js/app.js"></script>\n<div id="playground"></div>\n'
    links = "[a](/play/#example:demo) [b](/play/#gist:https://gist.github.com/x/1) [c](/play/#nope) [d](/ref/#a:b)\n"
    write(
        tmp_path,
        {
            **SITE,
            "content/play/_index.html": page('title: "Play"', body=play),
            "content/a.md": page('title: "A"', body=links),
        },
    )
    assert placed(site_findings(tmp_path, ["content/a.md"])) == [
        f"content/a.md:{at(5, links, target)} SITE004" for target in ("/play/#nope", "/ref/#a:b")
    ]


def test_a_hash_route_is_not_judged(tmp_path):
    """hbstack's site links `/admin/#/collections/sites`, a route of Decap CMS, which the admin page's layout
    loads (3 false SITE004; skaffold's Swagger UI routes, 6): a fragment led by `/` or `!/` is a script's route,
    on any page; so is `#!` alone, the empty hash-bang route placeholder links use (astroship's `[irure](#!)`).
    `#nope` is judged, and so is a path written after a `#` (openebs' `#/docs/next/x.html#y`)."""
    links = "[a](/ref/#/collections/sites) [b](/ref/#!/users) [c](/ref/#nope) [d](/ref/#/next/x.html#y) [e](#!)\n"
    write(tmp_path, {**SITE, "content/a.md": page('title: "A"', body=links)})
    assert placed(site_findings(tmp_path, ["content/a.md"])) == [
        f"content/a.md:{at(5, links, target)} SITE004" for target in ("/ref/#nope", "/ref/#/next/x.html#y")
    ]


@needs_hugo
def test_html_pages_urls_and_ids_match_a_hugo_build(tmp_path):
    write(tmp_path, SITE)
    expected = hugo_permalinks(tmp_path)
    computed = {page.absolute: page.url for page in index_of(tmp_path).pages if page.file is not None}
    assert computed == expected and len(expected) == 4
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = {
        url: set(re.findall(r'id="([^"]*)"', (tmp_path / "public" / url.strip("/") / "index.html").read_text()))
        for url in ("/", "/ref/")
    }
    assert built == {"/": {"welcome"}, "/ref/": {"Foo", "flag-x"}}  # `#Bar` and `#nope` name none


def test_an_html_page_claims_its_output_path(tmp_path):
    """`ref/index.html` and `ref.md` are one page's path: Hugo writes either."""
    write(tmp_path, {**SITE, "content/ref.md": page('title: "Ref too"')})
    found = site_findings(tmp_path, ["content/ref.md"])
    assert [line.split(" ")[1] for line in found] == ["SITE001"] and "content/ref/index.html" in found[0]
    assert HUGO is None or "/ref/" in hugo_permalinks(tmp_path).values()


def test_html_files_are_no_pages_where_the_security_policy_refuses_them(tmp_path):
    """Then a link to one is taken as it is (the file is there), its fragments unjudged; the home page is the one
    Hugo makes, whose IDs its layout writes: `/#nope` is not judged either.  (Hugo refuses such a site.)"""
    markdown_only = 'baseURL = "https://example.org/"\n[security]\nallowContent = ["^text/markdown$"]\n'
    write(tmp_path, {**SITE, "hugo.toml": markdown_only})
    assert placed(site_findings(tmp_path, ["content/docs/index.md"])) == []
    if HUGO is not None:
        done = subprocess.run(
            [HUGO, "list", "all"], check=False, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env()
        )
        assert done.returncode != 0 and 'access denied: "text/html"' in done.stderr


@pytest.mark.parametrize("pinned", ["", "0.160.1", "0.162.0"])
def test_html_files_are_pages_without_a_security_policy(tmp_path, pinned):
    """Hugo 0.162 and later refuse them by default (linkerd's, neovim's, minikube's sites had to set
    `allowContent`), so such a site is built by an earlier Hugo, where they are, unless it pins a later one
    (`HUGO_VERSION` in `netlify.toml`): then they are no pages (and the build fails)."""
    netlify = {"netlify.toml": f'[build.environment]\nHUGO_VERSION = "{pinned}"\n'} if pinned else {}
    write(tmp_path, {**SITE, "hugo.toml": 'baseURL = "https://example.org/"\n', **netlify})
    broken = [
        f"content/docs/index.md:{at(7, LINKS, '/ref/#Bar')} SITE004",
        f"content/docs/index.md:{at(7, LINKS, '/#nope')} SITE004",
    ]
    assert placed(site_findings(tmp_path, ["content/docs/index.md"])) == ([] if pinned == "0.162.0" else broken)


def test_a_run_over_the_sites_markdown_keeps_its_findings(tmp_path, monkeypatch):
    """A run over a folder checks its Markdown, not its HTML pages: it is still a run over the whole site, whose
    findings are kept (a later run is served without indexing the site) until an HTML page changes."""
    write(tmp_path, SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    markdown = ["content/docs/index.md"]  # (every Markdown file of the site)
    first = site_findings(tmp_path, markdown, cache)
    indexed: list[int] = []
    finish = SiteIndex.finish
    monkeypatch.setattr(SiteIndex, "finish", lambda self, *rest: indexed.append(1) or finish(self, *rest))
    assert site_findings(tmp_path, markdown, cache) == first and indexed == []
    write(tmp_path, {"content/ref/index.html": page('title: "Ref"', body='<h2 id="Bar">Bar</h2>\n')})
    assert placed(site_findings(tmp_path, markdown, cache)) == [
        f"content/docs/index.md:{at(7, LINKS, '/ref/#Foo')} SITE004",
        f"content/docs/index.md:{at(7, LINKS, '/ref/#flag-x')} SITE004",
        f"content/docs/index.md:{at(7, LINKS, '/#nope')} SITE004",
    ]
    assert indexed  # (not served as kept: the part of the site its findings depend on, the changed page too)

"""Relative links on a Hugo site whose links no render hook resolves: Hugo writes each destination as it is,
and the browser resolves it from the page's URL (``SiteConfig.links_as_written``).

jaegertracing.io's and longhorn.io's hooks (or their absence) write ``tools.md``
as ``tools.md``: a 404, though the file is there; ``../../operations/tools/``
from ``/docs/storage/embedded/badger/`` is ``/docs/storage/operations/tools/``.
A hook that finds pages (``.Page.GetPage``: fluxcd.io, keda.sh), Hugo's
embedded one, or a theme that is not there to read leaves them to the file
system, as before.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from test_site_rules import at, hugo_build, needs_hugo, page, placed, site_findings, write

from fmlint.cache import ResultCache
from fmlint.cli import main
from fmlint.config.settings import Settings
from fmlint.runner import run
from fmlint.site.config import forget_sites
from fmlint.site.hugo_version import pinned_version

BADGER = "A [r](../../operations/tools/#remote) x\n\nB [t](tools.md) x\n\nC [u](../../operations/tools.md) x\n"
OPERATIONS = "D [v](tools.md) x\n\nE [w](./tools/) x\n"
GET_PAGE_HOOK = (
    "{{ $u := urls.Parse .Destination }}{{ $l := .Destination }}"
    '{{ with .Page.GetPage $u.Path }}{{ $l = .RelPermalink }}{{ end }}<a href="{{ $l }}">{{ .Text }}</a>'
)
AS_WRITTEN_HOOK = '<a href="{{ .Destination | safeURL }}">{{ .Text | safeHTML }}</a>'
# the Relearn theme's (metallb.io): the hook hands the link to a partial, which finds the page
PARTIAL_HOOK = '{{ partial "shortcodes/link.html" (dict "page" .Page "url" .Destination "content" .Text) }}'
LINK_PARTIAL = (
    "{{ $u := urls.Parse .url }}{{ $l := .url }}"
    '{{ with .page.GetPage $u.Path }}{{ $l = .RelPermalink }}{{ end }}<a href="{{ $l }}">{{ .content }}</a>'
)
# Relearn's own (7.4 to 9.x, abridged; its partial names the theme's documentation): the path readied with `Trim`s,
# looked for as a page from the page, then as `site.GetPage` does (a bare name too), then as a resource
RELEARN_HOOK = (
    '{{ partial "shortcodes/link.html" (dict "page" .Page "url" .Destination "title" .Title "content" .Text) }}'
)
RELEARN_PARTIAL = (  # (the page is found by a partial of its own: `_relearn/linkObject.gotmpl`)
    "{{/* see https://mcshelby.github.io/hugo-theme-relearn/introduction/releasenotes/5/#5-18-0 */}}"
    '{{ $found := partial "_relearn/linkObject.gotmpl" . }}{{ $l := .url }}{{ with $found }}{{ $l = .RelPermalink }}'
    '{{ end }}<a href="{{ $l }}">{{ .content }}</a>'
)
LINK_OBJECT = (
    '{{ $u := urls.Parse .url }}{{ $path := strings.TrimPrefix "./" $u.Path }}{{ $found := "" }}'
    "{{ $searchGlobal := .searchGlobal | default true }}"
    '{{ with or (.page.GetPage $path) (.page.GetPage (strings.TrimRight "/" $path))'
    " (and $searchGlobal (site.GetPage $path)) (.page.Resources.Get $path) (resources.Get $path) }}"
    "{{ $found = . }}{{ end }}{{ return $found }}"
)
PARTIALS = {PARTIAL_HOOK: LINK_PARTIAL, RELEARN_HOOK: RELEARN_PARTIAL}


def docs_site(root: Path, hook: str | None, layouts: bool = True) -> None:
    write(
        root,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "content/docs/storage/embedded/badger.md": page("title: Badger", body=BADGER),
            "content/docs/operations/_index.md": page("title: Operations", body=OPERATIONS),
            "content/docs/operations/tools.md": page("title: Tools", body="## Remote\n"),
        },
    )
    if layouts:
        write(root, {"layouts/_default/single.html": "{{ .Content }}", "layouts/_default/list.html": "{{ .Content }}"})
    if hook is not None:
        write(root, {"layouts/_markup/render-link.html": hook})
    if hook in PARTIALS:
        write(root, {"layouts/_partials/shortcodes/link.html": PARTIALS[hook]})
    if hook == RELEARN_HOOK:
        write(root, {"layouts/_partials/_relearn/linkObject.gotmpl": LINK_OBJECT})


AS_WRITTEN = [
    "content/docs/operations/_index.md:5:7-5:15 SITE003",
    "content/docs/storage/embedded/badger.md:5:7-5:37 SITE003",
    "content/docs/storage/embedded/badger.md:7:7-7:15 SITE003",
    "content/docs/storage/embedded/badger.md:9:7-9:32 SITE003",
]
NO_FILE = ["content/docs/storage/embedded/badger.md:7:7-7:15 SITE003"]  # (`tools.md` beside badger.md: none)
# (Relearn's hook finds `tools.md` by its name)
EXPECTED = {
    None: AS_WRITTEN,
    AS_WRITTEN_HOOK: AS_WRITTEN,
    GET_PAGE_HOOK: NO_FILE,
    PARTIAL_HOOK: NO_FILE,
    RELEARN_HOOK: [],
}


@pytest.mark.parametrize("hook", [None, AS_WRITTEN_HOOK])
def test_links_written_as_they_are_are_resolved_from_the_pages_url(tmp_path, hook):
    docs_site(tmp_path, hook)
    found = site_findings(tmp_path)
    assert placed(found) == AS_WRITTEN
    assert found[0].endswith(
        "`tools.md` is written as it is (no link render hook finds pages): the browser asks for "
        "`/docs/operations/tools.md`; link to its page, `/docs/operations/tools/`"
    )


@pytest.mark.parametrize(("hook", "layouts"), [(GET_PAGE_HOOK, True), (PARTIAL_HOOK, True), (None, False)])
def test_a_hook_that_finds_pages_or_no_templates_to_read_leave_links_to_the_files(tmp_path, hook, layouts):
    """With a `GetPage` hook (or one whose partial finds the page: metallb.io's, 1 false SITE003) each link to
    a file finds its page (the file-relative reading); with no layout folder at all (a checkout of the content
    alone) the hooks are unknown: the file system decides too."""
    docs_site(tmp_path, hook, layouts)
    found = site_findings(tmp_path)
    assert placed(found) == NO_FILE and found[0].endswith(
        "does not exist (looked for content/docs/storage/embedded/tools.md); did you mean "
        "`../../operations/tools.md`, the only page named `tools`?"  # (the page that file-relative link missed)
    )


def test_relearns_hook_finds_pages_from_the_root_and_by_name(tmp_path):
    """Relearn's hook (7.4 and later) finds a page from the linking page, then as `site.GetPage` does: from the
    content root (a process-documentation site's links to `01 Aanpak/…/_index.md`: 54 false SITE003, its `Trim`s
    and resource lookups having made the hook unknown) and by a bare name (badger's `tools.md`); a path found
    nowhere is still broken. `./x.md` and `./x/` are read as `x.md` and `x/` (`./tools/` in badger.md: the only
    `tools`)."""
    relearn_site(tmp_path)
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/storage/embedded/badger.md:{at(11, RELEARN_EXTRA, 'docs/operations/nothere.md')} SITE003"
    ]


@needs_hugo
def test_relearns_hook_as_hugo_builds_it(tmp_path):
    relearn_site(tmp_path)
    assert _missing_in_build(tmp_path) == {("/docs/storage/embedded/badger/", "docs/operations/nothere.md")}


RELEARN_EXTRA = "H [z](docs/operations/nothere.md) x [s](./tools/)\n"


def relearn_site(root: Path) -> None:
    docs_site(root, RELEARN_HOOK)
    write(root, {"content/docs/operations/_index.md": page("title: Operations", body=OPERATIONS + FROM_ROOT)})
    write(root, {"content/docs/storage/embedded/badger.md": page("title: Badger", body=BADGER + "\n" + RELEARN_EXTRA)})


@needs_hugo
@pytest.mark.parametrize("hook", [None, AS_WRITTEN_HOOK, GET_PAGE_HOOK, PARTIAL_HOOK, RELEARN_HOOK])
def test_each_link_fmlint_calls_broken_is_a_404_of_hugos_build(tmp_path, hook):
    """Hugo builds the site; each `<a href>` is resolved from its page's URL as a browser does and looked for
    in the output: it is missing exactly where fmlint reports the link."""
    docs_site(tmp_path, hook)
    missing = _missing_in_build(tmp_path)
    reported = set(placed(site_findings(tmp_path)))
    assert bool(missing) == bool(reported) and len(missing) == len(reported)
    assert reported == set(EXPECTED[hook])


FROM_ROOT = "F [x](docs/operations/tools.md#remote) x\n\nG [y](./docs/operations/tools.md) x\n"


@needs_hugo
def test_a_hook_that_finds_pages_finds_a_path_not_led_by_a_dot_from_the_content_root_too(tmp_path):
    """kpt's docs: `guides/_index.md` links `guides/rationale.md`, which its `GetPage` hook finds from the content
    root once the section's own folder has no such file (5 false SITE003); `./…` is looked up from the folder
    alone. Hugo's build writes the first as the page's URL, and leaves the second as written (a 404)."""
    docs_site(tmp_path, GET_PAGE_HOOK)
    write(tmp_path, {"content/docs/operations/_index.md": page("title: Operations", body=FROM_ROOT)})
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/operations/_index.md:{at(7, FROM_ROOT.splitlines()[2], './docs/operations/tools.md')} SITE003",
        *NO_FILE,
    ]
    assert _missing_in_build(tmp_path) == {
        ("/docs/storage/embedded/badger/", "tools.md"),
        ("/docs/operations/", "./docs/operations/tools.md"),
    }


BUNDLE_LINKS = (
    "H [a](tools.md#remote) x\n\nI [b](../tools.md) x\n\nJ [c](./tools.md) x\n\nK [d](../../operations/tools.md) x\n"
)


@needs_hugo
def test_a_hook_that_finds_pages_reads_a_leaf_bundles_links_as_hugo_does(tmp_path):
    """A `GetPage` hook in a leaf bundle (`operations/guide/index.md`) reads `tools.md` and `./tools.md` from
    the bundle's parent folder, and `../tools.md` from its own, as Hugo does refs: each finds
    `operations/tools.md`. Hugo's build writes each as the page's URL."""
    docs_site(tmp_path, GET_PAGE_HOOK)
    write(tmp_path, {"content/docs/operations/guide/index.md": page("title: Guide", body=BUNDLE_LINKS)})
    assert placed(site_findings(tmp_path)) == NO_FILE
    assert _missing_in_build(tmp_path) == {("/docs/storage/embedded/badger/", "tools.md")}


ROOT_LINKS = "[a](/docs/operations/index/) [b](/docs/operations/tools/index/) [c](/docs/nope/index/)\n"
ALL_ROOT_LINKS = ["/docs/operations/index/", "/docs/operations/tools/index/", "/docs/nope/index/"]
# letsencrypt.org's unused `le-2021` theme: a hook that finds pages and rewrites destinations otherwise too
UNUSED_THEME = {
    "themes/old/layouts/_markup/render-link.html": (
        '{{ $d := replaceRE "/$" "" .Destination }}{{ with .Page.GetPage $d }}<a href="{{ .RelPermalink }}">x</a>'
        '{{ else }}<a href="{{ $d }}">x</a>{{ end }}'
    )
}
ROOT_CASES = {  # (layouts, hook, other files) → the links reported
    "as written": (True, None, {}, ALL_ROOT_LINKS),
    "GetPage": (True, GET_PAGE_HOOK, {}, ["/docs/nope/index/"]),
    "not there": (False, None, {}, ["/docs/nope/index/"]),
    "an unused theme's hook": (True, None, UNUSED_THEME, ALL_ROOT_LINKS),
}


def root_links_site(root: Path, case: str) -> list[str]:
    """The test site of ``case`` with the root-relative links, and the links fmlint should report."""
    layouts, hook, files, reported = ROOT_CASES[case]
    docs_site(root, hook, layouts)
    write(root, {**files, "content/docs/p.md": page("title: P", body=ROOT_LINKS)})
    return reported


@pytest.mark.parametrize("case", list(ROOT_CASES))
def test_a_root_relative_link_is_its_url_or_the_page_a_hook_may_find(tmp_path, case):
    """goreleaser.com (5 links to `/customization/index/`): its theme, Hextra (a module not downloaded), has a
    link hook that writes the page `GetPage` finds for a root-relative link, the section here. Where the hooks
    are not there to read, or each finds pages, that reading counts too; where links are written as they are,
    or a hook (an unused theme's, as letsencrypt.org keeps) may rewrite them otherwise, the URL decides."""
    reported = root_links_site(tmp_path, case)
    assert [line for line in placed(site_findings(tmp_path)) if "docs/p.md" in line] == [
        f"content/docs/p.md:{at(5, ROOT_LINKS, link)} SITE003" for link in reported
    ]


@needs_hugo
@pytest.mark.parametrize("case", ["as written", "GetPage", "an unused theme's hook"])
def test_hugo_writes_root_relative_links_as_fmlint_reads_them(tmp_path, case):
    reported = root_links_site(tmp_path, case)
    built = (hugo_build(tmp_path) / "docs/p/index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', built)
    assert [href for href in hrefs if not (tmp_path / "public" / href.strip("/") / "index.html").is_file()] == reported


EMBEDDED = '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n'


def bare_word_site(root: Path, embedded: bool, hook: str | None = None) -> None:
    """`tools` from the operations section's page is its page's URL, `link` no page's; `setup` from the tools
    page is a page only to Hugo's embedded hook, whose `GetPage` finds it beside the tools page."""
    config = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    write(
        root,
        {
            "hugo.toml": config + (EMBEDDED if embedded else ""),
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/docs/operations/_index.md": page("title: Operations", body="F [x](tools) x\n\nG [y](link) x\n"),
            "content/docs/operations/tools.md": page("title: Tools", body="H [s](setup) x\n"),
            "content/docs/operations/setup.md": page("title: Setup"),
        },
    )
    if hook is not None:
        write(root, {"layouts/_markup/render-link.html": hook})


def _missing_in_build(root: Path) -> set[tuple[str, str]]:
    """Each (page URL, href) of Hugo's build of ``root`` that leads to no file of the build."""
    out = hugo_build(root)
    missing = set()
    for html in out.rglob("index.html"):
        url = ("/" + str(html.parent.relative_to(out)).strip(".") + "/").replace("//", "/")
        for href in re.findall(r'href="([^"]+)"', html.read_text()):
            path = urljoin("https://example.org" + url, href).split("example.org", 1)[1]
            target = out / path.partition("#")[0].strip("/")
            if not (target / "index.html").exists() and not target.is_file():
                missing.add((url, href))
    return missing


BARE_BROKEN = {  # (page URL, href) → fmlint's finding
    ("/docs/operations/", "link"): "content/docs/operations/_index.md:7:7-7:11 SITE003",
    ("/docs/operations/tools/", "setup"): "content/docs/operations/tools.md:5:7-5:12 SITE003",
}


REPLACING_HOOK = '<a href="{{ replace .Destination "setup" "/docs/operations/setup/" }}">{{ .Text }}</a>'
BARE_CASES = {  # (embedded hook, the site's own hook) → the bare words judged broken
    "no hook": (False, None, ["link", "setup"]),
    "Hugo's embedded hook": (True, None, ["link"]),
    "a hook that finds pages": (False, GET_PAGE_HOOK, ["link"]),
}


@pytest.mark.parametrize("case", [*BARE_CASES, "a hook that rewrites otherwise"])
def test_a_bare_word_link_is_a_relative_url_or_the_page_a_hook_finds(tmp_path, case):
    """vitess.io's `[TabletExternallyReparented](link)` (12 versions of a page), goharbor.io's `[2.10](r210)` for
    `[2.10][r210]`: with no render hook, Hugo's embedded one or one that finds pages (which find `setup` beside
    the page), a bare word is judged; a hook that may read it otherwise (hugo-docs' `[x](g)` glossary links) is
    left to decide."""
    embedded, hook, broken = BARE_CASES.get(case, (False, REPLACING_HOOK, []))
    bare_word_site(tmp_path, embedded, hook)
    found = site_findings(tmp_path)
    by_word = {"link": ("/docs/operations/", "link"), "setup": ("/docs/operations/tools/", "setup")}
    assert placed(found) == [BARE_BROKEN[by_word[word]] for word in broken]
    assert not broken or found[0].endswith(
        "`link` leads to `/docs/operations/link`, which is no page's URL (nor an alias, a taxonomy page or a file in "
        "static/)"
    )


@needs_hugo
@pytest.mark.parametrize("case", BARE_CASES)
def test_each_bare_word_fmlint_calls_broken_is_a_404_of_hugos_build(tmp_path, case):
    embedded, hook, _ = BARE_CASES[case]
    bare_word_site(tmp_path, embedded, hook)
    assert sorted(BARE_BROKEN[found] for found in _missing_in_build(tmp_path)) == placed(site_findings(tmp_path))


def named_elsewhere_site(root: Path, embedded: bool, hook: str | None = None, theme: str = "") -> None:
    """`manifest` is the only page of that name, but in another folder: a page's `GetPage` (Hugo's embedded hook,
    a site's hook calling it) finds no page by its base name, as a `ref` would; `other` it finds from the root."""
    config = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    write(
        root,
        {
            "hugo.toml": (f'theme = "{theme}"\n' if theme else "") + config + (EMBEDDED if embedded else ""),
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/docs/a.md": page("title: A", body="M [m](manifest) x\n\nO [o](other) x\n"),
            "content/docs/sub/manifest.md": page("title: Manifest"),
            "content/other.md": page("title: Other"),
        },
    )
    if hook is not None:
        write(root, {"layouts/_markup/render-link.html": hook})


NAMED_ELSEWHERE = {  # (embedded hook, the site's own hook) → the links judged broken: (page URL, href)
    "no hook": (False, None, [("/docs/a/", "manifest"), ("/docs/a/", "other")]),
    "Hugo's embedded hook": (True, None, [("/docs/a/", "manifest")]),
    "a hook that finds pages": (False, GET_PAGE_HOOK, [("/docs/a/", "manifest")]),
}
ELSEWHERE_FOUND = {
    ("/docs/a/", "manifest"): "content/docs/a.md:5:7-5:15 SITE003",
    ("/docs/a/", "other"): "content/docs/a.md:7:7-7:12 SITE003",
}


@needs_hugo
@pytest.mark.parametrize("case", NAMED_ELSEWHERE)
def test_a_hook_s_get_page_finds_no_page_by_its_base_name(tmp_path, case):
    """google/kf's `[manifest documentation](manifest)`: Hugo 0.168's embedded hook leaves it as written, a link
    to `…/routes-and-domains/manifest` that 404s, though `build-and-deploy/manifest.md` is the only such page."""
    embedded, hook, broken = NAMED_ELSEWHERE[case]
    named_elsewhere_site(tmp_path, embedded, hook)
    assert placed(site_findings(tmp_path)) == sorted(ELSEWHERE_FOUND[link] for link in broken)
    assert _missing_in_build(tmp_path) == set(broken)


@pytest.mark.parametrize(
    "theme, judged", [("docsy", True), ("@docsy/theme", True), ("hextra", False), ("unknown-theme", False)]
)
def test_a_missing_theme_known_to_have_no_link_hook_leaves_links_judged(tmp_path, theme, judged):
    """google/kf and gcpdiag import Docsy as a Go module, not in a checkout: no Docsy release has a link render
    hook (`known_themes.json`), so Hugo writes their links as it would without it (gcpdiag's `[…](1)` 404s);
    Hextra's hook, or an unknown theme's, may read them otherwise.  SAP's cap-operator has Docsy 0.16 from npm
    (`@docsy/theme` in `node_modules`, not installed in a checkout): its `[…](../domain-management/custom-dns)`,
    written as it is, leads to no page."""
    named_elsewhere_site(tmp_path, False, theme=theme)
    if theme.startswith("@"):
        config = tmp_path / "hugo.toml"
        config.write_text('themesDir = "node_modules"\n' + config.read_text())
    expected = sorted(ELSEWHERE_FOUND.values()) if judged else []
    assert placed(site_findings(tmp_path)) == expected
    forget_sites()


HOME_HOOK_SITE = {  # a multilingual site on one host, without a link hook of its own: Hugo's embedded hook renders
    "hugo.toml": (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
        '[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.zh]\ncontentDir = "content/zh"\nweight = 2\n'
    ),
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
    "content/en/_index.md": page("title: Home", body="[top](./#intro)\n\n## Intro\n"),
    "content/en/docs/_index.md": page("title: Docs", body="S [s](./#top-part)\n\n## Top part\n"),
    "content/en/docs/leaf.md": page("title: Leaf", body="设置 [l](./#setup) and [same](#setup)\n\n## Setup\n"),
    "content/en/docs/b/index.md": page("title: B", body="B [b](./?tab=1#bee) [up](../leaf/#setup)\n\n## Bee\n"),
    "content/zh/docs/leaf.md": page("title: 叶", body="[z](./#setup)\n\n## Setup\n"),
}
HOME_BY_HOOK = {  # fmlint's finding → the link as Hugo writes it: the home page's URL
    "content/en/docs/_index.md:5:7-5:18 SITE003": "/#top-part",
    "content/en/docs/b/index.md:5:7-5:19 SITE003": "/?tab=1#bee",
    "content/en/docs/leaf.md:5:8-5:16 SITE003": "/#setup",
    "content/zh/docs/leaf.md:5:5-5:13 SITE003": "/zh/#setup",
}


def test_a_dot_slash_link_leads_to_the_home_page_through_hugos_embedded_hook(tmp_path):
    """vitess.io's `[running the port-forward script](./#setup-port-forward)` (15 such links in its versioned docs):
    Hugo's embedded link render hook trims `./` and looks up the page `""`, the home page of the page's language.
    Not reported: the home page's own `./#intro`, `#setup`, and `../leaf/#setup`, which the hook leaves as written."""
    write(tmp_path, HOME_HOOK_SITE)
    found = site_findings(tmp_path)
    assert placed(found) == list(HOME_BY_HOOK)
    assert found[2].endswith(
        "`./#setup` leads to the home page: Hugo's embedded link render hook looks `./` up as a page, the home page, "
        "and writes `/#setup`; write `#setup` for this page's own"
    )
    assert all(f"writes `{written}`" in line for line, written in zip(found, HOME_BY_HOOK.values(), strict=True))


@needs_hugo
def test_hugo_writes_each_dot_slash_link_fmlint_reports_as_the_home_pages(tmp_path):
    write(tmp_path, HOME_HOOK_SITE)
    out = hugo_build(tmp_path)
    hrefs = {
        url: re.findall(r'href="([^"]+)"', (out / url.strip("/") / "index.html").read_text())
        for url in ("/", "/docs/", "/docs/leaf/", "/docs/b/", "/zh/docs/leaf/")
    }
    assert hrefs == {
        "/": ["/#intro"],  # (the home page's own)
        "/docs/": ["/#top-part"],
        "/docs/leaf/": ["/#setup", "/docs/leaf/#setup"],
        "/docs/b/": ["/?tab=1#bee", "../leaf/#setup"],
        "/zh/docs/leaf/": ["/zh/#setup"],
    }


def folder_and_leaf_site(root: Path, multilingual: bool) -> None:
    """`[e](../ops#exec)` from `ops/other.md`: the folder `ops/` (its `_index.md`, `overview` but no `exec`) to an
    editor and to Hugo's embedded hook (a multilingual site's), `ops/ops.md` (`exec` but no `overview`) to a
    browser reading the page's URL, `/ops/other/`, when Hugo writes the link as it is."""
    config = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    languages = "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n" if multilingual else ""
    write(
        root,
        {
            "hugo.toml": config + languages,
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/ops/_index.md": page("title: Ops", body="## Overview\n"),
            "content/ops/ops.md": page("title: Ops page", body="## Exec\n"),
            "content/ops/other.md": page("title: Other", body="Ü [e](../ops#exec) [o](../ops#overview)\n"),
        },
    )


FOLDER_LINKS = {  # multilingual → the link fmlint reports, and each link as Hugo writes it
    True: ("content/ops/other.md:5:7-5:18 SITE004", ["/ops/#exec", "/ops/#overview"]),
    False: ("content/ops/other.md:5:24-5:39 SITE004", ["../ops#exec", "../ops#overview"]),
}


@pytest.mark.parametrize("multilingual", [True, False])
def test_a_folder_link_through_hugos_embedded_hook_is_the_folders_page_alone(tmp_path, multilingual):
    """vitess.io's `[here](../vreplication#exec)` in four versions of `reference/vreplication/vreplicationexec.md`
    (a page `vreplication.md` beside it has `exec`; the section has not)."""
    folder_and_leaf_site(tmp_path, multilingual)
    assert placed(site_findings(tmp_path)) == [FOLDER_LINKS[multilingual][0]]


@needs_hugo
@pytest.mark.parametrize("multilingual", [True, False])
def test_hugo_writes_a_folder_link_as_the_folders_page_through_its_embedded_hook(tmp_path, multilingual):
    folder_and_leaf_site(tmp_path, multilingual)
    out = hugo_build(tmp_path)
    assert re.findall(r'href="([^"]+)"', (out / "ops/other/index.html").read_text()) == FOLDER_LINKS[multilingual][1]
    assert re.findall(r'id="([^"]+)"', (out / "ops/index.html").read_text()) == ["overview"]
    assert re.findall(r'id="([^"]+)"', (out / "ops/ops/index.html").read_text()) == ["exec"]


SCHEMES = "Ü [f](ftp://x.example/a) [t](tel:+123) [m](mailto:a@b.example) [h](https://x.example/) <irc://x.example>\n"
FILTERED = ["content/docs/leaf.md:5:7", "content/docs/leaf.md:5:30", "content/docs/leaf.md:5:89"]


LANGUAGES = {  # Hugo's embedded hook renders the links of a site that configures its languages, one or more
    "two languages": "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
    "one language": "[languages.en]\nlocale = 'en-US'\n",  # (keda.sh's)
    "none": "",
    "resources duplicated": "[markup.goldmark]\nduplicateResourceFiles = true\n[languages.en]\n[languages.de]\n",
}
HOOKED = ("two languages", "one language")


def schemes_site(root: Path, languages: str) -> None:
    config = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    write(
        root,
        {
            "hugo.toml": config + LANGUAGES[languages],
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/docs/leaf.md": page("title: Leaf", body=SCHEMES),
        },
    )


@pytest.mark.parametrize("languages", LANGUAGES)
def test_schemes_hugos_embedded_hook_writes_as_zgotmplz(tmp_path, languages):
    """keda.sh's `[…](ftp://ita.ee.lbl.gov/…)` in a copy without its own hook: Go's html/template lets only http,
    https and mailto into an `href`, and Hugo's embedded hook writes any other as `#ZgotmplZ` (autolinks too)."""
    schemes_site(tmp_path, languages)
    settings = Settings(enabled_codes=frozenset({"MKD002"}))
    found = run([str(tmp_path / "content/docs/leaf.md")], lambda path: settings, jobs=1).diagnostics
    hooked = languages in HOOKED
    assert [f"{os.path.relpath(d.path, tmp_path)}:{d.line}:{d.column}" for d in found] == (FILTERED if hooked else [])
    assert not found or found[0].message == (
        "link scheme `ftp:` is written as `#ZgotmplZ`: Hugo's embedded link render hook, which this site uses (its "
        "languages configured, on one host, without a hook of its own), lets only http, https and mailto URLs through: "
        "`ftp://x.example/a`"
    )


@needs_hugo
@pytest.mark.parametrize("languages", LANGUAGES)
def test_hugo_writes_zgotmplz_exactly_for_the_links_mkd002_reports(tmp_path, languages):
    schemes_site(tmp_path, languages)
    out = hugo_build(tmp_path)
    hrefs = re.findall(r'href="([^"]+)"', (out / "docs/leaf/index.html").read_text())
    written = ["ftp://x.example/a", "tel:+123", "mailto:a@b.example", "https://x.example/", "irc://x.example"]
    hooked = languages in HOOKED
    assert hrefs == [("#ZgotmplZ" if hooked and at in (0, 1, 4) else href) for at, href in enumerate(written)]


def test_a_cached_result_is_not_served_once_the_site_takes_the_embedded_hook(tmp_path):
    """The result cache's key holds whether the embedded hook renders the site's links: adding a languages table
    to the configuration makes the `ftp:` link a finding in the next run, the file unchanged."""
    site = tmp_path / "site"
    schemes_site(site, "none")
    settings = Settings(enabled_codes=frozenset({"MKD002"}))
    cache = ResultCache(tmp_path / "cache")
    paths = [str(site / "content/docs/leaf.md")]
    assert run(paths, lambda path: settings, jobs=1, cache=cache).diagnostics == []
    forget_sites()
    (site / "hugo.toml").write_text((site / "hugo.toml").read_text() + LANGUAGES["one language"], encoding="utf-8")
    found = run(paths, lambda path: settings, jobs=1, cache=ResultCache(tmp_path / "cache")).diagnostics
    assert [f"{os.path.relpath(d.path, site)}:{d.line}:{d.column}" for d in found] == FILTERED


PINS = {  # a file pinning the Hugo version the site is built with → the version read
    "netlify.toml": ('[build.environment]\nHUGO_VERSION = "0.96.0"\n', (0, 96)),
    "package.json": ('{"devDependencies": {"hugo-extended": "^0.96.0"}}', (0, 96)),
    ".github/workflows/pages.yml": (
        "steps:\n  - uses: peaceiris/actions-hugo@v3\n    with:\n      hugo-version: '0.119.0'\n",
        (0, 119),
    ),
}


@pytest.mark.parametrize("pin", PINS)
def test_a_site_pinning_a_hugo_before_its_embedded_hooks_does_not_use_them(tmp_path, pin):
    """vitess.io pins `hugo-extended ^0.96.0`: Hugo 0.123 brought the embedded link render hook, so neither its
    `./#x` nor its `ftp:` findings hold there."""
    text, version = PINS[pin]
    write(tmp_path, {**HOME_HOOK_SITE, pin: text})
    assert pinned_version(str(tmp_path))[0] == version
    assert site_findings(tmp_path) == []
    schemes_site(tmp_path / "schemes", "one language")
    write(tmp_path / "schemes", {pin: text})
    settings = Settings(enabled_codes=frozenset({"MKD002"}))
    assert run([str(tmp_path / "schemes/content/docs/leaf.md")], lambda path: settings, jobs=1).diagnostics == []


@pytest.mark.parametrize(
    ("files", "version"),
    [
        ({"netlify.toml": '[build.environment]\nHUGO_VERSION = "0.125.4"\n'}, (0, 125)),
        (  # the production context's first
            {
                "netlify.toml": '[build.environment]\nHUGO_VERSION = "0.96"\n[context.production.environment]\nHUGO_VERSION = "0.140.0"\n'
            },
            (0, 140),
        ),
        ({"package.json": '{"dependencies": {"hugo-extended": "~0.110.1"}}'}, (0, 110)),
        ({"package.json": '{"dependencies": {"hugo-extended": ">=0.110.1"}}'}, None),  # open above: no pin
        ({"netlify.toml": '[build.environment]\nHUGO_VERSION = "latest"\n'}, None),
        ({"netlify.toml": "[build\n", "package.json": "{"}, None),  # unreadable: no pin, no crash
        ({}, None),
    ],
)
def test_the_pinned_hugo_version(tmp_path, files, version):
    write(tmp_path, files)
    assert pinned_version(str(tmp_path))[0] == version


def test_a_site_pinning_a_current_hugo_uses_its_embedded_hook(tmp_path):
    write(tmp_path, {**HOME_HOOK_SITE, "netlify.toml": '[build.environment]\nHUGO_VERSION = "0.123.0"\n'})
    assert placed(site_findings(tmp_path)) == list(HOME_BY_HOOK)


ESCAPES = "中 [a](/docs/k\\.v/#example-cr) [b](/docs/k\\.x/) [c](/docs/k.v/#example-cr)\n"


@needs_hugo
@pytest.mark.parametrize("hook", ["always", "never"])
def test_a_destination_written_with_backslashes_is_what_hugos_embedded_hook_writes(tmp_path, monkeypatch, hook):
    """kiali.io's `[page](/docs/configuration/kialis\\.kiali\\.io/#example-cr)`: CommonMark unescapes `\\.`, but Hugo's
    embedded link render hook reads the destination as written and writes each backslash as `%5C` (Hugo 0.168's
    build is the oracle), a URL no page has; the unescaped one, which leads to the page, is named and fixed.
    Without the hook the link is fine; a destination broken either way gets the usual message."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://kiali.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
            f'[markup.goldmark.renderHooks.link]\nuseEmbedded = "{hook}"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/docs/k.v.md": page('title: "K"', body="## Example CR\n"),
            "content/docs/l.md": page('title: "L"', body=ESCAPES),
        },
    )
    public = hugo_build(tmp_path)
    hrefs = re.findall(r'href="([^"]+)"', (public / "docs/l/index.html").read_text(encoding="utf-8"))
    assert hrefs[0] == ("/docs/k%5C.v/#example-cr" if hook == "always" else "/docs/k.v/#example-cr")
    found = site_findings(tmp_path)
    broken = f"content/docs/l.md:{at(5, ESCAPES, '/docs/k' + chr(92) + '.x/')} SITE003"
    if hook == "never":
        assert placed(found) == [broken]
        return
    escaped = f"content/docs/l.md:{at(5, ESCAPES, '/docs/k' + chr(92) + '.v/#example-cr')} SITE003"
    assert placed(found) == [escaped, broken]
    assert found[0].endswith(
        "`/docs/k\\.v/#example-cr` is written with backslashes: Hugo's embedded link render hook writes it as "
        "`/docs/k%5C.v/#example-cr`, a URL no page has; write `/docs/k.v/#example-cr`"
    )
    monkeypatch.chdir(tmp_path)  # (the unsafe fix writes the destination it means; the broken one is left)
    assert main(["--isolated", "--no-cache", "--select", "SITE", "--fix", "--unsafe-fixes", "content"]) == 1
    fixed = ESCAPES.replace("/docs/k\\.v/", "/docs/k.v/")
    assert (tmp_path / "content/docs/l.md").read_text(encoding="utf-8") == page('title: "L"', body=fixed)


DEPLOYS = {  # a file of the repository pinning Hugo besides `docs/package.json`'s 0.122 → whether links are judged
    "none": ({}, True),
    "a workflow's 0.139": ({".github/workflows/deploy.yml": "env:\n  HUGO_VERSION: 0.139.3\n"}, False),
    "a workflow's 0.110": ({".github/workflows/deploy.yml": "env:\n  HUGO_VERSION: 0.110.0\n"}, True),
    "a workflow's latest": ({".github/workflows/gh.yml": "with:\n  hugo-version: 'latest'\n"}, False),
    "GitLab CI's latest image": (
        {".gitlab-ci.yml": "image: registry.gitlab.com/pages/hugo/hugo_extended:latest\n"},
        False,
    ),
    "a commented-out image": ({".gitlab-ci.yml": "# image: registry.gitlab.com/pages/hugo:0.140.0\n"}, True),
}


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_pins_on_both_sides_of_the_embedded_hooks_claim_nothing_of_them(tmp_path, deploy):
    """COSSAS/SOARCA's `docs/package.json` pins `hugo-extended` 0.122 (no embedded hooks), the workflow at its
    repository's root that deploys it 0.139 (the hooks, its languages configured): whether `[x](/docs/concepts/)`
    is the page (the hook's `GetPage`) or leaves `/SOARCA/` (as written) depends on which builds it, and fmlint
    claims neither (DAIC-tud's docs: a netlify.toml's 0.104, GitLab CI's `hugo_extended:latest`); a pin older than
    0.123 agrees with the package."""
    files, judged = DEPLOYS[deploy]
    write(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "docs/hugo.toml": 'baseURL = "https://o.github.io/SOARCA/"\n[languages.en]\nweight = 1\n',
            "docs/package.json": '{"devDependencies": {"hugo-extended": "0.122.0"}}\n',
            "docs/layouts/_default/single.html": "{{ .Content }}",
            "docs/content/a.md": page("title: A", body="[b](/b/) [c](c)\n"),
            "docs/content/b.md": page("title: B"),
            "docs/content/a/c.md": page("title: C"),
            **files,
        },
    )
    assert placed(site_findings(tmp_path / "docs")) == (["content/a.md:5:5-5:8 SITE003"] if judged else [])
    forget_sites()


def content_module_site(root: Path, hook: str | None = None) -> Path:
    """lima's site imports `../_output` (reference pages `make` writes) with a mount of its `docsy` folder on
    `content/docs/reference`: an import that lists mounts has those alone, so a hook in its `layouts/` renders no
    link; with Hugo's embedded hook a page's `GetPage` finds the mounted pages."""
    site = root / "website"
    write(
        site,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
            + (EMBEDDED if hook is None else "")
            + '[[module.imports]]\npath = "../_output"\n'
            + '[[module.imports.mounts]]\nsource = "docsy"\ntarget = "content/docs/reference"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/docs/config/krunkit.md": page(
                "title: Krunkit", body="S [s](../reference/limactl_start/) x\n\nN [n](../nowhere/) x\n"
            ),
        },
    )
    write(site / "_output", {"docsy/limactl_start.md": page("title: limactl start")})
    if hook is not None:
        write(site / "_output", {"layouts/_markup/render-link.html": hook})
    return site


@needs_hugo
def test_an_import_that_mounts_no_layouts_adds_no_link_hook(tmp_path):
    """Its `layouts/_markup/render-link.html` (here one that would write every link as `/`) is not Hugo's: the
    links are written as they are, there (the build) and missing (a checkout before `make`)."""
    site = content_module_site(tmp_path, hook='<a href="/">{{ .Text }}</a>')
    expected = ["content/docs/config/krunkit.md:5:7-5:34 SITE003", "content/docs/config/krunkit.md:7:7-7:18 SITE003"]
    broken = {("/docs/config/krunkit/", "../reference/limactl_start/"), ("/docs/config/krunkit/", "../nowhere/")}
    assert _missing_in_build(site) == broken
    assert placed(site_findings(site)) == expected
    shutil.rmtree(site / "_output")
    forget_sites()
    assert placed(site_findings(site)) == expected
    forget_sites()


@needs_hugo
def test_a_hook_s_getpage_may_find_a_page_of_a_missing_mount(tmp_path):
    """With Hugo's embedded hook, `../reference/limactl_start/` in `docs/config/krunkit.md` is the page
    `docs/reference/limactl_start` (the build finds it); before `make` writes it, fmlint cannot tell, and says
    nothing of it; `../nowhere/` is broken either way."""
    site = content_module_site(tmp_path)
    assert _missing_in_build(site) == {("/docs/config/krunkit/", "../nowhere/")}
    expected = ["content/docs/config/krunkit.md:7:7-7:18 SITE003"]
    assert placed(site_findings(site)) == expected
    shutil.rmtree(site / "_output")
    forget_sites()
    assert placed(site_findings(site)) == expected
    forget_sites()

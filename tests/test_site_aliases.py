"""Links to a URL several pages claim (an alias, pages written to one path) with a ``#fragment``.

vitess.io's 2015 post links ``http://vitess.io/user-guide/sharding.html#resharding``:
an alias that twelve versions of one page claim, none of which has that heading
any more. Where several pages claim an alias (SITE001: Hugo keeps one of them),
a fragment any of them has is fine.
"""

from __future__ import annotations

import re

import pytest
from test_site_rules import hugo_build, needs_hugo, page, placed, site_findings, write

from fmlint.cli import main

POST = (
    "中文 [a](/old/page.html#setup) [b](/old/page.html#resharding) [c](/old/page.html)\n\n"
    "[d](/shared/#only-one) [e](/shared/#nowhere) [f](https://shop.acme.io/old/page.html#gone)\n\n"
    "[g](/drafty/#x) [h](/old/page.html#setup-1)\n"
)
ALIAS_SITE = {
    "hugo.toml": 'baseURL = "https://shop.acme.io/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
    "content/docs/new.md": page("title: New", "aliases: [/old/page.html]", body="## Setup\n\n## Setup\n"),
    "content/docs/v1/x.md": page("title: X1", "aliases: [/shared/]", body="## Only one\n"),
    "content/docs/v2/x.md": page("title: X2", "aliases: [/shared/]", body="## Other\n"),
    "content/docs/draft.md": page("title: D", "draft: true", "aliases: [/drafty/]"),
    "content/blog/post.md": page("title: Post", body=POST),
}
# each finding → (the alias's file in the build, the fragment it names)
BROKEN = {
    "content/blog/post.md:5:34-5:59 SITE004": ("old/page.html", "resharding"),
    "content/blog/post.md:7:28-7:44 SITE004": ("shared/index.html", "nowhere"),
    "content/blog/post.md:7:50-7:89 SITE004": ("old/page.html", "gone"),
}
# each link whose fragment is there, but which Hugo's alias page drops (its embedded template's)
REFRESHED = {
    "content/blog/post.md:5:8-5:28 SITE003": ("old/page.html", "setup"),
    "content/blog/post.md:7:5-7:22 SITE003": ("shared/index.html", "only-one"),
    "content/blog/post.md:9:21-9:43 SITE003": ("old/page.html", "setup-1"),
}
COLLIDING = ["content/docs/v1/x.md:3:11-3:19 SITE001", "content/docs/v2/x.md:3:11-3:19 SITE001"]
KEEPING = '<script>location.replace("{{ .Permalink }}" + location.hash)</script>'  # (an alias template of a site's)


@pytest.mark.parametrize("template", [None, KEEPING])
def test_a_fragment_of_a_link_to_an_alias_is_judged_at_its_pages(tmp_path, template):
    write(tmp_path, {**ALIAS_SITE, **({"layouts/alias.html": template} if template else {})})
    found = site_findings(tmp_path)
    assert sorted(placed(found)) == sorted([*BROKEN, *COLLIDING, *(REFRESHED if template is None else ())])
    assert f"`#resharding` is not a heading ID of `{tmp_path}/content/docs/new.md`" in "".join(found)
    assert template or (
        "`/shared/` is an alias: Hugo writes it as a page that refreshes to `/docs/v1/x/` (or 1 more: Hugo keeps one "
        "of them) without `#only-one`, and the reader lands at the page's top; link `/docs/v1/x/#only-one`"
    ) in "".join(found)
    assert template or found[0].endswith(
        "`/old/page.html` is an alias: Hugo writes it as a page that refreshes to `/docs/new/` without `#setup`, and "
        "the reader lands at the page's top; link `/docs/new/#setup`"
    )


@needs_hugo
def test_each_alias_fragment_fmlint_reports_is_missing_where_hugos_alias_leads(tmp_path):
    """Hugo writes each alias as a page that refreshes to its target (the one it kept of a shared alias), its
    fragment left out: the fragments fmlint reports broken are no IDs there, those it reports dropped are."""
    write(tmp_path, ALIAS_SITE)
    out = hugo_build(tmp_path)

    def ids_where(alias: str) -> set[str]:
        refresh = re.search(r'content="0; url=https://shop\.acme\.io/([^"]*)"', (out / alias).read_text())
        assert refresh is not None and "#" not in refresh.group(1)
        shared = [out / "docs" / version / "x/index.html" for version in ("v1", "v2")]
        pages = shared if alias.startswith("shared") else [out / refresh.group(1) / "index.html"]  # (either kept)
        return {found for built in pages for found in re.findall(r'id="([^"]+)"', built.read_text())}

    for alias, fragment in BROKEN.values():
        assert fragment not in ids_where(alias)
    for alias, fragment in REFRESHED.values():
        assert fragment in ids_where(alias)
    assert not (out / "drafty").exists()  # (a draft's alias is not written: left to the build, as before)


TWINS_SITE = {
    "hugo.toml": 'baseURL = "https://shop.acme.io/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
    "content/docs/k.md": page("title: Legacy", body="## Legacy\n"),
    "content/docs/k/index.md": page("title: K", body="## Traffic\n"),
    "content/docs/guide.md": page(
        "title: Guide", body="[t](/docs/k/#traffic) [l](/docs/k/#legacy) [n](/docs/k/#nowhere)\n"
    ),
}


def test_a_fragment_of_a_url_two_pages_are_written_to_is_fine_in_either(tmp_path):
    """spinnaker.io's `reference/providers/kubernetes.md` and `kubernetes/index.md`, both written to
    `/docs/reference/providers/kubernetes/` (SITE001): `#traffic` is an ID of the second, which the build kept;
    fmlint had judged it at the first alone (4 false SITE004)."""
    write(tmp_path, TWINS_SITE)
    assert placed(site_findings(tmp_path)) == [
        "content/docs/guide.md:5:48-5:64 SITE004",
        "content/docs/k.md:1:1-1:1 SITE001",
        "content/docs/k/index.md:1:1-1:1 SITE001",
    ]


@needs_hugo
def test_hugo_writes_one_of_two_pages_at_one_url(tmp_path):
    write(tmp_path, TWINS_SITE)
    out = hugo_build(tmp_path)
    assert re.findall(r'id="([^"]+)"', (out / "docs/k/index.html").read_text()) in (["legacy"], ["traffic"])


def test_unsafe_fixes_link_the_page_an_alias_refreshes_to(tmp_path, capsys, monkeypatch):
    """Each dropped fragment's link is written as the URL of the page that has it (of a shared alias, the
    one that has it); a broken one is left as it is."""
    write(tmp_path, ALIAS_SITE)
    monkeypatch.chdir(tmp_path)
    assert main(["--isolated", "--no-cache", "--select", "SITE", "--fix", "--unsafe-fixes", "content"]) == 1
    assert capsys.readouterr().err == "Fixed 3 problems in 1 file.\n"
    assert (tmp_path / "content/blog/post.md").read_text(encoding="utf-8") == page(
        "title: Post",
        body=POST.replace("/old/page.html#setup", "/docs/new/#setup").replace(
            "/shared/#only-one", "/docs/v1/x/#only-one"
        ),
    )


@needs_hugo
def test_the_aliases_of_a_front_matter_on_its_opening_line_are_hugos(tmp_path):
    """buildpacks.io's spec page opens with `+++ title="Buildpack API"`, its alias on the next lines: Hugo
    reads it as front matter (and writes the alias page), and so does fmlint on a Hugo site, where a link to the
    alias is one (SITE003 says its fragment is dropped), not a link to no page."""
    links = "[a](/docs/reference/buildpack-api/#compatibility) [b](/nope/)\n"
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://buildpacks.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/single.html": "<title>{{ .Title }}</title>{{ .Content }}",
            "content/docs/spec/buildpack-api.md": (
                '+++ title="Buildpack API"\naliases=[\n"/docs/reference/buildpack-api/"\n]\n+++\n\n## Compatibility\n'
            ),
            "content/docs/links.md": page('title: "Links"', body=links),
        },
    )
    public = hugo_build(tmp_path)
    built = (public / "docs/spec/buildpack-api/index.html").read_text(encoding="utf-8")
    assert "<title>Buildpack API</title>" in built and 'id="compatibility"' in built
    assert (public / "docs/reference/buildpack-api/index.html").is_file()
    found = site_findings(tmp_path)
    assert placed(found) == ["content/docs/links.md:5:5-5:49 SITE003", "content/docs/links.md:5:55-5:61 SITE003"]
    assert "`/docs/reference/buildpack-api/` is an alias" in found[0] and "is no page's URL" in found[1]


@needs_hugo
def test_a_string_of_aliases_is_split_at_whitespace_as_hugo_splits_it(tmp_path):
    """eks-anywhere's docs write `aliases:` over lines without dashes, a string Hugo 0.168 splits at whitespace into
    one redirect each: each part is an alias, located where it is written (a link to one is no broken link, and a
    part another page is written to collides)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://eks.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/docs/manage.md": page("title: Manage", "aliases:\n    /docs/tasks/\n    /docs/b/"),
            "content/docs/b.md": page("title: B"),
            "content/docs/c.md": page("title: C", 'aliases: "/docs/c2/  /docs/c3/"'),
            "content/docs/links.md": page("title: L", body="[a](/docs/tasks/) [b](/docs/c3/) [c](/docs/c4/)\n"),
        },
    )
    public = hugo_build(tmp_path)
    assert all((public / f"docs/{name}/index.html").is_file() for name in ("tasks", "c2", "c3"))
    assert placed(site_findings(tmp_path)) == [
        "content/docs/b.md:1:1-1:1 SITE001",
        "content/docs/links.md:5:38-5:47 SITE003",
        "content/docs/manage.md:5:5-5:13 SITE001",
    ]


def test_aliases_of_one_page_differing_by_case_are_one_redirect(tmp_path):
    """mastodon's docs keep the case of their paths and give `entities/Account.md` the aliases `/entities/source/`
    and `/entities/Source/`: on macOS one redirect file replaces the other, the same redirect (272 false SITE001).
    An alias differing by case from its own page's path replaces the page there, and one of another page
    another page's redirect: both are reported."""
    account = page(
        "title: Account", "aliases:", "  - /entities/source/", "  - /entities/Source/", "  - /entities/account/"
    )
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://docs.joinmastodon.org/"\ndisablePathToLower = true\n',
            "content/entities/Account.md": account,
            "content/entities/Status.md": page("title: Status", "aliases: [/entities/SOURCE/]"),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        "content/entities/Account.md:1:1-1:1 SITE001",  # the page, and its alias `/entities/account/`
        "content/entities/Account.md:4:5-4:22 SITE001",  # `/entities/source/`, and Status' `/entities/SOURCE/`
        "content/entities/Account.md:5:5-5:22 SITE001",
        "content/entities/Account.md:6:5-6:23 SITE001",
        "content/entities/Status.md:3:11-3:28 SITE001",
    ]
    assert "`content/entities/Account.md:5`" not in found[1]  # (`/entities/Source/`: the same redirect)
    assert found[1].count("content/entities/") == 2 and "content/entities/Status.md:3` (`entities/SOURCE/" in found[1]
    assert "differs only by case from the page `" in found[3] and "content/entities/Account.md:1` (" in found[3]

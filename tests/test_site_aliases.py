"""Links to a URL several pages claim (an alias, pages written to one path) with a ``#fragment``.

vitess.io's 2015 post links ``http://vitess.io/user-guide/sharding.html#resharding``:
an alias that twelve versions of one page claim, none of which has that heading
any more. Where several pages claim an alias (SITE001: Hugo keeps one of them),
a fragment any of them has is fine.
"""

from __future__ import annotations

import re

from test_site_rules import hugo_build, needs_hugo, page, placed, site_findings, write

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
COLLIDING = ["content/docs/v1/x.md:3:11-3:19 SITE001", "content/docs/v2/x.md:3:11-3:19 SITE001"]
FINE = {"old/page.html": ["setup", "setup-1"], "shared/index.html": ["only-one"]}


def test_a_fragment_of_a_link_to_an_alias_is_judged_at_its_pages(tmp_path):
    write(tmp_path, ALIAS_SITE)
    found = site_findings(tmp_path)
    assert placed(found) == [*BROKEN, *COLLIDING]
    assert found[0].endswith(f"`#resharding` is not a heading ID of `{tmp_path}/content/docs/new.md`")


@needs_hugo
def test_each_alias_fragment_fmlint_reports_is_missing_where_hugos_alias_leads(tmp_path):
    """Hugo writes each alias as a page that refreshes to its target (the one it kept of a shared alias): the
    fragments fmlint reports are no IDs there, those it lets through are."""
    write(tmp_path, ALIAS_SITE)
    out = hugo_build(tmp_path)

    def ids_where(alias: str) -> set[str]:
        target = re.search(r'url=https://shop\.acme\.io/([^"]*)"', (out / alias).read_text()).group(1)
        shared = [out / "docs" / version / "x/index.html" for version in ("v1", "v2")]
        pages = shared if alias.startswith("shared") else [out / target / "index.html"]  # (either may be kept)
        return {found for built in pages for found in re.findall(r'id="([^"]+)"', built.read_text())}

    for alias, fragment in BROKEN.values():
        assert fragment not in ids_where(alias)
    for alias, fragments in FINE.items():
        assert set(fragments) <= ids_where(alias)
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

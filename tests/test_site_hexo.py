"""Hexo sites: ``{% post_link %}`` and ``{% post_path %}`` resolved as Hexo resolves them, heading IDs as
hexo-renderer-marked writes them.

:data:`HEADINGS`' IDs and the build failure on a ``post_link`` to no post were read off real builds (Hexo 8.1.2,
hexo-renderer-marked 7.0.1, from npm); with ``FMLINT_HEXO_MODULES`` naming a ``node_modules`` folder that holds
them (and ``hexo-renderer-ejs``), and ``node`` on ``PATH``, the test site is built again here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fmlint.cli import main
from fmlint.site.anchors import heading_ids
from fmlint.site.config import forget_sites, read_site
from fmlint.site.hexo import UNKNOWN_IDS
from tests.test_site_rules import at, index_of, page, placed, site_findings, write

PACKAGE = {"name": "blog", "version": "0.0.0", "dependencies": {"hexo": "^8.1.2", "hexo-renderer-marked": "^7.0.1"}}
BASE = "title: Blog\ntheme: plain\n"
CONFIG = BASE + "permalink: :year/:month/:day/:title/\n"
# (heading as written, the ID Hexo 8.1.2 wrote)
HEADINGS = [
    ("Q&A time", "Q-A-time"),
    ('It\'s "quoted"', "It’s-“quoted”"),
    ("Use `code` here", "Use-code-here"),
    ("中文 标题", "中文-标题"),
    ("Café crème", "Cafe-creme"),
    ("Emoji 🎉 party", "Emoji-🎉-party"),
    ("Some Heading!", "Some-Heading"),
    ("Some Heading!", "Some-Heading-1"),
    ("some heading", "some-heading"),
    ("a_b-c  d", "a-b-c-d"),
    ("**Bold** and [link](http://x)", "Bold-and-link"),
    ("1.2.3 Version", "1-2-3-Version"),
    ("A -- B --- C", "A-–-B-—-C"),
    ("Wait...", "Wait…"),
]
HEADS = "".join(f"## {text}\n\n" for text, _ in HEADINGS)


def hexo_site(root: Path, files: dict[str, str], config: str = CONFIG, package: dict | None = None) -> None:
    forget_sites()
    write(root, {"_config.yml": config, "package.json": json.dumps(package or PACKAGE), **files})


def test_heading_ids_are_hexo_renderer_markeds(tmp_path):
    hexo_site(tmp_path, {"source/_posts/heads.md": page("title: Heads", body=HEADS)})
    site = read_site(str(tmp_path))
    assert site.heading_ids == "hexo:0:1"
    assert site.dashes == ("\u2013", "\u2014")
    links = " ".join(f"{{% post_link heads#{expected} %}}" for _, expected in HEADINGS)
    write(tmp_path, {"source/_posts/links.md": page("title: Links", body=links + " {% post_link heads#Q-A-Time %}\n")})
    found = site_findings(tmp_path)
    text = links + " {% post_link heads#Q-A-Time %}"
    assert placed(found) == [f"source/_posts/links.md:{at(5, text, 'heads#Q-A-Time')} SITE004"]
    assert "(did you mean `#Q-A-time`?)" in found[0]


def test_heading_ids_follow_the_marked_options(tmp_path):
    anchors = [(text.replace("--", "\ue000"), "", True) for text in ("It's A -- B", "Wait...")]
    assert heading_ids(anchors, "hexo:1:1", ("\u2013", "\u2014")) == {"it’s-a-–-b", "wait…"}
    assert heading_ids(anchors, "hexo:2:0", ("--", "---")) == {"IT-S-A-B", "WAIT"}
    hexo_site(tmp_path, {}, CONFIG + "marked:\n  modifyAnchors: 1\n  smartypants: false\n")
    assert read_site(str(tmp_path)).heading_ids == "hexo:1:0"
    hexo_site(tmp_path, {}, CONFIG + "marked:\n  headerIds: false\n")
    assert read_site(str(tmp_path)).heading_ids == UNKNOWN_IDS


POSTS = {
    "source/_posts/hello.md": page("title: Hello World", body="## Setup\n"),
    "source/_posts/2024/nested.md": page("title: Nested"),
    "source/_posts/_hidden.md": page("title: Hidden"),  # no post: Hexo skips `_` files in `_posts/`
    "source/_drafts/plan.md": page("title: Plan"),
    "source/_partial.md": page("title: Partial"),  # no page either
    "source/_posts/off.md": page("title: Off", "published: false"),
}
BODY = (
    '{% post_link hello %} {% post_link 2024/nested Nested posts %} {% post_link "Hello World" %}\n'
    "{% post_link hello#Setup %} {% post_link hello#setup %} {% post_link nothere %}\n"
    "{% post_path 'Nested' %} {% post_path missing %} {% post_link _hidden %} {% post_link plan %}\n\n"
    "```\n{% post_link in-code %}\n```\n\n"
    "{% post_link %} {% post_path %} {% post_link off %}\n"  # (Hexo 8.1.2: 'Post not found: "undefined" doesn't exist')
)


def test_post_links_and_paths(tmp_path):
    """By slug (a subfolder's too) or title; a post that is not there fails the build (Hexo 8.1.2: "Post not found:
    post_link nothere."); a draft is found, at a URL Hexo does not write; in a code block, no tag."""
    hexo_site(tmp_path, {**POSTS, "source/about/index.md": page("title: About", body=BODY)})
    found = site_findings(tmp_path)
    lines = BODY.splitlines()
    assert placed(found) == [
        f"source/about/index.md:{at(6, lines[1], 'hello#setup')} SITE004",
        f"source/about/index.md:{at(6, lines[1], 'nothere')} SITE003",
        f"source/about/index.md:{at(7, lines[2], 'missing')} SITE003",
        f"source/about/index.md:{at(7, lines[2], '_hidden')} SITE003",
        f"source/about/index.md:{at(7, lines[2], 'plan')} SITE003",
        f"source/about/index.md:{at(13, lines[8], 'post_link')} SITE003",
        f"source/about/index.md:{at(13, lines[8], 'post_path')} SITE003",
        f"source/about/index.md:{at(13, lines[8], 'off')} SITE003",
    ]
    assert found[7].endswith("whose front matter says `published: false`: Hexo writes no page")
    assert "`{% post_link %}` names no post's slug or title (Hexo fails the build" in found[5]
    assert 'names no post\'s slug or title (Hexo fails the build: "Post not found")' in found[1]
    assert "`{% post_path missing %}` names no post's slug or title (Hexo writes nothing in its place)" in found[2]
    assert "`{% post_link plan %}` names a draft (`" in found[4]
    assert "source/_drafts/plan.md`), which Hexo publishes only with `render_drafts`" in found[4]


TEXT = (
    "{% raw %}\n{% post_link nope2 %}\n{% endraw %}\n\n`{% post_link nope3 %}`\n\n    {% post_link nope4 %}\n\n"
    "<!-- {% post_link nope5 %} -->\n\n```\n{% post_link nope6 %}\n```\n\n"
    "a {{% post_link nope7 %}} b\n\n{% codeblock %}\n{% post_link nope1 %}\n{% endcodeblock %}\n"
)


def test_where_hexo_runs_the_tags(tmp_path):
    """Hexo 8.1.2 (each case built alone) runs no tag in a `{% raw %}` block, a code span, an indented or fenced
    code block or an HTML comment; it runs one inside `{{% %}}` and inside `{% codeblock %}`, and fails."""
    hexo_site(tmp_path, {"source/index.md": page("title: Home", body=TEXT)})
    lines = TEXT.splitlines()
    assert placed(site_findings(tmp_path)) == [
        f"source/index.md:{at(19, lines[14], 'nope7')} SITE003",
        f"source/index.md:{at(22, lines[17], 'nope1')} SITE003",
    ]


def test_the_sites_hexo_version(tmp_path):
    """Before Hexo 7.0 a post is found by its slug alone; before 6.3 a `post_link` to no post writes a link to `#`
    (hexo's history: #5114, #4938)."""
    body = '{% post_link "Hello World" %} {% post_link hello %}\n'
    package = {**PACKAGE, "dependencies": {**PACKAGE["dependencies"], "hexo": "^6.2.0"}}
    hexo_site(tmp_path, {**POSTS, "source/index.md": page("title: Home", body=body)}, package=package)
    found = site_findings(tmp_path)
    assert placed(found) == [f"source/index.md:{at(5, body, 'Hello World')} SITE003"]
    assert (
        "names no post's slug (`" in found[0] and "hello.md` has that title: Hexo finds a post by its title" in found[0]
    )
    assert found[0].endswith(
        'Hexo before 6.3 writes a link to `#` reading "Post not found", 6.3 and later fail the build)'
    )


def test_drafts_rendered_and_post_names_with_dates(tmp_path):
    """``render_drafts`` publishes the drafts; ``new_post_name`` with a date makes the slug its ``:title``."""
    config = CONFIG + "render_drafts: true\nnew_post_name: :year-:month-:day-:title.md\n"
    body = "{% post_link plan %} {% post_link dated %} {% post_link 2024-01-02-dated %}\n"
    hexo_site(
        tmp_path,
        {
            "source/_drafts/plan.md": page("title: Plan"),
            "source/_posts/2024-01-02-dated.md": page("title: Dated"),
            "source/index.md": page("title: Home", body=body),
        },
        config,
    )
    assert placed(site_findings(tmp_path)) == [f"source/index.md:{at(5, body, '2024-01-02-dated')} SITE003"]


def test_fragments_of_another_renderer_are_not_judged(tmp_path):
    package = {**PACKAGE, "dependencies": {"hexo": "^8", "hexo-renderer-markdown-it": "^7"}}
    body = "{% post_link hello#anything %} {% post_link gone %}\n"
    hexo_site(tmp_path, {**POSTS, "source/index.md": page("title: Home", body=body)}, package=package)
    assert placed(site_findings(tmp_path)) == [f"source/index.md:{at(5, body, 'gone')} SITE003"]


def test_hexo_tags_are_judged_on_hexo_sites_alone(tmp_path):
    """A Jekyll site's page showing Hexo's syntax: not a tag Jekyll runs."""
    forget_sites()
    write(tmp_path, {"_config.yml": "title: J\n", "index.md": page("title: Home", body="{% post_link gone %}\n")})
    assert site_findings(tmp_path) == []


NODE_MODULES = os.environ.get("FMLINT_HEXO_MODULES", "")
HEXO_BUILDS = bool(NODE_MODULES and shutil.which("node") and os.path.isdir(os.path.join(NODE_MODULES, "hexo")))


def hexo(root: Path, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``hexo generate`` in the site at ``root`` (a theme that writes each page's content given it)."""
    layouts = {f"themes/plain/layout/{name}.ejs": "<%- page.content %>\n" for name in ("index", "post", "page")}
    # (the `hexo` key tells Hexo's command line the folder is a site)
    package = {"hexo": {"version": "8.1.2"}, **json.loads((root / "package.json").read_text(encoding="utf-8"))}
    package["dependencies"] = {**package["dependencies"], "hexo-renderer-ejs": "*"}
    write(root, {**layouts, "package.json": json.dumps(package)})
    if not (root / "node_modules").exists():
        (root / "node_modules").symlink_to(NODE_MODULES)
    command = [shutil.which("node") or "node", os.path.join(NODE_MODULES, "hexo", "bin", "hexo"), "generate"]
    environment = {**os.environ, **(env or {})}
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300, check=check, env=environment)


def hexo_build(root: Path, env: dict[str, str]) -> list[str]:
    """The files ``hexo generate`` writes into ``public/`` (as URL paths), but scripts and styles."""
    hexo(root, env)
    public = root / "public"
    return [
        "/" + path.relative_to(public).as_posix()
        for path in public.rglob("*")
        if path.is_file() and path.suffix not in (".css", ".js", ".xml")
    ]


@pytest.mark.skipif(not HEXO_BUILDS, reason="FMLINT_HEXO_MODULES names no node_modules holding hexo (or no node)")
def test_a_hexo_build_agrees(tmp_path):
    """Hexo builds the site: the IDs it writes are those fmlint works out, and it fails on the post_link that
    fmlint reports."""
    hexo_site(tmp_path, {"source/_posts/heads.md": page("title: Heads", "date: 2020-05-05", body=HEADS)})
    hexo(tmp_path)
    built = (tmp_path / "public/2020/05/05/heads/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="([^"]*)"', built) == [expected for _, expected in HEADINGS]
    write(tmp_path, {"source/_posts/broken.md": page("title: Broken", body="{% post_link nothere %}\n")})
    failed = hexo(tmp_path, check=False)
    assert failed.returncode != 0 and "Post not found: post_link nothere." in failed.stdout + failed.stderr
    assert placed(site_findings(tmp_path)) == ["source/_posts/broken.md:5:14-5:21 SITE003"]


URL_SITE = {
    "source/_posts/a.md": page("title: A Post", "date: 2020-01-02 10:00:00"),
    "source/_posts/late.md": page("title: Late", "date: 2020-01-02 23:30:00"),
    "source/_posts/offset.md": page("title: Off Set", "date: 2020-01-02T23:30:00+08:00"),
    "source/_posts/dayonly.md": page("title: Day Only", "date: 2020-01-03"),
    "source/_posts/sub/nested.md": page(
        "title: Nested Café", "date: 2021-05-06 07:08:09", "categories: [Tech Stuff, Deep Dive]"
    ),
    "source/_posts/cat1.md": page("title: Cat One", "date: 2021-05-07", "categories: Tech Stuff"),
    "source/_posts/custom.md": page("title: Custom", "date: 2021-05-08", "permalink: custom/path/"),
    "source/_posts/abbr.md": page("title: Abbr", "date: 2021-05-09", "abbrlink: x1y2"),
    "source/_posts/noabbr.md": page("title: No Abbr", "date: 2021-05-10"),
    "source/_posts/nullabbr.md": page("title: Null Abbr", "date: 2021-05-11", "abbrlink:"),
    "source/_posts/2022-03-04-dated-name.md": page("title: Dated Name", "date: 2022-03-04"),
    "source/about/index.md": page("title: About"),
    "source/contact.md": page("title: Contact"),
    "source/page-perm.md": page("title: PP", "permalink: elsewhere/pp.html"),
    "source/page2.md": page("title: P2", "permalink: bare"),
    "source/page3.md": page("title: P3", "permalink: dir/"),
}
PAGES = ["/about/index.html", "/bare.html", "/contact.html", "/custom/path/index.html", "/dir/index.html"]
PAGES.append("/elsewhere/pp.html")
# each configuration and the files Hexo 8.1.2 wrote (its posts' and pages'; on a machine in UTC, but C2's in the
# time zone of its `timezone`), a path without an extension written as `…/index.html`, as fmlint reports it
BUILDS = {
    "permalink: :year/:month/:day/:title/": [
        "/2020/01/02/a/index.html",
        "/2020/01/02/late/index.html",
        "/2020/01/02/offset/index.html",
        "/2020/01/03/dayonly/index.html",
        "/2021/05/06/sub/nested/index.html",
        "/2021/05/07/cat1/index.html",
        "/2021/05/09/abbr/index.html",
        "/2021/05/10/noabbr/index.html",
        "/2021/05/11/nullabbr/index.html",
        "/2022/03/04/2022-03-04-dated-name/index.html",
    ],
    "permalink: :category/:title.html\ntimezone: Asia/Shanghai\nfilename_case: 1\nnew_post_name: :year-:month-:day-:title.md": [
        "/tech-stuff/cat1.html",
        "/tech-stuff/deep-dive/sub-nested.html",
        *(f"/uncategorized/{name}.html" for name in ("a", "abbr", "dated-name", "dayonly", "late", "noabbr")),
        *(f"/uncategorized/{name}.html" for name in ("nullabbr", "offset")),
    ],
    "permalink: :year/:month/:day/:hour/:title/\ntimezone: America/New_York": [  # (C2: built in New York)
        "/2020/01/02/10/a/index.html",
        "/2020/01/02/15/offset/index.html",
        "/2020/01/02/23/late/index.html",
        "/2020/01/03/00/dayonly/index.html",
        "/2021/05/06/07/sub/nested/index.html",
        "/2021/05/07/00/cat1/index.html",
        "/2021/05/09/00/abbr/index.html",
        "/2021/05/10/00/noabbr/index.html",
        "/2021/05/11/00/nullabbr/index.html",
        "/2022/03/04/00/2022-03-04-dated-name/index.html",
    ],
    "permalink: p/:abbrlink/": ["/p/null/index.html", "/p/undefined/index.html", "/p/x1y2/index.html"],
    "permalink: :name\npost_asset_folder: true": ["/offset/index.html"]
    + [
        f"/{name}/index.html"
        for name in ("2022-03-04-dated-name", "a", "abbr", "cat1", "dayonly", "late", "nested", "noabbr", "nullabbr")
    ],
    "permalink: :i_month-:i_day/:hour:minute/:title/\nroot: /blog/": [
        "/1-2/1000/a/index.html",
        "/1-2/1530/offset/index.html",
        "/1-2/2330/late/index.html",
        "/1-3/0000/dayonly/index.html",
        "/3-4/0000/2022-03-04-dated-name/index.html",
        "/5-10/0000/noabbr/index.html",
        "/5-11/0000/nullabbr/index.html",
        "/5-6/0708/sub/nested/index.html",
        "/5-7/0000/cat1/index.html",
        "/5-9/0000/abbr/index.html",
    ],
}


def output_files(root: Path) -> list[str]:
    return sorted({"/" + page.output for page in index_of(root).pages if page.url and not page.withheld})


@pytest.mark.parametrize("config", list(BUILDS))
def test_urls_are_those_hexo_writes(tmp_path, config):
    hexo_site(tmp_path, URL_SITE, f"{BASE}{config}\n")
    assert output_files(tmp_path) == sorted({*BUILDS[config], *PAGES})


def test_links_to_urls(tmp_path):
    """Root-relative links: to a post's URL (with `timezone`, that a build in UTC writes too: 23:30 in New York
    is the next day there), a page's, a file of `source/`, a page Hexo's generators write; under the `root`; a
    post moved to another day, a page that is not there, a link missing the `root` are reported."""
    links = (
        "[a](/blog/2020/01/02/late/) [b](/blog/2020/01/03/late/) [c](/blog/about/) [d](/blog/contact.html) "
        "[e](/blog/tags/go/) [f](/blog/images/a.png) [g](/blog/2020/01/04/late/) [h](/blog/gone/) [i](/about/index.html)\n"
    )
    files = {**URL_SITE, "source/links.md": page("title: Links", body=links), "source/images/a.png": "png"}
    hexo_site(tmp_path, files, f"{CONFIG}timezone: America/New_York\nroot: /blog/\n")
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"source/links.md:{at(5, links, '/blog/2020/01/04/late/')} SITE003",
        f"source/links.md:{at(5, links, '/blog/gone/')} SITE003",
        f"source/links.md:{at(5, links, '/about/index.html')} SITE003",
    ]
    assert found[2].endswith("`/about/index.html` misses the site's root `/blog/` (_config.yml's `root`)")


def test_links_to_a_github_pages_user_sites_project_sites_are_not_judged(tmp_path):
    """A Hexo blog at `https://<owner>.github.io` (most are): `/hanafuda/` may be the owner's other repository's
    project site, which GitHub Pages serves there; `/about/gone/`, below a folder the blog has, is still broken."""
    links = "[a](/hanafuda/) [b](/about/gone/)\n"
    files = {**URL_SITE, "source/links.md": page("title: Links", body=links)}
    hexo_site(tmp_path, files, f"{CONFIG}url: https://someone.github.io\n")
    assert placed(site_findings(tmp_path)) == [f"source/links.md:{at(5, links, '/about/gone/')} SITE003"]


def test_collisions(tmp_path):
    """Posts without a permalink token's value are all written to `p/undefined/` (`p/null/` for a key without a
    value): one overwrites the other (reported at the key, or the file's start); a page's permalink may be a
    post's URL."""
    files = {
        "source/_posts/a.md": page("title: A", "date: 2021-01-01"),
        "source/_posts/b.md": page("title: B", "date: 2021-01-02"),
        "source/_posts/c.md": page("title: C", "date: 2021-01-03", "abbrlink:"),
        "source/_posts/d.md": page("title: D", "date: 2021-01-04", "abbrlink:"),
        "source/_posts/e.md": page("title: E", "abbrlink: e"),
        "source/about.md": page("title: About", "permalink: p/e/"),
    }
    hexo_site(tmp_path, files, f"{BASE}permalink: p/:abbrlink/\n")
    assert placed(site_findings(tmp_path)) == [
        "source/_posts/a.md:1:1-1:1 SITE001",
        "source/_posts/b.md:1:1-1:1 SITE001",
        "source/_posts/c.md:4:10-4:10 SITE001",
        "source/_posts/d.md:4:10-4:10 SITE001",
        "source/_posts/e.md:3:11-3:12 SITE001",  # (no date, and none needed: at `p/e/`, as the page)
        "source/about.md:3:12-3:16 SITE001",
    ]


@pytest.mark.skipif(not HEXO_BUILDS, reason="FMLINT_HEXO_MODULES names no node_modules holding hexo (or no node)")
@pytest.mark.parametrize("config", list(BUILDS))
def test_hexo_writes_those_urls(tmp_path, config):
    """Hexo builds each configuration (on a machine in the site's `timezone`, else in UTC): the files it writes
    for the posts and pages are those fmlint works out."""
    hexo_site(tmp_path, URL_SITE, f"{BASE}{config}\n")
    zone = re.search(r"^timezone: (.+)$", config, re.MULTILINE)
    built = hexo_build(tmp_path, {"TZ": zone.group(1) if zone else "UTC"})
    generated = ("/tags/", "/categories/", "/archives/", "/page/")
    written = {
        path if "." in path.rsplit("/", 1)[-1] else path + "/index.html"
        for path in built
        if path != "/index.html" and not path.startswith(generated)
    }
    assert sorted(written) == output_files(tmp_path)


def test_front_matter_without_its_opening_delimiter(tmp_path, capsys, monkeypatch):
    """Hexo 2's posts open with their front matter, no `---` before it (hexo-front-matter's `rFrontMatterNew`):
    read so where it is a YAML mapping, positions as in the file (after CRLF line ends and CJK); prose before a
    thematic break is the body's."""
    hexo_site(
        tmp_path,
        {
            "source/_posts/legacy.md": "title: 旧文章\r\ndate: 2014-13-01\r\nupdated: Nov 1, 2014\r\n---\r\n\r\nBody.\r\n",
            "source/_posts/prose.md": "Prose, then a break.\n\n---\n\nMore: prose.\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--select", "DT001,FM", "source"])
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(capsys.readouterr().out)]
    assert found == [("source/_posts/legacy.md", 2, 7, "DT001")]


@pytest.mark.parametrize("asset_folder", [True, False])
def test_images_in_a_posts_asset_folder(tmp_path, capsys, monkeypatch, asset_folder):
    """With `post_asset_folder`, Hexo publishes `_posts/launch/` at the post's URL: its relative images are there
    (52Heartz's blog: 33 false IMG006); without it, they are not."""
    body = "![chart](chart.png) ![gone](gone.png)\n"
    config = CONFIG + ("post_asset_folder: true\n" if asset_folder else "")
    files = {"source/_posts/launch.md": page("title: Launch", body=body), "source/_posts/launch/chart.png": "png"}
    hexo_site(tmp_path, files, config)
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--select", "IMG006", "source"])
    found = [(d["line"], d["column"], d["message"]) for d in json.loads(capsys.readouterr().out)]
    missing = [(5, body.index("gone.png") + 1)] + ([] if asset_folder else [(5, body.index("chart.png") + 1)])
    assert sorted((line, column) for line, column, _ in found) == sorted(missing)
    if asset_folder:
        assert found[0][2].endswith(
            "(looked for source/_posts/gone.png, assets/gone.png, source/_posts/launch/gone.png)"
        )


def test_links_to_markdown_files(tmp_path):
    """Hexo writes `[s](second.md)` as it is (8.1.2: `<a href="second.md">`): no page there, the post's tag or the
    page's URL says what to write; a plugin named for links may rewrite them (hexo-filter-link-post): not judged."""
    body = "[a](hello.md#Setup) [b](../contact.md) [c](none.md)\n"
    files = {**POSTS, "source/_posts/use.md": page("title: Use", body=body), "source/contact.md": page("title: C")}
    hexo_site(tmp_path, files)
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"source/_posts/use.md:{at(5, body, link)} SITE003" for link in ("hello.md#Setup", "../contact.md", "none.md")
    ]
    assert found[0].endswith(
        "is written as it is: Hexo makes no link to a Markdown file its page's URL (write `{% post_link hello %}`)"
    )
    assert found[1].endswith("(write its URL `/contact.html`)")
    package = {**PACKAGE, "dependencies": {**PACKAGE["dependencies"], "hexo-filter-link-post": "^1.0.3"}}
    hexo_site(tmp_path, files, package=package)
    assert placed(site_findings(tmp_path)) == [f"source/_posts/use.md:{at(5, body, 'none.md')} SITE003"]


ASSETS = [
    "A {% asset_img chart.png A chart %}",
    "B {% asset_img missing.png Gone %}",
    'C {% asset_link "my doc.pdf" %}',
    "D {% asset_link nope.pdf %}",
    "E {% asset_path chart.png %}",
]
ARGUMENTS = ["chart.png A chart", "missing.png Gone", '"my doc.pdf"', "nope.pdf", "chart.png"]


@pytest.mark.parametrize("asset_folder", [True, False])
def test_asset_tags(tmp_path, asset_folder):
    """`{% asset_img %}` (any argument), `{% asset_link %}` and `{% asset_path %}` (the first) name a file of the
    post's asset folder: Hexo 8.1.2 writes nothing for one that names none, for any without `post_asset_folder`,
    and in a page (356108814's blog: `bios.jpg` for its `bios.png`)."""
    files = {
        "source/_posts/report.md": page("title: Report", body="\n".join(ASSETS) + "\n"),
        "source/_posts/report/chart.png": "png",
        "source/_posts/report/my doc.pdf": "pdf",
        "source/about/index.md": page("title: About", body="{% asset_img chart.png %}\n"),
        "source/about/chart.png": "png",
    }
    hexo_site(tmp_path, files, CONFIG + ("post_asset_folder: true\n" if asset_folder else ""))
    found = site_findings(tmp_path)
    broken = [1, 3] if asset_folder else [0, 1, 2, 3, 4]
    assert placed(found) == [
        *(f"source/_posts/report.md:{at(5 + n, ASSETS[n], ARGUMENTS[n])} SITE003" for n in broken),
        "source/about/index.md:5:14-5:23 SITE003",
    ]
    assert found[0].endswith(
        "names no file of the post's asset folder `source/_posts/report/`: Hexo writes nothing"
        if asset_folder
        else "`post_asset_folder` is off, so the post has no assets: Hexo writes nothing"
    )
    assert found[-1].endswith("is in a page: Hexo finds the assets of posts alone, and writes nothing")


def test_posts_to_come_with_future_off(tmp_path):
    """`future: false`: Hexo publishes a post from its date on; by default (`future: true`), at once."""
    body = "{% post_link later %} {% post_link hello %}\n"
    files = {
        "source/_posts/later.md": page("title: Later", "date: 2999-01-02 10:00:00"),
        "source/_posts/hello.md": page("title: Hello", "date: 2020-01-02"),
        "source/index.md": page("title: Home", body=body),
    }
    hexo_site(tmp_path, files, CONFIG + "future: false\n")
    found = site_findings(tmp_path)
    assert placed(found) == [f"source/index.md:{at(5, body, 'later')} SITE003"]
    assert found[0].endswith("source/_posts/later.md`): Hexo (`future: false`) publishes it only from then")
    hexo_site(tmp_path, files)
    assert site_findings(tmp_path) == []

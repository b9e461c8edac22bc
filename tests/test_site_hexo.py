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

from fmlint.site.anchors import heading_ids
from fmlint.site.config import forget_sites, read_site
from fmlint.site.hexo import UNKNOWN_IDS
from tests.test_site_rules import at, page, placed, site_findings, write

PACKAGE = {"name": "blog", "version": "0.0.0", "dependencies": {"hexo": "^8.1.2", "hexo-renderer-marked": "^7.0.1"}}
CONFIG = "title: Blog\ntheme: plain\npermalink: :year/:month/:day/:title/\n"
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


@pytest.mark.skipif(
    not (NODE_MODULES and shutil.which("node") and os.path.isdir(os.path.join(NODE_MODULES, "hexo"))),
    reason="FMLINT_HEXO_MODULES names no node_modules holding hexo (or node is not on PATH)",
)
def test_a_hexo_build_agrees(tmp_path):
    """Hexo builds the site: the IDs it writes are those fmlint works out, and it fails on the post_link that
    fmlint reports."""
    layouts = {f"themes/plain/layout/{name}.ejs": "<%- page.content %>\n" for name in ("index", "post", "page")}
    # (the `hexo` key tells Hexo's command line the folder is a site)
    package = {
        **PACKAGE,
        "hexo": {"version": "8.1.2"},
        "dependencies": {**PACKAGE["dependencies"], "hexo-renderer-ejs": "*"},
    }
    hexo_site(tmp_path, {"source/_posts/heads.md": page("title: Heads", "date: 2020-05-05", body=HEADS), **layouts})
    (tmp_path / "package.json").write_text(json.dumps(package), encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(NODE_MODULES)
    hexo = [shutil.which("node") or "node", os.path.join(NODE_MODULES, "hexo", "bin", "hexo")]
    subprocess.run([*hexo, "generate"], cwd=tmp_path, capture_output=True, check=True, timeout=300)
    built = (tmp_path / "public/2020/05/05/heads/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="([^"]*)"', built) == [expected for _, expected in HEADINGS]
    write(tmp_path, {"source/_posts/broken.md": page("title: Broken", body="{% post_link nothere %}\n")})
    failed = subprocess.run([*hexo, "generate"], check=False, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0 and "Post not found: post_link nothere." in failed.stdout + failed.stderr
    assert placed(site_findings(tmp_path)) == ["source/_posts/broken.md:5:14-5:21 SITE003"]

"""Runs over a few files of a site whose files change between runs, against a run from scratch.

A run with the result cache takes the site's kept findings, its kept facts (one
value for every file, as they were) and the cached facts of each file; a run
without it reads every file.  After every edit, rename, deletion, new file or
configuration change, both must report the same findings, to the character.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from fmlint.cache import ResultCache
from fmlint.site import sitepass
from fmlint.site.config import forget_sites
from fmlint.site.facts import SiteFacts
from tests.test_site_html_pages import SITE as HTML_SITE
from tests.test_site_mounts import MOUNTED_SITE
from tests.test_site_moved import FRENCH_LINKS, MOVED_I18N_SITE
from tests.test_site_redirect_templates import REDIRECT_SITE
from tests.test_site_rules import FAULTY_SITE, TERMS_SITE, index_of, page, site_findings, whole_indexes, write
from tests.test_site_shortcodes import BOILERPLATE_LINKS, BOILERPLATE_SITE

Step = Callable[[Path], list[str]]  # changes the site; returns the files of the next run ([]: the whole site)


def _edit(name: str, *front_matter: str, body: str = "Body.\n") -> Step:
    def step(root: Path) -> list[str]:
        write(root, {name: page(*front_matter, body=body)})
        return [name]

    return step


def _rename(old: str, new: str, run: list[str]) -> Step:
    def step(root: Path) -> list[str]:
        (root / new).parent.mkdir(parents=True, exist_ok=True)
        (root / old).rename(root / new)
        return run

    return step


def _delete(name: str, run: list[str]) -> Step:
    def step(root: Path) -> list[str]:
        (root / name).unlink()
        return run

    return step


def _outside(name: str, run: list[str], *front_matter: str, body: str = "Body.\n") -> Step:
    """``name`` changes, but the run is over other files: their findings must see the change."""

    def step(root: Path) -> list[str]:
        write(root, {name: page(*front_matter, body=body)})
        return run

    return step


def _prose(name: str, run: list[str]) -> Step:
    """``name`` gains a paragraph (no fact of it changes), and the run is over other files."""

    def step(root: Path) -> list[str]:
        with open(root / name, "a", encoding="utf-8") as file:
            file.write("\nMore prose, no heading and no link.\n")
        return run

    return step


def _touch(name: str, run: list[str]) -> Step:
    def step(root: Path) -> list[str]:
        os.utime(root / name, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
        return run

    return step


def _files(files: dict[str, str], run: list[str]) -> Step:
    def step(root: Path) -> list[str]:
        write(root, files)
        return run

    return step


def _configure(text: str, run: list[str], name: str = "hugo.toml") -> Step:
    def step(root: Path) -> list[str]:
        (root / name).write_text(text, encoding="utf-8")
        forget_sites()
        return run

    return step


CHILD = "content/docs/sub/child.md"
MOVED_LINKS = (
    '{{< ref "/docs/old/install#options" >}} [a](../old/sibling.md) [b](/docs/gone/install.md) [c](old/name.md) '
    "[d](/docs/old/install/) [e](../../old/sibling/)\n"
)
SEQUENCES = {
    "edits": [
        _edit("content/posts/ai1.md", 'title: "AI one"', 'tags: ["ML", "Ai"]', 'slug: "taken"'),
        _edit("content/posts/ai1.md", 'title: "AI one"', 'tags: ["AI"]'),
        _edit("content/docs/install.md", 'title: "Install"', body="## Options\n\nSee [x](#options) [y](#gone).\n"),
        _edit("content/posts/_index.md", 'title: "Posts"', 'slug: "articles"'),
        _edit("content/posts/_index.md", 'title: "Posts"', "cascade:", "  build:", "    render: never"),
        _edit("content/en-c.md", 'title: "A"', 'translationKey: "about"'),
        _edit("content/posts/taken.md", 'title: "Taken"', body="## Changed\n"),  # (after the page it collides with)
        _edit("content/posts/taken.md", 'title: "Taken"', 'aliases: ["/posts/about-me/"]', 'tags: ["ML", "ai"]'),
    ],
    "a link target changes outside the run": [
        _outside("content/docs/install.md", [CHILD], 'title: "Install"', body="## Other\n"),
        _outside("content/docs/install.md", [CHILD], 'title: "Install"', body="## Custom {#my-id}\n\n## Twice\n"),
        _outside("content/docs/sub/sibling.md", [CHILD], 'title: "Sibling"', 'url: "/elsewhere/"'),
        _outside("content/news/launch.md", ["content/posts/launch.md"], 'title: "News"', 'url: "/moved/"'),
    ],
    "files outside the run change, their facts do not": [
        _touch("content/docs/install.md", [CHILD]),
        _prose("content/docs/sub/sibling.md", [CHILD]),
        _edit(CHILD, 'title: "Child"', body='{{< ref "install#options" >}} {{< ref "sibling#x" >}}\n'),
        _prose("content/docs/install.md", [CHILD]),
        _touch("content/posts/ai1.md", ["content/posts/ai2.md"]),
        _outside("content/docs/install.md", [CHILD], 'title: "Install"', body="## Other\n"),
    ],
    "spellings of a term tied": [  # (the first used is the majority: its place in the site, not in the run)
        _edit("content/posts/ai2.md", 'title: "AI two"', 'tags: ["ML"]'),
        _edit("content/posts/ai3.md", 'title: "AI three"', 'tags: ["ai"]', body="## Now a heading\n"),
        _outside("content/posts/ai1.md", ["content/posts/ai3.md"], 'title: "AI one"', 'tags: ["ML", "AI"]'),
    ],
    "a section's cascade above the run's files": [  # (its section file is not in the run, nor changed)
        _files({"content/hidden/_index.md": page('title: "Hidden"', "cascade:", "  build:", "    render: never")}, []),
        _edit("content/hidden/deep/p.md", 'title: "P"', 'url: "/posts/p/"', 'aliases: ["/news/launch/"]'),
        _edit("content/hidden/deep/p.md", 'title: "P"', 'url: "/posts/p/"', body="## Again\n"),
    ],
    "pages moved to other folders": [  # (the page a path to none likely names: the only one of its base name)
        _edit(CHILD, 'title: "Child"', body=MOVED_LINKS),
        _files({"content/posts/install.md": page('title: "Install post"')}, [CHILD]),  # (now two of the name)
        _delete("content/posts/install.md", [CHILD]),
        _outside("content/docs/sub/sibling.md", [CHILD], 'title: "Sibling"', 'url: "/x/"'),
        _rename("content/docs/install.md", "content/docs/new/install.md", [CHILD]),
    ],
    "relative links to pages' URLs": [
        _edit(CHILD, 'title: "Child"', body="[a](../../install/#options) [b](../sibling-moved/) [c](../sibling/#x)\n"),
        _outside("content/docs/sub/sibling.md", [CHILD], 'title: "Sibling"', 'url: "/docs/sub/sibling-moved/"'),
        _outside("content/docs/install.md", [CHILD], 'title: "Install"', body="## Other\n"),
        _edit(CHILD, 'title: "Child"', 'url: "/elsewhere/child/"', body="[a](../../docs/install/) [b](./#x)\n"),
    ],
    "renames, deletions and new files": [
        _rename("content/posts/taken.md", "content/posts/free.md", ["content/posts/slugged.md"]),
        _rename("content/posts/ai2.md", "content/posts/taken.md", ["content/posts/slugged.md"]),
        _delete("content/docs/sub/sibling.md", [CHILD]),
        _edit("content/docs/sub/sibling.md", 'title: "Sibling"'),
        _edit("content/docs/three/name.md", 'title: "Name three"'),
        _delete("content/docs/one/name.md", ["content/docs/amb.md"]),
        _rename("content/docs/sub", "content/docs/moved", ["content/docs/moved/child.md"]),
    ],
    "anchors of sections and included files": [
        _files(
            {
                "content/docs/_index.md": page('title: "Docs"'),
                "content/docs/incl.md": page('title: "Incl"', body='{{% include "docs/shared.md" %}}\n'),
                "content/docs/shared.md": page('title: "Shared"', body="## From shared\n"),
            },
            [],
        ),
        _edit(CHILD, 'title: "Child"', body='{{< ref "/docs#install" >}} {{< ref "/docs#nothing" >}}\n'),
        _edit(CHILD, 'title: "Child"', body='{{< ref "incl#from-shared" >}} {{< ref "incl#from-other" >}}\n'),
        _outside("content/docs/shared.md", [CHILD], 'title: "Shared"', body="## From other\n"),
        _edit(CHILD, 'title: "Child"', body='{{< ref "incl#from-shared" >}} {{< ref "/docs#shared" >}}\n'),
        _files({"content/docs/shared.md": page('title: "Shared"', body='{{% include "docs/deep.md" %}}\n')}, []),
        _files({"content/docs/deep.md": page('title: "Deep"', body="## Deep\n")}, []),
        _edit(CHILD, 'title: "Child"', body='{{< ref "incl#deep" >}} {{< ref "incl#deeper" >}}\n'),
        _edit(CHILD, 'title: "Child"', body="[u](/posts/taken/#nope) [v](/docs/deep/#deep) [w](/docs/deep/#x)\n"),
        _edit("content/docs/incl.md", 'title: "Incl"', body='{{% include "docs/shared.md" %}}\n[a](#deep) [b](#no)\n'),
        _edit("content/docs/_index.md", 'title: "Docs"', body="[i](#install) [n](#nope) [s](#sub)\n"),
        _edit("content/docs/_index.md", 'title: "Docs"', "cascade:", "  build:", "    render: never"),
        _edit("content/docs/install.md", 'title: "Install"', 'url: "/docs/sub/child/"'),
    ],
    "leaf bundles and their resources": [
        _files(
            {
                "content/faq/index.md": page('title: "FAQ"'),
                "content/faq/q1.md": page('title: "Q1"', body="[x](/nowhere/)\n"),
            },
            [],
        ),
        _edit(CHILD, 'title: "Child"', body="[a](/faq/q1/) [b](/faq/)\n"),
        _delete("content/faq/index.md", [CHILD]),  # q1 is a page now
        _edit("content/faq/q1.md", 'title: "Q1"', body="[x](/nowhere/) [y](/gone/)\n"),
        _files({"content/faq/index.md": page('title: "FAQ"')}, ["content/faq/q1.md"]),  # a resource again
        _edit("content/faq/q1.md", 'title: "Q1"', body="[x](/gone-too/)\n"),
    ],
    "terms counted over the whole site": [
        _files(
            {
                "content/posts/ai2.md": page('title: "AI two"', 'tags: ["AI"]'),
                "content/posts/ai3.md": page('title: "AI three"', 'tags: ["ai"]'),
                "content/posts/ai4.md": page('title: "AI four"', 'tags: ["AI"]'),
                "content/posts/ai5.md": page('title: "AI five"', 'tags: ["ai", "ML"]'),
            },
            [],
        ),
        _edit("content/posts/ai1.md", 'title: "AI one"', 'tags: ["Ai", "ml"]'),  # a tie: the first used wins
        _edit("content/posts/ai1.md", 'title: "AI one"', 'tags: ["ai", "ML"]'),
        _outside("content/posts/ai4.md", ["content/posts/ai1.md"], 'title: "AI four"', 'tags: ["A.I."]'),
        _files({"content/posts/ai5.md": page('title: "AI five"', 'tags: ["ai", "ai", "ML", "", "!"]')}, []),
        _edit("content/posts/ai1.md", 'title: "AI one"', 'tags: ["AI", "ml", "", "?"]'),
    ],
    "configuration": [
        _configure(
            'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n[permalinks]\nposts = "/:slug/"\n', []
        ),
        _configure('baseURL = "https://example.org/"\ndisablePathToLower = true\n', ["content/posts/p.md"]),
        # links to the site's own URL, through a change of it
        _configure('baseURL = "https://docs.example.dev/"\n', []),
        _edit(
            CHILD,
            'title: "Child"',
            body="[a](https://docs.example.dev/docs/install/#nope) [b](https://docs.example.dev/gone/)\n",
        ),
        _outside("content/docs/install.md", [CHILD], 'title: "Install"', body="## Nope\n"),
        _configure('baseURL = "https://elsewhere.example.dev/"\n', []),
    ],
}


DOCS = "src/content/docs/"
STARLIGHT_SITE = {
    "astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({"
    " defaultLocale: 'root', locales: { root: {}, fr: {} } })] };\n",
    DOCS + "index.mdx": page("title: Home", body="[a](/guides/intro/#setup) [b](/fr/guides/intro/#setup)\n"),
    DOCS + "guides/intro.md": page("title: Intro", body="## Setup\n"),
    DOCS + "guides/other.md": page("title: Other", body="[c](/guides/intro/) [d](/fr/guides/gone/)\n"),
    DOCS + "fr/guides/own.md": page("title: Own", body="[e](/fr/guides/intro/#setup)\n"),
}
STARLIGHT_STEPS = [
    _outside(DOCS + "guides/intro.md", [DOCS + "index.mdx"], "title: Intro", body="## Renamed\n"),
    _outside(DOCS + "fr/guides/intro.md", [DOCS + "fr/guides/own.md"], "title: FR", body="## Autre\n"),
    _edit(DOCS + "guides/other.md", "title: Other", "slug: guides/intro"),  # one URL with intro.md
    _edit(DOCS + "guides/other.md", "title: Other", "draft: true"),
    _edit(DOCS + "index.mdx", "title: Home", body="[a](/guides/other/) [b](/guides/intro#renamed) [c](/nope/)\n"),
    _delete(DOCS + "fr/guides/intro.md", [DOCS + "fr/guides/own.md"]),
    # a fallback page renders the default locale's: its anchors are that page's
    _edit(
        DOCS + "fr/guides/own.md", "title: Own", body="[e](/fr/guides/intro/#renamed) [f](/fr/guides/intro/#setup)\n"
    ),
    _rename(DOCS + "guides/intro.md", DOCS + "guides/start.md", [DOCS + "index.mdx"]),
]


DOCUSAURUS_SITE = {
    "docusaurus.config.js": "module.exports = {baseUrl: '/', presets: [['classic', {docs: {}}]]};\n",
    "docs/intro.md": page("title: Intro", body="[a](/docs/guides/setup#run) [b](./guides/02-setup.md#run)\n"),
    "docs/guides/02-setup.md": page("title: Setup", body="## Run\n"),
    "docs/guides/other.md": page("title: Other", body="[c](/docs/guides/setup) [d](/docs/gone)\n"),
}
DOCUSAURUS_STEPS = [
    _outside("docs/guides/02-setup.md", ["docs/intro.md"], "title: Setup", body="## Start\n"),
    _edit("docs/guides/other.md", "title: Other", "slug: setup"),  # the URL of 02-setup.md
    _edit("docs/guides/other.md", "title: Other", "id: renamed", body="[e](/docs/guides/renamed)\n"),
    _edit("docs/intro.md", "title: Intro", body="[a](/docs/guides/setup#start) [b](guides/other.md) [c](/blog/x)\n"),
    # (other.md's ID is now `guides/renamed`; a run over intro.md alone looks the IDs up in the kept keys)
    _edit("docs/intro.md", "title: Intro", "pagination_next: guides/renamed", "pagination_prev: guides/other"),
    _rename("docs/guides/02-setup.md", "docs/guides/03-setup.md", ["docs/intro.md"]),
    _edit("docs/intro.md", "title: Intro", "pagination_next: guides/setup", "pagination_prev: guides/02-setup"),
    # (a relative link to a file moved names the only file of its name in the docs folder)
    _edit("docs/intro.md", "title: Intro", body="[m](./03-setup.md#start) [n](guides/../other.md)\n"),
    _files({"docs/reference/other.md": page("title: Other too")}, ["docs/intro.md"]),
    _delete("docs/reference/other.md", ["docs/intro.md"]),
    _rename("docs/guides/03-setup.md", "docs/moved/03-setup.md", ["docs/intro.md"]),
]


FR = "i18n/fr/docusaurus-plugin-content-docs/current/"
I18N_SITE = {
    "docusaurus.config.js": "module.exports = {baseUrl: '/', i18n: {defaultLocale: 'en', locales: ['en', 'fr']},"
    " presets: [['classic', {docs: {}}]]};\n",
    "docs/a.md": page("title: A", body="## Foo\n"),
    FR + "a.md": page("title: A", body="## Fou\n"),
    "docs/b.md": page("title: B", body="[a](/docs/a#foo) [b](/a.md#fou)\n"),  # untranslated: in fr too
    FR + "c.md": page("title: C", body="[a](/docs/a#fou) [b](./a.md#foo)\n"),
    "docs/c.md": page("title: C"),
}
I18N_STEPS = [
    _outside(FR + "a.md", ["docs/b.md"], "title: A", body="## Foo\n"),  # fr's heading now as en's
    _outside("docs/a.md", [FR + "c.md"], "title: A", body="## Fou\n"),
    _files({FR + "b.md": page("title: B", body="[a](/docs/a#foo)\n")}, ["docs/b.md"]),  # b translated now
    _delete(FR + "a.md", ["docs/b.md", FR + "c.md"]),
    _edit(FR + "c.md", "title: C", body="[a](/fr/docs/a#fou) [b](/docs/b#x) [c](/docs/gone)\n"),
]


JEKYLL_SITE = {
    "_config.yml": "collections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n",
    "index.md": page("title: Home", body="[a](/docs/intro/#run) [b]({% link _docs/intro.md %}) [c](/about)\n"),
    "about.md": page("title: About"),
    "_docs/intro.md": page("title: Intro", body="## Run\n"),
    "_posts/2021-01-02-hello.md": page("title: Hello", body="[d]({% post_url 2021-01-02-hello %})\n"),
}
JEKYLL_STEPS = [
    _outside("_docs/intro.md", ["index.md"], "title: Intro", body="## Start\n"),
    _outside("about.md", ["index.md"], "title: About", "permalink: /moved/"),
    _edit("index.md", "title: Home", body="[a]({% post_url 2021-01-02-hello %}) [b](/old/) [c]({% post_url x %})\n"),
    _outside("_posts/2021-01-02-hello.md", ["index.md"], "title: Hello", "redirect_from:", "  - /old/"),
    _edit("about.md", "title: About", "permalink: /docs/intro/"),  # one URL with the collection's document
    _configure(JEKYLL_SITE["_config.yml"] + "baseurl: /repo\n", [], "_config.yml"),
    _edit("index.md", "title: Home", body="[a](/docs/intro/) [b](/repo/docs/intro/#start) [c](/repo/about.html)\n"),
    _edit("index.md", "title: Home", body="[a](./docs/intro/#start) [b](./docs/gone/) [c](docs/intro/#run)\n"),
    _outside("_docs/intro.md", ["index.md"], "title: Intro", body="## Run\n"),
    _configure(JEKYLL_SITE["_config.yml"] + "url: https://docs.example.dev\n", [], "_config.yml"),
    _edit(
        "index.md",
        "title: Home",
        body="[a](https://docs.example.dev/docs/intro/#start) [b](https://docs.example.dev/x/)\n",
    ),
    _outside("_docs/intro.md", ["index.md"], "title: Intro", body="## Start\n"),
    _edit("index.md", "title: Home", body="[a](./intro.md#start) [b](docs/about.md)\n"),  # (moved: named)
    _files({"_docs/more/about.md": page("title: About too")}, ["index.md"]),
]


BOILERPLATE_STEPS = [
    _edit("content/docs/links.md", 'title: "Links"', body=BOILERPLATE_LINKS + "[d](/docs/helm/#install)\n"),
    _outside("content/boilerplates/helm-prereqs.md", ["content/docs/links.md"], body="## Requirements\n"),
    _edit("content/docs/links.md", 'title: "Links"', body="[e](/docs/helm/#requirements) [f](/docs/helm/#x)\n"),
    _outside("content/docs/helm.md", ["content/docs/links.md"], 'title: "Helm"', body="{{< boilerplate gone >}}\n"),
    _outside("content/docs/gone.md", ["content/docs/links.md"], 'title: "Gone"', body="## X\n"),
    _edit("content/docs/links.md", 'title: "Links"', body=BOILERPLATE_LINKS),
    _outside("content/docs/fields/fields.md", ["content/docs/links.md"], body="## Renamed part\n"),  # (a resource)
]

MOUNTED_STEPS = [  # (French shows English pages under docs/, but its own docs/_index.md hides them)
    _files(
        {
            "content/fr/docs/_index.md": page('title: "Docs"', "cascade:", "  build:", "    render: never"),
            "content/fr/taken.md": page('title: "Pris"'),
        },
        [],
    ),
    _edit("content/en/docs/b.md", 'title: "B"', 'aliases: ["/taken/"]', body="## Setup\n"),
    _edit("content/en/docs/b.md", 'title: "B"', 'aliases: ["/taken/", "/a/"]', body="## Setup\n"),
]

HTML_STEPS = [
    _edit("content/docs/index.md", 'title: "Docs"', body="[a](/ref/#Foo) [b](/ref/#Bar)\n"),
    _outside("content/ref/index.html", ["content/docs/index.md"], 'title: "Ref"', body='<h2 id="Bar">Bar</h2>\n'),
    _edit("content/docs/index.md", 'title: "Docs"', body="[a](/ref/#Foo) [c](/generated/#x) [d](/#welcome)\n"),
    _outside("content/_index.html", ["content/docs/index.md"], 'title: "Home"', body="<p>No IDs.</p>\n"),
]

REDIRECT_STEPS = [  # (links through rules a template writes to `_redirects`: to targets, and from page parameters)
    _edit("content/en/p.md", 'title: "P"', body="[a](/en/guides/intro/#start) [b](/old/intro/) [c](/community/irc/)\n"),
    _outside("content/en/guides/intro.md", ["content/en/p.md"], 'title: "Intro"', body="## Begin\n"),
    _outside("content/en/community.md", ["content/en/p.md"], 'title: "Community"', "redirects: [{from: irc}]"),
    _edit("content/en/p.md", 'title: "P"', body="[c](/community/irc/) [d](/community/slack/) [e](/chat/)\n"),
    _outside("content/en/guides/intro.md", ["content/en/p.md"], 'title: "Intro"', 'url: "/intro/"'),
]


MOVED_STEPS = [  # (a URL names the page of its language: the keys a run over a few files indexes must follow it)
    _edit("content/fr/docs/use.md", 'title: "Utiliser"', body=FRENCH_LINKS),
    _files({"content/en/docs/other/install.md": page('title: "Install too"')}, ["content/fr/docs/use.md"]),
    _delete("content/en/docs/other/install.md", ["content/fr/docs/use.md"]),
    _edit("content/fr/docs/use.md", 'title: "Utiliser"', body=FRENCH_LINKS + "\n## Suite\n"),
    _outside("content/en/docs/new/install.md", ["content/fr/docs/use.md"], 'title: "Install"', 'url: "/setup/"'),
]


TERMS_STEPS = [  # (each language's terms counted over the whole site, and only its own)
    _edit("content/fr/b3.md", 'title: "B3"', 'tags: ["Application", "Ops"]'),  # the kept French spellings decide
    _edit("content/en/a.md", 'title: "A"', 'tags: ["application", "ops"]'),
    _files(
        {
            "content/en/c.md": page('title: "C"', 'tags: ["Application"]'),
            "content/en/d.md": page('tags: ["Application"]'),
        },
        ["content/en/a.md"],
    ),
    _edit("content/fr/b1.md", 'title: "B1"', 'tags: ["ops"]'),
]


@pytest.mark.parametrize(
    ("site", "steps"),
    [
        *((FAULTY_SITE, steps) for steps in SEQUENCES.values()),
        (STARLIGHT_SITE, STARLIGHT_STEPS),
        (DOCUSAURUS_SITE, DOCUSAURUS_STEPS),
        (I18N_SITE, I18N_STEPS),
        (JEKYLL_SITE, JEKYLL_STEPS),
        (BOILERPLATE_SITE, BOILERPLATE_STEPS),
        (HTML_SITE, HTML_STEPS),
        (MOUNTED_SITE, MOUNTED_STEPS),
        (REDIRECT_SITE, REDIRECT_STEPS),
        (TERMS_SITE, TERMS_STEPS),
        ({**MOVED_I18N_SITE, "content/fr/docs/use.md": page('title: "Utiliser"')}, MOVED_STEPS),
    ],
    ids=[
        *SEQUENCES.keys(),
        "a Starlight site",
        "a Docusaurus site",
        "a Docusaurus site with a locale",
        "a Jekyll site",
        "a Hugo site whose shortcodes render other files",
        "a Hugo site with HTML pages",
        "a Hugo site whose languages mount one folder",
        "a Hugo site whose template writes _redirects",
        "a Hugo site whose languages have their own terms",
        "a Hugo site whose pages moved, named by URL in two languages",
    ],
)
def test_incremental_runs_find_what_a_run_from_scratch_finds(tmp_path, site, steps):
    write(tmp_path, site)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert site_findings(tmp_path, cache=cache) == site_findings(tmp_path)  # the findings and facts are kept
    for number, step in enumerate(steps):
        files = step(tmp_path)
        fresh = site_findings(tmp_path, files or None)
        assert site_findings(tmp_path, files or None, cache) == fresh, f"step {number}"
        assert site_findings(tmp_path, files or None, cache) == fresh, f"step {number}, again"
        assert site_findings(tmp_path, cache=cache) == site_findings(tmp_path), f"step {number}, whole site"
    forget_sites()


def _kept_faulty_site(root: Path) -> ResultCache:
    """The faulty site, checked whole with a cache: its findings kept."""
    write(root, FAULTY_SITE)
    cache = ResultCache(root / ".cache", racy_ns=0)
    site_findings(root, cache=cache)
    return cache


def _agree(root: Path, cache: ResultCache, steps: list[Step]) -> None:
    """After each step, its run with the cache (twice) finds what a run without it finds."""
    for number, step in enumerate(steps):
        files = step(root)
        assert site_findings(root, files, cache) == site_findings(root, files), f"step {number}"
        assert site_findings(root, files, cache) == site_findings(root, files), f"step {number}, again"


def test_a_run_over_changed_files_reads_the_facts_of_the_files_their_findings_depend_on(tmp_path, monkeypatch):
    cache = _kept_faulty_site(tmp_path)
    read: list[str] = []
    load_facts = ResultCache.load_facts

    def recorded(self: ResultCache, wanted: dict[str, tuple[str, str]]) -> dict[str, SiteFacts]:
        read.extend(os.path.relpath(path, tmp_path) for _, path in wanted.values())
        return load_facts(self, wanted)

    monkeypatch.setattr(ResultCache, "load_facts", recorded)
    body = '{{< ref "install#options" >}} {{< ref "../install#none" >}} [s](sibling.md#x)\n'
    _edit(CHILD, 'title: "Child"', body=body)(tmp_path)
    found = site_findings(tmp_path, [CHILD], cache)
    assert found == site_findings(tmp_path, [CHILD]) and [line.split(" ")[1] for line in found] == ["SITE004"] * 2
    assert sorted(read) == ["content/docs/install.md", "content/docs/sub/sibling.md"]


def test_a_run_over_files_written_a_moment_ago_keeps_the_site_for_the_next(tmp_path, monkeypatch):
    """A pre-commit run's files were often saved a moment ago, too recently for their stamps to be trusted: the
    site's findings are kept all the same (those files with no stamp), so that the next run over them takes
    the partial path instead of indexing the whole site again."""
    write(tmp_path, FAULTY_SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    just_saved = os.stat(tmp_path / CHILD).st_ino
    stamp = cache.stamp
    monkeypatch.setattr(cache, "stamp", lambda status, now: None if status.st_ino == just_saved else stamp(status, now))
    wholes = whole_indexes(monkeypatch)
    assert site_findings(tmp_path, [CHILD], cache) == site_findings(tmp_path, [CHILD])
    assert len(wholes) == 2  # (the run with the cache, and the one without)
    for body in ('{{< ref "install#options" >}}\n', '{{< ref "install#none" >}}\n'):
        _edit(CHILD, 'title: "Child"', body=body)(tmp_path)
        del wholes[:]
        found = site_findings(tmp_path, [CHILD], cache)
        assert len(wholes) == 0 and found == site_findings(tmp_path, [CHILD])
    assert [line.split(" ")[1] for line in found] == ["SITE004"]


def test_files_outside_the_run_whose_facts_did_not_change_leave_the_partial_path(tmp_path, monkeypatch):
    """A pull that edits prose, a checkout or a touch gives files outside the run new stamps: their facts are
    read again, and while they are as kept the run still takes what was kept (and keeps their new stamps)."""
    cache = _kept_faulty_site(tmp_path)
    wholes = whole_indexes(monkeypatch)
    steps = [
        _prose("content/docs/install.md", [CHILD]),
        _edit(CHILD, 'title: "Child"', body='{{< ref "install#options" >}} {{< ref "install#none" >}}\n'),
        _touch("content/docs/sub/sibling.md", [CHILD]),
        _edit(CHILD, 'title: "Child"', body='{{< ref "sibling" >}} {{< ref "install#gone" >}}\n'),
    ]
    _agree(tmp_path, cache, steps)
    assert len(wholes) == 2 * len(steps)  # (only the runs without the cache)


def test_files_outside_the_run_whose_facts_changed_are_indexed_with_its_files(tmp_path, monkeypatch):
    """A pull that changes facts of files outside the run (a heading gone, a term respelt, a URL claimed): they
    are indexed with their facts now beside the run's files, their kept keys left out, pull after pull, and
    the site is not indexed whole until they are too many."""
    cache = _kept_faulty_site(tmp_path)
    wholes = whole_indexes(monkeypatch)
    steps = [
        _outside("content/docs/install.md", [CHILD], 'title: "Install"', body="## Gone\n"),
        _outside("content/posts/ai1.md", ["content/posts/ai3.md"], 'title: "AI one"', 'tags: ["ML"]'),  # (AI: once)
        _outside("content/docs/sub/sibling.md", [CHILD], 'title: "Sibling"', 'url: "/docs/install/"'),
        _edit(CHILD, 'title: "Child"', body='{{< ref "install#gone" >}} {{< ref "sibling" >}} [a](../install.md#x)\n'),
        _outside("content/docs/install.md", ["content/posts/ai2.md", CHILD], 'title: "Install"', 'tags: ["Ai"]'),
        _prose("content/posts/ai1.md", ["content/posts/ai2.md"]),
    ]
    _agree(tmp_path, cache, steps)
    assert len(wholes) == 2 * len(steps)  # (only the runs without the cache)
    monkeypatch.setattr(sitepass, "_PARTIAL_RUN", 3)  # (the run's file and the three changed: too many)
    del wholes[:]
    assert site_findings(tmp_path, [CHILD], cache) == site_findings(tmp_path, [CHILD])
    assert len(wholes) == 2  # the whole site, kept: the next run takes what was kept
    assert site_findings(tmp_path, [CHILD], cache) == site_findings(tmp_path, [CHILD]) and len(wholes) == 3


def test_a_list_made_a_taxonomy_is_read_from_files_whose_results_were_kept(tmp_path):
    """A file's facts keep the front-matter lists its site's checks read (not ``keywords``); its key in the
    result cache names them, so that a list the configuration makes a taxonomy is read from it again."""
    terms = {"content/posts/s0.md": "Go", "content/posts/s1.md": "go", "content/posts/s2.md": "Go"}
    files = {name: page(f'title: "{name}"', f'series: ["{term}"]', 'keywords: ["x"]') for name, term in terms.items()}
    write(tmp_path, {"hugo.toml": 'baseURL = "https://example.org/"\n', **files})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert site_findings(tmp_path, cache=cache) == []
    assert _lists_kept(tmp_path) == []
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n[taxonomies]\nserie = "series"\n')
    forget_sites()
    found = site_findings(tmp_path, cache=cache)
    assert found == site_findings(tmp_path)
    assert [line.split(" ")[:2] for line in found] == [["content/posts/s1.md:3:10-3:14", "SITE002"]]
    assert _lists_kept(tmp_path) == ["series"]
    forget_sites()


def _lists_kept(root: Path) -> list[str]:
    [facts] = [page.facts for page in index_of(root).pages if page.file and page.file.endswith("s0.md")]
    return sorted(facts.lists)

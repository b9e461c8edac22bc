"""Starlight sites: pages' URLs as an Astro build writes them, root-relative links and anchors checked.

The URLs of :data:`ORACLE_FILES` were read off a real build (Astro 7.3.5,
Starlight 0.42.4: ``npx astro build``, every ``index.html`` of ``dist/``);
with ``FMLINT_ASTRO_PROJECT`` naming a folder where ``npm install astro
@astrojs/starlight`` was run (and Node.js 22 on ``PATH``), the build is run
again here.  The github-slugger IDs were printed by github-slugger 2.0.0.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from fmlint.site.anchors import SLUGIFIERS
from fmlint.site.config import forget_sites, read_site
from fmlint.site.starlight import Starlight
from tests.test_site_rules import at, index_of, page, placed, site_findings, write

CONTENT_CONFIG = """import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
"""
ASTRO_CONFIG = """import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'T', defaultLocale: 'root', locales: {
    root: { label: 'English', lang: 'en' }, fr: { label: 'Français', lang: 'fr' }, 'pt-br': { label: 'PT', lang: 'pt-BR' },
  } })],
});
"""
DOCS = "src/content/docs/"
ORACLE_FILES = {
    "index.mdx": ("title: Home",),
    "guides/Getting Started.md": ("title: A",),
    "guides/C++ & Go.md": ("title: C",),
    "guides/v1.2 Release.md": ("title: V",),
    "guides/snake_case.md": ("title: S",),
    "guides/Café Crème.md": ("title: Cafe",),
    "guides/日本語.md": ("title: J",),
    "guides/index.md": ("title: Guides",),
    "guides/_partial.md": ("title: P",),  # not a page: its name starts with `_`
    "guides/b.md": ("title: B", "slug: custom/place"),
    "guides/draft.md": ("title: D", "draft: true"),  # not built for production
    "Reference/API Index/index.mdx": ("title: R",),
    "Reference/API Index/Deep--Name.mdx": ("title: R2",),
    "_hidden/page.md": ("title: H",),  # a folder's `_` does not hide it
    "fr/index.mdx": ("title: FA",),
    "fr/guides/Getting Started.md": ("title: FG",),
    "fr/guides/own.md": ("title: FO",),
    "pt-br/guides/b.md": ("title: PB", "slug: pt-br/custom/place"),
}
# the pages of the root locale; with every one of them in each other locale (a fallback page when it has no
# translation: `/fr/guides/c--go/` renders `guides/C++ & Go.md`), and French's own page, the pages of the build
ROOT_PAGES = (
    "/",
    "/_hidden/page/",
    "/custom/place/",
    "/guides/",
    "/guides/c--go/",
    "/guides/café-crème/",
    "/guides/getting-started/",
    "/guides/snake_case/",
    "/guides/v12-release/",
    "/guides/日本語/",
    "/reference/api-index/",
    "/reference/api-index/deep--name/",
)
BUILT = {*ROOT_PAGES, *(f"/{locale}{path}" for locale in ("fr", "pt-br") for path in ROOT_PAGES), "/fr/guides/own/"}


def oracle_site(root: Path) -> None:
    files = {DOCS + name: page(*front, body="x\n") for name, front in ORACLE_FILES.items()}
    write(root, {"astro.config.mjs": ASTRO_CONFIG, "src/content.config.ts": CONTENT_CONFIG, **files})


def built_by_fmlint(root: Path) -> set[str]:
    """The URLs of the pages fmlint's index gives, and of the fallback pages each locale gets."""
    starlight = read_site(str(root)).starlight
    assert starlight is not None
    urls = {p.url for p in index_of(root).pages if p.renders}
    for url in list(urls):
        if starlight.locale_of(url.strip("/")) == starlight.default_locale:
            urls |= {f"/{locale}{url}" for locale in starlight.locales if f"/{locale}{url}" not in urls}
    return urls


def test_page_urls_match_an_astro_build(tmp_path):
    oracle_site(tmp_path)
    assert built_by_fmlint(tmp_path) == BUILT


ASTRO_PROJECT = os.environ.get("FMLINT_ASTRO_PROJECT")


@pytest.mark.skipif(not ASTRO_PROJECT or not shutil.which("npx"), reason="no Astro project (FMLINT_ASTRO_PROJECT)")
def test_page_urls_match_astro_building_them_now(tmp_path):
    oracle_site(tmp_path)
    project = Path(str(ASTRO_PROJECT))
    shutil.copy(project / "package.json", tmp_path)  # (its dependencies: Vite bundles them, not the symlink's)
    (tmp_path / "node_modules").symlink_to(project / "node_modules")
    subprocess.run(["npx", "astro", "build"], cwd=tmp_path, check=True, capture_output=True, timeout=600)
    built = {
        "/" + str(path.parent.relative_to(tmp_path / "dist")).replace(os.sep, "/").strip(".") + "/"
        for path in (tmp_path / "dist").rglob("index.html")
    }
    assert built_by_fmlint(tmp_path) == {url.replace("//", "/") for url in built}


@pytest.mark.parametrize(
    ("heading", "github_slugger"),
    [  # github-slugger 2.0.0's `slug()`
        ("सामग्री-आधारित", "सामग्री-आधारित"),  # combining marks are kept
        ("خادم أولاً", "خادم-أولاً"),
        ("x² ‿y Ⓐb", "x-‿y-ⓐb"),
        ("Café Crème", "café-crème"),
        ("C++ & Go", "c--go"),
        ("v1.2 Release", "v12-release"),
        ("Tab\there", "tabhere"),
        ("emoji 🚀 launch", "emoji--launch"),
        ("Ⅻ ½ 3", "ⅻ--3"),
        ("snake_case", "snake_case"),
    ],
)
def test_github_slugger_ids(heading, github_slugger):
    assert SLUGIFIERS["github-slugger"](heading) == github_slugger


def test_links_anchors_drafts_and_collisions_at_exact_positions(tmp_path):
    links = (
        "[a](/guides/missing/) [b](/guides/getting-started/#nope) [c](/guides/draft/)\n\n"
        # near-misses: a fallback page, a heading's ID (with combining marks), the top of the page, a slug, no
        # trailing slash, a redirect, a public file, a route of src/pages, a link outside the site's base
        "[d](/fr/guides/c--go/) [e](/guides/getting-started/#सामग्री-आधारित) [f](#_top) [g](#top)\n"
        "[h](/custom/place/) [i](/guides/getting-started) [j](/old/) [k](/favicon.svg) [l](/en/install/)\n"
    )
    write(
        tmp_path,
        {
            "astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
            "import { localesConfig } from './config/locales';\n"
            "export default { redirects: { '/old/': '/guides/' }, integrations: [starlight({ title: 'T',"
            " defaultLocale: 'root', locales: localesConfig })] };\n",
            "config/locales.ts": "export const localesConfig = { root: { label: 'English' }, fr: { label: 'FR' } };\n",
            "public/_redirects": "/*  /404/  404\n",  # a custom error page hides nothing
            "public/favicon.svg": "<svg/>",
            "src/pages/[lang]/install.astro": "---\n---\n",
            DOCS + "guides/Getting Started.md": page("title: A", body="## सामग्री-आधारित\n"),
            DOCS + "guides/getting-started.mdx": page("title: Twin"),  # one ID with the file above
            DOCS + "guides/C++ & Go.md": page("title: C"),
            DOCS + "guides/b.md": page("title: B", "slug: custom/place"),
            DOCS + "guides/draft.md": page("title: D", "draft: true"),
            DOCS + "index.mdx": page("title: Home", body=links),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        "src/content/docs/guides/Getting Started.md:1:1-1:1 SITE001",
        "src/content/docs/guides/getting-started.mdx:1:1-1:1 SITE001",
        f"src/content/docs/index.mdx:{at(5, links, '/guides/missing/')} SITE003",
        f"src/content/docs/index.mdx:{at(5, links, '/guides/getting-started/#nope')} SITE004",
        f"src/content/docs/index.mdx:{at(5, links, '/guides/draft/')} SITE003",
    ]
    assert "both written to `guides/getting-started/index.html`; Astro keeps one of them" in found[0]
    assert "`/guides/draft/` is a draft (`" in found[4] and "guides/draft.md`), which is not built for" in found[4]


def test_a_base_path_and_locales_in_a_subfolder_default(tmp_path):
    """``base: '/docs'``: links name it; `defaultLocale: 'en'` with every page under `en/`; a catch-all page
    (redirects as Astro's docs make them) takes what is outside the locales' prefixes."""
    links = (
        "[a](/docs/en/guide/) [b](/docs/ko/guide/) [c](/docs/ko/gone/) [d](/en/guide/) [e](/docs/guide/) "
        "[f](/docs/en/gone/)\n"
    )
    write(
        tmp_path,
        {
            "astro.config.ts": "import starlight from '@astrojs/starlight';\nexport default { base: '/docs/',"
            " integrations: [starlight({ defaultLocale: 'en', locales: { en: {}, ko: {} } })] };\n",
            "src/pages/[...slug].astro": "---\n---\n",
            DOCS + "en/guide.md": page("title: G"),
            DOCS + "en/index.md": page("title: Home", body=links),
        },
    )
    assert read_site(str(tmp_path)).starlight == Starlight(
        base="/docs", locales=("en", "ko"), default_locale="en", param_routes=("(?:/.*)?",)
    )
    assert placed(site_findings(tmp_path)) == [
        f"src/content/docs/en/index.md:{at(5, links, '/docs/ko/gone/')} SITE003",
        f"src/content/docs/en/index.md:{at(5, links, '/docs/en/gone/')} SITE003",
    ]


SHADOW_LINKS = "[a](/reference/commands/run/#tf-path) [b](/guide/#nope) [c](/other/#nope)\n"


def test_a_docs_page_that_a_page_of_src_pages_writes_over_has_ids_fmlint_does_not_know(tmp_path):
    """terragrunt's docs: `reference/cli/commands/run.md` is an empty placeholder (for the sidebar); its URL is
    written by `src/pages/reference/cli/commands/[...slug].astro`, which Astro prefers to Starlight's catch-all
    route. Fragments into it are not judged; into a page that no such route matches (a catch-all page of
    `src/pages` is no more specific than Starlight's), they are."""
    write(
        tmp_path,
        {
            "astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
            "export default { integrations: [starlight({ title: 'T' })] };\n",
            "src/pages/reference/commands/[...slug].astro": "---\n---\n",
            "src/pages/[...rest].astro": "---\n---\n",
            DOCS + "reference/commands/run.md": page("title: run", body="<!-- written by src/pages -->\n"),
            DOCS + "guide.md": page("title: Guide"),
            DOCS + "other.md": page("title: Other"),
            DOCS + "index.md": page("title: Home", body=SHADOW_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"src/content/docs/index.md:{at(5, SHADOW_LINKS, '/guide/#nope')} SITE004",
        f"src/content/docs/index.md:{at(5, SHADOW_LINKS, '/other/#nope')} SITE004",
    ]


def test_duplicate_titles_are_per_locale(tmp_path):
    """Starlight's docs: `pt-br/index.mdx` and `pt-pt/index.mdx` share their title (two locales' home pages, one
    folder above them): no duplicate; two pages of one locale's folder still are."""
    write(
        tmp_path,
        {
            "astro.config.mjs": ASTRO_CONFIG,
            DOCS + "fr/index.mdx": page("title: Starlight"),
            DOCS + "pt-br/index.mdx": page("title: Starlight"),
            DOCS + "guides/a.md": page("title: Guide"),
            DOCS + "guides/b.md": page("title: Guide"),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        "src/content/docs/guides/a.md:2:8-2:13 SITE006",
        "src/content/docs/guides/b.md:2:8-2:13 SITE006",
    ]


def test_an_astro_site_without_starlight_gets_no_urls(tmp_path):
    write(
        tmp_path,
        {
            "astro.config.mjs": "export default {};\n",
            "src/content/blog/post.md": page("title: P", body="[a](/nowhere/)\n"),
        },
    )
    assert read_site(str(tmp_path)).starlight is None
    assert site_findings(tmp_path) == []


def test_html_and_jsx_links_are_checked_at_their_href(tmp_path):
    """`<a href>` in Markdown (inline and in an HTML block, after CJK text and CRLF line ends) and the string
    `href` of MDX's JSX tags; an `href={…}` expression is code, not checked."""
    markdown = '说明 <a href="/gone/">x</a>\r\n\r\n<div>\r\n<a class="c" href=\'/guide/#nope\'>y</a>\r\n</div>\r\n'
    mdx = (
        'import { LinkCard } from "@astrojs/starlight/components";\n\n'
        '<LinkCard title="G" href="/guide/" />\n<LinkButton href="/missing/">M</LinkButton>\n'
        "<LinkCard title={t} href={url} />\n"
    )
    write(
        tmp_path,
        {
            "astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default {integrations: [starlight()]};\n",
            DOCS + "guide.md": page("title: G", body="## Setup\n"),
            DOCS + "a.md": "---\r\ntitle: A\r\n---\r\n\r\n" + markdown,
            DOCS + "b.mdx": page("title: B", body=mdx),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        "src/content/docs/a.md:5:13-5:19 SITE003",
        "src/content/docs/a.md:8:20-8:32 SITE004",
        "src/content/docs/b.mdx:8:19-8:28 SITE003",
    ]


@pytest.mark.parametrize("trailing", ["always", "ignore", "never"])
def test_relative_links_are_judged_from_every_url_of_the_page(tmp_path, trailing):
    """With `trailingSlash: 'always'` a page is at `/guides/a/` only, so `../b/` is `/guides/b/`; otherwise
    it may be read at `/guides/a` too, where `../b/` is `/b/` and `./b/` is `/guides/b/`: a link is broken
    when neither URL leads to a page (`../c/`: `/guides/c/` or `/c/`)."""
    write(
        tmp_path,
        {
            "astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
            f"export default {{trailingSlash: '{trailing}', integrations: [starlight()]}};\n",
            DOCS + "guides/a.md": page("title: A", body="[b](../b/#setup) [c](../c/) [d](./#top) [e](./b/)\n"),
            DOCS + "guides/b.md": page("title: B", body="## Setup\n"),
        },
    )
    found = site_findings(tmp_path)
    expected = ["src/content/docs/guides/a.md:5:22-5:27 SITE003"]
    if trailing == "always":
        expected.append("src/content/docs/guides/a.md:5:45-5:49 SITE003")
    assert placed(found) == expected
    message = next(finding for finding in found if ":5:22-" in finding)
    if trailing == "always":
        assert "leads to `/guides/c/`, which" in message
    else:
        assert "leads to `/guides/c/` or `/c/` (the page is read with and without its trailing slash)" in message


def test_redirects_spread_from_an_imported_module(tmp_path):
    """Biome's website: `redirects: {...redirects, '/old': …}` with `redirects` the default export of a
    generated module; locales from a named import."""
    config = (
        "import starlight from '@astrojs/starlight';\nimport redirects from './redirects.js';\n"
        "import { locales } from './config/locales';\n"
        "export default { redirects: { ...redirects, '/old/': '/guide/' }, integrations: [starlight({ locales })] };\n"
    )
    links = "[a](/rules/no-console-log/) [b](/old/) [c](/fr/guide/) [d](/rules/gone/)\n"
    write(
        tmp_path,
        {
            "astro.config.mjs": config,
            "redirects.js": "// generated\nexport default {\n  '/rules/no-console-log': '/rules/no-console/',\n};\n",
            "config/locales.ts": "export const locales = { root: { label: 'English' }, fr: { label: 'FR' } };\n",
            DOCS + "guide.md": page("title: G"),
            DOCS + "index.md": page("title: Home", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"src/content/docs/index.md:{at(5, links, '/rules/gone/')} SITE003"]


TAURI_LINKS = (
    "[a](/zh-cn/guide/#setup) [b](/about/intro/) [c](/guide/#foobar) [d](/guide/#before--after) [e](/guide/#foo--bar)\n"
)


def test_tauri_docs_locales_from_json_redirect_keys_without_a_slash_and_smartypants_dashes(tmp_path):
    """tauri-docs: `import locales from './locales.json'`, a redirect `'about/intro': '/about/'`; Astro's
    smartypants (on by default) makes dashes of `--` in headings, which github-slugger drops (an Astro build
    gives `#foobar` and `#before--after`)."""
    config = (
        "import starlight from '@astrojs/starlight';\nimport locales from './locales.json';\n"
        "export default { redirects: { 'about/intro': '/about/' }, integrations: [starlight({ locales })] };\n"
    )
    write(
        tmp_path,
        {
            "astro.config.mjs": config,
            "locales.json": '{"root": {"label": "English", "lang": "en"}, "zh-cn": {"label": "简体中文"}}',
            DOCS + "guide.md": page("title: Guide", body="## Setup\n\n## Foo--bar\n\n## Before -- after\n"),
            DOCS + "about.md": page("title: About"),
            DOCS + "zh-cn/index.md": page("title: 首页", body=TAURI_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"{DOCS}zh-cn/index.md:{at(5, TAURI_LINKS, '/guide/#foo--bar')} SITE004"]
    for off in ("smartypants: false", "processor: satteri({ features: { smartPunctuation: false } })"):
        write(tmp_path, {"astro.config.mjs": config.replace("redirects:", f"markdown: {{ {off} }}, redirects:")})
        forget_sites()
        found = placed(site_findings(tmp_path))
        assert f"{DOCS}zh-cn/index.md:{at(5, TAURI_LINKS, '/guide/#foobar')} SITE004" in found and len(found) == 2


@pytest.mark.parametrize(
    "plugins",
    [
        "",
        "markdown: { remarkPlugins: [] },",
        # (knip.dev: Astro 6.4's Sätteri processor, whose mdast plugin strips `.md` and `.mdx`)
        "markdown: { processor: satteri({ mdastPlugins: [fixInternalLinks] }) },",
    ],
)
def test_links_to_markdown_files_and_braced_ids_as_astro_writes_them(tmp_path, plugins):
    """withastro/docs, judged with its own build and link checker: Astro writes `[x](./routing.mdx)` as it is (a
    404 at `/guides/imports/routing.mdx`), and reads no `{#id}` (`## Custom {#mine}` is `#custom-mine`). A
    configuration that adds remark or rehype plugins (Sätteri's mdast or hast ones) may rewrite links: there
    the file is what counts."""
    links = "[a](./routing.md) [b](./routing.md#custom-mine) [c](#mine) [d](/guides/routing/#mine)\n"
    write(
        tmp_path,
        {
            "astro.config.mjs": ASTRO_CONFIG.replace("integrations:", plugins + "\n  integrations:"),
            "src/content.config.ts": CONTENT_CONFIG,
            DOCS + "guides/routing.md": page("title: Routing", body="## Custom {#mine}\n"),
            DOCS + "guides/imports.md": page("title: Imports", body="## Own {#mine}\n\n" + links),
        },
    )
    found = site_findings(tmp_path)
    as_written = ["./routing.md", "./routing.md#custom-mine"]
    written = [] if plugins else [f"{DOCS}guides/imports.md:{at(7, links, link)} SITE003" for link in as_written]
    ids = [f"{DOCS}guides/imports.md:{at(7, links, target)} SITE004" for target in ("#mine", "/guides/routing/#mine")]
    assert placed(found) == written + ids
    if not plugins:
        assert found[0].endswith(
            "`./routing.md` is written as it is (Astro rewrites no link): the browser asks for "
            "`/guides/imports/routing.md`; link to its page, `/guides/routing/`"
        )


def test_a_remark_plugin_reading_braced_ids_makes_them_the_headings_ids(tmp_path):
    """ratatui.rs adds remark-custom-heading-id, which reads `## Widgets 🧩 {#widgets}` as the ID `widgets`
    (6 false SITE004, with the IDs taken from the whole text, `#widgets--widgets`, suggested)."""
    links = "[a](#mine) [b](/guides/routing/#mine) [c](#custom-mine) [d](/guides/routing/#other)\n"
    plugin = 'import { remarkHeadingId } from "remark-custom-heading-id";\n'
    config = plugin + ASTRO_CONFIG.replace(
        "integrations:", "markdown: { remarkPlugins: [remarkHeadingId] },\n  integrations:"
    )
    write(
        tmp_path,
        {
            "astro.config.mjs": config,
            "src/content.config.ts": CONTENT_CONFIG,
            DOCS + "guides/routing.md": page("title: Routing", body="## Custom 🧩 {#mine}\n\n## Other\n"),
            DOCS + "guides/imports.md": page("title: Imports", body="## Own {#mine}\n\n" + links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"{DOCS}guides/imports.md:{at(7, links, '#custom-mine')} SITE004"]


GENERATED_LINKS = (
    "[a](/reference/config/) [b](/fr/reference/cli/) [c](/reference/javascript/api/x/) [d](/reference/nope/)\n"
)


def test_pages_git_ignores_in_the_docs_collection_are_written_by_a_build_step(tmp_path):
    """tauri's docs (100 links): `src/content/docs/reference/.gitignore` names `config.md`, `cli.mdx` and
    `javascript/*`, which scripts write before Astro builds; links to those pages are not judged (whatever the
    case of the file's name: Starlight's slugs are lowercase), a page git does not ignore is still reported, and
    outside a repository every missing page is."""
    write(
        tmp_path,
        {
            "astro.config.mjs": ASTRO_CONFIG,
            "src/content.config.ts": CONTENT_CONFIG,
            DOCS + "reference/.gitignore": "config.md\nCLI.mdx\njavascript/*\n!javascript/index.mdx\n",
            DOCS + "index.mdx": page("title: Home", body=GENERATED_LINKS),
        },
    )
    (tmp_path / ".git").mkdir()
    assert placed(site_findings(tmp_path)) == [
        f"src/content/docs/index.mdx:{at(5, GENERATED_LINKS, '/reference/nope/')} SITE003"
    ]
    (tmp_path / ".git").rmdir()
    forget_sites()
    assert len(site_findings(tmp_path)) == 4


VALIDATOR_CONFIG = """import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
export default defineConfig({
  integrations: [starlight({ title: 'T', plugins: [starlightLinksValidator({
    errorOnInvalidHashes: false,
    exclude: ['/changelog/**/*', '/dashboard/', "/rules/**/*", 'https://example.org/x'],
  })] })],
});
"""
UNVALIDATED_LINKS = "[a](/changelog/v1/) [b](/dashboard/) [c](/rules/gone/) [d](/rules/a/) [e](/other/)\n"


def test_paths_the_sites_link_validator_excludes_where_no_page_is(tmp_path):
    """biome's docs (9 links): starlight-links-validator's `exclude` names the routes plugins make
    (`/internals/changelog/**/*`, lunaria's `/i18n-dashboard/`), which fmlint cannot know either; a glob over
    a folder of the docs (`/linter/rules/**/*`) leaves links to missing pages reported (biome's renamed rules).
    (A folder, not the pages the index holds: a run over a few files indexes a part of the site.)"""
    write(
        tmp_path,
        {
            "astro.config.mjs": VALIDATOR_CONFIG,
            "src/content.config.ts": CONTENT_CONFIG,
            DOCS + "rules/a.md": page("title: A"),
            DOCS + "index.mdx": page("title: Home", body=UNVALIDATED_LINKS),
        },
    )
    assert read_site(str(tmp_path)).starlight.unvalidated_globs == (
        ("/changelog", "/changelog(?:/.*)?/[^/]*"),
        ("", "/dashboard"),
        ("/rules", "/rules(?:/.*)?/[^/]*"),
    )
    assert placed(site_findings(tmp_path)) == [
        f"src/content/docs/index.mdx:{at(5, UNVALIDATED_LINKS, '/rules/gone/')} SITE003",
        f"src/content/docs/index.mdx:{at(5, UNVALIDATED_LINKS, '/other/')} SITE003",
    ]


TRAILING_HEADINGS = (
    "## `<Picture />`\n\n## Badge <span />\n\n## Why?\n\n[a](#picture) [b](#picture-) [c](#badge) [d](#badge-)\n"
)


@pytest.mark.parametrize(
    ("package", "config", "missing"),
    [
        # (Astro 5.18.2's build of this page writes `picture`, `badge` and `why`)
        ('{"dependencies": {"astro": "^5.18.2"}}', "", ["#picture-", "#badge-"]),
        ('{"dependencies": {"astro": "^5.18.2"}}', "experimental: { headingIdCompat: true }, ", ["#picture", "#badge"]),
        ('{"dependencies": {"astro": "^7.3.5"}}', "", ["#picture", "#badge"]),
        ("{}", "", ["#picture", "#badge"]),
    ],
)
def test_astro_before_6_takes_a_trailing_dash_off_heading_ids(tmp_path, package, config, missing):
    """Astro 5 takes one trailing `-` off a heading's slug (`## `<Picture />``: `picture`) unless
    `experimental.headingIdCompat` is set; Astro 6 and later keep it, as github-slugger writes it. The version is
    the `astro` of `package.json` (none: today's)."""
    write(
        tmp_path,
        {
            "package.json": package,
            "astro.config.mjs": ASTRO_CONFIG.replace("integrations:", config + "integrations:"),
            "src/content.config.ts": CONTENT_CONFIG,
            DOCS + "d.mdx": page("title: D", body=TRAILING_HEADINGS),
        },
    )
    links = TRAILING_HEADINGS.splitlines()[-1]
    columns = [(links.index(f"({fragment})") + 2, fragment) for fragment in missing]  # (inside the parentheses)
    assert placed(site_findings(tmp_path)) == [
        f"src/content/docs/d.mdx:11:{column}-11:{column + len(fragment)} SITE004" for column, fragment in columns
    ]


ROUTES = {
    "astro.config.mjs": "export default {}\n",
    "src/pages/about.md": "\ufeff---\r\ntitle: 关于 🎉\r\n---\r\n# About\r\n",  # (a BOM, CRLF)
    "src/pages/about/index.md": page("title: About, again"),
    "src/pages/index.md": page("title: Home"),
    "src/pages/_hidden/about.md": page("title: Hidden"),  # (`_`: no page)
    "src/pages/_about.md": page("title: Draft"),
    "src/pages/blog.md": page("title: Blog"),  # (`/blog`, beside `/blog/post`)
    "src/pages/blog/post.md": page("title: Post"),
}


def test_two_markdown_pages_on_one_route(tmp_path):
    """An Astro site's (without Starlight) `src/pages/about.md` and `src/pages/about/index.md` are both the route
    `/about`: Astro 5.18 warns ("A static route cannot be defined more than once") and writes one of them to
    `about/index.html`. Not judged where `build.format` writes files (`file`, `preserve`)."""
    write(tmp_path, ROUTES)
    found = site_findings(tmp_path)
    assert placed(found) == ["src/pages/about.md:1:1-1:1 SITE001", "src/pages/about/index.md:1:1-1:1 SITE001"]
    assert found[0].endswith(
        f"this page and the page `{tmp_path / 'src/pages/about/index.md'}:1` are both written to `about/index.html`; "
        "Astro keeps one of them"
    )
    (tmp_path / "astro.config.mjs").write_text("export default {build: {format: 'preserve'}}\n")
    forget_sites()
    assert site_findings(tmp_path) == []


@pytest.mark.skipif(not ASTRO_PROJECT or not shutil.which("npx"), reason="no Astro project (FMLINT_ASTRO_PROJECT)")
def test_astro_warns_of_the_route_defined_twice(tmp_path):
    write(tmp_path, ROUTES)
    project = Path(str(ASTRO_PROJECT))
    shutil.copy(project / "package.json", tmp_path)
    (tmp_path / "node_modules").symlink_to(project / "node_modules")
    built = subprocess.run(
        ["npx", "astro", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=600, check=True
    )  # (a warning: the build goes on)
    log = built.stdout + built.stderr
    assert 'The route "/about" is defined in both "src/pages/about/index.md" and "src/pages/about.md"' in log
    pages = {str(path.relative_to(tmp_path / "dist")) for path in (tmp_path / "dist").rglob("index.html")}
    assert pages == {"index.html", "about/index.html", "blog/index.html", "blog/post/index.html"}

"""Docusaurus sites: pages' URLs as ``docusaurus build`` writes them, root-relative links checked.

The URLs of :data:`ORACLE_FILES` were read off a real build (Docusaurus 3,
``npx docusaurus build``, every ``index.html`` of ``build/``); with
``FMLINT_DOCUSAURUS_PROJECT`` naming a folder where ``npm install
@docusaurus/core @docusaurus/preset-classic react react-dom`` was run (and
Node.js 22 on ``PATH``), the build is run again here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fmlint.cli import main
from fmlint.site.config import forget_sites, read_site, site_of
from tests.test_site_rules import at, index_of, page, placed, site_findings, write

CONFIG = """module.exports = {
  title: 'T', url: 'https://example.org', baseUrl: '/',
  onBrokenLinks: 'warn', onBrokenMarkdownLinks: 'warn',
  presets: [['classic', {docs: {sidebarPath: undefined}, blog: {showReadingTime: false, onUntruncatedBlogPosts: 'ignore'}, theme: {}}]],
};
"""
ORACLE_FILES = {
    "docs/intro.md": ("title: Intro",),
    "docs/01-getting-started/index.md": ("title: GS",),  # a number prefix; an index is its folder's page
    "docs/01-getting-started/02-install.md": ("title: Install",),
    "docs/01-getting-started/03-Setup Guide.md": ("title: Setup",),  # case and spaces kept
    "docs/guides/README.md": ("title: Readme",),
    "docs/guides/2021-01-01-dated.md": ("title: Dated doc",),  # a date is no number prefix
    "docs/guides/v1.2-notes.md": ("title: V notes",),
    "docs/guides/with-id.md": ("title: With id", "id: custom-id"),
    "docs/reference/index.md": ("title: Reference", "id: index"),  # a category index whatever its id (prettier)
    "docs/guides/rel-slug.md": ("title: Rel slug", "slug: relative-slug"),
    "docs/guides/abs-slug.md": ("title: Abs slug", "slug: /absolute/slug"),
    "docs/guides/draft.md": ("title: Draft", "draft: true"),  # not built
    "docs/guides/_partial.md": ("title: Partial",),  # not a page
    "docs/Api Reference/Some_File.mdx": ("title: Api",),
    "blog/2021-01-02-welcome.md": ("title: Welcome",),
    "blog/2022-03-04-bundle/index.md": ("title: Bundle",),
    "blog/2023-05-06-slugged.md": ("title: Slugged", "slug: my-slug"),
    "blog/plain-post.md": ("title: Plain", "date: 2020-01-01"),
    "src/pages/about.md": ("title: About",),
    "src/pages/nested/index.mdx": ("title: Nested",),
    "src/pages/_hidden.md": ("title: Hidden",),
}
# the build's content pages (it also writes /blog/ and /blog/archive/: pages the blog plugin makes)
BUILT = {
    "/about/",
    "/blog/2021/01/02/welcome/",
    "/blog/2022/03/04/bundle/",
    "/blog/my-slug/",
    "/blog/plain-post/",
    "/docs/Api Reference/Some_File/",
    "/docs/absolute/slug/",
    "/docs/getting-started/",
    "/docs/getting-started/Setup Guide/",
    "/docs/getting-started/install/",
    "/docs/guides/",
    "/docs/guides/2021-01-01-dated/",
    "/docs/guides/custom-id/",
    "/docs/guides/relative-slug/",
    "/docs/guides/v1.2-notes/",
    "/docs/intro/",
    "/docs/reference/",
    "/nested/",
}


def oracle_site(root: Path) -> None:
    write(root, {"docusaurus.config.js": CONFIG, **{name: page(*front) for name, front in ORACLE_FILES.items()}})


def built_by_fmlint(root: Path) -> set[str]:
    return {page.url.rstrip("/") + "/" for page in index_of(root).pages if page.renders}


VERSIONED_FILES = {
    "docs/intro.md": ("title: Intro next",),  # the current version: under /next
    "docs/new-page.md": ("title: New",),
    "docs/guides/02-setup.md": ("title: Setup",),
    "versioned_docs/version-2.0/intro.md": ("title: Intro 2",),  # the last version: at the route base
    "versioned_docs/version-2.0/guides/02-setup.md": ("title: Setup 2",),
    "versioned_docs/version-2.0/old-slug.md": ("title: Old", "slug: /moved"),
    "versioned_docs/version-1.0/intro.md": ("title: Intro 1",),  # an older one: under /1.0
}
VERSIONED_BUILT = {
    "/docs/1.0/intro/",
    "/docs/guides/setup/",
    "/docs/intro/",
    "/docs/moved/",
    "/docs/next/guides/setup/",
    "/docs/next/intro/",
    "/docs/next/new-page/",
}
VERSIONED_CONFIG = CONFIG.replace("blog: {showReadingTime: false, onUntruncatedBlogPosts: 'ignore'}", "blog: false")


def versioned_site(root: Path) -> None:
    files = {name: page(*front) for name, front in VERSIONED_FILES.items()}
    write(root, {"docusaurus.config.js": VERSIONED_CONFIG, "versions.json": '["2.0", "1.0"]\n', **files})


# versions chosen and placed by the docs plugin's options: 3.0 left out, the current one and 1.0 under paths
# of their own, 2.0 the last one included (at the route base)
CHOSEN_CONFIG = VERSIONED_CONFIG.replace(
    "docs: {sidebarPath: undefined}",
    "docs: {sidebarPath: undefined, onlyIncludeVersions: ['current', '2.0', '1.0'],"
    " versions: {current: {label: 'Canary', path: 'canary'}, '1.0': {banner: 'none', path: 'legacy'}}}",
)
# no current version (its folder's pages are not built); the versions' options in a constant
NO_CURRENT_CONFIG = "const VERSIONS = {'1.0': {path: 'one/'}};\n" + VERSIONED_CONFIG.replace(
    "docs: {sidebarPath: undefined}", "docs: {sidebarPath: undefined, includeCurrentVersion: false, versions: VERSIONS}"
)
VERSION_FILES = ("docs/intro.md", *(f"versioned_docs/version-{v}/intro.md" for v in ("3.0", "2.0", "1.0")))


def chosen_versions_site(root: Path) -> None:
    files = {name: page(f"title: {name}") for name in VERSION_FILES}
    write(root, {"docusaurus.config.js": CHOSEN_CONFIG, "versions.json": '["3.0", "2.0", "1.0"]\n', **files})


def no_current_version_site(root: Path) -> None:
    files = {name: page(f"title: {name}") for name in VERSION_FILES if "3.0" not in name and "2.0" not in name}
    write(root, {"docusaurus.config.js": NO_CURRENT_CONFIG, "versions.json": '["1.0"]\n', **files})


# helm-www: versions named by numbers (unquoted keys) under paths of their own; numbers kept in file names
NUMBERED_CONFIG = VERSIONED_CONFIG.replace(
    "docs: {sidebarPath: undefined}",
    "docs: {sidebarPath: undefined, numberPrefixParser: false, versions: {3: {path: 'v3'}, 2: {path: 'v2'}}}",
)
NUMBERED_FILES = ("docs/001-intro.md", "versioned_docs/version-3/001-intro.md", "versioned_docs/version-2/001-intro.md")


def numbered_versions_site(root: Path) -> None:
    files = {name: page(f"title: {name}") for name in NUMBERED_FILES}
    write(root, {"docusaurus.config.js": NUMBERED_CONFIG, "versions.json": '["3", "2"]\n', **files})


def test_page_urls_match_a_docusaurus_build(tmp_path):
    oracle_site(tmp_path)
    assert built_by_fmlint(tmp_path) == BUILT


PROJECT = os.environ.get("FMLINT_DOCUSAURUS_PROJECT")
needs_docusaurus = pytest.mark.skipif(
    not PROJECT or not shutil.which("npx"), reason="no Docusaurus project (FMLINT_DOCUSAURUS_PROJECT)"
)


def docusaurus_build(root: Path) -> subprocess.CompletedProcess[str]:
    """``docusaurus build`` of the site at ``root`` with the packages of :data:`PROJECT` (into ``root/build``)."""
    project = Path(str(PROJECT))
    if not (root / "node_modules").exists():
        shutil.copy(project / "package.json", root)
        (root / "node_modules").symlink_to(project / "node_modules")
    # (no persistent cache: the project's node_modules/.cache is shared with every site built through it)
    env = {**os.environ, "DOCUSAURUS_NO_PERSISTENT_CACHE": "1"}
    return subprocess.run(
        ["npx", "docusaurus", "build"], check=False, cwd=root, capture_output=True, text=True, timeout=600, env=env
    )


# kairos' docs: `lastVersion` a constant computed from versions.json (taken for the default, its first), and
# that version placed by a computed key, `[latest]: {path: latest}`; the current version at the route base
COMPUTED_LAST_CONFIG = "const latest = require('./versions.json')[0];\n" + VERSIONED_CONFIG.replace(
    "docs: {sidebarPath: undefined}",
    "docs: {sidebarPath: undefined, lastVersion: latest, versions: {current: {path: ''}, [latest]: {path: latest}}}",
)
COMPUTED_LAST_BUILT = {"/docs/intro/", "/docs/2.0/intro/", "/docs/1.0/intro/"}


def computed_last_version_site(root: Path) -> None:
    files = {name: page(f"title: {name}") for name in VERSION_FILES if "3.0" not in name}
    write(root, {"docusaurus.config.js": COMPUTED_LAST_CONFIG, "versions.json": '["2.0", "1.0"]\n', **files})


def test_the_last_version_placed_by_a_computed_key(tmp_path):
    """kairos' docs: 204 SITE001, each current doc and its v4.2.0 copy both taken to be at `/docs/…`."""
    computed_last_version_site(tmp_path)
    assert built_by_fmlint(tmp_path) == COMPUTED_LAST_BUILT


# ionic-docs: the docs plugin's `exclude` (picomatch globs from its folder, each version's too) replaces the
# default, which left out `_` files: `README.md` is the top one alone, `**/` any number of folders
EXCLUDE_CONFIG = VERSIONED_CONFIG.replace(
    "docs: {sidebarPath: undefined}", "docs: {sidebarPath: undefined, exclude: ['README.md', '**/skip-*.md']}"
)
EXCLUDE_FILES = (
    "docs/README.md",
    "docs/intro.md",
    "docs/guides/README.md",
    "docs/_partial.md",
    "docs/skip-top.md",
    "docs/deep/skip-me.md",
    "docs/deep/kept.md",
    "versioned_docs/version-2.0/README.md",
    "versioned_docs/version-2.0/intro.md",
)
EXCLUDE_BUILT = {
    "/docs/next/intro/",
    "/docs/next/guides/",
    "/docs/next/_partial/",
    "/docs/next/deep/kept/",
    "/docs/intro/",
}


def excluded_files_site(root: Path) -> None:
    files = {name: page(f"title: {name}") for name in EXCLUDE_FILES}
    write(root, {"docusaurus.config.js": EXCLUDE_CONFIG, "versions.json": '["2.0"]\n', **files})


def test_the_docs_plugins_exclude_globs_replace_the_default(tmp_path):
    """ionic-docs' `exclude: ['README.md']` (4 SITE001: `docs/README.md` and the `slug: /` page both at `/`)."""
    excluded_files_site(tmp_path)
    assert built_by_fmlint(tmp_path) == EXCLUDE_BUILT


EXCLUDED_LINKS = "[a](./deep/skip-me.md) [b](./deep/kept.md) [c](/docs/next/deep/skip-me)\n"


def test_files_the_docs_plugins_exclude_names_are_no_pages_and_their_links_are_not_judged(tmp_path):
    """openebs' docs leave out `stateful-applications/**`, orphans whose links are broken (~950 false findings,
    10 versions): an excluded file's links are not judged, and a link to it is broken."""
    excluded_files_site(tmp_path)
    write(
        tmp_path,
        {
            "docs/deep/skip-me.md": page("title: Skip", body="[gone](./nothere.md) [x](/docs/nope)\n"),
            "docs/intro.md": page("title: Intro", body=EXCLUDED_LINKS),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"docs/intro.md:{at(5, EXCLUDED_LINKS, target)} SITE003"
        for target in ("./deep/skip-me.md", "/docs/next/deep/skip-me")
    ]
    assert "`./deep/skip-me.md` is in its content plugin's exclude: Docusaurus builds no page of it" in found[0]


REDIRECTS_CONFIG = CONFIG.replace(
    "presets:",
    "plugins: [['@docusaurus/plugin-client-redirects', {redirects: [{from: '/old', to: '/docs/intro'},"
    " {to: '/docs/intro', from: ['/older/', '/oldest']}]}]],\n  presets:",
)
REDIRECT_LINKS = "[a](/old) [b](/older) [c](/oldest/) [d](/olden)\n"


def test_the_redirect_pages_of_the_client_redirects_plugin_are_pages(tmp_path):
    """openebs' docs: `@docusaurus/plugin-client-redirects` writes a page at each `from` path that sends the
    reader on (110 false SITE003 such as `/introduction/usecases`). A path no redirect names is reported."""
    write(tmp_path, {"docusaurus.config.js": REDIRECTS_CONFIG, "docs/intro.md": page("title: I", body=REDIRECT_LINKS)})
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, REDIRECT_LINKS, '/olden')} SITE003"]
    if PROJECT is None or not (Path(PROJECT) / "node_modules/@docusaurus/plugin-client-redirects").is_dir():
        return
    docusaurus_build(tmp_path).check_returncode()
    for route in ("old", "older", "oldest"):
        assert "/docs/intro" in (tmp_path / "build" / route / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "build/olden").exists()


@needs_docusaurus
@pytest.mark.parametrize(
    ("site", "generated"),
    [
        (oracle_site, {"/blog/", "/blog/archive/"}),
        (versioned_site, set()),
        (chosen_versions_site, set()),
        (no_current_version_site, set()),
        (numbered_versions_site, set()),
        (excluded_files_site, set()),
        (computed_last_version_site, set()),
    ],
)
def test_page_urls_match_docusaurus_building_them_now(tmp_path, site, generated):
    site(tmp_path)
    docusaurus_build(tmp_path).check_returncode()
    built = {
        "/" + str(path.parent.relative_to(tmp_path / "build")).replace(os.sep, "/").strip(".").strip("/") + "/"
        for path in (tmp_path / "build").rglob("index.html")
    }
    assert built_by_fmlint(tmp_path) == {url.replace("//", "/") for url in built} - generated


def test_root_relative_links_anchors_drafts_and_duplicate_routes(tmp_path):
    links = (
        "[a](/docs/intro#setup) [b](/docs/intro#nope) [c](/docs/gone) [d](/docs/guides/draft) [e](/fr/docs/intro)\n\n"
        # near-misses: pages the blog and docs plugins make, a JavaScript page, a static file, a slug, spaces
        "[f](/blog/tags/x) [g](/docs/category/y) [h](/playground) [i](/img/logo.svg) [j](/files/a.pdf) "
        "[k](/docs/getting-started/Setup%20Guide) [l](/search)\n"
    )
    oracle_site(tmp_path)
    write(
        tmp_path,
        {
            "docusaurus.config.js": CONFIG.replace(
                "baseUrl: '/',", "baseUrl: '/', i18n: {defaultLocale: 'en', locales: ['en', 'fr']},"
            ),
            "docs/intro.md": page("title: Intro", body="## Setup\n\n" + links),
            "docs/guides/guides.md": page("title: Twin"),  # a second index of docs/guides: one route
            "src/pages/playground.tsx": "export default function Playground() { return null; }\n",
            "static/img/logo.svg": "<svg/>",
        },
    )
    assert read_site(str(tmp_path)).docusaurus.locales == ("fr",)
    found = site_findings(tmp_path)
    assert placed(found) == [
        "docs/guides/README.md:1:1-1:1 SITE001",
        "docs/guides/guides.md:1:1-1:1 SITE001",
        f"docs/intro.md:{at(7, links, '/docs/intro#nope')} SITE004",
        f"docs/intro.md:{at(7, links, '/docs/gone')} SITE003",
        f"docs/intro.md:{at(7, links, '/docs/guides/draft')} SITE003",
    ]
    assert "; Docusaurus keeps one of them" in found[0]


def test_plugin_options_declared_as_constants_and_an_mts_configuration(tmp_path):
    """typescript-eslint's website: `docusaurus.config.mts`, a second docs plugin whose options are a typed
    constant (`['@docusaurus/plugin-content-docs', pluginContentDocsOptions]`) at the site's root."""
    config = (
        "const pluginContentDocsOptions: PluginContentDocsOptions = {\n  id: 'base', path: '../../docs',"
        " routeBasePath: '/',\n};\nexport default {baseUrl: '/', presets: [['classic', {docs: {path: 'rules',"
        " routeBasePath: 'rules'}}]],\n  plugins: [['@docusaurus/plugin-content-docs', pluginContentDocsOptions]]};\n"
    )
    links = "[a](/rules/no-any#options) [b](/users/configs) [c](/users/gone)\n"
    write(
        tmp_path,
        {
            "package.json": "{}\n",  # a JavaScript project: its docs folder is the site's, two levels down
            "packages/website/docusaurus.config.mts": config,
            "packages/website/rules/no-any.mdx": page("title: No any", body="## Options\n"),
            "docs/users/Configs.mdx": page("title: Configs", "id: configs", body=links),
        },
    )
    assert placed(site_findings(tmp_path / "packages/website")) == [
        f"../../docs/users/Configs.mdx:{at(6, links, '/users/gone')} SITE003"
    ]
    assert site_of(str(tmp_path / "docs/users/Configs.mdx")) == read_site(str(tmp_path / "packages/website"))


def test_a_configuration_handed_over_to_a_module_in_another_languages_project(tmp_path):
    """buck2 (a Rust project): `website/docusaurus.config.js` is `const { config } = require('./config_impl.ts')`,
    whose classic preset's docs are `'../docs'`, beside `website/` in a folder without `package.json`."""
    links = "[a](/docs/intro#setup) [b](/docs/gone) [c](/docs/intro#gone)\n"
    write(
        tmp_path,
        {
            "Cargo.toml": "[package]\n",
            "website/docusaurus.config.js": "const { config } = require('./config_impl.ts');\nmodule.exports = config\n",
            "website/config_impl.ts": "export const config = {presets: [['classic', {docs: {path: '../docs'}}]]};\n",
            "docs/intro.md": page("title: Intro", body="## Setup\n"),
            "docs/guide.md": page("title: Guide", body=links),
        },
    )
    assert site_of(str(tmp_path / "docs/guide.md")) == read_site(str(tmp_path / "website"))
    assert placed(site_findings(tmp_path / "website")) == [
        f"../docs/guide.md:{at(5, links, '/docs/gone')} SITE003",
        f"../docs/guide.md:{at(5, links, '/docs/intro#gone')} SITE004",
    ]


def test_a_plugin_of_the_sites_own_that_extends_the_blog_plugin_is_the_blog(tmp_path):
    """apache/answer-website: the preset's `blog: false`, and `['./plugins/blog-plugin', {…}]`, whose module
    requires `@docusaurus/plugin-content-blog` to extend it (featured posts): the blog is at `/blog`, from `blog/`.
    A plugin that imports only a type of the docs plugin is no docs plugin."""
    links = "[a](/blog/2024/01/02/hello) [b](/blog/gone) [c](/blog)\n"
    config = (
        "module.exports = {presets: [['classic', {docs: {path: 'docs'}, blog: false}]],\n"
        "  plugins: [['./plugins/blog-plugin', {blogTitle: 'Blog', postsPerPage: 16}],\n"
        "    ['./plugins/typed', {}]]};\n"
    )
    write(
        tmp_path,
        {
            "docusaurus.config.js": config,
            "plugins/blog-plugin.js": "const blog = require('@docusaurus/plugin-content-blog');\n"
            "module.exports = async function (context, options) { return blog.default(context, options); };\n",
            "plugins/typed/index.ts": "import type {PluginOptions} from '@docusaurus/plugin-content-docs';\n",
            "blog/2024-01-02-hello.md": page("title: Hello"),
            "docs/intro.md": page("title: Intro", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, links, '/blog/gone')} SITE003"]


def test_configurations_handing_over_to_each_other_leave_the_defaults(tmp_path):
    links = "[a](#nope)\n"
    write(
        tmp_path,
        {
            "docusaurus.config.js": "module.exports = require('./b');\n",
            "b.js": "module.exports = require('./docusaurus.config.js');\n",
            "docs/p.md": page("title: P", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"docs/p.md:{at(5, links, '#nope')} SITE004"]


def test_versioned_docs_urls_match_a_docusaurus_build(tmp_path):
    versioned_site(tmp_path)
    assert built_by_fmlint(tmp_path) == VERSIONED_BUILT
    links = "[a](/docs/1.0/intro) [b](/docs/next/new-page) [c](/docs/new-page) [d](/docs/2.0/intro)\n"
    write(tmp_path, {"docs/intro.md": page("title: Intro next", body=links)})
    assert placed(site_findings(tmp_path)) == [
        f"docs/intro.md:{at(5, links, '/docs/new-page')} SITE003",  # only in the current version, /next
        f"docs/intro.md:{at(5, links, '/docs/2.0/intro')} SITE003",  # the last version is at /docs/
    ]


@pytest.mark.parametrize(
    ("site", "built", "broken"),
    [
        (chosen_versions_site, {"/docs/canary/intro/", "/docs/intro/", "/docs/legacy/intro/"}, ("3.0", "next")),
        (no_current_version_site, {"/docs/one/intro/"}, ("canary", "3.0", "next", "legacy")),
    ],
)
def test_versions_chosen_and_placed_by_the_docs_options_match_a_docusaurus_build(tmp_path, site, built, broken):
    """``onlyIncludeVersions``, ``includeCurrentVersion: false`` and ``versions.<name>.path`` (also from a
    constant): the URLs ``docusaurus build`` wrote for these sites; a left-out version's pages are none."""
    site(tmp_path)
    assert built_by_fmlint(tmp_path) == built
    links = "[a](/docs/canary/intro) [b](/docs/3.0/intro) [c](/docs/next/intro) [d](/docs/legacy/intro)\n"
    write(tmp_path, {"versioned_docs/version-1.0/intro.md": page("title: One", body=links)})
    assert placed(site_findings(tmp_path)) == [
        f"versioned_docs/version-1.0/intro.md:{at(5, links, f'/docs/{version}/intro')} SITE003" for version in broken
    ]


def test_versions_named_by_numbers_and_number_prefixes_kept(tmp_path):
    """helm-www: `versions: {3: {path: 'v3'}}` (a number, not a string, as the key: 214 pages had been placed at
    `/docs/3/…`) and `numberPrefixParser: false` (`001-charts.md` is `/docs/001-charts`, not `/docs/charts`)."""
    numbered_versions_site(tmp_path)
    assert built_by_fmlint(tmp_path) == {"/docs/next/001-intro/", "/docs/v3/001-intro/", "/docs/v2/001-intro/"}
    links = "[a](/docs/v3/001-intro) [b](/docs/3/001-intro) [c](/docs/v2/intro) [d](/docs/next/001-intro)\n"
    write(tmp_path, {"versioned_docs/version-3/001-intro.md": page("title: Three", body=links)})
    assert placed(site_findings(tmp_path)) == [
        f"versioned_docs/version-3/001-intro.md:{at(5, links, url)} SITE003"
        for url in ("/docs/3/001-intro", "/docs/v2/intro")
    ]


def test_versions_are_separate_folders_and_a_themes_docs_key_is_no_plugin(tmp_path):
    """Jest's website: the docs in `../docs`, a theme option `docs: {sidebar: …}` (no plugin: its default folder
    is not there), and each version repeating the pages' titles (no duplicate: they are separate folders)."""
    config = (
        "export default {baseUrl: '/', presets: [['classic', {docs: {path: '../docs'}, blog: false}]],"
        " themeConfig: {docs: {sidebar: {hideable: true}}}};\n"
    )
    write(
        tmp_path,
        {
            "package.json": "{}\n",
            "website/docusaurus.config.mjs": config,
            "website/versions.json": '["1.0"]\n',
            "website/versioned_docs/version-1.0/intro.md": page("title: Intro", body="[a](/docs/next/intro)\n"),
            "docs/intro.md": page("title: Intro", body="[a](/docs/intro) [b](/docs/1.0/intro)\n"),
        },
    )
    site = read_site(str(tmp_path / "website"))
    assert [plugin.folder for plugin in site.docusaurus.plugins] == ["../docs", "versioned_docs/version-1.0"]
    assert placed(site_findings(tmp_path / "website")) == [
        f"../docs/intro.md:{at(5, '[a](/docs/intro) [b](/docs/1.0/intro)', '/docs/1.0/intro')} SITE003"
    ]


FOOTNOTE_LINKS = "[a](#user-content-fn-1) [b](#user-content-fnref-1) [c](#footnote-label) [d](#nope) [e](#if)\n"


def test_footnote_anchors_are_not_judged_and_code_holds_no_attribute_ids(tmp_path):
    """prettier's blog: remark-gfm's footnote IDs are the build's, not headings; `{{#if ready}}` in a fence is
    code, not an attribute list (a Docusaurus build reports `#if` as a broken anchor)."""
    body = FOOTNOTE_LINKS + "\nText.[^1]\n\n[^1]: A note.\n\n```hbs\n{{#if ready}}ok{{/if}}\n```\n"
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/a.md": page("title: A", body=body)})
    assert placed(site_findings(tmp_path)) == [
        f"docs/a.md:{at(5, FOOTNOTE_LINKS, '#nope')} SITE004",
        f"docs/a.md:{at(5, FOOTNOTE_LINKS, '#if')} SITE004",
    ]


@pytest.mark.parametrize(
    ("front_matter", "problems"),
    [  # what Docusaurus's own validators (Joi, values converted) accept and reject, as prettier's truth run found
        ('sidebar_position: "3"\ntoc_min_heading_level: "3"\ndraft: "true"\nhide_title: "false"', []),
        ("slug: 5\nsidebar_label: 12\ndescription: 2024\ndisplayed_sidebar: 5\ntitle_meta: 5", []),
        ("last_update:\n  author: A\n  extra: x", []),
        ("id: a/b", [(3, 5, "SC001")]),  # "Document id cannot include slash": the build fails
        ('slug: ""', [(3, 7, "SC001")]),
        # Joi's strings may not be empty unless allowed (helm-www's truth run): the build fails on each
        (
            'sidebar_label: ""\npagination_next: ""\nkeywords: [""]',
            [(3, 16, "SC001"), (4, 18, "SC001"), (5, 12, "SC001")],
        ),
        ('title: ""\ndescription: ""\ncustom_edit_url: ""', []),  # (allowed empty)
        ("tags:\n  - label: x", [(4, 5, "SC003")]),  # a tag object needs its permalink
        (
            "sidebar_position: abc\ntoc_max_heading_level: 7\ndraft: yes",
            [(3, 19, "SC001"), (4, 24, "SC001"), (5, 8, "SC001")],
        ),
    ],
)
def test_the_docusaurus_schema_converts_values_as_its_validators_do(
    tmp_path, capsys, monkeypatch, front_matter, problems
):
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/a.md": page("title: A", front_matter)})
    monkeypatch.chdir(tmp_path)
    main(["--select", "SC", "--format", "json", "docs"])
    assert [(d["line"], d["column"], d["code"]) for d in json.loads(capsys.readouterr().out)] == problems


def test_markdown_files_are_mdx_unless_the_site_says_otherwise(tmp_path, capsys, monkeypatch):
    """Docusaurus 3 reads `.md` as MDX (`markdown.format: 'mdx'`, its default): prettier's truth run had a false
    SITE003 on a link in an MDX comment; with `format: 'detect'` a `.md` file is CommonMark again."""
    body = "import Tabs from '@theme/Tabs';\n\n{/* [old link](/docs/removed) */}\n\n[a](/docs/gone)\n"
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/c.md": page("title: C", body=body)})
    monkeypatch.chdir(tmp_path)

    def broken() -> list[tuple[int, int]]:
        forget_sites()
        main(["--no-cache", "--select", "SITE003", "--format", "json", "docs"])
        return [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)]

    assert broken() == [(9, 5)]
    detect = CONFIG.replace("module.exports = {", "module.exports = {\n  markdown: {format: 'detect'},")
    write(tmp_path, {"docusaurus.config.js": detect})
    assert broken() == [(7, 16), (9, 5)]


I18N_CONFIG = CONFIG.replace(
    "onBrokenLinks: 'warn',",
    "onBrokenLinks: 'warn', onBrokenAnchors: 'warn', i18n: {defaultLocale: 'en', locales: ['en', 'fr']},",
).replace("blog: {showReadingTime: false, onUntruncatedBlogPosts: 'ignore'}", "blog: false")
FR = "i18n/fr/docusaurus-plugin-content-docs/current/"
TRANSLATED_LINKS = (
    "[a](./a.md#foo-bar) [b](#intro) [c](./missing.md) [d](/docs/nothere) [e](/docs/a#fou-barre) [f](/docs/c)\n"
)
UNTRANSLATED_LINKS = "[a](/docs/a#foo-bar) [b](/a.md#foo-bar) [c](/docs/a#fou-barre) [d](./a.md#foo-bar)\n"
I18N_FILES = {
    "docusaurus.config.js": I18N_CONFIG,
    "docs/a.md": page("title: A", body="## Foo bar\n"),
    FR + "a.md": page("title: A", body="## Fou barre\n\n## Custom {/* #custom-id */}\n"),
    FR + "b.md": page("title: B", body=TRANSLATED_LINKS + "\n## Introduction\n"),
    "docs/b.md": page("title: B", body="## Intro\n"),
    "docs/c.md": page("title: C", body=UNTRANSLATED_LINKS),  # untranslated: `fr` shows it as it is
}
I18N_BROKEN = [  # as `docusaurus build` reports them (both locales built)
    ("docs/c.md", UNTRANSLATED_LINKS, "/docs/a#foo-bar", "SITE004"),  # broken in fr only
    ("docs/c.md", UNTRANSLATED_LINKS, "/a.md#foo-bar", "SITE004"),  # (from the content folders: fr's first)
    ("docs/c.md", UNTRANSLATED_LINKS, "/docs/a#fou-barre", "SITE004"),  # broken in en
    (f"{FR}b.md", TRANSLATED_LINKS, "./a.md#foo-bar", "SITE004"),
    (f"{FR}b.md", TRANSLATED_LINKS, "#intro", "SITE004"),
    (f"{FR}b.md", TRANSLATED_LINKS, "./missing.md", "SITE003"),
    (f"{FR}b.md", TRANSLATED_LINKS, "/docs/nothere", "SITE003"),
]


def test_translations_are_pages_of_their_locale(tmp_path):
    """helm-www: `i18n/<locale>/docusaurus-plugin-content-docs/…` holds a locale's translations, never judged (80
    broken anchors missed in 29 translated files); a link from the root gets the locale's prefix (a translated
    page's headings, else the default page's); a page a locale shows untranslated links in that locale too;
    `{/* #id */}` at a heading's end is its ID."""
    write(tmp_path, I18N_FILES)
    found = site_findings(tmp_path)
    assert placed(found) == [f"{name}:{at(5, links, target)} {code}" for name, links, target, code in I18N_BROKEN]
    assert "(in the `fr` locale, which shows this page untranslated)" in found[0]
    assert built_by_fmlint(tmp_path) >= {"/docs/a/", "/fr/docs/a/", "/fr/docs/b/", "/docs/c/"}


@needs_docusaurus
def test_translations_are_judged_as_docusaurus_builds_them_now(tmp_path):
    write(tmp_path, I18N_FILES)
    done = docusaurus_build(tmp_path)
    reported: set[tuple[str, str, str]] = set()  # (broken what, source page, link)
    kind = source = ""
    for line in (done.stdout + done.stderr).splitlines():
        if found := re.match(r"- Broken (link|anchor) on source page path = (\S+):", line):
            kind, source = found.groups()
        elif found := re.match(r"\s+-> linking to (\S+)", line):
            reported.add((kind, source, found.group(1)))
    assert {
        ("anchor", "/docs/c", "/docs/a#fou-barre"),
        ("anchor", "/fr/docs/c", "/fr/docs/a#foo-bar"),  # (c's first two links: one URL)
        ("anchor", "/fr/docs/b", "/fr/docs/a#foo-bar"),
        ("anchor", "/fr/docs/b", "#intro"),
        ("link", "/fr/docs/b", "./missing.md"),
        ("link", "/fr/docs/b", "/fr/docs/nothere"),
    } <= reported
    assert not [found for found in reported if "fou-barre" in found[2] and found[1].startswith("/fr/")]


PAGINATION_FILES = {  # a doc's ID: its folder and `id` or file name, number prefixes dropped
    "docusaurus.config.js": CONFIG,
    "docs/intro.md": page("title: Intro", "pagination_next: guides/setup", "pagination_prev: null"),
    "docs/01-guides/02-setup.md": page("title: Setup", "pagination_next: custom", "pagination_prev: intro"),
    "docs/01-guides/with-id.md": page(
        "title: With id", "id: custom", "pagination_next: 01-guides/setup", "pagination_prev: guides/with-id"
    ),
    "docs/_partial.md": page("title: Partial"),  # (no doc: its name starts with `_`)
    "docs/x.md": page("title: X", "pagination_next: _partial", "pagination_prev: guides/custom"),
    "docs/7.md": page("title: Seven", "pagination_next: 7", "pagination_prev: 8"),  # (numbers: IDs "7" and "8")
    "docs/draft.md": page("title: Draft", "draft: true"),  # (no doc in a production build)
    "docs/y.md": page("title: Y", "pagination_next: draft", "pagination_prev: null"),
}
PAGINATION_BROKEN = [  # (file, line, key, value)
    ("docs/01-guides/02-setup.md", 3, "pagination_next", "custom"),  # (an `id` without its folder)
    ("docs/01-guides/with-id.md", 4, "pagination_next", "01-guides/setup"),
    ("docs/01-guides/with-id.md", 5, "pagination_prev", "guides/with-id"),
    ("docs/7.md", 4, "pagination_prev", "8"),
    ("docs/x.md", 3, "pagination_next", "_partial"),
    ("docs/y.md", 3, "pagination_next", "draft"),
]


def _keys_placed(found: list[str]) -> list[tuple[str, int, int, str]]:
    """Each finding's (file, line, column, the key or ID it names)."""
    return [(f.split(":")[0], int(f.split(":")[1]), int(f.split(":")[2].split("-")[0]), f.split("`")[1]) for f in found]


def test_pagination_names_doc_ids_of_its_version(tmp_path):
    """`pagination_next`/`pagination_prev` name a doc by ID (`null`: no link); `docusaurus build` fails on an ID
    of no doc.  Near misses: `guides/setup` (its number prefixes dropped), `guides/custom` (its folder and `id`),
    `intro` (a doc at the docs' root)."""
    write(tmp_path, PAGINATION_FILES)
    assert _keys_placed(site_findings(tmp_path)) == [
        (name, line, len(key) + 3, f"{key}: {value}") for name, line, key, value in PAGINATION_BROKEN
    ]


def _rejected_until_built(
    root: Path, files: dict[str, str], rejection: str, fixed: Callable[[str, re.Match[str]], str]
) -> list[tuple[str, ...]]:
    """Build the site in ``root`` (made of ``files``) with Docusaurus, which stops at the first fault: each time
    the build fails with a ``rejection`` (a pattern), the fault is mended in every file (``fixed``: its new
    text) and the site built again, until it builds; the groups of each rejection, in order."""
    write(root, files)
    rejected: list[tuple[str, ...]] = []
    for _ in range(20):
        done = docusaurus_build(root)
        found = re.search(rejection, done.stdout + done.stderr)
        if done.returncode == 0 or found is None:
            break
        rejected.append(found.groups())
        for name in files:
            (root / name).write_text(fixed((root / name).read_text(), found))
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    return rejected


@needs_docusaurus
def test_pagination_ids_docusaurus_rejects_are_those_reported(tmp_path):
    """Each ID Docusaurus cannot find is set to `null`; the IDs it rejected are the ones fmlint reports."""
    rejected = _rejected_until_built(
        tmp_path,
        PAGINATION_FILES,
        r"the (pagination_\w+) front matter points to a non-existent ID (\S+)\.",
        lambda text, found: text.replace(f"{found[1]}: {found[2]}\n", f"{found[1]}: null\n"),
    )
    assert sorted(rejected) == sorted((key, value) for _, _, key, value in PAGINATION_BROKEN)


AUTHORS_FILES = {
    "docusaurus.config.js": CONFIG.replace(
        "onUntruncatedBlogPosts: 'ignore'", "onUntruncatedBlogPosts: 'ignore', onInlineAuthors: 'ignore'"
    ),
    "blog/authors.yml": "jane:\n  name: Jane\nJohn:\n  name: John\n",
    "blog/2024-01-01-a.md": page("title: A", "authors:", "  - jane", "  - john", "  - name: Inline Author"),
    "blog/2024-01-02-b.md": page("title: B", "authors: bob"),
    "blog/2024-01-03-c.md": page("title: C", "authors: [John]"),
    # an object with a `key` takes that author of the map (its other fields override the map's)
    "blog/2024-01-04-d.md": page("title: D", "authors:", "  - key: jane", "    title: Editor", "  - key: nobody"),
    "docs/intro.md": page("title: Intro", "authors: nobody"),  # (a doc's `authors` is no blog's)
}
AUTHORS_BROKEN = [  # (file, line, column, key)
    ("blog/2024-01-01-a.md", 5, 5, "john"),
    ("blog/2024-01-02-b.md", 3, 10, "bob"),
    ("blog/2024-01-04-d.md", 6, 10, "nobody"),
]


def test_blog_authors_are_keys_of_the_authors_map(tmp_path):
    """`authors` names authors by key of the blog's `authors.yml` (case counts; an object is an inline author,
    or the map's author its `key` names): `docusaurus build` fails on a key the map lacks, and on any key when
    there is no map."""
    write(tmp_path, AUTHORS_FILES)
    found = site_findings(tmp_path)
    assert _keys_placed(found) == AUTHORS_BROKEN
    assert "(did you mean `John`?)" in found[0]
    (tmp_path / "blog/authors.yml").unlink()  # every key is then a fault
    forget_sites()
    assert [f.split("`")[1] for f in site_findings(tmp_path)] == ["jane", "john", "bob", "John", "jane", "nobody"]
    write(tmp_path, {"blog/people.json": '{"bob": {"name": "Bob"}}'})
    config = AUTHORS_FILES["docusaurus.config.js"].replace("blog: {", "blog: {authorsMapPath: 'people.json', ")
    write(tmp_path, {"docusaurus.config.js": config})
    forget_sites()
    assert [f.split("`")[1] for f in site_findings(tmp_path)] == ["jane", "john", "John", "jane", "nobody"]


def test_an_authors_map_a_build_step_writes_is_not_judged_missing(tmp_path):
    """kvrocks' website: `authorsMapPath: 'authors.generated.yml'`, which `.gitignore` names and a script writes
    of the GitHub avatars before the build (6 false SITE003: "no authors map"). Outside a repository, or once
    the file is there, the keys are judged."""
    config = AUTHORS_FILES["docusaurus.config.js"].replace(
        "blog: {", "blog: {authorsMapPath: 'authors.generated.yml', "
    )
    files = {name: text for name, text in AUTHORS_FILES.items() if name != "blog/authors.yml"}
    write(tmp_path, {**files, "docusaurus.config.js": config, ".gitignore": "/blog/authors.generated.yml\n"})
    (tmp_path / ".git").mkdir()
    assert site_findings(tmp_path) == []
    write(tmp_path, {"blog/authors.generated.yml": AUTHORS_FILES["blog/authors.yml"]})
    forget_sites()
    assert _keys_placed(site_findings(tmp_path)) == AUTHORS_BROKEN
    (tmp_path / "blog/authors.generated.yml").unlink()
    (tmp_path / ".git").rmdir()  # (outside a repository the map is missing)
    forget_sites()
    assert [f.split("`")[1] for f in site_findings(tmp_path)] == ["jane", "john", "bob", "John", "jane", "nobody"]


@needs_docusaurus
def test_blog_author_keys_docusaurus_rejects_are_those_reported(tmp_path):
    """Each key Docusaurus cannot find is taken out; the keys it rejected are the ones fmlint reports."""
    rejected = _rejected_until_built(
        tmp_path,
        AUTHORS_FILES,
        r'Blog author with key "([^"]+)" not found',
        lambda text, found: (
            text.replace(f"  - {found[1]}\n", "")
            .replace(f"authors: {found[1]}\n", "")
            .replace(f"  - key: {found[1]}\n", "")
        ),
    )
    assert sorted(rejected) == sorted((key,) for *_, key in AUTHORS_BROKEN)


FR_BLOG = "i18n/fr/docusaurus-plugin-content-blog/"
LOCALE_AUTHORS_FILES = {
    "docusaurus.config.js": AUTHORS_FILES["docusaurus.config.js"].replace(
        "onBrokenLinks: 'warn',", "onBrokenLinks: 'warn', i18n: {defaultLocale: 'en', locales: ['en', 'fr']},"
    ),
    "blog/authors.yml": "jane:\n  name: Jane\njohn:\n  name: John\n",
    FR_BLOG + "authors.yml": "jane:\n  name: Jeanne\nmarie:\n  name: Marie\n",  # `fr` builds with its own map
    "blog/2024-01-01-a.md": page("title: A", "authors: [jane]"),
    "blog/2024-01-02-b.md": page("title: B", "authors: [john]"),  # shown untranslated in `fr`: its map lacks john
    "blog/2024-01-03-c.md": page("title: C", "authors: [john]"),
    FR_BLOG + "2024-01-03-c.md": page("title: C fr", "authors: [marie]"),  # a translation: `fr`'s map has marie
    FR_BLOG + "2024-01-04-d.md": page("title: D fr", "authors: [john]"),  # translates no post: no page at all
    "docs/intro.md": page("title: Intro"),
    FR + "intro.md": page("title: Intro fr", body="[seul](./only-fr.md) [intro](./intro.md)\n"),
    FR + "only-fr.md": page("title: Seul"),  # translates no doc: no page either
}


def test_each_locale_builds_its_blog_with_its_own_authors_map(tmp_path):
    """A locale's `i18n/<locale>/docusaurus-plugin-content-blog/authors.yml` is its map, for its translations and
    for the posts it shows untranslated; a locale's file that translates no file of the default locale is no page
    (Docusaurus makes its pages of the default locale's files): nothing is reported in it, a link to it is broken."""
    write(tmp_path, LOCALE_AUTHORS_FILES)
    assert site_findings(tmp_path) == [
        "blog/2024-01-02-b.md:3:11-3:15 SITE003 `john` is no key of the blog's authors map "
        f"`{FR_BLOG}authors.yml` (in the `fr` locale, which shows this post untranslated): Docusaurus fails the build",
        f"{FR}intro.md:5:8-5:20 SITE003 `./only-fr.md` translates `docs/only-fr.md`, which is not there: "
        "Docusaurus builds no page of it",
    ]
    assert built_by_fmlint(tmp_path) == {"/blog/2024/01/01/a/", "/blog/2024/01/02/b/", "/blog/2024/01/03/c/"} | {
        "/fr/blog/2024/01/03/c/",
        "/docs/intro/",
        "/fr/docs/intro/",
    }
    (tmp_path / FR_BLOG / "authors.yml").unlink()  # `fr` then builds with the blog's map: john is fine
    forget_sites()
    assert [f.split("`")[1] for f in site_findings(tmp_path)] == ["marie", "./only-fr.md"]


@needs_docusaurus
def test_locale_author_keys_docusaurus_rejects_are_those_reported(tmp_path):
    """The keys each locale's build rejects (the `fr` build, here) are the ones fmlint reports, and the pages it
    builds are those fmlint knows (with the posts and docs `fr` shows untranslated)."""
    rejected = _rejected_until_built(
        tmp_path,
        LOCALE_AUTHORS_FILES,
        r'Unable to build website for locale (\w+)\.(?s:.*?)source file path=([^ ]+) failed(?s:.*?)key "([^"]+)"',
        lambda text, found: text.replace(f"authors: [{found[3]}]\n", "authors: [jane]\n"),
    )
    assert rejected == [("fr", "2024-01-02-b.md", "john")]
    built = {
        "/" + str(path.parent.relative_to(tmp_path / "build")).replace(os.sep, "/").strip(".").strip("/") + "/"
        for path in (tmp_path / "build").rglob("index.html")
    }
    untranslated = {"/fr/blog/2024/01/01/a/", "/fr/blog/2024/01/02/b/"}
    generated = {"/blog/", "/blog/archive/", "/blog/authors/", "/fr/blog/", "/fr/blog/archive/", "/fr/blog/authors/"}
    assert {url.replace("//", "/") for url in built} - generated == built_by_fmlint(tmp_path) | untranslated


def test_an_authors_map_that_locales_fall_back_to_is_read_once(tmp_path, monkeypatch):
    """Every locale without its own authors map builds its blog with the default one: helm.sh's 3 KB map was
    parsed once for each of its 12 locales, ~0.14 s of every run."""
    import yaml

    from fmlint.site import docusaurus

    config = AUTHORS_FILES["docusaurus.config.js"].replace(
        "onBrokenLinks: 'warn',",
        "onBrokenLinks: 'warn', i18n: {defaultLocale: 'en', locales: ['en', 'fr', 'de', 'ja']},",
    )
    translated = {
        f"i18n/{locale}/docusaurus-plugin-content-blog/2024-01-01-a.md": page("title: A")
        for locale in ["fr", "de", "ja"]
    }
    write(
        tmp_path,
        {**AUTHORS_FILES, **translated, "docusaurus.config.js": config, "blog/authors.yml": "ana:\n  name: Ana\n"},
    )
    loads: list[bytes] = []
    load = yaml.load
    monkeypatch.setattr(yaml, "load", lambda data, Loader: loads.append(data) or load(data, Loader=Loader))
    docusaurus._map_keys.cache_clear()
    forget_sites()
    site = read_site(str(tmp_path)).docusaurus
    assert site is not None and site.locales == ("fr", "de", "ja")
    blogs = [plugin for plugin in site.plugins if plugin.kind == "blog"]
    assert len(blogs) == 4 and {plugin.authors for plugin in blogs} == {("ana",)}
    assert loads == [b"ana:\n  name: Ana\n"]


# pnpm.io's configuration writes its keys as strings, and sets a locale's own `baseUrl` in `i18n.localeConfigs`
QUOTED_CONFIG = """export default {
  "baseUrl": "/",
  presets: [['@docusaurus/preset-classic', {blog: false, "docs": {"path": "docs", "routeBasePath": "/"}}]],
  plugins: [['@docusaurus/plugin-content-docs', {id: 'other', path: 'other', routeBasePath: 'other'}]],
  i18n: {defaultLocale: 'en', locales: ['en'], localeConfigs: {en: {baseUrl: '/en/'}}},
};
"""


def test_a_configuration_with_quoted_keys_and_a_locales_base_url(tmp_path):
    """pnpm.io: `"docs": {"path": …, "routeBasePath": "/"}` was not read (its docs were no pages: every link
    from the root was judged against the wrong routes, or not at all), and the `baseUrl` of a locale's
    `localeConfigs` was taken for the site's (every link from the root then left unjudged). The routes, a second
    docs plugin, and the findings Docusaurus's own build reports (its broken links and anchors, 3.10)."""
    links = "[b](/b) [f](/b#missing) [n](/nope) [g](./gone.md) [o](/other/o)\n"
    write(
        tmp_path,
        {
            "docusaurus.config.js": QUOTED_CONFIG,
            "docs/a.md": page("title: A", body=links),
            "docs/b.md": page("title: B", body="## Hello\n"),
            "other/o.md": page("title: O"),
        },
    )
    site = read_site(str(tmp_path)).docusaurus
    assert site is not None and site.base == "" and [p.route for p in site.plugins] == ["", "other"]
    assert placed(site_findings(tmp_path)) == [
        f"docs/a.md:{at(5, links, '/b#missing')} SITE004",
        f"docs/a.md:{at(5, links, '/nope')} SITE003",
        f"docs/a.md:{at(5, links, './gone.md')} SITE003",
    ]


@pytest.mark.parametrize(
    ("declared", "base"),
    [('const __webpack_public_path__ = "/docs/";', "/docs"), ("const __webpack_public_path__ = base();", "")],
)
def test_a_base_url_written_as_a_constants_name(tmp_path, declared, base):
    """vcluster's docs: `const __webpack_public_path__ = "/docs/"` and `baseUrl: __webpack_public_path__`; the
    `baseUrl` had been the root, and 1,087 links to `/docs/…` were judged broken. A constant not declared as a
    string leaves the root."""
    config = f"{declared}\nexport default {{\n  baseUrl: __webpack_public_path__,\n" + QUOTED_CONFIG.split("\n", 2)[2]
    links = "[b](/docs/b) [n](/docs/nope)\n"
    write(
        tmp_path,
        {"docusaurus.config.js": config, "docs/a.md": page("title: A", body=links), "docs/b.md": page("title: B")},
    )
    site = read_site(str(tmp_path)).docusaurus
    assert site is not None and site.base == base
    broken = ["/docs/nope"] if base else ["/docs/b", "/docs/nope"]
    assert placed(site_findings(tmp_path)) == [f"docs/a.md:{at(5, links, link)} SITE003" for link in broken]


def cli_findings(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The site findings of ``fmlint`` run over the site (its preset found: Docusaurus reads `.md` as MDX)."""
    forget_sites()
    main(["--no-cache", "--select", "SITE", "--format", "json", str(root)])
    found = json.loads(capsys.readouterr().out)
    return [f"{Path(d['path']).relative_to(root).as_posix()}:{d['line']}:{d['column']} {d['code']}" for d in found]


@pytest.mark.parametrize("trailing", [None, False, True])
def test_relative_url_links_are_read_from_the_pages_url(tmp_path, capsys, trailing):
    """pnpm.io's `settings#nodeLinker` (a bare relative URL: Docusaurus's build resolves it from `/10.x/faq`, to
    `/10.x/settings#nodeLinker`, and reports the anchor) was not judged. A page's URL has no slash, unless
    `trailingSlash: true`; where the option is unset the page may be read with it too, and a link broken only
    from one of the two is not reported (`sub/x`: `/docs/sub/x` from `/docs/guide`, which is no page, or
    `/docs/guide/sub/x` from `/docs/guide/`)."""
    links = "[a](settings#storeDir) [b](settings#storedir) [c](nope-page) [d](sub/x)\n"
    config = CONFIG.replace("baseUrl: '/',", f"baseUrl: '/', trailingSlash: {str(trailing).lower()},")
    write(
        tmp_path,
        {
            "docusaurus.config.js": CONFIG if trailing is None else config,
            "docs/guide.md": page("title: Guide", body=links),
            "docs/settings.md": page("title: Settings", body="## storeDir\n"),
            "docs/guide/sub/x.md": page("title: X"),
        },
    )
    column = {
        link: links.index(f"]({link}") + 3 for link in ("settings#storeDir", "settings#storedir", "nope-page", "sub/x")
    }
    expected = {
        None: ["settings#storeDir SITE004", "nope-page SITE003"],
        False: ["settings#storeDir SITE004", "nope-page SITE003", "sub/x SITE003"],
        True: ["settings#storeDir SITE003", "settings#storedir SITE003", "nope-page SITE003"],
    }[trailing]
    assert cli_findings(tmp_path, capsys) == [
        f"docs/guide.md:5:{column[link]} {code}" for link, code in (item.split() for item in expected)
    ]


def test_headings_of_an_imported_mdx_partial_are_the_pages(tmp_path, capsys):
    """`import Prune from './_prune.mdx'` and `<Prune />` (pnpm.io's settings page: 7 false SITE004) show the
    partial's headings in the page, as Docusaurus builds it; a partial imported but not shown adds none; one
    imported from the site's root (`@site/…`) is found there, and where it is no content file (its headings not
    read) no fragment of the page is judged."""
    settings = (
        "import Prune from './_prune.mdx';\nimport Unused from './_unused.md';\nimport Shared from '@site/docs/_s.md';"
        "\n\n## storeDir\n\n<Prune />\n\n<Shared />\n"
    )
    links = "[a](./settings.md#catalogprune) [b](./settings.md#unused-heading) [c](./settings.md#shared)\n"
    write(
        tmp_path,
        {
            "docusaurus.config.js": CONFIG,
            "docs/settings.md": page("title: Settings", body=settings),
            "docs/_prune.mdx": "## catalogPrune\n\nText.\n",
            "docs/_unused.md": "## Unused heading\n",
            "docs/_s.md": "## Shared\n",
            "shared/_s.md": "## Shared\n",
            "docs/a.md": page("title: A", body=links),
        },
    )
    assert cli_findings(tmp_path, capsys) == [f"docs/a.md:5:{links.index('./settings.md#unused') + 1} SITE004"]
    write(
        tmp_path, {"docs/settings.md": page("title: Settings", body=settings.replace("@site/docs/", "@site/shared/"))}
    )
    assert cli_findings(tmp_path, capsys) == []


CATEGORY_SIDEBARS = """module.exports = {
  docs: [
    'intro',
    {type: 'category', label: 'Providers', link: {type: 'generated-index', slug: 'sync/providers'}, items: ['a']},
    {type: 'category', label: 'Other', link: {slug: '/other/list', type: "generated-index"}, items: ['b']},
    {type: 'category', label: 'Doc', link: {type: 'doc', id: 'id'}, items: []},
  ],
};
"""


def test_generated_index_categories_of_the_sidebars_are_pages(tmp_path):
    """ory's docs (4 links): a sidebar category `link: {type: 'generated-index', slug: 'sync/providers'}` is a
    page of the docs plugin at `/docs/sync/providers` (as a build shows); a category linking a doc adds none. A version's
    sidebars are read too; fmlint does not tie a sidebars file to its plugin or version: each slug counts in
    every docs plugin."""
    links = "[a](/docs/sync/providers) [b](/docs/other/list/) [d](/docs/sync/nope) [e](/docs/id)\n"
    write(
        tmp_path,
        {
            "docusaurus.config.js": CONFIG,
            "sidebars.js": CATEGORY_SIDEBARS,
            "versioned_sidebars/version-1.0-sidebars.json": '{"docs": [{"type": "category", "label": "L", '
            '"link": {"type": "generated-index", "slug": "/v1-list"}, "items": []}]}\n',
            "docs/intro.md": page("title: Intro", body=links),
        },
    )
    assert read_site(str(tmp_path)).docusaurus.category_slugs == ("other/list", "sync/providers", "v1-list")
    assert placed(site_findings(tmp_path)) == [
        f"docs/intro.md:{at(5, links, '/docs/sync/nope')} SITE003",
        f"docs/intro.md:{at(5, links, '/docs/id')} SITE003",
    ]


@needs_docusaurus
def test_generated_index_categories_are_pages_docusaurus_builds_now(tmp_path):
    config = CONFIG.replace("sidebarPath: undefined", "sidebarPath: require.resolve('./sidebars.js')")
    docs = {f"docs/{name}.md": page(f"title: {name}") for name in ("intro", "a", "b", "id")}
    write(tmp_path, {"docusaurus.config.js": config, "sidebars.js": CATEGORY_SIDEBARS, **docs})
    docusaurus_build(tmp_path).check_returncode()
    assert (tmp_path / "build/docs/sync/providers/index.html").is_file()
    assert (tmp_path / "build/docs/other/list/index.html").is_file()


CATEGORY_FILES = {
    "docs/examples/_category_.json": '{"label": "Examples", "link": {"type": "generated-index", "slug": "/examples"}}',
    "docs/examples/a.md": page("title: A"),
    "docs/guides/_category_.yml": "label: Guides\nlink:\n  type: generated-index\n  slug: guides-list\n",
    "docs/guides/b.md": page("title: B"),
    "docs/more/_category_.json": '{"label": "More", "link": {"type": "doc", "id": "more/c"}}',
    "docs/more/c.md": page("title: C"),
}


def test_generated_index_categories_of_category_files_are_pages(tmp_path):
    """kairos' docs (63 links such as `/docs/examples/`): autogenerated sidebars read each folder's `_category_`
    file, whose `link: {type: generated-index, slug: /examples}` makes a page; one linking a doc adds none."""
    links = "[a](/docs/examples/) [b](/docs/guides-list) [c](/docs/more/) [d](/docs/nope/)\n"
    write(
        tmp_path, {"docusaurus.config.js": CONFIG, "docs/intro.md": page("title: Intro", body=links), **CATEGORY_FILES}
    )
    assert placed(site_findings(tmp_path)) == [
        f"docs/intro.md:{at(5, links, target)} SITE003" for target in ("/docs/more/", "/docs/nope/")
    ]


@needs_docusaurus
def test_generated_index_categories_of_category_files_are_built_now(tmp_path):
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/intro.md": page("title: Intro"), **CATEGORY_FILES})
    docusaurus_build(tmp_path).check_returncode()
    assert (tmp_path / "build/docs/examples/index.html").is_file()
    assert (tmp_path / "build/docs/guides-list/index.html").is_file()
    assert not (tmp_path / "build/docs/more/index.html").exists()


@pytest.mark.parametrize(
    ("plugin", "route"),
    [
        ("const TYPEDOC = {projectRoot: '..', packages: ['core']};\n", "api"),
        ("const TYPEDOC = {projectRoot: '..', routeBasePath: '/reference/'};\n", "reference"),
    ],
)
def test_links_into_the_typedoc_api_plugins_pages_are_not_judged(tmp_path, plugin, route):
    """mikro-orm's docs (276 links such as `/api/core/class/EntityManager`): `@apify/docusaurus-plugin-typedoc-api`
    makes the API reference's pages of the TypeScript sources, under its `routeBasePath` (`api` by default)."""
    links = f"[a](/{route}/core/class/EntityManager) [b](/{route}) [c](/{route}x/)\n"
    config = plugin + CONFIG.replace(
        "presets:", "plugins: [['@apify/docusaurus-plugin-typedoc-api', TYPEDOC]],\n  presets:"
    )
    write(tmp_path, {"docusaurus.config.js": config, "docs/intro.md": page("title: Intro", body=links)})
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, links, f'/{route}x/')} SITE003"]


API_ENDPOINT = (
    "import React from 'react';\nexport default function ApiEndpoint({method, path}) {\n"
    "  const id = `${method}-${path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n"
    "  return <details id={id}><summary>{path}</summary></details>;\n}\n"
)
# (cloudposse's ActionCard: `doc.id === nextDocId` compares, it gives no ID)
PLAIN_CARD = (
    "import React from 'react';\nexport function Card({title, doc}) {\n"
    "  const next = doc.id === 'x';\n  return <div className={next ? 'n' : ''}>{title}</div>;\n}\n"
)


def test_fragments_into_a_page_showing_a_component_that_gives_ids_are_not_judged(tmp_path):
    """developers.home-assistant.io: `<ApiEndpoint path="/api/config" method="get">` (a component of the site's,
    `@site/static/js/api_endpoint.jsx`) gives its element the ID `get-api-config`, which fmlint cannot work
    out (2 false SITE004). A page showing only components that give no ID is still judged."""
    api = 'import ApiEndpoint from \'@site/static/js/api_endpoint.jsx\';\n\n<ApiEndpoint path="/api/config" method="get">\n</ApiEndpoint>\n'
    cards = "import {Card as Tile} from '../src/components/Card';\n\n<Tile title=\"x\" />\n\n## Real\n"
    links = "[a](./rest.mdx#get-api-config) [b](./cards.mdx#real) [c](./cards.mdx#nope)\n"
    write(
        tmp_path,
        {
            "docusaurus.config.js": CONFIG,
            "static/js/api_endpoint.jsx": API_ENDPOINT,
            "src/components/Card.jsx": PLAIN_CARD,
            "docs/rest.mdx": page("title: REST", body=api),
            "docs/cards.mdx": page("title: Cards", body=cards),
            "docs/intro.md": page("title: Intro", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, links, './cards.mdx#nope')} SITE004"]


# cypress' docs: a swizzled MDXComponents gives every page partials (one imported from the site's root, one
# relatively) and a component of Docusaurus's own
MDX_COMPONENTS = (
    "import MDXComponents from '@theme-original/MDXComponents';\n"
    "import HeaderRequirements from '@site/docs/partials/_header-requirements.mdx';\n"
    "import HeaderYields from '../../docs/partials/_header-yields.mdx';\n"
    "import Unused from '@site/docs/partials/_unused.mdx';\n"
    "import Tabs from '@theme/Tabs';\n\n"
    "export default {...MDXComponents, HeaderRequirements, HeaderYields, Tabs};\n"
)
GLOBAL_PARTIALS = {
    "src/theme/MDXComponents.js": MDX_COMPONENTS,
    "docs/partials/_header-requirements.mdx": "### Requirements {#Requirements}\n",
    "docs/partials/_header-yields.mdx": "### Yields\n",
    "docs/partials/_unused.mdx": "### Unused\n",
}
GLOBAL_LINKS = (
    "[a](#Requirements) [b](#yields) [c](#unused) [d](./other.mdx#Requirements) [e](./other.mdx#unused)"
    " [f](./other.mdx#yields)\n"
)


def test_a_pages_global_components_show_their_partials_headings(tmp_path):
    """cypress' docs: `<HeaderRequirements />` is shown without an import (its swizzled `MDXComponents` gives
    it to every page), and its partial's `{#Requirements}` is the page's (~120 false SITE004). A partial the
    module imports but does not give, or that a page names itself, is not the page's."""
    body = "<HeaderRequirements />\n\n<HeaderYields />\n\n" + GLOBAL_LINKS
    other = "import HeaderYields from './partials/_unused.mdx';\n\n<HeaderRequirements />\n\n<HeaderYields />\n"
    files = {"docs/blur.mdx": page("title: Blur", body=body), "docs/other.mdx": page("title: Other", body=other)}
    write(tmp_path, {"docusaurus.config.js": CONFIG, **GLOBAL_PARTIALS, **files})
    assert placed(site_findings(tmp_path)) == [
        f"docs/blur.mdx:{at(9, GLOBAL_LINKS, '#unused')} SITE004",
        f"docs/blur.mdx:{at(9, GLOBAL_LINKS, './other.mdx#yields')} SITE004",
    ]
    if PROJECT is None:
        return
    docusaurus_build(tmp_path).check_returncode()
    built = (tmp_path / "build/docs/blur/index.html").read_text(encoding="utf-8")
    assert {"Requirements", "yields"} <= set(re.findall(r'id="([^"]+)"', built)) and 'id="unused"' not in built
    other_built = (tmp_path / "build/docs/other/index.html").read_text(encoding="utf-8")
    assert {"Requirements", "unused"} <= set(
        re.findall(r'id="([^"]+)"', other_built)
    ) and 'id="yields"' not in other_built


def test_redoc_ids_are_not_judged_where_the_site_depends_on_redoc(tmp_path):
    """ory's docs (81 links such as `/docs/reference/api#operation/updateProject`): its `@theme/API` component is
    Redoc (`redocusaurus`), which writes the OpenAPI reference and its IDs in the browser; fragments of Redoc's
    forms are left unjudged on such a site, others are judged, and without the dependency all are."""
    links = "[a](./api.md#operation/updateProject) [b](./api.md#tag/identity) [c](./api.md#nope)\n"
    files = {
        "docusaurus.config.js": CONFIG,
        "docs/api.md": page("title: API", body="import API from '@theme/API'\n\n<API />\n"),
        "docs/intro.md": page("title: Intro", body=links),
    }
    write(tmp_path, {**files, "package.json": '{"dependencies": {"redocusaurus": "2.5.0"}}\n'})
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, links, './api.md#nope')} SITE004"]
    write(tmp_path, {"package.json": '{"dependencies": {"react": "18"}}\n'})
    forget_sites()
    assert len(site_findings(tmp_path)) == 3


JSX_HEADINGS = (
    '### `spellCheck` <div className="label ios">iOS</div>\n\n## Title <span>x</span>\n\n## Badge <Foo />\n\n'
    "## <span>Lead</span> Setup\n\n## A <b>B</b> C\n\nexport const Foo = () => null;\n"
)
# the IDs Docusaurus 3.10's build gives them (mdast's text of each heading: its JSX's children's text kept)
JSX_HEADING_IDS = {"spellcheck-ios", "title-x", "badge-", "lead-setup", "a-b-c"}


def test_jsx_in_a_heading_is_no_part_of_its_id_but_its_text_is(tmp_path):
    """react-native's docs (~100 links such as `textinput#spellcheck-ios`, 6 versions): `### `spellCheck` <div
    className="label ios">iOS</div>` has the ID `spellcheck-ios`; fmlint read the blanked tag as spaces
    (`spellcheck----------------------------ios`)."""
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/c.mdx": page("title: C", body=JSX_HEADINGS)})
    (page_of_c,) = [found for found in index_of(tmp_path).pages if found.absolute.endswith("c.mdx")]
    assert page_of_c.ids == JSX_HEADING_IDS


STEP_HEADINGS = (
    "export const N = () => <i>1</i>;\n\n<div>\n  <div>\n    ## <N/> Review Design Decisions\n\n"
    "    <div>\n      ### Deeper\n    </div>\n  </div>\n</div>\n\n## Top\n"
)
STEP_LINKS = "[a](#-review-design-decisions) [b](#review-design-decisions) [c](#deeper) [d](#top)\n"
# the IDs Docusaurus 3.10's build gives them (MDX has no indented code: the indented lines are headings)
STEP_HEADING_IDS = {"-review-design-decisions", "deeper", "top"}


def test_headings_indented_under_jsx_tags_have_ids(tmp_path):
    """cloudposse's docs: `<Step>`'s children indented four spaces are Markdown to MDX, `### <StepNumber/> Review
    Design Decisions` a heading whose ID is `-review-design-decisions` (its text starts with a space), which its
    pages link; fmlint read the lines as indented code and reported the links."""
    body = STEP_LINKS + "\n" + STEP_HEADINGS
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/c.mdx": page("title: C", body=body)})
    (page_of_c,) = [found for found in index_of(tmp_path).pages if found.absolute.endswith("c.mdx")]
    assert page_of_c.ids == STEP_HEADING_IDS
    assert placed(site_findings(tmp_path)) == [f"docs/c.mdx:{at(5, STEP_LINKS, '#review-design-decisions')} SITE004"]


# a code span's space at the text's end is kept by remark's text (github-slugger makes it a `-`), trimmed by Hugo's
CODE_EDGE_HEADINGS = "## `code `\n\n## ` lead`\n\n## Both `sides `\n\n### **Install using kubectl **\n"
CODE_EDGE_IDS = {"code-", "-lead", "both-sides-", "install-using-kubectl-"}


def test_a_code_spans_space_at_a_headings_end_is_part_of_its_id(tmp_path):
    """litmus-docs and Docusaurus's build: `` ## `code ` `` is `code-` (fmlint had trimmed it as Hugo does);
    on a Hugo site the same headings keep their trimmed IDs."""
    write(tmp_path / "d", {"docusaurus.config.js": CONFIG, "docs/c.md": page("title: C", body=CODE_EDGE_HEADINGS)})
    (page_of_c,) = [found for found in index_of(tmp_path / "d").pages if found.absolute.endswith("c.md")]
    assert page_of_c.ids == CODE_EDGE_IDS
    write(tmp_path / "h", {"hugo.toml": "", "content/c.md": page("title: C", body=CODE_EDGE_HEADINGS)})
    (page_of_c,) = [found for found in index_of(tmp_path / "h").pages if found.absolute.endswith("c.md")]
    assert page_of_c.ids == {"code", "lead", "both-sides", "install-using-kubectl-"}


# metro's docs: braces that end a heading inside a code span are its text, not an attribute list
BRACED_CODE_HEADINGS = "### `extraNodeModules: ?{[string]: string}`\n\n## `a {b}` c {/* #mine */}\n"
BRACED_CODE_IDS = {"extranodemodules-string-string", "mine"}


def test_braces_closing_a_heading_in_a_code_span_are_its_text(tmp_path):
    """metro's docs (7 links such as `#extranodemodules-string-string`): fmlint had read `{[string]: string}` in
    the code span as an attribute list and left it out of the ID."""
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/c.md": page("title: C", body=BRACED_CODE_HEADINGS)})
    (page_of_c,) = [found for found in index_of(tmp_path).pages if found.absolute.endswith("c.md")]
    assert page_of_c.ids == BRACED_CODE_IDS


@needs_docusaurus
@pytest.mark.parametrize(
    ("body", "ids"),
    [
        (JSX_HEADINGS, JSX_HEADING_IDS),
        (STEP_HEADINGS, STEP_HEADING_IDS),
        (CODE_EDGE_HEADINGS, CODE_EDGE_IDS),
        (BRACED_CODE_HEADINGS, BRACED_CODE_IDS),
    ],
)
def test_heading_ids_are_those_docusaurus_builds_now(tmp_path, body, ids):
    write(tmp_path, {"docusaurus.config.js": CONFIG, "docs/c.mdx": page("title: C", body=body)})
    docusaurus_build(tmp_path).check_returncode()
    built = (tmp_path / "build/docs/c/index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<h[23][^>]* id="([^"]+)"', built)) == ids


ROUTES_CONFIG = CONFIG.replace(
    "presets:",
    "plugins: ['./plugins/catalog/src/index.js', () => ({name: 'repl', async contentLoaded({actions}) {"
    " actions.addRoute({path: \"/repl/\", component: '@site/src/components/X.js', exact: true}); }})],\n  presets:",
)
ROUTES_PLUGIN = (
    "module.exports = function (context) {\n  return {name: 'catalog', async contentLoaded({actions}) {\n"
    "    const {addRoute} = actions;\n"
    "    // addRoute({path: '/commented'})\n"
    "    addRoute({path: '/plugins', component: '@site/src/components/X.js', exact: true});\n"
    "    for (const slug of ['docker']) {\n"
    "      addRoute({component: '@site/src/components/X.js', path: `/plugins/${slug}`, exact: true});\n"
    "      addRoute({path: `${context.baseUrl}modules/details/${slug}`, component: '@site/src/components/X.js'});\n"
    "    }\n  }};\n};\n"
)
ROUTES_FILES = {
    "docusaurus.config.js": ROUTES_CONFIG,
    "plugins/catalog/src/index.js": ROUTES_PLUGIN,
    "src/components/X.js": "import React from 'react';\nexport default function X() { return <p>x</p>; }\n",
}
ROUTE_LINKS = "[a](/repl/) [b](/plugins) [c](/plugins/docker) [d](/pluginsx) [e](/commented) [f](/modules/details/x)\n"


def test_routes_the_sites_own_plugins_add_are_pages(tmp_path):
    """woodpecker-ci.org (17 links to `/plugins`): a local plugin's `addRoute({path: '/plugins'})` and
    `` path: `/plugins/${plugin.slug}` `` make pages fmlint has no file of; babel's configuration adds `/repl/`
    itself; jhipster.tech's plugin adds `` `${context.baseUrl}modules/marketplace/details/${name}` `` (2 false
    SITE003). A path no route names (`/pluginsx`), or one only a comment adds, is still reported."""
    write(tmp_path, {**ROUTES_FILES, "docs/intro.md": page("title: Intro", body=ROUTE_LINKS)})
    assert placed(site_findings(tmp_path)) == [
        f"docs/intro.md:{at(5, ROUTE_LINKS, url)} SITE003" for url in ("/pluginsx", "/commented")
    ]


@needs_docusaurus
def test_routes_the_sites_own_plugins_add_are_built_now(tmp_path):
    write(tmp_path, {**ROUTES_FILES, "docs/intro.md": page("title: Intro")})
    docusaurus_build(tmp_path).check_returncode()
    for route in ("repl", "plugins", "plugins/docker", "modules/details/docker"):
        assert (tmp_path / "build" / route / "index.html").is_file()


SHORTHAND_CONFIG = CONFIG.replace(
    "presets:",
    "plugins: [['content-docs', {id: 'arch', path: 'architecture', routeBasePath: '/architecture'}],"
    " ['@docusaurus/plugin-content-docs', {id: 'community', path: 'community', routeBasePath: '/community'}]],"
    "\n  presets:",
)


def test_plugins_named_by_docusaurus_shorthands(tmp_path):
    """react-native's docs (225 links to `/architecture/…`): `['content-docs', {…}]` is
    `@docusaurus/plugin-content-docs` in Docusaurus's shorthand of plugin names."""
    links = "[a](/architecture/overview) [b](/community/support) [c](/architecture/nope)\n"
    write(
        tmp_path,
        {
            "docusaurus.config.js": SHORTHAND_CONFIG,
            "architecture/overview.md": page("title: O"),
            "community/support.md": page("title: S"),
            "docs/intro.md": page("title: Intro", body=links),
        },
    )
    assert built_by_fmlint(tmp_path) >= {"/architecture/overview/", "/community/support/"}
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, links, '/architecture/nope')} SITE003"]


def test_links_into_a_plugin_whose_folder_is_not_there_are_not_judged(tmp_path):
    """openfeature.dev (63 links to `/specification/…`, `/community/…`): docs plugins whose `path` is a git
    submodule not checked out have pages fmlint cannot see. Links under their routes are not judged. A plugin
    whose folder is there keeps its links judged, and so does `/specifications`, which is outside the route."""
    links = "[a](/specification/sections/hooks) [b](/community/support) [c](/community/nope) [d](/specifications)\n"
    config = SHORTHAND_CONFIG.replace("path: 'architecture'", "path: 'external-content/specification/specification'")
    write(
        tmp_path,
        {
            "docusaurus.config.js": config.replace(
                "routeBasePath: '/architecture'", "routeBasePath: '/specification/'"
            ),
            "community/support.md": page("title: S"),
            "docs/intro.md": page("title: Intro", body=links),
        },
    )
    assert read_site(str(tmp_path)).docusaurus.unseen == ("specification",)
    assert placed(site_findings(tmp_path)) == [
        f"docs/intro.md:{at(5, links, url)} SITE003" for url in ("/community/nope", "/specifications")
    ]


def test_links_led_by_a_token_the_configuration_names_are_not_judged(tmp_path):
    """openziti's docs write `[x](@openzitidocs/reference/…)`, which its own remark plugin rewrites by the
    configuration's `{from: '@openzitidocs', to: docsBase}` (64 false SITE003): a relative link led by a `@name`
    the configuration holds as a string is not judged. `@other/x`, which it does not name, is."""
    links = "[a](@acmedocs/guides/setup) [b](@other/x) [c](@acmedocs)\n"
    config = "const maps = [{from: '@acmedocs', to: '/docs'}];\n" + CONFIG
    write(tmp_path, {"docusaurus.config.js": config, "docs/intro.md": page("title: Intro", body=links)})
    assert read_site(str(tmp_path)).docusaurus.placeholders == ("@acmedocs",)
    assert placed(site_findings(tmp_path)) == [f"docs/intro.md:{at(5, links, '@other/x')} SITE003"]


def test_links_into_a_version_whose_folder_links_to_none_are_not_judged(tmp_path):
    """opentofu.org (51 links): `docs` and each `versioned_docs/version-<v>` link into `opentofu-repo/<v>/`, git
    submodules not checked out. A version whose folder is such a link has pages fmlint cannot see; the versions
    whose folders are there keep their links judged."""
    links = "[a](/docs/legacy/intro) [b](/docs/legacy/x/y) [c](/docs/canary/nope) [d](/docs/nope)\n"
    files = {name: page(f"title: {name}") for name in VERSION_FILES if "1.0" not in name}
    files["src/pages/links.md"] = page("title: Links", body=links)
    write(tmp_path, {"docusaurus.config.js": CHOSEN_CONFIG, "versions.json": '["3.0", "2.0", "1.0"]\n', **files})
    os.symlink("../repo/1.0/website/docs", tmp_path / "versioned_docs/version-1.0")
    assert read_site(str(tmp_path)).docusaurus.unseen == ("docs/legacy",)
    assert placed(site_findings(tmp_path)) == [
        f"src/pages/links.md:{at(5, links, url)} SITE003" for url in ("/docs/canary/nope", "/docs/nope")
    ]


@needs_docusaurus
def test_plugins_named_by_docusaurus_shorthands_are_built_now(tmp_path):
    write(
        tmp_path,
        {
            "docusaurus.config.js": SHORTHAND_CONFIG,
            "architecture/overview.md": page("title: O"),
            "community/support.md": page("title: S"),
            "docs/intro.md": page("title: Intro"),
        },
    )
    docusaurus_build(tmp_path).check_returncode()
    assert (tmp_path / "build/architecture/overview/index.html").is_file()
    assert (tmp_path / "build/community/support/index.html").is_file()


STATIC_LINKS = "[a](/dev-examples/mdast-editor/) [b](/dev-examples/) [c](/missing/app/)\n"


def test_static_files_git_ignores_are_written_by_a_build_step(tmp_path):
    """lexical's website: the repository's `.gitignore` names `packages/lexical-website/static/dev-examples/`,
    where a script builds its examples' apps before Docusaurus copies `static/` (2 false SITE003): a link there is
    not judged; one to no page or file elsewhere is."""
    write(
        tmp_path,
        {
            ".gitignore": "node_modules\npackages/site/static/dev-examples/\n",
            "packages/site/docusaurus.config.js": CONFIG,
            "packages/site/docs/intro.md": page("title: Intro", body=STATIC_LINKS),
        },
    )
    (tmp_path / ".git").mkdir()
    found = site_findings(tmp_path / "packages/site")
    assert placed(found) == [f"docs/intro.md:{at(5, STATIC_LINKS, '/missing/app/')} SITE003"]


GENERATED_DOC_LINKS = "[a](/docs/api/browser/action) [b](/docs/api/Browser) [c](/docs/api/nope/deep) [d](/docs/nope)\n"


@pytest.mark.parametrize(
    ("docs", "ignored"),
    [
        ("website/docs", "website/docs/api/**/*.md\n!website/docs/api/Browser.md\n"),
        ("docs", "docs/api/**/*.md\n!docs/api/Browser.md\n"),  # (Redux Toolkit's layout: `path: '../docs'`)
    ],
)
def test_docs_git_ignores_are_written_by_a_build_step(tmp_path, docs, ignored):
    """webdriverio's site (73 links to `/docs/api/…`): the repository's `.gitignore` names
    `website/docs/api/**/*.md`, which a script writes before Docusaurus builds; a link to a page git ignores is
    not judged, one git keeps (`!website/docs/api/Browser.md`) is, and outside a repository every one is; the
    docs may be a folder beside the site's (`path: '../docs'`)."""
    config = CONFIG if docs.startswith("website/") else CONFIG.replace("sidebarPath:", "path: '../docs', sidebarPath:")
    write(
        tmp_path,
        {
            ".gitignore": ignored,
            "package.json": "{}\n",  # (a project folder: the site of `docs/` is found in `website/`)
            "website/docusaurus.config.js": config,
            f"{docs}/api/Browser.md": page("title: Browser"),
            f"{docs}/intro.md": page("title: Intro", body=GENERATED_DOC_LINKS),
        },
    )
    (tmp_path / ".git").mkdir()
    site, shown = tmp_path / "website", os.path.relpath(tmp_path / docs, tmp_path / "website")
    assert placed(site_findings(site)) == [f"{shown}/intro.md:{at(5, GENERATED_DOC_LINKS, '/docs/nope')} SITE003"]
    (tmp_path / ".git").rmdir()
    forget_sites()
    assert placed(site_findings(site)) == [
        f"{shown}/intro.md:{at(5, GENERATED_DOC_LINKS, '/docs/api/browser/action')} SITE003",
        f"{shown}/intro.md:{at(5, GENERATED_DOC_LINKS, '/docs/api/nope/deep')} SITE003",
        f"{shown}/intro.md:{at(5, GENERATED_DOC_LINKS, '/docs/nope')} SITE003",
    ]

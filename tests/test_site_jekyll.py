"""Jekyll sites: collections' URLs as ``jekyll build`` writes them, links written in Markdown or in Liquid.

The URLs of :data:`ORACLE_FILES` were read off a real build (Jekyll 4.3.1,
Debian's ``jekyll`` package: ``jekyll build``, every file of ``_site/``); with
``jekyll`` on ``PATH`` the build is run again here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from fmlint.cli import main
from fmlint.site.config import forget_sites, read_site
from tests.test_site_rules import at, index_of, page, placed, site_findings, write

CONFIG = """collections:
  docs:
    permalink: "/:collection/:path/"
    output: true
  recipes:
    output: true
  notes:
    output: false
  posts:
    permalink: "/news/:year/:month/:day/:title/"
"""
ORACLE_FILES = {
    "index.md": ("title: Home",),
    "about.md": ("title: About",),
    "pretty/page.md": ("title: P", "permalink: /custom/place/"),
    "folder/index.md": ("title: Folder",),
    "folder/Other Page.md": ("title: Other",),
    "_docs/intro.md": ("title: Intro",),
    "_docs/configuration/options.md": ("title: Options",),
    "_docs/configuration/index.md": ("title: Configuration",),  # `:path` keeps the name `index`
    "_docs/Mixed Case.md": ("title: Mixed",),
    "_recipes/cake.md": ("title: Cake",),  # the default permalink, `/:collection/:path:output_ext`
    "_recipes/sub/pie.md": ("title: Pie", "permalink: /pies/:name/"),
    "_notes/n.md": ("title: N",),  # not written
    "_posts/2021-01-02-welcome.md": ("title: Welcome",),
    "_posts/2022-03-04-Hello World.md": ("title: Hello",),
    "_posts/2023-05-06-slugged.md": ("title: S", "slug: my-slug"),
    "_posts/2020-01-01-dated.md": ("title: D", "date: 2020-02-03"),
    "_posts/2019-2-5-short.md": ("title: Short",),  # (one-digit months and days: tilt.build's blog)
    "_posts/2020-1-30-shorter.md": ("title: Shorter", "date: 2020-1-31"),  # (a string to YAML, parsed by Ruby)
    "_posts/2025-02-31-carried.md": ("title: Carried",),  # (Ruby's `Time.local` carries the day into March)
    "labs/lab1.md": ("title: Lab", "permalink: /labs/lab1"),  # (written to `labs/lab1.html`)
}
BUILT = {
    "/",
    "/about.html",
    "/custom/place/",
    "/docs/Mixed Case/",
    "/docs/configuration/index/",
    "/docs/configuration/options/",
    "/docs/intro/",
    "/folder/Other Page.html",
    "/folder/",
    "/labs/lab1",
    "/news/2019/02/05/short/",
    "/news/2020/01/31/shorter/",
    "/news/2020/02/03/dated/",
    "/news/2025/03/03/carried/",
    "/news/2021/01/02/welcome/",
    "/news/2022/03/04/Hello-World/",
    "/news/2023/05/06/my-slug/",
    "/pies/pie/",
    "/recipes/cake.html",
}


def jekyll_findings(root: Path, config: str, files: dict[str, str] | None = None) -> list[str]:
    """The site findings of a Jekyll site at ``root`` with the ``_config.yml`` ``config`` (and ``files`` written)."""
    forget_sites()
    write(root, {"_config.yml": config, **(files or {})})
    return site_findings(root)


def oracle_site(root: Path) -> None:
    write(root, {"_config.yml": CONFIG, **{name: page(*front) for name, front in ORACLE_FILES.items()}})


def test_page_urls_match_a_jekyll_build(tmp_path):
    oracle_site(tmp_path)
    assert {p.url for p in index_of(tmp_path).pages if p.renders} == BUILT


MARKDOWNIFY_LINKS = "[a](/data.html#installing) [b](/raw.html#installing) [c](/raw.html#example)\n"


def test_a_page_whose_liquid_renders_markdown_has_ids_fmlint_does_not_know(tmp_path):
    """uswds' developers page: `{% assign content = site.data.install-readme.decoded | markdownify %}` writes the
    headings of a README from data (4 false SITE004). A `markdownify` inside `{% raw %}` is shown, not run:
    that page is judged. (A Hugo page's `{{ .Summary | markdownify }}` is text: Hugo runs no template there.)"""
    data = page("title: Data", body="{% assign c = site.data.readme | markdownify %}\n{{ c }}\n")
    raw = page("title: Raw", body="## Example\n\n{% raw %}\n{{ page.excerpt | markdownify }}\n{% endraw %}\n")
    write(
        tmp_path,
        {
            "_config.yml": "",
            "_data/readme.yml": "",
            "data.md": data,
            "raw.md": raw,
            "index.md": page("title: Home", body=MARKDOWNIFY_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"index.md:{at(5, MARKDOWNIFY_LINKS, '/raw.html#installing')} SITE004"]
    hugo = tmp_path / "hugo"
    write(hugo, {"hugo.toml": "", "content/data.md": data})
    assert [p.facts.hidden_markdown for p in index_of(hugo).pages if p.file] == [False]


def test_a_page_showing_a_jekyll_scholar_bibliography_has_ids_fmlint_does_not_know(tmp_path):
    """al-folio's publications page is `{% bibliography %}`: jekyll-scholar writes an element for each entry, its
    ID the entry's key, and the site's news link to `/publications/#einstein1905` (a false SITE004 each). A page
    showing only `{% bibliography_count %}` (a number) is judged."""
    links = "[a](/publications/#einstein1905) [b](/count/#einstein1905)\n"
    files = {
        "_config.yml": "",
        "publications.md": page("title: Publications", "permalink: /publications/", body="{% bibliography %}\n"),
        "count.md": page("title: Count", "permalink: /count/", body="{% bibliography_count %} papers\n"),
        "index.md": page("title: Home", body=links),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [f"index.md:{at(5, links, '/count/#einstein1905')} SITE004"]


def test_a_page_of_a_theme_layout_writing_ids_of_data_has_ids_fmlint_does_not_know(tmp_path):
    """Blockchain Commons' site loads Minimal Mistakes as a `remote_theme`: its category archive (`layout:
    categories`) writes a section for each category, `<section id="{{ category[0] | slugify | downcase }}">`; a
    post's `/categories/#musings` was a false SITE004. A site whose own `_layouts/categories.html` writes no such
    ID, and a site of another theme, are judged."""
    links = "[a](/categories/#musings)\n"
    files = {
        "_pages/category-archive.md": page("title: Categories", "layout: categories", "permalink: /categories/"),
        "index.md": page("title: Home", body=links),
    }
    expected = [f"index.md:{at(5, links, '/categories/#musings')} SITE004"]
    assert (
        jekyll_findings(tmp_path, "remote_theme: mmistakes/minimal-mistakes@4.26.2\ninclude: [_pages]\n", files) == []
    )
    assert placed(jekyll_findings(tmp_path, "theme: jekyll-theme-chirpy\ninclude: [_pages]\n", files)) == expected
    own = {**files, "_layouts/categories.html": "<section>{{ content }}</section>\n"}
    assert placed(jekyll_findings(tmp_path, "theme: minimal-mistakes-jekyll\ninclude: [_pages]\n", own)) == expected


LAYOUT_LINKS = "[a](/guide/button.html#variants-button) [b](/styled.html#nope) [c](/data.html#typography)\n"


def test_a_page_whose_layout_or_liquid_writes_ids_of_data_has_ids_fmlint_does_not_know(tmp_path):
    """uswds' component pages: the `component` layout their front matter defaults give them includes a file
    writing `<h3 id="component-variants-{{ key }}">`; its settings page writes `<h2 id="{{ section.name |
    slugify }}">` in a loop over data (18 false SITE004). A layout's `id="{{ page.title | slugify }}"` is the title's alone: a page
    of that layout is judged."""
    config = "defaults:\n  - scope: {path: guide}\n    values: {layout: component}\n"
    write(
        tmp_path,
        {
            "_config.yml": config,
            "_layouts/component.html": "---\nlayout: base\n---\n{% include guidance.html key=page.key %}\n",
            "_layouts/base.html": "{{ content }}\n",
            "_includes/guidance.html": '<h3 id="variants-{{ include.key }}">Variants</h3>\n',
            "_layouts/styleguide.html": '<h1 id="{{ page.title | slugify }}">{{ page.title }}</h1>{{ content }}\n',
            "guide/button.md": page("title: Button", "key: button"),
            "styled.md": page("title: Styled", "layout: styleguide"),
            "data.md": page(
                "title: Data", body='{% for s in site.data.x %}\n<h2 id="{{ s.name | slugify }}">x</h2>\n{% endfor %}\n'
            ),
            "index.md": page("title: Home", body=LAYOUT_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"index.md:{at(5, LAYOUT_LINKS, '/styled.html#nope')} SITE004"]


PLUGIN_LINKS = "[a](/series/cocoa/) [b](/people/ash/) [c](/author/ash/) [d](/filtered/x/) [e](/blog/categories/ios/)\n"
SERIES_PLUGIN = """module Jekyll
  class SeriesIndex < Page
  end
  class Site
    def write_series_indexes
      dir = self.config['author_dir'] || 'author'
      path = File.join("series", safe_name)
      read_yaml(File.join(base, '_layouts'), 'series_index.html')
      cats = site.config['category_dir'] || 'categories'
    end
  end
end
"""


def test_folders_a_sites_plugins_write_pages_into_are_not_judged(tmp_path):
    """artsy.github.io's `_plugins` write `/series/…/`, `/author/…/` and `/blog/categories/…/` (its
    `category_dir`) pages: 36 false SITE003. The folders a page-making plugin names, in the forms such plugins
    use, are left alone, in a subfolder of `_plugins` too (Jekyll loads `_plugins/**/*.rb`: kuma.io's
    `_plugins/generators/`); a configured folder replaces the plugin's default; a plugin that makes no page names
    none."""
    write(
        tmp_path,
        {
            "_config.yml": "author_dir: people\n",
            "_plugins/generators/series.rb": SERIES_PLUGIN.replace("'categories'", "'blog/categories'"),
            "_plugins/filters.rb": 'module Jekyll\n  def link(x)\n    File.join("filtered", x)\n  end\nend\n',
            "index.md": page("title: Home", body=PLUGIN_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"index.md:{at(5, PLUGIN_LINKS, '/author/ash/')} SITE003",
        f"index.md:{at(5, PLUGIN_LINKS, '/filtered/x/')} SITE003",
    ]


ARCHIVE_LINKS = "[a](/categories/rp4-farm/) [b](/tag/go/) [c](/tags/go/) [d](/2024/) [e](/archive/2024/06/)\n"


def test_the_folders_jekyll_archives_writes_into_are_not_judged(tmp_path):
    """Chirpy's sites (jekyll-archives is a runtime dependency of its gem) link `/categories/rp4-farm/`, a page the
    plugin writes for the posts' category (a false SITE003 on a Chirpy blog): the folders of the enabled archives'
    permalinks (configured, else jekyll-archives' defaults) are not judged; a disabled archive's are, and so,
    still, are the links of one whose permalink opens with a token (`/:year/`: no folder to leave alone)."""
    archives = (
        "jekyll-archives:\n  enabled: [categories, year, month]\n"
        "  permalinks:\n    category: /categories/:name/\n    month: /archive/:year/:month/\n"
    )
    write(tmp_path, {"_config.yml": archives, "index.md": page("title: Home", body=ARCHIVE_LINKS)})
    assert placed(site_findings(tmp_path)) == [
        f"index.md:{at(5, ARCHIVE_LINKS, '/tag/go/')} SITE003",
        f"index.md:{at(5, ARCHIVE_LINKS, '/tags/go/')} SITE003",
        f"index.md:{at(5, ARCHIVE_LINKS, '/2024/')} SITE003",
    ]


PROJECT_LINKS = "[a](/hanafuda/) [b](https://someone.github.io/circles/play/) [c](/docs/missing/) [d](/docs/a/)\n"


@pytest.mark.parametrize(
    "config",
    [
        "url: https://someone.github.io\n",
        "url: https://someone.dev\n",
        'repository: "someone/someone.github.io"\n',  # (GitHub Pages gives it its URL)
        'repository: "someone/blog"\n',
    ],
)
def test_a_github_pages_user_sites_links_to_project_sites_are_not_judged(tmp_path, config):
    """Chirpy blogs at `<owner>.github.io` link `/hanafuda/`, `https://c-w-z.github.io/circles/`: the owner's other
    repositories' project sites, which GitHub Pages serves below the user site (5 false SITE003 on two blogs). On
    such a site a link below a folder nothing of the site makes (or to one name, `/hanafuda/`) is not judged; one
    below a folder it has still is, and on a site elsewhere all are. A user site's repository without a `url`
    (an academic site's `repository: "ArceLopera/ArceLopera.github.io"`, whose teaching page links
    `../PythonRefresher/`) is one too."""
    url = "https://someone.github.io" if "github.io" in config else "https://someone.dev"
    body = PROJECT_LINKS.replace("https://someone.github.io", url)
    write(tmp_path, {"_config.yml": config, "docs/a.md": page("title: A"), "index.md": page("title: H", body=body)})
    found = placed(site_findings(tmp_path))
    missing = f"index.md:{at(5, body, '/docs/missing/')} SITE003"
    if url == "https://someone.github.io":
        assert found == [missing]
    elif config.startswith("url"):
        assert found == [
            f"index.md:{at(5, body, '/hanafuda/')} SITE003",
            f"index.md:{at(5, body, url + '/circles/play/')} SITE003",
            missing,
        ]
    else:  # (a site of no URL of its own: `https://someone.dev/…` is another site's)
        assert found == [f"index.md:{at(5, body, '/hanafuda/')} SITE003", missing]


COMMENT_LINKS = "[a](#comments) [b](/plain.html#comments) [c](#comment) [d](/index.html#top)\n"


@pytest.mark.parametrize("tag", ["include", "include_cached"])
def test_an_id_a_pages_layout_writes_is_one_of_its_ids(tmp_path, tag):
    """artsy.github.io's posts: the `epic` layout includes `gh_comments.html`, which writes `<section
    id="comments" />`; their `[comments](#comments)` links are fine (jekyll-include-cache's `include_cached`
    includes alike). A page of another layout, or an ID no layout writes, is judged as before."""
    write(
        tmp_path,
        {
            "_config.yml": "defaults:\n  - scope: {path: ''}\n    values: {layout: epic}\n",
            "_layouts/epic.html": f"---\nlayout: base\n---\n{{{{ content }}}}\n{{% {tag} gh_comments.html %}}\n",
            "_layouts/base.html": '<a id="top"></a>{{ content }}\n',
            "_layouts/plain.html": "{{ content }}\n",
            "_includes/gh_comments.html": '<section id="comments" />\n',
            "plain.md": page("title: Plain", "layout: plain"),
            "index.md": page("title: Home", body=COMMENT_LINKS),
        },
    )
    near = COMMENT_LINKS.index("(#comment)") + 2
    assert placed(site_findings(tmp_path)) == [
        f"index.md:{at(5, COMMENT_LINKS, '/plain.html#comments')} SITE004",
        f"index.md:5:{near}-5:{near + len('#comment')} SITE004",
    ]


NAVIGATION_LINKS = "[a](#beginner-mode) [b](#mode-trigger)\n"


def test_an_anchor_a_layout_includes_from_the_pages_folder_is_one_of_its_ids(tmp_path):
    """react-admin's docs: the layout's `{% include_relative navigation.html %}` writes the `navigation.html` beside
    each page (Jekyll's `include_relative` reads from the page's folder, in a layout too), which holds `<a
    name="beginner-mode">`: a fragment's target in HTML, as an `id` is (its pages' `#beginner-mode` links). An
    `<input name>` is no target, and a page in a folder without the file has no such anchor."""
    navigation = '<a class="switch" name="beginner-mode">Beginner</a><input name="mode-trigger" type="checkbox">\n'
    files = {
        "_layouts/default.html": "<nav>{% include_relative navigation.html %}</nav>{{ content }}\n",
        "docs/navigation.html": navigation,
        "docs/index.md": page("title: Home", body=NAVIGATION_LINKS),
        "docs/more/index.md": page("title: More", body=NAVIGATION_LINKS),
    }
    config = "defaults:\n  - scope: {path: ''}\n    values: {layout: default}\n"
    assert placed(jekyll_findings(tmp_path, config, files)) == [
        f"docs/index.md:{at(5, NAVIGATION_LINKS, '#mode-trigger')} SITE004",
        f"docs/more/index.md:{at(5, NAVIGATION_LINKS, '#beginner-mode')} SITE004",
        f"docs/more/index.md:{at(5, NAVIGATION_LINKS, '#mode-trigger')} SITE004",
    ]


INCLUDE_LINKS = "[a](#forms) [b](#form) [c](#summary) [d](#variable)\n"


def test_the_id_an_include_tag_gives_names_an_element(tmp_path):
    """W3C's WAI site: `{% include box.html id="forms" title="Form Checks" %}` (its theme's, from a gem) writes
    the box with that ID. A quoted `id` argument is one of the page's IDs; an unquoted one is a variable."""
    body = (
        INCLUDE_LINKS + '\n{% include box.html type="start" id="forms" title="Form Checks" %}\n'
        "{% include_cached box.html id='summary' %}\n{% include box.html id=page.variable %}\n"
    )
    write(tmp_path, {"_config.yml": "theme: wai-website-theme\n", "index.md": page("title: Home", body=body)})
    assert placed(site_findings(tmp_path)) == [
        f"index.md:5:{INCLUDE_LINKS.index('(#form)') + 2}-5:{INCLUDE_LINKS.index('(#form)') + 7} SITE004",
        f"index.md:{at(5, INCLUDE_LINKS, '#variable')} SITE004",
    ]


def test_a_layouts_parent_is_named_by_its_front_matter_alone(tmp_path):
    """A layout's parent is its front matter's `layout:`; the same words in its body name none."""
    from fmlint.site.templates import liquid_layout_writes_ids

    write(
        tmp_path,
        {
            "_layouts/child.html": "---\nlayout: parent\n---\n{{ content }}\n",
            "_layouts/plain.html": "---\ntitle: x\n---\nlayout: parent\n{{ content }}\n",
            "_layouts/parent.html": '<h2 id="s-{{ page.key }}">S</h2>{{ content }}\n',
        },
    )
    assert liquid_layout_writes_ids(str(tmp_path / "_layouts/child.html"))
    assert not liquid_layout_writes_ids(str(tmp_path / "_layouts/plain.html"))


SPECIAL_LINKS = "[a](/api/_template.html) [b](#nope)\n"


def test_a_file_whose_name_starts_with_an_underscore_is_no_page(tmp_path):
    """delphi-epidata's `api/covidcast-signals/_source-template.md`: Jekyll's reader skips a file named so (as it
    does such a folder). Its fragments are not judged, its title is no other page's duplicate, a link to it
    leads nowhere."""
    write(
        tmp_path,
        {
            "_config.yml": CONFIG,
            "api/page.md": page("title: T", body=SPECIAL_LINKS),
            "api/_template.md": page("title: T", body="[c](#APPLICABLE-SECTION)\n"),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"api/page.md:{at(5, SPECIAL_LINKS, '/api/_template.html')} SITE003",
        f"api/page.md:{at(5, SPECIAL_LINKS, '#nope')} SITE004",
    ]


def test_a_posts_category_is_one_of_its_categories(tmp_path):
    """scala-lang.org's posts of `category: blog` are at `/blog/2017/02/28/collections-rework.html` (20 false
    SITE003): Jekyll adds `category` to `categories` (a string of one, or a list), and `:categories` joins them."""
    write(
        tmp_path,
        {
            "_config.yml": "",
            "_posts/2017-02-28-a.md": page("title: A", "category: Blog"),
            "_posts/2017-02-28-b.md": page("title: B", "categories: [x]", "category: [y, x]"),
            "_posts/2017-02-28-c.md": page("title: C", "categories: news"),
        },
    )
    assert sorted(p.url for p in index_of(tmp_path).pages if p.renders) == [
        "/blog/2017/02/28/a.html",
        "/news/2017/02/28/c.html",
        "/x/y/2017/02/28/b.html",
    ]


def test_a_post_named_with_an_impossible_date_is_no_page(tmp_path):
    """`2020-13-45-x.md` fits Jekyll's file-name pattern, and Jekyll stops at its date: fmlint makes no page of it
    (and had raised ValueError where a date of two digits each fit). A day past the month's end, up to 31, Ruby's
    `Time.local` carries into the next month: a ski blog's `2025-02-31-e8.md` is a post of 2025-03-03 (fmlint
    made no page of it either), and so is one whose front matter says `date: 2021-04-31`."""
    files = {
        "_posts/2020-13-45-x.md": page("title: X"),
        "_posts/2020-1-2-y.md": page("title: Y"),
        "_posts/2025-02-31-e8.md": page("title: E8"),
        "_posts/2021-04-30-z.md": page("title: Z", "date: 2021-04-31"),
    }
    write(tmp_path, {"_config.yml": "", **files})
    assert sorted((p.name, p.url) for p in index_of(tmp_path).pages if p.renders) == [
        ("2020-1-2-y", "/2020/01/02/y.html"),
        ("2021-04-30-z", "/2021/05/01/z.html"),
        ("2025-02-31-e8", "/2025/03/03/e8.html"),
    ]


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="no jekyll (Debian's jekyll package)")
def test_page_urls_match_jekyll_building_them_now(tmp_path):
    oracle_site(tmp_path)
    subprocess.run(["jekyll", "build", "-q"], cwd=tmp_path, check=True, capture_output=True, timeout=300)
    site = tmp_path / "_site"
    built = {"/" + str(path.relative_to(site)).replace(os.sep, "/") for path in site.rglob("*") if path.is_file()}
    assert {_written(url) for url in BUILT} == built


def _written(url: str) -> str:
    """The file Jekyll writes a page's URL to: a folder's ``index.html``, ``.html`` after a name without one."""
    if url.endswith("/"):
        return url + "index.html"
    return url if "." in url.rsplit("/", 1)[-1] else url + ".html"


def test_links_in_markdown_and_in_liquid(tmp_path):
    """Root-relative links, `relative_url` paths, `{% link %}` (a file) and `{% post_url %}` (a post, Jekyll
    fails the build without one) at their paths; near-misses: a `redirect_from` URL, an HTML page's permalink,
    a file Jekyll copies, and tags in a `{% raw %}` block (Liquid there is not run)."""
    links = (
        "[a](/docs/intro/#setup) [b](/docs/gone/) [c]({{ '/docs/nope/' | relative_url }}) "
        "[d]({% link _docs/missing.md %}) [e]({% post_url 2021-01-03-none %})\n\n"
        "[f](/old/) [g](/showcase/) [h](/img/logo.png) [i]({% link _docs/intro.md %}) "
        "[j]({% post_url 2021-01-02-welcome %}) [k]({{ 'docs/intro/' | relative_url }})\n\n"
        "{% raw %}\n[l]({% link _docs/example.md %})\n{% endraw %}\n"
    )
    oracle_site(tmp_path)
    write(
        tmp_path,
        {
            "_docs/intro.md": page("title: Intro", "redirect_from:", "  - /old/", body="## Setup\n\n" + links),
            "pages/showcase.html": "---\npermalink: /showcase/\n---\n<p>x</p>\n",
            "img/logo.png": "png",
        },
    )
    first = links.splitlines()[0]
    assert placed(site_findings(tmp_path)) == [
        f"_docs/intro.md:{at(9, first, '/docs/gone/')} SITE003",
        f"_docs/intro.md:{at(9, first, '/docs/nope/')} SITE003",
        f"_docs/intro.md:{at(9, first, '_docs/missing.md')} SITE003",
        f"_docs/intro.md:{at(9, first, '2021-01-03-none')} SITE003",
    ]


def test_jekyll_liquid_on_another_generators_site_is_an_example(tmp_path):
    """A Hugo page that shows Jekyll's Liquid (a migration guide) names nothing on the Hugo site."""
    body = "```liquid\n[a]({{ '/nope/' | relative_url }}) {% link _docs/x.md %} {% post_url 2021-01-01-x %}\n```\n"
    write(
        tmp_path, {"hugo.toml": 'baseURL = "https://example.org/"\n', "content/migrate.md": page("title: M", body=body)}
    )
    assert site_findings(tmp_path) == []


def test_a_project_sites_baseurl(tmp_path):
    """`baseurl: /repo` (a GitHub Pages project site): a link must carry it, or go through `relative_url`;
    one without it that names a page of the site misses it; one naming no page is another site's."""
    links = "[a](/repo/docs/intro/) [b](/docs/intro/) [c]({{ '/docs/intro/' | relative_url }}) [d](/other-repo/)\n"
    oracle_site(tmp_path)
    write(tmp_path, {"_config.yml": CONFIG + "baseurl: /repo\n", "about.md": page("title: About", body=links)})
    found = site_findings(tmp_path)
    start = links.index("[b](") + len("[b](") + 1
    assert placed(found) == [f"about.md:5:{start}-5:{start + len('/docs/intro/')} SITE003"]
    assert "misses the site's baseurl `/repo`: write `/repo/docs/intro/`" in found[0]


@pytest.mark.parametrize("production", [False, True])
def test_the_configuration_files_a_netlify_build_names_are_read_in_order(tmp_path, production):
    """W3C's WAI site: `_config.yml` keeps a preview's `baseurl: /wai-website`; Netlify builds it with
    `--config '_config.yml,_config_staging.yml'`, whose `baseurl: /` comes after. Its links to `/docs/intro/` are
    the site's pages; one carrying the preview's path is no page."""
    links = "[a](/docs/intro/) [b](/wai-website/docs/intro/)\n"
    oracle_site(tmp_path)
    command = "bundle exec jekyll build --profile --config '_config.yml,_config_staging.yml'"
    write(
        tmp_path,
        {
            "_config.yml": CONFIG + 'baseurl: "/wai-website"\n',
            "_config_staging.yml": 'baseurl: "/"\nurl: "https://wai.example"\n',
            "netlify.toml": '[build]\npublish = "_site"\n'
            + ("\n[context.production]\n" if production else "")
            + f'command = "{command}"\n',
            "about.md": page("title: About", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"about.md:{at(5, links, '/wai-website/docs/intro/')} SITE003"]


def test_without_a_build_naming_configuration_files_config_yml_alone_is_read(tmp_path):
    links = "[a](/docs/intro/)\n"
    oracle_site(tmp_path)
    write(
        tmp_path,
        {
            "_config.yml": CONFIG + 'baseurl: "/wai-website"\n',
            "_config_staging.yml": 'baseurl: "/"\n',
            "netlify.toml": '[build]\ncommand = "bundle exec jekyll build"\n',
            "about.md": page("title: About", body=links),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [f"about.md:{at(5, links, '/docs/intro/')} SITE003"]
    assert "misses the site's baseurl `/wai-website`" in found[0]


PAGES_LINKS = (
    "[a](/docs/intro/) [b](/top-ten/docs/intro/) [c](/top-ten/gone/) [d](/www-project-samm/) "
    "[e]({{ '/docs/intro/' | relative_url }})\n"
)


def pages_project(root: Path, remote: str, **files: str) -> Path:
    """A Jekyll site GitHub Pages builds (the `github-pages` gem) in the folder `www` of a git repository whose
    `origin` is ``remote`` (slsa.dev's layout): the site's folder."""
    site = root / "www"
    oracle_site(site)
    write(site, {"Gemfile": 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n', **files})
    write(site, {"about.md": page("title: About", body=PAGES_LINKS)})
    write(root, {".git/config": f'[core]\n\tbare = false\n[remote "origin"]\n\turl = {remote}\n'})
    return site


@pytest.mark.parametrize("baseurl", ["", "baseurl:\n", "baseurl: /\n"])
def test_a_github_pages_project_site_is_served_below_its_repositorys_name(tmp_path, baseurl):
    """OWASP's `www-project-top-ten` sets no `baseurl`: GitHub Pages serves it at `owasp.org/www-project-top-ten/`,
    beside its other projects' sites, which its pages link from the root (`/www-project-samm`: 202 false SITE003).
    The repository's name is its `baseurl` then (jekyll-github-metadata's, which replaces `baseurl: /` too): a link
    without it to a page of the site misses it, one to no page is another project's; a link with it is judged."""
    site = pages_project(tmp_path, "git@github.com:acme/top-ten.git", **{"_config.yml": CONFIG + baseurl})
    found = site_findings(site)
    assert placed(found) == [
        f"about.md:{at(5, PAGES_LINKS, url)} SITE003" for url in ("/docs/intro/", "/top-ten/gone/")
    ]
    assert (
        "misses the path GitHub Pages serves the project under, `/top-ten` (no `baseurl` is set; with a domain of its "
        'own, set `baseurl: ""`): write `/top-ten/docs/intro/`'
    ) in found[0]


@pytest.mark.parametrize(
    ("remote", "files"),
    [
        ("https://github.com/acme/top-ten", {"CNAME": "top-ten.acme.org\n"}),  # a domain of its own: at its root
        ("https://github.com/acme/acme.github.io.git", {}),  # the owner's site: at the host's root
        ("https://gitlab.com/acme/top-ten.git", {}),  # not on GitHub
        ("https://github.com/acme/top-ten.git", {"netlify.toml": "[build]\n"}),  # deployed by Netlify
        ("https://github.com/acme/top-ten.git", {"../netlify.toml": "[build]\n"}),  # from the repository's root
        ("https://github.com/acme/top-ten.git", {"_config.yml": CONFIG + "baseurl: ''\n"}),  # set, empty
    ],
)
def test_a_site_github_pages_serves_from_its_root(tmp_path, remote, files):
    site = pages_project(tmp_path, remote, **files)
    assert read_site(str(site)).base_path == ""
    # (the owner's site: `/top-ten/…` may be its project site `top-ten`, which GitHub serves below it)
    user_site = remote.endswith("/acme.github.io.git")
    assert placed(site_findings(site)) == [
        f"about.md:{at(5, PAGES_LINKS, url)} SITE003"
        for url in ("/top-ten/docs/intro/", "/top-ten/gone/", "/www-project-samm/")
        if not user_site
    ]


def test_links_with_the_sites_url_are_the_sites_below_its_path(tmp_path):
    """PMD's docs: `url: https://docs.pmd-code.org/latest`, and links to `…/pmd-doc-7.0.0/…`, the docs of older
    versions deployed beside it on the host (2,203 false SITE003). A link below the `url`'s path is one of the
    site's pages, read without that path; another path of the host is another site's, not judged."""
    links = (
        "[a](https://docs.pmd.dev/latest/docs/intro/) [b](https://docs.pmd.dev/latest/gone/) "
        "[c](https://docs.pmd.dev/pmd-doc-7.0.0/docs/intro/) [d](https://docs.pmd.dev/latest) "
        "[e](https://docs.pmd.dev/latestx/)\n"
    )
    oracle_site(tmp_path)
    config = CONFIG + "url: https://docs.pmd.dev/latest/\n"
    write(tmp_path, {"_config.yml": config, "about.md": page("title: About", body=links)})
    found = site_findings(tmp_path)
    assert placed(found) == [f"about.md:{at(5, links, 'https://docs.pmd.dev/latest/gone/')} SITE003"]
    assert "`https://docs.pmd.dev/latest/gone/` leads into this site: `/gone/` is no page's URL" in found[0]


def test_relative_links_resolve_from_the_pages_url(tmp_path):
    """`../configuration/options/` on `/docs/intro/` is `/docs/configuration/options/`; on `/about.html` (no
    pretty permalink) `folder/` is `/folder/`; with a baseurl the browser keeps it, so the link is the site's."""
    oracle_site(tmp_path)
    links = "[a](../configuration/options/) [b](../nope/) [c](./#setup)\n"
    write(
        tmp_path,
        {
            "_config.yml": CONFIG + "baseurl: /repo\n",
            "_docs/intro.md": page("title: Intro", body="## Setup\n\n" + links),
            "about.md": page("title: About", body="[d](folder/) [e](folder/gone/)\n"),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"_docs/intro.md:{at(7, links, '../nope/')} SITE003",
        f"about.md:{at(5, '[d](folder/) [e](folder/gone/)', 'folder/gone/')} SITE003",
    ]
    assert "`../nope/` leads to `/docs/nope/`" in found[0]


LIQUID_LINKS = (
    "[1]({% link a.md %}#nope) [2]({% link a.md %}#real-heading) [3]({{ '/a/' | relative_url }}#nope)\n"
    "[4]({{ site.baseurl }}/nothere/) [5]({{site.baseurl}}/a/#nope) [6]({{ site.baseurl }}/a/#real-heading)\n"
    "[7]({{ site.baseurl }}/download/nim-{{ site.nim_version }}.tar.xz)\n"  # (nim-lang.org's: not judged)
)


def test_fragments_after_liquid_tags_and_links_after_site_baseurl(tmp_path):
    """just-the-docs writes `{% link docs/x.md %}#section` 12 times and `{{site.baseurl}}/docs/x/` 9 times:
    the fragment after the tag, and a path after `site.baseurl`, are the link's (a Jekyll build shows all four
    broken ones broken)."""
    write(
        tmp_path,
        {
            "_config.yml": "permalink: pretty\n",
            "a.md": page("title: A", body="## Real heading\n"),
            "b.md": page("title: B", body=LIQUID_LINKS),
        },
    )
    first, second, _ = LIQUID_LINKS.splitlines()
    assert placed(site_findings(tmp_path)) == [
        f"b.md:{at(5, first, 'a.md')} SITE004",  # (at the path in the tag: the first `a.md`)
        f"b.md:{at(5, first, '/a/')} SITE004",
        f"b.md:{at(6, second, '/nothere/')} SITE003",
        f"b.md:{at(6, second, '/a/#nope')} SITE004",
    ]


EXCLUDED_LINKS = "[1](/notes/secret/) [2](notes/secret.md) [3]({% link notes/secret.md %}) [4](/kept/)\n"


def test_files_in_exclude_are_no_pages(tmp_path):
    """`exclude: [notes/]`: Jekyll reads nothing there, so writes no page, and `{% link %}` to it fails the build
    (just-the-docs excludes its README and fixtures)."""
    write(
        tmp_path,
        {
            "_config.yml": "permalink: pretty\nexclude:\n  - notes/\n",
            "notes/secret.md": page("title: Secret"),
            "kept.md": page("title: Kept"),
            "a.md": page("title: A", body=EXCLUDED_LINKS),
        },
    )
    found = site_findings(tmp_path)
    tag = EXCLUDED_LINKS.index("{% link ") + len("{% link ") + 1
    assert placed(found) == [
        f"a.md:{at(5, EXCLUDED_LINKS, '/notes/secret/')} SITE003",
        f"a.md:{at(5, EXCLUDED_LINKS, 'notes/secret.md')} SITE003",
        f"a.md:5:{tag}-5:{tag + len('notes/secret.md')} SITE003",  # (the path in the tag)
    ]
    assert "Jekyll fails the build" in found[2]


def test_links_to_excluded_files_in_files_jekyll_does_not_build_are_read_as_on_github(tmp_path):
    """metal3-io.github.io: `AGENTS.md` (no front matter: Jekyll copies it as it is) links `GUIDELINES.md`, which
    `exclude` names; the link is read where the file is (GitHub), where it works. A page with front matter
    beside them is still told (and a file `exclude` names is no page: the site rules leave it)."""
    links = "[g](GUIDELINES.md) [m](missing.md)\n"
    files = {
        "GUIDELINES.md": page("title: Guidelines"),
        "AGENTS.md": "# Agents\n\n" + links,
        "README.md": page("title: Readme", body=links),
        "a.md": page("title: A", body=links),
    }
    assert placed(jekyll_findings(tmp_path, "exclude:\n  - GUIDELINES.md\n  - README.md\n", files)) == [
        f"AGENTS.md:{at(3, links, 'missing.md')} SITE003",
        f"a.md:{at(5, links, 'GUIDELINES.md')} SITE003",
        f"a.md:{at(5, links, 'missing.md')} SITE003",
    ]


GENERATED_LINKS = "[a](/rubydoc/Formula.html) [b](/rubydoc/Formula) [c](/rubydoc/) [d](/rubydocs/Formula.html)\n"


def test_files_git_ignores_in_the_site_are_written_by_a_build_step(tmp_path):
    """Homebrew's docs (103 links): `/docs/rubydoc` in the repository's `.gitignore` is the API reference a
    build step writes into the Jekyll site before Jekyll copies it, so links into it are not judged; outside a
    repository, or to a folder git does not ignore, they are."""
    write(
        tmp_path,
        {
            ".gitignore": "/docs/rubydoc\n",
            "docs/_config.yml": "permalink: pretty\n",
            "docs/index.md": page("title: Home"),
            "docs/Formula-Cookbook.md": page("title: Cookbook", body=GENERATED_LINKS),
        },
    )
    (tmp_path / ".git").mkdir()
    assert placed(site_findings(tmp_path / "docs")) == [
        f"Formula-Cookbook.md:{at(5, GENERATED_LINKS, '/rubydocs/Formula.html')} SITE003"
    ]
    (tmp_path / ".git").rmdir()
    forget_sites()
    assert len(site_findings(tmp_path / "docs")) == 4


# Headings, and the IDs kramdown (2.4.0, kramdown-parser-gfm 1.1.0: Jekyll 4.3.1's) gives them with each set of
# options; with Ruby's kramdown installed they are made again here
KRAMDOWN_HEADINGS = [
    "brew(1) -- The Manual",  # (the GFM parser's typographic dashes, `<<` and `>>` are no part of IDs)
    "A --- B",
    "<< guillemets >>",
    "x² ① Ⅻ ½ 3",  # (marks and letter numbers kept; other numbers dropped)
    "ইন্সটল গিট",
    "`--flag` x",  # (code as written)
    'Dots... and "quotes" it\'s',
    "Über  Straße",
    "Twice",
    "Twice",
    "Twice-1",  # (counted for its own text: an ID again)
    "①",  # (the GFM parser: an empty ID is none)
    "①",
    "Custom {#twice}",
    "Version {#v0.14.2}",  # (a custom ID keeps its dots, as docsy.dev's changelog writes them)
    "قائمة تحقّق {#قائمة-تحقّق}",  # (an XML name: opensource.guide's Arabic IDs keep their marks)
]
KRAMDOWN_OPTIONS = {
    "": {"brew1--the-manual", "a--b", "guillemets", "x--ⅻ--3", "ইন্সটল-গিট", "--flag-x", "dots-and-quotes-its"}
    | {"über--straße", "twice", "twice-1", "-1", "v0.14.2", "قائمة-تحقّق"},
    "kramdown:\n  input: kramdown\n": {"brew1----the-manual", "a-----b", "guillemets-", "x----3", "section", "flag-x"}
    | {"dots-and-quotes-its", "ber--strae", "twice", "twice-1", "section-1", "section-2", "v0.14.2", "قائمة-تحقّق"},
    "kramdown:\n  auto_id_prefix: sec-\n": {"sec-brew1--the-manual", "sec-a--b", "sec-guillemets", "sec-x--ⅻ--3"}
    | {"sec-ইন্সটল-গিট", "sec---flag-x", "sec-dots-and-quotes-its", "sec-über--straße", "sec-twice", "sec-twice-1"}
    | {"sec-", "sec--1", "twice", "v0.14.2", "قائمة-تحقّق"},
    "kramdown:\n  auto_ids: false\n": {"twice", "v0.14.2", "قائمة-تحقّق"},
}


@pytest.mark.parametrize("options", sorted(KRAMDOWN_OPTIONS))
def test_heading_ids_are_kramdowns(tmp_path, options):
    """Homebrew's docs (`# brew(1) -- The Package Manager`) and training-kit's Indic pages: kramdown's IDs, not
    goldmark's (truth run against Jekyll 4.3.1); `kramdown:` options in `_config.yml` are read."""
    body = "".join(f"## {text}\n\n" for text in KRAMDOWN_HEADINGS)
    write(tmp_path, {"_config.yml": options or "title: t\n", "index.md": page("title: Home", body=body)})
    (found,) = [p for p in index_of(tmp_path).pages if p.file is not None]
    assert found.ids == KRAMDOWN_OPTIONS[options]
    if shutil.which("ruby") is not None and (made := _kramdown_ids(tmp_path, body, options)) is not None:
        assert found.ids == made


def _kramdown_ids(root: Path, body: str, options: str) -> set[str] | None:
    """The IDs Ruby's kramdown gives ``body``'s headings with the ``_config.yml`` ``options`` (None without it)."""
    settings = {"input": "GFM", "auto_ids": True, "auto_id_prefix": ""}
    for line in options.splitlines()[1:]:
        key, _, value = line.strip().partition(": ")
        settings[key] = {"false": False}.get(value, value)
    script = (
        "require 'kramdown'; require 'kramdown-parser-gfm'; o = {input: ARGV[0], auto_ids: ARGV[1] == 'true',"
        ' auto_id_prefix: ARGV[2]}; puts Kramdown::Document.new(STDIN.read, o).to_html.scan(/ id="([^"]*)"/)'
    )
    arguments = [settings["input"], str(settings["auto_ids"]).lower(), str(settings["auto_id_prefix"])]
    done = subprocess.run(
        ["ruby", "-e", script, *arguments], input=body, capture_output=True, text=True, cwd=root, check=False
    )
    return set(done.stdout.split()) if done.returncode == 0 else None


def test_an_html_page_is_one_page_not_a_folder_of_them(tmp_path):
    """opensource.guide: a root `index.html` (an HTML page with front matter) had made every URL below `/` one that
    no Markdown file shows: no link to a missing page was reported on the whole site."""
    links = "[a](/) [b](/guide/) [c](/missing/) [d](/guide/missing/)\n"
    write(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "index.html": "---\nlayout: default\n---\n<h1>Home</h1>\n",
            "guide/index.html": "---\ntitle: Guide\n---\n<p>Guide</p>\n",
            "a.md": page("title: A", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"a.md:{at(5, links, target)} SITE003" for target in ("/missing/", "/guide/missing/")
    ]


def test_a_collections_documents_of_every_kind_are_pages(tmp_path):
    """choosealicense.com: `_licenses/mit.txt` (front matter, then the license's text) is written to
    `/licenses/mit/` by the collection's permalink (16 false SITE003); with the default permalink a document
    keeps its own extension (`/notes/a.txt`). A file without front matter, and one in a collection not written,
    is no page."""
    links = "[a](/licenses/mit/) [b](/licenses/plain/) [c](/notes/a.txt) [d](/notes/a/) [e](/archive/d/)\n"
    collections = "collections:\n  licenses:\n    output: true\n    permalink: /licenses/:path/\n"
    write(
        tmp_path,
        {
            "_config.yml": collections + "  notes:\n    output: true\n  archive:\n    output: false\n",
            "_licenses/mit.txt": "---\ntitle: MIT License\n---\nPermission is hereby granted\n",
            "_licenses/plain.txt": "Permission is hereby granted\n",
            "_notes/a.txt": "---\ntitle: A\n---\nText\n",
            "_archive/d.txt": "---\ntitle: D\n---\nText\n",
            "index.md": page("title: Home", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"index.md:{at(5, links, target)} SITE003" for target in ("/licenses/plain/", "/notes/a/", "/archive/d/")
    ]


POLYGLOT = (
    "permalink: pretty\nplugins: [jekyll-polyglot]\nlanguages: [en, de]\ndefault_lang: en\nlang_from_path: true\n"
)
POLYGLOT_LINKS = "[a](/de/) [b](/de/about/) [c](/de/2020/01/01/hello/) [d](/de/only-english/) [e](/de/nope/)\n"


@pytest.mark.parametrize("plugin", [True, False])
def test_jekyll_polyglot_writes_each_language_under_its_prefix(tmp_path, plugin):
    """polyglot.untra.io (134 SITE001 between a post and its translations): jekyll-polyglot writes a page of
    `lang: de` (or, with `lang_from_path`, of a `de/` folder) under `/de/`, and every page in every language
    (the default language's where one has none: `/de/only-english/`). Without the plugin they collide."""
    write(
        tmp_path,
        {
            "_config.yml": POLYGLOT if plugin else POLYGLOT.replace("plugins: [jekyll-polyglot]\n", ""),
            "index.md": page("title: Home", body=POLYGLOT_LINKS),
            "about.md": page("title: About\npermalink: /about/"),
            "about.de.md": page("title: Über\npermalink: /about/\nlang: de"),
            "only-english.md": page("title: Only English"),
            "_posts/2020-01-01-hello.md": page("title: Hello"),
            "_posts/de/2020-01-01-hello.md": page("title: Hallo"),
        },
    )
    targets = ["/de/nope/"] if plugin else POLYGLOT_LINKS.replace(")", "(").split("(")[1::2]
    collisions = (
        []
        if plugin
        else [f"{name}:1:1-1:1" for name in ("_posts/2020-01-01-hello.md", "_posts/de/2020-01-01-hello.md")]
    )
    collisions += (
        [] if plugin else [f"{name}:{at(3, 'permalink: /about/', '/about/')}" for name in ("about.de.md", "about.md")]
    )
    assert placed(site_findings(tmp_path)) == [
        *(f"{place} SITE001" for place in collisions),
        *(f"index.md:{at(5, POLYGLOT_LINKS, target)} SITE003" for target in targets),
    ]


def test_a_permalink_without_an_extension_is_written_as_html(tmp_path):
    """kubevirt.io's labs: `permalink: /labs/kubernetes/lab1` is written to `lab1.html` (Jekyll adds the output
    extension to a name without one), which links name (`/labs/kubernetes/lab1.html`: 3 false SITE003)."""
    links = "[a](/labs/lab1) [b](/labs/lab1.html) [c](/labs/lab2.html)\n"
    write(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "labs/lab1.md": page("title: Lab", "permalink: /labs/lab1"),
            "a.md": page("title: A", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"a.md:{at(5, links, '/labs/lab2.html')} SITE003"]


DEFAULTS = """defaults:
  - scope: {path: ""}
    values: {permalink: "/all/:basename/", layout: page}
  - scope: {path: "", type: posts}
    values: {permalink: "/blog/:year/:month/:day/:title/"}
  - scope: {path: "", type: pages}
    values: {permalink: "/p/:basename/"}
  - scope: {path: docs}
    values: {permalink: "/manual/:basename/"}
  - scope: {path: docs/old, type: page}
    values: {layout: legacy}
  - scope: {path: "notes/*"}
    values: {permalink: "/n/:basename/"}
  - scope: {path: v1.2}
    values: {permalink: "/v12/:basename/"}
  - scope: {path: "drafts/*.md"}
    values: {permalink: "/d/:basename/"}
  - scope: {path: "guides/**/api"}
    values: {permalink: "/api/:basename/"}
"""


def test_front_matter_defaults_give_permalinks(tmp_path):
    """strimzi.io: `defaults: [{scope: {type: posts}, values: {permalink: /blog/:year/:month/:day/:title/}}]` —
    its posts were indexed at the site's default style, and 116 links to them reported.  The sets are merged as
    Jekyll's `FrontmatterDefaults` merges them: a longer scope path, or the same with a type, takes precedence; a
    page asks for the permalink alone (`find`: `docs/old`'s set gives none); `page` is the old name of `pages`."""
    links = "[a](/blog/2023/10/03/hello/) [b](/2023/10/03/hello.html) [c](/manual/legacy/)\n"
    write(
        tmp_path,
        {
            "_config.yml": DEFAULTS,
            "_posts/2023-10-03-hello.md": page("title: Hello", body=links),
            "_posts/2023-10-04-own.md": page("title: Own", "permalink: /own/"),
            "about.md": page("title: About"),
            "docs/guide.md": page("title: Guide"),
            "docs/old/legacy.md": page("title: Legacy"),
            "notes/a/x.md": page("title: X"),
            "v1.2/y.md": page("title: Y"),
            "drafts/z.markdown": page("title: Z"),
            "drafts/w.md": page("title: W"),
            "guides/api/u.md": page("title: U"),
            "guides/v1/api/v.md": page("title: V"),
        },
    )
    urls = {os.path.relpath(p.absolute, tmp_path).replace(os.sep, "/"): p.url for p in index_of(tmp_path).pages}
    assert urls == {
        "_posts/2023-10-03-hello.md": "/blog/2023/10/03/hello/",
        "_posts/2023-10-04-own.md": "/own/",
        "about.md": "/p/about/",
        "docs/guide.md": "/manual/guide/",
        "docs/old/legacy.md": "/manual/legacy/",
        "notes/a/x.md": "/n/x/",
        "v1.2/y.md": "/v12/y/",  # (a folder's name with a dot)
        "drafts/z.markdown": "/p/z/",  # (the glob names `.md` files, as Jekyll's Dir.glob: the pages' set applies)
        "drafts/w.md": "/d/w/",
        "guides/api/u.md": "/api/u/",  # (`**/` is any number of folders, none too, as in Ruby's Dir.glob)
        "guides/v1/api/v.md": "/api/v/",
    }
    assert placed(site_findings(tmp_path)) == [
        f"_posts/2023-10-03-hello.md:{at(5, links, '/2023/10/03/hello.html')} SITE003"
    ]


def test_links_a_netlify_redirect_rule_serves_are_not_judged(tmp_path):
    """strimzi.io moved its posts to `/blog/` and keeps `/2019/:month/:date/:slug` in a `_redirects` that its
    `_config.yml` includes (Jekyll copies no `_` file it does not name); netlify.toml's rules count too. A
    `_redirects` Jekyll does not copy serves nothing."""
    links = "[a](/2019/05/13/old-post.html) [b](/moved/x/) [c](/elsewhere/x/)\n"
    files = {
        "_config.yml": 'include: ["_redirects"]\n',
        "_redirects": "/2019/:month/:date/:slug  /blog/2019/:month/:date/:slug  301\n",
        "netlify.toml": '[[redirects]]\nfrom = "/moved/*"\nto = "/blog/"\n',
        "a.md": page("title: A", body=links),
    }
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [f"a.md:{at(5, links, '/elsewhere/x/')} SITE003"]
    forget_sites()
    write(tmp_path, {**files, "_config.yml": "title: t\n"})
    assert placed(site_findings(tmp_path)) == [
        f"a.md:{at(5, links, target)} SITE003" for target in ("/2019/05/13/old-post.html", "/elsewhere/x/")
    ]


def test_a_page_including_markdown_has_headings_fmlint_does_not_see(tmp_path):
    """kubevirt.io: `{% include quickstarts/virtctl.md %}` writes the include's `## Virtctl` into the page, and a
    link to `#virtctl` was a false SITE004; such a page's fragments are not judged, nor those of a page whose
    included HTML gives elements IDs (strimzi.io's `{% include_relative deploying-book.html %}`, its generated
    docs: 37 false SITE004).  An HTML include without IDs writes none: its page's fragments are judged."""
    links = "[a](/guide/#virtctl) [b](/other/#nope) [c](/book/#proc-x) [d](/book/#any)\n"
    write(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "_includes/virtctl.md": "## Virtctl\n",
            "_includes/note.html": "<p>Note</p>\n",
            "guide.md": page("title: Guide", "permalink: /guide/", body="## Intro\n\n{% include virtctl.md %}\n"),
            "other.md": page("title: Other", "permalink: /other/", body="{% include note.html %}\n"),
            "docs/book.md": page("title: Book", "permalink: /book/", body="{% include_relative book.html %}\n"),
            "docs/book.html": '<h2 id="proc-x">X</h2>\n',
            "a.md": page("title: A", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"a.md:{at(5, links, '/other/#nope')} SITE004"]
    if shutil.which("jekyll") is not None:
        subprocess.run(["jekyll", "build", "-q"], cwd=tmp_path, check=True, capture_output=True, timeout=300)
        assert 'id="virtctl"' in (tmp_path / "_site/guide/index.html").read_text(encoding="utf-8")


def test_a_redirect_from_written_as_one_string(tmp_path):
    """jekyllrb.com: `redirect_from: "/help/index.html"` (one string, not a list) is a redirect as well."""
    links = "[a](/help/) [b](/docs/templates/) [c](/gone/)\n"
    write(
        tmp_path,
        {
            "_config.yml": "title: t\n",
            "help.md": page("title: Help", 'redirect_from: "/help/index.html"', "permalink: /community/"),
            "liquid.md": page("title: Liquid", "redirect_from: /docs/templates/"),
            "a.md": page("title: A", body=links),
        },
    )
    assert placed(site_findings(tmp_path)) == [f"a.md:{at(5, links, '/gone/')} SITE003"]


MARKDOWN_IN_HTML = (
    '<div class="notice" markdown="1">\n'  # 1: kramdown reads its content as Markdown
    "## Inside\n"
    "[a](#inside) [b](#nope)\n"  # 3
    "</div>\n"
    "\n"
    '<div markdown="0">\n'  # raw HTML: no heading, no link
    "## Zero\n"
    "[c](#nowhere)\n"
    "</div>\n"
    "\n"
    "[d](#zero) [e](#inside)\n"  # 11
)


def test_elements_with_markdown_1_hold_markdown(tmp_path, capsys, monkeypatch):
    """kramdown (Jekyll's) reads the content of an element with `markdown="1"` as Markdown, as MkDocs' md_in_html
    does: its heading has an ID and its links are links (to CommonMark they were an HTML block's raw text: a
    false broken anchor, a missed one); `markdown="0"` keeps it raw. Checked with Ruby's kramdown when present."""
    write(tmp_path, {"_config.yml": "title: t\n", "index.md": page("title: Home", body=MARKDOWN_IN_HTML)})
    monkeypatch.chdir(tmp_path)
    forget_sites()
    main(["--no-cache", "--select", "SITE", "--format", "json", "."])
    found = [(d["line"], d["column"], d["message"].split("`")[1]) for d in json.loads(capsys.readouterr().out)]
    lines = MARKDOWN_IN_HTML.splitlines()
    assert found == [(7, lines[2].index("#nope") + 1, "#nope"), (15, lines[10].index("#zero") + 1, "#zero")]
    if shutil.which("ruby") is not None and (made := _kramdown_ids(tmp_path, MARKDOWN_IN_HTML, "")) is not None:
        assert made == {"inside"}


EXTERNAL_LINKS = (
    "[a](https://virt.test/user-guide/operations/#nodes) [b](/user-guide) [c](/user-guides/x/)\n"
    "[d](HTTPS://virt.test/api-reference/main/definitions.html#_v1) [e](/gone/)\n"
    "{{ '/user-guide/storage/' | relative_url }}\n"
)


def test_paths_another_project_serves_are_not_judged(tmp_path, capsys, monkeypatch):
    """kubevirt.io links `https://kubevirt.io/user-guide/…` and `…/api-reference/…` from 40 posts: GitHub Pages
    sites of the kubevirt/user-guide and kubevirt/api-reference repositories on the organization's domain, not
    pages of this site (149 false SITE003 before the option; its own html-proofer run ignores them the same
    way). Listed in `external-paths`, they are left alone, segment by segment (`/user-guides/` is still judged),
    and a change of the option is seen by the kept findings."""
    write(
        tmp_path,
        {
            "_config.yml": "url: https://virt.test\n",
            "index.md": page("title: Home", body=EXTERNAL_LINKS),
        },
    )
    monkeypatch.chdir(tmp_path)
    forget_sites()

    def found() -> list[tuple[int, int, str]]:
        main(["--cache-dir", str(tmp_path / "cache"), "--select", "SITE", "--format", "json", "."])
        return [(d["line"], d["column"], d["message"].split("`")[1]) for d in json.loads(capsys.readouterr().out)]

    lines = EXTERNAL_LINKS.splitlines()
    every = [
        (5, lines[0].index("https://virt.test/user-guide/") + 1, "https://virt.test/user-guide/operations/#nodes"),
        (5, lines[0].index("/user-guide)") + 1, "/user-guide"),
        (5, lines[0].index("/user-guides/") + 1, "/user-guides/x/"),
        (6, lines[1].index("HTTPS://") + 1, "HTTPS://virt.test/api-reference/main/definitions.html#_v1"),
        (6, lines[1].index("/gone/") + 1, "/gone/"),
        (7, lines[2].index("/user-guide/storage/") + 1, "/user-guide/storage/"),
    ]
    assert found() == every
    main(["--cache-dir", str(tmp_path / "cache"), "--select", "SITE", "--format", "json", "."])
    messages = [d["message"] for d in json.loads(capsys.readouterr().out)]
    hint = "if another project or a build step makes `/user-guides/`, list it in `external-paths`"
    assert messages[2].endswith(f"; no folder of the site's content is named `user-guides` ({hint})")
    assert "external-paths" not in messages[4]  # (`/gone/`: a page's URL, or another project's? not said)
    (tmp_path / ".fmlint.toml").write_text(
        '[rules.site]\nexternal-paths = ["/user-guide/", "https://virt.test/api-reference"]\n', encoding="utf-8"
    )
    assert found() == [every[2], every[4]]
    (tmp_path / ".fmlint.toml").write_text('[rules.site]\nexternal-paths = ["user-guide"]\n', encoding="utf-8")
    assert found() == [every[2], every[3], every[4]]


def test_an_empty_tag_is_reported_without_what_hugo_would_do(tmp_path):
    write(tmp_path, {"_config.yml": "title: t\n", "_posts/2024-01-02-a.md": page('title: "A"', 'tags: [go, "", "?"]')})
    assert site_findings(tmp_path) == [
        "_posts/2024-01-02-a.md:3:12-3:14 SITE007 tags term is empty: it names no term",
        "_posts/2024-01-02-a.md:3:16-3:19 SITE007 tags term `?` has no letter or digit: no reader can tell what it names",
    ]


def test_unpublished_pages_are_not_built(tmp_path):
    """`published: false`: Jekyll reads no such page or post (its Publisher), unless `unpublished: true` — no
    collision with the page it would replace; a link to it leads nowhere, and `{% link %}`/`{% post_url %}` to it
    fail the build."""
    body = "[a](/about/) [b]({% link old-about.md %}) [c]({% post_url 2021-01-02-hidden %})\n"
    files = {
        "about.md": page("title: About", "permalink: /about/"),
        "old-about.md": page("title: Old about", "permalink: /about/", "published: false"),
        "_posts/2021-01-02-hidden.md": page("title: Hidden", "published: false"),
        "index.md": page("title: Home", body=body),
    }
    found = jekyll_findings(tmp_path, "title: S\n", files)
    assert placed(found) == [
        f"index.md:{at(5, body, 'old-about.md')} SITE003",
        f"index.md:{at(5, body, '2021-01-02-hidden')} SITE003",
    ]
    assert "names `" in found[0] and "old-about.md`, whose front matter says `published: false`" in found[0]
    assert found[0].endswith("Jekyll builds it only with `unpublished: true` (the tag fails the build)")
    assert placed(jekyll_findings(tmp_path, "title: S\nunpublished: true\n")) == [
        "about.md:3:12-3:19 SITE001",
        "old-about.md:3:12-3:19 SITE001",
    ]


def test_posts_to_come_are_not_built(tmp_path):
    """Jekyll reads no post dated later than now (its Publisher, unless `future: true`): a link to its URL leads to
    the page built there, if any (no collision), else nowhere; `{% post_url %}` to it fails the build."""
    body = (
        "[a](/2999/01/02/later.html) [b]({% post_url 2999-01-02-later %}) [c]({% post_url 2020-01-02-dated %}) "
        "[d](/2999/03/04/dated.html)\n"
    )
    files = {
        "_posts/2999-01-02-later.md": page("title: Later"),
        "_posts/2020-01-02-dated.md": page("title: Dated", "date: 2999-03-04"),  # (its front matter's date counts)
        "placeholder.md": page("title: Soon", "permalink: /2999/01/02/later.html"),
        "index.md": page("title: Home", body=body),
    }
    found = jekyll_findings(tmp_path, "title: S\n", files)
    assert placed(found) == [
        f"index.md:{at(5, body, '2999-01-02-later')} SITE003",
        f"index.md:{at(5, body, '2020-01-02-dated')} SITE003",
        f"index.md:{at(5, body, '/2999/03/04/dated.html')} SITE003",
    ]
    assert "names a post dated 2999-01-02 (`" in found[0]
    assert found[0].endswith("Jekyll builds it only from then, or with `future: true` (the tag fails the build)")
    assert found[2].endswith("`): Jekyll builds it only from then, or with `future: true`")
    assert placed(jekyll_findings(tmp_path, "title: S\nfuture: true\n")) == [
        "_posts/2999-01-02-later.md:1:1-1:1 SITE001",
        "placeholder.md:3:12-3:34 SITE001",
    ]


def test_folders_include_names_are_read_though_named_with_an_underscore(tmp_path):
    """academicpages and al-folio keep their pages in `_pages/` and name it in `include`: Jekyll reads it (the
    about page at `/`, the publications page, HTML, at `/publications/`; one without a permalink keeps its folder,
    `/_pages/cv.html`). fmlint made no page of them: a link to `/publications/` was reported broken. Without
    `include`, or in another `_` folder, Jekyll reads nothing there."""
    links = "[p](/publications/) [c](/_pages/cv.html) [n](/notes/) [m](/missing/)\n"
    files = {
        "_pages/about.md": page("title: About", "permalink: /", body=links),
        "_pages/publications.html": page("title: Publications", "permalink: /publications/"),
        "_pages/cv.md": page("title: CV"),
        "_notes/n.md": page("title: N", "permalink: /notes/"),
    }
    found = jekyll_findings(tmp_path, "include:\n  - _pages\n  - .htaccess\n", files)
    assert placed(found) == [
        f"_pages/about.md:{at(6, links, '/notes/')} SITE003",
        f"_pages/about.md:{at(6, links, '/missing/')} SITE003",
    ]
    assert sorted((p.name, p.url) for p in index_of(tmp_path).pages if p.renders) == [
        ("about", "/"),
        ("cv", "/_pages/cv.html"),
    ]
    forget_sites()
    write(tmp_path, {"_config.yml": "title: x\n", "index.md": page("title: Home", body=links)})
    assert [p.name for p in index_of(tmp_path).pages if p.renders] == ["index"]

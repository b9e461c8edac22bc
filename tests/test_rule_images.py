"""IMG rules: image URLs in front matter and body, and local images on disk."""

import os
import re
from pathlib import Path

import pytest
from support import PERMISSIVE, check, settings_with
from test_site_rules import hugo_build, needs_hugo, write

from fmlint.config.presets import PRESETS
from fmlint.discover import discover
from fmlint.linter import lint_path
from fmlint.rules import CHECKERS, RULES_BY_CODE
from fmlint.site.config import forget_sites

ALL = frozenset(RULES_BY_CODE)


def test_malformed_urls_in_front_matter_yaml():
    source = (
        "---\ntitle: x\n"
        'thumbnail: "https://"\n'
        "image: htps://x/a.png\n"
        "images:\n  - https://exa mple.com/a.jpg\n  - https://ok.example.com/b.png\n"
        "cover:\n  image: 'http://x:99999/a.png'\n"
        "---\n"
    )
    diagnostics = check(
        source, [(3, 12, "IMG001"), (4, 8, "IMG001"), (6, 5, "IMG001"), (9, 10, "IMG001")], schema=PERMISSIVE
    )
    assert [d.message for d in diagnostics] == [
        "image URL `https://`: URL has no host",
        "image URL `htps://x/a.png`: unsupported scheme `htps:` (expected http or https)",
        "image URL `https://exa mple.com/a.jpg`: URL contains a space (encode it as %20)",
        "image URL `http://x:99999/a.png`: URL cannot be parsed (bad port or brackets)",
    ]


def test_malformed_urls_toml_and_json():
    check('+++\ntitle = "x"\nthumbnail = "htps://x/a.png"\n+++\n', [(3, 13, "IMG001")])
    check('{\n  "title": "x",\n  "thumbnail": "https://"\n}\n', [(3, 16, "IMG001")])


def test_body_images_markdown_reference_and_html():
    source = (
        "---\ntitle: x\n---\n"
        "![a](htps://x/a.png)\n"
        "![b][ref]\n"
        '<img alt="c" src="https://">\n'
        "![d]()\n"
        "\n[ref]: https://exa%20mple.com/ok.png\n"
        "[bad]: https://\n"
    )
    diagnostics = check(source, [(4, 6, "IMG001"), (6, 19, "IMG001"), (7, 6, "IMG001")])
    assert diagnostics[2].message == "image has no URL"


def test_cjk_text_before_a_body_url_counts_characters():
    source = "---\ntitle: 价格\n---\n本周价格下降 ![图表](htps://cdn.example.com/图.png) 结束\n"
    check(source, [(4, 14, "IMG001")])
    check('---\ntitle: 价格\n---\n中文 <img src="http://cdn.example.com/a.png" alt="图表">\n', [(4, 14, "IMG002")])


def test_a_url_a_template_writes_is_not_judged():
    """FastAPI's docs (MkDocs macros): `<img src="{{ sponsor.img }}">`; Jekyll's `{{ site.baseurl }}`, `{% link %}`;
    the image beside them is still checked."""
    source = (
        '---\ntitle: x\nimage: "{{ site.baseurl }}/a b.png"\n---\n<img src="{{ sponsor.img }}" alt="s">\n\n'
        "![x](<{{ site.baseurl }}/img/x y.png>) ![y](<{% link img/y.png %}>) ![z](<https://exa mple.com/c.png>)\n"
    )
    check(source, [(7, 75, "IMG001")])


def test_an_attribute_is_read_by_its_whole_name():
    """VitePress pages are Vue templates: `:src` binds an expression (vitest's docs: a template literal), and
    `data-src` is a lazy loader's; neither is `src`, which is still checked beside them."""
    source = (
        "---\ntitle: x\n---\n<img :src=\"`/ide/jb-${isDark ? 'light' : 'dark'}.png`\" alt=\"jb\">\n\n"
        '<img data-src="htps://lazy/a.png" v-bind:alt="x" alt="a" src="htps://x/a.png">\n'
    )
    check(source, [(6, 63, "IMG001")])


def test_images_of_liquid_blocks_no_page_shows_are_not_checked():
    """A `{% comment %}` or `{% highlight %}` block's image is not shown, nor is a Nunjucks `{% set x %}` block's
    (its text is the template's to use); a `{% raw %}` block's is: Liquid writes its text, the Markdown renders it."""
    source = (
        "---\ntitle: x\n---\n{% comment %}![a](htps://x/a.png){% endcomment %}\n\n"
        "{% set sample %}\n![b](htps://x/b.png)\n{% endset %}\n\n"
        "{% highlight md %}\n![c](htps://x/c.png)\n{% endhighlight %}\n\n"
        "{% raw %}![d](htps://x/d.png){% endraw %}\n"
    )
    check(source, [(14, 15, "IMG001")])


FIGURES = (
    '---\ntitle: x\n---\n中文 {{< figure src="htps://x/a.png" alt="a" >}}\n'
    '{{% figure caption="c" src=`https://exa mple.com/b.png` %}}\n'
    '{{</* figure src="htps://doc/only.png" */>}} {{< figure src="{{ .Site.BaseURL }}/x y.png" >}}\n'
)


def test_hugos_figure_shortcodes_show_images():
    """longhorn.io's website shows 2,257 images through `{{< figure src >}}`; an escaped call (documentation)
    and a URL a template writes are not judged, nor is a figure on a site whose generator is not Hugo's."""
    check(FIGURES, [(4, 20, "IMG001"), (5, 29, "IMG001")], preset="hugo")
    check(FIGURES, [], preset="jekyll")


def test_space_in_an_angle_bracketed_body_url():
    check("---\ntitle: x\n---\n图 ![a](<https://exa mple.com/a.jpg>)\n", [(4, 9, "IMG001")])


def test_crlf_does_not_shift_positions():
    source = '---\r\ntitle: x\r\nthumbnail: "http://cdn.example.com/a.png"\r\n---\r\n\r\n![a](http://cdn.example.com/b.png)\r\n'
    check(source, [(3, 12, "IMG002"), (6, 6, "IMG002")])


def test_http_policy():
    source = '---\ntitle: x\nimage: "http://cdn.example.com/a.png"\n---\n'
    [warning] = check(source, [(3, 8, "IMG002")])
    assert warning.severity == "warning" and warning.message.endswith("uses http; use https")
    [error] = check(source, [(3, 8, "IMG002")], rule_options={"images": {"http": "error"}})
    assert error.severity == "error"
    check(source, [], rule_options={"images": {"http": "allow"}})


def test_host_lists_cover_subdomains():
    source = "---\ntitle: x\n---\n![a](https://i.imgur.com/a.png) ![b](https://cdn.example.com/b.png) ![c](//evil.test/c.png)\n"
    denied = check(source, [(4, 6, "IMG003")], rule_options={"images": {"denied-hosts": ["imgur.com"]}})
    assert denied[0].message == "image host `i.imgur.com` is on the deny-list (denied-hosts)"
    allowed = check(
        source, [(4, 6, "IMG003"), (4, 74, "IMG003")], rule_options={"images": {"allowed-hosts": ["Example.com"]}}
    )
    assert allowed[1].message == "image host `evil.test` is not on the allow-list (allowed-hosts)"


def test_unknown_extension_is_a_warning_and_no_extension_is_fine():
    source = (
        '---\ntitle: x\nthumbnail: "https://example.com/gallery/chart.html"\n---\n'
        "![a](https://img.example.com/photo/123?w=800) ![b](https://example.com/A.PNG#x) ![c](/docs/file.pdf)\n"
    )
    diagnostics = check(source, [(3, 12, "IMG004"), (5, 86, "IMG004")])
    assert diagnostics[0].message.startswith(
        "image URL `https://example.com/gallery/chart.html`: `.html` is not an image"
    )
    check(source, [(3, 12, "IMG004")], rule_options={"images": {"extensions": [".png", ".pdf"]}})


def test_badges_draw_an_image_whatever_their_path_says():
    """pydantic's docs: shields.io badges (`…/ci.yml?branch=main`, `…/badge/llms.txt-green`) are images; a word
    joined to a dot is no extension either."""
    source = (
        "---\ntitle: x\n---\n![ci](https://img.shields.io/github/actions/workflow/status/o/r/ci.yml?branch=main)"
        " ![llms](https://example.com/badge/llms.txt-green) ![f](https://badgen.net/npm/v/x.js) ![d](/a/doc.txt)\n"
    )
    check(source, [(4, 176, "IMG004")])


def test_empty_image_field_is_fine_by_default():
    source = '---\ntitle: x\nthumbnail: ""\nimages: ["", "https://cdn.example.com/a.png"]\n---\n'
    check(source, [])
    diagnostics = check(source, [(3, 12, "IMG005"), (4, 10, "IMG005")], enabled_codes=ALL)
    assert diagnostics[0].message == "image field `thumbnail` is empty; remove it if there is no image"


def test_custom_image_fields():
    source = '---\ntitle: x\nparams:\n  social:\n    card: "htps://x/a.png"\n---\n'
    check(source, [])
    check(source, [(5, 11, "IMG001")], rule_options={"images": {"fields": ["params.social.card"]}})


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def located_codes(path: Path, **options):
    return [(d.line, d.column, d.code, d.message) for d in lint_path(str(path), settings_with(**options)).diagnostics]


def test_local_images_resolve_in_the_bundle_then_static_and_assets(tmp_path):
    article = (
        '---\ntitle: x\nthumbnail: "/images/thumb.png"\ncover:\n  image: "/missing.png"\n---\n'
        "![a](chart.png) ![b](sub/Chart%20Two.png?w=1#top) ![c](logo.svg) ![d](gone.png)\n"
        '中文 <img src="/css/gone.webp" alt="样式">\n'
    )
    root = site(
        tmp_path,
        {
            "hugo.toml": "",
            "static/images/thumb.png": "",
            "assets/logo.svg": "",
            "content/posts/p/chart.png": "",
            "content/posts/p/sub/Chart Two.png": "",
            "content/posts/p/index.md": article,
        },
    )
    found = located_codes(root / "content/posts/p/index.md", schema=PERMISSIVE)
    sep = os.sep
    assert found == [
        (
            5,
            10,
            "IMG006",
            (
                f"local image `/missing.png` not found (looked for static{sep}missing.png, assets{sep}missing.png, "
                f"content{sep}missing.png)"  # a bundle's resource is published at its path
            ),
        ),
        (
            7,
            71,
            "IMG006",
            (
                "local image `gone.png` not found (looked for "
                f"content{sep}posts{sep}p{sep}gone.png, assets{sep}gone.png)"
            ),
        ),
        (
            8,
            14,
            "IMG006",
            (
                f"local image `/css/gone.webp` not found (looked for static{sep}css{sep}gone.webp, "
                f"assets{sep}css{sep}gone.webp, content{sep}css{sep}gone.webp)"
            ),
        ),
    ]


def test_a_figures_local_image_is_looked_for_as_a_markdown_images_is(tmp_path):
    article = (
        '---\ntitle: x\n---\n{{< figure src="/img/a.png" >}} {{< figure src="b.png" >}} {{< figure src="/c.png" >}}\n'
    )
    root = site(
        tmp_path, {"hugo.toml": "", "static/img/a.png": "", "content/p/b.png": "", "content/p/index.md": article}
    )
    found = located_codes(root / "content/p/index.md", schema=PERMISSIVE)
    assert [f[:3] for f in found] == [(4, 76, "IMG006")]


@pytest.mark.parametrize("marker", ["hugo.yaml", "hugo.json", "config.toml", "config.yaml", "_config.yml"])
def test_every_site_marker_finds_the_root(tmp_path, marker):
    root = site(
        tmp_path, {marker: "", "static/a.png": "", "content/a.md": "---\ntitle: x\n---\n![a](/a.png) ![b](/b.png)\n"}
    )
    assert [f[:3] for f in located_codes(root / "content/a.md")] == [(4, 19, "IMG006")]


def test_without_a_site_root_only_relative_paths_are_checked(tmp_path):
    root = site(tmp_path, {"a.md": "---\ntitle: x\n---\n![a](/a.png) ![b](b.png) ![c](../c.png)\n"})
    assert [f[:3] for f in located_codes(root / "a.md")] == [(4, 19, "IMG006")]


def test_without_a_site_root_the_places_are_relative_to_the_current_folder(tmp_path, monkeypatch):
    source = "---\r\ntitle: 食谱\r\n---\r\n😀 ![x](x.png) ![y](img/y.png)\r\n"
    site(tmp_path, {"recipes/soup.md": source})
    monkeypatch.chdir(tmp_path)
    sep = os.sep
    assert located_codes(Path("recipes/soup.md")) == [
        (4, 8, "IMG006", f"local image `x.png` not found (looked for recipes{sep}x.png)"),
        (4, 20, "IMG006", f"local image `img/y.png` not found (looked for recipes{sep}img{sep}y.png)"),
    ]
    monkeypatch.chdir(tmp_path / "recipes")
    assert located_codes(Path("soup.md"))[0][3] == "local image `x.png` not found (looked for x.png)"


def test_remote_and_malformed_urls_are_not_looked_up(tmp_path):
    source = '---\ntitle: x\n---\n![a](https://cdn.example.com/a.png) ![b](//cdn.example.com/b.png) <img src="a b.png" alt="c"> ![d](#top)\n'
    root = site(tmp_path, {"hugo.toml": "", "a.md": source})
    assert [f[2] for f in located_codes(root / "a.md")] == ["IMG001"]


def test_in_memory_text_is_not_looked_up():
    check("---\ntitle: x\n---\n![a](no-such-file-anywhere.png)\n", [])


def test_local_image_rule_says_it_depends_on_the_filesystem():
    dependent = {checker.name for checker in CHECKERS if checker.filesystem_dependent}
    assert dependent == {"local-images", "schema"}  # schema: an inline `$schema` file


CORPORA = [Path(__file__).resolve().parents[2] / "shared" / "corpora", Path("/work/shared/corpora")]
CORPUS = next((path for path in CORPORA if path.is_dir()), None)


@pytest.mark.skipif(CORPUS is None, reason="the shared corpora are not present")
@pytest.mark.parametrize("site_name", ["hugo-docs", "rust-blog"])
def test_no_false_missing_images_on_real_sites(site_name):
    assert CORPUS is not None
    settings = settings_with(PERMISSIVE, enabled_codes=frozenset({"IMG006"}))
    files = discover([str(CORPUS / site_name / "content")])
    assert len(files) > 500
    assert [d for path in files for d in lint_path(path, settings).diagnostics] == []


def test_an_image_where_a_mounted_folder_that_is_not_there_would_hold_it_is_not_judged(tmp_path):
    """Hugo's documentation mounts `assets`, which the shared corpus leaves out: its `{{< figure src >}}` images
    (global resources) may be there. A mount elsewhere (`assets/vendor`, from `node_modules`) leaves the rest
    judged."""
    config = (
        "[[module.mounts]]\nsource = 'assets'\ntarget = 'assets'\n"
        "[[module.mounts]]\nsource = 'node_modules/lib'\ntarget = 'assets/vendor'\n"
    )
    article = "---\ntitle: x\n---\n![a](/images/zion.jpg) ![b](/vendor/logo.svg)\n"
    root = site(tmp_path, {"hugo.toml": config, "content/a.md": article})
    assert located_codes(root / "content/a.md") == []
    (root / "assets").mkdir()
    assert [f[:3] for f in located_codes(root / "content/a.md")] == [(4, 6, "IMG006")]  # (/vendor: node_modules)


def test_hugo_finds_images_in_translations_bundles_beside_page_urls_and_in_mounts(tmp_path):
    """What opentelemetry.io relies on: 306 images of its translated bundles live in the English bundle only."""
    config = (
        "[languages.en]\ncontentDir = 'content/en'\nweight = 1\n[languages.es]\ncontentDir = 'content/es'\nweight = 2\n"
        "[[module.mounts]]\nsource = 'static'\ntarget = 'static'\n"
        "[[module.mounts]]\nsource = 'iconography'\ntarget = 'static/img/icons'\n"
    )
    root = site(
        tmp_path,
        {
            "config/_default/hugo.toml": config,
            "content/en/docs/bundle/index.md": "---\ntitle: x\n---\n![a](shot.png)\n",
            "content/en/docs/bundle/shot.png": "",
            "content/en/docs/img/arch.svg": "",
            "iconography/r.svg": "",
            "static/robots.txt": "",  # (a mounted folder that is not there may hold any image: not judged)
            "content/es/docs/bundle/index.md": "---\ntitle: x\n---\n![a](shot.png) ![b](gone.png)\n",
            "content/es/docs/page.md": (
                "---\ntitle: x\n---\n![a](../img/arch.svg) ![b](/img/icons/r.svg) ![c](/docs/bundle/shot.png)\n"
                "![d](img/arch.svg) ![e](/img/icons/s.svg)\n"
            ),
        },
    )
    sep = os.sep
    assert located_codes(root / "content/es/docs/bundle/index.md") == [
        (
            4,
            21,
            "IMG006",
            f"local image `gone.png` not found (looked for content{sep}es{sep}docs{sep}bundle{sep}gone.png, "
            f"assets{sep}gone.png, content{sep}en{sep}docs{sep}bundle{sep}gone.png)",
        )
    ]
    # ../img/arch.svg from the URL /es/docs/page/ is docs/img/arch.svg (an English resource); img/arch.svg is
    # that file from the page's folder (as editors, and uglyURLs, read it); /img/icons/s.svg is in no mount
    assert [f[:3] for f in located_codes(root / "content/es/docs/page.md")] == [(5, 25, "IMG006")]


@pytest.mark.parametrize("lower", [True, False])
def test_hugo_finds_images_in_themes_static_folders_and_bundles_in_any_case(tmp_path, lower):
    """buildpacks.io's images are its theme's (`themes/buildpacks/static/images/`: 10 false IMG006 before), and
    tekton.dev's `/docs/concepts/x.png` is `content/en/docs/Concepts/x.png`, which Hugo publishes in lower case
    (unless `disablePathToLower`)."""
    root = site(
        tmp_path,
        {
            "hugo.toml": f"theme = 'cnb'\nstaticDir = ['static', 'files']\ndisablePathToLower = {str(not lower).lower()}\n",
            "themes/cnb/static/images/builder.svg": "",
            "files/pdf/cover.png": "",
            "content/docs/Concepts/_index.md": "---\ntitle: x\n---\n",
            "content/docs/Concepts/Runs.png": "",
            "content/docs/Concepts/model.md": (
                "---\ntitle: x\n---\n![a](/images/builder.svg) ![b](/pdf/cover.png) ![c](/docs/concepts/runs.png)\n"
                "![d](/images/gone.svg) ![e](/docs/Concepts/Runs.png)\n"
            ),
        },
    )
    found = [f[:3] for f in located_codes(root / "content/docs/Concepts/model.md")]
    assert found == ([(5, 6, "IMG006")] if lower else [(4, 53, "IMG006"), (5, 6, "IMG006")])


def test_mkdocs_pages_images_relative_to_their_url(tmp_path):
    """Material for MkDocs' own docs write `../../assets/x.png` in `docs/setup/page.md`: from `/setup/page/`."""
    page = '---\ntitle: x\n---\n<img src="../../assets/shot.png" alt="a"> <img src="../../assets/gone.png" alt="b">\n'
    root = site(tmp_path, {"mkdocs.yml": "site_name: x\n", "docs/assets/shot.png": "", "docs/setup/page.md": page})
    options = PRESETS["mkdocs-material"].rule_options
    found = located_codes(root / "docs/setup/page.md", schema=PERMISSIVE, rule_options=options)
    assert [f[:3] for f in found] == [(4, 53, "IMG006")]
    assert found[0][3].endswith(f"docs{os.sep}assets{os.sep}gone.png)")


def test_an_mkdocs_snippets_images_beside_the_pages_including_it(tmp_path):
    """knative's `docs/snippets/logs.md` (no page: `exclude_docs`) shows `system.svg`, which the two pages including
    it have beside them; one missing beside its only includer is named there. A snippets folder's file MkDocs
    builds a page of is judged as a page."""
    config = (
        "site_name: x\nexclude_docs: |\n  snippets/\n"
        "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: docs/snippets\n"
    )
    files = {
        "mkdocs.yml": config,
        "docs/snippets/logs.md": "Logs: ![logs](system.svg)\n",
        "docs/snippets/gone.md": "Gone: ![g](gone.svg)\n",
        "docs/serving/logging/page.md": '# Serving\n\n--8<-- "logs.md"\n\n--8<-- "gone.md"\n',
        "docs/serving/logging/system.svg": "",
        "docs/eventing/page.md": "# Eventing\n\n--8<-- 'logs.md'\n",
        "docs/eventing/system.svg": "",
    }
    root = site(tmp_path, files)
    options = {"schema": PERMISSIVE, "rule_options": PRESETS["mkdocs-material"].rule_options}
    assert located_codes(root / "docs/snippets/logs.md", **options) == []
    (found,) = located_codes(root / "docs/snippets/gone.md", **options)
    assert found[:3] == (1, 12, "IMG006")
    assert found[3].endswith(f"docs{os.sep}serving{os.sep}logging{os.sep}gone.svg)")
    (root / "mkdocs.yml").write_text(config.replace("exclude_docs: |\n  snippets/\n", ""), encoding="utf-8")
    forget_sites()
    assert [f[:3] for f in located_codes(root / "docs/snippets/logs.md", **options)] == [(1, 15, "IMG006")]


def test_jekyll_pages_images_from_the_site_root_and_their_permalink(tmp_path):
    """al-folio's posts give `thumbnail: assets/img/9.jpg`, which its layouts write with `relative_url`: from the
    site's root; academicpages' about page (`permalink: /`) shows `images/me.png`, from `/`. A page without a
    permalink (or with one of tokens) still finds its body's images from its own folder only."""
    about = "---\ntitle: x\npermalink: /\n---\n![me](images/me.png) ![gone](images/gone.png)\n"
    post = "---\ntitle: x\nthumbnail: assets/img/9.jpg\nimage: assets/img/gone.jpg\n---\n![me](images/me.png)\n"
    tokens = "---\ntitle: x\npermalink: /:title/\n---\n![me](images/me.png)\n"
    files = {"_config.yml": "title: x\n", "images/me.png": "", "assets/img/9.jpg": ""}
    root = site(tmp_path, {**files, "_pages/about.md": about, "_posts/2024-01-01-a.md": post, "_pages/t.md": tokens})
    preset = PRESETS["jekyll"]
    options = {"schema": PERMISSIVE, "preset": "jekyll", "image_fields": preset.image_fields}
    options["rule_options"] = preset.options_with(preset.image_fields)
    found = located_codes(root / "_pages/about.md", **options)
    assert [f[:3] for f in found] == [(5, 30, "IMG006")]
    assert found[0][3] == (
        f"local image `images/gone.png` not found (looked for _pages{os.sep}images{os.sep}gone.png, "
        f"assets{os.sep}images{os.sep}gone.png, images{os.sep}gone.png)"
    )
    found = located_codes(root / "_posts/2024-01-01-a.md", **options)
    assert [f[:3] for f in found] == [(4, 8, "IMG006"), (6, 7, "IMG006")]
    assert [f[:3] for f in located_codes(root / "_pages/t.md", **options)] == [(5, 7, "IMG006")]


def test_astro_images_under_the_sites_base_are_in_public(tmp_path):
    """A blog starter deployed as a GitHub Pages project site (`base: "/blog-no-bloat"`) writes its hero images
    with the base, `/blog-no-bloat/blog-placeholder-1.jpg`: Astro serves `public/` there."""
    post = '---\ntitle: x\nheroImage: "/blog-no-bloat/hero.jpg"\n---\n![gone](/blog-no-bloat/gone.jpg)\n'
    config = 'export default defineConfig({\n  site: "https://a.github.io",\n  base: "/blog-no-bloat",\n});\n'
    files = {"astro.config.mjs": config, "public/hero.jpg": "", "src/content/blog/a.md": post}
    root = site(tmp_path, files)
    preset = PRESETS["astro"]
    options = {"schema": PERMISSIVE, "preset": "astro", "image_fields": preset.image_fields}
    found = located_codes(
        root / "src/content/blog/a.md", rule_options=preset.options_with(preset.image_fields), **options
    )
    assert [f[:3] for f in found] == [(5, 9, "IMG006")]
    assert found[0][3] == (
        "local image `/blog-no-bloat/gone.jpg` not found (looked for "
        f"public{os.sep}blog-no-bloat{os.sep}gone.jpg, public{os.sep}gone.jpg)"
    )


def test_astro_pages_front_matter_images_are_in_public(tmp_path):
    """A page of `src/pages/` hands its front matter to its layout as written (AstroPaper's `ogImage:
    "cheatsheet.png"`, made a URL from the site's root): found in `public/`. A collection entry's relative
    image, which Astro resolves from its file, and a page's body image are not looked for there."""
    page = '---\ntitle: x\nogImage: "sheet.png"\n---\n![body](sheet.png)\n'
    files = {"astro.config.mjs": "export default {};\n", "public/sheet.png": ""}
    root = site(tmp_path, {**files, "src/pages/cheatsheet.md": page, "src/content/blog/a.md": page})
    preset = PRESETS["astro-collections"]
    options = {"schema": PERMISSIVE, "preset": "astro-collections", "image_fields": preset.image_fields}
    options["rule_options"] = preset.options_with(preset.image_fields)
    assert [f[:3] for f in located_codes(root / "src/pages/cheatsheet.md", **options)] == [(5, 9, "IMG006")]
    found = located_codes(root / "src/content/blog/a.md", **options)
    assert [f[:3] for f in found] == [(3, 10, "IMG006"), (5, 9, "IMG006")]
    assert found[0][3] == (
        f"local image `sheet.png` not found (looked for src{os.sep}content{os.sep}blog{os.sep}sheet.png, "
        f"assets{os.sep}sheet.png)"
    )


def test_jekyll_front_matter_images_in_the_folders_the_sites_templates_prepend(tmp_path):
    """academicpages' publication layout writes `{{ page.thumbnail | prepend: "/images/" | prepend: base_path }}`
    (16 false IMG006 on one site), and its archive include captures a post's `header.teaser` before prepending
    `/images/` to it. A key no template prepends a folder to is looked for from the root only."""
    layout = '<img src="{{ page.thumbnail | prepend: "/images/" | prepend: base_path }}">'
    include = (
        '{% capture teaser %}{{ post.header.teaser }}{% endcapture %}<img src="{{ teaser | prepend: "/images/" }}">'
    )
    publication = "---\ntitle: x\nthumbnail: t.jpg\nimage: t.jpg\n---\n"
    post = "---\ntitle: x\nheader:\n  teaser: teaser.jpg\nthumbnail: gone.jpg\n---\n"
    files = {"_config.yml": "title: x\n", "images/t.jpg": "", "images/teaser.jpg": ""}
    files |= {"_layouts/publication.html": layout, "_includes/archive-single.html": include}
    root = site(tmp_path, {**files, "_publications/p.md": publication, "_posts/2024-01-01-a.md": post})
    preset = PRESETS["jekyll"]
    options = {"schema": PERMISSIVE, "preset": "jekyll", "image_fields": preset.image_fields}
    options["rule_options"] = preset.options_with(preset.image_fields)
    assert [f[:3] for f in located_codes(root / "_publications/p.md", **options)] == [(4, 8, "IMG006")]
    (found,) = located_codes(root / "_posts/2024-01-01-a.md", **options)
    assert found[:3] == (5, 12, "IMG006")
    assert found[3].endswith(f"gone.jpg, images{os.sep}gone.jpg)")


def test_an_image_through_cloudflares_resizing_is_the_sites_file(tmp_path):
    """`/cdn-cgi/image/<options>/<path>`: Cloudflare serves the site's `/<path>` resized (ryanfitton.co.uk's posts);
    a remote source behind it is not the site's."""
    article = (
        "---\ntitle: x\n---\n![a](/cdn-cgi/image/quality=75,format=webp/images/a.jpg)\n"
        "![b](/cdn-cgi/image/width=900/images/gone.jpg)\n![c](/cdn-cgi/image/fit=cover/https://example.org/c.jpg)\n"
    )
    root = site(tmp_path, {"hugo.toml": "", "static/images/a.jpg": "", "content/p.md": article})
    found = located_codes(root / "content/p.md", schema=PERMISSIVE)
    assert [(line, column, code) for line, column, code, _ in found] == [(5, 6, "IMG006")]
    assert f"looked for static{os.sep}images{os.sep}gone.jpg" in found[0][3]


SPACED = (
    "---\ntitle: x\nthumbnail: /images/a b.png\n---\n"
    '中文 ![a](</images/a b.png>) {{< figure src="/images/a b.png" >}} <img src="/images/a b.png" alt="a">\n'
    "![r](<https://cdn.example.com/a b.png>)\n"
)


def test_a_local_paths_spaces_are_written_encoded_in_markdown_images_and_figures():
    """CortexIntelligentAutomation's docs: 258 IMG001 for `{{< figure src="/images/Service Fabric Explorer.png" >}}`,
    each shown, as Hugo writes `src="/images/Service%20Fabric%20Explorer.png"`; a front-matter field (which a
    theme writes as it likes) and an HTML `src` are still reported, and a remote URL's space."""
    found = check(SPACED, [(3, 12, "IMG001"), (5, 75, "IMG001"), (6, 7, "IMG001")], preset="hugo")
    assert [d.message.split(": ", 1)[1] for d in found] == ["URL contains a space (encode it as %20)"] * 3


@needs_hugo
def test_hugo_writes_the_spaces_of_markdown_images_and_figures_encoded(tmp_path):
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "content/p.md": '---\ntitle: P\n---\n![a](</images/a b.png>) {{< figure src="/images/a b.png" >}}\n',
        },
    )
    out = hugo_build(tmp_path)
    assert re.findall(r'src="([^"]*)"', (out / "p/index.html").read_text()) == ["/images/a%20b.png"] * 2

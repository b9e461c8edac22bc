"""Presets on small sites of each generator (tests/data/sites/<generator>/).

Each site has a clean article, a faulty one, and faulty files in the folders
the preset excludes (templates, themes, build output), which must not be read.
"""

import json
import os
from pathlib import Path

import pytest

from fmlint.cli import main
from fmlint.config.presets import PRESETS
from fmlint.config.resolve import Overrides, Resolver
from fmlint.rules import CHECKERS
from fmlint.schema.loader import load_schema

SITES = Path(__file__).resolve().parent / "data" / "sites"

EXPECTED = {
    "hugo": [("content/posts/bad.md", 3, 6, "SC001")],
    "jekyll": [("_posts/2025-02-08-bad.md", 3, 12, "SC001"), ("_posts/2025-02-08-bad.md", 4, 7, "DT001")],
    # no preset configured: `_config.yml` beside a `package.json` depending on hexo; `scaffolds/` holds templates,
    # and the clean post's `2025-2-7 11:51:26`, `2025/02/08 09:00:00`, nested categories and empty `description:`
    # are what Hexo reads
    "hexo": [
        ("source/_posts/bad.md", 3, 7, "DT001"),
        ("source/_posts/bad.md", 4, 11, "SC001"),
        ("source/_posts/bad.md", 5, 19, "SC001"),  # (after CJK: `[[新闻, 3]]`)
        ("source/_posts/bad.md", 10, 9, "IMG006"),  # (the clean post's `/img/logo.png` is its theme's `source/`)
        # (Hexo 2's post: its front matter opens without `---`; `updated: "Nov 1, 2014"` is a date to V8)
        ("source/_posts/legacy.md", 2, 7, "DT001"),
    ],
    "astro": [("src/content/blog/bad.md", 1, 1, "SC003"), ("src/content/blog/bad.md", 3, 10, "SC001")],
    # no preset configured: an Astro project whose content configuration is not the blog starter's (no bundled
    # schema: its good post has neither `pubDate` nor `description`)
    "astro-collections": [("src/content/blog/bad.md", 4, 1, "FM002")],
    "starlight": [  # the clean page is MDX, with a hero and a YAML date
        ("src/content/docs/guides/start.md", 1, 1, "SC003"),
        ("src/content/docs/guides/start.md", 3, 11, "SC001"),
        ("src/content/docs/guides/start.md", 5, 10, "SC001"),
        ("src/content/docs/guides/start.md", 8, 14, "SC001"),
        ("src/content/docs/guides/start.md", 9, 1, "SC006"),
        ("src/content/docs/guides/start.md", 16, 12, "IMG006"),  # ~/assets/: tsconfig.json's alias of src/
    ],
    "docusaurus": [("docs/intro.md", 2, 19, "SC001"), ("docs/intro.md", 3, 24, "SC001")],
    "mkdocs-material": [("docs/index.md", 3, 5, "SC001"), ("docs/index.md", 4, 11, "SC001")],
    # no preset configured: `eleventy.config.js` names it (pages in its `dir.input`, `src/`); the clean post's front
    # matter is JavaScript (`---js`), the other's `description:` is no value and `date: Last Modified` the file's;
    # `blog/first.md` is a link from the input folder (InputPath-to-URL), a `{% set %}` block's is no link
    "eleventy": [
        ("src/blog/bad.md", 3, 12, "SC001"),
        ("src/blog/bad.md", 4, 14, "SC001"),
        ("src/blog/bad.md", 5, 7, "DT001"),
        ("src/blog/second.md", 10, 77, "SITE003"),
    ],
    # no preset configured: `.vitepress/config.mts` names it (pages in its `srcDir`, `docs/`); the home page has no
    # title (its heading's), `#_1-install`, `#Café-au-lait` (VitePress slugifies a link's fragment too) and
    # `{#custom-id}` lead to headings, `/logo.svg` is `docs/public/`'s
    "vitepress": [
        ("docs/guide/bad.md", 2, 10, "SC001"),
        ("docs/guide/bad.md", 3, 9, "SC001"),
        ("docs/guide/start.md", 12, 84, "SITE004"),
        ("docs/guide/start.md", 16, 59, "SITE004"),
        ("docs/guide/start.md", 16, 98, "SITE003"),
        ("docs/guide/start.md", 18, 28, "IMG006"),
    ],
    # no preset configured: `docs/.vuepress/config.ts` names it; vuepress-theme-hope's keys are known, `/logo.png`
    # is `.vuepress/public/`'s, a page that includes a file (`<!-- @include: -->`) has headings not seen, and
    # `./start.md#1-install` is `#_1-install` (VuePress puts `_` before a fragment's leading digit)
    "vuepress": [("docs/guide/start.md", 4, 8, "SC001"), ("docs/guide/start.md", 14, 135, "SITE004")],
    # no preset configured: `book.toml` names it; no front matter and no schema; mdBook's IDs (`#notes-1`,
    # `#über-größe`, `{#setup}`), a chapter that includes a file (`{{#include}}`) has headings not seen
    "mdbook": [
        ("src/README.md", 4, 68, "SITE004"),
        ("src/SUMMARY.md", 7, 15, "SITE003"),
        ("src/chapter_1.md", 5, 1, "MD024"),
    ],
    # no preset configured: `.gitbook.yaml` names it (pages in its `root`, `docs/`); GitBook's keys (`layout` is a
    # mapping), and `../../sdk/overview.md` in `quickstart/README.md` reaches the space's root as a URL does
    "gitbook": [
        ("docs/SUMMARY.md", 6, 10, "SITE003"),
        ("docs/quickstart/README.md", 3, 9, "FH001"),
        ("docs/quickstart/README.md", 3, 9, "SC001"),
        ("docs/quickstart/README.md", 8, 88, "SITE003"),
    ],
    # no preset configured: applications whose code reads their Markdown (no schema; dates as JavaScript's `new Date`
    # reads them: `2020/12/21`, `Dec 22, 2020`); a relative image from the page's URL in `public/` (react.dev's
    # `../images/…`), a README's `/public/…` from the repository's root as GitHub shows it; Gatsby's beside the post
    "nextjs": [("data/blog/bad.md", 3, 7, "DT001"), ("data/blog/bad.md", 6, 12, "IMG006")],
    "gatsby": [("content/blog/hello/index.md", 9, 9, "IMG006")],
    "nuxt": [("content/blog/post.md", 3, 7, "DT001")],  # (`navigation`, `seo`: Nuxt Content's keys, no SC002)
    # no preset configured: `docs/index.html` sets `window.$docsify`; no front matter and no schema (no SC004)
    "docsify": [("docs/guide.md", 3, 1, "MD001"), ("docs/guide.md", 5, 1, "MD045"), ("docs/guide.md", 5, 5, "IMG006")],
    "zola": [  # no preset configured: Zola's `config.toml` names it
        ("content/_index.md", 3, 1, "SC002"),  # a section has no `date`: Zola fails the build
        ("content/blog/bad.md", 3, 10, "SC001"),
        ("content/blog/bad.md", 4, 1, "SC002"),  # a page's `sort_by`: ignored by Zola
    ],
}


@pytest.mark.parametrize("generator", sorted(EXPECTED))
def test_preset_site(generator, capsys, monkeypatch):
    site = SITES / generator
    monkeypatch.chdir(site)
    assert main(["--format", "json", "."]) == 1
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(capsys.readouterr().out)]
    assert found == EXPECTED[generator]


def test_every_preset_has_a_site_and_a_valid_schema():
    assert set(PRESETS) - {"none"} == set(EXPECTED)
    for preset in PRESETS.values():
        if preset.schema is not None:
            assert load_schema(preset.schema).contents["properties"]


def test_preset_on_the_command_line_overrides_the_config(capsys, monkeypatch):
    monkeypatch.chdir(SITES / "jekyll")
    # Hugo requires a title and reads `published` as a date (an alias of publishDate)
    assert main(["--preset", "hugo", "--format", "json", "_posts/2025-02-08-bad.md"]) == 1
    found = [(d["code"], d["message"].split(":")[0]) for d in json.loads(capsys.readouterr().out)]
    assert found == [("SC003", "missing required key `title`"), ("DT001", "published"), ("DT001", "date")]


@pytest.mark.parametrize(
    ("files", "preset"),
    [
        ({"hugo.toml": "baseURL = '/'\n"}, "hugo"),
        ({"config/_default/params.toml": ""}, "hugo"),
        ({"_config.yml": "title: x\n"}, "jekyll"),
        ({"_config.yml": "title: x\n", "package.json": '{"dependencies": {"hexo": "^7.3.0"}}'}, "hexo"),
        ({"_config.yml": "title: x\n", "scaffolds/post.md": "", "source/about.md": ""}, "hexo"),
        ({"_config.yml": "title: x\n", "package.json": '{"dependencies": {"jekyll-feed": "1"}}'}, "jekyll"),
        ({"astro.config.mjs": "export default {};\n"}, "astro-collections"),
        ({"astro.config.mjs": "", "src/content.config.ts": "schema: z.object({pubDate: z.coerce.date()})"}, "astro"),
        ({"astro.config.mjs": "", "src/content/config.mjs": "schema: z.object({date: z.date()})"}, "astro-collections"),
        ({"astro.config.mjs": "", "src/content.config.ts": "z.object({pubDatetime: z.date()})"}, "astro-collections"),
        (
            {
                "astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default {integrations: [starlight()]};\n"
            },
            "starlight",
        ),
        ({"docusaurus.config.js": "module.exports = {};\n"}, "docusaurus"),
        ({"mkdocs.yml": "site_name: x\n"}, "mkdocs-material"),
        ({"config.toml": "base_url = 'https://example.org'\n"}, "zola"),
        ({".vitepress/config/index.ts": "export default {}\n"}, "vitepress"),
        ({".eleventy.js": "module.exports = () => ({})\n"}, "eleventy"),
        ({".vuepress/config.js": "module.exports = {}\n"}, "vuepress"),
        ({"book.toml": "[book]\ntitle = 'x'\n"}, "mdbook"),
        ({".gitbook.yaml": "root: ./\n"}, "gitbook"),
        ({"docs/index.html": "<script>window.$docsify = {name: 'x'}</script>\n"}, "docsify"),  # (no marker file)
        ({"docs/index.html": "<h1>A page</h1>\n"}, "hugo"),  # (an index.html of another site: no site)
        ({"next.config.ts": "export default {}\n"}, "nextjs"),
        ({"gatsby-config.js": "module.exports = {}\n"}, "gatsby"),
        ({"nuxt.config.ts": "export default defineNuxtConfig({})\n"}, "nuxt"),
        ({"nuxt.config.ts": "", "hugo.toml": ""}, "hugo"),  # (a site's marker first)
        ({"zola.toml": "base_url = 'https://example.org'\n", "config.toml": "baseURL = 'x'\n"}, "zola"),
        ({"config.toml": "baseURL = 'https://example.org'\n"}, "hugo"),
        ({}, "hugo"),  # no site: the default
        ({"_config.yml": "", ".fmlint.toml": 'preset = "none"\n'}, "none"),  # the configuration names it
    ],
)
def test_preset_is_the_generator_of_the_site_holding_the_files(tmp_path, files, preset):
    for name, text in {**files, "docs/a.md": ""}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    folder = tmp_path / ("src/content/docs" if "astro" in str(files) else "docs")
    folder.mkdir(parents=True, exist_ok=True)
    resolver = Resolver(Overrides(isolated=".fmlint.toml" not in files), cwd=tmp_path)
    assert resolver.project_for(str(folder / "a.md")).preset.name == preset
    assert Resolver(Overrides(preset="jekyll"), cwd=tmp_path).project_for(str(folder / "a.md")).preset.name == "jekyll"


def test_zola_sites_of_zola_toml_sections_in_each_language_and_assets_in_content(tmp_path, capsys, monkeypatch):
    """Zola reads `zola.toml` (abridge's starter: 136 false SC002 under Hugo's schema); `_index.fr.md` is a section
    in French (its `sort_by` is a section's key); a section's other files are served at its path (`content/images/
    ferris.svg` at `/images/ferris.svg`)."""
    files = {
        "zola.toml": "base_url = 'https://example.org'\n",
        "content/_index.fr.md": "+++\ntitle = 'Accueil'\nsort_by = 'date'\n+++\n",
        "content/images/_index.md": "+++\nrender = false\n+++\n",
        "content/images/ferris.svg": "<svg/>",
        "content/blog/a.md": "+++\ntitle = 'A'\ndate = 2025-02-07\n+++\n![Ferris](/images/ferris.svg)\n"
        "![Gone](/images/gone.svg)\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["--format", "json", "--no-cache", "content"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in found] == [
        (os.path.join("content", "blog", "a.md"), 6, 9, "IMG006")
    ]
    where = f"static{os.sep}images{os.sep}gone.svg, content{os.sep}images{os.sep}gone.svg"
    assert found[0]["message"] == f"local image `/images/gone.svg` not found (looked for {where})"


def test_preset_none_checks_syntax_only(capsys, monkeypatch):
    monkeypatch.chdir(SITES / "docusaurus")
    assert main(["--preset", "none", "docs"]) == 0
    assert "All checks passed (1 file checked)." in capsys.readouterr().out


def test_every_bundled_schema_property_has_a_title_and_description():
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                assert value.get("title") and value.get("description"), f"{where}/properties/{key}"
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    for path in sorted((Path(__file__).resolve().parents[1] / "schemas").glob("*.schema.json")):
        walk(json.loads(path.read_text()), path.name)


def _corpus(name: str) -> Path | None:
    for shared in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")):
        if (shared / "corpora" / name).is_dir():
            return shared / "corpora" / name
    return None


@pytest.mark.skipif(_corpus("hugo-docs") is None, reason="the hugo-docs corpus is not present")
def test_hugo_preset_skips_the_archetype_templates_of_a_real_site(capsys):
    site = _corpus("hugo-docs")
    # archetypes hold Go templates (`{{ .Date }}`), not YAML: syntax errors unless excluded
    assert main(["--isolated", "--preset", "none", "--select", "FM", "--format", "json", str(site)]) == 1
    templates = {Path(d["path"]).parent.name for d in json.loads(capsys.readouterr().out)}
    assert templates == {"archetypes"}
    assert main(["--isolated", "--select", "FM", "--format", "json", str(site)]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_preset_rule_options_name_real_modules_and_options(preset):
    modules = {checker.name: checker for checker in CHECKERS}
    for module, options in PRESETS[preset].options_with(PRESETS[preset].image_fields).items():
        assert module in modules, f"{preset}: no rule module `{module}`"
        for option, value in options.items():
            default = modules[module].options[option]
            assert type(value) is type(default), f"{preset}: {module}.{option}"


def test_jekyll_preset_reads_jekyll_date_fields(tmp_path, capsys):
    (tmp_path / ".fmlint.toml").write_text('preset = "jekyll"\n')
    (tmp_path / "post.md").write_text("---\ndate: 2025-02-07\nlast_modified_at: 2025-01-01\nlastmod: nonsense\n---\n")
    assert main(["--format", "json", str(tmp_path)]) == 1
    found = [(d["code"], d["message"]) for d in json.loads(capsys.readouterr().out)]
    assert found == [("DT002", "last_modified_at (2025-01-01 00:00:00) is earlier than date (2025-02-07 00:00:00)")]

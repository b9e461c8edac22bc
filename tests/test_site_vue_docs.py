"""VitePress and VuePress sites: the configuration fmlint reads and the heading IDs they make (the site rules on
whole sites: ``tests/data/sites/vitepress`` and ``vuepress`` in ``test_presets``)."""

from __future__ import annotations

import pytest

from fmlint.site.anchors import VITEPRESS, VUEPRESS, vitepress_slug
from fmlint.site.hexo import UNKNOWN_IDS
from fmlint.site.vue_docs import read_vue_docs


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Getting Started", "getting-started"),
        ("1. Install", "_1-install"),  # (a leading digit: `_`)
        ("Café au lait", "cafe-au-lait"),  # (accents taken off)
        ("What's new?", "what-s-new"),
        ("foo_bar", "foo-bar"),  # (`_` is punctuation to it)
        ("$frontmatter", "frontmatter"),
        ("a -- b", "a-b"),
        ("Ａｉ", "ai"),  # (NFKD: full-width letters)
        ("한글 제목", "한글-제목"),  # (Hangul composed again)
        ("专用的页面", "专用的页面"),
    ],
)
def test_vitepress_slugs_are_mdit_vues(text, slug):
    """``@mdit-vue/shared``'s ``slugify``: NFKD, combining marks and control characters dropped, each run of
    spaces and ASCII punctuation one ``-``, none at the ends, ``_`` before a leading digit, lowercased."""
    assert vitepress_slug(text) == slug


def test_vitepress_configuration_gives_the_source_folder_and_whether_ids_are_its_own(tmp_path):
    """``srcDir`` is the folder of the pages (the configuration's, not an option's of a plugin); a ``slugify`` of the site's own (pinia's, in a module of
    ``.vitepress/config/``) or other anchor options make the IDs unknown: no fragment is judged."""
    (tmp_path / ".vitepress").mkdir()
    config = "export default defineConfig({\n  srcDir: './src/',\n  pwa: {srcDir: '.vitepress/'},\n})\n"
    (tmp_path / ".vitepress" / "config.mts").write_text(config)
    assert read_vue_docs(str(tmp_path), "vitepress") == ("./src", VITEPRESS)
    (tmp_path / ".vitepress" / "config.mts").write_text("export default {\n  pwa: {srcDir: '.vitepress/'},\n}\n")
    assert read_vue_docs(str(tmp_path), "vitepress") == (".", VITEPRESS)  # (vueuse's: the PWA plugin's folder)
    (tmp_path / ".vitepress" / "config.mts").unlink()
    (tmp_path / ".vitepress" / "config").mkdir()
    (tmp_path / ".vitepress" / "config" / "index.ts").write_text("import { shared } from './shared'\n")
    (tmp_path / ".vitepress" / "config" / "shared.ts").write_text(
        "export const shared = {markdown: {anchor: {slugify}}}"
    )
    assert read_vue_docs(str(tmp_path), "vitepress") == (".", UNKNOWN_IDS)


def test_a_vite_plugin_transforming_markdown_makes_the_ids_unknown(tmp_path):
    """vueuse's `.vitepress/plugins/markdownTransform.ts` writes a "Type Declarations" heading into each page as
    Vite loads it; `transformHead(ctx)` and `transformItems(items)` are other hooks."""
    (tmp_path / ".vitepress" / "plugins").mkdir(parents=True)
    (tmp_path / ".vitepress" / "config.ts").write_text("export default {\n  transformHead(ctx) {},\n}\n")
    plugin = (
        "export const md = () => ({\n  async transform(code, id) {\n    if (!/\\.md\\b/.test(id)) return\n  },\n})\n"
    )
    (tmp_path / ".vitepress" / "theme").mkdir()
    (tmp_path / ".vitepress" / "theme" / "index.ts").write_text(plugin)  # (the theme's: no Vite plugin)
    assert read_vue_docs(str(tmp_path), "vitepress") == (".", VITEPRESS)
    (tmp_path / ".vitepress" / "plugins" / "markdownTransform.ts").write_text(plugin)
    assert read_vue_docs(str(tmp_path), "vitepress") == (".", UNKNOWN_IDS)


def test_vuepress_reads_its_own_folder_and_no_source_folder(tmp_path):
    """VuePress's pages are the root's (the folder holding `.vuepress/`: `vuepress build docs`); a `srcDir` there
    is no option of its; a slugify of a theme's configuration module (`.vuepress/theme.ts`) is seen."""
    (tmp_path / ".vuepress").mkdir()
    (tmp_path / ".vuepress" / "config.ts").write_text("export default defineUserConfig({srcDir: 'src'})\n")
    assert read_vue_docs(str(tmp_path), "vuepress") == (".", VUEPRESS)
    (tmp_path / ".vuepress" / "theme.ts").write_text("export default hopeTheme({markdown: {anchor: {level: [2]}}})\n")
    assert read_vue_docs(str(tmp_path), "vuepress") == (".", UNKNOWN_IDS)

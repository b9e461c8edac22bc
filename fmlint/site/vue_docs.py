"""VitePress and VuePress sites: the root is the folder holding ``.vitepress/config.*`` (``.vuepress/config.*``);
the pages are the Markdown files of VitePress's ``srcDir`` (the root by default; VuePress's are the root's), and
the heading IDs ``@mdit-vue/shared``'s ``slugify`` (VuePress's ``@vuepress/shared`` has the same) unless the
configuration gives ``markdown.anchor`` its own or a Vite plugin transforms the Markdown (then no fragment is
judged)."""

from __future__ import annotations

import os

from fmlint.config.presets import SCRIPT_EXTENSIONS
from fmlint.js_text import module_text, top_level_string
from fmlint.regex import lazy_pattern
from fmlint.site.anchors import VITEPRESS, VUEPRESS
from fmlint.site.hexo import UNKNOWN_IDS

# the configuration's object: exported, or given to ``defineConfig`` (a module of shared options: pinia's)
_CONFIG = lazy_pattern(r"\bexport\s+default\b[^{]*\{|\bdefineConfig\s*\(\s*\{")
_SCRIPTS = tuple(f".{extension}" for extension in SCRIPT_EXTENSIONS)
# a slugify of its own (vue-router's and pinia's docs) or other anchor options (``level``: which headings have IDs)
_OWN_IDS = lazy_pattern(r"\bslugify\b|\banchor\s*:")


# a Vite plugin's ``transform(code, id)`` hook over the pages' Markdown (vueuse's writes a "Type Declarations"
# heading into each function's page): the IDs of the built pages are not the files'
_TRANSFORM = lazy_pattern(r"(?<![\w$.])transform\s*(?::\s*(?:async\s+)?(?:function\s*)?)?\(\s*[\w$]+\s*,\s*[\w$]+")
_MARKDOWN_ID = lazy_pattern(r"\.md\b")


def read_vue_docs(root: str, generator: str) -> tuple[str, str]:
    """The ``generator``'s (``vitepress`` or ``vuepress``) site's source folder (relative to ``root``) and its
    heading-ID type, from its configuration: the modules of its folder (``.vitepress/``) and of that folder's
    ``config/`` (a configuration split over modules: pinia's ``shared.ts`` gives the slugify); unknown where a
    Vite plugin of the folder or the root's ``vite.config.*`` transforms Markdown."""
    folder = os.path.join(root, f".{generator}")
    plugins = {path: module_text(path) for path in _plugin_modules(root, folder)}
    configuration = (folder, os.path.join(folder, "config"))
    texts = [text for path, text in plugins.items() if os.path.dirname(path) in configuration]
    source = ""
    if generator == "vitepress":  # (VuePress's pages are its folder's: `vuepress build docs`)
        sources = (
            top_level_string(text, found.end() - 1, "srcDir") for text in texts for found in _CONFIG.finditer(text)
        )
        source = next((found for found in sources if found is not None), "")
    own_ids = any(_OWN_IDS.search(text) for text in texts) or any(
        _TRANSFORM.search(text) and _MARKDOWN_ID.search(text) for text in plugins.values()
    )
    return source.strip().strip("/") or ".", UNKNOWN_IDS if own_ids else _ID_TYPES[generator]


_ID_TYPES = {"vitepress": VITEPRESS, "vuepress": VUEPRESS}


def _plugin_modules(root: str, configuration: str) -> list[str]:
    """The scripts of the ``configuration`` folder (its own and its ``config/`` folder's are the configuration's)
    but its theme's, build output's and cache's, and the root's ``vite.config.*``."""
    found = [os.path.join(root, name) for name in sorted(os.listdir(root)) if name.startswith("vite.config.")]
    for folder, folders, names in os.walk(configuration):
        folders[:] = sorted(name for name in folders if name not in _NOT_PLUGINS)
        found += [os.path.join(folder, name) for name in sorted(names) if name.endswith(_SCRIPTS)]
    return found


_NOT_PLUGINS = frozenset(("theme", "dist", "cache", ".cache", ".temp", "public", "node_modules"))

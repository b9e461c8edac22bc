"""A VitePress site: its root is the folder holding ``.vitepress/config.*``; its pages are the Markdown files of
``srcDir`` (the root by default), and its heading IDs ``@mdit-vue/shared``'s ``slugify`` unless the configuration
gives ``markdown.anchor`` its own (then no fragment is judged)."""

from __future__ import annotations

import os
import re

from fmlint.config.presets import SCRIPT_EXTENSIONS
from fmlint.js_text import module_text, top_level_string
from fmlint.site.anchors import VITEPRESS
from fmlint.site.hexo import UNKNOWN_IDS

# the configuration's object: exported, or given to ``defineConfig`` (a module of shared options: pinia's)
_CONFIG_OBJECT = re.compile(r"\bexport\s+default\b[^{]*\{|\bdefineConfig\s*\(\s*\{")
_SCRIPTS = tuple(f".{extension}" for extension in SCRIPT_EXTENSIONS)
# a slugify of its own (vue-router's and pinia's docs) or other anchor options (``level``: which headings have IDs)
_OWN_IDS = re.compile(r"\bslugify\b|\banchor\s*:")


# a Vite plugin's ``transform(code, id)`` hook over the pages' Markdown (vueuse's writes a "Type Declarations"
# heading into each function's page): the IDs of the built pages are not the files'
_TRANSFORM = re.compile(r"(?<![\w$.])transform\s*(?::\s*(?:async\s+)?(?:function\s*)?)?\(\s*[\w$]+\s*,\s*[\w$]+")
_MARKDOWN_ID = re.compile(r"\.md\b")


def read_vitepress(root: str) -> tuple[str, str]:
    """The site's source folder (relative to ``root``) and its heading-ID type, from its configuration: the
    modules of ``.vitepress/`` and ``.vitepress/config/`` (a configuration split over modules: pinia's
    ``shared.ts`` gives the slugify); unknown where a Vite plugin of ``.vitepress/`` or the root's
    ``vite.config.*`` transforms Markdown."""
    texts = [module_text(path) for path in _config_modules(os.path.join(root, ".vitepress"))]
    plugins = [module_text(path) for path in _plugin_modules(root)]
    sources = (
        top_level_string(text, config.end() - 1, "srcDir") for text in texts for config in _CONFIG_OBJECT.finditer(text)
    )
    folder = next((source for source in sources if source is not None), "").strip().strip("/")
    own_ids = any(_OWN_IDS.search(text) for text in texts) or any(
        _TRANSFORM.search(text) and _MARKDOWN_ID.search(text) for text in plugins
    )
    return folder or ".", UNKNOWN_IDS if own_ids else VITEPRESS


def _config_modules(folder: str) -> list[str]:
    found = []
    for each in (folder, os.path.join(folder, "config")):
        try:
            names = sorted(os.listdir(each))
        except OSError:
            continue
        found += [os.path.join(each, name) for name in names if name.endswith(_SCRIPTS)]
    return found


def _plugin_modules(root: str) -> list[str]:
    """The scripts of ``.vitepress/`` but its theme's, build output's and cache's, and the root's ``vite.config.*``."""
    found = [os.path.join(root, name) for name in sorted(os.listdir(root)) if name.startswith("vite.config.")]
    for folder, folders, names in os.walk(os.path.join(root, ".vitepress")):
        folders[:] = sorted(name for name in folders if name not in _NOT_PLUGINS)
        found += [os.path.join(folder, name) for name in sorted(names) if name.endswith(_SCRIPTS)]
    return found


_NOT_PLUGINS = frozenset(("theme", "dist", "cache", "node_modules"))

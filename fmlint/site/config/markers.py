"""The files that mark a site's root, and the generator each one names."""

from __future__ import annotations

import os

from fmlint.config.presets import ELEVENTY_CONFIGS, VITEPRESS_CONFIGS, VUEPRESS_CONFIGS
from fmlint.site.config.loading import read_options
from fmlint.site.tables import package_dependencies

HUGO_FILES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
OTHER_MARKERS = (
    "_config.yml",
    "_config.toml",
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
    "docusaurus.config.mts",
    "docusaurus.config.cjs",
    "docusaurus.config.cts",
    "zola.toml",  # Zola's (0.22 reads it before config.toml)
    "zensical.toml",  # Zensical (Material for MkDocs' successor): mkdocs.yml's options in its `[project]` table
    "properdocs.yml",  # ProperDocs, MkDocs' maintained fork, reads its own name first (then mkdocs.yml)
    "properdocs.yaml",
    "mkdocs.yml",
    "mkdocs.yaml",
    *VITEPRESS_CONFIGS,  # (the site is the folder holding `.vitepress/`)
    *VUEPRESS_CONFIGS,
    *ELEVENTY_CONFIGS,
    "book.toml",  # mdBook's
    ".gitbook.yaml",  # a GitBook space synced with the repository
)
# a site configured only in Hugo's configuration folder (many Docsy sites) has no file at its root
HUGO_FOLDER_FILES = tuple(f"config/_default/{name}" for name in HUGO_FILES)
SITE_MARKERS = (*HUGO_FILES, *HUGO_FOLDER_FILES, *OTHER_MARKERS)
# the markers no other tool's file shares (``config.*`` names many a project's own configuration)
NAMED_MARKERS = tuple(name for name in SITE_MARKERS if not name.startswith("config."))
SOURCE_PROJECT_MARKERS = tuple(name for name in OTHER_MARKERS if name.startswith(("astro.", "docusaurus.")))
DOCUSAURUS_MARKERS = tuple(name for name in OTHER_MARKERS if name.startswith("docusaurus."))


ZOLA_FILE = "zola.toml"


def is_hexo(root: str) -> bool:
    """Whether the project at ``root`` (with a ``_config.yml``) is a Hexo site: its ``package.json`` depends on
    ``hexo``, or it has Hexo's ``scaffolds/`` and ``source/`` folders (a blog whose ``node_modules`` are
    installed from elsewhere)."""
    return "hexo" in package_dependencies(root) or all(
        os.path.isdir(os.path.join(root, folder)) for folder in ("scaffolds", "source")
    )


# the generator of each of :data:`OTHER_MARKERS`, by its name's first three letters
GENERATOR_OF_MARKER = {
    "_co": "jekyll",
    "ast": "astro",
    "doc": "docusaurus",
    "mkd": "mkdocs",
    "pro": "mkdocs",
    "zen": "mkdocs",
    "zol": "zola",
    ".vi": "vitepress",
    ".vu": "vuepress",
    "ele": "eleventy",
    ".el": "eleventy",
    "boo": "mdbook",
    ".gi": "gitbook",
}


def hugo_config_name(root: str) -> str | None:
    """The name of the configuration file at ``root`` Hugo reads (``hugo.toml``, … ``config.json``), if any."""
    return next((name for name in HUGO_FILES if os.path.isfile(os.path.join(root, name))), None)


def is_zola(root: str, name: str) -> bool:
    """Whether ``config.toml`` is Zola's (``base_url``; Hugo's key is ``baseURL``), such as the Rust blog's."""
    if name != "config.toml":
        return False
    options, _ = read_options(os.path.join(root, name))
    return "base_url" in options and "baseurl" not in options

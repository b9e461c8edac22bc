"""What each static-site generator brings: its schema, excludes and image fields.

A preset is chosen with ``preset = "…"`` in the configuration (default
``hugo``).  It supplies the bundled schema of the generator's reserved
front-matter fields (whose date definitions follow the generator's date
layouts), the folders that hold templates, themes or build output rather than
content (excluded when walking directories), and the front-matter fields that
name images (read by the image rules and the online URL checks).
"""

from __future__ import annotations

from dataclasses import dataclass

from fmlint.images import DEFAULT_IMAGE_FIELDS

# Never content, whatever the generator.
COMMON_EXCLUDES = ("node_modules/",)


@dataclass(frozen=True)
class Preset:
    name: str
    schema: str | None  # bundled schema name, or None for no schema
    excludes: tuple[str, ...]  # gitignore-style patterns, relative to the config file
    image_fields: tuple[str, ...]


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            "hugo",
            "hugo-article",
            ("archetypes/", "themes/", "public/", "resources/_gen/"),
            DEFAULT_IMAGE_FIELDS,
        ),
        Preset(
            "jekyll",
            "jekyll",
            ("_site/", "vendor/", "_layouts/", "_includes/", ".jekyll-cache/"),
            ("image", "image.path", "header.image", "header.teaser", "header.overlay_image", "thumbnail"),
        ),
        Preset(
            "astro",
            "astro",
            ("dist/", "public/"),
            ("heroImage", "image", "image.src", "cover", "ogImage"),
        ),
        Preset(
            "docusaurus",
            "docusaurus",
            ("build/", ".docusaurus/"),
            ("image",),
        ),
        Preset(
            "mkdocs-material",
            "mkdocs-material",
            ("site/", "overrides/"),
            ("image",),
        ),
        Preset("none", None, (), DEFAULT_IMAGE_FIELDS),
    )
}
DEFAULT_PRESET = "hugo"

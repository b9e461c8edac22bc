"""What each static-site generator brings: schema, excludes, image and date fields.

A preset is chosen with ``preset = "…"`` in the configuration (default
``hugo``).  It supplies the bundled schema of the generator's reserved
front-matter fields, the folders that hold templates, themes or build output
rather than content (excluded when walking directories), the front-matter
fields that name images, and defaults for the rule options that depend on the
generator: which fields are dates (the DT rules read Hugo's layouts, which
cover Jekyll's, Docusaurus's and MkDocs's ISO dates; Astro's JavaScript dates
such as ``Jul 08 2022`` are checked by its schema instead), and where local
images are served from; the astro, starlight and docusaurus presets walk
``.mdx`` files too.  A configuration's ``[rules.<module>]`` tables and
``image-fields`` override these defaults.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import Any

import msgspec

from fmlint.discover import MARKDOWN_EXTENSIONS
from fmlint.images import DEFAULT_IMAGE_FIELDS

# Never content, whatever the generator.
COMMON_EXCLUDES = ("node_modules/",)
# The rule options that take the image-field names: (rule module, option).
IMAGE_FIELD_OPTIONS = (("images", "fields"), ("local-images", "fields"))

Options = Mapping[str, Mapping[str, Any]]
# Astro and Docusaurus sites are mostly MDX (read as fmlint.mdx says)
MDX_EXTENSIONS = (*MARKDOWN_EXTENSIONS, ".mdx")


def _dates(date: list[str], publish: list[str] | None = None, lastmod: list[str] | None = None) -> Options:
    fields = {"date-fields": date, "publish-date-fields": publish or [], "lastmod-fields": lastmod or []}
    return {"dates": {**fields, "expiry-date-fields": []}}


def _site(root_files: list[str], folders: list[str]) -> Options:
    return {"local-images": {"site-root-files": root_files, "site-folders": folders}}


_ASTRO_CONFIGS = ["astro.config.mjs", "astro.config.ts", "astro.config.js"]
SCRIPT_EXTENSIONS = ("mts", "ts", "mjs", "js", "cts", "cjs")
ELEVENTY_CONFIGS = (*(f"eleventy.config.{extension}" for extension in ("js", "mjs", "cjs", "ts")), ".eleventy.js")
# (a VitePress or VuePress site is the folder holding them)
VUEPRESS_CONFIGS = tuple(f".vuepress/config.{extension}" for extension in SCRIPT_EXTENSIONS)
VITEPRESS_CONFIGS = tuple(
    f".vitepress/{name}.{extension}" for name in ("config", "config/index") for extension in SCRIPT_EXTENSIONS
)
# the configurations of applications that read Markdown with their own code, by preset
APP_MARKERS = {
    "nextjs": tuple(f"next.config.{extension}" for extension in ("js", "mjs", "ts", "cjs")),
    "gatsby": tuple(f"gatsby-config.{extension}" for extension in ("js", "ts", "mjs")),
    "nuxt": tuple(f"nuxt.config.{extension}" for extension in ("ts", "js", "mjs")),
}
# where an application's `/paths` are: `public/`, or from the repository's root (its README, as GitHub shows it)
_APP_FOLDERS = ["public", "."]
_ASTRO_IMAGES = ("heroImage", "image", "image.src", "cover", "ogImage")

# a `#` heading at the top of the body is the page's title, not a second one beside the front matter's
_TITLE_FROM_HEADING: Options = {rule: {"title_from_heading": True} for rule in ("heading-increment", "single-title")}
# and Docusaurus shows no title for `hide_title: true`
_DOCUSAURUS_TITLE: Options = {
    rule: {"title_from_heading": True, "title_hidden_by": "hide_title"}
    for rule in ("heading-increment", "single-title")
}


class Preset(msgspec.Struct, frozen=True):
    name: str
    schema: str | None  # bundled schema name, or None for no schema
    # the folders of the site's root that hold no content (templates, themes, build output): not walked; outside
    # any site, those of the configuration's folder
    site_folders: tuple[str, ...]
    image_fields: tuple[str, ...]
    rule_options: Options = msgspec.field(default_factory=dict)  # defaults for [rules.<module>] tables
    generator: str = "Hugo"  # named in messages (the DT rules read Hugo's date layouts for every preset)
    extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS  # the files checked when walking folders
    case_insensitive_keys: bool = False  # the generator reads front-matter keys in any case (Hugo lower-cases them)
    schemas: tuple[tuple[str, str], ...] = ()  # (gitignore-style glob, bundled schema) before ``schema``

    def options_with(self, image_fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        """This preset's rule options, with ``image_fields`` where image fields go."""
        options = {module: dict(values) for module, values in self.rule_options.items()}
        for module, option in IMAGE_FIELD_OPTIONS:
            options.setdefault(module, {})[option] = list(image_fields)
        return options


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            "hugo",
            "hugo-article",
            ("archetypes", "layouts", "themes", "public", "resources", "_vendor"),
            DEFAULT_IMAGE_FIELDS,
            case_insensitive_keys=True,
        ),
        Preset(
            "jekyll",
            "jekyll",
            ("_site", "vendor", "_layouts", "_includes", ".jekyll-cache"),
            ("image", "image.path", "header.image", "header.teaser", "header.overlay_image", "thumbnail"),
            {**_dates(["date"], lastmod=["last_modified_at"]), **_site(["_config.yml", "_config.toml"], ["."])},
            "Jekyll",
        ),
        Preset(
            "hexo",
            "hexo",
            ("public", "themes", "scaffolds", ".deploy_git"),
            ("cover", "thumbnail", "photos", "index_img", "banner_img"),
            {**_dates(["date"], lastmod=["updated"]), **_site(["_config.yml"], ["source"])},
            "Hexo",
        ),
        Preset(
            "astro",
            "astro",
            ("dist", "public"),
            _ASTRO_IMAGES,
            {**_dates([]), **_site(_ASTRO_CONFIGS, ["public"])},
            "Astro",
            MDX_EXTENSIONS,
        ),
        Preset(  # (an Astro project whose collections' schemas are its own: no bundled schema)
            "astro-collections",
            None,
            ("dist", "public"),
            _ASTRO_IMAGES,
            {**_dates([]), **_site(_ASTRO_CONFIGS, ["public"])},
            "Astro",
            MDX_EXTENSIONS,
        ),
        Preset(
            "starlight",
            "starlight",
            ("dist", "public"),
            ("hero.image.file", "hero.image.dark", "hero.image.light"),
            {**_dates([]), **_site(_ASTRO_CONFIGS, ["public"])},
            "Starlight",
            MDX_EXTENSIONS,
        ),
        Preset(
            "docusaurus",
            "docusaurus",
            ("build", ".docusaurus"),
            ("image",),
            {
                **_dates(["date"], lastmod=["last_update.date"]),  # (`docusaurus build` fails on a bad one)
                **_site([f"docusaurus.config.{ending}" for ending in SCRIPT_EXTENSIONS], ["static"]),
                **_DOCUSAURUS_TITLE,
            },
            "Docusaurus",
            MDX_EXTENSIONS,
        ),
        Preset(
            "mkdocs-material",
            "mkdocs-material",
            ("site", "overrides"),
            ("image",),
            {
                **_dates(["date"]),
                **_site(["zensical.toml", "properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml"], ["docs"]),
                **_TITLE_FROM_HEADING,
            },
            "MkDocs",
        ),
        Preset(  # (absolute image paths are not judged: the site's passthrough copies decide where files are)
            "eleventy",
            "eleventy",
            ("_site", "_includes", "_data"),
            (),
            {**_dates(["date"]), **_site(list(ELEVENTY_CONFIGS), [])},
            "Eleventy",
        ),
        Preset(
            "vitepress",
            "vitepress",
            ("public",),
            ("hero.image", "hero.image.src", "hero.image.light", "hero.image.dark"),
            {**_dates([]), **_site(list(VITEPRESS_CONFIGS), ["public"]), **_TITLE_FROM_HEADING},
            "VitePress",
        ),
        Preset(
            "vuepress",
            "vuepress",
            (),
            ("heroImage", "cover", "banner"),
            {**_dates(["date"]), **_site(list(VUEPRESS_CONFIGS), [".vuepress/public"]), **_TITLE_FROM_HEADING},
            "VuePress",
        ),
        Preset(  # (a book has no front matter: no schema)
            "mdbook",
            None,
            ("book", "theme"),
            (),
            {**_dates([]), **_site(["book.toml"], ["src"])},
            "mdBook",
        ),
        Preset(
            "gitbook",
            "gitbook",
            (),
            ("cover",),
            {**_dates([]), **_site([".gitbook.yaml"], [])},
            "GitBook",
        ),
        Preset(
            "zola",
            "zola-page",
            ("public", "themes", "templates"),
            (),
            # (Zola copies a section's or a page's other files to its output folder: `content/images/x.svg` is
            # served at `/images/x.svg`)
            {**_dates(["date"], lastmod=["updated"]), **_site(["config.toml", "zola.toml"], ["static", "content"])},
            "Zola",
            # a section's front matter has its own fields (`_index.fr.md`: the section in French)
            schemas=(("_index.md", "zola-section"), ("_index.*.md", "zola-section")),
        ),
        Preset("docsify", None, (), (), _dates([]), "Docsify"),  # (rendered in the browser: no front matter)
        # applications whose own code reads their Markdown's front matter (gray-matter's js-yaml; dates as
        # JavaScript's `new Date` reads them): no schema, and static files served from the root
        Preset(
            "nextjs",
            None,
            (".next", "out", "public"),
            DEFAULT_IMAGE_FIELDS,
            {**_dates(["date"], lastmod=["lastmod", "updated"]), **_site(list(APP_MARKERS["nextjs"]), _APP_FOLDERS)},
            "Next.js",
            MDX_EXTENSIONS,
        ),
        Preset(
            "gatsby",
            None,
            ("public", ".cache", "static"),
            DEFAULT_IMAGE_FIELDS,
            {**_dates(["date"]), **_site(list(APP_MARKERS["gatsby"]), ["static", "."])},
            "Gatsby",
            MDX_EXTENSIONS,
        ),
        Preset(
            "nuxt",
            None,
            (".nuxt", ".output", "public"),
            DEFAULT_IMAGE_FIELDS,
            {**_dates(["date"]), **_site(list(APP_MARKERS["nuxt"]), _APP_FOLDERS)},
            "Nuxt",
        ),
        Preset("none", None, (), DEFAULT_IMAGE_FIELDS),
    )
}
DEFAULT_PRESET = "hugo"
# the presets of Astro projects: their content collections' Zod schemas are read (``fmlint.site.astro_collections``)
COLLECTION_PRESETS = ("astro", "astro-collections", "starlight")
# the presets whose sites or applications may declare their front matter's schema: Astro's collections, Next.js's
# Contentlayer document types and Velite collections (``fmlint.site.contentlayer``, ``fmlint.site.velite``)
OWN_SCHEMA_PRESETS = (*COLLECTION_PRESETS, "nextjs")
# the generators' that may read Markdown otherwise than CommonMark
READING_PRESETS = ("docusaurus", "mkdocs-material", "jekyll")
# generators that read front matter after blank lines and spaces (Hugo's page lexer skips them; Zola's pattern
# starts with `^[[:space:]]*`): the others read it on the first line only (``fmlint.document.undo_split``)
LATE_FRONT_MATTER_PRESETS = ("hugo", "zola")
# generators that read a front matter starting on its opening delimiter's line (Hugo's page lexer reads on from
# the delimiter's third character; Zola's pattern wants a line break): the others read none there
INLINE_FRONT_MATTER_PRESETS = ("hugo",)
# generators that read a front matter in JavaScript (Eleventy's `---js`): fmlint reads none there
SCRIPT_FRONT_MATTER_PRESETS = ("eleventy",)
# generators that read a leading JSON object as front matter (Hugo's page lexer); the others' front matter is YAML
# (or TOML) between delimiters, and a file opening with `{` opens with its body: Liquid's `{% if %}` in a Jekyll
# include, an MDX comment `{/* … */}` (no preset: every format fmlint reads)
JSON_FRONT_MATTER_PRESETS = ("hugo", "none")
# the preset of each generator the site index knows (``SiteConfig.generator``); Astro's is "starlight" with Starlight
_GENERATORS = {
    "hugo": "hugo",
    "jekyll": "jekyll",
    "hexo": "hexo",
    "astro": "astro",
    "docusaurus": "docusaurus",
    "mkdocs": "mkdocs-material",
    "zola": "zola",
    "vitepress": "vitepress",
    "vuepress": "vuepress",
    "mdbook": "mdbook",
    "gitbook": "gitbook",
    "eleventy": "eleventy",
}


def detected_preset(folder: str) -> str | None:
    """The preset of the site holding ``folder`` (its root found by the site index's markers: ``hugo.toml``,
    ``_config.yml``, ``astro.config.*``…; else a Docsify site's ``index.html``), for a configuration that names
    none; ``None`` outside any site."""
    from fmlint.site.config import site_of  # (the site package reads configurations with this one's presets)

    site = site_of(os.path.join(folder, "index.md"))  # (any file of the folder: where its site is looked for)
    if site is None:
        found = _without_site(folder)
        return found[0] if found is not None else None
    if site.starlight is not None:
        return "starlight"
    if site.generator == "astro" and not site.astro_blog_starter:
        return "astro-collections"  # (the bundled `astro` schema is the blog starter's collection)
    return _GENERATORS.get(site.generator)


def forget_folders_without_site() -> None:
    """Forget the Docsify sites and applications found so far (``fmlint.site.config.forget_sites``)."""
    _without_site.cache_clear()


def application_root(folder: str) -> str | None:
    """The folder of the application (``next.config.*``…) holding ``folder``, if it is in one and in no site."""
    found = _without_site(folder)
    return found[1] if found is not None and found[0] in APP_MARKERS else None


@cache
def _without_site(folder: str) -> tuple[str, str] | None:
    """The preset and folder of the nearest folder at or above ``folder`` that is a Docsify site (its
    ``index.html`` sets ``window.$docsify``: Docsify renders its Markdown in the browser, without front matter;
    docsify's own docs: every page was SC004 under Hugo's schema) or an application reading Markdown with its own
    code (``next.config.*``, ``gatsby-config.*``, ``nuxt.config.*``: react.dev's dates `2020/12/21` were DT001 under
    Hugo's layouts, Nuxt Content's docs 160 SC002); ``None`` when there is none."""
    from fmlint.site.files import file_text

    if "$docsify" in file_text(os.path.join(folder, "index.html")):
        return "docsify", folder
    for preset, markers in APP_MARKERS.items():
        if any(os.path.isfile(os.path.join(folder, marker)) for marker in markers):
            return preset, folder
    parent = os.path.dirname(folder)
    return None if parent == folder else _without_site(parent)

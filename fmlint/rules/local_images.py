"""Local images must exist: page-bundle files, and ``/paths`` under ``static/`` or ``assets/``.

FILESYSTEM DEPENDENT: the result for an article depends on *other* files (the
images and the site's configuration file), not only on the article's text, so a
result cache keyed by file content must not serve these findings stale
(``FILESYSTEM_DEPENDENT`` below; ``Checker.filesystem_dependent``): every look
at the filesystem goes through ``ctx.probe``, which the cache replays.

The site root is the nearest ancestor folder of the article holding a Hugo,
Jekyll or generic site configuration file; lookups are cached per folder, as a
run covers thousands of files in a few folders.  Only articles read from disk
are checked (text from standard input or tests has no folder to look in).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from fmlint.config.presets import APP_MARKERS
from fmlint.diagnostics import Problem
from fmlint.doc_examples import WITH_CDN_IMAGES, article, example
from fmlint.folders import names_in
from fmlint.images import DEFAULT_IMAGE_FIELDS, ImageReference, image_references, url_path
from fmlint.js_text import aliased
from fmlint.rules.base import Context, Rule, probe_function
from fmlint.urls import is_local, url_error

FILESYSTEM_DEPENDENT = True

NEEDS = ("front_matter", "markdown")

OPTIONS = {
    "fields": list(DEFAULT_IMAGE_FIELDS),
    "site-root-files": [
        "hugo.toml",
        "hugo.yaml",
        "hugo.json",
        "config.toml",
        "config.yaml",
        "_config.yml",
        "config/_default/hugo.toml",
        "config/_default/hugo.yaml",
    ],
    "site-folders": ["static", "assets"],
}

_MISSING = article('thumbnail: "/images/no-such-chart.png"', body="![Price chart](no-such-chart.png)")

RULES = (
    Rule(
        "IMG006",
        "missing-local-image",
        "A local image file does not exist.",
        doc=f"""## What it does
Checks that local images (front-matter image fields and body images that are
paths, not URLs) exist on disk:

- a relative path (`chart.png`, `images/chart.png`) is looked up in the article's
  own folder (a Hugo page bundle), then in the site's `assets/` folder (where
  Hugo's image render hook looks next); a relative path that climbs out of the
  site root (or, without one, out of the article's folder) with `../` is
  relative to the page's URL, which depends on permalinks, and is not checked;
- an absolute path (`/images/chart.png`) is looked up in the site's `static/`
  and `assets/` folders;
- in a Hugo or MkDocs site, a relative path of a page that is not a bundle (or
  an index) is also looked for from the page's URL, one folder deeper than its
  file (`../img/x.png` in `docs/a.md` is `docs/img/x.png`, from `/docs/a/`: how
  browsers read it in raw HTML, and in Hugo's Markdown too);
- in an MkDocs site, a relative path of a pymdownx.snippets file of which no
  page is built is looked for beside each page that includes it (the snippet's
  text is those pages');
- in a Hugo site, a missing image is also looked for where Hugo finds it: at
  the same content path in the site's other content folders (a bundle has the
  resources of its translations' bundles; module mounts lay folders over one
  another), and an absolute path in the folders mounted on `static/` and
  `assets/`, in the other folders of `staticDir`, in the themes' `static/` and
  `assets/` folders, and among the bundles' resources, which Hugo publishes at
  their content path in lower case (`Concepts/chart.png` at
  `/concepts/chart.png`, unless `disablePathToLower` is set); an absolute path
  where a folder the site mounts but that is not there would hold it (a
  submodule not checked out) is not judged;
- in a Jekyll site, a relative front-matter image is also looked for from the
  site's root (themes and jekyll-seo-tag write it with `relative_url` or
  `absolute_url`), and a relative body image of a page with a `permalink` from
  that URL's folder (`images/me.png` on a page at `/`);
- in a Hexo site with `post_asset_folder`, a post's relative path is also
  looked for in its asset folder (`_posts/launch/chart.png` for
  `_posts/launch.md`: Hexo publishes it at the post's URL);
- in an Astro site, a relative front-matter image of a page in `src/pages/`
  is also looked for in `public/`: Astro hands such a page's front matter to
  its layout as written, and layouts make it a URL from the site's root
  (AstroPaper's `ogImage`: `new URL(ogImage, Astro.url.origin)`), where Astro
  serves `public/`;
- in an Astro site with a `base` (`base: "/blog"`, a GitHub Pages project
  site), an absolute path under it (`/blog/hero.png`) is looked for in
  `public/` without it, where Astro serves `public/` from;
- a path through an import alias of the site's `tsconfig.json`
  (`compilerOptions.paths`, such as Astro's `"~/*": ["./src/*"]`:
  `~/assets/hero.png`) is looked up where the alias points.

The site root is the nearest folder above the article that holds `hugo.toml`,
`hugo.yaml`, `hugo.json`, `config.toml`, `config.yaml`, `_config.yml` or
Hugo's configuration folder (`config/_default/hugo.toml` …); without
one, absolute paths are not checked. Query strings and fragments are ignored and
`%20`-style escapes decoded. The finding names the places that were searched,
relative to the site root (`static/images/chart.png`) or, without one, to the
current folder, like the article's path (`content/recipes/chart.png`).
Hugo modules' folders (themes fetched as Go modules) are not searched.

## Why is this bad?
The page shows a broken image, and Hugo's build does not fail on a missing
static file, so the mistake ships.

{example(_MISSING, WITH_CDN_IMAGES, " (or put the files in the page bundle and in `static/images/`)")}
## Options
- `fields` (default: as for IMG001): the front-matter image fields.
- `site-root-files` (default `["hugo.toml", "hugo.yaml", "hugo.json",
  "config.toml", "config.yaml", "_config.yml", "config/_default/hugo.toml",
  "config/_default/hugo.yaml"]`): files that mark the site root (paths from it).
- `site-folders` (default `["static", "assets"]`): the site-root folders that
  serve absolute paths.
""",
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    local = [(ref, path) for ref in image_references(ctx, options["fields"]) if (path := _local_path(ref)) is not None]
    if not local or not ctx.probe(os.path.isfile, ctx.doc.path):  # no disk questions for remote-only articles
        return
    folder = os.path.dirname(os.path.abspath(ctx.doc.path))
    root = ctx.probe(site_root, folder, tuple(options["site-root-files"]))
    for ref, path in local:
        aliased = ctx.probe(alias_places, root, path) if root and path[:1] not in "./" else []
        places = aliased or _candidates(path, folder, root, options["site-folders"])
        if any(ctx.probe(os.path.isfile, place) for place in places):
            continue
        if root and path[:1] != "/":  # (asked only where those fail)
            more = _preset_places(ctx, ref, path, root, options["site-folders"])
            if any(ctx.probe(os.path.isfile, place) for place in more):
                continue
            places = [*places, *more]  # (not the probe's own list)
        if not places:
            continue
        elsewhere = ctx.probe(generator_places, os.path.abspath(ctx.doc.path), path) if root else []
        if path.startswith("/") and root and ctx.probe(missing_mount, os.path.abspath(ctx.doc.path), path):
            continue  # (it may be in a folder the site mounts that is not there: not judged)
        if not any(ctx.probe(os.path.isfile, place) for place in elsewhere):
            shown = places + elsewhere if len(elsewhere) <= 2 else places
            where = ", ".join(_shown(place, root, folder, ctx.doc.path) for place in shown)
            if len(elsewhere) > 2:
                where += f", and {len(elsewhere)} other places where the generator looks"
            yield Problem("IMG006", f"local image `{ref.url}` not found (looked for {where})", ref.span)


@probe_function
@cache
def site_root(folder: str, markers: tuple[str, ...]) -> str | None:
    """The nearest folder at or above ``folder`` holding one of ``markers`` (file names, or paths from it:
    ``config/_default/hugo.toml``); one listing of each folder, not a look for each marker."""
    if holds_marker(folder, markers):
        return folder
    parent = os.path.dirname(folder)
    return None if parent == folder else site_root(parent, markers)


def holds_marker(folder: str, markers: tuple[str, ...]) -> bool:
    """Whether ``folder`` holds one of ``markers`` (see :func:`site_root`)."""
    names = names_in(folder)
    return any(marker.partition("/")[0] in names and os.path.isfile(os.path.join(folder, marker)) for marker in markers)


@probe_function
def alias_places(root: str, path: str) -> list[str]:
    """The files an import alias of the site's ``tsconfig.json`` (``compilerOptions.paths``, as Astro reads
    them: ``"~/*": ["./src/*"]``) makes of ``path`` (``~/assets/hero.png``); none when no alias matches."""
    return aliased(root, path)


@probe_function
def generator_places(article: str, path: str) -> list[str]:
    """Where else the site's generator finds the image ``path`` written in the article at ``article``
    (absolute). Hugo and MkDocs: beside the page's URL for a page that is not a bundle or index
    (``../img/x.png`` in ``docs/a.md`` is ``docs/img/x.png``, from ``/docs/a/``). Hugo also: at that content
    path in the site's other content folders (a bundle has its translations' resources, and mounts lay folders
    over one another), and for ``/paths`` in the folders mounted on ``static/`` and ``assets/`` and among the
    page bundles' resources. Hexo: ``/paths`` in its theme's ``source/`` too; with ``post_asset_folder``, a post's
    relative path in its asset folder (``_posts/a/x.png`` for ``_posts/a.md``: published at the post's URL).
    MkDocs: a snippet's (a file pymdownx.snippets includes, of which no page is built) beside each page including
    it.
    Astro: a ``/path`` under the site's ``base`` in ``public/``. VitePress: a ``/path`` in ``srcDir``'s ``public/``."""
    from fmlint.site.config import site_of  # (which imports this module)

    site = site_of(article)
    if site is not None and site.generator == "hexo":
        if path.startswith("/"):
            return [os.path.join(folder, *path.strip("/").split("/")) for folder in site.theme_sources]
        if site.hexo is not None and site.hexo.asset_folder and site.hexo.post(article) is not None:
            return [os.path.normpath(os.path.join(os.path.splitext(article)[0], path))]  # (the post's asset folder)
        return []
    if site is not None and site.generator == "vitepress" and path.startswith("/") and site.content_dirs:
        source = site.content_dirs[0].path  # (``srcDir``, whose ``public/`` VitePress serves)
        return [os.path.join(source, "public", *path.strip("/").split("/"))] if source != site.root else []
    if site is not None and site.astro_base and path.startswith(site.astro_base + "/"):  # (Astro serves it there)
        return [os.path.join(site.root, "public", *path[len(site.astro_base) :].strip("/").split("/"))]
    if site is None or site.generator not in ("hugo", "mkdocs"):
        return []
    if path.startswith("/"):
        return site.url_places(path) if site.generator == "hugo" else []
    folder, name = os.path.split(article)
    stem = os.path.splitext(name)[0].split(".")[0]  # ``index.fr.md``: ``index``
    places = [os.path.normpath(os.path.join(folder, path))]
    if stem not in (("index", "README") if site.generator == "mkdocs" else ("index", "_index")):
        places.append(os.path.normpath(os.path.join(folder, stem, path)))
    if site.generator == "mkdocs":
        from fmlint.site.snippets import including_pages

        return [
            *places[1:],
            *(os.path.normpath(os.path.join(os.path.dirname(page), path)) for page in including_pages(site, article)),
        ]
    return [found for place in places for found in [place, *site.same_place(place)]][1:]


@probe_function
def missing_mount(article: str, path: str) -> bool:
    """Whether the Hugo site holding ``article`` mounts a folder that is not there (a submodule not checked out;
    Hugo's documentation without its ``assets/``) on ``static/`` or ``assets/`` where the ``/path`` would be: it
    may be in it, as a link into a content mount whose source is missing may be to a page."""
    from fmlint.site.config import site_of

    site = site_of(article)
    return site is not None and any(
        folder.mounted and folder.file_at(path.strip("/")) is not None and not os.path.exists(folder.path)
        for folder in site.static_dirs
    )


def _local_path(ref: ImageReference) -> str | None:
    """The decoded file path of a local image reference, or ``None`` for URLs and bad input; through Cloudflare's
    image resizing (``/cdn-cgi/image/width=800,format=auto/static/x.jpg``: the site's ``/static/x.jpg``)."""
    if not ref.url or not is_local(ref.url) or url_error(ref.url):
        return None
    path = url_path(ref.url)
    if path.startswith(_RESIZED):
        source = path[len(_RESIZED) :].partition("/")[2]
        return None if "://" in source or not source else "/" + source
    return path or None


_RESIZED = "/cdn-cgi/image/"


def _candidates(path: str, folder: str, root: str | None, site_folders: list[str]) -> list[str]:
    """Where ``path`` may live: site folders for ``/paths``; the bundle, then ``assets/``, otherwise."""
    if path.startswith("/"):
        return [os.path.join(root, name, path.lstrip("/")) for name in site_folders] if root else []
    bundle = os.path.normpath(os.path.join(folder, path))
    if os.path.relpath(bundle, root or folder).startswith(os.pardir):
        return []  # climbs out of the site: relative to the page's URL, which only the generator knows
    return [bundle, os.path.join(root, "assets", path)] if root else [bundle]


def _preset_places(ctx: Context, ref: ImageReference, path: str, root: str, site_folders: list[str]) -> list[str]:
    """Where the active preset's generator finds a relative image ``path`` too (none for most)."""
    if ctx.settings.preset == "jekyll":
        return _jekyll_places(ctx, ref, path, root)
    if ctx.settings.preset in APP_MARKERS and site_folders:
        # (the browser resolves it from the page's URL: in the folder served from the root, the first site folder)
        return [os.path.join(root, site_folders[0], *(part for part in path.split("/") if part not in ("", ".", "..")))]
    if ctx.settings.preset in _ASTRO_PRESETS and ref.field is not None:
        pages = os.path.join(root, "src", "pages", "")
        if os.path.abspath(ctx.doc.path).startswith(pages):  # (a page's front matter goes to its layout as written)
            return [os.path.normpath(os.path.join(root, "public", path))]
    return []


_ASTRO_PRESETS = ("astro", "astro-collections")


def _jekyll_places(ctx: Context, ref: ImageReference, path: str, root: str) -> list[str]:
    """Where a Jekyll page's relative image ``path`` is too: a front-matter image's from the site's root (themes
    and jekyll-seo-tag write it with ``relative_url`` or ``absolute_url``: al-folio's ``thumbnail``) and from the
    folders the site's templates prepend to it (academicpages' ``thumbnail``: ``/images/``), a body image's from
    the folder of the page's ``permalink`` (academicpages' about page, at ``/``, shows ``images/me.png``)."""
    if ref.field is not None:
        prepended = ctx.probe(jekyll_image_prefixes, ctx.doc.path, ref.field).split("\0")
        bases = ["", *(prefix for prefix in prepended if prefix)]
    else:
        data = ctx.front_matter.data if ctx.front_matter is not None else None
        permalink = data.get("permalink") if isinstance(data, dict) else None
        if not isinstance(permalink, str) or not permalink.startswith("/") or ":" in permalink:
            return []  # (relative to the page's file, or to a URL of tokens)
        bases = [permalink.strip("/") if permalink.endswith("/") else posixpath.dirname(permalink.strip("/"))]
    places = [os.path.normpath(os.path.join(root, *base.split("/"), path)) for base in bases]
    return [place for place in places if not os.path.relpath(place, root).startswith(os.pardir)]


@probe_function
def jekyll_image_prefixes(article: str, field: str) -> str:
    """The folders (``\0``-separated) the templates of the Jekyll site holding ``article`` prepend to the value of
    the front-matter image ``field`` (``SiteConfig.image_prefixes``)."""
    from fmlint.site.config import site_of

    site = site_of(article)
    return "\0".join(site.image_prefixes(field)) if site is not None else ""


def _shown(place: str, root: str | None, folder: str, article: str) -> str:
    """``place`` relative to the site root, or else written like the article's own path (relative to
    the current folder when the article was named so: derived from the path, never from the working
    folder, so that a cached message stays true)."""
    if root:
        return os.path.relpath(place, root)
    return os.path.normpath(os.path.join(os.path.dirname(article), os.path.relpath(place, folder)))

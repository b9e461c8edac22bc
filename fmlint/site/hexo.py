"""A Hexo site: which of its files are posts and pages, what names a post, and how its headings get IDs.

Hexo renders the Markdown of ``source_dir`` (``source/``): the posts of
``_posts/`` (those of ``_drafts/`` only with ``render_drafts``), and every other
file as a page, but for a path with a segment that starts with ``_`` or ``.``
(unless ``include`` names it), one ``exclude`` names, and one ``skip_render``
names (copied as it is).  A post's slug is its path under ``_posts/`` without
its extension, read through ``new_post_name`` (with ``:year-:month-:day-:title.md``
the ``:title`` part).  ``{% post_link slug %}`` and ``{% post_path slug %}``
name a post by its slug, else by its title (since Hexo 7.0); Hexo fails the
build on a ``post_link`` that names none ("Post not found: post_link x."; since
6.3, before which it wrote a link to ``#``) and writes nothing for such a
``post_path``.  A draft is a post they find, at a URL Hexo does not write.
Heading IDs: ``fmlint.site.hexo_slug`` (hexo-renderer-marked's, Hexo's default
renderer; with another renderer they are not known).  URLs:
``fmlint.site.hexo_urls``.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

import msgspec

from fmlint.regex import lazy_pattern
from fmlint.site.globs import picomatch

POSTS, DRAFTS = "_posts", "_drafts"
# the ID types of hexo-renderer-marked's headings: ``hexo:<modifyAnchors>:<smartypants>`` (``anchors``)
HEXO_IDS = "hexo"
UNKNOWN_IDS = "unknown"  # another renderer's (hexo-renderer-markdown-it, pandoc): no fragment is judged
_HIDDEN = lazy_pattern(r"(?:^|/)[_.]")  # Hexo's ``isHiddenFile``
_TOKEN = lazy_pattern(r":(\w+)")
# the Markdown renderers' packages (hexo-renderer-markdown-it, -pandoc, -kramed, …; not the templates' and styles')
_MARKDOWN_RENDERERS = tuple(
    f"hexo-renderer-{name}" for name in ("marked", "markdown", "kramed", "pandoc", "remark", "mdx")
)


class Hexo(msgspec.Struct, frozen=True):
    source: str  # the source folder, absolute
    post_name: str  # ``new_post_name`` without its extension (``:title``)
    post_extension: str  # its extension: with ``post_asset_folder``, a post is rendered from such files alone
    asset_folder: bool = False
    render_drafts: bool = False
    include: tuple[str, ...] = ()  # micromatch globs, from the source folder
    exclude: tuple[str, ...] = ()
    skip_render: tuple[str, ...] = ()
    # the lowest (major, minor) version of Hexo that package.json's dependency allows; None when not known
    version: tuple[int, int] | None = None
    # what makes the posts' URLs (``fmlint.site.hexo_urls``)
    permalink: str = ":year/:month/:day/:title/"
    root: str = "/"
    timezone: str = ""
    filename_case: int = 0
    category_map: tuple[tuple[str, str], ...] = ()
    default_category: str = "uncategorized"
    permalink_defaults: tuple[tuple[str, str], ...] = ()
    generated_tokens: tuple[str, ...] = ()  # front-matter keys a plugin writes when missing (hexo-abbrlink's)
    # a plugin makes links to Markdown files pages' URLs (hexo-filter-link-post, hexo-post-link, …)
    markdown_links_rewritten: bool = False
    theme: str = ""  # ``theme``: its ``source/`` is published too (``SiteConfig.theme_sources``)
    # the first folders of the pages Hexo's generators write: tags, categories, archives, the index's pages
    generated_folders: tuple[str, ...] = ("tags", "categories", "archives", "page")

    def relative(self, absolute: str) -> str:
        return os.path.relpath(absolute, self.source).replace(os.sep, "/")

    def post(self, absolute: str) -> tuple[str, bool] | None:
        """The slug of the post at ``absolute`` and whether it is a draft; ``None`` for a page."""
        path = self.relative(absolute)
        folder, _, rest = path.partition("/")
        if folder not in (POSTS, DRAFTS) or not rest:
            return None
        return self._slug(rest), folder == DRAFTS

    def unbuilt(self, absolute: str) -> str:
        """Why Hexo renders no page of the content file at ``absolute`` ("" when it renders one)."""
        path = self.relative(absolute)
        folder, _, rest = path.partition("/")
        if folder in (POSTS, DRAFTS) and rest:
            if _HIDDEN.search(rest):
                return "starts with `_` or `.` in its folder: Hexo renders no post of it"
            if self.asset_folder and os.path.splitext(rest)[1] != self.post_extension:
                return f"is a post asset (`post_asset_folder` renders posts from {self.post_extension} files alone)"
            return ""
        if any(picomatch(pattern).fullmatch(path) for pattern in self.exclude):
            return "is in _config.yml's exclude: Hexo renders no page of it"
        if _HIDDEN.search(path) and not any(picomatch(pattern).fullmatch(path) for pattern in self.include):
            return "starts with `_` or `.` (or is in such a folder): Hexo renders no page of it"
        if any(picomatch(pattern).fullmatch(path) for pattern in self.skip_render):
            return "is in _config.yml's skip_render: Hexo copies it as it is"
        return ""

    def _slug(self, path: str) -> str:
        """Hexo's ``parseFilename``: the path without its extension read with ``new_post_name``'s tokens."""
        stem = os.path.splitext(path)[0]
        found = _post_name_pattern(self.post_name).fullmatch(stem)
        if found is not None and found.groupdict().get("title") is not None:
            return found.group("title")
        return _slugize_path(stem)


_SEGMENTS = {
    "year": r"\d{4}",
    "month": r"\d{2}",
    "day": r"\d{2}",
    "i_month": r"\d{1,2}",
    "i_day": r"\d{1,2}",
    "hash": r"[0-9a-f]{12}",
}


@cache
def _post_name_pattern(post_name: str) -> re.Pattern[str]:
    """hexo-util's ``Permalink`` parser of ``new_post_name``: each ``:token`` a group (``(.+?)`` unless a date
    part), the rest as written."""
    parts: list[str] = []
    at = 0
    seen: set[str] = set()
    for token in _TOKEN.finditer(post_name):
        parts.append(re.escape(post_name[at : token.start()]))
        name = token.group(1)
        segment = _SEGMENTS.get(name, r".+?")
        parts.append(f"(?P<{name}>{segment})" if name not in seen else f"(?:{segment})")
        seen.add(name)
        at = token.end()
    parts.append(re.escape(post_name[at:]))
    return re.compile("".join(parts))


def _slugize_path(path: str) -> str:
    """hexo-util's ``slugize`` of a path (a file ``new_post_name`` does not describe): its slashes made ``-``
    too."""
    from fmlint.site.hexo_slug import slugize

    return slugize(path)


def tag_text(kind: str, arguments: str) -> str:
    """A Hexo tag as a message shows it: the reference's ``kind`` (``post-link``) and its arguments."""
    return " ".join(("{%", kind.replace("-", "_"), *([arguments] if arguments else []), "%}"))


def read_hexo(
    root: str, options: dict[str, Any], raw: dict[str, Any], dependencies: dict[str, Any]
) -> tuple[str, Hexo, str]:
    """The source folder (from ``root``), the site's Hexo options and its heading ID type, from
    ``_config.yml``'s (lowercased) ``options``, as written (``raw``), and ``package.json``'s ``dependencies``."""
    source = str(options.get("source_dir") or "source").strip("/") or "source"
    post_name = str(options.get("new_post_name") or ":title.md")
    stem, extension = os.path.splitext(post_name)
    hexo = Hexo(
        os.path.normpath(os.path.join(root, source)),
        stem,
        extension,
        asset_folder=options.get("post_asset_folder") is True,
        render_drafts=options.get("render_drafts") is True,
        include=tuple(_globs(options.get("include"))),
        exclude=tuple(_globs(options.get("exclude"))),
        skip_render=tuple(_globs(options.get("skip_render"))),
        version=_version(dependencies.get("hexo")),
        permalink=str(options.get("permalink") or ":year/:month/:day/:title/").lstrip("/"),
        root=f"/{root_path}/" if (root_path := str(options.get("root") or "").strip("/")) else "/",
        timezone=str(options.get("timezone") or ""),
        filename_case=case if (case := options.get("filename_case")) in (1, 2) else 0,
        category_map=_pairs(raw.get("category_map")),
        default_category=str(options.get("default_category") or "uncategorized"),
        permalink_defaults=_pairs(raw.get("permalink_defaults")),
        generated_folders=tuple(
            str(options.get(key) or default).strip("/").split("/")[0] for key, default in _GENERATED_FOLDERS
        ),
        theme=theme.strip() if isinstance(theme := options.get("theme"), str) else "",
        markdown_links_rewritten=any("link" in _PERMALINKS.sub("", name) for name in dependencies),
        generated_tokens=("abbrlink",) if "hexo-abbrlink" in dependencies or "hexo-abbrlink2" in dependencies else (),
    )
    return source, hexo, _heading_ids(options.get("marked"), dependencies)


def _heading_ids(marked: Any, dependencies: dict[str, Any]) -> str:
    """The ID type of the site's headings: hexo-renderer-marked's (its ``marked`` options' ``modifyAnchors``
    and ``smartypants``), when it is the renderer and writes IDs (``headerIds``)."""
    renderers = [name for name in dependencies if name.startswith(_MARKDOWN_RENDERERS)]
    options = marked if isinstance(marked, dict) else {}
    if renderers != ["hexo-renderer-marked"] or options.get("headerids") is False:
        return UNKNOWN_IDS
    transform = options.get("modifyanchors")
    transform = transform if transform in (1, 2) else 0
    return f"{HEXO_IDS}:{transform}:{0 if options.get('smartypants') is False else 1}"


def _version(spec: Any) -> tuple[int, int] | None:
    """The lowest (major, minor) version an npm dependency's ``spec`` allows (``^6.2.0``: (6, 2))."""
    found = _VERSION.match(spec) if isinstance(spec, str) else None
    return (int(found.group(1)), int(found.group(2) or 0)) if found is not None else None


_VERSION = lazy_pattern(r"\s*(?:[\^~]|>=?)?\s*v?(\d+)(?:\.(\d+))?")


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    """A table's string keys and values (``category_map``, ``permalink_defaults``)."""
    if not isinstance(value, dict):
        return ()
    return tuple((str(key), str(found)) for key, found in value.items() if found is not None)


def permalink_tokens(hexo: Hexo) -> frozenset[str]:
    """The front-matter keys the site's permalink names (lowercased; beside those Hexo fills in itself)."""
    return frozenset(token.lower() for token in _TOKEN.findall(hexo.permalink)) - _OWN_TOKENS


_OWN_TOKENS = frozenset(
    (
        *("year", "month", "day", "hour", "minute", "second", "i_month", "i_day"),
        *("title", "name", "post_title", "category", "id", "hash", "timestamp"),
    )
)  # (the tokens Hexo fills in itself)
# a plugin named for links (but permalinks: hexo-abbrlink, hexo-permalink-pinyin) may rewrite links to Markdown files
_PERMALINKS = lazy_pattern(r"(?:perma|abbr)link")
# the options naming the folders of the pages Hexo's generators write, and their defaults
_GENERATED_FOLDERS = (
    ("tag_dir", "tags"),
    ("category_dir", "categories"),
    ("archive_dir", "archives"),
    ("pagination_dir", "page"),
)


def _globs(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(each).strip().lstrip("/") for each in values if isinstance(each, str) and each.strip()]

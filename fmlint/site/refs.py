"""Where a reference leads: a page of the index (and the ``#fragment`` to check there), or why not.

``ref``/``relref`` are resolved as Hugo's ``getContentNode`` does: a path not
starting with ``/`` is tried relative to the page's folder first (a bundle's
``index.md``: the bundle's folder), then (unless it starts with ``.``) from the
content root; the extension is optional and the match ignores case; a name
without ``/`` that matched nothing falls back to the unique page with that base
name (a file name, or a bundle's folder name), and several such pages make the
reference ambiguous.  An empty path is the page itself.  ``lang=`` looks in that
language.

Markdown links are resolved as files, relative to the linking file (as editors
and render hooks read them): a link to a ``.md`` file, or to a folder holding
``index.md``/``_index.md``; other relative links (to the page's URL) are left alone.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

import msgspec

from fmlint.discover import MARKDOWN_EXTENSIONS
from fmlint.regex import lazy_pattern
from fmlint.site.anchors import element_id
from fmlint.site.config import CONTENT_EXTENSIONS, SiteConfig
from fmlint.site.facts import Reference
from fmlint.site.hexo import Hexo, tag_text
from fmlint.site.hugo_paths import basic_normalize, join_url, link_path, names_file, under_base, url_key
from fmlint.site.index import Page, SiteIndex, content_paths, stem
from fmlint.site.mkdocs_urls import page_url
from fmlint.site.multirepo import imports
from fmlint.site.routes import matches
from fmlint.site.term_pages import TermKeys, missing_term_page, term_found, term_link, term_ref

if TYPE_CHECKING:  # (the modules of other generators, and of redirect templates, are imported where a site has them)
    from fmlint.site.docusaurus import Docusaurus
    from fmlint.site.starlight import Starlight

_FILE = lazy_pattern(r"\.(?:md|markdown)(?:[?#]|$)", re.IGNORECASE)  # a link to a Markdown file
FOLDER_PAGES = ("index.md", "_index.md", "index.markdown", "_index.markdown")  # a link to a folder finds these


class Resolved(NamedTuple):  # a tuple: made ~35,000 times in a 10k site
    page: Page | None  # None: not found (see ``problem``)
    fragment: str = ""
    problem: str = ""  # "" when found; else the message
    checked: bool = True  # False: not a reference these rules judge (left alone)
    also: Page | None = None  # another page the reference may lead to (see ``_folder_page``): its IDs count too
    meant: str = ""  # for a path to no page: the path, written alike, of the page it likely names (``_missing``)


_SKIP = Resolved(None, checked=False)
# the starts of a path that ``os.path.join`` would not append to a folder: empty, or from a root (a drive's ``C:``
# never gets there: a link with ``:`` in its first segment is skipped)
_ROOTS = ("", "/", "\\")


def resolve(index: SiteIndex, page: Page, reference: Reference) -> Resolved:
    """Where ``reference`` (written in ``page``) leads; each distinct one is resolved once per index (a site's
    pages name the same targets again and again), a ``ref``'s path once whatever its fragment (its key: the
    path, its language, and the page itself for an empty path, its folder for a relative one)."""
    kind = reference.kind
    if kind != "ref" and kind != "relref":
        if not reference.written and (found := _markdown_file_link(index, page, reference)) is not None:
            return found
        key = _memo_key(page, reference)
        if index.config.generator == "jekyll":  # (the folder's pages that Jekyll builds and the others apart)
            key += (_jekyll_builds(index.config, page),)
        found = index.resolutions.get(key)
        if found is None:
            found = index.resolutions[key] = _resolve(index, page, reference)
        return found
    written, _, fragment = reference.target.partition("#")
    if written[:1] == "/":
        scope: object = ""
    else:
        path = written.strip().replace("\\", "/")
        scope = page if not path else "" if path.startswith("/") else page.folder
    ref_key = ("ref", written, reference.language.lower() if reference.language else page.language, scope)
    found = index.resolutions.get(ref_key)
    if found is None:
        found = index.resolutions[ref_key] = _resolve(index, page, reference)
    elif found.checked:
        if found.problem:
            return _resolve(index, page, reference)  # (its message names the target as written: rare)
        if fragment != found.fragment:
            return Resolved(found.page, fragment)
    return found


def _markdown_file_link(index: SiteIndex, page: Page, reference: Reference) -> Resolved | None:
    """A Hugo page's relative link to a content file of the index — the most common reference of a site — as
    ``_link`` resolves it, without trying its other cases first (a third of its time); ``None`` for any other
    (left to ``_link``: a link to a missing file too)."""
    target = reference.target
    config = index.config
    if (
        config.generator != "hugo"
        or config.links_as_written
        or page.file is None
        or reference.kind not in _LINK_KINDS
        or not target
        or target.startswith(_NOT_RELATIVE)
        or "%" in target  # (percent-decoded: ``link_path``)
        or "?" in target
        or "://" in target
        or "{{" in target
        or _has_scheme(target)
    ):
        return None
    path, _, fragment = target.partition("#")
    if not path.lower().endswith(config.page_extensions):
        return None
    found = index.by_file.get(_joined(page.absolute_folder, path))  # (``unbuilt``: nothing on a Hugo site)
    if found is None or (found.language != page.language and config.link_hook and config.multilingual):
        return None  # (the embedded hook finds a page in the linking page's language: ``_hook_markdown_link``)
    return Resolved(found, fragment)


def _has_scheme(target: str) -> bool:
    """Whether ``target`` starts with a scheme (``mailto:``, ``C:``): a ``:`` before its first ``/``, ``?`` or
    ``#`` (one in the fragment, a text fragment's ``:~:``, is the fragment's)."""
    return ":" in target and ":" in target.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]  # (most: no `:`)


def _joined(folder: str, path: str) -> str:
    """The file a link's ``path`` names from the linking file's ``folder`` (absolute; the path relative, but for
    Docusaurus's from its root), normalized: joined as ``os.path.join`` joins them, without its Python code
    (a third of a relative link's resolution) where the path is relative."""
    return os.path.normpath(folder + os.sep + path if folder and path[:1] not in _ROOTS else os.path.join(folder, path))


_LINK_KINDS = ("link", "image", "html")
_NOT_RELATIVE = ("#", "/", "\\", "(")


def _memo_key(page: Page, reference: Reference) -> tuple[object, ...]:
    """The reference (not a ``ref``: see ``resolve``) and what else its resolution depends on: the page itself
    for a reference to the page or a relative URL, its folder for a relative path to a file, its language for a
    path from the root."""
    target = reference.target
    if reference.written:
        return (reference.kind, target, reference.written, page)  # (rare: see ``_escaped_by_hook``)
    if reference.kind in JEKYLL_TAGS or reference.kind in HEXO_TAGS:
        return (reference.kind, target)  # (from the site's folder, or by name)
    if reference.kind in HEXO_ASSETS:
        return (reference.kind, target, page)  # (from the post's asset folder)
    if "://" in target:
        return (reference.kind, target, page.language)  # (the site's own URL: from its root)
    if target.startswith("#") or page.file is None or (not target.startswith("/") and _url_relative(target)):
        return (reference.kind, target, page)  # (a relative URL: from the page's URL)
    # (Docusaurus reads a Markdown link from the root in the page's content folder, as it reads others, and
    # gives a link from the root its locale's prefix; Hugo finds a linked content file's page in the page's
    # language)
    scope = "" if target.startswith("/") and not _FILE.search(target) else page.absolute_folder
    return (reference.kind, target, scope, page.language)


def _external(config: SiteConfig, target: str) -> bool:
    """Whether a root-relative ``target`` is under one of the site's ``external_paths`` (another project's)."""
    if not config.external_paths or not target.startswith("/") or target.startswith("//"):
        return False
    path = link_path(target)
    return any(path == prefix or path.startswith(prefix + "/") for prefix in config.external_paths)


def _url_relative(target: str) -> bool:
    """Whether a relative link names a page by URL (``../install/``, ``setup``): it has no file extension."""
    path = target.partition("#")[0]
    if "?" in path:
        path = path.split("?", 1)[0]
    return path.endswith("/") or "." not in path[path.rfind("/") + 1 :]  # (a reference check: ~35,000 a site)


def _resolve(index: SiteIndex, page: Page, reference: Reference) -> Resolved:
    if reference.kind in ("ref", "relref"):
        return _shortcode(index, page, reference) if index.config.generator == "hugo" else _SKIP
    if reference.kind == "liquid-url":
        jekyll = index.config.generator == "jekyll" and not _external(index.config, reference.target)
        return _jekyll_url(index, reference.target, True) if jekyll else _SKIP
    if reference.kind in JEKYLL_TAGS:
        return _jekyll_tag(index, reference) if index.config.generator == "jekyll" else _SKIP
    if reference.kind in HEXO_TAGS:
        return _hexo_tag(index, reference) if index.config.hexo is not None else _SKIP
    if reference.kind in HEXO_ASSETS:
        return _hexo_asset(index, index.config.hexo, page, reference) if index.config.hexo is not None else _SKIP
    found = _link(index, page, reference)
    if index.config.pages_projects and _NO_FOLDER in found.problem:
        return _SKIP  # (on `<owner>.github.io`, a folder nothing of the site makes may be a repository's project site)
    return found


JEKYLL_TAGS = ("jekyll-link", "post-url")
HEXO_TAGS = ("post-link", "post-path")
HEXO_ASSETS = ("asset-img", "asset-link", "asset-path")
_HEXO_ARGUMENT = lazy_pattern(r""""([^"]*)"|'([^']*)'|(\S+)""")  # (Hexo's tag arguments: quoted or not)
LINKS = ("link", "html")  # links to a page (Markdown's and HTML's), not images


def _jekyll_tag(index: SiteIndex, reference: Reference) -> Resolved:
    """``{% link path %}`` (a file from the site's folder) or ``{% post_url name %}`` (a post by file name,
    ``category/name`` too): Jekyll fails the build on either when nothing is found."""
    target, _, fragment = reference.target.partition("#")
    if reference.kind == "post-url":
        found = index.posts.get(target.rsplit("/", 1)[-1])
        if found is not None:
            return Resolved(found)
        return Resolved(None, "", f"`{{% post_url {target} %}}` names no post (Jekyll fails the build)")
    source = os.path.normpath(os.path.join(index.config.root, target))
    if index.config.jekyll_excludes(source):
        return Resolved(
            None, "", f"`{{% link {target} %}}` names a file in _config.yml's exclude (Jekyll fails the build)"
        )
    found = index.by_file.get(source)
    if found is not None:
        return Resolved(found, unquote(fragment))
    if index.probe(os.path.isfile, source):
        return _SKIP  # a file Jekyll copies: it is there
    return Resolved(None, "", f"`{{% link {target} %}}` names no file (Jekyll fails the build)")


def _hexo_tag(index: SiteIndex, reference: Reference) -> Resolved:
    """``{% post_link slug %}`` (``slug#fragment`` too) or ``{% post_path slug %}``: a post by its slug, else (the
    site's Hexo 7 or later) by its title; what Hexo makes of one that names none (``fmlint.site.hexo``)."""
    link = reference.kind == "post-link"
    target, _, fragment = reference.target.partition("#") if link else (reference.target, "", "")
    version = hexo.version if (hexo := index.config.hexo) is not None else None
    by_title = index.post_titles.get(target)
    found = index.posts.get(target) or (by_title if version is None or version >= (7, 0) else None)
    if found is not None:
        return Resolved(found, fragment)
    tag = tag_text(reference.kind, target)
    named = "no post's slug or title"
    if by_title is not None:  # (the site's Hexo, before 7.0, finds posts by slug alone)
        named = f"no post's slug (`{by_title.file}` has that title: Hexo finds a post by its title since 7.0)"
    if not link:
        effect = "Hexo writes nothing in its place"
    elif version is None or version >= (6, 3):
        effect = 'Hexo fails the build: "Post not found"'
    else:
        effect = 'Hexo before 6.3 writes a link to `#` reading "Post not found", 6.3 and later fail the build'
    return Resolved(None, "", f"`{tag}` names {named} ({effect})")


def _hexo_asset(index: SiteIndex, hexo: Hexo, page: Page, reference: Reference) -> Resolved:
    """``{% asset_img %}`` (any of its arguments), ``{% asset_link %}`` and ``{% asset_path %}`` (the first) name
    a file of the post's asset folder (its path without the extension), which exists only with
    ``post_asset_folder``; Hexo (8.1.2) writes nothing for one that names none, or in a page."""
    tag = tag_text(reference.kind, reference.target)
    post = hexo.post(page.absolute)
    if post is None:
        return Resolved(None, "", f"`{tag}` is in a page: Hexo finds the assets of posts alone, and writes nothing")
    if not hexo.asset_folder:
        return Resolved(
            None, "", f"`{tag}`: `post_asset_folder` is off, so the post has no assets: Hexo writes nothing"
        )
    arguments = [
        next(group for group in found.groups() if group is not None)
        for found in _HEXO_ARGUMENT.finditer(reference.target)
    ]
    named = arguments if reference.kind == "asset-img" else arguments[:1]
    folder = os.path.splitext(page.absolute)[0]
    if any(index.probe(os.path.isfile, os.path.join(folder, *name.split("/"))) for name in named if name):
        return _SKIP
    shown = _shown(index, folder) + "/"
    return Resolved(None, "", f"`{tag}` names no file of the post's asset folder `{shown}`: Hexo writes nothing")


def _shortcode(index: SiteIndex, page: Page, reference: Reference) -> Resolved:
    target, _, fragment = reference.target.partition("#")
    if "%" in target:  # (Hugo parses the argument as a URL: kustomize's `../Common%20Definitions/FieldSpec.md`)
        target = unquote(target)
    language = reference.language.lower() or page.language
    if not target.strip():
        return Resolved(page, fragment)
    found = lookup(index, page, target, language)
    if isinstance(found, Page):
        return Resolved(found, fragment)
    if found:
        names = ", ".join(f"`{p.file}`" for p in found[:3])
        return Resolved(None, fragment, f"`{reference.target}` is ambiguous: it names {len(found)} pages ({names})")
    rooted = _looked_in(page, target)
    missing = missing_term_page(index, looked_up_term(index.config, page, reference.target.partition("#")[0], language))
    if (
        index.unseen(content_key(rooted[0]))
        or any(_page_written_by_build(index, path) for path in rooted)
        or (target.startswith("/") and _external(index.config, rooted[0]))
        or (missing is None and _taxonomy_page(index.config, rooted[-1]))
    ):
        return _SKIP  # a page a content adapter, a missing mount or a build step would make; a taxonomy's
    if missing is not None:
        problem = f"`{reference.target}` names no term page: {missing[0]} (Hugo fails with REF_NOT_FOUND)"
        return Resolved(None, fragment, problem)
    where = f" in language `{language}`" if index.config.multilingual else ""
    problem = f"`{reference.target}` names no page{where} (Hugo fails with REF_NOT_FOUND)"
    problem += _elsewhere(index, rooted[0]) if target.startswith("/") else ""
    return _missing(index, fragment, problem, target, language, partial(_content_path, written=target))


def _taxonomy_page(config: SiteConfig, path: str) -> bool:
    """Whether the content path ``path`` (from the root) is one of the pages Hugo makes for a taxonomy, which
    ``ref`` finds with no file: its list (``ref "tags"``: congo's example site, in every language) or a term's;
    or a URL path under a folder a taxonomy's permalinks write its pages to."""
    first, _, rest = path.strip("/").partition("/")
    first = first.lower()
    return first in (config.taxonomies if rest else config.taxonomy_lists) or first in config.taxonomy_url_folders


def _jekyll_builds(config: SiteConfig, page: Page) -> bool:
    """Whether the page is one Jekyll builds (true on other sites): not a file without front matter, which it
    copies as it is (metal3's ``AGENTS.md`` linking ``GUIDELINES.md``, which ``exclude`` names): its links are
    read where the file is, as on GitHub, where an excluded file is there. (A file ``exclude`` names has no
    site findings.)"""
    return config.generator != "jekyll" or page.facts.front_matter


def lookup(index: SiteIndex, page: Page, target: str, language: str, by_name: bool = True) -> Page | list[Page]:
    """The page ``target`` names, or the candidates of an ambiguous base name (empty: none); a bare name is looked
    up as a base name ``by_name`` (a ``ref``'s, not a page's ``GetPage``)."""
    target = _without_language(index.config, target.strip().replace("\\", "/"))
    if target.endswith("//"):  # (Hugo trims one slash from the end: the next names a file `.md` in the folder)
        return []
    if not target.startswith("/"):
        found = _by_path(index, posixpath.join("/" + _base_folder(page, target), target), language)
        if found is not None:
            return found
        if target.startswith("."):
            return []
    found = _by_path(index, "/" + target.lstrip("/"), language) if _clean(target.removesuffix("/")) else None
    if found is not None:
        return found
    if by_name and "/" not in target.rstrip("/"):  # (a path from the root, `/faq`, is not a base name: Hugo fails it)
        candidates = index.by_base_name.get((language, basic_normalize(stem(target.strip("/")))), [])
        return candidates[0] if len(candidates) == 1 else candidates
    return []


def _clean(path: str) -> bool:
    """Whether Hugo may find a page at ``path`` looked up from the content root, which it takes as written (a
    path from the page's folder is joined and cleaned first): `//`, `./` and `../` in it name none."""
    return "//" not in path and not any(part in (".", "..") for part in path.split("/"))


def _hook_lookup(index: SiteIndex, page: Page, path: str) -> Page | list[Page]:
    """:func:`lookup` of a link's ``path`` as the site's link render hooks read it: with a page's ``GetPage``, which
    finds no page by its base name (Hugo 0.168's embedded hook leaves `[m](manifest)` as written where
    `docs/sub/manifest.md` is the only such page); Relearn's (``hooks_look_up_names``) drops a leading `./` and
    looks a bare name up as a base name."""
    names = index.config.hooks_look_up_names
    return lookup(index, page, path.removeprefix("./") if names else path, page.language, by_name=names)


def looked_up_term(config: SiteConfig, page: Page, target: str, language: str) -> TermKeys | None:
    """The keys of the term page a ``ref``'s ``target`` (its fragment cut off), or the path a link render hook's
    ``GetPage`` looks up, may name in ``language`` (``fmlint.site.term_pages``): where one of the content paths it
    is looked for at is a term's."""
    if "%" in target:
        target = unquote(target)
    return next((keys for path in _looked_in(page, target) if (keys := term_ref(config, path, language))), None)


def _looked_in(page: Page, target: str) -> list[str]:
    """The content paths a ``ref`` or a hook's ``GetPage`` looks ``target`` up at: from the page's folder (from the
    root, for one led by `/`), then, for one led by neither `.` nor `/`, from the content root."""
    if target.startswith("/"):
        return [stem(target)]
    rooted = [posixpath.join("/" + _base_folder(page, target), stem(target))]
    return rooted if target.startswith(".") else [*rooted, "/" + stem(target)]


def _base_folder(page: Page, target: str) -> str:
    """The folder Hugo reads a relative path from, for a page's ``ref`` or a hook's ``GetPage``: a leaf bundle's
    parent folder (Hugo 0.168: ``c`` and ``./c`` in ``a/b/index.md`` are ``a/c``, ``../c`` is ``/c``), but its
    own folder for a path to a file led by ``../`` (``../c.md`` is ``a/c.md``); a section's and a regular page's
    own folder (cue's ``../expressions/interpolation`` in the bundle ``tour/types/stringlit/``)."""
    if page.name != "index" or (target.startswith("../") and "." in target.rsplit("/", 1)[-1]):
        return page.folder
    return page.folder.rpartition("/")[0]


def _without_language(config: SiteConfig, target: str) -> str:
    """``target`` without the language of a content file's name (``roadmap.en.md`` → ``roadmap.md``: Hugo's path
    parser drops a configured language written before a content extension, case ignored, and looks the page up
    in the ref's language, as Hugo's build shows); ``roadmap.en`` and ``roadmap.fr.md`` (no language of the site)
    stay as written."""
    if target.count(".") < 2:  # (most refs: one dot at most, no language to drop)
        return target
    bare = stem(target)
    if bare == target:  # (no content extension)
        return target
    dot = bare.rfind(".")
    named = dot > bare.rfind("/") + 1 and bare[dot + 1 :].lower() in config.languages
    return bare[:dot] + target[len(bare) :] if named else target


def _by_path(index: SiteIndex, path: str, language: str) -> Page | None:
    pages = index.by_key.get((language, content_key(path)))
    return pages[0] if pages else None


@lru_cache(maxsize=65536)
def content_key(path: str) -> str:
    """The content-map key a path names (extension optional, ``index``/``_index`` meaning the folder)."""
    path = posixpath.normpath(stem(path.rstrip("/") or "/"))
    parts = path.split("/")
    if parts[-1] in ("index", "_index"):
        path = "/".join(parts[:-1]) or "/"
    return "/" + basic_normalize(path).strip("/")


def own_path(config: SiteConfig, target: str) -> str | None:
    """The root-relative form (``/docs/x/#y``) of a link to the site's own URL (``https://keda.sh/docs/x/#y``:
    the host of its ``baseURL``, either scheme; below the path of a Jekyll site's ``url``, which is left out),
    else ``None``."""
    if "://" not in target or not config.own_hosts:
        return None
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.hostname not in config.own_hosts:
        return None
    path, prefix = parts.path or "/", config.own_prefix
    if prefix:
        if path != prefix and not path.startswith(prefix + "/"):
            return None  # (another site on the host)
        path = path[len(prefix) :] or "/"
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def _link(index: SiteIndex, page: Page, reference: Reference) -> Resolved:
    target = reference.target
    if "{{" in target or _external(index.config, target):
        return _SKIP  # a template's placeholder (in a file a shortcode includes), not a path; another project's
    if reference.written and reference.kind == "link" and index.config.link_hook:
        return _escaped_by_hook(index, page, reference)
    if target.startswith("#"):
        return Resolved(page, unquote(target[1:]))
    if reference.kind == "link" and index.config.link_hook and link_path(target) == "./":
        return _home_by_hook(index, page, target)
    if target.startswith("(") and target.endswith(")") and len(target) > 2:  # `[x]((/a/))`: parentheses kept
        return Resolved(None, "", f"`{target}` keeps its parentheses: it is a relative URL, write `{target[1:-1]}`")
    if (local := own_path(index.config, target)) is not None:
        # (written as it is, as an HTML link: Hugo's embedded link hook looks up no absolute URL)
        kind = "html" if reference.kind == "link" else reference.kind
        resolved = _link(index, page, msgspec.structs.replace(reference, target=local, kind=kind))
        problem = resolved.problem
        if "is no page's URL (nor" in problem and "external-paths" not in problem:  # (another app may serve it)
            problem += _elsewhere(index, link_path(local), single=True)
        # (the path a page moved to is named, not written: the link is written as a URL)
        return (
            resolved._replace(problem=f"`{target}` leads into this site: {problem}", meant="") if problem else resolved
        )
    path, fragment = link_path(target), target.partition("#")[2]
    markdown = path.lower().endswith(index.config.page_extensions)
    hugo = index.config.generator == "hugo"
    if markdown and index.config.links_as_written and not target.startswith("//"):
        return _markdown_as_written(index, page, target, path)
    if (
        hugo
        and markdown
        and index.config.link_hook
        and index.config.multilingual
        and not target.startswith("//")
        and (by_hook := _hook_markdown_link(index, page, target, path)) is not None
    ):
        return by_hook
    if hugo and markdown and target.startswith("/") and not target.startswith("//"):
        return _hugo_page_link(index, page, path, fragment)
    if hugo and reference.kind == "link" and index.config.link_hook and target.startswith("/") and target[1:2] != "/":
        found = _by_path(index, unquote(path), page.language)  # (the embedded render hook's GetPage, in its language)
        if found is not None and not _unfound(found):
            return Resolved(found, unquote(fragment))
        if term_found(index, looked_up_term(index.config, page, path.rstrip("/"), page.language)):
            return _SKIP  # (a term page: written at its URL)
    if target.startswith("/") and not target.startswith("//") and reference.kind in LINKS:
        judged = _root_url(index, target, locale=page.language)
        if judged is not None and judged.page is None and judged.checked and index.config.hooks_may_find_pages:
            found = _by_path(index, unquote(path), page.language)
            if found is not None:
                return Resolved(found, unquote(fragment))
        if judged is not None:
            return judged
    if path.startswith("@/") and index.config.generator == "zola":  # Zola's internal link, from `content/`
        return _zola_link(index, path[2:], fragment)
    docusaurus = index.config.generator == "docusaurus" and markdown
    if (target.startswith("/") and not docusaurus) or _has_scheme(target) or page.file is None:
        return _SKIP
    folder = page.absolute_folder
    destination = _joined(folder, path)
    if markdown:
        tried = (
            docusaurus_sources(index, page, path)
            if docusaurus
            else [destination, *_i18n_fallback(index, destination), *_also_named(index, page, path, destination)]
        )
        for source in tried:
            found = index.by_file.get(source)
            if found is not None and (hexo := index.config.hexo) is not None and not hexo.markdown_links_rewritten:
                return _hexo_markdown_link(hexo, found, path, fragment)
            if found is not None:
                unbuilt = index.config.unbuilt(source) if _jekyll_builds(index.config, page) else ""
                return (
                    Resolved(None, fragment, f"`{path}` {unbuilt}") if unbuilt else Resolved(found, unquote(fragment))
                )
        if hugo and (
            found := _by_path(index, posixpath.join("/" + _base_folder(page, path), unquote(path)), page.language)
        ):
            return Resolved(
                found, unquote(fragment)
            )  # (`get-started/index.md`: a render hook's GetPage finds `get-started.md`)
        # (a hook's GetPage looks a path not led by `.` up from the content root too: kpt's `guides/rationale.md` in
        # `guides/_index.md`)
        if (
            hugo
            and index.config.hooks_may_find_pages
            and not path.startswith(".")
            and (found := _by_path(index, "/" + unquote(path), page.language)) is not None
        ):
            return Resolved(found, unquote(fragment))
        if hugo and index.config.hooks_look_up_names:  # (Relearn's hook: a bare `tools.md` names the unique page)
            named = _hook_lookup(index, page, unquote(path))
            if isinstance(named, Page):
                return Resolved(named, unquote(fragment))
        if written_by_build(index, tried) or (
            index.config.mkdocs_imported
            and imports(index.config.mkdocs_imported, index.config.content_dirs[0].path, tried)
        ):
            return _SKIP  # (written by a build step; or imported from another repository by mkdocs-multirepo-plugin)
        if any(index.probe(os.path.isfile, source) for source in tried):
            if hugo and index.config.ignored(destination):
                return Resolved(None, fragment, f"`{path}` is left out by ignoreFiles: Hugo builds no page of it")
            if index.config.generator == "mkdocs" and not index.config.mkdocs_unseen_includes:
                return Resolved(None, fragment, f"`{path}` is outside the docs folder: MkDocs builds no page of it")
            return _SKIP  # a Markdown file outside the content folders: it exists, its anchors are unknown
        if index.config.mkdocs_unseen_includes:
            return _SKIP  # (the docs of a configuration the nav includes, mounted where fmlint cannot see)
        shown = ", ".join(_shown(index, source) for source in tried)
        problem = f"`{path}` does not exist (looked for {shown})"
        written = partial(_relative_path, page, written=path)
        if hugo:
            return _missing(index, fragment, problem, path, page.language, written)
        # (another generator reads a link from the page's folder: a file of its content folder, one it builds)
        language = "" if path.startswith(("/", "@")) else page.language
        return _missing(index, fragment, problem, path, language, written, partial(_beside, index.config, page))
    if reference.kind in LINKS and _url_relative(path):
        if index.config.generator == "mkdocs":
            return _mkdocs_url(index, page, path, fragment)
        options = index.config.docusaurus
        if options is not None and path.partition("/")[0] in options.placeholders:
            return _SKIP
        # (a bare word is left to a Hugo site's own render hooks, hugo-docs' glossary `g`, unless they only find
        # pages, as Hugo's embedded one: then it is a relative URL or such a page, as Docusaurus reads `settings#x`)
        as_url = (
            path.startswith(("./", "../"))
            or "/" in path
            or index.config.docusaurus is not None
            or index.config.hooks_known
        )
        if reference.kind == "link" and index.config.link_hook:
            return _embedded_hook_link(index, page, target, as_url)
        prefix = os.path.join(destination, "")
        for name in () if index.config.links_as_written else FOLDER_PAGES:
            found = index.by_file.get(prefix + name)
            if found is not None:
                return _folder_page(index, page, target, found, unquote(fragment))
        if as_url:
            return _relative_url(index, page, target)
    return _SKIP


def _also_named(index: SiteIndex, page: Page, path: str, destination: str) -> list[str]:
    """The other file a relative link names, unless ``destination`` (the file it names from the page's folder) is
    that one: an Eleventy site's from its input folder, where its InputPath-to-URL plugin looks first (the base
    blog's `blog/thirdpost.md`, in `content/blog/secondpost.md`); a GitBook space's read as a URL is, no higher
    than the space's root (`../../web-sdk-reference/overview.md` in `quickstart/README.md`, as GitBook writes it)."""
    config = index.config
    if config.generator not in ("eleventy", "gitbook") or not config.content_dirs:
        return []
    base = config.content_dirs[0].path
    if config.generator == "eleventy":
        source = os.path.normpath(os.path.join(base, unquote(path)))
    else:
        folder = os.path.relpath(page.absolute_folder, base).replace(os.sep, "/")
        named = posixpath.normpath(posixpath.join("/", folder, unquote(path))).lstrip("/")
        source = os.path.join(base, *named.split("/"))
    return [source] if source != destination else []


def _i18n_fallback(index: SiteIndex, destination: str) -> list[str]:
    """The default language's file mkdocs-static-i18n builds a page of a language's folder from when the folder
    lacks it (``SiteConfig.mkdocs_i18n``): ``docs/zh/ref/testing.md`` is ``docs/ref/testing.md``'s."""
    others, default = index.config.mkdocs_i18n
    if not others or not index.config.content_dirs:
        return []
    docs = os.path.join(index.config.content_dirs[0].path, "")
    language, _, rest = destination[len(docs) :].partition(os.sep) if destination.startswith(docs) else ("", "", "")
    return [os.path.join(docs, default, rest) if default else docs + rest] if language in others and rest else []


def _mkdocs_url(index: SiteIndex, page: Page, path: str, fragment: str) -> Resolved:
    """A relative link to no file on an MkDocs site (``../setup/#x``): MkDocs writes it as it is, and the browser
    reads it from the page's URL (``fmlint.site.mkdocs_urls``), which with ``use_directory_urls`` is a folder
    below its file's (keptn's ``./#deno-runtime-synopsis`` in ``taskdefinition.md``: the page itself).  Leading
    to no page, it is broken where its file's folder has the page it was written for (MkDocs' build: "Did you
    mean …?"); else it is not judged (a page a plugin writes, a file outside the docs folder)."""
    start = page_url(page, index.config.mkdocs_directory_urls)
    url = join_url(start, path)
    found = index.mkdocs_pages.by_url.get(unquote(url).strip("/"))
    if found is not None:
        return Resolved(found, unquote(fragment))
    beside = posixpath.normpath(posixpath.join(page.folder, unquote(path)))  # (from the file's folder)
    meant = None if beside.startswith("..") else index.mkdocs_pages.by_file.get("" if beside == "." else beside)
    if meant is None:
        return _SKIP
    written = _relative_path(page, meant, written=path)
    return Resolved(
        None,
        fragment,
        f"`{path}` leads to `{url}`, which is no page's URL: MkDocs writes a link to no Markdown file as it is, "
        f"and the browser reads it from this page's URL, `{start}`; did you mean `{written}`, which MkDocs "
        f"writes as the URL of its page?",
        meant=written,
    )


def _hook_markdown_link(index: SiteIndex, page: Page, target: str, path: str) -> Resolved | None:
    """A link to a Markdown file on a multilingual Hugo site rendering links with its embedded hook: the page its
    ``GetPage`` finds in the linking page's language (a language written in the file's name dropped: in a French
    page `a.fr.md` and `a.en.md` are the French `a`); a file of another language is no such page, and the link is
    written as it is (checked with Hugo 0.168); ``None`` for a file that is not there (see ``_link``)."""
    found = _hook_lookup(index, page, unquote(path))
    if isinstance(found, Page):
        return Resolved(found, unquote(target.partition("#")[2]))
    other = index.by_file.get(_joined(page.absolute_folder, path)) if page.file and path[:1] != "/" else None
    if other is None:
        return None
    why = f"Hugo's embedded link render hook finds no such page in language `{page.language}`"
    return _markdown_as_written(index, page, target, path, why)


def _markdown_as_written(index: SiteIndex, page: Page, target: str, path: str, why: str = "") -> Resolved:
    """A link to a Markdown file on a site that writes destinations as written (``SiteConfig.links_as_written``:
    longhorn.io's ``../../best-practices.md#x``; Astro's ``./routing.mdx``), or whose hook finds no page for it
    (``why``): the browser asks for the file's name, which only ``static/`` may serve; the page of the file, if
    any, is named."""
    urls = [target] if target.startswith("/") else relative_url_targets(index, page, target)
    if not urls:
        return _SKIP
    url = urls[0].partition("#")[0]
    if _served(index, "public" if index.config.generator == "astro" else "static", url):
        return _SKIP
    file = os.path.normpath(os.path.join(page.absolute_folder, path)) if page.file and path[:1] != "/" else ""
    found = index.by_file.get(file) if file else _by_path(index, unquote(path), page.language)
    hint = f"; link to its page, `{found.url}`" if found is not None and found.url else ""
    why = why or ("no link render hook finds pages" if index.config.generator == "hugo" else "Astro rewrites no link")
    return Resolved(None, "", f"`{path}` is written as it is ({why}): the browser asks for `{url}`{hint}")


def _home_by_hook(index: SiteIndex, page: Page, target: str) -> Resolved:
    """A ``./#setup`` link (``./``, ``./?q``) rendered by Hugo's embedded link render hook, which trims ``./`` and
    looks the page ``""`` up: the home page (vitess.io's versioned docs write ``/#setup-port-forward``), not the
    linking page, as a browser would read it."""
    fragment = target.partition("#")[2]
    if _by_path(index, "/", page.language) is page:
        return Resolved(page, unquote(fragment))
    written = index.config.language_prefix(page.language) + "/" + target[2:]
    advice = f"; write `#{fragment}` for this page's own" if fragment else ""
    return Resolved(
        None,
        fragment,
        f"`{target}` leads to the home page: Hugo's embedded link render hook looks `./` up as a page, the home "
        f"page, and writes `{written}`{advice}",
    )


def _escaped_by_hook(index: SiteIndex, page: Page, reference: Reference) -> Resolved:
    """A link whose destination is written with backslash escapes (kiali.io's `kialis\\.kiali\\.io`), rendered by
    Hugo's embedded link render hook: the hook reads the destination as written, not as CommonMark unescapes it,
    and writes each backslash as ``%5C`` (Hugo 0.168).  A path so written leads to no page; the destination
    unescaped is named (and its fix writes it) where it leads to a page and its fragment is there.  A fragment
    so written is the page's fragment as written (no ID holds a backslash)."""
    written = reference.written
    unescaped = _link(index, page, msgspec.structs.replace(reference, written=""))
    if "\\" not in written.partition("#")[0] or unescaped.page is None:
        return unescaped if unescaped.page is None else unescaped._replace(fragment=unquote(written.partition("#")[2]))
    found, fragment = unescaped.page, unescaped.fragment
    named = element_id(fragment)
    meant = reference.target if not named or found.has_id(named) else ""
    advice = f"; write `{meant}`" if meant else ""
    shown = written.replace("\\", "%5C")
    return Resolved(
        None,
        fragment,
        f"`{written}` is written with backslashes: Hugo's embedded link render hook writes it as `{shown}`, a URL "
        f"no page has{advice}",
        meant=meant,
    )


def _unfound(page: Page) -> bool:
    """Whether a hook's ``GetPage`` finds no such page in the build: a regular page Hugo does not build (a draft);
    a section is found all the same, and has no URL (checked with Hugo 0.168). The link is then written as it
    is: a URL that may lead to another page (the default language's, at `/blog/p/`)."""
    return bool(page.withheld) and page.kind == "page"


def _embedded_hook_link(index: SiteIndex, page: Page, target: str, as_url: bool) -> Resolved:
    """A relative link to no Markdown file (``../p/#setup``) rendered by Hugo's embedded link hook: the page its
    ``GetPage`` finds (from a leaf bundle's parent folder: ``../p/`` in ``blog/from/index.md`` is ``/p``), else
    the URL as written (``/blog/p/``), read from the page's URL (checked with Hugo 0.168) — where it is judged
    ``as_url`` (see ``_link``)."""
    path = link_path(target).rstrip("/")
    found = _hook_lookup(index, page, path)
    if isinstance(found, Page) and not _unfound(found):
        return Resolved(found, unquote(target.partition("#")[2]))
    if term_found(index, looked_up_term(index.config, page, path, page.language)):
        return _SKIP  # (a term page: written at its URL)
    return _relative_url(index, page, target) if as_url else _SKIP


def _folder_page(index: SiteIndex, page: Page, target: str, found: Page, fragment: str) -> Resolved:
    """A relative link to a folder holding a page's file (``../#setup``): that page, as an editor and a link
    render hook's ``GetPage`` read it.  A browser reads it from the page's URL, which for a page that is not its
    folder's (``contributing/pull-requests.md`` at ``/docs/contributing/pull-requests/``) is a folder down: the
    fragment may be an ID of the page there too (opentelemetry.io's hook leaves relative links as written; for
    Hugo's embedded hook see ``_embedded_hook_link``)."""
    if not fragment or page.name in ("index", "_index"):
        return Resolved(found, fragment)
    by_url = _relative_url(index, page, target).page
    return Resolved(found, fragment, also=by_url if by_url is not found else None)


def _hugo_page_link(index: SiteIndex, page: Page, path: str, fragment: str) -> Resolved:
    """A root-relative link to a content file on a Hugo site (``/docs/guides/x.md``): the page a link render
    hook's ``GetPage`` finds; else a file in ``static/``, a section a content adapter or a missing mount
    makes, or a path a rule of the site's ``_redirects`` leads on (porter.sh's ``/src/*`` to its GitHub
    repository: the hook writes a path it finds no page for as it is) is not judged."""
    found = _by_path(index, unquote(path), page.language)
    if found is not None:
        return Resolved(found, unquote(fragment))
    if (
        matches(index.config.redirects, path)
        or _served(index, "static", path)
        or index.unseen(content_key(path))
        or _page_written_by_build(index, stem(unquote(path)))
    ):
        return _SKIP
    problem = f"`{path}` names no content file (nor a file in static/)"
    return _missing(index, fragment, problem, path, page.language, partial(_content_path, written=path))


def moved_name(path: str) -> str:
    """The base name (as ``index.base_name_key`` normalizes it) of the page a path to no page was written for:
    its last segment's (without a content file's extension, MDX's too), a bundle's folder's for its
    ``index``/``_index`` file; "" for none."""
    parts = [part for part in unquote(path).replace("\\", "/").split("/") if part not in ("", ".", "..")]
    names = [part[: -len(".mdx")] if part.lower().endswith(".mdx") else stem(part) for part in parts]
    while names and names[-1] in ("index", "_index"):
        names.pop()
    return basic_normalize(names[-1]) if names else ""


def moved_key(config: SiteConfig, language: str, path: str) -> tuple[str, str] | None:
    """The base-name key (``index.base_name_key``) of the page a path to no page, written in a page of
    ``language`` ("": none is named), was written for: :func:`moved_name`'s name, without a language's suffix
    (Hugo finds ``install.fr.md`` in the linking page's language, as ``install.md``)."""
    name = moved_name(path) if language else ""
    bare, _, suffix = name.rpartition(".")
    return None if not name else (language, bare if bare and suffix in config.languages else name)


def _missing(
    index: SiteIndex,
    fragment: str,
    problem: str,
    path: str,
    language: str,
    written: Callable[[Page], str | None],
    kept: Callable[[Page], bool] | None = None,
) -> Resolved:
    """A reference's ``path`` to no page (``problem``), naming the page it likely names: the only page of
    ``language`` ("": none) with the base name it was written for (``moved_key``: a page moved to another
    folder keeps its name; Hugo's own lookup of a bare name finds a page so), of those ``kept`` says, whose path
    ``written`` gives (``None``: it has none to link to).  After ``_elsewhere``'s hint, if any: a build step may
    make the folder, and a copy of the page."""
    key = moved_key(index.config, language, path)
    found = index.by_base_name.get(key, []) if key is not None else []
    if kept is not None:
        found = [each for each in found if kept(each)]
    meant = written(found[0]) if len(found) == 1 else None
    if meant is None:
        return Resolved(None, fragment, problem)
    hint = f"; did you mean `{meant}`, the only page named `{found[0].base_name}`?"
    return Resolved(None, fragment, problem + hint, meant=meant)


def url_language(config: SiteConfig, path: str) -> str:
    """The language whose pages a root-relative URL path names: the one whose prefix it starts with (``/fr/``),
    else the default language."""
    first = path.lstrip("/").split("/", 1)[0].lower()
    for language in config.languages if config.multilingual else ():
        prefix = config.language_prefix(language)
        if prefix and prefix[1:].lower() == first:
            return language
    return config.default_language


def language_prefix_of(config: SiteConfig, path: str) -> tuple[str, str, bool]:
    """The language whose pages a root-relative URL path names (:func:`url_language`), its prefix (``/fr``; "" for
    none), and whether the path holds it (one without it, where the language has one, names none of its pages)."""
    language = url_language(config, path)
    prefix = config.language_prefix(language)
    return language, prefix, not prefix or path.lower().startswith(prefix.lower() + "/")


def _unprefixed(config: SiteConfig, path: str) -> str:
    """A root-relative URL path without the prefix of the language it names (``/fr/tags/x/`` is ``/tags/x/``)."""
    if not config.multilingual:
        return path
    _, prefix, prefixed = language_prefix_of(config, path)
    return path[len(prefix) :] if prefix and prefixed else path


def _page_url(page: Page, written: str) -> str | None:
    """The URL of ``page``, with a closing slash or without as ``written``; ``None`` for a page not written."""
    if not page.renders or not page.url:
        return None
    return page.url if written.endswith("/") else page.url.rstrip("/") or "/"


def _content_path(page: Page, written: str) -> str:
    """The path from the content root of ``page``'s file, written as ``written`` is: with its extension or
    without (a bundle then by its folder), with a closing slash or without."""
    if stem(written.rstrip("/")) != written.rstrip("/"):  # (a content file's extension)
        return "/" + posixpath.join(page.folder, os.path.basename(page.absolute))
    path = "/" + (page.folder if page.bundle else posixpath.join(page.folder, page.name))
    return path + "/" if written.endswith("/") and path != "/" else path


def _beside(config: SiteConfig, page: Page, other: Page) -> bool:
    """Whether a relative Markdown link of ``page`` (a site not Hugo's) may name ``other``'s file: one of the same
    content folder (a Docusaurus docs version, a locale's) that the site builds."""
    return other.mount == page.mount and not config.unbuilt(other.absolute)


def _relative_path(page: Page, target: Page, written: str) -> str:
    """The path of ``target``'s file relative to ``page``'s folder (``./`` kept if ``written`` starts so)."""
    path = os.path.relpath(target.absolute, page.absolute_folder).replace(os.sep, "/")
    return "./" + path if written.startswith("./") and not path.startswith("../") else path


def relative_url_targets(index: SiteIndex, page: Page, target: str) -> list[str]:
    """The root-relative URLs (with the fragment) that a relative link of ``page`` may lead to, as a browser
    resolves it from the page's URL (``../metrics/`` on ``/docs/traces/`` is ``/docs/metrics/``): one, or on a
    Starlight site whose ``trailingSlash`` is not ``'always'`` two (the page may be read at ``/docs/traces``
    too, from where ``../metrics/`` is ``/metrics/``), as on a Docusaurus site that does not set
    ``trailingSlash`` (its URLs have none); none where the page's URL is not known (a page that is
    not written).  On a Jekyll site, the URLs in the site (its ``baseurl`` left out, as the browser's
    resolution from the page keeps it)."""
    starlight, docusaurus = index.config.starlight, index.config.docusaurus
    if not page.url or not page.renders:
        return []
    if index.config.generator not in ("hugo", "jekyll") and starlight is None and docusaurus is None:
        return []
    if not page.url.startswith("/") or "?" in page.url or "#" in page.url:
        return []  # (a `url` written without its slash, or holding a query: no URL path to start from)
    if docusaurus is not None:  # (its URLs have no slash; one is read with it too unless `trailingSlash` says)
        bare = page.url.rstrip("/") or "/"
        urls = [join_url(url, target) for url in (bare, bare.rstrip("/") + "/")]
        urls = urls[1:] if docusaurus.trailing_slash else urls[:1] if docusaurus.trailing_slash is False else urls
    else:
        urls = [join_url(page.url, target)]
    if starlight is not None and starlight.trailing_slash != "always" and page.url.endswith("/") and page.url != "/":
        urls.append(join_url(page.url.rstrip("/"), target))
    return urls if len(urls) == 1 or urls[0] != urls[1] else urls[:1]


def _docusaurus_url(index: SiteIndex, docusaurus: Docusaurus, target: str, locale: str) -> Resolved:
    """A root-relative link on a Docusaurus site (``/docs/intro#setup``) in a page of ``locale``: a page's URL
    (under ``baseUrl``; a locale's translation, else the default locale's page: ``Docusaurus.page_urls``); a
    page the plugins make, a file in ``static/`` or a JavaScript page is not judged."""
    path = docusaurus.page_paths(target)
    if path is None:
        return _SKIP
    fragment = target.partition("#")[2]
    found = next(
        (page for url in docusaurus.page_urls(target, locale) if (page := index.by_url.get(url_key(url)))), None
    )
    if found is not None:
        return _page_or_draft(found, path, fragment)
    if (
        names_file(path)
        or docusaurus.generated(path)
        or _served(index, "static", path)  # (or another of the static folders the configuration may add)
        # (a doc git ignores, which a build step writes: webdriverio's `website/docs/api/**/*.md`)
        or written_by_build(
            index, [os.path.normpath(os.path.join(index.config.root, file)) for file in docusaurus.files_at(path)]
        )
    ):
        return _SKIP
    return Resolved(None, fragment, f"`{path}` is no page's URL (nor a page Docusaurus makes or a file in static/)")


def _jekyll_url(index: SiteIndex, target: str, from_site: bool = False) -> Resolved:
    """A root-relative link on a Jekyll site (``/docs/install/``; ``from_site``: a path through
    ``relative_url``, from the site's root whatever its ``baseurl``): a page's URL (``/a`` for ``/a.html``
    too); a ``redirect_from`` URL or a file Jekyll copies is not judged.  With a ``baseurl`` (a GitHub Pages
    project site; one GitHub Pages gives it, ``github_pages``), a link written without it that names a page of
    the site misses it; other such links are not judged (another site on the same host)."""
    config = index.config
    path, fragment = link_path(target), target.partition("#")[2]
    base = "/" + config.base_path if config.base_path else ""
    inside = path if from_site else under_base(path, base)
    if inside is None:
        if index.by_url.get(url_key(path)) is None:
            return _SKIP
        shown = f"{{{{ '{path}' | relative_url }}}}"
        whose = (
            f"the path GitHub Pages serves the project under, `{base}` (no `baseurl` is set; "
            'with a domain of its own, set `baseurl: ""`)'
            if config.base_implied
            else f"the site's baseurl `{base}`"
        )
        return Resolved(None, fragment, f"`{path}` misses {whose}: write `{base}{path}` or `{shown}`")
    path = written = inside
    found = index.by_url.get(url_key(path))
    if found is None and (unprefixed := _polyglot_unprefixed(config, path)) is not None:
        # (jekyll-polyglot writes every page under each language's prefix: the default language's where that
        # language has none of its own, `/ko/` the home page)
        path = unprefixed
        found = index.by_url.get(url_key(path))
    if found is not None:
        return Resolved(found, unquote(fragment))
    if (
        _names_a_file(path)
        or url_key(path) in index.alias_urls
        or matches(config.redirects, path)
        or index.unseen(url_key(path))
        or (_served(index, "", path) and not config.jekyll_excludes(os.path.join(config.root, path.lstrip("/"))))
        # (a file git ignores, which a build step writes before Jekyll copies it: Homebrew's `/rubydoc/x.html`)
        or written_by_build(index, [os.path.join(config.root, *unquote(path).strip("/").split("/"))])
    ):
        return _SKIP
    problem = f"`{written}` is no page's URL (nor an HTML page's, a `redirect_from` URL or a file of the site)"
    return Resolved(None, fragment, problem + _elsewhere(index, written))


def _hexo_url(index: SiteIndex, hexo: Hexo, target: str, from_site: bool = False) -> Resolved:
    """A root-relative link on a Hexo site: under its ``root``, a post's or a page's URL (``fmlint.site.hexo_urls``);
    not judged: a file of ``source/`` or of the theme's, a page Hexo's generators write (the index and its pages,
    archives, tags, categories), one of the shape of the permalink where a post's URL is not known, a link that
    misses the ``root`` and names no page (another site on the host)."""
    from fmlint.site.hexo_urls import hexo_shaped

    path, fragment = link_path(target), target.partition("#")[2]
    base = hexo.root.rstrip("/")
    inside = path if from_site else under_base(path, base)
    if inside is None:
        if index.by_url.get(url_key(path)) is None:
            return _SKIP
        return Resolved(None, fragment, f"`{path}` misses the site's root `{base}/` (_config.yml's `root`)")
    found = index.by_url.get(url_key(inside))
    if found is not None:
        return Resolved(found, unquote(fragment))
    first = inside.strip("/").split("/", 1)[0]
    files = [hexo.source, *index.config.theme_sources]
    if (
        _names_a_file(inside)
        or first in hexo.generated_folders
        or not first
        or any(
            index.probe(os.path.exists, os.path.join(folder, *unquote(inside).strip("/").split("/")))
            for folder in files
        )
        or (index.unknown_post_urls and hexo_shaped(hexo, inside))
        or matches(index.config.redirects, inside)
    ):
        return _SKIP
    problem = f"`{path}` is no page's URL (nor a page Hexo's generators write or a file of source/)"
    return Resolved(None, fragment, problem + _elsewhere(index, inside))


def _hexo_markdown_link(hexo: Hexo, found: Page, path: str, fragment: str) -> Resolved:
    """A relative link to a Markdown file of a Hexo site, which Hexo writes as it is (no page there): what to
    write instead, the post's tag or the page's URL."""
    post = hexo.post(found.absolute)
    instead = f"`{{% post_link {post[0]} %}}`" if post is not None else f"its URL `{found.url}`" if found.url else ""
    problem = f"`{path}` is written as it is: Hexo makes no link to a Markdown file its page's URL"
    return Resolved(None, fragment, problem + (f" (write {instead})" if instead else ""))


def _polyglot_unprefixed(config: SiteConfig, path: str) -> str | None:
    """``path`` without the prefix of one of a jekyll-polyglot site's languages (``/ko/x/``: ``/x/``); ``None``
    for a path with none."""
    first, _, rest = path.strip("/").partition("/")
    if first not in config.polyglot_languages:
        return None
    return "/" + rest + ("/" if path.endswith("/") and rest else "")


def _root_url(index: SiteIndex, target: str, from_site: bool = False, locale: str = "") -> Resolved | None:
    """A root-relative link judged by the site's generator (``None`` on a site whose URLs are not known);
    ``from_site``: a URL in the site (a relative link's, resolved from the page's URL), the Jekyll site's
    ``baseurl`` left out; ``locale``: the linking page's Docusaurus locale."""
    config = index.config
    if config.generator == "hugo":
        return _site_url(index, target, below=not from_site, hint=bool(locale))
    if config.starlight is not None:
        return _starlight_url(index, config.starlight, target)
    if config.docusaurus is not None and not _FILE.search(target):  # (a Markdown file: Docusaurus reads it so)
        return _docusaurus_url(index, config.docusaurus, target, locale)
    if config.generator == "jekyll":
        return _jekyll_url(index, target, from_site)
    if config.hexo is not None:
        return _hexo_url(index, config.hexo, target, from_site)
    return None


def _relative_url(index: SiteIndex, page: Page, target: str) -> Resolved:
    """A relative link to a page's URL (Hugo, Starlight, Jekyll); on a Hugo site also, failing that, to a page
    by its content path from the page's folder (where a link render hook, Hugo's own among them, resolves it so).
    Where the page has two URLs (Starlight's, with and without the slash), the link is broken when neither
    leads to a page."""
    absolutes = relative_url_targets(index, page, target)
    if not absolutes or any(_external(index.config, absolute) for absolute in absolutes):
        return _SKIP  # (one that leads where another project serves: ``external-paths``)
    judged = [_root_url(index, absolute, True, page.language) or _SKIP for absolute in absolutes]
    for found in judged:
        if found.page is not None or not found.checked:
            return found
    path, _, fragment = target.partition("#")
    if index.config.generator == "hugo" and path.strip("/") and not index.config.links_as_written:
        looked_up = link_path(target).rstrip("/")
        by_path = _hook_lookup(index, page, looked_up)
        if isinstance(by_path, Page):
            return Resolved(by_path, unquote(fragment))
        if any(index.unseen(content_key(looked)) for looked in _looked_in(page, looked_up)):
            return _SKIP  # (a page of a missing mount the hook may find: lima's generated `../reference/limactl_*`)
    found = judged[0]
    shown = " or ".join(f"`{absolute.partition('#')[0]}`" for absolute in absolutes)
    also = " (the page is read with and without its trailing slash)" if len(absolutes) > 1 else ""
    return Resolved(None, found.fragment, f"`{path}` leads to {shown}{also}, which {found.problem.partition('` ')[2]}")


def _zola_link(index: SiteIndex, path: str, fragment: str) -> Resolved:
    """``@/blog/post.md#anchor``: a file of the content folder (Zola fails the build when it is missing)."""
    source = os.path.normpath(os.path.join(index.config.content_dirs[0].path, path))
    found = index.by_file.get(source)
    if found is not None:
        return Resolved(found, unquote(fragment))
    return Resolved(None, fragment, f"`@/{path}` names no content file (looked for {_shown(index, source)})")


def docusaurus_sources(index: SiteIndex, page: Page, path: str) -> list[str]:
    """The files a Markdown link names to Docusaurus (``resolveMarkdownLinkPathname``): ``./x.md`` and
    ``../x.md`` from the page's folder; ``/x.md`` from the page's content folders (a translation's, then the
    translated plugin's), then the site's; ``x.md`` from the page's folder, then those; ``@site/x.md`` from the
    site's folder."""
    root = index.config.root
    if path.startswith("@site/"):
        return [os.path.normpath(os.path.join(root, path[len("@site/") :]))]
    folders = [*content_paths(index.config, page), root]
    if path.startswith(("./", "../")):
        folders = [page.absolute_folder]
    elif not path.startswith("/"):
        folders = [page.absolute_folder, *folders]
    return list(dict.fromkeys(os.path.normpath(os.path.join(folder, path.lstrip("/"))) for folder in folders))


def _site_url(index: SiteIndex, target: str, depth: int = 0, below: bool = True, hint: bool = False) -> Resolved:
    """A root-relative link (``/docs/install/#options``): a page's URL (case ignored, ``index.html`` and the
    trailing slash optional); an alias, a ``static/_redirects`` source, a taxonomy page, a file under
    ``static/`` or a section whose pages a content adapter makes are not judged; a link a rule written to
    ``_redirects`` leads on is judged by where it leads (``_redirected``). ``below``: written from the root, not
    a relative link's URL (see ``_elsewhere``); ``hint``: a URL to none names the page of the name it ends with
    in the URL's language (``_missing``; not for a link a rule leads on: the rule's source is named)."""
    config = index.config
    path, fragment = link_path(target), target.partition("#")[2]
    if _names_a_file(path):
        return _SKIP  # a file, not a page
    if config.base_path and below:
        return _below_base(index, path, fragment, depth, hint)
    key = url_key(path)
    found = index.by_url.get(key)
    # (a page Hugo does not build leaves its URL to an alias of another: digital.gov's expired pages)
    if found is not None and not (found.withheld and key in index.alias_urls):
        return Resolved(found, unquote(fragment))
    claimed = index.alias_urls.get(key)
    if claimed is not None:
        return _through_alias(index, path, claimed, element_id(unquote(fragment)), refreshed=depth == 0)
    missing = missing_term_page(index, term_link(config, path))
    if (
        matches(config.redirects, path)
        or (missing is None and _taxonomy_page(config, _unprefixed(config, path)))
        or index.unseen(url_key(path))
        or _served(index, "static", path)
        # (a page in another format than Markdown, ``.html``, AsciiDoc …: fmlint does not index those)
        or any(index.probe(os.path.isfile, source) for source in _content_files(config, path, _OTHER_FORMATS))
        # (a file of a content folder that is no page: Hugo publishes it at its path, as rclone's `content/KEYS`)
        or any(index.probe(os.path.isfile, source) for source in _content_files(config, path, ("",), ("",)))
        or _page_written_by_build(index, path)
    ):
        return _SKIP
    if missing is not None:
        why, spelt = missing
        meant = spelt + "/" if spelt and path.endswith("/") else spelt
        return Resolved(None, fragment, f"`{path}` is no term page's URL: {why}", meant=meant)
    written = partial(_page_url, written=path)
    language = url_language(config, path) if hint else ""
    if config.followed_redirects:
        led = _redirected(index, path, fragment, depth)
        if led is not None and (led.page is not None or not led.checked):
            return led
        if led is not None:  # (where a rule leads is no page either)
            return _missing(index, led.fragment, led.problem, path, language, written)
    problem = f"`{path}` is no page's URL (nor an alias, a taxonomy page or a file in static/)"
    problem += _elsewhere(index, path, below)
    return _missing(index, fragment, problem, path, language, written)


def _below_base(index: SiteIndex, path: str, fragment: str, depth: int, hint: bool) -> Resolved:
    """A root-relative link on a Hugo site below its ``baseURL``'s path (``https://example.org/docs/``), judged by
    what Hugo writes of it (each checked with Hugo 0.168): as it is, where no link render hook rewrites it (or
    Hugo's embedded one, which has found no page by that path), so that ``/docs/b/`` is the site's ``/b/`` and
    ``/b/`` leaves the site (reported where it names a page of the site: its base path is missed; else another
    project's, not judged); with ``canonifyURLs``, both as ``https://example.org/docs/b/``; with ``relativeURLs``,
    as a path from the page to the site's root, so that ``/b/`` is the site's ``/b/`` and ``/docs/b/`` its
    ``/docs/b/``. Not judged where another hook may rewrite it."""
    config = index.config
    base = "/" + config.base_path
    inside = under_base(path, base)
    if config.root_links == "canonify":
        inside = path if inside is None else inside
    elif config.root_links == "relative":
        inside = path
    elif not (config.links_as_written or config.link_hook):
        return _SKIP
    elif inside is None:
        named = index.by_url.get(url_key(path))
        if named is None or not named.renders:
            return _SKIP
        problem = f"`{path}` misses the site's base path `{base}` (its baseURL's path) and leaves the site"
        return Resolved(None, fragment, f"{problem}: write `{base}{path}`")
    found = _site_url(index, f"{inside}#{fragment}" if fragment else inside, depth, below=False, hint=hint)
    if found.page is not None or not found.checked:
        return found
    problem = found.problem.partition("` ")[2]
    return Resolved(None, found.fragment, f"`{path}` leads to the site's `{inside}` (below `{base}`), which {problem}")


def _through_alias(index: SiteIndex, path: str, pages: list[Page], fragment: str, refreshed: bool) -> Resolved:
    """A link to ``path``, an alias of ``pages``, with a ``#fragment``: judged at the page Hugo writes the alias
    for (vitess.io's 2015 post links ``/user-guide/sharding.html#resharding``, an alias of a page without that
    heading). Where several pages claim it (SITE001: Hugo keeps one of them), one that has the fragment as its own
    ID makes it fine; else it is judged at the first two. Where the fragment is there but Hugo writes the alias as
    its embedded template's page, which refreshes to the page's URL alone, the reader lands at the page's top: the
    page's URL is named (``refreshed``: the link's own path, not where a ``_redirects`` rule led it). Not judged
    without a fragment, nor where a page claiming it is not built (a draft, expired, a headless bundle) or none is
    known."""
    built = [page for page in pages if page.renders and not page.withheld]
    if not fragment or not built or len(built) < len(pages):
        return _SKIP
    having = [page for page in built if page.has_id(fragment)]
    if having and refreshed and index.config.refreshing_aliases:
        urls = list(dict.fromkeys(page.url for page in built))
        shown = f"`{urls[0]}`" + (f" (or {len(urls) - 1} more: Hugo keeps one of them)" if len(urls) > 1 else "")
        problem = (
            f"`{path}` is an alias: Hugo writes it as a page that refreshes to {shown} without `#{fragment}`, and the "
            f"reader lands at the page's top; link `{having[0].url}#{fragment}`"
        )
        return Resolved(None, fragment, problem, meant=having[0].url)
    if having and having[0] is not built[0]:  # (the fragment is another claimant's: fine, whichever Hugo keeps)
        return _SKIP
    return Resolved(built[0], fragment, also=built[1] if len(built) > 1 else None)


def _elsewhere(index: SiteIndex, path: str, below: bool = True, single: bool = False) -> str:
    """A hint for a root-relative link or ref to no page below a folder that nothing of a Hugo or Jekyll site
    makes (``/user-guide/x/`` with no content folder ``user-guide``, nor a language or its first part, a year, a
    permalink, a collection or a ``static/`` folder of that name; on a Hugo site, a folder below one it has:
    ``/cli/latest/x`` with ``content/cli/`` but no ``latest`` in it nor a page ``cli/latest.md``): another project
    may serve that folder on the site's host (a GitHub Pages site of another repository of the organization), or
    a build step write it (crossplane's ``content/latest`` and ``content/cli/latest``, copies of its latest version
    made before ``hugo`` runs), and ``external-paths`` leaves it to them. Below a first folder the site has, only
    for a path written from the root (``below``): a relative link that misses a folder has gone wrong on its way
    (fluxcd.io's ``../components/…`` one level short). A path of one name is hinted at only where the link is
    written with the site's host (``single``): redis.io's ``https://redis.io/downloads/``, served by another app."""
    config = index.config
    parts = unquote(path).strip("/").split("/")
    first = parts[0]
    languages = {code.lower().split("-")[0] for code in (*config.languages, *config.disabled_languages)}
    if (len(parts) < 2 and (not (single or config.pages_projects) or "." in first)) or not first or first.isdigit():
        return ""  # (one name: a page's, `/download.html`, unless the host was written or may be a project's; no
        # folder's: a year's)
    if first.lower().split("-")[0] in languages:
        return ""  # (`/zh/x/` on a site of `zh-cn`: a language's prefix misspelt)
    if config.generator == "jekyll":
        named = any(name == first or link.startswith(f"/{first}/") for name, link in config.jekyll_collections)
        if named or index.probe(os.path.exists, os.path.join(config.root, first)):
            return ""
        return _external_hint(first)
    if any(rule.pattern.startswith(f"/{first}/") for rule in config.every_permalink):
        return ""
    for depth in range(1, max(len(parts), 2) if below else 2):
        folder = "/".join(parts[:depth])
        places = [os.path.join(config.root, "static", *parts[:depth])]
        places += [place for content in config.content_dirs if (place := content.file_at(folder)) is not None]
        if any(index.probe(os.path.isfile, place + ".md") for place in places[1:]):
            return ""  # (a page: what is below it is no folder of the content)
        if not any(index.probe(os.path.exists, place) for place in places):
            return _external_hint(folder)
    return ""


def _external_hint(folder: str) -> str:
    hint = f"if another project or a build step makes `/{folder}/`, list it in `external-paths`"
    return f"{_NO_FOLDER} `{folder}` ({hint})"


_NO_FOLDER = "; no folder of the site's content is named"


def _redirected(index: SiteIndex, path: str, fragment: str, depth: int) -> Resolved | None:
    """A link that a rule written to ``_redirects`` leads on (``/en/*`` to ``/:splat``): what its first target
    that is good is (a page, with the fragment to check there), or a problem naming where it leads; ``None``
    where no rule matches (or the link was led through as many rules as are followed)."""
    from fmlint.site.redirect_templates import FOLLOWED, follow

    if depth >= FOLLOWED:
        return None
    targets = follow(index.config.followed_redirects, path)
    for target in targets:
        judged = _site_url(index, f"{target}#{fragment}" if fragment else target, depth + 1)
        if judged.page is not None or not judged.checked:
            return judged
    if not targets:
        return None
    return Resolved(
        None,
        fragment,
        f"`{path}` is no page's URL, and the site's `_redirects` sends it to `{targets[0]}`, which is none",
    )


def _starlight_url(index: SiteIndex, starlight: Starlight, target: str) -> Resolved:
    """A root-relative link on a Starlight site (``/guides/routing/#dynamic-routes``): a page's URL (the trailing
    slash optional), or a locale's fallback page of a default-locale page (see ``Starlight.page_paths``); a
    redirect, a file in ``public/`` or a route of ``src/pages`` is not judged."""
    found_paths = starlight.page_paths(target)
    if found_paths is None:
        return _SKIP
    path, urls = found_paths
    fragment = target.partition("#")[2]
    found = next((page for url in urls if (page := index.by_url.get(url_key(url))) is not None), None)
    if found is not None:
        return _page_or_draft(found, path, fragment)
    if (
        starlight.redirected(path)
        or starlight.routed(path)
        or _served(index, "public", path)
        or any(_docs_written_by_build(index, url[len(starlight.base) :]) for url in urls)  # (a fallback's too)
        or starlight.unvalidated(path, partial(_docs_folder, index))
    ):
        return _SKIP
    return Resolved(
        None, fragment, f"`{path}` is no page's URL (nor a redirect, a file in public/ or a page of src/pages)"
    )


def _names_a_file(path: str) -> bool:
    """Whether a URL path names a file rather than a page: its last segment has an extension, not ``.html``."""
    return names_file(path) and not path.endswith(".html")


def _served(index: SiteIndex, folder: str, path: str) -> bool:
    """Whether a file of the site's ``folder`` (``static``, ``public``; "" for its root) is at the URL ``path``
    (recorded: the findings depend on it); for ``static``, of the folders mounted on it and the themes' too; or
    one git ignores there, which a build step writes (lexical's ``static/dev-examples/``, its examples' apps)."""
    config = index.config
    places = [os.path.join(config.root, folder, *path.strip("/").split("/"))]
    if folder == "static":
        places += [place for static in config.static_dirs if (place := static.file_at(path.strip("/"))) is not None]
    if any(index.probe(os.path.exists, place) for place in places):
        return True
    built = [os.path.join(place, "index.html") if path.endswith("/") else place for place in places]
    return bool(folder) and written_by_build(index, built)


def _page_or_draft(found: Page, path: str, fragment: str) -> Resolved:
    """The page at a link's URL, or why not: a draft (Starlight and Docusaurus do not build one for production)."""
    if found.renders:
        return Resolved(found, unquote(fragment))
    return Resolved(None, fragment, f"`{path}` is a draft (`{found.file}`), which is not built for production")


_OTHER_FORMATS = tuple(extension for extension in CONTENT_EXTENSIONS if extension not in MARKDOWN_EXTENSIONS)


def _page_written_by_build(index: SiteIndex, path: str) -> bool:
    """Whether a content file of the page at root-relative ``path`` is ignored by git (``written_by_build``;
    the files are not named where git ignores nothing: ~60 paths joined for each missing page)."""
    return index.config.git_ignores is not None and written_by_build(index, _content_files(index.config, path))


def _docs_folder(index: SiteIndex, path: str) -> bool:
    """Whether Starlight's docs collection has a folder at the URL path ``path`` (recorded: a run over a few
    files, whose index holds a part of the site, answers as a run over all of them)."""
    return index.probe(os.path.isdir, _in_docs(index, path))


def _docs_written_by_build(index: SiteIndex, path: str) -> bool:
    """Whether a file of Starlight's docs collection that would be the page at ``path`` (no base) is ignored by
    git (``written_by_build``: tauri's docs ignore ``reference/config.md``, which a script writes)."""
    if index.config.git_ignores is None:
        return False
    from fmlint.site.starlight import PAGE_EXTENSIONS

    name = _in_docs(index, unquote(path))
    names = (name, os.path.join(name, "index"))
    return written_by_build(index, [base + extension for base in names for extension in PAGE_EXTENSIONS])


def _in_docs(index: SiteIndex, path: str) -> str:
    """Where the URL path ``path`` (no base) is in Starlight's docs collection."""
    from fmlint.site.starlight import DOCS

    return os.path.join(index.config.root, DOCS, *path.strip("/").split("/"))


def written_by_build(index: SiteIndex, sources: list[str]) -> bool:
    """Whether one of the files ``sources`` (absolute: the content files that would hold a missing page, a blog's
    authors map) is ignored by git (a build step writes it: ``fmlint.site.generated``): what depends on it is
    judged once it is there.  On a Hugo site that lowercases
    paths, or a Starlight site (whose slugs are lowercase), whatever the case of the file's letters (``sources``
    are the page's URL's)."""
    config = index.config
    ignores = config.git_ignores
    any_case = (config.generator == "hugo" and config.lower) or config.starlight is not None
    return ignores is not None and any(ignores.ignored(source, any_case) for source in sources)


def _content_files(
    config: SiteConfig,
    path: str,
    extensions: tuple[str, ...] = CONTENT_EXTENSIONS,
    names: tuple[str, ...] = ("", "/index", "/_index"),
) -> list[str]:
    """The content files with ``extensions`` that would be the page at root-relative ``path`` (the file of its
    name, or its bundle's ``names``), in the folders of its language (named by the path's prefix)."""
    parts = path.strip("/").split("/")
    language = config.default_language
    if config.multilingual and parts[0].lower() in config.languages and parts[0].lower() != language:
        language, parts = parts[0].lower(), parts[1:]
    stem = "/".join(parts)
    if not stem:
        return []
    return [
        os.path.join(content.path, *f"{name}{extension}".split("/"))
        for content in config.content_dirs
        if (content.language or config.default_language) == language and not content.target
        for name in (stem + suffix for suffix in names)
        for extension in extensions
    ]


def _shown(index: SiteIndex, path: str) -> str:
    return os.path.relpath(path, index.config.root)

"""The options of ``mkdocs.yml`` (and Zensical's ``zensical.toml``) the site rules read: heading IDs,
block extensions, snippets, the i18n and exclude plugins, hooks."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from typing import Any

from fmlint.folders import names_in
from fmlint.regex import lazy_pattern
from fmlint.site.config.loading import Tagged, merged_options, read_options, strings
from fmlint.site.files import file_text

# the `slugify` functions of Python-Markdown's `toc` that fmlint knows, by their `!!python/name:` (pymdownx's
# `slugify(case=…)` factory is read from its `!!python/object/apply:` arguments)
_SLUGIFY_NAMES = {
    "markdown.extensions.toc.slugify": "",
    "markdown.extensions.toc.slugify_unicode": "unicode",
    "pymdownx.slugs.uslugify": "pymdownx,lower,NFC",
    "pymdownx.slugs.uslugify_cased": "pymdownx,none,NFC",
    "pymdownx.slugs.gfm": "pymdownx,lower-ascii,NFC",
}


def toc_ids(extensions: Any) -> str:
    """The heading-ID type of an MkDocs site: ``python-markdown``, with its ``toc`` extension's ``separator``
    and ``slugify`` when set (``python-markdown:KIND:SEPARATOR``; KIND ``?`` for a slugify fmlint does not
    know, whose IDs are not judged)."""
    toc = named_options(extensions).get("toc")
    return _slug_type(toc) if isinstance(toc, dict) else "python-markdown"


def tabbed_ids(extensions: Any) -> tuple[str, bool]:
    """pymdownx.tabbed's ID type for its tabs when a ``slugify`` is set ("" otherwise: its IDs are numbered), as
    ``toc_ids`` writes one, and its ``combine_header_slug``."""
    tabbed = named_options(extensions).get("pymdownx.tabbed")
    if not isinstance(tabbed, dict) or tabbed.get("slugify") is None:
        return "", False
    return _slug_type(tabbed), tabbed.get("combine_header_slug") is True


def _slug_type(options: dict[str, Any]) -> str:
    """The ID type of Python-Markdown's ``toc`` options, or of another extension's alike (``slugify``,
    ``separator``)."""
    separator = options.get("separator") if isinstance(options.get("separator"), str) else "-"
    slugify, kind = options.get("slugify"), ""
    if isinstance(slugify, Tagged) and slugify.tag == "python/object/apply:pymdownx.slugs.slugify":
        arguments = slugify.value.get("kwds", {}) if isinstance(slugify.value, dict) else {}
        arguments = arguments if isinstance(arguments, dict) else {}
        encoded = arguments.get("percent_encode") is True
        kind = "?" if encoded else f"pymdownx,{arguments.get('case', 'none')},{arguments.get('normalize', 'NFC')}"
    elif isinstance(slugify, Tagged) and slugify.tag.startswith("python/name:"):
        kind = _SLUGIFY_NAMES.get(slugify.tag[len("python/name:") :], "?")
    elif slugify is not None:
        kind = "?"
    return "python-markdown" if (kind, separator) == ("", "-") else f"python-markdown:{kind}:{separator}"


def named_options(value: Any) -> dict[str, Any]:
    """mkdocs.yml's ``markdown_extensions`` or ``plugins`` as names with their options (``None`` for none): a
    list of names and one-key maps, or one map of names to their options."""
    entries = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
    found: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, dict):
            found.update((str(name), options) for name, options in entry.items())
        elif isinstance(entry, str):
            found[entry] = None
    return found


def nav_includes(nav: Any) -> Iterator[str]:
    """The configurations mkdocs.yml's ``nav`` includes with mkdocs-monorepo-plugin's ``!include path``."""
    if isinstance(nav, str):
        if nav.startswith("!include "):
            yield nav[len("!include ") :].strip()
    elif isinstance(nav, list):
        for entry in nav:
            yield from nav_includes(entry)
    elif isinstance(nav, dict):
        for entry in nav.values():
            yield from nav_includes(entry)


def i18n_folders(root: str, docs_dir: str, plugins: Any) -> tuple[tuple[str, ...], str]:
    """mkdocs-static-i18n's language folders (``SiteConfig.mkdocs_i18n``), where it uses them and falls back to
    the default language (openai-agents-python's ``docs/ja/``, ``docs/ko/``, ``docs/zh/``, English in ``docs/``)."""
    options = named_options(plugins).get("i18n")
    if not isinstance(options, dict) or options.get("docs_structure") != "folder":
        return (), ""
    if options.get("fallback_to_default") is False or not isinstance(options.get("languages"), list):
        return (), ""
    languages = [
        each for each in options["languages"] if isinstance(each, dict) and isinstance(each.get("locale"), str)
    ]
    default = next((each["locale"] for each in languages if each.get("default") is True), "")
    others = tuple(each["locale"] for each in languages if each["locale"] != default)
    at_root = not os.path.isdir(os.path.join(root, docs_dir, default))
    return (others, "" if at_root else default) if default and others else ((), "")


def defines_markdown_hook(root: str, hooks: Any) -> bool:
    """Whether a Python file of mkdocs.yml's ``hooks`` (paths from the file's folder) defines
    ``on_page_markdown``."""
    paths = [os.path.join(root, hook) for hook in hooks if isinstance(hook, str)] if isinstance(hooks, list) else []
    # (a hook that cannot be read is none: MkDocs' build fails on it)
    return any(_ON_PAGE_MARKDOWN.search(file_text(path)) for path in paths)


_ON_PAGE_MARKDOWN = lazy_pattern(r"^\s*def\s+on_page_markdown\b", re.MULTILINE)


def exclude_plugin_patterns(plugins: Any) -> tuple[str, ...]:
    """The ``glob`` and ``regex`` patterns of the ``exclude`` plugin (mkdocs-exclude) in mkdocs.yml's ``plugins``."""
    options = named_options(plugins).get("exclude")
    if not isinstance(options, dict):
        return ()
    return tuple(f"{kind}:{pattern}" for kind in ("glob", "regex") for pattern in strings(options.get(kind)))


def plugin_excludes(pattern: str, path: str) -> bool:
    """Whether mkdocs-exclude's ``glob:…`` (``fnmatchcase``) or ``regex:…`` (``re.match``) pattern leaves ``path``
    (from ``docs_dir``) out."""
    kind, _, written = pattern.partition(":")
    if kind == "glob":
        return fnmatch.fnmatchcase(path, written)
    try:
        return re.match(written, path) is not None
    except re.error:
        return False


# the extensions of the files MkDocs makes pages of (``mkdocs.utils.markdown_extensions``)
_MKDOCS_PAGES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
_MKDOCS_INDEXES = frozenset(("index", extension) for extension in _MKDOCS_PAGES)


def mkdocs_index_beside(absolute: str) -> str:
    """The name of the ``index`` page beside the ``README`` page at ``absolute`` ("" if none, or not a README):
    both are the folder's page to MkDocs, which keeps the index and leaves the README out, with a warning
    ("Excluding 'README.md' from the site because it conflicts with 'index.md'"; cdk8s' ``docs/README.md``,
    written for GitHub)."""
    stem, extension = os.path.splitext(os.path.basename(absolute))
    if stem != "README" or extension not in _MKDOCS_PAGES:
        return ""
    return next((name for name in names_in(os.path.dirname(absolute)) if os.path.splitext(name) in _MKDOCS_INDEXES), "")


# the extensions whose blocks hold Markdown CommonMark reads otherwise, and their markers (``fmlint.mkdocs_blocks``)
BLOCK_EXTENSIONS = {"admonition": "!!!", "pymdownx.details": "???", "pymdownx.tabbed": "===", "md_in_html": "markdown"}


def snippet_folders(root: str, extensions: Any) -> tuple[str, ...]:
    """The folders pymdownx.snippets looks for a ``--8<--`` file in (its ``base_path``, a folder or a list, from
    where MkDocs runs: the site's; ``.`` by default), when mkdocs.yml enables it."""
    named = named_options(extensions)
    if "pymdownx.snippets" not in named:
        return ()
    options = named["pymdownx.snippets"]
    bases = strings(options.get("base_path", ".")) if isinstance(options, dict) else ["."]
    return tuple(os.path.normpath(os.path.join(root, base)) for base in bases)


def block_markers(extensions: Any) -> tuple[str, ...]:
    """The markers of the blocks of the extensions an MkDocs site enables (``fmlint.mkdocs_blocks``)."""
    names = named_options(extensions)
    return tuple(marker for name, marker in BLOCK_EXTENSIONS.items() if name in names)


def mkdocs_options(path: str, seen: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The options of the MkDocs configuration at ``path``, over those of the configuration its ``INHERIT`` names
    (from its folder; a chain of them too), merged as MkDocs merges them: tables key by key, any other value
    the child's (a list of ``markdown_extensions`` replaces the parent's)."""
    options, _ = read_options(path)
    if path.endswith(".toml"):  # (zensical.toml)
        return _zensical(options.get("project"))
    parent = options.pop("inherit", None)
    if isinstance(parent, str) and parent.strip():
        found = os.path.normpath(os.path.join(os.path.dirname(path), parent.strip()))
        if found not in seen:
            options = merged_options(options, mkdocs_options(found, seen | {path}))
    return options


def _zensical(project: Any) -> dict[str, Any]:
    """The MkDocs options of ``zensical.toml``'s ``[project]`` table: its ``markdown_extensions`` tables named
    as mkdocs.yml names them (``[project.markdown_extensions.pymdownx.snippets]`` is ``pymdownx.snippets``)."""
    if not isinstance(project, dict):
        return {}
    extensions = project.get("markdown_extensions")
    if isinstance(extensions, dict):
        project = {**project, "markdown_extensions": dict(_extension_names(extensions, ""))}
    return project


def _extension_names(table: dict[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    """A TOML table of extensions as (dotted name, options): a namespace's table (``pymdownx``,
    ``zensical.extensions``) holds only tables of extensions, an extension's holds its options."""
    for name, options in table.items():
        namespace = isinstance(options, dict) and options and all(isinstance(each, dict) for each in options.values())
        if namespace and name in _EXTENSION_NAMESPACES:
            yield from _extension_names(options, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", options


_EXTENSION_NAMESPACES = frozenset(("pymdownx", "zensical", "extensions", "markdown", "material"))

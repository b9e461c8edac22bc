"""The docs mkdocs-multirepo-plugin imports into an MkDocs site's docs folder when it builds.

Its ``nav_repos`` import each repository's ``imports`` into a folder of the docs
folder named by its ``name`` (slugified); its ``repos`` into
``<section_path>/<section>`` (the section's name slugified, its case kept); and
a ``nav`` entry ``Section: '!import https://…'`` into the path of its sections'
names (each slugified).  What is there is known only to the build: links into
those folders are not judged (kuadrant's docs link
``kuadrant-operator/doc/overviews/tls.md``, imported from the operator's
repository).  Names are slugified as python-slugify does (the plugin's
``slugify``): accents dropped, other characters than ASCII letters, digits and
``-`` made ``-``, none at the ends.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterator
from typing import Any

from fmlint.regex import lazy_pattern

_NOT_SLUG = lazy_pattern(r"[^-a-zA-Z0-9]+")


def imported_folders(options: Any, nav: Any) -> tuple[str, ...]:
    """The folders (``/``-separated, from the docs folder) the plugin's ``options`` and mkdocs.yml's ``nav``
    import into; none without the plugin."""
    if not isinstance(options, dict):
        return ()
    found = [_slug(str(repo["name"])) for repo in _entries(options.get("nav_repos")) if repo.get("name")]
    for repo in _entries(options.get("repos")):
        if repo.get("section"):
            section = _slug(str(repo["section"]), lower=False)
            found.append(
                posixpath.join(str(repo["section_path"]).strip("/"), section) if repo.get("section_path") else section
            )
    found += ["/".join(_slug(name) for name in path) for path in _nav_imports(nav, [])]
    return tuple(dict.fromkeys(folder for folder in found if folder))


def _entries(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _nav_imports(nav: Any, sections: list[str]) -> Iterator[list[str]]:
    """The section paths of ``nav`` whose value is an ``!import`` statement."""
    for entry in nav if isinstance(nav, list) else []:
        if isinstance(entry, dict) and len(entry) == 1:
            ((section, value),) = entry.items()
            path = [*sections, str(section)]
            if isinstance(value, list):
                yield from _nav_imports(value, path)
            elif isinstance(value, str) and value.startswith("!import"):
                yield path


def _slug(text: str, lower: bool = True) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower() if lower else ascii_text).strip("-")


def imports(folders: tuple[str, ...], docs_dir: str, paths: list[str]) -> bool:
    """Whether one of ``paths`` (absolute) is under one of the imported ``folders`` of the docs folder
    ``docs_dir`` (absolute)."""
    prefixes = tuple(posixpath.join(docs_dir.replace("\\", "/"), folder) + "/" for folder in folders)
    return any(path.replace("\\", "/").startswith(prefixes) for path in paths)

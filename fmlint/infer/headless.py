"""Hugo content that is not a page: headless bundles, which no page schema should judge.

A bundle is headless when its ``index.md`` says ``headless: true``, or when a
branch's ``_index.md`` cascades ``build``/``_build`` options with
``render: never`` to everything below it (Hugo's documentation keeps its
include-only snippets so).  Such files are Markdown fragments: they need no
title or date, so inference neither learns from them nor checks them, and
the report gives the ``per-file-ignores`` entry that makes linting agree.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fmlint.infer.collect import Site
from fmlint.site.rendering import NEVER, cascade_render, lowered_keys, page_render


def headless_folders(site: Site) -> dict[str, str]:
    """Each headless folder, and the file that makes it so."""
    folders = {}
    for path, data in zip(site.files, site.data, strict=True):
        name = PurePath(path).stem
        if name in ("index", "_index") and isinstance(data, dict) and _headless(name, data):
            folders[str(PurePath(path).parent)] = path
    return folders


def _headless(name: str, data: dict[str, Any]) -> bool:
    """As the site rules judge it (``fmlint.site.rendering``): a bundle that renders no page, or a section
    that cascades that to everything below it."""
    keys = lowered_keys(data)
    if name == "index":
        return page_render(data, keys) == NEVER
    return cascade_render(data.get(keys.get("cascade", ""))) == NEVER


def headless_files(site: Site, folders: dict[str, str]) -> list[int]:
    """The indices of the files inside ``folders`` (the ``_index.md`` that defines one too, as a glob covers it)."""
    if not folders:
        return []
    return [
        index
        for index, path in enumerate(site.files)
        if any(parent in folders for parent in map(str, PurePath(path).parents))
    ]


def headless_report(folders: dict[str, str], files: int) -> dict[str, Any]:
    """The report's entry: how many files were set aside, each folder, and the line that keeps linting in step."""
    entries = [
        {"folder": folder, "defined_by": by, "per_file_ignores": f'"{PurePath(folder).as_posix()}/**" = ["SC"]'}
        for folder, by in sorted(folders.items())
    ]
    return {"files": files, "folders": entries}

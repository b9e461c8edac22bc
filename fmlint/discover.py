"""Which files to check: explicit files always; directories walked for Markdown.

Directory walks skip hidden folders (``.git``, ``.github``…), do not follow
symbolic links to directories (no loops), and yield paths in sorted order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

MARKDOWN_EXTENSIONS = (".md", ".markdown")


def discover(paths: Iterable[str], extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS) -> list[str]:
    """Files to check, each once, sorted; explicitly named files are always kept."""
    found: set[str] = set()
    for path in paths:
        if os.path.isdir(path) and not path.endswith(extensions):
            found.update(_walk(path, extensions))
        else:
            found.add(os.path.normpath(path))
    return sorted(found)


def _walk(root: str, extensions: tuple[str, ...]) -> Iterator[str]:
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.lower().endswith(extensions) and not name.startswith("."):
                yield os.path.normpath(os.path.join(folder, name))
        for name in dirs:  # a directory named like a Markdown file is reported, not walked past
            if name.lower().endswith(extensions):
                yield os.path.normpath(os.path.join(folder, name))

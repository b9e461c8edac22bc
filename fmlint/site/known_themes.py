"""The page parameters popular Hugo themes' layouts read, for a site whose theme is not there to read.

A theme that is a git submodule not checked out (CI checks out none by
default), an npm package not installed or a Hugo module not downloaded leaves
no templates to read (``fmlint.site.hugo_modules``), so the keys it reads
(Docsy's ``toc_hide``, ``no_list``, …) would be unknown keys on every page.
``known_themes.json`` lists them for Docsy, PaperMod, Ananke and Hugo Book
(written by ``scripts/known_themes.py`` from the themes' own layouts, over
several releases).  A theme is known by its module path or the last name in
the path a site gives it (``docsy``, ``docsy/theme``, ``PaperMod``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources


def known_params(missing: Sequence[str]) -> frozenset[str]:
    """The page parameters (lowercased) the known themes among ``missing`` (module paths or theme names)
    read."""
    found: set[str] = set()
    for path in missing:
        lowered = path.lower()
        names = {part for part in lowered.split("/") if part}
        for module, (theme_names, params) in _themes().items():
            if lowered == module or lowered.startswith(module + "/") or names & theme_names:
                found |= params
    return frozenset(found)


@cache
def _themes() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each known theme's module path (lowercased): its names, and the parameters its layouts read."""
    data = json.loads(resources.files(__package__).joinpath("known_themes.json").read_text(encoding="utf-8"))
    return {
        theme["module"].lower(): (frozenset(theme["names"]), frozenset(theme["params"])) for theme in data["themes"]
    }

"""The page parameters popular Hugo themes' layouts read, for a site whose theme is not there to read.

A theme that is a git submodule not checked out (CI checks out none by
default), an npm package not installed or a Hugo module not downloaded leaves
no templates to read (``fmlint.site.hugo_modules``), so the keys it reads
(Docsy's ``toc_hide``, ``no_list``, …) would be unknown keys on every page.
``known_themes.json`` lists them, and those read as maps (Hextra's
``sidebar: {exclude: true}``), for Docsy, PaperMod, Ananke, Hugo Book, Hextra,
Stack, Congo, LoveIt, FixIt, DoIt, Geekdoc, Coder, Terminal, Clarity, Toha,
Mainroad, Beautiful Hugo, Learn, Even, Hugo Blox (once Wowchemy and Academic:
its modules' paths changed over the years), Doks and the Thulite packages it
mounts from npm (known by the mount's source,
``node_modules/@thulite/seo/layouts``), Blowfish and Relearn (written by
``scripts/known_themes.py`` from the themes' own layouts and asset templates,
over several releases; Blowfish's and Relearn's from releases sites or a fork
vendor).  A theme is known by its module path, its npm package (``@docsy/theme``)
or a name in the path a site gives it (``docsy``, ``docsy/theme``, ``PaperMod``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources


def known_params(missing: Sequence[str]) -> frozenset[str]:
    """The page parameters (lowercased) the known themes among ``missing`` (module paths or theme names)
    read."""
    return frozenset().union(*(params for params, _ in _matching(missing)))


def known_maps(missing: Sequence[str]) -> frozenset[str]:
    """Those of :func:`known_params` the themes read a field of (Hextra's ``sidebar.exclude``): maps."""
    return frozenset().union(*(maps for _, maps in _matching(missing)))


def without_hooks(missing: Sequence[str], kind: str) -> bool:
    """Whether each of ``missing`` (none too) is a known theme none of whose listed releases has a render hook of
    ``kind`` (``link``, ``image``): Docsy has none (none of its 47 tags), so Hugo renders a Docsy site's links as
    it would without the theme."""
    return all((known := _known(path)) and all(kind not in hooks for _, _, hooks in known) for path in missing)


def _matching(missing: Sequence[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The parameters and maps of each known theme among ``missing``."""
    return [(params, maps) for path in missing for params, maps, _ in _known(path)]


def _known(path: str) -> list[tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    """The parameters, maps and render hooks of each known theme that ``path`` (a module path or theme name) names."""
    lowered = path.lower()
    names = {part for part in lowered.split("/") if part}
    return [
        (params, maps, hooks)
        for module, (theme_names, params, maps, hooks) in _themes().items()
        if lowered == module or lowered.startswith(module + "/") or names & theme_names
    ]


@cache
def _themes() -> dict[str, tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]:
    """Each known theme's module paths (lowercased; ``also``: its others, as an npm package's earlier scope): its
    names, the parameters its layouts read, the maps, and the kinds of render hook its releases have."""
    data = json.loads(resources.files(__package__).joinpath("known_themes.json").read_text(encoding="utf-8"))
    return {
        module.lower(): (
            frozenset(theme["names"]),
            frozenset(theme["params"]),
            frozenset(theme["maps"]),
            frozenset(theme["hooks"]),
        )
        for theme in data["themes"]
        for module in (theme["module"], *theme.get("also", ()))
    }

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

The shortcodes each theme has had at any commit of its branches and tags are
listed too, each with whether its templates evaluate ``.Inner``, with the date
of the newest commit read and the theme's releases: SITE008 judges a site's
shortcodes by them (``known_shortcodes``) when its theme is one of these and
``go.mod`` pins none, or a version the data covers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple


class _Theme(NamedTuple):
    names: frozenset[str]  # the names a site gives it (lowercased)
    params: frozenset[str]
    maps: frozenset[str]
    hooks: frozenset[str]
    shortcodes: dict[str, bool | None]  # each of its history's shortcodes: its templates evaluate ``.Inner``
    through: str  # the date (``2026-08-21``) of the newest commit read
    releases: frozenset[str]  # its tags (``v0.12.0``, ``theme/v0.16.0``)
    config_params: frozenset[str]  # the dotted names (lowercased) its configuration's ``params`` have given


def known_params(missing: Sequence[str]) -> frozenset[str]:
    """The page parameters (lowercased) the known themes among ``missing`` (module paths or theme names)
    read."""
    return frozenset().union(*(theme.params for path in missing for theme in _known(path)))


def known_maps(missing: Sequence[str]) -> frozenset[str]:
    """Those of :func:`known_params` the themes read a field of (Hextra's ``sidebar.exclude``): maps."""
    return frozenset().union(*(theme.maps for path in missing for theme in _known(path)))


def without_hooks(missing: Sequence[str], kind: str) -> bool:
    """Whether each of ``missing`` (none too) is a known theme none of whose listed releases has a render hook of
    ``kind`` (``link``, ``image``): Docsy has none (none of its 47 tags), so Hugo renders a Docsy site's links as
    it would without the theme."""
    return all((known := _known(path)) and all(kind not in theme.hooks for theme in known) for path in missing)


@cache
def known_shortcodes(
    missing: tuple[str, ...], pins: tuple[tuple[str, str], ...] = ()
) -> Mapping[str, bool | None] | None:
    """The shortcodes (lowercased names) of the themes ``missing`` (:func:`_covered`), each with whether its
    templates evaluate ``.Inner`` (``None``: not alike in every version, or not HTML); ``None`` when one of
    ``missing`` is not so known."""
    themes = _covered(missing, pins)
    if themes is None:
        return None
    found: dict[str, bool | None] = {}
    for theme in themes:
        for name, inner in theme.shortcodes.items():
            found[name] = inner if found.get(name, inner) == inner else None
    return MappingProxyType(found)


@cache
def known_config_params(missing: tuple[str, ...], pins: tuple[tuple[str, str], ...] = ()) -> frozenset[str] | None:
    """The names the configurations' ``params`` of the themes ``missing`` (:func:`_covered`) have given; ``None``
    when one of ``missing`` is not so known."""
    themes = _covered(missing, pins)
    return None if themes is None else frozenset().union(*(theme.config_params for theme in themes))


def _covered(missing: tuple[str, ...], pins: tuple[tuple[str, str], ...]) -> list[_Theme] | None:
    """The known themes ``missing`` names, each at a version the data covers (``pins``: the version ``go.mod``
    requires of some; a release the data lists, or a pseudo-version no newer than its newest commit read);
    ``None`` when one of ``missing`` is not so known."""
    pinned = dict(pins)
    themes = []
    for path in missing:
        known = _known(path)
        if not known or (path in pinned and not any(_covers(theme, pinned[path]) for theme in known)):
            return None
        themes += known
    return themes


# a Go pseudo-version's commit time: ``v0.11.1-0.20250115083033-1b3ab6b2ad92``
_PSEUDO = re.compile(r"(\d{4})(\d\d)(\d\d)\d{6}-[0-9a-f]{12}$")


def _covers(theme: _Theme, version: str) -> bool:
    """Whether the data of ``theme`` holds its module at ``version`` (of ``go.mod``): a release it lists (of the
    module's folder too, ``theme/v0.16.0``) or a commit no newer than the newest read."""
    version = version.removesuffix("+incompatible")
    if pseudo := _PSEUDO.search(version):
        return "-".join(pseudo.groups()) <= theme.through
    return any(release == version or release.endswith("/" + version) for release in theme.releases)


def _known(path: str) -> list[_Theme]:
    """Each known theme that ``path`` (a module path or theme name) names."""
    lowered = path.lower()
    names = {part for part in lowered.split("/") if part}
    return [
        theme
        for module, theme in _themes().items()
        if lowered == module or lowered.startswith(module + "/") or names & theme.names
    ]


@cache
def _themes() -> dict[str, _Theme]:
    """Each known theme by its module paths (lowercased; ``also``: its others, as an npm package's earlier scope)."""
    data = json.loads(resources.files(__package__).joinpath("known_themes.json").read_text(encoding="utf-8"))
    return {
        module.lower(): _Theme(
            frozenset(theme["names"]),
            frozenset(theme["params"]),
            frozenset(theme["maps"]),
            frozenset(theme["hooks"]),
            theme["shortcodes"],
            theme["through"],
            frozenset(theme["releases"]),
            frozenset(theme["config_params"]),
        )
        for theme in data["themes"]
        for module in (theme["module"], *theme.get("also", ()))
    }

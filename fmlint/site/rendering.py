"""Which Hugo content writes no page: a headless bundle, ``build: {render: never}``, or a section's cascade
of it.  The site facts (output paths) and schema inference (which files are fragments, not pages) ask."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import msgspec

from fmlint.site.globs import glob_slice_matches

NEVER = "never"
ALWAYS = "always"


def lowered_keys(data: dict[Any, Any]) -> dict[str, Any]:
    """The front matter's keys by their lowercased text (Hugo's keys are case-insensitive; the last wins): one
    mapping for each list of keys, shared (read it only): a site's pages have a few (~25,000 instructions to
    make one of 18 keys, ~3,000 to find it)."""
    keys = tuple(data)
    try:
        return _lowered(keys)
    except TypeError:  # a key that is no string (YAML's `1: x`): its text
        return dict(zip(map(str.lower, map(str, keys)), keys, strict=True))


@lru_cache(maxsize=256)
def _lowered(keys: tuple[str, ...]) -> dict[str, str]:
    return dict(zip(map(str.lower, keys), keys, strict=True))  # (a key that is no string: TypeError, not kept)


def headless(data: dict[Any, Any], keys: dict[str, Any]) -> bool:
    """Whether the front matter makes a headless bundle (``headless: true``): Hugo writes no page of it, nor
    lists one (``keys``: :func:`lowered_keys` of ``data``)."""
    return data.get(keys.get("headless", "")) is True


def page_render(data: dict[Any, Any], keys: dict[str, Any]) -> str:
    """``never`` for a headless bundle, ``build: {render: never}`` or ``outputs`` without HTML (no HTML page is
    written: linkerd's ``outputs: [JSON]`` extension index), else what its ``build`` sets (see
    :func:`build_render`; ``keys``: :func:`lowered_keys` of ``data``)."""
    if headless(data, keys):
        return NEVER
    outputs = data.get(keys.get("outputs", ""))
    if isinstance(outputs, list) and outputs and all(isinstance(o, str) and o.lower() != "html" for o in outputs):
        return NEVER
    return build_render(_build(data, keys))


class Cascade(msgspec.Struct, frozen=True, array_like=True, omit_defaults=True):
    """What one entry of a section's ``cascade`` sets (``render``: its ``build``'s, see :func:`build_render`;
    ``draft``: ``"true"`` or ``"false"``; "" for nothing), and the pages its ``target`` picks: globs of their
    logical path and kind ("" for any)."""

    render: str = ""
    draft: str = ""
    path: str = ""
    kind: str = ""

    def picks(self, path: str, kind: str) -> bool:
        """Whether the entry applies to a page of this logical ``path`` (``/docs/a``) and ``kind``."""
        return (not self.path or glob_slice_matches((self.path,), path)) and (
            not self.kind or glob_slice_matches((self.kind,), kind)
        )


def cascades(cascade: Any) -> list[Cascade]:
    """The entries of a ``cascade`` table, or list of them, that set ``build`` (its ``render``: see
    :func:`build_render`) or ``draft`` for pages a production build makes (keys lowercased): untargeted, or with
    a ``target`` of paths, kinds and environments (Hugo 0.168 builds none of a section's cascaded drafts:
    SuperFola's blog's ``content/drafts/_index.md`` with ``[cascade] draft = true``). An entry whose target names
    other keys is not followed: a ``sites`` matrix picks the pages of its languages across the site's languages (a cascade of
    ``en`` reaches the ``fr`` pages below its section), and ``lang`` fails Hugo 0.168's build."""
    found = []
    for table in cascade if isinstance(cascade, list) else [cascade]:
        options = {str(k).lower(): v for k, v in table.items()} if isinstance(table, dict) else {}
        target = _target(options.get("target", options.get("_target", {})))
        render = build_render(_build(options))
        draft = str(options["draft"]).lower() if isinstance(options.get("draft"), bool) else ""
        if target is not None and (render or draft):
            found.append(Cascade(render, draft, *target))
    return found


def cascade_render(cascade: Any) -> str:
    """What a section's ``cascade`` sets for the ``build.render`` of every page below it (not by target)."""
    return next((entry.render for entry in cascades(cascade) if entry.render and not (entry.path or entry.kind)), "")


def _target(target: Any) -> tuple[str, str] | None:
    """A cascade ``target``'s globs of path and kind; ``None`` where it picks no page of a production build
    (``environment``), or names what is not followed."""
    if not isinstance(target, dict):
        return None
    options = {str(k).lower(): v for k, v in target.items()}
    environment = options.pop("environment", "production")
    if not isinstance(environment, str) or not glob_slice_matches((environment,), "production"):
        return None
    globs = (options.pop("path", ""), options.pop("kind", ""))
    if options or not all(isinstance(glob, str) for glob in globs):
        return None
    return globs


_UNSET = object()


def _build(data: dict[Any, Any], keys: dict[str, Any] | None = None) -> Any:
    """The ``build`` (or older ``_build``) options ``data`` gives, ``_UNSET`` where it names neither (``keys``:
    :func:`lowered_keys` of ``data``; none where its keys are lowercase)."""
    for name in ("_build", "build"):
        if name in (data if keys is None else keys):
            return data[name if keys is None else keys[name]]
    return _UNSET


def build_render(build: Any) -> str:
    """The ``render`` of ``build`` options: "" where none are given, ``always`` where they do not say (Hugo
    takes ``build`` whole: a page's own ``build: {list: never}``, ``{}`` or a bare ``build:`` shadows every
    cascade's ``build``, and a nearer cascade's a farther one's, checked with Hugo 0.168)."""
    if build is _UNSET:
        return ""
    render = {str(k).lower(): v for k, v in build.items()}.get("render") if isinstance(build, dict) else None
    return NEVER if render in (False, NEVER, "false") else ALWAYS if render is None else str(render).lower()

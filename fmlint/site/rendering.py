"""Which Hugo content writes no page: a headless bundle, ``build: {render: never}``, or a section's cascade
of it.  The site facts (output paths) and schema inference (which files are fragments, not pages) ask."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from fmlint.site.globs import glob_slice_matches

NEVER = "never"


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
    written: linkerd's ``outputs: [JSON]`` extension index), else the value set (``keys``: :func:`lowered_keys`
    of ``data``)."""
    if headless(data, keys):
        return NEVER
    outputs = data.get(keys.get("outputs", ""))
    if isinstance(outputs, list) and outputs and all(isinstance(o, str) and o.lower() != "html" for o in outputs):
        return NEVER
    return build_render(data.get(keys.get("_build", "")) or data.get(keys.get("build", "")))


def cascade_render(cascade: Any) -> str:
    """What a section's ``cascade`` sets for its pages' ``build.render``; of targeted cascades, those aimed at
    the production environment only (what ``hugo`` builds: linkerd's test pages); others are not followed."""
    return _cascaded(cascade, lambda options: build_render(options.get("_build") or options.get("build")))


def cascade_draft(cascade: Any) -> str:
    """What a section's ``cascade`` sets for ``draft``, as ``"true"`` or ``"false"`` (``""``: nothing): Hugo 0.168
    makes the section's own page and every page below it that sets no ``draft`` of its own drafts (SuperFola's
    blog: ``content/drafts/_index.md`` with ``[cascade] draft = true``), which it does not build."""
    return _cascaded(
        cascade, lambda options: str(options["draft"]).lower() if isinstance(options.get("draft"), bool) else ""
    )


def _cascaded(cascade: Any, read: Callable[[dict[str, Any]], str]) -> str:
    """The first value ``read`` finds in a ``cascade`` table, or in a list of them, untargeted or aimed at the
    production environment (keys lowercased)."""
    for table in cascade if isinstance(cascade, list) else [cascade]:
        options = {str(k).lower(): v for k, v in table.items()} if isinstance(table, dict) else {}
        target = options.get("target", options.get("_target"))
        if options and (target is None or _production_only(target)):
            found = read(options)
            if found:
                return found
    return ""


def _production_only(target: Any) -> bool:
    """Whether a cascade's ``target`` picks the pages of a production build by environment alone."""
    if not isinstance(target, dict) or {str(k).lower() for k in target} != {"environment"}:
        return False
    environment = next(iter(target.values()))
    return isinstance(environment, str) and glob_slice_matches((environment,), "production")


def build_render(build: Any) -> str:
    if not isinstance(build, dict):
        return ""
    render = {str(k).lower(): v for k, v in build.items()}.get("render")
    return NEVER if render in (False, NEVER, "false") else "" if render is None else str(render).lower()

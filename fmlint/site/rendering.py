"""Which Hugo content writes no page: a headless bundle, ``build: {render: never}``, or a section's cascade
of it.  The site facts (output paths) and schema inference (which files are fragments, not pages) ask."""

from __future__ import annotations

from typing import Any

NEVER = "never"


def lowered_keys(data: dict[Any, Any]) -> dict[str, Any]:
    """The front matter's keys by their lowercased text (Hugo's keys are case-insensitive; the last wins)."""
    return dict(zip(map(str.lower, map(str, data)), data, strict=True))


def page_render(data: dict[Any, Any], keys: dict[str, Any]) -> str:
    """``never`` for a headless bundle or ``build: {render: never}`` (no page is written), else the value set
    (``keys``: :func:`lowered_keys` of ``data``)."""
    if data.get(keys.get("headless", "")) is True:
        return NEVER
    return build_render(data.get(keys.get("_build", "")) or data.get(keys.get("build", "")))


def cascade_render(cascade: Any) -> str:
    """What a section's ``cascade`` sets for its pages' ``build.render`` (targeted cascades are not followed)."""
    for table in cascade if isinstance(cascade, list) else [cascade]:
        options = {str(k).lower(): v for k, v in table.items()} if isinstance(table, dict) else {}
        if options and not ({"target", "_target"} & set(options)):
            found = build_render(options.get("_build") or options.get("build"))
            if found:
                return found
    return ""


def build_render(build: Any) -> str:
    if not isinstance(build, dict):
        return ""
    render = {str(k).lower(): v for k, v in build.items()}.get("render")
    return NEVER if render in (False, NEVER, "false") else "" if render is None else str(render).lower()

"""Where a reference leads, for an editor's go to definition: the file of the page it names, at the heading
its ``#fragment`` names — in a file the page includes, where the heading is one of that file's (resolved by
``fmlint.site.refs`` over the index a site pass builds; Hugo's ``param`` shortcodes written in)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from fmlint.positions import Span
from fmlint.rules.base import Context
from fmlint.site.checks import shown_pages
from fmlint.site.facts import Reference, SiteFacts, heading_spans
from fmlint.site.index import Page, SiteIndex
from fmlint.site.refs import resolve


class Target(NamedTuple):
    path: str  # the file's absolute path
    span: Span | None  # the heading the fragment names, in the file's text; None: the file's top


def reference_at(facts: SiteFacts, offset: int) -> Reference | None:
    """The reference whose destination holds the text offset ``offset`` (or ends at it)."""
    return next((found for found in facts.references if found.start <= offset <= found.end), None)


def target_of(
    index: SiteIndex, page: Page, reference: Reference, parsed: Callable[[str], Context | None]
) -> Target | None:
    """Where ``reference`` of ``page`` leads: the file of the page it names (none for a page no file shows, or
    a reference to no page), at the heading whose ID its fragment is (found in the file ``parsed`` gives)."""
    if index.config.generator == "hugo" and "{{" in reference.target:
        reference = index.with_params(page, reference)
    resolved = resolve(index, page, reference)
    found = resolved.page
    if found is None or found.file is None:
        return None
    held = _holder(index, found, resolved.fragment) if resolved.fragment else None
    holder, number = held if held is not None else (found, None)
    ctx = parsed(holder.absolute) if number is not None else None
    spans = heading_spans(ctx) if ctx is not None else []
    if ctx is None or number is None or number >= len(spans):
        return Target(found.absolute, None)
    span = spans[number]  # (without its line break)
    return Target(holder.absolute, Span(span.start, span.start + len(ctx.doc.text[span.start : span.end].rstrip())))


def _holder(index: SiteIndex, page: Page, fragment: str, seen: frozenset[int] = frozenset()) -> tuple[Page, int] | None:
    """The page whose heading has the ID ``fragment`` (its number among its anchors): ``page``, or a file its
    shortcodes include or render (``{{% include "x.md" %}}``), which shows its headings there."""
    number = page.anchor_of(fragment)
    if number is not None:
        return page, number
    for shown in shown_pages(index, page):
        if shown.file is None or id(shown) in seen:
            continue
        if (held := _holder(index, shown, fragment, seen | {id(page)})) is not None:
            return held
    return None

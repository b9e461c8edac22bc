"""Rule selectors (``SC002``, ``MD``, ``DT0``, ``unknown-key``, ``ALL``) → rule codes.

Selection works like ruff's: the configuration and then the command line are
layers; a layer's ``select`` (when given) replaces the selection so far, and
within a layer each rule follows the most specific selector that names it
(``ignore = ["MD"]`` with ``extend-select = ["MD001"]`` keeps ``MD001``); on a tie
``ignore`` wins.  A rule no selector names keeps its state from the layer
before (at first: enabled by default or not).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import msgspec

from fmlint.rules import RULES_BY_CODE, find_rule

ALL = "ALL"
_EXACT = 100  # a full code or a rule name is more specific than any prefix


class UnknownSelector(ValueError):
    """A selector that names no rule."""


class Layer(msgspec.Struct, frozen=True):
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


def matches(selector: str) -> dict[str, int]:
    """The codes ``selector`` names, each with the selector's specificity."""
    if selector == ALL:
        return dict.fromkeys(RULES_BY_CODE, 0)
    rule = find_rule(selector)
    if rule is not None:
        return {rule.code: _EXACT}
    prefix = selector.upper()
    found = {code: len(prefix) for code in RULES_BY_CODE if code.startswith(prefix)}
    if not found:
        raise UnknownSelector(f"`{selector}` is not a rule code, code prefix or rule name (`fmlint rules` lists them)")
    return found


def codes(selectors: Iterable[str]) -> frozenset[str]:
    return frozenset(code for selector in selectors for code in matches(selector))


def select(layers: Iterable[Layer], default: frozenset[str]) -> frozenset[str]:
    """The enabled codes after applying ``layers`` in order to ``default``."""
    enabled = set(default)
    for layer in layers:
        base = set() if layer.select is not None else set(enabled)
        positive = [*(layer.select or ()), *layer.extend_select]
        best: dict[str, tuple[int, bool]] = {}  # code → (specificity, enabled)
        for selectors, on in ((positive, True), (layer.ignore, False)):
            for selector in selectors:
                for code, specificity in matches(selector).items():
                    current = best.get(code)
                    if current is None or specificity > current[0] or (specificity == current[0] and not on):
                        best[code] = (specificity, on)
        enabled = {code for code in RULES_BY_CODE if (best[code][1] if code in best else code in base)}
    return frozenset(enabled)


def by_specificity(mapping: Mapping[str, object]) -> dict[str, object]:
    """Expand ``{selector: value}`` to ``{code: value}``; more specific selectors win."""
    ranked: dict[str, tuple[int, object]] = {}
    for selector, value in mapping.items():
        for code, specificity in matches(selector).items():
            if code not in ranked or specificity >= ranked[code][0]:
                ranked[code] = (specificity, value)
    return {code: value for code, (_, value) in ranked.items()}

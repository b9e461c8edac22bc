"""The rule registry: every module in this package except ``base``.

Add a rule by writing a module here (see ``fmlint.rules.base`` for what it
defines); it is registered by being in the package.
"""

from __future__ import annotations

import importlib
import pkgutil

from fmlint.rules.base import Checker, Context, Rule

__all__ = ["CHECKERS", "RULES_BY_CODE", "Checker", "Context", "Rule", "find_rule"]

_MODULE_NAMES = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name != "base")

CHECKERS: tuple[Checker, ...] = tuple(
    Checker.from_module(importlib.import_module(f"{__name__}.{name}")) for name in _MODULE_NAMES
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for checker in CHECKERS for rule in checker.rules}
_RULES_BY_NAME = {rule.name: rule for rule in RULES_BY_CODE.values()}


def find_rule(code_or_name: str) -> Rule | None:
    return RULES_BY_CODE.get(code_or_name.upper()) or _RULES_BY_NAME.get(code_or_name.lower())

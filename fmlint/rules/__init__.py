"""The rule registry: every rule module, in reporting order.

Add a rule by writing a module in this package (see ``fmlint.rules.base``)
and listing it in ``_MODULES``.
"""

from __future__ import annotations

from fmlint.rules import file_read, front_matter_syntax, internal, schema
from fmlint.rules.base import Checker, Context, Rule

__all__ = ["CHECKERS", "RULES_BY_CODE", "Checker", "Context", "Rule", "find_rule"]

_MODULES = (file_read, front_matter_syntax, schema, internal)

CHECKERS: tuple[Checker, ...] = tuple(Checker.from_module(module) for module in _MODULES)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for checker in CHECKERS for rule in checker.rules}
_RULES_BY_NAME = {rule.name: rule for rule in RULES_BY_CODE.values()}


def find_rule(code_or_name: str) -> Rule | None:
    return RULES_BY_CODE.get(code_or_name.upper()) or _RULES_BY_NAME.get(code_or_name.lower())

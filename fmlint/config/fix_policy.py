"""Which fixes ``--fix`` applies: the ``fixable`` / ``unfixable`` / ``extend-safe-fixes`` /
``extend-unsafe-fixes`` keys (ruff's), and ``--unsafe-fixes``."""

from __future__ import annotations

import msgspec

from fmlint.config.selection import codes
from fmlint.fix.model import DISPLAY_ONLY, SAFE, UNSAFE, Applicability
from fmlint.rules import RULES_BY_CODE

KEYS = {"fixable": "fixable", "unfixable": "unfixable", "extend-safe-fixes": "safe", "extend-unsafe-fixes": "unsafe"}


class FixPolicy(msgspec.Struct, frozen=True):
    fixable: frozenset[str] = frozenset(RULES_BY_CODE)
    unfixable: frozenset[str] = frozenset()
    safe: frozenset[str] = frozenset()  # unsafe fixes promoted to safe
    unsafe: frozenset[str] = frozenset()  # safe fixes demoted to unsafe (this wins when a code is in both)

    @classmethod
    def from_options(cls, options: dict[str, list[str]]) -> FixPolicy:
        """The policy of a configuration's keys (selectors; an unknown one raises ``UnknownSelector``)."""
        return cls(**{field: codes(options[key]) for key, field in KEYS.items() if key in options})

    def applicability(self, code: str, declared: Applicability) -> Applicability:
        if declared == DISPLAY_ONLY:
            return declared
        if code in self.unsafe:
            return UNSAFE
        return SAFE if code in self.safe else declared

    def applies(self, code: str, declared: Applicability, unsafe_fixes: bool) -> bool:
        """Whether ``--fix`` (with ``--unsafe-fixes`` when ``unsafe_fixes``) applies a fix of ``code``."""
        if code not in self.fixable or code in self.unfixable:
            return False
        level = self.applicability(code, declared)
        return level == SAFE or (level == UNSAFE and unsafe_fixes)

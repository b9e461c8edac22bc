"""The effective settings for checking one file: schema, rules, options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fmlint.diagnostics import Severity
from fmlint.rules import RULES_BY_CODE, Checker
from fmlint.schema import CompiledSchema

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    schema: CompiledSchema | None = None
    enabled_codes: frozenset[str] = frozenset(code for code, rule in RULES_BY_CODE.items() if rule.enabled)
    severities: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    collect_urls: frozenset[str] = frozenset()  # {"images"} or {"images", "links"}: for the online checks

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled_codes

    def severity(self, code: str) -> Severity | None:
        return self.severities.get(code)

    def options_for(self, checker: Checker) -> Mapping[str, Any]:
        return {**checker.options, **self.rule_options.get(checker.name, {})}

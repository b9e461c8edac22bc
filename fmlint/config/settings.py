"""The effective settings for checking one file: schema, rules, options.

A :class:`Settings` is frozen and belongs to one file (the runner asks
``settings_for(path)``); files that share a configuration, schema and ignores
share one object (see ``fmlint.config.loader``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

import msgspec

from fmlint.config.presets import DEFAULT_PRESET, PRESETS
from fmlint.diagnostics import Severity
from fmlint.rules import RULES_BY_CODE, Checker
from fmlint.schema.loader import CompiledSchema

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
DEFAULT_ENABLED = frozenset(code for code, rule in RULES_BY_CODE.items() if rule.enabled)


class Settings(msgspec.Struct, frozen=True, dict=True):
    schema: CompiledSchema | None = None
    enabled_codes: frozenset[str] = DEFAULT_ENABLED
    severities: Mapping[str, Severity] = msgspec.field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = msgspec.field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    collect_urls: frozenset[str] = frozenset()  # {"images"} or {"images", "links"}: for the online checks
    preset: str = DEFAULT_PRESET
    image_fields: tuple[str, ...] = PRESETS[DEFAULT_PRESET].image_fields
    allow_inline_schema: bool = False  # a `$schema` key in the front matter picks the file's schema

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled_codes

    def severity(self, code: str) -> Severity | None:
        return self.severities.get(code)

    def options_for(self, checker: Checker) -> Mapping[str, Any]:
        """The module's options: its defaults under the configured ones (read-only; worked out once)."""
        found = self._options.get(checker.name)
        if found is None:
            found = MappingProxyType({**checker.options, **self.rule_options.get(checker.name, {})})
            self._options[checker.name] = found
        return found

    @cached_property
    def _options(self) -> dict[str, Mapping[str, Any]]:
        return {}  # not a field: not part of equality, of the cache fingerprint or of a pickle (proxies do not pickle)

"""Many files: lint each, in order, and return all diagnostics sorted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fmlint.diagnostics import Diagnostic
from fmlint.linter import lint_path
from fmlint.settings import Settings

SettingsFor = Callable[[str], Settings]


@dataclass(frozen=True)
class RunResult:
    files: Sequence[str]
    diagnostics: list[Diagnostic]


def run(files: Sequence[str], settings_for: SettingsFor, verbose: bool = False) -> RunResult:
    diagnostics: list[Diagnostic] = []
    for path in files:
        diagnostics.extend(lint_path(path, settings_for(path), verbose))
    diagnostics.sort()
    return RunResult(files, diagnostics)

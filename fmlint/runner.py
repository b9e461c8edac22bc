"""Many files: lint each, in order, and collect the per-file results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fmlint.diagnostics import Diagnostic
from fmlint.linter import FileResult, lint_path
from fmlint.settings import Settings

SettingsFor = Callable[[str], Settings]


@dataclass(frozen=True)
class RunResult:
    files: Sequence[str]
    diagnostics: list[Diagnostic]  # sorted by path, line, column, code
    file_results: Sequence[FileResult] = ()


def run(files: Sequence[str], settings_for: SettingsFor, verbose: bool = False) -> RunResult:
    results = [lint_path(path, settings_for(path), verbose) for path in files]
    diagnostics = sorted(d for result in results for d in result.diagnostics)
    return RunResult(files, diagnostics, results)

"""``path:line:col: CODE message`` lines, then a one-line summary."""

from __future__ import annotations

from typing import TextIO

from fmlint.diagnostics import Severity
from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO) -> None:
    for d in result.diagnostics:
        out.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
    out.write(summary(result) + "\n")


def summary(result: RunResult) -> str:
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    files_with = len({d.path for d in result.diagnostics})
    checked = len(result.files)
    if not result.diagnostics:
        return f"All checks passed ({checked} file{'s' if checked != 1 else ''} checked)."
    return (
        f"Found {errors} error{'s' if errors != 1 else ''} ({warnings} warning{'s' if warnings != 1 else ''}) "
        f"in {files_with} of {checked} file{'s' if checked != 1 else ''}."
    )

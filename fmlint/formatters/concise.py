"""``path:line:col: CODE message`` lines, then a one-line summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fmlint.diagnostics import Severity

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    out.writelines(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n" for d in result.diagnostics)
    write_summary(result, out, options)


def write_summary(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    if not options.quiet:
        out.write(summary(result) + "\n")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def summary(result: RunResult) -> str:
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    files_with = len({d.path for d in result.diagnostics})
    checked = len(result.files)
    if not result.diagnostics:
        return f"All checks passed ({_plural(checked, 'file')} checked)."
    return (
        f"Found {_plural(errors, 'error')} ({_plural(warnings, 'warning')}) "
        f"in {files_with} of {_plural(checked, 'file')}."
    )

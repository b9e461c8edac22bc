"""One JSON object per line per diagnostic (keys: ``Diagnostic``'s fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fmlint.formatters.encoded import write_findings_lines

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    write_findings_lines(out, result)

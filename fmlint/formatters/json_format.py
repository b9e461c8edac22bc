"""A single JSON array of diagnostic objects (keys: ``Diagnostic``'s fields), indented by two spaces."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fmlint.formatters import write_bytes
from fmlint.formatters.encoded import write_findings_array

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    write_findings_array(out, result)
    write_bytes(out, b"\n")

"""A single JSON array of diagnostic objects (keys as in ``Diagnostic.as_dict``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    json.dump([d.as_dict() for d in result.diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")

"""One JSON object per line per diagnostic (keys as in ``Diagnostic.as_dict``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    out.writelines(json.dumps(d.as_dict(), ensure_ascii=False) + "\n" for d in result.diagnostics)

"""``--statistics``: how many problems each rule found, most first."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO) -> None:
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    width = len(str(max(counts.values(), default=0)))
    out.writelines(
        f"{count:>{width}}\t{code}\t{rule}\n"
        for (code, rule), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )

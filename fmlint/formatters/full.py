"""Each diagnostic with its source line and a caret underline under the span.

Like ruff and rustc::

    post.md:4:11: SC001 comments: expected a boolean, got the string "yes"
      |
    4 | comments: "yes"
      |           ^^^^^ SC001
      |

A span over several lines is underlined to the end of its first line.  Wide
(CJK) characters take two columns and tabs four, so the carets stay under the
text in a terminal.  Colour (ANSI) only when the options say so.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, TextIO

from fmlint.diagnostics import Diagnostic, Severity
from fmlint.formatters.concise import write_summary

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult

_RESET, _BOLD, _BLUE = "\033[0m", "\033[1m", "\033[34m"
_SEVERITY_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
_TAB = "    "


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    lines_of: dict[str, list[str] | None] = {}
    for d in result.diagnostics:
        if d.path not in lines_of:
            text = options.source(d.path)
            lines_of[d.path] = text.splitlines() if text is not None else None
        out.write(render(d, lines_of[d.path], options.color) + "\n")
    write_summary(result, out, options)


def render(d: Diagnostic, lines: list[str] | None, color: bool) -> str:
    def paint(text: str, *codes: str) -> str:
        return "".join(codes) + text + _RESET if color else text

    severity = _SEVERITY_COLOURS[d.severity]
    header = f"{paint(d.path, _BOLD)}:{d.line}:{d.column}: {paint(d.code, _BOLD, severity)} {d.message}"
    if not lines and lines is not None and d.line == 1:
        lines = [""]
    if lines is None or d.line > len(lines):
        return header
    source = lines[d.line - 1]
    last = d.end_column if d.end_line == d.line else len(source) + 1
    start, end = d.column - 1, max(last - 1, d.column)
    gutter = " " * len(str(d.line))
    bar = paint("|", _BLUE)
    indent = " " * _width(source[:start])
    carets = "^" * max(1, _width(source[start:end]))
    return "\n".join(
        [
            header,
            f"{gutter} {bar}",
            f"{paint(str(d.line), _BLUE)} {bar} {source.replace(chr(9), _TAB)}".rstrip(),
            f"{gutter} {bar} {indent}{paint(carets + ' ' + d.code, severity)}",
            f"{gutter} {bar}",
        ]
    )


def _width(text: str) -> int:
    """Terminal columns that ``text`` takes (tabs as four, wide characters as two)."""
    return sum(
        len(_TAB)
        if ch == "\t"
        else 2
        if unicodedata.east_asian_width(ch) in "WF"
        else 0
        if unicodedata.combining(ch)
        else 1
        for ch in text
    )

"""GitHub Actions workflow commands: each diagnostic becomes an annotation.

``::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message``
(``::warning`` for warnings); end positions are exclusive, as everywhere in
fmlint.  Values are escaped as the Actions runner expects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    for d in result.diagnostics:
        properties = {
            "file": d.path,
            "line": d.line,
            "col": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "title": d.code,
        }
        fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
        out.write(f"::{d.severity} {fields}::{escape_data(d.message)}\n")

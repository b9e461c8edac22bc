"""GitHub Actions workflow commands: each diagnostic becomes an annotation.

``::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message``
(``::warning`` for warnings); end positions are exclusive, as everywhere in
fmlint.  Values are escaped as the Actions runner expects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fmlint.formatters.encoded import chunks

if TYPE_CHECKING:
    from fmlint.diagnostics import Diagnostic
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    escaped: dict[str, str] = {}  # paths and codes: each escaped once

    def annotation(d: Diagnostic) -> str:
        if (file := escaped.get(d.path)) is None:
            file = escaped[d.path] = escape_property(d.path)
        if (code := escaped.get(d.code)) is None:
            code = escaped[d.code] = escape_property(d.code)
        message = d.message
        if "%" in message or "\r" in message or "\n" in message:
            message = escape_data(message)
        position = f"line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"
        return f"::{d.severity.value} file={file},{position},title={code}::{message}\n"

    for some in chunks(result.diagnostics):
        out.write("".join(map(annotation, some)))

"""JUnit XML: one test suite, one test case per checked file.

A file with problems gets a ``<failure>`` listing them (``line:col CODE
[severity] message``), so CI systems that read JUnit reports show each article
as a passed or failed test.  Written line by line with XML escaping (as
``xml.etree.ElementTree`` lays it out and escapes it), with no element tree
built for 10,000 files.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING, TextIO

from fmlint.formatters.encoded import chunks

if TYPE_CHECKING:
    from fmlint.diagnostics import Diagnostic
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult

_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIBUTE = (*_TEXT, ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    diagnostics = result.diagnostics  # sorted by path: each file's findings are one run of them
    failing = {d.path for d in diagnostics}
    files = sorted({*result.files, *failing})
    totals = f'tests="{len(files)}" failures="{len(failing)}" errors="0" skipped="0"'
    out.write(f"<?xml version='1.0' encoding='utf-8'?>\n<testsuites name=\"fmlint\" {totals}>\n")
    out.write(f'  <testsuite name="fmlint" {totals}>\n')
    groups = groupby(diagnostics, attrgetter("path"))
    group = next(groups, None)
    for some in chunks(files, 256):  # a few files at a time: no second copy of the report
        cases = []
        for path in some:
            found = None
            if group is not None and group[0] == path:
                found = list(group[1])
                group = next(groups, None)
            cases.append(_case(path, found))
        out.write("".join(cases))
    out.write("  </testsuite>\n</testsuites>\n")


def _case(path: str, found: list[Diagnostic] | None) -> str:
    name = _escape(path, _ATTRIBUTE)
    opening = f'    <testcase name="{name}" classname="fmlint" file="{name}"'
    if not found:
        return opening + " />\n"
    text = "\n".join(f"{d.line}:{d.column} {d.code} [{d.severity.value}] {d.message}" for d in found)
    message = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
    return (
        f'{opening}>\n      <failure message="{message}" type="fmlint">{_escape(text, _TEXT)}</failure>\n'
        "    </testcase>\n"
    )


def _escape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for character, reference in table:
        if character in text:
            text = text.replace(character, reference)
    return text

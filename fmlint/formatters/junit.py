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
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult

_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIBUTE = (*_TEXT, ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    failures: dict[str, tuple[int, str]] = {}  # path: (count, text)
    for path, group in groupby(result.diagnostics, attrgetter("path")):
        found = list(group)
        failures[path] = (
            len(found),
            "\n".join(f"{d.line}:{d.column} {d.code} [{d.severity.value}] {d.message}" for d in found),
        )
    files = sorted({*result.files, *failures})
    totals = f'tests="{len(files)}" failures="{len(failures)}" errors="0" skipped="0"'
    out.write(f"<?xml version='1.0' encoding='utf-8'?>\n<testsuites name=\"fmlint\" {totals}>\n")
    out.write(f'  <testsuite name="fmlint" {totals}>\n')
    for some in chunks(files):
        out.write("".join(_case(path, failures.get(path)) for path in some))
    out.write("  </testsuite>\n</testsuites>\n")


def _case(path: str, failure: tuple[int, str] | None) -> str:
    name = _escape(path, _ATTRIBUTE)
    opening = f'    <testcase name="{name}" classname="fmlint" file="{name}"'
    if failure is None:
        return opening + " />\n"
    count, text = failure
    message = f"{count} problem{'s' if count != 1 else ''}"
    return (
        f'{opening}>\n      <failure message="{message}" type="fmlint">{_escape(text, _TEXT)}</failure>\n'
        "    </testcase>\n"
    )


def _escape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for character, reference in table:
        if character in text:
            text = text.replace(character, reference)
    return text

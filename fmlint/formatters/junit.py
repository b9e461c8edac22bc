"""JUnit XML: one test suite, one test case per checked file.

A file with problems gets a ``<failure>`` listing them (``line:col CODE
message``), so CI systems that read JUnit reports show each article as a
passed or failed test.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from fmlint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_file[d.path].append(d)
    files = sorted({*result.files, *by_file})
    failures = sum(1 for path in files if by_file[path])
    counts = {"tests": str(len(files)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "fmlint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "fmlint", **counts})
    for path in files:
        case = ET.SubElement(suite, "testcase", {"name": path, "classname": "fmlint", "file": path})
        problems = by_file[path]
        if problems:
            failure = ET.SubElement(
                case,
                "failure",
                {"message": f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", "type": "fmlint"},
            )
            failure.text = "\n".join(f"{d.line}:{d.column} {d.code} [{d.severity}] {d.message}" for d in problems)
    ET.indent(suites)
    out.write(ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")

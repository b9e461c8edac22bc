"""GitLab Code Quality: a JSON array of issues for ``artifacts: reports: codequality:``.

Each diagnostic becomes ``{description, check_name, fingerprint, severity,
location: {path, lines: {begin, end}}}``; errors are ``major`` and warnings
``minor``.  GitLab compares the fingerprints of a merge request's report with
its target branch's to tell new findings from old ones, so a fingerprint
depends on the file, the code, the message and how many identical findings
came before it in that file — not on the line, so that a finding keeps its
fingerprint when lines are added above it.  Paths are as fmlint prints them:
run fmlint from the repository's root.  Compact JSON, encoded a chunk at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

import msgspec

from fmlint.diagnostics import Diagnostic, Severity
from fmlint.formatters import write_bytes
from fmlint.formatters.encoded import write_array

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.runner import RunResult

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor"}


class Lines(msgspec.Struct, frozen=True, gc=False):
    begin: int
    end: int


class Location(msgspec.Struct, frozen=True, gc=False):
    path: str
    lines: Lines


class Issue(msgspec.Struct, frozen=True, gc=False):
    description: str
    check_name: str
    fingerprint: str
    severity: str
    location: Location


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    write_array(out, _issues(result.diagnostics), indent=False)
    write_bytes(out, b"\n")


def _issues(diagnostics: list[Diagnostic]) -> Iterator[Issue]:
    seen: dict[tuple[str, str], int] = {}  # identical findings in this file so far
    path = None
    for d in diagnostics:  # sorted by path
        if d.path != path:
            path = d.path
            seen.clear()
        key = (d.code, d.message)
        occurrence = seen[key] = seen.get(key, -1) + 1
        yield Issue(
            f"{d.code}: {d.message}",
            d.code,
            fingerprint(d, occurrence),
            _SEVERITIES[d.severity],
            Location(d.path, Lines(d.line, d.end_line)),
        )


def fingerprint(d: Diagnostic, occurrence: int) -> str:
    """The same for the same finding in every run, whatever line it moved to; unique within a report."""
    text = f"{d.path}\0{d.code}\0{d.message}\0{occurrence}"
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()

"""SARIF 2.1.0: one run, the rules' metadata once, one result per diagnostic.

Code-scanning services (GitHub, GitLab, Azure DevOps) read this format.
Columns are Unicode code points (``columnKind``) and end columns exclusive,
as SARIF specifies; relative paths become relative URIs.  Each result names
its rule by ``ruleIndex`` into ``tool.driver.rules`` and its file by ``index``
into ``artifacts`` (one artifact per file with findings; the ``uri`` stays in
each result, as GitHub code scanning reads it there).  A diagnostic with a fix
gets ``fixes`` (its edits as replacements), which code-scanning tools offer
as suggestions.  Results are encoded and written a chunk at a time
(``fmlint.formatters.encoded``), as compact JSON: indentation would double a
large report's size.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

import msgspec

from fmlint import __version__
from fmlint.diagnostics import Diagnostic, Severity
from fmlint.formatters import write_bytes
from fmlint.formatters.encoded import ENCODER, write_array
from fmlint.regex import lazy_pattern

if TYPE_CHECKING:
    from fmlint.fix.model import DiagnosticFix
    from fmlint.formatters import FormatOptions
    from fmlint.rules import Rule
    from fmlint.runner import RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


# SARIF objects, encoded with their fields in this order (and SARIF's names): no dict per finding
class ArtifactLocation(msgspec.Struct, frozen=True, gc=False):
    uri: str
    index: int


class Region(msgspec.Struct, frozen=True, gc=False):
    startLine: int
    startColumn: int
    endLine: int
    endColumn: int


class PhysicalLocation(msgspec.Struct, frozen=True, gc=False):
    artifactLocation: ArtifactLocation
    region: Region


class Location(msgspec.Struct, frozen=True, gc=False):
    physicalLocation: PhysicalLocation


class Message(msgspec.Struct, frozen=True, gc=False):
    text: str


class Replacement(msgspec.Struct, frozen=True, gc=False):
    deletedRegion: Region
    insertedContent: Message


class ChangedArtifact(msgspec.Struct, frozen=True, gc=False):
    uri: str


class ArtifactChange(msgspec.Struct, frozen=True, gc=False):
    artifactLocation: ChangedArtifact
    replacements: tuple[Replacement, ...]


class Fix(msgspec.Struct, frozen=True, gc=False):
    description: Message
    artifactChanges: tuple[ArtifactChange, ...]


class Result(msgspec.Struct, frozen=True, gc=False, omit_defaults=True):
    ruleId: str
    ruleIndex: int
    level: str
    message: Message
    locations: tuple[Location, ...]
    fixes: tuple[Fix, ...] = ()  # left out when empty


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    from fmlint.rules import RULES_BY_CODE  # the rule registry: imported when a report is written

    codes = sorted(RULES_BY_CODE)
    rule_index = {code: position for position, code in enumerate(codes)}
    driver = {"name": "fmlint", "version": __version__, "rules": [_rule(RULES_BY_CODE[code]) for code in codes]}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": []}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    head, _, tail = ENCODER.encode(log).rpartition(b'"results":[]')
    uris: list[str] = []
    write_bytes(out, head + b'"results":')
    write_array(out, _results(result.diagnostics, rule_index, uris), indent=False)
    write_bytes(out, b',"artifacts":')
    write_array(out, ({"location": {"uri": uri}} for uri in uris), indent=False)
    write_bytes(out, tail + b"\n")


def _results(diagnostics: list[Diagnostic], rule_index: dict[str, int], uris: list[str]) -> Iterator[Result]:
    """The results, in order; ``uris`` gets each file's URI (its artifact) as its first result goes by."""
    path, location = None, ArtifactLocation("", -1)  # replaced at the first diagnostic
    changed = ChangedArtifact("")
    for d in diagnostics:  # sorted by path: each file's findings are one run of them
        if d.path != path:
            path = d.path
            location = ArtifactLocation(_uri(path), len(uris))
            changed = ChangedArtifact(location.uri)  # shared by the file's fixes
            uris.append(location.uri)
        yield _result(d, rule_index[d.code], location, changed)


def _result(d: Diagnostic, rule_index: int, artifact: ArtifactLocation, changed: ChangedArtifact) -> Result:
    region = Region(d.line, d.column, d.end_line, d.end_column)
    location = Location(PhysicalLocation(artifact, region))
    fixes = () if d.fix is None else (_fix(d.fix, changed),)
    return Result(d.code, rule_index, _LEVELS[d.severity], Message(d.message), (location,), fixes)


def _fix(fix: DiagnosticFix, changed: ChangedArtifact) -> Fix:
    """A diagnostic's fix as a SARIF ``fix``: its edits as replacements (an insertion deletes an empty region)."""
    replacements = tuple(
        [Replacement(Region(e.line, e.column, e.end_line, e.end_column), Message(e.content)) for e in fix.edits]
    )
    description = Message(f"{fix.message} ({fix.applicability})")
    return Fix(description, (ArtifactChange(changed, replacements),))


def _rule(rule: Rule) -> dict[str, Any]:
    from fmlint.rule_docs import render

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "help": {"text": rule.summary, "markdown": render(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.enabled},
    }


# a relative path that neither pathlib (no "." component, no "//", no trailing "/") nor quote() changes
_PLAIN_PATH = lazy_pattern(r"(?!\.(?:/|$))[\w.~-]+(?:/(?!\.(?:/|$))[\w.~-]+)*", re.ASCII)


def _uri(path: str) -> str:
    if _PLAIN_PATH.fullmatch(path):  # the usual case, without pathlib's ~10 µs
        return path
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(Path(path).as_posix())

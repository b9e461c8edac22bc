"""SARIF 2.1.0: one run, the rules' metadata, one result per diagnostic.

Code-scanning services (GitHub, GitLab, Azure DevOps) read this format.
Columns are Unicode code points (``columnKind``) and end columns exclusive,
as SARIF specifies; relative paths become relative URIs.  A diagnostic with
a fix gets ``fixes`` (its edits as replacements), which code-scanning tools
offer as suggestions.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from fmlint import __version__
from fmlint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from fmlint.formatters import FormatOptions
    from fmlint.rules import Rule
    from fmlint.runner import RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    from fmlint.rules import RULES_BY_CODE  # the rule registry: imported when a report is written

    codes = sorted(RULES_BY_CODE)
    index = {code: position for position, code in enumerate(codes)}
    run = {
        "tool": {
            "driver": {
                "name": "fmlint",
                "version": __version__,
                "rules": [_rule(RULES_BY_CODE[code]) for code in codes],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[d.code]) for d in result.diagnostics],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _rule(rule: Rule) -> dict[str, Any]:
    from fmlint.rule_docs import render

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "help": {"text": rule.summary, "markdown": render(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.enabled},
    }


def _uri(path: str) -> str:
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(Path(path).as_posix())


def _result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}, "region": region}}
    result = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [location],
    }
    if d.fix is not None:
        result["fixes"] = [_fix(d)]
    return result


def _fix(d: Diagnostic) -> dict[str, Any]:
    """The diagnostic's fix as a SARIF ``fix``: its edits as replacements (an insertion deletes an empty region)."""
    assert d.fix is not None
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.line,
                "startColumn": e.column,
                "endLine": e.end_line,
                "endColumn": e.end_column,
            },
            "insertedContent": {"text": e.content},
        }
        for e in d.fix.edits
    ]
    change = {"artifactLocation": {"uri": _uri(d.path)}, "replacements": replacements}
    return {"description": {"text": f"{d.fix.message} ({d.fix.applicability})"}, "artifactChanges": [change]}

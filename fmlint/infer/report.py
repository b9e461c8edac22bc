"""The report of ``fmlint schema infer``: what was not learned, and where the schema will complain.

Findings are grouped by kind and key (``likely typo: titel``, ``rare type:
draft``); the text form (stderr) shows a few locations per group, the JSON
form (``--report FILE``) every one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby
from typing import Any, TextIO

from fmlint.infer.collect import Site, describe
from fmlint.infer.decide import Notes
from fmlint.infer.findings import Finding

SHOWN = 5  # locations per group in the text report
_LABELS = {
    "typo": "likely typo",
    "type": "rare type",
    "missing": "missing required key",
    "format": "unexpected format",
    "enum": "value not in the choice",
    "taxonomy": "empty or repeated term",
    "no-front-matter": "no front matter",
    "other": "other",
}


def grouped(findings: Iterable[Finding]) -> list[tuple[tuple[str, str], list[Finding]]]:
    """Findings by (kind, key), the largest groups first."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.kind, finding.key), []).append(finding)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def as_json(site: Site, notes: Notes | None, findings: list[Finding]) -> dict[str, Any]:
    typos = {describe(path): like for path, like in (notes.typos.items() if notes else ())}
    return {
        "files": len(site.files),
        "learned_from": site.mappings,
        "not_read": [
            {"path": site.files[index], "reason": reason} for index, reason in sorted(site.unreadable.items())
        ],
        "findings": len(findings),
        "files_with_findings": len({finding.path for finding in findings}),
        "groups": [
            {
                "kind": kind,
                "key": key,
                **({"likely_typo_of": typos[key]} if kind == "typo" and key in typos else {}),
                "count": len(members),
                "findings": [finding.as_json() for finding in members],
            }
            for (kind, key), members in grouped(findings)
        ],
    }


def write_json(report: dict[str, Any], out: TextIO) -> None:
    json.dump(report, out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_text(report: dict[str, Any], out: TextIO, intro: str) -> None:
    """The short form for a person: counts, then each group with its first few locations."""
    out.write(f"{intro}: {report['learned_from']} of {report['files']} files have front matter to learn from.\n")
    for entry in report["not_read"][:SHOWN]:
        out.write(f"  not learned from: {entry['path']}: {entry['reason']}\n")
    if len(report["not_read"]) > SHOWN:
        out.write(f"  … and {len(report['not_read']) - SHOWN} more\n")
    headless = report.get("headless") or {"files": 0, "folders": []}
    if headless["files"]:
        out.write(f"{headless['files']} files in headless bundles are not pages: neither learned from nor checked.\n")
        out.write("  To lint them without the schema rules, add to [tool.fmlint.per-file-ignores]:\n")
        for entry in headless["folders"]:
            out.write(f"  {entry['per_file_ignores']}  # {entry['defined_by']}\n")
    if not report["groups"]:
        out.write("The schema reports nothing on these files.\n")
        return
    out.write(f"The schema reports {report['findings']} findings in {report['files_with_findings']} files:\n")
    for group in report["groups"]:
        label = _LABELS.get(group["kind"], group["kind"])
        like = f" (of `{group['likely_typo_of']}`)" if "likely_typo_of" in group else ""
        key = f" `{group['key']}`" if group["key"] else ""
        out.write(f"- {label}{key}{like}: {group['count']}\n")
        for finding in group["findings"][:SHOWN]:
            out.write(f"    {finding['path']}:{finding['line']}:{finding['column']}: {finding['message']}\n")
        if group["count"] > SHOWN:
            out.write(f"    … and {group['count'] - SHOWN} more\n")


def by_key(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """For ``--check``: findings per key, keys with the most files first."""
    ordered = sorted(findings, key=lambda finding: (finding.key, finding))
    groups = [(key, list(members)) for key, members in groupby(ordered, key=lambda finding: finding.key)]
    return sorted(groups, key=lambda item: (-len({f.path for f in item[1]}), item[0]))

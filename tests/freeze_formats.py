"""Freeze the output of every machine-readable format, for tests/test_format_outputs.py.

The frozen file holds a list of checked files, diagnostics from real runs
(30 heavy-findings articles of ``benchmarks/gen_corpus.py --shape seed``, the
example site with ``--select ALL``) plus a few with awkward paths and messages,
and what each format printed for them with the formatters being replaced.  It was
made once, with ``main`` at 669487c (the formatters before the encoder rewrite)::

    PYTHONPATH=/work/main python tests/freeze_formats.py

Only the formatters of the code on ``PYTHONPATH`` are used; SARIF's rule metadata
(rendered from rule documentation that changes with every rule edit) is left out.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import msgspec
from msgspec.structs import astuple

from fmlint.diagnostics import Diagnostic, Severity
from fmlint.formatters import FormatOptions, formatter
from fmlint.runner import RunResult

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "tests" / "data" / "formats-669487c.json.gz"
FORMATS = ("concise", "json", "json-lines", "github", "sarif", "junit")

# paths and messages that every format must escape: separators of the github format, XML and JSON
# specials, percent signs, line breaks, CJK and emoji
AWKWARD = [
    ("content/a, b:c.md", 1, 1, "SC002", 1, 6, "unknown-key", "error", 'unknown key `a,b:c` (did you mean "title"?)'),
    ("content/100%/文章 🚀.md", 2, 3, "SC001", 2, 9, "schema-violation", "warning", "value <&> 'x' \"y\" %0A 100%"),
    ("content/line\tbreaks.md", 3, 1, "DT001", 4, 2, "invalid-date", "error", "first line\nsecond\r\nthird\ttab"),
]


def fmlint(*args: str, cwd: Path) -> str:
    command = [sys.executable, "-m", "fmlint", "--no-cache", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False).stdout


def checked(folder: Path, *args: str) -> tuple[list[str], list[Diagnostic]]:
    """The files a run checked (from its JUnit report) and its diagnostics, with paths from ``ROOT``."""
    prefix = "" if folder == ROOT else os.path.relpath(folder, ROOT).replace(os.sep, "/") + "/"
    files = [
        case.get("name") or ""
        for case in ET.fromstring(fmlint(*args, "--format", "junit", ".", cwd=folder)).iter("testcase")
    ]
    found = json.loads(fmlint(*args, "--format", "json", ".", cwd=folder))
    diagnostics = [
        Diagnostic(
            prefix + d["path"],
            d["line"],
            d["column"],
            d["code"],
            d["end_line"],
            d["end_column"],
            d["rule"],
            Severity(d["severity"]),
            d["message"],
        )
        for d in found
    ]
    return [prefix + path for path in files], diagnostics


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "seed"
        generator = ROOT / "benchmarks" / "gen_corpus.py"
        subprocess.run([sys.executable, str(generator), "30", str(corpus), "--shape", "seed"], check=True)
        seed_files, seed_found = checked(corpus)
    seed_files = [f"seed/{path}" for path in seed_files]
    seed_found = [Diagnostic(f"seed/{d.path}", *astuple(d)[1:]) for d in seed_found]
    example_files, example_found = checked(ROOT / "examples", "--select", "ALL")
    awkward = [Diagnostic(*row[:7], Severity(row[7]), row[8]) for row in AWKWARD]  # type: ignore[arg-type]
    files = sorted({*seed_files, *example_files, *(d.path for d in awkward)})
    diagnostics = sorted([*seed_found, *example_found, *awkward])
    result = RunResult(files).with_diagnostics(diagnostics)
    outputs = {}
    for name in FORMATS:
        out = io.StringIO()
        formatter(name)(result, out, FormatOptions())
        outputs[name] = out.getvalue()
    sarif = json.loads(outputs["sarif"])
    del sarif["runs"][0]["tool"]["driver"]["rules"]
    outputs["sarif"] = json.dumps(sarif, ensure_ascii=False, indent=2)
    frozen = {
        "files": files,
        "diagnostics": [list(msgspec.to_builtins(d).values()) for d in diagnostics],  # the array of its fields
        "outputs": outputs,
    }
    FROZEN.write_bytes(gzip.compress(json.dumps(frozen, ensure_ascii=False).encode(), mtime=0))
    print(f"{FROZEN}: {len(files)} files, {len(diagnostics)} diagnostics")


if __name__ == "__main__":
    main()

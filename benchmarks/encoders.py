"""Which JSON encoder writes findings fastest: the standard library, orjson or msgspec.

Usage: ``python benchmarks/encoders.py [--findings 80000] [--repeat 5]``

Findings shaped like a seed-corpus run's (a CJK message on every other one)
are encoded as the ``json`` format's array, in 1,024-record chunks, compact
and indented by two spaces, or as each file's JSON lines (8 findings a file),
which is how a result holds them (``fmlint.file_result``); the table gives the best CPU time of each way
(orjson only when it is installed: ``pip install orjson``; it cannot encode
msgspec structs, so it gets a dict per finding).  The load average is printed
beside the table.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import msgspec

from fmlint.diagnostics import Diagnostic, Severity
from fmlint.formatters.encoded import CHUNK, ENCODER

asdict = msgspec.structs.asdict


def findings(count: int) -> list[Diagnostic]:
    def one(index: int) -> Diagnostic:
        path = f"{index // 800:04d}/article-{index // 8:06d}.md"
        if index % 2:
            message = "emphasis used as a heading; write `## 一、大模型价格再次下降` instead"
            return Diagnostic(path, 30 + index % 8, 1, "MD036", 30 + index % 8, 24, "no-emphasis-as-heading",
                              Severity.WARNING, message)  # fmt: skip
        message = "alt text `image` does not describe the image; say what it shows"
        return Diagnostic(
            path, 20 + index % 8, 1, "MKD003", 20 + index % 8, 61, "generic-alt-text", Severity.WARNING, message
        )

    return [one(index) for index in range(count)]


def chunks(diagnostics: list[Diagnostic]) -> Iterator[list[Diagnostic]]:
    return (diagnostics[start : start + CHUNK] for start in range(0, len(diagnostics), CHUNK))


def ways(diagnostics: list[Diagnostic]) -> dict[str, Callable[[], Any]]:
    joined = [ENCODER.encode_lines(c) for c in chunks(diagnostics)]
    found: dict[str, Callable[[], Any]] = {
        "json.dumps, a dict per finding (compact)": lambda: json.dumps(
            [{**asdict(d), "severity": d.severity.value} for d in diagnostics], ensure_ascii=False
        ),
        "json.dumps, a dict per finding (indented; the json format before)": lambda: json.dumps(
            [{**asdict(d), "severity": d.severity.value} for d in diagnostics], ensure_ascii=False, indent=2
        ),
        "msgspec, a dict per finding (compact)": lambda: [ENCODER.encode([asdict(d) for d in c]) for c in chunks(diagnostics)],
        "msgspec, the Diagnostic structs (compact)": lambda: [ENCODER.encode(c) for c in chunks(diagnostics)],
        "msgspec, the Diagnostic structs (indented)": lambda: [
            msgspec.json.format(ENCODER.encode(c), indent=2) for c in chunks(diagnostics)
        ],
        "msgspec, each file's JSON lines (what a worker or the cache hands the json format)": lambda: [
            ENCODER.encode_lines(diagnostics[start : start + 8]) for start in range(0, len(diagnostics), 8)
        ],
        "the json format from JSON lines already encoded (joined, indented)": lambda: [
            msgspec.json.format(b"[" + lines[:-1].replace(b"\n", b",") + b"]", indent=2) for lines in joined
        ],
    }  # fmt: skip
    try:
        import orjson
    except ImportError:
        return found
    found["orjson, a dict per finding (compact)"] = lambda: [
        orjson.dumps([asdict(d) for d in c]) for c in chunks(diagnostics)
    ]
    found["orjson, a dict per finding (indented)"] = lambda: [
        orjson.dumps([asdict(d) for d in c], option=orjson.OPT_INDENT_2) for c in chunks(diagnostics)
    ]
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=80_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    diagnostics = findings(args.findings)
    before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    rows = []
    for name, encode in ways(diagnostics).items():
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            encode()
            best = min(best, time.process_time() - start)
        rows.append(f"| {name} | {best:.3f} |")
    after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{args.findings:,} findings; load average {before} at the start, {after} at the end\n")
    print("| encoder | best CPU s |\n|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()

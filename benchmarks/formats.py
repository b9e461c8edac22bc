"""What writing a report costs in each output format, in CPU and memory; optionally against other code.

Usage: ``python benchmarks/formats.py CORPUS [--against DIR ...] [--repeat 5]``

The findings of ``CORPUS`` (e.g. ``gen_corpus.py 10000 DIR --shape seed``:
about 80,000) are collected once per code base by a run with the result cache
(filled on the first call), then each format writes them to a file
``--repeat`` times; the table gives the best CPU time (``time.process_time``,
which a loaded machine disturbs far less than wall time), what each format
adds over ``concise``, the report's size, and the peak of memory allocated
while writing (``tracemalloc``, in a separate pass: it slows the writing).
``--against DIR`` runs the same in the fmlint checkout at ``DIR`` (its
formatters, with ``PYTHONPATH=DIR``), in the same run.  The load average is
printed beside the table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

FORMATS = ("concise", "json", "json-lines", "sarif", "junit", "github", "gitlab")


def measure(corpus: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Each format's best CPU seconds, report bytes and peak MiB allocated while writing (this code)."""
    from fmlint.cli import _lint_paths, _overrides, _parser
    from fmlint.config.resolve import Resolver
    from fmlint.formatters import FORMATTERS, Batched, FormatOptions, formatter

    os.chdir(corpus)
    args = _parser().parse_args(["--cache-dir", str(Path(tempfile.gettempdir()) / "fmlint-formats-cache"), "."])
    result = _lint_paths(args, Resolver(_overrides(args)))
    assert result is not None
    measured: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "report"
        for name in (name for name in FORMATS if name in FORMATTERS):
            write = formatter(name)
            best = float("inf")
            for _ in range(repeat):
                with open(target, "w", encoding="utf-8") as handle:
                    out = Batched(handle)
                    start = time.process_time()
                    write(result, out, FormatOptions())  # type: ignore[arg-type]
                    out.flush()
                    best = min(best, time.process_time() - start)
            tracemalloc.start()
            with open(target, "w", encoding="utf-8") as handle:
                out = Batched(handle)
                write(result, out, FormatOptions())  # type: ignore[arg-type]
                out.flush()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            measured[name] = {"cpu": best, "bytes": target.stat().st_size, "peak": peak / 2**20}
    measured[""] = {"findings": len(result.diagnostics)}
    return measured


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--against", type=Path, action="append", default=[], help="another fmlint checkout")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if args.child:
        print(json.dumps(measure(corpus, args.repeat)))
        return
    before = load_average()
    results = {}
    for label, code in [("this code", Path(__file__).resolve().parent.parent), *((str(d), d) for d in args.against)]:
        environment = {**os.environ, "PYTHONPATH": str(code.resolve())}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [sys.executable, __file__, str(corpus), "--repeat", str(args.repeat), "--child"]
        output = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
        results[label] = json.loads(output)
    findings = {label: int(found[""]["findings"]) for label, found in results.items()}
    print(f"{corpus}: {findings} findings; load average {before} at the start, {load_average()} at the end\n")
    print("| code | format | best CPU s | added CPU s vs concise | report MiB | peak MiB allocated while writing |")
    print("|---|---|---|---|---|---|")
    for label, found in results.items():
        for name in FORMATS:
            if name in found:
                row = found[name]
                added = row["cpu"] - found["concise"]["cpu"]
                cells = [label, name, f"{row['cpu']:.3f}", f"{added:+.3f}", f"{row['bytes'] / 2**20:.1f}"]
                print("| " + " | ".join([*cells, f"{row['peak']:.1f}"]) + " |")


if __name__ == "__main__":
    main()

"""What ``--fix`` costs over linting: a generated corpus, each case against plain linting in the same run.

Usage: ``python benchmarks/fix.py [--size 1000] [--repeat 3] [--work DIR]``

The corpus is ``gen_corpus.py``'s (bold section-title lines in every body,
5 % of files with a front-matter fault), so ``--unsafe-fixes`` has MD036
fixes in every file and SC fixes in some.  Cases, interleaved and ``--no-cache``
on all cores, medians of ``--repeat``:

* ``lint`` — the baseline;
* ``--diff`` (safe fixes; this corpus has almost none: the cost of looking);
* ``--diff --unsafe-fixes`` (every file fixed in memory, diffs printed);
* ``--fix --unsafe-fixes`` on a fresh copy each time (every file written).

Wall and CPU (user + system of the process tree) are measured by
``run.measure``; the load average is printed with the table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import FMLINT, Case, corpus, measure


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    args = parser.parse_args(argv)
    folder = corpus(args.work, args.size)
    copy = args.work / f"fix-copy-{args.size}"
    base = [*FMLINT, "--isolated", "--no-cache", "--format", "concise"]
    cases = [
        Case("lint (baseline)", [*base, "."], args.size),
        Case("--diff", [*base, "--diff", "."], args.size),
        Case("--diff --unsafe-fixes", [*base, "--diff", "--unsafe-fixes", "."], args.size),
        Case("--fix --unsafe-fixes", [*base, "--fix", "--unsafe-fixes", str(copy)], args.size, before="copy"),
    ]
    load_before = os.getloadavg()
    for _ in range(args.repeat):
        for case in cases:
            if case.before == "copy":
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(folder, copy)
            wall, cpu, rss, _ = measure(case.command, folder)
            case.walls.append(wall)
            case.cpus.append(cpu)
            case.peak_process.append(rss)
    shutil.rmtree(copy, ignore_errors=True)
    baseline = cases[0]
    print(
        f"{args.size} files, median of {args.repeat}; 1-minute load average {load_before[0]:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end"
    )
    print("\n| case | wall s | CPU s | peak MiB | wall × baseline | CPU × baseline |\n|---|---|---|---|---|---|")
    for case in cases:
        peak = max(case.peak_process) / 2**20
        print(
            f"| {case.name} | {case.wall:.2f} | {case.cpu:.2f} | {peak:.0f} | "
            f"{case.wall / baseline.wall:.2f} | {case.cpu / baseline.cpu:.2f} |"
        )


if __name__ == "__main__":
    main()

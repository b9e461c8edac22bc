"""Long and deeply nested Markdown: time and peak memory of a whole fmlint run per case.

    python benchmarks/long_markdown.py [NODEJS_ORG_CHECKOUT]    # or FMLINT_NODEJS_ORG=…

Cases, each a fresh ``fmlint --no-cache --format json`` process (so the peak
is the resident memory of the interpreter, fmlint and the file together; for
the folder run, of the largest process of the pool):

- a 1 KB article: the baseline, measured in the same run, for the ratios;
- nodejs.org's ``10-lts-to-12-lts.md`` (851 KB of release notes; target < 1 s,
  < 100 MiB), when a nodejs.org checkout is given (its ``apps/site/pages``);
- 300 kB of nested lists ``- - - … x`` (target < 2 s, < 200 MiB), generated;
- the same 150,000-level line in a 90 kB body, under the size that is scanned
  for deep nesting, so it is parsed: the worst the walk itself meets;
- nodejs.org's whole ``apps/site/pages`` tree, counting FL005 findings (target: none).

The load average is printed beside the table; a shared two-core machine makes
wall times noisy, so each case is the median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ENVIRONMENT = "FMLINT_NODEJS_ORG"
DEFAULT_CHECKOUT = Path("/work/fetched/nodejs.org")
FRONT_MATTER = "---\ntitle: x\n---\n\n"
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.stderr.write(result.stdout)
"""


def measure(paths: list[Path], repeat: int) -> tuple[float, float, list[dict]]:
    """Median seconds, largest peak MiB, and the findings of ``fmlint`` over ``paths``."""
    seconds, peaks = [], []
    findings: list[dict] = []
    for _ in range(repeat):
        command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "fmlint", "--no-cache", "--format", "json"]
        done = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, check=True)
        elapsed, peak_kib = done.stdout.split()
        seconds.append(float(elapsed))
        peaks.append(int(peak_kib) / 1024)
        findings = json.loads(done.stderr or "[]")
    return statistics.median(seconds), max(peaks), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", nargs="?", help="a nodejs.org checkout (github.com/nodejs/nodejs.org)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    checkout = Path(args.checkout or os.environ.get(ENVIRONMENT) or DEFAULT_CHECKOUT)
    pages = checkout / "apps" / "site" / "pages"
    folder = Path(tempfile.mkdtemp(prefix="fmlint-long-"))
    small = folder / "small.md"
    small.write_text(FRONT_MATTER + "## Prices\n\nInput prices fell by 40%.\n" * 30)
    nested = folder / "nested-300k.md"
    nested.write_text(FRONT_MATTER + "- " * 150_000 + "x\n")
    parsed = folder / "nested-90k.md"
    parsed.write_text(FRONT_MATTER + "- " * 45_000 + "x\n")
    cases: list[tuple[str, list[Path], str]] = [("1 KB article (baseline)", [small], "")]
    posts = sorted(pages.rglob("10-lts-to-12-lts.md")) if pages.is_dir() else []
    cases += [
        (f"nodejs.org {post.name} ({post.stat().st_size // 1000} kB)", [post], "< 1 s, < 100 MiB") for post in posts
    ]
    cases += [
        ("300 kB of nested `- - - x`", [nested], "< 2 s, < 200 MiB"),
        ("90 kB of nested `- - - x` (parsed)", [parsed], ""),
    ]
    if pages.is_dir():
        files = sorted(pages.rglob("*.md"))
        cases.append((f"nodejs.org apps/site/pages ({len(files)} .md files)", [pages], "no FL005"))
    else:
        print(f"no nodejs.org checkout at {checkout} (pass one or set {ENVIRONMENT}): its cases are left out")
    load = os.getloadavg()
    rows = []
    for name, paths, target in cases:
        seconds, peak, findings = measure(paths, args.repeat)
        fl005 = sum(1 for finding in findings if finding["code"] == "FL005")
        rows.append((name, seconds, peak, fl005, target))
    print(f"load average {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after; median of {args.repeat} runs")
    print()
    print("| case | wall s | × baseline | peak MiB | × baseline | FL005 | target |")
    print("|---|---|---|---|---|---|---|")
    base_seconds, base_peak = rows[0][1], rows[0][2]
    for name, seconds, peak, fl005, target in rows:
        print(
            f"| {name} | {seconds:.2f} | {seconds / base_seconds:.1f} | {peak:.0f} | {peak / base_peak:.1f} "
            f"| {fl005} | {target} |"
        )


if __name__ == "__main__":
    main()

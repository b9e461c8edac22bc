"""Run fmlint over checkouts of real sites: files checked, wall time and findings by code, per site.

Usage: ``python benchmarks/real_sites.py NAME=FOLDER[:PRESET[:PATH]] ...``

Each site is checked cold (``--no-cache``) from ``FOLDER`` (its root) over
``PATH`` (default ``.``) with ``--preset PRESET`` (default: the site's own
configuration), as a content team would run it.  The table is what the closing
notes' truth runs quote, so anyone can repeat them on the same checkouts (the
notes name the commits); every finding class is then judged by reading a
sample.  Examples::

    python benchmarks/real_sites.py hugo-docs=../shared/corpora/hugo-docs::content \\
        rust-blog=../shared/corpora/rust-blog \\
        opentelemetry=/tmp/otel::content starlight=/tmp/starlight/docs:starlight:src
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter

_FINDING = re.compile(r"^.+?:\d+:\d+: ([A-Z]+\d+) ", re.MULTILINE)
_FILES = re.compile(r"(\d+) files? checked|in \d+ of (\d+) files?")


def check(folder: str, preset: str, path: str) -> tuple[float, int, Counter[str]]:
    """Wall seconds, files checked and findings by code of one cold run."""
    command = [sys.executable, "-m", "fmlint", "--no-cache", "--format", "concise", path]
    if preset:
        command[3:3] = ["--preset", preset]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"fmlint failed in {folder} ({done.returncode}):\n{done.stderr}")
    files = _FILES.search(done.stdout)
    return seconds, int(next(filter(None, files.groups())) if files else 0), Counter(_FINDING.findall(done.stdout))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="NAME=FOLDER[:PRESET[:PATH]]")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f}\n")
    print("| site | files | wall s | findings | by code |")
    print("| --- | --- | --- | --- | --- |")
    for site in args.sites:
        name, _, spec = site.partition("=")
        folder, preset, path = [*spec.split(":"), "", ""][:3]
        seconds, files, codes = check(folder, preset, path or ".")
        shown = ", ".join(f"{code} {count}" for code, count in sorted(codes.items(), key=lambda item: -item[1]))
        print(f"| {name} | {files or '?'} | {seconds:.2f} | {sum(codes.values())} | {shown or '-'} |")


if __name__ == "__main__":
    main()

"""Time the site facts extraction alone (issue 16's per-file share of a cold run with the site rules).

Usage: ``python benchmarks/site_facts.py [--files 3000] [--repeat 5] [--work DIR] [--compare TREE]``

Reads the first ``--files`` files of the 10k ``--site-links`` site that
``benchmarks/site.py`` generates (in ``--work``), runs every rule on each (as
a run does before it extracts the facts, so that the Markdown is parsed and its
links placed), then times ``fmlint.linter.site_facts`` over all of them: the
best of ``--repeat`` passes, in microseconds a file.  ``--compare TREE`` also
times another source tree (``PYTHONPATH=TREE``), alternating with this
checkout pass by pass, and says whether the two extract byte-identical facts.
Prints the load average beside the table.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(site: Path, files: int, passes: int) -> None:
    """One pass's best time (µs a file) and a digest of the facts, printed for the caller."""
    import glob
    import time

    import msgspec

    from fmlint.config.resolve import Resolver
    from fmlint.linter import check, context, read_path, site_facts
    from fmlint.positions import LineIndex
    from fmlint.rules import CHECKERS

    os.chdir(site)
    resolver = Resolver()
    contexts = []
    for path in sorted(glob.glob("*/*.md"))[:files]:
        settings = resolver.settings_for(path)
        ctx, _ = context(read_path(path, settings.max_file_size), settings)
        check(ctx, CHECKERS)
        contexts.append(ctx)
    best = float("inf")
    facts = []
    for _ in range(passes):
        for ctx in contexts:  # a fresh index: the rules' own lookups leave it counted further
            ctx.doc.lines = LineIndex(ctx.doc.text)
        start = time.perf_counter()
        facts = [site_facts(ctx) for ctx in contexts]
        best = min(best, time.perf_counter() - start)
    encoder = msgspec.msgpack.Encoder()
    digest = hashlib.blake2b(b"".join(encoder.encode(f) for f in facts), digest_size=8).hexdigest()
    print(f"{best * 1e6 / len(contexts):.1f} {digest}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    parser.add_argument("--compare", type=Path, help="another fmlint source tree, timed alternately")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process's part
    args = parser.parse_args(argv)
    if args.measure is not None:
        measure(args.measure, args.files, 1)
        return
    site = args.work / "site-10000"
    if not (site / ".complete").exists():
        sys.exit(f"no generated site at {site}: run benchmarks/site.py --work {args.work} first")
    trees = {"this checkout": None, **({f"compared: {args.compare}": args.compare.resolve()} if args.compare else {})}
    found: dict[str, list[tuple[float, str]]] = {name: [] for name in trees}
    load_before = os.getloadavg()
    for _ in range(args.repeat):
        for name, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": str(tree)} if tree is not None else dict(os.environ)
            command = [sys.executable, __file__, "--measure", str(site), "--files", str(args.files)]
            out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout.split()
            found[name].append((float(out[0]), out[1]))
    load_after = os.getloadavg()
    print(f"site facts of {args.files} files; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print("| version | µs a file (best of the passes) | facts digest |\n| --- | --- | --- |")
    for name, runs in found.items():
        print(f"| {name} | {min(t for t, _ in runs):.1f} | {runs[-1][1]} |")
    if args.compare:
        same = len({runs[-1][1] for runs in found.values()}) == 1
        print("facts byte-identical" if same else "FACTS DIFFER")


if __name__ == "__main__":
    main()

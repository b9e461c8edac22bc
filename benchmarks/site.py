"""Benchmark the site rules (issue 16) on a linked 10k-article Hugo site.

Usage: ``python benchmarks/site.py [--size 10000] [--repeat 3] [--cold-rounds N] [--work DIR] [--compare TREE]
[--facts N] [--folder SITE]``

Generates the corpus with ``gen_corpus.py --site-links`` (once), then times the
``fmlint`` command (wall clock and CPU time of the process and its workers; the
median of ``--repeat`` runs): a cold run without the site rules (``--ignore
SITE``, the baseline), a cold run with them, first runs filling an empty cache
(without and with them: what a CI job or a first local run pays, cache writes
and the site's kept findings included), a warm run with nothing changed,
and pre-commit runs over 3 files against the warm cache (which must still see
the whole site: they report the corpus's alias collision with an unchanged
file) — as they are, with the 3 files touched before each run (a new
modification time, the same content), and with the 3 files edited before each
run (a heading appended: their site facts change, so the site's kept findings no
longer hold; the part of the site those files' findings depend on is indexed,
found by the keys kept with the findings; and, as the floor of that case, the
same edit checked with the site rules off), and after a file outside the 3
was touched (its facts are read again: as kept, the kept findings hold) or
edited (a heading appended: the kept findings no longer hold for the site; the
file is indexed with the part of the site the 3 files depend on, in the first
run and in the next, since what is kept is the site before it — a site checked
only by a pre-commit hook is in this case after a pull that changes a heading,
a link or front matter).

The cold runs' ratio is also given as the median of each round's own ratio (the run with the site rules
against the run without them just before it) with a 95 % bootstrap interval: on a shared machine one
case's wall time moves by ±20 % between rounds, and the interval says whether a series can tell the
target's 1.10 from the ratio measured.  ``--cold-rounds N`` times the two cold cases in ``N`` rounds (the
other cases ``--repeat`` times): the interval of a 3-round series spans ~0.3.

``--compare TREE`` also times another version of fmlint (a source tree, e.g.
``git archive main | tar -x -C TREE``; run with ``PYTHONPATH=TREE``), alternating
with this checkout run by run, each with its own cache.  Both trees are
byte-compiled first (``compileall``, as an installed package is), since
``PYTHONDONTWRITEBYTECODE`` may be set.  Prints one table per version with the
load average beside it and the ratios against the baseline of the same version
measured in the same run, with the ratio of the best walls beside (the least disturbed
run of each case: on a machine shared with busy neighbours, the nearest to what the
code costs).  The edited files are restored at the end.

``--folder SITE`` times the same cases on a real site instead (its root; the files edited are restored at
the end): its 10th, 50th and 90th Markdown files in path order are the three, its 130th the file outside
(longhorn.io's website, 8,326 files, is the real site nearest 10k that the notes measure).

``--facts N`` times instead the site facts extraction alone, the per-file share
of a cold run with the site rules: the site's first ``N`` files are read and
every rule run on each (as a run does before it extracts the facts: the
Markdown is parsed and its links placed), then ``fmlint.linter.site_facts`` is
timed over all of them, in a fresh process for each of ``--repeat`` passes
(alternating with ``--compare``'s tree); the best pass, in microseconds a file,
and whether both versions extract byte-identical facts.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from instructions import generate
from trees import compile_imported


def median_run(runs: list[tuple[float, float, str]]) -> tuple[float, float, str]:
    """The median wall and the median CPU time of ``runs``, with the last run's output."""
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[-1][2]


class Version:
    """One fmlint to time: this checkout, or a source tree on ``PYTHONPATH``; its own cache folder."""

    def __init__(self, name: str, tree: Path | None, cache: Path) -> None:
        self.name, self.cache = name, cache
        self.env = {**os.environ, "PYTHONPATH": str(tree)} if tree is not None else dict(os.environ)
        self.runs: dict[str, list[tuple[float, float, str]]] = {}

    def time(self, case: str, arguments: list[str], cwd: Path) -> None:
        command = [sys.executable, "-m", "fmlint", "--quiet", *arguments]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, check=False, cwd=cwd, capture_output=True, text=True, env=self.env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        self.runs.setdefault(case, []).append((wall, cpu, done.stdout))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cold-rounds", type=int, help="rounds of the two cold cases (default: --repeat)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    parser.add_argument("--compare", type=Path, help="another fmlint source tree, timed alternately")
    parser.add_argument("--facts", type=int, metavar="N", help="time the facts extraction of N files alone")
    parser.add_argument("--measure-facts", type=Path, help=argparse.SUPPRESS)  # a child process's part
    parser.add_argument("--folder", type=Path, help="a real site's root, measured instead of the generated one")
    args = parser.parse_args(argv)
    if args.measure_facts is not None:
        measure_facts(args.measure_facts, args.facts)
        return
    site = args.folder.resolve() if args.folder else args.work / f"site-{args.size}"
    if args.folder is None:
        generate(site, args.size, ["--site-links"])
    if args.facts:
        facts_table(site, args.facts, args.repeat, args.compare)
        return
    name = site.name if args.folder else f"site-{args.size}"
    versions = [Version("this checkout", None, args.work / f"{name}-cache")]
    if args.compare is not None:
        compared = args.work / f"{name}-compared-cache"
        versions.insert(0, Version(f"compared: {args.compare}", args.compare.resolve(), compared))
    for version in versions:
        compile_imported(version.env)
    three, outside = (
        ["0000/article-000005.md", "0001/article-000150.md", "0002/article-000250.md"],
        "0003/article-000350.md",
    )
    if args.folder:
        markdown = sorted(str(path.relative_to(site)) for path in site.rglob("*.md") if ".git" not in path.parts)
        three, outside = [markdown[9], markdown[49], markdown[89]], markdown[129]
    originals = {name: (site / name).read_bytes() for name in three}
    load_before = os.getloadavg()
    try:
        for _ in range(args.cold_rounds or args.repeat):
            for version in versions:
                version.time("without", ["--no-cache", "--ignore", "SITE", "."], site)
                version.time("cold", ["--no-cache", "."], site)
        for _ in range(args.repeat):  # first runs, filling an empty cache (the last keeps the site's findings)
            for version in versions:
                empty = Path(f"{version.cache}-first-off")
                shutil.rmtree(empty, ignore_errors=True)
                version.time("first-off", ["--ignore", "SITE", "--cache-dir", str(empty), "."], site)
                shutil.rmtree(version.cache, ignore_errors=True)
                version.time("fill", ["--cache-dir", str(version.cache), "."], site)
        for _ in range(args.repeat):
            for version in versions:
                version.time("warm", ["--cache-dir", str(version.cache), "."], site)
                version.time("base", ["--ignore", "SITE", "--cache-dir", f"{version.cache}-off", *three], site)
                version.time("precommit", ["--cache-dir", str(version.cache), *three], site)
        for _ in range(args.repeat):
            for version in versions:
                for name in three:
                    os.utime(site / name)
                version.time("touched", ["--cache-dir", str(version.cache), *three], site)
        for edit in range(args.repeat * len(versions)):
            version = versions[edit % len(versions)]
            for name in three:
                (site / name).write_bytes(originals[name] + f"\n## Edited section {edit}\n".encode())
            version.time("edited", ["--cache-dir", str(version.cache), *three], site)
            for name in three:  # (edited again: the files' entries are new to the other cache too)
                (site / name).write_bytes(originals[name] + f"\n## Edited section {edit}, off\n".encode())
            version.time("edited-off", ["--ignore", "SITE", "--cache-dir", f"{version.cache}-off", *three], site)
        originals[outside] = (site / outside).read_bytes()
        for _ in range(args.repeat):
            for version in versions:
                os.utime(site / outside, ns=(time.time_ns(), time.time_ns() - 5_000_000_000))  # (a new stamp)
                time.sleep(2.1)  # (a file changed in the last 2 s is too recent for its stamp to be trusted)
                version.time("outside", ["--cache-dir", str(version.cache), *three], site)
                version.time("outside-next", ["--cache-dir", str(version.cache), *three], site)
        for edit in range(args.repeat):  # (after every touch: a version's touch must find the bytes it kept)
            for version in versions:
                heading = f"\n## Outside section {edit} {version.name}\n".encode()
                (site / outside).write_bytes(originals[outside] + heading)
                time.sleep(2.1)
                version.time("outside-edited", ["--cache-dir", str(version.cache), *three], site)
                version.time("outside-edited-next", ["--cache-dir", str(version.cache), *three], site)
    finally:
        for name, data in originals.items():
            (site / name).write_bytes(data)
    load_after = os.getloadavg()
    what = f"{site}, {', '.join(three)}" if args.folder else f"{args.size} articles"
    print(f"site rules, {what}; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    for version in versions:
        _table(version, collisions=args.folder is None)


def _table(version: Version, collisions: bool) -> None:
    cases = ("without", "cold", "first-off", "fill", "warm", "base", "precommit", "touched", "edited")
    without, cold, first_off, first, warm, base, precommit, touched, edited = (
        median_run(version.runs[case]) for case in cases
    )
    outside, outside_next = median_run(version.runs["outside"]), median_run(version.runs["outside-next"])
    edited_outside = median_run(version.runs["outside-edited"])
    edited_outside_next = median_run(version.runs["outside-edited-next"])
    edited_off = median_run(version.runs["edited-off"])
    best = {case: min(run[0] for run in version.runs[case]) for case in cases}  # the least disturbed run's wall

    def ratio(case: str, baseline: str, medians: tuple[float, float, str], of: tuple[float, float, str]) -> str:
        return f"{medians[1] / of[1]:.2f} (wall {medians[0] / of[0]:.2f}; best walls {best[case] / best[baseline]:.2f})"

    def walled(
        case: str, medians: tuple[float, float, str], target: str = "-"
    ) -> tuple[str, tuple[float, float, str], str, str]:
        """A row whose measure is its median wall time."""
        return case, medians, f"{medians[0]:.2f} s wall", target

    low, middle, high = paired_ratio(version.runs["without"], version.runs["cold"])
    rows = [
        ("cold, site rules off (baseline)", without, "1.00", "-"),
        ("cold, site rules on", cold, ratio("cold", "without", cold, without), "≤ 1.10"),
        (
            "cold: each round's wall ratio, median (95 % interval)",
            cold,
            f"{middle:.3f} ({low:.3f}–{high:.3f})",
            "≤ 1.10",
        ),
        ("first run, empty cache, site rules off", first_off, "-", "-"),
        ("first run, empty cache, site rules on", first, ratio("fill", "first-off", first, first_off), "-"),
        ("warm, nothing changed", warm, f"{warm[1] / cold[1]:.1%} of cold (wall {warm[0] / cold[0]:.1%})", "≤ 10 %"),
        ("pre-commit, 3 files, site rules off", base, "-", "-"),
        walled("pre-commit, 3 unchanged files, warm cache", precommit, "≤ 0.3 s"),
        walled("pre-commit, 3 touched files, warm cache", touched, "≤ 0.3 s"),
        ("pre-commit, 3 edited files, site rules off", edited_off, "-", "-"),
        walled("pre-commit, 3 edited files (facts changed), warm cache", edited, "≤ 0.3 s"),
        walled("pre-commit, 3 files, a file outside them touched: first run", outside),
        walled("pre-commit, 3 files, a file outside them touched: next run", outside_next),
        walled("pre-commit, 3 files, a file outside them edited: first run", edited_outside),
        walled("pre-commit, 3 files, a file outside them edited: next run", edited_outside_next),
    ]
    print(f"\n{version.name} (median of {len(version.runs['cold'])})")
    print("| case | wall s | CPU s | ratio (CPU) | target |\n| --- | --- | --- | --- | --- |")
    for name, (wall, cpu, _), measure, target in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {measure} | {target} |")
    for case, (_, _, output) in (
        ()
        if not collisions
        else (  # (the generated site's, with an unchanged file)
            ("touched", touched),
            ("edited", edited),
            ("outside touched", outside),
            ("outside edited", edited_outside),
        )
    ):
        collision = [line for line in output.splitlines() if "SITE001" in line]
        print(f"{case}: found", collision[0] if collision else "NO COLLISION (the site pass missed the unchanged file)")


def paired_ratio(
    baseline: list[tuple[float, float, str]], case: list[tuple[float, float, str]]
) -> tuple[float, float, float]:
    """The median of each round's wall ratio of ``case`` to ``baseline`` (run just before it), with the 2.5th
    and 97.5th percentiles of that median over 2,000 resamplings of the rounds (a fixed seed)."""
    ratios = [run[0] / base[0] for base, run in zip(baseline, case, strict=True)]
    draw = random.Random(0)
    medians = sorted(statistics.median(draw.choices(ratios, k=len(ratios))) for _ in range(2000))
    return medians[50], statistics.median(ratios), medians[1949]


def measure_facts(site: Path, files: int) -> None:
    """Print the time ``site_facts`` takes (µs a file) over the first ``files`` of ``site``, and a digest
    of the facts (run in a child process, with the fmlint of its ``PYTHONPATH``)."""
    import hashlib

    import msgspec

    from fmlint.config.resolve import Resolver
    from fmlint.linter import check, context, read_path, site_facts
    from fmlint.rules import CHECKERS

    os.chdir(site)
    resolver = Resolver()
    contexts = []
    for path in sorted(str(p.relative_to(site)) for p in site.glob("*/*.md"))[:files]:
        settings = resolver.settings_for(path)
        ctx, _ = context(read_path(path, settings.max_file_size), settings)
        check(ctx, CHECKERS)
        contexts.append(ctx)
    start = time.perf_counter()
    facts = [site_facts(ctx) for ctx in contexts]
    took = time.perf_counter() - start
    encoder = msgspec.msgpack.Encoder()
    digest = hashlib.blake2b(b"".join(encoder.encode(f) for f in facts), digest_size=8).hexdigest()
    print(f"{took * 1e6 / len(contexts):.1f} {digest}")


def facts_table(site: Path, files: int, passes: int, compare: Path | None) -> None:
    """The facts extraction of this checkout (and of ``compare``), one pass a process, alternating."""
    trees = {"this checkout": None, **({f"compared: {compare}": compare.resolve()} if compare else {})}
    found: dict[str, list[tuple[float, str]]] = {name: [] for name in trees}
    environments = {
        name: {**os.environ, "PYTHONPATH": str(tree)} if tree is not None else dict(os.environ)
        for name, tree in trees.items()
    }
    for env in environments.values():
        compile_imported(env)
    load_before = os.getloadavg()
    for _ in range(passes):
        for name, env in environments.items():
            command = [sys.executable, __file__, "--measure-facts", str(site), "--facts", str(files)]
            out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout.split()
            found[name].append((float(out[0]), out[1]))
    load_after = os.getloadavg()
    print(f"site facts of {files} files; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print("| version | µs a file (best pass) | facts digest |\n| --- | --- | --- |")
    for name, runs in found.items():
        print(f"| {name} | {min(t for t, _ in runs):.1f} | {runs[-1][1]} |")
    if compare is not None:
        same = len({runs[-1][1] for runs in found.values()}) == 1
        print("facts byte-identical" if same else "FACTS DIFFER")


if __name__ == "__main__":
    main()

"""Count the instructions of cold runs (valgrind's callgrind): a CPU measure the neighbours cannot move.

Usage: ``python benchmarks/instructions.py [--size 2000] [--jobs 2] [--work DIR] [--compare TREE] [--corpus site|seed] [--folder DIR] [--first-run | --precommit]``

On these shared 2-core machines a run's CPU time moves by 10–40 % with what the
other tenants do, so a ratio of a few per cent (the site rules' cold overhead,
issue 16: ≤ 1.10 ×) or an A/B of a small change cannot be read off seconds.
The number of instructions a run executes does not depend on them: the same
run counts the same to ~0.1 % in one process, to ~0.7 % with the site pass
and two workers (which worker checks which files varies), with
``PYTHONHASHSEED=0`` (set here: the order of a set's strings, and so some of
the work, moves with the hash seed).  It is not time (a cache miss costs more
than an add), but for one program on one input it moves with the CPU time, and
what it says is repeatable.  The checkout is measured as the environment
imports it: to count a snapshot, put it on ``PYTHONPATH``, or a change made to
the checkout while it runs is counted (and compiled from source, uncached).

The corpus is generated once with ``gen_corpus.py`` (``site``: the linked Hugo
site of ``site.py``; ``seed``: the heavy-findings articles of ``run.py``).  Each
case runs ``fmlint --no-cache --format json`` under callgrind (``--jobs``
workers; callgrind follows the pool's forked workers, and their counts are
added: each child's from the fork on, as a forked child otherwise starts with
its parent's counts so far — before stop 28 every worker counted the parent's
start-up again, and a child forked late, as the site pass's, its whole run); ``site`` counts the run without the site rules (``--ignore SITE``, the
baseline) and with them, ``seed`` the run alone.  ``--compare TREE`` counts
another version of fmlint too (a source tree on ``PYTHONPATH``, e.g.
``git archive main | tar -x -C TREE``).  Both trees are byte-compiled first.
Under callgrind a run takes ~50 times as long: 2,000 articles take ~2 minutes.

``--first-run`` counts the cases' first runs instead: each fills an empty cache, as a CI job on a fresh
clone does (the site pass then also keeps every page's findings and keys for later runs).

``--precommit`` counts instead pre-commit runs over the 3 files ``site.py`` uses
(``--size 10000 --work`` as ``site.py``'s to share its corpus), each version with
its own cache filled first (without callgrind): with the site rules off and on,
the files unchanged and then edited. This process and its forked children are
counted apart: since stop 33 a child walks the site and stats its files while
this process checks the three, so this process's count is the run's critical
path and the children's the work moved off it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from trees import compile_imported

HERE = Path(__file__).resolve().parent
_CASES = {
    "site": {"without site rules": ["--no-cache", "--ignore", "SITE"], "with site rules": ["--no-cache"]},
    "seed": {"cold": ["--no-cache"]},
}
_THREE = ["0000/article-000005.md", "0001/article-000150.md", "0002/article-000250.md"]  # as ``site.py``


def count(
    arguments: list[str], cwd: Path, env: dict[str, str], jobs: int, files: list[str] | None = None
) -> tuple[int, int]:
    """The instructions of ``fmlint --format json ARGUMENTS`` over ``files`` (``.`` when none) in ``cwd``:
    the process's and its forked children's (workers, the site's walk) apart."""
    with tempfile.TemporaryDirectory() as out:
        command = [
            "valgrind",
            "--tool=callgrind",
            "--cache-sim=no",
            "--branch-sim=no",
            # a forked child starts with its parent's counts so far: zeroed as it starts (Python calls this
            # in every forked child), so that the parent's work is counted once, not again in each worker
            "--zero-before=PyOS_AfterFork_Child",
            f"--callgrind-out-file={out}/callgrind.%p",
            sys.executable,
            "-m",
            "fmlint",
            "--quiet",
            "--format",
            "json",
            "--jobs",
            str(jobs),
            *arguments,
            *(files or ["."]),
        ]
        env = {**env, "PYTHONHASHSEED": "0"}
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        process.wait()
        counts = {path.name: callgrind_total(path) for path in Path(out).iterdir()}
        parent = counts.pop(f"callgrind.{process.pid}", 0)
        return parent, sum(counts.values())


def generate(corpus: Path, size: int, shape: list[str]) -> None:
    """The corpus of ``size`` articles ``gen_corpus.py`` makes with ``shape``, in ``corpus`` (once: made again
    when the generator changed since, its digest kept in ``.complete``)."""
    generator = HERE / "gen_corpus.py"
    made = hashlib.sha256(generator.read_bytes() + repr(shape).encode()).hexdigest()
    marker = corpus / ".complete"
    if not marker.exists() or marker.read_text() != made:
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, str(generator), str(size), str(corpus), *shape], check=True)
        marker.write_text(made)


def callgrind_total(path: Path) -> int:
    """The instruction count of one callgrind output file: the sum of its cost lines, each function's own
    instructions (the line after a ``calls=`` line is the call's, counted in the callee's own lines).

    Not its ``summary:`` line (until stop 44): in the site pass's forked child that line exceeds the
    instructions the file gives the functions by 0.1-0.17 G, all of it on one call left open across the fork
    (``clone`` -> ``start_thread``): a child that sends nothing and leaves says 177 M in its summary and
    7.6 M in its functions. In the other processes the two agree (the parent) or differ by ~0.1 %."""
    total = 0
    call = False
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("calls="):
            call = True
        elif line[:1].isdigit() or line[:1] in "+-*":
            fields = line.split()
            if call:
                call = False
            elif len(fields) > 1:
                total += int(fields[1])
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus", choices=sorted(_CASES), default="site")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    parser.add_argument("--compare", type=Path, help="another fmlint source tree, counted too")
    parser.add_argument("--folder", type=Path, help="a site to count instead of a generated corpus")
    parser.add_argument("--first-run", action="store_true", help="count first runs, each filling an empty cache")
    parser.add_argument("--precommit", action="store_true", help="count pre-commit runs over 3 files instead")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt install valgrind)")
    corpus = args.folder or args.work / f"{args.corpus}-{args.size}"
    if args.folder is None:
        generate(corpus, args.size, ["--site-links"] if args.corpus == "site" else ["--shape", "seed"])
    versions = [("this checkout", HERE.parent, dict(os.environ))]
    if args.compare is not None:
        tree = args.compare.resolve()
        versions.insert(0, (f"compared: {args.compare}", tree, {**os.environ, "PYTHONPATH": str(tree)}))
    for _, _, env in versions:
        compile_imported(env)
    if args.precommit:
        precommit(corpus, versions, args.jobs, args.work)
        return
    what = str(args.folder) if args.folder else f"{args.corpus} corpus of {args.size} articles"
    runs = "first runs (an empty cache filled)" if args.first_run else "cold runs"
    print(f"instructions of {runs}, {what}, --jobs {args.jobs} (callgrind)")
    print("| version | case | instructions (G) | × first case | this process (G) | its children (G) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, _, env in versions:
        first = 0
        for case, arguments in _CASES["site" if args.folder else args.corpus].items():
            with tempfile.TemporaryDirectory() as empty:
                fill = [a for a in arguments if a != "--no-cache"] + ["--cache-dir", empty]
                parent, children = count(fill if args.first_run else arguments, corpus, env, args.jobs)
            total = parent + children
            first = first or total
            row = f"| {name} | {case} | {total / 1e9:.3f} | {total / first:.3f} | {parent / 1e9:.3f} | {children / 1e9:.3f} |"
            print(row, flush=True)


def precommit(corpus: Path, versions: list[tuple[str, Path, dict[str, str]]], jobs: int, work: Path) -> None:
    """Count a pre-commit run over 3 files of the site corpus, each version with its own warm cache, with the
    site rules off and on, the files as they are and then edited (a heading appended: their facts change)."""
    originals = {name: (corpus / name).read_bytes() for name in _THREE}
    caches = {name: work / f"instructions-cache-{number}" for number, (name, _, _) in enumerate(versions)}
    for name, _, env in versions:  # (filled without callgrind: a whole run with the site rules, then one without)
        shutil.rmtree(caches[name], ignore_errors=True)
        for rules in ([], ["--ignore", "SITE"]):
            command = [sys.executable, "-m", "fmlint", "--quiet", "--cache-dir", str(caches[name]), *rules, "."]
            subprocess.run(command, cwd=corpus, env=env, stdout=subprocess.DEVNULL, check=False)
    print(f"instructions of a pre-commit run over 3 files of {corpus.name}, warm cache, --jobs {jobs} (callgrind)")
    print("| version | case | this process (G) | its children (G) |")
    print("| --- | --- | --- | --- |")
    try:
        for edited in (False, True):
            for name in _THREE:
                (corpus / name).write_bytes(originals[name] + (b"\n## An edited section\n" if edited else b""))
            for name, _, env in versions:
                for rules_case, rules in (("site rules off", ["--ignore", "SITE"]), ("site rules on", [])):
                    arguments = ["--cache-dir", str(caches[name]), *rules]
                    parent, children = count(arguments, corpus, env, jobs, _THREE)
                    case = f"{'3 edited' if edited else '3 unchanged'} files, {rules_case}"
                    print(f"| {name} | {case} | {parent / 1e9:.3f} | {children / 1e9:.3f} |", flush=True)
    finally:
        for name, data in originals.items():
            (corpus / name).write_bytes(data)


if __name__ == "__main__":
    main()

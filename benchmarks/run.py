"""Time fmlint against itself and its peers on generated corpora; print a table.

Usage: ``python benchmarks/run.py [--sizes 1000,10000] [--full] [--repeat 3]
[--peers DIR] [--work DIR] [--json FILE]``

For each corpus size (``--full`` adds 100,000 files, slow on two cores) the
corpus is written once by ``gen_corpus.py`` under ``--work``, then each case is
run ``--repeat`` times, the cases interleaved so that a noisy neighbour
slows them alike, and the medians are reported:

* fmlint ``cold`` (``--no-cache``) on all cores and with ``--jobs 1``;
* fmlint ``first run`` (empty cache, which it fills) and ``warm`` (the cache
  filled, nothing changed) on all cores;
* a pre-commit-sized run (3 files, ``--no-cache``);
* ``markdownlint-cli2`` (its default rules) and ``remark`` with
  ``remark-frontmatter`` + ``remark-lint-frontmatter-schema`` (the bundled
  schema rewritten as draft-07, which is what its Ajv reads), when they are
  installed under ``--peers`` (``npm install markdownlint-cli2 remark-cli
  remark-frontmatter remark-lint-frontmatter-schema`` in a scratch folder);
  absent peers are skipped.

Wall time is that of the command alone (timed inside a small wrapper); CPU
time is the user + system time of the whole process tree, which a loaded
machine disturbs much less than wall time.  Peak memory is the largest single
process (``ru_maxrss`` of the waited-for process tree) and, with ``psutil``
installed, the peak of the whole tree's summed RSS (workers included), sampled
every 20 ms in one extra, untimed run of each fmlint case: the sampler is a
busy third process on a two-core machine and slowed the parallel runs it
watched by about a quarter.  Children run without ``PYTHONDONTWRITEBYTECODE``
(see ``child_environment``).  Ratios compare with each peer measured in the
same run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = HERE.parent / "schemas" / "hugo-article.schema.json"
FMLINT = [sys.executable, "-m", "fmlint"]


@dataclass
class Case:
    name: str
    command: list[str]
    files: int
    before: str = ""  # "clear-cache" or "" (what to do before each repetition)
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + system seconds of the whole process tree
    peak_process: list[int] = field(default_factory=list)  # bytes
    peak_tree: list[int] = field(default_factory=list)  # bytes, with psutil

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def measure(command: list[str], cwd: Path, sample_tree: bool = False) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, largest single-process RSS and summed-tree peak RSS (bytes).

    The wall time is taken inside the wrapper around the command alone (not the
    wrapper's own start-up).  The tree is sampled only when asked: the sampler
    is a third busy process on a two-core machine, and it slowed a parallel
    fmlint run by about a quarter, so timed runs do not sample.
    """
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", wrapper, *command], cwd=cwd, stdout=subprocess.PIPE, text=True, env=child_environment()
    )
    tree_peak = _sample_tree(process) if sample_tree else 0
    out, _ = process.communicate()
    wall, rss, cpu = out.split()
    return float(wall), float(cpu), int(rss) * 1024, tree_peak


def child_environment() -> dict[str, str]:
    """This environment without ``PYTHONDONTWRITEBYTECODE``: some sandboxes set it, and then every
    run compiles fmlint's modules from source (about 75 ms), which an installed fmlint never does
    (pip compiles them at install time; a checkout caches them in ``__pycache__`` after one run)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _sample_tree(process: subprocess.Popen[str]) -> int:
    try:
        import psutil
    except ImportError:
        return 0
    peak = 0
    try:
        root = psutil.Process(process.pid)
        while process.poll() is None:
            total = 0
            for member in root.children(recursive=True):  # the wrapper itself is not counted
                with contextlib.suppress(psutil.Error):
                    total += member.memory_info().rss
            peak = max(peak, total)
            time.sleep(0.02)
    except psutil.Error:
        pass
    return peak


def corpus(work: Path, size: int) -> Path:
    folder = work / f"corpus-{size}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(size), str(folder)], check=True)
        (folder / ".complete").write_text("")
    draft7 = json.loads(SCHEMA.read_text())
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    draft7["definitions"] = draft7.pop("$defs", {})
    (folder / "bench-schema.draft7.json").write_text(json.dumps(draft7).replace('"#/$defs/', '"#/definitions/'))
    return folder


def cases(folder: Path, size: int, peers: Path | None, cache: Path) -> list[Case]:
    some = [str(path.relative_to(folder)) for path in sorted(folder.glob("0000/*.md"))[:3]]
    found = [
        Case("fmlint cold, all cores", [*FMLINT, "--no-cache", "."], size),
        Case("fmlint cold, --jobs 1", [*FMLINT, "--no-cache", "--jobs", "1", "."], size),
        Case("fmlint first run (fills cache)", [*FMLINT, "--cache-dir", str(cache), "."], size, before="clear-cache"),
        Case("fmlint warm (cache filled)", [*FMLINT, "--cache-dir", str(cache), "."], size),
        Case("fmlint 3 files (pre-commit)", [*FMLINT, "--no-cache", *some], 3),
    ]
    bin_dir = (peers / "node_modules" / ".bin") if peers else None
    if bin_dir and (bin_dir / "markdownlint-cli2").exists():
        found.append(Case("markdownlint-cli2", [str(bin_dir / "markdownlint-cli2"), "**/*.md"], size))
    if (
        bin_dir
        and (bin_dir / "remark").exists()
        and (peers / "node_modules" / "remark-lint-frontmatter-schema").exists()
    ):
        rc = peers / ".remarkrc-fmlint-bench.json"
        plugins = [
            "remark-frontmatter",
            ["remark-lint-frontmatter-schema", {"schemas": {"bench-schema.draft7.json": ["**/*.md"]}}],
        ]
        rc.write_text(json.dumps({"plugins": plugins}))
        found.append(
            Case(
                "remark-lint-frontmatter-schema",
                [str(bin_dir / "remark"), "--rc-path", str(rc), "--no-stdout", "--quiet", "--frail", "."],
                size,
            )
        )
    return found


def run_size(work: Path, size: int, repeat: int, peers: Path | None) -> list[Case]:
    folder = corpus(work, size)
    cache = work / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    todo = cases(folder, size, peers, cache)
    # warm the page cache (and compile fmlint's modules once)
    subprocess.run(
        [*FMLINT, "--cache-dir", str(cache), "."],
        check=False,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        env=child_environment(),
    )
    for repetition in range(repeat):
        for case in todo:
            if case.before == "clear-cache":
                shutil.rmtree(cache, ignore_errors=True)
            wall, cpu, process_peak, _ = measure(case.command, folder)
            case.walls.append(wall)
            case.cpus.append(cpu)
            case.peak_process.append(process_peak)
            print(
                f"  [{size} files, run {repetition + 1}/{repeat}] {case.name}: {wall:.2f} s, CPU {cpu:.2f} s",
                file=sys.stderr,
            )
    for case in todo:  # one more, untimed run of each fmlint case for the memory of its worker processes
        if case.name.startswith("fmlint"):
            if case.before == "clear-cache":
                shutil.rmtree(cache, ignore_errors=True)
            case.peak_tree.append(measure(case.command, folder, sample_tree=True)[3])
    return todo


def table(results: dict[int, list[Case]]) -> str:
    peers = sorted({case.name for cases in results.values() for case in cases if not case.name.startswith("fmlint")})
    header = ["files", "case", "median wall s", "files/s", "median CPU s", "peak MiB (process)", "peak MiB (tree)"]
    header += [f"wall × vs {p}" for p in peers] + [f"CPU × vs {p}" for p in peers]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for size, cases in results.items():
        by_name = {case.name: case for case in cases}
        for case in cases:
            compared = case.name.startswith("fmlint") and case.files == size
            ratios = [f"{by_name[p].wall / case.wall:.1f}×" if p in by_name and compared else "" for p in peers]
            ratios += [f"{by_name[p].cpu / case.cpu:.1f}×" if p in by_name and compared else "" for p in peers]
            tree = f"{max(case.peak_tree) / 2**20:.0f}" if any(case.peak_tree) else "–"  # not sampled
            cells = [str(size), case.name, f"{case.wall:.2f}", f"{case.files / case.wall:,.0f}", f"{case.cpu:.2f}"]
            cells += [f"{max(case.peak_process) / 2**20:.0f}", tree, *ratios]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{cpu}; {len(os.sched_getaffinity(0))} usable CPUs; Python {sys.version.split()[0]}; load average {load}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--full", action="store_true", help="also 100,000 files (slow)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--peers", type=Path, default=os.environ.get("FMLINT_BENCH_PEERS"), help="folder with node_modules/"
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")] + ([100_000] if args.full else [])
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}", file=sys.stderr)
    results = {size: run_size(args.work, size, args.repeat, args.peers) for size in sizes}
    print(f"Machine: {machine()}\n")
    print(table(results))
    if args.json:
        args.json.write_text(
            json.dumps({size: [asdict(case) for case in cases] for size, cases in results.items()}, indent=1)
        )


if __name__ == "__main__":
    main()

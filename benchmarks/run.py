"""Time fmlint against itself and its peers on generated corpora; print a table.

Usage: ``python benchmarks/run.py [--sizes 1000,10000] [--full] [--repeat 3]
[--shape seed] [--peers DIR] [--peer-repeat N] [--work DIR] [--json FILE]``

For each corpus size (``--full`` adds 100,000 files, slow on two cores) the
corpus is written once by ``gen_corpus.py --shape SHAPE`` under ``--work``
(``seed``, the default: about 8 findings per article, as on a real imported
news site), then each case is run ``--repeat`` times, the cases interleaved so
that a noisy neighbour slows them alike, and the medians are reported.  fmlint
writes its report as a CI job would, ``--format json`` into a file:

* fmlint ``cold`` (``--no-cache``) on all cores and with ``--jobs 1``;
* fmlint ``first run`` (empty cache, which it fills) and ``warm`` (the cache
  filled, nothing changed) on all cores;
* the warm run once in each other output format (``concise``, the cheapest,
  is the baseline of the "added" columns);
* a pre-commit-sized run (3 files, ``--no-cache``);
* ``markdownlint-cli2`` (its default rules) and ``remark`` with
  ``remark-frontmatter`` + ``remark-lint-frontmatter-schema`` (the bundled
  schema rewritten as draft-07, which is what its Ajv reads), when they are
  installed under ``--peers`` (``npm install markdownlint-cli2 remark-cli
  remark-frontmatter remark-lint-frontmatter-schema`` in a scratch folder);
  absent peers are skipped.

Each row gives the format and the number of findings the report holds (read
back from it).  Wall time is that of the command alone (timed inside a small wrapper); CPU
time is the user + system time of the whole process tree, which a loaded
machine disturbs much less than wall time.  Peak memory is the largest single
process (``ru_maxrss`` of the waited-for process tree) and, with ``psutil``
installed, the peak of the whole tree's summed RSS (workers included), sampled
every 20 ms in one extra, untimed run of each fmlint case: the sampler is a
busy third process on a two-core machine and slowed the parallel runs it
watched by about a quarter.  Children run without ``PYTHONDONTWRITEBYTECODE``
(see ``child_environment``).  Ratios compare with each peer measured in the
same run.  Each table is headed by the load average at its start and end: a
ratio measured on a loaded machine is not a result.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
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
REPORT_FORMAT = "json"  # of the cold, first-run and warm cases
WARM_FORMATS = ("concise", "json-lines", "sarif", "junit", "github", "gitlab")  # and json, the warm case itself


@dataclass
class Case:
    name: str
    command: list[str]
    files: int
    before: str = ""  # "clear-cache" or "" (what to do before each repetition)
    format: str = ""  # fmlint's --format; "" for the peers
    findings: int | None = None  # in the report of the first run
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


def measure(command: list[str], cwd: Path, output: Path, sample_tree: bool = False) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, largest single-process RSS and summed-tree peak RSS (bytes).

    The command's standard output goes to ``output`` (a file, as in CI) and its
    standard error next to it (``.err``).  The wall time is taken inside the
    wrapper around the command alone (not the wrapper's own start-up).  The tree
    is sampled only when asked: the sampler is a third busy process on a
    two-core machine, and it slowed a parallel fmlint run by about a quarter, so
    timed runs do not sample.
    """
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "out, err = open(sys.argv[1], 'wb'), open(sys.argv[1] + '.err', 'wb')\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[2:], stdout=out, stderr=err)\n"
        "wall = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", wrapper, str(output), *command],
        cwd=cwd,
        stdout=subprocess.PIPE,
        text=True,
        env=child_environment(),
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


def count_findings(case: Case, output: Path) -> int | None:
    """How many findings the report in ``output`` holds (None: not known for this command)."""
    text = output.read_text(encoding="utf-8", errors="replace")
    if case.format in ("json", "gitlab"):
        return len(json.loads(text))
    if case.format == "sarif":
        return len(json.loads(text)["runs"][0]["results"])
    if case.format == "json-lines":
        return text.count("\n")
    if case.format == "github":
        return sum(line.startswith("::") for line in text.splitlines())
    if case.format == "junit":
        return sum(int(count) for count in re.findall(r'<failure message="(\d+) problem', text))
    if case.format == "concise":
        counts = re.search(r"^Found (\d+) errors? \((\d+) warnings?\)", text, re.MULTILINE)
        return int(counts[1]) + int(counts[2]) if counts else 0
    if case.name == "markdownlint-cli2":
        summary = re.search(r"^Summary: (\d+) error", text, re.MULTILINE)
        return int(summary[1]) if summary else None
    return None


def corpus(work: Path, size: int, shape: str) -> Path:
    folder = work / f"corpus-{shape}-{size}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate = [sys.executable, str(HERE / "gen_corpus.py"), str(size), str(folder), "--shape", shape]
        subprocess.run(generate, check=True)
        (folder / ".complete").write_text("")
    draft7 = json.loads(SCHEMA.read_text())
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    draft7["definitions"] = draft7.pop("$defs", {})
    (folder / "bench-schema.draft7.json").write_text(json.dumps(draft7).replace('"#/$defs/', '"#/definitions/'))
    return folder


def cases(folder: Path, size: int, peers: Path | None, cache: Path) -> list[Case]:
    some = [str(path.relative_to(folder)) for path in sorted(folder.glob("0000/*.md"))[:3]]
    fmlint = [*FMLINT, "--format", REPORT_FORMAT]
    cached = ["--cache-dir", str(cache)]
    found = [
        Case("fmlint cold, all cores", [*fmlint, "--no-cache", "."], size, format=REPORT_FORMAT),
        Case("fmlint cold, --jobs 1", [*fmlint, "--no-cache", "--jobs", "1", "."], size, format=REPORT_FORMAT),
        Case("fmlint first run (fills cache)", [*fmlint, *cached, "."], size, "clear-cache", REPORT_FORMAT),
        Case("fmlint warm (cache filled)", [*fmlint, *cached, "."], size, format=REPORT_FORMAT),
        *(
            Case(f"fmlint warm, --format {name}", [*FMLINT, "--format", name, *cached, "."], size, format=name)
            for name in WARM_FORMATS
        ),
        Case("fmlint 3 files (pre-commit)", [*fmlint, "--no-cache", *some], 3, format=REPORT_FORMAT),
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


def run_size(work: Path, size: int, repeat: int, peers: Path | None, shape: str, peer_repeat: int) -> list[Case]:
    folder = corpus(work, size, shape)
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
    output = work / f"report-{size}"
    for repetition in range(repeat):
        for case in todo:
            if not case.format and repetition >= peer_repeat:
                continue
            if case.before == "clear-cache":
                shutil.rmtree(cache, ignore_errors=True)
            wall, cpu, process_peak, _ = measure(case.command, folder, output)
            if repetition == 0:
                case.findings = count_findings(case, output)
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
            case.peak_tree.append(measure(case.command, folder, output, sample_tree=True)[3])
    output.unlink(missing_ok=True)
    Path(f"{output}.err").unlink(missing_ok=True)
    return todo


def table(size: int, cases: list[Case]) -> str:
    """One corpus size's rows; the warm runs in other formats show what each format adds to ``concise``."""
    peers = [case.name for case in cases if not case.name.startswith("fmlint")]
    header = ["case", "format", "findings", "median wall s", "files/s", "median CPU s"]
    header += ["added wall s vs concise", "added CPU s vs concise", "peak MiB (process)", "peak MiB (tree)"]
    header += [f"wall × vs {p}" for p in peers] + [f"CPU × vs {p}" for p in peers]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    by_name = {case.name: case for case in cases}
    concise = by_name.get("fmlint warm, --format concise")
    for case in cases:
        compared = case.name.startswith("fmlint") and case.files == size
        ratios = [f"{by_name[p].wall / case.wall:.1f}×" if compared else "" for p in peers]
        ratios += [f"{by_name[p].cpu / case.cpu:.1f}×" if compared else "" for p in peers]
        tree = f"{max(case.peak_tree) / 2**20:.0f}" if any(case.peak_tree) else "–"  # not sampled
        findings = "–" if case.findings is None else f"{case.findings:,}"
        cells = [case.name, case.format or "–", findings, f"{case.wall:.2f}", f"{case.files / case.wall:,.0f}"]
        cells += [f"{case.cpu:.2f}"]
        if concise is not None and case.name.startswith("fmlint warm"):
            cells += [f"{case.wall - concise.wall:+.2f}", f"{case.cpu - concise.cpu:+.2f}"]
        else:
            cells += ["", ""]
        cells += [f"{max(case.peak_process) / 2**20:.0f}", tree, *ratios]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}; {len(os.sched_getaffinity(0))} usable CPUs; Python {sys.version.split()[0]}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--full", action="store_true", help="also 100,000 files (slow)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peer-repeat", type=int, help="runs of each peer (default: --repeat; ~40-90 s each at 10k)")
    parser.add_argument("--shape", choices=("seed", "article"), default="seed", help="gen_corpus.py's --shape")
    parser.add_argument(
        "--peers", type=Path, default=os.environ.get("FMLINT_BENCH_PEERS"), help="folder with node_modules/"
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")] + ([100_000] if args.full else [])
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}; corpus shape {args.shape}\n", flush=True)
    results = {}
    for size in sizes:
        before = load_average()
        peer_repeat = args.repeat if args.peer_repeat is None else args.peer_repeat
        results[size] = run_size(args.work, size, args.repeat, args.peers, args.shape, peer_repeat)
        print(f"{size:,} files (1/5/15-minute load average {before} at the start, {load_average()} at the end):\n")
        print(table(size, results[size]) + "\n", flush=True)
    if args.json:
        args.json.write_text(
            json.dumps({size: [asdict(case) for case in cases] for size, cases in results.items()}, indent=1)
        )


if __name__ == "__main__":
    main()

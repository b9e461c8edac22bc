"""Count the instructions of each part of the site rules' cold cost (callgrind, collecting only inside one function).

Usage: ``python benchmarks/phases.py [--size 2000] [--work DIR] [PHASE ...]``

``instructions.py`` counts whole runs: the site rules' overhead, not where it goes.
This runs ``fmlint --no-cache --format json --jobs 1`` (one process: nothing is
split or forked) on the same generated site under callgrind with collection off,
once per phase, with the phase's function wrapped so that collection is switched
on while the outermost call of it runs (a shim of ``CALLGRIND_TOGGLE_COLLECT``,
built with ``gcc`` from valgrind's header; called through ``ctypes``, which
costs ~4,000 instructions an entry: the counts include it). A
generator function (``*`` after its name) is run to its end inside the wrap.
The function is replaced where it is defined: a caller that imported it by
name at import time (``from m import f`` at the top of a module) still calls
the original, and the table shows it entered ``?`` times. Each run takes ~1
minute; two run at a time. Without ``PHASE`` arguments the
parts of the facts extraction and of the site pass below are counted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from instructions import callgrind_total, generate
from trees import compile_imported

# (module:function or module:Class.attribute (a property's getter too), what it is)
PHASES = {
    "fmlint.linter:lint_file": "the per-file pass (each file)",
    "fmlint.site.facts:extract": "site facts, whole",
    "fmlint.site.facts:_body_facts": "facts: the body's",
    "fmlint.site.facts:_lists": "facts: front-matter lists",
    "fmlint.site.facts:lowered_keys": "facts: lowercased keys",
    "fmlint.site.sitepass:site_diagnostics": "site pass, whole",
    "fmlint.site.index:SiteIndex.add": "site pass: index, adding pages",
    "fmlint.site.index:SiteIndex.finish": "site pass: index, finishing",
    "fmlint.site.sitepass:_findings": "site pass: the checks",
    "fmlint.site.checks:broken_references*": "checks: references",
    "fmlint.site.refs:resolve": "references: resolving",
    "fmlint.site.index:Page.has_id": "references: fragments looked for in their targets' IDs",
    "fmlint.site.places:Places.at": "findings: located (their files read again)",
}
_SHIM = "#include <valgrind/callgrind.h>\nvoid toggle(void) { CALLGRIND_TOGGLE_COLLECT; }\n"
_DRIVER = """
import ctypes, functools, importlib, sys
toggle = ctypes.CDLL(sys.argv[1]).toggle
module, _, name = sys.argv[2].partition(":")
generator = name.endswith("*")
owner, _, attribute = name.rstrip("*").rpartition(".")
depth = entered = 0

def wrap(function):
    @functools.wraps(function)
    def counted(*args, **kwargs):
        global depth, entered
        depth += 1
        if depth == 1:
            entered += 1
            toggle()
        try:
            return iter(list(function(*args, **kwargs))) if generator else function(*args, **kwargs)
        finally:
            if depth == 1:
                toggle()
            depth -= 1
    return counted

found = importlib.import_module(module)
holder = getattr(found, owner) if owner else found
old = vars(holder)[attribute]
new = property(wrap(old.fget)) if isinstance(old, property) else wrap(old)
setattr(holder, attribute, new)
if hasattr(found, "CHECKS"):  # (the site checks are also listed by code)
    found.CHECKS = {code: new if check is old else check for code, check in found.CHECKS.items()}
from fmlint.cli import main
try:
    main(sys.argv[4:])
except SystemExit:
    pass
with open(sys.argv[3], "w") as entries:
    entries.write(str(entered))
"""


def count(phase: str, shim: Path, driver: Path, corpus: Path, out: Path) -> tuple[int, int]:
    """The instructions inside ``phase`` over a run on ``corpus``, and how many times it was entered outermost."""
    output = out / f"callgrind.{phase.replace(':', '.').rstrip('*')}"
    entries = out / f"entries.{output.name}"
    command = [
        "valgrind",
        "--tool=callgrind",
        "--cache-sim=no",
        "--collect-atstart=no",
        f"--callgrind-out-file={output}",
        sys.executable,
        str(driver),
        str(shim),
        phase,
        str(entries),
        *("--quiet", "--no-cache", "--format", "json", "--jobs", "1", "."),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(command, cwd=corpus, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return callgrind_total(output), int(entries.read_text() or 0) if entries.exists() else 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phases", nargs="*", default=list(PHASES), metavar="PHASE")
    parser.add_argument("--size", type=int, default=2_000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fmlint-bench")
    args = parser.parse_args(argv)
    header = Path("/usr/include/valgrind/callgrind.h")
    if shutil.which("valgrind") is None or shutil.which("gcc") is None or not header.exists():
        sys.exit("needs valgrind (with its header, valgrind/callgrind.h) and gcc")
    corpus = args.work / f"site-{args.size}"
    generate(corpus, args.size, ["--site-links"])
    compile_imported(dict(os.environ))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        (out / "shim.c").write_text(_SHIM)
        shim = out / "shim.so"
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(shim), str(out / "shim.c")], check=True)
        driver = out / "driver.py"
        driver.write_text(_DRIVER)
        with ThreadPoolExecutor(2) as pool:
            counts = list(pool.map(lambda phase: count(phase, shim, driver, corpus, out), args.phases))
    print(f"instructions inside each phase, cold run over {corpus.name}, --jobs 1 (callgrind)")
    print("| phase | function | instructions (M) | entered | per call (K) |")
    print("| --- | --- | --- | --- | --- |")
    for phase, (total, entered) in zip(args.phases, counts, strict=True):
        per_call = f"{total / entered / 1e3:.1f}" if entered else "?"
        print(f"| {PHASES.get(phase, phase)} | `{phase}` | {total / 1e6:.1f} | {entered or '?'} | {per_call} |")


if __name__ == "__main__":
    main()

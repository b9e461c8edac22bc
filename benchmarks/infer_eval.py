"""How good are the schemas ``fmlint schema infer`` learns?  Held-out splits of real sites.

Usage: ``python benchmarks/infer_eval.py [--splits 5] [--time 10000] [CORPUS …]``

For each corpus, five random 80/20 splits of its files (seeded: the same
table every run):

* **false alarms** — a schema learned from the 80 % checks the 20 %: the share
  of held-out files with at least one finding, and what was flagged;
* **detection** — one fault planted in each held-out file the schema passes:
  a required key dropped, a key misspelled (under the default open schema and
  under ``--closed``), a boolean quoted, a list given as one string, a date
  that no layout reads, a number written in words; the share the schema
  catches (a JSON Schema error, or a near-miss key, SC006), of the files where
  the fault applies;
* **time** (``--time N``) — ``fmlint schema infer`` and ``fmlint --no-cache``
  on N generated articles (``gen_corpus.py``), best of three, with the load
  average beside them.

Corpora: ``../shared/corpora`` (hugo-docs, rust-blog) and two sites fetched
with the search tools into ``/work/fetched`` (nodejs.org's
``apps/site/pages/en``, github/explore's ``topics``); missing ones are skipped.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fmlint.config.settings import Settings
from fmlint.diagnostics import Severity
from fmlint.infer.decide import Thresholds, infer_schema
from fmlint.infer.findings import schema_findings
from fmlint.infer.run import Inference
from fmlint.linter import lint_path
from fmlint.schema.loader import compile_schema, load_schema
from fmlint.schema.near_miss import near_misses

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent.parent / "shared" / "corpora"
FETCHED = Path("/work/fetched")
MAX_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class Corpus:
    name: str
    folder: Path
    preset: str
    extensions: tuple[str, ...] = (".md",)
    oracle: bool = False  # the bundled hugo-article schema is this corpus's truth (generated articles)


CORPORA = (
    Corpus(
        "hugo-docs", (SHARED if SHARED.is_dir() else Path("/work/shared/corpora")) / "hugo-docs" / "content", "hugo"
    ),
    Corpus(
        "rust-blog", (SHARED if SHARED.is_dir() else Path("/work/shared/corpora")) / "rust-blog" / "content", "hugo"
    ),
    Corpus("nodejs.org", FETCHED / "nodejs+nodejs.org" / "apps" / "site" / "pages" / "en", "none", (".md", ".mdx")),
    Corpus("github/explore", FETCHED / "github+explore" / "topics", "jekyll"),
    Corpus("generated-2k", Path("/tmp/fmlint-infer-bench/2000"), "hugo", oracle=True),
)
FAULTS = (
    "drop required",
    "misspell required (open)",
    "misspell (open)",
    "misspell (closed)",
    "quote boolean",
    "list as string",
    "bad date",
    "number as words",
)
DATE_FORMATS = ("hugo-date", "date", "date-time")


def files_of(corpus: Corpus) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(corpus.folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, n) for n in sorted(names) if n.lower().endswith(corpus.extensions)]
    return sorted(found)


@dataclass
class Tally:
    files: int = 0
    headless: int = 0
    held_out: int = 0
    alarmed: int = 0
    real: int = 0  # alarmed files the oracle also finds at fault
    flagged: Counter[str] = field(default_factory=Counter)  # "kind key" → files
    planted: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)


def misspelled(key: str, known: set[str], rng: random.Random) -> str | None:
    """A one-edit misspelling of ``key`` that is no known key (a swap, a lost or a doubled letter)."""
    candidates = []
    for i in range(len(key) - 1):
        candidates.append(key[:i] + key[i + 1] + key[i] + key[i + 2 :])
    candidates += [key[:i] + key[i + 1 :] for i in range(len(key))]
    candidates += [key[:i] + key[i] + key[i:] for i in range(len(key))]
    candidates = sorted({c for c in candidates if c and c not in known and c != key})
    return rng.choice(candidates) if candidates else None


def leaves(
    value: Any, node: Any, root: dict[str, Any], path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Any, dict[str, Any]]]:
    """Every value of the data with the schema node that judges it (one type, no ``anyOf``), nested ones too."""
    if isinstance(node, dict) and "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if not isinstance(node, dict) or "type" not in node:
        return
    if path:
        yield path, value, node
    if isinstance(value, dict) and node["type"] == "object":
        for key, item in value.items():
            yield from leaves(item, node.get("properties", {}).get(key), root, (*path, key))


def replaced(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(data)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return broken


TYPE_FAULTS: dict[str, tuple[Callable[[Any, dict[str, Any]], bool], Callable[[Any], Any]]] = {
    "quote boolean": (lambda v, n: isinstance(v, bool) and n["type"] == "boolean", lambda v: str(v).lower()),
    "list as string": (lambda v, n: n["type"] == "array" and bool(v) and isinstance(v[0], str), lambda v: v[0]),
    "bad date": (lambda v, n: n.get("format") in DATE_FORMATS and isinstance(v, str), lambda v: "31.12.2024"),
    "number as words": (
        lambda v, n: n["type"] in ("integer", "number") and not isinstance(v, bool) and isinstance(v, (int, float)),
        lambda v: "twelve",
    ),
}


def faults(data: dict[str, Any], schema: dict[str, Any], rng: random.Random) -> Iterator[tuple[str, dict[str, Any]]]:
    """(fault, the data with that one fault) for every fault that applies to ``data``."""
    properties = schema.get("properties", {})
    required = [key for key in schema.get("required", []) if key in data]
    if required:
        broken = dict(data)
        del broken[rng.choice(required)]
        yield "drop required", broken
    known = set(properties) | set(data)
    for fault, keys in (("misspell (open)", sorted(data, key=str)), ("misspell required (open)", required)):
        key = rng.choice(keys) if keys else None
        wrong = misspelled(str(key), known, rng) if key is not None else None
        if wrong is not None:
            broken = {wrong if k == key else k: v for k, v in data.items()}
            yield fault, broken
            if fault == "misspell (open)":
                yield "misspell (closed)", broken
    found = list(leaves(data, schema, schema))
    for fault, (applies, change) in TYPE_FAULTS.items():
        candidates = [(path, value) for path, value, node in found if applies(value, node)]
        if candidates:
            path, value = rng.choice(candidates)
            yield fault, replaced(data, path, change(value))


def evaluate(corpus: Corpus, splits: int) -> Tally:
    files = files_of(corpus)
    inference = Inference.of([str(corpus.folder)], corpus.preset, None, True, Thresholds(), files)
    site, headless = inference.pages(lambda: None)
    tally = Tally(files=len(files), headless=headless["files"])
    files = site.files
    conventions = inference.conventions
    for split in range(splits):
        rng = random.Random(f"{corpus.name}/{split}")
        order = list(range(len(files)))
        rng.shuffle(order)
        cut = round(0.8 * len(order))
        train, test = sorted(order[:cut]), sorted(order[cut:])
        held = site.subset(test)
        schemas = {}
        for closed in (False, True):
            contents, _ = infer_schema(site.subset(train), Thresholds(closed=closed), conventions, corpus.name)
            schemas[closed] = (contents, compile_schema(contents, "<eval>", Path.cwd() / "eval.schema.json"))
        findings = schema_findings(held, schemas[False][1], lambda _: MAX_SIZE, lambda: None)
        alarmed = {f.path for f in findings}
        tally.held_out += len(test)
        tally.alarmed += len(alarmed)
        if corpus.oracle:
            truth = Settings(schema=load_schema("hugo-article"))
            tally.real += sum(
                any(d.severity is Severity.ERROR for d in lint_path(path, truth).diagnostics) for path in alarmed
            )
        for path in sorted(alarmed):
            kinds = sorted({f"{f.kind} `{f.key}`" for f in findings if f.path == path})
            tally.flagged.update(kinds)
        for index, path in enumerate(held.files):
            data = held.data[index]
            if data is None or path in alarmed:
                continue
            for fault, broken in faults(data, schemas[False][0], rng):
                closed = fault == "misspell (closed)"
                tally.planted[fault] += 1
                contents, compiled = schemas[closed]
                tally.caught[fault] += not compiled.validator.is_valid(broken) or bool(
                    next(near_misses(contents, broken), None)
                )
    return tally


def generate(folder: Path) -> None:
    """``gen_corpus.py`` articles (5 % with one fault) in ``folder``, named by their count."""
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gen_corpus.py"), folder.name, str(folder)], check=True)


def timing(count: int) -> tuple[float, float]:
    """(infer, lint) best-of-three wall seconds on ``count`` generated articles."""
    corpus = Path(f"/tmp/fmlint-infer-bench/{count}")
    if not corpus.is_dir():
        generate(corpus)
    fmlint = [sys.executable, "-m", "fmlint"]
    commands = {
        "infer": [*fmlint, "schema", "infer", str(corpus), "-o", os.devnull, "--report", os.devnull],
        "lint": [*fmlint, "--no-cache", "--exit-zero", "-q", str(corpus)],
    }
    best = {name: float("inf") for name in commands}
    for _ in range(3):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd="/tmp")
            best[name] = min(best[name], time.perf_counter() - start)
    return best["infer"], best["lint"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="names of corpora to run (default: all present)")
    parser.add_argument("--splits", type=int, default=5)
    parser.add_argument("--time", type=int, default=0, metavar="N", help="also time inference vs linting on N files")
    parser.add_argument("--flagged", type=int, default=8, help="flagged keys listed per corpus")
    args = parser.parse_args(argv)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    header = ["corpus", "files (headless)", "false alarms", *FAULTS]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    flagged = {}
    for corpus in CORPORA:
        if corpus.oracle and not corpus.folder.is_dir():
            generate(corpus.folder)
        if (args.corpora and corpus.name not in args.corpora) or not corpus.folder.is_dir():
            continue
        tally = evaluate(corpus, args.splits)
        cells = [corpus.name, f"{tally.files} ({tally.headless})"]
        false = tally.alarmed - tally.real
        real = f", {tally.real} real faults" if corpus.oracle else ""
        cells.append(f"{100 * false / max(tally.held_out, 1):.1f} % ({false}/{tally.held_out}{real})")
        for fault in FAULTS:
            planted = tally.planted[fault]
            cells.append(f"{100 * tally.caught[fault] / planted:.1f} % (n={planted})" if planted else "n/a")
        print("| " + " | ".join(cells) + " |", flush=True)
        flagged[corpus.name] = tally.flagged
    for name, counts in flagged.items():
        top = ", ".join(f"{what}: {n}" for what, n in counts.most_common(args.flagged))
        print(f"flagged in {name} (files over all splits): {top or 'nothing'}")
    if args.time:
        infer_s, lint_s = timing(args.time)
        print(
            f"\n{args.time} generated files: infer {infer_s:.2f} s, lint {lint_s:.2f} s, ratio {infer_s / lint_s:.2f}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

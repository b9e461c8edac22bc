"""``ref``s to pages of every publication and render state, with fragments, against Hugo 0.168's builds
(stop 81's random run: 160 sites, 558 refs failing the build, 200 empty links, 41 fragments no heading of
their page has; it found that Hugo takes a page's ``build`` whole: ``tests/test_hugo_cascades.py``).

SITE003 is reported where Hugo fails with REF_NOT_FOUND (a draft, a page still to come or expired, no page)
and where it writes an empty link (a page it does not write), SITE004 where the page written has no such ID.
Each case's answer is written down (the tests run without Hugo too) and, where the binary is installed,
checked against Hugo: the lines its build fails at, then, built again without them, the links it writes and
the IDs of the pages they lead to.
"""

from __future__ import annotations

import html
import json
import random
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_site_rules import HUGO, hugo_failing, needs_hugo, page, site_findings, write

from fmlint.site.config import forget_sites

_CONFIG = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
_LAYOUTS = {"layouts/single.html": "S{{ .Content }}", "layouts/list.html": "L{{ .Content }}"}
_FROM = "content/ref/from.md"


def _line(n: int) -> int:
    """The line of the ``n``-th ref of :func:`_refs`' page."""
    return 5 + 2 * n


def _refs(refs: list[str]) -> str:
    """The referring page: each ref in a marker (``R0[…]``) that finds it in the built page."""
    return page('title: "F"', body="".join(f"R{n}[{ref}]\n\n" for n, ref in enumerate(refs)))


def _ours(root: Path) -> tuple[set[int], set[int]]:
    """The lines of the referring page fmlint reports SITE003 and SITE004 at."""
    forget_sites()
    found = [line for line in site_findings(root) if line.startswith(_FROM + ":")]
    return tuple({int(line.split(":")[1]) for line in found if code in line} for code in ("SITE003", "SITE004"))


def _hugos(root: Path, refs: list[str]) -> tuple[set[int], set[int], set[int]]:
    """The lines Hugo fails at or writes an empty link for (``href=""``, or the fragment alone), those of links
    to a page it writes without the fragment's ID (the page itself built again, the failing refs out), and
    those of fragments no build can judge: of a page only linked (not written) or a section without a file."""
    failing = hugo_failing(root, _FROM, refs, _refs, _line)
    built = (root / "public/ref/from/index.html").read_text(encoding="utf-8")
    links = {
        _line(int(n)): link.replace("https://example.org", "") for n, link in re.findall(r"R(\d+)\[([^\]]*)\]", built)
    }
    empty = {line for line, link in links.items() if line not in failing and link.partition("#")[0] == ""}
    unknown, unjudged = set(), set()
    for line, link in links.items():
        path, _, fragment = link.partition("#")
        target = root / "public" / path.strip("/") / "index.html"
        if line in failing | empty or not fragment:
            continue
        if not target.exists() or target.read_text(encoding="utf-8") == "L":
            unjudged.add(line)
        elif html.unescape(fragment) not in map(html.unescape, re.findall(r'id="([^"]*)"', target.read_text())):
            unknown.add(line)
    return failing | empty, unknown, unjudged


def _agree(root: Path, refs: list[str]) -> None:
    site003, site004 = _ours(root)
    hugo003, hugo004, unjudged = _hugos(root, refs)
    assert (site003, site004 - unjudged) == (hugo003, hugo004)


def _site(fronts: dict[str, list[str]], bodies: dict[str, str], refs: list[str]) -> dict[str, str]:
    pages = {
        f"content/{name}": page('title: "T"', *front, body=bodies.get(name, "Text.\n"))
        for name, front in fronts.items()
    }
    return {"hugo.toml": _CONFIG, **_LAYOUTS, **pages, _FROM: _refs(refs)}


_BODY = "## Intro\n\n## Setup {#install}\n\n## Intro\n\nTitle\n-----\n\n### Déjà vu\n"
_FRONTS = {
    "docs/_index.md": [],
    "docs/a.md": [],
    "docs/draft.md": ["draft: true"],
    "docs/later.md": ["publishDate: 2099-01-01"],
    "docs/expired.md": ["expiryDate: 2001-01-01"],
    "docs/never.md": ["build: {render: never}"],
    "docs/linked.md": ["build: {render: link}"],
    "blog/_index.md": ["cascade: {build: {render: never}, target: {kind: page}}"],
    "blog/p/index.md": [],
    "blog/q/index.md": ["build: {list: never}"],  # (its own `build`, whole: the cascade's is not read)
}
_REFS = [  # (the ref, whether SITE003, whether SITE004)
    ('{{< ref "a#intro-1" >}}', False, False),
    ('{{< ref "/docs/a#install" >}}', False, False),  # (only through `{#install}`)
    ('{{< relref "a.md#setup" >}}', False, True),
    ('{{< relref "a#title" >}}', False, False),
    ('{{< relref "a#déjà-vu" >}}', False, False),
    ('{{< ref "draft" >}}', True, False),
    ('{{< ref "later.md" >}}', True, False),
    ('{{< ref "/docs/expired" >}}', True, False),
    ('{{< ref "never" >}}', True, False),
    ('{{< ref "never#intro" >}}', True, False),  # (`href="#intro"`: this page's)
    ('{{< relref "p" >}}', True, False),
    ('{{< relref "/blog/q#intro" >}}', False, False),
    ('{{< relref "/blog/q#nowhere" >}}', False, True),
]


def test_refs_to_pages_of_every_state(tmp_path):
    refs = [ref for ref, _, _ in _REFS]
    write(tmp_path, _site(_FRONTS, dict.fromkeys(("docs/a.md", "blog/q/index.md"), _BODY), refs))
    expected = tuple({_line(n) for n, case in enumerate(_REFS) if case[column]} for column in (1, 2))
    assert _ours(tmp_path) == expected
    if HUGO is not None:
        _agree(tmp_path, refs)


_STATES = [[], [], [], ["draft: true"], ["date: 2099-01-01"], ["expiryDate: 2001-01-01"], ["build: {render: never}"]]
_STATES += [["build: {list: never}"], ["build: {render: link}"], ['draft: "false"'], ["headless: true"]]
_PLACES = ["docs/a.md", "docs/b.md", "docs/sub/c.md", "docs/sub/_index.md", "docs/_index.md", "blog/p/index.md"]
_PLACES += ["blog/_index.md", "top.md", "docs/sub/d/index.md"]
_HEADINGS = ["## Intro", "## Setup {#install}", "## Intro", "### Déjà vu", "## A & B", "Title\n-----", "## 1. First"]
_FRAGMENTS = ["intro", "intro-1", "install", "setup", "deja-vu", "déjà-vu", "a--b", "a-b", "title", "1-first"]
_CASCADES = [
    {"build": {"render": "never"}},
    {"draft": True},
    {"build": {"render": "never"}, "target": {"kind": "page"}},
]


def _names(place: str) -> list[str]:
    """Ways a ref names the page at ``place``: its path with and without `.md`, its base name."""
    stem = place.removesuffix(".md")
    names = ["/" + stem, stem.rsplit("/", 1)[-1], "/" + place]
    if stem.endswith("index"):
        folder = stem.rsplit("/", 1)[0]
        names += ["/" + folder, folder.rsplit("/", 1)[-1]]
    return names


@needs_hugo
@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=2**32))
def test_random_refs_to_pages_of_every_state_are_judged_as_hugo_builds_them(seed):
    chosen = random.Random(seed)
    fronts: dict[str, list[str]] = {}
    for place in chosen.sample(_PLACES, chosen.randint(4, len(_PLACES))):
        fronts[place] = list(chosen.choice(_STATES))
        if place.endswith("_index.md") and chosen.random() < 0.4:
            fronts[place].append("cascade: " + json.dumps(chosen.choice(_CASCADES)))
    bodies = {place: "\n\n".join(chosen.sample(_HEADINGS, chosen.randint(0, 4))) + "\n\nText.\n" for place in fronts}
    refs = []
    for _ in range(chosen.randint(3, 8)):
        target = chosen.choice([*_names(chosen.choice(_PLACES)), "nowhere"])
        fragment = "#" + chosen.choice(_FRAGMENTS) if chosen.random() < 0.4 else ""
        refs.append(f'{{{{< {chosen.choice(["ref", "relref"])} "{target}{fragment}" >}}}}')
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, _site(fronts, bodies, refs))
        _agree(root, refs)

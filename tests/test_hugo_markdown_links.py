"""Markdown links on Hugo sites, with its embedded link render hook and without, against Hugo 0.168's builds
(stop 81's random runs: 250 sites, 919 links leading nowhere in the build, 132 to a page without the
fragment's ID; 250 multilingual sites, 959 links leading nowhere or to no such ID; all agree).

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


def _config(use: str, languages: str = "") -> str:
    """A site's configuration: the embedded link hook's ``useEmbedded``, and the ``languages`` given."""
    return (
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        f'[markup.goldmark.renderHooks.link]\nuseEmbedded = "{use}"\n{languages}'
    )


_TWO_LANGUAGES = 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'


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
        _config("always"),
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
        _config("always"),
        {
            "content/blog/p/index.md": page('title: "P"', "url: /elsewhere/"),
            "content/blog/q.md": page('title: "Q"'),
        },
        "content/blog/from/index.md",
        {"../p/": "SITE003", "../q/": "", "../q.md": "", "../p/index.md": "", "q.md": ""},
    ),
    # (a folder without `_index.md` above a section is a section too: Hugo writes `/docs/`)
    "a section made by the section below it": (
        _config("never"),
        {"content/docs/sub/_index.md": page('title: "Sub"')},
        "content/ref/from.md",
        {"/docs/": "", "/DOCS": "", "/docs/sub/": "", "/docs/nope/": "SITE003"},
    ),
    # (on a multilingual site the hook's GetPage looks in the linking page's language, a language in the file's
    # name dropped; a draft it finds not, and the link is written as it is: a section it finds, without a URL)
    "a multilingual site's": (
        _config("always", _TWO_LANGUAGES),
        {
            "content/docs/_index.md": page('title: "Docs"'),
            "content/docs/_index.fr.md": page('title: "Docs"', "draft: true"),
            "content/docs/a.fr.md": page('title: "A"'),
            "content/top.md": page('title: "Top"', "draft: true"),
            "content/top.fr.md": page('title: "Top"'),
            "content/blog/p/index.md": page('title: "P"'),
            "content/blog/p/index.fr.md": page('title: "P"', "draft: true"),
            "content/blog/q/index.md": page('title: "Q"'),
        },
        "content/blog/from/index.fr.md",
        {
            "/docs/a.fr.md": "",
            "../../docs/a.md": "",
            "/docs/a.en.md": "",  # (the French `a`)
            "../../top.en.md": "",  # (the French `top`)
            "../q/index.md": "SITE003",  # (written as it is: `q` has no French page)
            "/blog/p/": "",  # (the French `p` is a draft: as written, the English page's URL)
            "/docs/": "SITE003",  # (the French section is a draft: found, and written as "")
        },
    ),
    # (a language's taxonomy pages are below its prefix: `/fr/tags/x/`)
    "a language's taxonomy pages": (
        _config("never", _TWO_LANGUAGES).replace('"taxonomy", "term", ', ""),
        {"content/docs/a.fr.md": page('title: "A"', "tags: [x]"), "content/docs/a.md": page('title: "A"', "tags: [y]")},
        "content/docs/from.fr.md",
        {"/fr/tags/x/": "", "/fr/tags/": "", "/tags/y/": "", "/fr/docs/a/": "", "/fr/docs/nope/": "SITE003"},
    ),
}


@pytest.mark.parametrize("name", list(_CASES))
def test_markdown_links_lead_where_hugo_writes_them(tmp_path, name):
    config, files, source, expected = _CASES[name]
    destinations = list(expected)
    write(tmp_path, {"hugo.toml": config, **_LAYOUTS, **files, source: _links(destinations)})
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
    files = {"hugo.toml": _config(chosen.choice(["always", "never"])), **_LAYOUTS}
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


_ML_PLACES = ["docs/a.md", "docs/b.md", "docs/_index.md", "blog/p/index.md", "top.md", "docs/sub/c.md"]
_ML_STATES = [[], [], [], ["draft: true"], ['slug: "slugged"']]


def _ml_destinations(place: str, source: str) -> list[str]:
    """Ways a link names the page at ``place`` (in either language) from the page at ``source``."""
    stem = place.removesuffix(".md")
    folder = stem.rsplit("/", 1)[0] if stem.endswith("index") else stem
    relative = posixpath.relpath("/" + place, posixpath.dirname("/" + source))
    return [
        *("/" + place, "/" + folder + "/", "/fr/" + folder + "/", "/en/" + folder + "/", relative, "/" + stem),
        *(relative.replace(".md", ".fr.md"), relative.replace(".md", ".en.md"), "/" + stem + ".fr.md"),
    ]


@needs_hugo
@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=2**32))
def test_random_multilingual_markdown_links_are_judged_as_hugo_writes_them(seed):
    """Stop 81 ran 250 such sites (languages by folder or file name, the default's in its folder or not, the
    hook used always, never or as Hugo decides): all agree since the hook's lookups were made in the linking
    page's language."""
    chosen = random.Random(seed)
    folders = chosen.random() < 0.5
    languages = 'defaultContentLanguage = "en"\n'
    languages += "defaultContentLanguageInSubdir = true\n" if chosen.random() < 0.4 else ""
    for weight, language in enumerate(("en", "fr"), 1):
        languages += f"[languages.{language}]\nweight = {weight}\n"
        languages += f'contentDir = "content/{language}"\n' if folders else ""
    config = _config(chosen.choice(["always", "never", "auto"]), languages)

    def path(language: str, name: str) -> str:
        if folders:
            return f"content/{language}/{name}"
        stem, extension = name.rsplit(".", 1)
        return f"content/{stem}.{language}.{extension}" if language != "en" else f"content/{name}"

    files = {"hugo.toml": config, **_LAYOUTS}
    for language in ("en", "fr"):
        for name in chosen.sample(_ML_PLACES, chosen.randint(2, len(_ML_PLACES))):
            body = "\n\n".join(chosen.sample(_HEADINGS, chosen.randint(0, 3))) + "\n\nText.\n"
            files[path(language, name)] = page('title: "T"', *chosen.choice(_ML_STATES), body=body)
    name = chosen.choice(["ref/from.md", "docs/from.md", "blog/from/index.md"])
    source = path(chosen.choice(["en", "fr"]), name)
    destinations = []
    for _ in range(chosen.randint(3, 8)):
        fragment = "#" + chosen.choice(_FRAGMENTS) if chosen.random() < 0.3 else ""
        destinations.append(chosen.choice(_ml_destinations(chosen.choice(_ML_PLACES), name)) + fragment)
    files[source] = _links(destinations)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, files)
        ours, (hugos, unjudged) = set(_ours(root, source)), _hugos(root)
        assert ours - unjudged == hugos


_BARE = "中文🙂 https://mysite.dev/docs/nope/ text https://mysite.dev/docs/a/#intro\n\n"
_BARE += (
    "- `https://mysite.dev/docs/nope/` 中文：https://mysite.dev/docs/nope/\n"  # (code; after `：` linkify links not)
)
_BARE += "- see (https://mysite.dev/docs/a/#nope). And https://example.com/docs/nope/\n"  # (`).` not the URL's)


@pytest.mark.parametrize("linkify", [True, False])
def test_a_bare_url_of_the_site_is_a_link_linkify_makes(tmp_path, linkify):
    """Goldmark's linkify (on in Hugo unless turned off) links a bare URL after a space or `(`, up to what it
    keeps of it: one of the site's own host is checked as a link is (checked with a build)."""
    config = 'baseURL = "https://mysite.dev/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    config += "" if linkify else "[markup.goldmark.extensions]\nlinkify = false\n"
    files = {"hugo.toml": config, **_LAYOUTS, "content/docs/a.md": page('title: "A"', body="## Intro\n")}
    write(tmp_path, {**files, "content/docs/from.md": page('title: "F"', body=_BARE)})
    forget_sites()
    found = [line.split(" ", 2)[:2] for line in site_findings(tmp_path) if "content/docs/from.md" in line]
    expected = [["content/docs/from.md:5:5-5:34", "SITE003"], ["content/docs/from.md:8:8-8:39", "SITE004"]]
    assert found == (expected if linkify else [])
    if HUGO is not None:
        assert hugo_log(tmp_path).returncode == 0
        built = (tmp_path / "public/docs/from/index.html").read_text(encoding="utf-8")
        linked = re.findall(r'<a href="(https://mysite\.dev[^"]*)">', built)
        own = ["https://mysite.dev/docs/nope/", "https://mysite.dev/docs/a/#intro", "https://mysite.dev/docs/a/#nope"]
        assert linked == (own if linkify else [])

"""Language prefixes, front-matter ``url``s and ``slug``s, home pages and aliases against Hugo 0.168 itself: what
stop 80's random differential runs of multilingual sites and of aliases found, and random multilingual sites.

Each case's answer is written down (the tests run without Hugo too) and, where the binary is installed, checked
against ``hugo list all`` or the redirect files of a build.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hugo_differential import assert_hugos_urls, assert_random_site_agrees
from test_site_rules import HUGO, hugo_log, index_of, needs_hugo, page, site_findings, write

from fmlint.site.checks import alias_file
from fmlint.site.config import forget_sites
from fmlint.site.index import alias_url

_BASE = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
_TWO = 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'

# (configuration after the base URL, {content file: front matter}, {content file: the URL Hugo gives it})
SITES = {
    "relative urls": (  # (from the language's folder, unless one starts with it once cleaned)
        _TWO,
        {
            "a.fr.md": ['url: "rel/x/"'],
            "b.fr.md": ['url: "/abs/"'],
            "c.md": ['url: "rel/y/"'],
            "d.fr.md": ['url: "fr/z/"'],
            "e.fr.md": ['url: "x/../fr/w/"'],
        },
        {"a.fr.md": "/fr/rel/x/", "b.fr.md": "/abs/", "c.md": "/rel/y/", "d.fr.md": "/fr/fr/z/", "e.fr.md": "/fr/w/"},
    ),
    "one language in its folder": (  # (Hugo's prefix for the default language needs no second one)
        "defaultContentLanguageInSubdir = true\n",
        {"_index.md": ['url: "/abs/"'], "docs/a.md": [], "b.md": ['url: "x/"'], "c.md": ['url: "/y/"']},
        {"_index.md": "/en/", "docs/a.md": "/en/docs/a/", "b.md": "/en/x/", "c.md": "/y/"},
    ),
    "url tokens": (  # (a permalink's tokens expanded in a front-matter url)
        _TWO,
        {
            "docs/a.md": ['url: "/:year/:slug/"', 'slug: "sl"', "date: 2024-03-04"],
            "docs/b.md": ['url: "/x/:filename/"'],
            "docs/c.md": ['url: "/:sections/:title/"'],
            "docs/d.md": ['url: "/a%20b+c/:filename"'],
            "docs/e.fr.md": ['url: ":filename/x"'],
        },
        {"docs/a.md": "/2024/sl/", "docs/b.md": "/x/b/", "docs/c.md": "/docs/t/", "docs/d.md": "/a b c/d/"}
        | {"docs/e.fr.md": "/fr/e/x/"},
    ),
    "slugs with slashes": (  # (a slash between two parts only where neither has one)
        "",
        {
            "docs/a.md": ['slug: "/abs/"'],
            "docs/b.md": ['slug: "a//b"'],
            "docs/c.md": ['slug: "x/"'],
            "docs/d.md": ['slug: "/"'],
            "docs/e.md": ['slug: "//"'],
            "docs/f/index.md": ['slug: "/g/"'],
            "top.md": ['slug: "/t/"'],
        },
        {"docs/a.md": "/docs/abs/", "docs/b.md": "/docs/a//b/", "docs/c.md": "/docs/x/", "docs/d.md": "/docs/"}
        | {"docs/e.md": "/docs//", "docs/f/index.md": "/docs/g/", "top.md": "/t/"},
    ),
    "ugly slugs with slashes": (  # (one closing slash dropped before the `.html`; a slug `/` adds none)
        "uglyURLs = true\n",
        {"_index.md": [], "docs/a.md": ['slug: "/abs/"'], "docs/c.md": ['slug: "x/"'], "docs/d.md": ['slug: "/"']},
        {
            "_index.md": "/index.html",
            "docs/a.md": "/docs/abs.html",
            "docs/c.md": "/docs/x.html",
            "docs/d.md": "/docs.html",
        },
    ),
    "section slugs": (  # (sanitised after a slash: leading spaces a hyphen; one of spaces names no folder)
        "",
        {
            "s1/_index.md": ['slug: "  x "'],
            "s1/p.md": [],
            "s2/_index.md": ['slug: "-e-"'],
            "s3/_index.md": ['slug: "ü x"'],
            "s3/t/_index.md": ['slug: " "'],
            "s3/t/u.md": [],
        },
        {"s1/_index.md": "/-x/", "s1/p.md": "/-x/p/", "s2/_index.md": "/e/", "s3/_index.md": "/ü-x/"}
        | {"s3/t/_index.md": "/ü-x/", "s3/t/u.md": "/ü-x/u/"},
    ),
    "sections' content base names": (  # (a section's is its folder's name)
        '[permalinks.section]\n"docs" = "/p/:contentbasename/"\n"blog" = "/b/:slugorcontentbasename/"\n',
        {"docs/_index.md": [], "docs/sub/_index.md": [], "blog/_index.md": []},
        {"docs/_index.md": "/p/docs/", "docs/sub/_index.md": "/p/sub/", "blog/_index.md": "/b/blog/"},
    ),
    "a home page bundle": (  # (`index.md` at the content root is the home page: its slug, its url ignored)
        _TWO,
        {"index.md": ['slug: "t"'], "index.fr.md": ['url: "/x/"']},
        {"index.md": "/", "index.fr.md": "/fr/"},
    ),
}


@pytest.mark.parametrize("name", list(SITES))
def test_urls_found_apart_by_random_runs_are_hugos(tmp_path, name):
    config, fronts, expected = SITES[name]
    assert_hugos_urls(tmp_path, _BASE + config, fronts, expected)


_ALIASES = ["/old/", "old", "../up/", "/Mixed Case/", "x.html", "/y.htm", "/z.html/", "/feed.xml", "/v1.2/p"]
_ALIAS_FILES = {  # (the files Hugo writes the aliases of `docs/a.md` to)
    "": [
        "old/index.html",
        "docs/old/index.html",
        "up/index.html",
        "Mixed Case/index.html",
        "docs/x.html",
        "y.htm",
        "z.html",
        "feed.xml/index.html",
        "v1.2/p/index.html",
    ],
    "uglyURLs = true\n": [
        "old.html",
        "docs/old.html",
        "up.html",
        "Mixed Case.html",
        "docs/x.html",
        "y.htm",
        "z.html",
        "feed.xml.html",
        "v1.2/p.html",
    ],
    _TWO: [
        "fr/old/index.html",
        "fr/docs/old/index.html",
        "fr/up/index.html",
        "fr/Mixed Case/index.html",
        "fr/docs/x.html",
        "fr/y.htm",
        "fr/z.html",
        "fr/feed.xml/index.html",
        "fr/v1.2/p/index.html",
    ],
}


@pytest.mark.parametrize("config", list(_ALIAS_FILES))
def test_aliases_are_written_where_hugo_writes_them(tmp_path, config):
    """With ``uglyURLs`` Hugo adds `.html` to an alias not ending in `.html` or `.htm`; without, such an alias is
    a folder (`/feed.xml` too); a closing slash is dropped (`/z.html/` is the file `z.html`)."""
    name = "content/docs/a.fr.md" if "languages" in config else "content/docs/a.md"
    aliases = ", ".join(f'"{alias}"' for alias in _ALIASES)
    files = {"hugo.toml": _BASE + config, "layouts/single.html": "{{ .Content }}", "layouts/list.html": "x"}
    write(tmp_path, {**files, name: page('title: "A"', f"aliases: [{aliases}]")})
    forget_sites()
    index = index_of(tmp_path)
    (docs,) = [found for found in index.pages if found.file is not None]
    ours = [alias_file(alias_url(index.config, docs, item.value)) for item in docs.facts.aliases]
    assert ours == _ALIAS_FILES[config]
    if HUGO is not None:
        assert hugo_log(tmp_path).returncode == 0
        assert set(ours) <= _redirects(tmp_path / "public")


def _redirects(public: Path) -> set[str]:
    """The files of a build that are Hugo's redirect pages."""
    found = set()
    for folder, _, names in os.walk(public):
        for name in names:
            text = (Path(folder) / name).read_text(errors="replace")
            if 'http-equiv="refresh"' in text:
                found.add(os.path.relpath(Path(folder) / name, public))
    return found


# what random multilingual sites are made of
_LANGUAGES = ["en", "fr", "de", "zh-hans", "pt-BR", "ja"]
_NAMES = ["a", "B", "Über", "post", "index", "_index", "about me", "x.y", "Readme", "中文"]
_FOLDERS = ["", "docs", "blog", "docs/sub", "Blog Posts"]
_VALUES = ["/:year/:slug/", ":filename/x", "/:sections/:title", "Hello", "  x ", "a/b", "UP", "über", "/abs/"]
_VALUES += ["/abs", "rel/x/", "/fr/x/", "/en/y/"]


def _random_site(seed: int) -> dict[str, str]:
    chosen = random.Random(seed)
    languages = chosen.sample(_LANGUAGES, chosen.randint(1, 3))
    in_folders = chosen.random() < 0.4
    config = _BASE + f'defaultContentLanguage = "{chosen.choice([*languages, "en"])}"\n'
    for line in ("defaultContentLanguageInSubdir = true\n", "disablePathToLower = true\n", "uglyURLs = true\n"):
        config += line if chosen.random() < 0.3 else ""
    config += '[permalinks]\n"docs" = "/d/:slugorfilename/"\n' if chosen.random() < 0.3 else ""
    for weight, language in enumerate(languages, 1):
        config += f"[languages.{language}]\nweight = {weight}\n"
        config += f'contentDir = "content/{language}"\n' if in_folders else ""
    files = {"hugo.toml": config}
    for _ in range(chosen.randint(2, 7)):
        language, folder, name = chosen.choice([*languages, ""]), chosen.choice(_FOLDERS), chosen.choice(_NAMES)
        if in_folders:
            path = f"content/{language or languages[0]}/{folder}/{name}.md"
        else:
            path = f"content/{folder}/{name}{'.' + language if language else ''}.md"
        front = ['title: "T"', f"date: 202{chosen.randint(0, 5)}-0{chosen.randint(1, 9)}-11"]
        if (kind := chosen.random()) < 0.45:
            value = chosen.choice(_VALUES)
            field = "slug" if kind < 0.25 else "url"
            if not (field == "slug" and name == "_index" and value.startswith("/")):
                front.append(f'{field}: "{value}"')
        path = path.replace("//", "/")
        if all(path.lower() != other.lower() for other in files):
            files[path] = page(*front)
    return files


@needs_hugo
@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=2**32))
def test_random_multilingual_sites_have_hugos_urls(seed):
    """Stop 80's runs of 500 such sites agreed after the fixes they led to (relative URLs' language prefix, a
    site of one language in its folder, url tokens, slugs with slashes, section slugs, home bundles). Left out:
    a language named with capitals in the configuration (`[languages.Ja]`) or, with `disablePathToLower`, in
    a file name (`a.pt-BR.md`), whose names Hugo does not strip of it; a section's slug starting with `/`."""
    files = _random_site(seed)
    if not ("disablePathToLower" in files["hugo.toml"] and any(".pt-BR." in name for name in files)):
        assert_random_site_agrees(files)


def test_links_of_a_site_of_one_language_in_its_folder(tmp_path):
    """Hugo writes the pages under `/en/` and a redirect to it at `/`: `/` leads somewhere, `/docs/a/` nowhere (no
    link hook rewrites it: Hugo's embedded one is for multilingual sites)."""
    config = _BASE.replace('"RSS", ', "") + "defaultContentLanguageInSubdir = true\n"
    body = "[home](/) [a](/docs/a/) [en](/en/docs/a/)\n"
    files = {"hugo.toml": config, "layouts/single.html": "{{ .Content }}", "layouts/list.html": "L"}
    write(tmp_path, {**files, "content/docs/a.md": page('title: "A"', body=body)})
    forget_sites()
    assert [line.split(" ", 2)[:2] for line in site_findings(tmp_path)] == [["content/docs/a.md:5:15-5:23", "SITE003"]]
    if HUGO is not None:
        assert hugo_log(tmp_path).returncode == 0
        public = tmp_path / "public"
        assert "url=https://example.org/en/" in (public / "index.html").read_text()
        assert (public / "en/docs/a/index.html").is_file() and not (public / "docs").exists()

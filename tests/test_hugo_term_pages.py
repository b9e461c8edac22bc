"""Links and ``ref``s to taxonomy term pages (``fmlint.site.term_pages``), against Hugo 0.168's builds.

Hugo writes a term's page when a page it builds and renders uses the term — a page, a section, the home page, by
its own front matter or a section's ``cascade`` —; a link to a term page no such page makes is a 404, a ``ref``
to one fails the build (REF_NOT_FOUND). Each case's answer is written down (the tests run without Hugo too)
and, where the binary is installed, checked against a build: the lines it fails at, then, built again without
them, the links it writes, followed to its files (a URL's case ignored, as fmlint compares URLs).
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from test_site_rules import HUGO, hugo_failing, needs_hugo, page, site_findings, write

from fmlint.cache import ResultCache
from fmlint.site.config import forget_sites

_CONFIG = 'baseURL = "https://example.org/"\ndisableKinds = ["RSS", "sitemap"]\n'
_LAYOUTS = {"layouts/single.html": "S{{ .Content }}", "layouts/list.html": "L{{ .Content }}"}
_FROM = "content/ref/from.md"
_FRONTS = {
    "_index.md": ["tags: [home-tag]"],
    "posts/pub.md": ['tags: [pub, "Mixed Case", "a b"]', "categories: [news]"],
    "posts/draft.md": ["draft: true", "tags: [draft-only, pub]"],
    "posts/later.md": ["publishDate: 2099-01-01", "tags: [later-only]"],
    "posts/expired.md": ["expiryDate: 2001-01-01", "tags: [expired-only]"],
    "posts/never.md": ["build: {render: never}", "tags: [never-only]"],
    "posts/unlisted.md": ["build: {list: never}", "tags: [unlisted-only]"],
    "posts/linked.md": ["build: {render: link}", "tags: [linked-only]"],
    "bundle/index.md": ["headless: true", "tags: [headless-only]"],
    "docs/_index.md": ["tags: [section-tag]", "cascade: {categories: [cascaded]}"],
    "docs/a.md": [],
}
_LINKS = [  # (the link or ref, whether SITE003; None: not judged, though Hugo may leave it broken)
    ("[x](/tags/pub/)", False),
    ("[x](/tags/nope/)", True),
    ("[x](/tags/pub)", False),  # (no closing slash: the server's redirect)
    ("[x](/tags/PUB/)", False),  # (case ignored, as for every URL)
    ("[x](/tags/mixed-case/)", False),
    ("[x](/tags/Mixed%20Case/)", True),  # (Hugo writes `/tags/mixed-case/`)
    ("[x](/tags/a-b/)", False),
    ("[x](/tags/draft-only/)", True),
    ("[x](/tags/later-only/)", True),
    ("[x](/tags/expired-only/)", True),
    ("[x](/tags/never-only/)", True),
    ("[x](/tags/unlisted-only/)", False),  # (`list: never` pages make their terms' pages)
    ("[x](/tags/linked-only/)", False),
    ("[x](/tags/headless-only/)", True),
    ("[x](/tags/home-tag/)", False),
    ("[x](/tags/section-tag/#anything)", False),
    ("[x](/categories/news/)", False),
    ("[x](/categories/any/)", None),  # (a cascade gives categories: not judged)
    ("[x](/tags/)", False),
    ("[x](/tags/pub/page/2/)", None),  # (below a term page: not judged)
    ("[x](../tags/nope/)", True),  # (relative: `/tags/nope/`)
    ("[x](https://example.org/tags/nope/)", None),  # (a placeholder host: not the site's own)
    ('{{< ref "/tags/pub" >}}', False),
    ('{{< ref "/tags/nope" >}}', True),
    ('{{< ref "tags/Mixed Case" >}}', False),  # (Hugo's lookup lowercases, spaces hyphens)
    ('{{< relref "/tags/draft-only" >}}', True),
    ('{{< ref "/tags/headless-only#x" >}}', True),
    ('{{< ref "/tags" >}}', False),
    ('{{< ref "/categories/cascaded" >}}', False),
]


def _line(n: int) -> int:
    return 5 + 2 * n


def _from(links: list[str]) -> str:
    return page('title: "F"', body="".join(f"R{n}[{link}]\n\n" for n, link in enumerate(links)))


def _site(config: str = _CONFIG, fronts: dict[str, list[str]] | None = None, links: list[str] | None = None) -> dict:
    pages = {f"content/{name}": page('title: "T"', *front) for name, front in (fronts or _FRONTS).items()}
    return {"hugo.toml": config, **_LAYOUTS, **pages, _FROM: _from(links or [link for link, _ in _LINKS])}


def _ours(
    root: Path, files: list[str] | None = None, cache: ResultCache | None = None, source: str = _FROM
) -> set[int]:
    forget_sites()
    return {
        int(line.split(":")[1])
        for line in site_findings(root, files, cache)
        if line.startswith(source + ":") and "SITE003" in line
    }


def _hugos(root: Path, links: list[str], source: str = _FROM, language: str = "") -> set[int]:
    """The lines of ``source`` Hugo fails at, and those whose link it writes to no file it writes (case ignored;
    built again without the failing refs)."""
    failing = hugo_failing(root, source, links, _from, _line)
    public = root / "public"
    written = {str(path.relative_to(public)).lower() for path in public.rglob("*") if path.is_file()}
    built = (public / language / "ref/from/index.html").read_text(encoding="utf-8")
    broken = set()
    for n, link in re.findall(r"R(\d+)\[(?:<a href=\")?([^\]\"]*)", built):
        path = unquote(re.sub(r"^https://[^/]*", "", link).partition("#")[0]).strip("/").lower()
        if link != "x" and f"{path}/index.html".lstrip("/") not in written:
            broken.add(_line(int(n)))
    return failing | broken


def test_term_page_links_and_refs(tmp_path):
    """Each link and ref of :data:`_LINKS` judged as written down, and as Hugo builds it."""
    write(tmp_path, _site())
    expected = {_line(n) for n, (_, broken) in enumerate(_LINKS) if broken}
    assert _ours(tmp_path) == expected
    if HUGO is not None:
        unjudged = {_line(n) for n, (_, broken) in enumerate(_LINKS) if broken is None}
        assert _hugos(tmp_path, [link for link, _ in _LINKS]) - unjudged == expected


def test_term_page_findings_exact(tmp_path):
    """Each finding at the link's destination, naming why no page is written, and the term's URL as Hugo spells
    it where that has a page."""
    write(tmp_path, _site(links=["[x](/tags/nope/)", "[x](/tags/Mixed%20Case/)", '{{< ref "/tags/draft-only#a" >}}']))
    forget_sites()
    found = [line for line in site_findings(tmp_path) if line.startswith(_FROM)]
    assert found == [
        f"{_FROM}:5:8-5:19 SITE003 `/tags/nope/` is no term page's URL: no page uses such a `tags` term",
        f"{_FROM}:7:8-7:27 SITE003 `/tags/Mixed Case/` is no term page's URL: Hugo writes such a `tags` term's page"
        " at `/tags/mixed-case/` (lowercased, spaces hyphens)",
        f"{_FROM}:9:13-9:31 SITE003 `/tags/draft-only#a` names no term page: only pages Hugo does not build use the"
        " `tags` term (drafts, pages still to come or expired, `headless` or `build.render: never`) (Hugo fails with"
        " REF_NOT_FOUND)",
    ]


def test_terms_that_write_no_page_of_their_own(tmp_path):
    """A term `x/y` has its page at `/tags/x/y/` (none at `/tags/x/`), `A/B testing` at `/tags/a/b-testing/`;
    `?` and an empty term make none: they leave every other term page judged. A path below a term's page is
    judged as a term's too (yanirseroussi.com's `[A/B testing](/tags/a/b-testing/)`, where no page uses the
    term), but a later page of a term's list (`/tags/pub/page/2/`)."""
    links = [
        "[x](/tags/x/)",
        "[x](/tags/x/y/)",
        "[x](/tags/nope/)",
        "[x](/tags/pub/)",
        "[x](/tags/a/b-testing/)",
        "[x](/tags/split-testing/)",
        "[x](/tags/split-testing/extra/)",
        "[x](/tags/pub/page/2/)",
    ]
    write(tmp_path, _site(fronts={"a.md": ['tags: ["x/y", "?", "", "pub", "split testing"]']}, links=links))
    assert _ours(tmp_path) == {_line(0), _line(2), _line(4), _line(6)}
    if HUGO is not None:
        assert _hugos(tmp_path, links) == {_line(0), _line(2), _line(4), _line(6), _line(7)}  # (one list page)


@pytest.mark.parametrize(
    "setting",
    [
        '[permalinks.term]\ntags = "/topics/:slug/"\n',  # (the term pages are elsewhere: `/tags/x/` is a page's)
        "uglyURLs = true\n",
        '[cascade]\ntags = ["everywhere"]\n',
        '[languages.en]\nweight = 1\n[languages.en.taxonomies]\ntag = "tags"\n',
    ],
)
def test_term_pages_not_told_are_not_judged(tmp_path, setting):
    """Where fmlint cannot place every term page, no link to one is judged."""
    write(tmp_path, _site(_CONFIG + setting, links=["[x](/tags/nope/)", '{{< ref "/tags/nope" >}}']))
    assert _ours(tmp_path) == set()


def test_term_pages_of_a_content_adapter_are_not_judged(tmp_path):
    """A content adapter's pages may use any term."""
    write(tmp_path, {**_site(links=["[x](/tags/nope/)"]), "content/made/_content.gotmpl": ""})
    assert _ours(tmp_path) == set()


_LANGUAGES = """baseURL = "https://example.org/"
disableKinds = ["RSS", "sitemap"]
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""


def _french(root: Path, config: str, fronts: dict[str, list[str]], links: list[str]) -> None:
    """A site of ``fronts`` whose French page `content/ref/from.fr.md` writes ``links``."""
    files = _site(config, fronts, links)
    files["content/ref/from.fr.md"] = files.pop(_FROM)
    write(root, files)
    forget_sites()


def test_term_pages_in_each_language(tmp_path):
    """Each language has its term pages: a French page's ``ref "/tags/en-only"`` and `/fr/tags/en-only/` name
    none (only an English page uses the term); `/fr/tags/fr-only/`, `/tags/en-only/` and ``ref "/tags/fr-only"``
    do, and so does `/tags/fr-only/`, which Hugo's embedded link hook (on for a site of two languages) looks up
    in the page's language first."""
    links = [
        "[x](/fr/tags/fr-only/)",
        "[x](/fr/tags/en-only/)",
        "[x](/tags/en-only/)",
        "[x](/tags/fr-only/)",
        '{{< ref "/tags/fr-only" >}}',
        '{{< ref "/tags/en-only" >}}',
    ]
    _french(tmp_path, _LANGUAGES, {"a.md": ["tags: [en-only]"], "a.fr.md": ["tags: [fr-only]"]}, links)
    lines = site_findings(tmp_path)
    found = {int(line.split(":")[1]) for line in lines if "SITE003" in line}
    assert found == {_line(1), _line(5)}
    assert lines[-1] == (
        "content/ref/from.fr.md:15:13-15:26 SITE003 `/tags/en-only` names no term page: no page in language `fr` uses"
        " such a `tags` term (Hugo fails with REF_NOT_FOUND)"
    )
    if HUGO is not None:
        assert _hugos(tmp_path, links, "content/ref/from.fr.md", "fr") == found


def test_term_links_hugos_link_hook_looks_up(tmp_path):
    """Hugo's embedded link hook (a site of two languages) finds a French page's `/tags/fr-only/` as the French
    term page, but leaves an absolute URL of the site as written; from the default language's page a path without
    its prefix (`defaultContentLanguageInSubdir`) is the default language's term page to the hook, and no page
    written as a URL. A ``ref``'s path may hold a dot (`v1.2`)."""
    config = _LANGUAGES.replace("https://example.org/", "https://site.test/").replace(
        'defaultContentLanguage = "en"\n', 'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n'
    )
    links = [
        "[x](/fr/tags/fr-only/)",
        "[x](/tags/fr-only/)",
        "[x](https://site.test/tags/fr-only/)",
        "[x](https://site.test/fr/tags/fr-only/)",
        '{{< ref "/tags/v1.2" >}}',
        '{{< ref "/tags/v1" >}}',
    ]
    _french(tmp_path, config, {"a.md": ["tags: [en-only]"], "a.fr.md": ['tags: [fr-only, "v1.2"]']}, links)
    write(tmp_path, {_FROM: _from(["[x](/tags/en-only/)"])})  # (the hook finds the English term page)
    found = [line for line in site_findings(tmp_path) if "SITE003" in line]
    assert found == [
        "content/ref/from.fr.md:9:8-9:39 SITE003 `https://site.test/tags/fr-only/` leads into this site:"
        " `/tags/fr-only/` is no term page's URL: no page in language `en` uses such a `tags` term; language `en`'s"
        " term pages are below `/en/`",
        "content/ref/from.fr.md:15:13-15:21 SITE003 `/tags/v1` names no term page: no page in language `fr` uses"
        " such a `tags` term (Hugo fails with REF_NOT_FOUND)",
    ]
    if HUGO is not None:
        assert _hugos(tmp_path, links, "content/ref/from.fr.md", "fr") == {_line(2), _line(5)}
        built = (tmp_path / "public/en/ref/from/index.html").read_text(encoding="utf-8")
        assert 'href="/en/tags/en-only/"' in built  # (the hook's: the term page's URL)


def test_term_pages_in_a_run_over_a_few_files(tmp_path):
    """A run over the linking page alone sees the terms of the files it is not given, as kept with the site's
    findings, and the changes of those files since."""
    links = ["[x](/tags/kept/)", "[x](/tags/Kept%20Too/)", '{{< ref "/tags/gone" >}}']
    fronts = {"posts/a.md": ["tags: [kept, kept-too]"], "posts/b.md": ["tags: [gone]"], "docs/_index.md": []}
    write(tmp_path, _site(fronts=fronts, links=links))
    cache = ResultCache(tmp_path / "cache")
    assert _ours(tmp_path, cache=cache) == {_line(1)}  # (the whole site: its keys kept)
    (tmp_path / _FROM).write_text(_from([*links, "[x](/tags/nope/)"]), encoding="utf-8")
    assert _ours(tmp_path, [_FROM], ResultCache(tmp_path / "cache")) == {_line(1), _line(3)}
    write(tmp_path, {"content/posts/b.md": page('title: "T"', "tags: [other]")})  # (outside the run: a pull)
    assert _ours(tmp_path, [_FROM], ResultCache(tmp_path / "cache")) == {_line(1), _line(2), _line(3)}
    forget_sites()
    whole = _ours(tmp_path)
    assert whole == {_line(1), _line(2), _line(3)}


_STATES = ["", "", "draft: true", "publishDate: 2099-01-01", "build: {render: never}", "build: {list: never}"]
_TERMS = ["go", "Go", "rust lang", "web", "C", "data-science", "Ünïcode", "x_y", "a.b", "中文"]


def _random_site(draw: random.Random) -> tuple[dict[str, str], list[str], str, str]:
    """A random site of one or two languages, Hugo's embedded link hook as it decides, always or never; its
    pages of each state use random terms; the linking page (its path and language) links and refers to term
    pages, spelt three ways, from the root, relatively, by the site's URL, in either language (a relative link
    with its closing slash: `../tags/a.b` is a file's name to fmlint, not judged)."""
    languages = draw.choice([["en"], ["en", "fr"]])
    config = _CONFIG.replace("example.org", "site.test")
    if len(languages) > 1:
        config += 'defaultContentLanguage = "en"\n'
    if hook := draw.choice(["", "always", "never"]):
        config += f'[markup.goldmark.renderHooks.link]\nuseEmbedded = "{hook}"\n'
    if len(languages) > 1:
        config += "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
    fronts = {}
    for n in range(draw.randint(2, 7)):
        state, language = draw.choice(_STATES), draw.choice(languages)
        tags = ", ".join(f'"{term}"' for term in draw.sample(_TERMS, draw.randint(0, 3)))
        suffix = f".{language}" if language != "en" else ""
        fronts[f"{draw.choice(['posts', 'docs'])}/p{n}{suffix}.md"] = [state, f"tags: [{tags}]"]
    fronts["docs/_index.md"] = [draw.choice(["", "draft: true", "tags: [web]"])]
    links = []
    for _ in range(10):
        term = draw.choice([*_TERMS, "nope"])
        spelt = draw.choice([term, term.lower().replace(" ", "-"), term.replace(" ", "%20")])
        prefix = draw.choice(["", "/fr"]) if len(languages) > 1 else ""
        link = draw.choice(
            [f"{prefix}/tags/{spelt}/", f"../tags/{spelt}/", f"https://site.test{prefix}/tags/{spelt}/", ""]
        )
        # (a destination with a space is written in `<…>`)
        links.append(
            f'{{{{< ref "/tags/{spelt}" >}}}}' if not link else f"[x](<{link}>)" if " " in link else f"[x]({link})"
        )
    language = draw.choice(languages)
    source = _FROM.replace(".md", f".{language}.md") if language != "en" else _FROM
    files = _site(config, fronts, links)
    files[source] = files.pop(_FROM)
    return files, links, source, language


@needs_hugo
def test_random_term_page_links_agree_with_hugo():
    """Random sites (:func:`_random_site`): fmlint reports the lines Hugo fails at or links to no file it writes
    (the random differential run this stop kept agreed on 240 such sites, but where a section's cascade gives
    terms, which fmlint leaves unjudged)."""
    draw = random.Random(82)
    for _ in range(8):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            files, links, source, language = _random_site(draw)
            write(root, files)
            built = "" if language == "en" else language  # (the default language at the root)
            assert _ours(root, source=source) == _hugos(root, links, source, built), files


_SQUATTERS = {  # (a page claiming a path, whether Hugo writes a taxonomy's page there too)
    "posts/url-term.md": (["url: /tags/go/"], True),
    "posts/url-none.md": (["url: /tags/nope/"], False),
    "posts/url-draft-term.md": (["url: /tags/draft-only/"], False),
    "posts/alias-term.md": (["aliases: [/tags/rust/]"], True),
    "posts/url-list.md": (["url: /tags/"], True),
    "posts/url-list-unused.md": (["url: /categories/"], True),  # (written though no page has categories)
    "posts/url-capitals.md": (["url: /Tags/Extra/"], False),  # (another file where the file system tells case)
    "posts/slug-term.md": (["slug: web"], False),  # (`/posts/web/`)
}


def _duplicates(root: Path) -> set[str]:
    """The files Hugo says several pages are written to (``--printPathWarnings``)."""
    done = subprocess.run(
        [HUGO or "hugo", "-s", str(root), "-d", str(root / "public"), "--printPathWarnings"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Duplicate target paths: (.*)", done.stdout + done.stderr)
    return {path.split(" (")[0].strip("/") for path in found.group(1).split(", ")} if found else set()


def test_pages_written_where_hugo_writes_a_taxonomys_page(tmp_path):
    """A page or alias written to the file of a term's page that a page Hugo builds uses, or of a taxonomy's list
    of terms (written whether or not a page uses one), collides with it: SITE001 at the value that decides the
    path. A term's own content file (`content/tags/web/_index.md`) is that page, which another claims as it claims
    any other."""
    fronts = {name: front for name, (front, _) in _SQUATTERS.items()}
    fronts |= {
        "a.md": ["tags: [go, rust, web, extra]"],
        "b.md": ["draft: true", "tags: [draft-only]"],
        "tags/web/_index.md": [],
        "posts/url-own.md": ["url: /tags/web/"],  # (the term's file is the page: one collision, of two files)
    }
    write(tmp_path, _site(fronts=fronts, links=["[x](/tags/go/)"]))
    forget_sites()
    found = [line for line in site_findings(tmp_path) if "SITE001" in line]
    expected = sorted(
        [
            *(f"content/{name}" for name, (_, clash) in _SQUATTERS.items() if clash),
            "content/posts/url-own.md",
            "content/tags/web/_index.md",
        ]
    )
    assert sorted(line.split(":")[0] for line in found) == expected
    assert found[0] == (
        "content/posts/alias-term.md:3:11-3:22 SITE001 this alias and the page Hugo makes for a `tags` term are both"
        " written to `tags/rust/index.html`; Hugo keeps one of them"
    )
    if HUGO is not None:
        # (an alias is no page to `--printPathWarnings`; over four builds, the alias's redirect was written once,
        # the term's page three times)
        assert _duplicates(tmp_path) == {
            "tags/go/index.html",
            "tags/web/index.html",
            "tags/index.html",
            "categories/index.html",
        }


def test_a_page_written_where_a_term_page_is_in_a_run_over_a_few_files(tmp_path):
    """A run over the page alone finds the term page that pages it is not given make (their kept keys)."""
    fronts = {"posts/a.md": ["tags: [go]"], "posts/b.md": []}
    write(tmp_path, _site(fronts=fronts, links=["[x](/tags/go/)"]))
    cache = ResultCache(tmp_path / "cache")
    forget_sites()
    assert [line for line in site_findings(tmp_path, cache=cache) if "SITE001" in line] == []
    write(tmp_path, {"content/posts/b.md": page('title: "B"', "url: /tags/go/")})
    forget_sites()
    found = [
        line
        for line in site_findings(tmp_path, ["content/posts/b.md"], ResultCache(tmp_path / "cache"))
        if "SITE001" in line
    ]
    assert found == [
        "content/posts/b.md:3:6-3:15 SITE001 this page and the page Hugo makes for a `tags` term are both written to"
        " `tags/go/index.html`; Hugo keeps one of them"
    ]


def test_term_pages_disabled(tmp_path):
    """With `disableKinds = ["term"]` Hugo writes no term page, its content file's neither (`tags/go/_index.md`),
    but still the lists of terms."""
    config = _CONFIG.replace('"sitemap"]', '"sitemap", "term"]')
    fronts = {
        "a.md": ["tags: [go]"],
        "tags/go/_index.md": [],
        "posts/url-term.md": ["url: /tags/go/"],
        "posts/url-list.md": ["url: /tags/"],
    }
    write(tmp_path, _site(config, fronts, links=["[x](/tags/go/)"]))
    forget_sites()
    found = [line.split(":")[0] for line in site_findings(tmp_path) if "SITE001" in line]
    assert found == ["content/posts/url-list.md"]
    if HUGO is not None:
        assert _duplicates(tmp_path) == {"tags/index.html"}


def test_a_taxonomy_list_collides_beside_a_content_adapter(tmp_path):
    """A content adapter's pages may use any term, which leaves links to term pages unjudged; but a taxonomy's
    list is written whatever they use, and a term a page uses has its page whatever the adapter adds."""
    fronts = {"a.md": ["tags: [go]"], "posts/url-list.md": ["url: /tags/"], "posts/url-term.md": ["url: /tags/go/"]}
    write(tmp_path, {**_site(fronts=fronts, links=["[x](/tags/nope/)"]), "content/made/_content.gotmpl": ""})
    forget_sites()
    found = sorted(line.split(":")[0] for line in site_findings(tmp_path) if " SITE001 " in line or " SITE003 " in line)
    assert found == ["content/posts/url-list.md", "content/posts/url-term.md"]

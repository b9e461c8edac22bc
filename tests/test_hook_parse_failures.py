"""Destinations that stop Hugo's build: its embedded link and image render hooks parse each Markdown link and
image with Go's ``url.Parse`` (``fmlint.go_urls``), and a destination it rejects fails the page's rendering
(mypaint.org's ``[pygi-grep]:(https://gist.github.com/…)`` under Hugo 0.123 and later). MKD002 reports the
links, IMG001 the images, only where the hooks render them; Hugo judges which pages fail.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from test_site_rules import HUGO, _quiet_env, needs_hugo, page, write

from fmlint.config.settings import Settings
from fmlint.runner import run
from fmlint.site.config import forget_sites

TWO_LANGUAGES = "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
CONFIGS = {
    "two languages": TWO_LANGUAGES,
    "none": "",
    "images never": TWO_LANGUAGES + "[markup.goldmark.renderHooks.image]\nuseEmbedded = 'never'\n",
    "links always": "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'always'\n",
}
# (the line of a page's body, whether a hook that renders it fails the build); each is one page's body
BODIES = [
    ("中文 [pygi-grep][g] 😀\n\n[g]:(https://gist.example/2647305f)", True),
    ('😀 [x]("https://a.example/")', True),
    ("[x](/a/100%)", True),
    ("[x](my_page:x)", True),
    ("[x](http://a.example:port/)", True),
    ("[x](a.md#50%)", True),
    ("[x](/a/100%25)", False),
    ("[x](/a:b)", False),
    ("[x]((notes))", False),
    ('中文 ![i]("https://a.example/i.png")', True),
    ("![i](/i%zz.png)", True),
    ('<img src="/i%zz.png" alt="i">', False),  # (HTML: no hook renders it)
    ("[x]([https://b.example/])", True),  # (opencue.io's)
]
LINK_FAILURE = "Hugo's build fails on it: its embedded link render hook, which this site uses, cannot parse it"
IMAGE_FAILURE = LINK_FAILURE.replace("link", "image")


def hooks_site(root: Path, config: str) -> list[str]:
    base = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    files = {f"content/p{number}.md": page("title: P", body=body + "\n") for number, (body, _) in enumerate(BODIES)}
    write(root, {"hugo.toml": base + CONFIGS[config], "layouts/single.html": "{{ .Content }}", **files})
    forget_sites()
    return [str(root / name) for name in files]


def findings(root: Path, paths: list[str]) -> list[str]:
    settings = Settings(enabled_codes=frozenset({"MKD002", "IMG001"}))
    found = run(paths, lambda path: settings, jobs=1).diagnostics
    return [f"{os.path.relpath(d.path, root)}:{d.line}:{d.column}-{d.end_column} {d.code} {d.message}" for d in found]


def test_the_hooks_destinations_that_fail_are_reported_at_them(tmp_path: Path) -> None:
    paths = hooks_site(tmp_path, "two languages")
    assert findings(tmp_path, paths) == [
        "content/p0.md:7:5-36 MKD002 link destination in parentheses, which are part of the URL (a relative path): "
        f"`(https://gist.example/2647305f)`; {LINK_FAILURE} (first path segment in URL cannot contain colon)",
        'content/p1.md:5:7-27 MKD002 link destination in quotes, which are part of the URL (a relative path): `"https:'
        f'//a.example/"`; {LINK_FAILURE} (first path segment in URL cannot contain colon)',
        f'content/p10.md:5:6-15 IMG001 image URL `/i%zz.png`: {IMAGE_FAILURE} (invalid URL escape "%zz")',
        "content/p12.md:5:5-25 MKD002 link destination in brackets, which are part of the URL (a relative path): "
        f"`[https://b.example/]`; {LINK_FAILURE} (first path segment in URL cannot contain colon)",
        f'content/p2.md:5:5-12 MKD002 link `/a/100%`: {LINK_FAILURE} (invalid URL escape "%")',
        f"content/p3.md:5:5-14 MKD002 link `my_page:x`: {LINK_FAILURE} (first path segment in URL cannot contain colon)",
        "content/p4.md:5:5-27 MKD002 link URL cannot be parsed (bad port or brackets): `http://a.example:port/`; "
        f'{LINK_FAILURE} (invalid port ":port" after host)',
        f'content/p5.md:5:5-13 MKD002 link `a.md#50%`: {LINK_FAILURE} (invalid URL escape "%")',
        'content/p9.md:5:9-34 IMG001 image URL `"https://a.example/i.png"`: '
        f"{IMAGE_FAILURE} (first path segment in URL cannot contain colon)",
    ]


def test_without_the_hooks_only_the_wrapped_urls_are_reported(tmp_path: Path) -> None:
    """A site without languages renders links with goldmark alone: `(https://…)` and `"https://…"` are still
    relative paths that lead nowhere, the others reach the browser as they are."""
    paths = hooks_site(tmp_path, "none")
    assert [line.split(" (a relative")[0] for line in findings(tmp_path, paths)] == [
        "content/p0.md:7:5-36 MKD002 link destination in parentheses, which are part of the URL",
        "content/p1.md:5:7-27 MKD002 link destination in quotes, which are part of the URL",
        "content/p12.md:5:5-25 MKD002 link destination in brackets, which are part of the URL",
        "content/p4.md:5:5-27 MKD002 link URL cannot be parsed (bad port or brackets): `http://a.example:port/`",
    ]


def test_each_hook_is_judged_on_its_own(tmp_path: Path) -> None:
    """`useEmbedded` is read for links and images apart: the images' hook off, the links' hook on."""
    found = findings(tmp_path, hooks_site(tmp_path, "images never"))
    assert [line.split(" ")[1] for line in found] == ["MKD002"] * 7
    found = findings(tmp_path, hooks_site(tmp_path / "always", "links always"))
    assert [line.split(" ")[1] for line in found] == ["MKD002"] * 7


def test_a_file_outside_the_content_is_not_rendered_by_the_hooks(tmp_path: Path) -> None:
    """aegisite's `old-source/docs/3.1/FAQ.html.md`, beside its content: Hugo renders none of it."""
    paths = hooks_site(tmp_path, "two languages")
    outside = tmp_path / "old-source/p2.md"
    outside.parent.mkdir()
    outside.write_text(Path(paths[2]).read_text())
    assert findings(tmp_path, [str(outside)]) == []


@pytest.mark.parametrize("theme, claimed", [("hextra", False), ("some-theme", False), ("docsy", True)])
def test_not_claimed_where_a_theme_is_not_there_to_read(tmp_path: Path, theme: str, claimed: bool) -> None:
    """A missing theme may have a link hook of its own (Hextra's, an unknown theme's), which Hugo would use
    instead; no release of Docsy has one (``known_themes.json``): Hugo's embedded hook still renders."""
    paths = hooks_site(tmp_path, "two languages")
    without = [line for line in findings(tmp_path, paths) if "build fails" in line]
    config = tmp_path / "hugo.toml"
    config.write_text(f'theme = "{theme}"\n' + config.read_text())
    forget_sites()
    assert [line for line in findings(tmp_path, paths) if "build fails" in line] == (without if claimed else [])
    assert without


def test_a_link_fixed_of_its_parentheses(tmp_path: Path) -> None:
    from fmlint.cli import main

    paths = hooks_site(tmp_path, "none")
    assert main(["--no-cache", "--fix", "--unsafe-fixes", "--select", "MKD002", paths[0]]) in (0, 1)
    assert Path(paths[0]).read_text().endswith("[g]:https://gist.example/2647305f\n")


@needs_hugo
@pytest.mark.parametrize("config", CONFIGS)
def test_hugo_fails_on_exactly_the_pages_reported_as_failing(tmp_path: Path, config: str) -> None:
    """Each page built alone (Hugo stops at a page it cannot render): it fails where a finding says so."""
    assert HUGO is not None
    paths = hooks_site(tmp_path, config)
    said = {line.split(":")[0] for line in findings(tmp_path, paths) if "build fails" in line}
    failed = set()
    for number, path in enumerate(paths):
        others = [other for other in paths if other != path]
        for other in others:
            os.rename(other, other + ".off")
        try:
            built = subprocess.run(
                [HUGO, "-d", "public"], cwd=tmp_path, env=_quiet_env(), capture_output=True, text=True, check=False
            )
        finally:
            for other in others:
                os.rename(other + ".off", other)
        if built.returncode != 0:
            assert "error calling Parse" in built.stderr, built.stderr
            failed.add(f"content/p{number}.md")
    assert failed == said
    assert bool(failed) == (config != "none")


@needs_hugo
@pytest.mark.parametrize("key", ["draft", "Draft"])
def test_a_draft_s_destinations_fail_no_production_build(tmp_path: Path, key: str) -> None:
    """Axway's `draft: true` release notes hold `[x]([https://…])`: Hugo renders no draft in a production build,
    which succeeds (`hugo -D` fails on it); the bracketed URL is still reported, without the claim."""
    assert HUGO is not None
    paths = hooks_site(tmp_path, "two languages")
    draft = Path(paths[12])
    draft.write_text(draft.read_text().replace("title: P", f"title: P\n{key}: true"))
    (line,) = [line for line in findings(tmp_path, [str(draft)])]
    assert line == (
        "content/p12.md:6:5-25 MKD002 link destination in brackets, which are part of the URL (a relative path): "
        "`[https://b.example/]`"
    )
    for other in paths[:12] + paths[13:]:
        os.remove(other)
    build = [HUGO, "-d", "public"]
    assert subprocess.run(build, cwd=tmp_path, env=_quiet_env(), capture_output=True, check=False).returncode == 0
    drafts = subprocess.run([*build, "-D"], cwd=tmp_path, env=_quiet_env(), capture_output=True, text=True, check=False)
    assert drafts.returncode != 0 and "error calling Parse" in drafts.stderr

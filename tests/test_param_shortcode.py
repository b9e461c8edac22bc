"""SITE008 and Hugo's embedded `param` shortcode: a name the page, its sections' cascades and the site's parameters
give no true value stops the build ("Param %q not found"), judged by Hugo's own build (0.168) where it is installed."""

from __future__ import annotations

import pytest
from test_broken_shortcodes import TEMPLATES, _hugo_error
from test_site_rules import needs_hugo, page, site_findings, write

CONFIG = """baseURL = "https://example.org/"
[params]
a = "x"
f = false
e = ""
zero = 0
list = []
[params.m]
k = "v"
[languages.en]
weight = 1
[languages.en.params]
lang_only = "yes"
"""
HOME = page('title: "Home"', "cascade:", '  c: "y"', "  cm:", '    k: "w"', body="")
FRONT = ('title: "A"', "o: 1", "z: 0", "n:", "params:", '  under: "u"', "vers:", '  otel: "1.2"')
BASE = {**TEMPLATES, "hugo.toml": CONFIG, "content/_index.md": HOME}
FOUND = ["a", "m.k", "m", "c", "cm.k", "o", "title", "under", "vers.otel", "lang_only", "A", "Vers.Otel"]
NOT_FOUND = ["nope", "f", "e", "zero", "list", "m.z", "z", "n", "vers.x"]


def _findings(root) -> list[str]:
    return [line for line in site_findings(root) if " SITE008 " in line]


@needs_hugo
@pytest.mark.parametrize("name", FOUND + NOT_FOUND)
def test_param_findings_are_where_hugos_build_fails(tmp_path, name):
    write(tmp_path, {**BASE, "content/a.md": page(*FRONT, body=f'Text {{{{< param "{name}" >}}}}\n')})
    expected = None if name in FOUND else "12:6"
    assert _hugo_error(tmp_path) == expected
    assert [line.split(":", 1)[1].split("-")[0] for line in _findings(tmp_path)] == ([expected] if expected else [])


def test_a_param_not_found_is_reported_with_its_range_after_cjk_and_an_emoji(tmp_path):
    body = '文字 😀 {{% param nope %}}\r\n\r\n{{< param `a` >}} {{< param "Nope.Deep" >}}\r\n'
    write(tmp_path, {**BASE, "content/a.md": "\ufeff" + page('title: "A"', body=body).replace("\n", "\r\n")})
    assert _findings(tmp_path) == [
        "content/a.md:5:6-5:24 SITE008 the `param` shortcode finds no value for `nope` (none in the page's front "
        "matter, its sections' `cascade` or the site's `params`; `false`, `0` and empty values count as none): "
        'Hugo fails the build (Param "nope" not found)',
        "content/a.md:7:19-7:44 SITE008 the `param` shortcode finds no value for `nope.deep` (none in the page's "
        "front matter, its sections' `cascade` or the site's `params`; `false`, `0` and empty values count as "
        'none): Hugo fails the build (Param "nope.deep" not found)',
    ]


def test_a_param_is_found_in_a_themes_params_and_a_languages_params_file(tmp_path):
    body = "{{< param from_theme >}} {{< param site_wins >}} {{< param from_file >}} {{< param gone >}}\n"
    write(
        tmp_path,
        {
            **TEMPLATES,
            "config/_default/hugo.toml": 'theme = "t"\n[params]\nsite_wins = "s"\n',
            "config/_default/params.en.toml": 'from_file = "f"\n',
            "themes/t/hugo.toml": '[params]\nfrom_theme = "t"\nsite_wins = ""\n',
            "themes/t/layouts/_partials/x.html": "x",
            "content/a.md": page('title: "A"', body=body),
        },
    )
    assert [line.split(" SITE008 ")[0] for line in _findings(tmp_path)] == ["content/a.md:5:74-5:92"]


@pytest.mark.parametrize(
    "files",
    [
        {"hugo.toml": 'theme = "gone"\n'},  # (its theme's parameters are not here)
        {"config/_default/hugo.toml": "", "config/_default/.gitignore": "module.yaml\n"},  # (a build step writes one)
        {"layouts/_shortcodes/param.html": "{{ .Get 0 }}"},  # (the site's own `param`)
        {"content/_index.md": page('title: "H"', "cascade:", "  - _target:", "      path: /a", "    nope: 1")},
    ],
)
def test_a_param_is_not_judged_where_its_value_may_come_from_elsewhere(tmp_path, files):
    write(tmp_path, {**TEMPLATES, **files, "content/a.md": page('title: "A"', body="{{< param nope >}}\n")})
    assert _findings(tmp_path) == []


def test_a_page_hugo_does_not_build_is_not_judged_and_an_edited_page_of_a_kept_site_is(tmp_path):
    write(
        tmp_path,
        {
            **BASE,
            "content/draft.md": page('title: "D"', "draft: true", body="{{< param nope >}}\n"),
            "content/headless.md": page('title: "H"', "build:", "  render: never", body="{{< param nope >}}\n"),
            "content/a.md": page('title: "A"', body="{{< param a >}}\n"),
        },
    )
    assert _findings(tmp_path) == []
    write(tmp_path, {"content/_index.md": page('title: "Home"', body="")})
    write(tmp_path, {"content/a.md": page('title: "A"', body="{{< param c >}}\n")})
    assert [line.split(" SITE008 ")[0] for line in _findings(tmp_path)] == ["content/a.md:5:1-5:16"]


@pytest.mark.parametrize(("version", "judged"), [(None, True), ("v0.12.0", True), ("v0.99.0", False)])
def test_a_known_theme_not_checked_out_gives_the_params_its_configuration_has_given(tmp_path, version, judged):
    """Docsy's configuration has given `github_repo` (`known_themes.json`): found; `nope` is given nowhere, unless
    `go.mod` pins a version the data does not cover."""
    config = '[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n'
    files = {"go.mod": f"module example.org/site\n\nrequire github.com/google/docsy {version}\n"} if version else {}
    body = "{{< param github_repo >}} {{< param nope >}}\n"
    write(tmp_path, {"hugo.toml": config, **files, "content/a.md": page('title: "A"', body=body)})
    assert [line.split(" SITE008 ")[0] for line in _findings(tmp_path)] == (
        ["content/a.md:5:27-5:45"] if judged else []
    )


def test_a_pre_commit_run_over_edited_files_of_a_kept_site_judges_their_params(tmp_path):
    """The site's findings kept by a whole run; then a page edited to ask for a name given nowhere, and the section's
    cascade that gives another name edited away: a run over those files alone reports both, as a whole run does."""
    from fmlint.cache import ResultCache

    files = {f"content/s/p{n}.md": page(f'title: "P{n}"', body="{{< param d >}}\n") for n in range(5)}
    section = page('title: "S"', "cascade:", '  d: "y"', body="")
    write(tmp_path, {**BASE, **files, "content/s/_index.md": section})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert _findings(tmp_path) == [] and site_findings(tmp_path, cache=cache) == []
    write(tmp_path, {"content/s/p1.md": page('title: "P1"', body="{{< param nope >}}\n")})
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path, ["content/s/p1.md"], cache)] == [
        "content/s/p1.md:5:1-5:19"
    ]
    write(tmp_path, {"content/s/_index.md": page('title: "S"', body="")})
    run = ["content/s/_index.md", "content/s/p1.md"]
    whole = [f"content/s/p{n}.md:5:1-5:{19 if n == 1 else 16}" for n in range(5)]
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path, run, cache)] == whole[1:2]
    assert [line.split(" SITE008 ")[0] for line in site_findings(tmp_path, cache=cache)] == whole

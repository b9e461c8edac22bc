"""Hugo's ``param`` shortcode in a link's destination (``fmlint.site.params``): the value the page, its sections'
cascades or the configuration give it is written in and the link judged — Hugo's build is the oracle."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fmlint.cli import main
from fmlint.site.params import cascade_params, own_params, param_names, with_params
from tests.test_site_rules import HUGO, hugo_build, needs_hugo, page, write

GUIDE_LINKS = [  # (as written, whether Hugo's build has the page and ID it leads to)
    "[a](</docs/{{% param version %}}/setup/>)",  # the section's cascade: v1
    "[b](</docs/{{% param version %}}/missing/>)",
    "[c](</docs/{{< param mine >}}/setup/>)",  # the page's own: v2
    '[d](</docs/{{< param "Mine" >}}/nope/>)',  # any letter case
    "[e](</docs/{{% param latest %}}/setup/>)",  # the site's: v9
    "[f](</docs/{{% param version %}}/setup/#install>)",
    "[g](</docs/{{% param version %}}/setup/#nope>)",
    "[h](</docs/{{% param maybe %}}/setup/>)",  # a targeted cascade gives it: not judged
    "[i](</docs/{{% param vers.core %}}/setup/>)",  # a dotted name: v2
    "[j](<https://github.com/o/r/blob/{{% param version %}}/README.md>)",  # another host's: not judged
]
GUIDE_LINE = " ".join(GUIDE_LINKS)
SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n[params]\nlatest = "v9"\n[params.vers]\ncore = "v2"\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "content/docs/_index.md": page(
        'title: "Docs"', "cascade:", '  - params: {maybe: "v1"}', "    target: {path: /docs/v1/**}"
    ),
    "content/docs/v1/_index.md": page('title: "V1"', "cascade:", "  version: v1"),
    "content/docs/v2/_index.md": page('title: "V2"', "cascade:", "  params:", "    version: v2"),
    "content/docs/v1/setup.md": page('title: "Setup"', body="## Install\n"),
    "content/docs/v2/setup.md": page('title: "Setup"', body="## Install\n"),
    "content/docs/v1/guide.md": page('title: "Guide"', "params:", "  mine: v2", body=GUIDE_LINE + "\n"),
}
LINE = SITE["content/docs/v1/guide.md"].splitlines().index(GUIDE_LINE) + 1


def destination(link: str) -> str:
    found = re.search(r"\(<(.*)>\)", link)
    assert found is not None
    return found.group(1)


def test_the_values_written_in() -> None:
    assert param_names("/docs/{{% param version %}}/{{< param `A.b` >}}/") == ["version", "a.b"]
    values = {"version": "v1", "a.b": "1.76"}
    assert with_params("/docs/{{% param version %}}/{{< param `A.b` >}}/", values.get) == "/docs/v1/1.76/"
    assert with_params("/docs/{{% param nowhere %}}/", values.get) is None  # (Hugo fails the build: not judged)
    assert with_params("/docs/{{% param version %}}/{{< other >}}/", values.get) is None
    assert with_params("/docs/{{< ref x >}}", values.get) is None
    assert own_params(
        {"Version": 1.5, "params": {"Vers": {"core": 3}}, "on": True}, ["version", "vers.core", "on"]
    ) == {
        "version": "1.5",
        "vers.core": "3",
    }
    assert own_params({"v": 2.0}, ["v"]) == {"v": "2"}  # (Go prints a float without its `.0`)
    given, unknown = cascade_params([{"a": "x", "params": {"b": 1}, "build": {"render": "never"}}, {"c": True}])
    assert (given, unknown) == ({"a": "x", "b": "1"}, ["c"])
    assert cascade_params({"target": {"path": "/x/**"}, "params": {"d": "y"}}) == ({}, ["d"])


def lint(capsys: pytest.CaptureFixture[str], root: Path) -> list[tuple[int, int, str, str]]:
    main(["--isolated", "--no-cache", "--select", "SITE", "--format", "json", str(root / "content")])
    return [(d["line"], d["column"], d["code"], d["message"]) for d in json.loads(capsys.readouterr().out)]


def test_each_param_in_a_link_is_written_in_and_the_link_judged(tmp_path, capsys):
    write(tmp_path, SITE)
    found = lint(capsys, tmp_path)

    def at(link: str) -> int:
        return GUIDE_LINE.index(destination(link)) + 1

    b, d, e, g = GUIDE_LINKS[1], GUIDE_LINKS[3], GUIDE_LINKS[4], GUIDE_LINKS[6]
    assert [(line, column, code) for line, column, code, _ in found] == [
        (LINE, at(b), "SITE003"),
        (LINE, at(d), "SITE003"),
        (LINE, at(e), "SITE003"),
        (LINE, at(g), "SITE004"),
    ]
    messages = [message for *_, message in found]
    assert messages[0].startswith(
        "`/docs/{{% param version %}}/missing/` is `/docs/v1/missing/` (its `param` shortcodes' values): "
    )
    assert "`/docs/v2/nope/`" in messages[1] and "`/docs/v9/setup/`" in messages[2]
    assert messages[3].endswith("`#nope` is not a heading ID of `" + str(tmp_path / "content/docs/v1/setup.md`"))


def test_a_param_link_in_code_or_a_comment_is_no_link(tmp_path, capsys):
    body = (
        "Write `[x](/docs/{{< param version >}}/nope/)` so.\n\n"
        "```md\n[x](/docs/{{< param version >}}/nope/)\n```\n\n"
        "<!-- [x](/docs/{{< param version >}}/nope/) -->\n"
    )
    write(tmp_path, {**SITE, "content/docs/v1/guide.md": page('title: "Guide"', body=body)})
    assert lint(capsys, tmp_path) == []


def test_a_site_with_its_own_param_shortcode_is_not_judged(tmp_path, capsys):
    write(tmp_path, {**SITE, "layouts/_shortcodes/param.html": "{{ .Get 0 }}"})
    assert lint(capsys, tmp_path) == []


@needs_hugo
def test_hugo_writes_the_links_as_judged(tmp_path, capsys):
    write(tmp_path, SITE)
    assert HUGO is not None
    built = (hugo_build(tmp_path) / "docs/v1/guide/index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', built)
    assert hrefs == [
        "/docs/v1/setup/",
        "/docs/v1/missing/",
        "/docs/v2/setup/",
        "/docs/v2/nope/",
        "/docs/v9/setup/",
        "/docs/v1/setup/#install",
        "/docs/v1/setup/#nope",
        "/docs/v1/setup/",  # (the targeted cascade's value)
        "/docs/v2/setup/",
        "https://github.com/o/r/blob/v1/README.md",
    ]
    reported = {1, 3, 4, 6}  # (b, d, e, g)
    for number, href in enumerate(hrefs[:-1]):  # (the last, another host's, leads to nothing of the site)
        path, _, fragment = href.partition("#")
        target = tmp_path / "public" / path.strip("/") / "index.html"
        works = target.is_file() and (not fragment or f'id="{fragment}"' in target.read_text(encoding="utf-8"))
        assert works == (number not in reported), href

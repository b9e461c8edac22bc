"""FM009: valid YAML that Hugo 0.152 and later cannot read (``fmlint.frontmatter.hugo_yaml``), with Hugo as the
oracle: each case is built by Hugo 0.168, whose build fails exactly where fmlint reports."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fmlint.document import read_document
from fmlint.fix.apply import fix_document
from tests.support import check, lint, located, settings_with
from tests.test_site_rules import HUGO, _quiet_env, needs_hugo, write

# the front matter after `title: t`; whether Hugo 0.168 fails on it (checked by the oracle test below)
CASES = {
    "indented list, blank line": ("list:\n  - a: |\n\n  - a: b\n", True),
    "indented list, the scalar a second key": ("list:\n  - z: x\n    a: |\n\n  - a: b\n", True),
    "indented list, a scalar item": ("list:\n  - |\n\n  - b\n", True),
    "indented list, strip and folded": ("list:\n  - a: |-\n\n  - a: >\n\n  - a: b\n", True),
    "indented list, a line of spaces": ("list:\n  - a: |\n  \n  - a: b\n", True),
    "indented list, two blank lines": ("list:\n  - a: |\n\n\n  - a: b\n", True),
    "indented list, keep": ("list:\n  - a: |+\n\n  - a: b\n", True),
    "deeper list, indented": ("top:\n  sub:\n    list:\n      - a: |\n\n      - a: b\n", True),
    "list at its key's column, next item of two keys": ("list:\n- a: |\n\n- a: b\n  c: d\n", True),
    "list at its key's column in a list item (3mdeb)": (
        "all:\n  - year: x\n    events:\n    - title: a\n      info: |\n\n    - title: b\n      status: c\n",
        True,
    ),
    # near misses: Hugo reads them
    "list at its key's column, next item of one key": ("list:\n- a: |\n\n- a: b\n", False),
    "list at its key's column, next item a map of one key": ("list:\n- a: |\n\n- a:\n    b: 1\n", False),
    "no blank line": ("list:\n  - a: |\n  - a: b\n", False),
    "a comment instead": ("list:\n  - a: |\n  # c\n  - a: b\n", False),
    "the scalar has text": ("list:\n  - a: |\n      t\n\n  - a: b\n", False),
    "the last item": ("list:\n  - a: b\n  - a: |\n\nx: 1\n", False),
    "an empty value": ("list:\n  - a:\n\n  - a: b\n", False),
    "an empty string": ("list:\n  - a: ''\n\n  - a: b\n", False),
    "a mapping": ("m:\n  a: |\n\n  b: 1\n", False),
    "the scalar not last in its item": ("list:\n  - a: |\n\n    b: 1\n  - a: b\n", False),
}


def article(front_matter: str, newline: str = "\n") -> str:
    return f"---\ntitle: t\n{front_matter}---\nx\n".replace("\n", newline)


def hugo_fails(root: Path, front_matter: str) -> bool:
    write(root, {"hugo.toml": 'baseURL = "https://x.test/"\n', "content/a.md": article(front_matter)})
    done = subprocess.run(
        [HUGO, "list", "all"], check=False, cwd=root, capture_output=True, text=True, env=_quiet_env()
    )
    return done.returncode != 0


@needs_hugo
@pytest.mark.parametrize("name", CASES)
def test_fmlint_reports_what_hugo_cannot_read(tmp_path, name):
    front_matter, fails = CASES[name]
    assert hugo_fails(tmp_path, front_matter) == fails
    assert bool([d for d in lint(article(front_matter), preset="hugo") if d.code == "FM009"]) == fails


@pytest.mark.parametrize("name", CASES)
def test_the_cases_without_hugo(name):
    front_matter, fails = CASES[name]
    assert bool([d for d in lint(article(front_matter), preset="hugo") if d.code == "FM009"]) == fails


def test_positions_at_the_indicator_after_cjk_with_crlf_and_the_line_hugo_stops_at():
    source = article("列表:\n  - 标题 🙂: >-\n  \n  - a: b\n", "\r\n")
    (found,) = [d for d in lint(source, preset="hugo") if d.code == "FM009"]
    assert (found.line, found.column, found.end_column) == (4, 11, 13)  # (columns in characters: the emoji is one)
    assert found.message == (
        "Hugo 0.152 and later cannot read this YAML: an empty `>-` ends a list item before a blank line"
        " and the next item (line 6), which its parser fails on"
    )
    check(article("list:\n  - a: |\n\n  - a: b\n"), [(4, 8, "FM009")], schema=None, preset="hugo")


@pytest.mark.parametrize("preset", ["jekyll", "docusaurus", "mkdocs-material"])
def test_other_generators_read_it(preset):
    assert "FM009" not in [
        code for _, _, code in located(lint(article(CASES["indented list, blank line"][0]), preset=preset))
    ]


@pytest.mark.parametrize("pin, reported", [("0.111.3", False), ("0.151.0", False), ("0.152.0", True), ("", True)])
def test_a_site_pinning_an_older_hugo_is_not_told(tmp_path, monkeypatch, pin, reported):
    """3mdeb's website pins Hugo 0.111.3 (a workflow's `hugo-version`): its `additional_info: |` builds there."""
    workflow = f'jobs:\n  build:\n    steps:\n      - with:\n          hugo-version: "{pin}"\n' if pin else ""
    write(
        tmp_path,
        {
            "hugo.toml": "",
            ".github/workflows/deploy.yml": workflow,
            "content/a.md": article(CASES["indented list, blank line"][0]),
        },
    )
    monkeypatch.chdir(tmp_path)
    from fmlint.site.config import forget_sites

    forget_sites()
    found = [
        d for d in lint(Path("content/a.md").read_bytes(), preset="hugo", path="content/a.md") if d.code == "FM009"
    ]
    assert bool(found) == reported
    if found and pin:
        assert found[0].message.startswith("Hugo 0.152 cannot read")
    forget_sites()


@needs_hugo
def test_the_fix_keeps_the_value_and_hugo_reads_it(tmp_path):
    source = article(CASES["indented list, the scalar a second key"][0], "\r\n").encode()
    outcome = fix_document(read_document("post.md", source), settings_with(preset="hugo"), lambda d: d.code == "FM009")
    written = 'list:\n  - z: x\n    a: ""\n\n  - a: b\n'
    assert outcome.encoded(source) == article(written, "\r\n").encode()
    assert not hugo_fails(tmp_path, written)
    kept = lint(article(CASES["indented list, keep"][0]), preset="hugo")
    assert next(d for d in kept if d.code == "FM009").fix is None  # (`|+` is a line break)


def test_front_matter_read_no_further_is_no_crash():
    """A list nested deeper than fmlint reads (a merge key beside it) leaves locations without data: the
    property test's mutated article, which crashed the check."""
    source = MUTATED
    assert not [d for d in lint(source, preset="hugo") if d.code in ("FM009", "X001")]


MUTATED = '---\ntitle: "Hello, wörld 日本"\ntitle: "Hello, wörld 日本"\ndate: 2025-02-07T11:51:26+01:00\ndraft: false\ntags: [news, \'ai\']\nbase: &b {toc: true}\nimages: [https://example.com/i.png]\nparams:\n  <<: *b\n  cover:\n    image: /img/a.png\n    alt: "A cover"\n  list:\n  - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -   - two: 2\nsummary: |\n  Several\n  lines.\n---\n## A heading\n\nText with ![an image](/img/b.png "t") and [a link](https://example.com/a), 日本語 *too*.\n\n<img src="https://example.com/c.png" alt="c">\n\n![ref image][r] and [a ref link][r].\n\n- a list\n  - nested, with **bold**\n\n```python\nprint(\'code\')\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<!-- fmlint-disable-next-line MD045 -->\n<img src="https://example.com/d.png">\n\n[r]: https://example.com/r.png\n'

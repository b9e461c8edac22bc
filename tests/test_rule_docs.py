"""Rule documentation that is tested: sections, failing and passing examples, README table.

Every rule's doc has the sections ``## What it does``, ``## Why is this bad?``
and ``## Example``.  The first ```markdown (or ````markdown) block of the
Example is a complete article; linted it must produce the rule's code.  The
block after "Use instead:" (required) must not.  Each article is
linted as a file in a Hugo site (``hugo.toml`` at its root), named like a
Jekyll post (``2025-02-07-price-cuts.md``, which the file-name date rule
reads), with every rule enabled, inline schemas allowed, the default
``hugo-article`` schema, and the options in ``EXAMPLE_OPTIONS`` (an image-host
deny-list, which is empty by default); with the preset of
``EXAMPLE_PRESETS`` for a rule that Hugo's reading never triggers.

Some rules cannot be shown by a text article; they are listed in
``NOT_A_TEXT_ARTICLE`` with the reason, and their Example must show a
``console`` session instead.  The list is checked too: an entry must name a
real rule that has no markdown example.
"""

import re
from pathlib import Path

import msgspec
import pytest

from fmlint.config.settings import Settings
from fmlint.rule_docs import END_MARKER, START_MARKER, render, with_rule_table
from fmlint.rules import CHECKERS, RULES_BY_CODE
from fmlint.rules.base import DOC_SECTIONS
from fmlint.runner import run
from fmlint.schema.loader import load_schema

README = Path(__file__).resolve().parents[1] / "README.md"

NOT_A_TEXT_ARTICLE = {
    "FL001": "needs a file that cannot be read (permissions, a directory named .md)",
    "FL002": "needs bytes that are not UTF-8, which a text block cannot hold",
    "FL003": "needs a binary or UTF-16 file",
    "FL006": "needs --fix and a file that cannot be written",
    "FL004": "needs a file over the size limit",
    "FL005": "needs a line nesting over 1,000 lists in a body over 100 kB",
    "X001": "needs a bug in a rule",
    "SC007": "two entries of an Astro collection: needs a project (tests/test_declared_schemas.py builds one)",
    **{
        f"SITE00{n}": "a site-level finding: needs several files (tests/test_site_rules.py builds real sites)"
        for n in range(1, 7)
    },  # (SITE007 needs one article: its example runs the site pass)
    **{f"URL00{n}": "reported by the online pass (--check-urls): needs a server's answer" for n in range(1, 6)},
}

EXAMPLE_OPTIONS = {"images": {"denied-hosts": ["i.imgur.com"]}}
EXAMPLE_PRESETS = {
    "FM007": "jekyll",
    "FM008": "jekyll",
    "MKD005": "starlight",
}  # (Hugo reads front matter after blank lines)
EXAMPLE_FILE_NAME = "2025-02-07-price-cuts.md"
EXAMPLE_FILE_NAMES = {"MKD005": "2025-02-07-price-cuts.mdx"}  # (an MDX rule)
DOC_SETTINGS = Settings(
    schema=load_schema("hugo-article"),
    enabled_codes=frozenset(RULES_BY_CODE),
    allow_inline_schema=True,
    rule_options=EXAMPLE_OPTIONS,
)
_FENCE = re.compile(r"^(?P<fence>`{3,})(?P<info>[\w-]*)[ \t]*\n", re.MULTILINE)


def fenced_blocks(text: str):
    """(info string, content, end offset) of each fenced block, in order."""
    position = 0
    while (opening := _FENCE.search(text, position)) is not None:
        closing = re.compile(rf"^{opening['fence']}[ \t]*$", re.MULTILINE).search(text, opening.end())
        end = closing.start() if closing else len(text)
        yield opening["info"], opening.start(), text[opening.end() : end]
        position = closing.end() if closing else len(text)


def examples(doc: str):
    """(failing article, passing article or None) from the Example section."""
    start = doc.index("## Example")
    blocks = [(begin, body) for info, begin, body in fenced_blocks(doc) if begin > start and info == "markdown"]
    if not blocks:
        return None, None
    failing = blocks[0][1]
    later = [body for begin, body in blocks[1:] if "Use instead" in doc[start:begin]]
    return failing, later[0] if later else None


def codes(article: str, folder: Path, code: str) -> list[str]:
    path = folder / "content" / "posts" / EXAMPLE_FILE_NAMES.get(code, EXAMPLE_FILE_NAME)
    path.parent.mkdir(parents=True)
    (folder / "hugo.toml").write_text("", encoding="utf-8")
    path.write_text(article, encoding="utf-8")
    settings = msgspec.structs.replace(DOC_SETTINGS, preset=EXAMPLE_PRESETS.get(code, DOC_SETTINGS.preset))
    return [d.code for d in run([str(path)], lambda _: settings, jobs=1).diagnostics]  # (the site pass too)


@pytest.mark.parametrize("code", sorted(RULES_BY_CODE))
def test_doc_has_the_sections_in_order(code):
    doc = RULES_BY_CODE[code].doc
    positions = [doc.find(section) for section in DOC_SECTIONS]
    assert -1 not in positions and positions == sorted(positions), f"{code}: needs {DOC_SECTIONS} in order"


@pytest.mark.parametrize("code", sorted(RULES_BY_CODE))
def test_failing_example_produces_the_code(code, tmp_path):
    failing, passing = examples(RULES_BY_CODE[code].doc)
    if code in NOT_A_TEXT_ARTICLE:
        assert failing is None, f"{code} has a markdown example: remove it from NOT_A_TEXT_ARTICLE"
        assert any(info == "console" for info, _, _ in fenced_blocks(RULES_BY_CODE[code].doc))
        return
    assert failing is not None, f"{code}: the Example needs a ```markdown article"
    assert passing is not None, f'{code}: the Example needs a "Use instead:" article'
    assert code in codes(failing, tmp_path / "failing", code)
    assert code not in codes(passing, tmp_path / "passing", code)


def test_exemptions_name_real_rules():
    assert set(NOT_A_TEXT_ARTICLE) <= set(RULES_BY_CODE)


def test_readme_rule_table_is_current():
    readme = README.read_text(encoding="utf-8")
    assert START_MARKER in readme and END_MARKER in readme
    assert readme == with_rule_table(readme), "README rule table is stale: run `python -m fmlint.rule_docs README.md`"


@pytest.mark.parametrize("checker", CHECKERS, ids=lambda checker: checker.name)
def test_rule_page_shows_where_options_go_and_their_defaults(checker):
    for rule in checker.rules:
        page = render(rule)
        assert page.startswith(f"# {rule.name} ({rule.code})\n")
        table = f"[tool.fmlint.rules.{checker.name}]"
        assert (table in page) == any(value is not None for value in checker.options.values())
        for name, value in checker.options.items():
            if value is not None:
                assert f"\n{name} = " in page

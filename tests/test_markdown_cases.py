"""The marked-up Markdown cases in ``markdown_cases/`` (markdownlint style).

Each case is a complete article. A line that ends with an
``<!-- expect: CODE[, CODE] -->`` comment must get exactly those findings; an
``<!-- expect-next-line: CODE -->`` comment expects them on the next line (for
lines that cannot carry a comment, like a code fence). Every other line must
get none. All rules are enabled, with a permissive schema unless the case's
front matter needs the bundled one (it is always applied; the cases give a title).
"""

import re
from pathlib import Path

import pytest
from support import lint, located

from fmlint.rules import RULES_BY_CODE

CASES = sorted((Path(__file__).parent / "markdown_cases").glob("*.md"))
_EXPECT = re.compile(r"<!-- expect(-next-line)?: ([A-Z0-9, ]+) -->")


def expected(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _EXPECT.finditer(line):
            target = number + 1 if match.group(1) else number
            found += [(target, code) for code in re.split(r"[,\s]+", match.group(2).strip())]
    return sorted(found)


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_case(case):
    source = case.read_text(encoding="utf-8")
    diagnostics = lint(source, path=case.name, enabled_codes=frozenset(RULES_BY_CODE))
    assert sorted((line, code) for line, _, code in located(diagnostics)) == expected(source), "\n".join(
        f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics
    )


# rules whose cases cannot be written here, with where they are tested
NO_CASE = {"MKD005": "an MDX rule, and MDX has no HTML comments for the marks: tests/test_mdx.py"}


def test_there_are_cases_for_every_markdown_rule():
    codes = {code for case in CASES for _, code in expected(case.read_text(encoding="utf-8"))}
    assert {code for code in RULES_BY_CODE if code.startswith(("MD", "MKD", "SUP"))} - set(NO_CASE) <= codes
    assert set(NO_CASE) <= set(RULES_BY_CODE) - codes

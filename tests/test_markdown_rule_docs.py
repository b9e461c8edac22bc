"""Every Markdown and suppression rule's documented example does what it says.

The ``## Example`` article must produce the rule's code and the ``Use instead``
article must give no finding at all (with that rule enabled, whether or not it is on by default).
"""

import re

import pytest

from fmlint.rules import RULES_BY_CODE
from support import lint

RULES = sorted((rule for rule in RULES_BY_CODE.values() if rule.code.startswith(("MD", "SUP"))), key=lambda r: r.code)
_ARTICLE = re.compile(r"^(`{3,})markdown\n(.*?)^\1$", re.MULTILINE | re.DOTALL)
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "Use instead:")


def articles(doc: str) -> tuple[str, str]:
    example = doc[doc.index("## Example") :]
    failing, passing = _ARTICLE.findall(example)[:2]
    return failing[1], passing[1]


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_example_fails_and_fix_passes(rule):
    assert all(section in rule.doc for section in SECTIONS)
    failing, passing = articles(rule.doc)
    enabled = frozenset(code for code, other in RULES_BY_CODE.items() if other.enabled) | {rule.code}
    assert rule.code in {d.code for d in lint(failing, enabled_codes=enabled)}
    assert lint(passing, enabled_codes=enabled) == []

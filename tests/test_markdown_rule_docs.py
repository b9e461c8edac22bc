"""The Markdown and suppression rules' "Use instead" articles are clean of every finding.

``test_rule_docs`` checks every rule's sections and that its examples give or
avoid its own code; these articles must also give no other default finding
(with the rule enabled, whether or not it is on by default), so that they can
be copied as they are.
"""

import re

import pytest
from support import lint

from fmlint.rules import RULES_BY_CODE

RULES = sorted(
    (rule for rule in RULES_BY_CODE.values() if rule.code.startswith(("MD", "MKD", "SUP"))), key=lambda r: r.code
)
_ARTICLE = re.compile(r"^(`{3,})markdown\n(.*?)^\1$", re.MULTILINE | re.DOTALL)


def articles(doc: str) -> tuple[str, str]:
    """The failing and the passing article of the Example section."""
    example = doc[doc.index("## Example") :]
    failing, passing = _ARTICLE.findall(example)[:2]
    return failing[1], passing[1]


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_fix_has_no_finding_at_all(rule):
    _, passing = articles(rule.doc)
    enabled = frozenset(code for code, other in RULES_BY_CODE.items() if other.enabled) | {rule.code}
    assert lint(passing, enabled_codes=enabled) == []

"""``fmlint rules`` (the list) and ``fmlint rule CODE`` (one rule's documentation)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from fmlint.rules import RULES_BY_CODE, Rule, find_rule


def render(rule: Rule) -> str:
    status = "enabled" if rule.enabled else "disabled"
    header = f"# {rule.name} ({rule.code})\n\n{rule.summary}\n\nDefault severity: {rule.severity}; {status} by default.\n"
    return f"{header}\n{rule.doc.strip()}\n"


def rule_table() -> str:
    rows = ["| code | name | severity | default | summary |", "| --- | --- | --- | --- | --- |"]
    for rule in sorted(RULES_BY_CODE.values(), key=lambda r: r.code):
        default = "on" if rule.enabled else "off"
        rows.append(f"| {rule.code} | {rule.name} | {rule.severity} | {default} | {rule.summary} |")
    return "\n".join(rows) + "\n"


def main(args: Sequence[str]) -> int:
    if args[0] == "rules":
        sys.stdout.write(rule_table())
        return 0
    if len(args) != 2:
        print("usage: fmlint rule CODE", file=sys.stderr)
        return 2
    rule = find_rule(args[1])
    if rule is None:
        print(f"fmlint: error: unknown rule {args[1]!r}; `fmlint rules` lists them", file=sys.stderr)
        return 2
    sys.stdout.write(render(rule))
    return 0

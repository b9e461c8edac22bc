"""``fmlint rules`` (the list) and ``fmlint rule CODE`` (one rule's documentation).

The README's rule table is generated from the same registry: ``fmlint rules
--markdown`` prints it, and ``python -m fmlint.rule_docs README.md`` rewrites
the part of the README between the ``rules:start`` and ``rules:end`` markers (a
test fails when the README is stale).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from fmlint.rules import CHECKERS, RULES_BY_CODE, Rule, find_rule

START_MARKER, END_MARKER = "<!-- rules:start -->", "<!-- rules:end -->"


def _rules() -> list[Rule]:
    return sorted(RULES_BY_CODE.values(), key=lambda r: r.code)


def render(rule: Rule) -> str:
    """The rule's documentation, then its options' defaults and where they go."""
    status = "enabled" if rule.enabled else "disabled"
    header = (
        f"# {rule.name} ({rule.code})\n\n{rule.summary}\n\nDefault severity: {rule.severity}; {status} by default.\n"
        f"Fix: {rule.fix}\n"
    )
    return f"{header}\n{rule.doc.strip()}\n{_option_defaults(rule)}"


def _option_defaults(rule: Rule) -> str:
    checker = next(checker for checker in CHECKERS if rule in checker.rules)
    defaults = {name: value for name, value in checker.options.items() if value is not None}
    if not defaults:
        return ""
    lines = "".join(
        f"{name} = {json.dumps(list(value) if isinstance(value, tuple) else value)}\n"
        for name, value in defaults.items()
    )
    return f"\nOptions go under `[tool.fmlint.rules.{checker.name}]`; the defaults:\n```toml\n{lines}```\n"


def rule_list() -> str:
    """One line per rule, aligned, for a terminal."""
    rules = _rules()
    code_width, width = max(len(rule.code) for rule in rules), max(len(rule.name) for rule in rules)
    return "".join(
        f"{rule.code:<{code_width + 1}}{rule.name:<{width + 2}}{rule.severity!s:<9}{'on ' if rule.enabled else 'off'}  {rule.summary}\n"
        for rule in rules
    )


def rule_table() -> str:
    """The Markdown table of every rule (the README's rule table)."""
    rows = ["| code | name | severity | default | fix | summary |", "| --- | --- | --- | --- | --- | --- |"]
    for rule in _rules():
        default = "on" if rule.enabled else "off"
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| {rule.code} | {rule.name} | {rule.severity} | {default} | {rule.fix} | {summary} |")
    return "\n".join(rows) + "\n"


def with_rule_table(readme: str) -> str:
    """``readme`` with the text between the markers replaced by the current table."""
    start, end = readme.index(START_MARKER) + len(START_MARKER), readme.index(END_MARKER)
    return f"{readme[:start]}\n{rule_table()}{readme[end:]}"


def main(args: Sequence[str]) -> int:
    if args[0] == "rules":
        if args[1:] not in ([], ["--markdown"]):
            print("usage: fmlint rules [--markdown]", file=sys.stderr)
            return 2
        sys.stdout.write(rule_table() if args[1:] else rule_list())
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


if __name__ == "__main__":  # python -m fmlint.rule_docs README.md
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(with_rule_table(path.read_text(encoding="utf-8")), encoding="utf-8")

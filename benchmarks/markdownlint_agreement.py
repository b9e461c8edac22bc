"""fmlint against markdownlint's own test suite, for the rules both have.

    python benchmarks/markdownlint_agreement.py /work/fetched/markdownlint/test
    FMLINT_MARKDOWNLINT_SUITE=/path/to/markdownlint/test python benchmarks/markdownlint_agreement.py

The suite is markdownlint's ``test/*.md`` (from github.com/DavidAnson/markdownlint;
it is not part of this repository).  Each of its files marks the lines where
markdownlint must report a rule with ``{MDxxx}`` (or ``{MDxxx:N}``,
``{MDxxx:+N}``, ``{MDxxx:-N}`` for another line), read here as its test
harness (``test/markdownlint-test-scenarios.mjs``) reads them.  fmlint lints
each file with the shared rules enabled and no schema; a
``<!-- markdownlint-configure-file {…} -->`` comment is honoured where fmlint
has the same option (a front-matter title key) and the file is left out for
that rule where it sets one fmlint does not have (``single-title``'s
``level``).  fmlint's own markdownlint-comment support handles the
``markdownlint-disable…`` comments.

Per pair it prints precision and recall over the lines (markdownlint reports a
rule once per line), counting only the cases meant to agree: the intended
differences listed in ``INTENDED`` (each documented in the fmlint rule's
``Compared with markdownlint`` paragraph, with the file that shows it) are
listed apart.  Without the suite it says so and exits 0.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fmlint.config.settings import Settings
from fmlint.document import read_document
from fmlint.linter import lint_document

ENVIRONMENT = "FMLINT_MARKDOWNLINT_SUITE"
DEFAULT_SUITE = Path("/work/fetched/markdownlint/test")

# markdownlint's rule → fmlint's code, and the names markdownlint's configuration may use for it
PAIRS = {
    "MD001": ("MD001", ("heading-increment", "header-increment")),
    "MD025": ("MD025", ("single-title", "single-h1")),
    "MD036": ("MD036", ("no-emphasis-as-heading",)),
    "MD042": ("MD042", ("no-empty-links",)),
    "MD045": ("MD045", ("no-alt-text",)),
}
# the markdownlint options fmlint's rule module (named) also has
OPTIONS = {
    "MD001": ("heading-increment", ("front_matter_title",)),
    "MD025": ("single-title", ("front_matter_title",)),
    "MD036": ("no-emphasis-as-heading", ("punctuation",)),
}

_NOT_A_MAPPING = "the front matter is not a mapping of keys (`alternate=…` in YAML): fmlint finds no title key"
# (file, markdownlint rule, line): why fmlint intentionally differs there (see the rule's docs)
INTENDED: dict[tuple[str, str, int], str] = {
    ("heading_increment-alt_title_level3_bad.md", "MD001", 5): _NOT_A_MAPPING,
    ("front-matter-alt-title-h1.md", "MD025", 4): _NOT_A_MAPPING,
    ("hugo-quickstart-example-json.md", "MD025", 13): "invalid JSON front matter (a trailing comma): no title",
}

_MARKER = re.compile(r"\{(MD\d+)(?::([-+]?)(\d+))?\}")
_CONFIGURE = re.compile(r"<!--\s*markdownlint-configure-file\s*(\{.*?\})\s*-->", re.DOTALL)
_TITLE_PATTERN = re.compile(r"\^\\s\*\"?([\w-]+)\"?\\s\*[:=]|\^\\s\*([\w-]+)\\s\*\[:=\]|\^\\s\*([\w-]+)=")


@dataclass
class Tally:
    """One pair's lines: found by both, only by fmlint, only by markdownlint, and left out as intended."""

    agreed: int = 0
    extra: list[tuple[str, int]] = field(default_factory=list)  # fmlint only
    missed: list[tuple[str, int]] = field(default_factory=list)  # markdownlint only
    intended: list[tuple[str, int, str]] = field(default_factory=list)
    skipped_files: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.agreed + len(self.extra)
        return self.agreed / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.agreed + len(self.missed)
        return self.agreed / expected if expected else 1.0


def suite_folder(argument: str | None = None) -> Path | None:
    """The suite's folder: the argument, else the environment variable, else the usual fetch place."""
    folder = Path(argument or os.environ.get(ENVIRONMENT) or DEFAULT_SUITE)
    return folder if folder.is_dir() and any(folder.glob("*.md")) else None


def expected_lines(text: str) -> dict[str, set[int]]:
    """The ``{MDxxx}`` markers of a test file, as markdownlint's harness reads them."""
    found: dict[str, set[int]] = {}
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        for match in _MARKER.finditer(line):
            rule, sign, value = match.groups()
            target = number
            if value:
                target = number + (1 if sign == "+" else -1) * int(value) if sign else int(value)
            found.setdefault(rule, set()).add(target)
    return found


def configuration(text: str) -> dict[str, Any]:
    match = _CONFIGURE.search(text)
    if match is None:
        return {}
    try:
        found = json.loads(match.group(1))
    except json.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def rule_setting(config: dict[str, Any], rule: str) -> Any:
    """The file's setting for ``rule`` (by code or name); ``True`` when it is on with defaults."""
    for key in (rule, *PAIRS[rule][1]):
        for name, value in config.items():
            if name.lower() == key.lower():
                return value
    return config.get("default", True)


def title_key(pattern: Any) -> str | None:
    """fmlint's ``front_matter_title`` key for markdownlint's title pattern (``""`` turns it off)."""
    if pattern == "":
        return ""
    if not isinstance(pattern, str):
        return None
    match = _TITLE_PATTERN.match(pattern)
    return next((group for group in match.groups() if group), None) if match else None


def fmlint_option(name: str, value: Any) -> Any:
    """fmlint's value for markdownlint's option (None: none that means the same)."""
    if name == "front_matter_title":
        return title_key(value)
    return value if isinstance(value, str) else None


def fmlint_settings(config: dict[str, Any], rules: list[str]) -> Settings:
    options: dict[str, dict[str, Any]] = {}
    for rule in rules:
        setting = rule_setting(config, rule)
        if isinstance(setting, dict) and setting:
            module = OPTIONS[rule][0]
            options[module] = {name: fmlint_option(name, value) for name, value in setting.items()}
    return Settings(schema=None, enabled_codes=frozenset(PAIRS[rule][0] for rule in rules), rule_options=options)


def comparable(setting: Any, rule: str) -> str | None:
    """Why the file cannot be compared for ``rule`` (None: it can)."""
    if not isinstance(setting, dict):  # on, or off (markdownlint reports nothing; fmlint is not run for it)
        return None
    known = OPTIONS.get(rule, ("", ()))[1]
    unknown = sorted(name for name in setting if name not in known)
    if unknown:
        return f"sets {', '.join(unknown)}, which fmlint's rule does not have"
    unusable = sorted(name for name, value in setting.items() if fmlint_option(name, value) is None)
    if unusable:
        return f"sets {', '.join(unusable)} to a value fmlint's option cannot take"
    return None


def compare(suite: Path) -> dict[str, Tally]:
    tallies = {rule: Tally() for rule in PAIRS}
    for path in sorted(suite.glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = expected_lines(text)
        config = configuration(text)
        rules = []
        for rule in PAIRS:
            setting = rule_setting(config, rule)
            reason = comparable(setting, rule)
            if reason is not None:
                tallies[rule].skipped_files.append((path.name, reason))
            elif setting is not False:
                rules.append(rule)
        if not rules:
            continue
        diagnostics = lint_document(read_document(path.name, path.read_bytes()), fmlint_settings(config, rules))
        for rule in rules:
            code = PAIRS[rule][0]
            found = {d.line for d in diagnostics if d.code == code}
            _tally(tallies[rule], path.name, rule, found, expected.get(rule, set()))
    return tallies


def _tally(tally: Tally, name: str, rule: str, found: set[int], expected: set[int]) -> None:
    for line in sorted(found | expected):
        reason = INTENDED.get((name, rule, line))
        if reason is not None:
            tally.intended.append((name, line, reason))
        elif line in found and line in expected:
            tally.agreed += 1
        elif line in found:
            tally.extra.append((name, line))
        else:
            tally.missed.append((name, line))


def report(tallies: dict[str, Tally]) -> Iterator[str]:
    yield "| markdownlint | fmlint | agreed | fmlint only | markdownlint only | precision | recall | intended |"
    yield "|---|---|---|---|---|---|---|---|"
    for rule, tally in tallies.items():
        yield (
            f"| {rule} | {PAIRS[rule][0]} | {tally.agreed} | {len(tally.extra)} | {len(tally.missed)} "
            f"| {tally.precision:.1%} | {tally.recall:.1%} | {len(tally.intended)} |"
        )
    for rule, tally in tallies.items():
        rows = [
            *(f"  {name}:{line}: fmlint only" for name, line in tally.extra),
            *(f"  {name}:{line}: markdownlint only" for name, line in tally.missed),
            *(f"  {name}:{line}: intended: {reason}" for name, line, reason in tally.intended),
            *(f"  {name}: left out: {reason}" for name, reason in tally.skipped_files),
        ]
        if rows:
            yield ""
            yield f"{rule} ↔ {PAIRS[rule][0]}:"
            yield from rows


def main() -> None:
    suite = suite_folder(sys.argv[1] if len(sys.argv) > 1 else None)
    if suite is None:
        print(f"markdownlint's test suite not found (pass its test/ folder or set {ENVIRONMENT}); nothing compared")
        return
    print(f"markdownlint's test suite: {suite}")
    for line in report(compare(suite)):
        print(line)


if __name__ == "__main__":
    main()

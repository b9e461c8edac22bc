"""What a rule is, and what it is given.

Each rule module (yamllint style) defines, next to its check:

* ``RULES`` — the :class:`Rule` records (code, name, default severity, whether
  enabled by default); their documentation is the module docstring, or the
  ``doc`` of each rule when a module reports several codes;
* ``OPTIONS`` — the option names and defaults (``[tool.fmlint.rules.<module>]``);
* ``NEEDS`` — the parsed views the check reads (``"front_matter"``,
  ``"markdown"``), so the linter parses only what enabled rules need;
* ``check(ctx, options)`` — yields :class:`Problem` records located by spans;
* optionally ``FILESYSTEM_DEPENDENT = True`` when the results depend on other
  files than the one checked (so they must not be cached by its content alone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from fmlint.diagnostics import Problem, Severity

if TYPE_CHECKING:
    from fmlint.document import Document
    from fmlint.frontmatter import FrontMatter
    from fmlint.markdown import MarkdownView
    from fmlint.settings import Settings

DOC_SECTIONS = ("## What it does", "## Why is this bad?", "## Example")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR
    enabled: bool = True
    doc: str = ""


@dataclass
class Context:
    """Everything a check may read about one file; the Markdown view is parsed on first use."""

    doc: Document
    front_matter: FrontMatter | None
    settings: Settings
    _markdown: MarkdownView | None = field(default=None, repr=False)

    @property
    def markdown(self) -> MarkdownView:
        if self._markdown is None:
            from fmlint.markdown import parse_markdown

            self._markdown = parse_markdown(self.doc)
        return self._markdown

    def front_matter_value(self, key: str) -> Any:
        """The top-level front-matter value of ``key``; ``None`` when absent or unparsable."""
        data = self.front_matter.data if self.front_matter is not None else None
        return data.get(key) if isinstance(data, dict) else None


CheckFunction = Callable[[Context, Mapping[str, Any]], Iterable[Problem]]


@dataclass(frozen=True)
class Checker:
    """One rule module: its rules, options, needed views and check."""

    name: str
    rules: tuple[Rule, ...]
    options: Mapping[str, Any]
    needs: frozenset[str]
    check: CheckFunction
    filesystem_dependent: bool = False

    @classmethod
    def from_module(cls, module: ModuleType) -> Checker:
        name = module.__name__.rsplit(".", 1)[-1].replace("_", "-")
        docstring = (module.__doc__ or "").strip()
        rules = tuple(rule if rule.doc else _with_doc(rule, docstring) for rule in module.RULES)
        needs = frozenset(getattr(module, "NEEDS", ()))
        filesystem = getattr(module, "FILESYSTEM_DEPENDENT", False)
        return cls(name, rules, getattr(module, "OPTIONS", {}), needs, module.check, filesystem)


def _with_doc(rule: Rule, doc: str) -> Rule:
    return Rule(rule.code, rule.name, rule.summary, rule.severity, rule.enabled, doc)

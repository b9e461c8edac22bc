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
  files than the one checked (so they must not be cached by its content alone);
  such a check reads the filesystem only through :meth:`Context.probe`, so that
  the result cache can reuse its findings while every probe answers the same;
* a rule that can fix what it finds says how safely in ``Rule.fix`` and
  attaches a :class:`~fmlint.fix.model.Fix` to the problems it can fix;
* optionally ``CLOCK_DEPENDENT_CODES`` — the codes whose results depend on the
  current time (the result cache re-runs the module when one is enabled).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from fmlint.diagnostics import Problem, Severity

if TYPE_CHECKING:
    from fmlint.config.settings import Settings
    from fmlint.document import Document
    from fmlint.frontmatter import FrontMatter
    from fmlint.markdown import MarkdownView

DOC_SECTIONS = ("## What it does", "## Why is this bad?", "## Example")


class Rule(msgspec.Struct, frozen=True):
    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR
    enabled: bool = True
    doc: str = ""
    fix: str = "none"  # the best fix it offers: "safe", "unsafe", "display-only" or "none" (``fmlint.fix``)


_Probed = TypeVar("_Probed", bound=Callable[..., Any])


def probe_function(function: _Probed) -> _Probed:
    """Register a function of text (or tuple-of-text) arguments that looks at the filesystem, for ``ctx.probe``.

    Only registered functions are replayed from a cache entry, so an entry
    cannot name anything else to call.
    """
    PROBE_FUNCTIONS[_probe_name(function)] = function
    return function


def _probe_name(function: Callable[..., Any]) -> str:
    return f"{function.__module__}:{function.__qualname__}"


PROBE_FUNCTIONS: dict[str, Callable[..., Any]] = {}
probe_function(os.path.isfile)


def answers_unchanged(probes: Iterable[Probe]) -> bool:
    """Whether every probe, asked again now, gives the recorded answer."""
    for probe in probes:
        function = PROBE_FUNCTIONS.get(probe.function)
        try:
            if function is None or function(*probe.args) != probe.result:
                return False
        except Exception:  # arguments from a damaged cache entry
            return False
    return True


class Probe(msgspec.Struct, frozen=True):
    """A filesystem question a check asked, and the answer: ``module:function``, arguments, result."""

    function: str
    args: tuple[Any, ...]
    result: Any


class Context(msgspec.Struct):
    """Everything a check may read about one file; the Markdown view is parsed on first use."""

    doc: Document
    front_matter: FrontMatter | None
    settings: Settings
    _markdown: MarkdownView | None = None
    probes: list[Probe] = msgspec.field(default_factory=list)
    _directives: bool | None = None

    @property
    def markdown(self) -> MarkdownView:
        if self._markdown is None:
            from fmlint.markdown import parse_markdown

            self._markdown = parse_markdown(self.doc)
        return self._markdown

    @property
    def may_have_directives(self) -> bool:
        """Whether the file may hold suppression directives (``fmlint.suppressions``): its text is searched
        once, for the suppressions, the cache entry and the site facts."""
        if self._directives is None:
            from fmlint.suppressions import may_have_directives

            self._directives = self.doc.readable and may_have_directives(self.doc.text)
        return self._directives

    def probe(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)``, recorded; ``function`` is registered with :func:`probe_function`."""
        name = _probe_name(function)
        if PROBE_FUNCTIONS.get(name) is not function:
            raise ValueError(f"{name} is not registered with probe_function")
        result = function(*args)
        self.probes.append(Probe(name, args, result))
        return result

    def front_matter_value(self, key: str) -> Any:
        """The top-level front-matter value of ``key``; ``None`` when absent or unparsable."""
        data = self.front_matter.data if self.front_matter is not None else None
        return data.get(key) if isinstance(data, dict) else None

    @property
    def draft(self) -> bool:
        """Whether the front matter makes the file a draft (``draft: true``, the key in any case, as Hugo reads
        it): Hugo renders no draft in a production build."""
        data = self.front_matter.data if self.front_matter is not None else None
        return isinstance(data, dict) and any(
            value is True and isinstance(key, str) and key.lower() == "draft" for key, value in data.items()
        )


CheckFunction = Callable[[Context, Mapping[str, Any]], Iterable[Problem]]


class Checker(msgspec.Struct, frozen=True, dict=True):
    """One rule module: its rules, options, needed views and check."""

    name: str
    rules: tuple[Rule, ...]
    options: Mapping[str, Any]
    needs: frozenset[str]
    check: CheckFunction
    filesystem_dependent: bool = False
    clock_dependent: frozenset[str] = frozenset()

    def is_enabled(self, settings: Settings) -> bool:
        """Whether any of this module's rules is enabled, so that its check must run."""
        return not self.codes.isdisjoint(settings.enabled_codes)

    @cached_property
    def codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules)

    @classmethod
    def from_module(cls, module: ModuleType) -> Checker:
        name = module.__name__.rsplit(".", 1)[-1].replace("_", "-")
        docstring = (module.__doc__ or "").strip()
        rules = tuple(rule if rule.doc else _with_doc(rule, docstring) for rule in module.RULES)
        needs = frozenset(getattr(module, "NEEDS", ()))
        filesystem = getattr(module, "FILESYSTEM_DEPENDENT", False)
        clock = frozenset(getattr(module, "CLOCK_DEPENDENT_CODES", ()))
        return cls(name, rules, getattr(module, "OPTIONS", {}), needs, module.check, filesystem, clock)


def _with_doc(rule: Rule, doc: str) -> Rule:
    return msgspec.structs.replace(rule, doc=doc)

"""Inline suppression comments, applied by the linter to the located diagnostics.

In the Markdown body (HTML comments, as found by the Markdown view, so that
examples inside code blocks are not directives)::

    <!-- fmlint-disable MD001,MD036 -->   … up to the matching enable, or the end
    <!-- fmlint-enable MD001 -->          (a bare enable closes every disable)
    <!-- fmlint-disable-next-line MD045 -->
    text <!-- fmlint-disable-line MKD002 -->

and in YAML or TOML front matter a trailing ``# fmlint-disable-line CODE``
comment. Codes may be rule names and are separated by commas or spaces; no code
means every rule.  This is the one place where a directive's lines are worked
out (from the document's ``LineIndex``, so they are file-absolute like the
diagnostics').  A directive that suppresses nothing becomes an ``SUP001``
problem, so stale ones do not pile up.

markdownlint's comments are honoured too (option ``markdownlint`` of the
``unused-suppression`` rule, on by default), for the rules fmlint shares with it
(its ``MDxxx`` codes, by code or markdownlint name): ``markdownlint-disable``,
``-enable``, ``-disable-line``, ``-disable-next-line``, ``-capture``,
``-restore``, ``-disable-file`` and ``-configure-file`` with ``false`` rules.
No code means every shared rule; rules fmlint lacks are ignored, and these
comments never give ``SUP001`` (they are markdownlint's to keep).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

import msgspec

from fmlint.diagnostics import Diagnostic, Problem
from fmlint.positions import Span, line_start
from fmlint.regex import lazy_pattern
from fmlint.rules import CHECKERS, RULES_BY_CODE, Context, find_rule
from fmlint.rules.unused_suppression import narrowing_fix, removal_fix

FMLINT = "fmlint-"
MARKDOWNLINT = "markdownlint-"
UNUSED = "SUP001"
ONLINE = "URL"  # the prefix of the codes that the online pass reports after linting
SITE = "SITE"  # the site pass's codes: reported after linting, which applies their suppressions itself
_BODY_DIRECTIVE = lazy_pattern(r"\s*fmlint-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*?)\s*", re.DOTALL)
_FRONT_MATTER_DIRECTIVE = lazy_pattern(r"(?:^|(?<=\s))#\s*fmlint-disable-line(?![\w-])([^\n]*)$", re.MULTILINE)
_EVERY_LINE = 1 << 62
_MARKDOWNLINT_DIRECTIVE = lazy_pattern(
    r"\s*markdownlint-(disable-next-line|disable-line|disable-file|disable|enable|capture|restore|configure-file)"
    r"(?![\w-])(.*?)\s*",
    re.DOTALL,
)
_SHARED = tuple(code for code in RULES_BY_CODE if code.startswith("MD"))  # markdownlint's codes, same rules
_MARKDOWNLINT_ALIASES = {"single-h1": "MD025", "header-increment": "MD001"}
_SETTINGS_CHECKER = next(checker for checker in CHECKERS if checker.name == "unused-suppression")


def may_have_directives(text: str) -> bool:
    """Whether ``text`` may hold directives, fmlint's or markdownlint's: without either prefix it has none."""
    return FMLINT in text or MARKDOWNLINT in text


class Suppression(msgspec.Struct, eq=False):
    """One code (``None``: every code) silenced by one directive over a range of lines."""

    directive: str
    code: str | None
    span: Span  # the comment
    first_line: int
    last_line: int
    used: bool = False

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first_line <= diagnostic.line <= self.last_line and self.code in (None, diagnostic.code)

    def covers_online(self, line: int) -> bool:
        """Whether it may silence what the online pass reports at ``line`` (its code is ``URL…`` or any)."""
        online = self.code is None or self.code.startswith(ONLINE)
        return online and self.first_line <= line <= self.last_line


class _Directives(msgspec.Struct):
    suppressions: list[Suppression] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)


def apply_suppressions(
    ctx: Context, diagnostics: list[Diagnostic], url_lines: Iterable[int] = ()
) -> tuple[list[Diagnostic], list[Problem], dict[int, frozenset[str | None]]]:
    """The diagnostics that no directive silences, the problems with the directives,
    and the codes silenced on each of ``url_lines`` (lines whose URLs the online
    pass checks after linting; ``None`` stands for every code).

    A directive for a ``URL`` code that covers such a line counts as used, since
    its findings come later; without online checks, ``URL`` codes are never
    reported as suppressing nothing.
    """
    found = _directives(ctx)
    kept = []
    for diagnostic in diagnostics:
        matching = [s for s in found.suppressions if s.covers(diagnostic)] if diagnostic.code != UNUSED else []
        for suppression in matching:
            suppression.used = True
        if not matching:
            kept.append(diagnostic)
    online: dict[int, frozenset[str | None]] = {}
    for line in set(url_lines):
        matching = [s for s in found.suppressions if s.covers_online(line)]
        for suppression in matching:
            suppression.used = True
        if matching:
            online[line] = frozenset(s.code for s in matching)
    return kept, found.problems + list(_unused(ctx, found.suppressions)), online


def _directives(ctx: Context) -> _Directives:
    found = _Directives()
    doc = ctx.doc
    if doc.kind in ("yaml", "toml") and doc.front_matter is not None:
        source = doc.source(doc.front_matter)
        for match in _FRONT_MATTER_DIRECTIVE.finditer(source):
            if _balanced_quotes(source[line_start(source, match.start()) : match.start()]):
                span = Span(match.start(), match.end()).shifted(doc.front_matter.start)
                _add(ctx, found, "disable-line", match.group(1), span)
    if FMLINT in doc.body:
        for comment in ctx.markdown.html_comments:
            directive = _BODY_DIRECTIVE.fullmatch(comment.text)
            if directive:
                _add(ctx, found, directive.group(1), directive.group(2), comment.span)
            elif comment.text.lstrip().startswith(FMLINT):
                word = comment.text.split()[0]
                message = f"unknown directive `{word}` (expected fmlint-disable, -enable, -disable-line or -disable-next-line)"
                found.problems.append(Problem(UNUSED, message, comment.span))
    if MARKDOWNLINT in doc.body and ctx.settings.options_for(_SETTINGS_CHECKER)["markdownlint"]:
        _MarkdownlintState(ctx, found).read()
    return found


class _MarkdownlintState:
    """markdownlint's comments, in order, as open and closed :class:`Suppression` ranges of the shared codes."""

    def __init__(self, ctx: Context, found: _Directives) -> None:
        self.ctx = ctx
        self.found = found
        self.open: dict[str, Suppression] = {}  # code → its open ``disable`` range
        self.captured: frozenset[str] = frozenset()

    def read(self) -> None:
        lines = self.ctx.doc.lines
        for comment in self.ctx.markdown.html_comments:
            directive = _MARKDOWNLINT_DIRECTIVE.fullmatch(comment.text)
            if directive is None:
                continue
            action, argument = directive.groups()
            first, last = lines.lines_of(comment.span)
            if action == "configure-file":
                self._suppress(comment.span, _configured_off(argument), 1, _EVERY_LINE)
            elif action == "capture":
                self.captured = frozenset(self.open)
            elif action == "restore":
                self._enable([code for code in self.open if code not in self.captured], first)
                self._disable(comment.span, [code for code in self.captured if code not in self.open], first)
            elif action == "enable":
                self._enable(_markdownlint_codes(argument), first)
            elif action == "disable":
                self._disable(comment.span, _markdownlint_codes(argument), first)
            else:
                start, end = {"disable-line": (first, last), "disable-next-line": (last + 1, last + 1)}.get(
                    action, (1, _EVERY_LINE)
                )
                self._suppress(comment.span, _markdownlint_codes(argument), start, end)

    def _suppress(self, span: Span, codes: Iterable[str], first: int, last: int) -> list[Suppression]:
        added = [Suppression(f"{MARKDOWNLINT}disable", code, span, first, last) for code in codes]
        self.found.suppressions.extend(added)
        return added

    def _disable(self, span: Span, codes: Iterable[str], line: int) -> None:
        for suppression in self._suppress(span, [code for code in codes if code not in self.open], line, _EVERY_LINE):
            assert suppression.code is not None
            self.open[suppression.code] = suppression

    def _enable(self, codes: Iterable[str], line: int) -> None:
        for code in codes:
            suppression = self.open.pop(code, None)
            if suppression is not None:
                suppression.last_line = line - 1


def _markdownlint_codes(text: str) -> list[str]:
    """The shared codes a markdownlint comment names (by code or name); none named: all of them."""
    tokens = text.replace(",", " ").split()
    if not tokens:
        return list(_SHARED)
    rules = (find_rule(_MARKDOWNLINT_ALIASES.get(token.lower(), token)) for token in tokens)
    return [rule.code for rule in rules if rule is not None and rule.code in _SHARED]


def _configured_off(text: str) -> list[str]:
    """The shared codes a ``markdownlint-configure-file`` object turns off (``false``, or ``"default": false``)."""
    try:
        config = json.loads(text)
    except ValueError:
        return []
    if not isinstance(config, dict):
        return []
    settings = {code: value for key, value in config.items() for code in _markdownlint_codes(key) if key.strip()}
    default = config.get("default", True) is not False
    return [code for code in _SHARED if settings.get(code, default) is False]


def _balanced_quotes(prefix: str) -> bool:
    """Whether a ``#`` after ``prefix`` starts a comment (it is not inside a quoted string)."""
    return prefix.count('"') % 2 == 0 and prefix.count("'") % 2 == 0


def _add(ctx: Context, found: _Directives, directive: str, code_text: str, span: Span) -> None:
    codes: list[str | None] = []
    for token in filter(None, re.split(r"[\s,]+", code_text)):
        rule = find_rule(token)
        if rule is None:
            found.problems.append(Problem(UNUSED, f"`fmlint-{directive}` names an unknown rule `{token}`", span))
        else:
            codes.append(rule.code)
    if not codes and not code_text.strip():
        codes = [None]
    first, last = ctx.doc.lines.lines_of(span)
    if directive == "enable":
        _enable(ctx, found, codes, span, first)
        return
    lines = {"disable": (first, _EVERY_LINE), "disable-line": (first, last), "disable-next-line": (last + 1, last + 1)}
    start, end = lines[directive]
    found.suppressions.extend(Suppression(directive, code, span, start, end) for code in codes)


def _enable(ctx: Context, found: _Directives, codes: list[str | None], span: Span, line: int) -> None:
    """Close the open ``disable`` ranges for ``codes`` (all of them for a bare enable)."""
    closed = False
    for suppression in found.suppressions:
        open_range = suppression.directive == "disable" and suppression.last_line == _EVERY_LINE
        if open_range and (codes == [None] or suppression.code in codes):
            suppression.last_line = line
            closed = True
    if not closed and codes:
        label = f"fmlint-enable {', '.join(code for code in codes if code)}".strip()
        message = f"`{label}` has no matching `fmlint-disable` before it"
        found.problems.append(Problem(UNUSED, message, span, fix=removal_fix(ctx.doc, span)))


def _checked(ctx: Context, code: str) -> bool:
    """Whether this run can report ``code`` in the file (``URL`` codes need the online checks; ``SITE``
    codes come from the site pass, which applies the comments to its own findings)."""
    if code.startswith(SITE):
        return False
    return ctx.settings.is_enabled(code) and (not code.startswith(ONLINE) or bool(ctx.settings.collect_urls))


def _unused(ctx: Context, suppressions: list[Suppression]) -> Iterator[Problem]:
    """One problem per directive whose codes silenced nothing (codes not enabled are skipped)."""
    by_comment: dict[Span, list[Suppression]] = {}
    for suppression in suppressions:
        by_comment.setdefault(suppression.span, []).append(suppression)
    for span, group in by_comment.items():
        unused = [s.code for s in group if not s.used and (s.code is None or _checked(ctx, s.code))]
        if not unused or group[0].directive.startswith(MARKDOWNLINT):  # markdownlint's own to keep
            continue
        directive = f"fmlint-{group[0].directive}"
        kept = [s.code for s in group if s.code is not None and s.code not in unused]
        fix = narrowing_fix(ctx.doc.text, span, directive, kept) if kept else removal_fix(ctx.doc, span)
        if unused == [None]:
            yield Problem(UNUSED, f"`{directive}` suppresses nothing", span, fix=fix)
        else:
            yield Problem(UNUSED, f"`{directive}` suppresses nothing for {', '.join(map(str, unused))}", span, fix=fix)

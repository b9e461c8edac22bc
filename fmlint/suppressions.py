"""Inline suppression comments, applied by the linter to the located diagnostics.

In the Markdown body (HTML comments, as found by the Markdown view, so that
examples inside code blocks are not directives)::

    <!-- fmlint-disable MD001,MD003 -->   … up to the matching enable, or the end
    <!-- fmlint-enable MD001 -->          (a bare enable closes every disable)
    <!-- fmlint-disable-next-line MD004 -->
    text <!-- fmlint-disable-line MD006 -->

and in YAML or TOML front matter a trailing ``# fmlint-disable-line CODE``
comment. Codes may be rule names and are separated by commas or spaces; no code
means every rule.  This is the one place where a directive's lines are worked
out (from the document's ``LineIndex``, so they are file-absolute like the
diagnostics').  A directive that suppresses nothing becomes an ``SUP001``
problem, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from fmlint.diagnostics import Diagnostic, Problem
from fmlint.positions import Span
from fmlint.rules import Context, find_rule

MARK = "fmlint-"
UNUSED = "SUP001"
_BODY_DIRECTIVE = re.compile(r"\s*fmlint-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*?)\s*", re.DOTALL)
_FRONT_MATTER_DIRECTIVE = re.compile(r"(?:^|(?<=\s))#\s*fmlint-disable-line(?![\w-])([^\n]*)$", re.MULTILINE)
_EVERY_LINE = 1 << 62


@dataclass(eq=False)
class Suppression:
    """One code (``None``: every code) silenced by one directive over a range of lines."""

    directive: str
    code: str | None
    span: Span  # the comment
    first_line: int
    last_line: int
    used: bool = False

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first_line <= diagnostic.line <= self.last_line and self.code in (None, diagnostic.code)


@dataclass
class _Directives:
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def apply_suppressions(ctx: Context, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[Problem]]:
    """The diagnostics that no directive silences, and the problems with the directives."""
    found = _directives(ctx)
    kept = []
    for diagnostic in diagnostics:
        matching = [s for s in found.suppressions if s.covers(diagnostic)] if diagnostic.code != UNUSED else []
        for suppression in matching:
            suppression.used = True
        if not matching:
            kept.append(diagnostic)
    return kept, found.problems + list(_unused(ctx, found.suppressions))


def _directives(ctx: Context) -> _Directives:
    found = _Directives()
    doc = ctx.doc
    if doc.kind in ("yaml", "toml") and doc.front_matter is not None:
        source = doc.source(doc.front_matter)
        for match in _FRONT_MATTER_DIRECTIVE.finditer(source):
            line_start = source.rfind("\n", 0, match.start()) + 1
            if _balanced_quotes(source[line_start : match.start()]):
                span = Span(match.start(), match.end()).shifted(doc.front_matter.start)
                _add(ctx, found, "disable-line", match.group(1), span)
    if MARK in doc.body:
        for comment in ctx.markdown.html_comments:
            match = _BODY_DIRECTIVE.fullmatch(comment.text)
            if match:
                _add(ctx, found, match.group(1), match.group(2), comment.span)
            elif comment.text.lstrip().startswith(MARK):
                word = comment.text.split()[0]
                message = f"unknown directive `{word}` (expected fmlint-disable, -enable, -disable-line or -disable-next-line)"
                found.problems.append(Problem(UNUSED, message, comment.span))
    return found


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
    first, _ = ctx.doc.lines.point(span.start)
    last, _ = ctx.doc.lines.point(max(span.start, span.end - 1))
    if directive == "enable":
        _enable(found, codes, span, first)
        return
    lines = {"disable": (first, _EVERY_LINE), "disable-line": (first, last), "disable-next-line": (last + 1, last + 1)}
    start, end = lines[directive]
    found.suppressions.extend(Suppression(directive, code, span, start, end) for code in codes)


def _enable(found: _Directives, codes: list[str | None], span: Span, line: int) -> None:
    """Close the open ``disable`` ranges for ``codes`` (all of them for a bare enable)."""
    closed = False
    for suppression in found.suppressions:
        if suppression.directive == "disable" and suppression.last_line == _EVERY_LINE:
            if codes == [None] or suppression.code in codes:
                suppression.last_line = line
                closed = True
    if not closed and codes:
        label = f"fmlint-enable {', '.join(code for code in codes if code)}".strip()
        found.problems.append(Problem(UNUSED, f"`{label}` has no matching `fmlint-disable` before it", span))


def _unused(ctx: Context, suppressions: list[Suppression]) -> Iterator[Problem]:
    """One problem per directive whose codes silenced nothing (codes not enabled are skipped)."""
    by_comment: dict[Span, list[Suppression]] = {}
    for suppression in suppressions:
        by_comment.setdefault(suppression.span, []).append(suppression)
    for span, group in by_comment.items():
        unused = [s.code for s in group if not s.used and (s.code is None or ctx.settings.is_enabled(s.code))]
        if not unused:
            continue
        directive = f"fmlint-{group[0].directive}"
        if unused == [None]:
            yield Problem(UNUSED, f"`{directive}` suppresses nothing", span)
        else:
            yield Problem(UNUSED, f"`{directive}` suppresses nothing for {', '.join(map(str, unused))}", span)

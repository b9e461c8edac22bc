"""One file through the pipeline: read → split → parse → rules → diagnostics.

This is the only place where problems become diagnostics: the span is turned
into a line and column (by ``fmlint.positions``), the code gets its rule name
and effective severity, disabled codes are dropped, inline suppression comments
are applied (``fmlint.suppressions``), and the result is sorted.
A rule that raises (or the front-matter parser, or URL collection) becomes an
``X001 internal-error`` diagnostic; nothing that a file contains can end the run.
"""

from __future__ import annotations

import os
import stat
import sys
import traceback
from collections.abc import Iterable, Iterator

import msgspec

from fmlint.config.presets import (
    INLINE_FRONT_MATTER_PRESETS,
    JSON_FRONT_MATTER_PRESETS,
    LATE_FRONT_MATTER_PRESETS,
    READING_PRESETS,
    SCRIPT_FRONT_MATTER_PRESETS,
)
from fmlint.config.settings import Settings
from fmlint.diagnostics import INTERNAL_ERROR, ORDER, Diagnostic, Problem, Severity
from fmlint.document import (
    Document,
    read_document,
    skip_script_front_matter,
    split_headless,
    undo_split,
    unreadable_document,
)
from fmlint.file_result import FileResult
from fmlint.fix.locate import located_fix
from fmlint.fix.model import DiagnosticFix
from fmlint.frontmatter import parse_front_matter
from fmlint.images import image_references
from fmlint.positions import Position, Span
from fmlint.rules import CHECKERS, RULES_BY_CODE, Checker, Context
from fmlint.rules.site import SITE_CODES
from fmlint.schema.loader import SchemaLoadError
from fmlint.site.facts import SiteFacts
from fmlint.suppressions import apply_suppressions
from fmlint.urls import is_remote


class UrlOccurrence(msgspec.Struct, frozen=True):
    """A remote URL used by a file, located, for the online checks."""

    url: str
    kind: str  # "image" or "link"
    line: int
    column: int
    end_line: int
    end_column: int
    suppressed: frozenset[str | None] = frozenset()  # codes silenced by inline comments; None: every code

    @property
    def position(self) -> Position:
        return Position(self.line, self.column, self.end_line, self.end_column)

    def silences(self, code: str) -> bool:
        return code in self.suppressed or None in self.suppressed


def lint_path(path: str, settings: Settings, verbose: bool = False) -> FileResult:
    """Read and lint one file; unreadable files become diagnostics."""
    return lint_file(read_path(path, settings.max_file_size), settings, verbose)


def read_path(path: str, max_size: int) -> Document:
    data = read_bytes(path, max_size)
    return data if isinstance(data, Document) else read_document(path, data)


def read_bytes(path: str, max_size: int, status: os.stat_result | None = None) -> bytes | Document:
    """The file's bytes, or (when it cannot be read) a placeholder document saying why.

    One ``stat`` decides before anything is opened: a named pipe must never
    be opened (that would block, or unblock its writer).  ``status`` is one the
    caller has just taken (the result cache's), so that it is not taken twice.
    """
    try:
        if status is None:
            status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            return unreadable_document(path, "FL001", "cannot read file: it is a directory")
        if not stat.S_ISREG(status.st_mode):
            return unreadable_document(path, "FL001", "not a regular file (a pipe, socket or device); not read")
        if status.st_size > max_size:
            return _too_large(path, status.st_size, max_size)
        data = _read_regular_file(path, status.st_size, max_size)
    except OSError as exc:
        return unreadable_document(path, "FL001", f"cannot read file: {exc.strerror or exc}")
    return _too_large(path, len(data), max_size) if len(data) > max_size else data  # grown since the stat


def _read_regular_file(path: str, size: int, max_size: int) -> bytes:
    """The bytes of a file that had ``size`` bytes when it was stat'ed (at most ``max_size`` + 1).

    Three system calls (open, read, close) where ``open().read()`` makes seven;
    in a run they are no longer cache-hot, and reading was a tenth of a
    cold run's time.  A short read of a regular file is its end; a file that
    has grown since the ``stat`` is read on, up to just past ``max_size``.
    ``O_NONBLOCK``: should a pipe have replaced the file since, opening it does
    not block (``O_BINARY``: Windows would otherwise translate line endings).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        data = os.read(fd, size + 1)
        if len(data) <= size:
            return data
        chunks = [data]
        length = len(data)
        while length <= max_size and (chunk := os.read(fd, max_size + 1 - length)):
            chunks.append(chunk)
            length += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(path: str, size: int, max_size: int) -> Document:
    message = f"file is {_mib(size)} MiB, over the {_mib(max_size)} MiB limit; not read"
    return unreadable_document(path, "FL004", message)


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def lint_text(text: str, path: str = "<text>", settings: Settings | None = None) -> list[Diagnostic]:
    """Lint an in-memory document (tests, ``--stdin-filename``)."""
    return lint_document(read_document(path, text.encode("utf-8")), settings or Settings())


def lint_document(doc: Document, settings: Settings, verbose: bool = False) -> list[Diagnostic]:
    return lint_file(doc, settings, verbose).diagnostics


def lint_file(doc: Document, settings: Settings, verbose: bool = False, with_facts: bool = True) -> FileResult:
    """One document's result; its site facts too unless ``with_facts`` is false (the runner knows
    when no site holds the file)."""
    ctx, diagnostics = context(doc, settings, verbose)
    diagnostics += check(ctx, CHECKERS, verbose)
    urls, url_errors = collect_urls(ctx, verbose)
    facts, facts_errors = collect_facts(ctx, verbose) if with_facts else (None, [])
    diagnostics, urls = finish(ctx, [*diagnostics, *url_errors, *facts_errors], urls)
    return FileResult(doc.path, diagnostics, urls, facts)


def context(doc: Document, settings: Settings, verbose: bool = False) -> tuple[Context, list[Diagnostic]]:
    """What the rules read about ``doc`` (the Markdown is parsed on first use), and a parser crash if any."""
    if doc.markdown and not doc.mdx and settings.preset in READING_PRESETS:
        from fmlint.site.config import site_reading

        reading = site_reading(doc.path, settings.preset)
        doc.mdx, doc.blocks = reading.mdx, reading.blocks
    preset = settings.preset
    script = doc.inline and preset in SCRIPT_FRONT_MATTER_PRESETS and skip_script_front_matter(doc)
    if not script and (
        (doc.late and preset not in LATE_FRONT_MATTER_PRESETS)
        or (doc.inline and preset not in INLINE_FRONT_MATTER_PRESETS)
        or (doc.kind == "json" and preset not in JSON_FRONT_MATTER_PRESETS)
    ):
        undo_split(doc)
    if doc.kind is None and preset == "hexo" and doc.markdown:  # (Hexo 2's posts: no opening `---`)
        split_headless(doc)
    try:
        front_matter = parse_front_matter(doc) if doc.readable else None
    except Exception as exc:  # a bug in a loader: the rules still run, without front matter
        ctx = Context(doc, None, settings)
        return ctx, _diagnostics(ctx, [_internal_error(f"the {doc.kind} front-matter parser", exc, verbose)])
    return Context(doc, front_matter, settings), []


def check(ctx: Context, checkers: Iterable[Checker], verbose: bool = False) -> list[Diagnostic]:
    """The findings of the enabled rules of ``checkers``, before suppressions (the result cache runs them in groups)."""
    problems: list[Problem] = []
    for checker in checkers:
        if "markdown" in checker.needs and not ctx.doc.markdown:
            continue
        if checker.is_enabled(ctx.settings):
            problems.extend(_run(checker, ctx, verbose))
    return _diagnostics(ctx, problems)


def collect_urls(ctx: Context, verbose: bool = False) -> tuple[tuple[UrlOccurrence, ...], list[Diagnostic]]:
    """The remote URLs the online checks asked for (``settings.collect_urls``), and a crash if any."""
    if not (ctx.settings.collect_urls and ctx.doc.readable):
        return (), []
    try:
        return tuple(_remote_urls(ctx)), []
    except Exception as exc:  # a bug in the Markdown view or image extraction
        return (), _diagnostics(ctx, [_internal_error("URL collection", exc, verbose)])


def collect_facts(ctx: Context, verbose: bool = False) -> tuple[SiteFacts | None, list[Diagnostic]]:
    """The file's site facts when a site rule is enabled, and a crash if any."""
    if not (ctx.doc.readable and SITE_CODES & ctx.settings.enabled_codes):
        return None, []
    try:
        return site_facts(ctx), []
    except Exception as exc:  # a bug in the facts extraction
        return None, _diagnostics(ctx, [_internal_error("site facts extraction", exc, verbose)])


def site_facts(ctx: Context) -> SiteFacts | None:
    """The file's facts for the site rules."""
    from fmlint.site.facts import extract

    return extract(ctx) if ctx.doc.readable else None


def finish(
    ctx: Context, diagnostics: list[Diagnostic], urls: tuple[UrlOccurrence, ...]
) -> tuple[list[Diagnostic], tuple[UrlOccurrence, ...]]:
    """Inline suppression comments applied to the findings and URLs; the findings sorted."""
    if ctx.may_have_directives:
        diagnostics, directive_problems, silenced = apply_suppressions(ctx, diagnostics, (u.line for u in urls))
        diagnostics += _diagnostics(ctx, directive_problems)
        urls = tuple(msgspec.structs.replace(u, suppressed=silenced[u.line]) if u.line in silenced else u for u in urls)
    return sorted(diagnostics, key=ORDER), urls


def _diagnostics(ctx: Context, problems: Iterable[Problem]) -> list[Diagnostic]:
    return [_diagnostic(ctx.doc, p, ctx.settings) for p in problems if ctx.settings.is_enabled(p.code)]


def _remote_urls(ctx: Context) -> Iterator[UrlOccurrence]:
    """Remote image (and, when asked, link) URLs with their positions."""
    located: list[tuple[str, str, Span]] = [("image", ref.url, ref.span) for ref in image_references(ctx)]
    if "links" in ctx.settings.collect_urls:
        located += [("link", link.url, link.url_span) for link in ctx.markdown.links]
    for kind, url, span in located:
        if is_remote(url):
            position = ctx.doc.lines.position(span)
            yield UrlOccurrence(url, kind, position.line, position.column, position.end_line, position.end_column)


def _run(checker: Checker, ctx: Context, verbose: bool) -> Iterable[Problem]:
    try:
        return list(checker.check(ctx, ctx.settings.options_for(checker)))
    except SchemaLoadError:  # a schema whose check was deferred to first use: it ends the run as at load
        raise
    except Exception as exc:  # a bug in a rule must not end the run
        return [_internal_error(f"rule `{checker.name}`", exc, verbose)]


def _internal_error(what: str, exc: Exception, verbose: bool) -> Problem:
    message = f"{what} crashed: {type(exc).__name__}: {exc}"
    if verbose:
        message += "\n" + traceback.format_exc()
    return Problem(INTERNAL_ERROR, message, Span(0, 0))


def _diagnostic(doc: Document, problem: Problem, settings: Settings) -> Diagnostic:
    position = doc.lines.position(problem.span)
    diagnostic = located_diagnostic(doc.path, position, problem.code, problem.message, settings, problem.severity)
    return diagnostic if problem.fix is None else msgspec.structs.replace(diagnostic, fix=located_fix(doc, problem.fix))


def located_diagnostic(
    path: str,
    position: Position,
    code: str,
    message: str,
    settings: Settings,
    severity: Severity | None = None,
    fix: DiagnosticFix | None = None,
) -> Diagnostic:
    """A finding already located by line and column (the online checks, the site rules) as a diagnostic."""
    rule = RULES_BY_CODE[code]
    # interned: the many identical messages (a generic alt text's, on every picture) share one string, and
    # one object per chunk of results crosses from a worker process (pickle keeps what is shared)
    message = sys.intern(message)
    return Diagnostic(
        path=path,
        line=position.line,
        column=position.column,
        code=code,
        end_line=position.end_line,
        end_column=position.end_column,
        rule=rule.name,
        severity=settings.severity(code) or severity or rule.severity,
        message=message,
        fix=fix,
    )

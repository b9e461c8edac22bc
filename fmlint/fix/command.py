"""What ``fmlint --fix``, ``--diff`` and ``--show-fixes`` do with a finished lint run.

Only files with a fix the run may apply are read again and fixed (in this
process: the pool and the cache have already linted every file); their
diagnostics are replaced by what remains after fixing.  With ``write`` the
changed files are replaced atomically; one that cannot be written keeps its
bytes and its findings and gets an ``FL006`` diagnostic, and the other files
are still fixed.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from fmlint.config.fix_policy import FixPolicy
from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic
from fmlint.document import read_document
from fmlint.fix.apply import FixOutcome, Reverted, fix_document
from fmlint.fix.writer import WriteError, read_with_snapshot, write_atomically
from fmlint.linter import FileResult, located_diagnostic
from fmlint.positions import Position
from fmlint.runner import RunResult

NOT_WRITTEN = "FL006"


@dataclass
class FileFix:
    """One fixed file: its text before and after, the fixes applied and reverted."""

    path: str
    before: str
    after: str
    applied: list[Diagnostic]
    reverted: list[Reverted]

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass
class FixRun:
    result: RunResult  # what remains
    files: list[FileFix] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        return [file for file in self.files if file.changed]


@dataclass(frozen=True)
class FixOptions:
    settings_for: Callable[[str], Settings]
    policy_for: Callable[[str], FixPolicy]
    unsafe: bool = False  # --unsafe-fixes
    write: bool = True  # False for --diff
    verbose: bool = False


def fix_run(result: RunResult, options: FixOptions) -> FixRun:
    """``result`` with its fixable files fixed (see the module docstring)."""
    run = FixRun(result)
    file_results = []
    for file_result in result.file_results:
        policy = options.policy_for(file_result.path)
        wanted = _wanted(policy, options.unsafe)
        fixable = any(map(wanted, file_result.diagnostics))
        file_results.append(_fix_file(file_result, options, wanted, run) if fixable else file_result)
    diagnostics = sorted(d for fixed in file_results for d in fixed.diagnostics)
    run.result = RunResult(result.files, diagnostics, file_results, result.cache_hits)
    return run


def fix_bytes(path: str, data: bytes, options: FixOptions) -> tuple[bytes, FixOutcome]:
    """The fixed bytes of a document that is not a file (``--stdin-filename``), and the outcome."""
    outcome = fix_document(
        read_document(path, data),
        options.settings_for(path),
        _wanted(options.policy_for(path), options.unsafe),
        options.verbose,
    )
    return outcome.encoded(data), outcome


def _wanted(policy: FixPolicy, unsafe: bool) -> Callable[[Diagnostic], bool]:
    return lambda d: d.fix is not None and policy.applies(d.code, d.fix.applicability, unsafe)


def _fix_file(
    file_result: FileResult, options: FixOptions, wanted: Callable[[Diagnostic], bool], run: FixRun
) -> FileResult:
    path = file_result.path
    try:
        data, snapshot = read_with_snapshot(path)
    except OSError:
        return file_result  # it vanished or became unreadable since it was linted: nothing to fix
    doc = read_document(path, data)
    outcome = fix_document(doc, options.settings_for(path), wanted, options.verbose)
    fixed = outcome.encoded(data)
    if options.write and fixed != data:
        try:
            write_atomically(path, fixed, snapshot)
        except WriteError as exc:
            message = f"fixes not written: {exc}; it is left as it was"
            failure = located_diagnostic(path, Position(1, 1, 1, 1), NOT_WRITTEN, message, options.settings_for(path))
            return FileResult(path, sorted([*file_result.diagnostics, failure]), file_result.urls)
    run.files.append(FileFix(path, doc.text, outcome.doc.text, outcome.applied, outcome.reverted))
    return outcome.result


def write_diff(run: FixRun, out: TextIO) -> None:
    """A unified diff of each changed file (``--diff``), as ``git diff`` shows a missing final newline."""
    for file in run.changed:
        out.writelines(
            _marked(
                difflib.unified_diff(
                    file.before.splitlines(keepends=True),
                    file.after.splitlines(keepends=True),
                    f"a/{file.path}",
                    f"b/{file.path}",
                )
            )
        )


def _marked(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        yield line
        if not line.endswith("\n"):
            yield "\n\\ No newline at end of file\n"


def write_summary(run: FixRun, out: TextIO, show_fixes: bool, verb: str = "Fixed") -> None:
    """How many problems were fixed (each file's fixes by code with ``--show-fixes``) and any fix reverted."""
    for file in run.files:
        for reverted in file.reverted:
            d = reverted.diagnostic
            out.write(f"{file.path}:{d.line}:{d.column}: {d.code} fix not applied: {reverted.reason}\n")
    applied = [file for file in run.files if file.applied]
    count = sum(len(file.applied) for file in applied)
    if not count:
        return
    files = f"{len(applied)} file{'s' if len(applied) != 1 else ''}"
    out.write(f"{verb} {count} problem{'s' if count != 1 else ''} in {files}{':' if show_fixes else '.'}\n")
    if show_fixes:
        for file in applied:
            out.write(f"  {file.path}:\n")
            for (code, rule), number in sorted(Counter((d.code, d.rule) for d in file.applied).items()):
                out.write(f"    {number} × {code} ({rule})\n")

"""What ``fmlint --fix``, ``--diff`` and ``--show-fixes`` do with a finished lint run.

Only files with a fix the run may apply are read again and fixed (the pool and
the cache have already linted every file), in a pool of their own when there
are many; their diagnostics are replaced by what remains after fixing.  With
``write`` the changed files are replaced atomically; one that cannot be
written keeps its bytes and its findings and gets an ``FL006`` diagnostic, and
the other files are still fixed.  Without it (``--diff``) each changed file's
diff is kept instead (only the diff: a 10,000-file run does not hold every
text twice).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TextIO

import msgspec

from fmlint.config.fix_policy import FixPolicy
from fmlint.config.settings import Settings
from fmlint.diagnostics import ORDER, Diagnostic
from fmlint.document import read_document
from fmlint.file_result import FileResult
from fmlint.fix.apply import FixOutcome, Reverted, fix_document
from fmlint.fix.writer import WriteError, read_with_snapshot, write_atomically
from fmlint.linter import located_diagnostic
from fmlint.pools import MIN_FILES_FOR_POOL, default_jobs, worker_pool
from fmlint.positions import Position
from fmlint.rules.site import SITE_CODES
from fmlint.runner import RunResult

NOT_WRITTEN = "FL006"


class FileFix(msgspec.Struct):
    """One fixed file: whether it changed, the fixes applied and reverted, and (for ``--diff``) its diff."""

    path: str
    changed: bool
    applied: list[Diagnostic]
    reverted: list[Reverted]
    diff: str = ""


class FixRun(msgspec.Struct):
    result: RunResult  # what remains
    files: list[FileFix] = msgspec.field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        return [file for file in self.files if file.changed]


class FixOptions(msgspec.Struct, frozen=True):
    settings_for: Callable[[str], Settings]
    policy_for: Callable[[str], FixPolicy]
    unsafe: bool = False  # --unsafe-fixes
    write: bool = True  # False for --diff
    verbose: bool = False
    jobs: int | None = None  # None: one process per CPU


class _Task(msgspec.Struct, frozen=True):
    """One file to fix, with everything a pool worker needs (picklable)."""

    file_result: FileResult
    settings: Settings
    policy: FixPolicy
    unsafe: bool
    write: bool
    verbose: bool


def fix_run(result: RunResult, options: FixOptions) -> FixRun:
    """``result`` with its fixable files fixed (see the module docstring)."""
    tasks: dict[int, _Task] = {}
    for index, file_result in enumerate(result.file_results):
        policy = options.policy_for(file_result.path)
        if any(_wanted(policy, options.unsafe, d) for d in file_result.diagnostics):
            settings = options.settings_for(file_result.path)
            tasks[index] = _Task(file_result, settings, policy, options.unsafe, options.write, options.verbose)
    done = dict(zip(tasks, _fix_all(list(tasks.values()), options.jobs), strict=True))
    file_results = [done[index][0] if index in done else fr for index, fr in enumerate(result.file_results)]
    files = [file for _, file in done.values() if file is not None]
    return FixRun(RunResult(result.files, file_results, result.cache_hits), files)


def fix_bytes(path: str, data: bytes, options: FixOptions) -> tuple[bytes, FixOutcome, FileFix]:
    """A document that is not a file (``--stdin-filename``): its fixed bytes, the outcome, and the file's record."""
    policy = options.policy_for(path)
    doc = read_document(path, data)
    outcome = fix_document(
        doc, options.settings_for(path), lambda d: _wanted(policy, options.unsafe, d), options.verbose
    )
    return outcome.encoded(data), outcome, _record(path, doc.text, outcome, with_diff=not options.write)


def _wanted(policy: FixPolicy, unsafe: bool, diagnostic: Diagnostic) -> bool:
    return diagnostic.fix is not None and policy.applies(diagnostic.code, diagnostic.fix.applicability, unsafe)


def _fix_all(tasks: list[_Task], jobs: int | None) -> list[tuple[FileResult, FileFix | None]]:
    jobs = jobs or default_jobs()
    if jobs == 1 or len(tasks) < MIN_FILES_FOR_POOL:
        return [_fix_file(task) for task in tasks]
    with worker_pool(jobs) as pool:
        return pool.map(_fix_file, tasks, chunksize=max(1, len(tasks) // (jobs * 4)))


def _fix_file(task: _Task) -> tuple[FileResult, FileFix | None]:
    file_result = task.file_result
    path = file_result.path
    try:
        data, snapshot = read_with_snapshot(path)
    except OSError:
        return file_result, None  # it vanished or became unreadable since it was linted: nothing to fix
    doc = read_document(path, data)
    carried = [d for d in file_result.diagnostics if d.code in SITE_CODES]  # (found by the run's site pass)
    outcome = fix_document(doc, task.settings, lambda d: _wanted(task.policy, task.unsafe, d), task.verbose, carried)
    fixed = outcome.encoded(data)
    if task.write and fixed != data:
        try:
            write_atomically(path, fixed, snapshot)
        except WriteError as exc:
            message = f"fixes not written: {exc}; it is left as it was"
            failure = located_diagnostic(path, Position(1, 1, 1, 1), NOT_WRITTEN, message, task.settings)
            return FileResult(path, sorted([*file_result.diagnostics, failure], key=ORDER), file_result.urls), None
    return outcome.result, _record(path, doc.text, outcome, with_diff=not task.write)


def _record(path: str, before: str, outcome: FixOutcome, with_diff: bool) -> FileFix:
    after = outcome.doc.text
    diff = "".join(_unified_diff(path, before, after)) if with_diff and after != before else ""
    return FileFix(path, after != before, outcome.applied, outcome.reverted, diff)


def _unified_diff(path: str, before: str, after: str) -> Iterator[str]:
    """As ``git diff`` shows it, with a missing final newline marked."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    for line in lines:
        yield line
        if not line.endswith("\n"):
            yield "\n\\ No newline at end of file\n"


def write_diff(run: FixRun, out: TextIO) -> None:
    """``--diff``: the diff of each changed file."""
    for file in run.changed:
        out.write(file.diff)


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

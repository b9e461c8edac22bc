"""Many files: lint each, on every core, through the result cache.

Files are checked in worker processes (``jobs``, default: the usable CPUs) in
chunks; results come back in the order of ``files``, so the output does not
depend on ``jobs``.  Runs of fewer than ``fmlint.pools.MIN_FILES_FOR_POOL`` files (a
pre-commit call) and ``jobs=1`` stay in this process and pay no pool start-up.

The distinct settings objects are handed to each worker once, when it starts
(a compiled schema pickles as its contents and is rebuilt there); each task
names its settings by index.  With a :class:`~fmlint.cache.ResultCache`, this
process first serves every file whose stamp (``stat``) matches its entry, without
reading it; the others are read, hashed and looked up by their bytes, and
checked on a miss.  See ``fmlint.cache`` for the keys and for how rules that
depend on other files are kept fresh.

Site facts (``fmlint.site``) are extracted only from files inside a site: the
site rules look at nothing else.  Whether a file is inside one is part of its
cache key, so adding a site's configuration file is seen by the next run.
"""

from __future__ import annotations

import operator
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

import msgspec

from fmlint import gc_policy, linter
from fmlint.cache import Entry, ResultCache
from fmlint.config.settings import Settings
from fmlint.diagnostics import INTERNAL_ERROR, ORDER, Diagnostic
from fmlint.document import Document, read_document
from fmlint.file_result import FileResult
from fmlint.linter import (
    check,
    collect_facts,
    collect_urls,
    context,
    finish,
    lint_file,
    read_bytes,
    read_path,
)
from fmlint.pools import MIN_FILES_FOR_POOL, default_jobs, worker_pool
from fmlint.rules import Checker
from fmlint.rules.base import answers_unchanged
from fmlint.rules.site import SITE_CODES
from fmlint.site import walker
from fmlint.site.config import site_key, site_of

if TYPE_CHECKING:
    from fmlint.site.prefetch import Prefetch

SettingsFor = Callable[[str], Settings]

MAX_CHUNK = 128  # files: a worker holds a chunk's results (and, filling the cache, its encoded entries) at once
MIN_CHUNK = 8


class RunResult(msgspec.Struct, frozen=True, dict=True):
    files: Sequence[str]
    file_results: Sequence[FileResult] = ()  # each file's findings are about it alone, sorted
    cache_hits: int = 0

    @cached_property
    def diagnostics(self) -> list[Diagnostic]:
        """Every finding, sorted by path, line, column, code."""
        return [d for result in self.in_order() for d in result.diagnostics]

    def in_order(self) -> Sequence[FileResult]:
        """The file results by path: their findings, one after the other, are in the order of :attr:`diagnostics`."""
        paths = [result.path for result in self.file_results]
        if all(map(operator.lt, paths, paths[1:])):
            return self.file_results
        return sorted(self.file_results, key=_PATH)

    def with_diagnostics(self, found: Iterable[Diagnostic]) -> RunResult:
        """This result with the findings ``found`` added to their files' results (a file has one made)."""
        by_path: dict[str, list[Diagnostic]] = {}
        for diagnostic in found:
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
        if not by_path:
            return self
        results = [
            FileResult(r.path, sorted([*r.diagnostics, *by_path.pop(r.path)], key=ORDER), r.urls, r.facts)
            if r.path in by_path
            else r
            for r in self.file_results
        ]
        results += [FileResult(path, sorted(more, key=ORDER)) for path, more in by_path.items()]
        return msgspec.structs.replace(self, file_results=results)


_PATH = operator.attrgetter("path")


def run(
    files: Sequence[str],
    settings_for: SettingsFor,
    verbose: bool = False,
    jobs: int | None = None,
    cache: ResultCache | None = None,
    min_files_for_pool: int = MIN_FILES_FOR_POOL,
    site_checks: bool = True,
    decoded: bool = True,
) -> RunResult:
    """Lint ``files`` (each with ``settings_for(path)``, which should return one object per configuration);
    then, unless ``site_checks`` is false, the site rules (``fmlint.site.sitepass``) over their sites.

    Each result holds its findings in one form (``fmlint.file_result``): as objects, or, when ``decoded``
    is false, as the JSON lines that the ``json`` and ``json-lines`` reports write as they are."""
    distinct: dict[int, int] = {}
    settings_list: list[Settings] = []
    tasks: list[tuple[str, int]] = []
    for path in files:
        settings = settings_for(path)
        if id(settings) not in distinct:
            distinct[id(settings)] = len(settings_list)
            settings_list.append(settings)
        tasks.append((path, distinct[id(settings)]))
    if cache is not None:
        cache.prepare()
    worker = _Worker(settings_list, cache, verbose, decoded)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    few = len(tasks) < max(min_files_for_pool, 2)  # checked in this process: the other cores idle
    prefetch = _prefetch(tasks, settings_list, cache, jobs) if site_checks and jobs > 1 and few else None
    walker.discard()  # (the command's child, if this run did not take it: ended before the files are checked)
    try:
        with gc_policy.relaxed():
            with gc_policy.kept_until_exit():  # (the results served live until the process exits)
                served = worker.serve_unchanged(tasks) if cache is not None else {}
            remaining = [task for number, task in enumerate(tasks) if number not in served]
            if jobs == 1 or len(remaining) < max(min_files_for_pool, 2):
                checked, hits, stored = worker.check_chunk(remaining)
            else:
                checked, hits, stored = _in_pool(worker, remaining, jobs)
        if cache is not None:
            if stored:
                cache.evict()
            cache.close()
        fresh = iter(checked)
        results = [served[number] if number in served else next(fresh) for number in range(len(tasks))]
        result = RunResult(files, results, hits + len(served))
        if site_checks and any(r.facts is not None for r in results):
            from fmlint.site.sitepass import site_diagnostics

            known = {path: settings_list[index] for path, index in tasks}  # the site pass asks again for each
            found = site_diagnostics(
                results,
                lambda path: known[path] if path in known else settings_for(path),
                cache,
                jobs,
                verbose,
                prefetch,
            )
            result = result.with_diagnostics(d for more in found.values() for d in more)
    finally:
        if prefetch is not None:
            prefetch.close()
    return result


def _prefetch(
    tasks: list[tuple[str, int]], settings_list: list[Settings], cache: ResultCache | None, jobs: int
) -> Prefetch | None:
    """The sites' content files and stamps that the site pass of a run checked in this process will want,
    taken meanwhile by forked children on the other ``jobs`` (``fmlint.site.prefetch``): with the cache."""
    if cache is None:
        return None
    from fmlint.site.prefetch import Prefetch

    return Prefetch.start(((path, settings_list[index]) for path, index in tasks), cache, jobs)


class _Worker:
    """Checks files for one run; built once per worker process."""

    def __init__(
        self, settings_list: list[Settings], cache: ResultCache | None, verbose: bool, decoded: bool = True
    ) -> None:
        self.settings_list = settings_list
        self.cache = cache
        self.verbose = verbose
        self.decoded = decoded  # see ``run``
        # file keys are these (one per settings; the second for files outside any site) + the path
        self.key_prefixes = [] if cache is None else [cache.key_prefix(s) for s in settings_list]
        self.outside_prefixes = [] if cache is None else [cache.key_prefix(s, inside_site=False) for s in settings_list]
        self.site_rules = [bool(s.enabled_codes & SITE_CODES) for s in settings_list]
        self._in_site: dict[str, bool] = {}  # by folder
        groups = [checker_groups(settings) for settings in settings_list]
        self.stable = [stable for stable, _, _ in groups]
        self.filesystem = [filesystem for _, filesystem, _ in groups]
        self.clock = [clock for _, _, clock in groups]

    def serve_unchanged(self, tasks: Sequence[tuple[str, int]]) -> dict[int, FileResult]:
        """The results of the files whose stamp matches their entry, by task number; nothing is read.

        Files whose settings run clock-dependent rules, files with suppression
        comments and files whose probes answer differently are left to
        :meth:`check`, which reads them.
        """
        cache = self.cache
        assert cache is not None
        wanted: dict[str, tuple[str, str]] = {}
        numbers: dict[str, int] = {}
        now = time.time_ns()
        for number, (path, index) in enumerate(tasks):  # 10,000 files: keep the loop short
            if self.clock[index]:
                continue
            try:
                status = os.stat(path)
            except OSError:
                continue
            if stat.S_ISREG(status.st_mode) and (stamp := cache.stamp(status, now)) is not None:
                file_key = self.file_key(path, index)
                wanted[file_key] = (stamp, path)
                numbers[file_key] = number
        served: dict[int, FileResult] = {}
        for file_key, entry in cache.load_stamped(wanted):
            if not entry.suppressions and answers_unchanged(entry.probes):
                served[numbers[file_key]] = result = _stored_result(entry)
                if self.decoded:  # as each is read: its bytes are freed while they are the newest memory
                    result.hold_objects()
        return served

    def check_chunk(
        self, tasks: Sequence[tuple[str, int]], json_lines: bool = False
    ) -> tuple[list[FileResult], int, int]:
        """The results of ``tasks`` in order, and how many were cache hits and how many were stored.

        Each result holds its findings in one form: JSON lines when ``json_lines`` (a worker process sends
        them to a run whose report writes them as they are: see ``FileResult.__reduce__``), else objects."""
        results, hits, stored = [], 0, 0
        for number, (path, index) in enumerate(tasks, 1):
            result, hit = self.check(path, index)
            if json_lines:
                result.hold_json_lines()
            else:
                result.hold_objects()
            results.append(result)
            hits += hit
            if self.cache is not None and (number % MAX_CHUNK == 0 or number == len(tasks)):
                stored += self.cache.flush()  # a run in this process holds at most a chunk's entries too
        return results, hits, stored

    def check(self, path: str, index: int) -> tuple[FileResult, bool]:
        """One file's result, and whether it came from the cache (entries are queued for the chunk's flush).

        A hit is served as stored unless the filesystem rules' probes answer
        differently now, clock-dependent rules are enabled, or the file has
        suppression comments; then the file is parsed again for those rules and
        the comments are applied to the whole set of findings.
        """
        settings = self.settings_list[index]
        cache = self.cache
        facts = self.wants_facts(path, index)
        if cache is None:
            return lint_file(read_path(path, settings.max_file_size), settings, self.verbose, facts), False
        try:  # before reading: a stamp may be older than the bytes, never newer
            status: os.stat_result | None = os.stat(path)
        except OSError:
            status = None  # read_bytes says why
        stamp = None if status is None else cache.stamp(status, time.time_ns())
        data = read_bytes(path, settings.max_file_size, status)
        if isinstance(data, Document):  # unreadable: nothing to hash
            return lint_file(data, settings, self.verbose, facts), False
        file_key = self.file_key(path, index)
        key = cache.key(file_key, data)
        found = cache.load(key, path)
        if found is not None:
            entry, stored_stamp = found
            if stored_stamp != stamp:
                cache.restamp(key, stamp)
            unchanged = answers_unchanged(entry.probes)
            if unchanged and not self.clock[index] and not entry.suppressions:
                return _stored_result(entry), True
            ctx, _ = context(read_document(path, data), settings, self.verbose)  # it parsed without a crash before
            filesystem = entry.filesystem if unchanged else check(ctx, self.filesystem[index], self.verbose)
        else:
            ctx, errors = context(read_document(path, data), settings, self.verbose)
            stable = [*errors, *check(ctx, self.stable[index], self.verbose)]
            filesystem = check(ctx, self.filesystem[index], self.verbose)
            urls, url_errors = collect_urls(ctx, self.verbose)
            found_facts, facts_errors = collect_facts(ctx, self.verbose) if facts else (None, [])
            stable += url_errors + facts_errors
            result = FileResult(path, sorted(stable, key=ORDER), urls, found_facts)
            entry = Entry(result, sorted(filesystem, key=ORDER), tuple(ctx.probes), ctx.may_have_directives)
            if not any(d.code == INTERNAL_ERROR for d in (*stable, *filesystem)):  # a crash is shown again, not stored
                cache.store(key, file_key, stamp, entry)
        found_now = [*entry.result.diagnostics, *filesystem, *check(ctx, self.clock[index], self.verbose)]
        diagnostics, urls = finish(ctx, found_now, entry.result.urls)
        if diagnostics == entry.result.diagnostics and urls == entry.result.urls:  # as stored: encoded once
            return entry.result, found is not None
        return FileResult(path, diagnostics, urls, entry.result.facts), found is not None

    def wants_facts(self, path: str, index: int) -> bool:
        """Whether the file's site facts are extracted: a site rule is enabled and a site holds the file."""
        if not self.site_rules[index]:
            return False
        folder = os.path.dirname(path)
        inside = self._in_site.get(folder)
        if inside is None:
            site = site_of(path)
            inside = self._in_site[folder] = site is not None and bool(site.content_dirs)
        return inside

    def file_key(self, path: str, index: int) -> str:
        """Everything in the file's cache key but its bytes."""
        outside = self.site_rules[index] and not self.wants_facts(path, index)
        prefix = self.outside_prefixes[index] if outside else self.key_prefixes[index]
        return prefix + path + site_key(path, self.settings_list[index].preset)


def _stored_result(entry: Entry) -> FileResult:
    """An entry's findings as a result (both lists are sorted; the filesystem list is usually empty)."""
    result = entry.result
    if not entry.filesystem:
        return result
    return FileResult(
        result.path, sorted([*result.diagnostics, *entry.filesystem], key=ORDER), result.urls, result.facts
    )


def checker_groups(settings: Settings) -> tuple[tuple[Checker, ...], tuple[Checker, ...], tuple[Checker, ...]]:
    """The enabled rule modules that read only the file, those that read other files, and those that read the clock."""
    checkers = linter.CHECKERS
    clock = tuple(c for c in checkers if any(settings.is_enabled(code) for code in c.clock_dependent))
    filesystem = tuple(c for c in checkers if c.filesystem_dependent and c.is_enabled(settings) and c not in clock)
    stable = tuple(c for c in checkers if c.is_enabled(settings) and c not in clock and c not in filesystem)
    return stable, filesystem, clock


def _in_pool(worker: _Worker, tasks: list[tuple[str, int]], jobs: int) -> tuple[list[FileResult], int, int]:
    chunks = _chunks(tasks, jobs)
    results: list[FileResult] = []
    hits = stored = 0
    with worker_pool(min(jobs, len(chunks)), _start_worker, (worker,)) as pool, gc_policy.kept_until_exit():
        for chunk_results, chunk_hits, chunk_stored in pool.imap(_check_chunk, chunks):
            results.extend(chunk_results)
            hits += chunk_hits
            stored += chunk_stored
    return results, hits, stored


def _chunks(tasks: list[tuple[str, int]], jobs: int) -> list[list[tuple[str, int]]]:
    """Chunks that shrink as the work left does ("guided" scheduling): large ones while there is
    plenty left, then smaller ones, so that no worker is left with a long last chunk while the
    others wait."""
    chunks = []
    start = 0
    while start < len(tasks):
        size = max(MIN_CHUNK, min(MAX_CHUNK, (len(tasks) - start) // (jobs * 4)))
        chunks.append(tasks[start : start + size])
        start += size
    return chunks


_worker: _Worker | None = None


def _start_worker(worker: _Worker) -> None:
    global _worker
    _worker = worker


def _check_chunk(tasks: Sequence[tuple[str, int]]) -> tuple[list[FileResult], int, int]:
    assert _worker is not None, "the pool initializer sets the worker"
    with gc_policy.relaxed():
        return _worker.check_chunk(tasks, json_lines=not _worker.decoded)

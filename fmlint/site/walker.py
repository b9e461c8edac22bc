"""A forked child walking a site and taking each file's stamp; the one the ``fmlint`` command starts first.

A run over a few files has a child walk their site and stamp its files while it
checks them (``fmlint.site.prefetch``, which reads what the child sends).
Forked where the run knows which files it checks, after all its imports and its
configuration (~180 ms into a pre-commit run on the 10k-file benchmark site),
the child was still at work (~100 ms) when the run wanted the stamps.  So the
``fmlint`` command forks it first (:func:`start`), for the site of the first
Markdown file it was given, as soon as it has read that site's configuration
(the site's modules are the run's first imports: the child has them, and walks
while the run imports the rest).  The run's prefetch takes it for a site
configured alike (:func:`take`); else, and in a run that wants no child (one
job, the pool, no cache, no site rules), it is ended (:func:`discard`) before
the files are checked.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from fmlint.pools import MIN_FILES_FOR_POOL, default_jobs
from fmlint.stamps import RACY_NS, stamps_now

if TYPE_CHECKING:
    from fmlint.site.config import SiteConfig

# a fork without an exec: where the per-file pass forks its workers (macOS's system libraries do not allow it)
FORKS = sys.platform.startswith("linux") and hasattr(os, "fork") and hasattr(os, "memfd_create")
_MARKDOWN = (".md", ".markdown", ".mdx")
END = 8  # bytes of each part's end, sent on the pipe
_SPLIT_STAMPS = 2_000  # files: a site with more has its stamps taken by two processes (a fork costs ~1 ms)


class Forked(NamedTuple):
    """A child walking a site: its process, the pipe it sends each part's end on, the memory file of the parts."""

    pid: int
    pipe: int
    parts: int


class _Started(NamedTuple):
    site: SiteConfig  # the site it walks
    child: Forked


_started: _Started | None = None


def fork_walker(walk: Callable[[int, int], object]) -> Forked | None:
    """A forked child that runs ``walk(memory file, pipe)`` and leaves (``None``: no fork)."""
    opened: list[int] = []
    try:
        opened += os.pipe()
        opened.append(os.memfd_create("fmlint-site", os.MFD_CLOEXEC))
        pid = os.fork()
    except OSError:  # (out of file descriptors, memory or processes: the site pass walks)
        for descriptor in opened:
            os.close(descriptor)
        return None
    reading, writing, parts = opened
    if pid == 0:  # the child: whatever happens (an interrupt too), it leaves here
        try:
            os.close(reading)
            walk(parts, writing)
            os._exit(0)
        finally:
            os._exit(1)
    os.close(writing)
    return Forked(pid, reading, parts)


def start(args: Sequence[str]) -> None:
    """Fork the child walking the site of the first Markdown file in the ``fmlint`` command's ``args``, for a run
    that may want it: one naming a few such files, with the cache, on more than one core."""
    global _started
    if _started is not None or not FORKS or "--no-cache" in args:
        return
    named = [arg for arg in args if arg.lower().endswith(_MARKDOWN)]  # (no file is asked of the system yet)
    if not 0 < len(named) < MIN_FILES_FOR_POOL or default_jobs() < 2 or not _site_rules_may_run(args):
        return
    first = next((arg for arg in named if os.path.isfile(arg)), None)
    if first is None:
        return
    from fmlint.site.config import site_of  # (the run's first import of the site's modules)

    try:
        site = site_of(first)
    except Exception:  # (the run reads it again, and reports what fails)
        return
    if site is not None and site.content_dirs:
        gc.freeze()  # (the collector of this process, which imports on, then leaves the objects the child shares)
        child = fork_walker(lambda parts, pipe: walk(site, RACY_NS, parts, pipe))
        if child is not None:
            _started = _Started(site, child)


def _site_rules_may_run(args: Sequence[str]) -> bool:
    """Whether ``args`` leave the site rules on, as far as the command line tells (a configuration file may turn them
    off: the runner then ends the child): not with ``--ignore SITE`` (or a prefix of it, or ``ALL``), nor with a
    ``--select`` of other rules alone.  (A child walking for a run with the site rules off took the core its run
    needed: 3 files checked with ``--ignore SITE`` took 0.30 s instead of 0.22 s.)"""
    given: dict[str, list[str]] = {"--ignore": [], "--select": [], "--extend-select": []}
    for option, value in zip(args, [*args[1:], ""], strict=True):
        name, equals, written = option.partition("=")
        if name in given:
            given[name] += [code.strip().upper() for code in (written if equals else value).split(",") if code.strip()]
    if any("SITE".startswith(code) or code == "ALL" for code in given["--ignore"]):
        return False
    selected = [*given["--select"], *given["--extend-select"]]
    return not given["--select"] or any(_may_select_site_rules(code) for code in selected)


def _may_select_site_rules(code: str) -> bool:
    """Whether ``code`` (of ``--select``, upper-cased) may name a site rule: a prefix of ``SITE`` or a code below
    it, ``ALL``, or a rule's name (the names are not known here)."""
    return "SITE".startswith(code) or code.startswith("SITE") or "-" in code or code == "ALL"


def take(site: SiteConfig) -> Forked | None:
    """The child started, if it walks ``site`` (configured alike); it is the caller's from then on."""
    global _started
    if _started is None or _started.site != site:
        return None
    child, _started = _started.child, None
    return child


def discard() -> None:
    """End the child started, if no run took it."""
    global _started
    if _started is not None:
        end(_started.child)
        _started = None


def end(child: Forked) -> None:
    """Close its pipe and memory file, and reap it (ended first if it still works)."""
    import signal
    from contextlib import suppress

    os.close(child.pipe)
    os.close(child.parts)
    with suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)
    os.waitpid(child.pid, 0)


def walk(site: SiteConfig, racy_ns: int, parts: int, pipe: int) -> None:
    """In a child: the site's files walked (their ``Listing``) and sent, then their stamps."""
    from fmlint.site.walk import walk_content

    listing = walk_content(site)
    _send(parts, pipe, listing)
    _send(parts, pipe, _stamps_on_two_cores(listing.files, racy_ns))  # (a tenth fewer bytes than a dict)


def _stamps_on_two_cores(files: list[str], racy_ns: int) -> list[str | None]:
    """The stamps of ``files`` in their order; on a large site the second half taken by a forked grandchild while
    this child takes the first (a ``stat`` a file is ~6 µs: on the 10k-file benchmark site the run waited ~60 ms
    for them, which both cores take in half the time).  If the grandchild fails, this child takes its half too."""
    half = len(files) // 2 if len(files) >= _SPLIT_STAMPS else 0
    opened: list[int] = []
    try:
        if half:
            opened += os.pipe()
            pid = os.fork()
    except OSError:
        for descriptor in opened:
            os.close(descriptor)
        half = 0
    if not half:
        return stamps_now(files, racy_ns)
    reading, writing = opened
    if pid == 0:  # the grandchild: it leaves here
        try:
            os.close(reading)
            _write_all(writing, pickle.dumps(stamps_now(files[half:], racy_ns), pickle.HIGHEST_PROTOCOL))
            os._exit(0)
        finally:
            os._exit(1)
    os.close(writing)
    first = stamps_now(files[:half], racy_ns)
    with os.fdopen(reading, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(pid, 0)
    second = pickle.loads(sent) if status == 0 else None
    return first + (second if isinstance(second, list) else stamps_now(files[half:], racy_ns))


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _send(parts: int, pipe: int, value: object) -> None:
    """Append ``value`` pickled to the memory file, and send where it ends."""
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    end = os.lseek(parts, 0, os.SEEK_END) + len(data)
    _write_all(parts, data)
    os.write(pipe, end.to_bytes(END, "little"))

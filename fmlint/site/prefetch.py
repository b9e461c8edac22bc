"""A site's content files and their stamps, taken by a forked child while a run over a few of them checks them.

Before a run over a few files can use what was kept for their site
(``fmlint.site.sitepass``), it needs every content file of the site and each
one's stamp: on the 10k-file benchmark site a walk of 13-30 ms and a ``stat`` a
file, 40-80 ms — after start-up, a pre-commit run's largest share, and one that
depends on nothing the run checks.  A child forked before the run's files are
checked walks and stats on the other core while this process checks the files
(and, on a large site, a grandchild takes half of the stamps once the child has
walked: this process then only waits).  It sends the files as soon as it has
walked (the site pass decodes the findings kept for the site meanwhile, starts
with the files and asks for the stamps only when it must know that no other file
changed: it has worked out what the run's files changed by then), each part
written to a shared memory file (a pipe's buffer holds a tenth of a large site's files) and its end
sent on a pipe.  The runner starts it for a run whose files it checks in this
process (too few for its pool: the other core idles), with the cache (the
stamps are its) and more than one job; only from one thread (a fork copies no
other), on Linux (where the per-file pass forks its workers too).  If the child
fails, the site pass walks, or stats, as it would have.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from fmlint.config.settings import Settings
from fmlint.rules.site import SITE_CODES
from fmlint.site.config import SiteConfig, site_of
from fmlint.site.walk import Listing, Walked, content_stamps, walk_content

if TYPE_CHECKING:
    from fmlint.cache import ResultCache

# a fork without an exec: where the per-file pass forks its workers (macOS's system libraries do not allow it)
_FORKS = sys.platform.startswith("linux") and hasattr(os, "fork") and hasattr(os, "memfd_create")
_END = 8  # bytes of each part's end, sent on the pipe
_SPLIT_STAMPS = 2_000  # files: a site with more has its stamps taken by two processes (a fork costs ~1 ms)


class Prefetch:
    """The children walking the sites of a run's files, by site."""

    def __init__(self) -> None:
        self._children: dict[str, _Child] = {}
        self._taken: list[_Child] = []  # (ended when their stamps are read, or by :meth:`close`)

    @classmethod
    def start(cls, files: Iterable[tuple[str, Settings]], cache: ResultCache, cores: int) -> Prefetch | None:
        """A child for each site of ``files`` (path, settings) whose site rules a file enables, up to one for
        each of the other ``cores`` (the site pass walks the sites of the others itself)."""
        if threading.active_count() > 1 or not _FORKS:
            return None
        prefetch = cls()
        folders: set[str] = set()
        for path, settings in files:
            if len(prefetch._children) >= cores - 1:
                break
            folder = os.path.dirname(os.path.abspath(path))
            if folder in folders or not settings.enabled_codes & SITE_CODES:
                continue
            folders.add(folder)
            site = site_of(path)
            if site is not None and site.content_dirs and site.root not in prefetch._children:
                child = _Child.fork(site, cache)
                if child is not None:
                    prefetch._children[site.root] = child
        return prefetch

    def walking(self, site: SiteConfig) -> bool:
        """Whether a child was started for ``site`` (and its findings not yet taken)."""
        return site.root in self._children

    def take(self, site: SiteConfig) -> Walked | None:
        """What the child of ``site`` found, its stamps still on their way (``None``: none was started for it as
        configured, or it failed)."""
        child = self._children.pop(site.root, None)
        if child is None:
            return None
        self._taken.append(child)
        listing = child.listing() if child.site is site else None  # (not: the configuration was read again)
        if listing is None:
            child.end()
            return None
        return Walked(listing, child.stamps)

    def close(self) -> None:
        """End the children whose findings were not all taken (they only read the file system)."""
        for child in [*self._children.values(), *self._taken]:
            child.end()
        self._children.clear()
        self._taken.clear()


class _Child:
    """A forked child walking ``site``: its process, the pipe it sends each part's end on and the memory file
    holding the parts."""

    def __init__(self, site: SiteConfig, cache: ResultCache, pid: int, pipe: int, parts: int) -> None:
        self.site, self.cache, self.pid, self.pipe, self.parts = site, cache, pid, pipe, parts
        self.at = 0  # where the next part starts
        self.files: list[str] = []

    @classmethod
    def fork(cls, site: SiteConfig, cache: ResultCache) -> _Child | None:
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
                listing = walk_content(site)
                _send(parts, writing, listing)
                _send(parts, writing, _stamps_on_two_cores(listing.files, cache))  # (a tenth fewer bytes than a dict)
                os._exit(0)
            finally:
                os._exit(1)
        os.close(writing)
        return cls(site, cache, pid, reading, parts)

    def listing(self) -> Listing | None:
        """The site's files as the child found them (``None``: it failed)."""
        try:
            listing = Listing(*self._part())
        except Exception:  # (the site pass walks, and reports what fails)
            return None
        self.files = listing.files
        return listing

    def stamps(self) -> dict[str, str | None]:
        """Their stamps (taken here if the child failed)."""
        try:
            return dict(zip(self.files, self._part(), strict=True))
        except Exception:
            return content_stamps(self.files, self.cache, {})
        finally:
            self.end()

    def _part(self) -> Any:
        sent = os.read(self.pipe, _END)
        if len(sent) < _END:
            raise EOFError("the child ended without sending it")
        end = int.from_bytes(sent, "little")
        data, self.at = os.pread(self.parts, end - self.at, self.at), end
        return pickle.loads(data)

    def end(self) -> None:
        """Close its pipe and memory file, and reap it (ended first if it still works)."""
        if self.pipe < 0:
            return
        os.close(self.pipe)
        os.close(self.parts)
        self.pipe = -1
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def _stamps_on_two_cores(files: list[str], cache: ResultCache) -> list[str | None]:
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
        return _stamps_of(files, cache)
    reading, writing = opened
    if pid == 0:  # the grandchild: it leaves here
        try:
            os.close(reading)
            _write_all(writing, pickle.dumps(_stamps_of(files[half:], cache), pickle.HIGHEST_PROTOCOL))
            os._exit(0)
        finally:
            os._exit(1)
    os.close(writing)
    first = _stamps_of(files[:half], cache)
    with os.fdopen(reading, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(pid, 0)
    second = pickle.loads(sent) if status == 0 else None
    return first + (second if isinstance(second, list) else _stamps_of(files[half:], cache))


def _stamps_of(files: list[str], cache: ResultCache) -> list[str | None]:
    stamps = content_stamps(files, cache, {})
    return [stamps[path] for path in files]


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _send(parts: int, pipe: int, value: object) -> None:
    """Append ``value`` pickled to the memory file, and send where it ends."""
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    end = os.lseek(parts, 0, os.SEEK_END) + len(data)
    _write_all(parts, data)
    os.write(pipe, end.to_bytes(_END, "little"))

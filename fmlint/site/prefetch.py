"""A site's content files and their stamps, taken by a forked child while a run over a few of them checks them.

Before a run over a few files can use what was kept for their site
(``fmlint.site.sitepass``), it needs every content file of the site and each
one's stamp: on the 10k-file benchmark site a walk of ~13 ms and a ``stat`` a
file, ~40 ms — after start-up, a pre-commit run's largest share, and one that
depends on nothing the run checks.  A child forked before the run's files are
checked walks and stats on the other core and sends both back, while this
process checks the files.  The runner starts it for a run whose files it
checks in this process (too few for its pool: the other core idles), with the
cache (the stamps are its) and more than one job; only from one thread (a fork
copies no other), on Linux (where the per-file pass forks its workers too).  If
the child fails, the site pass walks and stats as it would have.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from fmlint.config.settings import Settings
from fmlint.rules.site import SITE_CODES
from fmlint.site.config import SiteConfig, site_of
from fmlint.site.walk import Walked, walk

if TYPE_CHECKING:
    from fmlint.cache import ResultCache

# a fork without an exec: where the per-file pass forks its workers (macOS's system libraries do not allow it)
_FORKS = sys.platform.startswith("linux") and hasattr(os, "fork")


class Prefetch:
    """The children walking the sites of a run's files: their process and the pipe each sends on, by site."""

    def __init__(self) -> None:
        self._children: dict[str, tuple[SiteConfig, int, int]] = {}

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
                prefetch._fork(site, cache)
        return prefetch

    def _fork(self, site: SiteConfig, cache: ResultCache) -> None:
        try:
            reading, writing = os.pipe()
        except OSError:  # (out of file descriptors: the site pass walks)
            return
        try:
            pid = os.fork()
        except OSError:
            os.close(reading)
            os.close(writing)
            return
        if pid == 0:  # the child: whatever happens (an interrupt too), it leaves here
            try:
                os.close(reading)
                files, adapters, ignores, stamps = walk(site, cache, {})
                # (the stamps in the files' order: a tenth fewer bytes than the mapping)
                sent = (files, adapters, ignores, [stamps[path] for path in files])
                with open(writing, "wb") as pipe:
                    pipe.write(pickle.dumps(sent, pickle.HIGHEST_PROTOCOL))
                os._exit(0)
            finally:
                os._exit(1)
        os.close(writing)
        self._children[site.root] = (site, pid, reading)

    def take(self, site: SiteConfig) -> Walked | None:
        """What the child of ``site`` found (``None``: none was started for it as configured, or it failed)."""
        child = self._children.pop(site.root, None)
        if child is None:
            return None
        started, pid, reading = child
        with open(reading, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        if started is not site:  # (the site's configuration was read again meanwhile)
            return None
        try:
            files, adapters, ignores, stamps = pickle.loads(data)
            return Walked(files, adapters, ignores, dict(zip(files, stamps, strict=True)))
        except Exception:  # the child failed (the site pass walks again, and reports what fails)
            return None

    def close(self) -> None:
        """End the children whose findings were not taken (they only read the file system)."""
        for _, pid, reading in self._children.values():
            os.close(reading)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        self._children.clear()

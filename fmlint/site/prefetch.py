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
other), on Linux (where the per-file pass forks its workers too).  The
``fmlint`` command forks one before it imports the run (``fmlint.site.walker``):
the runner takes it for its site if it walked the site as configured here.  If
the child fails, the site pass walks, or stats, as it would have.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fmlint.config.settings import Settings
from fmlint.rules.site import SITE_CODES
from fmlint.site import walker
from fmlint.site.config import SiteConfig, site_of
from fmlint.site.walk import Listing, Walked
from fmlint.stamps import RACY_NS, stamps_now

if TYPE_CHECKING:
    from fmlint.cache import ResultCache


class Prefetch:
    """The children walking the sites of a run's files, by site."""

    def __init__(self) -> None:
        self._children: dict[str, _Child] = {}
        self._taken: list[_Child] = []  # (ended when their stamps are read, or by :meth:`close`)

    @classmethod
    def start(cls, files: Iterable[tuple[str, Settings]], cache: ResultCache, cores: int) -> Prefetch | None:
        """A child for each site of ``files`` (path, settings) whose site rules a file enables, up to one for
        each of the other ``cores`` (the site pass walks the sites of the others itself); the one the command
        started (``fmlint.site.walker``) for the first site, if it walks it as this run does."""
        if threading.active_count() > 1 or not walker.FORKS:
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
                started = walker.take(site) if cache.racy_ns == RACY_NS else None
                child = _Child(site, started, RACY_NS) if started is not None else _Child.fork(site, cache.racy_ns)
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
        listing = child.listing() if child.site == site else None  # (not: the configuration was read again)
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
    """A forked child walking ``site`` (``fmlint.site.walker``), its stamps taken with ``racy_ns``."""

    def __init__(self, site: SiteConfig, forked: walker.Forked, racy_ns: int) -> None:
        self.site, self.forked, self.racy_ns = site, forked, racy_ns
        self.at = 0  # where the next part starts
        self.files: list[str] = []
        self.ended = False

    @classmethod
    def fork(cls, site: SiteConfig, racy_ns: int) -> _Child | None:
        forked = walker.fork_walker(lambda parts, pipe: walker.walk(site, racy_ns, parts, pipe))
        return None if forked is None else cls(site, forked, racy_ns)

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
            return dict(zip(self.files, stamps_now(self.files, self.racy_ns), strict=True))
        finally:
            self.end()

    def _part(self) -> Any:
        sent = os.read(self.forked.pipe, walker.END)
        if len(sent) < walker.END:
            raise EOFError("the child ended without sending it")
        end = int.from_bytes(sent, "little")
        data, self.at = os.pread(self.forked.parts, end - self.at, self.at), end
        return pickle.loads(data)

    def end(self) -> None:
        """End it (``fmlint.site.walker.end``), once."""
        if not self.ended:
            self.ended = True
            walker.end(self.forked)

"""The reference check of a large site on two cores: its pages' references checked in a forked process.

The site pass runs after the per-file pass's pool has finished, on one core while the other idles;
the reference check is most of it. A child forked from the finished index (nothing is sent to it)
and this process share it: the pages' references in blocks of :data:`BLOCK` pages, in two queues —
the references that name a ``#fragment`` and the others — taken from their fronts by this process
(the others first, once its other checks are done) and from their backs by the child (those with a
fragment first: only their checks work out the heading IDs of the pages they lead to, so a page's
IDs are worked out in both processes only where this process, its own work done, takes blocks of
that queue too). Neither waits while the other has work left (``_Claims``: counters and a lock in
memory both share). On the 10k benchmark site (stop 47's start) this process's other checks took ~85
ms, the references without a fragment ~130 ms and those with one ~225 ms; on hugo-docs and the Rust
blog 67–71 % of the local links name a fragment. Until stop 44 the pages were shared statically
(three in five to the child), and each process worked out the IDs of most pages that are linked to.
A resolution is not shared between them: both decode the references of the pages they take and
resolve their own (stop 45: at 2,000 articles the child ran 0.29 G instructions where the parent
saved 0.22 G) for the wall time of the second core (benchmarks/README.md, stops 44, 45 and 47). A
run that keeps the site's findings gives the child an *aside* to do first (storing every page's
keys: ~0.3 s on the 10k site), and this process takes more of the references meanwhile; until stop
71 the child checked every reference then while this process worked out the keys, and stored them
once both were done. The child sends back its findings (by page number and their number in the
page), the files it looked for and what its aside returned. Only where the per-file pass forks its
workers (Linux), with more than one job, for a site of :data:`MIN_PAGES` pages or more; if the child
fails, this process checks the blocks it did not take.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from fmlint.fix.model import DiagnosticFix
from fmlint.site.checks import Finding, Wanted, numbered_reference_findings
from fmlint.site.facts import At
from fmlint.site.index import SiteIndex

if TYPE_CHECKING:  # (multiprocessing is imported when a check is split: a pre-commit run never splits)
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

MIN_PAGES = 2000  # below, a fork (~10 ms with a large heap) saves little

_Sent = tuple[
    list[tuple[int, int, str, str, At, DiagnosticFix | None]], list[tuple[str, str, bool]], bool | None
]  # findings by page number and number in the page, probes, what the aside returned
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(_Sent)


def splits(index: SiteIndex, jobs: int | None) -> bool:
    """Whether the reference check of ``index`` is worth splitting (and can be, by a fork) with ``jobs``."""
    if (jobs is not None and jobs < 2) or len(index.pages) < MIN_PAGES:
        return False
    import multiprocessing

    return multiprocessing.get_context().get_start_method() == "fork"  # (as the per-file pass's pool starts)


class Shared(NamedTuple):
    """The findings of both processes, and what the child's aside returned (``None``: no aside, or the child
    failed before it could say)."""

    findings: list[Finding]
    aside: bool | None


@contextmanager
def split_references(
    index: SiteIndex, wanted: Wanted, aside: Callable[[], bool] | None = None
) -> Iterator[Callable[[], Shared]]:
    """Check the references in a forked child while the body of the ``with`` runs, and here when the function
    it gives is called, shared block by block (:class:`_Claims`); the child first calls ``aside``, work of
    its own that this process does not wait for (it takes more of the blocks meanwhile).  The function waits
    for the child's findings (adding the files the child looked for to ``index.probes``) and returns them all
    in the order one whole check finds them: page by page, each page's own order kept."""
    import multiprocessing

    numbers = {id(page): number for number, page in enumerate(index.pages)}
    context = multiprocessing.get_context("fork")
    claims = _Claims(context, len(index.pages))
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_check_share, args=(index, numbers, wanted, claims, sending, aside), daemon=True)
    child.start()
    sending.close()

    def findings() -> Shared:
        here: list[tuple[bool, int]] = []  # the blocks this process took
        own = _numbered(numbers, _of_blocks(index, wanted, claims.taken(False, here)))
        try:
            found, probes, done = _DECODER.decode(receiving.recv_bytes())
        except (EOFError, OSError, msgspec.MsgspecError):  # the child failed: the blocks this process did not take
            left = [(fragments, block) for fragments in (False, True) for block in range(claims.blocks)]
            theirs = _numbered(numbers, _of_blocks(index, wanted, sorted(set(left) - set(here))))
            done = None
        else:
            index.probes += probes
            theirs = [
                (page, number, Finding(index.pages[page], code, message, at, fix))
                for page, number, code, message, at, fix in found
            ]
        return Shared([finding for *_, finding in sorted([*own, *theirs], key=lambda each: each[:2])], done)

    try:
        yield findings
    finally:
        receiving.close()
        child.join()


def _numbered(numbers: dict[int, int], found: Iterator[tuple[int, Finding]]) -> list[tuple[int, int, Finding]]:
    """Findings with their page's number and their number in it."""
    return [(numbers[id(finding.page)], number, finding) for number, finding in found]


class _Claims:
    """Two queues of blocks of :data:`BLOCK` pages, one for the references without a fragment, one for those with
    one, each taken from its front by this process and from its back by the child (counters and a lock in memory
    both share, made before the fork): this process takes the references without a fragment first (its other
    checks done), the child those with one (whose checks work out the heading IDs of the pages they lead to:
    the IDs of a page are worked out in both processes only for the blocks this process takes once the first
    queue is empty).  Neither waits while the other has work left.  A lock not had within :data:`WAIT` seconds
    (the other process died holding it) ends the claims of this process."""

    def __init__(self, context: BaseContext, pages: int) -> None:
        self.blocks = -(-pages // BLOCK)
        self.lock = context.Lock()
        # by queue (without, with a fragment): the next block from the front, the last one left + 1
        self.ends = context.RawArray("i", [0, self.blocks, 0, self.blocks])

    def take(self, fragments: bool, back: bool) -> int | None:
        """The next block of the queue, from its back or its front; ``None`` when it is empty."""
        if not self.lock.acquire(timeout=WAIT):
            return None
        try:
            front, end = (2, 3) if fragments else (0, 1)
            if self.ends[front] >= self.ends[end]:
                return None
            if back:
                self.ends[end] -= 1
                return self.ends[end]
            self.ends[front] += 1
            return self.ends[front] - 1
        finally:
            self.lock.release()

    def taken(self, back: bool, record: list[tuple[bool, int]]) -> Iterator[tuple[bool, int]]:
        """The blocks taken one at a time (each added to ``record``) from the backs of the queues, that of the
        references with a fragment first, or from their fronts, the other first, until both are empty."""
        for fragments in (back, not back):
            while (block := self.take(fragments, back)) is not None:
                record.append((fragments, block))
                yield fragments, block


BLOCK = 32  # pages claimed at a time: ~0.5 ms of references on the 10k benchmark site
WAIT = 5.0


def _of_blocks(index: SiteIndex, wanted: Wanted, blocks: Iterable[tuple[bool, int]]) -> Iterator[tuple[int, Finding]]:
    """The findings of the references of ``blocks`` (with a fragment or not, the block's number)."""
    for fragments, block in blocks:
        yield from numbered_reference_findings(
            index, wanted, fragments, index.pages[block * BLOCK : (block + 1) * BLOCK]
        )


def _check_share(
    index: SiteIndex,
    numbers: dict[int, int],
    wanted: Wanted,
    claims: _Claims,
    sending: Connection,
    aside: Callable[[], bool] | None = None,
) -> None:
    done = aside() if aside is not None else None
    start = len(index.probes)
    found = _numbered(numbers, _of_blocks(index, wanted, claims.taken(True, [])))
    sent: _Sent = ([(page, n, f.code, f.message, f.at, f.fix) for page, n, f in found], index.probes[start:], done)
    sending.send_bytes(_ENCODER.encode(sent))
    sending.close()

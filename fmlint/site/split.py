"""The reference check of a large site on two cores: its pages' references checked in a forked process.

The site pass runs after the per-file pass's pool has finished, on one core while the
other idles; the reference check is most of it (on the 10k benchmark site ~0.65 s of CPU
of ~1.1 s). A child forked from the finished index (nothing is sent to it) checks the
references of three pages in five while this process runs the other checks and the
reference check of the other two — of none when it also works out the findings to keep
(a run with the cache over the whole site: ~0.3 s more on the 10k site). Measured on it:
two pages in five end both processes within 0.01–0.14 s of each other, where half of
them left this process last by 0.06–0.22 s and a third left the child last by ~0.18 s;
with the findings to keep, every page to the child ends it ~0.1 s after this process.
Each process resolves the references its pages make: a resolution is not shared between
them. The child sends back its findings (by page number) and the files it looked for.
Only where the per-file pass forks its workers (Linux), with more than one job, for a
site of :data:`MIN_PAGES` pages or more; if the child fails, this process checks its
pages too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import msgspec

from fmlint.fix.model import DiagnosticFix
from fmlint.site.checks import Finding, broken_references
from fmlint.site.facts import At
from fmlint.site.index import Page, SiteIndex

if TYPE_CHECKING:  # (multiprocessing is imported when a check is split: a pre-commit run never splits)
    from multiprocessing.connection import Connection

MIN_PAGES = 2000  # below, a fork (~10 ms with a large heap) saves little

Wanted = Callable[[Page], bool]
_Sent = tuple[
    list[tuple[int, str, str, At, DiagnosticFix | None]], list[tuple[str, str, bool]]
]  # findings by page number, probes
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(_Sent)


def splits(index: SiteIndex, jobs: int | None) -> bool:
    """Whether the reference check of ``index`` is worth splitting (and can be, by a fork) with ``jobs``."""
    if (jobs is not None and jobs < 2) or len(index.pages) < MIN_PAGES:
        return False
    import multiprocessing

    return multiprocessing.get_context().get_start_method() == "fork"  # (as the per-file pass's pool starts)


@contextmanager
def split_references(index: SiteIndex, wanted: Wanted, busy: bool) -> Iterator[Callable[[], list[Finding]]]:
    """Check the references of the child's pages (every page's when this process is ``busy`` with more than
    the other checks, three in five otherwise) in a forked child while the body of the ``with`` runs; the
    function it gives checks this process's pages, waits for the child's findings (adding the files the
    child looked for to ``index.probes``), and returns them all in the order one whole check finds them:
    page by page, each page's own order kept."""
    import multiprocessing

    mine = 0 if busy else 2  # this process checks the pages numbered 0 and 1 of each five (none: 0)
    numbers = {id(page): number for number, page in enumerate(index.pages)}
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_check_share, args=(index, numbers, wanted, mine, sending), daemon=True)
    child.start()
    sending.close()

    def findings() -> list[Finding]:
        own = list(broken_references(index, _share(numbers, wanted, mine, False)))
        try:
            found, probes = _DECODER.decode(receiving.recv_bytes())
        except (EOFError, OSError, msgspec.MsgspecError):  # the child failed: its pages are checked here
            theirs = list(broken_references(index, _share(numbers, wanted, mine, True)))
        else:
            index.probes += probes
            theirs = [Finding(index.pages[n], code, message, at, fix) for n, code, message, at, fix in found]
        return sorted([*own, *theirs], key=lambda finding: numbers[id(finding.page)])

    try:
        yield findings
    finally:
        receiving.close()
        child.join()


def _share(numbers: dict[int, int], wanted: Wanted, mine: int, child: bool) -> Wanted:
    """The pages of the child's share or of this process's (``mine`` in five), among those ``wanted``."""
    return lambda page: (numbers[id(page)] % 5 >= mine) == child and wanted(page)


def _check_share(index: SiteIndex, numbers: dict[int, int], wanted: Wanted, mine: int, sending: Connection) -> None:
    start = len(index.probes)
    found = broken_references(index, _share(numbers, wanted, mine, True))
    sent: _Sent = ([(numbers[id(f.page)], f.code, f.message, f.at, f.fix) for f in found], index.probes[start:])
    sending.send_bytes(_ENCODER.encode(sent))
    sending.close()

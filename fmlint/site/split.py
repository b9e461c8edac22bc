"""The reference check of a large site on two cores: its pages' references checked in a forked process.

The site pass runs after the per-file pass's pool has finished, on one core while the
other idles; the reference check is most of it (on the 10k benchmark site ~0.65 s of CPU
of ~1.1 s). A child forked from the finished index (nothing is sent to it) checks the
references that name a ``#fragment`` — every page's: only their checks work out the
heading IDs of the pages they lead to, so no page's IDs are worked out in both
processes — while this process runs the other checks and checks the other references;
the child checks every reference when this process also works out the findings to keep
(a run with the cache over the whole site: ~0.3 s more on the 10k site). Until stop 44
the pages were shared (three in five to the child), and each process worked out the
IDs of most pages that are linked to. A resolution is not shared between them. The
split still costs instructions (at 2,000 articles the child runs 0.29 G where the parent
saves 0.22 G: both decode every page's references and resolve their own; stop 45) for the
wall time of the second core (benchmarks/README.md, stops 44 and 45). The child sends back
its findings (by page number and their number in the page) and the files it looked for.
Only where the per-file pass forks its workers (Linux), with more than one job, for a
site of :data:`MIN_PAGES` pages or more; if the child fails, this process checks its
references too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import msgspec

from fmlint.fix.model import DiagnosticFix
from fmlint.site.checks import Finding, Wanted, numbered_reference_findings
from fmlint.site.facts import At
from fmlint.site.index import SiteIndex

if TYPE_CHECKING:  # (multiprocessing is imported when a check is split: a pre-commit run never splits)
    from multiprocessing.connection import Connection

MIN_PAGES = 2000  # below, a fork (~10 ms with a large heap) saves little

_Sent = tuple[
    list[tuple[int, int, str, str, At, DiagnosticFix | None]], list[tuple[str, str, bool]]
]  # findings by page number and number in the page, probes
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
    """Check the references that name a fragment (every reference when this process is ``busy`` with more
    than the other checks) in a forked child while the body of the ``with`` runs; the function it gives checks
    the others here, waits for the child's findings (adding the files the child looked for to
    ``index.probes``), and returns them all in the order one whole check finds them: page by page, each
    page's own order kept."""
    import multiprocessing

    fragments: bool | None = None if busy else True  # the child's references: every one, or those with a fragment
    numbers = {id(page): number for number, page in enumerate(index.pages)}
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_check_share, args=(index, numbers, wanted, fragments, sending), daemon=True)
    child.start()
    sending.close()

    def findings() -> list[Finding]:
        own = [] if busy else _numbered(numbers, numbered_reference_findings(index, wanted, False))
        try:
            found, probes = _DECODER.decode(receiving.recv_bytes())
        except (EOFError, OSError, msgspec.MsgspecError):  # the child failed: its references are checked here
            theirs = _numbered(numbers, numbered_reference_findings(index, wanted, fragments))
        else:
            index.probes += probes
            theirs = [
                (page, number, Finding(index.pages[page], code, message, at, fix))
                for page, number, code, message, at, fix in found
            ]
        return [finding for *_, finding in sorted([*own, *theirs], key=lambda each: each[:2])]

    try:
        yield findings
    finally:
        receiving.close()
        child.join()


def _numbered(numbers: dict[int, int], found: Iterator[tuple[int, Finding]]) -> list[tuple[int, int, Finding]]:
    """Findings with their page's number and their number in it."""
    return [(numbers[id(finding.page)], number, finding) for number, finding in found]


def _check_share(
    index: SiteIndex, numbers: dict[int, int], wanted: Wanted, fragments: bool | None, sending: Connection
) -> None:
    start = len(index.probes)
    found = _numbered(numbers, numbered_reference_findings(index, wanted, fragments))
    sent: _Sent = ([(page, n, f.code, f.message, f.at, f.fix) for page, n, f in found], index.probes[start:])
    sending.send_bytes(_ENCODER.encode(sent))
    sending.close()

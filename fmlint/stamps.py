"""A file's stamp: what its ``stat`` says of its content (see ``fmlint.cache``).

Apart from the cache, whose module imports much: a forked child taking a
site's stamps before the run has imported it (``fmlint.site.walker``) uses
only this.
"""

from __future__ import annotations

import os
import time

RACY_NS = 2_000_000_000


def file_stamp(status: os.stat_result, now_ns: int, racy_ns: int = RACY_NS) -> str | None:
    """The stamp of a file with ``status`` taken at ``now_ns`` (``None`` when too recent to trust)."""
    if now_ns - max(status.st_mtime_ns, status.st_ctime_ns) < racy_ns:
        return None
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"


def stamps_now(files: list[str], racy_ns: int = RACY_NS) -> list[str | None]:
    """The stamps of ``files`` now, in their order (``None`` also for a file gone)."""
    now = time.time_ns()
    stamps: list[str | None] = []
    for path in files:
        try:
            stamps.append(file_stamp(os.stat(path), now, racy_ns))
        except OSError:
            stamps.append(None)
    return stamps

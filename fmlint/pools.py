"""Worker process pools that end by closing.

``multiprocessing.Pool``'s ``with`` block ends by terminating the pool, which can hang for ever: a
worker killed while it sends a result (a large one waits for the pipe) holds the lock of the
results' queue, and the pool's task thread, which puts its last message on that queue, then waits
for it (seen once in the test suite, the main thread in ``task_handler.join()``).  A pool here is
closed and joined instead, after its body as after an error in it (the tasks left run to their end,
their results dropped); it is terminated only when the run itself is interrupted (Ctrl-C), where
waiting for the workers could be waiting for tasks that died with them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

MIN_FILES_FOR_POOL = 64  # fewer files are checked in the run's own process: a pool's start-up costs more


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@contextmanager
def worker_pool(
    processes: int, initializer: Callable[..., object] | None = None, initargs: tuple[Any, ...] = ()
) -> Iterator[Pool]:
    """A pool of ``processes`` workers (started as the platform's default), closed and joined at the end."""
    import multiprocessing  # not needed by small runs: imported here

    pool = multiprocessing.get_context().Pool(processes, initializer, initargs)
    try:
        yield pool
    except Exception:
        pool.close()
        pool.join()
        raise
    except BaseException:
        pool.terminate()
        raise
    pool.close()
    pool.join()

"""A terminal progress bar for the online checks: URLs checked / total, failures so far."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress


class Progress(Protocol):
    def advance(self, failed: bool) -> None: ...


class _Silent:
    def advance(self, failed: bool) -> None:
        return None


class _Bar:
    def __init__(self, bar: RichProgress, task: TaskID) -> None:
        self._bar, self._task, self._failed = bar, task, 0

    def advance(self, failed: bool) -> None:
        self._failed += failed
        self._bar.update(self._task, advance=1, failed=self._failed)


@contextmanager
def progress(total: int, console: Console | None) -> Iterator[Progress]:
    """A bar on ``console`` (stderr on a terminal), or nothing when ``console`` is None."""
    if console is None or total == 0:
        yield _Silent()
        return
    columns = (
        TextColumn("checking URLs"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
    )
    with RichProgress(*columns, console=console, transient=True) as bar:
        yield _Bar(bar, bar.add_task("urls", total=total, failed=0))


def terminal_console(enabled: bool) -> Console | None:
    """The stderr console when a bar is wanted and stderr is a terminal."""
    if not enabled:
        return None
    console = Console(stderr=True)
    return console if console.is_terminal else None

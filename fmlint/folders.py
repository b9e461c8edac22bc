"""The nearest of something at or above a folder (a configuration file, a repository's root, a site's root),
each folder looked in once: the folders of a site share their parents; and what a walk in progress has listed
of each folder, so that looking in one takes no listing nor file test of its own."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
Note = Callable[[str, list[str], list[str]], None]

_listed: dict[str, set[str]] = {}  # absolute folder → the names of its entries, as the walk in progress saw them


@contextmanager
def walking() -> Iterator[Note]:
    """While a walk lists folders: ``note(absolute folder, files, folders)`` keeps what each holds for
    :func:`names_in`; forgotten when the walk ends (a later run's folders may have changed)."""

    def note(folder: str, files: list[str], folders: list[str]) -> None:
        _listed[folder] = {*files, *folders}

    try:
        yield note
    finally:
        _listed.clear()


def listed(folder: str) -> set[str] | None:
    """The names of the entries of the absolute ``folder`` as the walk in progress listed them (``None``: not
    listed by one)."""
    return _listed.get(folder)


def names_in(folder: str) -> set[str]:
    """The names of the entries of the absolute ``folder`` (as listed by the walk in progress, else now; none
    when it cannot be listed)."""
    names = _listed.get(folder)
    if names is None:
        try:
            names = set(os.listdir(folder))
        except OSError:
            names = set()
    return names


def nearest(folder: str, look: Callable[[str], T | None], known: dict[str, T | None]) -> T | None:
    """What ``look`` finds in ``folder`` or in the nearest folder above it where it finds something (None: in
    none up to the root); ``known`` holds the answers for folders looked at before and takes those of the
    folders passed."""
    passed: list[str] = []
    found: T | None = None
    while folder not in known:
        passed.append(folder)
        found = look(folder)
        parent = os.path.dirname(folder)
        if found is not None or parent == folder:
            break
        folder = parent
    else:
        found = known[folder]
    known.update(dict.fromkeys(passed, found))
    return found

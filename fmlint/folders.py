"""The nearest of something at or above a folder (a configuration file, a repository's root), each folder
looked in once: the folders of a site share their parents."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


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

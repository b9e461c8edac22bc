"""On-disk cache of URL outcomes, one small JSON file per URL, with TTLs.

Entries live in ``<cache-dir>/urls/``; a working URL is kept for the success TTL,
a failing one for the (shorter) failure TTL. Writes are atomic (a temporary file
then ``os.replace``), so a crash or a concurrent run never leaves a torn entry.
A missing, expired, unreadable or foreign entry is simply a miss; a cache that
cannot be written (read-only folder) is skipped silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fmlint.online.outcome import Outcome

_VERSION = 1


class UrlCache:
    def __init__(self, folder: Path, success_ttl: float, failure_ttl: float, clock: Callable[[], float] = time.time):
        self.folder = folder
        self.success_ttl = success_ttl
        self.failure_ttl = failure_ttl
        self._clock = clock

    def get(self, url: str, as_image: bool) -> Outcome | None:
        try:
            entry = json.loads(self._path(url, as_image).read_text(encoding="utf-8"))
            if entry["version"] != _VERSION or entry["url"] != url or entry["as_image"] != as_image:
                return None
            outcome = Outcome.from_dict(entry["outcome"])
            ttl = self.success_ttl if outcome.ok else self.failure_ttl
            return outcome if self._clock() - entry["checked_at"] < ttl else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, url: str, as_image: bool, outcome: Outcome) -> None:
        entry = {
            "version": _VERSION,
            "url": url,
            "as_image": as_image,
            "checked_at": self._clock(),
            "outcome": outcome.as_dict(),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # closed by the `with` below: creating it and writing it fail differently
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
                "w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False
            )
        except OSError:
            return
        try:
            with handle:
                json.dump(entry, handle)
            os.replace(handle.name, self._path(url, as_image))
        except OSError:
            Path(handle.name).unlink(missing_ok=True)

    def _path(self, url: str, as_image: bool) -> Path:
        key = hashlib.sha256(f"{'image' if as_image else 'link'} {url}".encode()).hexdigest()
        return self.folder / f"{key}.json"

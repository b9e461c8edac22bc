"""How the online checks behave: limits, timeouts, retries, cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fmlint import __version__

USER_AGENT = f"fmlint/{__version__} (+front-matter linter)"


@dataclass(frozen=True)
class OnlineOptions:
    links: bool = False  # check ordinary link destinations too, not only images
    allow_private: bool = False  # contact loopback/private/link-local addresses
    timeout: float = 10.0  # seconds for one request, connect to response headers
    concurrency: int = 32  # requests in flight at once
    per_host: int = 4  # requests in flight to one host (name and port)
    retries: int = 2  # extra attempts after a 429 or 5xx answer
    backoff: float = 0.5  # first retry delay in seconds, doubled each time
    max_retry_after: float = 10.0  # cap on a server's Retry-After, seconds
    max_redirects: int = 5
    cache_dir: Path | None = Path(".fmlint_cache") / "urls"  # None: no cache
    success_ttl: float = 24 * 3600  # seconds a working URL stays cached
    failure_ttl: float = 3600  # seconds a failing URL stays cached

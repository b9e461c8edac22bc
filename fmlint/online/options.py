"""How the online checks behave (limits, timeouts, retries, cache) and the
command-line options that set it."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fmlint import __version__

USER_AGENT = f"fmlint/{__version__} (+front-matter linter)"


@dataclass(frozen=True)
class OnlineOptions:
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


def add_online_arguments(parser: argparse.ArgumentParser) -> None:
    """``--check-urls`` and friends; ``--no-cache``/``--cache-dir`` are the CLI's own."""
    group = parser.add_argument_group("online checks (opt-in: they contact the URLs' servers)")
    defaults = OnlineOptions()
    group.add_argument("--check-urls", action="store_true", help="check that remote image URLs answer (URL001-URL005)")
    group.add_argument("--check-links", action="store_true", help="check remote link destinations too (implies --check-urls)")
    group.add_argument("--allow-private-urls", action="store_true", help="contact loopback, private and link-local addresses")
    numbers = (
        ("--url-timeout", _positive(float), defaults.timeout, "SECONDS", "time for one request"),
        ("--url-concurrency", _positive(int), defaults.concurrency, "N", "requests at once"),
        ("--url-per-host", _positive(int), defaults.per_host, "N", "requests at once to one host"),
        ("--url-retries", _at_least_zero(int), defaults.retries, "N", "retries after a 429 or 5xx answer"),
        ("--url-cache-ttl", _at_least_zero(float), defaults.success_ttl, "SECONDS", "keep working URLs cached"),
        ("--url-failure-ttl", _at_least_zero(float), defaults.failure_ttl, "SECONDS", "keep failing URLs cached"),
    )
    for flag, parse, default, metavar, meaning in numbers:
        group.add_argument(flag, type=parse, default=default, metavar=metavar, help=f"{meaning} (default: %(default)g)")


def _positive(kind: type) -> Callable[[str], Any]:
    return _bounded(kind, lambda value: value > 0, "a number above 0")


def _at_least_zero(kind: type) -> Callable[[str], Any]:
    return _bounded(kind, lambda value: value >= 0, "a number of 0 or more")


def _bounded(kind: type, accept: Callable[[Any], bool], expected: str) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or not accept(value):
            raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}")
        return value

    return parse


def online_options(args: argparse.Namespace) -> OnlineOptions:
    return OnlineOptions(
        allow_private=args.allow_private_urls,
        timeout=args.url_timeout,
        concurrency=args.url_concurrency,
        per_host=args.url_per_host,
        retries=args.url_retries,
        cache_dir=None if args.no_cache else Path(args.cache_dir) / "urls",
        success_ttl=args.url_cache_ttl,
        failure_ttl=args.url_failure_ttl,
    )

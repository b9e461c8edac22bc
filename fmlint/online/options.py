"""How the online checks behave (limits, timeouts, retries, cache) and the
command-line options that set it."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from fmlint import __version__

USER_AGENT = f"fmlint/{__version__} (+front-matter linter)"


class OnlineOptions(msgspec.Struct, frozen=True):
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


def positive(kind: type) -> Callable[[str], Any]:
    return _bounded(kind, lambda value: value > 0, "a number above 0")


def _at_least_zero(kind: type) -> Callable[[str], Any]:
    return _bounded(kind, lambda value: value >= 0, "a number of 0 or more")


# option (and configuration key), OnlineOptions field, parser, metavar, meaning
_NUMBERS = (
    ("url-timeout", "timeout", positive(float), "SECONDS", "time for one request"),
    ("url-concurrency", "concurrency", positive(int), "N", "requests at once"),
    ("url-per-host", "per_host", positive(int), "N", "requests at once to one host"),
    ("url-retries", "retries", _at_least_zero(int), "N", "retries after a 429 or 5xx answer"),
    ("url-cache-ttl", "success_ttl", _at_least_zero(float), "SECONDS", "keep working URLs cached"),
    ("url-failure-ttl", "failure_ttl", _at_least_zero(float), "SECONDS", "keep failing URLs cached"),
)
_FIELDS = (("allow-private-urls", "allow_private"), *((key, field) for key, field, *_ in _NUMBERS))


def add_online_arguments(parser: argparse.ArgumentParser) -> None:
    """``--check-urls`` and friends; each has a configuration key of the same name.

    Unset options are ``None``, so the configuration decides (``online_options``).
    """
    group = parser.add_argument_group("online checks (opt-in: they contact the URLs' servers)")
    flags = (
        ("--check-urls", "check that remote image URLs answer (URL001-URL005)"),
        ("--check-links", "check remote link destinations too (implies --check-urls)"),
        ("--allow-private-urls", "contact loopback, private and link-local addresses"),
    )
    for flag, meaning in flags:
        group.add_argument(flag, action="store_true", default=None, help=meaning)
    defaults = OnlineOptions()
    for key, field, parse, metavar, meaning in _NUMBERS:
        default = getattr(defaults, field)
        group.add_argument(f"--{key}", type=parse, metavar=metavar, help=f"{meaning} (default: {default:g})")


def online_options(args: argparse.Namespace, config: Mapping[str, Any], cache_dir: Path | None) -> OnlineOptions:
    """The run's options: the command line, else the configuration's same-named key, else the default."""
    values = {}
    for key, field in _FIELDS:
        given = getattr(args, key.replace("-", "_"), None)
        value = given if given is not None else config.get(key)
        if value is not None:
            values[field] = value
    return OnlineOptions(cache_dir=cache_dir, **values)

"""Asking one URL: HEAD first, a streamed GET when HEAD is refused or unreliable,
redirects followed by hand (each hop guarded), retries with backoff.

aiohttp was chosen over httpx after ``benchmarks/http_clients.py`` (3 to 7 times
the throughput against the same local server, at a higher import cost; a
resolver hook for the address guard; per-host connection limits built in).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import aiohttp

from fmlint.online.guard import GuardedResolver, Refused, url_refusal
from fmlint.online.options import USER_AGENT, OnlineOptions
from fmlint.online.outcome import Outcome
from fmlint.urls import split

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
GONE = frozenset({404, 410})


class _Failed(Exception):
    """No usable answer (``error``) or a request the guard refused (``refused``)."""

    def __init__(self, error: str | None = None, refused: str | None = None) -> None:
        super().__init__(error or refused)
        self.error, self.refused = error, refused


class UrlChecker:
    """Checks URLs over one aiohttp session within the global and per-host limits.

    A URL holds its host's slot for its whole check, retry delays included (a
    host that asked us to slow down gets no other request meanwhile), and a
    global slot only while a request is in flight.
    """

    def __init__(self, session: aiohttp.ClientSession, options: OnlineOptions) -> None:
        self.session = session
        self.options = options
        self._all = asyncio.Semaphore(options.concurrency)
        self._hosts: defaultdict[tuple[str, int | None], asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(options.per_host)
        )

    async def check(self, url: str, as_image: bool) -> Outcome:
        parts = split(url)
        host = (parts.hostname or "", parts.port) if parts else ("", None)
        async with self._hosts[host]:
            try:
                return await self._answer(url, as_image)
            except _Failed as failed:
                return Outcome(error=failed.error, refused=failed.refused)

    async def _answer(self, url: str, as_image: bool) -> Outcome:
        method, attempt = "HEAD", 0
        while True:
            async with self._all:
                answer, retry_after = await self._follow(method, url)
            if method == "HEAD" and _head_unreliable(answer, as_image):
                method = "GET"
                continue
            if not _retryable(answer) or attempt >= self.options.retries:
                return answer
            await asyncio.sleep(self._delay(attempt, retry_after))
            attempt += 1

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        delay = retry_after if retry_after is not None else self.options.backoff * 2**attempt
        return max(0.0, min(delay, self.options.max_retry_after))

    async def _follow(self, method: str, url: str) -> tuple[Outcome, float | None]:
        """One request and its redirects (at most ``max_redirects``), each hop guarded;
        the final answer and its ``Retry-After`` in seconds."""
        visited, current, moved_to, permanent, hops = {url}, url, None, True, 0
        while True:
            status, reason, headers = await self._request(method, current)
            location = headers.get("Location")
            if status not in REDIRECTS or not location:
                content_type = _media_type(headers.get("Content-Type"))
                answer = Outcome(status, reason, content_type, current if hops else None, moved_to)
                return answer, _retry_after(headers.get("Retry-After"))
            target = urljoin(current, location)
            if target in visited:
                raise _Failed(f"redirect loop: {current} redirects back to {target}")
            if hops == self.options.max_redirects:
                raise _Failed(f"more than {self.options.max_redirects} redirects")
            permanent = permanent and status in PERMANENT
            moved_to = target if permanent else moved_to
            visited.add(target)
            current, hops = target, hops + 1

    async def _request(self, method: str, url: str) -> tuple[int, str, Mapping[str, str]]:
        refusal = url_refusal(url, self.options.allow_private)
        if refusal:
            raise _Failed(refused=refusal)
        try:
            # Streamed: the body is never read; leaving the block closes the connection
            # if a GET body is still pending.
            async with self.session.request(method, url, allow_redirects=False) as response:
                return response.status, response.reason or "", response.headers
        except TimeoutError:
            raise _Failed(f"timed out after {self.options.timeout:g} s") from None
        except aiohttp.ClientConnectorDNSError as exc:
            if isinstance(exc.os_error, Refused):
                raise _Failed(refused=str(exc.os_error)) from None
            raise _Failed("DNS lookup failed") from None
        except aiohttp.ClientConnectorCertificateError:
            raise _Failed("TLS certificate error") from None
        except aiohttp.ClientSSLError as exc:
            raise _Failed(f"TLS error: {exc}") from None
        except aiohttp.ClientConnectorError as exc:
            refused = isinstance(exc.os_error, ConnectionRefusedError)
            raise _Failed("connection refused" if refused else f"cannot connect: {exc.os_error.strerror}") from None
        except aiohttp.ServerDisconnectedError:
            raise _Failed("the server closed the connection without answering") from None
        except (aiohttp.ClientError, ValueError) as exc:
            raise _Failed(f"request failed: {exc}") from None


def open_session(options: OnlineOptions) -> aiohttp.ClientSession:
    """A session that sends no cookies or credentials and names fmlint."""
    connector = aiohttp.TCPConnector(
        limit=options.concurrency,
        limit_per_host=options.per_host,
        resolver=None if options.allow_private else GuardedResolver(),
    )
    return aiohttp.ClientSession(
        connector=connector,
        cookie_jar=aiohttp.DummyCookieJar(),
        headers={"User-Agent": USER_AGENT},
        timeout=aiohttp.ClientTimeout(total=options.timeout),
        trust_env=False,  # no proxy settings or .netrc credentials from the environment
    )


def _head_unreliable(answer: Outcome, as_image: bool) -> bool:
    """HEAD refused (405/501), a 4xx that GET may not give, or a non-image type to confirm."""
    status = answer.status or 0
    if status in (405, 501) or (400 <= status < 500 and status not in (*GONE, 429)):
        return True
    return as_image and answer.ok and not (answer.content_type or "").startswith("image/")


def _retryable(answer: Outcome) -> bool:
    status = answer.status or 0
    return status == 429 or (status >= 500 and status != 501)


def _media_type(content_type: str | None) -> str | None:
    return content_type.split(";", 1)[0].strip().lower() or None if content_type else None


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())

"""A real HTTP server on 127.0.0.1 for the online-check tests.

``LocalSite`` serves the scripted answers below from one or more ports (each
port a separate ``ThreadingHTTPServer`` thread, HTTP/1.0 so every request is
its own connection) and records what it received: each request's method, path
and headers, and the peak number of connections open at once, overall and per
port.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

IMAGES = ("/image.png", "/final.png", "/flaky.png", "/busy.png", "/slow.png", "/no-head.png", "/head-forbidden.png")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 16


@dataclass
class Received:
    method: str
    path: str
    port: int
    headers: dict[str, str]
    at: float  # time.monotonic() on arrival


@dataclass
class Recorder:
    requests: list[Received] = field(default_factory=list)
    open_now: Counter[int] = field(default_factory=Counter)
    peak_total: int = 0
    peak_per_port: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        return sum(r.path == path for r in self.requests)

    def methods(self, path: str) -> list[str]:
        return [r.method for r in self.requests if r.path == path]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return None

    def handle(self) -> None:
        """Count the connection as open from its accept until its answer starts.

        The client frees its slot only once it has read the answer's headers, so
        this interval lies inside the client's; counting on to the end of the
        handler would add the server's own closing time to the overlap.
        """
        recorder, port = self.server.recorder, self.server.server_address[1]
        with recorder.lock:
            recorder.open_now[port] += 1
            recorder.peak_per_port[port] = max(recorder.peak_per_port[port], recorder.open_now[port])
            recorder.peak_total = max(recorder.peak_total, sum(recorder.open_now.values()))
        self._counted = True
        try:
            super().handle()
        finally:
            self._uncount()

    def _uncount(self) -> None:
        if self._counted:
            self._counted = False
            with self.server.recorder.lock:
                self.server.recorder.open_now[self.server.server_address[1]] -= 1

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def _answer(self, method: str) -> None:
        recorder = self.server.recorder
        with recorder.lock:
            seen = recorder.count(self.path)
            port = self.server.server_address[1]
            recorder.requests.append(Received(method, self.path, port, dict(self.headers), time.monotonic()))
        name = self.path.split("?", 1)[0]
        if name.startswith("/moved-"):  # 301 chain: /moved-1 → /moved-2 → /final.png
            step = int(name.removeprefix("/moved-"))
            return self._send(301, location="/final.png" if step == 2 else f"/moved-{step + 1}")
        if name.startswith("/hop-"):  # 6-hop chain: /hop-0 → … → /hop-6
            step = int(name.removeprefix("/hop-"))
            return self._send(302, location=f"/hop-{step + 1}") if step < 6 else self._image(method)
        if name == "/loop-a":
            return self._send(302, location="/loop-b")
        if name == "/loop-b":
            return self._send(302, location="/loop-a")
        if name == "/page.png":
            return self._send(200, "text/html; charset=utf-8", b"<html>not here</html>", method)
        if name == "/missing.png":
            return self._send(404, "text/html", b"gone", method)
        if name == "/flaky.png" and seen == 0:
            return self._send(500, cookie=True)
        if name == "/busy.png" and seen == 0:
            return self._send(429, retry_after="1")
        if name == "/slow.png":
            time.sleep(1.5)
        if name == "/no-head.png" and method == "HEAD":
            return self._send(405)
        if name == "/head-forbidden.png" and method == "HEAD":
            return self._send(403)
        if name == "/down.png":
            return self._send(503)
        if name.startswith("/many/"):
            time.sleep(0.05)
        if name in IMAGES or name.startswith("/many/"):
            return self._image(method)
        return self._send(404)

    def _image(self, method: str) -> None:
        self._send(200, "image/png", PNG, method)

    def _send(
        self,
        status: int,
        content_type: str = "text/plain",
        body: bytes = b"",
        method: str = "HEAD",
        location: str | None = None,
        retry_after: str | None = None,
        cookie: bool = False,
    ) -> None:
        self._uncount()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        if retry_after:
            self.send_header("Retry-After", retry_after)
        if cookie:
            self.send_header("Set-Cookie", "session=secret; Path=/")
        self.end_headers()
        if method == "GET":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still sleeping past a client's timeout must not hold up shutdown

    def __init__(self, recorder: Recorder) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.recorder = recorder


class LocalSite:
    """``ports`` servers sharing one recorder (HTTPS with ``tls``); use as a context manager."""

    def __init__(self, ports: int = 1, tls: ssl.SSLContext | None = None) -> None:
        self.recorder = Recorder()
        self.scheme = "https" if tls else "http"
        self._servers = [_Server(self.recorder) for _ in range(ports)]
        for server in self._servers if tls else ():
            server.socket = tls.wrap_socket(server.socket, server_side=True)
        self.ports = [server.server_address[1] for server in self._servers]
        self._threads = [
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            for server in self._servers
        ]

    def url(self, path: str, port_index: int = 0) -> str:
        return f"{self.scheme}://127.0.0.1:{self.ports[port_index]}{path}"

    def __enter__(self) -> Self:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

"""httpx vs aiohttp for the online URL checks, against a local server.

Starts an aiohttp web server on 127.0.0.1 in a child process (so it does not
share the clients' event loop), then sends the same HEAD requests to distinct
URLs with each client at the checks' default concurrency (32), best of three,
and prints a table: wall time, requests per second, and the client's import
time (paid on every ``--check-urls`` run).

    pip install httpx   # not a dependency of fmlint; aiohttp is
    python benchmarks/http_clients.py [REQUESTS]

Measured on the project's 2-core machine (shared, so noisy): aiohttp 0.92 s
(2170 requests/s) vs httpx 6.13 s (326/s) for 2000 requests in one run, 2.75 s
vs 9.45 s in a busier one; importing aiohttp costs 180-420 ms, httpx 55 ms.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import subprocess
import sys
import time

CONCURRENCY = 32


def serve(port_queue: multiprocessing.Queue) -> None:
    from aiohttp import web

    async def image(request: web.Request) -> web.Response:
        return web.Response(body=b"", content_type="image/png")

    async def main() -> None:
        app = web.Application()
        app.router.add_route("*", "/{name}", image)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port_queue.put(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


async def with_aiohttp(urls: list[str]) -> None:
    import aiohttp

    limit = asyncio.Semaphore(CONCURRENCY)
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str) -> None:
            async with limit, session.head(url) as response:
                assert response.status == 200

        await asyncio.gather(*(one(url) for url in urls))


async def with_httpx(urls: list[str]) -> None:
    import httpx

    limit = asyncio.Semaphore(CONCURRENCY)
    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(limits=limits) as client:

        async def one(url: str) -> None:
            async with limit:
                response = await client.head(url)
                assert response.status_code == 200

        await asyncio.gather(*(one(url) for url in urls))


def import_ms(module: str) -> float:
    """Best of three cold imports in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(3)]
    return min(runs) * 1000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(ports,), daemon=True)
    server.start()
    port = ports.get(timeout=10)
    urls = [f"http://127.0.0.1:{port}/image-{i}.png" for i in range(count)]
    print(f"{count} HEAD requests to distinct URLs, concurrency {CONCURRENCY}, best of 3\n")
    print("| client | version | seconds | requests/s | import ms |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, client in (("aiohttp", with_aiohttp), ("httpx", with_httpx)):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            asyncio.run(client(urls))
            times.append(time.perf_counter() - start)
        version = __import__(name).__version__
        best = min(times)
        print(f"| {name} | {version} | {best:.2f} | {count / best:.0f} | {import_ms(name):.0f} |")
    server.terminate()


if __name__ == "__main__":
    main()

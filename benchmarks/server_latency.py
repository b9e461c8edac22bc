"""Latency of ``fmlint server``: from ``didChange`` to the diagnostics of that version.

Usage: ``python benchmarks/server_latency.py [--changes N]``

Starts ``python -m fmlint server`` over stdio with ``fmlint.debounceMs = 0``
(so the debounce, 200 ms by default, is excluded), opens a ~10 KB seed-shaped
article (``gen_corpus.article``), then sends N one-character edits, one at a
time, that turn its ``title`` key into ``titlex`` and back (so every other
version has a schema fault, which jsonschema then reports), and times each
from the ``didChange`` notification to the ``publishDiagnostics`` carrying
that version.  The baseline, measured in
the same run, is ``lint_file`` on the same text in this process: the
difference is what the server adds (JSON-RPC both ways, the worker thread,
position conversion).  Prints medians and the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).parent))
from gen_corpus import article

from fmlint.config.resolve import Resolver
from fmlint.document import read_document
from fmlint.linter import lint_file


def seed_article() -> str:
    """The first fault-free article of the benchmark corpus of at least 10 KB."""
    return next(text for index in range(100) if len((text := article(index, 20250207, 0.0)).encode()) >= 10_000)


async def server_latencies(root: Path, text: str, changes: int) -> list[float]:
    client = LanguageClient("bench", "1")
    published: dict[int, asyncio.Future[float]] = {}
    codes: dict[int, set[str]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        codes[params.version or 0] = {str(d.code) for d in params.diagnostics}
        future = published.get(params.version or 0)
        if future is not None and not future.done():
            future.set_result(time.perf_counter())

    @client.feature(types.WORKSPACE_CONFIGURATION)
    def configuration(params: types.ConfigurationParams) -> list[object]:
        return [{"debounceMs": 0}]

    await client.start_io(sys.executable, "-m", "fmlint", "server")
    capabilities = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(configuration=True))
    await client.initialize_async(types.InitializeParams(capabilities=capabilities, root_uri=root.as_uri()))
    client.initialized(types.InitializedParams())
    uri = (root / "article.md").as_uri()
    published[1] = asyncio.get_running_loop().create_future()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text)))
    await published[1]
    title_line = text.split("\n").index(next(line for line in text.split("\n") if line.startswith("title:")))
    latencies = []
    for version in range(2, changes + 2):
        published[version] = asyncio.get_running_loop().create_future()
        start = types.Position(title_line, 5)
        end = types.Position(title_line, 5 + version % 2)  # even versions: insert an x; odd: delete it
        change = types.TextDocumentContentChangePartial(range=types.Range(start, end), text="" if version % 2 else "x")
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change])
        )
        latencies.append(await asyncio.wait_for(published[version], 30) - sent)
    faulty = [version for version in range(2, changes + 2) if version % 2 == 0]
    reported = sum("SC002" in codes[version] for version in faulty)
    print(
        f"faulty versions reported with SC002: {reported}/{len(faulty)}; clean ones without: "
        f"{sum('SC002' not in codes[v] for v in range(3, changes + 2, 2))}/{changes - len(faulty)}"
    )
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies


def in_process(root: Path, text: str, runs: int) -> list[float]:
    settings = Resolver(cwd=root).settings_for(str(root / "article.md"))
    texts = [text, text.replace("\ntitle:", "\ntitlex:", 1)]
    for variant in texts:
        lint_file(read_document("article.md", variant.encode()), settings)  # imports and schema loading
    times = []
    for run in range(runs):
        start = time.perf_counter()
        lint_file(read_document("article.md", texts[run % 2].encode()), settings)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=60)
    args = parser.parse_args()
    text = seed_article()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        load = os.getloadavg()
        baseline = in_process(root, text, args.changes)
        server = asyncio.run(server_latencies(root, text, args.changes))
        load_after = os.getloadavg()
    base, served = statistics.median(baseline) * 1000, statistics.median(server) * 1000
    print(f"article: {len(text.encode()):,} bytes; {args.changes} changes; debounce 0 ms")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; after: {load_after[0]:.2f}")
    print(f"{'case':<38}{'median ms':>10}{'p90 ms':>9}")
    for name, times, median in (
        ("lint_file in process (baseline)", baseline, base),
        ("server: didChange -> publishDiagnostics", server, served),
    ):
        p90 = sorted(times)[int(len(times) * 0.9)] * 1000
        print(f"{name:<38}{median:>10.1f}{p90:>9.1f}")
    print(f"server / baseline: {served / base:.2f}x (target: server median <= 20 ms)")


if __name__ == "__main__":
    main()

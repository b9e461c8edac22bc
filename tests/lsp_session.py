"""A real LSP client (pytest-lsp) driving ``python -m fmlint server`` over stdio, for tests/test_server.py."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "fmlint", "server"]
# pytest-lsp's bundled capability profiles: VS Code (utf-16, pushed diagnostics),
# Neovim 0.11 (utf-8 first, pulls diagnostics), Emacs 29 (eglot; utf-32 first, pushed)
PROFILES = {"visual-studio-code": "utf-16", "neovim": "utf-8", "emacs": "utf-32"}
WAIT = 20.0


class Client(LanguageClient):
    """pytest-lsp's client, recording every ``publishDiagnostics`` with its version."""

    published: list[types.PublishDiagnosticsParams]
    registrations: list[types.Registration]
    initialized_with: types.InitializeResult


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.published.append(params)


def _register(client: Client, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def _client() -> Client:
    client = Client(converter_factory=default_converter)
    client.published, client.registrations = [], []
    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record,
        types.CLIENT_REGISTER_CAPABILITY: _register,
    }
    register_lsp_features(client, features)
    return client


@asynccontextmanager
async def session(
    profile: str, root: Path, settings: dict[str, Any] | None = None, command: list[str] | None = None
) -> AsyncIterator[Client]:
    """A server started for ``root`` and initialised with ``profile``'s capabilities."""
    config = ClientServerConfig(server_command=command or SERVER, client_factory=_client)
    client = await config.start()
    assert isinstance(client, Client)
    client.set_configuration({"debounceMs": 20, **(settings or {})}, section="fmlint")
    client.initialized_with = await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(profile),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
        )
    )
    try:
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


def pulls(client: Client) -> bool:
    capabilities = client.capabilities
    return bool(capabilities and capabilities.text_document and capabilities.text_document.diagnostic)


def open_document(client: Client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", version, text))
    )
    return uri


async def published(client: Client, uri: str, version: int) -> types.PublishDiagnosticsParams:
    """The diagnostics pushed for ``version`` of ``uri`` (waiting for them)."""
    for _ in range(int(WAIT / 0.01)):
        for params in client.published:
            if params.uri == uri and params.version == version:
                return params
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for version {version} of {uri}; got {client.published}")


async def diagnostics(client: Client, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics of ``version``, pulled or pushed as the profile's client does."""
    if pulls(client):
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert report.result_id is not None and report.result_id.endswith(f":{version}")
        return list(report.items)
    return list((await published(client, uri, version)).diagnostics)


def located(found: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    """Code and range of each diagnostic: (code, line, character, end line, end character)."""
    return [
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in found
    ]


def change(client: Client, uri: str, version: int, *changes: types.TextDocumentContentChangeEvent) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri), list(changes)
        )
    )


def edit(
    line: int, character: int, end_line: int, end_character: int, text: str
) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, character), types.Position(end_line, end_character)), text=text
    )

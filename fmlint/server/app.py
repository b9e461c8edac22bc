"""The language server: pygls wiring of fmlint's diagnostics, actions, hover, completion and definition.

Open documents live in fmlint's own :class:`TextBuffer` objects (pygls's
workspace copy is not kept: see ``fmlint.server.text``).  The server exits
when its client does: on ``exit``, at the end of its input, or when the
process the client named in ``initialize`` is gone.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from fmlint import __version__
from fmlint.config.loader import ConfigError
from fmlint.config.settings import Settings
from fmlint.schema.loader import SchemaLoadError
from fmlint.server import actions, completion, definition, hover, links, quick_fixes
from fmlint.server.configuration import (
    SECTION,
    WATCHED_GLOBS,
    ClientSettings,
    Configuration,
    configuration_changed,
)
from fmlint.server.diagnostics import DiagnosticsScheduler
from fmlint.server.rule_pages import rule_page
from fmlint.server.text import TextBuffer

PARENT_POLL_SECONDS = 1.0


class _Rejected:
    """A request whose parameters did not decode; it has been answered with an error."""


class _Protocol(LanguageServerProtocol):
    """pygls's protocol without its own copy of open documents (fmlint's buffers hold them),
    and answering a request it cannot decode with an error (pygls logs it and never answers,
    which leaves the client waiting)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "jsonrpc" not in data or "id" not in data or "method" not in data:
                raise
            error = exc.to_response_error()
            error.message = f"{error.message}: the parameters of `{data['method']}` do not match the LSP types"
            self._send_response(data["id"], error=error)
            return _Rejected()

    def handle_message(self, message: Any) -> None:
        if not isinstance(message, _Rejected):
            super().handle_message(message)

    def _user(self, method: str, params: Any) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)


class FmlintServer(LanguageServer):
    """The server's state: open buffers, the configuration and the diagnostics scheduler."""

    def __init__(self) -> None:
        super().__init__("fmlint", __version__, protocol_cls=_Protocol)
        self.buffers: dict[str, TextBuffer] = {}
        self.configuration = Configuration(None)
        self.scheduler = DiagnosticsScheduler(self.configuration, self.buffers, self.text_document_publish_diagnostics)
        self.encoding = types.PositionEncodingKind.Utf16.value

    def settings_for(self, buffer: TextBuffer) -> Settings | None:
        """The buffer's settings; ``None`` when the configuration cannot be used (the lint shows why)."""
        try:
            return self.configuration.settings_for(buffer.path)
        except (ConfigError, SchemaLoadError):
            return None


server = FmlintServer()


def _path(uri: str) -> str:
    return to_fs_path(uri) or uri


@server.feature(types.INITIALIZE)
def initialize(ls: FmlintServer, params: types.InitializeParams) -> None:
    encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
    ls.encoding = encoding.value if isinstance(encoding, types.PositionEncodingKind) else encoding
    folders = params.workspace_folders or []
    root = _path(folders[0].uri) if folders else _path(params.root_uri) if params.root_uri else params.root_path
    ls.configuration.root = Path(root).resolve() if root else None
    ls.configuration.reload()
    capabilities = params.capabilities.text_document
    ls.scheduler.pull = capabilities is not None and capabilities.diagnostic is not None
    if params.process_id is not None:
        _watch_parent(params.process_id)


def _watch_parent(pid: int) -> None:
    """End the server when the client's process is gone (its editor crashed or was killed).

    POSIX only: on Windows ``os.kill(pid, 0)`` would send the client a Ctrl+C
    (there, the end of the server's input still ends it).
    """
    if os.name != "posix":
        return

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)  # nothing to save: the server writes no files
            except PermissionError:  # alive, another user's
                pass

    threading.Thread(target=watch, name="fmlint-parent-watch", daemon=True).start()


@server.feature(types.INITIALIZED)
async def initialized(ls: FmlintServer, params: types.InitializedParams) -> None:
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is not None and watched.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
        )
        registration = types.Registration("fmlint-watch", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
        with contextlib.suppress(Exception):  # refused: configuration changes are seen after a restart
            await ls.client_register_capability_async(types.RegistrationParams([registration]))
    await _read_client_settings(ls)


async def _read_client_settings(ls: FmlintServer) -> None:
    capabilities = ls.client_capabilities.workspace
    if not (capabilities and capabilities.configuration):
        return
    try:
        values = await ls.workspace_configuration_async(
            types.ConfigurationParams([types.ConfigurationItem(section=SECTION)])
        )
    except Exception:  # a client that answers with an error: the defaults stay
        return
    ls.configuration.client = ClientSettings.from_client(values[0] if values else None)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: FmlintServer, params: types.DidChangeConfigurationParams) -> None:
    await _read_client_settings(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: FmlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A configuration (fmlint's or a site's) or schema file changed: read them all again, and lint every open
    document."""
    if configuration_changed(_path(change.uri) for change in params.changes):
        ls.configuration.reload()
        ls.scheduler.relint_all()
        _ask_to_pull(ls)


def _ask_to_pull(ls: FmlintServer) -> None:
    """Ask a client that pulls diagnostics to pull them again (when it lets the server ask)."""
    workspace = ls.client_capabilities.workspace
    refresh = workspace.diagnostics if workspace else None
    if ls.scheduler.pull and refresh is not None and refresh.refresh_support:
        ls.workspace_diagnostic_refresh(None)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FmlintServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    ls.buffers[item.uri] = TextBuffer(item.uri, _path(item.uri), item.text, item.version, ls.encoding)
    ls.scheduler.opened(item.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FmlintServer, params: types.DidChangeTextDocumentParams) -> None:
    buffer = ls.buffers.get(params.text_document.uri)
    if buffer is None:
        return
    for change in params.content_changes:
        buffer.apply(change)
    buffer.version = params.text_document.version
    ls.scheduler.changed(buffer.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FmlintServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri in ls.buffers:
        ls.scheduler.saved(params.text_document.uri)
        _ask_to_pull(ls)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FmlintServer, params: types.DidCloseTextDocumentParams) -> None:
    if ls.buffers.pop(params.text_document.uri, None) is not None:
        ls.scheduler.closed(params.text_document.uri)


@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(identifier=SECTION, inter_file_dependencies=False, workspace_diagnostics=False),
)
async def pull_diagnostics(ls: FmlintServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
    uri = params.text_document.uri
    outcome = ls.scheduler.latest(uri) if ls.configuration.client.run == "onSave" else None  # as of the last save
    if outcome is None:
        outcome = await ls.scheduler.outcome(uri)
    if outcome is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id == outcome.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=outcome.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=outcome.diagnostics, result_id=outcome.result_id)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, quick_fixes.FIX_ALL]),
)
async def code_action(ls: FmlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    outcome = await ls.scheduler.outcome(params.text_document.uri)
    buffer = ls.buffers.get(params.text_document.uri)
    if outcome is None or buffer is None or outcome.settings is None:
        return []
    policy = ls.configuration.policy_for(buffer.path)
    found = []
    if _wanted(types.CodeActionKind.QuickFix, params.context.only):
        found += actions.code_actions(buffer, outcome, params.range, policy)
    if ls.configuration.client.fix_all and _wanted(quick_fixes.FIX_ALL, params.context.only):
        fix_all = quick_fixes.fix_all_action(buffer, outcome.settings, policy, quick_fixes.site_findings(outcome))
        found += [fix_all] if fix_all else []
    return found


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether actions of ``kind`` were asked for (``only`` lists kinds and their parents, e.g. ``source``)."""
    return only is None or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


@server.command(actions.OPEN_DOCUMENTATION)
async def open_rule_documentation(ls: FmlintServer, code: str) -> None:
    await ls.window_show_document_async(types.ShowDocumentParams(uri=rule_page(code)))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: FmlintServer, params: types.HoverParams) -> types.Hover | None:
    buffer = ls.buffers.get(params.text_document.uri)
    if buffer is None:
        return None
    hovers = ls.client_capabilities.text_document
    formats = hovers.hover.content_format if hovers and hovers.hover else None
    outcome = ls.scheduler.latest(buffer.uri)
    markup = _markup(formats) or types.MarkupKind.PlainText
    return hover.hover(buffer, ls.settings_for(buffer), outcome, params.position, markup)


def _markup(formats: Sequence[types.MarkupKind] | None) -> types.MarkupKind | None:
    """Markdown when the client says it shows Markdown, else plain text (``None``: the client names no format)."""
    if formats is None:
        return None
    return types.MarkupKind.Markdown if types.MarkupKind.Markdown in formats else types.MarkupKind.PlainText


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=['"', " ", ":", "="]))
def on_completion(ls: FmlintServer, params: types.CompletionParams) -> types.CompletionList:
    buffer = ls.buffers.get(params.text_document.uri)
    completions = ls.client_capabilities.text_document
    item = completions.completion.completion_item if completions and completions.completion else None
    markup = _markup(item.documentation_format if item else None)
    items = completion.completion(buffer, ls.settings_for(buffer), params.position, markup) if buffer else []
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
async def on_definition(ls: FmlintServer, params: types.DefinitionParams) -> types.Location | None:
    """From a front-matter key, its schema's definition; from a link, the page it leads to."""
    buffer = ls.buffers.get(params.text_document.uri)
    if buffer is None:
        return None
    found = definition.definition(buffer, ls.settings_for(buffer), params.position)
    if found is not None:
        return found
    outcome = await ls.scheduler.outcome(buffer.uri, site=False)
    if outcome is None or outcome.settings is None:
        return None
    shown = {os.path.abspath(each.path): each.snapshot() for each in ls.buffers.values()}
    return await ls.scheduler.in_worker(links.link_location, outcome, ls.configuration, params.position, shown)

"""Diagnostics: fmlint's linter on the editor's text, scheduled, versioned and sent.

Every lint runs ``lint_file`` on the bytes of the buffer (exactly as a file
with that content), in one worker thread so that the server keeps answering
while a large document is checked.  On open and save a document is linted at
once; on change after ``fmlint.debounceMs`` of quiet (or not at all with
``fmlint.run = onSave``).  A client that pulls (``textDocument/diagnostic``)
gets the result for the version it has; otherwise the result is pushed with
its version, and only when that is still the document's version — a stale
result is never published.  Closing a document clears its diagnostics.

The site rules (``SITE``: output-path collisions, broken references …) need
the whole site's facts, read from the workspace's result cache: they run for
the version that was opened or saved, not on every keystroke.  A push client
gets the file's own findings first and then, when the site pass is done, the
same list with the site findings added; unsaved edits show the file's own
findings until the next save.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import msgspec
from lsprotocol import types

from fmlint.config.settings import Settings
from fmlint.diagnostics import INTERNAL_ERROR, ORDER, Diagnostic, Severity
from fmlint.file_result import FileResult
from fmlint.linter import lint_file
from fmlint.server.configuration import Configuration, configuration_error
from fmlint.server.rule_pages import rule_page
from fmlint.server.text import TextBuffer

SOURCE = "fmlint"
_T = TypeVar("_T")
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning}


class Outcome(msgspec.Struct, frozen=True):
    """One lint of one version of a document."""

    buffer: TextBuffer  # the text as it was linted
    generation: int  # of the configuration it was linted with
    site: bool  # whether the site rules ran
    settings: Settings | None  # None: the configuration could not be used
    found: list[Diagnostic]
    diagnostics: list[types.Diagnostic]
    own: FileResult | None = None  # the file's own lint (its site facts too), which the site pass reuses

    @property
    def result_id(self) -> str:
        return f"{self.generation}:{self.buffer.version}"


def lsp_diagnostic(buffer: TextBuffer, diagnostic: Diagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=buffer.diagnostic_range(diagnostic),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rule_page(diagnostic.code)),
        source=SOURCE,
        data={"rule": diagnostic.rule},
    )


def lint_buffer(
    buffer: TextBuffer, configuration: Configuration, site: bool = False, own: FileResult | None = None
) -> Outcome:
    """fmlint's findings on ``buffer`` (with ``site``, the site rules' too; ``own``: the buffer's own lint,
    already made with this configuration); a configuration or schema error is one diagnostic at the top."""
    generation = configuration.generation
    try:
        settings = configuration.settings_for(buffer.path)
        if configuration.excluded(buffer.path):
            own, found = None, []
        else:
            own = own or lint_file(buffer.document, settings)
            found = _with_site_findings(own, buffer, configuration) if site else own.diagnostics
    except Exception as exc:  # a configuration error, or a bug outside the rules: shown, never fatal
        message = configuration_error(exc)
        text = f"fmlint configuration: {message}" if message else f"fmlint crashed: {type(exc).__name__}: {exc}"
        top = types.Range(types.Position(0, 0), types.Position(0, 0))
        code = None if message else INTERNAL_ERROR
        error = types.Diagnostic(top, text, types.DiagnosticSeverity.Error, code=code, source=SOURCE)
        return Outcome(buffer, generation, site, None, [], [error])
    return Outcome(buffer, generation, site, settings, found, [lsp_diagnostic(buffer, d) for d in found], own)


def _with_site_findings(result: FileResult, buffer: TextBuffer, configuration: Configuration) -> list[Diagnostic]:
    if result.facts is None:
        return result.diagnostics
    from fmlint.site.places import texts_held
    from fmlint.site.sitepass import site_diagnostics

    # (the buffer's references are located in its text, which may not be saved)
    with texts_held({os.path.abspath(buffer.path): buffer.document.lines}):
        found = site_diagnostics([result], configuration.settings_for, configuration.cache, jobs=1)
    return sorted([*result.diagnostics, *found.get(result.path, ())], key=ORDER)


class DiagnosticsScheduler:
    """When to lint each open document, and where its results go."""

    def __init__(
        self,
        configuration: Configuration,
        buffers: dict[str, TextBuffer],
        publish: Callable[[types.PublishDiagnosticsParams], None],
    ) -> None:
        self.configuration = configuration
        self.buffers = buffers
        self.publish = publish
        self.pull = False  # set at initialisation when the client pulls diagnostics
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="fmlint-lint")
        self._outcomes: dict[str, Outcome] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._site_versions: dict[str, int | None] = {}  # the version opened or saved: the site rules run for it

    async def outcome(self, uri: str, site: bool | None = None) -> Outcome | None:
        """The lint of the document's current version (made now, unless already made); the site rules run
        when ``site`` says so (by default: when this is the version opened or saved)."""
        buffer = self.buffers.get(uri)
        if buffer is None:
            return None
        if site is None:
            site = self._site_versions.get(uri, -1) == buffer.version
        cached = self._outcomes.get(uri)
        if cached is not None and (cached.buffer.version, cached.generation) != (
            buffer.version,
            self.configuration.generation,
        ):
            cached = None
        if cached is not None and (cached.site or not site):
            return cached
        # the site pass of a version whose own lint is done reuses it
        snapshot, own = (buffer.snapshot(), None) if cached is None else (cached.buffer, cached.own)
        outcome = await self.in_worker(lint_buffer, snapshot, self.configuration, site, own)
        if uri in self.buffers:
            self._outcomes[uri] = outcome
        return outcome

    async def in_worker(self, function: Callable[..., _T], *arguments: Any) -> _T:
        """``function(*arguments)`` in the lints' worker thread, after the lints asked for before it (it may
        read the workspace's cache, as they do)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *arguments)

    def latest(self, uri: str) -> Outcome | None:
        """The most recent lint of the document, whatever its version."""
        return self._outcomes.get(uri)

    def opened(self, uri: str) -> None:
        self._site_versions[uri] = self._version(uri)
        self._schedule(uri, 0)

    def changed(self, uri: str) -> None:
        client = self.configuration.client
        if client.run == "onType":
            self._schedule(uri, client.debounce_ms / 1000)
        else:
            self._cancel(uri)

    def saved(self, uri: str) -> None:
        self._site_versions[uri] = self._version(uri)
        if self.pull:  # the next pull lints the saved text (with ``run = onSave`` it is kept until then)
            self._outcomes.pop(uri, None)
        self._schedule(uri, 0)

    def _version(self, uri: str) -> int | None:
        buffer = self.buffers.get(uri)
        return None if buffer is None else buffer.version

    def closed(self, uri: str) -> None:
        self._cancel(uri)
        self._outcomes.pop(uri, None)
        self._site_versions.pop(uri, None)
        if not self.pull:
            self.publish(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def relint_all(self) -> None:
        """After a configuration change: every open document again (pull clients are asked to pull)."""
        for uri in self.buffers:
            self._schedule(uri, 0)

    def _cancel(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def _schedule(self, uri: str, delay: float) -> None:
        if self.pull:
            return  # the client asks when it wants them
        self._cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().create_task(self._publish_after(uri, delay))

    async def _publish_after(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        # the file's own findings at once; the site rules' (for an opened or saved version) after them
        first = await self.outcome(uri, site=False)
        if not self._published(uri, first):
            return
        buffer = self.buffers.get(uri)
        if buffer is not None and self._site_versions.get(uri, -1) == buffer.version:
            with_site = await self.outcome(uri, site=True)
            if with_site is not None and first is not None and with_site.found != first.found:
                self._published(uri, with_site)
        if self._pending.get(uri) is asyncio.current_task():
            del self._pending[uri]

    def _published(self, uri: str, outcome: Outcome | None) -> bool:
        """Publish ``outcome`` if it is of the document's current version (else a newer lint is scheduled)."""
        current = self.buffers.get(uri)
        if outcome is None or current is None or current.version != outcome.buffer.version:
            return False
        self.publish(types.PublishDiagnosticsParams(uri=uri, diagnostics=outcome.diagnostics, version=current.version))
        return True

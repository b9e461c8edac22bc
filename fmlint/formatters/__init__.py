"""Output formats, one module each, registered by name.

Every formatter is ``write(result, out, options)``; ``options`` says whether to
colour and gives the source text of a file (for ``full``, which shows the line).
``auto`` is not a formatter: :func:`choose` turns it into ``github`` inside
GitHub Actions, ``full`` on a terminal and ``concise`` otherwise.
"""

from __future__ import annotations

import codecs
import io
import itertools
from collections.abc import Callable, Iterable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

import msgspec

if TYPE_CHECKING:
    from fmlint.runner import RunResult


def _read_source(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


class FormatOptions(msgspec.Struct, frozen=True):
    color: bool = False
    quiet: bool = False  # diagnostics only, no summary
    sources: Mapping[str, str] = msgspec.field(default_factory=dict)  # texts not on disk (standard input)

    def source(self, path: str) -> str | None:
        return self.sources[path] if path in self.sources else _read_source(path)


Formatter = Callable[["RunResult", TextIO, FormatOptions], None]

AUTO = "auto"

# Each format's module, imported only when it is chosen
FORMATTERS: dict[str, str] = {
    "concise": "concise",
    "full": "full",
    "json": "json_format",
    "json-lines": "json_lines",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
}


# the formats that write each file's findings as its result holds them, JSON lines (``fmlint.file_result``)
WRITES_JSON_LINES = frozenset({"json", "json-lines"})


def formatter(name: str) -> Formatter:
    """The ``write`` function of the format called ``name``."""
    write: Formatter = import_module(f"fmlint.formatters.{FORMATTERS[name]}").write
    return write


class Batched(io.TextIOBase):
    """Passes writes on to ``out`` in pieces of about ``size`` characters.

    A report of 47,000 findings is 47,000 ``write`` calls; with
    ``PYTHONUNBUFFERED`` set (common in containers and CI) each would be a
    system call of its own.  :meth:`flush` passes on the rest.  Encoded output
    (:meth:`write_bytes`) goes straight to ``out``'s binary buffer when ``out``
    writes UTF-8, without a round trip through ``str``.
    """

    def __init__(self, out: TextIO, size: int = 1 << 16) -> None:
        super().__init__()
        self._out = out
        self._size = size
        self._pending: list[str] = []
        self._length = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._pending.append(text)
        self._length += len(text)
        if self._length >= self._size:
            self.flush()
        return len(text)

    def writelines(self, lines: Iterable[str], /) -> None:  # type: ignore[override]  # (as typeshed types TextIOBase's)
        """Writes ``lines`` joined a thousand at a time (``TextIOBase``'s would call :meth:`write` for each:
        ~18 ms for a report of 56,000 findings, ~6 ms this way)."""
        remaining = iter(lines)
        while chunk := list(itertools.islice(remaining, 1024)):
            self.write("".join(chunk))

    def write_bytes(self, data: bytes | memoryview) -> None:
        """Writes UTF-8 ``data``."""
        binary = getattr(self._out, "buffer", None)
        if binary is None or codecs.lookup(getattr(self._out, "encoding", None) or "ascii").name != "utf-8":
            self.write(bytes(data).decode())
            return
        self.flush()
        binary.write(data)

    def flush(self) -> None:
        text = "".join(self._pending)
        self._pending.clear()  # before writing: a reader that has gone must not be written to twice
        self._length = 0
        if text:
            self._out.write(text)
        self._out.flush()


def write_bytes(out: TextIO, data: bytes | memoryview) -> None:
    """Writes UTF-8 ``data`` (an encoder's output) to ``out``: as bytes when ``out`` is :class:`Batched`."""
    if isinstance(out, Batched):
        out.write_bytes(data)
    else:
        out.write(bytes(data).decode())


def choose(name: str, environ: Mapping[str, str], isatty: bool) -> str:
    """The concrete format for ``name`` (resolves ``auto``)."""
    if name != AUTO:
        return name
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "full" if isatty else "concise"


def use_color(environ: Mapping[str, str], isatty: bool) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    return isatty and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"

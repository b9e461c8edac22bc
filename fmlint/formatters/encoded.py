"""JSON written by msgspec's encoder in chunks, for the machine-readable formats.

A report of 78,000 findings is encoded :data:`CHUNK` records at a time (about 300 KB of JSON), so no
second copy of all findings (as dicts, or as one large JSON text) is ever held.
Records are msgspec structs: the encoder writes their fields in C, with no dict
built per finding.  The ``json`` and ``json-lines`` formats write each file's
findings as its result holds them, JSON lines (``fmlint.file_result``): a
diagnostic's JSON object has its fields, so a field added to ``Diagnostic``
appears there without being listed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TextIO

import msgspec

from fmlint.file_result import ENCODER
from fmlint.formatters import write_bytes

if TYPE_CHECKING:
    from fmlint.runner import RunResult

CHUNK = 1024
CHUNK_BYTES = 1 << 18  # of JSON lines, formatted at once


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_array(out: TextIO, items: Iterable[Any], indent: bool = True) -> None:
    """Writes a JSON array of ``items``, one chunk of items at a time: compact, or indented by two
    spaces (as ``json.dump(..., indent=2)`` lays it out)."""
    _write_arrays(out, (ENCODER.encode(chunk) for chunk in chunks(items)), indent)


def write_findings_array(out: TextIO, result: RunResult) -> None:
    """Writes every finding of ``result`` as one JSON array indented by two spaces, from its files' JSON
    lines (a line holds no raw newline: JSON escapes them inside strings)."""
    _write_arrays(out, (b"[" + lines[:-1].replace(b"\n", b",") + b"]" for lines in _joined_lines(result)), True)


def write_findings_lines(out: TextIO, result: RunResult) -> None:
    """Writes every finding of ``result`` as a line of compact JSON."""
    for lines in _joined_lines(result):
        write_bytes(out, lines)


def _joined_lines(result: RunResult) -> Iterator[bytes]:
    """The files' JSON lines in order, joined about :data:`CHUNK_BYTES` at a time."""
    pending: list[bytes] = []
    size = 0
    for file_result in result.in_order():
        if file_result.has_findings():
            lines = file_result.encoded(keep=False)
            pending.append(lines)
            size += len(lines)
            if size >= CHUNK_BYTES:
                yield b"".join(pending)
                pending.clear()
                size = 0
    if pending:
        yield b"".join(pending)


def _write_arrays(out: TextIO, arrays: Iterable[bytes], indent: bool) -> None:
    """Writes the items of the non-empty JSON ``arrays`` as one array."""
    opened = False
    for array in arrays:
        encoded = msgspec.json.format(array, indent=2) if indent else array
        write_bytes(out, b"," if opened else b"[")
        write_bytes(out, memoryview(encoded)[1 : -2 if indent else -1])  # without the brackets, not copied
        opened = True
    write_bytes(out, (b"\n]" if indent else b"]") if opened else b"[]")

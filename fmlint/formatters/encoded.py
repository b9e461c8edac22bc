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
    from fmlint.file_result import FileResult
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
    encoded = (ENCODER.encode(chunk) for chunk in chunks(items))
    _write_arrays(out, (msgspec.json.format(array, indent=2) for array in encoded) if indent else encoded, indent)


def write_findings_array(out: TextIO, result: RunResult) -> None:
    """Writes every finding of ``result`` as one JSON array indented by two spaces, from its files' JSON
    lines (a line holds no raw newline: JSON escapes them inside strings)."""
    _write_arrays(out, (_findings_array(lines, results) for lines, results in _joined_lines(result)), True)


def write_findings_lines(out: TextIO, result: RunResult) -> None:
    """Writes every finding of ``result`` as a line of compact JSON."""
    for lines, _ in _joined_lines(result):
        write_bytes(out, lines)


def _findings_array(lines: bytes, results: list[FileResult]) -> bytes:
    """The JSON lines of ``results`` as an indented array; lines that are not JSON (a damaged cache
    entry) are written from the findings instead, where the damaged file's say so (``X001``)."""
    try:
        return msgspec.json.format(b"[" + lines[:-1].replace(b"\n", b",") + b"]", indent=2)
    except msgspec.DecodeError:
        return msgspec.json.format(ENCODER.encode([d for r in results for d in r.diagnostics]), indent=2)


def _joined_lines(result: RunResult) -> Iterator[tuple[bytes, list[FileResult]]]:
    """The files' JSON lines in order, joined about :data:`CHUNK_BYTES` at a time, with their results."""
    pending: list[bytes] = []
    results: list[FileResult] = []
    size = 0
    for file_result in result.in_order():
        if file_result.has_findings():
            lines = file_result.encoded(keep=False)
            pending.append(lines)
            results.append(file_result)
            size += len(lines)
            if size >= CHUNK_BYTES:
                yield b"".join(pending), results
                pending, results, size = [], [], 0
    if pending:
        yield b"".join(pending), results


def _write_arrays(out: TextIO, arrays: Iterable[bytes], indent: bool) -> None:
    """Writes the items of the non-empty JSON ``arrays`` (indented by two spaces, or compact) as one array."""
    opened = False
    for array in arrays:
        write_bytes(out, b"," if opened else b"[")
        write_bytes(out, memoryview(array)[1 : -2 if indent else -1])  # without the brackets, not copied
        opened = True
    write_bytes(out, (b"\n]" if indent else b"]") if opened else b"[]")

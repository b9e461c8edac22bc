"""JSON written by msgspec's encoder in chunks, for the machine-readable formats.

A report of 78,000 findings is encoded :data:`CHUNK` records at a time (about 300 KB of JSON), so no
second copy of all findings (as dicts, or as one large JSON text) is ever held.
Records are msgspec structs: the encoder writes their fields in C, with no dict
built per finding.  :data:`DiagnosticRecord` has exactly :class:`Diagnostic`'s
fields, so a field added there appears in ``json`` and ``json-lines`` output
without being listed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

import msgspec

from fmlint.diagnostics import Diagnostic
from fmlint.formatters import write_bytes

CHUNK = 1024
ENCODER = msgspec.json.Encoder()

# Diagnostic is stored as an array (``array_like``) in the cache; a report shows it as an object
DiagnosticRecord = msgspec.defstruct(
    "DiagnosticRecord", [field.name for field in msgspec.structs.fields(Diagnostic)], frozen=True, gc=False
)


def records(diagnostics: Iterable[Diagnostic]) -> Iterator[Any]:
    """Each diagnostic as a record that encodes as a JSON object of its fields, in their order."""
    astuple = msgspec.structs.astuple
    return (DiagnosticRecord(*astuple(d)) for d in diagnostics)


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_array(out: TextIO, items: Iterable[Any], indent: bool = True) -> None:
    """Writes a JSON array of ``items``, one chunk of items at a time: compact, or indented by two
    spaces (as ``json.dump(..., indent=2)`` lays it out)."""
    opened = False
    for chunk in chunks(items):
        encoded = ENCODER.encode(chunk)
        if indent:
            encoded = msgspec.json.format(encoded, indent=2)
        write_bytes(out, b"," if opened else b"[")
        write_bytes(out, memoryview(encoded)[1 : -2 if indent else -1])  # without the brackets, not copied
        opened = True
    write_bytes(out, (b"\n]" if indent else b"]") if opened else b"[]")


def write_lines(out: TextIO, items: Iterable[Any]) -> None:
    """Writes one compact JSON value per line."""
    for chunk in chunks(items):
        write_bytes(out, ENCODER.encode_lines(chunk))

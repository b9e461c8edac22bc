"""One file's result: its findings, the remote URLs it uses, its site facts.

The findings are held in one of two forms, and turned into the other only when
asked: :class:`~fmlint.diagnostics.Diagnostic` objects (what the rules produce
and most formats read), or *JSON lines* — one compact JSON object per finding,
with ``Diagnostic``'s fields in order.  JSON lines are what the result cache
stores, what a pool worker sends to the main process (pickling the bytes is ~8x
faster than pickling the objects, and unpickling ~30x), and what the ``json``
and ``json-lines`` formats write as they are: a warm run over 10,000 articles
that reports JSON never builds their 80,000 findings as objects.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import msgspec

from fmlint.diagnostics import INTERNAL_ERROR, Diagnostic, Severity

if TYPE_CHECKING:
    from fmlint.linter import UrlOccurrence
    from fmlint.site.facts import SiteFacts

ENCODER = msgspec.json.Encoder()
_CODE = attrgetter("code")
_SEVERITY = attrgetter("severity")
_DECODER = msgspec.json.Decoder(Diagnostic)


class FileResult:
    """A file's findings (sorted, all about ``path``), its remote URLs and its site facts (or ``None``)."""

    __slots__ = ("_diagnostics", "_encoded", "_marks", "facts", "path", "urls")

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic],
        urls: tuple[UrlOccurrence, ...] = (),
        facts: SiteFacts | None = None,
    ) -> None:
        self.path = path
        self.urls = urls
        self.facts = facts
        self._diagnostics: list[Diagnostic] | None = diagnostics
        self._encoded: bytes | None = None
        self._marks: frozenset[str] | None = None

    @classmethod
    def from_encoded(
        cls,
        path: str,
        encoded: bytes,
        urls: tuple[UrlOccurrence, ...] = (),
        facts: SiteFacts | None = None,
        marks: frozenset[str] | None = None,
    ) -> FileResult:
        """A result whose findings are the JSON lines ``encoded`` (decoded when first read), with their
        :meth:`marks` when known."""
        result = cls.__new__(cls)
        result.path, result.urls, result.facts = path, urls, facts
        result._diagnostics, result._encoded, result._marks = None, encoded, marks
        return result

    @property
    def diagnostics(self) -> list[Diagnostic]:
        if self._diagnostics is None:
            try:
                self._diagnostics = _DECODER.decode_lines(self._encoded or b"")
            except msgspec.MsgspecError as exc:  # a damaged cache entry: said so, never a traceback
                self._diagnostics, self._marks = [_unreadable(self.path, exc)], None
            self._encoded = None  # one form held at a time: a run may hold 80,000 findings
        return self._diagnostics

    def hold_objects(self) -> None:
        """Hold the findings as objects alone (decoded now, if they are JSON lines)."""
        self._diagnostics, self._encoded = self.diagnostics, None

    def hold_json_lines(self) -> None:
        """Hold the findings as JSON lines alone (encoded now, if they are objects), their :meth:`marks` known:
        a worker sends both, and working the marks out from the lines would decode them again."""
        if self._diagnostics is not None and self._marks is None:
            self._marks = _marks_of(self._diagnostics)
        self._encoded, self._diagnostics = self.encoded(), None

    def encoded(self, keep: bool = True) -> bytes:
        """The findings as JSON lines; kept once encoded unless ``keep`` is false (a worker both stores and
        sends them; a report that writes them from the objects needs them once)."""
        if self._encoded is not None:
            return self._encoded
        encoded = ENCODER.encode_lines(self._diagnostics or ())
        if keep:
            self._encoded = encoded
        return encoded

    def marks(self) -> frozenset[str]:
        """The codes and the severities of the findings: what the exit code asks, known without decoding
        them (the cache stores them, a worker sends them)."""
        if self._marks is None:
            self._marks = _marks_of(self.diagnostics)
        return self._marks

    def has_findings(self) -> bool:
        return bool(self._diagnostics if self._diagnostics is not None else self._encoded)

    def __reduce__(self) -> tuple[Callable[..., FileResult], tuple[Any, ...]]:
        """Pickled in the form held: objects (pickle shares their repeated strings) or JSON lines (bytes,
        ~8x faster to pickle), with their marks."""
        if self._diagnostics is not None:
            return FileResult, (self.path, self._diagnostics, self.urls, self.facts)
        return FileResult.from_encoded, (self.path, self.encoded(), self.urls, self.facts, self.marks())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return (self.path, self.diagnostics, self.urls, self.facts) == (
            other.path,
            other.diagnostics,
            other.urls,
            other.facts,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable once decoded, like the list it holds

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {self.diagnostics!r}, {self.urls!r}, {self.facts!r})"


def _marks_of(found: list[Diagnostic]) -> frozenset[str]:
    return frozenset(map(_CODE, found)) | frozenset(map(_SEVERITY, found))


def _unreadable(path: str, exc: Exception) -> Diagnostic:
    message = f"its stored findings could not be read ({exc}); run again with --no-cache"
    return Diagnostic(path, 1, 1, INTERNAL_ERROR, 1, 1, "internal-error", Severity.ERROR, message)

"""What asking a URL found, and which diagnostics that means for a use of it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec

BROKEN, UNREACHABLE, NOT_AN_IMAGE, MOVED, REFUSED = "URL001", "URL002", "URL003", "URL004", "URL005"
CODES = (BROKEN, UNREACHABLE, NOT_AN_IMAGE, MOVED, REFUSED)


class Outcome(msgspec.Struct, frozen=True):
    """The answer to one URL (after redirects and retries), independent of how it is used."""

    status: int | None = None  # the final HTTP status; None when there was no answer
    reason: str = ""  # "Not Found"
    content_type: str | None = None  # of the final answer, without parameters
    final_url: str | None = None  # where redirects ended, when there were any
    moved_to: str | None = None  # the target of the leading permanent redirects
    error: str | None = None  # no usable answer: "timed out after 10 s", "redirect loop"
    refused: str | None = None  # not contacted: why the safety guard refused

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def as_dict(self) -> dict[str, Any]:
        return msgspec.structs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outcome:
        return cls(**data)


def findings(outcome: Outcome, kind: str) -> Iterator[tuple[str, str]]:
    """(code, message) for one use of the URL; ``kind`` is "image" or "link"."""
    if outcome.refused:
        yield REFUSED, f"not checked: {outcome.refused}"
    elif outcome.error:
        yield UNREACHABLE, outcome.error
    elif not outcome.ok:
        where = f" (at {outcome.final_url})" if outcome.final_url else ""
        yield BROKEN, f"{outcome.status} {outcome.reason}".rstrip() + where
    else:
        if kind == "image" and not (outcome.content_type or "").startswith("image/"):
            yield NOT_AN_IMAGE, f"serves {outcome.content_type or 'no Content-Type'}, not an image"
        if outcome.moved_to:
            yield MOVED, f"permanently redirected to {outcome.moved_to}"

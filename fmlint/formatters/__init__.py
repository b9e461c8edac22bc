"""Output formats, one module each, registered by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from fmlint.formatters import concise, json_format
from fmlint.runner import RunResult

Formatter = Callable[[RunResult, TextIO], None]

FORMATTERS: dict[str, Formatter] = {
    "concise": concise.write,
    "json": json_format.write,
}

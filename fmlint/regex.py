"""Regular expressions compiled when first used.

fmlint's modules hold some 300 patterns; compiling them all as the modules are
imported took ~50 ms of a pre-commit run's ~250 ms on the 10k-article benchmark
site, though a run over a few unchanged files uses a handful of them.  A module
holds ``lazy_pattern(...)`` instead of ``re.compile(...)``: a stand-in that
compiles on its first use and then holds the pattern's methods as its own
attributes, so that a call costs what it costs on the pattern itself.  Only
``pattern`` is known before (a module may build one pattern from another's
source).  A stand-in is not a :class:`re.Pattern` to ``re``'s own functions:
call its methods.
"""

from __future__ import annotations

import re
from typing import Any, cast

_FORWARDED = (
    "match",
    "search",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "groupindex",
    "groups",
    "flags",
)


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self.pattern = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # (only for an attribute the stand-in does not hold yet)
        if name.startswith("__"):  # (``copy``'s and ``pickle``'s questions: see ``__reduce__``)
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for forwarded in _FORWARDED:
            setattr(self, forwarded, getattr(compiled, forwarded))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return lazy_pattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazy_pattern({self.pattern!r}, {self._flags})"


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))

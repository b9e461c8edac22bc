"""Rule documentation as pages an editor can open (a diagnostic's ``codeDescription``).

The page of a rule is what ``fmlint rule CODE`` prints, written once per
fmlint version under the user's cache folder (``$XDG_CACHE_HOME/fmlint``), so
that it opens offline and always matches the installed rules.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from fmlint import __version__
from fmlint.rule_docs import render
from fmlint.rules import RULES_BY_CODE


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fmlint" / "rules" / __version__


@cache
def rule_page(code: str) -> str:
    """The ``file:`` URI of the rule's documentation page (written on first use)."""
    text = render(RULES_BY_CODE[code])
    for folder in (_folder(), Path(tempfile.gettempdir()) / f"fmlint-rules-{__version__}"):
        path = folder / f"{code}.md"
        try:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                folder.mkdir(parents=True, exist_ok=True)
                partial = folder / f".{code}.{os.getpid()}.tmp"
                partial.write_text(text, encoding="utf-8")
                partial.replace(path)
            return path.as_uri()
        except OSError:  # a read-only cache folder: the next one
            continue
    return (_folder() / f"{code}.md").as_uri()

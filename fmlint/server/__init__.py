"""``fmlint server``: a Language Server Protocol server over standard input and output.

``protocol``-level wiring is in :mod:`fmlint.server.app`; open documents and
position encodings in :mod:`~fmlint.server.text`; linting, debouncing and
versions in :mod:`~fmlint.server.diagnostics`; code actions in
:mod:`~fmlint.server.actions`; :mod:`~fmlint.server.hover`,
:mod:`~fmlint.server.completion` and :mod:`~fmlint.server.definition` (over
:mod:`~fmlint.server.cursor`, :mod:`~fmlint.server.schema_nav` and
:mod:`~fmlint.server.schema_docs`); settings in
:mod:`~fmlint.server.configuration`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

_USAGE = "usage: fmlint server [--stdio]"
_HELP = (
    "fmlint's language server, over standard input and output: an editor starts it and sends the open\n"
    "documents; it answers with diagnostics, quick fixes, hover and completion (the README's Editors section)."
)


def main(args: Sequence[str]) -> int:
    """``fmlint server`` (takes no options; the editor configures it through LSP)."""
    if list(args[1:]) in (["-h"], ["--help"]):
        print(f"{_USAGE}\n\n{_HELP}")
        return 0
    if list(args[1:]) not in ([], ["--stdio"]):
        print(_USAGE, file=sys.stderr)
        return 2
    from fmlint import gc_policy
    from fmlint.server.app import server

    with gc_policy.serving():
        server.start_io()
    return 0

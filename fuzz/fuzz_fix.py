"""Fuzz ``--fix --unsafe-fixes`` with atheris: raw bytes in, every fix applied (see ``fuzz/README.md``).

An input fails when an exception escapes, when the fixed text differs from the
original with each pass's recorded edits replayed on it (a byte changed outside
a fix), when a finding of the fixed file lies outside it or a rule crashes on
it (``tests/support.assert_inside``), or when fixing the fixed file applies
anything more although the run stopped for want of fixes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports():
    from support import assert_inside

    from fmlint.config.settings import DEFAULT_ENABLED, Settings
    from fmlint.document import read_document
    from fmlint.fix.apply import MAX_PASSES, apply_edits, fix_document
    from fmlint.schema.loader import load_schema

SETTINGS = Settings(schema=load_schema("hugo-article"), enabled_codes=DEFAULT_ENABLED | {"MD034"})


def every_fix(diagnostic: object) -> bool:
    return True  # fix_document offers only diagnostics with a fix


def test_one_input(data: bytes) -> None:
    doc = read_document("fuzz.md", data)
    outcome = fix_document(doc, SETTINGS, every_fix)
    if not outcome.applied:
        assert outcome.encoded(data) == data
        return
    text = doc.text
    for edits in outcome.passes:
        text = apply_edits(text, edits)
    assert text == outcome.doc.text, "a byte changed outside the recorded edits"
    assert_inside(outcome.doc, outcome.result)
    if len(outcome.passes) < MAX_PASSES and not outcome.reverted:
        again = fix_document(read_document("fuzz.md", outcome.encoded(data)), SETTINGS, every_fix)
        assert not again.applied, ("fixing the fixed file applied more", again.applied)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

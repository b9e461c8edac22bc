"""Fuzz the whole per-file pipeline with atheris (libFuzzer for Python).

Raw bytes go through the same entry point as a file on disk — ``read_document``
then ``lint_file`` with every check on (the bundled schema, the Markdown view
and URL collection) — and the harness fails on what the property tests reject
(``tests/support.assert_inside``): an exception escaping, a rule crashing
(``X001``), or a diagnostic or URL placed outside the file.  See
``fuzz/README.md`` for how to run it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports():
    from support import assert_inside

    from fmlint.config.settings import Settings
    from fmlint.document import read_document
    from fmlint.linter import lint_file
    from fmlint.schema.loader import load_schema

SETTINGS = Settings(schema=load_schema("hugo-article"), collect_urls=frozenset({"images", "links"}))


def test_one_input(data: bytes) -> None:
    for name in ("fuzz.md", "fuzz.mdx"):  # (MDX: JSX masked, its images, headings and hrefs given back)
        doc = read_document(name, data)
        assert_inside(doc, lint_file(doc, SETTINGS, verbose=True))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Fuzz the whole per-file pipeline with atheris (libFuzzer for Python).

Raw bytes go through the same entry point as a file on disk — ``read_document``
then ``lint_file`` with every check on (the bundled schema, the Markdown view
and URL collection) — and the harness fails on anything a real run would get
wrong: an exception escaping, a rule crashing (``X001``), or a diagnostic or
URL placed outside the file.  See ``fuzz/README.md`` for how to run it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from fmlint.document import read_document
    from fmlint.linter import INTERNAL_ERROR, lint_file
    from fmlint.schema import load_schema
    from fmlint.settings import Settings

SETTINGS = Settings(schema=load_schema("hugo-article"), collect_urls=frozenset({"images", "links"}))


def _check_inside(text: str, what: object, points: list[tuple[int, int]]) -> None:
    lengths = [len(line.removesuffix("\r")) for line in text.split("\n")]
    for line, column in points:
        if not (1 <= line <= len(lengths) and 1 <= column <= lengths[line - 1] + 1):
            raise AssertionError(f"outside the file: {what}")


def test_one_input(data: bytes) -> None:
    doc = read_document("fuzz.md", data)
    result = lint_file(doc, SETTINGS, verbose=True)
    for d in result.diagnostics:
        if d.code == INTERNAL_ERROR:
            raise AssertionError(d.message)
        _check_inside(doc.text, d, [(d.line, d.column), (d.end_line, d.end_column)])
    for url in result.urls:
        _check_inside(doc.text, url, [(url.line, url.column), (url.end_line, url.end_column)])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

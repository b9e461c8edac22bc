"""Test helpers: source in, located codes out (yamllint style)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

from fmlint.config.settings import Settings
from fmlint.diagnostics import INTERNAL_ERROR, Diagnostic
from fmlint.document import Document, read_document
from fmlint.file_result import FileResult
from fmlint.linter import lint_document
from fmlint.positions import Span
from fmlint.schema.loader import CompiledSchema, compile_schema, load_schema

DEFAULT = object()
PERMISSIVE: dict[str, Any] = {}
# Real sites' content (../shared/corpora) when it is beside the checkout; an outside clone has none
CORPORA = next(
    (
        path
        for path in (Path(__file__).resolve().parents[2] / "shared" / "corpora", Path("/work/shared/corpora"))
        if path.is_dir()
    ),
    None,
)


def settings_with(schema: Any = DEFAULT, **options: Any) -> Settings:
    compiled: CompiledSchema | None
    if schema is DEFAULT:
        compiled = load_schema("hugo-article")
    elif schema is None:
        compiled = None
    else:
        compiled = compile_schema(schema, "<test>", Path.cwd() / "test.schema.json")
    return Settings(schema=compiled, **options)


def lint(source: str | bytes, schema: Any = DEFAULT, path: str = "post.md", **options: Any) -> list[Diagnostic]:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return lint_document(read_document(path, data), settings_with(schema, **options))


def located(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in diagnostics]


def check(
    source: str | bytes, problems: list[tuple[int, int, str]], schema: Any = DEFAULT, **options: Any
) -> list[Diagnostic]:
    """Assert that linting ``source`` gives exactly ``problems`` as (line, column, code)."""
    diagnostics = lint(source, schema, **options)
    assert located(diagnostics) == problems, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics)
    return diagnostics


def write_file(folder: Path, name: str, text: str | bytes) -> Path:
    """Create ``folder/name`` (and its parents) with ``text``."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def assert_inside(doc: Document, result: FileResult) -> None:
    """Every diagnostic, URL and place of a site fact of ``result`` lies inside ``doc``, and no rule crashed.

    A position is inside when its line exists (line 1 for an empty file) and its
    column is at most that line's length + 1, the length leaving out ``\\r\\n``/``\\n``.
    """
    lengths = [len(line.removesuffix("\r")) for line in doc.text.split("\n")]
    located: list[Any] = [*result.diagnostics, *result.urls, *_facts_places(doc, result)]
    for item in located:
        assert getattr(item, "code", None) != INTERNAL_ERROR, item.message
        for line, column in ((item.line, item.column), (item.end_line, item.end_column)):
            assert 1 <= line <= len(lengths) and 1 <= column <= lengths[line - 1] + 1, (doc.path, item)
        assert (item.line, item.column) <= (item.end_line, item.end_column), (doc.path, item)


def _facts_places(doc: Document, result: FileResult) -> list[Any]:
    """The places of the site facts of ``result``: its references' destinations and front-matter values (located
    in ``doc`` as a finding at one is)."""
    facts = result.facts
    if facts is None or not hasattr(facts, "references"):
        return []
    items = [facts.title, facts.slug, facts.url, facts.permalink, facts.translation_key, facts.doc_id]
    items += [*facts.aliases, *(item for values in facts.lists.values() for item in values)]
    written = [*facts.references, *(item for item in items if item is not None)]
    for each in written:
        assert 0 <= each.start <= each.end <= len(doc.text), (doc.path, each)
    return [doc.lines.position(Span(each.start, each.end)) for each in written]


def benchmark_module(name: str) -> Any:
    """The script ``benchmarks/<name>.py`` as a module (the benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location(
        name, Path(__file__).resolve().parents[1] / "benchmarks" / f"{name}.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated_articles(count: int, faulty_percent: float = 0) -> list[str]:
    """Articles as ``benchmarks/gen_corpus.py`` writes them (about ``faulty_percent`` % of them faulty)."""
    module = benchmark_module("gen_corpus")
    return [module.article(index, 7, faulty_percent) for index in range(count)]


def mkdocs_build(root: Path) -> str:
    """What ``mkdocs build`` of the site at ``root`` says (its warnings and notes), built into ``root/site``."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=root, capture_output=True, text=True, check=True
    )
    return done.stderr

"""The native pre-screen agrees with jsonschema on every schema and corpus we have.

Agreement both ways: a document the pre-screen calls valid is valid for
jsonschema (or a real error would be hidden), and a document jsonschema calls
valid and that the pre-screen may judge is called valid (or it saves nothing).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fmlint.discover import discover
from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.schema import prescreen
from fmlint.schema.formats import CUSTOM_FORMATS
from fmlint.schema.loader import CompiledSchema, compile_schema, load_schema
from fmlint.schema.prescreen import _plain, known_valid

pytest.importorskip("jsonschema_rs")

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [Path(__file__).resolve().parents[2] / "shared" / "corpora", Path("/work/shared/corpora")]
BUNDLED = sorted((ROOT / "schemas").glob("*.schema.json"))


def agrees(schema: CompiledSchema, data: Any) -> None:
    python = schema.validator.is_valid(data)
    native = known_valid(schema, data)
    assert not native or python, f"pre-screen hides errors for {data!r}"
    if python and _plain(data) and _prescreened(schema):
        assert native, f"pre-screen rejects valid {data!r}"


def _prescreened(schema: CompiledSchema) -> bool:
    """Whether the pre-screen takes this schema at all (not one with regular expressions, say)."""
    known_valid(schema, {})
    return prescreen._validators.get((schema.digest, False)) is not None


def front_matter_data(paths: list[str]) -> list[Any]:
    found = []
    for path in paths:
        fm = parse_front_matter(read_document(path, Path(path).read_bytes()))
        if fm is not None and fm.data is not None:
            found.append(fm.data)
    return found


def generated_corpus(folder: Path, count: int, faulty_percent: float) -> list[str]:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "benchmarks" / "gen_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main([str(count), str(folder), "--faulty-percent", str(faulty_percent)])
    return discover([str(folder)])


@pytest.mark.parametrize("schema_path", BUNDLED, ids=lambda path: path.name)
def test_bundled_schemas_on_examples_and_generated_articles(schema_path, tmp_path):
    schema = load_schema(str(schema_path))
    documents = front_matter_data(discover([str(ROOT / "examples")]) + generated_corpus(tmp_path, 200, 50))
    assert len(documents) > 150
    for data in documents:
        agrees(schema, data)
    if schema_path.name == "hugo-article.schema.json":  # the articles' own schema: the pre-screen is in use
        assert sum(known_valid(schema, data) for data in documents) > 50


@pytest.mark.parametrize("site", ["hugo-docs", "rust-blog"])
def test_real_sites(site):
    folder = next((base / site / "content" for base in CORPORA if (base / site / "content").is_dir()), None)
    if folder is None:
        pytest.skip("shared corpora are not present")
    documents = front_matter_data(discover([str(folder)]))
    for schema_path in BUNDLED:
        schema = load_schema(str(schema_path))
        for data in documents:
            agrees(schema, data)


FORMAT_SAMPLES = [
    "2025-02-07 11:51:26",
    "2025-02-30 11:51:26",
    "2025-02-07",
    "2025-13-01",
    "2025-02-07T11:51:26Z",
    "2025-02-07T25:00:00+01:00",
    "11:51:26",
    "a@example.com",
    "not an email",
    "https://example.com/a b",
    "https://example.com/x",
    "//example.com",
    "P1D",
    "P1Y2M",
    "1.2.3.4",
    "256.1.1.1",
    "::1",
    "example.com",
    "-bad-.com",
    "",
    "价格",
    "#/a/b",
    "/a/~2",
    "0123",
    "#fff",
    "{+x}",
    "AI, ML",
    "https://example.com/a.png",
    "/images/a.gif",
    "a.txt",
    "Mon, 07 Feb 2025 11:51:26 GMT",
]
KEYWORD_SCHEMAS: list[dict[str, Any]] = [
    {"type": "object", "properties": {"n": {"type": "integer", "minimum": 0, "multipleOf": 3}}},
    {"properties": {"n": {"type": "number", "exclusiveMaximum": 10.5}}, "additionalProperties": {"type": "string"}},
    {"properties": {"s": {"type": "string", "minLength": 2, "maxLength": 4}}},
    {"properties": {"e": {"enum": [1, "1", True, None, [1], {"a": 1}]}, "c": {"const": 1.0}}},
    {"properties": {"u": {"type": "array", "uniqueItems": True, "maxItems": 4}}},
    {"properties": {"l": {"prefixItems": [{"type": "string"}], "items": False, "contains": {"type": "string"}}}},
    {"anyOf": [{"required": ["a"]}, {"required": ["b"]}], "oneOf": [{"type": "object"}, {"type": "array"}]},
    {"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"not": {"required": ["c"]}}},
    {"dependentRequired": {"a": ["b"]}, "minProperties": 1, "propertyNames": {"maxLength": 3}},
    {"properties": {"a": True}, "unevaluatedProperties": False},
    {"$defs": {"d": {"type": ["string", "null"]}}, "properties": {"a": {"$ref": "#/$defs/d"}}},
    {
        "properties": {
            name: {"format": name}
            for name in (
                "hugo-date",
                "date",
                "date-time",
                "time",
                "email",
                "uri",
                "uri-reference",
                "ipv4",
                "ipv6",
                "hostname",
                "duration",
                "json-pointer",
                "relative-json-pointer",
                "color",
                "uri-template",
                "idn-hostname",
                "iri",
            )
        }
    },
    {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "properties": {"d": {"format": "date"}, "i": {"type": "integer"}},
        "dependencies": {"a": ["b"]},
        "additionalItems": False,
    },
    # fmlint's own formats alone: checked without jsonschema (``prescreen._custom``)
    {"properties": {name: {"format": name} for name in CUSTOM_FORMATS}},
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=6)
    | st.sampled_from(FORMAT_SAMPLES)
)
KEYS = st.sampled_from(
    ["a", "b", "c", "n", "s", "e", "u", "l", "d", "i", "date", "email", "uri", "hugo-date", "long-key"]
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=10
)
DOCUMENTS = (
    st.dictionaries(KEYS | st.sampled_from([*KEYWORD_SCHEMAS[11]["properties"], *CUSTOM_FORMATS]), VALUES, max_size=6)
    | VALUES
)


COMPILED = [compile_schema(contents, "<test>", ROOT / "test.schema.json") for contents in KEYWORD_SCHEMAS]


@pytest.mark.parametrize("schema", COMPILED, ids=range(len(COMPILED)))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=DOCUMENTS)
def test_generated_values(schema, data):
    agrees(schema, data)


def test_regular_expressions_and_external_refs_are_not_prescreened(tmp_path):
    with_pattern = compile_schema({"properties": {"a": {"pattern": "^x$"}}}, "<test>", tmp_path / "s.json")
    (tmp_path / "defs.json").write_text('{"type": "string"}')
    with_file_ref = compile_schema({"properties": {"a": {"$ref": "defs.json"}}}, "<test>", tmp_path / "s.json")
    assert not known_valid(with_pattern, {"a": "x"})
    assert not known_valid(with_file_ref, {"a": "x"})
    assert with_pattern.validator.is_valid({"a": "x"}) and with_file_ref.validator.is_valid({"a": "x"})


def test_a_schema_of_fmlint_formats_alone_is_prescreened_without_jsonschema(tmp_path):
    """The bundled Hugo schema names only fmlint's ``hugo-term``: a run over valid articles (a pre-commit run over a
    few edited files) neither imports jsonschema nor builds its validator; an invalid one imports it to explain."""
    (tmp_path / "valid.md").write_text('---\ntitle: "A"\ndate: "2025-02-07 11:51:26"\ntags: "AI"\n---\nText.\n')
    (tmp_path / "invalid.md").write_text('---\ntitle: "A"\ndate: "2025-02-07 11:51:26"\ntags: "AI, ML"\n---\n')
    script = (
        "import sys\n"
        "from fmlint.cli import main\n"
        "try:\n"
        "    main(['--no-cache', '--preset', 'hugo', '--format', 'json', *sys.argv[1:]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('jsonschema', 'referencing')))\n"
    )

    def imported(name: str) -> list[str]:
        command = [sys.executable, "-c", script, str(tmp_path / name)]
        return subprocess.run(command, capture_output=True, text=True, check=True, cwd=tmp_path).stdout.splitlines()

    assert imported("valid.md")[-1] == "[]"
    invalid = imported("invalid.md")
    assert "'jsonschema'" in invalid[-1]
    assert '"line": 4, "column": 7,' in " ".join(line.strip() for line in invalid)
    assert "is not a valid hugo-term" in " ".join(invalid)

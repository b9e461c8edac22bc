"""Every machine-readable format prints what it printed before the encoder rewrite, in content.

``tests/data/formats-669487c.json.gz`` holds diagnostics of real runs (and a few
with awkward paths and messages) and what each format of ``main`` at 669487c
printed for them (made by ``tests/freeze_formats.py``).  The formats are run
through :class:`~fmlint.formatters.Batched` over a UTF-8 byte stream (as on
stdout, where encoded output skips ``str``) and over a text-only stream, and
the two must agree to the byte.
"""

import gzip
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import msgspec
import pytest

from fmlint.diagnostics import Diagnostic
from fmlint.formatters import Batched, FormatOptions, formatter
from fmlint.formatters.gitlab import fingerprint
from fmlint.runner import RunResult

DATA = Path(__file__).resolve().parent / "data"
FROZEN = json.loads(gzip.decompress((DATA / "formats-669487c.json.gz").read_bytes()))
FIELDS = {field.name: field for field in msgspec.structs.fields(Diagnostic)}
# each diagnostic frozen as the array of its fields (a trailing default left out)
FROZEN_FOUND = msgspec.convert(
    [dict(zip(FIELDS, row, strict=False)) for row in FROZEN["diagnostics"]], list[Diagnostic]
)
RESULT = RunResult(FROZEN["files"]).with_diagnostics(FROZEN_FOUND)


def printed(name: str, result: RunResult = RESULT) -> str:
    binary = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    batched = Batched(binary)
    formatter(name)(result, batched, FormatOptions())  # type: ignore[arg-type]
    batched.flush()
    through_bytes = binary.buffer.getvalue().decode()  # type: ignore[attr-defined]
    text = io.StringIO()
    formatter(name)(result, text, FormatOptions())
    assert through_bytes == text.getvalue()
    return through_bytes


def as_before(record: dict[str, Any]) -> dict[str, Any]:
    """A JSON diagnostic without the fields added to ``Diagnostic`` since the freeze (at their default)."""
    added = set(record) - set(FROZEN_KEYS)
    assert added <= set(FIELDS), added
    for key in added:
        assert record.pop(key) == FIELDS[key].default, key
    return record


FROZEN_KEYS = json.loads(FROZEN["outputs"]["json"])[0].keys()


def test_the_frozen_corpus_has_many_findings_and_awkward_text():
    assert len(RESULT.diagnostics) > 250 and len({d.code for d in RESULT.diagnostics}) > 5
    assert any("\n" in d.message for d in RESULT.diagnostics) and any("," in d.path for d in RESULT.diagnostics)
    assert any(path not in {d.path for d in RESULT.diagnostics} for path in RESULT.files)  # a clean file


def test_json_content_is_unchanged():
    out = printed("json")
    assert [as_before(record) for record in json.loads(out)] == json.loads(FROZEN["outputs"]["json"])
    assert out.startswith('[\n  {\n    "path": ') and out.endswith("\n  }\n]\n")  # still indented


def test_json_of_no_findings_is_an_empty_array():
    assert json.loads(printed("json", RunResult(["a.md"]))) == []


def test_json_lines_content_is_unchanged():
    lines = printed("json-lines").splitlines()
    assert [as_before(json.loads(line)) for line in lines] == [
        json.loads(line) for line in FROZEN["outputs"]["json-lines"].splitlines()
    ]


@pytest.mark.parametrize("name", ["concise", "github"])
def test_text_formats_are_unchanged_to_the_byte(name):
    assert printed(name) == FROZEN["outputs"][name]


def canonical(element: ET.Element) -> tuple:
    """An XML element's content: layout whitespace left out."""
    text = (element.text or "") if (element.text or "").strip() else ""
    return (element.tag, element.attrib, text, [canonical(child) for child in element])


def test_junit_content_is_unchanged():
    new, old = ET.fromstring(printed("junit")), ET.fromstring(FROZEN["outputs"]["junit"])
    assert canonical(new) == canonical(old)
    assert len(list(new.iter("testcase"))) == len(RESULT.files)


def test_sarif_content_is_unchanged_and_files_and_rules_are_listed_once():
    log = json.loads(printed("sarif"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"].pop("rules")
    artifacts = run.pop("artifacts")
    uris = [artifact["location"]["uri"] for artifact in artifacts]
    assert len(uris) == len(set(uris)) == len({d.path for d in RESULT.diagnostics})
    assert len({rule["id"] for rule in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result.pop("ruleIndex")]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[location.pop("index")] == location["uri"]
    before = json.loads(FROZEN["outputs"]["sarif"])
    for result in before["runs"][0]["results"]:
        del result["ruleIndex"]  # an index into the rule list of its day
    assert log == before


def test_gitlab_code_quality_report():
    issues = json.loads(printed("gitlab"))
    assert len(issues) == len(RESULT.diagnostics)
    for issue, d in zip(issues, RESULT.diagnostics, strict=True):
        assert issue["check_name"] == d.code and issue["description"] == f"{d.code}: {d.message}"
        assert issue["severity"] == {"error": "major", "warning": "minor"}[d.severity.value]
        assert issue["location"] == {"path": d.path, "lines": {"begin": d.line, "end": d.end_line}}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_gitlab_fingerprints_survive_moved_lines_and_tell_twins_apart():
    d = RESULT.diagnostics[0]
    moved = msgspec.structs.replace(d, line=d.line + 5, end_line=d.end_line + 5)
    assert fingerprint(d, 0) == fingerprint(moved, 0) != fingerprint(d, 1)
    assert fingerprint(d, 0) != fingerprint(msgspec.structs.replace(d, path="other.md"), 0)
    assert fingerprint(d, 0) == json.loads(printed("gitlab"))[0]["fingerprint"]


@pytest.mark.parametrize("name", ["json", "json-lines", "sarif", "gitlab", "junit", "github"])
def test_a_non_utf8_stdout_gets_text(name):
    """Encoded output takes the text path when the stream's encoding is not UTF-8 (and escapes what it must)."""
    binary = io.TextIOWrapper(io.BytesIO(), encoding="utf-16", newline="")
    batched = Batched(binary)
    formatter(name)(RESULT, batched, FormatOptions())  # type: ignore[arg-type]
    batched.flush()
    assert binary.buffer.getvalue().decode("utf-16") == printed(name)  # type: ignore[attr-defined]


def test_batched_writelines_passes_every_line_on_in_order_across_its_chunks_and_flushes():
    """``Batched.writelines`` joins lines in chunks (of 1,024) and hands them to ``write``, which flushes by size."""
    out = io.StringIO()
    batched = Batched(out, size=15_000)
    lines = [f"{n}: {'文' * (n % 7)}\n" for n in range(2_600)]
    batched.writelines(line for line in lines)
    assert 0 < len(out.getvalue()) < len("".join(lines))  # (flushed by size, the rest pending)
    batched.writelines([])
    batched.flush()
    assert out.getvalue() == "".join(lines)


@pytest.mark.parametrize(
    "path",
    ["a.md", "0000/article-000001.md", ".hidden/x.md", "../up/x.md", "a/../b.md", "x~y_z.md", "a b.md", "100%/x.md",
     ".", "./a.md", "a/./b.md", "a//b.md", "a/", "a/.", "/abs/x.md", "文章.md", "a,b:c.md", ".."],
)  # fmt: skip
def test_sarif_uris_of_plain_paths_skip_pathlib_and_agree_with_it(path):
    from fmlint.formatters.sarif import _uri

    expected = Path(path).as_uri() if Path(path).is_absolute() else quote(Path(path).as_posix())
    assert _uri(path) == expected

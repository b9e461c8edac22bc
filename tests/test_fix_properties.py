"""Property: ``--fix --unsafe-fixes`` changes no byte outside the fix spans it reports, and the result parses.

Articles are built from parts that real content has and that the fixable
rules report — YAML 1.1 words, padded strings, typoed keys, strings for
booleans and numbers, http image URLs, bold lines, skipped heading levels,
extra `#` headings, bare URLs, stale suppression comments, unclosed fences —
in YAML, TOML or JSON front matter, with LF, CRLF or mixed line breaks, a BOM
or none, a final newline or none, CJK text before the edits.  The applier's
record of each pass's edits is replayed independently on the original text:
it must give the fixed text exactly, so every other character is the
original's; the bytes are that text with the original BOM.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fmlint.config.settings import DEFAULT_ENABLED, Settings
from fmlint.diagnostics import INTERNAL_ERROR
from fmlint.document import read_document
from fmlint.fix.apply import fix_document
from fmlint.fix.encoding import UTF8_BOM
from fmlint.frontmatter import parse_front_matter
from fmlint.schema.loader import load_schema

SETTINGS = Settings(schema=load_schema("hugo-article"), enabled_codes=DEFAULT_ENABLED | {"MD034"})
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FIELDS = [
    ("title", "价格 "),
    ("titel", "价格"),
    ("title", "Prices"),
    ("comments", "yes"),
    ("comments", True),
    ("weight", "10"),
    ("tags", "news"),
    ("tags", [" ai", "价格"]),
    ("catagories", ["news"]),
    ("thumbnail", "http://cdn.example.com/a.png"),
    ("lead", "no"),
    ("draft", "false"),
    ("description", "  plain  "),
]
BODY_LINES = [
    "# 大模型价格战",
    "#### 输入价格",
    "## Section",
    "**一、模型价格再次下降**",
    "__Bold heading__",
    "价格：https://example.com/a 见公告",
    "![图](http://cdn.example.com/b.png)",
    "Text <!-- fmlint-disable-line MD045 -->",
    "<!-- fmlint-disable MD001 -->",
    "<!-- fmlint-enable MD045 -->",
    "```python",
    "Setext",
    "======",
    "",
    "Plain text, 日本語.",
]


def _yaml(key: str, value: object) -> str:
    if isinstance(value, bool):
        return f"{key}: {str(value).lower()}"
    if isinstance(value, list):
        return f"{key}: [{', '.join(repr(v) for v in value)}]"
    return f"{key}: {value}" if value == value.strip() and value not in ("yes", "10", "false") else f"{key}: '{value}'"


def _toml(key: str, value: object) -> str:
    import json

    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


def _front_matter(kind: str, fields: list[tuple[str, object]]) -> list[str]:
    unique = list(dict(fields).items())
    if kind == "yaml":
        return ["---", *(_yaml(k, v) for k, v in unique), "---"]
    if kind == "toml":
        return ["+++", *(_toml(k, v) for k, v in unique), "+++"]
    import json

    return json.dumps(dict(unique), ensure_ascii=False, indent=2).split("\n")


@st.composite
def articles(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["yaml", "toml", "json"]))
    lines = _front_matter(kind, draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=6)))
    lines += draw(st.lists(st.sampled_from(BODY_LINES), max_size=12))
    breaks = draw(st.lists(st.sampled_from(["\n", "\r\n"]), min_size=len(lines), max_size=len(lines)))
    if draw(st.booleans()):
        breaks = [breaks[0]] * len(breaks)  # one style, not mixed
    text = "".join(line + end for line, end in zip(lines, breaks, strict=True))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return (UTF8_BOM if draw(st.booleans()) else b"") + text.encode("utf-8")


def _replay(text: str, passes) -> str:
    for edits in passes:
        position, parts = 0, []
        for edit in edits:
            assert position <= edit.start <= edit.end <= len(text)
            parts += [text[position : edit.start], edit.content]
            position = edit.end
        text = "".join(parts) + text[position:]
    return text


@EXAMPLES
@given(articles())
def test_fix_changes_only_the_reported_spans(data):
    doc = read_document("post.md", data)
    outcome = fix_document(doc, SETTINGS, lambda d: d.fix is not None and d.fix.applicability != "display-only")
    assert _replay(doc.text, outcome.passes) == outcome.doc.text
    fixed = outcome.encoded(data)
    assert fixed == (UTF8_BOM if data.startswith(UTF8_BOM) else b"") + outcome.doc.text.encode("utf-8")
    assert not [d for d in outcome.diagnostics if d.code == INTERNAL_ERROR]
    before, after = parse_front_matter(doc), parse_front_matter(outcome.doc)
    if before is not None and before.data is not None and not before.problems:
        assert after is not None and after.data is not None and not after.problems
    # a fixed point: what is left to fix was reverted or has no applicable fix
    again = fix_document(outcome.doc, SETTINGS, lambda d: d.fix is not None and d.fix.applicability != "display-only")
    assert again.doc.text == outcome.doc.text or outcome.reverted or len(outcome.passes) == 10

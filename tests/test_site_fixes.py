"""The fix of a broken anchor (SITE004): which ID a fragment means, the edit at its exact place, and
``fmlint --fix`` on a Hugo site — Hugo's build is the oracle: each fragment fixed is an ID of the page it
writes."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fmlint.cli import main
from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic, Severity
from fmlint.document import read_document
from fmlint.fix.apply import fix_document
from fmlint.fix.locate import offset_edits
from fmlint.fix.model import UNSAFE, DiagnosticFix, FixEdit
from fmlint.positions import Span
from fmlint.site.anchors import BLACKFRIDAY, GITHUB, WRITTEN_DASHES, heading_ids, ordered_ids
from fmlint.site.fixes import meant_id
from tests.test_site_rules import HUGO, _quiet_env, needs_hugo, page, write

HEADINGS = ["Setup Guide", "Dépendances des charts", "plugin/main.go", "tablet-types", "Options", "Setup", "More"]
INSTALL = page('title: "Install"', body="".join(f"## {text}\n\n" for text in HEADINGS) + "## Again {#MORE}\n")
LINKS = [  # (as written, as --fix --unsafe-fixes writes it)
    ("[a](install.md#Setup-Guide)", "[a](install.md#setup-guide)"),  # letter case
    ("[b](install.md#dependances-des-charts)", "[b](install.md#dépendances-des-charts)"),  # github-ascii's ID
    ("[c](install.md#plugin-main-go)", "[c](install.md#pluginmaingo)"),  # blackfriday's
    ('{{< ref "install#Options" >}}', '{{< ref "install#options" >}}'),  # a shortcode's
    ("[d](#Here)", "[d](#here)"),  # this page's
    ("[e](install.md#tablet_types)", "[e](install.md#tablet-types)"),  # separators
    ("[f](install.md#option)", None),  # a near spelling: named, not written
    ("[g](install.md#mORE)", None),  # `more` and `MORE`: which one?
    ("[h](install.md#Setup\\-Guide)", None),  # escaped: not the target as written
]
USE_LINE = "中文 🎉 " + " ".join(written for written, _ in LINKS)  # (columns count code points)
FIXED_LINE = "中文 🎉 " + " ".join(fixed or written for written, fixed in LINKS)
USE = page('title: "Use"', body=USE_LINE + "\n\n## Here\n")
LINE = USE.splitlines().index(USE_LINE) + 1
FIX_UNSAFE = ("--fix", "--unsafe-fixes")


def hugo_site(root: Path, use: str = USE) -> None:
    write(
        root,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Content }}",
            "content/docs/install.md": INSTALL,
            "content/docs/use.md": use,
        },
    )


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--isolated", "--no-cache", "--select", "SITE", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fragment_of(written: str) -> str:
    """The fragment of the one destination in ``written``."""
    found = re.search(r'#([^)"#]*)[)"]', written)
    assert found is not None
    return found.group(1)


def meant(fragment: str, anchors: list[tuple[str, str, bool]], id_type: str = GITHUB) -> str | None:
    """What ``meant_id`` finds for a page of ``anchors``, given the IDs most like the fragment as SITE004's
    message names them."""
    ids = frozenset(heading_ids(anchors, id_type, WRITTEN_DASHES))
    assert fragment not in ids
    in_order = ordered_ids(anchors, id_type, WRITTEN_DASHES)
    headings = {found: text for (text, custom, _), found in zip(anchors, in_order, strict=True) if not custom}
    close = difflib.get_close_matches(fragment, sorted(ids), n=3)
    return meant_id(fragment, ids, close, headings, WRITTEN_DASHES)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("Setup-Guide", "setup-guide"),
        ("setup%2Dguide", "setup-guide"),  # percent-encoded
        ("dependances-des-charts", "dépendances-des-charts"),
        ("plugin-main-go", "pluginmaingo"),
        ("tablet_types", "tablet-types"),
        ("-options-", "options"),
        ("option", None),
        ("mORE", None),  # `more` and `MORE`
        ("", None),
    ],
)
def test_the_id_a_fragment_means(fragment: str, expected: str | None) -> None:
    assert meant(fragment, [(text, "", True) for text in HEADINGS] + [("Again", "MORE", True)]) == expected


def test_the_sites_own_id_type_decides_what_is_written() -> None:
    """On a blackfriday site the github-style fragment is the one spelt otherwise."""
    assert heading_ids([("plugin/main.go", "", True)], BLACKFRIDAY, WRITTEN_DASHES) == {"plugin-main-go"}
    assert meant("pluginmaingo", [("plugin/main.go", "", True)], BLACKFRIDAY) == "plugin-main-go"


def test_each_fix_is_an_edit_of_the_fragment_at_its_exact_place(tmp_path, capsys, monkeypatch):
    hugo_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys, "--format", "json", "content")
    assert code == 1
    found = {d["column"]: d for d in json.loads(out)}
    for written, fixed in LINKS:
        destination = re.search(r'\(([^)]*)\)|"([^"]*)"', written)
        assert destination is not None
        target = destination.group(1) or destination.group(2)
        start = USE_LINE.index(written) + destination.start() + 2
        diagnostic = found[start]
        assert (diagnostic["line"], diagnostic["end_column"]) == (LINE, start + len(target))
        if fixed is None:
            assert diagnostic["fix"] is None, written
            continue
        end = start + len(target)
        edit = {"line": LINE, "column": end - len(fragment_of(written)), "end_line": LINE, "end_column": end}
        assert diagnostic["fix"] == {
            "applicability": "unsafe",
            "message": f"Link to `#{fragment_of(fixed)}`",
            "edits": [{**edit, "content": fragment_of(fixed)}],
        }
    assert "(did you mean `#options`?)" in found[USE_LINE.index("[f]") + 5]["message"]


def test_fix_rewrites_only_the_fragments_and_reports_what_remains_where_it_now_is(tmp_path, capsys, monkeypatch):
    hugo_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    use = tmp_path / "content/docs/use.md"
    before = lint(capsys, "--format", "concise", "content")
    assert lint(capsys, "--fix", "--format", "concise", "content") == before  # (unsafe: not without the flag)
    assert use.read_text(encoding="utf-8") == USE
    code, out, err = lint(capsys, *FIX_UNSAFE, "--format", "concise", "content")
    assert code == 1
    assert use.read_bytes() == USE.replace(USE_LINE, FIXED_LINE).encode()
    assert err == "Fixed 6 problems in 1 file.\n"
    assert out == lint(capsys, "--format", "concise", "content")[1]  # what remains, where a new run finds it
    columns = [FIXED_LINE.index(name) + len("[f](") + 1 for name in ("[f]", "[g]", "[h]")]
    places = [line.split(" SITE004 ")[0] for line in out.splitlines()[:-1]]
    assert places == [f"content/docs/use.md:{LINE}:{column}:" for column in columns]


def test_a_configuration_may_count_the_fixes_as_safe(tmp_path, capsys, monkeypatch):
    hugo_site(tmp_path)
    (tmp_path / ".fmlint.toml").write_text('select = ["SITE"]\nextend-safe-fixes = ["SITE004"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--no-cache", "--fix", "content"]) == 1
    assert (tmp_path / "content/docs/use.md").read_text(encoding="utf-8") == USE.replace(USE_LINE, FIXED_LINE)


def test_diff_shows_the_fixes_and_writes_nothing(tmp_path, capsys, monkeypatch):
    hugo_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys, "--diff", "--unsafe-fixes", "content")
    assert code == 1
    assert f"-{USE_LINE}\n+{FIXED_LINE}\n" in out
    assert (tmp_path / "content/docs/use.md").read_text(encoding="utf-8") == USE


def test_a_bom_and_crlf_are_kept(tmp_path, capsys, monkeypatch):
    use = "\ufeff" + USE.replace("\n", "\r\n")
    hugo_site(tmp_path, use)
    monkeypatch.chdir(tmp_path)
    lint(capsys, *FIX_UNSAFE, "content")
    assert (tmp_path / "content/docs/use.md").read_bytes() == use.replace(USE_LINE, FIXED_LINE).encode("utf-8")


def test_other_findings_of_a_fixed_file_stay_reported(tmp_path, capsys, monkeypatch):
    """A site finding without a fix (a collision) in a file that `--fix` rewrites is still reported."""
    hugo_site(tmp_path, page('title: "Use"', 'slug: "install"', body="[a](install.md#Setup-Guide)\n"))
    monkeypatch.chdir(tmp_path)
    code, out, err = lint(capsys, *FIX_UNSAFE, "--format", "concise", "content")
    assert code == 1 and err == "Fixed 1 problem in 1 file.\n"
    assert [line.split(" ")[:2] for line in out.splitlines()[:-1]] == [
        ["content/docs/install.md:1:1:", "SITE001"],
        ["content/docs/use.md:3:7:", "SITE001"],
    ]


@needs_hugo
def test_each_fragment_fixed_is_an_id_of_the_page_hugo_builds(tmp_path, capsys, monkeypatch):
    hugo_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    lint(capsys, *FIX_UNSAFE, "content")
    assert HUGO is not None
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = (tmp_path / "public/docs/install/index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r' id="([^"]*)"', built))
    for _, fixed in LINKS:
        if fixed is not None and "install" in fixed:
            assert fragment_of(fixed) in ids, fixed


MIGRATION = page(
    'title: "Migration"',
    body="1. [v1](#migrate-from-sdk-v1-to-sdk-v2)\n2. [v2](#migrate-from-sdk-v1-v2-namespace-to-sdk-v2)\n\n"
    "### **Migrate from 'SDK v1' to 'SDK v2'**\n\n### **Migrate from 'SDK v1 (v2-namespace)' to 'SDK v2'**\n",
)


def test_a_fragment_spelling_the_whole_heading_hugo_cuts_names_its_id(tmp_path, capsys, monkeypatch):
    """Hugo's IDs of these headings end at the typographer's quote (kubeflow.org's): `#migrate-from` and
    `#migrate-from-1`, far from the fragments that spell the whole text; each fragment's hint and fix name the
    ID of the heading it spells."""
    hugo_site(tmp_path, MIGRATION)
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys, "--format", "json", "content/docs/use.md")
    assert code == 1
    found = [(d["line"], d["column"], d["message"], d["fix"]["edits"][0]["content"]) for d in json.loads(out)]
    line = MIGRATION.splitlines().index("1. [v1](#migrate-from-sdk-v1-to-sdk-v2)") + 1
    assert found == [
        (
            line,
            9,
            "`#migrate-from-sdk-v1-to-sdk-v2` is not a heading ID of this page (did you mean "
            "`#migrate-from`, `#migrate-from-1`?)",
            "migrate-from",
        ),
        (
            line + 1,
            9,
            "`#migrate-from-sdk-v1-v2-namespace-to-sdk-v2` is not a heading ID of this page (did you mean "
            "`#migrate-from-1`?)",
            "migrate-from-1",
        ),
    ]


@needs_hugo
def test_the_ids_of_headings_hugo_cuts_are_those_it_builds(tmp_path, capsys, monkeypatch):
    hugo_site(tmp_path, MIGRATION)
    monkeypatch.chdir(tmp_path)
    lint(capsys, *FIX_UNSAFE, "content")
    assert HUGO is not None
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = (tmp_path / "public/docs/use/index.html").read_text(encoding="utf-8")
    assert re.findall(r' id="([^"]*)"', built) == ["migrate-from", "migrate-from-1"]
    assert re.findall(r'href="[^"#]*#([^"]*)"', built) == ["migrate-from", "migrate-from-1"]


PREFIXES = st.sampled_from(["", "中文 ", "🎉 x ", "See ", "**b** "])
REPLACEMENTS = st.sampled_from(["f", "much-longer-fragment", "价格"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(PREFIXES, REPLACEMENTS, st.booleans()), min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["", "\ufeff"]),
)
def test_carried_findings_move_with_the_fixes_applied_before_them(
    lines: list[tuple[str, str, bool]], newline: str, bom: str
) -> None:
    """Findings the document's own lint does not make (the site pass's), some fixed and some not: the text is
    the original with exactly the chosen fragments replaced, and each finding left is where its fragment now
    is, with a fix that still replaces exactly that fragment."""
    head = f"---{newline}title: x{newline}---{newline}{newline}"
    body = [f"{prefix}[l](#Frag{number}) and [m](#Frag{number})" for number, (prefix, _, _) in enumerate(lines)]
    text = head + newline.join(body) + newline
    doc = read_document("p.md", (bom + text).encode())
    carried = []
    for number, (_, replacement, _) in enumerate(lines):
        start = doc.text.index(f"(#Frag{number})") + 2
        at = doc.lines.position(Span(start - 1, start + len(f"Frag{number}")))
        edit = doc.lines.position(Span(start, start + len(f"Frag{number}")))
        fix = DiagnosticFix(
            UNSAFE, "m", (FixEdit(edit.line, edit.column, edit.end_line, edit.end_column, replacement),)
        )
        where = (at.line, at.column, "SITE004", at.end_line, at.end_column)
        carried.append(Diagnostic("p.md", *where, "broken-anchor", Severity.ERROR, str(number), fix))
    chosen = {str(number) for number, (_, _, fix) in enumerate(lines) if fix}
    settings = Settings(enabled_codes=frozenset({"SITE004"}))
    outcome = fix_document(doc, settings, lambda d: d.message in chosen, carried=carried)
    expected = doc.text
    for number, (_, replacement, fix) in enumerate(lines):
        if fix:
            expected = expected.replace(f"[l](#Frag{number})", f"[l](#{replacement})")
    assert outcome.doc.text == expected
    left = outcome.diagnostics
    assert sorted(d.message for d in left) == sorted(str(n) for n in range(len(lines)) if str(n) not in chosen)
    fixed = outcome.doc
    for diagnostic in left:
        start = fixed.lines.offset_at(diagnostic.line, diagnostic.column)
        end = fixed.lines.offset_at(diagnostic.end_line, diagnostic.end_column)
        assert fixed.text[start:end] == f"#Frag{diagnostic.message}"
        assert diagnostic.fix is not None
        (edit,) = offset_edits(fixed, diagnostic.fix)
        assert (edit.start, edit.end) == (start + 1, end)


TERM_PAGES = {  # the majority `AI` (six times), and its variants in each way a term is written
    **{f"content/posts/{name}.md": page(f'title: "{name * 2}"', 'tags: ["AI", "Yes"]') for name in "abc"},
    **{f"content/posts/{name}.md": page(f'title: "{name * 2}"', "tags:\n  - AI\n  - 'Yes'") for name in "def"},
    "content/posts/plain.md": page('title: "P"', "tags:\n  - ai  # plain\n  - yes"),
    "content/posts/single.md": page('title: "S"', "tags: ['A.I.']"),
    "content/posts/spaced.md": page('title: "Sp"', 'tags: [" AI"]'),
    "content/posts/toml.md": '+++\ntitle = "T"\ntags = ["x", \'Ａｉ\']\n+++\n\nBody.\n',  # (a literal string)
    "content/posts/json.md": '{\n  "title": "J",\n  "tags": ["ai"]\n}\n\nBody.\n',
    "content/posts/crlf.md": "\ufeff---\r\ntitle: CR\r\ntags:\r\n  - ai\r\n---\r\n\r\nBody.\r\n",
    "content/posts/escaped.md": page('title: "E"', 'tags: ["a\\u0069"]'),  # (written otherwise: no fix)
}
TERMS_FIXED = {
    "content/posts/plain.md": page('title: "P"', "tags:\n  - AI  # plain\n  - 'Yes'"),  # (`Yes`: a YAML 1.1 word)
    "content/posts/single.md": page('title: "S"', "tags: ['AI']"),
    "content/posts/spaced.md": page('title: "Sp"', 'tags: ["AI"]'),
    "content/posts/json.md": '{\n  "title": "J",\n  "tags": ["AI"]\n}\n\nBody.\n',
    "content/posts/toml.md": '+++\ntitle = "T"\ntags = ["x", \'AI\']\n+++\n\nBody.\n',
    "content/posts/crlf.md": "\ufeff---\r\ntitle: CR\r\ntags:\r\n  - AI\r\n---\r\n\r\nBody.\r\n",
}


def test_a_term_variant_is_written_as_the_majority_spelling(tmp_path, capsys, monkeypatch):
    write(tmp_path, {"hugo.toml": 'baseURL = "https://example.org/"\n', **TERM_PAGES})
    monkeypatch.chdir(tmp_path)
    _, out, _ = lint(capsys, "--format", "json", "content")
    fixes = {(d["path"], d["line"], d["column"]): d["fix"] for d in json.loads(out)}
    assert fixes[("content/posts/single.md", 3, 8)] == {
        "applicability": "unsafe",
        "message": "Write `AI`",
        "edits": [{"line": 3, "column": 9, "end_line": 3, "end_column": 13, "content": "AI"}],
    }
    assert fixes[("content/posts/escaped.md", 3, 8)] is None
    _, out, err = lint(capsys, *FIX_UNSAFE, "--format", "concise", "content")
    assert err == "Fixed 7 problems in 6 files.\n"
    for name, text in TERM_PAGES.items():
        assert (tmp_path / name).read_bytes() == TERMS_FIXED.get(name, text).encode(), name
    assert out.splitlines()[:-1] == [
        "content/posts/escaped.md:3:8: SITE002 tags term `ai` is a variant of `AI` (used 6 times): "
        "Hugo merges them into one term page (`/tags/ai/`) titled by either spelling",
    ]


@needs_hugo
def test_after_the_fixes_hugo_makes_one_term_page_of_each_term(tmp_path, capsys, monkeypatch):
    pages = {name: text for name, text in TERM_PAGES.items() if not name.endswith("escaped.md")}
    write(tmp_path, {"hugo.toml": 'baseURL = "https://example.org/"\n', "layouts/list.html": "{{ .Title }}", **pages})
    monkeypatch.chdir(tmp_path)
    assert HUGO is not None

    def term_pages() -> list[str]:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        return sorted(path.parent.name for path in (tmp_path / "public/tags").glob("*/index.html"))

    assert len(term_pages()) > 2  # (`a.i.`, `ａｉ`, `-ai` besides `ai` and `yes`)
    lint(capsys, *FIX_UNSAFE, "content")
    shutil.rmtree(tmp_path / "public")
    assert term_pages() == ["ai", "x", "yes"]


EMPTY_TERMS = {  # (as written, as --fix --unsafe-fixes leaves it): a term with no letter or digit removed
    "content/posts/block.md": ("tags:\n  - ai\n  - ''\n  - ml", "tags:\n  - ai\n  - ml"),  # (its line)
    "content/posts/flow.md": ('tags: ["", ai, "?"]', "tags: [ai]"),  # (a comma after; the last: before it)
    "content/posts/alone.md": ("tags:\n  - ''", None),  # (its list's only item: `tags:` would be null)
    "content/posts/commented.md": ("tags:\n  - ai\n  - ''  # kept?", None),  # (the comment would go with it)
}
TOML_TERMS = '+++\ntitle = "T"\ntags = [\n  "ai",\n  "", # empty\n  "ml",\n  ""\n]\n+++\n'
JSON_TERMS = '{\n  "title": "J",\n  "tags": ["ai",\n    ""]\n}\n'


def test_an_empty_term_is_removed_with_its_separator_and_the_data_stays_valid(tmp_path, capsys, monkeypatch):
    files = {name: page(f'title: "{name}"', written) for name, (written, _) in EMPTY_TERMS.items()}
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            **files,
            "content/posts/toml.md": TOML_TERMS,
            "content/posts/json.md": JSON_TERMS,
        },
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = lint(capsys, "--format", "json", "content")
    fixes = {(d["path"], d["line"], d["column"]): d["fix"] for d in json.loads(out) if d["code"] == "SITE007"}
    assert fixes[("content/posts/flow.md", 3, 8)] == {
        "applicability": "unsafe",
        "message": "Remove the empty term",
        "edits": [{"line": 3, "column": 8, "end_line": 3, "end_column": 12, "content": ""}],
    }
    assert fixes[("content/posts/block.md", 5, 5)]["edits"] == [  # (the whole line)
        {"line": 5, "column": 1, "end_line": 6, "end_column": 1, "content": ""}
    ]
    assert fixes[("content/posts/alone.md", 4, 5)] is None
    assert fixes[("content/posts/commented.md", 5, 5)] is None
    _, out, err = lint(capsys, *FIX_UNSAFE, "content")
    assert err == "Fixed 6 problems in 4 files.\n"
    for name, (written, fixed) in EMPTY_TERMS.items():
        assert (tmp_path / name).read_text() == page(f'title: "{name}"', fixed or written), name
    assert (tmp_path / "content/posts/toml.md").read_text() == TOML_TERMS.replace(
        '  "", # empty\n', "  # empty\n"
    ).replace('  "ml",\n  ""\n', '  "ml"\n')
    assert (tmp_path / "content/posts/json.md").read_text() == JSON_TERMS.replace('"ai",\n    ""]', '"ai"]')
    main(["--isolated", "--no-cache", "--format", "json", "content"])  # (every rule: each file still parses)
    left = {(d["path"], d["code"]) for d in json.loads(capsys.readouterr().out)}
    assert left == {("content/posts/alone.md", "SITE007"), ("content/posts/commented.md", "SITE007")}


TITLE_LINKS = "[m](/docs/object-meta/#objectmeta) [n](/docs/object-meta/#spec) [o](/docs/object-meta/#spec-x)\n"


@needs_hugo
def test_a_fragment_naming_the_pages_title_is_dropped_by_its_fix(tmp_path, capsys, monkeypatch):
    """karmada.io's generated API reference links `object-meta#objectmeta`, the title of a page with no such
    heading: the layout writes the title as an `<h1>` without an ID (Docusaurus's, docsy's; here a Hugo layout's,
    its build the oracle). The message says so, and the fix links the page itself; a fragment that is not the
    title keeps the usual message."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://k.test/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
            "content/docs/object-meta.md": page('title: "ObjectMeta"', body="## Spec\n"),
            "content/docs/use.md": page('title: "Use"', body=TITLE_LINKS),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = (tmp_path / "public/docs/object-meta/index.html").read_text(encoding="utf-8")
    assert re.findall(r'id="([^"]*)"', built) == ["spec"]
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys, "--format", "concise", "content")
    assert code == 1
    assert out.count("SITE004") == 2, out
    assert (
        "content/docs/use.md:5:5: SITE004 `#objectmeta` is not a heading ID of `content/docs/object-meta.md`: it names"
        in out
    )
    assert lint(capsys, *FIX_UNSAFE, "content")[0] == 1
    fixed = TITLE_LINKS.replace("/docs/object-meta/#objectmeta", "/docs/object-meta/")
    assert (tmp_path / "content/docs/use.md").read_text(encoding="utf-8") == page('title: "Use"', body=fixed)


def test_a_text_fragments_directive_is_no_part_of_the_id(tmp_path, capsys, monkeypatch):
    """`#id:~:text=…` names `id` (a browser scrolls to it, then looks for the text): nginx's docs link
    `directives.md#global-directives:~:text=app_protect_cookie_seed`.  Right IDs are clean, a directive alone
    too; a wrong ID is named, and its fix rewrites the ID, the directive kept."""
    line = (
        "中文 🎉 [a](install.md#options:~:text=Options) [b](#here:~:text=x) [c](install.md#:~:text=More) "
        "[d](install.md#Setup-Guide:~:text=a,-b) [e](install.md#nowhere:~:text=x)"
    )
    use = page('title: "Use"', body=line + "\n\n## Here\n")
    hugo_site(tmp_path, use)
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys, "--format", "json", "content")
    assert code == 1
    number = use.splitlines().index(line) + 1
    setup, nowhere = line.index("install.md#Setup") + 1, line.index("install.md#nowhere") + 1
    found = [(d["line"], d["column"], d["end_column"], d["message"], d["fix"]) for d in json.loads(out)]
    setup_end = setup + len("install.md#Setup-Guide:~:text=a,-b")
    id_start = setup + len("install.md#")
    assert found == [
        (
            number,
            setup,
            setup_end,
            "`#Setup-Guide` is not a heading ID of `content/docs/install.md` (did you mean `#setup-guide`?)",
            {
                "applicability": "unsafe",
                "message": "Link to `#setup-guide`",
                "edits": [
                    {
                        "line": number,
                        "column": id_start,
                        "end_line": number,
                        "end_column": id_start + len("Setup-Guide"),
                        "content": "setup-guide",
                    }
                ],
            },
        ),
        (
            number,
            nowhere,
            nowhere + len("install.md#nowhere:~:text=x"),
            "`#nowhere` is not a heading ID of `content/docs/install.md`",
            None,
        ),
    ]
    lint(capsys, *FIX_UNSAFE, "content")
    fixed = line.replace("#Setup-Guide:~:", "#setup-guide:~:")
    assert (tmp_path / "content/docs/use.md").read_text(encoding="utf-8") == use.replace(line, fixed)

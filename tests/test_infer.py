"""``fmlint schema infer``: each decision on small constructed sites, with the exact schema it writes."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import write_file

from fmlint.cli import main

DATES = [f"2025-01-{day:02d}" for day in range(1, 29)]


def site(folder: Path, articles: list[str], name: str = "post{:03d}.md") -> Path:
    """Write one file per front matter (YAML unless it starts with +++ or {)."""
    for index, text in enumerate(articles):
        fenced = text if text.startswith(("+++", "{", "---", "\ufeff")) else f"---\n{text}---\n"
        write_file(folder, name.format(index), fenced + "\nBody.\n")
    return folder


def infer(folder: Path, *options: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema and the JSON report of ``fmlint schema infer``."""
    out, report = folder.parent / "out.schema.json", folder.parent / "report.json"
    assert main(["schema", "infer", str(folder), "-o", str(out), "--report", str(report), "--isolated", *options]) == 0
    return json.loads(out.read_text()), json.loads(report.read_text())


def properties(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["properties"]


def test_a_small_site_gives_this_exact_schema(tmp_path):
    articles = [
        f'title: "Post {i}"\ndate: {DATES[i]}\ndraft: {str(i % 2 == 0).lower()}\nweight: {i}\ntags: [a, b{i}]\n'
        for i in range(4)
    ]
    schema, report = infer(site(tmp_path / "content", articles))
    assert schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter of content",
        "description": "Inferred by `fmlint schema infer` from the front matter of 4 files.",
        "type": "object",
        "properties": {
            "title": {
                "description": "Present in 4 of 4 files (100.0 %)",
                "type": "string",
                "examples": ["Post 0", "Post 1", "Post 2"],
                "$comment": "Required: the hugo preset requires it.",
            },
            "date": {
                "description": "Present in 4 of 4 files (100.0 %)",
                "type": "string",
                "format": "hugo-date",
                "examples": ["2025-01-01", "2025-01-02", "2025-01-03"],
            },
            "draft": {
                "description": "Present in 4 of 4 files (100.0 %)",
                "type": "boolean",
                "examples": [False, True],
            },
            "weight": {
                "description": "Present in 4 of 4 files (100.0 %)",
                "type": "integer",
                "minimum": 0,
                "examples": [0, 1, 2],
            },
            "tags": {"description": "Present in 4 of 4 files (100.0 %)", "$ref": "#/$defs/taxonomy"},
        },
        "required": ["title", "date", "draft", "weight", "tags"],
        "$defs": {"taxonomy": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}},
    }
    assert report["groups"] == [] and report["files"] == 4


def test_required_is_95_percent_from_20_files_and_all_below(tmp_path):
    # 40 files: `summary` in 38 (95 %) is required, `lead` in 37 (92.5 %) is not
    many = [
        f"title: t{i}\n"
        + ("summary: s\n" if i >= 2 else "")
        + ("lead: l\n" if i >= 3 else "")
        + "_build: {list: never}\n"
        for i in range(40)
    ]
    schema, report = infer(site(tmp_path / "many", many))
    assert schema["required"] == ["title", "summary"]
    assert properties(schema)["lead"]["$comment"] == "Review: not required, 3 files lack it."
    assert properties(schema)["_build"]["$comment"].startswith("Never required")
    missing = [g for g in report["groups"] if g["kind"] == "missing"]
    assert [(g["key"], g["count"]) for g in missing] == [("summary", 2)]
    # 19 files: a key in 18 of them is not required
    few = [f"title: t{i}\n" + ("summary: s\n" if i else "") for i in range(19)]
    schema, _ = infer(site(tmp_path / "few", few))
    assert schema["required"] == ["title"]


def test_a_rare_type_is_an_outlier_reported_at_its_value_and_a_real_mix_is_any_of(tmp_path):
    articles = [f"title: t{i}\ndraft: false\nmenu: main\n" for i in range(60)]
    articles[7] = 'title: t7\ndraft: "false"\nmenu: main\n'
    for i in range(0, 60, 3):
        articles[i] = articles[i].replace("menu: main\n", "menu:\n  main:\n    weight: 2\n")
    schema, report = infer(site(tmp_path / "content", articles))
    assert properties(schema)["draft"] == {
        "description": "Present in 60 of 60 files (100.0 %)",
        "type": "boolean",
        "examples": [False],  # never the mistake
        "$comment": "Review: 1 value(s) of type string left out as likely mistakes.",
    }
    menu = properties(schema)["menu"]
    assert [branch["type"] for branch in menu["anyOf"]] == ["string", "object"]
    [group] = report["groups"]
    assert group["kind"] == "type" and group["key"] == "draft"
    [finding] = group["findings"]
    assert (Path(finding["path"]).name, finding["line"], finding["column"]) == ("post007.md", 3, 8)
    assert finding["message"] == 'draft: expected a boolean, got the string "false"'


def test_native_toml_dates_are_dates(tmp_path):
    articles = [f'+++\ntitle = "t{i}"\ndate = {DATES[i]}T10:00:00Z\npublished = {DATES[i]}\n+++\n' for i in range(25)]
    schema, report = infer(site(tmp_path / "content", articles))
    assert properties(schema)["date"]["format"] == "hugo-date"
    assert properties(schema)["published"]["format"] == "hugo-date"
    assert report["groups"] == []


def test_enum_only_for_a_few_repeated_values_that_a_held_out_part_confirms(tmp_path):
    layouts = ["single", "list", "wide"]
    articles = [f"title: t{i}\nlayout: {layouts[i % 3]}\nauthor: {'ab'[i % 2]}{i % 7}\n" for i in range(30)]
    schema, _ = infer(site(tmp_path / "content", articles))
    assert properties(schema)["layout"]["enum"] == ["list", "single", "wide"]  # 10 each: count, then value
    assert "enum" not in properties(schema)["author"]  # 14 distinct values over √30
    # a value seen once: no enum; nor for a title-like key, however repetitive
    articles = [f"title: same\nlayout: {layouts[i % 3] if i else 'other'}\n" for i in range(30)]
    schema, _ = infer(site(tmp_path / "other", articles))
    assert "enum" not in properties(schema)["layout"] and "enum" not in properties(schema)["title"]


def test_an_enum_that_the_held_out_part_contradicts_is_not_learned(tmp_path):
    # 20 values: "rare" twice, "news" 18 times; the seeded split puts both "rare" in the held-out 20 %
    articles = [f"title: t{i}\nkind: {'rare' if i < 2 else 'news'}\n" for i in range(20)]
    schema, _ = infer(site(tmp_path / "content", articles))
    kind = properties(schema)["kind"]
    assert "enum" not in kind
    assert kind["$comment"] == "Not a fixed choice: a random held-out 20 % of the values had 1 the rest lacked."
    # with three, the other 80 % sees one too
    articles = [f"title: t{i}\nkind: {'rare' if i < 3 else 'news'}\n" for i in range(20)]
    assert properties(infer(site(tmp_path / "three", articles))[0])["kind"]["enum"] == ["news", "rare"]


def test_thresholds_are_options(tmp_path):
    articles = [f"title: t{i}\n" + ("lead: x\n" if i % 10 else "") for i in range(40)]  # lead in 90 %
    folder = site(tmp_path / "content", articles)
    assert infer(folder)[0]["required"] == ["title"]
    assert infer(folder, "--required-share", "0.9")[0]["required"] == ["title", "lead"]
    with pytest.raises(SystemExit) as exit_:
        main(["schema", "infer", str(folder), "--required-share", "2"])
    assert exit_.value.code == 2


def test_taxonomies_are_lists_of_unique_terms_including_configured_ones(tmp_path):
    write_file(tmp_path, "hugo.toml", '[taxonomies]\ntag = "tags"\nauthor = "writers"\n')
    articles = [f"title: t{i}\nwriters: [w{i % 3}]\ncategories: [c]\n" for i in range(20)]
    articles[3] = "title: t3\nwriters: [w0, w0]\ncategories: [c]\n"
    schema, report = infer(site(tmp_path / "content", articles))
    assert properties(schema)["writers"]["$ref"] == "#/$defs/taxonomy"
    assert properties(schema)["categories"]["$ref"] == "#/$defs/taxonomy"
    [group] = report["groups"]
    assert (group["kind"], group["key"], group["findings"][0]["message"]) == (
        "taxonomy",
        "writers",
        "writers: items must be unique",
    )


def test_formats_images_urls_and_slugs(tmp_path):
    articles = [
        f"title: t{i}\ncover: /img/p{i}.jpg\nhomepage: https://example.com/{i}\nslug: post-{i}\nnote: {i}_x\n"
        for i in range(20)
    ]
    articles[5] = articles[5].replace("/img/p5.jpg", "/img/p5.webp")
    schema, _ = infer(site(tmp_path / "content", articles))
    props = properties(schema)
    assert props["cover"]["format"] == "image-url"
    assert props["homepage"]["format"] == "uri"
    assert props["slug"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert "pattern" not in props["note"] and "format" not in props["note"]


def test_other_presets_use_rfc3339_dates(tmp_path):
    articles = [f"title: t{i}\ndate: {DATES[i]}T10:00:00Z\nday: {DATES[i]}\n" for i in range(12)]
    schema, _ = infer(site(tmp_path / "content", articles), "--preset", "docusaurus")
    assert properties(schema)["date"]["format"] == "date-time"
    assert properties(schema)["day"]["format"] == "date"


def test_the_configuration_decides_preset_and_files_as_when_linting(tmp_path):
    write_file(tmp_path, "pyproject.toml", '[tool.fmlint]\npreset = "jekyll"\nextend-exclude = ["drafts/"]\n')
    folder = site(tmp_path / "content", [f"title: t{i}\ndate: {DATES[i]}\n" for i in range(5)])
    write_file(folder, "drafts/x.md", "---\ntitel: draft\n---\n")
    out = tmp_path / "s.json"
    assert main(["schema", "infer", str(folder), "-o", str(out), "--report", str(tmp_path / "r.json")]) == 0
    schema = json.loads(out.read_text())
    assert properties(schema)["date"]["format"] == "date"  # RFC 3339 outside Hugo
    assert list(properties(schema)) == ["title", "date"]  # drafts/ is excluded


def test_numbers_keep_type_and_sign_never_the_range(tmp_path):
    articles = [f"title: t{i}\nweight: {i * 10}\noffset: {i - 3}\nratio: {i / 4}\n" for i in range(12)]
    schema, _ = infer(site(tmp_path / "content", articles))
    props = properties(schema)
    assert {k: props[k]["type"] for k in ("weight", "offset", "ratio")} == {
        "weight": "integer",
        "offset": "integer",
        "ratio": "number",
    }
    assert props["weight"]["minimum"] == 0 and "minimum" not in props["offset"]
    assert "maximum" not in json.dumps(schema)


def test_objects_recurse_and_are_closed_only_when_asked(tmp_path):
    articles = [f"title: t{i}\nparams:\n  cover:\n    image: /c{i}.png\n    alt: a{i}\n" for i in range(5)]
    schema, _ = infer(site(tmp_path / "content", articles))
    cover = properties(schema)["params"]["properties"]["cover"]
    assert cover["description"] == "Present in 5 of 5 `params` mappings (100.0 %)"
    assert list(cover["properties"]) == ["image", "alt"] and cover["required"] == ["image", "alt"]
    assert "additionalProperties" not in json.dumps(schema)
    closed, _ = infer(site(tmp_path / "content", articles), "--closed")
    assert closed["additionalProperties"] is False
    assert properties(closed)["params"]["properties"]["cover"]["additionalProperties"] is False


def test_a_shape_found_at_two_places_is_one_definition(tmp_path):
    articles = [
        f"title: t{i}\ncover:\n  image: /a{i}.png\n  alt: a\nparams:\n  hero:\n    image: /b{i}.png\n    alt: b\n"
        for i in range(5)
    ]
    schema, report = infer(site(tmp_path / "content", articles))
    assert schema["$defs"] == {
        "cover": {
            "type": "object",
            "properties": {"image": {"type": "string", "format": "image-url"}, "alt": {"type": "string"}},
            "required": ["image", "alt"],
        }
    }
    assert properties(schema)["cover"] == {
        "description": "Present in 5 of 5 files (100.0 %)",
        "$ref": "#/$defs/cover",
    }
    assert properties(schema)["params"]["properties"]["hero"] == {
        "description": "Present in 5 of 5 `params` mappings (100.0 %)",
        "$ref": "#/$defs/cover",
    }
    assert report["groups"] == []


def test_a_likely_typo_is_reported_with_its_place_and_the_schema_rejects_it(tmp_path):
    articles = [f"title: t{i}\ncategories: [c]\n" for i in range(150)]
    articles[42] = "title: t42\ncatgories: [c]\n"
    schema, report = infer(site(tmp_path / "content", articles))
    assert properties(schema)["catgories"] == {
        "description": "likely a typo of `categories`",
        "not": {},
        "$comment": "Forbidden: in 1 of 150 files only, and close to `categories`.",
    }
    [group] = [g for g in report["groups"] if g["kind"] == "typo"]
    assert group["likely_typo_of"] == "categories"
    [finding] = group["findings"]
    assert (Path(finding["path"]).name, finding["line"], finding["column"], finding["code"]) == (
        "post042.md",
        3,
        1,
        "SC002",
    )
    assert finding["message"] == "unknown key `catgories`: likely a typo of `categories`"


def _concise(folder: Path, schema: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(
        [
            "--isolated",
            "--no-cache",
            "--select",
            "SC",
            "--schema",
            str(schema),
            "--format",
            "concise",
            "-q",
            str(folder),
        ]
    )
    return sorted(capsys.readouterr().out.splitlines())


def test_linting_with_the_schema_gives_exactly_the_report_at_exact_positions(tmp_path, capsys):
    """BOM, CRLF, CJK and emoji, TOML and JSON front matter: the report's places are the linter's."""
    articles = [f"title: 标题 {i} 🎉\ndraft: false\ntags: [t]\nweight: {i}\n" for i in range(100)]
    articles[1] = '\ufeff---\r\ntitle: "🎉 BOM"\r\ndraft: "no"\r\ntags: [t]\r\nweight: 1\r\n---\r\n'
    articles[2] = '+++\ntitle = "中文"\ndraft = "yes"\ntags = ["t"]\nweight = 2\n+++\n'
    articles[3] = '{\n  "title": "JSON 😀",\n  "draft": false,\n  "tags": "t",\n  "weight": 3\n}\n'
    articles[4] = "title: >\n  folded 标题\ndraft: false\ntags: [t]\nweight: four\n"
    articles[5] = "draft: false\ntags: [t]\nweight: 5\n"
    folder = site(tmp_path / "content", articles)
    _, report = infer(folder)
    found = sorted(
        f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}"
        for g in report["groups"]
        for f in g["findings"]
    )
    assert found == _concise(folder, tmp_path / "out.schema.json", capsys)
    places = {(Path(f.split(":")[0]).name, *map(int, f.split(":")[1:3])) for f in found}
    assert places == {
        ("post001.md", 3, 8),  # after a BOM, CRLF: the quoted value
        ("post002.md", 3, 9),
        ("post003.md", 4, 11),
        ("post004.md", 6, 9),  # after a folded block scalar
        ("post005.md", 1, 1),  # missing title: the opening delimiter
    }


def test_the_same_content_gives_the_same_bytes(tmp_path):
    articles = [f"title: t{i}\nlayout: {'ab'[i % 2]}\ntags: [x{i % 4}]\nrank: {i}\n" for i in range(40)]
    folder = site(tmp_path / "content", articles)
    outputs = []
    for _ in range(2):
        infer(folder)
        outputs.append(((tmp_path / "out.schema.json").read_bytes(), (tmp_path / "report.json").read_bytes()))
    assert outputs[0] == outputs[1]


def test_bad_files_are_reported_not_learned_from_and_never_stop_the_run(tmp_path):
    articles = [f"title: t{i}\n" for i in range(5)]
    folder = site(tmp_path / "content", articles)
    write_file(folder, "binary.md", b"\x00\x01\x02\xff")
    write_file(folder, "broken.md", "---\ntitle: [unclosed\n---\n")
    write_file(folder, "list.md", "---\n- a\n---\n")
    (folder / "dir.md").mkdir()
    schema, report = infer(folder)
    assert schema["required"] == ["title"]
    assert sorted((Path(e["path"]).name, e["reason"]) for e in report["not_read"]) == [
        ("binary.md", "binary file (NUL byte at offset 0); not a Markdown article"),
        (
            "broken.md",
            "YAML syntax error: did not find expected ',' or ']' (parsing a flow sequence that started on line 2)",
        ),
        ("dir.md", "cannot read file: it is a directory"),
        ("list.md", "front matter must be a mapping of keys to values, not a list"),
    ]


def test_values_json_cannot_carry_never_reach_the_schema(tmp_path):
    articles = [
        f"title: t{i}\nratio: .nan\nlimit: .inf\nbig: 123456789012345678901234567890\n1: numeric key\n"
        for i in range(3)
    ]
    articles.append('{"title": "json", "huge": 1e400}\n')
    schema, _ = infer(site(tmp_path / "content", articles))
    props = properties(schema)
    assert props["ratio"] == {"description": "Present in 3 of 4 files (75.0 %)", "type": "number", "minimum": 0}
    assert "examples" not in props["limit"] and "examples" not in props["huge"]
    assert props["big"]["examples"] == [123456789012345678901234567890]
    assert props["1"]["type"] == "string"


def test_check_lists_per_key_the_files_a_schema_rejects(tmp_path, capsys):
    folder = site(tmp_path / "content", [f"title: t{i}\ndraft: {'true' if i else 'yes'}\n" for i in range(3)])
    write_file(tmp_path, "s.json", json.dumps({"properties": {"draft": {"type": "boolean"}}, "required": ["title"]}))
    assert main(["schema", "infer", "--check", str(tmp_path / "s.json"), "--isolated", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "draft: 1 of 3 files (33.3 %)"
    assert out[1].endswith('post000.md:3:8: SC001 draft: expected a boolean, got the string "yes"')


def test_per_section_writes_a_schema_per_big_section_and_the_config_to_paste(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = Path("content")
    site(content / "en" / "posts", [f"title: p{i}\ndate: {DATES[i]}\n" for i in range(15)])
    site(content / "en" / "docs", [f"title: d{i}\nweight: {i}\n" for i in range(15)])
    site(content / "en" / "misc", [f"title: m{i}\ndate: {DATES[i]}\n" for i in range(3)])
    write_file(content / "en", "about.md", "---\ntitle: About\ntype: docs\nweight: 1\n---\n")
    assert main(["schema", "infer", "--per-section", "--isolated", "-o", "schemas", "content"]) == 0
    out = Path("schemas")
    assert sorted(p.name for p in out.iterdir()) == ["default.schema.json", "docs.schema.json", "posts.schema.json"]
    posts = json.loads((out / "posts.schema.json").read_text())
    assert posts["required"] == ["title", "date"]
    # `date` is learned alike in two sections: each keeps it in its $defs, saying so
    assert posts["properties"]["date"]["$ref"] == "#/$defs/date"
    assert posts["$defs"]["date"] == {
        "$comment": "Learned alike in sections posts, default.",
        "type": "string",
        "format": "hugo-date",
    }
    assert json.loads((out / "docs.schema.json").read_text())["required"] == ["title", "weight"]
    config = capsys.readouterr().out
    assert config.splitlines()[1:] == [
        'schema = "schemas/default.schema.json"  # every other file',
        "[[tool.fmlint.schemas]]",
        'schema = "schemas/docs.schema.json"',
        'files = ["content/en/docs/**", "content/en/about.md"]',
        "",
        "[[tool.fmlint.schemas]]",
        'schema = "schemas/posts.schema.json"',
        'files = ["content/en/posts/**"]',
        "",
    ]
    # a second run would overwrite them: refused, and nothing is written
    before = {p: p.read_bytes() for p in out.iterdir()}
    assert main(["schema", "infer", "--per-section", "--isolated", "-o", "schemas", "content"]) == 2
    assert "will not overwrite" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in out.iterdir()} == before
    assert main(["schema", "infer", "--per-section", "--isolated", "content"]) == 2
    assert "name a folder with -o" in capsys.readouterr().err
    # pasted as it is, the configuration lints the site clean with the schemas (ignoring the file's own rules)
    write_file(tmp_path, "pyproject.toml", "[tool.fmlint]\n" + config)
    write_file(content / "en" / "posts", "new.md", "---\ntitle: New\n---\n")  # no date: the posts schema wants one
    assert main(["--no-cache", "--select", "SC", "--format", "concise", "-q", "content"]) == 1
    assert capsys.readouterr().out == "content/en/posts/new.md:1:1: SC003 missing required key `date`\n"


def test_without_a_content_folder_sections_are_the_folders_under_the_one_named(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site(Path("pages/blog"), [f"title: b{i}\nauthor: a\n" for i in range(15)])
    site(Path("pages/about"), [f"title: a{i}\n" for i in range(2)])
    assert main(["schema", "infer", "--per-section", "--isolated", "-o", "out", "pages"]) == 0
    assert sorted(p.name for p in Path("out").iterdir()) == ["blog.schema.json", "default.schema.json"]
    assert 'files = ["pages/blog/**"]' in capsys.readouterr().out


def test_headless_bundles_are_set_aside(tmp_path):
    folder = site(tmp_path / "content", [f"title: t{i}\n" for i in range(5)])
    write_file(folder, "snippets/_index.md", "---\ncascade:\n  build:\n    render: never\n---\n")
    write_file(folder, "snippets/one.md", "---\n_comment: keep\n---\n")
    schema, report = infer(folder)
    assert schema["required"] == ["title"] and "cascade" not in properties(schema)
    assert report["groups"] == []
    assert report["headless"]["files"] == 2
    [entry] = report["headless"]["folders"]
    assert entry["per_file_ignores"] == f'"{(folder / "snippets").as_posix()}/**" = ["SC"]'


@pytest.mark.parametrize(
    ("name", "front_matter", "headless"),
    [
        ("bundle/index.md", "Headless: true\n", True),  # keys in any case, as Hugo reads them
        ("bundle/index.md", "_build:\n  render: false\n", True),
        ("section/_index.md", "Cascade:\n  - _build:\n      Render: never\n", True),
        ("section/_index.md", "cascade:\n  - _target:\n      path: /x/**\n    build:\n      render: never\n", False),
        ("section/_index.md", "headless: true\n", False),  # a section is never headless
    ],
)
def test_headless_content_is_what_the_site_rules_take_for_it(tmp_path, name, front_matter, headless):
    """Schema inference and the site facts share one judgement (``fmlint.site.rendering``)."""
    folder = site(tmp_path / "content", [f"title: t{i}\n" for i in range(5)])
    write_file(folder, name, f"---\n{front_matter}---\n")
    write_file(folder, name.split("/")[0] + "/page.md", "---\n_comment: keep\n---\n")
    _, report = infer(folder)
    assert bool(report.get("headless", {}).get("folders")) is headless


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["schema"]) == 2
    assert main(["schema", "infer", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_long_run_on_a_terminal_shows_a_progress_bar(tmp_path):
    """A real terminal (a pseudo-terminal) on stderr: the bar is drawn there; the schema still goes to the file."""
    folder = site(tmp_path / "content", [f"title: t{i}\n" for i in range(250)])
    primary, secondary = pty.openpty()
    command = [
        sys.executable,
        "-m",
        "fmlint",
        "schema",
        "infer",
        "--isolated",
        str(folder),
        "-o",
        str(tmp_path / "s.json"),
    ]
    process = subprocess.run(command, stderr=secondary, stdout=subprocess.DEVNULL, timeout=60, check=True)
    os.close(secondary)
    drawn = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(primary)
    assert process.returncode == 0
    assert b"learning from front matter" in drawn
    assert json.loads((tmp_path / "s.json").read_text())["required"] == ["title"]


def test_edit_distance_and_which_rare_keys_are_typos():
    from fmlint.spelling import edit_distance, likely_typos

    assert edit_distance("titel", "title", 2) == 1  # a swap of neighbours is one edit
    assert edit_distance("lastmod", "lstmd", 2) == 2
    assert edit_distance("author", "summary", 2) == 3  # over the limit: capped at limit + 1
    counts = {"title": 300, "titel": 1, "tags": 290, "tag": 2, "toc": 3, "images": 200, "imgs": 1, "weight": 30}
    assert likely_typos(counts, 300, 0.01, 2) == {"tag": "tags", "titel": "title"}

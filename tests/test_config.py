"""Configuration files: discovery, errors, schema association, rule selection."""

import json
from pathlib import Path

import pytest
from support import write_file

from fmlint.cli import main
from fmlint.config.resolve import Overrides, Resolver
from fmlint.config.selection import Layer, select
from fmlint.config.settings import DEFAULT_ENABLED
from fmlint.document import read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.images import image_references
from fmlint.linter import lint_document
from fmlint.rules import CHECKERS, RULES_BY_CODE, Context

BAD = "---\ntitel: x\ntoc: 1\n---\n"  # SC003 (no title), SC002 (titel), SC001 (toc)


def run_json(capsys, *args):
    code = main(["--format", "json", *map(str, args)])
    return code, [(Path(d["path"]).name, d["code"], d["severity"]) for d in json.loads(capsys.readouterr().out)]


def codes_of(capsys, *args):
    return sorted({code for _, code, _ in run_json(capsys, *args)[1]})


def test_nearest_config_wins_in_nested_folders(tmp_path, capsys):
    write_file(tmp_path, ".fmlint.toml", 'ignore = ["SC001"]\n')
    write_file(tmp_path, "top.md", BAD)
    write_file(tmp_path, "a/b/.fmlint.toml", 'select = ["SC002"]\n')
    write_file(tmp_path, "a/b/c/deep.md", BAD)
    write_file(tmp_path, "a/middle.md", BAD)
    _, found = run_json(capsys, tmp_path)
    assert sorted((name, code) for name, code, _ in found) == [
        ("deep.md", "SC002"),
        ("middle.md", "SC002"),
        ("middle.md", "SC003"),
        ("top.md", "SC002"),
        ("top.md", "SC003"),
    ]


def test_pyproject_tool_table_and_precedence(tmp_path, capsys):
    write_file(tmp_path, "pyproject.toml", '[project]\nname = "site"\n\n[tool.fmlint]\nselect = ["SC001"]\n')
    write_file(tmp_path, "post.md", BAD)
    assert codes_of(capsys, tmp_path) == ["SC001"]
    # .fmlint.toml comes before pyproject.toml in the same folder
    write_file(tmp_path, ".fmlint.toml", 'select = ["SC002"]\n')
    assert codes_of(capsys, tmp_path) == ["SC002"]


def test_pyproject_without_tool_table_is_passed_over(tmp_path, capsys):
    write_file(tmp_path, ".fmlint.toml", 'select = ["SC003"]\n')
    write_file(tmp_path, "sub/pyproject.toml", '[project]\nname = "other"  # not [tool.fmlint]\n')
    write_file(tmp_path, "sub/post.md", BAD)
    assert codes_of(capsys, tmp_path / "sub") == ["SC003"]


def test_config_option_and_isolated(tmp_path, capsys):
    write_file(tmp_path, ".fmlint.toml", 'select = ["SC003"]\n')
    other = write_file(tmp_path, "elsewhere/strict.toml", 'select = ["SC001"]\n')
    write_file(tmp_path, "post.md", BAD)
    assert codes_of(capsys, "--config", other, tmp_path) == ["SC001"]
    assert codes_of(capsys, "--isolated", tmp_path) == ["SC001", "SC002", "SC003"]


# (configuration text, expected message); a text with a [tool.fmlint] table is a pyproject.toml
CONFIG_ERRORS = [
    ('slect = ["SC"]\n', ".fmlint.toml:1:1: unknown configuration key `slect` (did you mean `select`?)"),
    (
        '[tool.fmlint]\npreset = "hugo"\nslect = ["SC"]\n',
        "pyproject.toml:3:1: unknown configuration key `slect` (did you mean `select`?) in [tool.fmlint]",
    ),
    ('select = "SC"\n', '.fmlint.toml:1:10: select: expected a list, got the string "SC"'),
    ("[tool.fmlint]\nexclude = [1]\n", "pyproject.toml:2:12: exclude[0]: expected a string, got the integer 1"),
    ('preset = "hugoo"\n', '.fmlint.toml:1:10: preset: expected one of "hugo", "jekyll"'),
    ("allow-inline-schema = 1\n", ".fmlint.toml:1:23: allow-inline-schema: expected a boolean, got the integer 1"),
    ('preset = "hugo"\nselect = ["SC",,]\n', ".fmlint.toml:2:16: TOML syntax error"),
    (
        'select = ["SC"]\nignore = ["SC", "XX9"]\n',
        ".fmlint.toml:2:17: `XX9` is not a rule code, code prefix or rule name",
    ),
    ('[per-file-ignores]\n"a/*" = ["nope"]\n', "`nope` is not a rule code, code prefix or rule name"),
    ('[severity]\nSC001 = "fatal"\n', '.fmlint.toml:2:9: severity.SC001: expected one of "error", "warning"'),
    ("[rules.nope]\nx = 1\n", ".fmlint.toml:1:2: no rule module or rule named `nope`"),
    ("[rules.schema]\nx = 1\n", ".fmlint.toml:2:1: unknown option `x` of `schema` (its options: none)"),
    ('schema = "missing.json"\n', "missing.json: cannot read schema"),
    ('[[schemas]]\nschema = "hugo-article"\n', "missing required key `schemas[0].files`"),
    ("max-file-size = 0\n", ".fmlint.toml:1:17: max-file-size: must be >= 1, got 0"),
]


@pytest.mark.parametrize(("text", "message"), CONFIG_ERRORS, ids=[m.split(": ", 1)[-1][:40] for _, m in CONFIG_ERRORS])
def test_config_errors_exit_2_naming_file_and_key(tmp_path, capsys, text, message):
    config = write_file(tmp_path, "pyproject.toml" if "[tool.fmlint]" in text else ".fmlint.toml", text)
    write_file(tmp_path, "post.md", BAD)
    assert main([str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"fmlint: error: {config}")
    assert message in captured.err


def test_a_broken_configuration_beside_no_file_to_check_is_passed_over(tmp_path, capsys):
    """trivy's `pkg/…/testdata/wrong-pyproject/pyproject.toml` (a test fixture, beside no Markdown) stopped a run
    over the repository with exit 2. It is read only for a file to check below it, as ruff reads one."""
    write_file(tmp_path, ".fmlint.toml", 'select = ["SC003"]\n')
    write_file(tmp_path, "post.md", BAD)
    broken = write_file(tmp_path, "pkg/testdata/wrong/pyproject.toml", "[\n")
    write_file(tmp_path, "pkg/testdata/wrong/poetry.lock", "")
    write_file(tmp_path, "pkg/testdata/wrong/deeper/data.json", "{}")
    assert run_json(capsys, tmp_path) == (1, [("post.md", "SC003", "error")])
    write_file(tmp_path, "pkg/testdata/wrong/deeper/notes.md", BAD)
    assert main([str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"fmlint: error: {broken}:1:2: TOML syntax error")


def test_missing_config_file_on_the_command_line(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "nope.toml"), str(tmp_path)]) == 2
    assert f"{tmp_path / 'nope.toml'}: cannot read configuration: No such file or directory" in capsys.readouterr().err


def test_unknown_selector_on_the_command_line(tmp_path, capsys):
    write_file(tmp_path, "post.md", BAD)
    assert main(["--select", "SC,QQ", str(tmp_path)]) == 2
    assert "command line: `QQ` is not a rule code" in capsys.readouterr().err


def test_schema_association_first_match_wins_relative_to_the_config(tmp_path, capsys, monkeypatch):
    write_file(tmp_path, "site/schemas/doc.json", '{"type": "object", "required": ["weight"]}')
    write_file(
        tmp_path,
        "site/.fmlint.toml",
        '[[schemas]]\nschema = "schemas/doc.json"\nfiles = ["content/docs/**"]\n\n'
        '[[schemas]]\nschema = "jekyll"\nfiles = ["content/**/*.md"]\n',
    )
    write_file(tmp_path, "site/content/docs/a/install.md", "---\ntitle: x\n---\n")
    write_file(tmp_path, "site/content/blog/post.md", '---\nsitemap: "no"\n---\n')
    write_file(tmp_path, "site/other.md", "---\ntoc: 1\n---\n")  # no entry: the preset's hugo-article
    monkeypatch.chdir(tmp_path)  # globs are relative to the config file, not to the working folder
    code, found = run_json(capsys, "site")
    assert code == 1
    assert [(name, code) for name, code, _ in found] == [
        ("post.md", "SC001"),  # jekyll: sitemap is a boolean
        ("install.md", "SC003"),  # doc.json: weight is required
        ("other.md", "SC003"),
        ("other.md", "SC001"),
    ]


def test_schema_option_on_the_command_line_overrides_the_association(tmp_path, capsys):
    write_file(tmp_path, ".fmlint.toml", '[[schemas]]\nschema = "jekyll"\nfiles = ["*.md"]\n')
    write_file(tmp_path, "post.md", "---\ntitle: x\npublished: true\n---\n")
    # published is a date in Hugo, which fails on a boolean (DT001)
    assert codes_of(capsys, "--schema", "hugo-article", tmp_path) == ["DT001", "SC001"]


def test_selection_layers_and_specificity():
    sc = {"SC001", "SC002", "SC003", "SC004", "SC005", "SC006", "SC007"}
    assert select([Layer(select=["SC001"])], DEFAULT_ENABLED) == {"SC001"}
    assert select([Layer(ignore=["SC"], extend_select=["SC002"])], DEFAULT_ENABLED) == DEFAULT_ENABLED - sc | {"SC002"}
    assert select([Layer(select=["SC00"], ignore=["unknown-key"])], DEFAULT_ENABLED) == sc - {"SC002"}
    assert select([Layer(select=["ALL"], ignore=["FM", "FL", "X"])], DEFAULT_ENABLED) == {
        code for code in RULES_BY_CODE if not code.startswith(("FM", "FL", "X"))
    }
    # the command line layer's select replaces the configuration's
    assert select([Layer(select=["SC001"]), Layer(select=["SC002"])], DEFAULT_ENABLED) == {"SC002"}
    assert select([Layer(select=["SC001"]), Layer(extend_select=["SC002"])], DEFAULT_ENABLED) == {"SC001", "SC002"}
    # on a tie, ignore wins
    assert select([Layer(select=["SC002"], ignore=["SC002"])], DEFAULT_ENABLED) == set()


def test_command_line_selection_overrides_the_config(tmp_path, capsys):
    write_file(tmp_path, ".fmlint.toml", 'select = ["SC001"]\n')
    write_file(tmp_path, "post.md", BAD)
    assert codes_of(capsys, "--select", "SC002,missing-key", tmp_path) == ["SC002", "SC003"]
    assert codes_of(capsys, "--extend-select", "SC002", tmp_path) == ["SC001", "SC002"]
    assert codes_of(capsys, "--ignore", "SC001", "--extend-select", "SC003", tmp_path) == ["SC003"]


def test_per_file_ignores(tmp_path, capsys):
    write_file(
        tmp_path,
        ".fmlint.toml",
        '[per-file-ignores]\n"legacy/**" = ["SC00", "front-matter-syntax"]\n"*.md" = ["SC001"]\n',
    )
    write_file(tmp_path, "legacy/old/post.md", BAD + "x")
    write_file(tmp_path, "new.md", BAD)
    _, found = run_json(capsys, tmp_path)
    assert [(name, code) for name, code, _ in found] == [("new.md", "SC003"), ("new.md", "SC002")]


def test_severity_overrides_and_strict(tmp_path, capsys):
    write_file(tmp_path, ".fmlint.toml", 'select = ["SC002"]\n[severity]\nSC = "error"\nunknown-key = "warning"\n')
    write_file(tmp_path, "post.md", BAD)
    assert run_json(capsys, tmp_path) == (0, [("post.md", "SC002", "warning")])
    assert main(["--strict", "-q", str(tmp_path)]) == 1
    assert main(["--exit-zero", "--isolated", "-q", str(tmp_path)]) == 0
    capsys.readouterr()


def test_inline_schema(tmp_path, capsys):
    write_file(tmp_path, "schemas/doc.json", '{"type": "object", "properties": {"weight": {"type": "integer"}}}')
    text = "---\n$schema: ../schemas/doc.json\nweight: heavy\n---\n"
    write_file(tmp_path, "content/post.md", text)
    assert codes_of(capsys, tmp_path) == ["SC001", "SC002", "SC003"]  # not allowed: `$schema` is an unknown key
    write_file(tmp_path, ".fmlint.toml", "allow-inline-schema = true\n")
    assert run_json(capsys, tmp_path) == (1, [("post.md", "SC001", "error")])  # weight, under doc.json
    write_file(tmp_path, "content/post.md", text.replace("doc.json", "gone.json"))
    assert codes_of(capsys, tmp_path) == ["SC005"]


def test_rule_options_by_module_or_rule_name(tmp_path):
    with_options = [checker for checker in CHECKERS if checker.options]
    if not with_options:
        pytest.skip("no registered rule module has options")
    checker = with_options[0]
    option, default = next(iter(checker.options.items()))
    value = default
    for name in (checker.name, *(rule.name for rule in checker.rules if len(checker.rules) == 1)):
        write_file(tmp_path, ".fmlint.toml", f"[rules.{name}]\n{option} = {json.dumps(value)}\n")
        resolver = Resolver(Overrides(), cwd=tmp_path)
        settings = resolver.settings_for(str(tmp_path / "post.md"))
        assert settings.options_for(checker)[option] == value
        assert settings.rule_options[checker.name][option] == value


def test_image_fields_come_from_preset_or_config(tmp_path):
    path = str(tmp_path / "post.md")
    doc = read_document(path, b"---\nheroImage: a.png\nthumbnail: b.png\n---\n")

    def images(config):
        write_file(tmp_path, ".fmlint.toml", config)
        settings = Resolver(cwd=tmp_path).settings_for(path)
        return [ref.url for ref in image_references(Context(doc, parse_front_matter(doc), settings))]

    assert images('preset = "hugo"\n') == ["b.png"]
    assert images('preset = "astro"\n') == ["a.png"]
    assert images('preset = "astro"\nimage-fields = ["thumbnail", "heroImage"]\n') == ["b.png", "a.png"]


def test_files_sharing_a_config_share_settings(tmp_path):
    write_file(tmp_path, ".fmlint.toml", '[per-file-ignores]\n"b.md" = ["SC001"]\n')
    resolver = Resolver(cwd=tmp_path)
    first, second, third = (resolver.settings_for(str(tmp_path / name)) for name in ("a.md", "sub/c.md", "b.md"))
    assert first is second and first is not third
    assert lint_document(read_document("a.md", BAD.encode()), first)


def test_readme_configuration_example_is_valid_and_complete(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("A complete example, with every key:\n\n```toml\n", 1)[1].split("```", 1)[0]
    write_file(tmp_path, "pyproject.toml", example)
    for schema in ("schemas/article.json", "schemas/docs.schema.json"):
        write_file(tmp_path, schema, "{}")
    project = Resolver(cwd=tmp_path).project_for(str(tmp_path / "content" / "post.md"))
    assert project.config.path == tmp_path / "pyproject.toml"
    keys = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "fmlint-config.schema.json").read_text())
    assert set(project.config.options) == set(keys["properties"])
    assert project.rule_options["images"]["denied-hosts"] == ["i.imgur.com"]


def test_each_folder_is_looked_in_once_for_a_configuration(tmp_path, monkeypatch):
    """The folders of a site share their parents: a run over files in many folders looks in each folder once
    for a configuration file, and every folder below one finds the nearest."""
    from fmlint.config import loader

    write_file(tmp_path, "site/.fmlint.toml", 'preset = "hugo"\n')
    looked: list[str] = []
    config_in = loader.config_in
    monkeypatch.setattr(loader, "config_in", lambda folder: looked.append(folder) or config_in(folder))
    resolver = Resolver(cwd=tmp_path)
    for name in ("a/x/1.md", "a/y/2.md", "b/3.md", "a/x/4.md"):
        assert resolver.project_for(str(tmp_path / "site/content" / name)).config.path == tmp_path / "site/.fmlint.toml"
    content = tmp_path / "site/content"
    folders = [content / "a/x", content / "a", content, tmp_path / "site", content / "a/y", content / "b"]
    assert looked == [str(folder) for folder in folders]

"""FH rules: YAML 1.1 boolean words and surrounding whitespace, at the value."""

from support import PERMISSIVE, check
from test_site_rules import HUGO, _quiet_env, needs_hugo, write


def test_unquoted_yaml11_booleans_in_any_case_and_at_any_depth():
    source = "---\ndraft_note: yes\nshow: Off\nparams:\n  flags: [ON, no]\n  quoted: \"yes\"\n  single: 'no'\n  word: yesterday\n---\n"
    diagnostics = check(
        source, [(2, 13, "FH001"), (3, 7, "FH001"), (5, 11, "FH001"), (5, 15, "FH001")], schema=PERMISSIVE
    )
    assert diagnostics[0].severity == "warning"
    assert diagnostics[0].message == (
        'draft_note: unquoted `yes` is the string "yes" for Hugo and Astro (YAML 1.2) '
        'but the boolean true for YAML 1.1 tools (PyYAML, Jekyll); write true or "yes"'
    )
    assert "boolean false" in diagnostics[1].message and "params.flags[1]" in diagnostics[3].message


def test_real_booleans_and_other_formats_are_fine():
    check("---\ntitle: x\ncomments: true\ntoc: False\n---\n", [])
    check('+++\ntitle = "x"\nlead = "no"\n+++\n', [])
    check('{"title": "x", "lead": "off"}\n', [])


def test_yaml11_boolean_with_cjk_and_crlf():
    check('---\r\ntitle: "价格战"\r\n评论: on\r\n---\r\n', [(3, 5, "FH001")], schema=PERMISSIVE)


def test_surrounding_whitespace_in_every_format():
    check('---\ntitle: "Price cuts "\ntags: [" ai", ok]\n---\n', [(2, 8, "FH002"), (3, 8, "FH002")])
    check('+++\ntitle = "\\tPrice cuts"\n+++\n', [(2, 9, "FH002")])
    diagnostics = check('{\n  "title": "x",\n  "summary": "line\\n"\n}\n', [(3, 14, "FH002")])
    assert diagnostics[0].message == 'summary: "line\\n" has leading or trailing whitespace'


def test_whitespace_only_is_reported_and_empty_is_not():
    check('---\ntitle: x\nlead: "  "\nmenu: ""\n---\n', [(3, 7, "FH002")])


def test_block_scalars_and_multiline_strings_keep_their_final_line_break():
    check("---\ntitle: x\nsummary: |\n  line one\n  line two\nlead: >\n  folded\n---\n", [])
    check('+++\ntitle = "x"\nsummary = """\nline one\n"""\n+++\n', [])
    check("---\ntitle: x\nsummary: |2\n    indented\n---\n", [(3, 10, "FH002")])


def test_positions_after_cjk_and_bom():
    check('\ufeff---\ntitle: "大模型价格战 "\n---\n', [(2, 8, "FH002")])


def test_numbers_in_text_fields_shown_otherwise_than_written():
    """jaegertracing.io's versioned menus: `linkTitle: 2.10` shows "2.1" (Hugo and JavaScript print the value);
    `2.11`, an integer, a number field (`weight`) and a key the schema does not take as text are fine."""
    source = "---\ntitle: A\nlinkTitle: 2.10\ndescription: 0x10\nsummary: 2.11\nweight: 2\n版本: 1.0\n---\n"
    only = {"enabled_codes": frozenset({"FH003"})}
    diagnostics = check(source, [(3, 12, "FH003"), (4, 14, "FH003")], preset="hugo", **only)
    assert diagnostics[0].message == "linkTitle: `2.10` is the number 2.1, shown as `2.1`; quote it to show `2.10`"
    assert diagnostics[1].message.startswith("description: `0x10` is the number 16,")
    assert diagnostics[0].fix is not None and diagnostics[0].fix.edits[0].content == '"2.10"'
    check('+++\ntitle = "A"\nlinkTitle = 1.0\n+++\n', [(3, 13, "FH003")], preset="hugo", **only)
    check('\ufeff{"title": "A", "linkTitle": 0.50}\n', [(1, 29, "FH003")], preset="hugo", **only)
    check(source, [], preset="jekyll", **only)  # (Ruby prints 1.0 as written)


@needs_hugo
def test_hugo_shows_each_reported_number_as_the_message_says(tmp_path, capsys, monkeypatch):
    """Hugo 0.168 builds a page whose text fields are numbers; FH003 reports exactly those it shows otherwise than
    written, with what it shows."""
    import json
    import subprocess

    from fmlint.cli import main

    fields = {"title": "2.10", "linkTitle": "0x10", "description": "1.0", "summary": "2.11"}
    front_matter = "".join(f"{key}: {value}\n" for key, value in fields.items())
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            "layouts/_default/single.html": "{{ .Title }}|{{ .LinkTitle }}|{{ .Description }}|{{ .Summary }}",
            "layouts/_default/list.html": "",
            "content/a.md": f"---\n{front_matter}---\n",
        },
    )
    subprocess.run([HUGO, "--quiet", "-s", str(tmp_path), "-d", "out"], env=_quiet_env(), check=True)
    shown = dict(zip(fields, (tmp_path / "out/a/index.html").read_text().split("|"), strict=True))
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--no-cache", "--select", "FH003", "content/a.md"])
    reported = {d["message"].split(":")[0]: d["message"] for d in json.loads(capsys.readouterr().out)}
    assert (
        set(reported) == {key for key in fields if shown[key] != fields[key]} == {"title", "linkTitle", "description"}
    )
    assert all(f"shown as `{shown[key]}`" in message for key, message in reported.items())

import json
from pathlib import Path

import jsonschema
import jsonschema_rs
import pytest
from support import check
from test_site_rules import write

import fmlint.schema.loader
from fmlint.schema.loader import SchemaLoadError, compile_schema, load_schema

ARTICLE = """---
title: "Hello"
summary: |
  Several lines
  of summary.
comments: "yes"
---
"""


def test_type_error_after_a_block_scalar():
    [diagnostic] = check(ARTICLE, [(6, 11, "SC001")])
    assert diagnostic.message == 'comments: expected a boolean, got the string "yes"'
    assert (diagnostic.end_line, diagnostic.end_column) == (6, 16)


def test_a_taxonomy_or_aliases_written_as_a_string_are_what_hugo_reads():
    """Hugo 0.168 takes `categories: "SOFA Weekly"` as one term (sofastack.tech's 590 posts) and splits a string of
    aliases at whitespace (a YAML list written without its dashes: eks-anywhere's docs); a string with a comma is
    one term too, `a, b`, which no one means. A number is a term (`tags: [2024]`, `categories: 2077`: Hugo writes
    `/tags/2024/`, checked with a build); a boolean is none anyone means (Hugo makes a term `true` of it); a list
    that is no taxonomy's (`keywords`) still wants text."""
    source = (
        '---\ntitle: A\ncategories: "SOFA Weekly"\ntags: 中文, b\nseries: true\naliases:\n  /old/\n  /older/\n'
        "keywords: [2024, review]\n---\n"
    )
    tags, series, _ = check(source, [(4, 7, "SC001"), (5, 9, "SC001"), (9, 12, "SC001")])
    assert tags.message == (
        'tags: "中文, b" is not a valid hugo-term: Hugo takes a string as one term, commas and all (write a list for '
        "several terms)"
    )
    assert series.message == "series: expected a list or a string or a number, got the boolean true"
    check("---\ntitle: A\ntags: [2024, review, 3.5]\ncategories: 2077\n---\n", [])


def test_a_key_written_without_a_value_is_absent_to_hugo_unless_required():
    """An archetype's keys left unfilled (`description:`, `tags:`: YAML's null) are no value to Hugo, as if absent;
    the required `title:` so written is reported, and so is an unknown key however empty."""
    source = "---\ntitle:\ndescription:\ntags:\nweight:\ndate:\ntitel:\n---\n"
    title, _ = check(source, [(2, 7, "SC001"), (7, 1, "SC002")])
    assert title.message == "title: expected a string or a number, got null"
    check(
        "---\ntitle: A\ndescription:\n---\n",
        [(3, 13, "SC001")],
        schema={"properties": {"description": {"type": "string"}}},
    )


def test_build_options_written_as_booleans_are_what_hugo_reads():
    """spiffe.io's `build: {render: false}`: Hugo has read `true` and `false` as `always` and `never` since 0.67.1
    made the options strings (0.168 writes no page for it, and lists none with `list: false`); a misspelt word is
    still reported, with the word meant."""
    source = "---\ntitle: A\nbuild:\n  render: false\n  list: true\n---\n"
    check(source, [])
    (typo,) = check(source.replace("false", "nevr"), [(4, 11, "SC001")])
    assert typo.message.endswith('got "nevr" (did you mean "never"?)')


def test_bom_and_crlf_do_not_shift_positions():
    source = "\ufeff" + ARTICLE.replace("\n", "\r\n")
    check(source.encode("utf-8"), [(6, 11, "SC001")])


def test_cjk_text_before_the_value_counts_characters():
    check('---\ntitle: "中文标题"\nwidgets: ["最近", 3]\n---\n', [(3, 17, "SC001")])


def test_unknown_key_with_suggestion():
    [diagnostic] = check("---\ntitle: x\ncomentS: true\n---\n", [(3, 1, "SC002")])
    assert diagnostic.message == "unknown key `comentS` (did you mean `comments`?)"


def test_the_suggestion_in_the_message_is_the_key_the_fix_renames_to():
    """A case-only difference is the first suggestion, in the message as in the fix (the message once
    preferred the closest spelling, `Titles`, while the fix renamed to `title`)."""
    schema = {"properties": {"title": {}, "Titles": {}}, "additionalProperties": False}
    [diagnostic] = check("---\nTitle: x\n---\n", [(2, 1, "SC002")], schema=schema, preset="jekyll")
    assert diagnostic.message == "unknown key `Title` (did you mean `title`?)"
    assert diagnostic.fix is not None and diagnostic.fix.message == "rename to `title`"


def test_missing_required_key_is_at_the_opening_delimiter():
    [diagnostic] = check("---\ndate: 2025-02-07\n---\n", [(1, 1, "SC003")])
    assert diagnostic.message == "missing required key `title`"


def test_nested_required_is_at_the_parent_key():
    check("---\ntitle: x\nresources:\n  - name: a\n---\n", [(4, 5, "SC003")])


def test_one_of_reports_the_relevant_branch_at_the_nested_value():
    schema = {
        "properties": {
            "cover": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "object", "properties": {"image": {"type": "string"}, "alt": {"type": "string"}}},
                ]
            }
        }
    }
    [diagnostic] = check("---\ncover:\n  image: 42\n---\n", [(3, 10, "SC001")], schema=schema)
    assert diagnostic.message == "cover.image: expected a string, got the integer 42"


def test_enum_message_suggests_the_closest_value():
    [diagnostic] = check('---\ntitle: x\nsidebar: "rigth"\n---\n', [(3, 10, "SC001")])
    assert 'did you mean "right"?' in diagnostic.message


def test_all_errors_are_reported_not_only_the_first():
    check("---\ntitle: A\nweight: x\ntoc: 2\npager: 3\n---\n", [(3, 9, "SC001"), (4, 6, "SC001"), (5, 8, "SC001")])


def test_format_checking_is_on():
    schema = {"properties": {"mail": {"format": "email"}, "when": {"format": "date"}, "site": {"format": "uri"}}}
    check(
        "---\nmail: nobody\nwhen: 2025-02-30\nsite: not a uri\n---\n",
        [(2, 7, "SC001"), (3, 7, "SC001"), (4, 7, "SC001")],
        schema=schema,
    )


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("P1Y2M3DT4H5M6S", True),
        ("P3W", True),
        ("PT1H30M", True),
        ("P1D", True),
        ("PT0S", True),
        ("P", False),
        ("PT", False),
        ("P1H", False),
        ("P1W2D", False),
        ("P1.5Y", False),
        ("1D", False),
        ("P1DT", False),
    ],
)
def test_duration_format_follows_rfc_3339(value, valid):
    schema = {"properties": {"lasts": {"type": "string", "format": "duration"}}}
    found = check(f"---\nlasts: {value}\n---\n", [] if valid else [(2, 8, "SC001")], schema=schema)
    assert all("ISO 8601 duration" in d.message for d in found)


HUGO_DATE_SCHEMA = {"properties": {"lastmod": {"type": "string", "format": "hugo-date"}}}


def test_hugo_date_format_says_which_part_is_out_of_range():
    source = "---\ntitle: x\nlastmod: 2025-13-07\n---\n"
    [diagnostic] = check(source, [(3, 10, "SC001")], schema=HUGO_DATE_SCHEMA, enabled_codes=frozenset({"SC001"}))
    assert "month 13 is out of range" in diagnostic.message


def test_the_default_schema_leaves_dates_to_the_date_rules():
    check("---\ntitle: x\nlastmod: 2025-13-07\n---\n", [(3, 10, "DT001")])


IMAGE_URL_SCHEMA = {"properties": {"picture": {"type": "string", "format": "image-url"}}}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("htps://x/a.png", "unsupported scheme `htps:`"),
        ("https://cdn.example.com/page.html", "`.html` is not an image file extension"),
        ("/images/a b.png", "URL contains a space"),
    ],
)
def test_image_url_format_gives_the_reason(value, reason):
    [diagnostic] = check(f'---\npicture: "{value}"\n---\n', [(2, 10, "SC001")], schema=IMAGE_URL_SCHEMA)
    assert reason in diagnostic.message


@pytest.mark.parametrize(
    "value", ["", "https://cdn.example.com/a.webp", "/images/a.PNG", "https://img.example.com/p/1?w=80"]
)
def test_image_url_format_accepts_images_and_empty(value):
    check(f'---\npicture: "{value}"\n---\n', [], schema=IMAGE_URL_SCHEMA)


def test_empty_strings_are_valid_in_the_default_schema():
    check('---\ntitle: x\nmenu: ""\nthumbnail: ""\nlead: ""\n---\n', [])


def test_additional_properties_with_pattern_properties():
    schema = {"properties": {"a": {}}, "patternProperties": {"^x-": {}}, "additionalProperties": False}
    check("---\na: 1\nx-ok: 2\nb: 3\n---\n", [(4, 1, "SC002")], schema=schema)


def test_unevaluated_properties_point_at_the_key():
    schema = {"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": False}
    check("---\na: 1\nzz: 3\n---\n", [(3, 1, "SC002")], schema=schema)


def test_property_names_point_at_the_key():
    check("---\nok: 1\nBad: 2\n---\n", [(3, 1, "SC001")], schema={"propertyNames": {"pattern": "^[a-z]+$"}})


def test_no_front_matter_is_fine_under_a_permissive_schema():
    check("# Just a body\n", [], schema={})
    check("# Just a body\n", [(1, 1, "SC004")])


def test_a_sites_markdown_that_is_no_rendered_page_needs_no_front_matter(tmp_path, monkeypatch, capsys):
    """A README beside hugo.toml or notes under scripts/ are no pages (pre-commit passes them too), nor are the
    fragments a ``cascade`` never renders; a content file without front matter, or a folder of Markdown that
    is no site, is still reported.  The answer is kept with the cached result and asked again on a warm run:
    moving ``contentDir`` moves it."""
    from fmlint.cli import main
    from fmlint.site.config import forget_sites

    names = ["site/README.md", "site/scripts/notes.md", "site/content/a.md", "site/docs/b.md", "plain/c.md"]
    for name in [*names, "site/content/docs/_includes/fragment.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# Notes\n", encoding="utf-8")
    config = 'baseURL = "https://example.org/"\n[[cascade]]\nbuild.render = "never"\ntarget.path = "{,/**}/_includes{,/**}"\n'
    (tmp_path / "site/hugo.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = ["--cache-dir", str(tmp_path / "cache")]

    def reported() -> list[str]:
        main(["--format", "json", *cache, "site", "plain"])
        return [f"{d['path']}:{d['line']}:{d['column']}" for d in json.loads(capsys.readouterr().out)]

    assert reported() == ["plain/c.md:1:1", "site/content/a.md:1:1"]
    (tmp_path / "site/hugo.toml").write_text('contentDir = "docs"\n' + config)
    forget_sites()  # (as a new process would read it)
    assert reported() == ["plain/c.md:1:1", "site/docs/b.md:1:1"]


def reported(tmp_path: Path, monkeypatch, capsys, files: dict[str, str], codes: str, *paths: str) -> list[str]:
    """`path:line:column code` of each finding of ``codes`` when the command line checks ``paths`` of ``files``."""
    from fmlint.cli import main

    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--no-cache", "--select", codes, *paths])
    return [f"{d['path']}:{d['line']}:{d['column']} {d['code']}" for d in json.loads(capsys.readouterr().out)]


def test_a_leaf_bundles_resources_and_a_headless_bundle_need_no_page_keys(tmp_path, monkeypatch, capsys):
    """envoyproxy's `boilerplates/` is a headless leaf bundle (`index.md` with `headless: true`) whose other
    Markdown files, some without front matter, some with an empty one, are its resources that a shortcode
    includes: no pages, so no title is required (63 false SC003/SC004 before). A page without its title, and a
    non-headless bundle's own `index.md`, are still reported; so is a file outside any site."""
    files = {
        "site/hugo.toml": 'baseURL = "https://example.org/"\n',
        "site/content/v1/boilerplates/index.md": "---\nheadless: true\n---\n",
        "site/content/v1/boilerplates/kind.md": "Run `kind create cluster`.\n",
        "site/content/v1/boilerplates/ports/open.md": "---\n---\nOpen the ports.\n",
        "site/content/v1/bundle/index.md": "---\ndate: 2025-02-07\n---\n",
        "site/content/v1/page.md": "# Page\n",
        "plain/boilerplates/index.md": "---\nheadless: false\n---\n",
        "plain/boilerplates/kind.md": "Run it.\n",
    }
    assert reported(tmp_path, monkeypatch, capsys, files, "SC003,SC004", "site", "plain") == [
        "plain/boilerplates/index.md:1:1 SC003",
        "plain/boilerplates/kind.md:1:1 SC004",
        "site/content/v1/bundle/index.md:1:1 SC003",
        "site/content/v1/page.md:1:1 SC004",
    ]


def test_a_required_key_written_without_a_value_in_a_file_of_no_page(tmp_path, monkeypatch, capsys):
    """Wowchemy's widgets (`content/home/about.md`, in the headless home bundle, `title:` left empty) make no page:
    their empty required title is as missing, not reported (6 false SC001 on a research group's site), as in a
    headless page (`headless: true`: built as `build: {render: never, list: never}`); a page's still is."""
    files = {
        "site/hugo.toml": 'baseURL = "https://example.org/"\n',
        "site/content/home/index.md": "---\ntype: widget_page\nheadless: true\n---\n",
        "site/content/home/about.md": "---\nwidget: about\nweight: 30\ntitle:\n---\n",
        "site/content/lone.md": "---\nheadless: true\ntitle:\n---\n",
        "site/content/page.md": "---\ntitle:\n---\n",
    }
    assert reported(tmp_path, monkeypatch, capsys, files, "SC001,SC003", "site") == ["site/content/page.md:2:7 SC001"]


def test_a_hugo_home_page_may_leave_its_title_to_the_site(tmp_path, monkeypatch, capsys):
    """Hugo Blox's starters write the home page's `title: ''` ("Leave the homepage title empty to use the site
    title"), Relearn sites `title = ""` or none: the themes show the site's title. A home page of each language
    (`_index.fr.md`, a language's content folder) may leave it empty or out; a section's and a page's title
    may not (Hugo shows none), nor a file of a folder mounted at `docs`, nor a home page outside a Hugo site."""
    files = {
        "site/hugo.toml": 'baseURL = "https://example.org/"\n[languages.en]\n[languages.fr]\n[languages.de]\ncontentDir = "content.de"\n',
        "mounted/hugo.toml": (
            '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
            '[[module.mounts]]\nsource = "docs"\ntarget = "content/docs"\n'
        ),
        "mounted/content/_index.md": "---\ntitle: ''\n---\n",
        "site/content/_index.md": "---\n# Leave the homepage title empty to use the site title\ntitle: ''\n---\n",
        "site/content/_index.fr.md": "+++\ntype = 'home'\n+++\n",
        "site/content.de/_index.md": '---\ntitle: ""\n---\n',
        "site/content/sec/_index.md": "---\ntitle: ''\n---\n",
        "site/content/about.md": "---\ntitle: ''\n---\n",
        "mounted/docs/_index.md": "---\nweight: 1\n---\n",
        "plain/_index.md": "---\ntitle: ''\n---\n",
    }
    assert reported(tmp_path, monkeypatch, capsys, files, "SC001,SC003", "site", "mounted", "plain") == [
        "mounted/docs/_index.md:1:1 SC003",
        "plain/_index.md:2:8 SC001",
        "site/content/about.md:2:8 SC001",
        "site/content/sec/_index.md:2:8 SC001",
    ]


LAYOUT_READS = (
    '{{ .Params.status }}{{ .Param "toc_hide" }}{{ if isset .Params "alphaVersion" }}{{ end }}{{ site.Params.banner }}'
)


def test_keys_a_hugo_sites_layouts_read_are_known_to_its_bundled_schema(tmp_path, monkeypatch, capsys):
    """cncf/glossary's layouts read `.Params.status` (921 SC002 before), crossplane's theme `.Params.state`: keys
    the site uses, which fmlint's schema does not list. One no layout reads (`statuss`, or `banner`: only the
    site's own `site.Params.banner` is read) is still unknown, and so is every key a user's own schema leaves
    out. The answer is kept with the cached result: a layout that stops reading a key makes it unknown again."""
    from fmlint.cli import main
    from fmlint.site.config import forget_sites

    front_matter = "title: A\nstatus: Done\ntoc_hide: true\nalphaVersion: '1'\ntochidden: true\nbanner: x\nstatuss: y\n"
    files = {
        "site/hugo.toml": 'baseURL = "https://example.org/"\n',
        "site/layouts/_default/single.html": LAYOUT_READS,
        "site/themes/geek/layouts/partials/toc.html": '{{ index $.Page.Params "tocHidden" }}',
        "site/content/a.md": f"---\n{front_matter}---\n",
    }
    write(tmp_path, files)
    (tmp_path / "own.schema.json").write_bytes(load_schema("hugo-article").path.read_bytes())
    monkeypatch.chdir(tmp_path)

    def unknown(*options: str) -> list[str]:
        main(["--format", "json", "--select", "SC002", *options, "site"])
        return [f"{d['line']}:{d['column']} {d['message'].split('`')[1]}" for d in json.loads(capsys.readouterr().out)]

    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert unknown(*cache) == ["7:1 banner", "8:1 statuss"]
    assert unknown("--no-cache", "--schema", str(tmp_path / "own.schema.json")) == [
        f"{line}:1 {key}" for line, key in enumerate(["status", "toc_hide", "alphaVersion", "tochidden"], 3)
    ] + ["7:1 banner", "8:1 statuss"]
    (tmp_path / "site/layouts/_default/single.html").write_text(LAYOUT_READS.replace(".Params.status", ".Title"))
    forget_sites()  # (as a new process would read it)
    assert unknown(*cache) == ["3:1 status", "7:1 banner", "8:1 statuss"]


def test_a_hugo_sites_own_taxonomies_are_known_to_its_bundled_schema(tmp_path, monkeypatch, capsys):
    """cortex's site configures `project = "projects"`: Hugo reads a page's `projects` terms from its front matter
    (7 SC002 before). The singular name is no key Hugo reads, and a site without the taxonomy does not know it."""
    from fmlint.cli import main

    files = {
        "site/hugo.toml": '[taxonomies]\ntag = "tags"\nproject = "projects"\n',
        "site/content/a.md": "---\ntitle: A\nprojects: [cortex]\nproject: cortex\ntags: [go]\n---\n",
        "other/hugo.toml": 'baseURL = "https://example.org/"\n',
        "other/content/a.md": "---\ntitle: A\nprojects: [cortex]\n---\n",
    }
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--select", "SC002", "--no-cache", "site", "other"])
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["line"], d["column"], d["message"].split("`")[1]) for d in found] == [
        ("other/content/a.md", 3, 1, "projects"),
        ("site/content/a.md", 4, 1, "project"),
    ]


def test_build_options_as_the_hugo_a_site_pins_reads_them(tmp_path, monkeypatch, capsys):
    """grpc.io pins Hugo 0.99, whose build options are `_build` (`build` came in 0.123, 0.145 deprecated `_build`,
    0.168 refuses it): known there; on a site pinning nothing, or a current Hugo, SC002 names `build`; and before
    0.123 `build` is reported, with a fix to `_build`. The pin is kept with the cached result: moving it
    changes the next run's findings."""
    from fmlint.cli import main
    from fmlint.site.config import forget_sites

    files = {
        "site/hugo.toml": 'baseURL = "https://example.org/"\n',
        "site/package.json": '{"devDependencies": {"hugo-extended": "^0.99.1"}}',
        "site/content/a.md": "---\ntitle: A\n_build:\n  render: never\n---\n",
    }
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)

    def unknown() -> list[str]:
        main(["--format", "json", "--select", "SC002", "--cache-dir", str(tmp_path / "cache"), "site"])
        return [f"{d['line']}:{d['column']} {d['message']}" for d in json.loads(capsys.readouterr().out)]

    assert unknown() == []
    (tmp_path / "site/package.json").write_text('{"devDependencies": {"hugo-extended": "^0.145.0"}}')
    forget_sites()  # (as a new process would read it)
    assert unknown() == ["3:1 unknown key `_build` (did you mean `build`?)"]
    (tmp_path / "site/content/a.md").write_text("---\ntitle: A\nbuild:\n  render: never\n---\n")
    assert unknown() == []
    (tmp_path / "site/package.json").write_text('{"devDependencies": {"hugo-extended": "^0.99.1"}}')
    forget_sites()
    assert unknown() == [
        "3:1 unknown key `build` to Hugo 0.99, which this site pins: it reads `_build` (did you mean `_build`?)"
    ]
    main(["--select", "SC002", "--fix", "--unsafe-fixes", "--no-cache", "site"])
    capsys.readouterr()
    assert (tmp_path / "site/content/a.md").read_text() == "---\ntitle: A\n_build:\n  render: never\n---\n"


def test_a_map_the_sites_layouts_read_fields_of_is_the_sites_shape(tmp_path, monkeypatch, capsys):
    """goharbor.io's blog layouts read `.Params.author.name` and `.company`: its posts' `author: {name: …}` is
    what the site wants, not the bundled schema's name or list of names (32 SC001 before). Where no layout reads
    a field of it, the map is still reported; so is a wrong type elsewhere in the same front matter, and the
    answer follows the layouts (kept with the cached result)."""
    from fmlint.cli import main
    from fmlint.site.config import forget_sites

    layout = "{{ .Params.author.name }}{{ with .Params.author.company }}, {{ . }}{{ end }}"
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "layouts/_partials/byline.html": layout,
        "content/a.md": "---\ntitle: A\nauthor:\n  name: Orlin\n  company: VMware\n---\n",
        "content/b.md": "---\ntitle: B\nauthor: {name: Jane}\ndraft: 'no'\n---\n",
        "content/c.md": "---\ntitle: C\nauthor: Jane\n---\n",
    }
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)

    def invalid() -> list[str]:
        main(["--format", "json", "--cache-dir", str(tmp_path / "cache"), "--select", "SC001", "content"])
        return [f"{d['path']}:{d['line']}:{d['column']}" for d in json.loads(capsys.readouterr().out)]

    assert invalid() == ["content/b.md:4:8"]  # (`draft: 'no'`: a string)
    (tmp_path / "layouts/_partials/byline.html").write_text("{{ .Params.author }}", encoding="utf-8")
    forget_sites()  # (as a new process would read it)
    assert invalid() == ["content/a.md:4:3", "content/b.md:3:9", "content/b.md:4:8"]


def test_keys_a_hugo_pages_param_shortcodes_show_are_known(tmp_path, monkeypatch, capsys):
    """grpc.io's pages show their own `cmake-version` with Hugo's `param` shortcode: a key the page uses."""
    from fmlint.cli import main

    body = 'Needs CMake {{< param cmake-version >}}, {{% param "Min.protoc" %}} and `{{< param "code" >}}`.\n'
    page = f"---\ntitle: A\ncmake-version: 3.16\nmin: {{protoc: 3}}\nunused: x\n---\n{body}"
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--no-cache", "--select", "SC002", "content/a.md"])
    found = [f"{d['line']}:{d['column']} {d['message'].split('`')[1]}" for d in json.loads(capsys.readouterr().out)]
    assert found == ["5:1 unused"]


def test_dialect_comes_from_dollar_schema():
    draft7 = {"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"n": {"exclusiveMinimum": 3}}}
    check("---\nn: 3\n---\n", [(2, 4, "SC001")], schema=draft7)


@pytest.mark.parametrize(
    ("contents", "expected"),
    [
        ("{not json", "schema.json:1:2: schema is not valid JSON"),
        (json.dumps({"properties": {"title": {"type": "strnig"}}}), "invalid schema at #/properties/title/type"),
        (json.dumps({"$ref": "missing.json"}), "cannot resolve $ref 'missing.json' at #/$ref"),
        (
            json.dumps({"$ref": "https://example.com/schemas/base.json"}),
            "remote schemas are not fetched; save a copy of https://example.com/schemas/base.json",
        ),
    ],
)
def test_broken_schemas_name_the_file_and_place(tmp_path, contents, expected):
    path = tmp_path / "schema.json"
    path.write_text(contents)
    with pytest.raises(SchemaLoadError) as info:
        load_schema(str(path))
    assert str(path) in str(info.value) and expected in str(info.value)


def test_remote_ref_uses_a_local_copy(tmp_path):
    (tmp_path / "base.json").write_text(json.dumps({"properties": {"title": {"type": "string"}}}))
    (tmp_path / "schema.json").write_text(json.dumps({"$ref": "https://example.com/schemas/base.json"}))
    schema = load_schema(str(tmp_path / "schema.json"))
    assert list(schema.validator.iter_errors({"title": 3}))


def test_local_ref_relative_to_the_schema(tmp_path):
    (tmp_path / "common.json").write_text(json.dumps({"$defs": {"t": {"type": "string"}}}))
    (tmp_path / "schema.json").write_text(json.dumps({"properties": {"title": {"$ref": "common.json#/$defs/t"}}}))
    schema = load_schema(str(tmp_path / "schema.json"))
    assert [e.message for e in schema.validator.iter_errors({"title": 3})] == ["3 is not of type 'string'"]


def test_validators_are_built_once_per_schema():
    assert load_schema("hugo-article") is load_schema("hugo-article")


def test_bundled_schema_documents_every_property():
    contents = load_schema("hugo-article").contents
    assert contents["$id"] and contents["title"] and contents["description"]
    for name, prop in contents["properties"].items():
        assert prop.get("title") and prop.get("description"), name


def test_any_of_with_no_matching_type_lists_the_alternatives():
    [diagnostic] = check("---\ntitle: x\nmenu: 3\n---\n", [(3, 7, "SC001")])
    assert diagnostic.message == "menu: expected a string or a list or a mapping, got the integer 3"


@pytest.mark.parametrize(
    "path",
    sorted((Path(fmlint.schema.loader.__file__).parents[1] / "schemas").glob("*.schema.json")),
    ids=lambda p: p.name,
)
def test_bundled_schemas_are_valid_since_they_are_trusted_at_load(path):
    contents = json.loads(path.read_text())
    jsonschema.validators.validator_for(contents).check_schema(contents)
    assert jsonschema_rs.meta.is_valid(contents)
    assert "validator" not in compile_schema(contents, path.name, path, bundled=True).__dict__  # built on first use


def test_keys_a_jekyll_sites_templates_read_are_known_to_its_bundled_schema(tmp_path, monkeypatch, capsys):
    """al-folio's layouts read `page.redirect` and `page.authors`, and its blog list the `images` of each `post` of
    its loop, in an include the loop renders: no misspellings of `redirect_to`, `author` or `image` (its sample
    posts gave every al-folio site 5 SC006). A key no template reads is still one, and al-folio's empty
    `description:` is no value to Liquid, as to Hugo."""
    from fmlint.cli import main
    from fmlint.site.config import forget_sites

    front_matter = "title: A\ndescription:\nredirect: /b/\nauthors: [x]\nimages:\n  compare: true\ncategries: [a]\n"
    files = {
        "site/_config.yml": "title: x\n",
        "site/_layouts/post.liquid": '{% if page.redirect %}{{ page["authors"] }}{% endif %}',
        "site/_includes/list.html": "{% if item.images.compare %}{% endif %}",
        "site/_pages/blog.md": "---\ntitle: B\n---\n{% for item in paginator.posts %}{% include list.html %}{% endfor %}\n",
        "site/_posts/2024-01-01-a.md": f"---\n{front_matter}---\n",
    }
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "--select", "SC", "--no-cache", "site"])
    found = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["column"], d["code"], d["message"].split("`")[1]) for d in found] == [
        (8, 1, "SC006", "categries")
    ]
    (tmp_path / "site/_includes/list.html").write_text("{{ item.title }}")
    forget_sites()  # (as a new process would read it)
    main(["--format", "json", "--select", "SC", "--no-cache", "site"])
    assert [d["message"].split("`")[1] for d in json.loads(capsys.readouterr().out)] == ["images", "categries"]

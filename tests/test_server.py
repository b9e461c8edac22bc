"""``fmlint server`` end to end: a real LSP client (pytest-lsp) and ``python -m fmlint server`` over stdio."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from fmlint.rule_docs import render
from fmlint.rules import RULES_BY_CODE
from tests.lsp_session import (
    PROFILES,
    Client,
    change,
    diagnostics,
    edit,
    located,
    open_document,
    published,
    session,
)

pytestmark = pytest.mark.asyncio(loop_scope="function")
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "hugo-article.schema.json"

# A fault after CJK text and an emoji on its line, in each front-matter syntax, and its (start, end)
# characters in each encoding, counted by hand: 中 and 文 are 1 UTF-16 unit and 3 UTF-8 bytes, 😀 2
# units and 4 bytes
CJK_FAULTS = {
    "yaml": (
        "---\ntitle: x\ntags: [中文😀, true]\n---\n",
        "SC001",
        2,
        {"utf-32": (12, 16), "utf-16": (13, 17), "utf-8": (19, 23)},
    ),
    "toml": (
        '+++\ntitle = "x"\ntags = ["中文😀", true]\n+++\n',
        "SC001",
        2,
        {"utf-32": (15, 19), "utf-16": (16, 20), "utf-8": (22, 26)},
    ),
    "json": (
        '{"title": "中文😀", "titel": 1}\n',
        "SC002",
        0,
        {"utf-32": (17, 24), "utf-16": (18, 25), "utf-8": (24, 31)},
    ),
}


def hover_text(hover: types.Hover | None) -> str:
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


def at(uri: str, line: int, character: int) -> tuple[types.TextDocumentIdentifier, types.Position]:
    return types.TextDocumentIdentifier(uri), types.Position(line, character)


@pytest.mark.parametrize("profile", PROFILES)
async def test_ranges_after_cjk_and_emoji_in_each_encoding(profile: str, tmp_path: Path) -> None:
    encoding = PROFILES[profile]
    async with session(profile, tmp_path) as client:
        assert client.initialized_with.capabilities.position_encoding == encoding
        for kind, (text, code, line, columns) in CJK_FAULTS.items():
            uri = open_document(client, tmp_path / f"{kind}.md", text)
            start, end = columns[encoding]
            assert located(await diagnostics(client, uri, 1)) == [(code, line, start, line, end)], kind


async def test_line_breaks_are_lsp_line_breaks_only(tmp_path: Path) -> None:
    """CRLF, a lone CR (a line break to LSP, not to fmlint's index), a BOM, and U+2028 inside a title
    followed by an incremental edit below it (pygls's splitlines() would put that edit a line too high)."""
    async with session("visual-studio-code", tmp_path) as client:
        crlf = open_document(client, tmp_path / "crlf.md", "---\r\ntitle: x\r\ntitel: 1\r\n---\r\n")
        cr = open_document(client, tmp_path / "cr.md", "---\ntitle: x\rtitel: 1\n---\n")
        bom = open_document(client, tmp_path / "bom.md", "\ufeff---\ntitle: x\ntitel: 1\n---\n")
        separator = open_document(client, tmp_path / "u2028.md", '---\ntitle: "a\u2028b"\ndraft: 1\n---\n')
        assert located(await diagnostics(client, crlf, 1)) == [("SC002", 2, 0, 2, 5)]
        assert located(await diagnostics(client, cr, 1)) == [("SC002", 2, 0, 2, 5)]
        assert located(await diagnostics(client, bom, 1)) == [("SC002", 2, 0, 2, 5)]
        assert located(await diagnostics(client, separator, 1)) == [("SC001", 2, 7, 2, 8)]
        change(client, separator, 2, edit(2, 0, 2, 5, "drafts"))  # line 2 is `draft: 1`
        found = await diagnostics(client, separator, 2)
        assert located(found) == [("SC002", 2, 0, 2, 6)]
        assert "`drafts`" in found[0].message


async def test_a_change_gets_diagnostics_with_its_version_and_stale_ones_are_never_sent(tmp_path: Path) -> None:
    async with session("visual-studio-code", tmp_path, {"debounceMs": 300}) as client:
        uri = open_document(client, tmp_path / "post.md", "---\ntitle: x\ntitel: 1\n---\n")
        first = await published(client, uri, 1)
        assert located(list(first.diagnostics)) == [("SC002", 2, 0, 2, 5)]
        assert first.diagnostics[0].source == "fmlint"
        assert first.diagnostics[0].severity == types.DiagnosticSeverity.Error
        assert first.diagnostics[0].code_description is not None
        page = Path(first.diagnostics[0].code_description.href.removeprefix("file://"))
        assert page.read_text(encoding="utf-8") == render(RULES_BY_CODE["SC002"])
        change(client, uri, 2, edit(2, 0, 2, 5, "title"))  # a duplicate key now
        change(client, uri, 3, edit(2, 0, 2, 5, "draft"))  # within the debounce: version 2 is never linted
        third = await published(client, uri, 3)
        assert located(list(third.diagnostics)) == [("SC001", 2, 7, 2, 8)]
        assert [p.version for p in client.published if p.uri == uri] == [1, 3]
        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
        await _until(lambda: client.published[-1].version is None)
        assert client.published[-1].uri == uri and not client.published[-1].diagnostics


async def _until(condition, attempts: int = 2000) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    for _ in range(attempts):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never held")


async def _settles(client, count: int, wanted) -> list[types.Diagnostic]:  # type: ignore[no-untyped-def]
    """The diagnostics last published after the first ``count`` publications, once they are ``wanted``.

    A configuration file written in place may be read half-written by a lint already running when it is
    written (before the client reports the change): that lint's publication comes first, and the one made
    with the whole file after it."""
    try:
        await _until(lambda: len(client.published) > count and wanted(list(client.published[-1].diagnostics)))
    except AssertionError:
        raise AssertionError(f"last published: {client.published[-1]}") from None
    return list(client.published[-1].diagnostics)


async def test_on_save_mode_lints_on_save_only(tmp_path: Path) -> None:
    async with session("visual-studio-code", tmp_path, {"run": "onSave", "debounceMs": 0}) as client:
        uri = open_document(client, tmp_path / "post.md", "---\ntitle: x\n---\n")
        assert not (await published(client, uri, 1)).diagnostics
        change(client, uri, 2, edit(1, 0, 1, 5, "titel"))
        await client.text_document_hover_async(types.HoverParams(*at(uri, 1, 0)))  # a round trip
        assert [p.version for p in client.published] == [1]
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        assert [d.code for d in (await published(client, uri, 2)).diagnostics] == ["SC003", "SC002"]


async def test_pulled_diagnostics_are_unchanged_for_the_same_version(tmp_path: Path) -> None:
    async with session("neovim", tmp_path) as client:
        uri = open_document(client, tmp_path / "post.md", "---\ntitle: x\ntitel: 1\n---\n")
        identifier = types.TextDocumentIdentifier(uri)
        full = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(identifier))
        assert isinstance(full, types.RelatedFullDocumentDiagnosticReport) and full.result_id
        again = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(identifier, previous_result_id=full.result_id)
        )
        assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
        change(client, uri, 2, edit(2, 0, 2, 5, "draft"))
        assert located(await diagnostics(client, uri, 2)) == [("SC001", 2, 7, 2, 8)]
        assert client.published == []  # a pulling client is never pushed to


COMPLETION_CASES = {
    # kind: (text, cursor line, cursor character, the edit's range start character, a present key, the insert of `date`)
    "yaml": ("---\ntitle: x\n\n---\n", 2, 0, 0, "title", "date: "),
    "toml": ('+++\ntitle = "x"\n\n+++\n', 2, 0, 0, "title", "date = "),
    "json": ('{\n  "title": "x",\n  "da"\n}\n', 2, 5, 2, "title", '"date": '),  # the editor closed the quote
}


async def test_completion_lists_the_schemas_missing_keys_in_each_syntax(tmp_path: Path) -> None:
    async with session("visual-studio-code", tmp_path) as client:
        for kind, (text, line, character, start, present, insert) in COMPLETION_CASES.items():
            uri = open_document(client, tmp_path / f"{kind}.md", text)
            result = await client.text_document_completion_async(types.CompletionParams(*at(uri, line, character)))
            assert isinstance(result, types.CompletionList)
            items = {item.label: item for item in result.items}
            schema_keys = set(json.loads(SCHEMA.read_text())["properties"])
            assert set(items) == schema_keys - {present}, kind
            date = items["date"]
            assert isinstance(date.text_edit, types.TextEdit) and date.text_edit.new_text == insert
            assert date.text_edit.range.start == types.Position(line, start)
            assert date.documentation == types.MarkupContent(  # VS Code shows Markdown
                types.MarkupKind.Markdown,
                '**`date`** (string) — Date\n\nThe publication date the page is sorted by, e.g. "2025-02-07 11:51:26".',
            )


NESTED_CASES = {
    "yaml": ("---\ntitle: x\nbuild:\n  list: never\n  \n---\n", (4, 2), "---\ntitle: x\nsidebar: \n---\n", (2, 9)),
    "toml": (
        '+++\ntitle = "x"\n[build]\nlist = "never"\n\n+++\n',
        (4, 0),
        '+++\ntitle = "x"\nsidebar = \n+++\n',
        (2, 10),
    ),
    "json": ('{"title": "x", "build": {"list": "never", ""}}\n', (1 - 1, 43), '{"title": "x", "sidebar": }\n', (0, 26)),
}
SIDEBAR = {"yaml": ["left", "right", "none", '""'], "toml": ['"left"', '"right"', '"none"', '""']}


async def test_completion_of_nested_keys_enum_values_and_booleans(tmp_path: Path) -> None:
    async with session("emacs", tmp_path) as client:
        for kind, (nested, (line, character), valued, (value_line, value_character)) in NESTED_CASES.items():
            uri = open_document(client, tmp_path / f"nested-{kind}.md", nested)
            result = await client.text_document_completion_async(types.CompletionParams(*at(uri, line, character)))
            assert isinstance(result, types.CompletionList)
            assert sorted(item.label for item in result.items) == ["publishResources", "render"], kind
            uri = open_document(client, tmp_path / f"value-{kind}.md", valued)
            result = await client.text_document_completion_async(
                types.CompletionParams(*at(uri, value_line, value_character))
            )
            assert isinstance(result, types.CompletionList)
            assert [item.label for item in result.items] == SIDEBAR.get(kind, SIDEBAR["toml"]), kind
        uri = open_document(client, tmp_path / "bool.md", "---\ntitle: x\ndraft: t\n---\n")
        result = await client.text_document_completion_async(types.CompletionParams(*at(uri, 2, 8)))
        assert isinstance(result, types.CompletionList)
        assert [item.label for item in result.items] == ["true", "false"]
        assert result.items[0].text_edit == types.TextEdit(
            types.Range(types.Position(2, 7), types.Position(2, 8)), "true"
        )


async def test_hover_on_a_key_a_diagnostic_and_a_suppression_comment(tmp_path: Path) -> None:
    text = "---\ntitle: x\nsidebar: top\n---\n\nText <!-- fmlint-disable-line MD001, MKD002 -->\n"
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, tmp_path / "post.md", text)
        await diagnostics(client, uri, 1)
        key = await client.text_document_hover_async(types.HoverParams(*at(uri, 2, 3)))
        assert hover_text(key).startswith("**`sidebar`**")
        assert 'One of: `"left"`, `"right"`, `"none"`, `""`' in hover_text(key)
        assert key is not None and key.range == types.Range(types.Position(2, 0), types.Position(2, 7))
        value = await client.text_document_hover_async(types.HoverParams(*at(uri, 2, 10)))
        assert hover_text(value) == render(RULES_BY_CODE["SC001"])
        comment = await client.text_document_hover_async(types.HoverParams(*at(uri, 5, 20)))
        md001, mkd002 = RULES_BY_CODE["MD001"], RULES_BY_CODE["MKD002"]
        assert f"- `MD001` {md001.name}: {md001.summary}" in hover_text(comment)
        assert f"- `MKD002` {mkd002.name}: {mkd002.summary}" in hover_text(comment)


async def test_definition_goes_to_the_key_in_the_schema_file(tmp_path: Path) -> None:
    schema = tmp_path / "schemas" / "post.schema.json"
    schema.parent.mkdir()
    schema.write_text(
        '{\n  "type": "object",\n  "properties": {\n    "名前": {"$ref": "#/$defs/name"},\n'
        '    "author": {"type": "object", "properties": {"name": {"type": "string"}}}\n  },\n'
        '  "$defs": {"name": {"type": "string"}}\n}\n',
        encoding="utf-8",
    )
    (tmp_path / ".fmlint.toml").write_text('schema = "schemas/post.schema.json"\n', encoding="utf-8")
    async with session("neovim", tmp_path) as client:
        uri = open_document(client, tmp_path / "post.md", "---\n名前: x\nauthor:\n  name: y\n---\n")
        found = await client.text_document_definition_async(types.DefinitionParams(*at(uri, 1, 2)))
        assert found == types.Location(schema.as_uri(), types.Range(types.Position(3, 4), types.Position(3, 12)))
        nested = await client.text_document_definition_async(types.DefinitionParams(*at(uri, 3, 3)))
        assert nested == types.Location(schema.as_uri(), types.Range(types.Position(4, 48), types.Position(4, 54)))
        name = types.Location(schema.as_uri(), types.Range(types.Position(3, 4), types.Position(3, 12)))
        toml = open_document(client, tmp_path / "toml.md", '+++\n"名前" = "x"\n+++\n')
        assert await client.text_document_definition_async(types.DefinitionParams(*at(toml, 1, 3))) == name
        json_uri = open_document(client, tmp_path / "json.md", '{"author": {}, "名前": "x"}\n')
        # Neovim counts UTF-8 bytes: `{"author": {}, "` is 16 bytes, 名 3 more
        assert await client.text_document_definition_async(types.DefinitionParams(*at(json_uri, 0, 19))) == name
        assert await client.text_document_definition_async(types.DefinitionParams(*at(json_uri, 0, 12))) is None


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """An ASCII document with ``edits`` applied (positions are then characters)."""
    starts = [0, *(index + 1 for index, char in enumerate(text) if char == "\n")]
    for text_edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = starts[text_edit.range.start.line] + text_edit.range.start.character
        end = starts[text_edit.range.end.line] + text_edit.range.end.character
        text = text[:start] + text_edit.new_text + text[end:]
    return text


async def test_suppress_on_this_line_and_open_rule_documentation(tmp_path: Path) -> None:
    text = "---\ntitle: x\ntitel: 1\n---\n\n# Heading\n"
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, tmp_path / "post.md", text)
        assert [d.code for d in await diagnostics(client, uri, 1)] == ["SC002", "MD025"]
        expected = {
            2: "---\ntitle: x\ntitel: 1  # fmlint-disable-line SC002\n---\n\n# Heading\n",
            5: "---\ntitle: x\ntitel: 1\n---\n\n# Heading <!-- fmlint-disable-line MD025 -->\n",
        }
        for line, suppressed in expected.items():
            wanted = types.Range(types.Position(line, 0), types.Position(line, 0))
            found = await client.text_document_code_action_async(
                types.CodeActionParams(types.TextDocumentIdentifier(uri), wanted, types.CodeActionContext([]))
            )
            assert found is not None
            code = "SC002" if line == 2 else "MD025"
            titles = [action.title for action in found]
            fixes = [] if line == 2 else ["make it a level-2 heading (unsafe)"]
            assert titles == [*fixes, f"Suppress {code} on this line", f"Open rule documentation for {code}"]
            suppress = found[len(fixes)]
            assert isinstance(suppress, types.CodeAction) and suppress.edit and suppress.edit.changes
            assert _apply(text, list(suppress.edit.changes[uri])) == suppressed
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams("fmlint.openRuleDocumentation", ["MD025"])
        )
        assert [Path(shown.uri.removeprefix("file://")).name for shown in client.shown_documents] == ["MD025.md"]
        change(client, uri, 2, types.TextDocumentContentChangeWholeDocument(expected[2]))
        assert [d.code for d in await diagnostics(client, uri, 2)] == ["MD025"]


async def test_suppression_is_not_offered_where_a_comment_would_change_the_data(tmp_path: Path) -> None:
    """In a YAML block scalar a `#` is text, and JSON has no comments."""
    block = "---\ntitle: x\nsummary: |\n  text\ntitel: 1\n---\n"
    async with session("visual-studio-code", tmp_path) as client:
        for name, text, line in (("block.md", block, 3), ("json.md", '{"title": "x", "titel": 1}\n', 0)):
            uri = open_document(client, tmp_path / name, text)
            await diagnostics(client, uri, 1)
            wanted = types.Range(types.Position(line, 0), types.Position(line, 40))
            found = await client.text_document_code_action_async(
                types.CodeActionParams(types.TextDocumentIdentifier(uri), wanted, types.CodeActionContext([]))
            )
            assert found is not None
            assert not [action.title for action in found if action.title.startswith("Suppress")], name


async def test_configuration_and_schema_changes_are_reloaded(tmp_path: Path) -> None:
    config = tmp_path / ".fmlint.toml"
    schema = tmp_path / "post.schema.json"
    schema.write_text('{"type": "object", "properties": {"title": {"type": "string"}}}', encoding="utf-8")
    config.write_text('schema = "post.schema.json"\n', encoding="utf-8")
    async with session("visual-studio-code", tmp_path) as client:
        await _until(lambda: bool(client.registrations))
        assert {r.method for r in client.registrations} == {types.WORKSPACE_DID_CHANGE_WATCHED_FILES}
        uri = open_document(client, tmp_path / "post.md", "---\ntitle: x\nsubtitle: y\n---\n\n# Heading\n")
        assert [d.code for d in await diagnostics(client, uri, 1)] == ["MD025"]  # the schema allows any key
        schema.write_text(
            '{"type": "object", "properties": {"title": {"type": "string"}}, "additionalProperties": false}',
            encoding="utf-8",
        )
        config.write_text('schema = "post.schema.json"\nignore = ["MD025"]\n', encoding="utf-8")
        count = len(client.published)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [
                    types.FileEvent(schema.as_uri(), types.FileChangeType.Changed),
                    types.FileEvent(config.as_uri(), types.FileChangeType.Changed),
                ]
            )
        )
        assert await _settles(client, count, lambda found: located(found) == [("SC002", 2, 0, 2, 8)])
        config.write_text('schema = "missing.schema.json"\n', encoding="utf-8")
        count = len(client.published)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(config.as_uri(), types.FileChangeType.Changed)])
        )
        (error,) = await _settles(client, count, lambda found: len(found) == 1)
        assert error.message.startswith("fmlint configuration: ") and "missing.schema.json" in error.message
        config.write_text('force-exclude = true\nextend-exclude = ["post.md"]\n', encoding="utf-8")
        count = len(client.published)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(config.as_uri(), types.FileChangeType.Changed)])
        )
        assert not await _settles(client, count, lambda found: not found)  # excluded, as `--stdin-filename` would


async def test_a_site_configuration_created_while_open_is_seen(tmp_path: Path) -> None:
    """Where the site root is was remembered for the life of the process: a `hugo.toml` added later is seen
    once the client reports it (here: `/images/a.png` is then looked for under the site's `static/`)."""
    async with session("visual-studio-code", tmp_path) as client:
        await _until(lambda: bool(client.registrations))
        (watch,) = client.registrations
        assert "**/hugo.toml" in [w["globPattern"] for w in watch.register_options["watchers"]]
        post = tmp_path / "content" / "post.md"
        post.parent.mkdir()
        post.write_text("---\ntitle: x\n---\n![a chart](/images/a.png)\n", encoding="utf-8")  # IMG006 reads the disk
        uri = open_document(client, post, post.read_text(encoding="utf-8"))
        assert not [d for d in await diagnostics(client, uri, 1) if d.code == "IMG006"]  # no site: nowhere to look
        site = tmp_path / "hugo.toml"
        site.write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
        count = len(client.published)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(site.as_uri(), types.FileChangeType.Created)])
        )
        await _until(lambda: any(d.code == "IMG006" for p in client.published[count:] for d in p.diagnostics))
        (found,) = [d for p in client.published[count:] for d in p.diagnostics if d.code == "IMG006"]
        assert located([found]) == [("IMG006", 3, 11, 3, 24)]
        assert "looked for static/images/a.png" in found.message


@pytest.mark.parametrize("where", ["src/content.config.ts", "src/content/config.ts"])  # (Astro 5's, 2–4's)
async def test_a_content_configuration_changed_while_open_is_read_again(tmp_path: Path, where: str) -> None:
    """An Astro collection's schema (``src/content.config.ts``; before Astro 5, ``src/content/config.ts``, watched
    by its path) gains a required key while an entry is open: once the client reports the change, the entry is
    checked against it."""
    (tmp_path / "astro.config.mjs").write_text("export default {};\n", encoding="utf-8")
    config = tmp_path / where
    config.parent.mkdir(parents=True)
    schema = "const blog = defineCollection({ loader: glob({ pattern: '*.md', base: './src/blog' }), schema: ZOD })\n"
    config.write_text(
        schema.replace("ZOD", "z.object({ title: z.string() })") + "export const collections = { blog }\n"
    )
    post = tmp_path / "src" / "blog" / "post.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    async with session("visual-studio-code", tmp_path) as client:
        await _until(lambda: bool(client.registrations))
        (watch,) = client.registrations
        watched = {"src/content.config.ts": "**/content.config.ts", "src/content/config.ts": "**/src/content/config.ts"}
        assert watched[where] in [w["globPattern"] for w in watch.register_options["watchers"]]
        uri = open_document(client, post, post.read_text(encoding="utf-8"))
        assert not [d for d in await diagnostics(client, uri, 1) if d.code == "SC003"]
        config.write_text(
            schema.replace("ZOD", "z.object({ title: z.string(), pubDate: z.date() })")
            + "export const collections = { blog }\n"
        )
        count = len(client.published)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(config.as_uri(), types.FileChangeType.Changed)])
        )
        await _until(lambda: any(d.code == "SC003" for p in client.published[count:] for d in p.diagnostics))
        (found,) = [d for p in client.published[count:] for d in p.diagnostics if d.code == "SC003"]
        assert found.message == "missing required key `pubDate`"
        assert located([found]) == [("SC003", 0, 0, 0, 3)]  # (the front matter's opening `---`, as on the command line)


CRASHING_SERVER = [
    sys.executable,
    "-c",
    "from fmlint.rules import CHECKERS\n"
    "checker = next(c for c in CHECKERS if 'MD025' in c.codes)\n"
    "def crash(ctx, options):\n    raise RuntimeError('boom')\n"
    "import msgspec\nmsgspec.structs.force_setattr(checker, 'check', crash)\n"
    "from fmlint.server import main\nraise SystemExit(main(['server']))\n",
]


@pytest.mark.slow
async def test_a_crashing_rule_is_an_x001_diagnostic_and_the_server_lives_on(tmp_path: Path) -> None:
    async with session("visual-studio-code", tmp_path, command=CRASHING_SERVER) as client:
        uri = open_document(client, tmp_path / "post.md", "---\ntitle: x\ntitel: 1\n---\n\n# Heading\n")
        found = await diagnostics(client, uri, 1)
        assert [d.code for d in found] == ["X001", "SC002"]
        assert "crashed: RuntimeError: boom" in found[0].message
        hover = await client.text_document_hover_async(types.HoverParams(*at(uri, 1, 1)))
        assert hover_text(hover).startswith("**`title`**")


async def test_exit_ends_the_server(tmp_path: Path) -> None:
    async with session("emacs", tmp_path) as client:
        open_document(client, tmp_path / "post.md", "---\ntitle: x\n---\n")
    assert client._server is not None and client._server.returncode == 0


@pytest.mark.slow
async def test_a_one_megabyte_document_is_linted_and_the_server_answers(tmp_path: Path) -> None:
    body = "".join(
        f"Paragraph {i} with some text, 中文 and a [link](https://example.com/{i}).\n\n" for i in range(14_000)
    )
    text = f"---\ntitle: x\ntitel: 1\n---\n\n{body}"
    assert len(text.encode()) > 1_000_000
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, tmp_path / "big.md", text)
        hover = await client.text_document_hover_async(types.HoverParams(*at(uri, 1, 1)))
        assert hover_text(hover).startswith("**`title`**")
        found = await diagnostics(client, uri, 1)
        assert ("SC002", 2, 0, 2, 5) in located(found)


FIXABLE = (
    '\ufeff---\r\ntitle: 中文😀\r\nlayout: yes\r\ndraft: "yes"\r\n---\r\n\r\n'
    "中文😀 <!-- fmlint-disable-line MD001 -->\r\n\r\n<!-- fmlint-disable-line MD036 -->\r\n"
)


def _offset(text: str, position: types.Position, encoding: str) -> int:
    """Where an LSP position is in ``text`` (lines end at CR, LF or CRLF; columns in ``encoding``'s units)."""
    starts = [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", text))]
    offset, units = starts[position.line], 0
    while units < position.character:
        units += len(text[offset].encode(encoding.replace("utf-16", "utf-16-le").replace("utf-32", "utf-32-le")))
        offset += 1
    return offset


def _applied(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
    for text_edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = _offset(
            text, types.Position(text_edit.range.start.line, text_edit.range.start.character * width), encoding
        )
        end = _offset(text, types.Position(text_edit.range.end.line, text_edit.range.end.character * width), encoding)
        text = text[:start] + text_edit.new_text + text[end:]
    return text


async def _actions(client: Client, uri: str, line: int, only: list[str] | None = None) -> list[types.CodeAction]:
    wanted = types.Range(types.Position(line, 0), types.Position(line, 99))
    found = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), wanted, types.CodeActionContext([], only=only))
    )
    return [action for action in found or [] if isinstance(action, types.CodeAction)]


@pytest.mark.parametrize("profile", PROFILES)
async def test_fixes_apply_to_what_fmlint_fix_writes(profile: str, tmp_path: Path) -> None:
    """Quick fixes and fix-all on a document with a BOM, CRLF, CJK and an emoji, in each encoding."""
    cli = [sys.executable, "-m", "fmlint", "--fix", "--stdin-filename", "post.md"]
    expected = subprocess.run(cli, input=FIXABLE.encode(), capture_output=True, cwd=tmp_path, check=False).stdout
    assert expected.decode("utf-8").count("fmlint-disable") == 0 and 'layout: "yes"' in expected.decode()
    encoding = PROFILES[profile]
    async with session(profile, tmp_path) as client:
        uri = open_document(client, tmp_path / "post.md", FIXABLE)
        await diagnostics(client, uri, 1)
        (fix_all,) = await _actions(client, uri, 0, only=[types.CodeActionKind.SourceFixAll])
        assert fix_all.kind == "source.fixAll.fmlint" and fix_all.edit and fix_all.edit.changes
        assert _applied(FIXABLE, list(fix_all.edit.changes[uri]), encoding).encode() == expected
        draft = await _actions(client, uri, 3)  # (Open rule documentation is a command, left out by _actions)
        assert [a.title for a in draft] == [
            "write true (unsafe)",
            "Suppress SC001 on this line",
            "fmlint: fix all safe problems",
        ]
        assert draft[0].edit and draft[0].edit.changes
        assert "draft: true\r\n" in _applied(FIXABLE, list(draft[0].edit.changes[uri]), encoding)
        comment = await _actions(client, uri, 6)
        titles = [a.title for a in comment]
        assert titles[:2] == ["remove the unused suppression comment", "Fix all SUP001 problems in this file"]
        assert comment[1].edit and comment[1].edit.changes
        both = _applied(FIXABLE, list(comment[1].edit.changes[uri]), encoding)
        assert both == FIXABLE.replace(" <!-- fmlint-disable-line MD001 -->", "").replace(
            "\r\n<!-- fmlint-disable-line MD036 -->\r\n", "\r\n"
        )
        client.set_configuration({"fixAll": False, "debounceMs": 20}, section="fmlint")
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        await _until_async(lambda: _actions(client, uri, 0, only=[types.CodeActionKind.SourceFixAll]))


async def _until_async(found) -> None:  # type: ignore[no-untyped-def]
    """Until ``found()`` gives nothing (the server has read a changed setting)."""
    for _ in range(200):
        if not await found():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the setting was never read")

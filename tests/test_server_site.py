"""``fmlint server`` and the site rules: a collision with an unchanged file, for the version opened or saved."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp_session import PROFILES, change, diagnostics, edit, located, open_document, session
from tests.test_server import _actions, _applied
from tests.test_site_rules import page, write

pytestmark = pytest.mark.asyncio(loop_scope="function")
SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "content/posts/slugged.md": page('title: "S"', 'slug: "taken"'),
    "content/posts/taken.md": page('title: "Taken"'),
}


def codes(found: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return [place for place in located(found) if place[0].startswith("SITE")]


@pytest.mark.parametrize("profile", ["visual-studio-code", "neovim"])
async def test_site_findings_for_the_opened_and_the_saved_version(profile: str, tmp_path: Path) -> None:
    write(tmp_path, SITE)
    path = tmp_path / "content/posts/slugged.md"
    async with session(profile, tmp_path) as client:
        uri = open_document(client, path, path.read_text(encoding="utf-8"))
        found = await _eventually(client, uri, 1, lambda found: bool(codes(found)))
        assert codes(found) == [("SITE001", 2, 6, 2, 13)]  # `"taken"` on line 3, 0-based 2
        assert "content/posts/taken.md:1" in next(d.message for d in found if d.code == "SITE001")
        change(client, uri, 2, edit(2, 6, 2, 13, '"free"'))  # unsaved: the file's own findings only
        assert codes(await diagnostics(client, uri, 2)) == []
        change(client, uri, 3, edit(2, 6, 2, 12, '"taken"'))
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        found = await _eventually(client, uri, 3, lambda found: bool(codes(found)))
        assert codes(found) == [("SITE001", 2, 6, 2, 13)]


async def _eventually(client, uri: str, version: int, condition) -> list[types.Diagnostic]:  # type: ignore[no-untyped-def]
    """The diagnostics of ``version`` once ``condition`` holds for them (a push client gets the site
    findings in a second publication)."""
    for _ in range(500):
        found = await diagnostics(client, uri, version)
        if condition(found):
            return found
        published = [p for p in client.published if p.uri == uri and p.version == version]
        if published and condition(list(published[-1].diagnostics)):
            return list(published[-1].diagnostics)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no such diagnostics for version {version}: {client.published}")


async def test_an_opened_document_is_linted_once_and_its_site_pass_reuses_that(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The scheduler itself (in this process): the file's own findings are published, then the site pass
    adds its findings to that same lint instead of linting the text again."""
    from fmlint.server import diagnostics as scheduling
    from fmlint.server.configuration import Configuration
    from fmlint.server.text import TextBuffer

    write(tmp_path, SITE)
    path = tmp_path / "content/posts/slugged.md"
    linted: list[str] = []
    real = scheduling.lint_file
    monkeypatch.setattr(scheduling, "lint_file", lambda doc, settings: linted.append(doc.path) or real(doc, settings))
    uri = path.as_uri()
    buffers = {uri: TextBuffer(uri, str(path), path.read_text(encoding="utf-8"), 1, "utf-16")}
    published: list[types.PublishDiagnosticsParams] = []
    scheduler = scheduling.DiagnosticsScheduler(Configuration(tmp_path), buffers, published.append)
    scheduler.opened(uri)
    while scheduler._pending:
        await asyncio.gather(*scheduler._pending.values())
    assert linted == [str(path)]
    own, with_site = ([d.code for d in p.diagnostics] for p in published)
    assert "SITE001" not in own and sorted(with_site) == sorted([*own, "SITE001"])


async def test_a_starlight_page_gets_its_broken_links_in_utf16_columns(tmp_path: Path) -> None:
    """An MDX page of a Starlight site: a root-relative Markdown link after an emoji (two UTF-16 units) and a
    JSX `href`, each reported at its destination; the fallback page of a translation is no fault."""
    body = '🚀 [x](/gone/) [y](/fr/guide/)\n\n<LinkCard title="G" href="/missing/" />\n'
    write(
        tmp_path,
        {
            "astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
            "export default {integrations: [starlight({locales: {root: {}, fr: {}}})]};\n",
            "src/content/docs/guide.md": page('title: "Guide"'),
            "src/content/docs/index.mdx": page('title: "Home"', body=body),
        },
    )
    path = tmp_path / "src/content/docs/index.mdx"
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, path, path.read_text(encoding="utf-8"))
        found = await _eventually(client, uri, 1, lambda found: len(codes(found)) == 2)
        assert codes(found) == [("SITE003", 4, 7, 4, 13), ("SITE003", 6, 26, 6, 35)]


def _linking_site(root: Path, target: str, heading: str, body: str) -> tuple[Path, str]:
    """A Hugo site whose page ``content/docs/use.md`` (returned with its text) holds ``body``, and whose page
    ``target`` has a heading ``heading``."""
    write(
        root,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            target: page('title: "Install"', body=f"## {heading}\n"),
            "content/docs/use.md": page('title: "Use"', body=body),
        },
    )
    path = root / "content/docs/use.md"
    return path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("profile", ["visual-studio-code", "neovim"])
async def test_a_broken_anchor_has_a_quick_fix_and_fix_all_applies_it(profile: str, tmp_path: Path) -> None:
    """A site finding's fix is a code action of the version opened (unsafe, as its title says); counted as
    safe by the configuration, ``source.fixAll`` applies it as ``fmlint --fix`` does (after an emoji: two
    UTF-16 units, four UTF-8 bytes)."""
    body = '🚀 {{< ref "install#Setup-Guide" >}} and [x](#Here)\n\n## Here\n'
    path, text = _linking_site(tmp_path, "content/docs/install.md", "Setup Guide", body)
    async with session(profile, tmp_path) as client:
        uri = open_document(client, path, text)
        await _eventually(client, uri, 1, lambda found: len(codes(found)) == 2)
        actions = await _actions(client, uri, 4)
        titles = [action.title for action in actions]
        assert titles[:2] == ["Link to `#setup-guide` (unsafe)", "Link to `#here` (unsafe)"]
        first = actions[0].edit
        assert first is not None and first.changes is not None
        fixed = text.replace("#Setup-Guide", "#setup-guide")
        assert _applied(text, list(first.changes[uri]), PROFILES[profile]) == fixed
        assert await _actions(client, uri, 0, only=[types.CodeActionKind.SourceFixAll]) == []
    (tmp_path / ".fmlint.toml").write_text('extend-safe-fixes = ["SITE004"]\n', encoding="utf-8")
    async with session(profile, tmp_path) as client:
        uri = open_document(client, path, text)
        await _eventually(client, uri, 1, lambda found: len(codes(found)) == 2)
        titles = [action.title for action in await _actions(client, uri, 4)]
        assert titles[:3] == ["Link to `#setup-guide`", "Link to `#here`", "Fix all SITE004 problems in this file"]
        (fix_all,) = await _actions(client, uri, 0, only=[types.CodeActionKind.SourceFixAll])
        assert fix_all.edit is not None and fix_all.edit.changes is not None
        both = fixed.replace("#Here", "#here")
        assert _applied(text, list(fix_all.edit.changes[uri]), PROFILES[profile]) == both


async def test_a_reference_is_located_in_the_text_opened_not_the_file_on_disk(tmp_path: Path) -> None:
    """The site rules run for the version opened, which the editor may hold unsaved: a broken reference is
    reported where that text has it (the facts keep its offsets; the file on disk is not read for it)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/docs/use.md": page('title: "Use"', body='{{< ref "gone" >}}\n'),
        },
    )
    path = tmp_path / "content/docs/use.md"
    opened = path.read_text(encoding="utf-8").replace('{{< ref "gone" >}}', 'Added.\n\n🚀 {{< ref "gone" >}}')
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, path, opened)
        found = await _eventually(client, uri, 1, lambda found: bool(codes(found)))
        assert codes(found) == [("SITE003", 6, 12, 6, 16)]  # line 7 of the buffer (the file has it on line 5)


async def test_a_reference_to_a_moved_page_has_a_quick_fix_writing_its_path(tmp_path: Path) -> None:
    """SITE003's fix (the only page of the name the path ends with) is a code action too, after an emoji."""
    body = '🚀 [x](old/install.md#setup) {{< ref "/docs/old/install" >}}\n'
    path, text = _linking_site(tmp_path, "content/docs/new/install.md", "Setup", body)
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, path, text)
        found = await _eventually(client, uri, 1, lambda found: len(codes(found)) == 2)
        assert codes(found) == [("SITE003", 4, 7, 4, 27), ("SITE003", 4, 38, 4, 55)]
        actions = await _actions(client, uri, 4)
        assert [action.title for action in actions][:2] == [
            "Link to `new/install.md` (unsafe)",
            "Link to `/docs/new/install` (unsafe)",
        ]
        edits = [
            edit for action in actions[:2] if action.edit and action.edit.changes for edit in action.edit.changes[uri]
        ]
        fixed = text.replace("old/install.md", "new/install.md").replace('"/docs/old/install"', '"/docs/new/install"')
        assert _applied(text, edits, PROFILES["visual-studio-code"]) == fixed


GO_TO = {  # a page whose heading is reached by a ref, a root-relative URL and a relative link, each after an emoji
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "content/docs/guide/install.md": page(
        'title: "Install"', body="中文 intro\n\n## Setup\n\n## 🎉 Setup\n\n## Setup\n"
    ),
    "content/docs/other.md": page('title: "Other"'),
    "content/docs/use.md": page(
        'title: "Use"',
        body='🚀 {{< ref "guide/install#setup-1" >}} [u](/docs/guide/install/#-setup) [r](guide/install.md)\n'
        "[g](gone.md) [s](#mine) [o](other.md#nowhere)\n\n## Mine\n",
    ),
}


@pytest.mark.parametrize("profile", ["visual-studio-code", "neovim"])
async def test_go_to_definition_from_a_link_to_the_page_and_heading_it_leads_to(profile: str, tmp_path: Path) -> None:
    """The page a reference leads to (as the site rules resolve it), at the heading its fragment names (the
    duplicate suffixes counted; the heading after CJK text and an emoji); its top without a fragment or for an
    ID that is none; nothing for a link to no page, nor outside a link."""
    write(tmp_path, GO_TO)
    path = tmp_path / "content/docs/use.md"
    text = path.read_text(encoding="utf-8")
    install = (tmp_path / "content/docs/guide/install.md").as_uri()
    other = (tmp_path / "content/docs/other.md").as_uri()
    emoji = 2 if PROFILES[profile] == "utf-16" else 4  # 🚀 and 🎉: UTF-16 units, UTF-8 bytes
    async with session(profile, tmp_path) as client:
        uri = open_document(client, path, text)

        async def definition(line: int, character: int) -> types.Location | None:
            found = await client.text_document_definition_async(
                types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
            )
            assert found is None or isinstance(found, types.Location)
            return found

        def heading(line: int, end: int) -> types.Range:
            return types.Range(types.Position(line, 0), types.Position(line, end))

        top = types.Range(types.Position(0, 0), types.Position(0, 0))
        line = next(number for number, each in enumerate(text.splitlines()) if each.startswith("🚀"))
        ref = emoji + len(' {{< ref "') + 3
        url = emoji + text.splitlines()[line][1:].index("/docs/guide") + 2
        relative = emoji + text.splitlines()[line][1:].index("guide/install.md") + 1
        assert await definition(line, ref) == types.Location(install, heading(10, 8))  # `#setup-1`: the third
        assert await definition(line, url) == types.Location(install, heading(8, 9 + emoji))  # `## 🎉 Setup`
        assert await definition(line, relative) == types.Location(install, top)
        below = text.splitlines()[line + 1]
        assert await definition(line + 1, below.index("gone.md") + 1) is None
        assert await definition(line + 1, below.index("#mine") + 1) == types.Location(uri, heading(line + 3, 7))
        assert await definition(line + 1, below.index("other.md") + 1) == types.Location(other, top)  # (no heading)
        assert await definition(line, 0) is None  # (the emoji: no link)


INCLUDED = {  # a page showing another file's headings through `{{% include %}}`, and links with `param` shortcodes
    "hugo.toml": 'baseURL = "https://example.org/"\n[params]\nversion = "v1"\n',
    "content/docs/_shared/steps.md": page('title: "Steps"', "build: {render: never}", body="Intro\n\n## 🎉 Build it\n"),
    "content/docs/v1/install.md": page(
        'title: "Install"', body='## Setup\n\n{{% include "docs/_shared/steps.md" %}}\n'
    ),
    "content/docs/use.md": page(
        'title: "Use"',
        body="[i](v1/install.md#-build-it) [p](/docs/{{< param version >}}/install/#setup)\n",
    ),
}


async def test_go_to_definition_into_an_included_file_and_through_a_param_shortcode(tmp_path: Path) -> None:
    """A fragment whose heading an included file shows leads into that file; a link whose destination holds
    Hugo's `param` shortcode leads where its value makes it lead."""
    write(tmp_path, INCLUDED)
    path = tmp_path / "content/docs/use.md"
    text = path.read_text(encoding="utf-8")
    line = next(number for number, each in enumerate(text.splitlines()) if each.startswith("[i]"))
    async with session("visual-studio-code", tmp_path) as client:
        uri = open_document(client, path, text)

        async def definition(character: int) -> types.Location | None:
            found = await client.text_document_definition_async(
                types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
            )
            assert found is None or isinstance(found, types.Location)
            return found

        def heading(file: str, written: str) -> types.Location:
            """The heading line ``written`` of ``file``, its end in UTF-16 units (🎉 is two)."""
            number = INCLUDED[file].splitlines().index(written)
            end = len(written.encode("utf-16-le")) // 2
            return types.Location(
                (tmp_path / file).as_uri(), types.Range(types.Position(number, 0), types.Position(number, end))
            )

        written = text.splitlines()[line]
        assert await definition(written.index("build-it")) == heading("content/docs/_shared/steps.md", "## 🎉 Build it")
        assert await definition(written.index("param")) == heading("content/docs/v1/install.md", "## Setup")


async def test_go_to_definition_from_a_hexo_post_link(tmp_path: Path) -> None:
    """A Hexo post's `{% post_link slug#fragment %}` leads to the post and the heading hexo-renderer-marked gives
    that ID (case kept, the emoji in it); its broken fragment gets a finding with a quick fix."""
    write(
        tmp_path,
        {
            "_config.yml": "title: Blog\n",
            "package.json": '{"dependencies": {"hexo": "^8.1.2", "hexo-renderer-marked": "^7.0.1"}}',
            "source/_posts/guide.md": page("title: Guide", "date: 2024-01-02", body="## 🎉 Set Up\n"),
            "source/_posts/use.md": page(
                "title: Use", "date: 2024-01-03", body="{% post_link guide#🎉-Set-Up %} {% post_link guide#set-up %}\n"
            ),
        },
    )
    path = tmp_path / "source/_posts/use.md"
    text = path.read_text(encoding="utf-8")
    guide = (tmp_path / "source/_posts/guide.md").as_uri()
    async with session("neovim", tmp_path) as client:
        uri = open_document(client, path, text)
        found = await _eventually(client, uri, 1, lambda found: bool(codes(found)))
        assert codes(found) == [("SITE004", 5, 47, 5, 59)]  # (UTF-8 bytes: the emoji is four)
        location = await client.text_document_definition_async(
            types.DefinitionParams(types.TextDocumentIdentifier(uri), types.Position(5, 16))
        )
        assert location == types.Location(guide, types.Range(types.Position(5, 0), types.Position(5, 14)))


@pytest.mark.parametrize("profile", ["visual-studio-code", "neovim"])
async def test_a_shortcode_that_fails_the_build_is_shown_with_its_safe_fix(profile: str, tmp_path: Path) -> None:
    """SITE008 in the editor: the unsaved buffer's tags, after an emoji, and the fix that drops a `/`."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_shortcodes/note.html": "<p>{{ .Inner }}</p>",
            "content/docs/use.md": page('title: "Use"'),
        },
    )
    path = tmp_path / "content/docs/use.md"
    text = page('title: "Use"', body='🚀 {{< youtube id="x" />}} {{< note >}}\n')
    async with session(profile, tmp_path) as client:
        uri = open_document(client, path, text)
        found = await _eventually(client, uri, 1, lambda found: len(codes(found)) == 2)
        start = 3 if profile == "visual-studio-code" else 5  # (🚀: two UTF-16 units, four bytes)
        assert codes(found) == [("SITE008", 4, start, 4, start + 23), ("SITE008", 4, start + 24, 4, start + 36)]
        actions = await _actions(client, uri, 4)
        assert actions[0].title == "Write the `youtube` tag without its `/`"
        assert actions[0].edit is not None and actions[0].edit.changes is not None
        fixed = text.replace('"x" />}}', '"x" >}}')
        assert _applied(text, list(actions[0].edit.changes[uri]), PROFILES[profile]) == fixed

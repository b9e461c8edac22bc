"""A reference to a page that moved (SITE003): the page it likely names, at the reference's exact place, and
``fmlint --fix --unsafe-fixes`` writing its path — Hugo's build is the oracle: each path written is a page's."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from fmlint.cache import ResultCache
from fmlint.cli import main
from fmlint.site.refs import moved_name
from tests.test_site_fixes import FIX_UNSAFE, lint
from tests.test_site_redirect_templates import REDIRECTS_OUTPUT, TWO_LANGUAGES_YAML
from tests.test_site_rules import HUGO, HUGO_DOCS, _quiet_env, at, needs_hugo, page, site_findings, write

LINKS = [  # (as written, as --fix --unsafe-fixes writes it; None: named no page, nothing likely meant)
    ('{{< ref "/docs/old/install" >}}', '{{< ref "/docs/new/install" >}}'),
    ('{{< relref "/docs/old/install.md#options" >}}', '{{< relref "/docs/new/install.md#options" >}}'),
    ('{{< ref "old/install/" >}}', '{{< ref "/docs/new/install/" >}}'),  # (from the page's folder first)
    ("[a](old/install.md#options)", "[a](new/install.md#options)"),
    ("[b](./old/install.md)", "[b](./new/install.md)"),
    ("[c](/docs/old/install.md)", "[c](/docs/new/install.md)"),
    ('{{< ref "/guides/old/setup" >}}', '{{< ref "/guides/setup" >}}'),  # a bundle, by its folder
    ("[d](../guides/old/setup/index.md)", "[d](../guides/setup/index.md)"),
    ("[h](/docs/old/install/#options)", "[h](/docs/new/install/#options)"),  # a URL: the page's
    ("[i](/guides/old/setup)", "[i](/guides/setup)"),  # (its closing slash as written)
    ('{{< ref "/old/notes" >}}', None),  # two pages named `notes`: which one?
    ("[e](old/missing.md)", None),  # no page of that name
    ("[f](old/in%20stall.md)", None),  # percent-encoded: not the name
    ("[j](../old/install/)", None),  # a relative URL: named (from the root), not written
]
NAMED = {"[j](../old/install/)": "/docs/new/install/"}
NEAR_MISSES = '{{< ref "install" >}} [g](new/install.md#options) {{< ref "/guides/setup" >}}\n'  # (all resolve)
USE_LINE = "中文 🎉 " + " ".join(written for written, _ in LINKS)  # (columns count code points)
FIXED_LINE = "中文 🎉 " + " ".join(fixed or written for written, fixed in LINKS)
USE = page('title: "Use"', body=USE_LINE + "\n\n" + NEAR_MISSES)
LINE = USE.splitlines().index(USE_LINE) + 1


def moved_site(root: Path, use: str = USE) -> None:
    write(
        root,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Content }}",
            "content/docs/new/install.md": page('title: "Install"', body="## Options\n"),
            "content/guides/setup/index.md": page('title: "Setup"'),
            "content/a/notes.md": page('title: "Notes A"'),
            "content/b/notes.md": page('title: "Notes B"'),
            "content/docs/use.md": use,
        },
    )


def destination(written: str) -> str:
    found = re.search(r'\(([^)]*)\)|"([^"]*)"', written)
    assert found is not None
    return found.group(1) or found.group(2)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/docs/old/install", "install"),
        ("../old/Install.md#x", "install"),  # (as Hugo's base-name lookup normalizes it)
        ("/guides/old/setup/index.md", "setup"),
        ("/guides/old/setup/_index.md", "setup"),
        ("./My%20Page.md", "my-page"),
        ("../usage/Migrating.mdx#x", "migrating"),  # (MDX: Docusaurus, Astro)
        ("../..", ""),
        ("/", ""),
    ],
)
def test_the_name_a_path_to_no_page_was_written_for(path: str, name: str) -> None:
    assert moved_name(path.partition("#")[0]) == name


def test_each_reference_to_a_moved_page_names_it_and_its_fix_is_the_path_at_its_exact_place(
    tmp_path, capsys, monkeypatch
):
    moved_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys, "--format", "json", "content")
    assert code == 1
    found = {d["column"]: d for d in json.loads(out)}
    assert len(found) == len(LINKS)  # (the near misses resolve: nothing there)
    for written, fixed in LINKS:
        target = destination(written)
        start = USE_LINE.index(written) + written.index(target) + 1
        diagnostic = found.pop(start)
        assert (diagnostic["code"], diagnostic["line"]) == ("SITE003", LINE)
        assert diagnostic["end_column"] == start + len(target)
        if fixed is None:
            hint = f"; did you mean `{NAMED[written]}`, the only page named `install`?" if written in NAMED else ""
            assert diagnostic["fix"] is None and diagnostic["message"].endswith(hint), written
            assert ("did you mean" in diagnostic["message"]) == bool(hint), written
            continue
        path, meant = target.partition("#")[0], destination(fixed).partition("#")[0]
        name = "setup" if "setup" in path else "install"
        assert diagnostic["message"].endswith(f"; did you mean `{meant}`, the only page named `{name}`?")
        edit = {"line": LINE, "column": start, "end_line": LINE, "end_column": start + len(path), "content": meant}
        assert diagnostic["fix"] == {"applicability": "unsafe", "message": f"Link to `{meant}`", "edits": [edit]}
    assert not found


def test_fix_writes_the_paths_and_leaves_what_names_no_likely_page(tmp_path, capsys, monkeypatch):
    moved_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = (tmp_path / "content/docs/use.md").read_bytes()
    code, _, _ = lint(capsys, "--diff", *FIX_UNSAFE[1:], "content")
    assert code == 1 and (tmp_path / "content/docs/use.md").read_bytes() == before  # (--diff writes nothing)
    code, out, _ = lint(capsys, *FIX_UNSAFE, "content")
    assert code == 1
    assert (tmp_path / "content/docs/use.md").read_text(encoding="utf-8") == USE.replace(USE_LINE, FIXED_LINE)
    remaining = [line for line in out.splitlines() if "SITE003" in line]
    assert len(remaining) == sum(fixed is None for _, fixed in LINKS)
    assert lint(capsys, "--fix", "content")[1] == out  # (unsafe: not applied without --unsafe-fixes)


def test_a_moved_page_with_a_namesake_is_not_guessed(tmp_path, capsys, monkeypatch):
    moved_site(tmp_path)
    write(tmp_path, {"content/blog/install.md": page('title: "Install, the post"')})
    monkeypatch.chdir(tmp_path)
    _, out, _ = lint(capsys, "--format", "json", "content")
    assert not [d for d in json.loads(out) if "install" in d["message"] and d["fix"] is not None]


@needs_hugo
def test_each_path_written_is_a_page_hugo_builds(tmp_path, capsys, monkeypatch):
    """Before the fix Hugo fails on the refs (REF_NOT_FOUND); after it, it builds, and each link leads to the
    page's URL."""
    use = page('title: "Use"', body=" ".join(written for written, fixed in LINKS if fixed) + "\n")
    moved_site(tmp_path, use)
    assert HUGO is not None
    build = [HUGO, "-d", "public"]
    failed = subprocess.run(
        build, check=False, cwd=tmp_path, capture_output=True, text=True, timeout=300, env=_quiet_env()
    )
    assert failed.returncode != 0 and "REF_NOT_FOUND" in failed.stdout + failed.stderr
    monkeypatch.chdir(tmp_path)
    lint(capsys, *FIX_UNSAFE, "content")
    subprocess.run(build, cwd=tmp_path, check=True, capture_output=True, timeout=300, env=_quiet_env())
    built = (tmp_path / "public/docs/use/index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'href="([^"#]*)', built)) == {"/docs/new/install/", "/guides/setup/"}  # (the links)
    assert "https://example.org/docs/new/install/" in built and "https://example.org/guides/setup/" in built  # (refs)


@pytest.mark.skipif(not HUGO_DOCS.is_dir(), reason="needs /work/shared/corpora/hugo-docs")
def test_hugo_docs_reorganized_every_link_to_a_moved_page_is_named_and_fixed(tmp_path, capsys, monkeypatch):
    """Two pages of a real site moved to other folders: each of the 36 links to their old URLs names the new
    one, and after the fixes the site has no site findings (the links' fragments are IDs of the moved pages)."""
    root = tmp_path / "hugo-docs"
    shutil.copytree(HUGO_DOCS, root)
    for path in root.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)  # (the corpus is read-only)
    for old, new in MOVES.items():
        (root / new).parent.mkdir(parents=True, exist_ok=True)
        (root / old).rename(root / new)
    monkeypatch.chdir(root)
    code, out, _ = lint(capsys, "--format", "json", ".")
    found = json.loads(out)
    assert code == 1 and len(found) == 36
    assert {re.sub(r".*; did you mean (`[^`]*`).*", r"\1", d["message"]) for d in found} == {
        "`/configuration/advanced/markup/`",
        "`/configuration/advanced/markup`",  # (written without its closing slash)
        "`/guides/page-bundles/`",
    }
    assert all(d["fix"] is not None for d in found)
    assert lint(capsys, *FIX_UNSAFE, ".")[0] == 0
    assert lint(capsys, ".")[:2] == (0, "All checks passed (994 files checked).\n")


MOVES = {
    "content/en/configuration/markup.md": "content/en/configuration/advanced/markup.md",
    "content/en/content-management/page-bundles.md": "content/en/guides/page-bundles.md",
}


MOVED_I18N_SITE = {
    **REDIRECTS_OUTPUT,
    "hugo.yaml": TWO_LANGUAGES_YAML + REDIRECTS_OUTPUT["hugo.yaml"],
    "layouts/index.redirects": "/guides/*  /docs/:splat  301\n",
    "content/en/docs/new/install.md": page('title: "Install"'),
    "content/fr/docs/neuf/install.md": page('title: "Installer"'),
}
FRENCH_LINKS = "[a](/docs/old/install/) [b](/fr/docs/old/install/) [c](/guides/old/install/)\n"


def test_a_url_names_the_page_of_its_own_language_and_where_a_redirect_leads_is_judged_too(tmp_path, monkeypatch):
    """A French page's `/docs/…` link is to the English site (at the root): the English page is named, though
    French has a page of that name too; `/fr/docs/…` names the French one; a link a `_redirects` rule (written
    by a template) sends to no page names the page too, and the fix writes its URL in place of the link's."""
    write(tmp_path, {**MOVED_I18N_SITE, "content/fr/docs/use.md": page('title: "Utiliser"', body=FRENCH_LINKS)})
    monkeypatch.chdir(tmp_path)
    found = site_findings(tmp_path)
    hints = [line.rpartition("; did you mean ")[2] for line in found]
    assert hints == [
        "`/docs/new/install/`, the only page named `install`?",
        "`/fr/docs/neuf/install/`, the only page named `install`?",
        "`/docs/new/install/`, the only page named `install`?",
    ]
    assert "`_redirects` sends it to `/docs/old/install`, which is none;" in found[2]
    main(["--isolated", "--no-cache", "--select", "SITE", "--fix", "--unsafe-fixes", "content"])
    fixed = (tmp_path / "content/fr/docs/use.md").read_text(encoding="utf-8")
    assert "[a](/docs/new/install/) [b](/fr/docs/neuf/install/) [c](/docs/new/install/)" in fixed
    assert site_findings(tmp_path) == []


MKDOCS_USE = "# Use\n\n中文 🎉 [a](old/install.md#options) [b](./notes.md) [c](../missing.md)\n"


def test_an_mkdocs_link_to_a_moved_file_is_named_and_fixed_as_mkdocs_finds_it(tmp_path, capsys, monkeypatch):
    """MkDocs is the oracle: it warns of a link to no documentation file, and not after the fix."""
    pytest.importorskip("mkdocs", reason="MkDocs (the test extras) is not installed")
    from support import mkdocs_build

    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\n",
            "docs/index.md": "# Home\n",
            "docs/guide/install.md": "# Install\n\n## Options\n",
            "docs/a/notes.md": "# Notes A\n",
            "docs/b/notes.md": "# Notes B\n",  # (two files named `notes`: which one?)
            "docs/guide/use.md": MKDOCS_USE,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert "a link 'old/install.md#options', but the target" in mkdocs_build(tmp_path)
    line = MKDOCS_USE.splitlines()[2]  # (columns count code points)
    assert site_findings(tmp_path, ["docs/guide/use.md"]) == [
        f"docs/guide/use.md:{at(3, line, 'old/install.md#options')} SITE003 `old/install.md` does not exist "
        "(looked for docs/guide/old/install.md); did you mean `install.md`, the only page named `install`?",
        f"docs/guide/use.md:{at(3, line, './notes.md')} SITE003 `./notes.md` does not exist "
        "(looked for docs/guide/notes.md)",
        f"docs/guide/use.md:{at(3, line, '../missing.md')} SITE003 `../missing.md` does not exist "
        "(looked for docs/missing.md)",
    ]
    lint(capsys, *FIX_UNSAFE, "docs")
    assert (tmp_path / "docs/guide/use.md").read_text(encoding="utf-8") == MKDOCS_USE.replace(
        "old/install.md", "install.md"
    )
    assert "install.md" not in mkdocs_build(tmp_path)  # (its warnings of the other two links stay)


def test_a_docusaurus_link_names_the_file_of_its_own_docs_version(tmp_path):
    """A versioned copy of the file and a blog post's link to the docs are not counted; a link from the site's
    root is not named (Docusaurus reads it from several folders)."""
    write(
        tmp_path,
        {
            "docusaurus.config.js": "module.exports = {baseUrl: '/', presets: [['classic', {docs: {}, blog: {}}]]};\n",
            "versions.json": '["1.0"]\n',
            "docs/guides/install.md": page("title: Install", body="## Options\n"),
            "versioned_docs/version-1.0/guides/install.md": page("title: Install"),
            "versioned_docs/version-1.0/intro.md": page("title: Intro", body="[a](./install.md)\n"),
            "docs/intro.md": page("title: Intro", body="[a](./install.md#options) [b](/docs/install.md)\n"),
            "blog/2021-01-01-post.md": page("title: Post", body="[c](../docs/install.md)\n"),
        },
    )
    found = [each for each in site_findings(tmp_path) if " SITE003 " in each]
    assert found == [
        "blog/2021-01-01-post.md:5:5-5:23 SITE003 `../docs/install.md` does not exist (looked for docs/install.md)",
        "docs/intro.md:5:5-5:25 SITE003 `./install.md` does not exist (looked for docs/install.md); "
        "did you mean `./guides/install.md`, the only page named `install`?",
        "docs/intro.md:5:31-5:47 SITE003 `/docs/install.md` does not exist "
        "(looked for docs/docs/install.md, docs/install.md)",
        "versioned_docs/version-1.0/intro.md:5:5-5:17 SITE003 `./install.md` does not exist "
        "(looked for versioned_docs/version-1.0/install.md); did you mean `./guides/install.md`, "
        "the only page named `install`?",
    ]


SUFFIXED_SITE = {  # (languages by file name: `install.fr.md` is French)
    "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
    "content/docs/new/install.md": page('title: "Install"'),
    "content/docs/new/install.fr.md": page('title: "Installer"'),
}
SUFFIXED_LINKS = '[a](old/install.fr.md) {{< ref "/docs/old/install.fr.md" >}} [b](old/install.md)\n'


def test_a_file_name_with_a_language_suffix_names_the_page_of_the_linking_pages_language(tmp_path):
    """Hugo finds `install.fr.md` in the linking page's language (an English page's link leads to the English
    page): the page of the name in that language is named; a run over the page alone (the kept keys) agrees."""
    write(tmp_path, _suffixed(SUFFIXED_LINKS))
    found = site_findings(tmp_path)
    hints = [(line.split(":")[0], line.rpartition("; did you mean ")[2]) for line in found]
    assert hints == [
        ("content/docs/use.fr.md", "`new/install.fr.md`, the only page named `install`?"),
        ("content/docs/use.fr.md", "`/docs/new/install.fr.md`, the only page named `install`?"),
        ("content/docs/use.fr.md", "`new/install.fr.md`, the only page named `install`?"),
        ("content/docs/use.md", "`new/install.md`, the only page named `install`?"),
        ("content/docs/use.md", "`/docs/new/install.md`, the only page named `install`?"),
        ("content/docs/use.md", "`new/install.md`, the only page named `install`?"),
    ]
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert site_findings(tmp_path, cache=cache) == found
    for name in ("content/docs/use.md", "content/docs/use.fr.md"):
        write(tmp_path, {name: page('title: "Use"', body=SUFFIXED_LINKS + "\n## Edited\n")})
        assert site_findings(tmp_path, [name], cache) == site_findings(tmp_path, [name])


def _suffixed(links: str) -> dict[str, str]:
    return {
        **SUFFIXED_SITE,
        "content/docs/use.md": page('title: "Use"', body=links),
        "content/docs/use.fr.md": page('title: "Utiliser"', body=links),
    }


@needs_hugo
def test_after_the_fix_each_link_leads_to_the_page_of_its_language(tmp_path, capsys, monkeypatch):
    write(tmp_path, {**_suffixed(SUFFIXED_LINKS), "layouts/single.html": "{{ .Content }}", "layouts/list.html": ""})
    monkeypatch.chdir(tmp_path)
    lint(capsys, *FIX_UNSAFE, "content")
    assert HUGO is not None
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    for built, prefix in (("public/docs/use/index.html", ""), ("public/fr/docs/use/index.html", "/fr")):
        html = (tmp_path / built).read_text(encoding="utf-8")
        assert html.count(f'href="{prefix}/docs/new/install/"') == 2 and f"{prefix}/docs/new/install/ " in html

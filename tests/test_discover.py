"""Which files a run checks: excludes, .gitignore, extensions, named files."""

from pathlib import Path

from support import write_file

from fmlint.cli import main
from fmlint.config.resolve import Overrides, Resolver
from fmlint.discover import discover

NO_FM = "no front matter\n"


def found(root: Path, *args: str, **overrides) -> list[str]:
    resolver = Resolver(Overrides(**overrides), cwd=root)
    return [Path(path).relative_to(root).as_posix() for path in discover([str(root), *args], resolver.project_for)]


def test_preset_excludes_and_extend_exclude(tmp_path):
    for name in ("content/a.md", "archetypes/default.md", "themes/t/x.md", "node_modules/p/readme.md", "drafts/d.md"):
        write_file(tmp_path, name, NO_FM)
    write_file(tmp_path, ".fmlint.toml", 'extend-exclude = ["drafts/"]\n')
    assert found(tmp_path) == ["content/a.md"]
    write_file(tmp_path, ".fmlint.toml", 'exclude = ["content/"]\n')  # replaces the preset's
    assert found(tmp_path) == ["archetypes/default.md", "drafts/d.md", "node_modules/p/readme.md", "themes/t/x.md"]
    assert found(tmp_path, extend_exclude=("themes",)) == [
        "archetypes/default.md",
        "drafts/d.md",
        "node_modules/p/readme.md",
    ]


def test_folder_excludes_apply_to_a_walk_that_starts_inside_them(tmp_path):
    for name in ("public/a.md", "public/sub/b.md", "content/c.md"):
        write_file(tmp_path, name, NO_FM)
    resolver = Resolver(cwd=tmp_path)
    assert discover([str(tmp_path / "public")], resolver.project_for) == []
    assert discover([str(tmp_path / "public" / "sub")], resolver.project_for) == []
    assert discover([str(tmp_path / "content")], resolver.project_for) == [str(tmp_path / "content" / "c.md")]


def test_file_excludes_are_matched_per_file(tmp_path):
    for name in ("content/a.md", "content/a.draft.md", "themes/t.md", "content/keep/x.draft.md"):
        write_file(tmp_path, name, NO_FM)
    write_file(tmp_path, ".fmlint.toml", 'extend-exclude = ["*.draft.md", "!keep/x.draft.md"]\n')
    assert found(tmp_path) == ["content/a.md"]
    write_file(tmp_path, ".fmlint.toml", 'extend-exclude = ["*.draft.md", "!content/keep/x.draft.md"]\n')
    assert found(tmp_path) == ["content/a.md", "content/keep/x.draft.md"]


def test_gitignore_is_respected_inside_a_repository(tmp_path):
    (tmp_path / ".git").mkdir()
    write_file(tmp_path, ".gitignore", "generated/\n*.draft.md\n")
    write_file(tmp_path, "content/.gitignore", "!keep.draft.md\n")
    for name in ("content/a.md", "content/b.draft.md", "content/keep.draft.md", "generated/g.md"):
        write_file(tmp_path, name, NO_FM)
    assert found(tmp_path) == ["content/a.md", "content/keep.draft.md"]
    inside = Resolver(cwd=tmp_path).project_for  # a walk from a folder below the rules' (their files read then)
    assert discover([str(tmp_path / "content")], inside) == [
        str(tmp_path / "content" / "a.md"),
        str(tmp_path / "content" / "keep.draft.md"),
    ]
    assert found(tmp_path, respect_gitignore=False) == [
        "content/a.md",
        "content/b.draft.md",
        "content/keep.draft.md",
        "generated/g.md",
    ]
    write_file(tmp_path, ".fmlint.toml", "respect-gitignore = false\n")
    assert "generated/g.md" in found(tmp_path)


def test_gitignore_outside_a_repository_is_not_read(tmp_path):
    write_file(tmp_path, ".gitignore", "*.md\n")
    write_file(tmp_path, "a.md", NO_FM)
    assert found(tmp_path) == ["a.md"]


def test_extensions_are_configurable(tmp_path):
    for name in ("a.md", "b.mdx", "c.markdown"):
        write_file(tmp_path, name, NO_FM)
    write_file(tmp_path, ".fmlint.toml", 'extensions = [".md", ".MDX"]\n')
    assert found(tmp_path) == ["a.md", "b.mdx"]


def test_named_files_are_checked_unless_force_exclude(tmp_path, capsys, monkeypatch):
    write_file(tmp_path, "archetypes/default.md", NO_FM)
    monkeypatch.chdir(tmp_path)
    assert main(["-q", "archetypes/default.md"]) == 1
    assert "archetypes/default.md:1:1: SC004" in capsys.readouterr().out
    assert main(["--force-exclude", "archetypes/default.md"]) == 0
    assert "All checks passed (0 files checked)." in capsys.readouterr().out
    write_file(tmp_path, ".fmlint.toml", "force-exclude = true\n")
    assert main(["-q", "archetypes/default.md"]) == 0


def test_no_respect_gitignore_flag(tmp_path, capsys):
    (tmp_path / ".git").mkdir()
    write_file(tmp_path, ".gitignore", "*.md\n")
    write_file(tmp_path, "a.md", NO_FM)
    assert main([str(tmp_path)]) == 0
    assert main(["--no-respect-gitignore", str(tmp_path)]) == 1
    capsys.readouterr()


GITIGNORE = [
    "/public",
    "node_modules/",
    "*.tern-port",
    "*/**/.tern-port",
    ".hugo_build*",
    "build/**/out",
    "docs/[a-c]*.md",
    "!docs/b-keep.md",
    "generated/",
    "!generated/keep/",
    r"\#notes.md",
    "a?c.md",
    "# a comment",
    "",
    "content/**/draft-*",
    "!content/**/draft-ok.md",
    "*.md.orig",
    "logs",
]
PATHS = [
    "public",
    "public/",
    "x/public/",
    "node_modules/",
    "a/node_modules/",
    "a/node_modules/b.md",
    "x.tern-port",
    "a/b/.tern-port",
    ".hugo_build.lock",
    "build/x/y/out",
    "build/out",
    "docs/a.md",
    "docs/b-keep.md",
    "docs/d.md",
    "docs/sub/a.md",
    "generated/",
    "generated/keep/",
    "generated/x.md",
    "#notes.md",
    "abc.md",
    "abbc.md",
    "content/en/draft-1.md",
    "content/en/draft-ok.md",
    "content/draft-2.md",
    "x.md.orig",
    "logs",
    "logs/",
    "a/logs/x.md",
    "index.md",
    "content/en/docs/1.11/index.md",
]


def test_ignore_rules_answer_as_pathspec_does():
    """One search over all of a .gitignore's patterns tells a path that none matches (most paths: a walk's
    gitignore checks ~6 × faster on longhorn.io); a path some pattern matches gets pathspec's own answer."""
    import pathspec

    from fmlint.discover import IgnoreRules

    rules, spec = IgnoreRules(GITIGNORE), pathspec.GitIgnoreSpec.from_lines(GITIGNORE)
    assert [rules.check(path) for path in PATHS] == [spec.check_file(path).include for path in PATHS]
    assert {rules.check(path) for path in PATHS} == {True, False, None}
    assert IgnoreRules(["# only a comment", ""]).check("a.md") is None


def test_a_walk_looks_in_each_folder_for_configurations_and_site_markers_by_its_own_listing(tmp_path, monkeypatch):
    """Each walked folder's project (its nearest configuration, the preset of the site it is in) is found from
    what the walk listed of it, not by listing it again nor testing each name; forgotten after the walk."""
    import os

    from fmlint.folders import listed

    write_file(tmp_path, "site/hugo.toml", "")
    write_file(tmp_path, "site/content/docs/a.md", NO_FM)
    write_file(tmp_path, "site/content/docs/sub/.fmlint.toml", 'extend-exclude = ["b.md"]\n')
    write_file(tmp_path, "site/content/docs/sub/b.md", NO_FM)
    write_file(tmp_path, "site/content/docs/sub/c.md", NO_FM)
    walked = {str(tmp_path / "site" / folder) for folder in ("", "content", "content/docs", "content/docs/sub")}
    looked: list[str] = []
    listdir, isfile = os.listdir, os.path.isfile
    monkeypatch.setattr(os, "listdir", lambda folder=".": looked.append(str(folder)) or listdir(folder))
    monkeypatch.setattr(os.path, "isfile", lambda path: looked.append(os.path.dirname(path)) or isfile(path))
    resolver = Resolver(cwd=tmp_path)
    files = discover([str(tmp_path / "site")], resolver.project_for)
    assert [Path(path).relative_to(tmp_path).as_posix() for path in files] == [
        "site/content/docs/a.md",
        "site/content/docs/sub/c.md",
    ]
    assert resolver.project_for(str(tmp_path / "site/content/docs/sub")).preset.name == "hugo"
    assert not walked & set(looked) - {str(tmp_path / "site"), str(tmp_path / "site/content/docs/sub")}
    assert all(listed(folder) is None for folder in walked)


def test_a_presets_folders_are_those_of_the_sites_root(tmp_path):
    """Hugo's `layouts/` (templates: jaegertracing.io's `layouts/_shortcodes/doc_versions.md` was a false FM002),
    `themes/`, `archetypes/`, `_vendor/` and `public/` are not walked where the site has them, in a folder of the
    repository too; a content section of the same name is content (a themes gallery's `content/themes/`), and a
    Docusaurus site's `docs/build/` is a page's folder, not its build output."""
    names = [
        "website/hugo.toml",
        "website/content/themes/a.md",
        "website/content/layouts/b.md",
        "website/content/public/c.md",
        "website/layouts/_shortcodes/x.md",
        "website/themes/docsy/layouts/y.md",
        "website/archetypes/default.md",
        "website/_vendor/github.com/x/t/z.md",
        "website/public/index.md",
        "docs-site/docusaurus.config.js",
        "docs-site/docs/build/install.md",
        "docs-site/build/page.md",
    ]
    for name in names:
        write_file(tmp_path, name, NO_FM)
    assert found(tmp_path) == [
        "docs-site/docs/build/install.md",
        "website/content/layouts/b.md",
        "website/content/public/c.md",
        "website/content/themes/a.md",
    ]
    assert found(tmp_path / "website/content") == ["layouts/b.md", "public/c.md", "themes/a.md"]
    resolver = Resolver(cwd=tmp_path)
    assert discover([str(tmp_path / "website/layouts")], resolver.project_for) == []

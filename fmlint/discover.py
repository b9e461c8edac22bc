"""Which files to check: explicit files always; directories walked for Markdown.

Directory walks skip hidden folders (``.git``, ``.github``…), do not follow
symbolic links to directories (no loops), and yield paths in sorted order.
Each folder is walked under the rules of its project (see ``fmlint.config.resolve``):
its extensions, its excludes (the preset's, ``exclude``/``extend-exclude``),
and, unless turned off, the ``.gitignore`` files of the git repository it is in.
Explicitly named files are kept unless the project sets ``force-exclude``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pathspec

MARKDOWN_EXTENSIONS = (".md", ".markdown")


class WalkRules(Protocol):
    extensions: tuple[str, ...]
    respect_gitignore: bool
    force_exclude: bool
    excludes_folders_only: bool  # whether a file is excluded exactly when its folder is

    def is_excluded(self, path: str, is_dir: bool = False) -> bool: ...


class _Defaults:
    respect_gitignore = False
    force_exclude = False
    excludes_folders_only = True

    def __init__(self, extensions: tuple[str, ...]) -> None:
        self.extensions = extensions

    def is_excluded(self, path: str, is_dir: bool = False) -> bool:
        return False


def discover(
    paths: Iterable[str],
    rules_for: Callable[[str], WalkRules] | None = None,
    extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS,
    skipped: list[str] | None = None,
) -> list[str]:
    """Files to check, each once, sorted (see the module docstring); ``skipped`` receives the ``.mdx`` files
    that walks passed over because their project does not check MDX (for ``-v``)."""
    if rules_for is None:
        plain = _Defaults(extensions)

        def rules_for(path: str) -> WalkRules:
            return plain

    gitignores = GitIgnores()
    found: set[str] = set()
    for path in paths:
        rules = rules_for(path)
        if os.path.isdir(path) and not path.lower().endswith(rules.extensions):
            found.update(_walk(path, rules_for, gitignores, skipped))
        elif not (rules.force_exclude and rules.is_excluded(path)):
            found.add(os.path.normpath(path))
    return sorted(found)


def _walk(
    root: str, rules_for: Callable[[str], WalkRules], gitignores: GitIgnores, skipped: list[str] | None
) -> Iterator[str]:
    """The Markdown files under ``root`` (see the module docstring); each folder's rules, excludes and
    gitignore chain are looked up once."""
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        rules = rules_for(folder)
        normal = os.path.normpath(folder)  # entry names are plain: normalising the folder once is enough
        ignores = rules.respect_gitignore and gitignores.any_for(folder)
        dirs[:] = sorted(d for d in dirs if not _skipped(os.path.join(folder, d), d, True, rules, gitignores, ignores))
        # a walked folder is not excluded itself, but the root's excludes come from above it
        folder_excluded = rules.excludes_folders_only and folder == root and rules.is_excluded(folder, True)
        # a file is judged by its name alone unless its own path may be excluded or git-ignored
        by_name = rules.excludes_folders_only and not ignores
        prefix = "" if normal == "." else os.path.join(normal, "")
        for name in () if folder_excluded else files:
            lower = name.lower()
            checked = lower.endswith(rules.extensions)
            if not (checked or (skipped is not None and lower.endswith(".mdx"))) or name.startswith("."):
                continue
            if not by_name and _skipped(os.path.join(folder, name), name, False, rules, gitignores, ignores):
                continue
            if checked:
                yield prefix + name
            elif skipped is not None:
                skipped.append(prefix + name)
        for name in dirs:  # a directory named like a Markdown file is reported, not walked past
            if name.lower().endswith(rules.extensions):
                yield prefix + name


def _skipped(path: str, name: str, is_dir: bool, rules: WalkRules, gitignores: GitIgnores, ignores: bool) -> bool:
    return (
        name.startswith(".")
        or ((is_dir or not rules.excludes_folders_only) and rules.is_excluded(path, is_dir))
        or (ignores and gitignores.ignored(path, is_dir))
    )


class GitIgnores:
    """The ``.gitignore`` files of a git repository, read once each.

    Only folders inside a git repository (a parent holds ``.git``) have
    ``.gitignore`` rules, as for git itself; the deepest file with a matching
    pattern decides (so a nested ``!pattern`` re-includes).
    """

    def __init__(self) -> None:
        self._chains: dict[str, list[tuple[str, pathspec.GitIgnoreSpec]]] = {}
        self._specs: dict[str, pathspec.GitIgnoreSpec | None] = {}
        self._chains_by_parent: dict[str, list[tuple[str, pathspec.GitIgnoreSpec]]] = {}

    def any_for(self, folder: str) -> bool:
        """Whether any ``.gitignore`` applies to the entries of ``folder``."""
        return bool(self._chain_for_parent(folder))

    def ignored(self, path: str, is_dir: bool) -> bool:
        chain = self._chain_for_parent(os.path.dirname(path))
        # (none: outside a repository, or no .gitignore on the way up)
        return bool(chain) and ignored_by(chain, os.path.abspath(path), is_dir)

    def _chain_for_parent(self, parent: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """The chain of the folder ``parent`` (as written: looked up once per folder, not per file)."""
        if parent not in self._chains_by_parent:
            self._chains_by_parent[parent] = self._chain(os.path.abspath(parent or "."))
        return self._chains_by_parent[parent]

    def _chain(self, folder: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """(folder with its separator, spec) of every ``.gitignore`` from ``folder`` up to the repository root."""
        if folder not in self._chains:
            chain: list[tuple[str, pathspec.GitIgnoreSpec]] = []
            root = repository_root(folder)
            current = folder
            while root is not None:
                spec = self._spec(current)
                if spec is not None:
                    chain.append((os.path.join(current, ""), spec))
                if current == root:
                    break
                current = os.path.dirname(current)
            self._chains[folder] = chain
        return self._chains[folder]

    def _spec(self, folder: str) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            import pathspec  # only for folders in a git repository with a .gitignore

            try:
                with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                    self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(handle)
            except OSError:
                self._specs[folder] = None
        return self._specs[folder]


def ignored_by(chain: Iterable[tuple[str, pathspec.GitIgnoreSpec]], path: str, is_dir: bool = False) -> bool:
    """Whether git leaves out the file (or folder) at ``path`` (absolute) by the ``.gitignore`` rules of
    ``chain``: (folder with its separator, spec), the deepest first; the deepest that matches decides."""
    for folder, spec in chain:
        if path.startswith(folder):
            relative = path[len(folder) :].replace(os.sep, "/")
            include = spec.check_file(relative + "/" if is_dir else relative).include
            if include is not None:
                return include
    return False


def repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` holding ``.git``; ``None`` outside a repository."""
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder

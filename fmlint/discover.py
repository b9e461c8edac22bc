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
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from fmlint.folders import Note, nearest, walking
from fmlint.regex import lazy_pattern

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
    with walking() as note:  # (what a folder holds, looked for by each folder's rules, comes from the walk)
        for path in paths:
            rules = rules_for(path)
            if os.path.isdir(path) and not path.lower().endswith(rules.extensions):
                found.update(_walk(path, rules_for, gitignores, skipped, note))
            elif not (rules.force_exclude and rules.is_excluded(path)):
                found.add(os.path.normpath(path))
    return sorted(found)


def _walk(
    root: str,
    rules_for: Callable[[str], WalkRules],
    gitignores: GitIgnores,
    skipped: list[str] | None,
    note: Note,
) -> Iterator[str]:
    """The Markdown files under ``root`` (see the module docstring); each folder's rules, excludes and
    gitignore chain are looked up once (what each folder holds ``note``d first).  A folder whose
    configuration cannot be used is walked under its parent's rules, and the error raised only when it holds a
    file to check (trivy's ``testdata/wrong-pyproject/pyproject.toml``, beside no Markdown, stopped the run)."""
    from fmlint.config.loader import ConfigError

    parents: dict[str, WalkRules] = {}  # the rules of each folder below one whose configuration cannot be used
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        whole = os.path.abspath(folder)
        note(whole, files, dirs)
        broken = None
        try:
            rules = rules_for(folder)
        except ConfigError as error:
            if folder not in parents:
                raise
            rules, broken = parents[folder], error
        normal = os.path.normpath(folder)  # entry names are plain: normalising the folder once is enough
        chain = gitignores.chain_for(folder, files) if rules.respect_gitignore else []
        ignores = bool(chain)
        absolute = os.path.join(whole, "") if ignores else ""  # (where the entries are)
        dirs[:] = sorted(d for d in dirs if not _skipped(os.path.join(folder, d), d, True, rules, chain, absolute))
        parents.update((os.path.join(folder, d), rules) for d in dirs)
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
            if not by_name and _skipped(os.path.join(folder, name), name, False, rules, chain, absolute):
                continue
            if checked:
                if broken is not None:
                    raise broken
                yield prefix + name
            elif skipped is not None:
                skipped.append(prefix + name)
        for name in dirs:  # a directory named like a Markdown file is reported, not walked past
            if name.lower().endswith(rules.extensions):
                if broken is not None:
                    raise broken
                yield prefix + name


def _skipped(
    path: str, name: str, is_dir: bool, rules: WalkRules, chain: list[tuple[str, IgnoreRules]], absolute: str
) -> bool:
    """Whether the entry ``name`` at ``path`` of a walked folder (``absolute``: that folder's absolute path, with
    its separator) is passed over: hidden, excluded, or git-ignored by the folder's ``chain``."""
    return (
        name.startswith(".")
        or ((is_dir or not rules.excludes_folders_only) and rules.is_excluded(path, is_dir))
        or (bool(chain) and ignored_by(chain, absolute + name, is_dir))
    )


class GitIgnores:
    """The ``.gitignore`` files of a git repository, read once each.

    Only folders inside a git repository (a parent holds ``.git``) have
    ``.gitignore`` rules, as for git itself; the deepest file with a matching
    pattern decides (so a nested ``!pattern`` re-includes).
    """

    def __init__(self) -> None:
        self._chains: dict[str, list[tuple[str, IgnoreRules]]] = {}
        self._specs: dict[str, IgnoreRules | None] = {}
        self._roots: dict[str, str | None] = {}  # folder → its repository's root (``repository_root``)

    def chain_for(self, folder: str, names: list[str]) -> list[tuple[str, IgnoreRules]]:
        """The rules that apply to the entries of ``folder`` (empty: outside a repository, or no
        ``.gitignore`` on the way up); ``names``: the folder's files (a ``.gitignore`` among them or not)."""
        absolute = os.path.abspath(folder or ".")
        if ".gitignore" not in names:
            self._specs.setdefault(absolute, None)
        return self._chain(absolute)

    def _chain(self, folder: str) -> list[tuple[str, IgnoreRules]]:
        """(folder with its separator, spec) of every ``.gitignore`` from ``folder`` up to the repository root,
        the deepest first: its own before its parent's chain, worked out once for each folder."""
        chain = self._chains.get(folder)
        if chain is None:
            root = repository_root(folder, self._roots)
            above = self._chain(os.path.dirname(folder)) if root is not None and folder != root else []
            spec = self._spec(folder) if root is not None else None
            chain = self._chains[folder] = [(os.path.join(folder, ""), spec), *above] if spec is not None else above
        return chain

    def _spec(self, folder: str) -> IgnoreRules | None:
        if folder not in self._specs:
            try:
                with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                    self._specs[folder] = IgnoreRules(handle.read().splitlines())
            except OSError:
                self._specs[folder] = None
        return self._specs[folder]


class IgnoreRules:
    """The rules of one ``.gitignore`` (pathspec's ``GitIgnoreSpec``), with one expression that any of its
    patterns matches: most paths match none, which one search tells (a pattern each took ~40 % of a warm
    run's walk of longhorn.io's 8,326 files)."""

    __slots__ = ("_any", "_spec")

    def __init__(self, lines: list[str]) -> None:
        import pathspec  # only for folders in a git repository with a .gitignore

        self._spec = pathspec.GitIgnoreSpec.from_lines(lines)
        # (a pattern's named group marks a directory match: unnamed here, where only whether one matches counts)
        expressions = [
            getattr(pattern, "regex", None) for pattern in self._spec.patterns if pattern.include is not None
        ]
        parts = [_NAMED_GROUP.sub("(?:", found.pattern) for found in expressions if isinstance(found, re.Pattern)]
        # (None, no filter: a pattern without a text expression, which pathspec's own patterns all have)
        self._any = (
            re.compile("|".join(f"(?:{part})" for part in parts) or "(?!)") if len(parts) == len(expressions) else None
        )

    def check(self, relative: str) -> bool | None:
        """Whether the rules leave out (True) or bring back (False) the ``/``-separated path ``relative`` to
        their folder (a folder's ends with ``/``); None when no pattern matches it."""
        if self._any is not None and self._any.search(relative) is None:
            return None
        return self._spec.check_file(relative).include


_NAMED_GROUP = lazy_pattern(r"\(\?P<\w+>")


def ignored_by(chain: Iterable[tuple[str, IgnoreRules]], path: str, is_dir: bool = False) -> bool:
    """Whether git leaves out the file (or folder) at ``path`` (absolute) by the ``.gitignore`` rules of
    ``chain``: (folder with its separator, rules), the deepest first; the deepest that matches decides."""
    for folder, rules in chain:
        if path.startswith(folder):
            include = rules.check(path[len(folder) :].replace(os.sep, "/") + ("/" if is_dir else ""))
            if include is not None:
                return include
    return False


def repository_root(folder: str, known: dict[str, str | None] | None = None) -> str | None:
    """The nearest folder at or above ``folder`` holding ``.git``; ``None`` outside a repository (``known``:
    see ``fmlint.folders.nearest``)."""
    return nearest(folder, _holding_git, {} if known is None else known)


def _holding_git(folder: str) -> str | None:
    return folder if os.path.exists(os.path.join(folder, ".git")) else None

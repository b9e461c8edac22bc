"""Content files that a build step writes, and that the checkout does not hold: git ignores them.

fluxcd.io imports its components' docs before each build (``make gen-content``)
and lists them in ``.gitignore`` files beside where they go; links to those
pages are not judged until the files are there.  The rules that say so are those
of the ``.gitignore`` files in the content folders, and the path patterns
(``content/en/flux/cmd/flux*``: a ``/`` before the end) of those above them up
to the repository's root and of the root's own: a name alone there
(``resources/``, Hugo's cache folder, which vitess.io ignores) matches in any
folder, and says nothing of content.  Where a missing page's file would be is
known from its URL in lower case only (Hugo lowercases paths): tekton.dev
ignores ``content/en/docs/Pipelines``, linked as ``/docs/pipelines/``, so the
rules are also read with case ignored.  On a Jekyll site, which copies every
file of its folder, a link to a file git ignores there is not judged either
(Homebrew's docs link the API reference a build step writes into ``rubydoc/``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import cached_property

from fmlint.discover import IgnoreRules, ignored_by, repository_root


class BuildIgnores:
    """The ``.gitignore`` rules that name content files of a site, by folder (the deepest rule that matches a
    path decides, as in git); compared and shown by the digest of the files they come from (a site's
    configuration in a run holds them: kept findings see a change)."""

    def __init__(self, digest: str, rules: list[tuple[str, list[str]]]) -> None:
        self.digest = digest
        self._rules = sorted(rules, key=lambda found: -len(found[0]))  # the deepest folder first

    @cached_property
    def _specs(self) -> list[tuple[str, IgnoreRules]]:
        return _compiled(self._rules)

    @cached_property
    def _folded(self) -> list[tuple[str, IgnoreRules]]:
        return _compiled([(folder.lower(), [line.lower() for line in lines]) for folder, lines in self._rules])

    def ignored(self, path: str, any_case: bool = False) -> bool:
        """Whether the file at ``path`` (absolute) is one git leaves out (``any_case``: or would be, were the
        case of its letters another)."""
        return ignored_by(self._specs, path) or (any_case and ignored_by(self._folded, path.lower()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BuildIgnores) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"BuildIgnores({self.digest!r})"


def build_ignores(content_dirs: Iterable[str], inside: Iterable[str]) -> BuildIgnores | None:
    """The rules of the ``.gitignore`` files ``inside`` the content folders (found by their walk) and the path
    patterns of those above each of ``content_dirs`` up to its repository's root, and of the root's own (its
    names alone are a repository's build outputs and caches); ``None`` when there are none (outside a
    repository none count)."""
    inside = list(inside)
    found: dict[str, bool] = {}  # path → whether every pattern counts
    visited: set[str] = set()
    for folder in content_dirs:
        root = repository_root(folder)
        if root is None:
            continue
        found.update((path, os.path.dirname(path) != root) for path in inside if path.startswith(folder + os.sep))
        current = folder
        while current != root:  # (the root is above the folder, or is it)
            current = os.path.dirname(current)
            if current in visited:
                break
            visited.add(current)
            if os.path.isfile(path := os.path.join(current, ".gitignore")):
                found.setdefault(path, False)
    digest = hashlib.blake2b(digest_size=16)
    rules = []
    for path, every in sorted(found.items()):
        try:
            with open(path, encoding="utf-8", errors="replace") as file:
                lines = file.read().splitlines()
        except OSError:
            continue
        digest.update(f"{path}\0{every}\0".encode() + "\n".join(lines).encode() + b"\0")
        kept = [line for line in lines if every or "/" in line.strip().rstrip("/")]
        if any(line.strip() and not line.startswith("#") for line in kept):
            rules.append((os.path.join(os.path.dirname(path), ""), kept))
    return BuildIgnores(digest.hexdigest(), rules) if rules else None


def _compiled(rules: list[tuple[str, list[str]]]) -> list[tuple[str, IgnoreRules]]:
    return [(folder, IgnoreRules(lines)) for folder, lines in rules]

"""The path GitHub Pages serves a Jekyll project site under when its configuration sets no ``baseurl``.

GitHub Pages builds a Jekyll site with the ``github-pages`` gem, whose jekyll-github-metadata gives a
missing ``baseurl`` (or ``/``) the project's path: a repository other than ``<owner>.github.io`` is served at
``/<repository>/`` of its owner's Pages host (or custom domain: OWASP's ``www-project-top-ten`` at
``owasp.org/www-project-top-ten/``, beside its other projects' sites), unless a ``CNAME`` file gives the
project a domain of its own. A site is taken for one GitHub Pages builds when it depends on the gem (its
``Gemfile``) or names a ``remote_theme``, and not Netlify's (``netlify.toml`` beside it or at the repository's
root: slsa.dev's); the repository is its
``origin`` remote's on github.com (``.git/config``). A user or organization site (``<owner>.github.io``) has the
owner's project sites below it.
"""

from __future__ import annotations

import os
import re
from typing import Any

from fmlint.regex import lazy_pattern
from fmlint.site.files import file_text

# a remote's URL on github.com: `https://github.com/o/r.git`, `git@github.com:o/r.git`, `ssh://git@github.com/o/r`
_GITHUB = lazy_pattern(r"github\.com[:/]+([\w.-]+)/([\w.-]+?)(?:\.git)?/*$", re.IGNORECASE)
_ORIGIN = lazy_pattern(r'^\s*\[remote\s+"origin"\]\s*$(.*?)(?=^\s*\[|\Z)', re.MULTILINE | re.DOTALL)
_URL = lazy_pattern(r"^\s*url\s*=\s*(\S+)\s*$", re.MULTILINE)
_GITHUB_PAGES_GEM = lazy_pattern(r"""^\s*gem\s+["']github-pages["']""", re.MULTILINE)


def implied_baseurl(root: str, options: dict[str, Any], repository: str | None) -> str:
    """The ``baseurl`` GitHub Pages gives the Jekyll site at ``root`` (its configuration ``options``; the root of
    the git repository holding it, ``repository``), or "" (served from its host's root, or not by GitHub Pages
    as far as its files tell)."""
    # (jekyll-github-metadata sets it where it is `nil` or "/"; `baseurl: ""` keeps the site at the root)
    if options.get("baseurl") not in (None, "/") or repository is None or os.path.exists(os.path.join(root, "CNAME")):
        return ""
    folders = tuple(dict.fromkeys((root, repository)))
    if any(os.path.exists(os.path.join(folder, "netlify.toml")) for folder in folders):
        return ""
    if not _built_by_pages(folders, options):
        return ""
    found = _origin(repository)
    if found is None:
        return ""
    return "" if _user_sites(*found) else found[1]


def user_site(root: str, options: dict[str, Any], repository: str | None) -> bool:
    """Whether the Jekyll site at ``root`` is a GitHub Pages user or organization site without a ``url`` of its
    own: its repository (the configuration's ``repository``, which jekyll-github-metadata reads, else the
    ``origin`` remote's) is ``<owner>.github.io``, and no ``CNAME`` gives it a domain; GitHub serves the owner's
    other repositories' project sites below it (``/<repository>/``)."""
    if options.get("url") or os.path.exists(os.path.join(root, "CNAME")):
        return False
    named = options.get("repository")
    if isinstance(named, str) and named.count("/") == 1:
        owner, name = named.strip().split("/")
        return _user_sites(owner, name)
    found = _origin(repository) if repository is not None else None
    return found is not None and _user_sites(*found)


def _user_sites(owner: str, name: str) -> bool:
    """Whether the repository ``owner/name`` is its owner's user or organization site (``<owner>.github.io``)."""
    return name.lower() in (f"{owner.lower()}.github.io", f"{owner.lower()}.github.com")


def _built_by_pages(folders: tuple[str, ...], options: dict[str, Any]) -> bool:
    return bool(options.get("remote_theme")) or any(
        _GITHUB_PAGES_GEM.search(file_text(os.path.join(folder, "Gemfile"))) for folder in folders
    )


def _origin(repository: str) -> tuple[str, str] | None:
    """The owner and name of the repository's ``origin`` remote on github.com (``.git`` a folder, or a file
    naming one: a worktree's, a submodule's)."""
    git = os.path.join(repository, ".git")
    if os.path.isfile(git):
        git = os.path.join(repository, file_text(git).strip().removeprefix("gitdir:").strip())
        common = os.path.join(git, "commondir")  # (a worktree's configuration is its main repository's)
        if os.path.isfile(common):
            git = os.path.join(git, file_text(common).strip())
    section = _ORIGIN.search(file_text(os.path.join(git, "config")))
    url = _URL.search(section.group(1)) if section is not None else None
    found = _GITHUB.search(url.group(1)) if url is not None else None
    return (found.group(1), found.group(2)) if found is not None else None

"""The Hugo version a site pins for its builds, where fmlint's model of Hugo (0.168) depends on it.

Read, the first found: ``netlify.toml``'s ``HUGO_VERSION`` (its production
context's, then its build's), the ``hugo-extended`` npm package of
``package.json`` (whose versions are Hugo's; an exact version or a ``^``/``~``
range), and a GitHub workflow's ``hugo-version`` or ``HUGO_VERSION``.  A range
open above (``>=0.110``) or ``latest`` pins nothing.  vitess.io pins
``hugo-extended ^0.96.0``: Hugo's embedded link render hook (0.123) is not
used there, whatever its languages table; grpc.io pins 0.99, whose build
options are ``_build`` (a key Hugo 0.145 deprecated and 0.168 refuses).  From
0.162 Hugo refuses HTML content files unless ``security.allowContent`` lets
them be pages.
"""

from __future__ import annotations

import glob
import json
import os
import tomllib
from collections.abc import Callable, Iterable
from typing import Any

from fmlint.regex import lazy_pattern
from fmlint.site.routes import read_text
from fmlint.site.tables import subtable

EMBEDDED_HOOKS = (0, 123)  # Hugo's embedded link and image render hooks
BUILD_ALIASED = (0, 123)  # `build` read as the front matter's build options (before: `_build` alone)
BUILD_DEPRECATED = (0, 145)  # the `_build` front-matter key
HTML_CONTENT_DENIED = (0, 162)  # `security.allowContent`'s default refuses HTML content files (and fails the build)
SECTION_SLUGS = (0, 167)  # a section's `slug` names it in its URL and its descendants' (before: ignored)
_PINNED = lazy_pattern(r"\s*[\^~=v]*\s*(\d+)\.(\d+)(?:\.\d+)?\s*$")  # `0.96.0`, `^0.96.0`, `~0.96`, `v0.119.0`
_WORKFLOW = lazy_pattern(r"""(?:hugo-version|HUGO_VERSION)\s*[:=]\s*['"]?v?(\d+)\.(\d+)""")

Version = tuple[int, int]


def pinned_version(root: str) -> tuple[Version | None, bytes]:
    """The (major, minor) Hugo version the site at ``root`` pins, if any, and the bytes read (its findings depend
    on them)."""
    read = b""
    for reader in (_netlify, _npm, _workflows):
        found, data = reader(root)
        read += data
        if found is not None:
            return found, read
    return None, read


def every_pin(root: str) -> tuple[list[Version], bytes]:
    """Every Hugo version the site at ``root`` pins anywhere: in each file :func:`pinned_version` reads (every
    workflow), in a GitLab CI job's Hugo image, and in those of the repository holding it when the site is a folder
    of it (COSSAS/SOARCA's ``docs/package.json`` pins 0.122, the workflow that deploys it 0.139); and the bytes
    read."""
    found: list[Version] = []
    read = b""
    for reader in (_netlify, _npm):
        pinned, data = reader(root)
        found += [pinned] if pinned is not None else []
        read += data
    for folder in dict.fromkeys([root, _repository(root)]):
        for path in [
            *sorted(glob.glob(os.path.join(folder, ".github", "workflows", "*.y*ml"))),
            os.path.join(folder, ".gitlab-ci.yml"),
        ]:
            data, text = read_text(path)
            found += [
                _CURRENT if match.group(1) is None else (0, int(match.group(1)))
                for match in _ANY_PIN.finditer(text)
                if "#" not in text[text.rfind("\n", 0, match.start()) + 1 : match.start()]  # (not in a comment)
            ]
            read += data
    return found, read


_CURRENT = (0, 168)  # the Hugo fmlint's model is of: what `latest` builds with
# a workflow's `hugo-version`/`HUGO_VERSION` (`latest` too), a GitLab CI job's Hugo image (DAIC-tud's docs:
# `registry.gitlab.com/pages/hugo/hugo_extended:latest`, beside a netlify.toml pinning 0.104)
_ANY_PIN = lazy_pattern(
    r"""(?:(?:hugo-version|HUGO_VERSION)\s*[:=]\s*['"]?|image:\s*['"]?\S*hugo\S*:)v?(?:latest|0\.(\d+))"""
)


def _repository(root: str) -> str:
    """The folder of the git repository holding ``root`` (``root`` when there is none above it)."""
    folder = root
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return root
        folder = parent
    return folder


def _netlify(root: str) -> tuple[Version | None, bytes]:
    data, options = _parsed(os.path.join(root, "netlify.toml"), tomllib.loads)
    tables = (subtable(options, "context", "production", "environment"), subtable(options, "build", "environment"))
    return _first(table.get("HUGO_VERSION") for table in tables), data


def _npm(root: str) -> tuple[Version | None, bytes]:
    data, package = _parsed(os.path.join(root, "package.json"), json.loads)
    return _first(subtable(package, key).get("hugo-extended") for key in ("dependencies", "devDependencies")), data


def _workflows(root: str) -> tuple[Version | None, bytes]:
    read = b""
    for path in sorted(glob.glob(os.path.join(root, ".github", "workflows", "*.y*ml"))):
        data, text = read_text(path)
        read += data
        if (found := _WORKFLOW.search(text)) is not None:
            return (int(found.group(1)), int(found.group(2))), read
    return None, read


def _parsed(path: str, loads: Callable[[str], Any]) -> tuple[bytes, Any]:
    """The file's bytes and what ``loads`` makes of its text (``{}`` when it is missing or unreadable)."""
    data, text = read_text(path)
    try:
        return data, loads(text) if text else {}
    except ValueError:  # (TOML's and JSON's errors both)
        return data, {}


def _first(specs: Iterable[Any]) -> Version | None:
    return next((found for spec in specs if (found := _version(spec)) is not None), None)


def _version(spec: Any) -> Version | None:
    found = _PINNED.match(spec) if isinstance(spec, str) else None
    return (int(found.group(1)), int(found.group(2))) if found else None

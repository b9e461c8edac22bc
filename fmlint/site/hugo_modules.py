"""The folders of a Hugo site's themes and modules, found where Hugo finds them.

Hugo lays each component's ``layouts/``, ``static/`` and ``assets/`` under the
project's own: the ``theme`` setting (one or a list) and ``module.imports``
(each import's ``path``; ``disable: true`` leaves it out), and what each
component found imports in turn.  A path is looked for, in Hugo's order, in
``_vendor/`` (when ``_vendor/modules.txt`` lists it: ``hugo mod vendor``), in a
``module.replacements`` entry (``path -> folder``, relative to ``themesDir``) or
a ``replace`` of ``go.mod``, under ``themesDir`` (``themes/`` by default;
``node_modules`` where a theme is installed by npm), and in Hugo's module cache
(``<cacheDir>/modules/filecache/modules/pkg/mod/<module>@<version>``, the
version ``go.mod`` requires; upper-case letters escaped as Go does, ``!d``).  A
folder that is there but empty (a git submodule not checked out) is not found.
The project's own mounts of another folder's ``layouts`` (Doks' npm packages,
``node_modules/@thulite/doks-core/layouts``) come before its imports. The other
folders of ``themesDir`` with layouts come last (a theme may be named on the
command line, ``hugo --theme``).

A component not found is *missing*: its templates are unknown.  For the themes
of :mod:`fmlint.site.known_themes` the page parameters its layouts read are
known all the same.  An import that lists its own ``mounts`` has those alone
(Hugo mounts none of the component's folders by default then): one that mounts
no ``layouts`` (lima's ``../_output``, reference pages a build step writes,
mounted as content) adds no templates, found or missing.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from fmlint.folders import names_in
from fmlint.regex import lazy_pattern

Options = dict[str, Any]


class Components(NamedTuple):
    folders: tuple[str, ...]  # each component found (absolute), in Hugo's order; the project's own not included
    missing: tuple[str, ...]  # the module paths (or theme names) found nowhere
    missing_content_modules: tuple[str, ...] = ()  # those whose import mounts no layouts: no templates to miss
    pins: tuple[tuple[str, str], ...] = ()  # each missing module's version ``go.mod`` requires, where it does


def components(root: str, options: Options, read: Callable[[str], Options]) -> Components:
    """The components of the Hugo site at ``root`` whose configuration is ``options``; ``read(folder)`` reads a
    component's own configuration (its imports)."""
    themes_dir = os.path.join(root, str(options.get("themesdir", "themes")))
    go_mod = _go_mod(root)
    find = _finder(root, options, themes_dir, go_mod)
    found: list[str] = []
    missing: list[str] = []
    content_modules: list[str] = []
    mounting_no_layouts = _mounting_no_layouts(options)
    seen: set[str] = set()
    pending = [(path, 0) for path in _imports(options)]
    while pending:
        path, depth = pending.pop(0)
        if path in seen or depth > 8:
            continue
        seen.add(path)
        folder = find(path)
        if folder is None:
            (content_modules if path in mounting_no_layouts else missing).append(path)
            continue
        if path not in mounting_no_layouts:
            found.append(os.path.normpath(folder))
        pending += [(more, depth + 1) for more in _imports(read(folder))]
    mounted, unmounted = _layout_mounts(root, options)
    found, missing = [*mounted, *found], [*missing, *unmounted]
    # (then the other themes with layouts: one may be named on the command line, `hugo --theme`)
    found += sorted(
        os.path.dirname(folder) for folder in glob.glob(os.path.join(glob.escape(themes_dir), "*", "layouts"))
    )
    pins = ((path, go_mod[0][module]) for path in missing if (module := _required_module(path, go_mod[0])))
    return Components(tuple(dict.fromkeys(found)), tuple(missing), tuple(content_modules), tuple(pins))


def _mounting_no_layouts(options: Options) -> frozenset[str]:
    """The site's imports that list ``mounts``, none of them of ``layouts``: the component's own folders are not
    mounted (a test with Hugo 0.168: a hook in its ``layouts/`` renders no link of the site)."""
    paths = set()
    for entry in _import_entries(options):
        mounts = entry.get("mounts")
        listed = mounts if isinstance(mounts, list) else [mounts] if isinstance(mounts, dict) else []
        targets = [str(m.get("target") or "").strip().strip("/") for m in listed if isinstance(m, dict)]
        if targets and not any(target.split("/")[0] == "layouts" for target in targets):
            paths.add(str(entry.get("path") or "").strip().strip("/"))
    return frozenset(paths)


def _layout_mounts(root: str, options: Options) -> tuple[list[str], list[str]]:
    """The project's own ``module.mounts`` of another folder's ``layouts`` on its layouts (Doks mounts
    ``node_modules/@thulite/doks-core/layouts``, an npm package's): the folders holding those found, which come
    before its imports' (as components), and the sources of those not there (an npm package not installed)."""
    mounts = _module(options).get("mounts")
    found: list[str] = []
    missing: list[str] = []
    for mount in mounts if isinstance(mounts, list) else [mounts] if isinstance(mounts, dict) else []:
        if not isinstance(mount, dict) or str(mount.get("target") or "").strip().strip("/") != "layouts":
            continue
        source = str(mount.get("source") or "").strip().removeprefix("./").rstrip("/")
        if source == "layouts" or os.path.basename(source) != "layouts":
            continue  # (the project's own, or a folder of templates not named so: not read)
        folder = os.path.normpath(os.path.join(root, source))
        if _present(folder):
            found.append(os.path.dirname(folder))
        else:
            missing.append(source)
    return found, missing


def mounting_imports(root: str, options: Options) -> list[tuple[list[Any], str, bool]]:
    """The ``mounts`` of each of the site's own imports that has some, with the folder of its component and
    whether it is found there (where it is not: where it would be vendored): chef's docs mount
    ``content/server`` of ``github.com/chef/chef-server/docs-chef-io``, vendored in ``_vendor/``."""
    find = _finder(root, options, os.path.join(root, str(options.get("themesdir", "themes"))), _go_mod(root))
    found = []
    for entry in _import_entries(options):
        mounts = entry.get("mounts")
        path = str(entry.get("path") or "").strip().strip("/") if mounts else ""
        if path:
            folder = find(path)
            found.append(
                (mounts if isinstance(mounts, list) else [mounts], folder or _vendor_folder(root, path), bool(folder))
            )
    return found


def _finder(
    root: str, options: Options, themes_dir: str, go_mod: tuple[dict[str, str], dict[str, str]]
) -> Callable[[str], str | None]:
    """Where a component (by its module path or theme name) is found: the first of its places that holds
    something, else ``None`` (``go_mod``: :func:`_go_mod`'s)."""
    vendored = _vendored(root)
    required, replaced = go_mod[0], dict(go_mod[1])
    replaced.update(_replacements(_module(options).get("replacements"), themes_dir))

    def find(path: str) -> str | None:
        places = _places(root, options, path, path in vendored, replaced, themes_dir, required)
        return next((place for place in places if place is not None and _present(place)), None)

    return find


def _vendor_folder(root: str, path: str) -> str:
    return os.path.join(root, "_vendor", *path.split("/"))


def _places(
    root: str,
    options: Options,
    path: str,
    vendored: bool,
    replaced: dict[str, str],
    themes_dir: str,
    required: dict[str, str],
) -> Iterator[str | None]:
    """Where the component ``path`` may be, in Hugo's order (each looked for only when the one before is not
    there)."""
    yield _vendor_folder(root, path) if vendored else None
    yield replaced.get(path)
    yield os.path.normpath(os.path.join(themes_dir, *path.split("/")))  # (as Go joins: `../..` with no themes/)
    yield _cached(root, options, path, required)


def _module(options: Options) -> Options:
    module = options.get("module")
    return module if isinstance(module, dict) else {}


def _import_entries(options: Options) -> list[Options]:
    """A configuration's ``module.imports`` with a ``path``, less the disabled."""
    imports = _module(options).get("imports")
    return [
        entry
        for entry in (imports if isinstance(imports, list) else [imports] if isinstance(imports, dict) else [])
        if isinstance(entry, dict) and entry.get("path") and entry.get("disable") is not True
    ]


def _imports(options: Options) -> list[str]:
    """The module paths a configuration imports: ``module.imports`` (less the disabled), then ``theme``."""
    paths = [str(entry.get("path")) for entry in _import_entries(options)]
    theme = options.get("theme")
    paths += [theme] if isinstance(theme, str) else [str(t) for t in theme] if isinstance(theme, list) else []
    return [path.strip().strip("/") for path in paths if path.strip().strip("/")]


def _present(folder: str) -> str | None:
    """``folder`` when it is there and holds something (a submodule not checked out is an empty folder)."""
    return folder if names_in(folder) else None


def _vendored(root: str) -> frozenset[str]:
    """The module paths ``_vendor/modules.txt`` lists (``# github.com/google/docsy v0.12.0``)."""
    try:
        with open(os.path.join(root, "_vendor", "modules.txt"), encoding="utf-8") as handle:
            return frozenset(line.split()[1] for line in handle if line.startswith("# ") and len(line.split()) > 1)
    except (OSError, UnicodeDecodeError):
        return frozenset()


_REQUIRE = lazy_pattern(r"^\s*(?:require\s+)?([\w.~/-]+\.[\w.~/-]+)\s+(v\S+)", re.MULTILINE)
_REPLACE = lazy_pattern(r"^\s*(?:replace\s+)?([\w.~/-]+)(?:\s+v\S+)?\s+=>\s+(\S+)\s*$", re.MULTILINE)


def _go_mod(root: str) -> tuple[dict[str, str], dict[str, str]]:
    """The modules ``go.mod`` requires (path → version) and those it replaces by a local folder."""
    try:
        with open(os.path.join(root, "go.mod"), encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return {}, {}
    required = {match.group(1): match.group(2) for match in _REQUIRE.finditer(text)}
    replaced = {
        match.group(1): os.path.normpath(os.path.join(root, match.group(2)))
        for match in _REPLACE.finditer(text)
        if match.group(2).startswith((".", "/"))
    }
    return required, replaced


def _replacements(value: Any, themes_dir: str) -> dict[str, str]:
    """``module.replacements`` (``"a -> ../a, b -> /b"`` or a list of such entries), folders relative to
    ``themesDir``."""
    entries = [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []
    pairs = [part.split("->", 1) for entry in entries for part in entry.split(",") if "->" in part]
    return {path.strip(): os.path.normpath(os.path.join(themes_dir, folder.strip())) for path, folder in pairs}


def _cached(root: str, options: Options, path: str, required: dict[str, str]) -> str | None:
    """The folder of ``path`` in Hugo's module cache: in the module ``go.mod`` requires that holds it (the
    longest such module path), at the required version."""
    module = _required_module(path, required)
    if module is None:
        return None
    rest = path[len(module) :].strip("/")
    for cache in _cache_dirs(root, options):
        folder = os.path.join(
            cache, "modules", "filecache", "modules", "pkg", "mod", _escaped(f"{module}@{required[module]}")
        )
        if os.path.isdir(folder):
            return os.path.join(folder, *rest.split("/")) if rest else folder
    return None


def _required_module(path: str, required: dict[str, str]) -> str | None:
    """The module of ``required`` that holds the component ``path`` (the longest such module path)."""
    return max(
        (module for module in required if path == module or path.startswith(module + "/")), key=len, default=None
    )


def _escaped(path: str) -> str:
    """A module path as Go's module cache names it: each upper-case letter as ``!`` and the letter lowered."""
    return re.sub(r"[A-Z]", lambda match: "!" + match.group().lower(), path)


def _cache_dirs(root: str, options: Options) -> list[str]:
    """Where Hugo's cache may be: ``cacheDir``, ``$HUGO_CACHEDIR``, the user's cache folder's ``hugo_cache``
    (``$XDG_CACHE_HOME``, ``~/.cache``, ``~/Library/Caches``), then the temporary folder's."""
    home = os.path.expanduser("~")
    found = [str(options["cachedir"])] if options.get("cachedir") else []
    found += [os.environ[name] for name in ("HUGO_CACHEDIR",) if os.environ.get(name)]
    user_caches = [
        os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"),
        os.path.join(home, "Library", "Caches"),
    ]
    temporary = os.environ.get("TMPDIR") or "/tmp"
    user = os.environ.get("USER", "")
    found += [os.path.join(folder, "hugo_cache") for folder in user_caches]
    found += [os.path.join(temporary, "hugo_cache"), *([os.path.join(temporary, f"hugo_cache_{user}")] if user else [])]
    return [os.path.join(root, folder) for folder in found]

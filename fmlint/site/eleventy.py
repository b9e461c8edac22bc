"""An Eleventy site: its root is the folder holding ``eleventy.config.*`` (or the older ``.eleventy.js``); its
pages are the templates of its input folder (``dir.input``, or ``setInputDirectory``; the root by default).

Eleventy writes a Markdown page's links as they are (a link to a ``.md`` file stays one), so only the relative
links to files are judged, and no heading ID (markdown-it makes none unless the site adds a plugin with a
slugify of its own).  Its pages' output files are known where their data does not decide them: a page without
``permalink`` is written to ``<folder>/<name>/index.html`` (``<folder>/index.html`` for ``index`` and for a
name that is its folder's), one with a literal ``permalink`` there (``/a/`` is ``a/index.html``), as
``TemplatePermalink`` writes them; two pages written to one file fail the build (``checkForDuplicatePermalinks``:
"Output conflict: multiple input files are writing to …").  Not judged: a ``permalink`` that is a template, an
object or ``false`` (no page), a paginated page, a computed ``permalink``, and the pages whose data cascade may give
one — a directory or template data file of their folder or above that names ``permalink``, and, site-wide, a
layout's front matter, a global data file or the configuration's ``addGlobalData`` that may.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from typing import TYPE_CHECKING, Any

import msgspec

from fmlint.js_text import module_text
from fmlint.regex import lazy_pattern
from fmlint.site.files import file_bytes
from fmlint.site.rendering import NEVER

if TYPE_CHECKING:
    from fmlint.site.templates import Probe

COMPUTED = "computed"  # the page's data decides its output (``SiteFacts.render`` of an Eleventy page)
_PERMALINK = lazy_pattern(r"\bpermalink\b")  # (an ``eleventyComputed`` that sets one names it too)
_DIR = lazy_pattern(r"\bdir\s*:\s*\{([^}]*)\}")  # (the configuration's ``dir`` object: its options' values are text)
_DIR_OPTION = lazy_pattern(r"""\b(input|includes|layouts|data|output)\s*:\s*(['"`])([^'"`]+)\2""")
_SET_DIRECTORY = lazy_pattern(r"""\bset(Input|Includes|Layouts|Data|Output)Directory\s*\(\s*(['"`])([^'"`]+)\2""")
_GLOBAL_PERMALINK = lazy_pattern(r"""\baddGlobalData\s*\(\s*(['"`])(?:permalink|eleventyComputed)\b""")
_TEMPLATED = ("{{", "{%", "${")
_IGNORES_ADD = lazy_pattern(r"""\bignores\s*\.\s*add\s*\(\s*(['"`])([^'"`]+)\1""")
_DRAFTS = lazy_pattern(r"\bdraft\b")
_MAX_READ = 16 * 2**20  # bytes of a data file or layout read (a larger one names no permalink)
# a template's or folder's data files (a folder's ``<folder>.json`` too): what they name decides pages' files
_DATA_SUFFIXES = (".json", ".11tydata.json", ".11tydata.js", ".11tydata.cjs", ".11tydata.mjs")


class Eleventy(msgspec.Struct, frozen=True):
    """What the configuration says of an Eleventy site's output files (its data files are asked in the site pass,
    each answer recorded: :func:`data_decides`)."""

    input: str  # the input folder, relative to the root ("." for the root)
    # the includes, layouts and data folders, relative to the input folder (``dir.*``, ``set*Directory``), and the
    # output folder (from the root, as relative to the input folder): Eleventy writes no page of them
    includes: str = "_includes"
    layouts: str = "_includes"
    data: str = "_data"
    output: str = "_site"
    # input-relative globs of ``.eleventyignore`` and the configuration's ``ignores.add``: no page either
    ignored: tuple[str, ...] = ()
    global_permalink: bool = False  # the configuration's ``addGlobalData`` gives every page a permalink
    # the configuration reads ``draft`` (the base blog's preprocessor leaves drafts out of a build): Eleventy itself
    # writes a page with ``draft: true`` as any other
    drafts: bool = False

    @property
    def unbuilt(self) -> tuple[str, ...]:
        return (self.includes, self.layouts, self.data, self.output)


def read_eleventy(root: str, marker: str) -> Eleventy:
    """The site's output rules from its configuration (and its ``.eleventyignore`` files)."""
    text = module_text(os.path.join(root, marker))
    named = _dir_options(text)
    folder = named.get("input") or "."
    source = os.path.normpath(os.path.join(root, folder))
    includes = named.get("includes") or "_includes"
    output = os.path.relpath(os.path.join(root, named.get("output") or "_site"), source).replace(os.sep, "/")
    # (the configuration's from the root, where Eleventy runs; an ignore file's from its folder; no negations)
    ignored = [os.path.join(root, found.group(2)) for found in _IGNORES_ADD.finditer(text)]
    for at in {root, source}:
        lines = (line.strip() for line in _text(os.path.join(at, ".eleventyignore")).splitlines())
        ignored += [os.path.join(at, line) for line in lines if line and not line.startswith(("#", "!"))]
    globs = (os.path.relpath(path, source).replace(os.sep, "/") for path in ignored)
    ignores = tuple(glob for glob in globs if glob != ".." and not glob.startswith("../"))
    return Eleventy(
        folder,
        includes,
        named.get("layouts") or includes,
        named.get("data") or "_data",
        output,
        ignores,
        _GLOBAL_PERMALINK.search(text) is not None,
        _DRAFTS.search(text) is not None,
    )


def _dir_options(text: str) -> dict[str, str]:
    """The ``dir`` options of the configuration (``dir: {includes: "layouts"}``) and its ``set…Directory`` calls
    (``setInputDirectory("src")``), by lowercased name."""
    options = {}
    if (found := _DIR.search(text)) is not None:
        options = {option.group(1).lower(): option.group(3) for option in _DIR_OPTION.finditer(found.group(1))}
    options.update((call.group(1).lower(), call.group(3)) for call in _SET_DIRECTORY.finditer(text))
    return {name: value.strip().strip("/") for name, value in options.items()}


def data_decides(eleventy: Eleventy, source: str, folder: str, probe: Probe) -> bool:
    """Whether the data cascade may give the pages of the input-relative ``folder`` (of the input folder
    ``source``) their permalink: a global data file or a layout's front matter (any page's), or a data file of the
    folder or of one above it (a folder's data is its subfolders' too); each answer recorded by ``probe``."""
    if eleventy.global_permalink or probe(eleventy_global_data, os.path.join(source, eleventy.data)):
        return True
    if any(probe(eleventy_layouts, os.path.join(source, layouts)) for layouts in {eleventy.includes, eleventy.layouts}):
        return True
    parts = folder.split("/") if folder else []
    return any(probe(eleventy_folder_data, os.path.join(source, *parts[:depth])) for depth in range(len(parts) + 1))


def eleventy_global_data(folder: str) -> bool:
    """Whether a global data file of ``folder`` is named for ``permalink``, or for ``eleventyComputed`` and names it
    (its keys are every page's data)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    named = [name for name in names if name.split(".", 1)[0] in ("permalink", "eleventyComputed")]
    return any(_PERMALINK.search(_text(os.path.join(folder, name))) for name in named)


def eleventy_layouts(folder: str) -> bool:
    """Whether a layout of ``folder`` (and below) names ``permalink`` in its front matter (its own, or one its
    ``eleventyComputed`` computes): a layout's front matter is the data of the pages using it."""
    for at, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".") and name != "node_modules"]
        for name in names:
            text = _text(os.path.join(at, name))
            if text.startswith("---") and _PERMALINK.search(text, 0, max(text.find("\n---", 3), 0)):
                return True
    return False


def eleventy_folder_data(folder: str) -> bool:
    """Whether a data file of ``folder`` (the folder's ``<folder>.json``, ``*.11tydata.*``, a template's
    ``<name>.json``) names ``permalink``."""
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    data = [name for name in names if _data_file(name, os.path.basename(folder), names)]
    return any(_PERMALINK.search(_text(os.path.join(folder, name))) for name in data)


QUESTIONS = (eleventy_global_data, eleventy_layouts, eleventy_folder_data)  # (for the kept findings' probes)


def _data_file(name: str, folder: str, names: list[str]) -> bool:
    """Whether the file ``name`` of ``folder`` (beside ``names``) is a data file Eleventy reads: ``*.11tydata.*``,
    the folder's ``<folder>.json``, or a template's ``<name>.json`` (another project's JSON is not read)."""
    if name.endswith(_DATA_SUFFIXES[1:]):
        return True
    stem = name.removesuffix(".json")
    return name.endswith(".json") and (
        stem == folder or any(other.startswith(stem + ".") and not other.endswith(".json") for other in names)
    )


def _text(path: str) -> str:
    """The text of the regular file at ``path``, read as the linter reads one (a pipe is never opened)."""
    data = file_bytes(path, _MAX_READ)
    return "" if data is None else data.decode("utf-8", "replace")


def eleventy_render(data: dict[Any, Any]) -> str:
    """``SiteFacts.render`` of an Eleventy page: ``never`` where its ``permalink`` is ``false`` or empty (no page),
    ``computed`` where its data decides (a template, an object, ``pagination``, ``eleventyComputed.permalink``),
    else ""."""
    keys = {str(key).lower() for key in data}
    computed = data.get("eleventyComputed")
    if "pagination" in keys or not isinstance(computed, (dict, type(None))) or "permalink" in (computed or {}):
        return COMPUTED
    if "permalink" in keys and "permalink" not in data:
        return COMPUTED  # (a `Permalink:`, which Eleventy does not read: not judged either)
    if "permalink" not in data:
        return ""
    permalink = data["permalink"]
    if permalink is False or permalink == "":
        return NEVER
    if isinstance(permalink, str) and not any(mark in permalink for mark in _TEMPLATED):
        return ""
    return COMPUTED


def eleventy_output(eleventy: Eleventy, relative: str, render: str, permalink: str | None) -> str:
    """The file (output-relative) Eleventy writes the page at the input-relative path ``relative`` to, as its own
    front matter (``render``, ``permalink``) and the configuration say; "" when its data decides, or it writes
    none (the data cascade: :func:`data_decides`)."""
    if render:
        return ""
    folder, _, name = relative.rpartition("/")
    if any(folder == path or folder.startswith(path + "/") for path in eleventy.unbuilt if path != ""):
        return ""
    if any(
        fnmatch.fnmatchcase(relative, glob) or relative.startswith(glob.rstrip("/*") + "/") for glob in eleventy.ignored
    ):
        return ""
    if permalink is not None:
        link = permalink + ("index.html" if permalink.endswith("/") else "")
        path = posixpath.normpath("/" + link).lstrip("/")
        # (a file without extension: Eleventy's own error, unless allowed; not judged)
        return path if "." in path.rpartition("/")[2] else ""
    stem = name.rsplit(".", 1)[0]
    own = stem != "index" and folder.rpartition("/")[2] != stem
    return posixpath.join(folder, stem if own else "", "index.html")

"""The page parameters a Hugo site's templates read: the front-matter keys it uses, and which of them hold maps.

A site's own layouts, its themes' and modules' (``SiteConfig.layout_dirs``), and
the asset templates beside them (a search index that ``resources.ExecuteAsTemplate``
writes) are read for ``.Params.x``, ``.Param "x"``, ``index``/``isset``,
``where``'s ``"Params.x"``, ``GroupByParam``, and the LoveIt family's merged
``$params.x``.  The keys SC002 then knows (``fmlint.rules.schema``), and those read
as maps (a field of the value, or of a variable holding it) or lists of maps, whose
shape is the site's and not the bundled schema's.
``scripts/known_themes.py`` reads popular themes' releases with the same patterns.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress

from fmlint.regex import lazy_pattern
from fmlint.site.files import file_text
from fmlint.site.templates import layout_files

# a page's parameter a template reads: ``.Params.status`` (of any page: ``$.Page.Params.x``, not the site's
# ``site.Params.x``), ``.Param "x"``, ``index .Params "x"``, ``isset .Params "x"``, the key of ``where`` or
# ``sort`` written without its dot (Hextra's search index: ``where $pages "Params.excludeSearch" "!=" true``), and
# the parameter pages are grouped or sorted by (``.GroupByParam "x"``, ``.ByParam "x"``)
_PARAM_READ = lazy_pattern(
    r'(?<![Ss]ite)\.Params\.(\w+)|\.Param\s+"(\w+)|\b(?:index|isset)\s+[$\w.]*(?<![Ss]ite\.)\bParams\s+"(\w+)"'
    r'|"[Pp]arams\.(\w+)|\.(?:GroupByParam(?:Date)?|ByParam)\s+"(\w+)'
)
# `.Params.author.name`, `"Params.sidebar.exclude"`: the value is a map
_PARAM_FIELD = lazy_pattern(r'(?<![Ss]ite)\.Params\.(\w+)\.\w|"[Pp]arams\.(\w+)\.\w')
# the assets a template may execute (``resources.ExecuteAsTemplate``: Hextra's and Docsy's search indexes)
_ASSET_TEMPLATES = (".json", ".js", ".html", ".xml", ".txt")
_LARGEST_ASSET = 1 << 20  # (a bundled script library is no template)


def params_read(layouts: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The page parameters (lowercased, as Hugo keys them) the templates in the layout folders ``layouts`` (a
    site's and its themes') and in the ``assets`` folders beside them read: front-matter keys the site uses,
    though no schema of fmlint's lists them; and of them, those read as maps (a field of the value:
    ``.Params.author.name``), whose shape is the site's."""
    found: set[str] = set()
    maps: set[str] = set()
    assets = [os.path.join(os.path.dirname(top), "assets") for top in layouts if os.path.basename(top) == "layouts"]
    texts = [*map(file_text, layout_files(layouts)), *_asset_templates(layout_files(assets))]
    for template in texts:
        found |= params_in(template)
        maps |= maps_in(template)
    return frozenset(found), frozenset(maps)


def params_in(template: str) -> set[str]:
    """The page parameters (lowercased) the text of a template reads."""
    found = {next(filter(None, match.groups())).lower() for match in _PARAM_READ.finditer(template)}
    return found | {match.group(1).lower() for match in _merged_reads(template, _MERGED_READ)}


def maps_in(template: str) -> set[str]:
    """The page parameters (lowercased) the text of a template reads a field of (through a variable holding the
    value too), or of whose items."""
    found = {(match.group(1) or match.group(2)).lower() for match in _PARAM_FIELD.finditer(template)}
    found |= {match.group(1).lower() for match in _merged_reads(template, _MERGED_FIELD)}
    return found | _held_maps(template) | _items_read(template)


def _held_maps(template: str) -> set[str]:
    """The page parameters a template holds in a variable whose fields it reads: DoIt's ``$toc := $params.toc``
    then ``$toc.enable`` (a page's ``toc: {enable: true, auto: false}``)."""
    held = [(match.group(1), match.group(2)) for match in _HELD.finditer(template)]
    held += [(match.group(1), match.group(2)) for match in _merged_reads(template, _MERGED_HELD)]
    return {key.lower() for variable, key in held if re.search(rf"\${variable}\.[a-z]\w*", template)}


def _items_read(template: str) -> set[str]:
    """The page parameters whose items a template reads fields of: ``range .Param "authors"`` then ``.name``
    (flink's posts), ``range $i, $author := .`` inside ``with .Params.authors`` then ``$author.link``
    (Hextra's): lists of maps, whose shape is the site's."""
    found = set()
    for block in _PARAM_BLOCK.finditer(template):
        key = next(filter(None, block.group("param", "quoted", "indexed"))).lower()
        ranged, body = block, template[block.end() : _block_end(template, block.end())]
        if block.group("action") == "with":  # (the items are ranged over inside: `range $i, $a := .`)
            inner = _DOT_RANGE.search(body)
            if inner is None:
                continue
            ranged, body = inner, body[inner.end() : _block_end(body, inner.end())]
        item = ranged.group("second") or ranged.group("first")
        if (re.search(rf"\${item}\.[a-z]\w*", body) if item else _DOT_FIELD.search(body)) is not None:
            found.add(key)
    return found


def _block_end(template: str, start: int) -> int:
    """Where the ``{{ end }}`` closing the block whose body starts at ``start`` opens (the text's end if none)."""
    depth = 1
    for action in _BLOCK_ACTION.finditer(template, start):
        depth += -1 if action.group(1) == "end" else 1
        if depth == 0:
            return action.start()
    return len(template)


# a block over a page parameter: `range .Params.x`, `range $i, $v := .Param "x"`, `with index .Params "x"`
_PARAM_BLOCK = lazy_pattern(
    r"\{\{-?\s*(?P<action>range|with)\s+(?:\$(?P<first>\w+)\s*(?:,\s*\$(?P<second>\w+)\s*)?:?=\s*)?"
    r'(?:[$\w.]*(?<![Ss]ite)\.Params\.(?P<param>\w+)|[$\w.]*\.Param\s+"(?P<quoted>\w+)"'
    r'|index\s+[$\w.]*(?<![Ss]ite\.)\bParams\s+"(?P<indexed>\w+)")\s*-?\}\}'
)
_DOT_RANGE = lazy_pattern(r"\{\{-?\s*range\s+(?:\$(?P<first>\w+)\s*(?:,\s*\$(?P<second>\w+)\s*)?:?=\s*)?\.\s*-?\}\}")
_BLOCK_ACTION = lazy_pattern(r"\{\{-?\s*(if|range|with|define|block|end)\b")
# `{{ .name }}`: a map's key (a page's are capitalised)
_DOT_FIELD = lazy_pattern(r"\{\{-?\s*(?:(?:if|with)\s+)?\.[a-z]\w*")


def _merged_reads(template: str, pattern: str) -> Iterator[re.Match[str]]:
    """The reads (``pattern`` around a variable's name) of the variables a template holds the page's parameters
    merged over the site's in (LoveIt's and FixIt's ``$params := .Params | merge .Site.Params.page``, or their
    ``.Scratch.Get "params"``, ``.Store.Get "params"`` and ``partial "function/params.html"`` that hold it), or a
    page's alone (Wowchemy's ``$person := $person_page.Params``): ``$params.toc``."""
    for name in dict.fromkeys(_MERGED.findall(template)):
        yield from re.finditer(pattern.replace("NAME", name), template)


# a variable holding the page's parameters merged over the site's (the LoveIt family's themes), or a page's alone
# (Wowchemy's `{{ $person := $person_page.Params }}`, an author page's)
_MERGED = lazy_pattern(
    r"\$(\w+)\s*:?=\s*(?:[$\w.]*(?<![Ss]ite\.)\bParams\s*(?:\|\s*merge\b|-?\}\})"
    r'|[$\w.]*\.(?:Scratch|Store)\.Get\s+"params"|partial\s+"function/params)'
)
_MERGED_READ, _MERGED_FIELD = r"\$NAME\.(\w+)", r"\$NAME\.(\w+)\.\w"
# a variable given a parameter's value, and nothing more: `{{ $author := .Params.author }}`, `$toc := $params.toc`
# (an action of its own: not `range $i, $e := .Params.tags`, whose `$e` is an item)
_HELD = lazy_pattern(r"\{\{-?\s*\$(\w+)\s*:?=\s*[$\w.]*(?<![Ss]ite)\.Params\.(\w+)\s*-?\}\}")
_MERGED_HELD = r"\{\{-?\s*\$(\w+)\s*:?=\s*\$NAME\.(\w+)\s*-?\}\}"


def asset_template(name: str, size: int) -> bool:
    """Whether an asset file named ``name`` of ``size`` bytes may be a template (if it holds an action)."""
    return name.lower().endswith(_ASSET_TEMPLATES) and size <= _LARGEST_ASSET


def _asset_templates(paths: Iterable[str]) -> Iterator[str]:
    """The text of each of the asset files at ``paths`` that may be a template and holds an action."""
    for path in paths:
        with suppress(OSError):
            if asset_template(path, os.path.getsize(path)) and "{{" in (text := file_text(path)):
                yield text

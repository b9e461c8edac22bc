"""YAML front matter, read safely and the way Hugo reads it.

Front matter of the usual shape (one level of keys; scalars, lists of scalars,
``|`` blocks) is read by ``fmlint.frontmatter.plain_yaml``, which gives the same
data and spans in about half the time.  For everything else PyYAML composes the
node graph (with libyaml's C parser when present); this module then builds the
data itself so that it can

* keep timestamps such as ``2025-02-07 11:51:26`` as text (Hugo does);
* read only ``true``/``false`` as booleans (YAML 1.2, as Hugo and Astro do;
  ``yes``/``no`` stay strings);
* report a duplicate key at its second occurrence (PyYAML keeps the last);
* refuse every non-standard tag (``!!python/object`` is never constructed);
* bound alias and merge-key expansion and nesting depth, so a "billion laughs"
  document costs milliseconds and becomes a diagnostic;
* record the span of every key and value.
"""

from __future__ import annotations

from typing import Any, cast

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fmlint.document import Document
from fmlint.frontmatter import plain_yaml
from fmlint.frontmatter.model import FrontMatter, JsonPath, Located
from fmlint.positions import Span, char_span
from fmlint.regex import lazy_pattern

try:
    from yaml import CSafeLoader as _Loader

    _READER_OFFSETS_IN_BYTES = True  # libyaml reads the text's UTF-8 encoding
except ImportError:  # pragma: no cover - libyaml missing: the slower pure-Python parser
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _READER_OFFSETS_IN_BYTES = False

MAX_ALIAS_EXPANSIONS = 10_000
MAX_DEPTH = 100

_TAG = "tag:yaml.org,2002:"
_SCALARS = SafeConstructor()
_CONSTRUCT = {
    _TAG + "int": _SCALARS.construct_yaml_int,
    _TAG + "float": _SCALARS.construct_yaml_float,
    _TAG + "null": lambda node: None,
    _TAG + "str": lambda node: node.value,
    _TAG + "timestamp": lambda node: node.value,  # Hugo keeps dates as text
    _TAG + "bool": lambda node: _yaml12_bool(node.value),
}
_COLLECTION_TAGS = {_TAG + "map", _TAG + "omap", _TAG + "set", _TAG + "seq", _TAG + "pairs"}
_MERGE = _TAG + "merge"
_STR = _TAG + "str"
_ALIAS_VALUE = lazy_pattern(r"[ \t]*:[ \t]*(\*[^\s,\[\]{}]+)")  # `key: *name`, matched at the key's end


def _yaml12_bool(text: str) -> bool | str:
    lowered = text.lower()
    return lowered == "true" if lowered in ("true", "false") else text


class _ExpansionLimit(Exception):
    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span


def load(doc: Document) -> FrontMatter:
    """Parse the document's YAML front matter."""
    fm = FrontMatter("yaml", doc.opening)
    assert doc.front_matter is not None
    source, base = doc.source(doc.front_matter), doc.front_matter.start
    if source.startswith("\ufeff"):  # libyaml skips a leading BOM without counting it in its marks
        source, base = source[1:], base + 1
    plain = plain_yaml.read(source, base, _CONSTRUCT)
    if plain is not None:
        fm.data, fm.locations = plain
        return fm
    try:
        root = yaml.compose(source, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = base + (mark.index if mark else 0)
        message = exc.problem or str(exc)
        if exc.context and exc.context_mark:
            started = doc.lines.line_of(base + exc.context_mark.index)
            message += f" ({exc.context.removeprefix('while ')} that started on line {started})"
        fm.problem("FM002", f"YAML syntax error: {message}", char_span(doc.text, offset))
        return fm
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position too
        offset = base + _reader_offset(source, getattr(exc, "position", 0))
        fm.problem("FM002", f"YAML error: {str(exc).splitlines()[0]}", char_span(doc.text, offset))
        return fm
    if root is None:
        fm.data = {}
        return fm
    builder = _Builder(fm, base, doc)
    try:
        data = builder.build(root, (), 0)
    except _ExpansionLimit as exc:
        fm.problem("FM004", str(exc), exc.span)
        return fm
    if not isinstance(data, dict):
        fm.problem("FM006", f"front matter must be a mapping of keys to values, not {_kind(root)}", builder.span(root))
        return fm
    fm.data = data
    return fm


def _reader_offset(source: str, position: int) -> int:
    """The character offset of a reader error's ``position``."""
    if _READER_OFFSETS_IN_BYTES:
        return len(source.encode("utf-8")[:position].decode("utf-8", "ignore"))
    return position


def _kind(node: Node) -> str:
    return "a list" if isinstance(node, SequenceNode) else "a single value"


class _Builder:
    """Builds plain data from composed nodes, recording spans and problems."""

    def __init__(self, fm: FrontMatter, base: int, doc: Document) -> None:
        self.fm = fm
        self.base = base
        self.text = doc.text
        self.lines = doc.lines
        self.locations = fm.locations
        self.seen: set[int] = set()
        self.expansions = 0

    def span(self, node: Node) -> Span:
        return Span(self.base + node.start_mark.index, self.base + node.end_mark.index)

    def build(self, node: Node, path: JsonPath, depth: int, key: Span | None = None) -> Any:
        span = self.span(node)
        if id(node) in self.seen:
            span = self._alias_after(key) or span
            self.expansions += 1
            if self.expansions > MAX_ALIAS_EXPANSIONS:
                raise _ExpansionLimit(  # reported at the top-level key being expanded
                    self.fm.key_span(path[:1]),
                    f'aliases expand to more than {MAX_ALIAS_EXPANSIONS} nodes (a YAML "billion laughs" bomb?)',
                )
        else:
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _ExpansionLimit(self.span(node), f"front matter is nested more than {MAX_DEPTH} levels deep")
        if path not in self.locations:
            self.locations[path] = Located(span, key)
        if type(node) is ScalarNode:
            return node.value if node.tag == _STR else self._scalar(node)
        self._check_tag(node, _COLLECTION_TAGS)
        if type(node) is SequenceNode:
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        return self._mapping(cast(MappingNode, node), path, depth)

    def _alias_after(self, key: Span | None) -> Span | None:
        """The ``*name`` written after ``key``: an alias's node is the anchor's, placed there."""
        alias = _ALIAS_VALUE.match(self.text, key.end) if key else None
        return Span(alias.start(1), alias.end(1)) if alias else None

    def _check_tag(self, node: Node, allowed: set[str] | dict[str, Any]) -> None:
        if node.tag not in allowed:
            self.fm.problem(
                "FM005", f"unsupported YAML tag `{node.tag}` (only standard types are read)", self.span(node)
            )

    def _scalar(self, node: ScalarNode) -> Any:
        construct = _CONSTRUCT.get(node.tag)
        if construct is None:
            self._check_tag(node, _CONSTRUCT)
            return node.value
        try:
            return construct(node)
        except (ValueError, ConstructorError):
            self.fm.problem("FM002", f"cannot read `{node.value}` as {node.tag.removeprefix(_TAG)}", self.span(node))
            return node.value

    def _mapping(self, node: MappingNode, path: JsonPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merges = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            if not isinstance(key_node, ScalarNode):
                self.fm.problem("FM002", "a key must be a plain value, not a list or mapping", self.span(key_node))
                continue
            key = key_node.value
            key_span = self.span(key_node)
            if key in result:
                self.fm.duplicate_key((*path, key), key_span, self.lines, self.span(value_node))
                continue
            result[key] = self.build(value_node, (*path, key), depth + 1, key_span)
        # Merged keys come last so that explicit keys keep their own positions.
        for merge in merges:
            for key, value in self._merge_sources(merge, path, depth).items():
                result.setdefault(key, value)
        return result

    def _merge_sources(self, node: Node, path: JsonPath, depth: int) -> dict[str, Any]:
        """The mappings a ``<<`` key merges in, earlier sources winning."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        merged: dict[str, Any] = {}
        for source in reversed(sources):
            if not isinstance(source, MappingNode):
                self.fm.problem("FM002", "a merge key `<<` needs a mapping or a list of mappings", self.span(source))
                continue
            value = self.build(source, path, depth + 1)
            merged.update(value)
        return merged

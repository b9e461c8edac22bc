"""A fast reader for YAML front matter of the usual shape; ``None`` for anything else.

Most front matter is one level of ``key: value`` lines whose values are quoted
or plain scalars, ``[]``, lists of such scalars, or ``|`` text blocks.
Composing that with PyYAML (libyaml's events, then a Python node and two mark
objects per value) and building the data from the nodes costs twice what
reading those lines directly does (0.10 against 0.05 ms for a benchmark
article's 27 lines).  This module reads exactly that
subset and gives the data, spans and resolved types PyYAML's nodes give
(``tests/test_plain_yaml.py`` holds the two equal on every corpus and on
generated documents).  Anything else — nesting, flow collections with items,
escapes, anchors, tags, folded or ``|+`` blocks, multi-line plain scalars,
empty values, tabs, CRs and YAML's other line breaks, characters libyaml
refuses, duplicate keys, a value that does not construct — returns ``None``,
and PyYAML reads the document (and reports what it finds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import accumulate
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from fmlint.frontmatter.model import JsonPath, Located
from fmlint.positions import Span
from fmlint.regex import lazy_pattern

Construct = Mapping[str, Callable[[ScalarNode], Any]]

# A value written on one line: `[]`, quoted without escapes, or plain (no indicator first, no `: `
# or ` #` inside, no `:` at the end); then an optional comment and spaces.  The group that
# matched names the kind (``Match.lastgroup``).
_VALUE = (
    r"""(?:(?P<empty>\[\])|"(?P<double>[^"\\]*)"|'(?P<single>[^']*)'"""
    r"""|(?P<plain>[^-?:,\[\]{}#&*!|>'"%@`\s](?:[^:#]|:(?![ ]|\Z)|(?<![ ])\#)*?))(?:[ ]+\#.*)?[ ]*\Z"""
)
_KEY = r"([A-Za-z_][A-Za-z0-9_-]*):"
_KEY_VALUE = lazy_pattern(_KEY + r"[ ]+" + _VALUE)  # `key: value`
# `key:` (a list follows) or `key: |` (`key:|` is one plain scalar to YAML: no space after the colon)
_KEY_ALONE = lazy_pattern(_KEY + r"(?:[ ]+(?P<block>\|-?))?[ ]*\Z")
_ITEM = lazy_pattern(r"([ ]*)-[ ]+" + _VALUE)  # `- item`
# Tabs, CRs and YAML 1.1's other line breaks, a BOM, and what libyaml rejects as non-printable
# (compiled when first needed, ~2 ms: its ranges are filled in one code point at a time)
_UNUSUAL = "[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
_STR = Resolver.DEFAULT_SCALAR_TAG
_RESOLVERS = Resolver.yaml_implicit_resolvers  # PyYAML's safe loaders' plain-scalar types, by first character


def _unusual(source: str) -> bool:
    """Whether ``source`` holds a character of :data:`_UNUSUAL`.  Each of those is a control, format,
    surrogate, non-character or line/paragraph separator, none of which ``str.isprintable`` accepts: it
    (in C, ~8x faster than the search) clears almost every document first."""
    return not source.replace("\n", " ").isprintable() and re.search(_UNUSUAL, source) is not None


class _Unusual(Exception):
    """The source leaves the usual shape: PyYAML reads it."""


def read(source: str, base: int, construct: Construct) -> tuple[dict[str, Any], dict[JsonPath, Located]] | None:
    """The data and locations of ``source`` (at document offset ``base``), or ``None`` when it is unusual.

    ``construct`` builds the value of a plain scalar whose resolved type is not
    ``str`` (the YAML loader's rules: dates stay text, only true/false are
    booleans); a type it does not name, or a value it cannot build, is unusual.
    """
    if _unusual(source):
        return None
    try:
        return _Reader(source, base, construct).read()
    except _Unusual:
        return None


class _Reader:
    def __init__(self, source: str, base: int, construct: Construct) -> None:
        self.lines = source.split("\n")  # after a final newline, an empty last "line"
        self.count = len(self.lines)
        self.starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=base))
        self.end = base + len(source)
        self.construct = construct
        self.locations: dict[JsonPath, Located] = {}

    def read(self) -> tuple[dict[str, Any], dict[JsonPath, Located]]:
        data: dict[str, Any] = {}
        locations = self.locations
        locations[()] = Located(Span(0, 0))  # the root comes first, as PyYAML's builder records it
        lines, starts, count = self.lines, self.starts, self.count
        number = self._significant(0)
        first = self.offset(number)
        while number < count:
            line = lines[number]
            start = starts[number]
            entry = _KEY_VALUE.match(line)
            if entry is not None:
                key = entry[1]
                data_value, span = self._value(entry, start)
                number += 1
            else:
                entry = _KEY_ALONE.match(line)
                if entry is None:  # indented, or not a plain key
                    raise _Unusual
                key = entry[1]
                if entry["block"] is None:
                    locations[(key,)] = Located(Span(0, 0))  # before its items, as PyYAML's builder records it
                    data_value, span, number = self._list(number + 1, (key,))
                else:
                    data_value, number = self._literal(number + 1, keep_final_break=entry["block"] == "|")
                    span = Span(start + entry.start("block"), self.offset(number))  # to the next line with text
            if key in data:
                raise _Unusual  # a duplicate key: PyYAML's builder reports it
            data[key] = data_value
            locations[(key,)] = Located(span, Span(start, start + len(key)))
            if number < count and (not lines[number] or lines[number][0] in " #"):
                number = self._significant(number)
                if number < count and lines[number][0] == " ":
                    raise _Unusual  # an indented line continues a value or nests one
        if not data:
            raise _Unusual  # no keys: an empty document, for PyYAML to say so
        locations[()] = Located(Span(first, self.end))
        return data, locations

    def offset(self, number: int) -> int:
        """Where line ``number`` starts (the end of the source past the last line)."""
        return self.starts[number] if number < self.count else self.end

    def _significant(self, number: int) -> int:
        """The first line from ``number`` that is not blank or a comment (``count`` when none)."""
        lines = self.lines
        while number < self.count:
            content = lines[number].lstrip(" ")
            if content and content[0] != "#":
                break
            number += 1
        return number

    def _list(self, number: int, path: JsonPath) -> tuple[list[Any], Span, int]:
        """A block list of scalars from line ``number``: its items, its span, and the line after it."""
        items: list[Any] = []
        lines, starts = self.lines, self.starts
        number = self._significant(number)
        indent = -1
        dash = 0
        while number < self.count:
            item = _ITEM.match(lines[number])
            if item is None or (indent >= 0 and item.end(1) != indent):
                if indent >= 0 and lines[number][0] != " ":
                    break  # the next key
                raise _Unusual  # no list (an empty or nested value), or a nested, odd or continued item
            if indent < 0:
                indent = item.end(1)
                dash = starts[number] + indent
            value, span = self._value(item, starts[number])
            if type(value) is list:
                raise _Unusual  # a nested list
            self.locations[(*path, len(items))] = Located(span)
            items.append(value)
            number = self._significant(number + 1)
        if indent < 0:
            raise _Unusual  # `key:` and nothing under it: an empty value
        return items, Span(dash, self.offset(number)), number

    def _literal(self, number: int, keep_final_break: bool) -> tuple[str, int]:
        """A ``|`` or ``|-`` block from line ``number``: its text and the line after it."""
        lines = self.lines
        first = number
        indent = len(lines[first]) - len(lines[first].lstrip(" ")) if first < self.count else 0
        if indent == 0:
            raise _Unusual  # empty, or leading blank lines (the indentation is found further down)
        last = first  # the last line with text
        while number < self.count:
            line = lines[number]
            if line.isspace():
                raise _Unusual  # a line of spaces only: kept in part, by rules not followed here
            if line and not line.startswith(" " * indent):
                break
            last = number if line else last
            number += 1
        text = "\n".join(line[indent:] for line in lines[first : last + 1])  # trailing blank lines dropped
        if keep_final_break and last + 1 < self.count:  # the last line of text ends with a line break
            text += "\n"
        return text, number

    def _value(self, match: re.Match[str], line_start: int) -> tuple[Any, Span]:
        """The value a line's ``_VALUE`` part matched, and where it is written (no comment or spaces)."""
        kind = match.lastgroup
        assert kind is not None
        start, end = match.span(kind)
        if kind == "empty":
            return [], Span(line_start + start, line_start + end)
        if kind != "plain":  # quoted: the quotes are part of the value's source
            return match[kind], Span(line_start + start - 1, line_start + end + 1)
        value = match[kind]
        span = Span(line_start + start, line_start + end)
        tag = _resolve(value)
        if tag == _STR:
            return value, span
        construct = self.construct.get(tag)
        if construct is None:
            raise _Unusual
        try:
            return construct(ScalarNode(tag, value)), span
        except Exception:
            raise _Unusual from None


def _resolve(value: str) -> str:
    """The type PyYAML resolves a plain scalar to (as ``Resolver.resolve`` does)."""
    for tag, pattern in _RESOLVERS.get(value[0], ()):
        if pattern.match(value):
            return tag
    return _STR

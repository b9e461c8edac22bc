"""The rules a Go template writes to Netlify's ``_redirects``, read without running it.

A Hugo site may write ``_redirects`` from a template: its home page in an output
format whose ``baseName`` is ``_redirects`` (keda.sh's and opentelemetry.io's
``layouts/index.redirects``), often through partials.  Each line it writes is
``source target [status]``.  The template is read as far as it can be without
building the site:

- the partials it writes (``{{ partial "redirects/pages.txt" . }}``) are read in
  place; whitespace is trimmed at ``{{-`` and ``-}}`` as Hugo trims it;
  ``define`` blocks write nothing;
- an action's value is known when it is a string, a ``slice`` of strings, a
  variable set from one (``range $name := $topLevel``), a site parameter
  (``index site.Params.versions.docs 0``), a language's name (the default
  language's in ``with hugo.Sites.Default``), or ``printf``/``print`` of known
  values: each value makes a rule;
- the lines written in a ``range``/``with`` over a page parameter (``range
  $p.Params.redirects``) whose source is that parameter's value (or its ``from``)
  redirect from the values each page gives it, relative to the page's URL unless
  they start with ``/`` (:attr:`Redirects.params`); those in a ``range`` over
  ``.Aliases`` are the aliases the site rules know already;
- a source with a value not known (``/docs/{{ $lang }}/*``) whose target carries
  it (``/docs/instrumentation/{{ $lang }}/:splat``) redirects a link there only
  when the link's target, with the value carried over, is good
  (:attr:`Redirects.followed`); where the target does not carry it, the source
  covers what its literal part does (``/docs/scalers/{{ $path }}``: every path
  below ``/docs/scalers/``; one that starts with an action: any path).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import msgspec

from fmlint.regex import lazy_pattern
from fmlint.site.files import read_text
from fmlint.site.routes import COMPUTED, sources
from fmlint.site.templates import partial_template


class Redirects(NamedTuple):
    sources: list[str]  # routes (``fmlint.site.routes``) a link is redirected from, wherever the rule leads
    followed: list[tuple[str, str]]  # (source expression with named groups, target with ``\g<name>``)
    params: list[tuple[str, str]]  # (page parameter, lowercased; its items' field redirected from, or "")
    data: bytes  # the bytes of the template and the partials read: what the findings depend on


class _Value(msgspec.Struct, frozen=True):
    """What an action gives: the strings it may be, or an unknown value (``values`` None) named for the
    expression it comes from, with the text around it (``pattern``, ``\\0`` standing for it)."""

    values: frozenset[str] | None = None
    name: str = ""
    pattern: str = "\0"
    param: str = ""  # the page parameter (lowercased) it is, or an item (``item``) or a field of
    field: str = ""
    item: bool = False
    items: bool = False  # a list: ``range`` gives each of ``values``
    aliases: bool = False  # a page's aliases
    default_site: bool = False  # ``hugo.Sites.Default``


class _Site(msgspec.Struct):
    params: dict[str, Any]
    languages: tuple[str, ...]
    default_language: str


class _Block(msgspec.Struct):
    dot: _Value
    skipped: bool = False  # a ``define``, or a ``range`` over aliases: writes nothing to judge
    param: str = ""  # in a ``range``/``with`` over this page parameter


class _Reader(msgspec.Struct):
    site: _Site
    blocks: list[_Block] = msgspec.field(default_factory=list)
    variables: dict[str, _Value] = msgspec.field(default_factory=dict)
    line: list[str | _Value] = msgspec.field(default_factory=list)
    found: Redirects = msgspec.field(default_factory=lambda: Redirects([], [], [], b""))

    @property
    def dot(self) -> _Value:
        return self.blocks[-1].dot

    @property
    def skipping(self) -> bool:
        return any(block.skipped for block in self.blocks)

    def text(self, text: str) -> None:
        if self.skipping:
            return
        lines = text.split("\n")
        for number, part in enumerate(lines):
            if part:
                self.line.append(part)
            if number < len(lines) - 1:
                self.end_line()

    def end_line(self) -> None:
        line, self.line = self.line, []
        param = next((block.param for block in reversed(self.blocks) if block.param), "")
        if param:
            first = next((piece for piece in line if not isinstance(piece, str) or piece.strip()), None)
            if isinstance(first, _Value) and first.param == param:  # the source is the parameter's value
                self.found.params.append((param, first.field))
            return
        for variant in _variants(line):
            _rule(variant, self.found)

    def action(self, body: str) -> None:
        if body.startswith("/*"):
            return
        word, _, rest = body.partition(" ")
        rest = rest.strip()
        if word in ("if", "block"):
            self.blocks.append(_Block(self.dot))
        elif word == "with":
            name, value = self.bound(rest)
            self.blocks.append(_Block(self.dot if name else value, param=value.param))
            if name:
                self.variables[name] = value
        elif word == "range":
            name, value = self.bound(rest)
            item = _item(value, name or ".")
            self.blocks.append(_Block(self.dot if name else item, skipped=value.aliases, param=item.param))
            if name:
                self.variables[name] = item
        elif word == "define":
            self.blocks.append(_Block(_Value(name="."), skipped=True))
        elif word == "end":
            if len(self.blocks) > 1:
                self.blocks.pop()
        elif word in ("else", "return", "continue", "break", "template"):
            return
        elif (assigned := _ASSIGNMENT.match(body)) is not None:
            self.variables[assigned.group(1)] = self.evaluate(assigned.group(2))
        elif not self.skipping:
            self.line.append(self.evaluate(body))

    def bound(self, text: str) -> tuple[str, _Value]:
        """A ``range``/``with`` clause's variable (the last one declared, "" for none) and its value."""
        declared = _DECLARATION.match(text)
        if declared is None:
            return "", self.evaluate(text)
        return declared.group(1), self.evaluate(text[declared.end() :])

    def evaluate(self, expression: str) -> _Value:
        commands = _split(expression, "|")
        value = self.command(_words(commands[0]), None)
        for command in commands[1:]:
            value = self.command(_words(command), value)
        return value

    def command(self, words: list[str], piped: _Value | None) -> _Value:
        if not words:
            return piped or _Value(name="")
        name, arguments = words[0], [self.term(word) for word in words[1:]]
        if piped is not None:
            arguments.append(piped)
        if name == "printf" and arguments and arguments[0].values is not None and len(arguments[0].values) == 1:
            return _printf(next(iter(arguments[0].values)), arguments[1:])
        if name == "print":
            return _printf("%v" * len(arguments), arguments)
        if name == "slice" and all(a.values is not None for a in arguments):
            return _Value(frozenset(v for a in arguments for v in a.values or ()), items=True)
        if name == "index" and len(words) >= 3:
            return self.term(words[1] + "".join(f"[{word}]" for word in words[2:]))
        if name == "cond" and len(arguments) == 3:
            return next((a for a in arguments[1:] if a.param), _Value(name=" ".join(words)))
        if len(words) == 1 and piped is None:
            return self.term(name)
        return _Value(name=" ".join(words))

    def term(self, word: str) -> _Value:
        """One operand: a string, a number, a variable, a field chain from the dot or the site (``[n]`` after it:
        ``index``'s keys), a parenthesized pipeline."""
        if word[:1] in '"`':
            return _Value(frozenset({_unquoted(word)}))
        if word.isdigit():
            return _Value(frozenset({word}))
        if word.startswith("("):
            return self.evaluate(word[1:-1]) if word.endswith(")") else _Value(name=word)
        chain, _, indexes = word.partition("[")
        keys = [_unquoted(key) if key[:1] in '"`' else key for key in re.findall(r"\[([^\]]*)\]", "[" + indexes)]
        head, *fields = chain.split(".")
        lowered = [part.lower() for part in fields]
        if head == "site":
            return self.site_field([*lowered, *keys], word)
        if head == "hugo":
            return _Value(name=word, default_site=lowered == ["sites", "default"])
        if head and not head.startswith("$"):
            return _Value(name=word)  # (a function, `true`, `nil`)
        if lowered[:1] == ["site"]:
            return self.site_field([*lowered[1:], *keys], word)
        base = self.blocks[0].dot if head == "$" else self.variables.get(head, _Value(name=head)) if head else self.dot
        return self.field(base, [part for part in fields if part], [part for part in lowered if part], word)

    def site_field(self, path: list[str], word: str) -> _Value:
        """``site.Params.a.b`` (with ``index``'s keys) from the configuration, ``site.Language.Lang``."""
        if path[:1] == ["params"]:
            value: Any = self.site.params
            for key in path[1:]:
                if isinstance(value, dict):
                    value = value.get(key.lower())
                elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
                    value = value[int(key)]
                else:
                    value = None
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return _Value(frozenset({str(value)}))
            if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
                return _Value(frozenset(map(str, value)), items=True)
        if path in (["language", "lang"], ["language", "name"], ["lang"]):
            return _Value(frozenset(self.site.languages))
        return _Value(name=word)

    def field(self, base: _Value, fields: list[str], lowered: list[str], word: str) -> _Value:
        if not fields:
            return base
        if lowered[0] == "params" and len(lowered) == 2:
            return _Value(name=word, param=lowered[1])
        if lowered == ["aliases"]:
            return _Value(name=word, aliases=True)
        if lowered[0] in ("language", "lang") and lowered[-1] in ("lang", "name", "language"):
            languages = (self.site.default_language,) if base.default_site else self.site.languages
            return _Value(frozenset(languages))
        if base.param and base.item and len(lowered) == 1:
            return _Value(name=word, param=base.param, field=lowered[0])
        return _Value(name=word)


_ASSIGNMENT = lazy_pattern(r"(\$\w*)\s*:?=\s*(.*)", re.DOTALL)
_DECLARATION = lazy_pattern(r"(?:\$\w*\s*,\s*)?(\$\w*)\s*:?=\s*")
_WORD = lazy_pattern(r"""\s*("(?:[^"\\]|\\.)*"|`[^`]*`|\((?:[^()"]|"(?:[^"\\]|\\.)*"|\([^()]*\))*\)[\w.]*|[^\s()]+)""")
_DIRECTIVE = lazy_pattern(r"%[-+# 0]*\d*(?:\.\d+)?[svdq]")
_MAX_VARIANTS = 256
_NOT_WORD = lazy_pattern(r"\W")
_PLACEHOLDER = lazy_pattern(r"/:\w")  # a target's ``:name`` segment, which the source's carries


def _item(value: _Value, name: str) -> _Value:
    """What a ``range`` over ``value`` gives each time."""
    if value.items:
        return _Value(value.values)
    if value.param:
        return _Value(name=name, param=value.param, item=True)
    return _Value(name=name, aliases=value.aliases)


def _unquoted(word: str) -> str:
    if word.startswith("`"):
        return word[1:-1]
    return re.sub(r"\\(.)", r"\1", word[1:-1])


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside strings and parentheses."""
    parts, depth, quote, start = [], 0, "", 0
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote and text[at - 1] != "\\" else quote
        elif char in '"`':
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


def _words(command: str) -> list[str]:
    return [found.group(1) for found in _WORD.finditer(command)]


def _printf(layout: str, arguments: list[_Value]) -> _Value:
    """``printf`` of known values (each combination), or an unknown value with the text around it."""
    directives = _DIRECTIVE.findall(layout)
    if len(directives) != len(arguments):
        return _Value(name=layout)
    param = next((a for a in arguments if a.param), None)
    if param is not None:
        return param
    if all(a.values is not None for a in arguments):
        combinations = list(
            itertools.islice(itertools.product(*(sorted(a.values or ()) for a in arguments)), _MAX_VARIANTS + 1)
        )
        if len(combinations) <= _MAX_VARIANTS:
            return _Value(frozenset(_format(layout, combination) for combination in combinations))
    unknown = [a for a in arguments if a.values is None]
    if len(unknown) == 1 and all(a.values is not None and len(a.values) == 1 for a in arguments if a is not unknown[0]):
        pattern = _format(layout, tuple("\0" if a is unknown[0] else next(iter(a.values or ())) for a in arguments))
        return msgspec.structs.replace(unknown[0], pattern=pattern.replace("\0", unknown[0].pattern))
    return _Value(name=layout)


def _format(layout: str, values: tuple[str, ...]) -> str:
    """``layout`` with each directive replaced by its value (its width and padding dropped: a rule's fields are
    split at spaces anyway)."""
    taken = iter(values)
    return _DIRECTIVE.sub(lambda _: next(taken), layout)


def _variants(line: list[str | _Value]) -> list[list[str | _Value]]:
    """The lines a line of known values writes (one for each combination), unknown values kept."""
    choices: list[list[str | _Value]] = [
        [piece] if isinstance(piece, str) or piece.values is None else list[str | _Value](sorted(piece.values))
        for piece in line
    ]
    if math.prod(map(len, choices)) > _MAX_VARIANTS:  # too many to list: the values are not known
        choices = [
            [piece] if isinstance(piece, str) else [msgspec.structs.replace(piece, values=None)] for piece in line
        ]
    return [list(combination) for combination in itertools.product(*choices)]


def _rule(pieces: list[str | _Value], found: Redirects) -> None:
    """Add the rule one written line makes to ``found``."""
    names: dict[str, str] = {}  # a placeholder character → the unknown value's name
    text = ""
    for piece in pieces:
        if isinstance(piece, str):
            text += piece
        elif piece.param or piece.values is None:
            mark = chr(0xE000 + len(names) % 6000)
            names[mark] = piece.name
            text += piece.pattern.replace("\0", mark)
    fields = text.split()
    if len(fields) < 2:
        return
    source, target = fields[0], fields[1]
    marks = [mark for mark in names if mark in source]
    status = fields[2] if len(fields) > 2 else ""
    carried = {names[mark] for mark in marks}
    in_target = {names[mark] for mark in names if mark in target}
    placeholders = ":splat" in target or _PLACEHOLDER.search(target) is not None
    if (
        target.startswith("/")
        and (source.startswith("/") or marks)
        and not status.startswith(("200", "404"))
        and in_target <= carried
        and (in_target or placeholders)
    ):
        found.followed.append(_followed(source, target, names))
        return
    for mark in marks:
        source = source.replace(mark, COMPUTED)
    found.sources.extend(sources([" ".join([source, *fields[1:]])]))


def _followed(source: str, target: str, names: dict[str, str]) -> tuple[str, str]:
    """A source with unknown values as an expression whose groups the target names (``:splat`` for ``*``,
    ``:name`` for a placeholder segment)."""
    groups = {name: f"v{number}" for number, name in enumerate(dict.fromkeys(names.values()))}
    pattern = ""
    parts = source.rstrip("/").split("/")
    for number, part in enumerate(parts):
        if number:
            pattern += "/"
        if part == "*" and number == len(parts) - 1:
            pattern = pattern[:-1] + "(?:/(?P<splat>.*))?"
            continue
        if part.startswith(":"):
            pattern += f"(?P<p_{_NOT_WORD.sub('_', part[1:])}>[^/]+)"
            continue
        for piece in re.split(f"([{''.join(names)}])", part) if names else [part]:
            if piece in names:
                group = groups[names[piece]]
                seen = f"(?P={group})" if f"(?P<{group}>" in pattern else f"(?P<{group}>[^/]+)"
                pattern += seen if number else f"(?P<{group}>.*)"
            else:
                pattern += re.escape(piece)
    expanded = target.replace(":splat", r"\g<splat>")
    expanded = re.sub(r":(\w+)", lambda m: rf"\g<p_{m.group(1)}>", expanded)
    for mark, name in names.items():
        expanded = expanded.replace(mark, rf"\g<{groups[name]}>")
    return pattern, expanded


FOLLOWED = 3  # how many rules a link is followed through (one rule may lead to another's source)


def follow(rules: tuple[tuple[str, str], ...], path: str) -> list[str]:
    """The targets ``rules`` (:attr:`Redirects.followed`) redirect the URL path ``path`` to."""
    key = "/" + path.strip("/") if path.strip("/") else ""
    found = []
    for pattern, target in rules:
        matched = re.fullmatch(pattern, key)
        if matched is not None:
            try:
                found.append(matched.expand(target))
            except (re.error, IndexError):
                continue
    return found


def template_redirects(
    path: str, layouts: Sequence[str], params: dict[str, Any], languages: tuple[str, ...], default_language: str
) -> Redirects:
    """The rules the template at ``path`` (of a Hugo site whose layout folders are ``layouts``) writes to
    ``_redirects``."""
    reader = _Reader(_Site(params, languages, default_language), [_Block(_Value(name="."))])
    data, tokens = _expanded(path, layouts, 0)
    for token in tokens:
        if isinstance(token, _Action):
            reader.action(token.body)
        else:
            reader.text(token)
    reader.end_line()
    return reader.found._replace(data=data)


class _Action(NamedTuple):
    body: str


_TAG = lazy_pattern(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.DOTALL)
# a partial written, or taken by a variable (jaeger's `$redirects := partial "redirects.txt" .`, written later)
_PARTIAL = lazy_pattern(r"(?:\$\w*\s*:?=\s*)?partial(?:Cached)?\s+\"([^\"]+)\"")
_RETURN = lazy_pattern(r"return\b")  # a partial that returns a value writes no text (one it reads never does)


def _tokens(text: str) -> list[str | _Action]:
    """Text and actions, the text trimmed at ``{{-`` and ``-}}``."""
    tokens: list[str | _Action] = []
    at, trim = 0, False
    for tag in _TAG.finditer(text):
        chunk = text[at : tag.start()]
        chunk = chunk.lstrip() if trim else chunk
        tokens += [chunk.rstrip() if tag.group(1) else chunk, _Action(tag.group(2).strip())]
        trim, at = bool(tag.group(3)), tag.end()
    tail = text[at:]
    return [*tokens, tail.lstrip() if trim else tail]


def _expanded(path: str, layouts: Sequence[str], depth: int) -> tuple[bytes, list[str | _Action]]:
    """The tokens of the template at ``path`` with the text of the partials it writes (or a variable takes) read
    in place, and the bytes read."""
    data, text = read_text(path)
    tokens: list[str | _Action] = []
    for token in _tokens(text):
        written = _PARTIAL.match(token.body) if isinstance(token, _Action) else None
        partial = partial_template(layouts, written.group(1)) if written is not None and depth < 8 else None
        more, inner = _expanded(partial, layouts, depth + 1) if partial is not None else (b"", [])
        if partial is None or any(isinstance(t, _Action) and _RETURN.match(t.body) for t in inner):
            tokens.append(token)
        else:
            tokens += inner
        data += more
    return data, tokens

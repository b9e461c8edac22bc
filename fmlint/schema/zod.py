"""A Zod schema written in a TypeScript module, read without running it, as the JSON Schema it checks.

Astro's content collections (and Nuxt Content's) describe their front matter with
Zod: ``z.object({title: z.string(), pubDate: z.coerce.date(), tags:
z.array(z.string()).default([])})``.  The module's text is read as a small
subset of TypeScript — literals, object and array literals, names of the
module's constants, member calls and arrow functions — and what Zod builds of
it is turned into JSON Schema: its types, ``required`` keys (neither
``.optional()`` nor ``.default()``), enums, literals, unions, string and number
bounds, and ``additionalProperties: false`` where Zod refuses unknown keys
(``.strict()``; ``z.object`` drops them, which fails no build: a key that
misspells one the schema names is then SC006's).  Whatever is not understood (an imported schema, ``z.preprocess``, a
custom ``.refine``) is read as anything (``{}``), never as a constraint: a
reader that guesses would report faults the build does not have.

Dates follow the front matter's YAML as Astro reads it (js-yaml): ``z.date()``
takes a YAML timestamp (fmlint keeps it as its text, so a quoted one, which Zod
refuses, passes here), ``z.coerce.date()`` anything JavaScript's ``Date`` reads
(a string with a digit, a number; not a list or a mapping).
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from fmlint.js_text import without_comments
from fmlint.regex import lazy_pattern

# the keyword marking Astro's ``reference("name")``: the value names an entry of that collection
# (``fmlint.site.astro_entries``; validators ignore a keyword they do not know)
REFERENCE = "x-fmlint-reference"
_COERCED_DATE: dict[str, Any] = {"anyOf": [{"type": "string", "format": "js-date"}, {"type": ["number", "null"]}]}

_TOKEN = lazy_pattern(
    r"""\s*(?:(?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)"""
    r"""|(?P<number>-?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<name>[A-Za-z_$][\w$]*)"""
    r"""|(?P<punct>=>|\.\.\.|\?\.|[(){}\[\],.:;?!=<>|&+\-*/%])|(?P<other>\S))""",
    re.DOTALL,
)
_REGEX = lazy_pattern(r"\s*/(?:[^/\\\n\[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[a-z]*")


class Unknown:
    """A value the reader does not follow (an import, a function's result, an expression it does not read)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()


class Zod(msgspec.Struct):
    """A Zod schema as JSON Schema (``{}``: anything), whether a key holding it may be left out, and an
    object's keys (to ``.extend`` it) with whether it refuses keys it does not name (``.strict()``)."""

    schema: dict[str, Any]
    optional: bool = False
    shape: dict[str, Zod] | None = None
    strict: bool = False


class _Function(NamedTuple):
    """An arrow function: its parameters' names (a destructured object's too), where its body starts, in which
    module."""

    parameters: list[str]
    body: int
    module: Module


class Builtin(NamedTuple):
    """A function the module imports whose calls the caller reads (Astro's ``defineCollection``, ``glob``)."""

    call: Callable[[list[Any]], Any]


class _Marker(msgspec.Struct, frozen=True):
    """A name with a meaning here: Zod's namespace, Astro's ``image()`` and ``reference()`` helpers."""

    name: str


_Z, _COERCE, _IMAGE, _REFERENCE = _Marker("z"), _Marker("z.coerce"), _Marker("image"), _Marker("reference")
VELITE = _Marker("s")  # Velite's namespace: Zod's, and schemas of its own (``_VELITE``)
ANYTHING = Zod({})


Resolve = Callable[[str, str], "str | None"]  # (the importing module's folder, a specifier) → the module's file


class Module:
    """A module's text (comments blanked) whose expressions are read on request, its constants found by name —
    those it imports too, from the modules ``resolve`` finds (relative ones, a project's import aliases)."""

    def __init__(
        self,
        text: str,
        known: dict[str, Any] | None = None,
        path: str = "",
        resolve: Resolve | None = None,
        loaded: dict[str, Module] | None = None,
    ) -> None:
        self.text = without_comments(text)
        self.known: dict[str, Any] = {"z": _Z, "reference": _REFERENCE, **(known or {})}
        self.path, self.resolve = path, resolve
        self.loaded = loaded if loaded is not None else {}  # (every module read, by path: each once)
        self._constants: dict[str, Any] = {}
        self._reading: set[str] = set()
        for imported in _ZOD_IMPORT.finditer(self.text):  # (`import { z as zod } from "astro:content"`)
            self.known[imported.group(1)] = _Z

    def constant(self, name: str) -> Any:
        """The value of the module's top-level ``const``/``let`` ``name``, or of the one it imports as ``name``
        (``UNKNOWN`` when it is neither, or cannot be read)."""
        if name in self.known:
            return self.known[name]
        if name not in self._constants:
            if name in self._reading:
                return UNKNOWN  # (a schema defined through itself: `z.lazy`)
            self._reading.add(name)
            found = re.search(rf"(?<![\w$.])(?:const|let|var)\s+{re.escape(name)}\s*(?::[^=;]*?)?=(?!=)", self.text)
            self._constants[name] = self.value(found.end()) if found is not None else self._imported(name)
            self._reading.discard(name)
        return self._constants[name]

    def value(self, start: int, scope: dict[str, Any] | None = None) -> Any:
        """The value of the expression starting at ``start`` (``UNKNOWN`` when it cannot be read)."""
        try:
            return _Reader(self, start, scope or {}).expression()
        except _NotRead:
            return UNKNOWN

    def default_export(self) -> Any:
        """The value the module exports as its default (``export default makeSource({…})``)."""
        found = _DEFAULT_EXPORT.search(self.text)
        return self.value(found.end()) if found is not None else UNKNOWN

    def _imported(self, name: str) -> Any:
        """What ``name`` is imported (or re-exported: ``export { a } from``, ``export * from``) as."""
        for found in _IMPORT.finditer(self.text):
            default, named, namespace, specifier = found.group("default", "named", "namespace", "from")
            if default == name:
                module = self._module(specifier)
                return module.default_export() if module is not None else UNKNOWN
            if namespace == name:
                module = self._module(specifier)
                return _Namespace(module) if module is not None else UNKNOWN
            for item in (named or "").split(","):
                original, _, local = item.strip().removeprefix("type ").partition(" as ")
                if (local.strip() or original.strip()) == name:
                    module = self._module(specifier)
                    return module.constant(original.strip()) if module is not None else UNKNOWN
        for found in _EXPORT_ALL.finditer(self.text):
            module = self._module(found.group(1))
            value = module.constant(name) if module is not None else UNKNOWN
            if value is not UNKNOWN:
                return value
        return UNKNOWN

    def _module(self, specifier: str) -> Module | None:
        if self.resolve is None:
            return None
        path = self.resolve(os.path.dirname(self.path), specifier)
        if path is None:
            return None
        if path not in self.loaded:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
            self.loaded[path] = Module(text, self.known, path, self.resolve, self.loaded)
        return self.loaded[path]


class _Namespace(NamedTuple):
    """A module imported whole (``import * as schemas from "./schemas"``): its constants are its members."""

    module: Module


# an import (default, named, namespace) or a named re-export (`export { a, b as c } from "./x"`)
_IMPORT = lazy_pattern(
    r"""(?:import|export)\s+(?:type\s+)?(?:(?P<default>[A-Za-z_$][\w$]*)\s*,?\s*)?"""
    r"""(?:\{(?P<named>[^{}]*)\}|\*\s*as\s+(?P<namespace>[A-Za-z_$][\w$]*))?\s*from\s*['"](?P<from>[^'"]+)['"]"""
)
_EXPORT_ALL = lazy_pattern(r"""export\s*\*\s*from\s*['"]([^'"]+)['"]""")
_DEFAULT_EXPORT = lazy_pattern(r"(?<![\w$.])export\s+default\s+")
_ZOD_IMPORT = lazy_pattern(r"""\bz\s+as\s+([A-Za-z_$][\w$]*)""")
_SINGLE_PARAMETER = lazy_pattern(r"\s*([A-Za-z_$][\w$]*)\s*=>")
_ENDS = (",", ";", ")", "]", "}")
_RETURN = lazy_pattern(r"(?<![\w$.])return(?![\w$])")


class _NotRead(Exception):
    pass


class _Reader:
    """A recursive-descent reader of one expression (and the expressions it holds)."""

    def __init__(self, module: Module, at: int, scope: dict[str, Any]) -> None:
        self.module, self.text, self.at, self.scope = module, module.text, at, scope

    def after_operator(self) -> bool:
        """Whether the last character before here is one after which a ``/`` opens a regular expression."""
        at = self.at - 1
        while at >= 0 and self.text[at].isspace():
            at -= 1
        return at < 0 or self.text[at] in "(,=:[!&|?{};"

    def peek(self) -> tuple[str, str]:
        found = _TOKEN.match(self.text, self.at)
        if found is None or found.lastgroup is None:
            return "end", ""
        return found.lastgroup, found.group(found.lastgroup)

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if expected is None and (regex := _REGEX.match(self.text, self.at)) is not None and self.after_operator():
            self.at = regex.end()  # (a regular expression's literal, where an operand may be: `.replace(/x/, "")`)
            return "regex", regex.group()
        found = _TOKEN.match(self.text, self.at)
        if found is None or found.lastgroup is None:
            raise _NotRead
        kind, value = found.lastgroup, found.group(found.lastgroup)
        if expected is not None and value != expected:
            raise _NotRead
        self.at = found.end()
        return kind, value

    def expression(self) -> Any:
        value = self.unary()
        while True:
            kind, token = self.peek()
            if token in ("as", "satisfies"):  # (`[...] as const`, `x satisfies T`)
                self.take()
                self.skip_type()
            elif token == "!":
                self.take()
            elif token in _ENDS or kind in ("end", "name", "string"):  # (a name or string: the next statement)
                return value
            else:  # (an operation: `a || b`, `c ? d : e`; not evaluated)
                self.skip_expression()
                return UNKNOWN

    def skip_expression(self) -> None:
        """Past the rest of the expression being read: up to a ``,``, ``;`` or closing bracket of its level."""
        depth = 0
        while True:
            kind, token = self.peek()
            if kind == "end" or (depth == 0 and token in _ENDS):
                return
            self.take()
            if kind == "punct" and token in "([{":
                depth += 1
            elif kind == "punct" and token in ")]}":
                depth -= 1

    def unary(self) -> Any:
        if self.peek()[1] == "(":
            arrow = self.arrow()
            if arrow is not None:
                return arrow
            self.take("(")
            value = self.expression()
            self.take(")")
            return self.postfix(value)
        if (single := _SINGLE_PARAMETER.match(self.text, self.at)) is not None:  # `image => …`
            self.at = single.end()
            return self.function([single.group(1)])
        return self.postfix(self.primary())

    def arrow(self) -> _Function | None:
        """An arrow function opening here (``({ image }) => …``, ``() => …``), else ``None`` (position kept)."""
        start = self.at
        try:
            names = [token for kind, token in self.group() if kind == "name"]
        except _NotRead:
            self.at = start
            return None
        if self.peek()[1] != "=>":
            self.at = start
            return None
        self.take("=>")
        return self.function(names)

    def function(self, parameters: list[str]) -> _Function:
        """An arrow function whose body starts here (not read now: past it)."""
        found = _Function(parameters, self.at, self.module)
        if self.peek()[1] == "{":
            self.skip_balanced()
        else:
            self.skip_expression()
        return found

    def primary(self) -> Any:
        kind, token = self.take()
        if kind == "regex":
            return UNKNOWN
        if kind == "string":
            return _string(token, self.scope, self.module)
        if kind == "number":
            number = float(token.replace("_", ""))
            return int(number) if number.is_integer() else number
        if token == "[":
            return self.array()
        if token == "{":
            return self.object()
        if kind == "name":
            if token in ("true", "false"):
                return token == "true"
            if token in ("null", "undefined"):
                return None
            if token == "new":
                self.postfix(self.primary())
                return UNKNOWN
            if token in self.scope:
                return self.scope[token]
            return self.module.constant(token)
        raise _NotRead

    def array(self) -> Any:
        items: list[Any] = []
        while self.peek()[1] != "]":
            if self.peek()[1] == "...":
                self.take()
                spread = self.expression()
                if not isinstance(spread, list):
                    return self.skip_group()
                items += spread
            else:
                items.append(self.expression())
            if self.peek()[1] != ",":
                break
            self.take(",")
        self.take("]")
        return items

    def object(self) -> Any:
        members: dict[str, Any] = {}
        spreads: list[Any] = []
        while self.peek()[1] != "}":
            kind, token = self.take()
            if token == "...":
                spreads.append(self.expression())
            elif kind in ("name", "string", "number"):
                key = token[1:-1] if kind == "string" else token
                following = self.peek()[1]
                if following == ":":
                    self.take()
                    members[key] = self.expression()
                elif following == "(":  # a method: not read
                    self.skip_balanced()
                    self.skip_balanced()
                    members[key] = UNKNOWN
                else:  # shorthand: `{ blog }`
                    members[key] = self.scope[key] if key in self.scope else self.module.constant(key)
            else:  # (a computed key)
                return self.skip_group()
            if self.peek()[1] != ",":
                break
            self.take(",")
        self.take("}")
        if spreads:
            merged: dict[str, Any] = {}
            for spread in spreads:
                if not isinstance(spread, dict):
                    return UNKNOWN
                merged.update(spread)
            return {**merged, **members}
        return members

    def postfix(self, value: Any) -> Any:
        while True:
            token = self.peek()[1]
            if token in (".", "?."):
                self.take()
                _, name = self.take()
                if self.peek()[1] == "(":
                    self.take("(")
                    value = _call_member(value, name, self.arguments())
                else:
                    value = _member(value, name)
            elif token == "(":
                self.take("(")
                value = _call(value, self.arguments(), self)
            elif token == "[":
                self.take("[")
                self.expression()
                self.take("]")
                value = UNKNOWN
            elif token == "<":  # (a call's type arguments: `z.object<Shape>(…)` is rare; not read)
                return UNKNOWN
            else:
                return value

    def arguments(self) -> list[Any]:
        found: list[Any] = []
        while self.peek()[1] != ")":
            found.append(self.expression())
            if self.peek()[1] != ",":
                break
            self.take(",")
        self.take(")")
        return found

    def group(self, depth: int = 0) -> Iterator[tuple[str, str]]:
        """The tokens of one bracketed group opening here (or, ``depth`` groups in, up to the bracket ending the
        innermost), taken."""
        while True:
            kind, token = self.take()
            yield kind, token
            if kind == "punct" and token in "([{":
                depth += 1
            elif kind == "punct" and token in ")]}":
                depth -= 1
            if depth <= 0:
                return

    def skip_balanced(self) -> None:
        """Past one bracketed group opening here."""
        deque(self.group(), maxlen=0)

    def skip_group(self) -> Unknown:
        """Past the bracket that ends the group being read (the rest of its contents not read)."""
        deque(self.group(1), maxlen=0)
        return UNKNOWN

    def skip_type(self) -> None:
        """Past a type after ``as`` (``const``, ``Type``, ``Type<…>``, ``Type[]``)."""
        self.take()
        while self.peek()[1] in ("<", "[", "."):
            token = self.take()[1]
            if token == ".":
                self.take()
            elif token == "[":
                self.take("]")
            else:
                depth = 1
                while depth:
                    inner = self.take()[1]
                    depth += inner == "<"
                    depth -= inner == ">"


def _string(token: str, scope: dict[str, Any], module: Module) -> Any:
    """A string literal's value; a template literal's with its ``${name}`` parts that are strings."""
    body = token[1:-1]
    if token[0] != "`":
        return re.sub(r"\\(.)", r"\1", body)
    parts = re.split(r"\$\{\s*([A-Za-z_$][\w$]*)\s*\}", body)
    if "${" in "".join(parts[::2]):
        return UNKNOWN
    for number in range(1, len(parts), 2):
        name = parts[number]
        value = scope[name] if name in scope else module.constant(name)
        if not isinstance(value, str):
            return UNKNOWN
        parts[number] = value
    return "".join(parts)


def _member(value: Any, name: str) -> Any:
    if isinstance(value, _Namespace):
        return value.module.constant(name)
    if isinstance(value, Zod) and name == "shape" and value.shape is not None:
        return dict(value.shape)
    if isinstance(value, dict):
        return value.get(name, UNKNOWN)
    if (value is _Z or value is VELITE) and name == "coerce":
        return _COERCE
    return UNKNOWN


def _call(function: Any, arguments: list[Any], reader: _Reader) -> Any:
    """A call of a function value: an arrow function's body read with its parameters bound (``image`` to Astro's
    helper), Astro's ``image()``/``reference()``, a loader."""
    if isinstance(function, Builtin):
        return function.call(arguments)
    if function is _IMAGE:
        return Zod({"type": "string"})
    if function is _REFERENCE:  # (an entry's ID, or `{collection, id}`)
        named = arguments[0] if arguments and isinstance(arguments[0], str) else None
        return Zod({"type": ["string", "object"], **({REFERENCE: named} if named else {})})
    if isinstance(function, _Function):
        scope = {**reader.scope, **{name: _IMAGE if name == "image" else UNKNOWN for name in function.parameters}}
        body = _Reader(function.module, function.body, scope)
        if body.peek()[1] == "{":
            returned = _RETURN.search(function.module.text, function.body)
            if returned is None:
                return UNKNOWN
            body.at = returned.end()
        try:
            return body.expression()
        except _NotRead:
            return UNKNOWN
    return UNKNOWN


def _call_member(value: Any, name: str, arguments: list[Any]) -> Any:
    """``value.<name>(…)``: a function of Zod's namespace, a method of a schema; anything else is not read."""
    if value is VELITE and name in _VELITE:
        return Zod(dict(_VELITE[name][0]), optional=_VELITE[name][1])
    if value is _Z or value == _COERCE or value is VELITE:
        return _zod_function(name, arguments, coerced=value == _COERCE)
    return _zod_method(value, name, arguments) if isinstance(value, Zod) else UNKNOWN


_SIMPLE = {
    "string": {"type": "string"},
    "number": {"type": "number"},
    "bigint": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "yaml-date"},
    "null": {"type": "null"},
    "any": {},
    "unknown": {},
    "url": {"type": "string"},
    "email": {"type": "string"},
    "uuid": {"type": "string"},
}
# Velite's own schemas (velite's src/schemas): (JSON Schema, whether the key may be left out: those made of the
# document when it is — its body, metadata, excerpt, table of contents, path)
_VELITE: dict[str, tuple[dict[str, Any], bool]] = {
    "isodate": ({"type": "string", "format": "js-date"}, False),
    "unique": ({"type": "string"}, False),
    "slug": (
        {"type": "string", "minLength": 3, "maxLength": 200, "pattern": "^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$"},
        False,
    ),
    "file": ({"type": "string"}, False),
    "image": ({"type": "string"}, False),
    "markdown": ({"type": "string"}, True),
    "mdx": ({"type": "string"}, True),
    "metadata": ({}, True),
    "excerpt": ({}, True),
    "toc": ({}, True),
    "raw": ({}, True),
    "path": ({}, True),
}
_COERCED = {
    "string": {"type": ["string", "number", "boolean", "null"]},
    "number": {"type": ["number", "string", "boolean", "null"]},
    "boolean": {},
    "date": _COERCED_DATE,
    "bigint": {"type": ["number", "string"]},
}


def _zod_function(name: str, arguments: list[Any], coerced: bool) -> Any:
    """``z.<name>(…)`` (or ``z.coerce.<name>(…)``)."""
    table = _COERCED if coerced else _SIMPLE
    if name in table:
        return Zod(dict(table[name]))
    if name in ("object", "strictObject", "looseObject"):
        shape = arguments[0] if arguments else {}
        if not isinstance(shape, dict):
            return ANYTHING
        return _object({key: _as_zod(value) for key, value in shape.items()}, name == "strictObject")
    if name == "array" and arguments:
        return _zod_method(_as_zod(arguments[0]), "array", [])
    if name == "enum" and arguments:
        values = arguments[0]
        if isinstance(values, dict):  # (an enum object: its values)
            values = list(values.values())
        if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
            return Zod({"enum": list(dict.fromkeys(values))})
        return ANYTHING
    if name == "literal" and arguments and _is_literal(arguments[0]):
        return Zod({"const": arguments[0]})
    if name in ("union", "discriminatedUnion") and arguments:
        options = arguments[-1]
        if isinstance(options, list) and options:
            return _union([_as_zod(option) for option in options])
        return ANYTHING
    if name == "optional" and arguments:
        return _zod_method(_as_zod(arguments[0]), "optional", [])
    if name == "nullable" and arguments:
        return _zod_method(_as_zod(arguments[0]), "nullable", [])
    if name == "record":
        return Zod({"type": "object"})
    if name == "tuple" and arguments and isinstance(arguments[0], list):
        items = [_as_zod(item).schema for item in arguments[0]]
        return Zod({"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)})
    return ANYTHING  # (z.preprocess, z.lazy, z.custom, z.instanceof, z.nativeEnum…: not read)


def _object(shape: dict[str, Zod], strict: bool) -> Zod:
    required = [key for key, value in shape.items() if not value.optional]
    schema: dict[str, Any] = {"type": "object", "properties": {key: value.schema for key, value in shape.items()}}
    if required:
        schema["required"] = required
    if strict:
        schema["additionalProperties"] = False
    return Zod(schema, shape=shape, strict=strict)


def _as_zod(value: Any) -> Zod:
    return value if isinstance(value, Zod) else ANYTHING


def _is_literal(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _union(options: list[Zod]) -> Zod:
    if any(not option.schema for option in options):
        return Zod({}, optional=any(option.optional for option in options))
    return Zod({"anyOf": [option.schema for option in options]}, optional=any(option.optional for option in options))


_KEEPS = (
    "describe",
    "refine",
    "superRefine",
    "transform",
    "brand",
    "readonly",
    "trim",
    "toLowerCase",
    "toUpperCase",
    "meta",
    "check",
    "overwrite",
)
_STRING_FORMATS = ("url", "email", "uuid", "datetime", "date", "time", "ip", "emoji", "cuid", "startsWith", "endsWith")


def _zod_method(zod: Zod, name: str, arguments: list[Any]) -> Zod:
    """``<schema>.<name>(…)``."""
    schema, optional = zod.schema, zod.optional
    if name in ("optional", "default", "prefault"):
        return msgspec.structs.replace(zod, optional=True)
    if name == "nullish":
        return Zod(_or_null(schema), optional=True)
    if name == "nullable":
        return Zod(_or_null(schema), optional=optional)
    if name == "catch":  # (any value is replaced by the fallback)
        return Zod({}, optional=True)
    if name in _KEEPS or (name in _STRING_FORMATS and schema.get("type") == "string"):
        return zod
    if name == "array":
        return Zod({"type": "array", "items": schema} if schema else {"type": "array"})
    if name in ("or", "and") and arguments:
        other = _as_zod(arguments[0])
        if name == "and":
            return Zod({"allOf": [schema, other.schema]} if schema and other.schema else {})
        return _union([zod, other])
    if name in ("min", "max", "length", "nonempty", "int", "positive", "nonnegative", "gte", "lte", "gt", "lt"):
        return Zod(_bounded(schema, name, arguments), optional=optional, shape=zod.shape, strict=zod.strict)
    if zod.shape is not None:
        return _object_method(zod, name, arguments)
    return Zod({}, optional=optional)  # (a method this reader does not know: anything)


def _or_null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]} if schema else {}


_BOUNDS: dict[str, dict[str, str | tuple[str, str]]] = {
    "string": {"min": "minLength", "max": "maxLength", "length": ("minLength", "maxLength"), "nonempty": "minLength"},
    "array": {"min": "minItems", "max": "maxItems", "length": ("minItems", "maxItems"), "nonempty": "minItems"},
    "number": {"min": "minimum", "max": "maximum", "gte": "minimum", "lte": "maximum"},
}


def _bounded(schema: dict[str, Any], name: str, arguments: list[Any]) -> dict[str, Any]:
    """``schema`` with the bound of ``.min(n)``, ``.nonempty()``, ``.int()``… (unchanged where it is not one)."""
    kind = schema.get("type")
    if kind == "integer":
        kind = "number"
    if name == "int" and kind == "number":
        return {**schema, "type": "integer"}
    if name in ("positive", "gt", "lt", "nonnegative") and kind == "number":
        number = arguments[0] if arguments else 0
        if not isinstance(number, (int, float)) or isinstance(number, bool):
            return schema
        key = {"positive": "exclusiveMinimum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}.get(name, "minimum")
        return {**schema, key: number}
    keys = _BOUNDS.get(kind, {}).get(name) if isinstance(kind, str) else None
    if keys is None:
        return schema
    number = 1 if name == "nonempty" else arguments[0] if arguments else None
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        return schema
    return {**schema, **dict.fromkeys((keys,) if isinstance(keys, str) else keys, number)}


def _object_method(zod: Zod, name: str, arguments: list[Any]) -> Zod:
    """``.extend``, ``.merge``, ``.partial``, ``.required``, ``.pick``, ``.omit``, ``.strict``, ``.passthrough`` of
    an object schema."""
    shape = dict(zod.shape or {})
    strict = zod.strict
    argument = arguments[0] if arguments else None
    if name == "extend" and isinstance(argument, dict):
        shape.update({key: _as_zod(value) for key, value in argument.items()})
    elif name == "merge" and isinstance(argument, Zod) and argument.shape is not None:
        shape.update(argument.shape)
        strict = argument.strict
    elif name == "partial" and argument is None:
        shape = {key: msgspec.structs.replace(value, optional=True) for key, value in shape.items()}
    elif name == "required" and argument is None:
        shape = {key: msgspec.structs.replace(value, optional=False) for key, value in shape.items()}
    elif name in ("pick", "omit") and isinstance(argument, dict):
        shape = {key: value for key, value in shape.items() if (key in argument) == (name == "pick")}
    elif name == "strict":
        strict = True
    elif name in ("strip", "passthrough", "catchall", "loose", "nonstrict"):
        strict = False
    else:
        return Zod({}, optional=zod.optional)
    return msgspec.structs.replace(_object(shape, strict), optional=zod.optional)


def called(value: Any) -> Any:
    """What a function value (``() => ({…})``) returns, called without arguments (the value itself otherwise)."""
    return _call(value, [], _Reader(value.module, value.body, {})) if isinstance(value, _Function) else value


def json_schema(value: Any) -> dict[str, Any] | None:
    """The JSON Schema of a value read as a collection's ``schema`` (a Zod object, or a function of Astro's helpers
    returning one); ``None`` when it is no object schema the reader followed."""
    value = called(value)
    return value.schema if isinstance(value, Zod) and value.shape is not None else None

"""Loading, checking and caching JSON Schemas.

A schema is read once, checked against its own dialect's metaschema (from
``$schema``, default 2020-12), its ``$ref``s are resolved eagerly, and one
validator is built and reused for every file.  Any defect is a
:class:`SchemaLoadError` naming the file and the JSON pointer (exit code 2).
Remote ``$ref``s are never fetched: a local copy beside the schema is used
when present.

jsonschema (about 75 ms to import) is needed only to validate a document
that is not served from the result cache.  So a schema whose ``$ref``s all
point inside itself, and which is bundled with fmlint (the tests check those)
or which jsonschema-rs finds valid against its metaschema, is accepted at load
and checked by jsonschema when its ``validator`` is first used; a defect found then is the same
:class:`SchemaLoadError`, raised from the run (rules let it through), so the
exit code and message are the same.  A warm run never imports jsonschema.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import msgspec

from fmlint.schema.formats import CUSTOM_FORMATS

if TYPE_CHECKING:  # imported where validators are built (see the module docstring)
    import jsonschema
    import referencing
    from jsonschema.protocols import Validator

DEFAULT_SCHEMA = "hugo-article"


class SchemaLoadError(Exception):
    """A schema that cannot be used; the message names the file and place."""


_BUNDLED = Path(__file__).parents[1] / "schemas"  # fmlint's own schemas


class CompiledSchema(msgspec.Struct, frozen=True, dict=True):
    """A schema and its validator; pickled, it is its fields alone (a validator holds closures and does not
    pickle: a worker process builds its own)."""

    name: str  # what the user wrote (a path or a bundled name)
    path: Path
    contents: Any
    digest: str  # hash of the contents and of every file its $refs load: part of cache keys
    # the generator checks every file it is for, whether it makes a page of it or not (an Astro collection's entries)
    every_entry: bool = False

    @cached_property
    def validator(self) -> Validator:
        """jsonschema's validator, built (and the schema checked) on first use."""
        return _build(self.contents, self.path)[0]

    @property
    def bundled(self) -> bool:
        """Whether it is one of fmlint's own schemas (a preset's), not the user's."""
        return self.path.parent == _BUNDLED

    @property
    def requires_properties(self) -> bool:
        return bool(isinstance(self.contents, dict) and self.contents.get("required"))


def bundled_schema_path(name: str) -> Path | None:
    """The bundled schema called ``name`` (``hugo-article``), if there is one."""
    candidate = _BUNDLED / f"{name}.schema.json"
    return candidate if candidate.is_file() else None


def load_schema(name: str, base: Path | None = None) -> CompiledSchema:
    """Load a schema by bundled name or by path (relative to ``base``)."""
    bundled = bundled_schema_path(name)
    if bundled is not None and not (base or Path.cwd()).joinpath(name).is_file():
        return _compile(name, bundled, bundled=True)
    return _compile(name, ((base or Path.cwd()) / name).resolve())


def forget_loaded() -> None:
    """Drop every schema loaded so far (the language server, when a schema file changes)."""
    _compile.cache_clear()


@cache
def _compile(name: str, path: Path, bundled: bool = False) -> CompiledSchema:
    raw = _read(path)
    return compile_schema(_parse(path, raw), name, path, hashlib.sha256(raw).hexdigest(), bundled)


def compile_schema(
    contents: Any, name: str, path: Path, digest: str | None = None, bundled: bool = False
) -> CompiledSchema:
    """Check ``contents`` and build its validator (``path`` anchors relative ``$ref``s).

    A self-contained schema that jsonschema-rs finds valid is built on first
    use instead (see the module docstring); so is a ``bundled`` one, which the
    tests check (a run served from the cache then imports neither validator).
    """
    digest = digest or hashlib.sha256(json.dumps(contents, sort_keys=True).encode()).hexdigest()
    if _self_contained(contents) and (bundled or _natively_valid(contents)):
        return CompiledSchema(name, path, contents, digest)
    validator, loaded = _build(contents, path)
    if loaded:
        digest = hashlib.sha256(b"".join([digest.encode(), *sorted(loaded)])).hexdigest()
    schema = CompiledSchema(name, path, contents, digest)
    schema.__dict__["validator"] = validator  # already built: the cached_property's slot
    return schema


def declared_schema(contents: dict[str, Any], title: str, description: str, path: Path) -> CompiledSchema:
    """The JSON Schema a site or application declares in its code (an Astro collection's Zod schema, a Contentlayer
    document type's fields), read at ``path``: its generator checks every file it is for, page or not."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "description": description}
    compiled = compile_schema({**schema, **contents}, title, path)
    return msgspec.structs.replace(compiled, every_entry=True)


def _self_contained(contents: Any) -> bool:
    """Whether every ``$ref`` points inside the schema (so it loads no file and its digest is its own)."""
    return all(reference.startswith("#") for _, reference in _refs(contents, ()))


def _natively_valid(contents: Any) -> bool:
    try:
        import jsonschema_rs

        return bool(jsonschema_rs.meta.is_valid(contents))
    except Exception:  # not installed, or a dialect it does not know: check with jsonschema now
        return False


def _build(contents: Any, path: Path) -> tuple[Validator, list[bytes]]:
    """The validator, and the hashes of the files its ``$ref``s loaded."""
    import jsonschema

    cls = jsonschema.validators.validator_for(contents, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(contents)
    except jsonschema.SchemaError as exc:
        pointer = _pointer(exc.absolute_path)
        raise SchemaLoadError(f"{path}: invalid schema at {pointer}: {exc.message}") from None
    import referencing

    loaded: list[bytes] = []
    registry: referencing.Registry = referencing.Registry(retrieve=_retriever(path, loaded))  # type: ignore[call-arg]
    validator = cls(contents, registry=registry, format_checker=_format_checker(cls))
    _resolve_refs(path, contents, registry)
    return validator, loaded


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SchemaLoadError(f"{path}: cannot read schema: {exc.strerror or exc}") from None


def _parse(path: Path, raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SchemaLoadError(f"{path}:{exc.lineno}:{exc.colno}: schema is not valid JSON: {exc.msg}") from None
    except UnicodeDecodeError:
        raise SchemaLoadError(f"{path}: schema is not UTF-8 text") from None


def _pointer(parts: Any) -> str:
    return "#/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _format_checker(cls: type[Validator]) -> jsonschema.FormatChecker:
    import jsonschema

    checker = jsonschema.FormatChecker(cls.FORMAT_CHECKER.checkers)
    for name, check in CUSTOM_FORMATS.items():
        checker.checks(name, raises=ValueError)(check)
    return checker


def _retriever(schema_path: Path, loaded: list[bytes]):
    """Resolve ``$ref`` targets from disk, never from the network; record each file's hash in ``loaded``."""

    import referencing
    import referencing.jsonschema

    def retrieve(uri: str) -> referencing.Resource:
        parts = urlsplit(uri)
        if parts.scheme in ("http", "https"):
            local = schema_path.parent / Path(parts.path).name
            if not local.is_file():
                raise SchemaLoadError(f"remote schemas are not fetched; save a copy of {uri} as {local}")
        else:
            local = Path(parts.path) if parts.scheme == "file" else schema_path.parent / parts.path
        raw = _read(local)
        loaded.append(hashlib.sha256(raw).digest())
        contents = _parse(local, raw)
        return referencing.Resource.from_contents(contents, default_specification=referencing.jsonschema.DRAFT202012)

    return retrieve


def _resolve_refs(path: Path, contents: Any, registry: referencing.Registry) -> None:
    """Resolve every ``$ref`` now, so that a broken one fails at load time."""
    import referencing.exceptions
    import referencing.jsonschema

    root = referencing.Resource.from_contents(contents, default_specification=referencing.jsonschema.DRAFT202012)
    resolver = registry.resolver_with_root(root)
    for pointer, ref in _refs(contents, ()):
        try:
            resolver.lookup(ref)
        except referencing.exceptions.Unresolvable as exc:
            cause: BaseException | None = exc
            while cause is not None and not isinstance(cause, SchemaLoadError):
                cause = cause.__cause__ or cause.__context__
            detail = cause if cause is not None else exc
            raise SchemaLoadError(f"{path}: cannot resolve $ref {ref!r} at {_pointer(pointer)}: {detail}") from None


def _refs(node: Any, pointer: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$ref", "$dynamicRef") and isinstance(value, str):
                yield (*pointer, key), value
            else:
                yield from _refs(value, (*pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _refs(value, (*pointer, str(index)))

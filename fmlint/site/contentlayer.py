"""A Next.js application's Contentlayer document types: the files of each and the JSON Schema of its fields.

Contentlayer (and its fork contentlayer2, which tailwind-nextjs-starter-blog and
its thousands of copies use) reads ``contentlayer.config.*``: ``makeSource({
contentDirPath, documentTypes })`` and each ``defineDocumentType(() => ({name,
filePathPattern, fields}))``.  A document is of the first type whose
``filePathPattern`` (a micromatch glob from ``contentDirPath``) matches it.  By
default a document that lacks a ``required`` field without a ``default``, or
whose value does not fit its field's type, is left out of the site with a warning
(``onMissingOrIncompatibleData: 'skip-warn'``); a field the type does not name is
warned about and kept (SC006 here when it misspells one).  The field types as
Contentlayer parses them: ``string``, ``markdown``, ``mdx``, ``enum`` (its options
are not checked), ``reference`` — text; ``number``; ``boolean``; ``date`` — what
JavaScript's ``Date`` reads; ``list`` — a list (of ``of``'s type); ``image`` — a
path or ``{src, alt}``; ``nested`` — a mapping of the nested type's fields;
``json`` — anything; a list's items of a text, number, boolean or JSON type are
not parsed.  A field may be written without a value (a required one's is a
console warning, not a fault).  The configuration is read as
``fmlint.schema.zod`` reads TypeScript.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fmlint.schema.loader import CompiledSchema, declared_schema
from fmlint.schema.zod import Builtin, called
from fmlint.site.declared import Collection, config_module, glob_pattern, reader, schema_of

CONFIG = "contentlayer.config"


def document_schema(root: str, path: str) -> CompiledSchema | None:
    """The schema of the document type of the application at ``root`` holding the file at the absolute ``path``."""
    return schema_of(document_types(root), path)


def _document_types(root: str) -> tuple[Collection, ...]:
    defined = Builtin(lambda arguments: called(arguments[0]) if arguments else None)
    known = {"defineDocumentType": defined, "defineNestedType": defined, "makeSource": defined}
    module = config_module(root, [CONFIG], known)
    source = module.default_export() if module is not None else None
    if module is None or not isinstance(source, dict) or not isinstance(base := source.get("contentDirPath", "."), str):
        return ()
    documents = source.get("documentTypes")
    documents = list(documents.values()) if isinstance(documents, dict) else documents
    folder = os.path.join(os.path.normpath(os.path.join(root, base)), "")
    read = []
    for document in documents if isinstance(documents, list) else ():
        if not isinstance(document, dict) or not isinstance(name := document.get("name"), str):
            continue
        pattern = document.get("filePathPattern")
        fields = document.get("fields", {})
        matched = glob_pattern([pattern]) if isinstance(pattern, str) else None
        if matched is None or not isinstance(fields, dict):
            continue
        where = f"The fields of the `{name}` document type in {os.path.relpath(module.path, root)}."
        compiled = declared_schema(
            _object(fields, document=True), f"contentlayer document type `{name}`", where, Path(module.path)
        )
        read.append(Collection(name, folder, matched, compiled))
    return tuple(read)


document_types = reader(_document_types)


def _object(fields: dict[str, Any], document: bool = False) -> dict[str, Any]:
    """The schema of a mapping of ``fields`` (a document's has Contentlayer's own ``type``, its type's name)."""
    properties: dict[str, Any] = {"type": {"type": "string"}} if document else {}
    required = []
    for name, field in fields.items():
        if isinstance(field, dict) and field.get("required") is True and "default" not in field:
            required.append(name)
        schema = _field(field)  # (written without a value, a field is none: a required one too, with a warning)
        properties[name] = {"anyOf": [schema, {"type": "null"}]} if schema else {}
    mapping: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        mapping["required"] = required
    return mapping


_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "markdown": {"type": "string"},
    "mdx": {"type": "string"},
    "enum": {"type": "string"},
    "reference": {"type": "string"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "js-date"},
    "json": {},
    "image": {
        "anyOf": [
            {"type": "string"},
            {"type": "object", "properties": {"src": {"type": "string"}}, "required": ["src"]},
        ]
    },
}


def _field(field: Any) -> dict[str, Any]:
    """The schema of one field definition (``{type: 'list', of: {type: 'string'}}``); anything for one the reader
    does not follow (a polymorphic list, a definition it cannot read)."""
    kind = field.get("type") if isinstance(field, dict) else None
    if not isinstance(kind, str):
        return {}
    if kind in _TYPES:
        return dict(_TYPES[kind])
    if kind == "list":  # (its items of a text, number, boolean or JSON type are taken as written)
        of = field.get("of")
        inner = _nested(of) if isinstance(of, dict) and "fields" in of else _field(of) if _parsed_item(of) else {}
        return {"type": "array", "items": inner} if inner else {"type": "array"}
    if kind == "nested":
        return _nested(field.get("of"))
    return {}


def _parsed_item(of: Any) -> bool:
    """Whether Contentlayer parses a list's items of type ``of`` (dates, images, nested types), not kept as written."""
    return isinstance(of, dict) and of.get("type") in ("date", "image", "nested", "markdown", "mdx")


def _nested(nested: Any) -> dict[str, Any]:
    """A nested type's schema (``defineNestedType(() => ({fields}))``, or its fields written in place)."""
    fields = nested.get("fields") if isinstance(nested, dict) else None
    return _object(fields) if isinstance(fields, dict) else {"type": "object"}

"""Parse stage: the document's front matter → data plus a position index.

One loader per format; each returns a :class:`FrontMatter` and never raises
for bad input (syntax errors are problems located where the parser stopped).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from fmlint.document import Document
from fmlint.frontmatter.model import FrontMatter, JsonPath, Located, describe_path

__all__ = ["FrontMatter", "JsonPath", "Located", "describe_path", "parse_front_matter"]

_LOADERS: dict[str, Callable[[Document], FrontMatter]] = {}  # by kind, each imported on first use (PyYAML: ~15 ms)


def parse_front_matter(doc: Document) -> FrontMatter | None:
    """The parsed front matter, or ``None`` when the file has none (or it is unclosed)."""
    if doc.kind is None or doc.front_matter is None:
        return None
    load = _LOADERS.get(doc.kind)
    if load is None:
        load = _LOADERS[doc.kind] = import_module(f"fmlint.frontmatter.{doc.kind}_loader").load
    return load(doc)

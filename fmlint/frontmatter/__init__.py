"""Parse stage: the document's front matter → data plus a position index.

One loader per format; each returns a :class:`FrontMatter` and never raises
for bad input (syntax errors are problems located where the parser stopped).
"""

from __future__ import annotations

from fmlint.document import Document
from fmlint.frontmatter import json_loader, toml_loader, yaml_loader
from fmlint.frontmatter.model import FrontMatter, JsonPath, Located, describe_path

__all__ = ["FrontMatter", "JsonPath", "Located", "describe_path", "parse_front_matter"]

_LOADERS = {"yaml": yaml_loader.load, "toml": toml_loader.load, "json": json_loader.load}


def parse_front_matter(doc: Document) -> FrontMatter | None:
    """The parsed front matter, or ``None`` when the file has none (or it is unclosed)."""
    if doc.kind is None or doc.front_matter is None:
        return None
    return _LOADERS[doc.kind](doc)

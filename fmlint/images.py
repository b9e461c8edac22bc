"""Every image an article references: front-matter image fields and body images.

Shared by the offline image rules and the online URL checks, so both see the
same URLs at the same positions; also what counts as an image file name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

import msgspec

from fmlint.frontmatter import JsonPath
from fmlint.positions import Place, Span
from fmlint.regex import lazy_pattern
from fmlint.urls import parse

if TYPE_CHECKING:  # only for annotations: fmlint.schema.formats imports this module before the rules exist
    from fmlint.rules.base import Context

DEFAULT_IMAGE_FIELDS = (
    "thumbnail",
    "image",
    "images",
    "cover",
    "cover.image",
    "featured_image",
    "featuredImage",
    "og_image",
    "banner",
    "hero",
)

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".ico", ".tif", ".tiff")

Origin = Literal["front-matter", "markdown", "reference", "html", "shortcode"]

# Hugo's embedded ``figure`` shortcode, its ``src`` an image the page shows (``{{< figure src="/img/a.png" >}}``:
# longhorn.io's website writes 2,257); an escaped one (``{{</* figure */>}}``, in documentation) is no call
_FIGURE = lazy_pattern(r"\{\{[<%]\s*figure\s[^}]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|`([^`]*)`)")


class ImageReference(msgspec.Struct, frozen=True):
    url: str
    origin: Origin
    place: Place  # its url_span: where the URL is written
    field: str | None = None  # the front-matter field, for front-matter images

    @property
    def span(self) -> Span:
        return self.place.url_span


def image_references(ctx: Context, fields: Iterable[str] | None = None) -> Iterator[ImageReference]:
    """Front-matter image fields (dotted names; lists expand) then body images; not those whose URL a template
    writes (``{{ site.baseurl }}/a.png``, ``<img src="{{ sponsor.img }}">`` in MkDocs macros, Liquid's ``{%``):
    the generator makes the URL, which is not known here.

    ``fields`` defaults to the image fields of the file's settings (its preset's).
    """
    fm = ctx.front_matter
    if fm is not None and isinstance(fm.data, dict):
        for name in ctx.settings.image_fields if fields is None else fields:
            if _dotted(name)[0] in fm.data:  # most articles have few of the fields
                yield from (ref for ref in _field_images(ctx, name) if not _templated(ref.url))
    if ctx.doc.readable:
        for image in ctx.markdown.images:
            if "{" not in image.url or not _templated(image.url):
                yield ImageReference(image.url, image.source, image.place)
        if ctx.settings.preset == "hugo" and "figure" in ctx.doc.text:
            yield from _figures(ctx.doc.text, ctx.doc.body_start)


def _figures(text: str, body_start: int) -> Iterator[ImageReference]:
    """The images of the body's ``figure`` shortcodes (Hugo's), each placed at its ``src``."""
    for call in _FIGURE.finditer(text, body_start):
        group = 1 if call.group(1) is not None else 2
        url, start = call.group(group), call.start(group)
        if not _templated(url):
            end = text.find("}}", call.end())
            whole = Span(call.start(), len(text) if end < 0 else end + 2)
            yield ImageReference(url, "shortcode", Place(spans=(whole, Span(start, start + len(url)))))


def _templated(url: str) -> bool:
    return "{{" in url or "{%" in url


@cache
def _dotted(name: str) -> tuple[str, ...]:
    return tuple(name.split("."))


def _field_images(ctx: Context, name: str) -> Iterator[ImageReference]:
    assert ctx.front_matter is not None
    path: JsonPath = ()
    value = ctx.front_matter.data
    for part in _dotted(name):
        if not isinstance(value, dict) or part not in value:
            return
        value, path = value[part], (*path, part)
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for index, item in items:
        if isinstance(item, str):
            item_path = path if index is None else (*path, index)
            span = ctx.front_matter.value_span(item_path)
            yield ImageReference(item, "front-matter", Place(spans=(span, span)), name)


_BADGE_HOSTS = frozenset({"img.shields.io", "badgen.net", "flat.badgen.net", "badge.fury.io"})


def url_path(url: str) -> str:
    """The decoded path of ``url`` (no query or fragment); ``""`` when it has none."""
    parts = parse(url)
    return unquote(parts.path) if parts is not None else ""


@cache
def _lowered(extensions: tuple[str, ...]) -> frozenset[str]:
    return frozenset(extension.lower() for extension in extensions)


def extension_error(url: str, extensions: tuple[str, ...] = IMAGE_EXTENSIONS) -> str | None:
    """Why ``url`` does not name an image file, or ``None``; URLs without an extension pass, and so do those of
    badge services, which draw an image for any path (``img.shields.io/…/ci.yml?branch=main``)."""
    parts = parse(url)
    if parts is None:
        return None
    name = unquote(parts.path).rpartition("/")[2]
    dot = name.rfind(".")
    if dot <= 0 or not name[:dot].strip("."):  # as posixpath.splitext: a name's leading dots start no extension
        return None
    extension = name[dot:]
    if extension.lower() in _lowered(extensions) or not extension[1:].isalnum():  # (`llms.txt-green`: a badge's)
        return None
    if (parts.hostname or "") in _BADGE_HOSTS:
        return None
    return f"`{extension}` is not an image file extension (expected one of {' '.join(extensions)})"

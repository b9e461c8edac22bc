"""Image URLs, offline: well-formed, https, from allowed hosts, with an image extension.

Checks every image an article references (``fmlint.images.image_references``):
front-matter image fields, Markdown and reference-style images, HTML
``<img src>`` and, under the hugo preset, ``{{< figure src >}}`` in the body.  Whether local files exist is ``local_images``; whether
remote URLs answer is the online check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.doc_examples import WITH_CDN_IMAGES, article, example
from fmlint.fix.model import UNSAFE, Edit, Fix
from fmlint.go_urls import build_failure, go_parse_error
from fmlint.images import DEFAULT_IMAGE_FIELDS, IMAGE_EXTENSIONS, ImageReference, extension_error, image_references
from fmlint.rules.base import Context, Rule
from fmlint.urls import is_local, parse, url_error

NEEDS = ("front_matter", "markdown")

OPTIONS = {
    "fields": list(DEFAULT_IMAGE_FIELDS),
    "http": "warn",
    "allowed-hosts": [],
    "denied-hosts": [],
    "extensions": list(IMAGE_EXTENSIONS),
}

_FIELDS_OPTION = """- `fields` (default `["thumbnail", "image", "images", "cover", "cover.image",
  "featured_image", "featuredImage", "og_image", "banner", "hero"]`): the
  front-matter fields that hold image URLs; dotted names reach into mappings,
  lists are checked item by item."""

_MALFORMED = article(
    'thumbnail: "htps://cdn.example.com/images/price-chart.png"',
    body="![Price chart](<https://cdn.example.com/price chart.png>)",
)
_DENIED = 'With `denied-hosts = ["i.imgur.com"]`:\n' + article(
    body="![Price chart](https://i.imgur.com/price-chart.png)"
)

RULES = (
    Rule(
        "IMG001",
        "invalid-image-url",
        "An image URL cannot be parsed, has a wrong scheme or no host, or contains spaces.",
        doc=f"""## What it does
Checks that each image URL in the front-matter image fields and in the body
(`![alt](url)`, reference-style images, `<img src="…">`, and under the hugo
preset the `src` of Hugo's `{{{{< figure >}}}}` shortcode) is an `http`/`https` URL
with a host, or a relative or absolute path, and contains no spaces or control
characters — but a local path's spaces in a Markdown image (`![a](</images/price chart.png>)`) or a
`figure`, which the renderer writes as `%20`. An empty body image destination (`![alt]()`) is reported too.
On a Hugo site whose Markdown images Hugo's embedded image render hook
renders (as its embedded link hook: see MKD002; `useEmbedded` is read for
images apart), an image destination that Go's `url.Parse` rejects
(`![x]("https://…")`, `![x](/100%.png)`) is reported: it stops the build.
In `.mdx` files, JSX `<img>` and `<Image>` tags with a string `src` are
checked; `src={{…}}` is a JavaScript expression, not a URL, and is not. Nor is
a URL a template writes (`{{{{ site.baseurl }}}}/a.png`, MkDocs macros'
`{{{{ sponsor.img }}}}`, Liquid's `{{% … %}}`): the generator makes it. The same
goes for every image rule.

## Why is this bad?
Browsers cannot load such an image: `https://` has no host, `htps://x` has a
typo in the scheme, and `https://exa mple.com/a.jpg` breaks at the space in
many Markdown renderers and feed readers.

{example(_MALFORMED, WITH_CDN_IMAGES)}
## Options
{_FIELDS_OPTION}
""",
    ),
    Rule(
        "IMG002",
        "insecure-image-url",
        "An image is loaded over plain http.",
        severity=Severity.WARNING,
        fix=UNSAFE,
        doc=f"""## What it does
Reports `http://` image URLs where `https://` is expected.

## Why is this bad?
On an https site, browsers block or flag mixed content: the image may not show,
and the page loses its padlock.

{example(article(body="![Price chart](http://cdn.example.com/images/price-chart.png)"), WITH_CDN_IMAGES)}
## Options
- `http` (default `"warn"`): `"warn"` reports plain-http images as warnings,
  `"error"` as errors, `"allow"` accepts them.
{_FIELDS_OPTION}
## Fix
Unsafe (the image is then fetched from another address, which the host may
not serve): `http://` becomes `https://`, in any quoting.
""",
    ),
    Rule(
        "IMG003",
        "image-host",
        "An image comes from a host that is not allowed.",
        doc=f"""## What it does
Reports remote images whose host is on the deny-list, or — when an allow-list is
set — not on it. A listed host also covers its subdomains (`example.com` covers
`cdn.example.com`). Both lists are empty by default, so nothing is reported
until one is configured.

## Why is this bad?
Images hot-linked from other sites or from a retired CDN break without warning
and can track readers; a site usually wants its images from its own CDN.

{example(_DENIED, WITH_CDN_IMAGES)}
## Options
- `allowed-hosts` (default `[]`): when not empty, remote images must come from
  one of these hosts.
- `denied-hosts` (default `[]`): remote images must not come from these hosts.
{_FIELDS_OPTION}
""",
    ),
    Rule(
        "IMG004",
        "image-extension",
        "An image URL's file extension is not an image type.",
        severity=Severity.WARNING,
        doc=f"""## What it does
Reports an image URL whose path ends in an extension that is not an image type
(`.html`, `.pdf`, `.md`…). URLs without an extension (image services such as
`https://images.example.com/photo/123?w=800`) are not reported.

## Why is this bad?
Such a URL usually points at the page *about* an image (a gallery or a wiki
file page) rather than the image itself, and shows as a broken image.

{example(article(body="![Price chart](https://example.com/gallery/price-chart.html)"), WITH_CDN_IMAGES)}
## Options
- `extensions` (default `[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif",
  ".svg", ".bmp", ".ico", ".tif", ".tiff"]`): the accepted extensions (any case).
{_FIELDS_OPTION}
""",
    ),
    Rule(
        "IMG005",
        "empty-image-field",
        "A front-matter image field is an empty string (off by default).",
        severity=Severity.WARNING,
        enabled=False,
        doc=f"""## What it does
Reports image fields set to `""`. Off by default, because many themes read an
empty value as "no image" (select `IMG005` to turn it on).

## Why is this bad?
Some themes render an `<img src="">` for an empty field, which requests the page
itself as an image; a missing field says "no image" more clearly.

{example(article('thumbnail: ""'), WITH_CDN_IMAGES)}
## Options
{_FIELDS_OPTION}
""",
    ),
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    extensions = tuple(options["extensions"])
    hooked: bool | None = None  # whether Hugo's embedded image render hook renders the body's images (when asked)
    for ref in image_references(ctx, options["fields"]):
        if ref.url == "":
            yield _empty(ref)
            continue
        fails = None
        if ref.origin in _RENDERED_BY_HOOKS:
            if hooked is None:
                hooked = _hooked(ctx)
            fails = go_parse_error(ref.url) if hooked else None
        reason = None if _encoded_spaces(ref) else url_error(ref.url)
        if reason is not None or fails is not None:
            said = "; ".join(filter(None, (reason, fails and build_failure("image", fails))))
            yield Problem("IMG001", f"image URL `{ref.url}`: {said}", ref.span)
            continue
        yield from _remote(ctx, ref, options)
        reason = extension_error(ref.url, extensions)
        if reason is not None:
            yield Problem("IMG004", f"image URL `{ref.url}`: {reason}", ref.span)


_RENDERED_BY_HOOKS = ("markdown", "reference")  # (an image render hook renders Markdown's images, not HTML's)
_ENCODING = ("markdown", "reference", "shortcode")  # (their renderers write a path's spaces as %20)


def _encoded_spaces(ref: ImageReference) -> bool:
    """Whether ``ref`` is a local path whose only fault is spaces, in a Markdown image (written in ``<…>``) or
    Hugo's ``figure``: the renderer writes them as ``%20`` (CortexIntelligentAutomation's docs: 258 findings of
    `{{< figure src="/images/Service Fabric Explorer.png" >}}`, each image shown by Hugo 0.168)."""
    return (
        ref.origin in _ENCODING and " " in ref.url and is_local(ref.url) and url_error(ref.url.replace(" ", "")) is None
    )


def _hooked(ctx: Context) -> bool:
    """Whether Hugo's embedded image render hook renders the file's images (it parses each with Go's url.Parse), in
    a production build (not a draft's)."""
    from fmlint.site.config import embedded_hook

    return not ctx.draft and embedded_hook(ctx.doc.path, "image")


def _empty(ref: ImageReference) -> Problem:
    if ref.field is not None:
        return Problem("IMG005", f"image field `{ref.field}` is empty; remove it if there is no image", ref.span)
    return Problem("IMG001", "image has no URL", ref.span)


def _remote(ctx: Context, ref: ImageReference, options: Mapping[str, Any]) -> Iterator[Problem]:
    parts = parse(ref.url)
    if parts is None or not parts.hostname:
        return
    if parts.scheme == "http" and options["http"] != "allow":
        severity = Severity.ERROR if options["http"] == "error" else None
        yield Problem("IMG002", f"image URL `{ref.url}` uses http; use https", ref.span, severity, https_fix(ctx, ref))
    host = parts.hostname
    if options["denied-hosts"] and _listed(host, options["denied-hosts"]):
        yield Problem("IMG003", f"image host `{host}` is on the deny-list (denied-hosts)", ref.span)
    elif options["allowed-hosts"] and not _listed(host, options["allowed-hosts"]):
        yield Problem("IMG003", f"image host `{host}` is not on the allow-list (allowed-hosts)", ref.span)


def _listed(host: str, hosts: list[str]) -> bool:
    return any(host == entry.lower() or host.endswith("." + entry.lower()) for entry in hosts)


def https_fix(ctx: Context, ref: ImageReference) -> Fix | None:
    """Insert the ``s`` of ``https`` where the URL is written (any quoting); ``None`` when it is written escaped."""
    written = ctx.doc.source(ref.span)
    scheme = written.lower().find("http://")
    if scheme < 0:
        return None
    at = ref.span.start + scheme + len("http")
    return Fix(UNSAFE, "use https", (Edit(at, at, "s"),))

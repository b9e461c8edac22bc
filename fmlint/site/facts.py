"""The facts of one content file that the site rules need, extracted in the per-file pass.

A compact msgspec record (arrays, not maps, in the result cache): what decides
the output path (title, slug, url, date, draft, whether it renders), aliases,
the lists of strings in the front matter that the site's checks read (its
taxonomies, Jekyll's and Docusaurus's lists: ``read_lists``; the result
cache's key of the file names them), the translation key, the anchors
(heading text and custom IDs, in order; the IDs are worked out when a
reference needs them), the IDs of HTML tags and attribute
lists, the files included (shortcodes, MkDocs' snippets), whether other Markdown
the file does not hold is written into it, and the outgoing references:
``ref``/``relref`` shortcodes, local Markdown links and images, and HTML ``<a
href>`` (MDX: JSX ``href``) links, with links to the site's own host (which its
configuration gives: the result cache's key of the file holds it).
Values and references keep their offsets in the file's text, located (1-based
lines and columns) only for a finding or a message naming them
(``fmlint.site.places``): counting the lines of every body up to its last link
cost more than anything else the facts did, and locating the front matter's
values in one batch, each file, a seventh of what was left.
"""

from __future__ import annotations

import datetime
import html
import os
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

import msgspec

from fmlint.discover import MARKDOWN_EXTENSIONS
from fmlint.frontmatter.model import FrontMatter
from fmlint.goldmark_text import goldmark_attributes
from fmlint.linkify import linkified
from fmlint.markdown import Heading, Image, Link, MarkdownView, openings, rendered_headings
from fmlint.mkdocs_blocks import indentation
from fmlint.positions import Span, line_start
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context
from fmlint.site.eleventy import eleventy_render
from fmlint.site.hexo import permalink_tokens
from fmlint.site.params import (
    PARAM_CALL,
    Given,
    called_name,
    cascade_given,
    cascade_params,
    own_given,
    own_params,
    param_names,
)
from fmlint.site.rendering import Cascade, cascades, lowered_keys, page_render
from fmlint.site.shortcode_lexer import CLOSING, OPENING, Tag, lex_shortcodes
from fmlint.suppressions import may_have_directives

OwnURL = Callable[[str], object]

# a ``ref``/``relref`` shortcode's opening; its arguments run to the first ``>}}`` or ``%}}`` (see ``_ref_at``)
_REF = lazy_pattern(r"\{\{[<%]\s*(ref|relref)\s+")
# the usual ``{{< ref "path" >}}`` whole, as ``_ref_at`` and ``_target`` read it when its path holds no ``}}``
# (which may close it): one quoted argument without escapes, a backtick or a line break (``_FIRST_ARGUMENT``
# ends after its quote); a repeat of one character class (an alternation in the repeat costs 5x)
_SIMPLE_REF = lazy_pattern(r"""\{\{[<%]\s*(ref|relref)\s+"([^"\\`\n]*)"\s*[>%]\}\}""")
# Jekyll's links in Liquid: `{{ '/docs/x/' | relative_url }}`, `{% link _docs/x.md %}`, `{% post_url 2021-01-02-x %}`
_LIQUID_LINK = lazy_pattern(
    r"""\{\{-?\s*(["'])([^"'{}\n]*)\1\s*\|\s*(?:relative|absolute)_url\s*-?\}\}"""
    r"""|\{%-?\s*(link|post_url)\s+([^\s%{}]+)\s*-?%\}"""
    # `{{ site.baseurl }}/docs/x/`; not a path that more Liquid continues (nim-lang.org's
    # `{{ site.baseurl }}/download/nim-{{ site.nim_version }}-linux_x64.tar.xz`)
    r"""|\{\{-?\s*site\.baseurl\s*-?\}\}(/[^\s)"'<>{}]*+)(?!\{)"""
)
# `{% include quickstarts/x.md %}` (from `_includes/`), `{% include_relative deploying-book.html %}`
# (`include_cached`: jekyll-include-cache's, from `_includes/` too)
_LIQUID_INCLUDE = lazy_pattern(r"\{%-?\s*include(_relative|_cached)?\s+([^\s%{}]+)")
# Hexo's tags that name a post: `{% post_link slug [title] %}`, `{% post_path "a slug" %}`
# (or none: `{% post_link %}`)
_HEXO_TAG = lazy_pattern(r"""\{%-?\s*(post_link|post_path)\b\s*(?:"([^"]*)"|'([^']*)'|([^\s"'%]+)|(?=-?%\}))""")
# Hexo's tags that name a file of the post's asset folder: `{% asset_img [class] chart.png [title] %}`, all arguments
_HEXO_ASSET = lazy_pattern(r"\{%-?\s*(asset_img|asset_link|asset_path)\b\s*([^%\n]*?)\s*-?%\}")
_INCLUDED = (*MARKDOWN_EXTENSIONS, ".html", ".htm")  # what an include writes that may give elements IDs
# an include's `id="forms"` argument: the ID of the element it writes (W3C's `{% include box.html id="forms" %}`,
# from its theme's gem); an unquoted value is a variable
_INCLUDE_ID = lazy_pattern(r"""(?<![\w-])id\s*=\s*(?:"([^"{}%]*)"|'([^'{}%]*)')""")
# the fragment written after a tag that writes a URL: `{% link a.md %}#setup`, `{{< ref "a.md" >}}#setup` (dapr's)
_FRAGMENT_AFTER = lazy_pattern(r"""#[^\s)"'<>\]]*""")
_ARGUMENT = lazy_pattern(r"""(?:(\w+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))""")
_QUOTED = lazy_pattern(r'"([^"\\]*)"')  # one quoted argument without escapes (as _ARGUMENT reads it)
# a shortcode's first argument, positional (``{{< name "a" >}}``, ``{{< name a >}}``; not ``file="a"``)
_FIRST_ARGUMENT = lazy_pattern(r"""\{\{[<%]\s*([\w/-]+)\s+(?:["`]([^"`\n]*)["`]|([\w.-][\w./-]*)(?![\w./-]|\s*=))""")
_MARKDOWN_TAG = lazy_pattern(r"\{\{%\s*(/?)\s*([\w./-]+)")
_SHORTCODE_NAME = lazy_pattern(r"\{\{[<%]\s*([\w.-][\w./-]*)\s")  # `{{< name ` with arguments after it
_HTML_TAG = lazy_pattern(r"\{\{<\s*([\w.-][\w./-]*)")  # an opening `{{< name` (not a closing `{{< /name`)
_HTML_CLOSING = lazy_pattern(r"\{\{<\s*/\s*([\w./-]+)")  # `{{< /name >}}`, which closes a `{{% name %}}` too
_ATTRIBUTES = lazy_pattern(r"\s*\{([^{}]*)\}\s*$")
# an attribute's `#id` as written (each generator reads its own characters: ``anchors.custom_id``), or `id=`
_ID_ATTRIBUTE = lazy_pattern(r"(?:^|\s)#([^\s#}]+)|\bid\s*=\s*[\"']?([^\s\"']+)")
_DEFINITION = lazy_pattern(r"\r?\n:[ \t]")
_ATTRIBUTE_LIST = lazy_pattern(r"\{:?([^{}\n]*)\}")
# a link's ``name`` (an anchor's: a ``#fragment`` leads to it): ``[x](#y){: name='y'}``, aiven-operator's
_NAME_ATTRIBUTE = lazy_pattern(r"""(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))""")
_TERM_MARK = lazy_pattern(r"\n:[ \t]")
SNIPPET_LINE = lazy_pattern(r"""[ \t]*--8<--[ \t]+(["'])([^"':\n]+)\1[ \t]*\r?""")  # one file, whole
_BLANK_LINE = lazy_pattern(r"\n[ \t]*\r?(?:\n|$)")
# a link's destination holding shortcodes (``_param_links``), from its ``](``: in ``<…>`` or not
_TEMPLATED_DESTINATION = lazy_pattern(r"\]\(<?((?:[^\s()<>{}\\]|\{\{[<%][^{}\n]*?[>%]\}\})+)>?\)")
_COMMENT_ID = lazy_pattern(r"\{/\*\s*#([^\s*]+)\s*\*/\}[ \t#]*\r?\n?$")
_NOT_PAGES = ("//", "mailto:", "tel:", "data:", "javascript:")
_DATE_KEYS = ("date", "publishdate", "pubdate", "published")
_PUBLISH_KEYS = ("publishdate", "pubdate", "published")
# Hugo's default (``[frontmatter]``'s ``:default``): its date falls back to the modification date's keys too (and
# its publish date to that date: a page with a later ``lastmod`` alone is to come, as ``hugo list future`` says)
_HUGO_DATE_KEYS = (*_DATE_KEYS, "lastmod", "modified")
_EXPIRY_KEYS = ("expirydate", "unpublishdate")
_PATH_KEYS = frozenset({"title", "slug", "url", "translationkey", "aliases", "draft"})
# strings kept as one-item lists: jekyll-redirect-from's `redirect_from: /old/` (a list too), Docusaurus's doc IDs,
# a term of Hugo's default and most common taxonomies (`tags: Go`) or a Docusaurus blog's author key, and
# Jekyll's `category: blog`
_ONE_OR_LIST = frozenset(
    ("redirect_from", "pagination_next", "pagination_prev", "tags", "categories", "category", "authors")
)


class At(msgspec.Struct, frozen=True, array_like=True, gc=False):
    line: int
    column: int
    end_line: int
    end_column: int


class Item(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A value and where it is written: its offsets in the file's text (located by ``fmlint.site.places``)."""

    value: str
    start: int
    end: int


class Anchor(msgspec.Struct, frozen=True, array_like=True, gc=False):
    text: str  # the heading's (or definition term's) text; "" for a custom ID
    custom: str  # the ``{#id}`` attribute, "" when none
    heading: bool  # a heading (else a definition term, an ID only with ``autoDefinitionTermID``)
    shortcode: str = ""  # the paired ``{{< name >}}`` shortcode whose content holds it (its template decides)


class Reference(msgspec.Struct, frozen=True, array_like=True, gc=False):
    # "ref", "relref", "link", "image", "html" (an HTML ``<a href>``, a JSX ``href``), Jekyll's "liquid-url",
    # "jekyll-link", "post-url", and Hexo's "post-link", "post-path", "asset-img", "asset-link", "asset-path" (their
    # arguments whole)
    kind: str
    target: str  # as written (a shortcode's path, with ``#fragment``)
    # the destination's offsets in the file's text: located (``fmlint.site.places``) only for a finding
    start: int
    end: int
    language: str = ""  # a shortcode's ``lang=``
    shortcode: str = ""  # the paired ``{{< name >}}`` shortcode whose content holds it (its template decides)
    # a shortcode in an HTML comment: run only where raw HTML is rendered, never seen (its target is kept without
    # its fragment)
    in_comment: bool = False
    # a Markdown link's destination as written when it holds a backslash (`kialis\.kiali\.io`): a render hook
    # reads it so (``target`` is the destination CommonMark unescapes), "" otherwise
    written: str = ""


class SiteFacts(msgspec.Struct, frozen=True, array_like=True):
    title: Item | None = None
    slug: Item | None = None
    url: Item | None = None
    permalink: Item | None = None  # Jekyll's
    date: str = ""  # ISO date, for permalink tokens
    # Hugo's publish date when a key other than ``date`` gives it, and its expiry date (as ``date``): a page to be
    # published later, or expired, is not built (``fmlint.site.publication``)
    publish: str = ""
    expires: str = ""
    translation_key: Item | None = None
    draft: bool = False
    draft_set: bool = False  # the page sets ``draft`` (or ``published``) itself: no cascade changes it
    # "never" for headless bundles and ``build.render: never``, and an Eleventy page's ``permalink: false``; "" when
    # no ``build`` is set ("always" for one that does not say: ``rendering.build_render``); "computed": an Eleventy
    # page whose data decides its output file (``eleventy.eleventy_render``)
    render: str = ""
    # a section's ``cascade`` entries that make pages below it (itself too) drafts or not, or render them or not
    cascades: list[Cascade] = []
    aliases: list[Item] = []
    # lowercased front-matter key → its list of strings; "authors.key": the ``key`` of each object of ``authors``;
    # "<key>.from": the ``from`` of each object of a list of objects (a ``_redirects`` template may write it)
    lists: dict[str, list[Item]] = {}
    # Anchors and references as MessagePack, decoded on first use: a pre-commit run reads the facts of
    # every file of the site but the anchors of a few and the references of the files it checks
    anchors_data: msgspec.Raw = msgspec.Raw(b"\x90")
    references_data: msgspec.Raw = msgspec.Raw(b"\x90")
    # content files that shortcodes name (``{{% include "x.md" %}}``), MkDocs' snippets (``--8<-- "x.md"``,
    # from pymdownx.snippets' ``base_path``) and MDX's imported partials: their headings show here
    includes: list[str] = []
    suppressions: bool = False  # the file has fmlint- comments
    front_matter: bool = True  # Jekyll copies a file without front matter as it is
    # IDs the body gives elements other than headings: HTML tags' ``id`` (``<a id="x"></a>``), attribute lists
    # (``**locale**{ #mkdocs-locale }``, kept as ``#mkdocs-locale``: see ``anchors.custom_id``); anchors too
    element_ids: list[str] = []
    # Markdown the body shows but does not hold (headings included): a ``--8<--`` snippet (pymdownx.snippets), a
    # ``::: module.name`` block (mkdocstrings), an ``{!file.md!}`` include (mdx_include, markdown-include), a
    # heading of an HTML comment alone (which a site's hook replaces: Material for MkDocs'
    # ``#### <!-- md:setting config.x -->`` writes the heading and ID), Liquid that writes elements with IDs of
    # data (a value rendered with ``markdownify``; jekyll-scholar's ``{% bibliography %}``, an ID for each entry)
    hidden_markdown: bool = False
    # the ``{{% name %}}`` shortcodes without content on lines of their own: the Markdown their templates write
    # (headings too) shows here, unless the templates write none (``SiteIndex.hides_markdown``)
    markdown_shortcodes: list[str] = []
    doc_id: Item | None = None  # Docusaurus's ``id``: a doc's URL ends with it
    shortcodes: list[str] = []  # the ``{{< name >}}`` shortcodes it calls (their templates may write IDs)
    # (name, first argument) of the shortcodes it calls with one that names no Markdown file (``includes``), or
    # (name, the first named argument that names one) of those without a first argument, once each: a template
    # may render the Markdown of a file the argument names (istio.io's ``{{< boilerplate x >}}``, falco.org's
    # ``{{< markdown_inline contentPath="…/part.md" >}}``)
    calls: list[tuple[str, str]] = []
    # the Markdown and HTML files Jekyll's ``{% include %}`` (from ``_includes/``) and ``{% include_relative %}``
    # (as ``./name``, from the file's folder) write into the body: IDs fmlint does not see (``SiteIndex.ids_written``)
    liquid_includes: list[str] = []
    page_type: str = ""  # Hugo's ``type`` and ``layout``: which layout template writes the page
    layout: str = ""
    # Hugo's ``param`` shortcodes in references (``fmlint.site.params``): the values the front matter gives those
    # they name, what its ``cascade`` gives (read of sections), and the names a targeted cascade gives some pages
    params: dict[str, str] = {}
    cascade_params: dict[str, str] = {}
    cascade_maybe: list[str] = []
    # pymdownx.tabbed's tabs (an MkDocs page's `=== "Label"`): the number in ``anchors`` of the heading each follows
    # (-1: none), and its label, of which the site's configuration may make an ID (``anchors.tab_ids``)
    tabs: list[tuple[int, str]] = []
    lang: str = ""  # the front matter's ``lang`` (jekyll-polyglot's page language)
    unpublished: bool = False  # ``published: false``: Jekyll does not read the page, Hexo does not write the post
    # a Hugo page's shortcode tags as Hugo's lexer reads them (``fmlint.site.shortcode_lexer``), but ``ref`` and
    # ``relref`` tags that open (which no template pairs), and the first tag it cannot read (Hugo's message)
    shortcode_tags: list[Tag] = []
    shortcode_error: Item | None = None
    # Hugo's ``param`` shortcodes among them (the name each asks for, lowercased), whether the front matter gives
    # each name a true value (for those it gives), and the names a section's ``cascade`` gives (``fmlint.site.params``)
    param_calls: list[Item] = []
    params_given: dict[str, bool] = {}
    cascade_given: Given = {}

    @property
    def anchors(self) -> list[Anchor]:
        return _ANCHORS.decode(self.anchors_data)

    @property
    def references(self) -> list[Reference]:
        return _REFERENCES.decode(self.references_data)

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        """Pickled (from a worker process to the runner) as MessagePack: a third of pickle's time."""
        return _decoded, (_ENCODER.encode(self),)


class StoredFacts(SiteFacts, frozen=True, array_like=True):
    """A file's facts left unread in the result cache, in a result served from it by its stamp: a run
    whose site findings are kept needs none of them.  Every fact field is empty; ``file_key`` and
    ``stamp`` (the file's stamp now) find the facts (``ResultCache.load_facts``)."""

    file_key: str = ""
    stamp: str = ""


_ENCODER = msgspec.msgpack.Encoder()


def _decoded(data: bytes) -> SiteFacts:
    return _DECODER.decode(data)


_DECODER = msgspec.msgpack.Decoder(SiteFacts)
_ANCHORS = msgspec.msgpack.Decoder(list[Anchor])
_REFERENCES = msgspec.msgpack.Decoder(list[Reference])


def extract(ctx: Context) -> SiteFacts:
    """The facts of the file of ``ctx`` (front matter and Markdown are the views already parsed)."""
    doc = ctx.doc
    front_matter = ctx.front_matter
    data = front_matter.data if front_matter is not None and isinstance(front_matter.data, dict) else {}
    keys = lowered_keys(data)

    def item(key: str, *path: Any) -> Item | None:
        original = keys.get(key)
        if original is None:
            return None
        value = data.get(original)
        for step in path:
            value = value[step] if isinstance(value, (list, dict)) else None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not front_matter:
            return None
        span = front_matter.value_span((original, *path))
        return Item(str(value), span.start, span.end)

    lists: dict[str, list[Item]] = {}
    froms: list[str] = []  # the lists of objects
    reads = _site_reads(doc.path)
    if front_matter is not None:
        _lists(front_matter, data, keys, reads, lists, froms)
    aliases_value = data.get(keys.get("aliases", ""))
    if isinstance(aliases_value, list):
        aliases = [alias for i in range(len(aliases_value)) if (alias := item("aliases", i)) is not None]
    else:
        aliases = _split(alias, doc.text) if (alias := item("aliases")) is not None else []

    def fields(lowered: str, name: str) -> None:
        """The ``name`` field of each object of the list ``lowered``, as the list ``"<lowered>.<name>"``."""
        listed = data.get(keys.get(lowered, ""))
        if isinstance(listed, list):
            named = [item(lowered, i, name) for i, v in enumerate(listed) if isinstance(v, dict) and name in v]
            if found := [each for each in named if each is not None]:
                lists[f"{lowered}.{name}"] = found

    fields("authors", "key")  # (Docusaurus: `authors: [{key: x, title: …}]` names x of the authors map)
    for lowered in froms:  # a template may write an object's `from` to Netlify's `_redirects` (opentelemetry.io)
        fields(lowered, "from")
    title, slug, url, permalink, doc_id = item("title"), item("slug"), item("url"), item("permalink"), item("id")
    translation_key = item("translationkey")
    body = _body_facts(ctx, reads) if _has_body(ctx) else _NO_BODY
    named = (
        [name for reference in body.references if "{{" in reference[1] for name in param_names(reference[1])]
        if body.param_calls
        else []
    )
    cascade = data.get(keys.get("cascade", ""))
    cascaded, maybe = cascade_params(cascade) if cascade is not None else ({}, [])
    param_calls = _param_calls(ctx.doc.text, body.shortcode_tags) if body.param_calls else []
    return SiteFacts(
        title=title,
        slug=slug,
        url=url,
        permalink=permalink,
        date=_date(data, keys, _HUGO_DATE_KEYS if reads.hugo else _DATE_KEYS),
        publish=_date(data, keys, _PUBLISH_KEYS),
        expires=_date(data, keys, _EXPIRY_KEYS),
        translation_key=translation_key,
        draft=_true(data.get(keys.get("draft", "")), reads.hugo)
        or (reads.hugo and "published" in keys and data[keys["published"]] is None),
        unpublished=data.get(keys.get("published", "")) is False,
        render=eleventy_render(data) if reads.eleventy else page_render(data, keys),
        cascades=cascades(cascade) if cascade is not None else [],
        draft_set="draft" in keys or "published" in keys,
        aliases=aliases,
        lists=lists,
        anchors_data=msgspec.Raw(_ENCODER.encode(body.anchors)),
        references_data=msgspec.Raw(_ENCODER.encode(body.references)),  # (each a Reference's fields)
        includes=body.includes,
        suppressions=_may_suppress(ctx),
        front_matter=doc.kind is not None,
        element_ids=body.element_ids,
        hidden_markdown=body.hidden_markdown,
        markdown_shortcodes=body.markdown_shortcodes,
        doc_id=doc_id,
        lang=_string(data, keys, "lang"),
        shortcodes=body.shortcodes,
        calls=body.calls,
        liquid_includes=body.liquid_includes,
        page_type=_string(data, keys, "type"),
        layout=_string(data, keys, "layout"),
        params=own_params(data, named) if named else {},
        cascade_params=cascaded,
        cascade_maybe=maybe,
        tabs=body.tabs,
        shortcode_tags=body.shortcode_tags,
        shortcode_error=body.shortcode_error,
        param_calls=param_calls,
        params_given=own_given(data, {call.value for call in param_calls}) if param_calls else {},
        cascade_given=cascade_given(cascade) if cascade is not None else {},
    )


def _split(item: Item, text: str) -> list[Item]:
    """A string of aliases as Hugo reads it: split at whitespace (``aliases: /a/ /b/``, or a YAML list written
    without its dashes), each part located where the file's ``text`` holds it in the value (else at the value)."""
    parts = item.value.split()
    if not parts or parts == [item.value]:
        return [item]
    written, found, at = text[item.start : item.end], [], 0
    for part in parts:
        start = written.find(part, at)
        if start < 0:
            found.append(Item(part, item.start, item.end))
            continue
        at = start + len(part)
        found.append(Item(part, item.start + start, item.start + at))
    return found


def _lists(
    front_matter: FrontMatter,
    data: dict[str, Any],
    keys: dict[str, Any],
    reads: _SiteReads,
    lists: dict[str, list[Item]],
    froms: list[str],
) -> None:
    """The front matter's lists of strings into ``lists``, by lowercased key, and the keys of its lists of
    objects into ``froms``: those the site ``reads`` (all outside a site); a value some keys take alone, a
    taxonomy's one term, as a list of it."""
    read, alone = reads.lists, _ONE_OR_LIST | reads.terms
    locations = front_matter.locations  # each item's own span, as ``value_span`` finds it first
    # (of the front matter's ~20 keys, the few a site's checks read: sorted, as a set's order moves with the hash
    # seed, and the facts' digest with it)
    for lowered in keys if read is None else sorted(read.intersection(keys)):
        original = keys[lowered]
        value = data[original]
        if isinstance(value, list):
            if not value or lowered in _PATH_KEYS:
                continue
            items = []
            for i, each in enumerate(value):
                if isinstance(each, str):
                    found = locations.get((original, i))
                    span = found.value if found is not None else front_matter.value_span((original, i))
                    items.append(Item(each, span.start, span.end))
            if items:
                lists[lowered] = items
            elif isinstance(value[0], dict):  # (`redirects: [{from: old, to: new}]`: see below)
                froms.append(lowered)
            elif isinstance(value[0], list):  # (Hexo's `categories: [[A, B], [C]]`, several hierarchies: unread)
                lists[lowered] = []
        elif lowered in alone and isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
            # (an empty string alone is no value, `series = ""` an archetype's left unfilled; `pagination_next: 5`:
            # Docusaurus looks for the ID "5")
            span = front_matter.value_span((original,))
            lists[lowered] = [Item(str(value), span.start, span.end)]
        elif value is None and lowered in reads.nulls:
            span = front_matter.value_span((original,))
            lists[lowered] = [Item("null", span.start, span.end)]


def _local(url: str, own: OwnURL | None) -> bool:
    """Whether a link's ``url`` may lead to a page of the site: relative (a fragment too, a URL in it as well:
    haproxy-ingress's `#https://docs.haproxy.org/…`), from the root, or to its own host."""
    return (
        url.startswith("#")
        or ("://" not in url and not url.startswith(_NOT_PAGES))
        or (own is not None and bool(own(url)))
    )


def _param_links(
    text: str,
    tags: list[int],
    known: list[_Pending],
    view: MarkdownView,
    inside: Callable[[int], str] | None,
    own: OwnURL | None,
) -> list[_Pending]:
    """The links whose destination holds Hugo's ``param`` shortcode with a space in it or in ``<…>`` (etcd.io's
    ``[x](/docs/{{< param version >}}/a/)``): no links to a Markdown parser, but to Hugo, which writes each
    shortcode's output there first (``fmlint.site.params``).  Not in code: a fence, or a code span of the line;
    nor to another host (osm-docs' ``https://github.com/…/blob/{{< param osm_branch >}}/DESIGN.md``)."""
    found: list[_Pending] = []
    taken: set[int] | None = None  # where the destinations known start (made for the first `param` met)
    for at in tags:
        if not PARAM_CALL.match(text, at):
            continue
        if taken is None:
            taken = {pending[2] for pending in known}
        begins = line_start(text, at)
        opener = text.rfind("](", begins, at)
        link = _TEMPLATED_DESTINATION.match(text, opener) if opener >= 0 else None
        if link is None or link.end(1) <= at or link.start(1) in taken or text.count("`", begins, opener) % 2:
            continue
        if not _local(link.group(1), own):
            continue
        if any(fence.span.start <= at < fence.span.end for fence in view.code_fences):
            continue
        if any(comment.span.start <= at < comment.span.end for comment in view.html_comments):
            continue
        taken.add(link.start(1))
        found.append(("link", link.group(1), link.start(1), link.end(1), "", inside(at) if inside else "", False, ""))
    return found


def _may_suppress(ctx: Context) -> bool:
    """Whether the file may hold inline suppression comments: its text may hold a directive, and where
    ``fmlint.suppressions`` reads them (the front matter, the body's HTML comments) does."""
    doc = ctx.doc
    if not ctx.may_have_directives:
        return False
    if doc.front_matter is not None and may_have_directives(doc.source(doc.front_matter)):
        return True
    return any(may_have_directives(comment.text) for comment in ctx.markdown.html_comments)


def _string(data: dict[str, Any], keys: dict[str, Any], key: str) -> str:
    value = data.get(keys.get(key, ""))
    return value if isinstance(value, str) else ""


def _date(data: dict[str, Any], keys: dict[str, Any], names: tuple[str, ...] = _DATE_KEYS) -> str:
    """The first of the keys ``names`` holding a date, as ISO text (or the string written)."""
    for key in names:
        if key not in keys:  # (most files have one of the keys, or none)
            continue
        value = data.get(keys[key])
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        if isinstance(value, str) and value:
            return value
    return ""


# a reference: kind, target, where it starts and ends, language, shortcode, in an HTML comment, the destination
# as written when it holds a backslash (its array)
_Pending = tuple[str, str, int, int, str, str, bool, str]
_AnchorFields = tuple[str, str, bool, str]  # an Anchor's fields, encoded as its array is (no Anchor is made)


class _Body(NamedTuple):
    anchors: list[_AnchorFields]
    references: list[_Pending]
    includes: list[str]
    element_ids: list[str]
    hidden_markdown: bool
    markdown_shortcodes: list[str]
    shortcodes: list[str]
    calls: list[tuple[str, str]]
    liquid_includes: list[str]
    param_calls: bool  # Hugo's ``param`` shortcode is called (``_param_links``)
    tabs: list[tuple[int, str]]
    shortcode_tags: list[Tag]
    shortcode_error: Item | None


_NO_BODY = _Body([], [], [], [], False, [], [], [], [], False, [], [], None)


def _body_facts(ctx: Context, reads: _SiteReads) -> _Body:
    """The body's facts (searched in the document's text from where the body starts: no copy of it is made)."""
    text, body_start = ctx.doc.text, ctx.doc.body_start
    own = reads.own
    view = ctx.markdown
    headings = _anchored_headings(view)
    mdx = ctx.doc.mdx
    anchors = [
        (mdx and _comment_id(text, h.span))
        or _anchor(h.unstripped or h.text, h.typographic, _braced(text, h.span, reads.hugo), reads.hugo)
        if mdx or "{" in h.text
        else (h.typographic or h.unstripped or h.text, "", True, "")  # (most: their text, no function's call)
        for h in headings
    ]
    inside = _inside(view.shortcode_contents) if view.shortcode_contents else None
    if inside is not None and view.shortcode_headings:
        held = set(map(id, view.shortcode_headings))
        anchors = [
            (*anchor[:3], inside(h.span.start)) if id(h) in held else anchor
            for h, anchor in zip(headings, anchors, strict=True)
        ]
    html = ctx.doc.html  # (no definition lists nor attribute lists: HTML)
    # (definition lists: a line of running text opening with `:`, as the view's walk saw; then the text's scan
    # decides, as it does where the terms are)
    first_term = _TERM_MARK.search(text, body_start) if view.colon_lines and not html else None
    if first_term is not None:
        anchors += _definition_terms(text, body_start, max(body_start, first_term.start() - 1))  # from a CR
    references: list[_Pending] = []
    tags, liquid, attributes = view.shortcode_openings, view.liquid_openings, view.attribute_openings
    if tags is None or liquid is None or attributes is None:  # the view did not scan the document's text (MDX
        tags, liquid, attributes = openings(text, body_start)  # masks it; an HTML file's body is not Markdown)
    comments = [comment.span for comment in view.html_comments]
    includes, markdown_shortcodes, shortcodes, calls, plain_refs = _shortcode_facts(text, tags, references, comments)
    # (Hugo's lexer reads a page whose tags are all plain refs without a fault: most pages with tags)
    lexed = reads.hugo and len(tags) > plain_refs
    shortcode_tags, shortcode_error = _hugo_shortcodes(text, tags) if lexed else ([], None)
    for kind, elements in (("link", view.links), ("image", view.images)):
        local = [element for element in elements if element.url and _local(element.url, own) and not _email(element)]
        for element in local:
            url_span = element.url_span
            shortcode = inside(element.span.start) if inside else ""
            escaped = text.find("\\", url_span.start, url_span.end) >= 0  # (rare: the slice only then)
            as_written = text[url_span.start : url_span.end] if escaped else ""
            references.append((kind, element.url, url_span.start, url_span.end, "", shortcode, False, as_written))
    for url, span in view.html_links:
        if url and _local(url, own):
            references.append(("html", url, span.start, span.end, "", inside(span.start) if inside else "", False, ""))
    if reads.linkify and own is not None and view.url_runs:  # (a bare URL of the site: a link, by goldmark's linkify)
        for bare in view.bare_urls:
            if own(bare.url) and (linked := linkified(text, bare.span)) is not None:
                shown_in = inside(linked.start) if inside else ""
                url = text[linked.start : linked.end]
                references.append(("link", url, linked.start, linked.end, "", shown_in, False, ""))
    # (the shortcodes' first arguments: most pages call no `param`)
    called = any(name == "param" for name, _ in calls) if calls else False  # (most pages call no `param`)
    if called:
        references += _param_links(text, tags, references, view, inside, own)
    liquid_includes: list[str] = []
    element_ids = list(view.html_ids)
    if reads.hexo and (liquid or tags):  # (`{{% post_link x %}}` too: Hexo runs the tag inside the braces)
        _hexo_tags(text, [*liquid, *(at + 1 for at in tags if text[at + 2] == "%")], view, references)
    if liquid:
        _liquid_links(text, liquid, view.in_shortcode, references)
        include_tags = [
            found
            for at in liquid
            if (found := _LIQUID_INCLUDE.match(text, at)) is not None and not view.in_shortcode(Span(at, at))
        ]
        liquid_includes = [
            ("./" if found.group(1) == "_relative" else "") + found.group(2)
            for found in include_tags
            if found.group(2).lower().endswith(_INCLUDED)
        ]
        element_ids += [
            value.group(1) or value.group(2) or ""
            for found in include_tags
            for value in _INCLUDE_ID.finditer(text, found.end(), max(text.find("%}", found.end()), found.end()))
        ]
    for at in () if html else attributes:
        if any(fence.opening.end <= at < fence.span.end for fence in view.code_fences):
            continue  # (code: `{{#if ready}}` in a Handlebars example is no attribute list; the info string's
            # ```` ```sh { .sh #example } ```` is the block's, as Hugo and pymdownx.superfences write it)
        if (attribute_list := _ATTRIBUTE_LIST.match(text, at)) is not None:
            element_ids += [  # (`#id` kept with its `#`: each generator reads its own characters)
                f"#{found.group(1)}" if found.group(1) else found.group(2)
                for found in _ID_ATTRIBUTE.finditer(attribute_list.group(1))
            ]
            if text.endswith(")", 0, at):  # (a link's list: Python-Markdown's and kramdown's, not goldmark's)
                element_ids += [
                    found.group(found.lastindex or 1) for found in _NAME_ATTRIBUTE.finditer(attribute_list.group(1))
                ]
    snippets, unread = _snippets(text, view.snippet_starts)
    written = any(not h.text.strip() and text.find("<!--", h.span.start, h.span.end) >= 0 for h in headings)
    written = written or bool(liquid and reads.liquid and _liquid_writes(text, liquid))
    # (VitePress's and VuePress's `<!--@include: ./parts/setup.md-->`, mdBook's `{{#include ./setup.md}}`: the
    # file's headings are the page's)
    written = written or any(comment.text.lstrip().startswith("@include:") for comment in view.html_comments)
    written = written or (reads.mdbook and text.find("{{#include", body_start) >= 0)
    return _Body(
        anchors,
        references,
        includes + snippets + view.mdx_partials,
        element_ids,
        view.writes_markdown or unread or written,
        markdown_shortcodes,
        shortcodes,
        calls,
        liquid_includes,
        called,
        _tabs(text, headings, view) if view.tabs else [],
        shortcode_tags,
        shortcode_error,
    )


def _hugo_shortcodes(text: str, openings: list[int]) -> tuple[list[Tag], Item | None]:
    """The shortcode tags Hugo reads (but the ``ref``/``relref`` tags that open), and the first it cannot."""
    tags, error = lex_shortcodes(text, openings)
    kept = [tag for tag in tags if tag[3] != OPENING or tag[0] not in ("ref", "relref")]
    return kept, Item(*error) if error is not None else None


def _param_calls(text: str, tags: list[Tag]) -> list[Item]:
    """The ``param`` shortcodes among a Hugo page's ``tags`` that name a parameter, each with the name asked for."""
    return [
        Item(called_name(call), start, end)
        for name, start, end, form in tags
        if name == "param" and form != CLOSING and (call := PARAM_CALL.match(text, start, end)) is not None
    ]


def _email(element: Link | Image) -> bool:
    """Whether ``element`` is an email autolink (``<git#v1@kaction.cc>``): a ``mailto:`` link, written without
    its scheme (pulldown-cmark's destination, as goldmark's ``href``)."""
    return isinstance(element, Link) and element.link_type == "Email"


def _tabs(text: str, headings: list[Heading], view: MarkdownView) -> list[tuple[int, str]]:
    """The tabs of pymdownx.tabbed (as the view's block masking found them), each with the number of the heading
    its ID may join (``SiteFacts.tabs``): the last one before it indented no deeper.  pymdownx takes the last
    heading before the tab set in the block that holds it, else in a block around that one; a heading inside an
    earlier block, which it passes over, is taken here (rare)."""
    found = []
    for tab in view.tabs:
        before = [
            number
            for number, heading in enumerate(headings)
            if heading.span.start < tab.at and indentation(text, heading.span.start) <= tab.indent
        ]
        found.append((before[-1] if before else -1, html.unescape(tab.label.replace("`", ""))))
    return found


def _anchored_headings(view: MarkdownView) -> list[Heading]:
    """The headings whose anchors lead the facts' ``anchors``, in their order: those rendered, and those in the
    content of paired shortcodes."""
    headings = rendered_headings(view)
    if view.shortcode_headings:
        headings = sorted([*headings, *view.shortcode_headings], key=lambda h: h.span.start)
    return headings


def heading_spans(ctx: Context) -> list[Span]:
    """Where the headings of the file are, in the order of the first of its facts' ``anchors`` (definition terms
    follow them there)."""
    return [h.span for h in _anchored_headings(ctx.markdown)] if _has_body(ctx) else []


def _has_body(ctx: Context) -> bool:
    return ctx.doc.readable and ctx.doc.body_start < len(ctx.doc.text)


def _inside(contents: list[tuple[Span, str]]) -> Callable[[int], str]:
    """The name of the innermost paired ``{{< >}}`` shortcode whose content (of ``contents``, in order of start)
    holds an offset; "" for none, or when a ``{{% %}}`` shortcode's content inside it holds the offset (Markdown:
    dapr's ``{{< tabs >}}`` writes its ``{{% codetab %}}`` shortcodes as they are, rendered)."""
    starts = [span.start for span, _ in contents]

    def name(at: int) -> str:
        for position in range(bisect_right(starts, at) - 1, -1, -1):
            span, found = contents[position]
            if at < span.end:
                return found
        return ""

    return name


def _snippets(text: str, starts: list[int]) -> tuple[list[str], bool]:
    """The files the ``--8<-- "name"`` lines of the paragraphs at ``starts`` name, and whether a paragraph holds
    another form (a block of names, ``name:3:9`` lines, a section): Markdown whose headings are not known."""
    names: list[str] = []
    for start in starts:
        end = _BLANK_LINE.search(text, start)
        for line in text[start : end.start() if end is not None else len(text)].splitlines():
            found = SNIPPET_LINE.fullmatch(line)
            if found is None:
                return names, True
            names.append(found.group(2))
    return names, False


class _SiteReads(NamedTuple):
    """What the facts of a file keep that its site's configuration decides (the file's key in the result
    cache says so: ``site_key``)."""

    # whether a URL starts with ``https://host`` or ``http://host`` (case ignored) of its own URL's host, then its
    # path, query or fragment: a link to it is a link in the site (None: it has no own host)
    own: OwnURL | None
    lists: frozenset[str] | None  # the front-matter lists its checks read (None: outside a site, every list)
    liquid: bool = False  # whether Liquid writes the pages (Jekyll's), in their code blocks too
    # Hugo's taxonomies, Hexo's tags and categories and permalink tokens: a string is one item (``series: "vtctl"``)
    terms: frozenset[str] = frozenset()
    # Hexo's permalink tokens: a key without a value is the text ``null`` in the post's URL (JavaScript's)
    nulls: frozenset[str] = frozenset()
    hexo: bool = False  # whether Hexo writes the pages: its tags are read (``_hexo_tags``)
    mdbook: bool = False  # whether mdBook writes the pages: its ``{{#include}}`` is read
    eleventy: bool = False  # whether Eleventy writes the pages: ``render`` says whether their data decides their files
    hugo: bool = False  # whether Hugo writes the pages: a ``published:`` without a value makes a draft (Hugo 0.168)
    linkify: bool = False  # whether a bare URL is a link (goldmark's linkify, on in Hugo unless turned off)


_OUTSIDE = _SiteReads(None, None)


def _site_reads(path: str) -> _SiteReads:
    return _site_reads_in(path[: path.rfind(os.sep) + 1])


def forget_site_reads() -> None:
    """Forget the sites' own hosts and lists read so far (``fmlint.site.config.forget_sites``)."""
    _site_reads_in.cache_clear()


@lru_cache(maxsize=1024)
def _site_reads_in(folder: str) -> _SiteReads:
    """(``folder`` with its separator, "" for the working folder)"""
    from fmlint.site.config import read_lists, site_of

    site = site_of(folder + "_")  # (any file of the folder: a site is found by its folder)
    if site is None:
        return _OUTSIDE
    hosts = "|".join(map(re.escape, site.own_hosts))
    own = re.compile(rf"https?://(?:{hosts})(?:[/?#]|\Z)", re.IGNORECASE).match if hosts else None
    terms = frozenset(site.taxonomies) if site.generator == "hugo" else frozenset()
    nulls = permalink_tokens(site.hexo) if site.hexo is not None else frozenset()
    if site.hexo is not None:  # (Hexo reads a string as one tag or category, and a permalink token's value)
        terms = frozenset(("tags", "categories", "category", *nulls))
    hexo = site.hexo is not None
    generator = site.generator
    return _SiteReads(
        own,
        read_lists(site),
        generator == "jekyll",
        terms,
        nulls,
        hexo,
        generator == "mdbook",
        generator == "eleventy",
        generator == "hugo",
        site.linkify,
    )


def _liquid_writes(text: str, liquid: list[int]) -> bool:
    """Whether a Liquid tag opening at one of ``liquid``, outside ``{% raw %}``, writes elements whose IDs are
    data: a value rendered with ``markdownify`` (uswds' docs: ``{% assign content = site.data.readme |
    markdownify %}``, headings from data), or jekyll-scholar's ``{% bibliography %}`` (al-folio's publications
    page: an element for each entry, its ID the entry's key, which the site's news link to)."""
    for at in liquid:
        if _MARKDOWNIFY.match(text, at) is not None or _BIBLIOGRAPHY.match(text, at) is not None:
            raw = text.rfind("{% raw %}", 0, at)
            if raw < 0 or text.find("{% endraw %}", raw, at) >= 0:
                return True
    return False


_MARKDOWNIFY = lazy_pattern(r"\{[{%][^{}]*?\|\s*markdownify\b")
_BIBLIOGRAPHY = lazy_pattern(r"\{%-?\s*bibliography\b")  # (not `bibliography_count`, a number)


def _liquid_links(text: str, openings: list[int], skipped: Callable[[Span], bool], references: list[_Pending]) -> None:
    """Jekyll's links written in Liquid (added to ``references``): a path
    through ``relative_url``/``absolute_url`` or after ``{{ site.baseurl }}`` is a link from the site's root
    (with the ``#fragment`` written after the tag, as after ``{% link %}``), ``{% link %}`` names a file,
    ``{% post_url %}`` a post (kinds ``liquid-url``, ``jekyll-link`` and ``post-url``: judged on Jekyll sites
    only; another generator's page may show Jekyll's Liquid as an example).  Not where ``skipped`` says (the
    view's shortcodes and Liquid ``raw``/``comment`` blocks, whose Liquid is not run); in code it is run.
    Tried where Liquid opens (``openings``: each ``{%``, ``{{ '`` and ``{{ site.baseurl``)."""
    for at in openings:
        found = _LIQUID_LINK.match(text, at)
        if found is None or skipped(Span(at, at)):
            continue
        group = 2 if found.group(2) is not None else 4 if found.group(4) is not None else 5
        kind = "jekyll-link" if found.group(3) == "link" else "post-url" if group == 4 else "liquid-url"
        target = found.group(group)
        if kind == "liquid-url" and target.startswith("//"):
            continue
        if kind == "liquid-url":
            target = "/" + target.lstrip("/")  # (relative_url takes a path from the site's root, slash or not)
        if kind != "post-url":
            target += _fragment_after(text, found.end(), target)
        references.append((kind, target, found.start(group), found.end(group), "", "", False, ""))


def _hexo_tags(text: str, openings: list[int], view: MarkdownView, references: list[_Pending]) -> None:
    """Hexo's ``{% post_link slug %}`` and ``{% post_path slug %}`` (kinds ``post-link`` and ``post-path``, read
    on Hexo sites only), their first argument quoted or not (``slug#fragment`` too), or none (located at
    the tag's name), and its asset tags (``asset_img``, ``asset_link``, ``asset_path``: their arguments), where
    Hexo runs them (``_not_run_by_hexo``); added to ``references``."""
    for at in openings:
        found = _HEXO_TAG.match(text, at)
        if found is None:
            asset = _HEXO_ASSET.match(text, at)
            if asset is not None and not _not_run_by_hexo(text, at, view):
                kind = asset.group(1).replace("_", "-")  # ("asset-img", "asset-link", "asset-path")
                references.append((kind, asset.group(2), asset.start(2), asset.end(2), "", "", False, ""))
            continue
        if _not_run_by_hexo(text, at, view):
            continue
        group = next((number for number in (2, 3, 4) if found.group(number) is not None), 1)  # (the tag's name)
        kind = "post-link" if found.group(1) == "post_link" else "post-path"
        target = found.group(group) if group > 1 else ""
        references.append((kind, target, found.start(group), found.end(group), "", "", False, ""))


def _not_run_by_hexo(text: str, at: int, view: MarkdownView) -> bool:
    """Whether Hexo (8.1.2) leaves the tag at ``at`` as text: in code (a fenced or indented block, a code span
    on its line), an HTML comment or a ``{% raw %}`` block; it runs one in ``{% codeblock %}``."""
    if any(fence.opening.end <= at < fence.span.end for fence in view.code_fences):
        return True
    if any(span.start <= at < span.end for span, _ in view.indented_code):
        return True
    if any(comment.span.start <= at < comment.span.end for comment in view.html_comments):
        return True
    if text.count("`", line_start(text, at), at) % 2:
        return True
    raws = [found.start() for found in _RAW_OPENING.finditer(text, 0, at)]
    return bool(raws) and _RAW_CLOSING.search(text, raws[-1], at) is None


_RAW_OPENING = lazy_pattern(r"\{%-?\s*raw\s*-?%\}")
_RAW_CLOSING = lazy_pattern(r"\{%-?\s*endraw\s*-?%\}")


def _true(value: object, hugo: bool) -> bool:
    """Whether a front-matter value is true; for Hugo as Go's ``cast.ToBool`` reads it (`"true"`, `"T"`, `1`)."""
    if value is True or not hugo:
        return value is True
    return value in _GO_TRUE if isinstance(value, str) else type(value) is int and value != 0


_GO_TRUE = frozenset(("1", "t", "T", "TRUE", "true", "True"))  # (``strconv.ParseBool``'s)


def _braced(text: str, span: Span, goldmark: bool = False) -> bool:
    """Whether the heading at ``span`` of ``text`` ends with ``}`` as written (an attribute list may close it),
    not inside a code span (metro's ``#### `extraNodeModules: ?{[string]: string}` ``); before a closing
    sequence of ``#`` too, but for ``goldmark``, which reads braces there as text (`### x {#a} #` is `x-a`)."""
    end = text.find("\n", span.start, span.end)
    line = text[span.start : span.end if end < 0 else end].rstrip()
    return (line if goldmark else line.rstrip("#").rstrip()).endswith("}")


def _anchor(text: str, typographic: str, braced: bool = True, goldmark: bool = False) -> _AnchorFields:
    """A heading's anchor: its ``{#id}`` (with its whole text, which is the ID where ``{#id}`` is no syntax:
    Astro), else its text (with its dashes marked as a typographer reads them, the attribute list left out:
    that is read before the typographer runs); ``braced``: the heading may end with an attribute list, which
    for ``goldmark`` (Hugo's) is one only where its parser reads every attribute of it (`/users/{id}` is text)."""
    attributes = _ATTRIBUTES.search(text) if braced and "{" in text else None
    if attributes is not None and goldmark and not goldmark_attributes(attributes.group(1)):
        attributes = None
    if attributes is not None:
        found = _ID_ATTRIBUTE.search(attributes.group(1))
        if found is not None:
            return (text, found.group(1) or found.group(2), True, "")
        text = text[: attributes.start()]
        marked = _ATTRIBUTES.search(typographic) if typographic else None
        typographic = typographic[: marked.start()] if marked is not None else typographic
    return (typographic or text, "", True, "")


def _comment_id(text: str, span: Span) -> _AnchorFields | None:
    """An MDX heading's ID written as a comment at its end (``## Drivers {/* #driver */}``: Docusaurus 3's
    form of ``{#driver}``, which is no valid MDX)."""
    if text.find("{/*", span.start, span.end) < 0:
        return None
    found = _COMMENT_ID.search(text, span.start, span.end)
    return ("", found.group(1), True, "") if found is not None else None


def _definition_terms(text: str, body_start: int, first: int) -> list[_AnchorFields]:
    """Definition-list terms (a line followed by ``: definition``, the first such at ``first``) of the body
    of ``text``; in document order after the headings, which is only approximate for duplicate suffixes
    shared with headings."""
    terms = []
    for mark in _DEFINITION.finditer(text, first):  # found from the ": " line: far fewer matches than lines
        start = max(line_start(text, mark.start()), body_start)
        term = text[start : mark.start()]
        if term.strip() and not term[:1].isspace() and not term.startswith(":"):
            terms.append((term.strip(), "", False, ""))
    return terms


def _shortcode_facts(
    text: str, openings: list[int], references: list[_Pending], comments: list[Span]
) -> tuple[list[str], list[str], list[str], list[tuple[str, str]], int]:
    """The ``ref``/``relref`` shortcodes of the body (added to ``references``),
    the content files other shortcodes name, the names of the ``{{% %}}`` shortcodes without content, on lines
    of their own (whose templates may write Markdown here), the names of the ``{{< >}}`` shortcodes called, and the other first
    arguments of shortcodes (see ``SiteFacts.calls``), a reference in one of the HTML ``comments`` marked so, and
    how many tags are plain ``ref``/``relref`` ones that Hugo's lexer reads without a fault;
    each pattern is tried
    where a shortcode opens (``openings``, the Markdown view's), as each pattern's own scan would find them:
    not inside an earlier match of it."""
    includes: list[str] = []
    ref_end = argument_end = 0
    opened: set[str] = set()  # the names of {{% %}} tags on lines of their own, and of closing tags
    closed: set[str] = set()
    called: set[str] = set()  # {{< name >}}
    calls: dict[tuple[str, str], None] = {}
    plain_refs = 0
    for at in openings:
        if (
            at >= ref_end
            and (simple := _SIMPLE_REF.match(text, at)) is not None
            and "}}" not in (value := simple.group(2))
        ):  # (most: one match, not five)
            ref_end = simple.end()
            plain_refs += (text[at + 2] == "<") == (text[ref_end - 3] == ">")  # (`{{< … %}}` is Hugo's error)
            if at >= argument_end:
                argument_end = simple.end(2) + 1
            after = _fragment_after(text, ref_end, value)
            references.append(_ref_fact(simple.group(1), value, simple.start(2), "", at, comments, after))
            continue  # (its name, ``ref`` or ``relref``, is no shortcode the other facts keep)
        if text.startswith("%", at + 2) and (tag := _MARKDOWN_TAG.match(text, at)) is not None:
            if tag.group(1):
                closed.add(tag.group(2))
            elif _on_own_line(text, at):  # (one inside a line writes no heading: `{{% latest-version %}}`)
                opened.add(tag.group(2))
        elif (html := _HTML_TAG.match(text, at)) is not None:
            called.add(html.group(1))
        elif (closing := _HTML_CLOSING.match(text, at)) is not None:  # (fluxcd.io: `{{% lead %}}…{{< /lead >}}`)
            closed.add(closing.group(1))
        if at >= ref_end and (ref := _ref_at(text, at)) is not None:
            kind, arguments, start, ref_end = ref
            found = _target(arguments, start)
            if found is not None:
                references.append(_ref_fact(kind, *found, at, comments, _fragment_after(text, ref_end, found[0])))
        if at >= argument_end and (match := _FIRST_ARGUMENT.match(text, at)) is not None:
            argument_end = match.end()
            name, argument = match.group(1), match.group(2) if match.group(2) is not None else match.group(3)
            if name in ("ref", "relref"):
                continue
            if argument.endswith(MARKDOWN_EXTENSIONS):
                includes.append(argument)
                closed.add(name)  # its Markdown is the included file's: seen
            else:
                calls[(name, argument)] = None
        elif at >= argument_end and (named := _named_file(text, at)) is not None:
            calls[named] = None
    return (
        includes,
        sorted(opened - closed - {"ref", "relref"}),
        sorted(called - {"ref", "relref"}),
        list(calls),
        plain_refs,
    )


def _ref_fact(
    kind: str, value: str, offset: int, language: str, at: int, comments: list[Span], after: str = ""
) -> _Pending:
    """A ``ref`` shortcode's reference: its path at ``offset`` (with the fragment written ``after`` the shortcode,
    which its URL ends with), marked when the shortcode opening at ``at`` is in one of the HTML ``comments``
    (nobody reads a fragment there: its page is all that counts). Spaces ending a fragment are left out: Hugo
    writes them in the ``href``, and browsers strip them (karpenter's ``{{< relref "#drift " >}}``)."""
    commented = bool(comments) and any(c.start <= at < c.end for c in comments)
    if commented:
        value, after = value.partition("#")[0], ""
    elif "#" in value:
        value = value.rstrip()
    return (kind, value + after, offset, offset + len(value), language, "", commented, "")


def _fragment_after(text: str, end: int, value: str) -> str:
    """The ``#fragment`` written right after a tag ending at ``end`` that writes a URL, whose path (``value``)
    has none (``[x]({{< ref "a.md" >}}#setup)``: Hugo writes the page's URL, then it; Jekyll's
    ``{% link a.md %}#setup``), else ""."""
    if text.startswith("#", end) and "#" not in value and (found := _FRAGMENT_AFTER.match(text, end)) is not None:
        return found.group()
    return ""


def _named_file(text: str, at: int) -> tuple[str, str] | None:
    """The name of the shortcode opening at ``at`` and its first named argument that names a Markdown or HTML
    file (falco.org's ``{{< markdown_inline contentPath="/docs/x/part.md" >}}``, mitmproxy's ``{{< readfile
    file="/generated/api/events.html" >}}``), if any: a call (see ``SiteFacts.calls``) whose template may render
    that file."""
    end = text.find("}}", at)
    if end < 0 or (text.find(".m", at, end) < 0 and text.find(".htm", at, end) < 0):
        return None
    opening = _SHORTCODE_NAME.match(text, at, end)
    if opening is None:
        return None
    for argument in _ARGUMENT.finditer(text, opening.end(), end):
        value = argument.group(argument.lastindex or 0)
        if argument.group(1) and value and value.endswith(_RENDERED_FILES):
            return opening.group(1), value
    return None


_RENDERED_FILES = (*MARKDOWN_EXTENSIONS, ".html", ".htm")


def _on_own_line(text: str, at: int) -> bool:
    """Whether the shortcode tag opening at ``at`` is alone on its line (a block of its own)."""
    end = text.find("%}}", at)
    line_end = text.find("\n", at)
    return (
        not text[line_start(text, at) : at].strip()
        and end >= 0
        and not text[end + 3 : len(text) if line_end < 0 else line_end].strip()
    )


def _ref_at(text: str, at: int) -> tuple[str, str, int, int] | None:
    r"""The ``ref``/``relref`` shortcode opening at ``at``: its name, its arguments (up to the first ``>}}`` or
    ``%}}``, the spaces before it left out), where they start, where the shortcode ends; as the pattern
    ``\{\{[<%]\s*(ref|relref)\s+(.*?)\s*[>%]\}\}`` (dot matching all) matches, without its lazy loop."""
    opening = _REF.match(text, at)
    if opening is None:
        return None
    start = end = opening.end()
    while (end := text.find("}}", end + 1)) >= 0:  # (a closer's `>` or `%` is at or after ``start``)
        if text[end - 1] in ">%":
            return opening.group(1), text[start : end - 1].rstrip(), start, end + 2
    return None


def _target(arguments: str, start: int) -> tuple[str, int, str] | None:
    """A ``ref`` shortcode's path (its ``path=`` or first argument), where it starts, its ``lang=``."""
    simple = _QUOTED.fullmatch(arguments)  # the usual ``{{< ref "path" >}}``
    if simple is not None:
        return simple.group(1), start + 1, ""
    target: tuple[str, int] | None = None
    language = ""
    for position, argument in enumerate(_ARGUMENT.finditer(arguments)):
        name = argument.group(1)
        group = argument.lastindex or 0  # the value's group (2, 3 or 4): the last one that took part
        if (name.lower() == "path") if name else position == 0:
            target = (argument.group(group), start + argument.start(group))
        elif name and name.lower() == "lang":
            language = argument.group(group)
    return None if target is None else (*target, language)

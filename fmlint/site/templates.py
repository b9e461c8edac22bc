"""Hugo's templates: its layout folders, and its shortcode templates, read for what a page's IDs depend on.

A ``{{< name >}}`` shortcode writes HTML that fmlint does not see; when its
template writes headings with ``id`` attributes (a generated list of CLI tools
with one ``<h2 id="{{ $tool }}">`` each), or calls a partial that writes one whose
ID is all data (vector.dev's ``heading.html``), the IDs of the pages that call it
are not all known, and their fragments are not judged.  (The IDs of other
elements, such as tabs' ``<a id>`` and ``<div id>``, are generated names no
link targets.)  A template that renders the Markdown of another file
(istio.io's ``{{< boilerplate helm-prereqs >}}``: a bundle's resource
``helm-prereqs.md``, its ``.Content`` through ``markdownify``) writes that
file's headings: the file is the one its first argument names (by base name, in a
folder the template names when there are several), and when it is not found,
the page's IDs are not all known.

Hugo hands a paired ``{{< name >}}…{{< /name >}}`` shortcode its content
unrendered: it is Markdown only when the template renders it (``markdownify``,
``RenderString``).  A template that writes ``.Inner`` as it is makes Markdown's
links there text (HTML's are still links); one that escapes or highlights it
(istio.io's ``{{< text >}}``: ``<pre>{{ .Inner | htmlEscape }}</pre>``) makes
nothing there a link.  A template that hands ``.Inner`` on (to a partial, a
variable, the parent's scratch) is not judged: its content is taken as Markdown.
One that renders it with ``markdownify`` renders it outside the page: where
Hugo's embedded link render hook is used, a ``[x](#fragment)`` link there is
written as ``/#fragment``, a link to the home page (``.Page.RenderString``
keeps the page).

The template is the site's
``layouts/_shortcodes/NAME.html`` (``layouts/shortcodes/`` before Hugo 0.146),
or a theme's or module's (found as Hugo finds them: ``fmlint.site.hugo_modules``);
a language or output-format variant (``NAME.en.html``) counts too.  A template
fmlint cannot find (a module not downloaded) is taken to write none.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property

from fmlint.regex import lazy_pattern
from fmlint.site.files import file_text

# `<h2 id="{{ . }}">`, over lines too; `<h{{ $level }} id="{{ $id }}">` (vector.dev's ``heading.html`` partial)
_HEADING_ID_OPENING = r"<h(?:[1-6]\b|\{\{[^{}]*\}\})[^>]*\bid\s*="
_HEADING_ID = lazy_pattern(_HEADING_ID_OPENING, re.IGNORECASE)
# a heading whose ID is all data, `id="{{ $id }}"`: in a partial, the only IDs that count (a partial's literal
# `<h6 id="search-results">` or docsy's print pages' `id="pg-{{ .File.UniqueID }}"` are no heading's anchor)
_DATA_HEADING_ID = lazy_pattern(_HEADING_ID_OPENING + r"\s*[\"']?\{\{", re.IGNORECASE)
# a partial called by its literal name: `{{ partial "heading.html" (dict …) }}`, `partialCached "x" .`
_PARTIAL_CALL = lazy_pattern(r"""\bpartial(?:Cached)?\s+(?:"([^"]+)"|`([^`]+)`)""")
_RENDERS = lazy_pattern(r"\bmarkdownify\b|\bRenderString\b")
_COMMENT = lazy_pattern(r"\{\{-?\s*/\*.*?\*/\s*-?\}\}", re.DOTALL)  # `{{/* a comment */}}`
_HEADING_LINE = lazy_pattern(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_ANY_ID = lazy_pattern(r"\bid\s*=", re.IGNORECASE)
_SCRIPT = lazy_pattern(r"<script\b", re.IGNORECASE)
_OTHER_FILE = lazy_pattern(r"\.(?:Raw)?Content\b|\b(?:readFile|ReadFile)\b")
_FOLDER = lazy_pattern(r"""["`]/?([\w.-]+(?:/[\w.-]+)*)/?(?:/[^"`/\s]*%s[^"`\s]*)?["`]""")  # "/boilerplates", "x/%s.md"
_INNER = lazy_pattern(
    r"\{\{-?((?:(?!\}\}).)*?\.Inner(?:Deindent)?\b(?:(?!\}\}).)*?)-?\}\}", re.DOTALL
)  # an action on it
# an action that hands its value on (``$inner := .Inner``, ``dict``, the parent's scratch), or tests it
_HANDS_ON = lazy_pattern(r":?=|\b(?:dict|Scratch|Store|Parent|partial|template)\b|^\s*(?:if|with|range|block|define)\b")
_CALLS = lazy_pattern(r"\{\{-?\s*(?:partial|partialCached|template)\b")  # `{{ partial "x" . }}`: `.Inner` there
_GETS = lazy_pattern(r"\b(?:GetPage|GetMatch)\b")  # a page or a resource, whose ``.Content`` is rendered
_HIGHLIGHTS = lazy_pattern(r"\b(?:highlight|Highlight)\b")
_AS_TEXT = lazy_pattern(rf"\b(?:htmlEscape|HTMLEscape|plainify)\b|{_HIGHLIGHTS.pattern}")
_FOLDERS = ("_shortcodes", "shortcodes")


def shortcode_templates(layouts: Sequence[str], name: str) -> list[str]:
    """The template files of the shortcode ``name`` (``cli/tools-list``: in a subfolder) in the layout folders
    ``layouts`` (:func:`layout_folders`)."""
    return [path for base in _template_bases(layouts, name) for path in _variants(base)]


def _template_bases(layouts: Sequence[str], name: str) -> list[str]:
    """Where the templates of the shortcode ``name`` are, without their extensions: ``_shortcodes/`` and
    ``shortcodes/`` of each layout folder (none for a name that leaves them)."""
    if not _inside_layouts(name):
        return []
    return [os.path.join(top, folder, *name.split("/")) for top in layouts for folder in _FOLDERS]


def _inside_layouts(name: str) -> bool:
    """Whether a template's ``name`` (from a page or a template) names a file below a layouts folder."""
    return bool(name) and not name.startswith(("/", ".")) and ".." not in name.split("/")


def _variants(base: str) -> list[str]:
    """The template files of ``base`` (``single``: ``single.html``, ``single.en.html``, ``single.json.html``)."""
    return sorted(glob.glob(glob.escape(base) + ".*html"))


def page_templates(layouts: Sequence[str], kind: str, page_type: str, layout: str) -> list[str]:
    """The layout templates in the layout folders ``layouts`` that may write a page of ``kind`` ("page", "section",
    "home") and ``page_type`` (its ``type``, else its top-level section), with its front matter's ``layout``:
    those of its type (``adopters/list.html``, ``projects/all.html``), or the home page's own (``index.html``,
    ``home.html``) — not the ``_default/`` ones every page shares."""
    if (page_type and not _inside_layouts(page_type)) or (layout and not _inside_layouts(layout)) or "/" in layout:
        return []
    # (``all``: Hugo 0.146's name for a type's layout of every kind, linkerd.io's ``docs/all.html``)
    by_kind = {"page": ["single", "page"], "section": ["list", "section"], "home": ["list", "home", "index"]}
    names = [*by_kind.get(kind, []), "all"]
    folders = [page_type] if page_type else []
    found = []
    for top in layouts:
        candidates = [os.path.join(top, *folder.split("/"), name) for folder in folders for name in names]
        if layout:
            candidates += [os.path.join(top, *folder.split("/"), layout) for folder in [*folders, "_default"]]
        if kind == "home":
            candidates += [os.path.join(top, "index"), os.path.join(top, "home")]
        for base in candidates:
            found += _variants(base)
    return found


def partial_template(layouts: Sequence[str], name: str) -> str | None:
    """The template file of the partial ``name`` (``redirects/pages.txt``; ``x`` is ``x.html`` too) in the layout
    folders ``layouts``, the first that has it."""
    if not _inside_layouts(name):
        return None
    for top in layouts:
        for folder in ("_partials", "partials"):
            for candidate in (name, name + ".html"):
                path = os.path.join(top, folder, *candidate.split("/"))
                if os.path.isfile(path):
                    return path
    return None


def layout_folders(root: str, components: Sequence[str]) -> tuple[str, ...]:
    """The layout folders of the Hugo site at ``root``: its own, then its themes' and modules' (``components``:
    their folders, ``fmlint.site.hugo_modules``)."""
    return tuple(os.path.join(folder, "layouts") for folder in (root, *components))


# what a link render hook does that may make a destination other than as written: finds a page or a resource,
# rewrites the text (`.md` dropped), or joins it to the site's URL
_REWRITES = lazy_pattern(
    r"GetPage|\b[Rr]el[Rr]ef\b|\b[Rr]ef\b|Resources|[Rr]eplace|Trim|\.md\b|[Rr]el[Uu][Rr][Ll]|[Aa]bs[Uu][Rr][Ll]|Join"
)


# the Relearn theme's link partial (``shortcodes/link.html``, which every release, 5.x to 9.x, names its documentation
# in): it writes the URL of the page ``GetPage`` finds from the page (then, from 7.4, from the site's root), else of a
# page or global resource, else the destination as written, as Hugo's embedded hook does; its ``Trim``s and
# ``replace``s only ready the path for those lookups (a build with Relearn 9.0.3: 54 false SITE003 on a site whose
# links name `_index.md` files from the content root)
_RELEARN = "mcshelby.github.io/hugo-theme-relearn"


def render_hooks(layouts: Sequence[str], kind: str = "link", every_type: bool = True) -> list[str]:
    """The render hooks of ``kind`` (``link``, ``image``) in the layout folders ``layouts``: every page's
    (``_markup/``, ``_default/_markup/``) and, with ``every_type``, those of a page type (``docs/_markup/``)."""
    folders = ("_markup", "_default/_markup", *(("*/_markup", "*/_default/_markup") if every_type else ()))
    return [
        path
        for top in layouts
        for folder in folders
        for path in glob.glob(os.path.join(glob.escape(top), *folder.split("/"), f"render-{kind}*.html"))
    ]


def links_rewritten(layouts: Sequence[str]) -> bool:
    """Whether a link render hook in the layout folders ``layouts`` (of any page type) may write a destination
    other than as written (jaegertracing.io's writes ``.Destination`` as it is; fluxcd.io's finds the page with
    ``.Page.GetPage``)."""
    return any(_REWRITES.search(text) for text in _hook_texts(layouts))


def pages_found_only(layouts: Sequence[str]) -> bool:
    """Whether each link render hook in the layout folders ``layouts`` writes a destination as written, or as the
    page ``.GetPage`` finds for it (fluxcd.io's, keda.sh's, goharbor.io's; the Relearn theme's): no other
    rewriting (hugo-docs' reads `[x](g)` as a glossary link, with ``TrimPrefix`` and ``Resources``)."""
    for texts in _hook_chains(layouts):
        if any(_RELEARN in text for text in texts):
            continue
        if any(found.group(0) != "GetPage" for text in texts for found in _REWRITES.finditer(text)):
            return False
    return True


def hooks_look_up_names(layouts: Sequence[str]) -> bool:
    """Whether each link render hook in the layout folders ``layouts`` is Relearn's from 7.4 on, which looks a path
    its page does not find up as ``site.GetPage`` does (its ``$searchGlobal``), where a bare name finds the page of
    that unique base name, after dropping a leading `./` (a build with Relearn 9.0.3)."""
    chains = list(_hook_chains(layouts))
    return bool(chains) and all(
        any(_RELEARN in text for text in texts) and any("$searchGlobal" in text for text in texts) for texts in chains
    )


def _hook_texts(layouts: Sequence[str]) -> Iterator[str]:
    """The text of each link render hook in the layout folders ``layouts``, and of the partials it calls."""
    for texts in _hook_chains(layouts):
        yield from texts


def _hook_chains(layouts: Sequence[str]) -> Iterator[list[str]]:
    """Each link render hook's text in the layout folders ``layouts``, with those of the partials it calls (the
    Relearn theme's hook hands the link to its ``shortcodes/link.html`` partial, which finds the page)."""
    for path in render_hooks(layouts):
        yield [file_text(path), *map(file_text, _partials(path))]


def layout_files(layouts: Sequence[str], suffix: str = "") -> Iterator[str]:
    """Every file of the layout folders ``layouts`` whose name ends with ``suffix``, each folder's in order."""
    for top in layouts:
        for folder, _, files in os.walk(top):
            yield from (os.path.join(folder, name) for name in sorted(files) if name.endswith(suffix))


def writes_ids(path: str) -> bool:
    """Whether the template at ``path`` writes a heading with an ``id`` attribute, or the partials it calls write
    one whose ID is data (vector.dev's layouts and shortcodes write each heading with ``partial "heading.html"``)."""
    return _HEADING_ID.search(file_text(path)) is not None or any(
        _DATA_HEADING_ID.search(file_text(partial)) is not None for partial in _partials(path)
    )


def _partials(path: str) -> Iterator[str]:
    """The partials the template at ``path`` calls by name, and theirs, each once: those of the layout folder that
    holds it (a partial of the site's own folder that overrides a theme's is not looked for)."""
    cut = path.rfind(f"{os.sep}layouts{os.sep}")
    if cut < 0:
        return
    top = path[: cut + len(os.sep) + len("layouts")]
    seen, waiting = {path}, [path]
    while waiting:
        for call in _PARTIAL_CALL.finditer(file_text(waiting.pop())):
            found = partial_template((top,), call.group(1) or call.group(2))
            if found is not None and found not in seen:
                seen.add(found)
                waiting.append(found)
                yield found


def writes_no_markdown(path: str) -> bool:
    """Whether the template at ``path`` writes no Markdown heading nor ``id``: its text, comments aside, has no
    action (whose output could be any Markdown), no heading line, no ``id=`` (kubeflow's ``kfp-v2-keywords``,
    a ``<meta>`` tag)."""
    text = _COMMENT.sub("", file_text(path))
    return "{{" not in text and _HEADING_LINE.search(text) is None and _ANY_ID.search(text) is None


def renders_other_markdown(path: str) -> bool:
    """Whether the template at ``path`` renders the Markdown of another file, not as code (dapr's
    ``code-snippet``: a file fenced with ````` ``` ````` or highlighted: no headings): its text through
    ``markdownify`` (``.Content``, ``readFile``), or the ``.Content`` of a page or resource it gets (Kubernetes'
    ``include``, which nginx's and spinnaker.io's docs copied: a resource of the ``includes`` bundle)."""
    text = file_text(path)
    return (
        (_RENDERS.search(text) is not None or _GETS.search(text) is not None)
        and _OTHER_FILE.search(text) is not None
        and "```" not in text
        and _HIGHLIGHTS.search(text) is None
    )


def layout_renders_markdown(path: str) -> bool:
    """Whether the layout template at ``path`` writes the Markdown of another file into the page, in one action:
    ``readFile "content/manual/what.md" | markdownify`` (coredns.io's manual: every page of it shows all its
    files), ``(.Site.GetPage "/x").Content``.  A page's own ``.Content`` and its ``markdownify``'d description
    are not: a layout's test is narrower than a shortcode's (``renders_other_markdown``)."""
    return _OTHER_MARKDOWN.search(file_text(path)) is not None


_OTHER_MARKDOWN = lazy_pattern(
    r"\{\{[^}]*?\b(?:readFile\b[^}]*\b(?:markdownify|RenderString)\b|(?:GetPage|GetMatch)\b[^}]*\)\s*\.Content\b)"
)


def named_folders(path: str) -> frozenset[str]:
    """The folder names in the string literals of the template at ``path`` (``"/boilerplates"``,
    ``"snippets/%s.md"``): where the file it renders may be."""
    return frozenset(
        name
        for found in _FOLDER.finditer(file_text(path))
        for name in found.group(1).split("/")
        if name and "." not in name
    )


def content_markdownified(path: str) -> bool:
    """Whether the template at ``path`` renders its content (``.Inner``) with ``markdownify``, which renders
    it outside the page: Hugo's embedded link render hook writes a ``#fragment`` link there as the home page's."""
    return any("markdownify" in found.group(1) for found in _INNER.finditer(file_text(path)))


def loads_redoc(path: str) -> bool:
    """Whether the template at ``path`` writes Redoc's element or loads its script: in the browser, Redoc writes
    an OpenAPI reference whose IDs are its own (``#tag/Templates``, ``#operation/copyTemplate``: nginx's docs)."""
    return _REDOC.search(file_text(path)) is not None


_REDOC = lazy_pattern(r"<redoc\b|\bRedoc\.init\b|\bredoc\.standalone\b", re.IGNORECASE)


def content_unrendered(path: str) -> bool:
    """Whether the template at ``path`` writes its content (``.Inner``) without rendering it as Markdown."""
    return _inner_actions(file_text(path)) is not None


def content_as_text(path: str) -> bool:
    """Whether the template at ``path`` writes its content escaped or highlighted: as text, no HTML."""
    actions = _inner_actions(file_text(path))
    return actions is not None and all(_AS_TEXT.search(action) is not None for action in actions)


def _inner_actions(text: str) -> list[str] | None:
    """The actions of a template that write its content, when that is all it does with it (None when it renders
    it as Markdown, hands it on, or has none)."""
    if _RENDERS.search(text) is not None or _CALLS.search(text) is not None:
        return None
    actions = [found.group(1) for found in _INNER.finditer(text)]
    if not actions or any(_HANDS_ON.search(action) is not None for action in actions):
        return None
    return actions


# a layout's branch on a page parameter's value: `if eq $.Params.Product "crds"`, `else if eq "x" .Page.Params.kind`
_ON_PARAM = r"\(?\$?(?:\.Page)?\.?Params\.(\w+)\)?"
_PARAM_EQUALS = lazy_pattern(rf'(?:else\s+)?if\s+eq\s+(?:{_ON_PARAM}\s+"([^"]*)"|"([^"]*)"\s+{_ON_PARAM})$')
# an action, its text up to `}}` outside strings
_ACTION = lazy_pattern(r"""\{\{-?\s*((?:[^}"`]|"(?:[^"\\]|\\.)*"|`[^`]*`|\}(?!\}))*?)\s*-?\}\}""", re.DOTALL)
_BLOCKS = frozenset(("if", "with", "range", "block", "define"))  # the actions an `end` closes


def content_switches(path: str) -> list[tuple[str, str]]:
    """The page parameters (lowercased) and values on which the template at ``path`` writes something else than
    the page's content: branches ``if eq .Params.KEY "VALUE"`` (``else if`` too) without ``.Content`` where
    another branch of the same ``if`` writes it (crossplane.io's ``single-list`` partial writes its
    generated API reference, with its own IDs, for a page whose ``product`` is ``crds``)."""
    found: list[tuple[str, str]] = []
    blocks: list[list[tuple[tuple[str, str] | None, list[bool]]]] = []  # each open block: its branches
    for action in _ACTION.finditer(_COMMENT.sub("", file_text(path))):
        words = action.group(1).strip()
        head = words.split(None, 1)[0] if words else ""
        if ".Content" in words:  # (`with .Content` too: in the branch it opens in)
            for branches in blocks:
                branches[-1][1][0] = True
        if head in _BLOCKS:
            blocks.append([(_on_param(words) if head == "if" else None, [False])])
        elif head == "else" and blocks:
            blocks[-1].append((_on_param(words), [False]))
        elif head == "end" and blocks:
            branches = blocks.pop()
            if any(shown for _, [shown] in branches):
                found += [on for on, [shown] in branches if on is not None and not shown]
    return found


def switches_as(question: str) -> bool:
    """Whether ``question`` (a template's path, then what :func:`content_switches` found in it, as
    :func:`switches_written` writes them) still holds: how that answer is recorded, so that a change of the
    template's branches is seen."""
    path = question.partition("\0")[0]
    return switches_written(path, content_switches(path)) == question


def switches_written(path: str, switches: list[tuple[str, str]]) -> str:
    """The question :func:`switches_as` asks of the template at ``path`` with these ``switches``."""
    return "\0".join([path, *(f"{key}={value}" for key, value in switches)])


def _on_param(condition: str) -> tuple[str, str] | None:
    """The parameter (lowercased) and value of an ``if eq .Params.KEY "VALUE"`` condition."""
    found = _PARAM_EQUALS.match(condition)
    if found is None:
        return None
    return (found.group(1) or found.group(4)).lower(), found.group(2) if found.group(1) else found.group(3)


def gives_ids(path: str) -> bool:
    """Whether the file at ``path`` (HTML a Jekyll page includes) gives an element an ``id``."""
    return _ANY_ID.search(file_text(path)) is not None


def liquid_layout_writes_ids(path: str) -> bool:
    """Whether the Jekyll layout at ``path`` (``_layouts/x.html``), the includes it names (from ``_includes/``,
    theirs too) or the layout it is written in (its front matter's ``layout``) give an element an ``id`` made of
    data, ``id="component-variants-{{ key }}"`` (uswds' component pages: their headings are written so)."""
    return any(_LIQUID_DATA_ID.search(text) is not None for text in _layout_texts(path))


def layout_id_question(path: str, folder: str, fragment: str) -> str:
    """The question :func:`liquid_layout_gives_id` asks of the Jekyll layout at ``path`` for a page in ``folder``."""
    return "\0".join((path, folder, fragment))


def liquid_layout_gives_id(question: str) -> bool:
    """Whether the Jekyll layout of ``question`` (:func:`layout_id_question`), as :func:`liquid_layout_writes_ids`
    reads it, with the files its ``include_relative`` tags name from the page's folder (Jekyll's: react-admin's
    layout includes the ``navigation.html`` beside its pages), gives an element the ID as written:
    artsy.github.io's posts' layout includes ``<section id="comments" />``, which their ``[comments](#comments)``
    links name; react-admin's navigation holds ``<a name="beginner-mode">``."""
    path, folder, wanted = question.split("\0")
    return any(wanted in _static_ids(text) for text in _layout_texts(path, folder))


def hugo_layout_gives_id(question: str) -> bool:
    """Whether the Hugo layout template of ``question`` (its path, ``#``, an ID) or a partial it calls gives an
    element that ID as written (an ``id``, an ``<a name>``): digital.gov's ``guides/single.html`` calls a partial writing
    ``<div class="dg-guide__content-header" id="content-start">``, which its guides' ``#content-start`` links name."""
    path, _, wanted = question.rpartition("#")
    return any(wanted in _static_ids(file_text(each)) for each in (path, *_partials(path)))


def _static_ids(text: str) -> list[str]:
    """The IDs a template's text gives elements as written: ``id`` attributes, and the ``name`` of ``<a>`` tags (a
    fragment's target too, in HTML)."""
    return [*_STATIC_ID.findall(text), *_ANCHOR_NAME.findall(text)]


def _layout_texts(path: str, folder: str = "") -> Iterator[str]:
    """The text of the Jekyll layout at ``path``, of the includes it names and of the layouts it is written in;
    with the page's ``folder``, of the files their ``include_relative`` tags name from it."""
    root = os.path.dirname(os.path.dirname(path))
    seen: set[str] = set()
    waiting = [path]
    while waiting and len(seen) < 32:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        text = file_text(current)
        yield text
        waiting += [os.path.join(root, "_includes", *name.split("/")) for name in _INCLUDED.findall(text)]
        if folder:
            waiting += [os.path.join(folder, *name.split("/")) for name in _INCLUDED_RELATIVE.findall(text)]
        if current.startswith(os.path.join(root, "_layouts", "")) and (parent := _LAYOUT.match(text)):
            waiting.append(os.path.join(root, "_layouts", parent.group(1) + ".html"))


_STATIC_ID = lazy_pattern(r"""\bid\s*=\s*["']([^"'{}<>\s]+)["']""")
_ANCHOR_NAME = lazy_pattern(r"""<a\s[^<>]*?\bname\s*=\s*["']([^"'{}<>\s]+)["']""", re.IGNORECASE)
# (not `id="{{ page.title | slugify }}"`, one ID of the page's own title, which uswds' layouts give each page)
_LIQUID_DATA_ID = lazy_pattern(r"""\bid\s*=\s*["'][^"'<>]*\{\{(?!-?\s*page\.title\b)""")
# (`include_cached`: jekyll-include-cache's, from `_includes/`; not `include_relative`, from the page's folder)
_INCLUDED = lazy_pattern(r"\{%-?\s*include(?:_cached)?\s+([\w./-]+)")
_INCLUDED_RELATIVE = lazy_pattern(r"\{%-?\s*include_relative\s+([\w./-]+)")
_LAYOUT = lazy_pattern(r"---\s*\n(?:(?!---).*\n)*?layout:\s*[\"']?([\w./-]+)")  # the front matter's `layout:`


def component_gives_ids(path: str) -> bool:
    """Whether the JavaScript component at ``path`` gives an element an ``id`` attribute (``id={id}``,
    ``id="x"``; not a comparison, ``doc.id === next``)."""
    return _JSX_ID.search(file_text(path)) is not None


_JSX_ID = lazy_pattern(r"""(?<![\w.$])id\s*=\s*[{"'`]""")


def runs_script(path: str) -> bool:
    """Whether the content file at ``path`` runs a script of its own (a ``<script>`` element)."""
    return _SCRIPT.search(file_text(path)) is not None


def shortcode_named(base: str) -> bool:
    """Whether the folder of ``base`` (``layouts/_shortcodes/cli/tools``) holds a template of the shortcode named by
    its last part, in any case and variant (``Tools.en.html``, ``tools.json``): Hugo looks shortcodes up by their
    lowercased name.  For a ``_shortcodes`` folder, one in any folder of the layouts counts too
    (``layouts/docs/_shortcodes/``: Hugo 0.146's templates of the pages of a type or section, found by name)."""
    return _named_in(base) or any(_type_folders(base))


def shortcode_applies(key: str) -> bool:
    """Whether a template of the shortcode ``base`` (``layouts/_shortcodes/note``) serves a page, ``key`` being
    ``base#path``, the page's path as Hugo looks its templates up (:func:`lookup_path`): one in ``base``'s own
    folder (any case and variant), or in the ``_shortcodes`` folder of a folder of the layouts that holds that
    path (Hugo 0.146: ``layouts/docs/_shortcodes/`` serves ``docs/a.md``, ``docs/b/c.md`` and ``x/a.md`` of
    ``type: docs``; not ``blog/a.md``, ``docs/a.md`` of ``type: blog`` nor the home page)."""
    base, path = key.rsplit("#", 1)
    return _named_in(base) or any(path == within or path.startswith(within + "/") for within in _type_folders(base))


def _type_folders(base: str) -> Iterator[str]:
    """The folders of the layouts (``docs``, ``blog/deep``) whose ``_shortcodes`` folder holds a template of the
    shortcode ``base`` (``layouts/_shortcodes/note``) names: Hugo 0.146's templates of a type's pages."""
    top, marker, name = base.rpartition(os.sep + _FOLDERS[0] + os.sep)
    if not marker:
        return
    for here, subfolders, _ in os.walk(top):
        if here != top and _FOLDERS[0] in subfolders and _named_in(os.path.join(here, _FOLDERS[0], name)):
            yield os.path.relpath(here, top).replace(os.sep, "/")


def lookup_path(folder: str, page_type: str) -> str:
    """The path Hugo looks a page's templates up by: its content-relative ``folder`` with the first folder its
    ``type`` (checked with Hugo 0.168: ``other/deep/a.md`` of ``type: blog`` is served by
    ``layouts/blog/deep/_shortcodes/``)."""
    first, _, rest = folder.partition("/")
    return "/".join(filter(None, (page_type or first, rest)))


def theme_shortcode(base: str) -> bool:
    """Whether a theme in the folder of ``base`` (a site's ``themes/``) has a template of the shortcode its last part
    names, whether or not the configuration names the theme (a build may: ``hugo --theme x``)."""
    folder, name = os.path.split(base)
    try:
        themes = os.listdir(folder)
    except OSError:
        return False
    return any(_named_in(os.path.join(folder, theme, "layouts", kind, name)) for theme in themes for kind in _FOLDERS)


def _named_in(base: str) -> bool:
    """Whether the folder of ``base`` holds a template named by its last part (any case, any variant)."""
    folder, name = os.path.split(base)
    try:
        entries = os.listdir(folder)
    except OSError:
        return False
    name = name.lower()
    return any(
        "." in entry and entry.split(".", 1)[0].lower() == name and os.path.isfile(os.path.join(folder, entry))
        for entry in entries
    )


def uses_inner(path: str) -> bool:
    """Whether the shortcode template at ``path`` evaluates ``.Inner`` or ``.InnerDeindent`` (Hugo's ``IsInner``:
    then a tag of it must be closed, else it must not be)."""
    return inner_in(file_text(path))


def inner_in(text: str) -> bool:
    """Whether a shortcode template's ``text`` evaluates ``.Inner`` or ``.InnerDeindent`` (:func:`uses_inner`)."""
    return _INNER.search(_COMMENT.sub("", text)) is not None


Probe = Callable[[Callable[[str], bool], str], bool]  # a function of a file's path, its answer recorded
# the questions :class:`Shortcodes` asks of a template file, and the site's checks of a file a Jekyll page includes
# or of a page's own file (kept findings are replayed by their names)
QUESTIONS = (
    writes_ids,
    gives_ids,
    liquid_layout_writes_ids,
    liquid_layout_gives_id,
    hugo_layout_gives_id,
    component_gives_ids,
    runs_script,
    loads_redoc,
    switches_as,
    renders_other_markdown,
    layout_renders_markdown,
    content_unrendered,
    content_as_text,
    content_markdownified,
    writes_no_markdown,
    shortcode_named,
    shortcode_applies,
    theme_shortcode,
    uses_inner,
)


class Shortcodes:
    """What the templates of a Hugo site's shortcodes (and its pages' layouts) do, asked by shortcode name: each
    template is read once a question, through ``probe`` (the site index's, which records the answers: the
    findings depend on them)."""

    def __init__(self, layouts: Sequence[str], probe: Probe) -> None:
        self.layouts, self._probe = layouts, probe
        self._answers: dict[tuple[str, Callable[[str], bool]], list[bool]] = {}
        self._folders: dict[str, frozenset[str] | None] = {}
        self._layouts: dict[tuple[str, str, str], bool] = {}
        self._templates: dict[tuple[str, str, str], list[str]] = {}

    def layout_writes_ids(self, kind: str, page_type: str, layout: str) -> bool:
        """Whether a layout template of a page of ``kind``, ``page_type`` and ``layout`` (:func:`page_templates`)
        writes headings with ``id``s (flux's ``adopters/list.html``: one ``<h2 id={{ … | urlize }}>`` a project),
        or another file's Markdown (``layout_renders_markdown``)."""
        key = (kind, page_type, layout)
        if key not in self._layouts:
            self._layouts[key] = any(
                [
                    self._probe(question, path)
                    for path in self._page_templates(key)
                    for question in (writes_ids, layout_renders_markdown)
                ]
            )
        return self._layouts[key]

    def layout_gives_id(self, kind: str, page_type: str, layout: str, wanted: str) -> bool:
        """Whether a layout template of a page of ``kind``, ``page_type`` and ``layout`` (:func:`page_templates`)
        gives an element the ID ``wanted`` as written (:func:`hugo_layout_gives_id`)."""
        templates = self._page_templates((kind, page_type, layout))
        return any(self._probe(hugo_layout_gives_id, f"{path}#{wanted}") for path in templates)

    def _page_templates(self, key: tuple[str, str, str]) -> list[str]:
        """:func:`page_templates` of (kind, type, layout), looked for once."""
        if key not in self._templates:
            self._templates[key] = page_templates(self.layouts, *key)
        return self._templates[key]

    @cached_property
    def layout_switches(self) -> dict[str, frozenset[str]]:
        """The page parameters (lowercased) and their values for which a layout template writes something else
        than the page's content (:func:`content_switches`), asked of every template of the layout folders."""
        found: dict[str, set[str]] = {}
        for path in layout_files(self.layouts, ".html"):
            switches = content_switches(path)
            self._probe(switches_as, switches_written(path, switches))  # (its answer: true)
            for key, value in switches:
                found.setdefault(key, set()).add(value)
        return {key: frozenset(values) for key, values in found.items()}

    @cached_property
    def loads_redoc(self) -> bool:
        """Whether a template of the layout folders loads Redoc (:func:`loads_redoc`), each asked until one does."""
        return any(self._probe(loads_redoc, path) for path in layout_files(self.layouts, ".html"))

    def writes_ids(self, name: str) -> bool:
        """Whether a template of the shortcode writes headings with ``id``s (:func:`writes_ids`)."""
        return any(self._each(name, writes_ids))

    def writes_no_markdown(self, name: str) -> bool:
        """Whether the shortcode has templates and none writes Markdown (:func:`writes_no_markdown`)."""
        return self._all(name, writes_no_markdown)

    def shows_as_text(self, name: str, html: bool) -> bool:
        """Whether a link in the shortcode's content is text: its templates write the content unrendered (a
        Markdown link) or, for an HTML link (``html``), escaped."""
        return self._all(name, content_as_text if html else content_unrendered)

    def renders_content(self, name: str) -> bool:
        """Whether the Markdown of the shortcode's content is rendered (a heading there is written as one)."""
        return not self._all(name, content_unrendered)

    def markdownifies(self, name: str) -> bool:
        """Whether the shortcode's templates render its content with ``markdownify``, outside the page."""
        return self._all(name, content_markdownified)

    def renders_files(self, name: str) -> frozenset[str] | None:
        """The folders the shortcode's templates name (:func:`named_folders`) when one renders another file's
        Markdown, else ``None``.  (The folders are not probed: they only choose among namesakes.)"""
        if name not in self._folders:
            templates = [
                path for path in shortcode_templates(self.layouts, name) if self._probe(renders_other_markdown, path)
            ]
            self._folders[name] = frozenset().union(*map(named_folders, templates)) if templates else None
        return self._folders[name]

    def template_found(self, name: str) -> bool:
        """Whether the shortcode has a template in the site's layout folders (``_shortcodes/`` or ``shortcodes/``,
        any variant, any case; not Hugo's embedded ones)."""
        return any(self._probe(shortcode_named, base) for base in _template_bases(self.layouts, name))

    def template_applies(self, name: str, path: str) -> bool:
        """Whether a template of the shortcode serves a page of the lookup ``path`` (:func:`lookup_path`;
        :func:`shortcode_applies`: one of a type's or section's folder serves its pages alone)."""
        return any(self._probe(shortcode_applies, f"{base}#{path}") for base in _template_bases(self.layouts, name))

    def inner(self, name: str) -> bool | None:
        """Whether the shortcode's templates evaluate ``.Inner`` (:func:`uses_inner`): ``None`` when they do not
        agree (Hugo asks one of them) or none is an HTML template."""
        answers = set(self._each(name, uses_inner))
        return answers.pop() if len(answers) == 1 else None

    def _all(self, name: str, question: Callable[[str], bool]) -> bool:
        """Whether the shortcode has templates, and ``question`` holds for each."""
        answers = self._each(name, question)
        return bool(answers) and all(answers)

    def _each(self, name: str, question: Callable[[str], bool]) -> list[bool]:
        """Each of the shortcode's templates' answer to ``question`` (asked once)."""
        key = (name, question)
        if key not in self._answers:
            self._answers[key] = [self._probe(question, path) for path in shortcode_templates(self.layouts, name)]
        return self._answers[key]

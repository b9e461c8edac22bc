"""Hugo's configuration as the site rules read it.

Of Hugo's configuration (``hugo.toml|yaml|json`` or ``config.*`` at the root, then ``config/_default/``) the
rules read: ``contentDir`` and module mounts of ``content`` (their target folder, ``files`` glob slice, and
languages: ``sites.matrix`` or the older ``lang``), the ``cascade`` path globs that render nothing,
``languages`` (and each one's ``contentDir``), ``defaultContentLanguage``(``InSubdir``), ``[permalinks]``,
``disablePathToLower``, ``removePathAccents``, ``uglyURLs``, ``taxonomies`` (and ``disableKinds``),
``ignoreFiles``, ``buildFuture``, ``buildExpired``, ``(security.)enableInlineShortcodes``,
``markup.goldmark.parser.autoHeadingIDType`` and ``autoDefinitionTermID``.  Keys are matched case-insensitively,
as Hugo does.  A configuration that cannot be read gives Hugo's defaults."""

from __future__ import annotations

import glob
import hashlib
import html
import os
import re
from typing import Any
from urllib.parse import urlsplit

from fmlint.site.anchors import WRITTEN_DASHES
from fmlint.site.config.loading import merged_options, read_options, strings
from fmlint.site.config.markers import hugo_config_name
from fmlint.site.config.model import DEFAULT_TAXONOMIES, ContentDir, SiteConfig
from fmlint.site.config.served import netlify_redirects, own_hosts_of, pages_user_site
from fmlint.site.globs import glob_slice_matches
from fmlint.site.hugo_modules import components, mounting_imports
from fmlint.site.hugo_version import EMBEDDED_HOOKS, HTML_CONTENT_DENIED, every_pin, pinned_version
from fmlint.site.known_themes import without_hooks
from fmlint.site.params import LANGUAGE_PARAMS, cascade_params, site_params
from fmlint.site.permalinks import PermalinkRule, permalink_rules
from fmlint.site.rendering import cascades
from fmlint.site.tables import subtable
from fmlint.site.templates import (
    hooks_look_up_names,
    layout_folders,
    links_rewritten,
    pages_found_only,
    render_hooks,
    shortcode_templates,
)


def _hugo_options(root: str, name: str | None) -> tuple[dict[str, Any], bytes]:
    """The merged options as Hugo's build reads them: ``config/<environment>/`` (``production``, unless
    ``HUGO_ENVIRONMENT`` names another) over ``config/_default/`` over the root file, each folder read
    recursively as Hugo does (a ``<key>.toml`` file is the ``key`` table, its root key unwrapped when it is the
    file's only one; ``languages.<lang>.toml`` a language's), tables merged key by key (falco.org:
    ``module/module.yaml``'s mounts beside ``hugo.toml``'s ``[module]`` imports).  Checked with Hugo 0.168: a
    ``baseURL`` in ``config/_default/`` wins over the root file's (3-yuma-3's `knowledge`, whose root
    ``config.toml`` is the starter's), one in ``config/production/`` over both."""
    environment = os.environ.get("HUGO_ENVIRONMENT") or "production"
    options: dict[str, Any] = {}
    seen = b""
    for folder in (os.path.join(root, "config", environment), os.path.join(root, "config", "_default")):
        for path in _config_files(folder):
            loaded, data = read_options(path)
            seen += data
            key, _, language = os.path.splitext(os.path.basename(path))[0].lower().partition(".")
            if list(loaded) == [key] and isinstance(loaded[key], dict):
                loaded = loaded[key]  # (`[params]` in `params.toml`: its root key written out)
            if key in ("hugo", "config"):
                options = merged_options(options, loaded)
            elif key == "languages" and language:  # `languages.fr.toml`: the `[languages.fr]` table
                options = merged_options(options, {"languages": {language: loaded}})
            elif not language:
                options = merged_options(options, {key: loaded})
            elif key == "params":  # (`params.fr.toml`: the language's, if it is one; `menus.fr.toml` not read)
                options = merged_options(options, {LANGUAGE_PARAMS: {language: loaded}})
    if name is not None:
        loaded, data = read_options(os.path.join(root, name))
        options, seen = merged_options(options, loaded), data + seen
    return options, seen


def _config_written(root: str) -> bool:
    """Whether a configuration file Hugo reads is written by a build step: a ``.gitignore`` of the configuration
    folders names one (opentelemetry.io's ``config/_default/.gitignore`` ignores the ``module.yaml`` its build
    renders from a template: the mounts of its translations' fallback pages)."""
    for folder in ("_default", os.environ.get("HUGO_ENVIRONMENT") or "production"):
        try:
            with open(os.path.join(root, "config", folder, ".gitignore"), encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        if any(line.strip().endswith((".toml", ".yaml", ".yml", ".json")) for line in lines):
            return True
    return False


def _config_files(folder: str) -> list[str]:
    """The configuration files in ``folder`` and its subfolders, in path order."""
    found = []
    for here, folders, files in os.walk(folder):
        folders.sort()
        found += [os.path.join(here, f) for f in sorted(files) if f.endswith((".toml", ".yaml", ".yml", ".json"))]
    return found


def _embedded_hook(kind: str, layouts: tuple[str, ...], options: dict[str, Any], languages: dict[str, Any]) -> bool:
    """Whether Hugo renders Markdown links (``kind`` ``link``) or images (``image``) with its embedded render
    hook (``markup.goldmark.renderHooks.<kind>.useEmbedded``: ``auto`` for a site on one host whose project has
    no such hook of its own, that configures its languages — one is enough: Hugo 0.168 uses the link hook for
    keda.sh's lone ``[languages.en]``, checked with a build — and does not duplicate shared page resources
    (``markup.goldmark.duplicateResourceFiles``); ``fallback`` without a hook of its own; ``always``).  Hugo
    has both from 0.123 (a site pinning an older one: ``hugo_version``)."""
    use = str(subtable(options, "markup", "goldmark", "renderhooks", kind).get("useembedded", "auto")).lower()
    if use in ("always", "never"):
        return use == "always"
    if render_hooks(layouts, kind, every_type=False):  # (the project's own)
        return False
    if use == "fallback":
        return True
    single_host = not any(isinstance(table, dict) and table.get("baseurl") for table in languages.values())
    duplicated = subtable(options, "markup", "goldmark").get("duplicateresourcefiles") is True
    return bool(languages) and single_host and not duplicated


def _root_links(options: dict[str, Any]) -> str:
    """What Hugo's output makes of root-relative links: ``canonify`` (``canonifyURLs``), ``relative``
    (``relativeURLs``) or ``""`` (left as written)."""
    if options.get("canonifyurls") is True:
        return "canonify"
    return "relative" if options.get("relativeurls") is True else ""


def _links_as_written(layouts: tuple[str, ...], missing: tuple[str, ...], embedded: bool) -> bool:
    """Whether Hugo writes each Markdown link's destination as it is written, for the browser to resolve from the
    page's URL (a relative ``x.md`` is then no page): Hugo's embedded render hook is not used, and no link render
    hook of the site's or its themes' rewrites destinations (``fmlint.site.templates.links_rewritten``).  Not
    known while a theme or module is missing (unless it is known to have no link hook: ``_hooks_read``), or
    where no layout folder is there (a checkout of the content alone, as the hugo-docs corpus): their hooks are
    not there to read."""
    return _hooks_read(layouts, missing) and not embedded and not links_rewritten(layouts)


def _hooks_known(layouts: tuple[str, ...], missing: tuple[str, ...]) -> bool:
    """Whether each link render hook of the site's or its themes' writes a destination as it is, or as the page
    ``GetPage`` finds (``fmlint.site.templates.pages_found_only``), as Hugo's embedded hook does: known as for
    :func:`_links_as_written` (hugo-docs' hook, not in the corpus, reads `[x](g)` as a glossary link)."""
    return _hooks_read(layouts, missing) and pages_found_only(layouts)


_ALIAS_TEMPLATES = (("alias.html",), ("_default", "alias.html"))  # (where Hugo looks for one)


def _hooks_read(layouts: tuple[str, ...], missing: tuple[str, ...]) -> bool:
    """Whether every link render hook is there to read: a layout folder is, and each component missing (if any) is
    a known theme without link hooks (Docsy: ``known_themes.without_hooks``)."""
    return any(os.path.isdir(top) for top in layouts) and without_hooks(missing, "link")


def _layouts_read(layouts: tuple[str, ...], missing: tuple[str, ...]) -> bool:
    """Whether the site's layouts are there to read: a layout folder is, and no theme or module is missing."""
    return any(os.path.isdir(top) for top in layouts) and not missing


def _redirect_templates(layouts: tuple[str, ...], options: dict[str, Any]) -> list[str]:
    """The templates of the home page's output formats whose file is ``_redirects`` (keda.sh's ``REDIRECTS``:
    ``layouts/index.redirects`` writes the rules Netlify serves), in the site's layouts or a theme's; the home
    page's formats are ``outputs.home``'s, or a ``cascade``'s for ``kind: home``."""
    formats = subtable(options, "outputformats")
    home = {str(name).lower() for name in strings(subtable(options, "outputs").get("home"))}
    cascade = options.get("cascade")
    for table in cascade if isinstance(cascade, list) else [cascade]:  # (`target: {kind: home}`: opentelemetry.io)
        target = (table.get("target") or table.get("_target")) if isinstance(table, dict) else None
        if isinstance(table, dict) and isinstance(target, dict) and str(target.get("kind", "")).lower() == "home":
            home.update(str(name).lower() for name in strings(table.get("outputs")))
    names = [
        name
        for name, table in formats.items()
        if name in home and isinstance(table, dict) and table.get("basename") == "_redirects"
    ]
    found: list[str] = []
    for top in layouts:
        for name in names:
            for base in ("index", "home", os.path.join("_default", "index"), os.path.join("_default", "home")):
                stem = glob.escape(os.path.join(top, f"{base}.{name}"))
                found += [path for path in sorted({*glob.glob(stem), *glob.glob(stem + ".*")}) if os.path.isfile(path)]
    return found


def hugo_site(root: str, name: str | None) -> SiteConfig:
    options, data = _hugo_options(root, name)
    languages_table = subtable(options, "languages")
    default_language = str(options.get("defaultcontentlanguage", "en")).lower()
    languages = tuple(sorted(languages_table, key=lambda k: (_weight(languages_table[k]), k))) or (default_language,)
    if default_language not in languages:
        languages = (default_language, *languages)
    disabled = tuple(  # (vitess.io: `disableLanguages = ["zh"]`; never the default language, which Hugo refuses)
        language
        for language in map(str.lower, strings(options.get("disablelanguages")))
        if language != default_language
    )
    languages = tuple(language for language in languages if language not in disabled)
    content_dir = str(options.get("contentdir", "content"))
    mounts = subtable(options, "module").get("mounts", []) or []
    # content mounts replace the default ones (the content folder of each language), as Hugo's
    # `ApplyProjectConfigDefaults` does; a mount of the content folder itself brings its own filter
    dirs = [found for mount in mounts for found in _mounted(root, mount, languages)]
    if not dirs:
        for language in languages:
            table = languages_table.get(language)
            own = str(table.get("contentdir") or "") if isinstance(table, dict) else ""
            own_language = language if own and own != content_dir else None
            dirs.append(ContentDir(os.path.normpath(os.path.join(root, own or content_dir)), own_language))
    # (the content an import mounts comes after; one not found is a mount of what is not there, unseen, but at
    # the content's root: fluxcd.io's mount of docsy's `content`, which is not there, would hide every page)
    dirs += [
        found
        for mounts, folder, there in mounting_imports(root, options)
        for mount in mounts
        for found in _mounted(folder, mount, languages)
        if there or found.target
    ]
    dirs = [found for found in dirs if found.language not in disabled]
    read: dict[str, dict[str, Any]] = {}  # each component's configuration, by folder

    def component_options(folder: str) -> dict[str, Any]:
        if folder not in read:
            read[folder] = _hugo_options(folder, hugo_config_name(folder))[0]
        return read[folder]

    themes = components(root, options, component_options)
    layouts = layout_folders(root, themes.folders)
    static_dirs = (
        *_static_mounts(root, subtable(options, "module").get("mounts")),
        *_static_folders(root, options, themes.folders),
    )
    redirects, redirect_data = netlify_redirects(
        root, [os.path.join(root, "static"), *(static.path for static in static_dirs if not static.target)]
    )
    followed: list[tuple[str, str]] = []
    redirect_params: list[tuple[str, str]] = []
    if templates := _redirect_templates(layouts, options):
        from fmlint.site.redirect_templates import template_redirects

        for template in templates:
            written = template_redirects(template, layouts, subtable(options, "params"), languages, default_language)
            redirects += written.sources
            followed += written.followed
            redirect_params += written.params
            redirect_data += written.data
    parser = subtable(options, "markup", "goldmark", "parser")
    version, version_data = pinned_version(root)
    # (`security.allowContent`'s default: from Hugo 0.162 it refuses HTML content, which an older Hugo takes)
    allowed_content = _DENYING if (version or (0, 0)) >= HTML_CONTENT_DENIED else ".*"
    hooks_embedded = (version or EMBEDDED_HOOKS) >= EMBEDDED_HOOKS
    # (another pin on the other side of 0.123: the embedded hooks may or may not render, and nothing is claimed)
    pins, pins_data = every_pin(root)
    undecided = any((pin >= EMBEDDED_HOOKS) != hooks_embedded for pin in pins)
    link_hook = hooks_embedded and not undecided and _embedded_hook("link", layouts, options, languages_table)
    image_hook = hooks_embedded and not undecided and _embedded_hook("image", layouts, options, languages_table)
    taxonomies_table = options.get("taxonomies")
    taxonomies = (
        tuple(str(v).lower() for v in taxonomies_table.values())
        if isinstance(taxonomies_table, dict)
        else DEFAULT_TAXONOMIES
    )
    disabled_kinds = [str(k).lower() for k in options.get("disablekinds", []) or []]
    taxonomy_folders = taxonomies
    taxonomy_lists = () if "taxonomy" in disabled_kinds else taxonomies
    if "term" in disabled_kinds:  # (`taxonomy` is the page listing a taxonomy's terms: theirs are still written)
        taxonomies = ()
    as_written = not undecided and _links_as_written(layouts, themes.missing, link_hook)
    known = _hooks_known(layouts, themes.missing)
    return SiteConfig(
        root=root,
        generator="hugo",
        content_dirs=tuple(dict.fromkeys(dirs)),
        languages=languages,
        disabled_languages=disabled,
        default_language=default_language,
        default_in_subdir=bool(options.get("defaultcontentlanguageinsubdir", False)),
        home="home" not in disabled_kinds,
        disabled_kinds=tuple(kind for kind in disabled_kinds if kind in ("page", "section", "taxonomy", "term")),
        permalinks=permalink_rules(options.get("permalinks")),
        language_permalinks={
            language: permalink_rules(table["permalinks"])
            for language, table in languages_table.items()
            if isinstance(table, dict) and isinstance(table.get("permalinks"), (dict, list))
        },
        lower=not options.get("disablepathtolower", False),
        keep_accents=not options.get("removepathaccents", False),
        ugly=options.get("uglyurls") is True,
        plural_list_titles=options.get("pluralizelisttitles") is not False,
        ugly_sections=tuple(str(k) for k, v in subtable(options, "uglyurls").items() if v is True),
        aliases=not options.get("disablealiases", False),
        build_future=options.get("buildfuture") is True,
        build_expired=options.get("buildexpired") is True,
        filename_dates=_filename_dates(subtable(options, "frontmatter")),
        refreshing_aliases=not options.get("disablealiases", False)
        and _layouts_read(layouts, themes.missing)
        and not any(os.path.isfile(os.path.join(top, *name)) for top in layouts for name in _ALIAS_TEMPLATES),
        base_path=urlsplit(str(options.get("baseurl", ""))).path.strip("/"),
        root_links=_root_links(options),
        own_hosts=own_hosts_of(options.get("baseurl")),
        pages_projects=pages_user_site(options.get("baseurl")),
        link_hook=link_hook,
        image_hook=image_hook,
        links_as_written=as_written,
        hooks_known=known,
        hooks_may_find_pages=not as_written and (known or not _hooks_read(layouts, themes.missing)),
        hooks_look_up_names=known and hooks_look_up_names(layouts),
        heading_ids=str(parser.get("autoheadingidtype", "github")).lower(),
        definition_ids=bool(parser.get("autodefinitiontermid", False)),
        dashes=_typographer_dashes(subtable(options, "markup", "goldmark", "extensions").get("typographer")),
        linkify=subtable(options, "markup", "goldmark", "extensions").get("linkify") is not False,
        taxonomies=taxonomies,
        taxonomy_lists=taxonomy_lists,
        taxonomy_folders=taxonomy_folders,
        judged_terms=_judged_taxonomies(options, taxonomies, languages_table, bool(themes.missing_content_modules)),
        judged_lists=_judged_taxonomies(
            options, taxonomy_lists, languages_table, bool(themes.missing_content_modules), "taxonomy"
        ),
        cascades=tuple(cascades(options.get("cascade"))),
        static_dirs=static_dirs,
        # (the components found: a theme checked out or installed is read on the next run)
        digest=hashlib.blake2b(
            data + redirect_data + version_data + pins_data + _named(root, layouts), digest_size=12
        ).hexdigest(),
        redirects=tuple(dict.fromkeys(redirects)),
        followed_redirects=tuple(dict.fromkeys(followed)),
        redirect_params=tuple(dict.fromkeys(redirect_params)),
        raw_html=subtable(options, "markup", "goldmark", "renderer").get("unsafe") is True,
        inline_shortcodes=any(  # (either key turns them on)
            table.get("enableinlineshortcodes") is True for table in (options, subtable(options, "security"))
        ),
        html_content=_allowed(subtable(options, "security").get("allowcontent", allowed_content), "text/html"),
        ignore_files=tuple(strings(options.get("ignorefiles"))),
        layout_dirs=layouts,
        missing_themes=themes.missing,
        missing_pins=themes.pins,
        missing_content_modules=themes.missing_content_modules,
        params=None
        if shortcode_templates(layouts, "param")
        else site_params(
            options,
            languages_table,
            [component_options(folder).get("params") for folder in themes.folders],
            complete=not _config_written(root),
        ),
        hugo_version=version,
    )


def _named(root: str, folders: tuple[str, ...]) -> bytes:
    """``folders`` named from ``root``: the same in another checkout of the site (a CI job's)."""
    return "\0".join(os.path.relpath(folder, root) for folder in folders).encode()


_DENYING = "! ^text/html$"  # (``security.allowContent``'s default since Hugo 0.162, for HTML)


def _allowed(patterns: Any, media_type: str) -> bool:
    """Whether Hugo's allow list ``patterns`` (a regular expression or a list of them; ``! pattern`` denies what it
    matches; ``none``: nothing) accepts ``media_type``: for ``security.allowContent``.  Its default since Hugo
    0.162, ``! ^text/html$``, fails the build on an HTML content file, so a site holding one without setting it
    is built by an earlier Hugo, where every content format is a page (the default taken here), unless it pins a
    later one (``hugo_version``: then its HTML files are no pages, and its build fails)."""
    listed = [str(p).strip() for p in (patterns if isinstance(patterns, list) else [patterns]) if str(p).strip()]
    if not listed or "none" in listed:
        return False
    accepted = False
    for pattern in listed:
        denying = pattern.startswith("!")
        try:
            matches = re.search(pattern[1:].strip() if denying else pattern, media_type) is not None
        except re.error:
            return False
        if denying and matches:
            return False
        accepted = accepted or (matches != denying)
    return accepted


def _typographer_dashes(typographer: Any) -> tuple[str, str]:
    """What goldmark's typographer (on unless ``disable``, or ``typographer = false`` as vitess.io writes it)
    writes for ``--`` and ``---``: ``enDash`` and ``emDash`` (HTML, ``&ndash;`` and ``&mdash;`` by default), as
    text; an empty one leaves the dashes be."""
    if typographer is False:
        return WRITTEN_DASHES
    typographer = typographer if isinstance(typographer, dict) else {}
    if typographer.get("disable") is True:
        return WRITTEN_DASHES
    en, em = typographer.get("endash", "&ndash;"), typographer.get("emdash", "&mdash;")
    return (
        html.unescape(en) if isinstance(en, str) and en else WRITTEN_DASHES[0],
        html.unescape(em) if isinstance(em, str) and em else WRITTEN_DASHES[1],
    )


def _static_mounts(root: str, mounts: Any) -> list[ContentDir]:
    found = []
    for mount in mounts if isinstance(mounts, list) else []:
        target = str(mount.get("target", "")).strip("/") if isinstance(mount, dict) else ""
        component, _, under = target.partition("/")
        if component in ("static", "assets") and mount.get("source"):
            found.append(
                ContentDir(os.path.normpath(os.path.join(root, str(mount["source"]))), None, under, mounted=True)
            )
    return found


def _static_folders(root: str, options: dict[str, Any], themes: tuple[str, ...]) -> list[ContentDir]:
    """The folders of ``staticDir`` but ``static/``, and the ``static/`` and ``assets/`` folders of the site's
    themes and modules (``themes``: their folders), which Hugo lays under the site's own: buildpacks.io's images
    are its theme's."""
    folders = [os.path.join(root, name) for name in strings(options.get("staticdir")) if name != "static"]
    folders += [os.path.join(theme, name) for theme in themes for name in ("static", "assets")]
    return [ContentDir(os.path.normpath(folder), None) for folder in folders if os.path.isdir(folder)]


def _mounted(root: str, mount: Any, languages: tuple[str, ...]) -> list[ContentDir]:
    """The content folders a module mount makes: one per language of its sites matrix (or its ``lang``);
    one taking the language from file names when it names none."""
    target = str(mount.get("target", "")).strip("/") if isinstance(mount, dict) else ""
    if not (target == "content" or target.startswith("content/")) or not mount.get("source"):
        return []
    source = os.path.normpath(os.path.join(root, str(mount["source"])))
    under = target[len("content") :].strip("/")
    files = [*strings(mount.get("files")), *strings(mount.get("includefiles"))]
    files += [f"! {pattern}" for pattern in strings(mount.get("excludefiles"))]
    matrix = subtable(mount, "sites", "matrix").get("languages")
    mounted: list[str | None]
    if matrix is not None:
        mounted = [language for language in languages if glob_slice_matches(strings(matrix), language)]
    else:
        mounted = [str(mount["lang"]).lower()] if mount.get("lang") else [None]
    return [ContentDir(source, language, under, tuple(files), mounted=True) for language in mounted]


def _filename_dates(handlers: dict[str, Any]) -> tuple[tuple[str, bool], ...]:
    """Of Hugo's ``[frontmatter]`` handlers, the dates that list ``:filename``, and whether it is listed first."""
    found = []
    for key in ("date", "publishdate", "expirydate"):
        listed = [name.lower() for name in strings(handlers.get(key))]
        if ":filename" in listed:
            found.append((key, listed[0] == ":filename"))
    return tuple(found)


def _weight(table: Any) -> int:
    weight = table.get("weight", 0) if isinstance(table, dict) else 0
    return weight if isinstance(weight, int) else 0


def _judged_taxonomies(
    options: dict[str, Any], taxonomies: tuple[str, ...], languages: dict[str, Any], missing: bool, kind: str = "term"
) -> tuple[str, ...]:
    """Of ``taxonomies``, those whose every page of ``kind`` fmlint places (``fmlint.site.term_pages``): a term's
    page, or the ``taxonomy`` page listing the terms, written at Hugo's default URL (no such permalink of the
    site's or a language's, no ``uglyURLs``), whose terms no ``cascade`` of the configuration gives, on a site whose
    languages have no taxonomies of their own and that misses no module of content (its pages may use terms)."""
    if missing or options.get("uglyurls") or any(isinstance(t, dict) and "taxonomies" in t for t in languages.values()):
        return ()
    rules: list[PermalinkRule] = [*permalink_rules(options.get("permalinks"))]
    for table in languages.values():
        rules += permalink_rules(table.get("permalinks")) if isinstance(table, dict) else ()
    cascaded, maybe = cascade_params(options.get("cascade")) if options.get("cascade") is not None else ({}, [])
    given = {name.partition(".")[0] for name in (*cascaded, *maybe)}
    path = "/{}/x" if kind == "term" else "/{}"
    return tuple(
        taxonomy
        for taxonomy in taxonomies
        if taxonomy not in given
        and not any(
            rule.matches(kind, path.format(taxonomy), rule.languages[0] if rule.languages else "") for rule in rules
        )
    )

"""Site-level rules: findings that no single file shows (see ``fmlint.site``).

These rules read the facts of every content file of the site (from the result
cache when unchanged), so they are reported after the per-file pass by
``fmlint.site.sitepass``; ``check`` below finds nothing itself.  They apply to
Hugo sites (the folder above the file holding ``hugo.toml``/``config.toml`` … or
``config/_default/hugo.toml`` …).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.fix.model import UNSAFE
from fmlint.rules.base import Context, Rule

NEEDS = ("front_matter", "markdown")

_SITE = """Reported by the site pass over the whole site, in the files the run was given
(a pre-commit run over a few files still sees the whole site through the result
cache); the finding names the other file and its line. Hugo sites get every
site rule; Jekyll sites the collisions (`jekyll doctor`'s conflicting URLs and
URLs differing only by case), links (in Markdown, and in Liquid: a path through
`relative_url`, `{% link %}`, `{% post_url %}`) and anchors; Starlight sites (Astro with
`@astrojs/starlight`) and Docusaurus sites the collisions of pages' URLs,
root-relative links to pages' URLs and anchors; MkDocs sites, and Astro sites'
Markdown pages of `src/pages`, the collisions of pages' output files;
Docusaurus, Astro, MkDocs,
Zola, VitePress, VuePress and mdBook sites the relative `.md`/`.mdx` links
(Zola's `@/` internal links too) and anchors; Eleventy sites the collisions of
pages' output files and the relative links to files (from the page's folder, or
from the input folder as its InputPath-to-URL plugin reads them) and GitBook spaces synced with a repository
the relative links to files (read as a URL is, no higher than the space's
root); Hexo sites the collisions of posts' and pages' URLs (`permalink`),
root-relative links, `{% post_link %}` and `{% post_path %}`, anchors and the
taxonomy variants."""

_OPTIONS = """## Options
`external-paths` (default `[]`, under `[tool.fmlint.rules.site]`): URL paths of
the site's own host that another project serves (`["/user-guide/",
"/api-reference/"]`: GitHub Pages sites of other repositories under an
organization's domain, or docs deployed on their own), or that a build step
writes before the generator runs (`["/latest/"]`: a copy of the latest version
of versioned docs). Links under them, root-relative, through the site's own
URL or relative ones that lead there, and Hugo `ref`s from the content root
under them are not judged
(`SITE003`, `SITE004`); a path covers the URLs below it segment by segment
(`/user-guide` does not cover `/user-guides/`). On a Hugo or Jekyll site, a
broken link or ref below a first folder that nothing of the site makes (no
content folder, language, permalink, collection or `static/` folder of that
name; a first name alone where the link is written with the site's own host,
`https://redis.io/downloads/`), or on a Hugo site a link or ref written from the root below a folder
of its content that lacks the next (`/cli/latest/x` with `content/cli/` but no
`latest` there), says so and names this option. On a site whose own URL is a
GitHub Pages user or organization site's (`https://<owner>.github.io` at the
root; on a Jekyll site without a `url` or `CNAME`, one whose repository — its
`repository`, else its `origin` — is `<owner>/<owner>.github.io`), such a link is
not judged: GitHub serves the owner's other repositories' project sites there
(`/<repository>/`).

Otherwise the site's own configuration (`hugo.toml`, or `config/_default/`:
`contentDir`, languages and `disableLanguages`, content module mounts with their `sites.matrix`
languages and `files` globs (an import's mounts of a vendored or cached module too), `[permalinks]` (as a map, per
kind, as Hugo 0.161's list of rules, and a language's own), `disablePathToLower`,
`removePathAccents`, `uglyURLs`, `taxonomies`, `disableKinds`, `ignoreFiles`, `buildFuture`, `buildExpired`,
`markup.goldmark.parser.autoHeadingIDType`, cascades of `build.render` and `draft`, the configuration's
and each section's, by their `target`'s paths, kinds and environment) decides.
A file that several mounts hold is a page of each (the first mount wins a
path; so is a file in a language's content folder inside another's), and its
findings are reported once; links into a mount whose source is missing (a
submodule not checked out, an import not vendored; not one at the content's
root) are not judged, nor links to a missing page whose content file git
ignores (a build step writes it: fluxcd.io imports its components' docs and
lists them in `.gitignore` files in its content folders; above the content
folders only path patterns such as `content/en/flux/cmd/flux*` count)."""

OPTIONS: dict[str, Any] = {"external-paths": []}
RULES = (
    Rule(
        "SITE001",
        "output-path-collision",
        "Two pages, or a page and an alias, are written to the same output path.",
        doc=f"""## What it does
Works out every page's URL as Hugo does (content path, bundles and `_index.md`,
`slug`, `url`, `[permalinks]` tokens (of pages, sections, terms and taxonomies), lowercasing unless `disablePathToLower`,
the language prefix, the date and slug `[frontmatter]`'s `:filename` handler takes
from a `2017-02-03-my-post.md`; an expanded permalink is a folder, dots or not, and a `url`
without a closing slash is a file when it holds a dot) and every alias's, and
reports each pair written to the
same file — page and page, page and alias, alias and alias — at the key that
decides it (`slug`, `url`, the alias item), or at 1:1 when the path comes from
the file name. Files that are one page to Hugo (`p.md` and `p/index.md`,
`About Me.md` and `about-me.md`, `Readme.md` and `readme.md`) are reported too —
where one names its language and the others do not (`p.bg.md` beside `p.md`, `bg`
being the default language), Hugo keeps that one in every build, and the finding
says so; otherwise which one it keeps changes from build to build —,
and output paths that differ only by case (one file on macOS and Windows), but
not two aliases of one page (the same redirect either way). On a Hugo site a
page or alias written where Hugo writes a page for a taxonomy is reported too:
a term's page that a page it builds uses (`url: /tags/go/` beside a page tagged
`go`) and a taxonomy's list of terms (`/tags/`, written whether or not a page
uses one), where fmlint places those pages (see SITE003 on term pages); Hugo
says so only with `--printPathWarnings`, and not for an alias. A page Hugo does
not build claims no path: a draft, a page whose `expiryDate` (`unpublishDate`)
is past, or whose publish date (`publishDate`, else `date`) is still to come,
unless `buildExpired` or `buildFuture` is set; its path is reported once the
date has passed (a run asks the clock again). On a Hexo site, posts' URLs come
from `permalink` (two posts without the value of a token it names, `:abbrlink`,
are both at `…/undefined/`), reported at the front matter's `permalink` or the
token's key. On an Eleventy site, a page is written where its `permalink` says
(`/a/` is `a/index.html`) or to `<folder>/<name>/index.html` (`<folder>/index.html`
for `index` and for a name that is its folder's: `blog/blog.md`), and Eleventy
fails the build on two written to one file; a page whose data decides the file (a
templated or computed `permalink`, pagination, a folder's data file naming
`permalink`, a layout's) is not judged, nor one with `permalink: false`, nor a
`draft: true` page where the configuration reads `draft`. On an MkDocs site with
`use_directory_urls` (the default), `guide.md` and `guide/index.md` are both
written to `guide/index.html`, and MkDocs keeps one without a word; on an Astro
site, `src/pages/about.md` and `src/pages/about/index.md` are both the route
`/about` (Astro warns, and writes one of them).
{_SITE}

## Why is this bad?
Hugo writes one of them, chosen at random from build to build, and does not say
so: an alias can silently replace a real page (with Hugo 0.168, an alias on
another page's path replaced that page in one build out of six).

## Example
Two files, `content/posts/launch.md` and `content/news/launch.md`:
```yaml
# content/posts/launch.md
title: "Launch"
aliases: ["/news/launch/"]
```
```console
$ fmlint content/
content/posts/launch.md:3:12: SITE001 this alias and the page `content/news/launch.md:1` are both written to `news/launch/index.html`; Hugo keeps one of them
```
Use instead: an alias that no page uses (or remove the old page).

{_OPTIONS}
""",
    ),
    Rule(
        "SITE002",
        "taxonomy-term-variant",
        "A taxonomy term is spelt differently from a term used elsewhere on the site.",
        Severity.WARNING,
        doc=f"""## What it does
Compares the terms of each taxonomy (`tags`, `categories` and the site's
`[taxonomies]`) over the whole site, language by language (each has its own
term pages), ignoring case, Unicode compatibility forms
(full-width letters), spaces and punctuation (but a `+` or `#` after a letter
or digit: `C`, `C++` and `C#` are three terms). Terms that differ only so are
reported at each minority spelling's list item, naming the majority spelling,
its count and what Hugo does: merges them into one page whose title flips
(`AI`/`ai`), makes separate pages (`A.I.`, `Ａｉ`, `"ai "`), or writes them to
one URL (`AI&ML`/`AIML`). `AI` and `AIs` are different terms. An expired page's
terms (past its `expiryDate`, without `buildExpired`) are not the site's: Hugo
lists it under none. {_SITE}

## Why is this bad?
Readers find half the articles under one spelling and half under the other,
or a term page whose title changes between builds.

## Example
```yaml
# content/posts/a.md and content/posts/b.md
tags: ["AI"]
# content/posts/c.md
tags: ["A.I."]
```
```console
$ fmlint content/
content/posts/c.md:2:8: SITE002 tags term `A.I.` is a variant of `AI` (used 2 times): Hugo makes a separate term page `/tags/a.i./` for it
```
Use instead: one spelling (`tags: ["AI"]`) everywhere.

## Fix
Unsafe (the term page's title or URL changes): the majority spelling is
written in place of the variant — a plain YAML scalar stays plain when the
spelling can be written so (quoted otherwise), a quoted one keeps its quotes;
none where the term is written with escapes or over lines.

{_OPTIONS}
""",
        fix=UNSAFE,
    ),
    Rule(
        "SITE003",
        "broken-reference",
        "A ref/relref shortcode or a relative Markdown link names no page.",
        doc=f"""## What it does
Resolves `{{{{< ref >}}}}`/`{{{{< relref >}}}}` (and `{{{{% %}}}}`, positional
and `path=`; `lang=` too) as Hugo does: relative to the page first (a leaf
bundle's from its parent folder, but from its own for a path to a file led by
`../`), then from the content root unless the path is led by `.`, `.md` optional, case-insensitive, percent-decoded (Hugo parses
the argument as a URL: `Common%20Definitions/x.md`), a language of the site
before the extension dropped (`roadmap.en.md`: the page in the ref's own
language), and a bare name falling back
to the unique page with that base name (several: ambiguous, its own message).
Links are Markdown links and images (not email autolinks: `<git#v1@kaction.cc>`
is a `mailto:` link), HTML `<a href>` tags, and in MDX the
string `href` of JSX tags (`<LinkCard href="/guides/x/" />`).
Relative links and images to `.md` files, and links to page-bundle
folders, are resolved as files beside the linking file; on Docusaurus sites as
Docusaurus resolves them (`x.md` from the page's folder, then the docs folder,
then the site's; `/x.md` from the last two; `@site/x.md` from the site's).
Root-relative links (`/docs/install/`) must name a page's URL: on Hugo sites
(not an alias — whose `#fragment` is judged at the page Hugo writes it for; where
several pages claim it, one that has it makes it fine; where Hugo writes the alias
as its embedded template's page, which refreshes to the page's URL without the
fragment, that URL is named —, a taxonomy's list page, a term page of a taxonomy whose term pages are not
all known (see below), a file in `static/` or a file of a
content folder that is no page (Hugo publishes it at its path: `/KEYS` for
`content/KEYS`), a source of Netlify's
`static/_redirects` or `netlify.toml`; a `_redirects` file that a template
writes is read as Hugo would write it — partials, `slice` values, site
parameters, languages' names; its rules from a page parameter (`redirects:
[{{from: old}}]`) redirect each page's values; a rule whose target takes the
link's splat or a value the template computes (`/en/*  /:splat`,
`/docs/{{{{ $lang }}}}/*  /docs/instrumentation/{{{{ $lang }}}}/:splat`) is judged
where it leads, its fragment too; below a `baseURL` path, `https://example.org/docs/`,
as Hugo writes it: as written, `/docs/b/` the site's `/b/` and `/b/` another project's,
reported where it names a page of the site, the base missed; with `canonifyURLs`
both the site's `/b/`; with `relativeURLs` `/b/` the site's `/b/` and `/docs/b/` its
`/docs/b/`; not judged where a link hook other than Hugo's own may rewrite it); on Starlight sites (its
`base` first; a locale's fallback page of a default-locale page counts; not a
draft, which production builds leave out; not a redirect of `astro.config.*`
or `public/_redirects`, a file in `public/`, a route of `src/pages`, a page
whose file git ignores, which a build step writes, or a path the site's
starlight-links-validator `exclude`s — a glob's only where the docs have no
folder at its literal part, as for the routes plugins make); on
Docusaurus sites (under `baseUrl`, a string or the name of a constant declared
as one, after an `i18n` locale's prefix; not a page
the blog or docs plugin makes — a generated-index category of the sidebars
files or of a `_category_` file at its `slug` among them —, a page under a
TypeDoc API plugin's route, a JavaScript page, a route the site's own
plugins add (`addRoute` in its configuration, `plugins/` or `src/plugins/`), a `from` path of the
client redirects plugin's `redirects`, a file, a doc whose file
git ignores, which a build step writes, a path under the route of a content
plugin whose `path` is not there, a git submodule not checked out, or of a version
whose folder links to a folder not there (opentofu.org's); each version of
versioned docs at its own path; a file a plugin's `exclude` names is no page, and
its own links are not judged); on Jekyll sites (collections' documents too, at the
permalinks their front matter or its `defaults` give; the pages of a `_` folder that
`include` names, academicpages' and al-folio's `_pages/`; a post dated past its
month's end, `2025-02-31-x.md`, at the day Ruby carries it to; a post's `category` among its
categories; with jekyll-polyglot, a language's
pages under its prefix, and every page in every language; not a `redirect_from` URL, a
source of Netlify's redirect rules — a `_redirects` that `include` names, `netlify.toml` —,
an HTML page's, a file Jekyll copies, a page under a folder the site's own
`_plugins` write pages into — the folders a page-making plugin names as
`config['category_dir'] || 'categories'` (the configured value first),
`File.join("series", …)`, `dir = "author"` or
`PageWithoutAFile.new(site, base, "packages", …)` —, a page under the folder of
an archive jekyll-archives writes (`jekyll-archives: {{enabled: [categories]}}`:
`/category/…/`, or its `permalinks`; Chirpy's sites), or a file git ignores,
which a build step writes into the site first; a link written with the site's
`url` is one of the site's below that URL's path alone, `https://docs.pmd-code.org/pmd-doc-7.0.0/`
being another site's where `url` is `https://docs.pmd-code.org/latest`; with a `baseurl`,
a link written without it that names a page misses it, and is reported). A file
in `static/` or `public/` may be one git ignores there, which a build step
writes (lexical's `static/dev-examples/`). Jekyll's
`{{% link path %}}` must name a file and `{{% post_url name %}}` a post, or Jekyll
fails the build (Liquid in a `{{% raw %}}` block is not run, and not judged).
Hexo's `{{% post_link slug %}}` (`slug#fragment` too) must name a post of
`_posts/` by its slug (its path there without the extension, read with
`new_post_name`) or its title, or Hexo fails the build; a `{{% post_path %}}`
that names none writes nothing; either naming a draft (`_drafts/`) leads to no
page unless `render_drafts` is on, and one with `published: false` to none (in
a code block, the tags are not run). Hexo writes a relative link to a Markdown
file as it is, where no page is: the finding names the post's tag or the page's
URL to write instead (not judged where a plugin named for links, such as
hexo-filter-link-post, may rewrite it). `{{% asset_img %}}` (any of its
arguments), `{{% asset_link %}}` and `{{% asset_path %}}` must name a file of the
post's asset folder (`_posts/launch/` for `_posts/launch.md`), which only
`post_asset_folder` gives: Hexo writes nothing for one that names none, or in a
page. A Jekyll page or post with `published:
false` is not built (unless `unpublished: true`), nor a post dated later than
now (unless `future: true`; Hexo's with `future: false`): a link to it leads
nowhere (but to another page built at its URL), `{{% link %}}` and
`{{% post_url %}}` to it fail the build, and the page it would replace is no
collision.
A taxonomy term's page (`/tags/ai/`, `/fr/tags/ai/`) is written only where a page
Hugo builds and renders uses the term — a page, a section or the home page, by
its front matter or a section's `cascade`; not a draft, a page still to come or
expired, a `headless` or `build.render: never` page (a `build.list: never` or
`render: link` page does make them) —, language by language: a link to a term
page that no such page makes is reported (with the term's page where only its
spelling differs: `/tags/Machine%20Learning/` for `/tags/machine-learning/`), and
a `ref` to one, which fails the build (REF_NOT_FOUND); Hugo's embedded link hook
finds a term page in the linking page's language. Judged on Hugo sites for the
taxonomies whose term pages fmlint places all: at Hugo's default URLs (no `term`
permalink, no `uglyURLs`), whose terms the configuration's `cascade` does not
give, without taxonomies of a language's own, a module of content missing or a
content adapter (the pages it makes may use any term); a term holding `%` is not
judged, nor a later page of a term's list (`/tags/ai/page/2/`). A term's URL keeps
its slashes (`A/B testing` is `/tags/a/b-testing/`). As every URL of the site, a
term page's is compared without regard to letter case (`/tags/AI/` for
`/tags/ai/` passes, though a server that tells case apart answers 404).
A relative link to a URL (`../install/`, `./setup/#options`: no file
extension, `./`, `../` or a trailing `/`) is resolved from the page's URL as a
browser resolves it, then judged so (on Docusaurus sites a bare word too,
`settings#x`, from a URL without a trailing slash unless `trailingSlash` is
`true`; unset, a link broken only from one of the two readings is not
reported); on Hugo sites a link that names a page by
its content path from the page's folder counts too (link render hooks, Hugo's
own among them, resolve it so), and a bare word (`g`) is left to the site's
render hook. On an MkDocs site (which writes a link to no Markdown file as it
is) such a link is resolved from the page's URL too: with `use_directory_urls`
(its default) `guide/install.md` is at `/guide/install/`, so its `./` is the page
itself and its `../setup/` is `guide/setup.md`'s page. One that leads to no page
is reported where the page it was likely written for is there read from the
file's folder (`../other/` for `other.md` beside `guide/`: MkDocs' build says
"Did you mean '../other.md'?" at INFO level only); the message names, and an
unsafe fix writes, that Markdown file, which MkDocs turns into its page's URL.
Other such links are not judged (a page a plugin writes). Where Hugo's embedded link render hook is used (a site on one host
that configures its languages, one is enough, without a hook of its own, and
not pinning a Hugo older than 0.123, which brought it: `HUGO_VERSION` in
`netlify.toml`, `hugo-extended` in `package.json`, a GitHub workflow's
`hugo-version`), `./#setup` (`./`, `./?tab=1`) is reported on
any page but the home page: the hook trims `./` and looks up the page `""`, the
home page, and writes `/#setup`; and a destination written with backslash
escapes (`/docs/kialis\\.kiali\\.io/`, which CommonMark reads as
`/docs/kialis.kiali.io/`) is reported: the hook reads it as written and writes
each backslash as `%5C` (the message names, and an unsafe fix writes, the
unescaped destination where it leads to a page). The hook writes the page its `GetPage` finds, in the
linking page's language (a language in a `.md` file's name dropped: a French page's `a.en.md` is its own `a`;
from a leaf bundle a path is read from the bundle's parent folder, a `../` path to a `.md` file from its own, so
`../p/` in `blog/from/index.md` is `/p`); a draft page it does not find (a draft section it does), and where it finds none
it writes the link as it is, read from the page's URL. A link it finds a page for that Hugo does not write is an
empty link, reported as a `ref`'s is (below). It leaves an absolute URL (of the site's own host too) and an
HTML `<a>` as written. A Hugo site that does not use Hugo's embedded link hook, and
whose own and themes' link hooks neither find pages (`GetPage`, `ref`) nor
rewrite destinations, writes each link as it is: there a link is resolved
from the page's URL only, and a link to a `.md` file is broken (the browser
asks for `/docs/x/tools.md`; the message names the page's URL). Where a theme
is missing, or the site has no layouts to read, its hooks are unknown and the
file-relative reading counts; there, and where each hook finds pages or writes
links as they are, so does, for a root-relative link to no page's URL, the
page a hook's `GetPage` would find (`/customization/index/`: the section, as
goreleaser.com's Hextra theme writes it), and for a link to a `.md` file that
is not beside the page and is not led by `.`, the file from the content root
(kpt's `guides/rationale.md` in `guides/_index.md`). Starlight sites write links as they are too,
unless the Astro configuration adds remark or rehype plugins. On Starlight sites whose `trailingSlash` is not `'always'` a page
is also read without its slash (where `../x/` leads elsewhere): the link is
broken when it leads to no page from either URL.
On Hugo sites a `ref` in an HTML comment is run only where goldmark writes
raw HTML (`markup.goldmark.renderer.unsafe`), and its fragment is not judged
(no reader sees it); an `<a href>` in a comment is no link.
On Hugo sites a `ref` to a page Hugo finds but writes no page of (a headless bundle,
`build.render: never` by itself or by a cascade, a kind in `disableKinds`) writes an
empty link (`href=""`, or its `#fragment` alone): reported (`build.render: link` gives a page its URL; a page's
own `build` options, any of them, shadow every cascade's, as a nearer cascade entry's shadow a farther one's).
On Hugo sites a bare URL of the site's own host in running text is a link (goldmark's `linkify`, unless the
configuration turns it off), judged as one.
On Hugo sites a page that is no draft must not name a draft — a section's `cascade`
of `draft: true` makes drafts of it and the pages below that its `target` picks and
that set no `draft` of their own (the nearest section's entries first, then the
configuration's): Hugo builds drafts
only with `--buildDrafts` (a `ref` to one fails with `REF_NOT_FOUND`; in a
fallback language, the language's own draft is not replaced by the fallback);
nor a page whose expiry date is past (without `buildExpired`) or whose publish
date is still to come (without `buildFuture`). A link to the URL of such a page
that an alias of another page takes leads there.
On Docusaurus sites a doc's `pagination_next` and `pagination_prev` must name
a doc of its version by ID (its folder and its `id` or file name, number
prefixes dropped: `01-guides/02-setup.md` is `guides/setup`; `null` for no
link), or `docusaurus build` fails; reported at the value. A blog post's
`authors` keys must be keys of its blog's authors map (`authors.yml` in the
blog's folder, or its `authorsMapPath`; case counts; an object is an inline
author, or with a `key`, that author of the map), or the build fails; a locale
with a map of its own in `i18n/<locale>/docusaurus-plugin-content-blog/` builds
its translations and the posts it shows untranslated with that map. A locale's
file that translates no file of the default locale is no page (Docusaurus makes
none): its references are not judged, and a link to it is reported.
Links and refs into a section that a content adapter or a missing module mount
makes are not judged. On Hugo sites a link in a paired `{{{{< name >}}}}`
shortcode is judged as its template writes it: a Markdown link there is text
when the template writes `.Inner` without rendering it, and nothing there is a
link when it escapes or highlights it (a code sample); a link in a
`{{{{% name %}}}}` shortcode inside is Markdown again. Hugo's HTML content
files are pages, unless `security.allowContent` refuses them (its default does
from Hugo 0.162, on a site pinning such a version). On Hugo sites a
link whose destination holds Hugo's `param` shortcode
(`[x](/docs/{{{{< param version >}}}}/setup/)`, which Hugo writes before the
Markdown is read) is judged with the value written in: the page's own
parameter (a front-matter key or one under `params`; dotted names reach into
maps), else its sections' `cascade` (the closest first), else the
configuration's `cascade`, its language's `params` and `params`; a value not
known for certain (a targeted cascade giving the name, found nowhere, a
`param` shortcode of the site's own) leaves the link unjudged. On Hugo sites a
`ref`, a Markdown link to a `.md` file or a link to a URL that names no page
(where a `_redirects` rule leads too) also names the page it was likely
written for, when the language has exactly one page of the base name it ends
with (a file name without a language's suffix, `install` for `install.fr.md`,
or a bundle's folder name for `index.md`; a URL's language is the one of its
prefix): a page moved to another folder keeps its name. On
Docusaurus, Jekyll and MkDocs sites a relative link to a `.md` file that does
not exist names the only file of that name in the linking file's content
folder (a Docusaurus docs version or locale: the others' copies are not
counted) that the site builds. A link to a file the generator builds no page of
is reported with the reason (MkDocs: `exclude_docs`, a `README.md` beside an
`index.md`; Docusaurus: a plugin's `exclude`; Jekyll: `exclude`), and that
file's own links are not judged. With mkdocs-static-i18n's `docs_structure:
folder`, a language's folder that lacks a file has the default language's
(the plugin builds the page from it, unless `fallback_to_default: false`).
A site whose `nav` includes a configuration that is not there
(mkdocs-monorepo-plugin's `!include x/mkdocs.yml`, which a build step writes)
mounts docs fmlint cannot see: its links to no file are not judged; nor are
links into the folders mkdocs-multirepo-plugin imports other repositories'
docs into when the site builds (its `nav_repos`, `repos` and nav `!import`s).
Reported at the reference's destination. {_SITE}

## Why is this bad?
Hugo stops the build late with `REF_NOT_FOUND`; a broken Markdown link ships.

## Example
```text
{{{{< ref "/docs/instal" >}}}}
{{{{< ref "/docs/upgrade" >}}}}
```
```console
$ fmlint content/
content/posts/a.md:7:11: SITE003 `/docs/instal` names no page (Hugo fails with REF_NOT_FOUND)
content/posts/a.md:8:11: SITE003 `/docs/upgrade` names no page (Hugo fails with REF_NOT_FOUND); did you mean `/docs/guides/upgrade`, the only page named `upgrade`?
```
Use instead: `{{{{< ref "/docs/install" >}}}}`, `{{{{< ref "/docs/guides/upgrade" >}}}}`.

## Fix
Unsafe (the link then leads to another page): the path of the page named in
the message is written in place of the reference's path, its `#fragment`
kept — from the content root for a `ref` and a root-relative link, relative to
the linking file for a relative link, with the extension (or a bundle's
`index.md`) and closing slash as written (an MkDocs link to no file: the
Markdown file, as MkDocs suggests); none where the destination is
written with escapes, as a URL of the site, or the path would need escaping.

{_OPTIONS}
""",
        fix=UNSAFE,
    ),
    Rule(
        "SITE004",
        "broken-anchor",
        "A reference's #fragment is not a heading ID of the page it names.",
        doc=f"""## What it does
Checks the `#fragment` of `ref`/`relref` shortcodes, relative Markdown links
and same-page `[x](#fragment)` links against the target page's heading IDs,
made as Hugo's goldmark makes them (`autoHeadingIDType`: `github` by default,
`github-ascii`, `blackfriday`), with `{{#custom-id}}` attributes (their IDs
as goldmark reads them: `{{#v0.14.2}}` keeps its dots) and the
`-1`, `-2` suffixes of repeated headings (Astro reads no `{{#id}}`: it is
part of the heading's text, and so of its ID, unless the configuration adds
remark-custom-heading-id or remark-heading-id; Astro before 6 takes a trailing
`-` off an ID, ``## `<Picture />` `` is `picture`, unless
`experimental.headingIdCompat` is set; in MDX, a JSX tag in a heading is no
part of its text, its children are); definition terms count with
`autoDefinitionTermID`, and so do the `id`s of HTML tags (`<a id="x"></a>`);
the dashes of Hugo's typographer (`--`, `---`; on by default, `enDash` and
`emDash` as configured) are dropped as goldmark drops them. Of an emphasis,
a link or a strikethrough in a heading Hugo reads only the first child: its
text up to a typographer's quote, dash or ellipsis, another element, a `[` or
a URL (`### **Migrate from 'SDK v1'**` is `#migrate-from`; `*It's* fine`
`#it-fine`).
A text fragment's directive is no part of the ID (`#setup:~:text=pip` names
`setup`; a fragment that is a directive alone is not checked), nor are the
spaces that end a `ref`'s fragment (`{{{{< relref "#drift " >}}}}`: Hugo writes
them in the `href`, and browsers strip them). On MkDocs
sites the IDs are Python-Markdown's `toc` slugs (its `slugify` and `separator`
as configured), and where pymdownx.tabbed has a `slugify`, each content tab's
ID counts too (the label's slug, after the ID of the heading before the tab set
with `combine_header_slug`); without one, a tab's numbered ID (`#__tabbed_1_2`,
set and tab) counts where the page has that many tabs.
Footnote anchors are not checked, nor Redoc's IDs (`#tag/…`, `#operation/…`,
`#section/…`, `#schema/…`, which it writes in the browser) on a Hugo site whose
templates load Redoc or a Docusaurus site whose `package.json` depends on it
(`redocusaurus`), nor, on an MkDocs site whose `hooks` define
`on_page_markdown` (which may write attribute lists into the Markdown:
mkdocs-material's docs write `{{ #+type:abstract }}`), fragments no heading's
slug can be (a character but a letter, a digit, `_` or `-`), nor fragments of
a page that calls a `{{{{% name %}}}}` shortcode without content (the Markdown it writes, headings
included, is not seen; unless each of its templates is text with no action, no
heading line and no `id`: kubeflow.org's `<meta>` tag) or a `{{{{< name >}}}}` shortcode whose template (the
site's or a theme's `layouts/_shortcodes/`) writes headings with `id`s (itself, or
through the partials it calls by name a heading whose whole ID is data: vector.dev's
`partial "heading.html"`, `<h{{{{ $level }}}} id="{{{{ $id }}}}">`), or
whose own layout does (its `type`'s or section's `single.html`, `list.html`,
`all.html`, its front matter's `layout`, the home page's `index.html`; not
`_default/`) or writes another file's Markdown into it (`readFile "x.md" |
markdownify`, `(.Site.GetPage "/x").Content`: coredns.io's manual), or whose layouts write something else than its content for a
parameter value its sections' `cascade` gives it (a branch `if eq .Params.product
"crds"` without `.Content` beside one with it), nor
fragments into a page Hugo makes without a file (a home page or section: its
layout writes its IDs) or into a page with a heading holding a shortcode
(`### {{{{% icon %}}}} Setup`: its ID is made of what the shortcode writes)
or, on Jekyll sites, one that `{{% include x.md %}}` writes Markdown into, or
`{{% include_relative book.html %}}` HTML that gives elements IDs, or whose Liquid
renders a value with `markdownify` (outside `{{% raw %}}`) or shows a
jekyll-scholar bibliography (`{{% bibliography %}}`: an ID for each entry's key),
or whose layout (its own or its front matter defaults'), an include of it or its
HTML gives an element an `id` made of data (`id="variants-{{{{ key }}}}"`; not the
title's, `id="{{{{ page.title | slugify }}}}"`; where the site has no layout of
that name, Minimal Mistakes' `categories`, `tags` and `posts`, loaded as a gem or
`remote_theme`), nor, on Jekyll sites, a fragment that
an element of the page's layout has as its `id` as written (artsy.github.io's
`<section id="comments" />`, which its posts link as `#comments`) or an include
tag's quoted `id` argument names (`{{% include box.html id="forms" %}}`), and on Hugo
sites one that its own layout or a partial it calls writes so (digital.gov's
guides' `<div id="content-start">`), nor a fragment
holding a `:` into a page whose own file runs a `<script>` (state the script
reads: a playground's `#example:demo`), nor a hash route (`#/collections/sites`,
`#!/users`: a script's, such as Decap CMS's; `#!` alone, a placeholder link's),
nor same-page fragments in a page that is not rendered
(a fragment meant for including, by `build.render: never` or a cascade of it).
A section page that calls a shortcode may list its pages with IDs (hugo-docs'
`{{{{% glossary %}}}}`): there a fragment naming one of its pages (by base name or
title) counts; elsewhere it is reported, and the hint names that page.
A shortcode whose template renders another file's Markdown
(`{{{{< boilerplate helm-prereqs >}}}}`: `.Content` or `readFile` through
`markdownify`, or the `.Content` of a page or resource it gets with `GetPage` or
`GetMatch`, as Kubernetes' `include` does) adds that file's headings: the page or
bundle resource its first argument names by base name (in a folder the template
names, when several have it; where several remain, such as one a docs version,
the IDs of any of them count), or a Markdown or HTML file a named argument names
(`{{{{< readfile file="/generated/api/events.html" >}}}}`); when none is found, or
the file is HTML (its IDs are not read), the page's fragments are not judged. In MDX
(Docusaurus, Astro) a Markdown partial the page imports and shows
(`import P from './_p.mdx'` and `<P />`; Docusaurus's `@site/…` from the
site's folder; on Docusaurus, one a swizzled `MDXComponents` gives every page,
shown without an import) adds its headings; where it is no content file fmlint read,
the page's fragments are not judged, nor where a component of the project's
the page shows gives an element an `id` attribute (`<ApiEndpoint>` making its
ID of its props), nor into a Starlight page whose URL a route of `src/pages` with
a literal segment also makes (`reference/commands/[...slug].astro`: Astro writes
that page there, not the docs file). An HTML
content page's IDs are its tags' `id`s. Where Hugo's embedded link render hook
is used (a site on one host that configures its languages, without a hook of its own), a same-page
`[x](#fragment)` link in a shortcode whose template renders it with
`markdownify` is reported: rendered outside the page, it is written as the
home page's `/#fragment`. {_SITE}

## Why is this bad?
Hugo never checks fragments: the link opens the page at its top, silently.

## Example
```text
See [the options]({{{{< relref "install#option" >}}}}).
```
```console
$ fmlint content/
content/posts/a.md:7:33: SITE004 `#option` is not a heading ID of `content/install.md` (did you mean `#options`?)
```
Use instead: `{{{{< relref "install#options" >}}}}`.

## Fix
Unsafe (the page then renders another link): when exactly one ID of the
target page is the fragment spelt otherwise, the fragment is rewritten to it
(the message names it first) — one that differs only in letter case or
percent-encoding (`#nodeLinker` for `nodelinker`: a browser matches IDs
exactly), the ID another generator or another of Hugo's `autoHeadingIDType`s
makes of one of the page's headings (`#dependances-des-charts`, written for
`github-ascii`, for `dépendances-des-charts`), or one whose separators alone
differ (`#tablet_types` for `tablet-types`). A near spelling (`#option` for
`#options`) is named in the message, never written. A fragment that is the
ID of the page's title (`object-meta#objectmeta` for the page titled
"ObjectMeta": layouts, Docusaurus's and docsy's among them, write the title as
an `<h1>` without an ID) is said so, and its fix drops the fragment: the link
then leads to the page's top. A fix is made only where
the destination is written as fmlint read it (on one line, without escapes).

{_OPTIONS}
""",
        fix=UNSAFE,
    ),
    Rule(
        "SITE005",
        "duplicate-translation-key",
        "Two pages of one language share a translationKey.",
        doc=f"""## What it does
Reports a `translationKey` used by more than one page of the same language, at
the key, naming the other pages. {_SITE}

## Why is this bad?
Hugo links translations by this key; with two pages in one language, the
language switcher points at either of them, without a warning.

## Example
```yaml
# content/en/about.md and content/en/team.md
translationKey: "about"
```
```console
$ fmlint content/
content/en/team.md:3:17: SITE005 translationKey `about` is also used by `content/en/about.md:3` in language `en`
```
Use instead: a key of its own for each page of a language.

{_OPTIONS}
""",
    ),
    Rule(
        "SITE006",
        "duplicate-title",
        "Two pages in one section have the same title.",
        Severity.WARNING,
        enabled=False,
        doc=f"""## What it does
Reports pages of the same language and folder whose titles are equal, ignoring
case (off by default: some sections repeat titles on purpose); a file the
generator writes no page of (Jekyll's `_template.md`) is not compared. {_SITE}

## Why is this bad?
Lists, search results and browser tabs show two entries nobody can tell apart.

## Example
```yaml
# content/posts/a.md and content/posts/b.md
title: "Release notes"
```
```console
$ fmlint --extend-select SITE006 content/
content/posts/b.md:2:8: SITE006 title `Release notes` is also the title of `content/posts/a.md:2` in `posts`
```
Use instead: titles that say which release.

{_OPTIONS}
""",
    ),
    Rule(
        "SITE007",
        "empty-taxonomy-term",
        "A taxonomy term has no letter or digit: empty, spaces or punctuation only.",
        Severity.WARNING,
        doc=f"""## What it does
Reports each term of a taxonomy (`tags`, `categories` and the site's
`[taxonomies]`) without a letter or a digit, and what Hugo does with it: drops
an empty one (`""`) without a word, writes the page of `?` or `…` to the
taxonomy's own list page (`/tags/`), where one overwrites the other, and makes a
page with nothing to read in its title for `" "` (`/tags/-/`) or `-`. {_SITE}

## Why is this bad?
The author meant a term: the article is missing from the term page they had in
mind, and readers find an unnamed term in the list, or none at all.

## Example
```markdown
---
title: "Price cuts"
tags: ["Go", ""]
---
```
```console
$ fmlint content/
content/posts/a.md:3:14: SITE007 tags term is empty: Hugo drops it without a word
```
Use instead: the term meant, or none.
```markdown
---
title: "Price cuts"
tags: ["Go", "Rust"]
---
```

## Fix
Unsafe (the front matter's list changes, even where Hugo drops the term): the
item is removed with its separator — in brackets (YAML flow, TOML, JSON) the
comma after it (or, for the last item, before it), or its whole line where it
stands alone on one (a YAML block list's `- ""`); none for a block list's only
item (the key would be left empty) or where a comment follows it on its line.

{_OPTIONS}
""",
        fix=UNSAFE,
    ),
    Rule(
        "SITE008",
        "broken-shortcode",
        "A Hugo shortcode that fails the build: unreadable, without a template, or closed against its template.",
        Severity.ERROR,
        doc=f"""## What it does
Reads a Hugo page's shortcode tags as Hugo's own lexer reads them — after the
front matter, in code spans, fences and HTML comments too (only
`{{{{</* … */>}}}}` is written out as text), in drafts, headless pages and bundles'
resources too — and reports what stops the build:
- the first tag Hugo cannot read, with Hugo's message: a positional parameter
  after named ones (`got positional parameter 'x'. Cannot mix named and
  positional parameters`), an unquoted `%` or `>` (`unrecognized character`), a
  quoted value its line ends, a closing tag for a shortcode never opened, a tag
  never closed by `>}}}}`;
- a shortcode without a template: none in the site's, its themes' and modules'
  `layouts/_shortcodes/` (or `layouts/shortcodes/`), in any case or variant, and
  none of Hugo's embedded ones (`figure`, `highlight`, `youtube`, …); or only
  one of a type's or section's folder (`layouts/docs/_shortcodes/`) that does
  not serve the page: Hugo looks it up by the page's type (its front matter's,
  a cascade's, else its first folder), then its folders;
- a tag closed against what its template takes: self-closed (`{{{{< x />}}}}`) or
  followed by a closing tag where the template never uses `.Inner`, or left open
  where it does (Hugo pairs a closing tag with the innermost open shortcode that
  takes content, whatever its name);
- Hugo's own `param` shortcode (`{{{{< param "version" >}}}}`) in a page Hugo
  builds, asking for a name that neither the page's front matter, nor its
  sections' `cascade`, nor the site's `params` (its language's, its themes'
  and modules') give a true value: its template stops the build (`Param
  "version" not found`; `false`, `0` and empty values too). Not judged where a
  value may come from elsewhere: a targeted cascade, a theme or module missing
  that is not a known one, a configuration file a build step writes (one a
  `.gitignore` of the configuration folder names), a `param` shortcode of the
  site's own;
- with `enableInlineShortcodes` (at the top of the configuration or under
  `security`), an inline shortcode used (`{{{{< x.inline />}}}}`,
  or an opening tag without its closing one) in a page Hugo builds before a tag
  pair of the page defines it (`{{{{< x.inline >}}}}…{{{{< /x.inline >}}}}`; names are
  case-sensitive): Hugo fails as it renders the page (`no earlier definition of
  shortcode "x.inline" found`).

Templates are judged only where the site is all here, or where each theme or
module it names that is missing (a git submodule not checked out, a module not
downloaded) is a known one — Docsy, Hugo Book, Hextra, PaperMod, Relearn and
the other themes whose parameters fmlint knows: the shortcodes any of their
versions has had, each with whether its templates take content (not judged
where they changed their mind over the years), at any version when none is
pinned, else at a `go.mod` version the data covers (a release it lists, or a
commit no newer than the newest it read). Not on a site without any layout
folder (its templates are elsewhere). Inline shortcodes' tags pair with each
other alone, whether Hugo's setting enables them or not; a shortcode whose
templates disagree on `.Inner` ends the pairing's check for the page. {_SITE}

## Why is this bad?
Hugo stops the build at the first such tag ("failed to extract shortcode"), and
names one file at a time: an imported article, or a theme's shortcode used after
the theme changed, breaks the site's next deploy.

## Example
```markdown
---
title: "Price cuts"
---

{{{{< youtube id="dQw4w9WgXcQ" />}}}}
{{{{% notice name="tip" Warning %}}}}
```
```console
$ fmlint content/
content/posts/a.md:5:1: SITE008 shortcode `youtube` takes no content (its template does not use `.Inner`), yet its tag is self-closed (`/>}}}}`): Hugo fails the build
content/posts/a.md:6:23: SITE008 Hugo fails the build: it cannot read this shortcode: got positional parameter 'Warning'. Cannot mix named and positional parameters
```
Use instead: the tag without its `/`, and the value named and quoted.
```markdown
---
title: "Price cuts"
---

{{{{< youtube id="dQw4w9WgXcQ" >}}}}
{{{{% notice name="tip" title="Warning" %}}}}
```

{_OPTIONS}
""",
    ),
)

SITE_CODES = frozenset(rule.code for rule in RULES)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Nothing per file: the linter extracts the file's facts, and the site pass reports."""
    return iter(())

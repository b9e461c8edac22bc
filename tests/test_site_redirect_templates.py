"""The rules a Hugo template writes to Netlify's ``_redirects``, read without running it (keda.sh's and
opentelemetry.io's ``layouts/index.redirects``), judged against the file Hugo writes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_site_rules import HUGO, _quiet_env, at, page, placed, site_findings, whole_indexes, write

from fmlint.cache import ResultCache
from fmlint.site.redirect_templates import follow, template_redirects
from fmlint.site.routes import matches


def rules(tmp_path: Path, template: str, partials: dict[str, str] | None = None, params: dict | None = None):
    write(
        tmp_path,
        {"layouts/index.redirects": template, **{f"layouts/_partials/{k}": v for k, v in (partials or {}).items()}},
    )
    return template_redirects(
        str(tmp_path / "layouts/index.redirects"), [str(tmp_path / "layouts")], params or {}, ("en", "fr"), "en"
    )


def test_literal_lines_are_routes_and_404_rules_are_not(tmp_path):
    """A rule whose target takes the source's splat or placeholder leads a link on to be judged there."""
    template = "# comment\n/old   /new   301!\n/gone  /404.html  404\n/docs/*  /v2/docs/:splat\n/u/:id  /users/:id\n"
    found = rules(tmp_path, template)
    assert [matches(tuple(found.sources), path) for path in ("/old", "/old/", "/gone", "/docs/a/b", "/doc")] == [
        True,
        True,
        False,
        False,
        False,
    ]
    followed = tuple(found.followed)
    assert [follow(followed, path) for path in ("/docs/a/b/", "/docs", "/u/7", "/u/7/x")] == [
        ["/v2/docs/a/b"],
        ["/v2/docs/"],
        ["/users/7"],
        [],
    ]
    assert found.params == []


def test_known_values_make_one_rule_each(tmp_path):
    """keda.sh: a `slice` ranged over, a site parameter through `index`, `printf` with a padded width."""
    template = (
        "{{ $latest := index site.Params.versions.docs 0 -}}\n"
        "/docs/latest/*   /docs/{{ $latest }}/:splat   302\n"
        '{{ $top := slice "scalers" "faq" -}}\n'
        "{{ range $name := $top -}}\n"
        '{{ $name | printf "/%-29s" }}  /docs/{{ $latest }}/{{ $name }}     301!\n'
        "{{ end -}}\n"
    )
    found = rules(tmp_path, template, params={"versions": {"docs": ["2.20", "2.19"]}})
    assert sorted(set(found.sources)) == ["/faq", "/scalers"]
    assert follow(tuple(found.followed), "/docs/latest/setup/") == ["/docs/2.20/setup"]


def test_a_source_written_in_part_matches_only_paths_of_its_shape(tmp_path):
    """grpc.io: `/{{ .File.Dir }}api` (one rule a language section) is a path ending in `api`; it made every path a
    redirect's source, and no root link on the site was judged. A value written after a folder may be empty
    (`/docs/{{ x }}` is `/docs` too); `/grpc-*`'s splat takes the rest of a segment (Netlify's rule)."""
    template = (
        '{{ range (site.GetPage "/docs").Sections }}/{{ .File.Dir }}api  https://api.example.com/ 301!\n{{ end }}'
        "/blog/{{ .Date }}/:slug  /news/\n/grpc-*  https://grpc.github.io/grpc-:splat\n"
    )
    routes = tuple(rules(tmp_path, template).sources)
    paths = ("/docs/go/api", "/api", "/docs/nonexistent", "/blog", "/blog/2020/x", "/grpc-java/a.html", "/grpc")
    assert [matches(routes, path) for path in paths] == [True, True, False, False, True, True, False]


def test_partials_are_read_in_place_and_definitions_write_nothing(tmp_path):
    template = '{{ partial "redirects/a.txt" . | partial "trim.html" }}\n/b  /x\n'
    partials = {
        "redirects/a.txt": '/a  /x\n{{- define "partials/helper" -}}\n/never  /x\n{{- end }}\n',
        "trim.html": "{{ . }}",
    }
    found = rules(tmp_path, template, partials)
    assert sorted(found.sources) == ["/a", "/b"]


def test_a_partial_whose_text_a_variable_takes_is_read_in_place(tmp_path):
    """jaegertracing.io: `{{ $redirects := partial "redirects.txt" . }}`, its lines then sorted and written; a
    partial that returns a value (`{{ return $files }}`) writes no rules."""
    template = (
        '{{ $redirects := partial "redirects.txt" . -}}\n{{ $files := partial "files.txt" . -}}\n'
        '{{ delimit (sort (split $redirects "\\n")) "\\n" }}\n'
    )
    partials = {
        "redirects.txt": "{{ $latest := site.Params.latest -}}\n/docs/latest/*   /docs/{{ $latest }}/:splat  302\n",
        "files.txt": "/not/a  /rule\n{{ return slice }}\n",
    }
    found = rules(tmp_path, template, partials, params={"latest": "2.3"})
    assert found.sources == []
    assert follow(tuple(found.followed), "/docs/latest/architecture/") == ["/docs/2.3/architecture"]


def test_page_parameters_written_as_sources(tmp_path):
    """opentelemetry.io: `redirects: [{from: slack-channel, to: '#slack'}]` in a page's front matter; a
    parameter written as the target (`redirect`) and the aliases (known already) are no sources of it."""
    template = (
        "{{ range $p := .Site.Pages -}}\n"
        "  {{ range $p.Params.redirects -}}\n"
        '    {{ $from := cond (strings.HasPrefix .from "/") .from (print $p.RelPermalink .from) -}}\n'
        '    {{ $from | printf "%-35s" }} {{ $p.RelPermalink }}{{ .to }}\n'
        "  {{ end -}}\n"
        "  {{ with $p.Params.redirect -}}\n"
        '    {{ $p.RelPermalink | printf "%-35s" }} {{ . }}\n'
        "  {{ end -}}\n"
        "  {{ range $alias := $p.Aliases }}{{ $alias }}  {{ $p.RelPermalink }}\n{{ end -}}\n"
        "{{ end -}}\n"
    )
    found = rules(tmp_path, template)
    assert found.params == [("redirects", "from")] and found.sources == [] and found.followed == []


def test_a_value_not_known_carried_to_the_target_is_followed(tmp_path):
    template = (
        "{{ with hugo.Sites.Default }}{{ with .Language.Name -}}\n/{{ . }}/*  /:splat\n{{ end }}{{ end -}}\n"
        '{{ range (.Site.GetPage "/docs/instrumentation").Pages -}}\n'
        "{{ $lang := .File.ContentBaseName -}}\n"
        "/docs/{{ $lang }}/*  /docs/instrumentation/{{ $lang }}/:splat\n"
        "/docs/v2/{{ .Title }}  /docs/\n"
        '{{ .File.ContentBaseName | printf "/old/%-20s" }}  /new/{{ .File.ContentBaseName }}/\n'
        "{{ end -}}\n"
    )
    found = rules(tmp_path, template)
    assert follow(tuple(found.followed), "/old/java/") == ["/new/java/"]
    assert found.sources == ["/docs/v2(?:/.*)?"]  # (`/docs/`: a constant target carries no value)
    rules_followed = tuple(found.followed)
    assert follow(rules_followed, "/en/docs/x/") == ["/docs/x"]  # (the default language's name is known)
    assert follow(rules_followed, "/docs/java/sdk/") == ["/docs/instrumentation/java/sdk"]
    assert follow(rules_followed, "/docs/java") == ["/docs/instrumentation/java/"]
    assert follow(rules_followed, "/blog/x/") == []


REDIRECT_LINKS = (
    "[a](/docs/latest/setup/) [b](/community/slack/) [c](/chat/) [d](/en/guides/intro/#start)"
    " [e](/en/guides/nope/) [f](/en/guides/intro/#nope) [g](/old/intro/#start) [h](/old/gone/)"
    " [i](/setup) [j](/never) [k](/faqs)\n"
)
TWO_LANGUAGES_YAML = """baseURL: https://example.org/
defaultContentLanguage: en
languages:
  en: {weight: 1, contentDir: content/en}
  fr: {weight: 2, contentDir: content/fr}
"""
# the home page written as Netlify's `_redirects` too (its template: `layouts/index.redirects`), and the layouts
REDIRECTS_OUTPUT = {
    "hugo.yaml": """mediaTypes: {text/netlify: {delimiter: ""}}
outputFormats: {redirects: {mediaType: text/netlify, baseName: _redirects, notAlternative: true}}
cascade:
  - outputs: [HTML, redirects]
    target: {kind: home}
""",
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
}
REDIRECT_SITE = {
    **REDIRECTS_OUTPUT,
    "hugo.yaml": TWO_LANGUAGES_YAML + 'params: {versions: {docs: ["2.1", "2.0"]}}\n' + REDIRECTS_OUTPUT["hugo.yaml"],
    "layouts/index.redirects": """{{ $latest := index site.Params.versions.docs 0 -}}
/docs/latest/*   /docs/{{ $latest }}/:splat   302
{{ partial "redirects/pages.txt" . -}}
{{ partial "redirects/languages.txt" . -}}
{{ range $name := slice "setup" "faq" -}}
{{ $name | printf "/%-10s" }}  /docs/{{ $latest }}/{{ $name }}/  301
{{ end -}}
""",
    "layouts/_partials/redirects/pages.txt": """{{ range $p := .Site.Pages -}}
{{ range $p.Params.redirects -}}
{{ $from := cond (strings.HasPrefix .from "/") .from (print $p.RelPermalink .from) -}}
{{ $from }}  {{ $p.RelPermalink }}{{ .to }}
{{ end -}}
{{ end -}}
{{- define "partials/unused" -}}/never  /x{{- end -}}
""",
    "layouts/_partials/redirects/languages.txt": """{{ with hugo.Sites.Default -}}
{{ with .Language.Name -}}
/{{ . }}/*  /:splat
{{ end -}}
{{ end -}}
{{ range $p := where site.RegularPages "Section" "guides" -}}
{{ $name := $p.File.ContentBaseName -}}
/old/{{ $name }}/*  /guides/{{ $name }}/:splat
{{ end -}}
""",
    "content/en/community.md": page(
        'title: "Community"',
        'redirects: [{from: slack, to: "#slack"}, {from: /chat/, to: /community/}]',
        body="## Slack\n",
    ),
    "content/en/docs/2.1/setup.md": page('title: "Setup"', body="## Install\n"),
    "content/en/docs/2.1/faq.md": page('title: "FAQ"'),
    "content/en/guides/intro.md": page('title: "Intro"', body="## Start\n"),
    "content/en/p.md": page('title: "P"', body=REDIRECT_LINKS),
    "content/fr/_index.md": page('title: "Accueil"'),
}


@pytest.mark.parametrize("built", [False, True] if HUGO else [False])
def test_links_through_template_redirects_are_judged_where_they_lead(tmp_path, built):
    """A link a literal rule (or a page parameter's value) redirects is good; one a rule with a value not known
    leads on (`/en/*` to `/:splat`, `/old/{name}/*` to `/guides/{name}/:splat`) is judged at its target, its
    fragment too; a `define` block writes no rule.  Hugo's own `_redirects` holds the rules read here."""
    write(tmp_path, REDIRECT_SITE)
    if built:
        subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, check=True, timeout=300, env=_quiet_env())
        written = [line.split() for line in (tmp_path / "public/_redirects").read_text().splitlines() if line.strip()]
        assert [fields[:2] for fields in written] == [
            ["/docs/latest/*", "/docs/2.1/:splat"],
            ["/community/slack", "/community/#slack"],
            ["/chat/", "/community//community/"],
            ["/en/*", "/:splat"],
            ["/old/intro/*", "/guides/intro/:splat"],
            ["/setup", "/docs/2.1/setup/"],
            ["/faq", "/docs/2.1/faq/"],
        ]
        assert 'id="start"' in (tmp_path / "public/guides/intro/index.html").read_text(encoding="utf-8")
    found = site_findings(tmp_path)
    assert placed(found) == [
        f"content/en/p.md:{at(5, REDIRECT_LINKS, '/en/guides/nope/')} SITE003",
        f"content/en/p.md:{at(5, REDIRECT_LINKS, '/en/guides/intro/#nope')} SITE004",
        f"content/en/p.md:{at(5, REDIRECT_LINKS, '/old/gone/')} SITE003",
        f"content/en/p.md:{at(5, REDIRECT_LINKS, '/never')} SITE003",
        f"content/en/p.md:{at(5, REDIRECT_LINKS, '/faqs')} SITE003",
    ]
    assert re.search(
        r"`/en/guides/nope/` is no page's URL, and the site's `_redirects` sends it to `/guides/nope`", found[0]
    )


def test_the_findings_of_a_site_showing_a_page_with_redirects_in_two_languages_are_kept(tmp_path, monkeypatch):
    """A page's keys are kept by file: English pages shown in French too (a fallback mount) have the redirect
    of their `from: /chat/` parameter on both pages, kept once with their uses added (two rows of one file and
    key failed the whole keep, so every later run indexed the whole site: opentelemetry.io)."""
    config = REDIRECT_SITE["hugo.yaml"].replace(", contentDir: content/en", "").replace(", contentDir: content/fr", "")
    config += "module:\n  mounts:\n" + "".join(
        f"    - {{source: content/{source}, target: content, sites: {{matrix: {{languages: [{language}]}}}}}}\n"
        for source, language in (("en", "en"), ("fr", "fr"), ("en", "fr"))
    )
    write(tmp_path, {**REDIRECT_SITE, "hugo.yaml": config})
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)
    wholes = whole_indexes(monkeypatch)
    run = ["content/en/p.md"]
    assert site_findings(tmp_path, run, cache) == site_findings(tmp_path, run) != []
    assert wholes == [1]  # (the run without the cache)

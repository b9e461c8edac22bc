"""Hugo's ``disableKinds``: which taxonomy pages a site has, as Hugo builds them.

``taxonomy`` is the page listing a taxonomy's terms (``/tags/``), ``term`` each
term's page (``/tags/tracing/``): with ``taxonomy`` disabled the terms' pages
are still written (jaegertracing.io), so their variants (SITE002) and links to
them still matter; with ``term`` disabled neither does.
"""

from __future__ import annotations

import pytest
from test_site_rules import hugo_build, needs_hugo, page, placed, site_findings, write

BODY = "[t](/tags/tracing/) [l](/tags/)\n"
LINKS = {"/tags/tracing/": "6:5-6:19", "/tags/": "6:25-6:31"}


def kinds_site(tmp_path, disabled: list[str]):
    write(
        tmp_path,
        {
            "hugo.toml": f'baseURL = "https://example.org/"\ndisableKinds = {disabled!r}\n'.replace("'", '"'),
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "list",
            "content/a.md": page("title: A", "tags: [Tracing]", body=BODY),
            "content/b.md": page("title: B", 'tags: ["tracing "]'),
        },
    )


KINDS = [[], ["taxonomy"], ["term"], ["taxonomy", "term"]]


@pytest.mark.parametrize("disabled", KINDS)
def test_taxonomy_pages_by_kind(tmp_path, disabled):
    kinds_site(tmp_path, disabled)
    broken = [link for link in LINKS if ("taxonomy" if link == "/tags/" else "term") in disabled]
    expected = [f"content/a.md:{LINKS[link]} SITE003" for link in broken]
    variant = [] if "term" in disabled else ["content/b.md:3:8-3:18 SITE002"]
    assert placed(site_findings(tmp_path)) == expected + variant


@needs_hugo
@pytest.mark.parametrize("disabled", KINDS)
def test_taxonomy_pages_by_kind_as_hugo_builds_them(tmp_path, disabled):
    """Each link fmlint calls broken is a page Hugo does not write; SITE002 only where `/tags/tracing-/` is one."""
    kinds_site(tmp_path, disabled)
    out = hugo_build(tmp_path)
    found = placed(site_findings(tmp_path))
    for link, span in LINKS.items():
        assert (f"content/a.md:{span} SITE003" in found) == (not (out / link.strip("/") / "index.html").exists())
    assert ("content/b.md:3:8-3:18 SITE002" in found) == (out / "tags/tracing-/index.html").exists()

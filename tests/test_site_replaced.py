"""Files with one content key in one language: which one Hugo keeps (``SiteIndex._replaced``).

bghiphop-archives keeps `content/_index.md` beside `content/_index.bg.md` (`bg` its only language): Hugo 0.168
builds the one whose name gives its language, in 200 of 200 builds under load, and never the other. Of
`a.md` beside `a/_index.md` it keeps the section in 28 of 30: the finding does not say which.
"""

from __future__ import annotations

from pathlib import Path

from test_site_rules import hugo_permalinks, index_of, needs_hugo, page, site_findings, write

SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "bg"\n[languages.bg]\nweight = 1\n',
    "layouts/single.html": "{{ .Content }}",
    "layouts/list.html": "{{ .Content }}",
    "content/docs/a.md": page("title: Plain", body="## Plain only\n"),
    "content/docs/a.bg.md": page("title: Named", body="## Named only\n"),
    "content/docs/b.md": page("title: Page"),
    "content/docs/b/_index.md": page("title: Section"),
    "content/docs/links.md": page("title: Links", body="[p](/docs/a/#plain-only) [n](/docs/a/#named-only)\n"),
}


def said(root: Path) -> dict[str, str]:
    found = [line.replace(f"{root}/", "") for line in site_findings(root)]
    return {line.split(":")[0]: line.split("; ")[-1] for line in found if "one page to Hugo" in line}


def test_the_file_named_with_its_language_is_kept(tmp_path: Path) -> None:
    write(tmp_path, SITE)
    assert said(tmp_path) == {
        "content/docs/a.bg.md": "it keeps this one, whose name gives its language",
        "content/docs/a.md": "it keeps `content/docs/a.bg.md`, whose name gives its language: this one is never built",
        "content/docs/b.md": "it keeps one of them",
        "content/docs/b/_index.md": "it keeps one of them",
    }
    broken = [line.split(" ", 2)[:2] for line in site_findings(tmp_path) if " SITE004 " in line]
    assert broken == [["content/docs/links.md:5:5-5:24", "SITE004"]]  # (`#plain-only`: the page left out's)
    built = [page.file for page in index_of(tmp_path).pages if page.file and page.renders and page.url == "/docs/a/"]
    assert built == [str(tmp_path / "content/docs/a.bg.md")]


@needs_hugo
def test_hugo_keeps_the_file_named_with_its_language(tmp_path: Path) -> None:
    write(tmp_path, SITE)
    listed = hugo_permalinks(tmp_path)
    assert [path for path, url in listed.items() if url == "/docs/a/"] == [str(tmp_path / "content/docs/a.bg.md")]

"""Where a reference leads (``fmlint.site.targets``, the language server's go to definition): the same page
and heading over the part of the site a run over the file indexes from the kept keys as over the whole site."""

from __future__ import annotations

from pathlib import Path

import fmlint.site.sitepass as sitepass
from fmlint.cache import ResultCache
from fmlint.linter import context, lint_path, read_path
from fmlint.rules.base import Context
from fmlint.site.targets import Target, reference_at, target_of
from tests.test_site_rules import SITE_SETTINGS, page, site_findings, write

SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "content/docs/guide/install.md": page('title: "Install"', body="## Setup\n\n## Setup\n\nTerm\n: its definition\n"),
    "content/docs/guide/_index.md": page('title: "Guide"'),
    "content/docs/other/install.md": page('title: "Install too"'),
    "content/docs/use.md": page(
        'title: "Use"',
        body='{{< ref "guide/install#setup-1" >}} {{< relref "/docs/guide" >}} [a](guide/install.md#setup)\n'
        '[b](/docs/guide/install/) [c](#here) [d](gone.md) [e](other/install.md#nope) {{< ref "install" >}}\n'
        "\n## Here\n",
    ),
}


def targets(root: Path, cache: ResultCache | None) -> list[tuple[str, int | None] | None]:
    """Each reference of ``use.md``: the file it leads to (relative) and the line of the heading, if any."""
    path = str(root / "content/docs/use.md")
    result = lint_path(path, SITE_SETTINGS)
    assert result.facts is not None
    found = sitepass.page_index(result, lambda _: SITE_SETTINGS, cache)
    assert found is not None
    led: list[tuple[str, int | None] | None] = []
    for reference in sorted(result.facts.references, key=lambda each: each.start):  # (in the text's order)
        assert reference_at(result.facts, reference.start) == reference
        target = target_of(*found, reference, _parsed)
        led.append(None if target is None else _placed(root, target))
    return led


def _parsed(file: str) -> Context:
    return context(read_path(file, SITE_SETTINGS.max_file_size), SITE_SETTINGS)[0]


def _placed(root: Path, target: Target) -> tuple[str, int | None]:
    text = Path(target.path).read_text(encoding="utf-8")
    line = None if target.span is None else text.count("\n", 0, target.span.start) + 1
    return str(Path(target.path).relative_to(root)), line


EXPECTED = [
    ("content/docs/guide/install.md", 7),  # `#setup-1`: the second `## Setup`
    ("content/docs/guide/_index.md", None),
    ("content/docs/guide/install.md", 5),
    ("content/docs/guide/install.md", None),
    ("content/docs/use.md", 8),
    None,  # gone.md: no page
    ("content/docs/other/install.md", None),  # (no such heading: the page's top)
    None,  # `install`: two pages of the name, ambiguous
]


def test_a_reference_leads_to_the_page_and_heading_over_the_whole_site_or_the_kept_part(tmp_path, monkeypatch):
    write(tmp_path, SITE)
    assert targets(tmp_path, None) == EXPECTED
    cache = ResultCache(tmp_path / ".cache", racy_ns=0)
    site_findings(tmp_path, cache=cache)  # (the site's findings and keys kept)
    parts: list[int] = []
    real = sitepass._partial_index
    monkeypatch.setattr(sitepass, "_partial_index", lambda *a: parts.append(1) or real(*a))
    assert targets(tmp_path, cache) == EXPECTED
    write(tmp_path, {"content/docs/guide/install.md": page('title: "Install"', body="## Intro\n\n## Setup\n")})
    moved = [*EXPECTED]
    moved[0], moved[2] = ("content/docs/guide/install.md", None), ("content/docs/guide/install.md", 7)
    assert targets(tmp_path, cache) == targets(tmp_path, None) == moved  # (a file changed outside: read now)
    assert len(parts) == 2


def test_the_heading_of_a_python_markdown_id(tmp_path):
    """MkDocs numbers a duplicate heading's ID its own way (``setup_1``): the heading is the second."""
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: t\n",
            "docs/install.md": "# Install\n\n## Setup\n\n## Setup\n",
            "docs/use.md": "# Use\n\n[a](install.md#setup_1) [b](install.md#setup)\n",
        },
    )
    path = str(tmp_path / "docs/use.md")
    result = lint_path(path, SITE_SETTINGS)
    assert result.facts is not None
    found = sitepass.page_index(result, lambda _: SITE_SETTINGS, None)
    assert found is not None
    first, second = sorted(result.facts.references, key=lambda each: each.start)
    assert [_placed(tmp_path, target_of(*found, each, _parsed)) for each in (first, second)] == [  # type: ignore[arg-type]
        ("docs/install.md", 5),
        ("docs/install.md", 3),
    ]

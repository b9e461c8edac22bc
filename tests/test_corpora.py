"""Real sites' content (../shared/corpora), when present beside the checkout."""

from pathlib import Path

import pytest
from support import CORPORA, assert_inside, settings_with

from fmlint.config.resolve import Overrides, Resolver
from fmlint.discover import discover
from fmlint.linter import lint_file, lint_path, read_path
from fmlint.rules import RULES_BY_CODE

SITES = ["hugo-docs", "rust-blog"]
needs_corpora = pytest.mark.skipif(CORPORA is None, reason="../shared/corpora is not present")
SYNTAX_AND_SCHEMA = frozenset(
    code for code, rule in RULES_BY_CODE.items() if rule.enabled and not code.startswith(("MD", "MKD", "SUP"))
)


def lint_site(site, **options):
    assert CORPORA is not None
    settings = settings_with({}, **options)
    files = discover([str(CORPORA / site / "content")])
    assert len(files) > 500
    return [d for path in files for d in lint_path(path, settings).diagnostics]


@needs_corpora
@pytest.mark.parametrize("site", SITES)
def test_permissive_schema_finds_no_syntax_errors(site):
    assert lint_site(site, enabled_codes=SYNTAX_AND_SCHEMA) == []


@needs_corpora
def test_hugo_shortcodes_give_no_markdown_findings_only_the_real_unclosed_fences():
    found = {(Path(d.path).name, d.line, d.code) for d in lint_site("hugo-docs")}
    assert found == {
        ("Before.md", 12, "MKD001"),
        ("IsZero.md", 12, "MKD001"),
        ("UTC.md", 12, "MKD001"),
        ("Weekday.md", 21, "MKD001"),
    }


@needs_corpora
@pytest.mark.parametrize("site", SITES)
def test_matching_settings_crash_nowhere_and_stay_inside_the_files(site, tmp_path):
    """hugo-docs with the Hugo preset; rust-blog (a Zola site) with a permissive schema."""
    assert CORPORA is not None
    permissive = tmp_path / "permissive.json"
    permissive.write_text("{}")
    chosen = {"hugo-docs": {"preset": "hugo"}, "rust-blog": {"schema": str(permissive)}}[site]
    root = CORPORA / site
    resolver = Resolver(Overrides(isolated=True, check_links=True, **chosen), cwd=root)  # links: URLs collected
    files = discover([str(root)], resolver.project_for)
    assert len(files) > 500
    diagnostics = urls = 0
    for path in files:
        settings = resolver.settings_for(path)
        doc = read_path(path, settings.max_file_size)
        result = lint_file(doc, settings)
        assert_inside(doc, result)
        diagnostics += len(result.diagnostics)
        urls += len(result.urls)
    assert urls > 500  # remote image and link URLs: the Markdown bodies were parsed
    assert diagnostics > 0  # real findings (e.g. the unclosed fences above), each checked

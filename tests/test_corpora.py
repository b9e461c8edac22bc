"""Real sites' content (../shared/corpora), when present beside the checkout."""

from pathlib import Path

import pytest

from fmlint.discover import discover
from fmlint.linter import lint_path
from support import settings_with

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SITES = ["hugo-docs", "rust-blog"]


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not present")
@pytest.mark.parametrize("site", SITES)
def test_permissive_schema_finds_no_syntax_errors(site):
    settings = settings_with({})
    files = discover([str(CORPORA / site / "content")])
    assert len(files) > 500
    diagnostics = [d for path in files for d in lint_path(path, settings).diagnostics]
    assert diagnostics == []

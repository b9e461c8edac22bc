"""Safe fixes over copies of real sites change neither front-matter data nor Markdown structure
(see ``fix_corpus_check``; each site skips when it is not present)."""

from __future__ import annotations

import shutil

import pytest
from fix_corpus_check import SITES, check_site, site_root
from support import CORPORA


@pytest.mark.parametrize("name", sorted(SITES))
def test_safe_fixes_keep_data_and_structure(name, tmp_path):
    root = site_root(name, CORPORA)
    if root is None:
        pytest.skip(f"{name} is not present (../shared/corpora, or /work/fetched for nodejs.org)")
    report = check_site(root, name, tmp_path)
    assert report.files > 500
    assert report.data_differs == [] and report.structure_differs == []
    assert report.reverted == 0
    assert bool(report.changed) == bool(report.fixes)  # files change only by the fixes reported
    assert report.hugo_differs == []
    if name == "hugo-docs":  # bare URLs: safe to autolink for Hugo, which links them already
        assert report.fixes == {"MD034": 8} and report.changed == 8
        if shutil.which("hugo"):  # and Hugo itself renders each page the same
            assert report.hugo_same == 8

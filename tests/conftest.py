"""Every test runs with its own result cache (``$FMLINT_CACHE_DIR``): none writes ``.fmlint_cache`` into the
working folder, nor reads what an earlier test or run left there. Tests of the default location unset it."""

from __future__ import annotations

import pytest

from fmlint.cache import DIR_VARIABLE


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DIR_VARIABLE, str(tmp_path_factory.mktemp("fmlint-cache")))

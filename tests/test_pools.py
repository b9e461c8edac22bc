"""Worker pools end by closing, not by terminating (``fmlint.pools``): terminating can hang for ever."""

from __future__ import annotations

import multiprocessing.pool
import os

import pytest

from fmlint.cli import main
from fmlint.pools import worker_pool


@pytest.fixture
def terminated(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The pools terminated while the test runs (they still are)."""
    pools: list[object] = []
    terminate = multiprocessing.pool.Pool.terminate

    def recorded(pool: multiprocessing.pool.Pool) -> None:
        pools.append(pool)
        terminate(pool)

    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate", recorded)
    return pools


def _square(number: int) -> int:
    if number == 3:
        raise ValueError("three")
    return number * number


@pytest.mark.parametrize("schema", ['{"type": "object"}', '{"properties": {"title": {"pattern": "(?<x>a)"}}}'])
def test_a_run_in_worker_processes_closes_its_pool(tmp_path, capsys, terminated, schema):
    """A run that ends as it should, and one whose schema's defect is found in a worker (an error ends it)."""
    (tmp_path / "schema.json").write_text(schema)
    for number in range(70):  # enough for the worker pool
        (tmp_path / f"post-{number}.md").write_text("---\ntitle: a\n---\n## A\n")
    status = main(["--no-cache", "--jobs", "2", "--schema", str(tmp_path / "schema.json"), str(tmp_path)])
    valid = schema == '{"type": "object"}'
    assert (status, terminated) == ((0, []) if valid else (2, []))
    assert capsys.readouterr().out == ("All checks passed (70 files checked).\n" if valid else "")


def test_an_error_in_the_body_waits_for_the_tasks_left():
    with pytest.raises(ValueError, match="three"), worker_pool(2) as pool:
        pending = pool.map_async(_square, range(6, 40))
        list(pool.imap(_square, range(5)))
    assert pending.ready() and pending.get() == [number * number for number in range(6, 40)]


def test_an_interrupted_run_terminates_its_pool(terminated):
    with pytest.raises(KeyboardInterrupt), worker_pool(2) as pool:
        assert pool.apply(os.getpid) != os.getpid()
        raise KeyboardInterrupt
    assert [type(pool) for pool in terminated] == [multiprocessing.pool.Pool]

"""How a command runs the cyclic garbage collector: objects that live until it exits are never scanned."""

from __future__ import annotations

import gc

import pytest

from fmlint import gc_policy


@pytest.fixture(autouse=True)
def _thawed():
    yield
    gc.unfreeze()  # (the process running the tests goes on)


def test_objects_kept_until_a_command_exits_are_frozen_and_collection_resumes():
    with gc_policy.for_a_command():
        before = gc.get_freeze_count()
        with gc_policy.kept_until_exit():
            assert not gc.isenabled()
            kept = [[number] for number in range(1000)]  # (lists: tracked by the collector)
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
        assert gc.get_threshold() == gc_policy.THRESHOLDS


def test_outside_a_command_the_collector_is_left_alone():
    before = gc.get_freeze_count()
    with gc_policy.kept_until_exit():
        assert gc.isenabled()
        kept = [[number] for number in range(1000)]
    assert gc.get_freeze_count() == before and len(kept) == 1000

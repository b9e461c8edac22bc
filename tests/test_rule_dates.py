"""DT rules: Hugo dates in YAML, TOML and JSON front matter, with exact positions."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import PERMISSIVE, check

from fmlint.dates import DateError, parse_hugo_date
from fmlint.rules import RULES_BY_CODE

WITH_OPTIONAL = frozenset(RULES_BY_CODE)  # DT004 and DT005 are off by default


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-07",
        "2025-02-07 11:51:26",
        "2025-02-07T11:51:26",
        "2025-02-07T11:51:26Z",
        "2025-02-07T11:51:26.123456789+08:00",
        "2025-02-07T11:51:26-0700",
        "2025-02-07 11:51:26 -07:00",
        "2025-02-07 11:51:26 -0700",
        "2025-02-07 11:51:26Z",
        "2025-02-07 11:51:26+08:00",
        "2025-02-07 11:51:26.5 -0700 MST",
        "Fri, 07 Feb 2025 11:51:26 GMT",
        "Fri, 07 Feb 2025 11:51:26 +0800",
        "07 Feb 25 11:51 UTC",
        "Friday, 07-Feb-25 11:51:26 UTC",
        "Fri Feb  7 11:51:26 2025",
        "Fri Feb 07 11:51:26 +0800 2025",
        "07 Feb 2025",
        # Go's layout hour `15` reads one digit too (Hugo 0.168 builds digital.gov's 407 such dates)
        "2017-05-17 4:51:55 -0400",
        "2017-05-17 4:51:55",
        "2017-05-17T4:51:55Z",
    ],
)
def test_hugo_layouts_are_accepted(text):
    parse_hugo_date(text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2019/10/13 20:46:25", dt.datetime(2019, 10, 13, 20, 46, 25)),
        ("Nov 1, 2014", dt.datetime(2014, 11, 1)),
        ("1992-02-25 13:22", dt.datetime(1992, 2, 25, 13, 22)),  # (V8 reads a time without seconds: Velite's example)
        ("2024-1-5 9:05", dt.datetime(2024, 1, 5, 9, 5)),
    ],
)
def test_javascript_readers_read_dates_as_new_date_does(text, read):
    for generator in ("Hexo", "Next.js", "Gatsby", "Nuxt"):
        assert parse_hugo_date(text, generator).value == read
    with pytest.raises(DateError):
        parse_hugo_date(text)  # (Hugo reads none of them)


def test_a_one_digit_hour_is_read_as_its_two_digits():
    assert parse_hugo_date("2017-05-17 4:51:55 -0400") == parse_hugo_date("2017-05-17 04:51:55 -0400")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("last thursday", "is not a date Hugo can read"),
        ("2025-02-07T11:51", "is not a date layout Hugo accepts"),  # Go layouts all have seconds
        ("2025-02-07T11:51:26 +08:00", "is not a date layout Hugo accepts"),  # a space only after " 15:04:05"
        ("2025/02/07", "is not a date Hugo can read"),
        ("2025-13-07", "month 13 is out of range (01-12)"),
        ("2024-02-30", "day 30 is out of range for February 2024 (01-29)"),
        ("2025-02-07 25:61:00", "hour 25 is out of range (00-23)"),
        ("2025-02-07 23:61:00", "minute 61 is out of range (00-59)"),
        ("2025-02-07 9:5:00", "is not a date layout Hugo accepts"),  # Go's `04` minute: two digits
        ("2025-02-07 9:05", "is not a date layout Hugo accepts"),
        ("2025-02-07T10:00:00+25:00", "time-zone offset +25:00 is out of range"),
        ("Fri, 31 Feb 2025 11:51:26 GMT", "has impossible values"),
        ("0000-01-01", "year 0000 is out of range"),
    ],
)
def test_bad_dates_say_why(text, reason):
    with pytest.raises(DateError) as caught:
        parse_hugo_date(text)
    assert reason in str(caught.value)


GO_LAYOUTS = [  # strftime spellings of Go layouts Hugo tries, with the offset written as +08:00 or +0800
    "%Y-%m-%dT%H:%M:%S+08:00",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S+0800",
    "%Y-%m-%d %H:%M:%S +08:00",
    "%Y-%m-%d %H:%M:%S +0800",
    "%Y-%m-%d %H:%M:%S+08:00",
    "%Y-%m-%d %H:%M:%S",
]


@given(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)), st.sampled_from(GO_LAYOUTS))
def test_every_written_datetime_reads_back(value, layout):
    value = value.replace(microsecond=0)
    parsed = parse_hugo_date(value.strftime(layout.replace("%Y", f"{value.year:04d}")))  # %Y is unpadded below 1000
    assert parsed.value.replace(tzinfo=None) == value
    assert parsed.has_offset == ("08" in layout)


def test_invalid_dates_are_reported_at_each_value_yaml():
    source = '---\ntitle: x\ndate: 2025-02-30\nlastmod: "2025-13-07"\npublishDate: last thursday\n---\n'
    diagnostics = check(source, [(3, 7, "DT001"), (4, 10, "DT001"), (5, 14, "DT001")])
    assert [d.message for d in diagnostics] == [
        "date: day 30 is out of range for February 2025 (01-28)",
        "lastmod: month 13 is out of range (01-12)",
        "publishDate: `last thursday` is not a date Hugo can read",
    ]


def test_invalid_date_toml_and_json():
    check('+++\ntitle = "x"\ndate = "2025-02-07 25:61:00"\n+++\n', [(3, 8, "DT001")])
    check('{\n  "title": "x",\n  "date": "2025-02-30"\n}\n', [(3, 11, "DT001")])


def test_field_names_are_case_insensitive_and_aliases_count():
    source = "---\nDate: 2025-02-30\nPubDate: nope\nmodified: 2025-00-01\nUnpublishDate: 2025-02-07 24:00:00\n---\n"
    check(source, [(2, 7, "DT001"), (3, 10, "DT001"), (4, 11, "DT001"), (5, 16, "DT001")], schema=PERMISSIVE)


def test_seed_and_native_toml_dates_are_fine():
    check('---\ntitle: x\ndate: "2025-02-07 11:51:26"\n---\n', [])
    check(
        '+++\ntitle = "x"\ndate = 2025-03-01T09:30:00Z\nlastmod = 2025-03-02T10:00:00+01:00\nexpiryDate = 2026-01-01\n+++\n',
        [],
    )


def test_empty_date_means_unset_and_a_number_is_hugos_unix_time():
    [number, _schema] = check('---\ntitle: x\ndate: ""\nlastmod: 5\n---\n', [(4, 10, "DT006"), (4, 10, "SC001")])
    assert (
        number.message
        == "lastmod: `5` is a number: Hugo reads it as 5 seconds after 1970 (1970-01-01T00:00:05Z), not a date"
    )


def test_custom_date_fields():
    options = {"dates": {"date-fields": ["date", "released"]}}
    check("---\nreleased: 2025-02-30\n---\n", [(2, 11, "DT001")], schema=PERMISSIVE, rule_options=options)


def test_lastmod_before_date_is_reported_at_lastmod():
    [diagnostic] = check("---\ntitle: x\ndate: 2025-02-07\nlastmod: 2024-02-08\n---\n", [(4, 10, "DT002")])
    assert diagnostic.message == "lastmod (2024-02-08 00:00:00) is earlier than date (2025-02-07 00:00:00)"


def test_lastmod_before_publish_date_toml():
    source = '+++\ntitle = "x"\npublishDate = 2025-02-07T10:00:00Z\nlastmod = 2025-02-07T09:00:00Z\n+++\n'
    check(source, [(4, 11, "DT002")])


def test_lastmod_compares_by_day_when_one_side_has_no_time():
    check('---\ntitle: x\ndate: "2025-02-07 11:51:26"\nlastmod: 2025-02-07\n---\n', [])
    check('---\ntitle: x\ndate: "2025-02-07 11:51:26"\nlastmod: 2025-02-06\n---\n', [(4, 10, "DT002")])


def test_offsets_are_compared_in_utc():
    # 10:00+08:00 is 02:00 UTC, before 03:00 UTC
    check(
        '{"title": "x", "date": "2025-02-07T03:00:00Z", "lastmod": "2025-02-07T10:00:00+08:00"}\n', [(1, 59, "DT002")]
    )


def test_expiry_not_after_publish_date():
    source = "---\ntitle: x\ndate: 2025-01-01\npublishDate: 2025-03-01\nexpiryDate: 2025-03-01\n---\n"
    [diagnostic] = check(source, [(5, 13, "DT002")])
    assert "is not after publishDate (2025-03-01 00:00:00): the page is never published" in diagnostic.message


def test_expiry_after_date_is_fine_and_invalid_dates_are_not_compared():
    check("---\ntitle: x\ndate: 2025-01-01\nexpiryDate: 2025-01-02\n---\n", [])
    check("---\ntitle: x\ndate: 2025-13-01\nlastmod: 2020-01-01\n---\n", [(3, 7, "DT001")])


def test_jekyll_file_name_date_mismatch_is_a_warning_at_the_date():
    [diagnostic] = check(
        "---\ntitle: x\ndate: 2025-02-08 10:00:00\n---\n", [(3, 7, "DT003")], path="_posts/2025-02-07-prices.md"
    )
    assert diagnostic.severity == "warning"
    assert diagnostic.message == "date 2025-02-08 differs from the date in the file name (2025-02-07)"


def test_jekyll_file_name_matching_or_impossible_is_fine():
    check("---\ntitle: x\ndate: 2025-02-07 23:59:00 +0800\n---\n", [], path="2025-02-07-prices.md")
    check("---\ntitle: x\ndate: 2025-02-07\n---\n", [], path="2025-02-31-prices.md")
    check("---\ntitle: x\ndate: 2025-02-07\n---\n", [], path="prices-2025-02-08.md")


def test_future_date_is_off_by_default_and_uses_the_publish_date():
    source = "---\ntitle: x\ndate: 2000-01-01\npublishDate: 2999-01-01\n---\n"
    check(source, [])
    [diagnostic] = check(source, [(4, 14, "DT004")], enabled_codes=WITH_OPTIONAL)
    assert "in the future" in diagnostic.message and "--buildFuture" in diagnostic.message
    check("---\ntitle: x\ndate: 2999-01-01\npublishDate: 2000-01-01\n---\n", [], enabled_codes=WITH_OPTIONAL)


def test_missing_timezone_is_off_by_default_and_ignores_date_only_values():
    source = (
        '+++\ntitle = "x"\ndate = 2025-02-07T11:51:26\nlastmod = 2025-02-08\npublishDate = 2025-02-07T11:51:26Z\n+++\n'
    )
    check(source, [])
    check(source, [(3, 8, "DT005")], enabled_codes=WITH_OPTIONAL)


def test_positions_with_crlf_bom_and_cjk():
    source = '\ufeff---\r\ntitle: "大模型价格战"\r\ndate: 2025-02-30\r\n---\r\n正文\r\n'
    check(source, [(3, 7, "DT001")])
    source = '---\ntitle: "大模型价格战"\n日期: x\nlastmod: "2025-13-07"\n---\n'
    check(source, [(4, 10, "DT001")], schema=PERMISSIVE)


def test_values_hugo_fails_on_without_a_schema():
    """Hugo 0.168 fails the build on each of these (tests/test_hugo_dates.py asks it)."""
    source = '---\ntitle: x\ndate: " 2025-02-07"\nlastmod: true\npublishDate: 1.5\nexpiryDate: [2025-02-07]\n---\n'
    diagnostics = check(
        source,
        [(3, 7, "DT001"), (3, 7, "FH002"), (4, 10, "DT001"), (5, 14, "DT001"), (6, 13, "DT001")],
        schema=PERMISSIVE,
    )
    assert [d.message for d in diagnostics if d.code == "DT001"] == [
        "date: ` 2025-02-07` starts with whitespace: Hugo cannot read it (remove it)",
        "lastmod: `true` is a boolean, not a date Hugo can read",
        "publishDate: `1.5` is a number, not a date Hugo can read",
        "expiryDate: is a list, not a date Hugo can read",
    ]


def test_trailing_space_toml_json_crlf_bom_and_cjk():
    check(
        '+++\r\ntitle = "标题"\r\ndate = "2025-02-07 "\r\n+++\r\n',
        [(3, 8, "DT001"), (3, 8, "FH002")],
        schema=PERMISSIVE,
    )
    check('\ufeff{"title": "标题", "date": {"y": 2025}}\n', [(1, 25, "DT001")], schema=PERMISSIVE)
    check("---\ntitle: 标题 😀\ndate: 2025\n---\n", [(3, 7, "DT006")], schema=PERMISSIVE)
    check("+++\ndate = 20250207\n+++\n", [(2, 8, "DT006")], schema=PERMISSIVE)


def test_messages_name_the_presets_generator():
    jekyll = {"dates": {"date-fields": ["date"], "lastmod-fields": [], "publish-date-fields": []}}
    [diagnostic] = check(
        "---\ndate: last thursday\n---\n", [(2, 7, "DT001")], schema=PERMISSIVE, preset="jekyll", rule_options=jekyll
    )
    assert diagnostic.message == "date: `last thursday` is not a date Jekyll can read"
    [diagnostic] = check(
        "---\ndate: 2999-01-01 10:00:00\n---\n",
        [(2, 7, "DT004")],
        schema=PERMISSIVE,
        preset="docusaurus",
        enabled_codes=frozenset({"DT004"}),
    )
    assert diagnostic.message == "date (2999-01-01 10:00:00) is in the future"
    [diagnostic] = check(
        "---\ndate: 2025-02-07 10:00:00\n---\n",
        [(2, 7, "DT005")],
        schema=PERMISSIVE,
        preset="jekyll",
        enabled_codes=frozenset({"DT005"}),
    )
    assert "Jekyll reads it in the site's `timezone`" in diagnostic.message


def test_other_presets_skip_spaces_and_leave_other_types_to_the_schema():
    source = '---\ndate: " 2025-02-07"\nlastmod: 2025\n---\n'
    check(source, [(2, 7, "FH002")], schema=PERMISSIVE, preset="docusaurus")
    check("---\ndate:\n  created: 2025-02-07\n---\n", [], schema=PERMISSIVE, preset="mkdocs-material")


@pytest.mark.parametrize(
    ("preset", "found"),
    [("mkdocs-material", []), ("jekyll", []), ("hugo", [(2, 7, "DT001")]), ("docusaurus", [(2, 7, "DT001")])],
)
def test_one_digit_months_and_days_are_dates_to_yaml_1_1_readers(preset, found):
    """Knative's blog: `date: 2024-1-25` is a YAML 1.1 timestamp to MkDocs (PyYAML; the RSS plugin reads it as
    25 January) and to Jekyll (Ruby's Psych, Time.parse); Hugo cannot read it."""
    options = {"dates": {"date-fields": ["date"], "lastmod-fields": [], "publish-date-fields": []}}
    check("---\ndate: 2024-1-25 9:05:00\n---\n", found, schema=PERMISSIVE, preset=preset, rule_options=options)
    check("---\ndate: 2024-13-5\n---\n", [(2, 7, "DT001")], schema=PERMISSIVE, preset=preset, rule_options=options)

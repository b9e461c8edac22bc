"""The online checks' parts without a network: guard, cache, outcomes, progress, CLI options."""

import io
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from rich.console import Console

from fmlint.cli import main
from fmlint.online.cache import UrlCache
from fmlint.online.client import _retry_after
from fmlint.online.guard import address_refusal, url_refusal
from fmlint.online.outcome import Outcome, findings
from fmlint.online.progress import progress, terminal_console
from fmlint.rule_docs import render
from fmlint.rules import find_rule
from fmlint.rules.base import DOC_SECTIONS


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("https://93.184.215.14/a.png", None),
        ("https://cdn.example.com/a.png", None),  # a name: checked after resolution
        ("http://10.1.2.3/a.png", "10.1.2.3 is a private address"),
        ("http://192.168.0.1/a.png", "192.168.0.1 is a private address"),
        ("http://169.254.169.254/latest", "169.254.169.254 is a link-local address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://100.64.0.1/", "100.64.0.1 is a non-public address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("ftp://example.com/a.png", "ftp://example.com/a.png is not an http or https URL"),
        ("https://user:secret@example.com/a.png", "example.com URL carries credentials"),
    ],
)
def test_url_refusal(url, refusal):
    assert url_refusal(url, allow_private=False) == refusal


def test_allow_private_still_refuses_credentials_and_other_schemes():
    assert url_refusal("http://10.1.2.3/a.png", allow_private=True) is None
    assert url_refusal("https://u@example.com/", allow_private=True) == "example.com URL carries credentials"
    assert url_refusal("file:///etc/passwd", allow_private=True) == "file:///etc/passwd is not an http or https URL"
    assert url_refusal("http:///a.png", allow_private=True) == "http:///a.png has no host"


def test_a_resolved_address_names_the_host():
    assert address_refusal("intranet.example", "10.0.0.7") == "intranet.example resolves to private address 10.0.0.7"
    assert address_refusal("example.com", "2606:2800:21f:cb07:6820:80da:af6b:8b2c") is None


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_cache_keeps_successes_and_failures_for_their_ttls(tmp_path):
    clock = Clock()
    cache = UrlCache(tmp_path / "urls", success_ttl=100, failure_ttl=10, clock=clock)
    good, bad = Outcome(200, "OK", "image/png"), Outcome(404, "Not Found")
    cache.put("https://a.example/x.png", True, good)
    cache.put("https://a.example/y.png", True, bad)
    clock.now += 9
    assert cache.get("https://a.example/x.png", True) == good
    assert cache.get("https://a.example/y.png", True) == bad
    assert cache.get("https://a.example/x.png", False) is None  # checked as an image, not as a link
    clock.now += 2
    assert cache.get("https://a.example/y.png", True) is None
    assert cache.get("https://a.example/x.png", True) == good
    clock.now += 90
    assert cache.get("https://a.example/x.png", True) is None
    assert sorted(p.suffix for p in (tmp_path / "urls").iterdir()) == [".json", ".json"]  # no temporary files left


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    cache = UrlCache(tmp_path, success_ttl=100, failure_ttl=10)
    cache.put("https://a.example/x.png", True, Outcome(200, "OK", "image/png"))
    (entry,) = tmp_path.iterdir()
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get("https://a.example/x.png", True) is None
    entry.write_text(json.dumps({"version": 1, "url": "https://a.example/x.png", "as_image": True}), encoding="utf-8")
    assert cache.get("https://a.example/x.png", True) is None


def test_an_unwritable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = UrlCache(blocker / "urls", success_ttl=100, failure_ttl=10)
    cache.put("https://a.example/x.png", True, Outcome(200, "OK", "image/png"))
    assert cache.get("https://a.example/x.png", True) is None


@pytest.mark.parametrize(
    ("outcome", "kind", "found"),
    [
        (Outcome(200, "OK", "image/webp"), "image", []),
        (Outcome(200, "OK", "text/html"), "link", []),
        (Outcome(200, "OK", None), "image", [("URL003", "serves no Content-Type, not an image")]),
        (Outcome(503, "Service Unavailable"), "link", [("URL001", "503 Service Unavailable")]),
        (
            Outcome(404, "Not Found", final_url="https://b.example/x"),
            "image",
            [("URL001", "404 Not Found (at https://b.example/x)")],
        ),
        (
            Outcome(200, "OK", "text/html", "https://b.example/", moved_to="https://b.example/"),
            "image",
            [("URL003", "serves text/html, not an image"), ("URL004", "permanently redirected to https://b.example/")],
        ),
        (Outcome(error="DNS lookup failed"), "image", [("URL002", "DNS lookup failed")]),
    ],
)
def test_findings(outcome, kind, found):
    assert list(findings(outcome, kind)) == found


def test_retry_after_in_seconds_or_as_a_date():
    assert _retry_after("3") == 3.0
    assert _retry_after(None) is None
    assert _retry_after("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 20 < _retry_after(later) <= 30
    assert _retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0


def test_progress_bar_on_a_terminal_counts_urls_and_failures():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress(3, console) as bar:
        for failed in (False, True, False):
            bar.advance(failed)
    assert "3/3" in out.getvalue() and "1 failed" in out.getvalue()


def test_no_progress_bar_off_a_terminal_or_for_json(capsys):
    assert terminal_console(enabled=False) is None
    assert terminal_console(enabled=True) is None  # pytest's stderr is not a terminal
    with progress(2, None) as bar:
        bar.advance(True)
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "option", ["--url-timeout=0", "--url-timeout=inf", "--url-concurrency=-1", "--url-per-host=x", "--url-retries=-2"]
)
def test_bad_online_options_are_usage_errors(option, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--check-urls", option, "."])
    assert exited.value.code == 2
    assert "expected a number" in capsys.readouterr().err


@pytest.mark.parametrize("code", ["URL001", "URL002", "URL003", "URL004", "URL005"])
def test_url_rules_are_documented(code):
    text = render(find_rule(code))
    assert all(section in text for section in DOC_SECTIONS)
    assert "--check-urls" in text and f": {code} " in text  # says how to enable it and shows a report line

"""The online URL checks end to end, against a real HTTP server on 127.0.0.1."""

import asyncio
import json
import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import pytest
from local_http import LocalSite

from fmlint import __version__
from fmlint.cache import DIR_VARIABLE
from fmlint.cli import main
from fmlint.config.settings import Settings
from fmlint.diagnostics import Severity
from fmlint.linter import lint_path
from fmlint.online.check import check_all, with_online_checks
from fmlint.online.options import OnlineOptions
from fmlint.online.outcome import Outcome
from fmlint.runner import run

YAML_ARTICLE = """\
---
title: Online
image: {png}
description: Online checks
thumbnail: {page}
images:
  - {missing}
  - {flaky}
---
![busy]({busy})
![moved]({moved})
![loop]({loop})
![hops]({hops})
![slow]({slow})
![no head]({no_head})
![head lies]({head_lies})
![down]({down})
"""

TOML_ARTICLE = """\
+++
title = "Second"
image = "{png}"
+++
[the page]({page})
![图片]({missing})
[gone]({missing})
"""

JSON_ARTICLE = """\
{{
  "title": "Third",
  "image": "{png}"
}}
Body.
"""

PATHS = {
    "png": "/image.png",
    "page": "/page.png",
    "missing": "/missing.png",
    "flaky": "/flaky.png",
    "busy": "/busy.png",
    "moved": "/moved-1",
    "loop": "/loop-a",
    "hops": "/hop-0",
    "slow": "/slow.png",
    "no_head": "/no-head.png",
    "head_lies": "/head-forbidden.png",
    "down": "/down.png",
}


@pytest.fixture
def site():
    with LocalSite() as served:
        yield served


def write_site(folder: Path, site: LocalSite) -> Path:
    urls = {name: site.url(path) for name, path in PATHS.items()}
    content = folder / "content"
    content.mkdir()
    (content / "a.md").write_text(YAML_ARTICLE.format(**urls), encoding="utf-8")
    (content / "b.md").write_text(TOML_ARTICLE.format(**urls), encoding="utf-8")
    (content / "c.md").write_text(JSON_ARTICLE.format(**urls), encoding="utf-8")
    return content


def article(body: str) -> str:
    return f"---\ntitle: T\n---\n{body}"


def fmlint_json(capsys, *args: str) -> tuple[int, list[tuple], str]:
    code = main(["--isolated", "--select", "URL", "--format", "json", "--url-timeout", "0.5", *args])
    out, err = capsys.readouterr()
    found = [(Path(d["path"]).name, d["line"], d["column"], d["code"], d["message"]) for d in json.loads(out)]
    return code, found, err


def expected(site: LocalSite) -> list[tuple]:
    return [
        ("a.md", 5, 12, "URL003", "serves text/html, not an image"),
        ("a.md", 7, 5, "URL001", "404 Not Found"),
        ("a.md", 11, 10, "URL004", f"permanently redirected to {site.url('/final.png')}"),
        ("a.md", 12, 9, "URL002", f"redirect loop: {site.url('/loop-b')} redirects back to {site.url('/loop-a')}"),
        ("a.md", 13, 9, "URL002", "more than 5 redirects"),
        ("a.md", 14, 9, "URL002", "timed out after 0.5 s"),
        ("a.md", 17, 9, "URL001", "503 Service Unavailable"),
        ("b.md", 6, 7, "URL001", "404 Not Found"),
        ("b.md", 7, 8, "URL001", "404 Not Found"),
    ]


REQUESTS_PER_PATH = {
    "/image.png": 1,  # used by all three files: asked once
    "/page.png": 2,  # HEAD says text/html for an image: confirmed with GET
    "/missing.png": 1,  # used three times, as image and as link
    "/flaky.png": 2,  # 500, then 200 on the retry
    "/busy.png": 2,  # 429 with Retry-After: 1, then 200
    "/moved-1": 1,
    "/moved-2": 1,
    "/final.png": 1,
    "/loop-a": 1,
    "/loop-b": 1,
    **{f"/hop-{n}": 1 for n in range(6)},  # the 6th redirect is not followed
    "/slow.png": 1,  # timed out; a timeout is not retried
    "/no-head.png": 2,  # HEAD 405, then GET
    "/head-forbidden.png": 2,  # HEAD 403 is not believed: GET says 200
    "/down.png": 3,  # 503 every time: two retries, then an error
}


def test_every_answer_becomes_a_located_diagnostic_and_a_rerun_uses_the_cache(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(DIR_VARIABLE)  # (the URL cache in the default folder, which the test reads)
    content = write_site(tmp_path, site)
    code, found, err = fmlint_json(capsys, "--check-links", "--allow-private-urls", str(content))
    assert found == expected(site)
    assert code == 1
    assert err == ""  # no progress bar when not on a terminal
    received = site.recorder
    assert {path: received.count(path) for path in {r.path for r in received.requests}} == REQUESTS_PER_PATH
    assert received.methods("/no-head.png") == ["HEAD", "GET"]
    assert received.methods("/page.png") == ["HEAD", "GET"]
    first, second = (r.at for r in received.requests if r.path == "/busy.png")
    assert second - first >= 0.9  # waited for Retry-After: 1
    for request in received.requests:
        assert request.headers["User-Agent"] == f"fmlint/{__version__} (+front-matter linter)"
        assert "Cookie" not in request.headers and "Authorization" not in request.headers
    assert any(tmp_path.joinpath(".fmlint_cache", "urls").glob("*.json"))

    before = len(received.requests)
    assert fmlint_json(capsys, "--check-links", "--allow-private-urls", str(content)) == (code, found, "")
    assert len(received.requests) == before  # every URL, failures too, came from the cache


def test_no_cache_asks_again(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article(f"![x]({site.url('/image.png')})\n"), encoding="utf-8")
    for _ in range(2):
        assert fmlint_json(capsys, "--check-urls", "--allow-private-urls", "--no-cache", "a.md") == (0, [], "")
    assert site.recorder.count("/image.png") == 2
    assert not (tmp_path / ".fmlint_cache").exists()


def test_links_are_checked_only_with_check_links(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article(f"[gone]({site.url('/missing.png')})\n"), encoding="utf-8")
    assert fmlint_json(capsys, "--check-urls", "--allow-private-urls", "a.md") == (0, [], "")
    assert site.recorder.requests == []
    assert fmlint_json(capsys, "--check-links", "--allow-private-urls", "a.md") == (
        1,
        [("a.md", 4, 8, "URL001", "404 Not Found")],
        "",
    )


def test_the_guard_refuses_the_same_server_without_allow_private_urls(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = write_site(tmp_path, site)
    (content / "d.md").write_text(
        article(f"![by name](http://localhost:{site.ports[0]}/image.png)\n"), encoding="utf-8"
    )
    code, found, _ = fmlint_json(capsys, "--check-links", str(content))
    assert site.recorder.requests == []
    refusal = "not checked: 127.0.0.1 is a loopback address"
    assert ("a.md", 3, 8, "URL005", refusal) in found
    assert ("b.md", 5, 12, "URL005", refusal) in found
    by_name = [f[4] for f in found if f[:4] == ("d.md", 4, 12, "URL005")]
    assert by_name in (
        ["not checked: localhost resolves to loopback address 127.0.0.1"],
        ["not checked: localhost resolves to loopback address ::1"],  # where /etc/hosts lists ::1 first
    )
    assert {f[3] for f in found} == {"URL005"} and len(found) == 18  # every occurrence in the four files
    assert code == 0  # refusals are warnings: the URLs were not checked
    assert not (tmp_path / ".fmlint_cache" / "urls").exists() or not any(
        (tmp_path / ".fmlint_cache" / "urls").iterdir()
    )


def test_selection_and_severities_apply_per_file(site, tmp_path):
    (tmp_path / "a.md").write_text(
        f"![moved]({site.url('/moved-1')})\n![gone]({site.url('/missing.png')})\n", encoding="utf-8"
    )
    base = Settings(collect_urls=frozenset({"images"}))
    settings = Settings(
        collect_urls=base.collect_urls,
        enabled_codes=frozenset({"URL001", "URL002", "URL003", "URL005"}),  # URL004 ignored
        severities={"URL001": Severity.WARNING},
    )
    (tmp_path / "b.md").write_text(f"![x]({site.url('/image.png')})\n", encoding="utf-8")
    offline = Settings(collect_urls=base.collect_urls, enabled_codes=frozenset({"SC001"}))

    def settings_for(path):
        return settings if path.endswith("a.md") else offline

    files = [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    options = OnlineOptions(allow_private=True, cache_dir=None)
    result = with_online_checks(run(files, settings_for), settings_for, options)
    assert [(d.line, d.column, d.code, d.severity) for d in result.diagnostics] == [(2, 9, "URL001", Severity.WARNING)]
    assert site.recorder.count("/image.png") == 0  # b.md has every URL code disabled: its URLs are not asked


def test_500_distinct_urls_stay_within_the_concurrency_bounds():
    with LocalSite(ports=16) as site:
        urls = {site.url(f"/many/{n}.png", n % 16): True for n in range(500)}
        options = OnlineOptions(allow_private=True, cache_dir=None, concurrency=32, per_host=4)
        outcomes = asyncio.run(check_all(urls, options))
        received = site.recorder
    assert len(outcomes) == 500 and all(outcome.ok for outcome in outcomes.values())
    assert len(received.requests) == 500 and len({(r.port, r.path) for r in received.requests}) == 500
    assert max(received.peak_per_port.values()) <= 4
    assert 4 < received.peak_total <= 32  # several hosts at once, never more than the global limit


def test_collected_urls_follow_the_written_positions(tmp_path):
    """The URL occurrences the online pass reports at, for CRLF and a BOM."""
    path = tmp_path / "a.md"
    path.write_bytes(
        "\ufeff---\r\nimage: https://cdn.example.com/a.png\r\n---\r\n图 ![x](https://cdn.example.com/b.png)\r\n".encode()
    )
    result = lint_path(str(path), Settings(collect_urls=frozenset({"images"})))
    assert [(u.url, u.line, u.column) for u in result.urls] == [
        ("https://cdn.example.com/a.png", 2, 8),
        ("https://cdn.example.com/b.png", 4, 8),
    ]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a self-signed certificate")
def test_an_untrusted_certificate_is_a_tls_error(tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    with LocalSite(tls=tls) as site:
        url = site.url("/image.png")
        outcomes = asyncio.run(check_all({url: True}, OnlineOptions(allow_private=True, cache_dir=None)))
    assert outcomes[url].error == "TLS certificate error"
    assert site.recorder.requests == []  # nothing sent over an unverified connection


def test_a_closed_port_is_connection_refused():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/a.png"  # bound, not listening: refused
        outcomes = asyncio.run(check_all({url: True}, OnlineOptions(allow_private=True, cache_dir=None)))
    assert outcomes[url] == Outcome(error="connection refused")


def test_the_configuration_turns_the_checks_on_and_sets_their_options(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = 'select = ["URL"]\ncheck-urls = true\nallow-private-urls = true\nurl-timeout = 0.5\nurl-retries = 0\n'
    (tmp_path / ".fmlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(
        article(f"![slow]({site.url('/slow.png')})\n![down]({site.url('/down.png')})\n"), "utf-8"
    )
    assert main(["--format", "json", "a.md"]) == 1
    found = [(d["line"], d["column"], d["code"], d["message"]) for d in json.loads(capsys.readouterr().out)]
    assert found == [(4, 9, "URL002", "timed out after 0.5 s"), (5, 9, "URL001", "503 Service Unavailable")]
    assert site.recorder.count("/down.png") == 1  # url-retries = 0
    assert main(["--format", "json", "--no-cache", "--url-retries", "1", "a.md"]) == 1  # the command line wins
    assert site.recorder.count("/down.png") == 3


def test_a_bad_online_configuration_value_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".fmlint.toml").write_text("check-urls = true\nurl-timeout = 0\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(article(""), encoding="utf-8")
    assert main(["a.md"]) == 2
    assert "url-timeout" in capsys.readouterr().err


SUPPRESSED = """\
---
title: T
---
<!-- fmlint-disable-next-line URL001 -->
![gone]({missing})
![gone again]({missing})
<!-- fmlint-disable-next-line broken-url -->
Plain text.
![moved]({moved}) <!-- fmlint-disable-line -->
"""


def test_inline_comments_silence_online_findings(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    urls = {"missing": site.url("/missing.png"), "moved": site.url("/moved-1")}
    (tmp_path / "a.md").write_text(SUPPRESSED.format(**urls), encoding="utf-8")
    online = fmlint_json(capsys, "--select", "URL,SUP", "--check-urls", "--allow-private-urls", "a.md")
    assert online == (
        1,
        [
            ("a.md", 6, 15, "URL001", "404 Not Found"),
            ("a.md", 7, 1, "SUP001", "`fmlint-disable-next-line` suppresses nothing for URL001"),
        ],
        "",
    )
    # Offline no URL suppression is "unused" (its rules did not run); a bare one still is when it silences nothing.
    offline = fmlint_json(capsys, "--select", "URL,SUP", "a.md")
    assert offline == (0, [("a.md", 9, 42, "SUP001", "`fmlint-disable-line` suppresses nothing")], "")

"""Go's ``url.Parse`` as ``fmlint.go_urls`` emulates it: each case's error (or ``None``) as Hugo 0.168's
``urls.Parse`` gives it, and the same cases judged by Hugo itself."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_site_rules import HUGO, _quiet_env, needs_hugo, write

from fmlint.go_urls import go_parse_error

# (URL, the end of Hugo's error: ``parse "URL": <this>``), as Hugo 0.168 printed them
CASES = [
    ('"https://a.com/"', "first path segment in URL cannot contain colon"),
    ("(https://a.com/)", "first path segment in URL cannot contain colon"),
    (":foo", "missing protocol scheme"),
    ("/a/100%", 'invalid URL escape "%"'),
    ("/a/100%zz/b", 'invalid URL escape "%zz"'),
    ("a.md#50%", 'invalid URL escape "%"'),
    ("http://a.com:port/", 'invalid port ":port" after host'),
    ("http://a b.com/", 'invalid character " " in host name'),
    ("my_page:x", "first path segment in URL cannot contain colon"),
    ("?a=%zz", None),
    ("http://[::1/", "missing ']' in host"),
    ("http://[::1]:80/", None),
    ("http://[::1]x/", 'invalid port "x" after host'),
    ("http://[zz]/", 'invalid host: ParseAddr("zz")'),
    ("http://a.com:/", None),
    ("http://a%2.com/", 'invalid URL escape "%2."'),
    ("http://a%41.com/", 'invalid URL escape "%41"'),
    ("http://a%25.com/", None),
    ("http://u@a.com/", None),
    ("http://u:p@a.com/", None),
    ("http://u%zz@a.com/", 'invalid URL escape "%zz"'),
    ("http://a{b}.com/", 'invalid character "{" in host name'),
    ("http://a|b.com/", 'invalid character "|" in host name'),
    ("http://a\\b.com/", 'invalid character "\\\\" in host name'),
    ("http://a^b.com/", 'invalid character "^" in host name'),
    ("http://a`b.com/", 'invalid character "`" in host name'),
    ("http://a.com/é", None),
    ("http://é.com/", None),
    ("#a%zz", 'invalid URL escape "%zz"'),
    ("#a%20", None),
    ("x#y#z", None),
    ("foo:bar", None),
    ("1abc:x", "first path segment in URL cannot contain colon"),
    ("a+b:x", None),
    ("//a.com:x/", 'invalid port ":x" after host'),
    ("///a:b", None),
    ("/a:b", None),
    ("./a:b", None),
    ("C:\\x", None),
    ("mailto:a@b", None),
    ("http://a.com/%", 'invalid URL escape "%"'),
    ("http://a.com?%", None),
    ("*", None),
    ("a b:c", "first path segment in URL cannot contain colon"),
    ("http://a.com:80:90/", 'invalid port ":80:90" after host'),
    ("http://::1/", 'invalid port "::1" after host'),
    ("http://a.com/path?q=1#f%zz", 'invalid URL escape "%zz"'),
    ("http://[fe80::1%25en0]/", None),
    ("http://[fe80::1%en0]/", 'invalid URL escape "%en"'),
    ('http://a"b.com/', None),
    ("http://a<b>.com/", None),
    ("http://a'b.com/", None),
    ("http://[::1]/", None),
    ("http://1.2.3.4:65536/", None),
    ("http://[1.2.3.4]/", "invalid IP-literal"),
    ("http://[::ffff:1.2.3.4]/", None),
    ("http://[::1%25]/", 'invalid host: ParseAddr("::1%")'),
    ("http://[v1.x]/", 'invalid host: ParseAddr("v1.x")'),
    ("http://[::1%25en0]/", None),
    ("http://[::1%25e%20n]/", None),
    ("http://[::1]]/", 'invalid host: ParseAddr("::1]")'),
    ("http://a[b]/", "invalid IP-literal"),
    ("http://a]b/", None),
    ("http://[::1]:/", None),
    ("http://a.com:123456789/", None),
    ("http://a.com:/x", None),
    ("http://a%25b.com/", None),
    ("http://a%2Fb.com/", 'invalid URL escape "%2F"'),
    ("http://a%7Fb.com/", 'invalid URL escape "%7F"'),
    ("http://u:p%zz@a.com/", 'invalid URL escape "%zz"'),
    ("http://u@p@a.com/", None),
    ("http://u p@a.com/", "net/url: invalid userinfo"),
    ('http://u"@a.com/', "net/url: invalid userinfo"),
    ("http://u[@a.com/", "net/url: invalid userinfo"),
    ("?", None),
    ("a?b:c", None),
    ("a#b:c", None),
    ("http:%zz", None),
    ("http:/%zz", 'invalid URL escape "%zz"'),
    ("HTTP://A.COM/", None),
    ("a.b-c+d:x%zz", None),
    ("/%E2%82%AC", None),
    ("\x7f", "net/url: invalid control character in URL"),
    ("x\ty", "net/url: invalid control character in URL"),
    ("http://a.com\x7f/", "net/url: invalid control character in URL"),
    ("http://üser@a.com/", "net/url: invalid userinfo"),
    ("http://a.com/a b", None),
    ("a:b/c", None),
    ("/a?b:c#d", None),
    ("//a:b@c", None),
    ("http://a.com#%", 'invalid URL escape "%"'),
    ("http://[::1]%41/", 'invalid port "%41" after host'),
]


@pytest.mark.parametrize(("url", "error"), CASES)
def test_go_parse_error(url: str, error: str | None) -> None:
    assert go_parse_error(url) == error


@needs_hugo
def test_hugo_agrees(tmp_path: Path) -> None:
    """Every case through Hugo's ``urls.Parse`` (``try`` keeps a failure from stopping the build): it fails
    where fmlint says it does, with the same words (an address Go's ``netip`` rejects: its reason follows)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n[outputs]\nhome = ["json"]\n',
            "layouts/home.json": (
                "{{ range site.Data.cases }}{{ with try (urls.Parse .) }}"
                '{{ with .Err }}{{ printf "%v" . | jsonify }}{{ else }}null{{ end }}{{ end }}\n{{ end }}'
            ),
            "data/cases.json": json.dumps([url for url, _ in CASES]),
        },
    )
    assert HUGO is not None
    subprocess.run([HUGO, "--quiet", "-d", "public"], cwd=tmp_path, env=_quiet_env(), check=True)
    said = [json.loads(line) for line in (tmp_path / "public/index.json").read_text().splitlines() if line]
    assert len(said) == len(CASES)
    for (url, error), hugo in zip(CASES, said, strict=True):
        if error is None:
            assert hugo is None, url
        else:
            assert hugo is not None and (hugo.endswith(f": {error}") or f": {error}: " in hugo), (url, hugo)

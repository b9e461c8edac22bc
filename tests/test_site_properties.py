"""Properties of reference resolution: memoized as resolved afresh; relative URLs joined as urljoin joins them;
``ref`` shortcodes read as the regular expression that defines them, the usual ones in one match as the
general path reads them; a path's stem as ``posixpath.splitext`` finds it; front-matter keys lowercased
through a shared mapping as one by one; a page's IDs asked one fragment at a time as all of them worked out.

``refs.resolve`` answers each distinct reference once per index, keyed by what
the answer depends on (the page for a same-page reference, the folder for a
relative path, nothing more for a path from the root).  Small random Hugo
sites — pages in nested folders, bundles and sections, with ``ref``/``relref``
shortcodes (positional and ``path=``/``lang=``), relative and root Markdown
links, fragments and same-page anchors — are indexed twice, and every
reference is resolved through the memo in one index and afresh in the other.
"""

from __future__ import annotations

import posixpath
import re
import tempfile
from pathlib import Path
from unittest.mock import patch
from urllib.parse import urljoin

import msgspec
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fmlint.markdown import openings
from fmlint.positions import Span
from fmlint.site import facts, refs
from fmlint.site.anchors import BLACKFRIDAY, GITHUB, GITHUB_SLUGGER, REMARK, ZOLA
from fmlint.site.config import CONTENT_EXTENSIONS
from fmlint.site.facts import Anchor, SiteFacts, _ref_at
from fmlint.site.hugo_paths import join_url
from fmlint.site.index import Page, stem
from fmlint.site.rendering import lowered_keys
from tests.test_site_rules import index_of

FOLDERS = ["", "docs", "docs/sub", "blog", "blog/b1"]
NAMES = ["a", "b", "intro", "index", "_index", "Intro"]
TARGETS = ["a", "b.md", "intro", "./a", "./intro.md", "../a.md", "../docs/a", "/docs/a", "/blog/b", "docs/sub/a"]
TARGETS += ["", "#setup", "b#h", "intro#setup", "/docs/", "../", "sub/a.md", "A.md", "nope"]
TARGETS += ["a.md#x:y", "sub/a.md#h", "a%2Emd", "a.md?x", ".\\a.md", "blog/../docs/a.md#Setup"]

KINDS = ["ref", "relref-named", "link", "plain-link", "own-url"]
reference = st.tuples(st.sampled_from(KINDS), st.sampled_from(TARGETS))
page = st.tuples(st.sampled_from(FOLDERS), st.sampled_from(NAMES), st.lists(reference, min_size=1, max_size=5))


def _written(kind: str, target: str) -> str:
    if kind == "ref":
        return f'{{{{< ref "{target}" >}}}}'
    if kind == "relref-named":
        return f'{{{{< relref path="{target}" lang="en" >}}}}'
    if kind == "own-url":  # the site's own URL: from its root
        return f"[x](https://docs.example.dev/{target.lstrip('/')})"
    if kind == "link":  # to a Markdown file (or an anchor of this page)
        return f"[x]({target if target.endswith('.md') or target.startswith('#') else target + '.md'})"
    return f"[x]({target})"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(page, min_size=2, max_size=10))
@example([("", "a", [("plain-link", "a.md#x:y"), ("plain-link", "a.md?x")]), ("docs", "b", [("link", "../a.md")])])
def test_memoized_resolution_is_the_fresh_one(pages):
    """(and a Hugo page's relative link to a content file, resolved before the memo is asked, as ``_link`` does)"""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hugo.toml").write_text('baseURL = "https://docs.example.dev/"\n', encoding="utf-8")
        for number, (where, name, references) in enumerate(pages):
            path = root / "content" / where / f"{name}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            body = " ".join(_written(kind, target) for kind, target in references)
            path.write_text(f"---\ntitle: P{number}\n---\n\n## Setup\n\n## H\n\n{body}\n", encoding="utf-8")
        memoized, fresh = index_of(root), index_of(root)
        for page_memoized, page_fresh in zip(memoized.pages, fresh.pages, strict=True):
            for written in page_memoized.facts.references:
                once = refs.resolve(memoized, page_memoized, written)
                again = refs._resolve(fresh, page_fresh, written)
                assert (once.page and once.page.absolute, once.fragment, once.problem, once.checked) == (
                    again.page and again.page.absolute,
                    again.fragment,
                    again.problem,
                    again.checked,
                ), (page_memoized.absolute, written)


# a page's URL (absolute, normalized); a relative link from it: dot segments, empty segments, queries, fragments,
# spaces, tabs and line breaks (which URL parsers drop), no scheme or host (those are not resolved from a page)
URL_SEGMENT = st.sampled_from(["a", "b", "x.y", "c d", "é", "%20"])
PAGE_URL = st.lists(URL_SEGMENT, max_size=4).map("/".join).flatmap(lambda p: st.sampled_from([f"/{p}", f"/{p}/"]))
LINK_PART = st.sampled_from(["a", "é", ".", "..", "/", "?", "#", "x y", " ", "\t", "\n", "%20", "//", "=", "&", "q=1"])


@settings(max_examples=3000, deadline=None)
@given(PAGE_URL, st.lists(LINK_PART, max_size=8).map("".join))
def test_relative_urls_are_joined_as_urljoin_joins_them(base, target):
    """``join_url`` replaces ``urljoin`` (3x slower) for the ~10,000 relative links of a site."""
    stripped = target.lstrip("".join(map(chr, range(0x21)))).replace("\t", "").replace("\n", "")
    if stripped.startswith("//") or ":" in stripped.split("/", 1)[0]:
        return  # (a host or a scheme: not a link resolved from the page's URL)
    assert "https://site" + join_url(base, target) == urljoin("https://site" + base, target)


# the pattern that defines a ``ref``/``relref`` shortcode (its lazy loop is what ``_ref_at`` spares)
REF = re.compile(r"\{\{([<%])\s*(ref|relref)\s+(.*?)\s*[>%]\}\}", re.DOTALL)
PIECES = [
    "{{<",
    "{{%",
    "ref",
    "relref",
    " ",
    "\t",
    "\n",
    "\u00a0",
    "\u3000",
    "a",
    '"x"',
    ">}}",
    "%}}",
    "}}",
    ">",
    "%",
    "}",
]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=9).map("".join))
def test_a_ref_shortcode_is_read_as_its_pattern_matches(text):
    for at in range(len(text)):
        found = REF.match(text, at)
        expected = None if found is None else (found.group(2), found.group(3), found.start(3), found.end())
        assert _ref_at(text, at) == expected


SHORTCODE_PIECES = [*PIECES, '"', "`", "\\", "#h", "/a", "a.md", "{{< /x >}}", "{{% x %}}", "{{< x ", "=", "lang="]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SHORTCODE_PIECES), min_size=1, max_size=12).map("".join), st.booleans())
@example('{{< ref "/a#h" >}} {{% relref "a.md" %}}', False)
@example('{{< ref "a>b" \n>}}{{< ref "x" }}', True)
@example('{{< ref "{{< x a.md" >}}', False)
@example('{{< ref "a%}}b" %}}', False)
def test_the_usual_ref_read_in_one_match_is_read_as_the_general_path_reads_it(text, commented):
    """``_SIMPLE_REF`` (``{{< ref "path" >}}`` in one match) gives the facts the general path gives."""
    tags = openings(text)[0]
    comments = [Span(0, len(text))] if commented else []
    fast: list[object] = []
    found = facts._shortcode_facts(text, tags, fast, comments)
    general: list[object] = []
    with patch.object(facts, "_SIMPLE_REF", re.compile(r"(?!)")):  # (never matches)
        assert facts._shortcode_facts(text, tags, general, comments)[:4] == found[:4]  # (but the plain refs counted)
    assert fast == general


@given(
    st.lists(st.one_of(st.sampled_from(["Title", "title", "TAGS", "slug", "Ｓlug"]), st.integers(0, 2), st.booleans()))
)
def test_lowered_keys_are_each_key_lowercased_the_last_winning(keys):
    """The mapping ``lowered_keys`` shares between front matters with one list of keys is theirs, whatever
    keys came before (``1`` and ``True`` are equal keys: not shared)."""
    data = dict.fromkeys(keys, 0)
    expected: dict[str, object] = {}
    for key in data:
        expected[str(key).lower()] = key
    for _ in range(2):
        found = lowered_keys(data)
        assert found == expected and list(map(type, found.values())) == list(map(type, expected.values()))


# headings whose IDs collide (`Setup` twice, `Setup 1` and the suffix `setup-1`), custom IDs taking an automatic
# ID first or after, empty and non-ASCII texts, dashes; a fragment is any of their IDs or near them
HEADING_TEXT = st.sampled_from(["Setup", "setup", "Setup 1", "Set-up", "A – B", "", "中文", "x y", "Heading"])
CUSTOM = st.sampled_from(["", "", "setup", "setup-1", "x", "Custom.id"])
FRAGMENT = st.sampled_from(["setup", "setup-1", "setup-2", "set-up", "a--b", "a-b", "中文", "x-y", "heading", "x"])
PATH_PIECE = st.sampled_from(["a", "A", ".", "..", "...", "/", "md", ".md", ".MD", ".html", ".x", "v1.2", "é", " "])


@given(st.lists(PATH_PIECE, max_size=8).map("".join))
@example("docs/.md")
@example("a.b/c")
@example("../x.Markdown")
def test_a_paths_stem_is_splitexts_root_when_its_extension_is_contents(path):
    """``stem`` finds ``posixpath.splitext``'s extension without calling it: the same answer."""
    root, extension = posixpath.splitext(path)
    assert stem(path) == (root if extension.lower() in CONTENT_EXTENSIONS else path)


ID_TYPES = [GITHUB, BLACKFRIDAY, GITHUB_SLUGGER, REMARK, ZOLA, "python-markdown::-", "kramdown:gfm:"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(HEADING_TEXT, CUSTOM, st.booleans()), max_size=8),
    st.lists(FRAGMENT, min_size=1, max_size=6),
    st.sampled_from(ID_TYPES),
    st.lists(st.sampled_from(["#setup-2", "x-y", "#Custom.id"]), max_size=2),
)
@example([("", "", True)], ["heading"], "python-markdown::-", [])  # (its empty ID is `_1`)
@example([("Setup", "", True), ("Setup", "", True)], ["setup-1", "setup"], GITHUB, [])
def test_ids_asked_one_fragment_at_a_time_are_the_ids(anchors, fragments, id_type, element_ids):
    """``Page.has_id`` reads the headings only until one's ID is the fragment, and keeps what it read."""
    data = msgspec.msgpack.encode([Anchor(text, custom, heading) for text, custom, heading in anchors])
    made = SiteFacts(anchors_data=msgspec.Raw(data), element_ids=element_ids)
    asked, whole = (Page("a.md", made, "en", "page", "", "a", _id_type=id_type, _terms=True) for _ in range(2))
    ids = whole.ids
    assert [asked.has_id(fragment) for fragment in fragments] == [fragment in ids for fragment in fragments]
    assert asked.ids == ids

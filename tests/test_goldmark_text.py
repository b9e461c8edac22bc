"""Hugo's heading IDs of headings with emphasis, links and code: an inline element counts its first child alone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_site_rules import HUGO, _quiet_env, index_of, needs_hugo, page, write

from fmlint.document import read_document
from fmlint.goldmark_text import goldmark_text, unmarked
from fmlint.markdown import parse_markdown
from fmlint.site.anchors import GITHUB_SLUGGER, ordered_ids
from fmlint.site.config import forget_sites

# (heading, Hugo 0.168's ID with its typographer on, and off), each from a build
CASES = [
    ("**Migrate from 'SDK v1' to 'SDK v2'**", "migrate-from", "migrate-from-sdk-v1-to-sdk-v2"),  # (kubeflow's)
    ("Migrate from 'SDK v1' to 'SDK v2'", "migrate-from-sdk-v1-to-sdk-v2", "migrate-from-sdk-v1-to-sdk-v2-1"),
    ("*It's* fine", "it-fine", "its-fine"),
    ("**Don't** stop", "don-stop", "dont-stop"),
    ("[Don't](x) stop", "don-stop-1", "dont-stop-1"),
    ("~~Don't~~ stop", "don-stop-2", "dont-stop-2"),
    ("**Tom's -- dash** end", "tom-end", "toms----dash-end"),
    ("**a...b** c", "a-c", "ab-c"),
    ("**x 'y'** z", "x--z", "x-y-z"),
    ("**a** b'c **d'e f**", "a-bc-d", "a-bc-de-f"),
    ("**a *b* c** d", "a--d", "a--d"),
    ("**a `b` c** d", "a--d-1", "a--d-1"),
    ("[a **b** c](x) d", "a--d-2", "a--d-2"),
    ("***a'b*** c", "a-c-1", "ab-c-1"),
    ("**a [b c** d", "a--d-3", "a--d-3"),
    ("**a https://x.org c** d", "a--d-4", "a--d-4"),
    ("**a <b> c** d", "a--d-5", "a--d-5"),
    ("**a & b** c", "a--b-c", "a--b-c"),
    ("**a\\`b c** d", "ab-c-d", "ab-c-d"),
    ("*'quoted' word* end", "-end", "quoted-word-end"),
    ("[Continue `cargo` blockers](x)", "continue", "continue"),
    ("**Step 1: run `make`**", "step-1-run", "step-1-run"),
    ("The `x` flag", "the-x-flag", "the-x-flag"),
    ("[`edge-24.7.5`](x) (July)", "edge-2475-july", "edge-2475-july"),  # (linkerd.io's release notes)
]


def _page(root: Path, typographer: bool) -> None:
    body = "".join(f"## {heading}\n\n" for heading, _, _ in CASES)
    write(
        root,
        {
            "hugo.toml": f'baseURL = "https://e.org/"\n[markup.goldmark.extensions]\ntypographer = {str(typographer).lower()}\n',
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ .Content }}",
            "content/p.md": page("title: P", body=body),
        },
    )


@pytest.mark.parametrize("typographer", [True, False])
def test_hugos_heading_ids_count_an_inline_elements_first_child(tmp_path, typographer):
    _page(tmp_path, typographer)
    forget_sites()
    found = next(p for p in index_of(tmp_path).pages if p.file is not None)
    ids = ordered_ids(found._anchor_fields, found._id_type, found._dashes)
    assert ids == [on if typographer else off for _, on, off in CASES]


@needs_hugo
@pytest.mark.parametrize("typographer", [True, False])
def test_the_cases_ids_are_hugos(tmp_path, typographer):
    _page(tmp_path, typographer)
    subprocess.run([HUGO, "--quiet", "-s", str(tmp_path)], env=_quiet_env(), check=True)
    built = re.findall(r'<h2 id="([^"]*)"', (tmp_path / "public/p/index.html").read_text())
    assert built == [on if typographer else off for _, on, off in CASES]


def test_the_plain_text_and_other_generators_read_the_heading_whole():
    """The marks are in ``Heading.typographic`` alone: rules read the heading's text, and a generator other than
    Hugo (github-slugger's IDs: Docusaurus) the whole of it."""
    doc = read_document("p.md", b"---\ntitle: T\n---\n\n## **Migrate from 'SDK v1' to `v2`** now\n")
    (heading,) = parse_markdown(doc).headings
    assert heading.text == "Migrate from 'SDK v1' to v2 now"
    assert unmarked(heading.typographic) == heading.text
    assert goldmark_text(heading.typographic, True) == "Migrate from  now"
    assert goldmark_text(heading.typographic, False) == "Migrate from 'SDK v1' to  now"
    assert ordered_ids([(heading.typographic, "", True)], GITHUB_SLUGGER) == ["migrate-from-sdk-v1-to-v2-now"]

"""What reading MDX as MDX costs: the same bodies parsed as CommonMark and as MDX (``fmlint/mdx.py``).

``python benchmarks/mdx.py [FOLDER]`` times every ``.mdx`` file under FOLDER
(e.g. Astro's docs, ``src/content/docs/en`` of withastro/docs) or, without
one, 200 generated pages in the shape of Astro's docs (imports, tabs with
fences, JSX images, expressions).  Each way is the best of 5 rounds, measured
in the same run as its baseline (CommonMark), with the load average beside it.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fmlint.document import Document, read_document
from fmlint.markdown import parse_markdown
from fmlint.mdx import masked_body

PAGE = """---
title: Page {n}
---
import {{ Tabs, TabItem }} from '@astrojs/starlight/components';
import PackageManagerTabs from '~/components/tabs/PackageManagerTabs.astro';

## Install {n}

<PackageManagerTabs>
  <Fragment slot="npm">
  ```shell
  # create a new project
  npm create astro@latest
  ```
  </Fragment>
</PackageManagerTabs>

Read the [guide](/en/guides/{n}/) and {{frontmatter.title}} here.

<Tabs>
<TabItem label="Astro">
```astro title="src/pages/{n}.astro"
<img src={{cartItem.imageSrc}} alt={{cartItem.name}} />
```
</TabItem>
</Tabs>

<img src="/images/{n}.png" alt="Diagram {n}" />

### Details

**Bold** text, `code`, and a list:

- one
- two
"""


def _documents(folder: str | None) -> list[Document]:
    if folder is None:
        return [read_document(f"page{n}.mdx", PAGE.format(n=n).encode()) for n in range(200)]
    paths = sorted(Path(folder).rglob("*.mdx"))
    return [read_document(str(path), path.read_bytes()) for path in paths]


def _best(function, documents: list[Document]) -> float:
    return min(timeit.repeat(lambda: [function(doc) for doc in documents], number=1, repeat=5))


def main() -> None:
    documents = _documents(sys.argv[1] if len(sys.argv) > 1 else None)
    size = sum(len(doc.text) for doc in documents) / 1e6
    print(f"{len(documents)} files, {size:.2f} MB; load average {os.getloadavg()[0]:.2f} (2 shared vCPUs)")
    as_commonmark = [dataclasses.replace(doc, mdx=False) for doc in documents]
    baseline = _best(parse_markdown, as_commonmark)
    rows = [
        ("parsed as CommonMark (baseline)", baseline),
        ("masking only (fmlint.mdx.masked_body)", _best(lambda doc: masked_body(doc.body), documents)),
        ("parsed as MDX (masking + parse)", _best(parse_markdown, documents)),
    ]
    print(f"{'way':40} {'ms':>8} {'× baseline':>11}")
    for name, seconds in rows:
        print(f"{name:40} {seconds * 1000:8.0f} {seconds / baseline:11.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

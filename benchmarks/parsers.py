"""Parse time per ~10 KB article body for the CommonMark parsers fmlint could use.

Rerun with ``python benchmarks/parsers.py`` after installing the candidates
(``pip install -e '.[bench]'``); a parser that is not installed is listed as
such.  The body is generated in the shape of the seed article (CJK headings and
paragraphs, images, links, emphasis, lists, code fences) and every parser is
asked for what the rules need: a token stream or tree *with source positions*.
``fmlint.markdown.parse_markdown`` (pyromark plus the view the rules read) is
timed too, so the cost of the view on top of the parser is visible.
"""

from __future__ import annotations

import importlib.util
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SECTION = """## {n}、模型价格再次下降

多家厂商本周宣布降价，输入价格平均下降 40%。详见 [公告](https://news.example.com/{n}/prices) 与
[文档](/docs/pricing/#tier-{n})。Prices dropped *again* this week, **by 40%** on average.

![价格对比图 {n}](https://cdn.example.com/images/2025/02/chart-{n}.png)

**一、模型价格再次下降**

- 输入价格：每百万 token 1 元
- 输出价格：每百万 token 2 元，see <https://example.com/{n}>

```python
def price(tokens: int) -> float:
    return tokens * 0.000001
```

> 来源：Example News，2025 年 2 月 7 日。

"""


def seed_body(size: int = 10_000) -> str:
    """A body of about ``size`` characters made of seed-shaped sections."""
    parts: list[str] = []
    n = 0
    while sum(map(len, parts)) < size:
        n += 1
        parts.append(SECTION.format(n=n))
    return "".join(parts)


def candidates() -> dict[str, Callable[[str], object] | None]:
    found: dict[str, Callable[[str], object] | None] = {}
    if importlib.util.find_spec("markdown_it"):
        from markdown_it import MarkdownIt

        found["markdown-it-py"] = MarkdownIt("commonmark").parse  # tokens carry line maps only
    else:
        found["markdown-it-py"] = None
    if importlib.util.find_spec("markdown_it_pyrs"):
        import markdown_it_pyrs

        found["markdown-it-pyrs"] = markdown_it_pyrs.MarkdownIt("commonmark").tree  # nodes carry byte srcmaps
    else:
        found["markdown-it-pyrs"] = None
    import pyromark

    found["pyromark"] = lambda text: list(pyromark.events_with_range(text))  # events with byte ranges
    from fmlint.document import read_document
    from fmlint.markdown import parse_markdown

    found["fmlint view (pyromark)"] = lambda text: parse_markdown(read_document("bench.md", text.encode()))
    return found


def measure(parse: Callable[[str], object], body: str, repeat: int = 7) -> float:
    """Milliseconds for one parse of ``body`` (best of ``repeat``: the least disturbed run on a shared machine)."""
    number = 20
    runs = timeit.repeat(lambda: parse(body), number=number, repeat=repeat)
    return min(runs) / number * 1000


def main() -> None:
    body = seed_body()
    print(f"body: {len(body)} characters, {len(body.encode())} bytes, {body.count(chr(10))} lines")
    print(f"{'parser':<26} {'ms / body':>10}")
    for name, parse in candidates().items():
        cell = "not installed" if parse is None else f"{measure(parse, body):10.3f}"
        print(f"{name:<26} {cell:>10}")


if __name__ == "__main__":
    main()

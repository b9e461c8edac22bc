"""Write a deterministic corpus of seed-shaped Hugo articles for benchmarks.

Usage: ``python benchmarks/gen_corpus.py N OUT [--faulty-percent P] [--seed S] [--site-links]``

Each article has the YAML front matter of the news-article shape (as in
``examples/content/posts/2025-02-07-model-prices.md``: title, a
``"YYYY-MM-DD hh:mm:ss"`` date, a ``summary`` block, taxonomy lists, empty
``menu``/``thumbnail``/``lead``, theme booleans, ``sidebar: "right"``, a widget
list) and a ~10 KB body with remote images, bold section-title lines, headings,
lists and links.  About ``P`` % of the files (default 5) carry one fault that
fmlint reports: a wrong type, a typo key, an impossible date, a missing title,
a YAML syntax error, or front matter that is never closed.  The same ``N`` and
seed always give the same bytes, so runs on different machines compare.

``--site-links`` makes the corpus a Hugo site (``OUT/hugo.toml``, content at the
root) whose articles link to each other as real sites do: see :func:`site_links`.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

WORDS = [
    "model",
    "price",
    "api",
    "token",
    "input",
    "output",
    "context",
    "window",
    "open",
    "source",
    "weights",
    "benchmark",
    "release",
    "update",
    "vendor",
    "cloud",
    "inference",
    "latency",
    "throughput",
    "cost",
    "discount",
    "cache",
    "training",
    "dataset",
    "evaluation",
    "agent",
    "tool",
    "search",
    "reasoning",
    "vision",
    "audio",
    "speech",
]
HANZI = "大模型价格本周多家厂商再次下调了的我们整理主要变化开源社区发布新权重与评测结果输入输出平均下降"
CATEGORIES = ("news", "analysis", "review", "tutorial")
TAGS = ("ai", "pricing", "cloud", "open-source", "benchmark", "llm", "gpu", "api")
LANGS = ("zh", "en")
WIDGETS = ("recent", "categories", "taglist", "social")
NUMERALS = "一二三四五六七八九十"
BODY_BYTES = 10_000

FAULTS = (
    lambda fm: fm.replace("toc: false", "toc: 1"),
    lambda fm: fm.replace("title:", "titel:", 1),
    lambda fm: re.sub(r'^date: ".*"$', 'date: "2025-02-30 11:51:26"', fm, flags=re.MULTILINE),
    lambda fm: "\n".join(line for line in fm.splitlines() if not line.startswith("title:")),
    lambda fm: fm.replace('sidebar: "right"', "sidebar: [right"),
)


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(HANZI) for _ in range(rng.randint(12, 30))) + "。"
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.5:
        text += (
            f" 来源：[{rng.choice(WORDS)} news](https://news.example.com/{rng.randint(1, 9999)}/{rng.choice(WORDS)})"
        )
    return text


def front_matter(rng: random.Random, index: int) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    lines = [
        f'title: "{sentence(rng)[:40]} #{index}"',
        f'date: "2025-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"',
        "summary: |",
        f"  {sentence(rng)}",
        f"  {sentence(rng)}",
        "categories:",
        f"  - {rng.choice(CATEGORIES)}",
        "tags:",
        *(f"  - {tag}" for tag in rng.sample(TAGS, rng.randint(1, 4))),
        "lang:",
        f"  - {rng.choice(LANGS)}",
        "translations: []",
        'menu: ""',
        'thumbnail: ""',
        'lead: ""',
        f"comments: {str(rng.random() < 0.8).lower()}",
        "authorbox: true",
        "pager: true",
        "toc: false",
        f"mathjax: {str(rng.random() < 0.1).lower()}",
        'sidebar: "right"',
        "widgets:",
        *(f"  - {widget}" for widget in rng.sample(WIDGETS, 2)),
    ]
    return "\n".join(lines)


def body(rng: random.Random) -> str:
    parts: list[str] = []
    section = 0
    while sum(len(part.encode()) for part in parts) < BODY_BYTES:
        section += 1
        kind = rng.random()
        if kind < 0.15:
            parts.append(
                f"![{rng.choice(WORDS)} 图](https://cdn.example.com/images/2025/{section:02d}/{rng.choice(WORDS)}-{rng.randint(1, 999)}.png)"
            )
        elif kind < 0.3:
            parts.append(f"**{NUMERALS[section % 10]}、{sentence(rng)[:20]}**")
        elif kind < 0.4:
            parts.append(f"## {sentence(rng)[:30]}")
        elif kind < 0.55:
            parts.append("\n".join(f"- {sentence(rng)[:60].rstrip()}" for _ in range(rng.randint(2, 5))))
        else:
            parts.append(paragraph(rng))
    return "\n\n".join(parts) + "\n"


def seed_body(rng: random.Random) -> str:
    """A body like the seed news article at its heaviest: sections that open with an image whose alt
    text is the generic `image` (an MKD003 warning) and a line of text, then a numbered bold title line
    (MD036), then text: about 8 findings per article."""
    parts: list[str] = []
    section = 0
    while sum(len(part.encode()) for part in parts) < BODY_BYTES:
        section += 1
        parts.append(f"![image](https://cdn.example.com/images/2025/{section:02d}/{rng.choice(WORDS)}-{section}.png)")
        parts.append(sentence(rng))
        parts.append(f"**{NUMERALS[(section - 1) % 10]}、{sentence(rng)[:20].rstrip(' 。.')}**")
        for _ in range(rng.randint(7, 11)):
            if rng.random() < 0.2:
                parts.append("\n".join(f"- {sentence(rng)[:60].rstrip()}" for _ in range(rng.randint(2, 5))))
            else:
                parts.append(paragraph(rng))
    return "\n\n".join(parts) + "\n"


SHAPES = {"article": body, "seed": seed_body}


def article(index: int, seed: int, faulty_percent: float, shape: str = "article") -> str:
    rng = random.Random(seed * 1_000_003 + index)
    fm = front_matter(rng, index)
    closing = "---"
    if rng.random() * 100 < faulty_percent:
        fault = rng.randrange(len(FAULTS) + 1)
        if fault == len(FAULTS):
            closing = ""  # front matter never closed
        else:
            fm = FAULTS[fault](fm)
    return f"---\n{fm}\n{closing}\n\n{SHAPES[shape](rng)}"


def site_links(index: int, count: int, seed: int, faulty_percent: float) -> tuple[list[str], list[str]]:
    """Front-matter lines and body paragraphs of a linked site, for article ``index`` of ``count``.

    About a third of the articles keep an old URL as an alias; each links to two
    or three others with ``ref``/``relref`` (half of them to a heading of the
    other article, any of its ``##`` headings, whose ID is worked out from its text) and to one by a relative
    ``.md`` link.  About 1 % of the links name no page or no heading, and one
    article in 2,000 has an alias that is another article's path (a collision).
    """
    rng = random.Random(seed * 7_919 + index)
    aliases = [f'"/old/{index}/"'] if rng.random() < 0.33 else []
    if index % 2000 == 5 and count > index + 2:
        aliases.append(f'"/{(index + 2) // 100:04d}/article-{index + 2:06d}/"')
    front = [f"aliases: [{', '.join(aliases)}]"] if aliases else []
    links: list[str] = []
    for _ in range(rng.randint(2, 3)):
        other = rng.randrange(count)
        target = f"/{other // 100:04d}/article-{other:06d}"
        if rng.random() < 0.01:
            target += "-missing"
        elif rng.random() < 0.5:
            headings = re.findall(r"^## (.+)$", article(other, seed, faulty_percent), re.MULTILINE)
            if headings:
                anchor = re.sub(r"[^\w\- ]", "", rng.choice(headings).strip().lower()).replace(" ", "-")
                target += "#" + (anchor if rng.random() > 0.01 else "no-such-heading")
        links.append(f'{{{{< {rng.choice(("ref", "relref"))} "{target}" >}}}}')
    sibling = index - 1 if index % 100 else index + 1
    links.append(f"[the previous article](article-{sibling:06d}.md)")
    return front, [f"Related: {', '.join(links)}."]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output folder (files go in 100-file subfolders)")
    parser.add_argument("--faulty-percent", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=20250207)
    parser.add_argument(
        "--shape", choices=SHAPES, default="article", help="seed: the heavy-findings shape (~8 per file)"
    )
    parser.add_argument(
        "--site-links", action="store_true", help="a Hugo site: aliases, refs and links between articles"
    )
    args = parser.parse_args(argv)
    if args.site_links:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "hugo.toml").write_text('baseURL = "https://example.org/"\ncontentDir = "."\n', encoding="utf-8")
    for index in range(args.count):
        folder = args.out / f"{index // 100:04d}"
        if index % 100 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        text = article(index, args.seed, args.faulty_percent, args.shape)
        if args.site_links:
            front, paragraphs = site_links(index, args.count, args.seed, args.faulty_percent)
            text = (
                text.replace("\n", "\n" + "".join(line + "\n" for line in front), 1)
                + "\n"
                + "\n".join(paragraphs)
                + "\n"
            )
        (folder / f"article-{index:06d}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

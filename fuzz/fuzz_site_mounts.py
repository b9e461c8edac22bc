"""Random Hugo sites laid out by module mounts against the site pass (see ``fuzz/README.md``).

Each seed writes a small site: a few languages, 1-5 mounts of random sources
(a language's folder, a docs folder as fallback pages, a folder outside
``content/``, a single file, a missing folder) on random targets, with random
``sites.matrix`` languages, ``lang`` and ``files`` glob slices (malformed ones
too), and pages whose aliases, titles and references collide. A seed fails when
the site pass crashes (``X001``), or when a run over two of the files (a
pre-commit run, against the cache of the whole run) reports in them anything
else than the whole run reports there.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_site_mounts import mount
from test_site_rules import SITE_SETTINGS, page, write

from fmlint.cache import ResultCache
from fmlint.diagnostics import INTERNAL_ERROR
from fmlint.rules.local_images import site_root
from fmlint.runner import run
from fmlint.site.config import forget_sites

GLOBS = ["**", "! en", "*.md", "! specs/**", "{a,b}/**", "[", "[]", "x[!a]", "**/_index.md", "! **/README.md", "{"]
SOURCES = ["content/en", "content/fr", "content/en/docs", "extra", "missing", "content/en/docs/a.md"]
TARGETS = ["content", "content/docs", "content/x/y", "content/", "static"]
FILES = [
    "content/en/_index.md",
    "content/en/docs/_index.md",
    "content/en/docs/a.md",
    "content/en/docs/b.md",
    "content/en/docs/specs/s.md",
    "content/fr/_index.md",
    "content/fr/docs/a.md",
    "extra/x.md",
    "extra/y.fr.md",
]
REFERENCES = ['{{< ref "/docs/a" >}}', "[l](a.md#h)", "[m](../docs/b.md)", '{{< relref "b#x" >}}', "[n](/docs/gone/)"]


def random_site(rng: random.Random, root: Path) -> list[str]:
    """Write a site under ``root``; its Markdown files, relative to it."""
    languages = rng.sample(["en", "fr", "de"], rng.randint(1, 3))
    config = 'baseURL = "https://example.org/"\n'
    config += "".join(f"[languages.{language}]\nweight = {n}\n" for n, language in enumerate(languages))
    for _ in range(rng.randint(1, 5)):
        matrix = rng.sample([*GLOBS[:2], *languages], rng.randint(1, 2)) if rng.random() < 0.5 else None
        files = rng.sample(GLOBS, rng.randint(1, 2)) if rng.random() < 0.4 else None
        config += mount(rng.choice(SOURCES), rng.choice(TARGETS), matrix, files)
        if matrix is None and rng.random() < 0.3:
            config += f'lang = "{rng.choice(languages)}"\n'
    site = {"hugo.toml": config}
    for name in FILES:
        if rng.random() < 0.8:
            references = " ".join(rng.choice(REFERENCES) for _ in range(2))
            title, alias = rng.choice("AB"), rng.choice("pq")
            site[name] = page(f'title: "{title}"', f'aliases: ["/{alias}/"]', body=f"## H\n\n{references}\n")
    write(root, site)
    return [name for name in site if name.endswith(".md")]


def check(seed: int) -> str:
    """What is wrong with the site pass on the site of ``seed`` ("" when nothing is)."""
    rng = random.Random(seed)
    root = Path(tempfile.mkdtemp())
    here = os.getcwd()
    try:
        files = random_site(rng, root)
        os.chdir(root)  # files named from the site's root, as a pre-commit hook names them
        forget_sites()
        site_root.cache_clear()
        crashes = [d for d in run(files, lambda _: SITE_SETTINGS, jobs=1).diagnostics if d.code == INTERNAL_ERROR]
        if crashes:
            return crashes[0].message
        cache = ResultCache(root / ".fmlint_cache")
        whole = run(files, lambda _: SITE_SETTINGS, jobs=1, cache=cache).diagnostics
        some = rng.sample(files, min(2, len(files)))
        part = run(some, lambda _: SITE_SETTINGS, jobs=1, cache=cache).diagnostics
        expected = sorted((d.path, d.line, d.column, d.code, d.message) for d in whole if d.path in some)
        found = sorted((d.path, d.line, d.column, d.code, d.message) for d in part)
        return "" if found == expected else f"a run over {some} differs: {set(found) ^ set(expected)}"
    finally:
        os.chdir(here)
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args()
    failed = 0
    for seed in range(args.first, args.first + args.seeds):
        problem = check(seed)
        if problem:
            failed += 1
            print(f"seed {seed}: {problem}")
    print(f"{args.seeds} sites, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

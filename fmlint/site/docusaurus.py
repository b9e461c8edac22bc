"""The content folders of a Docusaurus site, read from the text of its ``docusaurus.config.js|ts``.

The configuration is JavaScript, so it is not evaluated: comments are blanked
(strings kept), and each content plugin's options object — the classic
preset's ``docs: {…}``, ``blog: {…}``, ``pages: {…}``, or a
``['@docusaurus/plugin-content-docs', {…}]`` instance — gives its top-level
``path``.
"""

from __future__ import annotations

import re

from fmlint.js_text import TOKEN, without_comments

# where Docusaurus's content plugins take their options: the classic preset's `docs: {`/`blog: {`/`pages: {`,
# or a plugin's `['@docusaurus/plugin-content-docs', {`
_PLUGIN_OPTIONS = re.compile(
    r"""(?:\b(docs|blog|pages)\s*:\s*|['"]@docusaurus/plugin-content-(docs|blog|pages)['"]\s*,\s*)(\{|false\b)"""
)
_PATH_KEY = re.compile(r"(?<![\w$])path\s*:\s*$")


def docusaurus_folders(config: str, defaults: tuple[str, ...]) -> tuple[str, ...]:
    """The content folders a ``docusaurus.config.js|ts`` sets (each content plugin's ``path`` option: Redux's
    docs are ``'../docs'``), read from its text; a plugin without one keeps its default folder, ``false``
    turns it off. Without a readable configuration, ``defaults``."""
    try:
        with open(config, encoding="utf-8") as handle:
            text = without_comments(handle.read())
    except OSError:
        return defaults
    named = dict(zip(("docs", "blog", "pages"), defaults, strict=True))
    folders: list[str] = []
    mentioned: set[str] = set()
    off: set[str] = set()
    for match in _PLUGIN_OPTIONS.finditer(text):
        plugin = match.group(1) or match.group(2)
        mentioned.add(plugin)
        if match.group(3) == "false":
            off.add(plugin)
        else:  # (each instance of a plugin has its folder)
            folders.append(_top_level_path(text, match.end() - 1) or named[plugin])
    folders += [folder for plugin, folder in named.items() if plugin not in mentioned]
    return tuple(dict.fromkeys(folder for folder in folders if folder not in {named[p] for p in off}))


def _top_level_path(text: str, start: int) -> str:
    """The ``path: '…'`` option of the object literal opening at ``start`` (not of an object inside it)."""
    depth = 0
    for token in TOKEN.finditer(text, start):
        value = token.group()
        if value == "{":
            depth += 1
        elif value == "}":
            depth -= 1
            if depth == 0:
                return ""
        elif depth == 1 and value[0] in "'\"`" and _PATH_KEY.search(text, max(0, token.start() - 40), token.start()):
            return value[1:-1]
    return ""

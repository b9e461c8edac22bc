"""JavaScript and JSON-with-comments text read without evaluating it (``docusaurus.config.js``,
``tsconfig.json``): its tokens that matter here, and the text with its comments blanked."""

from __future__ import annotations

import re

# a comment, a string (quoted either way or a template), or a brace
TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|[{}]""", re.DOTALL)


def without_comments(text: str) -> str:
    """``text`` with each comment turned into spaces (offsets kept); strings, even holding ``//``, kept."""
    return TOKEN.sub(_blank_comment, text)


def _blank_comment(token: re.Match[str]) -> str:
    value = token.group()
    return " " * len(value) if value.startswith(("//", "/*")) else value

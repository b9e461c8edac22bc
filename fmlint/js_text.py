"""JavaScript and JSON-with-comments text read without evaluating it (``docusaurus.config.js``,
``tsconfig.json``): its tokens that matter here, and the text with its comments blanked."""

from __future__ import annotations

import re
from collections.abc import Iterator

# a comment, a string (quoted either way or a template), or a brace
TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|[{}]""", re.DOTALL)


def without_comments(text: str) -> str:
    """``text`` with each comment turned into spaces (offsets kept); strings, even holding ``//``, kept."""
    return TOKEN.sub(_blank_comment, text)


def _blank_comment(token: re.Match[str]) -> str:
    value = token.group()
    return " " * len(value) if value.startswith(("//", "/*")) else value


# the tokens an object literal's keys are found among: strings, brackets, names, commas and colons
_PART = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|[{}\[\]()]|[A-Za-z_$][\w$]*|[,:]""")


def object_keys(text: str, start: int) -> list[str]:
    """The keys (names or strings followed by ``:``) of the object literal opening at ``start`` (a ``{`` in
    ``text`` without comments), not those of the objects inside it."""
    return [name for kind, name in _members(text, start) if kind == "key"]


def object_spreads(text: str, start: int) -> list[str]:
    """The names spread into the object literal opening at ``start`` (``{...redirects, …}``)."""
    return [name for kind, name in _members(text, start) if kind == "spread"]


def _members(text: str, start: int) -> Iterator[tuple[str, str]]:
    """("key", name) and ("spread", name) of the object literal opening at ``start``, at its top level."""
    depth = 0
    candidate: str | None = None  # a name or string where a key may be
    expect_key = False
    for token in _PART.finditer(text, start):
        value = token.group()
        if value in "{[(":
            depth += 1
            expect_key = depth == 1
        elif value in "}])":
            depth -= 1
            if depth == 0:
                return
        elif depth != 1:
            continue
        elif value == ",":
            expect_key = True
        elif value == ":" and candidate is not None:
            yield "key", candidate
            expect_key = False
        elif expect_key and text.endswith("...", 0, token.start()):
            yield "spread", value
            expect_key = False
        elif expect_key:
            candidate = value[1:-1] if value[0] in "'\"`" else value
            expect_key = False
            continue
        candidate = None

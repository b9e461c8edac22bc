"""Where goldmark's linkify extension (on in Hugo by default) makes a link of a bare URL in running text."""

from __future__ import annotations

from fmlint.positions import Span
from fmlint.regex import lazy_pattern

_TRAILING = "?!.,:*_~"
_URL_PUNCTUATION = frozenset("-@:%_+.~#$!?&/=();,'\">^{}[]`")
_LINKIFY_AFTER = frozenset(" \t\r\n*_~(")
_TRAILING_ENTITY = lazy_pattern(r"&[A-Za-z0-9]+;$")


def linkified(text: str, span: Span) -> Span | None:
    """The span of the link linkify makes of the bare URL at ``span`` of ``text``: none unless it follows
    whitespace, `*`, `_`, `~` or `(` (not `：`), and it ends where :func:`_linkify_end` says."""
    if span.start and text[span.start - 1] not in _LINKIFY_AFTER:
        return None
    return Span(span.start, _linkify_end(text, span.start))


def _linkify_end(text: str, start: int) -> int:
    """Where goldmark's linkify link starting at ``start`` ends: at the first character that is not an ASCII
    URL character, less trailing `?!.,:*_~`, unmatched closing parentheses and a trailing `&name;`."""
    end = start
    while end < len(text) and ((text[end].isascii() and text[end].isalnum()) or text[end] in _URL_PUNCTUATION):
        end += 1
    while end > start:
        url = text[start:end]
        if url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("(")):
            end -= 1
        elif url[-1] == ";" and (entity := _TRAILING_ENTITY.search(url)):
            end -= len(entity.group())
        else:
            return end
    return end

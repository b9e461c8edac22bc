"""Line layout for edits that add or remove whole lines: which line break a file uses, where a line ends."""

from __future__ import annotations

from fmlint.positions import Span


def line_ending(text: str, offset: int) -> str:
    """The line break of the line holding ``offset`` (else the text's first one, else LF): a CRLF file stays CRLF."""
    end = text.find("\n", offset)
    if end < 0:
        end = text.rfind("\n", 0, offset)
    if end < 0:
        end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def line_around(text: str, span: Span) -> Span:
    """The whole lines holding ``span``, with the final line's break."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", max(span.start, span.end - 1) if span.end > span.start else span.start)
    return Span(start, len(text) if end < 0 else end + 1)


def is_blank_line(text: str, offset: int) -> bool:
    """Whether the line starting at ``offset`` is blank (or there is no line there)."""
    end = text.find("\n", offset)
    return not text[offset : len(text) if end < 0 else end].strip()


def removal(text: str, span: Span) -> tuple[Span, bool]:
    """What to delete to remove ``span`` and the space it leaves, and whether that may change the blocks
    around it: the span with the spaces before it when the line has more; its whole line when nothing else
    is on it and a blank line is beside it; between two non-blank lines, its content, leaving an empty line
    (two paragraphs must not join; but a comment between two list items then makes one loose list)."""
    line = line_around(text, span)
    before, after = text[line.start : span.start], text[span.end : line.end]
    if before.strip() or after.strip():
        return Span(span.start - (len(before) - len(before.rstrip(" \t"))), span.end), False
    previous_blank = line.start == 0 or is_blank_line(text, text.rfind("\n", 0, line.start - 1) + 1)
    if previous_blank or is_blank_line(text, line.end):
        return line, False
    return Span(line.start, line.end - len(line_ending(text, line.start))), True

"""The text of a heading that Hugo makes its ID of: goldmark's, where an inline element counts its first child alone.

Hugo (0.168) reads a heading's text as goldmark's deprecated ``Node.Text``
does: each child of the heading in full, but of an emphasis, a link or a
strikethrough only its first child — its first text node, or its first
element's text. Goldmark ends a text node where another inline element or a
typographer's substitution starts (a quote, ``--``, ``...``, ``<<``, ``>>``),
at a ``[`` (or ``*``, ``~``) that opens nothing, and where linkify finds a URL.
So ``### **Migrate from 'SDK v1' to 'SDK v2'**`` has the ID ``migrate-from``
(kubeflow's; ``migrate-from-sdk-v1-to-sdk-v2`` with the typographer off), and
``### *It's* fine`` ``it-fine``; both checked with Hugo's builds.

:class:`DropMarks` marks, while the Markdown view walks a heading's events,
where such text is dropped (private-use characters in ``Heading.typographic``);
:func:`goldmark_text` drops it for a site's typographer, :func:`unmarked`
leaves the text whole (other generators).
"""

from __future__ import annotations

from typing import Any

from fmlint.regex import lazy_pattern

# a zone dropped only with the typographer on; one dropped either way; within the first, where the rest is
# dropped either way; the end of a zone (the inline element's)
DROP_TYPO, DROP, DROP_SWITCH, DROP_END = "\ue002", "\ue003", "\ue004", "\ue005"
_MARKS = str.maketrans("", "", DROP_TYPO + DROP + DROP_SWITCH + DROP_END)
_TYPOGRAPHER = lazy_pattern(r"['\"]|--|\.\.\.|<<|>>")
_SPLITS = lazy_pattern(r"\[|https?://|www\.")  # (not `*`, `~`: escaped or not, the Markdown view does not say)
_INLINE = frozenset(("Emphasis", "Strong", "Strikethrough", "Link", "Image"))
# an inline element's state: no child yet, its first child a text node being read, that text past a typographer's
# substitution, its first child an element (open), the rest dropped, inside a dropped zone
_NEW, _TEXT, _TYPO, _CHILD, _DONE, _INSIDE = range(6)


class DropMarks:
    """Marks, in a heading's text parts as the Markdown view collects them, where Hugo's text ends (see the
    module's docstring)."""

    __slots__ = ("marked", "modes")

    def __init__(self) -> None:
        self.modes: list[int] = []  # the open inline elements' states, innermost last
        self.marked = False  # a mark was written

    def text(self, text: str, parts: list[str]) -> None:
        """``text`` appended to ``parts``, marked."""
        modes = self.modes
        mode = modes[-1] if modes else _INSIDE
        if mode in (_NEW, _TEXT):
            split = _SPLITS.search(text)
            typographic = _TYPOGRAPHER.search(text, 0, split.start() if split else len(text))
            if typographic is not None:
                parts += [text[: typographic.start()], DROP_TYPO]
                text, mode = text[typographic.start() :], _TYPO
                split = _SPLITS.search(text)
            self.marked = self.marked or mode == _TYPO
            if split is not None:
                parts += [text[: split.start()], DROP_SWITCH if mode == _TYPO else DROP]
                text, mode = text[split.start() :], _DONE
                self.marked = True
            modes[-1] = _TEXT if mode == _NEW else mode
        elif mode == _TYPO and (split := _SPLITS.search(text)) is not None:
            parts += [text[: split.start()], DROP_SWITCH]
            text, modes[-1] = text[split.start() :], _DONE
        parts.append(text)

    def element(self, text: str, parts: list[str]) -> int:
        """Another inline element, a leaf (a code span's ``text``, inline HTML, a break): the first child of the
        open element, or where what counts of it ends. Where in ``parts`` its text is."""
        mode = self.modes[-1] if self.modes else _INSIDE
        if mode in (_TEXT, _TYPO):
            parts.append(DROP if mode == _TEXT else DROP_SWITCH)
        parts.append(text)
        if mode == _NEW:
            parts.append(DROP)
        if mode in (_NEW, _TEXT, _TYPO):
            self.modes[-1], self.marked = _DONE, True
            return len(parts) - (2 if mode == _NEW else 1)
        return len(parts) - 1

    def event(self, event: Any, parts: list[str]) -> None:
        """An inline element's start or end."""
        start = event.get("Start")
        if start is not None:
            if (start if type(start) is str else next(iter(start))) not in _INLINE:
                return
            mode = self.modes[-1] if self.modes else _NEW
            if mode == _NEW:  # (its first child: read as the element)
                if self.modes:
                    self.modes[-1] = _CHILD
                self.modes.append(_NEW)
                return
            if mode in (_TEXT, _TYPO):
                parts.append(DROP if mode == _TEXT else DROP_SWITCH)
                self.modes[-1], self.marked = _DONE, True
            self.modes.append(_INSIDE)
            return
        end = event.get("End")
        if end is None or (end if type(end) is str else next(iter(end))) not in _INLINE or not self.modes:
            return
        if self.modes.pop() in (_TYPO, _DONE):
            parts.append(DROP_END)
        if self.modes and self.modes[-1] == _CHILD:  # (its first child ended: the rest of it is dropped)
            parts.append(DROP)
            self.modes[-1], self.marked = _DONE, True


def goldmark_text(marked: str, typographer: bool) -> str:
    """A heading's marked text as Hugo reads it for its ID, with its typographer on or off (its end trimmed, not
    its start: ``*'quoted' word* end`` is ``-end``)."""
    if DROP_END not in marked:
        return marked
    kept: list[str] = []
    dropping = 0  # the depth of the zones open around the character, where dropped
    zones: list[bool] = []  # each open zone: dropping
    for char in marked:
        if char in (DROP_TYPO, DROP):
            drops = char == DROP or typographer
            zones.append(drops)
            dropping += drops
        elif char == DROP_SWITCH:
            if zones and not zones[-1]:
                zones[-1] = True
                dropping += 1
        elif char == DROP_END:
            dropping -= zones.pop() if zones else 0
        elif not dropping:
            kept.append(char)
    return "".join(kept).rstrip()


def unmarked(marked: str) -> str:
    return marked.translate(_MARKS)


# the characters of an attribute's `#id` or `.class`: ASCII punctuation ends it, but `_-:.`
ID_CHARACTERS = r"""[^\s!"#$%&'()*+,/;<=>?@\[\\\]^`{|}~]*"""
_ID_OR_CLASS = lazy_pattern("[#.]" + ID_CHARACTERS)
_NAMED = lazy_pattern(r"""[A-Za-z_:][\w:.-]*\s*=\s*(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[^\s,"']+)""")
_BETWEEN = lazy_pattern(r"\s*(?:,\s*)?")


def goldmark_attributes(inside: str) -> bool:
    """Whether goldmark's ``ParseAttributes`` reads ``inside`` (what a heading's closing ``{…}`` holds) as an
    attribute list: ``#id``, ``.class`` and ``name=value`` attributes alone (none too), apart by spaces or a comma;
    else the braces are the heading's text (Hugo 0.168: ``## GET /users/{id}`` has the ID ``get-usersid``)."""
    at = len(inside) - len(inside.lstrip())
    while at < len(inside):
        found = _ID_OR_CLASS.match(inside, at) or _NAMED.match(inside, at)
        if found is None:
            return False
        at = found.end()
        at = _BETWEEN.match(inside, at).end()  # type: ignore[union-attr]  # (matches the empty string too)
    return True

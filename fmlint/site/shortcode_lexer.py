"""Hugo's shortcode lexer: the tags of a page's shortcodes, and the first one Hugo's parser rejects.

A port of Hugo's ``parser/pageparser/pagelexer_shortcode.go`` (0.168) as far as it
decides what fails a build: Hugo lexes a content file's text after its front
matter — Markdown's code spans and fences, and HTML comments, included — for
``{{<``/``{{%`` tags, and stops at the first tag it cannot read (a positional
parameter after named ones, an unquoted ``%``, a quoted value running to the end of
its line, a closing tag naming no shortcode opened before, no ``>}}``): the page
is not built.  ``{{</* … */>}}`` is a shortcode written out as text.

Most tags are simple (a name, then quoted or plain values, all positional or all
named): one regular expression reads them; any other is read character by character
as Hugo's state machine reads it.  Each tag is kept as (name, start, end, form):
``form`` is :data:`OPENING`, :data:`CLOSING` (``{{< /name >}}``) or
:data:`SELF_CLOSED` (``{{< name />}}``); an error as (message, start, end), where
Hugo reports it (its item's start).  Which tags need a closing one is the
templates' to say (``fmlint.site.templates``): the site pass pairs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fmlint.regex import lazy_pattern

OPENING, CLOSING, SELF_CLOSED = 0, 1, 2
Tag = tuple[str, int, int, int]  # name, where its `{{` starts, where its `}}` ends, its form
LexError = tuple[str, int, int]  # Hugo's message, where its item starts and ends

_SPACES = " \t\n\v\f\r"
_PLAIN = r"[A-Za-z0-9_-][A-Za-z0-9_.-]*"
_QUOTED = r'"[^"\\\n]*"'
_SIMPLE = lazy_pattern(
    rf"""\{{\{{(?P<left>[<%])[ \t\n\r]*(?P<close>/?)[ \t\n\r]*(?P<name>[A-Za-z0-9_][A-Za-z0-9_/-]*)
    (?P<params>(?:[ \t\n\r]+(?:{_QUOTED}|{_PLAIN}))*|(?:[ \t\n\r]+{_PLAIN}=[ \t]*(?:{_QUOTED}|{_PLAIN}(?=[ \t\n\r])))*)
    [ \t\n\r]*(?P<self>/?)[ \t\n\r]*(?P<right>[>%])\}}\}}""",
    re.VERBOSE,
)


def lex_shortcodes(text: str, openings: Iterable[int]) -> tuple[list[Tag], LexError | None]:
    """The shortcode tags of ``text`` that open at ``openings`` (where each ``{{<`` or ``{{%`` of the body begins,
    sorted), read as Hugo reads them, up to the first it cannot read (then returned too)."""
    lexer = _Lexer(text)
    for at in openings:
        if at < lexer.pos:
            continue  # (in a comment, or a quoted value, of a tag read)
        if lexer.inline and not lexer.closes_inline(at):
            return lexer.tags, ("inline shortcodes do not support nesting", at, at + 3)
        simple = _SIMPLE.match(text, at)
        if simple is not None and lexer.simple(simple):
            continue
        error = lexer.tag(at)
        if error is not None:
            return lexer.tags, error
    return lexer.tags, None


class _Lexer:
    """Hugo's lexer state across a page's tags (``lexerShortcodeState``): the names opened so far (a closing tag
    must name one), the last one, whether inside an inline shortcode."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = self.start = 0
        self.tags: list[Tag] = []
        self.opened: set[str] = set()
        self.current = ""
        self.inline = False
        self.right = ">}}"

    def closes_inline(self, at: int) -> bool:
        """Whether the tag at ``at`` closes the inline shortcode open (the only tag Hugo reads inside one)."""
        rest = self.text[at + 3 :].lstrip(_SPACES)
        return rest.startswith("/") and rest[1:].lstrip(_SPACES).startswith(self.current + " ")

    def simple(self, match: re.Match[str]) -> bool:
        """Take a tag the regular expression read whole (as Hugo would), unless it is not so simple after all."""
        left, right, name = match.group("left"), match.group("right"), match.group("name")
        closing, self_closed = bool(match.group("close")), bool(match.group("self"))
        if (left == "<") != (right == ">") or (closing and (self_closed or match.group("params"))):
            return False
        if closing and (name not in self.opened or not self.current):
            return False  # (Hugo's error: read it as Hugo does)
        self.opened.add(name)
        self.current = name
        form = CLOSING if closing else SELF_CLOSED if self_closed else OPENING
        self.tags.append((name, match.start(), match.end(), form))
        self.pos = self.start = match.end()
        return True

    def tag(self, at: int) -> LexError | None:
        """Read the tag at ``at`` as Hugo's states do (``lexShortcodeLeftDelim`` to ``lexShortcodeRightDelim``)."""
        text = self.text
        self.right = "%}}" if text.startswith("%", at + 2) else ">}}"
        self.pos = at + 3
        if text.startswith("/*", self.pos):  # a comment: written out as text
            end = text.find("*/" + self.right, self.pos)
            if end - self.pos <= 1:
                return self._error("comment must be closed")
            self.pos = self.start = end + 2 + len(self.right)
            return None
        self.start = self.pos
        step = elements = closing = 0
        name, form = "", OPENING
        while True:  # lexInsideShortcode
            if text.startswith(self.right, self.pos):
                self.pos = self.start = self.pos + 3
                if not name and form == OPENING:  # (an error of Hugo's reading of the tags, where the tag starts)
                    return ("shortcode has no name", at, self.pos)
                # (`{{</>}}` closes the innermost open shortcode, as any closing tag does: named as the last one)
                self.tags.append((name or self.current, at, self.pos, form))
                return None
            if self.pos >= len(text):
                return self._error("unclosed shortcode action")
            char = text[self.pos]
            self.pos += 1
            if char in _SPACES:
                self.start = self.pos
            elif char == "=":
                while self.pos < len(text) and text[self.pos] in _SPACES:
                    self.pos += 1
                self.start = self.pos
                peek = text[self.pos : self.pos + 1]
                if peek in ('"', "\\"):
                    error = self._quoted(escapes=peek != "\\")
                elif peek == "`":
                    error = self._raw()
                else:
                    while self.pos < len(text) and text[self.pos] not in _SPACES:
                        self.pos += 1
                    self.start, error = self.pos, None
                if error is not None:
                    return error
            elif char == "/":
                if not self.current:
                    self.start = self.pos - 1
                    return self._error("got closing shortcode, but none is open")
                closing += 1
                self.inline = False
                step = 0
                self.start = self.pos
                form = CLOSING if not name else SELF_CLOSED
            elif char == "\\":
                self.start = self.pos
                if text[self.pos : self.pos + 1] in ('"', "`"):
                    found = self._param(elements, escaped=True)
                    if isinstance(found, tuple):
                        return found
                    elements = found
            elif step > 0 and (_alphanumeric_or_hyphen(char) or char in '"`'):
                self.pos -= 1
                found = self._param(elements, escaped=False)
                if isinstance(found, tuple):
                    return found
                elements = found
            elif _alphanumeric(char):
                self.pos -= 1
                word, error = self._identifier()
                if error is not None:
                    return error
                if closing:
                    if word not in self.opened:
                        self.start = self.pos - len(word)
                        return self._error(f"closing tag for shortcode '{word}' does not match start tag")
                    self.opened.add(word)
                    self.current = word
                    self.inline = False
                    while not text.startswith(self.right, self.pos):  # lexEndOfShortcode
                        if self.pos >= len(text) or text[self.pos] not in _SPACES:
                            self.start = self.pos
                            self.pos = min(self.pos + 1, len(text))
                            return self._error("unclosed shortcode")
                        self.pos += 1
                    self.start = self.pos
                    name, form = name or word, SELF_CLOSED if name else CLOSING  # (`{{< x a=b /x >}}`: closed in one)
                    continue
                self.opened.add(word)
                self.current = name = word
                step += 1
            else:
                self.start = self.pos - 1
                return self._error(
                    f"unrecognized character in shortcode action: {_go_rune(char)}. "
                    "Note: Parameters with non-alphanumeric args must be quoted"
                )

    def _identifier(self) -> tuple[str, LexError | None]:
        """lexIdentifierInShortcode: a name (``/`` allowed, ``.`` only as ``name.inline``)."""
        text = self.text
        begin = self.start = self.pos
        while self.pos < len(text):
            char = text[self.pos]
            if char == ".":
                self.pos += 1
                self.inline = text.startswith("inline ", self.pos)
                if not self.inline:
                    return "", self._error("period in shortcode name only allowed for inline identifiers")
            elif _alphanumeric_or_hyphen(char) or char == "/":
                self.pos += 1
            else:
                break
        self.start = self.pos
        return text[begin : self.pos], None

    def _param(self, elements: int, escaped: bool) -> int | LexError:
        """lexShortcodeParam: a parameter (its value when quoted); the parameter elements seen (1: positional,
        2: named), or Hugo's error."""
        text = self.text
        first, next_equals = True, False
        while True:
            char = text[self.pos] if self.pos < len(text) else ""
            self.pos += 1
            if first:
                if char == '"' or (char == "`" and not escaped):
                    if elements == 2:
                        return self._error(
                            "got quoted positional parameter. Cannot mix named and positional parameters"
                        )
                    self.pos -= 1
                    error = self._quoted(escapes=not escaped) if char == '"' else self._raw()
                    return 1 if error is None else error
                if char == "`":
                    return self._error("unrecognized escape character")
                first = False
            elif char == "=":
                self.pos -= 1
                next_equals = True
                break
            if not (char and (_alphanumeric_or_hyphen(char) or char == ".")):
                self.pos -= 1
                break
        word = text[self.start : self.pos]
        if elements == 0:
            elements = 2 if next_equals else 1
        elif next_equals and elements == 1:
            return self._error(f"got named parameter '{word}'. Cannot mix named and positional parameters")
        elif not next_equals and elements == 2:
            return self._error(f"got positional parameter '{word}'. Cannot mix named and positional parameters")
        self.start = self.pos
        return elements

    def _quoted(self, escapes: bool) -> LexError | None:
        """lexShortcodeQuotedParamVal: a value in double quotes (``\\"`` inside when ``escapes``)."""
        text = self.text
        opened = False
        escaped_quote = False
        while True:
            if self.pos >= len(text):
                return self._unterminated()
            char = text[self.pos]
            self.pos += 1
            if char == "\\":
                peek = text[self.pos : self.pos + 1]
                if peek == '"':
                    if opened and not escapes:
                        self.pos -= 1
                        break
                    if opened:
                        escaped_quote = True
                elif peek == "`":
                    return self._error("unrecognized escape character")
            elif char == "\n":
                return self._unterminated()
            elif char == '"':
                if not escaped_quote:
                    if opened:
                        self.pos -= 1
                        break
                    opened = True
                    self.start = self.pos
                else:
                    escaped_quote = False
        if text.startswith('\\"', self.pos):
            self.pos += 2
        elif text.startswith('"', self.pos):
            self.pos += 1
        self.start = self.pos
        return None

    def _raw(self) -> LexError | None:
        """lexShortCodeParamRawStringVal: a value in backquotes."""
        end = self.text.find("`", self.pos + 1)
        self.start = self.pos + 1
        if end < 0:
            self.pos = len(self.text)
            return self._error(f"unterminated raw string in shortcode parameter-argument: '{self._current()}'")
        self.pos = self.start = end + 1
        return None

    def _current(self) -> str:
        return self.text[self.start : self.pos]

    def _unterminated(self) -> LexError:
        """Hugo's error for a quoted value that its line or the file ends (the value as far as it goes, without
        the line's end that Hugo's message holds)."""
        value = self._current().rstrip("\r\n")
        return self._error(f"unterminated quoted string in shortcode parameter-argument: '{value}'")

    def _error(self, message: str) -> LexError:
        return (message, self.start, max(self.pos, self.start + 1))


def slash_before_end(end: int) -> tuple[int, int]:
    """Where the ``/`` of a self-closed tag ending at ``end`` is when written right before its ``>}}`` (or ``%}}``),
    as most are."""
    return end - len(">}}") - 1, end - len(">}}")


def _alphanumeric(char: str) -> bool:
    """Go's ``unicode.IsLetter || unicode.IsDigit`` or ``_`` (Hugo's ``isAlphaNumeric``)."""
    return char == "_" or char.isalpha() or char.isdecimal()


def _alphanumeric_or_hyphen(char: str) -> bool:
    return char == "-" or _alphanumeric(char)


def _go_rune(char: str) -> str:
    """A character as Go's ``%#U`` writes it (``U+0025 '%'``)."""
    return f"U+{ord(char):04X} '{char}'" if char.isprintable() else f"U+{ord(char):04X}"

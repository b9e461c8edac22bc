"""Code actions on fmlint's findings: suppress one on its line, open a rule's documentation.

Both act on fmlint's own results for the document's current version (not on
the diagnostics the client sends back).  A suppression comment is offered only
when it is known to work: the edited text is linted again, and the action is
kept when the finding is gone, nothing new appears on that line and the front
matter's data is unchanged (a ``#`` inside a YAML block scalar would be text).

The quick fixes from ``fmlint --fix`` come first (``fmlint.server.quick_fixes``).
"""

from __future__ import annotations

from lsprotocol import types

from fmlint.config.fix_policy import FixPolicy
from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic
from fmlint.document import Document, read_document
from fmlint.frontmatter import parse_front_matter
from fmlint.linter import lint_file
from fmlint.regex import lazy_pattern
from fmlint.server.diagnostics import Outcome, lsp_diagnostic
from fmlint.server.quick_fixes import fix_actions
from fmlint.server.text import TextBuffer
from fmlint.suppressions import UNUSED

OPEN_DOCUMENTATION = "fmlint.openRuleDocumentation"
_MAX_VERIFIED = 8  # suppressions tried per request (each is one lint)
_FRONT_MATTER_COMMENT = lazy_pattern(r"#\s*fmlint-disable-line(?![\w-])(?P<codes>.*)$")
_BODY_COMMENT = lazy_pattern(r"<!--\s*fmlint-disable-line(?![\w-])(?P<codes>.*?)\s*-->\s*$")


def code_actions(
    buffer: TextBuffer, outcome: Outcome, wanted: types.Range, policy: FixPolicy
) -> list[types.CodeAction]:
    """The actions for fmlint's findings that overlap ``wanted``: fixes, suppressions, documentation."""
    if outcome.settings is None or outcome.buffer.version != buffer.version:
        return []
    here = [d for d in outcome.found if _overlaps(buffer.diagnostic_range(d), wanted)]
    actions = fix_actions(buffer, outcome, policy, here)
    for diagnostic in here[:_MAX_VERIFIED]:
        suppress = _suppression(buffer, outcome.settings, diagnostic)
        if suppress is not None:
            actions.append(suppress)
    for code in sorted({d.code for d in here}):
        actions.append(
            types.CodeAction(
                title=f"Open rule documentation for {code}",
                kind=types.CodeActionKind.QuickFix,
                command=types.Command(
                    title=f"Open rule documentation for {code}", command=OPEN_DOCUMENTATION, arguments=[code]
                ),
            )
        )
    return actions


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def suppression_insert(doc: Document, diagnostic: Diagnostic) -> tuple[int, str] | None:
    """Where (an offset into ``doc.text``) and what to insert to silence ``diagnostic`` on its line.

    A trailing ``# fmlint-disable-line`` in YAML or TOML front matter, a trailing
    ``<!-- fmlint-disable-line -->`` in the body (a comment already there gets
    the code added); nothing on a delimiter line or in JSON front matter.
    """
    text = doc.text
    start = doc.lines.line_start(diagnostic.line)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end - (text[end - 1] == "\r")
    line = text[start:end]
    front = doc.front_matter
    if front is not None and front.start <= start and end <= front.end:
        if doc.kind == "json":
            return None
        comment, form = _FRONT_MATTER_COMMENT.search(line), f"# fmlint-disable-line {diagnostic.code}"
        separator = "  " if line.strip() else ""
    elif start >= doc.body_start:
        comment, form = _BODY_COMMENT.search(line), f"<!-- fmlint-disable-line {diagnostic.code} -->"
        separator = " " if line.strip() else ""
    else:
        return None
    if comment is None:
        return end, separator + form
    if not comment.group("codes").strip():
        return None  # it silences every rule already
    return start + comment.end("codes"), f",{diagnostic.code}"


def _suppression(buffer: TextBuffer, settings: Settings, diagnostic: Diagnostic) -> types.CodeAction | None:
    doc = buffer.document
    insert = suppression_insert(doc, diagnostic)
    if insert is None:
        return None
    offset, added = insert
    edited = read_document(doc.path, (doc.text[:offset] + added + doc.text[offset:]).encode("utf-8", "surrogatepass"))
    before, after = parse_front_matter(doc), parse_front_matter(edited)
    if (before and before.data) != (after and after.data):
        return None
    silenced = (diagnostic.code, UNUSED)
    if any(d.line == diagnostic.line and d.code in silenced for d in lint_file(edited, settings).diagnostics):
        return None
    where = buffer.position(buffer.from_fmlint(offset))
    return types.CodeAction(
        title=f"Suppress {diagnostic.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic(buffer, diagnostic)],
        edit=types.WorkspaceEdit(changes={buffer.uri: [types.TextEdit(types.Range(where, where), added)]}),
    )

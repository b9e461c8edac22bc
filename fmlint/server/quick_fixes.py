"""Quick fixes: fmlint's own fixes (the ones ``fmlint --fix`` applies) as code actions.

- one action per finding that has a fix, its message as the title, with
  ``(unsafe)`` added when the fix may change meaning (the configuration's
  ``fixable``/``unfixable``/``extend-*-fixes`` apply; display-only fixes are
  not offered);
- "Fix all CODE problems in this file" when a code has more than one safe fix;
- ``source.fixAll.fmlint``: every safe fix, for fix-on-save (off with
  ``fmlint.fixAll = false``).

The last two run :func:`fmlint.fix.apply.fix_document` on the buffer's text as
``--fix`` does (passes until nothing is left, each proven harmless), on
fmlint's own findings — never on the diagnostics the client sends back; the
site rules' too, for the version opened or saved — and send the result as one
edit of the part that changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from lsprotocol import types

from fmlint.config.fix_policy import FixPolicy
from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic
from fmlint.fix.apply import fix_document
from fmlint.fix.locate import offset_edits
from fmlint.fix.model import SAFE
from fmlint.rules.site import SITE_CODES
from fmlint.server.diagnostics import Outcome, lsp_diagnostic
from fmlint.server.text import TextBuffer

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.fmlint"


def _safe(policy: FixPolicy) -> Callable[[Diagnostic], bool]:
    """Whether ``fmlint --fix`` (without ``--unsafe-fixes``) applies a finding's fix."""
    return lambda d: d.fix is not None and policy.applies(d.code, d.fix.applicability, unsafe_fixes=False)


def fix_actions(
    buffer: TextBuffer, outcome: Outcome, policy: FixPolicy, here: list[Diagnostic]
) -> list[types.CodeAction]:
    """The quick fixes of the findings ``here``, then "Fix all CODE problems in this file" per code."""
    actions = []
    for diagnostic in here:
        fix = diagnostic.fix
        if fix is None or not policy.applies(diagnostic.code, fix.applicability, unsafe_fixes=True):
            continue
        safe = policy.applicability(diagnostic.code, fix.applicability) == SAFE
        edits = [
            types.TextEdit(buffer.range(buffer.from_fmlint(e.start), buffer.from_fmlint(e.end)), e.content)
            for e in offset_edits(buffer.document, fix)
        ]
        actions.append(
            types.CodeAction(
                title=fix.message if safe else f"{fix.message} (unsafe)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic(buffer, diagnostic)],
                is_preferred=safe,
                edit=types.WorkspaceEdit(changes={buffer.uri: edits}),
            )
        )
    safe_fix = _safe(policy)
    assert outcome.settings is not None
    for code in sorted({d.code for d in here if safe_fix(d)}):
        if sum(1 for d in outcome.found if d.code == code and safe_fix(d)) > 1:
            of_code = fixed_document_edit(buffer, outcome.settings, _of_code(code, safe_fix), site_findings(outcome))
            if of_code is not None:
                title = f"Fix all {code} problems in this file"
                actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, edit=of_code))
    return actions


def _of_code(code: str, wanted: Callable[[Diagnostic], bool]) -> Callable[[Diagnostic], bool]:
    return lambda d: d.code == code and wanted(d)


def fix_all_action(
    buffer: TextBuffer, settings: Settings, policy: FixPolicy, carried: Sequence[Diagnostic] = ()
) -> types.CodeAction | None:
    """``source.fixAll.fmlint``: the safe fixes (the ``carried`` findings' too), applied as ``fmlint --fix``
    applies them."""
    edit = fixed_document_edit(buffer, settings, _safe(policy), carried)
    return types.CodeAction(title="fmlint: fix all safe problems", kind=FIX_ALL, edit=edit) if edit else None


def site_findings(outcome: Outcome) -> list[Diagnostic]:
    """The site rules' findings of the lint (of the buffer's version): ``fix_document`` applies their fixes too."""
    return [d for d in outcome.found if d.code in SITE_CODES] if outcome.site else []


def fixed_document_edit(
    buffer: TextBuffer, settings: Settings, wanted: Callable[[Diagnostic], bool], carried: Sequence[Diagnostic] = ()
) -> types.WorkspaceEdit | None:
    """The text ``fix_document`` makes of the buffer (with the ``carried`` findings' fixes), as one edit of the
    part that changed (``None``: no change)."""
    before = buffer.document.text
    after = fix_document(buffer.document, settings, wanted, carried=carried).doc.text
    if after == before:
        return None
    # commonprefix compares any strings character by character (in C): texts here, not paths
    prefix = len(os.path.commonprefix([before, after]))  # noqa: RUF071
    suffix = len(os.path.commonprefix([before[prefix:][::-1], after[prefix:][::-1]]))  # noqa: RUF071
    if prefix and before[prefix - 1] == "\r":
        prefix -= 1  # an edit never starts between CR and LF
    end = len(before) - suffix
    if suffix and end and before[end] == "\n" and before[end - 1] == "\r":
        suffix, end = suffix - 1, end + 1  # nor ends there
    replaced = buffer.range(buffer.from_fmlint(prefix), buffer.from_fmlint(end))
    return types.WorkspaceEdit(changes={buffer.uri: [types.TextEdit(replaced, after[prefix : len(after) - suffix])]})

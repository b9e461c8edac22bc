"""Apply fixes to one document, ruff's way, and prove each one harmless.

A pass takes the linter's diagnostics (the pipeline's own, suppressions
applied), keeps the fixes the caller wants, and accepts them in document
order, leaving any fix that overlaps an accepted one for the next pass.  Each
fix is first tried alone: one that would add or remove the front matter,
introduce a front-matter syntax error, or change the parsed data anywhere but
where its own edits are (a *safe* fix: at all) is reverted and reported.  The
accepted fixes are applied together and checked the same way, the document
is read and linted again, and passes repeat until nothing is left to fix, the
text repeats, or :data:`MAX_PASSES`.  A document whose front matter does not
parse, or whose bytes are not clean UTF-8, is never edited.

Findings the document's own lint does not make (the site rules', from the
run) are *carried*: their fixes are applied with the others, and those left
move with each pass's edits (a fix of theirs that an applied edit overlaps is
dropped, the finding kept).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from fmlint.config.settings import Settings
from fmlint.diagnostics import ORDER, Diagnostic
from fmlint.document import Document, read_document
from fmlint.file_result import FileResult
from fmlint.fix.encoding import encoded
from fmlint.fix.locate import located_fix, offset_edits
from fmlint.fix.model import SAFE, Edit, Fix
from fmlint.frontmatter import FrontMatter, JsonPath, describe_path, parse_front_matter
from fmlint.linter import lint_file
from fmlint.positions import Span

MAX_PASSES = 10
_LOSSY = {"FL002", "FL003"}  # the text is not the file's bytes: writing it back would change others


class Reverted(msgspec.Struct):
    diagnostic: Diagnostic
    reason: str


class FixOutcome(msgspec.Struct):
    """The fixed document, what remains (its lint result), the diagnostics whose fixes were applied, the reverted ones."""

    doc: Document
    result: FileResult
    applied: list[Diagnostic] = msgspec.field(default_factory=list)
    reverted: list[Reverted] = msgspec.field(default_factory=list)
    passes: list[tuple[Edit, ...]] = msgspec.field(default_factory=list)  # each pass's edits, on the text before it

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.result.diagnostics

    def encoded(self, original: bytes) -> bytes:
        """The fixed file's bytes (``original`` itself when no fix was applied)."""
        return encoded(original, self.doc.text) if self.applied else original


Wanted = Callable[[Diagnostic], bool]


def fix_document(
    doc: Document, settings: Settings, wanted: Wanted, verbose: bool = False, carried: Sequence[Diagnostic] = ()
) -> FixOutcome:
    """Apply the fixes ``wanted`` selects to ``doc``, and those of the ``carried`` findings (see the module
    docstring)."""
    carried = list(carried)
    outcome = FixOutcome(doc, _with(lint_file(doc, settings, verbose), carried))
    if not _editable(doc):
        return outcome
    refused: set[tuple[Any, ...]] = set()
    seen = {doc.text}
    for _ in range(MAX_PASSES):
        current = outcome.doc
        chosen = _choose(current, (d for d in outcome.diagnostics if d.fix and wanted(d) and _key(d) not in refused))
        if not chosen:
            break
        baseline = parse_front_matter(current)
        accepted: list[tuple[Diagnostic, tuple[Edit, ...]]] = []
        for diagnostic, edits in chosen:
            reason = _harm(
                current, baseline, edits, safe=diagnostic.fix is not None and diagnostic.fix.applicability == SAFE
            )
            if reason is None:
                accepted.append((diagnostic, edits))
            else:
                refused.add(_key(diagnostic))
                outcome.reverted.append(Reverted(diagnostic, reason))
        if not accepted:
            continue
        if _harm(current, baseline, [e for _, edits in accepted for e in edits], safe=False) is not None:
            accepted = accepted[:1]  # each is harmless alone, not together: one per pass
        applied = tuple(sorted(e for _, edits in accepted for e in edits))
        text = apply_edits(current.text, applied)
        if text in seen:
            break  # fixes undoing each other
        seen.add(text)
        fixed = read_document(current.path, text.encode("utf-8"))
        done = {id(diagnostic) for diagnostic, _ in accepted}
        carried = [_moved(d, current, fixed, applied) for d in carried if id(d) not in done]
        outcome = FixOutcome(
            fixed,
            _with(lint_file(fixed, settings, verbose), carried),
            outcome.applied,
            outcome.reverted,
            outcome.passes,
        )
        outcome.applied.extend(diagnostic for diagnostic, _ in accepted)
        outcome.passes.append(applied)
    return outcome


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` (not overlapping) applied."""
    parts, position = [], 0
    for edit in sorted(edits):
        parts += [text[position : edit.start], edit.content]
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def _with(result: FileResult, carried: list[Diagnostic]) -> FileResult:
    """The document's own lint with the ``carried`` findings."""
    if not carried:
        return result
    return FileResult(result.path, sorted([*result.diagnostics, *carried], key=ORDER), result.urls, result.facts)


def _moved(diagnostic: Diagnostic, before: Document, after: Document, edits: Sequence[Edit]) -> Diagnostic:
    """A finding in ``before`` where it is in ``after``, the text ``edits`` made of it (with its fix, unless
    an edit overlaps the fix's)."""
    lines = before.lines
    start = _shifted(lines.offset_at(diagnostic.line, diagnostic.column), edits)
    end = _shifted(lines.offset_at(diagnostic.end_line, diagnostic.end_column), edits)
    place = after.lines.position(Span(start, max(start, end)))
    fix = diagnostic.fix
    if fix is not None:
        own = offset_edits(before, fix)
        moved = tuple(Edit(_shifted(e.start, edits), _shifted(e.end, edits), e.content) for e in own)
        clear = not any(_overlap(edit, other) for edit in own for other in edits)
        fix = located_fix(after, Fix(fix.applicability, fix.message, moved)) if clear else None
    return msgspec.structs.replace(
        diagnostic,
        line=place.line,
        column=place.column,
        end_line=place.end_line,
        end_column=place.end_column,
        fix=fix,
    )


def _shifted(offset: int, edits: Sequence[Edit]) -> int:
    """Where an offset of the text before ``edits`` (sorted, apart) is after them (in an edited span: where
    the span's content ends)."""
    shift = 0
    for edit in edits:
        if edit.start >= offset:
            break
        if edit.end > offset:
            return edit.start + shift + len(edit.content)
        shift += len(edit.content) - (edit.end - edit.start)
    return offset + shift


def _editable(doc: Document) -> bool:
    if not doc.readable or any(problem.code in _LOSSY for problem in doc.problems):
        return False
    if doc.kind is not None and doc.front_matter is None:
        return False  # unclosed front matter
    fm = parse_front_matter(doc)
    return fm is None or (fm.data is not None and not fm.problems)


def _key(diagnostic: Diagnostic) -> tuple[Any, ...]:
    """What identifies a fix from pass to pass (its position may move)."""
    assert diagnostic.fix is not None
    return diagnostic.code, diagnostic.message, tuple(edit.content for edit in diagnostic.fix.edits)


def _choose(doc: Document, candidates: Iterable[Diagnostic]) -> list[tuple[Diagnostic, tuple[Edit, ...]]]:
    """The fixes of ``candidates`` that do not overlap one before them (in document order)."""
    located = sorted(((offset_edits(doc, d.fix), d) for d in candidates if d.fix), key=lambda item: (item[0], item[1]))
    chosen: list[tuple[Diagnostic, tuple[Edit, ...]]] = []
    taken: list[Edit] = []
    for edits, diagnostic in located:
        if not edits or any(_overlap(edit, other) for edit in edits for other in taken):
            continue
        chosen.append((diagnostic, edits))
        taken.extend(edits)
    return chosen


def _overlap(a: Edit, b: Edit) -> bool:
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def _harm(doc: Document, baseline: FrontMatter | None, edits: Sequence[Edit], safe: bool) -> str | None:
    """Why applying ``edits`` to ``doc`` must not be done, or ``None`` when it is harmless."""
    if min(edit.start for edit in edits) >= _front_matter_end(doc):
        return None  # after the front matter (or the first line): the split and the data cannot change
    after = read_document(doc.path, apply_edits(doc.text, edits).encode("utf-8"))
    if after.kind != doc.kind or (after.front_matter is None) != (doc.front_matter is None):
        return "it would add or remove the front matter"
    if doc.front_matter is None or after.front_matter is None:
        return None
    if after.source(after.front_matter) == doc.source(doc.front_matter):
        return None  # the front matter is the same text
    fm = parse_front_matter(after)
    assert fm is not None and baseline is not None
    if fm.data is None or fm.problems:
        problem = fm.problems[0].message if fm.problems else "the front matter no longer parses"
        return f"it would break the front matter: {problem}"
    for path in changed_paths(baseline.data, fm.data):
        if safe:
            return f"a safe fix would change `{describe_path(path)}`"
        if not (_near(baseline, path, _before(edits)) or _near(fm, path, _after(edits))):
            return f"it would change `{describe_path(path)}`, outside its edits"
    return None


def _front_matter_end(doc: Document) -> int:
    """Where text stops deciding the front matter: the body, or the end of the first line when there is none
    (an edit there could make one)."""
    if doc.kind is not None and doc.front_matter is not None:
        return doc.body_start
    first_break = doc.text.find("\n")
    return len(doc.text) + 1 if doc.kind is not None or first_break < 0 else first_break + 1


def changed_paths(before: Any, after: Any, path: JsonPath = ()) -> list[JsonPath]:
    """The outermost paths at which ``after`` differs from ``before`` (types compared too: 1 is not true)."""
    if type(before) is not type(after):
        return [path]
    if isinstance(before, dict):
        changed: list[JsonPath] = [(*path, key) for key in before.keys() ^ after.keys()]
        for key in before.keys() & after.keys():
            changed += changed_paths(before[key], after[key], (*path, key))
        return changed
    if isinstance(before, list) and len(before) == len(after):
        return [p for index, item in enumerate(before) for p in changed_paths(item, after[index], (*path, index))]
    return [] if before == after else [path]


def _before(edits: Sequence[Edit]) -> list[Span]:
    return [Span(edit.start, edit.end) for edit in edits]


def _after(edits: Sequence[Edit]) -> list[Span]:
    """Where each edit's content lands in the edited text."""
    spans, shift = [], 0
    for edit in sorted(edits):
        spans.append(Span(edit.start + shift, edit.start + shift + len(edit.content)))
        shift += len(edit.content) - (edit.end - edit.start)
    return spans


def _near(fm: FrontMatter, path: JsonPath, spans: list[Span]) -> bool:
    """Whether ``path``'s key or value touches one of ``spans`` (as ``fm`` locates it)."""
    own = (fm.key_span(path), fm.value_span(path))
    return any(a.start <= b.end and b.start <= a.end for a in own for b in spans)

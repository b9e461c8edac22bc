"""What a schema reports on a site, located exactly as ``fmlint`` would, grouped per key.

Every file's stored data is first asked of the native pre-screen (fast, and
almost always valid); a file it does not pass is read again and validated by
jsonschema, and each error is placed and worded by ``fmlint.schema.errors``,
the code the ``SC`` rules use, and near-miss keys (SC006) likewise.  So the findings of ``fmlint schema infer`` are
those of ``fmlint --select SC --schema`` with the inferred schema, by
construction (a test compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import msgspec

from fmlint.diagnostics import Problem
from fmlint.frontmatter import parse_front_matter
from fmlint.infer.collect import ITEMS, NO_FRONT_MATTER, Site, describe
from fmlint.linter import read_path
from fmlint.positions import Position
from fmlint.regex import lazy_pattern
from fmlint.rules.schema import missing_front_matter, no_page
from fmlint.schema.loader import CompiledSchema
from fmlint.schema.near_miss import near_miss_problems, near_misses
from fmlint.schema.prescreen import known_valid


class Finding(msgspec.Struct, frozen=True, order=True):
    """One schema finding: where, what, and the generalised key it is about."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    key: str  # generalised path (``tags[]``), "" for the whole front matter
    kind: str  # typo, type, missing, format, enum, taxonomy, no-front-matter, other

    def as_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__struct_fields__}


_ANY_ITEM = lazy_pattern(r"\[\d+\]")
_KINDS = {
    "not": "typo",
    "additionalProperties": "typo",
    "type": "type",
    "anyOf": "type",
    "required": "missing",
    "format": "format",
    "pattern": "format",
    "enum": "enum",
    "uniqueItems": "taxonomy",
    "minLength": "taxonomy",
}


def schema_findings(
    site: Site, schema: CompiledSchema, max_file_size: Callable[[str], int], advance: Callable[[], None]
) -> list[Finding]:
    """Every finding of ``schema`` on the files of ``site``, sorted."""
    findings: list[Finding] = []
    for index, path in enumerate(site.files):
        data = site.data[index]
        if data is None:
            # read, but without front matter (an unreadable file gets FL findings instead)
            missing = site.unreadable.get(index) == NO_FRONT_MATTER and schema.requires_properties
            if missing and not no_page(path):  # (as the rule: a site's other Markdown is no page)
                message = missing_front_matter(schema).message  # at the start of the file
                findings.append(Finding(path, 1, 1, 1, 1, "SC004", message, "", "no-front-matter"))
        elif not known_valid(schema, data) or next(near_misses(schema.contents, data), None):
            findings.extend(_file_findings(path, schema, max_file_size(path)))
        advance()
    return sorted(findings)


def _file_findings(path: str, schema: CompiledSchema, max_file_size: int) -> Iterator[Finding]:
    from fmlint.schema.errors import schema_problems  # jsonschema: imported for the first invalid document

    doc = read_path(path, max_file_size)
    fm = parse_front_matter(doc)
    if fm is None or not isinstance(fm.data, dict):  # changed since it was read
        return
    for error in schema.validator.iter_errors(fm.data):
        key = describe(tuple(ITEMS if isinstance(part, int) else part for part in error.absolute_path))
        kind = _KINDS.get(str(error.validator), "other")
        for problem in schema_problems(iter([error]), fm):
            if problem.code in ("SC002", "SC003"):  # about a key: the message names it
                key = _ANY_ITEM.sub("[]", problem.message.split("`")[1])
            yield _finding(doc.lines.position(problem.span), path, problem, key, kind)
    for problem in near_miss_problems(schema.contents, fm.data, fm):
        key = _ANY_ITEM.sub("[]", problem.message.split("`")[1])
        yield _finding(doc.lines.position(problem.span), path, problem, key, "typo")


def _finding(where: Position, path: str, problem: Problem, key: str, kind: str) -> Finding:
    return Finding(
        path, where.line, where.column, where.end_line, where.end_column, problem.code, problem.message, key, kind
    )

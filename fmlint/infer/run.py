"""The steps of an inference: find the files, learn, decide, check the result on the same files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec

from fmlint.config.resolve import Overrides, Resolver
from fmlint.discover import discover
from fmlint.infer.collect import Site, collect
from fmlint.infer.decide import Conventions, Thresholds, infer_schema
from fmlint.infer.findings import Finding, schema_findings
from fmlint.infer.headless import headless_files, headless_folders, headless_report
from fmlint.infer.report import as_json
from fmlint.infer.shapes import share_across
from fmlint.infer.site_config import site_taxonomies
from fmlint.regex import lazy_pattern
from fmlint.schema.loader import CompiledSchema, bundled_schema_path, compile_schema

Advance = Callable[[], None]
MIN_SECTION = 15  # files a Hugo section needs for a schema of its own


class Result(msgspec.Struct):
    schema: dict[str, Any]
    report: dict[str, Any]


class Inference(msgspec.Struct):
    """The files of ``paths`` and how to read and judge them."""

    files: list[str]
    resolver: Resolver
    conventions: Conventions
    thresholds: Thresholds
    title: str
    roots: tuple[str, ...] = ()  # the folders named on the command line
    site: Site | None = None

    @classmethod
    def of(
        cls,
        paths: Sequence[str],
        preset: str | None,
        config: str | None,
        isolated: bool,
        thresholds: Thresholds,
        files: list[str] | None = None,
    ) -> Inference:
        """The inference over ``paths`` (or over ``files`` found otherwise, under the configuration of ``paths``)."""
        resolver = Resolver(Overrides(preset=preset, config=config, isolated=isolated))
        project = resolver.project_for(paths[0])
        preset_schema = bundled_schema_path(project.preset.schema) if project.preset.schema else None
        required = json.loads(preset_schema.read_text()).get("required", []) if preset_schema else []
        conventions = Conventions(
            preset=project.preset.name,
            taxonomies=site_taxonomies(paths[0]),
            image_fields=project.image_fields,
            required=frozenset(required),
        )
        title = f"Front matter of {Path(os.path.abspath(paths[0])).name}"
        found = files if files is not None else discover(paths, resolver.project_for)
        return cls(
            found, resolver, conventions, thresholds, title, tuple(path for path in paths if os.path.isdir(path))
        )

    def max_file_size(self, path: str) -> int:
        return self.resolver.project_for(path).max_file_size

    def read(self, advance: Advance) -> Site:
        if self.site is None:
            self.site = collect(self.files, self.max_file_size, advance)
        return self.site

    def pages(self, advance: Advance) -> tuple[Site, dict[str, Any]]:
        """Every file but those of headless bundles (Hugo), and the report's entry on those."""
        site = self.read(advance)
        folders = headless_folders(site) if self.conventions.preset == "hugo" else {}
        skipped = set(headless_files(site, folders))
        if skipped:
            site = site.subset(index for index in range(len(site.files)) if index not in skipped)
        return site, headless_report(folders, len(skipped))

    def run(self, advance: Advance, part: Site | None = None, title: str | None = None) -> Result:
        """Learn a schema from ``part`` (default: every page), then check the same files with it."""
        site, headless = (part, headless_report({}, 0)) if part is not None else self.pages(advance)
        schema, notes = infer_schema(site, self.thresholds, self.conventions, title or self.title)
        compiled = compile_schema(schema, "<inferred>", Path.cwd() / "inferred.schema.json")
        findings = schema_findings(site, compiled, self.max_file_size, advance)
        report = as_json(site, notes, findings)
        report["headless"] = headless
        return Result(schema, report)

    def check(self, schema: CompiledSchema, advance: Advance) -> list[Finding]:
        return schema_findings(self.read(advance), schema, self.max_file_size, advance)


class Sections(msgspec.Struct):
    """One result per section (and ``default`` for the rest), with the files of each."""

    results: dict[str, Result]
    files: dict[str, list[str]]
    folders: dict[str, str]  # section → its folder (a glob root), when it has one

    def config(self, folder: Path, relative: Callable[[str], str]) -> str:
        """The ``[tool.fmlint]`` entries that give each file its section's schema (paths by ``relative``)."""
        lines = []
        if "default" in self.results:  # a top-level key: before the array of tables
            lines.append(f"schema = {json.dumps(relative(str(folder / 'default.schema.json')))}  # every other file")
        for name in self.results:
            if name == "default":
                continue
            inside = self.folders.get(name)
            globs = [f"{relative(inside)}/**"] if inside else []
            globs += [relative(path) for path in self.files[name] if not inside or not path.startswith(inside + os.sep)]
            lines += [
                "[[tool.fmlint.schemas]]",
                f"schema = {json.dumps(relative(str(folder / f'{name}.schema.json')))}",
            ]
            lines += [f"files = {json.dumps(globs)}", ""]
        return "\n".join(lines) + "\n"


_LANGUAGE = lazy_pattern(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")  # content/en/…: a language's content folder


def section_of(path: str, data: Any, roots: Sequence[str] = ()) -> tuple[str, str | None]:
    """The Hugo section of a file (its ``type`` key wins) and the section's folder, if any.

    The section is the folder under ``content/`` (under ``content/<language>/``
    in a site translated by folder); in a site without a ``content/`` folder,
    the folder under the one named on the command line (one of ``roots``).
    """
    parts = Path(path).parts
    folder = None
    if "content" in parts[:-1]:
        at = len(parts) - 1 - parts[::-1].index("content")
        if at + 3 < len(parts) and _LANGUAGE.fullmatch(parts[at + 1]):
            at += 1
        if at + 2 < len(parts):  # content/<section>/…/file.md
            folder = str(Path(*parts[: at + 2]))
    else:
        for root in roots:
            inside = Path(path).relative_to(root).parts if Path(path).is_relative_to(root) else ()
            if len(inside) >= 2:  # <root>/<section>/…/file.md
                folder = str(Path(root) / inside[0])
                break
    name = Path(folder).name if folder else None
    if isinstance(data, dict) and isinstance(data.get("type"), str) and data["type"]:
        return data["type"], folder if name == data["type"] else None
    return (name, folder) if name else ("default", None)


def infer_sections(inference: Inference, advance: Advance) -> Sections:
    site, headless = inference.pages(advance)
    members: dict[str, list[int]] = {}
    folders: dict[str, str] = {}
    for index, path in enumerate(site.files):
        name, folder = section_of(path, site.data[index], inference.roots)
        members.setdefault(name, []).append(index)
        if folder:
            folders.setdefault(name, folder)
    small = [name for name, indices in members.items() if len(indices) < MIN_SECTION and name != "default"]
    for name in small:
        members.setdefault("default", []).extend(members.pop(name))
    results, files = {}, {}
    for name in sorted(members, key=lambda name: (name == "default", name)):
        indices = sorted(members[name])
        part = site.subset(indices)
        results[name] = inference.run(lambda: None, part, f"{inference.title}: {name}")
        files[name] = part.files
    share_across({name: result.schema for name, result in results.items()})
    first = next(iter(results.values()), None)
    if first is not None:
        first.report["headless"] = headless
    return Sections(results, files, {name: folder for name, folder in folders.items() if name in results})

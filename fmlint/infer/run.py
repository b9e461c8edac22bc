"""The steps of an inference: find the files, learn, decide, check the result on the same files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fmlint.config.resolve import Overrides, Resolver
from fmlint.discover import discover
from fmlint.infer.collect import Site, collect
from fmlint.infer.decide import Conventions, Notes, Thresholds, infer_schema
from fmlint.infer.findings import Finding, schema_findings
from fmlint.infer.headless import headless_files, headless_folders, headless_report
from fmlint.infer.report import as_json
from fmlint.infer.site_config import site_taxonomies
from fmlint.schema.loader import CompiledSchema, bundled_schema_path, compile_schema

Advance = Callable[[], None]
MIN_SECTION = 15  # files a Hugo section needs for a schema of its own


@dataclass
class Result:
    schema: dict[str, Any]
    notes: Notes
    findings: list[Finding]
    report: dict[str, Any]


@dataclass
class Inference:
    """The files of ``paths`` and how to read and judge them."""

    files: list[str]
    resolver: Resolver
    conventions: Conventions
    thresholds: Thresholds
    title: str
    site: Site | None = field(default=None)

    @classmethod
    def of(
        cls, paths: Sequence[str], preset: str | None, config: str | None, isolated: bool, thresholds: Thresholds
    ) -> Inference:
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
        return cls(discover(paths, resolver.project_for), resolver, conventions, thresholds, title)

    def max_file_size(self, path: str) -> int:
        return self.resolver.project_for(path).max_file_size

    def read(self, advance: Advance) -> Site:
        if self.site is None:
            self.site = collect(self.files, self.max_file_size, advance)
        return self.site

    def run(self, advance: Advance, site: Site | None = None, title: str | None = None) -> Result:
        """Learn a schema from ``site`` (default: every file), then check every file with it."""
        site = site or self.read(advance)
        folders = headless_folders(site) if self.conventions.preset == "hugo" else {}
        skipped = headless_files(site, folders)
        if skipped:
            site = site.subset(index for index in range(len(site.files)) if index not in set(skipped))
        schema, notes = infer_schema(site, self.thresholds, self.conventions, title or self.title)
        compiled = compile_schema(schema, "<inferred>", Path.cwd() / "inferred.schema.json")
        findings = schema_findings(site, compiled, self.max_file_size, advance)
        report = as_json(site, notes, findings)
        report["headless"] = headless_report(folders, len(skipped))
        return Result(schema, notes, findings, report)

    def check(self, schema: CompiledSchema, advance: Advance) -> list[Finding]:
        return schema_findings(self.read(advance), schema, self.max_file_size, advance)


@dataclass
class Sections:
    """One result per section (and ``default`` for the rest), with the files of each."""

    results: dict[str, Result]
    files: dict[str, list[str]]
    folders: dict[str, str]  # section → its folder (a glob root), when it has one

    def config(self, folder: Path) -> str:
        """The ``[tool.fmlint]`` entries that give each file its section's schema."""
        lines = []
        for name in self.results:
            if name == "default":
                continue
            inside = f"{self.folders[name]}/**" if name in self.folders else None
            globs = [inside] if inside else []
            globs += [path for path in self.files[name] if not inside or not path.startswith(self.folders[name] + "/")]
            lines += ["[[tool.fmlint.schemas]]", f"schema = {json.dumps(str(folder / f'{name}.schema.json'))}"]
            lines += [f"files = {json.dumps(globs)}", ""]
        if "default" in self.results:
            lines.append(f"# every other file: schema = {json.dumps(str(folder / 'default.schema.json'))}")
        return "\n".join(lines) + "\n"


def section_of(path: str, data: Any) -> tuple[str, str | None]:
    """The Hugo section of a file (its ``type`` key wins) and the section's folder, if any."""
    parts = Path(path).parts
    folder = None
    if "content" in parts[:-1]:
        at = len(parts) - 1 - parts[::-1].index("content")
        if at + 2 < len(parts):  # content/<section>/…/file.md
            folder = str(Path(*parts[: at + 2]))
    name = Path(folder).name if folder else None
    if isinstance(data, dict) and isinstance(data.get("type"), str) and data["type"]:
        return data["type"], folder if name == data["type"] else None
    return (name, folder) if name else ("default", None)


def infer_sections(inference: Inference, advance: Advance) -> Sections:
    site = inference.read(advance)
    members: dict[str, list[int]] = {}
    folders: dict[str, str] = {}
    for index, path in enumerate(site.files):
        name, folder = section_of(path, site.data[index])
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
    return Sections(results, files, {name: folder for name, folder in folders.items() if name in results})

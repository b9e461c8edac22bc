"""``fmlint schema infer``: learn a schema from a site, or measure how an existing one fits.

``fmlint schema infer PATHS… [-o FILE] [--report FILE] [--per-section] [--closed]``
writes the schema (stdout or ``-o``) and a short report of what it left out
(stderr, or JSON with ``--report``); ``--check SCHEMA`` instead lists, per
key, the files that violate ``SCHEMA``.  Files are found and read as the
linter finds and reads them (the configuration's preset, excludes and size
limit).  Exit codes: 0 done, 1 (``--check`` only) some file violates the
schema, 2 usage or schema error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fmlint.config.presets import PRESETS
from fmlint.infer.decide import Thresholds

if TYPE_CHECKING:
    from fmlint.infer.run import Inference, Sections

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2
_BAR_FROM = 200  # files: fewer are over before a bar would help


def _share(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fmlint schema infer",
        description="Write a JSON Schema (draft 2020-12) learned from the front matter of existing articles.",
    )
    parser.add_argument("paths", nargs="+", help="files and folders to learn from")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the schema here (with --per-section: a new folder or one without those schemas)",
    )
    parser.add_argument("--report", metavar="FILE", help="write the report as JSON here instead of text on stderr")
    parser.add_argument("--check", metavar="SCHEMA", help="learn nothing: list, per key, the files SCHEMA rejects")
    parser.add_argument("--per-section", action="store_true", help="one schema per Hugo section of 15 files or more")
    parser.add_argument("--closed", action="store_true", help="reject keys the schema does not know")
    parser.add_argument(
        "--preset", choices=sorted(PRESETS), help="static-site generator (default: the configuration's)"
    )
    parser.add_argument("--config", metavar="PATH", help="use this configuration file")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    defaults = Thresholds()
    decisions = parser.add_argument_group("decisions (shares between 0 and 1)")
    for option, default, what in (
        ("--required-share", defaults.required, "a key in this share of 20+ files is required"),
        ("--outlier-share", defaults.outlier, "a type of at most this share of a key's values is a mistake"),
        ("--typo-share", defaults.typo_share, "a key in at most this share of files, near a common one, is a typo"),
        ("--format-share", defaults.format_share, "this share of a key's strings in one format sets it"),
    ):
        decisions.add_argument(option, type=_share, default=default, metavar="S", help=f"{what} (default: {default})")
    return parser


def main(argv: Sequence[str]) -> int:
    """``fmlint schema …`` (``argv`` begins with ``schema``): only ``infer`` so far."""
    argv = argv[1:]
    if not argv or argv[0] != "infer":
        print("fmlint: error: usage: fmlint schema infer PATHS… (see fmlint schema infer --help)", file=sys.stderr)
        return EXIT_USAGE
    args = parser().parse_args(argv[1:])
    if args.per_section and not args.output:
        print("fmlint: error: --per-section writes one schema per section: name a folder with -o", file=sys.stderr)
        return EXIT_USAGE
    from fmlint.config.loader import ConfigError
    from fmlint.schema.loader import SchemaLoadError

    missing = [path for path in args.paths if not os.path.lexists(path)]
    if missing:
        print(f"fmlint: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _check(args) if args.check else _infer(args)
    except (ConfigError, SchemaLoadError, OSError) as exc:
        print(f"fmlint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _infer(args: argparse.Namespace) -> int:
    from fmlint.infer.run import Inference, infer_sections

    thresholds = Thresholds(
        required=args.required_share,
        outlier=args.outlier_share,
        typo_share=args.typo_share,
        format_share=args.format_share,
        closed=args.closed,
    )
    inference = Inference.of(args.paths, args.preset, args.config, args.isolated, thresholds)
    with _progress(len(inference.files)) as advance:
        if args.per_section:
            return _write_sections(args, inference, infer_sections(inference, advance))
        result = inference.run(advance)
    _write(args.output, _dumps(result.schema))
    _write_report(args, result.report, "fmlint schema infer")
    return EXIT_OK


def _write_sections(args: argparse.Namespace, inference: Inference, sections: Sections) -> int:
    from fmlint.infer.report import write_text

    folder = Path(args.output)
    targets = [folder / f"{name}.schema.json" for name in sections.results]
    existing = [str(target) for target in targets if target.exists()]
    if existing:  # never overwrite a schema someone may have written by hand
        print(f"fmlint: error: will not overwrite {', '.join(existing)}; choose another folder", file=sys.stderr)
        return EXIT_USAGE
    folder.mkdir(parents=True, exist_ok=True)
    for name, result in sections.results.items():
        (folder / f"{name}.schema.json").write_text(_dumps(result.schema), encoding="utf-8")
        if not args.report:
            write_text(result.report, sys.stderr, f"section {name}")
    if args.report:
        reports = {name: result.report for name, result in sections.results.items()}
        _write(args.report, json.dumps(reports, indent=2, ensure_ascii=False) + "\n")
    project = inference.resolver.project_for(args.paths[0])
    sys.stdout.write(f"# for [tool.fmlint] in {project.config.path or 'pyproject.toml'}\n")
    sys.stdout.write(sections.config(folder, project.relative))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from fmlint.infer.report import by_key
    from fmlint.infer.run import Inference
    from fmlint.schema.loader import load_schema

    schema = load_schema(args.check)
    inference = Inference.of(args.paths, args.preset, args.config, args.isolated, Thresholds())
    with _progress(len(inference.files)) as advance:
        findings = inference.check(schema, advance)
    out = sys.stdout
    groups = by_key(findings)
    if args.report:
        rows = [
            {"key": key, "files": sorted({f.path for f in members}), "findings": [f.as_json() for f in members]}
            for key, members in groups
        ]
        _write(args.report, json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    total = len(inference.files)
    for key, members in groups:
        files = sorted({finding.path for finding in members})
        out.write(
            f"{key or '(front matter)'}: {len(files)} of {total} files ({100 * len(files) / max(total, 1):.1f} %)\n"
        )
        for finding in members[:5]:
            out.write(f"    {finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}\n")
        if len(members) > 5:
            out.write(f"    … and {len(members) - 5} more\n")
    if not groups:
        out.write(f"{args.check} fits all {total} files.\n")
    return EXIT_FOUND if groups else EXIT_OK


def _dumps(schema: Any) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _write(target: str | None, text: str) -> None:
    if target is None:
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")


def _write_report(args: argparse.Namespace, report: dict[str, Any], intro: str) -> None:
    from fmlint.infer.report import write_json, write_text

    if args.report:
        with open(args.report, "w", encoding="utf-8") as out:
            write_json(report, out)
    else:
        write_text(report, sys.stderr, intro)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A bar on stderr for long runs on a terminal (each file is read, then checked: two steps)."""
    from rich.console import Console

    console = Console(stderr=True)
    if total < _BAR_FROM or not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("learning from front matter", total=2 * total)
        yield lambda: bar.advance(task)

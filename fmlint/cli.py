"""The ``fmlint`` command: arguments in, exit code out.

Exit codes: 0 no errors, 1 errors found (or warnings, with ``--strict``),
2 usage, configuration or schema error, 3 a rule crashed (an ``X001
internal-error``; a bug in fmlint).  With ``--fix`` they are those of what
remains; with ``--diff``, 1 when there is a diff to show (``fmlint.fix.command``).

Options are grouped (configuration, rule selection, files, output).  A new
option that overrides the configuration is one ``add_argument`` in its group
plus a field of the same name in ``fmlint.config.resolve.Overrides``; an output option
is read in :func:`_report` or :func:`_exit_code`.  Heavy modules are imported
inside the functions, so ``fmlint --version`` and ``--help`` stay quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO, cast

from fmlint import __version__
from fmlint.online.options import add_online_arguments, positive

if TYPE_CHECKING:
    from fmlint.config.resolve import Overrides, Resolver
    from fmlint.fix.command import FixOptions, FixRun
    from fmlint.runner import RunResult

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
# each subcommand's module, whose ``main`` takes the arguments (the subcommand's name first)
_SUBCOMMANDS = {
    "rule": "fmlint.rule_docs",
    "rules": "fmlint.rule_docs",
    "schema": "fmlint.infer.command",
    "server": "fmlint.server",
}


def _codes(text: str) -> list[str]:
    """``--select SC,MD001`` → ``["SC", "MD001"]``."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    from fmlint.cache import DEFAULT_DIR, DIR_VARIABLE, default_dir
    from fmlint.config.presets import PRESETS
    from fmlint.formatters import AUTO, FORMATTERS

    parser = argparse.ArgumentParser(
        prog="fmlint",
        description="Check Markdown articles' front matter against a JSON Schema and lint their structure.",
        epilog="Also: `fmlint rules` lists every rule; `fmlint rule CODE` explains one; "
        "`fmlint schema infer PATHS` writes a schema learned from existing articles.",
    )
    parser.add_argument("paths", nargs="*", help="files and folders to check (default: .)")

    config = parser.add_argument_group("configuration")
    config.add_argument("--config", metavar="PATH", help="use this configuration file for every path")
    config.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    config.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        help="static-site generator (default: the site's, found by its configuration file; else hugo)",
    )
    config.add_argument("--schema", help="JSON Schema file (or bundled name) applied to every file")

    selection = parser.add_argument_group("rule selection (codes, code prefixes or rule names, comma-separated)")
    selection.add_argument("--select", type=_codes, action="extend", metavar="RULES", help="check only these rules")
    selection.add_argument(
        "--extend-select", type=_codes, action="extend", default=[], metavar="RULES", help="check these rules too"
    )
    selection.add_argument(
        "--ignore", type=_codes, action="extend", default=[], metavar="RULES", help="do not check these rules"
    )

    files = parser.add_argument_group("files")
    files.add_argument(
        "--extend-exclude", action="append", default=[], metavar="GLOB", help="also skip these paths when walking"
    )
    files.add_argument("--force-exclude", action="store_true", default=None, help="apply excludes to named files too")
    files.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="do not skip .gitignore'd files",
    )
    files.add_argument("--max-file-size", type=int, metavar="BYTES", help="skip larger files with FL004")
    files.add_argument(
        "--stdin-filename", metavar="PATH", help="read the document from standard input, report it as PATH"
    )

    output = parser.add_argument_group("output")
    output.add_argument("--format", choices=[AUTO, *FORMATTERS], default=AUTO, help="output format (default: auto)")
    output.add_argument("--statistics", action="store_true", help="count problems per rule instead of listing them")
    output.add_argument("-q", "--quiet", action="store_true", help="print problems only, no summary")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    output.add_argument("--strict", action="store_true", help="warnings fail the run too")
    output.add_argument(
        "-v", "--verbose", action="store_true", help="tracebacks for internal errors; list the .mdx files skipped"
    )

    fixes = parser.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes and write the files; report what remains")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    fixes.add_argument("--diff", action="store_true", help="write nothing; print the diff --fix would make")
    fixes.add_argument("--show-fixes", action="store_true", help="with --fix, list the fixes applied per file")

    cache = parser.add_argument_group("cache")
    cache.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    cache.add_argument(
        "--cache-dir",
        default=default_dir(),
        metavar="DIR",
        help=f"cache folder (default: ${DIR_VARIABLE}, else {DEFAULT_DIR})",
    )
    cache.add_argument(
        "--jobs", type=positive(int), metavar="N", help="worker processes (default: one per CPU; 1: in-process)"
    )
    add_online_arguments(parser)
    parser.add_argument("--version", action="version", version=f"fmlint {__version__}")
    return parser


def command() -> NoReturn:
    """The ``fmlint`` program: :func:`main` in a process of its own, which ends without freeing its objects (see
    ``fmlint.gc_policy``); a check of a few files has their site walked meanwhile from the start
    (``fmlint.site.walker``)."""
    from fmlint import gc_policy
    from fmlint.site import walker

    try:
        with gc_policy.for_a_command():
            if _subcommand(sys.argv[1:]) is None:
                walker.start(sys.argv[1:])
            code = main()
    finally:
        walker.discard()
    gc_policy.exit_now(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    name = _subcommand(args)
    if name is not None:
        from importlib import import_module

        subcommand: Callable[[Sequence[str]], int] = import_module(_SUBCOMMANDS[name]).main
        return subcommand(args)
    return _check(_parser().parse_args(args))


def _subcommand(args: Sequence[str]) -> str | None:
    """The subcommand ``args`` name first (``None``: a check; a file of that name is checked)."""
    return args[0] if args and args[0] in _SUBCOMMANDS and not os.path.exists(args[0]) else None


def _overrides(args: argparse.Namespace) -> Overrides:
    """The options that override the configuration: each ``Overrides`` field, by its argument's name."""
    import msgspec

    from fmlint.config.resolve import Overrides

    return Overrides(
        **{f.name: getattr(args, f.name) for f in msgspec.structs.fields(Overrides) if hasattr(args, f.name)}
    )


def _check(args: argparse.Namespace) -> int:
    from fmlint.config.loader import ConfigError
    from fmlint.config.resolve import Resolver
    from fmlint.schema.loader import SchemaLoadError

    resolver = Resolver(_overrides(args))
    try:
        if args.stdin_filename is not None and (args.fix or args.diff):
            return _fix_stdin(args, resolver)
        if args.stdin_filename is not None:
            result, sources = _lint_stdin(args, resolver)
        else:
            result, sources = _lint_paths(args, resolver), {}
        if result is not None and (args.fix or args.diff):
            fixes = _fix(args, resolver, result)
            if args.diff:
                return _report_diff(fixes)
            result = fixes.result
        if result is not None and any(file_result.urls for file_result in result.file_results):
            result = _check_urls(args, resolver, result)
    except (ConfigError, SchemaLoadError) as exc:
        print(f"fmlint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if result is None:
        return EXIT_USAGE
    try:
        _report(args, result, sources)
        if args.fix and not args.quiet:
            from fmlint.fix.command import write_summary

            write_summary(fixes, sys.stderr, args.show_fixes)
    except BrokenPipeError:  # `fmlint … | head`: the reader has gone
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
    return _exit_code(args, result)


def _lint_paths(args: argparse.Namespace, resolver: Resolver) -> RunResult | None:
    from fmlint.cache import ResultCache
    from fmlint.discover import discover
    from fmlint.formatters import WRITES_JSON_LINES
    from fmlint.runner import run

    paths = args.paths or ["."]
    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        print(f"fmlint: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return None
    skipped: list[str] = []
    files = discover(paths, resolver.project_for, skipped=skipped if args.verbose else None)
    for path in sorted(skipped):
        print(f"fmlint: skipped {path}: .mdx is checked under the astro and docusaurus presets", file=sys.stderr)
    cache = None if args.no_cache else ResultCache(args.cache_dir)
    # the findings as objects unless the report writes their JSON lines as they are
    decoded = args.statistics or args.fix or args.diff or args.format not in WRITES_JSON_LINES
    return run(files, resolver.settings_for, verbose=args.verbose, jobs=args.jobs, cache=cache, decoded=decoded)


def _lint_stdin(args: argparse.Namespace, resolver: Resolver) -> tuple[RunResult | None, dict[str, str]]:
    from fmlint.document import read_document
    from fmlint.linter import lint_file
    from fmlint.runner import RunResult

    if args.paths not in ([], ["-"]):
        print("fmlint: error: --stdin-filename reads standard input; give no paths", file=sys.stderr)
        return None, {}
    path = args.stdin_filename
    project = resolver.project_for(path)
    if project.force_exclude and project.is_excluded(path):
        return RunResult([]), {}
    doc = read_document(path, sys.stdin.buffer.read())
    file_result = lint_file(doc, resolver.settings_for(path), args.verbose)
    return RunResult([path], [file_result]), {path: doc.text}


def _fix(args: argparse.Namespace, resolver: Resolver, result: RunResult) -> FixRun:
    from fmlint.fix.command import fix_run

    return fix_run(result, _fix_options(args, resolver))


def _fix_options(args: argparse.Namespace, resolver: Resolver) -> FixOptions:
    from fmlint.fix.command import FixOptions

    return FixOptions(
        resolver.settings_for,
        lambda path: resolver.project_for(path).fix_policy,
        unsafe=args.unsafe_fixes,
        write=not args.diff,
        verbose=args.verbose,
        jobs=args.jobs,
    )


def _report_diff(fixes: FixRun) -> int:
    """``--diff``: the diff on standard output; exit 1 when there is one."""
    from fmlint.fix.command import write_diff, write_summary

    write_diff(fixes, sys.stdout)
    write_summary(fixes, sys.stderr, show_fixes=False, verb="Would fix")
    return EXIT_ERRORS if fixes.changed else EXIT_OK


def _fix_stdin(args: argparse.Namespace, resolver: Resolver) -> int:
    """``--fix``/``--diff`` with ``--stdin-filename``: the fixed document (or the diff) on standard output,
    what remains on standard error."""
    from fmlint.fix.command import FixRun, fix_bytes
    from fmlint.runner import RunResult

    if args.paths not in ([], ["-"]):
        print("fmlint: error: --stdin-filename reads standard input; give no paths", file=sys.stderr)
        return EXIT_USAGE
    path, data = args.stdin_filename, sys.stdin.buffer.read()
    project = resolver.project_for(path)
    if project.force_exclude and project.is_excluded(path):
        sys.stdout.buffer.write(b"" if args.diff else data)  # excluded: passed through as it is
        return EXIT_OK
    fixed, outcome, record = fix_bytes(path, data, _fix_options(args, resolver))
    remaining = RunResult([path], [outcome.result])
    fixes = FixRun(remaining, [record])
    if args.diff:
        return _report_diff(fixes)
    sys.stdout.buffer.write(fixed)
    sys.stdout.flush()
    stdout, sys.stdout = sys.stdout, sys.stderr
    try:
        _report(args, remaining, {path: outcome.doc.text})
    finally:
        sys.stdout = stdout
    return _exit_code(args, remaining)


def _check_urls(args: argparse.Namespace, resolver: Resolver, result: RunResult) -> RunResult:
    """The online pass, when a file's configuration or the command line asked for it.

    Its run-wide options come from the command line, else from the configuration
    of the first path checked; the progress bar shows only on a terminal and
    with a format meant for people.
    """
    from pathlib import Path

    from fmlint.formatters import AUTO
    from fmlint.online.check import with_online_checks
    from fmlint.online.options import online_options
    from fmlint.online.progress import terminal_console

    first = args.stdin_filename or (args.paths or ["."])[0]
    cache_dir = None if args.no_cache else Path(args.cache_dir) / "urls"
    options = online_options(args, resolver.project_for(first).config.options, cache_dir)
    console = terminal_console(args.format in (AUTO, "concise", "full"))
    return with_online_checks(result, resolver.settings_for, options, console)


def _report(args: argparse.Namespace, result: RunResult, sources: Mapping[str, str]) -> None:
    from fmlint.formatters import Batched, FormatOptions, choose, formatter, statistics, use_color

    isatty = sys.stdout.isatty()
    out = cast(TextIO, Batched(sys.stdout))
    if args.statistics:
        statistics.write(result, out)
    else:
        options = FormatOptions(color=use_color(os.environ, isatty), quiet=args.quiet, sources=sources)
        formatter(choose(args.format, os.environ, isatty))(result, out, options)
    out.flush()


def _exit_code(args: argparse.Namespace, result: RunResult) -> int:
    from fmlint.diagnostics import INTERNAL_ERROR, Severity

    marks = [r.marks() for r in result.file_results]  # not the findings themselves: a report may hold 80,000
    if any(INTERNAL_ERROR in m for m in marks):
        return EXIT_INTERNAL
    if args.exit_zero:
        return EXIT_OK
    failing = any(marks) if args.strict else any(Severity.ERROR in m for m in marks)
    return EXIT_ERRORS if failing else EXIT_OK

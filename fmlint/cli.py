"""The ``fmlint`` command: arguments in, exit code out.

Exit codes: 0 no errors, 1 errors found, 2 usage, configuration or schema
error, 3 a rule crashed (an ``X001 internal-error``; a bug in fmlint).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from fmlint import __version__

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_SUBCOMMANDS = ("rule", "rules")


def _parser() -> argparse.ArgumentParser:
    from fmlint.formatters import FORMATTERS

    parser = argparse.ArgumentParser(
        prog="fmlint",
        description="Check Markdown articles' front matter against a JSON Schema and lint their structure.",
        epilog="Also: `fmlint rules` lists every rule; `fmlint rule CODE` explains one.",
    )
    parser.add_argument("paths", nargs="*", default=["."], help="files and folders to check (default: .)")
    parser.add_argument("--schema", help="JSON Schema file (or bundled name) applied to every file")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="concise", help="output format")
    parser.add_argument("--max-file-size", type=int, metavar="BYTES", help="skip larger files with FL004")
    parser.add_argument("-v", "--verbose", action="store_true", help="tracebacks for internal errors")
    parser.add_argument("--version", action="version", version=f"fmlint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _SUBCOMMANDS and not os.path.exists(args[0]):
        from fmlint.rule_docs import main as rule_docs_main

        return rule_docs_main(args)
    return _check(_parser().parse_args(args))


def _check(args: argparse.Namespace) -> int:
    from fmlint.diagnostics import Severity
    from fmlint.discover import discover
    from fmlint.formatters import FORMATTERS
    from fmlint.linter import INTERNAL_ERROR
    from fmlint.runner import run
    from fmlint.schema import DEFAULT_SCHEMA, SchemaLoadError, load_schema
    from fmlint.settings import DEFAULT_MAX_FILE_SIZE, Settings

    try:
        schema = load_schema(args.schema or DEFAULT_SCHEMA)
    except SchemaLoadError as exc:
        print(f"fmlint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(schema=schema, max_file_size=args.max_file_size or DEFAULT_MAX_FILE_SIZE)
    missing = [path for path in args.paths if not os.path.lexists(path)]
    if missing:
        print(f"fmlint: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    result = run(discover(args.paths), lambda path: settings, verbose=args.verbose)
    FORMATTERS[args.format](result, sys.stdout)
    if any(d.code == INTERNAL_ERROR for d in result.diagnostics):
        return EXIT_INTERNAL
    return EXIT_ERRORS if any(d.severity is Severity.ERROR for d in result.diagnostics) else EXIT_OK

from fmlint.cli import command

raise SystemExit(command())

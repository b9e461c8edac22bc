"""The fmlint a benchmark's child process imports, byte-compiled as an installed package is."""

from __future__ import annotations

import subprocess
import sys

_COMPILE = "import compileall, os, fmlint; compileall.compile_dir(os.path.dirname(fmlint.__file__), quiet=1)"


def compile_imported(env: dict[str, str]) -> None:
    """Byte-compile the fmlint a process with ``env`` imports outside its working folder (``-P``), as the runs
    measured do: a tree on its ``PYTHONPATH`` or the installed checkout (``PYTHONDONTWRITEBYTECODE`` may be set,
    and a run whose workers compile from source counts that too)."""
    subprocess.run([sys.executable, "-P", "-c", _COMPILE], env={**env, "PYTHONDONTWRITEBYTECODE": ""}, check=True)

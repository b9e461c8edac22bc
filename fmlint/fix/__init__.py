"""Automatic fixes (``fmlint --fix``): edits at exact spans, never a re-dump.

``model`` holds the records (a rule attaches a :class:`~fmlint.fix.model.Fix`
to the problem it yields; the linter locates it with ``locate``), ``values``
writes replacement values and keys for their format, ``layout`` works out
line breaks and whole lines for edits that add or remove lines, ``apply``
applies and verifies fixes on a document, ``encoding`` turns the fixed text
back into the file's bytes, ``writer`` replaces a file atomically, and
``command`` is what ``fmlint --fix`` / ``--diff`` / ``--show-fixes`` run.
This module imports nothing, so that ``fmlint.diagnostics`` can use the model.
"""

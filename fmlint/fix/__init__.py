"""Automatic fixes (``fmlint --fix``): edits at exact spans, never a re-dump.

``model`` holds the records (a rule attaches a :class:`~fmlint.fix.model.Fix`
to the problem it yields), ``values`` writes replacement values for their
format, ``apply`` applies and verifies fixes on a document, ``encoding`` turns
the fixed text back into bytes as the file had them, ``writer`` replaces a file
atomically, and ``command`` is what ``fmlint --fix`` / ``--diff`` run.
This module imports nothing so that ``fmlint.diagnostics`` can use the model.
"""

"""``fmlint schema infer``: a JSON Schema learned from a site's existing front matter.

The pipeline: ``collect`` (one pass: statistics per JSON path, each file's
data) → ``decide`` (thresholds → schema; ``values``, ``fmlint.spelling``,
``site_config`` and ``headless`` inform it; ``shapes`` factors shared shapes
into ``$defs``) → ``findings`` (the new schema checked on the same files,
located as the linter locates them) → ``report``.  ``run`` ties the steps
together (and splits a site into Hugo sections); ``command`` is the command
line.
"""

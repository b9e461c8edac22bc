"""Configuration: files (``loader``), presets, rule selection, and the per-file settings they resolve to.

``loader`` reads and validates ``[tool.fmlint]`` / ``.fmlint.toml``; ``presets``
holds each generator's defaults; ``selection`` turns select/ignore layers into
codes; ``resolve`` finds each file's project and builds its :class:`Settings`
(``settings``), the one object the linter reads.
"""

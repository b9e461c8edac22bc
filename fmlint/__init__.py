"""fmlint: front-matter schema validator and Markdown linter for static sites.

Pipeline (one module per stage): ``discover`` → ``document`` (read, decode,
split) → ``frontmatter`` (parse with positions) → ``rules`` (checks yield
problems located by spans) → ``linter`` (spans → ``positions`` → diagnostics)
→ ``runner`` (many files) → ``formatters``.
"""

__version__ = "0.1.0"

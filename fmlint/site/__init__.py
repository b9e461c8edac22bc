"""Site-level checks: facts gathered per file, indexed per site, checked across files.

The per-file pass (``fmlint.linter``) extracts each article's :class:`~fmlint.site.facts.SiteFacts`
(output-path inputs, aliases, taxonomy terms, translation key, headings, outgoing
references) from the front matter and Markdown it has already parsed; the result
cache stores them with the file's diagnostics.  After the run, ``fmlint.site.sitepass``
groups the files by site (``config``), completes each site with the facts of its
other content files (from the cache when unchanged), builds the ``index`` and runs
the rules of ``checks`` — reporting only in the files the run was given.

Modules: ``config`` (site root, generator configuration), ``facts`` (the per-file
record), ``rendering`` (which content writes no page), ``hugo_paths`` (Hugo's path sanitising and output paths), ``anchors``
(heading IDs), ``index`` (the site's pages and lookups), ``refs`` (reference
resolution), ``checks`` (the rules), ``walk`` (a site's content files and their stamps), ``sitepass``
(the run-level pass), ``prefetch`` (its walk taken by a forked child while a run over a few files checks them).
"""

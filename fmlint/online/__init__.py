"""Opt-in online checks: do the remote image URLs (and links) answer?

Runs after linting, in the main process: ``check`` collects the located URLs of
every file, asks each distinct URL once and turns failures into ``URL00x``
diagnostics at every occurrence. ``client`` holds the HTTP logic (aiohttp),
``guard`` the safety rules (schemes, credentials, non-public addresses),
``cache`` the on-disk TTL cache, ``outcome`` what an answer means, and
``progress`` the terminal progress bar.
"""

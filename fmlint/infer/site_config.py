"""What inference reads from a site's generator configuration: its taxonomies (read by ``fmlint.site.config``)."""

from __future__ import annotations

import os

from fmlint.site.config import read_site, site_folder

# Always taxonomies: Hugo's defaults and the usual others (never a fixed choice of terms)
DEFAULT_TAXONOMIES = frozenset({"tags", "categories", "series", "keywords"})


def site_taxonomies(start: str) -> frozenset[str]:
    """The default taxonomies plus those configured for the site holding ``start`` (a file or folder)."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start))
    root = site_folder(folder)
    return DEFAULT_TAXONOMIES if root is None else DEFAULT_TAXONOMIES | frozenset(read_site(root).taxonomies)

"""The site a file belongs to: its root folder and the generator configuration the site rules read.

The root is the nearest folder above a file holding one of :data:`SITE_MARKERS` (see :func:`site_folder`)
(the local-image rule's markers, Hugo's configuration folder, plus Astro, Docusaurus and MkDocs; a
``config.toml`` with Zola's ``base_url`` is Zola's; Docusaurus's content folders are its content plugins'
``path`` options, read from the text of ``docusaurus.config.js|ts``; an Astro site's Starlight options are read
from ``astro.config.*``, see ``fmlint.site.starlight``).

``model`` holds what is read (:class:`SiteConfig`); ``located`` finds a file's site and reads its
configuration once; ``markers`` names the generator a root's files say; ``hugo`` and ``others`` read the
generators' configurations (``mkdocs``: MkDocs' options); ``served`` what the host serves besides the pages;
``loading`` reads the files as data.
"""

from fmlint.site.config.loading import data_value
from fmlint.site.config.located import (
    embedded_hook,
    forget_sites,
    read_lists,
    read_site,
    site_folder,
    site_key,
    site_of,
    site_reading,
)
from fmlint.site.config.markers import SITE_MARKERS
from fmlint.site.config.model import CONTENT_EXTENSIONS, ContentDir, SiteConfig

__all__ = [
    "CONTENT_EXTENSIONS",
    "SITE_MARKERS",
    "ContentDir",
    "SiteConfig",
    "data_value",
    "embedded_hook",
    "forget_sites",
    "read_lists",
    "read_site",
    "site_folder",
    "site_key",
    "site_of",
    "site_reading",
]

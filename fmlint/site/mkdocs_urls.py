"""MkDocs pages by the URLs its build writes them at (``mkdocs.structure.files.File.url``).

MkDocs rewrites a relative link to a file of its docs folder (``../setup.md#x``) into that file's URL, and
writes any other link as it is: a browser reads ``../setup/#x`` from the URL of the page it is on.  With
``use_directory_urls`` (the default) ``guide/install.md`` is at ``/guide/install/``, a folder below its
file's, so such a link leads elsewhere than its file's folder suggests (MkDocs' build says so at INFO level
only: "unrecognized relative link …, it was left as is. Did you mean …?").

A URL is keyed here by its path without the slashes around it ("" for the home page): a static server answers
``/guide/install`` with a redirect to ``/guide/install/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from fmlint.site.index import Page, SiteIndex


def page_url(page: Page, directory_urls: bool) -> str:
    """The root-relative URL of the page (``/guide/install/``; ``/guide/install.html`` without
    ``use_directory_urls``); ``README`` is its folder's index, as ``index`` is."""
    folder = f"/{page.folder}/" if page.folder else "/"
    if page.name in ("index", "README"):
        return folder
    return f"{folder}{page.name}/" if directory_urls else f"{folder}{page.name}.html"


class UrlPages(NamedTuple):
    by_url: dict[str, Page]  # by URL key (see the module's docstring)
    by_file: dict[str, Page]  # by the URL key each would have with ``use_directory_urls``: its file's path


def url_pages(index: SiteIndex) -> UrlPages:
    """The site's built pages by URL, and by file path (of two files at one URL, the first)."""
    directory_urls = index.config.mkdocs_directory_urls
    by_url: dict[str, Page] = {}
    by_file: dict[str, Page] = {}
    for page in index.pages:
        if page.file is None or index.config.unbuilt(page.absolute):
            continue
        folder_url = page_url(page, True)
        by_file.setdefault(folder_url.strip("/"), page)
        url = folder_url if directory_urls else page_url(page, False)
        by_url.setdefault(url.strip("/"), page)
        if url.endswith("/") and not directory_urls:
            by_url.setdefault(f"{url}index.html".strip("/"), page)  # (`/guide/` and `/guide/index.html`: one file)
    return UrlPages(by_url, by_file)

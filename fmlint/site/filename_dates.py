"""Hugo's ``:filename`` date handler: a page's dates, and its slug, from its file name.

With ``[frontmatter] date = [":filename", ":default"]`` (blogs moved from Jekyll or Hexo keep posts named
``2017-02-03-my-post.md``), Hugo reads the date from the name's first ten characters and, unless the front
matter sets a ``slug``, makes the rest of the name (trimmed of spaces, ``-`` and ``_``) the page's slug: its URL
is ``/posts/my-post/``, and ``:year`` in a permalink is 2017.  A bundle's name is its folder's.  The handler
answers for each date it is listed for (``date``, ``publishDate``, ``expiryDate``): first in its list, the
name's date wins; after ``:default`` (or a front matter key), only where the front matter gives none.  A key
of the site's own in those lists is not read (the usual keys are).
"""

from __future__ import annotations

import datetime

import msgspec

from fmlint.regex import lazy_pattern
from fmlint.site.config import SiteConfig
from fmlint.site.facts import SiteFacts

DATED = lazy_pattern(r"\d{4}-\d{2}-\d{2}")
_FIELDS = {"date": "date", "publishdate": "publish", "expirydate": "expires"}  # (the facts' own field of each)


def name_dates(config: SiteConfig, facts: SiteFacts, name: str) -> tuple[SiteFacts, str]:
    """The facts with the dates the file name ``name`` (without extension; a bundle's folder) gives, and the slug
    it gives ("" for none); as they are where the handler is not configured or the name holds no date."""
    if not config.filename_dates or DATED.match(name) is None:
        return facts, ""
    try:
        day = datetime.date.fromisoformat(name[:10]).isoformat()
    except ValueError:
        return facts, ""
    dates = {
        field: day
        for key, first in config.filename_dates
        if (field := _FIELDS.get(key)) is not None and (first or not getattr(facts, field))
    }
    if not dates:  # (the front matter's dates answered first)
        return facts, ""
    slug = "" if facts.slug is not None else name[10:].strip(" -_")
    return msgspec.structs.replace(facts, **dates), slug

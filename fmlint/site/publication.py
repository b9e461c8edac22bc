"""Whether Hugo builds a page for production, by its front matter: not a draft, not expired, not to come.

Hugo leaves out of a build (``hugo list all`` still lists them) a draft (without ``--buildDrafts``), a page
whose expiry date (``expiryDate``, ``unpublishDate``) is past (without ``buildExpired``), and one whose publish
date (``publishDate``, ``pubDate``, ``published``, else ``date``) is still to come (without ``buildFuture``):
nothing is written at its URL, which an alias of another page may then take, and a ``ref`` to it fails with
REF_NOT_FOUND. A date without a time zone is read as UTC's (Hugo's default ``timeZone``).

The answer changes with time: a question whose answer will change (a date still to come) is recorded as the
index's probe (``SiteIndex.probe``), and findings kept by the cache hold only while it answers the same.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from fmlint.dates import DateError, parse_hugo_date
from fmlint.site.config import SiteConfig
from fmlint.site.facts import SiteFacts

Probe = Callable[[Callable[[str], bool], str], bool]


def ahead(moment: str) -> bool:
    """Whether the front matter's date ``moment`` (as the facts keep it) is later than now."""
    when = _moment(moment)
    return when is not None and when > _now()


def withheld(config: SiteConfig, facts: SiteFacts, probe: Probe, settled: str, drafted: bool = False) -> str:
    """Why Hugo does not build the page for production ("draft", "expired", "future"), or "". A date before
    ``settled`` (an ISO day before yesterday: past in every time zone) is past without being asked; ``drafted``:
    a section's cascade makes the page a draft."""
    if facts.draft or drafted:
        return "draft"
    expires = facts.expires
    if (
        expires
        and not config.build_expired
        and _moment(expires) is not None
        and (_settled(expires, settled) or not probe(ahead, expires))
    ):
        return "expired"
    publish = facts.publish or facts.date
    if publish and not config.build_future and not _settled(publish, settled) and probe(ahead, publish):
        return "future"
    return ""


def settled_day() -> str:
    """The ISO day before yesterday (UTC): a date of it or earlier is past wherever it was written."""
    return (_now() - datetime.timedelta(days=2)).date().isoformat()


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def described(why: str, facts: SiteFacts, where: str, file: str | None) -> str:
    """A page Hugo does not build (``why``, from :func:`withheld`), as a reference to it is told: when it would
    be, and with which flag (``where``: its language, when the site has several)."""
    if why == "draft":
        cascaded = "" if facts.draft else ", by its section's `cascade`"
        return f"a draft{where} (`{file}`{cascaded}), which Hugo builds only with --buildDrafts"
    if why == "expired":
        return f"a page{where} that expired on {facts.expires} (`{file}`), which Hugo builds only with --buildExpired"
    return (
        f"a page{where} to be published on {facts.publish or facts.date} (`{file}`), which Hugo builds only from "
        "then or with --buildFuture"
    )


def _settled(text: str, settled: str) -> bool:
    """Whether the ISO date ``text`` starts with a day before ``settled``."""
    return text[:4].isdigit() and text[4:5] == "-" and text[:10] < settled


def _moment(text: str) -> datetime.datetime | None:
    try:
        value = parse_hugo_date(text).value
    except DateError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=datetime.UTC)

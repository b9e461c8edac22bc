"""The online pass: after linting, check each distinct remote URL once and report.

``with_online_checks`` is what the CLI calls: it takes the run's result (whose
file results carry located URLs because ``Settings.collect_urls`` was set),
checks every distinct URL (from the cache when fresh), and returns the result
with the ``URL00x`` diagnostics merged in at every occurrence, honouring each
file's enabled codes and severities.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping

from rich.console import Console

from fmlint.diagnostics import Diagnostic
from fmlint.file_result import FileResult
from fmlint.linter import located_diagnostic
from fmlint.online.cache import UrlCache
from fmlint.online.client import UrlChecker, open_session
from fmlint.online.options import OnlineOptions
from fmlint.online.outcome import CODES, MOVED, Outcome, findings
from fmlint.online.progress import Progress, progress
from fmlint.runner import RunResult, SettingsFor


def with_online_checks(
    result: RunResult, settings_for: SettingsFor, options: OnlineOptions, console: Console | None = None
) -> RunResult:
    """``result`` plus the online diagnostics; a progress bar on ``console`` when given.

    Files whose settings disable every ``URL`` code add no URLs to check.
    """
    file_results = [r for r in result.file_results if any(settings_for(r.path).is_enabled(c) for c in CODES)]
    outcomes = asyncio.run(check_all(distinct_urls(file_results), options, console))
    online = list(diagnostics(file_results, outcomes, settings_for))
    return result.with_diagnostics(online)


def distinct_urls(file_results: Iterable[FileResult]) -> dict[str, bool]:
    """Each remote URL once, mapped to whether any file uses it as an image."""
    wanted: dict[str, bool] = {}
    for file_result in file_results:
        for occurrence in file_result.urls:
            wanted[occurrence.url] = wanted.get(occurrence.url, False) or occurrence.kind == "image"
    return wanted


async def check_all(
    wanted: Mapping[str, bool], options: OnlineOptions, console: Console | None = None
) -> dict[str, Outcome]:
    """An outcome for every URL: fresh cache entries first, then the network."""
    cache = UrlCache(options.cache_dir, options.success_ttl, options.failure_ttl) if options.cache_dir else None
    outcomes = {url: cached for url, as_image in wanted.items() if cache and (cached := cache.get(url, as_image))}
    with progress(len(wanted), console) as bar:
        for url, outcome in outcomes.items():
            bar.advance(_failed(outcome, wanted[url]))
        pending = [url for url in wanted if url not in outcomes]
        if pending:
            async with open_session(options) as session:
                checker = UrlChecker(session, options)
                checked = await asyncio.gather(*(_check(checker, url, wanted[url], cache, bar) for url in pending))
            outcomes.update(zip(pending, checked, strict=True))
    return outcomes


async def _check(checker: UrlChecker, url: str, as_image: bool, cache: UrlCache | None, bar: Progress) -> Outcome:
    outcome = await checker.check(url, as_image)
    if cache and not outcome.refused:  # a refusal depends on --allow-private-urls, not on the URL
        cache.put(url, as_image, outcome)
    bar.advance(_failed(outcome, as_image))
    return outcome


def _failed(outcome: Outcome, as_image: bool) -> bool:
    """Whether the URL has a problem worse than a permanent redirect (for the progress bar)."""
    return any(code != MOVED for code, _ in findings(outcome, "image" if as_image else "link"))


def diagnostics(
    file_results: Iterable[FileResult], outcomes: Mapping[str, Outcome], settings_for: SettingsFor
) -> Iterable[Diagnostic]:
    for file_result in file_results:
        settings = settings_for(file_result.path)
        for occurrence in file_result.urls:
            for code, message in findings(outcomes[occurrence.url], occurrence.kind):
                if settings.is_enabled(code) and not occurrence.silences(code):
                    yield located_diagnostic(file_result.path, occurrence.position, code, message, settings)

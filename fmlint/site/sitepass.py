"""The run-level site pass: the facts of every content file of each site, then the site rules.

Called by the runner once the files of a run are checked.  For every Hugo site
that holds a checked file with a site rule enabled, the site's other content
files are found (a walk of its content folders) and run through the runner too
— served from the result cache when unchanged, so a warm or pre-commit run
reads none of them — to get their facts.  Findings are reported only in the
files of the run, with their inline suppression comments applied.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic
from fmlint.document import read_document
from fmlint.linter import INTERNAL_ERROR, FileResult, context, located_diagnostic, read_path, site_facts
from fmlint.positions import Position
from fmlint.rules.site import SITE_CODES
from fmlint.site.checks import CHECKS, Finding
from fmlint.site.config import SiteConfig, site_of
from fmlint.site.facts import SiteFacts
from fmlint.site.hugo_paths import url_key
from fmlint.site.index import SiteIndex
from fmlint.suppressions import apply_suppressions

if TYPE_CHECKING:
    from fmlint.cache import ResultCache

SettingsFor = Callable[[str], Settings]
MARKDOWN = (".md", ".markdown")
_NOT_CONTENT = frozenset({"node_modules", "_site", "vendor", "public", "build"})  # output and dependencies


def site_diagnostics(
    results: Sequence[FileResult],
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool = False,
) -> dict[str, list[Diagnostic]]:
    """The site rules' findings in the files of ``results``, by path."""
    sites: dict[str, tuple[SiteConfig, list[tuple[str, FileResult, frozenset[str]]]]] = {}
    folders: dict[str, str] = {}  # each folder as named → absolute (10,000 files sit in a few folders)
    for result in results:
        codes = settings_for(result.path).enabled_codes & SITE_CODES
        if result.facts is None or not codes:
            continue
        folder, name = os.path.split(result.path)
        if folder not in folders:
            folders[folder] = os.path.abspath(folder)
        absolute = os.path.join(folders[folder], name)
        site = site_of(absolute)
        if site is not None and site.content_dirs:
            sites.setdefault(site.root, (site, []))[1].append((absolute, result, codes))
    found: dict[str, list[Diagnostic]] = {}
    for site, checked in sites.values():
        try:
            findings = _site_findings(site, checked, settings_for, cache, jobs, verbose)
        except Exception as exc:  # a bug in the site pass must not lose the per-file results
            message = f"the site checks crashed: {type(exc).__name__}: {exc}"
            if verbose:
                message += "\n" + traceback.format_exc()
            path = checked[0][1].path
            found.setdefault(path, []).append(
                located_diagnostic(path, Position(1, 1, 1, 1), INTERNAL_ERROR, message, settings_for(path))
            )
            continue
        for path, diagnostics in findings.items():
            found.setdefault(path, []).extend(diagnostics)
    return found


def _site_findings(
    site: SiteConfig,
    checked: list[tuple[str, FileResult, frozenset[str]]],
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool,
) -> dict[str, list[Diagnostic]]:
    index = SiteIndex(site)
    in_run: dict[str, FileResult] = {}
    wanted_codes: dict[str, frozenset[str]] = {}  # the site codes enabled for each file of the run
    for absolute, result, codes in checked:
        in_run[absolute] = result
        wanted_codes[absolute] = codes
        index.add(result.path, absolute, result.facts or SiteFacts())
    # named as a run from the working folder names them: their cache entries are keyed by that path
    here = os.path.join(os.getcwd(), "")
    others = {_shown(path, here): path for path in content_files(site) if path not in in_run}
    for path, facts in _other_facts(list(others), settings_for, cache, jobs, verbose).items():
        index.add(path, others[path], facts if facts is not None else _facts_now(path, settings_for(path)))
    index.generated = content_adapters(site)
    index.finish()
    diagnostics: dict[str, list[Diagnostic]] = {}
    seen: set[tuple[str, str, int, int, str]] = set()
    for code, check in CHECKS.items():
        if not any(code in codes for codes in wanted_codes.values()):
            continue
        findings: Iterable[Finding] = check(index, lambda page: page.absolute in wanted_codes)
        for finding in findings:
            path = in_run[finding.page.absolute].path
            key = (path, finding.code, finding.at.line, finding.at.column, finding.message)
            if finding.code not in wanted_codes[finding.page.absolute] or key in seen:
                continue
            seen.add(key)
            at = finding.at
            position = Position(at.line, at.column, at.end_line, at.end_column)
            diagnostics.setdefault(path, []).append(
                located_diagnostic(path, position, finding.code, finding.message, settings_for(path))
            )
    with_comments = {
        result.path for result in in_run.values() if result.facts is not None and result.facts.suppressions
    }
    return {
        path: _unsuppressed(path, found, settings_for(path)) if path in with_comments else found
        for path, found in diagnostics.items()
    }


def content_files(site: SiteConfig) -> list[str]:
    """The absolute paths of the Markdown files in the site's content folders (hidden ones skipped, as Hugo does)."""
    found: list[str] = []
    for content in site.content_dirs:
        for folder, dirs, files in os.walk(content.path):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _NOT_CONTENT]
            prefix = folder + os.sep
            found += [prefix + f for f in files if f.lower().endswith(MARKDOWN) and not f.startswith(".")]
    return sorted(set(found))


def content_adapters(site: SiteConfig) -> tuple[str, ...]:
    """The URL prefixes of the folders holding a content adapter (``_content.gotmpl``), whose pages
    no file shows."""
    found = []
    for content in site.content_dirs:
        for folder, dirs, files in os.walk(content.path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            if "_content.gotmpl" in files:
                relative = os.path.relpath(folder, content.path).replace(os.sep, "/")
                found.append(url_key("/" + ("" if relative == "." else relative)))
    return tuple(found)


def _other_facts(
    others: list[str], settings_for: SettingsFor, cache: ResultCache | None, jobs: int | None, verbose: bool
) -> dict[str, SiteFacts | None]:
    """The facts of files outside the run: of unchanged files from the cache (nothing read), of the others
    by checking them through the runner (which stores their entries)."""
    from fmlint.cache import settings_fingerprint
    from fmlint.runner import run  # the runner calls this module

    found: dict[str, SiteFacts | None] = {}
    if cache is not None:
        prefixes: dict[int, str] = {}
        wanted: dict[str, tuple[str, str]] = {}
        now = time.time_ns()
        for path in others:
            settings = settings_for(path)
            if id(settings) not in prefixes:
                prefixes[id(settings)] = cache.key_prefix(settings_fingerprint(settings))
            try:
                stamp = cache.stamp(os.stat(path), now)
            except OSError:
                continue
            if stamp is not None:
                wanted[prefixes[id(settings)] + path] = (stamp, path)
        found = {wanted[key][1]: facts for key, facts in cache.load_facts(wanted).items()}
        cache.close()
    missing = [path for path in others if path not in found]
    for result in run(missing, settings_for, verbose=verbose, jobs=jobs, cache=cache, site_checks=False).file_results:
        found[result.path] = result.facts
    return found


def _facts_now(path: str, settings: Settings) -> SiteFacts:
    """The facts of a file whose settings turn the site rules off (not cached: the rules are off for it)."""
    ctx, _ = context(read_path(path, settings.max_file_size), settings)
    return site_facts(ctx) or SiteFacts()


def _shown(path: str, here: str) -> str:
    """``path`` relative to the working folder ``here`` when inside it (as the run names files), else absolute."""
    return path[len(here) :] if path.startswith(here) else path


def _unsuppressed(path: str, diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """The findings that the inline suppression comments of the file (read again: it has some) do not silence."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return diagnostics
    ctx, _ = context(read_document(path, data), settings)
    kept, _, _ = apply_suppressions(ctx, diagnostics)
    return kept

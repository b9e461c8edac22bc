"""The run-level site pass: the facts of every content file of each site, then the site rules.

Called by the runner once the files of a run are checked.  For every Hugo site
that holds a checked file with a site rule enabled, the site's other content
files are found (a walk of its content folders) and run through the runner too
— served from the result cache when unchanged, so a warm or pre-commit run
reads none of them — to get their facts.  Findings are reported only in the
files of the run, with their inline suppression comments applied.

After a run over a whole site, its findings are kept in the cache under a hash of
what they depend on (fmlint's code, the site's configuration and content
adapters, the working folder, the list of content files), with each file's stamp
and a digest of its facts, and the files outside the index they looked for.
While these hold, a later run — whole or over a few files — takes its findings
from there without indexing the site.  A file of the run whose stamp changed
(touched, or edited where no fact changed: a typo in a paragraph) still holds
when its new facts have the digest kept; the kept stamps are then updated.
"""

from __future__ import annotations

import hashlib
import os
import time
import traceback
from collections.abc import Callable, Sequence

import msgspec

from fmlint.cache import ResultCache, code_fingerprint, settings_fingerprint
from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic
from fmlint.document import read_document
from fmlint.linter import INTERNAL_ERROR, FileResult, context, located_diagnostic, read_path, site_facts
from fmlint.positions import Position
from fmlint.rules.site import SITE_CODES
from fmlint.site.checks import CHECKS, Finding
from fmlint.site.config import SiteConfig, site_of
from fmlint.site.facts import At, SiteFacts
from fmlint.site.hugo_paths import url_key
from fmlint.site.index import SiteIndex
from fmlint.suppressions import apply_suppressions

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
    # each folder as named → absolute, and its site (10,000 files sit in a few folders)
    folders: dict[str, tuple[str, SiteConfig | None]] = {}
    for result in results:
        codes = settings_for(result.path).enabled_codes & SITE_CODES
        if result.facts is None or not codes:
            continue
        folder, name = os.path.split(result.path)
        if folder not in folders:
            folders[folder] = (os.path.abspath(folder), site_of(result.path))
        absolute_folder, site = folders[folder]
        absolute = os.path.join(absolute_folder, name)
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


class _Memo(msgspec.Struct, array_like=True):
    """A site pass's findings in every file (absolute path, code, message, place), and the files outside
    the index it looked for (function, path, answer): stored after a run over the whole site."""

    findings: list[tuple[str, str, str, At]]
    probes: list[tuple[str, str, bool]]
    files: dict[str, tuple[str, bytes]]  # absolute path → (stamp, digest of its facts) when kept


_MEMO_ENCODER = msgspec.msgpack.Encoder()
_MEMO_DECODER = msgspec.msgpack.Decoder(_Memo)
_FACTS_ENCODER = msgspec.msgpack.Encoder()
_PROBES = {"isfile": os.path.isfile, "exists": os.path.exists}


def _site_findings(
    site: SiteConfig,
    checked: list[tuple[str, FileResult, frozenset[str]]],
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool,
) -> dict[str, list[Diagnostic]]:
    in_run = {absolute: result for absolute, result, _ in checked}
    wanted_codes = {absolute: codes for absolute, _, codes in checked}  # the site codes enabled for each file
    files, adapters = walk_content(site)
    stamps = _stamps(files, cache)
    state = _state(site, files, adapters)
    fresh = {absolute: result.facts for absolute, result in in_run.items() if result.facts is not None}
    memo = _stored_memo(cache, site, state, stamps, fresh)
    if memo is None:
        index = SiteIndex(site)
        for absolute, result in in_run.items():
            index.add(result.path, absolute, result.facts or SiteFacts())
        # named as a run from the working folder names them: their cache entries are keyed by that path
        here = os.path.join(os.getcwd(), "")
        others = {_shown(path, here): path for path in files if path not in in_run}
        for path, facts in _other_facts(others, stamps, settings_for, cache, jobs, verbose).items():
            index.add(path, others[path], facts if facts is not None else _facts_now(path, settings_for(path)))
        index.generated = adapters
        index.finish()
        complete = not others  # a run over the whole site: its findings are kept for the next such run
        findings = _findings(index, wanted_codes, complete)
        memo = _Memo([(f.page.absolute, f.code, f.message, f.at) for f in findings], index.probes, {})
        if complete and cache is not None:
            memo.files = {path: ("", _digest(fresh[path])) for path in files}
            _keep(cache, site.root, state, memo, stamps)
    elif any(path in memo.files and memo.files[path][0] != stamps.get(path) for path in fresh):
        _keep(cache, site.root, state, memo, stamps)  # still valid: kept with the run's files' new stamps
    diagnostics: dict[str, list[Diagnostic]] = {}
    seen: set[tuple[str, str, int, int, str]] = set()
    for absolute, code, message, at in memo.findings:
        if absolute not in in_run or code not in wanted_codes[absolute]:
            continue
        path = in_run[absolute].path
        key = (path, code, at.line, at.column, message)
        if key in seen:
            continue
        seen.add(key)
        position = Position(at.line, at.column, at.end_line, at.end_column)
        diagnostics.setdefault(path, []).append(located_diagnostic(path, position, code, message, settings_for(path)))
    with_comments = {
        result.path for result in in_run.values() if result.facts is not None and result.facts.suppressions
    }
    return {
        path: _unsuppressed(path, found, settings_for(path)) if path in with_comments else found
        for path, found in diagnostics.items()
    }


def _findings(index: SiteIndex, wanted_codes: dict[str, frozenset[str]], every_code: bool) -> list[Finding]:
    """The findings of the checks some file of the run enables (of all of them when ``every_code``)."""
    found: list[Finding] = []
    for check in dict.fromkeys(
        check for code, check in CHECKS.items() if every_code or any(code in codes for codes in wanted_codes.values())
    ):
        found += check(index, lambda page: page.absolute in wanted_codes)
    return found


def _stamps(files: list[str], cache: ResultCache | None) -> dict[str, str | None]:
    """Each file's cache stamp now (``None``: changed too recently to trust, or gone)."""
    if cache is None:
        return {}
    now = time.time_ns()
    stamps: dict[str, str | None] = {}
    for path in files:
        try:
            stamps[path] = cache.stamp(os.stat(path), now)
        except OSError:
            stamps[path] = None
    return stamps


def _state(site: SiteConfig, files: list[str], adapters: tuple[str, ...]) -> str:
    """What the site's findings depend on besides the files' facts, hashed: fmlint's code, the site's
    configuration and content adapters, the working folder (messages name files from it), the content files."""
    head = f"{code_fingerprint()}\0{site!r}\0{adapters}\0{os.getcwd()}"
    digest = hashlib.blake2b(head.encode(), digest_size=20)
    for path in files:
        digest.update(f"{path}\n".encode())
    return digest.hexdigest()


def _keep(cache: ResultCache | None, root: str, state: str, memo: _Memo, stamps: dict[str, str | None]) -> None:
    """Store the site's findings with every file's stamp now (not when one is unknown: too recent to trust)."""
    if cache is None or any(stamps.get(path) is None for path in memo.files):
        return
    memo.files = {path: (stamps[path] or "", digest) for path, (_, digest) in memo.files.items()}
    cache.store_site(root, state, _MEMO_ENCODER.encode(memo))


def _digest(facts: SiteFacts) -> bytes:
    return hashlib.blake2b(_FACTS_ENCODER.encode(facts), digest_size=16).digest()


def _stored_memo(
    cache: ResultCache | None,
    site: SiteConfig,
    state: str,
    stamps: dict[str, str | None],
    fresh: dict[str, SiteFacts],
) -> _Memo | None:
    """The findings kept for this state of the site, if every file is as it was — its stamp unchanged, or
    a file of the run (``fresh``: its facts now) whose facts have the kept digest — and every file they
    looked for too."""
    if cache is None or (value := cache.load_site(site.root, state)) is None:
        return None
    try:
        memo = _MEMO_DECODER.decode(value)
    except msgspec.MsgspecError:
        return None
    for path, (stamp, digest) in memo.files.items():
        if stamps.get(path) != stamp and (path not in fresh or _digest(fresh[path]) != digest):
            return None
    if not all(_PROBES.get(name, _never)(path) == answer for name, path, answer in memo.probes):
        return None
    return memo


def _never(path: str) -> object:
    return None  # an unknown probe (a damaged entry) never answers as recorded


def content_files(site: SiteConfig) -> list[str]:
    """The absolute paths of the Markdown files in the site's content folders (hidden ones skipped, as Hugo does)."""
    return walk_content(site)[0]


def walk_content(site: SiteConfig) -> tuple[list[str], tuple[str, ...]]:
    """One walk of the content folders: their Markdown files (as :func:`content_files`), and the URL
    prefixes of the folders holding a content adapter (``_content.gotmpl``), whose pages no file shows."""
    found: list[str] = []
    adapters: list[str] = []
    for content in site.content_dirs:
        for folder, dirs, files in os.walk(content.path):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _NOT_CONTENT]
            prefix = folder + os.sep
            found += [prefix + f for f in files if f.lower().endswith(MARKDOWN) and not f.startswith(".")]
            if "_content.gotmpl" in files:
                relative = os.path.relpath(folder, content.path).replace(os.sep, "/")
                adapters.append(url_key("/" + ("" if relative == "." else relative)))
    return sorted(set(found)), tuple(adapters)


def _other_facts(
    others: dict[str, str],
    stamps: dict[str, str | None],
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool,
) -> dict[str, SiteFacts | None]:
    """The facts of files outside the run (``others``: as named → absolute): of unchanged files from the
    cache (nothing read), of the others by checking them through the runner (which stores their entries)."""
    from fmlint.runner import run  # the runner calls this module

    found: dict[str, SiteFacts | None] = {}
    if cache is not None:
        prefixes: dict[int, str] = {}
        wanted: dict[str, tuple[str, str]] = {}
        for path, absolute in others.items():
            settings = settings_for(path)
            if id(settings) not in prefixes:
                prefixes[id(settings)] = cache.key_prefix(settings_fingerprint(settings))
            stamp = stamps.get(absolute)
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

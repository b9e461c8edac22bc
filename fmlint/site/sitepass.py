"""The run-level site pass: the facts of every content file of each site, then the site rules.

Called by the runner once the files of a run are checked.  For every site
that holds a checked file with a site rule enabled, the site's other content
files are found (a walk of its content folders, ``fmlint.site.walk``; for a run
over a few files, taken by a forked child while they were checked:
``fmlint.site.prefetch``) and run through the runner too
— served from the result cache when unchanged, so a warm or pre-commit run
reads none of them — to get their facts.  Findings are reported only in the
files of the run, with their inline suppression comments applied.  On a large site
the reference check is split between this process and a forked child
(``fmlint.site.split``): the per-file pass's pool has finished, and a core would idle.

After a run over a whole site, its findings are kept in the cache under a hash of
what they depend on (fmlint's code, the site's configuration and content
adapters, the working folder, the list of content files), with each file's stamp
and a digest of its facts, and the files outside the index they looked for.
While these hold, a later run — whole or over a few files — takes its findings
from there without indexing the site.  A file whose stamp changed (touched,
checked out, or edited where no fact changed: a typo in a paragraph), in the
run or outside it (its facts are then read again), still holds when its new
facts have the digest kept; the kept stamps are then updated.

When only files of the run changed (a pre-commit run over edited files of a
Hugo, Starlight, Docusaurus or Jekyll site), the keys kept with the findings find the part of the site those files' findings
depend on, and only that part is indexed (``fmlint.site.partial``); files
outside the run whose facts changed (a pull), while they are few, are indexed
with them, their kept keys left out (the kept findings stay those of the site
before: such a file is read again in every run until a run keeps the whole
site).  Otherwise (a rename, a new or deleted file, a configuration change, too
many files changed) the whole site is indexed.  The facts of the run's files
served by their stamp are read only when needed, and the runner's stamps of
them are not taken again.  What the run's files changed (and, if they did, the
part of the site they depend on) is worked out before the other files' stamps
are asked for: a forked child may still be taking them.

``page_index`` builds the index such a run over one file would check it with (the
part of the site, or the whole), for the language server's go to definition.
"""

from __future__ import annotations

import gc
import hashlib
import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from functools import partial
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

import msgspec

from fmlint import gc_policy
from fmlint.cache import ResultCache, code_fingerprint
from fmlint.config.settings import Settings
from fmlint.diagnostics import INTERNAL_ERROR, Diagnostic
from fmlint.document import read_document
from fmlint.file_result import FileResult
from fmlint.fix.model import DiagnosticFix
from fmlint.linter import context, located_diagnostic, read_path, site_facts
from fmlint.positions import Position
from fmlint.rules import CHECKERS
from fmlint.rules.site import SITE_CODES
from fmlint.site.config import SiteConfig, site_key, site_of
from fmlint.site.eleventy import QUESTIONS as ELEVENTY_QUESTIONS
from fmlint.site.facts import At, SiteFacts, StoredFacts
from fmlint.site.publication import ahead
from fmlint.site.templates import QUESTIONS
from fmlint.site.walk import Walked, content_stamps, walk_content
from fmlint.suppressions import apply_suppressions

if TYPE_CHECKING:  # the index and the checks are imported when a run meets a site
    from fmlint.site.checks import Finding
    from fmlint.site.generated import BuildIgnores
    from fmlint.site.index import Page, SiteIndex
    from fmlint.site.prefetch import Prefetch

SettingsFor = Callable[[str], Settings]
_Checked = list[tuple[str, FileResult, frozenset[str]]]  # a site's files in a run: absolute path, result, site codes
_T = TypeVar("_T")
_SITE_RULES = next(checker for checker in CHECKERS if checker.name == "site")  # (their options)


def site_diagnostics(
    results: Sequence[FileResult],
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool = False,
    prefetch: Prefetch | None = None,
) -> dict[str, list[Diagnostic]]:
    """The site rules' findings in the files of ``results``, by path (with the sites' files and stamps of
    ``prefetch`` where it took them)."""
    # each site's files in the run (absolute path, result, the site codes enabled), and their settings by id
    sites: dict[str, tuple[SiteConfig, _Checked, dict[int, Settings]]] = {}
    # each folder as named → absolute (with its separator) and its site's entry of ``sites``, or None outside
    # any site (10,000 files sit in a few folders)
    folders: dict[str, tuple[str, _Checked, dict[int, Settings]] | None] = {}
    site_codes: dict[int, frozenset[str]] = {}  # by settings object: a run has a few
    for result in results:
        if result.facts is None:
            continue
        path = result.path
        cut = path.rfind(os.sep) + 1
        folder = path[:cut]  # with its separator; "" in the working folder
        if folder not in folders:
            site = site_of(path)
            if site is None or not site.content_dirs:
                folders[folder] = None
            else:
                _, checked, seen = sites.setdefault(site.root, (site, [], {}))
                folders[folder] = (os.path.join(os.path.abspath(folder or os.curdir), ""), checked, seen)
        entry = folders[folder]
        if entry is None:
            continue
        settings = settings_for(path)
        codes = site_codes.get(id(settings))
        if codes is None:
            codes = site_codes[id(settings)] = settings.enabled_codes & SITE_CODES
        if codes:
            absolute_folder, checked, seen = entry
            checked.append((absolute_folder + path[cut:], result, codes))
            seen[id(settings)] = settings
    found: dict[str, list[Diagnostic]] = {}
    for site, checked, seen in sites.values():
        if not checked:
            continue  # (no file of the run in it enables a site rule)
        try:
            with _collector_paused():
                stored = _Stored(cache, site.root)
                if prefetch is not None and prefetch.walking(site):
                    stored.decoded()  # (while the child walks: this process would wait for it)
                walked = prefetch.take(site) if prefetch is not None else None
                findings = _site_findings(
                    *_prepared(_with_options(site, seen.values()), checked, settings_for, cache, jobs, verbose, walked),
                    stored,
                )
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


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a site is indexed: its ~100,000 objects hold no cycles (reference
    counting frees them), and each full collection would scan every finding of the run as well — in a cold
    10k run, 0.1–0.2 s of the ~0.6 s the site pass takes otherwise."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Memo(msgspec.Struct, array_like=True):
    """A site pass's findings in every file (absolute path, code, message, place, fix), and the files outside
    the index it looked for (function, path, answer): stored after a run over the whole site."""

    findings: list[tuple[str, str, str, At, DiagnosticFix | None]]  # (``Finding.kept``)
    probes: list[tuple[str, str, bool]]
    files: dict[str, tuple[str, bytes]]  # absolute path → (stamp, digest of its facts) when kept
    implicit: list[tuple[str, str]] = []  # the sections Hugo makes for folders without ``_index.md``


_MEMO_ENCODER = msgspec.msgpack.Encoder()
_MEMO_DECODER = msgspec.msgpack.Decoder(_Memo)
_FACTS_ENCODER = msgspec.msgpack.Encoder()
_PROBES = {
    function.__name__: function for function in (os.path.isfile, os.path.exists, *QUESTIONS, *ELEVENTY_QUESTIONS, ahead)
}
_PARTIAL_RUN = 256  # a run over fewer files whose others are as kept indexes only what they depend on


def _with_options(site: SiteConfig, settings: Iterable[Settings]) -> SiteConfig:
    """The site with the site rules' options of the run's files (``external-paths``: all of theirs, as
    ``/path`` without a closing slash; a URL's path)."""
    paths = {
        "/" + (urlsplit(path).path if "://" in path else path).strip().strip("/")
        for found in settings
        for path in found.options_for(_SITE_RULES)["external-paths"]
        if isinstance(path, str) and path.strip().strip("/")
    }
    return msgspec.structs.replace(site, external_paths=tuple(sorted(paths))) if paths else site


def _with_ignores(site: SiteConfig, ignores: BuildIgnores | None) -> SiteConfig:
    """The site with the ``.gitignore`` rules its walk found (the same object when there are none: its cached
    properties kept)."""
    return msgspec.structs.replace(site, git_ignores=ignores) if ignores is not None else site


def _site_findings(run: _Pass, state: str, served: dict[str, str], stored: _Stored) -> dict[str, list[Diagnostic]]:
    """The site rules' findings in the files of ``run`` (see ``_prepared``), with what was ``stored`` for it."""
    site, in_run, wanted_codes, files, run_facts = run.site, run.in_run, run.wanted_codes, run.files, run.run_facts
    cache, settings_for = run.cache, run.settings_for
    kept = stored.memo(state)
    memo = None
    refresh = kept is None  # nothing kept for the site as it is (a first run, a file added or removed, a new config)
    if kept is not None:
        # what the run's files changed is worked out first: a forked child may still be taking the stamps
        edited = _edited(kept, run_facts, served)
        few = _partial_keys(site) and len(in_run) < min(len(files), _PARTIAL_RUN)
        if not edited and _probes_hold(kept):
            memo = kept
        elif few:  # only the run's files changed (if the others are as kept): the part of the site they need
            memo, refresh = _partial_or_none(run, kept)
        stamps, moved, changed = _outside_the_run(run, kept)
        if changed is None or (changed and not (few and len(in_run) + len(changed) < _PARTIAL_RUN)):
            memo, refresh = None, True  # (too many to index with the run's files: the whole site, kept)
        elif changed:  # (a pull): the part of the site the run's files depend on, with the changed files' facts now
            memo, refresh = _partial_or_none(run, kept, changed)
        # the files whose facts are as kept are kept with their new stamps (unless the whole site is kept now)
        left = {path for _, path, _ in changed or ()}
        same = [path for path in moved if path not in left]
        same += [] if edited else [path for path in in_run if path in kept.files]
        if not refresh and any(kept.files[path][0] != (stamps.get(path) or "") for path in same):
            _keep(cache, site.root, state, kept, stamps, same)
    if memo is None:
        # a run over a few files that indexes the whole site with nothing kept to serve it checks all of it and
        # keeps that, so that the next such run takes the partial path (a pre-commit hook may be the only way
        # fmlint is run)
        memo = _whole_memo(run, state, refresh and cache is not None and _partial_keys(site))
    diagnostics: dict[str, list[Diagnostic]] = {}
    seen: set[tuple[str, str, int, int, str]] = set()
    for absolute, code, message, at, fix in memo.findings:
        if absolute not in in_run or code not in wanted_codes[absolute]:
            continue
        path = in_run[absolute].path
        key = (path, code, at.line, at.column, message)
        if key in seen:
            continue
        seen.add(key)
        position = Position(at.line, at.column, at.end_line, at.end_column)
        found = located_diagnostic(path, position, code, message, settings_for(path), fix=fix)
        diagnostics.setdefault(path, []).append(found)
    # (a result served by its stamp has no suppression comments: its facts say False, read or not)
    with_comments = {
        result.path for result in in_run.values() if result.facts is not None and result.facts.suppressions
    }
    return {
        path: _unsuppressed(path, found, settings_for(path)) if path in with_comments else found
        for path, found in diagnostics.items()
    }


def _prepared(
    site: SiteConfig,
    checked: _Checked,
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool,
    walked: Walked | None = None,
) -> tuple[_Pass, str, dict[str, str]]:
    """The site's pass over the run's ``checked`` files (its content files walked now, unless ``walked``), the
    hash of the state its findings depend on (``_state``), and the stamps of the run's files served by them."""
    in_run = {absolute: result for absolute, result, _ in checked}
    wanted_codes = {absolute: codes for absolute, _, codes in checked}  # the site codes enabled for each file
    served = {absolute: r.facts.stamp for absolute, r in in_run.items() if isinstance(r.facts, StoredFacts)}
    if walked is None:  # (else a child's: taken before the run's files were read, their stamps are not newer)
        listing = walk_content(site)
        walked = Walked(listing, partial(content_stamps, listing.files, cache, served))
    site = _with_ignores(site, walked.ignores)
    run_facts = _RunFacts(in_run, cache, settings_for)
    run = _Pass(site, in_run, wanted_codes, walked, run_facts, settings_for, cache, jobs, verbose)
    return run, _state(site, walked.files, walked.adapters), served


class _Pass(msgspec.Struct):
    """One site's pass in a run: the run's files (absolute path → result) and the site codes each enables,
    the site's content files (and content adapters) with their stamps now (when first asked for)."""

    site: SiteConfig
    in_run: dict[str, FileResult]
    wanted_codes: dict[str, frozenset[str]]
    walked: Walked
    run_facts: _RunFacts
    settings_for: SettingsFor
    cache: ResultCache | None
    jobs: int | None
    verbose: bool
    read: dict[str, tuple[str, SiteFacts]] = msgspec.field(default_factory=dict)  # ``other_facts``'s, by path

    @property
    def files(self) -> list[str]:
        return self.walked.files

    @property
    def adapters(self) -> tuple[str, ...]:
        return self.walked.adapters

    def other_facts(self, paths: Iterable[str]) -> list[tuple[str, str, SiteFacts]]:
        """(name as the run names it, absolute path, facts) of files outside the run, in the order of
        ``paths`` (the site's), whether served from the cache or checked now: the first page of a URL or
        content key wins, so a run with the cache and one without index the pages alike.  Each file is read
        once in a run (the partial index may be built again, with the changed files outside the run)."""
        paths = list(paths)
        here = os.path.join(os.getcwd(), "")
        others = {_shown(path, here): path for path in paths if path not in self.read}  # (cache entries' names)
        stamps = self.walked.stamps_of(list(others.values()), self.cache)
        cached, rechecked = _other_facts(others, stamps, self.settings_for, self.cache, self.jobs, self.verbose)
        for shown, path in others.items():
            if shown in cached:
                self.read[path] = (shown, cached[shown])
            elif shown in rechecked:
                facts = rechecked[shown]
                self.read[path] = (shown, facts if facts is not None else _facts_now(shown, self.settings_for(shown)))
        return [(self.read[path][0], path, self.read[path][1]) for path in paths if path in self.read]


def _whole_memo(run: _Pass, state: str, keep: bool = False) -> _Memo:
    """The findings of the checks over an index of the whole site (every page's, and kept, after a run over all
    of it or when asked to ``keep`` them)."""
    index, fresh, others = _whole_index(run)
    gc_policy.keep_until_exit(index)  # (a 10k site's: ~45 ms to free, as the run waits)
    # a run over the whole site (but the HTML pages, which a run over a folder does not check): its findings are
    # kept for the next such run
    complete = keep or not any(path.lower().endswith(run.site.page_extensions) for _, path, _ in others)
    cache = run.cache if complete else None  # (the findings are kept in it)

    def digests() -> dict[str, tuple[str, bytes]]:
        """Each file's facts digest (worked out while a forked child checks references)."""
        facts = {**{path: found for _, path, found in others}, **fresh}
        return {path: ("", _digest(facts[path])) for path in run.files}

    def keys_kept() -> bool:
        """Every page's keys stored, in the forked child (its first work: this process, on the other core,
        takes more of the references); whether they were."""
        assert cache is not None
        keys = _page_keys(index, run.files)
        try:
            return keys is not None and cache.store_site_keys(run.site.root, keys)
        finally:
            cache.close()  # (the child's own connection)

    wanted = run.wanted_codes  # (kept: every page's findings, as a run over all of them finds them)
    if keep:
        pages = (path for _, path, _ in others if path.lower().endswith(run.site.page_extensions))
        wanted = {**dict.fromkeys(pages, SITE_CODES), **wanted}
    kept = cache is not None
    aside = keys_kept if kept and _partial_keys(run.site) else None
    findings, files, keys_stored = _findings(index, wanted, kept, run.jobs, digests if kept else None, aside)
    memo = _Memo([f.kept for f in findings], index.probes, {})
    if files is not None:  # (the findings are kept: ``digests`` was called)
        memo.files = files
        memo.implicit = [(page.language, page.folder) for page in index.pages if page.file is None]
        keys = None if keys_stored else _page_keys(index, run.files)  # (else stored with the findings)
        _keep(cache, run.site.root, state, memo, run.walked.stamps(), list(memo.files), keys)
    return memo


def _whole_index(run: _Pass) -> tuple[SiteIndex, dict[str, SiteFacts], list[tuple[str, str, SiteFacts]]]:
    """The index of the whole site, with the facts of the run's files and (name, path, facts) of the others."""
    from fmlint.site.index import SiteIndex

    fresh = run.run_facts.of(run.in_run)
    others = run.other_facts(path for path in run.files if path not in run.in_run)
    # in the site's order, whichever files the run was given (the first page of a URL wins, and the order of an
    # ambiguous name's pages is shown); the run's files the walk does not list last
    named = {path: (shown, facts) for shown, path, facts in others}
    index = SiteIndex(run.site)
    listed = set(run.files)
    for path in [*run.files, *(path for path in run.in_run if path not in listed)]:
        result = run.in_run.get(path)
        if result is not None:
            index.add(result.path, path, fresh[path])
        elif (other := named.get(path)) is not None:
            index.add(other[0], path, other[1])
    index.generated = run.adapters
    index.finish()
    return index, fresh, others


def _partial_or_none(
    run: _Pass, kept: _Memo, changed: Sequence[tuple[str, str, SiteFacts]] = ()
) -> tuple[_Memo | None, bool]:
    """The partial memo (``_partial_memo``), and whether the whole site must be indexed and kept instead
    (``None`` and true: the kept keys cannot be read)."""
    try:
        return _partial_memo(run, kept, changed), False
    except LookupError:
        return None, True


def _partial_memo(run: _Pass, kept: _Memo, changed: Sequence[tuple[str, str, SiteFacts]]) -> _Memo:
    """The findings in the files of the run over the part of the site they depend on (``_partial_index``)."""
    index = _partial_index(run, kept, changed)
    findings, _, _ = _findings(index, run.wanted_codes, False)
    return _Memo([f.kept for f in findings], index.probes, {})


def _partial_index(run: _Pass, kept: _Memo, changed: Sequence[tuple[str, str, SiteFacts]]) -> SiteIndex:
    """The part of the site the files of the run depend on, found by the keys kept with the site's findings
    (every other file is as it was then, or ``changed``: (name, absolute path, facts now) of those outside the
    run whose facts are not as kept): see ``fmlint.site.partial``.  ``LookupError``: the keys cannot be read."""
    from fmlint.site.partial import partial_index

    place = {path: number for number, path in enumerate(run.files)}

    def keyed(keys: set[str], without: set[str]) -> list[tuple[str, str, int, int]]:
        leave = {place[path] for path in without if path in place}
        found = run.cache.load_site_keys(run.site.root, keys, leave) if run.cache is not None else None
        if found is None:
            raise LookupError(run.site.root)
        return [(key, run.files[name] if isinstance(name, int) else name, n, first) for key, name, n, first in found]

    def loaded(paths: list[str]) -> dict[str, tuple[str, SiteFacts]]:
        return {path: (shown, facts) for shown, path, facts in run.other_facts(paths)}

    fresh = run.run_facts.of(run.in_run)
    files = [(result.path, absolute, fresh[absolute]) for absolute, result in run.in_run.items()]
    return partial_index(run.site, files, run.files, kept.implicit, run.adapters, keyed, loaded, changed)


def _page_keys(index: SiteIndex, files: list[str]) -> list[tuple[str, str, int, int]] | None:
    """Each page's keys (key, the term of a term's key or "", the file's place in ``files``, how many times)
    for later runs over a few files (Hugo, Starlight, Docusaurus and Jekyll sites), sorted."""
    if not _partial_keys(index.config):
        return None
    from fmlint.site.partial import page_keys, resource_keys

    place = {path: number for number, path in enumerate(files)}
    rows: list[tuple[str, str, int]] = []
    resources = set(map(id, index.resources))
    for page in (*index.pages, *index.resources):
        file = place.get(page.absolute)
        if file is not None:
            keys = resource_keys(page) if id(page) in resources else page_keys(index.config, page)
            rows += [(key, term or "", file) for key, term in keys]
    uses = Counter(rows)  # (counted at once, in C: a term used twice, 2; a file's pages in two languages, added)
    return sorted([(key, term, file, count) for (key, term, file), count in uses.items()])


def _partial_keys(site: SiteConfig) -> bool:
    """Whether a run over a few files of the site may index the part of it they depend on (``partial``)."""
    return site.generator in ("hugo", "jekyll") or site.starlight is not None or site.docusaurus is not None


def _findings(
    index: SiteIndex,
    wanted_codes: dict[str, frozenset[str]],
    every_code: bool,
    jobs: int | None = 1,
    meanwhile: Callable[[], _T] | None = None,
    aside: Callable[[], bool] | None = None,
) -> tuple[list[Finding], _T | None, bool]:
    """The findings of the checks some file of the run enables (of all of them when ``every_code``), what
    ``meanwhile`` returns, and whether ``aside`` was called and said yes: with ``jobs`` above one, the reference
    check of a large site is split between two processes (``split``), ``meanwhile`` is called while the other
    process works, and ``aside`` by that process before it does (else not at all: its work is done without
    it)."""
    from fmlint.site.checks import CHECKS, broken_references
    from fmlint.site.split import split_references, splits

    checks = list(
        dict.fromkeys(
            check
            for code, check in CHECKS.items()
            if every_code or any(code in codes for codes in wanted_codes.values())
        )
    )

    def wanted(page: Page) -> bool:
        return page.absolute in wanted_codes

    split = broken_references in checks and splits(index, jobs)
    done = False
    with split_references(index, wanted, aside) if split else nullcontext() as references:
        found_by = {
            check: [] if references is not None and check is broken_references else list(check(index, wanted))
            for check in checks
        }
        made = meanwhile() if meanwhile is not None else None
        if references is not None:
            shared = references()
            found_by[broken_references], done = shared.findings, shared.aside is True
    return _once_per_place([finding for check in checks for finding in found_by[check]]), made, done


def _once_per_place(found: list[Finding]) -> list[Finding]:
    """The findings of a file that is a page in several languages (a fallback mount) as those of its page from
    the first mount reporting at that place (whatever order the checks found them in): the same reference
    broken in each language is one fault of the file."""
    first: dict[tuple[str, str, At], Page] = {}
    for finding in found:
        place = (finding.page.absolute, finding.code, finding.at)
        if place not in first or finding.page.mount < first[place].mount:
            first[place] = finding.page
    return [f for f in found if first[(f.page.absolute, f.code, f.at)] is f.page]


def _state(site: SiteConfig, files: list[str], adapters: tuple[str, ...]) -> str:
    """What the site's findings depend on besides the files' facts, hashed: fmlint's code, the site's
    configuration and content adapters, the working folder (messages name files from it), the content files."""
    head = f"{code_fingerprint()}\0{site!r}\0{adapters}\0{os.getcwd()}"
    digest = hashlib.blake2b(head.encode(), digest_size=20)
    digest.update("".join(f"{path}\n" for path in files).encode())
    return digest.hexdigest()


def _keep(
    cache: ResultCache | None,
    root: str,
    state: str,
    memo: _Memo,
    stamps: dict[str, str | None],
    paths: Iterable[str],
    keys: list[tuple[str, str, int, int]] | None = None,
) -> None:
    """Store the site's findings with the stamps now of ``paths`` (files whose facts are those ``memo`` holds),
    and with ``keys`` its pages' keys. A file with no stamp (changed too recently for one to be trusted: a
    pre-commit run's files, often) is kept with none, which no stamp equals: the next run reads it again."""
    if cache is None:
        return
    memo.files.update({path: (stamps.get(path) or "", memo.files[path][1]) for path in paths})
    cache.store_site(root, state, _MEMO_ENCODER.encode(memo), keys)


def _outside_the_run(
    run: _Pass, kept: _Memo
) -> tuple[dict[str, str | None], list[str], list[tuple[str, str, SiteFacts]] | None]:
    """The stamps of the site's files now, those outside the run with another stamp than kept (touched, pulled,
    checked out: their facts now are read), and of these the ones whose facts changed (``_changed``)."""
    stamps = run.walked.stamps()
    moved = [path for path, (stamp, _) in kept.files.items() if path not in run.in_run and stamps.get(path) != stamp]
    return stamps, moved, _changed(run, kept, moved) if moved else []


def _changed(run: _Pass, kept: _Memo, paths: list[str]) -> list[tuple[str, str, SiteFacts]] | None:
    """Those of the files at ``paths`` (outside the run) whose facts are not those kept, with their facts now
    (name, absolute path, facts); ``None`` if one cannot be read. A prose edit or a touch changes none."""
    found = run.other_facts(paths)
    if len(found) != len(paths):
        return None
    return [(shown, path, facts) for shown, path, facts in found if _digest(facts) != kept.files[path][1]]


def _digest(facts: SiteFacts) -> bytes:
    return hashlib.blake2b(_FACTS_ENCODER.encode(facts), digest_size=16).digest()


class _Stored:
    """The findings kept for a site and the state of the site they were kept in (they hold for that state while
    every file outside the run is as it was), decoded when first asked for."""

    def __init__(self, cache: ResultCache | None, root: str) -> None:
        row = cache.load_site(root) if cache is not None else None
        self.state, self._value = row if row is not None else ("", b"")
        self._memo: _Memo | None = None

    def memo(self, state: str) -> _Memo | None:
        """The findings, if kept in ``state``."""
        return self.decoded() if state == self.state else None

    def decoded(self) -> _Memo | None:
        if self._memo is None and self._value:
            with suppress(msgspec.MsgspecError):  # (a damaged row: the site is indexed)
                self._memo = _MEMO_DECODER.decode(self._value)
            self._value = b""
        return self._memo


def _edited(kept: _Memo, facts: _RunFacts, served: dict[str, str]) -> bool:
    """Whether a file of the run has facts now that differ from those kept (one served by the stamp it was kept
    with is as it was: its facts are not read)."""
    changed = [path for path in facts.in_run if path in kept.files and served.get(path) != kept.files[path][0]]
    now = facts.of(changed)
    return any(_digest(now[path]) != kept.files[path][1] for path in changed)


def _probes_hold(kept: _Memo) -> bool:
    """Whether every file the kept findings looked for outside the index is as it was."""
    return all(_PROBES.get(name, _never)(path) == answer for name, path, answer in kept.probes)


class _RunFacts:
    """The facts of the files of the run, by absolute path; those left in the cache
    (:class:`~fmlint.site.facts.StoredFacts`) are read when first asked for, in one query."""

    def __init__(self, in_run: dict[str, FileResult], cache: ResultCache | None, settings_for: SettingsFor) -> None:
        self.in_run, self.cache, self.settings_for = in_run, cache, settings_for
        self.known: dict[str, SiteFacts] = {}

    def of(self, paths: Iterable[str]) -> dict[str, SiteFacts]:
        paths = list(paths)
        known = self.known
        stored: dict[str, tuple[str, str]] = {}  # file key → (stamp, path)
        for path in paths:  # (a cold run's 10,000 files: one pass)
            if path not in known:
                facts = self.in_run[path].facts
                if isinstance(facts, StoredFacts):
                    stored[facts.file_key] = (facts.stamp, path)
                else:
                    known[path] = facts if facts is not None else SiteFacts()
        loaded = self.cache.load_facts(stored) if stored and self.cache is not None else {}
        for file_key, (_, path) in stored.items():
            # (None: gone from the cache since the runner served the file; read it again)
            known[path] = loaded.get(file_key) or _facts_now(self.in_run[path].path, self.settings_for(path))
        return {path: known[path] for path in paths}


def _never(path: str) -> object:
    return None  # an unknown probe (a damaged entry) never answers as recorded


def page_index(
    result: FileResult, settings_for: SettingsFor, cache: ResultCache | None
) -> tuple[SiteIndex, Page] | None:
    """The index that a site pass of a run over the file of ``result`` alone builds, and the file's page in it:
    the part of the site the file depends on while the findings kept for the site hold for the other files (a
    few changed among them indexed with it), else the whole site; ``None`` for a file of no site or no page."""
    site = site_of(result.path) if result.facts is not None else None
    if site is None or not site.content_dirs:
        return None
    absolute = os.path.abspath(result.path)
    site = _with_options(site, [settings_for(result.path)])
    run, state, _ = _prepared(site, [(absolute, result, SITE_CODES)], settings_for, cache, 1, False)
    kept = _Stored(cache, run.site.root).memo(state) if _partial_keys(run.site) else None
    with _collector_paused():
        index = None
        if kept is not None and len(run.files) > 1:
            _, _, changed = _outside_the_run(run, kept)
            if changed is not None and len(changed) + 1 < _PARTIAL_RUN:
                with suppress(LookupError):
                    index = _partial_index(run, kept, changed)
        if index is None:
            index, _, _ = _whole_index(run)
    page = index.by_file.get(absolute)
    return None if page is None else (index, page)


def index_site(site: SiteConfig, settings: Settings) -> SiteIndex:
    """The index of every content file of ``site``, each read and checked here with ``settings`` (no cache,
    one process): for tests, and to compare the pages with ``hugo list all``."""
    from fmlint.linter import lint_path
    from fmlint.site.index import SiteIndex

    files, adapters, ignores = walk_content(site)
    site = _with_ignores(site, ignores)
    index = SiteIndex(site)
    for path in files:
        facts = lint_path(path, settings).facts
        if facts is not None:
            index.add(path, path, facts)
    index.generated = adapters
    index.finish()
    return index


def _other_facts(
    others: dict[str, str],
    stamps: dict[str, str | None],
    settings_for: SettingsFor,
    cache: ResultCache | None,
    jobs: int | None,
    verbose: bool,
) -> tuple[dict[str, SiteFacts], dict[str, SiteFacts | None]]:
    """The facts of files outside the run (``others``: as named → absolute): of unchanged files from the
    cache (nothing read), and of the others by checking them through the runner (which stores their entries;
    ``None``: the site rules are off for the file)."""
    from fmlint.runner import run  # the runner calls this module

    found: dict[str, SiteFacts] = {}
    if not others:
        return found, {}
    if cache is not None:
        prefixes: dict[int, str] = {}
        wanted: dict[str, tuple[str, str]] = {}
        for path, absolute in others.items():
            settings = settings_for(path)
            if id(settings) not in prefixes:
                prefixes[id(settings)] = cache.key_prefix(settings)
            stamp = stamps.get(absolute)
            if stamp is not None:
                wanted[prefixes[id(settings)] + path + site_key(path, settings.preset)] = (stamp, path)
        found = {wanted[key][1]: facts for key, facts in cache.load_facts(wanted).items()}
        cache.close()
    missing = [path for path in others if path not in found]
    checked: dict[str, SiteFacts | None] = {}
    others_run = run(missing, settings_for, verbose=verbose, jobs=jobs, cache=cache, site_checks=False, decoded=False)
    for result in others_run.file_results:  # their facts alone are read
        checked[result.path] = None if isinstance(result.facts, StoredFacts) else result.facts  # None: read again
    return found, checked


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

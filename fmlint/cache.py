"""Per-file result cache: a file that has not changed is not checked again.

**Key.** A hash of the cache format, fmlint's version and the size and mtime of
each of its own modules (so an edited checkout never serves results of older
code), the fingerprint of the effective :class:`~fmlint.config.settings.Settings`, the
file's path and its bytes.  The fingerprint is built generically from every
field of the settings struct (schema digest — which covers the files its
``$ref``s load —, enabled codes, severities, rule options, size limit, URL
collection, and any field added later); a value it cannot describe
deterministically makes a key that never matches, so it is never served stale.

**Unchanged files are not read.** Each entry also records the file's *stamp*
(size, mtime, ctime and inode, all from one ``stat`` taken before the file was
read) under a *file key*: everything in the key but the bytes.  A later run
whose ``stat`` gives the same stamp is served the entry without reading or
hashing the file.  Any write changes the ctime (which, unlike the mtime, cannot
be set back), so bytes changed behind a restored mtime are still read.  A file
changed within ``fmlint.stamps.RACY_NS`` of its ``stat`` could change again within the
same timestamp tick without changing its stamp, so it gets no stamp (as git
treats "racily clean" files); it is hashed next time and stamped then.

**Rules that read more than the file.** Rule modules marked
``FILESYSTEM_DEPENDENT`` (e.g. "the local image exists") read other files,
which are not in the key; they do so through ``ctx.probe``, and the entry keeps
their findings apart with the probes (function, arguments, answer).  On a hit
the probes are asked again: the same answers reuse the findings, any other
answer re-runs those modules.  Modules with ``CLOCK_DEPENDENT_CODES`` enabled
(a date "in the future") are never stored and re-run on every hit.

**Layout.** ``<dir>/CACHEDIR.TAG``, ``<dir>/.gitignore`` (``*``) and
``<dir>/files.sqlite3``: one row per file holding its key, file key and stamp,
and, as MessagePack (msgspec), its diagnostics (as JSON lines, the form a report
writes: see ``fmlint.file_result``; before suppression comments are applied,
since those must see every finding), the filesystem rules' findings
and probes, the located URLs and whether it has suppression comments; when the
site rules are on and the file is inside a site, its site facts sit in a
``facts`` row under the same key (whether a file is inside one is part of its
file key: see ``fmlint.runner``), so
that a run over a few files reads the rest of the site's facts alone, and a
``sites`` row keeps a site's findings after a run over all of it, with a hash of
what they depend on, and ``page_keys`` and ``key_values`` rows its pages' keys (see
``fmlint.site.partial``; and ``fmlint.site.sitepass``).  A result served by its stamp
leaves its facts unread (``StoredFacts``) until the site pass asks for them.
The online checks keep their own entries under ``<dir>/urls/``.  One database
rather than one file per entry because creating a file costs about 0.6 ms on
the benchmark machine (ext4 on a virtual disk): 10,000 entry files added 4–6 s
of system time to a 10 s check, while rows cost microseconds.

**Safety.** Each worker writes its chunk's entries in one SQLite transaction
(write-ahead log, ``synchronous=NORMAL``): atomic, and two runs sharing the
folder wait for each other's short transactions (``busy_timeout``) instead of
failing.  An entry that is not of the expected shape is a miss; a database
that is not one (truncated, overwritten) is replaced; a folder that cannot be
used disables the cache for the run.  None of these is ever an error.  After a
run that wrote entries, when the database's files are larger than
``max_bytes``, their free pages are given back and, while the entries still
take more, the oldest-written are deleted to bring them to three quarters of it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from enum import Enum
from functools import cache, partial
from operator import attrgetter
from pathlib import Path
from typing import Any

import msgspec

from fmlint import __version__
from fmlint.config.settings import Settings
from fmlint.diagnostics import Diagnostic
from fmlint.file_result import FileResult
from fmlint.linter import UrlOccurrence
from fmlint.rules.base import Probe
from fmlint.site.facts import SiteFacts, StoredFacts
from fmlint.stamps import RACY_NS, file_stamp

FORMAT_VERSION = 9  # 6: a diagnostic's array ends with its fix; 7: site facts and the site table; 8: facts flag;
# 9: the diagnostics as JSON lines
DEFAULT_DIR = ".fmlint_cache"
DIR_VARIABLE = "FMLINT_CACHE_DIR"  # where the cache goes when ``--cache-dir`` is not given (as ruff's RUFF_CACHE_DIR)


def default_dir() -> str:
    """The cache folder when none is given: ``$FMLINT_CACHE_DIR``, else ``.fmlint_cache`` in the working folder."""
    return os.environ.get(DIR_VARIABLE) or DEFAULT_DIR


DATABASE = "files.sqlite3"
DEFAULT_MAX_BYTES = 128 * 1024 * 1024  # the database's files
BUSY_TIMEOUT_MS = 30_000
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by fmlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_PAGES = ("page_count", "freelist_count", "page_size")  # what the database holds, in pages
_LOOKUP_BATCH = 500  # file keys per query (SQLite allows 32,766 parameters)
_SCHEMA = (
    "DROP TABLE IF EXISTS entries",  # formats 1 and 2 (no stamps)
    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, file TEXT NOT NULL, stamp TEXT, value BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS results_by_file ON results (file)",
    # the site rules' facts of a results row (same key), apart: a pre-commit run reads only these
    "CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, file TEXT NOT NULL, stamp TEXT, value BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS facts_by_file ON facts (file)",
    # each site's findings after a run over all of it, valid while its state (every file's stamp) holds
    "CREATE TABLE IF NOT EXISTS sites (root TEXT PRIMARY KEY, state TEXT NOT NULL, value BLOB NOT NULL)",
    "DROP TABLE IF EXISTS site_keys",  # the keys' earlier table (a row for each file using a term: see below)
    # the keys of each page of a site, kept with its findings (same state): see ``fmlint.site.partial``
    # (file: its place in the site's list of files, which its state fixes; uses: how many times it has it)
    "CREATE TABLE IF NOT EXISTS page_keys (root TEXT NOT NULL, key TEXT NOT NULL, file INTEGER NOT NULL,"
    " uses INTEGER NOT NULL, PRIMARY KEY (root, key, file)) WITHOUT ROWID",
    # a key's values (a term's spellings), each with its uses in all and by file (MessagePack: [file, uses]
    # pairs in the files' order): a term of a 10k-file site is used by thousands of files, whose rows a run
    # over a few of them would add up
    "CREATE TABLE IF NOT EXISTS key_values (root TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " uses INTEGER NOT NULL, files BLOB NOT NULL, PRIMARY KEY (root, key, value)) WITHOUT ROWID",
)


class Entry(msgspec.Struct, frozen=True):
    """One file's stored result: see the module docstring."""

    result: FileResult  # the diagnostics of the rules that read only the file, and the URLs
    filesystem: list[Diagnostic]  # valid while every probe gives the same answer
    probes: tuple[Probe, ...]
    suppressions: bool  # the file has suppression comments (to apply, its text is needed)


class ResultCache:
    """The per-file entries in ``root / "files.sqlite3"``; one connection per process."""

    def __init__(self, root: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, racy_ns: int = RACY_NS):
        self.root = Path(root)
        self.database = self.root / DATABASE
        self.max_bytes = max_bytes
        self.racy_ns = racy_ns
        self.usable = True
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._pending: list[tuple[str, str, str | None, bytes]] = []
        self._pending_facts: list[tuple[str, str, str | None, bytes]] = []
        self._restamps: list[tuple[str | None, str]] = []

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_connection": None, "_pending": [], "_pending_facts": [], "_restamps": []}

    def prepare(self) -> None:
        """Create the folder, its ``CACHEDIR.TAG`` and ``.gitignore`` and the database."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "*\n")):
                if not (self.root / name).exists():
                    _write_atomically(self.root / name, text.encode())
            self._connect()
        except (OSError, sqlite3.Error):
            self.usable = False  # a read-only or broken folder: check every file, store nothing
        self.close()  # worker processes open their own connection

    def key_prefix(self, settings: Settings, inside_site: bool = True) -> str:
        """The start of the *file key* (everything in the key but the bytes) of every file checked with
        ``settings`` by this code, inside a site or not (only files inside one have site facts); the file's
        path completes it."""
        fingerprint = settings_fingerprint(settings) + ("" if inside_site else "\0outside a site")
        head = "\0".join((str(FORMAT_VERSION), __version__, code_fingerprint(), fingerprint))
        return hashlib.blake2b(head.encode(), digest_size=20).hexdigest() + ":"

    def key(self, file_key: str, data: bytes) -> str:
        return hashlib.blake2b(file_key.encode() + b"\0" + data, digest_size=20).hexdigest()

    def stamp(self, status: os.stat_result, now_ns: int) -> str | None:
        """The stamp of a file with ``status`` taken at ``now_ns`` (``None`` when too recent to trust)."""
        return file_stamp(status, now_ns, self.racy_ns)

    def load_stamped(self, wanted: Mapping[str, tuple[str, str]]) -> Iterator[tuple[str, Entry]]:
        """The entries of unchanged files, each as it is read: ``wanted`` maps file key to (stamp now, path);
        hits by file key.

        Their site facts are left in the cache (:class:`~fmlint.site.facts.StoredFacts`): read when needed."""
        for file_key, path, value in self._stamped_values(
            wanted, "SELECT file, stamp, value FROM results WHERE file IN"
        ):
            entry = _entry(path, value, partial(StoredFacts, file_key=file_key, stamp=wanted[file_key][0]))
            if entry is not None:
                yield file_key, entry

    def load_facts(self, wanted: Mapping[str, tuple[str, str]]) -> dict[str, SiteFacts]:
        """The site facts of unchanged files (as :meth:`load_stamped`), without building their diagnostics."""
        found: dict[str, SiteFacts] = {}
        for file_key, _, value in self._stamped_values(wanted, "SELECT file, stamp, value FROM facts WHERE file IN"):
            try:
                found[file_key] = _FACTS_DECODER.decode(value)
            except msgspec.MsgspecError:
                continue
        return found

    def _stamped_values(self, wanted: Mapping[str, tuple[str, str]], query: str) -> Iterator[tuple[str, str, bytes]]:
        """(file key, path, value) of the rows of ``query`` (file key, stamp, value; ending with ``IN``) whose
        stamp is the file's stamp now, as they are read (10,000 rows are never held at once)."""
        if not self.usable or not wanted:
            return
        keys = list(wanted)
        try:
            connection = self._connect()
            for start in range(0, len(keys), _LOOKUP_BATCH):
                batch = keys[start : start + _LOOKUP_BATCH]
                for file_key, stamp, value in connection.execute(f"{query} ({','.join('?' * len(batch))})", batch):
                    now, path = wanted[file_key]
                    if stamp is not None and stamp == now:
                        yield file_key, path, value
        except sqlite3.Error:
            return  # the files not read yet are misses: they are checked

    def load(self, key: str, path: str) -> tuple[Entry, str | None] | None:
        """The stored entry for ``key`` (with ``path`` filled in) and its stamp, or ``None``."""
        if not self.usable:
            return None
        try:
            query = "SELECT r.value, r.stamp, f.value FROM results r LEFT JOIN facts f ON f.key = r.key WHERE r.key = ?"
            row = self._connect().execute(query, (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            facts = None if row[2] is None else _FACTS_DECODER.decode(row[2])
        except msgspec.MsgspecError:
            return None
        entry = _entry(path, row[0], lambda: facts)
        return None if entry is None else (entry, row[1])

    def store(self, key: str, file_key: str, stamp: str | None, entry: Entry) -> None:
        """Queue an entry; :meth:`flush` writes the queue in one transaction."""
        probes = [(p.function, list(p.args), p.result) for p in entry.probes]
        stored = _Stored(
            entry.result.encoded(),
            entry.filesystem,
            probes,
            list(entry.result.urls),
            entry.suppressions,
            entry.result.facts is not None,
            entry.result.marks(),
        )
        self._pending.append((key, file_key, stamp, _ENCODER.encode(stored)))
        if entry.result.facts is not None:
            self._pending_facts.append((key, file_key, stamp, _ENCODER.encode(entry.result.facts)))

    def restamp(self, key: str, stamp: str | None) -> None:
        """Queue a new stamp for an entry found by its bytes (the file was touched, or is now old enough)."""
        self._restamps.append((stamp, key))

    def flush(self) -> int:
        """Write the queued entries and stamps; how many entries were written (0 when busy or broken)."""
        pending, self._pending = self._pending, []
        pending_facts, self._pending_facts = self._pending_facts, []
        restamps, self._restamps = self._restamps, []
        if not (pending or restamps) or not self.usable:
            return 0
        try:
            with _transaction(self._connect()) as connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO results (key, file, stamp, value) VALUES (?, ?, ?, ?)", pending
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO facts (key, file, stamp, value) VALUES (?, ?, ?, ?)", pending_facts
                )
                connection.executemany("UPDATE results SET stamp = ? WHERE key = ?", restamps)
                connection.executemany("UPDATE facts SET stamp = ? WHERE key = ?", restamps)
        except sqlite3.Error:
            return 0
        return len(pending)

    def evict(self) -> int:
        """When the database's files are larger than ``max_bytes``, give back the pages no entry uses (the
        write-ahead log's too) and, while what is stored is still larger, delete the oldest-written entries
        (with their facts) to bring it to about three quarters of it; how many entries were deleted.
        Counting reads every row (~50 ms at 30,000 entries): the files, under the cap in the runs after,
        say there is nothing to count, so a pre-commit run does not pay it for its 3."""
        if not self.usable or self._stored_bytes() <= self.max_bytes:
            return 0
        removed = 0
        try:
            connection = self._connect()
            size, free, page = (connection.execute(f"PRAGMA {name}").fetchone()[0] for name in _PAGES)
            stored = (size - free) * page  # (the pages in use; the files also hold free pages and the log)
            if stored > self.max_bytes:
                with _transaction(connection):
                    rows = connection.execute("SELECT rowid, length(value) FROM results ORDER BY rowid").fetchall()
                    # the entries' share of what must go (the rest is their facts and indexes, which go with
                    # them, and the sites' findings)
                    excess = sum(length for _, length in rows) * (stored - self.max_bytes * 3 // 4) / stored
                    last = None
                    for rowid, length in rows:
                        if excess <= 0:
                            break
                        excess -= length
                        last = rowid
                    if last is not None:
                        removed = connection.execute("DELETE FROM results WHERE rowid <= ?", (last,)).rowcount
                        connection.execute("DELETE FROM facts WHERE key NOT IN (SELECT key FROM results)")
        except sqlite3.Error:
            return 0
        with suppress(sqlite3.Error):  # (busy: the next run gives them back)
            # every free page (one ``execute`` would step the pragma once: one page), then the files shrink
            connection.executescript("PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE);")
        return removed

    def _stored_bytes(self) -> int:
        """The size of the database with its write-ahead log: more than its entries total."""
        size = 0
        for path in (self.database, Path(f"{self.database}-wal")):
            with suppress(OSError):
                size += path.stat().st_size
        return size

    def load_site(self, root: str) -> tuple[str, bytes] | None:
        """The site pass's stored findings for the site at ``root``, with the state they were stored in."""
        if not self.usable:
            return None
        try:
            row = self._connect().execute("SELECT state, value FROM sites WHERE root = ?", (root,)).fetchone()
        except sqlite3.Error:
            return None
        return (row[0], row[1]) if row is not None else None

    def store_site(
        self,
        root: str,
        state: str,
        value: bytes,
        keys: list[tuple[str, str, int, int]] | None = None,
    ) -> None:
        """Keep the site pass's findings for the site at ``root`` in ``state``, and with ``keys`` its pages'
        keys (key, value or "", file, uses; sorted) instead of those kept (a busy database: none of it
        kept)."""
        if not self.usable:
            return
        try:
            with _transaction(self._connect()) as connection:
                connection.execute(
                    "INSERT OR REPLACE INTO sites (root, state, value) VALUES (?, ?, ?)", (root, state, value)
                )
                if keys is not None:
                    _replace_keys(connection, root, keys)
        except sqlite3.Error:
            return

    def store_site_keys(self, root: str, keys: list[tuple[str, str, int, int]]) -> bool:
        """Keep ``keys`` (as :meth:`store_site` does) for the site at ``root`` ahead of its findings, which are
        dropped until :meth:`store_site` stores them (the two go together); whether they were written."""
        if not self.usable:
            return False
        try:
            with _transaction(self._connect()) as connection:
                connection.execute("DELETE FROM sites WHERE root = ?", (root,))
                _replace_keys(connection, root, keys)
        except sqlite3.Error:
            return False
        return True

    def load_site_keys(
        self, root: str, keys: set[str], without: set[int]
    ) -> list[tuple[str, str | int, int, int]] | None:
        """What the site at ``root`` kept (with its findings, whose state the caller checked) under ``keys``,
        leaving out the files ``without`` (at most :data:`_LOOKUP_BATCH`): (key, file, uses, file) for each
        file, (key, value, how many uses, the first file) for each value; ``None`` when the database cannot
        say."""
        if not self.usable or len(without) > _LOOKUP_BATCH:
            return None
        found: list[tuple[str, str | int, int, int]] = []
        wanted = list(keys)
        try:
            connection = self._connect()
            for start in range(0, len(wanted), _LOOKUP_BATCH):
                batch = wanted[start : start + _LOOKUP_BATCH]
                marks = ",".join("?" * len(batch))
                query = (
                    f"SELECT key, file, uses, file FROM page_keys WHERE root = ? AND key IN ({marks})"
                    f" AND file NOT IN ({','.join('?' * len(without))})"
                )
                found += connection.execute(query, (root, *batch, *without)).fetchall()
                query = f"SELECT key, value, uses, files FROM key_values WHERE root = ? AND key IN ({marks})"
                for key, value, total, files in connection.execute(query, (root, *batch)):
                    pairs = _PAIRS_DECODER.decode(files)
                    left = [pair for pair in pairs if pair[0] not in without] if without else pairs
                    if left:
                        uses = total if left is pairs else sum(count for _, count in left)
                        found.append((key, value, uses, left[0][0]))
        except (sqlite3.Error, msgspec.MsgspecError):
            return None
        return found

    def close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        # A connection inherited through fork is never used (nor closed) by the child.
        try:
            self._connection = self._open()
        except sqlite3.OperationalError:
            raise  # busy beyond the timeout, or an unusable folder
        except sqlite3.DatabaseError:
            self.database.unlink(missing_ok=True)  # not a database (truncated, overwritten): start afresh
            for suffix in ("-wal", "-shm"):
                Path(f"{self.database}{suffix}").unlink(missing_ok=True)
            self._connection = self._open()
        self._pid = os.getpid()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.database, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA auto_vacuum = INCREMENTAL")  # only takes effect on a new database
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA cache_size = -512")  # KiB (default 2 MiB): one connection per worker process
            for statement in _SCHEMA:
                connection.execute(statement)
        except sqlite3.Error:
            connection.close()
            raise
        return connection


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _replace_keys(connection: sqlite3.Connection, root: str, keys: list[tuple[str, str, int, int]]) -> None:
    """The site's ``page_keys`` and ``key_values`` rows replaced by those of ``keys`` (see ``store_site``)."""
    connection.execute("DELETE FROM page_keys WHERE root = ?", (root,))
    connection.execute("DELETE FROM key_values WHERE root = ?", (root,))
    connection.executemany(
        "INSERT INTO page_keys (root, key, file, uses) VALUES (?, ?, ?, ?)",
        [(root, key, file, uses) for key, value, file, uses in keys if not value],
    )
    connection.executemany(
        "INSERT INTO key_values (root, key, value, uses, files) VALUES (?, ?, ?, ?, ?)",
        _key_values(root, [row for row in keys if row[1]]),
    )


def _key_values(root: str, rows: list[tuple[str, str, int, int]]) -> list[tuple[str, str, str, int, bytes]]:
    """The ``key_values`` rows of sorted (key, value, file, uses) rows."""
    grouped: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for key, value, file, uses in rows:
        grouped.setdefault((key, value), []).append((file, uses))
    return [
        (root, key, value, sum(uses for _, uses in pairs), _ENCODER.encode(pairs))
        for (key, value), pairs in grouped.items()
    ]


def settings_fingerprint(settings: Any) -> str:
    """A stable hash of everything in ``settings`` (see the module docstring)."""
    return hashlib.blake2b(_canonical(settings).encode(), digest_size=20).hexdigest()


def _canonical(value: Any) -> str:
    digest = getattr(value, "digest", None)
    if isinstance(digest, str):  # a compiled schema: its contents and $ref'd files, hashed
        return f"<digest {digest}>"
    if isinstance(value, msgspec.Struct):
        fields = (f"{name}={_canonical(getattr(value, name))}" for name in value.__struct_fields__)
        return f"{type(value).__qualname__}({', '.join(fields)})"
    if isinstance(value, Mapping):
        return "{" + ", ".join(sorted(f"{_canonical(k)}: {_canonical(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_canonical(item) for item in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_canonical(item) for item in value) + "]"
    if isinstance(value, Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, os.PathLike):
        return repr(os.fspath(value))
    return repr(value)  # an object without a stable repr shows its id: a key that never matches


@cache
def code_fingerprint() -> str:
    """Size and modification time of every fmlint module and data file (the known themes' ``.json``)."""
    package = Path(__file__).parent
    stamps = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                st = os.stat(os.path.join(folder, name))
                stamps.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.blake2b("\n".join(stamps).encode(), digest_size=20).hexdigest()


class _Stored(msgspec.Struct):
    """A row's value, as MessagePack; decoding checks every field's type (a damaged value is a miss)."""

    diagnostics: bytes  # JSON lines: decoded only when read (see ``fmlint.file_result``)
    filesystem: list[Diagnostic]
    probes: list[tuple[str, list[Any], Any]]
    urls: list[UrlOccurrence]
    suppressions: bool
    facts: bool = False  # its site facts are in the facts table, under the same key
    marks: frozenset[str] = frozenset()  # the codes and severities of ``diagnostics``


_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(_Stored)
_PAIRS_DECODER = msgspec.msgpack.Decoder(list[tuple[int, int]])


_FACTS_DECODER = msgspec.msgpack.Decoder(SiteFacts)
_PATH = attrgetter("path")


def _entry(path: str, value: bytes, facts: Callable[[], SiteFacts | None]) -> Entry | None:
    """A stored entry read back for ``path``, with ``facts()`` if it has site facts (``None`` when it is not
    of the expected shape)."""
    try:
        stored = _DECODER.decode(value)
    except msgspec.MsgspecError:
        return None
    if not _all_of(path, stored.filesystem):
        return None
    probes = (
        tuple(Probe(function, _tupled(args), result) for function, args, result in stored.probes)
        if stored.probes
        else ()
    )
    return Entry(
        FileResult.from_encoded(
            path, stored.diagnostics, tuple(stored.urls), facts() if stored.facts else None, stored.marks
        ),
        stored.filesystem,
        probes,
        stored.suppressions,
    )


def _all_of(path: str, diagnostics: list[Diagnostic]) -> bool:
    """Whether every diagnostic is about ``path`` (compared in C)."""
    return all(map(path.__eq__, map(_PATH, diagnostics)))


def _tupled(value: Any) -> Any:
    """Arrays back into the tuples they were (probe arguments must stay hashable)."""
    if type(value) is not list:
        return value
    return tuple([_tupled(item) if type(item) is list else item for item in value])


def _write_atomically(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError:
        _unlink(str(temporary))
        raise


def _unlink(path: str | os.PathLike[str]) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1

"""Replace a file with its fixed bytes atomically, or not at all.

The new bytes go to a temporary file in the same folder, which is flushed to
disk (``fsync``), given the file's permissions (and owner, where allowed), and
renamed over the file (``os.replace``): a reader sees the old file or the new
one, never a part.  A symbolic link's target is written and the link kept.
The file is not replaced when it is read-only, or when it is no longer what
was read (size, modification time and content hash compared just before).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile

import msgspec


class WriteError(Exception):
    """Why the fixed file was not written (the original is intact)."""


class Snapshot(msgspec.Struct, frozen=True):
    """What a file was when it was read: size, modification time and content hash."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, status: os.stat_result, data: bytes) -> Snapshot:
        return cls(status.st_size, status.st_mtime_ns, hashlib.sha256(data).hexdigest())


def read_with_snapshot(path: str) -> tuple[bytes, Snapshot]:
    """The file's bytes and its snapshot (the ``stat`` is taken before reading, so a change during the read shows)."""
    status = os.stat(path)
    with open(path, "rb") as file:
        data = file.read()
    return data, Snapshot.of(status, data)


def write_atomically(path: str, data: bytes, expected: Snapshot) -> None:
    """Replace the file at ``path`` (a link's target) by ``data``; raise :class:`WriteError` and leave it intact."""
    target = os.path.realpath(path)
    try:
        status = os.stat(target)
    except OSError as exc:
        raise WriteError(f"the file cannot be read again: {exc.strerror or exc}") from None
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError("the file is read-only")
    _check_unchanged(target, status, expected)
    folder, name = os.path.split(target)
    try:
        fd, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".fmlint-fix")
    except OSError as exc:
        raise WriteError(f"cannot create a file in its folder: {exc.strerror or exc}") from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if hasattr(os, "chown") and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # only root may give a file away: the file then becomes the writer's
                os.chown(temporary, status.st_uid, status.st_gid)
        _check_unchanged(target, os.stat(target), expected)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write: {exc.strerror or exc}") from None
        raise
    _sync_folder(folder or ".")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _check_unchanged(target: str, status: os.stat_result, expected: Snapshot) -> None:
    if (status.st_size, status.st_mtime_ns) != (expected.size, expected.mtime_ns):
        raise WriteError("the file changed on disk since it was read")
    with open(target, "rb") as file:
        if hashlib.sha256(file.read()).hexdigest() != expected.digest:
            raise WriteError("the file changed on disk since it was read")


def _sync_folder(folder: str) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

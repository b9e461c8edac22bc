"""A site's own files as the site rules read them (configurations, templates, plugins, hooks): one that cannot
be read is empty, as a build that fails on it would write nothing either."""

from __future__ import annotations


def file_text(path: str) -> str:
    """The file's text ("" when it cannot be read; bytes that are not UTF-8 replaced)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def file_bytes(path: str, max_size: int) -> bytes | None:
    """The bytes of the regular file at ``path``, read as the linter reads a file (a pipe is never opened);
    ``None`` for a pipe, a folder, a file over ``max_size`` bytes or one that cannot be read."""
    from fmlint.linter import read_bytes  # (the linter imports the site's configuration, which imports this)

    data = read_bytes(path, max_size)
    return data if isinstance(data, bytes) else None


def read_text(path: str) -> tuple[bytes, str]:
    """The file's bytes (what the findings depend on; none when missing) and its text ("" when not UTF-8)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return b"", ""
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError:
        return data, ""

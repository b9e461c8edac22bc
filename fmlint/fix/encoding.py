"""The fixed text back to bytes, as the file had them.

``Document.text`` is the file's UTF-8 decoded exactly (fixes are only made to
files that decode without loss) with its byte-order mark removed; line breaks
(CRLF, LF, mixed) and a missing final newline are in the text itself, so only
the BOM has to be put back.
"""

from __future__ import annotations

UTF8_BOM = b"\xef\xbb\xbf"


def encoded(original: bytes, text: str) -> bytes:
    """``text`` as the bytes of a file that was ``original``: UTF-8, with its BOM if it had one."""
    return (UTF8_BOM if original.startswith(UTF8_BOM) else b"") + text.encode("utf-8")

"""A run never modifies what it checks: same bytes, same modification times.

The run's working directory is outside the checked folder, so a result cache (the
one thing a run may write) lands beside it and the folder must stay exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fmlint.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "content"


def snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every path under ``root``: contents (None for folders and links) and mtime in ns."""
    state = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            contents = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            state[str(path.relative_to(root))] = (contents, info.st_mtime_ns)
    return state


def test_a_run_leaves_every_file_untouched(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(EXAMPLES, content)
    (content / "faulty" / "latin1.md").write_bytes("---\ntitle: café\n---\n".encode("latin-1"))
    (content / "faulty" / "binary.md").write_bytes(b"\x00\x01\x02")
    (content / "faulty" / "crlf-bom.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: x\r\ntoc: 1\r\n---\r\nBody\r\n")
    (content / "faulty" / "toml.md").write_text("+++\ntitle = 'x'\n[a]\n[a]\n+++\n")
    (content / "dir.md").mkdir()
    (content / "dangling.md").symlink_to("nowhere.md")
    past = 1_600_000_000_000_000_000  # mtimes in 2020: a rewrite would show even on coarse clocks
    for path in content.rglob("*"):
        os.utime(path, ns=(past, past), follow_symlinks=False)
    before = snapshot(content)
    assert {"posts/json-article.md", "faulty/latin1.md", "faulty/binary.md", "dir.md", "dangling.md"} <= before.keys()

    assert main([str(content)]) == 1
    assert main(["--format", "json", "--verbose", str(content / "faulty")]) == 1
    capsys.readouterr()

    assert snapshot(content) == before

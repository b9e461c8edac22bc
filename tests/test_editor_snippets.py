"""The README's Neovim snippet, run as it is in a real headless Neovim (skipped without ``nvim``)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
# after loading post.md, wait for diagnostics and print each as `source line:col-line:col message`
CHECK = """
vim.cmd("edit post.md")
local arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = io.open("diagnostics.txt", "w")
for _, d in ipairs(vim.diagnostic.get(0)) do
  out:write(string.format("%s %d:%d-%d:%d %s\\n", d.source, d.lnum, d.col, d.end_lnum, d.end_col, d.message))
end
out:write(arrived and "" or "timeout\\n")
out:close()
vim.cmd("qall!")
"""


def readme_snippet(name: str) -> str:
    """The code block after ``<!-- editor-snippet: NAME -->`` in the README."""
    match = re.search(rf"<!-- editor-snippet: {name} -->\n```\w+\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert match, f"no {name} snippet in the README"
    return match.group(1)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (apt-get install neovim)")
def test_the_readme_neovim_snippet_shows_fmlints_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "init.lua").write_text(readme_snippet("neovim"), encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    (tmp_path / "post.md").write_text("---\ntitle: x\ntags: [中文😀, true]\n---\n", encoding="utf-8")
    # `fmlint` as the snippet calls it: the one installed beside this interpreter
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(
        ["nvim", "--headless", "--clean", "-u", "init.lua", "-c", "luafile check.lua"],
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    shown = (tmp_path / "diagnostics.txt").read_text(encoding="utf-8")
    # Neovim columns are bytes: `tags: [` + 中文 (6 bytes) + 😀 (4 bytes) + `, ` puts the `true` at byte 19
    assert shown == "fmlint 2:19-2:23 tags[1]: expected a string or a number, got the boolean true\n"


# The snippets for editors not installed here: each parsed as its editor would read it, naming `fmlint server`
SERVER = ["fmlint", "server"]


def test_the_readme_vscode_snippet_starts_fmlint_server_for_markdown() -> None:
    settings = json.loads(readme_snippet("vscode"))
    command = [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]]
    assert command == SERVER and settings["glspc.server.languageId"] == ["markdown"]


def test_the_readme_helix_snippet_starts_fmlint_server_for_markdown() -> None:
    languages = tomllib.loads(readme_snippet("helix"))
    server = languages["language-server"]["fmlint"]
    assert [server["command"], *server["args"]] == SERVER
    [markdown] = [language for language in languages["language"] if language["name"] == "markdown"]
    assert "fmlint" in markdown["language-servers"]


def test_the_readme_emacs_snippet_is_balanced_and_starts_fmlint_server() -> None:
    code = readme_snippet("emacs")
    depth = 0
    for character in re.sub(r'"[^"]*"', '""', code):  # parentheses inside strings do not count
        depth += {"(": 1, ")": -1}.get(character, 0)
        assert depth >= 0
    assert depth == 0 and '(markdown-mode . ("fmlint" "server"))' in code


def test_fmlint_server_is_the_installed_command_the_snippets_run() -> None:
    fmlint = shutil.which("fmlint", path=str(Path(sys.executable).parent))
    assert fmlint is not None, "the fmlint script is installed beside this interpreter"
    done = subprocess.run([fmlint, "server", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "usage: fmlint server" in done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (apt-get install neovim)")
def test_the_readme_neovim_011_snippet_compiles(tmp_path: Path) -> None:
    """Neovim 0.7 lacks ``vim.lsp.config``: the snippet is compiled by its Lua, not run."""
    code = readme_snippet("neovim-0.11")
    assert 'cmd = { "fmlint", "server" }' in code and 'filetypes = { "markdown" }' in code
    (tmp_path / "snippet.lua").write_text(code, encoding="utf-8")
    check = 'local _, e = loadfile("snippet.lua"); local o = io.open("result.txt", "w"); o:write(e or "ok"); o:close()'
    subprocess.run(
        ["nvim", "--headless", "--clean", "-c", f"lua {check}", "-c", "qall!"],
        cwd=tmp_path,
        timeout=60,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    assert (tmp_path / "result.txt").read_text(encoding="utf-8") == "ok"

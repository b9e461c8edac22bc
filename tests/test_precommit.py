"""The real pre-commit hook: `pre-commit try-repo <this checkout> fmlint` on a repository.

pre-commit installs fmlint from this checkout into its own environment (from
PyPI for the dependencies), so the test is marked slow; it still runs in CI.
try-repo reads the hook definition from the checkout's git history, so
`.pre-commit-hooks.yaml` must be committed.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import write_file

ROOT = Path(__file__).resolve().parents[1]


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_reports_the_faulty_article(tmp_path):
    assert git(ROOT, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true", (
        "the checkout must be a git repository"
    )
    assert git(ROOT, "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml").returncode == 0, "commit .pre-commit-hooks.yaml"
    site = tmp_path / "site"
    site.mkdir()
    assert git(site, "init", "-q").returncode == 0
    write_file(site, "content/posts/typo.md", "---\ntitel: Hello\n---\n\nBody.\n")
    write_file(site, "content/posts/fine.md", "---\ntitle: Hello\n---\n\nBody.\n")
    write_file(site, "content/drafts/wip.md", "no front matter\n")
    for number in range(8):  # (11 files: pre-commit would split them between two fmlints on two cores)
        write_file(site, f"content/posts/p{number}.md", f"---\ntitle: Post {number}\n---\n\nBody.\n")
    write_file(site, "notes.txt", "not Markdown, not passed to the hook\n")
    write_file(site, ".fmlint.toml", 'extend-exclude = ["content/drafts/"]\n')
    assert git(site, "add", "-A").returncode == 0
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env = {**os.environ, **identity, "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "fmlint", "--all-files", "--color", "never"],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "content/posts/typo.md:2:1: SC002 unknown key `titel` (did you mean `title`?)" in output
    assert "fine.md" not in output and "wip.md" not in output and "notes.txt" not in output
    assert output.count("Found ") == 1 and "in 1 of 10 files." in output  # one fmlint for all the files

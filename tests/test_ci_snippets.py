"""The README's CI snippets: valid YAML, fmlint options that exist, and commands that do what the text says.

Each ``fmlint`` command of the GitHub Actions workflow and the GitLab CI job is
run in a shell on a small site, as the CI runner would run it.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from support import write_file

from fmlint import runner
from fmlint.cache import DIR_VARIABLE
from fmlint.cli import _parser, main
from fmlint.linter import context

ROOT = Path(__file__).resolve().parent.parent
SECTION = re.search(r"^## CI\n(.*?)^## ", (ROOT / "README.md").read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
assert SECTION, "README.md has a CI section"
SNIPPETS = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", SECTION[1], re.DOTALL)]
WORKFLOW = next(snippet for snippet in SNIPPETS if "jobs" in snippet)
GITLAB_JOB = next(snippet["fmlint"] for snippet in SNIPPETS if "script" in snippet.get("fmlint", {}))
STEPS = WORKFLOW["jobs"]["fmlint"]["steps"]


def commands(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("fmlint ")]


GITHUB_COMMANDS = commands([step["run"] for step in STEPS if "run" in step])
GITLAB_COMMANDS = commands(GITLAB_JOB["script"])


def redirect_target(command: str) -> str:
    return command.rpartition(">")[2].strip()


@pytest.fixture
def site(tmp_path):
    write_file(
        tmp_path, "content/post.md", '---\ntitle: "x"\ntoc: "yes"\n---\n\n![image](https://cdn.example.com/a.png)\n'
    )
    return tmp_path


def run(command: str, cwd: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # the fmlint of this environment
    env = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
    env |= {"PATH": path, **environment}
    return subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_snippets_use_only_options_that_fmlint_has():
    assert GITHUB_COMMANDS and GITLAB_COMMANDS
    help_text = subprocess.run(
        [sys.executable, "-m", "fmlint", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in GITHUB_COMMANDS + GITLAB_COMMANDS:
        arguments = shlex.split(command.partition(">")[0])[1:]
        assert all(option in help_text for option in arguments if option.startswith("-")), command
        _parser().parse_args(arguments)  # argparse exits on an unknown option or format


def test_github_workflow_annotates_and_uploads_the_sarif_it_wrote(site):
    assert WORKFLOW["permissions"] == {"contents": "read", "security-events": "write"}
    annotate, sarif = GITHUB_COMMANDS
    assert "--format" not in annotate  # `auto`: annotations inside GitHub Actions
    annotations = run(annotate, site, GITHUB_ACTIONS="true")
    assert annotations.returncode == 1
    assert annotations.stdout.startswith("::error file=content/post.md,line=3,col=6,")
    assert "::warning file=content/post.md,line=6," in annotations.stdout
    assert run(sarif, site, GITHUB_ACTIONS="true").returncode == 0  # --exit-zero: the upload step still runs
    upload = next(step for step in STEPS if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    log = json.loads((site / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert len(log["runs"][0]["results"]) == 2
    assert upload["with"]["sarif_file"] == redirect_target(sarif)
    assert upload["if"] == "always()"


def test_gitlab_job_writes_the_code_quality_report_it_declares(site):
    (command,) = GITLAB_COMMANDS
    assert run(command, site).returncode == 1  # the job fails on errors ...
    assert GITLAB_JOB["artifacts"]["when"] == "always"  # ... and the report is uploaded anyway
    report = GITLAB_JOB["artifacts"]["reports"]["codequality"]
    assert report == redirect_target(command)
    issues = json.loads((site / report).read_text(encoding="utf-8"))
    found = json.loads(run("fmlint --format json .", site).stdout)
    assert [(issue["check_name"], issue["severity"], issue["location"]["lines"]["begin"]) for issue in issues] == [
        (d["code"], {"error": "major", "warning": "minor"}[d["severity"]], d["line"]) for d in found
    ]
    assert [(d["line"], d["severity"]) for d in found] == [(3, "error"), (6, "warning")]  # schema; generic alt text
    assert all(issue["location"]["path"] == "content/post.md" and issue["fingerprint"] for issue in issues)


def test_the_kept_cache_serves_the_next_checkout(site, tmp_path_factory, monkeypatch, capsys):
    """The workflow and the job keep ``.fmlint_cache`` for the next pipeline, whose fresh checkout has the
    same bytes under new inodes and times: its files are matched by their bytes, none is checked again."""
    monkeypatch.delenv(DIR_VARIABLE)  # (the default folder, as the pipelines keep it)
    restore = next(step for step in STEPS if step.get("uses", "").startswith("actions/cache/restore@"))
    save = next(step for step in STEPS if step.get("uses", "").startswith("actions/cache/save@"))
    assert restore["with"]["path"] == save["with"]["path"] == ".fmlint_cache"
    assert restore["with"]["key"] == save["with"]["key"] and "${{ github.sha }}" in save["with"]["key"]
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])  # a new entry each run, found by prefix
    checks = [STEPS.index(step) for step in STEPS if step.get("run", "").startswith("fmlint ")]
    assert STEPS.index(restore) < min(checks) and STEPS.index(save) > max(checks)
    assert save["if"] == "always()"  # the job fails when fmlint reports errors: saved anyway
    assert GITLAB_JOB["cache"] == {"key": "fmlint", "paths": [".fmlint_cache/"], "when": "always"}
    first = run("fmlint --format json .", site)
    checkout = tmp_path_factory.mktemp("checkout")
    shutil.copytree(site, checkout, dirs_exist_ok=True)  # the bytes and the restored cache, new inodes and times
    checked: list[str] = []
    monkeypatch.setattr(runner, "context", lambda doc, *rest: checked.append(doc.path) or context(doc, *rest))
    monkeypatch.chdir(checkout)
    assert main(["--format", "json", "."]) == 1
    assert checked == [] and capsys.readouterr().out == first.stdout

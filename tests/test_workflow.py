"""The GitHub workflow example, run for real: its check step's script in a scratch git repository with
the files GitHub Actions provides ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY), and the README's copy of it
kept identical to the file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "examples" / "github-workflow.yml"
CONFLICT = "Kyrgyzstan's debt to China makes up 34% of its total foreign debt.\n"
TAJIK = "Tajikistan's debt to China is 43 percent of its foreign debt.\n"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash"
)


def step(name: str) -> dict[str, object]:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = doc["jobs"]["factcheck"]["steps"]
    found: dict[str, object] = next(s for s in steps if s.get("name") == name)
    return found


def test_readme_shows_the_workflow_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### GitHub Actions", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert block in WORKFLOW.read_text(encoding="utf-8")  # the same lines, indentation and all
    from factcheck.scaffold import HOOK_REV

    assert HOOK_REV in WORKFLOW.read_text(encoding="utf-8")  # the install pins the same commit


def _repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"),
    }
    for k in ("NO_COLOR", "FORCE_COLOR", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(k, None)
    return repo, env


def _git(repo: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _check_step(repo: Path, env: dict[str, str], base: str) -> subprocess.CompletedProcess[str]:
    s = step("Check changed briefs")
    script = str(s["run"])
    return subprocess.run(
        ["bash", "-c", script],
        cwd=repo,
        env={**env, "BASE": base},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_step_reports_changed_lines_to_sarif_and_summary(tmp_path: Path) -> None:
    repo, env = _repo(tmp_path)
    _git(repo, env, "init", "-q")
    (repo / ".factcheck.yaml").write_text("exclude: [requirements.txt]\n", encoding="utf-8")
    (repo / "brief.md").write_text(CONFLICT + "\n" + TAJIK.replace("43", "38"), encoding="utf-8")
    (repo / "requirements.txt").write_text("click>=8\n", encoding="utf-8")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "base")
    base = _git(repo, env, "rev-parse", "HEAD")
    # the pull request edits the Tajikistan line (now wrong) and the requirements
    (repo / "brief.md").write_text(CONFLICT + "\n" + TAJIK, encoding="utf-8")
    (repo / "requirements.txt").write_text("click>=8.1\n", encoding="utf-8")
    _git(repo, env, "commit", "-q", "-am", "edit")

    r = _check_step(repo, env, base)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "checked=true" in (tmp_path / "output").read_text(encoding="utf-8")
    results = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    # only the changed line's claim: the old Kyrgyzstan conflict on line 1 is not brought back
    assert [x["locations"][0]["physicalLocation"]["region"]["startLine"] for x in results] == [3]
    summary = (tmp_path / "summary").read_text(encoding="utf-8")
    assert summary.startswith("## factcheck report") and "Tajikistan" in summary

    # a settings change re-checks every brief, every line
    (repo / ".factcheck.yaml").write_text("exclude: [requirements.txt]\ntolerance: 0.1\n", encoding="utf-8")
    _git(repo, env, "commit", "-q", "-am", "settings")
    r = _check_step(repo, env, base)
    assert r.returncode == 1, r.stdout + r.stderr
    results = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert sorted(x["locations"][0]["physicalLocation"]["region"]["startLine"] for x in results) == [1, 3]


def test_check_step_with_no_brief_changed(tmp_path: Path) -> None:
    repo, env = _repo(tmp_path)
    _git(repo, env, "init", "-q")
    (repo / "brief.md").write_text(CONFLICT, encoding="utf-8")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "base")
    base = _git(repo, env, "rev-parse", "HEAD")
    (repo / "script.py").write_text("print(1)\n", encoding="utf-8")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "code only")
    r = _check_step(repo, env, base)
    assert r.returncode == 0 and "No briefs changed." in r.stdout
    assert "checked=false" in (tmp_path / "output").read_text(encoding="utf-8")

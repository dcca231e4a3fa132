"""The pre-commit hook, for real: installed from this checkout by the pre-commit tool into a fresh git
repository, it refuses a commit whose brief has a conflicting figure and lets the fixed one through.

pre-commit clones the hook repository at a commit and pip-installs it into its own virtualenv, so
this needs the network (PyPI) the first time. The checkout's working tree may hold uncommitted
changes; the test then commits a snapshot of it (tracked and untracked files, .gitignore applied)
into a scratch repository and points pre-commit there, so what is tested is what is on disk.

Set FACTCHECK_PRE_COMMIT_CACHE to a folder to keep pre-commit's environments between runs (the
snapshot's commit is deterministic, so an unchanged tree reuses the installed hook).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
CONFLICT = "Tajikistan's debt to China is 43 percent of its foreign debt."
FIXED = "Tajikistan's debt to China is 38 percent of its foreign debt."
FIXED_DATE = "2024-01-01T00:00:00+00:00"
TIMEOUT = 900


def git(*args: str, cwd: Path, env: dict[str, str] | None = None, check: bool = True) -> str:
    r = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check and r.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r.stdout.strip()


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "PRE_COMMIT", "PRE_COMMIT_HOME")
    }
    env.update(
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        **extra,
    )  # no global core.hooksPath, signing, templates
    return env


def hook_repo(scratch: Path) -> tuple[Path, str]:
    """This checkout as pre-commit can clone it: (repository, commit). A clean checkout is used as
    it is; one with uncommitted changes is snapshotted into `scratch`."""
    if git("rev-parse", "--is-inside-work-tree", cwd=ROOT, check=False) != "true":
        pytest.skip("the tests do not run from a git checkout, which pre-commit needs to clone")
    if not git("status", "--porcelain", cwd=ROOT):
        return ROOT, git("rev-parse", "HEAD", cwd=ROOT)
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    for rel in filter(None, listed):
        src, dst = ROOT / rel, scratch / rel
        if src.is_symlink():  # e.g. factcheck/data/claims -> ../../claims: keep it a link
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.symlink_to(os.readlink(src))
        elif src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    env = clean_env(GIT_AUTHOR_DATE=FIXED_DATE, GIT_COMMITTER_DATE=FIXED_DATE)
    git("init", "-q", cwd=scratch, env=env)
    git("add", "-A", cwd=scratch, env=env)
    git("-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", "snapshot", cwd=scratch, env=env)
    return scratch, git("rev-parse", "HEAD", cwd=scratch)


def test_hook_refuses_a_conflicting_figure_and_accepts_the_fix(tmp_path: Path) -> None:
    cache = os.environ.get("FACTCHECK_PRE_COMMIT_CACHE")
    base = Path(cache).resolve() if cache else tmp_path
    repo, rev = hook_repo(base / "checkout-snapshot")
    env = clean_env(PRE_COMMIT_HOME=str(base / "pre-commit-home"))

    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", cwd=project, env=env)
    for key, value in (
        ("user.name", "Test"),
        ("user.email", "test@example.invalid"),
        ("commit.gpgsign", "false"),
    ):
        git("config", key, value, cwd=project, env=env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {rev}\n  hooks:\n  - id: factcheck\n", encoding="utf-8"
    )
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    assert (project / ".git" / "hooks" / "pre-commit").is_file()
    git("add", ".pre-commit-config.yaml", cwd=project, env=env)
    git("commit", "-q", "-m", "Add pre-commit", cwd=project, env=env)

    draft = project / "brief.md"
    draft.write_text(f"# Brief\n\n{CONFLICT}\n", encoding="utf-8")
    git("add", "brief.md", cwd=project, env=env)
    refused = subprocess.run(
        ["git", "commit", "-m", "Draft"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0, out
    assert "factcheck" in out and "Failed" in out, out
    # the concise format, one line a finding, with the figure in it
    assert (
        "brief.md:3:31: conflicting: 43 percent: the source says Kyrgyzstan, not Tajikistan [muzaparova-2021"
        in out
    ), out
    assert git("rev-list", "--count", "HEAD", cwd=project, env=env) == "1"

    draft.write_text(f"# Brief\n\n{FIXED}\n", encoding="utf-8")
    git("add", "brief.md", cwd=project, env=env)
    accepted = subprocess.run(
        ["git", "commit", "-m", "Draft, fixed"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr
    assert git("rev-list", "--count", "HEAD", cwd=project, env=env) == "2"


def test_readme_snippet_pins_a_rev_that_exists() -> None:
    """The README's `.pre-commit-config.yaml` must name a tag or commit this repository has, and the hook
    id this repository defines."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("# .pre-commit-config.yaml", 1)[1].split("```", 1)[0]
    rev = re.search(r"rev:\s*(\S+)", snippet)
    assert rev is not None
    if git("rev-parse", "--is-inside-work-tree", cwd=ROOT, check=False) != "true":
        pytest.skip("not a git checkout")
    found = git("rev-parse", "--verify", "--quiet", f"{rev.group(1)}^{{commit}}", cwd=ROOT, check=False)
    assert found, f"README pins rev {rev.group(1)}, which this repository does not have"
    assert "id: factcheck" in snippet and "- id: factcheck" in (ROOT / ".pre-commit-hooks.yaml").read_text()

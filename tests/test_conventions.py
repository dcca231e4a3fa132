"""The conventions of ruff and Vale: --stdin-filename, --show-settings, init, explain, typo suggestions,
malformed config always an error, and --diff REF (changed lines only) in a real git repository."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

CONFLICT = "Kyrgyzstan's debt to China makes up 34% of its total foreign debt.\n"
TAJIK = "Tajikistan's debt to China is 43 percent of its foreign debt.\n"
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the config search stops here
    return tmp_path


def test_stdin_filename_names_the_report_and_finds_the_config(here: Path) -> None:
    (here / "briefs").mkdir()
    (here / "briefs" / ".factcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--stdin-filename", "briefs/note.md", "-", stdin=CONFLICT)
    data = json.loads(out)
    assert data["files"][0]["path"] == "briefs/note.md"
    assert code == 0  # briefs/.factcheck.yaml says never fail
    assert run("check", "-", stdin=CONFLICT)[0] == 1  # without it, the defaults


def test_show_settings(here: Path) -> None:
    (here / ".factcheck.yaml").write_text("fail-on: unsupported\nexclude: [old/]\n", encoding="utf-8")
    code, out, _ = run("check", "--show-settings", "--tolerance", "0.2", ".")
    assert code == 0
    assert f"config file: {here / '.factcheck.yaml'}" in out
    assert "fail-on: unsupported" in out and "tolerance: 0.2" in out and "old/" in out


def test_check_without_files_is_a_usage_error() -> None:
    res = CliRunner().invoke(cli, ["check"])
    assert res.exit_code == 2 and "Missing argument" in res.output and "internal error" not in res.output


def test_mistyped_command_is_named(here: Path) -> None:
    code, out, err = run("chekc", "x.md")
    assert code == 2
    assert "did you mean 'factcheck check'" in err and "no such file" not in err + out
    (here / "chekc").write_text(CONFLICT, encoding="utf-8")
    assert run("chekc")[0] == 1  # a file of that name is checked


def test_broken_tool_factcheck_header_is_an_error(here: Path) -> None:
    (here / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck\nfail-on = "never"\n', encoding="utf-8"
    )
    (here / "d.md").write_text(CONFLICT, encoding="utf-8")
    code, _, err = run("check", "d.md")
    assert code == 2 and "pyproject.toml" in err and "TOML" in err


def test_init_writes_config_and_hook(here: Path) -> None:
    code, out, _ = run("init")
    assert code == 0 and ".factcheck.yaml" in out
    config = (here / ".factcheck.yaml").read_text(encoding="utf-8")
    assert config.startswith("#") and "fail-on: conflicting" in config
    (here / "d.md").write_text(CONFLICT, encoding="utf-8")
    assert run("check", "d.md")[0] == 1  # the written config loads
    hooks = (here / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "id: factcheck" in hooks
    code, _, err = run("init")
    assert code == 2 and "already exists" in err
    code, out, _ = run("init", "--force")
    assert code == 0 and "add this under its `repos:`" in out  # the hook config is left alone


def test_init_and_readme_pin_the_same_rev() -> None:
    from factcheck.scaffold import HOOK_REV

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"rev: {HOOK_REV}\b", readme)


def test_explain_one_line(here: Path) -> None:
    (here / "d.md").write_text(CONFLICT + "\n" + TAJIK, encoding="utf-8")
    code, out, _ = run("explain", "d.md:3", "--no-color")
    assert code == 0
    assert "Tajikistan" in out and "Kyrgyzstan's debt to China makes" not in out
    assert "score" in out and "considered" in out
    considered = [
        line.split("): ", 1)[1].replace("\u00ab", "").replace("\u00bb", "")
        for line in out.splitlines()
        if line.strip().startswith("considered")
    ]
    assert len(considered) == len(set(considered))  # each source sentence once
    assert "no claim on this line" in run("explain", "d.md:2")[1]
    assert run("explain", "d.md")[0] == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_reports_only_changed_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    env = {
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": "/usr/bin:/bin",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q")
    (repo / "old.md").write_text(CONFLICT + "\n" + TAJIK, encoding="utf-8")
    git("add", "old.md")
    git("commit", "-q", "-m", "first")
    # edit the second paragraph only; add a new, untracked brief
    (repo / "old.md").write_text(CONFLICT + "\n" + TAJIK.replace("43", "44"), encoding="utf-8")
    (repo / "new.md").write_text(CONFLICT, encoding="utf-8")

    code, out, _ = run("check", "--format", "json", "--diff", "HEAD", "old.md", "new.md")
    data = json.loads(out)
    by_file = {f["path"]: [x["line"] for x in f["findings"]] for f in data["files"]}
    assert by_file == {"new.md": [1], "old.md": [3]}  # not the unchanged line 1 of old.md
    assert code == 1
    code, _, err = run("check", "--diff", "no-such-ref", "old.md")
    assert code == 2 and "no-such-ref" in err


def test_verbose_says_why_each_candidate_was_rejected(here: Path) -> None:
    """Each candidate weighed comes with the reason of the verdict policy that set it aside (other
    statement, kind of figure, subject, period or measure) or whether its figure agrees, and its
    scores."""
    (here / "d.md").write_text(CONFLICT + "\n" + TAJIK, encoding="utf-8")
    out = run("--verbose", "--no-color", "d.md")[1]
    reasons = [line.split("considered, ", 1)[1] for line in out.splitlines() if "considered, " in line]
    assert reasons
    known = ("not the same statement", "another kind of figure", "no figure", "other subject", "other period")
    known += ("other measure", "agrees", "disagrees")
    assert all(r.startswith(known) and "alignment" in r and "measure" in r for r in reasons), reasons

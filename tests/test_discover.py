"""Many files at once: folders, globs, include/exclude, .gitignore, one sorted report, one exit code."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.config import Config
from factcheck.discover import expand, parse_gitignore
from factcheck.errors import FactcheckError

CONFLICT = "Tajikistan's debt to China is 43 percent of its foreign debt."
SUPPORT = "Tajikistan's debt to China is 38 percent of its foreign debt."
HAS_GIT = shutil.which("git") is not None


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--format", "json", *args])


def write(root: Path, rel: str, text: str = f"{SUPPORT}\n") -> None:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    write(root, "briefs/b.md", f"# B\n\n{CONFLICT}\n\n{SUPPORT}\n")
    write(root, "briefs/a.md")
    write(root, "briefs/notes.txt")
    write(root, "briefs/old/x.markdown")
    write(root, "briefs/script.py", "x = 43\n")
    write(root, "briefs/build/gen.md", f"{CONFLICT}\n")
    write(root, "briefs/.gitignore", "build/\n*.tmp.md\n")
    write(root, "briefs/scratch.tmp.md", f"{CONFLICT}\n")
    monkeypatch.chdir(root)
    return root


def plain(tree: Path) -> Path:
    (tree / ".git").mkdir()  # bounds config search; not a real repository
    return tree


def git_repo(tree: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    return tree


EXPECTED = ["briefs/a.md", "briefs/b.md", "briefs/notes.txt", "briefs/old/x.markdown"]


def test_folder_walk_without_git_reads_gitignore(tree: Path) -> None:
    plain(tree)
    assert expand(["briefs"], Config()) == EXPECTED


@pytest.mark.skipif(not HAS_GIT, reason="git is not installed")
def test_folder_walk_in_a_git_work_tree_asks_git(tree: Path) -> None:
    git_repo(tree)
    subprocess.run(["git", "add", "briefs/a.md"], cwd=tree, check=True)  # tracked and untracked alike
    assert expand(["briefs"], Config()) == EXPECTED
    assert expand(["."], Config()) == EXPECTED


def test_report_is_sorted_with_one_summary_and_exit_code(tree: Path) -> None:
    plain(tree)
    r = run("briefs/old", "briefs")
    assert r.exit_code == 1  # b.md conflicts
    report = json.loads(r.stdout)
    assert [fr["path"] for fr in report["files"]] == EXPECTED
    assert report["summary"] == {
        "claims": 5,
        "supported": 4,
        "conflicting": 1,
        "unsupported": 0,
        "failing": 1,
        "errors": 0,
    }
    assert [f["line"] for f in report["files"][1]["findings"]] == [3, 5]


def test_globs_and_duplicates(tree: Path) -> None:
    plain(tree)
    # a glob is expanded like the shell would, .gitignore or not
    want = ["briefs/a.md", "briefs/b.md", "briefs/scratch.tmp.md"]
    assert expand(["briefs/*.md", "briefs/a.md"], Config()) == want
    assert expand(["briefs/**/*.markdown"], Config()) == ["briefs/old/x.markdown"]
    with pytest.raises(FactcheckError, match="no files match"):
        expand(["nothing/*.md"], Config())


def test_include_and_exclude_flags(tree: Path) -> None:
    plain(tree)
    r = run("--include", "*.txt", "briefs")
    assert [fr["path"] for fr in json.loads(r.stdout)["files"]] == ["briefs/notes.txt"]
    assert r.exit_code == 0
    assert expand(["briefs"], Config(exclude=("old", "b.md"))) == ["briefs/a.md", "briefs/notes.txt"]
    assert expand(["briefs"], Config(exclude=("briefs/old/**",))) == EXPECTED[:3]
    # exclude applies to files named outright; include does not
    assert expand(["briefs/b.md", "briefs/script.py"], Config(exclude=("b.md",))) == ["briefs/script.py"]


def test_exclude_from_a_config_file_is_relative_to_it(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain(tree)
    (tree / ".factcheck.yaml").write_text("exclude: [briefs/b.md]\ninclude: ['*.md']\n", encoding="utf-8")
    monkeypatch.chdir(tree / "briefs")
    r = run(".")
    assert r.exit_code == 0, r.output
    assert [fr["path"] for fr in json.loads(r.stdout)["files"]] == ["a.md"]


def test_nothing_to_check_is_exit_2(tree: Path) -> None:
    plain(tree)
    r = run("--include", "*.rst", "briefs")
    assert r.exit_code == 2
    assert "no files to check" in r.stderr


def test_named_files_all_excluded_is_an_empty_run(tree: Path) -> None:
    plain(tree)
    r = run("--exclude", "*.md", "briefs/a.md", "briefs/b.md")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["files"] == []


def test_missing_file_is_still_exit_2(tree: Path) -> None:
    plain(tree)
    r = run("briefs/a.md", "briefs/missing.md")
    assert r.exit_code == 2
    assert "missing.md" in r.stderr


def test_stdin_alongside_files(tree: Path) -> None:
    plain(tree)
    r = CliRunner().invoke(cli, ["check", "--format", "json", "briefs/a.md", "-"], input=f"{CONFLICT}\n")
    assert r.exit_code == 1
    assert [fr["path"] for fr in json.loads(r.stdout)["files"]] == ["<stdin>", "briefs/a.md"]


@pytest.mark.parametrize(
    ("rules", "path", "is_dir", "ignored"),
    [
        ("*.log", "a/b/x.log", False, True),
        ("/top.md", "top.md", False, True),
        ("/top.md", "sub/top.md", False, False),
        ("build/", "build", True, True),
        ("build/", "build", False, False),
        ("docs/**/draft.md", "docs/a/b/draft.md", False, True),
        ("*.md\n!keep.md", "keep.md", False, False),
        ("# comment\n\n", "x.md", False, False),
    ],
)
def test_simple_gitignore_rules(rules: str, path: str, is_dir: bool, ignored: bool) -> None:
    verdict = False
    for r in parse_gitignore(rules):
        if r.matches(path, is_dir):
            verdict = not r.negate
    assert verdict is ignored

"""Baselines: --write-baseline records failing findings; --baseline hides them so only new ones fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from factcheck.cli import cli

CONFLICT = "Tajikistan's debt to China is 43 percent of its foreign debt."
SUPPORT = "Tajikistan's debt to China is 38 percent of its foreign debt."
UNSUPPORTED = "Mongolia operated 7 nuclear submarines in 2019."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--format", "json", *args])


def verdicts(result: Result) -> list[tuple[str, int, str]]:
    files = json.loads(result.stdout)["files"]
    return [(fr["path"], f["line"], f["verdict"]) for fr in files for f in fr["findings"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(f"# A\n\n{CONFLICT}\n\n{SUPPORT}\n\n{UNSUPPORTED}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_then_use(repo: Path) -> None:
    assert run("a.md").exit_code == 1
    w = run("--write-baseline", "baseline.yaml", "a.md")
    assert w.exit_code == 0, w.output  # what the baseline records no longer fails
    assert "wrote 1 finding to baseline baseline.yaml" in w.stderr
    data = yaml.safe_load((repo / "baseline.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1
    [entry] = data["findings"]
    assert entry["file"] == "a.md"
    assert entry["claim"] == CONFLICT
    assert entry["verdict"] == "conflicting"
    assert entry["figure"] == "43 percent"
    assert len(entry["fingerprint"]) == 20
    assert "line" not in entry
    r = run("--baseline", "baseline.yaml", "a.md")
    assert r.exit_code == 0, r.output
    assert ("a.md", 3, "conflicting") not in verdicts(r)
    assert ("a.md", 5, "supported") in verdicts(r)  # only baselined findings are hidden
    assert "hid 1 known finding" in r.stderr


def test_fingerprint_survives_moved_lines_but_new_findings_fail(repo: Path) -> None:
    run("--write-baseline", "baseline.yaml", "a.md")
    moved = f"# A\n\nA new opening paragraph.\n\nMore text.\n\n{CONFLICT}\n\n{SUPPORT}\n"
    (repo / "a.md").write_text(moved, encoding="utf-8")
    assert run("--baseline", "baseline.yaml", "a.md").exit_code == 0
    (repo / "a.md").write_text(moved + f"\n{CONFLICT}\n", encoding="utf-8")
    r = run("--baseline", "baseline.yaml", "a.md")
    assert r.exit_code == 1  # the second copy of the sentence is new: one entry hides one finding
    assert [v for v in verdicts(r) if v[2] == "conflicting"][-1][1] == 11


def test_unsupported_counts_when_it_fails(repo: Path) -> None:
    run("--fail-on", "unsupported", "--write-baseline", "b.yaml", "a.md")
    data = yaml.safe_load((repo / "b.yaml").read_text(encoding="utf-8"))
    assert sorted(e["verdict"] for e in data["findings"]) == ["conflicting", "unsupported", "unsupported"]
    assert run("--fail-on", "unsupported", "--baseline", "b.yaml", "a.md").exit_code == 0


def test_paths_are_relative_to_the_baseline(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "docs").mkdir()
    (repo / "docs" / "b.md").write_text(f"{CONFLICT}\n", encoding="utf-8")
    run("--write-baseline", "baseline.yaml", "docs/b.md")
    assert yaml.safe_load((repo / "baseline.yaml").read_text())["findings"][0]["file"] == "docs/b.md"
    monkeypatch.chdir(repo / "docs")
    assert run("--baseline", "../baseline.yaml", "b.md").exit_code == 0


def test_accepted_findings_are_not_written(repo: Path) -> None:
    (repo / "a.md").write_text(f'<!-- factcheck: accept "known" -->\n{CONFLICT}\n', encoding="utf-8")
    run("--write-baseline", "baseline.yaml", "a.md")
    assert yaml.safe_load((repo / "baseline.yaml").read_text())["findings"] == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such baseline file"),
        ("findings: [\n", "not valid YAML"),
        ("version: 1\nfindings: {}\n", "not a factcheck baseline"),
        ("version: 1\nfindings:\n- file: a.md\n", "needs a file and a fingerprint"),
    ],
)
def test_bad_baseline_is_exit_2(repo: Path, content: str | None, words: str) -> None:
    if content is not None:
        (repo / "baseline.yaml").write_text(content, encoding="utf-8")
    r = run("--baseline", "baseline.yaml", "a.md")
    assert r.exit_code == 2
    assert "baseline.yaml" in r.stderr and words in r.stderr


def test_write_is_atomic_and_leaves_no_temporary_files(repo: Path) -> None:
    (repo / "baseline.yaml").write_text("old", encoding="utf-8")
    run("--write-baseline", "baseline.yaml", "a.md")
    assert sorted(p.name for p in repo.iterdir()) == [".git", "a.md", "baseline.yaml"]

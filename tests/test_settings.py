"""Config files: discovery from the checked file upward, precedence (flags > file > defaults), errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.model import Verdict
from factcheck.settings import find_config, load, resolve
from factcheck.store import DEFAULT_STORE

CONFLICT = "Tajikistan's debt to China is 43 percent of its foreign debt."
SUPPORT = "Tajikistan's debt to China is 38 percent of its foreign debt."
UNSUPPORTED = "Mongolia operated 7 nuclear submarines in 2019."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", *args])


def findings(result: Result) -> list[dict[str, object]]:
    return [f for fr in json.loads(result.stdout)["files"] for f in fr["findings"]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A work tree (its .git bounds the search) with a brief in a subfolder; cwd is the project."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "draft.md").write_text(
        f"# Draft\n\n{UNSUPPORTED}\n\n{SUPPORT}\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_a_config_file(project: Path) -> None:
    assert find_config(project / "briefs") is None
    assert resolve(["briefs/draft.md"]) == Config()
    r = run("--format", "json", "briefs/draft.md")
    assert r.exit_code == 0, r.output  # unsupported does not fail by default


def test_yaml_config_is_found_upward_and_flags_win(project: Path) -> None:
    (project / ".factcheck.yaml").write_text("fail-on: unsupported\ntolerance: 0.2\n", encoding="utf-8")
    assert find_config(project / "briefs") == project / ".factcheck.yaml"
    assert run("--format", "json", "briefs/draft.md").exit_code == 1
    assert run("--format", "json", "--fail-on", "never", "briefs/draft.md").exit_code == 0
    assert resolve(["briefs/draft.md"]).tolerance == 0.2
    assert resolve(["briefs/draft.md"], tolerance=0.05).tolerance == 0.05
    assert resolve(["briefs/draft.md"], fail_on="conflicting").fail_on == "conflicting"


def test_pyproject_table_and_relative_store(project: Path) -> None:
    shutil.copytree(DEFAULT_STORE, project / "stores" / "main")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nstore = "stores/main"\n'
        'report = ["conflicting", "unsupported"]\n',
        encoding="utf-8",
    )
    (project / "briefs" / "deep").mkdir()
    (project / "briefs" / "deep" / "d.md").write_text(f"{SUPPORT}\n\n{CONFLICT}\n", encoding="utf-8")
    r = run("--format", "json", "briefs/deep/d.md")
    assert r.exit_code == 1, r.output
    report = json.loads(r.stdout)
    assert report["store"]["path"] == str((project / "stores" / "main").resolve())
    assert [f["verdict"] for f in findings(r)] == ["conflicting"]  # `report` hides supported
    # a flag replaces the file's store
    r = run("--format", "json", "--store", str(DEFAULT_STORE), "briefs/deep/d.md")
    assert json.loads(r.stdout)["store"]["path"] == str(DEFAULT_STORE)


def test_pyproject_without_table_is_passed_over(project: Path) -> None:
    (project / "briefs" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    (project / "factcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    assert find_config(project / "briefs") == project / "factcheck.yaml"


def test_dot_yaml_wins_over_pyproject_in_one_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n', encoding="utf-8")
    (project / ".factcheck.yaml").write_text("fail-on: unsupported\n", encoding="utf-8")
    assert resolve(["briefs/draft.md"]).fail_on == "unsupported"


def test_search_stops_at_the_work_tree_top(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    assert find_config(repo / "docs") is None
    assert find_config(tmp_path) == tmp_path / ".factcheck.yaml"


def test_unknown_key_names_file_and_line(project: Path) -> None:
    (project / ".factcheck.yaml").write_text("fail-on: never\nstroe: claims/\n", encoding="utf-8")
    r = run("briefs/draft.md")
    assert r.exit_code == 2
    assert f"{project / '.factcheck.yaml'}:2: unknown config key 'stroe'" in r.stderr
    assert "did you mean 'store'" in r.stderr


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("tolerance: big\n", 1, "tolerance must be a number"),
        ("fail-on: sometimes\n", 1, "fail-on must be one of"),
        ("report: [supported]\nreport2: 1\n", 2, "unknown config key"),
        ("report: [fine]\n", 1, "report must list verdicts"),
        ("include: 3\n", 1, "include must be a string or a list of strings"),
        ("fail-on: [unclosed\n", 2, "not valid YAML"),
        ("- a list\n", 1, "must be a mapping"),
    ],
)
def test_bad_yaml_values(project: Path, text: str, line: int, words: str) -> None:
    cfg = project / ".factcheck.yaml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(FactcheckError) as e:
        load(cfg)
    assert e.value.path == str(cfg)
    assert e.value.line == line
    assert words in e.value.message
    r = run("briefs/draft.md")
    assert r.exit_code == 2 and str(cfg) in r.stderr


def test_bad_pyproject_value_names_the_file_and_line(project: Path) -> None:
    cfg = project / "pyproject.toml"
    cfg.write_text(
        '[tool.black]\ntolerance = 5\n\n[tool.factcheck]\nfail-on = "never"\ntolerance = 5\n',
        encoding="utf-8",
    )
    r = run("briefs/draft.md")
    assert r.exit_code == 2
    assert f"{cfg}:6: tolerance must be a number" in r.stderr


def test_explicit_config_flag(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.yaml"
    other.write_text("fail-on: unsupported\n", encoding="utf-8")
    assert run("--config", str(other), "briefs/draft.md").exit_code == 1


def test_empty_yaml_is_defaults(project: Path) -> None:
    (project / ".factcheck.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert resolve(["briefs/draft.md"]) == Config()


def test_report_and_yaml_false_fail_on(project: Path) -> None:
    (project / ".factcheck.yaml").write_text("report: unsupported\nfail-on: no\n", encoding="utf-8")
    c = resolve(["briefs/draft.md"])
    assert c.report == (Verdict.UNSUPPORTED,)
    assert c.fail_on == "never"

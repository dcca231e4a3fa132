"""The library's `run()`: what the CLI does, callable from a script; one rule for what fails; a file
that cannot be read never hides the others, in any format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import Config, fails
from factcheck.model import ExitCode, Verdict
from factcheck.render import FORMATS
from factcheck.runner import Request, run

CONFLICT = "Kyrgyzstan's debt to China makes up 34% of its total foreign debt.\n"
SUPPORT = "Kyrgyzstan's debt to China constitutes 43 percent of the country's total foreign debt.\n"
UNSUPPORTED = "Huawei employs more than 2,000 people across Central Asia.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a_latin1.md").write_bytes("Caf\xe9 prices rose 12 percent in 2020.\n".encode("latin-1"))
    (tmp_path / "b_brief.md").write_text(CONFLICT + "\n" + SUPPORT, encoding="utf-8")
    return tmp_path


def test_run_returns_what_the_cli_prints(folder: Path) -> None:
    outcome = run(Request(files=("b_brief.md",)))
    assert outcome.exit_code is ExitCode.FINDINGS and outcome.failing == 1 and not outcome.errors
    assert [f.verdict for fr in outcome.report.files for f in fr.findings] == [
        Verdict.CONFLICTING,
        Verdict.SUPPORTED,
    ]
    assert run(Request(files=("b_brief.md",), fail_on="never")).exit_code is ExitCode.OK


def test_one_rule_decides_what_fails() -> None:
    outcome_verdicts = {
        "conflicting": {Verdict.CONFLICTING},
        "unsupported": {Verdict.CONFLICTING, Verdict.UNSUPPORTED},
        "never": set(),
    }
    for fail_on, expected in outcome_verdicts.items():
        assert Config(fail_on=fail_on).failing == expected


@pytest.mark.parametrize("fail_on", ["never", "conflicting"])
def test_junit_fails_what_the_exit_code_fails(folder: Path, fail_on: str) -> None:
    # The JUnit renderer used to fail conflicting findings even under --fail-on never.
    res = CliRunner().invoke(cli, ["check", "b_brief.md", "--format", "junit", "--fail-on", fail_on])
    root = ET.fromstring(res.stdout)
    assert (root.get("failures") == "1") is (res.exit_code == 1)


def test_accepted_findings_never_fail(folder: Path) -> None:
    accept = '<!-- factcheck: accept "old figure" -->\n'
    (folder / "b_brief.md").write_text(accept + CONFLICT, encoding="utf-8")
    outcome = run(Request(files=("b_brief.md",)))
    (finding,) = outcome.report.files[0].findings
    assert finding.accepted == "old figure" and not fails(finding, outcome.config.failing)
    assert outcome.exit_code is ExitCode.OK


def test_summary_and_exit_count_what_report_hides(folder: Path) -> None:
    # `report: [conflicting]` with `fail-on: unsupported` used to hide the unsupported claims and pass.
    (folder / ".factcheck.yaml").write_text("report: [conflicting]\nfail-on: unsupported\n", encoding="utf-8")
    (folder / "b_brief.md").write_text(UNSUPPORTED + "\n" + SUPPORT, encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "b_brief.md", "--format", "json"])
    data = json.loads(res.stdout)
    assert res.exit_code == 1
    assert data["summary"]["claims"] == 2 and data["summary"]["failing"] == 1
    # failing findings always show; the supported one is hidden as `report` asks
    assert [f["verdict"] for f in data["files"][0]["findings"]] == ["unsupported"]


def test_the_library_check_keeps_every_finding(folder: Path) -> None:
    from factcheck.check import check, open_stores

    report = check(["b_brief.md"], open_stores(()), Config(report=(Verdict.CONFLICTING,)))
    assert report.claims == 2  # `report` is for renderers; the library returns every finding


@pytest.mark.parametrize("fmt", FORMATS)
def test_keep_going_past_an_unreadable_file(folder: Path, fmt: str) -> None:
    res = CliRunner().invoke(cli, ["check", ".", "--format", fmt, "--report", "supported"])
    assert res.exit_code == 2, res.output  # after the whole report
    out = res.stdout
    assert "latin1" in res.stderr and "UTF-8" in res.stderr  # one line on stderr, as bad input is
    if fmt not in ("text", "concise"):  # and in the machine-readable report itself
        assert "latin1" in out and "UTF-8" in out
    else:
        assert "1 file could not be read" in out
    assert "Kyrgyzstan" in out or "34%" in out  # and the other file's findings
    if fmt in ("json", "sarif"):
        data = json.loads(out)
        if fmt == "json":
            (error,) = data["errors"]
            assert error["path"] == "a_latin1.md" and error["line"] == 1
            assert data["summary"]["errors"] == 1
        else:
            (invocation,) = data["runs"][0]["invocations"]
            assert invocation["executionSuccessful"] is False
            assert len(invocation["toolExecutionNotifications"]) == 1
    if fmt == "junit":
        assert ET.fromstring(out).get("errors") == "1"


def test_keep_going_into_an_output_file(folder: Path) -> None:
    res = CliRunner().invoke(cli, ["check", ".", "--format", "sarif", "--output", "out.sarif"])
    assert res.exit_code == 2
    assert "could not be read" in res.stdout
    data = json.loads((folder / "out.sarif").read_text(encoding="utf-8"))
    assert data["runs"][0]["results"]  # the conflicting claim of the readable brief is there


def test_bad_arguments_still_stop_the_run(folder: Path) -> None:
    from factcheck.errors import FactcheckError

    with pytest.raises(FactcheckError):
        run(Request(files=("b_brief.md",), stores=("nowhere",)))


@pytest.mark.parametrize("fmt", ["json", "junit"])
def test_quiet_applies_to_every_format(folder: Path, fmt: str) -> None:
    res = CliRunner().invoke(cli, ["check", "b_brief.md", "--format", fmt, "--quiet"])
    if fmt == "json":
        data = json.loads(res.stdout)
        assert [f["verdict"] for f in data["files"][0]["findings"]] == ["conflicting"]
        assert data["summary"]["claims"] == 2  # the summary still counts both
    else:
        assert ET.fromstring(res.stdout).get("tests") == "1"


def test_report_flag(folder: Path) -> None:
    res = CliRunner().invoke(cli, ["check", "b_brief.md", "--format", "sarif", "--report", "supported"])
    levels = [r["level"] for r in json.loads(res.stdout)["runs"][0]["results"]]
    assert levels == ["error", "note"]  # the failing finding, and the supported one asked for
    res = CliRunner().invoke(cli, ["check", "b_brief.md", "--report", "suported"])
    assert res.exit_code == 2 and "not a verdict" in res.output

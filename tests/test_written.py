"""JSON `text` and `figure` exactly as written (curly quotes, dashes, no Markdown escapes), while
baseline and SARIF fingerprints stay those of the folded text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import baseline
from factcheck.cli import cli
from factcheck.render import sarif
from factcheck.text import fold

DRAFT = (
    "Kyrgyzstan\u2019s debt to China \u2013 the \u201cbig\u201d one \u2013 makes up 34% of its total "
    "foreign debt.\n\nThe fund holds \\$19.8 billion in **Kazakhstan**.\n"
)


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "d.md", "--format", "json"])
    data: dict[str, object] = json.loads(res.stdout)
    return data


def test_json_text_and_figure_as_written(report: dict[str, object]) -> None:
    findings = report["files"][0]["findings"]  # type: ignore[index]
    texts = [f["text"] for f in findings]
    assert texts[0] == (
        "Kyrgyzstan\u2019s debt to China \u2013 the \u201cbig\u201d one \u2013 makes up 34% "
        "of its total foreign debt."
    )
    # Markdown escapes and emphasis are markup, not words: gone from the text
    assert texts[1].startswith("The fund holds $19.8 billion in Kazakhstan")
    assert "\\" not in texts[1] and "**" not in texts[1]
    assert findings[1]["figure"] == "$19.8 billion"


def test_fingerprints_ignore_the_written_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.runner import Request, run

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    finding = run(Request(files=("d.md",))).report.files[0].findings[0]
    assert "\u2019" in finding.claim.quote
    claim = dataclasses.replace(finding.claim, quote=fold(finding.claim.quote))
    folded = dataclasses.replace(finding, claim=claim)
    assert baseline.fingerprint(finding) == baseline.fingerprint(folded)
    assert sarif.fingerprint("d.md", finding) == sarif.fingerprint("d.md", folded)


def test_json_keeps_the_writers_own_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Non-breaking and narrow spaces are the writer's: kept in `text` and `figure`. A wrapped
    line's break and the spaces left by masked markup are layout: one space."""
    monkeypatch.chdir(tmp_path)
    draft = "Exports rose by 19.8\u00a0billion in 2019, a 5.4\u202f% rise,\nthe **ministry** said.\n"
    (tmp_path / "d.md").write_text(draft, encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "d.md", "--format", "json"])
    findings = json.loads(res.stdout)["files"][0]["findings"]
    assert {f["text"] for f in findings} == {
        "Exports rose by 19.8\u00a0billion in 2019, a 5.4\u202f% rise, the ministry said."
    }
    assert "19.8\u00a0billion" in {f["figure"] for f in findings}

"""The command line: exit codes, standard input, formats, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

CONFLICT = "Kyrgyzstan's debt to China makes up 34% of its total foreign debt.\n"
SUPPORT = "Kyrgyzstan's debt to China constitutes 43 percent of the country's total foreign debt.\n"
UNSUPPORTED = "Huawei employs more than 2,000 people across Central Asia.\n"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def draft(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(text: str) -> str:
        p = tmp_path / "draft.md"
        p.write_text(text, encoding="utf-8")
        return str(p)

    return make


def test_supported_exits_0(draft) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(draft(SUPPORT))
    assert code == 0 and "supported" in out


def test_conflicting_exits_1(draft) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("check", draft(CONFLICT))
    assert code == 1 and "conflicting" in out and "43 percent" in out


@pytest.mark.parametrize(
    ("fail_on", "text", "code"),
    [
        ("conflicting", UNSUPPORTED, 0),
        ("unsupported", UNSUPPORTED, 1),
        ("unsupported", CONFLICT, 1),
        ("never", CONFLICT, 0),
    ],
)
def test_fail_on(draft, fail_on: str, text: str, code: int) -> None:  # type: ignore[no-untyped-def]
    assert run("check", "--fail-on", fail_on, draft(text))[0] == code


def test_stdin() -> None:
    code, out, _ = run("check", "--format", "json", "-", stdin=CONFLICT)
    assert code == 1
    report = json.loads(out)
    assert report["files"][0]["path"] == "<stdin>"
    assert report["summary"]["conflicting"] == 1


def test_json_contract(draft) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("check", "--format", "json", "--fail-on", "never", draft(SUPPORT + "\n" + UNSUPPORTED))
    report = json.loads(out)
    assert code == 0 and report["version"] == 1
    assert set(report["store"]) == {"path", "sources", "claims"}
    findings = report["files"][0]["findings"]
    for f in findings:
        assert {"line", "column", "end_line", "end_column", "text", "verdict", "message", "evidence"} <= set(
            f
        )
    sup = next(f for f in findings if f["verdict"] == "supported")
    ev = sup["evidence"][0]
    assert {"source", "file", "line", "quote", "citation", "score"} <= set(ev)
    assert ev["file"].endswith("000_df0eaa2bcba8560b.txt") and "43 percent" in ev["quote"]
    assert report["summary"] == {
        "claims": 2,
        "supported": 1,
        "conflicting": 0,
        "unsupported": 1,
        "failing": 0,
        "errors": 0,
    }


def test_quiet_shows_only_failing(draft) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run("check", "--quiet", draft(SUPPORT + "\n" + CONFLICT))
    assert "conflicting" in out and "  supported" not in out


def test_verbose_explains(draft) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run("check", "--verbose", draft(CONFLICT))
    assert "considered" in out


def test_no_finding_for_prose_without_claims(draft) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("check", "--format", "json", draft("It is too early to tell whether it will work.\n"))
    assert code == 0 and json.loads(out)["summary"]["claims"] == 0


@pytest.mark.parametrize(
    "args",
    [["check", "missing.md"], ["check", "--store", "nowhere", "-"], ["check", "--format", "nope", "x.md"]],
)
def test_errors_are_one_line_exit_2(args: list[str]) -> None:
    res = CliRunner().invoke(cli, args, input="", catch_exceptions=False)
    assert res.exit_code == 2
    assert "Traceback" not in res.output


def test_build_then_check_with_that_store(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("# A\n\nThe port handles 33 shipping companies.\n", encoding="utf-8")
    code, out, _ = run("build", str(src), "--out", str(tmp_path / "store"))
    assert code == 0 and "1 source, " in out
    draft = tmp_path / "d.md"
    draft.write_text("The port handles 21 shipping companies.\n", encoding="utf-8")
    assert run("check", "--store", str(tmp_path / "store"), str(draft))[0] == 1

"""Output formats: golden files for every renderer, and the rules each CI format must follow.

The goldens in tests/golden/ pin the output for tests/data/brief_formats.md checked against the bundled
store. When a change to the matcher or a renderer changes them on purpose, regenerate and review:

    FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_formats.py
    git diff tests/golden
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from factcheck.check import check, open_stores
from factcheck.cli import cli
from factcheck.config import Config
from factcheck.model import Claim, Evidence, FileReport, Finding, Quantity, Report, StoreInfo, Verdict, Work
from factcheck.render import FORMATS, render, renderer
from factcheck.render import sarif as sarif_mod

ROOT = Path(__file__).resolve().parent.parent
BRIEF = "tests/data/brief_formats.md"  # relative: it is what the reports print
GOLDEN = ROOT / "tests" / "golden"
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
SUFFIX = {
    "text": "txt",
    "concise": "concise.txt",
    "json": "json",
    "sarif": "sarif",
    "github": "github.txt",
    "junit": "xml",
    "markdown": "md",
}
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"
DEFAULT_FAILING = frozenset({Verdict.CONFLICTING})
STRICT = frozenset({Verdict.CONFLICTING, Verdict.UNSUPPORTED})  # --fail-on unsupported
EVERY = frozenset(Verdict)  # --report supported,unsupported,conflicting


@pytest.fixture(scope="module")
def report() -> Report:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        rep = check([BRIEF], open_stores(()), Config())
    finally:
        os.chdir(cwd)
    # The store's path is absolute and depends on where factcheck is installed.
    return dataclasses.replace(rep, store=dataclasses.replace(rep.store, path="<bundled store>"))


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sarif_mod, "tool_version", lambda: "<version>")


def compare_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"no golden file {path.relative_to(ROOT)}: FACTCHECK_UPDATE_GOLDEN=1 writes it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (FACTCHECK_UPDATE_GOLDEN=1 to update)"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.usefixtures("at_root")
def test_golden(fmt: str, report: Report) -> None:
    out = render(report, fmt, color=False, quiet=False, verbose=False, failing=DEFAULT_FAILING)
    assert str(ROOT) not in out  # paths are relative
    compare_golden(f"brief_formats.{SUFFIX[fmt]}", out)


@pytest.mark.usefixtures("at_root")
def test_golden_wrapped_text_and_statistics(report: Report) -> None:
    # At a terminal 80 columns wide: words never split, continuation lines indented under the verdict.
    out = render(report, "text", color=False, width=80)
    assert all(len(line) <= 80 or " " not in line.strip() for line in out.splitlines())
    compare_golden("brief_formats.80.txt", out)
    from factcheck.render.text import statistics

    compare_golden("brief_formats.statistics.txt", statistics(report))


def test_brief_has_every_verdict(report: Report) -> None:
    # The goldens are only worth having while the brief exercises all three verdicts and an accepted claim.
    assert all(report.count(v) for v in Verdict)
    assert any(f.accepted for fr in report.files for f in fr.findings)


def test_every_format_is_registered_and_lazy() -> None:
    assert set(SUFFIX) == set(FORMATS)
    for fmt in FORMATS:
        assert callable(renderer(fmt))
    code = (
        "import sys, factcheck.render; "
        "print(sorted(m for m in sys.modules if m.startswith('factcheck.render.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- a small report with awkward text, built by hand --------------------------------------------------


def _claim(
    quote: str, line: int, col: int, end_line: int, end_col: int, figure: str = "", file: str = ""
) -> Claim:
    q = (
        Quantity(
            value=43.0,
            high=None,
            unit="percent",
            dimension="percent",
            bound="exact",
            precision=1.0,
            role="",
            text=figure,
            start=0,
            end=len(figure),
        )
        if figure
        else None
    )
    return Claim(
        kind="numeric" if q else "named",
        quote=quote,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        start=0,
        end=len(quote),
        entities=(),
        terms=(),
        context=(),
        quantity=q,
        file=file,
    )


def awkward_report() -> Report:
    work = Work(
        id="w",
        file="src.txt",
        title="Debt, 100% & <more>",
        author="A | B",
        publisher=None,
        date="2021",
        url=None,
    )
    source = _claim("It says 38% | not 43%,\nreally: $5 and $6 \x0b.", 7, 1, 7, 10, file="seeds/s,1.txt")
    ev = (Evidence(claim=source, work=work, score=1.0, why="test"),)
    findings = (
        Finding(
            _claim("Debt is 43% of GDP: a\nlong | line, 100%.", 1, 9, 1, 12, figure="43%"),
            Verdict.CONFLICTING,
            "source says 38%\r\nnot 43%",
            ev,
        ),
        Finding(
            _claim("A claim that runs over\ntwo lines, with `code` & *stars*.", 2, 1, 3, 12),
            Verdict.UNSUPPORTED,
            "no source addresses this claim",
            (),
        ),
        Finding(
            _claim("Debt is 38% | of GDP.", 4, 9, 4, 12, figure="38%"),
            Verdict.SUPPORTED,
            "source says 38%",
            ev,
        ),
        Finding(
            _claim("Debt was 43% in 2019.", 5, 10, 5, 13, figure="43%"),
            Verdict.CONFLICTING,
            "source says 38%",
            ev,
            accepted="an older figure, on purpose",
        ),
    )
    return Report(
        store=StoreInfo(path="<store>", sources=1, claims=1),
        files=(FileReport(path="dir/a,b: c.md", findings=findings),),
    )


def _unescape_github(s: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        s = s.replace(code, ch)
    return s


# --- SARIF ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["brief", "awkward"])
@pytest.mark.usefixtures("at_root")
def test_sarif_validates_against_schema(which: str, report: Report) -> None:
    rep = report if which == "brief" else awkward_report()
    doc = json.loads(render(rep, "sarif", show=EVERY))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)

    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {f"factcheck/{v.value}" for v in Verdict}
    assert {r["defaultConfiguration"]["level"] for r in rules} == {"error", "warning", "note"}
    assert len(run["results"]) == rep.claims
    accepted = [r for r in run["results"] if "suppressions" in r]
    assert len(accepted) == sum(bool(f.accepted) for fr in rep.files for f in fr.findings) > 0
    assert all(
        r["suppressions"][0]["kind"] == "inSource" and "Accepted: " in r["message"]["text"] for r in accepted
    )
    fingerprints = set()
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri and ":" not in uri
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        fingerprints.add(res["partialFingerprints"]["factcheck/claim/v1"])
        if res["ruleId"] != "factcheck/unsupported":
            assert "Source: " in res["message"]["text"] and "\u201c" in res["message"]["text"]
            assert res["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert len(fingerprints) == len(run["results"])


def test_sarif_fingerprint_ignores_line_and_separates_repeats() -> None:
    rep = awkward_report()
    moved = dataclasses.replace(
        rep,
        files=(
            dataclasses.replace(
                rep.files[0],
                findings=tuple(
                    dataclasses.replace(
                        f,
                        claim=dataclasses.replace(
                            f.claim, line=f.claim.line + 10, end_line=f.claim.end_line + 10
                        ),
                    )
                    for f in rep.files[0].findings
                ),
            ),
        ),
    )

    def prints(r: Report) -> list[str]:
        results = sarif_mod.to_dict(r, show=EVERY)["runs"][0]["results"]
        return [x["partialFingerprints"]["factcheck/claim/v1"] for x in results]

    assert prints(rep) == prints(moved)
    twice = dataclasses.replace(
        rep, files=(dataclasses.replace(rep.files[0], findings=rep.files[0].findings[:1] * 2),)
    )
    a, b = prints(twice)
    assert a.endswith(":1") and b.endswith(":2") and a[:-2] == b[:-2]


def test_sarif_quiet_and_fail_on() -> None:
    rep = awkward_report()
    quiet = sarif_mod.to_dict(rep, quiet=True, show=EVERY)["runs"][0]["results"]
    assert [r["ruleId"] for r in quiet] == ["factcheck/conflicting"]
    by_default = sarif_mod.to_dict(rep)["runs"][0]["results"]  # failing findings only: they are alerts
    assert [r["ruleId"] for r in by_default] == ["factcheck/conflicting"]
    strict = sarif_mod.to_dict(rep, failing=STRICT, show=EVERY)
    assert [r["level"] for r in strict["runs"][0]["results"]] == ["error", "error", "note", "error"]
    never = sarif_mod.to_dict(rep, failing=frozenset(), show=EVERY)  # levels stay the rules' defaults
    assert [r["level"] for r in never["runs"][0]["results"]] == ["error", "warning", "note", "error"]


# --- GitHub workflow commands ---------------------------------------------------------------------------


def test_github_one_command_per_line_and_escaped() -> None:
    rep = awkward_report()
    assert len(render(rep, "github").splitlines()) == 2  # by default the failing finding and the summary
    out = render(rep, "github", show=EVERY)
    lines = out.splitlines()
    assert out.endswith("\n") and "\r" not in out
    assert len(lines) == rep.claims + 1  # one per finding, then the summary
    assert [ln.split(" ", 1)[0] for ln in lines[:-1]] == ["::error", "::warning", "::notice", "::notice"]
    assert not lines[-1].startswith("::") and "4 claims" in lines[-1]
    assert lines[3].endswith("%0AAccepted: an older figure, on purpose")

    first = lines[0]
    props, data = first[len("::error ") :].split("::", 1)
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert fields == {
        "file": "dir/a%2Cb%3A c.md",
        "line": "1",
        "col": "9",
        "endLine": "1",
        "endColumn": "12",
        "title": "factcheck conflicting",
    }
    text = _unescape_github(data)
    assert text.startswith("43%: source says 38%\r\nnot 43%\n")
    assert "It says 38% | not 43%,\nreally" in text  # the source quote, newline and all, on one line
    assert "%0A" in data and "%25" in data and "%0D" in data

    # A span over two lines: GitHub takes no columns then.
    props2 = dict(p.split("=", 1) for p in lines[1][len("::warning ") :].split("::", 1)[0].split(","))
    assert props2 == {
        "file": "dir/a%2Cb%3A c.md",
        "line": "2",
        "endLine": "3",
        "title": "factcheck unsupported",
    }


def test_github_fail_on_unsupported_makes_errors() -> None:
    out = render(awkward_report(), "github", failing=STRICT, quiet=True)
    assert [ln.split(" ", 1)[0] for ln in out.splitlines()[:-1]] == ["::error", "::error"]  # not the accepted


# --- JUnit ----------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("at_root")
def test_junit_parses(report: Report) -> None:
    root = ET.fromstring(render(report, "junit").encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert suite.get("name") == BRIEF and {c.get("classname") for c in cases} == {BRIEF}
    assert int(suite.get("tests", -1)) == len(cases) == report.claims
    failures = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures", -1)) == int(root.get("failures", -1)) == len(failures)
    accepted = sum(bool(f.accepted) for fr in report.files for f in fr.findings)
    assert len(failures) == report.count(Verdict.CONFLICTING) - accepted
    for c in cases:
        assert c.find("skipped") is None
        line, col = c.get("name", "").split(" ", 1)[0].split(":")
        assert line.isdigit() and col.isdigit()
    for c in failures:
        failure = c.find("failure")
        assert failure is not None and failure.get("type") == "conflicting"
        assert "source: " in (failure.text or "")


def test_junit_escapes_and_follows_fail_on() -> None:
    rep = awkward_report()
    root = ET.fromstring(render(rep, "junit"))
    cases = root.findall("testsuite/testcase")
    assert [c.find("failure") is not None for c in cases] == [True, False, False, False]
    assert "accepted: an older figure, on purpose" in (cases[3].findtext("system-out") or "")
    assert cases[0].get("classname") == "dir/a,b: c.md"
    assert "It says 38% | not 43%,\nreally: $5 and $6 \ufffd." in (cases[0].findtext("failure") or "")
    assert "`code` & *stars*" in (cases[1].findtext("system-out") or "")

    strict = ET.fromstring(render(rep, "junit", failing=STRICT))
    assert strict.get("failures") == "2"
    never = ET.fromstring(render(rep, "junit", failing=frozenset()))
    assert never.get("failures") == "0"  # --fail-on never: nothing fails, as the exit code says


# --- Markdown -------------------------------------------------------------------------------------------


def _tables(md: str) -> list[list[list[str]]]:
    """Each table's rows of cells, as a GitHub-like Markdown parser sees them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    tables: list[list[list[str]]] = []
    for t in tokens:
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            tables[-1].append([])
        elif t.type == "inline" and tables and tables[-1] and t.level >= 4:
            tables[-1][-1].append(t.content)
    return tables


def test_markdown_table_survives_pipes_and_newlines() -> None:
    md = render(awkward_report(), "markdown")
    assert md.startswith("## ")
    failing, supported = _tables(md)
    assert all(len(row) == 6 for row in failing + supported)
    assert failing[0] == ["File", "Line", "Verdict", "Claim", "Source says", "Citation"]
    assert [r[2] for r in failing[1:]] == ["**conflicting**", "unsupported", "conflicting"]  # accepted last
    assert "accepted: _an older figure, on purpose_" in failing[3][3]
    assert [r[2] for r in supported[1:]] == ["supported"]
    assert "<details>" in md and md.index("<details>") < md.index("</details>")
    assert md.index("| **conflicting** |") < md.index("<details>")
    assert "\\|" in md and "&lt;more&gt;" in md and "\\$5" in md
    html_out = MarkdownIt("commonmark").enable("table").render(md)
    assert "<more>" not in html_out  # raw HTML from a source never reaches the comment


@pytest.mark.usefixtures("at_root")
def test_markdown_brief_puts_failing_first(report: Report) -> None:
    md = render(report, "markdown")
    (main, folded) = _tables(md)
    failing = [r[2].startswith("**") for r in main[1:]]
    assert failing == sorted(failing, reverse=True) and any(failing)
    assert {r[2] for r in folded[1:]} == {"supported"}


# --- the command line -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "markdown"])
@pytest.mark.usefixtures("at_root")
def test_cli_format(fmt: str) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "check",
            BRIEF,
            "--format",
            fmt,
            "--fail-on",
            "never",
            "--report",
            "supported,unsupported,conflicting",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "brief" in result.output and "Tajikistan" in result.output

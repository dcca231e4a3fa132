"""Directives in the draft: ignore, off/on, accept "reason", and warnings for malformed ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.reader import parse
from factcheck.suppress import parse as parse_directives

CONFLICT = "Tajikistan's debt to China is 43 percent of its foreign debt."
SUPPORT = "Tajikistan's debt to China is 38 percent of its foreign debt."


def run(path: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--format", "json", *args, str(path)])


def lines(result: Result) -> list[tuple[int, str, str | None]]:
    return [
        (f["line"], f["verdict"], f.get("accepted"))
        for fr in json.loads(result.stdout)["files"]
        for f in fr["findings"]
    ]


def draft(tmp_path: Path, text: str, name: str = "draft.md") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_without_directives_the_conflict_fails(tmp_path: Path) -> None:
    r = run(draft(tmp_path, f"{CONFLICT}\n"))
    assert r.exit_code == 1
    assert lines(r) == [(1, "conflicting", None)]


def test_ignore_drops_the_next_block_only(tmp_path: Path) -> None:
    r = run(draft(tmp_path, f"<!-- factcheck: ignore -->\n\n{CONFLICT}\n\n{CONFLICT}\n"))
    assert r.exit_code == 1
    assert lines(r) == [(5, "conflicting", None)]
    r = run(draft(tmp_path, f"<!-- factcheck: ignore -->\n{CONFLICT}\n\n{SUPPORT}\n"))
    assert r.exit_code == 0
    assert lines(r) == [(4, "supported", None)]


def test_ignore_in_a_list_covers_one_item(tmp_path: Path) -> None:
    text = f"- {SUPPORT}\n  <!-- factcheck: ignore -->\n- {CONFLICT}\n- {CONFLICT}\n"
    r = run(draft(tmp_path, text))
    assert lines(r) == [(1, "supported", None), (4, "conflicting", None)]


def test_trailing_ignore_covers_its_own_paragraph(tmp_path: Path) -> None:
    r = run(draft(tmp_path, f"{SUPPORT}\n\n{CONFLICT} <!-- factcheck: ignore -->\n"))
    assert r.exit_code == 0
    assert lines(r) == [(1, "supported", None)]


def test_off_on_region(tmp_path: Path) -> None:
    text = (
        f"{CONFLICT}\n\n<!-- factcheck: off -->\n\n{CONFLICT}\n\n- {CONFLICT}\n\n"
        f"<!-- factcheck: on -->\n\n{CONFLICT}\n"
    )
    r = run(draft(tmp_path, text))
    assert lines(r) == [(1, "conflicting", None), (11, "conflicting", None)]


def test_off_without_on_runs_to_the_end(tmp_path: Path) -> None:
    r = run(draft(tmp_path, f"<!-- factcheck: off -->\n{CONFLICT}\n\n{CONFLICT}\n"))
    assert r.exit_code == 0
    assert lines(r) == []


def test_accept_keeps_the_finding_with_its_reason_and_passes(tmp_path: Path) -> None:
    text = f'<!-- factcheck: accept "uses the 2023 ministry figure" -->\n{CONFLICT}\n\n{SUPPORT}\n'
    r = run(draft(tmp_path, text))
    assert r.exit_code == 0, r.output
    assert lines(r) == [(2, "conflicting", "uses the 2023 ministry figure"), (4, "supported", None)]
    supported = json.loads(r.stdout)["files"][0]["findings"][1]
    assert "accepted" not in supported  # the key appears only when set
    text_out = CliRunner().invoke(cli, ["check", "--no-color", str(tmp_path / "draft.md")])
    assert "accepted: uses the 2023 ministry figure" in text_out.stdout
    quiet = CliRunner().invoke(cli, ["check", "--quiet", "--no-color", str(tmp_path / "draft.md")])
    assert "43 percent" not in quiet.stdout  # accepted findings do not fail, so --quiet hides them


def test_accept_does_not_hide_other_failures(tmp_path: Path) -> None:
    r = run(draft(tmp_path, f"<!-- factcheck: accept 'known' -->\n{CONFLICT}\n\n{CONFLICT}\n"))
    assert r.exit_code == 1
    assert lines(r) == [(2, "conflicting", "known"), (4, "conflicting", None)]


def test_malformed_directives_warn_with_file_and_line(tmp_path: Path) -> None:
    text = (
        f"# Draft\n\n<!-- factcheck: ignroe -->\n{CONFLICT}\n\n<!-- factcheck: accept -->\n{SUPPORT}\n\n"
        "<!-- factcheck: on -->\n"
    )
    path = draft(tmp_path, text)
    r = run(path)
    assert r.exit_code == 1  # nothing was suppressed
    assert f"{path}:3: warning: unknown factcheck directive 'ignroe'" in r.stderr
    assert f"{path}:6: warning: 'factcheck: accept' needs a reason" in r.stderr
    assert f"{path}:9: warning: 'factcheck: on' without an 'off'" in r.stderr
    assert lines(r) == [(4, "conflicting", None), (7, "supported", None)]


def test_directives_in_code_blocks_are_examples(tmp_path: Path) -> None:
    text = f"```markdown\n<!-- factcheck: off -->\n<!-- factcheck: bogus -->\n```\n\n{CONFLICT}\n"
    r = run(draft(tmp_path, text))
    assert r.exit_code == 1
    assert r.stderr == ""
    assert lines(r) == [(6, "conflicting", None)]


def test_plain_text_files_take_directives_too(tmp_path: Path) -> None:
    text = f"<!-- factcheck: ignore -->\n{CONFLICT}\n\n{CONFLICT}\n"
    r = run(draft(tmp_path, text, "draft.txt"))
    assert lines(r) == [(4, "conflicting", None)]


@pytest.mark.parametrize("comment", ["<!--factcheck:IGNORE-->", "<!--  factcheck :  ignore  -->"])
def test_spacing_and_case(comment: str) -> None:
    doc = parse(f"{comment}\n{CONFLICT}\n", "d.md", markdown=True)
    d = parse_directives(doc, warn=pytest.fail)
    assert len(d.ignored) == 1


def test_other_comments_are_not_directives() -> None:
    doc = parse(f"<!-- TODO: factcheck this later -->\n{CONFLICT}\n", "d.md", markdown=True)
    d = parse_directives(doc, warn=pytest.fail)
    assert d.ignored == () and d.accepted == ()

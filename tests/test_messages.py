"""Messages read right: plural units, bounds in the source's own words, ranges as written, and counts
that agree with their nouns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.quantities import describe, find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("there are 33 companies", "33 companies"),
        ("only 1 company", "1 company"),
        ("21 countries joined", "21 countries"),
        ("more than 2,000 people", "more than 2,000 people"),
        ("The fund has at least US$327 million.", "at least USD 327 million"),
        ("fewer than 10 firms", "fewer than 10 companies"),
        ("$13-20 billion", "USD 13-20 billion"),
        ("It took 1 day", "1 day"),
        ("about 40 percent", "about 40%"),
    ],
)
def test_describe(text: str, expected: str) -> None:
    (q,) = find_quantities(text)
    assert describe(q) == expected


def test_message_and_summary_count_their_nouns(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("# A\n\nThe port handles 33 shipping companies.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "store")])
    assert res.exit_code == 0 and "1 source, " in res.stdout
    draft = tmp_path / "d.md"
    draft.write_text("The port handles 21 shipping companies.\n", encoding="utf-8")
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["check", "--store", store, str(draft), "--format", "concise"])
    assert res.exit_code == 1
    assert "source says 33 companies" in res.stdout
    assert "1 claim in 1 file" in res.stdout

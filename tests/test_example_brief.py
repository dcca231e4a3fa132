"""The README's first command checks the bundled example brief against the bundled store and says
which wrong figures it catches: pinned here, so a change that loses one of them fails the suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check, open_stores
from factcheck.model import Verdict

BRIEF = Path(__file__).resolve().parent.parent / "examples" / "brief.md"


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Verdict]:
    report = check([str(BRIEF)], open_stores([]))
    out = {}
    for f in report.files[0].findings:
        figure = f.claim.quantity or f.claim.date
        if figure is not None:
            out[" ".join(figure.text.split())] = f.verdict  # a figure may run across a line break
    return out


@pytest.mark.parametrize(
    ("figure", "why"),
    [
        ("some 10,000 square kilometres", "the source says 1,000: a territory ten times too large"),
        ("about $79 million", "the source says some 79 billion: an investment a thousand times too small"),
    ],
)
def test_wrong_figures_conflict(verdicts: dict[str, Verdict], figure: str, why: str) -> None:
    assert verdicts[figure] is Verdict.CONFLICTING, why


@pytest.mark.parametrize("figure", ["43 percent", "38%", "14 per cent", "37%", "US$34 million"])
def test_right_figures_are_supported(verdicts: dict[str, Verdict], figure: str) -> None:
    assert verdicts[figure] is Verdict.SUPPORTED

"""Shares written as fractions, ratios and splits, and figures fused to a word (issue 9, number
forms). Sentences are our own; each row says why."""

from __future__ import annotations

import pytest

from factcheck.quantities import compatible, describe, find_quantities
from factcheck.text import fold

# (text, expected [(value, unit)], reason)
CASES = [
    ("Two in five adults now bank online.", [(40, "percent")], "'two in five' is 40%"),
    ("One in three farms lacks water.", [(100 / 3, "percent")], "'one in three' is a third"),
    ("Three out of four voters backed the plan.", [(75, "percent")], "'out of' ratios"),
    ("Half a million people left the region.", [(500_000, "people")], "half of a scale word"),
    ("Rates rose by half a percentage point.", [(0.5, "pp")], "half of a unit"),
    ("A tenth of the budget goes to roads.", [(10, "percent")], "a tenth of"),
    ("Three-fifths of the land is forest.", [(60, "percent")], "hyphenated fraction"),
    ("A quarter of its exports go to Asia.", [(25, "percent")], "a quarter of"),
    (
        "The partners agreed a 60-40 split of profits.",
        [(60, "percent"), (40, "percent")],
        "a split of a whole",
    ),
    (
        "Parliament is divided 55-45 on the bill.",
        [(55, "percent"), (45, "percent")],
        "a split, larger share first",
    ),
    ("Inflation fell from the then-12 percent rate.", [(12, "percent")], "a figure fused to 'then-'"),
    ("The firm booked a then-record $5bn loss.", [(5e9, "USD")], "'then-record' before the figure"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_share(text: str, expected: list[tuple[float, str]], why: str) -> None:
    got = [(q.value, q.unit) for q in find_quantities(fold(text))]
    assert len(got) == len(expected), f"{why}: {got}"
    for (v, u), (ev, eu) in zip(got, expected, strict=True):
        assert (v, u) == (pytest.approx(ev), eu), why


REJECTS = [
    (
        "Talks resumed in 2019, 5 in 2019 alone.",
        "percent",
        "'5 in 2019' is no ratio: a year is no denominator",
    ),
    ("Between 40-60 people attended.", "percent", "a rising pair is a range, not a split"),
    ("The COVID-19 pandemic closed the border.", "", "a number in a name"),
]


@pytest.mark.parametrize(("text", "unit", "why"), REJECTS, ids=[r[2] for r in REJECTS])
def test_not_a_share(text: str, unit: str, why: str) -> None:
    qs = find_quantities(fold(text))
    assert not any(q.unit == unit for q in qs) if unit else not qs, f"{why}: {qs}"


@pytest.mark.parametrize(
    ("draft", "source", "ok", "why"),
    [
        ("one in three farms", "33% of farms", True, "a third, to the nearest 5%"),
        ("one in three farms", "45% of farms", False, "far from a third"),
        ("two in five adults", "41% of adults", True, "rounds to 40%"),
        ("half a million people", "510,000 people", True, "half a million is a round figure"),
        ("half a million people", "700,000 people", False, "not half a million"),
    ],
)
def test_share_agreement(draft: str, source: str, ok: bool, why: str) -> None:
    (d,), (s,) = find_quantities(draft), find_quantities(source)
    assert compatible(d, s) is ok, f"{why}: {describe(d)} vs {describe(s)}"

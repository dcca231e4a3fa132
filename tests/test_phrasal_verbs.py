"""Phrasal verbs are one word ("turned down" is "rejected", "pulled out of" is "withdrew from"), and
"declined" is a refusal unless a figure, a change or a time follows it. Writers paraphrase one with
the other, so a statement worded with either meets a source worded with the other.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import checker_fixture, verdict_rows

from factcheck.entities import load
from factcheck.extract import extract
from factcheck.reader import parse

SOURCE = """---
title: Baltic affairs
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic affairs

Months later, following a bitter campaign, the new cabinet in Tallinn declined an invitation from
Oslo to join the Arctic Grain Compact, signalling a cooler line on northern trade.

In 2021 Latvia pulled out of the Baltic Ferry Alliance, citing its cost.

Lithuanian fish exports declined by 6 percent in 2022.

Once elected in 2019, Riga's government turned to rail and withdrew its offer of a port subsidy.
"""

CASES = [
    (
        "Once elected, Estonia's government turned down an invitation to the Arctic Grain Compact.",
        "supported",
        "'turned down' is the source's 'declined': one act of refusal",
    ),
    (
        "Latvia withdrew from the Baltic Ferry Alliance over its cost.",
        "supported",
        "'withdrew from' is the source's 'pulled out of'",
    ),
    (
        "Lithuanian fish exports fell 6 percent in 2022.",
        "supported",
        "'declined by 6 percent' is a fall, not a refusal",
    ),
    (
        "Lithuanian fish exports fell 9 percent in 2022.",
        "conflicting",
        "and a fall of another size contradicts it",
    ),
]

checker = checker_fixture("phrasal", SOURCE)

test_verdict = verdict_rows(CASES)


def terms(text: str) -> list[str]:
    return [t for c in extract(parse(text, "x.txt", markdown=False), load()) for t in c.context]


@pytest.mark.parametrize(
    ("a", "b", "same", "why"),
    [
        (
            "Estonia declined an invitation to the summit.",
            "Estonia rejected an invitation to the summit.",
            True,
            "a refusal",
        ),
        (
            "Estonian exports declined by 6 percent in 2022.",
            "Estonian exports fell by 6 percent in 2022.",
            True,
            "a fall, by a figure",
        ),
        (
            "Estonian exports declined by 6 percent in 2022.",
            "Estonian exports were rejected by 6 percent in 2022.",
            False,
            "not a refusal",
        ),
    ],
)
def test_declined_takes_its_sense_from_what_follows(a: str, b: str, same: bool, why: str) -> None:
    assert (terms(a) == terms(b)) is same, why

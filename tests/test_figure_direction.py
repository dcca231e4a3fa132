"""A figure that agrees, in a sentence that states the opposite direction ("fell 7 percent" where the
source says "rose 7 percent"), conflicts. The direction must be the figure's own, among its measure
words: "Amid falling furniture sales, timber exports reached EUR 3.1 billion" says nothing of the
timber's direction; and a sentence that takes both sides ("rose ..., while ... fell") is no opposite
of one that also takes both. A figure whose own piece takes no side takes its clause's, but for a
change another figure of the clause takes in its own piece ("had reached 41 tonnes ..., fell to
zero").

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import checker_fixture, verdict_rows

from factcheck import rules
from factcheck.entities import load
from factcheck.extract import extract
from factcheck.reader import parse

SOURCE = """---
title: Baltic exports
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Baltic exports

Latvian timber exports rose 7 percent in 2022 to EUR 3.1 billion, while furniture exports fell 4
percent to EUR 0.6 billion.

Estonian shale oil output rose to 1.2 million tonnes in 2021.

In 2021 Estonia rejected a Finnish offer to buy the Paldiski port; Latvia's parliament voted 54 to 21
in May 2022 against a Swedish bid to run Riga airport.

Nordic Timber's sales reached EUR 2.7 billion in 2023, up from EUR 2.1 billion in 2022, and the
company expects its Baltic share to fall back to about 20 percent in 2025.

Amber exports, which had reached 41 tonnes in 2020 as jewellers stocked up, fell to zero the next
year.

Because the loans are in euros and the repayments in lats, the state's bill grew as the lats lost
about 9% of its value against the euro in 2009.
"""

CASES = [
    (
        "The lats strengthened by about 9% against the euro in 2009.",
        "conflicting",
        "a currency that lost 9% of its value weakened: strengthening is the opposite",
    ),
    (
        "The lats weakened by about 9% against the euro in 2009.",
        "supported",
        "losing value is weakening",
    ),
    (
        "Latvian amber exports climbed to 41 tonnes in 2020 before collapsing to nothing a year later.",
        "supported",
        "the fall is the zero's, in its own piece: the 41 tonnes, in a piece of no side, take none from it",
    ),
    (
        "Latvian timber exports fell 7 percent in 2022.",
        "conflicting",
        "the figure agrees, the direction is turned",
    ),
    (
        "Amid falling furniture sales, Latvian timber exports reached EUR 3.1 billion in 2022.",
        "supported",
        "'falling' is the furniture's: the timber figure's own words take no side",
    ),
    (
        "Latvian timber exports climbed 7 percent in 2022, even as furniture exports slid 4 percent.",
        "supported",
        "both sentences take both sides, each figure with its own",
    ),
    (
        "Estonian shale oil output sank to 1.2 million tonnes in 2021.",
        "conflicting",
        "'sank' is a fall, where the source says rose",
    ),
    (
        "Latvia's parliament voted 54 to 21 in May 2022 in favour of a Swedish bid to run Riga airport.",
        "conflicting",
        "in favour where the source says against; the source's 'rejected' is another clause's",
    ),
    (
        "Nordic Timber's sales rose by roughly 30 percent in 2023, to EUR 2.7 billion.",
        "supported",
        "'up from' is the source's rise; its 'fall back' is another figure's",
    ),
    (
        "Latvia's parliament voted 54 to 21 in May 2022 against a Swedish bid to run Riga airport.",
        "supported",
        "the same side",
    ),
]

checker = checker_fixture("exports", SOURCE)

test_verdict = verdict_rows(CASES)


@pytest.mark.parametrize(
    ("text", "terms", "negated", "why"),
    [
        (
            "Estonia rejected the offer; Latvia voted against the bid.",
            ["latvia", "bid"],
            False,
            "another clause",
        ),
        ("Latvia did not vote against the bid.", ["bid"], True, "the negation governs the bid"),
    ],
)
def test_a_negation_counts_only_for_the_words_it_governs(
    text: str, terms: list[str], negated: bool, why: str
) -> None:
    assert rules.negates(text, terms) is negated, why


@pytest.mark.parametrize(
    ("text", "direction", "why"),
    [
        ("Timber exports were up 7 percent.", ["increase"], "'up' before the figure: a rise"),
        ("The levy pushed the rate up by 3.7 percentage points.", ["increase"], "'up by': a rise too"),
        ("Sales were down by EUR 2 million.", ["decrease"], "'down by': a fall"),
        ("The manual was drawn up by five countries.", [], "after 'up by' a count is an agent's"),
        ("The fund may hold up to 50 percent in bonds.", [], "'up to' is a bound"),
    ],
)
def test_the_direction_right_before_a_figure(text: str, direction: list[str], why: str) -> None:
    claims = [c for c in extract(parse(text, "d.md", markdown=True), load()) if c.quantity is not None]
    assert claims, why
    assert [t for t in ("increase", "decrease") if t in claims[0].terms] == direction, why

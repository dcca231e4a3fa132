"""A word no source uses weighs nothing in retrieval and alignment: it cannot tell one source sentence
from another, and counting it only marks down a restatement worded in the writer's own words
("swallow", "goes on"). A name no source uses keeps its weight, so a claim about something the store
never mentions stays unsupported.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

from factcheck.match import unseen_idf

SOURCE = """---
title: Latvian budget
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Latvian budget

In 2023, trade among the three Baltic states exceeded EUR 40 billion, rising 6.1 percent from 2022.

The Narva plant supplied 2.1 TWh of electricity to the Estonian grid in 2022.

Latvia's parliament approved a harbour levy of EUR 3 per tonne in March 2021.

The whole Latvian budget is under EUR 15 billion a year (about 40 percent of GDP), with 21 percent of
that money going to pensions.

In 2022, the latest year with audited accounts, Latvia's GDP was almost EUR 40 billion and its budget
EUR 14 billion.

Pension reform has been debated in Riga for a decade, and the budget committee has twice rejected it.
"""

CASES = [
    (
        "About a fifth of the Latvian budget goes on pensions.",
        "supported",
        "'goes on' is in no source: the rest of the sentence is the source's",
    ),
    (
        "Pensions swallow about a fifth of the Latvian budget.",
        "supported",
        "'swallow' is in no source",
    ),
    (
        "About a fifth of the Latvian budget goes on defence.",
        "unsupported",
        "another measure: 'defence' weighs nothing, but 'pensions' is missing",
    ),
    (
        "About a fifth of the Lithuanian budget goes on pensions.",
        "unsupported",
        "a country the store never mentions keeps its weight",
    ),
]


checker = checker_fixture("budget", SOURCE)

test_verdict = verdict_rows(CASES)


def test_unseen_names_and_figures_keep_their_weight() -> None:
    assert unseen_idf("@LT", 5.0) == 5.0 and unseen_idf("#pct:21", 5.0) == 5.0
    assert unseen_idf("swallow", 5.0) == 0.0

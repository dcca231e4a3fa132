"""A business named with a company head ("Adriatic Shipping Company", "... Corporation",
"... Airways") is a company, not an organisation like the ministry that pays it: a sum a ministry
awards to the firm is not pinned on the ministry as a rival owner of the firm's kind.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

from factcheck import entities

SOURCE = """---
title: Ferry grants
author: Test Writer
publisher: Example Transport Institute
date: 2025-10-01
---

# Ferry grants

That same month, the Transport Ministry announced the award of $40 million in grants and up to $25
million in loans to Adriatic Shipping Company to build two ferries.
"""

CASES = [
    (
        "Adriatic Shipping Company received $40 million in grants, plus up to $25 million in loans.",
        "supported",
        "both sums as the source gives them",
    ),
    (
        "Adriatic Shipping Company received $45 million in grants, plus up to $25 million in loans.",
        "conflicting",
        "the grant is $40 million: the ministry's award, not a rival owner's figure",
    ),
]

checker = checker_fixture("ferries", SOURCE)
test_verdict = verdict_rows(CASES)


def test_a_company_head_makes_a_company() -> None:
    assert entities.name_kind("Adriatic Shipping Company") == "company"
    assert entities.name_kind("Transport Ministry") != "company"

"""A body named as the owner of the document a figure was read in ("the Fisheries Council's 2023
annual report put Norway first") is where the fact comes from, not what it is about, like a
reporting outlet; a country's own data ("Norway's customs data") stay about the country.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

from factcheck.check import Checker
from factcheck.extract import extract
from factcheck.reader import parse

SOURCE = """---
title: Arctic cod
author: Test Writer
publisher: Example Sea Institute
date: 2025-11-01
---

# Arctic cod

According to the 2023 report, the latest available, Norway held the largest share of the Arctic
cod market (44%).
"""

CASES = [
    (
        "The Fisheries Council's 2023 annual report put Norway first in the Arctic cod market, with a"
        " share of about 44%.",
        "supported",
        "the Council owns the report; the share is Norway's",
    ),
    (
        "The Fisheries Council's 2023 annual report put Norway first in the Arctic cod market, with a"
        " share of about 60%.",
        "conflicting",
        "Norway's share is 44%",
    ),
]

checker = checker_fixture("cod", SOURCE)
test_verdict = verdict_rows(CASES)


def test_a_country_keeps_its_own_data(checker: Checker) -> None:
    text = "Norway's customs data show cod exports rose 5% in 2023."
    (claim,) = [c for c in extract(parse(text, "d.md", markdown=True), checker.gaz) if c.quantity]
    assert "NO" in claim.entities, claim.entities

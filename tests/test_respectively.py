"""A list paired with its figures "respectively" gives each entity its own figures, as surely as a
figure's own piece would: a draft that gives one entity the other's figure conflicts, even when the
figures are bare numbers (an index score), since the draft's value stands in the sentence on
another entity.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Fisheries governance
author: Test Writer
publisher: Example Sea Institute
date: 2025-12-01
---

# Fisheries governance

Both Norway and Iceland sharply improved their Fisheries Governance Index score, from 0.21 to 0.81
and 0.15 to 0.64 respectively, between 2014 and 2018.

In 2021, Vestas supplied 31% of the turbines used by Danish wind farms and 28% of those used by
German ones.

The Nordic Council pledged EUR 4 billion for Baltic ports at a forum in Oslo in 2023;
the EBRD and the European Investment Bank have since approved loans of $1.5 billion and $700 million
respectively for Latvian rail projects.
"""

CASES = [
    (
        "The EBRD has since approved $1.5 billion for Latvian rail projects.",
        "supported",
        "'respectively' pairs the list of its own clause, not the names of the clause before it",
    ),
    (
        "The European Investment Bank has since approved $1.5 billion for Latvian rail projects.",
        "conflicting",
        "the other bank's loan",
    ),
    (
        "Iceland improved its Fisheries Governance Index score to 0.64 by 2018.",
        "supported",
        "Iceland's own score",
    ),
    (
        "Iceland improved its Fisheries Governance Index score to 0.81 by 2018.",
        "conflicting",
        "Norway's score given to Iceland",
    ),
    (
        "In 2021, Vestas supplied 31% and 28% of the turbines used by Danish and German wind farms"
        " respectively.",
        "supported",
        "the list after the figures, right before 'respectively', pairs with them",
    ),
    (
        "In 2021, Vestas supplied 28% and 31% of the turbines used by Danish and German wind farms"
        " respectively.",
        "conflicting",
        "the list after the figures paired the other way",
    ),
]

checker = checker_fixture("governance", SOURCE)
test_verdict = verdict_rows(CASES)

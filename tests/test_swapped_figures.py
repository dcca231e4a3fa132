"""Two figures of a draft sentence swapped between the things they measure conflict with a source
that lists each figure next to its own words, even though both values occur in the source: "41
percent of mackerel, 28 percent of herring" is not "28% of mackerel and 41% of herring". A sentence
that pairs figures and words "respectively" keeps them apart, so its words say nothing of the pairing.
A sentence that gives each figure its own subject ("X for Gansu, and Y for Qinghai") pairs them too.
Dates swapped between two things alike conflict.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: North Sea quotas
author: Test Writer
publisher: Example Sea Institute
date: 2025-04-01
---

# North Sea quotas

Official estimates show that in 2023, Norway held 41 percent of the North Sea mackerel quota,
28 percent of herring, and 9 percent of cod.

In 2024 alone, more than CNY 95 million was set aside for Gansu, and CNY 410 million for Qinghai.

For now, growth predictions for Norway in 2026 range between 1.8% (according to Danske Bank, the
largest lender) and 2.9% (Nordea's own estimate).

The fund's initial plan to add EUR 90 billion between 2024 and 2027 (EUR 60 billion of grants and
EUR 30 billion of loans) was cut to EUR 60 billion (EUR 30 billion of loans and EUR 30 billion of
grants), of which only EUR 20 billion is new money.

The Baltic timber rule entered into force on 29 June 2023 and applies to large importers from 30
December 2024, with small firms given until 30 June 2025.
"""

CASES = [
    (
        "In 2023 Norway held 41% of the North Sea mackerel quota and 28% of its herring quota.",
        "supported",
        "each figure with its own fish",
    ),
    (
        "In 2023 Norway held 28% of the North Sea mackerel quota and 41% of its herring quota.",
        "conflicting",
        "the two figures swapped between mackerel and herring",
    ),
    (
        "Norway's 2023 shares of the North Sea mackerel, herring and cod quotas were 41%, 28% and 9%"
        " respectively.",
        "supported",
        "figures paired with their fish 'respectively', in the source's order",
    ),
]


CASES += [
    (
        "The Baltic timber rule applies to large importers from 30 December 2024, with small firms given"
        " until 30 June 2025.",
        "supported",
        "each date with its own firms",
    ),
    (
        "The Baltic timber rule applies to large importers from 30 June 2025, with smaller firms given"
        " until 30 December 2024.",
        "conflicting",
        "the two dates swapped between the large importers and the small firms",
    ),
]


CASES += [
    (
        "More than CNY 95 million was set aside for Gansu in 2024.",
        "supported",
        "Gansu's own sum",
    ),
    (
        "CNY 410 million was set aside for Gansu in 2024.",
        "conflicting",
        "the sentence gives this sum to Qinghai and another to Gansu, however far past Gansu's floor",
    ),
    (
        "Danske Bank forecasts that Norway's economy will grow by 1.8% in 2026.",
        "supported",
        "the bank's own forecast, named in its bracket",
    ),
    (
        "Danske Bank forecasts that Norway's economy will grow by 2.9% in 2026.",
        "conflicting",
        "the bracket gives 2.9% to Nordea and 1.8% to the bank",
    ),
    (
        "The fund's initial plan to add EUR 90 billion between 2024 and 2027 (EUR 60 billion of grants"
        " and EUR 30 billion of loans) was cut to EUR 60 billion (EUR 30 billion of loans and EUR 30"
        " billion of grants), of which only EUR 20 billion is new money.",
        "supported",
        "the source's own sentence, word for word: one value given twice is no swap",
    ),
]

checker = checker_fixture("quotas", SOURCE)

test_verdict = verdict_rows(CASES)

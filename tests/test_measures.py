"""A figure for one measure of a company or an economy is no figure for another: "net profit rose
26%" is neither borne out nor contradicted by "revenue rose 26%", and a rise of wages is not a share
of exports. The measures are groups of the lexicon (lang/en/measure_lexicon, kind "measures"); the
draft's side is read on its figure's own words, the source's on its whole sentence, so a sentence
that names the draft's measure as well ("coal export revenue") still answers it.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Nordic Timber results
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Nordic Timber results

Nordic Timber's revenue rose 26 percent in 2024 to EUR 2.7 billion, up from EUR 2.1 billion a year
earlier.

The timber industry's share of Latvian exports rose to 11 percent in 2024.
"""

CASES = [
    (
        "Nordic Timber's revenue rose 26 percent in 2024.",
        "supported",
        "the same measure",
    ),
    (
        "Nordic Timber's sales rose about 26 percent in 2024.",
        "supported",
        "sales are the revenue",
    ),
    (
        "Nordic Timber's net profit rose 26 percent in 2024.",
        "unsupported",
        "profit is another measure than revenue: the sentence never names it",
    ),
    (
        "Nordic Timber's net profit rose 40 percent in 2024.",
        "unsupported",
        "nor is the revenue's rise a contradiction of a profit's",
    ),
    (
        "Latvian sawmill wages rose 11 percent in 2024.",
        "unsupported",
        "the 11 percent is a share of exports, not a rise of wages",
    ),
    (
        "Latvian timber exports earned the industry an 11 percent share of the country's exports in 2024.",
        "supported",
        "a draft that names the source's measure as well is answered by it",
    ),
]

checker = checker_fixture("nordic_results", SOURCE)

test_verdict = verdict_rows(CASES)

"""A share the draft gives of one of its own figures ("EUR 48 million, less than half of what
shipowners had sought", "EUR 8.2 billion, about three-quarters of it through Finnvera") is borne out
when a source sentence that gives the draft's figure gives the other figure of its unit too and the
two make that share. Support only: a share that does not match stays unsupported, as any figure no
source states.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Baltic shipping funds
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Baltic shipping funds

The Latvian ministry finally opened the ferry fund in May 2023 with an initial deposit of EUR 48
million, well short of the EUR 100 million that shipowners had sought.

Finnish lenders have pledged EUR 8.2 billion to Latvian ports since 2009, EUR 6.1 billion of it through
Finnvera.
"""

CASES = [
    (
        "The Latvian ministry seeded the ferry fund with EUR 48 million, less than half of what"
        " shipowners had asked for.",
        "supported",
        "48 of 100 is less than half",
    ),
    (
        "The Latvian ministry seeded the ferry fund with EUR 48 million, about a quarter of what"
        " shipowners had asked for.",
        "unsupported",
        "48 of 100 is no quarter: a share that does not match is unsupported, never conflicting",
    ),
    (
        "Finnish lenders have pledged roughly EUR 8.2 billion to Latvian ports since 2009, about"
        " three-quarters of it through Finnvera.",
        "supported",
        "6.1 of 8.2 is 74%",
    ),
    (
        "Finnish lenders have pledged about EUR 8.2 billion to Latvian ports since 2009, a tenth of it"
        " through Finnvera.",
        "unsupported",
        "74% is no tenth",
    ),
]

checker = checker_fixture("shipping_funds", SOURCE)

test_verdict = verdict_rows(CASES)

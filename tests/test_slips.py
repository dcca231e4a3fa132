"""The commonest slips of a figure, its digits at another scale ("$79 million" for "79 billion") or
in another order ("89 percent" for "98 percent"), are their own evidence that a sentence worded
apart states the same fact: they conflict where another wrong value would be left unsupported.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: East African trade
author: Test Writer
publisher: Example Trade Institute
date: 2025-08-01
---

# East African trade

The minister also confirmed that as of March 1, no duty would be levied on 98 percent of goods
from Uganda being sold to Kenya.
"""

CASES = [
    (
        "Since 1 March, Kenya has charged no duty on 98 percent of goods imported from Uganda.",
        "supported",
        "the same share, worded apart",
    ),
    (
        "Since 1 March, Kenya has charged no duty on 89 percent of goods imported from Uganda.",
        "conflicting",
        "the digits transposed",
    ),
    (
        "Since 1 March, Kenya has charged no duty on 0.98 percent of goods imported from Uganda.",
        "conflicting",
        "the digits at another scale",
    ),
    (
        "Since 1 March, Kenya has charged no duty on 75 percent of goods imported from Uganda.",
        "unsupported",
        "another share, worded apart: no slip to show it is the same statement",
    ),
]


checker = checker_fixture("trade", SOURCE)

test_verdict = verdict_rows(CASES)

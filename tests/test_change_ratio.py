"""A multiplier ("fivefold", "tripled") is borne out by a source that gives the two ends of the
change ("from 12 metric tons to 60 metric tons"): their ratio, within the slack of a hedged figure.
A ratio that does not match leaves the multiplier unsupported, never supported. "Metric tons" are
tonnes.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Andean lithium
author: Test Writer
publisher: Example Mining Institute
date: 2025-05-01
---

# Andean lithium

Lithium output at the Salar de Ollagua plant grew from 12 metric tons in 2015 to 60 metric tons in 2020.
"""

CASES = [
    (
        "Lithium output at the Salar de Ollagua plant rose fivefold between 2015 and 2020.",
        "supported",
        "60 / 12 is 5",
    ),
    (
        "Lithium output at the Salar de Ollagua plant rose roughly fivefold between 2015 and 2020.",
        "supported",
        "a hedged multiplier",
    ),
    (
        "Lithium output at the Salar de Ollagua plant tripled between 2015 and 2020.",
        "unsupported",
        "60 / 12 is not 3: the source does not bear it out",
    ),
    (
        "The Salar de Ollagua plant produced 60 tonnes of lithium in 2020.",
        "supported",
        "metric tons are tonnes",
    ),
]


checker = checker_fixture("lithium", SOURCE)

test_verdict = verdict_rows(CASES)

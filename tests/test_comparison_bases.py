"""A change measured against a year ("up 30.1 percent compared with 2021") has that year as its base,
not as its period: the figure's period is the sentence's own date ("in 2023"), and the base is no
claim of its own. A draft's change against another base than its evidence's is answered by the
sentence's figure for the draft's base when there is one (a conflict), and is otherwise another
statistic: unsupported, as a figure for another period is.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Baltic trade
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic trade

Latvian customs data show that shipments from Latvia to Finland rose by 12.4 percent in 2023 from
2022, and by 30.1 percent compared with 2021.

Estonian timber exports grew 8 percent year on year in 2024, reaching EUR 2.1 billion.

Lithuanian amber sales reached EUR 90 million in 2024, up 43 percent on 2023.
"""

CASES = [
    (
        "Lithuanian amber sales reached EUR 90 million in 2024, 43 percent more than in 2023.",
        "supported",
        "'than in 2023' is the base of the comparison, not a date of its own",
    ),
    (
        "Estonian timber exports were 8 percent higher in 2024 than in 2023.",
        "supported",
        "the same, with the comparison's two years around the figure's",
    ),
    (
        "Shipments from Latvia to Finland rose 30.1% in 2023 compared with 2021.",
        "supported",
        "the source's change against 2021, for 2023 (not a figure for 2021)",
    ),
    (
        "Shipments from Latvia to Finland rose 12.4% in 2023 compared with 2022.",
        "supported",
        "'from 2022' after the figure is its base too",
    ),
    (
        "Shipments from Latvia to Finland rose 30.1% in 2023 compared with 2022.",
        "conflicting",
        "the source's change against 2022 is 12.4 percent; its 30.1 percent is against 2021",
    ),
    (
        "Shipments from Latvia to Finland rose 12.4% in 2023 compared with 2021.",
        "conflicting",
        "the source's change against 2021 is 30.1 percent",
    ),
    (
        "Estonian timber exports grew 8% in 2024 compared with 2023.",
        "supported",
        "a base the source words as 'year on year' is no claim to check on its own",
    ),
    (
        "Lithuanian amber sales rose 43 percent in 2024 compared with 2023.",
        "supported",
        "'up 43 percent on 2023': 'on' before a year alone gives the change its base",
    ),
    (
        "Lithuanian amber sales reached EUR 90 million in 2023.",
        "unsupported",
        "the EUR 90 million is 2024's: 2023 is only the base of its change",
    ),
    (
        "Lithuanian amber sales rose 34 percent in 2024.",
        "conflicting",
        "'up 43 percent' is the size of a rise, as 'rose 34 percent' is: the digits transposed",
    ),
]


checker = checker_fixture("trade", SOURCE)

test_verdict = verdict_rows(CASES)

"""No verdict either way on weak evidence: a value well past a source's bound ("more than RUB 108
million") is neither borne out nor contradicted; the only figure of its kind in an aligned source
sentence does not answer the draft's when its own words are all other than the draft's (another
measure); and an acronym that holds the initials of a name is that name, not a rival subject.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Baltic ports
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic ports

Kestrel Mining, the country's largest producer, paid PLN 1.9bn in royalties and taxes in 2022.

Regulators fined Lech Poznan Football Club €2m in May 2021 for breaching licensing rules.

In 2025 alone, more than RUB 108 million was allocated for the Vologda harbour.
"""

CASES = [
    (
        "In 2025, RUB 319 million was allocated for the Vologda harbour.",
        "unsupported",
        "three times 'more than RUB 108 million': the source does not say, either way",
    ),
    (
        "In 2025, RUB 90 million was allocated for the Vologda harbour.",
        "conflicting",
        "below the source's floor",
    ),
    (
        "Kestrel Mining, the country's largest producer, earned a net profit of PLN 640m in 2022.",
        "unsupported",
        "the source's only sum is royalties and taxes: another measure, not a contradiction",
    ),
    (
        "Regulators fined LPFC €2m in May 2021 for breaching licensing rules.",
        "supported",
        "LPFC holds the initials of Lech Poznan Football Club: the same club, not a swap",
    ),
]


checker = checker_fixture("ports", SOURCE)

test_verdict = verdict_rows(CASES)

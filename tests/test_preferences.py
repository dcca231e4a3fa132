"""A choice or a ranking the other way round says the opposite: "chose A over B" against the
source's "chose B rather than A", "A overtook B" against "B replaced A", whatever else the two
sentences share. The "preference" and "overtaking" rules read which entity a sentence puts first.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import checker_fixture, mentioned, verdict_rows

from factcheck import entities, same

SOURCE = """---
title: Baltic procurement
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic procurement

In the last months of the Karins government, Latvia chose to buy Swedish trainer jets from Norway
rather than the French ones offered by Paris.

According to port data for January-June 2024, Poland has replaced Germany as the largest buyer of
Latvian timber, while German purchases fell by a third.
"""

CASES = [
    (
        "Latvia opted for French trainer jets instead of the Swedish jets sold by Norway.",
        "conflicting",
        "the draft ranks the two the other way round",
    ),
    (
        "Riga picked the French trainers over Swedish jets in the last months of the Karins government.",
        "conflicting",
        "the same reversal, worded apart",
    ),
    (
        "Under Karins, Latvia chose Swedish trainer jets over French ones.",
        "supported",
        "the same choice",
    ),
    (
        "In January-June 2024 Germany overtook Poland as the largest buyer of Latvian timber.",
        "conflicting",
        "the source puts Poland ahead of Germany",
    ),
    (
        "In January-June 2024 Poland overtook Germany as the largest buyer of Latvian timber.",
        "supported",
        "the same order, another verb",
    ),
]


checker = checker_fixture("procurement", SOURCE)

test_verdict = verdict_rows(CASES)


@pytest.mark.parametrize(
    ("draft", "source", "expected", "why"),
    [
        (
            "Latvia chose Swedish jets over French ones.",
            "Latvia picked French jets rather than Swedish ones.",
            ("FR", "SE"),
            "reversed",
        ),
        (
            "Latvia chose Swedish jets over French ones.",
            "Latvia picked Swedish jets rather than French ones.",
            None,
            "the same ranking",
        ),
        (
            "Latvia chose Swedish jets.",
            "Latvia picked French jets rather than Swedish ones.",
            None,
            "the draft ranks nothing",
        ),
    ],
)
def test_preference_reversed(draft: str, source: str, expected: tuple[str, str] | None, why: str) -> None:
    found = same.preference_reversed(mentioned(draft), mentioned(source), entities.load().label)
    assert found == expected, why

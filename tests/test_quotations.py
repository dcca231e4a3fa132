"""A quotation given to another speaker says otherwise: the same words of two or more, quoted in the
draft and in a source sentence, put in the mouths of different people. The quotation is its own
evidence that the two sentences report the same words, however differently the rest is worded.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import bundled_kind, checker_fixture, mentioned, verdict_rows

from factcheck import entities, same

SOURCE = """---
title: Baltic banking
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic banking

Swedbank's chief executive Anna Lindqvist focused on lending, warning that high rates and a strong
krona were holding back investment, and describing the economy as a "slow puncture", with some
firms struggling to pay.
"""

CASES = [
    (
        "Central bank governor Mikael Berg described the Swedish economy as a 'slow puncture'.",
        "conflicting",
        "the source gives the words to Anna Lindqvist",
    ),
    (
        "Anna Lindqvist described the economy as a 'slow puncture'.",
        "supported",
        "the same speaker",
    ),
]


checker = checker_fixture("banking", SOURCE)

test_verdict = verdict_rows(CASES)


@pytest.mark.parametrize(
    ("draft", "source", "expected", "why"),
    [
        (
            "Mikael Berg called it a 'slow puncture'.",
            'Anna Lindqvist called it a "slow puncture".',
            True,
            "two people",
        ),
        (
            "Anna Lindqvist called it a 'slow puncture'.",
            'Anna Lindqvist called it a "slow puncture".',
            False,
            "one",
        ),
        ("Mikael Berg called it a 'puncture'.", 'Anna Lindqvist called it a "puncture".', False, "one word"),
        ("The bank's economy is slow.", 'Anna Lindqvist called it a "slow puncture".', False, "no quotation"),
    ],
)
def test_quoted_elsewhere(draft: str, source: str, expected: bool, why: str) -> None:
    speaker = same.quoted_elsewhere(mentioned(draft), mentioned(source), bundled_kind, entities.load().label)
    assert bool(speaker) is expected, why

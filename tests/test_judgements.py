"""A sentence that judges, advises or speculates ("would do well to", "it seems likely") states no
fact of its own: a figure in it is reported only when a source speaks to it, supported or
contradicted; one that no source speaks to is part of the judgement, and the sentence gives no finding.
A modal alone ("would be 27 metres deep") describes a plan as often as it weighs a case: its figure stays.
A judgement someone is reported to have made ("told shipowners the quota may ultimately be cut") is a
fact about what they said, and a claim.

Rows are sentences of our own writing against a source of our own, each with its verdict ("none" for
no finding) and reason."""

from __future__ import annotations

import pytest
from rivers import checker_fixture, worst

from factcheck.check import Checker

SOURCE = """---
title: Baltic ferries
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Baltic ferries

The Riga-Stockholm ferry line carried 410,000 passengers in 2024.

In March the Riga port authority told shipowners that the ferry quota may ultimately be cut.

The Latvian ministry has declined to publish a date for meeting the 18-week ferry safety standard.
"""

CASES = [
    (
        "Riga would do well to spend its EUR 40 million port windfall on new ferries.",
        "none",
        "advice: a figure no source gives is part of the advice",
    ),
    (
        "It seems likely that the 2030 ferry quota will be cut before long.",
        "none",
        "speculation about a target no source gives",
    ),
    (
        "With 410,000 passengers in 2024, the Riga-Stockholm line would do well to add a second ship.",
        "supported",
        "advice around a figure a source gives: the figure is still checked",
    ),
    (
        "With 510,000 passengers in 2024, the Riga-Stockholm line would do well to add a second ship.",
        "conflicting",
        "and a wrong figure inside advice is still a wrong figure",
    ),
    (
        "The Riga-Stockholm ferry line carried 52,000 cars in 2024.",
        "unsupported",
        "a report, not a judgement: a figure no source gives stays unsupported",
    ),
    (
        "The planned Valga ferry terminal would be 27 metres deep.",
        "unsupported",
        "a modal alone describes a plan: its figure is still a claim",
    ),
    (
        "The Riga port authority told shipowners the ferry quota may ultimately be cut.",
        "supported",
        "a judgement someone is reported to have made is a fact about what they said",
    ),
    (
        "Latvian ministers ought to publish a firm date for meeting the 18-week ferry safety standard.",
        "none",
        "advice set against what the ministry did: its figure agrees, only the advice's words differ",
    ),
]

checker = checker_fixture("ferries", SOURCE)


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(checker: Checker, sentence: str, expected: str, why: str) -> None:
    got = worst(checker, sentence)
    assert (got.value if got else "none") == expected, why

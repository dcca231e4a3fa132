"""A sentence worded like its source but with another name of the same kind in one place says
otherwise, even when its figure or date is right: "the capital of Dagestan" where the source has "the
capital of Buryatia". The sentences are aligned word by word; the replaced stretch
must be short, sit between shared words, not be one item of a list, and hold a name the draft uses
nowhere else.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import bundled_kind, checker_fixture, mentioned, verdict_rows

from factcheck import entities, same

SOURCE = """---
title: Baltic fairs
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic fairs

A visitor tries a robot at the second Amber Trade Fair, held in June 2021 in Ulan-Ude, the capital of
Buryatia.

In 2019, the Finnish government declared the Saimaa canal a national priority, and the Swedish
government's 2020 review called it a risk.

Estonian firms such as Elering and Eesti Energia built the 650 MW link in 2014.
"""

CASES = [
    (
        "The second Amber Trade Fair took place in June 2021 in Ulan-Ude, the capital of Dagestan.",
        "conflicting",
        "the source puts Ulan-Ude in Buryatia",
    ),
    (
        "The second Amber Trade Fair took place in June 2021 in Ulan-Ude, the capital of Buryatia.",
        "supported",
        "the same names in the same places",
    ),
    (
        "It was the Swedish government that declared the Saimaa canal a national priority in 2019.",
        "conflicting",
        "the source's 2019 declaration is Finland's; Sweden's is another act",
    ),
    (
        "Estonian firms such as Elering and Enefit built the 650 MW link in 2014.",
        "supported",
        "one item of a list of examples: not a substitution",
    ),
]


checker = checker_fixture("fairs", SOURCE)

test_verdict = verdict_rows(CASES)


@pytest.mark.parametrize(
    ("draft", "source", "expected", "why"),
    [
        (
            "Exports to Kazakhstan rose in 2019.",
            "Exports to Uzbekistan rose in 2019.",
            ("KZ", "UZ"),
            "a country",
        ),
        ("Exports to Kazakhstan rose in 2019.", "Exports to Kazakhstan rose in 2019.", None, "the same"),
        (
            "Kazakhstan and Kyrgyzstan joined in 2015.",
            "Uzbekistan and Kyrgyzstan joined in 2015.",
            None,
            "one item of a list",
        ),
        (
            "Exports to Kazakhstan rose in 2019.",
            "Exports to Uzbekistan and Kazakhstan rose in 2019.",
            None,
            "the draft's name is the source's too",
        ),
    ],
)
def test_substitution(draft: str, source: str, expected: tuple[str, str] | None, why: str) -> None:
    found = same.substitution(mentioned(draft), mentioned(source), bundled_kind, entities.load().label)
    assert found == expected, why

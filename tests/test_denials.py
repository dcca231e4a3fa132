"""A sentence that denies what its source affirms says the opposite, also when its figure or date is
the source's own: "did not ratify the treaty in 2019" against "ratified the treaty in 2019". A negation
denies the few content words right after it; a name, a figure or a bound ends what it denies ("not
Latvia", "no more than 5%"), and the affirmed word must be the claim's own, not a heading's.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import checker_fixture, verdict_rows

from factcheck import rules

SOURCE = """---
title: Baltic grids
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic grids

The Estonian parliament ratified the Narva grid treaty in March 2019.

Lithuania and Poland have no joint storage fund but have shared a power line since 2015.

The 2021 budget law authorized, but did not appropriate, EUR 40 million for grid research.

Regional targets: Latvia spent 3% of its energy budget on cable repairs in 2022.

Latvia is one of two states that have failed to meet the repair target.

Elering announced that Estonia and Finland had signed a binding memorandum on the third Estlink
cable, although the two grids have reportedly not yet agreed on its route.

Under the rule, importers must prove that Latvian timber was not cut in forests cleared after 31
December 2020.
"""

CASES = [
    (
        "Elering said Estonia and Finland had signed a binding memorandum on building the third Estlink"
        " cable.",
        "supported",
        "the source's negation denies 'agreed', a word the draft does not use",
    ),
    (
        "Estonia and Finland have agreed on the route of the third Estlink cable.",
        "conflicting",
        "the source denies 'agreed', which the draft affirms",
    ),
    (
        "The Estonian parliament did not ratify the Narva grid treaty until March 2019.",
        "supported",
        "'not ... until' dates the act, it does not deny it",
    ),
    (
        "The Estonian parliament never ratified the Narva grid treaty it signed in March 2019.",
        "conflicting",
        "the draft denies the ratification the source reports",
    ),
    (
        "Lithuania and Poland set up a joint storage fund in 2015.",
        "conflicting",
        "the source says they have no joint storage fund",
    ),
    (
        "The 2021 budget law both authorized and appropriated EUR 40 million for grid research.",
        "conflicting",
        "the source says the law did not appropriate the money",
    ),
    (
        "The 2021 budget law authorized EUR 40 million for grid research.",
        "supported",
        "the draft affirms only what the source affirms",
    ),
    (
        "Latvia, which has not met the repair target, spent 3% of its energy budget on repairs in 2022.",
        "supported",
        "'meet' is affirmed only in the heading run into the source sentence, not in its figure's words",
    ),
    (
        "Latvian timber must come from forests that have not been cleared since the end of 2020.",
        "supported",
        "the source's 'cleared' stands in the clause of its own 'not': it affirms no clearing",
    ),
]


checker = checker_fixture("grids", SOURCE)

test_verdict = verdict_rows(CASES)


@pytest.mark.parametrize(
    ("text", "denied", "why"),
    [
        ("The act did not appropriate the money.", {"appropriat"}, "a verb after 'did not'"),
        ("The states have no joint storage fund.", {"joint", "storag", "invest"}, "after no; fund is invest"),
        ("Kyrgyzstan is not yet a member.", {"memb"}, "function words are passed over"),
        ("Riga, not Tallinn, won the bid.", set(), "a name after 'not' contrasts"),
        ("Exports rose 5%, not the 7% forecast.", set(), "a figure ends the denial"),
        ("The deal covers not only gas but also oil.", set(), "'not only' stresses"),
        ("The treaty was not signed until 2019.", set(), "'not ... until' dates the act"),
        ("Prices did not rise in May but rose in June.", set(), "a word also affirmed is not denied"),
    ],
)
def test_denied_words(text: str, denied: set[str], why: str) -> None:
    assert {t for t, _ in rules.denials(text).denied} == denied, why


@pytest.mark.parametrize(
    ("text", "word", "affirmed", "why"),
    [
        ("The timber was not cut in forests cleared after 2020.", "clear", False, "in the negation's clause"),
        ("The timber was not cut, and forests were cleared in 2020.", "clear", True, "a clause of its own"),
        ("Prices did not rise in May but rose in June.", "increase", True, "'but' opens another clause"),
    ],
)
def test_a_negation_affirms_nothing_in_its_clause(text: str, word: str, affirmed: bool, why: str) -> None:
    assert (word in rules.denials(text).affirmed) is affirmed, why

"""A date in a sentence of several dates dates the event whose words stand with it: its own piece,
the pieces a bare comma or "and" joins to it, and, for a date that opens the sentence ("In 2011,
..."), the clause it opens. A draft that gives one event the other's date conflicts; a draft that
dates the event right is supported, whatever other dates the sentence holds.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, checker_fixture, verdict_rows, worst

from factcheck.check import Checker
from factcheck.model import Verdict

SOURCE = """---
title: North Atlantic fisheries
author: Test Writer
publisher: Example Sea Institute
date: 2025-03-01
---

# North Atlantic fisheries

The treaty between Norway and Iceland on herring quotas was signed in 2009; the first joint
survey of the stock did not start until 2014.

In 2011, Iceland proposed a registry of wild salmon, and the registry was approved by ministers
from Norway and the Faroe Islands on 3 May 2016.

The Westfjord hatchery bred its first million smolts in 2012 and won international certification in late 2015.
"""

CASES = [
    ("The Norway-Iceland treaty on herring quotas was signed in 2009.", "supported", "the treaty's own date"),
    (
        "The Norway-Iceland treaty on herring quotas was signed in 2014.",
        "conflicting",
        "the survey's date given to the treaty, across a semicolon",
    ),
    (
        "Ministers from Norway and the Faroe Islands approved the salmon registry on 3 May 2016.",
        "supported",
        "the approval's date; the 'and' between two names does not cut its words off",
    ),
    (
        "The Westfjord hatchery bred its first million smolts in 2015.",
        "conflicting",
        "the certification's date given to the first smolts, across 'and'",
    ),
    (
        "The Westfjord hatchery won international certification in 2015.",
        "supported",
        "the certification's own date",
    ),
]


checker = checker_fixture("fisheries", SOURCE)

test_verdict = verdict_rows(CASES)


def test_a_fronted_date_takes_the_clause_it_opens(checker: Checker) -> None:
    """ "In 2011, Iceland proposed ..., and ... approved ... on 3 May 2016": 2011's words are the
    proposal's, 3 May 2016's the approval's."""
    from factcheck.extract import extract
    from factcheck.reader import parse

    text = (
        "In 2011, Iceland proposed a registry of wild salmon, and the registry was approved by"
        " ministers from Norway on 3 May 2016."
    )
    claims = {
        c.date.text: set(c.terms) for c in extract(parse(text, "d.md", markdown=True), checker.gaz) if c.date
    }
    assert {"propos", "registry"} <= claims["2011"] and "approv" not in claims["2011"]
    assert {"approv", "minist"} <= claims["3 May 2016"] and "propos" not in claims["3 May 2016"]


# A year shared by chance: the source's sentence with the draft's act gives it another date.
YARD = """# Riga shipyards

The Daugava Marine yard, established in 2009, builds ferries for the Baltic routes and employs
welders trained in Liepaja.

Daugava Marine's chairman joined the minister's trade mission to Oslo in March 2013 to sell ferries.
"""

yard = checker_fixture("yard", YARD)


@pytest.mark.parametrize(
    ("sentence", "supported", "why"),
    [
        ("Daugava Marine was set up in 2009.", True, "the founding's own date"),
        (
            "Daugava Marine was set up in 2013.",
            False,
            "2013 is the trade mission's year; the sentence with the founding gives 2009",
        ),
    ],
)
def test_a_year_of_another_act_does_not_bear_the_date_out(
    yard: Checker, sentence: str, supported: bool, why: str
) -> None:
    assert (worst(yard, sentence) is Verdict.SUPPORTED) is supported, why


# An act's date beside the target it set: the target is no answer to the act's date.
SURVEY = """# Seabed surveys

A programme to map the Baltic seabed was launched in 1994 with a target date of 2010, and its
survey ships charted most of the Gulf of Riga within a decade.

Coastal erosion studies were expanded in 2001 to cover the Curonian Spit.
"""

survey = checker_fixture("survey", SURVEY)

TARGET_CASES = [
    ("The Baltic seabed-mapping programme was launched in 1994.", "supported", "the act's own date"),
    (
        "The Baltic seabed-mapping programme was launched in 1996.",
        "conflicting",
        "another year for the launch, in the source's words",
    ),
    (
        "The ambitious Baltic seabed mapping effort was initiated in 1996.",
        "conflicting",
        "worded apart, still the launch's year: the sentence's other date is its target, no second answer",
    ),
    ("The programme to map the Baltic seabed aimed to finish by 2010.", "supported", "the target itself"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), TARGET_CASES)
def test_a_target_beside_an_act_is_not_its_date(
    survey: Checker, sentence: str, expected: str, why: str
) -> None:
    assert_verdict(survey, sentence, expected, why)


# A range of days in a sentence that also gives seasons: the days answer the draft's days.
BAN = """# Grain

Latvian imports of Russian grain fell to 0.9 million tonnes in 2023/24 from 1.4 million tonnes in
2022/23, after Riga banned grain imports from 21 June to 15 October 2024 to support its farmers.
"""

ban = checker_fixture("ban", BAN)


@pytest.mark.parametrize(
    ("sentence", "supported", "why"),
    [
        (
            "Latvia suspended grain imports from 21 June to 15 October 2024 to protect its farmers.",
            True,
            "the range's days, the first taking the year of the second",
        ),
        (
            "Latvia suspended grain imports from 21 June to 15 October 2023 to protect its farmers.",
            False,
            "another year: '15 October 2024' answers the draft's day, not the season 2022/23 beside it",
        ),
    ],
)
def test_days_are_answered_by_days(ban: Checker, sentence: str, supported: bool, why: str) -> None:
    assert (worst(ban, sentence) is Verdict.SUPPORTED) is supported, why


PACT = """# Ferries

The ferry pact, signed in Tallinn on 22 July 2022 by Latvia and Estonia in separate agreements with
Finland, allowed 30 ferries to cross the gulf each week.

Riga later said the pact had failed its ports.
"""

pact = checker_fixture("pact", PACT)

PACT_CASES = [
    (
        "Riga quit the Tallinn ferry pact on 17 July 2023, just days short of a year after it had been"
        " signed.",
        "unsupported",
        "the source's date is the signing's, which the draft names without dating it",
    ),
    ("The Tallinn ferry pact was signed on 17 July 2022.", "conflicting", "the signing given another day"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), PACT_CASES)
def test_a_date_of_another_act_is_no_answer(pact: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(pact, sentence, expected, why)

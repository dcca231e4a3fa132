"""A draft sentence often joins two neighbouring source sentences: "fell from 3.2 per 10,000 in
2001-05 to 1.1 per 10,000 by 2012" where the source gives the first figure in one sentence and "By
2012 the rate had dropped to 1.1 per 10,000" in the next. A source figure that bears the draft's out is then
aligned with the words of its sentence and its neighbour's, for support only: a sentence that gives
the draft's measure another figure still contradicts it on its own.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, checker_fixture, source_checker, verdict_rows

from factcheck import same, verdict
from factcheck.check import Checker
from factcheck.config import Config
from factcheck.extract import extract
from factcheck.reader import parse

SOURCE = """---
title: Baltic health
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic health

Although outbreaks of cholera kept recurring along the coast of Lower Saxony, vaccination drives
went on and had some effect. Between 2001 and 2005, cholera incidence in Lower Saxony was 3.2 per
10,000 people. By 2012 the rate had dropped to 1.1 per 10,000.

Typhus incidence in Lower Saxony was 0.4 per 10,000 people in 2005, and measles incidence 2.7 per
10,000 people.

Cholera vaccination in Lower Saxony reached 80 percent of children by 2010.

Fleets from Norway land approximately 61 percent of the salmon sold in Europe. They land 12 percent
of Europe's cod, a modest share of the white-fish trade.
"""

CASES = [
    (
        "Cholera incidence in Lower Saxony fell from 3.2 per 10,000 people in 2001-05 to 1.1 per 10,000"
        " by 2012.",
        "supported",
        "each figure in its own sentence, the second worded apart from the draft",
    ),
    (
        "Cholera incidence in Lower Saxony fell to 1.1 per 10,000 people by 2012, from 3.2 per 10,000"
        " in 2001-05.",
        "supported",
        "the same, the other way round",
    ),
    (
        "Cholera incidence in Lower Saxony fell from 3.2 per 10,000 people in 2001-05 to 1.6 per 10,000"
        " by 2012.",
        "unsupported",
        "the second figure is not the source's; two sentences never make a contradiction",
    ),
    (
        "Norwegian fleets land roughly 61% of the cod sold in Europe's white-fish trade.",
        "conflicting",
        "61 percent is the salmon's: the next sentence gives the cod 12 percent",
    ),
]


checker = checker_fixture("health", SOURCE)

test_verdict = verdict_rows(CASES)


# A figure's sentence that points back ("this venture") to a list item naming what the draft names.
POINTING = """# Nordic industry

- In 2022 Finland's Wartsila Marine opened an engine plant in Vaasa.
- According to the trade press, the Finnish government is backing this venture with a grant of 95
  million euros.
"""

POINTING_CASES = [
    (
        "Helsinki is backing the Vaasa engine plant Wartsila Marine opened in 2022 with a EUR 95 million"
        " grant.",
        "supported",
        "the figure's sentence says 'this venture'; the list item before it names the company and plant",
    ),
    (
        "Helsinki is backing the Vaasa engine plant Wartsila Marine opened in 2022 with a EUR 59 million"
        " grant.",
        "unsupported",
        "another figure: two sentences only ever support",
    ),
]


@pytest.fixture(scope="module")
def pointing(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "pointing", POINTING)


@pytest.mark.parametrize(("sentence", "expected", "why"), POINTING_CASES)
def test_neighbour_names_the_subject(pointing: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(pointing, sentence, expected, why)


INVESTMENT = """# Baltic investment

Between 2021 and 2023, Finnish manufacturers pledged about EUR 2.4 billion for plants in Tartu.
National figures tell a smaller story: the statistics office recorded only EUR 0.9 billion of
Finnish direct investment in Estonia in 2023.
"""


@pytest.fixture(scope="module")
def investment(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "investment", INVESTMENT)


def test_a_neighbour_with_another_value_does_not_complete_the_support(investment: Checker) -> None:
    """The sentence next to the agreeing figure gives the draft's measure another value: it may be
    the draft's own statement with another figure, so it cannot join the support."""
    draft = next(
        c
        for c in extract(
            parse("Finnish direct investment in Estonia was EUR 2.4 billion.", "d.md", markdown=True),
            investment.gaz,
        )
        if c.quantity is not None
    )
    comps = [
        same.compare(draft, cand, investment.index.idf, investment.kind_of, investment.gaz.label, 0.1)
        for cand in investment.index.candidates(draft)
    ]
    office = next(c.candidate.claim for c in comps if "statistics office" in c.candidate.claim.quote)
    pledges = next(c.candidate.claim for c in comps if "pledged" in c.candidate.claim.quote)
    assert verdict._answers_otherwise(draft, office, comps), "EUR 0.9 billion answers the draft otherwise"
    assert not verdict._answers_otherwise(draft, pledges, comps), "the agreeing sentence itself does not"


FERRY = """# Ferries

Nordbalt's second ferry, the Aurora, was lost off Gotland on 6 June 2025 after its pumps failed on
the crossing from Visby. The Tallinn-listed company's shares fell 17% on the next trading day,
although it said it would order a third, larger ferry from its Polish yard for delivery in 2027.
"""


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "ferry", FERRY)


def test_a_figure_turned_the_other_way_is_no_support(ferry: Checker) -> None:
    assert_verdict(
        ferry,
        "Shares in Nordbalt jumped 17% on the first trading day after its Aurora ferry was lost.",
        "unsupported",
        "the source's 17% is a fall: the neighbour's names do not make it bear out a jump, and two"
        " sentences never make a contradiction",
    )


AUCTIONS = """# Auctions

In October 2019 Nordbalt won the first Latvian solar tender, for a 100 MW plant near Liepaja, with a
bid of 2.679 cents per kilowatt-hour. A second round in 2021 awarded 897 MW across three regions;
winning tariffs ranged from 1.79 to 1.82 cents per kilowatt-hour.
"""


@pytest.fixture(scope="module")
def auctions(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "auctions", AUCTIONS)


def test_a_range_is_never_borne_out_by_a_neighbours_figure(auctions: Checker) -> None:
    """A neighbour's single figure inside a draft's range (the 2019 bid of 2.679 cents, for a 2021
    range "from 1.79 to 2.679") proves nothing of the range: only its own statement can."""
    text = (
        "The 2021 round awarded 897 MW at winning tariffs ranging from 1.79 to 2.679 cents per kilowatt-hour."
    )
    draft = next(
        c
        for c in extract(parse(text, "d.md", markdown=True), auctions.gaz)
        if c.quantity is not None and c.quantity.high is not None
    )
    comps = [
        same.compare(draft, cand, auctions.index.idf, auctions.kind_of, auctions.gaz.label, 0.1)
        for cand in auctions.index.candidates(draft)
    ]
    assert verdict._across_sentences(draft, comps, Config(), auctions.names, auctions.index.idf) is None

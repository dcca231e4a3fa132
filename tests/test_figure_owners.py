"""Whose figure it is, and when: a parenthesis right after a figure names its owner ("3.1% (according
to Halyk Bank)") or its date ("28 GW (January 2016)"), and the items of a list of figures keep their
own actors. Sentences written for this test, each with its reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, checker_fixture

from factcheck.check import Checker
from factcheck.entities import load
from factcheck.extract import extract
from factcheck.reader import parse


def owners(text: str) -> dict[str, set[str]]:
    claims = extract(parse(text, "x.txt", markdown=False), load())
    return {c.quantity.text: set(c.entities) for c in claims if c.quantity is not None}


@pytest.mark.parametrize(
    ("text", "figure", "owner", "why"),
    [
        (
            "Growth forecasts for Kazakhstan range between 3.1% (according to Halyk Bank) and 4.2% "
            "(the World Bank's estimate).",
            "3.1%",
            "halyk-bank",
            "the bracket after the figure names who gives it",
        ),
        (
            "Growth forecasts for Kazakhstan range between 3.1% (according to Halyk Bank) and 4.2% "
            "(the World Bank's estimate).",
            "4.2%",
            "world-bank",
            "and the next figure's bracket its own owner",
        ),
    ],
)
def test_bracket_names_the_owner(text: str, figure: str, owner: str, why: str) -> None:
    assert owner in owners(text)[figure], why


def test_an_actor_is_not_inherited_by_the_next_item() -> None:
    """The second figure has an owner of its own (an actor), so it does not also take the first's."""
    found = owners(
        "Growth forecasts for Kazakhstan range between 3.1% (according to Halyk Bank) and 4.2% "
        "(the World Bank's estimate)."
    )
    assert "halyk-bank" not in found["4.2%"]


def test_a_bracket_with_a_figure_restates_rather_than_names() -> None:
    """ "EUR 2bn ($2.2bn)": a figure in the bracket is a conversion, not an owner."""
    found = owners("Kazakhstan borrowed EUR 2bn ($2.2bn) from Halyk Bank in 2020.")
    assert "EUR 2bn" in found


def periods(text: str) -> dict[str, tuple[int, int] | None]:
    claims = extract(parse(text, "x.txt", markdown=False), load())
    return {c.quantity.text: c.period for c in claims if c.quantity is not None}


@pytest.mark.parametrize(
    ("text", "figure", "years", "why"),
    [
        (
            "Peak demand in Norway was about 24 GW (winter 2021), and the record for Sweden is 28 GW "
            "(January 2016).",
            "28 GW",
            (2016, 2016),
            "the bracket after the figure dates it, not the sentence's first date",
        ),
        (
            "Peak demand in Norway was about 24 GW (winter 2021), and the record for Sweden is 28 GW "
            "(January 2016).",
            "about 24 GW",
            (2021, 2021),
            "and the first figure keeps its own",
        ),
    ],
)
def test_bracket_dates_the_figure(text: str, figure: str, years: tuple[int, int], why: str) -> None:
    assert periods(text)[figure] == years, why


@pytest.mark.parametrize(
    ("text", "figure", "years", "why"),
    [
        (
            "In 2019, Latvian timber exports rose 7 percent.",
            "7 percent",
            (2019, 2019),
            "a date the sentence opens with dates its figures",
        ),
        (
            "Latvian timber exports in 2019 rose 7 percent.",
            "7 percent",
            (2019, 2019),
            "so does a date in the figure's own words before it",
        ),
        (
            "Timber exports, according to the 2019 customs report, rose 7 percent.",
            "7 percent",
            (2019, 2019),
            "an aside that only says where the figure was read still dates it",
        ),
        (
            "Moreover, at the Tallinn summit of May 2022, the three states pledged 40 patrol boats.",
            "40",
            (2022, 2022),
            "an aside that only sets the time of the statement dates it",
        ),
        (
            "Both ports raised their throughput, from 12 to 19 and 8 to 11 million tonnes respectively "
            "between 2015 and 2020.",
            "12",
            (2015, 2020),
            "a run of figures followed by their years: the years are every figure's",
        ),
        (
            "The port of Liepaja (rebuilt in 2012) now handles 40 percent of Latvian grain exports.",
            "40 percent",
            None,
            "a date in a parenthesis before the figure dates the parenthesis' event",
        ),
        (
            "The Riga port authority, founded in 1991, now employs 1,200 people.",
            "1,200",
            None,
            "a date in an aside set off by commas dates the aside's own event, not the figure after it",
        ),
        (
            "Estonian amber exports more than doubled in 2024, to 7.5% of craft exports from 3.1%.",
            "3.1%",
            None,
            "the date before a change's start is when the change ends, not the start's period",
        ),
        (
            "In 2024 Latvia raised its grain duty to 30 percent from 25 percent.",
            "25 percent",
            None,
            "nor is a date the sentence opens with",
        ),
        (
            "Under a decree signed in February 2023, Latvia aims to install 3 GW of wind capacity by 2030"
            " (2 GW offshore and 1 GW onshore).",
            "2 GW",
            (2030, 2030),
            "figures in brackets break down the figure before them and share its years",
        ),
        (
            "Latvia installed 3 GW of wind capacity by 2030 (2 GW of it in 2024).",
            "2 GW",
            (2024, 2024),
            "unless the bracket dates them itself",
        ),
        (
            "In 2022, Latvian amber exports came to EUR 1.18 million, and in 2021 to EUR 664,000.",
            "EUR 1.18 million",
            (2022, 2022),
            "a date that opens the next piece ('and in 2021 to ...') dates that piece's figure",
        ),
        (
            "Between 2021 and 2024, the Latvian share rose from 13% to 38%.",
            "13%",
            (2021, 2024),
            "a span of years holds the whole change, its start included",
        ),
    ],
)
def test_a_date_of_another_event_does_not_date_the_figure(
    text: str, figure: str, years: tuple[int, int] | None, why: str
) -> None:
    assert periods(text)[figure] == years, why


@pytest.mark.parametrize(
    ("text", "figure", "owner", "why"),
    [
        (
            "Only Norway, at 41 percent, exported a larger share of its catch than Iceland did.",
            "41 percent",
            {"NO"},
            "a figure set off by commas after a name is that name's",
        ),
        (
            "Of the five states, Kazakhstan, with 14 percent, owes China least.",
            "14 percent",
            {"KZ"},
            "'with' sets it off too",
        ),
    ],
)
def test_figure_in_apposition(text: str, figure: str, owner: set[str], why: str) -> None:
    assert owners(text)[figure] == owner, why


SHARES = """# Rye

Latvia, the region's largest rye importer, bought 1.2 million tonnes of rye in 2023/24, of which
79 per cent came from Lithuania.

In 2024 alone, more than EUR 108 million was set aside for Riga, and EUR 319 million for the rest
of Latvia.
"""

shares = checker_fixture("shares", SHARES)


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "Nearly four-fifths of the 1.2 million tonnes of rye Latvia imported in 2023/24 came from"
            " Lithuania.",
            "supported",
            "the share is Lithuania's in the source, and the draft names Lithuania too: no other owner",
        ),
        (
            "In 2024 over EUR 108 million was set aside for Riga and EUR 319 million for the rest of Latvia.",
            "supported",
            "two sums, each with its own owner: the pairs are kept",
        ),
        (
            "In 2024 over EUR 319 million was set aside for Riga and EUR 108 million for the rest of Latvia.",
            "conflicting",
            "the two sums swapped between their owners",
        ),
    ],
)
def test_an_owner_the_draft_names_too_is_no_other_owner(
    shares: Checker, sentence: str, expected: str, why: str
) -> None:
    assert_verdict(shares, sentence, expected, why)

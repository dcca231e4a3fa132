"""What is not a claim, in both directions: sentences that hold no checkable figure give none, and
sentences that do are not dropped. Sentences written for this test, each with its reason."""

from __future__ import annotations

import pytest

from factcheck.entities import load
from factcheck.extract import extract
from factcheck.lang import table
from factcheck.reader import parse


def figures(text: str) -> list[str]:
    claims = extract(parse(text, "x.txt", markdown=False), load())
    return [c.quantity.text for c in claims if c.quantity is not None]


@pytest.mark.parametrize("entry", list(table("discourse_nouns")), ids=lambda e: e["words"][0])
def test_discourse_nouns(entry) -> None:  # type: ignore[no-untyped-def]
    for text in entry.match:
        assert not figures(text), (text, entry.why)
    for text in entry.reject:
        assert figures(text), (text, entry.why)


def values(text: str) -> list[str]:
    claims = extract(parse(text, "x.txt", markdown=False), load())
    return [(c.quantity or c.date).text for c in claims if c.quantity or c.date]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "claimed", "why"),
    [
        ("We estimate that the fund lent $3 billion in 2019.", True, "the authors' estimate is a claim"),
        ("Our calculations put the loss at 12 percent.", True, "the authors' own figure"),
        ("We found that 40 percent of firms had closed by 2021.", True, "a finding, first person or not"),
        ('"We will build 300 schools," the minister said in 2020.', True, "a quoted promise is reported"),
        ("We now turn to the 2019 budget.", False, "a signpost"),
        ("We recommend that the ministry hire 200 inspectors.", False, "advice, not a fact"),
        ("Our three proposals follow in section 4.", False, "the document's plan"),
        ("Let us first consider the 12 regional banks.", False, "a signpost"),
    ],
)
def test_first_person(text: str, claimed: bool, why: str) -> None:
    """First person is not by itself a sign of a sentence about the document (issue 9)."""
    assert bool(values(text)) is claimed, why


@pytest.mark.parametrize(
    ("text", "claimed", "why"),
    [
        ("Grain exports rose 42% in 2020 (see Figure 4).", True, "a fact, pointing to where it is shown"),
        ("As Table 2 shows, grain exports rose 42% in 2020.", True, "a fact; the table is where to look"),
        ("Table 2 lists the 12 largest ports.", False, "the document's table is the sentence's topic"),
        ("Section 3 turns to the 2019 budget.", False, "a signpost naming the document's part"),
        (
            "Latvian imports climbed to EUR 248 million in 2023, according to customs data analysed for"
            " this report.",
            True,
            "a fact, and the document it was read for",
        ),
        ("In this report we examine the 2023 port budgets.", False, "the document's plan, at the start"),
        ("For the purposes of this note, a port has 12 berths.", False, "the document's own terms"),
    ],
)
def test_pointers_to_document_parts(text: str, claimed: bool, why: str) -> None:
    """A sentence that points to a figure or table of the document still states its fact (issue 9)."""
    assert bool(values(text)) is claimed, why


@pytest.mark.parametrize(
    ("text", "found", "why"),
    [
        ("Grain exports rose 42% in 2020 (see Figure 4).", ["42%", "2020"], "a figure's label is no figure"),
        ("As section 3.2 shows, exports rose 42%.", ["42%"], "a section's number is no figure"),
        (
            "Exports rose 42% in 2020 (Smith, 2021, p. 12).",
            ["42%", "2020"],
            "an inline citation's year and page",
        ),
        ("Exports grew 5% (Lee and Park, 2019).", ["5%"], "two authors and a year"),
        ("The peak was 52 GW (September 2022).", ["52 GW", "September 2022"], "a date in brackets is a date"),
    ],
)
def test_references_are_not_values(text: str, found: list[str], why: str) -> None:
    assert values(text) == found, why


@pytest.mark.parametrize(
    ("text", "claimed", "why"),
    [
        (
            "A currency swap line is an arrangement under which two central banks exchange currencies.",
            False,
            "a definition of a kind of thing, its count included",
        ),
        ("A Latvian firm is building two ferries for the Riga line.", True, "what one firm does"),
        ("The swap line is worth EUR 2 billion, the bank said in 2023.", True, "a particular line"),
    ],
)
def test_definitions(text: str, claimed: bool, why: str) -> None:
    assert bool(values(text)) is claimed, why

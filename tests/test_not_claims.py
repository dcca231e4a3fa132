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

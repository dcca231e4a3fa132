"""Acronyms linked to the names whose initials they are, on both sides: a draft's acronym to the
name a source spells out, and a draft's full name to the acronym a source uses, even when nobody
writes the two together ("the Boston Consulting Group (BCG)")."""

from __future__ import annotations

import pytest
from gazetteers import entity_of, gazetteer_of

from factcheck import entities
from factcheck.reader import parse

ROWS = [
    # (sources, source sentence, its name, draft sentence, the draft's name, linked?, why)
    (
        ["A study by the Boston Consulting Group put the cost at $3 billion."],
        "A study by the Boston Consulting Group put the cost at $3 billion.",
        "Boston Consulting Group",
        "A report by BCG put the cost at $3 billion.",
        "BCG",
        True,
        "initials of the capitalised words of a name the source spells out",
    ),
    (
        ["Grants from the Centre for Maritime and Port Studies rose to $2 million."],
        "Grants from the Centre for Maritime and Port Studies rose to $2 million.",
        "Centre for Maritime and Port Studies",
        "Grants from CMPS rose to $2 million.",
        "CMPS",
        True,
        "particles (for, and) have no letter in an acronym",
    ),
    (
        ["Funding for the NLWA rose to $5 million in 2021."],
        "Funding for the NLWA rose to $5 million in 2021.",
        "NLWA",
        "Funding for the Northern Lakes Water Authority rose to $5 million.",
        "Northern Lakes Water Authority",
        True,
        "the other way: the draft spells out what the source only abbreviates",
    ),
    (
        [
            "The Northern Lakes Water Authority was founded in 1990.",
            "The National League of Wine Artisans was founded in 1990.",
        ],
        "The Northern Lakes Water Authority was founded in 1990.",
        "Northern Lakes Water Authority",
        "The NLWA was founded in 1990.",
        "NLWA",
        False,
        "two names with the same initials: the acronym could be either, so it is neither",
    ),
    (
        ["Exports from the Port of Marlow rose in 2020."],
        "Exports from the Port of Marlow rose in 2020.",
        "Port of Marlow",
        "Exports from PM rose in 2020.",
        "PM",
        False,
        "two letters are too often something else (a time, a prime minister)",
    ),
]


@pytest.mark.parametrize(
    ("sources", "src_text", "src_name", "draft", "draft_name", "linked", "why"),
    ROWS,
    ids=[r[-1][:50] for r in ROWS],
)
def test_acronyms_link(
    sources: list[str], src_text: str, src_name: str, draft: str, draft_name: str, linked: bool, why: str
) -> None:
    gaz = gazetteer_of(sources)
    src, mine = entity_of(src_text, src_name, gaz), entity_of(draft, draft_name, gaz)
    assert src is not None, f"{src_name!r} not found in the source"
    assert (mine == src) is linked, f"{why}: draft {mine!r}, source {src!r}"


INITIALS = [
    ("Stockholm International Peace Research Institute", "SIPRI", "every word capitalised"),
    ("Organisation for Economic Co-operation and Development", "OECD", "a hyphenated word is one letter"),
    ("Asia-Pacific Economic Cooperation", "APEC", "or each part of it its own letter"),
    ("Centre for Strategic and International Studies", "CSIS", "particles skipped"),
]


@pytest.mark.parametrize(("name", "acronym", "why"), INITIALS, ids=[r[1] for r in INITIALS])
def test_acronyms_of_a_name(name: str, acronym: str, why: str) -> None:
    assert acronym in entities.acronyms(name), why


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("CPC Central Committee", "a name with an acronym in it is not abbreviated again"),
        ("CENTRAL ASIA INITIATIVE", "a heading in capitals is no name to abbreviate"),
        ("Kenya", "one word has no initials"),
    ],
)
def test_no_acronym(name: str, why: str) -> None:
    assert not entities.acronyms(name), why


def test_discovered_names_carry_their_acronyms() -> None:
    """The store's names list says which acronym stands for which name, so a reader can check it."""
    docs = [
        parse(
            "Analysts at the Boston Consulting Group said so. Later BCG said more.", "s.txt", markdown=False
        )
    ]
    found = dict(entities.discover_names(docs, entities.load()))
    assert found["Boston Consulting Group"] == ("BCG",)
    assert "BCG" not in found  # the acronym names the long name, not something of its own

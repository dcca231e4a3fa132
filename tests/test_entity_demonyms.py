"""Countries named through their people and their possessions: demonyms and their plurals,
possessives, and the names of things that merely contain a country's name ("Kenya Airways")."""

from __future__ import annotations

import pytest

from factcheck import entities

GAZ = entities.load()


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in entities.find(text, GAZ)]


ROWS = [
    ("Brazilians bought 12% more cars in 2020.", [("Brazilians", "BR")], "a demonym's plural"),
    ("Argentines saved 8% of their income.", [("Argentines", "AR")], "-ine takes an s"),
    ("The Chinese bought 40% of the output.", [("Chinese", "CN")], "a demonym in -ese is its own plural"),
    ("Imports by Afghans fell by a third.", [("Afghans", "AF")], "-an takes an s"),
    ("Kazakhstan's exports rose 5%.", [("Kazakhstan", "KZ")], "a possessive names the country"),
    (
        "Kenya Airways carried 5 million passengers.",
        [("Kenya Airways", "name:Kenya Airways")],
        "a country's name before a head noun names a firm, not the country",
    ),
    (
        "Kenya Airways' fleet grew by 4 aircraft.",
        [("Kenya Airways", "name:Kenya Airways")],
        "a plural possessive keeps its s: the name is Airways, not Airway",
    ),
    (
        "China Merchants Holdings bought the port for $1 billion.",
        [("China Merchants Holdings", "name:China Merchants Holdings")],
        "'Holdings' ends in s and is a head noun all the same",
    ),
    (
        "The EU-Chile Association Agreement cut tariffs by 90%.",
        [
            ("EU-Chile Association Agreement", "name:EU-Chile Association Agreement"),
            ("EU", "eu"),
            ("Chile", "CL"),
        ],
        "an agreement keeps its parties: it is about them",
    ),
    (
        "Yunnan Province exported $2 billion.",
        [("Yunnan", "yunnan")],
        "a province is the region it names: no new entity",
    ),
]


@pytest.mark.parametrize(("text", "expected", "why"), ROWS, ids=[r[2][:50] for r in ROWS])
def test_demonyms_and_possessives(text: str, expected: list[tuple[str, str]], why: str) -> None:
    assert sorted(_found(text)) == sorted(expected), why


POSSESSIVES = [
    ("Kazakhstan's", "Kazakhstan", "'s is the possessive"),
    ("Airways'", "Airways", "an apostrophe after a plural s"),
    ("Airways", "Airways", 'a final s is part of the word (the old rstrip("\'s") made it Airway)'),
    ("Holdings", "Holdings", "likewise"),
    ("Xi\u2019s", "Xi", "a curly apostrophe"),
]


@pytest.mark.parametrize(("word", "expected", "why"), POSSESSIVES, ids=[r[0] for r in POSSESSIVES])
def test_possessive(word: str, expected: str, why: str) -> None:
    assert entities.possessive(word) == expected, why

"""When two claims are about the same thing: entities named differently, and the evidence a
contradiction shows (issue 9). Sentences of our own writing against `rivers.SOURCE`."""

from __future__ import annotations

import pytest

from factcheck import same
from factcheck.check import Checker
from factcheck.model import Verdict
from factcheck.reader import parse

# (name a, name b, same entity?, reason)
ENTITIES = [
    ("name:Akkuyu", "name:Akkuyu Nuclear Plant", True, "a short form holds the long one's words"),
    ("name:Fernandez", "name:Alberto Fernandez", True, "a surname alone"),
    ("name:TEL", "name:Tokyo Electron Limited", True, "initials"),
    ("name:Gaddafi", "name:Qadhafi", False, "too far apart to call one spelling without a table"),
    ("name:Westinghouse", "name:Framatome", False, "two companies"),
    ("name:Pohl", "name:Poll", False, "a consonant's h is dropped, but l and h are other letters"),
    ("name:Lev", "name:Lyev", False, "a y is an i, not nothing"),
    ("name:Fil", "name:Phill", True, "ph is f and a doubled letter is one: the same short name"),
    ("name:Petrov", "name:Pavlov", False, "two surnames"),
    ("name:Paks", "name:Pakistan Steel", False, "a word is not a prefix of another"),
    ("name:Sovietisation", "name:Sovietized", True, "one word's derivations are no two names"),
    ("name:Westernization", "name:Westernised", True, "the same, with the other spelling"),
    ("name:Gazprom", "name:Rosneft", False, "two companies share no stem"),
]


@pytest.mark.parametrize(("a", "b", "expected", "why"), ENTITIES, ids=[e[3] for e in ENTITIES])
def test_same_entity(a: str, b: str, expected: bool, why: str) -> None:
    def label(e: str) -> str:
        return e.removeprefix("name:")

    assert same.same_entity(a, b, label) is expected, why
    assert same.same_entity(b, a, label) is expected, why


def test_every_verdict_names_why_it_differs(rivers_checker: Checker) -> None:
    """A contradiction says what the source says instead, with the source's words as evidence."""
    report = rivers_checker.check_document(
        parse("The Danube fleet carried 45 million tonnes of cargo in 2021.", "d.md", markdown=True)
    )
    conflicting = [f for f in report.findings if f.verdict is Verdict.CONFLICTING]
    assert conflicting and "41 million" in conflicting[0].message
    assert "41 million tonnes" in conflicting[0].evidence[0].claim.quote

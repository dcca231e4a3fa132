"""Claims compared by what they state, not by how they are worded (issue 9).

One capability per table, each row a draft sentence of our own writing against a source written for
this test (fisheries and river ports, a subject far from the seeds), with the verdict and the reason.

- long sentences: attribution, settings and second clauses around a restated fact do not hide it;
- retrieval by value: a figure reworded around is still found through its number and year;
- the counterpart: in a source sentence of several figures the draft's is compared with its own;
- a contradiction only when subject, measure, unit and period align, otherwise unsupported.
"""

from __future__ import annotations

import pytest

from factcheck import same
from factcheck.check import Checker
from factcheck.config import Config
from factcheck.model import Verdict
from factcheck.reader import parse
from factcheck.store import build

SOURCE = """---
title: Rivers, ports and fish
author: Test Writer
publisher: Example River Institute
date: 2025-02-01
---

# Rivers, ports and fish

In 2021, the Danube fleet carried 41 million tonnes of cargo, of which 12 million tonnes was grain.

Portugal's sardine catch fell to 17,000 tonnes in 2020, a third of its level a decade earlier.

The Rhine authority approved the dredging plan in March 2019 after four years of talks.

Peru landed 5.3 million tonnes of anchovy in 2022, while Chile landed 2.1 million tonnes.

The river port of Vukovar handles 60 barges a week and employs 800 dockers.

Morocco signed a fisheries agreement with Senegal in 2018; Mauritania declined to join it.
"""

CASES = {
    "long sentences": [
        (
            "According to figures the river commission released in a statement on Tuesday, the Danube "
            "fleet carried 41 million tonnes of cargo in 2021, a record for the decade.",
            "supported",
            "attribution and a second clause around the same fact",
        ),
        (
            "Speaking at a conference in Lisbon, the minister said Portugal's sardine catch had fallen to "
            "17,000 tonnes in 2020.",
            "supported",
            "a setting and reported speech",
        ),
    ],
    "retrieval by value": [
        (
            "Grain made up 12 million tonnes of what Danube barges moved in 2021.",
            "supported",
            "few shared words; the number and the year find the sentence",
        ),
        (
            "Anchovy landings in Peru reached 5.3 million tonnes in 2022.",
            "supported",
            "the figure and the year lead to the source",
        ),
    ],
    "counterpart": [
        ("Chile landed 2.1 million tonnes of anchovy in 2022.", "supported", "the second figure is Chile's"),
        ("Chile landed 5.3 million tonnes of anchovy in 2022.", "conflicting", "Peru's figure given to Chile"),
        (
            "The Vukovar port employs 800 dockers and handles 60 barges a week.",
            "supported",
            "two counts in another order",
        ),
        (
            "Peru landed 2.1 million tonnes of anchovy in 2022, Chile 5.3 million tonnes.",
            "conflicting",
            "the two figures swapped",
        ),
    ],
    "conflicts need alignment": [
        ("The Danube fleet carried 45 million tonnes of cargo in 2021.", "conflicting", "same measure, other value"),
        (
            "The Danube fleet carried 45 million tonnes of cargo in 2015.",
            "unsupported",
            "another year: a period the source does not cover",
        ),
        (
            "The Rhine authority approved the dredging plan in March 2017.",
            "conflicting",
            "the date of the same event",
        ),
        (
            "The Elbe authority approved its own dredging plan in March 2017.",
            "unsupported",
            "another river: a subject the source does not speak of",
        ),
        (
            "Some 3 million tonnes of the fleet's cargo was coal in 2021.",
            "unsupported",
            "a part the source does not give is not a wrong total",
        ),
    ],
}
ROWS = [(cap, *row) for cap, rows in CASES.items() for row in rows]


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder = tmp_path_factory.mktemp("src")
    (folder / "rivers.md").write_text(SOURCE, encoding="utf-8")
    return Checker(build([folder]), Config())


def worst(checker: Checker, sentence: str) -> Verdict | None:
    found = [f.verdict for f in checker.check_document(parse(sentence, "d.md", markdown=True)).findings]
    order = [Verdict.SUPPORTED, Verdict.UNSUPPORTED, Verdict.CONFLICTING]
    return max(found, key=order.index) if found else None


@pytest.mark.parametrize(("capability", "sentence", "expected", "why"), ROWS, ids=[f"{r[0]}: {r[3]}" for r in ROWS])
def test_capability(checker: Checker, capability: str, sentence: str, expected: str, why: str) -> None:
    got = worst(checker, sentence)
    assert got is not None and got.value == expected, f"{capability} / {why}: {got}"


# (name a, name b, same entity?, reason)
ENTITIES = [
    ("name:Akkuyu", "name:Akkuyu Nuclear Plant", True, "a short form holds the long one's words"),
    ("name:Fernandez", "name:Alberto Fernandez", True, "a surname alone"),
    ("name:TEL", "name:Tokyo Electron Limited", True, "initials"),
    ("name:Gaddafi", "name:Qadhafi", False, "too far apart to call one spelling without a table"),
    ("name:Westinghouse", "name:Framatome", False, "two companies"),
    ("name:Paks", "name:Pakistan Steel", False, "a word is not a prefix of another"),
]


@pytest.mark.parametrize(("a", "b", "expected", "why"), ENTITIES, ids=[e[3] for e in ENTITIES])
def test_same_entity(a: str, b: str, expected: bool, why: str) -> None:
    def label(e: str) -> str:
        return e.removeprefix("name:")

    assert same.same_entity(a, b, label) is expected, why
    assert same.same_entity(b, a, label) is expected, why


def test_every_verdict_names_why_it_differs(checker: Checker) -> None:
    """A contradiction says what the source says instead, with the source's words as evidence."""
    report = checker.check_document(
        parse("The Danube fleet carried 45 million tonnes of cargo in 2021.", "d.md", markdown=True)
    )
    conflicting = [f for f in report.findings if f.verdict is Verdict.CONFLICTING]
    assert conflicting and "41 million" in conflicting[0].message
    assert "41 million tonnes" in conflicting[0].evidence[0].claim.quote

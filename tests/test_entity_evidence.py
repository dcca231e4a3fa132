"""A capitalised word is an actor only with evidence that it names one: not because it opens a
sentence, is a common noun written with a capital ("the Embassy"), or sits in a headline; and a
reporting outlet is the source of what a sentence reports, not its subject."""

from __future__ import annotations

import pytest

from factcheck import entities

GAZ = entities.load()


def _names(text: str) -> list[str]:
    """The unknown names found: what could become an actor nobody listed."""
    return [m.text for m in entities.find(text, GAZ) if m.kind == "name"]


NO_ACTOR = [
    ("The Embassy said trade rose 5% in 2020.", "a mission without its country is a description"),
    ("The Ministry announced a 10% cut.", "likewise a ministry"),
    ("At the Summit, leaders pledged $2 billion.", "an event's common noun"),
    ("The Commission fined the firm $3 million.", "a body's common noun"),
    ("Exports rose by 12% in 2021.", "the first word of a sentence is capitalised by rule"),
    ("Regional Trade Hub Opens New Terminal In Almaty", "a headline capitalises every word"),
    ("The Prime Minister said exports rose.", "a title alone is no one"),
    ("See Figure 4 for the breakdown by year.", "document furniture"),
]


@pytest.mark.parametrize(("text", "why"), NO_ACTOR, ids=[r[1][:40] for r in NO_ACTOR])
def test_no_actor_without_evidence(text: str, why: str) -> None:
    assert _names(text) == [], why


ACTOR = [
    ("The Lowy Institute said trade rose 5%.", "Lowy Institute", "a name with its head noun"),
    ("Exports to Tarkana rose by 12% in 2021.", "Tarkana", "a capital in mid-sentence"),
    (
        "The Regional Trade Hub opened a new terminal in Almaty.",
        "Regional Trade Hub",
        "a name in a sentence (not a headline) keeps its capitals",
    ),
]


@pytest.mark.parametrize(("text", "name", "why"), ACTOR, ids=[r[2][:40] for r in ACTOR])
def test_actor_with_evidence(text: str, name: str, why: str) -> None:
    assert name in _names(text), why


OUTLETS = [
    ("Reuters reported that Kenya's exports rose 5%.", "Reuters", "a wire service that reports"),
    ("According to Bloomberg, the deal was worth $2 billion.", "Bloomberg", "'according to' an outlet"),
    ("Exports rose 5%, the minister told the Financial Times.", "Financial Times", "a paper told"),
]


@pytest.mark.parametrize(("text", "outlet", "why"), OUTLETS, ids=[r[2][:40] for r in OUTLETS])
def test_outlets_are_marked(text: str, outlet: str, why: str) -> None:
    found = {m.text: m.kind for m in entities.find(text, GAZ)}
    assert found.get(outlet) == "outlet", f"{why}: {found}"
    assert outlet not in _names(text)


def test_an_outlet_inside_a_longer_name_is_that_name() -> None:
    """ "Reuters Institute" is a research body with a name of its own, not the wire service."""
    found = entities.find("The Reuters Institute counted 40 newsrooms.", GAZ)
    assert [(m.text, m.kind) for m in found] == [("Reuters Institute", "name")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sales on WeChat rose 20% in 2021.", "WeChat"),
        ("Taobao sellers shipped 3 million parcels.", "Taobao"),
    ],
)
def test_platforms_are_products_not_actors(text: str, name: str) -> None:
    """A platform is where something happens, not who does it: kind "product", never a company or
    person whose absence from a source sentence would make it speak of someone else."""
    found = {m.text: m.kind for m in entities.find(text, GAZ)}
    assert found.get(name) == "product", found

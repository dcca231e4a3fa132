"""Bodies and companies named in another form than the sources use: a ministry or department named
by its field the other way round ("Defence Ministry", "Ministry of Defence"), a company with or
without its legal form ("Pixel Devices Ltd")."""

from __future__ import annotations

import pytest
from gazetteers import entity_of, gazetteer_of

from factcheck import entities

ORDERS = [
    (
        ["The Ministry of Defence spent $4 billion."],
        "The Defence Ministry spent $4 billion.",
        "Defence Ministry",
        "name:Ministry of Defence",
        "a ministry named by its field the other way round",
    ),
    (
        ["The Commerce Department fined the firm $2 million."],
        "The Department of Commerce fined it.",
        "Department of Commerce",
        "name:Commerce Department",
        "and the other way",
    ),
    (
        ["The Commerce Department fined the firm.", "The Department of Commerce fined the firm."],
        "The Commerce Department fined it.",
        "Commerce Department",
        "name:Department of Commerce",
        "sources that use both orders keep one name, not two that each fold into the other",
    ),
    (
        ["The Lowy Institute counted 12 bases."],
        "The Institute of Lowy counted 12 bases.",
        "Institute of Lowy",
        "name:Institute of Lowy",
        "only heads that are named by a field invert",
    ),
]


@pytest.mark.parametrize(
    ("sources", "draft", "name", "entity", "why"), ORDERS, ids=[r[-1][:50] for r in ORDERS]
)
def test_word_orders_link(sources: list[str], draft: str, name: str, entity: str, why: str) -> None:
    assert entity_of(draft, name, gazetteer_of(sources)) == entity, why


LEGAL = [
    (
        ["Pixel Devices Ltd was set up in 2017."],
        "Pixel Devices was set up in 2017.",
        "Pixel Devices",
        "name:Pixel Devices Ltd",
        "a company without its legal form",
    ),
    (
        ["Shares in Bigfish Investments rose 5%."],
        "Shares in Bigfish Investments Pte Ltd rose 5%.",
        "Bigfish Investments Pte Ltd",
        "name:Bigfish Investments",
        "and with one the source does not write",
    ),
]


@pytest.mark.parametrize(
    ("sources", "draft", "name", "entity", "why"), LEGAL, ids=[r[-1][:50] for r in LEGAL]
)
def test_legal_forms_link(sources: list[str], draft: str, name: str, entity: str, why: str) -> None:
    assert entity_of(draft, name, gazetteer_of(sources)) == entity, why


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Ministers revised the Stability and Growth Pact in 2011.",
            ["Stability and Growth Pact"],
            "'the', one word, 'and', a head noun: one body",
        ),
        (
            "The Trade and Technology Council met in Brussels in 2022.",
            ["Trade and Technology Council", "Brussels"],
            "at the start of a sentence too",
        ),
        ("Talks between Kenya and Uganda ended in 2019.", ["Kenya", "Uganda"], "two countries stay two"),
        (
            "The Lumina and Vexa consortium bid in 2020.",
            ["Lumina", "Vexa"],
            "no head noun closes the second run: two names",
        ),
    ],
)
def test_and_inside_one_name(text: str, names: list[str], why: str) -> None:
    found = [m.text for m in entities.find(text, entities.load())]
    assert found == names, why


def test_a_name_across_a_line_break_is_marked_as_written() -> None:
    """The mention's span and text are the name as written; its id folds the break into a space."""
    text = "Talks with Lumina\nVexa ended."
    (m,) = [m for m in entities.find(text, entities.load()) if "Lumina" in m.text]
    assert text[m.start : m.end] == m.text == "Lumina\nVexa"
    assert m.entity == "name:Lumina Vexa"


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Makers of EV components qualify for a capital subsidy.",
            ["EV"],
            "a sentence's capitalised first word before 'of' is a common noun: the name is what follows",
        ),
        (
            "Bank of Kigali lent more in 2024.",
            ["Bank of Kigali", "Kigali"],
            "unless it heads a name",
        ),
        (
            "Exports of EV components rose.",
            ["EV"],
            "the same for any common noun",
        ),
        (
            "Republic of Korea exports rose.",
            ["Republic of Korea"],
            "a known name is kept whole",
        ),
    ],
)
def test_a_sentence_opening_common_noun_heads_no_name(text: str, names: list[str], why: str) -> None:
    assert [m.text for m in entities.find(text, entities.load())] == names, why

"""People named short or differently: a surname alone for a name the sources spell out, a title or
role kept in front of the name, and spelling or transliteration variants, each linked only when no
other known name competes for it."""

from __future__ import annotations

import pytest
from gazetteers import gazetteer_of

from factcheck import entities


def _entities(text: str, gaz: entities.Gazetteer) -> dict[str, str]:
    return {m.text: m.entity for m in entities.find(text, gaz)}


ROWS = [
    # (sources, draft sentence, the draft's name, the entity it must be (None: its own), why)
    (
        ["Argentine president Javier Milei cut spending by 30% in 2024."],
        "In 2024, Milei cut spending by 30%.",
        "Milei",
        "name:Javier Milei",
        "a surname alone names the one known person who has it",
    ),
    (
        ["Argentine president Javier Milei cut spending by 30% in 2024."],
        "Milei cut spending by 30% in 2024.",
        "Milei",
        "name:Javier Milei",
        "even as the first word of a sentence, where a capital is otherwise no evidence",
    ),
    (
        ["The deal was signed by Alberto Fernández in 2022."],
        "The deal was signed by Fernandez in 2022.",
        "Fernandez",
        "name:Alberto Fernández",
        "accents do not matter, and the surname stands for the full name",
    ),
    (
        ["Maria Lopez and Carlos Lopez founded the firm in 2001."],
        "The firm was founded by Lopez in 2001.",
        "Lopez",
        "name:Lopez",
        "two people share the surname: it could be either, so it is linked to neither",
    ),
    (
        ["Adobe Stock sold more images in 2020 as stock prices rose."],
        "Sales at Stock rose in 2020.",
        "Stock",
        "name:Stock",
        "a last word the sources write in lower case is an ordinary word, not a surname",
    ),
    (
        ["Jane Doe said the budget would grow by 4%."],
        "Finance Minister Jane Doe said the budget would grow by 4%.",
        "Jane Doe",
        "name:Jane Doe",
        "a ministerial title before the name is not part of it",
    ),
    (
        ["Javier Milei cut spending by 30% in 2024."],
        "President Milei cut spending by 30% in 2024.",
        "Milei",
        "name:Javier Milei",
        "a title and a surname: the person",
    ),
    ([], "Premier Li Qiang visited Almaty.", "Li Qiang", "li-qiang", "a title before a listed person's name"),
    (
        ["Muammar Gaddafi ruled Libya from 1969."],
        "Libya was ruled by Muammar Qaddafi from 1969.",
        "Muammar Qaddafi",
        "name:Muammar Gaddafi",
        "a transliteration variant of a known name of the same kind",
    ),
    (
        ["Sergey Ivanenko signed the contract in 2019."],
        "The contract was signed by Sergei Ivanenko in 2019.",
        "Sergei Ivanenko",
        "name:Sergey Ivanenko",
        "y and i are one sound at the end of a Russian name",
    ),
    (
        ["Maria Lopez founded the firm in 2001."],
        "The firm was founded by Mario Lopez in 2001.",
        "Mario Lopez",
        "name:Mario Lopez",
        "one letter apart in a short name is another person: below the threshold",
    ),
    (
        ["Trucks crossed the Tarkan Bridge in 2020."],
        "The rule was set by Tarkan Bridges in 2020.",
        "Tarkan Bridges",
        "name:Tarkan Bridges",
        "a name is only compared with names of its own kind: a person is no bridge",
    ),
    (
        ["Maria Lopez founded the firm in 2001."],
        "Mario Lopez joined the firm in 2001.",
        "Mario Lopez",
        "name:Mario Lopez",
        "a known surname after another first name is someone else's full name",
    ),
]


@pytest.mark.parametrize(("sources", "draft", "name", "entity", "why"), ROWS, ids=[r[-1][:50] for r in ROWS])
def test_people_link(sources: list[str], draft: str, name: str, entity: str, why: str) -> None:
    found = _entities(draft, gazetteer_of(sources))
    assert found.get(name) == entity, f"{why}: {found}"


ROLES = [
    ("The Prime Minister said exports rose.", "a role alone names nobody"),
    ("The Deputy Minister of Foreign Affairs toured the region.", "a role and its field name nobody"),
    ("Kenya's Finance Minister said exports rose.", "a country's minister: the country, no name"),
]


@pytest.mark.parametrize(("text", "why"), ROLES, ids=[r[1][:40] for r in ROLES])
def test_roles_are_no_names(text: str, why: str) -> None:
    names = [m for m in entities.find(text, entities.load()) if m.kind == "name"]
    assert not names, f"{why}: {names}"


def test_a_title_inside_a_place_name_stays() -> None:
    """A title followed by a head noun is the name of a thing ("Ambassador Bridge"), not a person."""
    found = _entities("Trucks crossed the Ambassador Bridge in 2020.", entities.load())
    assert "Ambassador Bridge" in found


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        ("Trade Development Minister Amara Okafor resigned.", "Amara Okafor", "the field before the title"),
        ("Minister for Trade Development Amara Okafor quit.", "Amara Okafor", "the field after the title"),
        ("Then Secretary of State Amara Okafor flew in.", "Amara Okafor", "one word of field"),
        ("The Minister of Foreign Affairs flew in.", None, "a role and its field, no person"),
    ],
)
def test_a_role_with_its_field_before_a_name(text: str, name: str | None, why: str) -> None:
    names = [m.text for m in entities.find(text, entities.load()) if m.kind == "name"]
    assert names == ([name] if name else []), why


def test_a_field_before_a_title_is_no_entity() -> None:
    """A store may know "Trade Development" as a name; before "Minister" it is the office's field."""
    gaz = entities.extend(entities.load(), [("Trade Development", ())])
    found = [m.text for m in entities.find("Trade Development Minister Amara Okafor quit.", gaz)]
    assert found == ["Amara Okafor"]

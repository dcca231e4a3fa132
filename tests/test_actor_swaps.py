"""An actor put in another's place: a known company or person for a proper name the gazetteer does
not know ("Huawei" where the source says "Vexa Marine"). Sentences of our own writing, each with its
verdict and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from rivers import assert_verdict, checker_fixture, verdict_rows

from factcheck.check import Checker
from factcheck.config import Config
from factcheck.store import build

SOURCE = """---
title: Port contracts
author: Test Writer
date: 2025-03-01
---

# Port contracts

The Vukovar port authority said Vexa Marine won the $40 million dredging contract in 2021.

Harbour traffic at Vukovar grew by 12 percent in 2022.
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder: Path = tmp_path_factory.mktemp("ports")
    (folder / "ports.md").write_text(SOURCE, encoding="utf-8")
    return Checker(build([folder]), Config())


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "Huawei won the $40 million Vukovar dredging contract in 2021.",
            "conflicting",
            "a known company where the source names another (unknown) one",
        ),
        (
            "Vexa Marine won the $40 million Vukovar dredging contract in 2021.",
            "supported",
            "the same company",
        ),
    ],
)
def test_actor_swap(checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(checker, sentence, expected, why)


PATROLS = """# Coast guards

Since 2022, a Finnish coast guard team of about a dozen officers has been based in Tallinn, and
Finland has donated 30 patrol boats to the Estonian border guard.
"""


patrols = checker_fixture("patrols", PATROLS)


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "A Finnish coast guard team has been based in Riga since 2022.",
            "conflicting",
            "another capital for the team: a swap",
        ),
        (
            "Finnish coast guard officers have also been based in Riga since 2022.",
            "unsupported",
            "'also' adds Riga to the place the reader knows: not a swap, and the source says nothing of Riga",
        ),
    ],
)
def test_an_added_subject_is_no_swap(patrols: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(patrols, sentence, expected, why)


RADARS = """# Export rules

On 30 June 2023 Riga announced that, from 1 September 2023, exporters would need a licence to ship
the most advanced marine radar systems, the NORDSCAN XR and later models.
"""


radars = checker_fixture("radars", RADARS)


def test_a_name_beside_a_date_does_not_rival_a_known_company(radars: Checker) -> None:
    assert_verdict(
        radars,
        "The Latvian government said on 30 June 2023 that from that September, exports of Samsung's most"
        " advanced marine radars would need a licence.",
        "supported",
        "NORDSCAN XR is a product named beside the date, no actor in Samsung's place",
    )


WALKOUT = """# Baltic assembly

Protesting what it called undue Finnish influence over the council, Latvia and other Baltic states
walked out of the Nordic Shipping Council in 1993.

Riga rejoined the council in 1998.
"""


walkout = checker_fixture("walkout", WALKOUT)


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "Latvia and other Baltic states walked out of the Nordic Shipping Council in 1993; Stockholm"
            " welcomed the move.",
            "supported",
            "'and other' groups one subject, which the source gives the date too; a name of the draft's"
            " other clause (Stockholm) rivals only the source figure's own subjects, not Finland named as"
            " a cause",
        ),
        (
            "Lithuania walked out of the Nordic Shipping Council in 1993.",
            "conflicting",
            "the date's own subject swapped: the source says Latvia",
        ),
        (
            "Western shipowners walked out of the Nordic Shipping Council in 1993.",
            "supported",
            "'Western' alone is a direction, not an actor the source would have to name",
        ),
    ],
)
def test_names_of_other_parts_of_a_sentence(walkout: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(walkout, sentence, expected, why)


RATINGS = """# Baltic ratings

S&P Global upgraded Latvia's sovereign rating to A+ in March 2024, citing lower deficits.
"""

ratings = checker_fixture("ratings", RATINGS)

test_rating_agencies_are_actors = verdict_rows(
    [
        ("Fitch upgraded Latvia to A+ in March 2024.", "conflicting", "another rating agency's upgrade"),
        ("S&P upgraded Latvia's rating to A+ in March 2024.", "supported", "the agency by its short name"),
    ],
    "ratings",
)

"""A figure reworded around is still found: values and years are retrieval keys.

Rows are sentences of our own writing against `rivers.SOURCE`, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict

from factcheck.check import Checker

CASES = [
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
]


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(rivers_checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(rivers_checker, sentence, expected, why)

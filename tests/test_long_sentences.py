"""Attribution, settings and second clauses around a restated fact do not hide it: the figure's own
clause is compared, not the whole sentence's wording.

Rows are sentences of our own writing against `rivers.SOURCE`, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict

from factcheck.check import Checker

CASES = [
    (
        "According to figures the river commission released in a statement on Tuesday, the Danube "
        "fleet carried 41 million tonnes of cargo in 2021, a record for the decade.",
        "supported",
        "attribution and a second clause around the same fact",
    ),
    (
        "Speaking at a conference in Lisbon, the minister said Portugal's sardine catch had fallen "
        "to 17,000 tonnes in 2020.",
        "supported",
        "a setting and reported speech",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(rivers_checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(rivers_checker, sentence, expected, why)

"""A contradiction only when subject, measure, unit and period align; otherwise unsupported.

Rows are sentences of our own writing against `rivers.SOURCE`, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict

from factcheck.check import Checker

CASES = [
    (
        "The Danube fleet carried 45 million tonnes of cargo in 2021.",
        "conflicting",
        "same measure, other value",
    ),
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
]


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(rivers_checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(rivers_checker, sentence, expected, why)

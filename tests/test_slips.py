"""The commonest slips of a figure, its digits at another scale ("$79 million" for "79 billion") or
in another order ("89 percent" for "98 percent"), are their own evidence that a sentence worded
apart states the same fact: they conflict where another wrong value would be left unsupported.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, source_checker

from factcheck.check import Checker

SOURCE = """---
title: East African trade
author: Test Writer
publisher: Example Trade Institute
date: 2025-08-01
---

# East African trade

The minister also confirmed that as of March 1, no duty would be levied on 98 percent of goods
from Uganda being sold to Kenya.
"""

CASES = [
    (
        "Since 1 March, Kenya has charged no duty on 98 percent of goods imported from Uganda.",
        "supported",
        "the same share, worded apart",
    ),
    (
        "Since 1 March, Kenya has charged no duty on 89 percent of goods imported from Uganda.",
        "conflicting",
        "the digits transposed",
    ),
    (
        "Since 1 March, Kenya has charged no duty on 0.98 percent of goods imported from Uganda.",
        "conflicting",
        "the digits at another scale",
    ),
    (
        "Since 1 March, Kenya has charged no duty on 75 percent of goods imported from Uganda.",
        "unsupported",
        "another share, worded apart: no slip to show it is the same statement",
    ),
]


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "trade", SOURCE)


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(checker, sentence, expected, why)

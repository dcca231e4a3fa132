"""The commonest slips of a figure, its digits at another scale ("$79 million" for "79 billion"), in
another order ("89 percent" for "98 percent") or under another currency's sign, are their own
evidence that a sentence worded apart states the same fact: they conflict where another wrong value
would be left unsupported. "Worded apart" means in words the store knows from other sentences: a
word no source uses weighs nothing.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, checker_fixture, source_checker, verdict_rows

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

Tanzania has charged a 25 percent duty on imported sugar since 2019.
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


checker = checker_fixture("trade", SOURCE)

test_verdict = verdict_rows(CASES)


BUDGET = """---
title: Port budgets
author: Test Writer
publisher: Example Trade Institute
date: 2025-08-01
---

# Port budgets

In 2023, the latest year with full accounts, the port authority's budget was KES 91 billion
($640 million), equal to 0.6 percent of the country's GDP.

The authority spent KES 12 billion on dredging in 2021, and its revenue rose 8 percent.

A feasibility study by a Finnish consultancy put the cost of converting the Mombasa terminal at $1.1bn.
"""

CURRENCY_CASES = [
    (
        "The port authority worked with KES 640 million in 2023.",
        "conflicting",
        "the dollar conversion's number under the shilling's sign, worded apart",
    ),
    (
        "The port authority worked with KES 75 million in 2023.",
        "unsupported",
        "another sum, worded apart: no slip to show it is the same statement",
    ),
    ("In 2023 the port authority's budget stood at $640 million.", "supported", "the conversion itself"),
    (
        "A Finnish consultancy's feasibility study priced the Mombasa terminal conversion at KES 1.1"
        " trillion.",
        "conflicting",
        "the same digits under another currency at another scale: a number copied under the wrong sign",
    ),
    (
        "A Finnish consultancy's feasibility study priced the Mombasa terminal conversion at KES 140"
        " billion.",
        "unsupported",
        "another sum in another currency may be a conversion: never set against the dollars",
    ),
]


@pytest.fixture(scope="module")
def budget_checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "budgets", BUDGET)


@pytest.mark.parametrize(("sentence", "expected", "why"), CURRENCY_CASES, ids=[c[2] for c in CURRENCY_CASES])
def test_currency_slip(budget_checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(budget_checker, sentence, expected, why)

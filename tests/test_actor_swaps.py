"""An actor put in another's place: a known company or person for a proper name the gazetteer does
not know ("Huawei" where the source says "Vexa Marine"). Sentences of our own writing, each with its
verdict and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from rivers import assert_verdict

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

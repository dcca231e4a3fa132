"""A pronoun subject stands for an entity of the sentence before, also after one or two short opening
phrases ("In office since 2015, she ...", "Weeks later, after the vote, he ..."); "she" and "he"
stand for a person, or, when the gazetteer knows none, for a name of two or three words, the way
people are named.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, checker_fixture

from factcheck.check import Checker
from factcheck.extract import extract
from factcheck.reader import parse

SOURCE = """---
title: Baltic cod
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Baltic cod

The Fisheries Agency is led by Maria Lundqvist. In office since 2015, she has cut the cod quota
by 30 percent.
"""


checker = checker_fixture("cod", SOURCE)


def test_she_after_an_opening_phrase_is_the_name_before(checker: Checker) -> None:
    text = (
        "The Fisheries Agency is led by Maria Lundqvist. In office since 2015, she has cut quotas"
        " by 30 percent."
    )
    claims = [c for c in extract(parse(text, "d.md", markdown=True), checker.gaz) if c.quantity]
    assert any("Lundqvist" in n for n in claims[0].names), claims[0].names


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        ("Maria Lundqvist has cut the cod quota by 30 percent.", "supported", "'she' is Maria Lundqvist"),
        ("Maria Lundqvist has cut the cod quota by 50 percent.", "conflicting", "her figure is 30 percent"),
    ],
)
def test_verdict(checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(checker, sentence, expected, why)


def test_he_after_two_opening_phrases_is_the_name_before(checker: Checker) -> None:
    text = (
        "In May, fisheries minister Peter Holm said the quota would fall. Weeks later, after the vote,"
        " he cut the quota by 12 percent, unlike his predecessor Anna Berg."
    )
    claims = [c for c in extract(parse(text, "d.md", markdown=True), checker.gaz) if c.quantity]
    assert any("Holm" in n for n in claims[-1].names), claims[-1].names

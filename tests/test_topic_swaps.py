"""A named statement whose actor the source names only in the sentence before (the paragraph's
topic) is not borne out by a sentence that gives the act to another actor: "Dahua exported the
standard" against "Chinese firms like Dahua supply cameras. Russian firms like Norsi-Trans have
exported the standard."

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, worst

from factcheck.check import Checker
from factcheck.model import Verdict

SOURCE = """---
title: Surveillance exports
author: Test Writer
publisher: Example Security Institute
date: 2025-09-01
---

# Surveillance exports

Chinese firms like Dahua supply most of the street cameras in the region's capitals. Russian
firms like Norsi-Trans have exported the lawful interception standard to all five states.
"""


checker = checker_fixture("cameras", SOURCE)


def test_the_topic_of_the_sentence_before_is_not_the_actor(checker: Checker) -> None:
    got = worst(checker, "Dahua exported the lawful interception standard to all five states.")
    assert got is not Verdict.SUPPORTED, "Norsi-Trans exported it; Dahua is the sentence before's"


def test_the_actor_the_sentence_names_is_borne_out(checker: Checker) -> None:
    got = worst(checker, "Norsi-Trans exported the lawful interception standard to all five states.")
    assert got is Verdict.SUPPORTED

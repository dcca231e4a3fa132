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


PATROL = """# Ice patrols

Sweden's coast guard keeps the Gulf of Bothnia open for shipping in winter. Finland also participates
in the multilateral Nordic Ice Patrol, designed to share icebreakers between ports.
"""

patrol = checker_fixture("patrol", PATROL)


def test_a_statement_of_one_entity_is_not_borne_out_for_another_likened_to_it(patrol: Checker) -> None:
    got = worst(patrol, "Sweden, like Finland, takes part in the multilateral Nordic Ice Patrol.")
    assert got is not Verdict.SUPPORTED, "the source says it of Finland; Sweden is the sentence before's"


def test_the_entity_the_statement_is_made_of_is_borne_out(patrol: Checker) -> None:
    got = worst(patrol, "Finland takes part in the multilateral Nordic Ice Patrol.")
    assert got is Verdict.SUPPORTED, "'takes part' is the source's 'participates'"

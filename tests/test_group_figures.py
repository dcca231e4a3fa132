"""A sum, a count or a share the source gives several entities together is not one member's: "the
three states together received EUR 300 million" does not say Estonia received it. How long something
lasted or how many times larger it is cannot be split among a group, so a duration in a sentence that
names three countries ("for the first time in two decades") stays the statement's own. Nor does a
group's figure contradict one member's ("three mills together 70%" against "one mill alone a
third").

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Baltic timber
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Baltic timber

In 2024 Estonia overtook Latvia as the largest source of Finnish timber imports for the first time
in two decades: imports from Estonia reached EUR 410 million, against EUR 380 million from Latvia.

Estonia, Latvia and Lithuania together received EUR 300 million from the EU forestry fund in 2024.

Sawmill losses are concentrated: the Tartu, Valmiera and Kaunas mills together accounted for almost
70% of the sector's write-offs, the forestry board said.
"""

CASES = [
    (
        "In 2024 Finland bought more timber from Estonia (EUR 410 million) than from Latvia (EUR 380"
        " million), the first time in about twenty years that Estonia led.",
        "supported",
        "two decades is the statement's own span, though the sentence names three countries",
    ),
    (
        "Estonia received EUR 300 million from the EU forestry fund in 2024.",
        "conflicting",
        "the sum is the three states' together, not Estonia's",
    ),
    (
        "The Tartu mill alone accounted for about a third of the sector's write-offs.",
        "unsupported",
        "the 70% is three mills' together: it says nothing of one mill's share, so it never contradicts it",
    ),
    (
        "The Tartu, Valmiera and Kaunas mills together accounted for about half of the sector's write-offs.",
        "conflicting",
        "the same three mills: their share is almost 70%",
    ),
]

checker = checker_fixture("timber", SOURCE)

test_verdict = verdict_rows(CASES)

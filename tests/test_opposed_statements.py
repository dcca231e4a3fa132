"""A named statement that takes the other side of one of the lexicon's oppositions ("would support"
where the source says "would veto") conflicts with it. The opposed words count as shared when the two
sentences are aligned, since a statement of the opposite is about the same thing; other words must
still align.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Baltic votes
author: Test Writer
publisher: Example Sea Institute
date: 2025-07-01
---

# Baltic votes

Estonia, which has long relied on the Narva plants for power, has said that it would veto any
Commission plan to close the oil shale mines.

Latvia's parliament approved the new port levy after a long debate in the budget committee.

For example, in 2021, the former head of the Riga Freeport Authority, Janis Ozols, was felled for
bribery.

The earliest dredging campaigns in the Gulf of Riga were run by the Hansa Foundation, aimed at the
old harbour and the river mouth. Although both campaigns failed, they trained a generation of Latvian
engineers.

Weeks later, following the election, the Latvian government declined an invitation to join the
Nordic grid fund, signalling a cooler stance towards Oslo.

Estonian imports of Russian timber fell sharply after Tallinn banned them in 2022. Economy Minister
Liis Tamm rejected calls from Russian exporters to end the timber ban early.
"""

CASES = [
    (
        "After the election, the Latvian government accepted the invitation to join the Nordic grid fund.",
        "conflicting",
        "accepted where the source says declined (a refusal: no figure or change follows it)",
    ),
    (
        "After the election, the Latvian government declined to join the Nordic grid fund.",
        "supported",
        "the same refusal",
    ),
    (
        "The Hansa Foundation's early dredging campaigns in the Gulf of Riga both failed.",
        "supported",
        "a failure is a side of succeed/fail, not a denial of the whole sentence",
    ),
    (
        "The Hansa Foundation's early dredging campaigns in the Gulf of Riga both succeeded.",
        "conflicting",
        "succeeded where the source says failed",
    ),
    (
        "Janis Ozols, the former head of the Riga Freeport Authority, was cleared of bribery in 2021.",
        "conflicting",
        "cleared of where the source says felled for",
    ),
    (
        "Estonia has said it would support any Commission plan to close the oil shale mines.",
        "conflicting",
        "support where the source says veto",
    ),
    (
        "Estonia has said it would veto any Commission plan to close the oil shale mines.",
        "supported",
        "the same side as the source",
    ),
    (
        "Latvia's parliament rejected the new port levy after a long debate.",
        "conflicting",
        "rejected where the source says approved",
    ),
    (
        "Estonia has said it would support a new rail link to Finland.",
        "unsupported",
        "the opposed word alone does not align a sentence about something else",
    ),
    (
        "Economy Minister Liis Tamm turned down Russian exporters' requests to lift the timber ban early.",
        "supported",
        "the sentence before says imports fell: a change of its own measure, no side of 'lift the ban'",
    ),
]


checker = checker_fixture("votes", SOURCE)

test_verdict = verdict_rows(CASES)

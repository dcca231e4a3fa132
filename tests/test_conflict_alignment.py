"""A contradiction only when subject, measure, unit and period align; otherwise unsupported.

Rows are sentences of our own writing against `rivers.SOURCE`, each with its verdict and reason."""

from __future__ import annotations

import pytest
from rivers import assert_verdict, checker_fixture, source_checker, verdict_rows

from factcheck import same, verdict
from factcheck.check import Checker
from factcheck.extract import extract
from factcheck.reader import parse

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
    (
        "Japan's river bureau will spend about \u00a52 billion on new levees along the Tone by 2030.",
        "conflicting",
        "the source's digits at another scale; '\u00a5' may be the yen the source names",
    ),
    (
        "Japan's river bureau will spend about \u00a52 trillion on new levees along the Tone by 2030.",
        "supported",
        "'\u00a5' may be the yen: the same sum",
    ),
    (
        "The Tone levees will cost about 2 billion dollars by 2030.",
        "conflicting",
        "the source's digits under another currency at another scale: a number copied under the wrong"
        " sign (2 trillion yen is some $13 billion), which a conversion would match only by chance",
    ),
    (
        "The Tone levees will cost about 13 billion dollars by 2030.",
        "unsupported",
        "other digits in another currency may be a conversion: never set against the yen",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(rivers_checker: Checker, sentence: str, expected: str, why: str) -> None:
    assert_verdict(rivers_checker, sentence, expected, why)


FREIGHT_AID = """# Freight aid

Since January 2024 Latvian exporters have received 6,000 euros per wagon for timber shipped more
than 900 km by rail, a scheme the transport ministry says cost 31 million euros in its first year.
"""


@pytest.fixture(scope="module")
def freight_aid(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return source_checker(tmp_path_factory, "freight", FREIGHT_AID)


def test_the_drafts_digits_at_another_scale_are_its_counterpart(freight_aid: Checker) -> None:
    """A source figure with the draft's digits at another scale answers it before a figure that only
    shares more of its words: the commonest slip is the scale."""
    text = "Latvian exporters received 31 billion euros for timber shipped by rail."
    draft = next(c for c in extract(parse(text, "d.md", markdown=True), freight_aid.gaz) if c.quantity)
    comps = [
        same.compare(draft, cand, freight_aid.index.idf, freight_aid.kind_of, freight_aid.gaz.label, 0.1)
        for cand in freight_aid.index.candidates(draft)
    ]
    rivals = [c for c in comps if c.comparable]
    best = verdict.counterpart(draft, rivals, freight_aid.kind_of, freight_aid.gaz.label)
    assert best.candidate.claim.quantity is not None
    assert best.candidate.claim.quantity.text == "31 million euros"


SWAP_LINES = """# Swap lines

The Bank of Estonia signed its first swap line with the Riksbank on 24 January 2025, and so became
the first Baltic central bank with one. The Bank of Latvia signed its first-ever swap with the
Riksbank on 18 March 2025, for EUR 2 billion.
"""


swap_lines = checker_fixture("swaplines", SWAP_LINES)

test_the_sentence_about_the_drafts_own_subject_answers_first = verdict_rows(
    [
        (
            "Latvia's central bank signed its first swap agreement with the Riksbank on 18 May 2025.",
            "conflicting",
            "the sentence about Latvia's own swap answers it (18 March) before the one about Estonia's",
        ),
        (
            "Latvia's central bank signed its first swap agreement with the Riksbank on 18 March 2025.",
            "supported",
            "the same, with the source's day",
        ),
    ],
    "swap_lines",
)

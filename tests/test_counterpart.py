"""In a source sentence of several figures, the draft's figure is compared with its own counterpart
(same subject, same words, same role), and figures swapped between subjects conflict. A subject the
sentence's list of subjects leaves out is not given one of their values.

Rows are sentences of our own writing against `rivers.SOURCE`, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

CASES = [
    (
        "Chile landed 2.1 million tonnes of anchovy in 2022.",
        "supported",
        "the second figure is Chile's",
    ),
    (
        "Chile landed 5.3 million tonnes of anchovy in 2022.",
        "conflicting",
        "Peru's figure given to Chile",
    ),
    (
        "Ecuador landed 5.3 million tonnes of anchovy in 2022.",
        "unsupported",
        "the sentence lists Peru's and Chile's catches: one of its values says nothing of Ecuador's own",
    ),
    (
        "The Vukovar port employs 800 dockers and handles 60 barges a week.",
        "supported",
        "two counts in another order",
    ),
    (
        "Peru landed 2.1 million tonnes of anchovy in 2022, Chile 5.3 million tonnes.",
        "conflicting",
        "the two figures swapped",
    ),
    (
        "In 2021 the Danube fleet carried 12 million tonnes of cargo.",
        "conflicting",
        "the part's figure (grain) given to the whole: the sentence's agreeing figure is another slot's",
    ),
    (
        "The Danube fleet carried 41 million tonnes of cargo in 2021, 12 million tonnes of it grain.",
        "supported",
        "both figures in their own slots",
    ),
]


test_verdict = verdict_rows(CASES, "rivers_checker")


TOTALS = """# Baltic timber

Baltic timber exports reached a record EUR 5.5 billion in 2023, according to the Statistics Office
(CSB), and a single company, Nordic Timber, accounted for EUR 1.8 billion of that total.
"""


totals = checker_fixture("totals", TOTALS)


test_the_subjects_own_figure = verdict_rows(
    [
        (
            "Nordic Timber's export earnings reached EUR 1.8 billion in 2023, CSB data indicate.",
            "supported",
            "the company's own figure; the speaker at the end ('CSB data indicate') is no subject of it,"
            " and the total shares only its words ('reached')",
        ),
        (
            "Nordic Timber's export earnings reached EUR 1.8 billion in 2023.",
            "supported",
            "the same without a speaker",
        ),
    ],
    "totals",
)

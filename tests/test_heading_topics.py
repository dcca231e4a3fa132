"""The heading of a source sentence's section (the title, before the first subheading) names what
the sentence is about when it does not say:
"The state utility approved a loan of EUR 120 million" under "## Estonia: a smaller bet" is
Estonia's, and "Latvian grain" in a draft is borne out by an article titled "Latvia's Grain Bets".
The topic fills in what a sentence leaves unsaid and never outranks what it says: a figure the
sentence gives to Lithuania stays Lithuania's under a heading naming Estonia, and another figure's
owner in the source sentence is no rival of a second name of the kind in the draft.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """# Latvia's Grain Bets on the Baltic Ports

Estonia remained the largest buyer in 2023/24, taking 1.1 million tonnes, followed by Finland with
0.4 million tonnes.

## Financing the Saule Copper Mine

The Saeima, the country's parliament, approved the investment agreement on 5 December 2024 by 58
votes to 11.

## Estonia: a smaller bet

The state utility approved a loan of €120 million in May 2024. Lithuania's utility approved €80
million in June.
"""

checker = checker_fixture("headings", SOURCE)

test_heading_topics = verdict_rows(
    [
        (
            "Tallinn remained the top destination for Latvian grain in 2023/24, importing about 1.1m tonnes.",
            "supported",
            "the title names Latvia, whose grain the sentence is about; Finland owns another figure of the"
            " sentence and is no rival of 'Latvian'",
        ),
        (
            "Finland took 1.1 million tonnes of Latvian grain in 2023/24.",
            "conflicting",
            "the figure's own subject is Estonia: the title's Latvia does not make Finland's swap right",
        ),
        (
            "Lawmakers approved the Saule investment agreement on 5 December 2024.",
            "supported",
            "the section heading names the Saule mine the agreement is for",
        ),
        (
            "Estonia's state utility approved a €120 million loan in May 2024.",
            "supported",
            "the sentence names no country; its section is Estonia's",
        ),
        (
            "Finland's state utility approved a €120 million loan in May 2024.",
            "unsupported",
            "the sentence names no country and its section is Estonia's: the source never gives Finland"
            " the loan, nor says outright that it is not Finland's",
        ),
        (
            "Estonia's utility approved €80 million in June.",
            "conflicting",
            "the sentence gives the figure to Lithuania: its own subject outranks the heading's Estonia",
        ),
        (
            "Lithuania's utility approved €80 million in June.",
            "supported",
            "the sentence's own subject",
        ),
    ]
)

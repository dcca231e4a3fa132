"""A date that gives a figure its period ("in 2019", "between 2018 and 2022") is judged with that
figure: supported when the figure is, unsupported when nothing bears the figure out, whoever else the
source gives the same years. A deadline or a starting point ("by 2030", "since 2018") is part of the
statement and judged on its own. A year is within a span of years, but two spans that only overlap
are two periods ("2022/23" and "2023/24"); the same value for another period never supports.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Baltic fleets
author: Test Writer
publisher: Example Sea Institute
date: 2025-06-01
---

# Baltic fleets

Between 2018 and 2022, the number of Estonian-flagged trawlers licensed to fish in the Gulf of Riga
rose from 41 to 67, while Latvian-flagged trawlers fell from 52 to 29.

In May 2024 Latvia raised its duty on Russian grain from 25 percent to 100 percent.

Riga sold 4,100 fishing licences in 2023, up from 3,600 in 2019, and the price of a licence rose
from EUR 800 to EUR 1,250 over the same period.

Compared with earlier decades, demand for licences climbed while catches fell.

Benchmark rye at Ventspils dropped from EUR 310 a tonne in July 2022 to EUR 204 a tonne in March 2024,
before recovering to about EUR 230 in October 2024.

Latvia's port debt reached Rs2.64 trillion at the end of fiscal year 2022/23. By the close of 2023/24
it had eased to Rs2.39 trillion.

Lithuanian power exports rose to 3.1 billion kWh in 2023 from 2.4 billion kWh in 2022, with Poland
taking about 1.9 billion kWh.

Unpaid bills owed to Baltic ferry lines climbed to EUR 493 million by March 2024, compared with EUR
310 million in June 2022.

A further EUR 1.5 billion financed a 120 km extension of the Rail Baltica line to Parnu, completed in
October 2019.
Estonian ferry revenue came to EUR 28.5 million in 2023, against EUR 20.1 million in 2022.

The coalition faced its first test in the spring of 2023. A no-confidence motion tabled by the
opposition failed by just nine votes on 20 March.

Because prices fell, earnings rose less than volumes: Latvian timber revenue reached EUR 8.9 billion,
compared with EUR 8.6 billion in 2023.

Latvian Railways became the first Baltic railway to open a grain terminal on the coast when it
commissioned a 250,000-tonne elevator at Liepaja port in September 2024.
"""

CASES = [
    (
        "Latvian Railways commissioned its 250,000-tonne grain elevator at Liepaja port in September 2023.",
        "conflicting",
        "the source gives the figure itself at another date: its date is the answer, not 'no source'",
    ),
    (
        "The no-confidence motion tabled by the opposition failed by nine votes on 16 March 2023.",
        "conflicting",
        "the nine votes' own sentence dates them 20 March: the figure's support is no support for"
        " another day",
    ),
    (
        "In 2024 Latvian timber revenue edged up from EUR 8.6 billion to EUR 8.9 billion.",
        "supported",
        "the 2023 of the source sentence is its base figure's, not the EUR 8.9 billion's",
    ),
    (
        "In 2023 Riga sold 4,100 fishing licences.",
        "supported",
        "the figure the date opens is the source's for 2023; the sentence's 'in 2019' dates its"
        " change's start, no rival date",
    ),
    (
        "In 2019 Riga sold 4,100 fishing licences.",
        "conflicting",
        "the source gives the 4,100 for 2023",
    ),
    (
        "In 2023 Riga sold 4,100 fishing licences, up from 3,600.",
        "supported",
        "an undated change's start is borne out by the source's start",
    ),
    (
        "In 2023 Riga sold 4,100 fishing licences, up from 3,900.",
        "unsupported",
        "the draft's start may be 2022's; the source's 3,600 is 2019's, no proof that 3,900 is wrong",
    ),
    (
        "Estonian ferry revenue was EUR 28.5 million in 2022.",
        "conflicting",
        "'against EUR 20.1 million in 2022' is a base: 2022 is its year, and 2022's revenue was EUR 20.1"
        " million",
    ),
    (
        "Estonian ferry revenue reached EUR 20.1 million in 2022.",
        "supported",
        "the base's own year",
    ),
    (
        "A further EUR 1.5 billion paid for Rail Baltica's 120 km extension to Parnu, which was finished"
        " in October 2017.",
        "conflicting",
        "the date in the relative clause dates the completion, not the sums: October 2017 against"
        " October 2019",
    ),
    (
        "A further EUR 1.5 billion paid for Rail Baltica's 120 km extension to Parnu, which was finished"
        " in October 2019.",
        "supported",
        "the same, with the right month",
    ),
    (
        "Latvia's port debt stood at Rs2.39 trillion at the end of fiscal 2022/23.",
        "conflicting",
        "two fiscal years that share a calendar year are two periods: 2022/23 closed at Rs2.64 trillion",
    ),
    (
        "Latvia's port debt stood at some 2.64 trillion rupees when fiscal 2022/23 closed.",
        "supported",
        "'Rs' is the rupees' sign",
    ),
    (
        "Poland bought roughly 1.9 billion kWh of Lithuanian power in 2023.",
        "supported",
        "'in 2022' after 'from 2.4 billion kWh' dates the start of the change, not the figures after it",
    ),
    (
        "By March 2024, Baltic ferry lines were owed EUR 310 million in unpaid bills.",
        "conflicting",
        "EUR 310 million is the base, for June 2022; by March 2024 the bills came to EUR 493 million",
    ),
    (
        "Estonian-flagged trawlers in the Gulf of Riga rose from 41 to 67 between 2018 and 2022.",
        "supported",
        "the figures and their period",
    ),
    (
        "Lithuania's trawler fleet in the Gulf of Riga shrank by a third between 2018 and 2022.",
        "unsupported",
        "the years date a figure the source never gives Lithuania: no conflict over another's years",
    ),
    (
        "Riga raised its duty on Russian grain from 25% to 100% in May 2024.",
        "supported",
        "the figures and their month",
    ),
    (
        "Riga raised its duty on Russian grain from 25% to 100% in July 2024.",
        "conflicting",
        "the figures are borne out for 2024, but their own sentence gives the rise another month",
    ),
    (
        "Riga sold 4,100 fishing licences in 2023, compared with 3,600 four years earlier, while the"
        " licence price climbed from EUR 800 to EUR 1,250.",
        "supported",
        "'four years earlier' is 2019, the difference of the source sentence's two years",
    ),
    (
        "Amid falling catches and weaker demand, Riga sold 4,100 fishing licences in 2023, compared with"
        " 3,600 four years earlier.",
        "supported",
        "the same, in a sentence worded further apart; 'falling' is the catches', not the licences'",
    ),
    (
        "The benchmark price of rye at Ventspils fell by roughly a third, from EUR 310 a tonne in July 2022"
        " to EUR 204 in March 2024.",
        "supported",
        "July 2022 dates the EUR 310, not the fall that ends in 2024",
    ),
    (
        "Riga sold 4,100 fishing licences in 2023, compared with 3,600 three years earlier.",
        "unsupported",
        "the source's years are four apart",
    ),
]

checker = checker_fixture("fleets", SOURCE)

test_verdict = verdict_rows(CASES)

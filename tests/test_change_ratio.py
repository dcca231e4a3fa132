"""A multiplier ("fivefold", "tripled") is borne out by a source that gives the two ends of the
change ("from 12 metric tons to 60 metric tons", "above $9,800, up from $2,600"): their ratio, within
the slack of a hedged figure, and up to twice that short of it for "nearly" or "almost"; a fall
("halved") by how much was lost. A multiplier the draft states between two of its own figures is
borne out when both are, by their ratio. A percentage that gives the size of a rise or a fall
("climbed 30 percent", not "rose to 30 percent") is borne out the same way, and a gap ("6.5 million
tonnes below", "eight percentage points more than") by the difference of two figures; a gap is never
set against either figure.
A ratio that does not match leaves the multiplier unsupported, never supported. "Metric tons" are
tonnes.

Rows are sentences of our own writing against a source of our own, each with its verdict and reason."""

from __future__ import annotations

from rivers import checker_fixture, verdict_rows

SOURCE = """---
title: Andean lithium
author: Test Writer
publisher: Example Mining Institute
date: 2025-05-01
---

# Andean lithium

Lithium output at the Salar de Ollagua plant grew from 12 metric tons in 2015 to 60 metric tons in 2020.

Between 2018 and 2022, the number of Chilean trawlers licensed in Peruvian waters rose from 41 to 67,
while Ecuadorian trawlers fell from 52 to 29.

The drought sent Lima copper prices above $9,800 a tonne in April 2024, up from roughly $2,600 a
year earlier.

Finnish investors committed EUR 3.6 billion to Baltic ports between 2019 and 2023, most of it to
container terminals.

In the five years before, Finnish port investment in the region came to EUR 0.6 billion.

The 2024 rye harvest is expected to be smaller: the Latvian ministry estimates rye output at 41
million tonnes, down from 47.5 million tonnes in 2023.

Latvia holds 24 percent of the Baltic rye trade, well ahead of Estonia at 16 percent.

2024 was a record year for Estonian ports. Oil-shale exports through Muuga reached EUR 410 million,
compared with EUR 380 million in 2023.

The Narva rail terminal handled 5,400 tonnes of amber in 2024, more than twice the 2,500 tonnes of
2023.

The Valga freight line opened in 2019. In 2024 it carried 3.2 million tonnes of timber, up from 1.5
million tonnes in 2023.

A Finnish icebreaker costs about EUR 150 million, compared with EUR 90 million for a Latvian one.

The Sillamae plant processed 1,200 tU in 2024.

Estonia mined about 1.8 million tonnes of oil shale in 2023, roughly half of Baltic supply, up from
850,000 tonnes in 2019.

Container traffic through Liepaja rose to 56,500 TEU, against 33,600 TEU the year before.

To pay for the reform, Latvian pension contributions, currently 20% of gross wages, will rise to 23%
by 2030, the welfare ministry projects.

Estonia raised its Baltic cod quota from 10,000 tonnes to 12,000 tonnes in 2023.

Lithuanian amber exports rose to EUR 8.1 million in 2024 from EUR 5.6 million a year earlier, and
amber now makes up about 5.8% of the country's craft exports.

Tartu's river port handled 1.3 million tonnes in 2024, up from 0.5 million tonnes in 2023.

Latvia's transfer levy came into force in May 2022 at 1.5% of transfers, was reduced to 1% in January
2023, and was abolished in March 2025.
The repair backlog of Latvian ports reached EUR 13.8 million in 2024, up from EUR 11.6 million a year
earlier.
"""

CASES = [
    (
        "Estonia raised its Baltic cod quota by roughly a tenth in 2023.",
        "unsupported",
        "10,000 to 12,000 tonnes is +20%: a percentage change is compared as any percentage is, not"
        " within a tenth of the ratio 1.1",
    ),
    (
        "Estonia raised its Baltic cod quota by a fifth in 2023.",
        "supported",
        "+20%",
    ),
    (
        "Estonia raised its Baltic cod quota by 2,000 tonnes in 2023.",
        "supported",
        "what is raised by a figure rose by it: a gap, borne out by 10,000 to 12,000 tonnes",
    ),
    (
        "Estonia raised its Baltic cod quota by 3,000 tonnes in 2023.",
        "unsupported",
        "a gap the source's two ends do not make is unsupported, never set against either end",
    ),
    (
        "Latvian pension contributions will climb by 15% by 2030, the welfare ministry projects.",
        "supported",
        "'currently 20% ..., will rise to 23%': a 'to' no 'from' leads to starts at the figure of its"
        " unit before it; 20% to 23% is +15%",
    ),
    (
        "Latvian pension contributions will rise by 3 percentage points, to 23% of gross wages, by 2030.",
        "supported",
        "percentage points a measure rose by are the gap between its two percentages",
    ),
    (
        "The reform will push Latvian pension contributions up by 3 percentage points, to 23% of gross"
        " wages, by 2030.",
        "supported",
        "'up by' gives the figure its rise, the verb apart from its particle",
    ),
    (
        "Container traffic through Liepaja reached 65,500 TEU, up from 33,600 TEU a year earlier.",
        "conflicting",
        "the figure 'up from' follows is where the change ended: 56,500 TEU, not the 33,600 the draft"
        " also gives",
    ),
    (
        "Container traffic through Liepaja reached 56,500 TEU, up from 33,600 TEU a year earlier.",
        "supported",
        "both ends of the change as the source gives them",
    ),
    (
        "Lithuanian amber exports jumped by some 45% in 2024, to just over EUR 8 million.",
        "supported",
        "'rose to 8.1 from 5.6' names its end first: +45%, not the 5.8% share of the same sentence",
    ),
    (
        "Lithium output at the Salar de Ollagua plant rose fivefold between 2015 and 2020.",
        "supported",
        "60 / 12 is 5",
    ),
    (
        "Lithium output at the Salar de Ollagua plant rose roughly fivefold between 2015 and 2020.",
        "supported",
        "a hedged multiplier",
    ),
    (
        "Lithium output at the Salar de Ollagua plant tripled between 2015 and 2020.",
        "unsupported",
        "60 / 12 is not 3: the source does not bear it out",
    ),
    (
        "The Salar de Ollagua plant produced 60 tonnes of lithium in 2020.",
        "supported",
        "metric tons are tonnes",
    ),
    (
        "Ecuadorian trawlers in Peruvian waters nearly halved between 2018 and 2022.",
        "supported",
        "52 to 29 is a fall of 44%: nearly half; the other change of the sentence is Chile's",
    ),
    (
        "Ecuadorian trawlers in Peruvian waters fell by a third between 2018 and 2022.",
        "unsupported",
        "a fall of 44% is no third",
    ),
    (
        "Lima copper prices in April 2024 were nearly four times their level a year earlier.",
        "supported",
        "'above $9,800, up from $2,600': the change's end is the figure before 'up from'",
    ),
    (
        "Finnish investors committed EUR 3.6 billion to Baltic ports between 2019 and 2023, six times"
        " the EUR 0.6 billion of the five years before.",
        "supported",
        "a multiplier between two of the draft's own figures, each borne out by its own sentence",
    ),
    (
        "Finnish investors committed EUR 3.6 billion to Baltic ports between 2019 and 2023, four times"
        " the EUR 0.6 billion of the five years before.",
        "unsupported",
        "3.6 / 0.6 is 6, not 4",
    ),
    (
        "Lima copper prices climbed roughly 270 percent in the year to April 2024.",
        "supported",
        "a rise in percent: $2,600 to $9,800 is +277%",
    ),
    (
        "Ecuadorian trawlers in Peruvian waters fell by about 44% between 2018 and 2022.",
        "supported",
        "a fall in percent: 52 to 29 is -44%",
    ),
    (
        "Ecuadorian trawlers in Peruvian waters fell to about 44% of the fleet between 2018 and 2022.",
        "unsupported",
        "'fell to 44% of' is a level, not the size of the fall",
    ),
    (
        "The Latvian ministry expects the 2024 rye harvest to come in at about 41 million tonnes, some 6.5"
        " million tonnes below the 2023 harvest.",
        "supported",
        "a gap: 47.5 - 41 is 6.5",
    ),
    (
        "The Latvian ministry expects the 2024 rye harvest to come in at about 41 million tonnes, some 9"
        " million tonnes below the 2023 harvest.",
        "unsupported",
        "a gap the source does not give; never set against the 47.5 million tonnes themselves",
    ),
    (
        "Latvia holds 24% of the Baltic rye trade, eight percentage points more than Estonia.",
        "supported",
        "percentage points are the gap between two percentages",
    ),
    (
        "Oil-shale exports through Muuga rose by about 8 percent in 2024.",
        "supported",
        "'compared with EUR 380 million in 2023' is the base of a change across years: 410 / 380 is +7.9%",
    ),
    (
        "Oil-shale exports through Muuga rose by a fifth in 2024.",
        "unsupported",
        "+7.9% is no fifth",
    ),
    (
        "Oil-shale exports through Muuga came to EUR 410 million in 2023.",
        "conflicting",
        "the year after the base is the base's: 2023's exports were EUR 380 million",
    ),
    (
        "Amber freight at the Narva rail terminal more than doubled in 2024, to 5,400 tonnes.",
        "supported",
        "'more than twice the 2,500 tonnes of 2023' is a change's base: 5,400 / 2,500 is 2.16",
    ),
    (
        "Amber freight at the Narva rail terminal roughly tripled in 2024.",
        "unsupported",
        "2.16 times is no tripling",
    ),
    (
        "Timber freight on the Valga line more than doubled in 2024, reaching 3.2 million tonnes.",
        "supported",
        "the source says 'it carried': worded otherwise, its change still ends at the draft's own 3.2"
        " million tonnes, and 3.2 / 1.5 is 2.13",
    ),
    (
        "Finnish icebreaker prices rose by two-thirds.",
        "unsupported",
        "EUR 150 million against EUR 90 million for a Latvian one compares two subjects, not two years",
    ),
    (
        "Latvia's mines raised output by roughly a tenth in 2024.",
        "unsupported",
        "a raise is a rise in percent, but no source gives Latvia's output",
    ),
    (
        "The Sillamae plant processed 1,200 tonnes of uranium in 2024.",
        "supported",
        "'tU' is tonnes of uranium",
    ),
    (
        "Estonian oil-shale mining more than doubled between 2019 and 2023.",
        "supported",
        "'up from 850,000 tonnes' starts a change at the last figure of its unit, past the share between",
    ),
    (
        "Estonia supplied about half of the Baltic region's oil shale in 2023.",
        "supported",
        "a half with no count before 'of' is a share: 'roughly half'",
    ),
    (
        "Cargo at Tartu's river port more than doubled in 2024.",
        "supported",
        "2.6 times is past the bound 'more than doubled', not so far past it as to be a tripling",
    ),
    (
        "Cargo at Tartu's river port more than tripled in 2024.",
        "unsupported",
        "2.6 times is short of the bound 'more than tripled'",
    ),
    (
        "Latvia cut its transfer levy from 1.5% to 1% in January 2023.",
        "supported",
        "a change's start keeps its own digits: 1.5% is no 1% rounded to a whole percent, so no reversal",
    ),
    (
        "The repair backlog of Latvian ports grew by more than EUR 2 million in 2024.",
        "supported",
        "'grew by' gives the change's size: 13.8 - 11.6 is 2.2, more than 2",
    ),
    (
        "The repair backlog of Latvian ports grew by EUR 5 million in 2024.",
        "unsupported",
        "a change's size is a gap: unsupported when the ends differ by another amount, never set against"
        " either end",
    ),
]


checker = checker_fixture("lithium", SOURCE)

test_verdict = verdict_rows(CASES)

"""Each verdict rule, table-driven, against a small store built from a source written for the test.

The source is on purpose not a seed: the rules must hold for text the tool has never met.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import Checker
from factcheck.config import Config
from factcheck.model import Verdict
from factcheck.reader import parse
from factcheck.store import build

SOURCE = """---
title: Ports, pipelines and debt
author: Test Author
publisher: Example Policy Institute
date: 2024-05-01
---

# Ports, pipelines and debt

Norway's debt to the Nordic bank constitutes 43 percent of the country's total foreign debt. In the
case of Finland, this figure is 38 percent; for Sweden, 20.6 percent; and for Denmark, 14 percent.

The Arctic corridor project carries a price tag of between $13 billion and $20 billion.

The ambassador said Beijing had given 300 million RMB in emergency aid to Afghanistan.

The Nordic summit was held in Oslo on May 9, 2023.

In January 2020 Xiaomi overtook Samsung in Kenya, and now controls around 45% of the local
smartphone market (in comparison to 34% for Samsung, 10% for Apple and 6% for Huawei).

The EBRD raised its 2022 growth forecast for the region to 4.3% in September from just 1.1% in May.

Russian companies like Protei have exported the SORM lawful interception standard to all five
Nordic countries.

Kenyan President William Ruto is a strong opponent of the proposed regional trade bloc.

Amazon's market capitalisation stood at $1.46 trillion.

The gas pipeline from Turkmenistan to China was first proposed in 1994, and Uzbekistan signed up
to it in April 2007.

Every Nordic state except Iceland joined the new maritime alliance.

The port handles 33 shipping companies from 21 countries.

According to market data, handmade dolls from Latvia, dark chocolate from Estonia and vodka from
Lithuania are among Norwegian shoppers' favourite imports.
"""

# (draft sentence, verdict, reason)
CASES = [
    (
        "Norway's debt to the Nordic bank is 43% of its foreign debt.",
        "supported",
        "equal after normalisation",
    ),
    (
        "Debt to the Nordic bank makes up 38% of Finland's foreign borrowing.",
        "supported",
        "list item with anaphora",
    ),
    ("Sweden owes about a fifth of its external debt to the Nordic bank.", "supported", "fraction, hedged"),
    (
        "Sweden's debt to the Nordic bank is 21% of its foreign debt.",
        "supported",
        "rounding to the draft's precision",
    ),
    (
        "More than 40% of Norway's foreign debt is owed to the Nordic bank.",
        "supported",
        "a bound the source satisfies",
    ),
    ("Norway's debt to the Nordic bank is 34% of its foreign debt.", "conflicting", "different value"),
    (
        "Finland's debt to the Nordic bank is 43% of its foreign debt.",
        "conflicting",
        "a neighbouring subject's figure",
    ),
    ("The Arctic corridor project is priced at $15 billion.", "supported", "inside the source range"),
    ("The Arctic corridor project carries a price tag of $13-20 billion.", "supported", "the same range"),
    ("The Arctic corridor project carries a price tag of $13-20 million.", "conflicting", "wrong scale"),
    ("Beijing gave $300 million in emergency aid to Afghanistan.", "conflicting", "wrong currency"),
    ("The Nordic summit was held in Oslo on 9 May 2023.", "supported", "same date, other order"),
    ("The Nordic summit was held in Oslo on 9 May 2022.", "conflicting", "wrong year"),
    ("Samsung holds about 45% of Kenya's smartphone market.", "conflicting", "a figure another entity owns"),
    ("Samsung holds 34% of Kenya's smartphone market.", "supported", "list item in parentheses"),
    (
        "The EBRD cut its 2022 growth forecast for the region from 4.3% to 1.1%.",
        "conflicting",
        "reversed change",
    ),
    (
        "The EBRD raised its 2022 growth forecast for the region from 1.1% to 4.3%.",
        "supported",
        "same change",
    ),
    ("Amazon's market capitalisation was about $1.5 trillion.", "supported", "rounding and hedge"),
    (
        "Uzbekistan signed up to the gas pipeline from Turkmenistan to China in April 2007, 13 years after "
        "it was first proposed.",
        "supported",
        "a span of years given as two dates",
    ),
    (
        "Russian firm Protei has sold the SORM lawful interception standard to the Nordic countries.",
        "supported",
        "named statement, same actor",
    ),
    (
        "China's Hikvision exported the SORM lawful interception standard to all five Nordic countries.",
        "conflicting",
        "swapped actor",
    ),
    (
        "Kenyan President William Ruto is a strong supporter of the proposed regional trade bloc.",
        "conflicting",
        "opposed word",
    ),
    (
        "Of the Nordic states, only Iceland stayed out of the new maritime alliance.",
        "supported",
        "an exception is the same statement negated",
    ),
    ("The port handles 33 shipping firms from 21 countries.", "supported", "counts of the same nouns"),
    ("The port handles 21 shipping firms from 33 countries.", "conflicting", "swapped counts"),
    (
        "Market data show Estonian dark chocolate and Lithuanian vodka are Norwegian favourites.",
        "supported",
        "the same pairing, other words",
    ),
    (
        "Market data show Estonian vodka and Lithuanian dark chocolate are Norwegian favourites.",
        "conflicting",
        "words paired with the other entity",
    ),
    (
        "Lithuania makes dark chocolate for export.",
        "unsupported",
        "paired otherwise in a loosely aligned sentence: no conflict, and no support either",
    ),
    ("Huawei employs more than 2,000 people in Kenya.", "unsupported", "no source gives it"),
    ("The Baltic pipeline cost 4 billion euros.", "unsupported", "a subject the store knows nothing about"),
]
NO_CLAIM = [
    "Can Oslo and Helsinki really share the region indefinitely?",
    "The next section turns from ports to pipelines.",
    "It is too early to say whether the corridor will pay for itself.",
    "Our 10 recommendations are listed at the end of the paper.",
]


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder = tmp_path_factory.mktemp("src")
    (folder / "ports.md").write_text(SOURCE, encoding="utf-8")
    return Checker(build([folder]), Config())


def test_a_statement_copied_word_for_word_is_said_so(checker: Checker) -> None:
    """A named statement copied from its source is supported in plain words, not "source says
    otherwise" (the message of a figure, which a statement has not)."""
    sentence = "Kenyan President William Ruto is a strong opponent of the proposed regional trade bloc."
    (finding,) = checker.check_document(parse(sentence, "draft.md", markdown=True)).findings
    assert (finding.verdict, finding.message) == (Verdict.SUPPORTED, "the source says so")


def verdicts(checker: Checker, sentence: str) -> list[Verdict]:
    report = checker.check_document(parse(sentence, "draft.md", markdown=True))
    return [f.verdict for f in report.findings]


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_verdict(checker: Checker, sentence: str, expected: str, why: str) -> None:
    found = verdicts(checker, sentence)
    assert found, f"no claim found ({why})"
    worst = max(found, key=[Verdict.SUPPORTED, Verdict.UNSUPPORTED, Verdict.CONFLICTING].index)
    assert worst.value == expected, f"{why}: {found}"


@pytest.mark.parametrize("sentence", NO_CLAIM)
def test_no_claim(checker: Checker, sentence: str) -> None:
    assert verdicts(checker, sentence) == []


def test_evidence_names_the_source(checker: Checker) -> None:
    report = checker.check_document(
        parse("Norway's debt to the Nordic bank is 34% of its foreign debt.", "d.md", markdown=True)
    )
    (finding,) = report.findings
    (ev,) = finding.evidence
    assert "43 percent" in ev.claim.quote
    assert ev.work.author == "Test Author" and ev.work.title == "Ports, pipelines and debt"
    assert Path(ev.claim.file).name == "ports.md"
    assert finding.message == "source says 43%"

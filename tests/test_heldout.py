"""Regression guard on text the extractor was not written for: seventeen held-out sets, each with its own
sources (built into a fresh store) and labelled draft sentences, on topics far from the seeds.

The floors are below today's numbers (see bench/accuracy.md); what must not move is the rate of
false conflicts, the error users pay for most.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.check import Checker
from factcheck.config import Config
from factcheck.model import Verdict
from factcheck.reader import parse
from factcheck.store import build

HERE = Path(__file__).parent
SEVERITY = {Verdict.CONFLICTING: 3, Verdict.UNSUPPORTED: 2, Verdict.SUPPORTED: 1}


def predict(checker: Checker, sentence: str) -> str:
    findings = checker.check_document(parse(sentence, "draft.md", markdown=True)).findings
    if not findings:
        return "none"
    return max(findings, key=lambda f: SEVERITY[f.verdict]).verdict.value


# Sets 3 to 17 were written blind by helpers who never saw the code (sources and sentences of their
# own, on topics far from the seeds). Sets 3-8, 10-14 were then read for errors; sets 9, 15, 16 and 17
# are only scored.
# Known false conflicts, each a cause not yet mended (see bench/accuracy.md):
KNOWN_FALSE_CONFLICTS = {
    # "Canada imposed a 100 per cent tariff" where the source gives it to the United States: a swap
    # to us, unsupported to the set's writer (the source says nothing of Canada).
    "f4-004",
    # "Turkmenistan objected to Rogun's 16-year filling schedule" against "a schedule that Uzbekistan's
    # ministry accepted": the duration is the schedule's, but the sentence's country is read as its
    # owner, so the two countries look swapped.
    "f8-022",
    # Set 9 is kept for scoring only: its one false conflict was not read.
    "f9-059",
    # "has not been met since February 2016" against "was last met in February 2016": read as a
    # denial. Letting "not ... since" date rather than deny, as "not ... until" does, made a false
    # conflict in the labelled set d, so it waits.
    "f10-010",
    # "Sending $200 from Senegal to Cote d'Ivoire costs 6.2%" where the source gives the 6.2% to the
    # Kenya-Tanzania corridor: a swap to the labelled sets' rules, unsupported to the set's writer.
    "f11-010",
    # "60% to 70% of the increase in Kazakhstan's imports ... diverted to Russia" where the source's
    # figure is Kyrgyzstan's and Armenia's: a swap to the labelled sets' rules (as f11-010).
    "f11-023",
    # "Safaricom launched M-Pesa in Ethiopia in August 2023" against "launched M-Pesa in March 2007":
    # another launch, in a country the source sentence never names; refusing date conflicts whenever
    # the draft names such a country cost three right conflicts on sets 3 and 5.
    "f11-056",
    # "Kyrgyzstan's swap line carries a rate of about 3.4%" where the source's 3.4% is the rate of
    # Kazakhstan's drawdown, a sentence that names Kazakhstan only as "the NBK" and Russia as the
    # invader: Russia looks like the figure's other subject (a swap to the labelled sets' rules).
    "f12-050",
    # "India took 6.3 million tonnes of Russian LNG" and "Chinese direct investment in Hungary reached
    # EUR 2.3bn" where the source gives those figures to China and to Serbia: swaps of a named subject,
    # which the labelled sets call conflicts and the set's writer unsupported.
    "f13-050",
    "f13-056",
    # Sets 15-17 are kept for scoring only: their false conflicts were not read.
    "f16-042",
    "f17-038",
}


@pytest.mark.parametrize(
    ("folder", "floor"),
    [
        ("heldout", 0.88),
        ("heldout2", 0.77),
        ("heldout3", 0.87),
        ("heldout4", 0.78),
        ("heldout5", 0.73),
        ("heldout6", 0.75),
        ("heldout7", 0.67),
        ("heldout8", 0.70),
        ("heldout9", 0.62),
        ("heldout10", 0.60),
        ("heldout11", 0.58),
        ("heldout12", 0.58),
        ("heldout13", 0.70),
        ("heldout14", 0.67),
        ("heldout15", 0.50),
        ("heldout16", 0.58),
        ("heldout17", 0.48),
    ],
)
def test_held_out_accuracy_and_no_false_conflicts(
    folder: str, floor: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HERE.parent)
    checker = Checker(build([HERE / folder / "sources"]), Config())
    items = yaml.safe_load((HERE / folder / "items.yaml").read_text(encoding="utf-8"))
    results = [(item, predict(checker, item["text"])) for item in items]
    accuracy = sum(item["label"] == got for item, got in results) / len(results)
    false_conflicts = [
        item["id"] for item, got in results if got == "conflicting" and item["label"] != "conflicting"
    ]
    new = [i for i in false_conflicts if i not in KNOWN_FALSE_CONFLICTS]
    assert not new, f"false conflicts: {new}"
    assert accuracy >= floor, f"verdict accuracy {accuracy:.3f} below {floor}"

"""Regression guard on text the extractor was not written for: nine held-out sets, each with its own
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


# Sets 3 to 9 were written blind by helpers who never saw the code (sources and sentences of their
# own, on topics far from the seeds). Sets 3-8 were then read for errors (6 to 8 in the fifth
# session); set 9 is only scored.
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
}


@pytest.mark.parametrize(
    ("folder", "floor"),
    [
        ("heldout", 0.88),
        ("heldout2", 0.77),
        ("heldout3", 0.85),
        ("heldout4", 0.77),
        ("heldout5", 0.72),
        ("heldout6", 0.72),
        ("heldout7", 0.60),
        ("heldout8", 0.65),
        ("heldout9", 0.60),
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

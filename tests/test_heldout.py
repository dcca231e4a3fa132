"""Regression guard on text the extractor was not written for: two held-out sets, each with its own
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


@pytest.mark.parametrize(("folder", "floor"), [("heldout", 0.85), ("heldout2", 0.75)])
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
    assert not false_conflicts, f"false conflicts: {false_conflicts}"
    assert accuracy >= floor, f"verdict accuracy {accuracy:.3f} below {floor}"

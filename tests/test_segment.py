"""Sentence splitting around abbreviations: every example of lang/en/abbreviations.yaml is split."""

from __future__ import annotations

import pytest

from factcheck import segment
from factcheck.lang import table
from factcheck.model import Block
from factcheck.segment import sentences

ROWS = [(e["group"], t, 1) for e in table("abbreviations") for t in e.match] + [
    (e["group"], t, 2) for e in table("abbreviations") for t in e.reject
]


@pytest.mark.parametrize(("group", "text", "count"), ROWS, ids=[f"{g}: {t}" for g, t, _ in ROWS])
def test_abbreviation_examples(group: str, text: str, count: int) -> None:
    got = [s.text for s in sentences([Block(text=text, offset=0)])]
    assert len(got) == count, f"{group}: {got}"


def test_an_initial_does_not_end_a_sentence() -> None:
    assert len(list(sentences([Block(text="The deal was signed by J. Smith in May.", offset=0)]))) == 1


def test_module_name_resolves() -> None:
    assert "u.s" in segment.ABBREVIATIONS

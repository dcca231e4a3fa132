"""What is not a claim, in both directions: sentences that hold no checkable figure give none, and
sentences that do are not dropped. Sentences written for this test, each with its reason."""

from __future__ import annotations

import pytest

from factcheck.entities import load
from factcheck.extract import extract
from factcheck.lang import table
from factcheck.reader import parse


def figures(text: str) -> list[str]:
    claims = extract(parse(text, "x.txt", markdown=False), load())
    return [c.quantity.text for c in claims if c.quantity is not None]


@pytest.mark.parametrize("entry", list(table("discourse_nouns")), ids=lambda e: e["words"][0])
def test_discourse_nouns(entry) -> None:  # type: ignore[no-untyped-def]
    for text in entry.match:
        assert not figures(text), (text, entry.why)
    for text in entry.reject:
        assert figures(text), (text, entry.why)

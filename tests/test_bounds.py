"""Bounds keep the source's words (issue 9, number forms): "at least" and "fewer than" are not
"more than" and "up to"; "just under" and "just over" are close to the figure as well as on one side
of it. Sentences are our own; each row says why."""

from __future__ import annotations

import pytest

from factcheck.quantities import compatible, describe, find_quantities, past_bound
from factcheck.text import fold

# (text, bound, hedge, description, reason)
CASES = [
    ("at least $5m in aid", "min", "at least", "at least USD 5 million", "a floor, figure included"),
    ("more than 30 firms", "min", "more than", "more than 30 companies", "a floor, figure excluded"),
    ("fewer than 10 firms", "max", "fewer than", "fewer than 10 companies", "a ceiling for a count"),
    ("up to three days", "max", "up to", "up to 3 days", "a ceiling, figure included"),
    ("just under 50% of voters", "max", "just under", "just under 50%", "a near ceiling"),
    ("just over 50% of voters", "min", "just over", "just over 50%", "a near floor"),
    ("nearly 20 percent", "approx", "nearly", "nearly 20%", "a rounded figure in the source's word"),
    ("a rule covering 140 vessels", "exact", "", "140 vessels", "'over' inside 'covering' is no bound"),
    ("a handsome 20 percent", "exact", "", "20%", "nor is 'some' inside 'handsome'"),
]


@pytest.mark.parametrize(("text", "bound", "hedge", "shown", "why"), CASES, ids=[c[4] for c in CASES])
def test_bound_keeps_its_words(text: str, bound: str, hedge: str, shown: str, why: str) -> None:
    (q,) = find_quantities(fold(text))
    assert (q.bound, q.hedge, describe(q)) == (bound, hedge, shown), why


@pytest.mark.parametrize(
    ("draft", "source", "ok", "why"),
    [
        ("just under 50%", "48%", True, "close below"),
        ("just under 50%", "12%", False, "far below is not 'just under'"),
        ("just over 50%", "52%", True, "close above"),
        ("just over 50%", "90%", False, "far above is not 'just over'"),
        ("52%", "just over 50%", True, "a value the source's near floor holds"),
        ("90%", "just over 50%", False, "too far from the source's near floor"),
        ("at least 30 firms", "30 firms", True, "'at least' includes the figure"),
        ("fewer than 10 firms", "8 firms", True, "below the ceiling"),
        ("up to EUR 750 billion", "up to EUR 750 billion", True, "the same ceiling"),
        ("up to EUR 800 billion", "up to EUR 750 billion", False, "another ceiling is another figure"),
        ("up to 40%", "up to 40.2%", True, "the same ceiling at the draft's precision"),
    ],
)
def test_near_bounds(draft: str, source: str, ok: bool, why: str) -> None:
    (d,), (s,) = find_quantities(draft), find_quantities(source)
    assert compatible(d, s) is ok, why


@pytest.mark.parametrize(
    ("draft", "source", "ok", "past", "why"),
    [
        ("112 million roubles", "more than 108 million roubles", True, False, "a little over the floor"),
        ("319 million roubles", "more than 108 million roubles", False, True, "three times the floor"),
        ("38%", "up to 40%", True, False, "just under the ceiling"),
        ("5%", "up to 40%", False, True, "far under the ceiling: the source does not say"),
        (
            "90 million roubles",
            "more than 108 million roubles",
            False,
            False,
            "below the floor: a contradiction",
        ),
    ],
)
def test_a_value_well_past_a_source_bound_is_not_borne_out(
    draft: str, source: str, ok: bool, past: bool, why: str
) -> None:
    """ "More than 108 million" is how a writer rounds a sum a little over it: a value well past the
    bound, on its side, is neither borne out nor contradicted (`past_bound`)."""
    (d,), (s,) = find_quantities(draft), find_quantities(source)
    assert (compatible(d, s), past_bound(d, s)) == (ok, past), why

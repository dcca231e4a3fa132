"""Multipliers: "sixfold", "tripled", "three times as many" are figures in the unit `times`
(issue 9, number forms). Sentences are our own; each row says why."""

from __future__ import annotations

import pytest

from factcheck.lang import table
from factcheck.quantities import compatible, find_quantities
from factcheck.text import fold

# (text, expected value in times, reason)
CASES = [
    ("Grain exports rose sixfold in ten years.", 6, "a number fused to -fold"),
    ("Grain exports rose six-fold in ten years.", 6, "hyphenated -fold"),
    ("The budget for ports tripled after the election.", 3, "a verb of multiplication"),
    ("Freight on the line doubled within a year.", 2, "doubled"),
    ("Solar capacity quadrupled between the two plans.", 4, "quadrupled"),
    ("The new mine employs three times as many workers as the old one.", 3, "N times as many"),
    ("Officials reported a twentyfold rise in applications.", 20, "a twentyfold rise"),
    ("The deficit halved over two budgets.", 0.5, "halving is a factor of one half"),
    ("The grant lets the port triple its cargo handling.", 3, "the bare verb before its object"),
]


@pytest.mark.parametrize(("text", "value", "why"), CASES, ids=[c[2] for c in CASES])
def test_multiplier(text: str, value: float, why: str) -> None:
    qs = [q for q in find_quantities(fold(text)) if q.dimension == "multiplier"]
    assert [(q.value, q.unit) for q in qs] == [(value, "times")], why


REJECTS = [
    ("The team won a double victory at the games.", "'double' as an adjective is no multiplier"),
    ("Engineers replaced the manifold on the pump.", "'manifold' ends in -fold without a number"),
    ("A triple alliance of ports was formed.", "'triple' as an adjective"),
]


@pytest.mark.parametrize(("text", "why"), REJECTS, ids=[r[1] for r in REJECTS])
def test_not_a_multiplier(text: str, why: str) -> None:
    assert not [q for q in find_quantities(fold(text)) if q.dimension == "multiplier"], why


def test_tripled_agrees_with_three_times_and_not_with_twice() -> None:
    (tripled,) = find_quantities("exports tripled")
    (three,) = find_quantities("exports grew three times")
    (twice,) = find_quantities("exports grew 2 times")
    assert compatible(tripled, three) and not compatible(tripled, twice)


MULTIPLIERS = [
    (e, t, ok) for e in table("multipliers") for ok, ts in ((True, e.match), (False, e.reject)) for t in ts
]


@pytest.mark.parametrize(("entry", "text", "holds"), MULTIPLIERS, ids=[t for _, t, _ in MULTIPLIERS])
def test_multiplier_table_examples(entry, text: str, holds: bool) -> None:  # type: ignore[no-untyped-def]
    qs = [q for q in find_quantities(fold(text)) if q.dimension == "multiplier"]
    if "times" in entry.fields:
        assert any(q.value == float(entry["times"]) for q in qs) is holds, f"{text!r}: {qs}"
    else:
        assert bool(qs) is holds, f"{text!r}: {qs}"

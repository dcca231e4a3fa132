"""Quantity parsing: one table of written forms and what they must normalise to."""

from __future__ import annotations

import pytest

from factcheck.extract import value_keys
from factcheck.quantities import compatible, find_quantities
from factcheck.text import fold

# (text, expected [(value, high, unit, bound)] in order, reason)
CASES = [
    ("43% of debt", [(43, None, "percent", "exact")], "per cent sign"),
    ("43 percent of debt", [(43, None, "percent", "exact")], "word"),
    ("forty-three per cent of debt", [(43, None, "percent", "exact")], "number in words, 'per cent'"),
    ("one fifth of its debt", [(20, None, "percent", "exact")], "a fraction is a share"),
    ("$19.8 billion in trade", [(19.8e9, None, "USD", "exact")], "dollar sign and scale word"),
    ("US$19.8bn in trade", [(19.8e9, None, "USD", "exact")], "US$ and 'bn'"),
    ("19.8 billion dollars in trade", [(19.8e9, None, "USD", "exact")], "currency after the scale"),
    ("26 billion yuan (RMB) in loans", [(26e9, None, "CNY", "exact")], "yuan with its code in brackets"),
    ("300 million RMB in aid", [(300e6, None, "CNY", "exact")], "currency code after"),
    ("a $680-million investment", [(680e6, None, "USD", "exact")], "hyphenated compound"),
    ("1,000 square kilometers of land", [(1000, None, "km2", "exact")], "area with thousands separator"),
    ("a 3,000-kilometer border", [(3000, None, "km", "exact")], "compound adjective"),
    ("for two days", [(2, None, "day", "exact")], "duration in words"),
    ("grew 93 times", [(93, None, "times", "exact")], "multiplier"),
    ("grew ninety-three-fold", [(93, None, "times", "exact")], "-fold in words"),
    ("between $13 billion and $20 billion", [(13e9, 20e9, "USD", "exact")], "between X and Y is a range"),
    ("about $10-15 billion", [(10e9, 15e9, "USD", "approx")], "scale and sign shared by both ends"),
    ("$13–20 million", [(13e6, 20e6, "USD", "exact")], "en dash range"),
    ("a record 55.4m tonnes of wheat", [(55.4e6, None, "t", "exact")], "'m' before a unit is a million"),
    ("about 1.05 million TEU a year", [(1.05e6, None, "TEU", "approx")], "containers in twenty-foot units"),
    ("some 79 billion US dollars", [(79e9, None, "USD", "approx")], "'some' hedges; 'US' is the currency"),
    ("more than 30 Korean companies", [(30, None, "company", "min")], "lower bound; count of companies"),
    ("up to three days", [(3, None, "day", "max")], "upper bound"),
    ("fewer than 10 firms", [(10, None, "company", "max")], "'firm' counts as 'company'"),
    ("13 active offshore wind farm construction projects", [(13, None, "project", "exact")], "a long phrase"),
    ("the one hundredth anniversary", [(100, None, "year", "exact")], "an anniversary is a span of years"),
    ("4.3 percentage points", [(4.3, None, "pp", "exact")], "points are not percent"),
    ("in its 20-plus years", [(20, None, "", "exact")], "'-plus' rounds a figure, it names nothing"),
    ("Some 40 firms left", [(40, None, "company", "approx")], "a capitalised first word is no name"),
    (
        "estimates vary from $12 to $15 billion",
        [(12e9, 15e9, "USD", "exact")],
        "'from X to Y' after a verb of range",
    ),
    (
        "the council voted 18-13 against",
        [(18, None, "", "exact"), (13, None, "", "exact")],
        "a tally: a range never falls from its first figure",
    ),
    (
        "Riga took 12 barges and Tallinn 5 tugs",
        [(12, None, "barg", "exact"), (5, None, "tugs", "exact")],
        "after a name, a number that counts a noun is a figure",
    ),
]
REJECTS = [
    ("the CR929 aircraft", "digits inside a name"),
    ("the COVID-19 pandemic", "a number glued to a name"),
    ("5G networks", "a technology name"),
    ("over the next five years", "a reading aid, not a figure"),
    ("the five Central Asian states", "a definite description names a group"),
    ("one of the largest", "'one' as a pronoun"),
    ("the 3rd summit", "ordinals are not figures"),
    ("the ten-point plan", "a bare number joined to a word names a thing, not a figure"),
    ("its 12-point programme", "the same, in digits"),
    ("a two-sided approach", "the same, in words"),
    ("the first cargo of Baltic LNG 2 left in May", "a number after a capitalised word ends a name"),
    ("obligations under Article 5 of the treaty", "a clause's number"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_parses(text: str, expected: list[tuple[float, float | None, str, str]], why: str) -> None:
    got = [(q.value, q.high, q.unit, q.bound) for q in find_quantities(fold(text))]
    assert len(got) == len(expected), why
    for (v, h, u, b), (ev, eh, eu, eb) in zip(got, expected, strict=True):
        assert v == pytest.approx(ev), why
        assert (h is None) == (eh is None) and (h is None or h == pytest.approx(eh)), why
        assert (u, b) == (eu, eb), why


@pytest.mark.parametrize(("text", "why"), REJECTS, ids=[r[1] for r in REJECTS])
def test_not_a_figure(text: str, why: str) -> None:
    assert find_quantities(fold(text)) == [], why


def test_the_figure_before_a_changes_start_is_its_end() -> None:
    qs = find_quantities("exports were $5bn, up from $4bn")
    assert [q.role for q in qs] == ["to", "from"]
    qs = find_quantities("output reached 5% and 12 tonnes, up from 8 tonnes")
    assert [q.role for q in qs] == ["", "to", "from"], "only a figure of the start's unit"


def test_changes_keep_their_two_ends() -> None:
    qs = find_quantities("raise its forecast to 4.3% in September from just 1.1% in May")
    assert [(q.value, q.role) for q in qs] == [(4.3, "to"), (1.1, "from")]
    qs = find_quantities("from 0.19 to 0.79 and 0.17 to 0.68 respectively")
    assert [q.role for q in qs] == ["from", "to", "from", "to"]


def q(text: str):  # type: ignore[no-untyped-def]
    (one,) = find_quantities(fold(text))
    return one


# (draft, source, compatible?, reason)
COMPAT = [
    ("43%", "43 percent", True, "equal after normalisation"),
    ("21%", "20.6%", True, "rounds to the draft's precision"),
    ("34%", "43 percent", False, "different value"),
    ("about 8 billion dollars", "$8.4 billion", True, "hedged, within 10%"),
    ("about 7 billion dollars", "$8.4 billion", False, "hedged, but 17% off"),
    ("more than 40%", "43%", True, "a lower bound the source satisfies"),
    ("more than 50%", "43%", False, "a lower bound the source does not satisfy"),
    ("$15 billion", "between $13 billion and $20 billion", True, "inside the source range"),
    ("$13-20 million", "between $13 billion and $20 billion", False, "wrong scale"),
    ("$300 million", "300 million RMB", False, "wrong currency"),
    ("about $1.5 trillion", "$1.46 trillion", True, "rounding and hedge"),
    ("roughly a thousand years", "over 2,000 years", False, "below the source's lower bound"),
]


@pytest.mark.parametrize(("draft", "source", "ok", "why"), COMPAT, ids=[c[3] for c in COMPAT])
def test_compatible(draft: str, source: str, ok: bool, why: str) -> None:
    assert compatible(q(draft), q(source)) is ok, why


@pytest.mark.parametrize(
    ("draft", "source", "shared", "why"),
    [
        ("\u00a5476bn", "476 billion yen", True, "'\u00a5' is written for the yen too"),
        ("\u00a5476bn", "476 billion yuan", True, "and first of all for the yuan"),
        ("$476bn", "476 billion yen", False, "the dollar's sign is the dollar's alone"),
    ],
)
def test_shared_currency_signs_are_one_retrieval_key(draft: str, source: str, shared: bool, why: str) -> None:
    """A sum under a sign several currencies share finds the source's sum in any of them."""
    (d,), (s,) = find_quantities(draft), find_quantities(source)
    assert (value_keys(d, None) == value_keys(s, None)) is shared, why

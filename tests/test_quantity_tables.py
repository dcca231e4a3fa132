"""The language tables read by the quantity parser: every example of every entry is parsed, and what
the entry says about it must hold (lang/en/units, currencies, scales, bounds, fractions, numbers,
ordinals, figure_words)."""

from __future__ import annotations

import re

import pytest

from factcheck import quantities
from factcheck.lang import Entry, Table, table
from factcheck.model import Quantity
from factcheck.quantities import find_quantities
from factcheck.text import fold


def parse(text: str) -> list[Quantity]:
    return find_quantities(fold(text))


def cases(t: Table) -> list[tuple[Entry, str, bool]]:
    """(entry, example, must hold?) for every example of a table."""
    return [(e, x, True) for e in t for x in e.match] + [(e, x, False) for e in t for x in e.reject]


def ids(rows: list[tuple[Entry, str, bool]]) -> list[str]:
    return [f"{'match' if ok else 'reject'}: {t}" for _, t, ok in rows]


UNITS = cases(table("units"))


@pytest.mark.parametrize(("entry", "text", "holds"), UNITS, ids=ids(UNITS))
def test_units(entry: Entry, text: str, holds: bool) -> None:
    got = any(
        q.unit == entry["unit"]
        and q.dimension == entry["dimension"]
        and (not re.match(r"\d", q.text) or _scaled(q, _factor(entry)))
        for q in parse(text)
    )
    assert got is holds, f"{text!r}: {'no' if holds else 'a'} figure in {entry['unit']}: {parse(text)}"


@pytest.mark.parametrize(
    ("text", "value", "unit", "why"),
    [
        ("a 3,000-kilometre border", 3000, "km", "a compound adjective"),
        ("200 square miles of forest", 518.0, "km2", "square miles converted"),
        ("5,000 hectares of farmland", 50, "km2", "100 hectares a km2"),
        ("for 18 months", 1.5, "year", "a fraction factor, 1/12"),
        ("2.3 gigawatts of wind", 2300, "MW", "GW to MW"),
        ("55 bcm of gas", 55e9, "m3", "billions of cubic metres"),
    ],
)
def test_unit_factors(text: str, value: float, unit: str, why: str) -> None:
    (q,) = parse(text)
    assert (q.value, q.unit) == (pytest.approx(value, rel=1e-3), unit), why


CURRENCIES = cases(table("currencies"))


@pytest.mark.parametrize(("entry", "text", "holds"), CURRENCIES, ids=ids(CURRENCIES))
def test_currencies(entry: Entry, text: str, holds: bool) -> None:
    codes = {entry["code"]} if entry.get("code") else set(entry["codes"])
    got = any(q.dimension == "money" and q.unit in codes for q in parse(text))
    assert got is holds, f"{text!r}: {'no' if holds else 'an'} amount in {codes}: {parse(text)}"


def _scaled(q: Quantity, factor: float) -> bool:
    """Whether the figure is its written number times `factor` (and any scale word: "1.7 million")."""
    lead = _leading_number(q.text)
    return any(q.value == pytest.approx(lead * factor * k) for k in (1, 1e3, 1e6, 1e9, 1e12))


def _factor(entry: Entry) -> float:
    """The entry's factor; "1/12" is a fraction."""
    num, _, den = str(entry["factor"]).partition("/")
    return float(num) / float(den or 1)


def _leading_number(text: str) -> float:
    return float(re.search(r"\d+(?:\.\d+)?", text.replace(",", "")).group())  # type: ignore[union-attr]


SCALES = cases(table("scales"))


@pytest.mark.parametrize(("entry", "text", "holds"), SCALES, ids=ids(SCALES))
def test_scales(entry: Entry, text: str, holds: bool) -> None:
    factor = float(entry["factor"])
    qs = [q for q in parse(text) if re.search(r"\d", q.text)]
    got = any(q.value == pytest.approx(_leading_number(q.text) * factor) for q in qs)
    assert got is holds, f"{text!r}: scale {factor} {'not ' if holds else ''}applied: {parse(text)}"


BOUNDS = cases(table("bounds"))


@pytest.mark.parametrize(("entry", "text", "holds"), BOUNDS, ids=ids(BOUNDS))
def test_bounds(entry: Entry, text: str, holds: bool) -> None:
    qs = parse(text)
    assert qs, text
    got = qs[0].bound == entry["bound"] and (qs[0].bound != "exact" or qs[0].hedge in entry["words"])
    assert got is holds, f"{text!r}: bound {qs[0].bound}, hedge {qs[0].hedge!r}"
    if holds:
        assert qs[0].hedge in entry["words"], "the hedge is kept as written"


FRACTIONS = cases(table("fractions"))


@pytest.mark.parametrize(("entry", "text", "holds"), FRACTIONS, ids=ids(FRACTIONS))
def test_fractions(entry: Entry, text: str, holds: bool) -> None:
    got = any(q.unit == "percent" for q in parse(text))
    assert got is holds, f"{text!r}: {parse(text)}"


NUMBERS = cases(table("numbers"))


@pytest.mark.parametrize(("entry", "text", "holds"), NUMBERS, ids=ids(NUMBERS))
def test_number_words(entry: Entry, text: str, holds: bool) -> None:
    got = any(any(w in q.text.lower() for w in entry["words"]) for q in parse(text))
    assert got is holds, f"{text!r}: {parse(text)}"


ORDINALS = cases(table("ordinals"))


@pytest.mark.parametrize(("entry", "text", "holds"), ORDINALS, ids=ids(ORDINALS))
def test_ordinals(entry: Entry, text: str, holds: bool) -> None:
    got = any(q.unit == "year" and "anniversary" in q.text for q in parse(text))
    assert got is holds, f"{text!r}: {parse(text)}"


# How each role of figure_words.yaml shows in a parse: (the parse holds the role's effect?)
ROLE_EFFECT = {
    "forward": lambda qs: not qs,  # the number is a reading aid: no figure
    "definite": lambda qs: not qs,  # a reference to a known group: no figure
    "idiom": lambda qs: not qs,
    "not_unit": lambda qs: bool(qs) and qs[0].dimension == "number",  # a bare number: counts nothing
    "describing": lambda qs: bool(qs) and qs[0].unit not in quantities._lexicon().describing,
    "verb": lambda qs: bool(qs) and qs[0].dimension == "number",
    "fused": lambda qs: bool(qs),  # the figure after "then-" is kept
    "split": lambda qs: [q.unit for q in qs] == ["percent", "percent"],
}
FIGURE_WORDS = cases(table("figure_words"))


@pytest.mark.parametrize(("entry", "text", "holds"), FIGURE_WORDS, ids=ids(FIGURE_WORDS))
def test_figure_words(entry: Entry, text: str, holds: bool) -> None:
    qs = parse(text)
    if entry["role"] == "describing" and not holds:
        assert qs and qs[0].dimension == "count", f"{text!r}: {qs}"  # the plain noun is counted too
        return
    assert ROLE_EFFECT[entry["role"]](qs) is holds, f"{entry['role']}: {text!r}: {qs}"


def test_old_module_names_resolve() -> None:
    """Other code and tests read the tables under their old constant names."""
    assert quantities.SCALES["bn"] == 1e9
    assert quantities.CURRENCY_WORDS["yuan"] == "CNY" and quantities.CURRENCY_SIGNS["hk$"] == "HKD"
    assert "NOK" in quantities.CURRENCY_CODES and quantities.BOUNDS["at least"] == "min"
    assert quantities.MEASURES["miles"][0] == "km" and quantities.FRACTIONS["quarter"] == 25.0
    with pytest.raises(AttributeError):
        _ = quantities.NO_SUCH_TABLE

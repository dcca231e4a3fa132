"""Units of one family convert to one canonical unit (issue 9, number forms): energy, power, basis
points, tonnes, areas, and rates per 10,000. Sentences are our own; each row says why."""

from __future__ import annotations

import pytest

from factcheck.quantities import comparable, compatible, find_quantities
from factcheck.text import fold

# (text, value, unit, dimension, reason)
CASES = [
    ("The plant will generate 35 billion kWh a year.", 35e6, "MWh", "energy", "kWh to MWh"),
    ("Storage reached 8.1 GWh.", 8100, "MWh", "energy", "GWh to MWh"),
    ("The country used 300 TWh last year.", 300e6, "MWh", "energy", "TWh to MWh"),
    ("Each turbine is rated at 500 kW.", 0.5, "MW", "power", "kW to MW"),
    ("The panel gives 400 W at noon.", 0.0004, "MW", "power", "W to MW, capital W"),
    ("Offshore wind reached 2.3 GW.", 2300, "MW", "power", "GW to MW"),
    ("The bank cut rates by 50 basis points.", 0.5, "pp", "points", "100 bp is one percentage point"),
    ("Spreads widened by 75 bps.", 0.75, "pp", "points", "bps"),
    ("The mine produced 40 kt of copper.", 40_000, "t", "mass", "kilotonnes"),
    ("Emissions fell to 2.5 Mt of CO2.", 2.5e6, "t", "mass", "Mt with a capital M"),
    ("The reserve covers 5,000 hectares.", 50, "km2", "area", "hectares to km2"),
    ("The estate covers 40 ha.", 0.4, "km2", "area", "ha"),
    ("Cases reached 4.4 per 10,000 people.", 4.4, "per 10000", "rate", "a rate, not a count of 10,000"),
    ("Cases reached 12 per 100 thousand people.", 12, "per 100000", "rate", "a base with a scale word"),
]


@pytest.mark.parametrize(("text", "value", "unit", "dim", "why"), CASES, ids=[c[4] for c in CASES])
def test_unit_family(text: str, value: float, unit: str, dim: str, why: str) -> None:
    qs = find_quantities(fold(text))
    assert [(q.value, q.unit, q.dimension) for q in qs] == [(pytest.approx(value), unit, dim)], why


@pytest.mark.parametrize(
    ("draft", "source", "ok", "why"),
    [
        ("rates rose by 100 basis points", "rates rose by 1 percentage point", True, "100 bp = 1 pp"),
        ("2,300 MW of wind", "2.3 GW of wind", True, "MW and GW of one family"),
        ("35,000 GWh a year", "35 TWh a year", True, "GWh and TWh"),
        ("40,000 tonnes of ore", "40 kt of ore", True, "tonnes and kilotonnes"),
    ],
)
def test_conversions_agree(draft: str, source: str, ok: bool, why: str) -> None:
    (d,), (s,) = find_quantities(draft), find_quantities(source)
    assert comparable(d, s) and compatible(d, s) is ok, why


def test_energy_is_not_power() -> None:
    (energy,), (power,) = find_quantities("8.1 GWh"), find_quantities("8.1 GW")
    assert not comparable(energy, power)


def test_a_rate_is_not_a_count() -> None:
    (rate,) = find_quantities("4.4 per 10,000 people")
    (count,) = find_quantities("10,000 people")
    assert not comparable(rate, count), "'4.4 per 10,000' says nothing of 10,000 people"
    (other,) = find_quantities("4.4 per 100,000 people")
    assert not comparable(rate, other), "rates on different bases"

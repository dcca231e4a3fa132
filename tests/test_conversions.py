"""A conversion in brackets restates the figure before it (issue 9, number forms): "EUR 2bn
($2.2bn)" gives two figures of one amount, the second marked `alt_of` the first's start."""

from __future__ import annotations

import pytest

from factcheck.quantities import find_quantities
from factcheck.text import fold

# (text, reason)
CASES = [
    ("The EU pledged EUR 2bn ($2.2bn) to the fund.", "euros restated in dollars"),
    ("Japan lent ¥5 trillion ($35.1 billion) to the region.", "a sign, then a conversion"),
    ("The pipeline runs 5 miles (8 km) under the bay.", "a length restated in another unit"),
    ("Oslo gave NOK 2.4 billion (or about $230 million) in aid.", "'or about' inside the bracket"),
]


@pytest.mark.parametrize(("text", "why"), CASES, ids=[c[1] for c in CASES])
def test_bracketed_conversion_restates(text: str, why: str) -> None:
    first, second = find_quantities(fold(text))
    assert first.alt_of is None and second.alt_of == first.start, why
    assert first.unit != second.unit or first.dimension != "money", why


REJECTS = [
    ("Aid rose to $2bn (up from $1.5bn).", "a different figure in brackets"),
    ("The loan of $2bn (43% of the total) was signed.", "a share in brackets is another measure"),
    ("Exports reached $2bn and imports $3bn.", "no bracket"),
]


@pytest.mark.parametrize(("text", "why"), REJECTS, ids=[r[1] for r in REJECTS])
def test_other_figures_are_not_conversions(text: str, why: str) -> None:
    assert all(q.alt_of is None for q in find_quantities(fold(text))), why

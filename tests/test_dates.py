"""Dates: written forms, and when two dates agree."""

from __future__ import annotations

import pytest

from factcheck import dates
from factcheck.dates import compatible, find_dates
from factcheck.lang import Entry, table
from factcheck.text import fold

CASES = [
    ("on 17 July 2020", (2020, 7, 17, None, ""), "day month year"),
    ("on May 9, 2023", (2023, 5, 9, None, ""), "month day, year"),
    ("on Oct. 14", (None, 10, 14, None, ""), "abbreviated month, no year"),
    ("in June 2023", (2023, 6, None, None, ""), "month and year"),
    ("in 2016–17", (2016, None, None, 2017, ""), "a span of years, short form"),
    ("in the 2022/23 season", (2022, None, None, 2023, ""), "a season or fiscal year with a slash"),
    ("in fiscal 2019/2020", (2019, None, None, 2020, ""), "the same, both years in full"),
    ("between 2001 and 2011", (2001, None, None, 2011, "between"), "between two years"),
    ("since 2018", (2018, None, None, None, "since"), "since"),
    ("By 2018, trade grew", (2018, None, None, None, "by"), "by"),
]
REJECTS = [
    ("prices may rise", "the modal verb 'may'"),
    ("2,000 people", "a count, not a year"),
    ("the 1990s", "a decade is not a year"),
    ("2015 kilometres", "a distance"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_parses(text: str, expected: tuple[object, ...], why: str) -> None:
    (d,) = find_dates(fold(text))
    assert (d.year, d.month, d.day, d.end_year, d.relation) == expected, why


@pytest.mark.parametrize(("text", "why"), REJECTS, ids=[r[1] for r in REJECTS])
def test_not_a_date(text: str, why: str) -> None:
    assert find_dates(fold(text)) == [], why


@pytest.mark.parametrize(
    ("draft", "source", "ok"),
    [
        ("14 October", "Oct. 14", True),
        ("June 2023", "12 June 2023", True),
        ("2016", "2016-2017", True),
        ("2016-17", "2016-2017", True),
        ("9 May 2022", "May 9, 2023", False),
        ("since 2020", "since 2018", False),
        ("2016-18", "2016-2017", False),
    ],
)
def test_compatible(draft: str, source: str, ok: bool) -> None:
    (d,) = find_dates(draft)
    (s,) = find_dates(source)
    assert compatible(d, s) is ok


# --- the tables: lang/en/months.yaml and lang/en/date_relations.yaml ------------------------------

MONTH_ROWS = [(e["number"], t, True) for e in table("months") for t in e.match] + [
    (e["number"], t, False) for e in table("months") for t in e.reject
]


@pytest.mark.parametrize(("month", "text", "holds"), MONTH_ROWS, ids=[t for _, t, _ in MONTH_ROWS])
def test_month_examples(month: int, text: str, holds: bool) -> None:
    got = any(d.month == month for d in find_dates(fold(text)))
    assert got is holds, f"{text!r}: {find_dates(fold(text))}"


RELATION_ROWS = [(e, t, True) for e in table("date_relations") for t in e.match] + [
    (e, t, False) for e in table("date_relations") for t in e.reject
]


@pytest.mark.parametrize(("entry", "text", "holds"), RELATION_ROWS, ids=[t for _, t, _ in RELATION_ROWS])
def test_relation_examples(entry: Entry, text: str, holds: bool) -> None:
    found = find_dates(fold(text))
    if entry["kind"] == "not_a_year":
        assert (not found) is holds, f"{text!r}: {found}"
        return
    assert found, text
    d = found[0]
    if entry["kind"] == "relation":  # the date takes the entry's relation, or none when it gives none
        named = {entry["relation"], entry["span"]} - {""}
        if "bare_year" in entry.fields:  # and a year alone the entry's relation for it
            named |= {entry["bare_year"], entry["relation"]}
        got = d.relation in named if named else d.relation == ""
    else:  # a qualifier keeps the relation word before it attached to the date
        got = d.relation != ""
    assert got is holds, f"{text!r}: {d}"


def test_module_names_resolve() -> None:
    assert dates.MONTHS["sept"] == 9 and dates.PATTERN.search("in 2019")


@pytest.mark.parametrize(
    ("text", "years", "why"),
    [
        (
            "The Federal Reserve was established in 1790.",
            [1790],
            "an early year after 'in', ending its phrase",
        ),
        ("In 1648, the treaty was signed.", [1648], "an early year opening the sentence"),
        ("The garrison has stood since 1720 and still stands.", [1720], "after 'since'"),
        ("Aid reached 1500 villages.", [], "a count, not a year: no cue"),
        ("Aid reached people in 1500 villages.", [], "after 'in', but a count: it does not end its phrase"),
        ("Output rose by 1500 tonnes.", [], "a change, not a date"),
    ],
)
def test_years_before_1800_need_a_cue(text: str, years: list[int], why: str) -> None:
    assert [d.year for d in dates.find_dates(text)] == years, why


@pytest.mark.parametrize(
    ("text", "years", "why"),
    [
        ("from 21 June to 15 October 2024", [2024, 2024], "the first end takes the second's year"),
        ("from 20 December to 3 January 2022", [2021, 2022], "the year before when its month comes later"),
        ("on 3 March, and 9 May 2021", [None, 2021], "a list, not a range: no year is lent"),
    ],
)
def test_a_range_of_days_shares_its_year(text: str, years: list[int | None], why: str) -> None:
    assert [d.year for d in find_dates(fold(text))] == years, why

"""Properties that hold for any text (issue 6): the reader, the sentence splitter, the finders and the
JSON/SARIF renderers never raise; every position points inside the input and back at the right
character; a figure written in a canonical form reads back as the value and unit it was written
with, and so does `quantities.describe` of it."""

from __future__ import annotations

import json
import math
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import dates, entities, quantities, reader, suppress
from factcheck.check import Checker, open_stores
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.model import Quantity, Report
from factcheck.reader import LineIndex, decode, parse
from factcheck.render import render
from factcheck.segment import sentences
from factcheck.text import fold

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that reaches the interesting paths: figures, dates, names, Markdown, odd characters.
FRAGMENTS = [
    "1",
    "43",
    "1,200",
    "12.5",
    "$",
    "\u20ac",
    "%",
    " percent",
    " billion",
    " million",
    " km",
    "between ",
    " and ",
    " to ",
    "from ",
    "about ",
    "more than ",
    "-",
    "\u2013",
    "one",
    "twenty-five",
    "a third",
    "2019",
    "2016-17",
    "17 July 2020",
    "Oct. 14",
    "May",
    "since 2018",
    "China",
    "Kazakhstan",
    "the SCO",
    "Huawei",
    "U.S.",
    "e.g.",
    "J. Smith",
    ". ",
    "? ",
    "...",
    ";",
    ",",
    "(",
    ")",
    "[",
    "]",
    '"',
    "\u201c",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\ufeff",
    "- ",
    "* ",
    "1. ",
    "> ",
    "# ",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "```\n5%\n```\n",
    "`x`",
    '<!-- factcheck: accept "ok" -->',
    "<!--",
    "<sup>1</sup>",
    "[1]",
    "[a](b)",
    "http://x.org/5%",
    "**",
    "_",
    "---\n",
    "\u0301",
    "\U0001f600",
    "\u4e2d\u56fd",
    "respectively",
    "not ",
]
texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)


@cache
def checker() -> Checker:
    return Checker(open_stores([]), Config())


def parsed(text: str, markdown: bool):  # type: ignore[no-untyped-def]
    try:
        return parse(text, "draft.md" if markdown else "draft.txt", markdown=markdown)
    except FactcheckError as e:  # only malformed front matter is refused, in one line
        assert markdown and text.replace("\r\n", "\n").replace("\r", "\n").startswith("---")
        assert "\n" not in str(e)
        return None


# --- never raises, positions inside the input ---------------------------------------------------


@SETTINGS
@given(st.binary(max_size=300))
def test_decode_never_raises_but_bad_input(raw: bytes) -> None:
    try:
        text = decode(raw, "draft.md")
    except FactcheckError as e:
        assert str(e).startswith("draft.md") and "\n" not in str(e)
        return
    assert isinstance(text, str)


@SETTINGS
@given(texts, st.booleans())
def test_reader_and_splitter_positions(text: str, markdown: bool) -> None:
    doc = parsed(text, markdown)
    if doc is None:
        return
    for b in doc.blocks:
        assert 0 <= b.offset <= b.offset + len(b.text) <= len(doc.text)
    for s in sentences(doc.blocks):
        assert 0 <= s.start <= s.start + len(s.text) <= len(doc.text)
        for i, c in enumerate(s.text):  # markup is blanked; every other character is the input's
            if not c.isspace():  # or its word's, moved over invisible characters (fold_invisible)
                assert fold(doc.text[s.start + i]) == c or _in_word_with_invisible(doc.text, s.start + i)


def _in_word_with_invisible(text: str, i: int) -> bool:
    lo = hi = i
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return reader._HAS_CF.search(text, lo, hi) is not None


@SETTINGS
@given(texts)
def test_finders_never_raise_and_point_inside(text: str) -> None:
    text = fold(text)
    for q in quantities.find_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text or q.high is not None or q.role
        assert math.isfinite(q.value)
        quantities.describe(q)
    for d in dates.find_dates(text):
        assert 0 <= d.start <= d.end <= len(text) and text[d.start : d.end] == d.text
    for m in entities.find(text, entities.load()):
        assert 0 <= m.start <= m.end <= len(text) and text[m.start : m.end] == m.text


@SETTINGS
@given(texts, st.booleans())
def test_claims_point_at_their_line_and_column(text: str, markdown: bool) -> None:
    doc = parsed(text, markdown)
    if doc is None:
        return
    starts = [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]
    lines = LineIndex(doc.text)
    for c in extract(doc, entities.load()):
        assert 0 <= c.start <= c.end <= len(doc.text)
        assert (c.line, c.column) == lines.position(c.start)
        assert starts[c.line - 1] + c.column - 1 == c.start
        assert c.line <= c.end_line


@SETTINGS
@given(texts, st.booleans())
def test_json_and_sarif_renderers_never_raise(text: str, markdown: bool) -> None:
    doc = parsed(text, markdown)
    if doc is None:
        return
    fr = suppress.apply(doc, checker().check_document(doc), warn=lambda *_: None)
    report = Report(store=checker().info(), files=(fr,))
    for fmt in ("json", "sarif"):
        out = render(report, fmt, color=False, quiet=False, verbose=True, failing=frozenset())
        json.loads(out)


# --- round trip ----------------------------------------------------------------------------------

SIGNS = {"$": "USD", "\u20ac": "EUR", "\u00a3": "GBP"}
SCALES = {"": 1.0, " thousand": 1e3, " million": 1e6, " billion": 1e9, " trillion": 1e12}
MEASURE_WORDS = {
    "kilometres": ("km", 1.0),
    "tonnes": ("t", 1.0),
    "square kilometres": ("km2", 1.0),
    "megawatts": ("MW", 1.0),
    "miles": ("km", 1.609344),
    "days": ("day", 1.0),
}
# describe's forms that read back as what they describe ("5 m" or "3 bbl" do not).
PARSEABLE = {"percent", "pp", "USD", "EUR", "GBP", "CNY", "km", "km2", "t", "MW", "day", "year", "times"}


def _grouped(n: int) -> str:
    return f"{n:,}"


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, float, str]:
    kind = draw(st.sampled_from(["money", "percent", "measure"]))
    if kind == "money":
        sign = draw(st.sampled_from(sorted(SIGNS)))
        whole, tenth = draw(st.integers(1, 999)), draw(st.integers(0, 9))
        scale = draw(st.sampled_from(sorted(SCALES)))
        number = f"{whole}.{tenth}" if tenth else str(whole)
        return f"{sign}{number}{scale}", float(number) * SCALES[scale], SIGNS[sign]
    if kind == "percent":
        whole, tenth = draw(st.integers(0, 100)), draw(st.integers(0, 9))
        number = f"{whole}.{tenth}" if tenth else str(whole)
        form = draw(st.sampled_from(["%", " percent", " per cent"]))
        return f"{number}{form}", float(number), "percent"
    n = draw(st.integers(2, 999_999))
    word = draw(st.sampled_from(sorted(MEASURE_WORDS)))
    unit, factor = MEASURE_WORDS[word]
    return f"{_grouped(n)} {word}", n * factor, unit


def only_figure(sentence: str) -> Quantity:
    found = quantities.find_quantities(fold(sentence))
    assert len(found) == 1, (sentence, found)
    return found[0]


@settings(max_examples=200, deadline=None)
@given(figures())
def test_canonical_figures_read_back(fig: tuple[str, float, str]) -> None:
    written, value, unit = fig
    q = only_figure(f"It reached {written} in the end.")
    assert q.unit == unit, (written, q)
    assert math.isclose(q.value, value, rel_tol=1e-9), (written, q.value, value)
    again = quantities.describe(q)
    if q.unit in PARSEABLE:
        r = only_figure(f"It reached {again} in the end.")
        assert r.unit == q.unit, (written, again, r)
        assert math.isclose(r.value, q.value, rel_tol=1e-6), (written, again, r.value, q.value)


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("$12.5 billion", 12.5e9, "USD"),
        ("43 percent", 43.0, "percent"),
        ("1,200 kilometres", 1200.0, "km"),
        ("\u00a34 million", 4e6, "GBP"),
        ("2.5 million tonnes", 2.5e6, "t"),
    ],
)
def test_examples_read_back(written: str, value: float, unit: str) -> None:
    q = only_figure(f"It reached {written} in the end.")
    assert (q.unit, q.value) == (unit, value)
    r = only_figure(f"It reached {quantities.describe(q)} in the end.")
    assert (r.unit, r.value) == (unit, value)

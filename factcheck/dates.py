"""Dates and years in a sentence: "17 July 2020", "Oct. 14", "June 2023", "2016-17", "since 2018".

The text given is folded (see `text.fold`), so every dash is "-". Offsets are into that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from factcheck import derived
from factcheck.lang import table
from factcheck.lang.build import alternation
from factcheck.model import DateValue, Relation
from factcheck.rules import rules

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_EARLY_CUE = r"(?:(?<=\b[Ii]n\s)|(?<=\b[Ss]ince\s)|(?<=\b[Uu]ntil\s))"
# ... and only where a year ends its phrase: "in 1790, Hamilton", not "in 1500 villages".
_PHRASE_END = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:(?-i:[A-Z])|(?:and|that|when|the|with|to|after|before|under|as|was|were)\b))"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


@dataclass(frozen=True, slots=True)
class _Grammar:
    months: dict[str, int]  # every written form, lower case, without its stop -> 1..12
    names: tuple[str, ...]  # the full names, January first
    word_when_lower: frozenset[str]  # forms that in lower case are common words ("may")
    relations: dict[str, Relation]  # the word before a single date -> its relation ("from" -> "since")
    span_relations: dict[str, Relation]  # the word before a span of years -> its relation
    bare_year: dict[str, Relation]  # the word before a year written alone -> its relation ("on" -> base)
    pattern: re.Pattern[str]


@cache
@derived.compiling  # many patterns: the cache is written once
def _grammar() -> _Grammar:
    """The date pattern, built once from the month, relation, unit and scale tables."""
    months: dict[str, int] = {}
    names = []
    lower_words = set()
    for e in table("months"):
        forms = [e["name"], *e.get("short", ())]
        names.append(e["name"])
        for f in forms:
            months[f.lower()] = int(e["number"])
            if e.get("word_when_lower"):
                lower_words.add(f.lower())
    relations = {}
    spans = {}
    bare: dict[str, Relation] = {}
    qualifiers: list[str] = []
    hyphened: list[str] = []
    not_year: list[str] = []
    for e in table("date_relations"):
        if e["kind"] == "relation":
            for w in e["words"]:
                relations[w] = Relation(e["relation"])
                spans[w] = Relation(e["span"])
                if "bare_year" in e.fields:
                    bare[w] = Relation(e["bare_year"])
        elif e["kind"] == "qualifier":
            (hyphened if e.get("hyphen") else qualifiers).extend(e["words"])
        else:
            not_year.extend(e["words"])
    # A number followed by a unit, a scale or a share is a measure, not a year ("2015 kilometres").
    for e in table("units"):
        if e["dimension"] in ("percent", "length", "area", "mass"):
            not_year.extend(e["words"])
    not_year.extend(w for e in table("scales") for w in e.get("words", ()))
    mon = rf"{alternation(months)}\.?"
    rel = (
        rf"(?:(?P<rel>{alternation(relations)})\s+"
        rf"(?:{alternation(qualifiers)}\s+|{alternation(hyphened)}-?)?)?"
    )
    signs = [w for w in not_year if not w[-1].isalnum()]
    after = f"{alternation(signs)}|{alternation(w for w in not_year if w[-1].isalnum())}\\b"
    # Ordered: the first alternative that matches at a position wins, so longer forms come first.
    pattern = derived.regex(
        rel
        + r"(?:"
        + rf"(?P<d1>{_DAY})\s+(?P<m1>{mon}),?\s+(?P<y1>{_YEAR})\b"
        + rf"|(?P<m2>{mon})\s+(?P<d2>{_DAY}),\s*(?P<y2>{_YEAR})\b"
        + rf"|(?P<m3>{mon}),?\s+(?P<y3>{_YEAR})\b"
        + rf"|(?P<d4>{_DAY})\s+(?P<m4>{mon})(?![a-z])"
        + rf"|(?P<m5>{mon})\s+(?P<d5>{_DAY})\b(?![,.]?\d)"
        # "2014-2018", "2014 to 2018", and a season or fiscal year: "2023-24", "2022/23"
        + rf"|(?P<ya>{_YEAR})\s*(?:(?:-|/|to|and)\s*(?P<yb>{_YEAR})|[-/](?P<yc>\d\d))\b"
        + r"(?![.,]\d|\s*(?:%|percent|per\s+cent))"
        + rf"|(?P<y6>{_YEAR})\b(?!s\b|,\d|\.\d|-[a-z]|\s*(?:{after}))"
        # A year before 1800 only after "in", "since" or "until": alone, "1500" is as often a count.
        + rf"|{_EARLY_CUE}(?P<y7>1[0-7]\d\d)\b(?!,\d|\.\d){_PHRASE_END}"
        + r")",
        re.I,
    )
    return _Grammar(months, tuple(names), frozenset(lower_words), relations, spans, bare, pattern)


def __getattr__(name: str) -> Any:
    if name == "MONTHS":
        return _grammar().months
    if name == "PATTERN":
        return _grammar().pattern
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_dates(text: str) -> list[DateValue]:
    grammar = _grammar()
    out: list[DateValue] = []
    for m in grammar.pattern.finditer(text):
        g = m.groupdict()
        month_word = next((g[k] for k in ("m1", "m2", "m3", "m4", "m5") if g[k]), None)
        month_key = month_word.rstrip(".").lower() if month_word else ""
        if month_key in grammar.word_when_lower and month_word and month_word[0].islower():
            continue  # the modal verb "may", not the month
        year = next((int(g[k]) for k in ("y1", "y2", "y3", "y6", "y7") if g[k]), None)
        day_s = next((g[k] for k in ("d1", "d2", "d4", "d5") if g[k]), None)
        end_year = None
        if g["ya"]:
            year = int(g["ya"])
            yb = g["yb"] or g["yc"]
            end_year = int(yb) if len(yb) == 4 else (year // 100) * 100 + int(yb)
            if end_year <= year:
                if len(yb) == 2:  # "2015-12" is not a span of years
                    continue
                end_year = None
        word = re.sub(r"\s+", " ", (g["rel"] or "").lower())
        rel = (grammar.span_relations if end_year is not None else grammar.relations).get(word, Relation.NONE)
        if word in grammar.bare_year and end_year is None and not month_word and not day_s:
            rel = grammar.bare_year[word]  # "a 34% rise on 2023": the change's base
        first = min(
            (m.start(k) for k in ("d1", "m1", "m2", "m3", "d4", "m5", "ya", "y6", "y7") if g[k]),
            default=m.start(),
        )
        out.append(
            DateValue(
                year=year,
                month=grammar.months[month_key] if month_word else None,
                day=int(re.sub(r"\D", "", day_s)) if day_s else None,
                end_year=end_year,
                relation=rel,
                text=text[first : m.end()],
                start=first,
                end=m.end(),
            )
        )
    return _years_of_ranges(text, out)


def _years_of_ranges(text: str, dates: list[DateValue]) -> list[DateValue]:
    """The first end of a range of days takes its year from the second ("from 21 June to 15 October
    2024", "between 3 March and 9 May 2021"), the year before when its month comes later."""
    out = list(dates)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if (
            a.year is None
            and a.month is not None
            and b.year is not None
            and b.month is not None
            and rules()["date range join"].pattern.fullmatch(text, a.end, b.start)
        ):
            out[i - 1] = replace(a, year=b.year if a.month <= b.month else b.year - 1)
    return out


def compatible(draft: DateValue, source: DateValue) -> bool:
    """Same date at the precision both give: "June 2023" agrees with "Jun. 2023" and with
    "12 June 2023"; a year agrees with a span of years that holds it ("2016" in "2016-2017")."""
    if draft.year is not None and source.year is not None:
        d_lo, d_hi = draft.year, draft.end_year or draft.year
        s_lo, s_hi = source.year, source.end_year or source.year
        if draft.end_year and source.end_year:
            if (d_lo, d_hi) != (s_lo, s_hi):
                return False
        elif not (s_lo <= d_lo and d_hi <= s_hi) and not (d_lo <= s_lo and s_hi <= d_hi):
            return False
    if draft.month is not None and source.month is not None and draft.month != source.month:
        return False
    return not (draft.day is not None and source.day is not None and draft.day != source.day)


def comparable(draft: DateValue, source: DateValue) -> bool:
    """Whether two dates say something about each other at all."""
    if draft.year is not None and source.year is not None:
        return True
    return draft.month is not None and source.month is not None


def describe(d: DateValue) -> str:
    if d.end_year:
        return f"{d.year}-{d.end_year}"
    parts = []
    if d.day:
        parts.append(str(d.day))
    if d.month:
        parts.append(_grammar().names[d.month - 1])
    if d.year:
        parts.append(str(d.year))
    return " ".join(parts)

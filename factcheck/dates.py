"""Dates and years in a sentence: "17 July 2020", "Oct. 14", "June 2023", "2016-17", "since 2018".

The text given is folded (see `text.fold`), so every dash is "-". Offsets are into that text.
"""

from __future__ import annotations

import re

from factcheck.model import DateValue

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_REL = (
    r"(?:(?P<rel>since|by|until|till|before|after|from|in|on|during|between)\s+"
    r"(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?)?"
)

# Ordered: the first alternative that matches at a position wins, so longer forms come first.
PATTERN = re.compile(
    _REL
    + r"(?:"
    + rf"(?P<d1>{_DAY})\s+(?P<m1>{_MON}),?\s+(?P<y1>{_YEAR})\b"
    + rf"|(?P<m2>{_MON})\s+(?P<d2>{_DAY}),\s*(?P<y2>{_YEAR})\b"
    + rf"|(?P<m3>{_MON}),?\s+(?P<y3>{_YEAR})\b"
    + rf"|(?P<d4>{_DAY})\s+(?P<m4>{_MON})(?![a-z])"
    + rf"|(?P<m5>{_MON})\s+(?P<d5>{_DAY})\b(?![,.]?\d)"
    + rf"|(?P<ya>{_YEAR})\s*(?:(?:-|to|and)\s*(?P<yb>{_YEAR})|-(?P<yc>\d\d))\b"
    + r"(?![.,]\d|\s*(?:%|percent|per\s+cent))"
    + rf"|(?P<y6>{_YEAR})\b(?!s\b|,\d|\.\d|-[a-z]|\s*(?:%|percent|per\s+cent|thousand|million|billion"
    + r"|km|kilomet\w*|metres|meters|square|miles|tonnes|tons|people|units)\b)"
    + r")",
    re.I,
)


def find_dates(text: str) -> list[DateValue]:
    out: list[DateValue] = []
    for m in PATTERN.finditer(text):
        g = m.groupdict()
        month_word = next((g[k] for k in ("m1", "m2", "m3", "m4", "m5") if g[k]), None)
        if month_word and month_word.rstrip(".").lower() == "may" and month_word[0] == "m":
            continue  # the modal verb, not the month
        year = next((int(g[k]) for k in ("y1", "y2", "y3", "y6") if g[k]), None)
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
        rel = (g["rel"] or "").lower()
        if rel in ("in", "on", "during"):
            rel = ""
        if rel == "between" and end_year is None:
            rel = ""
        if rel == "from" and end_year is None:
            rel = "since"
        first = min(
            (m.start(k) for k in ("d1", "m1", "m2", "m3", "d4", "m5", "ya", "y6") if g[k]), default=m.start()
        )
        out.append(
            DateValue(
                year=year,
                month=MONTHS[month_word.rstrip(".").lower()] if month_word else None,
                day=int(re.sub(r"\D", "", day_s)) if day_s else None,
                end_year=end_year,
                relation=rel if rel in ("since", "by", "until", "till", "before", "after", "between") else "",
                text=text[first : m.end()],
                start=first,
                end=m.end(),
            )
        )
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
        parts.append(list(MONTHS)[d.month - 1].capitalize())
    if d.year:
        parts.append(str(d.year))
    return " ".join(parts)

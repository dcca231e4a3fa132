"""Quantities in a sentence: a value with its unit, scale, currency, range and hedge, normalised.

"43%", "43 percent" and "forty-three per cent" give the same Quantity; so do "$19.8 billion",
"US$19.8bn" and "19.8 billion dollars". Numbers in words go through text2num (a maintained parser
of English number words) rather than a hand-written table. Years and dates are left to `dates`.
The text given is folded (see `text.fold`): every dash is "-" and every quote straight.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from factcheck import derived
from factcheck.lang import table
from factcheck.lang.build import alternation
from factcheck.model import Bound, Quantity, Role
from factcheck.rules import rules
from factcheck.text import stem, stopwords

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.I)


def _number(x: object) -> float:
    """A factor as a table writes it: a number, or a fraction such as "1/12"."""
    if isinstance(x, str) and "/" in x:
        num, den = x.split("/")
        return float(num) / float(den)
    return float(str(x))


def _forms(words: Iterable[str]) -> str:
    """An alternation of written forms, each ending at a word boundary unless it ends in a sign ("%")."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    return (
        "(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") + (r"\b" if w[-1].isalnum() else "") for w in parts)
        + ")"
    )


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Everything the parser knows about English figures, built once from the language tables."""

    scales: dict[str, float]  # "bn" -> 1e9
    after_currency: frozenset[str]  # scale abbreviations only read as such after a currency ("m")
    currency_words: dict[str, str]  # "yuan" -> "CNY": written after a figure
    currency_signs: dict[str, str]  # "hk$" -> "HKD": written before a figure (lower case)
    currency_codes: dict[str, str]  # "RMB" -> "CNY", "NOK" -> "NOK": codes, in capitals
    shared_signs: dict[str, frozenset[str]]  # "¥" -> {"CNY", "JPY"}: signs written for several
    measures: dict[str, tuple[str, str, float]]  # written form, lower case -> (unit, dimension, factor)
    symbols: dict[str, tuple[str, str, float]]  # unit symbols whose case matters ("Mt", "W")
    percents: dict[str, tuple[str, float]]  # "per cent" -> ("percent", 1), "bps" -> ("pp", 0.01)
    multipliers: dict[str, float]  # "tripled" -> 3.0
    fractions: dict[str, float]  # "quarters" -> 25.0
    bounds: dict[str, Bound]  # "at least" -> Bound.MIN
    near: frozenset[str]  # hedges that also say the value is close ("just under")
    short: frozenset[str]  # hedges that say the value falls short of the figure ("nearly")
    ordinals: dict[str, str]  # "fifth" -> "five"
    idioms: frozenset[str]  # number words that alone are not counts ("one", "a dozen")
    not_unit: frozenset[str]
    describing: frozenset[str]
    verbish: frozenset[str]
    unit_names: dict[str, str]  # canonical unit -> how it is printed after a value
    number: re.Pattern[str]
    scale_re: re.Pattern[str]
    scale_word: re.Pattern[str]
    glued: re.Pattern[str]
    percent_re: re.Pattern[str]
    cur_after: re.Pattern[str]
    cur_before: re.Pattern[str]
    measure_re: re.Pattern[str]
    hedge_before: re.Pattern[str]
    range_currency: re.Pattern[str]
    between: re.Pattern[str]
    forward: re.Pattern[str]
    definite: re.Pattern[str]
    anniversary: re.Pattern[str]
    multiplier_re: re.Pattern[str]
    fused: re.Pattern[str]
    rate_re: re.Pattern[str]
    split_words: frozenset[str]


def _role(name: str) -> list[str]:
    return [w for e in table("figure_words") if e["role"] == name for w in e["words"]]


@cache
@derived.compiling  # many patterns: the cache is written once
def _lexicon() -> _Lexicon:
    scales: dict[str, float] = {}
    after_currency: set[str] = set()
    scale_words: list[str] = []
    scale_abbrevs: list[str] = []
    for e in table("scales"):
        factor = _number(e["factor"])
        for w in e.get("words", ()):
            scales[w] = factor
            scale_words.append(w)
        for w in e.get("abbreviations", ()):
            scales[w] = factor
            scale_abbrevs.append(w)
            if e.get("after_currency"):
                after_currency.add(w)

    currency_words: dict[str, str] = {}
    currency_signs: dict[str, str] = {}
    sign_forms: list[str] = []
    currency_codes: dict[str, str] = {}
    shared: dict[str, frozenset[str]] = {}
    for e in table("currencies"):
        code = e.get("code")
        for w in e.get("words", ()):
            currency_words[w] = code
        for sign in e.get("signs", ()):
            currency_signs[sign.lower()] = code
            sign_forms.append(sign)
        if code:
            currency_codes[code] = code
        for sign in e.get("shared_signs", ()):
            shared[sign] = shared.get(sign, frozenset()) | {code}
        for other in e.get("codes", ()):
            currency_codes[other] = code or other

    measures: dict[str, tuple[str, str, float]] = {}
    symbols: dict[str, tuple[str, str, float]] = {}
    percents: dict[str, tuple[str, float]] = {}
    unit_names: dict[str, str] = {}
    for e in table("units"):
        if "show" in e.fields:
            unit_names[e["unit"]] = e["show"]
        factor = _number(e["factor"])
        for w in e["words"]:
            if e["dimension"] in ("percent", "points"):
                percents[w] = (e["unit"], factor)
            else:
                measures[w] = (e["unit"], e["dimension"], factor)
        for w in e.get("symbols", ()):
            symbols[w] = (e["unit"], e["dimension"], factor)
    multipliers: dict[str, float] = {}
    fold_suffixes: list[str] = []
    verb_forms: list[str] = []  # "triple" before its object's determiner: "triple its capacity"
    bare: set[str] = set()  # the words that are multipliers only in those forms
    for e in table("multipliers"):
        if "suffix" in e.fields:
            fold_suffixes.append(e["suffix"])
        for w in e.get("words", ()):
            multipliers[w] = _number(e["times"])
        if "followed_by" in e.fields:
            bare.update(e["words"])
            verb_forms.append(rf"{alternation(e['words'])}(?=\s+{alternation(e['followed_by'])}\b)")

    fractions: dict[str, float] = {}
    fraction_forms = []
    for e in table("fractions"):
        for w in e["words"]:
            fractions[w] = _number(e["percent"])
        fraction_forms.append(rf"{alternation(e['numerators'])}[\s-]+{alternation(e['words'])}")
        if "bare_before" in e.fields:
            after = "".join(rf"(?<!\b{w}\s)" for w in e["not_after"])
            fraction_forms.append(
                rf"{after}{alternation(e['words'])}(?=\s+{alternation(e['bare_before'])}\b)"
            )
    bounds: dict[str, Bound] = {}
    near: set[str] = set()
    short: set[str] = set()
    for e in table("bounds"):
        for w in e["words"]:
            bounds[w] = Bound(e["bound"])
            if e.get("near"):
                near.add(w)
            if e.get("short"):
                short.add(w)

    # "RM5 million", "KSh300": a sign ending in a letter may be written against the number.
    glued_signs = "".join(f"|(?<=\\b{re.escape(s)})" for s in sign_forms if s[-1].isalpha())
    numword = alternation(w for e in table("numbers") for w in e["words"])
    wordnum = rf"(?:(?:a\s+)?{numword}(?:(?:\s+and\s+|\s+|-){numword})*)"
    fraction = "(?:" + "|".join(fraction_forms) + ")"
    # "half a million", "half a percentage point": a half of the scale or unit that follows.
    halved = alternation([*scale_words, *(w for w in percents if " " in w)])
    # "two in five", "one out of three": a share; the second count is small, so "5 in 2019" is not one.
    ratio_count = rf"(?:{numword}(?:-{numword})?|[1-9]\d{{0,2}}(?:,000)?)"
    number = derived.regex(
        rf"\b(?P<half>{numword}|\d+)\s+and\s+a\s+half\b"
        rf"|\b(?P<halfa>half\s+an?)(?=\s+{halved}\b)"
        rf"|(?<![\w.,$])(?P<ratio>(?P<ra>{ratio_count})\s+(?:in|out\s+of)\s+(?P<rb>{ratio_count}))\b(?![.,]\d)"
        # "a third-class ticket", "a quarter-final": a fraction joined by a hyphen is a compound word
        rf"|(?<![\w.,$])(?P<frac>{fraction})\b(?!-)"
        rf"|(?:(?<![\w.]){glued_signs})(?P<digits>{_DIGITS})(?![\d])"
        rf"|\b(?P<fold>{numword}(?:-{numword})*){alternation(fold_suffixes)}\b"
        rf"|\b(?P<words>{wordnum})\b",
        re.I,
    )
    # Signs as written ("HK$", "KSh"): one that starts with a letter starts a word, one that ends with
    # a letter may take a stop ("KSh."). Three capitals may be a code ("NOK 2.4 billion").
    signs = "|".join(
        (r"\b" if s[0].isalpha() else "") + re.escape(s) + (r"\.?" if s[-1].isalpha() else "")
        for s in sorted(sign_forms, key=lambda w: (-len(w), w))
    )
    any_sign = alternation(sign_forms)
    plain_abbrevs = [w for w in scale_abbrevs if w not in after_currency]  # always a scale: "bn", "mln"
    hedges = alternation(bounds)
    measure_words = list(measures)
    symbol_forms = alternation(symbols) if symbols else "(?!)"
    units_glued = [w for w in [*measures, *percents] if len(w) <= 3 and w.isalnum()]
    return _Lexicon(
        scales=scales,
        after_currency=frozenset(after_currency),
        currency_words=currency_words,
        currency_signs=currency_signs,
        shared_signs={s: codes | {currency_signs[s.lower()]} for s, codes in shared.items()},
        currency_codes=currency_codes,
        measures=measures,
        symbols=symbols,
        percents=percents,
        multipliers=multipliers,
        fractions=fractions,
        bounds=bounds,
        near=frozenset(near),
        short=frozenset(short),
        ordinals={e["ordinal"]: e["cardinal"] for e in table("ordinals")},
        idioms=frozenset(_role("idiom")),
        not_unit=frozenset(_role("not_unit")),
        describing=frozenset(_role("describing")),
        verbish=frozenset(_role("verb")),
        unit_names=unit_names,
        number=number,
        scale_re=derived.regex(
            rf"\s*-?\s*(?:({alternation(scale_words)})\b|({alternation(scale_abbrevs)})\b\.?)", re.I
        ),
        scale_word=derived.regex(rf"\b({alternation([*scale_words, *plain_abbrevs])})\b", re.I),
        glued=derived.regex(rf"{alternation([*scale_abbrevs, *units_glued])}\b", re.I),
        percent_re=derived.regex(rf"\s*({_forms(percents)})", re.I),
        cur_after=derived.regex(
            rf"\s*(?:of\s+)?(?:({alternation(currency_words)})|(?-i:({alternation(currency_codes)})))\b"
            rf"(?:\s*\((?-i:{alternation(currency_codes)})\))?",
            re.I,
        ),
        cur_before=derived.regex(rf"({signs}|\b[A-Z]{{3}})\s?$"),
        measure_re=derived.regex(rf"[\s-]*(?:({alternation(measure_words)})|(?-i:({symbol_forms})))\b", re.I),
        hedge_before=derived.regex(
            rf"(?<![A-Za-z])(?P<w>{hedges})\s*(?:the\s+|a\s+)?(?:{any_sign}\s?|[a-z]{{3}}\s)?\s*$",
            re.I,
        ),
        range_currency=derived.regex(rf"({any_sign})\s?[\d.,]+\s*-\s*$", re.I),
        between=derived.regex(rf"\b(between|from)\s+(?:{any_sign})?\s*$", re.I),
        forward=derived.regex(rf"\b{alternation(_role('forward'))}\s+$", re.I),
        definite=derived.regex(rf"(?:\b{alternation(_role('definite'))}|\w's)\s+$", re.I),
        anniversary=derived.regex(
            rf"\b(?P<n>\d+(?:st|nd|rd|th)|(?:{numword}[\s-]+)*[a-z]+(?:th|st|nd|rd))\s+anniversary\b", re.I
        ),
        # A hyphen after the word makes a compound ("to double-check"), not a multiplier.
        multiplier_re=derived.regex(
            rf"\b({'|'.join([*verb_forms, alternation(w for w in multipliers if w not in bare)])})\b(?!-)",
            re.I,
        ),
        fused=derived.regex(rf"\b{alternation(_role('fused'))}-$", re.I),
        # "4.4 per 10,000 (people)": a rate per a round base, not a count of 10,000. "Per capita" is
        # not marked: writers put it after the unit or after the noun ("hectares of land per capita"),
        # so reading it in one place only would set figures of one kind against each other.
        rate_re=derived.regex(
            rf"\s+per\s+(?P<base>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\s+(?P<scale>{alternation(scale_words)}))?\b",
            re.I,
        ),
        split_words=frozenset(_role("split")),
    )


_PUBLIC = {
    "SCALES": "scales",
    "CURRENCY_WORDS": "currency_words",
    "CURRENCY_SIGNS": "currency_signs",
    "MEASURES": "measures",
    "FRACTIONS": "fractions",
    "BOUNDS": "bounds",
    "UNIT_NAMES": "unit_names",
    "NUMBER": "number",
}


def __getattr__(name: str) -> Any:
    # The tables under their old module-level names, built on first use (PEP 562).
    if name in _PUBLIC:
        return getattr(_lexicon(), _PUBLIC[name])
    if name == "CURRENCY_CODES":
        return frozenset(_lexicon().currency_codes)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _word_value(text: str) -> float | None:
    from text_to_num import text2num  # lazy: only sentences with numbers in words pay for the import

    words = re.sub(r"^a\s+", "one ", text.strip().lower().replace("-", " "))
    words = re.sub(r"\s+and\s+", " ", words)
    if words.endswith("dozen"):  # "two dozen": text2num does not know the dozen
        count = _word_value(words[: -len("dozen")]) if words != "dozen" and words != "one dozen" else 1.0
        return None if count is None else 12.0 * count
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


def _count_value(text: str) -> float | None:
    return float(text.replace(",", "")) if text[0].isdigit() else _word_value(text)


def _rate_base(m: re.Match[str]) -> float:
    base = float(m.group("base").replace(",", ""))
    return base * _lexicon().scales[m.group("scale").lower()] if m.group("scale") else base


def _precision(digits: str) -> float:
    """Place value of the last significant written digit: "20.6" -> 0.1; "2,000" -> 100 (at least two
    significant digits are taken as meant, so "100" is not 100 give or take 50)."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".")[1])
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped)
    return 10.0 ** max(0, min(zeros, len(plain) - 2))


# How many words a count's noun phrase may run to: "13 active nuclear plant construction projects".
_NOUN_WORDS = 6


def _unit_noun(after: str) -> str:
    """What a bare count counts: the head noun of the few words that follow ("33 Korean companies"
    -> "company", "eight key areas" -> "area"), stopping at a function word, a verb or a plural."""
    lex = _lexicon()
    stop = stopwords()
    head = ""
    for n, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", after[:60])):
        w = m.group()
        lw = w.lower()
        if lw in lex.describing:
            continue  # "two new icebreakers": the adjective describes, the noun counts
        if n >= _NOUN_WORDS or not w[0].isalpha() or lw in lex.not_unit or lw in stop or lw in lex.verbish:
            break
        if lw.endswith("ly") or (lw.endswith("ed") and head):
            break
        if w[0].isupper():
            continue  # "five Central Asian republics": proper adjectives describe, the noun counts
        head = lw
        if lw.endswith("s") and not lw.endswith(("ss", "us", "is")):
            break  # a plural noun ends the phrase
    return stem(head) if head else ""


_ANNIVERSARY_WORD = re.compile(r"anniversary\b", re.I)  # what every _ANNIVERSARY match ends with


def _anniversaries(text: str) -> list[Quantity]:
    """ "the one hundredth anniversary" is a span of 100 years."""
    out: list[Quantity] = []
    if not _ANNIVERSARY_WORD.search(text):
        return out  # perf (issue 6): the pattern retries at every word of a run of number words
    lex = _lexicon()
    for m in lex.anniversary.finditer(text):
        n = m.group("n").lower()
        if n[0].isdigit():
            value: float | None = float(re.sub(r"\D", "", n))
        else:
            words = n.replace("-", " ").split()
            last = words[-1]
            last = lex.ordinals.get(last) or re.sub(r"ieth$", "y", re.sub(r"th$", "", last))
            value = _word_value(" ".join([*words[:-1], last]))
        if value:
            out.append(
                Quantity(
                    value=value,
                    high=None,
                    unit="year",
                    dimension="duration",
                    bound=Bound.EXACT,
                    precision=1.0,
                    role=Role.NONE,
                    text=m.group(),
                    start=m.start(),
                    end=m.end(),
                )
            )
    return out


class _Spans:
    """Spans (a, b), answering "is there one with a <= x < b" and "one with a < x <= b" by bisection
    over the spans sorted by start, with the running maximum of their ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def holds(self, x: int) -> bool:  # a <= x < b
        i = bisect.bisect_right(self.starts, x)
        return i > 0 and self.reach[i - 1] > x

    def holds_end(self, x: int) -> bool:  # a < x <= b
        i = bisect.bisect_left(self.starts, x)
        return i > 0 and self.reach[i - 1] >= x

    def covers(self, lo: int, hi: int) -> bool:  # a <= lo and hi <= b
        i = bisect.bisect_right(self.starts, lo)
        return i > 0 and self.reach[i - 1] >= hi


def find_quantities(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in `text`, leaving out numbers inside the `skip` spans (dates, names)."""
    raw: list[Quantity] = _anniversaries(text) + _multipliers(text)
    skips = list(skip) + [(q.start, q.end) for q in raw]
    skipped = _Spans(skips)  # perf (issue 6): was a scan of every skip span for every number
    reach = 0  # the end of the last figure: "per 10,000" inside "4.4 per 10,000" is not a figure
    for m in _lexicon().number.finditer(text):
        if m.start() < reach or skipped.holds(m.start()) or skipped.holds_end(m.end()):
            continue
        q = _parse_one(text, m)
        if q is not None:
            raw.append(q)
            reach = q.end
    qs = _share_units(text, _merge_ranges(text, sorted(raw, key=lambda q: q.start)))
    return _mark_conversions(text, qs)


def _multipliers(text: str) -> list[Quantity]:
    """ "Exports tripled" is a growth of three times, comparable with "three-fold" and "3 times"."""
    lex = _lexicon()
    out = []
    for m in lex.multiplier_re.finditer(text):
        start = m.start()
        before = text[max(0, start - 40) : start]
        hb = lex.hedge_before.search(before)  # "nearly tripled", "more than doubled"
        hedge = re.sub(r"\s+", " ", hb.group("w").lower()) if hb else ""
        if hb:
            start -= len(before) - hb.start("w")
        out.append(
            Quantity(
                value=lex.multipliers[m.group(1).lower()],
                high=None,
                unit="times",
                dimension="multiplier",
                bound=lex.bounds.get(hedge, Bound.EXACT),
                precision=1.0,
                role=Role.NONE,
                text=text[start : m.end()],
                start=start,
                end=m.end(),
                hedge=hedge,
            )
        )
    return out


_CLOSE_BRACKET = re.compile(r"\s*[),;]")


def _mark_conversions(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "EUR 2bn ($2.2bn)", "5 miles (8 km)": a figure in brackets right after another of the same kind
    restates it in another currency or unit; it is marked with the start of the figure it restates."""
    out = list(qs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (
            a.dimension == b.dimension
            and a.dimension in (*_MEASURED, "energy")
            and a.alt_of is None
            and rules()["restated in brackets"].search(text[a.end : b.start])
            and _CLOSE_BRACKET.match(text, b.end)
        ):
            out[i] = replace(b, alt_of=a.start)
    return out


def _parse_one(text: str, m: re.Match[str]) -> Quantity | None:
    lex = _lexicon()
    start, end = m.start(), m.end()
    before = text[max(0, start - 40) : start]
    # A number glued to a name ("CR929", "COVID-19", "5G", "G20") is part of the name.
    if end < len(text) and (
        text[end].isalpha() and not _ORDINAL.match(text, end) and not lex.glued.match(text, end)
    ):
        return None
    if (re.search(r"[A-Za-z]-$", before) and not lex.fused.search(before)) or _ORDINAL.match(text, end):
        return None  # "COVID-19", but "the then-12 percent rate" is a figure
    if m.group("halfa"):
        value, prec, unit, dim, scale, qend = 0.5, 0.1, "", "number", 1.0, end
    elif m.group("ratio"):
        a, b = _count_value(m.group("ra")), _count_value(m.group("rb"))
        if a is None or not b or not 0 < a < b:
            return None
        # A share given as a ratio is as precise as its denominator: "one in three" is about 33%.
        value, prec, unit, dim, scale, qend = 100 * a / b, 5.0, "percent", "percent", 1.0, end
    elif m.group("fold"):
        wv = _word_value(m.group("fold"))
        if wv is None:
            return None
        value, prec, unit, dim, scale, qend = wv, 1.0, "times", "multiplier", 1.0, end
    elif m.group("half"):
        whole = m.group("half")
        base = float(whole) if whole.isdigit() else _word_value(whole)
        if base is None:
            return None
        value, prec, unit, dim, scale, qend = base + 0.5, 0.5, "", "number", 1.0, end
    elif m.group("frac"):
        parts = re.split(r"[\s-]+", m.group("frac").lower())
        count = 1.0 if parts[0] in ("a", "one") else float(_word_value(parts[0]) or 1)
        value = count * lex.fractions[parts[-1]]
        prec = 5.0
        unit, dim = "percent", "percent"
        scale = 1.0
        qend = end
    elif m.group("digits"):
        digits = m.group("digits")
        value = float(digits.replace(",", ""))
        prec = _precision(digits)
        unit, dim, scale, qend = "", "number", 1.0, end
    else:
        words = m.group("words")
        if re.sub(r"\s+", " ", words.lower()) in lex.idioms and not lex.scale_re.match(text, end):
            return None  # "one of", "a hundred ways": pronouns and idioms more often than counts
        wv = _word_value(words)
        if wv is None:
            return None
        value, prec, unit, dim, scale, qend = wv, 1.0, "", "number", 1.0, end
    if lex.forward.search(before) and not re.match(
        r"[\s-]*(?:%|percent|per\s+cent|million|billion)", text[end:], re.I
    ):
        return None  # "over the next five years": a plan or a reading aid, not a figure to check
    bound = Bound.EXACT
    hedge = ""
    qstart = start
    hb = lex.hedge_before.search(before)
    if hb:
        hedge = re.sub(r"\s+", " ", hb.group("w").lower())
        bound = lex.bounds.get(hedge, Bound.EXACT)
        hedge_at = start - (len(before) - hb.start("w"))
    cur_b = lex.cur_before.search(before)
    currency = ""
    sign = cur_b.group(1) if cur_b else ""
    if cur_b and (sign.lower().rstrip(".") in lex.currency_signs or sign in lex.currency_codes):
        currency = lex.currency_signs.get(sign.lower().rstrip("."), lex.currency_codes.get(sign, sign))
        qstart = start - (len(before) - cur_b.start())
    if hb:
        qstart = min(qstart, hedge_at)  # the hedge is part of the figure as written: "about $80 billion"
    else:
        shared = lex.range_currency.search(before)  # "$10-15 billion": the sign serves both numbers
        if shared:
            currency = lex.currency_signs[shared.group(1).lower()]
    if dim != "percent":
        sm = lex.scale_re.match(text, qend)
        word = (sm.group(1) or sm.group(2)).lower() if sm else ""
        # "m" is a scale after a currency ("$5m") or before a unit ("55.4m tonnes"), else metres
        if sm and not (
            word in lex.after_currency and not currency and not lex.measure_re.match(text, sm.end())
        ):
            scale = lex.scales[word]
            qend = sm.end()
        pm = lex.percent_re.match(text, qend)
        cm = lex.cur_after.match(text, qend)
        mm = lex.measure_re.match(text, qend)
        if pm:
            unit, factor = lex.percents[re.sub(r"\s+", " ", pm.group(1).lower())]
            dim = "points" if unit == "pp" else "percent"
            value *= factor
            prec *= factor
            qend = pm.end()
        elif cm and not currency:
            currency = (
                lex.currency_words[re.sub(r"\s+", " ", cm.group(1).lower())]
                if cm.group(1)
                else lex.currency_codes[cm.group(2)]
            )
            qend = cm.end()
        elif mm and not currency:
            unit, dim, factor = (
                lex.measures[re.sub(r"\s+", " ", mm.group(1).lower())]
                if mm.group(1)
                else lex.symbols[mm.group(2)]
            )
            value *= factor
            prec *= factor
            qend = mm.end()
        per = ""
        rm = lex.rate_re.match(text, qend)
        if rm and (currency or dim in ("number", "percent", *_MEASURED)):
            per = f"{_rate_base(rm):g}"
            qend = rm.end()
        if currency:
            unit, dim = currency, "money"
        elif dim == "number" and not per:
            noun = _unit_noun(text[qend:])
            if noun:
                unit, dim = noun, "count"
        if per:  # "4.4 per 10,000" is a rate, not a count of 10,000; it meets only the same rate
            unit, dim = f"{unit} per {per}".strip(), "rate"
    if dim == "number" and scale == 1.0 and not hb and rules()["numbered name"].search(before):
        return None  # "Arctic LNG 2", "Phase 3": the last word of a name
    if dim == "count" and lex.definite.search(before) and bound is Bound.EXACT:
        return None  # "the five Central Asian states", "all five countries": a reference, not a figure
    if dim == "number" and scale == 1.0 and re.match(r"-(?!plus|odd|some)[A-Za-z]", text[qend : qend + 6]):
        return None  # "the ten-point plan", "its 12-point programme": a label's compound, not a figure
    value *= scale
    prec *= scale
    if not math.isfinite(value):
        return None
    return Quantity(
        value=value,
        high=None,
        unit=unit,
        dimension=dim,
        bound=bound,
        precision=prec,
        role=Role.NONE,
        text=text[qstart:qend],
        start=qstart,
        end=qend,
        hedge=hedge,
    )


def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Join "between X and Y" and "X-Y" into one range; mark "from X to Y" as a change.

    The second number's unit and scale carry over to the first when the first has none: "$10-15
    billion" is 10 to 15 billion dollars. A bare "X to Y" is a range unless the sentence already
    described a change ("from 0.19 to 0.79 and 0.17 to 0.68 respectively").
    """
    lex = _lexicon()
    out: list[Quantity] = []
    seen_change = False
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        kind = _join_kind(text, a, b, seen_change) if b is not None else ""
        if b is None or not kind:
            out.append(a)
            i += 1
            continue
        if kind == "split":  # "a 60-40 split": two shares of one whole
            out += [_share(a), _share(b)]
            i += 2
            continue
        lo = a.value
        if not lex.scale_word.search(a.text) and (m := lex.scale_word.search(b.text)):
            lo *= lex.scales[m.group(1).lower()]
        if kind == "range":
            lead = lex.between.search(text[max(0, a.start - 20) : a.start])
            start = a.start - (len(text[max(0, a.start - 20) : a.start]) - lead.start()) if lead else a.start
            out.append(
                Quantity(
                    value=lo,
                    high=b.value,
                    unit=b.unit,
                    dimension=b.dimension,
                    bound=a.bound if a.bound is not Bound.EXACT else b.bound,
                    precision=b.precision,
                    role=Role.NONE,
                    text=text[start : b.end],
                    start=start,
                    end=b.end,
                    hedge=a.hedge if a.bound is not Bound.EXACT else b.hedge,
                )
            )
        else:
            seen_change = True
            out.append(
                Quantity(
                    value=lo,
                    high=None,
                    unit=b.unit,
                    dimension=b.dimension,
                    bound=a.bound,
                    # its own digits at the scale it takes from the end: "from 1.5% to 1%" starts at
                    # 1.5 (to a tenth), "from 5 to 7 billion" at 5 billion (to a billion)
                    precision=a.precision * lo / a.value if a.value else b.precision,
                    role=Role.FROM,
                    text=a.text,
                    start=a.start,
                    end=a.end,
                    hedge=a.hedge,
                )
            )
            out.append(_with_role(b, Role.TO))
        i += 2
    return _mark_changes(text, out)


def _share(q: Quantity) -> Quantity:
    return replace(q, unit="percent", dimension="percent", precision=1.0)


def _join_kind(text: str, a: Quantity, b: Quantity, seen_change: bool) -> str:
    if a.high is not None or b.high is not None:
        return ""
    if a.dimension != b.dimension and a.dimension != "number":
        return ""
    word = re.sub(r"\s+", " ", text[a.end : b.start].strip().lower())
    if (
        word in ("-", ":", "/")
        and a.dimension == "number"
        and b.dimension in ("number", "count")
        and a.value + b.value == 100
        and (a.value > b.value or stem(b.unit) in {stem(w) for w in _lexicon().split_words})
    ):
        return "split"  # shares that add up to the whole; a range would rise from its first figure
    if word == "-" and a.dimension == "number" and b.value < a.value:
        return ""  # "voted 18-13", "won 3-1": a tally of two figures; a range rises from its first
    lead = _lexicon().between.search(text[max(0, a.start - 20) : a.start])
    lead_word = lead.group(1).lower() if lead else ""
    if lead_word == "between" and word == "and":
        return "range"
    if lead_word == "from" and word in ("to", "-"):
        # "ranged from 1.79 to 1.82 cents" is a range of values, "rose from 41 to 67" a change
        return "range" if rules()["range verb"].search(text[max(0, a.start - 30) : a.start]) else "change"
    if word == "-":
        return "range"
    if word == "to":
        return "change" if seen_change else "range"
    return ""


def _share_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare number takes the unit of the figure it is coordinated with ("1.8 million and 4.6
    million tonnes"), or, when it has a scale word, of the figure it echoes ("4.6 million tonnes,
    against Hammerfest's 1.8 million")."""
    out = list(qs)
    coordinated = rules()["coordinated figures"]
    for i, q in enumerate(out):
        if q.dimension != "number" or q.high is not None:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.dimension != "number" and coordinated.search(text[q.end : nxt.start]):
            out[i] = _unit_from(q, nxt)
        elif _lexicon().scale_word.search(q.text):
            prev = next((p for p in reversed(out[:i]) if p.dimension in _MEASURED), None)
            if prev is not None:
                out[i] = _unit_from(q, prev)
    return out


_MEASURED = frozenset({"money", "mass", "volume", "length", "area", "power", "energy"})


def with_unit_of(q: Quantity, other: Quantity | None) -> Quantity:
    """A bare number that restates another figure's measure takes its unit: "Singapore is the landing
    point for 26 cable systems. For Malaysia this figure is 21" is 21 cable systems."""
    if other is None or q.dimension != "number" or other.dimension == "number" or q.high is not None:
        return q
    return _unit_from(q, other)


def _unit_from(q: Quantity, other: Quantity) -> Quantity:
    return replace(q, unit=other.unit, dimension=other.dimension)


def _with_role(q: Quantity, role: Role) -> Quantity:
    return replace(q, role=role)


def _mark_changes(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "to 4.3% ... from 1.1%": a value after "to" is where a change ended, after "from" where it began."""
    out = []
    for q in qs:
        if not q.role and q.high is None:
            before = text[max(0, q.start - 12) : q.start]
            if rules()["change end"].search(before):
                q = _with_role(q, Role.TO)
            elif rules()["change start"].search(before):
                q = _with_role(q, Role.FROM)
            elif rules()["change base"].search(text[max(0, q.start - 24) : q.start]):
                q = _with_role(q, Role.BASE)
        out.append(q)
    # "reached 65,500 TEU in 2024, up from 33,600 TEU": the figure a change's start follows, of its
    # unit and with no role of its own, is where the change ended
    for i in range(len(out) - 1):
        q, nxt = out[i], out[i + 1]
        if (
            not q.role
            and q.high is None
            and nxt.role is Role.FROM
            and (q.unit, q.dimension) == (nxt.unit, nxt.dimension)
        ):
            out[i] = _with_role(q, Role.TO)
    return out


def compatible(draft: Quantity, source: Quantity, tolerance: float = 0.10) -> bool:
    """Whether the source's value bears out the draft's, by the rules in the README:
    equal after normalisation; equal after rounding to the draft's precision; within `tolerance`
    when either side is hedged; on the right side of a bound; inside a range."""
    if draft.dimension == "money" and draft.unit != source.unit:
        return False  # the right number in the wrong currency is a wrong figure
    lo, hi = source.value, source.high if source.high is not None else source.value
    d_lo, d_hi = draft.value, draft.high if draft.high is not None else draft.value
    eps = 1e-9 * max(1.0, abs(hi))
    if draft.high is not None and source.high is not None:
        return _close(d_lo, lo, draft, tolerance) and _close(d_hi, hi, draft, tolerance)
    if draft.high is not None:
        return d_lo - eps <= lo and hi <= d_hi + eps
    if source.high is not None:
        if lo - eps <= d_lo <= hi + eps:
            return True
        return draft.bound is Bound.APPROX and lo * (1 - tolerance) <= d_lo <= hi * (1 + tolerance)
    near = _lexicon().near
    if draft.bound is Bound.MIN:  # "just over 50%" is 50-55%, not 90%
        if draft.hedge in near and lo > d_lo * (1 + tolerance) + eps:
            return False
        return lo > d_lo - eps if source.bound is not Bound.MAX else False
    if draft.bound is Bound.MAX:
        if source.bound is Bound.MAX:  # "up to EUR 814 billion" where the source's ceiling is 750
            return _close(d_lo, lo, draft, tolerance)
        if draft.hedge in near and lo < d_lo * (1 - tolerance) - eps:
            return False
        return lo < d_lo + eps if source.bound is not Bound.MIN else False
    if source.hedge in near and not _within(d_lo, lo, tolerance):
        return False
    if past_bound(draft, source, tolerance):
        return False
    if source.bound is Bound.MIN:
        return d_lo >= lo - eps or (draft.bound is Bound.APPROX and d_lo >= lo * (1 - tolerance))
    if source.bound is Bound.MAX:
        return d_lo <= lo + eps or (draft.bound is Bound.APPROX and d_lo <= lo * (1 + tolerance))
    approx = source.bound is Bound.APPROX
    return _close(d_lo, lo, draft, tolerance) or (approx and _within(d_lo, lo, tolerance))


def short_of(q: Quantity) -> bool:
    """Whether the figure's hedge says the true value falls short of it ("nearly", "just under")."""
    return q.hedge in _lexicon().short


def past_bound(draft: Quantity, source: Quantity, tolerance: float = 0.10) -> bool:
    """A draft value on the right side of a source's bound but well past it: "more than RUB 108
    million" is how a writer rounds a sum a little over 108 million down, not 319 million, and "up
    to 40%" is not 5%. Such a value is neither borne out nor contradicted: the source does not
    say. "Well past" is beyond twice the tolerance of a hedged value."""
    if draft.high is not None or source.high is not None or draft.bound in (Bound.MIN, Bound.MAX):
        return False
    slack = 2 * tolerance
    if source.value < 0:
        return False
    if source.bound is Bound.MIN:
        return draft.value > source.value * (1 + slack)
    if source.bound is Bound.MAX:
        return draft.value < source.value * (1 - slack)
    return False


def _close(d: float, s: float, draft: Quantity, tolerance: float) -> bool:
    if abs(d - s) <= 1e-9 * max(1.0, abs(s)):
        return True
    p = draft.precision
    if p > 0 and abs(round(s / p) * p - d) <= 1e-6 * p:
        return True
    if p > 0 and abs(round(d / p) * p - d) > 1e-6 * p and abs(s - d) <= p / 2:
        return True  # "one in three" (33.3%, to the nearest 5%) is not a multiple of its precision
    return draft.bound is Bound.APPROX and _within(d, s, tolerance)


def _within(d: float, s: float, tolerance: float) -> bool:
    return abs(d - s) <= tolerance * abs(s) + 1e-12


def currencies(q: Quantity) -> frozenset[str]:
    """The currencies a sum may be in: its own, or every currency whose sign it is written with when
    writers share that sign ("¥5 billion" may be yuan or yen)."""
    for sign, codes in _lexicon().shared_signs.items():
        if q.unit in codes and sign in q.text:
            return codes
    return frozenset({q.unit})


def key_unit(q: Quantity) -> str:
    """A value's unit as a retrieval key: the currencies that share a sign are one key ("CNY/JPY"),
    so that "¥476bn" finds "476 billion yen"."""
    if q.dimension == "money":
        for codes in _lexicon().shared_signs.values():
            if q.unit in codes:
                return "/".join(sorted(codes))
    return q.unit or q.dimension


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind of measure: both percentages, both sums of money, both counts of the same thing."""
    if a.dimension != b.dimension:
        return False
    if a.dimension == "count":
        return a.unit == b.unit
    if a.dimension in ("duration", "length", "area", "mass", "volume", "power", "energy", "rate"):
        return a.unit == b.unit
    return True


def describe(q: Quantity) -> str:
    """A figure as the tool understood it, worded as a reader expects: "USD 19.8 billion", "about 45%",
    "at least USD 327 million" (the bound in the source's own words), "USD 13-20 billion", "1 company",
    "33 companies"."""

    def scaled(v: float) -> tuple[str, str]:
        for div, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
            if abs(v) >= div:
                return f"{v / div:.10g}", word
        return f"{v:,.10g}", ""

    low, word = scaled(q.value)
    if q.high is None:
        val = low + word
    else:
        high, high_word = scaled(q.high)
        # "13-20 billion", as ranges are written, when both ends share the scale
        val = f"{low}-{high}{word}" if word == high_word else f"{low}{word}-{high}{high_word}"
    # The source's own words when it gave them: "at least" and "more than" are different bounds.
    written = q.hedge + " " if q.hedge and q.bound is not Bound.EXACT else _written_hedge(q)
    hedge = written or {Bound.APPROX: "about ", Bound.MIN: "more than ", Bound.MAX: "up to "}.get(q.bound, "")
    if q.dimension == "money":
        return f"{hedge}{q.unit} {val}"
    one = q.high is None and q.value == 1
    names = _lexicon().unit_names
    if q.unit in names:
        unit = names[q.unit]
        unit = unit[:-1] if one and unit in _PLURAL_NAMES else unit
    else:
        unit = f" {q.unit if one else _plural(q.unit)}" if q.unit else ""
    return f"{hedge}{val}{unit}"


_PLURAL_NAMES = frozenset({" percentage points", " tonnes", " years", " days", " times"})
_INVARIANT = frozenset({"people", "staff", "personnel", "police", "cattle", "sheep", "livestock", "media"})


def _plural(noun: str) -> str:
    """English plural of a unit noun ("company" -> "companies"); a word already plural stays."""
    if noun in _INVARIANT or noun.endswith("s") or not noun.isalpha():
        return noun
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "x", "z")):
        return noun + "es"
    return noun + "s"


def _written_hedge(q: Quantity) -> str:
    """The bound as the text words it ("at least ", "fewer than "), when its words mean the bound the
    figure was read with; "" otherwise."""
    if q.bound is Bound.EXACT:
        return ""
    m = re.match(r"([A-Za-z][A-Za-z.]*(?:\s+[A-Za-z.]+)*?)\s+(?=\S*\d)", q.text)
    if m is None:
        return ""
    words = " ".join(m.group(1).lower().split())
    return words + " " if _lexicon().bounds.get(words) == q.bound else ""

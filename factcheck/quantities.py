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
from dataclasses import replace

from factcheck.model import Quantity
from factcheck.text import STOPWORDS, stem

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "rub": "RUB",
    "tenge": "KZT",
    "kzt": "KZT",
    "som": "KGS",
    "soms": "KGS",
    "kgs": "KGS",
    "somoni": "TJS",
    "tjs": "TJS",
    "sum": "UZS",
    "uzs": "UZS",
    "manat": "TMT",
    "tmt": "TMT",
    "won": "KRW",
    "krw": "KRW",
    "yen": "JPY",
    "jpy": "JPY",
    "rupees": "INR",
    "inr": "INR",
    "kroner": "NOK",
    "krone": "NOK",
    "nok": "NOK",
    "kronor": "SEK",
    "krona": "SEK",
    "sek": "SEK",
    "dkk": "DKK",
    "francs": "CHF",
    "chf": "CHF",
    "rand": "ZAR",
    "zar": "ZAR",
    "reais": "BRL",
    "brl": "BRL",
    "pesos": "MXN",
    "mxn": "MXN",
    "clp": "CLP",
    "ars": "ARS",
    "soles": "PEN",
    "pen": "PEN",
    "bolivianos": "BOB",
    "bob": "BOB",
    "birr": "ETB",
    "etb": "ETB",
    "shillings": "KES",
    "kes": "KES",
    "tzs": "TZS",
    "lira": "TRY",
    "try": "TRY",
    "canadian dollars": "CAD",
    "cad": "CAD",
    "australian dollars": "AUD",
    "aud": "AUD",
    "norwegian kroner": "NOK",
    "swedish kronor": "SEK",
    "danish kroner": "DKK",
    "kenyan shillings": "KES",
    "tanzanian shillings": "TZS",
    "cedis": "GHS",
    "cedi": "GHS",
    "ghs": "GHS",
    "naira": "NGN",
    "ngn": "NGN",
    "dirhams": "AED",
    "dirham": "AED",
    "aed": "AED",
    "riyals": "SAR",
    "riyal": "SAR",
    "sar": "SAR",
    "qatari riyals": "QAR",
    "qar": "QAR",
    "dinars": "KWD",
    "shekels": "ILS",
    "zloty": "PLN",
    "pln": "PLN",
    "forints": "HUF",
    "baht": "THB",
    "thb": "THB",
    "ringgit": "MYR",
    "myr": "MYR",
    "rupiah": "IDR",
    "idr": "IDR",
    "dong": "VND",
    "vnd": "VND",
    "sgd": "SGD",
    "singapore dollars": "SGD",
    "hong kong dollars": "HKD",
    "hkd": "HKD",
    "cfa francs": "XOF",
    "xof": "XOF",
    "xaf": "XAF",
    "egyptian pounds": "EGP",
    "egp": "EGP",
    "hryvnia": "UAH",
    "uah": "UAH",
}
CURRENCY_SIGNS = {
    "us$": "USD",
    "$": "USD",
    "\u20ac": "EUR",
    "\u00a3": "GBP",
    "\u00a5": "CNY",
    "\u20bd": "RUB",
    "\u20b9": "INR",
    "\u20a9": "KRW",
    "ksh": "KES",
    "tsh": "TZS",
    "c$": "CAD",
    "a$": "AUD",
    "r$": "BRL",
    "s$": "SGD",
    "hk$": "HKD",
    "nz$": "NZD",
    "nt$": "TWD",
    "rm": "MYR",
    "rp": "IDR",
}
# ISO 4217 codes written before a figure ("NOK 2.4 billion", "USD 5m").
CURRENCY_CODES = frozenset(
    "USD EUR GBP CNY RMB JPY KRW INR RUB KZT UZS KGS TJS TMT NOK SEK DKK CHF ZAR BRL MXN CLP ARS PEN BOB ETB "
    "KES TZS UGX NGN EGP TRY AUD CAD NZD SGD HKD TWD PLN CZK HUF RON UAH AED SAR QAR PKR BDT IDR MYR THB VND "
    "PHP "
    "GHS XOF XAF MAD DZD TND KWD BHD OMR JOD ILS IRR IQD AFN MNT AZN GEL AMD BYN MDL RSD BGN ISK LKR NPR MMK "
    "KHR LAK ZMW MWK MZN AOA BWP NAD RWF".split()
)
# Units of measure: written form -> (canonical unit, dimension, factor to the canonical unit).
MEASURES: dict[str, tuple[str, str, float]] = {
    "square kilometres": ("km2", "area", 1),
    "square kilometers": ("km2", "area", 1),
    "sq km": ("km2", "area", 1),
    "km2": ("km2", "area", 1),
    "km\u00b2": ("km2", "area", 1),
    "square miles": ("km2", "area", 2.58999),
    "hectares": ("km2", "area", 0.01),
    "kilometres": ("km", "length", 1),
    "kilometers": ("km", "length", 1),
    "kilometre": ("km", "length", 1),
    "kilometer": ("km", "length", 1),
    "km": ("km", "length", 1),
    "miles": ("km", "length", 1.609344),
    "mile": ("km", "length", 1.609344),
    "metres": ("m", "length", 1),
    "meters": ("m", "length", 1),
    "metre": ("m", "length", 1),
    "meter": ("m", "length", 1),
    "tonnes": ("t", "mass", 1),
    "tons": ("t", "mass", 1),
    "tonne": ("t", "mass", 1),
    "ton": ("t", "mass", 1),
    "kilograms": ("t", "mass", 0.001),
    "kg": ("t", "mass", 0.001),
    "cubic metres": ("m3", "volume", 1),
    "cubic meters": ("m3", "volume", 1),
    "bcm": ("m3", "volume", 1e9),
    "barrels": ("bbl", "volume", 1),
    "megawatts": ("MW", "power", 1),
    "mw": ("MW", "power", 1),
    "gigawatts": ("MW", "power", 1000),
    "gw": ("MW", "power", 1000),
    "years": ("year", "duration", 1),
    "year": ("year", "duration", 1),
    "months": ("year", "duration", 1 / 12),
    "month": ("year", "duration", 1 / 12),
    "weeks": ("day", "duration", 7),
    "week": ("day", "duration", 7),
    "days": ("day", "duration", 1),
    "day": ("day", "duration", 1),
    "hours": ("day", "duration", 1 / 24),
    "hour": ("day", "duration", 1 / 24),
    "decades": ("year", "duration", 10),
    "decade": ("year", "duration", 10),
    "times": ("times", "multiplier", 1),
    "fold": ("times", "multiplier", 1),
    "percentage points": ("pp", "points", 1),
    "percentage point": ("pp", "points", 1),
}
FRACTIONS = {
    "half": 50.0,
    "halves": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
    "fifth": 20.0,
    "fifths": 20.0,
    "tenth": 10.0,
    "tenths": 10.0,
}
_NUMWORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|hundred|thousand|dozen)"
)
_WORDNUM = rf"(?:(?:a\s+)?{_NUMWORD}(?:(?:\s+and\s+|\s+|-){_NUMWORD})*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_FRACTION = (
    r"(?:(?:a|one|two|three|four)[\s-]+(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths))"
)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.I)

NUMBER = re.compile(
    rf"\b(?P<half>{_NUMWORD}|\d+)\s+and\s+a\s+half\b"
    rf"|(?<![\w.,$])(?P<frac>{_FRACTION})\b"
    rf"|(?<![\w.])(?P<digits>{_DIGITS})(?![\d])"
    rf"|\b(?P<words>{_WORDNUM})\b",
    re.I,
)
_SCALE_RE = re.compile(
    r"\s*-?\s*(?:(thousand|million|billion|trillion)\b|(mln|bln|mn|bn|tn|trn|m|b|k)\b\.?)", re.I
)
_PERCENT_RE = re.compile(r"\s*(%|percent\b|per\s+cent\b|pc\b|percentage\s+points?\b)", re.I)
_CUR_AFTER = re.compile(
    r"\s*(?:of\s+)?(us\s+dollars|u\.s\.\s+dollars|dollars?|usd|euros?|eur|pounds|gbp|sterling|yuan|rmb"
    r"|renminbi|cny|roubles?|rubles?|rub|tenge|kzt|soms?|kgs|somoni|tjs|sum|uzs|manat|tmt|won|krw|yen|jpy"
    r"|rupees|inr|(?:norwegian\s+|danish\s+)?kroner|krone|nok|(?:swedish\s+)?kronor|krona|sek|dkk|francs|chf"
    r"|rand|zar|reais|brl|pesos|mxn|clp|ars|soles|pen|bolivianos|bob|birr|etb|(?:kenyan\s+|tanzanian\s+)?shillings"
    r"|kes|tzs|lira|(?:canadian|australian|singapore|hong\s+kong)\s+dollars|cad|aud|sgd|hkd|cedis?|ghs|naira|ngn"
    r"|dirhams?|aed|(?:qatari\s+)?riyals?|sar|qar|dinars|shekels|zloty|pln|forints|baht|thb|ringgit|myr|rupiah|idr"
    r"|dong|vnd|cfa\s+francs|xof|xaf|egyptian\s+pounds|egp|hryvnia|uah)\b(?:\s*\((?:rmb|cny|usd)\))?",
    re.I,
)
_CUR_BEFORE = re.compile(
    r"([Uu][Ss]\$|HK\$|NZ\$|NT\$|[CASR]\$|\$|\bRM|\bRp|\u20ac|\u00a3|\u00a5|\u20bd|\u20b9|\u20a9|\b(?:KSh|TSh)\.?|\b[A-Z]{3})\s?$"
)
_MEASURE_RE = re.compile(
    r"[\s-]*(" + "|".join(sorted((re.escape(k) for k in MEASURES), key=len, reverse=True)) + r")\b",
    re.I,
)
_HEDGE_BEFORE = re.compile(
    r"(?P<w>about|around|some|roughly|approximately|approx\.|nearly|almost|close\s+to|an\s+estimated|estimated"
    r"|circa|c\.|~|more\s+than|over|above|in\s+excess\s+of|upwards\s+of|at\s+least|no\s+fewer\s+than"
    r"|no\s+less\s+than|less\s+than|fewer\s+than|under|below|up\s+to|as\s+many\s+as|as\s+much\s+as"
    r"|as\s+long\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|just\s+over|just\s+under|a\s+mere|only"
    r"|exactly|precisely)\s*(?:the\s+|a\s+)?(?:[a-z]{0,2}\$|[\u20ac\u00a3\u00a5\u20bd\u20b9\u20a9]|[a-z]{3}\s|rm\s?|rp\s?|ksh\s?)?\s*$",
    re.I,
)
BOUNDS = {
    "about": "approx",
    "around": "approx",
    "some": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "nearly": "approx",
    "almost": "approx",
    "close to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "c.": "approx",
    "~": "approx",
    "more than": "min",
    "over": "min",
    "above": "min",
    "in excess of": "min",
    "upwards of": "min",
    "at least": "min",
    "no fewer than": "min",
    "no less than": "min",
    "just over": "min",
    "less than": "max",
    "fewer than": "max",
    "under": "max",
    "below": "max",
    "up to": "max",
    "as many as": "max",
    "as much as": "max",
    "as long as": "max",
    "as high as": "max",
    "at most": "max",
    "no more than": "max",
    "just under": "max",
}
_RANGE_CURRENCY = re.compile(r"(us\$|\$|\u20ac|\u00a3|\u00a5)\s?[\d.,]+\s*-\s*$", re.I)
_BETWEEN = re.compile(r"\b(between|from)\s+(?:us\$|\$|\u20ac|\u00a3|\u00a5)?\s*$", re.I)
_FORWARD = re.compile(r"\b(?:next|coming|following|past|last|previous|first|second|third)\s+$", re.I)
# Words that follow a number without being what it counts.
_NOT_UNIT = frozenset(
    "of and or to in on at by for from with as than the a an per its their his her this that which who"
    " is are was were be been has have had will would could should may might can also more less percent"
    " said says over under into across through via like including such per".split()
)


def _word_value(text: str) -> float | None:
    from text_to_num import text2num  # lazy: only sentences with numbers in words pay for the import

    words = re.sub(r"^a\s+", "one ", text.strip().lower().replace("-", " "))
    words = re.sub(r"\s+and\s+", " ", words)
    if words == "dozen" or words == "one dozen":
        return 12.0
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


def _precision(digits: str) -> float:
    """Place value of the last significant written digit: "20.6" -> 0.1; "2,000" -> 100 (at least two
    significant digits are taken as meant, so "100" is not 100 give or take 50)."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".")[1])
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped)
    return 10.0 ** max(0, min(zeros, len(plain) - 2))


_DEFINITE = re.compile(r"(?:\b(?:the|all|these|those|both|its|their|his|her|our)|\w's)\s+$", re.I)
_DESCRIBING = frozenset("new old more other additional further extra major key main large small big".split())
_VERBISH = frozenset("grew rose fell took made came went saw won lost got gave left held met ran set".split())


def _unit_noun(after: str) -> str:
    """What a bare count counts: the head noun of the few words that follow ("33 Korean companies"
    -> "company", "eight key areas" -> "area"), stopping at a function word, a verb or a plural."""
    head = ""
    for n, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", after[:60])):
        w = m.group()
        lw = w.lower()
        if lw in _DESCRIBING:
            continue  # "two new icebreakers": the adjective describes, the noun counts
        if n >= 4 or not w[0].isalpha() or lw in _NOT_UNIT or lw in STOPWORDS or lw in _VERBISH:
            break
        if lw.endswith("ly") or (lw.endswith("ed") and head):
            break
        if w[0].isupper():
            continue  # "five Central Asian republics": proper adjectives describe, the noun counts
        head = lw
        if lw.endswith("s") and not lw.endswith(("ss", "us", "is")):
            break  # a plural noun ends the phrase
    return stem(head) if head else ""


_ORDINAL_WORDS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
_ANNIVERSARY = re.compile(
    rf"\b(?P<n>\d+(?:st|nd|rd|th)|(?:{_NUMWORD}[\s-]+)*[a-z]+(?:th|st|nd|rd))\s+anniversary\b", re.I
)


_ANNIVERSARY_WORD = re.compile(r"anniversary\b", re.I)  # what every _ANNIVERSARY match ends with


def _anniversaries(text: str) -> list[Quantity]:
    """ "the one hundredth anniversary" is a span of 100 years."""
    out: list[Quantity] = []
    if not _ANNIVERSARY_WORD.search(text):
        return out  # perf (issue 6): the pattern retries at every word of a run of number words
    for m in _ANNIVERSARY.finditer(text):
        n = m.group("n").lower()
        if n[0].isdigit():
            value: float | None = float(re.sub(r"\D", "", n))
        else:
            words = n.replace("-", " ").split()
            last = words[-1]
            last = _ORDINAL_WORDS.get(last) or re.sub(r"ieth$", "y", re.sub(r"th$", "", last))
            value = _word_value(" ".join([*words[:-1], last]))
        if value:
            out.append(
                Quantity(
                    value=value,
                    high=None,
                    unit="year",
                    dimension="duration",
                    bound="exact",
                    precision=1.0,
                    role="",
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
    raw: list[Quantity] = _anniversaries(text)
    skips = list(skip) + [(q.start, q.end) for q in raw]
    skipped = _Spans(skips)  # perf (issue 6): was a scan of every skip span for every number
    for m in NUMBER.finditer(text):
        if skipped.holds(m.start()) or skipped.holds_end(m.end()):
            continue
        q = _parse_one(text, m)
        if q is not None:
            raw.append(q)
    return _share_units(text, _merge_ranges(text, sorted(raw, key=lambda q: q.start)))


def _parse_one(text: str, m: re.Match[str]) -> Quantity | None:
    start, end = m.start(), m.end()
    before = text[max(0, start - 40) : start]
    # A number glued to a name ("CR929", "COVID-19", "5G", "G20") is part of the name.
    if end < len(text) and (
        text[end].isalpha()
        and not _ORDINAL.match(text, end)
        and not re.match(r"(bn|mn|m|b|k|tn|km|kg|mw|gw)\b", text[end:], re.I)
    ):
        return None
    if re.search(r"[A-Za-z]-$", before) or _ORDINAL.match(text, end):
        return None
    if m.group("half"):
        whole = m.group("half")
        base = float(whole) if whole.isdigit() else _word_value(whole)
        if base is None:
            return None
        value, prec, unit, dim, scale, qend = base + 0.5, 0.5, "", "number", 1.0, end
    elif m.group("frac"):
        parts = re.split(r"[\s-]+", m.group("frac").lower())
        count = 1.0 if parts[0] in ("a", "one") else float(_word_value(parts[0]) or 1)
        value = count * FRACTIONS[parts[-1]]
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
        if words.lower() in ("one", "a", "hundred", "thousand", "a dozen", "dozen") and not _SCALE_RE.match(
            text, end
        ):
            return None  # "one of", "a hundred ways": pronouns and idioms more often than counts
        wv = _word_value(words)
        if wv is None:
            return None
        value, prec, unit, dim, scale, qend = wv, 1.0, "", "number", 1.0, end
    if _FORWARD.search(before) and not re.match(
        r"[\s-]*(?:%|percent|per\s+cent|million|billion)", text[end:], re.I
    ):
        return None  # "over the next five years": a plan or a reading aid, not a figure to check
    bound = "exact"
    qstart = start
    hb = _HEDGE_BEFORE.search(before)
    if hb:
        w = re.sub(r"\s+", " ", hb.group("w").lower())
        bound = BOUNDS.get(w, "exact")
        hedge_at = start - (len(before) - hb.start("w"))
    cur_b = _CUR_BEFORE.search(before)
    currency = ""
    if cur_b and (cur_b.group(1).lower().rstrip(".") in CURRENCY_SIGNS or cur_b.group(1) in CURRENCY_CODES):
        sign = cur_b.group(1)
        currency = CURRENCY_SIGNS.get(sign.lower().rstrip("."), "CNY" if sign == "RMB" else sign)
        qstart = start - (len(before) - cur_b.start())
    if hb:
        qstart = min(qstart, hedge_at)  # the hedge is part of the figure as written: "about $80 billion"
    else:
        shared = _RANGE_CURRENCY.search(before)  # "$10-15 billion": the sign serves both numbers
        if shared:
            currency = CURRENCY_SIGNS[shared.group(1).lower()]
    if dim != "percent":
        sm = _SCALE_RE.match(text, qend)
        word = (sm.group(1) or sm.group(2)).lower() if sm else ""
        if sm and not (word in ("m", "b", "k") and not currency):
            scale = SCALES[word]
            qend = sm.end()
        pm = _PERCENT_RE.match(text, qend)
        cm = _CUR_AFTER.match(text, qend)
        mm = _MEASURE_RE.match(text, qend)
        if pm:
            unit = "pp" if "point" in pm.group(1).lower() else "percent"
            dim = "points" if unit == "pp" else "percent"
            qend = pm.end()
        elif cm and not currency:
            currency = CURRENCY_WORDS.get(re.sub(r"\s+", " ", cm.group(1).lower()), "")
            qend = cm.end()
        elif mm and not currency:
            unit, dim, factor = MEASURES[mm.group(1).lower()]
            value *= factor
            prec *= factor
            qend = mm.end()
        if currency:
            unit, dim = currency, "money"
        elif dim == "number":
            noun = _unit_noun(text[qend:])
            if noun:
                unit, dim = noun, "count"
    if dim == "count" and _DEFINITE.search(before) and bound == "exact":
        return None  # "the five Central Asian states", "all five countries": a reference, not a figure
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
        role="",
        text=text[qstart:qend],
        start=qstart,
        end=qend,
    )


def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Join "between X and Y" and "X-Y" into one range; mark "from X to Y" as a change.

    The second number's unit and scale carry over to the first when the first has none: "$10-15
    billion" is 10 to 15 billion dollars. A bare "X to Y" is a range unless the sentence already
    described a change ("from 0.19 to 0.79 and 0.17 to 0.68 respectively").
    """
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
        lo = a.value
        if not _SCALE_WORD.search(a.text) and (m := _SCALE_WORD.search(b.text)):
            lo *= SCALES[m.group(1).lower()]
        if kind == "range":
            lead = _BETWEEN.search(text[max(0, a.start - 20) : a.start])
            start = a.start - (len(text[max(0, a.start - 20) : a.start]) - lead.start()) if lead else a.start
            out.append(
                Quantity(
                    value=lo,
                    high=b.value,
                    unit=b.unit,
                    dimension=b.dimension,
                    bound=a.bound if a.bound != "exact" else b.bound,
                    precision=b.precision,
                    role="",
                    text=text[start : b.end],
                    start=start,
                    end=b.end,
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
                    precision=b.precision,
                    role="from",
                    text=a.text,
                    start=a.start,
                    end=a.end,
                )
            )
            out.append(_with_role(b, "to"))
        i += 2
    return _mark_changes(text, out)


_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion|mln|bln|mn|bn|tn|trn)\b", re.I)


def _join_kind(text: str, a: Quantity, b: Quantity, seen_change: bool) -> str:
    if a.high is not None or b.high is not None:
        return ""
    if a.dimension != b.dimension and a.dimension != "number":
        return ""
    word = re.sub(r"\s+", " ", text[a.end : b.start].strip().lower())
    lead = _BETWEEN.search(text[max(0, a.start - 20) : a.start])
    lead_word = lead.group(1).lower() if lead else ""
    if lead_word == "between" and word == "and":
        return "range"
    if lead_word == "from" and word in ("to", "-"):
        return "change"
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
    for i, q in enumerate(out):
        if q.dimension != "number" or q.high is not None:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.dimension != "number" and _COORDINATED.fullmatch(text[q.end : nxt.start]):
            out[i] = _unit_from(q, nxt)
        elif _SCALE_WORD.search(q.text):
            prev = next((p for p in reversed(out[:i]) if p.dimension in _MEASURED), None)
            if prev is not None:
                out[i] = _unit_from(q, prev)
    return out


_COORDINATED = re.compile(r"\s*(?:,|and|or|,\s*and)\s*", re.I)
_MEASURED = frozenset({"money", "mass", "volume", "length", "area", "power"})


def with_unit_of(q: Quantity, other: Quantity | None) -> Quantity:
    """A bare number that restates another figure's measure takes its unit: "Singapore is the landing
    point for 26 cable systems. For Malaysia this figure is 21" is 21 cable systems."""
    if other is None or q.dimension != "number" or other.dimension == "number" or q.high is not None:
        return q
    return _unit_from(q, other)


def _unit_from(q: Quantity, other: Quantity) -> Quantity:
    return replace(q, unit=other.unit, dimension=other.dimension)


def _with_role(q: Quantity, role: str) -> Quantity:
    return replace(q, role=role)


_TO_BEFORE = re.compile(r"(?<!\bup\s)\bto\s*(?:just\s+)?(?:us\$|\$)?\s*$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s*(?:just\s+)?(?:us\$|\$)?\s*$", re.I)


def _mark_changes(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "to 4.3% ... from 1.1%": a value after "to" is where a change ended, after "from" where it began."""
    out = []
    for q in qs:
        if not q.role and q.high is None:
            before = text[max(0, q.start - 12) : q.start]
            if _TO_BEFORE.search(before):
                q = _with_role(q, "to")
            elif _FROM_BEFORE.search(before):
                q = _with_role(q, "from")
        out.append(q)
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
        return draft.bound == "approx" and lo * (1 - tolerance) <= d_lo <= hi * (1 + tolerance)
    if draft.bound == "min":
        return lo > d_lo - eps if source.bound != "max" else False
    if draft.bound == "max":
        return lo < d_lo + eps if source.bound != "min" else False
    if source.bound == "min":
        return d_lo >= lo - eps or (draft.bound == "approx" and d_lo >= lo * (1 - tolerance))
    if source.bound == "max":
        return d_lo <= lo + eps or (draft.bound == "approx" and d_lo <= lo * (1 + tolerance))
    return _close(d_lo, lo, draft, tolerance) or (source.bound == "approx" and _within(d_lo, lo, tolerance))


def _close(d: float, s: float, draft: Quantity, tolerance: float) -> bool:
    if abs(d - s) <= 1e-9 * max(1.0, abs(s)):
        return True
    if (
        draft.precision > 0
        and abs(round(s / draft.precision) * draft.precision - d) <= 1e-6 * draft.precision
    ):
        return True
    return draft.bound == "approx" and _within(d, s, tolerance)


def _within(d: float, s: float, tolerance: float) -> bool:
    return abs(d - s) <= tolerance * abs(s) + 1e-12


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind of measure: both percentages, both sums of money, both counts of the same thing."""
    if a.dimension != b.dimension:
        return False
    if a.dimension == "count":
        return a.unit == b.unit
    if a.dimension in ("duration", "length", "area", "mass", "volume", "power"):
        return a.unit == b.unit
    return True


UNIT_NAMES = {
    "percent": "%",
    "pp": " percentage points",
    "t": " tonnes",
    "km2": " km\u00b2",
    "km": " km",
    "m": " m",
    "m3": " m\u00b3",
    "year": " years",
    "day": " days",
    "times": " times",
    "MW": " MW",
}


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
    hedge = _written_hedge(q) or {"approx": "about ", "min": "more than ", "max": "up to "}.get(q.bound, "")
    if q.dimension == "money":
        return f"{hedge}{q.unit} {val}"
    one = q.high is None and q.value == 1
    if q.unit in UNIT_NAMES:
        unit = UNIT_NAMES[q.unit]
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
    if q.bound == "exact":
        return ""
    m = re.match(r"([A-Za-z][A-Za-z.]*(?:\s+[A-Za-z.]+)*?)\s+(?=\S*\d)", q.text)
    if m is None:
        return ""
    words = " ".join(m.group(1).lower().split())
    return words + " " if BOUNDS.get(words) == q.bound else ""

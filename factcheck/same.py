"""When a source claim states the same thing as a draft claim: the one home of "the same thing".

A draft claim and a source claim are compared on named features (how much of the draft's sentence
and of the figure's own clause the source sentence holds, and the other way round; whether the
subjects, the period, the unit and the figures the two sentences share agree). A small logistic
model, whose weights are data (`data/alignment.yaml`, fitted by `bench/fit_alignment.py` on labelled
sentences and checked leave-one-set-out), turns them into the probability that the two sentences
state the same fact: `Comparison.aligned`. The verdict policy (`verdict.py`) reads that and the
named predicates, never the raw scores.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from factcheck import dates as dates_mod
from factcheck import derived, entities, rules
from factcheck import quantities as qty_mod
from factcheck import text as text_mod
from factcheck.extract import value_keys
from factcheck.match import Candidate, tokens
from factcheck.model import CHANGE_ENDS, Bound, Claim, ClaimKind, Mention, Quantity, Scope, unknown_name

WEIGHTS = Path(__file__).parent / "data" / "alignment.yaml"

GEO = entities.GEO
# Kinds of entity a figure can be about only if the source names them; organisations and programmes
# are often the unnamed setting of a statement ("the SCO's Qingdao centre").
NAMED_ACTORS = entities.ACTORS
SETTING = frozenset({"region", "organisation", "programme", "place", "city"})


@dataclass(frozen=True, slots=True)
class Features:
    """What the alignment model sees, each in [0, 1]."""

    sim: float  # share of the draft sentence's weighted words and entities in the source sentence
    back: float  # share of the source sentence's weighted words and entities in the draft sentence
    back_own: float  # share of the source figure's own words and subjects in the draft sentence
    measure: float  # share of the words next to the draft's figure that the source has
    own_value: float  # the draft's figure is written in the source sentence (in any slot)
    shared_values: float  # share of the draft sentence's figures and years the source sentence has
    subjects: float  # share of the draft figure's subjects the source sentence (or the one before) names
    agrees: float  # the source figure bears the draft's out (same date, value within its precision)
    comparable: float  # the two figures are of one kind (both percentages, both sums in one currency)
    swapped: float  # the source gives the figure to another entity of the same kind
    period_differs: float  # both figures are dated and the years do not overlap
    same_digits: float  # the figures differ only by their scale ("$79 million", "$79 billion")

    def vector(self) -> list[float]:
        return [getattr(self, f.name) for f in fields(self)]


NAMES = tuple(f.name for f in fields(Features))


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: tuple[float, ...]

    def probability(self, f: Features) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, f.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def model(path: Path = WEIGHTS) -> Model:
    raw = path.read_bytes()
    # Parsed once per user and file content (derived.py), as the language tables: a check need not
    # import PyYAML for its weights.
    data = derived.cached(
        "weights", derived.key("weights", [raw], code=False), lambda: _parse(raw, path), _same, _weights
    )
    w = data["weights"]
    return Model(bias=float(data["bias"]), weights=tuple(float(w.get(n, 0.0)) for n in NAMES))


def _parse(raw: bytes, path: Path) -> Any:
    from factcheck import safeyaml

    return safeyaml.load(raw.decode("utf-8"), str(path))


def _same(data: Any) -> Any:
    return data


def _weights(data: Any) -> Any:
    """A cache entry of the weights' shape, else TypeError (it is parsed again)."""
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict) or "bias" not in data:
        raise TypeError("not alignment weights")
    return data


class Subjects(StrEnum):
    """How the subjects of a draft claim and a source claim relate (see `subject_relation`)."""

    SAME = "same"  # no entity of the draft is given to someone else
    OTHER = "other"  # the source gives the draft's entity a figure of its own, or the figure to a group
    SWAPPED = "swapped"  # the source names another entity of the kind in the draft entity's place
    UNRELATED = "unrelated"  # the figure is about a company or person the source never names
    TOPIC = "topic"  # the source sentence names no subject, and its topic is another of the kind


@dataclass(frozen=True, slots=True)
class Comparison:
    """A source claim weighed against a draft claim."""

    candidate: Candidate
    features: Features
    aligned: float  # the probability that the two sentences state the same fact
    agrees: bool
    comparable: bool
    subject: Subjects
    why_subject: str
    period_differs: bool


def coverage(mine: set[str], theirs: set[str], idf: Callable[[str], float]) -> float:
    total = sum(idf(t) for t in mine)
    return sum(idf(t) for t in mine if t in theirs) / total if total else 0.0


def words(c: Claim) -> set[str]:
    return set(c.context) | {f"@{e}" for e in c.names} | {f"@{e}" for e in c.entities}


def compare(
    draft: Claim,
    cand: Candidate,
    idf: Callable[[str], float],
    kind_of: Callable[[str], str],
    label: Callable[[str], str],
    tolerance: float,
) -> Comparison:
    src = cand.claim
    mine, theirs = words(draft), words(src)
    comparable = _comparable(draft, src)
    agrees = comparable and _compatible(draft, src, tolerance)
    relation, _missing, why = subject_relation(draft, src, kind_of, label)
    own = set(own_keys(draft))
    period_differs = not same_period(draft, src)
    named = set(src.names) | set(src.entities) | set(src.nearby)
    subjects = [e for e in draft.entities if kind_of(e) not in SETTING]
    f = Features(
        sim=cand.similarity + _opposed_share(draft, src, theirs, idf),
        back=coverage(theirs, mine, idf),
        back_own=coverage(set(src.terms) | {f"@{e}" for e in src.entities}, mine, idf),
        measure=cand.measure,
        own_value=float(bool(own) and own <= set(src.values)),
        shared_values=len(set(draft.values) & set(src.values)) / len(draft.values) if draft.values else 0.0,
        subjects=sum(e in named for e in subjects) / len(subjects) if subjects else 1.0,
        agrees=float(agrees),
        comparable=float(comparable),
        swapped=float(relation in (Subjects.SWAPPED, Subjects.OTHER)),
        period_differs=float(period_differs),
        same_digits=float(comparable and not agrees and same_digits(draft, src)),
    )
    return Comparison(
        candidate=cand,
        features=f,
        aligned=model().probability(f),
        agrees=agrees,
        comparable=comparable,
        subject=relation,
        why_subject=why,
        period_differs=period_differs,
    )


def _opposed_share(draft: Claim, src: Claim, theirs: set[str], idf: Callable[[str], float]) -> float:
    """The weight of the draft's words that take the side opposite the source's in one of the lexicon's
    oppositions ("support" where the source says "veto"): a statement of the opposite is about the
    same thing, so these words count as found in the source sentence."""
    turned = draft.polarity.turned(src.polarity)
    if not turned:
        return 0.0
    words = rules.opposed_words(turned)
    total = sum(idf(t) for t in tokens(draft))
    return sum(idf(t) for t in draft.context if t in words and t not in theirs) / total if total else 0.0


# A word, a name's token ("@KG"), or one mark of punctuation.
_TOKEN = re.compile(r"\w+(?:'\w+)*|'s\b|[^\w\s]")
_LIST_WORDS = frozenset({"and", "or", ",", "&", "/"})  # a name next to these is one of a list
_SUBSTITUTED = 4  # tokens: a substitution replaces a name and a word or two, not a clause
_CONTEXT = 3  # of the three draft words each side of it, as many the source has in the same place


def substitution(
    draft: tuple[str, Sequence[Mention]],
    src: tuple[str, Sequence[Mention]],
    kind_of: Callable[[str], str],
    label: Callable[[str], str],
) -> tuple[str, str] | None:
    """The name the source sentence has where the draft sentence, otherwise worded alike, has another
    of the same kind: "the capital of Dagestan" against "the capital of Buryatia", "the Swedish
    government declared ..." against "the Finnish government declared ...".
    Returned as (the draft's entity, the source's). Sentences are aligned word by word (difflib's
    opcodes over words, with each name one token); a replaced stretch counts only when it is short,
    sits between words both sentences share (the words right before and after it, and three of the
    six around it), is not one item of a list, and when the draft names the source's entity
    nowhere."""
    a, b = _name_tokens(*draft), _name_tokens(*src)
    for i1, i2, j1, j2 in _replaced(tuple(a), tuple(b)):
        for d in (t[1:] for t in a[i1:i2] if t.startswith("@")):
            for s in (t[1:] for t in b[j1:j2] if t.startswith("@")):
                if f"@{s}" in a or not _substitutes(d, s, kind_of) or same_entity(d, s, label):
                    continue
                return d, s
    return None


# Cached on the two sentences' tokens alone (every figure of a sentence asks about the same pair),
# not on the checker's callables, so the cache holds no checker alive.
@lru_cache(maxsize=1024)
def _replaced(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[int, int, int, int], ...]:
    """The stretches (draft i1:i2, source j1:j2) that one sentence replaces in the other and that
    may hold a substitution: short, between shared words, and not one item of a list."""
    # difflib, not rapidfuzz: its opcodes are as good on a sentence's few dozen words, and importing
    # it costs a check 2 ms where rapidfuzz's metrics cost 20 to 45.
    from difflib import SequenceMatcher

    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    kept = [False] * (len(a) + 1)  # whether each draft token is one the source has in the same place
    for tag, i1, i2, _, _ in ops:
        if tag == "equal":
            kept[i1:i2] = [True] * (i2 - i1)
    out = []
    k = 0
    while k < len(ops):
        if ops[k][0] == "equal":
            k += 1
            continue
        first = k  # a block of edits between two stretches the sentences share
        while k < len(ops) and ops[k][0] != "equal":
            k += 1
        i1, i2, j1, j2 = ops[first][1], ops[k - 1][2], ops[first][3], ops[k - 1][4]
        left, right = kept[max(0, i1 - _CONTEXT) : i1], kept[i2 : i2 + _CONTEXT]
        if not (left and right and left[-1] and right[0]) or sum(left) + sum(right) < _CONTEXT:
            continue
        mine, theirs = a[i1:i2], b[j1:j2]
        if not mine or max(len(mine), len(theirs)) > _SUBSTITUTED:
            continue
        if ({a[i1 - 1], a[i2], b[j1 - 1], b[j2]} | set(mine) | set(theirs)) & _LIST_WORDS:
            continue
        out.append((i1, i2, j1, j2))
    return tuple(out)


def preference_reversed(
    draft: tuple[str, Sequence[Mention]], src: tuple[str, Sequence[Mention]], label: Callable[[str], str]
) -> tuple[str, str] | None:
    """The two sentences rank the same two entities the other way round: "chose A over B" against
    "chose B rather than A", "A overtook B" against "B replaced A" (the "preference" and "overtaking"
    rules). Returned as the source's (preferred, passed over); None when either sentence ranks none,
    or both rank them alike."""
    mine, theirs = _ranked(*draft), _ranked(*src)
    if mine is None or theirs is None:
        return None
    (a, b), (x, y) = mine, theirs
    if same_entity(a, y, label) and same_entity(b, x, label) and not same_entity(a, b, label):
        return x, y
    return None


def ranks(text: str) -> bool:
    """Whether a sentence ranks two things ("chose A over B", "A overtook B"), by its words alone."""
    r = rules.rules()
    return bool(r["preference"].search(text) or r["overtaking"].search(text))


def _ranked(text: str, mentions: Sequence[Mention]) -> tuple[str, str] | None:
    """The entity the sentence puts first and the one it puts after, if it ranks two: the first
    preferred and the first passed over ("chose A over B"), or the subject nearest the verb and
    the first entity after it ("A overtook B")."""
    m = rules.rules()["preference"].pattern.search(text)
    if m is not None:
        first = [e.entity for e in mentions if m.start("preferred") <= e.start < m.end("preferred")]
        second = [e.entity for e in mentions if m.start("passed") <= e.start < m.end("passed")]
        return (first[0], second[0]) if first and second else None
    m = rules.rules()["overtaking"].pattern.search(text)
    if m is not None:
        # the subject: in the verb's own clause, before it; the one overtaken: just after it
        clause = max(text.rfind(";", 0, m.start()), text.rfind(",", 0, m.start())) + 1
        first = [e.entity for e in mentions if clause <= e.start and e.end <= m.start()]
        second = [e.entity for e in mentions if m.end() <= e.start < m.end() + _BEHIND]
        return (first[-1], second[0]) if first and second else None
    return None


_BEHIND = 80  # characters after an overtaking verb in which the one overtaken is named


# Words in double or curly quotes, or in single straight quotes that open after a space and close
# before one ("as a 'perfect storm'."; not the apostrophe of "Russia's").
_QUOTED = re.compile(
    '["\u201c\u2018]([^"\u201c\u201d\u2018\u2019]{3,80}?)["\u201d\u2019]|(?<!\\w)\'([^\'"]{3,80}?)\'(?!\\w)'
)


def quoted_elsewhere(
    draft: tuple[str, Sequence[Mention]],
    src: tuple[str, Sequence[Mention]],
    kind_of: Callable[[str], str],
    label: Callable[[str], str],
) -> str:
    """The speaker the source sentence gives the draft's quotation to, when it is not the draft's
    ("" otherwise): the two sentences quote the same words of two words or more, each names a
    person, and none of the draft's people is in the source sentence ("Minister A called it a
    'perfect storm'" where the source has Banker B say it)."""
    ours, theirs = _quotations(draft[0]), _quotations(src[0])
    if not ours & theirs:
        return ""
    mine, others = _people(draft[1], kind_of), _people(src[1], kind_of)
    if not mine or not others or any(same_entity(a, b, label) for a in mine for b in others):
        return ""
    return others[0]


def quotes(text: str) -> bool:
    """Whether a sentence quotes words of two or more."""
    return bool(_quotations(text))


def _quotations(text: str) -> set[str]:
    found = ((m.group(1) or m.group(2)).strip() for m in _QUOTED.finditer(text))
    return {" ".join(q.lower().split()) for q in found if " " in q}


def _people(mentions: Sequence[Mention], kind_of: Callable[[str], str]) -> list[str]:
    """The people a sentence names: known persons, and unknown names of two or three words."""
    out = []
    for m in mentions:
        kind = kind_of(m.entity)
        if kind == "person" or (kind == "name" and 2 <= len(m.text.split()) <= 3):
            out.append(m.entity)
    return out


def _name_tokens(text: str, mentions: Sequence[Mention]) -> list[str]:
    """The sentence's words, lowercased, with each outermost name one token: "@" and its entity."""
    out: list[str] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue  # a name inside a longer one
        out += [w.lower() for w in _TOKEN.findall(text[pos : m.start])] + [f"@{m.entity}"]
        pos = m.end
    return out + [w.lower() for w in _TOKEN.findall(text[pos:])]


def _substitutes(a: str, b: str, kind_of: Callable[[str], str]) -> bool:
    """Two entities that can stand in the same place of a sentence: of one swappable kind, or two
    regions or sites ("the capital of Dagestan"); not names the gazetteer does not know."""
    ka, kb = kind_of(a), kind_of(b)
    return ka == kb and ka in SWAPPABLE | {"region", "place"}


def same_digits(draft: Claim, src: Claim) -> bool:
    """The same significant digits at another power of ten, or the same sum in another currency: the
    slip of a scale word, a unit or a currency sign ("€25 billion" for "$25 billion")."""
    dq, sq = draft.quantity, src.quantity
    if dq is None or sq is None or not dq.value or not sq.value:
        return False
    if dq.value == sq.value:
        return dq.dimension == "money" and not same_currency(dq, sq) and dq.high == sq.high
    return _mantissa(dq.value) == _mantissa(sq.value) and (dq.high is None) == (sq.high is None)


def _mantissa(v: float) -> str:
    return f"{abs(v) / 10 ** math.floor(math.log10(abs(v))):.3g}"


def own_keys(c: Claim) -> tuple[str, ...]:
    """The claim's own value as retrieval keys (`Claim.values` holds its whole sentence's)."""
    return value_keys(c.quantity, c.date)


def same_currency(a: Quantity, b: Quantity) -> bool:
    """Whether two sums may be in one currency ("¥5 billion" and "5 trillion yen" may)."""
    return bool(qty_mod.currencies(a) & qty_mod.currencies(b))


def _same_money(a: Quantity, b: Quantity) -> Quantity:
    """`a` in `b`'s currency when the sign leaves its currency open."""
    if a.dimension == b.dimension == "money" and a.unit != b.unit and b.unit in qty_mod.currencies(a):
        return replace(a, unit=b.unit)
    return a


def _counted_alike(a: Quantity, b: Quantity, counted: tuple[str, ...] = ()) -> bool:
    """Two counts of the same number whose nouns differ ("six babies", "six infants"): in sentences
    that state the same fact, the number itself says they count the same thing, unless the draft
    counts the source's noun elsewhere ("21 firms from 33 countries" against "21 countries")."""
    if b.unit and any(k.startswith(f"{b.unit}:") for k in counted):
        return False
    return {a.dimension, b.dimension} <= {"count", "number"} and a.value == b.value and a.high == b.high


def other_measure(draft: Claim, src: Claim) -> bool:
    """The draft figure's own words name a measure the source sentence never does, and the sentence
    names another (`rules.other_measures`): "net profit" against "revenue ... a rise of 26%"."""
    return rules.other_measures(draft.terms, (*src.terms, *src.context))


def _comparable(draft: Claim, src: Claim) -> bool:
    if other_measure(draft, src):
        return False  # "net profit rose 26%" against "revenue ... a rise of 26%"
    if draft.quantity is not None and src.quantity is not None:
        dq = _same_money(draft.quantity, src.quantity)
        return qty_mod.comparable(dq, src.quantity) or _counted_alike(dq, src.quantity, draft.values)
    if draft.date is not None and src.date is not None:
        return dates_mod.comparable(draft.date, src.date)
    return False


def values_agree(draft: Claim, src: Claim, tolerance: float) -> bool:
    """Whether the source claim's figure or date bears the draft's out, whatever the words around it."""
    return _comparable(draft, src) and _compatible(draft, src, tolerance)


def _compatible(draft: Claim, src: Claim, tolerance: float) -> bool:
    if draft.quantity is not None and src.quantity is not None:
        dq, sq = draft.quantity, src.quantity
        if dq.role in CHANGE_ENDS and sq.role in CHANGE_ENDS and dq.role != sq.role:
            return False  # "from 4.3% to 1.1%" where the source went from 1.1% to 4.3%
        if _counted_alike(dq, sq, draft.values):
            return dq.bound == sq.bound or Bound.EXACT in (dq.bound, sq.bound)
        return qty_mod.compatible(_same_money(dq, sq), sq, tolerance)
    if draft.date is not None and src.date is not None:
        return dates_mod.compatible(draft.date, src.date)
    return False


def same_period(draft: Claim, src: Claim) -> bool:
    """Figures for different years measure different things: 2,400 ships in 2022 does not contradict
    3,000 ships in 2011, it is simply not in the source. A year is within a span of years, but two
    spans that only overlap are two periods ("2022/23" and "2023/24" are two fiscal years)."""
    if draft.period is None or src.period is None:
        return True
    return nested(draft.period, src.period)


def nested(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether one span of years holds the other."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def group(kind: str) -> str:
    return "geo" if kind in GEO else "actor"


def _same_kind(a: str, b: str, kind_of: Callable[[str], str]) -> bool:
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb:
        return True
    # A name the gazetteer does not know may be any kind of actor.
    return "name" in (ka, kb) and group(ka) == group(kb) == "actor"


@lru_cache(maxsize=1 << 16)  # a check asks about the same few pairs of names thousands of times
def same_entity(a: str, b: str, label: Callable[[str], str]) -> bool:
    """Whether two mentions name one entity: the same id; or one name holds the other's words
    ("Akkuyu" and "Akkuyu NPP", "Fernandez" and "Alberto Fernandez"); or one is the initials of the
    other ("TEL" and "Tokyo Electron"); or they are one spelling apart ("Qadhafi", "Gaddafi")."""
    if a == b:
        return True
    la, lb = _name_words(label(a)), _name_words(label(b))
    if not la or not lb:
        return False
    short, long_ = (la, lb) if len(la) <= len(lb) else (lb, la)
    if set(short) <= set(long_) and (len(short) > 1 or len(short[0]) > 3):
        return True
    for x, y in ((la, lb), (lb, la)):
        if len(x) == 1 and len(y) > 1 and x[0] == "".join(w[0] for w in y if w not in _PARTICLES):
            return True
    if entities.skeleton(" ".join(la)) == entities.skeleton(" ".join(lb)):
        return True  # "Gref" and "Greff", "Zelensky" and "Zelenskyy": one name transliterated twice
    if len(la) == len(lb) == 1 and _derived(la[0], lb[0]):
        return True  # "Sovietisation" and "Sovietized": one word's derivations, no two names
    from rapidfuzz import fuzz

    return min(len(" ".join(la)), len(" ".join(lb))) >= 5 and fuzz.ratio(" ".join(la), " ".join(lb)) >= 88


_PARTICLES = frozenset("of the and for de del la le von van der da du di al".split())


def _derived(a: str, b: str) -> bool:
    """Two words of which the stem of one begins the other's ("sovietiz", "sovietizat")."""
    x, y = sorted((text_mod.stem(a), text_mod.stem(b)), key=len)
    return len(x) >= 6 and y.startswith(x)


@lru_cache(maxsize=1 << 14)
def _name_words(name: str) -> tuple[str, ...]:
    from factcheck.entities import plain

    words = [w for w in plain(name).lower().replace("-", " ").replace("'s", "").split() if w.isalnum()]
    # A plural names the same thing ("VVERs", "VVER"); a final s is folded on both sides alike.
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _among(e: str, pool: Iterable[str], label: Callable[[str], str]) -> bool:
    return any(same_entity(e, x, label) for x in pool)


def subject_relation(
    draft: Claim,
    source: Claim,
    kind_of: Callable[[str], str],
    label: Callable[[str], str],
) -> tuple[Subjects, tuple[str, ...], str]:
    """How the subjects of two claims relate: (relation, the draft's entities the source sentence
    lacks, explanation). The relation is one of:

    same       no entity of the draft is given to someone else
    other      the source gives one of the draft's entities a figure of its own ("34% for Samsung"),
               or gives the figure to a listed group the draft's entity is only part of
    swapped    the draft names an entity the source never names, where the source names another of
               the same kind that the draft never names, either for this very figure (Kyrgyzstan's
               43% vs Tajikistan's) or anywhere in the sentence (Protei exported SORM vs Hikvision)
    unrelated  the figure is about a company or person the source sentence never names
    topic      the draft names an entity where the source sentence names no subject of its kind and
               its topic (the sentence before, the heading of its section) is another one:
               neither support nor a conflict, as the source never says it outright

    Entities are matched by `same_entity`, so a short form, an acronym or a spelling variant of a
    name is the same subject, never a swap."""
    here = set(source.names) | set(source.entities)
    for e in draft.entities:
        rival = any(kind_of(x) == kind_of(e) and not same_entity(x, e, label) for x in source.entities)
        if e in source.others and rival and not _among(e, source.entities, label):
            return Subjects.OTHER, (), f"the source gives {label(e)} a figure of its own"
        together = [x for x in source.entities if kind_of(x) == kind_of(e) and kind_of(e) in SWAPPABLE]
        if (
            draft.quantity is not None
            # a sum, a count or a share can be a group's together; how long or how many times cannot
            and draft.quantity.dimension not in _UNSHARED
            and (source.scope is Scope.GROUP or len(together) >= 3)
            and not rules.RESPECTIVELY.search(source.quote)  # a list paired with figures, not a group
            and _among(e, together, label)
            and len(together) > len([d for d in draft.entities if kind_of(d) == kind_of(e)])
        ):
            named = ", ".join(map(label, together))
            return Subjects.OTHER, (), f"the source's figure is for {named} together"
    draft_names = set(draft.names) | set(draft.entities)
    missing = _unnamed(draft, here | set(source.nearby), label)
    absent = [
        e
        for e in draft.entities
        if e in missing
        and ((kind_of(e) in NAMED_ACTORS and _proper(e)) or (draft.date is not None and kind_of(e) == "name"))
    ]
    # A figure's own subject can be swapped; a date's only when the source pins it to one entity.
    own_level = draft.quantity is not None or source.scope is Scope.ITEM
    # For a named statement, an entity the source names only in the sentence before is the
    # paragraph's topic, not who does what in this sentence ("Russian companies like Protei have
    # exported SORM" after a sentence about Hikvision).
    unnamed_here = _unnamed(draft, here, label)
    if draft.kind is ClaimKind.NAMED:
        missing = unnamed_here
    # The topic (the sentence before, the headings) names what a figure's sentence leaves unsaid, but
    # never outranks the figure's own subject: "Latvia's utility approved EUR 80 million" under a
    # heading naming Estonia gives the figure to Latvia, not Estonia. Places only: a section's country
    # is the topic headings give; a company or person named the sentence before stays out of it (two
    # held-out sentences lost their verdict when every kind was rivalled).
    topical = tuple(
        e
        for e in unnamed_here
        if e not in missing and e in draft.entities and kind_of(e) in ("country", "city")
    )
    for e in (*missing, *topical):
        if kind_of(e) not in SWAPPABLE and kind_of(e) != "name":
            continue
        rivals = source.entities if own_level and e in draft.entities else ()
        # a name of another part of the draft's sentence ("; Moscow rejoined in 1956") rivals only
        # the source figure's own subjects, not every name of its sentence ("U.S. influence")
        pool = set(source.names) | set(source.entities) if e in draft.entities else set(source.entities)
        if e in topical:
            pool = set()  # the topic's name is rivalled only by the figure's own subject
        elif any(kind_of(x) == kind_of(e) and _among(x, draft.entities, label) for x in source.entities):
            # the draft's figure has the source figure's owner already: another figure's owner is no
            # rival of a second name of that kind ("Tashkent bought 3.1m tonnes of Kazakh grain"
            # against "Uzbekistan bought 3.1m tonnes, Afghanistan 2.4m")
            pool -= set(source.others)
        for x in (*rivals, *sorted(pool)):
            if (
                _rivals(e, x, kind_of)
                and not _among(x, draft_names, label)
                and not _part_of(e, x, label)
                # a date is no one's own: a name the gazetteer does not know rivals another only for
                # a figure ("TWINSCAN NXT", a product named beside a date, is no ASML); for a date it
                # is left unnamed by the source ("the Elbe authority" where it says "the Rhine")
                and (draft.date is None or "name" not in (kind_of(e), kind_of(x)))
            ):
                return Subjects.SWAPPED, missing, f"the source says {label(x)}, not {label(e)}"
    if absent:
        return Subjects.UNRELATED, missing, f"the source does not mention {label(absent[0])}"
    if own_level and not source.entities:
        # a sentence that names no subject is about its topic: "Lithuania's utility approved a loan"
        # is not borne out by "The state utility approved a loan" under a heading naming Estonia
        for e in (e for e in missing if e in draft.entities and kind_of(e) in SWAPPABLE):
            for x in source.nearby:
                if _rivals(e, x, kind_of) and not _among(x, draft_names, label):
                    why = f"the source's sentence is about {label(x)}, not {label(e)}"
                    return Subjects.TOPIC, missing, why
    if draft.kind is ClaimKind.NAMED:
        # "Russia, like China, takes part in X" where the source says only that China does: the
        # statement is made of an entity the source sentence names alongside one it leaves out.
        for e in missing:
            if (
                e in draft.entities
                and kind_of(e) in SWAPPABLE
                and any(kind_of(x) == kind_of(e) and _among(x, draft_names, label) for x in source.entities)
            ):
                return Subjects.UNRELATED, missing, f"the source says this of others, not of {label(e)}"
    return Subjects.SAME, missing, ""


_UNSHARED = frozenset({"duration", "multiplier"})


def _unnamed(draft: Claim, pool: set[str], label: Callable[[str], str]) -> tuple[str, ...]:
    """The draft's entities and names that no entity of `pool` names, in order."""
    return tuple(e for e in dict.fromkeys((*draft.entities, *draft.names)) if not _among(e, pool, label))


def _part_of(a: str, b: str, label: Callable[[str], str]) -> bool:
    """One name is an acronym whose letters hold the other's initials: "PSG" may stand for "Paris
    Saint-Germain", written by the source as "Saint-Germain" after the city; not a rival."""
    for x, y in ((a, b), (b, a)):
        acronym = unknown_name(x) or ""  # a known entity's label is its full name, never an acronym
        initials = "".join(w[0] for w in _name_words(label(y)) if w not in _PARTICLES)
        if acronym.isalpha() and acronym.isupper() and len(initials) >= 2 and initials in acronym.lower():
            return True
    return False


def _rivals(a: str, b: str, kind_of: Callable[[str], str]) -> bool:
    """Two entities one of which a writer may have put for the other: of one kind, two names the
    gazetteer does not know (both companies, both people, as far as anyone can tell), or a known
    company or person and an unknown proper name."""
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb:
        return ka in SWAPPABLE or (ka == "name" and _proper(a) == _proper(b))
    # A known company or person against a name the gazetteer does not know but that is plainly a
    # proper name ("OpenAI", "Sam Altman"): most such names in a statement are companies or people.
    pair = {ka, kb}
    unknown = a if ka == "name" else b
    return pair in ({"company", "name"}, {"person", "name"}) and _proper(unknown)


# Kinds whose members can stand in for one another in a statement, so that naming the wrong one is a
# factual error: a country for a country, a company for a company. Unknown capitalised names are left
# out: too many of them are not actors at all.
SWAPPABLE = frozenset({"country", "person", "company", "organisation", "city"})


def identifier(entity: str, kind_of: Callable[[str], str]) -> bool:
    """A company, person, city or one-word name: something a figure can belong to. A descriptive
    name of several words ("Global Cybersecurity Index") is what is measured, not whose it is."""
    if unknown_name(entity) is not None:
        return " " not in entity
    return kind_of(entity) in NAMED_ACTORS | {"city"}


def _proper(entity: str) -> bool:
    """A known entity, or an unknown name of several words or capitals ("Business Council", "CEFC"):
    a lone capitalised word ("Sovietisation") may be any noun."""
    name = unknown_name(entity)
    if name is None:
        return True
    return " " in name or sum(c.isupper() for c in name) >= 2

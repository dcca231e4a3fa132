"""Decide a draft claim's verdict from its candidates.

supported    a source claim about the same subject and measure whose value bears the draft's out
conflicting  a source claim about the same subject and measure with a value that does not; or the
             same statement with its actor swapped, its negation dropped or its direction reversed
unsupported  nothing in the store addresses the claim

"Same subject" means no entity of the draft is missing from the source claim while the source
claim names a different entity of the same group (Tajikistan vs Kyrgyzstan, Protei vs Hikvision),
and no entity of the draft is one the source sentence gives to another figure ("34% for Samsung").
The thresholds are in `Config`; the reasons each verdict gives are shown with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck import dates as dates_mod
from factcheck import quantities as qty_mod
from factcheck.config import Config
from factcheck.match import Candidate, tokens
from factcheck.model import Claim, Verdict

GEO = frozenset({"country", "region", "city", "place"})
# Kinds of entity a figure can be about only if the source names them; organisations and programmes
# are often the unnamed setting of a statement ("the SCO's Qingdao centre").
NAMED_ACTORS = frozenset({"company", "person", "name"})
PLACES = frozenset({"city", "place", "name"})
SETTING = frozenset({"region", "organisation", "programme", "place", "city"})


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    message: str
    evidence: tuple[Candidate, ...]
    why: str


def group(kind: str) -> str:
    return "geo" if kind in GEO else "actor"


def _same_kind(a: str, b: str, kind_of: Callable[[str], str]) -> bool:
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb:
        return True
    # A name the gazetteer does not know may be any kind of actor.
    return "name" in (ka, kb) and group(ka) == group(kb) == "actor"


def subject_relation(
    draft: Claim,
    source: Claim,
    kind_of: Callable[[str], str],
    label: Callable[[str], str] | None = None,
) -> tuple[str, tuple[str, ...], str]:
    """How the subjects of two claims relate: ("same" | "other" | "swapped", the draft's entities the
    source sentence lacks, explanation).

    other    the source gives one of the draft's entities a figure of its own ("34% for Samsung")
    swapped  the draft names an entity where the source names another of the same kind, either for
             this very figure (Kyrgyzstan's 43% vs Tajikistan) or anywhere in the sentence (Protei
             exported SORM vs Hikvision exported SORM)
    """
    name_of = label or _label
    for e in draft.entities:
        if e in source.others and e not in source.entities:
            return "other", (), f"the source gives {name_of(e)} a figure of its own"
        together = [x for x in source.entities if kind_of(x) == kind_of(e)]
        if (
            draft.quantity is not None
            and (source.scope == "group" or len(together) >= 3)
            and e in together
            and len(together) > len([d for d in draft.entities if kind_of(d) == kind_of(e)])
        ):
            return "other", (), f"the source's figure is for {', '.join(map(name_of, together))} together"
        if (
            draft.quantity is not None
            and source.entities
            and e not in source.entities
            and e in source.names
            and _identifier(e, kind_of)
        ):
            return "other", (), f"the source's figure is not {name_of(e)}'s"
    src_names = set(source.names) | set(source.entities)
    draft_names = set(draft.names) | set(draft.entities)
    missing = tuple(e for e in dict.fromkeys((*draft.entities, *draft.names)) if e not in src_names)
    nearby = src_names | set(source.nearby)
    absent = [e for e in draft.entities if e not in nearby and kind_of(e) in NAMED_ACTORS and _proper(e)]
    # A figure's own subject can be swapped; a date's only when the source pins it to one entity.
    own_level = draft.quantity is not None or source.scope == "item"
    for x in source.entities if own_level else ():
        if x in draft_names:
            continue
        for e in draft.entities:
            if e not in source.entities and _same_kind(e, x, kind_of):
                return "swapped", missing, f"the source gives this for {name_of(x)}, not {name_of(e)}"
    for e in missing:
        if e in source.nearby or kind_of(e) == "country":
            # The paragraph's topic, named in the sentence before; or a country the source need not
            # repeat ("Tanzania's Dar es Salaam-Mwanza railway" against "the line from Dar es Salaam").
            continue
        for x in sorted(src_names - draft_names):
            if _same_kind(e, x, kind_of):
                return "swapped", missing, f"the source says {name_of(x)}, not {name_of(e)}"
    if absent:
        # The figure is about someone the source sentence never names: it speaks of something else.
        return "unrelated", missing, f"the source does not mention {name_of(absent[0])}"
    return "same", missing, ""


def _identifier(entity: str, kind_of: Callable[[str], str]) -> bool:
    """A company, person, city or one-word name: something a figure can belong to. A descriptive
    name of several words ("Global Cybersecurity Index") is what is measured, not whose it is."""
    if entity.startswith("name:"):
        return " " not in entity
    return kind_of(entity) in NAMED_ACTORS | {"city"}


def _proper(entity: str) -> bool:
    """A known entity, or an unknown name of several words or capitals ("Business Council", "CEFC"):
    a lone capitalised word ("Sovietisation") may be any noun."""
    if not entity.startswith("name:"):
        return True
    name = entity[5:]
    return " " in name or sum(c.isupper() for c in name) >= 2


def _label(entity: str) -> str:
    return entity[5:] if entity.startswith("name:") else entity


def decide(
    draft: Claim,
    candidates: list[Candidate],
    config: Config,
    kind_of: Callable[[str], str],
    label: Callable[[str], str],
    idf: Callable[[str], float],
) -> Decision:
    if draft.kind == "named":
        return _decide_named(draft, candidates, config, kind_of, label)
    same: list[tuple[Candidate, bool]] = []
    swapped: list[tuple[Candidate, str]] = []
    for cand in candidates:
        src = cand.claim
        if src.kind != draft.kind or not _comparable(draft, src) or not _same_period(draft, src):
            continue
        relation, missing, why = subject_relation(draft, src, kind_of, label)
        agrees = _compatible(draft, src, config)
        if (
            relation == "same"
            and cand.similarity >= config.support_similarity
            and _subjects_named(draft, src, kind_of)
        ):
            same.append((cand, agrees))
        elif (
            relation == "swapped"
            and agrees
            and _same_figure(draft, src)
            and missing
            and _anchored(draft, src)
            and _without(cand, missing, draft, idf) >= config.swap_similarity
            and cand.measure >= config.min_measure
        ):
            swapped.append((cand, why))
    span = _span_of_years(draft, candidates, config)
    if span is not None:
        return span
    # The statement that matches best decides; a figure that agrees with a statement almost as
    # close ("37 percent of all imports" beside "0.008 percent of trade") still counts as support.
    same.sort(key=lambda ca: (-_closeness(ca[0], draft), ca[0].claim.id))
    if same:
        best, best_agrees = same[0]
        near = [
            c
            for c, ok in same
            if ok
            and _closeness(c, draft) >= config.margin * _closeness(best, draft)
            and _measured(draft, c, config)
        ]
        conflicting = (
            not best_agrees
            and best.similarity >= config.conflict_similarity
            and best.measure >= config.min_measure
            and _all_actors_named(draft, best.claim, kind_of)
        )
        if best_agrees and _measured(draft, best, config):
            near.insert(0, best)
        turned = _turned(draft, best.claim)
        if (
            near
            and turned
            and near[0] is best
            and best.similarity >= config.strong_similarity
            and best.measure >= config.strong_similarity
        ):
            return Decision(Verdict.CONFLICTING, f"the source says the opposite ({turned})", (best,), turned)
        if near:
            return Decision(
                Verdict.SUPPORTED, f"source says {_value(near[0].claim)}", (near[0],), "value agrees"
            )
        if conflicting:
            return Decision(
                Verdict.CONFLICTING,
                f"source says {_value(best.claim)}",
                (best,),
                f"{_value(draft)} vs {_value(best.claim)}",
            )
        support = [c for c, ok in same if ok and _measured(draft, c, config)]
        if support:
            return Decision(
                Verdict.SUPPORTED, f"source says {_value(support[0].claim)}", (support[0],), "value agrees"
            )
    if swapped:
        best, msg = max(swapped, key=lambda cm: (cm[0].similarity + cm[0].measure, cm[0].claim.id))
        return Decision(Verdict.CONFLICTING, msg, (best,), "figure of another subject")
    return Decision(Verdict.UNSUPPORTED, "no source addresses this claim", (), "")


def reconcile(decided: list[tuple[Claim, Decision]]) -> list[tuple[Claim, Decision]]:
    """A date that dates a figure of its sentence ("about 1.1 GW in 2019") is judged with that
    figure: supported when the statement that supports the figure gives it for the same years,
    conflicting when it gives it for other years, and unsupported when nothing supports the figure
    (the draft is then about a period the source does not cover). Other dates keep their verdict."""
    out = []
    for claim, d in decided:
        if claim.date is not None and claim.date.year is not None:
            years = (claim.date.year, claim.date.end_year or claim.date.year)
            dated = [
                (c, e)
                for c, e in decided
                if c.quantity is not None and c.period == years and _same_sentence(c, claim)
            ]
            backed = [(c, e) for c, e in dated if e.verdict is Verdict.SUPPORTED and e.evidence]
            if backed:
                ev = backed[0][1].evidence[0]
                period = ev.claim.period
                if period is None or (period[0] <= years[1] and years[0] <= period[1]):
                    d = Decision(
                        Verdict.SUPPORTED,
                        f"source gives the figure for {_years(period or years)}",
                        (ev,),
                        "the date of a supported figure",
                    )
                else:
                    d = Decision(
                        Verdict.CONFLICTING,
                        f"source gives this figure for {_years(period)}",
                        (ev,),
                        "the figure's date differs",
                    )
            elif dated:
                d = Decision(
                    Verdict.UNSUPPORTED,
                    "no source gives this figure for this date",
                    (),
                    "the figure it dates is not in the sources",
                )
        out.append((claim, d))
    return out


def _years(period: tuple[int, int]) -> str:
    return str(period[0]) if period[0] == period[1] else f"{period[0]}-{period[1]}"


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.quote == b.quote and abs(a.start - b.start) <= len(a.quote)


def _span_of_years(draft: Claim, candidates: list[Candidate], config: Config) -> Decision | None:
    """ "13 years after it was first proposed": a number of years that the source gives as two dates
    ("proposed in 1994 ... signed in April 2007") is supported by their difference."""
    q = draft.quantity
    if q is None or q.unit != "year" or q.bound != "exact" or q.high is not None:
        return None
    by_quote: dict[str, list[Candidate]] = {}
    for c in candidates:
        if c.claim.date is not None and c.claim.date.year and c.similarity >= config.strong_similarity:
            by_quote.setdefault(c.claim.quote, []).append(c)
    for group_ in by_quote.values():
        years = sorted({c.claim.date.year for c in group_ if c.claim.date and c.claim.date.year})
        for a in years:
            for b in years:
                if b - a == q.value:
                    best = max(group_, key=lambda c: (c.similarity + c.measure, c.claim.id))
                    return Decision(
                        Verdict.SUPPORTED,
                        f"source gives {a} and {b}: {b - a} years",
                        (best,),
                        "difference of two dates",
                    )
    return None


def _anchored(draft: Claim, src: Claim) -> bool:
    """A swap is only a contradiction when the rest of the statement is about the same thing: some
    entity of the draft appears in the source too (the EAEU, whose partner is swapped)."""
    return bool(set(draft.names) & set(src.names))


def _subjects_named(draft: Claim, src: Claim, kind_of: Callable[[str], str]) -> bool:
    """The figure's own subjects are named by the source sentence or the one before it: "Bolivia
    signed in June 2023" is not borne out by "the EU signed with Argentina in June 2023". Regions,
    organisations and programmes may be the unnamed setting."""
    named = set(src.names) | set(src.entities) | set(src.nearby)
    missing = [e for e in draft.entities if kind_of(e) not in SETTING and e not in named]
    # "Kenya's Lamu port" against "the port at Lamu": the country of a place the source names is implied.
    placed = any(e in named and kind_of(e) in PLACES for e in draft.entities)
    return all(kind_of(e) == "country" and placed for e in missing)


def _all_actors_named(draft: Claim, src: Claim, kind_of: Callable[[str], str]) -> bool:
    """A contradiction needs the source to speak of every actor the draft names (in the sentence or
    the one before it): "the EU's second summit ... June 2023" is not contradicted by a sentence
    about China's summits, however alike the words. Support may leave the setting unnamed."""
    named = set(src.names) | set(src.entities) | set(src.nearby)
    return all(e in named for e in draft.names if group(kind_of(e)) == "actor")


def _same_period(draft: Claim, src: Claim) -> bool:
    """Figures for different years measure different things: 2,400 ships in 2022 does not contradict
    3,000 ships in 2011, it is simply not in the source."""
    if draft.period is None or src.period is None:
        return True
    return draft.period[0] <= src.period[1] and src.period[0] <= draft.period[1]


def _turned(draft: Claim, src: Claim) -> str:
    """Why two statements with the same figure still disagree: one negates or reverses the other."""
    pol = _opposed(draft.polarity, src.polarity)
    if pol:
        return pol
    return "negation" if rules_flip(draft) != rules_flip(src) else ""


def _same_figure(draft: Claim, src: Claim) -> bool:
    """The very figure, not merely one on the right side of a bound: only that can be misattributed."""
    if draft.quantity is not None and src.quantity is not None:
        return "min" not in (draft.quantity.bound, src.quantity.bound) and "max" not in (
            draft.quantity.bound,
            src.quantity.bound,
        )
    return True


def _closeness(c: Candidate, draft: Claim | None = None) -> float:
    bonus = 0.0
    if (
        draft is not None
        and draft.date is not None
        and c.claim.date is not None
        and draft.date.relation
        and draft.date.relation == c.claim.date.relation
    ):
        bonus = 0.2  # "since 2020" is answered by a "since ..." statement first
    return c.similarity + c.measure + bonus


def _measured(draft: Claim, c: Candidate, config: Config) -> bool:
    """The source's figure measures what the draft's does, or the sentences are close enough that
    the words next to the figure need not match."""
    return c.measure >= config.min_measure or not draft.terms or c.similarity >= config.strong_similarity


def _without(cand: Candidate, missing: tuple[str, ...], draft: Claim, idf: Callable[[str], float]) -> float:
    """Similarity once the swapped entities are set aside: how alike the rest of the statement is."""
    total = sum(idf(t) for t in tokens(draft))
    gone = sum(idf(f"@{e}") for e in missing)
    return cand.similarity * total / (total - gone) if total > gone else 0.0


def _comparable(draft: Claim, src: Claim) -> bool:
    if draft.quantity is not None and src.quantity is not None:
        return qty_mod.comparable(draft.quantity, src.quantity)
    if draft.date is not None and src.date is not None:
        return dates_mod.comparable(draft.date, src.date)
    return False


def _compatible(draft: Claim, src: Claim, config: Config) -> bool:
    if draft.quantity is not None and src.quantity is not None:
        dq, sq = draft.quantity, src.quantity
        if dq.role and sq.role and dq.role != sq.role:
            return False  # "from 4.3% to 1.1%" where the source went from 1.1% to 4.3%
        return qty_mod.compatible(dq, sq, config.tolerance)
    if draft.date is not None and src.date is not None:
        return dates_mod.compatible(draft.date, src.date)
    return False


def _value(c: Claim) -> str:
    if c.quantity is not None:
        return qty_mod.describe(c.quantity)
    if c.date is not None:
        return dates_mod.describe(c.date)
    return "otherwise"


def _decide_named(
    draft: Claim,
    candidates: list[Candidate],
    config: Config,
    kind_of: Callable[[str], str],
    label: Callable[[str], str],
) -> Decision:
    """A statement without a figure: supported by a close source statement that names the same
    actors and says it the same way round; conflicting with one that says the opposite (negation,
    an opposed word) or gives the same act to another actor of the same kind."""
    seen: set[str] = set()
    support: list[Candidate] = []
    conflict: list[tuple[Candidate, str]] = []
    for cand in candidates:
        src = cand.claim
        if src.quote in seen or cand.similarity < config.named_conflict_similarity:
            continue
        seen.add(src.quote)
        src_ents = set(src.names)
        missing = [e for e in draft.names if e not in src_ents]
        extra = [x for x in src.names if x not in draft.names]
        pairs = [(m, next((x for x in extra if kind_of(x) == kind_of(m)), "")) for m in missing]
        swaps = [(m, x) for m, x in pairs if x]
        # Regions, organisations and programmes are often the unnamed setting of a source sentence.
        loose = all(kind_of(m) in SETTING for m, x in pairs if not x) and not swaps
        pol = _opposed(draft.polarity, src.polarity)
        same_way = rules_flip(draft) == rules_flip(src) and not pol
        mispaired = _mispaired(draft, src, kind_of, label) if loose and same_way else ""
        if mispaired and cand.similarity >= config.named_similarity:
            conflict.append((cand, mispaired))
        elif loose and same_way and cand.similarity >= config.named_similarity:
            support.append(cand)
        elif loose and not same_way:
            why = f"the source says the opposite ({pol})" if pol else "the source says the opposite"
            conflict.append((cand, why))
        elif swaps and len(swaps) == len(missing) and len(swaps) <= 2 and _anchored(draft, src):
            m, x = next(((m, x) for m, x in swaps if group(kind_of(m)) == "actor"), swaps[0])
            conflict.append((cand, f"the source says {label(x)}, not {label(m)}"))
    if support:
        best = max(support, key=lambda c: (c.similarity, c.claim.id))
        return Decision(Verdict.SUPPORTED, "the source says so", (best,), "same statement")
    if conflict:
        best, msg = max(conflict, key=lambda cm: (cm[0].similarity, cm[0].claim.id))
        return Decision(Verdict.CONFLICTING, msg, (best,), msg)
    return Decision(Verdict.UNSUPPORTED, "no source addresses this claim", (), "")


def _mispaired(draft: Claim, src: Claim, kind_of: Callable[[str], str], label: Callable[[str], str]) -> str:
    """The same entities and words, paired the other way: "Kazakh vodka" where the source has
    "vodka from Kyrgyzstan"; the mine "in the Amu Darya region" where the source puts it in Logar."""
    theirs: dict[str, list[str]] = {}
    for p in src.pairs:
        e, _, t = p.partition(">")
        theirs.setdefault(t, []).append(e)
    for p in draft.pairs:
        e, _, t = p.partition(">")
        if p in src.pairs or e not in src.names:
            continue
        if t.startswith("@"):
            # Entities paired with each other: a place for a place, not a country for a city in it.
            y = t[1:]
            if y not in src.names:
                continue
            rivals = [z[1:] for z in (f"@{x}" for x in _partners(src.pairs, e)) if z[1:] != y]
            rivals = [z for z in rivals if _rival_places(y, z, kind_of)]
            if len(rivals) == 1:
                return f"the source puts {label(e)} with {label(rivals[0])}, not {label(y)}"
            continue
        others = [x for x in theirs.get(t, ()) if x != e and kind_of(x) == kind_of(e)]
        if len(others) == 1 and len(set(theirs.get(t, ()))) <= 2:
            return f"the source says {t!r} of {label(others[0])}, not of {label(e)}"
    return ""


def _partners(pairs: tuple[str, ...], entity: str) -> list[str]:
    return [t[1:] for p in pairs for e, _, t in [p.partition(">")] if e == entity and t.startswith("@")]


def _rival_places(a: str, b: str, kind_of: Callable[[str], str]) -> bool:
    """Two places that cannot both hold the same thing: regions, provinces, cities, sites; not a
    country and a place that may lie in it."""
    local = {"region", "place", "city"}
    return kind_of(a) in local and kind_of(b) in local


def rules_flip(c: Claim) -> bool:
    """Whether a statement is, all told, negative: "only Turkmenistan stayed out" and "every state
    except Turkmenistan joined" are the same statement."""
    return c.negated != ("except" in c.polarity)


def _opposed(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    for p in a:
        if ":" not in p:
            continue
        name, sign = p.rsplit(":", 1)
        other = f"{name}:{'-' if sign == '+' else '+'}"
        if other in b and p not in b:
            return name
    return ""

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

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck import dates as dates_mod
from factcheck import quantities as qty_mod
from factcheck import rules, same
from factcheck.config import Config
from factcheck.match import Candidate, similarity
from factcheck.model import (
    CHANGE_ENDS,
    Bound,
    Claim,
    ClaimKind,
    Mention,
    Pair,
    Polarity,
    Quantity,
    Relation,
    Role,
    Scope,
    Side,
    Verdict,
)
from factcheck.same import Comparison, Subjects
from factcheck.text import fold

# How many of the best-retrieved candidates are weighed: the right source sentence is among the first
# few for nearly every claim, and each comparison costs a feature vector.
WEIGHED = 15


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    message: str
    evidence: tuple[Candidate, ...]
    why: str
    # The candidates weighed, each with why it was or was not the evidence (for --verbose and JSON).
    weighed: tuple[tuple[Candidate, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Names:
    """What a verdict asks about names, answered from the checker's gazetteer: an entity's kind
    ("country", "person" ...) and label, and the names a sentence holds with their places."""

    kind_of: Callable[[str], str]
    label: Callable[[str], str]
    find: Callable[[str], Sequence[Mention]]


def decide(
    draft: Claim,
    candidates: list[Candidate],
    config: Config,
    names: Names,
    idf: Callable[[str], float],
) -> Decision:
    kind_of, label = names.kind_of, names.label
    comps = [same.compare(draft, c, idf, kind_of, label, config.tolerance) for c in candidates[:WEIGHED]]
    quoted = _quoted_verbatim(draft, comps)
    if quoted is not None:
        said = "the source says so" if draft.kind is ClaimKind.NAMED else _supported(quoted).message
        decision = Decision(Verdict.SUPPORTED, said, (quoted.candidate,), "the source's words")
    elif draft.kind is ClaimKind.NAMED:
        decision = _decide_named(draft, comps, config, names)
    else:
        decision = (
            _span_of_years(draft, comps, config)
            or _difference(draft, comps, config)
            or _ratio_of_change(draft, comps, config)
            or _share_of_figures(draft, comps, config)
            or _decide_value(draft, comps, config, names)
            or _across_sentences(draft, comps, config, names, idf)
            or Decision(Verdict.UNSUPPORTED, "no source addresses this claim", (), "")
        )
        if decision.verdict is Verdict.CONFLICTING and _gap(draft):
            # a gap between two figures is never set against one of them
            decision = Decision(Verdict.UNSUPPORTED, "no source gives this difference", (), "")
    if decision.verdict is Verdict.SUPPORTED and decision.evidence and quoted is None:
        decision = _said_otherwise(draft, decision, names, comps)
    best = sorted(comps, key=lambda c: (-c.aligned, c.candidate.claim.id))[:SHOWN]
    return replace(decision, weighed=tuple((c.candidate, reason(draft, c, config)) for c in best))


SHOWN = 5  # candidates explained in --verbose and JSON


def _quoted_verbatim(draft: Claim, comps: list[Comparison]) -> Comparison | None:
    """A source claim in a sentence the draft copies word for word, whose value bears the draft's out
    (the same statement, for a named claim): the source's own words support themselves, whatever
    the rules would read into them (a sentence that gives one value twice to two measures)."""
    words = _words(draft.quote)
    for c in comps:
        src = c.candidate.claim
        if _words(src.quote) == words and (c.agrees or (draft.kind is src.kind is ClaimKind.NAMED)):
            return c
    return None


def _words(text: str) -> str:
    return " ".join(fold(text).split())


def reason(draft: Claim, c: Comparison, config: Config) -> str:
    """Why a candidate bears on the draft claim or not, in the terms of the verdict policy: the first
    of other statement, other kind of figure, other subject, other period, other measure that holds,
    else whether its figure agrees."""
    src = c.candidate.claim
    f = c.features
    scores = f"alignment {c.aligned:.2f}, similarity {f.sim:.2f}, measure {f.measure:.2f}"
    if c.aligned < config.support_alignment:
        why = "not the same statement"
    elif draft.kind is not ClaimKind.NAMED and not c.comparable:
        why = f"another kind of figure ({_value(src)})" if src.kind is not ClaimKind.NAMED else "no figure"
    elif c.subject is not Subjects.SAME:
        why = f"other subject: {c.why_subject}"
    elif c.period_differs:
        why = f"other period ({_years(src.period) if src.period else _value(src)})"
    elif draft.kind is not ClaimKind.NAMED and draft.terms and c.features.measure < config.conflict_measure:
        why = "other measure: few of the words next to the figure"
    elif draft.kind is ClaimKind.NAMED:
        why = "same statement"
    else:
        why = "agrees" if c.agrees else f"disagrees: source says {_value(src)}"
    return f"{why} ({scores})"


def _sentences(comps: list[Comparison], draft: Claim | None = None) -> list[list[Comparison]]:
    """The candidates grouped by source sentence, the best-aligned sentence first. For a figure, a
    sentence whose figures of its kind stand next to none of the draft figure's words ranks lower:
    "34% of its foreign debt" is answered by a sentence about debt before one about smartphones that
    shares more of the draft's other words."""
    by: dict[tuple[str, str], list[Comparison]] = {}
    for c in comps:
        by.setdefault((c.candidate.claim.file, c.candidate.claim.quote), []).append(c)
    groups = list(by.values())
    groups.sort(key=lambda g: (-_rank(g, draft), g[0].candidate.claim.id))
    return groups


def _rank(group: list[Comparison], draft: Claim | None) -> float:
    aligned = max(c.aligned for c in group)
    if draft is None or draft.kind is ClaimKind.NAMED or not draft.terms:
        return aligned
    measured = max((c.features.measure for c in group if c.comparable), default=0.0)
    # a sentence that gives the figure's kind only to others ("Tajikistan signed its swap on 24
    # January") ranks below one about the draft's own subject ("the Kyrgyz bank signed on 18 March")
    others = all(c.subject in (Subjects.SWAPPED, Subjects.OTHER) for c in group if c.comparable)
    return aligned * (0.5 + 0.5 * measured) * (0.5 if others and any(c.comparable for c in group) else 1.0)


def _decide_value(draft: Claim, comps: list[Comparison], config: Config, names: Names) -> Decision | None:
    """A figure or a date: find the source sentence that states the same fact, then the figure in it
    that answers the draft's (its counterpart), and compare the two. None when no sentence does."""
    kind_of, label = names.kind_of, names.label
    answered = 0.0  # how well the best sentence with a figure of the draft's kind is aligned
    answered_otherwise: set[str] = set()  # sentences whose counterpart of the draft's value disagrees
    for sentence in _sentences(comps, draft):
        aligned = max(c.aligned for c in sentence)
        if aligned < max(config.support_alignment, config.margin * answered):
            break
        rivals = [c for c in sentence if c.comparable and c.candidate.claim.kind == draft.kind]
        if not rivals:
            continue
        answered = answered or aligned
        best = counterpart(draft, rivals, kind_of, label)
        if not best.agrees:
            answered_otherwise.add(best.candidate.claim.quote)
        if best.agrees and _given_another(draft, best, rivals, names) and len(rivals) > 1:
            # the draft's value is another subject's here: the draft subject's own figure answers it
            best = counterpart(draft, [c for c in rivals if c is not best], kind_of, label)
        turned = _one_way_turned(draft, best.candidate.claim)
        if (
            best.agrees
            and best.subject in (Subjects.SAME, Subjects.UNRELATED)
            and not best.period_differs
            and not turned
            and not _pinned_elsewhere(draft, best, kind_of, label)
            and not _given_another(draft, best, rivals, names)
            and not _unmeasured_date(draft, best)
        ):
            # An actor the source sentence does not name ("Rosatom's report put Russia first ...")
            # leaves the support to the figures: this one and the others the two sentences share.
            if (
                best.subject is Subjects.UNRELATED
                and aligned < config.conflict_alignment
                and best.features.shared_values < 1
            ):
                continue
            return _supported(best)
        if (
            aligned < config.conflict_alignment
            and not _lone_answer(draft, best, rivals, aligned, config)
            and not _slip(draft, best, aligned, config)
        ):
            continue
        if (
            best.agrees
            and best.subject in (Subjects.SWAPPED, Subjects.OTHER)
            and _rival(best)
            and not rules.rules()["additive"].search(draft.quote)  # "X also ...": added, not swapped
            and not _listed_without(draft, rivals, label)
        ):
            return Decision(
                Verdict.CONFLICTING, best.why_subject, (best.candidate,), "figure of another subject"
            )
        if (
            best.agrees
            and turned
            and not rules.negates(draft.quote, draft.terms)
            and not rules.negates(best.candidate.claim.quote, best.candidate.claim.terms)
        ):
            return Decision(
                Verdict.CONFLICTING, f"the source says the opposite ({turned})", (best.candidate,), turned
            )
        reversed_ = _reversed(draft, rivals)
        if reversed_ is not None:
            return Decision(
                Verdict.CONFLICTING,
                f"the source says it went the other way: {_change(reversed_.candidate.claim, rivals)}",
                (reversed_.candidate,),
                "reversed change",
            )
        # The draft's value is in the sentence, pinned on another subject or worded as another of the
        # draft's figures: the figures were swapped.
        swapped = any(
            c.agrees
            and (
                _pinned_elsewhere(draft, c, kind_of, label)
                or _worded_elsewhere(draft, c, best)
                or _given_another(draft, c, rivals, names)
            )
            for c in rivals
        )
        unanswered = (
            # a source figure the draft gives elsewhere in its sentence is that figure's answer
            not set(same.own_keys(best.candidate.claim)) & (set(draft.values) - set(same.own_keys(draft)))
            and _clear(draft, best, rivals, config)
        )
        if (
            not best.agrees
            and (best.subject is Subjects.SAME or _unnamed_setting(best, aligned, config))
            and not best.period_differs
            and (
                best.features.measure >= config.conflict_measure
                # the only figure of its kind, unless its own words are all other than the draft's
                # ("paid GHS 1.9bn in royalties" does not answer "a net profit of GHS 640m")
                or (len(rivals) == 1 and (best.features.measure > 0 or not best.candidate.claim.terms))
            )
            and not _part_of_whole(draft)
            # a value the sentence gives to another is not the draft subject's, however far past
            # the subject's own bound it is
            and (swapped or not _past_bound(draft, best.candidate.claim, config))
            and (
                _measured_alike(draft, best.candidate.claim)
                or (swapped and _bare_alike(draft, best.candidate.claim))
            )
            and (swapped or (unanswered and not _shared_subject(draft, best.candidate.claim, kind_of, label)))
            and not _dates_another_act(draft, best.candidate.claim)
            and not _start_of_unknown_period(draft, best.candidate.claim)
        ):
            return Decision(
                Verdict.CONFLICTING,
                f"source says {_value(best.candidate.claim)}",
                (best.candidate,),
                f"{_value(draft)} vs {_value(best.candidate.claim)}",
            )
        break
    # The figure may stand in a sentence worded differently from the draft's.
    support = [
        c
        for c in comps
        if c.agrees
        and c.subject is Subjects.SAME
        and not c.period_differs  # the same value for another year is another statistic
        and not _pinned_elsewhere(draft, c, kind_of, label)
        and not _given_another(draft, c, comps, names)
        and c.aligned >= max(config.support_alignment, config.margin * answered)
        and not draft.polarity.turned(c.candidate.claim.polarity)
        and not _better_measured_otherwise(draft, c, comps, config)
        # a sentence whose own counterpart disagrees does not agree through a coarser value
        and not (draft.date is not None and c.candidate.claim.quote in answered_otherwise)
    ]
    if support:
        return _supported(max(support, key=lambda c: (c.aligned, c.candidate.claim.id)))
    return None


def _better_measured_otherwise(draft: Claim, c: Comparison, comps: list[Comparison], config: Config) -> bool:
    """A date that only agrees by its year, in a sentence worded apart from the draft, next to a
    sentence that gives the draft subject's act (its words) another date: "set up in 2014" is not
    borne out by "joined a trip in March 2014" when "established in 2012" is retrieved as well."""
    return draft.date is not None and any(
        d.comparable
        and not d.agrees
        and d.subject is Subjects.SAME
        and d.features.measure >= config.conflict_measure
        and d.features.measure > c.features.measure
        and d.candidate.claim.quote != c.candidate.claim.quote  # a sentence's own other date is another act's
        and not set(same.own_keys(d.candidate.claim)) & set(draft.values)  # the draft's other date
        for d in comps
    )


def _one_way_turned(draft: Claim, src: Claim) -> str:
    """The opposition the draft's figure and the source's take opposite sides in ("" when none): read
    on the figures' own words ("fell 7 percent" against "rose 7 percent ..., while furniture exports
    fell"), else, but for a change of a measure, on whole sentences that each take one side only ("was
    cleared of corruption in 2022" against "in 2022 ... was felled for corruption"). The draft's side
    must be among its figure's measure words ("Amid falling catches, Riga sold 4,100 licences" says
    nothing of the licences), and a figure that takes both sides ("climbed ..., as vacancy sank")
    takes neither."""
    mine, theirs = draft.polarity, src.polarity
    turned = mine.turned(theirs)
    if not turned:
        whole = rules.polarity(draft.quote), rules.polarity(src.quote)
        turned = whole[0].turned(whole[1])
        # a change of a measure is each figure's own, never its sentence's ("had reached 41 tonnes
        # ..., fell to zero" says nothing of the 41 tonnes' direction)
        if turned in _both_sides(*whole) or turned in rules.of_measures():
            return ""
    # a phrase of the opposition ("cleared of") counts by its first word
    own = any(p.split()[0] in draft.terms for p in rules.opposed_words(turned)) if turned else False
    return turned if own and turned not in _both_sides(mine, theirs) else ""


def _both_sides(*polarities: Polarity) -> set[str]:
    return {s.opposition for p in polarities for s in p.stances if s.opposite() in p.stances}


def _across_sentences(
    draft: Claim, comps: list[Comparison], config: Config, names: Names, idf: Callable[[str], float]
) -> Decision | None:
    """A draft sentence that joins two neighbouring source sentences ("fell from 7.4 per 10,000 in
    1893-98 to 4.4 by 1913" where the source gives the first figure in one sentence and "It dropped
    to 4.4 per 10,000 by 1913" in the next): a source figure that bears the draft's out is aligned
    with the words of its sentence and of a neighbour both retrieved. Support only: a contradiction
    needs one sentence that states the same fact. A range is borne out by its own statement only: a
    neighbour's single figure inside it ("from 1.79 to 2.679" against another bid of 2.679) proves
    nothing of the range."""
    kind_of, label = names.kind_of, names.label
    if draft.quantity is not None and draft.quantity.high is not None:
        return None
    for c in sorted(comps, key=lambda c: (-c.aligned, c.candidate.claim.id)):
        src = c.candidate.claim
        if (
            not c.agrees
            or c.subject not in (Subjects.SAME, Subjects.UNRELATED)
            or _one_way_turned(draft, src)  # "jumped 17%" is not borne out by "fell 17%"
            or _pinned_elsewhere(draft, c, kind_of, label)
            or _better_measured_otherwise(draft, c, comps, config)
        ):
            continue
        for n in _next_door(src, comps):
            other = n.candidate.claim
            if _answers_otherwise(draft, other, comps):
                continue
            joined = replace(
                src,
                context=src.context + other.context,
                names=src.names + other.names,
                values=tuple(dict.fromkeys(src.values + other.values)),
            )
            pair = same.compare(
                draft,
                Candidate(joined, similarity(draft, joined, idf), c.candidate.measure),
                idf,
                kind_of,
                label,
                config.tolerance,
            )
            # a subject the figure's own sentence does not name must be named by its neighbour
            named = c.subject is Subjects.SAME or pair.subject is Subjects.SAME
            if pair.aligned >= config.named_alignment and pair.agrees and named:
                return Decision(
                    Verdict.SUPPORTED,
                    f"source says {_value(src)} (with the sentence next to it)",
                    (c.candidate, n.candidate),
                    "value agrees across two sentences",
                )
    return None


def _answers_otherwise(draft: Claim, sentence: Claim, comps: list[Comparison]) -> bool:
    """A neighbouring sentence that gives a figure of the draft's kind with another value, one the
    draft does not give elsewhere ("only $1.3bn of Chinese investment in 2023"), may be the draft's
    own statement with another figure: it cannot complete the support of the draft's value."""
    mine = set(draft.values)
    return any(
        m.comparable and not m.agrees and not set(same.own_keys(m.candidate.claim)) & mine
        for m in comps
        if m.candidate.claim.quote == sentence.quote and m.candidate.claim.source == sentence.source
    )


def _turned_next_door(draft: Claim, best: Comparison, comps: list[Comparison]) -> str:
    """The opposition the draft takes a side in that the best sentence leaves alone and a retrieved
    sentence next to it takes the other side in ("" when none). Not for a change of a measure
    (`rules.of_measures`): a neighbour's own change ("imports fell", beside "rejected calls to end
    the ban") is no side of the draft's ("lift the ban")."""
    src = best.candidate.claim
    open_ = {s.opposition for s in draft.polarity.stances} - {s.opposition for s in src.polarity.stances}
    open_ -= rules.of_measures()
    for n in _next_door(src, comps):
        turned = draft.polarity.turned(n.candidate.claim.polarity)
        if turned in open_:
            return turned
    return ""


def _next_door(src: Claim, comps: list[Comparison]) -> list[Comparison]:
    """The retrieved claims of the sentences next to `src`'s in its source (as far as their offsets
    tell)."""
    return [
        n
        for n in comps
        if n.candidate.claim.source == src.source
        and n.candidate.claim.quote != src.quote
        and abs(n.candidate.claim.start - src.start) <= len(n.candidate.claim.quote) + len(src.quote)
    ]


def counterpart(
    draft: Claim, rivals: list[Comparison], kind_of: Callable[[str], str], label: Callable[[str], str]
) -> Comparison:
    """The figure of a source sentence that answers the draft's: the one whose own words and subjects
    are the draft figure's, in the same role of a change ("from" or "to"), in the same currency, and
    not pinned on another subject than the draft's."""
    return max(
        rivals,
        key=lambda c: (
            _slot(draft, c) - (1.0 if _pinned_elsewhere(draft, c, kind_of, label) else 0.0),
            c.agrees,
            c.candidate.claim.id,
        ),
    )


def _slot(draft: Claim, c: Comparison) -> float:
    src = c.candidate.claim
    score = _slot_key(c)
    if draft.quantity is not None and src.quantity is not None and draft.quantity.dimension == "money":
        # "about ¥5 billion" answers "5 trillion yen", not its conversion "($35.1 billion)"
        score += 0.5 if draft.quantity.unit == src.quantity.unit or c.features.same_digits else 0.0
    # the draft's digits at another scale: "27 million tenge" is answered by "27 billion tenge", not
    # by the "8,000 tenge per tonne" of the same sentence
    score += 0.5 * c.features.same_digits
    if draft.quantity is not None and src.quantity is not None:
        roles = draft.quantity.role, src.quantity.role
        if all(r in CHANGE_ENDS for r in roles):
            score += 1.0 if roles[0] == roles[1] else -1.0
    if c.subject in (Subjects.SWAPPED, Subjects.OTHER):
        score -= 0.5
    score += _dated(draft, c)
    if draft.date is not None and src.date is not None and draft.date.relation:
        score += 0.5 if draft.date.relation == src.date.relation else 0.0  # "by 2030" answers "by 2025"
    elif draft.date is not None and _target(c):
        score -= 0.5  # "launched in 1998" is answered by "initiated in 1988", not by its "end date of 2000"
    if draft.date is not None and src.date is not None and draft.date.month is not None:
        # "15 October 2023" is answered by "15 October 2024" before a season "2022/23"
        score += 0.5 if (src.date.month, src.date.day) == (draft.date.month, draft.date.day) else 0.0
    return score


def _reversed(draft: Claim, rivals: list[Comparison]) -> Comparison | None:
    """ "Cut from 4.3% to 1.1%" where the source went from 1.1% to 4.3%: the draft's figure is in the
    source sentence, at the other end of the change."""
    q = draft.quantity
    if q is None or q.role not in CHANGE_ENDS:
        return None
    for c in rivals:
        sq = c.candidate.claim.quantity
        if (
            sq is not None
            and sq.role in CHANGE_ENDS
            and sq.role != q.role
            and qty_mod.compatible(q, replace(sq, role=q.role))
        ):
            return c
    return None


def _change(src: Claim, rivals: list[Comparison]) -> str:
    ends = {c.candidate.claim.quantity.role: c.candidate.claim for c in rivals if c.candidate.claim.quantity}
    if Role.FROM in ends and Role.TO in ends:
        return f"from {_value(ends[Role.FROM])} to {_value(ends[Role.TO])}"
    return f"{_value(src)} is the {'start' if src.quantity and src.quantity.role is Role.FROM else 'end'}"


def _past_bound(draft: Claim, src: Claim, config: Config) -> bool:
    """The draft's value lies beyond the source's bound, on its side ("319 million" against "more
    than 108 million"): the source does not say, so it neither supports nor contradicts."""
    dq, sq = draft.quantity, src.quantity
    return dq is not None and sq is not None and qty_mod.past_bound(dq, sq, config.tolerance)


def _part_of_whole(draft: Claim) -> bool:
    """ "NOK 900 million of the northern harbours budget": a sum or count stated as part of a total,
    which a source's total does not contradict."""
    q = draft.quantity
    if q is None or q.dimension in ("percent", "points"):
        return False
    offset = draft.end - draft.start
    rest = draft.quote[draft.quote.find(q.text) + len(q.text) :] if q.text in draft.quote else ""
    return bool(offset) and rules.rules()["part of whole"].search(rest)


def _shared_subject(
    draft: Claim, src: Claim, kind_of: Callable[[str], str], label: Callable[[str], str]
) -> bool:
    """The source sentence names several entities of the kind of the draft figure's subject ("Malaysia,
    Indonesia and Vietnam accounted for ..."): which of them the figure belongs to is not clear enough
    to call it wrong. A figure several of them give together is none of theirs alone ("the Peshawar,
    Quetta and Sukkur companies together accounted for 60%" against "Peshawar alone ... a third")."""
    for e in draft.entities:
        kind = kind_of(e)
        owners = [x for x in src.entities if kind_of(x) == kind]
        if (
            len(owners) >= 2
            and sum(kind_of(x) == kind for x in draft.entities) < len(owners)
            and same.identifier(e, kind_of)
            and any(same.same_entity(e, x, label) for x in owners)
        ):
            return True
        if kind not in same.SWAPPABLE:
            continue
        peers = {x for x in (*src.names, *src.entities) if kind_of(x) == kind}
        own = any(same.same_entity(e, x, label) for x in src.entities)
        if len(peers) >= 2 and not own and any(same.same_entity(e, x, label) for x in peers):
            return True
    return False


def _measured_alike(draft: Claim, src: Claim) -> bool:
    """Two figures can contradict each other only in one unit: a bare number, or a count of another
    thing, is not the same measure ("35 TWh" against "four reactors")."""
    if draft.quantity is not None and src.quantity is not None:
        dq, sq = draft.quantity, src.quantity
        if dq.dimension == sq.dimension == "money" and not same.same_currency(dq, sq):
            # the right number in the wrong currency ("$300 million" for RMB), at any scale ("Rs1.1
            # trillion" for "$1.1bn"): a number copied under the wrong sign, never a conversion
            return dq.value == sq.value or same.same_digits(draft, src)
        if dq.dimension == "money":
            return True  # one currency, though "¥" leaves open which
        return dq.unit == sq.unit and dq.dimension != "number"
    return draft.date is not None and src.date is not None


def _bare_alike(draft: Claim, src: Claim) -> bool:
    """Two bare numbers ("scores of 0.79 and 0.68"), which `_measured_alike` never compares: the
    policy compares them only where the draft's own value stands in the sentence pinned on another
    subject, so the list is plainly one measure's."""
    dq, sq = draft.quantity, src.quantity
    return dq is not None and sq is not None and dq.dimension == sq.dimension == "number"


def _pinned_elsewhere(
    draft: Claim, c: Comparison, kind_of: Callable[[str], str], label: Callable[[str], str]
) -> bool:
    """The source figure that equals the draft's belongs to another subject of the same kind: "Peru
    landed 2.1 million tonnes" where 2.1 million is Chile's and Peru's is 5.3 million."""
    theirs = c.candidate.claim.entities
    if draft.quantity is None or c.candidate.claim.scope not in (Scope.ITEM, Scope.PIECE):
        return False  # only a figure its own piece of the sentence gives to someone is pinned on them
    if _sole_figure_of_its_unit(draft) and any(
        same.same_entity(x, n, label) for x in theirs for n in draft.names
    ):
        # the draft names the figure's owner as well, and gives it no figure of this unit of its own:
        # "four-fifths of the wheat Egypt imported came from Russia" against "of which 79 per cent
        # came from Russia"; "108 million for Crimea and 319 million for Ukraine" keeps its pairs
        return False
    return (
        bool(draft.entities)
        and all(
            any(kind_of(x) == kind_of(e) and not same.same_entity(x, e, label) for x in theirs)
            and not any(same.same_entity(x, e, label) for x in theirs)
            for e in draft.entities
            if kind_of(e) in same.SWAPPABLE
        )
        and any(kind_of(e) in same.SWAPPABLE for e in draft.entities)
    )


def _sole_figure_of_its_unit(draft: Claim) -> bool:
    """The draft sentence has no other figure of this one's unit (`Claim.values` keys are "unit:number")."""
    own = set(same.own_keys(draft))
    units = {k.split(":", 1)[0] for k in own}
    return bool(own) and not any(k.split(":", 1)[0] in units for k in set(draft.values) - own)


def _given_another(draft: Claim, agreeing: Comparison, rivals: list[Comparison], names: Names) -> bool:
    """The sentence gives each of its figures its own subject ("more than RUB 108 million for Crimea,
    and RUB 319 million for the Ukrainian territories"), the draft's value to another subject of the
    same group (a place for a place, an actor for an actor) and another value to the draft's: the
    draft has paired them the other way."""
    kind_of, label, find = names.kind_of, names.label, names.find
    if not _readable(draft, agreeing.candidate.claim):
        return False

    def own(c: Comparison, e: str) -> bool:
        src = c.candidate.claim
        return src.scope in (Scope.ITEM, Scope.PIECE) and any(
            same.same_entity(x, e, label) for x in src.entities
        )

    def named(e: str) -> bool:
        return any(same.same_entity(e, d, label) for d in draft.entities)

    src = agreeing.candidate.claim
    if draft.quantity is None or src.scope not in (Scope.ITEM, Scope.PIECE) or not src.entities:
        return False
    others = [
        r
        for r in rivals
        if r is not agreeing and not r.agrees and r.comparable and r.candidate.claim.quote == src.quote
    ]
    mentions = find(src.quote)

    def side(c: Comparison, e: str) -> str:
        """Whether the subject's mention nearest its figure comes before or after it ("" when it
        cannot be told)."""
        at = _at(c.candidate.claim)
        places = [m.start for m in mentions if same.same_entity(m.entity, e, label)]
        if at < 0 or not places:
            return ""
        return "before" if min(places, key=lambda p: abs(p - at)) < at else "after"

    # A draft subject that is another figure's own and not this one's, where this figure's own
    # subjects hold one of its group that the draft does not name, on the same side of its figure
    # (the two figures set in parallel): the figure is that one's.
    return any(
        not own(agreeing, e)
        and any(
            own(r, e)
            and any(
                same.group(kind_of(x)) == same.group(kind_of(e))
                and not named(x)
                and not any(own(o, x) for o in others)
                and side(agreeing, x) == side(r, e) != ""
                for x in src.entities
            )
            for r in others
        )
        for e in draft.entities
    )


def _worded_elsewhere(draft: Claim, agreeing: Comparison, best: Comparison) -> bool:
    """The source figure that equals the draft's stands next to words the draft gives another of its
    figures, while the counterpart stands next to this figure's own words: "51 percent of wheat, and
    37 percent of soybeans" against "37% of the world's wheat reserves and 51% of its soybean"; and
    dates alike ("applies to large firms from 30 June 2025, small ones until 30 December 2024"). Not
    in a sentence that pairs its figures with their words "respectively": its figures stand apart
    from their words."""
    if rules.RESPECTIVELY.search(draft.quote):
        return False
    mine, theirs = set(draft.terms), set(agreeing.candidate.claim.terms)
    elsewhere = set(draft.context) - mine
    return (
        bool(theirs)
        and not theirs & mine
        and theirs <= elsewhere
        and bool(set(best.candidate.claim.terms) & mine)
    )


def _dates_another_act(draft: Claim, src: Claim) -> bool:
    """The source date is that of another act the draft names without dating it: "quit the deal on
    17 July 2023, a year after it had been signed" against "the deal, signed on 22 July 2022". The
    source date's own words hold a word of the draft's other clause ("signed"), and the draft date's
    own words hold one the source sentence lacks ("quit")."""
    if draft.date is None or src.date is None:
        return False
    mine, theirs = set(draft.terms), set(src.terms)
    elsewhere = set(draft.context) - mine
    return bool((theirs - mine) & elsewhere) and bool(mine - set(src.context))


def _unnamed_setting(best: Comparison, aligned: float, config: Config) -> bool:
    """The draft names an actor the source sentence does not ("TSMC received $6.4 billion in CHIPS
    grants"), yet the two sentences share their other figures and are aligned: the same statement."""
    return (
        best.subject is Subjects.UNRELATED
        and best.features.shared_values >= config.setting_values
        and aligned >= config.conflict_alignment
    )


def _unmeasured_date(draft: Claim, c: Comparison) -> bool:
    """A date says when something happened: a source date next to none of the draft's words is the
    date of something else ("set up in 2014" is not borne out by "joined a trip in March 2014")."""
    return draft.date is not None and bool(draft.terms) and c.features.measure == 0


def _slip(draft: Claim, best: Comparison, aligned: float, config: Config) -> bool:
    """The counterpart has the draft's digits at another scale ("about $79 million" against "some 79
    billion US dollars invested") or in another order ("89 percent" against "98 percent"), next to
    the draft's words: the commonest slips, and their own evidence that the two sentences state the
    same fact, however differently worded."""
    return (
        (bool(best.features.same_digits) or _transposed(draft, best.candidate.claim))
        and aligned >= config.support_alignment
        and best.features.measure >= config.conflict_measure
    )


def _transposed(draft: Claim, src: Claim) -> bool:
    """Two figures of one kind whose significant digits are the same, in another order."""
    dq, sq = draft.quantity, src.quantity
    if dq is None or sq is None or dq.high is not None or sq.high is not None or dq.value == sq.value:
        return False
    a, b = _significant(dq.value), _significant(sq.value)
    return len(a) >= 2 and a != b and sorted(a) == sorted(b)


def _significant(v: float) -> str:
    """The significant digits of a value as written to six places: 89 -> "89", 1.2 -> "12"."""
    text = f"{abs(v):.6g}"
    return "" if "e" in text else text.replace(".", "").strip("0")


def _lone_answer(
    draft: Claim, best: Comparison, rivals: list[Comparison], aligned: float, config: Config
) -> bool:
    """A source sentence that gives the only figure of the draft's kind, next to the same words as the
    draft's, answers it even when the sentences are otherwise worded apart: "The fund was established
    in 1790" against "it was only in 1913 that the fund was created". A date's target beside it ("by
    2000") is no second answer to an act's date."""
    acts = draft.date is not None and draft.date.relation not in _TARGETS
    dated = [c for c in rivals if not _target(c)] if acts else rivals
    return (
        len(dated) == 1
        and dated[0] is best
        and aligned >= config.lone_alignment
        and best.features.measure >= config.lone_measure
    )


_TARGETS = frozenset({Relation.BY, Relation.UNTIL, Relation.BEFORE, Relation.AFTER})


def _target(c: Comparison) -> bool:
    """A date that bounds an outcome ("by 2000", "an end date of 2000") rather than dating an act:
    it is not the counterpart of a draft's "launched in 1998" beside the act's own date."""
    d = c.candidate.claim.date
    return d is not None and d.relation in _TARGETS


def _listed_without(draft: Claim, rivals: list[Comparison], label: Callable[[str], str]) -> bool:
    """A sentence that lists the measure for several subjects, none of them the draft's ("38% at
    Sahiwal, 71% at Port Qasim and 54% at Hub"), does not give the draft subject's value: that one of
    the list's values is the draft's says nothing of the draft subject's own."""
    owners = {c.candidate.claim.entities for c in rivals if c.candidate.claim.entities}
    if len(owners) < 2:
        return False
    named = {e for o in owners for e in o}
    return not any(same.same_entity(e, x, label) for e in draft.entities for x in named)


def _rival(c: Comparison) -> bool:
    """A figure is another subject's only when the source pins it on someone: its own subjects name
    an entity the draft does not (Xiaomi's 45%, not Samsung's)."""
    return bool(c.candidate.claim.entities) and c.subject in (Subjects.SWAPPED, Subjects.OTHER)


def _clear(draft: Claim, best: Comparison, rivals: list[Comparison], config: Config) -> bool:
    """A disagreeing counterpart is a contradiction only when no figure of the sentence that agrees
    with the draft is as good a counterpart, or is the draft subject's own where the counterpart is
    not: otherwise the draft may be quoting that one."""
    mine = _slot_key(best) + _dated(draft, best) - config.slot_margin
    return not any(
        c.agrees
        and c.subject is Subjects.SAME
        and (_slot_key(c) + _dated(draft, c) >= mine or _owned(draft, c) > _owned(draft, best))
        for c in rivals
        if c is not best
    )


def _start_of_unknown_period(draft: Claim, src: Claim) -> bool:
    """A change's start the draft dates only by its end ("rose in 2024 to EUR 5 million from EUR 4
    million") may be the year before or any year: it is borne out by the source's start, but a start
    the source dates ("from EUR 3 million in 2020") is no proof that the draft's is wrong."""
    return (
        draft.quantity is not None
        and draft.quantity.role is Role.FROM
        and draft.period is None
        and src.period is not None
        and any(k.startswith("year:") for k in draft.values)
    )


def _owned(draft: Claim, c: Comparison) -> bool:
    """Whether a source figure's own subjects include the draft figure's: "Baykar accounted for $1.8bn"
    is Baykar's figure, "Turkey's exports reached $5.5bn" in the same sentence is not."""
    return any(e in c.candidate.claim.entities for e in draft.entities)


def _dated(draft: Claim, c: Comparison) -> float:
    """ "In 2023" is answered by a sentence's figure for 2023 before its undated one ("reached EUR 410
    million, compared with EUR 380 million in 2023")."""
    return 0.5 if draft.period is not None and c.candidate.claim.period == draft.period else 0.0


def _slot_key(c: Comparison) -> float:
    """How well a source figure's own words and subjects are the draft figure's (the base of `_slot`)."""
    return c.features.measure + c.features.subjects


def _supported(c: Comparison) -> Decision:
    return Decision(
        Verdict.SUPPORTED, f"source says {_value(c.candidate.claim)}", (c.candidate,), "value agrees"
    )


def _decide_named(draft: Claim, comps: list[Comparison], config: Config, names: Names) -> Decision:
    """A statement without a figure: supported by a source sentence that states the same fact the
    same way round; conflicting with one that says the opposite (negation, an opposed word) or gives
    the act to another actor of the same kind."""
    kind_of, label, find = names.kind_of, names.label, names.find
    if not comps:
        return Decision(Verdict.UNSUPPORTED, "no source addresses this claim", (), "")
    quoting = same.quotes(draft.quote)  # a draft without a quotation is not asked whose it is
    for c in comps if quoting else []:  # a quotation is its own evidence that two report the same words
        src = c.candidate.claim
        if _readable(draft, src):
            speaker = same.quoted_elsewhere(
                (draft.quote, find(draft.quote)), (src.quote, find(src.quote)), kind_of, label
            )
            if speaker:
                why = f"the source gives these words to {label(speaker)}"
                return Decision(Verdict.CONFLICTING, why, (c.candidate,), "a quotation given to another")
    best = max(comps, key=lambda c: (c.aligned, c.candidate.claim.id))
    turned = draft.polarity.turned(best.candidate.claim.polarity)
    denial = denied(draft, best.candidate.claim) if not turned else ""
    if best.aligned >= config.conflict_alignment and denial and best.subject is not Subjects.SWAPPED:
        return Decision(Verdict.CONFLICTING, denial, (best.candidate,), "negation")
    ranked = (
        _ranked_otherwise(draft, best.candidate.claim, names)
        if _readable(draft, best.candidate.claim)
        else ""
    )
    if best.aligned >= config.conflict_alignment and ranked:
        return Decision(Verdict.CONFLICTING, ranked, (best.candidate,), "a choice the other way")
    if (
        rules_flip(draft) != rules_flip(best.candidate.claim)
        and not turned
        and not _negated_apart(draft, best.candidate.claim)
    ):
        # One sentence negates and the other does not, with no opposed words, and what the negation
        # denies may be what the other sentence says: too loose to call a contradiction or support.
        return Decision(Verdict.UNSUPPORTED, "no source addresses this claim", (), "")
    if best.aligned >= config.conflict_alignment and (turned or best.subject is Subjects.SWAPPED):
        why = f"the source says the opposite ({turned})" if turned else best.why_subject
        return Decision(Verdict.CONFLICTING, why, (best.candidate,), why)
    mispaired = _mispaired(draft, best.candidate.claim, kind_of, label) if not turned else ""
    if best.aligned >= config.conflict_alignment and mispaired:
        return Decision(Verdict.CONFLICTING, mispaired, (best.candidate,), mispaired)
    if not turned:
        # A side the best sentence does not take, taken the other way in the sentence next to it
        # ("Although both campaigns failed"): that sentence finishes the statement.
        turned = _turned_next_door(draft, best, comps)
        if turned and best.aligned >= config.conflict_alignment:
            why = f"the source says the opposite ({turned})"
            return Decision(Verdict.CONFLICTING, why, (best.candidate,), why)
    # A sign of disagreement that falls short of the conflict bar still withholds support.
    disagrees = turned or denial or mispaired
    if best.aligned >= config.named_alignment and not disagrees and best.subject is Subjects.SAME:
        return Decision(Verdict.SUPPORTED, "the source says so", (best.candidate,), "same statement")
    return Decision(Verdict.UNSUPPORTED, "no source addresses this claim", (), "")


def reconcile(decided: list[tuple[Claim, Decision]], config: Config) -> list[tuple[Claim, Decision]]:
    """A date that dates a figure of its sentence ("about 1.1 GW in 2019") is judged with that
    figure: supported when the statement that supports the figure gives it for the same years,
    conflicting when it gives it for other years, and unsupported when nothing supports the figure
    (the draft is then about a period the source does not cover). Other dates keep their verdict. A
    figure of a sentence that judges or speculates ("would do well to") that no source speaks to is
    dropped: it is part of the judgement, not a claim."""
    out = []
    for claim, d in decided:
        # A deadline or a starting point ("by 2030", "since 2018") is part of the statement, and an
        # event's date is the claim itself: only a statistic's period ("in 2019", "between 2018 and
        # 2022") goes with its figure.
        years = _date_years(claim)
        if claim.date is not None and years is not None and claim.date.relation in _PERIODS:
            dated = [
                (c, e)
                for c, e in decided
                if c.quantity is not None
                and c.quantity.dimension not in _NOT_STATISTICS
                and c.period == years
                and _same_sentence(c, claim)
                and not _gap(c)  # a gap between two years' figures is no figure of one year
            ]
            backed = [(c, e) for c, e in dated if e.verdict is Verdict.SUPPORTED and e.evidence]
            if d.verdict is Verdict.CONFLICTING and any(
                e.evidence[0].claim.quote == d.evidence[0].claim.quote
                and _other_date(claim, d.evidence[0].claim)
                and (
                    # an undated figure is dated by the date next to it: "failed by nine votes on 20
                    # March" gives the nine votes 20 March, not the draft's 16 March
                    (
                        e.evidence[0].claim.period is None
                        and _next_to(e.evidence[0].claim, d.evidence[0].claim)
                    )
                    # the other date is within the figure's years: "in 2019" after another figure of
                    # the sentence ("up from 3,600 in 2019") is that figure's, no rival of the 2023
                    or (
                        (period := e.evidence[0].claim.period) is not None
                        and _within(period, years)
                        and _within(_date_years(d.evidence[0].claim), period)
                    )
                )
                for _, e in backed
                if d.evidence
            ):
                pass  # the figure's own sentence, for its years, gives another month: "May", not "July"
            elif backed:
                # the figure whose evidence is for these years, if any ("from $310 in July 2022 to
                # $204 in March 2024": the $310, not the fall that ends in 2024)
                ev = next(
                    (e.evidence[0] for _, e in backed if _within(e.evidence[0].claim.period, years)),
                    backed[0][1].evidence[0],
                )
                period = ev.claim.period
                if _within(period, years):
                    d = Decision(
                        Verdict.SUPPORTED,
                        f"source gives the figure for {_years(period or years)}",
                        (ev,),
                        "the date of a supported figure",
                    )
                else:  # a figure for another year is about a period the source does not cover
                    d = Decision(
                        Verdict.UNSUPPORTED,
                        f"source gives this figure for {_years(period or years)}",  # never None here
                        (),
                        "the figure's date differs",
                    )
            elif dated and not (
                # the source gives the figure itself at the other date: "commissioned a 250,000-tonne
                # elevator in September 2024" answers "... in September 2023"
                d.verdict is Verdict.CONFLICTING
                and d.evidence
                and _other_date(claim, d.evidence[0].claim)
                and any(_dated_otherwise(c, e, d.evidence[0].claim) for c, e in dated)
            ):
                d = Decision(
                    Verdict.UNSUPPORTED,
                    "no source gives this figure for this date",
                    (),
                    "the figure it dates is not in the sources",
                )
        d = _ratio_of_own_figures(claim, d, decided, config)
        # a judgement's figure that no source speaks to is part of the judgement, not a claim; nor is
        # one the source gives as the draft does, set against the judgement's own words ("ministers
        # ought to publish a date for the 18-week standard" against "declined to publish")
        if not (
            rules.judges(claim.quote)
            and (d.verdict is Verdict.UNSUPPORTED or _worded_against(claim, d, config))
        ):
            out.append((claim, d))
    return out


def _worded_against(claim: Claim, d: Decision, config: Config) -> bool:
    """A conflict whose evidence gives the draft's own value: it is the words around it that differ."""
    return (
        d.verdict is Verdict.CONFLICTING
        and bool(d.evidence)
        and same.values_agree(claim, d.evidence[0].claim, config.tolerance)
    )


def _ratio_of_own_figures(
    claim: Claim, d: Decision, decided: list[tuple[Claim, Decision]], config: Config
) -> Decision:
    """ "$38.5bn, more than six times the $6.2bn of the previous five years": a multiplier the draft
    states between two figures of its own sentence is borne out when the sources bear both out and
    their ratio is the multiplier's."""
    q = claim.quantity
    if d.verdict is not Verdict.UNSUPPORTED or q is None or q.dimension != "multiplier" or not q.value:
        return d
    backed = [
        (c, e)
        for c, e in decided
        if c is not claim
        and c.quantity is not None
        and c.quantity.dimension not in _NOT_STATISTICS
        and c.quantity.high is None
        and c.quantity.value > 0
        and e.verdict is Verdict.SUPPORTED
        and e.evidence
        and _same_sentence(c, claim)
    ]
    for (a, ea), (b, eb) in itertools.combinations(backed[:_PAIRED], 2):  # perf: pairs are quadratic
        qa, qb = a.quantity, b.quantity
        assert qa is not None and qb is not None
        if not _one_unit(qa, qb):
            continue
        big, small = max(qa.value, qb.value), min(qa.value, qb.value)
        if _within_ratio(big / small if q.value >= 1 else small / big, q, config):
            return Decision(
                Verdict.SUPPORTED,
                f"the sources give {_value(a)} and {_value(b)}: {big / small:.3g} times",
                (ea.evidence[0], eb.evidence[0]),
                "ratio of two supported figures",
            )
    return d


# The relations of a statistic's period: "in 2019", "between 2018 and 2022".
_PERIODS = frozenset({Relation.NONE, Relation.BETWEEN})

# Figures that are not measurements of a period: how long something lasts, how many times larger, a
# bare number (a version, a rank).
_NOT_STATISTICS = frozenset({"duration", "multiplier", "number"})


def _other_date(claim: Claim, src: Claim) -> bool:
    return claim.date is not None and src.date is not None and not dates_mod.compatible(claim.date, src.date)


def _dated_otherwise(figure: Claim, decided: Decision, date: Claim) -> bool:
    """Among the draft figure's weighed candidates, the source's same figure in the sentence of
    `date`, for `date`'s years: the source gives the figure, at another date than the draft's."""
    years = _date_years(date)
    own = set(same.own_keys(figure))
    return years is not None and any(
        cand.claim.quote == date.quote
        and own <= set(same.own_keys(cand.claim))
        and cand.claim.period == years
        for cand, _ in decided.weighed
    )


def _next_to(figure: Claim, date: Claim) -> bool:
    """No other figure stands between a source figure and a date of its sentence ("nine votes on 20
    March", but not "$8.9 billion, compared with $8.6 billion in 2023")."""
    q, d = figure.quantity, date.date
    if q is None or d is None:
        return False
    lo, hi = (q.end, d.start) if q.end <= d.start else (d.end, q.start)
    return not any(ch.isdigit() for ch in figure.quote[lo:hi])


def _date_years(c: Claim) -> tuple[int, int] | None:
    d = c.date
    return None if d is None or d.year is None else (d.year, d.end_year or d.year)


def _within(period: tuple[int, int] | None, years: tuple[int, int]) -> bool:
    return period is None or same.nested(period, years)


def _years(period: tuple[int, int]) -> str:
    return str(period[0]) if period[0] == period[1] else f"{period[0]}-{period[1]}"


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.quote == b.quote and abs(a.start - b.start) <= len(a.quote)


def _span_of_years(draft: Claim, comps: list[Comparison], config: Config) -> Decision | None:
    """ "13 years after it was first proposed", "3,650 four years earlier": a number of years that
    the source gives as two dates ("proposed in 1994 ... signed in April 2007") is supported by their
    difference, in a sentence alike in words or aligned as stating the draft's fact."""
    q = draft.quantity
    if q is None or q.unit != "year" or q.bound is not Bound.EXACT or q.high is not None:
        return None
    aligned = {c.candidate.claim.quote for c in comps if c.aligned >= config.conflict_alignment}
    by_quote: dict[str, list[Candidate]] = {}
    for c in (x.candidate for x in comps):
        if (
            c.claim.date is not None
            and c.claim.date.year
            and (c.similarity >= config.strong_similarity or c.claim.quote in aligned)
        ):
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


def _ratio_of_change(draft: Claim, comps: list[Comparison], config: Config) -> Decision | None:
    """ "Rose roughly twentyfold": a multiplier that an aligned source sentence gives as the two ends
    of a change ("from 22 metric tons to more than 440 metric tons", "above $10,000, up from $2,600",
    "4,600 tonnes in 2024, twice the 2,100 tonnes of 2023") is supported by their ratio, within the
    tolerance of a hedged value. A sentence worded otherwise ("it carried") still answers when its
    change ends at a figure the draft's sentence gives ("more than doubled, to 4,600 tonnes")."""
    q = draft.quantity
    if q is None or q.high is not None or not q.value:
        return None
    change = None
    if q.dimension != "multiplier":
        change = _percent_change(draft)
        if change is None:
            return None
    for sentence in _sentences(comps):
        aligned = max(c.aligned for c in sentence) >= config.support_alignment
        for start, end in _changes(sentence):
            if start.subject in (Subjects.SWAPPED, Subjects.OTHER) or same.other_measure(
                draft, start.candidate.claim
            ):
                continue  # another subject's change ("while Taiwan's fell from 52 to 29"), or measure's
            if not aligned and not set(same.own_keys(end.candidate.claim)) <= set(draft.values):
                continue  # a sentence worded otherwise, unless its change ends at the draft's own figure
            a, b = start.candidate.claim.quantity, end.candidate.claim.quantity
            assert a is not None and b is not None
            if a.value and _one_unit(a, b) and _ratio_agrees(q, change, b.value / a.value, config):
                ratio = b.value / a.value
                size = f"{ratio:.3g} times" if change is None else f"a change of {100 * (ratio - 1):+.3g}%"
                return Decision(
                    Verdict.SUPPORTED,
                    f"source gives {_value(start.candidate.claim)} and {_value(end.candidate.claim)}: {size}",
                    (end.candidate,),
                    "ratio of a change",
                )
    return None


def _ratio_agrees(q: Quantity, change: float | None, ratio: float, config: Config) -> bool:
    """A multiplier against the ratio of a change's two ends; a percentage change against the
    change in percent, as any percentage is compared ("roughly a tenth" is not +20%)."""
    if change is None:
        return _within_ratio(ratio, q, config)
    actual = 100 * (ratio - 1)
    if (actual > 0) != (change > 0):
        return False
    return qty_mod.compatible(
        q, replace(q, value=abs(actual), bound=Bound.EXACT, hedge="", precision=0.1), config.tolerance
    )


def _difference(draft: Claim, comps: list[Comparison], config: Config) -> Decision | None:
    """ "Nearly 11 million tonnes below the 2023 harvest": a figure that gives the gap between two
    others is borne out by the gap between two figures of its unit in an aligned source sentence
    ("82 million tonnes, down from 92.8 million tonnes"); a source may also state the gap itself
    ("300 basis points over"). It is never set against either of the two figures (`decide`)."""
    q = draft.quantity
    if q is None or not _gap(draft):
        return None
    for sentence in _sentences(comps):
        if max(c.aligned for c in sentence) < config.support_alignment:
            break
        # perf: pairs are quadratic; a sentence of more figures than this is a table, not a gap
        figures = [c for c in sentence if c.candidate.claim.quantity is not None][:_PAIRED]
        for a, b in itertools.combinations(figures, 2):
            qa, qb = a.candidate.claim.quantity, b.candidate.claim.quantity
            assert qa is not None and qb is not None
            # percentage points are the gap between two percentages
            kind = qty_mod.comparable(q, qa) or (q.dimension == "points" and qa.dimension == "percent")
            alike = _alike(a, b) and kind and qa.high is None and qb.high is None
            if not alike or same.other_measure(draft, a.candidate.claim):
                continue
            gap = abs(qa.value - qb.value)
            if _within_ratio(gap / q.value, replace(q, value=1.0), config):
                return Decision(
                    Verdict.SUPPORTED,
                    f"source gives {_value(a.candidate.claim)} and {_value(b.candidate.claim)}: "
                    f"{qty_mod.describe(replace(qa, value=gap, bound=Bound.EXACT, hedge=''))} apart",
                    (a.candidate,),
                    "difference of two figures",
                )
    return None


def _share_of_figures(draft: Claim, comps: list[Comparison], config: Config) -> Decision | None:
    """ "EUR 48 million, less than half of what shipowners had sought": a share of a figure the
    draft gives itself is borne out by a source sentence that gives that figure and another of its
    unit ("EUR 48 million, well short of the EUR 100 million ... sought"), when the smaller is that
    share of the larger. A percentage of a change or a level of another measure is not a share."""
    q = draft.quantity
    if q is None or q.dimension != "percent" or q.high is not None or _percent_change(draft) is not None:
        return None
    mine = set(draft.values) - set(same.own_keys(draft))
    for sentence in _sentences(comps):
        # perf: pairs are quadratic; a sentence of more figures than this is a table, not a share
        figures = [
            c
            for c in sentence
            if c.candidate.claim.quantity is not None
            and c.candidate.claim.quantity.dimension not in ("percent", "points", *_NOT_STATISTICS)
            and c.candidate.claim.quantity.high is None
            and c.candidate.claim.quantity.value > 0
        ][:_PAIRED]
        for given in figures:
            keys = set(same.own_keys(given.candidate.claim))
            if not keys or not keys <= mine or given.subject in (Subjects.SWAPPED, Subjects.OTHER):
                continue  # the draft's own figure, of the draft's subject
            for other in figures:
                a, b = given.candidate.claim.quantity, other.candidate.claim.quantity
                assert a is not None and b is not None
                if other is given or not _one_unit(a, b) or a.value == b.value:
                    continue
                share = 100 * min(a.value, b.value) / max(a.value, b.value)
                if qty_mod.compatible(
                    q, replace(q, value=share, bound=Bound.EXACT, hedge=""), config.tolerance
                ):
                    return Decision(
                        Verdict.SUPPORTED,
                        f"source gives {_value(given.candidate.claim)} and {_value(other.candidate.claim)}:"
                        f" {share:.3g}%",
                        (other.candidate,),
                        "share of two figures",
                    )
    return None


def _rise_or_fall(draft: Claim) -> tuple[bool, bool]:
    """Whether the draft's figure is said to rise and whether to fall: a rise's or a fall's words
    ("climbed", "fell") or a raise's or a cut's ("raised output by a tenth")."""
    sides = {st.side for st in draft.polarity.stances if st.opposition in rules.of_measures()}
    return (
        "increase" in draft.terms or Side.FOR in sides,
        "decrease" in draft.terms or Side.AGAINST in sides,
    )


def _gap(draft: Claim) -> bool:
    """A figure that gives the gap between two others: "11 million tonnes below the 2023 harvest", or
    how much a measure rose or fell, "grew by more than £2bn", "rose by 3.7 percentage points" (a
    percentage gives a relative change; percentage points, the difference of two percentages)."""
    q = draft.quantity
    if q is None or q.high is not None:
        return False
    if rules.rules()["gap"].pattern.match(draft.quote, q.end):
        return True
    by = rules.rules()["change size"].pattern.search(draft.quote, max(0, q.start - _BY_WINDOW), q.start)
    return by is not None and any(_rise_or_fall(draft)) and q.dimension not in ("percent", *_NOT_STATISTICS)


_BY_WINDOW = 6  # characters before a figure: "by" and a space or two


_PAIRED = 64  # figures of one sentence paired with one another, at most


def _percent_change(draft: Claim) -> float | None:
    """The signed size of a change a percentage gives ("rose 30 percent", "fell by a fifth in
    percent"), or None when the percentage is a level ("rose to 30 percent", "30 percent of"): the
    figure's own words hold a rise or a fall, and no "to", "at" or "of" ties it to a level."""
    q = draft.quantity
    if q is None or q.dimension != "percent" or q.value <= 0:
        return None
    after = draft.quote[q.end : q.end + 4].lower().split()
    if rules.rules()["level"].pattern.search(draft.quote, max(0, q.start - 12), q.start) or (
        after and after[0] == "of"
    ):
        return None
    # a rise's words ("climbed") or a raise's ("raised output by a tenth")
    up, down = _rise_or_fall(draft)
    if up == down:
        return None
    return q.value if up else -q.value


def _changes(sentence: list[Comparison]) -> list[tuple[Comparison, Comparison]]:
    """The changes a sentence writes with both ends, as (start, end) pairs in its order: each "from"
    with the next "to" of its unit ("from 41 to 67, while ... from 52 to 29"), or, when none
    follows, with the last figure of its unit before it ("above $10,000, up from $2,600"); a base
    with the figure before it when the two are for different periods ("$8.9bn in 2024, compared with
    $8.6bn in 2023"); a "to" that no start leads to with the figure of its unit before it."""
    figures = sorted(
        (c for c in sentence if c.candidate.claim.quantity is not None),
        key=lambda c: (c.candidate.claim.start, c.candidate.claim.id),
    )
    pairs = []
    for i, c in enumerate(figures):
        q = c.candidate.claim.quantity
        assert q is not None
        if q.role not in (Role.FROM, Role.BASE):
            continue
        # the figure of its unit before it, past others ("1.8 million tonnes, roughly half of world
        # supply, up from 853,000 tonnes")
        before = next((x for x in reversed(figures[:i]) if _alike(c, x)), None)
        if q.role is Role.BASE:
            # "$8.9bn in 2024, compared with $8.6bn in 2023": a comparison is a change only across periods
            if (
                before is not None
                and _role(before) is not Role.BASE
                and c.candidate.claim.period != before.candidate.claim.period
            ):
                pairs.append((c, before))
            continue
        after = next((x for x in figures[i + 1 :] if _role(x) is not Role.NONE), None)
        if after is not None and _role(after) is Role.TO and _alike(c, after):
            pairs.append((c, after))
        elif before is not None and (
            _role(before) is Role.NONE
            # "rose to EUR 8.1bn from EUR 5.6bn": the end written first, not another change's
            or (_role(before) is Role.TO and all(before is not end for _, end in pairs))
        ):
            pairs.append((c, before))
    # "contribution rates, currently 18.6% of gross wages, would rise to 22.3%": a "to" no start
    # leads to starts at the figure of its unit before it that has no role
    paired = [x for pair in pairs for x in pair]
    for i, c in enumerate(figures):
        if _role(c) is not Role.TO or any(c is x for x in paired):
            continue
        before = next((x for x in reversed(figures[:i]) if _alike(c, x)), None)
        if before is not None and _role(before) is Role.NONE and all(before is not x for x in paired):
            pairs.append((before, c))
    return sorted(pairs, key=lambda p: (p[0].candidate.claim.start, p[0].candidate.claim.id))


def _alike(a: Comparison, b: Comparison) -> bool:
    """Two figures of one unit: the two ends of one change."""
    qa, qb = a.candidate.claim.quantity, b.candidate.claim.quantity
    return qa is not None and qb is not None and _one_unit(qa, qb)


def _one_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit and qty_mod.comparable(a, b)


def _role(c: Comparison) -> Role:
    q = c.candidate.claim.quantity
    return q.role if q is not None else Role.NONE


def _within_ratio(ratio: float, q: Quantity, config: Config) -> bool:
    """A ratio borne out by a multiplier: within the tolerance of a hedged one, and, for "nearly" or
    "almost", up to twice that short of it; past a bound ("more than doubled"), not much past it. A
    fall ("halved") is compared by how much was lost: a fall from 52 to 29 nearly halved the number."""
    slack = config.tolerance if q.bound is Bound.APPROX or q.hedge else config.tolerance / 2
    value, got = (q.value, ratio) if q.value >= 1 else (1 - q.value, 1 - ratio)
    # a bound is met on its side, up to half as much again: 2.4 times "more than doubled" (3 times
    # would be "tripled"), 0.48 is "less than half"
    if q.bound is Bound.MIN:
        return value <= got <= _PAST * value
    if q.bound is Bound.MAX:
        return value / _PAST <= got <= value
    short = 2 * slack if qty_mod.short_of(q) else slack
    return -short * value <= got - value <= slack * value


_PAST = 1.5  # how far past a bound a ratio still reads as that bound's ("more than doubled": under 3)


def _value(c: Claim) -> str:
    if c.quantity is not None:
        return qty_mod.describe(c.quantity)
    if c.date is not None:
        return dates_mod.describe(c.date)
    return "otherwise"


def _mispaired(draft: Claim, src: Claim, kind_of: Callable[[str], str], label: Callable[[str], str]) -> str:
    """The same entities and words, paired the other way: "Kazakh vodka" where the source has
    "vodka from Kyrgyzstan"; the mine "in the Amu Darya region" where the source puts it in Logar."""
    theirs: dict[str, list[str]] = {}
    for p in src.pairs:
        if not p.partner:
            theirs.setdefault(p.word, []).append(p.entity)
    for p in draft.pairs:
        e, t = p.entity, p.word
        if p in src.pairs or e not in src.names:
            continue
        if p.partner:
            # Entities paired with each other: a place for a place, not a country for a city in it.
            if t not in src.names:
                continue
            rivals = [z for z in _partners(src.pairs, e) if z != t and _rival_places(t, z, kind_of)]
            if len(rivals) == 1:
                return f"the source puts {label(e)} with {label(rivals[0])}, not {label(t)}"
            continue
        others = [x for x in theirs.get(t, ()) if x != e and kind_of(x) == kind_of(e)]
        if len(others) == 1 and len(set(theirs.get(t, ()))) <= 2:
            return f"the source says {t!r} of {label(others[0])}, not of {label(e)}"
    return ""


def _partners(pairs: tuple[Pair, ...], entity: str) -> list[str]:
    return [p.word for p in pairs if p.entity == entity and p.partner]


def _rival_places(a: str, b: str, kind_of: Callable[[str], str]) -> bool:
    """Two places that cannot both hold the same thing: regions, provinces, cities, sites; not a
    country and a place that may lie in it."""
    local = {"region", "place", "city"}
    return kind_of(a) in local and kind_of(b) in local


# Sentences longer than this (a pathological input: a table flattened into one sentence, thousands of
# figures) are not read word by word for what they say around a figure: the readings below scan the
# whole sentence for each of its claims, which would make a check quadratic in such a sentence.
_READ_WHOLE = 2_000


def _readable(*claims: Claim) -> bool:
    return all(len(c.quote) <= _READ_WHOLE for c in claims)


def _said_otherwise(draft: Claim, decision: Decision, names: Names, comps: list[Comparison]) -> Decision:
    """A figure, date or statement the source bears out, in a sentence that says otherwise around it:
    a change against another base ("compared with 2022" where the source's is against 2021); "never
    raised the levy" where the source raised it; "in 2019 the Swedish government declared" where the
    source's 2019 declaration is the Finnish government's; a choice the other way round."""
    kind_of, label, find = names.kind_of, names.label, names.find
    src = decision.evidence[0].claim
    if not _readable(draft, src):
        return decision
    ours, theirs = _base(draft), _base(src)
    if ours is not None and theirs is not None and ours != theirs:
        # The sentence's figure against the draft's base answers the draft ("rose 12.4 percent from
        # 2022, and 30.1 percent compared with 2021" against "30.1% compared with 2022").
        for c in comps:
            other = c.candidate.claim
            if other.quote == src.quote and c.comparable and not c.agrees and _base(other) == ours:
                why = f"source says {_value(other)} against {ours}"
                return replace(
                    decision, verdict=Verdict.CONFLICTING, message=why, evidence=(c.candidate,), why=why
                )
        # otherwise the same figure against another year is another statistic, as for another period
        return replace(
            decision,
            verdict=Verdict.UNSUPPORTED,
            message=f"source gives this change against {theirs}",
            evidence=(),
            why="the change's base differs",
        )
    # A named claim has weighed negation already, against the same sentence.
    why = denied(draft, src) if draft.kind is not ClaimKind.NAMED else ""
    if why:
        return replace(decision, verdict=Verdict.CONFLICTING, message=why, why="negation")
    # Only a source sentence that names something the draft does not can have it in the place of a
    # draft's name: the names' places are read (entities.find, the costly step) only then.
    swap = (
        same.substitution((draft.quote, find(draft.quote)), (src.quote, find(src.quote)), kind_of, label)
        if draft.names and set(src.names) - set(draft.names)
        else None
    )
    if swap:
        why = f"the source says {label(swap[1])}, not {label(swap[0])}"
        return replace(decision, verdict=Verdict.CONFLICTING, message=why, why="another name in its place")
    ranked = _ranked_otherwise(draft, src, names)
    if ranked:
        return replace(decision, verdict=Verdict.CONFLICTING, message=ranked, why="a choice the other way")
    return decision


def _ranked_otherwise(draft: Claim, src: Claim, names: Names) -> str:
    """How the source ranks the draft's two choices the other way round ("" when it does not). Only
    sentences that both rank, by their words alone, have their names' places read."""
    if not (same.ranks(draft.quote) and same.ranks(src.quote)):
        return ""
    find = names.find
    ranked = same.preference_reversed(
        (draft.quote, find(draft.quote)), (src.quote, find(src.quote)), names.label
    )
    return f"the source puts {names.label(ranked[0])} before {names.label(ranked[1])}" if ranked else ""


def _base(c: Claim) -> int | None:
    """The year a figure's change is measured against: the first base date after the figure in its
    sentence, before the next figure ("by 30.1 percent compared with 2021"; "from 2022" after the
    figure counts too). None for a date or a figure without one."""
    if c.quantity is None or not _readable(c):
        return None
    at = _at(c)
    if at < 0:
        return None
    end = at + len(c.quantity.text)
    figures, bases = _marks(c.quote)
    k = bisect.bisect_left(figures, end)
    nxt = figures[k] if k < len(figures) else len(c.quote)  # the next figure ("..., and by 64.2 percent")
    return next((year for start, year in bases if end <= start < nxt), None)


def _at(c: Claim) -> int:
    """Where a figure claim's figure stands in its sentence (-1 for a claim without one, or when it
    is not written there as read)."""
    return c.quote.find(c.quantity.text) if c.quantity is not None else -1


@lru_cache(maxsize=256)  # asked again for every figure of a sentence and of its evidence
def _marks(quote: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Where a sentence's figures start, and its base dates ("compared with 2021", "from 2022") as
    (start, year)."""
    dates = dates_mod.find_dates(quote)
    figures = sorted(x.start for x in qty_mod.find_quantities(quote, [(d.start, d.end) for d in dates]))
    bases = tuple(
        (d.start, d.year)
        for d in dates
        if d.year is not None and d.relation in (Relation.BASE, Relation.SINCE)
    )
    return tuple(figures), bases


def denied(draft: Claim, src: Claim) -> str:
    """How one sentence denies what the other affirms ("" when neither does): "did not appropriate"
    against "appropriated", "no joint storage fund" against "set up a joint storage fund". The
    affirmed word must be among the claim's own measure words, not elsewhere in its sentence (a
    heading run into it, another clause)."""
    if not _readable(draft, src):
        return ""
    mine, theirs = rules.denials(draft.quote), rules.denials(src.quote)
    # A word is affirmed only by a sentence whose every negation is read: "declined an invitation to
    # join" may refuse the joining that "declined to join" denies.
    for term, words in mine.denied:
        if term in theirs.affirmed and term in src.terms and theirs.complete:
            return f"the draft says {words!r}, the source says otherwise"
    for term, words in theirs.denied:
        if term in mine.affirmed and term in draft.terms and mine.complete:
            return f"the source says {words!r}"
    return ""


def _negated_apart(a: Claim, b: Claim) -> bool:
    """The two sentences differ in negation only about words one of them does not use ("signed a
    memorandum" against "signed a memorandum, although they have not yet reached a pricing deal"):
    every negation is one whose denied words are known, and none is a word the other sentence has
    without denying it."""
    if not _readable(a, b):
        return False
    da, db = rules.denials(a.quote), rules.denials(b.quote)
    if a.polarity.exception != b.polarity.exception or not (da.complete and db.complete):
        return False
    return not any(t in db.affirmed for t, _ in da.denied) and not any(t in da.affirmed for t, _ in db.denied)


def rules_flip(c: Claim) -> bool:
    """Whether a statement is, all told, negative: "only Turkmenistan stayed out" and "every state
    except Turkmenistan joined" are the same statement."""
    return c.negated != c.polarity.exception

"""Turn a document into claims. The same code serves sources and drafts.

For every sentence that states something checkable:
- each quantity and each date becomes a claim, attributed to the entities of its own piece of the
  sentence (list items, "for Uzbekistan, 20.6 percent") or, failing that, of its clause;
- the measure words of a value come from its piece; a piece with none ("10% for Apple", "this
  figure is 38 percent") takes those of the value before it, in the sentence or the one before;
- a sentence with entities and no value becomes a named claim (who did what), negation kept.
The rules for what is not a claim (questions, the document talking about itself, opinion) are
tables in `rules.py`, each with examples.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from factcheck import dates as dates_mod
from factcheck import entities as ent_mod
from factcheck import quantities as qty_mod
from factcheck import rules
from factcheck.model import Claim, DateValue, Document, Mention, Quantity, Sentence
from factcheck.reader import LineIndex
from factcheck.segment import sentences
from factcheck.text import content_terms, stem

# Pieces of a sentence: split at punctuation and at the words that join parallel statements.
# "X noted that ..." also breaks: the figure belongs to what was said, not to whoever said it.
_PIECE_BREAK = re.compile(
    r"\b(?:said|says|noted|notes|wrote|writes|argued|argues|claimed|claims|stated|states|reported|reports"
    r"|estimated|estimates|believes?|believed|told\s+\w+)\s+that\b"
    r"|[;,()\[\]:/]|\s-\s|\s(?:and|while|whereas|but|followed\s+by|compared\s+(?:to|with)|versus|vs\.?)\s",
    re.I,
)
_CLAUSE_BREAK = re.compile(r";|\s-\s|[()/]|,\s(?:while|whereas|but|followed\s+by)\s", re.I)


# What a sentence's last figure was about, for the sentence after it to refer back to: its measure
# words, the sentence's words, its subject and the figure itself.
_Last = tuple[tuple[str, ...], tuple[str, ...], tuple[Mention, ...], "Quantity | None"]


@dataclass(frozen=True, slots=True)
class _Value:
    quantity: Quantity | None
    date: DateValue | None
    start: int
    end: int


def extract(doc: Document, gaz: ent_mod.Gazetteer) -> list[Claim]:
    lines = LineIndex(doc.text)
    out: list[Claim] = []
    prev: tuple[int, tuple[str, ...], tuple[str, ...], tuple[Mention, ...], Quantity | None] | None = None
    topic: tuple[int, tuple[Mention, ...]] = (-1, ())
    for sent in sentences(doc.blocks):
        if prev is not None and prev[0] != sent.block:
            prev = None
        nearby = topic[1] if topic[0] == sent.block else ()
        block = doc.blocks[sent.block]
        if block.note and rules.CITATION.search(sent.text):
            continue  # a reference in a footnote: its title and dates are not claims
        claims, last, named = _sentence_claims(
            sent, gaz, lines, prev[1:] if prev else None, nearby, block.heading
        )
        out.extend(claims)
        topic = (sent.block, named)
        if last is not None:
            prev = (sent.block, *last)
    return out


def _spans(
    text: str, pattern: re.Pattern[str], keep: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Cut text at the pattern's matches, except inside the `keep` spans."""
    cuts = [0]
    k = 0
    for m in pattern.finditer(text):
        while k < len(keep) and keep[k][1] <= m.start():
            k += 1
        if k < len(keep) and keep[k][0] <= m.start() < keep[k][1]:
            continue
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def _pieces(text: str, keep: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces, but "between X and Y" stays whole: its "and" joins the two ends of one relation; and
    so does an enumeration ("Singapore, Malaysia, Indonesia and Vietnam"), given in `keep`."""
    out: list[tuple[int, int]] = []
    for a, b in _spans(text, _PIECE_BREAK, keep):
        if out and _open_between(text, *out[-1]) and text[out[-1][1] : a].strip() == "and":
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_LIST_ITEM_WORDS = 6
_OPEN_BETWEEN = re.compile(r"\bbetween\s+\S+(?:\s+\S+)?\s*$", re.I)


def _open_between(text: str, lo: int, hi: int) -> bool:
    """_OPEN_BETWEEN in text[lo:hi]. Perf (issue 6): a match lies in the last three words, so only
    they are searched; searching the whole piece as it grew was quadratic on "between 1 and ..."."""
    i = hi
    for _ in range(3):
        while i > lo and text[i - 1].isspace():
            i -= 1
        while i > lo and not text[i - 1].isspace():
            i -= 1
    return _OPEN_BETWEEN.search(text[i:hi]) is not None


def _enclosing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    # Perf (issue 6): spans are sorted and disjoint, so the one that can hold `pos` is found by
    # bisection, not by a scan per value (quadratic on "1,1,1,..."). Same result as the scan.
    i = bisect.bisect_right(spans, pos, key=lambda s: s[0]) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return spans[-1]


def _terms(
    text: str, lo: int, hi: int, mentions: list[Mention], values: list[_Value], *, names: bool = False
) -> list[str]:
    """Content words of text[lo:hi], leaving out entities and the values themselves. With `names`,
    unknown names keep their words, so the sentence's words still meet when one writer's "Global
    Cybersecurity Index" is another's "global cybersecurity index"."""
    # Perf (issue 6): every call for one sentence passes the same text, mentions and values
    # objects (never changed in place), so blank the sentence once and remember each span's terms;
    # blanking per call was quadratic in a sentence of thousands of values. Same result.
    memo = getattr(_TERMS_MEMO, "last", None)
    if memo is None or memo[0] is not text or memo[1] is not mentions or memo[2] is not values:
        memo = (text, mentions, values, {})
        _TERMS_MEMO.last = memo
    cache: dict[object, Any] = memo[3]
    if (lo, hi, names) not in cache:
        if names not in cache:
            cache[names] = _blanked(text, mentions, values, names)
        cache[(lo, hi, names)] = content_terms(cache[names][lo:hi])
    return list(cache[(lo, hi, names)])


_TERMS_MEMO = threading.local()  # the last sentence's blanked text and terms, per thread


def _blanked(text: str, mentions: list[Mention], values: list[_Value], names: bool) -> str:
    chars = list(text)
    spans = [(m.start, m.end) for m in mentions if not (names and m.kind == "name")]
    spans += [(v.start, v.end) for v in values]
    for a, b in spans:
        a, b = max(a, 0), min(b, len(chars))
        if a < b:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


def _sentence_claims(
    sent: Sentence,
    gaz: ent_mod.Gazetteer,
    lines: LineIndex,
    prev: _Last | None,
    before: tuple[Mention, ...],
    heading: bool,
) -> tuple[list[Claim], _Last | None, tuple[Mention, ...]]:
    text = sent.text
    if rules.not_a_claim(text):
        return [], None, ()
    all_dates = dates_mod.find_dates(text)
    if any(rules.bibliographic_date(text, d.start) for d in all_dates):
        return [], None, ()  # a citation ("..., accessed 14 August 2022"), not a statement
    # A reporting outlet ("Reuters reported", "according to Bloomberg") tells where a fact was read,
    # not whom it is about.
    mentions = [m for m in ent_mod.find(text, gaz) if m.kind != "outlet"]
    found_dates = all_dates
    skip = [(d.start, d.end) for d in found_dates] + [(m.start, m.end) for m in mentions if m.kind != "name"]
    quantities = [q for q in qty_mod.find_quantities(text, skip) if not _discourse(q)]
    # "US$19.8bn", "79 billion US dollars": a currency's country is not what the figure is about.
    covered = qty_mod._Spans((q.start, q.end) for q in quantities)  # perf (issue 6): not a scan per mention
    mentions = [m for m in mentions if not covered.covers(m.start, m.end)]
    values = sorted(
        [_Value(q, None, q.start, q.end) for q in quantities]
        + [_Value(None, d, d.start, d.end) for d in found_dates],
        key=lambda v: v.start,
    )
    context = _terms(text, 0, len(text), mentions, values, names=True)
    keys = tuple(dict.fromkeys(k for v in values for k in value_keys(v.quantity, v.date)))
    ctx_entities = [m.entity for m in mentions]
    nearby = tuple(dict.fromkeys(m.entity for m in before))
    # "It also adjusted ...", "The company operates ...": the subject is the sentence before's.
    referred = _antecedent(text, before)
    if referred:
        ctx_entities += [m.entity for m in referred if m.entity not in ctx_entities]
    if prev is not None and (rules.anaphoric(text) or (values and len(context) < 2)):
        context = list(prev[1]) + context
        ctx_entities = [m.entity for m in _replace_same_kind(list(prev[2]), mentions)]
    negated = rules.negated(text)
    polarity = rules.polarity(text)
    enumerations = _enumerations(text, mentions)
    pieces = _pieces(text, enumerations)
    clauses = _spans(text, _CLAUSE_BREAK)

    def in_span(span: tuple[int, int]) -> list[Mention]:
        # Perf (issue 6): mentions are sorted by start, so a span's are a slice found by bisection.
        return mentions[
            bisect.bisect_left(mentions, span[0], key=lambda m: m.start) : bisect.bisect_left(
                mentions, span[1], key=lambda m: m.start
            )
        ]

    own: list[list[Mention]] = [in_span(_enclosing(pieces, v.start)) for v in values]
    if rules.RESPECTIVELY.search(text):
        own = _respectively(own, values, mentions)
    # An entity that is the only one in a short piece with a value is that value's ("34% for Samsung").
    solo = {
        ms[0].entity
        for ms, v in zip(own, values, strict=True)
        if len({m.entity for m in ms}) == 1
        and len(text[slice(*_enclosing(pieces, v.start))].split()) <= _LIST_ITEM_WORDS
    }
    claims: list[Claim] = []
    dated = [d for d in values if d.date is not None and d.date.year]
    figures = [f.start for f in values if f.quantity is not None]
    last_local: list[str] = []
    last_subject: list[Mention] = []
    last_quantity: Quantity | None = None
    appositive: tuple[int, list[Mention]] | None = (
        None  # where the last figure's piece ended, and its subject
    )
    last: _Last | None = None
    for i, v in enumerate(values):
        piece = _enclosing(pieces, v.start)
        local = _terms(text, piece[0], piece[1], mentions, values)
        if v.quantity is not None and v.quantity.dimension == "count":
            local = [t for t in local if t != v.quantity.unit]
        k = _enclosing(clauses, v.start)
        head = _parenthesised(text, k, mentions)
        scope = "piece"
        if own[i]:
            subject = own[i]
            if len(text[piece[0] : piece[1]].split()) <= _LIST_ITEM_WORDS:
                scope = "item"
            if any(a <= m.start < b for a, b in enumerations for m in subject):
                scope = "group"  # the figure of a whole list: "across Singapore, Malaysia ... reached"
        elif head:
            subject = head + [m for m in mentions if k[0] <= m.start < k[1]]
            scope = "item"
        elif appositive is not None and text[appositive[0] : piece[0]].strip() in (",", ""):
            subject = appositive[1]  # "5.3 million tonnes, about 24 percent of world output"
        elif referred and not [m for m in mentions if k[0] <= m.start < k[1]]:
            subject = list(referred)
        elif v.date is not None:
            # "By 2018, ...": a date with no entity of its own or in its clause dates the sentence.
            opening = v.start < pieces[0][1]  # "By 2018, ...", "In 2015 China proposed ..."
            subject = [] if opening else [m for m in mentions if k[0] <= m.start < k[1]]
            scope = "clause"
            if not subject:
                subject, scope = list(mentions), "sentence"
        else:
            subject, scope = _clause_subject(v.start, clauses, mentions, solo), "clause"
        entities = [m.entity for m in subject]
        if not local:
            if last_local:
                # A list item ("for Sweden, 20.6 percent") repeats the measure of the item before it
                # and keeps what that item named besides the entity it replaces.
                local = last_local
                v = _restated(v, last_quantity)
                kinds = {m.kind for m in subject}
                subject = subject + [m for m in last_subject if m.kind not in kinds and m not in subject]
                entities = [m.entity for m in subject]
            elif prev is not None and (rules.anaphoric(text) or not subject or len(context) < 2):
                local = list(prev[0])
                v = _restated(v, prev[3])
                subject = _replace_same_kind(list(prev[2]), subject)
                entities = [m.entity for m in subject]
            else:
                local = _terms(text, *_enclosing(clauses, v.start), mentions, values)
        if v.quantity is not None:
            last_local, last_subject, last_quantity = local, subject, v.quantity
            appositive = (piece[1], subject)
        others = sorted(solo - set(entities)) if v.quantity is not None or own[i] else []
        # The direction of a figure's own piece: "ore grades are falling, and in May 2023 Congress
        # raised royalties" raises, whatever else falls in the sentence.
        own_polarity = rules.polarity(text[piece[0] : piece[1]]) or rules.polarity(text[k[0] : k[1]])
        claims.append(
            _claim(
                sent,
                lines,
                v,
                local,
                context,
                entities,
                ctx_entities,
                others,
                negated,
                own_polarity,
                nearby,
                scope,
                _period(v, dated, figures, k),
            )
        )
        if v.quantity is not None:
            last = (tuple(local), tuple(context), tuple(subject) or tuple(mentions), v.quantity)
    if not values and mentions and rules.checkable_statement(text) and not heading:
        named = _claim(
            sent,
            lines,
            _Value(None, None, 0, len(text)),
            context,
            context,
            [m.entity for m in mentions],
            ctx_entities,
            [],
            negated,
            polarity,
            nearby,
            "sentence",
        )
        claims.append(replace(named, pairs=_pairs(text, pieces, mentions)))
    return [replace(c, values=keys) for c in claims], last, tuple(mentions)


def _discourse(q: Quantity) -> bool:
    """ "Two caveats", "three lessons": a count of the parts of an argument, not a figure."""
    return q.dimension == "count" and q.unit in _discourse_stems()


@cache
def _discourse_stems() -> frozenset[str]:
    from factcheck.lang import table

    return frozenset(stem(w) for e in table("discourse_nouns") for w in e["words"])


def value_keys(q: Quantity | None, d: DateValue | None) -> tuple[str, ...]:
    """A value as retrieval keys: its unit and number at four significant digits ("percent:27",
    "USD:2.9e+09"), both ends of a range; a date as its years."""
    if q is not None:
        return tuple(f"{q.unit or q.dimension}:{x:.4g}" for x in (q.value, q.high) if x is not None)
    if d is not None and d.year:
        return tuple(f"year:{y}" for y in range(d.year, (d.end_year or d.year) + 1))[:12]
    return ()


_LIST_END = re.compile(r"\b(?:and|or)\b|&")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s*")


def _antecedent(text: str, before: tuple[Mention, ...]) -> list[Mention]:
    """What "He", "It" or "The company" opening a sentence stands for: the first entity of the
    sentence before that can be one (a person for "He"; anything but a person for "It")."""
    m = rules.REFERS_BACK.pattern.search(text)
    if m is None:
        return []
    word = m.group().strip().split()[0].lower()
    person = word in ("he", "she", "his", "her")
    fits = [b for b in before if (b.kind == "person") == person or (not person and b.kind == "name")]
    return fits[:1]


def _restated(v: _Value, model: Quantity | None) -> _Value:
    if v.quantity is None:
        return v
    return _Value(qty_mod.with_unit_of(v.quantity, model), v.date, v.start, v.end)


def _enumerations(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans listing entities of one kind: "Singapore, Malaysia, Indonesia and Vietnam"."""
    spans: list[tuple[int, int]] = []
    run: list[Mention] = []
    for m in [*mentions, None]:
        if (
            m is not None
            and run
            and m.kind == run[-1].kind
            and _LIST_SEPARATOR.fullmatch(text, run[-1].end, m.start)
        ):
            run.append(m)
            continue
        # A list joins its last item with "and" or "or"; "Moscow, China's trade" is no list.
        if len(run) >= 2 and _LIST_END.search(text, run[-2].end, run[-1].start):
            spans.append((run[0].start, run[-1].end))
        run = [m] if m is not None else []
    return spans


def _pairs(text: str, pieces: list[tuple[int, int]], mentions: list[Mention]) -> tuple[str, ...]:
    """What a named statement says of which entity. Words go with an entity when the language ties
    them: the entity modifies them ("Kazakh vodka", "Kyrgyz dark chocolate") or they come from, of or
    in it ("vodka from Kyrgyzstan"); entities of one piece go with each other ("the Mes Aynak copper
    mine in Logar")."""
    out: list[str] = []
    for lo, hi in pieces:
        inside = [m for m in mentions if lo <= m.start < hi]
        for m in inside:
            after = _MODIFIES.match(text, m.end, hi)
            before = _BELONGS.search(text, lo, m.start)
            for phrase in (after.group(1) if after else "", before.group(1) if before else ""):
                out += [f"{m.entity}>{t}" for t in content_terms(phrase)]
        out += [f"{a.entity}>@{b.entity}" for a in inside for b in inside if a.entity != b.entity]
    return tuple(dict.fromkeys(out))


_MODIFIES = re.compile(r"(?:'s)?\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)")
_BELONGS = re.compile(r"((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+(?:from|of|in|made\s+in)\s+(?:the\s+)?$")


def _respectively(
    own: list[list[Mention]], values: list[_Value], mentions: list[Mention]
) -> list[list[Mention]]:
    """ "Kazakhstan and Uzbekistan ... from 0.19 to 0.79 and 0.17 to 0.68 respectively": the n-th
    entity of a list owns the n-th value (or the n-th pair of a change's two ends)."""
    figures = [i for i, v in enumerate(values) if v.quantity is not None]
    if not figures:
        return own
    kinds: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.start >= values[figures[0]].start:
            break  # the list being paired comes before the figures
        if all(m.entity != k.entity for k in kinds.get(m.kind, [])):
            kinds.setdefault(m.kind, []).append(m)
    listed = max(kinds.values(), key=len, default=[])
    if len(listed) < 2 or len(figures) % len(listed):
        return own
    per = len(figures) // len(listed)
    out = [list(x) for x in own]
    for j, i in enumerate(figures):
        out[i] = [listed[j // per]]
    return out


def _period(
    v: _Value, dated: list[_Value], figures: list[int], clause: tuple[int, int]
) -> tuple[int, int] | None:
    """The years a figure is for: the date that follows it before the next figure ("10 MW in 2019 to
    230 MW at the end of 2022"), else the nearest date before it in its clause, else the sentence's
    first date ("In 2011, ..."). `dated` and `figures` (the starts of the figures) are sorted, so
    each look-up is a bisection, linear in all for a sentence of thousands of numbers."""
    if v.quantity is None or not dated:
        return None
    k = bisect.bisect_right(figures, v.start)
    limit = min(figures[k] if k < len(figures) else clause[1], clause[1])
    j = bisect.bisect_right(dated, v.start, key=lambda d: d.start)
    if j < len(dated) and dated[j].start < limit:
        pick = dated[j]
    elif j > 0 and dated[j - 1].start >= clause[0]:
        pick = dated[j - 1]
    else:
        pick = dated[0]
    year = pick.date.year if pick.date else None
    if pick.date is None or year is None:
        return None
    return year, pick.date.end_year or year


def _parenthesised(text: str, clause: tuple[int, int], mentions: list[Mention]) -> list[Mention]:
    """ "India (Jan. 2022, Virtual Summit)": a parenthesis qualifies the name just before it."""
    lo = clause[0]
    if lo == 0 or text[lo - 1] != "(":
        return []
    return [m for m in mentions if 0 <= (lo - 1) - m.end <= 2]


def _clause_subject(
    pos: int, clauses: list[tuple[int, int]], mentions: list[Mention], solo: set[str]
) -> list[Mention]:
    """A value with no entity of its own takes its clause's, leaving out those that other values
    own; a clause with none (a parenthesis, "(37 percent of all imports)") takes the clause before."""
    k = next((j for j, (a, b) in enumerate(clauses) if a <= pos < b), len(clauses) - 1)
    mine = [m for m in mentions if clauses[k][0] <= m.start < clauses[k][1] and m.entity not in solo]
    if mine or k == 0:
        return mine
    return [m for m in mentions if clauses[k - 1][0] <= m.start < clauses[k - 1][1]]


def _replace_same_kind(inherited: list[Mention], current: list[Mention]) -> list[Mention]:
    """ "In the case of Tajikistan, this figure ...": Tajikistan takes the place of the first entity
    of its kind in the sentence referred to; the rest (China, in "debt to China") carries over."""
    kept = list(inherited)
    for m in current:
        for j, old in enumerate(kept):
            if old.kind == m.kind and old.entity != m.entity:
                kept[j] = m
                break
        else:
            if m not in kept:
                kept.append(m)
    return kept


def _claim(
    sent: Sentence,
    lines: LineIndex,
    v: _Value,
    local: list[str],
    context: list[str],
    entities: list[str],
    ctx_entities: list[str],
    others: list[str],
    negated: bool,
    polarity: tuple[str, ...],
    nearby: tuple[str, ...],
    scope: str,
    period: tuple[int, int] | None = None,
) -> Claim:
    start, end = sent.start + v.start, sent.start + v.end
    line, col = lines.position(start)
    end_line, end_col = lines.position(max(start, end - 1))
    kind = "numeric" if v.quantity is not None else "date" if v.date is not None else "named"
    return Claim(
        kind=kind,
        quote=sent.text,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col + 1,
        start=start,
        end=end,
        entities=tuple(dict.fromkeys(entities)),
        terms=tuple(dict.fromkeys(local)),
        context=tuple(dict.fromkeys(context)),
        quantity=v.quantity,
        date=v.date,
        negated=negated,
        polarity=polarity,
        names=tuple(dict.fromkeys(ctx_entities)),
        others=tuple(others),
        nearby=tuple(e for e in nearby if e not in ctx_entities),
        scope=scope,
        period=period,
    )

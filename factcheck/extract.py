"""Turn a document into claims. The same code serves sources and drafts.

Each sentence goes through four steps, each a function over explicit records:
1. read (`_Parsed.read`): its values (figures and dates), the entities it names, its pieces (cut at
   punctuation and at the words that join parallel statements) and clauses; or nothing, when it
   states nothing checkable (a question, the document talking about itself, a citation);
2. frame (`_frame`): what the sentences before give it: what an opening "It" or "The company"
   stands for, and for a sentence that refers back ("this figure"), the paragraph's last figure;
3. attribute (`_attribute`, `_subject`): each value's subject (from the narrowest place that names
   one: a bracket after the figure, its piece, its clause...), measure words and period;
4. assemble (`_assemble`): a claim per value, and a named claim (who did what, negation kept) for a
   sentence with entities and no value.
Where a sentence is cut, what joins a list and the other patterns are rules of `rules.yaml`; the
rules for what is not a claim are there too, each with examples.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from factcheck import dates as dates_mod
from factcheck import entities as ent_mod
from factcheck import quantities as qty_mod
from factcheck import rules
from factcheck.lang import table
from factcheck.model import (
    Claim,
    ClaimKind,
    DateValue,
    Document,
    Mention,
    Pair,
    Polarity,
    Quantity,
    Relation,
    Role,
    Scope,
    Sentence,
)
from factcheck.reader import LineIndex
from factcheck.segment import sentences
from factcheck.text import content_terms, stem


@dataclass(frozen=True, slots=True)
class _Value:
    quantity: Quantity | None
    date: DateValue | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Previous:
    """What a sentence's last figure leaves for the next sentence of its paragraph to refer back to
    ("It rose to ...", "In the case of Tajikistan, this figure is ...")."""

    block: int
    measure: tuple[str, ...]  # the figure's measure words
    context: tuple[str, ...]  # its sentence's words
    subject: tuple[Mention, ...]
    quantity: Quantity


def extract(doc: Document, gaz: ent_mod.Gazetteer) -> list[Claim]:
    """Every claim of the document, sentence by sentence: read the sentence into its parts, frame it
    by the sentences before it, attribute each value, assemble the claims."""
    lines = LineIndex(doc.text)
    out: list[Claim] = []
    previous: _Previous | None = None  # the paragraph's last figure so far
    topic: tuple[int, tuple[Mention, ...]] = (-1, ())  # the entities of the sentence before
    # The names of the heading of the section a sentence is in (the title, before the first
    # subheading): what its sentences are about when they do not say ("The agreement fixes the
    # royalty at 5%" under "## Financing the Khar Tolgoi mine"). The title does not reach past the
    # first subheading: a whole document's names made figures of other sections look like theirs
    # (two sentences of sets nobody read for rules).
    section: tuple[int, tuple[str, ...]] = (-1, ())  # (block, names)
    for sent in sentences(doc.blocks):
        block = doc.blocks[sent.block]
        if block.note and rules.CITATION.search(sent.text):
            continue  # a reference in a footnote: its title and dates are not claims
        parsed = _Parsed.read(sent, gaz)
        if block.section:
            named = tuple(m.entity for m in parsed.mentions) if parsed is not None else ()
            section = (sent.block, (*section[1], *named) if section[0] == sent.block else named)
        if parsed is None:
            topic = (sent.block, ())
            continue
        frame = _frame(
            parsed,
            previous if previous is not None and previous.block == sent.block else None,
            topic[1] if topic[0] == sent.block else (),
            section[1],
        )
        attributed, last = _attribute(parsed, frame)
        out.extend(_assemble(parsed, frame, attributed, lines, block.heading))
        topic = (sent.block, tuple(parsed.mentions))
        if last is not None:
            previous = last
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
    for a, b in _spans(text, rules.rules()["piece break"].pattern, keep):
        if out and _open_between(text, *out[-1]) and text[out[-1][1] : a].strip() == "and":
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_LIST_ITEM_WORDS = 6


def _open_between(text: str, lo: int, hi: int) -> bool:
    """The rule "open between" in text[lo:hi]. Perf (issue 6): a match lies in the last three words, so only
    they are searched; searching the whole piece as it grew was quadratic on "between 1 and ..."."""
    i = hi
    for _ in range(3):
        while i > lo and text[i - 1].isspace():
            i -= 1
        while i > lo and not text[i - 1].isspace():
            i -= 1
    return rules.rules()["open between"].search(text[i:hi])


def _enclosing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    # Perf (issue 6): spans are sorted and disjoint, so the one that can hold `pos` is found by
    # bisection, not by a scan per value (quadratic on "1,1,1,..."). Same result as the scan.
    i = bisect.bisect_right(spans, pos, key=lambda s: s[0]) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return spans[-1]


Span = tuple[int, int]


@dataclass
class _Parsed:
    """Step 1: a sentence read into its parts. Its values (figures and dates), the entities it names
    (outlets and a currency's country left out), and its pieces and clauses: offsets in `text`."""

    sent: Sentence
    mentions: list[Mention]  # sorted by start
    values: list[_Value]  # sorted by start
    enumerations: list[Span]  # lists of entities of one kind: "Singapore, Malaysia and Vietnam"
    pieces: list[Span]  # cut at punctuation and at the words that join parallel statements
    clauses: list[Span]  # cut at semicolons, dashes, parentheses and contrasting conjunctions
    speaker: Span  # who a closing ", the ministry said." names as saying it: no figure's subject
    # The sentence with its entities and values blanked, and the words of each span asked for: every
    # value of a sentence asks for words, so each blanking is done once (a sentence of thousands of
    # values stays linear).
    _blanked: dict[bool, str] = field(default_factory=dict)
    _words: dict[tuple[int, int, bool], list[str]] = field(default_factory=dict)
    _closers: list[int] | None = None  # where the sentence's ")" are, listed on first use

    @property
    def text(self) -> str:
        return self.sent.text

    @classmethod
    def read(cls, sent: Sentence, gaz: ent_mod.Gazetteer) -> _Parsed | None:
        """The sentence's parts; None when it states nothing checkable (a question, the document
        talking about itself, a citation)."""
        text = sent.text
        if rules.not_a_claim(text):
            return None
        # "Figure 4", "(Smith, 2021, p. 12)": where something is written, not a figure or a date.
        references = [m.span() for m in rules.rules()["reference"].pattern.finditer(text)]
        found_dates = [
            d for d in dates_mod.find_dates(text) if not any(a <= d.start < b for a, b in references)
        ]
        if any(rules.bibliographic_date(text, d.start) for d in found_dates):
            return None  # a citation ("..., accessed 14 August 2022"), not a statement
        # A reporting outlet ("Reuters reported", "according to Bloomberg") tells where a fact was
        # read, not whom it is about.
        mentions = [m for m in ent_mod.find(text, gaz) if m.kind != "outlet" and not _attributed(text, m)]
        skip = sorted(
            [(d.start, d.end) for d in found_dates]
            + [(m.start, m.end) for m in mentions if m.kind != "name"]
            + references
        )
        quantities = [q for q in qty_mod.find_quantities(text, skip) if not _discourse(q)]
        # "US$19.8bn", "79 billion US dollars": a currency's country is not what the figure is about.
        covered = qty_mod._Spans((q.start, q.end) for q in quantities)  # perf (issue 6): no scan per mention
        mentions = [m for m in mentions if not covered.covers(m.start, m.end)]
        values = sorted(
            [_Value(q, None, q.start, q.end) for q in quantities]
            + [_Value(None, d, d.start, d.end) for d in found_dates],
            key=lambda v: v.start,
        )
        enumerations = _enumerations(text, mentions)
        return cls(
            sent,
            mentions,
            values,
            enumerations,
            _pieces(text, enumerations),
            _spans(text, rules.rules()["clause break"].pattern),
            _speaker(text),
        )

    def terms(self, span: Span, *, names: bool = False) -> list[str]:
        """Content words of a span, leaving out entities and the values themselves. With `names`,
        unknown names keep their words, so the sentence's words still meet when one writer's "Global
        Cybersecurity Index" is another's "global cybersecurity index"."""
        key = (span[0], span[1], names)
        if key not in self._words:
            if names not in self._blanked:
                self._blanked[names] = rules.refusals_as_words(
                    self.text, _blank(self.text, self.mentions, self.values, names)
                )
            self._words[key] = content_terms(self._blanked[names][span[0] : span[1]])
        return list(self._words[key])

    def within(self, span: Span) -> list[Mention]:
        """The entities named inside a span."""
        # Perf (issue 6): mentions are sorted by start, so a span's are a slice found by bisection.
        ms = self.mentions
        return ms[
            bisect.bisect_left(ms, span[0], key=lambda m: m.start) : bisect.bisect_left(
                ms, span[1], key=lambda m: m.start
            )
        ]

    def piece(self, pos: int) -> Span:
        return _enclosing(self.pieces, pos)

    def clause(self, pos: int) -> Span:
        return _enclosing(self.clauses, pos)

    def event(self, pos: int) -> Span:
        """The words of the event a date at `pos` dates: its piece, with the pieces before it that a
        bare comma or "and" joins to it (rule "event join") up to another value; and, when the date
        stands alone in its piece ("In 2015, China proposed ..."), the pieces after it likewise."""
        pieces = self.pieces
        i = bisect.bisect_right(pieces, pos, key=lambda s: s[0]) - 1
        if i < 0:
            return self.piece(pos)
        lo = hi = i
        while lo > 0 and self._joined(pieces[lo - 1], pieces[lo], pieces[lo - 1]):
            lo -= 1
        if not self.terms(pieces[i]):
            while hi + 1 < len(pieces) and self._joined(pieces[hi], pieces[hi + 1], pieces[hi + 1]):
                hi += 1
        return (pieces[lo][0], pieces[hi][1])

    def _joined(self, before: Span, after: Span, added: Span) -> bool:
        """Two neighbouring pieces of one event, the one `added` holding words and no value."""
        vs = self.values  # sorted by start: the first at or after the piece is found by bisection
        k = bisect.bisect_left(vs, added[0], key=lambda v: v.start)
        return (
            bool(rules.rules()["event join"].pattern.fullmatch(self.text[before[1] : after[0]]))
            and bool(self.terms(added))
            and not (k < len(vs) and vs[k].start < added[1])
        )

    def aside(self, pos: int, of: int) -> bool:
        """The words at `pos` are an aside to those at `of`: a piece of words of its own, set off
        by a comma on each side in the middle of the sentence ("Smallpox, certified as eradicated in
        1979, is ..."). Not the piece of `of` itself, nor one that only frames the sentence
        ("according to ...", "in the summit of May 2020": rule "framing aside")."""
        piece = self.piece(pos)
        text = self.text
        return (
            piece != self.piece(of)
            and piece[0] > 0
            and text[: piece[0]].rstrip().endswith(",")
            and text[piece[1] :].lstrip().startswith(",")
            and len(self.terms(piece)) > 0
            and not rules.rules()["framing aside"].pattern.match(text[piece[0] : piece[1]])
        )

    def words_in(self, span: Span) -> int:
        return len(self.text[span[0] : span[1]].split())

    def closing(self, pos: int) -> int:
        """The first ")" at or after `pos`, or -1. Perf: the sentence's ")" are listed once and
        looked up by bisection, so a run of "(" without one stays linear."""
        if self._closers is None:
            self._closers = [i for i, ch in enumerate(self.text) if ch == ")"]
        i = bisect.bisect_left(self._closers, pos)
        return self._closers[i] if i < len(self._closers) else -1


def _blank(text: str, mentions: list[Mention], values: list[_Value], names: bool) -> str:
    chars = list(text)
    spans = [(m.start, m.end) for m in mentions if not (names and m.kind == "name")]
    spans += [(v.start, v.end) for v in values]
    for a, b in spans:
        a, b = max(a, 0), min(b, len(chars))
        if a < b:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class _Frame:
    """Step 2: what the sentences before give this one. A sentence that refers back ("It also ...",
    "This figure ...") takes the words and subjects of the paragraph's last figure; "He", "The
    company" opening a sentence stand for an entity of the sentence before."""

    context: tuple[str, ...]  # the sentence's words, after those of the sentence it refers to
    names: tuple[str, ...]  # the entities of the sentence, and of the one it refers to
    nearby: tuple[str, ...]  # the entities of the sentence before and of the section's heading
    referred: tuple[Mention, ...]  # what an opening "It", "He", "The company" stands for
    previous: _Previous | None  # the paragraph's last figure
    refers_back: bool  # the sentence's own words refer back ("this figure", "it")


def _frame(
    parsed: _Parsed, previous: _Previous | None, before: tuple[Mention, ...], headings: tuple[str, ...]
) -> _Frame:
    text = parsed.text
    context = parsed.terms((0, len(text)), names=True)
    names = [m.entity for m in parsed.mentions]
    referred = _antecedent(text, before)
    names += [m.entity for m in referred if m.entity not in names]
    refers_back = bool(rules.anaphoric(text))
    if previous is not None and (refers_back or (parsed.values and len(context) < 2)):
        context = list(previous.context) + context
        names = [m.entity for m in _replace_same_kind(list(previous.subject), parsed.mentions)]
    return _Frame(
        tuple(context),
        tuple(names),
        tuple(dict.fromkeys((*(m.entity for m in before), *headings))),
        tuple(referred),
        previous,
        refers_back,
    )


@dataclass(frozen=True, slots=True)
class _Attributed:
    """Step 3: one value with what it is about."""

    value: _Value  # its unit may come from the figure it restates ("and 38 percent in 2019")
    subject: tuple[Mention, ...]
    scope: Scope
    measure: tuple[str, ...]
    others: tuple[str, ...]  # entities other values of the sentence own
    polarity: Polarity  # the direction of the value's own piece (or clause)
    period: tuple[int, int] | None


def _attribute(parsed: _Parsed, frame: _Frame) -> tuple[list[_Attributed], _Previous | None]:
    """Each value's subject, measure words and period; and what the sentence's last figure leaves
    for the next sentence."""
    text, values, mentions = parsed.text, parsed.values, parsed.mentions
    own: list[list[Mention]] = [parsed.within(parsed.piece(v.start)) for v in values]
    # "Kazakhstan and Uzbekistan ... respectively": each figure's entity is its own, not the list's.
    paired = False
    said = rules.RESPECTIVELY.pattern.search(text)
    if said is not None:
        # within its clause: "The EU pledged EUR 10 billion ...; the EBRD and the ADB approved $1.5bn
        # and $700 million respectively" pairs the two banks with the two loans
        lo, hi = text.rfind(";", 0, said.start()) + 1, text.find(";", said.start())
        own, paired = _respectively(own, values, mentions, (lo, len(text) if hi < 0 else hi), said.start())
    # An entity that is the only one in a short piece with a value is that value's ("34% for Samsung").
    solo = {
        ms[0].entity
        for ms, v in zip(own, values, strict=True)
        if len({m.entity for m in ms}) == 1 and parsed.words_in(parsed.piece(v.start)) <= _LIST_ITEM_WORDS
    }
    # A change's base ("compared with 2021") is no figure's period; nor is a starting point ("from
    # 2022") when the sentence places its facts at a date of their own ("in 2023").
    dated = [d for d in values if d.date is not None and d.date.year and d.date.relation is not Relation.BASE]
    if any(d.date is not None and d.date.relation is Relation.NONE for d in dated):
        dated = [d for d in dated if d.date is not None and d.date.relation is not Relation.SINCE]
    figures = [f.start for f in values if f.quantity is not None]
    # where the changes' starts and the comparisons' bases stand ("from 2.4 billion kWh in 2022",
    # "compared with $8.6bn in 2023"): the year after one is its own
    starts = [f.start for f in values if f.quantity is not None and f.quantity.role in _STARTS]
    start_set = set(starts)
    # The last figure so far: a list item with no measure words of its own repeats its measure.
    item: tuple[list[str], list[Mention], Quantity] | None = None
    appositive: tuple[int, list[Mention]] | None = None  # where the last figure's piece ended, its subject
    out: list[_Attributed] = []
    last: _Previous | None = None
    sides = cache(lambda span: rules.polarity(text[span[0] : span[1]]))  # perf: a piece is read once

    @cache  # perf: once a clause, whatever its count of figures
    def clause_side(clause: Span) -> Polarity:
        inside = figures[bisect.bisect_left(figures, clause[0]) : bisect.bisect_left(figures, clause[1])]
        # a start's piece ("two days, down from 10 days") tells the change that ends at another figure
        return _clause_side(sides(clause), [sides(parsed.piece(x)) for x in inside if x not in start_set])

    for i, v in enumerate(values):
        piece, clause = parsed.piece(v.start), parsed.clause(v.start)
        measure = parsed.terms(parsed.event(v.start) if v.date is not None else piece)
        worded = bool(measure)  # a list item ("26 to 45 for Uzbekistan") has no words of its own
        measure += _direction(text, v)
        if v.quantity is not None and v.quantity.dimension == "count":
            measure = [t for t in measure if t != v.quantity.unit]
        bracket = _bracket_after(parsed, v)
        subject, scope = _subject(parsed, frame, v, own[i], solo, appositive, bracket)
        if v.quantity is not None:  # a date in the closing report ("announced in January") is the speaker's
            subject = [m for m in subject if not parsed.speaker[0] <= m.start < parsed.speaker[1]]
        if paired and v.quantity is not None and own[i]:
            scope = Scope.ITEM
        if not measure:
            if item is not None and item[0]:
                # A list item ("for Sweden, 20.6 percent") repeats the measure of the item before it
                # and keeps what that item named besides the entity it replaces.
                measure = item[0]
                v = _restated(v, item[2])
                kinds = {_family(m.kind) for m in subject}
                subject = subject + [m for m in item[1] if _family(m.kind) not in kinds and m not in subject]
            elif frame.previous is not None and (frame.refers_back or not subject or len(frame.context) < 2):
                measure = list(frame.previous.measure)
                v = _restated(v, frame.previous.quantity)
                subject = _replace_same_kind(list(frame.previous.subject), subject)
            else:
                measure = parsed.terms(clause)
        if v.quantity is not None:
            item = (measure, subject, v.quantity)
            appositive = (piece[1], subject)
        entities = {m.entity for m in subject}
        others = sorted(solo - entities) if v.quantity is not None or own[i] else []
        # The direction of a figure's own piece: "ore grades are falling, and in May 2023 Congress
        # raised royalties" raises, whatever else falls in the sentence.
        polarity = sides(piece) or (clause_side(clause) if worded else sides(clause))
        out.append(
            _Attributed(
                v,
                tuple(subject),
                scope,
                tuple(measure),
                tuple(others),
                polarity,
                _period(v, dated, figures, clause, parsed, bracket, starts),
            )
        )
        if v.quantity is not None:
            last = _Previous(
                parsed.sent.block,
                tuple(measure),
                frame.context,
                tuple(subject) or tuple(mentions),
                v.quantity,
            )
    return _broken_down(text, out), last


def _broken_down(text: str, attributed: list[_Attributed]) -> list[_Attributed]:
    """ "27 GW of renewable capacity by 2030 (19 GW of solar and 8 GW of wind)": figures in brackets
    that hold no date break down the figure of their kind before the bracket, and are for its years,
    not for a date the sentence opens with ("Under a decree signed in February 2023, ..."). One pass
    over the text finds each value's bracket, so a sentence of many brackets stays linear."""
    opens: list[int] = []  # the opening of the bracket each value stands in, or -1
    stack: list[int] = []
    at = 0
    for a in attributed:  # in the order of the text
        for k in range(at, a.value.start):
            if text[k] == "(":
                stack.append(k)
            elif text[k] == ")" and stack:
                stack.pop()
        at = max(at, a.value.start)
        opens.append(stack[-1] if stack else -1)
    dated = {o for o, a in zip(opens, attributed, strict=True) if o >= 0 and a.value.date is not None}
    out = list(attributed)
    last: dict[str, _Attributed] = {}  # the last figure of each kind outside brackets
    for i, (o, a) in enumerate(zip(opens, attributed, strict=True)):
        q = a.value.quantity
        if q is None:
            continue
        if o < 0:
            last[q.dimension] = a
            continue
        whole = last.get(q.dimension)
        if o not in dated and whole is not None and whole.period is not None and whole.value.end <= o:
            out[i] = replace(a, period=whole.period)
    return out


def _subject(
    parsed: _Parsed,
    frame: _Frame,
    v: _Value,
    own: list[Mention],
    solo: set[str],
    appositive: tuple[int, list[Mention]] | None,
    bracket: Span | None,
) -> tuple[list[Mention], Scope]:
    """What a value is about, from the narrowest place that names something: a parenthesis right
    after the figure (with its own piece), its own piece, a parenthesis after a name, the figure
    before it in apposition, what an opening "It" stands for, its clause, or (for a date) the whole
    sentence."""
    piece, clause = parsed.piece(v.start), parsed.clause(v.start)
    in_clause = parsed.within(clause)
    # "between 1.5% (according to VTB) and 2.5% (the ministry's own forecast)": the entities of the
    # parenthesis right after a figure are whose figure it is.
    owner = parsed.within(bracket) if bracket is not None else []
    if owner:
        return own + owner, Scope.ITEM
    if own:
        if any(a <= m.start < b for a, b in parsed.enumerations for m in own):
            return own, Scope.GROUP  # the figure of a whole list: "across Singapore, Malaysia ... reached"
        return own, Scope.ITEM if parsed.words_in(piece) <= _LIST_ITEM_WORDS else Scope.PIECE
    head = _parenthesised(parsed.text, clause, parsed.mentions)
    if head:
        return head + in_clause, Scope.ITEM
    named = _apposed_to(parsed, v)
    if named is not None:
        return [named], Scope.ITEM
    if appositive is not None and parsed.text[appositive[0] : piece[0]].strip() in (",", ""):
        return appositive[1], Scope.PIECE  # "5.3 million tonnes, about 24 percent of world output"
    if frame.referred and not in_clause:
        return list(frame.referred), Scope.PIECE
    if v.date is not None:
        # "By 2018, ...", "In 2015 China proposed ...": a date opening the sentence, with no entity
        # of its own or in its clause, dates the whole sentence.
        opening = v.start < parsed.pieces[0][1]
        subject = [] if opening else in_clause
        return (subject, Scope.CLAUSE) if subject else (list(parsed.mentions), Scope.SENTENCE)
    return _clause_subject(parsed, v.start, solo), Scope.CLAUSE


def _assemble(
    parsed: _Parsed, frame: _Frame, attributed: list[_Attributed], lines: LineIndex, heading: bool
) -> list[Claim]:
    """Step 4: the claims. A value claim per value; a sentence with entities and no value is a
    named claim (who did what), unless it is a heading or judges rather than reports."""
    text = parsed.text
    negated = rules.negated(text)
    # What every claim of the sentence shares, deduplicated once: per claim it was quadratic in a
    # sentence of many values.
    names = tuple(dict.fromkeys(frame.names))
    in_sentence = set(names)
    nearby = tuple(e for e in frame.nearby if e not in in_sentence)
    shared = _Shared(tuple(dict.fromkeys(frame.context)), names, nearby)
    claims = [
        _claim(
            parsed.sent,
            lines,
            a.value,
            shared,
            entities=[m.entity for m in a.subject],
            measure=a.measure,
            others=a.others,
            negated=negated,
            polarity=a.polarity,
            scope=a.scope,
            period=a.period,
        )
        for a in attributed
        # A change's base ("compared with 2021") qualifies its figure; it is no claim of its own.
        if a.value.date is None or a.value.date.relation is not Relation.BASE
    ]
    if not parsed.values and parsed.mentions and rules.checkable_statement(text) and not heading:
        named = _claim(
            parsed.sent,
            lines,
            _Value(None, None, 0, len(text)),
            shared,
            entities=[m.entity for m in parsed.mentions],
            measure=frame.context,
            others=(),
            negated=negated,
            polarity=rules.polarity(text),
            scope=Scope.SENTENCE,
        )
        claims.append(replace(named, pairs=_pairs(text, parsed.pieces, parsed.mentions)))
    keys = tuple(dict.fromkeys(k for v in parsed.values for k in value_keys(v.quantity, v.date)))
    return [replace(c, values=keys) for c in claims]


def _speaker(text: str) -> Span:
    """Where a sentence that ends by naming who said it names them (", the central bank said.")."""
    m = rules.rules()["reporting tail"].pattern.search(text)
    if m is None:
        return (0, 0)
    return m.span("speaker") if m.group("speaker") else m.span("cited")


def _attributed(text: str, m: Mention) -> bool:
    """A body named as the owner of the document a fact was read in ("Rosatom's 2021 annual report
    put Russia first"): like a reporting outlet, not what the fact is about. A country's own
    figures ("China's customs data") are about it, and so is a bracket's owner ("4.2% (the World
    Bank's estimate)"): a figure's bracket names whose figure it is."""
    if m.kind in ent_mod.GEO or not rules.rules()["source document"].pattern.match(text, m.end):
        return False
    # Outside a bracket opened just before it (a bracket's owner is looked for near its figure; the
    # window keeps a sentence of thousands of names linear).
    lo = max(0, m.start - _BRACKET_WINDOW)
    return text.rfind("(", lo, m.start) <= text.rfind(")", lo, m.start)


_BRACKET_WINDOW = 200


def _discourse(q: Quantity) -> bool:
    """ "Two caveats", "three lessons": a count of the parts of an argument, not a figure."""
    return q.dimension == "count" and q.unit in _discourse_stems()


@cache
def _discourse_stems() -> frozenset[str]:
    return frozenset(stem(w) for e in table("discourse_nouns") for w in e["words"])


def value_keys(q: Quantity | None, d: DateValue | None) -> tuple[str, ...]:
    """A value as retrieval keys: its unit and number at four significant digits ("percent:27",
    "USD:2.9e+09", "CNY/JPY:4.76e+11" for currencies that share a sign), both ends of a range; a
    date as its years."""
    if q is not None:
        unit = qty_mod.key_unit(q)
        return tuple(f"{unit}:{x:.4g}" for x in (q.value, q.high) if x is not None)
    if d is not None and d.year:
        return tuple(f"year:{y}" for y in range(d.year, (d.end_year or d.year) + 1))[:12]
    return ()


def _antecedent(text: str, before: tuple[Mention, ...]) -> list[Mention]:
    """What "He", "It" or "The company" opening a sentence stands for: the first entity of the
    sentence before that can be one (a person for "He"; anything but a person for "It")."""
    m = rules.REFERS_BACK.pattern.search(text)
    if m is None:
        return []
    # The pronoun opens the sentence, or follows its opening phrase ("In post since 2013, she").
    words = m.group().strip().split()
    word = (words[-1] if "," in m.group() else words[0]).lower()
    person = word in _persons()
    if person:
        # A person the gazetteer knows, else a name of two or three words the way people are named
        # (no head noun: "Fisheries Agency" is no one).
        fits = [b for b in before if b.kind == "person"] or [
            b
            for b in before
            if b.kind == "name" and 2 <= len(b.text.split()) <= 3 and ent_mod.name_kind(b.text) == "name"
        ]
    else:
        fits = [b for b in before if b.kind != "person"]
    return fits[:1]


@cache
def _persons() -> frozenset[str]:
    """The pronouns that stand for a person ("He", "Her"), lower case."""
    entry = next(e for e in table("rules") if e["name"] == "refers back")
    return frozenset(str(w).lower() for w in entry["persons"])


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
            and rules.rules()["list separator"].pattern.fullmatch(text, run[-1].end, m.start)
        ):
            run.append(m)
            continue
        # A list joins its last item with "and" or "or"; "Moscow, China's trade" is no list.
        if len(run) >= 2 and rules.rules()["list end"].pattern.search(text, run[-2].end, run[-1].start):
            spans.append((run[0].start, run[-1].end))
        run = [m] if m is not None else []
    return spans


def _pairs(text: str, pieces: list[tuple[int, int]], mentions: list[Mention]) -> tuple[Pair, ...]:
    """What a named statement says of which entity. Words go with an entity when the language ties
    them: the entity modifies them ("Kazakh vodka", "Kyrgyz dark chocolate") or they come from, of or
    in it ("vodka from Kyrgyzstan"); entities of one piece go with each other ("the Mes Aynak copper
    mine in Logar")."""
    out: list[Pair] = []
    for lo, hi in pieces:
        inside = [m for m in mentions if lo <= m.start < hi]
        for m in inside:
            after = _MODIFIES.match(text, m.end, hi)
            before = rules.rules()["belongs to"].pattern.search(text, lo, m.start)
            for phrase in (after.group(1) if after else "", before.group(1) if before else ""):
                out += [Pair(m.entity, t) for t in content_terms(phrase)]
        out += [
            Pair(a.entity, b.entity, partner=True) for a in inside for b in inside if a.entity != b.entity
        ]
    return tuple(dict.fromkeys(out))


_MODIFIES = re.compile(r"(?:'s)?\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)")


def _respectively(
    own: list[list[Mention]], values: list[_Value], mentions: list[Mention], clause: Span, said: int
) -> tuple[list[list[Mention]], bool]:
    """ "Kazakhstan and Uzbekistan ... from 0.19 to 0.79 and 0.17 to 0.68 respectively": the n-th
    entity of a list owns the n-th value (or the n-th pair of a change's two ends). The list is the
    names between the last figure and "respectively" ("31% and 28% of the services used by EU and
    US utilities respectively"), else the longest list of one kind before the figures. Also whether
    the figures were so paired. Only the figures and names of its clause count."""
    lo, hi = clause
    figures = [i for i, v in enumerate(values) if v.quantity is not None and lo <= v.start < hi]
    if not figures:
        return own, False
    after: list[Mention] = []
    for m in mentions:
        if values[figures[-1]].end <= m.start < said and all(m.entity != a.entity for a in after):
            after.append(m)
    kinds: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.start < lo:
            continue
        if m.start >= values[figures[0]].start:
            break  # the list being paired comes before the figures
        if all(m.entity != k.entity for k in kinds.get(m.kind, [])):
            kinds.setdefault(m.kind, []).append(m)
    listed = max(kinds.values(), key=len, default=[])
    if len(after) >= 2 and not len(figures) % len(after):
        listed = after
    if len(listed) < 2 or len(figures) % len(listed):
        return own, False
    per = len(figures) // len(listed)
    out = [list(x) for x in own]
    for j, i in enumerate(figures):
        out[i] = [listed[j // per]]
    return out, True


def _period(
    v: _Value,
    dated: list[_Value],
    figures: list[int],
    clause: Span,
    parsed: _Parsed,
    bracket: Span | None = None,
    starts: Sequence[int] = (),
) -> tuple[int, int] | None:
    """The years a figure is for: a date in the parenthesis right after it ("52 GW (September
    2022)"), else the date that follows it before the next figure ("10 MW in 2019 to 230 MW at the
    end of 2022"), else the nearest date before it in its clause, else a date the sentence opens
    with ("In 2011, ...") or the first date after it in its clause (a run of figures and then their
    years: "from 0.19 to 0.78 and 0.18 to 0.67 between 2014 and 2018"). A date right after a change's
    start or a comparison's base is that figure's alone ("$8.9bn, compared with $8.6bn in 2023"), and
    one in a relative clause after the figure its clause's (", which was finished in 2017"). A
    date elsewhere dates its own event: one in an aside ("Smallpox, certified as eradicated in 1979,
    is one of seven") or in another clause ("the port (opened in 2012) handles 40% of ...") gives no
    year to the figure. `dated` and `figures` (the starts of the figures) are sorted, so each look-up
    is a bisection, linear in all for a sentence of thousands of numbers."""
    if v.quantity is None or not dated:
        return None
    k = bisect.bisect_right(figures, v.start)
    limit = min(figures[k] if k < len(figures) else clause[1], clause[1])
    j = bisect.bisect_right(dated, v.start, key=lambda d: d.start)
    if bracket is not None:
        limit = max(limit, bracket[1])  # the parenthesis is the figure's, whatever clause it closes
    if (
        j < len(dated)
        and dated[j].start < limit
        and not _described(parsed.text, v.end, dated[j].start)
        # "$1.18bn in 2022, and in 2021 to $664 million": a date that opens the next piece is its own
        and not _opens_next(parsed, v.start, dated[j].start)
    ):
        pick = dated[j]
    elif (
        j > 0
        and dated[j - 1].start >= clause[0]
        and not parsed.aside(dated[j - 1].start, v.start)
        and not _start_dated(dated[j - 1].start, figures, starts, v.start)
        and _within_change(v, dated[j - 1])
    ):
        pick = dated[j - 1]
    elif (
        parsed.pieces and dated[0].start < min(parsed.pieces[0][1], v.start) and _within_change(v, dated[0])
    ) or (
        v.start < dated[0].start < clause[1]
        and _within_change(v, dated[0])
        and not _start_dated(dated[0].start, figures, starts, v.start)
        and not _described(parsed.text, v.end, dated[0].start)
    ):
        pick = dated[0]
    else:
        return None
    year = pick.date.year if pick.date else None
    if pick.date is None or year is None:
        return None
    return year, pick.date.end_year or year


def _opens_next(parsed: _Parsed, figure: int, date: int) -> bool:
    """The date stands in a later piece than the figure, joined to it by "and" ("..., and in 2021
    to $664 million"): it dates what that piece says."""
    mine, theirs = parsed.piece(figure), parsed.piece(date)
    return theirs[0] > mine[0] and bool(
        rules.rules()["next piece"].pattern.search(parsed.text, mine[1], theirs[0])
    )


def _within_change(v: _Value, date: _Value) -> bool:
    """A change's start is not at a date other than its own ("more than doubled in 2024, to 7.5% from
    3.1%": 2024 is when the change ends), but within a span of the whole change ("between 2021 and
    2024, from 13% to 38%")."""
    own = v.quantity is None or v.quantity.role is not Role.FROM
    return own or (date.date is not None and bool(date.date.end_year))


def _clause_side(clause: Polarity, pieces: Sequence[Polarity]) -> Polarity:
    """The sides a figure with none in its own piece takes from its clause, but for a change of a
    measure that another figure's piece takes: "which had reached 32 million tonnes in 2019, fell to
    zero" is the zero's fall, not the 32 million's. Only for a figure with words of its own: a list
    item ("jumping from 25 to 35 for Kyrgyzstan, 26 to 45 for Uzbekistan") continues the change before
    it. `pieces` are the sides of the pieces of the clause's figures that are no change's start."""
    held = {s for p in pieces for s in p.stances if s.opposition in rules.of_measures()}
    return replace(clause, stances=clause.stances - held) if held else clause


def _direction(text: str, v: _Value) -> list[str]:
    """ "Up 43%", "down 12%": the measure word of the rise or fall a figure is the size of."""
    if v.quantity is None:
        return []
    rule = rules.rules()["figure direction"]
    m = rule.pattern.search(text, max(0, v.start - _DIRECTION_WINDOW), v.start)
    if m is None or (m.group("by") and v.quantity.dimension in ("count", "number")):
        return []
    return [str(rules.rule_field("figure direction", "up" if m.group("up") else "down"))]


_DIRECTION_WINDOW = 11  # characters before a figure: "down by " and a space or two


def _described(text: str, lo: int, hi: int) -> bool:
    """Whether a relative clause opens between a figure and a date after it (", which was finished in
    October 2017"): the date is the clause's event's."""
    return rules.rules()["relative clause"].pattern.search(text, lo, hi) is not None


def _start_dated(date: int, figures: Sequence[int], starts: Sequence[int], own: int) -> bool:
    """Whether the figure right before a date is a change's start or a comparison's base, other than
    the figure being dated: "rose to 3.1 billion kWh from 2.4 billion kWh in 2022, with Uzbekistan
    taking 1.9 billion kWh" dates the 2.4 billion, not the 1.9 billion."""
    k = bisect.bisect_left(figures, date) - 1
    if k < 0 or figures[k] == own:
        return False
    i = bisect.bisect_left(starts, figures[k])
    return i < len(starts) and starts[i] == figures[k]


# The roles of a figure that is the earlier end of a change or a comparison.
_STARTS = frozenset({Role.FROM, Role.BASE})


def _parenthesised(text: str, clause: tuple[int, int], mentions: list[Mention]) -> list[Mention]:
    """ "India (Jan. 2022, Virtual Summit)": a parenthesis qualifies the name just before it."""
    lo = clause[0]
    if lo == 0 or text[lo - 1] != "(":
        return []
    return [m for m in mentions if 0 <= (lo - 1) - m.end <= 2]


def _family(kind: str) -> str:
    """Entity kinds that take one another's place in a list of figures: whoever gives a figure (a
    company, a person, a body) for whoever gives the next ("1.5% according to VTB, 2.5% by the
    minister's count")."""
    return "actor" if kind in ent_mod.ACTORS or kind == "organisation" else kind


def _apposed_to(parsed: _Parsed, v: _Value) -> Mention | None:
    """ "Saudi Arabia, at 12.6 percent, supplied ...": the name a figure is set off after."""
    i = bisect.bisect_left(parsed.mentions, v.start, key=lambda m: m.start) - 1
    if v.quantity is None or i < 0:
        return None
    m = parsed.mentions[i]
    return m if rules.rules()["apposed figure"].pattern.fullmatch(parsed.text, m.end, v.start) else None


def _bracket_after(parsed: _Parsed, v: _Value) -> Span | None:
    """The parenthesis right after a figure, when it holds no figure of its own: it says whose the
    figure is or when ("1.5% (according to VTB)", "52 GW (September 2022)"); one with a figure in it
    restates the first in another unit ("EUR 2bn ($2.2bn)")."""
    text = parsed.text
    if v.quantity is None:
        return None
    lo = v.end
    while lo < len(text) and text[lo].isspace():
        lo += 1
    if lo >= len(text) or text[lo] != "(":
        return None
    hi = parsed.closing(lo)
    if hi < 0:
        return None
    # Perf: values are sorted, so the figures inside are found by bisection, not by a scan per value.
    inside = parsed.values[bisect.bisect_right(parsed.values, lo, key=lambda x: x.start) :]
    if any(x.quantity is not None for x in itertools.takewhile(lambda x: x.start < hi, inside)):
        return None
    return lo, hi


def _clause_subject(parsed: _Parsed, pos: int, solo: set[str]) -> list[Mention]:
    """A value with no entity of its own takes its clause's, leaving out those that other values
    own; a clause with none (a parenthesis, "(37 percent of all imports)") takes the clause before."""
    clauses = parsed.clauses
    # Perf: clauses are sorted and disjoint, so the value's is found by bisection and its entities
    # by `within`, not by a scan per value (quadratic on a sentence of many parentheses).
    k = bisect.bisect_right(clauses, pos, key=lambda s: s[0]) - 1
    if not (k >= 0 and clauses[k][0] <= pos < clauses[k][1]):
        k = len(clauses) - 1
    mine = [m for m in parsed.within(clauses[k]) if m.entity not in solo]
    if mine or k == 0:
        return mine
    return parsed.within(clauses[k - 1])


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


@dataclass(frozen=True, slots=True)
class _Shared:
    """The fields every claim of a sentence has alike (see `Claim`)."""

    context: tuple[str, ...]
    names: tuple[str, ...]
    nearby: tuple[str, ...]


def _claim(
    sent: Sentence,
    lines: LineIndex,
    v: _Value,
    shared: _Shared,
    *,
    entities: Sequence[str],
    measure: Sequence[str],
    others: Sequence[str],
    negated: bool,
    polarity: Polarity,
    scope: Scope,
    period: tuple[int, int] | None = None,
) -> Claim:
    start, end = sent.start + v.start, sent.start + v.end
    line, col = lines.position(start)
    end_line, end_col = lines.position(max(start, end - 1))
    kind = (
        ClaimKind.NUMERIC
        if v.quantity is not None
        else ClaimKind.DATE
        if v.date is not None
        else ClaimKind.NAMED
    )
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
        terms=tuple(dict.fromkeys(measure)),
        context=shared.context,
        quantity=v.quantity,
        date=v.date,
        negated=negated,
        polarity=polarity,
        names=shared.names,
        others=tuple(others),
        nearby=shared.nearby,
        scope=scope,
        period=period,
    )

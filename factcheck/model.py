"""Plain data that flows between the pipeline's stages.

read -> segment -> extract -> store/index -> match -> verdict -> report. Every stage takes and returns
these frozen records, so a stage can be tested alone and none reaches back into another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONFLICTING = "conflicting"
    UNSUPPORTED = "unsupported"


class ClaimKind(StrEnum):
    """What a claim states: a figure, a date, or a named statement of who did what."""

    NUMERIC = "numeric"
    DATE = "date"
    NAMED = "named"


class Bound(StrEnum):
    """What a hedge makes of a figure: "about 40" is APPROX, "at least 40" MIN, "up to 40" MAX."""

    EXACT = "exact"
    APPROX = "approx"
    MIN = "min"
    MAX = "max"


class Role(StrEnum):
    """A figure's place in a change written with both ends ("from 1.1% to 4.3%") or in a comparison
    with an earlier figure; NONE otherwise."""

    NONE = ""
    FROM = "from"
    TO = "to"
    # what a later figure is measured against ("compared with $8.6bn in 2023", "twice the 2,100
    # tonnes"): the start of a change only when the two figures are of one measure in two periods
    BASE = "base"


# The two ends of a change written with both: only these contradict each other ("from 4.3% to 1.1%"
# where the source went from 1.1% to 4.3%); a base may stand against any level ("came to $0.6bn").
CHANGE_ENDS = frozenset({Role.FROM, Role.TO})


class Relation(StrEnum):
    """How a date bounds what the sentence says: "since 2018", "by 2030", "between 2014 and 2018" (a
    span of years); BASE is what a change is measured against ("up 8% compared with 2021"), not the
    period of its figure; NONE places it ("in 2019")."""

    NONE = ""
    SINCE = "since"
    BY = "by"
    UNTIL = "until"
    BEFORE = "before"
    AFTER = "after"
    BETWEEN = "between"
    BASE = "base"


class Scope(StrEnum):
    """Where a figure's subjects were found, from the narrowest: its list item or parenthesis, its
    own piece of the sentence, the figure of a whole list, its clause, the whole sentence. The
    narrower the scope, the more surely the entities are the figure's own."""

    ITEM = "item"
    PIECE = "piece"
    GROUP = "group"
    CLAUSE = "clause"
    SENTENCE = "sentence"


# A name the gazetteer does not know is still an entity, with this prefix before the name as written
# ("name:Vega"), so that it never collides with a gazetteer id. Built and read only by the two
# functions below.
_UNKNOWN = "name:"


def unknown_entity(name: str) -> str:
    """The entity id of a name the gazetteer does not know."""
    return _UNKNOWN + name


def unknown_name(entity: str) -> str | None:
    """The name as written, when `entity` is the id of a name the gazetteer does not know."""
    return entity[len(_UNKNOWN) :] if entity.startswith(_UNKNOWN) else None


@dataclass(frozen=True, slots=True)
class Pair:
    """What a named statement says of one of its entities: `word` is a stemmed content word of the
    phrase around the entity ("Kazakh vodka": KZ and "vodka"), or, when `partner` is true, the id of
    another entity named with it ("the mine in Logar": the mine's name and Logar). A draft that
    pairs the same entities and words the other way round is saying something else."""

    entity: str  # the entity id
    word: str  # a stemmed word, or the partner's entity id
    partner: bool = False  # `word` is an entity id

    def to_plain(self) -> str:
        # Stores write a pair as one string, "KZ>vodka" or "KZ>@CN": short, and diff-friendly.
        return f"{self.entity}>{'@' if self.partner else ''}{self.word}"

    @classmethod
    def from_plain(cls, raw: object) -> Pair:
        if not isinstance(raw, str) or ">" not in raw:
            raise ValueError(f"expected 'entity>word', got {raw!r}")
        entity, _, word = raw.partition(">")
        return cls(entity, word.removeprefix("@"), word.startswith("@"))


class Side(StrEnum):
    """Which side of an opposition a sentence takes ("rise" against "fall")."""

    FOR = "+"
    AGAINST = "-"


@dataclass(frozen=True, slots=True)
class Stance:
    """The side a sentence takes in one opposition of the measure lexicon (`opposition` is the
    lexicon's name for the pair of opposites, such as "rise")."""

    opposition: str
    side: Side

    def opposite(self) -> Stance:
        return Stance(self.opposition, Side.AGAINST if self.side is Side.FOR else Side.FOR)


@dataclass(frozen=True, slots=True)
class Polarity:
    """The direction a sentence states: its stances, and whether it states a rule by its exception
    ("every state except Turkmenistan joined"), which turns its negation around."""

    stances: frozenset[Stance] = frozenset()
    exception: bool = False

    def __bool__(self) -> bool:
        return bool(self.stances) or self.exception

    def turned(self, other: Polarity) -> str:
        """The opposition these take opposite sides in ("" when none): "rose" against "fell"."""
        for s in sorted(self.stances, key=lambda s: (s.opposition, s.side)):
            if s.opposite() in other.stances and s not in other.stances:
                return s.opposition
        return ""

    def to_plain(self) -> list[str]:
        # Stores write the polarity as a sorted list of strings: "rise:+", "except".
        words = [f"{s.opposition}:{s.side.value}" for s in self.stances]
        return sorted(words + (["except"] if self.exception else []))

    @classmethod
    def from_plain(cls, raw: object) -> Polarity:
        if not isinstance(raw, list | tuple) or not all(isinstance(w, str) for w in raw):
            raise ValueError(f"expected a list of 'opposition:+' or 'opposition:-', got {raw!r}")
        stances = set()
        for w in raw:
            if w == "except":
                continue
            name, _, side = w.rpartition(":")
            if not name or side not in ("+", "-"):
                raise ValueError(f"expected 'opposition:+' or 'opposition:-', got {w!r}")
            stances.add(Stance(name, Side(side)))
        return cls(frozenset(stances), "except" in raw)


class ExitCode(IntEnum):
    """The one place the exit policy lives."""

    OK = 0
    FINDINGS = 1
    ERROR = 2  # bad input or usage
    INTERNAL = 3  # a bug: please report


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose in a document: its text and the offset of its first character in the document."""

    text: str
    offset: int
    heading: bool = False  # a title states no named claim, though a figure in it is still checked
    note: bool = False  # a footnote or endnote: its citations are not claims
    # a heading that opens a section (not a table's column head): its names are the section's topic
    section: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    text: str
    blocks: tuple[Block, ...]
    meta: dict[str, str | None] = field(default_factory=dict)
    # Where each page or paragraph of a laid-out original (PDF, HTML, Word) starts in `text`, sorted by
    # offset, with the locator a citation shows for it ("p. 12", "para. 4"); empty for text files.
    places: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset in the document
    block: int  # index of the block it belongs to: anaphora never crosses blocks


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts or measures, normalised so that 43%, 43 percent and forty-three
    per cent are equal, and $19.8bn equals 19.8 billion dollars.

    `value` and `high` are in base units (scale applied); `high` is set for ranges. `precision` is the
    place value of the last written digit, also scaled ("20.6" -> 0.1, "$13 billion" -> 1e9), which is
    what rounding is judged by. `unit` is a canonical unit ("percent", "USD", "km2", "day", "company")
    and `dimension` the family that units of one kind share ("money", "count"...).
    """

    value: float
    high: float | None
    unit: str
    dimension: str
    bound: Bound  # what its hedge makes of it: exact, approximate, a floor or a ceiling
    precision: float
    role: Role  # its end of a change written with both ends
    text: str  # the figure as written, hedge included
    # Its offsets in the text it was found in (the sentence); a stored claim's quantity leaves them
    # out, as the claim's own offsets say where it is.
    start: int
    end: int
    # The hedge as written before the figure ("at least", "fewer than", "just under"), lower case; ""
    # when there is none. `bound` is what it means; the words are kept so a message can say what the
    # source said ("at least" is not "more than").
    hedge: str = ""
    # A figure that restates another in the same text, in another currency or unit ("EUR 2bn ($2.2bn)"):
    # the `start` of the figure it restates; None for a figure of its own.
    alt_of: int | None = None


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date or a span of years, as precise as it was written."""

    # The date as written, each part None when not given ("March 2014" has no day; "the 1990s" is
    # 1990 to 1999).
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None  # the last year of a span ("2014-2018"), else None
    relation: Relation  # how the date bounds the statement ("since", "by")
    text: str  # the date as written
    # Offsets in the sentence (left out in a store, as for quantities).
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str  # the gazetteer's id ("KG", "sco"), or `unknown_entity(name)` for a name it lacks
    kind: str  # one of `entities.KINDS`: country, organisation, company, person, ...
    text: str  # the name as written
    # Offsets in the sentence.
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement: a value (quantity or date) or a named statement, with its context.

    Built by `extract.extract` for drafts and sources alike (a store holds the sources' claims, written
    and read by `codec`); read by `match` (retrieval keys), `same` (is it the same thing?) and
    `verdict`. Entity fields hold entity ids (see `Mention.entity`).
    """

    kind: ClaimKind  # a figure, a date or a named statement
    quote: str  # the sentence as written (Markdown escapes removed)
    # Where the claim's own figure, date or statement is: 1-based line and column of its first and
    # last character, and its offsets in the document.
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    entities: tuple[str, ...]  # what the value is about: the subjects found at `scope`
    # The measure words: stemmed content words of the value's clause (and, for a sentence that refers
    # back, "It rose to ...", of the sentence it refers to). What is counted or measured.
    terms: tuple[str, ...]
    context: tuple[str, ...]  # stemmed content words of the whole sentence: retrieval and similarity
    quantity: Quantity | None = None  # set for a numeric claim
    date: DateValue | None = None  # set for a date claim
    negated: bool = False  # the sentence denies what it states ("did not sign")
    polarity: Polarity = Polarity()  # the direction it states (rose or fell, joined or left)
    names: tuple[str, ...] = ()  # every entity of the sentence (and of the one it refers back to)
    others: tuple[str, ...] = ()  # entities that other values of the same sentence claim as theirs
    nearby: tuple[str, ...] = ()  # entities of the previous sentence of the paragraph: the topic
    scope: Scope = Scope.PIECE  # where `entities` were found
    period: tuple[int, int] | None = None  # the years a figure is for ("in 2018", "between 2014 and 2018")
    pairs: tuple[Pair, ...] = ()  # which words a named statement says of which entity
    # Every value of the sentence as an opaque key (`extract.value_keys`: unit and number, or year):
    # values are retrieval keys, and figures a draft and a source sentence share are evidence that
    # they state the same thing. Keys are compared, never parsed.
    values: tuple[str, ...] = ()
    source: str = ""  # the work id (store claims only; set by `store.build`)
    file: str = ""  # the source file (store claims only)
    id: str = ""  # a stable id within the store (store claims only)
    locator: str | None = None  # where in a PDF, HTML or Word source the claim is: "p. 12", "para. 4"


@dataclass(frozen=True, slots=True)
class Work:
    """A source work: one article, report or chapter, with its citation metadata."""

    id: str
    file: str
    title: str | None
    author: str | None
    publisher: str | None
    date: str | None
    url: str | None
    lines: tuple[int, int] | None = None

    def citation(self, locator: str | None = None) -> str:
        """Author, “Title”, Publisher, date, then the claim's locator ("p. 12") when it has one."""
        parts = [self.author or "Unknown author", f"\u201c{self.title}\u201d" if self.title else "untitled"]
        parts += [p for p in (self.publisher, self.date, locator) if p]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Evidence:
    claim: Claim
    work: Work
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class Finding:
    claim: Claim
    verdict: Verdict
    message: str
    evidence: tuple[Evidence, ...]
    considered: tuple[Evidence, ...] = ()  # for --verbose: the candidates weighed
    accepted: str | None = None  # the reason of a `<!-- factcheck: accept "..." -->`; never fails


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class StoreInfo:
    path: str
    sources: int
    claims: int


@dataclass(frozen=True, slots=True)
class Report:
    store: StoreInfo
    files: tuple[FileReport, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(f.verdict is verdict for fr in self.files for f in fr.findings)

    @property
    def claims(self) -> int:
        return sum(len(fr.findings) for fr in self.files)

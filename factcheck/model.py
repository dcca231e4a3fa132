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
    bound: str  # exact | approx | min | max
    precision: float
    role: str  # "" | from | to : the two ends of a change ("from 1.1% to 4.3%")
    text: str
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

    year: int | None
    month: int | None
    day: int | None
    end_year: int | None
    relation: str  # "" | since | by | until | before | after
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str  # canonical id from the gazetteer ("KG", "sco") or "name:<Text>" for an unknown name
    kind: str  # country, organisation, company, person, ...
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement: a value (quantity or date) or a named statement, with its context.

    `quote` is the sentence as written; `start`/`end` the claim's own span inside the document.
    `terms` are the measure words (stemmed content words of the clause and, for anaphora, of the
    sentence it refers to); `entities` the entity ids the claim is about.
    """

    kind: str  # numeric | date | named
    quote: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    entities: tuple[str, ...]
    terms: tuple[str, ...]
    context: tuple[str, ...]  # terms of the whole sentence, for retrieval and similarity
    quantity: Quantity | None = None
    date: DateValue | None = None
    negated: bool = False
    polarity: tuple[str, ...] = ()  # direction words ("rise", "oppose") normalised to a signed form
    names: tuple[str, ...] = ()  # every entity of the sentence (and of the one it refers back to)
    others: tuple[str, ...] = ()  # entities that other values of the same sentence claim as theirs
    nearby: tuple[str, ...] = ()  # entities of the previous sentence of the paragraph: the topic
    # Where `entities` came from: a list item or parenthesis ("item"), the value's own piece of the
    # sentence, its clause, or the whole sentence.
    scope: str = "piece"
    period: tuple[int, int] | None = None  # the years a figure is for ("in 2018", "between 2014 and 2018")
    pairs: tuple[str, ...] = ()  # "entity>word": which words a named statement says of which entity
    # Every value of the sentence as a key ("percent:27", "year:2015"): values are retrieval keys, and
    # figures a draft and a source sentence share are evidence that they state the same thing.
    values: tuple[str, ...] = ()
    source: str = ""  # work id (store claims only)
    file: str = ""
    id: str = ""
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

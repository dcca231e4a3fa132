"""Language rules: what is not a claim, what refers back, what negates, which words oppose.

The rules are data, in `lang/en/rules.yaml`: each a pattern built from its word lists, with its reason
and examples that must match and must not; `tests/test_rules.py` runs every example. The opposed
words are the "opposites" entries of `lang/en/measure_lexicon.yaml`. Tables are read on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck import derived
from factcheck.lang import table
from factcheck.lang.build import alternation, fill
from factcheck.model import Polarity, Side, Stance
from factcheck.text import content_terms, fold, stem, stopwords


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    why: str
    matches: tuple[str, ...]
    rejects: tuple[str, ...]

    def search(self, text: str) -> bool:
        return self.pattern.search(text) is not None


@functools.cache
@derived.compiling  # many patterns: the cache is written once
def rules() -> dict[str, Rule]:
    """Every rule of `rules.yaml` by name, compiled once."""
    out = {}
    for e in table("rules"):
        flags = re.I if e.get("ignore_case") else 0
        pattern = derived.regex(fill(e["pattern"], e.fields), flags)
        out[e["name"]] = Rule(e["name"], pattern, e.why, e.match, e.reject)
    return out


@functools.cache
def _not_until() -> re.Pattern[str]:
    """ "did not sign up until April 2007": what follows a negation when it dates rather than denies."""
    return re.compile(rf"[^.;]{{0,80}}?\b{alternation(_entry('negation')['unless_then'])}\b", re.I)


def _entry(name: str) -> Any:
    return next(e for e in table("rules") if e["name"] == name)


@functools.cache
def rule_field(name: str, key: str) -> Any:
    """A field of a rule's entry beside its pattern ("the measure word 'up' gives")."""
    return _entry(name)[key]


# The names other modules import, each resolved on first use (PEP 562) so that importing costs nothing.
_BY_NAME = {
    "QUESTION": "question",
    "SELF_REFERENCE": "self-reference",
    "OPINION": "opinion",
    "ANAPHORA": "anaphora",
    "REFERS_BACK": "refers back",
    "NEGATION": "negation",
    "RESPECTIVELY": "respectively",
    "EXCEPTION": "exception",
    "BIBLIOGRAPHIC": "bibliographic date",
    "CITATION": "citation",
}


def __getattr__(name: str) -> Any:
    if name in _BY_NAME:
        return rules()[_BY_NAME[name]]
    if name == "RULES":
        return tuple(rules().values())
    if name == "OPPOSITES":
        return _opposites()
    if name == "NOT_UNTIL":
        return _not_until()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _opposites() -> tuple[tuple[frozenset[str], frozenset[str], str], ...]:
    """Words whose meanings oppose, as (positive, negative, name): a named claim that uses one where its
    source uses the other disagrees with it."""
    return tuple(
        (frozenset(e["positive"]), frozenset(e["negative"]), str(e["name"]))
        for e in table("measure_lexicon")
        if e.get("kind") == "opposites"
    )


@functools.cache
def _opposed_stems() -> tuple[tuple[frozenset[str], frozenset[str], str], ...]:
    """The opposites as stems, so "raised" meets "raise" and "opponents" meets "opponent"; a phrase is
    the stems of its words ("turned down" meets "turn down")."""

    def stems(words: frozenset[str]) -> frozenset[str]:
        return frozenset(" ".join(stem(w) for w in p.split()) for p in words)

    return tuple((stems(pos), stems(neg), name) for pos, neg, name in _opposites())


@functools.cache
def of_measures() -> frozenset[str]:
    """The oppositions that are changes of a measure ("raise/cut"): each figure has its own."""
    return frozenset(
        str(e["name"]) for e in table("measure_lexicon") if e.get("kind") == "opposites" and e.get("measured")
    )


@functools.cache
def _measures() -> tuple[frozenset[str], ...]:
    """The lexicon's groups of measure words, as stems ("net income" as its words' stems)."""
    return tuple(
        frozenset(" ".join(stem(w) for w in str(word).split()) for word in group)
        for e in table("measure_lexicon")
        if e.get("kind") == "measures"
        for group in e["groups"]
    )


def other_measures(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether two sets of stemmed words name measures, none the same ("profit" against "revenue"):
    the draft figure's own words against the source sentence's. The whole sentence, because a source
    often names its measure away from the figure ("revenue reached 1.8 trillion tenge, a rise of
    26%"); a sentence of two measures answers a figure of either."""
    a, b = _groups_of(tuple(mine)), _groups_of(tuple(theirs))
    return bool(a) and bool(b) and not a & b


@functools.lru_cache(maxsize=4096)  # perf: asked for each candidate of each claim, mostly the same words
def _groups_of(words: tuple[str, ...]) -> frozenset[int]:
    single, phrases = _measure_index()
    found = {single[w] for w in words if w in single}
    if phrases:
        joined = f" {' '.join(words)} "
        found |= {i for p, i in phrases if f" {p} " in joined}
    return frozenset(found)


@functools.cache
def _measure_index() -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """Each measure word's group, and the phrases ("net income") with theirs."""
    single: dict[str, int] = {}
    phrases = []
    for i, group in enumerate(_measures()):
        for w in group:
            if " " in w:
                phrases.append((w, i))
            else:
                single[w] = i
    return single, tuple(phrases)


@functools.cache
def opposed_words(opposition: str) -> frozenset[str]:
    """The stems of both sides of an opposition of the lexicon ("support", "veto" ...)."""
    return frozenset().union(*(pos | neg for pos, neg, name in _opposed_stems() if name == opposition))


def not_a_claim(text: str) -> bool:
    r = rules()
    return r["question"].search(text) or r["self-reference"].search(text) or r["definition"].search(text)


def checkable_statement(text: str) -> bool:
    """A sentence with no figure is a named claim only when it reports rather than judges."""
    return not _unreported(rules()["opinion"].pattern.search(text), text) and len(text.split()) >= 5


@functools.lru_cache(maxsize=1024)  # perf: reconcile asks again for each figure of a sentence
def judges(text: str) -> bool:
    """Speculation, advice or judgement ("would do well to", "it seems likely"), not a modal alone,
    and not one the sentence reports someone made ("analysts warned that ... may ultimately")."""
    return _unreported(_judgement().search(text), text)


def _unreported(judgement: re.Match[str] | None, text: str) -> bool:
    return judgement is not None and not rules()["reported judgement"].pattern.search(
        text, 0, judgement.start()
    )


@functools.cache
def _judgement() -> re.Pattern[str]:
    return re.compile(rf"\b{alternation(_entry('opinion')['words'])}\b", re.I)


def anaphoric(text: str) -> bool:
    return rules()["anaphora"].search(text)


def negated(text: str) -> bool:
    """Negated, unless the only negation is "not ... until", which dates the act rather than denies it
    ("did not sign up until April 2007")."""
    return any(not _dates_the_act(text, m) for m in rules()["negation"].pattern.finditer(text))


def negates(text: str, terms: Iterable[str]) -> bool:
    """A negation of the sentence governs some of these words (a claim's measure words): they stand
    in its clause, after it ("voted against the bid" is not negated by "Turkmenistan rejected a
    proposal; ..." before it)."""
    wanted = set(terms)
    for m in rules()["negation"].pattern.finditer(text):
        if _dates_the_act(text, m):
            continue
        if not wanted or wanted & set(content_terms(text[m.start() : _clause_end(text, m.end())])):
            return True
    return False


def _dates_the_act(text: str, negation: re.Match[str]) -> bool:
    """A "not" followed by "until" or "before" ("did not sign up until April 2007"): it dates the act,
    it does not deny it."""
    return negation.group().lower() in ("not", "n't") and _not_until().match(text, negation.end()) is not None


@dataclass(frozen=True, slots=True)
class Denials:
    """What a sentence denies and what it affirms, as stemmed content words. A term it both denies and
    affirms ("did not rise in May but rose in June") is only affirmed."""

    denied: tuple[tuple[str, str], ...]  # (term, the denial as written: "did not appropriate")
    affirmed: frozenset[str]
    # Every negation of the sentence ("negation" rule) is one read here, so what it denies is known;
    # not so for a verb of refusal ("rejected the offer").
    complete: bool = True


# A word, or a run of anything else (a comma, a figure, a bracket), which ends what a negation denies.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]+")


def _clause_end(text: str, pos: int) -> int:
    """Where the clause holding `pos` ends (a negation's reach; rule "clause end")."""
    m = rules()["clause end"].pattern.search(text, pos)
    return m.start() if m else len(text)


_DENIED_WORDS = 4  # "no joint storage fund": a negation governs a short run of words
_SKIPPED = 3  # "is not yet a member": function words passed over before the denied ones


@functools.lru_cache(maxsize=1024)  # verdicts ask again for each figure of a sentence
def denials(text: str) -> Denials:
    """The content words each negation of the sentence denies: the run of lowercase content words right
    after it ("never raised", "no joint storage fund"), past a few function words ("is not a member").
    A name, a figure or a punctuation mark ends the run: "not Russia" and "not 7%" contrast, they do
    not deny a word the other sentence may use."""
    text = fold(text)
    stop = stopwords()
    skip = frozenset(_entry("denial")["skip"])
    spans: list[tuple[int, int]] = []
    denied: dict[str, str] = {}
    for m in rules()["denial"].pattern.finditer(text):
        if _dates_the_act(text, m):
            continue
        run: list[re.Match[str]] = []
        skipped = 0
        for w in _TOKEN.finditer(text, m.end()):
            word = w.group()
            low = word.lower()
            if not run and skipped < _SKIPPED and (low in stop or low in skip):
                skipped += 1
                continue
            if not word[0].isalpha() or word[0].isupper() or low in stop or len(run) == _DENIED_WORDS:
                break
            run.append(w)
        end = run[-1].end() if run else m.end()
        # The negation is neither denied nor affirmed, and nor is the rest of its clause: "was not
        # grown on land deforested after 2020" affirms no deforesting.
        spans.append((m.start(), _clause_end(text, end)))
        if run:
            for term in content_terms(text[run[0].start() : end]):
                denied.setdefault(term, text[m.start() : end])
    starts = [0] + [b for _, b in spans]
    ends = [a for a, _ in spans] + [len(text)]
    affirmed = frozenset(content_terms(" . ".join(text[a:b] for a, b in zip(starts, ends, strict=True))))
    complete = all(
        any(a <= m.start() < b for a, b in spans) or _dates_the_act(text, m)
        for m in rules()["negation"].pattern.finditer(text)
    )
    return Denials(tuple((t, p) for t, p in denied.items() if t not in affirmed), affirmed, complete)


def bibliographic_date(text: str, start: int) -> bool:
    return rules()["bibliographic date"].search(text[max(0, start - 30) : start])


@functools.lru_cache(maxsize=256)  # perf (issue 6): extract asks again for each value of a clause
def polarity(text: str) -> Polarity:
    """The sides the sentence takes in the lexicon's oppositions, and whether it states a rule by
    its exception ("every state except Turkmenistan joined")."""
    seq = [stem(w) for w in re.findall(r"[a-z]+", text.lower())]
    stems = set(seq)
    joined = f" {' '.join(seq)} "
    found = {
        Stance(name, side)
        for pos, neg, name in _opposed_stems()
        for side, words in ((Side.FOR, pos), (Side.AGAINST, neg))
        if stems & words or any(" " in p and f" {p} " in joined for p in words)
    }
    if rules()["refusal"].search(text):  # "declined an invitation", not "declined by 5%"
        found.add(Stance(str(_entry("refusal")["opposition"]), Side.AGAINST))
    return Polarity(frozenset(found), bool(rules()["exception"].search(text)))


_REFUSED = "refused"


@functools.cache
def _refusal_words() -> tuple[str, ...]:
    return tuple(str(w).lower() for w in _entry("refusal")["words"])


def refusals_as_words(text: str, blanked: str) -> str:
    """`blanked` (a copy of `text` of the same length) with each word of refusal ("declined an
    invitation") written as "refused", so its measure words meet "rejected" and "turned down" and
    not "fell": the sense is read on `text`, whose figures decide it ("declined by 5%")."""
    low = text.lower()
    if not any(w in low for w in _refusal_words()):  # perf: most sentences have none
        return blanked
    out = blanked
    for m in rules()["refusal"].pattern.finditer(text):
        width = m.end() - m.start()
        if width >= len(_REFUSED):
            out = out[: m.start()] + _REFUSED.ljust(width) + out[m.end() :]
    return out

"""Words: the stopwords, the stemmer's suffixes and the synonym groups of the measure lexicon, each
table's examples run through text.py (lang/en/stopwords, suffixes, measure_lexicon)."""

from __future__ import annotations

import pytest

from factcheck import text
from factcheck.lang import Entry, table
from factcheck.text import content_terms, stem

STOP = [(e, t) for e in table("stopwords") for t in e.match]
STOP_REJECT = [(e, t) for e in table("stopwords") for t in e.reject]


@pytest.mark.parametrize(("entry", "phrase"), STOP, ids=[t for _, t in STOP])
def test_stopwords_leave_no_term(entry: Entry, phrase: str) -> None:
    assert content_terms(phrase) == [], f"{entry['group']}: {phrase!r}"
    assert any(w.lower() in entry["words"] for w in phrase.split()), "the example uses the entry's words"


@pytest.mark.parametrize(("entry", "phrase"), STOP_REJECT, ids=[t for _, t in STOP_REJECT])
def test_near_misses_are_content_words(entry: Entry, phrase: str) -> None:
    assert content_terms(phrase), f"{entry['group']}: {phrase!r} should keep a content word"


def test_stopwords_are_listed_once() -> None:
    words = [w for e in table("stopwords") for w in e["words"]]
    assert len(words) == len(set(words)), "a stopword belongs to one group"
    assert text.STOPWORDS == frozenset(words) == text.stopwords()


SUFFIXES = [
    (e, x, ok) for e in table("suffixes") for ok, xs in ((True, e.match), (False, e.reject)) for x in xs
]


@pytest.mark.parametrize(("entry", "example", "ok"), SUFFIXES, ids=[x for _, x, _ in SUFFIXES])
def test_suffix_examples(entry: Entry, example: str, ok: bool) -> None:
    word, expected = (p.strip() for p in example.split(":"))
    assert stem(word) == expected, f"-{entry['suffix']}: {word} -> {stem(word)}"
    stripped = not stem(word).endswith(entry["suffix"]) and len(stem(word)) < len(word)
    if not ok:
        assert stem(word) != word[: -len(entry["suffix"])], "the near miss keeps the suffix"
    else:
        assert stripped or stem(word) != word


SYNONYMS = [
    (e, x, ok)
    for e in table("measure_lexicon")
    if e.get("kind") == "synonyms"
    for ok, xs in ((True, e.match), (False, e.reject))
    for x in xs
]


@pytest.mark.parametrize(("entry", "pair", "same"), SYNONYMS, ids=[x for _, x, _ in SYNONYMS])
def test_synonym_examples(entry: Entry, pair: str, same: bool) -> None:
    a, b = (content_terms(p) for p in pair.split("|"))
    assert (a == b) is same, f"{pair}: {a} vs {b}"


def test_a_word_is_in_one_synonym_group() -> None:
    words = [w for e in table("measure_lexicon") if e.get("kind") == "synonyms" for w in e["words"]]
    assert len(words) == len(set(words))
    assert text.SYNONYMS[0][0] == "company"


@pytest.mark.parametrize(
    ("entry", "pair", "same"),
    [(e, p, True) for e in table("irregular_verbs") for p in e.match]
    + [(e, p, False) for e in table("irregular_verbs") for p in e.reject],
)
def test_irregular_verb_examples(entry: Entry, pair: str, same: bool) -> None:
    a, b = (stem(w.strip()) for w in pair.split("|"))
    assert (a == b) is same, f"{entry['base']}: {pair!r} -> {a!r}, {b!r}"


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("communiqué", "communique", "an accent dropped by one writer"),
        ("Córdoba", "Cordoba", "a name's accent"),
    ],
)
def test_accents_do_not_part_words(a: str, b: str, why: str) -> None:
    assert content_terms(a) == content_terms(b), why


# Acronyms and phrasal verbs: pairs of phrases that must, or must not, come out as the same words.
WORD_PAIRS = [
    (e, p, ok)
    for e in table("measure_lexicon")
    if e.get("kind") in ("acronym", "phrasal")
    for ok, ps in ((True, e.match), (False, e.reject))
    for p in ps
]


@pytest.mark.parametrize(("entry", "pair", "same"), WORD_PAIRS, ids=[p for _, p, _ in WORD_PAIRS])
def test_acronym_and_phrasal_verb_examples(entry: Entry, pair: str, same: bool) -> None:
    a, b = (content_terms(p) for p in pair.split("|"))
    assert (a == b) is same, f"{entry.get('acronym') or entry['forms'][0]}: {pair!r} -> {a}, {b}"

"""Character folding and word helpers shared by every extraction stage.

Folding maps one character to one character, so offsets into folded text are offsets into the
original: positions reported to the user always point at what they wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck import derived
from factcheck.lang import Entry, table

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201a": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": " ",
        "\u00ad": " ",
        "\t": " ",
        "\ufeff": " ",
    }
)


def fold(text: str) -> str:
    """Straight quotes, ASCII hyphens and plain spaces, one character for one."""
    return text.translate(_FOLD)


WORD = derived.regex(
    r"[A-Za-z\u00c0-\u024f\u0400-\u04ff][A-Za-z\u00c0-\u024f\u0400-\u04ff'\-.]*[A-Za-z\u00c0-\u024f\u0400-\u04ff]|[A-Za-z\u00c0-\u024f\u0400-\u04ff]"
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    stopwords: frozenset[str]
    suffixes: tuple[tuple[str, str, bool, str], ...]  # suffix, replacement, undouble, keep after
    synonyms: dict[str, str]  # a word -> the first word of its synonym group
    irregular: dict[str, str]  # an irregular past form -> its verb ("held" -> "hold")
    # A measure's acronym by the first of its spelled-out words: (the words, lower case; the acronym)
    spelled_from: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    # A phrasal verb's word as written and its particle -> the one word it means ("turned", "down")
    phrasal: dict[tuple[str, str], str]


def _synonym_groups() -> list[Entry]:
    return [e for e in table("measure_lexicon") if e.get("kind") == "synonyms"]


def _first_words(entries: Any) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The acronyms of the measure lexicon by the first of their spelled-out words (each spelling:
    `words`, and any in `also`)."""
    first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for e in entries:
        if e.get("kind") == "acronym":
            for spelling in [e["words"], *(str(a).split() for a in e.get("also", ()))]:
                words = tuple(str(w).lower() for w in spelling)
                first.setdefault(words[0], []).append((words, str(e["acronym"])))
    return {w: tuple(a) for w, a in first.items()}


@cache
def _lexicon() -> _Lexicon:
    """The stopwords, suffixes and synonym groups of the language tables, read on first use."""
    return _Lexicon(
        stopwords=frozenset(w for e in table("stopwords") for w in e["words"]),
        suffixes=tuple(
            (e["suffix"], e.get("replace", ""), bool(e.get("undouble")), e.get("keep_after", ""))
            for e in table("suffixes")
        ),
        synonyms={w: e["words"][0] for e in _synonym_groups() for w in e["words"]},
        irregular={str(f): str(e["base"]) for e in table("irregular_verbs") for f in e["forms"]},
        spelled_from=_first_words(table("measure_lexicon")),
        phrasal={
            (str(f), str(e["particle"])): str(e["means"])
            for e in table("measure_lexicon")
            if e.get("kind") == "phrasal"
            for f in e["forms"]
        },
    )


def stopwords() -> frozenset[str]:
    """Words that carry no measure: function words, reporting verbs, hedges (lang/en/stopwords.yaml).
    A content word that is not here may name what a figure measures."""
    return _lexicon().stopwords


def __getattr__(name: str) -> Any:
    # Words that carry no measure: function words, reporting verbs, hedges (lang/en/stopwords.yaml).
    if name == "STOPWORDS":
        return _lexicon().stopwords
    if name == "SYNONYMS":
        return tuple(tuple(e["words"]) for e in _synonym_groups())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def stem(word: str) -> str:
    """A light suffix stripper: enough that "imports"/"import", "negotiations"/"negotiate" and
    "services"/"service" meet. Only consistency matters: drafts and sources go through it alike."""
    lex = _lexicon()
    syn = lex.synonyms
    w = word.lower().strip("'.-")
    if not w.isascii():  # "communiqué" meets "communique", "Córdoba" "Cordoba"
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if w.endswith("'s"):
        w = w[:-2]
    w = lex.irregular.get(w, w)
    if w in syn:
        return syn[w]
    for suf, replacement, undouble, keep_after in lex.suffixes:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            if keep_after and w[-len(suf) - 1] in keep_after:
                continue  # focus, process, analysis
            w = w[: -len(suf)] + replacement
            if undouble and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "wrapped", "planned": the doubled consonant is spelling
            break
    w = re.sub(r"is(e|at|ed|ing)?$", r"iz\1", w) if len(w) > 6 else w  # -ise/-ize spellings meet
    while len(w) > 4 and w.endswith("e"):  # "decree" meets "decreed" (after -ed: "decre")
        w = w[:-1]
    return syn.get(w, syn.get(w + "e", w))


def content_terms(text: str) -> list[str]:
    """Stemmed content words, in order, without stopwords or numbers."""
    lex = _lexicon()
    stopwords = lex.stopwords
    # A hyphened word is its parts ("lawful-interception" meets "lawful interception").
    words = [w for m in WORD.finditer(text) for w in m.group().lower().split("-")]
    out = []
    i = 0
    while i < len(words):
        spelled = _spelled_out(words, i, lex)
        if spelled:  # "gross domestic product" is one measure, the same as "GDP"
            out.append(stem(spelled[0]))
            i += spelled[1]
            continue
        w = words[i]
        i += 1
        if i < len(words) and (w, words[i]) in lex.phrasal:  # "turned down" is one word: "rejected"
            out.append(stem(lex.phrasal[w, words[i]]))
            i += 1
            continue
        if w in stopwords or len(w) < 2:
            continue
        s = stem(w)
        # An inflected stopword ("others", "totaling") carries no measure either; a stem of three
        # letters is too short to tell ("herring" is no "her").
        if s and not (s in stopwords and len(s) > 3):
            out.append(s)
    return out


def _spelled_out(words: list[str], i: int, lex: _Lexicon) -> tuple[str, int] | None:
    """The acronym (as a term) whose words start at `words[i]`, and how many words they are."""
    for spelled, acronym in lex.spelled_from.get(words[i], ()):
        if tuple(words[i : i + len(spelled)]) == spelled:
            return acronym.lower(), len(spelled)
    return None

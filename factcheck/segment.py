"""Split prose blocks into sentences.

A sentence ends at ".", "!" or "?" (with any closing quote or bracket) followed by space and a
capital, digit or opening quote, unless the word before the stop is an abbreviation ("U.S.",
"Oct.", "No. 14") or an initial ("J. Smith"). Decimals never split: a stop inside "20.6" is not
followed by space.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from factcheck import derived
from factcheck.lang import table
from factcheck.model import Block, Sentence


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose stop does not end a sentence (lang/en/abbreviations.yaml), read on first use."""
    return frozenset(w for e in table("abbreviations") for w in e["words"])


def __getattr__(name: str) -> Any:
    if name == "ABBREVIATIONS":
        return _abbreviations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# A boundary starts only at the first stop of a run ("...", "?!"), and the run and its closing
# quotes are taken whole: retrying inside a run of 10,000 dots was quadratic.
_BOUNDARY = derived.regex(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s+[\"'(\[]?[A-Z0-9\u0400-\u042f])")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _is_abbreviation(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (ending in its stop) ends in an abbreviation or an initial. The last word
    is read backwards from `hi`, so the cost is the word's length, not the sentence's."""
    i = hi
    while i > lo and text[i - 1] in _WORD_CHARS:
        i -= 1
    while i < hi and text[i] == ".":  # a word starts with a letter
        i += 1
    if i == hi:
        return False
    last = text[i:hi]
    word = last.lower().rstrip(".")
    return word in _abbreviations() or (len(word) == 1 and last.isupper())


def sentences(blocks: tuple[Block, ...] | list[Block]) -> Iterator[Sentence]:
    for bi, block in enumerate(blocks):
        text = block.text
        start = 0
        for m in _BOUNDARY.finditer(text):
            if m.group()[0] == "." and _is_abbreviation(text, start, m.start() + 1):
                continue
            yield from _emit(text, start, m.end(), block.offset, bi)
            start = m.end()
        yield from _emit(text, start, len(text), block.offset, bi)


def _emit(text: str, lo: int, hi: int, offset: int, block: int) -> Iterator[Sentence]:
    piece = text[lo:hi]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    yield Sentence(text=stripped, start=offset + lo + lead, block=block)

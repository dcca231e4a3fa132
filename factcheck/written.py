"""A draft's claim as its writer wrote it: the sentence and the figure with their own quotes, dashes
and spaces, where extraction works on folded text (straight quotes, ASCII hyphens) with Markdown
markup masked. Reports show and JSON carries the written form; matching never sees it.

Folding and masking keep one character for one, so the written sentence is the document's text at
the same offsets. It is used only when the two agree character for character (a masked character,
markup such as `**` or a backslash escape, becomes a space); otherwise the claim is kept as it is.
Baseline and SARIF fingerprints fold what they hash, so they do not change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from factcheck.model import Claim, ClaimKind, DateValue, Quantity
from factcheck.text import fold

V = TypeVar("V", Quantity, DateValue)


class Written:
    """The written form of a document's claims, one sentence at a time: each sentence is read from
    the document once, however many claims it holds (per claim it was quadratic in a sentence of
    many figures)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: dict[tuple[int, str], str | None] = {}

    def claim(self, claim: Claim) -> Claim:
        """`claim` with its quote and figure text taken from the document."""
        value = claim.quantity or claim.date
        start = claim.start if claim.kind is ClaimKind.NAMED or value is None else claim.start - value.start
        key = (start, claim.quote)
        if key not in self._sentences:
            self._sentences[key] = self._sentence(start, claim.quote)
        written = self._sentences[key]
        if written is None:
            return claim
        anchor = self.text[claim.start : claim.end]
        return replace(
            claim, quote=written, quantity=_figure(claim.quantity, anchor), date=_figure(claim.date, anchor)
        )

    def _sentence(self, start: int, quote: str) -> str | None:
        """The document's text where the folded `quote` stands at `start`, when the two agree
        character for character (a masked character reads as a space)."""
        if start < 0 or start + len(quote) > len(self.text):
            return None
        original = self.text[start : start + len(quote)]
        folded = fold(original)
        if len(folded) != len(quote) or not all(
            q == f or q == " " for q, f in zip(quote, folded, strict=True)
        ):
            return None
        return "".join(
            o if q != " " else (o if o.isspace() else " ") for q, o in zip(quote, original, strict=True)
        )


def _figure(value: V | None, anchor: str) -> V | None:
    if value is None or fold(anchor) != value.text:
        return value
    return replace(value, text=anchor)

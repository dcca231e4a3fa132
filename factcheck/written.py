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


def as_written(text: str, claim: Claim) -> Claim:
    """`claim` with its quote and figure text taken from the document `text`."""
    quote = claim.quote
    anchor = text[claim.start : claim.end]
    if claim.kind is ClaimKind.NAMED:
        starts = [claim.start]
    else:
        folded_anchor = fold(anchor)
        starts = []
        i = quote.find(folded_anchor)
        while i >= 0 and folded_anchor:
            starts.append(claim.start - i)
            i = quote.find(folded_anchor, i + 1)
    for s in starts:
        if s < 0 or s + len(quote) > len(text):
            continue
        original = text[s : s + len(quote)]
        folded = fold(original)
        if all(q == f or q == " " for q, f in zip(quote, folded, strict=True)):
            written = "".join(
                o if q != " " else (o if o.isspace() else " ") for q, o in zip(quote, original, strict=True)
            )
            return replace(
                claim,
                quote=written,
                quantity=_figure(claim.quantity, anchor),
                date=_figure(claim.date, anchor),
            )
    return claim


def _figure(value: V | None, anchor: str) -> V | None:
    if value is None or fold(anchor) != value.text:
        return value
    return replace(value, text=anchor)

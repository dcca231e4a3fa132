"""Find the store claims a draft claim is about, and score how well they match.

Retrieval: an inverted index from entity ids and measure words to claims, weighted by inverse
document frequency, so a rare word ("Weidong", "tariff") counts for more than a common one
("China", "digital"). Candidates are the claims that share the most weight with the draft claim;
the cost is that of the postings of the claim's own words, not of the store.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from factcheck.model import Claim, Work

MAX_CANDIDATES = 100


@dataclass(frozen=True, slots=True)
class Candidate:
    claim: Claim
    similarity: float  # share of the draft sentence's weight found in the source sentence (0..1)
    measure: float  # share of the draft claim's measure words found in the source claim's (0..1)


def tokens(c: Claim) -> set[str]:
    """What a claim is about: its sentence's content words, entities and values."""
    return (
        set(c.context)
        | {f"@{e}" for e in c.names}
        | {f"@{e}" for e in c.entities}
        | {f"#{v}" for v in c.values}
    )


def unseen_idf(token: str, rarest: float) -> float:
    """The weight of a token no source claim has. A name or a figure keeps the rarest weight: a claim
    about something the store never mentions stays unsupported. A word weighs nothing: it cannot tell
    one source sentence from another, and counting it would only mark down every restatement that a
    writer worded in words the sources never use ("topped" for "exceeded")."""
    return rarest if token[:1] in "@#" else 0.0


def similarity(draft: Claim, source: Claim, idf: Callable[[str], float]) -> float:
    """Share of the draft claim's weighted tokens that the source claim has: what `rank` computes
    from the postings, for one claim."""
    mine, theirs = tokens(draft), tokens(source)
    return sum(idf(t) for t in mine if t in theirs) / (sum(idf(t) for t in mine) or 1.0)


def measure_overlap(draft: Claim, source: Claim, idf: Callable[[str], float]) -> float:
    """Share of the draft claim's measure words (IDF-weighted) that the source claim has: its own
    words count fully, words elsewhere in its sentence half."""
    mine = set(draft.terms)
    if not mine:
        return 0.0
    local = set(source.terms)
    theirs = local | set(source.context)
    total = sum(idf(t) for t in mine)
    hit = sum(idf(t) * (1.0 if t in local else 0.5) for t in mine if t in theirs)
    return hit / total if total else 0.0


def rank(
    draft: Claim,
    scored: Iterable[tuple[Claim, float]],
    idf: Callable[[str], float],
    limit: int = MAX_CANDIDATES,
) -> list[Candidate]:
    """Candidates from (claim, shared weight) pairs, best first. Every index ends here, so an
    on-disk index and the in-memory scan give the same candidates for the same postings."""
    total = sum(idf(t) for t in tokens(draft)) or 1.0
    best = heapq.nlargest(limit, scored, key=lambda cs: (cs[1], cs[0].id))
    out = [Candidate(c, s / total, measure_overlap(draft, c, idf)) for c, s in best]
    out.sort(key=lambda c: (-c.similarity, c.claim.id))
    return out


class Index:
    """In-memory inverted index over a sequence of claims (a `ClaimIndex`)."""

    def __init__(self, claims: Sequence[Claim], works: Mapping[str, Work] | None = None) -> None:
        self.claims = claims
        self.works: Mapping[str, Work] = works if works is not None else {}
        self.count = len(claims)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            for t in tokens(c):
                self.postings[t].append(i)
        n = max(1, len(claims))
        self._idf = {t: math.log(1 + n / len(p)) for t, p in self.postings.items()}
        self._default_idf = math.log(1 + n)

    def idf(self, token: str) -> float:
        w = self._idf.get(token)
        return unseen_idf(token, self._default_idf) if w is None else w

    def close(self) -> None:
        """Nothing to release: the claims are in memory."""

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        scores: dict[int, float] = defaultdict(float)
        for t in tokens(draft):
            w = self.idf(t)
            for i in self.postings.get(t, ()):
                scores[i] += w
        return rank(draft, ((self.claims[i], s) for i, s in scores.items()), self.idf, limit)


class ClaimIndex(Protocol):
    """What checking needs of a store: retrieval and weights, the works claims cite, the size. The
    in-memory `Index` and the SQLite `index.SqliteIndex` implement it; a server backend would too.
    Backends agree on candidates and weights within floating-point tolerance, not bit for bit."""

    @property
    def works(self) -> Mapping[str, Work]: ...

    @property
    def count(self) -> int: ...

    def idf(self, token: str) -> float: ...

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]: ...

    def close(self) -> None: ...

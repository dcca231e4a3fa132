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
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Claim

MAX_CANDIDATES = 60


@dataclass(frozen=True, slots=True)
class Candidate:
    claim: Claim
    similarity: float  # share of the draft sentence's weight found in the source sentence (0..1)
    measure: float  # share of the draft claim's measure words found in the source claim's (0..1)


def tokens(c: Claim) -> set[str]:
    """What a claim is about: its sentence's content words and entities."""
    return set(c.context) | {f"@{e}" for e in c.names} | {f"@{e}" for e in c.entities}


class Index:
    """Inverted index over a sequence of claims; also serves as the plain in-memory scan's reference."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            for t in tokens(c):
                self.postings[t].append(i)
        n = max(1, len(claims))
        self._idf = {t: math.log(1 + n / len(p)) for t, p in self.postings.items()}
        self._default_idf = math.log(1 + n)

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._default_idf)

    def candidates(self, draft: Claim, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        want = tokens(draft)
        if not want:
            return []
        weights = {t: self.idf(t) for t in want}
        total = sum(weights.values())
        scores: dict[int, float] = defaultdict(float)
        for t, w in weights.items():
            for i in self.postings.get(t, ()):
                scores[i] += w
        best = heapq.nlargest(limit * 3, scores.items(), key=lambda kv: (kv[1], -kv[0]))
        out = [self._candidate(draft, self.claims[i], s / total) for i, s in best]
        out.sort(key=lambda c: (-c.similarity, c.claim.id))
        return out[: limit * 3]

    def _candidate(self, draft: Claim, source: Claim, similarity: float) -> Candidate:
        return Candidate(source, similarity, self.measure_overlap(draft, source))

    def measure_overlap(self, draft: Claim, source: Claim) -> float:
        mine = set(draft.terms)
        if not mine:
            return 0.0
        theirs = set(source.terms) | set(source.context)
        local = set(source.terms)
        total = sum(self.idf(t) for t in mine)
        # The claim's own words count fully; words elsewhere in the source sentence count half.
        hit = sum(self.idf(t) * (1.0 if t in local else 0.5) for t in mine if t in theirs)
        return hit / total if total else 0.0

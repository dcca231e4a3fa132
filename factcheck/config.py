"""Settings: one frozen dataclass, filled from defaults, then a config file, then flags."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Verdict
from factcheck.readers import DRAFT_GLOBS

FAIL_ON = ("conflicting", "unsupported", "never")


@dataclass(frozen=True, slots=True)
class Config:
    stores: tuple[str, ...] = ()  # empty: the bundled store built from the seeds
    fail_on: str = "conflicting"
    tolerance: float = 0.10  # relative slack for a hedged value ("about", "roughly")
    report: tuple[Verdict, ...] = (Verdict.SUPPORTED, Verdict.CONFLICTING, Verdict.UNSUPPORTED)
    include: tuple[str, ...] = DRAFT_GLOBS
    exclude: tuple[str, ...] = ()
    # How much of a draft sentence's weighted words a source sentence must share.
    support_similarity: float = 0.35
    conflict_similarity: float = 0.45
    swap_similarity: float = 0.6
    strong_similarity: float = 0.6  # so alike that the words next to the figure need not match
    named_similarity: float = 0.6
    named_conflict_similarity: float = 0.55
    # How much of the words next to a figure (what it measures) the source must share.
    min_measure: float = 0.2
    # A figure agreeing with a statement this close to the best-matching one still supports.
    margin: float = 0.85

    def fails(self, verdict: Verdict) -> bool:
        if self.fail_on == "never":
            return False
        if self.fail_on == "unsupported":
            return verdict in (Verdict.CONFLICTING, Verdict.UNSUPPORTED)
        return verdict is Verdict.CONFLICTING

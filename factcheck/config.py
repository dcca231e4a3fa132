"""Settings: one frozen dataclass, filled from defaults, then a config file, then flags."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Verdict

FAIL_ON = ("conflicting", "unsupported", "never")


@dataclass(frozen=True, slots=True)
class Config:
    stores: tuple[str, ...] = ()  # empty: the bundled store built from the seeds
    fail_on: str = "conflicting"
    tolerance: float = 0.10  # relative slack for a hedged value ("about", "roughly")
    report: tuple[Verdict, ...] = (Verdict.SUPPORTED, Verdict.CONFLICTING, Verdict.UNSUPPORTED)
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
    exclude: tuple[str, ...] = ()
    # Probabilities (from the alignment model, `same.py`) that a source sentence states the same fact as
    # the draft's. Support may rest on a looser alignment than a contradiction: a figure that agrees is
    # itself evidence, while a false "conflicting" blocks a commit. Chosen on the labelled sets, with the
    # leave-one-set-out figures in bench/accuracy.md.
    support_alignment: float = 0.3
    conflict_alignment: float = 0.7
    named_alignment: float = 0.5
    # A sentence that agrees with the draft's figure supports it only when it is aligned at least this
    # share as well as the best sentence that gives a figure of the same kind: otherwise the draft
    # would be borne out by a passing mention ("by 2027") while the sentence that states the fact
    # ("completion in January 2025") says otherwise.
    margin: float = 0.5
    # How much of the words next to the draft's figure the source's must share before two different
    # values contradict each other: "NOK 900 million for Tromso's harbours" is not a wrong total.
    conflict_measure: float = 0.3
    strong_similarity: float = 0.6  # a span of years given as two dates needs sentences this alike

    def fails(self, verdict: Verdict) -> bool:
        if self.fail_on == "never":
            return False
        if self.fail_on == "unsupported":
            return verdict in (Verdict.CONFLICTING, Verdict.UNSUPPORTED)
        return verdict is Verdict.CONFLICTING

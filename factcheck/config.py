"""Settings: one frozen dataclass, filled from defaults, then a config file, then flags."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Finding, Verdict
from factcheck.readers import DRAFT_GLOBS

FAIL_ON = ("conflicting", "unsupported", "never")


@dataclass(frozen=True, slots=True)
class Config:
    stores: tuple[str, ...] = ()  # empty: the bundled store built from the seeds
    fail_on: str = "conflicting"
    tolerance: float = 0.10  # relative slack for a hedged value ("about", "roughly")
    # The verdicts a report shows besides the failing ones (always shown); empty: the format's own
    # default (everything, except SARIF and GitHub annotations, which carry failing findings only).
    # Hiding never changes the summary or the exit code, which count every finding.
    report: tuple[Verdict, ...] = ()
    include: tuple[str, ...] = DRAFT_GLOBS
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
    # values contradict each other, when the source sentence has several figures of the kind.
    conflict_measure: float = 0.3
    # The words next to the figure a lone counterpart must share to be compared on a looser alignment.
    lone_measure: float = 0.6
    lone_alignment: float = 0.5
    strong_similarity: float = 0.6  # a span of years given as two dates needs sentences this alike
    # The share of the draft sentence's figures a source sentence must also give before an actor it
    # does not name ("TSMC received $6.4 billion in grants") is taken as its unnamed setting: two
    # sentences that share half their figures state the same thing.
    setting_values: float = 0.5
    # How much worse a counterpart that agrees with the draft may fit its slot than the one that
    # disagrees and still be what the draft is quoting: a disagreement is a contradiction only when it
    # fits clearly better (scores of `verdict._slot_key`, words plus subjects, each in [0, 1]).
    slot_margin: float = 0.25

    @property
    def failing(self) -> frozenset[Verdict]:
        """The verdicts that fail the run under `fail_on`."""
        return failing_verdicts(self.fail_on)

    def fails(self, finding: Finding) -> bool:
        return fails(finding, self.failing)


def failing_verdicts(fail_on: str) -> frozenset[Verdict]:
    if fail_on == "never":
        return frozenset()
    if fail_on == "unsupported":
        return frozenset({Verdict.CONFLICTING, Verdict.UNSUPPORTED})
    return frozenset({Verdict.CONFLICTING})


def fails(finding: Finding, failing: frozenset[Verdict]) -> bool:
    """The one rule for whether a finding fails the run: its verdict is one `--fail-on` counts and it is
    not accepted (`<!-- factcheck: accept "reason" -->`). The exit code, baselines and every renderer
    ask this and nothing else."""
    return finding.verdict in failing and not finding.accepted

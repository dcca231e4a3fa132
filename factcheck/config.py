"""Settings: one frozen dataclass, filled from defaults, then a config file, then flags."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Finding, Verdict

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
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
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

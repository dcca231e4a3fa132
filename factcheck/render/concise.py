"""`--format concise`: one line per finding, as ruff and Vale print them, for pre-commit, editors
and `grep`:

    file:line:col: verdict: figure: message [source]

`figure` is the figure or date as written (the start of the sentence, quoted, for a named claim);
`[source]` the id of the work cited, when there is one; an accepted finding ends with
`(accepted: reason)`. Then the summary, which counts the files that could not be read (the CLI names
them on standard error, so pre-commit shows them once).
"""

from __future__ import annotations

from factcheck.errors import FactcheckError
from factcheck.model import Finding, Report, Verdict
from factcheck.render import EVERY_VERDICT, visible
from factcheck.render.terminal import paint
from factcheck.render.text import STYLE, claim_label, summary


def line(path: str, f: Finding, color: bool = False) -> str:
    c = f.claim
    source = f" [{f.evidence[0].work.id}]" if f.evidence else ""
    accepted = f" (accepted: {f.accepted})" if f.accepted else ""
    verdict = paint(f.verdict.value, STYLE[f.verdict], color)
    what = paint(claim_label(c), "bold", color)
    return f"{path}:{c.line}:{c.column}: {verdict}: {what}: {f.message}{source}{accepted}"


def render(
    report: Report,
    *,
    color: bool = False,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
    **_: object,
) -> str:
    out = [
        line(fr.path, f, color)
        for fr in report.files
        for f in fr.findings
        if visible(f, failing, show, quiet)
    ]
    out.append(summary(report, errors, failing))
    return "\n".join(out) + "\n"

"""`--format markdown`: a report to post as a pull-request comment (GitHub-flavoured Markdown).

A heading, a summary line with the counts, then one table of the claims that need attention (those that
fail the run first, accepted ones last) and the supported claims folded into a <details> block. Cells
are escaped so a claim or a source quote can hold pipes, newlines, HTML or dollar signs without
breaking the table.
"""

from __future__ import annotations

import html
import re

from factcheck.errors import FactcheckError
from factcheck.model import Evidence, Finding, Report, Verdict

from . import EVERY_VERDICT, fails, figure, relative_path, visible

HEADER = "| File | Line | Verdict | Claim | Source says | Citation |\n| --- | ---: | --- | --- | --- | --- |"
ORDER = {Verdict.CONFLICTING: 0, Verdict.UNSUPPORTED: 1, Verdict.SUPPORTED: 2}

# Markdown that would change a cell's meaning: a backslash or pipe breaks the table, `$` starts maths
# on GitHub, and the rest are inline markup. HTML is escaped separately.
_MD = re.compile(r"([\\|`*_\[\]$~])")


def cell(text: str) -> str:
    """Text as one table cell: HTML and Markdown escaped, pipes escaped, lines joined."""
    text = html.escape(" ".join(text.split()), quote=False)
    return _MD.sub(r"\\\1", text)


def _claim(f: Finding) -> str:
    what = figure(f.claim)
    quote = cell(f.claim.quote)
    if what and cell(what) in quote:
        quote = quote.replace(cell(what), f"**{cell(what)}**", 1)
    accepted = f"<br>accepted: _{cell(f.accepted)}_" if f.accepted else ""
    return f"{quote}<br>_{cell(f.message)}_{accepted}"


def _sources(evidence: tuple[Evidence, ...]) -> tuple[str, str]:
    says = "<br>".join(f"\u201c{cell(e.claim.quote)}\u201d" for e in evidence) or "\u2014"
    cites = (
        "<br>".join(
            f"{cell(e.work.citation(e.claim.locator))}, {cell(e.claim.file)}:{e.claim.line}" for e in evidence
        )
        or "\u2014"
    )
    return says, cites


def row(path: str, f: Finding, failing: frozenset[Verdict]) -> str:
    verdict = f"**{f.verdict.value}**" if fails(f, failing) else f.verdict.value
    says, cites = _sources(f.evidence)
    return f"| {cell(path)} | {f.claim.line} | {verdict} | {_claim(f)} | {says} | {cites} |"


def render(
    report: Report,
    *,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
    **_: object,
) -> str:
    every = [(relative_path(fr.path), f) for fr in report.files for f in fr.findings]
    findings = [(p, f) for p, f in every if visible(f, failing, show, quiet)]
    attention = [(p, f) for p, f in findings if f.verdict is not Verdict.SUPPORTED]
    attention.sort(key=lambda pf: (not fails(pf[1], failing), bool(pf[1].accepted), ORDER[pf[1].verdict]))
    supported = [(p, f) for p, f in findings if f.verdict is Verdict.SUPPORTED]
    failed = sum(fails(f, failing) for _, f in every)
    files = len(report.files)

    out = ["## factcheck report", ""]
    counts = ", ".join(
        f"{report.count(v)} {v.value}" for v in (Verdict.CONFLICTING, Verdict.UNSUPPORTED, Verdict.SUPPORTED)
    )
    status = f"**{failed} failing**" if failed else "nothing failing"
    if accepted := sum(bool(f.accepted) for _, f in every):
        status += f", {accepted} accepted"
    if errors:
        status += f", {len(errors)} file{'s' if len(errors) != 1 else ''} not read"
    claims = f"{report.claims} claim{'s' if report.claims != 1 else ''}"
    out += [f"{claims} in {files} file{'s' if files != 1 else ''}: {counts} ({status}).", ""]
    if errors:
        out += ["**Files that could not be read:**", ""]
        out += [
            f"- {cell(relative_path(e.path or ''))}{f':{e.line}' if e.line else ''}: {cell(e.message)}"
            for e in errors
        ]
        out += [""]
    if attention:
        out += [HEADER, *(row(p, f, failing) for p, f in attention), ""]
    elif findings:
        out += ["No claim fails the check." if quiet else "Every claim is supported by a source.", ""]
    if supported:
        n = len(supported)
        out += [
            "<details>",
            f"<summary>{n} supported claim{'s' if n != 1 else ''}</summary>",
            "",
            HEADER,
            *(row(p, f, failing) for p, f in supported),
            "",
            "</details>",
            "",
        ]
    return "\n".join(out)

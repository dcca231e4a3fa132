"""`--format text`: findings grouped by file, for a person at a terminal.

Each finding shows file:line:col, the verdict as a word (colour only repeats it), the claim with its
figure marked «like this» (so it shows without colour, in pre-commit, CI logs and pipes), and for
supported and conflicting claims the citation, where in the source, and the source's own words with
the deciding figure marked. A long sentence is shortened around the figure, never cut before it; text
is wrapped to the terminal's width with hanging indents (not at all into a pipe unless COLUMNS is set).
Files that could not be read are reported on standard error (by the CLI) and counted in the summary.
"""

from __future__ import annotations

from collections import Counter

from factcheck.errors import FactcheckError
from factcheck.model import Claim, Finding, Report, Verdict
from factcheck.render import EVERY_VERDICT, fails, figure, visible
from factcheck.render.terminal import Run, lines, paint

STYLE = {Verdict.SUPPORTED: "green", Verdict.CONFLICTING: "bold red", Verdict.UNSUPPORTED: "yellow"}
OPEN, CLOSE = "\u00ab", "\u00bb"  # « »: plain-text marks around the figure a finding is about
CLAIM_CHARS = 160  # a claim sentence longer than this is shortened around its figure
QUOTE_CHARS = 200  # the same for a source's words
INDENT = 6


def render(
    report: Report,
    *,
    color: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
    width: int = 0,
    **_: object,
) -> str:
    out: list[str] = []
    for fr in report.files:
        shown = [f for f in fr.findings if visible(f, failing, show, quiet)]
        if not shown:
            continue
        out.append(paint(fr.path, "bold", color))
        for f in shown:
            out += _finding(fr.path, f, verbose, color, width)
        out.append("")
    out.append(summary(report, errors, failing))
    return "\n".join(out) + "\n"


def marked(text: str, what: str, style: str, limit: int) -> list[Run]:
    """`text` (whitespace collapsed) as runs with its figure `what` between « » and styled, shortened
    to about `limit` characters around the figure."""
    text = " ".join(text.split())
    what = " ".join(what.split())
    i = text.find(what) if what else -1
    if i < 0:
        return [(_cut_right(text, limit), "")]
    before, after = text[:i], text[i + len(what) :]
    room = max(limit - len(what), 0)
    left = min(len(before), max(room // 2, room - len(after)))
    before = _cut_left(before, left)
    after = _cut_right(after, room - len(before))
    return [(before + OPEN, ""), (what, style), (CLOSE + after, "")]


def _cut_left(text: str, n: int) -> str:
    """The last `n` characters or so of `text`, starting at a word, with … where words were dropped."""
    if len(text) <= n:
        return text
    tail = text[len(text) - n :]
    space = tail.find(" ")
    return "\u2026" + (tail[space:] if space >= 0 else " ")


def _cut_right(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    head = text[:n]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else "") + " \u2026"


def _finding(path: str, f: Finding, verbose: bool, color: bool, width: int) -> list[str]:
    c = f.claim
    style = STYLE[f.verdict]
    head: list[Run] = [(f"  {path}:{c.line}:{c.column}  ", ""), (f.verdict.value, style), ("  ", "")]
    claim = marked(c.quote, figure(c), "bold", CLAIM_CHARS)
    out = lines(head + claim, color=color, width=width, indent=INDENT)

    def say(*runs: Run) -> None:
        out.extend(lines(list(runs), color=color, width=width, indent=INDENT + 2, first_indent=INDENT))

    say((f.message, ""))
    if f.accepted:
        say((f"accepted: {f.accepted}", ""))
    for e in f.evidence:
        say((f"source: {e.work.citation(e.claim.locator)} \u2014 {e.claim.file}:{e.claim.line}", ""))
        say(("\u201c", ""), *marked(e.claim.quote, figure(e.claim), "reverse", QUOTE_CHARS), ("\u201d", ""))
        if verbose:
            say((f"score {e.score:.2f}: {e.why}", "dim"))
    if verbose:
        # a source sentence once (its best-scored claim), and not again when it is the evidence
        shown = {(e.claim.file, e.claim.line, e.claim.quote) for e in f.evidence}
        for cand in f.considered:
            key = (cand.claim.file, cand.claim.line, cand.claim.quote)
            if key in shown:
                continue
            shown.add(key)
            say(
                (f"considered, {cand.why}: {cand.claim.file}:{cand.claim.line} ", "dim"),
                *marked(cand.claim.quote, figure(cand.claim), "", 90),
            )
    return out


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def summary(
    report: Report, errors: tuple[FactcheckError, ...] = (), failing: frozenset[Verdict] | None = None
) -> str:
    """One line counting every finding (shown or not), and the files that could not be read."""
    counts = ", ".join(f"{report.count(v)} {v.value}" for v in Verdict)
    line = f"{plural(report.claims, 'claim')} in {plural(len(report.files), 'file')}: {counts}"
    if failing is not None:
        n = sum(fails(f, failing) for fr in report.files for f in fr.findings)
        line += f" ({plural(n, 'failing', 'failing')})" if n else ""
    if errors:
        line += f"; {plural(len(errors), 'file')} could not be read"
    return line


def statistics(report: Report) -> str:
    """`--statistics`: how many findings of each verdict, and how many cite each source (every finding,
    shown or not), largest first."""
    by_verdict = Counter(f.verdict.value for fr in report.files for f in fr.findings)
    by_source = Counter(
        f.evidence[0].work.id if f.evidence else "(no source)" for fr in report.files for f in fr.findings
    )
    rows = [f"{n:5}  {v}" for v, n in sorted(by_verdict.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows += [f"{n:5}  source: {s}" for s, n in sorted(by_source.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(rows) + "\n" if rows else ""


def claim_label(c: Claim) -> str:
    """What a one-line format names a claim by: its figure, or the start of a named claim's sentence."""
    what = figure(c)
    if what:
        return " ".join(what.split())
    return "\u201c" + _cut_right(" ".join(c.quote.split()), 60) + "\u201d"

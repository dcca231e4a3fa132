"""`--format text`: findings grouped by file, for a person at a terminal.

Each finding shows file:line:col, the verdict as a word (colour only repeats it), the claim, and for
supported and conflicting claims the citation, where in the source, and the source's own words with
the figure that decides highlighted.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from factcheck.model import Finding, Report, Verdict
from factcheck.render import figure

STYLE = {Verdict.SUPPORTED: "green", Verdict.CONFLICTING: "bold red", Verdict.UNSUPPORTED: "yellow"}


def render(
    report: Report,
    *,
    color: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    width: int = 100,
    **_: object,
) -> str:
    buf = io.StringIO()
    con = Console(
        file=buf,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )
    for fr in report.files:
        shown = [f for f in fr.findings if not quiet or (f.verdict in failing and not f.accepted)]
        if not shown:
            continue
        con.print(Text(fr.path, style="bold"))
        for f in shown:
            _finding(con, fr.path, f, verbose)
        con.print()
    con.print(summary(report))
    return buf.getvalue()


def _figure(text: str, figure: str, style: str) -> Text:
    """The text with the figure that decides highlighted (Text objects: no markup to escape)."""
    out = Text(text)
    i = text.find(figure) if figure else -1
    if i >= 0:
        out.stylize(style, i, i + len(figure))
    return out


def _finding(con: Console, path: str, f: Finding, verbose: bool) -> None:
    c = f.claim
    style = STYLE[f.verdict]
    line = Text(f"  {path}:{c.line}:{c.column}  ")
    line.append(f.verdict.value, style=style)
    line.append("  ")
    line.append_text(_figure(_short(" ".join(c.quote.split()), 160), figure(c), "bold"))
    con.print(line)
    con.print(Text(f"      {f.message}"))
    if f.accepted:
        con.print(Text(f"      accepted: {f.accepted}"))
    for e in f.evidence:
        con.print(Text(f"      source: {e.work.citation(e.claim.locator)} \u2014 {e.claim.file}:{e.claim.line}"))
        quote = Text("      \u201c")
        quote.append_text(_figure(e.claim.quote, figure(e.claim), "reverse"))
        quote.append("\u201d")
        con.print(quote)
        if verbose:
            con.print(Text(f"      score {e.score:.2f}: {e.why}"))
    if verbose:
        for cand in f.considered:
            con.print(
                Text(
                    f"      considered {cand.score:.2f} ({cand.why}): "
                    f"{cand.claim.file}:{cand.claim.line} {_short(cand.claim.quote)}"
                )
            )


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def summary(report: Report) -> str:
    counts = ", ".join(f"{report.count(v)} {v.value}" for v in Verdict)
    files = len(report.files)
    return f"{report.claims} claims in {files} file{'s' if files != 1 else ''}: {counts}"

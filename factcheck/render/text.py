"""`--format text`: findings grouped by file, for a person at a terminal.

Each finding shows file:line:col, the verdict as a word (colour only repeats it), the claim, and for
supported and conflicting claims the citation, where in the source, and the source's own words with
the figure that decides highlighted.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape as esc

from factcheck.model import Finding, Report, Verdict

STYLE = {Verdict.SUPPORTED: "green", Verdict.CONFLICTING: "bold red", Verdict.UNSUPPORTED: "yellow"}


def render(report: Report, *, color: bool = False, quiet: bool = False, verbose: bool = False,
           failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}), width: int = 100, **_: object) -> str:
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False,
                  soft_wrap=False, emoji=False)
    for fr in report.files:
        shown = [f for f in fr.findings if not quiet or (f.verdict in failing and not f.accepted)]
        if not shown:
            continue
        con.print(f"[bold]{esc(fr.path)}[/bold]")
        for f in shown:
            _finding(con, fr.path, f, verbose)
        con.print()
    con.print(summary(report))
    return buf.getvalue()


def _finding(con: Console, path: str, f: Finding, verbose: bool) -> None:
    c = f.claim
    style = STYLE[f.verdict]
    what = c.quantity.text if c.quantity else c.date.text if c.date else _short(c.quote)
    con.print(f"  {esc(path)}:{c.line}:{c.column}  [{style}]{f.verdict.value}[/{style}]  {esc(what)}")
    con.print(f"      {esc(f.message)}")
    if f.accepted:
        con.print(f"      accepted: {esc(f.accepted)}")
    for e in f.evidence:
        con.print(f"      source: {esc(e.work.citation())}, {esc(e.claim.file)}:{e.claim.line}")
        quote = esc(e.claim.quote)
        figure = e.claim.quantity.text if e.claim.quantity else e.claim.date.text if e.claim.date else ""
        if figure:
            quote = quote.replace(esc(figure), f"[reverse]{esc(figure)}[/reverse]", 1)
        con.print(f"      \u201c{quote}\u201d")
        if verbose:
            con.print(f"      score {e.score:.2f}: {esc(e.why)}")
    if verbose:
        con.print(f"      claim: {esc(_short(c.quote, 200))}")
        for cand in f.considered:
            con.print(f"      considered {cand.score:.2f} {esc(cand.why)}: "
                      f"{esc(cand.claim.file)}:{cand.claim.line} {esc(_short(cand.claim.quote))}")


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def summary(report: Report) -> str:
    counts = ", ".join(f"{report.count(v)} {v.value}" for v in Verdict)
    files = len(report.files)
    return f"{report.claims} claims in {files} file{'s' if files != 1 else ''}: {counts}"

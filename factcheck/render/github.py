"""`--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
pull request's files.

By default only the findings that fail the run become annotations (`::error`; GitHub shows just ten of
each type per step, so they must not drown in supported claims); `--report` or the config's `report`
adds others: `::warning` for an unsupported claim, `::notice` for a supported or accepted one. A file
that could not be read is an `::error` on that file. Then a summary line. Data and properties are
escaped as the Actions toolkit does, so a message may span lines.
"""

from __future__ import annotations

from factcheck.errors import FactcheckError
from factcheck.model import Finding, Report, Verdict

from . import default_show, fails, figure, relative_path, visible

COMMAND = {Verdict.CONFLICTING: "error", Verdict.UNSUPPORTED: "warning", Verdict.SUPPORTED: "notice"}
# Other characters that some readers of a log take for a line break; GitHub has no escape for them.
_BREAKS = str.maketrans(dict.fromkeys("\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").translate(_BREAKS)


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], data: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name} {props}::{escape_data(data)}" if props else f"::{name}::{escape_data(data)}"


def annotation(path: str, f: Finding, failing: frozenset[Verdict]) -> str:
    c = f.claim
    one_line = c.end_line == c.line  # GitHub takes columns only for a span on one line
    props: dict[str, object] = {"file": relative_path(path), "line": c.line}
    if one_line:
        props["col"] = c.column
    props["endLine"] = c.end_line
    if one_line:
        props["endColumn"] = c.end_column  # exclusive, as in SARIF (and ruff's github output)
    props["title"] = f"factcheck {f.verdict.value}"
    what = figure(c)
    lines = [f"{what}: {f.message}" if what else f.message]
    for e in f.evidence:
        lines.append(f"Source: {e.work.citation(e.claim.locator)}, {e.claim.file}:{e.claim.line}")
        lines.append(f"\u201c{e.claim.quote}\u201d")
    if f.accepted:
        lines.append(f"Accepted: {f.accepted}")
    name = "error" if fails(f, failing) else "notice" if f.accepted else COMMAND[f.verdict]
    return command(name, props, "\n".join(lines))


def error(e: FactcheckError) -> str:
    props: dict[str, object] = {"file": relative_path(e.path or "")} if e.path else {}
    if e.path and e.line:
        props["line"] = e.line
    props["title"] = "factcheck error"
    return command("error", props, e.message)


def render(
    report: Report,
    *,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = default_show("github"),
    errors: tuple[FactcheckError, ...] = (),
    **_: object,
) -> str:
    from .text import summary

    out = [error(e) for e in errors]
    out += [
        annotation(fr.path, f, failing)
        for fr in report.files
        for f in fr.findings
        if visible(f, failing, show, quiet)
    ]
    out.append(f"factcheck: {summary(report, errors, failing)}")
    return "\n".join(out) + "\n"

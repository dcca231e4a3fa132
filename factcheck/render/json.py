"""`--format json`: the stable contract (schema version 1) that CI tools and the benchmarks parse.

Documented in the README; pinned by tests/golden/*.json.
"""

from __future__ import annotations

import json
import re
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.model import Evidence, Finding, Report, Verdict
from factcheck.render import EVERY_VERDICT, fails, figure, visible

SCHEMA_VERSION = 1

# Ordinary white space in a claim's sentence is layout: a wrapped paragraph's line breaks, Markdown
# markup masked to spaces. A run of it is one space; the writer's own non-breaking and thin spaces
# ("19.8\u00a0billion") are part of the text as written and stay.
_LAYOUT = re.compile(r"[ \t\r\n]+")


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {
        "source": e.work.id,
        "file": e.claim.file,
        "line": e.claim.line,
        "quote": e.claim.quote,
        "citation": e.work.citation(e.claim.locator),
        "score": e.score,
    }


def finding_dict(f: Finding, verbose: bool = False) -> dict[str, Any]:
    c = f.claim
    d: dict[str, Any] = {
        "line": c.line,
        "column": c.column,
        "end_line": c.end_line,
        "end_column": c.end_column,
        "text": _LAYOUT.sub(" ", c.quote).strip(" "),
        "figure": figure(c) or None,
        "kind": c.kind,
        "verdict": f.verdict.value,
        "message": f.message,
        "evidence": [evidence_dict(e) for e in f.evidence],
    }
    if f.accepted:
        d["accepted"] = f.accepted
    if verbose:
        d["considered"] = [evidence_dict(e) | {"why": e.why} for e in f.considered]
    return d


def error_dict(e: FactcheckError) -> dict[str, Any]:
    return {"path": e.path, "line": e.line, "message": e.message}


def to_dict(
    report: Report,
    verbose: bool = False,
    *,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
) -> dict[str, Any]:
    """The contract. The summary counts every finding, shown or not; `errors` lists the files that
    could not be read."""
    return {
        "version": SCHEMA_VERSION,
        "store": {"path": report.store.path, "sources": report.store.sources, "claims": report.store.claims},
        "files": [
            {
                "path": fr.path,
                "findings": [
                    finding_dict(f, verbose) for f in fr.findings if visible(f, failing, show, quiet)
                ],
            }
            for fr in report.files
        ],
        "errors": [error_dict(e) for e in errors],
        "summary": {
            "claims": report.claims,
            **{v.value: report.count(v) for v in Verdict},
            "failing": sum(fails(f, failing) for fr in report.files for f in fr.findings),
            "errors": len(errors),
        },
    }


def render(
    report: Report,
    verbose: bool = False,
    *,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = EVERY_VERDICT,
    errors: tuple[FactcheckError, ...] = (),
    **_: object,
) -> str:
    data = to_dict(report, verbose, quiet=quiet, failing=failing, show=show, errors=errors)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

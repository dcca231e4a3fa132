"""`--format json`: the stable contract (schema version 1) that CI tools and the benchmarks parse.

Documented in the README; pinned by tests/golden/*.json.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Evidence, Finding, Report, Verdict
from factcheck.render import figure

SCHEMA_VERSION = 1


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
        "text": " ".join(c.quote.split()),
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


def to_dict(report: Report, verbose: bool = False) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "store": {"path": report.store.path, "sources": report.store.sources, "claims": report.store.claims},
        "files": [
            {"path": fr.path, "findings": [finding_dict(f, verbose) for f in fr.findings]}
            for fr in report.files
        ],
        "summary": {"claims": report.claims, **{v.value: report.count(v) for v in Verdict}},
    }


def render(report: Report, verbose: bool = False, **_: object) -> str:
    return json.dumps(to_dict(report, verbose), ensure_ascii=False, indent=2) + "\n"

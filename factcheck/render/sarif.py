"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and
other SARIF viewers.

One run; one rule per verdict; one result per finding, located at the claim's span in the draft, with
the evidence as related locations in the sources. A finding that fails the run under --fail-on is
level "error"; an accepted one (`<!-- factcheck: accept "reason" -->`) carries an in-source
suppression. By default only failing findings are results (each becomes a code-scanning alert);
`--report` or the config's `report` adds others. A file that could not be read is a tool execution
notification, and the invocation is marked unsuccessful. `partialFingerprints` hash the file and the
claim's words (not its line), so an alert survives edits elsewhere in the draft.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck.errors import FactcheckError
from factcheck.model import Evidence, Finding, Report, Verdict
from factcheck.text import fold

from . import default_show, fails, figure, relative_path, visible

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/factcheck/factcheck"
FINGERPRINT = "factcheck/claim/v1"

# Order fixes each rule's ruleIndex.
RULES: tuple[tuple[Verdict, str, str, str, str], ...] = (
    (
        Verdict.CONFLICTING,
        "error",
        "Claim conflicts with its source",
        "A figure, date or statement in the draft differs from what a trusted source says about the "
        "same thing.",
        "Check the cited source and correct the draft, or cite a source that supports the claim.",
    ),
    (
        Verdict.UNSUPPORTED,
        "warning",
        "Claim not found in any source",
        "No source in the claim store addresses this figure, date or statement, so it cannot be checked.",
        "Add a source that supports the claim to the claim store, or rephrase or remove the claim.",
    ),
    (
        Verdict.SUPPORTED,
        "note",
        "Claim supported by a source",
        "A trusted source in the claim store says the same thing as the draft.",
        "Nothing to do; the result names the source so the citation can be checked.",
    ),
)
_INDEX = {v: i for i, (v, *_) in enumerate(RULES)}
_LEVEL = {v: level for v, level, *_ in RULES}


def rule_id(verdict: Verdict) -> str:
    return f"factcheck/{verdict.value}"


def tool_version() -> str:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def uri(path: str) -> str:
    """A relative URI reference with forward slashes (percent-encoded), or a file: URI when absolute."""
    p = relative_path(path)
    return Path(p).as_uri() if os.path.isabs(p) else quote(p, safe="/")


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule_id(v),
            "name": v.value.capitalize(),
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": f"{full} {help_}", "markdown": f"{full}\n\n**What to do:** {help_}"},
            "helpUri": INFORMATION_URI,
            "defaultConfiguration": {"level": level},
            "properties": {
                "tags": ["fact-checking", v.value],
                "precision": "medium",
                "problem.severity": {"note": "recommendation"}.get(level, level),
            },
        }
        for v, level, short, full, help_ in RULES
    ]


def _source(e: Evidence) -> str:
    return f"{e.work.citation(e.claim.locator)} ({e.claim.file}:{e.claim.line}): \u201c{e.claim.quote}\u201d"


def message(f: Finding) -> str:
    c = f.claim
    what = figure(c)
    head = (
        f"{f.verdict.value.capitalize()}: {what} \u2014 {f.message}"
        if what
        else f"{f.verdict.value.capitalize()}: {f.message}"
    )
    accepted = [f"Accepted: {f.accepted}"] if f.accepted else []
    return "\n".join([head, *(f"Source: {_source(e)}" for e in f.evidence), *accepted])


def fingerprint(path: str, f: Finding) -> str:
    # folded, so the written form's quotes and dashes keep the fingerprints alerts already have
    claim = " ".join(fold(f.claim.quote).split())
    key = "\0".join((relative_path(path), f.claim.kind, fold(figure(f.claim)), claim))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(path: str, f: Finding, failing: frozenset[Verdict], seen: Counter[str]) -> dict[str, Any]:
    c = f.claim
    fp = fingerprint(path, f)
    seen[fp] += 1  # the same claim twice in one file: keep both alerts apart
    level = "error" if fails(f, failing) else _LEVEL[f.verdict]
    result: dict[str, Any] = {
        "ruleId": rule_id(f.verdict),
        "ruleIndex": _INDEX[f.verdict],
        "level": level,
        "message": {"text": message(f)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(path)},
                    "region": {
                        "startLine": c.line,
                        "startColumn": c.column,
                        "endLine": c.end_line,
                        "endColumn": c.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: f"{fp}:{seen[fp]}"},
        "properties": {"verdict": f.verdict.value, "kind": c.kind},
    }
    if f.evidence:
        result["relatedLocations"] = [
            {
                "id": i,
                "message": {"text": _source(e)},
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(e.claim.file)},
                    "region": {"startLine": e.claim.line},
                },
            }
            for i, e in enumerate(f.evidence, 1)
        ]
        result["properties"]["sources"] = [e.work.id for e in f.evidence]
    if f.accepted:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": f.accepted}]
    return result


def _notification(e: FactcheckError) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(e.path or "")}}
    if e.line:
        location["region"] = {"startLine": e.line}
    return {"level": "error", "message": {"text": e.message}, "locations": [{"physicalLocation": location}]}


def to_dict(
    report: Report,
    *,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = default_show("sarif"),
    errors: tuple[FactcheckError, ...] = (),
) -> dict[str, Any]:
    results = []
    for fr in report.files:
        seen: Counter[str] = Counter()
        shown = [f for f in fr.findings if visible(f, failing, show, quiet)]
        results += [_result(fr.path, f, failing, seen) for f in shown]
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [_notification(e) for e in errors]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "informationUri": INFORMATION_URI,
                        "version": tool_version(),
                        "rules": _rules(),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def render(
    report: Report,
    *,
    quiet: bool = False,
    failing: frozenset[Verdict] = frozenset({Verdict.CONFLICTING}),
    show: frozenset[Verdict] = default_show("sarif"),
    errors: tuple[FactcheckError, ...] = (),
    **_: object,
) -> str:
    data = to_dict(report, quiet=quiet, failing=failing, show=show, errors=errors)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

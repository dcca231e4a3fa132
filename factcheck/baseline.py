"""Baselines: record today's failing findings so that only new ones fail.

`--write-baseline FILE` writes the run's failing findings (accepted ones excepted) to a YAML file;
`--baseline FILE` hides the findings recorded there. A finding is recognised by its file (relative
to the baseline's folder) and a fingerprint of its kind, verdict, figure and sentence, never its
line, so edits elsewhere in the draft do not bring baselined findings back. The same sentence twice
in a file is two entries: each entry hides one finding.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from factcheck import bounded, safeyaml
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.model import Finding, Report
from factcheck.safewrite import atomic_write
from factcheck.text import fold

VERSION = 1
HEADER = (
    "# factcheck baseline: known findings that `factcheck check --baseline FILE` hides.\n"
    "# Regenerate with `factcheck check --write-baseline FILE`; entries are matched by file and\n"
    "# fingerprint (kind, verdict, figure and sentence), not by line.\n"
)

Key = tuple[str, str]


def figure(f: Finding) -> str:
    c = f.claim
    return c.quantity.text if c.quantity else c.date.text if c.date else ""


def fingerprint(f: Finding) -> str:
    c = f.claim
    # folded, as extraction sees it, so quotes and dashes as written (or not) give one fingerprint
    parts = (c.kind, f.verdict.value, " ".join(fold(figure(f)).split()), " ".join(fold(c.quote).split()))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def file_key(path: str, base: Path) -> str:
    """A report path as the baseline names it: relative to the baseline's folder, with '/'."""
    if path.startswith("<"):
        return path
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def entries(report: Report, config: Config, base: Path) -> list[dict[str, Any]]:
    out = []
    for fr in report.files:
        for f in fr.findings:
            if config.fails(f):
                out.append(
                    {
                        "file": file_key(fr.path, base),
                        "claim": " ".join(f.claim.quote.split()),
                        "figure": figure(f),
                        "verdict": f.verdict.value,
                        "fingerprint": fingerprint(f),
                    }
                )
    return out


def write(report: Report, config: Config, path: Path) -> int:
    """Write the report's failing findings to `path` (atomically); the number written."""
    found = entries(report, config, path.resolve().parent)
    body = yaml.safe_dump(
        {"version": VERSION, "findings": found}, sort_keys=False, allow_unicode=True, width=1000
    )
    try:
        atomic_write(path, HEADER + body)
    except OSError as e:
        raise FactcheckError(f"cannot write baseline: {e.strerror or e}", str(path)) from None
    return len(found)


def load(path: Path) -> Counter[Key]:
    name = str(path)
    try:
        if not os.path.lexists(path):
            raise FactcheckError("no such baseline file (create one with --write-baseline)", name)
        data = safeyaml.load(bounded.read_text(path, name, what="baseline"), name)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise FactcheckError(
            f"baseline is not valid YAML: {getattr(e, 'problem', None) or e}",
            name,
            mark.line + 1 if mark is not None else None,
        ) from None
    found = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(found, list) or data.get("version") != VERSION:
        raise FactcheckError(
            f"not a factcheck baseline (want a mapping with version: {VERSION} and a findings list)", name
        )
    known: Counter[Key] = Counter()
    for i, entry in enumerate(found, 1):
        file, fp = (entry.get("file"), entry.get("fingerprint")) if isinstance(entry, dict) else (None, None)
        if not isinstance(file, str) or not isinstance(fp, str):
            raise FactcheckError(f"baseline entry {i} needs a file and a fingerprint", name)
        known[(file, fp)] += 1
    return known


def hide(report: Report, known: Counter[Key], base: Path) -> tuple[Report, int]:
    """The report without the findings the baseline knows, and how many were hidden."""
    left = Counter(known)
    hidden = 0
    files = []
    for fr in report.files:
        kept = []
        for f in fr.findings:
            key = (file_key(fr.path, base), fingerprint(f))
            if left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        files.append(replace(fr, findings=tuple(kept)))
    return replace(report, files=tuple(files)), hidden


def apply_baseline(
    report: Report,
    config: Config,
    use: str | None = None,
    write_to: str | None = None,
    note: Callable[[str], None] | None = None,
) -> Report:
    """What the CLI does with --write-baseline and --baseline: write first (from the whole report),
    then hide what either baseline records, so a run that writes one passes as the next run would."""
    say = note or (lambda _msg: None)
    if write_to:
        path = Path(write_to)
        n = write(report, config, path)
        say(f"factcheck: wrote {n} finding{'s' if n != 1 else ''} to baseline {path}")
        report, _ = hide(report, load(path), path.resolve().parent)
    if use:
        path = Path(use)
        report, hidden = hide(report, load(path), path.resolve().parent)
        if hidden:
            say(f"factcheck: baseline {path} hid {hidden} known finding{'s' if hidden != 1 else ''}")
    return report

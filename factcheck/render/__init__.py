"""Output formats: each a small renderer over one Report.

A renderer is `render(report, **options) -> str`; the CLI passes every renderer the same keyword options
(color, quiet, verbose, failing, show, errors, width) and each takes what it uses. The report holds every
finding: a renderer shows those `visible` says, but its summary counts them all. `errors` are the files
that could not be read, which every format reports. Modules are imported only when chosen.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path, PurePath

from factcheck.config import fails
from factcheck.model import Claim, Finding, Report, Verdict

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "markdown")
EVERY_VERDICT = frozenset(Verdict)
# Formats whose every result becomes an alert or annotation: by default they carry failing findings only.
FAILING_ONLY = frozenset({"sarif", "github"})


def renderer(name: str) -> Callable[..., str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"factcheck.render.{name}")
    fn: Callable[..., str] = module.render
    return fn


def render(report: Report, fmt: str, **options: object) -> str:
    return renderer(fmt)(report, **options)


def relative_path(path: str) -> str:
    """A path as CI tools want it: relative to the working directory when it lies inside it, with
    forward slashes. Paths outside stay absolute; `<stdin>` stays as it is."""
    if os.path.isabs(path):
        try:
            return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()
    return PurePath(path.replace("\\", "/")).as_posix()


def default_show(fmt: str) -> frozenset[Verdict]:
    """The verdicts a format shows when neither `report` nor `--report` says (failing ones always show)."""
    return frozenset() if fmt in FAILING_ONLY else EVERY_VERDICT


def visible(f: Finding, failing: frozenset[Verdict], show: frozenset[Verdict], quiet: bool = False) -> bool:
    """Whether a renderer shows a finding: every failing one; others when their verdict is in `show`,
    unless --quiet."""
    return fails(f, failing) or (not quiet and f.verdict in show)


__all__ = ["FORMATS", "default_show", "fails", "figure", "relative_path", "render", "renderer", "visible"]


def figure(claim: Claim) -> str:
    """The value a claim turns on as written ("43 percent", "2001"); empty for a named claim."""
    return claim.quantity.text if claim.quantity else claim.date.text if claim.date else ""

"""Output formats: each a small renderer over one Report.

A renderer is `render(report, **options) -> str`; the CLI passes every renderer the same keyword options
(color, quiet, verbose, failing) and each takes what it uses. Modules are imported only when chosen.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path, PurePath

from factcheck.model import Claim, Finding, Report, Verdict

FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")


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


def fails(f: Finding, failing: frozenset[Verdict]) -> bool:
    """Whether a finding fails the run: its verdict is one --fail-on counts, and it is not accepted."""
    return f.verdict in failing and not f.accepted


def figure(claim: Claim) -> str:
    """The value a claim turns on as written ("43 percent", "2001"); empty for a named claim."""
    return claim.quantity.text if claim.quantity else claim.date.text if claim.date else ""

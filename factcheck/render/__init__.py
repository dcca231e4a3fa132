"""Output formats: each a small renderer over one Report."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.model import Report

FORMATS = ("text", "json")


def renderer(name: str) -> Callable[..., str]:
    if name == "json":
        from factcheck.render.json import render
    else:
        from factcheck.render.text import render
    return render


def render(report: Report, fmt: str, **options: object) -> str:
    return renderer(fmt)(report, **options)

"""What a terminal allows: whether to colour, how wide to wrap, and ANSI styling of marked-up runs.

Colour follows the conventions other linters share (ruff, Vale, and https://no-color.org):
`--color`/`--no-color` win; then `NO_COLOR` (any non-empty value) turns colour off; then
`FORCE_COLOR` (non-empty and not "0") turns it on, even into a pipe (`| less -R`, CI logs); otherwise
colour only when writing to a terminal that is not `TERM=dumb`. Styles are rendered by rich, imported
only when there is colour to paint: a plain report (a hook, a pipe, CI) must start fast.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.color import ColorSystem
    from rich.style import Style

Run = tuple[str, str]  # (text, style name or "")


def use_color(flag: bool | None, stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    if flag is not None:
        return flag
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return _isatty(stream) and env.get("TERM") != "dumb"


def width(stream: TextIO, env: Mapping[str, str] | None = None) -> int:
    """Columns to wrap at: the terminal's, else `COLUMNS` when set, else 0 (no wrapping, so a pipe or
    a log gets one line per item, as grep wants)."""
    env = os.environ if env is None else env
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if _isatty(stream):
        import shutil  # here, as textwrap below: a pipe or a log is neither measured nor wrapped

        return shutil.get_terminal_size().columns
    return 0


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or fake stream
        return False


def paint(text: str, style: str, color: bool) -> str:
    """`text` in `style` ("bold", "bold red", "reverse"...), as ANSI codes in the 8 standard colours
    every terminal and CI log understands."""
    if not color or not style or not text:
        return text
    return _style(style).render(text, color_system=_standard())


@cache
def _style(name: str) -> Style:
    from rich.style import Style

    return Style.parse(name)


def _standard() -> ColorSystem:
    from rich.color import ColorSystem

    return ColorSystem.STANDARD


def lines(runs: list[Run], *, color: bool, width: int, indent: int, first_indent: int = 0) -> list[str]:
    """Styled runs as output lines: wrapped at word boundaries to `width` (0: not at all), continuation
    lines indented by `indent` (a hanging indent). A word is never broken."""
    plain = "".join(text for text, _ in runs)
    styles = [style for text, style in runs for _ in text]
    lead = " " * first_indent
    if width <= 0:
        wrapped = [lead + plain]
    else:
        import textwrap

        wrapped = textwrap.wrap(
            plain,
            width=max(width, indent + 20),
            initial_indent=lead,
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [lead]
    out = []
    at = 0
    for i, line in enumerate(wrapped):
        pad = len(lead) if i == 0 else indent
        body = line[pad:]
        at = plain.index(body, at) if body else at
        out.append(line[:pad] + _styled(body, styles[at : at + len(body)], color))
        at += len(body)
    return out


def _styled(text: str, styles: list[str], color: bool) -> str:
    if not color:
        return text
    out = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or styles[i] != styles[start]:
            out.append(paint(text[start:i], styles[start], color))
            start = i
    return "".join(out)

"""Directives in the draft itself, written as HTML comments so they never show in the rendered brief:

    <!-- factcheck: ignore -->             drop the findings of the next block (paragraph, list item,
                                           heading, table row); at the end of a line, of that line's block
    <!-- factcheck: off --> ... <!-- factcheck: on -->
                                           drop every finding in between (an `off` with no `on` runs
                                           to the end of the file)
    <!-- factcheck: accept "reason" -->    keep the next block's findings in the report, marked accepted
                                           with the reason; accepted findings never fail the run

A directive that cannot be read (`factcheck: ignroe`) is a warning naming file:line, not an error.
Directives inside code blocks are examples, not directives.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace

from factcheck.model import Document, FileReport
from factcheck.reader import MARKDOWN_SUFFIXES, LineIndex

_DIRECTIVE = re.compile(r"<!--\s*factcheck\s*:(.*?)-->", re.S | re.I)
_ANY_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ACCEPT = re.compile(r"accept\b\s*(.*)\Z", re.S | re.I)
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}

Warn = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass(frozen=True, slots=True)
class Directives:
    ignored: tuple[tuple[int, int], ...]  # [start, end) offsets whose findings are dropped
    accepted: tuple[tuple[int, int, str], ...]  # [start, end) offsets and the reason


def parse(doc: Document, warn: Warn = _stderr) -> Directives:
    ignored: list[tuple[int, int]] = []
    accepted: list[tuple[int, int, str]] = []
    text = doc.text
    if "factcheck" not in text.lower():
        return Directives((), ())
    lines = LineIndex(text)
    code = _code_spans(doc)
    off_at: int | None = None
    for m in _DIRECTIVE.finditer(text):
        if _inside(code, m.start()):
            continue
        line = lines.position(m.start())[0]
        body = " ".join(m.group(1).split())
        word = body.split(" ", 1)[0].lower() if body else ""
        where = f"{doc.path}:{line}"
        if word == "ignore" and body.lower() == "ignore":
            ignored.append(_target(doc, m.start(), m.end()))
        elif word == "off" and body.lower() == "off":
            if off_at is None:
                off_at = m.end()
            else:
                warn(f"{where}: warning: 'factcheck: off' inside a region already off; ignored")
        elif word == "on" and body.lower() == "on":
            if off_at is None:
                warn(f"{where}: warning: 'factcheck: on' without an 'off' before it; ignored")
            else:
                ignored.append((off_at, m.start()))
                off_at = None
        elif (a := _ACCEPT.match(body)) is not None:
            reason = _unquote(a.group(1).strip())
            if not reason:
                warn(
                    f"{where}: warning: 'factcheck: accept' needs a reason, as in "
                    '<!-- factcheck: accept "the 2023 figure is revised" -->; not applied'
                )
                continue
            start, end = _target(doc, m.start(), m.end())
            accepted.append((start, end, reason))
        else:
            warn(
                f"{where}: warning: unknown factcheck directive {body!r}; expected one of "
                "'ignore', 'off', 'on', 'accept \"reason\"'"
            )
    if off_at is not None:
        ignored.append((off_at, len(text)))
    return Directives(tuple(ignored), tuple(accepted))


def apply(doc: Document, report: FileReport, warn: Warn = _stderr) -> FileReport:
    """Drop ignored findings and mark accepted ones, as the document's directives say."""
    d = parse(doc, warn)
    if not d.ignored and not d.accepted:
        return report
    kept = []
    for f in report.findings:
        at = f.claim.start
        if any(a <= at < b for a, b in d.ignored):
            continue
        reason = next((r for a, b, r in d.accepted if a <= at < b), None)
        kept.append(replace(f, accepted=reason) if reason is not None else f)
    return replace(report, findings=tuple(kept))


def _unquote(s: str) -> str:
    if len(s) >= 2 and s[0] in _QUOTES and s[-1] == _QUOTES[s[0]]:
        s = s[1:-1]
    return s.strip()


def _target(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The span a one-block directive covers: the block its line has text in (a trailing comment),
    else the block of the next line that is not blank."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = _ANY_COMMENT.sub(" ", text[line_start:start] + " " + text[end:line_end])
    if rest.strip():
        at = start
    else:
        m = re.compile(r"\S").search(text, line_end)
        if m is None:
            return (len(text), len(text))
        at = m.start()
    starts = [b.offset for b in doc.blocks]
    i = bisect.bisect_right(starts, at) - 1
    if i >= 0:
        b = doc.blocks[i]
        if at <= b.offset + len(b.text):
            return (min(b.offset, at) if rest.strip() else at, b.offset + len(b.text))
    # not prose (a code block, say): up to the next blank line
    blank = re.compile(r"\n[ \t]*\n").search(text, at)
    return (at, blank.start() if blank else len(text))


def _code_spans(doc: Document) -> list[tuple[int, int]]:
    """Offsets of fenced and indented code blocks in a Markdown document (none for plain text)."""
    if not doc.path.lower().endswith(tuple(MARKDOWN_SUFFIXES)) and doc.path != "<stdin>":
        return []
    from markdown_it import MarkdownIt

    starts = [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]
    spans = []
    for tok in MarkdownIt("commonmark").parse(doc.text):
        if tok.type in ("fence", "code_block") and tok.map:
            a, b = tok.map
            spans.append((starts[a], starts[b] if b < len(starts) else len(doc.text)))
    return spans


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)

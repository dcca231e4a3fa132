"""PDF: the text layer in reading order, with the page of every line.

PDFium (through pypdfium2, the engine of Chrome's PDF viewer) gives each character with its box,
baseline, font size and weight. The rules below rebuild what a reader sees from those boxes alone,
because the order of a PDF's content stream is the order it was drawn in, not read in:
  runs       characters on one baseline with no wide gap; a wide gap starts a new run (a table cell,
             the other column)
  columns    a gutter no run crosses, between runs on both sides: the left column is read before the
             right, and a run across the gutter (a title, a full-width footnote) separates the bands
  furniture  lines at the top or bottom of the page that repeat on other pages once digits are
             ignored (running headers and footers), and lone page numbers there, are dropped
  notes      small type below the body at the foot of a page: footnotes, kept as notes
  superscripts  small raised digits inside a line are footnote markers and are dropped
  paragraphs a wider gap between lines, a first-line indent, a change of size, or a short line that
             ends a sentence; a sentence that runs on over a column or page stays one paragraph
  hyphens    a word broken at a line end is rejoined ("infra-" + "structure"), keeping the hyphen
             only when the document writes the word with one elsewhere
Table rows read as lines whose cells are joined by " | ". Ligatures (ﬁ, ﬂ) are spelt out.

`Document.text` is the text so read (a line per line of the page, a blank line between paragraphs),
and `Document.places` says where each page starts in it, so a claim's citation names its page: by
the page labels the file defines (the numbers printed on its pages), else counted from 1.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.model import Block, Document
from factcheck.reader import prose

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\x02": "-",  # PDFium's marks for a hyphen that ends a line
    "\ufffe": "-",
}
_SKIP = frozenset("\r\n\x00\uffff")
_DESCENDERS = frozenset("gjpqy,;")
_PAGE_NUMBER = re.compile(
    r"(?i)\s*(?:page|p\.|pp\.)?\s*[-\u2013\u2014]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?\s*"
)
_TERMINAL = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*$")
_HYPHENS = "-\u2010\u00ad"
_NOTE_START = re.compile(r"\s*(?:\d{1,3}|[*\u2020\u2021])[.)]?\s")


@dataclass(slots=True)
class _Char:
    c: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    bold: bool
    generated: bool = False  # a space PDFium put where it saw a gap between words


@dataclass(slots=True)
class _Run:
    chars: list[_Char] = field(default_factory=list)
    y: float = 0.0
    size: float = 0.0
    x0: float = 0.0  # set when the run is complete
    x1: float = 0.0


@dataclass(slots=True)
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    column: int  # 0 across the page, 1 left, 2 right
    table: bool = False


def read(raw: bytes, path: str) -> Document:
    import pypdfium2 as pdfium  # imported here: only a PDF pays for PDFium

    if b"%PDF" not in raw[:1024]:
        raise FactcheckError("not a PDF file (no %PDF header)", path)
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower() or "security" in str(e).lower():
            raise FactcheckError(
                "encrypted PDF (it needs a password); save an unprotected copy", path
            ) from None
        raise FactcheckError(f"not a readable PDF ({e})", path) from None
    try:
        meta = _metadata(pdf)
        # The numbers printed on the pages when the file says what they are (a cover and a preface
        # numbered i, ii, iii, then 1, 2, 3); else the pages counted from 1.
        labels = [pdf.get_page_label(n) or str(n + 1) for n in range(len(pdf))]
        pages: list[tuple[list[_Line], float]] = []
        for n in range(len(pdf)):
            page = pdf[n]
            try:
                height = page.get_height()
                pages.append((_page_lines(page.get_textpage(), n + 1), height))
            except pdfium.PdfiumError as e:
                raise FactcheckError(f"cannot read page {n + 1} ({e})", path) from None
            finally:
                page.close()
    finally:
        pdf.close()
    lines = _drop_furniture(pages)
    if not lines:  # a scan: no text, or only a stamped page number or header
        raise FactcheckError("no text layer; run OCR first", path)
    return _document(lines, path, meta, labels)


def _metadata(pdf: Any) -> dict[str, str | None]:
    """Title and author from the document information; a title that is a file name ("Microsoft Word -
    draft3.docx") is the converter's, not the work's. The creation date is when the file was made,
    not when the work was published, so it is not taken."""
    info = pdf.get_metadata_dict(skip_empty=True)
    meta: dict[str, str | None] = {}
    title = (info.get("Title") or "").strip()
    if title and not re.search(r"(?i)\.(docx?|pdf|indd|tex|odt|rtf)\b|^untitled", title):
        meta["title"] = title
    author = (info.get("Author") or "").strip()
    if author:
        meta["author"] = author
    return meta


def _chars(tp: Any) -> list[_Char | None]:
    """The page's characters in drawing order; None where PDFium ends a line.

    Each call into PDFium costs microseconds, so a character costs two (its box and its font size):
    the text comes in one call, the baseline from the box (lifted for letters that descend below it),
    the weight once a word and whether a space is PDFium's own only for spaces.
    """
    import pypdfium2.raw as c

    raw = tp.raw
    n = c.FPDFText_CountChars(raw)
    text = tp.get_text_range(0, n)
    if len(text) != n:  # characters beyond the BMP: ask for each one
        text = "".join(chr(c.FPDFText_GetUnicode(raw, i)) for i in range(n))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = [ctypes.byref(v) for v in (left, right, bottom, top)]
    out: list[_Char | None] = []
    bold = False
    word_start = True
    # Quotes, dashes and brackets do not sit on the baseline: they take it from the letter before
    # them on the line, or else the one after.
    line_y: float | None = None
    waiting: list[_Char] = []
    for i, ch in enumerate(text):
        if ch in _SKIP:
            if ch == "\n":
                out.append(None)
                word_start = True
                line_y = None
            continue
        if ch == " ":
            generated = c.FPDFText_IsGenerated(raw, i) == 1
            c.FPDFText_GetCharBox(raw, i, *box)
            out.append(_Char(" ", left.value, right.value, bottom.value, 0.0, bold, generated))
            word_start = True
            continue
        c.FPDFText_GetCharBox(raw, i, *box)
        size = c.FPDFText_GetFontSize(raw, i) or (top.value - bottom.value) or 10.0
        if word_start:
            bold = c.FPDFText_GetFontWeight(raw, i) >= 600
            word_start = False
        x0, x1 = left.value, max(right.value, left.value)
        char = _Char(_LIGATURES.get(ch, ch), x0, x1, bottom.value, size, bold)
        if ch.isalnum():
            char.y += 0.21 * size if ch in _DESCENDERS else 0.0
            line_y = char.y
            for w in waiting:
                w.y = char.y
            waiting = []
        elif line_y is not None and abs(char.y - line_y) < size:
            char.y = line_y
        else:
            waiting.append(char)
        out.append(char)
    return out


def _runs(chars: list[_Char | None]) -> list[_Run]:
    runs: list[_Run] = []
    run: _Run | None = None
    ink: _Char | None = None  # the last character that is not a space
    spaced = False  # whether a space the document wrote came after it
    for ch in chars:
        if ch is None:
            continue
        if ch.c == " ":
            spaced = spaced or not ch.generated
            if run is not None:
                run.chars.append(ch)
            continue
        if run is not None and ink is not None:
            scale = max(ch.size, run.size)
            gap = ch.x0 - ink.x1
            # Justified lines widen the spaces the document wrote; a gap with none is a new cell.
            wide = 3.0 * scale if spaced else 1.0 * scale
            if abs(ch.y - run.y) > 0.5 * scale or gap > wide or gap < -2.0 * scale:
                run = None
        if run is None:
            run = _Run(y=ch.y, size=ch.size)
            runs.append(run)
        elif ch.size > run.size * 1.2:  # the run began with a superscript: rebase it
            run.y, run.size = ch.y, ch.size
        run.chars.append(ch)
        ink, spaced = ch, False
    for r in runs:
        while r.chars and r.chars[-1].c == " ":
            r.chars.pop()
        r.x0, r.x1 = min(c.x0 for c in r.chars), max(c.x1 for c in r.chars)
    return runs


def _run_text(run: _Run) -> str:
    """The run's text without its footnote markers (small raised digits), keeping a note's own number
    at the start of its line and the 2 of m²."""
    out: list[str] = []
    for i, ch in enumerate(run.chars):
        sup = ch.size < 0.8 * run.size and ch.y - run.y > 0.15 * run.size
        if sup and i > 0 and (ch.c.isdigit() or ch.c in "*\u2020\u2021,"):
            before = "".join(out).rstrip()
            if not (ch.c in "23" and before.endswith("m")):
                continue
        if sup and i == 0:
            out.append(ch.c)
            nxt = run.chars[1].c if len(run.chars) > 1 else " "
            if nxt != " " and not (run.chars[1].size < 0.8 * run.size):
                out.append(" ")
            continue
        out.append(ch.c)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def _gutter(runs: list[_Run], width: float) -> float | None:
    """The x of the gutter between two columns, if the page has two."""
    if len(runs) < 8:
        return None
    bins = [0] * (int(width) + 2)
    for r in runs:
        for x in range(max(0, int(r.x0)), min(len(bins), int(r.x1) + 1)):
            bins[x] += 1
    lo, hi = int(width * 0.3), int(width * 0.7)
    limit = max(1, len(runs) // 10)
    best: tuple[int, int] | None = None
    start: int | None = None
    for x in range(lo, hi + 1):
        if bins[x] <= limit and x < hi:
            start = x if start is None else start
        elif start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < 4:
        return None
    g = (best[0] + best[1]) / 2
    left = [r for r in runs if r.x1 < g]
    right = [r for r in runs if r.x0 > g]
    if len(left) < 4 or len(right) < 4:
        return None
    # The two sides must stand side by side, not one above the other (a table under a paragraph).
    (l_lo, l_hi), (r_lo, r_hi) = ((min(r.y for r in s), max(r.y for r in s)) for s in (left, right))
    return g if min(l_hi, r_hi) - max(l_lo, r_lo) > 0.5 * min(l_hi - l_lo, r_hi - r_lo) else None


def _page_lines(tp: Any, page: int) -> list[_Line]:
    runs = _runs(_chars(tp))
    if not runs:
        return []
    width = max(r.x1 for r in runs) + 1
    g = _gutter(runs, width)

    def column(r: _Run) -> int:
        if g is None or (r.x0 < g < r.x1):
            return 0
        return 1 if r.x1 <= g else 2

    ordered: list[_Run] = []
    band: list[_Run] = []
    for r in _rows(runs):
        if column(r) == 0:
            ordered += sorted(band, key=column)  # stable: each column keeps its rows in order
            band = []
            ordered.append(r)
        else:
            band.append(r)
    ordered += sorted(band, key=column)
    lines: list[_Line] = []
    for r in ordered:
        text = _run_text(r)
        if not text:
            continue
        col = column(r)
        last = lines[-1] if lines else None
        if last is not None and last.column == col and abs(last.y - r.y) < 0.3 * r.size and r.x0 > last.x0:
            gap = r.x0 - last.x1
            table = gap > r.size
            last.text += (" | " if table else " ") + text
            last.table = last.table or table
            last.x1 = r.x1
            continue
        bold = sum(c.bold for c in r.chars) > 0.8 * len(r.chars)
        lines.append(_Line(page, text, r.x0, r.x1, r.y, r.size, bold, col))
    return lines


def _rows(runs: list[_Run]) -> list[_Run]:
    """Top to bottom, and left to right along a line: runs whose baselines differ by less than a
    third of their size share a line (round letters dip below the baseline, so exact heights differ)."""
    out: list[_Run] = []
    row: list[_Run] = []
    for r in sorted(runs, key=lambda r: -r.y):
        if row and row[0].y - r.y > 0.3 * r.size:
            out += sorted(row, key=lambda r: r.x0)
            row = []
        row.append(r)
    return out + sorted(row, key=lambda r: r.x0)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[tuple[list[_Line], float]]) -> list[_Line]:
    """Every line but running headers and footers and page numbers."""

    def edge(lines: list[_Line], height: float) -> list[_Line]:
        """The lines set apart at the top and the bottom of the page: above (below) a gap wider than
        two body lines, within the outer eighth of the page, at most three levels deep."""
        if not lines:  # a blank page, or a picture
            return []
        levels = sorted({round(ln.y) for ln in lines}, reverse=True)
        size = statistics.median(ln.size for ln in lines)
        keep: set[int] = set()
        for seq, top in ((levels, True), (levels[::-1], False)):
            for i in range(min(3, len(seq))):
                if (seq[i] < height * 0.87) if top else (seq[i] > height * 0.13):
                    break
                if i + 1 == len(seq) or abs(seq[i] - seq[i + 1]) > 2.2 * size:
                    keep.update(seq[: i + 1])
                    break
        return [ln for ln in lines if round(ln.y) in keep]

    seen: Counter[str] = Counter()
    for lines, height in pages:
        seen.update({_key(ln.text) for ln in edge(lines, height)})
    repeated = max(2, (len(pages) + 1) // 3)
    out: list[_Line] = []
    for lines, height in pages:
        furniture = {
            id(ln)
            for ln in edge(lines, height)
            if seen[_key(ln.text)] >= repeated or _PAGE_NUMBER.fullmatch(ln.text)
        }
        out += [ln for ln in lines if id(ln) not in furniture]
    return out


def _body_size(lines: list[_Line]) -> float:
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _document(lines: list[_Line], path: str, meta: dict[str, str | None], labels: list[str]) -> Document:
    body = _body_size(lines)
    pitches = [
        a.y - b.y
        for a, b in itertools.pairwise(lines)
        if a.page == b.page
        and a.column == b.column
        and abs(a.size - body) < 0.5
        and abs(b.size - body) < 0.5
        and 0 < a.y - b.y < 3 * body
    ]
    pitch = statistics.median(pitches) if pitches else body * 1.2
    col_edges: dict[tuple[int, int], tuple[float, float]] = {}
    for ln in lines:
        lo, hi = col_edges.get((ln.page, ln.column), (ln.x0, ln.x1))
        col_edges[(ln.page, ln.column)] = (min(lo, ln.x0), max(hi, ln.x1))
    notes = _notes(lines, body)

    # Footnotes go after the body, so a sentence that runs on over a page is not cut by the notes
    # at the foot of the page.
    paras: list[list[_Line]] = []
    for group in ([ln for ln in lines if id(ln) not in notes], [ln for ln in lines if id(ln) in notes]):
        start = len(paras)
        for ln in group:
            prev = paras[-1][-1] if len(paras) > start else None
            if prev is None or _breaks(prev, ln, body, pitch, col_edges, notes):
                paras.append([ln])
            else:
                paras[-1].append(ln)
    _rejoin_hyphens(paras)

    text_parts: list[str] = []
    blocks: list[Block] = []
    places: list[tuple[int, str]] = []
    pos = 0
    page = 0
    for para in paras:
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        start = pos
        for i, ln in enumerate(para):
            if i:
                text_parts.append("\n")
                pos += 1
            if ln.page != page:
                page = ln.page
                places.append((pos, f"p. {labels[page - 1]}"))
            text_parts.append(ln.text)
            pos += len(ln.text)
        raw = "".join(text_parts[-(2 * len(para) - 1) :])
        first = para[0]
        note = id(first) in notes
        heading = not note and (
            first.size >= body * 1.15
            or (all(ln.bold for ln in para) and len(raw.split()) <= 12 and not _TERMINAL.search(raw))
        )
        table = first.table
        masked = prose(raw.replace(" | ", "   ") if table else raw)
        blocks.append(Block(masked, start, heading=heading, note=note, section=heading))
    return Document(
        path=path, text="".join(text_parts), blocks=tuple(blocks), meta=meta, places=tuple(places)
    )


def _notes(lines: list[_Line], body: float) -> set[int]:
    """The footnotes: the run of small lines that ends a page, from the first that opens with a number."""
    notes: set[int] = set()
    by_page: dict[int, list[_Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    for page_lines in by_page.values():
        tail: list[_Line] = []
        for ln in reversed(page_lines):
            if ln.size > body * 0.92:
                break
            tail.append(ln)
        tail.reverse()
        for i, ln in enumerate(tail):
            if _NOTE_START.match(ln.text):
                notes.update(id(x) for x in tail[i:])
                break
    return notes


def _breaks(
    prev: _Line,
    ln: _Line,
    body: float,
    pitch: float,
    edges: dict[tuple[int, int], tuple[float, float]],
    notes: set[int],
) -> bool:
    """Whether `ln` starts a new paragraph after `prev`."""
    if prev.table or ln.table:
        return True
    if id(ln) in notes:
        return _NOTE_START.match(ln.text) is not None
    if abs(ln.size - prev.size) > 0.12 * body or (
        prev.bold != ln.bold and (prev.size >= body * 1.15 or ln.bold)
    ):
        return True
    ended = _TERMINAL.search(prev.text) is not None
    if ln.page != prev.page or ln.column != prev.column or ln.y >= prev.y:
        # The next column or page: a sentence left open runs on.
        return ended and not ln.text[:1].islower()
    left, right = edges[(ln.page, ln.column)]
    if prev.y - ln.y > pitch * 1.4:
        return True
    if ln.x0 - left > 1.2 * ln.size and not ln.text[:1].islower():
        return True  # a first-line indent
    return ended and prev.x1 < right - 3 * ln.size and not ln.text[:1].islower()


def _rejoin_hyphens(paras: list[list[_Line]]) -> None:
    """ "infra-" at a line end and "structure" on the next line become "infrastructure" on the first."""
    words = {w.lower() for para in paras for ln in para for w in re.findall(r"[\w-]+", ln.text)}
    for para in paras:
        for a, b in itertools.pairwise(para):
            if (
                a.table
                or b.table
                or len(a.text) < 2
                or a.text[-1] not in _HYPHENS
                or not a.text[-2].isalpha()
            ):
                continue
            m = re.match(r"(\w+)([^\s]*)\s*", b.text)
            if m is None or not m.group(1)[0].islower():
                continue
            head = re.search(r"[\w-]+$", a.text[:-1])
            stem = head.group() if head else ""
            joined = f"{stem}{m.group(1)}".lower()
            keep = f"{stem}-{m.group(1)}".lower() in words and joined not in words
            a.text = (a.text if keep else a.text[:-1]) + m.group(1) + m.group(2)
            b.text = b.text[m.end() :]
    for para in paras:
        para[:] = [ln for ln in para if ln.text] or para[:1]

"""Read a document into blocks of prose with exact positions.

Markdown goes through a CommonMark parser (markdown-it-py) because its source maps say which lines
are paragraphs, headings, list items and table rows, and which are code, HTML, front matter or link
reference definitions; hand-written line rules get nested lists and fences wrong. Inside a prose
block, inline markup (code spans, link targets, URLs, HTML tags, emphasis marks) is blanked out
character for character, so every offset in a block is an offset in the file the user wrote.
"""

from __future__ import annotations

import bisect
import gc
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from factcheck import bounded, readers, safeyaml
from factcheck.errors import FactcheckError
from factcheck.model import Block, Document
from factcheck.readers import MARKDOWN_SUFFIXES as MARKDOWN_SUFFIXES
from factcheck.text import fold

MAX_BYTES = bounded.MAX_BYTES

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Inline regions that are not prose. Each alternative is bounded by a delimiter it cannot contain,
# so matching is linear in the line's length.
_INLINE_NOISE = re.compile(
    r"<!--.*?-->"  # HTML comment
    r"|<sup>[^<]{0,40}</sup>"  # footnote marker
    r"|<[A-Za-z/][^<>\n]{0,200}>"  # HTML tag or autolink
    r"|(`+)[^`]*?\1"  # code span
    r"|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"  # link target
    r"|\[\^?[0-9]{1,4}\]"  # footnote reference [12] / [^12]
    r"|\[\^[^\]\s]{1,40}\]"
    r"|\bhttps?://\S+|\bwww\.\S+"  # bare URL
)
_LINE_PREFIX = re.compile(r"^[ \t]*(?:(?:>[ \t]?)|(?:[-*+][ \t]+)|(?:\d{1,9}[.)][ \t]+))*(?:#{1,6}[ \t]+)?")
_EMPHASIS = re.compile(r"(?<![A-Za-z0-9])[*_]{1,3}|[*_]{1,3}(?![A-Za-z0-9])|[|\\]|\[|\]|~~")


def _blank(text: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in text)


def _mask_inline(text: str) -> str:
    """Blank out inline markup, keeping every other character where it was."""
    text = _INLINE_NOISE.sub(lambda m: _blank(m.group()), text)
    lines = text.split("\n")
    lines = [_LINE_PREFIX.sub(lambda m: _blank(m.group()), ln, count=1) for ln in lines]
    return _EMPHASIS.sub(lambda m: _blank(m.group()), "\n".join(lines))


def decode(raw: bytes, path: str) -> str:
    if b"\x00" in raw[:8192]:
        raise FactcheckError("binary file, not text", path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise FactcheckError(
            f"not valid UTF-8 (byte {e.start}); re-save the file as UTF-8", path, line
        ) from None


def read_path(path: Path, display: str | None = None) -> Document:
    name = bounded.display_name(display or str(path))
    limit = readers.format_of(path.name).max_bytes
    raw = bounded.read_bytes(path, name, limit=limit)  # a regular file, at most the format's limit
    return readers.reader_for(path.name)(raw, name)


def read_text(raw: bytes, path: str) -> Document:
    return parse(decode(raw, path), path, markdown=False)


def read_markdown(raw: bytes, path: str) -> Document:
    return parse(decode(raw, path), path, markdown=True)


def read_stdin(name: str = "<stdin>") -> Document:
    """Standard input, read in chunks up to MAX_BYTES (it may be a pipe that never ends): Markdown,
    unless the name it is reported under says plain text."""
    raw = bounded.read_stream(sys.stdin.buffer, name, limit=MAX_BYTES)
    markdown = name == "<stdin>" or not name.lower().endswith(".txt")
    return parse(decode(raw, name), name, markdown=markdown)


def parse(text: str, path: str, *, markdown: bool) -> Document:
    """Split a document into prose blocks; Markdown front matter becomes metadata."""
    path = bounded.display_name(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str | None] = {}
    body = text
    m = _FRONT.match(text) if markdown else None
    if m:
        meta = _front_matter(m.group(1) or "", path)
        body = _blank(m.group()) + text[m.end() :]
    blocks = _markdown_blocks(body) if markdown else _text_blocks(body)
    return Document(path=path, text=text, blocks=tuple(blocks), meta=meta)


def _front_matter(src: str, path: str) -> dict[str, str | None]:
    try:
        data = safeyaml.load(src, path, first_line=2) if src.strip() else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise FactcheckError(f"malformed front matter: {getattr(e, 'problem', e)}", path, line) from None
    if not isinstance(data, dict):
        raise FactcheckError("front matter must be a mapping of keys to values", path, 1)
    return {str(k): (None if v is None else str(v)) for k, v in data.items()}


def _text_blocks(text: str) -> list[Block]:
    """Plain text: a block per paragraph; a line is a paragraph of its own unless the next line
    continues its sentence (starts in lower case), as in hard-wrapped text."""
    blocks: list[Block] = []
    start = 0
    cur_start: int | None = None
    cur_end = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if not stripped:
            if cur_start is not None:
                blocks.append(Block(text[cur_start:cur_end], cur_start))
                cur_start = None
        elif cur_start is not None and stripped[0].islower():
            cur_end = end
        else:
            if cur_start is not None:
                blocks.append(Block(text[cur_start:cur_end], cur_start))
            cur_start, cur_end = start, end
        start = end + 1
    if cur_start is not None:
        blocks.append(Block(text[cur_start:cur_end], cur_start))
    return [
        Block(
            fold(fold_invisible(_mask_footnotes(_mask_marker(b.text)))),
            b.offset,
            heading=_looks_like_title(b.text),
            note=_NOTE.match(b.text) is not None,
        )
        for b in blocks
    ]


# A paragraph that opens with a list or note number ("12. Ji Tianqin, ...", "<sup>2</sup> Xu"), or a
# bullet: the marker is layout, not a figure.
_NOTE = re.compile(r"\s*(?:\d{1,3}\.?\s|<sup>\d{1,3}</sup>)")
_MARKER = re.compile(
    r"\s*(?:\d{1,3}\.\s|\d{1,3}\s(?=[A-Z*\"'\u201c\u2018])|[\u2022\u25b6\u25ba\u25aa\u2023\u2043*-]\s)"
)


def _mask_marker(text: str) -> str:
    m = _MARKER.match(text)
    return _blank(m.group()) + text[m.end() :] if m else text


def _looks_like_title(text: str) -> bool:
    """A short single line with no closing punctuation: a title or a caption label, not a sentence."""
    t = text.strip()
    return "\n" not in t and len(t.split()) <= 12 and not t.endswith((".", "!", "?", ":", '"', "\u201d", ")"))


# Footnote markers: <sup>12</sup>, [12], and the bare kind a PDF or web copy glues to the end of a
# sentence ("infrastructure.45 According", "in 1998.40 In 2000").
_TEXT_NOISE = re.compile(
    r"<sup>[^<]{0,40}</sup>|\[\d{1,4}\]|\bhttps?://\S+|\bwww\.\S+"
    r"|(?:(?<=[A-Za-z)\"'\u2019\u201d]\.)|(?<=\b(?:19|20)\d\d\.))\d{1,3}(?=\s+[A-Z\"\u201c]|\s*$)"
)


# ... and to a year in running text ("opened in Uzbekistan in 201665 and Kazakhstan", "in 2016,68 and").
_GLUED_TO_YEAR = re.compile(
    r"\b(?:in|since|by|until|of|spring|summer|autumn|fall|winter) (?:19|20)\d\d,?(\d{1,3})(?=[\s;])"
)


def _mask_footnotes(text: str) -> str:
    text = _TEXT_NOISE.sub(lambda m: _blank(m.group()), text)
    return _GLUED_TO_YEAR.sub(lambda m: m.group()[: m.start(1) - m.start()] + _blank(m.group(1)), text)


def _markdown_blocks(body: str) -> list[Block]:
    from markdown_it import MarkdownIt  # imported here: only Markdown input pays for the parser

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    starts = [0]
    for i, c in enumerate(body):
        if c == "\n":
            starts.append(i + 1)
    seen: set[tuple[int, int]] = set()
    blocks: list[Block] = []
    # The parser makes a few objects per line and keeps them all; the cyclic garbage collector
    # walking them again and again tripled the time of a long document (a 100,000-row table).
    collecting = gc.isenabled()
    gc.disable()
    try:
        tokens = md.parse(body)
    finally:
        if collecting:
            gc.enable()
    for n, tok in enumerate(tokens):
        if tok.type != "inline" or tok.map is None:
            continue
        a, b = tok.map
        if (a, b) in seen:  # table cells share their row's lines
            continue
        seen.add((a, b))
        lo = starts[a]
        hi = starts[b] - 1 if b < len(starts) else len(body)
        heading = n > 0 and tokens[n - 1].type in ("heading_open", "th_open")  # titles, column heads
        text = fold(fold_invisible(_mask_glued(_mask_inline(body[lo:hi]))))
        blocks.append(Block(text, lo, heading=heading))
    blocks += _too_deep(body, tokens, starts)
    return sorted(blocks, key=lambda b: b.offset)


# How many containers (a list and its item count two) the Markdown parser opens before it stops:
# past the limit it skips the rest of the container silently, and _too_deep reads what it skipped.
# The parser recurses once per level, so the limit keeps it well inside Python's recursion limit.
MAX_NESTING = 200


def _too_deep(body: str, tokens: list[Any], starts: list[int]) -> list[Block]:
    """Blocks for the lines inside containers nested past MAX_NESTING, which the parser leaves
    unread: their markers (`>`, `-`, `1.`) blanked, then split into paragraphs as plain text is."""
    out: list[Block] = []
    for tok in tokens:
        if tok.nesting != 1 or tok.map is None or tok.level + 1 < MAX_NESTING:
            continue
        a, b = tok.map
        lo = starts[a]
        hi = starts[b] - 1 if b < len(starts) else len(body)
        for blk in _text_blocks(_mask_glued(_mask_inline(body[lo:hi]))):
            if blk.text.strip():
                out.append(Block(blk.text, blk.offset + lo, note=blk.note))
    return out


# A footnote number glued to the end of a sentence ("in August 2019.59 While"), as _TEXT_NOISE
# finds it in plain text.
_GLUED_NOTE = re.compile(
    r"(?:(?<=[A-Za-z)\"'\u2019\u201d]\.)|(?<=\b(?:19|20)\d\d\.))\d{1,3}(?=\s+[A-Z\"\u201c]|\s*\Z)"
)


def _mask_glued(text: str) -> str:
    return _GLUED_NOTE.sub(lambda m: _blank(m.group()), text)


# Invisible format characters (Unicode category Cf: zero-width spaces and joiners, direction marks,
# the word joiner, the byte-order mark; and the soft hyphen) split "4\u200b3" into two numbers and
# keep "5\u2060%" from being a percentage. Removing them would move every later offset, so each
# word holding one is rewritten with them taken out and as many spaces put at its end: the word
# reads as it looks, and every character stays within its word.
_CF = (  # the code points of category Cf (Unicode 14), as a character-class body
    r"\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    r"\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_HAS_CF = re.compile(f"[{_CF}]")
# from a word's start (the lookbehind keeps the search linear), through its last invisible character
_CF_WORD = re.compile(rf"(?<!\S)[^\s{_CF}]*(?:[{_CF}][^\s{_CF}]*)+")


def fold_invisible(text: str) -> str:
    if _HAS_CF.search(text) is None:
        return text

    def squeeze(m: re.Match[str]) -> str:
        word = _HAS_CF.sub("", m.group())
        return word + " " * (len(m.group()) - len(word))

    return _CF_WORD.sub(squeeze, text)


class LineIndex:
    """Offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


def prose(text: str) -> str:
    """A paragraph a laid-out reader (PDF, HTML, Word) found, masked as a plain-text paragraph is:
    its list or note marker, glued footnote numbers and URLs blanked, quotes and dashes folded."""
    return fold(_mask_footnotes(_mask_marker(text)))

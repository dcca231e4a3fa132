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
import itertools
import re
import sys
from pathlib import Path
from typing import Any

from factcheck import bounded, derived, readers
from factcheck.errors import FactcheckError
from factcheck.model import Block, Document
from factcheck.readers import MARKDOWN_SUFFIXES as MARKDOWN_SUFFIXES
from factcheck.text import fold

MAX_BYTES = bounded.MAX_BYTES

# The patterns of this module are compiled on every run: through derived.regex, whose kept SRE code
# saves the ~7 ms `re` took to compile them.
_FRONT = derived.regex(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Inline regions that are not prose. Each alternative is bounded by a delimiter it cannot contain,
# so matching is linear in the line's length.
_INLINE_NOISE = derived.regex(
    r"<!--.*?-->"  # HTML comment
    r"|<sup>[^<]{0,40}</sup>"  # footnote marker
    r"|<[A-Za-z/][^<>\n]{0,200}>"  # HTML tag or autolink
    r"|(`+)[^`]*?\1"  # code span
    r"|!\[[^\[\]\n]{0,500}\]"  # an image's alt text describes a picture; it is no claim of the brief
    r"|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"  # link target
    r"|\[\^?[0-9]{1,4}\]"  # footnote reference [12] / [^12]
    r"|\[\^[^\]\s]{1,40}\]"
    r"|\bhttps?://\S+|\bwww\.\S+"  # bare URL
)
_LINE_PREFIX = derived.regex(
    r"^[ \t]*(?:(?:>[ \t]?)|(?:[-*+][ \t]+)|(?:\d{1,9}[.)][ \t]+))*(?:#{1,6}[ \t]+)?"
)
_EMPHASIS = derived.regex(r"(?<![A-Za-z0-9])[*_]{1,3}|[*_]{1,3}(?![A-Za-z0-9])|[|\\]|\[|\]|~~")


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
    import yaml  # here: only a draft with front matter pays for PyYAML

    from factcheck import safeyaml

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
    continues its sentence (starts in lower case), as in hard-wrapped text. A blank line inside a
    sentence (a page break in text taken from a PDF: "... is a strong opponent", blank, "of this
    initiative ...") does not end it."""
    blocks: list[Block] = []
    start = 0
    cur_start: int | None = None
    cur_end = 0
    gap = False  # a blank line since the current paragraph's last line
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if not stripped:
            gap = cur_start is not None
        elif (
            cur_start is not None
            and stripped[0].islower()
            and (not gap or _unfinished(text[cur_start:cur_end]))
        ):
            cur_end = end
            gap = False
        else:
            if cur_start is not None:
                blocks.append(Block(text[cur_start:cur_end], cur_start))
            cur_start, cur_end = start, end
            gap = False
        start = end + 1
    if cur_start is not None:
        blocks.append(Block(text[cur_start:cur_end], cur_start))
    return [
        Block(
            fold(fold_invisible(_mask_footnotes(_mask_marker(b.text)))),
            b.offset,
            heading=_looks_like_title(b.text),
            note=_NOTE.match(b.text) is not None,
            section=_looks_like_title(b.text),
        )
        for b in blocks
    ]


def _unfinished(paragraph: str) -> bool:
    """A paragraph that stops mid-sentence: its last word is a word, with no closing punctuation."""
    t = paragraph.rstrip()
    return bool(t) and (t[-1].isalpha() or t[-1] == ",")


# A paragraph that opens with a list or note number ("12. Ji Tianqin, ...", "<sup>2</sup> Xu"), or a
# bullet: the marker is layout, not a figure.
_NOTE = derived.regex(r"\s*(?:\d{1,3}\.?\s|<sup>\d{1,3}</sup>)")
_MARKER = derived.regex(
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
_TEXT_NOISE = derived.regex(
    r"<sup>[^<]{0,40}</sup>|\[\d{1,4}\]|\bhttps?://\S+|\bwww\.\S+"
    r"|(?:(?<=[A-Za-z)\"'\u2019\u201d]\.)|(?<=\b(?:19|20)\d\d\.))\d{1,3}(?=\s+[A-Z\"\u201c]|\s*$)"
)


# ... and to a year in running text ("opened in Uzbekistan in 201665 and Kazakhstan", "in 2016,68 and").
_GLUED_TO_YEAR = derived.regex(
    r"\b(?:in|since|by|until|of|spring|summer|autumn|fall|winter) (?:19|20)\d\d,?(\d{1,3})(?=[\s;])"
)


def _mask_footnotes(text: str) -> str:
    text = _TEXT_NOISE.sub(lambda m: _blank(m.group()), text)
    return _GLUED_TO_YEAR.sub(lambda m: m.group()[: m.start(1) - m.start()] + _blank(m.group(1)), text)


def _markdown_blocks(body: str, chunk_lines: int = 5_000) -> list[Block]:
    from markdown_it import MarkdownIt  # imported here: only Markdown input pays for the parser

    # Only the block structure is used (which lines are prose): the inline parse, which makes a
    # token per word run and mark and kept most of a long document's memory, is skipped.
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.disable(["inline", "text_join"])
    starts = _line_starts(body)
    lines = body.split("\n")
    blocks: list[Block] = []
    for first, last, prefix in _chunks(lines, chunk_lines):
        tokens = _parse(md, prefix, lines[first:last], first)  # one part's tokens at a time
        seen: set[tuple[int, int]] = set()
        for n, (kind, a, b, _, _) in enumerate(tokens):
            if kind != "inline" or a < 0 or (a, b) in seen:  # table cells share their row's lines
                continue
            seen.add((a, b))
            lo = starts[a]
            hi = starts[b] - 1 if b < len(starts) else len(body)
            opener = tokens[n - 1][0] if n > 0 else ""
            text = fold(fold_invisible(_mask_glued(_mask_inline(body[lo:hi]))))
            heading = opener in ("heading_open", "th_open")  # titles, column heads
            blocks.append(Block(text, lo, heading=heading, section=opener == "heading_open"))
        blocks += _too_deep(body, tokens, starts)
    return sorted(blocks, key=lambda b: b.offset)


# A token as the blocks need it: type, first and end line (-1 without a map), level, nesting.
_Tok = tuple[str, int, int, int, int]


def _parse(md: Any, prefix: list[str], lines: list[str], first: int) -> list[_Tok]:
    """Parse `prefix` + `lines`; the tokens of `lines`, their lines numbered from `first`."""
    # The parser makes a few objects per line; the cyclic garbage collector walking them again and
    # again tripled the time of a long document (a 100,000-row table).
    collecting = gc.isenabled()
    gc.disable()
    try:
        tokens = md.parse("\n".join(prefix + lines))
    finally:
        if collecting:
            gc.enable()
    shift = first - len(prefix)
    out: list[_Tok] = []
    for tok in tokens:
        if tok.map is None:
            out.append((tok.type, -1, -1, tok.level, tok.nesting))
        elif tok.map[0] >= len(prefix):
            out.append((tok.type, tok.map[0] + shift, tok.map[1] + shift, tok.level, tok.nesting))
    return out


# Where a document can be cut into parts parsed one by one, so that memory stays bounded (the
# parser keeps objects for every line: a 13 MB table took 3 GB): before a line that starts a new
# top-level block whatever came before it, outside a fenced code block or an HTML block that may
# span blank lines. That is a line at the left margin after a blank line; or the next row of a
# table, parsed after a copy of the table's header and delimiter rows (whose tokens are dropped).
_FENCE = derived.regex(r" {0,3}(`{3,}|~{3,})")
_HTML_OPEN = derived.regex(
    r" {0,3}<(?:(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z])|((?i:script|pre|style|textarea))(?=[\s>]|$))"
)
_TABLE_DELIM = derived.regex(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_CONTAINER = derived.regex(r"(?:>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$))")
_NOT_A_ROW = derived.regex(r" {0,3}(?:[>#*+<-]|\d{1,9}[.)](?:\s|$))| {4}|\t")


def _chunks(lines: list[str], size: int) -> list[tuple[int, int, list[str]]]:
    """(first line, end line, lines to parse before them) for each part of a document."""
    out: list[tuple[int, int, list[str]]] = []
    first = 0
    prefix: list[str] = []
    fence = ""  # the open fence's marker
    html_end = ""  # what closes the open HTML block
    header: list[str] = []  # the open top-level table's header and delimiter rows
    nested = False  # since the last blank line, a line was inside a quote or list: no table starts
    for i, line in enumerate(lines):
        if fence:
            stripped = line.strip()
            if _FENCE.match(line) and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        if html_end:
            if html_end in line.lower():
                html_end = ""
            continue
        if header and ("|" not in line or _NOT_A_ROW.match(line)):
            header = []  # the table ended (a blank line, or a line that starts another block)
        at_margin = line[:1] not in ("", " ", "\t")
        nested = bool(line.strip()) and (nested or not at_margin or _CONTAINER.match(line) is not None)
        if i - first >= size and ((at_margin and not lines[i - 1].strip()) or header):
            out.append((first, i, prefix))
            first, prefix = i, list(header)
        if m := _FENCE.match(line):
            fence = m.group(1)
            continue
        if h := _HTML_OPEN.match(line):
            kind = next(k for k, g in enumerate(h.groups()) if g is not None)
            html_end = ("-->", "?>", "]]>", ">", f"</{(h.group(5) or '').lower()}>")[kind]
            if html_end in line[h.end() :].lower():
                html_end = ""
            continue
        if (
            not header
            and not nested
            and i > 0
            and line[:1] in "|-:"
            and "-" in line
            and _TABLE_DELIM.match(line)
            and lines[i - 1][:1] not in ("", " ", "\t")
            and "|" in lines[i - 1]
            and _cells(lines[i - 1]) == _cells(line)
        ):
            header = [lines[i - 1], line]
    out.append((first, len(lines), prefix))
    return out


def _cells(row: str) -> int:
    return len(row.strip().removeprefix("|").removesuffix("|").replace("\\|", "").split("|"))


# How many containers (a list and its item count two) the Markdown parser opens before it stops:
# past the limit it skips the rest of the container silently, and _too_deep reads what it skipped.
# The parser recurses once per level, so the limit keeps it well inside Python's recursion limit.
MAX_NESTING = 200


def _too_deep(body: str, tokens: list[_Tok], starts: list[int]) -> list[Block]:
    """Blocks for the lines inside containers nested past MAX_NESTING, which the parser leaves
    unread: their markers (`>`, `-`, `1.`) blanked, then split into paragraphs as plain text is."""
    out: list[Block] = []
    for _, a, b, level, nesting in tokens:
        if nesting != 1 or a < 0 or level + 1 < MAX_NESTING:
            continue
        lo = starts[a]
        hi = starts[b] - 1 if b < len(starts) else len(body)
        for blk in _text_blocks(_mask_glued(_mask_inline(body[lo:hi]))):
            if blk.text.strip():
                out.append(Block(blk.text, blk.offset + lo, note=blk.note))
    return out


# A footnote number glued to the end of a sentence ("in August 2019.59 While"), as _TEXT_NOISE
# finds it in plain text.
_GLUED_NOTE = derived.regex(
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
_HAS_CF = derived.regex(f"[{_CF}]")
# from a word's start (the lookbehind keeps the search linear), through its last invisible character
_CF_WORD = derived.regex(rf"(?<!\S)[^\s{_CF}]*(?:[{_CF}][^\s{_CF}]*)+")


def fold_invisible(text: str) -> str:
    if _HAS_CF.search(text) is None:
        return text

    def squeeze(m: re.Match[str]) -> str:
        word = _HAS_CF.sub("", m.group())
        return word + " " * (len(m.group()) - len(word))

    return _CF_WORD.sub(squeeze, text)


def _line_starts(text: str) -> list[int]:
    """The offset of each line's first character (a loop over the characters took seconds on 2 MB)."""
    return [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n")[:-1])]


class LineIndex:
    """Offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = _line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


def prose(text: str) -> str:
    """A paragraph a laid-out reader (PDF, HTML, Word) found, masked as a plain-text paragraph is:
    its list or note marker, glued footnote numbers and URLs blanked, quotes and dashes folded."""
    return fold(_mask_footnotes(_mask_marker(text)))
